// float_to_chars_test.cpp - the compact floating-point back end
// (heapless/detail/float_to_chars.hpp) against fixed expectations and, byte for
// byte, against the standard library's std::to_chars: shortest, fixed,
// scientific and general, float and double, every precision class, short
// output buffers. Runs on the host and on every Cortex-M configuration (where
// it is the default back end of heapless::format).
#include <heapless/detail/float_to_chars.hpp>
#include <heapless/format.hpp>

#include <charconv>
#include <cstdint>
#include <cstring>
#include <limits>
#include <string_view>

#include "support/rng.hpp"
#include "support/test.hpp"

namespace {

namespace fp = heapless::detail::fp;

constexpr std::chars_format fixed = std::chars_format::fixed;
constexpr std::chars_format sci = std::chars_format::scientific;
constexpr std::chars_format general = std::chars_format::general;

char out_buf[1536];  // the longest text here: 1.8e308 fixed to 1100 places, 1410 chars

template <class F>
std::string_view shortest(F x) {
  const auto r = fp::to_chars(out_buf, out_buf + sizeof out_buf, x);
  REQUIRE(r.ec == std::errc());
  return {out_buf, static_cast<std::size_t>(r.ptr - out_buf)};
}

template <class F>
std::string_view with(F x, std::chars_format f, int p) {
  const auto r = fp::to_chars(out_buf, out_buf + sizeof out_buf, x, f, p);
  REQUIRE(r.ec == std::errc());
  return {out_buf, static_cast<std::size_t>(r.ptr - out_buf)};
}

template <class F, class Bits>
F from_bits(Bits b) {
  F x;
  std::memcpy(&x, &b, sizeof x);
  return x;
}

// Both back ends on the same call: equal results (text, or both too large).
char std_buf[1536];
char fp_buf[1536];
long mismatches = 0;

// Equal results: the same text, or both too large.
bool same(std::to_chars_result a, std::to_chars_result b) {
  if (a.ec != b.ec) return false;
  return a.ec != std::errc() || std::string_view(std_buf, static_cast<std::size_t>(a.ptr - std_buf)) ==
                                    std::string_view(fp_buf, static_cast<std::size_t>(b.ptr - fp_buf));
}

// format -1: shortest.
template <class F>
void agree(F x, int format, int p, std::size_t cap) {
  bool ok;
  if (format < 0) {
    ok = same(std::to_chars(std_buf, std_buf + cap, x), fp::to_chars(fp_buf, fp_buf + cap, x));
  } else {
    const auto f = static_cast<std::chars_format>(format);
    ok = same(std::to_chars(std_buf, std_buf + cap, x, f, p), fp::to_chars(fp_buf, fp_buf + cap, x, f, p));
  }
  if (!ok && ++mismatches <= 10) {
    [[maybe_unused]] const double shown = static_cast<double>(x);  // CAPTURE is a no-op in the mini harness
    CAPTURE(shown);
    CAPTURE(format);
    CAPTURE(p);
    CAPTURE(cap);
    CHECK(ok);
  }
}

constexpr double special_doubles[] = {
    0.0, -0.0, 1.0, -1.0, 0.1, 0.2, 0.3, 0.5, 1.5, 2.5, 0.125, 0.375, 9.5, 9.9999, 99.995, 999999.5, 0.95,
    0.05, 123.456, 1e15, 1e16, 1e17, 1e21, 1e22, 1e23, 2e22, 4.35e15, 9007199254740992.0, 9007199254740994.0,
    123456789012345678901.0, 1e-5, 1e-4, 1e-3, 5e-324, 1e-323, 2.2250738585072009e-308,
    2.2250738585072014e-308, 1.7976931348623157e308, 8.98846567431158e307, 4.9406564584124654e-324,
    static_cast<double>(0.1f), 3.4028234663852886e38, 1.1754943508222875e-38, 1.401298464324817e-45,
};
constexpr int precisions[] = {0, 1, 2, 3, 4, 5, 6, 9, 15, 16, 17, 18, 20, 25, 40, 60, 61, 100, 112, 200, 400, 767, 800, 1074, 1100};

}  // namespace

