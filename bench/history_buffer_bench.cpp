// history_buffer_bench.cpp - heapless::HistoryBuffer side by side with a
// hand-written ring and boost::circular_buffer, in one binary:
//
//   ring      float buf[64] + a free-running unsigned write counter masked
//             with 63 (and no size: it assumes the buffer is full)
//   ring_counted  the same ring keeping its fill level as well (what a
//             hand-written history buffer needs to average fewer than 64
//             samples correctly, as HistoryBuffer does)
//   boost     boost::circular_buffer<float> with capacity 64 (push_back
//             overwrites the oldest when full; allocated once, outside the loop)
//   heapless  heapless::HistoryBuffer<float, 64>
//   heapless_ref  the same buffer written through a
//             heapless::HistoryBufferRef<float> (the capacity-erased view)
//
// Operations (one out-of-line kernel call each, buffer full):
//   push      256 pushes of opaque values
//   average   the moving-average filter: push one sample, then the mean of
//             the last 64 (heapless: a loop over full_storage(), a float[64]
//             once full; the order does not matter for a sum; ring: over
//             buf[0..64)); 16 samples
//   average_storage  the same over storage() (run-time trip count)
//   average_ordered  the same, summing in age order through the iterators
//             (heapless) / two spans (as_spans) to show what order costs
//
//   ./history_buffer_bench --benchmark_repetitions=7 --benchmark_report_aggregates_only=true
//   valgrind --tool=callgrind --callgrind-out-file=hb.out ./history_buffer_bench --benchmark_min_time=0.01
//   python3 bench/callgrind_per_call.py hb.out kernel   (instructions per kernel call)
#include <benchmark/benchmark.h>

#include <cstddef>

#include <heapless/history_buffer.hpp>

#include "support/alloc_trap.hpp"

#if HEAPLESS_BENCH_HAS_BOOST
#include <boost/circular_buffer.hpp>
#endif

#define HB_BENCH_NOINLINE __attribute__((noinline))
#define HB_BENCH_END() asm volatile("" ::: "memory")

namespace {

struct ring {
  float buf[64] = {};
  unsigned w = 0;
  void push(float x) { buf[w++ & 63u] = x; }
  float average() const {
    float s = 0;
    for (unsigned k = 0; k != 64; ++k) s += buf[k];
    return s / 64;
  }
};

struct ring_counted {
  float buf[64] = {};
  unsigned w = 0;
  unsigned n = 0;
  void push(float x) {
    buf[w++ & 63u] = x;
    if (n != 64) ++n;
  }
  float average() const {
    float s = 0;
    if (n == 64) {
      for (unsigned k = 0; k != 64; ++k) s += buf[k];
      return s / 64;
    }
    for (unsigned k = 0; k != n; ++k) s += buf[k];
    return n == 0 ? 0.0f : s / static_cast<float>(n);
  }
};

inline float opaque(float v) {
#if defined(__x86_64__) || defined(__i386__)
  asm volatile("" : "+x"(v));  // stays in an SSE register
#else
  asm volatile("" : "+r"(v));
#endif
  return v;
}

// The filter as docs/history_buffer.md writes it: a compile-time trip count
// once full (full_storage()), storage() while filling.
struct hb_wrap {
  heapless::HistoryBuffer<float, 64> h;
  void push(float x) { h.push(x); }
  float average() const {
    float s = 0;
    if (h.full()) {
      for (float x : h.full_storage()) s += x;
      return s / 64;
    }
    for (float x : h.storage()) s += x;
    return h.empty() ? 0.0f : s / static_cast<float>(h.size());
  }
};
// Only storage(): a run-time trip count.
struct hb_storage {
  heapless::HistoryBuffer<float, 64> h;
  void push(float x) { h.push(x); }
  float average() const {
    float s = 0;
    for (float x : h.storage()) s += x;
    return s / static_cast<float>(h.size());
  }
};
struct hb_ordered {
  heapless::HistoryBuffer<float, 64> h;
  void push(float x) { h.push(x); }
  float average() const {
    float s = 0;
    for (float x : h) s += x;
    return s / static_cast<float>(h.size());
  }
};
struct hb_spans {
  heapless::HistoryBuffer<float, 64> h;
  void push(float x) { h.push(x); }
  float average() const {
    float s = 0;
    const auto parts = h.as_spans();
    for (float x : parts.first) s += x;
    for (float x : parts.second) s += x;
    return s / static_cast<float>(h.size());
  }
};
// Through the view (pushes only).
struct hb_ref {
  heapless::HistoryBuffer<float, 64> h;
  heapless::HistoryBufferRef<float> r{h};
  void push(float x) { r.push(x); }
};
#if HEAPLESS_BENCH_HAS_BOOST
struct boost_wrap {
  boost::circular_buffer<float> c{64};
  void push(float x) { c.push_back(x); }
  float average() const {
    float s = 0;
    for (float x : c) s += x;
    return s / static_cast<float>(c.size());
  }
};
#endif

template <class C>
HB_BENCH_NOINLINE void push_kernel(C& c) {
  for (int i = 0; i < 256; ++i) c.push(opaque(static_cast<float>(i)));
  HB_BENCH_END();
}
template <class C>
HB_BENCH_NOINLINE float average_kernel(C& c) {
  float out = 0;
  for (int i = 0; i < 16; ++i) {
    c.push(opaque(static_cast<float>(i)));
    out += c.average();
  }
  HB_BENCH_END();
  return out;
}

class trap_scope {
 public:
  explicit trap_scope(benchmark::State& state) : state_(state), before_(heapless::test::violation_count()) {
    heapless::test::arm_trap();
  }
  ~trap_scope() {
    heapless::test::disarm_trap();
    if (heapless::test::violation_count() != before_) state_.SkipWithError("allocated while the trap was armed");
  }
  trap_scope(const trap_scope&) = delete;
  trap_scope& operator=(const trap_scope&) = delete;

