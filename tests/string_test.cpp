// string_test.cpp - heapless::String<N>: behaviour by clause, every error
// path, layout and traits. The allocation trap is armed in every test.
#include "support/iterators.hpp"
#include "support/test.hpp"

#include <heapless/string.hpp>

#include <cstring>      // std::strlen
#include <string_view>  // std::string_view
#include <type_traits>  // trait checks

using heapless::String;
using namespace std::string_view_literals;

// ---- Layout and traits -------------------------------------------------------

static_assert(sizeof(String<0>) == 1);
static_assert(sizeof(String<1>) == 2);
static_assert(sizeof(String<7>) == 8);
static_assert(sizeof(String<15>) == 16);
static_assert(sizeof(String<31>) == 32);
static_assert(sizeof(String<63>) == 64);
static_assert(sizeof(String<64>) == 65);
static_assert(sizeof(String<254>) == 255);
static_assert(sizeof(String<255>) == 256);
static_assert(sizeof(String<256>) == 260);  // char[257], pad, uint16_t length
static_assert(sizeof(String<1000>) <= 1000 + 1 + 3);
static_assert(sizeof(String<70000>) <= 70000 + 1 + 7);
static_assert(alignof(String<15>) == 1);
static_assert(std::is_trivially_copyable_v<String<15>>);
static_assert(std::is_trivially_copyable_v<String<300>>);
static_assert(std::is_trivially_destructible_v<String<15>>);
static_assert(std::is_nothrow_default_constructible_v<String<15>>);
static_assert(std::is_standard_layout_v<String<15>>);
static_assert(String<15>::capacity() == 15);
static_assert(String<15>::max_size() == 15);
static_assert(std::is_same_v<String<15>::size_type, std::size_t>);
static_assert(std::is_same_v<String<15>::iterator, char*>);
static_assert(std::is_convertible_v<String<15>, std::string_view>);
static_assert(std::is_convertible_v<const char*, String<15>>);
static_assert(!std::is_convertible_v<std::string_view, String<15>>);  // explicit, as std::string
static_assert(std::is_constructible_v<String<15>, std::string_view>);
static_assert(std::is_convertible_v<String<7>, String<15>>);    // smaller: implicit, cannot fail
static_assert(!std::is_convertible_v<String<31>, String<15>>);  // larger: explicit, may raise
static_assert(std::is_constructible_v<String<15>, String<31>>);
static_assert(!std::is_constructible_v<String<15>, std::nullptr_t>);

// Deduction guide: a literal of length L gives String<L>.
static_assert(std::is_same_v<decltype(String("hello")), String<5>>);
static_assert(std::is_same_v<decltype(String("")), String<0>>);

// Concatenation capacities.
static_assert(std::is_same_v<decltype(String<3>() + String<4>()), String<7>>);
static_assert(std::is_same_v<decltype(String<3>() + "ab"), String<5>>);
static_assert(std::is_same_v<decltype("ab" + String<3>()), String<5>>);
static_assert(std::is_same_v<decltype(String<3>() + 'x'), String<4>>);
static_assert(std::is_same_v<decltype('x' + String<3>()), String<4>>);

// Explicit instantiation compiles every non-template member.
template class heapless::String<0>;
template class heapless::String<1>;
template class heapless::String<15>;
template class heapless::String<100>;
template class heapless::String<300>;

namespace {

// The invariant every operation keeps: NUL at size(), size within capacity.
template <std::size_t N>
bool well_formed(const String<N>& s) {
  return s.size() <= N && s.c_str()[s.size()] == '\0' && s.data() == s.c_str() &&
         std::string_view(s).size() == s.size() && s.full() == (s.size() == N) &&
         s.empty() == (s.size() == 0) && s.available() == N - s.size();
}

}  // namespace

// ---- [string.cons] -----------------------------------------------------------

TEST_CASE("String: default construction is empty and NUL-terminated", "[string]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  String<15> a;
  CHECK(a.empty());
  CHECK(a.size() == 0);
  CHECK(a.length() == 0);
  CHECK(a.c_str()[0] == '\0');
  CHECK(well_formed(a));
  String<0> z;
  CHECK(z.empty());
  CHECK(z.full());
  CHECK(z.c_str()[0] == '\0');
  String<100> m;  // above the zero-initialisation threshold
  CHECK(well_formed(m));
  String<300> big;
  CHECK(well_formed(big));
  static String<15> st;  // constant-initialised
  CHECK(well_formed(st));
}

TEST_CASE("String: construction from chars, views, ranges and other Strings", "[string]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  const String<15> a = "hello";
  CHECK(a == "hello");
  CHECK(a.size() == 5);
  const String<15> b("hello world", 5);
  CHECK(b == "hello");
  const String<15> c("embedded\0nul"sv);
  CHECK(c.size() == 12);
  CHECK(c[8] == '\0');
  const String<15> d(4, 'x');
  CHECK(d == "xxxx");
  const char text[] = "range";
  const String<15> e(text, text + 5);
  CHECK(e == "range");
  const String<15> f{'a', 'b', 'c'};
  CHECK(f == "abc");
  const String<15> g("abcdef"sv, 2, 3);
  CHECK(g == "cde");
  const String<7> small = "tiny";
  const String<15> h = small;  // implicit from smaller capacity
  CHECK(h == "tiny");
  const String<31> large = "fits";
  const String<15> i(large);  // explicit from larger capacity
  CHECK(i == "fits");
  String s = "hello";  // deduction guide
  CHECK(s.capacity() == 5);
  CHECK(s.full());
  CHECK(s.c_str()[5] == '\0');  // the last byte reads as NUL when full
  CHECK(std::strlen(s.c_str()) == 5);
  CHECK(well_formed(s));
  const String<15> full15 = "0123456789abcde";
  CHECK(full15.full());
  CHECK(std::strlen(full15.c_str()) == 15);
}

