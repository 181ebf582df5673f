// spsc_ref_test.cpp - heapless::spsc::QueueRef<T>: one non-template function
// produces into, or consumes from, spsc::Queues of any capacity. Every member
// goes through the view and through the handles a view's split() gives, on
// queues of every index layout (power-of-two and other N; one-, two- and
// pointer-wide indices; with and without the private index copies), with
// wrap-around; the error behaviour is the queue's; the element matrix keeps
// its lifetimes; and a producer thread and a consumer thread, each a plain
// function taking a view, move sequence-numbered items with nothing lost,
// duplicated or reordered.
#include "support/test.hpp"

#include <cstdint>      // std::uint8_t, std::uint32_t, std::uint64_t
#include <type_traits>  // std::is_copy_constructible_v
#include <utility>      // std::move

#include <heapless/spsc.hpp>
#include <heapless/vec.hpp>

#if !(defined(__ARM_ARCH_PROFILE) && __ARM_ARCH_PROFILE == 'M')
#define SPSC_REF_THREADS 1
#include <thread>  // the two-thread test (hosts)
#endif

using heapless::spsc::ConsumerRef;
using heapless::spsc::ProducerRef;
using heapless::spsc::Queue;
using heapless::spsc::QueueRef;
using heapless::test::counted;
using heapless::test::make;
using heapless::test::move_only;
using heapless::test::overaligned;
using heapless::test::throwing;
using heapless::test::trivial;
using heapless::test::value_of;

namespace {

// Not templates: each serves every capacity.
int produce(QueueRef<int> q, int from, int to) {
  int added = 0;
  for (int i = from; i < to; ++i) {
    if (!q.try_push(i)) break;
    ++added;
  }
  return added;
}
long consume(QueueRef<int> q) {
  long s = 0;
  int x = 0;
  while (q.try_pop(x)) s += x;
  return s;
}
// Through the handles of a view.
int produce_with(ProducerRef<int>& p, int from, int to) {
  int added = 0;
  for (int i = from; i < to; ++i) {
    if (!p.try_push(i)) break;
    ++added;
  }
  return added;
}
long consume_with(ConsumerRef<int>& c) {
  long s = 0;
  while (auto v = c.try_pop()) s += *v;
  return s;
}

// Every member through the view, on a queue of capacity cap, starting at
// every wrap offset.
void workout(QueueRef<std::uint32_t> q) {
  const std::size_t cap = q.capacity();
  const std::size_t offsets[] = {0, 1, 2, 3, cap / 2, cap - 1, cap, cap + 1, 2 * cap - 1, 2 * cap + 1};
  for (std::size_t offset : offsets) {
    bool moved = true;
    for (std::size_t i = 0; i < offset; ++i) {  // move the indices round
      moved = moved && q.try_push(static_cast<std::uint32_t>(i));
      moved = moved && q.try_pop().has_value();
    }
    CHECK(moved);
    CHECK(q.empty());
    CHECK(q.front() == nullptr);
    std::uint32_t v = 0;
    bool pushed = true;
    for (std::uint32_t i = 0; i < cap; ++i) pushed = pushed && q.try_push(i);
    CHECK(pushed);
    CHECK(q.full());
    CHECK(q.size() == cap);
    CHECK_FALSE(q.try_push(v));
    CHECK_FALSE(q.try_emplace(7u));
    // peek sees every element, front first
    std::uint32_t want = 0;
    bool in_order = true;
    for (std::uint32_t x : q.peek()) in_order = in_order && x == want++;
    CHECK(in_order);
    CHECK(want == cap);
    CHECK(q.peek().size() == cap);
    REQUIRE(q.front() != nullptr);
    CHECK(*q.front() == 0);
    q.pop();
    if (cap > 1) {
      CHECK(q.try_pop(v));
      CHECK(v == 1u);
    }
    // bulk out, then bulk in across the wrap
    std::uint32_t out[8] = {};
    const std::size_t left = q.size();
    const std::size_t got = q.pop(out, 3);
    CHECK(got == (left < 3 ? left : 3));
    for (std::size_t i = 0; i < got; ++i) CHECK(out[i] == i + (cap > 1 ? 2 : 1));
    const std::uint32_t in[4] = {100, 101, 102, 103};
    const std::size_t room = cap - q.size();
    CHECK(q.push(in, 4) == (room < 4 ? room : 4));
    heapless::Vec<std::uint32_t, 3> more{200, 201, 202};
    (void)q.push(more);
    (void)q.push(more.begin(), more.end());
    std::size_t drained = 0;
    CHECK(q.drain([&](std::uint32_t&&) { ++drained; }) == drained);
    CHECK(q.empty());
    CHECK_FALSE(q.try_pop().has_value());
    CHECK(q.pop(out, 8) == 0);
  }
}

}  // namespace