TEST_CASE("fp::to_chars: shortest form, fixed expectations") {
  HEAPLESS_NO_ALLOC_SCOPE;
  CHECK(shortest(0.0) == "0");
  CHECK(shortest(-0.0) == "-0");
  CHECK(shortest(1.0) == "1");
  CHECK(shortest(0.3) == "0.3");
  CHECK(shortest(0.1f) == "0.1");
  CHECK(shortest(3.14159) == "3.14159");
  CHECK(shortest(-2.5) == "-2.5");
  CHECK(shortest(1e-5) == "1e-05");
  CHECK(shortest(1e-4) == "1e-04");    // "0.0001" is longer
  CHECK(shortest(1e-3) == "0.001");    // a tie: fixed
  CHECK(shortest(1e21) == "1e+21");
  CHECK(shortest(2e22) == "2e+22");
  CHECK(shortest(4.35e15) == "4.35e+15");
  CHECK(shortest(1e300) == "1e+300");
  CHECK(shortest(5e-324) == "5e-324");
  CHECK(shortest(1.7976931348623157e308) == "1.7976931348623157e+308");
  CHECK(shortest(2.2250738585072014e-308) == "2.2250738585072014e-308");
  // An integer wider than its shortest digits shows its exact value in fixed form.
  CHECK(shortest(123456789012345678901.0) == "123456789012345683968");
  CHECK(shortest(36028797018963968.0) == "36028797018963968");
  CHECK(shortest(12345678901234567890.0) == "12345678901234567168");
  CHECK(shortest(std::numeric_limits<double>::infinity()) == "inf");
  CHECK(shortest(-std::numeric_limits<double>::infinity()) == "-inf");
  CHECK(shortest(std::numeric_limits<double>::quiet_NaN()) == "nan");
  CHECK(shortest(-std::numeric_limits<double>::quiet_NaN()) == "-nan");
  CHECK(shortest(std::numeric_limits<float>::max()) == "3.4028235e+38");
  CHECK(shortest(std::numeric_limits<float>::denorm_min()) == "1e-45");
  CHECK(shortest(16777216.0f) == "16777216");
  CHECK(shortest(7.9541493760e10f) == "79541493760");
}

TEST_CASE("fp::to_chars: precisions, fixed expectations") {
  HEAPLESS_NO_ALLOC_SCOPE;
  // Exact ties round to even.
  CHECK(with(0.125, fixed, 2) == "0.12");
  CHECK(with(0.375, fixed, 2) == "0.38");
  CHECK(with(2.5, fixed, 0) == "2");
  CHECK(with(0.5, fixed, 0) == "0");
  CHECK(with(1.5, fixed, 0) == "2");
  CHECK(with(2.5, sci, 0) == "2e+00");
  CHECK(with(1e100, sci, 2) == "1.00e+100");
  // Carries through every digit.
  CHECK(with(9.9999, fixed, 2) == "10.00");
  CHECK(with(99.996, fixed, 2) == "100.00");
  CHECK(with(0.96, fixed, 0) == "1");
  CHECK(with(9.9999999, general, 3) == "10");
  CHECK(with(999999.5, sci, 5) == "1.00000e+06");
  // Below half a unit of the last place: zero.
  CHECK(with(0.004, fixed, 2) == "0.00");
  CHECK(with(1e-300, fixed, 3) == "0.000");
  CHECK(with(-1e-300, fixed, 1) == "-0.0");
  CHECK(with(0.006, fixed, 2) == "0.01");
  CHECK(with(0.0, fixed, 3) == "0.000");
  CHECK(with(0.0, sci, 3) == "0.000e+00");
  CHECK(with(0.0, general, 0) == "0");
  CHECK(with(-0.0, general, 6) == "-0");
  // %g layout.
  CHECK(with(100.0, general, 2) == "1e+02");
  CHECK(with(1e-5, general, 3) == "1e-05");
  CHECK(with(0.0001234, general, 3) == "0.000123");
  CHECK(with(123456.0, general, 6) == "123456");
  CHECK(with(1234567.0, general, 6) == "1.23457e+06");
  // Exact expansions: 2^-1074 has 1074 fraction digits, 767 significant ones.
  const std::string_view denorm = with(5e-324, fixed, 1074);
  CHECK(denorm.size() == 1076);
  CHECK(denorm.substr(0, 8) == "0.000000");
  CHECK(denorm.substr(denorm.size() - 10) == "3447265625");
  CHECK(with(5e-324, sci, 766).substr(0, 12) == "4.9406564584");
  CHECK(with(1e23, fixed, 0) == "99999999999999991611392");
  CHECK(with(0.1, fixed, 55) == "0.1000000000000000055511151231257827021181583404541015625");
  CHECK(with(0.1, fixed, 60) == "0.100000000000000005551115123125782702118158340454101562500000");
  CHECK(with(0.1f, sci, 30) == "1.000000014901161193847656250000e-01");
  CHECK(with(std::numeric_limits<double>::infinity(), fixed, 3) == "inf");
  CHECK(with(-std::numeric_limits<float>::quiet_NaN(), sci, 3) == "-nan");
  // The 64-bit fixed path and the big-integer path meet at 2^53 and 60 fraction bits.
  CHECK(with(9007199254740991.0, fixed, 1) == "9007199254740991.0");
  CHECK(with(9007199254740992.0, fixed, 1) == "9007199254740992.0");
  CHECK(with(0x1p-60, fixed, 62) == "0.00000000000000000086736173798840354720596224069595336914062500");
  CHECK(with(0x1p-61, fixed, 3) == "0.000");
}

