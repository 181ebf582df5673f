// sorted_linked_list_random_test.cpp - SortedLinkedList against std::multiset
// over long deterministic random sequences. Elements carry a key and a unique
// tag and compare by key only; std::multiset inserts at the upper bound of
// equal keys, as push does, so the whole sequence of (key, tag) must match
// after every step. Operations: push, try_push when full, pop, try_pop,
// erase_after(find_before_if), erase(find_if), remove_if, find_mut (changing
// the key, or popping), copy, clear.
#include "support/test.hpp"
#include "support/rng.hpp"

#include <cstdint>
#include <iterator>  // std::next, std::prev
#include <optional>
#include <set>

#include <heapless/sorted_linked_list.hpp>

#include "support/ordered.hpp"

using heapless::SortedLinkedList;
using heapless::test::allow_alloc_scope;

namespace {

using rng = heapless::test::rng;  // support/rng.hpp

using elem = heapless::test::keyed<int>;

template <std::size_t N>
void run(std::uint64_t seed, long steps, int key_range) {
  static SortedLinkedList<elem, N> l;
  l.clear();
  std::multiset<elem> ref;
  int next_tag = 0;
  rng r{seed};
  HEAPLESS_NO_ALLOC_SCOPE;
  for (long i = 0; i < steps; ++i) {
    const unsigned op = r.next() % 16;
    const elem e{static_cast<int>(r.next() % static_cast<unsigned>(key_range)), next_tag++};
    const int probe = static_cast<int>(r.next() % static_cast<unsigned>(key_range));
    bool ok = true;
    if (op < 6) {
      if (l.full()) {
        ok = !l.try_push(e);
      } else {
        const auto it = l.push(e);
        ok = it->tag == e.tag;
        allow_alloc_scope allow;
        ref.insert(e);
      }
    } else if (op < 8) {
      if (!l.empty()) {
        ok = l.front().tag == ref.begin()->tag;
        l.pop();
        allow_alloc_scope allow;
        ref.erase(ref.begin());
      }
    } else if (op == 8) {
      const std::optional<elem> t = l.try_pop();
      allow_alloc_scope allow;
      ok = t.has_value() == !ref.empty();
      if (t) {
        ok = ok && t->tag == ref.begin()->tag;
        ref.erase(ref.begin());
      }
    } else if (op == 9) {
      const auto prev = l.find_before_if([&](const elem& x) { return x.key >= probe; });
      if (prev != l.end()) {
        allow_alloc_scope allow;
        auto it = ref.lower_bound(elem{probe, 0});
        auto next = l.erase_after(prev);
        it = ref.erase(it);
        ok = (next == l.end()) == (it == ref.end()) && (it == ref.end() || next->tag == it->tag);
      }
    } else if (op == 10) {
      const auto pos = l.find_if([&](const elem& x) { return x.key == probe; });
      allow_alloc_scope allow;
      auto it = ref.find(elem{probe, 0});
      ok = (pos == l.end()) == (it == ref.end());
      if (pos != l.end()) {
        ok = ok && pos->tag == it->tag;
        l.erase(pos);
        ref.erase(it);
      }
    } else if (op == 11 && i % 4 == 0) {
      const std::size_t n = l.remove_if([&](const elem& x) { return x.key == probe; });
      allow_alloc_scope allow;
      ok = n == ref.erase(elem{probe, 0});
    } else if (op == 12 || op == 13) {
      auto h = l.find_mut([&](const elem& x) { return x.key == probe; });
      allow_alloc_scope allow;
      auto it = ref.find(elem{probe, 0});
      ok = static_cast<bool>(h) == (it != ref.end());
      if (h) {
        ok = ok && h->tag == it->tag;
        if (op == 12) {
          const elem got = h.pop();
          ok = ok && got.tag == it->tag;
          ref.erase(it);
        } else {
          // Moved as erase + insert would, unless still in order between its
          // neighbours (then it keeps its place among equal keys).
          const int new_key = static_cast<int>(r.next() % static_cast<unsigned>(key_range));
          const elem changed{new_key, it->tag};
          const auto after = std::next(it);
          const bool stays = (it == ref.begin() || !(changed < *std::prev(it))) &&
                             (after == ref.end() || !(*after < changed));
          if (stays) {
            ref.erase(it);
            ref.insert(after, changed);  // just before the hint: the same place
          } else {
            ref.erase(it);
            ref.insert(changed);
          }
          h->key = new_key;
        }
      }
    } else if (op == 14 && i % 16 == 0) {
      const SortedLinkedList<elem, N> copy = l;
      l = copy;
    } else if (op == 15 && i % 512 == 0) {
      l.clear();
      allow_alloc_scope allow;
      ref.clear();
    }
    // The whole sequence matches (the handle above is released by now).
    if (ok) {
      allow_alloc_scope allow;
      ok = l.size() == ref.size();
      auto it = ref.begin();
      for (const elem& x : l) {
        ok = ok && it != ref.end() && it->tag == x.tag && it->key == x.key;
        if (it != ref.end()) ++it;
      }
    }
    if (!ok) {
      allow_alloc_scope allow;
      CAPTURE(i, op);
      REQUIRE(ok);
    }
  }
  allow_alloc_scope allow;
  ref.clear();
}

}  // namespace

TEST_CASE("SortedLinkedList random differential: many equal keys", "[sorted_linked_list][random]") {
  run<32>(1, heapless::test::scaled(50000), 12);
}

TEST_CASE("SortedLinkedList random differential: wide keys, often full", "[sorted_linked_list][random]") {
  run<20>(2, heapless::test::scaled(50000), 1000);
  run<3>(3, heapless::test::scaled(20000), 5);
}
