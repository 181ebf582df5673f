// binary_heap_fuzz.cpp - libFuzzer differential test: the input bytes drive
// the operation table of binary_heap_random_test
// (support/ops/binary_heap_ops.hpp) on BinaryHeap and a multiset model (the
// element leaving must be the model's top, the sizes equal, the heap
// property hold after every step); any disagreement traps. The same script
// runs on a max-heap of trivially copyable elements, a min-heap whose
// elements count their lifetimes (counted tags), and N = 1.
//   build: clang++ -std=c++17 -fsanitize=fuzzer,address,undefined -Iinclude -Itests tests/fuzz/binary_heap_fuzz.cpp
//   run:   ./binary_heap_fuzz -runs=100000 -seed=1
#include <cstddef>  // std::size_t
#include <cstdint>  // std::uint8_t

#include "support/ops/binary_heap_ops.hpp"
#include "support/ops/fuzz_env.hpp"

namespace {

namespace ops = heapless::test::ops;
namespace heap_ops = heapless::test::binary_heap_ops;

template <class Tag, class Compare, std::size_t N>
void run(const std::uint8_t* data, std::size_t size, int key_range) {
  heapless::BinaryHeap<heapless::test::keyed<Tag>, N, Compare> h;
  heap_ops::model m;
  m.key_range = key_range;
  ops::run_input(data, size, [&](heapless::test::byte_source& in) {
    heap_ops::apply_op<ops::fuzz_env>(m, h, in.below(heap_ops::op_count), in);
    heap_ops::compare<ops::fuzz_env>(m, h);
  });
  heap_ops::drain<ops::fuzz_env>(m, h);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  run<int, heapless::test::by_key, 16>(data, size, 32);
  run<heapless::test::counted, heapless::test::by_key_greater, 7>(data, size, 100);
  run<int, heapless::test::by_key, 1>(data, size, 4);
  ops::check_lifetimes();
  return 0;
}