TEST_CASE("String: constructors raise length_error past the capacity", "[string][error]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  HEAPLESS_CHECK_RAISES(length_error, String<3>("abcd"));
  HEAPLESS_CHECK_RAISES(length_error, String<3>("abcd", 4));
  HEAPLESS_CHECK_RAISES(length_error, String<3>("abcd"sv));
  HEAPLESS_CHECK_RAISES(length_error, String<3>(4, 'x'));
  HEAPLESS_CHECK_RAISES(length_error, String<3>({'a', 'b', 'c', 'd'}));
  static const char text[] = "abcd";
  HEAPLESS_CHECK_RAISES(length_error, String<3>(text, text + 4));
  HEAPLESS_CHECK_RAISES(length_error, String<3>(String<8>("abcd")));
  HEAPLESS_CHECK_RAISES(out_of_range, String<8>("abc"sv, 4, 1));
  CHECK(String<3>("abc"sv, 3, 1).empty());  // pos == size is fine
}

// ---- [string.assign] -----------------------------------------------------------

TEST_CASE("String: assign and operator= replace the contents", "[string]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  String<15> s = "initial";
  s = "x";
  CHECK(s == "x");
  s = "view"sv;
  CHECK(s == "view");
  s = 'c';
  CHECK(s == "c");
  s = {'i', 'l'};
  CHECK(s == "il");
  s = String<31>("from larger");
  CHECK(s == "from larger");
  s = String<3>("sm");
  CHECK(s == "sm");
  s.assign("abcdef", 3);
  CHECK(s == "abc");
  s.assign(5, 'z');
  CHECK(s == "zzzzz");
  s.assign("0123456789"sv, 4, 3);
  CHECK(s == "456");
  const char text[] = "iter";
  s.assign(text, text + 4);
  CHECK(s == "iter");
  s.assign({'x', 'y'});
  CHECK(s == "xy");
  s = "hello world";
  s.assign(s.data() + 6, 5);  // aliasing source
  CHECK(s == "world");
  s.assign(s.begin() + 1, s.end());  // aliasing range
  CHECK(s == "orld");
  CHECK(well_formed(s));
}

TEST_CASE("String: assign errors leave the string unchanged", "[string][error]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  String<4> s = "keep";
  HEAPLESS_CHECK_RAISES(length_error, s.assign("toolong"));
  CHECK(s == "keep");
  HEAPLESS_CHECK_RAISES(length_error, s = "toolong");
  HEAPLESS_CHECK_RAISES(length_error, s.assign(5, 'x'));
  HEAPLESS_CHECK_RAISES(length_error, s = String<8>("toolong"));
  HEAPLESS_CHECK_RAISES(out_of_range, s.assign("abc"sv, 4));
  CHECK(s == "keep");
  CHECK_FALSE(s.try_assign("toolong"));
  CHECK_FALSE(s.try_assign("toolong", 7));
  CHECK_FALSE(s.try_assign(5, 'x'));
  CHECK(s == "keep");
  CHECK(s.try_assign("ok"));
  CHECK(s == "ok");
  CHECK(s.try_assign(4, 'q'));
  CHECK(s == "qqqq");
  CHECK(s.try_assign("abcdef", 2));
  CHECK(s == "ab");
}

// ---- [string.access] and iterators ------------------------------------------

TEST_CASE("String: element access and iterators", "[string]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  String<15> s = "abc";
  CHECK(s[0] == 'a');
  CHECK(s[3] == '\0');  // [size()] is the NUL
  CHECK(s.at(2) == 'c');
  CHECK(s.front() == 'a');
  CHECK(s.back() == 'c');
  s.front() = 'A';
  s.back() = 'C';
  s[1] = 'B';
  CHECK(s == "ABC");
  HEAPLESS_CHECK_RAISES(out_of_range, s.at(3));
  const String<15>& cs = s;
  HEAPLESS_CHECK_RAISES(out_of_range, cs.at(3));
  CHECK(cs.at(0) == 'A');
  CHECK(s.end() - s.begin() == 3);
  CHECK(cs.cend() - cs.cbegin() == 3);
  char reversed[4] = {};
  int i = 0;
  for (auto it = s.rbegin(); it != s.rend(); ++it) reversed[i++] = *it;
  CHECK(std::string_view(reversed) == "CBA");
  i = 0;
  for (auto it = cs.crbegin(); it != cs.crend(); ++it) ++i;
  CHECK(i == 3);
  for (char& c : s) c = static_cast<char>(c + 1);
  CHECK(s == "BCD");
  CHECK(s.view() == "BCD");
}

#if HEAPLESS_TEST_CAN_CATCH_ASSERT
TEST_CASE("String: preconditions are checked by HEAPLESS_ASSERT", "[string][error]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  String<3> s;
  HEAPLESS_CHECK_RAISES(precondition, s.front());
  HEAPLESS_CHECK_RAISES(precondition, s.back());
  HEAPLESS_CHECK_RAISES(precondition, s.pop_back());
  HEAPLESS_CHECK_RAISES(precondition, s[1]);
  s = "abc";
  HEAPLESS_CHECK_RAISES(precondition, s.unchecked_push_back('x'));
  HEAPLESS_CHECK_RAISES(precondition, s.unchecked_append("x", 1));
  HEAPLESS_CHECK_RAISES(precondition, s.erase(s.end()));
  CHECK(s == "abc");
}
#endif

// ---- [string.capacity] ---------------------------------------------------------

TEST_CASE("String: capacity queries, reserve and resize", "[string]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  String<8> s = "abc";
  CHECK(s.available() == 5);
  s.reserve(8);
  s.shrink_to_fit();
  HEAPLESS_CHECK_RAISES(length_error, s.reserve(9));
  s.resize(5, 'x');
  CHECK(s == "abcxx");
  s.resize(2);
  CHECK(s == "ab");
  s.resize(4);
  CHECK(s.size() == 4);
  CHECK(s[2] == '\0');
  CHECK(s[3] == '\0');
  s.resize(8, '!');
  CHECK(s.full());
  CHECK(well_formed(s));
  HEAPLESS_CHECK_RAISES(length_error, s.resize(9));
  HEAPLESS_CHECK_RAISES(length_error, s.resize(9, 'x'));
  CHECK(s.size() == 8);
  s.clear();
  CHECK(s.empty());
  CHECK(well_formed(s));
}

