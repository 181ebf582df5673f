// format_test.cpp - heapless/format.hpp: syntax, every argument kind, every
// target (String, Vec<char, N>, iterators, format_context), the three
// capacity tiers, run-time format errors, the format-string checker, and the
// user customization point. Expected strings are written out by hand here;
// format_fmt_test.cpp compares a large table against {fmt}.
#include "heapless/format.hpp"

#include <climits>      // INT_MIN ...
#include <cstdint>      // std::int8_t ...
#include <cstdio>       // std::printf: mismatch details in every harness
#include <limits>       // std::numeric_limits
#include <string_view>  // std::string_view

#include "heapless/vec.hpp"
#include "support/test.hpp"

using heapless::format_to;
using heapless::runtime_format;
using heapless::String;
using sv = std::string_view;

// Throwing (and Catch's bookkeeping of it) allocates inside the C++ runtime:
// error checks pause the allocation trap. The library's code runs before it.
#define FORMAT_CHECK_RAISES(kind, ...)                     \
  do {                                                     \
    const heapless::test::allow_alloc_scope format_allow_; \
    HEAPLESS_CHECK_RAISES(kind, __VA_ARGS__);              \
  } while (0)

namespace {

bool same(sv got, sv want) {
  if (got == want) return true;
  std::printf("  got  [%.*s]\n  want [%.*s]\n", static_cast<int>(got.size()), got.data(),
              static_cast<int>(want.size()), want.data());
  return false;
}

/// Formats with a run-time format string into a fresh String<256>.
template <class... Args>
String<256> fmt(sv f, const Args&... args) {
  String<256> s;
  format_to(s, runtime_format(f), args...);
  return s;
}

enum plain_enum { pe_a = -3, pe_b = 200 };
enum class scoped_enum : unsigned char { x = 7, y = 255 };
enum class custom_enum { on, off };

struct point {
  int x;
  int y;
};

// A user type with a spec language of its own: "" or "p" (polar-ish marker).
struct temperature {
  int centi;
};

}  // namespace

template <>
struct heapless::formatter<point> {
  void format(const point& p, heapless::format_context& ctx) const { heapless::format_to(ctx, "({}, {})", p.x, p.y); }
};

template <>
struct heapless::formatter<temperature> {
  static constexpr bool parse(std::string_view spec) { return spec.empty() || spec == "F" || spec == "C"; }
  void format(const temperature& t, heapless::format_context& ctx) const {
    if (ctx.spec() == "F") {
      const int f = t.centi * 9 / 5 + 3200;
      heapless::format_to(ctx, "{}.{:02}F", f / 100, f % 100);
    } else {
      heapless::format_to(ctx, "{}.{:02}C", t.centi / 100, t.centi % 100);
      if (ctx.spec().empty()) ctx.put('!');
    }
  }
};

#if HEAPLESS_HAS_EXCEPTIONS && !HEAPLESS_ERROR_HANDLER
namespace {
struct throws_when_formatted {};
}  // namespace
template <>
struct heapless::formatter<throws_when_formatted> {
  void format(const throws_when_formatted&, heapless::format_context& ctx) const {
    heapless::format_to(ctx, "{:>100}", "partial output");  // more than one 64-byte chunk
    throw 42;
  }
};
#endif

// A formatter wins over the built-in enum handling.
template <>
struct heapless::formatter<custom_enum> {
  void format(custom_enum e, heapless::format_context& ctx) const { ctx.write(e == custom_enum::on ? "ON" : "OFF"); }
};

// ---- Syntax ------------------------------------------------------------------

