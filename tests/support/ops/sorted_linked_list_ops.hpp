// sorted_linked_list_ops.hpp - SortedLinkedList's operation table, shared by
// the random differential test (sorted_linked_list_random_test.cpp, source:
// rng) and the fuzz target (fuzz/sorted_linked_list_fuzz.cpp, source: the
// fuzzer's bytes).
//
// Elements carry a key and a unique tag and compare by key only (keyed.hpp).
// The model is a std::multiset of (key, tag) ordered by key: it inserts at
// the upper bound of equal keys, as push does, so the whole sequence of
// (key, tag) must match after every step (compare).
// Env: test_env.hpp or fuzz_env.hpp; T: keyed<int> or keyed<counted>.
#ifndef HEAPLESS_TESTS_OPS_SORTED_LINKED_LIST_OPS_HPP
#define HEAPLESS_TESTS_OPS_SORTED_LINKED_LIST_OPS_HPP

#include <cstddef>   // std::size_t
#include <iterator>  // std::next, std::prev
#include <optional>  // try_pop's result
#include <set>       // the model
#include <utility>   // std::move

#include <heapless/sorted_linked_list.hpp>

#include "../keyed.hpp"

namespace heapless {
namespace test {
namespace sorted_linked_list_ops {

struct model {
  std::multiset<keyed<int>> entries;  // (key, tag), ordered by key
  int key_range = 12;                 // keys are drawn from [0, key_range)
  int next_tag = 0;
};

inline constexpr std::size_t op_count = 18;

template <class Env, class T, std::size_t N>
void compare(const model& m, const SortedLinkedList<T, N>& l) {
  bool same = l.size() == m.entries.size() && l.empty() == m.entries.empty() && l.full() == (m.entries.size() == N);
  auto it = m.entries.begin();
  for (const T& x : l) {
    same = same && it != m.entries.end() && it->key == x.key && it->tag == tag_of(x);
    if (it != m.entries.end()) ++it;
  }
  Env::check(same && it == m.entries.end(), "SortedLinkedList contents (key, tag)");
}

template <class Env, class T, std::size_t N, class Source>
void apply_op(model& m, SortedLinkedList<T, N>& l, std::size_t op, Source& src) {
  using scope = typename Env::model_scope;
  auto& ref = m.entries;
  const auto key = [&] { return static_cast<int>(src.below(static_cast<std::size_t>(m.key_range))); };
  const T e{key(), make<decltype(T::tag)>(m.next_tag++)};
  const keyed<int> entry{e.key, tag_of(e)};
  const int probe = key();
  const keyed<int> probe_entry{probe, 0};
  const auto insert = [&](const keyed<int>& x) {
    const scope a;
    ref.insert(x);
  };
  switch (op) {
    case 0:
    case 1:
    case 2:
      if (l.full()) {
        Env::template raises<error_kind::bad_alloc>([&] { l.push(e); }, "push when full");
      } else {
        Env::check(tag_of(*l.push(e)) == entry.tag, "push result");
        insert(entry);
      }
      break;
    case 3:
    case 4:
    case 5: {
      const bool room = !l.full();
      const auto it = l.try_push(e);
      Env::check(static_cast<bool>(it) == room, "try_push");
      if (it) insert(entry);
      break;
    }
    case 6:
    case 7:
      if (!l.empty()) {
        Env::check(tag_of(l.front()) == ref.begin()->tag, "front");
        l.pop();
        ref.erase(ref.begin());
      }
      break;
    case 8: {
      const std::optional<T> t = l.try_pop();
      Env::check(t.has_value() == !ref.empty(), "try_pop on empty");
      if (t) {
        Env::check(tag_of(*t) == ref.begin()->tag, "try_pop value");
        ref.erase(ref.begin());
      }
      break;
    }
    case 9: {  // erase_after(find_before_if): the first element with key >= probe
      const auto prev = l.find_before_if([&](const T& x) { return x.key >= probe; });
      auto it = ref.lower_bound(probe_entry);
      if (prev != l.end()) {
        Env::check(it != ref.end(), "find_before_if found one");
        const auto next = l.erase_after(prev);
        it = ref.erase(it);
        Env::check((next == l.end()) == (it == ref.end()) && (it == ref.end() || tag_of(*next) == it->tag),
                   "erase_after result");
      } else {
        Env::check(it == ref.end(), "find_before_if found none");
      }
      break;
    }
    case 10:
    case 11: {  // erase(find_if), erase(find)
      const auto pos = op == 10 ? l.find_if([&](const T& x) { return x.key == probe; })
                                : l.find(T{probe, make<decltype(T::tag)>(0)});
      const auto it = ref.find(probe_entry);
      Env::check((pos == l.end()) == (it == ref.end()), "find_if / find");
      if (pos != l.end()) {
        Env::check(tag_of(*pos) == it->tag, "find_if / find: the first of equal keys");
        l.erase(pos);
        ref.erase(it);
      }
      break;
    }
    case 12:
      if (src.one_in(4)) {
        const std::size_t n = l.remove_if([&](const T& x) { return x.key == probe; });
        Env::check(n == ref.erase(probe_entry), "remove_if count");
      }
      break;
    case 13:
    case 14: {  // find_mut: pop through the handle, or change the key
      auto h = l.find_mut([&](const T& x) { return x.key == probe; });
      auto it = ref.find(probe_entry);
      Env::check(static_cast<bool>(h) == (it != ref.end()), "find_mut");
      if (!h) break;
      Env::check(tag_of(*h) == it->tag, "find_mut: the first of equal keys");
      if (op == 13) {
        const T got = h.pop();
        Env::check(tag_of(got) == it->tag, "handle pop");
        ref.erase(it);
      } else {
        // Moved as erase + insert would, unless still in order between its
        // neighbours (then it keeps its place among equal keys).
        const keyed<int> changed{key(), it->tag};
        const auto after = std::next(it);
        const bool stays = (it == ref.begin() || !(changed < *std::prev(it))) && (after == ref.end() || !(*after < changed));
        ref.erase(it);
        const scope a;
        if (stays) ref.insert(after, changed);  // just before the hint: the same place
        else ref.insert(changed);
        h->key = changed.key;
      }
      break;
    }
    case 15:
      if (src.one_in(16)) {  // copy, copy assignment, move assignment
        const SortedLinkedList<T, N> copy = l;
        l = copy;
        SortedLinkedList<T, N> moved = l;
        l = std::move(moved);
      }
      break;
    case 16:
      if (src.one_in(256)) {
        l.clear();
        ref.clear();
      }
      break;
    default:
      Env::check(l.size() == ref.size() && l.empty() == ref.empty(), "size and empty");
      break;
  }
}

}  // namespace sorted_linked_list_ops
}  // namespace test
}  // namespace heapless

#endif  // HEAPLESS_TESTS_OPS_SORTED_LINKED_LIST_OPS_HPP