 private:
  benchmark::State& state_;
  long before_;
};

template <class C>
C& instance() {
  static C c;
  for (int i = 0; i < 64; ++i) c.push(static_cast<float>(i));  // full
  return c;
}

template <class C>
void BM_push(benchmark::State& state) {
  C& c = instance<C>();
  trap_scope trap(state);
  for (auto _ : state) {
    push_kernel(c);
    benchmark::ClobberMemory();
  }
}

template <class C>
void BM_average(benchmark::State& state) {
  C& c = instance<C>();
  trap_scope trap(state);
  for (auto _ : state) {
    float r = average_kernel(c);
    benchmark::DoNotOptimize(r);
  }
}

}  // namespace

BENCHMARK_TEMPLATE(BM_push, ring)->Name("push/ring");
BENCHMARK_TEMPLATE(BM_push, ring_counted)->Name("push/ring_counted");
BENCHMARK_TEMPLATE(BM_push, hb_wrap)->Name("push/heapless");
BENCHMARK_TEMPLATE(BM_push, hb_ref)->Name("push/heapless_ref");
#if HEAPLESS_BENCH_HAS_BOOST
BENCHMARK_TEMPLATE(BM_push, boost_wrap)->Name("push/boost");
#endif
BENCHMARK_TEMPLATE(BM_average, ring)->Name("average64/ring");
BENCHMARK_TEMPLATE(BM_average, ring_counted)->Name("average64/ring_counted");
BENCHMARK_TEMPLATE(BM_average, hb_wrap)->Name("average64/heapless");
BENCHMARK_TEMPLATE(BM_average, hb_storage)->Name("average64/heapless_storage");
BENCHMARK_TEMPLATE(BM_average, hb_spans)->Name("average64/heapless_spans_ordered");
BENCHMARK_TEMPLATE(BM_average, hb_ordered)->Name("average64/heapless_iterators_ordered");
#if HEAPLESS_BENCH_HAS_BOOST
BENCHMARK_TEMPLATE(BM_average, boost_wrap)->Name("average64/boost");
#endif
