// linear_map_ref_test.cpp - heapless::LinearMapRef<K, V>: one non-template
// function fills and searches LinearMaps of any capacity. Every member goes
// through the view, on maps of every length type (1-, 2- and 4-byte
// lengths), of every search (SIMD scan, hash index, tag bytes, plain loop);
// errors are LinearMap's (length_error, out_of_range, the try_ forms), the
// element matrix keeps its lifetimes, the read-only view only reads, and
// two views of one map see each other's changes.
#include "support/test.hpp"
#include "support/map_checks.hpp"

#include <algorithm>    // std::count_if, std::find_if (std algorithms over a view)
#include <cstdint>      // std::uint8_t, std::uint16_t
#include <iterator>     // std::inserter
#include <string_view>  // string queries
#include <type_traits>  // std::is_trivially_copyable_v
#include <utility>      // std::pair, std::move

#include <heapless/linear_map.hpp>
#include <heapless/string.hpp>

using heapless::LinearMap;
using heapless::LinearMapRef;
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

// Not templates: each serves every capacity through the view.
std::size_t fill_squares(LinearMapRef<int, int> m, int count) {
  std::size_t added = 0;
  for (int i = 0; i < count; ++i) {
    if (!m.try_insert(i, i * i)) break;
    ++added;
  }
  return added;
}
long sum_values(LinearMapRef<int, const int> m) {
  long s = 0;
  for (const auto& [k, v] : m) s += v;
  return s;
}

// Every key iteration shows is found by the owner's own search.
template <class Map>
bool agrees(const Map& m) {
  std::size_t i = 0;
  for (const auto& e : m) {
    if (m.find(e.first) != m.begin() + static_cast<std::ptrdiff_t>(i)) return false;
    ++i;
  }
  return true;
}

}  // namespace

TEST_CASE("LinearMapRef: one non-template function serves every capacity", "[linear_map][linear_map_ref]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  LinearMap<int, int, 3> small;   // plain scan, one-byte length
  LinearMap<int, int, 64> large;  // hash index on hosts
  static LinearMap<int, int, 300> two_byte;  // two-byte length
  two_byte.clear();
  CHECK(fill_squares(small, 5) == 3);
  CHECK(small.full());
  CHECK(small.at(2) == 4);
  CHECK(fill_squares(large, 50) == 50);
  CHECK(large.at(49) == 49 * 49);
  CHECK(agrees(large));
  CHECK(fill_squares(two_byte, 290) == 290);
  CHECK(two_byte.size() == 290);
  CHECK(two_byte.at(289) == 289 * 289);
  CHECK(sum_values(small) == 0 + 1 + 4);
  CHECK(sum_values(two_byte) > 0);
  CHECK(sizeof(LinearMapRef<int, int>) == 2 * sizeof(void*));
  static_assert(std::is_trivially_copyable_v<LinearMapRef<int, int>>);
}

TEST_CASE("LinearMapRef: reads and writes every length type", "[linear_map][linear_map_ref]") {
  HEAPLESS_NO_ALLOC_SCOPE;
#if defined(__ARM_ARCH_PROFILE) && __ARM_ARCH_PROFILE == 'M'
  static LinearMap<std::uint16_t, std::uint8_t, 4> big;  // 200 KB would not fit a microcontroller's RAM
#else
  static LinearMap<std::uint16_t, std::uint8_t, 70000> big;  // four-byte length
  static_assert(sizeof(heapless::detail::smallest_size_t<70000>) == 4);
#endif
  static LinearMap<std::uint16_t, std::uint8_t, 400> mid;   // two-byte length
  LinearMap<std::uint16_t, std::uint8_t, 10> tiny;          // one-byte length
  big.clear();
  mid.clear();
  for (LinearMapRef<std::uint16_t, std::uint8_t> r : {LinearMapRef<std::uint16_t, std::uint8_t>(tiny),
                                                      LinearMapRef<std::uint16_t, std::uint8_t>(mid),
                                                      LinearMapRef<std::uint16_t, std::uint8_t>(big)}) {
    CHECK(r.empty());
    const std::size_t n = r.capacity() < 300 ? r.capacity() : 300;
    for (std::size_t i = 0; i < n; ++i) r[static_cast<std::uint16_t>(i)] = static_cast<std::uint8_t>(i);
    CHECK(r.size() == n);
    CHECK(r.at(static_cast<std::uint16_t>(n - 1)) == static_cast<std::uint8_t>(n - 1));
    r.erase(r.begin());
    CHECK(r.size() == n - 1);
    CHECK_FALSE(r.contains(std::uint16_t{0}));
    r.clear();
    CHECK(r.empty());
    CHECK(r.max_size() == r.capacity());
  }
  CHECK(tiny.capacity() == LinearMapRef<std::uint16_t, std::uint8_t>(tiny).capacity());
  CHECK(mid.empty());
}

