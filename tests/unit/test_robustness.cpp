// No input makes the pipeline crash, hang or throw. A deterministic mutation
// sweep over the official example (the fuzzing issue adds libFuzzer on top).
#include <catch2/catch.hpp>

#include <cstdint>
#include <string>

#include "analysis.hpp"
#include "fixtures.hpp"
#include "render.hpp"

using namespace wstats;

namespace {
// xorshift64*: fixed seed, same sequence natively and in wasm.
struct Rng {
    std::uint64_t s = 0x9E3779B97F4A7C15ull;
    std::uint64_t next() {
        s ^= s >> 12;
        s ^= s << 25;
        s ^= s >> 27;
        return s * 2685821657736338717ull;
    }
    std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }
};
}  // namespace

TEST_CASE("Mutated responses never throw and always render", "[robustness]") {
    const std::string seed = wstats::test::fixture("seed-example.json");
    const char* tokens[] = {"{", "}", "[", "]", ",", ":", "\"", "-1", "1e999", "null", "true", "0.5", "\\u0000", "\xff", "99999999999999999999"};
    Rng rng;
    std::size_t valid = 0;
    for (int i = 0; i < 3000; ++i) {
        std::string doc = seed;
        const int edits = 1 + static_cast<int>(rng.below(4));
        for (int e = 0; e < edits && !doc.empty(); ++e) {
            const std::size_t at = rng.below(doc.size());
            switch (rng.below(3)) {
                case 0: doc.erase(at, 1 + rng.below(8)); break;
                case 1: doc.insert(at, tokens[rng.below(sizeof tokens / sizeof *tokens)]); break;
                default: doc[at] = static_cast<char>(rng.next() & 0xff); break;
            }
        }
        Analysis a;
        REQUIRE_NOTHROW(a = analyze(doc));
        CHECK(a.valid() == (a.summary.has_value()));
        WidgetView v;
        v.data = a.valid() ? &a : nullptr;
        REQUIRE_NOTHROW(render_widget(v));
        REQUIRE_NOTHROW(analysis_to_json(a));
        valid += a.valid();
    }
    // The sweep must exercise both outcomes to mean anything.
    CHECK(valid > 0);
    CHECK(valid < 3000);
}
