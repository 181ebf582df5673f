// sorted_linked_list_test.cpp - heapless::SortedLinkedList<T, N, Compare>:
// every member, the three error tiers, stability among equal elements, slot
// reuse through the free list, layout (size, triviality, empty compare),
// constant evaluation (C++20) and the element-type matrix.
#include "support/test.hpp"
#include "support/ordered_workout.hpp"

#include <cstddef>      // std::size_t
#include <cstdint>      // std::uint8_t
#include <optional>     // try_pop's result
#include <type_traits>  // layout checks
#include <utility>      // std::move

#include <heapless/sorted_linked_list.hpp>

using heapless::SortedLinkedList;
using heapless::test::counted;
using heapless::test::make;
using heapless::test::move_only;
using heapless::test::overaligned;
using heapless::test::throwing;
using heapless::test::trivial;
using heapless::test::value_of;
using heapless::test::values_are;

namespace {

// Sorted by key only: `tag` tells equal keys apart (stability checks).
struct item {
  int key;
  int tag;
  friend bool operator<(const item& a, const item& b) noexcept { return a.key < b.key; }
};

struct greater_int {
  bool operator()(int a, int b) const noexcept { return a > b; }
};
struct mod_less {
  int mod = 10;
  bool operator()(int a, int b) const noexcept { return a % mod < b % mod; }
};

}  // namespace

TEST_CASE("SortedLinkedList: layout", "[sorted_linked_list]") {
  STATIC_REQUIRE(sizeof(SortedLinkedList<int, 16>) == 4 * 16 + 16 + 4);
  STATIC_REQUIRE(sizeof(SortedLinkedList<std::uint8_t, 8>) == 8 + 8 + 4);
  // From N = 32: eight search fingers and their counter.
  STATIC_REQUIRE(sizeof(SortedLinkedList<int, 32>) == 4 * 32 + 32 + 4 + 9 + 3);
  STATIC_REQUIRE(sizeof(SortedLinkedList<int, 300>) == 4 * 300 + 2 * 300 + 8 + 18 + 2);
  STATIC_REQUIRE(sizeof(SortedLinkedList<int, 8, greater_int>) == sizeof(SortedLinkedList<int, 8>));
  STATIC_REQUIRE(sizeof(SortedLinkedList<int, 8, mod_less>) > sizeof(SortedLinkedList<int, 8>));
  STATIC_REQUIRE(std::is_trivially_copyable_v<SortedLinkedList<int, 8>>);
  STATIC_REQUIRE(std::is_trivially_copyable_v<SortedLinkedList<trivial, 8>>);
  STATIC_REQUIRE(!std::is_trivially_copyable_v<SortedLinkedList<counted, 8>>);
  STATIC_REQUIRE(std::is_copy_constructible_v<SortedLinkedList<counted, 8>>);
  STATIC_REQUIRE(!std::is_copy_constructible_v<SortedLinkedList<move_only, 8>>);
  STATIC_REQUIRE(!std::is_copy_assignable_v<SortedLinkedList<move_only, 8>>);
  STATIC_REQUIRE(std::is_move_constructible_v<SortedLinkedList<move_only, 8>>);
  STATIC_REQUIRE(SortedLinkedList<int, 5>::capacity() == 5);
  STATIC_REQUIRE(SortedLinkedList<int, 5>::max_size() == 5);
  using It = SortedLinkedList<int, 4>::const_iterator;
  STATIC_REQUIRE(std::is_same_v<std::iterator_traits<It>::iterator_category, std::forward_iterator_tag>);
}

