// SPDX-License-Identifier: BSL-1.0
// heapless/detail/format_float.hpp - float and double formatting for heapless/format.hpp.
//
// Kept apart from the integer engine: float_handler<F>::handle is referenced
// only from the descriptor of a float/double argument, so a program that never
// formats a floating-point value never instantiates, references or links any
// of this.
//
// The digits come from one of two back ends with the same output, byte for
// byte (exact, locale-free, no heap), chosen by HEAPLESS_FORMAT_STD_TO_CHARS:
//   1  std::to_chars(float/double): the standard library's (libstdc++: Ryu),
//      fastest for the shortest form; the default on hosted systems
//      (Linux, macOS, Windows, other Unix) whose library has it.
//   0  heapless::detail::fp::to_chars (detail/float_to_chars.hpp): exact
//      big-integer digit generation, ~2-3 KB of code and no tables; the
//      default elsewhere (bare metal, RTOS), where libstdc++'s costs
//      ~120-140 KB of flash.
// Either way a fixed precision ("{:.3f}") of a value below 2^53 whose
// fraction fits 60 bits takes fp's 64-bit path.
//
//   {}            shortest round-trip representation (to_chars(value))
//   {:.P}         general, P significant digits
//   {:f} {:e} {:g} fixed / scientific / general, precision P (default 6)
// and '#' (keep the point; for g keep trailing zeros), sign, '0' padding and
// uppercase (F E G: INF, NAN, E) are applied around the digits here.
#ifndef HEAPLESS_DETAIL_FORMAT_FLOAT_HPP
#define HEAPLESS_DETAIL_FORMAT_FLOAT_HPP

#include <charconv>  // std::to_chars(float/double, ...), std::chars_format
#include <cstdint>   // std::uint32_t, std::uint64_t
#include <type_traits>  // std::is_same_v

#include <heapless/detail/float_fixed.hpp>  // fp::decompose, fp::traits, fp::to_chars_fixed_fast
#include <heapless/detail/format_core.hpp>  // format_buffer, format_specs, arg_value, write_fill

// HEAPLESS_FORMAT_STD_TO_CHARS (config.hpp) defaults, on hosted systems, to
// this: whether <charconv> has std::to_chars for float and double.
#if defined(__cpp_lib_to_chars)
#define HEAPLESS_DETAIL_STD_FLOAT_TO_CHARS 1
#else
#define HEAPLESS_DETAIL_STD_FLOAT_TO_CHARS 0
#endif

// The compact back end only where it is the back end: with std::to_chars its
// big-integer code would be parsed in every translation unit and never used.
#if !HEAPLESS_FORMAT_STD_TO_CHARS
#include <heapless/detail/float_to_chars.hpp>  // fp::to_chars, the compact back end
#endif

