// spsc_peek_test.cpp - spsc::Queue's consumer-side peek() range and drain(f):
// order, wrap-around at power-of-two and other capacities, the view as a
// snapshot, in-place modification, lifetimes, the Consumer handle, and drain
// when f throws. Two threads: spsc_drain_stress_test.cpp.
#include <heapless/spsc.hpp>

#include <cstddef>
#include <iterator>
#include <type_traits>
#include <utility>

#include "support/test.hpp"

namespace {

using heapless::spsc::Queue;
using heapless::test::counted;

// Shifts q's ring position by `shift` (push + pop each).
template <class Q>
bool shift_ring(Q& q, int shift) {
  bool ok = true;
  for (int i = 0; i < shift; ++i) ok = ok && q.try_emplace(-1) && q.try_pop();
  return ok;
}

template <std::size_t N>
void peek_and_drain(int shift) {
  HEAPLESS_LIFETIME_CHECK;
  bool ok = true;
  {
    HEAPLESS_NO_ALLOC_SCOPE;
    Queue<counted, N> q;
    ok = ok && shift_ring(q, shift);
    ok = ok && q.peek().empty() && q.peek().size() == 0 && q.peek().begin() == q.peek().end();
    for (int i = 0; i < static_cast<int>(N); ++i) ok = ok && q.try_emplace(i);
    auto view = q.peek();
    ok = ok && view.size() == N && !view.empty();
    int expect = 0;
    for (counted& c : view) ok = ok && c.get() == expect++;
    ok = ok && expect == static_cast<int>(N) && q.size() == N;  // nothing removed
    for (auto it = view.begin(); it != view.end(); it++) *it = counted(it->get() + 10);  // in place
    int seen[N] = {};
    std::size_t k = 0;
    const std::size_t drained = q.drain([&](counted&& c) { seen[k++] = c.get(); });
    ok = ok && drained == N && k == N && q.empty() && q.drain([](counted&&) {}) == 0;
    for (std::size_t i = 0; i < N; ++i) ok = ok && seen[i] == static_cast<int>(i) + 10;
    // Half full: the view is a snapshot of what was queued when it was taken.
    for (int i = 0; i < static_cast<int>(N + 1) / 2; ++i) ok = ok && q.try_emplace(100 + i);
    auto before = q.peek();
    const bool room = (N + 1) / 2 < N;
    ok = ok && q.try_emplace(999) == room;
    ok = ok && before.size() == (N + 1) / 2 &&
         static_cast<std::size_t>(std::distance(before.begin(), before.end())) == before.size();
    ok = ok && q.peek().size() == (N + 1) / 2 + (room ? 1 : 0);
  }  // the rest is destroyed by ~Queue
  CAPTURE(N);
  CAPTURE(shift);
  CHECK(ok);
}

}  // namespace

TEST_CASE("spsc peek: forward range over the queued elements", "[spsc][peek]") {
  using V = Queue<int, 4>::peek_view;
  STATIC_REQUIRE(std::is_same_v<std::iterator_traits<V::iterator>::iterator_category, std::forward_iterator_tag>);
  STATIC_REQUIRE(std::is_same_v<decltype(*std::declval<V::iterator>()), int&>);
  for (int shift = 0; shift < 9; ++shift) {
    peek_and_drain<1>(shift);
    peek_and_drain<3>(shift);
    peek_and_drain<4>(shift);
    peek_and_drain<5>(shift);
  }
}

TEST_CASE("spsc peek: through the Consumer handle", "[spsc][peek]") {
  Queue<int, 8> q;
  auto [tx, rx] = q.split();
  CHECK(tx.try_push(1));
  CHECK(tx.try_push(2));
  int sum = 0;
  for (int v : rx.peek()) sum += v;
  CHECK(sum == 3);
  CHECK(rx.size() == 2);
  int total = 0;
  CHECK(rx.drain([&](int&& v) { total += v; }) == 2);
  CHECK(total == 3);
  CHECK(rx.empty());
}

TEST_CASE("spsc drain: a callable taking an lvalue", "[spsc][peek]") {
  HEAPLESS_LIFETIME_CHECK;
  {
    Queue<counted, 3> q;
    CHECK(shift_ring(q, 2));
    for (int i = 0; i < 3; ++i) CHECK(q.try_emplace(i));
    int seen[3] = {};
    int k = 0;
    CHECK(q.drain([&](auto& c) { seen[k++] = c.get(); }) == 3);  // as `for (auto& x : q.peek())`
    CHECK(k == 3);
    CHECK(seen[0] == 0);
    CHECK(seen[2] == 2);
    CHECK(q.empty());
    auto [tx, rx] = q.split();
    CHECK(tx.try_emplace(7));
    CHECK(rx.drain([&](counted& c) { seen[0] = c.get(); }) == 1);
    CHECK(seen[0] == 7);
    heapless::spsc::QueueRef<counted> ref = q;
    CHECK(ref.try_emplace(8));
    CHECK(ref.drain([&](const counted& c) { seen[0] = c.get(); }) == 1);
    CHECK(seen[0] == 8);
    CHECK(q.empty());
  }
}