TEST_CASE("SortedLinkedList: push keeps order, stable among equals", "[sorted_linked_list]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  SortedLinkedList<int, 8> l;
  CHECK(l.empty());
  CHECK(l.begin() == l.end());
  for (int x : {5, 1, 3, 9, 1}) l.push(x);
  const int seven = 7;
  auto it = l.push(seven);
  CHECK(*it == 7);
  it = l.emplace(0);
  CHECK(it == l.begin());
  CHECK(values_are(l, {0, 1, 1, 3, 5, 7, 9}));
  CHECK(l.front() == 0);
  CHECK(l.size() == 7);

  SortedLinkedList<item, 8> s;
  s.push({2, 0});
  s.push({1, 1});
  s.push({2, 2});
  s.push({1, 3});
  s.push({2, 4});
  int tags[5] = {};
  int k = 0;
  for (const item& x : s) tags[k++] = x.tag;
  CHECK(tags[0] == 1);
  CHECK(tags[1] == 3);
  CHECK(tags[2] == 0);
  CHECK(tags[3] == 2);
  CHECK(tags[4] == 4);

  SortedLinkedList<int, 8, greater_int> g;
  for (int x : {5, 1, 3}) g.push(x);
  CHECK(values_are(g, {5, 3, 1}));
  SortedLinkedList<int, 8, mod_less> m(mod_less{10});
  for (int x : {15, 21, 9}) m.push(x);
  CHECK(values_are(m, {21, 15, 9}));
  CHECK(m.value_comp().mod == 10);
}

TEST_CASE("SortedLinkedList: the three error tiers", "[sorted_linked_list]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  SortedLinkedList<int, 3> l;
  CHECK(l.try_push(2));
  CHECK(l.try_emplace(1));
  const int three = 3;
  CHECK(*l.unchecked_push(three) == 3);
  CHECK(l.full());
  CHECK_FALSE(l.try_push(4));
  CHECK_FALSE(l.try_push(three));
  CHECK_FALSE(l.try_emplace(0));
  HEAPLESS_CHECK_RAISES(bad_alloc, l.push(4));
  HEAPLESS_CHECK_RAISES(bad_alloc, l.push(three));
  HEAPLESS_CHECK_RAISES(bad_alloc, l.emplace(4));
  CHECK(values_are(l, {1, 2, 3}));
  l.pop();
  CHECK(*l.unchecked_emplace(0) == 0);
  l.pop();
  CHECK(*l.unchecked_push(9) == 9);
  CHECK(values_are(l, {2, 3, 9}));

  SortedLinkedList<move_only, 1> mo;
  CHECK(mo.try_push(move_only(1)));
  move_only keep(7);
  CHECK_FALSE(mo.try_push(std::move(keep)));
  CHECK(keep.get() == 7);
}

TEST_CASE("SortedLinkedList: pop, try_pop, clear; slots are reused", "[sorted_linked_list]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  SortedLinkedList<int, 4> l;
  for (int round = 0; round < 10; ++round) {
    for (int x : {round + 3, round, round + 2, round + 1}) l.push(x);
    CHECK(l.full());
    CHECK(l.front() == round);
    l.pop();
    std::optional<int> t = l.try_pop();
    REQUIRE(t.has_value());
    CHECK(*t == round + 1);
    CHECK(values_are(l, {round + 2, round + 3}));
    l.clear();
    CHECK(l.empty());
  }
  CHECK_FALSE(l.try_pop().has_value());
  // Interleaved pops and pushes go through the free list.
  for (int x : {4, 2, 6}) l.push(x);
  l.pop();
  l.push(5);
  l.pop();
  l.push(1);
  l.push(3);
  CHECK(values_are(l, {1, 3, 5, 6}));
}

