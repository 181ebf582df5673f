// arc_test.cpp - Arc<T> and ArcPool<T, N> on one thread, under each policy:
// counting through copies, moves, assignments and resets; the last owner
// destroys the object exactly once and returns the slot; exhaustion through
// both tiers; a throwing constructor returns the slot; observers,
// comparisons and std::hash; the element matrix. Concurrency is proven in
// arc_stress_test.cpp.
#include <heapless/arc.hpp>

#include <cstddef>
#include <cstdint>
#include <type_traits>
#include <utility>

#include "support/locks.hpp"
#include "support/test.hpp"

namespace {

namespace pool_policy = heapless::pool_policy;
using heapless::Arc;
using heapless::ArcPool;
using heapless::test::counted;
using heapless::test::make;
using heapless::test::move_only;
using heapless::test::overaligned;
using heapless::test::trivial;
using heapless::test::value_of;

using heapless::test::counting_lock;
using counting_cs = pool_policy::critical_section<counting_lock>;

template <class Policy>
void counting_check() {
  HEAPLESS_NO_ALLOC_SCOPE;
  HEAPLESS_LIFETIME_CHECK;
  static ArcPool<counted, 2, Policy> pool;
  using A = Arc<counted, Policy>;
  bool ok = pool.available() == 2;
  {
    A a = pool.try_make_shared(7);
    ok = ok && a && a.use_count() == 1 && a->get() == 7 && (*a).get() == 7 && a.get() != nullptr;
    ok = ok && pool.available() == 1;
    A b = a;  // copy: 2
    ok = ok && a.use_count() == 2 && b.use_count() == 2 && a == b && !(a != b) && b.get() == a.get();
    A c = std::move(b);  // move: still 2
    ok = ok && !b && b.use_count() == 0 && c.use_count() == 2 && b == nullptr && nullptr == b;
    b = c;  // copy-assign into empty: 3
    ok = ok && a.use_count() == 3;
    A& self = b;
    b = self;  // self-assignment: unchanged
    ok = ok && a.use_count() == 3;
    b = std::move(self);  // self-move: unchanged
    ok = ok && b && a.use_count() == 3 && b.get() == a.get();
    A d = pool.make_shared(8);
    ok = ok && pool.available() == 0 && !pool.try_make_shared(9);
    b = d;  // b leaves a's object (2) and joins d's (2)
    ok = ok && a.use_count() == 2 && d.use_count() == 2;
    c = std::move(d);  // c leaves a's object (1) and takes d's (still 2)
    ok = ok && a.use_count() == 1 && c.use_count() == 2 && !d;
    const long before = heapless::test::counters().destroyed.load();
    a.reset();  // the last owner of 7: destroyed, slot returned
    ok = ok && !a && heapless::test::counters().destroyed.load() - before == 1 && pool.available() == 1;
    a = nullptr;  // resetting an empty Arc: nothing
    b = nullptr;
    ok = ok && c.use_count() == 1 && pool.available() == 1;
    swap(a, c);
    ok = ok && a && !c && a->get() == 8 && a.use_count() == 1;
    c.swap(a);
    ok = ok && c && !a;
  }  // c: the last owner of 8
  ok = ok && pool.available() == 2;
  CHECK(ok);
}

}  // namespace

// Every member compiles.
template class heapless::Arc<counted>;
template class heapless::Arc<int, pool_policy::single_thread>;
template class heapless::Arc<int, counting_cs>;
template class heapless::ArcPool<counted, 3>;
template class heapless::ArcPool<int, 3, pool_policy::single_thread>;
template class heapless::ArcPool<int, 3, counting_cs>;