namespace {
// Its own type, for which a queue uses the Cortex-M index logic (no private
// copies of the other side's index) on hosts too (detail::cached_indices,
// specialised below).
struct uncached {
  std::uint32_t v;
};
std::size_t run_uncached(QueueRef<uncached> q, std::uint32_t laps) {
  std::uint32_t next = 0, expect = 0;
  bool ok = true;
  for (std::uint32_t lap = 0; lap < laps; ++lap) {
    while (q.try_push(uncached{next})) ++next;
    ok = ok && q.full() && q.size() == q.capacity();
    std::uint32_t k = expect;
    for (const uncached& e : q.peek()) ok = ok && e.v == k++;
    ok = ok && k == next;
    uncached out[2] = {};
    const std::size_t got = q.pop(out, 2);
    for (std::size_t i = 0; i < got; ++i) ok = ok && out[i].v == expect++;
    const uncached in[1] = {uncached{next}};
    next += static_cast<std::uint32_t>(q.push(in, 1));
    q.drain([&](uncached&& e) { ok = ok && e.v == expect++; });
  }
  return ok && q.empty() && expect == next ? next : 0;
}
}  // namespace

template <std::size_t N>
struct heapless::spsc::detail::cached_indices<uncached, N> : std::false_type {};

TEST_CASE("spsc::QueueRef: queues without private index copies", "[spsc][spsc_ref]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  Queue<uncached, 1> q1;
  Queue<uncached, 5> q5;
  Queue<uncached, 16> q16;
  CHECK(run_uncached(q1, 50) == 100);
  CHECK(run_uncached(q5, 50) == 50 * 6);
  CHECK(run_uncached(q16, 50) == 50 * 17);
}

// Forces every shared member to compile for the view and its handles.
template class heapless::spsc::QueueRef<int>;
template class heapless::spsc::ProducerRef<int>;
template class heapless::spsc::ConsumerRef<int>;

TEST_CASE("spsc::QueueRef: one non-template function serves every capacity", "[spsc][spsc_ref]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  Queue<int, 4> small;
  static Queue<int, 300> large;  // two-byte indices where nothing pads them
  Queue<int, 256> pow2;
  CHECK(produce(small, 0, 10) == 4);
  CHECK(small.full());
  CHECK(produce(large, 0, 500) == 300);
  CHECK(produce(pow2, 0, 500) == 256);
  CHECK(consume(small) == 0 + 1 + 2 + 3);
  CHECK(consume(large) == 299L * 300 / 2);
  CHECK(consume(pow2) == 255L * 256 / 2);
  CHECK(small.empty());
  CHECK(QueueRef<int>(large).capacity() == 300);
  CHECK(QueueRef<int>(small).max_size() == 4);
  // The queue's index block, its slots, N - 1, the index wrap, the table,
  // and one word for head_'s offset, the index type and the layout flags.
  CHECK(sizeof(QueueRef<int>) == 6 * sizeof(void*));
  CHECK(sizeof(ProducerRef<int>) == 6 * sizeof(void*));
  CHECK(sizeof(ConsumerRef<int>) == 6 * sizeof(void*));
  static_assert(std::is_copy_constructible_v<QueueRef<int>>);
  static_assert(!std::is_copy_constructible_v<ProducerRef<int>>);
  static_assert(!std::is_copy_constructible_v<ConsumerRef<int>>);
}

