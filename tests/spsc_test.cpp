// spsc_test.cpp - spsc::Queue on one thread: the FIFO contract, exactly-N
// capacity and index wrap-around (power-of-two and other capacities), every
// API form (try_push/try_emplace/try_pop/front+pop/bulk push and pop, the
// Producer/Consumer handles), the element matrix, failure and exception
// behaviour, layout, and a long differential test against std::deque.
// Concurrency is proven in spsc_stress_test.cpp; tests/spsc_nopad_test.cpp
// runs this file again with HEAPLESS_CACHE_LINE = 0 (the Cortex-M layout).
#include <heapless/spsc.hpp>
#include <heapless/vec.hpp>  // Vec<int, 0>: a contiguous range whose data() is null

#include <cstddef>
#include <cstdint>
#include <type_traits>
#include <utility>
#include <vector>  // an empty std::vector: a contiguous range whose data() is null

#include "support/iterators.hpp"
#include "support/ops/queue_ops.hpp"
#include "support/ops/test_env.hpp"
#include "support/test.hpp"

#if HEAPLESS_CPP20
#include <span>
#endif

namespace {

using heapless::spsc::Consumer;
using heapless::spsc::Producer;
using heapless::spsc::Queue;
using heapless::test::counted;
using heapless::test::make;
using heapless::test::move_only;
using heapless::test::overaligned;
using heapless::test::throwing;
using heapless::test::trivial;
using heapless::test::value_of;

// Single-pass iterators over ints (support/iterators.hpp).
using int_input = heapless::test::input_iterator<int>;
constexpr int ints[] = {0, 1, 2, 3, 4, 5, 6, 7};

// An output iterator that stores ints into an array.
struct int_sink {
  int* p;
  int& operator*() const noexcept { return *p; }
  int_sink& operator++() noexcept {
    ++p;
    return *this;
  }
  int_sink operator++(int) noexcept { return int_sink{p++}; }
};

// A user range with data() and size() (what push(range) accepts).
template <class T, std::size_t M>
struct small_range {
  T items[M];
  const T* data() const noexcept { return items; }
  std::size_t size() const noexcept { return M; }
};

// Fills and drains q through `rounds` full cycles, checking FIFO order and
// exactly-N capacity each time; the rounds move the indices around the ring
// and across the index type's wrap point.
template <std::size_t N>
void cycle_check(std::size_t rounds) {
  static Queue<int, N> q;  // static: big capacities stay off the stack
  int next_in = 0;
  int next_out = 0;
  bool ok = true;
  {
    HEAPLESS_NO_ALLOC_SCOPE;
    for (std::size_t r = 0; r < rounds && ok; ++r) {
      // A varying fill level shifts the ring position by a non-multiple of N.
      const std::size_t fill = (r % 3 == 0) ? N : 1 + r % N;
      for (std::size_t i = 0; i < fill; ++i) ok = ok && q.try_push(next_in++);
      if (fill == N) ok = ok && !q.try_push(-1) && q.full() && q.size() == N;
      ok = ok && q.size() == fill;
      for (std::size_t i = 0; i < fill; ++i) {
        auto v = q.try_pop();
        ok = ok && v && *v == next_out++;
      }
      ok = ok && q.empty() && !q.try_pop() && q.front() == nullptr;
    }
  }
  CAPTURE(N);
  CHECK(ok);
  CHECK(next_in == next_out);
}

}  // namespace

// ---- Layout and traits -------------------------------------------------------

