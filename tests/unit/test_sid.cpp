#include <catch2/catch.hpp>

#include "sid.hpp"

using namespace wstats;

TEST_CASE("A SID is a two-letter prefix and 32 hex digits", "[sid]") {
    CHECK(is_sid("WS0123456789abcdef0123456789ABCDEF", SidKind::workspace));
    CHECK(is_sid("ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", SidKind::account));
    CHECK(is_sid("WA00000000000000000000000000000001", SidKind::activity));
    CHECK(is_sid("WQ0123456789abcdef0123456789abcdef", SidKind::task_queue));
    CHECK(is_sid("WK0123456789abcdef0123456789abcdef", SidKind::worker));
    CHECK(is_sid("WT0123456789abcdef0123456789abcdef", SidKind::task));
}

TEST_CASE("A SID of the wrong length or prefix or alphabet is refused", "[sid]") {
    auto short_one = sid_problem("WS0123", SidKind::workspace);
    REQUIRE(short_one);
    CHECK_THAT(*short_one, Catch::Contains("has 6 characters, expected 34"));

    auto long_one = sid_problem("WS0123456789abcdef0123456789abcdef0", SidKind::workspace);
    REQUIRE(long_one);
    CHECK_THAT(*long_one, Catch::Contains("35 characters"));

    auto wrong_prefix = sid_problem("WQ0123456789abcdef0123456789abcdef", SidKind::workspace);
    REQUIRE(wrong_prefix);
    CHECK_THAT(*wrong_prefix, Catch::Contains("starts with \"WQ\", expected \"WS\""));

    auto lower_prefix = sid_problem("ws0123456789abcdef0123456789abcdef", SidKind::workspace);
    CHECK(lower_prefix);

    auto not_hex = sid_problem("WS0123456789abcdef0123456789abcdeg", SidKind::workspace);
    REQUIRE(not_hex);
    CHECK_THAT(*not_hex, Catch::Contains("position 33"));

    CHECK_FALSE(is_sid("", SidKind::activity));
}

TEST_CASE("Every SID kind has its documented prefix", "[sid]") {
    CHECK(sid_prefix(SidKind::account) == "AC");
    CHECK(sid_prefix(SidKind::workspace) == "WS");
    CHECK(sid_prefix(SidKind::activity) == "WA");
    CHECK(sid_prefix(SidKind::task_queue) == "WQ");
    CHECK(sid_prefix(SidKind::worker) == "WK");
    CHECK(sid_prefix(SidKind::task) == "WT");
}