TEST_CASE("String: resize_and_overwrite writes in place", "[string]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  String<15> s = "abc";
  s.resize_and_overwrite(10, [](char* p, std::size_t n) {
    CHECK(n == 10);
    CHECK(p[0] == 'a');  // old contents are kept
    p[3] = '4';
    p[4] = '5';
    return 5;
  });
  CHECK(s == "abc45");
  CHECK(well_formed(s));
  s.resize_and_overwrite(15, [](char* p, std::size_t n) {
    for (std::size_t i = 0; i < n; ++i) p[i] = static_cast<char>('a' + i);
    return n;
  });
  CHECK(s == "abcdefghijklmno");
  CHECK(s.full());
  s.resize_and_overwrite(15, [](char*, std::size_t) { return 0u; });
  CHECK(s.empty());
  CHECK(well_formed(s));
  HEAPLESS_CHECK_RAISES(length_error, s.resize_and_overwrite(16, [](char*, std::size_t) { return 0; }));
  HEAPLESS_CHECK_RAISES(length_error, s.resize_and_overwrite(4, [](char*, std::size_t) { return 5; }));
  HEAPLESS_CHECK_RAISES(length_error, s.resize_and_overwrite(4, [](char*, std::size_t) { return -1; }));
  CHECK(s.empty());
}

// ---- [string.modifiers] --------------------------------------------------------

TEST_CASE("String: push_back, pop_back and the try/unchecked forms", "[string]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  String<3> s;
  s.push_back('a');
  s += 'b';
  CHECK(s.try_push_back('c'));
  CHECK(s == "abc");
  CHECK(s.full());
  CHECK(well_formed(s));
  CHECK_FALSE(s.try_push_back('d'));
  CHECK_FALSE(s.try_append('d'));
  HEAPLESS_CHECK_RAISES(length_error, s.push_back('d'));
  HEAPLESS_CHECK_RAISES(length_error, s += 'd');
  CHECK(s == "abc");
  s.pop_back();
  CHECK(s == "ab");
  s.unchecked_push_back('z');
  CHECK(s == "abz");
  s.pop_back();
  s.pop_back();
  s.pop_back();
  CHECK(s.empty());
  CHECK(well_formed(s));
}

TEST_CASE("String: append and operator+= in every form", "[string]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  String<32> s;
  s.append("ab", 1);
  s.append("cd");
  s.append("ef"sv);
  s.append("0123456789"sv, 8);
  s.append("0123456789"sv, 2, 2);
  s.append(2, '-');
  const char text[] = "it";
  s.append(text, text + 2);
  s.append({'i', 'l'});
  s += "+=";
  s += "sv"sv;
  s += {'{', '}'};
  s += String<4>("S4");
  CHECK(s == "acdef8923--itil+=sv{}S4");
  s.unchecked_append("u", 1);
  s.unchecked_append("v"sv);
  CHECK(s.ends_with("uv"));
  s = "self";
  s.append(s);  // aliasing: appends a copy of itself
  CHECK(s == "selfself");
  s.append(s.data() + 2, 3);
  CHECK(s == "selfselflfs");
  CHECK(well_formed(s));
}

TEST_CASE("String: append raises length_error and changes nothing", "[string][error]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  String<5> s = "abc";
  HEAPLESS_CHECK_RAISES(length_error, s.append("def"));
  HEAPLESS_CHECK_RAISES(length_error, s.append("def", 3));
  HEAPLESS_CHECK_RAISES(length_error, s.append("def"sv));
  HEAPLESS_CHECK_RAISES(length_error, s.append(3, 'x'));
  HEAPLESS_CHECK_RAISES(length_error, s.append({'a', 'b', 'c'}));
  static const char text[] = "xyz";
  HEAPLESS_CHECK_RAISES(length_error, s.append(text, text + 3));
  HEAPLESS_CHECK_RAISES(length_error, s += "def");
  HEAPLESS_CHECK_RAISES(length_error, s += "def"sv);
  HEAPLESS_CHECK_RAISES(out_of_range, s.append("xy"sv, 3));
  CHECK(s == "abc");
  CHECK_FALSE(s.try_append("def"));
  CHECK_FALSE(s.try_append("def", 3));
  CHECK_FALSE(s.try_append(3, 'x'));
  CHECK(s == "abc");
  CHECK(s.try_append("de"));
  CHECK(s == "abcde");
  CHECK_FALSE(s.try_append("", 1));
  CHECK(s.try_append(""));
  CHECK(s.try_append(0, 'x'));
  CHECK(s == "abcde");
}

TEST_CASE("String: append_truncating returns true exactly when it cut", "[string]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  String<5> s = "ab";
  CHECK_FALSE(s.append_truncating("cd"));  // fits: nothing cut
  CHECK(s == "abcd");
  CHECK(s.append_truncating("efgh"));  // only 'e' fits
  CHECK(s == "abcde");
  CHECK(s.full());
  CHECK(well_formed(s));
  CHECK(s.append_truncating("x"));  // nothing fits
  CHECK_FALSE(s.append_truncating(""));  // nothing to cut
  CHECK(s == "abcde");
  s = "a";
  CHECK_FALSE(s.append_truncating(2, '.'));
  CHECK(s.append_truncating(3, '!'));
  CHECK(s == "a..!!");
  CHECK_FALSE(s.append_truncating(0, '?'));
}