TEST_CASE("LinearMapRef: every member through the view", "[linear_map][linear_map_ref]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  LinearMap<int, int, 8> owner;
  LinearMapRef<int, int> m = owner;
  // insert forms
  CHECK(m.insert({1, 10}).second);
  CHECK_FALSE(m.insert({1, 99}).second);
  std::pair<int, int> two{2, 20};
  CHECK(m.insert(two).second);
  CHECK(m.insert(std::pair<const int, int>(3, 30)).second);  // insert(P&&)
  CHECK(m.insert(m.end(), {4, 40})->first == 4);              // with a hint
  const std::pair<int, int> five{5, 50};
  CHECK(m.insert(m.cend(), five)->second == 50);
  const std::pair<int, int> more[] = {{6, 60}, {1, 0}};
  m.insert(std::begin(more), std::end(more));
  CHECK(holds_keys(owner, {1, 2, 3, 4, 5, 6}));
  m.erase(6);
  m.insert({{6, 60}, {7, 70}});
  CHECK(holds_keys(m, {1, 2, 3, 4, 5, 6, 7}));
  // emplace forms
  m.erase(7);
  CHECK(m.emplace(7, 70).second);
  CHECK_FALSE(m.emplace(std::pair<int, int>(7, 71)).second);
  CHECK(m.emplace_hint(m.begin(), 7, 72)->second == 70);
  CHECK_FALSE(m.try_emplace(7, 73).second);
  const int seven = 7;
  CHECK(m.try_emplace(seven, 74).first->second == 70);
  CHECK(m.try_emplace(m.begin(), 7, 75)->second == 70);
  CHECK(m.try_emplace(m.begin(), seven, 76)->second == 70);
  // insert_or_assign
  CHECK_FALSE(m.insert_or_assign(7, 77).second);
  CHECK(owner.at(7) == 77);
  CHECK_FALSE(m.insert_or_assign(seven, 70).second);
  CHECK(owner.at(7) == 70);
  // lookup
  CHECK(m.find(3)->second == 30);
  CHECK(m.find(42) == m.end());
  CHECK(m.contains(5));
  CHECK(m.count(5) == 1);
  CHECK(m.count(42) == 0);
  CHECK(m.at(2) == 20);
  CHECK(m[4] == 40);
  CHECK(m.find(3L)->second == 30);  // another integer type: by value
  CHECK(m.find(-1L) == m.end());
  const LinearMapRef<int, int>& cm = m;
  CHECK(cm.find(3)->second == 30);
  CHECK(cm.at(3) == 30);
  CHECK(cm.begin() + 7 == cm.end());
  // sizes, iteration, spans
  CHECK(m.size() == 7);
  CHECK(m.full() == (m.size() == m.capacity()));
  CHECK(m.keys().size() == 7);
  CHECK(m.keys()[0] == 1);
  m.values()[0] = 11;
  CHECK(owner.at(1) == 11);
  m.values()[0] = 10;
  CHECK(cm.values()[1] == 20);
  CHECK(m.rbegin()->first == 7);
  CHECK((m.rend() - 1)->first == 1);
  CHECK(m.crbegin()->first == 7);
  CHECK(m.cbegin()->first == 1);
  CHECK(m.cend() - m.cbegin() == 7);
  CHECK(std::count_if(m.begin(), m.end(), [](const auto& e) { return e.second >= 40; }) == 4);
  // the try_ tier
  CHECK(m.try_insert(8, 80).has_value());
  CHECK(m.full());
  CHECK_FALSE(m.try_insert(9, 90).has_value());
  CHECK_FALSE(m.try_insert(std::pair<int, int>(9, 90)).has_value());
  const std::pair<int, int> nine{9, 90};
  CHECK_FALSE(m.try_insert(nine).has_value());
  CHECK_FALSE(m.try_insert_or_assign(9, 90).has_value());
  CHECK(m.try_insert_or_assign(8, 81)->second == false);
  CHECK(owner.at(8) == 81);
  const auto present = m.try_insert(seven, 0);
  REQUIRE(present.has_value());
  CHECK_FALSE(present->second);
  CHECK(present->first->second == 70);
  // erase forms
  CHECK(m.erase(8) == 1);
  CHECK(m.erase(8) == 0);
  auto it = m.erase(m.find(1));  // 7 moves into the hole
  CHECK(it == m.begin());
  CHECK(it->first == 7);
  CHECK(holds_keys(m, {7, 2, 3, 4, 5, 6}));
  it = m.erase(m.begin() + 1, m.begin() + 3);  // 5, 6 fill the hole
  CHECK(it == m.begin() + 1);
  CHECK(holds_keys(m, {7, 5, 6, 4}));
  it = m.erase_stable(m.begin());
  CHECK(it == m.begin());
  CHECK(holds_keys(m, {5, 6, 4}));
  CHECK(m.erase_stable(6) == 1);
  CHECK(m.erase_stable(6) == 0);
  CHECK(holds_keys(m, {5, 4}));
  m.insert({{1, 10}, {2, 20}, {3, 30}});
  it = m.erase_stable(m.begin() + 1, m.begin() + 3);
  CHECK(it == m.begin() + 1);
  CHECK(holds_keys(m, {5, 2, 3}));
  CHECK(erase_if(m, [](const auto& e) { return e.first == 2; }) == 1);
  CHECK(holds_keys(m, {5, 3}));
  m.clear();
  CHECK(owner.empty());
}

