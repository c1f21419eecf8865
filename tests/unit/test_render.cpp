#include <catch2/catch.hpp>

#include "fixtures.hpp"
#include "render.hpp"

using namespace wstats;
using wstats::test::fixture;

namespace {
std::size_t occurrences(const std::string& haystack, const std::string& needle) {
    std::size_t n = 0;
    for (std::size_t pos = haystack.find(needle); pos != std::string::npos; pos = haystack.find(needle, pos + 1)) ++n;
    return n;
}
}  // namespace

TEST_CASE("html_escape neutralises markup in text and attributes", "[render]") {
    CHECK(html_escape("<script>alert('x')</script> & \"q\"") ==
          "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;");
}

TEST_CASE("The widget shows every figure of the analysis", "[render][fixtures]") {
    const Analysis a = analyze(fixture("custom-activities.json"));
    WidgetView v;
    v.data = &a;
    v.updated_at_ms = 1714551302000;
    const std::string h = render_widget(v);
    CHECK_THAT(h, Catch::Contains("data-state=\"ok\""));
    CHECK_THAT(h, Catch::Contains("<span class=\"ws-tile-label\">Total</span><span class=\"ws-tile-value\">20</span>"));
    CHECK_THAT(h, Catch::Contains("<span class=\"ws-tile-label\">Logged in</span><span class=\"ws-tile-value\">16</span>"));
    CHECK_THAT(h, Catch::Contains("ws-activity-name\">On Call</th>"));
    CHECK_THAT(h, Catch::Contains("ws-activity-name\">Wrap Up</th>"));
    CHECK_THAT(h, Catch::Contains("<time datetime=\"2024-05-01T08:15:02Z\">08:15:02 UTC</time>"));
    CHECK_THAT(h, Catch::Contains("ws-created-count\">30<"));
    CHECK_THAT(h, Catch::Contains("ws-outcome-count\">24</span> <span class=\"ws-outcome-share\">80.0%"));
    CHECK_THAT(h, Catch::Contains("ws-avg\">0:06:40<"));  // On Call avg 400 s
    CHECK(occurrences(h, "<tr data-sid=") == 12);     // 6 activities now + 6 in the window
    CHECK_FALSE(h.find("ws-warnings") != std::string::npos);
}

TEST_CASE("Strings from the network are escaped everywhere", "[render]") {
    const std::string hostile = R"({"realtime":{"total_workers":1,"activity_statistics":[{"sid":"WA00000000000000000000000000000001",)"
                                R"("friendly_name":"<img src=x onerror=alert(1)>\"'","workers":1}]},)"
                                R"("cumulative":{"start_time":"<b>","activity_durations":[]}})";
    const Analysis a = analyze(hostile);
    REQUIRE(a.valid());
    WidgetView v;
    v.data = &a;
    v.title = "<h1>title</h1>";
    const std::string h = render_widget(v);
    CHECK(h.find("<img") == std::string::npos);
    CHECK(h.find("<b>") == std::string::npos);
    CHECK(h.find("<h1>") == std::string::npos);
    CHECK_THAT(h, Catch::Contains("&lt;img src=x onerror=alert(1)&gt;&quot;&#39;"));
    // No tag carries an event handler attribute (escaped text may mention one).
    for (std::size_t lt = h.find('<'); lt != std::string::npos; lt = h.find('<', lt + 1)) {
        const std::string tag = h.substr(lt, h.find('>', lt) - lt);
        INFO(tag);
        CHECK(tag.find(" on") == std::string::npos);
    }
    CHECK(h.find("style=") == std::string::npos);
    CHECK(h.find("<script") == std::string::npos);
}

TEST_CASE("Warnings make a badge that opens the diagnostics with their paths", "[render][fixtures]") {
    const Analysis a = analyze(fixture("seed-example.json"));
    WidgetView v;
    v.data = &a;
    const std::string h = render_widget(v);
    CHECK_THAT(h, Catch::Contains("<summary class=\"ws-badge\">8 warnings</summary>"));
    CHECK_THAT(h, Catch::Contains("<code class=\"ws-path\">/cumulative/activity_durations/0</code> <span class=\"ws-code\">duration_order</span>"));
}

TEST_CASE("An error panel shows the Twilio code and keeps the last good data", "[render][fixtures]") {
    const Analysis a = analyze(fixture("custom-activities.json"));
    FetchFailure f;
    f.kind = "unauthorized";
    f.status = 401;
    f.twilio_code = 20003;
    f.title = "Authentication failed";
    f.message = "Authenticate";
    f.more_info = "https://www.twilio.com/docs/errors/20003";
    WidgetView v;
    v.data = &a;
    v.updated_at_ms = 0;
    v.error = error_view(f);
    const std::string h = render_widget(v);
    CHECK_THAT(h, Catch::Contains("data-state=\"error\""));
    CHECK_THAT(h, Catch::Contains("role=\"alert\" data-kind=\"unauthorized\""));
    CHECK_THAT(h, Catch::Contains("Twilio error 20003"));
    CHECK_THAT(h, Catch::Contains("<p class=\"ws-error-message\">Authenticate</p>"));
    CHECK_THAT(h, Catch::Contains("(stale)"));
    CHECK_THAT(h, Catch::Contains("ws-activity-name\">On Call</th>"));
}

TEST_CASE("The first fetch shows a loading state", "[render]") {
    WidgetView v;
    v.loading = true;
    const std::string h = render_widget(v);
    CHECK_THAT(h, Catch::Contains("data-state=\"loading\" aria-busy=\"true\""));
    CHECK_THAT(h, Catch::Contains("role=\"status\""));
}

TEST_CASE("The scope line describes filters and window", "[render]") {
    WorkersStatisticsQuery q;
    CHECK(describe_scope(q) == "last 15 min");
    q.task_channel = "voice";
    q.minutes = "240";
    q.task_queue_name = "Sales";
    CHECK(describe_scope(q) == "queue Sales \u00b7 voice \u00b7 last 240 min");
}