TEST_CASE("String: insert in every form, including aliasing sources", "[string]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  String<32> s = "ace";
  s.insert(1, "b");
  s.insert(3, "dX", 1);
  s.insert(5, "f"sv);
  s.insert(0, 2, '>');
  CHECK(s == ">>abcdef");
  s.insert(s.size(), "0123"sv, 1, 2);
  CHECK(s == ">>abcdef12");
  auto it = s.insert(s.begin() + 2, '[');
  CHECK(*it == '[');
  it = s.insert(s.cend(), 2, ']');
  CHECK(it == s.end() - 2);
  const char text[] = "xy";
  it = s.insert(s.begin(), text, text + 2);
  CHECK(it == s.begin());
  s.insert(s.begin(), {'(', ')'});
  CHECK(s == "()xy>>[abcdef12]]");
  // Sources inside the string: before, after and straddling the insert point.
  s = "0123456789";
  s.insert(5, s.data() + 1, 3);  // before: "123"
  CHECK(s == "0123412356789");
  s = "0123456789";
  s.insert(2, s.data() + 6, 3);  // after: "678"
  CHECK(s == "0167823456789");
  s = "0123456789";
  s.insert(5, s.data() + 3, 4);  // straddling: "3456"
  CHECK(s == "01234345656789");
  s = "abc";
  s.insert(1, s);  // whole self
  CHECK(s == "aabcbc");
  s = "abc";
  s.insert(s.begin() + 1, s.begin(), s.end());
  CHECK(s == "aabcbc");
  CHECK(well_formed(s));
}

TEST_CASE("String: insert errors and try_insert", "[string][error]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  String<5> s = "abc";
  HEAPLESS_CHECK_RAISES(out_of_range, s.insert(4, "x"));
  HEAPLESS_CHECK_RAISES(out_of_range, s.insert(4, 1, 'x'));
  HEAPLESS_CHECK_RAISES(length_error, s.insert(1, "xyz"));
  HEAPLESS_CHECK_RAISES(length_error, s.insert(1, 3, 'x'));
  HEAPLESS_CHECK_RAISES(length_error, s.insert(s.begin(), 3, 'x'));
  HEAPLESS_CHECK_RAISES(out_of_range, s.insert(0, "xy"sv, 3, 1));
  CHECK(s == "abc");
  CHECK_FALSE(s.try_insert(1, "xyz"));
  CHECK_FALSE(s.try_insert(1, 3, 'x'));
  CHECK(s == "abc");
  HEAPLESS_CHECK_RAISES(out_of_range, (void)s.try_insert(4, "x"));
  HEAPLESS_CHECK_RAISES(out_of_range, (void)s.try_insert(4, 1, 'x'));
  CHECK(s.try_insert(0, "xy"));
  CHECK(s == "xyabc");
  s = "abc";
  CHECK(s.try_insert(3, 2, '!'));
  CHECK(s == "abc!!");
  CHECK(s.try_insert(2, ""));
  CHECK(s == "abc!!");
}

TEST_CASE("String: erase in every form", "[string]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  String<15> s = "0123456789";
  s.erase(8);
  CHECK(s == "01234567");
  s.erase(1, 2);
  CHECK(s == "034567");
  s.erase(4, 100);
  CHECK(s == "0345");
  auto it = s.erase(s.begin() + 1);
  CHECK(*it == '4');
  CHECK(s == "045");
  it = s.erase(s.begin(), s.begin() + 2);
  CHECK(it == s.begin());
  CHECK(s == "5");
  s.erase(1);  // pos == size is fine
  s.erase();
  CHECK(s.empty());
  CHECK(well_formed(s));
  s = "abc";
  HEAPLESS_CHECK_RAISES(out_of_range, s.erase(4));
  CHECK(s == "abc");
  CHECK(heapless::erase(s, 'b') == 1);
  CHECK(s == "ac");
  CHECK(heapless::erase_if(s, [](char c) { return c == 'a' || c == 'c'; }) == 2);
  CHECK(s.empty());
}

TEST_CASE("String: replace in every form, including aliasing sources", "[string]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  String<32> s = "hello world";
  s.replace(0, 5, "HELLO");
  CHECK(s == "HELLO world");
  s.replace(6, 100, "there", 3);
  CHECK(s == "HELLO the");
  s.replace(5, 1, "__"sv);
  CHECK(s == "HELLO__the");
  s.replace(0, 0, 3, '*');
  CHECK(s == "***HELLO__the");
  s.replace(0, 3, "abcdef"sv, 3, 2);
  CHECK(s == "deHELLO__the");
  s.replace(s.begin(), s.begin() + 2, "x"sv);
  s.replace(s.begin(), s.begin() + 1, "yz", 1);
  s.replace(s.begin(), s.begin() + 1, "q");
  s.replace(s.end() - 3, s.end(), 2, '#');
  CHECK(s == "qHELLO__##");
  const char text[] = "[]";
  s.replace(s.begin() + 6, s.begin() + 8, text, text + 2);
  s.replace(s.begin(), s.begin(), {'<', '>'});
  CHECK(s == "<>qHELLO[]##");
  // Aliasing: shrinking, same size, growing with sources before/after/straddling.
  s = "0123456789";
  s.replace(2, 4, s.data() + 5, 2);
  CHECK(s == "01566789");
  s = "0123456789";
  s.replace(2, 2, s.data() + 1, 2);
  CHECK(s == "0112456789");
  s = "0123456789";
  s.replace(5, 1, s.data(), 3);  // before
  CHECK(s == "012340126789");
  s = "0123456789";
  s.replace(1, 1, s.data() + 7, 3);  // after
  CHECK(s == "078923456789");
  s = "0123456789";
  s.replace(3, 2, s.data() + 2, 5);  // straddling
  CHECK(s == "0122345656789");
  s = "abc";
  s.replace(0, 1, s);
  CHECK(s == "abcbc");
  CHECK(well_formed(s));
}

