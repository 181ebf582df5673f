// sorted_linked_list_ref_test.cpp - heapless::SortedLinkedListRef<T, Compare,
// Index>: one non-template function serves lists of every capacity with the
// view's index type (with and without search fingers, one- and two-byte
// indices: N = 1, 8, 31, 32, 200, 255, 256, 300); every member through the
// view, the three error tiers, stateful and empty comparisons, the read-only
// view, the element-type matrix, and a differential run in which a list
// driven through a view must stay identical, slot for slot, to one driven
// directly (one algorithm serves both).
#include "support/test.hpp"

#include <cstddef>      // std::size_t
#include <cstdint>      // std::uint8_t, std::uint16_t, std::uint64_t
#include <cstring>      // std::memcmp
#include <iterator>     // std::next, std::iterator_traits
#include <optional>     // try_pop's result
#include <type_traits>  // conversion checks
#include <utility>      // std::move

#include <heapless/sorted_linked_list.hpp>

#include "support/ordered.hpp"
#include "support/ordered_workout.hpp"

using heapless::SortedLinkedList;
using heapless::SortedLinkedListRef;
using heapless::sorted_linked_list_index_t;
using heapless::test::counted;
using heapless::test::greater_int;
using keyed = heapless::test::keyed<int>;
using heapless::test::make;
using heapless::test::mod_less;
using heapless::test::move_only;
using heapless::test::overaligned;
using heapless::test::throwing;
using heapless::test::trivial;
using heapless::test::value_of;
using heapless::test::values_are;

namespace {

using small_ref = SortedLinkedListRef<int>;  // N up to 255
using wide_ref = SortedLinkedListRef<int, std::less<int>, std::uint16_t>;

// Not templates: one function for every N of an index type.
std::size_t fill_descending(small_ref l, int from) {
  std::size_t added = 0;
  for (int v = from; l.try_push(v); --v) ++added;
  return added;
}
std::size_t fill_descending_wide(wide_ref l, int from) {
  std::size_t added = 0;
  for (int v = from; l.try_push(v); --v) ++added;
  return added;
}
bool ascending(SortedLinkedListRef<const int> l) {
  if (l.empty()) return true;
  int last = l.front();
  std::size_t n = 0;
  for (int x : l) {
    if (x < last) return false;
    last = x;
    ++n;
  }
  return n == l.size();
}
// Overloads on the index type: each list converts to one of them only.
int width_of(small_ref) { return 1; }
int width_of(wide_ref) { return 2; }

bool ascending_wide(SortedLinkedListRef<const int, std::less<int>, std::uint16_t> l) {
  int last = l.front();
  std::size_t n = 0;
  for (int x : l) {
    if (x < last) return false;
    last = x;
    ++n;
  }
  return n == l.size();
}

template <std::size_t N, class Ref, class Fill, class Sorted>
void check_capacity(Fill fill, Sorted sorted) {
  SortedLinkedList<int, N> l;
  CHECK(fill(l, 1000) == N);
  CHECK(l.size() == N);
  CHECK(l.front() == 1000 - static_cast<int>(N) + 1);
  CHECK(sorted(l));
  const Ref r = l;
  CHECK(r.capacity() == N);
  CHECK(r.full());
  // Remove the even values through the view, refill the freed slots, check the order.
  std::size_t evens = 0;
  for (int x : l) evens += x % 2 == 0 ? 1u : 0u;
  CHECK(r.remove_if([](int x) { return x % 2 == 0; }) == evens);
  CHECK(r.size() == N - evens);
  std::size_t refilled = 0;
  for (int v = 0; r.try_push(v); ++v) ++refilled;
  CHECK(refilled == evens);
  CHECK(l.full());
  CHECK(sorted(l));
  if (evens != 0) CHECK(r.front() == 0);
  r.clear();
  CHECK(l.empty());
}

}  // namespace

