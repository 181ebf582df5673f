// pool_test.cpp - Pool<T, N>: construction, the three API levels, Box
// semantics, every policy, the element matrix, debug checks, ASan poisoning,
// and a long random differential test against a reference set of live slots.
#include "support/ops/pool_ops.hpp"
#include "support/ops/test_env.hpp"
#include "support/rng.hpp"
#include "support/locks.hpp"
#include "support/test.hpp"

#include <heapless/pool.hpp>

#include <cstddef>      // std::size_t
#include <cstdint>      // std::uintptr_t, std::uint32_t
#include <cstring>      // std::memset
#include <new>          // placement new of a pool over garbage
#include <set>          // reference model of live slots
#include <type_traits>  // std::conditional_t: the policy a core supports
#include <vector>       // reference model: live objects in allocation order

#if HEAPLESS_ASAN
#include <sanitizer/asan_interface.h>  // __asan_address_is_poisoned
#define HEAPLESS_TEST_POOL_POISON 1
#endif

using heapless::Pool;
using heapless::test::counted;
using heapless::test::counters;
using heapless::test::make;
using heapless::test::value_of;
namespace policy = heapless::pool_policy;

namespace {

struct msg32 {
  std::uint64_t stamp;
  std::uint32_t words[6];
};
static_assert(sizeof(msg32) == 32);

using heapless::test::counting_lock;
using heapless::test::void_lock;

// lock_free where the target has the CAS for it (not ARMv6-M), else a
// critical section: the same tests then run on every core.
using lock_free_or_cs = std::conditional_t<heapless::pool_lock_free_available<64>, policy::lock_free,
                                           policy::critical_section<counting_lock>>;

template <class P>
std::uintptr_t addr(const P* p) {
  return reinterpret_cast<std::uintptr_t>(p);
}

// Same checks for every policy: fill, exhaustion, free in three orders.
template <class PoolT>
void check_fill_and_orders(PoolT& pool) {
  constexpr std::size_t n = PoolT::capacity();
  using T = typename PoolT::value_type;
  T* items[n];
  for (int round = 0; round < 3; ++round) {
    REQUIRE(pool.available() == n);
    for (std::size_t i = 0; i < n; ++i) {
      items[i] = pool.try_create();
      REQUIRE(items[i] != nullptr);
      CHECK(addr(items[i]) % alignof(T) == 0);
      CHECK(pool.owns(items[i]));
      for (std::size_t j = 0; j < i; ++j) CHECK(items[j] != items[i]);
      CHECK(pool.available() == n - i - 1);
    }
    CHECK(pool.try_create() == nullptr);
    CHECK(pool.try_allocate() == nullptr);
    CHECK_FALSE(pool.try_make());
    CHECK(pool.available() == 0);
    if (round == 0) {
      for (std::size_t i = 0; i < n; ++i) pool.destroy(items[i]);  // allocation order
    } else if (round == 1) {
      for (std::size_t i = n; i-- > 0;) pool.destroy(items[i]);  // reverse
    } else {
      for (std::size_t i = 0; i < n; i += 2) pool.destroy(items[i]);  // odd/even interleave
      for (std::size_t i = 1; i < n; i += 2) pool.destroy(items[i]);
    }
  }
  CHECK(pool.available() == n);
}

}  // namespace

// ---- Layout and construction ---------------------------------------------------

TEST_CASE("pool: constexpr default construction, trivially destructible", "[pool][layout]") {
  STATIC_REQUIRE(std::is_nothrow_default_constructible_v<Pool<int, 4>>);
  STATIC_REQUIRE(std::is_trivially_destructible_v<Pool<counted, 4>>);
  STATIC_REQUIRE(std::is_trivially_destructible_v<Pool<int, 4, policy::single_thread>>);
  STATIC_REQUIRE(!std::is_copy_constructible_v<Pool<int, 4>>);
  STATIC_REQUIRE(!std::is_move_constructible_v<Pool<int, 4>>);
  STATIC_REQUIRE(Pool<int, 7>::capacity() == 7);
  HEAPLESS_NO_ALLOC_SCOPE;  // after STATIC_REQUIRE: Catch2 v2 builds its message on the heap
  // Constant initialisation: a constexpr object needs no start-up code.
  static constexpr Pool<msg32, 4> const_pool{};
  static constexpr Pool<counted, 4, policy::single_thread> const_pool_st{};
  CHECK(const_pool.available() == 4);
  CHECK(const_pool_st.available() == 4);
#if HEAPLESS_CPP20
  static constinit Pool<msg32, 16> ci_pool;
  static constinit Pool<msg32, 16, policy::critical_section<counting_lock>> ci_pool_cs;
  CHECK(ci_pool.available() == 16);
  CHECK(ci_pool_cs.available() == 16);
#endif
}

