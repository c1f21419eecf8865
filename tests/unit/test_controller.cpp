#include <catch2/catch.hpp>

#include "controller.hpp"
#include "demo_sample.hpp"
#include "fakes.hpp"
#include "fixtures.hpp"

using namespace wstats;
using wstats::test::FakeScheduler;
using wstats::test::FakeTransport;
using wstats::test::fixture;

namespace {
const std::string kApiConfig =
    R"({"endpoint":"http://127.0.0.1:8080","refresh":30,"query":{"WorkspaceSid":"WS0123456789abcdef0123456789abcdef","Minutes":15}})";

struct Harness {
    FakeTransport transport;
    FakeScheduler scheduler;
    std::vector<WidgetEvent> events;
    WidgetController controller{transport, scheduler, [this](const WidgetEvent& e) { events.push_back(e); }};
    std::vector<std::string> types() const {
        std::vector<std::string> t;
        for (const auto& e : events) t.push_back(e.type);
        return t;
    }
};
}  // namespace

TEST_CASE("The demo sample decodes with no diagnostics", "[controller]") {
    const Analysis a = analyze(demo_sample_json());
    CHECK(a.valid());
    CHECK(a.diagnostics.empty());
}

TEST_CASE("start fetches with Accept and shows loading then the figures", "[controller]") {
    Harness h;
    REQUIRE(h.controller.configure(kApiConfig).empty());
    h.controller.start();
    REQUIRE(h.transport.sent.size() == 1);
    const HttpRequest& req = h.transport.sent[0];
    CHECK(req.url == "http://127.0.0.1:8080/v1/Workspaces/WS0123456789abcdef0123456789abcdef/Workers/Statistics?Minutes=15");
    CHECK(find_header(req.headers, "accept") == "application/json");
    CHECK_FALSE(find_header(req.headers, "authorization"));
    CHECK(req.timeout_ms == 10000);
    REQUIRE(h.types() == std::vector<std::string>{"loading"});
    CHECK_THAT(h.events[0].html, Catch::Contains("data-state=\"loading\""));

    h.transport.answer(200, fixture("custom-activities.json"));
    REQUIRE(h.types() == std::vector<std::string>{"loading", "update"});
    CHECK_THAT(h.events[1].html, Catch::Contains("ws-activity-name\">On Call</th>"));
    CHECK_THAT(h.events[1].detail_json, Catch::Contains("\"valid\":true"));
}

TEST_CASE("Credentials go only into the Authorization header", "[controller]") {
    Harness h;
    h.controller.configure(kApiConfig);
    h.controller.set_credentials("AC0123456789abcdef0123456789abcdef", "s3cret");
    h.controller.start();
    const HttpRequest& req = h.transport.sent.at(0);
    CHECK(find_header(req.headers, "authorization") == basic_authorization("AC0123456789abcdef0123456789abcdef", "s3cret"));
    CHECK(req.url.find("s3cret") == std::string::npos);
    h.transport.answer(200, fixture("custom-activities.json"));
    for (const auto& e : h.events) {
        CHECK(e.html.find("s3cret") == std::string::npos);
        CHECK(e.detail_json.find("s3cret") == std::string::npos);
    }
}

TEST_CASE("Refreshes follow the schedule and only one request is in flight", "[controller]") {
    Harness h;
    h.controller.configure(kApiConfig);
    h.controller.start();
    h.controller.refresh();  // coalesced with the request in flight
    CHECK(h.transport.sent.size() == 1);
    h.transport.answer(200, fixture("custom-activities.json"));
    h.scheduler.advance(29999);
    CHECK(h.transport.sent.size() == 1);
    h.scheduler.advance(1);
    CHECK(h.transport.sent.size() == 2);
    h.transport.answer(200, fixture("custom-activities.json"));
    h.controller.refresh();
    CHECK(h.transport.sent.size() == 3);
}

