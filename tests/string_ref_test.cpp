// string_ref_test.cpp - heapless::StringRef: one non-template function
// writes into Strings of any capacity. Every member is run through the view
// and on a second String directly (differential against the owner), over
// every length encoding: the free-capacity byte (N < 256, including N = 0
// and N = 255), two-byte lengths (256 <= N < 65536) and four-byte lengths;
// sources that alias the String; errors and format_to.
#include "support/rng.hpp"
#include "support/test.hpp"

#include <cstdint>      // std::uint64_t
#include <iterator>     // std::back_inserter
#include <string_view>  // std::string_view

#include <heapless/format.hpp>
#include <heapless/string.hpp>

using heapless::String;
using heapless::StringRef;

namespace {

// Plain functions: compiled once, used for every N.
void log_line(StringRef out, int code) { heapless::format_to(out, "err={} ", code); }
bool add_word(StringRef out, std::string_view w) { return out.try_append(w); }

constexpr char alphabet[] = "abcab\0x";

template <std::size_t N>
bool same(const String<N>& a, const String<N>& b) {
  return a == b && a.size() == b.size() && a.c_str()[a.size()] == '\0' && b.c_str()[b.size()] == '\0';
}

// Runs the same random operations on `owner` directly and on `viewed`
// through a StringRef; after each step both hold the same string.
template <std::size_t N>
bool differential(String<N>& owner, String<N>& viewed, std::uint64_t seed, int steps) {
  heapless::test::rng g{seed};
  StringRef r = viewed;
  char src[40];
  for (int step = 0; step < steps; ++step) {
    const std::size_t n = g.below(sizeof src);
    for (std::size_t i = 0; i < n; ++i) src[i] = alphabet[g.below(sizeof alphabet - 1)];
    std::string_view sv(src, n);
    const std::size_t len = owner.size();
    const std::size_t pos = g.below(len + 1);
    const std::size_t count = g.below(len + 2);
    if (r.size() != len || r.capacity() != N || r.available() != N - len) return false;
    switch (g.below(13)) {
      case 0: {
        const bool a = owner.try_push_back(src[0]);
        if (r.try_push_back(src[0]) != a) return false;
        break;
      }
      case 1: {
        const bool a = owner.try_append(sv);
        if (r.try_append(sv) != a) return false;
        break;
      }
      case 2:
        if (owner.append_truncating(sv) != r.append_truncating(sv)) return false;
        break;
      case 3:
        if (len + n <= N) {
          owner.append(sv);
          r.append(sv);
        }
        break;
      case 4:
        if (len != 0) {
          owner.pop_back();
          r.pop_back();
        }
        break;
      case 5:
        owner.erase(pos, count);
        r.erase(pos, count);
        break;
      case 6:
        if (len - (count < len - pos ? count : len - pos) + n <= N) {
          owner.replace(pos, count, sv);
          r.replace(pos, count, sv);
        }
        break;
      case 7: {
        const bool a = owner.try_insert(pos, sv);
        if (r.try_insert(pos, sv) != a) return false;
        break;
      }
      case 8: {
        // A source inside the String itself (aliasing), including the NUL.
        const std::size_t from = g.below(len + 1);
        const std::size_t k = g.below(len + 2 - from);
        if (len + k <= N) {
          owner.insert(pos, owner.data() + from, k);
          r.insert(pos, std::string_view(viewed.data() + from, k));
        }
        break;
      }
      case 9: {
        const std::size_t to = g.below(N + 1);
        owner.resize(to, src[0]);
        r.resize(to, src[0]);
        break;
      }
      case 10:
        if (n <= N) {
          owner.assign(sv);
          r.assign(sv);
        }
        break;
      case 11: {
        const std::size_t k = g.below(4);
        if (len - (count < len - pos ? count : len - pos) + k <= N) {
          owner.replace(pos, count, k, 'z');
          r.replace(pos, count, k, 'z');
        }
        break;
      }
      default:
        if (g.below(8) == 0) {
          owner.clear();
          r.clear();
        }
        break;
    }
    if (!same(owner, viewed)) return false;
    if (r.view() != std::string_view(owner)) return false;
    const std::string_view needle(src, n < 3 ? n : 3);
    if (r.find(needle, pos) != owner.find(needle, pos) || r.rfind(needle, pos) != owner.rfind(needle, pos) ||
        r.find_first_of(needle, pos) != owner.find_first_of(needle, pos) ||
        r.find_last_not_of(needle, pos) != owner.find_last_not_of(needle, pos)) {
      return false;
    }
  }
  return true;
}

template <std::size_t N>
void check_encoding(String<N>& owner, String<N>& viewed) {
  CHECK(differential(owner, viewed, 0x9E3779B97F4A7C15ULL + N, 3000));
}

}  // namespace

