// index_map_ops.hpp - IndexMap's operation table, shared by the random
// differential test (index_map_random_test.cpp, source: rng) and the fuzz
// target (fuzz/index_map_fuzz.cpp, source: the fuzzer's bytes).
//
// The model is an insertion-order vector of entries that erases as IndexMap
// documents (swap_erase moves the last entry into the hole, shift_erase and
// erase_if keep the order) and, off Cortex-M0, std::unordered_map for
// lookups. apply_op checks the sizes after every operation; compare checks
// the whole sequence of entries and every key's position.
// Env: test_env.hpp or fuzz_env.hpp.
#ifndef HEAPLESS_TESTS_OPS_INDEX_MAP_OPS_HPP
#define HEAPLESS_TESTS_OPS_INDEX_MAP_OPS_HPP

#include <cstddef>        // std::size_t, std::ptrdiff_t
#include <functional>     // std::equal_to
#include <unordered_map>  // the lookup peer
#include <utility>        // std::pair
#include <vector>         // the insertion-order model

#include <heapless/index_map.hpp>

namespace heapless {
namespace test {
namespace index_map_ops {

/// A weak user hash: four values for all keys, so probe runs are long.
struct weak_hash {
  std::size_t operator()(int v) const noexcept { return static_cast<std::size_t>(static_cast<unsigned>(v) % 4u); }
};

template <class K, class V, class H>
struct model {
  std::vector<std::pair<K, V>> order;  // the insertion-order model
#if defined(__ARM_ARCH_6M__)
  // The heap left on a Cortex-M0 holds the order model, not a second peer.
  static constexpr bool use_std = false;
#else
  static constexpr bool use_std = true;
#endif
  std::unordered_map<K, V, H, std::equal_to<K>> std_ref;  // lookups

