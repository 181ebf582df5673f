// mpmc_stress_test.cpp - 4 producer threads and 4 consumer threads move
// sequence-numbered items through mpmc::Queue at capacities 1, 3, 64 and
// 1024 (lock_free), and with a critical_section policy (a spin lock standing
// in for the interrupt mask) at 3 (slot words) and 5 (uint64_t: the plain
// ring). Checks that nothing is lost,
// duplicated, torn or reordered per producer:
//   - each consumer sees each producer's items in increasing order (positions
//     are claimed in order, so per-producer FIFO holds for every consumer);
//   - per producer, the count, the sum and the sum of squares of the received
//     sequence numbers equal those of 0..pushed-1 (a lost item and a
//     duplicate cannot balance both sums);
//   - every item carries a second word derived from the first (a torn or
//     half-published element shows).
// Producers alternate try_push(const&), try_push(&&) and try_emplace;
// consumers alternate try_pop() and try_pop(T&).
//
// This file is built by the ThreadSanitizer CI job (the *_stress_test
// suffix). Items per run: 2.5 million by default (10 million over the four
// lock-free capacities); HEAPLESS_MPMC_STRESS_ITEMS in the environment
// overrides it. Under ThreadSanitizer the default is 720 000 at capacities 1
// and 3, 2.88 million at 64, 5.76 million at 1024 (10 million over the four
// lock-free capacities there too) and 360 000 in each critical section run
// (the override scales them alike): 8 threads on a 2-core machine are slow
// there, as every hand-over at a small capacity needs a producer and a
// consumer on a CPU at once, so the large capacities move most of the
// items; the binary then takes 15-80 s (quiet / busy machine). Each run
// stops producing after HEAPLESS_MPMC_STRESS_SECONDS (20 s; 12 s under TSan)
// and then checks everything moved so far (at least 10 000 items, or the test
// fails), saying so on stdout.
#include <heapless/mpmc.hpp>

#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <thread>

#include "support/stress.hpp"
#include "support/test.hpp"

namespace {

namespace pool_policy = heapless::pool_policy;
using heapless::mpmc::Queue;
using clock_type = std::chrono::steady_clock;

constexpr int kProducers = 4;
constexpr int kConsumers = 4;
constexpr long kDefaultItems = HEAPLESS_STRESS_TSAN ? 720000 : 2500000;
constexpr long kMinimumItems = 10000;
constexpr long kDefaultSeconds = HEAPLESS_STRESS_TSAN ? 12 : 20;

using heapless::test::env_or;

long items_per_run() {
  static const long n = heapless::test::scaled(env_or("HEAPLESS_MPMC_STRESS_ITEMS", kDefaultItems));
  return n;
}

/// An element of two words; the second is derived from the first.
struct item {
  item() noexcept = default;
  item(std::uint64_t a, std::uint64_t b) noexcept : v(a), check(b) {}
  std::uint64_t v = 0;
  std::uint64_t check = 0;
  static item of(std::uint64_t x) noexcept { return item{x, x * 0x9E3779B97F4A7C15ull + 1u}; }
  bool intact() const noexcept { return check == v * 0x9E3779B97F4A7C15ull + 1u; }
};
constexpr int kShift = 48;  // producer number above the sequence number

/// How a run's element type carries a number: item (two words, tear check)
/// or a bare std::uint64_t (what takes the plain ring under a lock).
template <class T>
struct codec;
template <>
struct codec<item> {
  static item make(std::uint64_t x) noexcept { return item::of(x); }
  static std::uint64_t value(const item& t) noexcept { return t.v; }
  static bool intact(const item& t) noexcept { return t.intact(); }
  template <class Q>
  static bool emplace(Q& q, const item& t) noexcept {
    return q.try_emplace(t.v, t.check);
  }
};
template <>
struct codec<std::uint64_t> {
  static std::uint64_t make(std::uint64_t x) noexcept { return x; }
  static std::uint64_t value(std::uint64_t t) noexcept { return t; }
  static bool intact(std::uint64_t) noexcept { return true; }
  template <class Q>
  static bool emplace(Q& q, std::uint64_t t) noexcept {
    return q.try_emplace(t);
  }
};

/// Spins on a failed attempt, yielding often: 8 threads share 2 cores.
using backoff = heapless::test::backoff<8>;

/// What one consumer saw, per producer.
struct tally {
  std::uint64_t count[kProducers] = {};
  std::uint64_t sum[kProducers] = {};
  std::uint64_t squares[kProducers] = {};
  long last[kProducers] = {-1, -1, -1, -1};
  long out_of_order = 0;
  long torn = 0;
  long foreign = 0;

