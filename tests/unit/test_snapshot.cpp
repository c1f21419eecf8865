#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "fixtures.hpp"
#include "snapshot.hpp"

using namespace wstats;
using json = nlohmann::json;
using wstats::test::fixture;

TEST_CASE("render_snapshot_json renders a valid snapshot with its options", "[snapshot]") {
    const json out = json::parse(render_snapshot_json(fixture("custom-activities.json"),
                                                      R"({"title":"Floor","categories":"On Call=busy","minutes":15,"updated_at":1714551302000})"));
    CHECK(out["valid"] == true);
    CHECK(out["errors"].empty());
    const std::string html = out["html"];
    CHECK_THAT(html, Catch::Contains("<h2 class=\"ws-title\">Floor</h2>"));
    CHECK_THAT(html, Catch::Contains("08:15:02 UTC"));
    CHECK_THAT(html, Catch::Contains("<td class=\"ws-category\">busy</td>"));
}

TEST_CASE("render_snapshot_json shows the diagnostics of an invalid snapshot", "[snapshot]") {
    const json out = json::parse(render_snapshot_json(fixture("truncated.json"), ""));
    CHECK(out["valid"] == false);
    CHECK(out["errors"][0]["code"] == "malformed_json");
    CHECK_THAT(out["html"].get<std::string>(), Catch::Contains("Invalid snapshot"));
}

TEST_CASE("A bad categories option makes the snapshot invalid but still renders", "[snapshot]") {
    const json out = json::parse(render_snapshot_json(fixture("custom-activities.json"), R"({"categories":"Lunch=nap"})"));
    CHECK(out["valid"] == false);
    CHECK(out["errors"][0]["code"] == "invalid_categories");
    CHECK_THAT(out["html"].get<std::string>(), Catch::Contains("data-state=\"ok\""));
}

TEST_CASE("analyze_json applies the minutes and categories options", "[snapshot]") {
    const json out = json::parse(analyze_json(fixture("custom-activities.json"), R"({"minutes":240,"categories":"On Call=busy"})"));
    CHECK(out["valid"] == true);
    CHECK(out["warnings"][0]["code"] == "window_length_mismatch");
    CHECK(out["summary"]["realtime"]["busy"] == 7);
    CHECK(json::parse(analyze_json("{}", "not json"))["valid"] == true);  // unusable options: defaults
}

TEST_CASE("build_request_url_json gives a URL or every problem", "[snapshot]") {
    const json ok = json::parse(build_request_url_json(R"({"WorkspaceSid":"WS0123456789abcdef0123456789abcdef","Minutes":15})", "", 0));
    CHECK(ok["url"] == "https://taskrouter.twilio.com/v1/Workspaces/WS0123456789abcdef0123456789abcdef/Workers/Statistics?Minutes=15");
    CHECK(ok["errors"].empty());
    const json bad = json::parse(build_request_url_json(R"({"WorkspaceSid":"WS1","Minutes":1.5,"Nope":1})", "", 0));
    CHECK(bad["url"].is_null());
    CHECK(bad["errors"].size() == 3);
}
