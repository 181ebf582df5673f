// linear_map_matrix_test.cpp - LinearMap over the element-type matrix, as
// keys and as values: trivial, counted (lifetimes), move_only, throwing
// (strong guarantee of insertion, rollback of copies), overaligned. Every
// object born in a test dies exactly once (HEAPLESS_LIFETIME_CHECK) and
// nothing allocates (HEAPLESS_NO_ALLOC_SCOPE).
#include "support/test.hpp"

#include <type_traits>
#include <utility>

#include <heapless/linear_map.hpp>

using heapless::LinearMap;
using heapless::test::counted;
using heapless::test::make;
using heapless::test::move_only;
using heapless::test::overaligned;
using heapless::test::throwing;
using heapless::test::trivial;
using heapless::test::value_of;

namespace {

// Keys 0..n-1 with values 10 * key, in insertion order.
template <class Map>
void fill(Map& m, int n) {
  using K = typename Map::key_type;
  using V = typename Map::mapped_type;
  for (int i = 0; i < n; ++i) m.try_emplace(make<K>(i), make<V>(10 * i));
}

template <class Map>
bool holds(const Map& m, std::initializer_list<int> keys) {
  if (m.size() != keys.size()) return false;
  auto k = keys.begin();
  for (const auto& [key, value] : m) {
    if (value_of(key) != *k || value_of(value) != 10 * *k) return false;
    ++k;
  }
  return true;
}

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
    fill(m, 5);
    CHECK(holds(m, {0, 1, 2, 3, 4}));
    CHECK(m.contains(make<K>(3)));
    CHECK_FALSE(m.contains(make<K>(7)));
    CHECK(value_of(m.at(make<K>(2))) == 20);
    CHECK(m.erase(make<K>(1)) == 1);  // 4 moves into slot 1
    CHECK(holds(m, {0, 4, 2, 3}));
    CHECK(m.erase_stable(make<K>(0)) == 1);
    CHECK(holds(m, {4, 2, 3}));
    m.erase(m.begin() + 1, m.end());
    CHECK(holds(m, {4}));
    m.insert_or_assign(make<K>(4), make<V>(40));
    m[make<K>(5)] = make<V>(50);
    CHECK(holds(m, {4, 5}));
    CHECK(erase_if(m, [](const auto& e) { return value_of(e.first) == 4; }) == 1);
    CHECK(holds(m, {5}));
    m.clear();
    CHECK(m.empty());
    fill(m, 6);
    CHECK(m.full());
    CHECK_FALSE(m.try_insert(make<K>(9), make<V>(90)).has_value());
  };
  auto for_values = [&](auto key_tag) {
    heapless::test::for_each_type<trivial, counted, move_only, throwing, overaligned>(
        [&](auto value_tag) { run(key_tag, value_tag); });
  };
  heapless::test::for_each_type<int, trivial, counted, move_only, throwing, overaligned>(for_values);
}

TEST_CASE("LinearMap matrix: copy, move, swap keep every lifetime exact", "[linear_map][matrix]") {
  heapless::test::for_each_type<trivial, counted, move_only, throwing, overaligned>([](auto tag) {
    using T = typename decltype(tag)::type;
    HEAPLESS_LIFETIME_CHECK;
    HEAPLESS_NO_ALLOC_SCOPE;
    LinearMap<T, T, 5> a;
    fill(a, 4);
    if constexpr (copyable<T>) {
      LinearMap<T, T, 5> b = a;
      CHECK(holds(b, {0, 1, 2, 3}));
      b.erase(make<T>(0));
      b = a;
      CHECK(holds(b, {0, 1, 2, 3}));
      CHECK(b == a);
    }
    LinearMap<T, T, 5> c = std::move(a);
    CHECK(holds(c, {0, 1, 2, 3}));
    LinearMap<T, T, 5> d;
    fill(d, 1);
    d = std::move(c);
    CHECK(holds(d, {0, 1, 2, 3}));
    LinearMap<T, T, 5> e;
    fill(e, 2);
    e.erase(make<T>(0));
    e.swap(d);  // sizes 1 and 4
    CHECK(holds(e, {0, 1, 2, 3}));
    CHECK(holds(d, {1}));
    swap(d, e);
    CHECK(holds(d, {0, 1, 2, 3}));
  });
}

TEST_CASE("LinearMap matrix: alignment of over-aligned keys and values", "[linear_map][matrix]") {
  HEAPLESS_LIFETIME_CHECK;
  HEAPLESS_NO_ALLOC_SCOPE;
  const long errors = heapless::test::counters().errors.load();
  LinearMap<overaligned, overaligned, 3> m;
  fill(m, 3);
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
  fill(m, 2);
  const throwing v(99);
  throwing::throw_after(0);
  {
    heapless::test::allow_alloc_scope exception_object;
    CHECK_THROWS_AS(m.try_emplace(counted(7), v), heapless::test::test_exception);
  }
  CHECK(holds(m, {0, 1}));  // the key built for the new entry is gone again
  throwing::throw_after(0);
  {
    heapless::test::allow_alloc_scope exception_object;
    CHECK_THROWS_AS(m.insert({counted(8), v}), heapless::test::test_exception);
  }
  CHECK(holds(m, {0, 1}));
  throwing::throw_after(0);
  {
    heapless::test::allow_alloc_scope exception_object;
    const auto attempt = [&] { return m.try_insert(counted(9), v); };
    CHECK_THROWS_AS(attempt(), heapless::test::test_exception);
  }
  CHECK(holds(m, {0, 1}));
  throwing::never_throw();
  CHECK(m.try_emplace(counted(2), throwing(20)).second);
  CHECK(holds(m, {0, 1, 2}));
}

TEST_CASE("LinearMap matrix: a throwing element copy rolls the map copy back", "[linear_map][matrix][throw]") {
  HEAPLESS_LIFETIME_CHECK;
  HEAPLESS_NO_ALLOC_SCOPE;
  LinearMap<throwing, throwing, 4> m;
  fill(m, 4);
  for (long k = 0; k < 8; ++k) {  // the copy throws at every possible element
    throwing::throw_after(k);
    heapless::test::allow_alloc_scope exception_object;
    using map_type = LinearMap<throwing, throwing, 4>;
    CHECK_THROWS_AS(map_type(m), heapless::test::test_exception);
  }
  throwing::never_throw();
  LinearMap<throwing, throwing, 4> target;
  fill(target, 1);
  throwing::throw_after(3);
  {
    heapless::test::allow_alloc_scope exception_object;
    CHECK_THROWS_AS(target = m, heapless::test::test_exception);
  }
  throwing::never_throw();
  CHECK(target.size() <= 4);  // basic guarantee: valid, no leak (lifetime check)
  target = m;
  CHECK(holds(target, {0, 1, 2, 3}));
}
#endif
