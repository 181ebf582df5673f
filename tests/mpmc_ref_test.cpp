// mpmc_ref_test.cpp - heapless::mpmc::QueueRef<T, Policy>: one non-template
// function pushes into, or pops from, mpmc::Queues of any capacity. Every
// member goes through the view under each policy (lock_free where the target
// has a CAS, critical_section with a counting lock, single_thread) and every
// layout (slot words of one, two or more bytes, the plain ring), for
// power-of-two and other N across many laps; the owner and the view see one
// queue; the element matrix keeps its lifetimes; and two producer and two
// consumer threads, each a plain function taking a view, move numbered items
// with nothing lost or duplicated and each producer's items in order.
#include <heapless/mpmc.hpp>

#include <cstddef>
#include <cstdint>
#include <type_traits>
#include <utility>

#include "support/locks.hpp"
#include "support/test.hpp"

#if !(defined(__ARM_ARCH_PROFILE) && __ARM_ARCH_PROFILE == 'M')
#define MPMC_REF_THREADS 1
#include <atomic>  // the thread test's start flag
#include <thread>  // the two-thread test (hosts)
#endif

namespace {

namespace pool_policy = heapless::pool_policy;
using heapless::mpmc::Queue;
using heapless::mpmc::QueueRef;
using heapless::test::counted;
using heapless::test::make;
using heapless::test::move_only;
using heapless::test::overaligned;
using heapless::test::trivial;
using heapless::test::value_of;
using counting_cs = pool_policy::critical_section<heapless::test::counting_lock>;
using lock_free_or_st = std::conditional_t<heapless::mpmc::lock_free_available, pool_policy::lock_free,
                                           pool_policy::single_thread>;

// Not templates: each serves every capacity.
int produce(QueueRef<int, lock_free_or_st> q, int from, int to) {
  int added = 0;
  for (int i = from; i < to; ++i) {
    if (!q.try_push(i)) break;
    ++added;
  }
  return added;
}
long consume(QueueRef<int, lock_free_or_st> q) {
  long s = 0;
  int x = 0;
  while (q.try_pop(x)) s += x;
  return s;
}

// Every member through the view, many laps (stamps wrap the narrow words).
template <class T, class Policy>
bool workout(QueueRef<T, Policy> q, int laps) {
  const std::size_t n = q.capacity();
  int next_in = 0, next_out = 0;
  bool ok = q.empty() && !q.full() && q.size() == 0 && q.max_size() == n;
  for (int lap = 0; lap < laps && ok; ++lap) {
    const std::size_t fill = lap % 3 == 0 ? n : 1 + static_cast<std::size_t>(lap) % n;
    for (std::size_t i = 0; i < fill; ++i) {
      const T v = make<T>(next_in++);
      ok = ok && (i % 2 == 0 ? q.try_push(v) : q.try_emplace(v));
    }
    if (fill == n) {
      T extra = make<T>(-1);
      ok = ok && !q.try_push(std::move(extra)) && q.full() && q.size() == n;
    }
    ok = ok && q.size() == fill;
    for (std::size_t i = 0; i < fill; ++i) {
      if (i % 2 == 0) {
        auto v = q.try_pop();
        ok = ok && v && value_of(*v) == next_out++;
      } else {
        T v = make<T>(0);
        ok = ok && q.try_pop(v) && value_of(v) == next_out++;
      }
    }
    ok = ok && q.empty() && !q.try_pop().has_value();
  }
  return ok;
}

}  // namespace

// Forces every shared member to compile for the view.
template class heapless::mpmc::QueueRef<int, pool_policy::single_thread>;
template class heapless::mpmc::QueueRef<counted, counting_cs>;
template class heapless::mpmc::QueueRef<counted, lock_free_or_st>;

