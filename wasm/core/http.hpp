// The transport seam and what the widget makes of an HTTP response.
//
// The core never does I/O itself: a Transport is injected. In the browser it
// is Emscripten Fetch (wasm/bindings/fetch_transport.cpp); in native and
// Node tests it is a fake that answers with canned responses.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace wstats {

struct HttpHeader {
    std::string name;   // lower-case
    std::string value;  // trimmed
};

struct HttpRequest {
    std::string url;
    std::vector<HttpHeader> headers;
    int timeout_ms = 10000;
};

struct HttpResponse {
    int status = 0;           // 0: no HTTP response at all (network failure, CORS refusal, abort)
    bool timed_out = false;
    std::string body;
    std::string raw_headers;  // the header block as the browser hands it over: "Name: value\r\n..."
};

class Transport {
public:
    virtual ~Transport() = default;
    // Sends the request and calls `done` exactly once, later (never from
    // inside send). Requests cannot be aborted (Emscripten 3.1.6's fetch
    // cannot abort an XHR), so callers ignore answers they no longer want.
    virtual void send(const HttpRequest& request, std::function<void(HttpResponse)> done) = 0;
};

// Parses a raw header block. Names are case-insensitive (lower-cased here);
// values lose surrounding spaces and the CRLF. Lines without a colon are skipped.
std::vector<HttpHeader> parse_header_block(std::string_view raw);
std::optional<std::string> find_header(const std::vector<HttpHeader>& headers, std::string_view lower_name);

// "Basic base64(user:password)" for an Authorization header.
std::string basic_authorization(std::string_view username, std::string_view password);
std::string base64_encode(std::string_view bytes);

struct RateLimit {
    std::optional<std::int64_t> limit;        // X-Rate-Limit-Limit
    std::optional<std::int64_t> remaining;    // X-Rate-Limit-Remaining
    std::string config;                       // X-Rate-Limit-Config
    std::optional<std::int64_t> retry_after;  // Retry-After, seconds
};

// Why a response cannot be used. `kind` is stable: network, timeout,
// unauthorized, forbidden, not_found, rate_limited, server, http, not_json.
struct FetchFailure {
    std::string kind;
    int status = 0;
    std::optional<std::int64_t> twilio_code;  // from a Twilio error body {code, message, more_info, status}
    std::string title;                        // short, for the error panel's heading
    std::string message;                      // the Twilio message when there is one, else ours
    std::string more_info;                    // a Twilio documentation link (https only)
};

struct ResponseReading {
    std::optional<FetchFailure> failure;  // nullopt: the body is a candidate for the decoder
    RateLimit rate_limit;
    std::string content_type;
};

// What was asked for: the API, or a static snapshot file (whose 404 means a
// missing file, not an unknown workspace).
enum class ResourceKind { api, snapshot };

ResponseReading read_response(const HttpResponse& response, std::string_view host_for_messages = {},
                              ResourceKind kind = ResourceKind::api, std::string_view url = {});

}  // namespace wstats
