// Twilio SIDs: a two-letter type prefix followed by 32 hexadecimal digits,
// exactly 34 characters (for example WSxxxxxxxx... for a workspace).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace wstats {

enum class SidKind { account, workspace, activity, task_queue, worker, task };

// The two-letter prefix of a kind: "AC", "WS", "WA", "WQ", "WK", "WT".
std::string_view sid_prefix(SidKind kind);
// A readable name of a kind: "account", "workspace", ...
std::string_view sid_kind_name(SidKind kind);

// Why a string is not a SID of a given kind, or nullopt when it is one.
// The reason is a sentence fragment fit for a diagnostic message.
std::optional<std::string> sid_problem(std::string_view text, SidKind kind);

inline bool is_sid(std::string_view text, SidKind kind) { return !sid_problem(text, kind).has_value(); }

}  // namespace wstats
