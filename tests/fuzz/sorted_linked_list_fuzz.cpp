// sorted_linked_list_fuzz.cpp - libFuzzer differential test: the input bytes
// drive the operation table of sorted_linked_list_random_test
// (support/ops/sorted_linked_list_ops.hpp) on SortedLinkedList and a
// std::multiset model of (key, tag) ordered by key (insertion at the upper
// bound of equal keys, as push does); after every step the whole sequence
// must be equal; any disagreement traps. The same script runs on trivially
// copyable elements (N = 12, and N = 40 with search fingers) and on elements
// that count their lifetimes (counted tags).
//   build: clang++ -std=c++17 -fsanitize=fuzzer,address,undefined -Iinclude -Itests tests/fuzz/sorted_linked_list_fuzz.cpp
//   run:   ./sorted_linked_list_fuzz -runs=100000 -seed=1
#include <cstddef>  // std::size_t
#include <cstdint>  // std::uint8_t

#include "support/ops/fuzz_env.hpp"
#include "support/ops/sorted_linked_list_ops.hpp"

namespace {

namespace ops = heapless::test::ops;
namespace list_ops = heapless::test::sorted_linked_list_ops;

template <class Tag, std::size_t N>
void run(const std::uint8_t* data, std::size_t size) {
  heapless::SortedLinkedList<heapless::test::keyed<Tag>, N> l;
  list_ops::model m;
  m.key_range = 32;
  ops::run_input(data, size, [&](heapless::test::byte_source& in) {
    list_ops::apply_op<ops::fuzz_env>(m, l, in.below(list_ops::op_count), in);
    list_ops::compare<ops::fuzz_env>(m, l);
  });
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  run<int, 12>(data, size);
  run<int, 40>(data, size);  // with search fingers
  run<heapless::test::counted, 5>(data, size);
  ops::check_lifetimes();
  return 0;
}
