// index_map_fuzz.cpp - libFuzzer differential target: the input bytes drive
// a sequence of operations on IndexMaps next to an insertion-order model (a
// vector of entries that erases as IndexMap documents); after every step
// the entries, their order and every key's position must agree, or it traps.
//   IndexMap<int, int, 7>                  small, non-power-of-two capacity
//   IndexMap<std::uint32_t, int, 40>       keys spaced by 128 or by 2^25 (colliding homes)
//   IndexMap<int, int, 12, weak_hash>      a user hash with four values: long probe runs
//   IndexMap<std::string_view, int, 10>    string keys: cached hash bits in each slot
//   build: clang++ -std=c++17 -fsanitize=fuzzer,address,undefined -Iinclude tests/fuzz/index_map_fuzz.cpp
//   run:   ./index_map_fuzz -runs=100000 -seed=1
#include <cstddef>      // std::size_t
#include <cstdint>      // std::uint8_t, std::uint32_t
#include <string_view>  // string keys
#include <utility>      // std::pair
#include <vector>       // the model

#include <heapless/index_map.hpp>

namespace {

struct weak_hash {
  std::size_t operator()(int v) const noexcept { return static_cast<std::size_t>(static_cast<unsigned>(v) % 4u); }
};

template <class K, std::size_t N, class H = heapless::hash<K>>
struct lane {
  heapless::IndexMap<K, int, N, H> map;
  std::vector<std::pair<K, int>> ref;

  std::size_t pos(const K& k) const {
    std::size_t i = 0;
    while (i < ref.size() && !(ref[i].first == k)) ++i;
    return i;
  }
  void step(unsigned op, const K& k, int v) {
    const std::size_t p = pos(k);
    const bool present = p != ref.size();
    switch (op % 8) {
      case 0:
      case 1: {
        const auto r = map.try_insert(k, v);
        if (!present && ref.size() == N) {
          if (r) __builtin_trap();
        } else {
          if (!r || r->second == present) __builtin_trap();
          if (!present) ref.emplace_back(k, v);
        }
        break;
      }
      case 2:
        if (map.erase(k) != (present ? 1u : 0u)) __builtin_trap();
        if (present) {
          ref[p] = ref.back();
          ref.pop_back();
        }
        break;
      case 3:
        if (map.shift_erase(k) != (present ? 1u : 0u)) __builtin_trap();
        if (present) ref.erase(ref.begin() + static_cast<std::ptrdiff_t>(p));
        break;
      case 4:
        if (!ref.empty()) {
          map.pop_back();
          ref.pop_back();
        }
        break;
      case 5: {
        const auto r = map.try_insert_or_assign(k, v);
        if (!present && ref.size() == N) {
          if (r) __builtin_trap();
        } else if (present) {
          ref[p].second = v;
        } else {
          ref.emplace_back(k, v);
        }
        break;
      }
      case 6: {
        const std::size_t removed = erase_if(map, [v](const auto& e) { return e.second == v; });
        std::size_t expect = 0;
        for (std::size_t i = 0; i < ref.size();) {
          if (ref[i].second == v) {
            ref.erase(ref.begin() + static_cast<std::ptrdiff_t>(i));
            ++expect;
          } else {
            ++i;
          }
        }
        if (removed != expect) __builtin_trap();
        break;
      }
      default: {
        heapless::IndexMap<K, int, N, H> copy = map;
        if (!(copy == map)) __builtin_trap();
        copy.swap(map);
        break;
      }
    }
    if (map.size() != ref.size()) __builtin_trap();
    for (std::size_t i = 0; i < ref.size(); ++i) {
      const auto e = *map.nth(i);
      if (!(e.first == ref[i].first) || e.second != ref[i].second) __builtin_trap();
      const auto j = map.index_of(ref[i].first);
      if (!j || *j != i) __builtin_trap();
    }
  }
};

constexpr std::string_view kWords[] = {"",         "a",        "b",          "ab",         "ba",
                                       "abc",      "abd",      "uart0.baud", "uart0.bits", "uart1.baud",
                                       "spi.mode", "i2c.addr", "a-sixteen-chars!", "gpio.a", "gpio.b"};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  lane<int, 7> small;
  lane<std::uint32_t, 40> spaced;
  lane<int, 12, weak_hash> weak;
  lane<std::string_view, 10> strings;
  for (std::size_t i = 0; i + 3 <= size; i += 3) {
    const unsigned op = data[i];
    const unsigned key = data[i + 1];
    const int value = data[i + 2] % 16;
    small.step(op, static_cast<int>(key % 12) - 3, value);
    spaced.step(op, (key & 0x80u) != 0 ? (key % 60u) << 25 : (key % 60u) * 128u, value);
    weak.step(op, static_cast<int>(key % 20), value);
    strings.step(op, kWords[key % (sizeof(kWords) / sizeof(kWords[0]))], value);
  }
  return 0;
}
