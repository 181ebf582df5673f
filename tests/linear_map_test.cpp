// linear_map_test.cpp - LinearMap behaviour, by area: layout and traits,
// construction, lookup (heterogeneous too), insertion forms and their error
// paths, erasure and what it does to the order, iteration (proxy references,
// structured bindings, std algorithms), keys()/values(), equality, swap, and
// the search paths (SSE2 / portable / string) against each other.
// Element-type matrix: linear_map_matrix_test.cpp; constant evaluation:
// linear_map_constexpr_test.cpp; long random sequences: linear_map_random_test.cpp.
#include "support/test.hpp"
#include "support/map_checks.hpp"

#include <algorithm>
#include <initializer_list>
#include <cstdint>
#include <iterator>
#include <map>
#include <numeric>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include <heapless/linear_map.hpp>

#include <heapless/string.hpp>

using heapless::LinearMap;
using heapless::test::entries_are;
using heapless::test::move_only;

// Catch2's STATIC_REQUIRE records a message (it allocates): inside armed
// scopes the tests use static_assert.

// Forces every member of the class template to compile.
template class heapless::LinearMap<int, int, 8>;
template class heapless::LinearMap<std::uint64_t, double, 100>;
template class heapless::LinearMap<std::string_view, long, 3>;
template class heapless::LinearMap<heapless::test::counted, heapless::test::counted, 4>;

namespace {

enum class color : std::uint8_t { red, green, blue };

}  // namespace

// ---- Layout and traits ------------------------------------------------------
TEST_CASE("LinearMap: layout is keys, smallest length, values", "[linear_map][layout]") {
  // Integer keys from 32 bytes keep a hash index off microcontrollers (4N
  // one-byte slots up to N = 32; see "hash index" below).
  constexpr bool small_index = heapless::detail::linear_map_index_enabled && heapless::detail::linear_map_small_index;
  STATIC_REQUIRE(sizeof(LinearMap<int, int, 4>) == 4 * 4 + 4 * 4 + 4);  // 33 rounded to int alignment
  STATIC_REQUIRE(sizeof(LinearMap<int, int, 8>) == 8 * 4 + 8 * 4 + (small_index ? 32 : 0) + 4);
  STATIC_REQUIRE(sizeof(LinearMap<std::uint8_t, std::uint8_t, 15>) == 31);
  STATIC_REQUIRE(sizeof(LinearMap<char, char, 255>) == 511);
  STATIC_REQUIRE(sizeof(LinearMap<char, char, 256>) == 514);
  STATIC_REQUIRE(sizeof(LinearMap<std::uint16_t, std::uint32_t, 16>) == 32 + 64 + (small_index ? 64 : 0) + 4);
  // 30 bytes of keys + 1 (+1 padding) + 60: no index under 32 bytes of keys.
  // (The length in the keys' tail padding: 4 bytes less than after the values.)
  STATIC_REQUIRE(sizeof(LinearMap<std::uint16_t, std::uint32_t, 15>) == 92);
  STATIC_REQUIRE(alignof(LinearMap<char, heapless::test::overaligned, 2>) == 64);
  STATIC_REQUIRE(LinearMap<int, int, 8>::capacity() == 8);
  STATIC_REQUIRE(LinearMap<int, int, 8>::max_size() == 8);
}

TEST_CASE("LinearMap: trivially copyable exactly when K and V are", "[linear_map][layout]") {
  STATIC_REQUIRE(std::is_trivially_copyable_v<LinearMap<int, int, 8>>);
  STATIC_REQUIRE(std::is_trivially_copyable_v<LinearMap<color, const char*, 8>>);
  STATIC_REQUIRE(std::is_trivially_copyable_v<LinearMap<std::string_view, double, 8>>);
  STATIC_REQUIRE(std::is_trivially_destructible_v<LinearMap<int, int, 8>>);
  STATIC_REQUIRE(!std::is_trivially_copyable_v<LinearMap<int, heapless::test::counted, 8>>);
  STATIC_REQUIRE(!std::is_trivially_copyable_v<LinearMap<heapless::test::counted, int, 8>>);
  STATIC_REQUIRE(std::is_nothrow_default_constructible_v<LinearMap<int, heapless::test::counted, 8>>);
  STATIC_REQUIRE(std::is_nothrow_move_constructible_v<LinearMap<int, heapless::test::counted, 8>>);
  // Copyability is truthful for move-only values.
  STATIC_REQUIRE(!std::is_copy_constructible_v<LinearMap<int, move_only, 8>>);
  STATIC_REQUIRE(!std::is_copy_assignable_v<LinearMap<int, move_only, 8>>);
  STATIC_REQUIRE(std::is_move_constructible_v<LinearMap<int, move_only, 8>>);
  STATIC_REQUIRE(std::is_move_assignable_v<LinearMap<int, move_only, 8>>);
}

TEST_CASE("LinearMap: member types", "[linear_map][layout]") {
  using M = LinearMap<int, double, 4>;
  STATIC_REQUIRE(std::is_same_v<M::key_type, int>);
  STATIC_REQUIRE(std::is_same_v<M::mapped_type, double>);
  STATIC_REQUIRE(std::is_same_v<M::value_type, std::pair<int, double>>);
  STATIC_REQUIRE(std::is_same_v<M::reference, const std::pair<const int&, double&>>);
  STATIC_REQUIRE(std::is_same_v<M::const_reference, const std::pair<const int&, const double&>>);
  STATIC_REQUIRE(std::is_same_v<M::size_type, std::size_t>);
  STATIC_REQUIRE(std::is_same_v<std::iterator_traits<M::iterator>::iterator_category, std::random_access_iterator_tag>);
  STATIC_REQUIRE(std::is_same_v<decltype(*std::declval<M::iterator>()), M::reference>);
  STATIC_REQUIRE(std::is_same_v<decltype(*std::declval<M::const_iterator>()), M::const_reference>);
  STATIC_REQUIRE(std::is_convertible_v<M::iterator, M::const_iterator>);
  STATIC_REQUIRE(!std::is_convertible_v<M::const_iterator, M::iterator>);
  // The key is never mutable through the map.
  STATIC_REQUIRE(std::is_same_v<decltype(std::declval<M::iterator>()->first), const int&>);
  STATIC_REQUIRE(std::is_same_v<decltype(std::declval<M&>().keys().begin()), const int*>);
}

