// SPDX-License-Identifier: BSL-1.0
// heapless/detail/float_to_chars.hpp - a compact, exact float/double to_chars.
//
// The floating-point back end of heapless/format.hpp on targets where the
// standard library's std::to_chars(double) is too large (libstdc++ 12's costs
// ~120-140 KB of flash on Cortex-M: Ryu tables and long double paths). Output
// is byte for byte what std::to_chars produces (tests/float_to_chars_test.cpp
// and a fuzz target compare them):
//   to_chars(first, last, x)             shortest round-trip digits, fixed or
//                                        scientific, whichever is shorter (fixed
//                                        on a tie); a fixed integer shows its
//                                        exact value
//   to_chars(first, last, x, fmt, prec)  fixed / scientific / general with a
//                                        precision, rounded exactly
//                                        (round-half-even on exact ties)
// "inf", "nan", a leading '-' for negative values (also -0 and -nan).
//
// The method is the classic exact one (Steele & White / Burger & Dybvig "free
// format" for the shortest digits, long division for a given precision) on a
// small fixed-size big integer: no tables, no heap, no locale, little code
// (its size on Cortex-M: docs/benchmarks.md, "Formatting"). The big integers live on the stack: at most 4 of
// bigint<F>::words 32-bit words (4 x 160 bytes for double, 4 x 32 for float).
// A fixed-precision value below 2^53 with at most 60 fraction bits (most
// values a program prints with "{:.3f}") takes a 64-bit path instead
// (detail/float_fixed.hpp, with the float's fields and the output writer).
#ifndef HEAPLESS_DETAIL_FLOAT_TO_CHARS_HPP
#define HEAPLESS_DETAIL_FLOAT_TO_CHARS_HPP

#include <charconv>     // std::to_chars_result, std::chars_format, std::errc
#include <cstddef>      // std::size_t
#include <cstdint>      // std::uint32_t, std::uint64_t

#include <heapless/detail/config.hpp>       // HEAPLESS_TRAP, HEAPLESS_UNLIKELY
#include <heapless/detail/cstring.hpp>  // detail::mem_move
#include <heapless/detail/float_fixed.hpp>  // fp::decompose, fp::writer, fp::round_up, fp::to_chars_fixed_fast

HEAPLESS_NAMESPACE_BEGIN
namespace detail {
namespace fp {

// A std::size_t as unsigned: a cast on 64-bit targets (-Wconversion), none on
// 32-bit ones, where a plain static_cast would be a useless cast
// (-Wuseless-cast). As a template the cast is never flagged.
template <class U>
constexpr unsigned to_unsigned(U v) noexcept {
  return static_cast<unsigned>(v);
}

/// Number of significant bits of v (0 for 0).
inline unsigned bit_width(std::uint64_t v) noexcept {
  unsigned n = 0;
  for (; v != 0; v >>= 1) ++n;
  return n;
}

// An unsigned big integer of at most W 32-bit words, least significant first.
// Words at index >= n are unspecified.
template <std::size_t W>
struct bigint {
  std::uint32_t w[W];
  std::size_t n;