TEST_CASE("pool: sizeof is the slots plus a few words", "[pool][layout]") {
  constexpr std::size_t debug = HEAPLESS_POOL_DEBUG ? 1 : 0;
  // single_thread, T at least pointer-sized: slots of sizeof(T) linked by
  // address, a top pointer and a one-byte bump index (padded to two words).
  STATIC_REQUIRE(sizeof(Pool<msg32, 100, policy::single_thread>) ==
                 ((100 * 32 + 2 * sizeof(void*) + debug * 100 + 7) / 8) * 8);  // list padded to 2 words
  // Smaller T: slots of max(sizeof(T), sizeof(index)) linked by index.
  STATIC_REQUIRE(sizeof(Pool<std::uint8_t, 10, policy::single_thread>) == 10 + 2 + debug * 10);
  // A 1-byte T in a pool of 1000: the slot widens to the 2-byte index.
  STATIC_REQUIRE(sizeof(Pool<std::uint8_t, 1000, policy::single_thread>) == 2000 + 4 + debug * 1000);
  STATIC_REQUIRE(alignof(Pool<heapless::test::overaligned, 3, policy::single_thread>) == 64);
#if defined(__x86_64__) || defined(__aarch64__)
  // lock_free on a 64-bit host: slots of sizeof(T), then the list (an 8-byte
  // head and the links outside the slots, smallest index type; no bump
  // index), padded to the head's alignment.
  STATIC_REQUIRE(sizeof(Pool<msg32, 100, policy::lock_free>) ==
                 ((100 * 32 + (8 + 100 + 7) / 8 * 8 + debug * 100 + 7) / 8) * 8);
  STATIC_REQUIRE(sizeof(Pool<msg32, 1000, policy::lock_free>) ==
                 ((1000 * 32 + (8 + 2000 + 7) / 8 * 8 + debug * 1000 + 7) / 8) * 8);
  STATIC_REQUIRE(std::is_same_v<Pool<int, 8>::policy_type, policy::lock_free>);
#endif
  STATIC_REQUIRE(sizeof(Pool<int, 8>::Box) == 2 * sizeof(void*));
}

// Explicit instantiation: every non-template member compiles.
template class heapless::Pool<int, 8>;
template class heapless::Pool<counted, 8, heapless::pool_policy::single_thread>;
template class heapless::Pool<msg32, 300, heapless::pool_policy::critical_section<counting_lock>>;

// ---- Behaviour per policy --------------------------------------------------------

TEST_CASE("pool: fill, exhaust, free in every order (all policies)", "[pool]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  static Pool<msg32, 8, lock_free_or_cs> lf;
  static Pool<msg32, 8, policy::single_thread> st;
  static Pool<msg32, 8, policy::critical_section<counting_lock>> cs;
  static Pool<msg32, 8, policy::critical_section<void_lock>> csv;
  static Pool<std::uint8_t, 300> wide_index;
  static Pool<std::uint8_t, 300, policy::single_thread> wide_index_st;
  static Pool<int, 1> one;
  check_fill_and_orders(lf);
  check_fill_and_orders(st);
  const long before = counting_lock::entries();
  check_fill_and_orders(cs);
  CHECK(counting_lock::entries() > before);
  CHECK(counting_lock::depth() == 0);
  check_fill_and_orders(csv);
  CHECK(void_lock::entries() > 0);
  CHECK_FALSE(void_lock::held());
  check_fill_and_orders(wide_index);
  check_fill_and_orders(wide_index_st);
  check_fill_and_orders(one);
}

TEST_CASE("pool: a freed slot is reused first (LIFO, cache-hot)", "[pool]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  static Pool<msg32, 8> pool;
  msg32* a = pool.try_create();
  msg32* b = pool.try_create();
  REQUIRE(a != nullptr);
  REQUIRE(b != nullptr);
  pool.destroy(a);
  CHECK(pool.try_create() == a);
  pool.destroy(a);
  pool.destroy(b);
  CHECK(pool.try_create() == b);
  CHECK(pool.try_create() == a);
  pool.destroy(a);
  pool.destroy(b);
  CHECK(pool.available() == 8);
}

