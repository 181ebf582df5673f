// spsc_bench.cpp - spsc::Queue against a naive two-atomic ring (the baseline
// a programmer writes first) and boost::lockfree::spsc_queue, side by side.
//
// Producer and consumer are pinned to different cores (CPU 0 runs the
// benchmark loop, CPU 1 the helper thread). Three workloads, all uint64_t,
// capacity 1024:
//   Throughput/<impl>   one item per iteration: the benchmark thread pushes,
//                       the helper pops and checks the sequence.
//   RoundTrip/<impl>    one iteration = one ping-pong through two queues
//                       (main -> echo thread -> main): latency.
//   Bulk64/<impl>       one iteration = a batch of 64 items pushed and popped
//                       with the bulk calls (one index publish per batch).
// items_per_second is the figure to compare (real time, both threads busy).
//
// Item count: by default Google Benchmark picks the iteration count from
// --benchmark_min_time (the ctest smoke run uses a tiny one). For the
// documented runs pass --items=N (e.g. --items=100000000): every benchmark then
// runs exactly N iterations (RoundTrip uses N/100, Bulk64 N/64 batches).
//   spsc_bench --items=100000000 --benchmark_repetitions=5
//       --benchmark_enable_random_interleaving=true --benchmark_report_aggregates_only=true
#include <benchmark/benchmark.h>
#include <pthread.h>
#include <sched.h>

#include <atomic>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

#include "heapless/spsc.hpp"
#include "support/alloc_trap.hpp"

#if HEAPLESS_BENCH_HAS_BOOST
#include <boost/lockfree/spsc_queue.hpp>
#endif

namespace {

constexpr std::size_t capacity = 1024;
constexpr std::size_t batch = 64;
using item = std::uint64_t;

// ---- The naive ring: two adjacent atomics, no cached indices, no padding ---
// Free-running counters, exactly N usable slots. What a careful programmer
// writes first; the practical baseline every optimisation is measured against.
template <class T, std::size_t N>
class naive_ring {
 public:
  bool try_push(const T& v) noexcept {
    const std::size_t t = tail_.load(std::memory_order_relaxed);
    if (t - head_.load(std::memory_order_acquire) == N) return false;
    buf_[t % N] = v;
    tail_.store(t + 1, std::memory_order_release);
    return true;
  }
  bool try_pop(T& v) noexcept {
    const std::size_t h = head_.load(std::memory_order_relaxed);
    if (tail_.load(std::memory_order_acquire) == h) return false;
    v = buf_[h % N];
    head_.store(h + 1, std::memory_order_release);
    return true;
  }
  std::size_t push(const T* data, std::size_t count) noexcept {
    const std::size_t t = tail_.load(std::memory_order_relaxed);
    std::size_t n = N - (t - head_.load(std::memory_order_acquire));
    if (n > count) n = count;
    for (std::size_t i = 0; i < n; ++i) buf_[(t + i) % N] = data[i];
    tail_.store(t + n, std::memory_order_release);
    return n;
  }
  std::size_t pop(T* out, std::size_t max) noexcept {
    const std::size_t h = head_.load(std::memory_order_relaxed);
    std::size_t n = tail_.load(std::memory_order_acquire) - h;
    if (n > max) n = max;
    for (std::size_t i = 0; i < n; ++i) out[i] = buf_[(h + i) % N];
    head_.store(h + n, std::memory_order_release);
    return n;
  }