  template <class T>
  void record(const T& it) noexcept {
    if (!codec<T>::intact(it)) {
      ++torn;
      return;
    }
    const std::uint64_t v = codec<T>::value(it);
    const std::uint64_t p = v >> kShift;
    if (p >= kProducers) {
      ++foreign;
      return;
    }
    const std::uint64_t s = v & ((std::uint64_t{1} << kShift) - 1u);
    if (static_cast<long>(s) <= last[p]) ++out_of_order;
    last[p] = static_cast<long>(s);
    ++count[p];
    sum[p] += s;
    squares[p] += s * s;
  }
};

/// Spin lock for the critical_section policy run (a stand-in for masking
/// interrupts on a single core).
struct spin_lock {
  static std::atomic<bool>& flag() noexcept {
    static std::atomic<bool> f{false};
    return f;
  }
  static void lock() noexcept {
    // Acquire: pairs with unlock's release; the lock orders what it guards.
    while (flag().exchange(true, std::memory_order_acquire)) std::this_thread::yield();
  }
  static void unlock() noexcept { flag().store(false, std::memory_order_release); }
};

/// `weight`: quarters of items_per_run() this run moves under TSan, where
/// small capacities hand over slowly (elsewhere every run moves the same).
template <std::size_t N, class Policy, class T = item>
void run(const char* label, long weight) {
  static Queue<T, N, Policy> q;
  const long items = HEAPLESS_STRESS_TSAN ? items_per_run() * weight / 4 : items_per_run();
  const long per_producer = items / kProducers;
  const auto deadline = clock_type::now() + std::chrono::seconds(env_or("HEAPLESS_MPMC_STRESS_SECONDS", kDefaultSeconds));

  std::atomic<bool> go{false};
  std::atomic<int> producers_left{kProducers};
  long pushed[kProducers] = {};
  tally seen[kConsumers];
  std::thread threads[kProducers + kConsumers];
  // Threads are created before the allocation trap is armed (std::thread
  // allocates); they wait for `go`.
  {
    for (int p = 0; p < kProducers; ++p) {
      threads[p] = std::thread([&, p] {
        while (!go.load(std::memory_order_acquire)) std::this_thread::yield();
        const std::uint64_t base = static_cast<std::uint64_t>(p) << kShift;
        long i = 0;
        for (; i < per_producer; ++i) {
          if ((i & 0xFFF) == 0 && clock_type::now() >= deadline) break;
          const T it = codec<T>::make(base + static_cast<std::uint64_t>(i));
          backoff wait;
          for (;;) {
            bool ok;
            switch (i % 3) {
              case 0: ok = q.try_push(it); break;
              case 1: ok = q.try_push(T(it)); break;
              default: ok = codec<T>::emplace(q, it); break;
            }
            if (ok) break;
            wait();
          }
        }
        pushed[p] = i;
        // Release: consumers that see 0 left also see pushed[p].
        producers_left.fetch_sub(1, std::memory_order_release);
      });
    }
    for (int c = 0; c < kConsumers; ++c) {
      threads[kProducers + c] = std::thread([&, c] {
        while (!go.load(std::memory_order_acquire)) std::this_thread::yield();
        tally& t = seen[c];
        backoff wait;
        T dst{};
        for (unsigned k = 0;; ++k) {
          if (k % 2 == 0) {
            if (auto it = q.try_pop()) {
              t.record(*it);
              continue;
            }
          } else if (q.try_pop(dst)) {
            t.record(dst);
            continue;
          }
          // Acquire: pairs with the producers' release; once all are done,
          // one more empty pop means everything was taken.
          if (producers_left.load(std::memory_order_acquire) == 0) {
            if (auto it = q.try_pop()) {
              t.record(*it);
              continue;
            }
            break;
          }
          wait();
        }
      });
    }
  }
  const auto start = clock_type::now();
  {
    HEAPLESS_NO_ALLOC_SCOPE;
    go.store(true, std::memory_order_release);
    for (auto& th : threads) th.join();
  }
  const std::chrono::duration<double> took = clock_type::now() - start;

  long total = 0;
  bool sums_ok = true;
  long out_of_order = 0;
  long torn = 0;
  long foreign = 0;
  for (int p = 0; p < kProducers; ++p) {
    std::uint64_t count = 0, sum = 0, squares = 0;
    for (const tally& t : seen) {
      count += t.count[p];
      sum += t.sum[p];
      squares += t.squares[p];
    }
    std::uint64_t want_sum = 0, want_squares = 0;
    for (std::uint64_t s = 0; s < static_cast<std::uint64_t>(pushed[p]); ++s) {
      want_sum += s;
      want_squares += s * s;
    }
    sums_ok = sums_ok && count == static_cast<std::uint64_t>(pushed[p]) && sum == want_sum && squares == want_squares;
    total += pushed[p];
  }
  for (const tally& t : seen) {
    out_of_order += t.out_of_order;
    torn += t.torn;
    foreign += t.foreign;
  }
  std::printf("  %-36s %9ld items %7.2f s%s\n", label, total, took.count(),
              total < per_producer * kProducers ? "  (time budget reached: machine busy)" : "");
  CAPTURE(label);
  CHECK(sums_ok);
  CHECK(out_of_order == 0);
  CHECK(torn == 0);
  CHECK(foreign == 0);
  CHECK(q.empty());
  CHECK(total >= (items < kMinimumItems ? items / kProducers * kProducers : kMinimumItems));
}

}  // namespace

TEST_CASE("mpmc stress: 4 producers x 4 consumers, lock_free", "[mpmc][stress]") {
  std::printf("mpmc stress, %d producers x %d consumers, %ld items per run:\n", kProducers, kConsumers,
              items_per_run());
  run<1, pool_policy::lock_free>("lock_free, capacity 1", 4);
  run<3, pool_policy::lock_free>("lock_free, capacity 3", 4);
  run<64, pool_policy::lock_free>("lock_free, capacity 64", 16);
  run<1024, pool_policy::lock_free>("lock_free, capacity 1024", 32);
}

TEST_CASE("mpmc stress: 4 producers x 4 consumers, critical_section", "[mpmc][stress]") {
  run<3, pool_policy::critical_section<spin_lock>>("critical_section, capacity 3", 2);
  // uint64_t under a lock: the plain ring (no slot words).
  run<5, pool_policy::critical_section<spin_lock>, std::uint64_t>("critical_section, plain ring, 5", 2);
}
