// SPDX-License-Identifier: BSL-1.0
// heapless/detail/ring.hpp - what Deque, HistoryBuffer and their views share:
// index wrapping, the storage policies (the owner's ring, a view of one), the
// algorithms written once against them, the (container, logical index)
// iterator and the span type they return.
#ifndef HEAPLESS_DETAIL_RING_HPP
#define HEAPLESS_DETAIL_RING_HPP

#include <cstddef>      // std::size_t, std::ptrdiff_t
#include <cstdint>      // std::uint8_t...std::uint32_t: a view's reading of narrow indices
#include <new>          // placement new in a slot
#include <type_traits>  // std::enable_if_t, std::is_convertible_v, triviality traits
#include <utility>      // std::forward, std::move, std::swap, std::pair

#include <heapless/detail/config.hpp>    // HEAPLESS_CPP20, HEAPLESS_CONSTEXPR20, hints
#include <heapless/detail/cstring.hpp>  // detail::mem_copy
#include <heapless/detail/error.hpp>     // HEAPLESS_ASSERT, detail::raise
#include <heapless/detail/iterator.hpp>  // std::random_access_iterator_tag
#include <heapless/detail/size.hpp>      // smallest_size_t
#include <heapless/detail/storage.hpp>   // uninit_array
#include <heapless/vec.hpp>              // vec_length_t, vec_memcpy_source_v, synth_three_way (shared with Vec)

#if HEAPLESS_HAS_THREE_WAY
#include <compare>  // std::is_neq
#endif

