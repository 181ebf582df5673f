// binary_heap_random_test.cpp - BinaryHeap against std::priority_queue over
// long deterministic random sequences. Elements carry a key and a unique tag
// and compare by key only, so equal keys may leave the two queues in a
// different order: the popped keys must match exactly, and every popped
// (key, tag) must be one that is in the heap (tracked in a std::multiset).
// Operations: push, try_push when full, pop, try_pop, replace_top, top_mut,
// heapify from a range, into_sorted, copy.
#include "support/test.hpp"

#include <cstdint>
#include <optional>
#include <queue>
#include <set>
#include <utility>
#include <vector>

#include <heapless/binary_heap.hpp>

#include "support/ordered.hpp"

using heapless::BinaryHeap;
using heapless::test::allow_alloc_scope;

namespace {

struct rng {
  std::uint64_t s;
  std::uint32_t next() {
    s ^= s << 13;
    s ^= s >> 7;
    s ^= s << 17;
    return static_cast<std::uint32_t>(s >> 11);
  }
};

using elem = heapless::test::keyed;
using heapless::test::by_key;
using heapless::test::by_key_greater;

template <class Compare, std::size_t N>
void run(std::uint64_t seed, long steps, int key_range) {
  static BinaryHeap<elem, N, Compare> h;
  h.clear();
  std::priority_queue<int, std::vector<int>, std::conditional_t<std::is_same_v<Compare, by_key>, std::less<int>,
                                                                 std::greater<int>>>
      ref;
  std::multiset<std::pair<int, int>> live;  // (key, tag) in the heap
  int next_tag = 0;
  rng r{seed};
  bool ok = true;
  const auto take = [&](const elem& e) {
    allow_alloc_scope allow;
    const auto it = live.find({e.key, e.tag});
    ok = ok && it != live.end() && !ref.empty() && ref.top() == e.key;
    if (it != live.end()) live.erase(it);
    if (!ref.empty()) ref.pop();
  };
  const auto add = [&](const elem& e) {
    allow_alloc_scope allow;
    live.insert({e.key, e.tag});
    ref.push(e.key);
  };
  HEAPLESS_NO_ALLOC_SCOPE;
  for (long i = 0; i < steps && ok; ++i) {
    const unsigned op = r.next() % 16;
    const elem e{static_cast<int>(r.next() % static_cast<unsigned>(key_range)), next_tag++};
    if (op < 6) {
      if (h.full()) {
        ok = ok && !h.try_push(e);
      } else {
        h.push(e);
        add(e);
      }
    } else if (op < 10) {
      if (!h.empty()) {
        ok = ok && h.top().key == ref.top();
        const elem top = h.top();
        h.pop();
        take(top);
      }
    } else if (op == 10) {
      const std::optional<elem> t = h.try_pop();
      ok = ok && t.has_value() == !ref.empty();
      if (t) take(*t);
    } else if (op == 11 && !h.empty()) {
      const elem old = h.replace_top(e);
      take(old);
      add(e);
    } else if (op == 12 && !h.empty()) {
      const elem old = h.top();
      {
        auto m = h.top_mut();
        *m = e;
      }
      take(old);
      add(e);
    } else if (op == 13 && i % 8 == 0) {
      // Rebuild by heapify from the storage order reversed.
      const BinaryHeap<elem, N, Compare> copy = h;
      elem tmp[N];
      std::size_t n = 0;
      for (const elem& x : copy) tmp[n++] = x;
      for (std::size_t a = 0, b = n; a < b && a < --b; ++a) std::swap(tmp[a], tmp[b]);
      h = BinaryHeap<elem, N, Compare>(tmp, tmp + n);
    } else if (op == 14 && i % 32 == 0) {
      BinaryHeap<elem, N, Compare> copy = h;
      const heapless::Vec<elem, N> s = std::move(copy).into_sorted();
      ok = ok && s.size() == h.size();
      for (std::size_t k = 1; k < s.size(); ++k) ok = ok && !Compare()(s[k], s[k - 1]);
    } else if (op == 15) {
      ok = ok && h.size() == ref.size() && h.empty() == ref.empty();
    }
    // The heap property holds after every step.
    const elem* d = h.data();
    for (std::size_t k = 1; k < h.size(); ++k) ok = ok && !Compare()(d[(k - 1) / 2], d[k]);
    if (!ok) {
      allow_alloc_scope allow;
      CAPTURE(i, op);
      REQUIRE(ok);
    }
  }
  // Drain: the remaining keys come out as the reference's.
  while (!h.empty() && ok) {
    const elem top = h.top();
    h.pop();
    take(top);
  }
  allow_alloc_scope allow;
  CHECK(ok);
  CHECK(ref.empty());
  CHECK(live.empty());
}

}  // namespace

TEST_CASE("BinaryHeap random differential: max heap, many equal keys", "[binary_heap][random]") {
  run<by_key, 64>(1, heapless::test::scaled(60000), 16);
}

TEST_CASE("BinaryHeap random differential: min heap, wide keys, often full", "[binary_heap][random]") {
  run<by_key_greater, 24>(2, heapless::test::scaled(60000), 100000);
  run<by_key, 5>(3, heapless::test::scaled(20000), 4);
}