// ---- Construction ---------------------------------------------------------------
TEST_CASE("LinearMap: default construction is empty", "[linear_map][cons]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  constexpr LinearMap<int, int, 4> c;
  static_assert(c.empty());
  static_assert(c.size() == 0);
  LinearMap<int, int, 4> m;
  CHECK(m.empty());
  CHECK_FALSE(m.full());
  CHECK(m.begin() == m.end());
  CHECK(m.find(1) == m.end());
}

TEST_CASE("LinearMap: initializer list keeps the first of repeated keys", "[linear_map][cons]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  const LinearMap<int, int, 4> m = {{1, 10}, {2, 20}, {1, 11}, {3, 30}};
  CHECK(entries_are(m, {{1, 10}, {2, 20}, {3, 30}}));
  LinearMap<int, int, 4> a;
  a = {{5, 50}, {6, 60}};
  CHECK(entries_are(a, {{5, 50}, {6, 60}}));
  // Four distinct keys fit exactly; repeated keys do not count.
  const LinearMap<int, int, 4> full = {{1, 1}, {2, 2}, {2, 9}, {3, 3}, {4, 4}};
  CHECK(full.full());
}

TEST_CASE("LinearMap: construction past capacity raises length_error", "[linear_map][cons][error]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  HEAPLESS_CHECK_RAISES(length_error, LinearMap<int, int, 2>({{1, 1}, {2, 2}, {3, 3}}));
  LinearMap<int, int, 2> m;
  HEAPLESS_CHECK_RAISES(length_error, m = {{1, 1}, {2, 2}, {3, 3}});
  CHECK(m.size() == 2);  // the ones before the overflow stay
}

TEST_CASE("LinearMap: construction from an iterator range", "[linear_map][cons]") {
  const std::pair<int, int> src[] = {{4, 40}, {5, 50}, {4, 41}};
  HEAPLESS_NO_ALLOC_SCOPE;
  const LinearMap<int, int, 3> m(std::begin(src), std::end(src));
  CHECK(entries_are(m, {{4, 40}, {5, 50}}));
  // From another map (proxy references convert to value_type).
  const LinearMap<long, int, 5> wider(m.begin(), m.end());
  CHECK(wider.size() == 2);
  CHECK(wider.at(5L) == 50);
}

TEST_CASE("LinearMap: copy and move", "[linear_map][cons]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  LinearMap<int, int, 4> a = {{1, 10}, {2, 20}};
  LinearMap<int, int, 4> b = a;
  CHECK(b == a);
  b[3] = 30;
  CHECK(a.size() == 2);
  a = b;
  CHECK(entries_are(a, {{1, 10}, {2, 20}, {3, 30}}));
  LinearMap<int, int, 4> c = std::move(b);
  CHECK(c == a);
  LinearMap<int, move_only, 2> mo;
  mo.emplace(1, 7);
  LinearMap<int, move_only, 2> mo2 = std::move(mo);
  CHECK(mo2.at(1).get() == 7);
  CHECK(mo.empty());  // a moved-from map of non-trivial elements is empty
  mo = std::move(mo2);
  CHECK(mo.at(1).get() == 7);
}

// ---- Lookup ---------------------------------------------------------------------
TEST_CASE("LinearMap: find, contains, count, at", "[linear_map][lookup]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  LinearMap<int, int, 8> m = {{7, 70}, {-1, 10}, {0, 0}};
  const auto& cm = m;
  CHECK(m.find(7)->second == 70);
  CHECK(cm.find(-1)->second == 10);
  CHECK(m.find(3) == m.end());
  CHECK(cm.find(3) == cm.end());
  CHECK(m.contains(0));
  CHECK_FALSE(m.contains(1));
  CHECK(m.count(7) == 1);
  CHECK(m.count(8) == 0);
  CHECK(m.at(7) == 70);
  m.at(7) = 71;
  CHECK(cm.at(7) == 71);
  CHECK(m.find({0})->first == 0);  // braced: the key type
}

TEST_CASE("LinearMap: at on a missing key raises out_of_range", "[linear_map][lookup][error]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  LinearMap<int, int, 4> m = {{1, 1}};
  const auto& cm = m;
  HEAPLESS_CHECK_RAISES(out_of_range, m.at(2));
  HEAPLESS_CHECK_RAISES(out_of_range, cm.at(2));
  LinearMap<int, int, 4> empty;
  HEAPLESS_CHECK_RAISES(out_of_range, empty.at(0));
}

TEST_CASE("LinearMap: heterogeneous lookup with integers compares values", "[linear_map][lookup]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  LinearMap<unsigned, int, 8> u = {{0u, 1}, {4294967295u, 2}};
  CHECK(u.find(-1) == u.end());            // no sign-conversion surprise
  CHECK(u.contains(4294967295LL));         // wider query, in range
  CHECK_FALSE(u.contains(4294967296LL));   // not representable: no match
  CHECK(u.at(static_cast<short>(0)) == 1);
  LinearMap<std::int8_t, int, 20> s;
  for (int i = -10; i < 10; ++i) s[static_cast<std::int8_t>(i)] = i;
  CHECK(s.at(-10) == -10);
  CHECK(s.find(246) == s.end());  // 246 would wrap to -10 as int8_t
  CHECK(s.find(-129L) == s.end());
  CHECK(s.count(9u) == 1);
  LinearMap<color, int, 4> e = {{color::green, 1}};
  CHECK(e.contains(color::green));
  CHECK_FALSE(e.contains(color::blue));
  LinearMap<bool, int, 2> b = {{true, 1}};
  CHECK(b.contains(true));
  CHECK_FALSE(b.contains(false));
}

