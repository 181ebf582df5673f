// string_random_test.cpp - long deterministic random operation sequences on
// String<N>, checked against std::string after every step (differential
// test). Covers the small layout (free-capacity byte), the zero-initialised
// and two-byte default constructions, and the N >= 256 layout. Sources are
// random strings over a tiny alphabet (so searches hit, with embedded NULs)
// and views into the string itself (aliasing). The operations
// (support/ops/string_ops.hpp) are the fuzz target's (fuzz/string_fuzz.cpp).
#include "support/ops/string_ops.hpp"
#include "support/ops/test_env.hpp"
#include "support/test.hpp"

#include <heapless/string.hpp>

#include <cstdint>  // std::uint64_t
#include <string>   // std::string: the reference model

using heapless::String;
using heapless::test::allow_alloc_scope;

namespace {

namespace ops = heapless::test::ops;
namespace string_ops = heapless::test::string_ops;
using ops::test_env;
using string_ops::alphabet;

template <std::size_t N>
void run_differential(std::uint64_t seed, long steps) {
  static String<N> s;                // static: keeps large N off small stacks
  static string_ops::model<N> m;
  s.clear();
  {
    HEAPLESS_NO_ALLOC_SCOPE;
    ops::run_steps(seed, steps, [&](heapless::test::rng& r) {
      string_ops::apply_op<test_env>(m, s, r.below(string_ops::op_count), r);
      string_ops::compare<test_env>(m, s);
    });
  }
  const allow_alloc_scope allow;
  m.ref = std::string();
}

}  // namespace

TEST_CASE("String: random differential against std::string, N = 0 and 1", "[string][random]") {
  run_differential<0>(1, heapless::test::scaled(2000));
  run_differential<1>(2, heapless::test::scaled(5000));
}

TEST_CASE("String: random differential against std::string, N = 7 and 15", "[string][random]") {
  run_differential<7>(3, heapless::test::scaled(100000));
  run_differential<15>(4, heapless::test::scaled(100000));
}

TEST_CASE("String: random differential against std::string, N = 64 and 255", "[string][random]") {
  run_differential<64>(5, heapless::test::scaled(50000));  // two-byte default construction
  run_differential<255>(6, heapless::test::scaled(30000));
}

TEST_CASE("String: random differential against std::string, N = 300 (length member)", "[string][random]") {
  run_differential<300>(7, heapless::test::scaled(30000));
}

TEST_CASE("String: both substring-search strategies agree with a naive search", "[string][random]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  heapless::test::rng r{11};
  static char hay[600];
  char needle[12];
  const long rounds = heapless::test::scaled(20000);
  for (long round = 0; round < rounds; ++round) {
    const std::size_t len = r.below(sizeof hay);
    const std::size_t n = 2 + r.below(sizeof needle - 1);
    const std::size_t letters = 1 + r.below(3);  // tiny alphabets: many candidates
    for (std::size_t i = 0; i < len; ++i) hay[i] = alphabet[r.below(letters) * 2 + (r.one_in(50) ? 1 : 0)];
    for (std::size_t i = 0; i < n; ++i) needle[i] = alphabet[r.below(letters) * 2];
    if (n > len) continue;
    const char* const end = hay + (len - n + 1);
    const char* expected = nullptr;
    for (const char* p = hay; p < end && !expected; ++p)
      if (std::string_view(p, n) == std::string_view(needle, n)) expected = p;
    const char* const swar = heapless::detail::chars::search(hay, end, needle, n);
    const char* const by_memchr = heapless::detail::chars::search_memchr(hay, end, needle, n);
    if (swar != expected || by_memchr != expected) {
      CAPTURE(round, len, n);
      REQUIRE(swar == expected);
      REQUIRE(by_memchr == expected);
    }
  }
}