TEST_CASE("mpmc::QueueRef: one non-template function serves every capacity", "[mpmc][mpmc_ref]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  Queue<int, 4, lock_free_or_st> small;
  static Queue<int, 300, lock_free_or_st> large;
  Queue<int, 256, lock_free_or_st> pow2;
  CHECK(produce(small, 0, 10) == 4);
  CHECK(small.full());
  CHECK(produce(large, 0, 500) == 300);
  CHECK(produce(pow2, 0, 500) == 256);
  CHECK(consume(small) == 0 + 1 + 2 + 3);
  CHECK(consume(large) == 299L * 300 / 2);
  CHECK(consume(pow2) == 255L * 256 / 2);
  CHECK(small.empty());
  CHECK(QueueRef<int, lock_free_or_st>(large).capacity() == 300);
  // Pointers to the queue's positions and slots, N, and a word for P (or
  // N - 1) and the sequence type: 32 bytes on 64-bit hosts, 20 on Cortex-M.
  CHECK(sizeof(QueueRef<int, lock_free_or_st>) == 3 * sizeof(void*) + 8);
  CHECK(sizeof(QueueRef<int, counting_cs>) == 3 * sizeof(void*) + 8);
  static_assert(std::is_copy_constructible_v<QueueRef<int>>);
  static_assert(std::is_same_v<QueueRef<int>::policy_type, Queue<int, 4>::policy_type>);
  // The owner and the view see one queue.
  QueueRef<int, lock_free_or_st> r = small;
  CHECK(small.try_push(1));
  CHECK(r.try_push(2));
  CHECK(*r.try_pop() == 1);
  CHECK(*small.try_pop() == 2);
}

TEST_CASE("mpmc::QueueRef: every member, every policy and layout, many laps", "[mpmc][mpmc_ref]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  // Slot words: one byte (N <= 128 under a lock), two bytes, wide (lock-free).
  static Queue<counted, 1, counting_cs> c1;
  static Queue<counted, 5, counting_cs> c5;
  static Queue<counted, 128, counting_cs> c128;
  static Queue<counted, 200, pool_policy::single_thread> c200;
  for (QueueRef<counted, counting_cs> r : {QueueRef<counted, counting_cs>(c1), QueueRef<counted, counting_cs>(c5),
                                           QueueRef<counted, counting_cs>(c128)}) {
    CHECK(workout(r, 600));
  }
  CHECK(workout(QueueRef<counted, pool_policy::single_thread>(c200), 300));
  // Lock-free: N a power of two (stamps are plain counters: the view's
  // inline path) and not (its out-of-line path; N = 1 has P = 2).
  static Queue<counted, 1, lock_free_or_st> l1;
  static Queue<counted, 2, lock_free_or_st> l2;
  static Queue<counted, 3, lock_free_or_st> l3;
  static Queue<counted, 64, lock_free_or_st> l64;
  CHECK(workout(QueueRef<counted, lock_free_or_st>(l1), 600));
  CHECK(workout(QueueRef<counted, lock_free_or_st>(l2), 600));
  CHECK(workout(QueueRef<counted, lock_free_or_st>(l3), 600));
  CHECK(workout(QueueRef<counted, lock_free_or_st>(l64), 300));
  static Queue<std::uint32_t, 3, lock_free_or_st> t3;
  static Queue<std::uint32_t, 8, lock_free_or_st> t8;
  CHECK(workout(QueueRef<std::uint32_t, lock_free_or_st>(t3), 600));
  CHECK(workout(QueueRef<std::uint32_t, lock_free_or_st>(t8), 600));
  // The plain ring (a small trivially copyable T under a lock): no slot words.
  static Queue<std::uint32_t, 3, counting_cs> p3;
  static Queue<std::uint32_t, 1000, pool_policy::single_thread> p1000;
  CHECK(workout(QueueRef<std::uint32_t, counting_cs>(p3), 600));
  CHECK(workout(QueueRef<std::uint32_t, pool_policy::single_thread>(p1000), 30));
  CHECK(c1.empty());
  CHECK(p3.empty());
}