TEST_CASE("SortedLinkedList: find_if, find_before_if, find, erase_after, erase, remove_if",
          "[sorted_linked_list]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  SortedLinkedList<int, 8> l;
  for (int x : {10, 20, 30, 40, 50}) l.push(x);
  auto it = l.find_if([](int x) { return x > 25; });
  CHECK(*it == 30);
  CHECK(l.find_if([](int x) { return x > 99; }) == l.end());
  CHECK(*l.find(40) == 40);
  CHECK(l.find(35) == l.end());
  CHECK(l.find(99) == l.end());
  CHECK(l.find(1) == l.end());

  auto prev = l.find_before_if([](int x) { return x == 30; });
  CHECK(*prev == 20);
  auto after = l.erase_after(prev);
  CHECK(*after == 40);
  CHECK(values_are(l, {10, 20, 40, 50}));
  CHECK(l.find_before_if([](int x) { return x == 10; }) == l.before_begin());
  CHECK(l.find_before_if([](int x) { return x == 99; }) == l.end());
  after = l.erase_after(l.before_begin());
  CHECK(after == l.begin());
  CHECK(*after == 20);
  auto last_prev = l.find_before_if([](int x) { return x == 50; });
  CHECK(l.erase_after(last_prev) == l.end());
  CHECK(values_are(l, {20, 40}));
  CHECK(l.cbefore_begin() == l.before_begin());
  auto bb = l.before_begin();
  ++bb;
  CHECK(bb == l.begin());

  for (int x : {30, 60, 10}) l.push(x);
  auto next = l.erase(l.find(30));
  CHECK(*next == 40);
  const auto after_first = l.erase(l.begin());
  CHECK(after_first == l.begin());
  CHECK(values_are(l, {20, 40, 60}));
  auto e = l.erase(l.find(60));
  CHECK(e == l.end());
  for (int x : {1, 2, 3, 4, 5}) l.push(x);
  CHECK(l.remove_if([](int x) { return x % 2 == 0; }) == 4);
  CHECK(values_are(l, {1, 3, 5}));
  CHECK(l.remove_if([](int) { return true; }) == 3);
  CHECK(l.empty());
  l.push(7);
  CHECK(values_are(l, {7}));
}

TEST_CASE("SortedLinkedList: iterators", "[sorted_linked_list]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  SortedLinkedList<item, 4> l;
  l.push({2, 7});
  l.push({1, 8});
  auto it = l.cbegin();
  CHECK(it->key == 1);
  auto old = it++;
  CHECK(old->tag == 8);
  CHECK(it->tag == 7);
  CHECK(++it == l.cend());
  SortedLinkedList<item, 4>::iterator def;
  CHECK(def == l.end());
  CHECK(old != it);
}

TEST_CASE("SortedLinkedList: find_mut re-sorts on release", "[sorted_linked_list]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  SortedLinkedList<int, 8> l;
  for (int x : {10, 20, 30, 40}) l.push(x);
  {
    auto h = l.find_mut([](int x) { return x == 20; });
    REQUIRE(static_cast<bool>(h));
    CHECK(*h == 20);
    *h = 45;  // moves to the end
  }
  CHECK(values_are(l, {10, 30, 40, 45}));
  {
    auto h = l.find_mut([](int x) { return x == 40; });
    *h = 5;  // moves to the front
  }
  CHECK(values_are(l, {5, 10, 30, 45}));
  {
    auto h = l.find_mut([](int x) { return x == 30; });
    *h = 31;  // still in order: stays
    auto moved = std::move(h);
    CHECK(*moved == 31);
  }
  CHECK(values_are(l, {5, 10, 31, 45}));
  {
    auto h = l.find_mut([](int x) { return x == 99; });
    CHECK_FALSE(static_cast<bool>(h));
  }
  {
    auto h = l.find_mut([](int x) { return x == 10; });
    CHECK(h.pop() == 10);
  }
  CHECK(values_are(l, {5, 31, 45}));
  {
    auto h = l.find_mut([](int x) { return x == 5; });
    CHECK(h.pop() == 5);
  }
  CHECK(values_are(l, {31, 45}));

  SortedLinkedList<item, 4> s;
  s.push({1, 0});
  s.push({2, 1});
  s.push({2, 2});
  {
    auto h = s.find_mut([](const item& x) { return x.tag == 0; });
    h->key = 2;  // still not ordered after its neighbours: stays first
  }
  CHECK(s.begin()->tag == 0);
  {
    auto h = s.find_mut([](const item& x) { return x.tag == 2; });
    h->key = 0;  // to the front
  }
  CHECK(s.begin()->tag == 2);
  {
    auto h = s.find_mut([](const item& x) { return x.tag == 2; });
    h->key = 5;  // to the end
  }
  {
    auto h = s.find_mut([](const item& x) { return x.tag == 0; });
    h->key = 5;  // out of order: after the equal one, as a push would place it
  }
  auto it = s.begin();
  CHECK(it->tag == 1);
  ++it;
  CHECK(it->tag == 2);
  ++it;
  CHECK(it->tag == 0);
}

