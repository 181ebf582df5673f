// index_map_test.cpp - IndexMap behaviour, by area: layout and traits,
// construction, lookup (heterogeneous too), insertion forms and their error
// paths, positions (nth, index_of, front, back, pop_back), erasure and what
// it does to the order, equality, swap, the index under colliding keys, the
// element-type matrix for values, and heapless::hash.
// Long random sequences: index_map_random_test.cpp; the set: index_set_test.cpp.
#include "support/test.hpp"
#include "support/map_checks.hpp"

#include <cstdint>
#include <initializer_list>
#include <iterator>
#include <string_view>
#include <type_traits>
#include <utility>

#include <heapless/index_map.hpp>
#include <heapless/string.hpp>

using heapless::IndexMap;
using heapless::test::counted;
using heapless::test::entries_are;
using heapless::test::make;
using heapless::test::move_only;
using heapless::test::overaligned;
using heapless::test::throwing;
using heapless::test::trivial;
using heapless::test::value_of;

namespace {

// Every key lands on the same home slot: one probe run holds them all.
struct constant_hash {
  std::size_t operator()(int) const noexcept { return 42; }
};
// A keyed hash: state in the function object.
struct keyed_hash {
  std::size_t key = 0;
  std::size_t operator()(int v) const noexcept { return static_cast<std::size_t>(static_cast<unsigned>(v)) ^ key; }
};

enum class color : std::uint8_t { red, green, blue };

}  // namespace

// Forces every member of the class templates to compile.
template class heapless::IndexMap<int, int, 8>;
template class heapless::IndexMap<std::uint64_t, double, 100>;
template class heapless::IndexMap<heapless::String<16>, long, 7>;
template class heapless::IndexMap<int, counted, 4>;
template class heapless::IndexMap<int, int, 5, constant_hash>;

namespace {

// Every key can be found at its own position.
template <class Map>
bool consistent(const Map& m) {
  for (std::size_t i = 0; i < m.size(); ++i) {
    const auto j = m.index_of(m.keys()[i]);
    if (!j || *j != i) return false;
  }
  return true;
}

}  // namespace

// ---- Layout and traits --------------------------------------------------------
TEST_CASE("IndexMap: layout is keys, values, index, smallest length", "[index_map][layout]") {
  static_assert(IndexMap<std::uint32_t, std::uint32_t, 64>::slots() == 128);
  static_assert(sizeof(IndexMap<std::uint32_t, std::uint32_t, 64>) == 644);  // 2 bytes of index per entry
  static_assert(IndexMap<int, int, 7>::slots() == 16);
  static_assert(IndexMap<int, int, 1>::slots() == 2);
  static_assert(IndexMap<int, int, 1000>::slots() == 2048);
  static_assert(sizeof(IndexMap<std::uint8_t, std::uint8_t, 1000>) == 2000 + 2048 * 2 + 2);
  // String keys keep hash bits beside each entry number.
  static_assert(sizeof(IndexMap<heapless::String<15>, int, 64>) == 64 * 16 + 64 * 4 + 128 * 2 + 4);
  // A stored (stateful) hash costs its size; an empty one nothing.
  static_assert(sizeof(IndexMap<int, int, 4, keyed_hash>) > sizeof(IndexMap<int, int, 4>));
  CHECK(IndexMap<int, int, 7>::capacity() == 7);
  CHECK(IndexMap<int, int, 7>::max_size() == 7);
}

TEST_CASE("IndexMap: trivially copyable exactly when K and V are", "[index_map][layout]") {
  static_assert(std::is_trivially_copyable_v<IndexMap<int, int, 8>>);
  static_assert(std::is_trivially_copyable_v<IndexMap<heapless::String<8>, trivial, 8>>);
  static_assert(!std::is_trivially_copyable_v<IndexMap<int, counted, 8>>);
  static_assert(!std::is_copy_constructible_v<IndexMap<int, move_only, 8>>);
  static_assert(std::is_nothrow_move_constructible_v<IndexMap<int, move_only, 8>>);
  static_assert(std::is_same_v<IndexMap<int, int, 8>::reference, const std::pair<const int&, int&>>);
  static_assert(std::is_same_v<IndexMap<int, int, 8>::value_type, std::pair<int, int>>);
  static_assert(std::is_same_v<IndexMap<int, int, 8>::hasher, heapless::hash<int>>);
  CHECK(true);
}

