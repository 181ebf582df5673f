// spsc_drain_stress_test.cpp - a producer thread pushes sequence numbers
// through spsc::Queue; the consumer thread takes them with drain(f) and
// peek() (reading through the view, then drain), checking that nothing is
// lost, duplicated or reordered and that what peek() shows is what drain()
// then hands over. Capacities 1, 7 and 64. Items per capacity: 2 million
// (200 000 under ThreadSanitizer); HEAPLESS_SPSC_DRAIN_STRESS_ITEMS overrides.
#include <heapless/spsc.hpp>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <thread>

#include "support/stress.hpp"
#include "support/test.hpp"

namespace {

constexpr long kDefaultItems = HEAPLESS_STRESS_TSAN ? 200000 : 2000000;

long items() {
  return heapless::test::scaled(heapless::test::env_or("HEAPLESS_SPSC_DRAIN_STRESS_ITEMS", kDefaultItems));
}

template <std::size_t N>
void run() {
  static heapless::spsc::Queue<long, N> q;
  const long n = items();
  long errors = 0;
  long received = 0;
  std::atomic<bool> go{false};
  std::thread producer([&] {
    while (!go.load(std::memory_order_acquire)) std::this_thread::yield();
    for (long i = 0; i < n; ++i)
      while (!q.try_push(i)) std::this_thread::yield();
  });
  std::thread consumer([&] {
    while (!go.load(std::memory_order_acquire)) std::this_thread::yield();
    long next = 0;
    for (unsigned round = 0;; ++round) {
      if (next >= n) break;  // (advanced inside the callbacks)
      if (round % 2 == 0) {
        if (q.drain([&](long&& v) { errors += v != next++; }) == 0) std::this_thread::yield();
      } else {
        auto view = q.peek();
        long expect = next;
        for (long v : view) errors += v != expect++;
        const std::size_t shown = view.size();
        std::size_t handed = 0;
        q.drain([&](long&& v) {
          if (handed++ < shown) errors += v != next;
          ++next;
        });
        if (shown == 0) std::this_thread::yield();
      }
    }
    received = next;
  });
  {
    HEAPLESS_NO_ALLOC_SCOPE;
    go.store(true, std::memory_order_release);
    producer.join();
    consumer.join();
  }
  std::printf("  capacity %4zu: %ld items\n", N, received);
  CAPTURE(N);
  CHECK(errors == 0);
  CHECK(received == n);
  CHECK(q.empty());
}

}  // namespace

TEST_CASE("spsc drain stress: peek and drain against a producer thread", "[spsc][stress]") {
  run<1>();
  run<7>();
  run<64>();
}
