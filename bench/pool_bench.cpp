// pool_bench.cpp - heapless::Pool against the allocators a firmware or
// low-latency programmer would use instead, side by side, 32-byte objects.
//
// Peers (one adapter each, all with the same alloc()/free() shape):
//   free_list     hand-written single-threaded intrusive free list, threaded
//                 through all slots at construction: the practical limit
//   cas_floor     the same free list with one CAS per allocation and per free:
//                 the floor of any lock-free MPMC free list (not ABA-safe)
//   malloc        std::malloc/std::free. NOTE: this binary links the test
//                 allocation trap (tests/support/alloc_trap.cpp), whose malloc
//                 wrapper adds a relaxed atomic increment (one locked add)
//   glibc_malloc  __libc_malloc/__libc_free: glibc without the trap's wrapper,
//                 the fair malloc figure (glibc builds without sanitizers)
//   new_delete    operator new/delete (also through the trap's counter)
//   boost_pool    boost::pool<>::malloc/free (unordered free: O(1))
//   object_pool   boost::object_pool<T>::malloc/free (ordered free: O(free list))
//   heapless_lf   Pool<T, 1000, pool_policy::lock_free>::try_allocate/deallocate
//   heapless_st   Pool<T, 1000, pool_policy::single_thread>
//   heapless_box  lock-free Pool through its owning handle (try_make + reset)
//
// Workloads; one benchmark iteration is ONE call of a noinline function doing
// 1000 allocations and 1000 frees (items_per_second counts alloc+free pairs):
//   Lifo         allocate one, free it, 1000 times
//   FreeInOrder  allocate 1000, free them in allocation order
//   FreeReverse  allocate 1000, free them in reverse order
//   FreeRandom   allocate 1000, free them in a fixed random order
// The noinline boundary makes callgrind counts exact per call:
//   valgrind --tool=callgrind --callgrind-out-file=pool.cg ./pool_bench \
//       --benchmark_min_time=0.01
//   callgrind_annotate --inclusive=yes pool.cg | grep -E 'run_(lifo|batch)'
// (inclusive Ir of run_<workload><adapter> / calls / 1000 = instructions per pair).
#include <benchmark/benchmark.h>

#include <atomic>   // cas_free_list
#include <cstddef>  // std::size_t
#include <cstdint>  // std::uint64_t
#include <cstdlib>  // std::malloc, std::free
#include <new>      // placement new

#include "heapless/pool.hpp"
#include "support/alloc_trap.hpp"

#if HEAPLESS_BENCH_HAS_BOOST
#include <boost/pool/object_pool.hpp>
#include <boost/pool/pool.hpp>
#endif

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define HEAPLESS_BENCH_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
#define HEAPLESS_BENCH_SANITIZED 1
#endif
#endif
#if defined(__GLIBC__) && !defined(HEAPLESS_BENCH_SANITIZED)
#define HEAPLESS_BENCH_GLIBC_RAW 1
extern "C" void* __libc_malloc(std::size_t);
extern "C" void __libc_free(void*);
#endif

namespace {

constexpr std::size_t batch = 1000;

struct object {
  std::uint64_t words[4];
};
static_assert(sizeof(object) == 32);

// ---- Adapters ------------------------------------------------------------------

/// The limit: a pointer-linked free list threaded through every slot up front.
class free_list {
 public:
  free_list() noexcept {
    for (std::size_t i = 0; i + 1 < batch; ++i) slots_[i].next = &slots_[i + 1];
    slots_[batch - 1].next = nullptr;
    head_ = &slots_[0];
  }
  void* alloc() noexcept {
    node* n = head_;
    if (n == nullptr) return nullptr;
    head_ = n->next;
    return n;
  }
  void free(void* p) noexcept {
    node* n = static_cast<node*>(p);
    n->next = head_;
    head_ = n;
  }