TEST_CASE("SortedLinkedList: copy, move", "[sorted_linked_list]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  SortedLinkedList<int, 8> a;
  for (int x : {3, 1, 2}) a.push(x);
  a.pop();
  SortedLinkedList<int, 8> b = a;
  CHECK(values_are(b, {2, 3}));
  b.push(0);
  a = b;
  CHECK(values_are(a, {0, 2, 3}));
}

TEST_CASE("SortedLinkedList: swap", "[sorted_linked_list]") {
  HEAPLESS_LIFETIME_CHECK;
  SortedLinkedList<counted, 6> a;
  SortedLinkedList<counted, 6> b;
  for (int x : {3, 1, 2}) a.emplace(x);
  b.emplace(7);
  a.swap(b);
  CHECK(values_are(a, {7}));
  CHECK(values_are(b, {1, 2, 3}));
  swap(a, b);
  CHECK(values_are(a, {1, 2, 3}));
  CHECK(values_are(b, {7}));
  a.swap(a);  // itself: unchanged
  CHECK(values_are(a, {1, 2, 3}));
  a.pop();
  CHECK(values_are(a, {2, 3}));
  SortedLinkedList<int, 4, mod_less> x(mod_less{3});
  SortedLinkedList<int, 4, mod_less> y(mod_less{5});
  x.push(4);
  y.push(8);
  x.swap(y);  // the comparisons go with the elements
  CHECK(x.value_comp().mod == 5);
  CHECK(y.value_comp().mod == 3);
  CHECK(x.front() == 8);
  CHECK(y.front() == 4);
}

TEST_CASE("SortedLinkedList: comparisons, element by element as std::multiset's", "[sorted_linked_list]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  const SortedLinkedList<int, 8> a = {1, 2};
  const SortedLinkedList<int, 8> b = {2, 1};
  const SortedLinkedList<int, 8> c = {1, 3};
  const SortedLinkedList<int, 8> d = {1, 2, 0};
  const SortedLinkedList<int, 8> none;
  CHECK(a == b);
  CHECK(a != c);
  CHECK(a < c);
  CHECK(c > a);
  CHECK(a <= b);
  CHECK(a >= b);
  CHECK(d < a);  // {0, 1, 2} < {1, 2}
  CHECK(none < a);
  CHECK(none == SortedLinkedList<int, 8>{});
  CHECK_FALSE(a == d);
#if HEAPLESS_HAS_THREE_WAY
  CHECK(std::is_eq(a <=> b));
  CHECK(std::is_lt(a <=> c));
  CHECK(std::is_lt(none <=> a));
  static_assert(std::is_same_v<decltype(a <=> c), std::strong_ordering>);
  // a T with only < compares through it (weak ordering)
  const SortedLinkedList<item, 4> i1 = {{1, 0}, {2, 0}};
  const SortedLinkedList<item, 4> i2 = {{1, 5}, {3, 0}};
  CHECK(std::is_lt(i1 <=> i2));
  static_assert(std::is_same_v<decltype(i1 <=> i2), std::weak_ordering>);
#endif
  // the order of the list (its Compare) is what is compared, element by element
  const SortedLinkedList<int, 4, greater_int> g1 = {1, 2};  // {2, 1}
  const SortedLinkedList<int, 4, greater_int> g2 = {1, 3};  // {3, 1}
  CHECK(g1 < g2);
  CHECK(g1 != g2);
  // after removals and reuse of slots: still the same values in the same order
  SortedLinkedList<int, 8> e = {5, 1, 2, 9};
  e.pop();
  e.erase(e.find(9));
  e.push(1);
  CHECK(e == SortedLinkedList<int, 8>{1, 2, 5});
}

