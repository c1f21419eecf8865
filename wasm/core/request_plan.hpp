// The request plan: a Workers Statistics query, validated, turned into a URL.
//
//   GET {base}/v1/Workspaces/{WorkspaceSid}/Workers/Statistics?Minutes=..&...
//
// Every parameter is kept as the text the user gave (an attribute, a CLI flag,
// a form field) so that validation can say exactly what was wrong with it.
// An empty text means "not given".
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "diagnostics.hpp"

namespace wstats {

inline constexpr std::string_view kDefaultBaseUrl = "https://taskrouter.twilio.com";
inline constexpr std::int64_t kMaxMinutes = 43200;             // 30 days: the API keeps 30 days of statistics
inline constexpr std::int64_t kRetentionSeconds = 30 * 86400;

struct WorkersStatisticsQuery {
    std::string workspace_sid;    // required, WS + 32 hex
    std::string minutes;          // positive integer, at most kMaxMinutes; not with start/end date
    std::string start_date;       // ISO 8601 date-time
    std::string end_date;         // ISO 8601 date-time
    std::string task_queue_sid;   // WQ + 32 hex
    std::string task_queue_name;
    std::string friendly_name;
    std::string task_channel;     // a TaskChannel SID or unique name (voice, sms, default, ...)
};

struct RequestPlan {
    std::string url;            // empty when there are errors
    Diagnostics problems;       // path = the API's parameter name ("Minutes", "base_url", ...)
    bool ok() const { return !has_errors(problems); }
};

// Validates the query and, when it has no errors, builds the request URL.
// `base_url` is the API origin or a proxy prefix: "https://taskrouter.twilio.com",
// "http://127.0.0.1:8080", "/twilio" (same-origin proxy). "" means the default.
// `now_epoch_seconds` lets a StartDate older than the API's 30-day retention be
// reported as a warning; pass 0 to skip that check.
RequestPlan plan_request(const WorkersStatisticsQuery& query, std::string_view base_url,
                         std::int64_t now_epoch_seconds);

// Validates only the query (no URL). Same problems as plan_request.
Diagnostics validate_query(const WorkersStatisticsQuery& query, std::int64_t now_epoch_seconds);

// Parses a non-negative decimal integer written without sign or spaces and
// with at most 12 digits (Minutes, seconds, header values). Returns -1 when
// the text is not one; the caller reports the problem in its own terms.
std::int64_t parse_decimal(std::string_view text);

// RFC 3986 percent-encoding of everything outside the unreserved set.
std::string percent_encode(std::string_view text);

}  // namespace wstats
