// sorted_linked_list_bench.cpp - heapless::SortedLinkedList side by side
// with what a user would pick instead, in one binary, at N = 8, 32, 128:
//
//   std_multiset  std::multiset<int>: insert, erase(begin())
//   sorted_vec    heapless::Vec<int, N> kept sorted in descending order with
//                 insert(upper_bound) (std::upper_bound, std::greater), so the
//                 first in order is back(): pop_back
//   heapless      heapless::SortedLinkedList<int, N>: push, front, pop
//   heapless_view the same list through a SortedLinkedListRef<int> (one
//                 kernel for every N)
//
// Operation: insert N ints in random order (a fixed sequence), then take the
// first in order and remove it until empty, summing. Every iteration calls
// one out-of-line kernel per container, so callgrind counts instructions:
//   valgrind --tool=callgrind --callgrind-out-file=sll.cg ./sorted_linked_list_bench
//     --benchmark_min_time=0.001
//   callgrind_annotate --inclusive=yes sll.cg | grep -E 'run_'
// The heapless and Vec kernels run with the allocation trap armed.
//
//   ./sorted_linked_list_bench --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <set>

#include <heapless/sorted_linked_list.hpp>
#include <heapless/vec.hpp>

#include "support/alloc_trap.hpp"

#define SLL_BENCH_NOINLINE __attribute__((noinline))
// A view's kernel stays one function for every capacity: no clone of it
// specialised on the constants of one call (GCC's constant propagation).
#if defined(__clang__)
#define SLL_BENCH_ONE_COPY __attribute__((noinline))
#else
#define SLL_BENCH_ONE_COPY __attribute__((noinline, noclone))
#endif

namespace {

struct keys_t {
  int v[128];
  keys_t() {
    std::uint32_t s = 777;
    for (int& k : v) {
      s = s * 1664525u + 1013904223u;
      k = static_cast<int>(s >> 12);
    }
  }
};
const keys_t keys;

template <std::size_t N>
SLL_BENCH_NOINLINE long run_multiset(std::multiset<int>& s, const int* k) {
  for (std::size_t i = 0; i != N; ++i) s.insert(k[i]);
  long sum = 0;
  while (!s.empty()) {
    sum += *s.begin();
    s.erase(s.begin());
  }
  return sum;
}

template <std::size_t N>
SLL_BENCH_NOINLINE long run_sorted_vec(heapless::Vec<int, N>& v, const int* k) {
  for (std::size_t i = 0; i != N; ++i) {
    v.insert(std::upper_bound(v.begin(), v.end(), k[i], std::greater<int>()), k[i]);
  }
  long sum = 0;
  while (!v.empty()) {
    sum += v.back();
    v.pop_back();
  }
  return sum;
}

template <std::size_t N>
SLL_BENCH_NOINLINE long run_heapless(heapless::SortedLinkedList<int, N>& l, const int* k) {
  for (std::size_t i = 0; i != N; ++i) l.push(k[i]);
  long sum = 0;
  while (!l.empty()) {
    sum += l.front();
    l.pop();
  }
  return sum;
}

// The same through a view: one function for every N up to 255.
SLL_BENCH_ONE_COPY long run_heapless_view(heapless::SortedLinkedListRef<int> l, const int* k, std::size_t n) {
  for (std::size_t i = 0; i != n; ++i) l.push(k[i]);
  long sum = 0;
  while (!l.empty()) {
    sum += l.front();
    l.pop();
  }
  return sum;
}

template <std::size_t N>
void BM_insert_pop_std_multiset(benchmark::State& state) {
  std::multiset<int> s;
  for (auto _ : state) benchmark::DoNotOptimize(run_multiset<N>(s, keys.v));
}

template <std::size_t N>
void BM_insert_pop_sorted_vec(benchmark::State& state) {
  static heapless::Vec<int, N> v;
  heapless::test::arm_trap();
  for (auto _ : state) benchmark::DoNotOptimize(run_sorted_vec<N>(v, keys.v));
  heapless::test::disarm_trap();
  if (heapless::test::violation_count() != 0) state.SkipWithError("allocated");
}

template <std::size_t N>
void BM_insert_pop_heapless(benchmark::State& state) {
  static heapless::SortedLinkedList<int, N> l;
  heapless::test::arm_trap();
  for (auto _ : state) benchmark::DoNotOptimize(run_heapless<N>(l, keys.v));
  heapless::test::disarm_trap();
  if (heapless::test::violation_count() != 0) state.SkipWithError("allocated");
}

template <std::size_t N>
void BM_insert_pop_heapless_view(benchmark::State& state) {
  static heapless::SortedLinkedList<int, N> l;
  heapless::test::arm_trap();
  for (auto _ : state) benchmark::DoNotOptimize(run_heapless_view(l, keys.v, N));
  heapless::test::disarm_trap();
  if (heapless::test::violation_count() != 0) state.SkipWithError("allocated");
}

BENCHMARK_TEMPLATE(BM_insert_pop_std_multiset, 8);
BENCHMARK_TEMPLATE(BM_insert_pop_sorted_vec, 8);
BENCHMARK_TEMPLATE(BM_insert_pop_heapless, 8);
BENCHMARK_TEMPLATE(BM_insert_pop_heapless_view, 8);
BENCHMARK_TEMPLATE(BM_insert_pop_std_multiset, 32);
BENCHMARK_TEMPLATE(BM_insert_pop_sorted_vec, 32);
BENCHMARK_TEMPLATE(BM_insert_pop_heapless, 32);
BENCHMARK_TEMPLATE(BM_insert_pop_heapless_view, 32);
BENCHMARK_TEMPLATE(BM_insert_pop_std_multiset, 128);
BENCHMARK_TEMPLATE(BM_insert_pop_sorted_vec, 128);
BENCHMARK_TEMPLATE(BM_insert_pop_heapless, 128);
BENCHMARK_TEMPLATE(BM_insert_pop_heapless_view, 128);

}  // namespace
