// harness_test.cpp - the proof harness proves itself: the allocation trap
// fires, lifetime counting catches leaks, and the error path is observable.
#include "support/test.hpp"

#include <cstdlib>  // std::malloc, std::free
#include <new>      // operator new

using heapless::test::counted;
using heapless::test::counters;

namespace {
// Opaque to the optimiser, so allocations below are not elided.
void* volatile g_sink = nullptr;
}  // namespace

TEST_CASE("allocation trap counts operator new while armed", "[harness]") {
  const long before = heapless::test::violation_count();
  heapless::test::arm_trap();
  int* p = new int(7);
  g_sink = p;
  heapless::test::disarm_trap();
  CHECK(heapless::test::violation_count() == before + 1);
  delete p;
  // Disarmed: allocations are fine.
  const long after = heapless::test::violation_count();
  int* q = new int[4];
  g_sink = q;
  delete[] q;
  CHECK(heapless::test::violation_count() == after);
}

TEST_CASE("allocation trap catches over-aligned new", "[harness]") {
  const long before = heapless::test::violation_count();
  heapless::test::arm_trap();
  auto* p = new heapless::test::overaligned(3);
  g_sink = p;
  heapless::test::disarm_trap();
  CHECK(heapless::test::violation_count() == before + 1);
  CHECK(reinterpret_cast<std::uintptr_t>(p) % 64 == 0);
  delete p;
}

TEST_CASE("allocation trap catches malloc where it is interposed", "[harness]") {
  if (!heapless::test::malloc_interposed()) {
    // Sanitizer builds own malloc; operator new is still trapped (above).
    CHECK_FALSE(heapless::test::malloc_interposed());
    return;
  }
  const long before = heapless::test::violation_count();
  heapless::test::arm_trap();
  void* p = std::malloc(16);
  g_sink = p;
  heapless::test::disarm_trap();
  CHECK(heapless::test::violation_count() == before + 1);
  std::free(p);
}

TEST_CASE("allow_alloc_scope pauses the trap", "[harness]") {
  const long before = heapless::test::violation_count();
  {
    HEAPLESS_NO_ALLOC_SCOPE;
    heapless::test::allow_alloc_scope allow;
    int* p = new int(1);
    g_sink = p;
    delete p;
  }
  CHECK(heapless::test::violation_count() == before);
}

TEST_CASE("lifetime counters see births, deaths and double destruction", "[harness]") {
  const long live = counters().live.load();
  const long errors = counters().errors.load();
  {
    alignas(counted) unsigned char buf[sizeof(counted)];
    auto* c = ::new (static_cast<void*>(buf)) counted(5);
    CHECK(counters().live.load() == live + 1);
    CHECK(c->get() == 5);
    c->~counted();
    CHECK(counters().live.load() == live);
    c->~counted();  // double destruction is recorded, not silently accepted
    CHECK(counters().errors.load() == errors + 1);
  }
  counters().errors.store(errors);
}

TEST_CASE("throwing type throws on the requested operation", "[harness]") {
  HEAPLESS_LIFETIME_CHECK;
  heapless::test::throwing a(1);
  heapless::test::throwing::throw_after(1);
  heapless::test::throwing b(a);  // first copy succeeds
  CHECK(b.get() == 1);
#if HEAPLESS_HAS_EXCEPTIONS
  CHECK_THROWS_AS(heapless::test::throwing(a), heapless::test::test_exception);
#endif
  heapless::test::throwing::never_throw();
}

TEST_CASE("the library's error path is observable", "[harness]") {
  HEAPLESS_CHECK_RAISES(bad_alloc, heapless::detail::raise(heapless::error_kind::bad_alloc, "x"));
  HEAPLESS_CHECK_RAISES(length_error, heapless::detail::raise(heapless::error_kind::length_error, "x"));
  HEAPLESS_CHECK_RAISES(out_of_range, heapless::detail::raise(heapless::error_kind::out_of_range, "x"));
  HEAPLESS_CHECK_RAISES(invalid_argument,
                        heapless::detail::raise(heapless::error_kind::invalid_argument, "x"));
#if HEAPLESS_TEST_CAN_CATCH_ASSERT
  HEAPLESS_CHECK_RAISES(precondition, HEAPLESS_ASSERT(1 + 1 == 3, "arithmetic"));
#endif
}

TEST_CASE("for_each_type visits the whole matrix", "[harness]") {
  int visited = 0;
  heapless::test::for_each_type<heapless::test::trivial, counted, heapless::test::move_only,
                                heapless::test::throwing, heapless::test::overaligned>(
      [&](auto tag) {
        using T = typename decltype(tag)::type;
        T t = heapless::test::make<T>(9);
        CHECK(heapless::test::value_of(t) == 9);
        ++visited;
      });
  CHECK(visited == 5);
}
