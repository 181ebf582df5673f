// linear_map_fuzz.cpp - libFuzzer differential target: the input bytes drive
// a sequence of operations on five LinearMaps, one per search path, each
// next to an order-exact model (tests/support/linear_map_model.hpp); any divergence
// traps.
//   LinearMap<short, int, 15>           SSE2 whole-array scan (30 bytes of keys)
//   LinearMap<int, int, 16>             hash index, 4N slots (hosts; 64 bytes of keys)
//   LinearMap<std::int64_t, int, 40>    hash index, 2N slots (320 bytes of keys)
//   LinearMap<std::string_view, int, 6> string search, length first (N < 8)
//   LinearMap<std::string_view, int, 12> string search with tags (N >= 8)
//   build: clang++ -std=c++17 -fsanitize=fuzzer,address,undefined -Iinclude tests/fuzz/linear_map_fuzz.cpp
//   run:   ./linear_map_fuzz -runs=100000 -seed=1
#include <cstddef>      // std::size_t
#include <cstdint>      // std::uint8_t, std::int64_t
#include <string_view>  // string keys

#include <heapless/linear_map.hpp>

#include "../support/linear_map_model.hpp"

namespace {

namespace model = heapless::test::linear_map_model;

// The fuzzer has no allocation trap to pause. (Not trivial, so an unused
// instance draws no warning, like allow_alloc_scope in the unit test.)
struct no_trap {
  no_trap() noexcept {}
  ~no_trap() {}
  no_trap(const no_trap&) = delete;
  no_trap& operator=(const no_trap&) = delete;
};

template <class K, class V, std::size_t N>
struct lane {
  heapless::LinearMap<K, V, N> map;
  model::model<K, V> ref;
  void step(unsigned op, const K& k, const V& v, unsigned x) {
    if (model::step<no_trap>(map, ref, op, k, v, x) != nullptr) __builtin_trap();
  }
};

constexpr std::string_view kWords[] = {"",         "a",        "b",          "ab",          "ba",
                                       "abc",      "abd",      "uart0.baud", "uart0.bits",  "uart1.baud",
                                       "spi.mode", "i2c.addr", "a-sixteen-chars!", "a-seventeen-chars", "a-seventeen-charz"};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  lane<short, int, 15> small;
  lane<int, int, 16> indexed;
  lane<std::int64_t, int, 40> large;
  lane<std::string_view, int, 6> strings;
  lane<std::string_view, int, 12> tagged;
  for (std::size_t i = 0; i + 4 <= size; i += 4) {
    const unsigned op = data[i];
    const unsigned key = data[i + 1];
    const int value = data[i + 2];
    const unsigned x = data[i + 3];
    small.step(op, static_cast<short>(static_cast<int>(key % 24) - 8), value, x);
    indexed.step(op, static_cast<int>(key % 28) * 40000 - 100000, value, x);
    // High and low 32-bit halves vary independently: half matches must not count.
    large.step(op, static_cast<std::int64_t>((std::uint64_t{key % 7} << 32) | (key / 7 % 9)), value, x);
    strings.step(op, kWords[key % (sizeof(kWords) / sizeof(kWords[0]))], value, x);
    tagged.step(op, kWords[(key / 3) % (sizeof(kWords) / sizeof(kWords[0]))], value, x);
  }
  return 0;
}