 private:
  std::atomic<std::size_t> head_{0};
  std::atomic<std::size_t> tail_{0};
  T buf_[N];
};

// ---- One adapter per implementation: the same four calls -----------------
struct naive_impl {
  using queue = naive_ring<item, capacity>;
  static bool push(queue& q, item v) noexcept { return q.try_push(v); }
  static bool pop(queue& q, item& v) noexcept { return q.try_pop(v); }
  static std::size_t push_n(queue& q, const item* p, std::size_t n) noexcept { return q.push(p, n); }
  static std::size_t pop_n(queue& q, item* p, std::size_t n) noexcept { return q.pop(p, n); }
};

struct heapless_impl {
  using queue = heapless::spsc::Queue<item, capacity>;
  static bool push(queue& q, item v) noexcept { return q.try_push(v); }
  static bool pop(queue& q, item& v) noexcept { return q.try_pop(v); }
  static std::size_t push_n(queue& q, const item* p, std::size_t n) noexcept { return q.push(p, n); }
  static std::size_t pop_n(queue& q, item* p, std::size_t n) noexcept { return q.pop(p, n); }
};

#if HEAPLESS_BENCH_HAS_BOOST
struct boost_impl {
  using queue = boost::lockfree::spsc_queue<item, boost::lockfree::capacity<capacity>>;
  static bool push(queue& q, item v) noexcept { return q.push(v); }
  static bool pop(queue& q, item& v) noexcept { return q.pop(v); }
  static std::size_t push_n(queue& q, const item* p, std::size_t n) noexcept { return q.push(p, n); }
  static std::size_t pop_n(queue& q, item* p, std::size_t n) noexcept { return q.pop(p, n); }
};
#endif

// ---- Threads ---------------------------------------------------------------
void pin_to_cpu(unsigned cpu) noexcept {
  const unsigned ncpu = std::thread::hardware_concurrency();
  if (ncpu < 2) return;  // nothing to separate
  cpu_set_t set;
  CPU_ZERO(&set);
  CPU_SET(cpu % ncpu, &set);
  (void)pthread_setaffinity_np(pthread_self(), sizeof set, &set);
}

/// Runs fn on CPU 1 while the caller (pinned to CPU 0) runs the benchmark
/// loop; waits for the helper to be pinned and spinning before returning.
class helper_thread {
 public:
  template <class F>
  explicit helper_thread(F fn)
      : thread_([this, fn]() mutable {
          pin_to_cpu(1);
          ready_.store(true, std::memory_order_release);
          fn();
        }) {
    pin_to_cpu(0);
    while (!ready_.load(std::memory_order_acquire)) {
    }
  }
  ~helper_thread() { thread_.join(); }
  helper_thread(const helper_thread&) = delete;
  helper_thread& operator=(const helper_thread&) = delete;

 private:
  std::atomic<bool> ready_{false};
  std::thread thread_;
};

/// A queue built in static, 128-byte aligned storage (slot picks one of
/// several per type), so every run starts from the same empty, aligned state.
template <class Q, int Slot = 0>
Q& fresh_queue() {
  alignas(128) static unsigned char raw[sizeof(Q) < 128 ? 128 : sizeof(Q)];
  static_assert(alignof(Q) <= 128, "raise the storage alignment");
  return *::new (static_cast<void*>(raw)) Q();
}

template <class Q>
void destroy(Q& q) noexcept {
  q.~Q();
}

void report_failure(benchmark::State& state, const char* what) { state.SkipWithError(what); }

// ---- Workloads -------------------------------------------------------------
template <class Impl>
void Throughput(benchmark::State& state) {
  auto& q = fresh_queue<typename Impl::queue>();
  const auto total = static_cast<std::uint64_t>(state.max_iterations);
  std::uint64_t errors = 0;
  {
    helper_thread consumer([&] {
      std::uint64_t expect = 0;
      item v = 0;
      while (expect < total) {
        if (Impl::pop(q, v)) {
          errors += (v != expect);
          ++expect;
        }
      }
    });
    item next = 0;
    for (auto _ : state) {
      while (!Impl::push(q, next)) {
      }
      ++next;
    }
  }
  if (errors) report_failure(state, "sequence broken");
  state.SetItemsProcessed(state.iterations());
  destroy(q);
}

template <class Impl>
void RoundTrip(benchmark::State& state) {
  auto& ping = fresh_queue<typename Impl::queue, 0>();
  auto& pong = fresh_queue<typename Impl::queue, 1>();
  const auto total = static_cast<std::uint64_t>(state.max_iterations);
  std::uint64_t errors = 0;
  {
    helper_thread echo([&] {
      item v = 0;
      for (std::uint64_t i = 0; i < total; ++i) {
        while (!Impl::pop(ping, v)) {
        }
        while (!Impl::push(pong, v)) {
        }
      }
    });
    item next = 0;
    item back = 0;
    for (auto _ : state) {
      while (!Impl::push(ping, next)) {
      }
      while (!Impl::pop(pong, back)) {
      }
      errors += (back != next);
      ++next;
    }
  }
  if (errors) report_failure(state, "echo mismatch");
  state.SetItemsProcessed(state.iterations());
  destroy(ping);
  destroy(pong);
}

template <class Impl>
void Bulk64(benchmark::State& state) {
  auto& q = fresh_queue<typename Impl::queue>();
  const auto total = static_cast<std::uint64_t>(state.max_iterations) * batch;
  std::uint64_t errors = 0;
  {
    helper_thread consumer([&] {
      item out[batch];
      std::uint64_t expect = 0;
      while (expect < total) {
        const std::size_t n = Impl::pop_n(q, out, batch);
        for (std::size_t i = 0; i < n; ++i) errors += (out[i] != expect + i);
        expect += n;
      }
    });
    item in[batch];
    item next = 0;
    for (auto _ : state) {
      for (std::size_t i = 0; i < batch; ++i) in[i] = next + i;
      std::size_t done = 0;
      while (done < batch) done += Impl::push_n(q, in + done, batch - done);
      next += batch;
    }
  }
  if (errors) report_failure(state, "sequence broken");
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(batch));
  destroy(q);
}

