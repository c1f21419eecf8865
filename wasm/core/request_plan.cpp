#include "request_plan.hpp"

#include <optional>

#include "datetime.hpp"
#include "sid.hpp"

namespace wstats {
namespace {

void problem(Diagnostics& out, Severity s, const char* code, std::string parameter, std::string message) {
    out.push_back(Diagnostic{s, code, std::move(message), std::move(parameter)});
}

std::optional<std::int64_t> check_date(Diagnostics& out, const char* name, const std::string& text) {
    if (text.empty()) return std::nullopt;
    auto t = parse_iso8601(text);
    if (!t) {
        problem(out, Severity::error, "invalid_datetime", name,
                std::string(name) + " must be an ISO 8601 date-time with a zone, such as 2024-05-01T08:00:00Z");
    }
    return t;
}

// Checks a base URL and returns it without a trailing slash.
std::string check_base_url(Diagnostics& out, std::string_view base) {
    if (base.empty()) return std::string(kDefaultBaseUrl);
    std::string b(base);
    while (b.size() > 1 && b.back() == '/') b.pop_back();
    const bool absolute = b.rfind("https://", 0) == 0 || b.rfind("http://", 0) == 0;
    const bool same_origin_path = b[0] == '/' && (b.size() == 1 || b[1] != '/');
    if (!absolute && !same_origin_path) {
        problem(out, Severity::error, "invalid_base_url", "base_url",
                "the endpoint must start with https://, http:// or / (a same-origin proxy path)");
        return {};
    }
    if (b.find_first_of("?#") != std::string::npos) {
        problem(out, Severity::error, "invalid_base_url", "base_url",
                "the endpoint must not contain a query string or a fragment");
        return {};
    }
    for (char c : b) {
        if (static_cast<unsigned char>(c) <= 0x20 || c == '"' || c == '<' || c == '>' || c == '\\' || c == 0x7f) {
            problem(out, Severity::error, "invalid_base_url", "base_url",
                    "the endpoint contains a space, a control character or a character that is not allowed in a URL");
            return {};
        }
    }
    if (absolute) {
        const std::size_t authority_start = b.find("//") + 2;
        const std::size_t authority_end = b.find('/', authority_start);
        const std::string_view authority =
            std::string_view(b).substr(authority_start, authority_end == std::string::npos ? std::string::npos
                                                                                           : authority_end - authority_start);
        if (authority.empty()) {
            problem(out, Severity::error, "invalid_base_url", "base_url", "the endpoint has no host");
            return {};
        }
        if (authority.find('@') != std::string_view::npos) {
            // Credentials in a URL end up in logs, history and Referer headers.
            problem(out, Severity::error, "credentials_in_url", "base_url",
                    "the endpoint must not carry credentials (user:password@); pass them to setCredentials instead");
            return {};
        }
    }
    if (b == "/") b.clear();
    return b;
}

}  // namespace

std::int64_t parse_decimal(std::string_view text) {
    if (text.empty() || text.size() > 12) return -1;
    std::int64_t v = 0;
    for (char c : text) {
        if (c < '0' || c > '9') return -1;
        v = v * 10 + (c - '0');
    }
    return v;
}

std::string percent_encode(std::string_view text) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    out.reserve(text.size());
    for (char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        const bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                                c == '-' || c == '.' || c == '_' || c == '~';
        if (unreserved) {
            out += ch;
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

Diagnostics validate_query(const WorkersStatisticsQuery& q, std::int64_t now) {
    Diagnostics out;
    if (q.workspace_sid.empty()) {
        problem(out, Severity::error, "missing_parameter", "WorkspaceSid", "WorkspaceSid is required");
    } else if (auto why = sid_problem(q.workspace_sid, SidKind::workspace)) {
        problem(out, Severity::error, "invalid_sid", "WorkspaceSid", "WorkspaceSid " + *why);
    }
    if (!q.task_queue_sid.empty()) {
        if (auto why = sid_problem(q.task_queue_sid, SidKind::task_queue)) {
            problem(out, Severity::error, "invalid_sid", "TaskQueueSid", "TaskQueueSid " + *why);
        }
    }
    if (!q.minutes.empty()) {
        const std::int64_t m = parse_decimal(q.minutes);
        if (m < 1 || m > kMaxMinutes) {
            problem(out, Severity::error, "invalid_minutes", "Minutes",
                    "Minutes must be a whole number from 1 to 43200 (30 days)");
        }
        if (!q.start_date.empty() || !q.end_date.empty()) {
            problem(out, Severity::error, "minutes_with_dates", "Minutes",
                    "Minutes cannot be combined with StartDate or EndDate: the API accepts one kind of window");
        }
    }
    const auto start = check_date(out, "StartDate", q.start_date);
    const auto end = check_date(out, "EndDate", q.end_date);
    if (start && end && *start > *end) {
        problem(out, Severity::error, "start_after_end", "StartDate", "StartDate is after EndDate");
    }
    if (start && now > 0 && *start < now - kRetentionSeconds) {
        problem(out, Severity::warning, "start_before_retention", "StartDate",
                "StartDate is more than 30 days ago; TaskRouter keeps 30 days of statistics, so the window will be cut");
    }
    const std::pair<const char*, const std::string*> free_text[] = {
        {"TaskQueueName", &q.task_queue_name}, {"FriendlyName", &q.friendly_name}, {"TaskChannel", &q.task_channel}};
    for (const auto& [name, text] : free_text) {
        if (text->size() > 1024) {
            problem(out, Severity::error, "parameter_too_long", name, std::string(name) + " is longer than 1024 characters");
        }
    }
    return out;
}

RequestPlan plan_request(const WorkersStatisticsQuery& q, std::string_view base_url, std::int64_t now) {
    RequestPlan plan;
    const std::string base = check_base_url(plan.problems, base_url);
    Diagnostics query_problems = validate_query(q, now);
    plan.problems.insert(plan.problems.end(), query_problems.begin(), query_problems.end());
    if (!plan.ok()) return plan;

    std::string url = base + "/v1/Workspaces/" + percent_encode(q.workspace_sid) + "/Workers/Statistics";
    char sep = '?';
    auto add = [&](const char* name, const std::string& value) {
        if (value.empty()) return;
        url += sep;
        url += name;
        url += '=';
        url += percent_encode(value);
        sep = '&';
    };
    add("Minutes", q.minutes.empty() ? q.minutes : std::to_string(parse_decimal(q.minutes)));
    add("StartDate", q.start_date);
    add("EndDate", q.end_date);
    add("TaskQueueSid", q.task_queue_sid);
    add("TaskQueueName", q.task_queue_name);
    add("FriendlyName", q.friendly_name);
    add("TaskChannel", q.task_channel);
    plan.url = std::move(url);
    return plan;
}

}  // namespace wstats
