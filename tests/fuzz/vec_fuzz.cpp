// vec_fuzz.cpp - libFuzzer differential target: the input bytes drive the
// operation table of vec_differential_test (support/ops/vec_ops.hpp) on
// heapless::Vec<int, 16>, heapless::Vec<counted, 8> (non-trivial, counts its
// lifetimes) and std::vector models; any divergence traps.
//   build: clang++ -std=c++17 -fsanitize=fuzzer,address,undefined -Iinclude -Itests tests/fuzz/vec_fuzz.cpp
//   run:   ./vec_fuzz -runs=100000 -seed=1
#include <cstddef>  // std::size_t
#include <cstdint>  // std::uint8_t

#include "support/ops/fuzz_env.hpp"
#include "support/ops/vec_ops.hpp"

namespace {

namespace ops = heapless::test::ops;
namespace vec_ops = heapless::test::vec_ops;

template <class T, std::size_t N>
void run(const std::uint8_t* data, std::size_t size) {
  vec_ops::subject<T, N> s;
  vec_ops::model m;
  ops::run_input(data, size, [&](heapless::test::byte_source& in) {
    vec_ops::apply_op<ops::fuzz_env>(m, s, in.below(vec_ops::op_count), in);
    vec_ops::compare<ops::fuzz_env>(m, s);
  });
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  run<int, 16>(data, size);
  run<heapless::test::counted, 8>(data, size);
  ops::check_lifetimes();
  return 0;
}
