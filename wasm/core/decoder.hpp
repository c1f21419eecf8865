// The decoder: response bytes -> WorkersStatistics, in one pass.
//
// It drives nlohmann's SAX parser (json::sax_parse) straight into the typed
// model: no DOM is built, each byte is read once. Schema rules that can be
// checked on a single value (types, nullability, signs, integer range, SID
// patterns) are checked here and reported with JSON Pointer paths; rules
// that relate several values belong to the validator.
//
// decode() never throws and never recurses on the input's nesting, so no
// input can crash it or overflow the stack.
#pragma once

#include <cstddef>
#include <string_view>

#include "diagnostics.hpp"
#include "model.hpp"

namespace wstats {

struct DecodeOptions {
    std::size_t max_bytes = 8u << 20;     // larger inputs are refused before parsing
    std::size_t max_depth = 64;           // the real response nests 4 levels
    std::size_t max_diagnostics = 200;    // a hostile input cannot grow the report without bound
};

struct DecodeResult {
    WorkersStatistics model;
    Diagnostics diagnostics;
    bool ok() const { return !has_errors(diagnostics); }
};

DecodeResult decode_workers_statistics(std::string_view bytes, const DecodeOptions& options = {});

}  // namespace wstats