TEST_CASE("spsc: layout, traits, constant initialisation", "[spsc][layout]") {
  using Q = Queue<std::uint8_t, 16>;
  STATIC_REQUIRE(Q::capacity() == 16);
  STATIC_REQUIRE(std::is_nothrow_default_constructible_v<Q>);
  STATIC_REQUIRE(!std::is_copy_constructible_v<Q>);
  STATIC_REQUIRE(!std::is_copy_assignable_v<Q>);
  STATIC_REQUIRE(!std::is_move_constructible_v<Q>);
  STATIC_REQUIRE(std::is_trivially_destructible_v<Q>);
  STATIC_REQUIRE(!std::is_trivially_destructible_v<Queue<counted, 4>>);
  STATIC_REQUIRE(std::is_same_v<Q::value_type, std::uint8_t>);
  STATIC_REQUIRE(std::is_same_v<Q::size_type, std::size_t>);
#if HEAPLESS_CACHE_LINE == 0
  // Two one-byte indices (no cached copies) and the 16 slots: nothing else.
  STATIC_REQUIRE(sizeof(Q) == 18);
  STATIC_REQUIRE(sizeof(Queue<std::uint32_t, 3>) == 4 + 3 * 4);  // 2 index bytes, 2 alignment
  STATIC_REQUIRE(sizeof(Queue<std::uint8_t, 128>) == 2 + 128);   // indices still fit a byte
  STATIC_REQUIRE(sizeof(Queue<std::uint8_t, 200>) == 4 + 200);   // 2N - 1 needs 16 bits
#else
  // Producer line, consumer line, slots on a third line.
  STATIC_REQUIRE(alignof(Q) == HEAPLESS_CACHE_LINE);
  STATIC_REQUIRE(sizeof(Q) == 3 * HEAPLESS_CACHE_LINE);
  STATIC_REQUIRE(sizeof(Queue<std::uint64_t, 1024>) == 2 * HEAPLESS_CACHE_LINE + 8 * 1024);
#endif
  STATIC_REQUIRE(alignof(Queue<overaligned, 2>) >= 64);
  // Handles: one pointer, move-only.
  STATIC_REQUIRE(sizeof(Producer<int, 4>) == sizeof(void*));
  STATIC_REQUIRE(sizeof(Consumer<int, 4>) == sizeof(void*));
  STATIC_REQUIRE(!std::is_copy_constructible_v<Producer<int, 4>>);
  STATIC_REQUIRE(!std::is_copy_constructible_v<Consumer<int, 4>>);
  STATIC_REQUIRE(std::is_nothrow_move_constructible_v<Producer<int, 4>>);
  STATIC_REQUIRE(std::is_nothrow_move_assignable_v<Consumer<int, 4>>);
  STATIC_REQUIRE(std::is_trivially_destructible_v<Producer<counted, 4>>);
  // noexcept follows the element type.
  STATIC_REQUIRE(noexcept(std::declval<Queue<int, 4>&>().try_push(1)));
  STATIC_REQUIRE(!noexcept(std::declval<Queue<throwing, 4>&>().try_push(std::declval<const throwing&>())));
  STATIC_REQUIRE(noexcept(std::declval<Queue<int, 4>&>().try_pop()));
  STATIC_REQUIRE(noexcept(std::declval<Queue<int, 4>&>().front()));
}

// Constant initialisation: a static queue needs no start-up code.
#if HEAPLESS_CPP20
constinit Queue<int, 8> g_constinit_queue;
constinit Queue<counted, 8> g_constinit_counted_queue;
constinit Producer<int, 8> g_constinit_producer;
#endif
constexpr Queue<int, 3> g_constexpr_queue{};  // constexpr construction works in C++17 too

TEST_CASE("spsc: a static queue is usable from the start", "[spsc][layout]") {
  CHECK(g_constexpr_queue.capacity() == 3);
#if HEAPLESS_CPP20
  HEAPLESS_NO_ALLOC_SCOPE;
  CHECK(g_constinit_queue.empty());
  CHECK(g_constinit_queue.try_push(4));
  CHECK(g_constinit_queue.try_pop() == 4);
  CHECK(g_constinit_counted_queue.empty());
  CHECK_FALSE(g_constinit_producer);
#endif
}

// Every member compiles.
template class heapless::spsc::Queue<int, 8>;
template class heapless::spsc::Queue<counted, 5>;
template class heapless::spsc::Producer<int, 8>;
template class heapless::spsc::Consumer<counted, 5>;

// ---- Capacity and order ----------------------------------------------------

TEST_CASE("spsc: holds exactly N, FIFO, wraps around", "[spsc][capacity]") {
  cycle_check<1>(600);
  cycle_check<2>(600);
  cycle_check<3>(600);
  cycle_check<4>(600);
  cycle_check<5>(600);
  cycle_check<7>(300);
  cycle_check<8>(300);
  cycle_check<64>(40);
  cycle_check<127>(20);   // non power of two, 2N - 1 = 253 fits a byte
  cycle_check<128>(20);   // 2N = 256: the byte index wraps exactly at 2N
  cycle_check<129>(20);   // 2N - 1 = 257: 16-bit indices
  cycle_check<1000>(10);  // crosses 2N several times
}