TEST_CASE("spsc::QueueRef: every member, every index layout, every wrap offset", "[spsc][spsc_ref]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  Queue<std::uint32_t, 1> q1;
  Queue<std::uint32_t, 2> q2;
  Queue<std::uint32_t, 3> q3;
  Queue<std::uint32_t, 5> q5;
  Queue<std::uint32_t, 8> q8;
  Queue<std::uint32_t, 128> q128;  // one-byte indices that wrap at 256 (unpadded layouts)
  static Queue<std::uint32_t, 200> q200;
  static Queue<std::uint32_t, 1000> q1000;  // two-byte indices (unpadded layouts)
  for (QueueRef<std::uint32_t> r : {QueueRef<std::uint32_t>(q1), QueueRef<std::uint32_t>(q2),
                                    QueueRef<std::uint32_t>(q3), QueueRef<std::uint32_t>(q5),
                                    QueueRef<std::uint32_t>(q8), QueueRef<std::uint32_t>(q128),
                                    QueueRef<std::uint32_t>(q200), QueueRef<std::uint32_t>(q1000)}) {
    workout(r);
  }
  // Many laps of a small power-of-two queue: indices wrap past their type's range.
  QueueRef<std::uint32_t> r = q8;
  std::uint32_t next = 0, expect = 0;
  bool laps_in_order = true;
  for (int lap = 0; lap < 700; ++lap) {
    while (r.try_push(next)) ++next;
    std::uint32_t x = 0;
    while (r.try_pop(x)) laps_in_order = laps_in_order && x == expect++;
  }
  CHECK(laps_in_order);
  CHECK(expect == next);
  // The owner and the view see the same queue.
  CHECK(q8.try_push(42u));
  CHECK(*r.front() == 42u);
  CHECK(r.try_push(43u));
  CHECK(*q8.try_pop() == 42u);
  CHECK(*r.try_pop() == 43u);
}

TEST_CASE("spsc::QueueRef: handles from a view", "[spsc][spsc_ref]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  Queue<int, 6> q;
  QueueRef<int> view = q;
  auto [tx, rx] = view.split();
  CHECK(static_cast<bool>(tx));
  CHECK(static_cast<bool>(rx));
  CHECK(tx.capacity() == 6);
  CHECK(rx.capacity() == 6);
  CHECK(produce_with(tx, 1, 10) == 6);
  CHECK(tx.full());
  CHECK(rx.size() == 6);
  CHECK_FALSE(tx.try_emplace(0));
  CHECK(*rx.front() == 1);
  rx.pop();
  int x = 0;
  CHECK(rx.try_pop(x));
  CHECK(x == 2);
  int peeked = 0;
  for (int v : rx.peek()) peeked += v;
  CHECK(peeked == 3 + 4 + 5 + 6);
  int out[2] = {};
  CHECK(rx.pop(out, 2) == 2);
  CHECK((out[0] == 3 && out[1] == 4));
  const int in[] = {7, 8, 9};
  CHECK(tx.push(in, 3) == 3);
  CHECK(tx.push(std::begin(in), std::end(in)) == 1);
  heapless::Vec<int, 2> v{1, 1};
  CHECK(tx.push(v) == 0);
  CHECK(rx.drain([](int&&) {}) == 6);
  CHECK(rx.empty());
  CHECK(consume_with(rx) == 0);
  // Moving a handle leaves the source empty: it reads full / empty.
  ProducerRef<int> tx2 = std::move(tx);
  ConsumerRef<int> rx2 = std::move(rx);
  CHECK_FALSE(static_cast<bool>(tx));
  CHECK_FALSE(static_cast<bool>(rx));
  CHECK(produce_with(tx2, 0, 3) == 3);
  CHECK(consume_with(rx2) == 3);
  tx = std::move(tx2);
  CHECK(static_cast<bool>(tx));
  CHECK(tx.try_push(5));
  CHECK(*q.try_pop() == 5);
}

