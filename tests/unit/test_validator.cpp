#include <catch2/catch.hpp>

#include "decoder.hpp"
#include "fixtures.hpp"
#include "validator.hpp"

using namespace wstats;
using wstats::test::count_code;
using wstats::test::fixture;
using wstats::test::has;

namespace {
Diagnostics validate_text(const std::string& json, ValidationContext ctx = {}) {
    auto decoded = decode_workers_statistics(json);
    REQUIRE(decoded.ok());
    return validate_workers_statistics(decoded.model, ctx);
}
std::string wa(int n) {
    std::string s = std::to_string(n);
    return "WA" + std::string(32 - s.size(), '0') + s;
}
}  // namespace

TEST_CASE("The seed example warns once for each activity whose max < min", "[validator][fixtures]") {
    auto ds = validate_text(fixture("seed-example.json"));
    CHECK(count_severity(ds, Severity::error) == 0);
    CHECK(count_code(ds, "duration_order") == 2);
    CHECK(has(ds, "duration_order", "/cumulative/activity_durations/0", Severity::warning));  // Offline
    CHECK(has(ds, "duration_order", "/cumulative/activity_durations/1", Severity::warning));  // Busy
    // The example also repeats one activity SID for all four activities.
    CHECK(has(ds, "duplicate_activity_sid", "/realtime/activity_statistics/1/sid", Severity::warning));
    CHECK(count_code(ds, "total_workers_mismatch") == 0);
}

TEST_CASE("Consistent data has no warnings", "[validator][fixtures]") {
    CHECK(validate_text(fixture("custom-activities.json"), {15}).empty());
    CHECK(validate_text(fixture("channel-voice.json"), {15}).empty());
}

TEST_CASE("Activities that do not add up to total_workers are reported", "[validator]") {
    auto ds = validate_text(R"({"realtime":{"total_workers":5,"activity_statistics":[{"sid":")" + wa(1) +
                            R"(","workers":2},{"sid":")" + wa(2) + R"(","workers":2}]}})");
    CHECK(has(ds, "total_workers_mismatch", "/realtime/total_workers", Severity::warning));
}

TEST_CASE("min <= avg <= max and total >= avg are checked per activity", "[validator]") {
    auto ds = validate_text(R"({"cumulative":{"activity_durations":[)"
                            R"({"sid":")" + wa(1) + R"(","avg":5,"min":1,"max":9,"total":50},)"
                            R"({"sid":")" + wa(2) + R"(","avg":10,"min":11,"max":20,"total":50},)"
                            R"({"sid":")" + wa(3) + R"(","avg":10,"min":1,"max":5,"total":50},)"
                            R"({"sid":")" + wa(4) + R"(","avg":10,"min":1,"max":20,"total":5}]}})");
    CHECK(count_code(ds, "duration_order") == 2);
    CHECK(has(ds, "duration_order", "/cumulative/activity_durations/1", Severity::warning));
    CHECK(has(ds, "duration_order", "/cumulative/activity_durations/2", Severity::warning));
    CHECK(has(ds, "total_below_avg", "/cumulative/activity_durations/3/total", Severity::warning));
}

TEST_CASE("Reservation outcomes may not add up to more than were created", "[validator]") {
    auto ds = validate_text(R"({"cumulative":{"reservations_created":3,"reservations_accepted":2,"reservations_rejected":1,)"
                            R"("reservations_timed_out":1}})");
    CHECK(has(ds, "reservation_outcomes_exceed_created", "/cumulative/reservations_created", Severity::warning));
    // The openapi example of the worker instance endpoint has 100 created and 500 outcomes.
    CHECK(count_code(validate_text(fixture("openapi-worker-instance-statistics.json")), "reservation_outcomes_exceed_created") == 1);
}

TEST_CASE("The window must run forwards and match the requested Minutes", "[validator]") {
    auto reversed = validate_text(R"({"cumulative":{"start_time":"2024-05-01T09:00:00Z","end_time":"2024-05-01T08:00:00Z"}})");
    CHECK(has(reversed, "window_reversed", "/cumulative/start_time", Severity::warning));

    const std::string quarter = R"({"cumulative":{"start_time":"2024-05-01T08:00:00Z","end_time":"2024-05-01T08:15:00Z"}})";
    CHECK(validate_text(quarter, {15}).empty());
    CHECK(validate_text(quarter, {0}).empty());
    CHECK(has(validate_text(quarter, {240}), "window_length_mismatch", "/cumulative/end_time", Severity::warning));
    // One minute of slack for the API's rounding.
    CHECK(validate_text(R"({"cumulative":{"start_time":"2024-05-01T08:00:00Z","end_time":"2024-05-01T08:15:59Z"}})", {15}).empty());
}

TEST_CASE("The workspace named in url must be workspace_sid", "[validator]") {
    auto ds = validate_text(
        R"({"workspace_sid":"WS0123456789abcdef0123456789abcdef",)"
        R"("url":"https://taskrouter.twilio.com/v1/Workspaces/WSffffffffffffffffffffffffffffffff/Workers/Statistics"})");
    CHECK(has(ds, "url_workspace_mismatch", "/url", Severity::warning));
}

TEST_CASE("Activities present on one side only are reported on that side", "[validator]") {
    auto ds = validate_text(R"({"realtime":{"total_workers":0,"activity_statistics":[{"sid":")" + wa(1) +
                            R"(","workers":0},{"sid":")" + wa(2) +
                            R"(","workers":0}]},"cumulative":{"activity_durations":[{"sid":")" + wa(2) +
                            R"(","avg":0,"min":0,"max":0,"total":0},{"sid":")" + wa(3) +
                            R"(","avg":0,"min":0,"max":0,"total":0}]}})");
    CHECK(has(ds, "activity_missing_in_cumulative", "/realtime/activity_statistics/0", Severity::warning));
    CHECK(has(ds, "activity_missing_in_realtime", "/cumulative/activity_durations/1", Severity::warning));
    CHECK(ds.size() == 2);
}

TEST_CASE("Duplicate activity SIDs are reported at the repeated item", "[validator]") {
    auto ds = validate_text(R"({"cumulative":{"activity_durations":[{"sid":")" + wa(1) +
                            R"(","avg":0,"min":0,"max":0,"total":0},{"sid":")" + wa(1) +
                            R"(","avg":0,"min":0,"max":0,"total":0}]}})");
    CHECK(has(ds, "duplicate_activity_sid", "/cumulative/activity_durations/1/sid", Severity::warning));
}

TEST_CASE("The validator never raises an error", "[validator]") {
    for (const char* name : {"seed-example.json", "openapi-worker-instance-statistics.json", "custom-activities.json"}) {
        INFO(name);
        CHECK(count_severity(validate_text(fixture(name), {1}), Severity::error) == 0);
    }
}
