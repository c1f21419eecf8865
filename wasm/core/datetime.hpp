// ISO 8601 date-times as the TaskRouter API uses them ("2008-01-02T00:00:00Z").
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace wstats {

// Parses an ISO 8601 / RFC 3339 date-time, YYYY-MM-DDTHH:MM[:SS[.fraction]]
// followed by Z or a +HH:MM / -HH:MM / +HHMM offset, into seconds since the
// Unix epoch (UTC, fraction dropped). A date-time without a zone is refused:
// the API would read it in GMT, and guessing silently hides a bug.
// Returns nullopt for anything else, including impossible dates (2023-02-29).
std::optional<std::int64_t> parse_iso8601(std::string_view text);

// Formats seconds since the epoch as "YYYY-MM-DDTHH:MM:SSZ".
std::string format_iso8601(std::int64_t epoch_seconds);

// Formats a duration in seconds as h:mm:ss ("0:00:00", "12:03:09", "-0:00:05").
std::string format_hms(std::int64_t seconds);

// Days since 1970-01-01 of a proleptic Gregorian date.
std::int64_t days_from_civil(std::int64_t year, unsigned month, unsigned day);

}  // namespace wstats
