#include "aggregator.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <utility>

namespace wstats {

Ratio ratio(std::int64_t numerator, std::int64_t denominator) {
    if (denominator <= 0) return std::nullopt;
    return static_cast<double>(numerator) / static_cast<double>(denominator);
}

RealtimeKpis realtime_kpis(const RealtimeStatistics& rt, const CategoryMap& categories) {
    RealtimeKpis k;
    k.total = rt.total_workers;
    for (const auto& a : rt.activity_statistics) {
        const Category c = categories.categorize(a.sid, a.friendly_name);
        auto& slot = k.by_category[static_cast<std::size_t>(c)];
        slot = saturating_add(slot, a.workers);
        k.activities.push_back(ActivityShare{a.sid, a.friendly_name, c, a.workers, ratio(a.workers, k.total)});
    }
    k.logged_in = std::max<std::int64_t>(0, k.total - k.count(Category::offline));
    k.occupancy = ratio(saturating_add(k.count(Category::busy), k.count(Category::reserved)), k.logged_in);
    k.availability = ratio(k.count(Category::available), k.logged_in);
    return k;
}

CumulativeKpis cumulative_kpis(const CumulativeStatistics& c, const CategoryMap& categories) {
    CumulativeKpis k;
    k.start_time = c.start_time;
    k.end_time = c.end_time;
    if (c.start_epoch && c.end_epoch && *c.start_epoch <= *c.end_epoch) k.window_seconds = *c.end_epoch - *c.start_epoch;
    for (const auto& d : c.activity_durations) {
        const Category cat = categories.categorize(d.sid, d.friendly_name);
        if (cat != Category::offline) k.staffed_seconds = saturating_add(k.staffed_seconds, d.total);
        k.activities.push_back(ActivityTime{d.sid, d.friendly_name, cat, d.total, d.avg, d.min, d.max, std::nullopt});
    }
    for (auto& a : k.activities) {
        if (a.category != Category::offline) a.staffed_share = ratio(a.total, k.staffed_seconds);
    }
    const auto& r = c.reservations;
    auto outcome = [&](std::int64_t n) { return Outcome{n, ratio(n, r.created)}; };
    k.reservations = ReservationFunnel{r.created, outcome(r.accepted), outcome(r.rejected), outcome(r.timed_out),
                                       outcome(r.canceled), outcome(r.rescinded)};
    return k;
}

Summary summarize(const WorkersStatistics& s, const CategoryMap& categories, int sources) {
    Summary out;
    out.account_sid = s.account_sid;
    out.workspace_sid = s.workspace_sid;
    out.sources = sources;
    if (s.realtime) out.realtime = realtime_kpis(*s.realtime, categories);
    if (s.cumulative) out.cumulative = cumulative_kpis(*s.cumulative, categories);
    return out;
}

// How merging works, and where it stops being exact.
//
// The parts are responses for disjoint slices of one workspace and window
// (one request per TaskChannel or per TaskQueue). Activities are matched by
// (SID, friendly name): the SID identifies an activity, and the name keeps
// apart the entries of responses that repeat one SID (the official example
// does). Then, per activity:
//   - worker counts, total_workers, duration totals and reservation counters add;
//   - min is the smallest min and max the largest max, over the parts in
//     which the activity was actually used (total > 0): an unused activity
//     reports 0 for both, which is "no data", not "a stay of 0 seconds";
//   - avg cannot be added. Each part's number of stays is derived as
//     n = round(total / avg) (a part with avg 0 or total 0 has no stays), and
//     the merged avg is round(sum(total) / sum(n)).
// Limits: n is exact only when avg was computed from whole seconds without
// rounding; with rounded averages the derived n can be off by a little, and
// with avg 0 but total > 0 (messy data) the part's stays are unknown and do
// not weigh in the average (its total still adds). A worker who serves
// several channels or queues is counted once per part in the realtime counts:
// the merged figures are "worker-slots", which is what a per-channel sum means.
// The window is the earliest start to the latest end.
WorkersStatistics merge_workers_statistics(const std::vector<WorkersStatistics>& parts) {
    WorkersStatistics out;
    if (parts.empty()) return out;
    out.account_sid = parts.front().account_sid;
    out.workspace_sid = parts.front().workspace_sid;
    out.url = parts.front().url;

    using Key = std::pair<std::string, std::string>;
    std::map<Key, std::size_t> count_index, duration_index;
    struct DurationAcc {
        std::int64_t stays = 0;
        bool used = false;
    };
    std::vector<DurationAcc> acc;

    for (const auto& p : parts) {
        if (p.realtime) {
            if (!out.realtime) out.realtime.emplace();
            auto& rt = *out.realtime;
            rt.total_workers = saturating_add(rt.total_workers, p.realtime->total_workers);
            for (const auto& a : p.realtime->activity_statistics) {
                auto [it, inserted] = count_index.emplace(Key{a.sid, a.friendly_name}, rt.activity_statistics.size());
                if (inserted) rt.activity_statistics.push_back(ActivityCount{a.sid, a.friendly_name, 0});
                auto& target = rt.activity_statistics[it->second];
                target.workers = saturating_add(target.workers, a.workers);
            }
        }
        if (p.cumulative) {
            const auto& c = *p.cumulative;
            if (!out.cumulative) out.cumulative.emplace();
            auto& m = *out.cumulative;
            for (const auto& d : c.activity_durations) {
                auto [it, inserted] = duration_index.emplace(Key{d.sid, d.friendly_name}, m.activity_durations.size());
                if (inserted) {
                    m.activity_durations.push_back(ActivityDuration{d.sid, d.friendly_name, 0, 0, 0, 0});
                    acc.push_back({});
                }
                auto& t = m.activity_durations[it->second];
                auto& a = acc[it->second];
                t.total = saturating_add(t.total, d.total);
                if (d.total > 0) {
                    t.min = a.used ? std::min(t.min, d.min) : d.min;
                    t.max = a.used ? std::max(t.max, d.max) : d.max;
                    a.used = true;
                    if (d.avg > 0) {
                        a.stays = saturating_add(a.stays, std::llround(static_cast<double>(d.total) / static_cast<double>(d.avg)));
                    }
                }
            }
            auto& r = m.reservations;
            const auto& pr = c.reservations;
            r.created = saturating_add(r.created, pr.created);
            r.accepted = saturating_add(r.accepted, pr.accepted);
            r.rejected = saturating_add(r.rejected, pr.rejected);
            r.timed_out = saturating_add(r.timed_out, pr.timed_out);
            r.canceled = saturating_add(r.canceled, pr.canceled);
            r.rescinded = saturating_add(r.rescinded, pr.rescinded);
            if (c.start_epoch && (!m.start_epoch || *c.start_epoch < *m.start_epoch)) {
                m.start_epoch = c.start_epoch;
                m.start_time = c.start_time;
            }
            if (c.end_epoch && (!m.end_epoch || *c.end_epoch > *m.end_epoch)) {
                m.end_epoch = c.end_epoch;
                m.end_time = c.end_time;
            }
        }
    }
    if (out.cumulative) {
        auto& list = out.cumulative->activity_durations;
        for (std::size_t i = 0; i < list.size(); ++i) {
            list[i].avg = acc[i].stays > 0 ? std::llround(static_cast<double>(list[i].total) / static_cast<double>(acc[i].stays)) : 0;
        }
    }
    return out;
}

}  // namespace wstats