TEST_CASE("mpmc::QueueRef: the automatic policy and single_thread, every kind of N", "[mpmc][mpmc_ref]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  // (Locals: a static of a type with a destructor registers it at exit,
  // which may allocate.)
  // automatic: lock_free on hosts, critical_section<interrupt_mask> on
  // Cortex-M0. N = 1 (P = 2), 2 (N == P), 3, 4 and 20.
  Queue<counted, 1> a1;
  Queue<counted, 2> a2;
  Queue<counted, 3> a3;
  Queue<counted, 4> a4;
  Queue<counted, 20> a20;
  for (QueueRef<counted> r : {QueueRef<counted>(a1), QueueRef<counted>(a2), QueueRef<counted>(a3),
                              QueueRef<counted>(a4), QueueRef<counted>(a20)}) {
    CHECK(workout(r, 450));
  }
  Queue<std::uint32_t, 1> b1;
  Queue<std::uint32_t, 4> b4;
  Queue<std::uint32_t, 5> b5;
  for (QueueRef<std::uint32_t> r : {QueueRef<std::uint32_t>(b1), QueueRef<std::uint32_t>(b4),
                                    QueueRef<std::uint32_t>(b5)}) {
    CHECK(workout(r, 600));
  }
  // single_thread: slot words (counted) and the plain ring, N == P and not.
  Queue<counted, 1, pool_policy::single_thread> s1;
  Queue<counted, 8, pool_policy::single_thread> s8;
  Queue<counted, 9, pool_policy::single_thread> s9;
  for (QueueRef<counted, pool_policy::single_thread> r :
       {QueueRef<counted, pool_policy::single_thread>(s1), QueueRef<counted, pool_policy::single_thread>(s8),
        QueueRef<counted, pool_policy::single_thread>(s9)}) {
    CHECK(workout(r, 600));
  }
  Queue<std::uint16_t, 1, pool_policy::single_thread> r1;
  Queue<std::uint16_t, 16, pool_policy::single_thread> r16;
  CHECK(workout(QueueRef<std::uint16_t, pool_policy::single_thread>(r1), 600));
  CHECK(workout(QueueRef<std::uint16_t, pool_policy::single_thread>(r16), 600));
  // The owner and the view alternate on one queue.
  QueueRef<counted> v = a3;
  for (int i = 0; i < 50; ++i) {
    CHECK(a3.try_push(make<counted>(i)));
    CHECK(v.try_push(make<counted>(i + 1)));
    CHECK(value_of(*v.try_pop()) == i);
    CHECK(value_of(*a3.try_pop()) == i + 1);
  }
  CHECK(a3.empty());
}

TEST_CASE("mpmc::QueueRef: the element matrix through the view", "[mpmc][mpmc_ref][matrix]") {
  // N = 5 and N = 4: a power of two takes the lock-free view's other path.
  auto run_n = [](auto tag, auto n_tag) {
    using T = typename decltype(tag)::type;
    constexpr std::size_t N = decltype(n_tag)::value;
    constexpr int n = static_cast<int>(N);
    HEAPLESS_LIFETIME_CHECK;
    HEAPLESS_NO_ALLOC_SCOPE;
    {
      Queue<T, N, lock_free_or_st> q;
      QueueRef<T, lock_free_or_st> r = q;
      for (int lap = 0; lap < 3; ++lap) {
        for (int i = 0; i < n; ++i) CHECK(r.try_emplace(make<T>(10 * lap + i)));
        T extra = make<T>(99);
        CHECK_FALSE(r.try_push(std::move(extra)));
        CHECK(value_of(extra) == 99);  // not moved from when full
        for (int i = 0; i < n; ++i) {
          auto v = r.try_pop();
          REQUIRE(v.has_value());
          CHECK(value_of(*v) == 10 * lap + i);
          CHECK(reinterpret_cast<std::uintptr_t>(&*v) % alignof(T) == 0);
        }
      }
      CHECK(r.try_emplace(make<T>(7)));
      T out = make<T>(0);
      CHECK(r.try_pop(out));
      CHECK(value_of(out) == 7);
      CHECK_FALSE(r.try_pop(out));
      CHECK(value_of(out) == 7);  // untouched when empty
      CHECK(r.try_emplace(make<T>(8)));  // left queued: the queue's destructor destroys it
    }
  };
  auto run = [&](auto tag) {
    run_n(tag, std::integral_constant<std::size_t, 5>{});
    run_n(tag, std::integral_constant<std::size_t, 4>{});
  };
  heapless::test::for_each_type<trivial, counted, move_only, overaligned>(run);
}

