#include <catch2/catch.hpp>

#include "aggregator.hpp"
#include "decoder.hpp"
#include "fixtures.hpp"

using namespace wstats;
using wstats::test::fixture;

namespace {
WorkersStatistics load(const std::string& name) {
    auto r = decode_workers_statistics(fixture(name));
    REQUIRE(r.ok());
    return r.model;
}
}  // namespace

TEST_CASE("Known activity names map to categories and others are unavailable", "[categories]") {
    CategoryMap m;
    CHECK(m.categorize("", "Idle") == Category::available);
    CHECK(m.categorize("", "Available") == Category::available);
    CHECK(m.categorize("", "  available ") == Category::available);
    CHECK(m.categorize("", "Reserved") == Category::reserved);
    CHECK(m.categorize("", "BUSY") == Category::busy);
    CHECK(m.categorize("", "Offline") == Category::offline);
    CHECK(m.categorize("", "Lunch") == Category::unavailable);
    CHECK(m.categorize("", "On Call") == Category::unavailable);
    CHECK(m.categorize("", "") == Category::unavailable);
}

TEST_CASE("Overrides by SID beat overrides by name which beat the defaults", "[categories]") {
    CategoryMap m;
    REQUIRE_FALSE(parse_category_overrides("On Call=busy; Idle = unavailable ;WA00000000000000000000000000000009=offline", m));
    CHECK(m.categorize("WA00000000000000000000000000000001", "on call") == Category::busy);
    CHECK(m.categorize("", "Idle") == Category::unavailable);
    CHECK(m.categorize("WA00000000000000000000000000000009", "On Call") == Category::offline);
    CHECK(parse_category_overrides("Lunch", m));
    CHECK(parse_category_overrides("Lunch=sleeping", m));
    CHECK(parse_category_overrides("=busy", m));
    CHECK_FALSE(parse_category_overrides("", m));
    CHECK_FALSE(parse_category_overrides(";;", m));
}

TEST_CASE("Realtime KPIs of the seed example", "[aggregator][fixtures]") {
    auto k = realtime_kpis(*load("seed-example.json").realtime, CategoryMap{});
    CHECK(k.total == 15);
    CHECK(k.logged_in == 9);
    CHECK(k.count(Category::busy) == 9);
    CHECK(k.count(Category::offline) == 6);
    CHECK(k.count(Category::available) == 0);
    REQUIRE(k.occupancy);
    CHECK(*k.occupancy == Approx(1.0));
    REQUIRE(k.availability);
    CHECK(*k.availability == Approx(0.0));
    REQUIRE(k.activities.size() == 4);
    CHECK(*k.activities[1].share == Approx(9.0 / 15));
}

TEST_CASE("Custom activity names are counted and categorised with overrides", "[aggregator][fixtures]") {
    const auto stats = load("custom-activities.json");
    auto defaults = realtime_kpis(*stats.realtime, CategoryMap{});
    CHECK(defaults.count(Category::available) == 5);
    CHECK(defaults.count(Category::reserved) == 1);
    CHECK(defaults.count(Category::busy) == 0);
    CHECK(defaults.count(Category::unavailable) == 10);  // On Call, Wrap Up, Lunch
    CHECK(defaults.count(Category::offline) == 4);
    CHECK(defaults.logged_in == 16);

    CategoryMap m;
    m.set_by_name("On Call", Category::busy);
    auto k = realtime_kpis(*stats.realtime, m);
    CHECK(k.count(Category::busy) == 7);
    CHECK(k.count(Category::unavailable) == 3);
    CHECK(*k.occupancy == Approx(8.0 / 16));
    CHECK(*k.availability == Approx(5.0 / 16));
    CHECK(k.activities[1].friendly_name == "On Call");
    CHECK(k.activities[1].category == Category::busy);
}

TEST_CASE("Division by zero gives no value and never NaN or infinity", "[aggregator]") {
    RealtimeStatistics empty;
    auto k = realtime_kpis(empty, CategoryMap{});
    CHECK_FALSE(k.occupancy);
    CHECK_FALSE(k.availability);

    RealtimeStatistics all_offline;
    all_offline.total_workers = 3;
    all_offline.activity_statistics.push_back({"WA00000000000000000000000000000001", "Offline", 3});
    auto o = realtime_kpis(all_offline, CategoryMap{});
    CHECK(o.logged_in == 0);
    CHECK_FALSE(o.occupancy);
    CHECK(*o.activities[0].share == Approx(1.0));

    CumulativeStatistics c;
    auto ck = cumulative_kpis(c, CategoryMap{});
    CHECK_FALSE(ck.reservations.accepted.share);
    CHECK_FALSE(ck.window_seconds);
}

TEST_CASE("Logged in never goes below zero on messy data", "[aggregator]") {
    RealtimeStatistics rt;
    rt.total_workers = 1;
    rt.activity_statistics.push_back({"WA00000000000000000000000000000001", "Offline", 5});
    CHECK(realtime_kpis(rt, CategoryMap{}).logged_in == 0);
}