namespace wstats {

Diagnostics check_mergeable(const std::vector<WorkersStatistics>& parts) {
    Diagnostics out;
    const WorkersStatistics* first_ws = nullptr;
    const CumulativeStatistics* first_window = nullptr;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        const auto& p = parts[i];
        const std::string at = "#" + std::to_string(i);
        if (!p.workspace_sid.empty()) {
            if (!first_ws) first_ws = &p;
            else if (p.workspace_sid != first_ws->workspace_sid) {
                out.push_back({Severity::warning, "merge_workspace_mismatch",
                               "response " + std::to_string(i) + " is for workspace " + p.workspace_sid + ", not " +
                                   first_ws->workspace_sid + "; the merged figures mix two workspaces",
                               at + "/workspace_sid"});
            }
        }
        if (p.cumulative && (p.cumulative->start_epoch || p.cumulative->end_epoch)) {
            if (!first_window) first_window = &*p.cumulative;
            else if (p.cumulative->start_epoch != first_window->start_epoch || p.cumulative->end_epoch != first_window->end_epoch) {
                out.push_back({Severity::warning, "merge_window_mismatch",
                               "response " + std::to_string(i) + " covers " + p.cumulative->start_time + " to " +
                                   p.cumulative->end_time + ", not the window of the first response; the merged window spans both",
                               at + "/cumulative/start_time"});
            }
        }
    }
    return out;
}

}  // namespace wstats
