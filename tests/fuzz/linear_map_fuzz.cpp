// linear_map_fuzz.cpp - libFuzzer differential target: the input bytes drive
// the operation table of linear_map_random_test
// (support/ops/linear_map_ops.hpp) on five LinearMaps, one per search path,
// each next to an order-exact model; any divergence traps.
//   LinearMap<short, int, 15>           SSE2 whole-array scan (30 bytes of keys)
//   LinearMap<int, int, 16>             hash index, 4N slots (hosts; 64 bytes of keys)
//   LinearMap<std::int64_t, int, 40>    hash index, 2N slots (320 bytes of keys)
//   LinearMap<std::string_view, int, 6> string search, length first (N < 8)
//   LinearMap<std::string_view, int, 12> string search with tags (N >= 8)
// and LinearMap<long, counted, 12>: values that count their lifetimes.
//   build: clang++ -std=c++17 -fsanitize=fuzzer,address,undefined -Iinclude -Itests tests/fuzz/linear_map_fuzz.cpp
//   run:   ./linear_map_fuzz -runs=100000 -seed=1
#include <cstddef>      // std::size_t
#include <cstdint>      // std::uint8_t, std::int64_t
#include <string_view>  // string keys

#include <heapless/linear_map.hpp>

#include "support/ops/fuzz_env.hpp"
#include "support/ops/linear_map_ops.hpp"

namespace {

namespace ops = heapless::test::ops;
namespace map_ops = heapless::test::linear_map_ops;
using heapless::test::byte_source;

constexpr std::string_view kWords[] = {"",         "a",        "b",          "ab",          "ba",
                                       "abc",      "abd",      "uart0.baud", "uart0.bits",  "uart1.baud",
                                       "spi.mode", "i2c.addr", "a-sixteen-chars!", "a-seventeen-chars", "a-seventeen-charz"};
constexpr std::size_t kWordCount = sizeof(kWords) / sizeof(kWords[0]);

template <class K, class V, std::size_t N, class MakeKey>
void run(const std::uint8_t* data, std::size_t size, MakeKey make_key) {
  heapless::LinearMap<K, V, N> m;
  map_ops::model<K, V> ref;
  ops::run_input(data, size, [&](byte_source& in) {
    const std::size_t op = in.below(map_ops::op_count);
    const K k = make_key(in);
    const V v = heapless::test::make<V>(static_cast<int>(in.below(256)));
    map_ops::apply_op<ops::fuzz_env>(ref, m, op, in, k, v);
    map_ops::compare<ops::fuzz_env>(ref, m);
  });
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  run<short, int, 15>(data, size, [](byte_source& in) { return static_cast<short>(static_cast<int>(in.below(24)) - 8); });
  run<int, int, 16>(data, size, [](byte_source& in) { return static_cast<int>(in.below(28)) * 40000 - 100000; });
  // High and low 32-bit halves vary independently: half matches must not count.
  run<std::int64_t, int, 40>(data, size, [](byte_source& in) {
    return static_cast<std::int64_t>((std::uint64_t{in.below(7)} << 32) | in.below(9));
  });
  run<std::string_view, int, 6>(data, size, [](byte_source& in) { return kWords[in.below(kWordCount)]; });
  run<std::string_view, int, 12>(data, size, [](byte_source& in) { return kWords[in.below(kWordCount)]; });
  run<long, heapless::test::counted, 12>(data, size, [](byte_source& in) { return static_cast<long>(in.below(18)); });
  ops::check_lifetimes();
  return 0;
}
