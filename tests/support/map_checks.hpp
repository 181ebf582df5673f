// SPDX-License-Identifier: BSL-1.0
// map_checks.hpp - what the tests of LinearMap and IndexMap (owners, views,
// the element-type matrix) ask of a map the same way: filling it with keys
// and values of a known pattern, comparing its entries in iteration order,
// finding every key, LinearMap's members in one sequence, and every plain
// insertion form on a full map (include after
// support/test.hpp; the types are those of element_types.hpp).
#ifndef HEAPLESS_TESTS_MAP_CHECKS_HPP
#define HEAPLESS_TESTS_MAP_CHECKS_HPP

#include <initializer_list>  // the expected entries
#include <type_traits>       // std::decay_t
#include <utility>           // std::pair

#include "element_types.hpp"

namespace heapless::test {

/// Keys 0..n-1 with values 10 * key, in insertion order (try_emplace: stops
/// adding when the map is full). Map is a map or a view of one.
template <class Map>
void fill_by_key(Map&& m, int n) {
  using K = typename std::decay_t<Map>::key_type;
  using V = typename std::decay_t<Map>::mapped_type;
  for (int i = 0; i < n; ++i) m.try_emplace(make<K>(i), make<V>(10 * i));
}

/// m holds exactly `keys`, in iteration order, each with value 10 * key.
template <class Map>
bool holds_keys(const Map& m, std::initializer_list<int> keys) {
  if (m.size() != keys.size()) return false;
  auto k = keys.begin();
  for (const auto& [key, value] : m) {
    if (value_of(key) != *k || value_of(value) != 10 * *k) return false;
    ++k;
  }
  return true;
}

/// The entries of m, in iteration order, are exactly `want`.
template <class Map>
bool entries_are(const Map& m, std::initializer_list<std::pair<int, int>> want) {
  if (m.size() != want.size()) return false;
  auto w = want.begin();
  for (const auto& [k, v] : m) {
    if (!(value_of(k) == w->first && value_of(v) == w->second)) return false;
    ++w;
  }
  return true;
}

/// The basic guarantee after a throwing move: entries may repeat a key (a
/// copied trivial key), but every key iteration shows is found.
template <class Map>
bool reaches_every_key(const Map& m) {
  for (const auto& e : m) {
    const auto it = m.find(e.first);
    if (it == m.end() || !(it->first == e.first)) return false;
  }
  return true;
}

/// LinearMap's members on an empty map (or a view of one) of capacity 6:
/// fill, lookups, the swapping and the order-keeping erasures, a range
/// erase, insert_or_assign, operator[], erase_if, clear; leaves it full
/// with keys 0..5.
template <class Map>
void linear_map_workout(Map&& m) {
  using K = typename std::decay_t<Map>::key_type;
  using V = typename std::decay_t<Map>::mapped_type;
  REQUIRE(m.empty());
  fill_by_key(m, 5);
  CHECK(holds_keys(m, {0, 1, 2, 3, 4}));
  CHECK(m.contains(make<K>(3)));
  CHECK_FALSE(m.contains(make<K>(7)));
  CHECK(value_of(m.at(make<K>(2))) == 20);
  CHECK(m.erase(make<K>(1)) == 1);  // 4 moves into slot 1
  CHECK(holds_keys(m, {0, 4, 2, 3}));
  CHECK(m.erase_stable(make<K>(0)) == 1);
  CHECK(holds_keys(m, {4, 2, 3}));
  m.erase(m.begin() + 1, m.end());
  CHECK(holds_keys(m, {4}));
  m.insert_or_assign(make<K>(4), make<V>(40));
  m[make<K>(5)] = make<V>(50);
  CHECK(holds_keys(m, {4, 5}));
  CHECK(erase_if(m, [](const auto& e) { return value_of(e.first) == 4; }) == 1);
  CHECK(holds_keys(m, {5}));
  m.clear();
  CHECK(m.empty());
  fill_by_key(m, 6);
  CHECK(m.full());
  CHECK_FALSE(m.try_insert(make<K>(9), make<V>(90)).has_value());
}

/// m is a full map of capacity 2 holding {1, 1}, {2, 2}: every plain form
/// that would add key 3 (insert of a pair, by hint, of a list that also
/// names an existing key; emplace, emplace_hint, try_emplace,
/// insert_or_assign, operator[]) raises length_error and changes nothing;
/// existing keys can still be assigned. Leaves {1, 10}, {2, 20}.
template <class Map>
void check_plain_forms_raise_when_full(Map& m) {
  REQUIRE(entries_are(m, {{1, 1}, {2, 2}}));
  const std::pair<int, int> p{3, 3};
  HEAPLESS_CHECK_RAISES(length_error, m.insert({3, 3}));
  HEAPLESS_CHECK_RAISES(length_error, m.insert(p));
  HEAPLESS_CHECK_RAISES(length_error, m.insert(m.cbegin(), p));
  HEAPLESS_CHECK_RAISES(length_error, m.emplace(3, 3));
  HEAPLESS_CHECK_RAISES(length_error, m.emplace_hint(m.cend(), 3, 3));
  HEAPLESS_CHECK_RAISES(length_error, m.try_emplace(3, 3));
  HEAPLESS_CHECK_RAISES(length_error, m.insert_or_assign(3, 3));
  HEAPLESS_CHECK_RAISES(length_error, m[3]);
  HEAPLESS_CHECK_RAISES(length_error, m.insert({{2, 9}, {3, 3}}));
  CHECK(entries_are(m, {{1, 1}, {2, 2}}));  // nothing changed
  m[2] = 20;
  CHECK_FALSE(m.insert_or_assign(1, 10).second);
  CHECK(entries_are(m, {{1, 10}, {2, 20}}));
}

}  // namespace heapless::test

#endif  // HEAPLESS_TESTS_MAP_CHECKS_HPP
