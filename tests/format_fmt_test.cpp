// format_fmt_test.cpp - heapless::format_to against {fmt} (Debian libfmt-dev,
// header-only mode: the test build does not link fmt) over a large table of
// format strings x values: every integer type's extremes, INT_MIN, -0.0,
// infinities, NaN, subnormals, the widest widths and precisions. {fmt} may
// allocate, so its expected strings are computed inside allow_alloc_scope;
// heapless runs with the allocation trap armed.
//
// Where {fmt} 9 departs from std::format, heapless follows std::format and the
// case is left out of the table (tested in format_test.cpp):
//   "{}" of a double: std uses to_chars' shortest form (1e+15), fmt 9 switches
//   to exponent notation only from 1e16 (1000000000000000);
//   "{:#}" of a double: std adds only the point ("1."), fmt 9 adds ".0";
//   "{:<06}": std ignores the 0 when an alignment is given, fmt 9 pads with 0s.
// Also: String<N> as the output of fmt::format_to through std::back_inserter.
#include "heapless/format.hpp"

#include "support/test.hpp"

#if __has_include(<fmt/format.h>)
#define FMT_HEADER_ONLY
#include <fmt/format.h>

#include <climits>      // INT_MIN ...
#include <cstdint>      // std::int8_t ...
#include <cstdio>       // std::printf: mismatch details in every harness
#include <iterator>     // std::back_inserter
#include <limits>       // std::numeric_limits
#include <string_view>  // std::string_view

namespace {

using sv = std::string_view;

long g_compared = 0;

/// Formats v with format string f by heapless and by {fmt}; they must agree.
template <class T>
void compare(const char* f, const T& v) {
  static char expected[2200];  // static: keep the stack small on MCUs
  static heapless::String<2200> got;
  std::size_t n = 0;
  {
    const heapless::test::allow_alloc_scope fmt_may_allocate;
    const auto r = fmt::format_to_n(expected, sizeof expected, fmt::runtime(f), v);
    n = r.size;
  }
  got.clear();
  heapless::format_to(got, heapless::runtime_format(f), v);
  const bool ok = sv(got) == sv(expected, n);
  if (!ok) {
    std::printf("  format \"%s\": heapless [%s] fmt [%.*s]\n", f, got.c_str(), static_cast<int>(n), expected);
  }
  CHECK(ok);
  ++g_compared;
}

template <class T, std::size_t K, std::size_t M>
void compare_table(const char* const (&formats)[K], const T (&values)[M]) {
  for (const char* f : formats)
    for (const T& v : values) compare(f, v);
}

// {fmt} 9 rejects a sign for unsigned types (std::format allows it): signed only.
constexpr const char* int_formats[] = {
    "{}",      "{:d}",     "{:x}",      "{:X}",     "{:o}",      "{:b}",       "{:B}",    "{:#x}",
    "{:#X}",   "{:#o}",    "{:#b}",     "{:010}",   "{:#010x}",  "{:<12}",     "{:>12}",  "{:^12}",
    "{:*<12}", "{:*>13}",  "{:*^13}",   "{:_^14x}", "{:0}",      "{:1}",       "{:2}",    "{:#070b}",
    "{:^#70B}", "{:300}",  "{:#o}|",    "{:>#10o}", "[{:3}]",    "{:20X}",     "{:#066b}", "{:1000}",
};
constexpr const char* signed_int_formats[] = {"{:+}", "{: }", "{:-}", "{:+d}", "{:+010}", "{: 010}", "{:+#012b}",
                                              "{:>+25}", "{:+x}", "{: #o}"};

template <class T>
void compare_integer_type() {
  using lim = std::numeric_limits<T>;
  const T values[] = {lim::min(),
                      lim::max(),
                      T(0),
                      T(1),
                      static_cast<T>(lim::max() / 2),
                      static_cast<T>(lim::min() / 3),
                      static_cast<T>(lim::max() - 1),
                      static_cast<T>(lim::is_signed ? -1 : 2),
                      static_cast<T>(lim::is_signed ? -42 : 42),
                      static_cast<T>(lim::min() + 1)};
  compare_table(int_formats, values);
  if constexpr (lim::is_signed) compare_table(signed_int_formats, values);
}

}  // namespace

TEST_CASE("format vs fmt: every integer type, extremes, every int spec", "[format][fmt]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  compare_integer_type<signed char>();
  compare_integer_type<unsigned char>();
  compare_integer_type<short>();
  compare_integer_type<unsigned short>();
  compare_integer_type<int>();
  compare_integer_type<unsigned>();
  compare_integer_type<long>();
  compare_integer_type<unsigned long>();
  compare_integer_type<long long>();
  compare_integer_type<unsigned long long>();
  compare_integer_type<std::int8_t>();
  compare_integer_type<std::uint16_t>();
  compare_integer_type<std::int32_t>();
  compare_integer_type<std::uint64_t>();
  compare("{}", INT_MIN);
  compare("{:c}", 65);
  compare("{:>4c}", 97u);
  compare("{:^5c}", 48ll);
}

