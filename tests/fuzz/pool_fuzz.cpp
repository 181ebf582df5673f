// pool_fuzz.cpp - libFuzzer target: the input bytes drive the operation table
// of pool_test's random differential test (support/ops/pool_ops.hpp) on a
// Pool on one thread, checked after every step against the list of live
// objects. Traps on any mismatch. Built with ASan, so a freed slot touched by
// the pool itself would also be reported (free slots are poisoned). Three
// pools run the same script: lock_free and single_thread at N = 13, and
// N = 300 (2-byte links); their elements count their lifetimes (counted).
//   build: clang++ -std=c++17 -fsanitize=fuzzer,address,undefined -Iinclude -Itests tests/fuzz/pool_fuzz.cpp
//   run:   ./pool_fuzz -runs=100000 -seed=1
#include <cstddef>  // std::size_t
#include <cstdint>  // std::uint8_t

#include <heapless/pool.hpp>

#include "support/ops/fuzz_env.hpp"
#include "support/ops/pool_ops.hpp"

namespace {

namespace ops = heapless::test::ops;
namespace pool_ops = heapless::test::pool_ops;
using heapless::test::counted;

template <class PoolT>
void run(PoolT& pool, const std::uint8_t* data, std::size_t size) {
  pool_ops::model<PoolT> m;
  ops::fuzz_env::check(pool.available() == PoolT::capacity(), "a whole pool to start with");
  ops::run_input(data, size, [&](heapless::test::byte_source& in) {
    pool_ops::apply_op<ops::fuzz_env>(m, pool, in.below(pool_ops::op_count), in);
    pool_ops::compare<ops::fuzz_env>(m, pool);
  });
  pool_ops::release_all<ops::fuzz_env>(m, pool);
}

heapless::Pool<counted, 13, heapless::pool_policy::lock_free> g_lock_free;
heapless::Pool<counted, 13, heapless::pool_policy::single_thread> g_single;
heapless::Pool<counted, 300, heapless::pool_policy::single_thread> g_wide;  // 2-byte links

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  run(g_lock_free, data, size);
  run(g_single, data, size);
  run(g_wide, data, size);
  ops::check_lifetimes();
  return 0;
}
