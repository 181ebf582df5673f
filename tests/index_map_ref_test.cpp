// index_map_ref_test.cpp - heapless::IndexMapRef<K, V, Hash, KeyEqual>: one
// non-template function fills and searches IndexMaps of any capacity. Every
// member goes through the view (positions, the three erasures, pop_back),
// on maps of every length type and slot width; the owner's hash index stays
// in step with what iteration shows; errors are IndexMap's; stateful hashes,
// transparent string lookups and other heterogeneous queries work; the
// read-only view only reads; the element matrix keeps its lifetimes.
#include "support/test.hpp"
#include "support/map_checks.hpp"

#include <algorithm>    // std::count_if
#include <cstdint>      // std::uint16_t, std::uint32_t
#include <iterator>     // std::inserter
#include <string_view>  // string queries
#include <type_traits>  // std::is_same_v
#include <utility>      // std::pair, std::move

#include <heapless/index_map.hpp>
#include <heapless/string.hpp>

using heapless::IndexMap;
using heapless::IndexMapRef;
using heapless::test::counted;
using heapless::test::fill_by_key;
using heapless::test::holds_keys;
using heapless::test::make;
using heapless::test::move_only;
using heapless::test::reaches_every_key;
using heapless::test::overaligned;
using heapless::test::throwing;
using heapless::test::trivial;
using heapless::test::value_of;

namespace {

// A keyed hash: state in the function object, reached through the view.
struct keyed_hash {
  std::size_t key = 0;
  std::size_t operator()(int v) const noexcept { return static_cast<std::size_t>(static_cast<unsigned>(v)) ^ key; }
};
// Every key lands on the same home slot: one probe run holds them all.
struct constant_hash {
  std::size_t operator()(int) const noexcept { return 42; }
};

// Transparent hash and equality over ints, with a query type that is neither
// an int nor convertible to one: the view compares it with KeyEqual.
struct tagged_id {
  int id;
};
struct id_hash {
  using is_transparent = void;
  std::size_t operator()(int v) const noexcept { return static_cast<std::size_t>(static_cast<unsigned>(v)); }
  std::size_t operator()(tagged_id t) const noexcept { return static_cast<std::size_t>(static_cast<unsigned>(t.id)); }
};
struct id_equal {
  using is_transparent = void;
  bool operator()(int a, int b) const noexcept { return a == b; }
  bool operator()(int a, tagged_id b) const noexcept { return a == b.id; }
};

// Not templates: each serves every capacity through the view.
std::size_t register_devices(IndexMapRef<std::uint32_t, int> table, std::uint32_t first, int count) {
  std::size_t added = 0;
  for (int i = 0; i < count; ++i) {
    if (!table.try_insert(first + static_cast<std::uint32_t>(i), i)) break;
    ++added;
  }
  return added;
}
long sum_values(IndexMapRef<std::uint32_t, const int> table) {
  long s = 0;
  for (const auto& e : table) s += e.second;
  return s;
}

// Every key iteration shows is found where iteration shows it.
template <class Map>
bool agrees(const Map& m) {
  std::size_t i = 0;
  for (const auto& e : m) {
    const auto at = m.index_of(e.first);
    if (!at || *at != i) return false;
    ++i;
  }
  return true;
}

}  // namespace

// Forces every shared member to compile for a view.
template class heapless::IndexMapRef<int, int>;
template class heapless::index_map_members<heapless::IndexMapRef<int, int>, int, int>;
template class heapless::map_members<heapless::IndexMapRef<int, int>, int, int>;
template class heapless::IndexMapRef<heapless::String<16>, long>;
template class heapless::map_members<heapless::IndexMapRef<heapless::String<16>, long>, heapless::String<16>, long>;

TEST_CASE("IndexMapRef: one non-template function serves every capacity", "[index_map][index_map_ref]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  IndexMap<std::uint32_t, int, 4> small;
  static IndexMap<std::uint32_t, int, 300> large;  // two-byte length and slots
  large.clear();
  CHECK(register_devices(small, 0x1000, 10) == 4);
  CHECK(small.full());
  CHECK(small.at(0x1003) == 3);
  CHECK(register_devices(large, 0x2000, 280) == 280);
  CHECK(large.at(0x2000 + 279) == 279);
  CHECK(agrees(large));
  CHECK(sum_values(small) == 0 + 1 + 2 + 3);
  CHECK(sum_values(large) == 279 * 280 / 2);
  CHECK(sizeof(IndexMapRef<int, int>) == 2 * sizeof(void*));
  CHECK(IndexMapRef<std::uint32_t, int>(small).slots() == small.slots());
  CHECK(IndexMapRef<std::uint32_t, int>(large).slots() == large.slots());
  CHECK(IndexMapRef<std::uint32_t, int>(large).capacity() == 300);
}