TEST_CASE("format: literal text, escapes, automatic and positional fields", "[format][syntax]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  CHECK(same(fmt(""), ""));
  CHECK(same(fmt("plain text"), "plain text"));
  CHECK(same(fmt("{{}}"), "{}"));
  CHECK(same(fmt("a{{b}}c{{{}}}", 1), "a{b}c{1}"));
  CHECK(same(fmt("{} {} {}", 1, 2, 3), "1 2 3"));
  CHECK(same(fmt("{2} {0} {1} {0}", 'a', 'b', 'c'), "c a b a"));
  CHECK(same(fmt("{0}{0}{0}", 7), "777"));
  CHECK(same(fmt("{:}", 5), "5"));
  CHECK(same(fmt("{0:>3}|{1:<3}|", 1, 2), "  1|2  |"));
}

TEST_CASE("format: compile-time checked strings in every function", "[format][syntax]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  String<64> s;
  format_to(s, "Count: {}", 42);
  CHECK(same(s, "Count: 42"));
  CHECK(heapless::try_format_to(s, ", {:#x}", 255));
  CHECK(same(s, "Count: 42, 0xff"));
  CHECK_FALSE(heapless::format_to_truncating(s, "!"));
  CHECK(same(s, "Count: 42, 0xff!"));
  const String<16> t = heapless::format<16>("{:>5}|", "ab");
  CHECK(same(t, "   ab|"));
  CHECK(heapless::formatted_size("{:10}{}", 1, "xyz") == 13);
}

// ---- Integers ----------------------------------------------------------------

TEST_CASE("format: integers in every base, sign, prefix and padding", "[format][int]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  CHECK(same(fmt("{}", 0), "0"));
  CHECK(same(fmt("{}", -42), "-42"));
  CHECK(same(fmt("{:d}", 42u), "42"));
  CHECK(same(fmt("{:x} {:X} {:o} {:b} {:B}", 255, 255, 8, 5, 5), "ff FF 10 101 101"));
  CHECK(same(fmt("{:#x} {:#X} {:#o} {:#b} {:#B}", 255, 255, 8, 5, 5), "0xff 0XFF 010 0b101 0B101"));
  CHECK(same(fmt("{:#o}", 0), "0"));
  CHECK(same(fmt("{:#x}", 0), "0x0"));
  CHECK(same(fmt("{:+} {:+} {: } {: } {:-}", 5, -5, 5, -5, 5), "+5 -5  5 -5 5"));
  CHECK(same(fmt("{:06}", -42), "-00042"));
  CHECK(same(fmt("{:#010x}", 255), "0x000000ff"));
  CHECK(same(fmt("{:+#010b}", 5), "+0b0000101"));
  CHECK(same(fmt("{:<06}|", 42), "42    |"));  // an explicit alignment disables '0'
  CHECK(same(fmt("{:>6}|{:<6}|{:^6}|{:^7}|", 1, 2, 3, 4), "     1|2     |  3   |   4   |"));
  CHECK(same(fmt("{:*^9}", -12), "***-12***"));
  CHECK(same(fmt("{:c}", 65), "A"));
  CHECK(same(fmt("{:>3c}", 'x' + 0), "  x"));
  CHECK(same(fmt("{:-x}", -255), "-ff"));
}

TEST_CASE("format: every integer type's extremes", "[format][int]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  CHECK(same(fmt("{}", INT_MIN), "-2147483648"));
  CHECK(same(fmt("{}", INT_MAX), "2147483647"));
  CHECK(same(fmt("{:x}", INT_MIN), "-80000000"));
  CHECK(same(fmt("{}", LLONG_MIN), "-9223372036854775808"));
  CHECK(same(fmt("{:#x}", LLONG_MIN), "-0x8000000000000000"));
  CHECK(same(fmt("{}", ULLONG_MAX), "18446744073709551615"));
  CHECK(same(fmt("{:b}", ULLONG_MAX), "1111111111111111111111111111111111111111111111111111111111111111"));
  CHECK(same(fmt("{:o}", ULLONG_MAX), "1777777777777777777777"));
  CHECK(same(fmt("{} {}", std::int8_t{-128}, std::uint8_t{255}), "-128 255"));  // numbers, not chars
  CHECK(same(fmt("{} {}", std::int16_t{-32768}, std::uint16_t{65535}), "-32768 65535"));
  CHECK(same(fmt("{} {}", static_cast<signed char>(-1), static_cast<unsigned char>(200)), "-1 200"));
  CHECK(same(fmt("{} {}", std::numeric_limits<long>::min(), std::numeric_limits<unsigned long>::max()),
             sizeof(long) == 8 ? "-9223372036854775808 18446744073709551615" : "-2147483648 4294967295"));
  CHECK(same(fmt("{}", std::numeric_limits<std::uint32_t>::max()), "4294967295"));
  CHECK(same(fmt("{}", std::int64_t{-4294967296}), "-4294967296"));
  CHECK(same(fmt("{}", std::int64_t{-4294967295}), "-4294967295"));
}

