#include "diagnostics.hpp"

#include <algorithm>

namespace wstats {

const char* severity_name(Severity s) { return s == Severity::error ? "error" : "warning"; }

bool has_errors(const Diagnostics& d) {
    return std::any_of(d.begin(), d.end(), [](const Diagnostic& x) { return x.severity == Severity::error; });
}

std::size_t count_severity(const Diagnostics& d, Severity s) {
    return static_cast<std::size_t>(
        std::count_if(d.begin(), d.end(), [s](const Diagnostic& x) { return x.severity == s; }));
}

std::string json_pointer_escape(std::string_view token) {
    std::string out;
    out.reserve(token.size());
    for (char c : token) {
        if (c == '~') out += "~0";
        else if (c == '/') out += "~1";
        else out += c;
    }
    return out;
}

}  // namespace wstats
