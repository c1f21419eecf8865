// The aggregator: a decoded response -> the figures a supervisor reads.
//
// Ratios are std::optional: a division by zero is "no value", never NaN or
// infinity, so nothing downstream has to guard against them.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "categories.hpp"
#include "diagnostics.hpp"
#include "model.hpp"

namespace wstats {

using Ratio = std::optional<double>;

// numerator / denominator, or no value when the denominator is not positive.
Ratio ratio(std::int64_t numerator, std::int64_t denominator);

struct ActivityShare {
    std::string sid;
    std::string friendly_name;
    Category category = Category::unavailable;
    std::int64_t workers = 0;
    Ratio share;  // of total workers
};

struct RealtimeKpis {
    std::int64_t total = 0;      // total_workers as reported
    std::int64_t logged_in = 0;  // total - offline (never below 0)
    std::array<std::int64_t, kCategoryCount> by_category{};  // indexed by Category
    Ratio occupancy;             // (busy + reserved) / logged in
    Ratio availability;          // available / logged in
    std::vector<ActivityShare> activities;  // in response order

    std::int64_t count(Category c) const { return by_category[static_cast<std::size_t>(c)]; }
};

struct ActivityTime {
    std::string sid;
    std::string friendly_name;
    Category category = Category::unavailable;
    std::int64_t total = 0, avg = 0, min = 0, max = 0;  // seconds
    Ratio staffed_share;  // total / staffed time; no value for offline activities
};

struct Outcome {
    std::int64_t count = 0;
    Ratio share;  // of reservations created
};

struct ReservationFunnel {
    std::int64_t created = 0;
    Outcome accepted, rejected, timed_out, canceled, rescinded;
};

struct CumulativeKpis {
    std::string start_time, end_time;             // as sent
    std::optional<std::int64_t> window_seconds;   // end - start when both parse and are ordered
    std::int64_t staffed_seconds = 0;             // time in non-offline activities
    std::vector<ActivityTime> activities;
    ReservationFunnel reservations;
};

struct Summary {
    std::string account_sid, workspace_sid;
    int sources = 1;  // responses merged into this summary
    std::optional<RealtimeKpis> realtime;
    std::optional<CumulativeKpis> cumulative;
};

RealtimeKpis realtime_kpis(const RealtimeStatistics& rt, const CategoryMap& categories);
CumulativeKpis cumulative_kpis(const CumulativeStatistics& c, const CategoryMap& categories);
Summary summarize(const WorkersStatistics& stats, const CategoryMap& categories, int sources = 1);

// Merges responses for disjoint slices of one workspace (one per TaskChannel,
// one per TaskQueue...) into one. See merge_workers_statistics in
// aggregator.cpp for the arithmetic and its limits.
WorkersStatistics merge_workers_statistics(const std::vector<WorkersStatistics>& parts);

// Warnings about parts that should not be merged as if they were slices of
// one picture: different workspaces (merge_workspace_mismatch) or different
// windows (merge_window_mismatch). Paths are "#i/..." with the part's index.
Diagnostics check_mergeable(const std::vector<WorkersStatistics>& parts);

}  // namespace wstats