TEST_CASE("Cumulative KPIs cover window and time per activity and the funnel", "[aggregator][fixtures]") {
    auto k = cumulative_kpis(*load("custom-activities.json").cumulative, CategoryMap{});
    REQUIRE(k.window_seconds);
    CHECK(*k.window_seconds == 900);
    CHECK(k.staffed_seconds == 1800 + 6000 + 900 + 900 + 300);
    REQUIRE(k.activities.size() == 6);
    CHECK(k.activities[1].total == 6000);
    CHECK(k.activities[1].avg == 400);
    CHECK(k.activities[1].min == 60);
    CHECK(k.activities[1].max == 900);
    CHECK(*k.activities[1].staffed_share == Approx(6000.0 / 9900));
    CHECK_FALSE(k.activities[5].staffed_share);  // Offline is not staffed time
    CHECK(k.reservations.created == 30);
    CHECK(k.reservations.accepted.count == 24);
    CHECK(*k.reservations.accepted.share == Approx(0.8));
    CHECK(*k.reservations.rejected.share == Approx(2.0 / 30));
    CHECK(*k.reservations.timed_out.share == Approx(1.0 / 30));
    CHECK(*k.reservations.canceled.share == Approx(2.0 / 30));
    CHECK(*k.reservations.rescinded.share == Approx(1.0 / 30));
}

TEST_CASE("Merge adds counts and takes min of mins and max of maxes", "[merge][fixtures]") {
    const auto merged = merge_workers_statistics({load("channel-voice.json"), load("channel-chat.json")});
    REQUIRE(merged.realtime);
    CHECK(merged.realtime->total_workers == 16);
    REQUIRE(merged.realtime->activity_statistics.size() == 3);
    CHECK(merged.realtime->activity_statistics[0].workers == 5);
    CHECK(merged.realtime->activity_statistics[1].workers == 8);
    CHECK(merged.realtime->activity_statistics[2].workers == 3);

    REQUIRE(merged.cumulative);
    const auto& d = merged.cumulative->activity_durations;
    REQUIRE(d.size() == 3);
    // Available: voice 1800 s in 3 stays (avg 600), chat 600 s in 3 stays (avg 200).
    CHECK(d[0].total == 2400);
    CHECK(d[0].avg == 400);
    CHECK(d[0].min == 100);
    CHECK(d[0].max == 900);
    // Busy: 4000/800 = 5 stays, 1200/400 = 3 stays -> 5200 / 8 = 650.
    CHECK(d[1].total == 5200);
    CHECK(d[1].avg == 650);
    CHECK(d[1].min == 100);
    CHECK(d[1].max == 2000);
    // Offline was unused on voice (all zeros): its 0 min is not a stay.
    CHECK(d[2].total == 500);
    CHECK(d[2].avg == 250);
    CHECK(d[2].min == 200);
    CHECK(d[2].max == 300);

    const auto& r = merged.cumulative->reservations;
    CHECK(r.created == 15);
    CHECK(r.accepted == 12);
    CHECK(r.rejected == 1);
    CHECK(r.timed_out == 1);
    CHECK(r.canceled == 1);
    CHECK(r.rescinded == 0);
    CHECK(merged.cumulative->start_time == "2024-05-01T07:55:00Z");
    CHECK(merged.cumulative->end_time == "2024-05-01T08:15:00Z");
    CHECK(merged.workspace_sid == "WS0123456789abcdef0123456789abcdef");
}

TEST_CASE("Merging one response changes nothing and none gives nothing", "[merge][fixtures]") {
    const auto voice = load("channel-voice.json");
    const auto one = merge_workers_statistics({voice});
    CHECK(one.realtime->total_workers == voice.realtime->total_workers);
    for (std::size_t i = 0; i < voice.cumulative->activity_durations.size(); ++i) {
        const auto& a = one.cumulative->activity_durations[i];
        const auto& b = voice.cumulative->activity_durations[i];
        CHECK(a.avg == b.avg);
        CHECK(a.total == b.total);
        CHECK(a.min == b.min);
        CHECK(a.max == b.max);
    }
    const auto none = merge_workers_statistics({});
    CHECK_FALSE(none.realtime);
    CHECK_FALSE(none.cumulative);
}

TEST_CASE("Merge keeps apart activities sharing a SID but not a name", "[merge][fixtures]") {
    const auto seed = load("seed-example.json");
    const auto merged = merge_workers_statistics({seed, seed});
    REQUIRE(merged.realtime->activity_statistics.size() == 4);
    CHECK(merged.realtime->total_workers == 30);
    CHECK(merged.realtime->activity_statistics[1].workers == 18);
    // Offline: 5400 s at avg 1080 -> 5 stays each; 10800 / 10 = 1080.
    CHECK(merged.cumulative->activity_durations[0].avg == 1080);
    CHECK(merged.cumulative->activity_durations[0].total == 10800);
}

TEST_CASE("Summaries carry the workspace and the number of merged sources", "[aggregator]") {
    auto s = summarize(load("channel-voice.json"), CategoryMap{}, 2);
    CHECK(s.sources == 2);
    CHECK(s.workspace_sid == "WS0123456789abcdef0123456789abcdef");
    CHECK(s.realtime);
    CHECK(s.cumulative);
}

TEST_CASE("Merging parts of different workspaces or windows is flagged", "[merge][fixtures]") {
    const auto voice = load("channel-voice.json");
    const auto chat = load("channel-chat.json");  // its window starts five minutes earlier
    auto seed = load("seed-example.json");
    const Diagnostics d = check_mergeable({voice, chat, seed});
    CHECK(wstats::test::has(d, "merge_window_mismatch", "#1/cumulative/start_time", Severity::warning));
    CHECK(wstats::test::has(d, "merge_workspace_mismatch", "#2/workspace_sid", Severity::warning));
    CHECK(check_mergeable({voice, voice}).empty());
}