template <class Impl>
void register_all(const char* name, std::int64_t items) {
  auto* t = benchmark::RegisterBenchmark((std::string("Throughput/") + name).c_str(), Throughput<Impl>);
  auto* r = benchmark::RegisterBenchmark((std::string("RoundTrip/") + name).c_str(), RoundTrip<Impl>);
  auto* b = benchmark::RegisterBenchmark((std::string("Bulk64/") + name).c_str(), Bulk64<Impl>);
  for (auto* x : {t, r, b}) x->UseRealTime()->Unit(benchmark::kNanosecond);
  if (items > 0) {
    t->Iterations(items);
    r->Iterations(items / 100 > 0 ? items / 100 : 1);
    b->Iterations(items / static_cast<std::int64_t>(batch) > 0 ? items / static_cast<std::int64_t>(batch) : 1);
  }
}

}  // namespace

int main(int argc, char** argv) {
  // --items=N: run every benchmark for exactly N items (see the file comment).
  std::int64_t items = 0;
  int out = 1;
  for (int i = 1; i < argc; ++i) {
    if (std::strncmp(argv[i], "--items=", 8) == 0) items = std::strtoll(argv[i] + 8, nullptr, 10);
    else argv[out++] = argv[i];
  }
  argc = out;
  register_all<naive_impl>("naive_ring", items);
#if HEAPLESS_BENCH_HAS_BOOST
  register_all<boost_impl>("boost_spsc", items);
#endif
  register_all<heapless_impl>("heapless", items);
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  std::printf("sizeof(heapless::spsc::Queue<uint8_t, 16>) = %zu (HEAPLESS_CACHE_LINE = %d)\n",
              sizeof(heapless::spsc::Queue<std::uint8_t, 16>), HEAPLESS_CACHE_LINE);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}