TEST_CASE("String: replace errors leave the string unchanged", "[string][error]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  String<5> s = "abcd";
  HEAPLESS_CHECK_RAISES(out_of_range, s.replace(5, 0, "x"));
  HEAPLESS_CHECK_RAISES(out_of_range, s.replace(5, 0, 1, 'x'));
  HEAPLESS_CHECK_RAISES(length_error, s.replace(0, 1, "xyz"));
  HEAPLESS_CHECK_RAISES(length_error, s.replace(0, 0, 2, 'x'));
  HEAPLESS_CHECK_RAISES(length_error, s.replace(s.begin(), s.begin(), "xy"sv));
  HEAPLESS_CHECK_RAISES(out_of_range, s.replace(0, 1, "xy"sv, 3, 1));
  CHECK(s == "abcd");
  s.replace(0, 1, "xy");  // exactly full
  CHECK(s == "xybcd");
  CHECK(s.full());
}

TEST_CASE("String: copy, swap and substr", "[string]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  const String<15> s = "0123456789";
  char out[8] = {};
  CHECK(s.copy(out, 3, 2) == 3);
  CHECK(std::string_view(out, 3) == "234");
  CHECK(s.copy(out, 100, 8) == 2);
  CHECK(s.copy(out, 1, 10) == 0);
  HEAPLESS_CHECK_RAISES(out_of_range, s.copy(out, 1, 11));
  const String<15> sub = s.substr(3, 4);
  CHECK(sub == "3456");
  CHECK(s.substr(7) == "789");
  CHECK(s.substr(10).empty());
  CHECK(s.substr() == s);
  static_assert(std::is_same_v<decltype(s.substr()), String<15>>);
  HEAPLESS_CHECK_RAISES(out_of_range, s.substr(11));
  String<15> a = "a";
  String<15> b = "bb";
  a.swap(b);
  CHECK(a == "bb");
  CHECK(b == "a");
  swap(a, b);
  CHECK(a == "a");
  CHECK(b == "bb");
}

// ---- [string.find] ---------------------------------------------------------------

TEST_CASE("String: find and rfind", "[string]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  const String<31> s = "abracadabra";
  constexpr auto npos = String<31>::npos;
  CHECK(s.find('a') == 0);
  CHECK(s.find('a', 1) == 3);
  CHECK(s.find('z') == npos);
  CHECK(s.find('a', 11) == npos);
  CHECK(s.find('a', 100) == npos);
  CHECK(s.find("bra") == 1);
  CHECK(s.find("bra", 2) == 8);
  CHECK(s.find("bra", 9) == npos);
  CHECK(s.find("abracadabra") == 0);
  CHECK(s.find("abracadabrab") == npos);
  CHECK(s.find("") == 0);
  CHECK(s.find("", 11) == 11);
  CHECK(s.find("", 12) == npos);
  CHECK(s.find("cad", 0, 2) == 4);
  CHECK(s.find(String<4>("dab")) == 6);
  CHECK(s.rfind('a') == 10);
  CHECK(s.rfind('a', 9) == 7);
  CHECK(s.rfind('a', 0) == 0);
  CHECK(s.rfind('z') == npos);
  CHECK(s.rfind("abra") == 7);
  CHECK(s.rfind("abra", 6) == 0);
  CHECK(s.rfind("") == 11);
  CHECK(s.rfind("", 3) == 3);
  CHECK(s.rfind("abracadabrax") == npos);
  CHECK(s.rfind("bra", npos, 2) == 8);
  CHECK(String<3>().find('a') == npos);
  CHECK(String<3>().rfind('a') == npos);
  CHECK(String<3>().find("") == 0);
  CHECK(String<3>().rfind("") == 0);
  CHECK(s.contains("cad"));
  CHECK(s.contains('d'));
  CHECK_FALSE(s.contains("dad"));
  CHECK_FALSE(s.contains('z'));
}

TEST_CASE("String: find_first_of / last_of / first_not_of / last_not_of", "[string]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  const String<31> s = "  key = value ;";
  constexpr auto npos = String<31>::npos;
  CHECK(s.find_first_of("=;") == 6);
  CHECK(s.find_first_of("=;", 7) == 14);
  CHECK(s.find_first_of('k') == 2);
  CHECK(s.find_first_of("XZ!") == npos);
  CHECK(s.find_first_of("") == npos);
  CHECK(s.find_first_of("=;", 0, 1) == 6);
  CHECK(s.find_last_of("ae") == 12);
  CHECK(s.find_last_of("ae", 11) == 9);
  CHECK(s.find_last_of('k') == 2);
  CHECK(s.find_last_of("") == npos);
  CHECK(s.find_last_of("k", 1) == npos);
  CHECK(s.find_first_not_of(' ') == 2);
  CHECK(s.find_first_not_of(" key") == 6);
  CHECK(s.find_first_not_of(" keyvalu=;") == npos);
  CHECK(s.find_first_not_of("", 3) == 3);
  CHECK(s.find_last_not_of(" ;") == 12);
  CHECK(s.find_last_not_of(';') == 13);
  CHECK(s.find_last_not_of(" ;", 5) == 4);
  CHECK(s.find_last_not_of(" ;keyvalu=") == npos);
  CHECK(s.find_last_not_of("") == 14);
  const String<3> e;
  CHECK(e.find_first_of("a") == npos);
  CHECK(e.find_last_of("a") == npos);
  CHECK(e.find_first_not_of("a") == npos);
  CHECK(e.find_last_not_of("a") == npos);
}

TEST_CASE("String: starts_with / ends_with", "[string]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  const String<15> s = "prefix-suffix";
  CHECK(s.starts_with("prefix"));
  CHECK(s.starts_with('p'));
  CHECK(s.starts_with(""));
  CHECK_FALSE(s.starts_with("suffix"));
  CHECK_FALSE(s.starts_with('s'));
  CHECK_FALSE(s.starts_with("prefix-suffix-longer"));
  CHECK(s.ends_with("suffix"));
  CHECK(s.ends_with('x'));
  CHECK(s.ends_with(""));
  CHECK_FALSE(s.ends_with("prefix"));
  CHECK_FALSE(s.ends_with('p'));
  const String<3> e;
  CHECK_FALSE(e.starts_with('a'));
  CHECK_FALSE(e.ends_with('a'));
  CHECK(e.starts_with(""));
}

// ---- [string.cmp] -----------------------------------------------------------------

