// mpmc_bench.cpp - heapless::mpmc::Queue<std::uint64_t, 1024> against the
// bounded MPMC queues a C++ programmer would use instead, side by side:
//   mutex_ring   a std::mutex around a plain ring of 1024 (hand-written)
//   boost_lf     boost::lockfree::queue<std::uint64_t, fixed_sized<true>,
//                capacity<1024>> (when Boost's headers are found)
//   heapless     heapless::mpmc::Queue<std::uint64_t, 1024, lock_free>
//
// Throughput/<queue>/<P>: P producer and P consumer threads (1P1C, 2P2C,
// 4P4C; the 4P4C rows oversubscribe a 2-core machine) move 1 << 18 items per
// iteration; producers and consumers spin (with a yield every 64 failed
// attempts) on a full/empty queue. items_per_second counts items moved.
// Compare medians of interleaved repetitions:
//   ./mpmc_bench --benchmark_filter=Throughput --benchmark_repetitions=9
//     --benchmark_enable_random_interleaving=true --benchmark_report_aggregates_only=true
//   (one command line)
//
// PushPop/<queue>: one thread, one push and one pop per call of a noinline
// function (uncontended cost). Locked instructions per push + pop:
//   objdump -d --no-show-raw-insn -C mpmc_bench |
//     awk '/push_pop<\(anonymous namespace\)::heapless_q>\(.*>:$/,/^$/' | grep -c 'lock '
// (the same for mutex_ring, which calls pthread_mutex_lock/unlock, and boost_q)
// and instruction counts with
//   valgrind --tool=callgrind --callgrind-out-file=mpmc.cg ./mpmc_bench --benchmark_filter=PushPop
//       --benchmark_min_time=0.01
//   callgrind_annotate --inclusive=yes mpmc.cg | grep push_pop
#include <benchmark/benchmark.h>

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <optional>
#include <thread>

#include "heapless/mpmc.hpp"

#if HEAPLESS_BENCH_HAS_BOOST
#include <boost/lockfree/queue.hpp>
#endif

namespace {

constexpr std::size_t kCapacity = 1024;
constexpr long kItems = 1L << 18;

/// The hand-written baseline: a mutex around a ring.
class mutex_ring {
 public:
  bool try_push(std::uint64_t v) {
    const std::lock_guard<std::mutex> lock(m_);
    if (count_ == kCapacity) return false;
    slots_[(head_ + count_) % kCapacity] = v;
    ++count_;
    return true;
  }
  bool try_pop(std::uint64_t& v) {
    const std::lock_guard<std::mutex> lock(m_);
    if (count_ == 0) return false;
    v = slots_[head_];
    head_ = (head_ + 1) % kCapacity;
    --count_;
    return true;
  }

