// spsc_fuzz.cpp - libFuzzer differential test: the input bytes drive the
// operation table of spsc_test's differential test
// (support/ops/queue_ops.hpp, apply_spsc_op) on spsc::Queue and a std::deque
// model; any disagreement traps. The same script runs on power-of-two
// capacities (free-running indices), other ones (indices in [0, 2N)), N = 1,
// and elements that count their lifetimes (counted).
//   build: clang++ -std=c++17 -fsanitize=fuzzer,address,undefined -Iinclude -Itests tests/fuzz/spsc_fuzz.cpp
//   run:   ./spsc_fuzz -runs=100000 -seed=1
#include <cstddef>  // std::size_t
#include <cstdint>  // std::uint8_t, std::uint16_t, std::uint32_t

#include <heapless/spsc.hpp>

#include "support/ops/fuzz_env.hpp"
#include "support/ops/queue_ops.hpp"

namespace {

namespace ops = heapless::test::ops;
namespace queue_ops = heapless::test::queue_ops;

template <class T, std::size_t N>
void run(const std::uint8_t* data, std::size_t size) {
  heapless::spsc::Queue<T, N> q;
  queue_ops::model m;
  ops::run_input(data, size, [&](heapless::test::byte_source& in) {
    queue_ops::apply_spsc_op<ops::fuzz_env>(m, q, in.below(queue_ops::spsc_op_count), in);
    queue_ops::compare<ops::fuzz_env>(m, q);
  });
}  // q is destroyed holding whatever is left

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  run<std::uint16_t, 8>(data, size);
  run<std::uint32_t, 5>(data, size);
  run<heapless::test::counted, 3>(data, size);
  run<heapless::test::counted, 4>(data, size);
  run<int, 1>(data, size);
  ops::check_lifetimes();
  return 0;
}