// ---- Construction ---------------------------------------------------------------
TEST_CASE("IndexMap: construction", "[index_map][cons]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  IndexMap<int, int, 5> empty;
  CHECK(empty.empty());
  CHECK(empty.size() == 0);
  CHECK(empty.begin() == empty.end());
  IndexMap<int, int, 5> m = {{3, 30}, {1, 10}, {3, 99}, {2, 20}};
  CHECK(entries_are(m, {{3, 30}, {1, 10}, {2, 20}}));  // a repeated key keeps its first value
  const std::pair<int, int> src[] = {{7, 70}, {8, 80}};
  IndexMap<int, int, 5> r(std::begin(src), std::end(src));
  CHECK(entries_are(r, {{7, 70}, {8, 80}}));
  r = {{1, 1}};
  CHECK(entries_are(r, {{1, 1}}));
  IndexMap<int, int, 5> copy = m;
  CHECK(entries_are(copy, {{3, 30}, {1, 10}, {2, 20}}));
  CHECK(copy.at(2) == 20);
  HEAPLESS_CHECK_RAISES(length_error, IndexMap<int, int, 2>({{1, 1}, {2, 2}, {3, 3}}));
  IndexMap<int, int, 4, keyed_hash> keyed(keyed_hash{0x5A5A});
  keyed[1] = 2;
  CHECK(keyed.hash_function().key == 0x5A5A);
  CHECK(keyed.at(1) == 2);
  IndexMap<int, int, 4, keyed_hash> keyed_copy = keyed;
  CHECK(keyed_copy.hash_function().key == 0x5A5A);
  CHECK(keyed_copy == keyed);
}

TEST_CASE("IndexMap: copy and move of non-trivial entries", "[index_map][cons]") {
  HEAPLESS_LIFETIME_CHECK;
  HEAPLESS_NO_ALLOC_SCOPE;
  IndexMap<int, counted, 6> a;
  for (int i = 0; i < 5; ++i) a.try_emplace(i, 10 * i);
  IndexMap<int, counted, 6> b = a;
  CHECK(entries_are(b, {{0, 0}, {1, 10}, {2, 20}, {3, 30}, {4, 40}}));
  IndexMap<int, counted, 6> c = std::move(a);
  CHECK(a.empty());  // a moved-from map is empty
  CHECK_FALSE(a.contains(1));
  CHECK(c == b);
  a = c;
  CHECK(a == c);
  b = std::move(c);
  CHECK(c.empty());
  CHECK(b.at(4).get() == 40);
  CHECK(consistent(b));
}

// ---- Lookup ---------------------------------------------------------------------
TEST_CASE("IndexMap: find, contains, count, at", "[index_map][lookup]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  IndexMap<int, int, 7> m = {{10, 1}, {20, 2}, {30, 3}};
  const auto& cm = m;
  CHECK(m.find(20) == m.begin() + 1);
  CHECK(cm.find(30) == cm.begin() + 2);
  CHECK(m.find(40) == m.end());
  CHECK(m.find(20)->second == 2);
  m.find(20)->second = 22;
  CHECK(m.contains(10));
  CHECK_FALSE(m.contains(11));
  CHECK(m.count(20) == 1);
  CHECK(m.count(21) == 0);
  CHECK(m.at(20) == 22);
  CHECK(cm.at(30) == 3);
  HEAPLESS_CHECK_RAISES(out_of_range, m.at(99));
  HEAPLESS_CHECK_RAISES(out_of_range, cm.at(99));
}

