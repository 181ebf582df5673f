// mpmc_test.cpp - mpmc::Queue on one thread, under each policy (lock_free
// where the target has a CAS, critical_section with a counting lock,
// single_thread, and the automatic choice): the FIFO contract, exactly-N
// capacity for any N, stamp arithmetic across the sequence word's wrap, every
// member, failure and exception behaviour, the element matrix, lifetime
// counting (including queues destroyed non-empty), and a random differential
// against a model. Concurrency is proven in mpmc_stress_test.cpp.
#include <heapless/mpmc.hpp>

#include <cstddef>
#include <cstdint>
#include <type_traits>
#include <utility>

#include "support/ops/queue_ops.hpp"
#include "support/ops/test_env.hpp"
#include "support/locks.hpp"
#include "support/test.hpp"

namespace {

namespace pool_policy = heapless::pool_policy;
using heapless::mpmc::Queue;
using heapless::test::counted;
using heapless::test::make;
using heapless::test::move_only;
using heapless::test::overaligned;
using heapless::test::trivial;
using heapless::test::value_of;

using heapless::test::counting_lock;
using heapless::test::void_lock;
using counting_cs = pool_policy::critical_section<counting_lock>;


// lock_free where this target can compile it, else single_thread again (the
// test bodies are templates, so the lock_free queue is never instantiated on
// a core without CAS).
using lock_free_or_st = std::conditional_t<heapless::mpmc::lock_free_available, pool_policy::lock_free,
                                           pool_policy::single_thread>;

// Fills and drains q through `rounds` cycles with varying fill levels,
// checking FIFO order, exactly-N capacity and the snapshots each time.
template <std::size_t N, class Policy>
void cycle_check(std::size_t rounds) {
  static Queue<int, N, Policy> q;  // static: big capacities stay off the stack
  int next_in = 0;
  int next_out = 0;
  bool ok = q.empty() && !q.full() && q.size() == 0;
  {
    HEAPLESS_NO_ALLOC_SCOPE;
    for (std::size_t r = 0; r < rounds && ok; ++r) {
      const std::size_t fill = (r % 3 == 0) ? N : 1 + r % N;
      for (std::size_t i = 0; i < fill; ++i) ok = ok && q.try_push(next_in++);
      if (fill == N) ok = ok && !q.try_push(-1) && q.full() && q.size() == N;
      ok = ok && q.size() == fill && !q.empty();
      for (std::size_t i = 0; i < fill; ++i) {
        auto v = q.try_pop();
        ok = ok && v && *v == next_out++;
      }
      ok = ok && q.empty() && q.size() == 0 && !q.try_pop();
    }
  }
  CAPTURE(N);
  CHECK(ok);
  CHECK(next_in == next_out);
}

template <class Policy>
void capacities(std::size_t rounds) {
  cycle_check<1, Policy>(rounds);
  cycle_check<2, Policy>(rounds);
  cycle_check<3, Policy>(rounds);
  cycle_check<4, Policy>(rounds);
  cycle_check<5, Policy>(rounds);
  cycle_check<7, Policy>(rounds);
  cycle_check<8, Policy>(rounds);
  cycle_check<63, Policy>(rounds / 4);
  cycle_check<64, Policy>(rounds / 4);
  cycle_check<100, Policy>(rounds / 4);
  cycle_check<128, Policy>(rounds / 8);
  cycle_check<129, Policy>(rounds / 8);
}

// The single-item API, failures, and the snapshots, for one policy.
template <class Policy>
void api_check() {
  HEAPLESS_LIFETIME_CHECK;
  Queue<counted, 3, Policy> q;
  CHECK(q.capacity() == 3);
  CHECK(q.max_size() == 3);
  CHECK(q.try_push(counted(1)));  // rvalue
  const counted two(2);
  CHECK(q.try_push(two));         // lvalue copy
  CHECK(two.get() == 2);
  CHECK(q.try_emplace(3));        // in place
  CHECK(q.full());
  CHECK(q.size() == 3);
  counted rejected(4);
  CHECK_FALSE(q.try_push(std::move(rejected)));
  CHECK(rejected.get() == 4);  // not moved from
  CHECK_FALSE(q.try_push(rejected));
  CHECK_FALSE(q.try_emplace(5));
  auto a = q.try_pop();
  REQUIRE(a);
  CHECK(a->get() == 1);
  counted out(0);
  CHECK(q.try_pop(out));
  CHECK(out.get() == 2);
  CHECK(q.size() == 1);
  CHECK(q.try_push(counted(6)));
  CHECK(q.try_pop(out));
  CHECK(out.get() == 3);
  auto b = q.try_pop();
  REQUIRE(b);
  CHECK(b->get() == 6);
  CHECK(q.empty());
  CHECK_FALSE(q.try_pop());
  out = counted(7);
  CHECK_FALSE(q.try_pop(out));
  CHECK(out.get() == 7);  // untouched
}

// Every element type through every form; lifetimes must balance.
template <class Policy>
void matrix_check() {
  heapless::test::for_each_type<trivial, counted, move_only, overaligned>([](auto tag) {
    using T = typename decltype(tag)::type;
    HEAPLESS_NO_ALLOC_SCOPE;
    HEAPLESS_LIFETIME_CHECK;
    Queue<T, 3, Policy> q;
    bool ok = true;
    int in = 0;
    int out = 0;
    for (int round = 0; round < 20; ++round) {
      T v = make<T>(in++);
      ok = ok && q.try_push(std::move(v));
      if constexpr (std::is_copy_constructible_v<T>) {
        const T c = make<T>(in++);
        ok = ok && q.try_push(c);
      } else {
        ok = ok && q.try_emplace(in++);
      }
      ok = ok && q.try_emplace(make<T>(in++));
      T extra = make<T>(-1);
      ok = ok && !q.try_push(std::move(extra)) && value_of(extra) == -1;
      auto first = q.try_pop();
      ok = ok && first && value_of(*first) == out++;
      T dst = make<T>(0);
      ok = ok && q.try_pop(dst) && value_of(dst) == out++;
      if (round % 2 == 0) {  // leave one in on odd rounds, so positions drift
        auto third = q.try_pop();
        ok = ok && third && value_of(*third) == out++;
      } else {
        ok = ok && q.size() == 1;
        auto third = q.try_pop();
        ok = ok && third && value_of(*third) == out++;
      }
    }
    ok = ok && q.try_emplace(make<T>(100)) && q.try_emplace(make<T>(101));  // destroyed by ~Queue
    CHECK(ok);
  });
}

// Queues destroyed holding elements, at every ring position.
template <class Policy>
void destructor_check() {
  HEAPLESS_LIFETIME_CHECK;
  for (int shift = 0; shift < 6; ++shift) {
    for (int left = 0; left <= 5; ++left) {
      const long destroyed = heapless::test::counters().destroyed.load();
      {
        Queue<counted, 5, Policy> q;
        for (int i = 0; i < shift; ++i) {
          CHECK(q.try_emplace(i));
          const bool popped = q.try_pop().has_value();  // the optional's element dies here
          CHECK(popped);
        }
        for (int i = 0; i < left; ++i) CHECK(q.try_emplace(i));
        CHECK(q.size() == static_cast<std::size_t>(left));
      }
      // Each popped element: the one in the slot and the one in the optional.
      CHECK(heapless::test::counters().destroyed.load() - destroyed == 2 * shift + left);
    }
  }
}

// A random sequence of pushes and pops against a FIFO model
// (support/ops/queue_ops.hpp: the operations of fuzz/mpmc_fuzz.cpp).
template <class T, std::size_t N, class Policy>
void differential(std::uint64_t seed, long steps) {
  namespace queue_ops = heapless::test::queue_ops;
  using heapless::test::ops::test_env;
  HEAPLESS_LIFETIME_CHECK;
  static Queue<T, N, Policy> q;
  queue_ops::model m;
  {
    HEAPLESS_NO_ALLOC_SCOPE;
    heapless::test::ops::run_steps(seed, steps, [&](heapless::test::rng& r) {
      queue_ops::apply_fifo_op<test_env>(m, q, r.below(queue_ops::fifo_op_count), r);
      queue_ops::compare<test_env>(m, q);
    });
    while (q.try_pop()) {  // leave the static queue empty (lifetime check)
    }
  }
  CAPTURE(N);
  m.fifo.clear();
  m.fifo.shrink_to_fit();
}

template <class Policy>
void differentials(long steps) {
  differential<int, 1, Policy>(1, steps / 4);
  differential<int, 3, Policy>(2, steps);
  differential<int, 8, Policy>(3, steps);
  differential<trivial, 5, Policy>(4, steps / 2);
  differential<counted, 6, Policy>(5, steps / 2);
}

#if HEAPLESS_HAS_EXCEPTIONS
// Constructing from an int throws when asked; moving never throws.
struct throws_on_make {
  static bool& armed() noexcept {
    static bool a = false;
    return a;
  }
  explicit throws_on_make(int v) : c(v) {
    if (armed()) throw heapless::test::test_exception{v};
  }
  throws_on_make(throws_on_make&&) noexcept = default;
  throws_on_make& operator=(throws_on_make&& o) {
    if (armed()) throw heapless::test::test_exception{o.c.get()};
    c = std::move(o.c);
    return *this;
  }
  counted c;
};
#endif

}  // namespace

