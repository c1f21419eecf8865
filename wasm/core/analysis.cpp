#include "analysis.hpp"

#include "json_views.hpp"

namespace wstats {
namespace {

using json_views::dump;
using json = json_views::json;

}  // namespace

Analysis analyze(std::string_view bytes, const AnalyzeOptions& options) {
    Analysis a;
    DecodeResult decoded = decode_workers_statistics(bytes, options.decode);
    a.model = std::move(decoded.model);
    a.diagnostics = std::move(decoded.diagnostics);
    // Semantic rules on a document that failed to decode would only add noise.
    if (!has_errors(a.diagnostics)) {
        Diagnostics semantic = validate_workers_statistics(a.model, options.validation);
        a.diagnostics.insert(a.diagnostics.end(), semantic.begin(), semantic.end());
        a.summary = summarize(a.model, options.categories);
    }
    return a;
}

std::string analysis_to_json(const Analysis& a) { return dump(json_views::analysis(a)); }

std::string json_quote(std::string_view text) { return dump(json(std::string(text))); }

std::string summary_to_json(const Summary& s) { return dump(json_views::summary(s)); }

std::string diagnostics_to_json(const Diagnostics& ds) { return dump(json_views::diagnostics(ds)); }

}  // namespace wstats