TEST_CASE("spsc drain: into an output iterator", "[spsc][peek]") {
  HEAPLESS_LIFETIME_CHECK;
  {
    // Non-trivial elements, across the wrap, through the Consumer handle.
    Queue<counted, 3> q;
    auto [tx, rx] = q.split();
    CHECK(shift_ring(q, 2));
    for (int i = 0; i < 3; ++i) CHECK(tx.try_emplace(i));
    counted out[4];
    CHECK(rx.drain(out) == 3);  // an array decays to counted*
    CHECK(out[0].get() == 0);
    CHECK(out[1].get() == 1);
    CHECK(out[2].get() == 2);
    CHECK(rx.empty());
    CHECK(rx.drain(out + 3) == 0);
  }
  {
    // Trivially copyable elements into a T* (the memcpy path), across the wrap.
    Queue<int, 5> q;
    CHECK(shift_ring(q, 3));
    for (int i = 0; i < 5; ++i) CHECK(q.try_push(10 + i));
    int out[5] = {};
    CHECK(q.drain(out) == 5);
    for (int i = 0; i < 5; ++i) CHECK(out[i] == 10 + i);
    CHECK(q.empty());
    CHECK(q.try_push(1));  // all five slots free again
    CHECK(q.try_push(2));
    CHECK(q.size() == 2);
  }
  {
    // Any output iterator: an inserter into a fixed-capacity container.
    Queue<int, 4> q;
    heapless::spsc::QueueRef<int> ref = q;
    for (int i = 0; i < 4; ++i) CHECK(q.try_push(i));
    struct sink {  // an output iterator that counts and sums what it receives
      int* sum;
      int* count;
      sink& operator*() { return *this; }
      sink& operator=(int v) {
        *sum += v;
        ++*count;
        return *this;
      }
      sink& operator++() { return *this; }
      sink operator++(int) { return *this; }
    };
    int sum = 0;
    int count = 0;
    CHECK(ref.drain(sink{&sum, &count}) == 4);
    CHECK(sum == 0 + 1 + 2 + 3);
    CHECK(count == 4);
    CHECK(q.empty());
  }
}

#if HEAPLESS_HAS_EXCEPTIONS
TEST_CASE("spsc drain: into an output iterator whose assignment throws", "[spsc][peek]") {
  HEAPLESS_LIFETIME_CHECK;
  Queue<counted, 4> q;
  for (int i = 0; i < 4; ++i) CHECK(q.try_emplace(i));
  struct throwing_sink {  // throws when handed the element 2
    int* taken;
    throwing_sink& operator*() { return *this; }
    throwing_sink& operator=(counted&& c) {
      if (c.get() == 2) throw heapless::test::test_exception{2};
      ++*taken;
      return *this;
    }
    throwing_sink& operator++() { return *this; }
  };
  int taken = 0;
  {
    heapless::test::allow_alloc_scope allow;
    CHECK_THROWS_AS(q.drain(throwing_sink{&taken}), heapless::test::test_exception);
  }
  CHECK(taken == 2);
  CHECK(q.size() == 2);  // 0 and 1 removed; 2 (the one it threw on) and 3 stay
  REQUIRE(q.front() != nullptr);
  CHECK(q.front()->get() == 2);
}

TEST_CASE("spsc drain: a throwing f removes what it was handed", "[spsc][peek]") {
  HEAPLESS_LIFETIME_CHECK;
  Queue<counted, 4> q;
  for (int i = 0; i < 4; ++i) CHECK(q.try_emplace(i));
  int calls = 0;
  {
    heapless::test::allow_alloc_scope allow;
    CHECK_THROWS_AS(q.drain([&](counted&& c) {
      ++calls;
      if (c.get() == 1) throw heapless::test::test_exception{1};
    }),
                    heapless::test::test_exception);
  }
  CHECK(calls == 2);
  CHECK(q.size() == 2);  // 0 and 1 removed
  REQUIRE(q.front() != nullptr);
  CHECK(q.front()->get() == 2);
}
#endif