TEST_CASE("IndexMapRef: reads and writes every length type", "[index_map][index_map_ref]") {
  HEAPLESS_NO_ALLOC_SCOPE;
#if defined(__ARM_ARCH_PROFILE) && __ARM_ARCH_PROFILE == 'M'
  static IndexMap<std::uint32_t, std::uint8_t, 5> big;  // would not fit a microcontroller's RAM
#else
  static IndexMap<std::uint32_t, std::uint8_t, 70000> big;  // four-byte length and slots
  static_assert(sizeof(heapless::detail::smallest_size_t<70000>) == 4);
#endif
  static IndexMap<std::uint32_t, std::uint8_t, 400> mid;  // two-byte length and slots
  IndexMap<std::uint32_t, std::uint8_t, 10> tiny;
  big.clear();
  mid.clear();
  for (IndexMapRef<std::uint32_t, std::uint8_t> r : {IndexMapRef<std::uint32_t, std::uint8_t>(tiny),
                                                     IndexMapRef<std::uint32_t, std::uint8_t>(mid),
                                                     IndexMapRef<std::uint32_t, std::uint8_t>(big)}) {
    CHECK(r.empty());
    const std::size_t n = r.capacity() < 300 ? r.capacity() : 300;
    for (std::size_t i = 0; i < n; ++i) r[static_cast<std::uint32_t>(i * 7919u)] = static_cast<std::uint8_t>(i);
    CHECK(r.size() == n);
    CHECK(r.at(static_cast<std::uint32_t>((n - 1) * 7919u)) == static_cast<std::uint8_t>(n - 1));
    r.pop_back();
    r.shift_erase(r.begin());
    CHECK(r.size() == n - 2);
    CHECK(agrees(r));
    r.clear();
    CHECK(r.empty());
    CHECK(r.max_size() == r.capacity());
  }
}

TEST_CASE("IndexMapRef: every member through the view", "[index_map][index_map_ref]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  IndexMap<int, int, 8> owner;
  IndexMapRef<int, int> m = owner;
  CHECK(m.insert({1, 10}).second);
  CHECK_FALSE(m.insert({1, 99}).second);
  const std::pair<int, int> two{2, 20};
  CHECK(m.insert(two).second);
  CHECK(m.insert(std::pair<const int, int>(3, 30)).second);
  CHECK(m.insert(m.end(), {4, 40})->first == 4);
  const std::pair<int, int> more[] = {{5, 50}, {1, 0}};
  m.insert(std::begin(more), std::end(more));
  m.insert({{6, 60}});
  CHECK(m.emplace(7, 70).second);
  CHECK(m.emplace_hint(m.begin(), 7, 71)->second == 70);
  CHECK_FALSE(m.try_emplace(7, 72).second);
  CHECK(m.try_emplace(m.begin(), 7, 73)->second == 70);
  CHECK(holds_keys(owner, {1, 2, 3, 4, 5, 6, 7}));
  CHECK_FALSE(m.insert_or_assign(7, 77).second);
  CHECK(owner.at(7) == 77);
  m.insert_or_assign(7, 70);
  // positions and lookup
  CHECK(m.nth(2)->first == 3);
  CHECK(m.nth(7) == m.end());
  CHECK(*m.index_of(5) == 4);
  CHECK_FALSE(m.index_of(42).has_value());
  CHECK(m.front().first == 1);
  CHECK(m.back().first == 7);
  m.front().second = 11;
  CHECK(owner.at(1) == 11);
  m.front().second = 10;
  const IndexMapRef<int, int>& cm = m;
  CHECK(cm.front().second == 10);
  CHECK(cm.back().second == 70);
  CHECK(cm.nth(1)->second == 20);
  CHECK(m.find(3)->second == 30);
  CHECK(cm.find(3)->second == 30);
  CHECK(m.find(42) == m.end());
  CHECK(m.contains(6));
  CHECK(m.count(6) == 1);
  CHECK(m.at(2) == 20);
  CHECK(cm.at(2) == 20);
  CHECK(m[4] == 40);
  CHECK(m.find(3L)->second == 30);  // another integer type: by value
  CHECK(m.find(-1L) == m.end());
  CHECK(m.keys()[6] == 7);
  CHECK(m.values()[6] == 70);
  CHECK(m.rbegin()->first == 7);
  CHECK(std::count_if(m.cbegin(), m.cend(), [](const auto& e) { return e.first > 3; }) == 4);
  CHECK(m.hash_function()(5) == owner.hash_function()(5));
  CHECK(m.key_eq()(5, 5));
  // the try_ tier
  CHECK(m.try_insert(8, 80).has_value());
  CHECK(m.full());
  CHECK_FALSE(m.try_insert(9, 90).has_value());
  CHECK_FALSE(m.try_insert_or_assign(9, 90).has_value());
  CHECK_FALSE(m.try_insert(std::pair<int, int>(9, 90)).has_value());
  CHECK_FALSE(m.try_insert(two).value().second);
  CHECK_FALSE(m.try_insert_or_assign(8, 81)->second);
  // erasure
  auto it = m.erase(m.find(1));  // 8 moves into the hole
  CHECK(it == m.begin());
  CHECK(it->first == 8);
  CHECK(m.erase(8) == 1);        // 7 moves into the hole
  CHECK(m.erase(8) == 0);
  it = m.swap_erase(m.begin());  // 6 moves in
  CHECK(it->first == 6);
  CHECK(m.swap_erase(6) == 1);
  CHECK(holds_keys(m, {5, 2, 3, 4}));
  it = m.shift_erase(m.begin());
  CHECK(it == m.begin());
  CHECK(holds_keys(m, {2, 3, 4}));
  CHECK(m.shift_erase(3) == 1);
  CHECK(m.shift_erase(3) == 0);
  CHECK(holds_keys(m, {2, 4}));
  CHECK(agrees(owner));
  m.pop_back();
  CHECK(holds_keys(m, {2}));
  fill_by_key(m, 6);
  CHECK(erase_if(m, [](const auto& e) { return e.first % 2 == 1; }) == 3);
  CHECK(holds_keys(m, {2, 0, 4}));
  CHECK(agrees(owner));
  std::inserter(m, m.end()) = std::pair<int, int>(9, 90);
  CHECK(owner.at(9) == 90);
  m.clear();
  CHECK(owner.empty());
  CHECK(owner.find(2) == owner.end());
}

