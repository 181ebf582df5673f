// index_map_random_test.cpp - IndexMap against std::unordered_map (lookups)
// and an insertion-order model (a vector of entries that erases as IndexMap
// documents: swap_erase moves the last entry into the hole, shift_erase and
// erase_if keep the order) over long deterministic random sequences. After
// every step the sizes agree; every 64 steps the whole sequence of entries
// and every key's position are compared. Capacities 1, 7, 64 and 1000; int,
// enum, String<16> and custom-hash keys; key sets that collide in the index
// (equal modulo the slot count, differing only in high bits, a weak hash).
// The operations (support/ops/index_map_ops.hpp) are the fuzz target's
// (fuzz/index_map_fuzz.cpp).
#include "support/ops/index_map_ops.hpp"
#include "support/ops/test_env.hpp"
#include "support/test.hpp"

#include <cstdint>  // std::uint16_t, std::uint32_t, std::uint64_t

#include <heapless/index_map.hpp>
#include <heapless/string.hpp>

using heapless::IndexMap;
using heapless::test::allow_alloc_scope;
using heapless::test::rng;
using heapless::test::index_map_ops::weak_hash;

namespace {

namespace ops = heapless::test::ops;
namespace map_ops = heapless::test::index_map_ops;
using ops::test_env;

enum class dev : std::uint16_t {};

// Runs `steps` random operations; keys come from make_key(r) over a domain
// larger than N, so the map is often full and lookups miss. The whole
// sequence is compared every 64 steps (N = 1000 would be slow on every step).
template <class K, std::size_t N, class H = heapless::hash<K>, class MakeKey>
void run(std::uint64_t seed, long steps, MakeKey make_key) {
  static IndexMap<K, int, N, H> m;  // static: keeps large maps off small stacks
  static map_ops::model<K, int, H> ref;
  {
    allow_alloc_scope allow;
    ref.order.reserve(N);  // no reallocation peaks on small heaps
  }
  long i = 0;
  ops::run_steps(seed, steps, [&](rng& r) {
    const std::size_t op = r.below(map_ops::op_count);
    const K k = make_key(r);
    const int v = static_cast<int>(r.below(64));
    map_ops::apply_op<test_env>(ref, m, op, r, k, v);
    if (i++ % 64 == 0) map_ops::compare<test_env>(ref, m);
  });
  map_ops::compare<test_env>(ref, m);
  allow_alloc_scope allow;
  m.clear();
  ref.order.clear();
  ref.order.shrink_to_fit();
  ref.std_ref.clear();
  ref.std_ref = {};
}

const auto small_int = [](std::size_t domain) {
  return [domain](rng& r) { return static_cast<int>(r.below(domain)) - 3; };
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
  run<dev, 64>(5, heapless::test::scaled(50000), [](rng& r) { return static_cast<dev>(r.below(80)); });
  static const char* const words[] = {"", "a", "b", "ab", "ba", "abc", "abd", "uart0.baud", "uart0.bits",
                                      "uart1.baud", "spi.mode", "spi.hz", "i2c.addr", "adc.gain",
                                      "a-sixteen-chars!", "sixteen-chars-b!", "gpio.a", "gpio.b", "gpio.c"};
  constexpr std::size_t nwords = sizeof(words) / sizeof(words[0]);
  run<heapless::String<16>, 7>(6, heapless::test::scaled(50000),
                               [](rng& r) { return heapless::String<16>(words[r.below(nwords)]); });
  // Generated names: more keys than slots of the 64-entry map.
  run<heapless::String<16>, 64>(7, heapless::test::scaled(50000), [](rng& r) {
    heapless::String<16> s("dev-");
    const unsigned n = static_cast<unsigned>(r.below(90));
    s.push_back(static_cast<char>('a' + n % 26));
    s.push_back(static_cast<char>('0' + n / 26));
    return s;
  });
}

TEST_CASE("IndexMap random differential: colliding keys", "[index_map][random]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  // Equal modulo the slot count (128 for N = 64).
  run<std::uint32_t, 64>(8, heapless::test::scaled(50000),
                         [](rng& r) { return static_cast<std::uint32_t>(r.below(90)) * 128u; });
  // Differing only in the high bits.
  run<std::uint32_t, 64>(9, heapless::test::scaled(50000),
                         [](rng& r) { return static_cast<std::uint32_t>(r.below(90)) << 25; });
  run<std::uint64_t, 64>(10, heapless::test::scaled(50000),
                         [](rng& r) { return std::uint64_t{r.below(90)} << 57 | 5u; });
  // A custom (weak) hash: four home slots for every key.
  run<int, 7, weak_hash>(11, heapless::test::scaled(50000), small_int(12));
  run<int, 64, weak_hash>(12, heapless::test::scaled(30000), small_int(90));
}