// Every member of every variant compiles (the plain ring and the slot-word
// queue under each policy).
template class heapless::mpmc::Queue<int, 5, pool_policy::single_thread>;
template class heapless::mpmc::Queue<int, 5, counting_cs>;
template class heapless::mpmc::Queue<int, 6, lock_free_or_st>;  // (6: single_thread again on M0)
template class heapless::mpmc::Queue<counted, 5, pool_policy::single_thread>;
template class heapless::mpmc::Queue<counted, 5, counting_cs>;
template class heapless::mpmc::Queue<counted, 6, lock_free_or_st>;
template class heapless::mpmc::Queue<std::uint64_t, 7>;

// ---- Layout and traits -------------------------------------------------------

TEST_CASE("mpmc: layout, traits, constant initialisation", "[mpmc][layout]") {
  using Q = Queue<std::uint32_t, 16, pool_policy::single_thread>;
  STATIC_REQUIRE(Q::capacity() == 16);
  STATIC_REQUIRE(std::is_nothrow_default_constructible_v<Q>);
  STATIC_REQUIRE(!std::is_copy_constructible_v<Q>);
  STATIC_REQUIRE(!std::is_copy_assignable_v<Q>);
  STATIC_REQUIRE(!std::is_move_constructible_v<Q>);
  STATIC_REQUIRE(std::is_trivially_destructible_v<Q>);
  STATIC_REQUIRE(!std::is_trivially_destructible_v<Queue<counted, 4, pool_policy::single_thread>>);
  STATIC_REQUIRE(std::is_same_v<Q::value_type, std::uint32_t>);
  STATIC_REQUIRE(std::is_same_v<Q::size_type, std::size_t>);
  // Locked policies: the smallest word holding 2P - 1 (P = pow2 >= max(N, 2)).
  STATIC_REQUIRE(std::is_same_v<Queue<int, 1, pool_policy::single_thread>::sequence_type, std::uint8_t>);
  STATIC_REQUIRE(std::is_same_v<Queue<int, 128, counting_cs>::sequence_type, std::uint8_t>);
  STATIC_REQUIRE(std::is_same_v<Queue<int, 129, counting_cs>::sequence_type, std::uint16_t>);
  STATIC_REQUIRE(std::is_same_v<Queue<int, 32768, pool_policy::single_thread>::sequence_type, std::uint16_t>);
  STATIC_REQUIRE(std::is_same_v<Queue<int, 32769, pool_policy::single_thread>::sequence_type, std::uint32_t>);
  // lock_free: never narrower than 32 bits (see the header's wrap argument).
  STATIC_REQUIRE(sizeof(Queue<int, 4, lock_free_or_st>::sequence_type) >=
                 (heapless::mpmc::lock_free_available ? 4u : 1u));
  STATIC_REQUIRE(std::is_same_v<Queue<int, 4, counting_cs>::policy_type, counting_cs>);
#if HEAPLESS_CACHE_LINE == 0
  // Small trivially copyable elements under a lock: two positions and the
  // elements (a plain ring); otherwise N one-byte slot words in between.
  STATIC_REQUIRE(sizeof(Queue<std::uint8_t, 16, pool_policy::single_thread>) == 2 + 16);
  STATIC_REQUIRE(sizeof(Q) == 4 + 16 * 4);
  struct twelve {
    std::uint32_t w[3];
  };
  STATIC_REQUIRE(sizeof(Queue<twelve, 16, counting_cs>) == 2 + 16 + 2 + 16 * 12);
#else
  STATIC_REQUIRE(alignof(Queue<std::uint32_t, 16, lock_free_or_st>) == HEAPLESS_CACHE_LINE);
  STATIC_REQUIRE(sizeof(Q) == 4 + 16 * 4);  // a plain ring under a lock: no padding
  STATIC_REQUIRE(sizeof(Queue<std::uint64_t, 1024, lock_free_or_st>) % HEAPLESS_CACHE_LINE == 0);
#endif
  STATIC_REQUIRE(alignof(Queue<overaligned, 2, pool_policy::single_thread>) >= 64);
  // noexcept: pops always (T's move may not throw); pushes follow T.
  STATIC_REQUIRE(noexcept(std::declval<Q&>().try_push(1u)));
  STATIC_REQUIRE(noexcept(std::declval<Q&>().try_pop()));
  STATIC_REQUIRE(noexcept(std::declval<Q&>().size()));
}

