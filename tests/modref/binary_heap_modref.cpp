// binary_heap_modref.cpp - the BinaryHeap member that returns a position
// computed from an argument (into_sorted(out): out advanced past the elements
// moved to it) returns exactly that position at every optimisation level
// (tests/modref/modref.hpp: the shape of a check).
#include <heapless/binary_heap.hpp>

#include "modref.hpp"

namespace {

[[gnu::noinline]] void into_sorted_forms() {
  heapless::max_heap<int, 8> h = {4, 1, 3};
  int out[8] = {};
  int* end = h.into_sorted(out);
  if (end != out + 3) modref::fail("BinaryHeap::into_sorted(out)");
  if (out[0] != 1 || out[2] != 4) modref::fail("BinaryHeap::into_sorted(out)", " (the order)");
  if (!h.empty()) modref::fail("BinaryHeap::into_sorted(out)", " (left empty)");
  h.push(7);
  end = h.into_sorted(out + 3);
  if (end != out + 4) modref::fail("BinaryHeap::into_sorted(out) after a push");
  end = h.into_sorted(out + 4);  // empty: out itself
  if (end != out + 4) modref::fail("BinaryHeap::into_sorted(out) of an empty heap");
  heapless::min_heap<int, 4> m = {2, 9, 5, 1};
  end = m.into_sorted(out);
  if (end != out + 4) modref::fail("min_heap::into_sorted(out)");
  if (out[0] != 9 || out[3] != 1) modref::fail("min_heap::into_sorted(out)", " (the order)");
}

}  // namespace

int main() {
  into_sorted_forms();
  return modref::result("binary_heap_modref");
}
