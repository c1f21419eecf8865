// Activity categories: what an activity means for staffing.
//
// TaskRouter activities are user-defined; only their availability flag is
// fixed, and the statistics endpoint does not return it. So the widget maps
// activities to categories by well-known names, overridable by SID or name.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace wstats {

enum class Category { available, reserved, busy, unavailable, offline };
inline constexpr int kCategoryCount = 5;
// Every category, in display order.
inline constexpr Category kAllCategories[kCategoryCount] = {Category::available, Category::reserved, Category::busy,
                                                           Category::unavailable, Category::offline};

const char* category_name(Category c);                          // "available", ...
std::optional<Category> parse_category(std::string_view name);  // inverse, case-insensitive

struct CategoryMap {
    std::map<std::string, Category> by_sid;   // exact SID
    std::map<std::string, Category> by_name;  // key is the folded name (see fold_activity_name)

    // SID override, then name override, then the defaults: Idle and Available
    // are available, Reserved is reserved, Busy is busy, Offline is offline,
    // anything else (Break, Lunch, Training, Wrap-up...) is unavailable.
    Category categorize(std::string_view sid, std::string_view friendly_name) const;

    void set_by_name(std::string_view friendly_name, Category c);
};

// Lower-cased ASCII with surrounding spaces removed: how names are compared.
std::string fold_activity_name(std::string_view name);

// Reads overrides written as "Name=category;WA...=category" (what the CLI's
// --category flag and the widget's `categories` option take). Returns an
// error message for the first bad entry, or nullopt.
std::optional<std::string> parse_category_overrides(std::string_view spec, CategoryMap& into);

}  // namespace wstats