TEST_CASE("LinearMap: heterogeneous lookup with strings builds no key", "[linear_map][lookup]") {
  heapless::test::allow_alloc_scope setup;
  LinearMap<std::string, int, 4> m;
  m["uart.baud"] = 115200;
  m["spi.hz"] = 8000000;
  const std::string key = "spi.hz";
  HEAPLESS_NO_ALLOC_SCOPE;
  CHECK(m.at("uart.baud") == 115200);                        // const char*: no std::string built
  CHECK(m.find(std::string_view("spi.hz"))->second == 8000000);
  CHECK(m.contains(key));
  CHECK_FALSE(m.contains("spi"));
  CHECK(m.erase("uart.baud") == 1);
  CHECK(m.size() == 1);
  LinearMap<std::string_view, int, 4> v = {{"a", 1}, {"", 2}, {"abc", 3}};
  CHECK(v.at("") == 2);
  CHECK(v.at(std::string("abc")) == 3);
  // Longer than 16 bytes: compared 16 at a time; differences at the start,
  // in the middle and at the end. Untagged (N < 8) and tagged (N >= 8).
  const std::string_view a34 = "0123456789abcdef0123456789abcdef-x";
  const std::string_view b34 = "0123456789abcdef0123456789abcdef-y";
  const std::string_view c34 = "0123456789abcdeX0123456789abcdef-x";
  const std::string_view d34 = "X123456789abcdef0123456789abcdef-x";
  LinearMap<std::string_view, int, 4> small = {{a34, 1}, {b34, 2}, {c34, 3}};
  LinearMap<std::string_view, int, 9> tagged = {{a34, 1}, {b34, 2}, {c34, 3}};
  CHECK(small.at(std::string_view("0123456789abcdeX0123456789abcdef-x")) == 3);
  CHECK(tagged.at(std::string_view("0123456789abcdeX0123456789abcdef-x")) == 3);
  CHECK(small.at(b34) == 2);
  CHECK(tagged.at(b34) == 2);
  CHECK_FALSE(small.contains(d34));
  CHECK_FALSE(tagged.contains(d34));
  CHECK_FALSE(tagged.contains(a34.substr(0, 33)));
  const char buf[] = {'a', 'b', 'c', 'd'};
  CHECK_FALSE(v.contains(std::string_view(buf, 4)));
  CHECK(v.contains(std::string_view(buf, 3)));
}

TEST_CASE("LinearMap: String<15> keys, looked up with string_view and literals", "[linear_map][lookup][string]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  using heapless::String;
  static_assert(std::is_trivially_copyable_v<LinearMap<String<15>, int, 8>>);
  // N >= 8: one tag byte per entry, at least 16; N < 8: none.
  static_assert(sizeof(LinearMap<String<15>, int, 16>) == 16 * 16 + 16 * 4 + 16 + 4);
  static_assert(sizeof(LinearMap<String<15>, int, 8>) == 8 * 16 + 8 * 4 + 16 + 4);
  static_assert(sizeof(LinearMap<String<15>, int, 4>) == 4 * 16 + 4 * 4 + 4);
  LinearMap<String<15>, int, 8> m;
  m[String<15>("temp")] = 21;
  m.emplace(String<15>("humidity"), 40);
  m.try_emplace(String<15>("fifteen-chars!!"), 15);
  CHECK(m.at("temp") == 21);
  CHECK(m.at(std::string_view("humidity")) == 40);
  CHECK(m.find(String<15>("fifteen-chars!!"))->second == 15);
  CHECK(m.find("fifteen-chars!?") == m.end());
  CHECK(m.find("") == m.end());
  CHECK(m.erase("temp") == 1);
  CHECK_FALSE(m.contains("temp"));
  m[String<15>()] = 0;
  CHECK(m.at("") == 0);
  for (auto& [k, v] : m) v += static_cast<int>(k.size());
  CHECK(m.at("humidity") == 48);
}

// ---- Insertion ----------------------------------------------------------------
TEST_CASE("LinearMap: insert appends new keys and keeps existing values", "[linear_map][insert]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  LinearMap<int, int, 4> m;
  const auto r1 = m.insert({1, 10});
  CHECK(r1.second);
  CHECK(r1.first == m.begin());
  const std::pair<int, int> p{2, 20};
  CHECK(m.insert(p).second);
  const auto r3 = m.insert({1, 99});
  CHECK_FALSE(r3.second);
  CHECK(r3.first->second == 10);
  const std::pair<const int, int> cp{3, 30};  // std::map's value_type
  CHECK(m.insert(cp).second);
  CHECK(m.insert(m.cend(), {4, 40})->first == 4);  // hint ignored
  CHECK(entries_are(m, {{1, 10}, {2, 20}, {3, 30}, {4, 40}}));
  CHECK(m.full());
  CHECK_FALSE(m.insert({2, 0}).second);  // existing key into a full map: fine
}

TEST_CASE("LinearMap: every plain form raises length_error for a new key into a full map", "[linear_map][insert][error]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  LinearMap<int, int, 2> m = {{1, 1}, {2, 2}};
  heapless::test::check_plain_forms_raise_when_full(m);
}

TEST_CASE("LinearMap: emplace and try_emplace", "[linear_map][insert]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  LinearMap<int, move_only, 3> m;
  CHECK(m.emplace(1, 10).second);
  move_only v(20);
  CHECK(m.try_emplace(2, std::move(v)).second);
  CHECK(v.get() == -1);
  // try_emplace (std meaning): an existing key leaves the arguments alone.
  move_only w(30);
  const auto r = m.try_emplace(1, std::move(w));
  CHECK_FALSE(r.second);
  CHECK(w.get() == 30);
  CHECK(r.first->second.get() == 10);
  // emplace of an existing key does not consume either.
  move_only x(40);
  CHECK_FALSE(m.emplace(2, std::move(x)).second);
  CHECK(x.get() == 40);
  // emplace that must build a pair first.
  LinearMap<int, int, 3> p;
  CHECK(p.emplace(std::make_pair(5, 50)).second);
  CHECK(p.emplace(std::pair<long, short>(6, 60)).second);
  CHECK(p.at(6) == 60);
  CHECK(p.try_emplace(p.cbegin(), 7)->second == 0);
  CHECK(p.full());
}

TEST_CASE("LinearMap: insert_or_assign and operator[]", "[linear_map][insert]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  LinearMap<int, int, 3> m;
  CHECK(m.insert_or_assign(1, 10).second);
  const auto r = m.insert_or_assign(1, 11);
  CHECK_FALSE(r.second);
  CHECK(r.first->second == 11);
  CHECK(m[2] == 0);  // value-initialised
  m[2] += 5;
  int k = 3;
  m[std::move(k)] = 30;
  CHECK(entries_are(m, {{1, 11}, {2, 5}, {3, 30}}));
}

TEST_CASE("LinearMap: try_insert reports a full map and moves nothing", "[linear_map][insert][try]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  LinearMap<move_only, move_only, 2> m;
  const auto a = m.try_insert(move_only(1), move_only(10));
  REQUIRE(a.has_value());
  CHECK(a->second);
  CHECK(a->first->second.get() == 10);
  move_only k(1);
  move_only v(11);
  const auto b = m.try_insert(std::move(k), std::move(v));  // existing key
  REQUIRE(b.has_value());
  CHECK_FALSE(b->second);
  CHECK(k.get() == 1);
  CHECK(v.get() == 11);
  CHECK(m.try_insert(move_only(2), move_only(20)).has_value());
  move_only k3(3);
  move_only v3(30);
  const auto c = m.try_insert(std::move(k3), std::move(v3));  // full, new key
  CHECK_FALSE(c.has_value());
  CHECK(k3.get() == 3);
  CHECK(v3.get() == 30);
  CHECK(m.size() == 2);
  // value_type forms.
  LinearMap<int, int, 1> one;
  std::pair<int, int> p{1, 1};
  CHECK(one.try_insert(p).has_value());
  CHECK(one.try_insert(std::pair<int, int>{1, 5}).value().second == false);
  CHECK_FALSE(one.try_insert(std::pair<int, int>{2, 2}).has_value());
  CHECK(one.at(1) == 1);
}