TEST_CASE("format: bool, char, enums", "[format][int]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  CHECK(same(fmt("{} {}", true, false), "true false"));
  CHECK(same(fmt("{:s}|{:>6}|{:<6}|", true, false, true), "true| false|true  |"));
  CHECK(same(fmt("{:d} {:#x} {:03d}", true, true, false), "1 0x1 000"));
  CHECK(same(fmt("{}{}", 'o', 'k'), "ok"));
  CHECK(same(fmt("{:c}|{:>3}|{:<3}|{:^3}|", 'a', 'b', 'c', 'd'), "a|  b|c  | d |"));
  CHECK(same(fmt("{:d} {:x} {:#04X}", 'A', 'A', 'A'), "65 41 0X41"));
  CHECK(same(fmt("{:d}", static_cast<char>(-1)), "255"));  // the code unit, as unsigned char (C++26 rule)
  CHECK(same(fmt("{} {}", pe_a, pe_b), "-3 200"));
  CHECK(same(fmt("{} {:#x}", scoped_enum::x, scoped_enum::y), "7 0xff"));
  CHECK(same(fmt("{}|{}", custom_enum::on, custom_enum::off), "ON|OFF"));
}

// ---- Strings and pointers ---------------------------------------------------

TEST_CASE("format: strings: width, alignment, precision, UTF-8", "[format][string]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  const char* cs = "abc";
  char mutable_chars[] = "mut";
  char* ms = mutable_chars;
  const sv view("view-not-terminated", 4);
  const String<8> hs("heap");
  CHECK(same(fmt("{} {} {} {} {}", cs, ms, view, hs, "lit"), "abc mut view heap lit"));
  CHECK(same(fmt("{:s}|{:6}|{:>6}|{:^6}|{:*^7}|", cs, cs, cs, cs, cs), "abc|abc   |   abc| abc  |**abc**|"));
  CHECK(same(fmt("{:.2}|{:5.1}|{:.0}|{:.9}|", cs, cs, cs, cs), "ab|a    ||abc|"));
  // Width and precision count code points: "héllo" is 5 wide, 6 bytes.
  CHECK(same(fmt("{:7}|", "h\xC3\xA9llo"), "h\xC3\xA9llo  |"));
  CHECK(same(fmt("{:.2}|", "h\xC3\xA9llo"), "h\xC3\xA9|"));
  // A multi-byte fill character.
  CHECK(same(fmt("{:\xE2\x80\xA2^7}", "ab"), "\xE2\x80\xA2\xE2\x80\xA2" "ab" "\xE2\x80\xA2\xE2\x80\xA2\xE2\x80\xA2"));
  CHECK(same(fmt("{}", sv()), ""));
  CHECK(same(fmt("[{:3}]", sv()), "[   ]"));
}

TEST_CASE("format: pointers", "[format][pointer]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  const void* p = reinterpret_cast<const void*>(std::uintptr_t{0x1234abcd});
  int* ip = reinterpret_cast<int*>(std::uintptr_t{0xff});
  CHECK(same(fmt("{} {:p} {}", p, p, nullptr), "0x1234abcd 0x1234abcd 0x0"));
  CHECK(same(fmt("{}", ip), "0xff"));
  CHECK(same(fmt("{:>12}|{:<12}|", p, p), "  0x1234abcd|0x1234abcd  |"));
}

