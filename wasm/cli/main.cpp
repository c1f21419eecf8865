// worker-stats: the command-line face of the core, for people who publish
// snapshots of Workers Statistics on static sites or check them in CI.
//
//   worker-stats check FILE|- [--json] [--minutes N]
//   worker-stats summarize FILE...|- [--json] [--categories SPEC] [--minutes N]
//
// Exit codes: 0 valid, 1 invalid (errors found), 2 unreadable input or bad usage.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include "../core/analysis.hpp"
#include "../core/datetime.hpp"
#include "../core/format.hpp"
#include "../core/request_plan.hpp"

namespace {

using namespace wstats;

constexpr int kExitValid = 0;
constexpr int kExitInvalid = 1;
constexpr int kExitUnreadable = 2;

const char* kUsage =
    "usage:\n"
    "  worker-stats check FILE|- [--json] [--minutes N]\n"
    "  worker-stats summarize FILE...|- [--json] [--categories SPEC] [--minutes N]\n"
    "\n"
    "check      decodes and validates a Workers Statistics response and lists its diagnostics\n"
    "summarize  prints the figures a supervisor reads; several files are merged into one\n"
    "           (for example one response per TaskChannel)\n"
    "\n"
    "  --json            machine-readable output\n"
    "  --minutes N       the Minutes the response was requested with (checks the window length)\n"
    "  --categories SPEC activity categories, e.g. \"Lunch=unavailable;On Call=busy;WA...=available\"\n"
    "\n"
    "exit status: 0 valid, 1 invalid, 2 unreadable input or bad usage\n";

struct Args {
    std::string command;
    std::vector<std::string> files;
    bool json = false;
    std::string minutes;
    std::string categories;
};

bool read_input(const std::string& name, std::string& out) {
    if (name == "-") {
        std::ostringstream ss;
        ss << std::cin.rdbuf();
        out = ss.str();
        return !std::cin.bad();
    }
    std::ifstream in(name, std::ios::binary);
    if (!in) return false;
    out.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    return !in.bad();
}

void print_diagnostics(const std::string& source, const Diagnostics& ds) {
    for (const auto& d : ds) {
        std::printf("%s: %s [%s] %s: %s\n", source.c_str(), severity_name(d.severity), d.code.c_str(),
                    d.path.empty() ? "(document)" : d.path.c_str(), d.message.c_str());
    }
}

std::string pad(std::string s, std::size_t width) {
    if (s.size() < width) s.append(width - s.size(), ' ');
    return s;
}

void print_summary(const Summary& s) {
    std::printf("workspace %s (%d response%s)\n", s.workspace_sid.empty() ? "(unknown)" : s.workspace_sid.c_str(),
                s.sources, s.sources == 1 ? "" : "s merged");
    if (s.realtime) {
        const auto& k = *s.realtime;
        std::printf("\nnow\n");
        std::printf("  total workers   %lld\n", static_cast<long long>(k.total));
        std::printf("  logged in       %lld\n", static_cast<long long>(k.logged_in));
        for (Category c : kAllCategories) {
            std::printf("  %s%lld (%s)\n", pad(category_name(c), 16).c_str(), static_cast<long long>(k.count(c)),
                        format_percent(ratio(k.count(c), k.total)).c_str());
        }
        std::printf("  occupancy       %s\n", format_percent(k.occupancy).c_str());
        std::printf("  availability    %s\n", format_percent(k.availability).c_str());
        std::printf("\n  activity                        category     workers  share\n");
        for (const auto& a : k.activities) {
            std::printf("  %s%s%7lld  %s\n", pad(a.friendly_name.empty() ? a.sid : a.friendly_name, 32).c_str(),
                        pad(category_name(a.category), 13).c_str(), static_cast<long long>(a.workers),
                        format_percent(a.share).c_str());
        }
    }
    if (s.cumulative) {
        const auto& k = *s.cumulative;
        std::printf("\nwindow %s .. %s", k.start_time.empty() ? "?" : k.start_time.c_str(),
                    k.end_time.empty() ? "?" : k.end_time.c_str());
        if (k.window_seconds) std::printf(" (%s)", format_hms(*k.window_seconds).c_str());
        std::printf("\n  activity                        total      avg        min        max        staffed\n");
        for (const auto& a : k.activities) {
            std::printf("  %s%s %s %s %s %s\n", pad(a.friendly_name.empty() ? a.sid : a.friendly_name, 32).c_str(),
                        pad(format_hms(a.total), 10).c_str(), pad(format_hms(a.avg), 10).c_str(),
                        pad(format_hms(a.min), 10).c_str(), pad(format_hms(a.max), 10).c_str(),
                        format_percent(a.staffed_share).c_str());
        }
        const auto& r = k.reservations;
        std::printf("\nreservations created %lld\n", static_cast<long long>(r.created));
        for (auto [name, o] : {std::pair{"accepted", r.accepted}, {"rejected", r.rejected}, {"timed out", r.timed_out},
                               {"canceled", r.canceled}, {"rescinded", r.rescinded}}) {
            std::printf("  %s%lld (%s)\n", pad(name, 16).c_str(), static_cast<long long>(o.count),
                        format_percent(o.share).c_str());
        }
    }
}

int run(const Args& args) {
    AnalyzeOptions options;
    if (!args.minutes.empty()) {
        options.validation.requested_minutes = parse_decimal(args.minutes);
        if (options.validation.requested_minutes < 1) {
            std::fprintf(stderr, "worker-stats: --minutes must be a positive whole number\n");
            return kExitUnreadable;
        }
    }
    if (auto problem = parse_category_overrides(args.categories, options.categories)) {
        std::fprintf(stderr, "worker-stats: %s\n", problem->c_str());
        return kExitUnreadable;
    }

    std::vector<Analysis> analyses;
    for (const auto& file : args.files) {
        std::string bytes;
        if (!read_input(file, bytes)) {
            std::fprintf(stderr, "worker-stats: cannot read %s\n", file.c_str());
            return kExitUnreadable;
        }
        analyses.push_back(analyze(bytes, options));
    }
    bool all_valid = true;
    for (const auto& a : analyses) all_valid = all_valid && a.valid();

    if (args.command == "check") {
        if (args.json) {
            std::printf("[");
            for (std::size_t i = 0; i < analyses.size(); ++i) {
                Analysis without_summary = analyses[i];
                without_summary.summary.reset();
                std::string j = analysis_to_json(without_summary);
                // {"valid":..} -> {"file":"..","valid":..}
                std::printf("%s{\"file\":%s,%s", i ? "," : "", json_quote(args.files[i]).c_str(), j.c_str() + 1);
            }
            std::printf("]\n");
        } else {
            for (std::size_t i = 0; i < analyses.size(); ++i) {
                const auto& a = analyses[i];
                print_diagnostics(args.files[i], a.diagnostics);
                std::printf("%s: %s, %zu error(s), %zu warning(s)\n", args.files[i].c_str(), a.valid() ? "valid" : "INVALID",
                            count_severity(a.diagnostics, Severity::error), count_severity(a.diagnostics, Severity::warning));
            }
        }
        return all_valid ? kExitValid : kExitInvalid;
    }

    // summarize
    Diagnostics all;
    for (std::size_t i = 0; i < analyses.size(); ++i) {
        for (auto d : analyses[i].diagnostics) {
            if (analyses.size() > 1) d.path = args.files[i] + "#" + d.path;
            all.push_back(std::move(d));
        }
    }
    std::optional<Summary> summary;
    if (all_valid) {
        if (analyses.size() == 1) {
            summary = analyses.front().summary;
        } else {
            std::vector<WorkersStatistics> parts;
            for (const auto& a : analyses) parts.push_back(a.model);
            for (auto d : check_mergeable(parts)) {
                // "#1/..." -> "file#/..."
                const std::size_t slash = d.path.find('/');
                const std::size_t index = std::stoul(d.path.substr(1, slash - 1));
                d.path = args.files[index] + "#" + d.path.substr(slash);
                all.push_back(std::move(d));
            }
            summary = summarize(merge_workers_statistics(parts), options.categories, static_cast<int>(parts.size()));
        }
    }
    if (args.json) {
        Analysis merged;
        merged.diagnostics = all;
        merged.summary = summary;
        std::printf("%s\n", analysis_to_json(merged).c_str());
    } else {
        if (analyses.size() == 1) print_diagnostics(args.files.front(), all);
        else print_diagnostics("merge", all);
        if (summary) print_summary(*summary);
        else std::printf("no summary: the input has errors (run `worker-stats check` for details)\n");
    }
    return all_valid ? kExitValid : kExitInvalid;
}

}  // namespace

int main(int argc, char** argv) {
    Args args;
    if (argc < 2) {
        std::fputs(kUsage, stderr);
        return kExitUnreadable;
    }
    args.command = argv[1];
    if (args.command == "-h" || args.command == "--help" || args.command == "help") {
        std::fputs(kUsage, stdout);
        return 0;
    }
    if (args.command != "check" && args.command != "summarize") {
        std::fprintf(stderr, "worker-stats: unknown command \"%s\"\n\n%s", args.command.c_str(), kUsage);
        return kExitUnreadable;
    }
    for (int i = 2; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--json") args.json = true;
        else if ((a == "--minutes" || a == "--categories") && i + 1 < argc) (a == "--minutes" ? args.minutes : args.categories) = argv[++i];
        else if (a.size() > 1 && a[0] == '-' && a != "-") {
            std::fprintf(stderr, "worker-stats: unknown option %s\n\n%s", a.c_str(), kUsage);
            return kExitUnreadable;
        } else args.files.push_back(a);
    }
    if (args.files.empty()) {
        std::fprintf(stderr, "worker-stats: no input file (use - for standard input)\n\n%s", kUsage);
        return kExitUnreadable;
    }
    return run(args);
}
