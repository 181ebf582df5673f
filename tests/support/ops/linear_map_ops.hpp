// linear_map_ops.hpp - LinearMap's operation table, shared by the random
// differential test (linear_map_random_test.cpp, source: rng) and the fuzz
// target (fuzz/linear_map_fuzz.cpp, source: the fuzzer's bytes).
// Env: test_env.hpp or fuzz_env.hpp.
//
// The model is a std::vector of (key, value) in the order LinearMap promises:
// insertion order; erase moves the last entry into the hole; erase_stable,
// erase_if keep the order. Comparing the whole sequence after every step
// checks lookups, order and the erase semantics at once (std::map semantics
// for what is found, the vector for where).
#ifndef HEAPLESS_TESTS_OPS_LINEAR_MAP_OPS_HPP
#define HEAPLESS_TESTS_OPS_LINEAR_MAP_OPS_HPP

#include <cstddef>      // std::size_t, std::ptrdiff_t
#include <type_traits>  // key_number's cases
#include <utility>      // std::pair, std::move
#include <vector>       // the model

namespace heapless {
namespace test {
namespace linear_map_ops {

/// A number derived from a key, for erase_if predicates: integers are
/// themselves, strings their length, test elements their value.
template <class K, class = void>
struct has_size : std::false_type {};
template <class K>
struct has_size<K, std::void_t<decltype(std::declval<const K&>().size())>> : std::true_type {};

template <class K>
long key_number(const K& k) {
  if constexpr (std::is_integral_v<K>) {
    return static_cast<long>(k);
  } else if constexpr (has_size<K>::value) {
    return static_cast<long>(k.size());
  } else {
    return static_cast<long>(value_of(k));
  }
}

template <class K, class V>
struct model {
  std::vector<std::pair<K, V>> entries;