namespace {

// The pools of the next two tests are constructed in place, one after the
// other, in this one buffer (the Cortex-M0 target's 16 KiB of RAM hold no
// more than that); a pool then starts over the previous one's leftovers.
alignas(std::max_align_t) unsigned char scratch[2048];

template <class PoolT>
PoolT& construct_over_garbage() {
  static_assert(sizeof(PoolT) <= sizeof(scratch) && alignof(PoolT) <= alignof(std::max_align_t), "scratch");
#if HEAPLESS_TEST_POOL_POISON
  // The previous pool left its free slots poisoned (~Pool is trivial and does
  // not unpoison): this memory is being reused on purpose.
  ASAN_UNPOISON_MEMORY_REGION(scratch, sizeof(scratch));
#endif
  volatile unsigned char* bytes = scratch;  // volatile: the garbage is really written
  for (std::size_t i = 0; i < sizeof(PoolT); ++i) bytes[i] = static_cast<unsigned char>(0xA5 ^ i);
  return *::new (static_cast<void*>(scratch)) PoolT;  // no (): default-initialisation
}

// A pool constructed (default-initialised, as a local or member would be) over
// memory full of garbage must start with all N slots free: the lock-free
// list's links and the debug state bytes are zeroed by the constructor.
template <class PoolT>
void check_dirty_construction() {
  check_fill_and_orders(construct_over_garbage<PoolT>());
}

// The lock-free links hold the next index XOR the index after the slot.
// N = 255 (1-byte links, the end marker 255) and N = 256 (2-byte links):
// fill, check no slot is shared, free in a random order, repeat.
template <std::size_t N>
void check_links_at_the_edge(std::uint32_t seed) {
  using P = std::conditional_t<heapless::pool_lock_free_available<N>, policy::lock_free,
                               policy::critical_section<counting_lock>>;
  auto& pool = construct_over_garbage<Pool<std::uint8_t, N, P>>();
  static std::uint16_t at[256];  // the objects, as offsets into scratch
  auto item = [](std::size_t i) { return static_cast<std::uint8_t*>(static_cast<void*>(scratch + at[i])); };
  heapless::test::rng rng{seed};
  for (int round = 0; round < 4; ++round) {
    REQUIRE(pool.available() == N);
    for (std::size_t i = 0; i < N; ++i) {
      std::uint8_t* p = pool.try_create(static_cast<std::uint8_t>(i));
      REQUIRE(p != nullptr);
      at[i] = static_cast<std::uint16_t>(static_cast<unsigned char*>(static_cast<void*>(p)) - scratch);
    }
    CHECK(pool.try_allocate() == nullptr);
    // Distinct values 0..N-1: a slot handed out twice would hold the later one.
    for (std::size_t i = 0; i < N; ++i) REQUIRE(*item(i) == static_cast<std::uint8_t>(i));
    for (std::size_t i = N - 1; i > 0; --i) {  // Fisher-Yates
      const std::size_t j = rng.below(i + 1);
      const std::uint16_t t = at[i];
      at[i] = at[j];
      at[j] = t;
    }
    for (std::size_t i = 0; i < N; ++i) {
      pool.destroy(item(i));
      REQUIRE(pool.available() == i + 1);
    }
  }
}

}  // namespace

TEST_CASE("pool: constructed over garbage, a pool starts all free (all policies)", "[pool]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  check_dirty_construction<Pool<msg32, 8, lock_free_or_cs>>();
  check_dirty_construction<Pool<msg32, 8, policy::single_thread>>();
  check_dirty_construction<Pool<msg32, 8, policy::critical_section<counting_lock>>>();
  check_dirty_construction<Pool<std::uint8_t, 300>>();
}

TEST_CASE("pool: relative links at the edges of the link type (N = 255, 256)", "[pool]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  check_links_at_the_edge<255>(0x9e3779b9u);
  check_links_at_the_edge<256>(0x7f4a7c15u);
}

