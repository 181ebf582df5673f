// format_compiled_test.cpp - HEAPLESS_FMT format strings (compiled into code
// at the call site, heapless/detail/format_codegen.hpp): each call here is
// made twice, with HEAPLESS_FMT and with the same plain string (run-time
// engine), and the outputs must be equal byte for byte; every entry point
// and capacity tier; the special paths (plain integers in every base, plain
// strings, chars, bools) and the fallback to the type's handler for other
// specs; user types; errors raised at run time. C++17 and C++20.
#include "heapless/format.hpp"

#include <charconv>     // std::to_chars: the digits' reference
#include <climits>      // INT_MIN ...
#include <cstdint>      // std::int8_t ...
#include <cstdio>       // std::printf: mismatch details in every harness
#include <cstring>      // std::strlen
#include <limits>       // std::numeric_limits
#include <string_view>  // std::string_view

#include "heapless/vec.hpp"
#include "support/test.hpp"

using heapless::String;
using sv = std::string_view;

namespace {

bool same(sv got, sv want) {
  if (got == want) return true;
  std::printf("  compiled [%.*s]\n  runtime  [%.*s]\n", static_cast<int>(got.size()), got.data(),
              static_cast<int>(want.size()), want.data());
  return false;
}

// Both ways into String<256>: HEAPLESS_FMT(f) and the plain literal f.
#define SAME(f, ...)                                                                              \
  do {                                                                                            \
    String<256> compiled_;                                                                        \
    String<256> runtime_;                                                                         \
    heapless::format_to(compiled_, HEAPLESS_FMT(f), __VA_ARGS__);                                 \
    heapless::format_to(runtime_, f, __VA_ARGS__);                                                \
    CHECK(same(sv(compiled_.data(), compiled_.size()), sv(runtime_.data(), runtime_.size())));    \
  } while (0)

enum plain_enum { pe_a = -3, pe_b = 200 };
enum class scoped_enum : unsigned char { x = 7, y = 255 };

struct point {
  int x;
  int y;
};

struct unit {
  int v;
};

}  // namespace

template <>
struct heapless::formatter<point> {
  void format(const point& p, heapless::format_context& ctx) const {
    heapless::format_to(ctx, HEAPLESS_FMT("({}, {})"), p.x, p.y);
  }
};

template <>
struct heapless::formatter<unit> {
  static constexpr bool parse(std::string_view spec) { return spec.empty() || spec == "si"; }
  void format(const unit& u, heapless::format_context& ctx) const {
    heapless::format_to(ctx, "{}{}", u.v, ctx.spec() == "si" ? " m" : "");
  }
};

TEST_CASE("HEAPLESS_FMT: integers in every base, the simple specs") {
  HEAPLESS_NO_ALLOC_SCOPE;
  const int values[] = {0, 1, -1, 7, 8, 255, -255, 4096, INT_MAX, INT_MIN};
  for (const int v : values) {
    SAME("{}", v);
    SAME("{:d} {:x} {:X} {:o} {:b} {:B}", v, v, v, v, v, v);
    SAME("{:#d} {:#x} {:#X} {:#o} {:#b} {:#B}", v, v, v, v, v, v);
    SAME("[{:-}] [{:-x}]", v, v);
    const auto u = static_cast<unsigned>(v);
    SAME("{} {:x} {:#X} {:#o} {:#b}", u, u, u, u, u);
  }
  SAME("{} {} {} {}", LLONG_MIN, LLONG_MAX, ULLONG_MAX, 0ull);
  SAME("{:#x} {:#o} {:#b}", LLONG_MIN, LLONG_MAX, ULLONG_MAX);
  SAME("{} {:x}", static_cast<long long>(-5), static_cast<unsigned long long>(0xFFFFFFFFu));
  SAME("{} {:x}", static_cast<long long>(0x100000000LL), static_cast<unsigned long long>(0x100000000ULL));
  SAME("{} {} {} {}", std::numeric_limits<std::int8_t>::min(), std::numeric_limits<std::uint8_t>::max(),
       std::numeric_limits<std::int16_t>::min(), std::numeric_limits<std::uint16_t>::max());
  SAME("{:#x} {:#b}", std::numeric_limits<std::int8_t>::min(), std::numeric_limits<std::int16_t>::min());
  SAME("{} {:x} {}", pe_a, pe_b, scoped_enum::y);
}

