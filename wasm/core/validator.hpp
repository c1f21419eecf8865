// The semantic validator: rules that relate several values of a decoded
// response. Everything it finds is a warning: real data is messy (the
// official example itself has max < min) and the widget must stay useful.
#pragma once

#include <cstdint>

#include "diagnostics.hpp"
#include "model.hpp"

namespace wstats {

struct ValidationContext {
    std::int64_t requested_minutes = 0;  // the Minutes of the request, 0 when not known
};

Diagnostics validate_workers_statistics(const WorkersStatistics& stats, const ValidationContext& context = {});

}  // namespace wstats