// ---- Floating point (see format_fmt_test.cpp for the large table) -----------

TEST_CASE("format: floats: shortest, fixed, scientific, general", "[format][float]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  const double inf = std::numeric_limits<double>::infinity();
  const double nan = std::numeric_limits<double>::quiet_NaN();
  CHECK(same(fmt("{} {} {} {}", 0.0, -0.0, 1.5, 0.1), "0 -0 1.5 0.1"));
  CHECK(same(fmt("{} {}", 0.1f, 16777216.0f), "0.1 16777216"));
  CHECK(same(fmt("{} {} {}", inf, -inf, nan), "inf -inf nan"));
  CHECK(same(fmt("{:F} {:E} {:G}", inf, -inf, nan), "INF -INF NAN"));
  CHECK(same(fmt("{:f} {:.2f} {:.0f} {:#.0f}", 3.14159, 3.14159, 2.5, 2.5), "3.141590 3.14 2 2."));
  CHECK(same(fmt("{:e} {:.2E} {:#.0e}", 1234.5, 1234.5, 1.0), "1.234500e+03 1.23E+03 1.e+00"));
  CHECK(same(fmt("{:g} {:g} {:G} {:.3}", 1e-5, 123456789.0, 1e-10, 3.14159), "1e-05 1.23457e+08 1E-10 3.14"));
  CHECK(same(fmt("{:#g} {:#.3g} {:#g}", 1.0, 2.0, 0.0), "1.00000 2.00 0.00000"));
  CHECK(same(fmt("{:+} {: } {:+f}", 1.0, 1.0, -0.0), "+1  1 -0.000000"));
  CHECK(same(fmt("{:08.3f}|{:<8.1f}|{:^9.1f}|{:*>8}", -3.14159, 2.25, 2.25, 0.5), "-003.142|2.2     |   2.2   |*****0.5"));
  CHECK(same(fmt("{:08}|{:+08}|{:<08}|", inf, nan, -inf), "     inf|    +nan|-inf    |"));
  // std::format rules where {fmt} 9 differs: "{}" is to_chars' shortest form,
  // '#' without a type only adds the point.
  CHECK(same(fmt("{} {}", 1e15, 123456789012345680.0), "1e+15 123456789012345680"));
  CHECK(same(fmt("{:#}", 1.0), "1."));
  // Exact decimal expansions, digits past them are zeros, big precisions.
  CHECK(same(fmt("{:.20f}", 0.1), "0.10000000000000000555"));
  CHECK(same(fmt("{:.3f}", 1e20), "100000000000000000000.000"));
  const String<256> big = fmt("{:.200f}", 0.5);
  CHECK(big.size() == 202);
  CHECK(same(sv(big).substr(0, 6), "0.5000"));
  CHECK(same(fmt("{:.0e}", 5e-324), "5e-324"));
  CHECK(same(fmt("{}", std::numeric_limits<double>::max()), "1.7976931348623157e+308"));
  CHECK(same(fmt("{}", std::numeric_limits<float>::denorm_min()), "1e-45"));
}

