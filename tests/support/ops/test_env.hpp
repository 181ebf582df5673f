// test_env.hpp - runs an operation table (support/ops/<container>_ops.hpp)
// as a ctest differential test: the random source is support/rng.hpp, a
// disagreement is a test failure reported with the seed and the step, the
// models allocate with the allocation trap paused (the container under test
// never allocates), and the raising tier is observed as HEAPLESS_CHECK_RAISES
// observes it (exception, or the handler captured by longjmp).
//
//   heapless::test::ops::run_steps(seed, steps, [&](heapless::test::rng& r) {
//     vec_ops::apply_op<test_env>(model, subject, r.below(vec_ops::op_count), r);
//     vec_ops::compare<test_env>(model, subject);
//   });
#ifndef HEAPLESS_TESTS_OPS_TEST_ENV_HPP
#define HEAPLESS_TESTS_OPS_TEST_ENV_HPP

#include <cstdint>  // std::uint64_t
#include <cstdio>   // std::printf: the failing seed and step, under either harness

#include "../rng.hpp"
#include "../test.hpp"

namespace heapless {
namespace test {
namespace ops {

struct test_env {
  /// Held while a reference model runs: std containers allocate.
  using model_scope = allow_alloc_scope;

  /// Disagreements seen so far in this program.
  static long& disagreements() noexcept {
    static long n = 0;
    return n;
  }
  /// Records a disagreement (what: the operation or observer that differs):
  /// a failed check of the running test, counted for run_steps.
  static void check(bool agrees, const char* what) {
    if (agrees) return;
    ++disagreements();
    std::printf("differential: %s disagrees with the model\n", what);
    const allow_alloc_scope reporting_allocates;  // Catch2's messages
    CHECK(agrees);
  }
  /// f() must go through the library's error path with kind K. Objects with
  /// non-trivial destructors stay out of f (the handler build leaves it by
  /// longjmp): f only calls the member, with arguments made before.
  template <error_kind K, class F>
  static void raises(F&& f, const char* what) {
#if HEAPLESS_ERROR_HANDLER
    error_capture& cap = capture();
    cap.active = true;
    if (setjmp(cap.env) == 0) {
      f();
      cap.active = false;
      check(false, what);
    } else {
      cap.active = false;
      check(cap.kind == K, what);
    }
#else
    // The C++ runtime allocates the exception object: the trap pauses.
    const allow_alloc_scope runtime_allocates_the_exception;
    try {
      f();
    } catch (const typename exception_for<K>::type&) {
      return;
    }
    check(false, what);
#endif
  }
};

/// Calls step(r) up to `steps` times with rng r{seed}, stopping at the first
/// step that disagrees; the seed and that step are printed and captured.
template <class Step>
void run_steps(std::uint64_t seed, long steps, Step&& step) {
  rng r{seed};
  const long before = test_env::disagreements();
  long i = 0;
  for (; i != steps && test_env::disagreements() == before; ++i) step(r);
  const long disagreements = test_env::disagreements() - before;
  const allow_alloc_scope reporting_allocates;  // Catch2's messages
  if (disagreements != 0) {
    std::printf("differential: seed %llu, step %ld\n", static_cast<unsigned long long>(seed), i - 1);
  }
  CAPTURE(seed, i);
  CHECK(disagreements == 0);
}

}  // namespace ops
}  // namespace test
}  // namespace heapless

#endif  // HEAPLESS_TESTS_OPS_TEST_ENV_HPP
