// binary_heap_ops.hpp - BinaryHeap's operation table, shared by the random
// differential test (binary_heap_random_test.cpp, source: rng) and the fuzz
// target (fuzz/binary_heap_fuzz.cpp, source: the fuzzer's bytes).
//
// Elements carry a key and a unique tag and compare by key only (by_key: a
// max-heap, by_key_greater: a min-heap), so equal keys may leave the heap in
// any order among themselves. The model is the multiset of (key, tag) in the
// heap: a popped or replaced element must be in it and carry the key with
// the highest priority. After every step compare checks the size and the
// heap property over storage order.
// Env: test_env.hpp or fuzz_env.hpp. T: keyed<int> or keyed<counted>
// (keyed.hpp); Compare: by_key or by_key_greater.
#ifndef HEAPLESS_TESTS_OPS_BINARY_HEAP_OPS_HPP
#define HEAPLESS_TESTS_OPS_BINARY_HEAP_OPS_HPP

#include <cstddef>   // std::size_t
#include <optional>  // try_pop's result
#include <set>       // the model
#include <utility>   // std::pair, std::move, std::swap

#include <heapless/binary_heap.hpp>

#include "../keyed.hpp"

namespace heapless {
namespace test {
namespace binary_heap_ops {

struct model {
  std::multiset<std::pair<int, int>> live;  // (key, tag) in the heap
  int key_range = 16;                       // keys are drawn from [0, key_range)
  int next_tag = 0;
};

inline constexpr std::size_t op_count = 20;

template <class Env, class T, std::size_t N, class Compare>
void compare(const model& m, const BinaryHeap<T, N, Compare>& h) {
  Env::check(h.size() == m.live.size() && h.empty() == m.live.empty() && h.full() == (m.live.size() == N),
             "size, empty, full");
  const T* d = h.data();
  bool heap = true;
  for (std::size_t k = 1; heap && k < h.size(); ++k) heap = !Compare()(d[(k - 1) / 2], d[k]);
  Env::check(heap, "heap property");
}

template <class Compare>
constexpr bool is_max_heap() noexcept {
  return Compare()(keyed<int>{0, 0}, keyed<int>{1, 0});
}

/// e left the heap: it must have been in it, with the key of highest priority.
template <class Env, class Compare, class T>
void take(model& m, const T& e) {
  const typename Env::model_scope a;
  const int top_key = m.live.empty() ? e.key + 1 : is_max_heap<Compare>() ? m.live.rbegin()->first : m.live.begin()->first;
  const auto it = m.live.find({e.key, tag_of(e)});
  Env::check(it != m.live.end() && e.key == top_key, "the element leaving is the top");
  if (it != m.live.end()) m.live.erase(it);
}

template <class Env, class T>
void add(model& m, const T& e) {
  const typename Env::model_scope a;
  m.live.insert({e.key, tag_of(e)});
}

template <class Env, class T, std::size_t N, class Compare, class Source>
void apply_op(model& m, BinaryHeap<T, N, Compare>& h, std::size_t op, Source& src) {
  using scope = typename Env::model_scope;
  using H = BinaryHeap<T, N, Compare>;
  constexpr bool max_heap = is_max_heap<Compare>();
  const auto top_key = [&] { return max_heap ? m.live.rbegin()->first : m.live.begin()->first; };
  const auto take = [&](const T& x) { binary_heap_ops::take<Env, Compare>(m, x); };
  const auto add = [&](const T& x) { binary_heap_ops::add<Env>(m, x); };
  const T e{static_cast<int>(src.below(static_cast<std::size_t>(m.key_range))), make<decltype(T::tag)>(m.next_tag++)};
  switch (op) {
    case 0:
    case 1:
    case 2:
      if (!h.full()) {
        h.push(e);
        add(e);
      } else {
        Env::template raises<error_kind::bad_alloc>([&] { h.push(e); }, "push when full");
      }
      break;
    case 3:
    case 4:
    case 5: {
      const bool room = m.live.size() < N;
      const bool pushed = h.try_push(e);
      Env::check(pushed == room, "try_push");
      if (pushed) add(e);
      break;
    }
    case 6:
    case 7:
    case 8:
    case 9:
      if (!h.empty()) {
        Env::check(h.top().key == top_key(), "top");
        const T top = h.top();
        h.pop();
        take(top);
      }
      break;
    case 10: {
      const std::optional<T> t = h.try_pop();
      Env::check(t.has_value() == !m.live.empty(), "try_pop on empty");
      if (t) take(*t);
      break;
    }
    case 11:
      if (!h.empty()) {
        const T old = h.replace_top(e);
        take(old);
        add(e);
      }
      break;
    case 12:
      if (!h.empty()) {
        const T old = h.top();
        {
          auto top = h.top_mut();
          *top = e;
        }
        take(old);
        add(e);
      }
      break;
    case 13:
      if (src.one_in(8)) {  // rebuilt by heapify from the storage order reversed
        const H copy = h;
        Vec<T, N> reversed;
        const T* d = copy.data();
        for (std::size_t k = copy.size(); k != 0; --k) reversed.push_back(d[k - 1]);
        h = H(reversed.begin(), reversed.end());
      }
      break;
    case 14:
    case 15:
      if (src.one_in(op == 14 ? 32 : 4)) {  // into_sorted: the model's keys in priority order
        H copy = op == 14 ? H(h) : H(h.begin(), h.end());
        const Vec<T, N> sorted = std::move(copy).into_sorted();
        bool same = sorted.size() == m.live.size();
        std::size_t k = 0;
        const auto expect = [&](int key) { same = same && k < sorted.size() && sorted[k++].key == key; };
        if (max_heap) {
          for (auto it = m.live.begin(); it != m.live.end(); ++it) expect(it->first);
        } else {
          for (auto it = m.live.rbegin(); it != m.live.rend(); ++it) expect(it->first);
        }
        Env::check(same, "into_sorted");
      }
      break;
    case 16:
      if (src.one_in(64)) {
        h.clear();
        const scope a;
        m.live.clear();
      }
      break;
    default:
      Env::check(h.size() == m.live.size() && h.empty() == m.live.empty(), "size and empty");
      break;
  }
}

/// Pops what is left: the keys come out as the model's.
template <class Env, class T, std::size_t N, class Compare>
void drain(model& m, BinaryHeap<T, N, Compare>& h) {
  while (!h.empty()) {
    const T top = h.top();
    h.pop();
    take<Env, Compare>(m, top);
  }
  Env::check(m.live.empty(), "the model is empty after the heap");
}

}  // namespace binary_heap_ops
}  // namespace test
}  // namespace heapless

#endif  // HEAPLESS_TESTS_OPS_BINARY_HEAP_OPS_HPP