TEST_CASE("String: append of 0 to 20 chars at every starting size, up to and past capacity", "[string]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  const char* const text = "0123456789abcdefghijklmnopqrstuvwxyz";
  for (std::size_t start = 0; start <= 24; ++start) {
    for (std::size_t n = 0; n <= 20; ++n) {
      String<24> s(24 - start, '.');
      s.resize(start, '.');
      const bool fits = start + n <= 24;
      CHECK(s.try_append(text, n) == fits);
      if (fits) {
        s = String<24>(start, '.');
        s.append(text, n);
        CHECK(s.size() == start + n);
        CHECK(s.view().substr(start) == std::string_view(text, n));
        CHECK(s.c_str()[start + n] == '\0');
      } else {
        CHECK(s.size() == start);
        HEAPLESS_CHECK_RAISES(length_error, s.append(text, n));
      }
    }
  }
  // A source inside the string itself, overlapping the destination.
  String<40> self("0123456789abcdefghij");
  self.append(self.data() + 4, 12);
  CHECK(self == "0123456789abcdefghij456789abcdef");
}

TEST_CASE("String: == of equal capacity at every length, a difference at every position", "[string]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  // Lengths around the inline 16..32 char path and the memcmp path.
  const char* const text = "0123456789abcdefghijklmnopqrstuvwxyzABCDEF";
  for (std::size_t n = 0; n <= 40; ++n) {
    const String<40> a(text, n);
    String<40> b(text, n);
    CHECK(a == b);
    CHECK_FALSE(a != b);
    for (std::size_t i = 0; i < n; ++i) {
      b[i] = '#';
      CHECK_FALSE(a == b);
      b[i] = text[i];
    }
    CHECK(a == b);
    if (n > 0) CHECK_FALSE(a == String<40>(text, n - 1));
  }
}

TEST_CASE("String: compare and every comparison operator, on either side", "[string]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  const String<15> abc = "abc";
  const String<31> abd = "abd";
  const String<3> ab = "ab";
  const std::string_view v = "abc";
  const char* p = "abc";
  CHECK(abc.compare(abd) < 0);
  CHECK(abc.compare("abc") == 0);
  CHECK(abc.compare(ab) > 0);
  CHECK(abc.compare(1, 2, "bc") == 0);
  CHECK(abc.compare(1, 5, "bcd", 2) == 0);
  CHECK(abc.compare(0, 1, "xax"sv, 1, 1) == 0);
  HEAPLESS_CHECK_RAISES(out_of_range, abc.compare(4, 1, "x"));
  HEAPLESS_CHECK_RAISES(out_of_range, abc.compare(0, 1, "x"sv, 2, 1));
  // Unsigned char ordering, as std::char_traits<char>.
  CHECK(String<3>("\x80").compare("\x7f") > 0);
  CHECK(String<3>("a\0b"sv).compare("a\0c"sv) < 0);

  CHECK(abc == abc);
  CHECK(abc == v);
  CHECK(v == abc);
  CHECK(abc == p);
  CHECK(p == abc);
  CHECK(abc == "abc");
  CHECK("abc" == abc);
  CHECK(abc != abd);
  CHECK(abc != "abd");
  CHECK("abd" != abc);
  CHECK(abc != "ab"sv);
  CHECK("ab"sv != abc);
  CHECK(abc != ab);
  CHECK(abc < abd);
  CHECK(abc <= abd);
  CHECK(abd > abc);
  CHECK(abd >= abc);
  CHECK(ab < abc);
  CHECK(abc < "abd");
  CHECK("abb" < abc);
  CHECK(abc <= "abc");
  CHECK("abc" <= abc);
  CHECK(abc > "ab");
  CHECK("abd" > abc);
  CHECK(abc >= "abc");
  CHECK("abc" >= abc);
  CHECK(abc < "abd"sv);
  CHECK("abb"sv < abc);
  CHECK(abc <= v);
  CHECK(v <= abc);
  CHECK(abc > "ab"sv);
  CHECK("abd"sv > abc);
  CHECK(abc >= v);
  CHECK(v >= abc);
  CHECK_FALSE(abc < abc);
  CHECK_FALSE(abc > abc);
#if HEAPLESS_HAS_THREE_WAY
  const bool lt = (abc <=> abd) < 0;
  const bool eq = (abc <=> "abc") == 0;
  const bool gt = ("abd" <=> abc) > 0;
  const bool eq_view = (v <=> abc) == 0;
  CHECK(lt);
  CHECK(eq);
  CHECK(gt);
  CHECK(eq_view);
  static_assert(std::is_same_v<decltype(abc <=> abd), std::strong_ordering>);
#endif
}

// ---- Concatenation, hashing, conversion ----------------------------------------

TEST_CASE("String: operator+ sums capacities and never fails", "[string]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  const String<5> a = "hello";
  const String<6> b = " world";
  const auto ab = a + b;
  CHECK(ab == "hello world");
  CHECK(ab.full());
  CHECK((a + "!") == "hello!");
  CHECK(("<" + a) == "<hello");
  CHECK((a + '?') == "hello?");
  CHECK(('>' + a) == ">hello");
  CHECK((String<0>() + String<0>()).empty());
}

TEST_CASE("String: std::hash agrees with std::hash<std::string_view>", "[string]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  const String<15> s = "key";
  CHECK(std::hash<String<15>>{}(s) == std::hash<std::string_view>{}("key"));
  CHECK(std::hash<String<31>>{}(String<31>("key")) == std::hash<String<15>>{}(s));
  CHECK(std::hash<String<15>>{}(String<15>()) == std::hash<std::string_view>{}(""));
}

TEST_CASE("String: the free-capacity byte tracks every length", "[string]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  String<255> s;
  for (std::size_t i = 0; i < 255; ++i) {
    CHECK(s.size() == i);
    s.push_back(static_cast<char>('a' + i % 26));
  }
  CHECK(s.full());
  CHECK(std::strlen(s.c_str()) == 255);
  CHECK(well_formed(s));
  String<300> big;
  for (std::size_t i = 0; i < 300; ++i) big.push_back('x');
  CHECK(big.full());
  CHECK(std::strlen(big.c_str()) == 300);
  HEAPLESS_CHECK_RAISES(length_error, big.push_back('x'));
  big.erase(100);
  CHECK(big.size() == 100);
  CHECK(well_formed(big));
}