TEST_CASE("StringRef: differential against the owner, every length encoding", "[string][string_ref]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  {
    String<0> a, b;
    check_encoding(a, b);
  }
  {
    String<1> a, b;
    check_encoding(a, b);
  }
  {
    String<15> a, b;
    check_encoding(a, b);
  }
  {
    String<100> a, b;
    check_encoding(a, b);
  }
  {
    String<255> a, b;
    check_encoding(a, b);
  }
  {
    static String<256> a, b;
    check_encoding(a, b);
  }
  {
    static String<700> a, b;
    check_encoding(a, b);
  }
#if !(defined(__ARM_ARCH_PROFILE) && __ARM_ARCH_PROFILE == 'M')  // 2 x 64 KiB: not on a microcontroller
  {
    static String<65536> a, b;  // four-byte length
    static_assert(sizeof(heapless::detail::smallest_size_t<65536>) == 4);
    check_encoding(a, b);
  }
#endif
}

TEST_CASE("StringRef: one plain function formats into Strings of any capacity", "[string][string_ref]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  String<15> small;
  static String<300> large;
  String<4> tiny = "ab";
  log_line(small, 42);
  log_line(large, -7);
  CHECK(small == "err=42 ");
  CHECK(large == "err=-7 ");
  HEAPLESS_CHECK_RAISES(length_error, log_line(tiny, 1));
  CHECK(tiny == "ab");  // all or nothing, as into the String itself
  StringRef r = small;
  CHECK(heapless::try_format_to(r, "{}", 12345678) == true);
  CHECK(small == "err=42 12345678");
  CHECK(small.full());
  CHECK(heapless::try_format_to(r, "x") == false);
  CHECK(heapless::format_to_truncating(r, "y") == true);
  CHECK(add_word(large, "word"));
  CHECK(!add_word(tiny, "word"));
  CHECK(large == "err=-7 word");
  StringRef lr = large;
  heapless::format_to(lr, HEAPLESS_FMT("{:>4}|"), 5);
  CHECK(large == "err=-7 word   5|");
  // A view built in the call is a target too, for every function.
  String<8> t;
  CHECK(heapless::try_format_to(StringRef(t), "{}", 12));
  CHECK(heapless::try_format_to(StringRef(t), HEAPLESS_FMT("{}"), 34));
  CHECK(!heapless::try_format_to(StringRef(t), "{}", 56789));
  CHECK(t == "1234");
  CHECK(heapless::format_to_truncating(StringRef(t), "{}", 56789));
  CHECK(t == "12345678");
  t.clear();
  CHECK(!heapless::format_to_truncating(StringRef(t), HEAPLESS_FMT("{}"), 9));
  heapless::format_to(StringRef(t), "{}", 0);
  CHECK(t == "90");
}