TEST_CASE("mpmc: the automatic policy", "[mpmc][layout]") {
  using A = Queue<int, 4>::policy_type;
#if defined(__ARM_ARCH_PROFILE) && !defined(__GCC_HAVE_SYNC_COMPARE_AND_SWAP_4)
  STATIC_REQUIRE(std::is_same_v<A, pool_policy::critical_section<pool_policy::interrupt_mask>>);
#else
  STATIC_REQUIRE(std::is_same_v<A, pool_policy::lock_free>);
#endif
  static Queue<int, 4> q;  // constant-initialised, usable at once
  CHECK(q.empty());
  CHECK(q.try_push(1));
  CHECK(q.try_push(2));
  CHECK(q.size() == 2);
  CHECK(*q.try_pop() == 1);
  CHECK(*q.try_pop() == 2);
  CHECK(!q.try_pop());
}

// ---- Stamp arithmetic ----------------------------------------------------------

TEST_CASE("mpmc: stamps wrap with the sequence word", "[mpmc][capacity]") {
  // N = 3 in bytes: P = 4, laps of 4 stamps, 3 used; 256 wraps to lap 0.
  using s3 = heapless::mpmc::detail::stamps<3, std::uint8_t>;
  STATIC_REQUIRE(s3::P == 4);
  STATIC_REQUIRE(s3::next(0) == 1);
  STATIC_REQUIRE(s3::next(2) == 4);
  STATIC_REQUIRE(s3::next(254) == 0);  // index 2 of the last lap: wraps
  STATIC_REQUIRE(s3::index(253) == 1);
  STATIC_REQUIRE(s3::lap(253) == 252);
  STATIC_REQUIRE(s3::count(252, 1) == 3);  // 252, 253, 254 | 0
  STATIC_REQUIRE(s3::count(253, 0) == 2);
  STATIC_REQUIRE(s3::count(1, 1) == 0);
  STATIC_REQUIRE(s3::count(4, 0) == 0);  // crossed snapshots clamp to 0
  STATIC_REQUIRE(s3::full(252, 0));        // 252, 253, 254 queued: index 0 twice
  STATIC_REQUIRE(!s3::full(253, 0));
  STATIC_REQUIRE(!s3::full(0, 0));
  STATIC_REQUIRE(s3::diff(0, 252) == 4);
  STATIC_REQUIRE(s3::diff(252, 0) == -4);
  // Powers of two: plain counters.
  using s4 = heapless::mpmc::detail::stamps<4, std::uint32_t>;
  STATIC_REQUIRE(s4::next(0xFFFFFFFFu) == 0);
  STATIC_REQUIRE(s4::count(0xFFFFFFFEu, 2) == 4);
  STATIC_REQUIRE(s4::count(0xFFFFFFFEu, 9) == 4);  // clamped to N
  STATIC_REQUIRE(s4::count(5, 3) == 0);            // crossed snapshots
  STATIC_REQUIRE(s4::full(0xFFFFFFFEu, 2));
  STATIC_REQUIRE(!s4::full(0xFFFFFFFEu, 1));
  // N = 1: P = 2, so "full for lap L" (L + 1) differs from "free for L + 2".
  using s1 = heapless::mpmc::detail::stamps<1, std::uint64_t>;
  STATIC_REQUIRE(s1::P == 2);
  STATIC_REQUIRE(s1::next(0) == 2);
  STATIC_REQUIRE(s1::next(0xFFFFFFFFFFFFFFFEull) == 0);
  STATIC_REQUIRE(s1::count(0xFFFFFFFFFFFFFFFEull, 0) == 1);
}

