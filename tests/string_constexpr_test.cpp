// string_constexpr_test.cpp - String<N> in constant expressions (C++20; also
// C++17 wherever __builtin_is_constant_evaluated exists, i.e. GCC >= 9 and
// clang >= 9, because the constant-evaluation path never changes the union's
// active member) and constant initialisation of statics.
#include "support/test.hpp"

#include <heapless/string.hpp>

#include <string_view>  // std::string_view

using heapless::String;
using namespace std::string_view_literals;

#if HEAPLESS_CPP20 || defined(__GNUC__)
#define STRING_TEST_CONSTEXPR 1
#else
#define STRING_TEST_CONSTEXPR 0
#endif

#if STRING_TEST_CONSTEXPR
namespace {

constexpr String<15> built() {
  String<15> s = "hello";
  s += ' ';
  s.append("wor");
  s.insert(0, s.data() + 6, 3);  // aliasing source
  s.replace(0, 2, "XY");
  s.erase(1, 1);
  s.push_back('!');
  return s;
}

constexpr bool modifiers() {
  String<32> s;
  s.assign(3, 'a');
  s.append(2, 'b');
  if (s != "aaabb") return false;
  s.insert(s.begin() + 1, 'x');
  s.insert(1, 2, '-');
  s.replace(s.begin(), s.begin() + 1, "AA"sv);
  s.replace(0, 1, 3, '#');
  s.erase(s.begin());
  s.erase(s.end() - 1);
  if (s != "##A--xaab") return false;
  s.resize(3);
  s.resize(5, '.');
  s.pop_back();
  if (s != "##A.") return false;
  s.resize_and_overwrite(8, [](char* p, std::size_t n) {
    for (std::size_t i = 4; i < n; ++i) p[i] = 'z';
    return n;
  });
  if (s != "##A.zzzz") return false;
  if (s.append_truncating("0123456789012345678901234567890123")) {
    if (!s.full()) return false;
  } else {
    return false;
  }
  if (!s.try_assign("ok") || s.try_append(String<40>(31, 'x').view())) return false;
  char out[4] = {};
  if (s.copy(out, 2) != 2 || out[0] != 'o') return false;
  String<32> t = "other";
  s.swap(t);
  return s == "other" && t == "ok" && heapless::erase(s, 'o') == 1 && s == "ther";
}

constexpr bool searches() {
  const String<31> s = "abracadabra";
  return s.find("cad") == 4 && s.find('d') == 6 && s.rfind("abra") == 7 && s.rfind('b') == 8 &&
         s.find_first_of("dc") == 4 && s.find_last_of("dc") == 6 && s.find_first_not_of("ab") == 2 &&
         s.find_last_not_of("ab") == 9 && s.starts_with("abra") && s.ends_with('a') && s.contains("dab") &&
         !s.contains('z') && s.find("zz") == String<31>::npos && s.substr(4, 3) == "cad";
}

constexpr bool comparisons() {
  const String<7> a = "abc";
  const String<9> b = "abd";
  return a < b && b > a && a <= "abc" && "abc" >= a && a != b && a == "abc"sv && "abc"sv == a &&
         a.compare(b) < 0 && b.compare("abc") > 0 && (a + b) == "abcabd" && (a + '!') == "abc!" &&
         ("<" + a) == "<abc";
}

// Sources inside the string that include its terminating NUL.
constexpr bool self_sources() {
  String<15> s = "abc";
  s.append(s.c_str(), s.size() + 1);
  if (s.view() != "abcabc\0"sv) return false;
  s = "abc";
  s.insert(0, s.c_str(), s.size() + 1);
  if (s.view() != "abc\0abc"sv) return false;
  s = "abc";
  s.replace(1, 1, s.c_str(), 4);
  if (s.view() != "aabc\0c"sv) return false;
  s = "abc";
  if (s.copy(s.data() + 1, 2) != 2) return false;
  return s == "aab";
}

// Copies of constant Strings are constants (the whole buffer is defined).
constexpr String<15> g_built = built();
constexpr String<15> g_copy = g_built;
constexpr String g_deduced = "deduced";
constexpr String<300> g_large = "large layout";
constexpr String<100> g_mid(40, '-');

static_assert(g_built == "Xrhello wor!");
static_assert(g_built.size() == 12);
static_assert(g_copy == g_built);
static_assert(g_deduced.full() && g_deduced.size() == 7 && g_deduced.c_str()[7] == '\0');
static_assert(g_large.size() == 12 && g_large.find("layout") == 6);
static_assert(g_mid.size() == 40 && g_mid.back() == '-');
static_assert(String<0>().empty() && String<0>().full());
static_assert(modifiers());
static_assert(searches());
static_assert(comparisons());
static_assert(self_sources());
static_assert(std::string_view(g_built).substr(2, 5) == "hello");

}  // namespace
#endif

#if HEAPLESS_CPP20
// constinit proves constant initialisation for every size.
constinit String<15> g_constinit_small;
constinit String<100> g_constinit_mid;
constinit String<300> g_constinit_large = "x";
#endif

// Without constinit: small Strings are zero-initialised and thus constant-
// initialised on every compiler (no .init_array entry; checked by
// examples/firmware size programs and docs/string.md's nm command).
String<15> g_plain_small;

TEST_CASE("String: constant-evaluated results match run-time ones", "[string][constexpr]") {
  HEAPLESS_NO_ALLOC_SCOPE;
#if STRING_TEST_CONSTEXPR
  const String<15> runtime = built();
  CHECK(runtime == g_built);
  CHECK(modifiers());
  CHECK(searches());
  CHECK(comparisons());
  CHECK(self_sources());
#endif
  CHECK(g_plain_small.empty());
  CHECK(g_plain_small.c_str()[0] == '\0');
  g_plain_small = "used";
  CHECK(g_plain_small == "used");
#if HEAPLESS_CPP20
  CHECK(g_constinit_small.empty());
  CHECK(g_constinit_mid.empty());
  CHECK(g_constinit_large == "x");
  g_constinit_mid.append(50, 'm');
  CHECK(g_constinit_mid.size() == 50);
#endif
}
