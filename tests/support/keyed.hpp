// keyed.hpp - an element with a key and a tag that compares by key only:
// for containers that order elements (BinaryHeap, SortedLinkedList), equal
// keys are then distinguishable, so a test sees which of them moved where.
//
//   keyed<int>      trivially copyable
//   keyed<counted>  counts its lifetimes (element_types.hpp)
//
// operator< and by_key compare keys (a max-heap, ascending order);
// by_key_greater reverses them (a min-heap).
#ifndef HEAPLESS_TESTS_KEYED_HPP
#define HEAPLESS_TESTS_KEYED_HPP

#include "element_types.hpp"

namespace heapless {
namespace test {

template <class Tag>
struct keyed {
  int key;
  Tag tag;
  friend constexpr bool operator<(const keyed& a, const keyed& b) noexcept { return a.key < b.key; }
};

/// The tag's int (the tag of keyed<counted> is a counted).
template <class Tag>
int tag_of(const keyed<Tag>& e) noexcept {
  return value_of(e.tag);
}

struct by_key {
  template <class E>
  constexpr bool operator()(const E& a, const E& b) const noexcept {
    return a.key < b.key;
  }
};
struct by_key_greater {
  template <class E>
  constexpr bool operator()(const E& a, const E& b) const noexcept {
    return a.key > b.key;
  }
};

}  // namespace test
}  // namespace heapless

#endif  // HEAPLESS_TESTS_KEYED_HPP
