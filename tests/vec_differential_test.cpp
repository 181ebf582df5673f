// vec_differential_test.cpp - a long deterministic random sequence of mixed
// operations applied to heapless::Vec and to std::vector (the model), compared
// after every step. The operations (support/ops/vec_ops.hpp) are the fuzz
// target's (fuzz/vec_fuzz.cpp): where the Vec would grow past N, the model
// predicts the error: the Vec must raise bad_alloc and be unchanged.
#include "support/ops/test_env.hpp"
#include "support/ops/vec_ops.hpp"
#include "support/test.hpp"

#include <cstdint>  // std::uint64_t
#include <vector>   // the reference model

#include <heapless/vec.hpp>

namespace {

namespace ops = heapless::test::ops;
namespace vec_ops = heapless::test::vec_ops;
using heapless::test::allow_alloc_scope;
using ops::test_env;

template <class T, std::size_t N>
void run_differential(std::uint64_t seed, long steps) {
  static vec_ops::subject<T, N> s;  // static: keeps the stack small on 16 KB targets
  s.v.clear();
  s.other.clear();
  vec_ops::model m;
  {
    const allow_alloc_scope allow;
    m.v.reserve(64);
    m.other.reserve(64);
  }
  {
    HEAPLESS_NO_ALLOC_SCOPE;
    HEAPLESS_LIFETIME_CHECK;
    ops::run_steps(seed, steps, [&](heapless::test::rng& r) {
      vec_ops::apply_op<test_env>(m, s, r.below(vec_ops::op_count), r);
      vec_ops::compare<test_env>(m, s);
    });
    s.v.clear();
    s.other.clear();
  }
  const allow_alloc_scope allow;
  m = vec_ops::model();
}

}  // namespace

TEST_CASE("Vec differential: int against std::vector", "[vec][differential]") {
  run_differential<int, 24>(1, heapless::test::scaled(200000));
  run_differential<int, 1>(2, heapless::test::scaled(20000));
}

TEST_CASE("Vec differential: counted (non-trivial) against std::vector", "[vec][differential]") {
  run_differential<heapless::test::counted, 16>(3, heapless::test::scaled(100000));
}

TEST_CASE("Vec differential: uint8 length type at N = 255", "[vec][differential]") {
  run_differential<int, 255>(4, heapless::test::scaled(20000));
}
