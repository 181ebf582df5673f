// binary_heap_ref_test.cpp - heapless::BinaryHeapRef<T, Compare>: one
// non-template function serves heaps of any capacity (every length type of
// the heap's storage: one byte, two bytes, char32_t); every member through
// the view, the three error tiers, stateful and empty comparisons, the
// read-only view, the element-type matrix, and a differential run in which a
// heap driven through a view must stay identical, slot for slot, to one
// driven directly (one algorithm serves both).
#include "support/test.hpp"

#include <cstddef>      // std::size_t
#include <cstdint>      // std::uint8_t, std::uint64_t
#include <iterator>     // std::back_inserter
#include <optional>     // try_pop's result
#include <type_traits>  // conversion checks
#include <utility>      // std::move

#include <heapless/binary_heap.hpp>

#include "support/ordered.hpp"
#include "support/ordered_workout.hpp"

using heapless::BinaryHeap;
using heapless::BinaryHeapRef;
using heapless::max_heap;
using heapless::min_heap;
using heapless::Vec;
using heapless::VecRef;
using heapless::test::counted;
using heapless::test::drains_as;
using heapless::test::is_heap;
using heapless::test::make;
using heapless::test::mod_less;
using heapless::test::move_only;
using heapless::test::overaligned;
using heapless::test::throwing;
using heapless::test::trivial;
using heapless::test::value_of;

namespace {

// Not templates: one function for every N.
std::size_t push_until_full(BinaryHeapRef<int> h, int first) {
  std::size_t added = 0;
  for (int v = first; h.try_push(v); ++v) ++added;
  return added;
}
long sum_drained(BinaryHeapRef<int> h) {
  long s = 0;
  while (std::optional<int> t = h.try_pop()) s = s * 3 + *t;
  return s;
}
int largest(BinaryHeapRef<const int> h) { return h.empty() ? -1 : h.top(); }

}  // namespace

TEST_CASE("BinaryHeapRef: layout and conversions", "[binary_heap][view]") {
  // The storage's VecRef, and nothing more for an empty, default-constructible Compare.
  STATIC_REQUIRE(sizeof(BinaryHeapRef<int>) == sizeof(VecRef<int>));
  STATIC_REQUIRE(sizeof(BinaryHeapRef<int, std::greater<int>>) == sizeof(VecRef<int>));
  STATIC_REQUIRE(sizeof(BinaryHeapRef<int, mod_less>) == sizeof(VecRef<int>) + sizeof(void*));
  STATIC_REQUIRE(std::is_trivially_copyable_v<BinaryHeapRef<int>>);
  STATIC_REQUIRE(std::is_convertible_v<max_heap<int, 1>&, BinaryHeapRef<int>>);
  STATIC_REQUIRE(std::is_convertible_v<max_heap<int, 300>&, BinaryHeapRef<int>>);
  STATIC_REQUIRE(std::is_convertible_v<max_heap<int, 70000>&, BinaryHeapRef<int>>);
  STATIC_REQUIRE(std::is_convertible_v<min_heap<int, 4>&, BinaryHeapRef<int, std::greater<int>>>);
  STATIC_REQUIRE(!std::is_convertible_v<min_heap<int, 4>&, BinaryHeapRef<int>>);
  STATIC_REQUIRE(!std::is_convertible_v<const max_heap<int, 4>&, BinaryHeapRef<int>>);
  STATIC_REQUIRE(std::is_convertible_v<const max_heap<int, 4>&, BinaryHeapRef<const int>>);
  STATIC_REQUIRE(std::is_convertible_v<max_heap<int, 4>&, BinaryHeapRef<const int>>);
  STATIC_REQUIRE(std::is_convertible_v<BinaryHeapRef<int>, BinaryHeapRef<const int>>);
  STATIC_REQUIRE(!std::is_convertible_v<BinaryHeapRef<const int>, BinaryHeapRef<int>>);
  STATIC_REQUIRE(std::is_same_v<BinaryHeapRef<const int>::value_type, int>);
  STATIC_REQUIRE(std::is_same_v<BinaryHeapRef<int>::const_iterator, const int*>);
}

