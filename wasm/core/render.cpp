#include "render.hpp"

#include <cstdio>

#include "datetime.hpp"
#include "format.hpp"

namespace wstats {
namespace {

std::string num(std::int64_t v) { return std::to_string(v); }

// A percentage width for SVG geometry, clamped to [0, 100].
std::string width(const Ratio& r) {
    double w = r ? *r * 100.0 : 0.0;
    if (!(w >= 0)) w = 0;
    if (w > 100) w = 100;
    char buf[16];
    std::snprintf(buf, sizeof buf, "%.2f", w);
    return buf;
}

std::string activity_label(const std::string& name, const std::string& sid) { return name.empty() ? sid : name; }

void bar(std::string& h, const Ratio& r, Category c) {
    h += "<svg class=\"ws-bar\" viewBox=\"0 0 100 6\" preserveAspectRatio=\"none\" aria-hidden=\"true\">"
         "<rect class=\"ws-track\" width=\"100\" height=\"6\"/><rect class=\"ws-c-";
    h += category_name(c);
    h += "\" width=\"" + width(r) + "\" height=\"6\"/></svg>";
}

void tile(std::string& h, const char* cls, const char* label, const std::string& value, const std::string& note = {}) {
    h += "<div class=\"ws-tile ";
    h += cls;
    h += "\"><span class=\"ws-tile-label\">";
    h += label;
    h += "</span><span class=\"ws-tile-value\">" + html_escape(value) + "</span>";
    if (!note.empty()) h += "<span class=\"ws-tile-note\">" + html_escape(note) + "</span>";
    h += "</div>";
}

void render_header(std::string& h, const WidgetView& v) {
    h += "<header class=\"ws-head\"><h2 class=\"ws-title\">" + html_escape(v.title) + "</h2>";
    if (!v.scope.empty()) h += "<span class=\"ws-scope\">" + html_escape(v.scope) + "</span>";
    if (v.updated_at_ms) {
        const std::string iso = format_iso8601(*v.updated_at_ms / 1000);
        h += "<span class=\"ws-updated\">updated <time datetime=\"" + iso + "\">" + iso.substr(11, 8) + " UTC</time>";
        if (v.error) h += " <span class=\"ws-stale\">(stale)</span>";
        h += "</span>";
    }
    if (v.data) {
        Diagnostics warnings;
        for (const auto& d : v.data->diagnostics) {
            if (d.severity == Severity::warning) warnings.push_back(d);
        }
        if (!warnings.empty()) {
            h += "<details class=\"ws-warnings\"><summary class=\"ws-badge\">" + num(static_cast<std::int64_t>(warnings.size())) +
                 (warnings.size() == 1 ? " warning" : " warnings") + "</summary><ul class=\"ws-diagnostics\">";
            for (const auto& d : warnings) {
                h += "<li><code class=\"ws-path\">" + html_escape(d.path.empty() ? "/" : d.path) + "</code> <span class=\"ws-code\">" +
                     html_escape(d.code) + "</span> " + html_escape(d.message) + "</li>";
            }
            h += "</ul></details>";
        }
    }
    h += "</header>";
}

void render_error(std::string& h, const ErrorView& e) {
    h += "<div class=\"ws-error\" role=\"alert\" data-kind=\"" + html_escape(e.kind) + "\"><strong class=\"ws-error-title\">" +
         html_escape(e.title) + "</strong>";
    if (e.twilio_code) h += " <span class=\"ws-error-code\">Twilio error " + num(*e.twilio_code) + "</span>";
    else if (e.status > 0) h += " <span class=\"ws-error-code\">HTTP " + num(e.status) + "</span>";
    h += "<p class=\"ws-error-message\">" + html_escape(e.message) + "</p>";
    if (!e.more_info.empty()) {
        h += "<a class=\"ws-more-info\" href=\"" + html_escape(e.more_info) +
             "\" target=\"_blank\" rel=\"noopener noreferrer\">About this error</a>";
    }
    if (!e.diagnostics.empty()) {
        h += "<ul class=\"ws-diagnostics\">";
        for (const auto& d : e.diagnostics) {
            h += "<li><span class=\"ws-severity\">" + std::string(severity_name(d.severity)) + "</span> <code class=\"ws-path\">" +
                 html_escape(d.path.empty() ? "/" : d.path) + "</code> <span class=\"ws-code\">" + html_escape(d.code) + "</span> " +
                 html_escape(d.message) + "</li>";
        }
        h += "</ul>";
    }
    h += "</div>";
}

void render_realtime(std::string& h, const RealtimeKpis& k) {
    h += "<section class=\"ws-now\" aria-label=\"Workers now\"><div class=\"ws-tiles\">";
    tile(h, "ws-total", "Total", num(k.total));
    tile(h, "ws-logged-in", "Logged in", num(k.logged_in));
    tile(h, "ws-occupancy", "Occupancy", format_percent(k.occupancy), "busy + reserved / logged in");
    tile(h, "ws-availability", "Availability", format_percent(k.availability), "available / logged in");
    h += "</div>";

    // One stacked bar of the five categories, then a legend with counts and shares.
    h += "<svg class=\"ws-stack\" viewBox=\"0 0 100 8\" preserveAspectRatio=\"none\" role=\"img\" aria-label=\"Workers by category\">";
    double x = 0;
    for (Category c : kAllCategories) {
        const Ratio r = ratio(k.count(c), k.total);
        if (!r || *r <= 0) continue;
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.2f", x);
        h += "<rect class=\"ws-c-" + std::string(category_name(c)) + "\" x=\"" + buf + "\" width=\"" + width(r) + "\" height=\"8\"/>";
        x += *r * 100.0;
    }
    h += "</svg><ul class=\"ws-legend\">";
    for (Category c : kAllCategories) {
        const std::string name = category_name(c);
        h += "<li class=\"ws-cat\" data-category=\"" + name + "\"><span class=\"ws-swatch ws-c-" + name + "\"></span>" +
             "<span class=\"ws-cat-name\">" + name + "</span> <span class=\"ws-cat-count\">" + num(k.count(c)) +
             "</span> <span class=\"ws-cat-share\">" + format_percent(ratio(k.count(c), k.total)) + "</span></li>";
    }
    h += "</ul>";

    h += "<table class=\"ws-activities\"><caption>Activities now</caption><thead><tr><th scope=\"col\">Activity</th>"
         "<th scope=\"col\">Category</th><th scope=\"col\">Workers</th><th scope=\"col\">Share</th><th scope=\"col\"><span class=\"ws-sr\">Bar</span></th></tr></thead><tbody>";
    for (const auto& a : k.activities) {
        h += "<tr data-sid=\"" + html_escape(a.sid) + "\"><th scope=\"row\" class=\"ws-activity-name\">" +
             html_escape(activity_label(a.friendly_name, a.sid)) + "</th><td class=\"ws-category\">" + category_name(a.category) +
             "</td><td class=\"ws-num ws-workers\">" + num(a.workers) + "</td><td class=\"ws-num ws-share\">" +
             format_percent(a.share) + "</td><td class=\"ws-bar-cell\">";
        bar(h, a.share, a.category);
        h += "</td></tr>";
    }
    h += "</tbody></table></section>";
}

void render_cumulative(std::string& h, const CumulativeKpis& k) {
    h += "<section class=\"ws-window\" aria-label=\"Cumulative statistics\"><h3>Window</h3><p class=\"ws-window-range\">";
    h += k.start_time.empty() ? std::string("?") : "<time>" + html_escape(k.start_time) + "</time>";
    h += " &ndash; ";
    h += k.end_time.empty() ? std::string("?") : "<time>" + html_escape(k.end_time) + "</time>";
    if (k.window_seconds) h += " <span class=\"ws-window-length\">(" + format_hms(*k.window_seconds) + ")</span>";
    h += "</p>";

    h += "<table class=\"ws-durations\"><caption>Time per activity (h:mm:ss)</caption><thead><tr><th scope=\"col\">Activity</th>"
         "<th scope=\"col\">Total</th><th scope=\"col\">Avg</th><th scope=\"col\">Min</th><th scope=\"col\">Max</th>"
         "<th scope=\"col\">Staffed time</th><th scope=\"col\"><span class=\"ws-sr\">Bar</span></th></tr></thead><tbody>";
    for (const auto& a : k.activities) {
        h += "<tr data-sid=\"" + html_escape(a.sid) + "\"><th scope=\"row\" class=\"ws-activity-name\">" +
             html_escape(activity_label(a.friendly_name, a.sid)) + "</th><td class=\"ws-num ws-total\">" + format_hms(a.total) +
             "</td><td class=\"ws-num ws-avg\">" + format_hms(a.avg) + "</td><td class=\"ws-num ws-min\">" + format_hms(a.min) +
             "</td><td class=\"ws-num ws-max\">" + format_hms(a.max) + "</td><td class=\"ws-num ws-staffed\">" +
             format_percent(a.staffed_share) + "</td><td class=\"ws-bar-cell\">";
        bar(h, a.staffed_share, a.category);
        h += "</td></tr>";
    }
    h += "</tbody></table>";

    const auto& r = k.reservations;
    h += "<div class=\"ws-funnel\"><h3>Reservations</h3><p class=\"ws-created\">Created <strong class=\"ws-created-count\">" +
         num(r.created) + "</strong></p><ul class=\"ws-outcomes\">";
    const std::pair<const char*, const Outcome*> outcomes[] = {{"accepted", &r.accepted}, {"rejected", &r.rejected},
                                                               {"timed out", &r.timed_out}, {"canceled", &r.canceled},
                                                               {"rescinded", &r.rescinded}};
    for (const auto& [name, o] : outcomes) {
        h += "<li class=\"ws-outcome\" data-outcome=\"" + std::string(name) + "\"><span class=\"ws-outcome-name\">" + name +
             "</span> <span class=\"ws-outcome-count\">" + num(o->count) + "</span> <span class=\"ws-outcome-share\">" +
             format_percent(o->share) + "</span>";
        bar(h, o->share, std::string(name) == "accepted" ? Category::available : Category::unavailable);
        h += "</li>";
    }
    h += "</ul></div></section>";
}

}  // namespace

std::string html_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c;
        }
    }
    return out;
}

