// SPDX-License-Identifier: BSL-1.0
// map_checks.hpp - what the tests of LinearMap and IndexMap (owners, views,
// the element-type matrix) ask of a map the same way: filling it with keys
// and values of a known pattern, comparing its entries in iteration order,
// and every plain insertion form on a full map (include after
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
