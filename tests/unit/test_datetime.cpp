#include <catch2/catch.hpp>

#include "datetime.hpp"

using namespace wstats;

TEST_CASE("ISO 8601 date-times with a zone parse to epoch seconds", "[datetime]") {
    CHECK(parse_iso8601("1970-01-01T00:00:00Z") == 0);
    CHECK(parse_iso8601("2008-01-02T00:00:00Z") == 1199232000);
    CHECK(parse_iso8601("2024-05-01T08:15:00Z") == 1714551300);
    CHECK(parse_iso8601("2024-05-01T10:15:00+02:00") == 1714551300);
    CHECK(parse_iso8601("2024-05-01T03:15:00-0500") == 1714551300);
    CHECK(parse_iso8601("2024-05-01T08:15Z") == 1714551300);
    CHECK(parse_iso8601("2024-05-01T08:15:00.123456Z") == 1714551300);
    CHECK(parse_iso8601("2024-02-29T00:00:00Z").has_value());
}

TEST_CASE("Date-times without a zone or with impossible dates are refused", "[datetime]") {
    CHECK_FALSE(parse_iso8601("2024-05-01T08:15:00"));
    CHECK_FALSE(parse_iso8601("2024-05-01"));
    CHECK_FALSE(parse_iso8601("2023-02-29T00:00:00Z"));
    CHECK_FALSE(parse_iso8601("2024-13-01T00:00:00Z"));
    CHECK_FALSE(parse_iso8601("2024-04-31T00:00:00Z"));
    CHECK_FALSE(parse_iso8601("2024-05-01T24:00:00Z"));
    CHECK_FALSE(parse_iso8601("2024-05-01T08:60:00Z"));
    CHECK_FALSE(parse_iso8601("2024-05-01T08:15:00.Z"));
    CHECK_FALSE(parse_iso8601("2024-05-01T08:15:00Zjunk"));
    CHECK_FALSE(parse_iso8601("yesterday"));
    CHECK_FALSE(parse_iso8601(""));
}

TEST_CASE("Epoch seconds format back to ISO 8601 in UTC", "[datetime]") {
    CHECK(format_iso8601(0) == "1970-01-01T00:00:00Z");
    CHECK(format_iso8601(1714551300) == "2024-05-01T08:15:00Z");
    CHECK(format_iso8601(-1) == "1969-12-31T23:59:59Z");
    CHECK(format_iso8601(951782400) == "2000-02-29T00:00:00Z");
}

TEST_CASE("Durations format as h:mm:ss", "[datetime]") {
    CHECK(format_hms(0) == "0:00:00");
    CHECK(format_hms(59) == "0:00:59");
    CHECK(format_hms(3600 + 62) == "1:01:02");
    CHECK(format_hms(100 * 3600) == "100:00:00");
    CHECK(format_hms(-5) == "-0:00:05");
}
