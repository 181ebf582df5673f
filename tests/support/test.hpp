// test.hpp - the one include of every test file.
//
// Picks the harness: Catch2 v3, Catch2 v2, or mini_test.hpp when
// HEAPLESS_TEST_MINI is defined (set by CMake for -fno-exceptions builds and
// small targets). Test sources use only what all three offer: TEST_CASE,
// CHECK, CHECK_FALSE, REQUIRE, REQUIRE_FALSE, STATIC_REQUIRE, INFO, CAPTURE;
// CHECK_THROWS_AS only under `#if HEAPLESS_HAS_EXCEPTIONS`; no SECTION and no
// TEMPLATE_TEST_CASE (use for_each_type from element_types.hpp).
//
// Adds:
//   HEAPLESS_NO_ALLOC_SCOPE;           arms the allocation trap until scope end;
//                                      any allocation in it fails the test.
//   heapless::test::allow_alloc_scope  pauses it (for std reference models).
//   HEAPLESS_LIFETIME_CHECK;           at scope end, checks that every counted
//                                      object born in the scope died exactly once.
//   HEAPLESS_CHECK_RAISES(kind, expr)  expr must go through the library's error
//                                      path with error_kind::kind: a thrown std
//                                      exception with exceptions on, the
//                                      handler (captured by longjmp) otherwise.
//   HEAPLESS_TEST_CAN_CATCH_ASSERT     1 where a failed HEAPLESS_ASSERT can be
//                                      observed (handler build with asserts on).
//   heapless::test::throws_test_exception(f)  f throws test_exception (from
//                                      `throwing`; exception builds only).
//   heapless::test::scaled(n)          n divided by HEAPLESS_TEST_SCALE_DIVISOR
//                                      (default 1; set on slow targets such as
//                                      QEMU): use it for long random sequences.
#ifndef HEAPLESS_TESTS_TEST_HPP
#define HEAPLESS_TESTS_TEST_HPP

#include <heapless/detail/error.hpp>  // heapless::error_kind, HEAPLESS_ERROR_HANDLER

#if defined(HEAPLESS_TEST_MINI)
#include "mini_test.hpp"
#elif __has_include(<catch2/catch_test_macros.hpp>)
#include <catch2/catch_test_macros.hpp>
#else
#include <catch2/catch.hpp>
#endif

#include <csetjmp>  // std::jmp_buf: capturing handler calls without exceptions

#include "alloc_trap.hpp"
#include "element_types.hpp"

#if HEAPLESS_HAS_EXCEPTIONS && !HEAPLESS_ERROR_HANDLER
#include "exception_for.hpp"
#endif

namespace heapless {
namespace test {

#ifndef HEAPLESS_TEST_SCALE_DIVISOR
#define HEAPLESS_TEST_SCALE_DIVISOR 1
#endif
/// Iteration counts for long sequences, reduced on slow targets (never below 1).
constexpr long scaled(long n) noexcept {
  return n / HEAPLESS_TEST_SCALE_DIVISOR > 0 ? n / HEAPLESS_TEST_SCALE_DIVISOR : 1;
}

class no_alloc_scope {
 public:
  no_alloc_scope() noexcept : before_(violation_count()) { arm_trap(); }
  ~no_alloc_scope() {
    disarm_trap();
    const long allocations_in_scope = violation_count() - before_;
    CHECK(allocations_in_scope == 0);
  }
  no_alloc_scope(const no_alloc_scope&) = delete;
  no_alloc_scope& operator=(const no_alloc_scope&) = delete;

 private:
  long before_;
};

class lifetime_check {
 public:
  lifetime_check() noexcept
      : live_(counters().live.load()), errors_(counters().errors.load()) {}
  ~lifetime_check() {
    const long leaked_or_double_destroyed = counters().live.load() - live_;
    const long lifetime_errors = counters().errors.load() - errors_;
    CHECK(leaked_or_double_destroyed == 0);
    CHECK(lifetime_errors == 0);
  }
  lifetime_check(const lifetime_check&) = delete;
  lifetime_check& operator=(const lifetime_check&) = delete;

 private:
  long live_;
  long errors_;
};

/// Handler capture (HEAPLESS_ERROR_HANDLER builds; see error_capture.cpp).
struct error_capture {
  std::jmp_buf env;
  bool active = false;
  error_kind kind = error_kind::precondition;
  const char* message = nullptr;
  long calls = 0;
};
error_capture& capture() noexcept;

}  // namespace test
}  // namespace heapless

#define HEAPLESS_TEST_CAT2(a, b) a##b
#define HEAPLESS_TEST_CAT(a, b) HEAPLESS_TEST_CAT2(a, b)
#define HEAPLESS_NO_ALLOC_SCOPE \
  const ::heapless::test::no_alloc_scope HEAPLESS_TEST_CAT(heapless_no_alloc_, __LINE__)
#define HEAPLESS_LIFETIME_CHECK \
  const ::heapless::test::lifetime_check HEAPLESS_TEST_CAT(heapless_lifetime_, __LINE__)

#if HEAPLESS_ERROR_HANDLER
#define HEAPLESS_TEST_CAN_CATCH_ASSERT HEAPLESS_ENABLE_ASSERTS
// The expression runs in a frame that longjmp may leave: keep objects with
// non-trivial destructors out of it (declare them before the check).
#define HEAPLESS_CHECK_RAISES(kind_, ...)                                         \
  do {                                                                            \
    ::heapless::test::error_capture& heapless_cap_ = ::heapless::test::capture(); \
    heapless_cap_.active = true;                                                  \
    if (setjmp(heapless_cap_.env) == 0) {                                         \
      (void)(__VA_ARGS__);                                                        \
      heapless_cap_.active = false;                                               \
      const bool raised_a_heapless_error = false; /* from: __VA_ARGS__ */          \
      CHECK(raised_a_heapless_error);                                             \
    } else {                                                                      \
      heapless_cap_.active = false;                                               \
      CHECK(heapless_cap_.kind == ::heapless::error_kind::kind_);                 \
    }                                                                             \
  } while (0)
#elif HEAPLESS_HAS_EXCEPTIONS
#define HEAPLESS_TEST_CAN_CATCH_ASSERT 0
// The C++ runtime allocates the exception object (__cxa_allocate_exception):
// that allocation is the runtime's, not the library's, so the trap pauses.
#define HEAPLESS_CHECK_RAISES(kind_, ...)                                                    \
  do {                                                                                       \
    const ::heapless::test::allow_alloc_scope heapless_exception_alloc_;                     \
    CHECK_THROWS_AS((__VA_ARGS__),                                                           \
                    typename ::heapless::test::exception_for<::heapless::error_kind::kind_>::type); \
  } while (0)
#else
#error "tests without exceptions need HEAPLESS_ERROR_HANDLER=1 (error_capture.cpp)"
#endif

#if HEAPLESS_HAS_EXCEPTIONS
namespace heapless {
namespace test {
/// Runs f, which must throw test_exception (from a `throwing` element); the
/// C++ runtime allocates the exception object, so the allocation trap pauses
/// around f. Afterwards `throwing` never throws again until told to.
template <class F>
bool throws_test_exception(F&& f) {
  const allow_alloc_scope runtime_allocates_the_exception;
  bool thrown = false;
  try {
    f();
  } catch (const test_exception&) {
    thrown = true;
  }
  throwing::never_throw();
  return thrown;
}
}  // namespace test
}  // namespace heapless
#endif

#endif  // HEAPLESS_TESTS_TEST_HPP
