// deque_random_test.cpp - random differential test: the same random
// operations applied to heapless::Deque and to reference models (a
// std::vector model, and std::deque for int elements), compared after every
// step: contents, order, size, both ends, as_spans. The operations
// (support/ops/deque_ops.hpp) are the fuzz target's (fuzz/deque_fuzz.cpp).
#include "support/ops/deque_ops.hpp"
#include "support/ops/test_env.hpp"
#include "support/test.hpp"

#include <cstdint>  // std::uint64_t

#include <heapless/deque.hpp>

namespace {

namespace ops = heapless::test::ops;
namespace deque_ops = heapless::test::deque_ops;
using heapless::test::allow_alloc_scope;
using ops::test_env;

template <class T, std::size_t N>
void run(std::uint64_t seed, long steps) {
  deque_ops::model m;  // std::deque allocates when constructed: before the trap is armed
  {
    const allow_alloc_scope allow;
    m.v.reserve(N);
  }
  {
    HEAPLESS_NO_ALLOC_SCOPE;
    HEAPLESS_LIFETIME_CHECK;
    heapless::Deque<T, N> d;
    ops::run_steps(seed, steps, [&](heapless::test::rng& r) {
      deque_ops::apply_op<test_env>(m, d, r.below(deque_ops::op_count), r);
      deque_ops::compare<test_env>(m, d);
    });
  }
  const allow_alloc_scope allow;
  m = deque_ops::model();
}

}  // namespace

TEST_CASE("Deque random: int against std::deque and a model, power-of-two N", "[deque][differential]") {
  run<int, 16>(0x12345u, heapless::test::scaled(100000));
}

TEST_CASE("Deque random: int against std::deque and a model, other N", "[deque][differential]") {
  run<int, 13>(0xBEEFu, heapless::test::scaled(100000));
}

TEST_CASE("Deque random: counted (lifetimes) against a model", "[deque][differential]") {
  run<heapless::test::counted, 8>(0x5EEDu, heapless::test::scaled(50000));
  run<heapless::test::counted, 7>(0xC0FFEEu, heapless::test::scaled(50000));
}