TEST_CASE("BinaryHeapRef: one function for every capacity and length type", "[binary_heap][view]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  max_heap<int, 1> one;
  max_heap<int, 5> five;
  max_heap<int, 300> big;  // a char32_t length (alignof(int) >= 4)
  max_heap<std::uint8_t, 300> bytes_big;
  CHECK(push_until_full(one, 10) == 1);
  CHECK(push_until_full(five, 1) == 5);
  CHECK(push_until_full(big, 0) == 300);
  CHECK(one.size() == 1);
  CHECK(five.size() == 5);
  CHECK(big.size() == 300);
  CHECK(big.top() == 299);
  CHECK(is_heap(big));
  CHECK(largest(five) == 5);
  CHECK(largest(big) == 299);
  CHECK(sum_drained(five) == (((5 * 3 + 4) * 3 + 3) * 3 + 2) * 3 + 1);
  CHECK(five.empty());
  CHECK(largest(five) == -1);
  CHECK(sum_drained(one) == 10);

  // A one-byte element with a two-byte length.
  BinaryHeapRef<std::uint8_t> r = bytes_big;
  for (int i = 0; i < 300; ++i) r.push(static_cast<std::uint8_t>(i % 251));
  CHECK(r.full());
  CHECK(r.capacity() == 300);
  CHECK(r.max_size() == 300);
  CHECK(bytes_big.size() == 300);
  CHECK(r.top() == 250);
  CHECK(is_heap(r));
  CHECK_FALSE(r.try_push(std::uint8_t{1}));
  r.clear();
  CHECK(bytes_big.empty());
}

TEST_CASE("BinaryHeapRef: every member", "[binary_heap][view]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  max_heap<int, 8> heap;
  const BinaryHeapRef<int> h = heap;  // a const handle still changes the heap
  CHECK(h.empty());
  CHECK_FALSE(h.full());
  CHECK(h.begin() == h.end());
  h.push(4);
  const int eight = 8;
  h.push(eight);
  h.emplace(1);
  CHECK(h.try_push(6));
  const int three = 3;
  CHECK(h.try_push(three));
  CHECK(h.try_emplace(7));
  h.unchecked_push(2);
  h.unchecked_emplace(0);
  CHECK(h.full());
  CHECK(h.size() == 8);
  CHECK(heap.size() == 8);
  CHECK(h.top() == 8);
  CHECK(is_heap(heap));
  CHECK(h.data() == heap.data());
  CHECK(h.cbegin() == heap.begin());
  CHECK(h.cend() == heap.end());
  CHECK(h.as_span().size() == 8);
  CHECK(h.as_span()[0] == 8);
  CHECK(h.value_comp()(1, 2));

  h.pop();
  CHECK(h.top() == 7);
  std::optional<int> t = h.try_pop();
  REQUIRE(t.has_value());
  CHECK(*t == 7);
  CHECK(h.replace_top(-1) == 6);
  CHECK(h.top() == 4);
  CHECK(is_heap(heap));
  {
    auto m = h.top_mut();
    CHECK(*m == 4);
    *m = 0;  // loses priority: re-sifted when m goes
  }
  CHECK(h.top() == 3);
  CHECK(is_heap(heap));
  {
    auto m = BinaryHeapRef<int>(heap).top_mut();  // the handle holds its own copy of the view
    auto moved = std::move(m);
    CHECK(moved.pop() == 3);
  }
  CHECK(drains_as(h, {2, 1, 0, 0, -1}));
  CHECK(h.empty());

  for (int x : {5, 9, 1, 7}) h.push(x);
  Vec<int, 8> sorted;
  h.into_sorted(std::back_inserter(sorted));
  CHECK(h.empty());
  CHECK(sorted == Vec<int, 8>{1, 5, 7, 9});
  CHECK_FALSE(h.try_pop().has_value());
}

TEST_CASE("BinaryHeapRef: members mirror the heap's", "[binary_heap][view]") {
  // The same operations on two heaps, one through a view: the storage order
  // must be identical after each (the view runs the heap's algorithms).
  HEAPLESS_NO_ALLOC_SCOPE;
  max_heap<int, 300> direct;
  max_heap<int, 300> viewed;
  const BinaryHeapRef<int> v = viewed;
  std::uint64_t s = 88172645463325252u;
  for (long i = 0; i < heapless::test::scaled(20000); ++i) {
    s ^= s << 13;
    s ^= s >> 7;
    s ^= s << 17;
    const int key = static_cast<int>((s >> 11) % 1000);
    switch ((s >> 3) % 8) {
      case 0:
      case 1:
      case 2:
        CHECK(direct.try_push(key) == v.try_push(key));
        break;
      case 3:
        if (!direct.empty()) {
          direct.pop();
          v.pop();
        }
        break;
      case 4:
        CHECK(direct.try_pop() == v.try_pop());
        break;
      case 5:
        if (!direct.empty()) CHECK(direct.replace_top(key) == v.replace_top(key));
        break;
      case 6:
        if (!direct.empty()) {
          *direct.top_mut() = key;
          *v.top_mut() = key;
        }
        break;
      default:
        if (!direct.full()) {
          direct.emplace(key);
          v.emplace(key);
        }
        break;
    }
    REQUIRE(direct.size() == viewed.size());
    bool same = true;
    for (std::size_t k = 0; k != direct.size(); ++k) same = same && direct.data()[k] == viewed.data()[k];
    REQUIRE(same);
  }
}