TEST_CASE("pool: raw allocate/deallocate of uninitialised slots", "[pool]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  static Pool<msg32, 4> pool;
  void* slots[4];
  for (auto& s : slots) {
    s = pool.try_allocate();
    REQUIRE(s != nullptr);
    CHECK(addr(s) % alignof(msg32) == 0);
    std::memset(s, 0xAB, sizeof(msg32));  // the whole slot is ours
  }
  CHECK(pool.try_allocate() == nullptr);
  pool.deallocate(nullptr);  // ignored
  pool.destroy(nullptr);     // ignored
  for (auto& s : slots) pool.deallocate(s);
  CHECK(pool.available() == 4);
}

TEST_CASE("pool: owns() recognises exactly the pool's slots", "[pool]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  static Pool<msg32, 4> pool;
  static Pool<msg32, 4> other;
  msg32 local{};
  msg32* p = pool.try_create();
  REQUIRE(p != nullptr);
  CHECK(pool.owns(p));
  CHECK_FALSE(other.owns(p));
  CHECK_FALSE(pool.owns(&local));
  CHECK_FALSE(pool.owns(nullptr));
  const msg32* inside = static_cast<const msg32*>(static_cast<const void*>(reinterpret_cast<const char*>(p) + 4));
  CHECK_FALSE(pool.owns(inside));
  pool.destroy(p);
}

// ---- Errors ----------------------------------------------------------------------

TEST_CASE("pool: make() on an exhausted pool raises bad_alloc", "[pool][error]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  static Pool<int, 2> pool;
  {
    auto a = pool.make(1);
    auto b = pool.make(2);
    CHECK(*a == 1);
    CHECK(*b == 2);
    {
      // Throwing allocates the exception object (__cxa_allocate_exception):
      // the C++ runtime's allocation, not the pool's.
      const heapless::test::allow_alloc_scope exception_object;
      HEAPLESS_CHECK_RAISES(bad_alloc, pool.make(3));
      HEAPLESS_CHECK_RAISES(bad_alloc, pool.create(3));
    }
    CHECK_FALSE(pool.try_make(3));
    CHECK(pool.try_create(3) == nullptr);
  }
  CHECK(pool.available() == 2);
}

#if HEAPLESS_HAS_EXCEPTIONS && !HEAPLESS_ERROR_HANDLER
TEST_CASE("pool: a throwing constructor returns the slot", "[pool][error]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  HEAPLESS_LIFETIME_CHECK;
  using heapless::test::throwing;
  static Pool<throwing, 2> pool;
  const throwing src(5);
  {
    const heapless::test::allow_alloc_scope exception_object;  // __cxa_allocate_exception
    throwing::throw_after(0);
    CHECK_THROWS_AS(pool.try_make(src), heapless::test::test_exception);
    throwing::throw_after(0);
    CHECK_THROWS_AS(pool.try_create(src), heapless::test::test_exception);
    throwing::never_throw();
  }
  CHECK(pool.available() == 2);
  auto a = pool.try_make(src);
  auto b = pool.try_make(src);
  CHECK(a);
  CHECK(b);
  CHECK(a->get() == 5);
}
#endif

#if HEAPLESS_TEST_CAN_CATCH_ASSERT && HEAPLESS_POOL_DEBUG
template <class Policy>
void check_debug_detection() {
  static Pool<msg32, 4, Policy> pool;
  static Pool<msg32, 4, Policy> other;
  static msg32 outside{};
  msg32* p = pool.try_create();
  msg32* q = other.try_create();
  REQUIRE(p != nullptr);
  REQUIRE(q != nullptr);
  msg32* misaligned = static_cast<msg32*>(static_cast<void*>(reinterpret_cast<char*>(p) + 8));
  msg32* never = p + 2;  // a slot of the pool that was never handed out
  HEAPLESS_CHECK_RAISES(precondition, pool.deallocate(q));
  HEAPLESS_CHECK_RAISES(precondition, pool.deallocate(&outside));
  HEAPLESS_CHECK_RAISES(precondition, pool.deallocate(misaligned));
  HEAPLESS_CHECK_RAISES(precondition, pool.deallocate(never));
  HEAPLESS_CHECK_RAISES(precondition, pool.destroy(q));
  pool.destroy(p);
  HEAPLESS_CHECK_RAISES(precondition, pool.deallocate(p));  // double free
  HEAPLESS_CHECK_RAISES(precondition, pool.destroy(p));     // double destroy
  CHECK(pool.available() == 4);  // the failed frees changed nothing
  other.destroy(q);
  CHECK(other.available() == 4);
  // Still fully usable.
  check_fill_and_orders(pool);
}