HEAPLESS_NAMESPACE_BEGIN
namespace detail {

/// Number of fraction digits in the exact decimal expansion of a finite x.
template <class F>
inline int exact_fraction_digits(F x) noexcept {
  const fp::decomposed v = fp::decompose(x);
  if (v.f == 0) return 0;
  int e2 = v.e;
  for (std::uint64_t m = v.f; (m & 1) == 0; m >>= 1) ++e2;
  return e2 < 0 ? -e2 : 0;
}

/// The back end: shortest round trip.
template <class F>
inline std::to_chars_result float_to_chars(char* first, char* last, F x) noexcept {
#if HEAPLESS_FORMAT_STD_TO_CHARS
  return std::to_chars(first, last, x);
#else
  return fp::to_chars(first, last, x);
#endif
}
/// The back end: fixed / scientific / general with a precision.
template <class F>
inline std::to_chars_result float_to_chars(char* first, char* last, F x, std::chars_format f, int precision) noexcept {
#if HEAPLESS_FORMAT_STD_TO_CHARS
  if (f == std::chars_format::fixed) {
    std::to_chars_result r{};
    if (fp::to_chars_fixed_fast(first, last, x, precision, &r)) return r;
  }
  return std::to_chars(first, last, x, f, precision);
#else
  return fp::to_chars(first, last, x, f, precision);
#endif
}

/// The pieces of a formatted float: sign prefix, digits (mantissa), an
/// optional inserted '.', zeros to append, and the exponent suffix.
struct float_parts {
  const char* digits;
  std::size_t digits_size;
  std::size_t exponent_at;  // index in digits where "e..." starts (== digits_size if none)
  bool add_point;
  std::size_t zeros;
  bool finite;
};

inline void write_float_parts(format_buffer& out, const format_specs& s, const char* sign, std::size_t sn,
                              const float_parts& p) {
  const std::size_t len = sn + p.digits_size + (p.add_point ? 1 : 0) + p.zeros;
  std::size_t left = 0, right = 0;
  bool zero_pad = false;
  if (s.width > len) {
    const std::size_t pad = s.width - len;
    if (s.zero() && s.align == 0 && p.finite) {
      zero_pad = true;
      left = pad;
    } else {
      const char align = s.align ? s.align : '>';
      left = align == '>' ? pad : align == '^' ? pad / 2 : 0;
      right = pad - left;
    }
  }
  if (!zero_pad) write_fill(out, s, left);
  out.write(sign, sn);
  if (zero_pad) out.fill(left, '0');
  out.write(p.digits, p.exponent_at);
  if (p.add_point) out.put('.');
  out.fill(p.zeros, '0');
  out.write(p.digits + p.exponent_at, p.digits_size - p.exponent_at);
  write_fill(out, s, right);
}

/// Formats x with specs s using buf[0, cap) for the digits; false if cap is too small.
template <class F>
bool format_float_into(format_buffer& out, F x, const format_specs& s, char* buf, std::size_t cap) {
  using tr = fp::traits<F>;
  char* const end = buf + cap;
  std::to_chars_result r{};
  std::size_t zeros = 0;
  int precision = s.precision;
  const char type = s.type;
  bool general = false;
  if (type == 0 && precision < 0) {
    r = float_to_chars(buf, end, x);
  } else {
    std::chars_format f = std::chars_format::general;
    if (precision < 0) precision = 6;
    switch (type) {
      case 'f': case 'F': f = std::chars_format::fixed; break;
      case 'e': case 'E': f = std::chars_format::scientific; break;
      default: general = true; break;
    }
    int p = precision;
    if (f == std::chars_format::fixed) {
      // Digits past the exact expansion are zeros: ask to_chars for the exact
      // ones only and append the rest, so the buffer stays bounded.
      const int exact = exact_fraction_digits(x);
      if (p > exact) {
        zeros = static_cast<std::size_t>(p - exact);
        p = exact;
      }
    } else if (p > tr::max_significant_digits) {
      if (!general) zeros = static_cast<std::size_t>(p - tr::max_significant_digits);
      p = tr::max_significant_digits;
    }
    r = float_to_chars(buf, end, x, f, p);
  }
  if (r.ec != std::errc()) return false;

  const char* digits = buf;
  std::size_t n = static_cast<std::size_t>(r.ptr - buf);
  char sign[1];
  std::size_t sn = 0;
  if (n != 0 && buf[0] == '-') {
    sign[sn++] = '-';
    ++digits;
    --n;
  } else if (s.sign == '+' || s.sign == ' ') {
    sign[sn++] = s.sign;
  }
  float_parts parts{digits, n, n, false, zeros, true};
  if (n != 0 && (digits[0] == 'i' || digits[0] == 'n')) {  // inf, nan
    parts.finite = false;
    parts.zeros = 0;
  } else {
    std::size_t e = 0;
    bool has_point = false;
    while (e < n && digits[e] != 'e') has_point |= digits[e++] == '.';
    parts.exponent_at = e;
    if (zeros != 0 && !has_point) parts.add_point = true;  // fixed/scientific with precision 0 + zeros
    if (s.alt()) {
      if (!has_point) parts.add_point = true;
      if (general) {  // '#g': keep trailing zeros up to `precision` significant digits
        std::size_t sig = 0;
        bool leading = true;
        for (std::size_t i = 0; i < e; ++i) {
          if (digits[i] == '.') continue;
          if (leading && digits[i] == '0') continue;
          leading = false;
          ++sig;
        }
        if (leading) sig = 1;  // the value 0 shows one significant digit
        const std::size_t want = precision == 0 ? 1 : static_cast<std::size_t>(precision);
        if (want > sig) parts.zeros = want - sig;
      }
    }
  }
  if (type == 'F' || type == 'E' || type == 'G') {
    for (std::size_t i = 0; i < n; ++i) {
      const char c = buf[static_cast<std::size_t>(digits - buf) + i];
      if (c >= 'a' && c <= 'z') buf[static_cast<std::size_t>(digits - buf) + i] = static_cast<char>(c - ('a' - 'A'));
    }
  }
  write_float_parts(out, s, sign, sn, parts);
  return true;
}

template <class F>
HEAPLESS_NOINLINE void format_float_big(format_buffer& out, F x, const format_specs& s) {
  char big[fp::traits<F>::big_buffer];
  if (!format_float_into(out, x, s, big, sizeof big)) out.fail("heapless::format: float does not fit");
}

template <class F>
struct float_handler {
  static void handle(format_buffer& out, const arg_value& v, const format_specs& s, std::string_view) {
    F x;
    if constexpr (std::is_same_v<F, float>) x = v.f;
    else x = v.d;
    // Fast path: no width, sign, '#' or uppercase, a modest precision: the
    // digits are to_chars' output as is, written straight into the sink when
    // it owns its free space, else through a local buffer. (If they do not
    // fit, to_chars fails and the general path below runs.)
    char buf[64];  // shortest is <= 24 chars; larger precisions take the big path
    if (s.width == 0 && s.sign == 0 && !s.alt() && s.precision <= 24 &&
        (s.type == 0 || s.type == 'f' || s.type == 'e' || s.type == 'g')) {
      const bool direct = out.scratch_tail() && out.room() >= 8;
      char* const p = direct ? out.cur() : buf;
      char* const last = direct ? p + out.room() : buf + sizeof buf;
      std::to_chars_result r;
      if (s.type == 0 && s.precision < 0) {
        r = float_to_chars(p, last, x);
      } else {
        const int prec = s.precision < 0 ? 6 : s.precision;
        const std::chars_format f = s.type == 'f'   ? std::chars_format::fixed
                                    : s.type == 'e' ? std::chars_format::scientific
                                                    : std::chars_format::general;
        r = float_to_chars(p, last, x, f, prec);
      }
      if (r.ec == std::errc()) {
        if (direct) out.advance(static_cast<std::size_t>(r.ptr - p));
        else out.write(buf, static_cast<std::size_t>(r.ptr - buf));
        return;
      }
    }
    if (!format_float_into(out, x, s, buf, sizeof buf)) format_float_big(out, x, s);
  }
};

}  // namespace detail
HEAPLESS_NAMESPACE_END

#endif  // HEAPLESS_DETAIL_FORMAT_FLOAT_HPP
