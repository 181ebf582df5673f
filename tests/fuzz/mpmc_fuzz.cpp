// mpmc_fuzz.cpp - libFuzzer differential test: the input bytes drive the
// operation table of mpmc_test's differential test
// (support/ops/queue_ops.hpp, apply_fifo_op) on mpmc::Queue (one thread) and
// a std::deque model; any disagreement traps. The same script runs on a
// power-of-two capacity (plain counters), a non-power-of-two one (stamps that
// skip to the next lap), N = 1, a critical_section queue with one-byte
// sequence words that wrap every few laps, and elements that count their
// lifetimes (counted) under single_thread and lock_free.
//   build: clang++ -std=c++17 -fsanitize=fuzzer,address,undefined -Iinclude -Itests tests/fuzz/mpmc_fuzz.cpp
//   run:   ./mpmc_fuzz -runs=100000 -seed=1
#include <cstddef>  // std::size_t
#include <cstdint>  // std::uint8_t, std::uint32_t

#include <heapless/mpmc.hpp>

#include "support/ops/fuzz_env.hpp"
#include "support/ops/queue_ops.hpp"

namespace {

namespace ops = heapless::test::ops;
namespace queue_ops = heapless::test::queue_ops;

struct no_lock {
  static void lock() noexcept {}
  static void unlock() noexcept {}
};

template <class T, std::size_t N, class Policy>
void run(const std::uint8_t* data, std::size_t size) {
  heapless::mpmc::Queue<T, N, Policy> q;
  queue_ops::model m;
  ops::run_input(data, size, [&](heapless::test::byte_source& in) {
    queue_ops::apply_fifo_op<ops::fuzz_env>(m, q, in.below(queue_ops::fifo_op_count), in);
    queue_ops::compare<ops::fuzz_env>(m, q);
  });
}  // q is destroyed holding whatever is left

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace pp = heapless::pool_policy;
  run<std::uint32_t, 8, pp::lock_free>(data, size);
  run<std::uint32_t, 5, pp::lock_free>(data, size);
  run<std::uint32_t, 1, pp::lock_free>(data, size);
  run<std::uint32_t, 3, pp::critical_section<no_lock>>(data, size);  // one-byte words: wrap every 64 laps
  run<heapless::test::counted, 3, pp::single_thread>(data, size);
  run<heapless::test::counted, 4, pp::lock_free>(data, size);
  ops::check_lifetimes();
  return 0;
}
