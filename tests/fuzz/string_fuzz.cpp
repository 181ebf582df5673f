// string_fuzz.cpp - libFuzzer differential target: the input bytes drive the
// operation table of string_random_test (support/ops/string_ops.hpp) on
// heapless::String<N> (N = 0, 13 and 260: the free-capacity byte and the
// length member) and on std::string; any disagreement, a missing NUL or a
// sanitizer report aborts.
//   build: clang++ -std=c++17 -fsanitize=fuzzer,address,undefined -Iinclude -Itests tests/fuzz/string_fuzz.cpp
//   run:   ./string_fuzz -runs=100000 -seed=1
#include <cstddef>  // std::size_t
#include <cstdint>  // std::uint8_t

#include "support/ops/fuzz_env.hpp"
#include "support/ops/string_ops.hpp"

namespace {

namespace ops = heapless::test::ops;
namespace string_ops = heapless::test::string_ops;

template <std::size_t N>
void run(const std::uint8_t* data, std::size_t size) {
  heapless::String<N> s;
  string_ops::model<N> m;
  ops::run_input(data, size, [&](heapless::test::byte_source& in) {
    string_ops::apply_op<ops::fuzz_env>(m, s, in.below(string_ops::op_count), in);
    string_ops::compare<ops::fuzz_env>(m, s);
  });
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  run<0>(data, size);
  run<13>(data, size);
  run<260>(data, size);
  return 0;
}
