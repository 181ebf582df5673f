// expected_failure_test.cpp - a test binary whose checks fail on purpose: ctest
// runs it with WILL_FAIL, proving that a failing CHECK on the target (Catch2 or
// the mini harness, inside QEMU) fails the test. Never part of the real suite.
#include "support/test.hpp"

#include <cstdlib>  // std::malloc, std::free

namespace {
volatile int g_one = 1;  // opaque: the compiler cannot fold the checks away
}

TEST_CASE("a check that fails on purpose", "[target]") {
  CHECK(g_one == 2);
}

TEST_CASE("an allocation inside a no-alloc scope", "[target]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  void* volatile p = std::malloc(8);  // trapped through newlib's _malloc_r
  std::free(p);
}