TEST_CASE("SortedLinkedListRef: layout and conversions", "[sorted_linked_list][view]") {
  // Two words: a pointer to the nodes and N; a stateful Compare adds a pointer.
  STATIC_REQUIRE(sizeof(small_ref) == 2 * sizeof(void*));
  STATIC_REQUIRE(sizeof(SortedLinkedListRef<int, mod_less>) == 3 * sizeof(void*));
  STATIC_REQUIRE(std::is_trivially_copyable_v<small_ref>);
  STATIC_REQUIRE(std::is_same_v<sorted_linked_list_index_t<255>, std::uint8_t>);
  STATIC_REQUIRE(std::is_same_v<sorted_linked_list_index_t<256>, std::uint16_t>);
  STATIC_REQUIRE(std::is_same_v<SortedLinkedList<int, 300>::index_type, std::uint16_t>);
  STATIC_REQUIRE(std::is_convertible_v<SortedLinkedList<int, 1>&, small_ref>);
  STATIC_REQUIRE(std::is_convertible_v<SortedLinkedList<int, 255>&, small_ref>);
  STATIC_REQUIRE(std::is_convertible_v<SortedLinkedList<int, 256>&, wide_ref>);
  STATIC_REQUIRE(!std::is_convertible_v<SortedLinkedList<int, 256>&, small_ref>);  // another index type
  STATIC_REQUIRE(!std::is_convertible_v<SortedLinkedList<int, 8>&, wide_ref>);
  STATIC_REQUIRE(!std::is_convertible_v<const SortedLinkedList<int, 4>&, small_ref>);
  STATIC_REQUIRE(std::is_convertible_v<const SortedLinkedList<int, 4>&, SortedLinkedListRef<const int>>);
  STATIC_REQUIRE(std::is_convertible_v<SortedLinkedList<int, 4>&, SortedLinkedListRef<const int>>);
  STATIC_REQUIRE(std::is_convertible_v<small_ref, SortedLinkedListRef<const int>>);
  STATIC_REQUIRE(!std::is_convertible_v<SortedLinkedListRef<const int>, small_ref>);
  STATIC_REQUIRE(!std::is_convertible_v<SortedLinkedList<int, 4, greater_int>&, small_ref>);
  using It = small_ref::const_iterator;
  STATIC_REQUIRE(std::is_same_v<std::iterator_traits<It>::iterator_category, std::forward_iterator_tag>);
  STATIC_REQUIRE(std::is_same_v<decltype(*std::declval<It>()), const int&>);
}

TEST_CASE("SortedLinkedListRef: one function for every capacity", "[sorted_linked_list][view]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  SortedLinkedList<int, 100> narrow;
  SortedLinkedList<int, 256> wide;
  CHECK(width_of(narrow) == 1);
  CHECK(width_of(wide) == 2);
  check_capacity<1, small_ref>(fill_descending, ascending);
  check_capacity<8, small_ref>(fill_descending, ascending);
  check_capacity<31, small_ref>(fill_descending, ascending);   // the largest without fingers
  check_capacity<32, small_ref>(fill_descending, ascending);   // the smallest with fingers
  check_capacity<200, small_ref>(fill_descending, ascending);
  check_capacity<255, small_ref>(fill_descending, ascending);  // the largest one-byte index
  check_capacity<256, wide_ref>(fill_descending_wide, ascending_wide);
  check_capacity<300, wide_ref>(fill_descending_wide, ascending_wide);
}

TEST_CASE("SortedLinkedListRef: every member", "[sorted_linked_list][view]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  SortedLinkedList<int, 8> list;
  const small_ref l = list;  // a const handle still changes the list
  CHECK(l.empty());
  CHECK(l.begin() == l.end());
  CHECK(std::next(l.before_begin()) == l.begin());
  CHECK(l.cbegin() == l.cend());
  CHECK(std::next(l.cbefore_begin()) == l.cend());
  for (int x : {5, 1, 3}) l.push(x);
  const int nine = 9;
  auto it = l.push(nine);
  CHECK(*it == 9);
  it = l.emplace(0);
  CHECK(it == l.begin());
  CHECK(l.try_push(4));
  CHECK(l.try_push(nine));
  CHECK(l.try_emplace(2));
  CHECK(l.full());
  CHECK(values_are(list, {0, 1, 2, 3, 4, 5, 9, 9}));
  CHECK(values_are(l, {0, 1, 2, 3, 4, 5, 9, 9}));
  CHECK(l.front() == 0);
  CHECK(l.size() == 8);
  CHECK(l.value_comp()(1, 2));

  l.pop();
  std::optional<int> t = l.try_pop();
  REQUIRE(t.has_value());
  CHECK(*t == 1);
  CHECK(*l.find(4) == 4);
  CHECK(l.find(6) == l.end());
  CHECK(*l.find_if([](int x) { return x > 3; }) == 4);
  CHECK(l.find_if([](int x) { return x > 100; }) == l.end());
  CHECK(l.find_before_if([](int x) { return x == 2; }) == l.before_begin());
  CHECK(l.find_before_if([](int x) { return x == 100; }) == l.end());
  auto prev = l.find_before_if([](int x) { return x == 4; });
  CHECK(*prev == 3);
  auto after = l.erase_after(prev);  // removes 4
  CHECK(*after == 5);
  after = l.erase(l.find(3));
  CHECK(*after == 5);
  CHECK(values_are(l, {2, 5, 9, 9}));
  after = l.erase_after(l.before_begin());
  CHECK(after == l.begin());
  CHECK(values_are(l, {5, 9, 9}));
  {
    auto h = l.find_mut([](int x) { return x == 5; });
    REQUIRE(h);
    CHECK(*h == 5);
    *h = 10;  // moves to the end when h goes
  }
  CHECK(values_are(l, {9, 9, 10}));
  {
    auto h = small_ref(list).find_mut([](int x) { return x == 10; });  // holds its own copy of the view
    auto moved = std::move(h);
    CHECK_FALSE(h);
    CHECK(moved.pop() == 10);
  }
  {
    auto h = l.find_mut([](int x) { return x == 7; });
    CHECK_FALSE(h);
  }
  CHECK(values_are(l, {9, 9}));
  l.unchecked_push(1);
  it = l.unchecked_emplace(3);
  CHECK(*it == 3);
  const int two = 2;
  l.unchecked_push(two);
  CHECK(values_are(l, {1, 2, 3, 9, 9}));
  CHECK(l.remove_if([](int x) { return x == 9; }) == 2);
  CHECK(values_are(l, {1, 2, 3}));
  l.clear();
  CHECK(list.empty());
  CHECK_FALSE(l.try_pop().has_value());
}

