// deque_bench.cpp - heapless::Deque side by side with what a user would pick
// instead, in one binary:
//
//   ring         int buf[64] + two free-running unsigned counters masked with
//                63, unchecked: the hand-written power-of-two ring (the limit)
//   std_deque    std::deque<int> (allocates and frees blocks as it moves)
//   boost        boost::circular_buffer<int> with capacity 64, allocated once
//                outside the loop (when Boost is found)
//   heapless     heapless::Deque<int, 64>: checked push, asserted pop
//   heapless_100 heapless::Deque<int, 100>: a capacity that is not a power
//                of two (compare-and-subtract instead of masking)
//   heapless_ref, heapless_ref_100  the same two Deques driven through a
//                heapless::DequeRef<int> (the capacity-erased view)
//
// Operations, each one out-of-line kernel call of 256 steps on a container
// that holds 32 elements (steady state: the ring keeps wrapping):
//   fifo   push_back(x); s += front(); pop_front()
//   lifo2  push_front(x); s += back(); pop_back()   (the other two ends)
// Here the container is a static reached by reference, so every container's
// loop goes through its indices in memory. The same two steady states on a
// container local to the kernel (a work queue inside a function: built in
// the call, so std::deque and Boost's buffer allocate there; filled to a
// depth of 32 the optimiser cannot see; then 256 steps), where a container
// whose indices can live in registers shows it:
//   fifo_local   as fifo        (heapless: push_back; heapless_unchecked:
//   lifo2_local  as lifo2        unchecked_push_back / unchecked_push_front)
// and a burst on a local container (as a breadth-first search keeps one):
//   burst  16 rounds of 48 push_back then 48 front + pop_front
//
// The values pass through an empty asm (as if read from a peripheral) and the
// popped values are summed, so no loop is vectorised or removed. The
// allocation trap is armed for every container but std::deque (and Boost's
// where it is built in the call).
//
//   ./deque_bench --benchmark_repetitions=9 --benchmark_enable_random_interleaving=true \
//       --benchmark_report_aggregates_only=true
//   valgrind --tool=callgrind --callgrind-out-file=dq.out ./deque_bench --benchmark_min_time=0.01
//   python3 bench/callgrind_per_call.py dq.out kernel   (instructions per kernel call)
#include <benchmark/benchmark.h>

#include <cstddef>
#include <deque>

#include <heapless/deque.hpp>

#include "support/alloc_trap.hpp"

#if HEAPLESS_BENCH_HAS_BOOST
#include <boost/circular_buffer.hpp>
#endif

#define DEQUE_BENCH_NOINLINE __attribute__((noinline))
#define DEQUE_BENCH_END() asm volatile("" ::: "memory")