TEST_CASE("String: trivially copyable: memcpy is a valid copy", "[string]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  const String<15> a = "dma me";
  String<15> b;
  std::memcpy(static_cast<void*>(&b), &a, sizeof a);
  CHECK(b == "dma me");
  CHECK(well_formed(b));
}

TEST_CASE("String: a corrupted free-capacity byte reads as empty, never out of bounds", "[string]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  // Bytes received by memcpy/DMA: a last byte above N means size() == 0.
  auto with_last_byte = [](const char* text, unsigned char last) {
    String<15> s = text;
    unsigned char raw[sizeof s];
    std::memcpy(raw, &s, sizeof s);
    raw[15] = last;
    std::memcpy(static_cast<void*>(&s), raw, sizeof s);
    return s;
  };
  const String<15> junk_a = with_last_byte("", 200);
  const String<15> junk_b = with_last_byte("", 16);
  const String<15> empty;
  const String<15> abc = "abc";
  CHECK(junk_a.size() == 0);
  CHECK(junk_b.size() == 0);
  // Same capacity: == compares the stored bytes first; different bytes that
  // both mean "empty" are still equal, and equal strings stay equal.
  CHECK(junk_a == junk_b);
  CHECK(junk_a == empty);
  CHECK(empty == junk_b);
  CHECK_FALSE(junk_a == abc);
  CHECK_FALSE(abc == junk_b);
  CHECK(junk_a.compare(empty) == 0);
  CHECK(junk_a == std::string_view());
  CHECK(abc == with_last_byte("abc", 12));
  CHECK_FALSE(abc == with_last_byte("abd", 12));
  CHECK(abc != String<15>("ab"));
  // push_back and try_push_back on such a string start from empty.
  String<15> grown = with_last_byte("xyz", 200);
  grown.push_back('q');
  CHECK(grown == "q");
  String<15> tried = with_last_byte("xyz", 16);
  CHECK(tried.try_push_back('r'));
  CHECK(tried == "r");
  CHECK(tried.c_str()[1] == '\0');
}

namespace {

// A single-pass iterator: String must not rely on multi-pass for it.
using input_chars = heapless::test::input_iterator<char>;

// Prints like an ostream without <ostream>.
struct text_sink {
  char buf[32] = {};
  std::size_t len = 0;
};
text_sink& operator<<(text_sink& sink, std::string_view v) {
  for (char c : v)
    if (sink.len + 1 < sizeof sink.buf) sink.buf[sink.len++] = c;
  return sink;
}

}  // namespace

TEST_CASE("String: input, forward and random-access iterator ranges", "[string]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  static const char text[] = "abcdef";
  const String<8> a(input_chars{text}, input_chars{text + 6});
  CHECK(a == "abcdef");
  String<8> b = "xy";
  b.append(input_chars{text}, input_chars{text + 3});
  CHECK(b == "xyabc");
  // The strong guarantee with a single-pass range: nothing changes on overflow.
  HEAPLESS_CHECK_RAISES(length_error, b.append(input_chars{text}, input_chars{text + 6}));
  CHECK(b == "xyabc");
  HEAPLESS_CHECK_RAISES(length_error, String<3>(input_chars{text}, input_chars{text + 6}));
  const std::reverse_iterator<const char*> rfirst(text + 6);
  const std::reverse_iterator<const char*> rlast(text);
  const String<8> r(rfirst, rlast);  // random access, not a pointer
  CHECK(r == "fedcba");
  String<8> c;
  c.assign(input_chars{text + 2}, input_chars{text + 4});
  CHECK(c == "cd");
  c.insert(c.begin() + 1, input_chars{text}, input_chars{text + 2});
  CHECK(c == "cabd");
  c.replace(c.begin(), c.end(), rfirst, rfirst + 3);
  CHECK(c == "fed");
  HEAPLESS_CHECK_RAISES(length_error, c.insert(c.begin(), rfirst, rlast));
  CHECK(c == "fed");
}

namespace {

// Every member that reads a (pointer, count) or an iterator range, given a
// source inside the string itself that includes the terminating NUL (the
// view c_str()[0, size()], which is readable): the result is what a copy of
// the source would give. Run for the small (N < 256) and large layouts, and
// for a result that fills the string (its last byte is then the NUL).
template <std::size_t N>
struct self_source_case {
  using S = String<N>;
  // Holds exactly `expect` (NULs included) and is well formed.
  static bool holds(const S& s, std::string_view expect) {
    return well_formed(s) && std::string_view(s.data(), s.size()) == expect;
  }
  static std::string_view with_nul(const S& s) { return std::string_view(s.c_str(), s.size() + 1); }