TEST_CASE("LinearMapRef: capacity violations go through the error model", "[linear_map][linear_map_ref]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  LinearMap<int, int, 2> owner{{1, 10}, {2, 20}};
  LinearMapRef<int, int> m = owner;
  HEAPLESS_CHECK_RAISES(length_error, m.insert({3, 30}));
  HEAPLESS_CHECK_RAISES(length_error, m.emplace(3, 30));
  HEAPLESS_CHECK_RAISES(length_error, m.try_emplace(3, 30));
  HEAPLESS_CHECK_RAISES(length_error, m.insert_or_assign(3, 30));
  HEAPLESS_CHECK_RAISES(length_error, m[3]);
  HEAPLESS_CHECK_RAISES(out_of_range, m.at(3));
  HEAPLESS_CHECK_RAISES(out_of_range, LinearMapRef<int, const int>(owner).at(3));
  CHECK(holds_keys(owner, {1, 2}));
  CHECK(m[2] == 20);  // a present key needs no room
  CHECK(m.insert_or_assign(2, 20).first->second == 20);
}

TEST_CASE("LinearMapRef: a rejected try_insert leaves its arguments alone", "[linear_map][linear_map_ref]") {
  HEAPLESS_LIFETIME_CHECK;
  HEAPLESS_NO_ALLOC_SCOPE;
  LinearMap<move_only, move_only, 1> owner;
  LinearMapRef<move_only, move_only> m = owner;
  CHECK(m.try_insert(move_only(1), move_only(10)).has_value());
  move_only k(2), v(20);
  CHECK_FALSE(m.try_insert(std::move(k), std::move(v)).has_value());
  CHECK(k.get() == 2);
  CHECK(v.get() == 20);
  CHECK_FALSE(m.try_insert_or_assign(std::move(k), std::move(v)).has_value());
  CHECK(k.get() == 2);
  CHECK(v.get() == 20);
  CHECK_FALSE(m.try_emplace(move_only(1), std::move(v)).second);  // present: v not moved from
  CHECK(v.get() == 20);
}

