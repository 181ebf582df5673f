// binary_heap_ref_modref.cpp - the BinaryHeapRef member that returns a
// position computed from an argument (into_sorted(out): out advanced past
// the elements moved to it) returns exactly that position at every
// optimisation level (tests/modref/modref.hpp: the shape of a check).
#include <heapless/binary_heap.hpp>

#include "modref.hpp"

namespace {

[[gnu::noinline]] void into_sorted_forms() {
  heapless::max_heap<int, 8> heap = {4, 1, 3};
  const heapless::BinaryHeapRef<int> h = heap;
  int out[8] = {};
  int* end = h.into_sorted(out);
  if (end != out + 3) modref::fail("BinaryHeapRef::into_sorted(out)");
  if (out[0] != 1 || out[2] != 4) modref::fail("BinaryHeapRef::into_sorted(out)", " (the order)");
  h.push(7);
  end = h.into_sorted(out + 3);
  if (end != out + 4) modref::fail("BinaryHeapRef::into_sorted(out) after a push");
  end = h.into_sorted(out + 4);  // empty: out itself
  if (end != out + 4) modref::fail("BinaryHeapRef::into_sorted(out) of an empty heap");
}

}  // namespace

int main() {
  into_sorted_forms();
  return modref::result("binary_heap_ref_modref");
}
