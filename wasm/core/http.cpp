#include "http.hpp"

#include <cctype>
#include <nlohmann/json.hpp>

#include "request_plan.hpp"

namespace wstats {
namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
}

std::optional<std::int64_t> parse_int(const std::optional<std::string>& text) {
    if (!text) return std::nullopt;
    const std::int64_t v = parse_decimal(*text);
    if (v < 0) return std::nullopt;
    return v;
}

struct TwilioError {
    std::optional<std::int64_t> code;
    std::string message, more_info;
};

// Reads {code, message, more_info, status} when the body is a Twilio error.
TwilioError read_twilio_error(const std::string& body) {
    TwilioError e;
    if (body.size() > 65536) return e;
    const auto j = nlohmann::json::parse(body, nullptr, false);
    if (!j.is_object()) return e;
    if (auto it = j.find("code"); it != j.end() && it->is_number_integer()) e.code = it->get<std::int64_t>();
    if (auto it = j.find("message"); it != j.end() && it->is_string()) e.message = it->get<std::string>();
    if (auto it = j.find("more_info"); it != j.end() && it->is_string()) {
        const std::string link = it->get<std::string>();
        // Only a plain https link may become an <a href>: never javascript: or data:.
        if (link.rfind("https://", 0) == 0) e.more_info = link;
    }
    return e;
}

}  // namespace

std::vector<HttpHeader> parse_header_block(std::string_view raw) {
    std::vector<HttpHeader> out;
    std::size_t pos = 0;
    while (pos < raw.size()) {
        std::size_t end = raw.find('\n', pos);
        if (end == std::string_view::npos) end = raw.size();
        const std::string_view line = raw.substr(pos, end - pos);
        pos = end + 1;
        const std::size_t colon = line.find(':');
        if (colon == std::string_view::npos || colon == 0) continue;
        std::string name(trim(line.substr(0, colon)));
        for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        out.push_back(HttpHeader{std::move(name), std::string(trim(line.substr(colon + 1)))});
    }
    return out;
}

std::optional<std::string> find_header(const std::vector<HttpHeader>& headers, std::string_view lower_name) {
    for (const auto& h : headers) {
        if (h.name == lower_name) return h.value;
    }
    return std::nullopt;
}

std::string base64_encode(std::string_view in) {
    static const char* alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    out.reserve((in.size() + 2) / 3 * 4);
    std::size_t i = 0;
    for (; i + 2 < in.size(); i += 3) {
        const unsigned v = static_cast<unsigned char>(in[i]) << 16 | static_cast<unsigned char>(in[i + 1]) << 8 |
                           static_cast<unsigned char>(in[i + 2]);
        out += alphabet[v >> 18];
        out += alphabet[(v >> 12) & 63];
        out += alphabet[(v >> 6) & 63];
        out += alphabet[v & 63];
    }
    if (i < in.size()) {
        unsigned v = static_cast<unsigned char>(in[i]) << 16;
        if (i + 1 < in.size()) v |= static_cast<unsigned char>(in[i + 1]) << 8;
        out += alphabet[v >> 18];
        out += alphabet[(v >> 12) & 63];
        out += i + 1 < in.size() ? alphabet[(v >> 6) & 63] : '=';
        out += '=';
    }
    return out;
}

std::string basic_authorization(std::string_view username, std::string_view password) {
    std::string pair(username);
    pair += ':';
    pair += password;
    return "Basic " + base64_encode(pair);
}

ResponseReading read_response(const HttpResponse& r, std::string_view host, ResourceKind kind, std::string_view url) {
    ResponseReading out;
    const auto headers = parse_header_block(r.raw_headers);
    out.content_type = find_header(headers, "content-type").value_or("");
    out.rate_limit.limit = parse_int(find_header(headers, "x-rate-limit-limit"));
    out.rate_limit.remaining = parse_int(find_header(headers, "x-rate-limit-remaining"));
    out.rate_limit.config = find_header(headers, "x-rate-limit-config").value_or("");
    out.rate_limit.retry_after = parse_int(find_header(headers, "retry-after"));

    const std::string where = host.empty() ? std::string("the server") : std::string(host);
    auto fail = [&](const char* kind, std::string title, std::string message) {
        FetchFailure f;
        f.kind = kind;
        f.status = r.status;
        f.title = std::move(title);
        f.message = std::move(message);
        if (r.status >= 400) {
            TwilioError e = read_twilio_error(r.body);
            f.twilio_code = e.code;
            if (!e.message.empty()) f.message = e.message;
            f.more_info = e.more_info;
        }
        out.failure = std::move(f);
        return out;
    };

    if (r.status == 0) {
        if (r.timed_out) return fail("timeout", "No answer", where + " did not answer in time.");
        return fail("network", "Cannot reach the server",
                    "No response from " + where +
                        ": the network is down, the address is wrong, or the server does not allow this page's origin (CORS).");
    }
    if (r.status == 401) {
        return fail("unauthorized", "Authentication failed",
                    "The Account SID and Auth Token (or API key and secret) were not accepted.");
    }
    if (r.status == 403) return fail("forbidden", "Access denied", "These credentials may not read this workspace's statistics.");
    if (r.status == 404) {
        if (kind == ResourceKind::snapshot) return fail("not_found", "Snapshot not found", "Nothing at " + std::string(url) + ".");
        return fail("not_found", "Workspace not found", "No workspace with this SID exists in the account.");
    }
    if (r.status == 429) {
        std::string msg = "Too many requests: TaskRouter's rate limit was reached.";
        if (out.rate_limit.retry_after) msg += " Retrying after " + std::to_string(*out.rate_limit.retry_after) + " s.";
        return fail("rate_limited", "Rate limited", msg);
    }
    if (r.status >= 500) return fail("server", "Server error", where + " answered " + std::to_string(r.status) + ".");
    if (r.status < 200 || r.status >= 300) {
        return fail("http", "Request refused", where + " answered " + std::to_string(r.status) + ".");
    }
    // A 2xx that is not JSON is a proxy or captive portal speaking HTML.
    // Content-Type is always readable cross-origin (CORS-safelisted).
    if (!out.content_type.empty() && out.content_type.find("json") == std::string::npos) {
        return fail("not_json", "Unexpected response",
                    "The server answered with " + out.content_type + " instead of JSON.");
    }
    return out;
}

}  // namespace wstats
