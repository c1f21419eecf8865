// The renderer: a view of the widget -> HTML with inline SVG.
//
// Every string that came from the network or the page is escaped here, the
// markup has no inline event handlers, no style attributes and no scripts,
// so the element works under a strict Content-Security-Policy. Colours and
// sizes come from the element's stylesheet through CSS classes.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "analysis.hpp"
#include "http.hpp"
#include "request_plan.hpp"

namespace wstats {

struct ErrorView {
    std::string kind;     // FetchFailure kind, or "invalid_response" / "invalid_config"
    std::string title;
    std::string message;
    std::string more_info;
    int status = 0;
    std::optional<std::int64_t> twilio_code;
    Diagnostics diagnostics;  // for invalid responses and configurations
};

struct WidgetView {
    std::string title = "Workers";
    std::string scope;                       // what is shown: "voice · last 15 min"
    bool loading = false;                    // a first fetch is under way
    const Analysis* data = nullptr;          // the last good analysis, kept visible through errors
    std::optional<std::int64_t> updated_at_ms;
    std::optional<ErrorView> error;
};

// &, <, >, " and ' become entities: safe in text and in quoted attributes.
std::string html_escape(std::string_view text);

// A short human description of a query's filters and window.
std::string describe_scope(const WorkersStatisticsQuery& query);

std::string render_widget(const WidgetView& view);

ErrorView error_view(const FetchFailure& failure);

}  // namespace wstats