TEST_CASE("format: huge precision and width stay bounded", "[format][float]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  static String<2048> s;  // static: keep the test's stack small on MCUs
  s.clear();
  format_to(s, "{:.1074f}", 5e-324);
  CHECK(s.size() == 1076);
  CHECK(same(sv(s).substr(s.size() - 4), "5625"));
  s.clear();
  format_to(s, "{:.1500f}", 1.0);
  CHECK(s.size() == 1502);
  s.clear();
  format_to(s, "{:.900e}", 1.0 / 3);
  CHECK(s.size() == 1 + 1 + 900 + 4);
  CHECK(same(sv(s).substr(s.size() - 8), "0000e-01"));
  s.clear();
  format_to(s, "{:#.1000g}", 0.25);
  CHECK(s.size() == 1001 + 1);
  s.clear();
  format_to(s, "{:2000}|", 1);
  CHECK(s.size() == 2001);
  // The widest width on a small target: the excess is counted, not written.
  String<8> small;
  CHECK(heapless::format_to_truncating(small, "{:2147483647}", 'x'));
  CHECK(same(small, "x       "));
  CHECK(heapless::formatted_size("{:2147483647}", 1) == 2147483647u);
  // A multi-byte fill past a fixed capacity is still counted exactly.
  CHECK(heapless::formatted_size("{:\xE2\x80\xA2>100}", 1) == 99 * 3 + 1);
  char few[10];
  CHECK(heapless::format_to_n(few, sizeof few, "{:\xE2\x80\xA2>100}", 1).size == 99 * 3 + 1);
}

// ---- User types ----------------------------------------------------------------

TEST_CASE("format: user types through heapless::formatter<T>", "[format][custom]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  {  // compile-time-checked (precompiled in C++20) strings with custom specs
    String<64> c;
    format_to(c, "[{:C}|{}|{:F}]", temperature{100}, point{5, 6}, temperature{0});
    CHECK(same(c, "[1.00C|(5, 6)|32.00F]"));
  }
  CHECK(same(fmt("p={} q={}", point{1, -2}, point{3, 4}), "p=(1, -2) q=(3, 4)"));
  const temperature t{2150};
  CHECK(same(fmt("{} {:C} {:F}", t, t, t), "21.50C! 21.50C 70.70F"));
  String<64> s;
  format_to(s, "{:F}", t);  // checked at compile time through formatter::parse
  CHECK(same(s, "70.70F"));
#if HEAPLESS_HAS_EXCEPTIONS && !HEAPLESS_ERROR_HANDLER
  {  // a throwing formatter leaves String and Vec targets unchanged
    const heapless::test::allow_alloc_scope throwing_allocates;
    bool thrown = false;
    try {
      format_to(s, "x{}y", throws_when_formatted{});
    } catch (int) {
      thrown = true;
    }
    CHECK(thrown);
    CHECK(same(s, "70.70F"));
    heapless::Vec<char, 300> v;
    v.push_back('v');
    thrown = false;
    try {
      format_to(v, "x{}y", throws_when_formatted{});
    } catch (int) {
      thrown = true;
    }
    CHECK(thrown);
    CHECK(same(sv(v.data(), v.size()), "v"));
  }
#endif
  FORMAT_CHECK_RAISES(invalid_argument, format_to(s, runtime_format("{:K}"), t));
  FORMAT_CHECK_RAISES(invalid_argument, format_to(s, runtime_format("{:x}"), point{0, 0}));
  CHECK(same(s, "70.70F"));
}

// ---- Targets -------------------------------------------------------------------

namespace {
/// A minimal output iterator over a char array (not a pointer: the generic path).
struct array_writer {
  char* p;
  array_writer& operator*() { return *this; }
  array_writer& operator=(char c) {
    *p++ = c;
    return *this;
  }
  array_writer& operator++() { return *this; }
  array_writer operator++(int) { return *this; }
};
}  // namespace

