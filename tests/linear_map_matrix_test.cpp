// linear_map_matrix_test.cpp - LinearMap over the element-type matrix, as
// keys and as values: trivial, counted (lifetimes), move_only, throwing
// (strong guarantee of insertion, rollback of copies), overaligned. Every
// object born in a test dies exactly once (HEAPLESS_LIFETIME_CHECK) and
// nothing allocates (HEAPLESS_NO_ALLOC_SCOPE).
#include "support/test.hpp"
#include "support/map_checks.hpp"

#include <cstddef>
#include <type_traits>
#include <utility>

#include <heapless/linear_map.hpp>

using heapless::LinearMap;
using heapless::test::counted;
using heapless::test::fill_by_key;
using heapless::test::holds_keys;
using heapless::test::make;
using heapless::test::move_only;
using heapless::test::overaligned;
using heapless::test::throwing;
using heapless::test::trivial;
using heapless::test::value_of;

namespace {

template <class T>
constexpr bool copyable = std::is_copy_constructible_v<T>;

}  // namespace

TEST_CASE("LinearMap matrix: insert, find, erase, clear for every key and value type", "[linear_map][matrix]") {
  auto run = [](auto key_tag, auto value_tag) {
    using K = typename decltype(key_tag)::type;
    using V = typename decltype(value_tag)::type;
    HEAPLESS_LIFETIME_CHECK;
    HEAPLESS_NO_ALLOC_SCOPE;
    LinearMap<K, V, 6> m;
    heapless::test::linear_map_workout(m);
  };
  // Each type as the key (with a trivial value and with itself as the value)
  // and as the value (with an int key): every key code path and every value
  // code path, and each type on both sides at once, without the whole
  // cross product (whose other pairs repeat those paths).
  using heapless::test::type_tag;
  heapless::test::for_each_type<int, trivial, counted, move_only, throwing, overaligned>([&](auto key_tag) {
    run(key_tag, type_tag<trivial>{});
    using K = typename decltype(key_tag)::type;
    if constexpr (!std::is_same_v<K, int> && !std::is_same_v<K, trivial>) run(key_tag, key_tag);
  });
  heapless::test::for_each_type<counted, move_only, throwing, overaligned>(
      [&](auto value_tag) { run(type_tag<int>{}, value_tag); });
}

TEST_CASE("LinearMap matrix: copy, move, swap keep every lifetime exact", "[linear_map][matrix]") {
  heapless::test::for_each_type<trivial, counted, move_only, throwing, overaligned>([](auto tag) {
    using T = typename decltype(tag)::type;
    HEAPLESS_LIFETIME_CHECK;
    HEAPLESS_NO_ALLOC_SCOPE;
    LinearMap<T, T, 5> a;
    fill_by_key(a, 4);
    if constexpr (copyable<T>) {
      LinearMap<T, T, 5> b = a;
      CHECK(holds_keys(b, {0, 1, 2, 3}));
      b.erase(make<T>(0));
      b = a;
      CHECK(holds_keys(b, {0, 1, 2, 3}));
      CHECK(b == a);
    }
    LinearMap<T, T, 5> c = std::move(a);
    CHECK(holds_keys(c, {0, 1, 2, 3}));
    LinearMap<T, T, 5> d;
    fill_by_key(d, 1);
    d = std::move(c);
    CHECK(holds_keys(d, {0, 1, 2, 3}));
    LinearMap<T, T, 5> e;
    fill_by_key(e, 2);
    e.erase(make<T>(0));
    e.swap(d);  // sizes 1 and 4
    CHECK(holds_keys(e, {0, 1, 2, 3}));
    CHECK(holds_keys(d, {1}));
    swap(d, e);
    CHECK(holds_keys(d, {0, 1, 2, 3}));
  });
}

