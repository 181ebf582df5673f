// vec_bench.cpp - heapless::Vec side by side with what a user would pick
// instead, in one binary:
//
//   raw          int data[N] + std::size_t count, unchecked: the hand-written
//                limit (for append: memcpy + count; for copy: struct assignment)
//   std_vector   std::vector<int> with reserve(N) done once, outside the loop
//   boost        boost::container::static_vector<int, N> (when Boost is found)
//   heapless     heapless::Vec<int, N> checked forms (push_back, insert, append)
//   unchecked    heapless::Vec<int, N>::unchecked_push_back (push rows only)
//
// Operations: push_back 16 and 256 ints then clear; iterate-and-sum 256;
// insert at the front x64 then clear; copy-assign a full container of 64;
// bulk append of 256 ints from an array then clear.
//
// Every iteration calls one out-of-line kernel that takes the container by
// reference, so the compiler cannot specialise the loop on a known length,
// and callgrind can count instructions per call (docs/vec.md). The containers
// live in static storage; the allocation trap is armed while heapless and
// Boost kernels run (a benchmark that allocates reports an error).
//
//   ./vec_bench --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
#include <benchmark/benchmark.h>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <vector>

#include <heapless/vec.hpp>

#include "support/alloc_trap.hpp"

#if HEAPLESS_BENCH_HAS_BOOST
#include <boost/container/static_vector.hpp>
#endif

#define VEC_BENCH_NOINLINE __attribute__((noinline))