TEST_CASE("LinearMapRef: the read-only view", "[linear_map][linear_map_ref]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  LinearMap<int, int, 4> owner{{1, 10}, {2, 20}};
  const LinearMap<int, int, 4>& const_owner = owner;
  LinearMapRef<int, const int> a = const_owner;
  LinearMapRef<int, const int> b = owner;
  LinearMapRef<int, int> rw = owner;
  LinearMapRef<int, const int> c = rw;
  static_assert(std::is_same_v<decltype(a.begin()), decltype(a.cbegin())>);
  static_assert(std::is_same_v<decltype(a.at(1)), const int&>);
  static_assert(std::is_same_v<decltype(a.values()[0]), const int&>);
  CHECK(a.at(1) == 10);
  CHECK(b.find(2)->second == 20);
  CHECK(c.contains(2));
  CHECK(c.size() == 2);
  CHECK(c.capacity() == 4);
  CHECK(a == b);
  CHECK(a == c);
  rw[3] = 30;
  CHECK(a.size() == 3);  // a view, not a copy
  CHECK(sum_values(owner) == 60);
  CHECK(sum_values(rw) == 60);
}

TEST_CASE("LinearMapRef: comparisons across capacities", "[linear_map][linear_map_ref]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  LinearMap<int, int, 4> a{{1, 10}, {2, 20}};
  LinearMap<int, int, 64> b{{2, 20}, {1, 10}};  // indexed, other order
  LinearMap<int, int, 8> c{{1, 10}, {2, 21}};
  CHECK(LinearMapRef<int, int>(a) == LinearMapRef<int, int>(b));
  CHECK(LinearMapRef<int, int>(a) != LinearMapRef<int, int>(c));
  CHECK((LinearMapRef<int, int>(a) == a));  // a LinearMap converts
  CHECK(LinearMapRef<int, const int>(b) == LinearMapRef<int, const int>(a));
  c.erase(2);
  CHECK(LinearMapRef<int, int>(a) != LinearMapRef<int, int>(c));
}

TEST_CASE("LinearMapRef: aliasing - views of one map, keys taken from the map", "[linear_map][linear_map_ref]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  LinearMap<int, int, 16> owner;  // indexed on hosts
  LinearMapRef<int, int> one = owner;
  LinearMapRef<int, int> two = owner;
  fill_by_key(one, 10);
  CHECK(two.size() == 10);
  CHECK(two.erase(3) == 1);
  CHECK_FALSE(one.contains(3));
  CHECK(agrees(owner));
  // A key and a value read from the map itself.
  CHECK_FALSE(one.insert_or_assign(one.keys()[0], one.values()[1]).second);
  CHECK(owner.at(0) == 10);
  CHECK_FALSE(one.try_emplace(owner.keys()[4], 0).second);
  one.erase_stable(one.begin(), one.begin() + 2);
  CHECK(agrees(owner));
  CHECK(erase_if(two, [](const auto& e) { return e.first % 2 == 0; }) == 4);  // 2, 4, 6, 8
  CHECK(agrees(owner));
  std::inserter(one, one.end()) = std::pair<int, int>(100, 1000);  // std::inserter takes a view
  CHECK(owner.at(100) == 1000);
  CHECK(agrees(owner));
}

TEST_CASE("LinearMapRef: string keys, with and without tag bytes", "[linear_map][linear_map_ref]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  LinearMap<heapless::String<15>, int, 4> plain;   // length-first loop
  LinearMap<heapless::String<15>, int, 16> tagged;  // one tag byte per entry
  for (LinearMapRef<heapless::String<15>, int> m : {LinearMapRef<heapless::String<15>, int>(plain),
                                                    LinearMapRef<heapless::String<15>, int>(tagged)}) {
    m["alpha"] = 1;
    m.emplace("beta", 2);
    m.try_emplace(heapless::String<15>("gamma"), 3);
    CHECK(m.at("alpha") == 1);
    CHECK(m.at(std::string_view("beta")) == 2);
    CHECK(m.contains(heapless::String<15>("gamma")));
    CHECK_FALSE(m.contains("delta"));
    CHECK(m.erase("beta") == 1);  // gamma moves into the hole: its tag moves too
    CHECK(m.at("gamma") == 3);
    CHECK(m.find("beta") == m.end());
    m.erase_stable(m.begin());
    CHECK(m.begin()->first == "gamma");
    CHECK(m.at("gamma") == 3);
  }
  CHECK(plain.at("gamma") == 3);
  CHECK(tagged.at("gamma") == 3);
  CHECK(tagged.find("alpha") == tagged.end());
}

