// linear_map_model.hpp - differential model of LinearMap, shared by
// tests/linear_map_random_test.cpp (deterministic random sequence) and
// tests/fuzz/linear_map_fuzz.cpp (libFuzzer). No test harness here: step()
// returns a description of the first mismatch, or nullptr.
//
// The model is a std::vector of (key, value) in the order LinearMap promises:
// insertion order; erase moves the last entry into the hole; erase_stable,
// erase_if keep the order. Comparing the whole sequence after every step
// checks lookups, order and the erase semantics at once (std::map semantics
// for what is found, the vector for where).
#ifndef HEAPLESS_TESTS_LINEAR_MAP_MODEL_HPP
#define HEAPLESS_TESTS_LINEAR_MAP_MODEL_HPP

#include <cstddef>
#include <type_traits>
#include <utility>
#include <vector>

namespace heapless {
namespace test {
namespace linear_map_model {

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

/// Whole-sequence comparison: size, then every (key, value) in order.
template <class Map, class K, class V>
const char* compare(const Map& m, const model<K, V>& ref) {
  if (m.size() != ref.entries.size()) return "size differs";
  if (m.empty() != ref.entries.empty() || m.full() != (ref.entries.size() == Map::capacity()))
    return "empty()/full() differ";
  std::size_t i = 0;
  for (const auto& [k, v] : m) {
    if (!(k == ref.entries[i].first)) return "key sequence differs";
    if (!(v == ref.entries[i].second)) return "value sequence differs";
    if (!(m.keys()[i] == k) || !(m.values()[i] == v)) return "keys()/values() disagree with iteration";
    // Every key is found where it is (the search structures, tags or a hash
    // index, are in step with the entries).
    if (m.find(k) != m.begin() + static_cast<std::ptrdiff_t>(i)) return "find(key) misses its own entry";
    ++i;
  }
  if (i != ref.entries.size()) return "iteration length differs";
  return nullptr;
}

/// Applies operation `op` (taken modulo the number of operations) with key k,
/// value v and an extra number `x` to both. `Allow` is an RAII type whose
/// lifetime covers every operation on the model (it pauses the allocation
/// trap in the unit test; an empty struct in the fuzzer). The plain forms
/// that would raise are only called where they must not.
template <class Allow, class Map, class K, class V>
const char* step(Map& m, model<K, V>& ref, unsigned op, const K& k, const V& v, unsigned x) {
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
  switch (op % 16) {
    case 0: {  // insert(value_type)
      if (!room) break;
      const auto r = m.insert(typename Map::value_type(k, v));
      if (r.second == present) return "insert: inserted flag wrong";
      if (!(r.first->first == k)) return "insert: position wrong";
      if (!present) {
        Allow allow;
        ref.entries.emplace_back(k, v);
      }
      break;
    }
    case 1: {  // operator[]
      if (!room) break;
      m[k] = v;
      Allow allow;
      if (present) ref.entries[idx].second = v;
      else ref.entries.emplace_back(k, v);
      break;
    }
    case 2: {  // try_insert
      const auto r = m.try_insert(k, v);
      if (!room) {
        if (r.has_value()) return "try_insert: full map accepted a new key";
        break;
      }
      if (!r.has_value()) return "try_insert: refused with room";
      if (r->second == present || !(r->first->first == k)) return "try_insert: result wrong";
      if (!present) {
        Allow allow;
        ref.entries.emplace_back(k, v);
      }
      break;
    }
    case 3: {  // insert_or_assign
      if (!room) break;
      const auto r = m.insert_or_assign(k, v);
      if (r.second == present || !(r.first->second == v)) return "insert_or_assign: result wrong";
      Allow allow;
      if (present) ref.entries[idx].second = v;
      else ref.entries.emplace_back(k, v);
      break;
    }
    case 4: {  // try_insert_or_assign
      const auto r = m.try_insert_or_assign(k, v);
      if (r.has_value() != room) return "try_insert_or_assign: full report wrong";
      if (!room) break;
      if (r->second == present) return "try_insert_or_assign: inserted flag wrong";
      Allow allow;
      if (present) ref.entries[idx].second = v;
      else ref.entries.emplace_back(k, v);
      break;
    }
    case 5: {  // erase(key): swap with last
      if (m.erase(k) != (present ? 1u : 0u)) return "erase(key): count wrong";
      if (present) {
        Allow allow;
        ref.erase_swap(idx);
      }
      break;
    }
    case 6: {  // erase_stable(key)
      if (m.erase_stable(k) != (present ? 1u : 0u)) return "erase_stable(key): count wrong";
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
      if (it != m.begin() + static_cast<std::ptrdiff_t>(at)) return "erase(iterator): returned position wrong";
      Allow allow;
      ref.erase_swap(at);
      break;
    }
    case 8: {  // lookups
      if (m.contains(k) != present || m.count(k) != (present ? 1u : 0u)) return "contains/count wrong";
      const auto it = m.find(k);
      if (present) {
        if (it == m.end() || static_cast<std::size_t>(it - m.begin()) != idx) return "find: position wrong";
        Allow allow;
        if (!(m.at(k) == ref.entries[idx].second)) return "at: value wrong";
      } else if (it != m.end()) {
        return "find: found a missing key";
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
      if (erase_if(m, pred) != removed) return "erase_if: count wrong";
      break;
    }
    case 10: {  // erase(first, last): the hole is filled from the end
      if (n == 0) break;
      const std::size_t f = x % n;
      const std::size_t l = f + (x / 7) % (n - f + 1);
      const auto it = m.erase(m.cbegin() + static_cast<std::ptrdiff_t>(f), m.cbegin() + static_cast<std::ptrdiff_t>(l));
      if (it != m.begin() + static_cast<std::ptrdiff_t>(f)) return "erase(range): returned position wrong";
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
      if (!(c == m) || c != m) return "copy differs";
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
      if (r.second == present) return "try_emplace: inserted flag wrong";
      if (!present) {
        Allow allow;
        ref.entries.emplace_back(k, v);
      }
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
      if (!(c == m)) return "equality depends on order";
      m.swap(c);
      swap(m, c);
      break;
    }
  }
  return compare(m, ref);
}

}  // namespace linear_map_model
}  // namespace test
}  // namespace heapless

#endif  // HEAPLESS_TESTS_LINEAR_MAP_MODEL_HPP
