// SPDX-License-Identifier: BSL-1.0
// heapless/detail/ring.hpp - what Deque and HistoryBuffer share: index
// wrapping, the (owner, logical index) iterator, the span type they return,
// and the gate that deletes copy/move when T lacks them.
#ifndef HEAPLESS_DETAIL_RING_HPP
#define HEAPLESS_DETAIL_RING_HPP

#include <cstddef>      // std::size_t, std::ptrdiff_t
#include <type_traits>  // std::enable_if_t, std::is_convertible_v

#include "config.hpp"    // HEAPLESS_CPP20
#include "error.hpp"     // HEAPLESS_ASSERT
#include "iterator.hpp"  // std::random_access_iterator_tag

HEAPLESS_NAMESPACE_BEGIN
namespace detail {

/// Slot arithmetic for a ring of N slots: i < N and j <= N wherever it is
/// used, so one compare-and-subtract wraps; a power-of-two N masks instead.
/// Never `%`: a division costs tens of cycles on a Cortex-M and has no
/// hardware divider at all on a Cortex-M0.
template <std::size_t N>
struct ring_math {
  static_assert(N > 0, "a ring has at least one slot");
  static constexpr bool pow2 = (N & (N - 1)) == 0;
  /// (i + j) mod N for i < N, j <= N.
  static constexpr std::size_t add(std::size_t i, std::size_t j) noexcept {
    if constexpr (pow2) {
      return (i + j) & (N - 1);
    } else {
      const std::size_t s = i + j;
      return s >= N ? s - N : s;
    }
  }
  /// (i - j) mod N for i < N, j <= N.
  static constexpr std::size_t sub(std::size_t i, std::size_t j) noexcept {
    if constexpr (pow2) {
      return (i - j) & (N - 1);
    } else {
      return i >= j ? i - j : i + (N - j);
    }
  }
};

/// A contiguous part of a ring (as_spans(), make_contiguous(), storage()):
/// pointer iterators, data() and size() (so std::span(s.data(), s.size())
/// works in C++20).
template <class T>
class ring_span {
 public:
  using element_type = T;
  using value_type = std::remove_cv_t<T>;
  using size_type = std::size_t;
  using iterator = T*;
  constexpr ring_span() noexcept = default;
  constexpr ring_span(T* p, std::size_t n) noexcept : p_(p), n_(n) {}
  constexpr T* begin() const noexcept { return p_; }
  constexpr T* end() const noexcept { return p_ + n_; }
  constexpr T* data() const noexcept { return p_; }
  constexpr std::size_t size() const noexcept { return n_; }
  [[nodiscard]] constexpr bool empty() const noexcept { return n_ == 0; }
  /// Precondition (asserted): i < size().
  constexpr T& operator[](std::size_t i) const noexcept {
    HEAPLESS_ASSERT(i < n_, "heapless: span index out of range");
    return p_[i];
  }

 private:
  T* p_ = nullptr;
  std::size_t n_ = 0;
};

/// Random-access iterator over a ring: the owner's address and a logical
/// index (0 = the oldest / front element). Holds no pointer into element
/// storage, so it stays meaningful across wrap-around; dereferencing goes
/// through Owner::operator[] (asserted in debug builds).
template <class Owner, class T>
class ring_iterator {
 public:
  using iterator_category = std::random_access_iterator_tag;
  using value_type = std::remove_cv_t<T>;
  using difference_type = std::ptrdiff_t;
  using pointer = T*;
  using reference = T&;

  constexpr ring_iterator() noexcept = default;
  constexpr ring_iterator(Owner* owner, std::size_t index) noexcept : owner_(owner), index_(index) {}
  /// iterator -> const_iterator.
  template <class O2, class T2,
            class = std::enable_if_t<std::is_convertible_v<O2*, Owner*> && !std::is_same_v<O2, Owner>>>
  constexpr ring_iterator(const ring_iterator<O2, T2>& o) noexcept  // NOLINT: implicit on purpose
      : owner_(o.owner()), index_(o.index()) {}