TEST_CASE("pool: debug builds catch foreign pointers and double frees", "[pool][error]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  check_debug_detection<lock_free_or_cs>();
  check_debug_detection<policy::single_thread>();
  check_debug_detection<policy::critical_section<counting_lock>>();
  static Pool<int, 2> pool;
  Pool<int, 2>::Box empty;
  HEAPLESS_CHECK_RAISES(precondition, *empty);
}
#endif

#if defined(HEAPLESS_TEST_POOL_POISON)
template <class Policy>
void check_poisoning() {
  static Pool<msg32, 4, Policy> pool;
  msg32* p = pool.try_create();
  msg32* q = pool.try_create();
  REQUIRE(p != nullptr);
  REQUIRE(q != nullptr);
  CHECK_FALSE(__asan_address_is_poisoned(p));
  pool.destroy(p);
  // Use after free is reported by ASan: every byte of the freed slot is poisoned.
  CHECK(__asan_address_is_poisoned(p));
  CHECK(__asan_address_is_poisoned(reinterpret_cast<char*>(p) + sizeof(msg32) - 1));
  CHECK(__asan_region_is_poisoned(p, sizeof(msg32)) == static_cast<void*>(p));
  CHECK_FALSE(__asan_address_is_poisoned(q));  // the neighbour is live
  CHECK(pool.available() == 3);                // the walk is ASan-clean too
  msg32* again = pool.try_create();
  CHECK(again == p);
  CHECK_FALSE(__asan_address_is_poisoned(again));
  again->stamp = 1;
  pool.destroy(again);
  pool.destroy(q);
}

TEST_CASE("pool: ASan builds poison free slots", "[pool][asan]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  check_poisoning<policy::lock_free>();
  check_poisoning<policy::single_thread>();
  check_poisoning<policy::critical_section<counting_lock>>();
}
#endif

// ---- Box ---------------------------------------------------------------------------

TEST_CASE("pool: Box owns, moves, resets and releases", "[pool][box]") {
  using P = Pool<counted, 3>;
  STATIC_REQUIRE(!std::is_copy_constructible_v<P::Box>);
  STATIC_REQUIRE(!std::is_copy_assignable_v<P::Box>);
  STATIC_REQUIRE(std::is_nothrow_move_constructible_v<P::Box>);
  STATIC_REQUIRE(std::is_nothrow_move_assignable_v<P::Box>);
  STATIC_REQUIRE(!std::is_convertible_v<P::Box, bool>);
  HEAPLESS_NO_ALLOC_SCOPE;
  HEAPLESS_LIFETIME_CHECK;
  static P pool;
  const long live = counters().live.load();
  {
    P::Box empty;
    CHECK_FALSE(empty);
    CHECK(empty.get() == nullptr);
    CHECK(empty == nullptr);
    empty.reset();  // no-op

    P::Box a = pool.make(1);
    REQUIRE(a);
    CHECK(a != nullptr);
    CHECK(a->get() == 1);
    CHECK((*a).get() == 1);
    CHECK(a.pool() == &pool);
    CHECK(counters().live.load() == live + 1);

    P::Box b = std::move(a);  // move construction transfers ownership
    CHECK_FALSE(a);           // NOLINT: checking the moved-from state on purpose
    CHECK(b->get() == 1);
    CHECK(pool.available() == 2);

    P::Box c = pool.make(2);
    c = std::move(b);  // c's old object (2) is destroyed, slot returned
    CHECK(c->get() == 1);
    CHECK(pool.available() == 2);
    CHECK(counters().live.load() == live + 1);

    P::Box& alias = c;
    c = std::move(alias);  // self-move keeps the object
    CHECK(c->get() == 1);

    P::Box d = pool.make(3);
    swap(c, d);
    CHECK(c->get() == 3);
    CHECK(d->get() == 1);

    counted* raw = d.release();
    CHECK_FALSE(d);
    CHECK(pool.available() == 1);  // released, not freed
    CHECK(raw->get() == 1);
    pool.destroy(raw);
    CHECK(pool.available() == 2);

    c.reset();
    CHECK_FALSE(c);
    CHECK(pool.available() == 3);

    P::Box e = pool.make(4);
    e = nullptr;
    CHECK(pool.available() == 3);
    P::Box f = pool.make(5);
    (void)f;
  }
  CHECK(pool.available() == 3);
  CHECK(counters().live.load() == live);
}

