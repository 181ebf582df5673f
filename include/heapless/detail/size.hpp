// SPDX-License-Identifier: BSL-1.0
// heapless/detail/size.hpp - the smallest unsigned type that holds N, and the
// range of an integer type without <limits>.
#ifndef HEAPLESS_DETAIL_SIZE_HPP
#define HEAPLESS_DETAIL_SIZE_HPP

#include <cstddef>      // std::size_t
#include <cstdint>      // std::uint8_t ... std::uint64_t
#include <type_traits>  // std::conditional_t, std::is_integral_v, std::is_same_v

#include <heapless/detail/config.hpp>  // HEAPLESS_NAMESPACE_BEGIN

HEAPLESS_NAMESPACE_BEGIN
namespace detail {

/// Smallest unsigned integer type able to represent every value in [0, N].
/// Used for stored lengths and indices; public size_type stays std::size_t.
template <std::size_t N>
using smallest_size_t = std::conditional_t<
    (N <= 0xFFu), std::uint8_t,
    std::conditional_t<(N <= 0xFFFFu), std::uint16_t,
                       std::conditional_t<(N <= 0xFFFFFFFFu), std::uint32_t, std::uint64_t>>>;

/// What std::numeric_limits<T> says of the integer type T (bool included):
/// value bits (sign excluded), decimal digits always representable, and the
/// range; all constants, so <limits> need not be parsed.
template <class T>
struct int_limits {
  static_assert(std::is_integral_v<T>, "int_limits: integer types only");
#ifdef __CHAR_BIT__
  static constexpr int bits = static_cast<int>(sizeof(T)) * __CHAR_BIT__;
#else
  static constexpr int bits = static_cast<int>(sizeof(T)) * 8;
#endif
  static constexpr bool is_signed = static_cast<T>(-1) < static_cast<T>(0);
  static constexpr int digits = std::is_same_v<T, bool> ? 1 : bits - (is_signed ? 1 : 0);
  static constexpr int digits10 = static_cast<int>(digits * 643L / 2136);  // floor(digits * log10(2))
  // Signed: 2^(digits-1) - 1, doubled plus one, never overflows on the way.
  static constexpr T max =
      is_signed ? static_cast<T>((((T{1} << (digits - 1)) - 1) << 1) + 1) : static_cast<T>(-1);
  static constexpr T min = is_signed ? static_cast<T>(-max - 1) : static_cast<T>(0);
};

}  // namespace detail
HEAPLESS_NAMESPACE_END

#endif  // HEAPLESS_DETAIL_SIZE_HPP
