// The Embind layer: the module's JavaScript API. Deliberately thin: every
// function turns its JS arguments into JSON text, calls the core, and turns
// the core's JSON answer back into a plain JS object. No C++ exception ever
// crosses into JS (Embind 3.1.6 would surface it as a bare number): each
// entry point catches everything and answers {ok: false, error}.
#include <emscripten/bind.h>
#include <emscripten/html5.h>
#include <emscripten/val.h>

#include <memory>
#include <string>

#include "browser_io.hpp"
#include "controller.hpp"
#include "snapshot.hpp"

using emscripten::val;

namespace {

std::string to_json(const val& v) {
    if (v.isUndefined() || v.isNull()) return "{}";
    if (v.isString()) return v.as<std::string>();
    return val::global("JSON").call<std::string>("stringify", v);
}

val from_json(const std::string& text) { return val::global("JSON").call<val>("parse", text); }

val failure(const char* what) {
    val o = val::object();
    o.set("ok", false);
    o.set("error", std::string("internal error in ") + what);
    return o;
}

template <typename F>
val guarded(const char* what, F&& f) {
    try {
        return f();
    } catch (...) {
        return failure(what);
    }
}

val analyze(std::string text, val options) {
    return guarded("analyze", [&] { return from_json(wstats::analyze_json(text, to_json(options))); });
}

val build_request_url(val query, val endpoint) {
    return guarded("buildRequestUrl", [&] {
        const std::string base = endpoint.isString() ? endpoint.as<std::string>() : std::string();
        return from_json(wstats::build_request_url_json(to_json(query), base,
                                                        static_cast<std::int64_t>(emscripten_date_now() / 1000)));
    });
}

val render_html(std::string text, val options) {
    return guarded("renderHtml", [&] { return from_json(wstats::render_snapshot_json(text, to_json(options))); });
}

// Embind matches calls by argument count: the optional arguments get
// overloads of their own.
val analyze_text(std::string text) { return analyze(std::move(text), val::undefined()); }
val build_request_url_query(val query) { return build_request_url(std::move(query), val::undefined()); }
val render_html_text(std::string text) { return render_html(std::move(text), val::undefined()); }

// One widget's controller for JS. `listener(type, html, detailJson)` receives
// every event; it must not throw (the custom element wraps it).
class Controller {
public:
    explicit Controller(val listener)
        : listener_(std::move(listener)),
          core_(std::make_unique<wstats::WidgetController>(transport_, scheduler_, [this](const wstats::WidgetEvent& e) {
              if (!listener_.isUndefined()) listener_(e.type, e.html, e.detail_json);
          })) {}

    val configure(val options) {
        return guarded("configure", [&] {
            const wstats::Diagnostics problems = core_->configure(to_json(options));
            return from_json(wstats::diagnostics_to_json(problems));
        });
    }
    void set_credentials(std::string username, std::string password) {
        if (core_) core_->set_credentials(std::move(username), std::move(password));
    }
    void clear_credentials() {
        if (core_) core_->clear_credentials();
    }
    void start() { run([&] { core_->start(); }); }
    void refresh() { run([&] { core_->refresh(); }); }
    void stop() { run([&] { core_->stop(); }); }
    // Stops everything and drops the listener; JS still calls delete().
    void dispose() {
        core_.reset();
        listener_ = val::undefined();
    }
    double requests_sent() const { return core_ ? static_cast<double>(core_->requests_sent()) : 0; }

private:
    template <typename F>
    void run(F&& f) {
        if (!core_) return;
        try {
            f();
        } catch (...) {
            // The controller keeps its last state; nothing escapes to JS.
        }
    }

    val listener_;
    wstats::browser::FetchTransport transport_;
    wstats::browser::TimerScheduler scheduler_;
    std::unique_ptr<wstats::WidgetController> core_;  // declared last: destroyed before the I/O it uses
};

}  // namespace

EMSCRIPTEN_BINDINGS(worker_stats) {
    emscripten::function("analyze", &analyze);
    emscripten::function("analyze", &analyze_text);
    emscripten::function("buildRequestUrl", &build_request_url);
    emscripten::function("buildRequestUrl", &build_request_url_query);
    emscripten::function("renderHtml", &render_html);
    emscripten::function("renderHtml", &render_html_text);
    emscripten::class_<Controller>("WorkerStatsController")
        .constructor<val>()
        .function("configure", &Controller::configure)
        .function("setCredentials", &Controller::set_credentials)
        .function("clearCredentials", &Controller::clear_credentials)
        .function("start", &Controller::start)
        .function("refresh", &Controller::refresh)
        .function("stop", &Controller::stop)
        .function("dispose", &Controller::dispose)
        .function("requestsSent", &Controller::requests_sent);
}
