// format_compiled_test.cpp - HEAPLESS_FMT format strings (compiled into code
// at the call site, heapless/detail/format_compiled.hpp): each call here is
// made twice, with HEAPLESS_FMT and with the same plain string (run-time
// engine), and the outputs must be equal byte for byte; every entry point
// and capacity tier; the special paths (plain integers in every base, plain
// strings, chars, bools) and the fallback to the type's handler for other
// specs; user types; errors raised at run time. C++17 and C++20.
#include "heapless/format.hpp"

#include <climits>      // INT_MIN ...
#include <cstdint>      // std::int8_t ...
#include <cstdio>       // std::printf: mismatch details in every harness
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