 private:
  std::mutex m_;
  std::size_t head_ = 0;
  std::size_t count_ = 0;
  std::uint64_t slots_[kCapacity] = {};
};

struct heapless_q {
  heapless::mpmc::Queue<std::uint64_t, kCapacity, heapless::pool_policy::lock_free> q;
  bool try_push(std::uint64_t v) noexcept { return q.try_push(v); }
  bool try_pop(std::uint64_t& v) noexcept { return q.try_pop(v); }
};

// The same queue through a capacity-erased view: push_pop<heapless_view_q>
// runs QueueRef's members (one function for every N). The view is stored
// and read back, as a plain function receives it: the optimiser does not
// see which queue type's table it holds.
struct heapless_view_q {
  using ref = heapless::mpmc::QueueRef<std::uint64_t, heapless::pool_policy::lock_free>;
  heapless::mpmc::Queue<std::uint64_t, kCapacity, heapless::pool_policy::lock_free> q;
  ref r{q};
  bool try_push(std::uint64_t v) noexcept { return r.try_push(v); }
  bool try_pop(std::uint64_t& v) noexcept { return r.try_pop(v); }
};

// A capacity that is not a power of two (stamps count laps of P = 1024),
// on the queue and through the view.
struct heapless_q_1000 {
  heapless::mpmc::Queue<std::uint64_t, 1000, heapless::pool_policy::lock_free> q;
  bool try_push(std::uint64_t v) noexcept { return q.try_push(v); }
  bool try_pop(std::uint64_t& v) noexcept { return q.try_pop(v); }
};
struct heapless_view_q_1000 {
  using ref = heapless::mpmc::QueueRef<std::uint64_t, heapless::pool_policy::lock_free>;
  heapless::mpmc::Queue<std::uint64_t, 1000, heapless::pool_policy::lock_free> q;
  ref r{q};
  bool try_push(std::uint64_t v) noexcept { return r.try_push(v); }
  bool try_pop(std::uint64_t& v) noexcept { return r.try_pop(v); }
};

#if HEAPLESS_BENCH_HAS_BOOST
struct boost_q {
  boost::lockfree::queue<std::uint64_t, boost::lockfree::fixed_sized<true>, boost::lockfree::capacity<kCapacity>> q;
  bool try_push(std::uint64_t v) { return q.bounded_push(v); }
  bool try_pop(std::uint64_t& v) { return q.pop(v); }
};
#endif

inline void relax(unsigned& spins) {
  if (++spins % 64 == 0) std::this_thread::yield();
#if defined(__x86_64__) || defined(__i386__)
  else __builtin_ia32_pause();
#endif
}

template <class Q>
void Throughput(benchmark::State& state) {
  const int pairs = static_cast<int>(state.range(0));
  static Q* q = new Q;  // outlives every run; big and over-aligned, so static
  for (auto _ : state) {
    std::atomic<bool> go{false};
    std::atomic<long> checksum{0};
    std::thread threads[16];
    const long per = kItems / pairs;
    for (int p = 0; p < pairs; ++p) {
      threads[p] = std::thread([&, p] {
        while (!go.load(std::memory_order_acquire)) {
        }
        unsigned spins = 0;
        for (long i = 0; i < per; ++i)
          while (!q->try_push(static_cast<std::uint64_t>(p) << 40 | static_cast<std::uint64_t>(i))) relax(spins);
      });
      threads[pairs + p] = std::thread([&] {
        while (!go.load(std::memory_order_acquire)) {
        }
        unsigned spins = 0;
        long sum = 0;
        std::uint64_t v = 0;
        for (long i = 0; i < per; ++i) {
          while (!q->try_pop(v)) relax(spins);
          sum += static_cast<long>(v & 0xFF);
        }
        checksum.fetch_add(sum);
      });
    }
    go.store(true, std::memory_order_release);
    for (int t = 0; t < 2 * pairs; ++t) threads[t].join();
    benchmark::DoNotOptimize(checksum.load());
  }
  state.SetItemsProcessed(state.iterations() * (kItems / pairs) * pairs);
}

// ---- Uncontended push + pop -------------------------------------------------
template <class Q>
[[gnu::noinline]] std::uint64_t push_pop(Q& q, std::uint64_t v) {
  std::uint64_t out = 0;
  (void)q.try_push(v);
  (void)q.try_pop(out);
  return out;
}

template <class Q>
void PushPop(benchmark::State& state) {
  static Q* q = new Q;
  std::uint64_t v = 0;
  for (auto _ : state) {
    v = push_pop(*q, v + 1);
    benchmark::DoNotOptimize(v);
  }
  state.SetItemsProcessed(state.iterations());
}

}  // namespace

BENCHMARK_TEMPLATE(Throughput, mutex_ring)->Arg(1)->Arg(2)->Arg(4)->UseRealTime()->Unit(benchmark::kMillisecond);
#if HEAPLESS_BENCH_HAS_BOOST
BENCHMARK_TEMPLATE(Throughput, boost_q)->Arg(1)->Arg(2)->Arg(4)->UseRealTime()->Unit(benchmark::kMillisecond);
#endif
BENCHMARK_TEMPLATE(Throughput, heapless_q)->Arg(1)->Arg(2)->Arg(4)->UseRealTime()->Unit(benchmark::kMillisecond);

BENCHMARK_TEMPLATE(PushPop, mutex_ring);
#if HEAPLESS_BENCH_HAS_BOOST
BENCHMARK_TEMPLATE(PushPop, boost_q);
#endif
BENCHMARK_TEMPLATE(PushPop, heapless_q);
BENCHMARK_TEMPLATE(PushPop, heapless_view_q);
BENCHMARK_TEMPLATE(PushPop, heapless_q_1000);
BENCHMARK_TEMPLATE(PushPop, heapless_view_q_1000);
