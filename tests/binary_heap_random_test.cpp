// binary_heap_random_test.cpp - BinaryHeap against a model over long
// deterministic random sequences. Elements carry a key and a unique tag and
// compare by key only, so equal keys may leave the heap in any order: every
// popped (key, tag) must be one that is in the heap, with the top key.
// Operations (support/ops/binary_heap_ops.hpp, shared with
// fuzz/binary_heap_fuzz.cpp): push, push and try_push when full, pop,
// try_pop, replace_top, top_mut, heapify from a range, into_sorted, copy,
// clear.
#include "support/ops/binary_heap_ops.hpp"
#include "support/ops/test_env.hpp"
#include "support/test.hpp"

#include <cstdint>  // std::uint64_t

#include <heapless/binary_heap.hpp>

namespace {

namespace ops = heapless::test::ops;
namespace heap_ops = heapless::test::binary_heap_ops;
using heapless::test::allow_alloc_scope;
using ops::test_env;

template <class Tag, class Compare, std::size_t N>
void run(std::uint64_t seed, long steps, int key_range) {
  using H = heapless::BinaryHeap<heapless::test::keyed<Tag>, N, Compare>;
  heap_ops::model m;
  m.key_range = key_range;
  {
    HEAPLESS_NO_ALLOC_SCOPE;
    HEAPLESS_LIFETIME_CHECK;
    static H h;  // static: keeps the stack small on 16 KB targets
    h.clear();
    ops::run_steps(seed, steps, [&](heapless::test::rng& r) {
      heap_ops::apply_op<test_env>(m, h, r.below(heap_ops::op_count), r);
      heap_ops::compare<test_env>(m, h);
    });
    heap_ops::drain<test_env>(m, h);
  }
  const allow_alloc_scope allow;
  m = heap_ops::model();
}

}  // namespace

TEST_CASE("BinaryHeap random differential: max heap, many equal keys", "[binary_heap][random]") {
  run<int, heapless::test::by_key, 64>(1, heapless::test::scaled(60000), 16);
}

TEST_CASE("BinaryHeap random differential: min heap, wide keys, often full", "[binary_heap][random]") {
  run<int, heapless::test::by_key_greater, 24>(2, heapless::test::scaled(60000), 100000);
  run<int, heapless::test::by_key, 5>(3, heapless::test::scaled(20000), 4);
}

TEST_CASE("BinaryHeap random differential: counted tags (lifetimes)", "[binary_heap][random]") {
  run<heapless::test::counted, heapless::test::by_key, 12>(4, heapless::test::scaled(30000), 8);
}