TEST_CASE("BinaryHeapRef: comparisons", "[binary_heap][view]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  min_heap<int, 4> mins = {5, 3};
  const BinaryHeapRef<int, std::greater<int>> m = mins;
  m.push(4);
  CHECK(m.top() == 3);
  CHECK(drains_as(m, {3, 4, 5}));

  // A stateful comparison is the heap's own object (the view points at it).
  BinaryHeap<int, 6, mod_less> mods({12, 29, 35}, mod_less{10});
  const BinaryHeapRef<int, mod_less> r = mods;
  CHECK(r.value_comp().mod == 10);
  r.push(41);
  CHECK(r.top() == 29);
  CHECK(drains_as(r, {29, 35, 12, 41}));
}

TEST_CASE("BinaryHeapRef: errors", "[binary_heap][view][error]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  max_heap<int, 2> heap = {1, 2};
  const BinaryHeapRef<int> h = heap;
  const int five = 5;
  HEAPLESS_CHECK_RAISES(bad_alloc, h.push(7));
  HEAPLESS_CHECK_RAISES(bad_alloc, h.push(five));
  HEAPLESS_CHECK_RAISES(bad_alloc, h.emplace(7));
  CHECK_FALSE(h.try_push(7));
  CHECK_FALSE(h.try_emplace(7));
  CHECK(heap.size() == 2);
  CHECK(drains_as(h, {2, 1}));
  CHECK_FALSE(h.try_pop().has_value());

  // try_push of an rvalue that does not fit leaves it intact.
  max_heap<move_only, 1> full;
  full.push(move_only(1));
  const BinaryHeapRef<move_only> f = full;
  move_only m(9);
  CHECK_FALSE(f.try_push(std::move(m)));
  CHECK(m.get() == 9);
}

#if HEAPLESS_TEST_CAN_CATCH_ASSERT
TEST_CASE("BinaryHeapRef: preconditions are asserted", "[binary_heap][view][error][assert]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  max_heap<int, 1> heap = {1};
  max_heap<int, 1> none;
  const BinaryHeapRef<int> full = heap;
  const BinaryHeapRef<int> empty = none;
  HEAPLESS_CHECK_RAISES(precondition, full.unchecked_push(2));
  HEAPLESS_CHECK_RAISES(precondition, full.unchecked_emplace(2));
  HEAPLESS_CHECK_RAISES(precondition, empty.top());
  HEAPLESS_CHECK_RAISES(precondition, empty.pop());
  HEAPLESS_CHECK_RAISES(precondition, empty.replace_top(1));
  HEAPLESS_CHECK_RAISES(precondition, empty.as_span()[0]);
}
#endif

TEST_CASE("BinaryHeapRef: the read-only view", "[binary_heap][view]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  const max_heap<int, 8> heap = {3, 9, 4};
  const BinaryHeapRef<const int> c = heap;
  CHECK(c.size() == 3);
  CHECK(c.capacity() == 8);
  CHECK_FALSE(c.empty());
  CHECK_FALSE(c.full());
  CHECK(c.top() == 9);
  CHECK(c.data() == heap.data());
  int sum = 0;
  for (int x : c) sum += x;
  CHECK(sum == 16);
  CHECK(c.as_span().size() == 3);
  CHECK(is_heap(c));
  max_heap<int, 8> mutable_heap = {1};
  const BinaryHeapRef<int> w = mutable_heap;
  const BinaryHeapRef<const int> from_view = w;
  w.push(6);
  CHECK(from_view.top() == 6);
  CHECK(from_view.size() == 2);
}

// ---- Element-type matrix ---------------------------------------------------
namespace {
template <class T>
void exercise_through(BinaryHeapRef<T> h) {
  heapless::test::heap_workout<T>(h);
  {
    auto m = h.top_mut();
    CHECK(value_of(m.pop()) == 5);
  }
  CHECK(drains_as(h, {4, 3, 2, 1, 0}));
  for (int x : {2, 9, 4}) h.push(make<T>(x));
  Vec<T, 8> sorted;
  h.into_sorted(std::back_inserter(sorted));
  REQUIRE(sorted.size() == 3);
  CHECK(value_of(sorted[0]) == 2);
  CHECK(value_of(sorted[2]) == 9);
  CHECK(h.empty());
  h.push(make<T>(1));
  h.clear();
  CHECK(h.empty());
}
template <class T>
void exercise() {
  HEAPLESS_NO_ALLOC_SCOPE;
  HEAPLESS_LIFETIME_CHECK;
  max_heap<T, 8> small;
  exercise_through<T>(small);
  max_heap<T, 40> large;
  exercise_through<T>(large);
}
}  // namespace

TEST_CASE("BinaryHeapRef: element-type matrix", "[binary_heap][view][matrix]") {
  exercise<trivial>();
  exercise<counted>();
  exercise<move_only>();
  exercise<throwing>();
  exercise<overaligned>();
}