TEST_CASE("SortedLinkedListRef: stable, and equal to the list's own order", "[sorted_linked_list][view]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  SortedLinkedList<keyed, 40> list;  // with fingers
  const SortedLinkedListRef<keyed> l = list;
  for (int i = 0; i < 40; ++i) l.push(keyed{(i * 7) % 5, i});
  int last_key = -1;
  int last_tag = -1;
  bool stable = true;
  for (const keyed& x : list) {
    if (x.key == last_key) stable = stable && x.tag > last_tag;
    else stable = stable && x.key > last_key;
    last_key = x.key;
    last_tag = x.tag;
  }
  CHECK(stable);
}

TEST_CASE("SortedLinkedListRef: members mirror the list's", "[sorted_linked_list][view]") {
  // The same operations on two lists, one through a view: the slots and
  // links must be identical after each (the view runs the list's algorithms).
  HEAPLESS_NO_ALLOC_SCOPE;
  static SortedLinkedList<int, 64> direct;
  static SortedLinkedList<int, 64> viewed;
  direct.clear();
  viewed.clear();
  const SortedLinkedListRef<int> v = viewed;
  std::uint64_t s = 88172645463325252u;
  for (long i = 0; i < heapless::test::scaled(20000); ++i) {
    s ^= s << 13;
    s ^= s >> 7;
    s ^= s << 17;
    const int key = static_cast<int>((s >> 11) % 100);
    const auto is_key = [key](int x) { return x == key; };
    switch ((s >> 3) % 8) {
      case 0:
      case 1:
      case 2:
        CHECK(direct.try_push(key) == v.try_push(key));
        break;
      case 3:
        CHECK(direct.try_pop() == v.try_pop());
        break;
      case 4: {
        const auto a = direct.find_before_if(is_key);
        const auto b = v.find_before_if(is_key);
        CHECK((a == direct.end()) == (b == v.end()));
        if (a != direct.end()) {
          direct.erase_after(a);
          v.erase_after(b);
        }
        break;
      }
      case 5: {
        const auto a = direct.find_if(is_key);
        const auto b = v.find_if(is_key);
        if (a != direct.end()) {
          direct.erase(a);
          v.erase(b);
        }
        break;
      }
      case 6: {
        auto a = direct.find_mut(is_key);
        auto b = v.find_mut(is_key);
        CHECK(static_cast<bool>(a) == static_cast<bool>(b));
        if (a) {
          *a = key * 3 % 100;
          *b = key * 3 % 100;
        }
        break;
      }
      default:
        CHECK(direct.remove_if([key](int x) { return x % 17 == key % 17; }) ==
              v.remove_if([key](int x) { return x % 17 == key % 17; }));
        break;
    }
    REQUIRE(direct.size() == viewed.size());
    REQUIRE(std::memcmp(&direct, &viewed, sizeof direct) == 0);  // trivially copyable: every byte is state
  }
}

TEST_CASE("SortedLinkedListRef: comparisons", "[sorted_linked_list][view]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  SortedLinkedList<int, 4, greater_int> desc = {2, 5};
  const SortedLinkedListRef<int, greater_int> d = desc;
  d.push(3);
  CHECK(values_are(desc, {5, 3, 2}));

  // A stateful comparison is the list's own object (the view points at it).
  SortedLinkedList<int, 6, mod_less> mods({13, 21}, mod_less{10});
  const SortedLinkedListRef<int, mod_less> m = mods;
  CHECK(m.value_comp().mod == 10);
  m.push(32);
  m.push(9);
  CHECK(values_are(m, {21, 32, 13, 9}));
  CHECK(*m.find(41) == 21);  // equivalent modulo 10
}

