// SPDX-License-Identifier: BSL-1.0
// heapless/array.hpp - conversions between Vec<T, N> and fixed-size arrays
// (std::array and C arrays).
//
//   constexpr std::uint8_t init[] = {0x01, 0x02};
//   auto v = heapless::from_array(init);                 // Vec<std::uint8_t, 2>
//   auto w = heapless::from_array<16>(std::array{1, 2}); // Vec<int, 16>, room for 14 more
//   std::array<int, 16> a = heapless::to_array(w);       // {1, 2, 0, 0, ...}
//
// Capacity is checked at compile time: from_array<N>(array of M) needs
// M <= N, to_array<M>(Vec<T, N>) needs N <= M, so neither can fail at run
// time. Cost: O(M) element copies (moves from an rvalue array); from an
// lvalue array of trivially copyable T, one memcpy.
//
// Opt-in: heapless.hpp does not include this header, so <array> stays out of
// the core headers; include it where the conversions are used.
#ifndef HEAPLESS_ARRAY_HPP
#define HEAPLESS_ARRAY_HPP

#include <array>        // std::array
#include <cstddef>      // std::size_t
#include <iterator>     // std::make_move_iterator
#include <type_traits>  // std::is_default_constructible_v
#include <utility>      // std::move

#include <heapless/detail/config.hpp>  // HEAPLESS_NAMESPACE_BEGIN, HEAPLESS_CONSTEXPR20
#include <heapless/vec.hpp>            // Vec

HEAPLESS_NAMESPACE_BEGIN

/// A Vec<T, N> holding copies of the M elements of a (M <= N, checked at
/// compile time). O(M).
template <std::size_t N, class T, std::size_t M>
HEAPLESS_CONSTEXPR20 Vec<T, N> from_array(const T (&a)[M]) {
  static_assert(M <= N, "heapless::from_array: the array does not fit in Vec<T, N>");
  Vec<T, N> v;
  v.append(a, a + M);
  return v;
}
/// As from_array(const T(&)[M]), moving the elements.
template <std::size_t N, class T, std::size_t M>
HEAPLESS_CONSTEXPR20 Vec<T, N> from_array(T (&&a)[M]) {
  static_assert(M <= N, "heapless::from_array: the array does not fit in Vec<T, N>");
  Vec<T, N> v;
  v.append(std::make_move_iterator(a), std::make_move_iterator(a + M));
  return v;
}
/// As from_array<N>, with capacity N = M.
template <class T, std::size_t M>
HEAPLESS_CONSTEXPR20 Vec<T, M> from_array(const T (&a)[M]) {
  return from_array<M>(a);
}
/// As from_array<N>, with capacity N = M, moving the elements.
template <class T, std::size_t M>
HEAPLESS_CONSTEXPR20 Vec<T, M> from_array(T (&&a)[M]) {
  return from_array<M>(std::move(a));
}

/// A Vec<T, N> holding copies of the M elements of a (M <= N, checked at
/// compile time). O(M).
template <std::size_t N, class T, std::size_t M>
HEAPLESS_CONSTEXPR20 Vec<T, N> from_array(const std::array<T, M>& a) {
  static_assert(M <= N, "heapless::from_array: the array does not fit in Vec<T, N>");
  Vec<T, N> v;
  v.append(a.data(), a.data() + M);
  return v;
}
/// As from_array(const std::array&), moving the elements.
template <std::size_t N, class T, std::size_t M>
HEAPLESS_CONSTEXPR20 Vec<T, N> from_array(std::array<T, M>&& a) {
  static_assert(M <= N, "heapless::from_array: the array does not fit in Vec<T, N>");
  Vec<T, N> v;
  v.append(std::make_move_iterator(a.data()), std::make_move_iterator(a.data() + M));
  return v;
}
/// As from_array<N>, with capacity N = M.
template <class T, std::size_t M>
HEAPLESS_CONSTEXPR20 Vec<T, M> from_array(const std::array<T, M>& a) {
  return from_array<M>(a);
}
/// As from_array<N>, with capacity N = M, moving the elements.
template <class T, std::size_t M>
HEAPLESS_CONSTEXPR20 Vec<T, M> from_array(std::array<T, M>&& a) {
  return from_array<M>(std::move(a));
}

/// A std::array<T, M> (M >= N, checked at compile time; default M = N)
/// holding copies of v's elements followed by M - v.size() value-initialised
/// ones. T must be default constructible. O(M).
template <std::size_t M = 0, class T, std::size_t N>
HEAPLESS_CONSTEXPR20 std::array<T, (M == 0 ? N : M)> to_array(const Vec<T, N>& v) {
  static_assert(M == 0 || N <= M, "heapless::to_array: std::array<T, M> is smaller than Vec<T, N>");
  static_assert(std::is_default_constructible_v<T>, "heapless::to_array: T must be default constructible");
  std::array<T, (M == 0 ? N : M)> a{};
  for (std::size_t i = 0; i != v.size(); ++i) a[i] = v[i];
  return a;
}
/// As to_array(const Vec&), moving the elements (v keeps its size and holds
/// moved-from elements).
template <std::size_t M = 0, class T, std::size_t N>
HEAPLESS_CONSTEXPR20 std::array<T, (M == 0 ? N : M)> to_array(Vec<T, N>&& v) {
  static_assert(M == 0 || N <= M, "heapless::to_array: std::array<T, M> is smaller than Vec<T, N>");
  static_assert(std::is_default_constructible_v<T>, "heapless::to_array: T must be default constructible");
  std::array<T, (M == 0 ? N : M)> a{};
  for (std::size_t i = 0; i != v.size(); ++i) a[i] = std::move(v[i]);
  return a;
}

HEAPLESS_NAMESPACE_END

#endif  // HEAPLESS_ARRAY_HPP