TEST_CASE("LinearMap: try_insert_or_assign", "[linear_map][insert][try]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  LinearMap<int, move_only, 1> m;
  CHECK(m.try_insert_or_assign(1, move_only(1)).value().second);
  move_only v(2);
  const auto r = m.try_insert_or_assign(1, std::move(v));  // assigns even when full
  CHECK(r.has_value());
  CHECK_FALSE(r->second);
  CHECK(m.at(1).get() == 2);
  move_only w(3);
  CHECK_FALSE(m.try_insert_or_assign(2, std::move(w)).has_value());
  CHECK(w.get() == 3);
}

TEST_CASE("LinearMap: range insert stops at the first overflow", "[linear_map][insert][error]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  const std::pair<int, int> src[] = {{1, 1}, {2, 2}, {3, 3}};
  LinearMap<int, int, 2> m;
  HEAPLESS_CHECK_RAISES(length_error, m.insert(std::begin(src), std::end(src)));
  CHECK(entries_are(m, {{1, 1}, {2, 2}}));
}

TEST_CASE("LinearMap: std::inserter works", "[linear_map][insert]") {
  const std::vector<std::pair<int, int>> src = {{3, 30}, {1, 10}};
  HEAPLESS_NO_ALLOC_SCOPE;
  LinearMap<int, int, 4> m;
  std::copy(src.begin(), src.end(), std::inserter(m, m.end()));
  CHECK(entries_are(m, {{3, 30}, {1, 10}}));
}

// ---- Erasure --------------------------------------------------------------------
TEST_CASE("LinearMap: erase(key) moves the last entry into the hole", "[linear_map][erase]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  LinearMap<int, int, 8> m = {{1, 10}, {2, 20}, {3, 30}, {4, 40}};
  CHECK(m.erase(2) == 1);
  CHECK(entries_are(m, {{1, 10}, {4, 40}, {3, 30}}));
  CHECK(m.erase(2) == 0);
  CHECK(m.erase(3) == 1);  // the last one: nothing moves
  CHECK(entries_are(m, {{1, 10}, {4, 40}}));
  CHECK(m.erase(1L) == 1);  // heterogeneous
  CHECK(entries_are(m, {{4, 40}}));
}

TEST_CASE("LinearMap: erase(iterator) returns the same position", "[linear_map][erase]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  LinearMap<int, int, 8> m = {{1, 1}, {2, 2}, {3, 3}, {4, 4}, {5, 5}, {6, 6}};
  // The classic erase loop visits every entry, including moved ones.
  for (auto it = m.begin(); it != m.end();) {
    if (it->first % 2 == 0) it = m.erase(it);
    else ++it;
  }
  CHECK(entries_are(m, {{1, 1}, {5, 5}, {3, 3}}));
  const auto it = m.erase(m.cbegin() + 2);
  CHECK(it == m.end());
}

TEST_CASE("LinearMap: erase(first, last) fills the hole from the end", "[linear_map][erase]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  LinearMap<int, int, 8> m = {{1, 1}, {2, 2}, {3, 3}, {4, 4}, {5, 5}, {6, 6}};
  auto it = m.erase(m.cbegin() + 1, m.cbegin() + 3);  // removes 2, 3; 5, 6 move in
  CHECK(it == m.begin() + 1);
  CHECK(entries_are(m, {{1, 1}, {5, 5}, {6, 6}, {4, 4}}));
  it = m.erase(m.cbegin() + 1, m.cend() - 1);  // hole longer than the tail
  CHECK(entries_are(m, {{1, 1}, {4, 4}}));
  m.erase(m.cbegin(), m.cbegin());
  CHECK(m.size() == 2);
  m.erase(m.cbegin(), m.cend());
  CHECK(m.empty());
}

TEST_CASE("LinearMap: erase_stable keeps the order", "[linear_map][erase]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  LinearMap<int, int, 8> m = {{1, 1}, {2, 2}, {3, 3}, {4, 4}, {5, 5}};
  CHECK(m.erase_stable(2) == 1);
  CHECK(m.erase_stable(9) == 0);
  CHECK(entries_are(m, {{1, 1}, {3, 3}, {4, 4}, {5, 5}}));
  const auto it = m.erase_stable(m.begin());
  CHECK(it->first == 3);
  const auto tail = m.erase_stable(m.cbegin() + 1, m.cend());
  CHECK(tail == m.end());
  CHECK(entries_are(m, {{3, 3}}));
}

TEST_CASE("LinearMap: erase_if keeps the order and counts", "[linear_map][erase]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  LinearMap<int, int, 8> m = {{1, 1}, {2, 2}, {3, 3}, {4, 4}, {5, 5}};
  CHECK(heapless::erase_if(m, [](const auto& e) { return e.first % 2 == 1; }) == 3);
  CHECK(entries_are(m, {{2, 2}, {4, 4}}));
  CHECK(erase_if(m, [](auto& e) { return e.second > 100; }) == 0);  // found by ADL too
  CHECK(erase_if(m, [](const std::pair<const int, int>& e) { return e.first == 4; }) == 1);
}

TEST_CASE("LinearMap: clear", "[linear_map][erase]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  LinearMap<int, int, 4> m = {{1, 1}, {2, 2}};
  m.clear();
  CHECK(m.empty());
  CHECK_FALSE(m.contains(1));  // stale keys past size() are never matched
  m[3] = 3;
  CHECK(entries_are(m, {{3, 3}}));
}

#if HEAPLESS_TEST_CAN_CATCH_ASSERT
TEST_CASE("LinearMap: erase preconditions are checked", "[linear_map][erase][error]") {
  LinearMap<int, int, 4> m = {{1, 1}};
  HEAPLESS_CHECK_RAISES(precondition, m.erase(m.end()));
  HEAPLESS_CHECK_RAISES(precondition, m.erase_stable(m.cend()));
  HEAPLESS_CHECK_RAISES(precondition, m.erase(m.cend(), m.cbegin()));
  HEAPLESS_CHECK_RAISES(precondition, m.keys()[1]);
  CHECK(m.size() == 1);
}
#endif

