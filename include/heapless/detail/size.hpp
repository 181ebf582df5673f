// SPDX-License-Identifier: BSL-1.0
// heapless/detail/size.hpp - the smallest unsigned type that holds N.
#ifndef HEAPLESS_DETAIL_SIZE_HPP
#define HEAPLESS_DETAIL_SIZE_HPP

#include <cstddef>      // std::size_t
#include <cstdint>      // std::uint8_t ... std::uint64_t
#include <type_traits>  // std::conditional_t

#include "config.hpp"  // HEAPLESS_NAMESPACE_BEGIN

HEAPLESS_NAMESPACE_BEGIN
namespace detail {

/// Smallest unsigned integer type able to represent every value in [0, N].
/// Used for stored lengths and indices; public size_type stays std::size_t.
template <std::size_t N>
using smallest_size_t = std::conditional_t<
    (N <= 0xFFu), std::uint8_t,
    std::conditional_t<(N <= 0xFFFFu), std::uint16_t,
                       std::conditional_t<(N <= 0xFFFFFFFFu), std::uint32_t, std::uint64_t>>>;

}  // namespace detail
HEAPLESS_NAMESPACE_END

#endif  // HEAPLESS_DETAIL_SIZE_HPP