namespace {
// Many laps through a view's handles, mixed with the owner's members: every
// single-element operation of ProducerRef and ConsumerRef at every index
// offset, past the wrap of the indices (2N, or the narrow index type's
// range where nothing pads them).
template <std::size_t N>
bool handle_laps(Queue<std::uint32_t, N>& q, std::size_t laps) {
  QueueRef<std::uint32_t> view = q;
  auto [tx, rx] = view.split();
  std::uint32_t next = 0, expect = 0;
  bool ok = tx.capacity() == N && rx.capacity() == N;
  for (std::size_t lap = 0; lap < laps && ok; ++lap) {
    // lap % (N + 1) elements in, so that the fill level and the offset of
    // the indices both run through every value.
    const std::size_t fill = lap % (N + 1);
    for (std::size_t i = 0; i < fill; ++i) {
      switch ((lap + i) % 3) {
        case 0: ok = ok && tx.try_push(next); break;
        case 1: ok = ok && tx.try_emplace(next); break;
        default: ok = ok && q.try_push(next); break;  // the owner's member on the same indices
      }
      ++next;
    }
    ok = ok && rx.size() == fill && tx.full() == (fill == N);
    if (fill == N) ok = ok && !tx.try_push(0u) && !tx.try_emplace(0u);
    for (std::size_t i = 0; i < fill; ++i) {
      switch ((lap + i) % 4) {
        case 0: {
          const auto v = rx.try_pop();
          ok = ok && v && *v == expect;
          break;
        }
        case 1: {
          std::uint32_t v = 0;
          ok = ok && rx.try_pop(v) && v == expect;
          break;
        }
        case 2: {
          const std::uint32_t* f = rx.front();
          ok = ok && f != nullptr && *f == expect;
          rx.pop();
          break;
        }
        default: {
          const auto v = q.try_pop();
          ok = ok && v && *v == expect;
          break;
        }
      }
      ++expect;
    }
    std::uint32_t v = 0;
    ok = ok && rx.empty() && rx.front() == nullptr && !rx.try_pop(v) && !rx.try_pop().has_value();
  }
  // Moving the handles on keeps the queue (the moved-from ones are empty).
  ProducerRef<std::uint32_t> tx2 = std::move(tx);
  ConsumerRef<std::uint32_t> rx2 = std::move(rx);
  std::uint32_t v = 0;
  ok = ok && !tx && !rx && static_cast<bool>(tx2) && static_cast<bool>(rx2);
  ok = ok && tx2.try_push(5u) && rx2.try_pop(v) && v == 5u && q.empty();
  return ok && expect == next;
}
}  // namespace

TEST_CASE("spsc::QueueRef: the handles of a view, every capacity, many laps", "[spsc][spsc_ref]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  Queue<std::uint32_t, 1> q1;
  Queue<std::uint32_t, 2> q2;
  Queue<std::uint32_t, 3> q3;
  Queue<std::uint32_t, 7> q7;
  Queue<std::uint32_t, 16> q16;    // one-byte indices wrap at 256 (unpadded layouts)
  static Queue<std::uint32_t, 128> q128;  // ... exactly at 2N
  static Queue<std::uint32_t, 300> q300;  // two-byte indices (unpadded layouts)
  CHECK(handle_laps(q1, 700));
  CHECK(handle_laps(q2, 700));
  CHECK(handle_laps(q3, 700));
  CHECK(handle_laps(q7, 700));
  CHECK(handle_laps(q16, 700));
  CHECK(handle_laps(q128, 700));
  CHECK(handle_laps(q300, 1400));
}

