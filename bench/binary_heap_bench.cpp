// binary_heap_bench.cpp - heapless::BinaryHeap side by side with what a user
// would pick instead, in one binary:
//
//   raw_heap     int data[N] + count with std::push_heap / std::pop_heap: the
//                hand-written limit
//   std_pq       std::priority_queue<int> over a std::vector reserved once,
//                outside the timed loop (no allocation while timed)
//   boost_dary   boost::heap::d_ary_heap<int, arity<2>> (when Boost is found),
//                reserved once
//   heapless     heapless::max_heap<int, 1024>: push, top, pop
//   heapless_view  the same heap through a BinaryHeapRef<int>
//
// Operation: push 1000 random ints (a fixed sequence), then top+pop until
// empty, summing the tops. Every iteration calls one out-of-line kernel per
// container, so callgrind counts instructions per call:
//   valgrind --tool=callgrind --callgrind-out-file=heap.cg ./binary_heap_bench
//       --benchmark_min_time=0.001
//   callgrind_annotate --inclusive=yes heap.cg | grep -E 'run_'
// The heapless kernel runs with the allocation trap armed.
//
//   ./binary_heap_bench --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <queue>
#include <vector>

#include <heapless/binary_heap.hpp>

#include "support/alloc_trap.hpp"

#if HEAPLESS_BENCH_HAS_BOOST
#include <boost/heap/d_ary_heap.hpp>
#endif

#define HEAP_BENCH_NOINLINE __attribute__((noinline))
// A view's kernel stays one function for every capacity: no clone of it
// specialised on the constants of one call (GCC's constant propagation).
#if defined(__clang__)
#define HEAP_BENCH_ONE_COPY __attribute__((noinline))
#else
#define HEAP_BENCH_ONE_COPY __attribute__((noinline, noclone))
#endif

namespace {

constexpr std::size_t capacity = 1024;
constexpr std::size_t count = 1000;

struct keys_t {
  int v[count];
  keys_t() {
    std::uint32_t s = 12345;
    for (int& k : v) {
      s = s * 1664525u + 1013904223u;
      k = static_cast<int>(s >> 8);
    }
  }
};
const keys_t keys;

struct raw_heap {
  int data[capacity];
  std::size_t n = 0;
};

HEAP_BENCH_NOINLINE long run_raw(raw_heap& h, const int* k) {
  for (std::size_t i = 0; i != count; ++i) {
    h.data[h.n++] = k[i];
    std::push_heap(h.data, h.data + h.n);
  }
  long sum = 0;
  while (h.n != 0) {
    sum += h.data[0];
    std::pop_heap(h.data, h.data + h.n);
    --h.n;
  }
  return sum;
}

HEAP_BENCH_NOINLINE long run_std(std::priority_queue<int>& h, const int* k) {
  for (std::size_t i = 0; i != count; ++i) h.push(k[i]);
  long sum = 0;
  while (!h.empty()) {
    sum += h.top();
    h.pop();
  }
  return sum;
}

#if HEAPLESS_BENCH_HAS_BOOST
using boost_heap = boost::heap::d_ary_heap<int, boost::heap::arity<2>>;
HEAP_BENCH_NOINLINE long run_boost(boost_heap& h, const int* k) {
  for (std::size_t i = 0; i != count; ++i) h.push(k[i]);
  long sum = 0;
  while (!h.empty()) {
    sum += h.top();
    h.pop();
  }
  return sum;
}
#endif

HEAP_BENCH_NOINLINE long run_heapless(heapless::max_heap<int, capacity>& h, const int* k) {
  for (std::size_t i = 0; i != count; ++i) h.push(k[i]);
  long sum = 0;
  while (!h.empty()) {
    sum += h.top();
    h.pop();
  }
  return sum;
}

// The same through a view: one function for every capacity.
HEAP_BENCH_ONE_COPY long run_heapless_view(heapless::BinaryHeapRef<int> h, const int* k) {
  for (std::size_t i = 0; i != count; ++i) h.push(k[i]);
  long sum = 0;
  while (!h.empty()) {
    sum += h.top();
    h.pop();
  }
  return sum;
}

void BM_push_pop_raw_heap(benchmark::State& state) {
  static raw_heap h;
  for (auto _ : state) benchmark::DoNotOptimize(run_raw(h, keys.v));
}
BENCHMARK(BM_push_pop_raw_heap);

void BM_push_pop_std_priority_queue(benchmark::State& state) {
  std::vector<int> storage;
  storage.reserve(capacity);
  std::priority_queue<int> h(std::less<int>(), std::move(storage));
  for (auto _ : state) benchmark::DoNotOptimize(run_std(h, keys.v));
}
BENCHMARK(BM_push_pop_std_priority_queue);

#if HEAPLESS_BENCH_HAS_BOOST
void BM_push_pop_boost_d_ary_heap(benchmark::State& state) {
  boost_heap h;
  h.reserve(capacity);
  for (auto _ : state) benchmark::DoNotOptimize(run_boost(h, keys.v));
}
BENCHMARK(BM_push_pop_boost_d_ary_heap);
#endif

void BM_push_pop_heapless(benchmark::State& state) {
  static heapless::max_heap<int, capacity> h;
  heapless::test::arm_trap();
  for (auto _ : state) benchmark::DoNotOptimize(run_heapless(h, keys.v));
  heapless::test::disarm_trap();
  if (heapless::test::violation_count() != 0) state.SkipWithError("allocated");
}
BENCHMARK(BM_push_pop_heapless);

void BM_push_pop_heapless_view(benchmark::State& state) {
  static heapless::max_heap<int, capacity> h;
  heapless::test::arm_trap();
  for (auto _ : state) benchmark::DoNotOptimize(run_heapless_view(h, keys.v));
  heapless::test::disarm_trap();
  if (heapless::test::violation_count() != 0) state.SkipWithError("allocated");
}
BENCHMARK(BM_push_pop_heapless_view);

}  // namespace