TEST_CASE("IndexMap: integer queries of another type compare by value", "[index_map][lookup]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  IndexMap<unsigned, int, 8> u = {{0xFFFFFFFFu, 1}, {5u, 2}};
  CHECK_FALSE(u.contains(-1));
  CHECK(u.contains(5L));
  CHECK(u.contains(std::uint64_t{0xFFFFFFFFu}));
  CHECK_FALSE(u.contains(std::uint64_t{0x1FFFFFFFFull}));
  IndexMap<std::int8_t, int, 8> s = {{44, 1}};
  CHECK_FALSE(s.contains(300));
  IndexMap<color, int, 4> e = {{color::green, 1}};
  CHECK(e.contains(color::green));
  CHECK_FALSE(e.contains(color::blue));
}

TEST_CASE("IndexMap: String keys looked up with string_view, C strings and literals", "[index_map][lookup][string]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  IndexMap<heapless::String<16>, int, 10> m;
  m["uart0.baud"] = 115200;
  m["uart0.bits"] = 8;
  m.insert_or_assign("spi.hz", 1000000);
  const char* c = "uart0.bits";
  CHECK(m.at(std::string_view("uart0.baud")) == 115200);
  CHECK(m.at(c) == 8);
  CHECK(m.contains("spi.hz"));
  CHECK_FALSE(m.contains("spi.h"));
  CHECK_FALSE(m.contains(""));
  CHECK(m.find(std::string_view("spi.hz")) == m.begin() + 2);
  CHECK(*m.index_of("uart0.bits") == 1);
  CHECK(m.erase(std::string_view("uart0.baud")) == 1);
  CHECK(m.size() == 2);
  CHECK(m.keys()[0] == "spi.hz");  // the last entry moved into the hole
  CHECK(m.shift_erase("nothing") == 0);
  CHECK(consistent(m));
  // std::string_view keys are transparent too.
  IndexMap<std::string_view, int, 4> v = {{"a", 1}, {"bb", 2}};
  CHECK(v.at("bb") == 2);
}

// ---- Insertion ------------------------------------------------------------------
TEST_CASE("IndexMap: insert, emplace, try_emplace, insert_or_assign, operator[]", "[index_map][insert]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  IndexMap<int, int, 8> m;
  auto r = m.insert({1, 10});
  CHECK(r.second);
  CHECK(r.first == m.begin());
  const std::pair<int, int> p{1, 99};
  r = m.insert(p);
  CHECK_FALSE(r.second);
  CHECK(r.first->second == 10);
  CHECK(m.insert(std::pair<const int, int>{2, 20}).second);
  CHECK(m.insert(m.cend(), {3, 30}) == m.begin() + 2);
  CHECK(m.insert(m.cend(), p) == m.begin());
  m.insert({{4, 40}, {1, 0}});
  CHECK(m.emplace(5, 50).second);
  CHECK_FALSE(m.emplace(std::pair<int, int>{5, 0}).second);
  CHECK(m.emplace_hint(m.cbegin(), 6, 60) == m.begin() + 5);
  CHECK(m.try_emplace(7, 70).second);
  CHECK_FALSE(m.try_emplace(7, 0).second);
  CHECK(m.try_emplace(m.cbegin(), 7, 0) == m.begin() + 6);
  CHECK_FALSE(m.insert_or_assign(7, 77).second);
  CHECK(m.at(7) == 77);
  m[8] = 80;
  CHECK(m.full());
  CHECK(entries_are(m, {{1, 10}, {2, 20}, {3, 30}, {4, 40}, {5, 50}, {6, 60}, {7, 77}, {8, 80}}));
  CHECK(consistent(m));
  // Move-only values.
  IndexMap<int, move_only, 2> mo;
  move_only v(5);
  CHECK(mo.try_emplace(1, std::move(v)).second);
  move_only w(6);
  CHECK_FALSE(mo.try_emplace(1, std::move(w)).second);
  CHECK(w.get() == 6);  // not moved from
  CHECK(mo[2].get() == 0);
}

