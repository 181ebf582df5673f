// linear_map_random_test.cpp - LinearMap against a reference model over long
// deterministic random sequences: after every step the whole sequence of
// entries (keys, values, order) must equal the model's, and lookups must
// agree with std::map. The operations (support/ops/linear_map_ops.hpp) are
// the fuzz target's (fuzz/linear_map_fuzz.cpp). Several key types, so each
// search path is covered: SSE2 whole-array scan (<= 128 bytes of keys),
// hash index (larger int maps), SSE2 chunks (larger 1-byte key maps),
// portable, string.
#include "support/ops/linear_map_ops.hpp"
#include "support/ops/test_env.hpp"
#include "support/test.hpp"

#include <cstdint>      // std::uint8_t, std::int64_t, std::uint64_t
#include <map>          // lookups must agree with std::map too
#include <string_view>  // string keys

#include <heapless/linear_map.hpp>
#include <heapless/string.hpp>

using heapless::LinearMap;
using heapless::test::allow_alloc_scope;
using heapless::test::counted;
using heapless::test::rng;
namespace ops = heapless::test::ops;
namespace map_ops = heapless::test::linear_map_ops;
using ops::test_env;

namespace {

// Runs `steps` random operations on a LinearMap<K, V, N> and the model; keys
// come from make_key(r) over a domain larger than N, so the map is often full
// and lookups miss.
template <class K, class V, std::size_t N, class MakeKey, class MakeValue>
void run(std::uint64_t seed, long steps, MakeKey make_key, MakeValue make_value) {
  HEAPLESS_LIFETIME_CHECK;
  static LinearMap<K, V, N> m;  // static: keeps large maps off small stacks
  m.clear();
  map_ops::model<K, V> ref;
  std::map<K, V> std_ref;
  {
    HEAPLESS_NO_ALLOC_SCOPE;
    long i = 0;
    ops::run_steps(seed, steps, [&](rng& r) {
      const std::size_t op = r.below(map_ops::op_count);
      const K k = make_key(r);
      const V v = make_value(r);
      map_ops::apply_op<test_env>(ref, m, op, r, k, v);
      map_ops::compare<test_env>(ref, m);
      if (i++ % 64 == 0) {
        allow_alloc_scope allow;
        std_ref.clear();
        for (const auto& e : ref.entries) std_ref.emplace(e.first, e.second);
        bool same = std_ref.size() == m.size();
        for (const auto& e : std_ref) {
          const auto it = m.find(e.first);
          same = same && it != m.end() && it->second == e.second;
        }
        test_env::check(same, "lookups against std::map");
      }
    });
  }
  allow_alloc_scope allow;
  ref.entries.clear();
  ref.entries.shrink_to_fit();
  m.clear();
}

}  // namespace

TEST_CASE("LinearMap random differential: int keys, small map (hash index off microcontrollers)",
          "[linear_map][random]") {
  run<int, int, 16>(1, heapless::test::scaled(200000), [](rng& r) { return static_cast<int>(r.below(24)) - 4; },
                    [](rng& r) { return static_cast<int>(r.below(1000)); });
}

TEST_CASE("LinearMap random differential: int keys, capacity 64 and 100 (hash index)", "[linear_map][random]") {
  run<int, int, 100>(2, heapless::test::scaled(100000), [](rng& r) { return static_cast<int>(r.below(140)); },
                     [](rng& r) { return static_cast<int>(r.below(1000)); });
  // Keys 256 apart: structured keys spread over the slots too.
  run<int, int, 64>(10, heapless::test::scaled(60000), [](rng& r) { return static_cast<int>(r.below(90)) * 256; },
                    [](rng& r) { return static_cast<int>(r.below(1000)); });
}

TEST_CASE("LinearMap random differential: 1-, 2- and 8-byte keys", "[linear_map][random]") {
  run<std::uint8_t, int, 40>(3, heapless::test::scaled(60000),
                             [](rng& r) { return static_cast<std::uint8_t>(r.below(56)); },
                             [](rng& r) { return static_cast<int>(r.below(100)); });
  // More than 64 one-byte keys: SSE2 chunks and the overlapping tail.
  run<std::uint8_t, int, 100>(11, heapless::test::scaled(60000),
                              [](rng& r) { return static_cast<std::uint8_t>(r.below(140)); },
                              [](rng& r) { return static_cast<int>(r.below(100)); });
  run<short, int, 7>(4, heapless::test::scaled(60000), [](rng& r) { return static_cast<short>(r.below(10)); },
                     [](rng& r) { return static_cast<int>(r.below(100)); });
  // Under 32 bytes of 2- to 8-byte keys: the SSE2 whole-array scan on hosts.
  run<short, int, 15>(13, heapless::test::scaled(60000),
                      [](rng& r) { return static_cast<short>(static_cast<int>(r.below(20)) - 3); },
                      [](rng& r) { return static_cast<int>(r.below(100)); });
  // High and low halves vary independently: a 32-bit half match must not count.
  // N = 3: 64-bit lanes of the whole-array scan; N = 12 and 20: hash index
  // (on microcontrollers: N = 12 the portable loop).
  const auto halves = [](rng& r) {
    return static_cast<std::int64_t>((std::uint64_t{r.below(5)} << 32) | (r.below(6)));
  };
  run<std::int64_t, int, 20>(5, heapless::test::scaled(60000), halves,
                             [](rng& r) { return static_cast<int>(r.below(100)); });
  run<std::int64_t, int, 12>(12, heapless::test::scaled(60000), halves,
                             [](rng& r) { return static_cast<int>(r.below(100)); });
  run<std::int64_t, int, 3>(14, heapless::test::scaled(30000), halves,
                            [](rng& r) { return static_cast<int>(r.below(100)); });
}

TEST_CASE("LinearMap random differential: counted values (lifetimes)", "[linear_map][random]") {
  run<long, counted, 12>(6, heapless::test::scaled(60000), [](rng& r) { return static_cast<long>(r.below(18)); },
                         [](rng& r) { return counted(static_cast<int>(r.below(100))); });
}

TEST_CASE("LinearMap random differential: std::string_view keys (both string search paths)", "[linear_map][random]") {
  // Lengths 0..17: the inline compare (<= 16 bytes) and memcmp (> 16).
  static const char* const words[] = {"", "a", "b", "ab", "ba", "abc", "abd", "uart0.baud", "uart0.bits",
                                      "uart1.baud", "spi.mode", "spi.hz", "i2c.addr", "adc.gain",
                                      "a-sixteen-chars!", "a-seventeen-chars", "a-seventeen-charz"};
  const auto word = [](rng& r) { return std::string_view(words[r.below((sizeof(words)) / sizeof(words[0]))]); };
  const auto value = [](rng& r) { return static_cast<int>(r.below(100)); };
  run<std::string_view, int, 10>(7, heapless::test::scaled(40000), word, value);  // tagged (N >= 8)
  run<std::string_view, int, 5>(9, heapless::test::scaled(20000), word, value);   // length first (N < 8)
}

TEST_CASE("LinearMap random differential: String<15> keys", "[linear_map][random]") {
  static const char* const words[] = {"", "a", "b", "ab", "ba", "abc", "abd", "uart0.baud", "uart0.bits",
                                      "uart1.baud", "spi.mode", "spi.hz", "i2c.addr", "adc.gain", "fifteen-chars!!"};
  run<heapless::String<15>, int, 9>(
      8, heapless::test::scaled(40000),
      [](rng& r) { return heapless::String<15>(words[r.below((sizeof(words)) / sizeof(words[0]))]); },
      [](rng& r) { return static_cast<int>(r.below(100)); });
}
