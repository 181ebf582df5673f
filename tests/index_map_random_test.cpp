// index_map_random_test.cpp - IndexMap against std::unordered_map (lookups)
// and an insertion-order model (a vector of entries that erases as IndexMap
// documents: swap_erase moves the last entry into the hole, shift_erase and
// erase_if keep the order) over long deterministic random sequences. After
// every step the sizes agree; every 64 steps the whole sequence of entries
// and every key's position are compared. Capacities 1, 7, 64 and 1000; int,
// enum, String<16> and custom-hash keys; key sets that collide in the index
// (equal modulo the slot count, differing only in high bits, a weak hash).
#include "support/test.hpp"

#include <cstdint>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include <heapless/index_map.hpp>
#include <heapless/string.hpp>

using heapless::IndexMap;
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

enum class dev : std::uint16_t {};

// A weak user hash: four values for all keys, so probe runs are long.
struct weak_hash {
  std::size_t operator()(int v) const noexcept { return static_cast<std::size_t>(static_cast<unsigned>(v) % 4u); }
};

template <class K, class V, std::size_t N, class H>
struct harness {
#if defined(__ARM_ARCH_6M__)
  // A second map of every large type does not fit a Cortex-M0's 16 KiB of RAM.
  static constexpr bool copy_checks = N <= 7;
#else
  static constexpr bool copy_checks = true;
#endif
  IndexMap<K, V, N, H> m;
  std::vector<std::pair<K, V>> order;  // the insertion-order model
#if defined(__ARM_ARCH_6M__)
  // The heap left on a Cortex-M0 holds the order model, not a second peer.
  static constexpr bool use_std = false;
#else
  static constexpr bool use_std = true;
#endif
  std::unordered_map<K, V, H, std::equal_to<K>> std_ref;  // lookups

  void std_set(const K& k, const V& v) {
    if constexpr (use_std) std_ref[k] = v;
  }
  void std_erase(const K& k) {
    if constexpr (use_std) std_ref.erase(k);
  }
  bool std_agrees(const K& k) const {
    if constexpr (use_std) {
      const auto it = std_ref.find(k);
      if ((it != std_ref.end()) != m.contains(k)) return false;
      return it == std_ref.end() || m.at(k) == it->second;
    } else {
      return true;
    }
  }

  std::size_t model_pos(const K& k) const {
    for (std::size_t i = 0; i < order.size(); ++i) {
      if (order[i].first == k) return i;
    }
    return order.size();
  }
  // Returns a description of the first disagreement, or nullptr.
  const char* step(unsigned op, const K& k, const V& v) {
    const std::size_t pos = model_pos(k);
    const bool present = pos != order.size();
    switch (op % 12) {
      case 0:
      case 1: {  // try_insert
        const auto r = m.try_insert(k, v);
        if (!present && order.size() == N) {
          if (r) return "try_insert into a full map succeeded";
          break;
        }
        if (!r || r->second == present) return "try_insert result";
        if (!present) {
          order.emplace_back(k, v);
          std_set(k, v);
        }
        break;
      }
      case 2: {  // insert_or_assign through the reporting form
        const auto r = m.try_insert_or_assign(k, v);
        if (!present && order.size() == N) {
          if (r) return "try_insert_or_assign into a full map succeeded";
          break;
        }
        if (!r || r->second == present) return "try_insert_or_assign result";
        if (present) {
          order[pos].second = v;
          std_set(k, v);
        } else {
          order.emplace_back(k, v);
          std_set(k, v);
        }
        break;
      }
      case 3:
      case 4: {  // erase(key): swap_erase
        if (m.erase(k) != (present ? 1u : 0u)) return "erase count";
        if (present) {
          order[pos] = order.back();
          order.pop_back();
          std_erase(k);
        }
        break;
      }
      case 5: {  // shift_erase(key)
        if (m.shift_erase(k) != (present ? 1u : 0u)) return "shift_erase count";
        if (present) {
          order.erase(order.begin() + static_cast<std::ptrdiff_t>(pos));
          std_erase(k);
        }
        break;
      }
      case 6: {  // erase(iterator) at the key's position
        const auto it = m.find(k);
        if ((it != m.end()) != present) return "find";
        if (present) {
          if (static_cast<std::size_t>(it - m.begin()) != pos) return "find position";
          m.erase(it);
          order[pos] = order.back();
          order.pop_back();
          std_erase(k);
        }
        break;
      }
      case 7: {  // pop_back
        if (order.empty()) break;
        std_erase(order.back().first);
        order.pop_back();
        m.pop_back();
        break;
      }
      case 8: {  // lookups
        const auto i = m.index_of(k);
        if (static_cast<bool>(i) != present) return "index_of presence";
        if (present && (*i != pos || !(m.at(k) == order[pos].second))) return "index_of / at";
        if (m.count(k) != (present ? 1u : 0u) || !std_agrees(k)) return "count / std::unordered_map";
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
        if (removed != expect) return "erase_if count";
        break;
      }
      case 10: {  // a copy behaves the same; then swap back and forth
        if constexpr (copy_checks) {
          static IndexMap<K, V, N, H> other;
          other = m;
          if (!(other == m)) return "copy compares unequal";
          other.swap(m);
          m.swap(other);
        }
        break;
      }
      default: {  // plain form when it fits
        if (!present && order.size() == N) break;
        m[k] = v;
        if (present) {
          order[pos].second = v;
          std_set(k, v);
        } else {
          order.emplace_back(k, v);
          std_set(k, v);
        }
        break;
      }
    }
    if (m.size() != order.size()) return "size";
    if constexpr (use_std) {
      if (std_ref.size() != order.size()) return "std::unordered_map size";
    }
    return nullptr;
  }
  const char* full_check() const {
    std::size_t i = 0;
    for (const auto& [k, v] : m) {
      if (!(k == order[i].first) || !(v == order[i].second)) return "entry sequence";
      const auto j = m.index_of(k);
      if (!j || *j != i) return "position of an entry's own key";
      ++i;
    }
    return i == order.size() ? nullptr : "entry count";
  }
};