// ---- Iteration ------------------------------------------------------------------
TEST_CASE("LinearMap: structured bindings in every spelling", "[linear_map][iter]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  LinearMap<int, int, 4> m = {{1, 10}, {2, 20}};
  for (auto& [k, v] : m) v += k;  // auto& binds to the proxy; v is the value itself
  CHECK(entries_are(m, {{1, 11}, {2, 22}}));
  for (auto&& [k, v] : m) v *= 2;
  CHECK(m.at(2) == 44);
  int sum = 0;
  for (const auto& [k, v] : m) sum += k + v;
  CHECK(sum == 3 + 22 + 44);
  for (auto kv : m) kv.second = 0;  // a copy of the proxy still refers to the map
  CHECK(m.at(1) == 0);
  const auto& cm = m;
  for (auto& [k, v] : cm) {
    static_assert(std::is_const_v<std::remove_reference_t<decltype(v)>>);
    static_assert(std::is_const_v<std::remove_reference_t<decltype(k)>>);
    sum += v;
  }
  for (auto& kv : m) kv.second = kv.first;
  CHECK(entries_are(m, {{1, 1}, {2, 2}}));
}

TEST_CASE("LinearMap: iterator arithmetic, ->, reverse iteration", "[linear_map][iter]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  LinearMap<int, int, 4> m = {{1, 10}, {2, 20}, {3, 30}};
  auto it = m.begin();
  it->second = 11;
  (*it).second += 1;
  CHECK(m.at(1) == 12);
  CHECK((it + 2)->first == 3);
  CHECK(it[1].second == 20);
  CHECK(m.end() - m.begin() == 3);
  CHECK(std::distance(m.cbegin(), m.cend()) == 3);
  ++it;
  it++;
  CHECK(it->first == 3);
  --it;
  it--;
  CHECK(it == m.begin());
  it += 3;
  CHECK(it == m.end());
  it -= 1;
  CHECK(it > m.begin());
  CHECK(m.begin() < it);
  CHECK(it >= m.cbegin());  // iterator vs const_iterator
  CHECK(m.cbegin() <= it);
  CHECK(m.cbegin() != it);
  int order[3] = {};
  int i = 0;
  for (auto r = m.rbegin(); r != m.rend(); ++r) order[i++] = r->first;
  CHECK(order[0] == 3);
  CHECK(order[2] == 1);
  CHECK(m.crbegin()->second == 30);
  CHECK((m.crend() - 1)->first == 1);
}

