// deque_fuzz.cpp - libFuzzer differential target: the input bytes drive the
// operation table of deque_random_test (support/ops/deque_ops.hpp) on
// heapless::Deque<int, 16> (masking, checked against std::vector and
// std::deque), heapless::Deque<counted, 7> (compare-and-subtract, non-trivial,
// counts its lifetimes) and heapless::Deque<overaligned, 5>; any divergence
// traps.
//   build: clang++ -std=c++17 -fsanitize=fuzzer,address,undefined -Iinclude -Itests tests/fuzz/deque_fuzz.cpp
//   run:   ./deque_fuzz -runs=100000 -seed=1
#include <cstddef>  // std::size_t
#include <cstdint>  // std::uint8_t

#include "support/ops/deque_ops.hpp"
#include "support/ops/fuzz_env.hpp"

namespace {

namespace ops = heapless::test::ops;
namespace deque_ops = heapless::test::deque_ops;

template <class T, std::size_t N>
void run(const std::uint8_t* data, std::size_t size) {
  heapless::Deque<T, N> d;
  deque_ops::model m;
  ops::run_input(data, size, [&](heapless::test::byte_source& in) {
    deque_ops::apply_op<ops::fuzz_env>(m, d, in.below(deque_ops::op_count), in);
    deque_ops::compare<ops::fuzz_env>(m, d);
  });
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  run<int, 16>(data, size);
  run<heapless::test::counted, 7>(data, size);
  run<heapless::test::overaligned, 5>(data, size);
  ops::check_lifetimes();
  return 0;
}