TEST_CASE("HEAPLESS_FMT: other specs take the type's handler") {
  HEAPLESS_NO_ALLOC_SCOPE;
  SAME("{:>8}|{:<8}|{:^8}|{:*^9}", 42, -42, 7, 5);
  SAME("{:+} {: } {:+x} {:08} {:#010x} {:08b}", 42, 42, 42, -42, 255, 5);
  SAME("{:c} {:c}", 65, 'z');
  SAME("{:x} {:#o} {:d}", 'a', 'b', true);
  SAME("{:s} {:>6} {:6}|", false, true, false);
}

TEST_CASE("HEAPLESS_FMT: strings, chars, bools, pointers, floats") {
  HEAPLESS_NO_ALLOC_SCOPE;
  const char* cstr = "c-string";
  char array[] = "array";
  const String<16> s("heapless");
  const sv view("view");
  const sv empty_view;
  SAME("{} {} {} {} {} [{}]", cstr, array, s, view, "literal", empty_view);
  SAME("{:>10}|{:<6.3}|{:^7}|{:.2}", cstr, view, s, "literal");
  SAME("{}{}{}", 'a', ' ', 'b');
  SAME("{} {}", true, false);
  int x = 0;
  SAME("{} {} {:>20}", static_cast<const void*>(&x), nullptr, static_cast<void*>(&x));
  SAME("{} {:.3f} {:e} {:g} {:10.2f}|{:+08.1e}", 3.14159, 2.0625, 1e-7, 123456789.0, -0.125, 12345.678f);
  SAME("{} {} {}", -0.0, std::numeric_limits<double>::infinity(), std::numeric_limits<float>::quiet_NaN());
}

TEST_CASE("HEAPLESS_FMT: indexing, escapes, user types") {
  HEAPLESS_NO_ALLOC_SCOPE;
  SAME("{1} {0} {1:#x}", 10, 20);
  SAME("{{}} {{{}}} }}{{", 5);
  const auto none = heapless::format<16>(HEAPLESS_FMT("no {{fields}}"));
  CHECK(sv(none.data(), none.size()) == "no {fields}");
  SAME("{} and {}", point{1, -2}, unit{3});
  SAME("{:si} {}", unit{4}, unit{5});
}