TEST_CASE("StringRef: access, search and errors", "[string][string_ref]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  String<8> s = "hello";
  StringRef r = s;
  const StringRef& c = r;
  CHECK(r.size() == 5);
  CHECK(r.length() == 5);
  CHECK(r.max_size() == 8);
  CHECK(!r.empty());
  CHECK(!r.full());
  CHECK(r.data() == s.data());
  CHECK(c.data() == s.data());
  CHECK(std::string_view(r.c_str()) == "hello");
  CHECK(r[1] == 'e');
  CHECK(c[5] == '\0');
  CHECK(r.at(4) == 'o');
  CHECK(c.at(0) == 'h');
  CHECK(r.front() == 'h');
  CHECK(r.back() == 'o');
  CHECK(r.end() - r.begin() == 5);
  CHECK(c.cend() - c.cbegin() == 5);
  CHECK(c.end() - c.begin() == 5);
  CHECK(r.find("ll") == 2);
  CHECK(r.find('o') == 4);
  CHECK(r.find('z') == StringRef::npos);
  CHECK(r.find("l", 3) == 3);
  CHECK(r.rfind("l") == 3);
  CHECK(r.rfind('l', 2) == 2);
  CHECK(r.find_first_of("lo") == 2);
  CHECK(r.find_last_of("hl") == 3);
  CHECK(r.find_first_not_of("he") == 2);
  CHECK(r.find_last_not_of("o") == 3);
  CHECK(r.contains("ell"));
  CHECK(r.contains('h'));
  CHECK(!r.contains("hello!"));
  CHECK(r.starts_with("he"));
  CHECK(r.ends_with("lo"));
  CHECK(!r.ends_with("hello!"));
  CHECK(r.compare("hellp") < 0);
  CHECK(r == "hello");
  CHECK(r != "hell");
  HEAPLESS_CHECK_RAISES(out_of_range, r.at(5));
  HEAPLESS_CHECK_RAISES(out_of_range, c.at(5));
  HEAPLESS_CHECK_RAISES(out_of_range, r.erase(6));
  HEAPLESS_CHECK_RAISES(out_of_range, r.insert(6, "x"));
  HEAPLESS_CHECK_RAISES(out_of_range, (void)r.try_insert(6, "x"));
  HEAPLESS_CHECK_RAISES(length_error, r.append("long"));
  HEAPLESS_CHECK_RAISES(length_error, r.append(4, 'x'));
  HEAPLESS_CHECK_RAISES(length_error, r.insert(0, "long"));
  HEAPLESS_CHECK_RAISES(length_error, r.replace(0, 1, 5, 'x'));
  HEAPLESS_CHECK_RAISES(length_error, r.assign("123456789"));
  HEAPLESS_CHECK_RAISES(length_error, r.resize(9));
  HEAPLESS_CHECK_RAISES(length_error, r.resize_and_overwrite(9, [](char*, std::size_t n) { return n; }));
  HEAPLESS_CHECK_RAISES(length_error, r.resize_and_overwrite(3, [](char*, std::size_t) { return 4; }));
  HEAPLESS_CHECK_RAISES(length_error, r.resize_and_overwrite(3, [](char*, std::size_t) { return -1; }));
  CHECK(s == "hello");  // every failed call left it unchanged
  r += '!';
  r += "ab";
  r += std::string_view("");
  CHECK(s == "hello!ab");
  CHECK(r.full());
  HEAPLESS_CHECK_RAISES(length_error, r.push_back('x'));
  CHECK(!r.try_append(1, 'x'));
  CHECK(!r.try_assign("123456789"));
  CHECK(r.try_assign("12"));
  CHECK(r.try_append(2, 'x'));
  r.unchecked_push_back('y');
  r.unchecked_append("z");
  CHECK(s == "12xxyz");
  r = "abc";
  r.resize(5);
  CHECK(s.size() == 5);
  r.resize_and_overwrite(8, [](char* p, std::size_t) {
    p[5] = 'd';
    return 6;
  });
  CHECK(std::string_view(s.data(), 6) == std::string_view("abc\0\0d", 6));
  r.append(2, 'e');
  r.erase(1, 2);
  r.insert(0, 1, '>');
  CHECK(std::string_view(s) == std::string_view(">a\0\0dee", 7));
  r.erase();
  CHECK(s.empty());
  CHECK(r.empty());
}

