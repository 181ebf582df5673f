// index_map_fuzz.cpp - libFuzzer differential target: the input bytes drive
// the operation table of index_map_random_test (support/ops/index_map_ops.hpp)
// on IndexMaps next to an insertion-order model (a vector of entries that
// erases as IndexMap documents) and std::unordered_map; after every step the
// entries, their order and every key's position must agree, or it traps.
//   IndexMap<int, int, 7>                  small, non-power-of-two capacity
//   IndexMap<std::uint32_t, int, 40>       keys spaced by 128 or by 2^25 (colliding homes)
//   IndexMap<int, int, 12, weak_hash>      a user hash with four values: long probe runs
//   IndexMap<std::string_view, int, 10>    string keys: cached hash bits in each slot
//   build: clang++ -std=c++17 -fsanitize=fuzzer,address,undefined -Iinclude -Itests tests/fuzz/index_map_fuzz.cpp
//   run:   ./index_map_fuzz -runs=100000 -seed=1
#include <cstddef>      // std::size_t
#include <cstdint>      // std::uint8_t, std::uint32_t
#include <string_view>  // string keys

#include <heapless/index_map.hpp>

#include "support/ops/fuzz_env.hpp"
#include "support/ops/index_map_ops.hpp"

namespace {

namespace ops = heapless::test::ops;
namespace map_ops = heapless::test::index_map_ops;
using heapless::test::byte_source;

constexpr std::string_view kWords[] = {"",         "a",        "b",          "ab",         "ba",
                                       "abc",      "abd",      "uart0.baud", "uart0.bits", "uart1.baud",
                                       "spi.mode", "i2c.addr", "a-sixteen-chars!", "gpio.a", "gpio.b"};

template <class K, std::size_t N, class H = heapless::hash<K>, class MakeKey>
void run(const std::uint8_t* data, std::size_t size, MakeKey make_key) {
  heapless::IndexMap<K, int, N, H> m;
  map_ops::model<K, int, H> ref;
  ops::run_input(data, size, [&](byte_source& in) {
    const std::size_t op = in.below(map_ops::op_count);
    const K k = make_key(in);
    const int v = static_cast<int>(in.below(16));
    map_ops::apply_op<ops::fuzz_env>(ref, m, op, in, k, v);
    map_ops::compare<ops::fuzz_env>(ref, m);
  });
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  run<int, 7>(data, size, [](byte_source& in) { return static_cast<int>(in.below(12)) - 3; });
  run<std::uint32_t, 40>(data, size, [](byte_source& in) {
    const auto key = static_cast<std::uint32_t>(in.below(120));
    return key >= 60 ? (key - 60) << 25 : key * 128u;
  });
  run<int, 12, map_ops::weak_hash>(data, size, [](byte_source& in) { return static_cast<int>(in.below(20)); });
  run<std::string_view, 10>(data, size,
                            [](byte_source& in) { return kWords[in.below(sizeof(kWords) / sizeof(kWords[0]))]; });
  return 0;
}