TEST_CASE("IndexMap: every plain form raises length_error for a new key into a full map", "[index_map][insert][error]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  IndexMap<int, int, 2> m = {{1, 1}, {2, 2}};
  heapless::test::check_plain_forms_raise_when_full(m);
  CHECK(consistent(m));
}

TEST_CASE("IndexMap: try_insert and try_insert_or_assign report a full map", "[index_map][insert][try]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  IndexMap<int, move_only, 2> m;
  CHECK(m.try_insert(1, 10));
  auto r = m.try_insert(1, 11);
  REQUIRE(r);
  CHECK_FALSE(r->second);
  CHECK(r->first->second.get() == 10);
  CHECK(m.try_insert(2, 20));
  move_only v(30);
  CHECK_FALSE(m.try_insert(3, std::move(v)));
  CHECK(v.get() == 30);  // not moved from
  CHECK_FALSE(m.try_insert_or_assign(3, std::move(v)));
  CHECK(v.get() == 30);
  auto a = m.try_insert_or_assign(2, std::move(v));
  REQUIRE(a);
  CHECK_FALSE(a->second);
  CHECK(m.at(2).get() == 30);
  IndexMap<int, int, 1> one;
  const std::pair<int, int> p{1, 1};
  CHECK(one.try_insert(p));
  CHECK_FALSE(one.try_insert(std::pair<int, int>{2, 2}));
  const int k = 1;
  CHECK(one.try_insert_or_assign(k, 5));
  CHECK(one.at(1) == 5);
}

// ---- Positions ------------------------------------------------------------------
TEST_CASE("IndexMap: nth, index_of, front, back, keys, values, pop_back", "[index_map][order]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  IndexMap<int, int, 100> m;
  for (int i = 0; i < 100; ++i) m.try_emplace(1000 - i, i);
  const auto& cm = m;
  CHECK(m.nth(0) == m.begin());
  CHECK(m.nth(100) == m.end());
  CHECK(cm.nth(5)->first == 995);
  CHECK(*m.index_of(995) == 5);
  CHECK_FALSE(m.index_of(5));
  CHECK(m.front().first == 1000);
  CHECK(cm.front().second == 0);
  CHECK(m.back().first == 901);
  CHECK(cm.back().second == 99);
  m.back().second = -1;
  CHECK(m.at(901) == -1);
  CHECK(m.keys().size() == 100);
  CHECK(m.keys()[3] == 997);
  CHECK(m.values()[3] == 3);
  m.values()[3] = 33;
  CHECK(cm.values()[3] == 33);
  CHECK(cm.values().data() + 100 == cm.values().end());
  m.pop_back();
  CHECK(m.size() == 99);
  CHECK_FALSE(m.contains(901));
  CHECK(m.back().first == 902);
  CHECK(consistent(m));
  int expect = 1000;
  for (auto it = cm.begin(); it != cm.end(); ++it) CHECK((*it).first == expect--);
  CHECK(m.rbegin()->first == 902);
  CHECK(std::prev(m.rend())->first == 1000);
}

// ---- Erasure --------------------------------------------------------------------
TEST_CASE("IndexMap: erase and swap_erase move the last entry into the hole", "[index_map][erase]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  IndexMap<int, int, 8> m = {{1, 10}, {2, 20}, {3, 30}, {4, 40}, {5, 50}};
  auto it = m.erase(m.begin() + 1);
  CHECK(it == m.begin() + 1);
  CHECK(it->first == 5);
  CHECK(entries_are(m, {{1, 10}, {5, 50}, {3, 30}, {4, 40}}));
  CHECK(m.erase(3) == 1);
  CHECK(m.erase(3) == 0);
  CHECK(entries_are(m, {{1, 10}, {5, 50}, {4, 40}}));
  it = m.swap_erase(m.cbegin() + 2);  // the last entry itself
  CHECK(it == m.end());
  CHECK(m.swap_erase(1) == 1);
  CHECK(entries_are(m, {{5, 50}}));
  CHECK(consistent(m));
  // An erase loop visits every entry.
  IndexMap<int, int, 8> n = {{1, 1}, {2, 2}, {3, 3}, {4, 4}, {5, 5}, {6, 6}};
  for (auto i = n.begin(); i != n.end();) {
    if (i->first % 2 == 0) i = n.erase(i);
    else ++i;
  }
  CHECK(n.size() == 3);
  CHECK(n.contains(1));
  CHECK(n.contains(3));
  CHECK(n.contains(5));
  CHECK(consistent(n));
}