namespace {

// ---- The hand-written baseline ---------------------------------------------------
struct ring {
  ring() {}  // leaves buf uninitialised, as Deque's storage (no memset in a local one)
  int buf[64];
  unsigned head = 0;  // free-running: slot = counter & 63
  unsigned tail = 0;
  void push_back(int x) { buf[tail++ & 63u] = x; }
  void push_front(int x) { buf[--head & 63u] = x; }
  int& front() { return buf[head & 63u]; }
  int& back() { return buf[(tail - 1) & 63u]; }
  void pop_front() { ++head; }
  void pop_back() { --tail; }
  void clear() { head = tail = 0; }
};

inline int opaque(int v) {
  asm volatile("" : "+r"(v));
  return v;
}

// ---- Kernels ------------------------------------------------------------------------
template <class C>
DEQUE_BENCH_NOINLINE long fifo_kernel(C& c) {
  long s = 0;
  for (int i = 0; i < 256; ++i) {
    c.push_back(opaque(i));
    s += c.front();
    c.pop_front();
  }
  DEQUE_BENCH_END();
  return s;
}
template <class C>
DEQUE_BENCH_NOINLINE long lifo2_kernel(C& c) {
  long s = 0;
  for (int i = 0; i < 256; ++i) {
    c.push_front(opaque(i));
    s += c.back();
    c.pop_back();
  }
  DEQUE_BENCH_END();
  return s;
}

#if HEAPLESS_BENCH_HAS_BOOST
using boost_ring_local = boost::circular_buffer<int>;
#else
struct boost_ring_local {};
#endif

template <class C>
C make_local() {
  return C{};
}
#if HEAPLESS_BENCH_HAS_BOOST
template <>
boost::circular_buffer<int> make_local<boost::circular_buffer<int>>() {
  return boost::circular_buffer<int>(64);
}
#endif

template <class C>
DEQUE_BENCH_NOINLINE long burst_kernel(int seed) {
  C c = make_local<C>();
  long s = 0;
  for (int r = 0; r < 16; ++r) {
    for (int i = 0; i < 48; ++i) c.push_back(opaque(seed + i));
    for (int i = 0; i < 48; ++i) {
      s += c.front();
      c.pop_front();
    }
  }
  DEQUE_BENCH_END();
  return s;
}

// Steady state on a container local to the kernel (a work queue inside a
// function): built in the call, filled to a depth the optimiser cannot see
// (32), then 256 steps that each add one element and take one from the
// other (fifo_local) or the same (lifo2_local) end, the depth staying 32.
// Unchecked: the unchecked_ push of heapless (the others' pushes are what
// they are).
template <bool Unchecked, class C>
inline void put_back(C& c, int x) {
  if constexpr (Unchecked) c.unchecked_push_back(x);
  else c.push_back(x);
}
template <bool Unchecked, class C>
inline void put_front(C& c, int x) {
  if constexpr (Unchecked) c.unchecked_push_front(x);
  else c.push_front(x);
}

template <class C, bool Unchecked>
DEQUE_BENCH_NOINLINE long fifo_local_kernel(int seed) {
  C c = make_local<C>();
  const int depth = opaque(32);
  for (int i = 0; i < depth; ++i) put_back<Unchecked>(c, opaque(seed + i));
  long s = 0;
  for (int i = 0; i < 256; ++i) {
    put_back<Unchecked>(c, opaque(seed + i));
    s += c.front();
    c.pop_front();
  }
  DEQUE_BENCH_END();
  return s;
}
template <class C, bool Unchecked>
DEQUE_BENCH_NOINLINE long lifo2_local_kernel(int seed) {
  C c = make_local<C>();
  const int depth = opaque(32);
  for (int i = 0; i < depth; ++i) put_back<Unchecked>(c, opaque(seed + i));
  long s = 0;
  for (int i = 0; i < 256; ++i) {
    put_front<Unchecked>(c, opaque(seed + i));
    s += c.back();
    c.pop_back();
  }
  DEQUE_BENCH_END();
  return s;
}

class trap_scope {
 public:
  trap_scope(benchmark::State& state, bool arm) : state_(state), arm_(arm), before_(heapless::test::violation_count()) {
    if (arm_) heapless::test::arm_trap();
  }
  ~trap_scope() {
    if (!arm_) return;
    heapless::test::disarm_trap();
    if (heapless::test::violation_count() != before_) state_.SkipWithError("allocated while the trap was armed");
  }
  trap_scope(const trap_scope&) = delete;
  trap_scope& operator=(const trap_scope&) = delete;

 private:
  benchmark::State& state_;
  bool arm_;
  long before_;
};

template <class C>
C& instance() {
  static C c;
  return c;
}
#if HEAPLESS_BENCH_HAS_BOOST
using boost_ring = boost::circular_buffer<int>;
template <>
boost_ring& instance<boost_ring>() {
  static boost_ring c(64);
  return c;
}
#endif

template <class C>
constexpr bool allocates = std::is_same_v<C, std::deque<int>>;

template <class C, bool Fifo>
void BM_steady(benchmark::State& state) {
  C& c = instance<C>();
  c.clear();
  for (int i = 0; i < 32; ++i) c.push_back(i);
  trap_scope trap(state, !allocates<C>);
  for (auto _ : state) {
    long s = Fifo ? fifo_kernel(c) : lifo2_kernel(c);
    benchmark::DoNotOptimize(s);
  }
}

template <class C>
void BM_burst(benchmark::State& state) {
  // Boost's buffer is allocated in the call here too.
  trap_scope trap(state, !allocates<C> && !std::is_same_v<C, boost_ring_local>);
  int seed = 0;
  for (auto _ : state) {
    long s = burst_kernel<C>(seed++ & 7);
    benchmark::DoNotOptimize(s);
  }
}

template <class C, bool Fifo, bool Unchecked = false>
void BM_local(benchmark::State& state) {
  // std::deque and Boost's buffer allocate in the call.
  trap_scope trap(state, !allocates<C> && !std::is_same_v<C, boost_ring_local>);
  int seed = 0;
  for (auto _ : state) {
    const int k = seed++ & 7;
    long s = Fifo ? fifo_local_kernel<C, Unchecked>(k) : lifo2_local_kernel<C, Unchecked>(k);
    benchmark::DoNotOptimize(s);
  }
}

using hl64 = heapless::Deque<int, 64>;
using hl100 = heapless::Deque<int, 100>;

// The same kernels through the view: one instantiation serves both capacities.
template <class D, bool Fifo>
void BM_view(benchmark::State& state) {
  D& d = instance<D>();
  d.clear();
  for (int i = 0; i < 32; ++i) d.push_back(i);
  heapless::DequeRef<int> c = d;
  trap_scope trap(state, true);
  for (auto _ : state) {
    long s = Fifo ? fifo_kernel(c) : lifo2_kernel(c);
    benchmark::DoNotOptimize(s);
  }
}

}  // namespace