TEST_CASE("spsc: free-running indices survive the index type's wrap", "[spsc][capacity]") {
  // N = 16: one-byte free-running indices wrap at 256 = 16 * N. Push/pop one
  // at a time for many wraps, at every fill level.
  static Queue<int, 16> q;
  HEAPLESS_NO_ALLOC_SCOPE;
  bool ok = true;
  int in = 0;
  int out = 0;
  for (int fill = 0; fill < 16; ++fill) {
    while (static_cast<int>(q.size()) < fill) ok = ok && q.try_push(in++);
    for (int i = 0; i < 1000; ++i) {
      ok = ok && q.try_push(in++);
      ok = ok && q.size() == static_cast<std::size_t>(fill + 1);
      int v = -1;
      ok = ok && q.try_pop(v) && v == out++;
    }
  }
  CHECK(ok);
  int v = -1;
  while (q.try_pop(v)) ok = ok && v == out++;
  CHECK(ok);
  CHECK(in == out);
}

TEST_CASE("spsc: empty and full queue operations fail without side effects", "[spsc][errors]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  HEAPLESS_LIFETIME_CHECK;
  Queue<counted, 2> q;
  CHECK(q.empty());
  CHECK_FALSE(q.full());
  CHECK(q.size() == 0);
  CHECK(q.front() == nullptr);
  CHECK_FALSE(q.try_pop().has_value());
  counted sink(99);
  CHECK_FALSE(q.try_pop(sink));
  CHECK(sink.get() == 99);
  counted none[2] = {counted(1), counted(2)};
  CHECK(q.pop(none, 2) == 0);
  CHECK(none[0].get() == 1);

  CHECK(q.try_push(counted(1)));
  CHECK(q.try_emplace(2));
  CHECK(q.full());
  const long live = heapless::test::counters().live.load();
  CHECK_FALSE(q.try_push(counted(3)));
  CHECK_FALSE(q.try_emplace(4));
  CHECK(q.push(none, 2) == 0);
  CHECK(heapless::test::counters().live.load() == live);
  CHECK(q.size() == 2);
  CHECK(q.front()->get() == 1);
}

TEST_CASE("spsc: a failed rvalue push leaves the argument intact", "[spsc][errors]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  Queue<move_only, 1> q;
  move_only a(7);
  CHECK(q.try_push(std::move(a)));
  CHECK(a.get() == -1);  // moved into the queue
  move_only b(8);
  CHECK_FALSE(q.try_push(std::move(b)));
  CHECK(b.get() == 8);
  auto [tx, rx] = q.split();
  CHECK_FALSE(tx.try_push(std::move(b)));
  CHECK(b.get() == 8);
  CHECK(rx.try_pop()->get() == 7);
  CHECK(tx.try_push(std::move(b)));
  CHECK(b.get() == -1);
}

TEST_CASE("spsc: front and pop peek then drop", "[spsc][consumer]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  HEAPLESS_LIFETIME_CHECK;
  Queue<counted, 3> q;
  CHECK(q.try_emplace(10));
  CHECK(q.try_emplace(11));
  counted* f = q.front();
  REQUIRE(f != nullptr);
  CHECK(f->get() == 10);
  CHECK(q.front() == f);  // peeking does not consume
  f->operator=(counted(12));  // the consumer may modify the element in place
  q.pop();
  CHECK(q.front()->get() == 11);
  q.pop();
  CHECK(q.front() == nullptr);
#if HEAPLESS_TEST_CAN_CATCH_ASSERT
  HEAPLESS_CHECK_RAISES(precondition, q.pop());
#endif
}

TEST_CASE("spsc: try_pop(T&) move-assigns", "[spsc][consumer]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  Queue<move_only, 4> q;
  CHECK(q.try_emplace(5));
  move_only out(0);
  CHECK(q.try_pop(out));
  CHECK(out.get() == 5);
  CHECK(q.empty());
}

// ---- Bulk ------------------------------------------------------------------

