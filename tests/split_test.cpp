// split_test.cpp - heapless::split and String::split (split.hpp): tokens,
// empty tokens, both separator kinds, the iterator's forward-range rules,
// and a small command parser built from split and parse.
#include "support/test.hpp"

#include <cstddef>  // std::size_t
#include <iterator>  // std::distance, std::next
#include <string_view>

#include <heapless/charconv.hpp>
#include <heapless/split.hpp>
#include <heapless/string.hpp>
#include <heapless/vec.hpp>

using namespace std::string_view_literals;

namespace {

template <class Range>
heapless::Vec<std::string_view, 8> tokens(const Range& r) {
  heapless::Vec<std::string_view, 8> out;
  for (std::string_view t : r) out.push_back(t);
  return out;
}

bool same(const heapless::Vec<std::string_view, 8>& got, std::initializer_list<std::string_view> want) {
  if (got.size() != want.size()) return false;
  std::size_t i = 0;
  for (std::string_view w : want) {
    if (got[i++] != w) return false;
  }
  return true;
}

/// "set <name> <value>" / "get <name>": what a serial console does.
struct command {
  std::string_view verb;
  std::string_view name;
  int value = 0;
  bool ok = false;
};

command parse_command(std::string_view line) {
  command c;
  std::size_t n = 0;
  for (std::string_view tok : heapless::split(line, ' ')) {
    if (tok.empty()) continue;  // runs of spaces count as one
    if (n == 0) c.verb = tok;
    else if (n == 1) c.name = tok;
    else if (n == 2) {
      const auto v = heapless::parse<int>(tok);
      if (!v) return c;
      c.value = *v;
    } else {
      return c;  // too many arguments
    }
    ++n;
  }
  c.ok = (c.verb == "get" && n == 2) || (c.verb == "set" && n == 3);
  return c;
}

}  // namespace

TEST_CASE("split: tokens between a char separator", "[split]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  CHECK(same(tokens(heapless::split("set led 1", ' ')), {"set", "led", "1"}));
  CHECK(same(tokens(heapless::split("a,,b", ',')), {"a", "", "b"}));
  CHECK(same(tokens(heapless::split(",a,", ',')), {"", "a", ""}));
  CHECK(same(tokens(heapless::split("", ',')), {""}));
  CHECK(same(tokens(heapless::split(",", ',')), {"", ""}));
  CHECK(same(tokens(heapless::split("abc", ',')), {"abc"}));
}

TEST_CASE("split: string separators", "[split]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  CHECK(same(tokens(heapless::split("a\r\nb\r\n", "\r\n")), {"a", "b", ""}));
  CHECK(same(tokens(heapless::split("a::b:c", "::"sv)), {"a", "b:c"}));
  CHECK(same(tokens(heapless::split("abc", ""sv)), {"abc"}));  // an empty separator never matches
  CHECK(same(tokens(heapless::split("aaa", "aa")), {"", "a"}));
}

TEST_CASE("split: tokens point into the text", "[split]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  const std::string_view text = "ab cd";
  auto r = heapless::split(text, ' ');
  auto it = r.begin();
  CHECK(it->data() == text.data());
  ++it;
  CHECK(it->data() == text.data() + 3);
  CHECK(it->size() == 2);
  it++;
  CHECK(it == r.end());
}

TEST_CASE("split: a multi-pass forward range", "[split]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  auto r = heapless::split("1 2 3 4", ' ');
  CHECK(std::distance(r.begin(), r.end()) == 4);
  auto a = r.begin();
  auto b = a;
  ++a;
  CHECK(*b == "1");
  CHECK(*a == "2");
  CHECK(std::next(b) == a);
  CHECK(a != b);
  CHECK(r.begin() == r.begin());
  CHECK(decltype(r)::iterator() == r.end());
  static_assert(std::is_same_v<std::iterator_traits<decltype(a)>::iterator_category, std::forward_iterator_tag>);
}

TEST_CASE("String::split and split(String)", "[split][string]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  const heapless::String<32> line = "k1=v1;k2=v2";
  CHECK(same(tokens(line.split(';')), {"k1=v1", "k2=v2"}));
  CHECK(same(tokens(line.split("=v")), {"k1", "1;k2", "2"}));
  CHECK(same(tokens(heapless::split(line, '=')), {"k1", "v1;k2", "v2"}));
  // starts_with / ends_with / contains take char, string_view and const char*.
  CHECK(line.starts_with('k'));
  CHECK(line.starts_with("k1"));
  CHECK(line.starts_with("k1"sv));
  CHECK(line.ends_with('2'));
  CHECK(line.ends_with("v2"));
  CHECK(line.contains(';'));
  CHECK(line.contains("2=v"));
  CHECK(!line.contains("k3"));
}

TEST_CASE("split + parse: a command parser", "[split][parse]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  command c = parse_command("set  led 1");
  CHECK(c.ok);
  CHECK(c.verb == "set");
  CHECK(c.name == "led");
  CHECK(c.value == 1);
  CHECK(parse_command("get temp").ok);
  CHECK(!parse_command("set led x").ok);
  CHECK(!parse_command("set led 1 2").ok);
  CHECK(!parse_command("").ok);
}