// ---- Capacity and FIFO ---------------------------------------------------------

TEST_CASE("mpmc: holds exactly N, FIFO, wraps around (single_thread)", "[mpmc][capacity]") {
  // 1000 rounds wrap the one-byte words of the small capacities many times.
  capacities<pool_policy::single_thread>(static_cast<std::size_t>(heapless::test::scaled(1000)));
}

TEST_CASE("mpmc: holds exactly N, FIFO, wraps around (critical_section)", "[mpmc][capacity]") {
  const long before = counting_lock::entries();
  capacities<counting_cs>(static_cast<std::size_t>(heapless::test::scaled(400)));
  CHECK(counting_lock::entries() > before);
  CHECK(counting_lock::depth() == 0);
  cycle_check<6, pool_policy::critical_section<void_lock>>(50);
}

TEST_CASE("mpmc: holds exactly N, FIFO, wraps around (lock_free)", "[mpmc][capacity]") {
  capacities<lock_free_or_st>(static_cast<std::size_t>(heapless::test::scaled(400)));
}

// ---- Members, failures ---------------------------------------------------------

TEST_CASE("mpmc: every member, full and empty failures", "[mpmc][api]") {
  api_check<pool_policy::single_thread>();
  api_check<counting_cs>();
  api_check<lock_free_or_st>();
  CHECK(counting_lock::depth() == 0);
}