TEST_CASE("spsc::QueueRef: the element matrix through the view", "[spsc][spsc_ref][matrix]") {
  // N = 5 and N = 4: a power of two takes the view's other path on hosts.
  auto run_n = [](auto tag, auto n_tag) {
    using T = typename decltype(tag)::type;
    constexpr std::size_t N = decltype(n_tag)::value;
    HEAPLESS_LIFETIME_CHECK;
    HEAPLESS_NO_ALLOC_SCOPE;
    {
      Queue<T, N> q;
      QueueRef<T> r = q;
      for (int lap = 0; lap < 3; ++lap) {
        for (int i = 0; i < static_cast<int>(N); ++i) CHECK(r.try_emplace(make<T>(10 * lap + i)));
        T extra = make<T>(99);
        CHECK_FALSE(r.try_push(std::move(extra)));
        CHECK(value_of(extra) == 99);  // not moved from when full
        CHECK(value_of(*r.front()) == 10 * lap);
        auto v = r.try_pop();
        REQUIRE(v.has_value());
        CHECK(value_of(*v) == 10 * lap);
        for (const T& e : r.peek()) CHECK(reinterpret_cast<std::uintptr_t>(&e) % alignof(T) == 0);
        int n = 1;
        CHECK(r.drain([&](T&& e) { CHECK(value_of(e) == 10 * lap + n++); }) == N - 1);
      }
      CHECK(r.try_emplace(make<T>(7)));  // left queued: the queue's destructor destroys it
      T* f = r.front();
      REQUIRE(f != nullptr);
      CHECK(value_of(*f) == 7);
      r.pop();
      CHECK(r.front() == nullptr);
      CHECK(r.try_emplace(make<T>(8)));
      T out = make<T>(0);
      CHECK(r.try_pop(out));
      CHECK(value_of(out) == 8);
      CHECK_FALSE(r.try_pop(out));
      CHECK(r.try_emplace(make<T>(9)));  // left queued: the queue's destructor destroys it
    }
  };
  auto run = [&](auto tag) {
    run_n(tag, std::integral_constant<std::size_t, 5>{});
    run_n(tag, std::integral_constant<std::size_t, 4>{});
  };
  heapless::test::for_each_type<trivial, counted, move_only, throwing, overaligned>(run);
}

#if SPSC_REF_THREADS
namespace {
// The two sides, each a plain function taking a view of any capacity.
void producer_side(QueueRef<std::uint64_t> q, std::uint64_t items) {
  std::uint64_t next = 0;
  while (next < items) {
    if ((next & 7) == 0) {  // a bulk call now and then
      std::uint64_t batch[5];
      for (std::uint64_t i = 0; i < 5; ++i) batch[i] = next + i;
      const std::uint64_t left = items - next;
      next += q.push(batch, left < 5 ? static_cast<std::size_t>(left) : 5);
    } else if (q.try_push(next)) {
      ++next;
    }
  }
}
bool consumer_side(QueueRef<std::uint64_t> q, std::uint64_t items) {
  std::uint64_t expect = 0;
  bool ordered = true;
  while (expect < items) {
    if ((expect & 3) == 0) {
      q.drain([&](std::uint64_t&& v) { ordered = ordered && v == expect++; });
    } else {
      std::uint64_t v = 0;
      if (q.try_pop(v)) {
        ordered = ordered && v == expect++;
      }
    }
  }
  return ordered && q.empty();
}
bool handle_consumer(ConsumerRef<std::uint64_t> c, std::uint64_t items) {
  std::uint64_t expect = 0;
  bool ordered = true;
  while (expect < items) {
    if (auto v = c.try_pop()) {
      ordered = ordered && *v == expect++;
    }
  }
  return ordered;
}
}  // namespace

TEST_CASE("spsc::QueueRef: a producer thread and a consumer thread through views", "[spsc][spsc_ref][thread]") {
  constexpr std::uint64_t items = 3000;  // per run: short, still thousands of hand-overs and wraps
  static Queue<std::uint64_t, 64> q64;
  static Queue<std::uint64_t, 3> q3;
  static Queue<std::uint64_t, 1000> q1000;
  // Capacity 3: every item is a hand-over, which needs both threads on a core
  // at once (slow on a loaded machine): fewer items.
  const std::pair<QueueRef<std::uint64_t>, std::uint64_t> runs[] = {
      {q64, items}, {q3, items / 10}, {q1000, items}};
  for (const auto& [r, n] : runs) {
    bool ok = false;
    std::thread consumer([&ok, r = r, n = n] { ok = consumer_side(r, n); });
    producer_side(r, n);
    consumer.join();
    CHECK(ok);
  }
  // The handles of a view, each moved to its thread.
  QueueRef<std::uint64_t> r = q64;
  auto handles = r.split();
  bool ok = false;
  std::thread consumer([&ok, c = std::move(handles.second)]() mutable { ok = handle_consumer(std::move(c), items); });
  for (std::uint64_t i = 0; i < items;) {
    if (handles.first.try_push(i)) {
      ++i;
    }
  }
  consumer.join();
  CHECK(ok);
  CHECK(q64.empty());
}
#endif
