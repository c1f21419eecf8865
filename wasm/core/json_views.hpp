// Internal to the core: the JSON shapes shared by the CLI, the browser API
// and widget events, built in one place (keys in documented order).
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "diagnostics.hpp"

namespace wstats::json_views {

using json = nlohmann::ordered_json;

// {severity, code, path, message}
json diagnostic(const Diagnostic& d);
// All diagnostics, or only those of one severity.
json diagnostics(const Diagnostics& ds, std::optional<Severity> only = std::nullopt);
// Compact text. Invalid UTF-8 (which the decoder rejects anyway) is replaced, never thrown on.
std::string dump(const json& j);

}  // namespace wstats::json_views
