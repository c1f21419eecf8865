// Built-in sample data for the widget's demo mode (no network at all).
#pragma once

#include <string_view>

namespace wstats {

// A Workers Statistics response for a 42-agent contact centre with custom
// activities (Wrap Up, Break, Training) next to the usual ones.
std::string_view demo_sample_json();

}  // namespace wstats
