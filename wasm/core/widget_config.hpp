// The widget's configuration as the page gives it (a JSON object built from
// the element's attributes), read and checked in one place so the Embind
// layer only passes text through.
//
//   { "demo": false, "src": "", "endpoint": "", "refresh": 30, "timeout": 10,
//     "title": "Workers", "categories": "On Call=busy",
//     "query": { "WorkspaceSid": "WS...", "Minutes": 15, "TaskChannel": "voice", ... } }
#pragma once

#include <string>
#include <string_view>

#include "categories.hpp"
#include "diagnostics.hpp"
#include "request_plan.hpp"

namespace wstats {

enum class SourceMode { api, snapshot, demo };

struct WidgetConfig {
    SourceMode mode = SourceMode::api;
    WorkersStatisticsQuery query;
    std::string endpoint;      // API origin or proxy prefix; "" = https://taskrouter.twilio.com
    std::string snapshot_url;  // static JSON snapshot (mode snapshot)
    int refresh_seconds = 0;   // 0 = fetch once
    int timeout_ms = 10000;
    std::string title = "Workers";
    CategoryMap categories;
};

inline constexpr int kMinRefreshSeconds = 5;
inline constexpr int kMaxRefreshSeconds = 86400;

struct ConfigReading {
    WidgetConfig config;
    Diagnostics problems;  // path = option name ("refresh", "Minutes", ...)
    bool ok() const { return !has_errors(problems); }
};

// Reads and validates a configuration. In api mode the query is validated as
// plan_request would (with `now_epoch_seconds` for the retention warning).
ConfigReading read_widget_config(std::string_view json_text, std::int64_t now_epoch_seconds);

// Reads a query object with the API's parameter names; numbers are accepted
// where the API takes integers. Unknown names are reported as errors, so a
// typo ("Minute") is not silently ignored.
WorkersStatisticsQuery read_query(std::string_view json_text, Diagnostics& problems);

}  // namespace wstats