TEST_CASE("arc: layout and traits", "[arc][layout]") {
  using A = Arc<int, pool_policy::single_thread>;
  STATIC_REQUIRE(sizeof(A) == 2 * sizeof(void*));
  STATIC_REQUIRE(std::is_nothrow_default_constructible_v<A>);
  STATIC_REQUIRE(std::is_nothrow_copy_constructible_v<A>);
  STATIC_REQUIRE(std::is_nothrow_move_constructible_v<A>);
  STATIC_REQUIRE(std::is_nothrow_copy_assignable_v<A>);
  STATIC_REQUIRE(std::is_nothrow_move_assignable_v<A>);
  STATIC_REQUIRE(std::is_same_v<A::element_type, int>);
  STATIC_REQUIRE(std::is_same_v<Arc<int>, Arc<int, pool_policy::automatic>>);
  STATIC_REQUIRE(std::is_same_v<ArcPool<int, 4>::arc_type, Arc<int>>);
  STATIC_REQUIRE(std::is_nothrow_default_constructible_v<ArcPool<int, 4>>);
  STATIC_REQUIRE(std::is_trivially_destructible_v<ArcPool<int, 4>>);
  STATIC_REQUIRE(!std::is_copy_constructible_v<ArcPool<int, 4>>);
  STATIC_REQUIRE(ArcPool<int, 4>::capacity() == 4);
  // Per object: the count and T in one slot.
  STATIC_REQUIRE(sizeof(heapless::detail::arc_node<int>) == 8);
  STATIC_REQUIRE(sizeof(heapless::detail::arc_node<std::uint64_t>) == 8 + alignof(std::uint64_t));
#if defined(__ARM_ARCH_PROFILE) && !defined(__GCC_HAVE_SYNC_COMPARE_AND_SWAP_4)
  STATIC_REQUIRE(std::is_same_v<Arc<int>::policy_type, pool_policy::critical_section<pool_policy::interrupt_mask>>);
#else
  STATIC_REQUIRE(std::is_same_v<Arc<int>::policy_type, pool_policy::lock_free>);
#endif
  // The pool's policy in effect, as Pool's.
  STATIC_REQUIRE(std::is_same_v<ArcPool<int, 4>::policy_type, heapless::Pool<int, 4>::policy_type>);
  STATIC_REQUIRE(std::is_same_v<ArcPool<int, 4, pool_policy::single_thread>::policy_type, pool_policy::single_thread>);
  STATIC_REQUIRE(std::is_same_v<ArcPool<int, 4, counting_cs>::policy_type, counting_cs>);
}

TEST_CASE("arc: counts through copies, moves, assignments and resets", "[arc]") {
  counting_check<pool_policy::single_thread>();
  const long before = counting_lock::entries();
  counting_check<counting_cs>();
  CHECK(counting_lock::entries() > before);
  CHECK(counting_lock::depth() == 0);
  counting_check<pool_policy::automatic>();
}

// True when every byte of x is zero: a static object in that state before
// its first use is constant-initialised into .bss (no flash image).
template <class X>
bool all_zero_bytes(const X& x) {
  const auto* p = reinterpret_cast<const unsigned char*>(&x);
  for (std::size_t i = 0; i < sizeof(X); ++i)
    if (p[i] != 0) return false;
  return true;
}

// A node of a chain: the object owns the next one.
struct link_node {
  link_node(int v, Arc<link_node, pool_policy::single_thread> n) noexcept : value(v), next(std::move(n)) {}
  int value;
  Arc<link_node, pool_policy::single_thread> next;
};

TEST_CASE("arc: assigning from an Arc that the dropped object owns", "[arc]") {
  static ArcPool<link_node, 3, pool_policy::single_thread> pool;
  using A = Arc<link_node, pool_policy::single_thread>;
  A head = pool.try_make_shared(1, pool.try_make_shared(2, pool.try_make_shared(3, A())));
  REQUIRE(head);
  CHECK(pool.available() == 0);
  // head's object (1) is dropped by the assignment and owns the source (its
  // next, 2): the source must be taken before the drop.
  head = std::move(head->next);
  CHECK(head->value == 2);
  CHECK(head.use_count() == 1);
  CHECK(pool.available() == 1);
  head = head->next;  // the same by copy: 3 is kept, 2 (which owned it) is dropped
  CHECK(head->value == 3);
  CHECK(head.use_count() == 1);
  CHECK(pool.available() == 2);
  head.reset();
  CHECK(pool.available() == 3);
}

TEST_CASE("arc: a static pool is usable at once; exhaustion in both tiers", "[arc][error]") {
  static ArcPool<int, 2> pool;
  CHECK(all_zero_bytes(pool));  // .bss: nothing but zeros before the first make
  Arc<int> a = pool.try_make_shared(1);
  Arc<int> b = pool.make_shared(2);
  CHECK(*a == 1);
  CHECK(*b == 2);
  CHECK_FALSE(pool.try_make_shared(3));
  {
    const heapless::test::allow_alloc_scope exception_object;
    HEAPLESS_CHECK_RAISES(bad_alloc, pool.make_shared(3));
  }
  a.reset();
  CHECK(pool.available() == 1);
  Arc<int> c = pool.make_shared(4);
  CHECK(*c == 4);
}