TEST_CASE("HEAPLESS_FMT: every entry point and capacity tier") {
  HEAPLESS_NO_ALLOC_SCOPE;
  // format<N>, formatted_size
  const auto s = heapless::format<32>(HEAPLESS_FMT("t={} id={} st={:#x}"), -42, 7u, 0xBEEFu);
  CHECK(sv(s.data(), s.size()) == "t=-42 id=7 st=0xbeef");
  CHECK(heapless::formatted_size(HEAPLESS_FMT("{:>10}{}"), 1, "ab") == 12);
  // iterator and format_to_n
  char buf[16] = {};
  char* end = heapless::format_to(buf, HEAPLESS_FMT("{}-{}"), 12, 34);
  CHECK(sv(buf, static_cast<std::size_t>(end - buf)) == "12-34");
  char small[4] = {'#', '#', '#', '#'};
  const auto r = heapless::format_to_n(small, 3, HEAPLESS_FMT("{}"), 123456);
  CHECK(r.size == 6);
  CHECK(r.out == small + 3);
  CHECK(sv(small, 4) == "123#");
  char* const none = nullptr;  // measuring: no byte written, no mem* call with null
  const auto m = heapless::format_to_n(none, 0, HEAPLESS_FMT("[{:>5}]{:*<3}"), 42, 'x');
  CHECK(m.size == 10);
  CHECK(m.out == nullptr);
  // Vec<char, N>
  heapless::Vec<char, 8> v;
  heapless::format_to(v, HEAPLESS_FMT("{:x}"), 255);
  CHECK(sv(v.data(), v.size()) == "ff");
  CHECK_FALSE(heapless::try_format_to(v, HEAPLESS_FMT("{}"), 1234567));
  CHECK(sv(v.data(), v.size()) == "ff");
  // String: try (unchanged on failure), truncating, raising
  String<8> t("ab");
  CHECK(heapless::try_format_to(t, HEAPLESS_FMT("{}"), 1234));
  CHECK(sv(t.data(), t.size()) == "ab1234");
  CHECK_FALSE(heapless::try_format_to(t, HEAPLESS_FMT("{}"), 567));
  CHECK(sv(t.data(), t.size()) == "ab1234");
  CHECK(heapless::format_to_truncating(t, HEAPLESS_FMT("{}"), 567));
  CHECK(sv(t.data(), t.size()) == "ab123456");
  String<4> full("abc");
  {
    const heapless::test::allow_alloc_scope allow;  // throwing allocates in the C++ runtime
    HEAPLESS_CHECK_RAISES(length_error, heapless::format_to(full, HEAPLESS_FMT("{}"), 12));
  }
  CHECK(sv(full.data(), full.size()) == "abc");
}

TEST_CASE("HEAPLESS_FMT: value errors are raised at run time, target unchanged") {
  HEAPLESS_NO_ALLOC_SCOPE;
  String<32> s("keep");
  const char* null_cstr = nullptr;
  {
    const heapless::test::allow_alloc_scope allow;
    HEAPLESS_CHECK_RAISES(invalid_argument, heapless::format_to(s, HEAPLESS_FMT("{}"), null_cstr));
    HEAPLESS_CHECK_RAISES(invalid_argument, heapless::format_to(s, HEAPLESS_FMT("{:c}"), 300));
  }
  CHECK(sv(s.data(), s.size()) == "keep");
}


// ---- Straight into a String: HEAPLESS_FMT into String<N> writes into the
// String's buffer (format_direct) instead of the engine's sink; the other
// targets still take the engine's sink. Same output, same failures.