TEST_CASE("IndexMap: shift_erase keeps the order", "[index_map][erase]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  IndexMap<int, int, 8> m = {{1, 10}, {2, 20}, {3, 30}, {4, 40}, {5, 50}};
  auto it = m.shift_erase(m.cbegin() + 1);
  CHECK(it == m.begin() + 1);
  CHECK(it->first == 3);
  CHECK(entries_are(m, {{1, 10}, {3, 30}, {4, 40}, {5, 50}}));
  CHECK(m.shift_erase(1) == 1);
  CHECK(m.shift_erase(1) == 0);
  CHECK(entries_are(m, {{3, 30}, {4, 40}, {5, 50}}));
  CHECK(consistent(m));
  const auto last = m.shift_erase(m.cbegin() + 2);
  CHECK(last == m.end());
  CHECK(entries_are(m, {{3, 30}, {4, 40}}));
}

TEST_CASE("IndexMap: erase_if keeps the order, clear empties", "[index_map][erase]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  IndexMap<int, int, 10> m;
  for (int i = 0; i < 10; ++i) m[i] = i * i;
  CHECK(erase_if(m, [](auto& e) { return e.first % 3 == 0; }) == 4);
  CHECK(entries_are(m, {{1, 1}, {2, 4}, {4, 16}, {5, 25}, {7, 49}, {8, 64}}));
  CHECK(consistent(m));
  CHECK(erase_if(m, [](auto&) { return false; }) == 0);
  CHECK(m.size() == 6);
  m.clear();
  CHECK(m.empty());
  CHECK_FALSE(m.contains(1));
  m[3] = 3;
  CHECK(entries_are(m, {{3, 3}}));
}

// ---- Equality and swap ------------------------------------------------------------
TEST_CASE("IndexMap: equality ignores order; swap exchanges everything", "[index_map][compare]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  IndexMap<int, int, 8> a = {{1, 1}, {2, 2}, {3, 3}};
  IndexMap<int, int, 8> b = {{3, 3}, {1, 1}, {2, 2}};
  CHECK(a == b);
  b[3] = 4;
  CHECK(a != b);
  b.erase(3);
  CHECK(a != b);
  IndexMap<int, int, 8> c = {{9, 9}};
  a.swap(c);
  CHECK(entries_are(a, {{9, 9}}));
  CHECK(entries_are(c, {{1, 1}, {2, 2}, {3, 3}}));
  swap(a, c);
  CHECK(entries_are(a, {{1, 1}, {2, 2}, {3, 3}}));
  CHECK(consistent(a));
  CHECK(consistent(c));
  CHECK(c.contains(9));
  a.swap(a);
  CHECK(a.size() == 3);
  HEAPLESS_LIFETIME_CHECK;
  IndexMap<int, counted, 8> x, y;
  for (int i = 0; i < 5; ++i) x.try_emplace(i, i);
  y.try_emplace(7, 7);
  x.swap(y);
  CHECK(entries_are(y, {{0, 0}, {1, 1}, {2, 2}, {3, 3}, {4, 4}}));
  CHECK(entries_are(x, {{7, 7}}));
  CHECK(consistent(x));
  CHECK(consistent(y));
}