TEST_CASE("spsc: bulk push and pop of trivially copyable elements, across the wrap", "[spsc][bulk]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  Queue<int, 7> q;
  int src[10];
  for (int i = 0; i < 10; ++i) src[i] = i;
  int dst[10] = {};
  int expect = 0;
  int base = 0;
  bool ok = true;
  // Move the ring position through every offset, each time with a batch that
  // wraps.
  for (int round = 0; round < 30; ++round) {
    const std::size_t k = static_cast<std::size_t>(round % 8);
    for (int i = 0; i < 10; ++i) src[i] = base + i;
    const std::size_t in = q.push(src, k);
    ok = ok && in == k;
    base += static_cast<int>(in);
    const std::size_t out = q.pop(dst, 10);
    ok = ok && out == k;
    for (std::size_t i = 0; i < out; ++i) ok = ok && dst[i] == expect++;
    // One extra element shifts the ring position.
    ok = ok && q.try_push(base++);
    ok = ok && q.try_pop() == expect++;
  }
  CHECK(ok);
  // Oversized batch: only N go in; the first ones.
  for (int i = 0; i < 10; ++i) src[i] = 100 + i;
  CHECK(q.push(src, src + 10) == 7);
  CHECK(q.full());
  CHECK(q.push(src, 1) == 0);
  CHECK(q.pop(dst, 3) == 3);
  CHECK(dst[0] == 100);
  CHECK(dst[2] == 102);
  CHECK(q.push(src + 7, 3) == 3);  // wraps
  CHECK(q.pop(dst, 10) == 7);
  for (int i = 0; i < 7; ++i) CHECK(dst[i] == 103 + i);
  CHECK(q.pop(dst, 0) == 0);
  CHECK(q.push(src, std::size_t{0}) == 0);
}

TEST_CASE("spsc: bulk push from input iterators and ranges, pop to output iterators", "[spsc][bulk]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  Queue<int, 5> q;
  CHECK(q.push(int_input(ints), int_input(ints + 3)) == 3);
  CHECK(q.push(int_input(ints + 3), int_input(ints + 8)) == 2);  // stops when full
  int out[8] = {};
  CHECK(q.pop(int_sink{out}, 4) == 4);
  CHECK(out[0] == 0);
  CHECK(out[3] == 3);
  const small_range<int, 3> r{{7, 8, 9}};
  CHECK(q.push(r) == 3);
  auto [tx, rx] = q.split();
  CHECK(tx.push(r) == 1);
  CHECK(rx.pop(int_sink{out}, 8) == 5);
  CHECK(out[0] == 4);
  CHECK(out[1] == 7);
  CHECK(out[4] == 7);
  CHECK(tx.push(int_input(ints), int_input(ints + 2)) == 2);
  const int arr[2] = {5, 6};
  CHECK(tx.push(arr, arr + 2) == 2);
  CHECK(tx.push(arr, 2) == 1);
  CHECK(rx.pop(out, 8) == 5);
  CHECK(out[4] == 5);
#if HEAPLESS_CPP20 && defined(__cpp_lib_span)
  const std::span<const int> s(arr, 2);
  CHECK(q.push(s) == 2);
  CHECK(q.size() == 2);
#endif
}

TEST_CASE("spsc: bulk push of an empty range whose data() is null", "[spsc][bulk]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  Queue<int, 4> q;
  // A null pointer the compiler cannot see through: memcpy(dst, nullptr, 0)
  // is undefined (UBSan reports it), and g++ -O2 then drops the caller's own
  // test of the pointer as always false.
  const int* volatile opaque = nullptr;
  const int* const none = opaque;
  CHECK(q.push(none, 0) == 0);
  const bool none_is_null = none == nullptr;
  CHECK(none_is_null);
  CHECK(q.push(none, none) == 0);
  auto [tx, rx] = q.split();
  CHECK(tx.push(none, 0) == 0);
  CHECK(tx.push(none, none) == 0);
  const heapless::Vec<int, 0> no_elements;  // data() is nullptr
  CHECK(no_elements.data() == nullptr);
  CHECK(q.push(no_elements) == 0);
  CHECK(tx.push(no_elements) == 0);
  const std::vector<int> empty_vector;  // data() is nullptr in libstdc++ (no allocation)
  CHECK(q.push(empty_vector) == 0);
  CHECK(q.empty());
  // A full queue and a null range: nothing to copy either.
  CHECK(q.push(small_range<int, 3>{{1, 2, 3}}) == 3);
  CHECK(q.try_push(4));
  CHECK(q.push(none, 0) == 0);
  CHECK(rx.pop(static_cast<int*>(nullptr), 0) == 0);
  CHECK(q.size() == 4);
}