 private:
  union node {
    node* next;
    object obj;
  };
  node slots_[batch];
  node* head_;
};

/// The floor of any lock-free MPMC free list: the same free list with one
/// compare-and-swap per allocation and one per free (no ABA protection, so
/// NOT safe for concurrent use; it only shows what the two CASes cost).
class cas_free_list {
 public:
  cas_free_list() noexcept {
    for (std::size_t i = 0; i + 1 < batch; ++i) slots_[i].next = &slots_[i + 1];
    slots_[batch - 1].next = nullptr;
    head_.store(&slots_[0]);
  }
  void* alloc() noexcept {
    node* n = head_.load(std::memory_order_acquire);
    while (n != nullptr && !head_.compare_exchange_weak(n, n->next, std::memory_order_acquire)) {
    }
    return n;
  }
  void free(void* p) noexcept {
    node* n = static_cast<node*>(p);
    node* h = head_.load(std::memory_order_relaxed);
    do {
      n->next = h;
    } while (!head_.compare_exchange_weak(h, n, std::memory_order_release, std::memory_order_relaxed));
  }

 private:
  union node {
    node* next;
    object obj;
  };
  node slots_[batch];
  std::atomic<node*> head_{nullptr};
};

struct malloc_adapter {
  void* alloc() noexcept { return std::malloc(sizeof(object)); }
  void free(void* p) noexcept { std::free(p); }
};

#if defined(HEAPLESS_BENCH_GLIBC_RAW)
struct glibc_adapter {
  void* alloc() noexcept { return __libc_malloc(sizeof(object)); }
  void free(void* p) noexcept { __libc_free(p); }
};
#endif

struct new_delete_adapter {
  void* alloc() { return new object; }
  void free(void* p) noexcept { delete static_cast<object*>(p); }
};

#if HEAPLESS_BENCH_HAS_BOOST
struct boost_pool_adapter {
  boost::pool<> pool{sizeof(object)};
  void* alloc() { return pool.malloc(); }
  void free(void* p) { pool.free(p); }
};
struct boost_object_pool_adapter {
  boost::object_pool<object> pool;
  void* alloc() { return pool.malloc(); }
  void free(void* p) { pool.free(static_cast<object*>(p)); }
};
#endif

template <class Policy>
struct heapless_adapter {
  heapless::Pool<object, batch, Policy> pool;
  void* alloc() noexcept { return pool.try_allocate(); }
  void free(void* p) noexcept { pool.deallocate(p); }
};

struct heapless_box_adapter {
  using pool_t = heapless::Pool<object, batch, heapless::pool_policy::lock_free>;
  pool_t pool;
  pool_t::Box boxes[batch];
};

// ---- Workloads (noinline: one call = 1000 allocations + 1000 frees) ---------------

// A fixed pseudo-random permutation of 0..batch-1 (xorshift Fisher-Yates).
struct permutation {
  std::size_t index[batch];
  permutation() noexcept {
    for (std::size_t i = 0; i < batch; ++i) index[i] = i;
    std::uint32_t s = 0x9E3779B9u;
    for (std::size_t i = batch - 1; i > 0; --i) {
      s ^= s << 13;
      s ^= s >> 17;
      s ^= s << 5;
      const std::size_t j = s % (i + 1);
      const std::size_t t = index[i];
      index[i] = index[j];
      index[j] = t;
    }
  }
};
const permutation g_random;

template <class A>
HEAPLESS_NOINLINE void run_lifo(A& a) {
  for (std::size_t i = 0; i < batch; ++i) {
    void* p = a.alloc();
    static_cast<object*>(p)->words[0] = i;  // touch the object
    benchmark::DoNotOptimize(p);
    a.free(p);
  }
}

enum class order { allocation, reverse, random };

template <order O, class A>
HEAPLESS_NOINLINE void run_batch(A& a, void** ptrs) {
  for (std::size_t i = 0; i < batch; ++i) {
    void* p = a.alloc();
    static_cast<object*>(p)->words[0] = i;
    ptrs[i] = p;
  }
  benchmark::ClobberMemory();
  for (std::size_t i = 0; i < batch; ++i) {
    const std::size_t k = O == order::allocation ? i : O == order::reverse ? batch - 1 - i : g_random.index[i];
    a.free(ptrs[k]);
  }
}

HEAPLESS_NOINLINE void run_lifo_box(heapless_box_adapter& a) {
  for (std::size_t i = 0; i < batch; ++i) {
    auto b = a.pool.try_make();
    b->words[0] = i;
    benchmark::DoNotOptimize(b.get());
  }
}

template <order O>
HEAPLESS_NOINLINE void run_batch_box(heapless_box_adapter& a) {
  for (std::size_t i = 0; i < batch; ++i) {
    a.boxes[i] = a.pool.try_make();
    a.boxes[i]->words[0] = i;
  }
  benchmark::ClobberMemory();
  for (std::size_t i = 0; i < batch; ++i) {
    const std::size_t k = O == order::allocation ? i : O == order::reverse ? batch - 1 - i : g_random.index[i];
    a.boxes[k].reset();
  }
}

// Adapters are static (a pool of 1000 x 32 bytes does not belong on the stack)
// and warmed up once, so growth of boost::pool/malloc arenas is not measured.
template <class A>
A& instance() {
  static A* a = [] {
    static A storage;
    void* ptrs[batch];
    run_batch<order::reverse>(storage, ptrs);
    return &storage;
  }();
  return *a;
}
template <>
heapless_box_adapter& instance<heapless_box_adapter>() {
  static heapless_box_adapter a;
  return a;
}

template <class A>
void Lifo(benchmark::State& state) {
  A& a = instance<A>();
  for (auto _ : state) run_lifo(a);
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(batch));
}