namespace {

// ---- The hand-written baseline -------------------------------------------------
template <std::size_t N>
struct raw_array {
  int data_[N];
  std::size_t count = 0;
  void push_back(int x) { data_[count++] = x; }
  void clear() { count = 0; }
  const int* begin() const { return data_; }
  const int* end() const { return data_ + count; }
  int* data() { return data_; }
  void insert_front(int x) {
    std::memmove(data_ + 1, data_, count * sizeof(int));
    data_[0] = x;
    ++count;
  }
  void append(const int* p, std::size_t n) {
    std::memcpy(data_ + count, p, n * sizeof(int));
    count += n;
  }
};

// Vec with unchecked_push_back: what the checks cost.
template <std::size_t N>
struct unchecked_vec : heapless::Vec<int, N> {
  void push_back(int x) { this->unchecked_push_back(x); }
};

// ---- Uniform operations (overloaded per container) ------------------------------
template <class C>
void insert_front(C& c, int x) {
  c.insert(c.begin(), x);
}
template <std::size_t N>
void insert_front(raw_array<N>& c, int x) {
  c.insert_front(x);
}
template <class C>
void append(C& c, const int* p, std::size_t n) {
  c.insert(c.end(), p, p + n);  // std::vector, boost: the range insert at the end
}
template <std::size_t N>
void append(raw_array<N>& c, const int* p, std::size_t n) {
  c.append(p, n);
}
template <std::size_t N>
void append(heapless::Vec<int, N>& c, const int* p, std::size_t n) {
  c.append(p, p + n);
}
template <class C>
void prepare(C&, std::size_t) {}
void prepare(std::vector<int>& c, std::size_t n) { c.reserve(n); }

// ---- Kernels: one out-of-line call per benchmark iteration -----------------------
// The trailing empty asm keeps each kernel a real call (no tail call), so
// callgrind attributes every instruction to it; it emits no instruction.
#define VEC_BENCH_END() asm volatile("" ::: "memory")

template <int N, class C>
VEC_BENCH_NOINLINE void push_kernel(C& c) {
  for (int i = 0; i < N; ++i) c.push_back(i);
  VEC_BENCH_END();
}
// The value passes through an empty asm: the compiler must treat each element
// as unknown, one at a time (as when it comes from parsing or a peripheral),
// so no container's loop can be turned into vector stores.
inline int opaque(int v) {
  asm volatile("" : "+r"(v));
  return v;
}
template <int N, class C>
VEC_BENCH_NOINLINE void push_opaque_kernel(C& c) {
  for (int i = 0; i < N; ++i) c.push_back(opaque(i));
  VEC_BENCH_END();
}
template <class C>
VEC_BENCH_NOINLINE long sum_kernel(const C& c) {
  long s = 0;
  for (int x : c) s += x;
  VEC_BENCH_END();
  return s;
}
template <class C>
VEC_BENCH_NOINLINE void insert_front_kernel(C& c, int n) {
  for (int i = 0; i < n; ++i) insert_front(c, i);
  VEC_BENCH_END();
}
template <class C>
VEC_BENCH_NOINLINE void copy_kernel(C& dst, const C& src) {
  dst = src;
  VEC_BENCH_END();
}
template <class C>
VEC_BENCH_NOINLINE void append_kernel(C& c, const int* p, std::size_t n) {
  append(c, p, n);
  VEC_BENCH_END();
}

// Arms the allocation trap for heapless and Boost; reports allocations.
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
constexpr bool is_std_vector = std::is_same_v<C, std::vector<int>>;

template <class C>
C& instance() {
  static C c;  // static: 1 KB containers stay off the benchmark's stack
  return c;
}

template <class C, int N, bool Opaque>
void BM_push(benchmark::State& state) {
  C& c = instance<C>();
  c.clear();
  prepare(c, N);
  trap_scope trap(state, !is_std_vector<C>);
  for (auto _ : state) {
    if constexpr (Opaque) push_opaque_kernel<N>(c);
    else push_kernel<N>(c);
    benchmark::DoNotOptimize(c.data());
    c.clear();
    benchmark::ClobberMemory();
  }
}

template <class C>
void BM_sum(benchmark::State& state) {
  C& c = instance<C>();
  c.clear();
  prepare(c, 256);
  for (int i = 0; i < 256; ++i) c.push_back(i);
  trap_scope trap(state, !is_std_vector<C>);
  for (auto _ : state) {
    long s = sum_kernel(c);
    benchmark::DoNotOptimize(s);
  }
}

template <class C>
void BM_insert_front(benchmark::State& state) {
  C& c = instance<C>();
  c.clear();
  prepare(c, 64);
  trap_scope trap(state, !is_std_vector<C>);
  for (auto _ : state) {
    insert_front_kernel(c, 64);
    benchmark::DoNotOptimize(c.data());
    c.clear();
    benchmark::ClobberMemory();
  }
}

template <class C>
void BM_copy(benchmark::State& state) {
  static C src;
  static C dst;
  src.clear();
  dst.clear();
  prepare(src, 64);
  prepare(dst, 64);
  for (int i = 0; i < 64; ++i) src.push_back(i);
  trap_scope trap(state, !is_std_vector<C>);
  for (auto _ : state) {
    copy_kernel(dst, src);
    benchmark::DoNotOptimize(dst.data());
    benchmark::ClobberMemory();
  }
}

int g_source[256];

template <class C>
void BM_append(benchmark::State& state) {
  for (int i = 0; i < 256; ++i) g_source[i] = i * 3;
  C& c = instance<C>();
  c.clear();
  prepare(c, 256);
  trap_scope trap(state, !is_std_vector<C>);
  for (auto _ : state) {
    append_kernel(c, g_source, 256);
    benchmark::DoNotOptimize(c.data());
    c.clear();
    benchmark::ClobberMemory();
  }
}

using raw256 = raw_array<256>;
using raw64 = raw_array<64>;
using vec256 = heapless::Vec<int, 256>;
using vec64 = heapless::Vec<int, 64>;
#if HEAPLESS_BENCH_HAS_BOOST
using boost256 = boost::container::static_vector<int, 256>;
using boost64 = boost::container::static_vector<int, 64>;
#endif

// The same kernels through the capacity-erased view (C = VecRef<int>): one
// function serves every capacity; its cost against the Vec's is in
// docs/views.md.
template <int N, bool Opaque>
void BM_push_view(benchmark::State& state) {
  vec256& v = instance<vec256>();
  v.clear();
  heapless::VecRef<int> c = v;
  trap_scope trap(state, true);
  for (auto _ : state) {
    if constexpr (Opaque) push_opaque_kernel<N>(c);
    else push_kernel<N>(c);
    benchmark::DoNotOptimize(v.data());
    v.clear();
    benchmark::ClobberMemory();
  }
}

}  // namespace

