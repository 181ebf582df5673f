// mini_test.hpp - a tiny test harness with the Catch2 spelling, for builds
// where Catch2 cannot run: -fno-exceptions -fno-rtti on the host, and
// newlib-nano / Cortex-M0 targets. No exceptions, no RTTI, no heap; printf only.
//
// Supported: TEST_CASE(name, tags), CHECK, CHECK_FALSE, REQUIRE, REQUIRE_FALSE
// (usable in any function: a failed REQUIRE longjmps out of the test),
// STATIC_REQUIRE, STATIC_REQUIRE_FALSE, INFO / CAPTURE (no-ops), SUCCEED, FAIL. Not supported (so
// shared test sources avoid them): SECTION, TEMPLATE_TEST_CASE, generators,
// and the *_THROWS* family (exceptions are off wherever this harness runs).
//
// main(): heapless::test::mini_main(argc, argv) (tests/support/mini_main.cpp).
// argv[1], optional: run only tests whose name contains it; "--list" lists them.
#ifndef HEAPLESS_TESTS_MINI_TEST_HPP
#define HEAPLESS_TESTS_MINI_TEST_HPP

#include <csetjmp>  // REQUIRE leaves a failed test by longjmp (no exceptions here)
#include <cstdio>   // std::printf
#include <cstdlib>  // std::abort
#include <cstring>  // std::strstr, std::strcmp

namespace heapless {
namespace test {
namespace mini {

struct test_case {
  const char* name;
  void (*fn)();
  test_case* next;
};

struct state {
  test_case* head = nullptr;
  test_case** tail = &head;
  int failed_checks = 0;
  long passed_checks = 0;
  std::jmp_buf abort_env;
  bool running = false;
};

inline state& global() {
  static state s;
  return s;
}

struct registrar {
  explicit registrar(test_case* t) noexcept {
    *global().tail = t;
    global().tail = &t->next;
  }
};

inline bool check(bool ok, const char* file, int line, const char* expr) {
  if (ok) {
    ++global().passed_checks;
    return true;
  }
  std::printf("  %s:%d: FAILED: %s\n", file, line, expr);
  ++global().failed_checks;
  return false;
}

/// A failed REQUIRE ends the current test (like Catch2's exception, but without
/// unwinding: objects in the aborted test are not destroyed).
[[noreturn]] inline void abort_test() {
  if (global().running) std::longjmp(global().abort_env, 1);
  std::printf("REQUIRE failed outside a test\n");
  std::abort();
}

inline int run(int argc, char** argv) {
  const char* filter = argc > 1 ? argv[1] : nullptr;
  if (filter && std::strcmp(filter, "--list") == 0) {
    for (test_case* t = global().head; t; t = t->next) std::printf("%s\n", t->name);
    return 0;
  }
  int passed = 0, failed = 0;
  for (test_case* t = global().head; t; t = t->next) {
    if (filter && !std::strstr(t->name, filter)) continue;
    const int before = global().failed_checks;
    global().running = true;
    if (setjmp(global().abort_env) == 0) t->fn();
    global().running = false;
    if (global().failed_checks == before) {
      ++passed;
    } else {
      ++failed;
      std::printf("FAILED test: %s\n", t->name);
    }
  }
  std::printf("%ld checks passed\n", global().passed_checks);
  std::printf("%d passed, %d failed\n", passed, failed);
  return failed == 0 && passed > 0 ? 0 : 1;
}

}  // namespace mini
}  // namespace test
}  // namespace heapless

#define HEAPLESS_MINI_CAT2(a, b) a##b
#define HEAPLESS_MINI_CAT(a, b) HEAPLESS_MINI_CAT2(a, b)
#define HEAPLESS_MINI_TEST_IMPL(fn, name)                                                  \
  static void fn();                                                                        \
  static ::heapless::test::mini::test_case HEAPLESS_MINI_CAT(fn, _case){name, &fn, nullptr}; \
  static const ::heapless::test::mini::registrar HEAPLESS_MINI_CAT(fn, _reg){              \
      &HEAPLESS_MINI_CAT(fn, _case)};                                                      \
  static void fn()

#define TEST_CASE(name, ...) HEAPLESS_MINI_TEST_IMPL(HEAPLESS_MINI_CAT(mini_test_, __LINE__), name)
#define CHECK(...) ((void)::heapless::test::mini::check(static_cast<bool>(__VA_ARGS__), __FILE__, __LINE__, #__VA_ARGS__))
#define CHECK_FALSE(...) ((void)::heapless::test::mini::check(!static_cast<bool>(__VA_ARGS__), __FILE__, __LINE__, "!(" #__VA_ARGS__ ")"))
#define REQUIRE(...)                                                                                   \
  do {                                                                                                 \
    if (!::heapless::test::mini::check(static_cast<bool>(__VA_ARGS__), __FILE__, __LINE__, #__VA_ARGS__)) \
      ::heapless::test::mini::abort_test();                                                            \
  } while (0)
#define REQUIRE_FALSE(...) REQUIRE(!(__VA_ARGS__))
#define STATIC_REQUIRE(...)          \
  do {                               \
    static_assert(__VA_ARGS__, #__VA_ARGS__); \
    CHECK(true);                     \
  } while (0)
#define STATIC_REQUIRE_FALSE(...)    \
  do {                               \
    static_assert(!(__VA_ARGS__), "!(" #__VA_ARGS__ ")"); \
    CHECK(true);                     \
  } while (0)
#define INFO(...) ((void)0)
#define CAPTURE(...) ((void)0)
#define SUCCEED(...) CHECK(true)
#define FAIL(msg) REQUIRE(false && msg)

#endif  // HEAPLESS_TESTS_MINI_TEST_HPP