  void set(std::uint64_t v) noexcept {
    n = 0;
    while (v != 0) {
      w[n++] = static_cast<std::uint32_t>(v);
      v >>= 32;
    }
  }
  // The sizes are bounded by construction (traits<F>::words); the checks
  // below never fire, and tell the optimiser the bounds.
  void push(std::uint32_t word) noexcept {
    if (HEAPLESS_UNLIKELY(n >= W)) HEAPLESS_TRAP();
    w[n++] = word;
  }
  void mul(std::uint32_t m) noexcept {
    std::uint64_t carry = 0;
    for (std::size_t i = 0; i < n; ++i) {
      const std::uint64_t t = std::uint64_t{w[i]} * m + carry;
      w[i] = static_cast<std::uint32_t>(t);
      carry = t >> 32;
    }
    if (carry != 0) push(static_cast<std::uint32_t>(carry));
  }
  void mul_pow10(int k) noexcept {
    for (; k >= 9; k -= 9) mul(1000000000u);
    std::uint32_t m = 1;
    for (; k > 0; --k) m *= 10;
    if (m != 1) mul(m);
  }
  void shl(unsigned bits) noexcept {
    if (n == 0) return;
    const std::size_t words_ = bits / 32;
    const unsigned s = bits % 32;
    if (HEAPLESS_UNLIKELY(n + words_ >= W)) HEAPLESS_TRAP();
    if (s != 0) {
      const std::uint32_t top = w[n - 1] >> (32 - s);
      for (std::size_t i = n - 1; i > 0; --i) w[i + words_] = (w[i] << s) | (w[i - 1] >> (32 - s));
      w[words_] = w[0] << s;
      n += words_;
      if (top != 0) w[n++] = top;
    } else {
      for (std::size_t i = n; i > 0; --i) w[i - 1 + words_] = w[i - 1];
      n += words_;
    }
    for (std::size_t i = 0; i < words_; ++i) w[i] = 0;
  }
  void trim() noexcept {
    while (n != 0 && w[n - 1] == 0) --n;
  }
  // *this -= q * b; requires *this >= q * b.
  void sub_mul(const bigint& b, std::uint32_t q) noexcept {
    std::uint64_t carry = 0;  // of q * b
    std::uint32_t borrow = 0;
    for (std::size_t i = 0; i < n; ++i) {
      const std::uint64_t prod = (i < b.n ? std::uint64_t{b.w[i]} * q : 0u) + carry;
      carry = prod >> 32;
      const std::uint64_t take = (prod & 0xffffffffu) + borrow;
      borrow = std::uint64_t{w[i]} < take ? 1u : 0u;
      w[i] = static_cast<std::uint32_t>(std::uint64_t{w[i]} - take);
    }
    trim();
  }
  // *this = a + b.
  void set_sum(const bigint& a, const bigint& b) noexcept {
    const bigint& lo = a.n < b.n ? a : b;
    const bigint& hi = a.n < b.n ? b : a;
    std::uint64_t carry = 0;
    for (std::size_t i = 0; i < hi.n; ++i) {
      carry += std::uint64_t{hi.w[i]} + (i < lo.n ? lo.w[i] : 0u);
      w[i] = static_cast<std::uint32_t>(carry);
      carry >>= 32;
    }
    n = hi.n;
    if (carry != 0) push(static_cast<std::uint32_t>(carry));
  }
  unsigned bit_length() const noexcept {
    return n == 0 ? 0 : to_unsigned(32 * (n - 1)) + bit_width(w[n - 1]);
  }
};

template <std::size_t W>
inline int compare(const bigint<W>& a, const bigint<W>& b) noexcept {
  if (a.n != b.n) return a.n < b.n ? -1 : 1;
  for (std::size_t i = a.n; i > 0; --i) {
    if (a.w[i - 1] != b.w[i - 1]) return a.w[i - 1] < b.w[i - 1] ? -1 : 1;
  }
  return 0;
}

// The next decimal digit of r / s (< 10): r = r mod s. s is normalised (its top
// word in [2^27, 2^28), see normalise), so r < 10 s fits in s.n words and the
// estimate from the top words is exact or one too small.
template <std::size_t W>
inline unsigned next_digit(bigint<W>& r, const bigint<W>& s) noexcept {
  if (r.n < s.n) return 0;
  std::uint32_t q = r.w[s.n - 1] / (s.w[s.n - 1] + 1);  // s's top word < 2^28: no overflow
  if (q != 0) r.sub_mul(s, q);
  while (compare(r, s) >= 0) {
    r.sub_mul(s, 1);
    ++q;
  }
  return q;
}

// Shifts s (and the others by the same amount) so that s's top word is in
// [2^27, 2^28): then 10 * r < 2^(32 * s.n) for every r < s.
template <std::size_t W>
inline void normalise(bigint<W>& s, bigint<W>& r, bigint<W>* m) noexcept {
  const unsigned len = s.bit_length();
  const unsigned shift = (28u + 32u - len % 32u) % 32u;
  s.shl(shift);
  r.shl(shift);
  if (m != nullptr) m->shl(shift);
}

// The decimal exponent k with 10^(k-1) <= |x| < 10^k of a finite nonzero x,
// or one more or one less: floor(log10(2^(bits - 1))) + 1, the log taken as
// 1233 / 4096 (|bits| < 2^15). The callers correct it.
inline int estimate_k(const decomposed& v) noexcept {
  return ((v.e + static_cast<int>(bit_width(v.f)) - 1) * 1233 >> 12) + 1;
}

// r / s = |x| / 10^k in [0.1, 1): sets r, s and k for a finite nonzero x.
template <std::size_t W>
inline int scale(const decomposed& v, bigint<W>& r, bigint<W>& s) noexcept {
  r.set(v.f);
  s.set(1);
  if (v.e >= 0) r.shl(static_cast<unsigned>(v.e));
  else s.shl(static_cast<unsigned>(-v.e));
  int k = estimate_k(v);
  if (k >= 0) s.mul_pow10(k);
  else r.mul_pow10(-k);
  if (compare(r, s) >= 0) {  // the estimate was one too small
    s.mul(10);
    ++k;
  }
  // One too large (only possible for negative exponents) when 10 r < s. With
  // r and s both times 10 when it is not, r / s stays |x| / 10^k.
  r.mul(10);
  if (compare(r, s) < 0) --k;
  else s.mul(10);
  return k;
}

// Exact digits of a finite |x| rounded to a precision (half to even on ties):
//   fixed:  to p digits after the point (p >= 0)
//   !fixed: to p significant digits (p >= 1)
// Writes them to [d, d + cap) without leading zeros and stops early once the
// rest are all zeros: the value is 0.d1d2...dn000... * 10^k, *k_out = k.
// Returns n, or -1 if the digits do not fit. x == 0 gives n = 0.
// With zeros_trimmed (%g, whose trailing zeros are dropped), digits past cap
// are still produced, unstored: when they end up all zeros (after rounding,
// 999... carried into the stored digits) the stored ones are the result.
template <class F>
inline long exact_digits(const decomposed& v, bool fixed, int p, char* d, std::size_t cap, int* k_out,
                         bool zeros_trimmed = false) noexcept {
  constexpr std::size_t W = traits<F>::words;
  *k_out = 0;
  if (v.f == 0) return 0;
  bigint<W> r, s;
  const int k = scale(v, r, s);
  *k_out = k;
  const long count = fixed ? static_cast<long>(k) + p : p;
  if (count < 0) return 0;  // |x| < 10^-(p+1): rounds to 0
  normalise(s, r, static_cast<bigint<W>*>(nullptr));
  long n = 0;
  unsigned last = 0;  // the last digit produced
  enum : unsigned char { none, zeros, nines } tail = none;  // the digits past cap
  for (; n < count && r.n != 0; ++n) {
    r.mul(10);
    last = next_digit(r, s);
    if (static_cast<std::size_t>(n) < cap) {
      d[n] = static_cast<char>('0' + last);
      continue;
    }
    if (!zeros_trimmed || (last != 0 && last != 9)) return -1;
    const auto t = last == 0 ? zeros : nines;
    if (tail != none && tail != t) return -1;
    tail = t;
  }
  const long stored = tail == none ? n : static_cast<long>(cap);
  bool up = false;
  if (r.n != 0) {  // round on what is left: 2r against s
    r.shl(1);
    const int c = compare(r, s);
    up = c > 0 || (c == 0 && n != 0 && (last & 1) != 0);
  }
  // Past cap: zeros stay zeros only without a carry into them, nines turn
  // into zeros only with one.
  if (tail != none && up != (tail == nines)) return -1;
  if (up && (stored == 0 || round_up(d, static_cast<std::size_t>(stored)))) {  // 0.96 -> 1.0: "1", one place up
    if (cap == 0) return -1;
    d[0] = '1';
    *k_out = k + 1;
    return 1;
  }
  return stored;
}

// Shortest digits that read back as x (Steele & White, Burger & Dybvig), the
// closest to x among those, ties to even. x finite, nonzero. Writes at most
// traits<F>::max_shortest digits to d and returns their number; *k as above.
template <class F>
inline int shortest_digits(const decomposed& v, char* d, int* k_out) noexcept {
  constexpr std::size_t W = traits<F>::words;
  // r / s = x, (r - mlow) / s and (r + mhigh) / s are the midpoints to the
  // neighbours, all scaled by 2 (by 4 when the lower gap is smaller).
  bigint<W> r, s, mlow, sum;
  const unsigned extra = v.lower_closer ? 2u : 1u;
  r.set(v.f);
  r.shl(extra);
  s.set(1);
  s.shl(extra);
  mlow.set(1);
  if (v.e >= 0) {
    r.shl(static_cast<unsigned>(v.e));
    mlow.shl(static_cast<unsigned>(v.e));
  } else {
    s.shl(static_cast<unsigned>(-v.e));
  }
  const bool even = (v.f & 1) == 0;  // round-to-even: the midpoints read back as x
  auto reaches = [even](int c) { return even ? c >= 0 : c > 0; };  // a midpoint comparison
  // mhigh = mlow, or 2 mlow when the lower gap is the smaller one.
  auto high_sum = [&](const bigint<W>& base) {  // sum = base + mhigh
    sum.set_sum(base, mlow);
    if (v.lower_closer) sum.set_sum(sum, mlow);
  };
  auto high_ok = [&] {  // r + mhigh reaches the next power of ten
    high_sum(r);
    return reaches(compare(sum, s));
  };
  int k = estimate_k(v);
  if (k >= 0) {
    s.mul_pow10(k);
  } else {
    r.mul_pow10(-k);
    mlow.mul_pow10(-k);
  }
  // Correct k so that (r + mhigh) / s < 1 <= 10 (r + mhigh) / s (boundaries by `even`).
  while (high_ok()) {
    s.mul(10);
    ++k;
  }
  for (;;) {
    sum.mul(10);  // r + mhigh from the last high_ok (recomputed before its next use)
    if (reaches(compare(sum, s))) break;
    r.mul(10);
    mlow.mul(10);
    --k;
    high_sum(r);
  }
  normalise(s, r, &mlow);
  int n = 0;
  for (;;) {
    r.mul(10);
    mlow.mul(10);
    unsigned digit = next_digit(r, s);
    const bool low = reaches(compare(mlow, r));  // r - mlow reaches the lower midpoint
    const bool high = high_ok();
    if (!low && !high) {
      d[n++] = static_cast<char>('0' + digit);
      if (HEAPLESS_UNLIKELY(n >= traits<F>::max_shortest)) HEAPLESS_TRAP();  // never: at most 17 (9) digits
      continue;
    }
    bool up = high && !low;
    if (low && high) {  // both neighbours' midpoints are out of reach: the closer digit
      sum.set_sum(r, r);
      const int c = compare(sum, s);
      up = c > 0 || (c == 0 && (digit & 1) != 0);
    }
    if (up && digit == 9) {
      d[n++] = '9';
      if (round_up(d, static_cast<std::size_t>(n))) {
        d[0] = '1';
        ++k;
      }
      // "10" at the shortest length: drop the trailing zero.
      while (n > 1 && d[n - 1] == '0') --n;
    } else {
      d[n++] = static_cast<char>('0' + digit + (up ? 1u : 0u));
    }
    break;
  }
  *k_out = k;
  return n;
}

// "e+05", "e-123"
inline void put_exponent(writer& w, int x) noexcept {
  w.put('e');
  w.put(x < 0 ? '-' : '+');
  const unsigned u = static_cast<unsigned>(x < 0 ? -x : x);
  if (u >= 100) w.put(static_cast<char>('0' + u / 100));
  w.put(static_cast<char>('0' + u / 10 % 10));
  w.put(static_cast<char>('0' + u % 10));
}

// Digits d[0, n) with value 0.d * 10^k in scientific form, `frac` digits after the point.
inline void put_scientific(writer& w, const char* d, std::size_t n, int k, std::size_t frac) noexcept {
  w.put(n != 0 ? d[0] : '0');
  if (frac != 0) {
    w.put('.');
    const std::size_t have = n > 1 ? n - 1 : 0;
    w.write(d + 1, have < frac ? have : frac);
    if (have < frac) w.zeros(frac - have);
  }
  put_exponent(w, n != 0 ? k - 1 : 0);
}

// Digits d[0, n) with value 0.d * 10^k in fixed form with `frac` fraction
// digits (n <= k + frac; missing digits are zeros).
inline void put_fixed(writer& w, const char* d, std::size_t n, int k, std::size_t frac) noexcept {
  if (k <= 0) {
    w.put('0');
  } else {
    const auto ik = static_cast<std::size_t>(k);
    w.write(d, n < ik ? n : ik);
    if (n < ik) w.zeros(ik - n);
  }
  if (frac == 0) return;
  w.put('.');
  std::size_t written = 0;
  if (k < 0) {
    const std::size_t lead = static_cast<std::size_t>(-k) < frac ? static_cast<std::size_t>(-k) : frac;
    w.zeros(lead);
    written = lead;
  }
  const std::size_t from = k > 0 ? static_cast<std::size_t>(k) : 0;
  if (n > from) {
    const std::size_t take = n - from < frac - written ? n - from : frac - written;
    w.write(d + from, take);
    written += take;
  }
  w.zeros(frac - written);
}

template <class F>
inline std::to_chars_result to_chars(char* first, char* last, F x) noexcept {
  writer w{first, last, true};
  const decomposed v = decompose(x);
  if (v.neg) w.put('-');
  if (!v.finite) {
    w.write(v.nan ? "nan" : "inf", 3);
    return w.result();
  }
  if (v.f == 0) {
    w.put('0');
    return w.result();
  }
  char d[traits<F>::max_shortest + 1];
  int k = 0;
  const auto n = static_cast<std::size_t>(shortest_digits<F>(v, d, &k));
  // Lengths of the two forms; the shorter wins, fixed on a tie.
  const int x10 = k - 1;
  const std::size_t ax = static_cast<std::size_t>(x10 < 0 ? -x10 : x10);
  const std::size_t sci = n + (n > 1 ? 1 : 0) + 2 + (ax >= 100 ? 3 : 2);
  std::size_t fix;
  if (k <= 0) fix = n + 2 + static_cast<std::size_t>(-k);
  else if (static_cast<std::size_t>(k) >= n) fix = static_cast<std::size_t>(k);
  else fix = n + 1;
  if (sci < fix) {
    put_scientific(w, d, n, k, n - 1);
  } else if (k > 0 && static_cast<std::size_t>(k) > n) {
    // An integer wider than its shortest digits: the exact value, as std::to_chars shows it.
    int kk = 0;
    const long m = exact_digits<F>(v, true, 0, w.p, static_cast<std::size_t>(last - w.p), &kk);
    if (m < 0) return std::to_chars_result{last, std::errc::value_too_large};
    w.p += m;
    w.zeros(static_cast<std::size_t>(kk - m));
  } else {
    put_fixed(w, d, n, k, static_cast<std::size_t>(static_cast<long>(n) - k));  // here k <= n
  }
  return w.result();
}

template <class F>
inline std::to_chars_result to_chars(char* first, char* last, F x, std::chars_format fmt, int precision) noexcept {
  writer w{first, last, true};
  const decomposed v = decompose(x);
  if (v.neg) w.put('-');
  if (!v.finite) {
    w.write(v.nan ? "nan" : "inf", 3);
    return w.result();
  }
  if (!w.ok) return w.result();
  if (precision < 0) precision = 6;
  const auto prec = static_cast<std::size_t>(precision);
  const bool fixed = fmt == std::chars_format::fixed;
  if (fixed && fixed_fast(w, v, precision)) return w.result();
  const bool general = !fixed && fmt != std::chars_format::scientific;
  // The digits are computed into the output, then moved to its end and laid
  // out front to back: once the whole text is known to fit, no write reaches
  // a digit not yet read.
  const auto room = static_cast<std::size_t>(last - w.p);
  const int sig = general ? (precision == 0 ? 1 : precision) : precision + 1;
  int k = 0;
  const long n = exact_digits<F>(v, fixed, fixed ? precision : sig, w.p, room, &k, general);
  if (n < 0) return std::to_chars_result{last, std::errc::value_too_large};
  auto nd = static_cast<std::size_t>(n);
  if (v.f == 0) k = 1;  // 0 = 0.0 * 10^1: one integer digit, exponent 0
  std::size_t frac = prec;      // digits after the point
  bool scientific = !fixed && !general;
  if (general) {  // %g: scientific when X < -4 or X >= P; no trailing zeros
    while (nd != 0 && w.p[nd - 1] == '0') --nd;
    const int x10 = k - 1;
    scientific = x10 < -4 || x10 >= sig;
    if (scientific) frac = nd > 1 ? nd - 1 : 0;
    else frac = static_cast<long>(nd) > k ? static_cast<std::size_t>(static_cast<long>(nd) - k) : 0;
  }
  std::size_t len = (frac != 0 ? frac + 1 : 0);
  if (scientific) {
    const int x10 = k - 1;
    len += 1 + 4 + ((x10 >= 100 || x10 <= -100) ? 1 : 0);
  } else {
    len += k > 0 ? static_cast<std::size_t>(k) : 1;
  }
  if (len > room) return std::to_chars_result{last, std::errc::value_too_large};
  char* const digits = last - nd;
  detail::mem_move(digits, w.p, nd);
  if (scientific) put_scientific(w, digits, nd, k, frac);
  else put_fixed(w, digits, nd, k, frac);
  return w.result();
}

}  // namespace fp
}  // namespace detail
HEAPLESS_NAMESPACE_END

#endif  // HEAPLESS_DETAIL_FLOAT_TO_CHARS_HPP