BENCHMARK_TEMPLATE(BM_steady, ring, true)->Name("fifo/ring");
BENCHMARK_TEMPLATE(BM_steady, hl64, true)->Name("fifo/heapless");
BENCHMARK_TEMPLATE(BM_steady, hl100, true)->Name("fifo/heapless_100");
BENCHMARK_TEMPLATE(BM_view, hl64, true)->Name("fifo/heapless_ref");
BENCHMARK_TEMPLATE(BM_view, hl100, true)->Name("fifo/heapless_ref_100");
BENCHMARK_TEMPLATE(BM_steady, std::deque<int>, true)->Name("fifo/std_deque");
#if HEAPLESS_BENCH_HAS_BOOST
BENCHMARK_TEMPLATE(BM_steady, boost_ring, true)->Name("fifo/boost");
#endif
BENCHMARK_TEMPLATE(BM_steady, ring, false)->Name("lifo2/ring");
BENCHMARK_TEMPLATE(BM_steady, hl64, false)->Name("lifo2/heapless");
BENCHMARK_TEMPLATE(BM_steady, hl100, false)->Name("lifo2/heapless_100");
BENCHMARK_TEMPLATE(BM_view, hl64, false)->Name("lifo2/heapless_ref");
BENCHMARK_TEMPLATE(BM_view, hl100, false)->Name("lifo2/heapless_ref_100");
BENCHMARK_TEMPLATE(BM_steady, std::deque<int>, false)->Name("lifo2/std_deque");
#if HEAPLESS_BENCH_HAS_BOOST
BENCHMARK_TEMPLATE(BM_steady, boost_ring, false)->Name("lifo2/boost");
#endif
BENCHMARK_TEMPLATE(BM_burst, ring)->Name("burst/ring");
BENCHMARK_TEMPLATE(BM_burst, hl64)->Name("burst/heapless");
BENCHMARK_TEMPLATE(BM_burst, hl100)->Name("burst/heapless_100");
BENCHMARK_TEMPLATE(BM_burst, std::deque<int>)->Name("burst/std_deque");
#if HEAPLESS_BENCH_HAS_BOOST
BENCHMARK_TEMPLATE(BM_burst, boost::circular_buffer<int>)->Name("burst/boost");
#endif

BENCHMARK_TEMPLATE(BM_local, ring, true)->Name("fifo_local/ring");
BENCHMARK_TEMPLATE(BM_local, hl64, true)->Name("fifo_local/heapless");
BENCHMARK_TEMPLATE(BM_local, hl64, true, true)->Name("fifo_local/heapless_unchecked");
BENCHMARK_TEMPLATE(BM_local, hl100, true)->Name("fifo_local/heapless_100");
BENCHMARK_TEMPLATE(BM_local, hl100, true, true)->Name("fifo_local/heapless_100_unchecked");
BENCHMARK_TEMPLATE(BM_local, std::deque<int>, true)->Name("fifo_local/std_deque");
#if HEAPLESS_BENCH_HAS_BOOST
BENCHMARK_TEMPLATE(BM_local, boost::circular_buffer<int>, true)->Name("fifo_local/boost");
#endif
BENCHMARK_TEMPLATE(BM_local, ring, false)->Name("lifo2_local/ring");
BENCHMARK_TEMPLATE(BM_local, hl64, false)->Name("lifo2_local/heapless");
BENCHMARK_TEMPLATE(BM_local, hl64, false, true)->Name("lifo2_local/heapless_unchecked");
BENCHMARK_TEMPLATE(BM_local, hl100, false)->Name("lifo2_local/heapless_100");
BENCHMARK_TEMPLATE(BM_local, hl100, false, true)->Name("lifo2_local/heapless_100_unchecked");
BENCHMARK_TEMPLATE(BM_local, std::deque<int>, false)->Name("lifo2_local/std_deque");
#if HEAPLESS_BENCH_HAS_BOOST
BENCHMARK_TEMPLATE(BM_local, boost::circular_buffer<int>, false)->Name("lifo2_local/boost");
#endif
