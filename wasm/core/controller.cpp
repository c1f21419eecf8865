#include "controller.hpp"

#include <algorithm>

#include "demo_sample.hpp"
#include "json_views.hpp"

namespace wstats {
namespace {

std::string error_json(const ErrorView& e, const RateLimit& rate = {}) {
    using json_views::json;
    return json_views::dump(json{{"kind", e.kind},
                                 {"title", e.title},
                                 {"message", e.message},
                                 {"status", e.status},
                                 {"twilio_code", e.twilio_code ? json(*e.twilio_code) : json(nullptr)},
                                 {"more_info", e.more_info},
                                 {"errors", json_views::diagnostics(e.diagnostics)},
                                 {"rate_limit", json_views::rate_limit(rate)}});
}

// The host part of a URL, for messages ("taskrouter.twilio.com").
std::string host_of(const std::string& url) {
    const std::size_t scheme = url.find("://");
    if (scheme == std::string::npos) return "the server";
    const std::size_t start = scheme + 3;
    return url.substr(start, url.find_first_of("/?#", start) - start);
}

}  // namespace

WidgetController::WidgetController(Transport& transport, Scheduler& scheduler, EventSink sink)
    : transport_(transport), scheduler_(scheduler), sink_(std::move(sink)), self_(std::make_shared<WidgetController*>(this)) {}

WidgetController::~WidgetController() {
    cancel_timer();
    // Overwrite the secret before the memory is released.
    std::fill(password_.begin(), password_.end(), '\0');
}

Diagnostics WidgetController::configure(std::string_view config_json) {
    const bool was_running = running_;
    stop();
    ConfigReading reading = read_widget_config(config_json, scheduler_.now_ms() / 1000);
    config_ = std::move(reading.config);
    configured_ = true;
    // Figures of another workspace or filter would be wrong under the new one.
    last_good_.reset();
    updated_at_ms_.reset();
    last_error_.reset();
    config_error_.reset();
    if (!reading.ok()) {
        ErrorView e;
        e.kind = "invalid_config";
        e.title = "Invalid configuration";
        e.message = "The widget's attributes need fixing before it can fetch anything.";
        for (const auto& d : reading.problems) {
            if (d.severity == Severity::error) e.diagnostics.push_back(d);
        }
        config_error_ = e;
        last_error_ = e;
        emit("error", error_json(e));
    } else if (was_running) {
        start();
    }
    return reading.problems;
}

void WidgetController::set_credentials(std::string username, std::string password) {
    std::fill(password_.begin(), password_.end(), '\0');
    username_ = std::move(username);
    password_ = std::move(password);
}

void WidgetController::clear_credentials() { set_credentials({}, {}); }

void WidgetController::start() {
    if (!configured_ || config_error_) {
        if (config_error_) emit("error", error_json(*config_error_));
        return;
    }
    running_ = true;
    fetch();
}

void WidgetController::refresh() {
    if (!configured_ || config_error_) return;
    if (in_flight_) return;  // single flight: the answer on its way is as fresh as a new one
    cancel_timer();
    running_ = true;
    fetch();
}

void WidgetController::stop() {
    running_ = false;
    cancel_timer();
    ++generation_;  // whatever is in flight now belongs to the past
    in_flight_ = false;
}

void WidgetController::cancel_timer() {
    if (timer_) {
        scheduler_.clear_timeout(*timer_);
        timer_.reset();
    }
}

HttpRequest WidgetController::build_request() const {
    HttpRequest req;
    req.timeout_ms = config_.timeout_ms;
    req.headers.push_back({"accept", "application/json"});
    if (config_.mode == SourceMode::snapshot) {
        req.url = config_.snapshot_url;
    } else {
        req.url = plan_request(config_.query, config_.endpoint, scheduler_.now_ms() / 1000).url;
        if (!username_.empty() || !password_.empty()) {
            req.headers.push_back({"authorization", basic_authorization(username_, password_)});
        }
    }
    return req;
}

void WidgetController::fetch() {
    const std::uint64_t generation = ++generation_;
    in_flight_ = true;
    if (!last_good_) emit("loading", "{}");
    std::weak_ptr<WidgetController*> weak = self_;
    auto deliver = [weak, generation](HttpResponse response) {
        if (auto self = weak.lock()) (*self)->on_response(generation, response);
    };
    if (config_.mode == SourceMode::demo) {
        // The built-in sample goes through the same path as a real answer,
        // asynchronously like one, so demo mode exercises the whole pipeline.
        HttpResponse sample;
        sample.status = 200;
        sample.raw_headers = "content-type: application/json\r\n";
        sample.body = std::string(demo_sample_json());
        timer_ = scheduler_.set_timeout(0, [this, deliver, sample]() {
            timer_.reset();
            deliver(sample);
        });
        return;
    }
    ++requests_sent_;
    transport_.send(build_request(), deliver);
}

void WidgetController::on_response(std::uint64_t generation, const HttpResponse& response) {
    if (generation != generation_) return;  // stopped or reconfigured since
    in_flight_ = false;
    const bool snapshot = config_.mode == SourceMode::snapshot;
    const std::string url = snapshot ? config_.snapshot_url : config_.endpoint;
    ResponseReading reading = read_response(response, host_of(url.empty() ? std::string(kDefaultBaseUrl) : url),
                                            snapshot ? ResourceKind::snapshot : ResourceKind::api, url);
    if (reading.rate_limit.limit || reading.rate_limit.remaining) rate_limit_ = reading.rate_limit;

    if (reading.failure) {
        last_error_ = error_view(*reading.failure);
        emit("error", error_json(*last_error_, reading.rate_limit));
        schedule_next(reading.failure->kind == "rate_limited" ? reading.rate_limit.retry_after : std::nullopt);
        return;
    }

    AnalyzeOptions options;
    options.categories = config_.categories;
    if (config_.mode == SourceMode::api && !config_.query.minutes.empty()) {
        options.validation.requested_minutes = parse_decimal(config_.query.minutes);
    }
    Analysis analysis = analyze(response.body, options);
    if (!analysis.valid()) {
        ErrorView e;
        e.kind = "invalid_response";
        e.title = "Invalid response";
        e.message = "The statistics could not be read; the last good figures stay on screen.";
        e.status = response.status;
        e.diagnostics = analysis.diagnostics;
        last_error_ = e;
        emit("error", error_json(e, reading.rate_limit));
    } else {
        last_error_.reset();
        updated_at_ms_ = scheduler_.now_ms();
        last_good_ = std::move(analysis);
        json_views::json detail = json_views::analysis(*last_good_);
        detail["rate_limit"] = json_views::rate_limit(reading.rate_limit);
        emit("update", json_views::dump(detail));
    }
    schedule_next(std::nullopt);
}

void WidgetController::schedule_next(std::optional<std::int64_t> retry_after_seconds) {
    if (!running_ || config_.refresh_seconds <= 0) {
        running_ = false;
        return;
    }
    std::int64_t delay_ms = static_cast<std::int64_t>(config_.refresh_seconds) * 1000;
    if (retry_after_seconds) delay_ms = std::max<std::int64_t>(delay_ms, *retry_after_seconds * 1000);
    cancel_timer();
    timer_ = scheduler_.set_timeout(static_cast<int>(std::min<std::int64_t>(delay_ms, 86400000)), [this]() {
        timer_.reset();
        if (running_ && !in_flight_) fetch();
    });
}

void WidgetController::emit(const char* type, std::string detail_json) {
    if (!sink_) return;
    WidgetView view;
    view.title = config_.title;
    if (config_.mode == SourceMode::api) view.scope = describe_scope(config_.query);
    else if (config_.mode == SourceMode::demo) view.scope = "demo data";
    else view.scope = "snapshot";
    view.loading = in_flight_;
    view.data = last_good_ ? &*last_good_ : nullptr;
    view.updated_at_ms = updated_at_ms_;
    view.error = last_error_;
    sink_(WidgetEvent{type, render_widget(view), std::move(detail_json)});
}

}  // namespace wstats