TEST_CASE("spsc: bulk operations on non-trivial elements", "[spsc][bulk]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  HEAPLESS_LIFETIME_CHECK;
  Queue<counted, 4> q;
  {
    counted src[6] = {1, 2, 3, 4, 5, 6};
    CHECK(q.try_emplace(0));
    CHECK(q.try_pop()->get() == 0);  // ring position 1: the batch wraps
    CHECK(q.push(src, src + 6) == 4);
    counted dst[6];
    CHECK(q.pop(dst, 3) == 3);
    CHECK(dst[0].get() == 1);
    CHECK(dst[2].get() == 3);
    CHECK(q.push(src + 4, 2) == 2);
    CHECK(q.pop(dst, 6) == 3);
    CHECK(dst[0].get() == 4);
    CHECK(dst[2].get() == 6);
    CHECK(q.push(src, 3) == 3);
  }
  // Three left in the queue: its destructor destroys them (lifetime check).
}

TEST_CASE("spsc: the destructor destroys what is left", "[spsc][lifetime]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  HEAPLESS_LIFETIME_CHECK;
  const long destroyed = heapless::test::counters().destroyed.load();
  {
    Queue<counted, 3> q;
    for (int i = 0; i < 7; ++i) {  // move the ring position so the rest wraps
      CHECK(q.try_emplace(i));
      if (i < 5) q.pop();
    }
    CHECK(q.size() == 2);
  }
  CHECK(heapless::test::counters().destroyed.load() - destroyed == 7);
}

// ---- Element matrix --------------------------------------------------------

TEST_CASE("spsc: the element matrix through push, emplace, peek and pop", "[spsc][matrix]") {
  heapless::test::for_each_type<trivial, counted, move_only, throwing, overaligned>([](auto tag) {
    using T = typename decltype(tag)::type;
    HEAPLESS_NO_ALLOC_SCOPE;
    HEAPLESS_LIFETIME_CHECK;
    Queue<T, 3> q;
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
      ok = ok && !q.try_emplace(make<T>(-1));
      ok = ok && q.front() != nullptr && value_of(*q.front()) == out++;
      q.pop();
      auto o = q.try_pop();
      ok = ok && o && value_of(*o) == out++;
      T dst = make<T>(-5);
      ok = ok && q.try_pop(dst) && value_of(dst) == out++;
      ok = ok && q.empty();
      if constexpr (std::is_same_v<T, overaligned>) {
        ok = ok && q.try_emplace(0) && reinterpret_cast<std::uintptr_t>(q.front()) % 64 == 0;
        q.pop();
      }
    }
    ok = ok && q.try_emplace(make<T>(1)) && q.try_emplace(make<T>(2));  // left in the queue
    CHECK(ok);
    CHECK(heapless::test::counters().errors.load() == 0);
    while (q.try_pop()) {
    }
  });
}

#if HEAPLESS_HAS_EXCEPTIONS
TEST_CASE("spsc: a throwing constructor publishes nothing", "[spsc][exceptions]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  HEAPLESS_LIFETIME_CHECK;
  Queue<throwing, 4> q;
  const throwing a(1);
  CHECK(q.try_push(a));
  throwing::throw_after(0);
  {
    heapless::test::allow_alloc_scope allow;  // the runtime allocates the exception object
    CHECK_THROWS_AS(q.try_push(a), heapless::test::test_exception);
  }
  CHECK(q.size() == 1);
  // Bulk: the third copy throws; the two built ones are destroyed, none published.
  const throwing src[4] = {10, 11, 12, 13};
  throwing::throw_after(2);
  {
    heapless::test::allow_alloc_scope allow;
    CHECK_THROWS_AS(q.push(src, src + 4), heapless::test::test_exception);
  }
  CHECK(q.size() == 1);
  throwing::never_throw();
  CHECK(q.push(src, 4) == 3);
  // try_pop(T&): the assignment throws; the element stays.
  throwing dst(0);
  throwing::throw_after(0);
  {
    heapless::test::allow_alloc_scope allow;
    CHECK_THROWS_AS((void)q.try_pop(dst), heapless::test::test_exception);
  }
  CHECK(q.size() == 4);
  CHECK(q.front()->get() == 1);
  // Bulk pop: the second assignment throws; the first element is consumed.
  throwing out[4];
  throwing::throw_after(1);
  {
    heapless::test::allow_alloc_scope allow;
    CHECK_THROWS_AS(q.pop(out, 4), heapless::test::test_exception);
  }
  throwing::never_throw();
  CHECK(out[0].get() == 1);
  CHECK(q.size() == 3);
  CHECK(q.front()->get() == 10);
  CHECK(q.pop(out, 4) == 3);
  CHECK(out[2].get() == 12);
  CHECK(q.empty());
}
#endif

