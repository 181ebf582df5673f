// SPDX-License-Identifier: BSL-1.0
// ordered.hpp - helpers shared by the tests of the ordered containers
// (BinaryHeap, SortedLinkedList) and of their views: order checks that take
// a container or a view alike, and stateful and stateless comparisons
// (values_are is element_types.hpp's, keyed<Tag> is keyed.hpp's).
#ifndef HEAPLESS_TESTS_ORDERED_HPP
#define HEAPLESS_TESTS_ORDERED_HPP

#include <cstddef>           // std::size_t
#include <initializer_list>  // expected values

#include "element_types.hpp"  // value_of, values_are
#include "keyed.hpp"          // keyed<Tag>, by_key, by_key_greater

namespace heapless::test {

/// The heap property over storage order: no element has priority over its
/// parent (h: a BinaryHeap or a BinaryHeapRef).
template <class H>
bool is_heap(const H& h) {
  const auto comp = h.value_comp();
  const auto* d = h.data();
  for (std::size_t i = 1; i < h.size(); ++i) {
    if (comp(d[(i - 1) / 2], d[i])) return false;
  }
  return true;
}

/// Pops everything; true when the values come out as `expected` and the heap
/// property holds before each pop.
template <class H>
bool drains_as(H&& h, std::initializer_list<int> expected) {
  if (h.size() != expected.size()) return false;
  for (int e : expected) {
    if (!is_heap(h) || value_of(h.top()) != e) return false;
    h.pop();
  }
  return h.empty();
}

/// A stateful comparison: orders by value modulo `mod` (not empty: stored).
struct mod_less {
  int mod = 10;
  bool operator()(int a, int b) const noexcept { return a % mod < b % mod; }
};

/// An empty comparison that is not std's.
struct greater_int {
  bool operator()(int a, int b) const noexcept { return a > b; }
};

}  // namespace heapless::test

#endif  // HEAPLESS_TESTS_ORDERED_HPP
