#include "json_views.hpp"

namespace wstats::json_views {

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
