// Internal to the core: the JSON shapes shared by the CLI, the browser API
// and widget events, built in one place (keys in documented order).
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "analysis.hpp"
#include "diagnostics.hpp"
#include "http.hpp"

namespace wstats::json_views {

using json = nlohmann::ordered_json;

// {severity, code, path, message}
json diagnostic(const Diagnostic& d);
// All diagnostics, or only those of one severity.
json diagnostics(const Diagnostics& ds, std::optional<Severity> only = std::nullopt);
// {valid, errors, warnings, summary}: the analysis as the API documents it.
json analysis(const Analysis& a);
json summary(const Summary& s);
// {limit, remaining, config, retry_after}, null for what the server did not send.
json rate_limit(const RateLimit& r);
// Compact text. Invalid UTF-8 (which the decoder rejects anyway) is replaced, never thrown on.
std::string dump(const json& j);

}  // namespace wstats::json_views