  std::size_t index_of(const K& k) const {
    for (std::size_t i = 0; i < entries.size(); ++i)
      if (entries[i].first == k) return i;
    return entries.size();
  }
  void erase_swap(std::size_t i) {
    if (i + 1 != entries.size()) entries[i] = entries.back();
    entries.pop_back();
  }
};

inline constexpr std::size_t op_count = 16;

/// Whole-sequence comparison: size, then every (key, value) in order.
template <class Env, class Map, class K, class V>
void compare(const model<K, V>& ref, const Map& m) {
  Env::check(m.size() == ref.entries.size(), "size");
  Env::check(m.empty() == ref.entries.empty() && m.full() == (ref.entries.size() == Map::capacity()),
             "empty() and full()");
  std::size_t i = 0;
  for (const auto& [k, v] : m) {
    if (i == ref.entries.size()) break;
    Env::check(k == ref.entries[i].first, "key sequence");
    Env::check(v == ref.entries[i].second, "value sequence");
    Env::check(m.keys()[i] == k && m.values()[i] == v, "keys()/values() against iteration");
    // Every key is found where it is (the search structures, tags or a hash
    // index, are in step with the entries).
    Env::check(m.find(k) == m.begin() + static_cast<std::ptrdiff_t>(i), "find(key) of its own entry");
    ++i;
  }
  Env::check(i == ref.entries.size(), "iteration length");
}

/// Applies operation `op` (< op_count) with key k and value v to both,
/// drawing positions from src. The plain forms that would raise are only
/// called where they must not.
template <class Env, class Map, class K, class V, class Source>
void apply_op(model<K, V>& ref, Map& m, std::size_t op, Source& src, const K& k, const V& v) {
  using Allow = typename Env::model_scope;
  const auto fail = [](const char* what) { Env::check(false, what); };
  const auto x = static_cast<unsigned>(src.below(1u << 16));
  std::size_t idx;
  bool present;
  std::size_t n;
  {
    Allow allow;
    idx = ref.index_of(k);
    present = idx != ref.entries.size();
    n = ref.entries.size();
  }
  const bool room = present || n < Map::capacity();
  // The model after an insertion of a new key, or an assignment to k.
  const auto model_insert = [&] {
    Allow allow;
    ref.entries.emplace_back(k, v);
  };
  const auto model_put = [&] {
    Allow allow;
    if (present) ref.entries[idx].second = v;
    else ref.entries.emplace_back(k, v);
  };
  switch (op) {
    case 0: {  // insert(value_type)
      if (!room) break;
      const auto r = m.insert(typename Map::value_type(k, v));
      if (r.second == present) return fail("insert: inserted flag wrong");
      if (!(r.first->first == k)) return fail("insert: position wrong");
      if (!present) model_insert();
      break;
    }
    case 1: {  // operator[]
      if (!room) break;
      m[k] = v;
      model_put();
      break;
    }
    case 2: {  // try_insert
      const auto r = m.try_insert(k, v);
      if (!room) {
        if (r.has_value()) return fail("try_insert: full map accepted a new key");
        break;
      }
      if (!r.has_value()) return fail("try_insert: refused with room");
      if (r->second == present || !(r->first->first == k)) return fail("try_insert: result wrong");
      if (!present) model_insert();
      break;
    }
    case 3: {  // insert_or_assign
      if (!room) break;
      const auto r = m.insert_or_assign(k, v);
      if (r.second == present || !(r.first->second == v)) return fail("insert_or_assign: result wrong");
      model_put();
      break;
    }
    case 4: {  // try_insert_or_assign
      const auto r = m.try_insert_or_assign(k, v);
      if (r.has_value() != room) return fail("try_insert_or_assign: full report wrong");
      if (!room) break;
      if (r->second == present) return fail("try_insert_or_assign: inserted flag wrong");
      model_put();
      break;
    }
    case 5: {  // erase(key): swap with last
      if (m.erase(k) != (present ? 1u : 0u)) return fail("erase(key): count wrong");
      if (present) {
        Allow allow;
        ref.erase_swap(idx);
      }
      break;
    }
    case 6: {  // erase_stable(key)
      if (m.erase_stable(k) != (present ? 1u : 0u)) return fail("erase_stable(key): count wrong");
      if (present) {
        Allow allow;
        ref.entries.erase(ref.entries.begin() + static_cast<std::ptrdiff_t>(idx));
      }
      break;
    }
    case 7: {  // erase(iterator): returns the same position
      if (n == 0) break;
      const std::size_t at = x % n;
      const auto it = m.erase(m.begin() + static_cast<std::ptrdiff_t>(at));
      if (it != m.begin() + static_cast<std::ptrdiff_t>(at)) return fail("erase(iterator): returned position wrong");
      Allow allow;
      ref.erase_swap(at);
      break;
    }
    case 8: {  // lookups
      if (m.contains(k) != present || m.count(k) != (present ? 1u : 0u)) return fail("contains/count wrong");
      const auto it = m.find(k);
      if (present) {
        if (it == m.end() || static_cast<std::size_t>(it - m.begin()) != idx) return fail("find: position wrong");
        Allow allow;
        if (!(m.at(k) == ref.entries[idx].second)) return fail("at: value wrong");
      } else if (it != m.end()) {
        return fail("find: found a missing key");
      }
      break;
    }
    case 9: {  // erase_if (order-keeping)
      const unsigned mod = 2 + x % 3;
      auto pred = [&](const auto& e) { return static_cast<unsigned>(key_number(e.first)) % mod == 0; };
      std::size_t removed;
      {
        Allow allow;
        const std::size_t before = ref.entries.size();
        std::vector<std::pair<K, V>> kept;
        for (const auto& e : ref.entries)
          if (!pred(e)) kept.push_back(e);
        ref.entries = kept;
        removed = before - ref.entries.size();
      }
      if (erase_if(m, pred) != removed) return fail("erase_if: count wrong");
      break;
    }
    case 10: {  // erase(first, last): the hole is filled from the end
      if (n == 0) break;
      const std::size_t f = x % n;
      const std::size_t l = f + (x / 7) % (n - f + 1);
      const auto it = m.erase(m.cbegin() + static_cast<std::ptrdiff_t>(f), m.cbegin() + static_cast<std::ptrdiff_t>(l));
      if (it != m.begin() + static_cast<std::ptrdiff_t>(f)) return fail("erase(range): returned position wrong");
      Allow allow;
      const std::size_t hole = l - f;
      const std::size_t tail = n - l;
      const std::size_t moved = hole < tail ? hole : tail;
      for (std::size_t j = 0; j < moved; ++j) ref.entries[f + j] = ref.entries[n - moved + j];
      ref.entries.resize(n - hole);
      break;
    }
    case 11: {  // erase_stable(first, last)
      if (n == 0) break;
      const std::size_t f = x % n;
      const std::size_t l = f + (x / 7) % (n - f + 1);
      m.erase_stable(m.cbegin() + static_cast<std::ptrdiff_t>(f), m.cbegin() + static_cast<std::ptrdiff_t>(l));
      Allow allow;
      ref.entries.erase(ref.entries.begin() + static_cast<std::ptrdiff_t>(f),
                        ref.entries.begin() + static_cast<std::ptrdiff_t>(l));
      break;
    }
    case 12: {  // copy, compare (order-insensitive), move back
      Map c = m;
      if (!(c == m) || c != m) return fail("copy differs");
      m = std::move(c);
      break;
    }
    case 13: {  // clear, rarely
      if (x % 8 != 0) break;
      m.clear();
      Allow allow;
      ref.entries.clear();
      break;
    }
    case 14: {  // try_emplace (std meaning): existing key leaves the value alone
      if (!room) break;
      const auto r = m.try_emplace(k, v);
      if (r.second == present) return fail("try_emplace: inserted flag wrong");
      if (!present) model_insert();
      break;
    }
    default: {  // swap with a rotated copy and back; equality ignores order
      Map c = m;
      if (c.size() > 1) {
        // Rotate c: erase_stable the first entry and re-append it.
        const typename Map::value_type first(c.begin()->first, c.begin()->second);
        c.erase_stable(c.begin());
        c.insert(first);
      }
      if (!(c == m)) return fail("equality depends on order");
      m.swap(c);
      swap(m, c);
      break;
    }
  }
}

}  // namespace linear_map_ops
}  // namespace test
}  // namespace heapless

#endif  // HEAPLESS_TESTS_OPS_LINEAR_MAP_OPS_HPP