// ---- One thread: 1000 pushes then 1000 pops (instructions per item) ---------
// The cost of the operations themselves, without a second core: on the
// queue, through the split() handles (held by reference, as a static handle
// of an interrupt handler is), and on a plain array ring with two indices.
namespace {
struct plain_ring {
  std::uint32_t buf[1024];
  std::uint32_t head, tail;
};
__attribute__((noinline)) std::uint64_t seq_kernel_raw(plain_ring& r) {
  for (std::uint32_t i = 0; i < 1000; ++i) {
    if (r.tail - r.head == 1024) break;
    r.buf[r.tail++ & 1023] = i;
  }
  std::uint64_t sum = 0;
  for (int i = 0; i < 1000; ++i) {
    if (r.head == r.tail) break;
    sum += r.buf[r.head++ & 1023];
  }
  return sum;
}
using seq_queue = heapless::spsc::Queue<std::uint32_t, 1024>;
__attribute__((noinline)) std::uint64_t seq_kernel_queue(seq_queue& q) {
  for (std::uint32_t i = 0; i < 1000; ++i) (void)q.try_push(i);
  std::uint64_t sum = 0;
  std::uint32_t x;
  for (int i = 0; i < 1000; ++i)
    if (q.try_pop(x)) sum += x;
  return sum;
}
__attribute__((noinline)) std::uint64_t seq_kernel_handles(seq_queue::producer_type& p,
                                                           seq_queue::consumer_type& c) {
  for (std::uint32_t i = 0; i < 1000; ++i) (void)p.try_push(i);
  std::uint64_t sum = 0;
  std::uint32_t x;
  for (int i = 0; i < 1000; ++i)
    if (c.try_pop(x)) sum += x;
  return sum;
}
// The same through a capacity-erased view (a plain function, any N).
__attribute__((noinline)) std::uint64_t seq_kernel_view(heapless::spsc::QueueRef<std::uint32_t> q) {
  for (std::uint32_t i = 0; i < 1000; ++i) (void)q.try_push(i);
  std::uint64_t sum = 0;
  std::uint32_t x;
  for (int i = 0; i < 1000; ++i)
    if (q.try_pop(x)) sum += x;
  return sum;
}
// Through a view's handles (held by reference, as the queue's own handles
// above).
__attribute__((noinline)) std::uint64_t seq_kernel_view_handles(heapless::spsc::ProducerRef<std::uint32_t>& p,
                                                                heapless::spsc::ConsumerRef<std::uint32_t>& c) {
  for (std::uint32_t i = 0; i < 1000; ++i) (void)p.try_push(i);
  std::uint64_t sum = 0;
  std::uint32_t x;
  for (int i = 0; i < 1000; ++i)
    if (c.try_pop(x)) sum += x;
  return sum;
}
// A capacity that is not a power of two (indices wrap at 2N), on the queue
// and through the view.
using seq_queue_1000 = heapless::spsc::Queue<std::uint32_t, 1000>;
__attribute__((noinline)) std::uint64_t seq_kernel_queue_1000(seq_queue_1000& q) {
  for (std::uint32_t i = 0; i < 1000; ++i) (void)q.try_push(i);
  std::uint64_t sum = 0;
  std::uint32_t x;
  for (int i = 0; i < 1000; ++i)
    if (q.try_pop(x)) sum += x;
  return sum;
}
// (Its own copy of seq_kernel_view, so that the counts per call stay apart:
// g++ would fold the two identical functions into one.)
#if defined(__GNUC__) && !defined(__clang__)
#define SEQ_NO_ICF __attribute__((no_icf))
#else
#define SEQ_NO_ICF
#endif
SEQ_NO_ICF __attribute__((noinline)) std::uint64_t seq_kernel_view_1000(heapless::spsc::QueueRef<std::uint32_t> q) {
  for (std::uint32_t i = 0; i < 1000; ++i) (void)q.try_push(i);
  std::uint64_t sum = 0;
  std::uint32_t x;
  for (int i = 0; i < 1000; ++i)
    if (q.try_pop(x)) sum += x;
  return sum;
}
void BM_seq_queue_1000(benchmark::State& state) {
  static seq_queue_1000 q;
  for (auto _ : state) benchmark::DoNotOptimize(seq_kernel_queue_1000(q));
}
void BM_seq_view_1000(benchmark::State& state) {
  static seq_queue_1000 q;
  heapless::spsc::QueueRef<std::uint32_t> view = q;
  benchmark::DoNotOptimize(view);
  for (auto _ : state) benchmark::DoNotOptimize(seq_kernel_view_1000(view));
}
void BM_seq_view_handles(benchmark::State& state) {
  static seq_queue q;
  static heapless::spsc::QueueRef<std::uint32_t> view = q;
  static auto handles = view.split();
  for (auto _ : state) benchmark::DoNotOptimize(seq_kernel_view_handles(handles.first, handles.second));
}
void BM_seq_view(benchmark::State& state) {
  static seq_queue q;
  heapless::spsc::QueueRef<std::uint32_t> view = q;
  benchmark::DoNotOptimize(view);  // as a plain function receives it: which queue's table, unknown
  for (auto _ : state) benchmark::DoNotOptimize(seq_kernel_view(view));
}
void BM_seq_raw(benchmark::State& state) {
  static plain_ring r{};
  for (auto _ : state) benchmark::DoNotOptimize(seq_kernel_raw(r));
}
void BM_seq_queue(benchmark::State& state) {
  static seq_queue q;
  for (auto _ : state) benchmark::DoNotOptimize(seq_kernel_queue(q));
}
void BM_seq_handles(benchmark::State& state) {
  static seq_queue q;
  static auto handles = q.split();
  for (auto _ : state) benchmark::DoNotOptimize(seq_kernel_handles(handles.first, handles.second));
}
}  // namespace
BENCHMARK(BM_seq_raw)->Name("Seq1000/raw");
BENCHMARK(BM_seq_queue)->Name("Seq1000/heapless");
BENCHMARK(BM_seq_view)->Name("Seq1000/heapless_view");
BENCHMARK(BM_seq_handles)->Name("Seq1000/heapless_handles");
BENCHMARK(BM_seq_view_handles)->Name("Seq1000/heapless_view_handles");
BENCHMARK(BM_seq_queue_1000)->Name("Seq1000/heapless_n1000");
BENCHMARK(BM_seq_view_1000)->Name("Seq1000/heapless_view_n1000");
