// SPDX-License-Identifier: BSL-1.0
// heapless/charconv.hpp - numbers to and from text without printf, scanf or
// the heap: parse<T>(text) and to_string<N>(value).
//
//   std::optional<int> n = heapless::parse<int>("-42");        // -42
//   auto mask = heapless::parse<std::uint32_t>("ff00", 16);     // 0xff00
//   auto t = heapless::parse<float>("2.5e-3");                 // floats too
//   if (!heapless::parse<std::uint8_t>("300")) { /* overflow: empty */ }
//   heapless::String<12> s = heapless::to_string<12>(-1234);   // "-1234"
//
// parse<T>(text, base = 10) accepts exactly one number filling the whole
// text: an optional '+' or '-' (no '-' for unsigned T), then digits in base
// 2..36 (letters in either case; no "0x" prefix, no whitespace). Anything
// else gives an empty optional: empty text, a stray or trailing character,
// a value out of T's range. Floats: the std::from_chars syntax (decimal,
// "inf", "nan", exponent "e"), with the same '+' allowed; the nearest value.
// Integers and floats both go through std::from_chars (<charconv>): no
// locale, no allocation. Floats need the library's floating-point
// from_chars (libstdc++ 11 and later, on hosts and in arm-none-eabi's
// newlib build; libc++ 17 and earlier lack it and parse<double> does not
// compile there). On Cortex-M the float parser costs flash: it is linked
// only when parse<float/double> is used.
//
// to_string<N>(value): integers are written by std::to_chars, and N is
// checked at compile time to hold every value of the type (sign included),
// so it never fails. Floats use format.hpp's "{}" (shortest text that reads
// back to the same value); a float that does not fit in N raises
// length_error as String::append does (N >= 24 always suffices for double,
// 16 for float).
#ifndef HEAPLESS_CHARCONV_HPP
#define HEAPLESS_CHARCONV_HPP

#include <charconv>     // std::from_chars, std::to_chars, std::errc
#include <cstddef>      // std::size_t
#include <optional>     // std::optional: parse's result
#include <string_view>  // std::string_view: the text
#include <type_traits>  // std::is_integral_v, std::is_floating_point_v

#include <heapless/detail/config.hpp>  // HEAPLESS_NAMESPACE_BEGIN
#include <heapless/detail/error.hpp>   // HEAPLESS_ASSERT
#include <heapless/detail/size.hpp>    // detail::int_limits: digits needed per integer type
#include <heapless/format.hpp>         // format<N>: floats in to_string
#include <heapless/string.hpp>         // String<N>

HEAPLESS_NAMESPACE_BEGIN
namespace detail {
/// Integer types that are numbers: not bool and not the character types.
template <class T>
inline constexpr bool parse_integer_v =
    std::is_integral_v<T> && !std::is_same_v<T, bool> && !std::is_same_v<T, char> && !std::is_same_v<T, wchar_t> &&
#if defined(__cpp_char8_t)
    !std::is_same_v<T, char8_t> &&
#endif
    !std::is_same_v<T, char16_t> && !std::is_same_v<T, char32_t>;

/// Characters to_chars needs for any value of integer T in base 10.
template <class T>
inline constexpr std::size_t integer_chars_v =
    static_cast<std::size_t>(detail::int_limits<T>::digits10) + 1 + (std::is_signed_v<T> ? 1 : 0);

/// Drops one leading '+' when a digit-like character follows (from_chars
/// takes '-' but not '+'); "+-1" and "+" stay invalid.
constexpr std::string_view parse_skip_plus(std::string_view text) noexcept {
  if (text.size() >= 2 && text[0] == '+' && text[1] != '-' && text[1] != '+') text.remove_prefix(1);
  return text;
}
}  // namespace detail

/// The integer in text (base 2..36), or an empty optional if text is not
/// exactly one number of T's range. Precondition (asserted): 2 <= base <= 36.
/// O(text.size()).
template <class T, std::enable_if_t<detail::parse_integer_v<T>, int> = 0>
std::optional<T> parse(std::string_view text, int base = 10) noexcept {
  HEAPLESS_ASSERT(base >= 2 && base <= 36, "heapless::parse: base must be 2..36");
  text = detail::parse_skip_plus(text);
  if (text.empty()) return std::nullopt;
  T value{};
  const char* const last = text.data() + text.size();
  const std::from_chars_result r = std::from_chars(text.data(), last, value, base);
  if (r.ec != std::errc{} || r.ptr != last) return std::nullopt;
  return value;
}

/// The floating-point number in text (std::from_chars' general syntax, and
/// a leading '+'), or an empty optional if text is not exactly one number or
/// is out of T's range. O(text.size()).
template <class T, std::enable_if_t<std::is_floating_point_v<T>, int> = 0>
std::optional<T> parse(std::string_view text) noexcept {
  text = detail::parse_skip_plus(text);
  if (text.empty()) return std::nullopt;
  T value{};
  const char* const last = text.data() + text.size();
  const std::from_chars_result r = std::from_chars(text.data(), last, value);
  if (r.ec != std::errc{} || r.ptr != last) return std::nullopt;
  return value;
}

/// value in base 10 as a String<N>. N must hold the longest value of T
/// (checked at compile time: 11 for std::int32_t, 20 for std::int64_t).
/// Never fails. O(digits).
template <std::size_t N, class T, std::enable_if_t<detail::parse_integer_v<T>, int> = 0>
String<N> to_string(T value) noexcept {
  static_assert(N >= detail::integer_chars_v<T>,
                "heapless::to_string<N>: N is too small for every value of this integer type");
  char buf[detail::integer_chars_v<T>] = {};
  const std::to_chars_result r = std::to_chars(buf, buf + sizeof buf, value);
  String<N> s;
  s.unchecked_append(buf, static_cast<std::size_t>(r.ptr - buf));
  return s;
}

/// value as format("{}") writes it: the shortest text that parses back to
/// the same value. Raises length_error if it does not fit in N (never for
/// N >= 24 with double, N >= 16 with float).
template <std::size_t N, class T, std::enable_if_t<std::is_floating_point_v<T>, int> = 0>
String<N> to_string(T value) {
  return format<N>("{}", value);
}

HEAPLESS_NAMESPACE_END

#endif  // HEAPLESS_CHARCONV_HPP