// Names: <operation>/<container>[/<n>]; docs/vec.md divides each median by raw's.
// push: values are the loop index (compilers may vectorise what they can);
// push_opaque: each value is opaque (one element at a time).
BENCHMARK_TEMPLATE(BM_push, raw256, 16, false)->Name("push16/raw");
BENCHMARK_TEMPLATE(BM_push, std::vector<int>, 16, false)->Name("push16/std_vector");
#if HEAPLESS_BENCH_HAS_BOOST
BENCHMARK_TEMPLATE(BM_push, boost256, 16, false)->Name("push16/boost");
#endif
BENCHMARK_TEMPLATE(BM_push, vec256, 16, false)->Name("push16/heapless");
BENCHMARK_TEMPLATE(BM_push, unchecked_vec<256>, 16, false)->Name("push16/unchecked");
BENCHMARK_TEMPLATE(BM_push, raw256, 256, false)->Name("push256/raw");
BENCHMARK_TEMPLATE(BM_push, std::vector<int>, 256, false)->Name("push256/std_vector");
#if HEAPLESS_BENCH_HAS_BOOST
BENCHMARK_TEMPLATE(BM_push, boost256, 256, false)->Name("push256/boost");
#endif
BENCHMARK_TEMPLATE(BM_push, vec256, 256, false)->Name("push256/heapless");
BENCHMARK_TEMPLATE(BM_push, unchecked_vec<256>, 256, false)->Name("push256/unchecked");
BENCHMARK_TEMPLATE(BM_push, raw256, 16, true)->Name("push_opaque16/raw");
BENCHMARK_TEMPLATE(BM_push, std::vector<int>, 16, true)->Name("push_opaque16/std_vector");
#if HEAPLESS_BENCH_HAS_BOOST
BENCHMARK_TEMPLATE(BM_push, boost256, 16, true)->Name("push_opaque16/boost");
#endif
BENCHMARK_TEMPLATE(BM_push, vec256, 16, true)->Name("push_opaque16/heapless");
BENCHMARK_TEMPLATE(BM_push, unchecked_vec<256>, 16, true)->Name("push_opaque16/unchecked");
BENCHMARK_TEMPLATE(BM_push, raw256, 256, true)->Name("push_opaque256/raw");
BENCHMARK_TEMPLATE(BM_push, std::vector<int>, 256, true)->Name("push_opaque256/std_vector");
#if HEAPLESS_BENCH_HAS_BOOST
BENCHMARK_TEMPLATE(BM_push, boost256, 256, true)->Name("push_opaque256/boost");
#endif
BENCHMARK_TEMPLATE(BM_push, vec256, 256, true)->Name("push_opaque256/heapless");
BENCHMARK_TEMPLATE(BM_push, unchecked_vec<256>, 256, true)->Name("push_opaque256/unchecked");
BENCHMARK_TEMPLATE(BM_push_view, 256, false)->Name("push256/heapless_view");
BENCHMARK_TEMPLATE(BM_push_view, 256, true)->Name("push_opaque256/heapless_view");

BENCHMARK_TEMPLATE(BM_sum, raw256)->Name("sum256/raw");
BENCHMARK_TEMPLATE(BM_sum, std::vector<int>)->Name("sum256/std_vector");
#if HEAPLESS_BENCH_HAS_BOOST
BENCHMARK_TEMPLATE(BM_sum, boost256)->Name("sum256/boost");
#endif
BENCHMARK_TEMPLATE(BM_sum, vec256)->Name("sum256/heapless");

