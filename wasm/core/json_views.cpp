#include "json_views.hpp"

namespace wstats::json_views {
namespace {

json ratio_json(const Ratio& r) { return r ? json(*r) : json(nullptr); }

}  // namespace

json summary(const Summary& s) {
    json out{{"account_sid", s.account_sid}, {"workspace_sid", s.workspace_sid}, {"sources", s.sources},
             {"realtime", nullptr}, {"cumulative", nullptr}};
    if (s.realtime) {
        const auto& k = *s.realtime;
        json acts = json::array();
        for (const auto& a : k.activities) {
            acts.push_back({{"sid", a.sid}, {"friendly_name", a.friendly_name}, {"category", category_name(a.category)},
                            {"workers", a.workers}, {"share", ratio_json(a.share)}});
        }
        out["realtime"] = {{"total", k.total}, {"logged_in", k.logged_in},
                           {"available", k.count(Category::available)}, {"reserved", k.count(Category::reserved)},
                           {"busy", k.count(Category::busy)}, {"unavailable", k.count(Category::unavailable)},
                           {"offline", k.count(Category::offline)}, {"occupancy", ratio_json(k.occupancy)},
                           {"availability", ratio_json(k.availability)}, {"activities", std::move(acts)}};
    }
    if (s.cumulative) {
        const auto& k = *s.cumulative;
        json acts = json::array();
        for (const auto& a : k.activities) {
            acts.push_back({{"sid", a.sid}, {"friendly_name", a.friendly_name}, {"category", category_name(a.category)},
                            {"total", a.total}, {"avg", a.avg}, {"min", a.min}, {"max", a.max},
                            {"staffed_share", ratio_json(a.staffed_share)}});
        }
        const auto& r = k.reservations;
        auto outcome = [](const Outcome& o) { return json{{"count", o.count}, {"share", ratio_json(o.share)}}; };
        out["cumulative"] = {
            {"start_time", k.start_time.empty() ? json(nullptr) : json(k.start_time)},
            {"end_time", k.end_time.empty() ? json(nullptr) : json(k.end_time)},
            {"window_seconds", k.window_seconds ? json(*k.window_seconds) : json(nullptr)},
            {"staffed_seconds", k.staffed_seconds},
            {"activities", std::move(acts)},
            {"reservations", {{"created", r.created}, {"accepted", outcome(r.accepted)}, {"rejected", outcome(r.rejected)},
                              {"timed_out", outcome(r.timed_out)}, {"canceled", outcome(r.canceled)},
                              {"rescinded", outcome(r.rescinded)}}}};
    }
    return out;
}


json analysis(const Analysis& a) {
    return json{{"valid", a.valid()},
                {"errors", diagnostics(a.diagnostics, Severity::error)},
                {"warnings", diagnostics(a.diagnostics, Severity::warning)},
                {"summary", a.summary ? summary(*a.summary) : json(nullptr)}};
}

json rate_limit(const RateLimit& r) {
    auto number = [](const std::optional<std::int64_t>& v) { return v ? json(*v) : json(nullptr); };
    return json{{"limit", number(r.limit)},
                {"remaining", number(r.remaining)},
                {"config", r.config.empty() ? json(nullptr) : json(r.config)},
                {"retry_after", number(r.retry_after)}};
}

json diagnostic(const Diagnostic& d) {
    return json{{"severity", severity_name(d.severity)}, {"code", d.code}, {"path", d.path}, {"message", d.message}};
}

json diagnostics(const Diagnostics& ds, std::optional<Severity> only) {
    json out = json::array();
    for (const auto& d : ds) {
        if (!only || d.severity == *only) out.push_back(diagnostic(d));
    }
    return out;
}

std::string dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

}  // namespace wstats::json_views