// ---- The index ----------------------------------------------------------------------
TEST_CASE("IndexMap: one probe run for every key (constant hash), through every erase", "[index_map][index]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  IndexMap<int, int, 9, constant_hash> m;
  for (int i = 0; i < 9; ++i) m[i] = i;
  CHECK(m.full());
  CHECK(consistent(m));
  CHECK_FALSE(m.contains(9));
  CHECK(m.erase(4) == 1);
  CHECK(consistent(m));
  CHECK(m.shift_erase(0) == 1);
  CHECK(consistent(m));
  m.pop_back();
  CHECK(consistent(m));
  CHECK(erase_if(m, [](auto& e) { return e.first == 2; }) == 1);
  CHECK(consistent(m));
  m[100] = 1;
  m[101] = 1;
  CHECK(consistent(m));
  CHECK(m.size() == 7);
}

TEST_CASE("IndexMap: adversarial integer keys spread over the slots", "[index_map][index]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  static IndexMap<std::uint32_t, int, 64> m;
  // Equal modulo the slot count; then differing only in the high bits.
  for (std::uint32_t i = 0; i < 64; ++i) m[i * 128u] = 1;
  CHECK(consistent(m));
  m.clear();
  for (std::uint32_t i = 0; i < 64; ++i) m[i << 26] = 1;
  CHECK(m.size() == 64);
  CHECK(consistent(m));
  static IndexMap<std::uint64_t, int, 64> w;
  for (std::uint64_t i = 0; i < 64; ++i) w[i << 58] = 1;
  CHECK(w.size() == 64);
  CHECK(consistent(w));
}

// ---- Element matrix (values) ------------------------------------------------------------
TEST_CASE("IndexMap matrix: every value type", "[index_map][matrix]") {
  heapless::test::for_each_type<trivial, counted, move_only, throwing, overaligned>([](auto tag) {
    using V = typename decltype(tag)::type;
    HEAPLESS_LIFETIME_CHECK;
    HEAPLESS_NO_ALLOC_SCOPE;
    IndexMap<int, V, 6> m;
    for (int i = 0; i < 5; ++i) m.try_emplace(i, make<V>(10 * i));
    CHECK(entries_are(m, {{0, 0}, {1, 10}, {2, 20}, {3, 30}, {4, 40}}));
    CHECK(value_of(m.at(2)) == 20);
    m.insert_or_assign(2, make<V>(22));
    CHECK(value_of(m.at(2)) == 22);
    CHECK(m.erase(1) == 1);
    CHECK(entries_are(m, {{0, 0}, {4, 40}, {2, 22}, {3, 30}}));
    CHECK(m.shift_erase(0) == 1);
    CHECK(entries_are(m, {{4, 40}, {2, 22}, {3, 30}}));
    CHECK(erase_if(m, [](auto& e) { return e.first == 2; }) == 1);
    CHECK(entries_are(m, {{4, 40}, {3, 30}}));
    m.pop_back();
    CHECK(entries_are(m, {{4, 40}}));
    if constexpr (std::is_copy_constructible_v<V>) {
      IndexMap<int, V, 6> c = m;
      CHECK(c == m);
    }
    IndexMap<int, V, 6> moved = std::move(m);
    CHECK(entries_are(moved, {{4, 40}}));
    if constexpr (!std::is_trivially_copyable_v<V>) CHECK(m.empty());  // else a copy
    m.clear();
    m.try_emplace(1, make<V>(10));
    m.swap(moved);
    CHECK(entries_are(m, {{4, 40}}));
    CHECK(entries_are(moved, {{1, 10}}));
    moved.clear();
    CHECK(consistent(m));
  });
}

