// object_pool_stress_test.cpp - 4 threads acquire and return the objects of
// an ObjectPool of 8 (lock_free, and critical_section with a spin lock). Each
// object carries an owner word and a payload: the acquiring thread claims the
// owner word (it must have been free: no object is lent twice at once),
// writes and re-reads the plain payload (ThreadSanitizer reports any access
// not ordered by the pool), checks that the previous user's last value is
// there (objects are returned as they are), and frees the owner word before
// returning it. Acquisitions per policy: 10 million (2 million under
// ThreadSanitizer); HEAPLESS_OBJECT_POOL_STRESS_ITEMS overrides it.
#include <heapless/object_pool.hpp>

#include <atomic>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <thread>

#include "support/stress.hpp"
#include "support/test.hpp"

namespace {

namespace pool_policy = heapless::pool_policy;
constexpr int kThreads = 4;
constexpr long kDefaultItems = HEAPLESS_STRESS_TSAN ? 2000000 : 10000000;

long items() {
  return heapless::test::scaled(heapless::test::env_or("HEAPLESS_OBJECT_POOL_STRESS_ITEMS", kDefaultItems));
}

struct buffer {
  std::atomic<int> owner{-1};
  // Plain words, ordered by the pool alone; {v, 3v, v + 7, ~v} for v = 0.
  std::uint64_t payload[4] = {0, 0, 7, ~std::uint64_t{0}};
};

struct spin_lock {
  static std::atomic<bool>& flag() noexcept {
    static std::atomic<bool> f{false};
    return f;
  }
  static void lock() noexcept {
    // Acquire: pairs with unlock's release.
    while (flag().exchange(true, std::memory_order_acquire)) std::this_thread::yield();
  }
  static void unlock() noexcept { flag().store(false, std::memory_order_release); }
};

template <class Policy>
void run(const char* label) {
  static heapless::ObjectPool<buffer, 8, Policy> pool;
  const long per_thread = items() / kThreads;
  std::atomic<bool> go{false};
  std::atomic<long> errors{0};
  std::atomic<long> acquired{0};
  std::thread threads[kThreads];
  for (int t = 0; t < kThreads; ++t) {
    threads[t] = std::thread([&, t] {
      while (!go.load(std::memory_order_acquire)) std::this_thread::yield();
      long bad = 0;
      long got = 0;
      for (long k = 0; k < per_thread; ++k) {
        heapless::Object<buffer> b = pool.try_acquire();
        if (!b) {
          std::this_thread::yield();
          continue;
        }
        ++got;
        // Relaxed: a check only; the pool orders the accesses.
        if (b->owner.exchange(t, std::memory_order_relaxed) != -1) ++bad;
        const std::uint64_t last = b->payload[0];
        if (b->payload[1] != last * 3u || b->payload[2] != last + 7u || b->payload[3] != ~last) ++bad;
        const std::uint64_t v = (static_cast<std::uint64_t>(t) << 40) | static_cast<std::uint64_t>(k);
        b->payload[0] = v;
        b->payload[1] = v * 3u;
        b->payload[2] = v + 7u;
        b->payload[3] = ~v;
        b->owner.store(-1, std::memory_order_relaxed);
      }  // returned here
      errors.fetch_add(bad, std::memory_order_relaxed);
      acquired.fetch_add(got, std::memory_order_relaxed);
    });
  }
  {
    HEAPLESS_NO_ALLOC_SCOPE;
    go.store(true, std::memory_order_release);
    for (auto& th : threads) th.join();
  }
  std::printf("  %-28s %9ld acquisitions\n", label, acquired.load());
  CAPTURE(label);
  CHECK(errors.load() == 0);
  CHECK(pool.available() == 8);
  CHECK(acquired.load() >= per_thread);
}

}  // namespace

TEST_CASE("object_pool stress: 4 threads acquire and return 8 objects", "[object_pool][stress]") {
  std::printf("object_pool stress, %d threads:\n", kThreads);
  run<pool_policy::lock_free>("lock_free");
  run<pool_policy::critical_section<spin_lock>>("critical_section");
}