TEST_CASE("An error keeps the last good figures on screen", "[controller]") {
    Harness h;
    h.controller.configure(kApiConfig);
    h.controller.start();
    h.transport.answer(200, fixture("custom-activities.json"));
    h.scheduler.advance(30000);
    h.transport.answer(401, R"({"code":20003,"message":"Authenticate","more_info":"https://www.twilio.com/docs/errors/20003","status":401})");
    REQUIRE(h.events.back().type == "error");
    CHECK_THAT(h.events.back().html, Catch::Contains("Twilio error 20003"));
    CHECK_THAT(h.events.back().html, Catch::Contains("ws-activity-name\">On Call</th>"));
    CHECK_THAT(h.events.back().detail_json, Catch::Contains("\"twilio_code\":20003"));
    h.scheduler.advance(30000);
    h.transport.answer(200, "{\"realtime\":");
    REQUIRE(h.events.back().type == "error");
    CHECK_THAT(h.events.back().detail_json, Catch::Contains("malformed_json"));
    CHECK_THAT(h.events.back().html, Catch::Contains("ws-activity-name\">On Call</th>"));
}

TEST_CASE("A 429 waits at least Retry-After before the next request", "[controller]") {
    Harness h;
    h.controller.configure(kApiConfig);
    h.controller.start();
    h.transport.answer(429, R"({"code":20429,"message":"Too Many Requests"})", "Retry-After: 120\r\n");
    h.scheduler.advance(119000);
    CHECK(h.transport.sent.size() == 1);
    h.scheduler.advance(1000);
    CHECK(h.transport.sent.size() == 2);
}

TEST_CASE("stop ends requests and events; late answers are ignored", "[controller]") {
    Harness h;
    h.controller.configure(kApiConfig);
    h.controller.start();
    h.controller.stop();
    const std::size_t events = h.events.size();
    h.transport.answer(200, fixture("custom-activities.json"));
    h.scheduler.advance(600000);
    CHECK(h.events.size() == events);
    CHECK(h.transport.sent.size() == 1);
    CHECK(h.scheduler.timers.empty());
}

TEST_CASE("An answer arriving after the controller is gone does nothing", "[controller]") {
    FakeTransport transport;
    FakeScheduler scheduler;
    int events = 0;
    {
        WidgetController c(transport, scheduler, [&](const WidgetEvent&) { ++events; });
        c.configure(kApiConfig);
        c.start();
    }
    const int before = events;
    transport.answer(200, fixture("custom-activities.json"));
    CHECK(events == before);
    CHECK(scheduler.timers.empty());
}

TEST_CASE("Reconfiguring drops answers meant for the old configuration", "[controller]") {
    Harness h;
    h.controller.configure(kApiConfig);
    h.controller.start();
    std::string other = kApiConfig;
    other.replace(other.find("\"Minutes\":15"), 12, "\"Minutes\":240");
    h.controller.configure(other);
    REQUIRE(h.transport.sent.size() == 2);
    CHECK_THAT(h.transport.sent[1].url, Catch::EndsWith("?Minutes=240"));
    h.transport.answer(200, fixture("channel-voice.json"));  // the old request's answer
    CHECK(h.events.back().type == "loading");
    h.transport.answer(200, fixture("custom-activities.json"));
    CHECK(h.events.back().type == "update");
}

TEST_CASE("An invalid configuration shows its problems and fetches nothing", "[controller]") {
    Harness h;
    auto problems = h.controller.configure(R"({"query":{"WorkspaceSid":"nope"}})");
    CHECK(has_errors(problems));
    h.controller.start();
    CHECK(h.transport.sent.empty());
    REQUIRE_FALSE(h.events.empty());
    CHECK(h.events.back().type == "error");
    CHECK_THAT(h.events.back().html, Catch::Contains("Invalid configuration"));
    CHECK_THAT(h.events.back().html, Catch::Contains("WorkspaceSid"));
}

TEST_CASE("Demo mode renders the built-in sample without the network", "[controller]") {
    Harness h;
    h.controller.configure(R"({"demo":true})");
    h.controller.start();
    h.scheduler.advance(0);
    CHECK(h.transport.sent.empty());
    CHECK(h.events.back().type == "update");
    CHECK_THAT(h.events.back().html, Catch::Contains("ws-activity-name\">Wrap Up</th>"));
}

TEST_CASE("Snapshot mode fetches src without credentials", "[controller]") {
    Harness h;
    h.controller.configure(R"({"src":"snapshots/latest.json"})");
    h.controller.set_credentials("AC0123456789abcdef0123456789abcdef", "s3cret");
    h.controller.start();
    REQUIRE(h.transport.sent.size() == 1);
    CHECK(h.transport.sent[0].url == "snapshots/latest.json");
    CHECK_FALSE(find_header(h.transport.sent[0].headers, "authorization"));
}

TEST_CASE("A network failure and a timeout are told apart", "[controller]") {
    Harness h;
    h.controller.configure(kApiConfig);
    h.controller.start();
    h.transport.fail_network(true);
    CHECK_THAT(h.events.back().detail_json, Catch::Contains("\"kind\":\"timeout\""));
    h.scheduler.advance(30000);
    h.transport.fail_network(false);
    CHECK_THAT(h.events.back().detail_json, Catch::Contains("\"kind\":\"network\""));
    CHECK_THAT(h.events.back().html, Catch::Contains("127.0.0.1:8080"));
}

TEST_CASE("Events carry the rate-limit headers of the answer", "[controller]") {
    Harness h;
    h.controller.configure(kApiConfig);
    h.controller.start();
    h.transport.answer(200, fixture("custom-activities.json"),
                       "Content-Type: application/json\r\nX-Rate-Limit-Limit: 100\r\nX-Rate-Limit-Remaining: 97\r\nX-Rate-Limit-Config: Workers\r\n");
    CHECK_THAT(h.events.back().detail_json,
               Catch::Contains(R"("rate_limit":{"limit":100,"remaining":97,"config":"Workers","retry_after":null})"));
    CHECK(h.controller.rate_limit().remaining == 97);
    h.scheduler.advance(30000);
    h.transport.answer(429, R"({"code":20429,"message":"Too Many Requests"})", "Retry-After: 60\r\nX-Rate-Limit-Remaining: 0\r\n");
    CHECK_THAT(h.events.back().detail_json, Catch::Contains(R"("retry_after":60)"));
}

TEST_CASE("A missing snapshot is not reported as an unknown workspace", "[controller]") {
    Harness h;
    h.controller.configure(R"({"src":"snapshots/latest.json"})");
    h.controller.start();
    h.transport.answer(404, "not found", "Content-Type: text/plain\r\n");
    CHECK_THAT(h.events.back().html, Catch::Contains("Snapshot not found"));
    CHECK_THAT(h.events.back().html, Catch::Contains("snapshots/latest.json"));
    CHECK(h.events.back().html.find("Workspace not found") == std::string::npos);
}
