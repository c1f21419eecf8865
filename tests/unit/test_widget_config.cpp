#include <catch2/catch.hpp>

#include "fixtures.hpp"
#include "widget_config.hpp"

using namespace wstats;
using wstats::test::has;

namespace {
const std::int64_t kNow = 1714551300;
}

TEST_CASE("A configuration with a query selects api mode", "[config]") {
    auto r = read_widget_config(
        R"({"endpoint":"http://127.0.0.1:9","refresh":"30","timeout":5,"title":"Sales floor",)"
        R"("query":{"WorkspaceSid":"WS0123456789abcdef0123456789abcdef","Minutes":240,"TaskChannel":"voice"}})",
        kNow);
    REQUIRE(r.ok());
    CHECK(r.config.mode == SourceMode::api);
    CHECK(r.config.refresh_seconds == 30);
    CHECK(r.config.timeout_ms == 5000);
    CHECK(r.config.title == "Sales floor");
    CHECK(r.config.query.minutes == "240");
    CHECK(r.config.query.task_channel == "voice");
}

TEST_CASE("demo wins over src which wins over the API", "[config]") {
    CHECK(read_widget_config(R"({"demo":true,"src":"snap.json"})", kNow).config.mode == SourceMode::demo);
    CHECK(read_widget_config(R"({"demo":"","src":"snap.json"})", kNow).config.mode == SourceMode::demo);
    CHECK(read_widget_config(R"({"demo":false,"src":"snap.json"})", kNow).config.mode == SourceMode::snapshot);
    CHECK(read_widget_config(R"({"src":"snap.json"})", kNow).ok());
}

TEST_CASE("An api configuration is validated like a request plan", "[config]") {
    auto r = read_widget_config(R"({"query":{"WorkspaceSid":"WS1","Minutes":"abc"}})", kNow);
    CHECK_FALSE(r.ok());
    CHECK(has(r.problems, "invalid_sid", "WorkspaceSid", Severity::error));
    CHECK(has(r.problems, "invalid_minutes", "Minutes", Severity::error));
    CHECK(has(read_widget_config("{}", kNow).problems, "missing_parameter", "WorkspaceSid", Severity::error));
}

TEST_CASE("Misspelt query parameters are reported instead of ignored", "[config]") {
    Diagnostics p;
    auto q = read_query(R"({"WorkspaceSid":"WS0123456789abcdef0123456789abcdef","Minute":5})", p);
    CHECK(q.workspace_sid == "WS0123456789abcdef0123456789abcdef");
    CHECK(has(p, "unknown_parameter", "Minute", Severity::error));
}

TEST_CASE("refresh and timeout are bounded whole seconds", "[config]") {
    CHECK(has(read_widget_config(R"({"demo":1,"refresh":-1})", kNow).problems, "invalid_refresh", "refresh", Severity::error));
    CHECK(has(read_widget_config(R"({"demo":1,"refresh":"soon"})", kNow).problems, "invalid_refresh", "refresh", Severity::error));
    auto fast = read_widget_config(R"({"demo":1,"refresh":1})", kNow);
    CHECK(fast.ok());
    CHECK(fast.config.refresh_seconds == kMinRefreshSeconds);
    CHECK(has(fast.problems, "refresh_too_fast", "refresh", Severity::warning));
    CHECK(has(read_widget_config(R"({"demo":1,"timeout":0})", kNow).problems, "invalid_timeout", "timeout", Severity::error));
}

TEST_CASE("Bad JSON or a snapshot URL with credentials is refused", "[config]") {
    CHECK_FALSE(read_widget_config("not json", kNow).ok());
    CHECK(has(read_widget_config(R"({"src":"https://u:p@host/snap.json"})", kNow).problems, "credentials_in_url", "src",
              Severity::error));
    CHECK(has(read_widget_config(R"({"demo":1,"categories":"Lunch=nap"})", kNow).problems, "invalid_categories", "categories",
              Severity::error));
    CHECK(has(read_widget_config(R"({"demo":1,"title":7})", kNow).problems, "wrong_type", "title", Severity::error));
}
