// fuzz_env.hpp - runs an operation table (support/ops/<container>_ops.hpp)
// as a libFuzzer target: the fuzzer's input is the source (rng.hpp's
// byte_source), any disagreement traps after printing what disagreed, and
// the raising tier throws (fuzz builds have exceptions and no handler).
// No allocation trap here: the models allocate freely.
//
//   extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
//     heapless::test::ops::run_input(data, size, [&](heapless::test::byte_source& in) { ... });
//     heapless::test::ops::check_lifetimes();
//     return 0;
//   }
#ifndef HEAPLESS_TESTS_OPS_FUZZ_ENV_HPP
#define HEAPLESS_TESTS_OPS_FUZZ_ENV_HPP

#include <cstddef>  // std::size_t
#include <cstdint>  // std::uint8_t
#include <cstdio>   // std::fprintf

#include "../element_types.hpp"
#include "../exception_for.hpp"
#include "../rng.hpp"

#if !HEAPLESS_HAS_EXCEPTIONS
#error "fuzz targets observe the raising tier as exceptions"
#endif

namespace heapless {
namespace test {
namespace ops {

struct fuzz_env {
  /// Nothing to pause: fuzz builds have no allocation trap. (User-provided
  /// constructor and destructor: an unused-variable warning would flag it.)
  struct model_scope {
    model_scope() noexcept {}
    ~model_scope() {}
    model_scope(const model_scope&) = delete;
    model_scope& operator=(const model_scope&) = delete;
  };

  static void check(bool agrees, const char* what) {
    if (agrees) return;
    std::fprintf(stderr, "differential: %s disagrees with the model\n", what);
    __builtin_trap();
  }
  /// f() must throw the exception the library raises for kind K.
  template <error_kind K, class F>
  static void raises(F&& f, const char* what) {
    try {
      f();
    } catch (const typename exception_for<K>::type&) {
      return;
    }
    check(false, what);
  }
};

/// Calls step(in) while input is left (a step reads zeros past the end).
template <class Step>
void run_input(const std::uint8_t* data, std::size_t size, Step&& step) {
  byte_source in(data, size);
  while (in.more()) step(in);
}

/// After an input: every counted element (element_types.hpp) was destroyed
/// exactly once, none was used after its destruction.
inline void check_lifetimes() {
  fuzz_env::check(counters().live.load() == 0, "live counted elements after the run");
  fuzz_env::check(counters().errors.load() == 0, "counted element lifetimes");
}

}  // namespace ops
}  // namespace test
}  // namespace heapless

#endif  // HEAPLESS_TESTS_OPS_FUZZ_ENV_HPP