#if MPMC_REF_THREADS
namespace {
constexpr std::uint64_t kPerProducer = 20000;
// Each item: producer number in the top bits, its sequence number below.
void producer_side(QueueRef<std::uint64_t, lock_free_or_st> q, std::uint64_t id, const std::atomic<bool>& go) {
  while (!go.load(std::memory_order_acquire)) {
  }
  for (std::uint64_t i = 0; i < kPerProducer;) {
    if (q.try_push(id << 32 | i)) {
      ++i;
    } else {
      std::this_thread::yield();  // full: four threads may share fewer cores
    }
  }
}
// Counts what it took into seen[]; false when one producer's items came out of order.
bool consumer_side(QueueRef<std::uint64_t, lock_free_or_st> q, std::atomic<std::uint64_t>& taken,
                   std::uint8_t (&seen)[2][kPerProducer]) {
  std::uint64_t last[2] = {0, 0};
  bool first[2] = {true, true};
  bool ordered = true;
  while (taken.load(std::memory_order_relaxed) < 2 * kPerProducer) {
    std::uint64_t v = 0;
    if (!q.try_pop(v)) {
      std::this_thread::yield();  // empty: let a producer run
      continue;
    }
    taken.fetch_add(1, std::memory_order_relaxed);
    const std::uint64_t id = v >> 32, i = v & 0xFFFFFFFFu;
    if (id > 1 || i >= kPerProducer) return false;
    ++seen[id][i];  // each slot of seen[] is written by the one consumer that took the item
    if (!first[id] && i <= last[id]) ordered = false;  // one producer's items leave in its order
    first[id] = false;
    last[id] = i;
  }
  return ordered;
}
}  // namespace

TEST_CASE("mpmc::QueueRef: two producers and two consumers through views", "[mpmc][mpmc_ref][thread]") {
  if constexpr (std::is_same_v<lock_free_or_st, pool_policy::lock_free>) {
    static Queue<std::uint64_t, 8, lock_free_or_st> q8;
    static Queue<std::uint64_t, 100, lock_free_or_st> q100;
    for (QueueRef<std::uint64_t, lock_free_or_st> r :
         {QueueRef<std::uint64_t, lock_free_or_st>(q8), QueueRef<std::uint64_t, lock_free_or_st>(q100)}) {
      static std::uint8_t seen[2][2][kPerProducer];
      for (auto& by_consumer : seen)
        for (auto& by_producer : by_consumer)
          for (auto& s : by_producer) s = 0;
      std::atomic<bool> go{false};
      std::atomic<std::uint64_t> taken{0};
      bool ordered[2] = {false, false};
      std::thread threads[4] = {
          std::thread([&] { producer_side(r, 0, go); }), std::thread([&] { producer_side(r, 1, go); }),
          std::thread([&] { ordered[0] = consumer_side(r, taken, seen[0]); }),
          std::thread([&] { ordered[1] = consumer_side(r, taken, seen[1]); })};
      go.store(true, std::memory_order_release);
      for (auto& t : threads) t.join();
      CHECK(ordered[0]);
      CHECK(ordered[1]);
      bool each_once = true;
      for (std::size_t p = 0; p < 2; ++p)
        for (std::size_t i = 0; i < kPerProducer; ++i) each_once = each_once && seen[0][p][i] + seen[1][p][i] == 1;
      CHECK(each_once);
      CHECK(r.empty());
    }
  }
}
#endif
