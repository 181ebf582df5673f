// SPDX-License-Identifier: BSL-1.0
// heapless/detail/compare.hpp - a compare object stored at no cost when empty,
// and std::less / std::greater / std::equal_to without the rest of <functional>.
#ifndef HEAPLESS_DETAIL_COMPARE_HPP
#define HEAPLESS_DETAIL_COMPARE_HPP

#include <type_traits>  // std::is_empty_v, std::is_final_v, std::is_default_constructible_v

// libstdc++: std::less / std::greater / std::equal_to alone (<functional> also brings
// std::function, std::bind and the searchers).
#if defined(__GLIBCXX__) && __has_include(<bits/stl_function.h>)
#include <bits/stl_function.h>
#else
#include <functional>
#endif

#include <heapless/detail/config.hpp>  // HEAPLESS_NAMESPACE_BEGIN


HEAPLESS_NAMESPACE_BEGIN
namespace detail {

/// Holds the compare object of an ordered container; an empty, non-final one
/// as a base, so it takes no space (the empty-base optimisation).
template <class C, bool = std::is_empty_v<C> && !std::is_final_v<C>>
struct compare_holder : private C {
  constexpr compare_holder() noexcept(std::is_nothrow_default_constructible_v<C>) : C() {}
  constexpr explicit compare_holder(const C& c) noexcept(std::is_nothrow_copy_constructible_v<C>) : C(c) {}
  constexpr const C& comp() const noexcept { return *this; }
  constexpr C& comp_ref() noexcept { return *this; }
};
template <class C>
struct compare_holder<C, false> {
  constexpr compare_holder() noexcept(std::is_nothrow_default_constructible_v<C>) : c_() {}
  constexpr explicit compare_holder(const C& c) noexcept(std::is_nothrow_copy_constructible_v<C>) : c_(c) {}
  constexpr const C& comp() const noexcept { return c_; }
  constexpr C& comp_ref() noexcept { return c_; }

 private:
  C c_;
};

/// How a view reaches its container's compare object: an empty, default
/// constructible one is made afresh at each use (the view stores nothing and
/// takes it as an empty base); any other is referred to by pointer.
template <class C, bool = std::is_empty_v<C> && std::is_default_constructible_v<C>>
struct compare_ref {
  constexpr explicit compare_ref(const C&) noexcept {}
  constexpr C comp() const noexcept(std::is_nothrow_default_constructible_v<C>) { return C(); }
};
template <class C>
struct compare_ref<C, false> {
  constexpr explicit compare_ref(const C& c) noexcept : p_(&c) {}
  constexpr const C& comp() const noexcept { return *p_; }

 private:
  const C* p_;
};


}  // namespace detail
HEAPLESS_NAMESPACE_END

#endif  // HEAPLESS_DETAIL_COMPARE_HPP