TEST_CASE("SortedLinkedListRef: errors", "[sorted_linked_list][view][error]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  SortedLinkedList<int, 2> list = {1, 2};
  const small_ref l = list;
  const int three = 3;
  HEAPLESS_CHECK_RAISES(bad_alloc, l.push(4));
  HEAPLESS_CHECK_RAISES(bad_alloc, l.push(three));
  HEAPLESS_CHECK_RAISES(bad_alloc, l.emplace(4));
  CHECK_FALSE(l.try_push(4));
  CHECK_FALSE(l.try_emplace(4));
  CHECK(values_are(list, {1, 2}));

  SortedLinkedList<move_only, 1> full;
  full.push(move_only(1));
  const SortedLinkedListRef<move_only> f = full;
  move_only m(9);
  CHECK_FALSE(f.try_push(std::move(m)));
  CHECK(m.get() == 9);
}

#if HEAPLESS_TEST_CAN_CATCH_ASSERT
TEST_CASE("SortedLinkedListRef: preconditions are asserted", "[sorted_linked_list][view][error][assert]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  SortedLinkedList<int, 2> list = {1, 2};
  SortedLinkedList<int, 2> other = {1};
  SortedLinkedList<int, 2> none;
  const small_ref full = list;
  const small_ref empty = none;
  HEAPLESS_CHECK_RAISES(precondition, full.unchecked_push(3));
  HEAPLESS_CHECK_RAISES(precondition, empty.front());
  HEAPLESS_CHECK_RAISES(precondition, empty.pop());
  HEAPLESS_CHECK_RAISES(precondition, *full.end());
  HEAPLESS_CHECK_RAISES(precondition, full.erase_after(full.end()));
  HEAPLESS_CHECK_RAISES(precondition, full.erase_after(std::next(full.begin())));  // nothing after the last
  HEAPLESS_CHECK_RAISES(precondition, full.erase(full.end()));
  HEAPLESS_CHECK_RAISES(precondition, full.erase(small_ref(other).begin()));  // another list's position
}
#endif

TEST_CASE("SortedLinkedListRef: the read-only view", "[sorted_linked_list][view]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  const SortedLinkedList<int, 8> list = {3, 9, 4};
  const SortedLinkedListRef<const int> c = list;
  CHECK(c.size() == 3);
  CHECK(c.capacity() == 8);
  CHECK(c.max_size() == 8);
  CHECK_FALSE(c.empty());
  CHECK_FALSE(c.full());
  CHECK(c.front() == 3);
  CHECK(values_are(c, {3, 4, 9}));
  CHECK(*c.find(4) == 4);
  CHECK(*c.find_if([](int x) { return x > 3; }) == 4);
  CHECK(*c.find_before_if([](int x) { return x == 9; }) == 4);
  CHECK(c.value_comp()(1, 2));
  SortedLinkedList<int, 8> mutable_list = {1};
  const small_ref w = mutable_list;
  const SortedLinkedListRef<const int> from_view = w;
  w.push(0);
  CHECK(from_view.front() == 0);
  CHECK(from_view.size() == 2);
}

// ---- Element-type matrix ---------------------------------------------------
namespace {
template <class T, class I>
void exercise_through(SortedLinkedListRef<T, std::less<T>, I> l) {
  heapless::test::list_workout<T>(l);
  l.clear();
  CHECK(l.empty());
  l.push(make<T>(3));
  l.clear();
}
template <class T>
void exercise_wide() {  // two-byte indices
  SortedLinkedList<T, 256> wide;
  exercise_through<T, std::uint16_t>(wide);
}
template <class T>
void exercise() {
  HEAPLESS_NO_ALLOC_SCOPE;
  HEAPLESS_LIFETIME_CHECK;
  SortedLinkedList<T, 8> small;
  exercise_through<T, std::uint8_t>(small);
  SortedLinkedList<T, 40> fingered;
  exercise_through<T, std::uint8_t>(fingered);
#if defined(__ARM_ARCH_6M__)  // Cortex-M0 boards: 16 KiB of RAM, no room for 256 over-aligned elements
  if constexpr (alignof(T) <= 8) exercise_wide<T>();
#else
  exercise_wide<T>();
#endif
}
}  // namespace

TEST_CASE("SortedLinkedListRef: element-type matrix", "[sorted_linked_list][view][matrix]") {
  exercise<trivial>();
  exercise<counted>();
  exercise<move_only>();
  exercise<throwing>();
  exercise<overaligned>();
}