namespace {

// The digits two ways: the size-optimised loop (one division per digit) and
// the fast one (std::to_chars, shift loops); HEAPLESS_FORMAT_OPTIMIZE_SIZE
// picks one, both must agree with each other and with std::to_chars.
template <class UInt>
bool digits_agree(UInt v) {
  static const unsigned bases[] = {10, 16, 8, 2};
  bool ok = true;
  for (const unsigned base : bases) {
    for (const bool upper : {false, true}) {
      char a[sizeof(UInt) * 8];
      char b[sizeof(UInt) * 8];
      char* const ea = a + sizeof a;
      char* const eb = b + sizeof b;
      const char* const fa = heapless::detail::uint_digits_small(ea, v, base, upper);
      const char* const fb = heapless::detail::uint_digits_fast(eb, v, base, upper);
      char want[sizeof(UInt) * 8];
      char* const wl = std::to_chars(want, want + sizeof want, v, static_cast<int>(base)).ptr;
      if (upper)
        for (char* c = want; c != wl; ++c) *c = (*c >= 'a' && *c <= 'f') ? static_cast<char>(*c - 'a' + 'A') : *c;
      const sv w(want, static_cast<std::size_t>(wl - want));
      const sv got_a(fa, static_cast<std::size_t>(ea - fa));
      const sv got_b(fb, static_cast<std::size_t>(eb - fb));
      if (got_a != w || got_b != w) {
        std::printf("  base %u upper %d: small [%.*s] fast [%.*s] to_chars [%.*s]\n", base, upper ? 1 : 0,
                    static_cast<int>(got_a.size()), got_a.data(), static_cast<int>(got_b.size()), got_b.data(),
                    static_cast<int>(w.size()), w.data());
        ok = false;
      }
    }
  }
  return ok;
}

// try_format_to into String<N> for every N up to past the output, starting
// from a non-empty string: HEAPLESS_FMT and the plain string must both
// succeed or both fail, leave the same contents, and keep c_str() terminated.
#define SAME_EVERY_CAPACITY(f, ...)                                                         \
  do {                                                                                      \
    same_at<0>(HEAPLESS_FMT(f), f, __VA_ARGS__);                                            \
    same_at<1>(HEAPLESS_FMT(f), f, __VA_ARGS__);                                            \
    same_at<2>(HEAPLESS_FMT(f), f, __VA_ARGS__);                                            \
    same_at<3>(HEAPLESS_FMT(f), f, __VA_ARGS__);                                            \
    same_at<5>(HEAPLESS_FMT(f), f, __VA_ARGS__);                                            \
    same_at<8>(HEAPLESS_FMT(f), f, __VA_ARGS__);                                            \
    same_at<13>(HEAPLESS_FMT(f), f, __VA_ARGS__);                                           \
    same_at<21>(HEAPLESS_FMT(f), f, __VA_ARGS__);                                           \
    same_at<34>(HEAPLESS_FMT(f), f, __VA_ARGS__);                                           \
    same_at<55>(HEAPLESS_FMT(f), f, __VA_ARGS__);                                           \
    same_at<300>(HEAPLESS_FMT(f), f, __VA_ARGS__);                                          \
  } while (0)

// (Its own function: no loop around the check, which escapes by longjmp in
// the handler builds.)
template <std::size_t N, class S, class... Args>
void format_to_raises_length_error(String<N>& c, S compiled_fmt, const Args&... args) {
  const heapless::test::allow_alloc_scope allow;
  HEAPLESS_CHECK_RAISES(length_error, heapless::format_to(c, compiled_fmt, args...));
}

template <std::size_t N, class S, class... Args>
void same_at(S compiled_fmt, heapless::format_string<Args...> plain_fmt, const Args&... args) {
  for (std::size_t start = 0; start <= N && start <= 3; ++start) {
    String<N> a(start, '#');
    String<N> b(start, '#');
    const bool ok_a = heapless::try_format_to(a, compiled_fmt, args...);
    const bool ok_b = heapless::try_format_to(b, plain_fmt, args...);
    CHECK(ok_a == ok_b);
    CHECK(same(sv(a.data(), a.size()), sv(b.data(), b.size())));
    CHECK(std::strlen(a.c_str()) == a.size());
    if (!ok_a) CHECK(a.size() == start);
    // format_to raises length_error exactly when try_format_to fails
    String<N> c(start, '#');
    if (ok_a) {
      heapless::format_to(c, compiled_fmt, args...);
      CHECK(same(sv(c.data(), c.size()), sv(a.data(), a.size())));
    } else {
      format_to_raises_length_error(c, compiled_fmt, args...);
      CHECK(sv(c.data(), c.size()) == sv(a.data(), a.size()));
      CHECK(std::strlen(c.c_str()) == c.size());
    }
  }
}

struct throws_in_format {};

}  // namespace

template <>
struct heapless::formatter<throws_in_format> {
  void format(const throws_in_format&, heapless::format_context& ctx) const {
    ctx.write("partial output");
#if HEAPLESS_HAS_EXCEPTIONS
    throw 7;
#endif
  }
};