TEST_CASE("StringRef: sources inside the String (aliasing)", "[string][string_ref]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  String<20> s = "abcdef";
  StringRef r = s;
  r.append(std::string_view(s.c_str(), s.size()));  // itself
  CHECK(s == "abcdefabcdef");
  r.insert(2, std::string_view(s.data() + 1, 3));  // overlaps the gap
  CHECK(s == "abbcdcdefabcdef");
  r.replace(0, 3, std::string_view(s.data() + 10, 5));
  CHECK(s == "bcdefcdcdefabcdef");
  r.assign(std::string_view(s.data() + 5, 4));
  CHECK(s == "cdcd");
  r.insert(0, std::string_view(s.c_str(), s.size() + 1));  // with its NUL
  CHECK(std::string_view(s) == std::string_view("cdcd\0cdcd", 9));
}

namespace {

// The members String has beside the ones above (iterator positions, ranges,
// substrings, String<M> arguments): the same random operations on `owner`
// directly and on `viewed` through a StringRef.
template <std::size_t N>
bool differential_rest(String<N>& owner, String<N>& viewed, std::uint64_t seed, int steps) {
  heapless::test::rng g{seed};
  StringRef r = viewed;
  char src[24];
  for (int step = 0; step < steps; ++step) {
    const std::size_t n = g.below(sizeof src);
    for (std::size_t i = 0; i < n; ++i) src[i] = alphabet[g.below(sizeof alphabet - 1)];
    const std::string_view sv(src, n);
    const std::size_t len = owner.size();
    const std::size_t pos = g.below(len + 1);
    const std::size_t count = g.below(len + 1 - pos);  // [pos, pos + count) inside the text
    const auto room = [&](std::size_t removed, std::size_t added) { return len - removed + added <= N; };
    switch (g.below(16)) {
      case 0:
        if (room(0, 1)) {
          const auto a = owner.insert(owner.begin() + pos, src[0]) - owner.begin();
          if (r.insert(r.begin() + pos, src[0]) - r.begin() != a) return false;
        }
        break;
      case 1:
        if (room(0, n)) {
          const auto a = owner.insert(owner.cbegin() + pos, n, 'q') - owner.begin();
          if (r.insert(r.cbegin() + pos, n, 'q') - r.begin() != a) return false;
        }
        break;
      case 2: {  // a range of the String's own text, through reverse iterators (not char pointers)
        const std::size_t from = g.below(len + 1);
        const std::size_t k = g.below(len + 1 - from);
        if (room(0, k) && k <= N - len) {
          String<N> copy = owner;  // String reads its range first: the same text
          owner.insert(owner.begin() + pos, copy.rbegin() + static_cast<std::ptrdiff_t>(len - from - k),
                       copy.rbegin() + static_cast<std::ptrdiff_t>(len - from));
          r.insert(r.begin() + pos, r.rbegin() + static_cast<std::ptrdiff_t>(len - from - k),
                   r.rbegin() + static_cast<std::ptrdiff_t>(len - from));
        }
        break;
      }
      case 3:
        if (len != 0 && pos < len) {
          const auto a = owner.erase(owner.begin() + pos) - owner.begin();
          if (r.erase(r.begin() + pos) - r.begin() != a) return false;
        }
        break;
      case 4: {
        const auto a = owner.erase(owner.cbegin() + pos, owner.cbegin() + pos + count) - owner.begin();
        if (r.erase(r.cbegin() + pos, r.cbegin() + pos + count) - r.begin() != a) return false;
        break;
      }
      case 5:
        if (room(count, n)) {
          owner.replace(owner.begin() + pos, owner.begin() + pos + count, sv);
          r.replace(r.begin() + pos, r.begin() + pos + count, sv);
        }
        break;
      case 6:
        if (room(count, 2)) {
          owner.replace(owner.cbegin() + pos, owner.cbegin() + pos + count, 2, 'z');
          r.replace(r.cbegin() + pos, r.cbegin() + pos + count, 2, 'z');
        }
        break;
      case 7: {  // a range of other iterators, from outside the String
        const std::string_view other = "xyz0123";
        const auto k = 1 + g.below(other.size());
        if (room(count, k)) {
          String<8> o(other.substr(0, k));
          owner.replace(owner.begin() + pos, owner.begin() + pos + count, o.rbegin(), o.rend());
          r.replace(r.begin() + pos, r.begin() + pos + count, o.rbegin(), o.rend());
        }
        break;
      }
      case 8:
        if (room(count, n)) {
          owner.replace(owner.begin() + pos, owner.begin() + pos + count, src, src + n);  // char pointers
          r.replace(r.begin() + pos, r.begin() + pos + count, src, src + n);
        }
        break;
      case 9:
        if (room(0, n)) {
          owner.append(sv.begin(), sv.end());
          r.append(sv.begin(), sv.end());
        }
        break;
      case 10: {  // the String's own text, reversed, replaces it (it is read behind the text)
        if (len > N - len) break;
        String<N> copy = owner;
        owner.assign(copy.rbegin(), copy.rend());
        r.assign(r.rbegin(), r.rend());
        break;
      }
      case 11: {
        const String<7> small(sv.substr(0, n < 7 ? n : 7));
        if (small.size() <= N) {
          owner = small;
          r = small;  // assigns the text, does not rebind the view
        }
        break;
      }
      case 12:
        if (room(0, n)) {
          owner.insert(pos, sv, 0, n);
          r.insert(pos, sv, 0, n);
        }
        break;
      case 13: {
        const std::size_t k = g.below(4);
        const bool a = owner.try_insert(pos, k, 'k');
        if (r.try_insert(pos, k, 'k') != a) return false;
        break;
      }
      case 14:
        if (owner.append_truncating(3, 't') != r.append_truncating(3, 't')) return false;
        break;
      default: {
        char a[8] = {}, b[8] = {};
        if (owner.copy(a, 7, pos) != r.copy(b, 7, pos)) return false;
        if (std::string_view(a) != std::string_view(b)) return false;
        break;
      }
    }
    if (!same(owner, viewed)) return false;
    const char c = src[0];
    const std::size_t now = owner.size();
    const std::size_t at = pos < now ? pos : now;
    const std::size_t span = count < now - at ? count : now - at;
    if (r.find_first_not_of(c, at) != owner.find_first_not_of(c, at) ||
        r.find_last_not_of(c, at) != owner.find_last_not_of(c, at) ||
        r.find_first_of(c, at) != owner.find_first_of(c, at) || r.find_last_of(c, at) != owner.find_last_of(c, at) ||
        r.find(src, at, n) != owner.find(src, at, n) || r.rfind(src, at, n) != owner.rfind(src, at, n) ||
        r.starts_with(c) != owner.starts_with(c) || r.ends_with(c) != owner.ends_with(c) ||
        (r.compare(at, span, sv) < 0) != (owner.compare(at, span, sv) < 0) ||
        (r.compare(owner) != 0) || (r.compare(0, now, src, n) == 0) != (owner.compare(0, now, src, n) == 0)) {
      return false;
    }
  }
  return true;
}

template <std::size_t N>
void check_rest(String<N>& owner, String<N>& viewed) {
  owner.clear();
  viewed.clear();
  CHECK(differential_rest(owner, viewed, 0xD1B54A32D192ED03ULL + N, 3000));
}

}  // namespace