namespace {
// A query comparable with the key but not convertible to it: the view's
// plain loop.
struct id_query {
  int id;
  friend bool operator==(int k, const id_query& q) noexcept { return k == q.id; }
};
}  // namespace

TEST_CASE("LinearMapRef: a query only comparable with the key", "[linear_map][linear_map_ref]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  LinearMap<int, int, 64> owner;
  LinearMapRef<int, int> m = owner;
  fill_by_key(m, 20);
  CHECK(m.find(id_query{7})->second == 70);
  CHECK(m.contains(id_query{19}));
  CHECK_FALSE(m.contains(id_query{20}));
  CHECK(m.erase(id_query{7}) == 1);
  CHECK_FALSE(owner.contains(7));
  CHECK(agrees(owner));
}

TEST_CASE("LinearMapRef: the element matrix through the view", "[linear_map][linear_map_ref][matrix]") {
  auto run = [](auto key_tag, auto value_tag) {
    using K = typename decltype(key_tag)::type;
    using V = typename decltype(value_tag)::type;
    HEAPLESS_LIFETIME_CHECK;
    HEAPLESS_NO_ALLOC_SCOPE;
    LinearMap<K, V, 6> owner;
    LinearMapRef<K, V> m = owner;
    heapless::test::linear_map_workout(m);
    CHECK(holds_keys(owner, {0, 1, 2, 3, 4, 5}));  // the view changed the owner
    for (const auto& e : m) CHECK(reinterpret_cast<std::uintptr_t>(&e.second) % alignof(V) == 0);
  };
  auto for_values = [&](auto key_tag) {
    heapless::test::for_each_type<trivial, counted, move_only, throwing, overaligned>(
        [&](auto value_tag) { run(key_tag, value_tag); });
  };
  heapless::test::for_each_type<int, trivial, counted, move_only, throwing, overaligned>(for_values);
}

#if HEAPLESS_HAS_EXCEPTIONS
TEST_CASE("LinearMapRef: a throwing value constructor leaves the map unchanged", "[linear_map][linear_map_ref][throw]") {
  HEAPLESS_LIFETIME_CHECK;
  HEAPLESS_NO_ALLOC_SCOPE;
  LinearMap<counted, throwing, 4> owner;
  LinearMapRef<counted, throwing> m = owner;
  fill_by_key(m, 2);
  const throwing v(99);
  throwing::throw_after(0);
  {
    heapless::test::allow_alloc_scope exception_object;
    CHECK_THROWS_AS(m.try_emplace(counted(7), v), heapless::test::test_exception);
  }
  CHECK(holds_keys(owner, {0, 1}));
  throwing::never_throw();
}

// A value move that throws mid-way leaves valid, partly moved entries: the
// owner's hash index is rebuilt from them through the view too.
TEST_CASE("LinearMapRef: a throwing value move keeps the hash index in step", "[linear_map][linear_map_ref][throw]") {
  static LinearMap<int, throwing, 33> owner;  // indexed everywhere (over 128 bytes of keys)
  HEAPLESS_LIFETIME_CHECK;
  HEAPLESS_NO_ALLOC_SCOPE;
  LinearMapRef<int, throwing> m = owner;
  const auto attempt = [&](auto&& erase) {
    m.clear();
    fill_by_key(m, 33);
    throwing::throw_after(2);
    {
      heapless::test::allow_alloc_scope exception_object;
      CHECK_THROWS_AS(erase(), heapless::test::test_exception);
    }
    throwing::never_throw();
    CHECK(reaches_every_key(owner));
  };
  attempt([&] { m.erase(m.begin() + 1, m.begin() + 6); });
  attempt([&] { m.erase_stable(m.begin() + 1, m.begin() + 6); });
  attempt([&] { erase_if(m, [](const auto& e) { return e.first % 2 == 0; }); });
  m.clear();
}
#endif
