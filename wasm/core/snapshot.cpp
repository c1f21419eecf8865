#include "snapshot.hpp"

#include "analysis.hpp"
#include "json_views.hpp"
#include "render.hpp"
#include "widget_config.hpp"

namespace wstats {
namespace {

using json = json_views::json;
using json_views::dump;

struct SnapshotOptions {
    AnalyzeOptions analyze;
    std::string title = "Workers";
    std::optional<std::int64_t> updated_at_ms;
    Diagnostics problems;
};

SnapshotOptions read_options(std::string_view text) {
    SnapshotOptions o;
    const json j = json::parse(text.begin(), text.end(), nullptr, false);
    if (!j.is_object()) return o;  // no options, or unusable ones: the defaults
    if (auto it = j.find("title"); it != j.end() && it->is_string()) o.title = it->get<std::string>();
    if (auto it = j.find("minutes"); it != j.end() && it->is_number_integer()) {
        o.analyze.validation.requested_minutes = it->get<std::int64_t>();
    }
    if (auto it = j.find("updated_at"); it != j.end() && it->is_number()) o.updated_at_ms = it->get<std::int64_t>();
    if (auto it = j.find("categories"); it != j.end() && it->is_string()) {
        if (auto problem = parse_category_overrides(it->get<std::string>(), o.analyze.categories)) {
            o.problems.push_back(Diagnostic{Severity::error, "invalid_categories", *problem, "categories"});
        }
    }
    return o;
}

}  // namespace

std::string render_snapshot_json(std::string_view body, std::string_view options_json) {
    SnapshotOptions o = read_options(options_json);
    const Analysis a = analyze(body, o.analyze);
    WidgetView v;
    v.title = o.title;
    v.scope = "snapshot";
    v.updated_at_ms = o.updated_at_ms;
    if (a.valid()) {
        v.data = &a;
    } else {
        ErrorView e;
        e.kind = "invalid_response";
        e.title = "Invalid snapshot";
        e.message = "The statistics could not be read.";
        e.diagnostics = a.diagnostics;
        v.error = e;
    }
    Diagnostics all = o.problems;
    all.insert(all.end(), a.diagnostics.begin(), a.diagnostics.end());
    return dump(json{{"valid", a.valid() && o.problems.empty()},
                     {"html", render_widget(v)},
                     {"errors", json_views::diagnostics(all, Severity::error)},
                     {"warnings", json_views::diagnostics(all, Severity::warning)}});
}

std::string analyze_json(std::string_view body, std::string_view options_json) {
    return analysis_to_json(analyze(body, read_options(options_json).analyze));
}

std::string build_request_url_json(std::string_view query_json, std::string_view endpoint, std::int64_t now) {
    Diagnostics problems;
    const WorkersStatisticsQuery q = read_query(query_json, problems);
    RequestPlan plan = plan_request(q, endpoint, now);
    problems.insert(problems.end(), plan.problems.begin(), plan.problems.end());
    const bool ok = !has_errors(problems);
    return dump(json{{"url", ok ? json(plan.url) : json(nullptr)},
                     {"errors", json_views::diagnostics(problems, Severity::error)},
                     {"warnings", json_views::diagnostics(problems, Severity::warning)}});
}

}  // namespace wstats
