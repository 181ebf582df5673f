// SPDX-License-Identifier: BSL-1.0
// heapless/detail/float_fixed.hpp - the part of detail/float_to_chars.hpp that
// heapless/format.hpp needs whatever its floating-point back end: a float's
// fields (fp::decompose, fp::traits) and the exact 64-bit path for a fixed
// precision (fp::to_chars_fixed_fast), which runs before std::to_chars as well.
// The rest of the compact conversion (big integers, shortest digits,
// fp::to_chars) is in detail/float_to_chars.hpp, which format.hpp includes only
// when it is the back end (HEAPLESS_FORMAT_STD_TO_CHARS == 0): a translation
// unit that formats with std::to_chars does not parse it.
#ifndef HEAPLESS_DETAIL_FLOAT_FIXED_HPP
#define HEAPLESS_DETAIL_FLOAT_FIXED_HPP

#include <charconv>  // std::to_chars_result, std::errc
#include <cstddef>   // std::size_t
#include <cstdint>   // std::uint32_t, std::uint64_t

#include <heapless/detail/config.hpp>  // HEAPLESS_NAMESPACE_BEGIN
#include <heapless/detail/cstring.hpp>  // detail::mem_copy, detail::mem_move

HEAPLESS_NAMESPACE_BEGIN
namespace detail {
namespace fp {

// A finite |x| = f * 2^e with f an integer (hidden bit included).
struct decomposed {
  std::uint64_t f;
  int e;
  bool neg;
  bool finite;        // false: inf or nan
  bool nan;
  bool lower_closer;  // f is a power of two above the smallest normal: the
                      // gap below x is half the gap above
};

template <class F>
struct traits;
template <>
struct traits<float> {
  using bits_type = std::uint32_t;
  static constexpr int mantissa_bits = 23;
  static constexpr int exponent_bits = 8;
  static constexpr int bias = 127 + 23;
  // Big integers: < 2^(24 + 151 + 36) in every step (see bigint in
  // detail/float_to_chars.hpp).
  static constexpr std::size_t words = 8;
  static constexpr int max_shortest = 9;
  static constexpr int max_fraction_digits = 149;     // 2^-149 has 149 fraction digits
  static constexpr int max_significant_digits = 112;  // of any exact float expansion
  static constexpr std::size_t big_buffer = 1 + 39 + 1 + 149 + 8;  // format_float.hpp
};
template <>
struct traits<double> {
  using bits_type = std::uint64_t;
  static constexpr int mantissa_bits = 52;
  static constexpr int exponent_bits = 11;
  static constexpr int bias = 1023 + 52;
  // < 2^(53 + 1076 + 36) = 36.4 words in every step; two words of margin.
  static constexpr std::size_t words = 39;
  static constexpr int max_shortest = 17;
  static constexpr int max_fraction_digits = 1074;
  static constexpr int max_significant_digits = 767;
  // format_float.hpp's buffer: fixed is either <= 309 integer digits and no
  // fraction, or < 2^53 (16 digits) and <= 1074 fraction digits;
  // scientific/general: <= 767 digits + exponent.
  static constexpr std::size_t big_buffer = 1 + 16 + 1 + 1074 + 8;
};

template <class F>
inline decomposed decompose(F x) noexcept {
  using tr = traits<F>;
  typename tr::bits_type bits;
  detail::mem_copy(&bits, &x, sizeof bits);
  const std::uint64_t b = bits;
  const std::uint64_t mant = b & ((std::uint64_t{1} << tr::mantissa_bits) - 1);
  const int biased = static_cast<int>((b >> tr::mantissa_bits) & ((1u << tr::exponent_bits) - 1));
  decomposed d{};
  d.neg = (b >> (sizeof(F) * 8 - 1)) != 0;
  if (biased == (1 << tr::exponent_bits) - 1) {
    d.nan = mant != 0;
    return d;
  }
  d.finite = true;
  if (biased == 0) {
    d.f = mant;
    d.e = 1 - tr::bias;
  } else {
    d.f = mant | (std::uint64_t{1} << tr::mantissa_bits);
    d.e = biased - tr::bias;
    d.lower_closer = mant == 0 && biased > 1;
  }
  return d;
}

// Adds one unit in the last place to the digits d[0, n); on a carry out of the
// first digit (all were 9s, now all 0s) returns true.
inline bool round_up(char* d, std::size_t n) noexcept {
  for (std::size_t i = n; i > 0; --i) {
    if (d[i - 1] != '9') {
      ++d[i - 1];
      return false;
    }
    d[i - 1] = '0';
  }
  return true;
}

// ---------------------------------------------------------------------------
// Layout: the text std::to_chars produces around the digits.

struct writer {
  char* p;
  char* last;
  bool ok;
  void put(char c) noexcept {
    if (p == last) {
      ok = false;
      return;
    }
    *p++ = c;
  }
  void write(const char* s, std::size_t n) noexcept {
    if (static_cast<std::size_t>(last - p) < n) {
      ok = false;
      return;
    }
    detail::mem_move(p, s, n);  // may overlap: see the precision fp::to_chars
    p += n;
  }
  void zeros(std::size_t n) noexcept {
    if (static_cast<std::size_t>(last - p) < n) {
      ok = false;
      return;
    }
    for (std::size_t i = 0; i < n; ++i) *p++ = '0';
  }
  std::to_chars_result result() const noexcept {
    return ok ? std::to_chars_result{p, std::errc()} : std::to_chars_result{last, std::errc::value_too_large};
  }
};

// Fixed with precision p <= 60 for |x| < 2^32 - 1 with at most 60 fraction bits:
// 64-bit arithmetic (no 64-bit division: none linked on 32-bit cores), exact.
// Returns false (writing nothing) when x is outside that range.
inline bool fixed_fast(writer& w, const decomposed& v, int p) noexcept {
  if (v.e > 0 || v.e < -60 || p > 60) return false;
  const unsigned sh = static_cast<unsigned>(-v.e);
  if ((sh == 0 ? v.f : v.f >> sh) >= 0xffffffffu) return false;  // + a carry still fits
  auto ip = static_cast<std::uint32_t>(sh == 0 ? v.f : v.f >> sh);
  std::uint64_t frac = sh == 0 ? 0 : v.f & ((std::uint64_t{1} << sh) - 1);
  char buf[11 + 60];
  char* const fd = buf + 11;  // fraction digits; the <= 10 integer digits (+ carry) go before them
  for (int i = 0; i < p; ++i) {
    frac *= 10;  // < 10 * 2^60: fits
    fd[i] = static_cast<char>('0' + (frac >> sh));
    frac &= sh == 0 ? 0 : (std::uint64_t{1} << sh) - 1;
  }
  bool carry = false;
  if (sh != 0) {
    const std::uint64_t half = std::uint64_t{1} << (sh - 1);
    const bool odd = p > 0 ? ((fd[p - 1] - '0') & 1) != 0 : (ip & 1) != 0;
    if (frac > half || (frac == half && odd)) carry = p == 0 || round_up(fd, static_cast<std::size_t>(p));
  }
  if (carry) ++ip;
  char* q = fd;
  do {
    *--q = static_cast<char>('0' + ip % 10);
    ip /= 10;
  } while (ip != 0);
  w.write(q, static_cast<std::size_t>(fd - q));
  if (p > 0) {
    w.put('.');
    w.write(fd, static_cast<std::size_t>(p));
  }
  return true;
}

// std::to_chars(first, last, x, fixed, precision) when x is in fixed_fast's
// range (sets *r, returns true); false otherwise.
template <class F>
inline bool to_chars_fixed_fast(char* first, char* last, F x, int precision, std::to_chars_result* r) noexcept {
  const decomposed v = decompose(x);
  if (!v.finite) return false;
  writer w{first, last, true};
  if (v.neg) w.put('-');
  if (!fixed_fast(w, v, precision < 0 ? 6 : precision)) return false;
  *r = w.result();
  return true;
}

}  // namespace fp
}  // namespace detail
HEAPLESS_NAMESPACE_END

#endif  // HEAPLESS_DETAIL_FLOAT_FIXED_HPP