namespace {

// Formats with a width but no alignment are in finite_only_formats: {fmt} 9
// left-aligns inf/nan there, std::format (and heapless) right-align them.
constexpr const char* float_formats[] = {
    "{:f}",      "{:F}",        "{:e}",        "{:E}",       "{:g}",       "{:G}",       "{:.0f}",
    "{:.1f}",    "{:.3f}",      "{:.10f}",     "{:.17f}",    "{:.0e}",     "{:.3e}",     "{:.16e}",
    "{:.0g}",    "{:.1g}",      "{:.3g}",      "{:.17g}",    "{:.1}",      "{:.3}",      "{:.17}",
    "{:+f}",     "{: e}",       "{:+g}",       "{:+.3}",     "{:<15.2f}",  "{:>15.2e}",  "{:^15.4g}",
    "{:*^20.3f}", "{:#.0f}",    "{:#.0e}",     "{:#.3e}",    "{:#f}",      "{:.30f}",    "{:.50e}",
    "{:.40g}",   "{:#.40g}",    "{:.100f}",    "{:.300e}",   "{:.700e}",   "{:<60.20e}", "{:>+#30.10G}",
};
constexpr const char* finite_only_formats[] = {"{:015.3f}", "{:+015.3e}", "{:015g}", "{:60.20e}", "{:+#030.10G}"};

// "{}" is compared for values where {fmt} 9 and std::format agree (see above).
constexpr const char* shortest_formats[] = {"{}",   "{:+}",  "{: }",   "{:<12}", "{:^13}",
                                            "{:>8}", "{:*>30}", "{:<8}", "{:-}"};
constexpr const char* finite_shortest_formats[] = {"{:12}", "{:012}", "{:08}", "{:+08}"};

}  // namespace

TEST_CASE("format vs fmt: double: every float spec, special values, precisions to 1100", "[format][fmt]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  using lim = std::numeric_limits<double>;
  const double values[] = {0.0,          -0.0,          1.0,           -1.0,           0.1,
                           0.5,          2.5,           -2.5,          3.14159265358979,
                           1234.5678,    -98765.4321,   1e-5,          1e-4,           123456.0,
                           1e100,        -1e-100,       1e300,         1.5e-300,       lim::max(),
                           lim::min(),   lim::denorm_min(), -lim::denorm_min(), lim::epsilon(),
                           lim::infinity(), -lim::infinity(), lim::quiet_NaN(), -lim::quiet_NaN(),
                           9.999999,     0.000123456,   999999.5,      4.35,           1e15 + 0.3};
  compare_table(float_formats, values);
  const double finite_values[] = {0.0, -0.0, 1.0, -2.5, 0.1, 1e-5, 1e300, -1.5e-300, lim::denorm_min(), 999999.5};
  compare_table(finite_only_formats, finite_values);
  const double shortest_values[] = {0.0,    -0.0,       1.0,       0.1,          -0.3,
                                    1.5e-7, 123.456,    1e-300,    lim::max(),   lim::denorm_min(),
                                    1e16,   1.25e20,    -2.5e-5,   lim::infinity(), -lim::infinity(),
                                    lim::quiet_NaN(),   -lim::quiet_NaN(), 3.0e22, 1e100, 65536.125};
  compare_table(shortest_formats, shortest_values);
  const double finite_shortest_values[] = {0.0, -0.0, 1.0, 0.1, -0.3, 1.5e-7, 123.456, 1e-300, 3.0e22};
  compare_table(finite_shortest_formats, finite_shortest_values);
}

TEST_CASE("format vs fmt: float", "[format][fmt]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  using lim = std::numeric_limits<float>;
  const float values[] = {0.0f,       -0.0f,      1.0f,          0.1f,          -2.5f,
                          3.14159f,   1e-5f,      1e10f,         lim::max(),    lim::min(),
                          lim::denorm_min(), lim::infinity(), -lim::infinity(), lim::quiet_NaN(),
                          123.456f,   16777216.0f};
  compare_table(float_formats, values);
  const float finite_values[] = {0.0f, -0.0f, 1.0f, 0.1f, -2.5f, 3.4e38f, 1e-45f};
  compare_table(finite_only_formats, finite_values);
  const float shortest_values[] = {0.0f, -0.0f, 1.0f, 0.1f, 1e-7f, 3.4e38f, 1.17549435e-38f, 1e-45f, 123.456f};
  compare_table(shortest_formats, shortest_values);
  compare_table(finite_shortest_formats, shortest_values);
}

namespace {

/// std::format defines f/e/g with a precision as printf does; {fmt} 9 departs
/// for '#g' (it prints "1.0" for "{:#.0g}", printf "1.") and stops after 767
/// significant digits in fixed notation. These are compared with snprintf.
void compare_printf(const char* f, const char* printf_format, double v) {
  static char expected[2200];
  static heapless::String<2200> got;
  int n = 0;
  {
    const heapless::test::allow_alloc_scope printf_may_allocate;
    n = std::snprintf(expected, sizeof expected, printf_format, v);
  }
  got.clear();
  heapless::format_to(got, heapless::runtime_format(f), v);
  const bool ok = n >= 0 && sv(got) == sv(expected, static_cast<std::size_t>(n));
  if (!ok) std::printf("  format \"%s\": heapless [%s] printf [%s]\n", f, got.c_str(), expected);
  CHECK(ok);
  ++g_compared;
}

}  // namespace

