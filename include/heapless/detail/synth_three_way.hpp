// SPDX-License-Identifier: BSL-1.0
// heapless/detail/synth_three_way.hpp - the standard's synth-three-way, which
// the sequence containers' operator<=> compares their elements with (C++20).
#ifndef HEAPLESS_DETAIL_SYNTH_THREE_WAY_HPP
#define HEAPLESS_DETAIL_SYNTH_THREE_WAY_HPP

#include <heapless/detail/config.hpp>  // HEAPLESS_NAMESPACE_BEGIN, HEAPLESS_HAS_THREE_WAY

#if HEAPLESS_HAS_THREE_WAY
#include <compare>  // std::weak_ordering

HEAPLESS_NAMESPACE_BEGIN
namespace detail {

/// The standard's synth-three-way: <=> when T has it, else built from <.
struct synth_three_way {
  template <class T>
  constexpr auto operator()(const T& a, const T& b) const {
    if constexpr (requires { a <=> b; }) {
      return a <=> b;
    } else {
      return a < b ? std::weak_ordering::less : b < a ? std::weak_ordering::greater : std::weak_ordering::equivalent;
    }
  }
};
/// T can be compared by synth_three_way.
template <class T>
concept synth_comparable = requires(const T& a) { static_cast<bool>(a < a); } || requires(const T& a) { a <=> a; };

}  // namespace detail
HEAPLESS_NAMESPACE_END
#endif  // HEAPLESS_HAS_THREE_WAY

#endif  // HEAPLESS_DETAIL_SYNTH_THREE_WAY_HPP
