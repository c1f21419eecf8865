#include "categories.hpp"

#include <cctype>

#include "sid.hpp"

namespace wstats {

const char* category_name(Category c) {
    switch (c) {
        case Category::available: return "available";
        case Category::reserved: return "reserved";
        case Category::busy: return "busy";
        case Category::unavailable: return "unavailable";
        case Category::offline: return "offline";
    }
    return "unavailable";
}

namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
}

}  // namespace

std::string fold_activity_name(std::string_view name) {
    std::string out(trim(name));
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::optional<Category> parse_category(std::string_view name) {
    const std::string n = fold_activity_name(name);
    for (Category c : kAllCategories) {
        if (n == category_name(c)) return c;
    }
    return std::nullopt;
}

Category CategoryMap::categorize(std::string_view sid, std::string_view friendly_name) const {
    if (auto it = by_sid.find(std::string(sid)); it != by_sid.end()) return it->second;
    const std::string n = fold_activity_name(friendly_name);
    if (auto it = by_name.find(n); it != by_name.end()) return it->second;
    if (n == "idle" || n == "available") return Category::available;
    if (n == "reserved") return Category::reserved;
    if (n == "busy") return Category::busy;
    if (n == "offline") return Category::offline;
    return Category::unavailable;
}

void CategoryMap::set_by_name(std::string_view friendly_name, Category c) { by_name[fold_activity_name(friendly_name)] = c; }

std::optional<std::string> parse_category_overrides(std::string_view spec, CategoryMap& into) {
    std::size_t pos = 0;
    while (pos <= spec.size()) {
        std::size_t end = spec.find(';', pos);
        if (end == std::string_view::npos) end = spec.size();
        const std::string_view entry = spec.substr(pos, end - pos);
        pos = end + 1;
        if (fold_activity_name(entry).empty()) {
            if (end == spec.size()) break;
            continue;
        }
        const std::size_t eq = entry.rfind('=');
        if (eq == std::string_view::npos) {
            return "category override \"" + std::string(entry) + "\" must look like Name=category";
        }
        const std::string_view key = trim(entry.substr(0, eq));
        const auto category = parse_category(entry.substr(eq + 1));
        if (key.empty() || !category) {
            return "category override \"" + std::string(entry) +
                   "\": the category must be available, reserved, busy, unavailable or offline";
        }
        // A key that is a well-formed activity SID overrides by SID (SIDs are
        // case-sensitive in the API); anything else is a name.
        if (is_sid(key, SidKind::activity)) into.by_sid[std::string(key)] = *category;
        else into.set_by_name(key, *category);
        if (end == spec.size()) break;
    }
    return std::nullopt;
}

}  // namespace wstats