  static void run() {
    using namespace std::string_view_literals;
    using forward_chars = heapless::test::forward_iterator<char>;
    using input_chars_ = heapless::test::input_iterator<char>;
    S s = "abc";
    // insert(pos, s, n) and the forms built on it
    s.insert(0, s.c_str(), s.size() + 1);
    CHECK(holds(s, "abc\0abc"sv));
    s = "abc";
    s.insert(1, s.c_str(), 4);
    CHECK(holds(s, "aabc\0bc"sv));
    s = "abc";
    s.insert(3, s.c_str(), 4);
    CHECK(holds(s, "abcabc\0"sv));
    s = "abc";
    s.insert(2, s.c_str() + 1, 3);
    CHECK(holds(s, "abbc\0c"sv));
    s = "abc";
    s.insert(1, with_nul(s));
    CHECK(holds(s, "aabc\0bc"sv));
    s = "abc";
    CHECK(s.try_insert(0, with_nul(s)));
    CHECK(holds(s, "abc\0abc"sv));
    s = "abc";
    s.insert(s.begin() + 1, s.c_str(), s.c_str() + 4);
    CHECK(holds(s, "aabc\0bc"sv));
    s = "abc";
    s.insert(s.begin(), forward_chars{s.c_str()}, forward_chars{s.c_str() + 4});
    CHECK(holds(s, "abc\0abc"sv));
    // append and its forms
    s = "abc";
    s.append(s.c_str(), s.size() + 1);
    CHECK(holds(s, "abcabc\0"sv));
    s = "abc";
    s.append(s.c_str() + 1, 3);
    CHECK(holds(s, "abcbc\0"sv));
    s = "abc";
    s.append(s.c_str() + 3, 1);  // the NUL alone
    CHECK(holds(s, "abc\0"sv));
    s = "abc";
    s.append(with_nul(s));
    CHECK(holds(s, "abcabc\0"sv));
    s = "abc";
    s += with_nul(s);
    CHECK(holds(s, "abcabc\0"sv));
    s = "abc";
    CHECK(s.try_append(s.c_str(), 4));
    CHECK(holds(s, "abcabc\0"sv));
    s = "abc";
    CHECK(s.try_append(with_nul(s)));
    CHECK(holds(s, "abcabc\0"sv));
    s = "abc";
    s.unchecked_append(s.c_str(), 4);
    CHECK(holds(s, "abcabc\0"sv));
    s = "abc";
    CHECK_FALSE(s.append_truncating(with_nul(s)));
    CHECK(holds(s, "abcabc\0"sv));
    s = "abc";
    s.append(s.c_str(), s.c_str() + 4);
    CHECK(holds(s, "abcabc\0"sv));
    s = "abc";
    s.append(forward_chars{s.c_str()}, forward_chars{s.c_str() + 4});
    CHECK(holds(s, "abcabc\0"sv));
    s = "abc";
    s.append(input_chars_{s.c_str() + 2}, input_chars_{s.c_str() + 4});
    CHECK(holds(s, "abcc\0"sv));
    // replace, growing and shrinking, by position and by iterators
    s = "abc";
    s.replace(1, 1, s.c_str(), 4);
    CHECK(holds(s, "aabc\0c"sv));
    s = "abc";
    s.replace(0, 3, s.c_str(), 4);
    CHECK(holds(s, "abc\0"sv));
    s = "abc";
    s.replace(0, 1, s.c_str() + 1, 3);
    CHECK(holds(s, "bc\0bc"sv));
    s = "abc";
    s.replace(0, 3, s.c_str() + 2, 2);
    CHECK(holds(s, "c\0"sv));
    s = "abc";
    s.replace(2, 1, with_nul(s));
    CHECK(holds(s, "ababc\0"sv));
    s = "abc";
    s.replace(s.begin(), s.begin() + 1, s.c_str(), 4);
    CHECK(holds(s, "abc\0bc"sv));
    s = "abc";
    s.replace(s.begin() + 1, s.end(), with_nul(s));
    CHECK(holds(s, "aabc\0"sv));
    s = "abc";
    s.replace(s.begin() + 1, s.end(), forward_chars{s.c_str()}, forward_chars{s.c_str() + 4});
    CHECK(holds(s, "aabc\0"sv));
    // assign
    s = "abc";
    s.assign(s.c_str(), 4);
    CHECK(holds(s, "abc\0"sv));
    s = "abc";
    s.assign(s.c_str() + 1, 3);
    CHECK(holds(s, "bc\0"sv));
    s = "abc";
    CHECK(s.try_assign(with_nul(s)));
    CHECK(holds(s, "abc\0"sv));
    s = "abc";
    s.assign(s.c_str(), s.c_str() + 4);
    CHECK(holds(s, "abc\0"sv));
    // copy into the string itself
    s = "abc";
    CHECK(s.copy(s.data() + 1, 2) == 2);
    CHECK(holds(s, "aab"sv));
    s = "abc";
    CHECK(s.copy(s.data(), 2, 1) == 2);
    CHECK(holds(s, "bcc"sv));
  }
};

}  // namespace

TEST_CASE("String: sources inside the string, terminating NUL included", "[string]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  self_source_case<7>::run();  // the longest results fill it: the NUL is the last byte
  self_source_case<15>::run();
  self_source_case<300>::run();
}

TEST_CASE("String: operator<< prints to any stream-like type", "[string]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  text_sink sink;
  const String<8> s = "printed";
  sink << s;
  CHECK(std::string_view(sink.buf, sink.len) == "printed");
}

namespace {
template <std::size_t N>
void check_push_to_full() {
  String<N> s;
  char expect[N + 1] = {};
  for (std::size_t i = 0; i < N; ++i) {
    const char c = static_cast<char>('a' + static_cast<int>(i % 26));
    REQUIRE(s.try_push_back(c));
    expect[i] = c;
    REQUIRE(s.size() == i + 1);
    REQUIRE(s.c_str()[i + 1] == '\0');
    REQUIRE(std::string_view(s.c_str()) == std::string_view(expect, i + 1));
  }
  CHECK(s.full());
  CHECK_FALSE(s.try_push_back('z'));
  CHECK(s.size() == N);
  CHECK(std::string_view(s.data(), s.size()) == std::string_view(expect, N));
  s.pop_back();
  CHECK(s.try_push_back('#'));
  CHECK(s.back() == '#');
  CHECK(s.c_str()[N] == '\0');
}
}  // namespace

TEST_CASE("String: push_back fills every capacity up to N, then refuses", "[string]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  check_push_to_full<1>();
  check_push_to_full<2>();
  check_push_to_full<3>();
  check_push_to_full<15>();
  check_push_to_full<16>();
  check_push_to_full<17>();
  check_push_to_full<63>();
  check_push_to_full<64>();
  check_push_to_full<65>();
  check_push_to_full<128>();
  check_push_to_full<129>();
  check_push_to_full<200>();
  check_push_to_full<255>();
  check_push_to_full<256>();
}
