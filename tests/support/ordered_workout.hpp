// SPDX-License-Identifier: BSL-1.0
// ordered_workout.hpp - the element-type workouts shared by the tests of
// BinaryHeap and SortedLinkedList and of their views: the same calls, the
// same expected values, on a container or through a view (include after
// support/test.hpp).
#ifndef HEAPLESS_TESTS_ORDERED_WORKOUT_HPP
#define HEAPLESS_TESTS_ORDERED_WORKOUT_HPP

#include <optional>  // try_pop's result

#include "ordered.hpp"

namespace heapless::test {

/// Every inserting tier, top, try_pop, replace_top and a top handle on an
/// empty max-heap of capacity >= 7 of T (a heap or a view); leaves it
/// holding 5, 4, 3, 2, 1, 0.
template <class T, class H>
void heap_workout(H&& h) {
  for (int x : {4, 8, 1, 6}) h.push(make<T>(x));
  h.emplace(make<T>(3));
  CHECK(h.try_push(make<T>(7)));
  h.unchecked_push(make<T>(2));
  CHECK(is_heap(h));
  CHECK(value_of(h.top()) == 8);
  std::optional<T> t = h.try_pop();
  REQUIRE(t.has_value());
  CHECK(value_of(*t) == 8);
  CHECK(value_of(h.replace_top(make<T>(0))) == 7);
  {
    auto m = h.top_mut();
    CHECK(value_of(*m) == 6);
    *m = make<T>(5);
  }
  CHECK(is_heap(h));
  CHECK(h.size() == 6);
}

/// Every inserting tier, pop, try_pop, erase_after, erase, both uses of a
/// find_mut handle and remove_if on an empty list of capacity >= 7 of T (a
/// list or a view); leaves it holding 4, 5.
template <class T, class L>
void list_workout(L&& l) {
  for (int x : {4, 8, 1, 6}) l.push(make<T>(x));
  l.emplace(make<T>(3));
  CHECK(l.try_push(make<T>(7)));
  l.unchecked_push(make<T>(2));
  CHECK(values_are(l, {1, 2, 3, 4, 6, 7, 8}));
  l.pop();
  std::optional<T> t = l.try_pop();
  REQUIRE(t.has_value());
  CHECK(value_of(*t) == 2);
  l.erase_after(l.find_before_if([](const T& x) { return value_of(x) == 6; }));
  l.erase(l.find_if([](const T& x) { return value_of(x) == 8; }));
  {
    auto h = l.find_mut([](const T& x) { return value_of(x) == 3; });
    *h = make<T>(9);
  }
  CHECK(values_are(l, {4, 7, 9}));
  {
    auto h = l.find_mut([](const T& x) { return value_of(x) == 7; });
    CHECK(value_of(h.pop()) == 7);
  }
  l.push(make<T>(5));
  CHECK(l.remove_if([](const T& x) { return value_of(x) == 9; }) == 1);
  CHECK(values_are(l, {4, 5}));
}

}  // namespace heapless::test

#endif  // HEAPLESS_TESTS_ORDERED_WORKOUT_HPP