#if HEAPLESS_CPP20
#define HEAPLESS_DETAIL_RING_CONSTEVAL() HEAPLESS_IS_CONSTANT_EVALUATED()
#else
#define HEAPLESS_DETAIL_RING_CONSTEVAL() false
#endif

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
  /// The width of the owner's indices, for compare-and-subtract: sums and
  /// differences in it need no widening of the loaded indices nor narrowing
  /// of the stored ones (i + j < 2N fits it). Masking works in std::size_t,
  /// which both GCC and Clang turn into fewer instructions there.
  using word = std::conditional_t<(N <= 0x7FFFFFFFu), std::uint32_t, std::size_t>;
  /// (i + j) mod N for i < N, j <= N.
  static constexpr std::size_t add(std::size_t i, std::size_t j) noexcept {
    if constexpr (pow2) {
      return (i + j) & (N - 1);
    } else {
      const word s = static_cast<word>(static_cast<word>(i) + static_cast<word>(j));
      return s >= N ? static_cast<word>(s - static_cast<word>(N)) : s;
    }
  }
  /// (i + 1) mod N for i < N: one compare with N (i + 1 never passes it)
  /// and a select of 0, where add(i, 1) would also subtract.
  static constexpr std::size_t next(std::size_t i) noexcept {
    if constexpr (pow2) {
      return (i + 1) & (N - 1);
    } else {
      const word s = static_cast<word>(static_cast<word>(i) + 1u);
      return s == N ? 0 : s;
    }
  }
  /// (i - 1) mod N for i < N: a test of i for 0 and a select of N - 1.
  static constexpr std::size_t prev(std::size_t i) noexcept {
    if constexpr (pow2) {
      return (i - 1) & (N - 1);
    } else {
      const word w = static_cast<word>(i);
      return w == 0 ? N - 1 : static_cast<word>(w - 1u);
    }
  }
  /// (i - j) mod N for i < N, j <= N.
  static constexpr std::size_t sub(std::size_t i, std::size_t j) noexcept {
    if constexpr (pow2) {
      return (i - j) & (N - 1);
    } else {
      const word a = static_cast<word>(i);
      const word b = static_cast<word>(j);
      return a >= b ? static_cast<word>(a - b) : static_cast<word>(a + static_cast<word>(N - b));
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

// ---- Storage policies: the owner's ring and a view of someone else's -------
// Every ring algorithm (ring_algo below, deque_algo, history_algo) is written
// once against this interface (a "core"):
//   T* data();  std::size_t cap(), head(), size();  set_head(h), set_size(n);
//   std::size_t add(i, j), sub(i, j)   slot arithmetic (i < cap(), j <= cap());
//   std::size_t next(i), prev(i)       add(i, 1) and sub(i, 1), cheaper;
//   T& element(slot)                   the live element in a slot;
//   T& construct(slot, args...), construct_in_place(slot, args...) (the
//   same, through a pointer to the slots), void destroy(slot);
//   [[noreturn]] static void capacity_exceeded();
// ring_core<T, N> stores the elements and the indices and answers with the
// constant N (masking for a power of two); ring_ref_core<T> points at a
// ring_core's elements and finds its indices from the capacity, so the
// owners and their views (DequeRef, HistoryBufferRef) run the same code.

/// The 32-bit index type: an enumeration of its own, a distinct type for
/// alias analysis under both GCC and Clang (GCC gives char32_t the alias set
/// of unsigned int, which every int or unsigned element store may alias), so
/// element stores cannot alias the indices and a local deque's indices stay
/// in registers. Full width also needs no zero-extension or narrow
/// wrap-around.
enum class ring_index32 : std::uint32_t {};

// Element types whose ring keeps Vec's narrow length type although
// alignof(T) >= 2: char32_t (the layout views rely on) and the index type.
template <class T>
inline constexpr bool ring_narrow_element_v = false;
template <>
inline constexpr bool ring_narrow_element_v<char32_t> = true;
template <>
inline constexpr bool ring_narrow_element_v<ring_index32> = true;
// Whether T's ring keeps ring_index32 indices (for every N below 2^32).
template <class T>
inline constexpr bool ring_wide_index_v = alignof(T) >= 2 && !ring_narrow_element_v<std::remove_cv_t<T>>;

/// The two indices (front slot, length): ring_index32 when alignof(T) >= 2
/// (T = char32_t keeps Vec's length type, as it always has: the layout
/// views rely on); byte-sized elements keep Vec's narrow length type, so
/// small byte queues stay small (their indices are char-like, and char
/// element stores may alias anything anyway). Costs up to 6 bytes of sizeof
/// over two narrow indices for elements with alignof(T) == 2.
template <class T, std::size_t N>
using ring_index_t = std::conditional_t<(ring_wide_index_v<T> && sizeof(smallest_size_t<N>) <= 4), ring_index32,
                                        vec_length_t<T, N>>;

/// The owner's core: N slots, then the front slot and the length.
template <class T, std::size_t N>
struct ring_core {
  using index_type = ring_index_t<T, N>;
  using math = ring_math<N>;

  uninit_array<T, N> storage_;
  index_type head_;  // slot of the front (oldest) element
  index_type size_;

  constexpr ring_core() noexcept : storage_(), head_(), size_() {}

  constexpr T* data() noexcept { return storage_.data(); }
  constexpr const T* data() const noexcept { return storage_.data(); }
  static constexpr std::size_t cap() noexcept { return N; }
  constexpr std::size_t head() const noexcept { return static_cast<std::size_t>(head_); }
  constexpr std::size_t size() const noexcept { return static_cast<std::size_t>(size_); }
  constexpr void set_head(std::size_t h) noexcept { head_ = static_cast<index_type>(h); }
  constexpr void set_size(std::size_t n) noexcept {
    fill_free_slots_constant(n);
    size_ = static_cast<index_type>(n);
  }
  static constexpr std::size_t add(std::size_t i, std::size_t j) noexcept { return math::add(i, j); }
  static constexpr std::size_t sub(std::size_t i, std::size_t j) noexcept { return math::sub(i, j); }
  static constexpr std::size_t next(std::size_t i) noexcept { return math::next(i); }
  static constexpr std::size_t prev(std::size_t i) noexcept { return math::prev(i); }
  // Slots are reached as elements of the storage's array member
  // (storage_.data_[s]), not by arithmetic on a pointer to its first
  // element: GCC then sees that an element access stays inside the array,
  // apart from the indices, and keeps a local deque's indices in registers
  // (with a pointer into the object it keeps them in memory, storing both
  // on every push and pop). A slot index is below N: said to the optimiser
  // so that GCC's -Warray-bounds does not follow a path it cannot rule out
  // (a head at N) into the array.
  constexpr T& element(std::size_t s) noexcept { return storage_.data_[in_range(s)]; }
  constexpr const T& element(std::size_t s) const noexcept { return storage_.data_[in_range(s)]; }
  static constexpr std::size_t in_range(std::size_t s) noexcept {
#if HEAPLESS_DETAIL_GNU
    if (s >= N) __builtin_unreachable();
#endif
    return s;
  }
  template <class... Args>
  constexpr T& construct(std::size_t s, Args&&... args) noexcept(std::is_nothrow_constructible_v<T, Args...>) {
    if constexpr (is_constexpr_friendly_v<T> && std::is_constructible_v<T, Args...>) {
      if (HEAPLESS_IS_CONSTANT_EVALUATED()) return storage_.construct(s, std::forward<Args>(args)...);
    }
    return *::new (static_cast<void*>(&storage_.data_[in_range(s)])) T(std::forward<Args>(args)...);
  }
  /// As construct, through a pointer to the first slot: GCC then keeps the
  /// indices of a static ring in memory across a loop of writes rather than
  /// in registers, which on a Cortex-M0 (eight low registers) is less code.
  /// HistoryBuffer's write takes it: its buffers are mostly static filters.
  template <class... Args>
  constexpr T& construct_in_place(std::size_t s, Args&&... args) noexcept(
      std::is_nothrow_constructible_v<T, Args...>) {
    return storage_.construct(s, std::forward<Args>(args)...);
  }
  constexpr void destroy(std::size_t s) noexcept { storage_.destroy(s); }
  [[noreturn]] static void capacity_exceeded() {
    raise(error_kind::bad_alloc, "heapless::Deque: capacity exceeded");
  }

  /// In constant evaluation only (C++20, constexpr-friendly T): when an
  /// empty ring gets its first n elements (live in [head, head + n)), every
  /// other slot is value-initialised. A constant must be fully initialised,
  /// and the trivial copy of a ring reads all N slots, so a default-
  /// constructed ring filled in a constant expression could otherwise be
  /// neither copied nor be its result. At run time nothing is written.
  constexpr void fill_free_slots_constant(std::size_t n) noexcept {
#if HEAPLESS_CPP20
    if constexpr (N <= vec_constexpr_fill_max && is_constexpr_friendly_v<T>) {
      if (HEAPLESS_IS_CONSTANT_EVALUATED() && size() == 0 && n != 0) {
        for (std::size_t k = n; k != N; ++k) storage_.construct(math::add(head(), k));
      }
    }
#else
    (void)n;
#endif
  }

  /// See vec_storage::construct: a ring built by a non-default constructor
  /// in constant evaluation has every slot initialised.
  constexpr void prepare_constant() noexcept {
#if HEAPLESS_CPP20
    if constexpr (N <= vec_constexpr_fill_max && is_constexpr_friendly_v<T>) {
      if (HEAPLESS_IS_CONSTANT_EVALUATED()) {
        for (std::size_t i = 0; i != N; ++i) storage_.construct(i);
      }
    }
#endif
  }
};

/// A view's core: a ring_core<T, N>'s elements and its N. The indices sit
/// right after the N elements (rounded up to their alignment), in the type
/// ring_index_t<T, N> picks, which for a given T depends on N only through
/// the narrow types of 1-byte-aligned elements: a view stays one pointer and
/// one size and finds them with a multiply-add (plus, for byte elements, a
/// test of N). Any N's indices are in [0, N), so compare-and-subtract is
/// right for the owners that mask too. Members are const: a view is a
/// handle. T may be const (a read-only view); then only reading compiles.
template <class T>
struct ring_ref_core {
  using value_type = std::remove_const_t<T>;
  /// ring_index_t is ring_index32 for every N a view accepts (N < 2^32).
  static constexpr bool wide = ring_wide_index_v<value_type>;

  T* data_ = nullptr;
  std::size_t cap_ = 0;

  constexpr ring_ref_core() noexcept = default;
  constexpr ring_ref_core(T* data, std::size_t cap) noexcept : data_(data), cap_(cap) {}
  /// Mutable -> read-only.
  template <class U, class = std::enable_if_t<std::is_convertible_v<U*, T*> && !std::is_same_v<U, T>>>
  constexpr ring_ref_core(const ring_ref_core<U>& o) noexcept : data_(o.data_), cap_(o.cap_) {}  // NOLINT

  /// The index type of a ring_core<value_type, N> (N < 2^32).
  template <std::size_t N>
  static constexpr bool matches() noexcept {
    using I = ring_index_t<value_type, N>;
    if constexpr (wide) return std::is_same_v<I, ring_index32>;
    else
      return std::is_same_v<I, std::conditional_t<(N <= 0xFFu), std::uint8_t,
                                                   std::conditional_t<(N <= 0xFFFFu), std::uint16_t, std::uint32_t>>>;
  }

  T* data() const noexcept { return data_; }
  std::size_t cap() const noexcept { return cap_; }
  std::size_t head() const noexcept {
    return visit([](auto* p) { return static_cast<std::size_t>(p[0]); });
  }
  std::size_t size() const noexcept {
    return visit([](auto* p) { return static_cast<std::size_t>(p[1]); });
  }
  void set_head(std::size_t h) const noexcept {
    static_assert(!std::is_const_v<T>, "heapless: a view of const elements is read-only");
    visit([h](auto* p) { p[0] = static_cast<std::remove_pointer_t<decltype(p)>>(h); });
  }
  void set_size(std::size_t n) const noexcept {
    static_assert(!std::is_const_v<T>, "heapless: a view of const elements is read-only");
    visit([n](auto* p) { p[1] = static_cast<std::remove_pointer_t<decltype(p)>>(n); });
  }
  std::size_t add(std::size_t i, std::size_t j) const noexcept {
    const std::size_t s = i + j;
    return s >= cap_ ? s - cap_ : s;
  }
  std::size_t sub(std::size_t i, std::size_t j) const noexcept { return i >= j ? i - j : i + (cap_ - j); }
  std::size_t next(std::size_t i) const noexcept {
    const std::size_t s = i + 1;
    return s == cap_ ? 0 : s;
  }
  std::size_t prev(std::size_t i) const noexcept { return i == 0 ? cap_ - 1 : i - 1; }
  T& element(std::size_t s) const noexcept { return data_[s]; }
  template <class... Args>
  T& construct(std::size_t s, Args&&... args) const noexcept(std::is_nothrow_constructible_v<T, Args...>) {
    return *::heapless::detail::construct_at(data_ + s, std::forward<Args>(args)...);
  }
  template <class... Args>
  T& construct_in_place(std::size_t s, Args&&... args) const noexcept(std::is_nothrow_constructible_v<T, Args...>) {
    return construct(s, std::forward<Args>(args)...);
  }
  void destroy(std::size_t s) const noexcept { ::heapless::detail::destroy_at(data_ + s); }
  [[noreturn]] static void capacity_exceeded() {
    raise(error_kind::bad_alloc, "heapless::DequeRef: capacity exceeded");
  }

  /// The address of the owner's head_ (size_ follows it).
  template <class I>
  auto* indices() const noexcept {
    using byte = std::conditional_t<std::is_const_v<T>, const unsigned char, unsigned char>;
    using raw = std::conditional_t<std::is_const_v<T>, const void, void>;
    using index = std::conditional_t<std::is_const_v<T>, const I, I>;
    const std::size_t off = (cap_ * sizeof(T) + (alignof(I) - 1)) & ~(alignof(I) - 1);
    // Through void*: the offset is rounded to alignof(I), which the owner's
    // layout guarantees (-Wcast-align cannot see that).
    return static_cast<index*>(static_cast<raw*>(static_cast<byte*>(static_cast<raw*>(data_)) + off));
  }

 private:
  template <class F>
  decltype(auto) visit(F f) const noexcept {
    if constexpr (wide) {
      return f(indices<ring_index32>());
    } else {
      if (cap_ <= 0xFFu) return f(indices<std::uint8_t>());
      if (cap_ <= 0xFFFFu) return f(indices<std::uint16_t>());
      return f(indices<std::uint32_t>());
    }
  }
};

/// The element at logical position i of a ring iterator's container.
template <class Owner>
constexpr auto& ring_deref(Owner* owner, std::size_t i) noexcept {
  return (*owner)[i];
}
template <class T>
T& ring_deref(const ring_ref_core<T>& c, std::size_t i) noexcept {
  HEAPLESS_ASSERT(i < c.size(), "heapless: iterator out of range");
  return c.element(c.add(c.head(), i));
}

/// Random-access iterator over a ring: the container (an owner's address, or
/// a view's core by value, so it outlives the view object) and a logical
/// index (0 = the oldest / front element). Holds no pointer into element
/// storage, so it stays meaningful across wrap-around; dereferencing is
/// asserted in debug builds.
template <class Ref, class T>
class ring_iterator {
 public:
  using iterator_category = std::random_access_iterator_tag;
  using value_type = std::remove_cv_t<T>;
  using difference_type = std::ptrdiff_t;
  using pointer = T*;
  using reference = T&;

  constexpr ring_iterator() noexcept = default;
  constexpr ring_iterator(Ref owner, std::size_t index) noexcept : owner_(owner), index_(index) {}
  /// iterator -> const_iterator.
  template <class R2, class T2,
            class = std::enable_if_t<std::is_convertible_v<R2, Ref> && !std::is_same_v<R2, Ref>>>
  constexpr ring_iterator(const ring_iterator<R2, T2>& o) noexcept  // NOLINT: implicit on purpose
      : owner_(o.owner()), index_(o.index()) {}

  constexpr reference operator*() const noexcept { return ring_deref(owner_, index_); }
  constexpr pointer operator->() const noexcept { return &ring_deref(owner_, index_); }
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
  constexpr Ref owner() const noexcept { return owner_; }
  constexpr std::size_t index() const noexcept { return index_; }

 private:
  Ref owner_{};
  std::size_t index_ = 0;
};

// ---- The shared algorithms: one definition for owners and views ----------
// Each takes the core first (C is ring_core<T, N> or const ring_ref_core<T>).
template <class T>
struct ring_algo {
  using size_type = std::size_t;

  /// The slot of logical position i (0 = front), i <= cap().
  template <class C>
  static constexpr size_type phys(C& c, size_type i) noexcept {
    return c.add(c.head(), i);
  }
  template <class C>
  static constexpr auto& slot(C& c, size_type i) noexcept {
    return c.element(phys(c, i));
  }
  /// Raises bad_alloc unless n more elements fit after `used`.
  template <class C>
  static constexpr void check_room(C& c, size_type n, size_type used) {
    if (HEAPLESS_UNLIKELY(n > c.cap() - used)) C::capacity_exceeded();
  }

  /// Destroys the last n elements.
  template <class C>
  static constexpr void destroy_back(C& c, size_type n) noexcept {
    const size_type keep = c.size() - n;
    if constexpr (!std::is_trivially_destructible_v<T>) {
      for (size_type k = c.size(); k != keep; --k) c.destroy(phys(c, k - 1));
    }
    c.set_size(keep);
  }
  /// Destroys the first n elements.
  template <class C>
  static constexpr void destroy_front(C& c, size_type n) noexcept {
    if constexpr (!std::is_trivially_destructible_v<T>) {
      for (size_type k = 0; k != n; ++k) c.destroy(phys(c, k));
    }
    c.set_head(c.add(c.head(), n));
    c.set_size(c.size() - n);
  }
  /// Destroys the front element (size() != 0).
  template <class C>
  static constexpr void destroy_first(C& c) noexcept {
    const size_type h = c.head();
    if constexpr (!std::is_trivially_destructible_v<T>) c.destroy(h);
    c.set_head(c.next(h));
    c.set_size(c.size() - 1);
  }
  template <class C>
  static constexpr void destroy_all(C& c) noexcept {
    destroy_back(c, c.size());
    c.set_head(0);
  }

  template <class C, class... Args>
  static constexpr T& construct_back(C& c, Args&&... args) noexcept(std::is_nothrow_constructible_v<T, Args...>) {
    const size_type len0 = c.size();  // read before the store: T may alias the indices
    T& e = c.construct(phys(c, len0), std::forward<Args>(args)...);
    c.set_size(len0 + 1);
    return e;
  }
  template <class C, class... Args>
  static constexpr T& construct_front(C& c, Args&&... args) noexcept(std::is_nothrow_constructible_v<T, Args...>) {
    const size_type h = c.prev(c.head());
    const size_type len0 = c.size();
    if constexpr (std::is_nothrow_constructible_v<T, Args...>) {
      // Nothing can fail after the head moves, so it moves first: the rest
      // (build the element, store len0 + 1) then matches construct_back's
      // tail, and the compiler can share one copy of it between both ends.
      c.set_head(h);
      T& e = c.construct(h, std::forward<Args>(args)...);
      c.set_size(len0 + 1);
      return e;
    } else {
      T& e = c.construct(h, std::forward<Args>(args)...);
      c.set_head(h);
      c.set_size(len0 + 1);
      return e;
    }
  }

  // Destroys what an interrupted append added (elements past old_len).
  template <class C>
  struct rollback_back {
    C* core;
    size_type old_len;
    HEAPLESS_CONSTEXPR20 ~rollback_back() {
      if (core) destroy_back(*core, core->size() - old_len);
    }
  };
  // Destroys the `done` elements an interrupted prepend built from slot h on.
  template <class C>
  struct rollback_slots {
    C* core;
    size_type h;
    size_type done;
    HEAPLESS_CONSTEXPR20 ~rollback_slots() {
      if (core) {
        for (size_type k = 0; k != done; ++k) core->destroy(core->add(h, k));
      }
    }
  };

  /// Constructs n elements at the back from *src, ++src (n <= cap() - size()).
  /// If a constructor throws, the elements added so far are destroyed.
  template <class C, class It>
  static HEAPLESS_CONSTEXPR20 void append_n(C& c, It src, size_type n) {
    if constexpr (vec_memcpy_source_v<T, It>) {
      if (!HEAPLESS_DETAIL_RING_CONSTEVAL()) {
        if (n == 0) return;
        const size_type tail = phys(c, c.size());
        const size_type room = c.cap() - tail;
        const size_type first = n < room ? n : room;
        detail::mem_copy(static_cast<void*>(c.data() + tail), src, first * sizeof(T));
        if (n != first) detail::mem_copy(static_cast<void*>(c.data()), src + first, (n - first) * sizeof(T));
        c.set_size(c.size() + n);
        return;
      }
    }
    rollback_back<C> guard{&c, c.size()};
    for (size_type k = 0; k != n; ++k, ++src) construct_back(c, *src);
    guard.core = nullptr;
  }
  /// Constructs n elements at the back, each from args... (none: value-initialised).
  template <class C, class... Args>
  static HEAPLESS_CONSTEXPR20 void append_fill(C& c, size_type n, const Args&... args) {
    rollback_back<C> guard{&c, c.size()};
    for (size_type k = 0; k != n; ++k) construct_back(c, args...);
    guard.core = nullptr;
  }
  /// Constructs n elements before the front, in order, from *src, ++src
  /// (n <= cap() - size()). All or nothing if a constructor throws.
  template <class C, class It>
  static HEAPLESS_CONSTEXPR20 void prepend_n(C& c, It src, size_type n) {
    const size_type h = c.sub(c.head(), n);
    rollback_slots<C> guard{&c, h, 0};
    for (; guard.done != n; ++guard.done, ++src) c.construct(c.add(h, guard.done), *src);
    guard.core = nullptr;
    c.set_head(h);
    c.set_size(c.size() + n);
  }
  template <class C, class... Args>
  static HEAPLESS_CONSTEXPR20 void prepend_fill(C& c, size_type n, const Args&... args) {
    const size_type h = c.sub(c.head(), n);
    rollback_slots<C> guard{&c, h, 0};
    for (; guard.done != n; ++guard.done) c.construct(c.add(h, guard.done), args...);
    guard.core = nullptr;
    c.set_head(h);
    c.set_size(c.size() + n);
  }

  /// Reverses the logical range [a, b).
  template <class C>
  static HEAPLESS_CONSTEXPR20 void reverse(C& c, size_type a, size_type b) {
    using std::swap;
    while (a != b && a != --b) {
      swap(slot(c, a), slot(c, b));
      ++a;
    }
  }
  /// Rotates the logical range [a, e) so that m becomes its first element.
  template <class C>
  static HEAPLESS_CONSTEXPR20 void rotate(C& c, size_type a, size_type m, size_type e) {
    reverse(c, a, m);
    reverse(c, m, e);
    reverse(c, a, e);
  }

  /// The elements as (first slot, first length, second length): the second
  /// part starts at slot 0 and is empty unless the elements wrap.
  struct parts_t {
    size_type first_slot, first_len, second_len;
  };
  template <class C>
  static constexpr parts_t parts(C& c) noexcept {
    const size_type h = c.head();
    const size_type len = c.size();
    const size_type n = c.cap();
    if (h + len <= n) return {h, len, 0};
    return {h, n - h, h + len - n};
  }
  /// as_spans() for span type S (ring_span<T> or ring_span<const T>).
  template <class S, class C>
  static constexpr std::pair<S, S> as_spans(C& c) noexcept {
    const parts_t p = parts(c);
    return {S(c.data() + p.first_slot, p.first_len), S(c.data(), p.second_len)};
  }

  /// Element-wise equality in logical order.
  template <class A, class B>
  static constexpr bool equal(const A& a, const B& b) {
    if (a.size() != b.size()) return false;
    for (size_type k = 0; k != a.size(); ++k) {
      if (!(slot(a, k) == slot(b, k))) return false;
    }
    return true;
  }
#if HEAPLESS_HAS_THREE_WAY
  /// Lexicographic, with <=> of T or, failing that, <.
  template <class A, class B>
  static constexpr auto three_way(const A& a, const B& b) {
    const synth_three_way cmp{};
    const size_type n = a.size() < b.size() ? a.size() : b.size();
    for (size_type k = 0; k != n; ++k) {
      if (auto r = cmp(slot(a, k), slot(b, k)); std::is_neq(r)) return r;
    }
    return static_cast<decltype(cmp(std::declval<const T&>(), std::declval<const T&>()))>(a.size() <=> b.size());
  }
#else
  /// Lexicographic, with T's <.
  template <class A, class B>
  static constexpr bool less(const A& a, const B& b) {
    const size_type n = a.size() < b.size() ? a.size() : b.size();
    for (size_type k = 0; k != n; ++k) {
      if (slot(a, k) < slot(b, k)) return true;
      if (slot(b, k) < slot(a, k)) return false;
    }
    return a.size() < b.size();
  }
#endif
};

// ---- Special members: trivial exactly when T is trivially copyable ------------
template <class T, std::size_t N, bool = std::is_trivially_copyable_v<T>>
struct ring_base : ring_core<T, N> {
  constexpr ring_base() noexcept {}
};
template <class T, std::size_t N>
struct ring_base<T, N, false> : ring_core<T, N> {
  using core = ring_core<T, N>;
  using algo = ring_algo<T>;
  constexpr ring_base() noexcept {}
  ring_base(const ring_base& o) noexcept(std::is_nothrow_copy_constructible_v<T>) : core() { take_from(o); }
  ring_base(ring_base&& o) noexcept(std::is_nothrow_move_constructible_v<T>) : core() { take_from(o); }
  ring_base& operator=(const ring_base& o) noexcept(std::is_nothrow_copy_constructible_v<T>) {
    if (this != &o) {
      algo::destroy_all(static_cast<core&>(*this));
      take_from(o);
    }
    return *this;
  }
  ring_base& operator=(ring_base&& o) noexcept(std::is_nothrow_move_constructible_v<T>) {
    if (this != &o) {
      algo::destroy_all(static_cast<core&>(*this));
      take_from(o);
    }
    return *this;
  }
  ~ring_base() { algo::destroy_all(static_cast<core&>(*this)); }

 private:
  /// Copies (or moves) o's elements into this empty ring, starting at slot 0.
  template <class Src>
  void take_from(Src& o) {
    core& self = *this;
    self.set_head(0);
    typename algo::template rollback_back<core> guard{&self, 0};
    for (std::size_t k = 0; k != o.size(); ++k) {
      if constexpr (std::is_const_v<Src>) algo::construct_back(self, algo::slot(o, k));
      else algo::construct_back(self, std::move(algo::slot(o, k)));
    }
    guard.core = nullptr;
  }
};

}  // namespace detail
HEAPLESS_NAMESPACE_END

#if defined(__cpp_lib_ranges)
/// A ring_span refers to elements it does not own (as std::span), so it is a
/// borrowed range: std::span<T> s = d.make_contiguous(); and the ranges
/// algorithms accept the span returned by value.
template <class T>
inline constexpr bool std::ranges::enable_borrowed_range<heapless::detail::ring_span<T>> = true;
#endif

#undef HEAPLESS_DETAIL_RING_CONSTEVAL

#endif  // HEAPLESS_DETAIL_RING_HPP