BENCHMARK_TEMPLATE(BM_insert_front, raw64)->Name("insert_front64/raw");
BENCHMARK_TEMPLATE(BM_insert_front, std::vector<int>)->Name("insert_front64/std_vector");
#if HEAPLESS_BENCH_HAS_BOOST
BENCHMARK_TEMPLATE(BM_insert_front, boost64)->Name("insert_front64/boost");
#endif
BENCHMARK_TEMPLATE(BM_insert_front, vec64)->Name("insert_front64/heapless");

BENCHMARK_TEMPLATE(BM_copy, raw64)->Name("copy64/raw");
BENCHMARK_TEMPLATE(BM_copy, std::vector<int>)->Name("copy64/std_vector");
#if HEAPLESS_BENCH_HAS_BOOST
BENCHMARK_TEMPLATE(BM_copy, boost64)->Name("copy64/boost");
#endif
BENCHMARK_TEMPLATE(BM_copy, vec64)->Name("copy64/heapless");

BENCHMARK_TEMPLATE(BM_append, raw256)->Name("append256/raw");
BENCHMARK_TEMPLATE(BM_append, std::vector<int>)->Name("append256/std_vector");
#if HEAPLESS_BENCH_HAS_BOOST
BENCHMARK_TEMPLATE(BM_append, boost256)->Name("append256/boost");
#endif
BENCHMARK_TEMPLATE(BM_append, vec256)->Name("append256/heapless");

// ---- try_push_back in a loop: the checked form that reports failure ---------------
// 256 opaque uint32_t values into a cleared Vec<uint32_t, 256>; the kernel
// returns false at the first refused push. Beside it the raw array + count.
// Each kernel takes its container as a __restrict reference: nothing else in
// the kernel reaches it. Without that, clang reads the volatile asm that hides
// each value as a possible write to any memory a caller could reach, so it
// reloads the length from memory after every value (g++ reads the same asm as
// touching no memory); the benchmark is about the push, not about that barrier.
struct raw_u32_256 {
  std::uint32_t a[256];
  std::size_t n;
};
inline std::uint32_t opaque_u32(std::uint32_t v) {
  asm volatile("" : "+r"(v));
  return v;
}
VEC_BENCH_NOINLINE bool try_push_kernel_raw(raw_u32_256& __restrict v) {
  v.n = 0;
  for (std::uint32_t i = 0; i < 256; ++i) {
    if (v.n == 256) return false;
    v.a[v.n++] = opaque_u32(i);
  }
  return true;
}
// The same with the value computed before the capacity test, as a push
// function taking the value receives it, and a 32-bit count as Vec<uint32_t,
// 256> stores it (char32_t: it cannot alias the uint32_t elements).
struct raw_u32_256_count32 {
  std::uint32_t a[256];
  char32_t n;
};
VEC_BENCH_NOINLINE bool try_push_kernel_raw_value_first(raw_u32_256_count32& __restrict v) {
  v.n = 0;
  for (std::uint32_t i = 0; i < 256; ++i) {
    const std::uint32_t x = opaque_u32(i);
    if (v.n == 256) return false;
    v.a[v.n++] = x;
  }
  return true;
}
VEC_BENCH_NOINLINE bool try_push_kernel_heapless(heapless::Vec<std::uint32_t, 256>& __restrict v) {
  v.clear();
  for (std::uint32_t i = 0; i < 256; ++i)
    if (!v.try_push_back(opaque_u32(i))) return false;
  return true;
}
template <class C, bool (*Kernel)(C&)>
void BM_try_push(benchmark::State& state) {
  static C c;
  for (auto _ : state) benchmark::DoNotOptimize(Kernel(c));
}
BENCHMARK_TEMPLATE(BM_try_push, raw_u32_256, try_push_kernel_raw)->Name("try_push256/raw");
BENCHMARK_TEMPLATE(BM_try_push, raw_u32_256_count32, try_push_kernel_raw_value_first)
    ->Name("try_push256/raw_value_first");
BENCHMARK_TEMPLATE(BM_try_push, heapless::Vec<std::uint32_t, 256>, try_push_kernel_heapless)
    ->Name("try_push256/heapless");