TEST_CASE("StringRef: String's iterator, range and String<M> members, every length encoding", "[string][string_ref]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  {
    String<1> a, b;
    check_rest(a, b);
  }
  {
    String<15> a, b;
    check_rest(a, b);
  }
  {
    String<255> a, b;
    check_rest(a, b);
  }
  {
    static String<300> a, b;
    check_rest(a, b);
  }
#if !(defined(__ARM_ARCH_PROFILE) && __ARM_ARCH_PROFILE == 'M')
  {
    static String<65536> a, b;  // four-byte length
    check_rest(a, b);
  }
#endif
}

TEST_CASE("StringRef: String<M> arguments, comparisons, errors of the new members", "[string][string_ref]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  String<8> s = "abc";
  static String<300> big;
  big = "abd";
  StringRef r = s;
  StringRef b = big;
  CHECK(r.compare(big) < 0);
  CHECK((r < big));
  CHECK((big > r));
  CHECK((r != big));
  CHECK((r <= "abc"));
  CHECK((r >= std::string_view("abb")));
  CHECK((r == String<3>("abc")));
  CHECK((String<20>("abc") == r));
  CHECK((b > r.view()));
  r = big;  // String<300> -> the text of String<8>
  CHECK(s == "abd");
  CHECK(r.data() == s.data());  // the view still refers to s
  b = String<8>("xy");
  CHECK(big == "xy");
  r = 'q';
  CHECK(s == "q");
  r = {'h', 'i'};
  CHECK(s == "hi");
  r += {'!', '?'};
  CHECK(s == "hi!?");
  r.assign(3, 'w');
  CHECK(s == "www");
  r.assign("abcdef", 2, 3);
  CHECK(s == "cde");
  r.append("0123", 1, 2);
  CHECK(s == "cde12");
  CHECK(r.front() == 'c');
  CHECK(static_cast<const StringRef&>(r).back() == '2');
  CHECK(*r.crbegin() == '2');
  CHECK(*(r.crend() - 1) == 'c');
  r.reserve(8);
  r.shrink_to_fit();
  // capacity violations: the error model, all or nothing
  HEAPLESS_CHECK_RAISES(length_error, r.reserve(9));
  HEAPLESS_CHECK_RAISES(length_error, r.assign(9, 'x'));
  HEAPLESS_CHECK_RAISES(length_error, r = String<20>("0123456789"));
  HEAPLESS_CHECK_RAISES(length_error, r.insert(r.begin(), 4, 'x'));
  const char more[] = "xyzw";
  HEAPLESS_CHECK_RAISES(length_error, r.append(more, more + 4));
  const std::string_view four = "wxyz";  // reverse iterators: not char pointers
  HEAPLESS_CHECK_RAISES(length_error, r.insert(r.begin(), four.rbegin(), four.rend()));
  r.replace(r.begin(), r.begin() + 1, four.rbegin(), four.rend());  // fits exactly: "zyxw" + "de12"
  CHECK(s == "zyxwde12");
  HEAPLESS_CHECK_RAISES(length_error, r.replace(r.begin(), r.begin() + 1, four.rbegin(), four.rend()));
  CHECK(s == "zyxwde12");
  // Needs the replaced chars' room (the String is full): erased first.
  CHECK(r.replace(r.begin(), r.begin() + 4, four.rbegin() + 1, four.rend()).size() == 7);
  CHECK(s == "yxwde12");
  r.assign("cde12");
  HEAPLESS_CHECK_RAISES(out_of_range, r.assign("abc", 4, 1));
  HEAPLESS_CHECK_RAISES(out_of_range, r.compare(9, 1, "x"));
  HEAPLESS_CHECK_RAISES(out_of_range, r.copy(nullptr, 0, 9));
  CHECK(s == "cde12");
  CHECK_FALSE(r.try_assign(9, 'x'));
  CHECK_FALSE(r.try_append("0123", 4));
  CHECK_FALSE(r.try_insert(0, 4, 'x'));
  CHECK(r.try_append('3'));
  CHECK(r.append_truncating(5, '.'));
  CHECK(s == "cde123..");
  CHECK(r.full());
  CHECK_FALSE(r.try_append('3'));
  CHECK(erase(r, '.') == 2);
  CHECK(erase_if(r, [](char c) { return c == '1'; }) == 1);
  CHECK(s == "cde23");
  int tokens = 0;
  r = "a,b,,c";
  for (std::string_view t : r.split(',')) tokens += t.empty() ? 10 : 1;
  CHECK(tokens == 13);
  // std::back_inserter and format_to take the view like the String.
  r.clear();
  *std::back_inserter(r) = 'z';
  heapless::format_to(r, "{}{}", 4, 2);
  CHECK(s == "z42");
}