TEST_CASE("pool: Box::pool() names the pool exactly when the Box held an object", "[pool][box]") {
  using P = Pool<int, 1>;
  HEAPLESS_NO_ALLOC_SCOPE;
  static P pool;
  const P::Box never;
  CHECK(never.pool() == nullptr);
  P::Box a = pool.try_make(1);
  REQUIRE(a);
  CHECK(a.pool() == &pool);
  // Exhausted: the empty Box never held an object, so it names no pool.
  P::Box b = pool.try_make(2);
  CHECK_FALSE(b);
  CHECK(b.get() == nullptr);
  CHECK(b.pool() == nullptr);
  P::Box moved = std::move(b);
  CHECK(moved.pool() == nullptr);
  // After release() and reset() the pool stays named: pool()->destroy(p).
  int* raw = a.release();
  CHECK(a.pool() == &pool);
  a.pool()->destroy(raw);
  P::Box c = pool.try_make(3);
  REQUIRE(c);
  c.reset();
  CHECK_FALSE(c);
  CHECK(c.pool() == &pool);
  CHECK(pool.available() == 1);
}

// ---- Element matrix -----------------------------------------------------------------

TEST_CASE("pool: element matrix: lifetimes, alignment, values", "[pool][matrix]") {
  using namespace heapless::test;
  for_each_type<trivial, counted, move_only, throwing, overaligned>([](auto tag) {
    using T = typename decltype(tag)::type;
    HEAPLESS_NO_ALLOC_SCOPE;
    HEAPLESS_LIFETIME_CHECK;
    const long errors = counters().errors.load();
    static Pool<T, 5> lf;
    static Pool<T, 5, policy::single_thread> st;
    auto run = [](auto& pool) {
      using Box = typename std::remove_reference_t<decltype(pool)>::Box;
      Box boxes[5];
      for (int i = 0; i < 5; ++i) {
        boxes[i] = pool.try_make(make<T>(i * 10));
        REQUIRE(boxes[i]);
        CHECK(value_of(*boxes[i]) == i * 10);
        CHECK(reinterpret_cast<std::uintptr_t>(boxes[i].get()) % alignof(T) == 0);
      }
      CHECK_FALSE(pool.try_make(make<T>(99)));
      boxes[2].reset();
      boxes[0].reset();
      T* raw = pool.try_create(make<T>(7));
      REQUIRE(raw != nullptr);
      CHECK(value_of(*raw) == 7);
      pool.destroy(raw);
      for (int i = 4; i >= 0; --i) boxes[i].reset();
      CHECK(pool.available() == 5);
    };
    run(lf);
    run(st);
    CHECK(counters().errors.load() == errors);
  });
}

// ---- Differential test against a reference set of live slots ----------------------

namespace {

// A deterministic random walk of allocations and frees through the three
// levels (support/ops/pool_ops.hpp: the operations of fuzz/pool_fuzz.cpp).
template <class Policy>
void random_differential(long steps, std::uint64_t seed) {
  namespace pool_ops = heapless::test::pool_ops;
  using heapless::test::ops::test_env;
  using P = Pool<counted, 97, Policy>;
  static P pool;
  HEAPLESS_NO_ALLOC_SCOPE;
  HEAPLESS_LIFETIME_CHECK;
  pool_ops::model<P> m;
  {
    heapless::test::allow_alloc_scope allow;
    m.live.reserve(P::capacity());
    m.boxes.reserve(P::capacity());
  }
  heapless::test::ops::run_steps(seed, steps, [&](heapless::test::rng& r) {
    pool_ops::apply_op<test_env>(m, pool, r.below(pool_ops::op_count), r);
    pool_ops::compare<test_env>(m, pool);
  });
  pool_ops::release_all<test_env>(m, pool);
  heapless::test::allow_alloc_scope allow;
  m = pool_ops::model<P>();
}

}  // namespace

TEST_CASE("pool: random differential against a set of live slots", "[pool][random]") {
  const long steps = heapless::test::scaled(100000);
  random_differential<lock_free_or_cs>(steps, 0x1234567u);
  random_differential<policy::single_thread>(steps, 0x89abcdefu);
  random_differential<policy::critical_section<counting_lock>>(steps, 0x2468aceu);
}
