// The widget controller: one widget's life, independent of the browser.
//
//   configure -> start -> (fetch -> read -> analyse -> render -> event)* -> stop
//
// It owns the last good analysis (kept visible through errors), sends at
// most one request at a time (single flight), ignores answers that belong to
// an older configuration, and schedules refreshes. The Transport and the
// Scheduler are injected: Emscripten Fetch and browser timers in the
// browser, fakes in the tests.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "analysis.hpp"
#include "http.hpp"
#include "render.hpp"
#include "widget_config.hpp"

namespace wstats {

class Scheduler {
public:
    virtual ~Scheduler() = default;
    virtual std::int64_t now_ms() = 0;  // wall clock, milliseconds since the epoch
    virtual int set_timeout(int delay_ms, std::function<void()> callback) = 0;
    virtual void clear_timeout(int id) = 0;
};

struct WidgetEvent {
    std::string type;         // "loading", "update" or "error"
    std::string html;         // the whole widget, ready for the shadow root
    std::string detail_json;  // update: the analysis JSON; error: {kind, title, message, status, twilio_code, more_info, errors}
};

using EventSink = std::function<void(const WidgetEvent&)>;

class WidgetController {
public:
    WidgetController(Transport& transport, Scheduler& scheduler, EventSink sink);
    ~WidgetController();
    WidgetController(const WidgetController&) = delete;
    WidgetController& operator=(const WidgetController&) = delete;

    // Reads a configuration (see widget_config.hpp). Problems are returned;
    // with errors the widget shows them and fetches nothing. A running widget
    // starts over with the new configuration.
    Diagnostics configure(std::string_view config_json);

    // Credentials live only in this object's memory: never in a URL, an
    // attribute, a log or storage. Used only in api mode.
    void set_credentials(std::string username, std::string password);
    void clear_credentials();

    void start();    // fetch now, then every `refresh` seconds
    void refresh();  // fetch now (and restart the schedule) unless a request is already in flight
    void stop();     // no more requests or events; answers in flight are ignored

    bool running() const { return running_; }
    bool in_flight() const { return in_flight_; }
    std::uint64_t requests_sent() const { return requests_sent_; }
    const RateLimit& rate_limit() const { return rate_limit_; }

private:
    void fetch();
    void on_response(std::uint64_t generation, const HttpResponse& response);
    void schedule_next(std::optional<std::int64_t> retry_after_seconds);
    void cancel_timer();
    void emit(const char* type, std::string detail_json);
    HttpRequest build_request() const;

    Transport& transport_;
    Scheduler& scheduler_;
    EventSink sink_;
    // Callbacks hold a weak reference: an answer that arrives after the
    // controller is destroyed finds it expired and does nothing.
    std::shared_ptr<WidgetController*> self_;

    WidgetConfig config_;
    bool configured_ = false;
    std::optional<ErrorView> config_error_;
    std::string username_, password_;

    bool running_ = false;
    bool in_flight_ = false;
    std::uint64_t generation_ = 0;
    std::uint64_t requests_sent_ = 0;
    std::optional<int> timer_;

    std::optional<Analysis> last_good_;
    std::optional<std::int64_t> updated_at_ms_;
    std::optional<ErrorView> last_error_;
    RateLimit rate_limit_;
};

}  // namespace wstats