TEST_CASE("HEAPLESS_FMT into String: the size-optimised digit loop equals the fast one") {
  HEAPLESS_NO_ALLOC_SCOPE;
  const std::uint64_t specials[] = {0,
                                    1,
                                    7,
                                    8,
                                    9,
                                    10,
                                    15,
                                    16,
                                    99,
                                    100,
                                    255,
                                    256,
                                    999,
                                    1000,
                                    0x7FFFFFFFu,
                                    0x80000000u,
                                    0xFFFFFFFFu,
                                    0x100000000ull,
                                    9999999999ull,
                                    10000000000ull,
                                    0x7FFFFFFFFFFFFFFFull,
                                    0x8000000000000000ull,
                                    0xFFFFFFFFFFFFFFFFull};
  for (const std::uint64_t v : specials) {
    CHECK(digits_agree<unsigned long long>(v));
    CHECK(digits_agree<std::uint32_t>(static_cast<std::uint32_t>(v)));
  }
  // every power of ten and of two and their neighbours, and a pseudo-random walk
  for (std::uint64_t p = 1; p != 0 && p <= 0xFFFFFFFFFFFFFFFFull / 10; p *= 10) {
    CHECK(digits_agree<unsigned long long>(p - 1));
    CHECK(digits_agree<unsigned long long>(p));
    CHECK(digits_agree<std::uint32_t>(static_cast<std::uint32_t>(p + 1)));
  }
  for (unsigned i = 0; i < 64; ++i) {
    const std::uint64_t p = std::uint64_t{1} << i;
    CHECK(digits_agree<unsigned long long>(p - 1));
    CHECK(digits_agree<unsigned long long>(p));
  }
  std::uint64_t x = 0x9E3779B97F4A7C15ull;
  for (int i = 0; i < 2000; ++i) {
    x = x * 6364136223846793005ull + 1442695040888963407ull;
    CHECK(digits_agree<unsigned long long>(x >> (i % 64)));
    CHECK(digits_agree<std::uint32_t>(static_cast<std::uint32_t>(x >> 32)));
  }
}

TEST_CASE("HEAPLESS_FMT into String: every value, base, width, fill, sign and # as the plain string") {
  HEAPLESS_NO_ALLOC_SCOPE;
  const long long values[] = {0, 1, -1, 9, 10, -10, 255, -256, 65535, INT_MAX, INT_MIN, 4294967295LL,
                              4294967296LL, -4294967296LL, LLONG_MAX, LLONG_MIN};
  for (const long long v : values) {
    const int i = static_cast<int>(v);
    const auto u = static_cast<unsigned>(v);
    const auto ull = static_cast<unsigned long long>(v);
    SAME("{} {:d} {:x} {:X} {:o} {:b} {:B}", i, i, i, i, i, i, i);
    SAME("{:#x} {:#X} {:#o} {:#b} {:#B} {:#d}", i, i, i, i, i, i);
    SAME("{} {:x} {:#x} {:#X} {:#o} {:#b} {:#B}", u, u, u, u, u, u, u);
    SAME("{} {:x} {:#x} {:#X} {:#o} {:#b} {:#B}", v, v, v, v, v, v, v);
    SAME("{} {:x} {:#x} {:#X} {:#o} {:#b} {:#B}", ull, ull, ull, ull, ull, ull, ull);
    SAME("{:+} {: } {:08} {:#010x} {:<12}|{:>12}|{:^12}|{:*^13}", i, i, i, i, i, i, i, i);
    SAME("{:+x} {:-#o} {:#018b} {:_>24}", v, v, u, ull);
  }
  SAME("{}{:#x}{}", 0u, 0u, 0u);  // prefix text next to no text
  SAME("{:#o}{:#o}{:#o}", 0u, 0, 8u);
  SAME("{:#x}", static_cast<unsigned char>(200));
  SAME("{:#x} {:#b}", std::numeric_limits<std::uint16_t>::max(), std::numeric_limits<std::uint64_t>::max());
}

