#include <catch2/catch.hpp>

#include "fixtures.hpp"
#include "request_plan.hpp"

using namespace wstats;
using wstats::test::has;

namespace {
const char* kWs = "WS0123456789abcdef0123456789abcdef";
const char* kWq = "WQ0123456789abcdef0123456789abcdef";
const std::int64_t kNow = 1714551300;  // 2024-05-01T08:15:00Z
}  // namespace

TEST_CASE("A workspace SID alone makes the default URL on taskrouter.twilio.com", "[plan]") {
    WorkersStatisticsQuery q;
    q.workspace_sid = kWs;
    auto plan = plan_request(q, "", kNow);
    REQUIRE(plan.ok());
    CHECK(plan.problems.empty());
    CHECK(plan.url == std::string("https://taskrouter.twilio.com/v1/Workspaces/") + kWs + "/Workers/Statistics");
}

TEST_CASE("Every query parameter is percent-encoded in a fixed order", "[plan]") {
    WorkersStatisticsQuery q;
    q.workspace_sid = kWs;
    q.start_date = "2024-05-01T08:00:00+02:00";
    q.end_date = "2024-05-01T09:00:00Z";
    q.task_queue_sid = kWq;
    q.task_queue_name = "Sales & Support/EU";
    q.friendly_name = "Ana María 100%";
    q.task_channel = "voice?x=1#y";
    auto plan = plan_request(q, "http://127.0.0.1:8080/", kNow);
    REQUIRE(plan.ok());
    CHECK(plan.url == std::string("http://127.0.0.1:8080/v1/Workspaces/") + kWs +
                          "/Workers/Statistics"
                          "?StartDate=2024-05-01T08%3A00%3A00%2B02%3A00"
                          "&EndDate=2024-05-01T09%3A00%3A00Z"
                          "&TaskQueueSid=" + kWq +
                          "&TaskQueueName=Sales%20%26%20Support%2FEU"
                          "&FriendlyName=Ana%20Mar%C3%ADa%20100%25"
                          "&TaskChannel=voice%3Fx%3D1%23y");
}

TEST_CASE("Minutes goes into the URL as a plain integer", "[plan]") {
    WorkersStatisticsQuery q;
    q.workspace_sid = kWs;
    q.minutes = "0240";
    auto plan = plan_request(q, "/twilio", kNow);
    REQUIRE(plan.ok());
    CHECK(plan.url == std::string("/twilio/v1/Workspaces/") + kWs + "/Workers/Statistics?Minutes=240");
}

TEST_CASE("Percent-encoding keeps only RFC 3986 unreserved characters", "[plan]") {
    CHECK(percent_encode("AZaz09-._~") == "AZaz09-._~");
    CHECK(percent_encode(" !\"#$%&'()*+,/:;=?@[]") == "%20%21%22%23%24%25%26%27%28%29%2A%2B%2C%2F%3A%3B%3D%3F%40%5B%5D");
    CHECK(percent_encode("\xE2\x82\xAC") == "%E2%82%AC");
    CHECK(percent_encode(std::string("a\0b", 3)) == "a%00b");
}

TEST_CASE("The workspace SID is required and must match the WS pattern", "[plan]") {
    WorkersStatisticsQuery q;
    auto missing = plan_request(q, "", kNow);
    CHECK_FALSE(missing.ok());
    CHECK(missing.url.empty());
    CHECK(has(missing.problems, "missing_parameter", "WorkspaceSid", Severity::error));

    q.workspace_sid = "WQ0123456789abcdef0123456789abcdef";
    CHECK(has(plan_request(q, "", kNow).problems, "invalid_sid", "WorkspaceSid", Severity::error));
}

TEST_CASE("TaskQueueSid must match the WQ pattern", "[plan]") {
    WorkersStatisticsQuery q;
    q.workspace_sid = kWs;
    q.task_queue_sid = "WQ123";
    CHECK(has(plan_request(q, "", kNow).problems, "invalid_sid", "TaskQueueSid", Severity::error));
}

