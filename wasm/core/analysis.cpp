#include "analysis.hpp"

#include "json_views.hpp"

namespace wstats {
namespace {

using json_views::dump;
using json = json_views::json;

json ratio_json(const Ratio& r) { return r ? json(*r) : json(nullptr); }

json summary_json(const Summary& s) {
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

}  // namespace

Analysis analyze(std::string_view bytes, const AnalyzeOptions& options) {
    Analysis a;
    DecodeResult decoded = decode_workers_statistics(bytes, options.decode);
    a.model = std::move(decoded.model);
    a.diagnostics = std::move(decoded.diagnostics);
    // Semantic rules on a document that failed to decode would only add noise.
    if (!has_errors(a.diagnostics)) {
        Diagnostics semantic = validate_workers_statistics(a.model, options.validation);
        a.diagnostics.insert(a.diagnostics.end(), semantic.begin(), semantic.end());
        a.summary = summarize(a.model, options.categories);
    }
    return a;
}

std::string analysis_to_json(const Analysis& a) {
    return dump(json{{"valid", a.valid()},
                     {"errors", json_views::diagnostics(a.diagnostics, Severity::error)},
                     {"warnings", json_views::diagnostics(a.diagnostics, Severity::warning)},
                     {"summary", a.summary ? summary_json(*a.summary) : json(nullptr)}});
}

std::string json_quote(std::string_view text) { return dump(json(std::string(text))); }

std::string summary_to_json(const Summary& s) { return dump(summary_json(s)); }

std::string diagnostics_to_json(const Diagnostics& ds) { return dump(json_views::diagnostics(ds)); }

}  // namespace wstats