TEST_CASE("fp::to_chars: a buffer too small is value_too_large, never an overrun") {
  HEAPLESS_NO_ALLOC_SCOPE;
  char b[32];
  for (std::size_t cap = 0; cap < 8; ++cap) {
    std::memset(b, '#', sizeof b);
    const auto r = fp::to_chars(b, b + cap, 1234.5678, fixed, 3);  // "1234.568"
    CHECK(r.ec == std::errc::value_too_large);
    CHECK(r.ptr == b + cap);
    for (std::size_t i = cap; i < sizeof b; ++i) CHECK(b[i] == '#');
  }
  for (std::size_t cap = 0; cap < 10; ++cap) {
    std::memset(b, '#', sizeof b);
    const auto r = fp::to_chars(b, b + cap, -1.25e-300);  // "-1.25e-300"
    CHECK(r.ec == std::errc::value_too_large);
    for (std::size_t i = cap; i < sizeof b; ++i) CHECK(b[i] == '#');
  }
  const auto ok = fp::to_chars(b, b + 10, -1.25e-300);
  REQUIRE(ok.ec == std::errc());
  CHECK(std::string_view(b, static_cast<std::size_t>(ok.ptr - b)) == "-1.25e-300");
}

TEST_CASE("fp::to_chars: general fits a buffer shorter than its precision once trailing zeros go") {
  HEAPLESS_NO_ALLOC_SCOPE;
  // %g computes `precision` digits and drops trailing zeros: the result may
  // fit where the digits before trimming would not.
  struct row {
    double x;
    int precision;
    std::size_t cap;
    const char* text;  // nullptr: value_too_large
  };
  const row rows[] = {
      {from_bits<double>(std::uint64_t{0x4024000000001100}), 10, 8, "10"},  // 10.0000000000000...: zeros past the buffer
      {from_bits<double>(std::uint64_t{0x4024000000001100}), 10, 2, "10"},
      {from_bits<double>(std::uint64_t{0x4024000000001100}), 10, 1, nullptr},
      {0.99999999999, 10, 1, "1"},                                         // nines past the buffer carry into it
      {0.99999999999, 10, 3, "1"},
      {9.9999999999, 10, 2, "10"},                                          // ... and one place up
      {1.00000000001, 15, 8, nullptr},                                      // a digit past the buffer is not zero
      {1.00000000001, 15, 13, "1.00000000001"},
      {1.25, 20, 4, "1.25"},                                                // exact: the digits stop at the buffer
      {1.25, 20, 3, nullptr},
      {0.5, 12, 3, "0.5"},
      {123456789.0, 12, 9, "123456789"},
      {123456789.0, 12, 8, nullptr},
  };
  for (const row& r : rows) {
    char b[32];
    std::memset(b, '#', sizeof b);
    const auto res = fp::to_chars(b, b + r.cap, r.x, general, r.precision);
    if (r.text == nullptr) {
      CHECK(res.ec == std::errc::value_too_large);
      CHECK(res.ptr == b + r.cap);
    } else {
      REQUIRE(res.ec == std::errc());
      CHECK(std::string_view(b, static_cast<std::size_t>(res.ptr - b)) == r.text);
    }
    for (std::size_t i = r.cap; i < sizeof b; ++i) CHECK(b[i] == '#');
  }
}