  constexpr reference operator*() const noexcept { return (*owner_)[index_]; }
  constexpr pointer operator->() const noexcept { return &(*owner_)[index_]; }
  constexpr reference operator[](difference_type n) const noexcept { return *(*this + n); }

  constexpr ring_iterator& operator++() noexcept {
    ++index_;
    return *this;
  }
  constexpr ring_iterator operator++(int) noexcept {
    ring_iterator old = *this;
    ++index_;
    return old;
  }
  constexpr ring_iterator& operator--() noexcept {
    --index_;
    return *this;
  }
  constexpr ring_iterator operator--(int) noexcept {
    ring_iterator old = *this;
    --index_;
    return old;
  }
  constexpr ring_iterator& operator+=(difference_type n) noexcept {
    index_ = static_cast<std::size_t>(static_cast<difference_type>(index_) + n);
    return *this;
  }
  constexpr ring_iterator& operator-=(difference_type n) noexcept { return *this += -n; }
  friend constexpr ring_iterator operator+(ring_iterator it, difference_type n) noexcept { return it += n; }
  friend constexpr ring_iterator operator+(difference_type n, ring_iterator it) noexcept { return it += n; }
  friend constexpr ring_iterator operator-(ring_iterator it, difference_type n) noexcept { return it -= n; }
  friend constexpr difference_type operator-(const ring_iterator& a, const ring_iterator& b) noexcept {
    return static_cast<difference_type>(a.index_) - static_cast<difference_type>(b.index_);
  }
  friend constexpr bool operator==(const ring_iterator& a, const ring_iterator& b) noexcept {
    return a.index_ == b.index_;
  }
  friend constexpr bool operator!=(const ring_iterator& a, const ring_iterator& b) noexcept {
    return a.index_ != b.index_;
  }
  friend constexpr bool operator<(const ring_iterator& a, const ring_iterator& b) noexcept {
    return a.index_ < b.index_;
  }
  friend constexpr bool operator>(const ring_iterator& a, const ring_iterator& b) noexcept {
    return a.index_ > b.index_;
  }
  friend constexpr bool operator<=(const ring_iterator& a, const ring_iterator& b) noexcept {
    return a.index_ <= b.index_;
  }
  friend constexpr bool operator>=(const ring_iterator& a, const ring_iterator& b) noexcept {
    return a.index_ >= b.index_;
  }

  /// The container this iterator belongs to, and its logical position.
  constexpr Owner* owner() const noexcept { return owner_; }
  constexpr std::size_t index() const noexcept { return index_; }

 private:
  Owner* owner_ = nullptr;
  std::size_t index_ = 0;
};

/// An empty base that deletes the copy (and, if need be, move) operations a
/// container must not have because T lacks them; the container's own are
/// defaulted and follow it. Trivial in every other respect.
template <bool Copyable, bool Movable>
struct ring_copy_gate {};
template <>
struct ring_copy_gate<false, true> {
  ring_copy_gate() = default;
  ring_copy_gate(const ring_copy_gate&) = delete;
  ring_copy_gate(ring_copy_gate&&) = default;
  ring_copy_gate& operator=(const ring_copy_gate&) = delete;
  ring_copy_gate& operator=(ring_copy_gate&&) = default;
  ~ring_copy_gate() = default;
};
template <>
struct ring_copy_gate<false, false> {
  ring_copy_gate() = default;
  ring_copy_gate(const ring_copy_gate&) = delete;
  ring_copy_gate(ring_copy_gate&&) = delete;
  ring_copy_gate& operator=(const ring_copy_gate&) = delete;
  ring_copy_gate& operator=(ring_copy_gate&&) = delete;
  ~ring_copy_gate() = default;
};

}  // namespace detail
HEAPLESS_NAMESPACE_END

#endif  // HEAPLESS_DETAIL_RING_HPP