// Runs `steps` random operations; keys come from make_key(r) over a domain
// larger than N, so the map is often full and lookups miss.
template <class K, std::size_t N, class H = heapless::hash<K>, class MakeKey>
void run(std::uint64_t seed, long steps, MakeKey make_key) {
  static harness<K, int, N, H> h;  // static: keeps large maps off small stacks
  rng r{seed};
  {
    allow_alloc_scope allow;
    h.order.reserve(N);  // no reallocation peaks on small heaps
  }
  for (long i = 0; i < steps; ++i) {
    const unsigned op = r.next();
    const K k = make_key(r);
    const int v = static_cast<int>(r.next() % 64);
    const char* failure = nullptr;
    {
      allow_alloc_scope allow;  // the std peers allocate; the map never does
      failure = h.step(op, k, v);
      if (failure == nullptr && i % 64 == 0) failure = h.full_check();
    }
    if (failure != nullptr) {
      allow_alloc_scope allow;
      CAPTURE(i, failure);
      REQUIRE(failure == nullptr);
    }
  }
  allow_alloc_scope allow;
  h.m.clear();
  h.order.clear();
  h.order.shrink_to_fit();
  h.std_ref.clear();
  h.std_ref = {};
}

const auto small_int = [](std::uint32_t domain) {
  return [domain](rng& r) { return static_cast<int>(r.next() % domain) - 3; };
};

}  // namespace

TEST_CASE("IndexMap random differential: int keys, N = 1, 7, 64", "[index_map][random]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  run<int, 1>(1, heapless::test::scaled(20000), small_int(3));
  run<int, 7>(2, heapless::test::scaled(100000), small_int(12));
  run<int, 64>(3, heapless::test::scaled(100000), small_int(90));
}

// N = 1000 needs ~8 KB of map and model: more than a Cortex-M0 has to spare.
#if !defined(__ARM_ARCH_6M__)
TEST_CASE("IndexMap random differential: int keys, N = 1000", "[index_map][random]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  run<int, 1000>(4, heapless::test::scaled(100000), small_int(1300));
}
#endif

TEST_CASE("IndexMap random differential: enum and String<16> keys", "[index_map][random]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  run<dev, 64>(5, heapless::test::scaled(50000), [](rng& r) { return static_cast<dev>(r.next() % 80); });
  static const char* const words[] = {"", "a", "b", "ab", "ba", "abc", "abd", "uart0.baud", "uart0.bits",
                                      "uart1.baud", "spi.mode", "spi.hz", "i2c.addr", "adc.gain",
                                      "a-sixteen-chars!", "sixteen-chars-b!", "gpio.a", "gpio.b", "gpio.c"};
  constexpr std::uint32_t nwords = sizeof(words) / sizeof(words[0]);
  run<heapless::String<16>, 7>(6, heapless::test::scaled(50000),
                               [](rng& r) { return heapless::String<16>(words[r.next() % nwords]); });
  // Generated names: more keys than slots of the 64-entry map.
  run<heapless::String<16>, 64>(7, heapless::test::scaled(50000), [](rng& r) {
    heapless::String<16> s("dev-");
    const unsigned n = r.next() % 90;
    s.push_back(static_cast<char>('a' + n % 26));
    s.push_back(static_cast<char>('0' + n / 26));
    return s;
  });
}

TEST_CASE("IndexMap random differential: colliding keys", "[index_map][random]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  // Equal modulo the slot count (128 for N = 64).
  run<std::uint32_t, 64>(8, heapless::test::scaled(50000),
                         [](rng& r) { return static_cast<std::uint32_t>(r.next() % 90) * 128u; });
  // Differing only in the high bits.
  run<std::uint32_t, 64>(9, heapless::test::scaled(50000),
                         [](rng& r) { return static_cast<std::uint32_t>(r.next() % 90) << 25; });
  run<std::uint64_t, 64>(10, heapless::test::scaled(50000),
                         [](rng& r) { return std::uint64_t{r.next() % 90} << 57 | 5u; });
  // A custom (weak) hash: four home slots for every key.
  run<int, 7, weak_hash>(11, heapless::test::scaled(50000), small_int(12));
  run<int, 64, weak_hash>(12, heapless::test::scaled(30000), small_int(90));
}
