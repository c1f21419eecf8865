// Test helpers: reading fixtures from tests/fixtures and finding diagnostics.
#pragma once

#include <algorithm>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>

#include "diagnostics.hpp"

namespace wstats::test {

inline std::string fixture(const std::string& name) {
    const std::string path = std::string(WSTATS_FIXTURES_DIR) + "/" + name;
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("missing fixture " + path);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

inline std::size_t count_code(const Diagnostics& ds, const std::string& code) {
    return static_cast<std::size_t>(std::count_if(ds.begin(), ds.end(), [&](const Diagnostic& d) { return d.code == code; }));
}

inline const Diagnostic* find_code(const Diagnostics& ds, const std::string& code) {
    auto it = std::find_if(ds.begin(), ds.end(), [&](const Diagnostic& d) { return d.code == code; });
    return it == ds.end() ? nullptr : &*it;
}

inline bool has(const Diagnostics& ds, const std::string& code, const std::string& path, Severity s) {
    return std::any_of(ds.begin(), ds.end(), [&](const Diagnostic& d) { return d.code == code && d.path == path && d.severity == s; });
}

}  // namespace wstats::test