TEST_CASE("mpmc: try_emplace with several arguments", "[mpmc][api]") {
  struct point {
    int x;
    long y;
    point(int a, long b) noexcept : x(a), y(b) {}
  };
  Queue<point, 2, lock_free_or_st> q;
  CHECK(q.try_emplace(1, 2L));
  CHECK(q.try_emplace(3, 4L));
  CHECK_FALSE(q.try_emplace(5, 6L));
  auto p = q.try_pop();
  REQUIRE(p);
  CHECK(p->x == 1);
  CHECK(p->y == 2);
}

#if HEAPLESS_HAS_EXCEPTIONS
TEST_CASE("mpmc: a throwing constructor claims nothing; a throwing assignment still drops", "[mpmc][exceptions]") {
  HEAPLESS_LIFETIME_CHECK;
  Queue<throws_on_make, 2, lock_free_or_st> q;
  STATIC_REQUIRE(!noexcept(q.try_emplace(1)));
  STATIC_REQUIRE(!noexcept(q.try_pop(std::declval<throws_on_make&>())));
  CHECK(q.try_emplace(1));
  throws_on_make::armed() = true;
  {
    heapless::test::allow_alloc_scope allow;  // the runtime allocates the exception object
    CHECK_THROWS_AS(q.try_emplace(2), heapless::test::test_exception);
  }
  throws_on_make::armed() = false;
  CHECK(q.size() == 1);  // nothing claimed
  throws_on_make dst(0);
  throws_on_make::armed() = true;
  {
    heapless::test::allow_alloc_scope allow;
    CHECK_THROWS_AS((void)q.try_pop(dst), heapless::test::test_exception);
  }
  throws_on_make::armed() = false;
  CHECK(q.empty());  // the element was destroyed and its slot released
  CHECK(q.try_emplace(3));
  CHECK(q.try_emplace(4));
  CHECK(q.full());
  CHECK(q.try_pop(dst));
  CHECK(dst.c.get() == 3);
}
#endif

// ---- Element matrix and lifetimes ---------------------------------------------

TEST_CASE("mpmc: the element matrix through every form", "[mpmc][matrix]") {
  matrix_check<pool_policy::single_thread>();
  matrix_check<counting_cs>();
  matrix_check<lock_free_or_st>();
}

TEST_CASE("mpmc: the destructor destroys what is left", "[mpmc][lifetime]") {
  destructor_check<pool_policy::single_thread>();
  destructor_check<counting_cs>();
  destructor_check<lock_free_or_st>();
}

// ---- Differential ----------------------------------------------------------------

TEST_CASE("mpmc: differential test against a model", "[mpmc][differential]") {
  const long steps = heapless::test::scaled(60000);
  differentials<pool_policy::single_thread>(steps);
  differentials<counting_cs>(steps);
  differentials<lock_free_or_st>(steps);
}
