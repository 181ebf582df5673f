// object_pool_test.cpp - ObjectPool<T, N> and Object<T> on one thread, under
// each policy: the N objects are built once with the pool and destroyed with
// it, never in between; a returned object keeps its contents; exhaustion in
// both tiers; the handle's moves, resets and swaps; constant initialisation
// for trivially constructible T; T with an explicit default constructor.
// Concurrency: object_pool_stress_test.cpp.
#include <heapless/object_pool.hpp>

#include <cstddef>
#include <cstdint>
#include <type_traits>
#include <utility>

#include "support/locks.hpp"
#include "support/test.hpp"

namespace {

namespace pool_policy = heapless::pool_policy;
using heapless::Object;
using heapless::ObjectPool;
using heapless::test::counted;

using heapless::test::void_lock;
using counting_cs = pool_policy::critical_section<void_lock>;

template <class Policy>
void lend_check() {
  HEAPLESS_LIFETIME_CHECK;
  const long constructed = heapless::test::counters().constructed.load();
  const long destroyed = heapless::test::counters().destroyed.load();
  {
    ObjectPool<counted, 3, Policy> pool;
    CHECK(heapless::test::counters().constructed.load() - constructed == 3);  // built with the pool
    bool ok = pool.available() == 3 && pool.capacity() == 3;
    {
      HEAPLESS_NO_ALLOC_SCOPE;
      for (int round = 0; round < 50; ++round) {
        Object<counted> a = pool.try_acquire();
        Object<counted> b = pool.try_acquire();
        Object<counted> c = pool.try_acquire();
        ok = ok && a && b && c && pool.available() == 0 && !pool.try_acquire();
        ok = ok && a.get() != b.get() && b.get() != c.get() && a.get() != c.get();
        if (round > 0) {  // contents survive lending: each holds a value set in an earlier round
          ok = ok && a->get() >= 100 && b->get() >= 100 && c->get() >= 100;
        }
        *a = counted(100 + round);
        b->operator=(counted(200 + round));
        *c = counted(300 + round);
        Object<counted> moved = std::move(b);  // handle moves: nothing else happens
        ok = ok && !b && moved && moved->get() == 200 + round;
        b = std::move(moved);
        Object<counted>& self = b;
        b = std::move(self);  // self-move: unchanged
        ok = ok && b && b->get() == 200 + round && pool.available() == 0;
        b = std::move(c);  // b's object goes back; c's moves in
        ok = ok && !c && b->get() == 300 + round && pool.available() == 1;
        c = pool.try_acquire();  // b's old object, as it was
        ok = ok && c && c->get() == 200 + round && pool.available() == 0;
        swap(b, c);
        swap(a, c);
        ok = ok && a->get() == 300 + round && c->get() == 100 + round;
        c.reset();
        ok = ok && !c && pool.available() == 1;
        Object<counted> again = pool.try_acquire();  // the one just returned (LIFO), as it was
        ok = ok && again && again->get() == 100 + round;
        again = nullptr;
        ok = ok && again == nullptr && a != nullptr;
        ok = ok && nullptr == again && nullptr != a && !(nullptr == a) && !(nullptr != again);
      }
      ok = ok && pool.available() == 3;
    }
    CHECK(ok);
    CHECK(heapless::test::counters().constructed.load() - constructed == 3 + 150);  // the temporaries only
    CHECK(heapless::test::counters().destroyed.load() - destroyed == 150);
  }
  CHECK(heapless::test::counters().destroyed.load() - destroyed == 150 + 3);  // destroyed with the pool
}

}  // namespace

// Every member compiles.
template class heapless::Object<counted>;
template class heapless::ObjectPool<counted, 3>;
template class heapless::ObjectPool<int, 3, pool_policy::single_thread>;
template class heapless::ObjectPool<int, 3, counting_cs>;

TEST_CASE("object_pool: layout and traits", "[object_pool][layout]") {
  using P = ObjectPool<int, 4, pool_policy::single_thread>;
  STATIC_REQUIRE(std::is_nothrow_default_constructible_v<P>);
  STATIC_REQUIRE(std::is_trivially_destructible_v<P>);
  STATIC_REQUIRE(!std::is_copy_constructible_v<P>);
  STATIC_REQUIRE(!std::is_trivially_destructible_v<ObjectPool<counted, 2, pool_policy::single_thread>>);
  STATIC_REQUIRE(sizeof(Object<int>) == 2 * sizeof(void*));
  STATIC_REQUIRE(!std::is_copy_constructible_v<Object<int>>);
  STATIC_REQUIRE(std::is_nothrow_move_constructible_v<Object<int>>);
  STATIC_REQUIRE(std::is_nothrow_move_assignable_v<Object<int>>);
  // The objects, N one-byte links, a top index and the function pointer.
  STATIC_REQUIRE(sizeof(P) <= sizeof(void*) + 4 * sizeof(int) + 4 + 1 + sizeof(void*));
  STATIC_REQUIRE(std::is_same_v<ObjectPool<int, 4, counting_cs>::policy_type, counting_cs>);
}

TEST_CASE("object_pool: a static pool of trivial objects is zeroed and usable at once", "[object_pool]") {
  static ObjectPool<std::uint32_t, 4> pool;  // automatic policy
  {
    // Nothing but zeros before the first acquire: .bss, no flash image.
    const auto* p = reinterpret_cast<const unsigned char*>(&pool);
    std::size_t nonzero = 0;
    for (std::size_t i = 0; i < sizeof(pool); ++i) nonzero += p[i] != 0 ? 1u : 0u;
    CHECK(nonzero == 0u);
  }
  Object<std::uint32_t> a = pool.try_acquire();
  REQUIRE(a);
  CHECK(*a == 0u);
  *a = 7;
  a.reset();
  a = pool.acquire();
  CHECK(*a == 7u);  // the same object back, contents kept
}

namespace {
struct explicit_default {
  explicit explicit_default() noexcept : value(42) {}
  int value;
};
}  // namespace

TEST_CASE("object_pool: objects whose default constructor is explicit", "[object_pool]") {
  STATIC_REQUIRE(std::is_nothrow_default_constructible_v<ObjectPool<explicit_default, 3>>);
  static ObjectPool<explicit_default, 3> pool;
  Object<explicit_default> a = pool.acquire();
  Object<explicit_default> b = pool.acquire();
  CHECK(a->value == 42);
  CHECK(b->value == 42);
  b->value = 7;
  b.reset();
  b = pool.acquire();  // the same object back (LIFO), not rebuilt
  CHECK(b->value == 7);
  ObjectPool<explicit_default, 2, pool_policy::single_thread> local;
  CHECK(local.acquire()->value == 42);
}

TEST_CASE("object_pool: objects built once, lent and returned as they are", "[object_pool]") {
  lend_check<pool_policy::single_thread>();
  const long before = void_lock::entries();
  lend_check<counting_cs>();
  CHECK(void_lock::entries() > before);
  lend_check<pool_policy::automatic>();
}

TEST_CASE("object_pool: exhaustion in both tiers", "[object_pool][error]") {
  static ObjectPool<int, 1> pool;
  Object<int> a = pool.try_acquire();
  CHECK(a);
  CHECK_FALSE(pool.try_acquire());
  {
    const heapless::test::allow_alloc_scope exception_object;
    HEAPLESS_CHECK_RAISES(bad_alloc, pool.acquire());
  }
  a.reset();
  CHECK(pool.available() == 1);
}
