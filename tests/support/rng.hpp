// rng.hpp - the tests' one random generator, and the byte source that drives
// the same operation tables from a fuzzer's input (support/ops/).
//
//   heapless::test::rng r{seed};   // splitmix64
//   r.next();                      // 64 random bits
//   r.below(n);                    // uniform enough in [0, n); 0 when n == 0
//   r.one_in(k);                   // true about once in k calls
//
// Deterministic: a seed gives the same sequence on every compiler, standard
// library and core (plain integer arithmetic, no <random>, whose engines and
// distributions differ between standard libraries and are missing from some
// bare-metal builds). Every test passes a fixed seed and reports it, with the
// step, when a differential check fails, so a failure replays exactly.
// splitmix64: one add and two multiply-xorshift rounds per draw; every seed,
// 0 included, gives a full-period sequence (the state is a Weyl counter).
// below(n) maps the high 32 bits into [0, n) by multiplication (Lemire), so
// Cortex-M cores need no 64-bit division; n is at most 2^32.
#ifndef HEAPLESS_TESTS_RNG_HPP
#define HEAPLESS_TESTS_RNG_HPP

#include <cstddef>  // std::size_t
#include <cstdint>  // std::uint64_t, std::uint32_t, std::uint8_t

namespace heapless {
namespace test {

class rng {
 public:
  constexpr explicit rng(std::uint64_t seed) noexcept : state_(seed) {}

  /// 64 random bits.
  constexpr std::uint64_t next() noexcept {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  /// 32 random bits (the high half of next()).
  constexpr std::uint32_t next32() noexcept { return static_cast<std::uint32_t>(next() >> 32); }
  /// A value in [0, n) (0 when n is 0); n <= 2^32.
  constexpr std::size_t below(std::size_t n) noexcept {
    return static_cast<std::size_t>((static_cast<std::uint64_t>(next32()) * n) >> 32);
  }
  /// True about once in k calls (k >= 1).
  constexpr bool one_in(std::size_t k) noexcept { return below(k) == 0; }

 private:
  std::uint64_t state_;
};

/// The fuzzer's input read as the same kind of source as rng: below(n) takes
/// as many bytes as n needs (one for n <= 256), and 0s once the input is
/// used up, so every input is a valid, finite script.
class byte_source {
 public:
  byte_source(const std::uint8_t* data, std::size_t size) noexcept : p_(data), n_(size) {}
  bool more() const noexcept { return n_ != 0; }
  std::uint8_t byte() noexcept {
    if (n_ == 0) return 0;
    --n_;
    return *p_++;
  }
  std::size_t below(std::size_t n) noexcept {
    if (n <= 1) return 0;
    std::uint64_t v = 0;
    std::uint64_t range = 1;
    for (int i = 0; i != 8 && range < n; ++i, range <<= 8) v = v << 8 | byte();
    return static_cast<std::size_t>(v % n);
  }
  bool one_in(std::size_t k) noexcept { return below(k) == 0; }

 private:
  const std::uint8_t* p_;
  std::size_t n_;
};

}  // namespace test
}  // namespace heapless

#endif  // HEAPLESS_TESTS_RNG_HPP