TEST_CASE("format: output iterators, format_to_n, formatted_size", "[format][target]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  char buf[300] = {};
  char* end = format_to(buf, "{}-{:x}", 10, 255);
  CHECK(same(sv(buf, static_cast<std::size_t>(end - buf)), "10-ff"));
  // More than one 64-byte chunk through a generic iterator.
  array_writer w = format_to(array_writer{buf}, "{:>200}|{}", "x", 12);
  CHECK(w.p - buf == 203);
  CHECK(same(sv(buf + 195, 8), "    x|12"));

  char small[8];
  const auto r = heapless::format_to_n(small, sizeof small, "{} {}", 123456, 7890);
  CHECK(r.size == 11);
  CHECK(r.out == small + 8);
  CHECK(same(sv(small, 8), "123456 7"));
  const auto r2 = heapless::format_to_n(array_writer{buf}, 3, "{}", 123456);
  CHECK(r2.size == 6);
  CHECK(r2.out.p == buf + 3);
  CHECK(heapless::formatted_size("{:.3f}", 2.0) == 5);
  // format_to_n writes only its output into the caller's range.
  char guard[40];
  for (char& c : guard) c = 'Z';
  const auto r3 = heapless::format_to_n(guard, sizeof guard, "{:>3}|{:.2f}|{}", 1, 2.5, -7);
  CHECK(r3.size == 11);
  CHECK(same(sv(guard, 11), "  1|2.50|-7"));
  bool untouched = true;
  for (std::size_t i = 11; i < sizeof guard; ++i) untouched = untouched && guard[i] == 'Z';
  CHECK(untouched);
}

TEST_CASE("format: format_to_n into a null range of size 0 measures", "[format][target]") {
  // The measuring idiom: no byte is written, and no mem* function sees the
  // null pointer (padding, fill, literal text, every argument kind).
  HEAPLESS_NO_ALLOC_SCOPE;
  char* const none = nullptr;
  const auto r = heapless::format_to_n(none, 0, "[{:>5}]", 42);
  CHECK(r.size == 7);
  CHECK(r.out == nullptr);
  CHECK(heapless::format_to_n(none, 0, "{:*^9}|{:<4}|{:08.3f}", "ab", 'c', -1.5).size == 23);
  CHECK(heapless::format_to_n(none, 0, "{:#x} {} {:>4}", 255u, true, sv("xy", 2)).size == 14);
  CHECK(heapless::format_to_n(none, 0, "{}", sv(nullptr, 0)).size == 0);
  CHECK(heapless::format_to_n(none, 0, "").size == 0);
  CHECK(heapless::format_to_n(none, 0, "literal text only").size == 17);
}

TEST_CASE("format: String target: the three capacity tiers", "[format][target]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  String<8> s("ab");
  // plain: length_error, unchanged
  FORMAT_CHECK_RAISES(length_error, format_to(s, "{}", 1234567));
  CHECK(same(s, "ab"));
  format_to(s, "{}", 123456);  // exactly full
  CHECK(same(s, "ab123456"));
  CHECK(s.size() == s.capacity());
  // try_: false, unchanged
  s.clear();
  CHECK(heapless::try_format_to(s, "{}", 1234));
  CHECK_FALSE(heapless::try_format_to(s, "{}{}", 1234, 5));
  CHECK(same(s, "1234"));
  // truncating: keeps what fits, says it cut
  CHECK(heapless::format_to_truncating(s, "{:>6}", 9));
  CHECK(same(s, "1234    "));
  CHECK(heapless::format_to_truncating(s, "x"));
  CHECK(same(s, "1234    "));
  // a cut never splits a UTF-8 sequence ("é" is 2 bytes, "€" is 3)
  String<5> u;
  CHECK(heapless::format_to_truncating(u, "abc{}", "\xE2\x82\xAC"));
  CHECK(same(u, "abc"));
  u.clear();
  CHECK(heapless::format_to_truncating(u, "abcd{}", "\xC3\xA9"));
  CHECK(same(u, "abcd"));
  u.clear();
  CHECK_FALSE(heapless::format_to_truncating(u, "abc{}", "\xC3\xA9"));
  CHECK(same(u, "abc\xC3\xA9"));
  // format<N>
  FORMAT_CHECK_RAISES(length_error, heapless::format<3>("{}", 1000));
  CHECK(same(heapless::format<3>("{}", 100), "100"));
  // String<0>
  String<0> z;
  CHECK_FALSE(heapless::try_format_to(z, "{}", 1));
  format_to(z, "");
  CHECK(z.empty());
}

