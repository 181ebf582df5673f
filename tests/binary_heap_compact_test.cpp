// binary_heap_compact_test.cpp - the BinaryHeap tests and random
// differential again with the sifts in the forms chosen for size (-Os): a
// top-down sift and a one-loop push (and in the forms chosen for speed when
// this build is itself -Os), so both forms run in every test configuration.
// (The mini harness names test cases by line: two TEST_CASEs on the same
// line of the two files would not compile, never pass silently.)
#if defined(__OPTIMIZE_SIZE__)
#define HEAPLESS_DETAIL_BINARY_HEAP_COMPACT 0
#else
#define HEAPLESS_DETAIL_BINARY_HEAP_COMPACT 1
#endif
#include <heapless/binary_heap.hpp>

static_assert(heapless::detail::binary_heap_compact == (HEAPLESS_DETAIL_BINARY_HEAP_COMPACT != 0),
              "the sift form is chosen by HEAPLESS_DETAIL_BINARY_HEAP_COMPACT");

#include "binary_heap_random_test.cpp"
#include "binary_heap_test.cpp"