namespace {
// Every key is found at its own position: the hash index of a larger int
// map is in step with the entries.
template <class Map>
bool index_in_step(const Map& m) {
  for (std::size_t i = 0; i < m.size(); ++i) {
    if (m.find(m.keys()[i]) != m.begin() + static_cast<std::ptrdiff_t>(i)) return false;
  }
  return true;
}
// Weaker, after an exception: entries may then repeat a key (a key moved
// before its value's move threw), but every key shown is found.
template <class Map>
bool index_reaches_every_key(const Map& m) {
  for (std::size_t i = 0; i < m.size(); ++i) {
    const auto it = m.find(m.keys()[i]);
    if (it == m.end() || it->first != m.keys()[i]) return false;
  }
  return true;
}
}  // namespace

// int keys with N = 33 (132 bytes of keys): a hash index beside the
// entries. Every value type through every operation that moves entries.
TEST_CASE("LinearMap matrix: hash-indexed maps with every value type", "[linear_map][matrix]") {
  STATIC_REQUIRE(heapless::detail::linear_map_indexed_v<int, 33> == heapless::detail::linear_map_index_enabled);
  heapless::test::for_each_type<trivial, counted, move_only, throwing, overaligned>([](auto tag) {
    using V = typename decltype(tag)::type;
    using map_type = LinearMap<int, V, 33>;
    // Static (overaligned values make a map 2.4 KB: Cortex-M0 has 12 KiB),
    // registered for destruction at exit before the trap is armed (that may
    // allocate).
    static map_type m, other;
    HEAPLESS_LIFETIME_CHECK;
    HEAPLESS_NO_ALLOC_SCOPE;
    m.clear();
    fill_by_key(m, 33);
    CHECK(m.full());
    CHECK(index_in_step(m));
    CHECK(m.erase(3) == 1);  // 32 moves into slot 3
    CHECK(m.erase_stable(0) == 1);
    m.erase(m.begin() + 5, m.begin() + 9);
    m.erase_stable(m.begin() + 1, m.begin() + 3);
    CHECK(erase_if(m, [](const auto& e) { return e.first % 4 == 1; }) > 0);
    CHECK(index_in_step(m));
    CHECK(m.size() < 25);
    CHECK_FALSE(m.contains(0));
    CHECK_FALSE(m.contains(3));
    for (int k = 0; k < 33; ++k) {
      const auto it = m.find(k);
      if (it != m.end()) CHECK(value_of(it->second) == 10 * k);
    }
    other.clear();
    fill_by_key(other, 2);
    const std::size_t n = m.size();
    other.swap(m);  // sizes 2 and n
    CHECK(m.size() == 2);
    CHECK(other.size() == n);
    CHECK(index_in_step(m));
    CHECK(index_in_step(other));
    CHECK(holds_keys(m, {0, 1}));
    m = std::move(other);
    CHECK(m.size() == n);
    CHECK(index_in_step(m));
    if constexpr (!std::is_trivially_copyable_v<map_type>) {
      CHECK(other.empty());  // a moved-from map with non-trivial values is empty
      CHECK_FALSE(other.contains(2));
    }
    other.clear();
    fill_by_key(other, 33);
    CHECK(index_in_step(other));
    if constexpr (copyable<V>) {
      other = m;
      CHECK(index_in_step(other));
      CHECK(other == m);
    }
    m.clear();
    CHECK_FALSE(m.contains(2));
    fill_by_key(m, 33);
    CHECK(index_in_step(m));
    m.clear();  // static maps: empty before the lifetime check
    other.clear();
  });
}

TEST_CASE("LinearMap matrix: alignment of over-aligned keys and values", "[linear_map][matrix]") {
  HEAPLESS_LIFETIME_CHECK;
  HEAPLESS_NO_ALLOC_SCOPE;
  const long errors = heapless::test::counters().errors.load();
  LinearMap<overaligned, overaligned, 3> m;
  fill_by_key(m, 3);
  for (const auto& [k, v] : m) {
    CHECK(reinterpret_cast<std::uintptr_t>(&k) % 64 == 0);
    CHECK(reinterpret_cast<std::uintptr_t>(&v) % 64 == 0);
  }
  CHECK(heapless::test::counters().errors.load() == errors);
}

