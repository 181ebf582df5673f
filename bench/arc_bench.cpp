// arc_bench.cpp - heapless::Arc and heapless::ObjectPool against what a C++
// programmer would use instead, side by side, single thread:
//   CopyDrop/<handle>      copy a handle and drop the copy (Arc<int> vs
//                          std::shared_ptr<int>; both one atomic add + one
//                          atomic sub on x86)
//   MakeLastDrop/<handle>  make an object and drop its only handle
//                          (ArcPool<int, 64>::try_make_shared vs
//                          std::make_shared<int>: glibc malloc + free, through
//                          the allocation trap's counting operator new, which
//                          adds an atomic add; _glibc: the same control block
//                          by std::allocate_shared straight from glibc's
//                          malloc; and the pool with the single_thread policy)
//   Floor/<n>_cas          one / two uncontended compare-and-swaps alone: what
//                          a pool shared between threads without a lock
//                          cannot go below (claim a slot; give it back)
//   AcquireRelease/<pool>  take an object and give it back (ObjectPool<Buf, 64>
//                          try_acquire + reset vs Pool<Buf, 64> try_allocate +
//                          deallocate, vs Pool try_make + reset, which also
//                          constructs and destroys), lock_free policies
// Each benchmark iteration is one call of a noinline function, so callgrind
// counts are per operation:
//   valgrind --tool=callgrind --callgrind-out-file=arc.cg ./arc_bench --benchmark_min_time=0.01
//   callgrind_annotate --tree=caller --inclusive=yes arc.cg | grep -B1 '\* .*op_'
// (inclusive Ir of op_<x> divided by its call count).
#include <benchmark/benchmark.h>

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <new>
#include <thread>

#include "heapless/arc.hpp"
#include "heapless/object_pool.hpp"
#include "heapless/pool.hpp"