TEST_CASE("format: Vec<char, N> target", "[format][target]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  heapless::Vec<char, 100> v;
  format_to(v, "{:>70}|{}", 'x', -5);
  CHECK(same(sv(v.data(), v.size()), sv("                                                                     x|-5")));
  heapless::Vec<char, 6> w;
  w.push_back('>');
  FORMAT_CHECK_RAISES(bad_alloc, format_to(w, "{}", 123456));
  CHECK(same(sv(w.data(), w.size()), ">"));
  CHECK_FALSE(heapless::try_format_to(w, "{}", 123456));
  CHECK(w.size() == 1);
  CHECK(heapless::try_format_to(w, "{}", 12345));
  CHECK(same(sv(w.data(), w.size()), ">12345"));
  w.resize(1);
  CHECK(heapless::format_to_truncating(w, "{}", 1234567));
  CHECK(same(sv(w.data(), w.size()), ">12345"));
}

// ---- Errors --------------------------------------------------------------------

namespace {
template <class... Args>
constexpr heapless::detail::format_errc check(sv f) {
  return heapless::detail::check_format(f, heapless::detail::arg_descs<heapless::detail::arg_type_t<Args>...>::value,
                                        sizeof...(Args));
}
using heapless::detail::format_errc;
}  // namespace

TEST_CASE("format: the checker rejects malformed strings (constexpr)", "[format][errors]") {
  // The checker the C++20 consteval constructor runs; here in static_asserts
  // so the same rules are proven in C++17 builds.
  STATIC_REQUIRE(check<int>("{}") == format_errc::ok);
  STATIC_REQUIRE(check<int, int>("{1}{0}") == format_errc::ok);
  STATIC_REQUIRE(check<int>("{") == format_errc::unmatched_open_brace);
  STATIC_REQUIRE(check<int>("{}{") == format_errc::unmatched_open_brace);
  STATIC_REQUIRE(check<int>("{:") == format_errc::unmatched_open_brace);
  STATIC_REQUIRE(check<int>("{}}") == format_errc::unmatched_close_brace);
  STATIC_REQUIRE(check<int>("{} {}") == format_errc::arg_id_out_of_range);
  STATIC_REQUIRE(check<int>("{1}") == format_errc::arg_id_out_of_range);
  STATIC_REQUIRE(check<int, int>("{}") == format_errc::unused_argument);
  STATIC_REQUIRE(check<int, int>("{0}{}") == format_errc::mixed_indexing);
  STATIC_REQUIRE(check<int, int>("{}{0}") == format_errc::mixed_indexing);
  STATIC_REQUIRE(check<int>("{01}") == format_errc::invalid_arg_id);
  STATIC_REQUIRE(check<int>("{a}") == format_errc::invalid_arg_id);
  STATIC_REQUIRE(check<int>("{:y}") == format_errc::type_mismatch);
  STATIC_REQUIRE(check<int>("{:.2}") == format_errc::type_mismatch);
  STATIC_REQUIRE(check<int>("{:+c}") == format_errc::type_mismatch);
  STATIC_REQUIRE(check<int>("{:10x5}") == format_errc::invalid_spec);
  STATIC_REQUIRE(check<int>("{:.}") == format_errc::invalid_spec);
  STATIC_REQUIRE(check<int>("{:{}}") == format_errc::invalid_spec);  // nested width: not in the subset
  STATIC_REQUIRE(check<int>("{:2147483648}") == format_errc::number_too_big);
  STATIC_REQUIRE(check<int>("{:2147483647}") == format_errc::ok);
  STATIC_REQUIRE(check<double>("{:x}") == format_errc::type_mismatch);
  STATIC_REQUIRE(check<double>("{:+#012.5e}") == format_errc::ok);
  STATIC_REQUIRE(check<const char*>("{:+}") == format_errc::type_mismatch);
  STATIC_REQUIRE(check<const char*>("{:d}") == format_errc::type_mismatch);
  STATIC_REQUIRE(check<sv>("{:*^10.3s}") == format_errc::ok);
  STATIC_REQUIRE(check<bool>("{:f}") == format_errc::type_mismatch);
  STATIC_REQUIRE(check<bool>("{:#x}") == format_errc::ok);
  STATIC_REQUIRE(check<char>("{:+c}") == format_errc::type_mismatch);
  STATIC_REQUIRE(check<void*>("{:x}") == format_errc::type_mismatch);
  STATIC_REQUIRE(check<void*>("{:>20p}") == format_errc::ok);
  STATIC_REQUIRE(check<temperature>("{:F}") == format_errc::ok);
  STATIC_REQUIRE(check<temperature>("{:K}") == format_errc::custom_spec_rejected);
  STATIC_REQUIRE(check<point>("{:x}") == format_errc::custom_spec_rejected);
  STATIC_REQUIRE(check<>("{{}}") == format_errc::ok);
}