// ---- Handles ---------------------------------------------------------------

TEST_CASE("spsc: split hands out one producer and one consumer", "[spsc][split]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  HEAPLESS_LIFETIME_CHECK;
  Queue<counted, 4> q;
  auto [tx, rx] = q.split();
  CHECK(tx);
  CHECK(rx);
  CHECK(tx.capacity() == 4);
  CHECK(tx.empty());
  CHECK(tx.try_push(counted(1)));
  const counted two(2);
  CHECK(tx.try_push(two));
  CHECK(tx.try_emplace(3));
  CHECK(rx.size() == 3);
  CHECK(tx.size() == 3);
  CHECK_FALSE(rx.full());
  CHECK(rx.front()->get() == 1);
  rx.pop();
  counted out(0);
  CHECK(rx.try_pop(out));
  CHECK(out.get() == 2);
  CHECK(rx.try_pop()->get() == 3);
  CHECK(rx.empty());
  CHECK_FALSE(rx.try_pop().has_value());

  // Handles move; the source becomes empty.
  Producer<counted, 4> tx2(std::move(tx));
  CHECK_FALSE(tx);
  CHECK(tx2);
  Consumer<counted, 4> rx2;
  CHECK_FALSE(rx2);
  rx2 = std::move(rx);
  CHECK_FALSE(rx);
  CHECK(tx2.try_emplace(4));
  CHECK(q.size() == 1);  // the queue itself stays usable as well
  CHECK(rx2.try_pop()->get() == 4);
#if HEAPLESS_TEST_CAN_CATCH_ASSERT
  // An empty handle reads as a full (producer) or empty (consumer) queue; its
  // operations report the misuse on that failure path.
  counted five(5);
  HEAPLESS_CHECK_RAISES(precondition, tx.try_emplace(5));
  HEAPLESS_CHECK_RAISES(precondition, tx.try_push(std::move(five)));
  HEAPLESS_CHECK_RAISES(precondition, tx.try_push(two));
  HEAPLESS_CHECK_RAISES(precondition, rx.front());
  HEAPLESS_CHECK_RAISES(precondition, rx.try_pop());
  HEAPLESS_CHECK_RAISES(precondition, rx.try_pop(out));
  HEAPLESS_CHECK_RAISES(precondition, rx.pop());
  HEAPLESS_CHECK_RAISES(precondition, (void)tx.size());
  HEAPLESS_CHECK_RAISES(precondition, (void)rx.peek());
  CHECK(out.get() == 2);  // untouched by the failed pop
  // A default-constructed handle behaves the same; moving into it makes it usable.
  Producer<counted, 4> tx3;
  HEAPLESS_CHECK_RAISES(precondition, tx3.try_emplace(6));
  tx3 = std::move(tx2);
  CHECK(tx3.try_emplace(6));
  HEAPLESS_CHECK_RAISES(precondition, tx2.try_emplace(7));
  CHECK(rx2.try_pop()->get() == 6);
#endif
  CHECK(q.empty());
}

// ---- Differential against std::deque ----------------------------------------
// (support/ops/queue_ops.hpp: the operations of fuzz/spsc_fuzz.cpp)

namespace {

template <class T, std::size_t N>
void differential(std::uint64_t seed, long steps) {
  namespace queue_ops = heapless::test::queue_ops;
  using heapless::test::ops::test_env;
  Queue<T, N> q;
  queue_ops::model m;  // the values the queue should hold, front first
  HEAPLESS_LIFETIME_CHECK;
  {
    HEAPLESS_NO_ALLOC_SCOPE;
    heapless::test::ops::run_steps(seed, steps, [&](heapless::test::rng& r) {
      queue_ops::apply_spsc_op<test_env>(m, q, r.below(queue_ops::spsc_op_count), r);
      queue_ops::compare<test_env>(m, q);
    });
    while (q.try_pop()) {
    }
  }
  CAPTURE(N);
  m.fifo.clear();
  m.fifo.shrink_to_fit();
}

}  // namespace

TEST_CASE("spsc: differential test against std::deque", "[spsc][differential]") {
  const long steps = heapless::test::scaled(200000);
  differential<int, 1>(1, steps / 4);
  differential<int, 3>(2, steps);
  differential<int, 8>(3, steps);
  differential<int, 100>(4, steps);
  differential<trivial, 5>(5, steps / 2);
  differential<counted, 6>(6, steps / 2);
  differential<counted, 16>(7, steps / 2);
}