#if HEAPLESS_CPP20
namespace {
constexpr int constant_list() {
  SortedLinkedList<int, 8> l;
  for (int x : {5, 1, 3}) l.push(x);
  l.pop();
  l.push(0);
  (void)l.try_push(9);
  l.erase_after(l.find_before_if([](int x) { return x == 5; }));
  { *l.find_mut([](int x) { return x == 0; }) = 7; }
  int s = 0;
  for (int x : l) s = s * 10 + x;
  return s;
}
constexpr SortedLinkedList<int, 4> constant_object() {
  SortedLinkedList<int, 4> l = {4};  // the list constructor initialises every slot in constant evaluation
  l.push(2);
  return l;
}
// Default-constructed, partly filled, then copied or returned: the first
// slot's use sets every other node in constant evaluation.
constexpr SortedLinkedList<int, 7> constant_partial_object() {
  SortedLinkedList<int, 7> l;
  l.push(3);
  l.push(1);
  SortedLinkedList<int, 7> c = l;
  return c;
}
constexpr int constant_partial_copy() {
  SortedLinkedList<int, 40> l;  // with search fingers
  for (int i = 0; i < 10; ++i) l.push(i * 7 % 10);
  l.clear();
  l.push(5);
  SortedLinkedList<int, 40> c = l;
  return c.front();
}
}  // namespace
TEST_CASE("SortedLinkedList: constant evaluation (C++20)", "[sorted_linked_list]") {
  STATIC_REQUIRE(constant_list() == 379);
  constexpr SortedLinkedList<int, 4> l = constant_object();
  STATIC_REQUIRE(l.front() == 2);
  constexpr SortedLinkedList<int, 7> p = constant_partial_object();
  STATIC_REQUIRE(p.front() == 1);
  STATIC_REQUIRE(constant_partial_copy() == 5);
  static constinit SortedLinkedList<int, 16> st;
  CHECK(st.empty());
}
#endif

// ---- Element-type matrix ---------------------------------------------------
namespace {
template <class T>
void exercise() {
  HEAPLESS_NO_ALLOC_SCOPE;
  HEAPLESS_LIFETIME_CHECK;
  using L = SortedLinkedList<T, 8>;
  L l;
  heapless::test::list_workout<T>(l);
  L moved(std::move(l));
  CHECK(values_are(moved, {4, 5}));
  L target;
  target.push(make<T>(1));
  target = std::move(moved);
  CHECK(values_are(target, {4, 5}));
  if constexpr (std::is_copy_constructible_v<T>) {
    L copy(target);
    copy.push(make<T>(0));
    CHECK(values_are(copy, {0, 4, 5}));
    target = copy;
    CHECK(values_are(target, {0, 4, 5}));
  }
  target.clear();
  CHECK(target.empty());
  target.push(make<T>(3));
}
}  // namespace

TEST_CASE("SortedLinkedList: element-type matrix", "[sorted_linked_list][matrix]") {
  exercise<trivial>();
  exercise<counted>();
  exercise<move_only>();
  exercise<throwing>();
  exercise<overaligned>();
}

#if HEAPLESS_HAS_EXCEPTIONS && !HEAPLESS_ERROR_HANDLER
TEST_CASE("SortedLinkedList: a throwing copy changes nothing", "[sorted_linked_list][matrix]") {
  for (long k = 0; k < 6; ++k) {
    HEAPLESS_LIFETIME_CHECK;
    SortedLinkedList<throwing, 8> l;
    for (int x = 0; x < 4; ++x) l.push(throwing(x));
    const throwing extra(9);
    throwing::throw_after(k);
    const bool threw = heapless::test::throws_test_exception([&] {
      SortedLinkedList<throwing, 8> copy(l);  // 4 copies
      l.push(extra);
    });
    CHECK(threw == (k <= 4));
    CHECK(l.size() == (threw ? 4u : 5u));
  }
}
#endif

TEST_CASE("SortedLinkedList: construction from a range", "[sorted_linked_list]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  const int src[] = {4, 1, 3, 1};
  SortedLinkedList<int, 4> a(src, src + 4);
  CHECK(values_are(a, {1, 1, 3, 4}));
  SortedLinkedList<int, 4, greater_int> b = {2, 5};
  CHECK(values_are(b, {5, 2}));
  SortedLinkedList<int, 4, mod_less> c({13, 21}, mod_less{10});
  CHECK(values_are(c, {21, 13}));
  HEAPLESS_CHECK_RAISES(bad_alloc, SortedLinkedList<int, 3>(src, src + 4));
  HEAPLESS_CHECK_RAISES(bad_alloc, SortedLinkedList<int, 3>({1, 2, 3, 4}));
}