template <class A, order O>
void Batch(benchmark::State& state) {
  A& a = instance<A>();
  static void* ptrs[batch];
  for (auto _ : state) run_batch<O>(a, ptrs);
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(batch));
}

void Lifo_heapless_box(benchmark::State& state) {
  auto& a = instance<heapless_box_adapter>();
  for (auto _ : state) run_lifo_box(a);
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(batch));
}

template <order O>
void Batch_heapless_box(benchmark::State& state) {
  auto& a = instance<heapless_box_adapter>();
  for (auto _ : state) run_batch_box<O>(a);
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(batch));
}

using lf = heapless_adapter<heapless::pool_policy::lock_free>;
using st = heapless_adapter<heapless::pool_policy::single_thread>;

#define HEAPLESS_BENCH_ALL(A, label)                                                        \
  BENCHMARK_TEMPLATE(Lifo, A)->Name("Lifo/" label);                                         \
  BENCHMARK_TEMPLATE(Batch, A, order::allocation)->Name("FreeInOrder/" label);              \
  BENCHMARK_TEMPLATE(Batch, A, order::reverse)->Name("FreeReverse/" label);                 \
  BENCHMARK_TEMPLATE(Batch, A, order::random)->Name("FreeRandom/" label)

HEAPLESS_BENCH_ALL(free_list, "free_list");
HEAPLESS_BENCH_ALL(cas_free_list, "cas_floor");
HEAPLESS_BENCH_ALL(malloc_adapter, "malloc");
#if defined(HEAPLESS_BENCH_GLIBC_RAW)
HEAPLESS_BENCH_ALL(glibc_adapter, "glibc_malloc");
#endif
HEAPLESS_BENCH_ALL(new_delete_adapter, "new_delete");
#if HEAPLESS_BENCH_HAS_BOOST
HEAPLESS_BENCH_ALL(boost_pool_adapter, "boost_pool");
HEAPLESS_BENCH_ALL(boost_object_pool_adapter, "object_pool");
#endif
HEAPLESS_BENCH_ALL(lf, "heapless_lf");
HEAPLESS_BENCH_ALL(st, "heapless_st");
BENCHMARK(Lifo_heapless_box)->Name("Lifo/heapless_box");
BENCHMARK_TEMPLATE(Batch_heapless_box, order::allocation)->Name("FreeInOrder/heapless_box");
BENCHMARK_TEMPLATE(Batch_heapless_box, order::reverse)->Name("FreeReverse/heapless_box");
BENCHMARK_TEMPLATE(Batch_heapless_box, order::random)->Name("FreeRandom/heapless_box");

}  // namespace