TEST_CASE("format vs printf: '#g' and precisions past 767 digits", "[format][fmt]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  struct pair {
    const char* heapless;
    const char* printf;
  };
  constexpr pair formats[] = {
      {"{:#.0g}", "%#.0g"},     {"{:#.1g}", "%#.1g"},       {"{:#.3g}", "%#.3g"},     {"{:#g}", "%#g"},
      {"{:#G}", "%#G"},         {"{:#.17g}", "%#.17g"},     {"{:#015.3g}", "%#015.3g"}, {"{:.1074f}", "%.1074f"},
      {"{:.1100f}", "%.1100f"}, {"{:#.1100f}", "%#.1100f"}, {"{:.800e}", "%.800e"},   {"{:+.767e}", "%+.767e"},
      {"{:.800g}", "%.800g"},   {"{:#.800g}", "%#.800g"},   {"{:.0f}", "%.0f"},       {"{:#.0f}", "%#.0f"},
      {"{:.0e}", "%.0e"},       {"{:#.0e}", "%#.0e"},       {"{:+.2f}", "%+.2f"},     {"{: .2f}", "% .2f"},
  };
  using lim = std::numeric_limits<double>;
  const double values[] = {0.0, -0.0, 1.0, 123.0, 123456.0, 0.1, -2.5, 1e-5, 1e100, lim::max(), lim::min(),
                           lim::denorm_min(), 9.5, 0.000123, 1e21, lim::infinity(), -lim::infinity()};
  for (const pair& p : formats)
    for (double v : values) compare_printf(p.heapless, p.printf, v);
}

namespace {
constexpr const char* string_formats[] = {"{}",     "{:s}",   "{:10}",   "{:<10}",  "{:>10}",  "{:^10}",
                                          "{:*^11}", "{:.0}", "{:.2}",   "{:.20}",  "{:8.3}",  "{:>8.3s}",
                                          "{:^1}",   "{:_>300}", "{:\xE2\x80\xA2^9}"};
}  // namespace

TEST_CASE("format vs fmt: strings, bool, char, pointers", "[format][fmt]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  const sv strings[] = {sv(""), sv("a"), sv("hello"), sv("h\xC3\xA9llo w\xC3\xB6rld"), sv("exactly-ten")};
  compare_table(string_formats, strings);
  const char* const cstrings[] = {"", "abc", "a longer C string"};
  compare_table(string_formats, cstrings);
  const heapless::String<16> hs("heapless");
  compare("{:>12}", hs);
  compare("{:.4}", hs);

  constexpr const char* bool_formats[] = {"{}", "{:s}", "{:6}", "{:>6}", "{:^7}", "{:d}", "{:#x}", "{:05d}"};
  const bool bools[] = {true, false};
  compare_table(bool_formats, bools);

  constexpr const char* char_formats[] = {"{}", "{:c}", "{:3}", "{:>3}", "{:^5c}", "{:d}", "{:#x}", "{:08b}", "{:o}"};
  const char chars[] = {'a', 'Z', '0', ' ', '~', '\x7f'};
  compare_table(char_formats, chars);

  constexpr const char* pointer_formats[] = {"{}", "{:p}", "{:20}", "{:<20}", "{:^20p}", "{:*>24}"};
  const void* const pointers[] = {nullptr, reinterpret_cast<const void*>(std::uintptr_t{0x1234}),
                                  reinterpret_cast<const void*>(~std::uintptr_t{0})};
  compare_table(pointer_formats, pointers);
  CHECK(g_compared > 3000);
}

TEST_CASE("format vs fmt: multi-argument lines", "[format][fmt]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  heapless::String<128> got;
  heapless::format_to(got, "[{:>8}] t={:.3f} id={:#06x} {} {:<5}|", "sensor", 21.0456, 0x2a, -17, true);
  std::string_view expected;
  char buf[128];
  {
    const heapless::test::allow_alloc_scope fmt_may_allocate;
    const auto r = fmt::format_to_n(buf, sizeof buf, "[{:>8}] t={:.3f} id={:#06x} {} {:<5}|", "sensor", 21.0456,
                                    0x2a, -17, true);
    expected = sv(buf, r.size);
  }
  CHECK(sv(got) == expected);
}

TEST_CASE("String works as fmt::format_to's output through std::back_inserter", "[format][fmt]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  heapless::String<32> s("x=");
  fmt::format_to(std::back_inserter(s), "{} {:>4}|{:.2f}", 42, "ab", 2.5);
  CHECK(sv(s) == "x=42   ab|2.50");
}

#else
TEST_CASE("format vs fmt: {fmt} not installed", "[format][fmt]") { SUCCEED("skipped: <fmt/format.h> not found"); }
#endif
