#include "format.hpp"

#include <cstdio>

namespace wstats {

std::string format_percent(const Ratio& r) {
    if (!r) return "n/a";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f%%", *r * 100.0);
    return buf;
}

}  // namespace wstats
