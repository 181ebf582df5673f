// index_set_test.cpp - IndexSet: layout, construction, lookup (heterogeneous
// too), insertion and its error tiers, positions, erasure and order,
// equality, swap, set algebra that keeps order, and the key matrix.
#include "support/test.hpp"

#include <cstdint>
#include <initializer_list>
#include <string_view>
#include <type_traits>
#include <utility>

#include <heapless/index_map.hpp>
#include <heapless/string.hpp>

using heapless::IndexSet;
using heapless::test::move_only;

#define IS_CHECK_RAISES(kind, ...)                      \
  do {                                                  \
    const heapless::test::allow_alloc_scope is_allow_;  \
    HEAPLESS_CHECK_RAISES(kind, __VA_ARGS__);           \
  } while (0)

template class heapless::IndexSet<int, 8>;
template class heapless::IndexSet<heapless::String<8>, 5>;

namespace {

struct move_only_hash {
  std::size_t operator()(const move_only& m) const noexcept { return static_cast<std::size_t>(m.get()); }
};

template <class Set>
bool same(const Set& s, std::initializer_list<int> want) {
  if (s.size() != want.size()) return false;
  auto w = want.begin();
  for (const auto& k : s) {
    if (!(k == *w)) return false;
    ++w;
  }
  return true;
}

template <class Set>
bool consistent(const Set& s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto j = s.index_of(s.keys()[i]);
    if (!j || *j != i) return false;
  }
  return true;
}

}  // namespace

TEST_CASE("IndexSet: layout and traits", "[index_set][layout]") {
  static_assert(IndexSet<std::uint32_t, 64>::slots() == 128);
  static_assert(sizeof(IndexSet<std::uint32_t, 64>) <= 256 + 128 + 4 + 4);
  static_assert(std::is_trivially_copyable_v<IndexSet<int, 8>>);
  static_assert(std::is_same_v<IndexSet<int, 8>::iterator, const int*>);
  CHECK(IndexSet<int, 8>::capacity() == 8);
}

TEST_CASE("IndexSet: insert, find, contains, count, error tiers", "[index_set][insert]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  IndexSet<int, 4> s = {3, 1, 3, 2};
  CHECK(same(s, {3, 1, 2}));
  auto r = s.insert(7);
  CHECK(r.second);
  CHECK(r.first == s.begin() + 3);
  CHECK(s.full());
  r = s.insert(1);
  CHECK_FALSE(r.second);
  CHECK(r.first == s.begin() + 1);
  IS_CHECK_RAISES(length_error, s.insert(8));
  IS_CHECK_RAISES(length_error, s.emplace(8));
  CHECK_FALSE(s.try_insert(8));
  auto t = s.try_insert(2);
  REQUIRE(t);
  CHECK_FALSE(t->second);
  CHECK(*t->first == 2);
  CHECK(s.find(7) == s.begin() + 3);
  CHECK(s.find(8) == s.end());
  CHECK(s.contains(3));
  CHECK(s.count(3) == 1);
  CHECK(s.count(4) == 0);
  CHECK(s.insert(s.cend(), 3) == s.begin());
  CHECK(s.emplace_hint(s.cend(), 2) == s.begin() + 2);
  IS_CHECK_RAISES(length_error, IndexSet<int, 1>({1, 2}));
  const int arr[] = {5, 6, 5};
  IndexSet<int, 4> from_range(std::begin(arr), std::end(arr));
  CHECK(same(from_range, {5, 6}));
  from_range = {9};
  CHECK(same(from_range, {9}));
  IndexSet<move_only, 2, move_only_hash> mo;
  move_only m(4);
  CHECK(mo.try_insert(std::move(m)));
  move_only m2(5);
  CHECK(mo.insert(std::move(m2)).second);
  move_only m3(6);
  CHECK_FALSE(mo.try_insert(std::move(m3)));
  CHECK(m3.get() == 6);  // not moved from
}

TEST_CASE("IndexSet: String keys found with string_view and literals", "[index_set][string]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  IndexSet<heapless::String<16>, 8> s;
  s.insert(heapless::String<16>("gpio"));
  s.insert(heapless::String<16>("uart"));
  CHECK(s.contains("uart"));
  CHECK(s.contains(std::string_view("gpio")));
  CHECK_FALSE(s.contains("i2c"));
  CHECK(*s.index_of("uart") == 1);
  CHECK(s.erase("gpio") == 1);
  CHECK(s.front() == "uart");
}

TEST_CASE("IndexSet: positions and erasure", "[index_set][erase]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  IndexSet<int, 10> s = {1, 2, 3, 4, 5, 6};
  CHECK(*s.nth(2) == 3);
  CHECK(s.nth(6) == s.end());
  CHECK(s.front() == 1);
  CHECK(s.back() == 6);
  CHECK(s.data() == s.begin());
  CHECK(*s.rbegin() == 6);
  CHECK(s.erase(s.begin() + 1) == s.begin() + 1);
  CHECK(same(s, {1, 6, 3, 4, 5}));
  CHECK(s.erase(3) == 1);
  CHECK(same(s, {1, 6, 5, 4}));
  CHECK(s.shift_erase(s.cbegin()) == s.begin());
  CHECK(same(s, {6, 5, 4}));
  CHECK(s.shift_erase(5) == 1);
  CHECK(s.swap_erase(7) == 0);
  CHECK(s.swap_erase(s.cbegin()) == s.begin());
  CHECK(same(s, {4}));
  s.pop_back();
  CHECK(s.empty());
  s = {1, 2, 3, 4, 5, 6, 7};
  CHECK(erase_if(s, [](int k) { return k % 2 == 0; }) == 3);
  CHECK(same(s, {1, 3, 5, 7}));
  CHECK(consistent(s));
  s.clear();
  CHECK(s.empty());
}

TEST_CASE("IndexSet: equality, swap, subset, set algebra keeps order", "[index_set][algebra]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  IndexSet<int, 8> a = {5, 1, 3, 7};
  IndexSet<int, 8> b = {3, 4, 5};
  IndexSet<int, 16> u;
  heapless::set_union(a, b, u);
  CHECK(same(u, {5, 1, 3, 7, 4}));
  IndexSet<int, 4> i;
  heapless::set_intersection(a, b, i);
  CHECK(same(i, {5, 3}));
  IndexSet<int, 4> d;
  heapless::set_difference(a, b, d);
  CHECK(same(d, {1, 7}));
  CHECK(i.is_subset(a));
  CHECK(i.is_subset(b));
  CHECK_FALSE(a.is_subset(b));
  CHECK(u.is_superset(a));
  CHECK(a == IndexSet<int, 8>({7, 3, 1, 5}));
  CHECK(a != b);
  a.swap(b);
  CHECK(same(a, {3, 4, 5}));
  swap(a, b);
  CHECK(same(a, {5, 1, 3, 7}));
  CHECK(consistent(a));
  CHECK(consistent(b));
  IndexSet<int, 2> small;
  IS_CHECK_RAISES(length_error, heapless::set_union(a, b, small));
}
