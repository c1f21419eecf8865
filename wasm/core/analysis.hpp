// The pipeline for one response: decode -> validate -> aggregate.
// This is what the CLI, the Embind layer and the widget controller call.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "aggregator.hpp"
#include "categories.hpp"
#include "decoder.hpp"
#include "diagnostics.hpp"
#include "model.hpp"
#include "validator.hpp"

namespace wstats {

struct AnalyzeOptions {
    DecodeOptions decode;
    ValidationContext validation;
    CategoryMap categories;
};

struct Analysis {
    WorkersStatistics model;
    Diagnostics diagnostics;         // decoder findings first, then the validator's
    std::optional<Summary> summary;  // present only when there is no error
    bool valid() const { return !has_errors(diagnostics); }
};

// Never throws.
Analysis analyze(std::string_view bytes, const AnalyzeOptions& options = {});

// JSON views used by the CLI's --json and the browser API. The shapes are
// documented in docs/api.md; keys are snake_case like the API's.
std::string analysis_to_json(const Analysis& analysis);  // {valid, errors, warnings, summary}
std::string summary_to_json(const Summary& summary);
std::string diagnostics_to_json(const Diagnostics& diagnostics);  // [{severity, code, path, message}]
// A JSON string literal (quotes included) for any text.
std::string json_quote(std::string_view text);

}  // namespace wstats
