// Entry points that take and give JSON text, so the Embind layer (and any
// other host) only passes strings through: static snapshot rendering and
// request URLs from a plain object.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace wstats {

// Options: {"title": "...", "categories": "Name=category;...", "minutes": 15, "updated_at": <epoch ms>}
// Returns {"valid": bool, "html": "...", "errors": [...], "warnings": [...]}.
// An invalid response still renders: the error panel lists its diagnostics.
std::string render_snapshot_json(std::string_view response_body, std::string_view options_json);

// Options as above (title unused). Returns the analysis JSON (see analysis.hpp).
std::string analyze_json(std::string_view response_body, std::string_view options_json);

// Query with the API's parameter names; returns {"url": "..."|null, "errors": [...], "warnings": [...]}.
std::string build_request_url_json(std::string_view query_json, std::string_view endpoint, std::int64_t now_epoch_seconds);

}  // namespace wstats