#if HEAPLESS_HAS_EXCEPTIONS
TEST_CASE("IndexMap: a throwing value leaves the map unchanged or consistent", "[index_map][matrix][throw]") {
  HEAPLESS_LIFETIME_CHECK;
  IndexMap<int, throwing, 6> m;
  for (int i = 0; i < 5; ++i) m.try_emplace(i, i);
  const throwing t(9);
  throwing::throw_after(0);
  CHECK_THROWS_AS(m.try_emplace(7, t), heapless::test::test_exception);
  CHECK(m.size() == 5);
  CHECK_FALSE(m.contains(7));
  throwing::throw_after(0);
  CHECK_THROWS_AS(m.erase(1), heapless::test::test_exception);  // the move of the last entry
  CHECK(consistent(m));
  // A throw mid-way through shift_erase leaves every entry alive (the one
  // being shifted may appear twice); nothing leaks.
  throwing::throw_after(1);
  CHECK_THROWS_AS(m.shift_erase(0), heapless::test::test_exception);
  CHECK(m.size() == 5);
  throwing::throw_after(0);
  CHECK_THROWS_AS((IndexMap<int, throwing, 6>(m)), heapless::test::test_exception);
  throwing::never_throw();
  CHECK(m.size() == 5);
  m.clear();
}
#endif

// ---- heapless::hash ----------------------------------------------------------------------
TEST_CASE("heapless::hash: deterministic; string keys hash as their characters", "[index_map][hash]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  const heapless::hash<heapless::String<16>> hs;
  const heapless::hash<std::string_view> hv;
  const heapless::String<16> s("uart0.baud");
  CHECK(hs(s) == hv("uart0.baud"));
  CHECK(hs(s) == hs(std::string_view("uart0.baud")));
  CHECK(hv("uart0.baud") != hv("uart0.bits"));
  CHECK(hv("") != hv(std::string_view("\0", 1)));
  // Every length from 0 to 40: distinct strings of one length hash apart.
  char buf[41] = {};
  for (std::size_t n = 0; n <= 40; ++n) {
    for (std::size_t i = 0; i < n; ++i) buf[i] = 'a';
    const std::size_t h0 = hv(std::string_view(buf, n));
    CHECK(h0 == hv(std::string_view(buf, n)));
    for (std::size_t i = 0; i < n; ++i) {
      buf[i] = 'b';
      CHECK(hv(std::string_view(buf, n)) != h0);
      buf[i] = 'a';
    }
  }
  constexpr std::size_t compile_time = heapless::hash<std::string_view>{}("constexpr");
  CHECK(compile_time == hv("constexpr"));
  CHECK(heapless::hash<int>{}(7) == 7u);
  CHECK(heapless::hash<color>{}(color::blue) == 2u);
  int x = 0;
  CHECK(heapless::hash<int*>{}(&x) == heapless::hash<int*>{}(&x));
  IndexMap<const int*, int, 4> by_address;
  by_address[&x] = 1;
  CHECK(by_address.contains(&x));
}

// ---- Iteration ------------------------------------------------------------------------------
TEST_CASE("IndexMap: structured bindings write through; iterators are random access", "[index_map][iteration]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  IndexMap<int, int, 8> m = {{1, 10}, {2, 20}, {3, 30}};
  for (auto& [k, v] : m) v += k;
  CHECK(entries_are(m, {{1, 11}, {2, 22}, {3, 33}}));
  for (auto&& [k, v] : m) v -= k;
  CHECK(entries_are(m, {{1, 10}, {2, 20}, {3, 30}}));
  const auto& cm = m;
  int sum = 0;
  for (const auto& [k, v] : cm) sum += k * v;
  CHECK(sum == 140);
  auto it = m.begin();
  it += 2;
  CHECK(it->first == 3);
  CHECK(it - m.begin() == 2);
  CHECK(m.begin()[1].second == 20);
  (*m.begin()).second = 5;
  CHECK(m.at(1) == 5);
  IndexMap<int, int, 8>::const_iterator ci = m.begin();
  CHECK(ci == m.cbegin());
  CHECK(std::distance(m.begin(), m.end()) == 3);
  static_assert(std::is_same_v<std::iterator_traits<IndexMap<int, int, 8>::iterator>::iterator_category,
                               std::random_access_iterator_tag>);
}
