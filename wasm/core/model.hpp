// The typed model of a Workers Statistics response
// (GET /v1/Workspaces/{WorkspaceSid}/Workers/Statistics).
//
// Nullable strings of the official schema are empty when null or absent;
// nullable objects are std::optional. Counts and durations are whole numbers
// no larger than 2^53 - 1, so that they survive a trip through JavaScript.
#pragma once

#include <cstdint>
#include <climits>
#include <optional>
#include <string>
#include <vector>

namespace wstats {

struct ActivityCount {          // realtime.activity_statistics[i]
    std::string sid;            // WA...
    std::string friendly_name;  // custom names are normal: never assume the four sample activities
    std::int64_t workers = 0;
};

struct ActivityDuration {       // cumulative.activity_durations[i], seconds
    std::string sid;
    std::string friendly_name;
    std::int64_t avg = 0;
    std::int64_t min = 0;
    std::int64_t max = 0;
    std::int64_t total = 0;
};

struct ReservationCounts {
    std::int64_t created = 0;
    std::int64_t accepted = 0;
    std::int64_t rejected = 0;
    std::int64_t timed_out = 0;
    std::int64_t canceled = 0;
    std::int64_t rescinded = 0;
};

struct RealtimeStatistics {
    std::int64_t total_workers = 0;
    std::vector<ActivityCount> activity_statistics;
};

struct CumulativeStatistics {
    std::vector<ActivityDuration> activity_durations;
    ReservationCounts reservations;
    std::string start_time;                 // as sent
    std::string end_time;
    std::optional<std::int64_t> start_epoch;  // parsed, when start_time is a valid date-time
    std::optional<std::int64_t> end_epoch;
};

struct WorkersStatistics {
    std::optional<RealtimeStatistics> realtime;
    std::optional<CumulativeStatistics> cumulative;
    std::string account_sid;
    std::string workspace_sid;
    std::string url;
};

inline constexpr std::int64_t kMaxExactInteger = 9007199254740991;  // 2^53 - 1

// Adds two decoded values (each in [0, 2^53 - 1]) without overflow: sums over
// hundreds of thousands of hostile items stay defined and saturate at INT64_MAX.
inline std::int64_t saturating_add(std::int64_t a, std::int64_t b) {
    return a > INT64_MAX - b ? INT64_MAX : a + b;
}

}  // namespace wstats