#if HEAPLESS_HAS_EXCEPTIONS
// The throwing type throws test_exception, which the C++ runtime allocates:
// the checks pause the trap around the throw.
TEST_CASE("LinearMap matrix: a throwing value constructor leaves the map unchanged", "[linear_map][matrix][throw]") {
  HEAPLESS_LIFETIME_CHECK;
  HEAPLESS_NO_ALLOC_SCOPE;
  LinearMap<counted, throwing, 4> m;
  fill_by_key(m, 2);
  const throwing v(99);
  throwing::throw_after(0);
  {
    heapless::test::allow_alloc_scope exception_object;
    CHECK_THROWS_AS(m.try_emplace(counted(7), v), heapless::test::test_exception);
  }
  CHECK(holds_keys(m, {0, 1}));  // the key built for the new entry is gone again
  throwing::throw_after(0);
  {
    heapless::test::allow_alloc_scope exception_object;
    CHECK_THROWS_AS(m.insert({counted(8), v}), heapless::test::test_exception);
  }
  CHECK(holds_keys(m, {0, 1}));
  throwing::throw_after(0);
  {
    heapless::test::allow_alloc_scope exception_object;
    const auto attempt = [&] { return m.try_insert(counted(9), v); };
    CHECK_THROWS_AS(attempt(), heapless::test::test_exception);
  }
  CHECK(holds_keys(m, {0, 1}));
  throwing::never_throw();
  CHECK(m.try_emplace(counted(2), throwing(20)).second);
  CHECK(holds_keys(m, {0, 1, 2}));
}

// A value move that throws mid-way through an erase leaves entries that are
// valid but partly moved (basic guarantee): the hash index is rebuilt from
// them, so every key iteration shows is also found by find().
TEST_CASE("LinearMap matrix: a throwing value move keeps the hash index in step", "[linear_map][matrix][throw]") {
  static LinearMap<int, throwing, 33> m, other;  // before the trap: see above
  HEAPLESS_LIFETIME_CHECK;
  HEAPLESS_NO_ALLOC_SCOPE;
  const auto attempt = [](auto&& erase) {
    m.clear();
    fill_by_key(m, 33);
    throwing::throw_after(2);
    {
      heapless::test::allow_alloc_scope exception_object;
      CHECK_THROWS_AS(erase(), heapless::test::test_exception);
    }
    throwing::never_throw();
    CHECK(index_reaches_every_key(m));
  };
  attempt([] { m.erase(m.begin() + 1, m.begin() + 6); });
  attempt([] { m.erase_stable(m.begin() + 1, m.begin() + 6); });
  attempt([] { erase_if(m, [](const auto& e) { return e.first % 2 == 0; }); });
  attempt([] {
    other.clear();
    fill_by_key(other, 7);
    m.swap(other);
  });
  CHECK(index_reaches_every_key(other));
  m.clear();
  other.clear();
}

TEST_CASE("LinearMap matrix: a throwing element copy rolls the map copy back", "[linear_map][matrix][throw]") {
  HEAPLESS_LIFETIME_CHECK;
  HEAPLESS_NO_ALLOC_SCOPE;
  LinearMap<throwing, throwing, 4> m;
  fill_by_key(m, 4);
  for (long k = 0; k < 8; ++k) {  // the copy throws at every possible element
    throwing::throw_after(k);
    heapless::test::allow_alloc_scope exception_object;
    using map_type = LinearMap<throwing, throwing, 4>;
    CHECK_THROWS_AS(map_type(m), heapless::test::test_exception);
  }
  throwing::never_throw();
  LinearMap<throwing, throwing, 4> target;
  fill_by_key(target, 1);
  throwing::throw_after(3);
  {
    heapless::test::allow_alloc_scope exception_object;
    CHECK_THROWS_AS(target = m, heapless::test::test_exception);
  }
  throwing::never_throw();
  CHECK(target.size() <= 4);  // basic guarantee: valid, no leak (lifetime check)
  target = m;
  CHECK(holds_keys(target, {0, 1, 2, 3}));
}
#endif