TEST_CASE("HEAPLESS_FMT into String: every capacity, all or nothing, as the plain string") {
  HEAPLESS_NO_ALLOC_SCOPE;
  SAME_EVERY_CAPACITY("t={} id={} st={:#x}", -42, 65535u, 0xFFFu);
  SAME_EVERY_CAPACITY("{:#b}|{:>8}|{}", 5u, -7, "str");
  SAME_EVERY_CAPACITY("{}{}{}{:c}", true, 'x', sv("view"), 65);
  SAME_EVERY_CAPACITY("{} {:.2f} {}", 1.5, 2.25, point{3, 4});
  for (std::size_t start = 0; start <= 6; ++start) {  // text only (escapes: several pieces)
    String<8> a(start, '#');
    String<8> want(start, '#');
    const bool ok = heapless::try_format_to(a, HEAPLESS_FMT("{{six}}"));
    CHECK(ok == (start <= 3));
    if (ok) want.append("{six}");
    CHECK(sv(a.data(), a.size()) == sv(want.data(), want.size()));
    CHECK(std::strlen(a.c_str()) == a.size());
  }
}

TEST_CASE("HEAPLESS_FMT into String: errors win over capacity; a throwing formatter changes nothing") {
  HEAPLESS_NO_ALLOC_SCOPE;
  String<4> s("ab");
  {
    const heapless::test::allow_alloc_scope allow;
    // the value error comes after a field that does not fit: still invalid_argument
    HEAPLESS_CHECK_RAISES(invalid_argument, (void)heapless::try_format_to(s, HEAPLESS_FMT("{:>10}{:c}"), 1, 300));
    HEAPLESS_CHECK_RAISES(invalid_argument, (void)heapless::try_format_to(s, "{:>10}{:c}", 1, 300));
  }
  CHECK(sv(s.data(), s.size()) == "ab");
  CHECK(std::strlen(s.c_str()) == 2);
#if HEAPLESS_HAS_EXCEPTIONS && !HEAPLESS_ERROR_HANDLER
  String<64> t("keep");
  bool thrown = false;
  {
    const heapless::test::allow_alloc_scope throwing_allocates;
    try {
      heapless::format_to(t, HEAPLESS_FMT("x{}y"), throws_in_format{});
    } catch (int) {
      thrown = true;
    }
  }
  CHECK(thrown);
  CHECK(sv(t.data(), t.size()) == "keep");
  CHECK(std::strlen(t.c_str()) == 4);
#endif
}

TEST_CASE("write_decimal equals std::to_chars at every digit-count boundary") {
  HEAPLESS_NO_ALLOC_SCOPE;
  std::uint32_t p = 1;
  for (int k = 0; k <= 10; ++k) {
    const std::uint32_t around[] = {p - 1, p, p + 1, 2 * p, 5 * p - 1, 9 * p};
    for (const std::uint32_t v : around) {
      char got[16];
      char want[16];
      const char* const gl = heapless::detail::write_decimal(got, got + 10, v);
      const char* const wl = std::to_chars(want, want + sizeof want, v).ptr;
      CHECK(sv(got, static_cast<std::size_t>(gl - got)) == sv(want, static_cast<std::size_t>(wl - want)));
      const std::uint16_t h = static_cast<std::uint16_t>(v);
      const char* const hl = heapless::detail::write_decimal(got, got + 5, h);
      const char* const hw = std::to_chars(want, want + sizeof want, h).ptr;
      CHECK(sv(got, static_cast<std::size_t>(hl - got)) == sv(want, static_cast<std::size_t>(hw - want)));
    }
    if (k < 9) p *= 10;
  }
  for (std::uint32_t v = 0; v < 20000; v += 7) {
    char got[16];
    char want[16];
    const char* const gl = heapless::detail::write_decimal(got, got + 10, v);
    const char* const wl = std::to_chars(want, want + sizeof want, v).ptr;
    CHECK(sv(got, static_cast<std::size_t>(gl - got)) == sv(want, static_cast<std::size_t>(wl - want)));
  }
  char got[16];
  const char* const gl = heapless::detail::write_decimal(got, got + 10, std::uint32_t{4294967295u});
  CHECK(sv(got, static_cast<std::size_t>(gl - got)) == "4294967295");
}