TEST_CASE("format: run-time format errors raise invalid_argument, target unchanged", "[format][errors]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  String<32> s("keep");
  FORMAT_CHECK_RAISES(invalid_argument, format_to(s, runtime_format("x{"), 1));
  FORMAT_CHECK_RAISES(invalid_argument, format_to(s, runtime_format("x{} {}"), 1));
  FORMAT_CHECK_RAISES(invalid_argument, format_to(s, runtime_format("{:q}"), 1));
  FORMAT_CHECK_RAISES(invalid_argument, format_to(s, runtime_format("{}"), 1, 2));
  FORMAT_CHECK_RAISES(invalid_argument, (void)heapless::try_format_to(s, runtime_format("}"), 1));
  FORMAT_CHECK_RAISES(invalid_argument, heapless::format_to_truncating(s, runtime_format("{:c}"), 300));
  const char* null_string = nullptr;
  FORMAT_CHECK_RAISES(invalid_argument, format_to(s, runtime_format("{}"), null_string));
  CHECK(same(s, "keep"));
  char buf[8];
  FORMAT_CHECK_RAISES(invalid_argument, format_to(buf, runtime_format("{"), 1));
  FORMAT_CHECK_RAISES(invalid_argument, heapless::formatted_size(runtime_format("{:y}"), 1));
  FORMAT_CHECK_RAISES(invalid_argument, heapless::format_to_n(buf, 8, runtime_format("{:y}"), 1));
#if !HEAPLESS_CPP20
  // C++17: every string is checked when formatting.
  FORMAT_CHECK_RAISES(invalid_argument, format_to(s, "{} {}", 1));
  CHECK(same(s, "keep"));
#endif
}

// ---- Layout ---------------------------------------------------------------------

TEST_CASE("format: cheap types", "[format][layout]") {
#if HEAPLESS_CPP20 && HEAPLESS_FORMAT_PRECOMPILE
  // The precompiled program: 24 bytes per op, one op per argument plus one.
  STATIC_REQUIRE(sizeof(heapless::detail::compiled_op) == 24);
  STATIC_REQUIRE(sizeof(heapless::format_string<int, double>) <= sizeof(sv) + 3 * 24 + 8);
#else
  STATIC_REQUIRE(sizeof(heapless::format_string<int, double>) == sizeof(sv));
#endif
  STATIC_REQUIRE(sizeof(heapless::detail::format_specs) == 16);
  STATIC_REQUIRE(std::is_trivially_copyable_v<heapless::format_string<int>>);
  STATIC_REQUIRE(sizeof(heapless::detail::arg_value) <= 2 * sizeof(void*) || sizeof(void*) < 8);
  STATIC_REQUIRE(std::is_trivially_destructible_v<heapless::detail::arg_value>);
}
