#include "widget_config.hpp"

#include <cmath>
#include <nlohmann/json.hpp>

namespace wstats {
namespace {

using json = nlohmann::json;

void problem(Diagnostics& out, Severity s, const char* code, std::string where, std::string message) {
    out.push_back(Diagnostic{s, code, std::move(message), std::move(where)});
}

// A string, or an integer written in decimal; anything else is reported.
std::string text_of(const json& v, const std::string& name, Diagnostics& problems) {
    if (v.is_null()) return {};
    if (v.is_string()) return v.get<std::string>();
    if (v.is_number_integer()) return std::to_string(v.get<std::int64_t>());
    if (v.is_number_float()) {
        const double d = v.get<double>();
        if (std::isfinite(d) && std::floor(d) == d && std::fabs(d) < 1e15) return std::to_string(static_cast<std::int64_t>(d));
        return "invalid";  // validation reports it with the parameter's own rule
    }
    problem(problems, Severity::error, "wrong_type", name, name + " must be a string or a number");
    return {};
}

WorkersStatisticsQuery query_from(const json& j, Diagnostics& problems) {
    WorkersStatisticsQuery q;
    if (j.is_null()) return q;
    if (!j.is_object()) {
        problem(problems, Severity::error, "wrong_type", "query", "the query must be an object");
        return q;
    }
    for (const auto& [key, value] : j.items()) {
        std::string* target = key == "WorkspaceSid"    ? &q.workspace_sid
                              : key == "Minutes"       ? &q.minutes
                              : key == "StartDate"     ? &q.start_date
                              : key == "EndDate"       ? &q.end_date
                              : key == "TaskQueueSid"  ? &q.task_queue_sid
                              : key == "TaskQueueName" ? &q.task_queue_name
                              : key == "FriendlyName"  ? &q.friendly_name
                              : key == "TaskChannel"   ? &q.task_channel
                                                       : nullptr;
        if (!target) {
            problem(problems, Severity::error, "unknown_parameter", key,
                    "unknown parameter \"" + key +
                        "\"; expected WorkspaceSid, Minutes, StartDate, EndDate, TaskQueueSid, TaskQueueName, FriendlyName or TaskChannel");
            continue;
        }
        *target = text_of(value, key, problems);
    }
    return q;
}

json parse_object(std::string_view text, Diagnostics& problems, const char* what) {
    json j = json::parse(text.begin(), text.end(), nullptr, false);
    if (j.is_discarded() || !(j.is_object() || j.is_null())) {
        problem(problems, Severity::error, "wrong_type", what, std::string("the ") + what + " must be a JSON object");
        return json::object();
    }
    return j.is_null() ? json::object() : j;
}

// Reads a whole number of seconds from a number or a decimal string.
bool seconds_of(const json& v, int& out) {
    if (v.is_number_integer()) {
        const auto n = v.get<std::int64_t>();
        if (n < 0 || n > kMaxRefreshSeconds) return false;
        out = static_cast<int>(n);
        return true;
    }
    if (v.is_string()) {
        const std::int64_t n = parse_decimal(v.get<std::string>());
        if (n < 0 || n > kMaxRefreshSeconds) return false;
        out = static_cast<int>(n);
        return true;
    }
    return false;
}

bool flag_of(const json& v) {
    if (v.is_boolean()) return v.get<bool>();
    if (v.is_string()) {
        const std::string s = v.get<std::string>();
        return s != "false" && s != "0";  // an HTML boolean attribute is present with any value
    }
    return v.is_number() && v.get<double>() != 0;
}

}  // namespace

WorkersStatisticsQuery read_query(std::string_view text, Diagnostics& problems) {
    return query_from(parse_object(text, problems, "query"), problems);
}

ConfigReading read_widget_config(std::string_view text, std::int64_t now) {
    ConfigReading r;
    const json j = parse_object(text, r.problems, "configuration");
    WidgetConfig& c = r.config;

    auto str = [&](const char* name) -> std::string {
        auto it = j.find(name);
        if (it == j.end() || it->is_null()) return {};
        if (!it->is_string()) {
            problem(r.problems, Severity::error, "wrong_type", name, std::string(name) + " must be a string");
            return {};
        }
        return it->get<std::string>();
    };

    if (auto it = j.find("demo"); it != j.end() && flag_of(*it)) c.mode = SourceMode::demo;
    c.snapshot_url = str("src");
    if (c.mode != SourceMode::demo && !c.snapshot_url.empty()) c.mode = SourceMode::snapshot;
    c.endpoint = str("endpoint");
    if (const std::string title = str("title"); !title.empty()) c.title = title;

    if (auto it = j.find("refresh"); it != j.end() && !it->is_null()) {
        if (!seconds_of(*it, c.refresh_seconds)) {
            problem(r.problems, Severity::error, "invalid_refresh", "refresh",
                    "refresh must be a whole number of seconds from 0 (once) to 86400");
        } else if (c.refresh_seconds > 0 && c.refresh_seconds < kMinRefreshSeconds) {
            problem(r.problems, Severity::warning, "refresh_too_fast", "refresh",
                    "refresh is raised to 5 seconds to stay within TaskRouter's rate limits");
            c.refresh_seconds = kMinRefreshSeconds;
        }
    }
    if (auto it = j.find("timeout"); it != j.end() && !it->is_null()) {
        int seconds = 0;
        if (!seconds_of(*it, seconds) || seconds < 1 || seconds > 300) {
            problem(r.problems, Severity::error, "invalid_timeout", "timeout", "timeout must be a whole number of seconds from 1 to 300");
        } else {
            c.timeout_ms = seconds * 1000;
        }
    }
    if (auto problem_text = parse_category_overrides(str("categories"), c.categories)) {
        problem(r.problems, Severity::error, "invalid_categories", "categories", *problem_text);
    }
    if (auto it = j.find("query"); it != j.end()) c.query = query_from(*it, r.problems);

    if (c.mode == SourceMode::api) {
        RequestPlan plan = plan_request(c.query, c.endpoint, now);
        r.problems.insert(r.problems.end(), plan.problems.begin(), plan.problems.end());
    } else if (c.mode == SourceMode::snapshot) {
        const std::string& u = c.snapshot_url;
        if (u.find('@') != std::string::npos && u.find("://") != std::string::npos &&
            u.find('@') < u.find('/', u.find("://") + 3)) {
            problem(r.problems, Severity::error, "credentials_in_url", "src", "src must not carry credentials");
        }
    }
    return r;
}

}  // namespace wstats