TEST_CASE("Minutes is a whole number from 1 to 43200", "[plan]") {
    WorkersStatisticsQuery q;
    q.workspace_sid = kWs;
    for (const char* bad : {"0", "-5", "1.5", "abc", "43201", " 15", "15 ", "+15", "99999999999999999999"}) {
        q.minutes = bad;
        INFO("Minutes=" << bad);
        CHECK(has(plan_request(q, "", kNow).problems, "invalid_minutes", "Minutes", Severity::error));
    }
    for (const char* good : {"1", "15", "240", "480", "43200"}) {
        q.minutes = good;
        INFO("Minutes=" << good);
        CHECK(plan_request(q, "", kNow).ok());
    }
}

TEST_CASE("Minutes cannot be combined with StartDate or EndDate", "[plan]") {
    WorkersStatisticsQuery q;
    q.workspace_sid = kWs;
    q.minutes = "15";
    q.start_date = "2024-05-01T08:00:00Z";
    CHECK(has(plan_request(q, "", kNow).problems, "minutes_with_dates", "Minutes", Severity::error));
    q.start_date.clear();
    q.end_date = "2024-05-01T08:00:00Z";
    CHECK(has(plan_request(q, "", kNow).problems, "minutes_with_dates", "Minutes", Severity::error));
}

TEST_CASE("StartDate and EndDate are ISO 8601 and in order", "[plan]") {
    WorkersStatisticsQuery q;
    q.workspace_sid = kWs;
    q.start_date = "May 1st";
    q.end_date = "2024-05-01";
    auto plan = plan_request(q, "", kNow);
    CHECK(has(plan.problems, "invalid_datetime", "StartDate", Severity::error));
    CHECK(has(plan.problems, "invalid_datetime", "EndDate", Severity::error));

    q.start_date = "2024-05-01T09:00:00Z";
    q.end_date = "2024-05-01T08:00:00Z";
    CHECK(has(plan_request(q, "", kNow).problems, "start_after_end", "StartDate", Severity::error));
}

TEST_CASE("A StartDate beyond the 30 days of retention is only a warning", "[plan]") {
    WorkersStatisticsQuery q;
    q.workspace_sid = kWs;
    q.start_date = "2024-03-01T00:00:00Z";
    auto plan = plan_request(q, "", kNow);
    CHECK(plan.ok());
    CHECK_FALSE(plan.url.empty());
    CHECK(has(plan.problems, "start_before_retention", "StartDate", Severity::warning));
    CHECK(plan_request(q, "", 0).problems.empty());  // no "now": no retention check
}

TEST_CASE("Every problem is reported at once with its parameter", "[plan]") {
    WorkersStatisticsQuery q;
    q.workspace_sid = "nope";
    q.task_queue_sid = "nope";
    q.minutes = "0";
    q.start_date = "later";
    auto plan = plan_request(q, "ftp://x", kNow);
    CHECK(plan.problems.size() >= 5);
    CHECK(has(plan.problems, "invalid_base_url", "base_url", Severity::error));
    CHECK(has(plan.problems, "invalid_sid", "WorkspaceSid", Severity::error));
    CHECK(has(plan.problems, "invalid_sid", "TaskQueueSid", Severity::error));
    CHECK(has(plan.problems, "invalid_minutes", "Minutes", Severity::error));
    CHECK(has(plan.problems, "invalid_datetime", "StartDate", Severity::error));
}

TEST_CASE("Credentials never become part of a URL", "[plan]") {
    WorkersStatisticsQuery q;
    q.workspace_sid = kWs;
    auto plan = plan_request(q, "https://ACxxxx:secret@taskrouter.twilio.com", kNow);
    CHECK_FALSE(plan.ok());
    CHECK(plan.url.empty());
    CHECK(has(plan.problems, "credentials_in_url", "base_url", Severity::error));
}

TEST_CASE("Endpoints with a query or fragment or spaces or no host are refused", "[plan]") {
    WorkersStatisticsQuery q;
    q.workspace_sid = kWs;
    for (const char* bad : {"https://x.test/?a=1", "https://x.test/#f", "https://x .test", "https://", "//x.test", "x.test"}) {
        INFO(bad);
        CHECK(has(plan_request(q, bad, kNow).problems, "invalid_base_url", "base_url", Severity::error));
    }
}

TEST_CASE("Free-text filters longer than 1024 characters are refused", "[plan]") {
    WorkersStatisticsQuery q;
    q.workspace_sid = kWs;
    q.friendly_name = std::string(1025, 'x');
    CHECK(has(plan_request(q, "", kNow).problems, "parameter_too_long", "FriendlyName", Severity::error));
}