  std::size_t position(const K& k) const {
    for (std::size_t i = 0; i < order.size(); ++i) {
      if (order[i].first == k) return i;
    }
    return order.size();
  }
};

inline constexpr std::size_t op_count = 12;

/// The whole sequence of entries, and every key's position.
template <class Env, class K, class V, std::size_t N, class H>
void compare(const model<K, V, H>& ref, const IndexMap<K, V, N, H>& m) {
  Env::check(m.size() == ref.order.size(), "size");
  std::size_t i = 0;
  for (const auto& [k, v] : m) {
    if (i == ref.order.size()) break;
    Env::check(k == ref.order[i].first && v == ref.order[i].second, "entry sequence");
    const auto j = m.index_of(k);
    Env::check(j && *j == i, "position of an entry's own key");
    const auto nth = *m.nth(i);
    Env::check(nth.first == k && nth.second == v, "nth(i)");
    ++i;
  }
  Env::check(i == ref.order.size(), "entry count");
}

template <class Env, class K, class V, std::size_t N, class H, class Source>
void apply_op(model<K, V, H>& ref, IndexMap<K, V, N, H>& m, std::size_t op, Source& src, const K& k, const V& v) {
  using scope = typename Env::model_scope;
  auto& order = ref.order;
#if defined(__ARM_ARCH_6M__)
  // A second map of every large type does not fit a Cortex-M0's 16 KiB of RAM.
  constexpr bool copy_checks = N <= 7;
#else
  constexpr bool copy_checks = true;
#endif
  const auto std_set = [&](const K& key, const V& value) {
    const scope a;
    if constexpr (model<K, V, H>::use_std) ref.std_ref[key] = value;
  };
  const auto std_erase = [&](const K& key) {
    if constexpr (model<K, V, H>::use_std) ref.std_ref.erase(key);
  };
  const auto append = [&](const K& key, const V& value) {
    const scope a;
    order.emplace_back(key, value);
    std_set(key, value);
  };
  const auto swap_erase = [&](std::size_t at) {
    std_erase(order[at].first);
    order[at] = order.back();
    order.pop_back();
  };
  const std::size_t pos = ref.position(k);
  const bool present = pos != order.size();
  const bool full = !present && order.size() == N;
  const auto put = [&] {  // the model after an insertion or assignment of (k, v)
    if (present) {
      order[pos].second = v;
      std_set(k, v);
    } else {
      append(k, v);
    }
  };
  switch (op) {
    case 0:
    case 1: {  // try_insert
      const auto r = m.try_insert(k, v);
      if (full) {
        Env::check(!r, "try_insert into a full map");
      } else {
        Env::check(r && r->second != present, "try_insert result");
        if (!present) append(k, v);
      }
      break;
    }
    case 2: {  // insert_or_assign through the reporting form
      const auto r = m.try_insert_or_assign(k, v);
      if (full) {
        Env::check(!r, "try_insert_or_assign into a full map");
      } else {
        Env::check(r && r->second != present, "try_insert_or_assign result");
        put();
      }
      break;
    }
    case 3:
    case 4:  // erase(key): swap_erase
      Env::check(m.erase(k) == (present ? 1u : 0u), "erase count");
      if (present) swap_erase(pos);
      break;
    case 5:  // shift_erase(key)
      Env::check(m.shift_erase(k) == (present ? 1u : 0u), "shift_erase count");
      if (present) {
        std_erase(k);
        order.erase(order.begin() + static_cast<std::ptrdiff_t>(pos));
      }
      break;
    case 6: {  // erase(iterator) at the key's position, or at a random one
      const auto it = m.find(k);
      Env::check((it != m.end()) == present, "find");
      if (present && it != m.end()) {
        Env::check(static_cast<std::size_t>(it - m.begin()) == pos, "find position");
        m.erase(it);
        swap_erase(pos);
      } else if (!order.empty()) {
        const std::size_t at = src.below(order.size());
        m.erase(m.begin() + static_cast<std::ptrdiff_t>(at));
        swap_erase(at);
      }
      break;
    }
    case 7:  // pop_back
      if (!order.empty()) {
        m.pop_back();
        std_erase(order.back().first);
        order.pop_back();
      }
      break;
    case 8: {  // lookups
      const auto i = m.index_of(k);
      Env::check(static_cast<bool>(i) == present, "index_of presence");
      if (present && i) Env::check(*i == pos && m.at(k) == order[pos].second, "index_of / at");
      Env::check(m.count(k) == (present ? 1u : 0u), "count");
      if constexpr (model<K, V, H>::use_std) {
        const auto it = ref.std_ref.find(k);
        Env::check((it != ref.std_ref.end()) == m.contains(k) && (it == ref.std_ref.end() || m.at(k) == it->second),
                   "lookups against std::unordered_map");
      }
      break;
    }
    case 9: {  // erase_if on a rare predicate: every entry whose value equals v's
      const std::size_t removed = erase_if(m, [&](const auto& e) { return e.second == v; });
      std::size_t expect = 0;
      for (std::size_t i = 0; i < order.size();) {
        if (order[i].second == v) {
          std_erase(order[i].first);
          order.erase(order.begin() + static_cast<std::ptrdiff_t>(i));
          ++expect;
        } else {
          ++i;
        }
      }
      Env::check(removed == expect, "erase_if count");
      break;
    }
    case 10:  // a copy behaves the same; then swap back and forth
      if constexpr (copy_checks) {
        static IndexMap<K, V, N, H> other;  // static: large maps stay off small stacks
        other = m;
        Env::check(other == m, "copy compares equal");
        other.swap(m);
        m.swap(other);
        other.clear();
      }
      break;
    default:  // plain form when it fits
      if (full) break;
      m[k] = v;
      put();
      break;
  }
  Env::check(m.size() == order.size(), "size");
  if constexpr (model<K, V, H>::use_std) Env::check(ref.std_ref.size() == order.size(), "std::unordered_map size");
}

}  // namespace index_map_ops
}  // namespace test
}  // namespace heapless

#endif  // HEAPLESS_TESTS_OPS_INDEX_MAP_OPS_HPP
