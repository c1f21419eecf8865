#include <catch2/catch.hpp>

#include "decoder.hpp"
#include "fixtures.hpp"

using namespace wstats;
using wstats::test::count_code;
using wstats::test::find_code;
using wstats::test::fixture;
using wstats::test::has;

namespace {
const std::string kWa = "WA00000000000000000000000000000001";

// A minimal valid document with one realtime activity; `patch` replaces the activity item.
std::string with_activity(const std::string& item) {
    return R"({"realtime":{"total_workers":1,"activity_statistics":[)" + item + "]}}";
}
std::string with_duration(const std::string& item) {
    return R"({"cumulative":{"activity_durations":[)" + item + "]}}";
}
}  // namespace

TEST_CASE("The seed example decodes into the typed model with no error", "[decoder][fixtures]") {
    auto r = decode_workers_statistics(fixture("seed-example.json"));
    CHECK(count_severity(r.diagnostics, Severity::error) == 0);
    REQUIRE(r.model.realtime);
    CHECK(r.model.realtime->total_workers == 15);
    REQUIRE(r.model.realtime->activity_statistics.size() == 4);
    CHECK(r.model.realtime->activity_statistics[1].friendly_name == "Busy");
    CHECK(r.model.realtime->activity_statistics[1].workers == 9);
    CHECK(r.model.realtime->activity_statistics[1].sid == "WAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
    REQUIRE(r.model.cumulative);
    const auto& c = *r.model.cumulative;
    REQUIRE(c.activity_durations.size() == 4);
    CHECK(c.activity_durations[0].friendly_name == "Offline");
    CHECK(c.activity_durations[0].avg == 1080);
    CHECK(c.activity_durations[0].min == 900);
    CHECK(c.activity_durations[0].max == 0);
    CHECK(c.activity_durations[0].total == 5400);
    CHECK(c.start_time == "2008-01-02T00:00:00Z");
    CHECK(c.start_epoch == 1199232000);
    CHECK(c.end_epoch == 1199232000);
    CHECK(c.reservations.created == 0);
    CHECK(r.model.account_sid == "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
    CHECK(r.model.workspace_sid == "WSaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
    CHECK(r.model.url == "https://taskrouter.twilio.com/v1/Workspaces/WSaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Workers/Statistics");
}

TEST_CASE("Every official example decodes with no error", "[decoder][fixtures]") {
    for (const char* name : {"seed-example.json", "openapi-workers-statistics.json", "openapi-worker-instance-statistics.json",
                             "openapi-workers-cumulative-statistics.json", "openapi-workers-realtime-statistics.json",
                             "custom-activities.json", "channel-voice.json", "channel-chat.json"}) {
        INFO(name);
        auto r = decode_workers_statistics(fixture(name));
        CHECK(r.ok());
        CHECK(r.diagnostics.empty());
    }
}

TEST_CASE("Unknown fields of any shape are tolerated anywhere", "[decoder]") {
    auto r = decode_workers_statistics(
        R"({"future":{"a":[1,{"b":null}]},"realtime":{"extra":[[]],"total_workers":2,"activity_statistics":[)"
        R"({"sid":"WA00000000000000000000000000000001","workers":2,"friendly_name":"Idle","color":"#0f0","nested":{"x":1}}]}})");
    CHECK(r.diagnostics.empty());
    REQUIRE(r.model.realtime);
    CHECK(r.model.realtime->activity_statistics.at(0).workers == 2);
}

TEST_CASE("Every field the schema marks nullable may be null", "[decoder]") {
    auto r = decode_workers_statistics(fixture("all-nulls.json"));
    CHECK(r.diagnostics.empty());
    CHECK_FALSE(r.model.realtime);
    CHECK_FALSE(r.model.cumulative);
    CHECK(r.model.workspace_sid.empty());

    auto lists = decode_workers_statistics(
        R"({"realtime":{"total_workers":0,"activity_statistics":null},)"
        R"("cumulative":{"activity_durations":null,"start_time":null,"end_time":null}})");
    CHECK(lists.diagnostics.empty());
    REQUIRE(lists.model.cumulative);
    CHECK_FALSE(lists.model.cumulative->start_epoch);
}

TEST_CASE("Counts that the schema does not make nullable must not be null", "[decoder]") {
    auto r = decode_workers_statistics(R"({"realtime":{"total_workers":null}})");
    CHECK(has(r.diagnostics, "wrong_type", "/realtime/total_workers", Severity::error));
    auto c = decode_workers_statistics(R"({"cumulative":{"reservations_created":null}})");
    CHECK(has(c.diagnostics, "wrong_type", "/cumulative/reservations_created", Severity::error));
}

TEST_CASE("Wrong types are errors with the JSON Pointer of the value", "[decoder]") {
    auto r = decode_workers_statistics(
        R"({"realtime":{"total_workers":"15","activity_statistics":[)"
        R"({"sid":"WA00000000000000000000000000000001","workers":1,"friendly_name":"A"},)"
        R"({"sid":"WA00000000000000000000000000000002","workers":1,"friendly_name":"B"},)"
        R"({"sid":"WA00000000000000000000000000000003","workers":true,"friendly_name":7}]},)"
        R"("cumulative":[],"url":{"x":1}})");
    CHECK(has(r.diagnostics, "wrong_type", "/realtime/total_workers", Severity::error));
    CHECK(has(r.diagnostics, "wrong_type", "/realtime/activity_statistics/2/workers", Severity::error));
    CHECK(has(r.diagnostics, "wrong_type", "/realtime/activity_statistics/2/friendly_name", Severity::error));
    CHECK(has(r.diagnostics, "wrong_type", "/cumulative", Severity::error));
    CHECK(has(r.diagnostics, "wrong_type", "/url", Severity::error));
    CHECK_FALSE(r.ok());
}

TEST_CASE("The response must be a JSON object", "[decoder]") {
    for (const char* doc : {"[]", "42", "\"text\"", "null"}) {
        INFO(doc);
        auto r = decode_workers_statistics(doc);
        CHECK(has(r.diagnostics, "wrong_type", "", Severity::error));
    }
}

TEST_CASE("Array items that are not objects are errors at their index", "[decoder]") {
    auto r = decode_workers_statistics(R"({"realtime":{"activity_statistics":[1,null,[]]},"cumulative":{"activity_durations":["x"]}})");
    CHECK(has(r.diagnostics, "wrong_type", "/realtime/activity_statistics/0", Severity::error));
    CHECK(has(r.diagnostics, "wrong_type", "/realtime/activity_statistics/1", Severity::error));
    CHECK(has(r.diagnostics, "wrong_type", "/realtime/activity_statistics/2", Severity::error));
    CHECK(has(r.diagnostics, "wrong_type", "/cumulative/activity_durations/0", Severity::error));
}

TEST_CASE("Negative counts and durations are errors", "[decoder]") {
    auto r = decode_workers_statistics(with_activity(R"({"sid":")" + kWa + R"(","workers":-1})"));
    CHECK(has(r.diagnostics, "negative_count", "/realtime/activity_statistics/0/workers", Severity::error));
    auto d = decode_workers_statistics(with_duration(R"({"sid":")" + kWa + R"(","avg":1,"min":-2.0,"max":1,"total":1})"));
    CHECK(has(d.diagnostics, "negative_count", "/cumulative/activity_durations/0/min", Severity::error));
}

TEST_CASE("Integers beyond 2^53 - 1 overflow even beyond 64 bits", "[decoder]") {
    auto exact = decode_workers_statistics(R"({"realtime":{"total_workers":9007199254740991}})");
    CHECK(exact.ok());
    CHECK(exact.model.realtime->total_workers == 9007199254740991);
    auto over = decode_workers_statistics(R"({"realtime":{"total_workers":9007199254740992}})");
    CHECK(has(over.diagnostics, "integer_overflow", "/realtime/total_workers", Severity::error));
    auto huge = decode_workers_statistics(R"({"cumulative":{"reservations_created":123456789012345678901234567890}})");
    CHECK(has(huge.diagnostics, "integer_overflow", "/cumulative/reservations_created", Severity::error));
    auto big_float = decode_workers_statistics(R"({"cumulative":{"reservations_created":1e300}})");
    CHECK(has(big_float.diagnostics, "integer_overflow", "/cumulative/reservations_created", Severity::error));
}

TEST_CASE("Integral floats are accepted with a warning but fractions are errors", "[decoder]") {
    auto r = decode_workers_statistics(R"({"realtime":{"total_workers":15.0}})");
    CHECK(r.ok());
    CHECK(r.model.realtime->total_workers == 15);
    CHECK(has(r.diagnostics, "integral_float", "/realtime/total_workers", Severity::warning));
    auto e = decode_workers_statistics(R"({"realtime":{"total_workers":1.5e1}})");
    CHECK(e.ok());
    CHECK(e.model.realtime->total_workers == 15);
    auto f = decode_workers_statistics(R"({"realtime":{"total_workers":1.5}})");
    CHECK(has(f.diagnostics, "wrong_type", "/realtime/total_workers", Severity::error));
}

TEST_CASE("SIDs with the wrong prefix or length are errors", "[decoder]") {
    auto r = decode_workers_statistics(
        R"({"account_sid":"WS0123456789abcdef0123456789abcdef","workspace_sid":"WS0123",)"
        R"("realtime":{"activity_statistics":[{"sid":"WQ00000000000000000000000000000001","workers":0}]}})");
    CHECK(has(r.diagnostics, "invalid_sid", "/account_sid", Severity::error));
    CHECK(has(r.diagnostics, "invalid_sid", "/workspace_sid", Severity::error));
    CHECK(has(r.diagnostics, "invalid_sid", "/realtime/activity_statistics/0/sid", Severity::error));
}

TEST_CASE("Activity items need sid and workers but durations default to 0", "[decoder]") {
    auto r = decode_workers_statistics(with_activity(R"({"friendly_name":"Idle"})"));
    CHECK(count_code(r.diagnostics, "missing_field") == 2);
    CHECK(has(r.diagnostics, "missing_field", "/realtime/activity_statistics/0", Severity::error));
    auto d = decode_workers_statistics(with_duration(R"({"sid":")" + kWa + R"(","total":10})"));
    CHECK(d.ok());
    CHECK(count_code(d.diagnostics, "missing_field") == 3);
    CHECK(has(d.diagnostics, "missing_field", "/cumulative/activity_durations/0", Severity::warning));
}

TEST_CASE("A key that appears twice is a warning and the last value wins", "[decoder]") {
    auto r = decode_workers_statistics(R"({"realtime":{"total_workers":1,"total_workers":2}})");
    CHECK(r.ok());
    CHECK(has(r.diagnostics, "duplicate_key", "/realtime/total_workers", Severity::warning));
    CHECK(r.model.realtime->total_workers == 2);

    auto lists = decode_workers_statistics(
        R"({"realtime":{"activity_statistics":[{"sid":"WA00000000000000000000000000000001","workers":1}],)"
        R"("activity_statistics":[{"sid":"WA00000000000000000000000000000002","workers":2}]}})");
    CHECK(has(lists.diagnostics, "duplicate_key", "/realtime/activity_statistics", Severity::warning));
    REQUIRE(lists.model.realtime->activity_statistics.size() == 1);
    CHECK(lists.model.realtime->activity_statistics[0].workers == 2);
}

TEST_CASE("Malformed JSON is an error that names the byte offset", "[decoder]") {
    const std::string doc = fixture("truncated.json");
    auto r = decode_workers_statistics(doc);
    REQUIRE_FALSE(r.ok());
    const Diagnostic* d = find_code(r.diagnostics, "malformed_json");
    REQUIRE(d);
    CHECK_THAT(d->message, Catch::Contains("byte offset " + std::to_string(doc.size())));
    CHECK(d->path == "/cumulative/activity_durations/2");

    auto bad = decode_workers_statistics(R"({"realtime": {"total_workers": 1,,}})");
    const Diagnostic* b = find_code(bad.diagnostics, "malformed_json");
    REQUIRE(b);
    CHECK_THAT(b->message, Catch::Contains("byte offset 33"));

    CHECK(find_code(decode_workers_statistics("").diagnostics, "malformed_json"));
    CHECK(find_code(decode_workers_statistics("{} {}").diagnostics, "malformed_json"));
    CHECK(find_code(decode_workers_statistics("{\"url\":\"\xff\"}").diagnostics, "malformed_json"));
}

TEST_CASE("Inputs over the size cap are refused before parsing", "[decoder]") {
    DecodeOptions small;
    small.max_bytes = 10;
    auto r = decode_workers_statistics(R"({"realtime":null})", small);
    CHECK(has(r.diagnostics, "input_too_large", "", Severity::error));
    CHECK(decode_workers_statistics(R"({})", small).ok());
}

TEST_CASE("Deep nesting stops with an error instead of exhausting the stack", "[decoder]") {
    const std::string deep = std::string(100000, '[') + std::string(100000, ']');
    auto r = decode_workers_statistics("{\"x\":" + deep + "}");
    CHECK(has(r.diagnostics, "nesting_too_deep", "/x/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0", Severity::error));
    std::string nested_objects;
    for (int i = 0; i < 5000; ++i) nested_objects += "{\"a\":";
    auto objects = decode_workers_statistics(nested_objects);
    CHECK(find_code(objects.diagnostics, "nesting_too_deep"));
}

TEST_CASE("Hostile inputs cannot grow the report without bound", "[decoder]") {
    std::string doc = R"({"realtime":{"activity_statistics":[)";
    for (int i = 0; i < 5000; ++i) doc += (i ? ",1" : "1");
    doc += "]}}";
    DecodeOptions opt;
    auto r = decode_workers_statistics(doc, opt);
    CHECK(r.diagnostics.size() == opt.max_diagnostics + 1);
    CHECK(r.diagnostics.back().code == "too_many_diagnostics");
    CHECK_FALSE(r.ok());
}

TEST_CASE("JSON Pointer tokens escape '~' and '/'", "[decoder]") {
    CHECK(json_pointer_escape("a/b~c") == "a~1b~0c");
    auto r = decode_workers_statistics(R"({"a/b":1,"realtime":{"total_workers":1,"total_workers":1}})");
    CHECK(r.ok());
}

TEST_CASE("A window time that is not ISO 8601 is a warning and the window is unknown", "[decoder]") {
    auto r = decode_workers_statistics(R"({"cumulative":{"start_time":"yesterday","end_time":"2024-05-01T08:15:00Z"}})");
    CHECK(r.ok());
    CHECK(has(r.diagnostics, "invalid_datetime", "/cumulative/start_time", Severity::warning));
    REQUIRE(r.model.cumulative);
    CHECK(r.model.cumulative->start_time == "yesterday");
    CHECK_FALSE(r.model.cumulative->start_epoch);
    CHECK(r.model.cumulative->end_epoch == 1714551300);
}