TEST_CASE("LinearMap: std algorithms users apply", "[linear_map][iter]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  LinearMap<int, int, 8> m = {{5, 50}, {1, 10}, {9, 90}, {3, 30}};
  const auto big = std::find_if(m.begin(), m.end(), [](const auto& e) { return e.second > 60; });
  CHECK(big->first == 9);
  CHECK(std::count_if(m.cbegin(), m.cend(), [](const auto& e) { return e.first > 2; }) == 3);
  CHECK(std::any_of(m.begin(), m.end(), [](const auto& e) { return e.first == 1; }));
  CHECK(std::all_of(m.begin(), m.end(), [](const auto& e) { return e.second == e.first * 10; }));
  const auto mx = std::max_element(m.begin(), m.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
  CHECK(mx->first == 9);
  const auto mn = std::min_element(m.begin(), m.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  CHECK(mn->second == 10);
  std::for_each(m.begin(), m.end(), [](auto e) { e.second += 1; });
  CHECK(std::accumulate(m.begin(), m.end(), 0, [](int acc, const auto& e) { return acc + e.second; }) == 184);
  CHECK(std::accumulate(m.values().begin(), m.values().end(), 0) == 184);
  CHECK(std::find(m.keys().begin(), m.keys().end(), 9) - m.keys().begin() == 2);
  // Into std containers (outside the trap: they allocate).
  heapless::test::allow_alloc_scope allow;
  const std::vector<std::pair<int, int>> v(m.begin(), m.end());
  CHECK(v.size() == 4);
  const std::map<int, int> sm(m.begin(), m.end());
  CHECK(sm.at(3) == 31);
  std::vector<int> keys(m.keys().begin(), m.keys().end());
  std::sort(keys.begin(), keys.end());
  CHECK(keys == std::vector<int>{1, 3, 5, 9});
}

TEST_CASE("LinearMap: keys() and values()", "[linear_map][iter]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  LinearMap<int, int, 4> m = {{1, 10}, {2, 20}};
  CHECK(m.keys().size() == 2);
  CHECK(m.keys()[1] == 2);
  CHECK(m.keys().data() == &m.begin()->first);
  for (int& v : m.values()) v += 1;
  CHECK(m.at(2) == 21);
  const auto& cm = m;
  static_assert(std::is_same_v<decltype(cm.values().begin()), const int*>);
  CHECK(cm.values()[0] == 11);
  LinearMap<int, int, 4> e;
  CHECK(e.keys().empty());
  CHECK(e.values().begin() == e.values().end());
}

// ---- Equality and swap --------------------------------------------------------------
TEST_CASE("LinearMap: equality ignores order", "[linear_map][compare]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  const LinearMap<int, int, 4> a = {{1, 10}, {2, 20}, {3, 30}};
  const LinearMap<int, int, 4> b = {{3, 30}, {1, 10}, {2, 20}};
  const LinearMap<int, int, 4> c = {{3, 30}, {1, 10}, {2, 21}};
  const LinearMap<int, int, 4> d = {{3, 30}, {1, 10}};
  const LinearMap<int, int, 4> e = {{3, 30}, {1, 10}, {4, 20}};
  CHECK(a == b);
  CHECK_FALSE(a != b);
  CHECK(a != c);
  CHECK(a != d);
  CHECK(d != a);
  CHECK(a != e);
  CHECK(LinearMap<int, int, 4>() == LinearMap<int, int, 4>());
}

TEST_CASE("LinearMap: swap maps of different sizes", "[linear_map][swap]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  LinearMap<int, int, 4> a = {{1, 10}, {2, 20}, {3, 30}};
  LinearMap<int, int, 4> b = {{9, 90}};
  a.swap(b);
  CHECK(entries_are(a, {{9, 90}}));
  CHECK(entries_are(b, {{1, 10}, {2, 20}, {3, 30}}));
  swap(a, b);
  CHECK(entries_are(a, {{1, 10}, {2, 20}, {3, 30}}));
  using std::swap;
  swap(a, b);  // the hidden friend wins over std::swap
  CHECK(a.size() == 1);
  a.swap(a);
  CHECK(a.size() == 1);
}

// ---- The search paths agree ---------------------------------------------------------------
// Every key size and capacity class: single-chunk SSE2 (capacity of keys <=
// 64 bytes), chunked SSE2 with an overlapping tail, the portable loop (< 16
// bytes of keys). Keys past size() hold stale bits of erased keys: they must
// never match.
namespace {
template <class K, std::size_t N>
bool search_paths_agree() {
  static LinearMap<K, int, N> m;
  m.clear();
  // Distinct keys n * mul for n < N; queries q * mul for q in [-2, N + 3).
  const K mul = static_cast<K>(sizeof(K) == 1 ? 1 : 3);
  bool ok = true;
  for (std::size_t n = 0; n <= N; ++n) {
    for (int q = -2; q < static_cast<int>(N) + 3; ++q) {
      const K key = static_cast<K>(static_cast<K>(q) * mul);
      const auto it = m.find(key);
      const std::size_t want = heapless::detail::linear_find_portable(m.keys().data(), m.size(), key);
      ok = ok && static_cast<std::size_t>(it - m.begin()) == want;
      ok = ok && (it == m.end()) == (q < 0 || q >= static_cast<int>(n));
    }
    if (n < N) m[static_cast<K>(static_cast<K>(n) * mul)] = static_cast<int>(n);
  }
  // Stale keys: erase from the back; the erased keys stay in storage.
  for (std::size_t n = N; n > 0; --n) {
    m.erase(m.cend() - 1);
    const K gone = static_cast<K>(static_cast<K>(n - 1) * mul);
    ok = ok && !m.contains(gone) && m.find(gone) == m.end();
  }
  return ok;
}
}  // namespace

TEST_CASE("LinearMap: SSE2 and portable searches agree for every size", "[linear_map][search]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  CHECK(search_paths_agree<std::int8_t, 3>());
  CHECK(search_paths_agree<std::int8_t, 16>());
  CHECK(search_paths_agree<std::int8_t, 40>());
  CHECK(search_paths_agree<std::uint8_t, 64>());
  CHECK(search_paths_agree<std::int8_t, 100>());
  CHECK(search_paths_agree<short, 7>());
  CHECK(search_paths_agree<short, 8>());
  CHECK(search_paths_agree<short, 13>());
  CHECK(search_paths_agree<std::uint16_t, 32>());
  CHECK(search_paths_agree<short, 33>());
  CHECK(search_paths_agree<int, 3>());
  CHECK(search_paths_agree<int, 4>());
  CHECK(search_paths_agree<int, 5>());
  CHECK(search_paths_agree<int, 8>());
  CHECK(search_paths_agree<int, 15>());
  CHECK(search_paths_agree<unsigned, 16>());
  CHECK(search_paths_agree<int, 17>());
  CHECK(search_paths_agree<int, 64>());
  CHECK(search_paths_agree<int, 67>());
  CHECK(search_paths_agree<std::int64_t, 1>());
  CHECK(search_paths_agree<std::int64_t, 2>());
  CHECK(search_paths_agree<std::int64_t, 5>());
  CHECK(search_paths_agree<std::uint64_t, 8>());
  CHECK(search_paths_agree<std::int64_t, 9>());
  CHECK(search_paths_agree<std::int64_t, 33>());
}

namespace {
// Hits at every position of a full map, then of every shorter one: the map
// is filled to N, and entries are erased from the back one at a time, so
// slots [n, N) hold stale copies of the erased keys (which must not match)
// while every key in [0, n) must be found at its own position. Then erase
// from the middle: the last key moves into the hole and leaves a stale copy
// of itself behind the new end (the live copy must win). Covers the hash
// index (2- to 8-byte keys from 32 bytes of keys on hosts, over 128 bytes
// everywhere), and in linear_map_noindex_test and on Cortex-M the SSE2 /
// portable scans of the same maps; 1-byte keys take the single-mask and
// chunked scans (N > 64).
template <class K, std::size_t N>
bool every_position_with_stale_keys() {
  static LinearMap<K, int, N> m;
  m.clear();
  const auto key = [](std::size_t i) {
    return static_cast<K>(static_cast<K>(i) * static_cast<K>(37) + static_cast<K>(5));
  };
  for (std::size_t i = 0; i < N; ++i) m[key(i)] = static_cast<int>(i);
  bool ok = m.size() == N;
  for (std::size_t n = N;; --n) {
    for (std::size_t i = 0; i < N; ++i) {
      const auto it = m.find(key(i));
      ok = ok && (i < n ? it == m.begin() + static_cast<std::ptrdiff_t>(i) && it->second == static_cast<int>(i)
                        : it == m.end());
    }
    ok = ok && !m.contains(key(N)) && !m.contains(static_cast<K>(key(0) - 1));
    if (n == 0) break;
    m.erase(m.cend() - 1);
  }
  for (std::size_t i = 0; i < N; ++i) m[key(i)] = static_cast<int>(i);
  for (std::size_t hole = 0; hole < N / 2; ++hole) {
    const K moved = m.keys()[m.size() - 1];
    ok = ok && m.erase(key(hole)) == 1;
    ok = ok && m.find(moved) == m.begin() + static_cast<std::ptrdiff_t>(hole) && !m.contains(key(hole));
  }
  return ok;
}
}  // namespace

TEST_CASE("LinearMap: hits at every position, stale keys past size()", "[linear_map][search]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  CHECK(every_position_with_stale_keys<int, 16>());
  CHECK(every_position_with_stale_keys<int, 17>());
  CHECK(every_position_with_stale_keys<int, 33>());
  CHECK(every_position_with_stale_keys<int, 40>());
  CHECK(every_position_with_stale_keys<int, 64>());
  CHECK(every_position_with_stale_keys<unsigned, 64>());
  CHECK(every_position_with_stale_keys<int, 65>());
  CHECK(every_position_with_stale_keys<int, 100>());
  CHECK(every_position_with_stale_keys<int, 128>());
  CHECK(every_position_with_stale_keys<short, 64>());
  CHECK(every_position_with_stale_keys<std::int64_t, 17>());
  CHECK(every_position_with_stale_keys<std::int64_t, 32>());
  CHECK(every_position_with_stale_keys<std::uint64_t, 33>());
  CHECK(every_position_with_stale_keys<std::int8_t, 64>());
}

// Integer keys of larger maps keep a hash index (int: N > 32). Keys that
// share one home slot form one long probe run, which may wrap around the end
// of the slots: every key must be found where it is through every kind of
// erase (backward shifting must keep the rest of the run reachable), and
// erased keys must no longer be found.
namespace {
template <class K, std::size_t N>
bool probe_runs_survive_erasure(std::size_t home, K step) {
  // N + 8 keys with one home slot: the first N fill the map, the rest are absent.
  static K same[N + 8];
  std::size_t found = 0;
  for (K k = 0; found < N + 8; k = static_cast<K>(k + step)) {
    if (heapless::detail::linear_map_home<N>(k) == home) same[found++] = k;
  }
  static LinearMap<K, int, N> m;
  const auto fill = [] {
    m.clear();
    for (std::size_t i = 0; i < N; ++i) m[same[i]] = static_cast<int>(i);
  };
  // Every present key at its position with its value; absent ones not found.
  // (Large maps: every 32nd step, a run of N keys makes each check O(N^2).)
  constexpr std::size_t stride = N > 128 ? 32 : 1;
  const auto consistent = [](std::size_t first_absent) {
    if (m.size() % stride != 0) return true;
    bool ok = true;
    for (std::size_t i = 0; i < m.size(); ++i) {
      const auto it = m.find(m.keys()[i]);
      ok = ok && it == m.begin() + static_cast<std::ptrdiff_t>(i) && m.values()[i] == it->second;
    }
    for (std::size_t i = first_absent; i < N + 8; ++i) ok = ok && !m.contains(same[i]);
    return ok;
  };
  fill();
  bool ok = m.full() && consistent(N);
  // Erase from the front of the run (the last entry moves into the hole).
  while (!m.empty()) {
    const K gone = m.keys()[0];
    ok = ok && m.erase(gone) == 1 && !m.contains(gone) && consistent(N);
  }
  // From the middle, keeping the order.
  fill();
  for (std::size_t n = N; n > 0; --n) {
    const K gone = m.keys()[n / 2];
    ok = ok && m.erase_stable(gone) == 1 && !m.contains(gone) && consistent(N);
  }
  // Ranges (swap-filled and order-keeping), erase_if, refill after erasure.
  fill();
  m.erase(m.begin() + 1, m.begin() + 4);
  ok = ok && m.size() == N - 3 && consistent(N) && !m.contains(same[1]) && !m.contains(same[3]);
  const std::size_t cut = m.size() < 7 ? m.size() : 7;  // [2, 7) or what there is of it
  m.erase_stable(m.begin() + 2, m.begin() + static_cast<std::ptrdiff_t>(cut));
  ok = ok && m.size() == N - 3 - (cut - 2) && consistent(N);
  ok = ok && erase_if(m, [](const auto& e) { return e.second % 3 == 0; }) > 0 && consistent(N);
  for (std::size_t i = 0; i < N; ++i) m[same[i]] = static_cast<int>(i);
  ok = ok && m.full() && consistent(N);
  for (std::size_t i = 0; i < N; ++i) ok = ok && m.at(same[i]) == static_cast<int>(i);
  // From the back: nothing moves.
  for (std::size_t n = N; n > 0; --n) {
    const K gone = m.keys()[n - 1];
    m.erase(m.cend() - 1);
    ok = ok && !m.contains(gone) && consistent(N);
  }
  return ok;
}

// Keys that differ in a few bits only (ids, multiples of 256 or 65536,
// the extremes): found where they are, absent ones not found.
template <class K, std::size_t N>
bool structured_keys_found(K mul) {
  static LinearMap<K, int, N> m;
  m.clear();
  for (std::size_t i = 0; i < N; ++i) m[static_cast<K>(static_cast<K>(i) * mul)] = static_cast<int>(i);
  bool ok = m.full();
  for (std::size_t i = 0; i < N; ++i) {
    const auto it = m.find(static_cast<K>(static_cast<K>(i) * mul));
    ok = ok && it == m.begin() + static_cast<std::ptrdiff_t>(i);
    ok = ok && !m.contains(static_cast<K>(static_cast<K>(N + i) * mul));
    // i * mul + 1 is another key when mul is 1 or -1
    ok = ok && (mul == 1 || mul == static_cast<K>(-1) || !m.contains(static_cast<K>(static_cast<K>(i) * mul + 1)));
  }
  return ok;
}
}  // namespace

TEST_CASE("LinearMap: hash index (larger integer maps)", "[linear_map][search]") {
  constexpr bool on = heapless::detail::linear_map_index_enabled;
  constexpr bool small = on && heapless::detail::linear_map_small_index;  // not on microcontrollers
  using heapless::detail::linear_map_index_slots;
  using heapless::detail::linear_map_indexed_v;
  STATIC_REQUIRE(!linear_map_indexed_v<int, 7>);  // 28 bytes of keys: the whole-array scan
  STATIC_REQUIRE(linear_map_indexed_v<int, 8> == small);
  STATIC_REQUIRE(linear_map_indexed_v<int, 32> == small);  // 128 bytes of keys
  STATIC_REQUIRE(linear_map_indexed_v<short, 16> == small);
  STATIC_REQUIRE(!linear_map_indexed_v<short, 15>);
  STATIC_REQUIRE(linear_map_indexed_v<std::int64_t, 4> == small);
  STATIC_REQUIRE(linear_map_indexed_v<int, 33> == on);
  STATIC_REQUIRE(linear_map_indexed_v<unsigned, 64> == on);
  STATIC_REQUIRE(linear_map_indexed_v<short, 64> == small);
  STATIC_REQUIRE(linear_map_indexed_v<short, 65> == on);
  STATIC_REQUIRE(linear_map_indexed_v<std::int64_t, 17> == on);
  STATIC_REQUIRE(!linear_map_indexed_v<color, 200>);  // 1-byte keys: 128 bytes per SSE2 branch
  STATIC_REQUIRE(!linear_map_indexed_v<std::int8_t, 200>);
  STATIC_REQUIRE(!linear_map_indexed_v<std::string_view, 200>);  // strings keep tags
  // Slots: the smallest power of two >= 4N up to N = 32, >= 2N above; one
  // byte each up to N = 255.
  STATIC_REQUIRE(linear_map_index_slots<8> == 32 && linear_map_index_slots<9> == 64);
  STATIC_REQUIRE(linear_map_index_slots<32> == 128);
  STATIC_REQUIRE(linear_map_index_slots<33> == 128 && linear_map_index_slots<64> == 128);
  STATIC_REQUIRE(linear_map_index_slots<65> == 256 && linear_map_index_slots<300> == 1024);
  STATIC_REQUIRE(sizeof(LinearMap<int, int, 16>) == 16 * 4 + 16 * 4 + (small ? 64 : 0) + 4);
  STATIC_REQUIRE(sizeof(LinearMap<int, int, 64>) == 64 * 4 + 64 * 4 + (on ? 128 : 0) + 4);
  STATIC_REQUIRE(sizeof(LinearMap<int, int, 256>) == 256 * 4 + 256 * 4 + (on ? 1024 : 0) + 4);
  STATIC_REQUIRE(std::is_trivially_copyable_v<LinearMap<int, int, 64>>);
  HEAPLESS_NO_ALLOC_SCOPE;
  // One probe run: starting mid-way, and at the last slot (it wraps around).
  CHECK(probe_runs_survive_erasure<int, 8>(31, 1));
  CHECK(probe_runs_survive_erasure<int, 16>(20, 1));
  CHECK(probe_runs_survive_erasure<short, 20>(79, 1));
  CHECK(probe_runs_survive_erasure<std::int64_t, 5>(19, 0x10000001));
  CHECK(probe_runs_survive_erasure<int, 33>(5, 1));
  CHECK(probe_runs_survive_erasure<int, 33>(127, 1));
  CHECK(probe_runs_survive_erasure<int, 64>(127, 1));
  CHECK(probe_runs_survive_erasure<int, 65>(250, 7));
  CHECK(probe_runs_survive_erasure<unsigned, 100>(0, 3));
  CHECK(probe_runs_survive_erasure<short, 70>(255, 1));
  CHECK(probe_runs_survive_erasure<std::int64_t, 40>(63, 0x10000001));
  CHECK(probe_runs_survive_erasure<int, 256>(511, 1));  // two-byte slots
  CHECK(structured_keys_found<int, 64>(1));
  CHECK(structured_keys_found<int, 64>(256));
  CHECK(structured_keys_found<int, 64>(65536));
  CHECK(structured_keys_found<int, 64>(-1));
  CHECK(structured_keys_found<unsigned, 64>(0x01000000u));
  CHECK(structured_keys_found<std::int64_t, 64>(std::int64_t{1} << 40));
  CHECK(structured_keys_found<std::uint16_t, 100>(256));

  // The extremes, and queries of other integer types: compared by value.
  static LinearMap<unsigned, int, 64> u;
  u.clear();
  u[0xFFFFFFFFu] = 1;
  u[0u] = 2;
  CHECK(u.find(-1) == u.end());
  CHECK(u.at(0xFFFFFFFFull) == 1);
  CHECK(u.count(std::int64_t{0x1FFFFFFFF}) == 0);
  CHECK(u.at(static_cast<short>(0)) == 2);
  static LinearMap<short, int, 100> sh;
  sh.clear();
  sh[static_cast<short>(4464)] = 7;  // 70000 mod 65536
  sh[static_cast<short>(-32768)] = 8;
  CHECK_FALSE(sh.contains(70000));
  CHECK(sh.at(4464) == 7);
  CHECK(sh.at(-32768L) == 8);
  CHECK_FALSE(sh.contains(32768u));
  CHECK(sh.find(1.0) == sh.end());  // not an integer: the key's own operator==, no index
  sh[static_cast<short>(1)] = 9;
  CHECK(sh.find(1.0)->second == 9);
}

namespace {
// String keys: every capacity class of the tag scan (one block, whole 64,
// chunks of 64 with a moved-back last block) against the length-first loop.
// Keys are numbers in decimal, so many share lengths, first and last
// characters (tag collisions are verified away).
template <std::size_t N>
bool string_paths_agree() {
  static char text[N + 3][8];
  static LinearMap<std::string_view, int, N> m;
  m.clear();
  const auto word = [](int q) {
    char* t = text[q + 2];
    int len = 0;
    unsigned v = static_cast<unsigned>(q + 2) * 7919u;
    do {
      t[len++] = static_cast<char>('0' + v % 10);
      v /= 10;
    } while (v != 0);
    return std::string_view(t, static_cast<std::size_t>(len));
  };
  bool ok = true;
  for (std::size_t n = 0; n <= N; ++n) {
    for (int q = -2; q < static_cast<int>(N) + 1; ++q) {
      const std::string_view key = word(q);
      const auto it = m.find(key);
      const std::size_t want = heapless::detail::linear_find_string(m.keys().data(), m.size(), key);
      ok = ok && static_cast<std::size_t>(it - m.begin()) == want;
      ok = ok && (it == m.end()) == (q < 0 || q >= static_cast<int>(n));
    }
    if (n < N) m[word(static_cast<int>(n))] = static_cast<int>(n);
  }
  for (std::size_t n = N; n > 0; --n) {
    m.erase(m.cend() - 1);
    ok = ok && !m.contains(word(static_cast<int>(n - 1)));
  }
  return ok;
}
}  // namespace

TEST_CASE("LinearMap: tagged and length-first string searches agree for every size", "[linear_map][search]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  CHECK(string_paths_agree<3>());
  CHECK(string_paths_agree<8>());
  CHECK(string_paths_agree<16>());
  CHECK(string_paths_agree<17>());
  CHECK(string_paths_agree<40>());
  CHECK(string_paths_agree<64>());
  CHECK(string_paths_agree<65>());
  CHECK(string_paths_agree<100>());
  CHECK(string_paths_agree<130>());
}

TEST_CASE("LinearMap: 64-bit keys need both halves to match", "[linear_map][search]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  static LinearMap<std::uint64_t, int, 40> m;
  m.clear();
  for (std::uint64_t i = 0; i < 40; ++i) m[(i << 32) | 7u] = static_cast<int>(i);
  CHECK_FALSE(m.contains(std::uint64_t{7} | (std::uint64_t{99} << 32)));
  CHECK_FALSE(m.contains(std::uint64_t{8} | (std::uint64_t{3} << 32)));
  CHECK(m.at((std::uint64_t{39} << 32) | 7u) == 39);
}

TEST_CASE("LinearMap: capacity 1 and a 16-bit length", "[linear_map][edge]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  LinearMap<int, int, 1> one;
  one[5] = 1;
  CHECK(one.full());
  CHECK_FALSE(one.try_insert(6, 1).has_value());
  one.erase(5);
  CHECK(one.empty());
  static LinearMap<std::uint16_t, std::uint8_t, 300> big;
  for (unsigned i = 0; i < 300; ++i) big[static_cast<std::uint16_t>(i * 7u)] = static_cast<std::uint8_t>(i);
  CHECK(big.full());
  CHECK(big.size() == 300);
  CHECK(big.at(static_cast<std::uint16_t>(299 * 7)) == static_cast<std::uint8_t>(299));
  CHECK_FALSE(big.contains(static_cast<std::uint16_t>(3)));
}