TEST_CASE("arc: observers, comparisons and std::hash", "[arc]") {
  static ArcPool<int, 3, pool_policy::single_thread> pool;
  using A = Arc<int, pool_policy::single_thread>;
  A a = pool.try_make_shared(1);
  A b = pool.try_make_shared(2);
  A a2 = a;
  A none;
  const A none2 = nullptr;
  CHECK(a == a2);
  CHECK(a != b);
  CHECK(none == none2);
  CHECK(none == nullptr);
  CHECK(a != nullptr);
  CHECK(nullptr != a);
  CHECK(none.get() == nullptr);
  CHECK(none.use_count() == 0);
  CHECK_FALSE(static_cast<bool>(none));
  CHECK((a < b) != (b < a));
  CHECK((a < b) == (b > a));
  CHECK(a <= a2);
  CHECK(a >= a2);
  CHECK_FALSE(a < a2);
  CHECK((none < a));  // the null address orders first
  CHECK(a > nullptr);
  CHECK(nullptr < a);
  CHECK(none <= nullptr);
  CHECK(none >= nullptr);
#if HEAPLESS_HAS_THREE_WAY
  CHECK((a <=> a2) == std::strong_ordering::equal);
  CHECK((a <=> b) == (a.get() <=> b.get()));
  CHECK((b <=> a) == (b.get() <=> a.get()));
  CHECK((none <=> a) == std::strong_ordering::less);
  CHECK((a <=> nullptr) == std::strong_ordering::greater);
  CHECK((none <=> nullptr) == std::strong_ordering::equal);
  static_assert(std::is_same_v<decltype(a <=> b), std::strong_ordering>);
#endif
  const std::hash<A> h;
  CHECK(h(a) == h(a2));
  CHECK(h(a) == std::hash<int*>()(a.get()));
  CHECK(h(none) == std::hash<int*>()(nullptr));
  *a2 = 5;  // shared object
  CHECK(*a == 5);
}

TEST_CASE("arc: Arc<T> and an Arc naming the policy automatic resolves to convert", "[arc]") {
  HEAPLESS_LIFETIME_CHECK;
  using resolved = Arc<int>::policy_type;  // lock_free, or the interrupt mask on Cortex-M0
  using R = Arc<counted, resolved>;
  STATIC_REQUIRE(!std::is_same_v<R, Arc<counted>>);
  STATIC_REQUIRE(std::is_nothrow_constructible_v<Arc<counted>, const R&>);
  STATIC_REQUIRE(std::is_convertible_v<R&&, Arc<counted>>);
  STATIC_REQUIRE(std::is_nothrow_constructible_v<Arc<counted>, R&&>);
  STATIC_REQUIRE(std::is_convertible_v<const Arc<counted>&, R>);
  STATIC_REQUIRE(!std::is_constructible_v<Arc<counted>, Arc<counted, pool_policy::single_thread>>);
  STATIC_REQUIRE(!std::is_constructible_v<Arc<counted, pool_policy::single_thread>, Arc<counted>>);
  static ArcPool<counted, 2, resolved> pool;
  R r = pool.make_shared(1);
  Arc<counted> a = r;  // copy: 2
  CHECK(a.get() == r.get());
  CHECK(r.use_count() == 2);
  Arc<counted> b = std::move(r);  // move: still 2
  CHECK(!r);
  CHECK(b.use_count() == 2);
  r = b;  // back, through a temporary: 3
  CHECK(a.use_count() == 3);
  a = pool.make_shared(2);
  CHECK(a.use_count() == 1);
  CHECK(b.use_count() == 2);
  a.reset();
  b.reset();
  CHECK(r.use_count() == 1);
  r.reset();
  CHECK(pool.available() == 2);
}

#if HEAPLESS_HAS_EXCEPTIONS && !HEAPLESS_ERROR_HANDLER
namespace {
struct throws_on_make {
  explicit throws_on_make(int v) : c(v) {
    if (v < 0) throw heapless::test::test_exception{v};
  }
  counted c;
};
}  // namespace

TEST_CASE("arc: a throwing constructor returns the slot", "[arc][error]") {
  HEAPLESS_LIFETIME_CHECK;
  static ArcPool<throws_on_make, 1> pool;
  {
    heapless::test::allow_alloc_scope allow;
    CHECK_THROWS_AS(pool.try_make_shared(-1), heapless::test::test_exception);
    CHECK_THROWS_AS(pool.make_shared(-2), heapless::test::test_exception);
  }
  CHECK(pool.available() == 1);
  auto a = pool.try_make_shared(3);
  CHECK(a->c.get() == 3);
}
#endif

TEST_CASE("arc: the element matrix", "[arc][matrix]") {
  heapless::test::for_each_type<trivial, counted, move_only, overaligned>([](auto tag) {
    using T = typename decltype(tag)::type;
    HEAPLESS_NO_ALLOC_SCOPE;
    HEAPLESS_LIFETIME_CHECK;
    static ArcPool<T, 3> pool;
    bool ok = true;
    for (int round = 0; round < 10; ++round) {
      Arc<T> a = pool.try_make_shared(make<T>(round));
      Arc<T> b = pool.try_make_shared(make<T>(round + 100));
      Arc<T> a2 = a;
      ok = ok && a && b && value_of(*a2) == round && value_of(*b) == round + 100;
      ok = ok && reinterpret_cast<std::uintptr_t>(a.get()) % alignof(T) == 0;
      a = b;  // round's object: a2 is the last owner
      ok = ok && a.use_count() == 2 && a2.use_count() == 1;
    }
    ok = ok && pool.available() == 3;
    CHECK(ok);
  });
}