TEST_CASE("fp::to_chars equals std::to_chars on special values, every format and precision") {
  HEAPLESS_NO_ALLOC_SCOPE;
  mismatches = 0;
  const int formats[] = {-1, static_cast<int>(fixed), static_cast<int>(sci), static_cast<int>(general)};
  for (const double d : special_doubles) {
    for (const double x : {d, -d}) {
      for (const int f : formats) {
        for (const int p : precisions) {
          agree(x, f, p, sizeof std_buf);
          agree(static_cast<float>(x), f, p, sizeof std_buf);
        }
      }
    }
  }
  CHECK(mismatches == 0);
}

TEST_CASE("fp::to_chars equals std::to_chars on random bit patterns and values") {
  HEAPLESS_NO_ALLOC_SCOPE;
  mismatches = 0;
  heapless::test::rng g{0x9e3779b97f4a7c15ull};
  const int formats[] = {static_cast<int>(fixed), static_cast<int>(sci), static_cast<int>(general)};
  const long n = heapless::test::scaled(60000);
  for (long i = 0; i < n; ++i) {
    const auto d = from_bits<double>(g.next());
    const auto f = from_bits<float>(static_cast<std::uint32_t>(g.next()));
    // Values a program prints: m * 2^e for modest e, also integers.
    const auto m = static_cast<double>(g.next() >> 11);
    const double usual = i % 4 == 0 ? static_cast<double>(static_cast<std::int64_t>(g.next() >> 40))
                                    : m / static_cast<double>(std::uint64_t{1} << g.below(63));
    const auto fmt = formats[g.below(3)];
    const int p = static_cast<int>(g.below(i % 16 == 0 ? 1100 : 24));
    const std::size_t cap = i % 8 == 0 ? g.below(40) : sizeof std_buf;
    agree(d, -1, 0, cap);
    agree(f, -1, 0, cap);
    agree(usual, -1, 0, sizeof std_buf);
    agree(static_cast<float>(usual), -1, 0, sizeof std_buf);
    agree(d, fmt, fmt != static_cast<int>(fixed) && p > 800 ? p - 800 : p, cap);
    agree(f, fmt, p, cap);
    agree(usual, fmt, p % 30, sizeof std_buf);
    agree(static_cast<float>(usual), fmt, p % 30, sizeof std_buf);
  }
  CHECK(mismatches == 0);
}

TEST_CASE("heapless::format through the compact back end") {
  HEAPLESS_NO_ALLOC_SCOPE;
  // Whatever HEAPLESS_FORMAT_STD_TO_CHARS selects, the text is the same; this
  // checks the back end in use on this build.
  heapless::String<96> s;
  heapless::format_to(s, "{} {:.3f} {:e} {:g} {:10.2f}|{:+08.1e} {} {}", 3.14159, 2.0625, 1e-7, 123456789.0, -0.125,
                      12345.678f, 1e300, 0.1f);
  CHECK(std::string_view(s.data(), s.size()) == "3.14159 2.062 1.000000e-07 1.23457e+08      -0.12|+1.2e+04 1e+300 0.1");
}