std::string describe_scope(const WorkersStatisticsQuery& q) {
    std::string s;
    auto add = [&](const std::string& part) {
        if (part.empty()) return;
        if (!s.empty()) s += " \u00b7 ";
        s += part;
    };
    if (!q.task_queue_name.empty()) add("queue " + q.task_queue_name);
    else if (!q.task_queue_sid.empty()) add("queue " + q.task_queue_sid);
    if (!q.task_channel.empty()) add(q.task_channel);
    if (!q.friendly_name.empty()) add("workers named " + q.friendly_name);
    if (!q.minutes.empty()) add("last " + std::to_string(parse_decimal(q.minutes)) + " min");
    else if (!q.start_date.empty() || !q.end_date.empty())
        add((q.start_date.empty() ? std::string("…") : q.start_date) + " \u2013 " + (q.end_date.empty() ? std::string("now") : q.end_date));
    else add("last 15 min");
    return s;
}

ErrorView error_view(const FetchFailure& f) {
    ErrorView e;
    e.kind = f.kind;
    e.title = f.title;
    e.message = f.message;
    e.more_info = f.more_info;
    e.status = f.status;
    e.twilio_code = f.twilio_code;
    return e;
}

std::string render_widget(const WidgetView& v) {
    std::string h;
    h.reserve(8192);
    const char* state = v.error ? "error" : v.loading ? "loading" : v.data ? "ok" : "empty";
    h += "<section class=\"ws\" data-state=\"";
    h += state;
    h += "\" aria-busy=\"";
    h += v.loading ? "true" : "false";
    h += "\">";
    render_header(h, v);
    if (v.error) render_error(h, *v.error);
    if (v.loading && !v.data) {
        h += "<div class=\"ws-loading\" role=\"status\"><span class=\"ws-spinner\" aria-hidden=\"true\"></span>Loading worker statistics&hellip;</div>";
    }
    if (v.data && v.data->summary) {
        const Summary& s = *v.data->summary;
        if (s.realtime) render_realtime(h, *s.realtime);
        if (s.cumulative) render_cumulative(h, *s.cumulative);
        if (!s.realtime && !s.cumulative) h += "<p class=\"ws-empty\">The response holds no statistics.</p>";
    }
    h += "</section>";
    return h;
}

}  // namespace wstats
