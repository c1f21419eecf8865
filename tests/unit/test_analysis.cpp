#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "analysis.hpp"
#include "fixtures.hpp"

using namespace wstats;
using json = nlohmann::json;
using wstats::test::fixture;

TEST_CASE("analyze gives a summary only for a valid document", "[analysis]") {
    auto ok = analyze(fixture("seed-example.json"));
    CHECK(ok.valid());
    REQUIRE(ok.summary);
    CHECK(ok.summary->realtime->total == 15);

    auto bad = analyze(fixture("truncated.json"));
    CHECK_FALSE(bad.valid());
    CHECK_FALSE(bad.summary);
}

TEST_CASE("The validator does not add noise to a document with errors", "[analysis]") {
    auto a = analyze(R"({"realtime":{"total_workers":-1,"activity_statistics":[]},"cumulative":{"reservations_accepted":5}})");
    CHECK(a.diagnostics.size() == 1);
    CHECK(a.diagnostics[0].code == "negative_count");
}

TEST_CASE("The analysis JSON has valid and errors and warnings and summary", "[analysis]") {
    AnalyzeOptions opt;
    opt.categories.set_by_name("On Call", Category::busy);
    const json j = json::parse(analysis_to_json(analyze(fixture("custom-activities.json"), opt)));
    CHECK(j["valid"] == true);
    CHECK(j["errors"].empty());
    CHECK(j["warnings"].empty());
    const auto& rt = j["summary"]["realtime"];
    CHECK(rt["total"] == 20);
    CHECK(rt["logged_in"] == 16);
    CHECK(rt["busy"] == 7);
    CHECK(rt["occupancy"].get<double>() == Approx(0.5));
    CHECK(rt["activities"][1]["category"] == "busy");
    const auto& c = j["summary"]["cumulative"];
    CHECK(c["window_seconds"] == 900);
    CHECK(c["reservations"]["accepted"]["count"] == 24);
    CHECK(c["activities"][5]["staffed_share"].is_null());
}

TEST_CASE("Diagnostics in the JSON carry code and path and message", "[analysis]") {
    const json j = json::parse(analysis_to_json(analyze(fixture("seed-example.json"))));
    CHECK(j["valid"] == true);
    json first_order_warning;
    for (const auto& w : j["warnings"]) {
        if (w["code"] == "duration_order") {
            first_order_warning = w;
            break;
        }
    }
    REQUIRE(first_order_warning.is_object());
    CHECK(first_order_warning["path"] == "/cumulative/activity_durations/0");
    CHECK(first_order_warning["severity"] == "warning");
    CHECK_THAT(first_order_warning["message"].get<std::string>(), Catch::Contains("\"Offline\""));

    const json bad = json::parse(analysis_to_json(analyze("{")));
    CHECK(bad["valid"] == false);
    CHECK(bad["summary"].is_null());
    CHECK(bad["errors"][0]["code"] == "malformed_json");
}

TEST_CASE("Ratios without a value are JSON null", "[analysis]") {
    const json j = json::parse(analysis_to_json(analyze(R"({"realtime":{"total_workers":0}})")));
    CHECK(j["summary"]["realtime"]["occupancy"].is_null());
    CHECK(j["summary"]["cumulative"].is_null());
}

TEST_CASE("json_quote escapes any text into a JSON string", "[analysis]") {
    CHECK(json_quote("a\"b\\c\n") == "\"a\\\"b\\\\c\\n\"");
    CHECK(json::parse(json_quote("</script>")) == "</script>");
}
