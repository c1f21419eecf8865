#include "validator.hpp"

#include <cstdlib>
#include <string>
#include <unordered_map>
#include <unordered_set>

namespace wstats {
namespace {

void warn(Diagnostics& out, const char* code, std::string message, std::string path) {
    out.push_back(Diagnostic{Severity::warning, code, std::move(message), std::move(path)});
}

std::string label(const std::string& sid, const std::string& name) {
    return name.empty() ? sid : "\"" + name + "\" (" + sid + ")";
}

template <typename Item>
void check_duplicate_sids(Diagnostics& out, const std::vector<Item>& items, const std::string& list_path) {
    std::unordered_map<std::string, std::size_t> first;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (items[i].sid.empty()) continue;
        auto [it, inserted] = first.emplace(items[i].sid, i);
        if (!inserted) {
            warn(out, "duplicate_activity_sid",
                 "activity SID " + items[i].sid + " also appears at index " + std::to_string(it->second) +
                     "; activities are told apart by SID and name",
                 list_path + "/" + std::to_string(i) + "/sid");
        }
    }
}

// Reports each activity of `items` whose SID does not appear in `others`.
template <typename Item, typename Other>
void report_one_sided(Diagnostics& out, const std::vector<Item>& items, const std::vector<Other>& others,
                      const std::string& list_path, const char* code, const char* what) {
    std::unordered_set<std::string> other_sids;
    for (const auto& o : others) other_sids.insert(o.sid);
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (!items[i].sid.empty() && !other_sids.count(items[i].sid)) {
            warn(out, code, "activity " + label(items[i].sid, items[i].friendly_name) + " " + what,
                 list_path + "/" + std::to_string(i));
        }
    }
}

// The workspace SID inside a URL such as .../v1/Workspaces/WS.../Workers/Statistics.
std::string workspace_in_url(const std::string& url) {
    const std::string marker = "/Workspaces/";
    const std::size_t at = url.find(marker);
    if (at == std::string::npos) return {};
    const std::size_t start = at + marker.size();
    const std::size_t end = url.find_first_of("/?#", start);
    return url.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

}  // namespace

Diagnostics validate_workers_statistics(const WorkersStatistics& s, const ValidationContext& context) {
    Diagnostics out;

    if (s.realtime) {
        const auto& rt = *s.realtime;
        std::int64_t sum = 0;
        for (const auto& a : rt.activity_statistics) sum = saturating_add(sum, a.workers);
        if (!rt.activity_statistics.empty() && sum != rt.total_workers) {
            warn(out, "total_workers_mismatch",
                 "the activities add up to " + std::to_string(sum) + " workers but total_workers is " +
                     std::to_string(rt.total_workers),
                 "/realtime/total_workers");
        }
        check_duplicate_sids(out, rt.activity_statistics, "/realtime/activity_statistics");
    }

    if (s.cumulative) {
        const auto& c = *s.cumulative;
        for (std::size_t i = 0; i < c.activity_durations.size(); ++i) {
            const auto& d = c.activity_durations[i];
            const std::string path = "/cumulative/activity_durations/" + std::to_string(i);
            if (!(d.min <= d.avg && d.avg <= d.max)) {
                warn(out, "duration_order",
                     "min <= avg <= max does not hold for " + label(d.sid, d.friendly_name) + ": min " +
                         std::to_string(d.min) + ", avg " + std::to_string(d.avg) + ", max " + std::to_string(d.max),
                     path);
            }
            if (d.total < d.avg) {
                warn(out, "total_below_avg",
                     "the total time of " + label(d.sid, d.friendly_name) + " (" + std::to_string(d.total) +
                         " s) is less than its average (" + std::to_string(d.avg) + " s)",
                     path + "/total");
            }
        }
        check_duplicate_sids(out, c.activity_durations, "/cumulative/activity_durations");

        const auto& r = c.reservations;
        const std::int64_t outcomes =
            saturating_add(saturating_add(saturating_add(r.accepted, r.rejected), saturating_add(r.timed_out, r.canceled)), r.rescinded);
        if (outcomes > r.created) {
            warn(out, "reservation_outcomes_exceed_created",
                 "accepted, rejected, timed-out, canceled and rescinded reservations add up to " +
                     std::to_string(outcomes) + ", more than the " + std::to_string(r.created) + " created",
                 "/cumulative/reservations_created");
        }

        if (c.start_epoch && c.end_epoch) {
            if (*c.start_epoch > *c.end_epoch) {
                warn(out, "window_reversed", "start_time " + c.start_time + " is after end_time " + c.end_time,
                     "/cumulative/start_time");
            } else if (context.requested_minutes > 0) {
                const std::int64_t length = *c.end_epoch - *c.start_epoch;
                // One minute of slack: the API rounds its window to whole minutes.
                if (std::llabs(length - context.requested_minutes * 60) > 60) {
                    warn(out, "window_length_mismatch",
                         "the window is " + std::to_string(length / 60) + " minutes long but " +
                             std::to_string(context.requested_minutes) + " were requested",
                         "/cumulative/end_time");
                }
            }
        }
    }

    if (!s.url.empty() && !s.workspace_sid.empty()) {
        const std::string in_url = workspace_in_url(s.url);
        if (!in_url.empty() && in_url != s.workspace_sid) {
            warn(out, "url_workspace_mismatch",
                 "the url names workspace " + in_url + " but workspace_sid is " + s.workspace_sid, "/url");
        }
    }

    if (s.realtime && s.cumulative) {
        report_one_sided(out, s.realtime->activity_statistics, s.cumulative->activity_durations, "/realtime/activity_statistics",
                         "activity_missing_in_cumulative", "has realtime counts but no cumulative durations");
        report_one_sided(out, s.cumulative->activity_durations, s.realtime->activity_statistics, "/cumulative/activity_durations",
                         "activity_missing_in_realtime", "has cumulative durations but no realtime count");
    }
    return out;
}

}  // namespace wstats
