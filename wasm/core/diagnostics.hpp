// Diagnostics shared by every stage of the pipeline.
//
// A diagnostic names a stable machine-readable `code` (documented in
// docs/diagnostics.md and relied upon by tests and by the CLI's --json
// output), a human message, and where it applies: a JSON Pointer (RFC 6901)
// into the response for decoder/validator findings, or a parameter name for
// request-plan findings.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace wstats {

enum class Severity { error, warning };

struct Diagnostic {
    Severity severity = Severity::error;
    std::string code;     // stable identifier, snake_case
    std::string message;  // for people
    std::string path;     // JSON Pointer ("" is the whole document) or parameter name
};

using Diagnostics = std::vector<Diagnostic>;

const char* severity_name(Severity s);

bool has_errors(const Diagnostics& d);
std::size_t count_severity(const Diagnostics& d, Severity s);

// Escapes one reference token for a JSON Pointer: '~' -> "~0", '/' -> "~1".
std::string json_pointer_escape(std::string_view token);

}  // namespace wstats
