// Number formatting shared by the CLI and the HTML renderer.
#pragma once

#include <string>

#include "aggregator.hpp"

namespace wstats {

// "62.5%" (one decimal), or "n/a" when there is no value.
std::string format_percent(const Ratio& r);

}  // namespace wstats