namespace {

namespace pool_policy = heapless::pool_policy;

// libstdc++ makes shared_ptr's count non-atomic while the process has never
// started a thread (__libc_single_threaded); a program that shares objects
// between threads has started one, so the comparison starts one too.
const bool g_threads_started = [] {
  std::thread([] {}).join();
  return true;
}();

struct Buf {
  std::uint64_t words[8];
};

heapless::ArcPool<int, 64, pool_policy::lock_free> g_arcs;
heapless::ArcPool<int, 64, pool_policy::single_thread> g_arcs_st;
heapless::ObjectPool<Buf, 64, pool_policy::lock_free> g_objects;
heapless::Pool<Buf, 64, pool_policy::lock_free> g_pool;

[[gnu::noinline]] long op_arc_copy_drop(const heapless::Arc<int, pool_policy::lock_free>& a) {
  const heapless::Arc<int, pool_policy::lock_free> copy = a;
  return copy.use_count();
}
[[gnu::noinline]] long op_shared_copy_drop(const std::shared_ptr<int>& a) {
  const std::shared_ptr<int> copy = a;
  return copy.use_count();
}
[[gnu::noinline]] int op_arc_make_drop(int v) {
  const auto a = g_arcs.try_make_shared(v);
  return *a;
}
[[gnu::noinline]] int op_arc_st_make_drop(int v) {
  const auto a = g_arcs_st.try_make_shared(v);
  return *a;
}
[[gnu::noinline]] int op_make_shared_drop(int v) {
  const auto a = std::make_shared<int>(v);
  return *a;
}
// std::make_shared's control block and object, but straight from glibc's
// malloc: the binary replaces operator new with the allocation trap's
// counting wrapper (one atomic add per allocation), which this bypasses.
#if defined(__GLIBC__)
extern "C" void* __libc_malloc(std::size_t);
extern "C" void __libc_free(void*);
template <class T>
struct glibc_allocator {
  using value_type = T;
  glibc_allocator() = default;
  template <class U>
  glibc_allocator(const glibc_allocator<U>&) noexcept {}
  T* allocate(std::size_t n) {
    void* p = __libc_malloc(n * sizeof(T));
    if (p == nullptr) throw std::bad_alloc();
    return static_cast<T*>(p);
  }
  void deallocate(T* p, std::size_t) noexcept { __libc_free(p); }
  template <class U>
  bool operator==(const glibc_allocator<U>&) const noexcept { return true; }
  template <class U>
  bool operator!=(const glibc_allocator<U>&) const noexcept { return false; }
};
[[gnu::noinline]] int op_allocate_shared_glibc_drop(int v) {
  const auto a = std::allocate_shared<int>(glibc_allocator<int>(), v);
  return *a;
}
#endif
// The floor of any pool that threads may share without a lock: claiming a
// slot against concurrent claimers takes at least one atomic read-modify-write
// (a locked instruction on x86), and a LIFO free list takes a second one to
// give the slot back. One and two uncontended compare-and-swaps on a word of
// their own, nothing else.
std::atomic<std::uint64_t> g_cas_word{0};
[[gnu::noinline]] std::uint64_t op_one_cas() {
  std::uint64_t h = g_cas_word.load(std::memory_order_relaxed);
  while (!g_cas_word.compare_exchange_weak(h, h + 1, std::memory_order_acquire, std::memory_order_relaxed)) {
  }
  return h;
}
[[gnu::noinline]] std::uint64_t op_two_cas() {
  std::uint64_t h = g_cas_word.load(std::memory_order_relaxed);
  while (!g_cas_word.compare_exchange_weak(h, h + 1, std::memory_order_acquire, std::memory_order_relaxed)) {
  }
  std::uint64_t g = h + 1;
  while (!g_cas_word.compare_exchange_weak(g, g + 1, std::memory_order_release, std::memory_order_relaxed)) {
  }
  return g;
}
// Each writes one word of the object it got, and returns its address.
[[gnu::noinline]] std::uintptr_t op_object_acquire_release() {
  const auto o = g_objects.try_acquire();
  o->words[0] = 1;
  return reinterpret_cast<std::uintptr_t>(o.get());
}
[[gnu::noinline]] std::uintptr_t op_pool_allocate_free() {
  void* p = g_pool.try_allocate();
  static_cast<Buf*>(p)->words[0] = 1;
  const auto r = reinterpret_cast<std::uintptr_t>(p);
  g_pool.deallocate(p);
  return r;
}
[[gnu::noinline]] std::uint64_t op_pool_make_reset() {
  auto b = g_pool.try_make();
  return b->words[0];
}

void CopyDrop_Arc(benchmark::State& state) {
  const auto a = g_arcs.try_make_shared(1);
  for (auto _ : state) benchmark::DoNotOptimize(op_arc_copy_drop(a));
  state.SetItemsProcessed(state.iterations());
}
void CopyDrop_shared_ptr(benchmark::State& state) {
  const auto a = std::make_shared<int>(1);
  for (auto _ : state) benchmark::DoNotOptimize(op_shared_copy_drop(a));
  state.SetItemsProcessed(state.iterations());
}
void MakeLastDrop_Arc(benchmark::State& state) {
  int v = 0;
  for (auto _ : state) benchmark::DoNotOptimize(op_arc_make_drop(++v));
  state.SetItemsProcessed(state.iterations());
}
void MakeLastDrop_Arc_single_thread(benchmark::State& state) {
  int v = 0;
  for (auto _ : state) benchmark::DoNotOptimize(op_arc_st_make_drop(++v));
  state.SetItemsProcessed(state.iterations());
}
void MakeLastDrop_make_shared(benchmark::State& state) {
  int v = 0;
  for (auto _ : state) benchmark::DoNotOptimize(op_make_shared_drop(++v));
  state.SetItemsProcessed(state.iterations());
}
#if defined(__GLIBC__)
void MakeLastDrop_make_shared_glibc(benchmark::State& state) {
  int v = 0;
  for (auto _ : state) benchmark::DoNotOptimize(op_allocate_shared_glibc_drop(++v));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(MakeLastDrop_make_shared_glibc);
#endif
void Floor_one_cas(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(op_one_cas());
  state.SetItemsProcessed(state.iterations());
}
void Floor_two_cas(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(op_two_cas());
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(Floor_one_cas);
BENCHMARK(Floor_two_cas);
void AcquireRelease_ObjectPool(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(op_object_acquire_release());
  state.SetItemsProcessed(state.iterations());
}
void AcquireRelease_Pool_allocate(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(op_pool_allocate_free());
  state.SetItemsProcessed(state.iterations());
}
void AcquireRelease_Pool_make(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(op_pool_make_reset());
  state.SetItemsProcessed(state.iterations());
}

}  // namespace

BENCHMARK(CopyDrop_shared_ptr);
BENCHMARK(CopyDrop_Arc);
BENCHMARK(MakeLastDrop_make_shared);
BENCHMARK(MakeLastDrop_Arc);
BENCHMARK(MakeLastDrop_Arc_single_thread);
BENCHMARK(AcquireRelease_Pool_allocate);
BENCHMARK(AcquireRelease_Pool_make);
BENCHMARK(AcquireRelease_ObjectPool);
