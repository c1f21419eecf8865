#include "sid.hpp"

#include <cctype>

namespace wstats {

std::string_view sid_prefix(SidKind kind) {
    switch (kind) {
        case SidKind::account: return "AC";
        case SidKind::workspace: return "WS";
        case SidKind::activity: return "WA";
        case SidKind::task_queue: return "WQ";
        case SidKind::worker: return "WK";
        case SidKind::task: return "WT";
    }
    return "";
}

std::string_view sid_kind_name(SidKind kind) {
    switch (kind) {
        case SidKind::account: return "account";
        case SidKind::workspace: return "workspace";
        case SidKind::activity: return "activity";
        case SidKind::task_queue: return "task queue";
        case SidKind::worker: return "worker";
        case SidKind::task: return "task";
    }
    return "";
}

std::optional<std::string> sid_problem(std::string_view text, SidKind kind) {
    const std::string_view prefix = sid_prefix(kind);
    const std::string expected = "a " + std::string(sid_kind_name(kind)) + " SID is " + std::string(prefix) +
                                 " followed by 32 hexadecimal digits";
    if (text.size() != 34) {
        return "has " + std::to_string(text.size()) + " characters, expected 34 (" + expected + ")";
    }
    if (text.substr(0, 2) != prefix) {
        return "starts with \"" + std::string(text.substr(0, 2)) + "\", expected \"" + std::string(prefix) + "\" (" +
               expected + ")";
    }
    for (std::size_t i = 2; i < text.size(); ++i) {
        if (!std::isxdigit(static_cast<unsigned char>(text[i]))) {
            return "has a non-hexadecimal character at position " + std::to_string(i) + " (" + expected + ")";
        }
    }
    return std::nullopt;
}

}  // namespace wstats