TEST_CASE("IndexMapRef: capacity violations go through the error model", "[index_map][index_map_ref]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  IndexMap<int, int, 2> owner{{1, 10}, {2, 20}};
  IndexMapRef<int, int> m = owner;
  HEAPLESS_CHECK_RAISES(length_error, m.insert({3, 30}));
  HEAPLESS_CHECK_RAISES(length_error, m.emplace(3, 30));
  HEAPLESS_CHECK_RAISES(length_error, m.try_emplace(3, 30));
  HEAPLESS_CHECK_RAISES(length_error, m.insert_or_assign(3, 30));
  HEAPLESS_CHECK_RAISES(length_error, m[3]);
  HEAPLESS_CHECK_RAISES(out_of_range, m.at(3));
  HEAPLESS_CHECK_RAISES(out_of_range, IndexMapRef<int, const int>(owner).at(3));
  CHECK(holds_keys(owner, {1, 2}));
  CHECK(agrees(owner));
}

TEST_CASE("IndexMapRef: stateful hash, colliding keys, transparent queries", "[index_map][index_map_ref]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  IndexMap<int, int, 4, keyed_hash> keyed(keyed_hash{0x5A5A});
  IndexMapRef<int, int, keyed_hash> k = keyed;
  k[1] = 10;
  k[2] = 20;
  CHECK(k.hash_function().key == 0x5A5A);
  CHECK(keyed.at(2) == 20);
  CHECK(k.erase(1) == 1);
  CHECK(keyed.find(2)->second == 20);

  IndexMap<int, int, 16, constant_hash> colliding;  // one probe run
  IndexMapRef<int, int, constant_hash> c = colliding;
  fill_by_key(c, 12);
  CHECK(c.shift_erase(3) == 1);
  CHECK(c.erase(0) == 1);
  CHECK(agrees(colliding));
  CHECK(c.at(11) == 110);

  IndexMap<heapless::String<15>, int, 8> names;  // transparent hash and equality
  IndexMapRef<heapless::String<15>, int> n = names;
  n["alpha"] = 1;
  n.emplace("beta", 2);
  CHECK(n.at("alpha") == 1);
  CHECK(n.find(std::string_view("beta"))->second == 2);
  CHECK(n.contains(heapless::String<15>("beta")));
  CHECK(*n.index_of("beta") == 1);
  CHECK_FALSE(n.contains("gamma"));
  CHECK(n.erase("alpha") == 1);
  CHECK(names.at("beta") == 2);

  IndexMap<int, int, 8, id_hash, id_equal> ids;  // a transparent non-string query
  IndexMapRef<int, int, id_hash, id_equal> i = ids;
  fill_by_key(i, 5);
  CHECK(i.find(tagged_id{3})->second == 30);
  CHECK(i.contains(tagged_id{4}));
  CHECK_FALSE(i.contains(tagged_id{5}));
  CHECK(i.erase(tagged_id{3}) == 1);
  CHECK_FALSE(ids.contains(3));
  CHECK(i.find(4)->second == 40);
}

