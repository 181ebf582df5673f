// SPDX-License-Identifier: BSL-1.0
// heapless/detail/storage.hpp - uninitialised, in-object storage for N objects.
//
// Three class template specialisations, chosen by storage_kind_of<T, N>:
// zero_sized (N == 0), trivial (trivially destructible T) and non_trivial.
// The last two hold an anonymous union whose first member is an empty struct.
// The constructor activates the empty member, so
//   * default construction is constexpr and writes nothing (a local container
//     does not zero its storage; a static one is constant-initialised);
//   * under C++20 the array member can be activated element by element in
//     constant evaluation (trivial T), so containers of trivial types are usable
//     in constant expressions;
//   * copying the storage is trivial exactly when T is trivially copyable, and
//     destroying it is trivial exactly when T is trivially destructible.
// Element lifetimes are managed by the owning container; this type never
// constructs or destroys elements by itself.
// Also here: copy_gate, the empty base with which containers delete the copy
// and move operations their elements lack.
#ifndef HEAPLESS_DETAIL_STORAGE_HPP
#define HEAPLESS_DETAIL_STORAGE_HPP

#include <cstddef>      // std::size_t
#include <new>          // placement new
#include <type_traits>  // traits for the storage choice
#include <utility>      // std::forward

#include <heapless/detail/config.hpp>  // HEAPLESS_IS_CONSTANT_EVALUATED

HEAPLESS_NAMESPACE_BEGIN
namespace detail {

struct empty_member {};

/// True when elements may be created by assignment in constant evaluation.
template <class T>
inline constexpr bool is_constexpr_friendly_v =
    std::is_trivially_default_constructible_v<T> && std::is_trivially_copy_assignable_v<T> &&
    std::is_trivially_destructible_v<T>;

/// Begins the lifetime of *p (placement new; never constant-evaluated).
template <class T, class... Args>
inline T* construct_at(T* p, Args&&... args) noexcept(std::is_nothrow_constructible_v<T, Args...>) {
  return ::new (static_cast<void*>(p)) T(std::forward<Args>(args)...);
}

template <class T>
constexpr void destroy_at(T* p) noexcept {
  if constexpr (!std::is_trivially_destructible_v<T>) p->~T();
  else (void)p;
}

/// Which of the three layouts below holds N elements of T.
enum class storage_kind : unsigned char {
  zero_sized,   ///< N == 0: an empty class, no element storage
  trivial,      ///< trivially destructible T: nothing to run when the storage ends
  non_trivial,  ///< T with a destructor: the storage's own destructor must be user-provided
};

template <class T, std::size_t N>
inline constexpr storage_kind storage_kind_of =
    N == 0 ? storage_kind::zero_sized
           : (std::is_trivially_destructible_v<T> ? storage_kind::trivial : storage_kind::non_trivial);

template <class T, std::size_t N, storage_kind = storage_kind_of<T, N>>
struct uninit_array;

// What the trivial and non_trivial layouts share: access to the elements and
// the lifetime of one element, over the derived class's union member data_.
// The union itself cannot live in a common base: with a non-trivially
// destructible T it has a deleted destructor unless the class that holds it
// provides one, and a base whose destructor is deleted cannot be destroyed by
// any derived class; while the trivial layout needs an implicit (trivial)
// destructor to stay trivially copyable and usable in constant expressions.
// construct(i, ...) begins the lifetime of element i: in constant evaluation
// (constexpr-friendly T only, hence never for non_trivial) by assigning
// through the union member, which is what C++20 requires to change a union's
// active member; at run time by placement new.
template <class Layout, class T>
struct uninit_array_access {
  constexpr T* data() noexcept { return layout().data_; }
  constexpr const T* data() const noexcept { return static_cast<const Layout&>(*this).data_; }
  template <class... Args>
  constexpr T& construct(std::size_t i, Args&&... args) noexcept(std::is_nothrow_constructible_v<T, Args...>) {
    if constexpr (is_constexpr_friendly_v<T> && std::is_constructible_v<T, Args...>) {
      if (HEAPLESS_IS_CONSTANT_EVALUATED()) {
        layout().data_[i] = T(std::forward<Args>(args)...);
        return layout().data_[i];
      }
    }
    return *::new (static_cast<void*>(data() + i)) T(std::forward<Args>(args)...);
  }
  constexpr void destroy(std::size_t i) noexcept { ::heapless::detail::destroy_at(data() + i); }

 private:
  constexpr Layout& layout() noexcept { return static_cast<Layout&>(*this); }
};

// Trivially destructible T. The union's copy, move and destructor are those of
// T[N], so the storage is trivially copyable exactly when T is.
template <class T, std::size_t N>
struct uninit_array<T, N, storage_kind::trivial> : uninit_array_access<uninit_array<T, N>, T> {
  union {
    empty_member empty_;
    T data_[N];
  };
  constexpr uninit_array() noexcept : empty_{} {}
};

// Non-trivially destructible T: a union with such a member has a deleted
// destructor, so this one is user-provided (and does nothing: the owner
// destroys live elements before it runs).
template <class T, std::size_t N>
struct uninit_array<T, N, storage_kind::non_trivial> : uninit_array_access<uninit_array<T, N>, T> {
  union {
    empty_member empty_;
    T data_[N];
  };
  constexpr uninit_array() noexcept : empty_{} {}
  uninit_array(const uninit_array&) = delete;
  uninit_array& operator=(const uninit_array&) = delete;
  ~uninit_array() {}
};

// N == 0: no storage at all (an empty class, sizeof 1); owners never
// construct into it.
template <class T>
struct uninit_array<T, 0, storage_kind::zero_sized> {
  constexpr T* data() noexcept { return nullptr; }
  constexpr const T* data() const noexcept { return nullptr; }
};

/// An empty base that deletes the copy (and, if need be, move) operations a
/// container must not have because its elements lack them; the container's
/// own are defaulted and follow it, so std::is_copy_constructible and the
/// like stay truthful for a container of move-only elements. Trivial in
/// every other respect, and costs no space.
template <bool Copyable, bool Movable = true>
struct copy_gate {};
template <>
struct copy_gate<false, true> {
  copy_gate() = default;
  copy_gate(const copy_gate&) = delete;
  copy_gate(copy_gate&&) = default;
  copy_gate& operator=(const copy_gate&) = delete;
  copy_gate& operator=(copy_gate&&) = default;
  ~copy_gate() = default;
};
template <>
struct copy_gate<false, false> {
  copy_gate() = default;
  copy_gate(const copy_gate&) = delete;
  copy_gate(copy_gate&&) = delete;
  copy_gate& operator=(const copy_gate&) = delete;
  copy_gate& operator=(copy_gate&&) = delete;
  ~copy_gate() = default;
};

}  // namespace detail
HEAPLESS_NAMESPACE_END

#endif  // HEAPLESS_DETAIL_STORAGE_HPP