TEST_CASE("IndexMapRef: the read-only view and comparisons", "[index_map][index_map_ref]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  IndexMap<std::uint32_t, int, 4> a{{1, 10}, {2, 20}};
  IndexMap<std::uint32_t, int, 64> b{{2, 20}, {1, 10}};
  const IndexMap<std::uint32_t, int, 4>& ca = a;
  IndexMapRef<std::uint32_t, const int> ra = ca;
  IndexMapRef<std::uint32_t, int> rb = b;
  IndexMapRef<std::uint32_t, const int> crb = rb;
  static_assert(std::is_same_v<decltype(ra.at(1u)), const int&>);
  static_assert(std::is_same_v<decltype(ra.begin()), decltype(ra.cbegin())>);
  CHECK(ra.at(1u) == 10);
  CHECK(ra.front().second == 10);
  CHECK(*crb.index_of(1u) == 1);
  CHECK(ra == crb);
  CHECK(IndexMapRef<std::uint32_t, int>(a) == rb);
  CHECK((IndexMapRef<std::uint32_t, int>(a) == b));  // an IndexMap converts
  rb[3] = 30;
  CHECK(ra != crb);
  CHECK(crb.size() == 3);
  CHECK(sum_values(b) == 60);
}

TEST_CASE("IndexMapRef: aliasing - views of one map, keys taken from the map", "[index_map][index_map_ref]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  IndexMap<int, int, 16> owner;
  IndexMapRef<int, int> one = owner, two = owner;
  fill_by_key(one, 10);
  CHECK(two.size() == 10);
  CHECK(two.swap_erase(3) == 1);
  CHECK_FALSE(one.contains(3));
  CHECK_FALSE(one.insert_or_assign(one.keys()[0], one.values()[1]).second);
  CHECK(owner.at(0) == 10);
  CHECK_FALSE(one.try_emplace(owner.keys()[4], 0).second);
  one.shift_erase(one.nth(1));
  CHECK(agrees(owner));
  two.pop_back();
  CHECK(agrees(owner));
}

TEST_CASE("IndexMapRef: the element matrix through the view", "[index_map][index_map_ref][matrix]") {
  auto run = [](auto value_tag) {
    using V = typename decltype(value_tag)::type;
    HEAPLESS_LIFETIME_CHECK;
    HEAPLESS_NO_ALLOC_SCOPE;
    IndexMap<int, V, 6> owner;
    IndexMapRef<int, V> m = owner;
    fill_by_key(m, 5);
    CHECK(holds_keys(m, {0, 1, 2, 3, 4}));
    CHECK(value_of(m.at(2)) == 20);
    CHECK(m.erase(1) == 1);
    CHECK(holds_keys(m, {0, 4, 2, 3}));
    CHECK(m.shift_erase(0) == 1);
    CHECK(holds_keys(m, {4, 2, 3}));
    m.pop_back();
    m.insert_or_assign(4, make<V>(40));
    m[5] = make<V>(50);
    CHECK(holds_keys(owner, {4, 2, 5}));
    CHECK(erase_if(m, [](const auto& e) { return e.first == 4; }) == 1);
    CHECK(holds_keys(m, {2, 5}));
    CHECK(agrees(owner));
    m.clear();
    fill_by_key(m, 6);
    CHECK(m.full());
    CHECK_FALSE(m.try_insert(9, make<V>(90)).has_value());
    for (const auto& e : m) CHECK(reinterpret_cast<std::uintptr_t>(&e.second) % alignof(V) == 0);
  };
  heapless::test::for_each_type<trivial, counted, move_only, throwing, overaligned>(run);
}

#if HEAPLESS_HAS_EXCEPTIONS
TEST_CASE("IndexMapRef: a throwing value move keeps the hash index in step", "[index_map][index_map_ref][throw]") {
  static IndexMap<int, throwing, 16> owner;
  HEAPLESS_LIFETIME_CHECK;
  HEAPLESS_NO_ALLOC_SCOPE;
  IndexMapRef<int, throwing> m = owner;
  const auto attempt = [&](auto&& erase) {
    m.clear();
    fill_by_key(m, 16);
    throwing::throw_after(2);
    {
      heapless::test::allow_alloc_scope exception_object;
      CHECK_THROWS_AS(erase(), heapless::test::test_exception);
    }
    throwing::never_throw();
    CHECK(reaches_every_key(owner));
  };
  attempt([&] { m.shift_erase(m.begin() + 1); });
  attempt([&] { erase_if(m, [](const auto& e) { return e.first % 2 == 0; }); });
  m.clear();
}
#endif
