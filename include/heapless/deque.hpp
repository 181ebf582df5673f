// SPDX-License-Identifier: BSL-1.0
// heapless/deque.hpp - Deque<T, N>: a double-ended queue of at most N
// elements in a ring stored inside the object (std::deque's API).
//
//   heapless::Deque<Command, 16> q;
//   q.push_back(cmd);                         // std::bad_alloc / handler when full
//   if (!q.try_push_front(urgent)) { /*full*/ } // nullptr when full, nothing moved
//   while (!q.empty()) { run(q.front()); q.pop_front(); }
//   auto [a, b] = q.as_spans();               // the two contiguous parts, oldest first
//
// Memory: N * sizeof(T) for the elements plus two indices (the front slot and
// the length), each in the smallest unsigned type that holds N, or 32 bits
// when alignof(T) >= 4 (faster, see deque_index_t), padded to alignof(T):
// sizeof(Deque<std::uint8_t, 14>) == 16, sizeof(Deque<int, 64>) == 264. All N
// slots are usable. No heap and no pointer into the object itself: a Deque of
// a trivially copyable T is trivially copyable.
//
// Slot arithmetic: a power-of-two N masks, any other N compares and subtracts
// (never a division). Iterators are random access and hold (deque, logical
// index), so std::sort, std::lower_bound... work on a wrapped ring.
//
// Complexity: push/emplace/pop at either end O(1); insert/emplace/erase in the
// middle O(elements inserted + distance to the nearer end) (the shorter side
// moves); make_contiguous O(size()); default construction O(1) and constexpr
// (touches no element storage; a static Deque is constant-initialised).
//
// Errors (docs/deque.md): plain forms that would grow past N raise
// error_kind::bad_alloc (std::bad_alloc with exceptions, the user handler
// otherwise; as Vec), at() raises error_kind::out_of_range; try_* forms return
// nullptr / an empty optional and change nothing; unchecked_* forms and the
// std preconditions (operator[], front, back, pop_* on an empty Deque,
// iterators into *this) are checked by HEAPLESS_ASSERT.
//
// Thread/ISR: no internal synchronisation (for one producer and one consumer
// in different contexts use spsc::Queue).
#ifndef HEAPLESS_DEQUE_HPP
#define HEAPLESS_DEQUE_HPP

#include <cstddef>           // std::size_t, std::ptrdiff_t
#include <cstring>           // std::memcpy: bulk push_back of trivially copyable T
#include <initializer_list>  // std::initializer_list constructors and overloads
#include <optional>          // try_pop_front / try_pop_back results
#include <type_traits>       // triviality traits select the special members
#include <utility>           // std::forward, std::move, std::swap, std::pair

#include "detail/config.hpp"    // HEAPLESS_CONSTEXPR20, HEAPLESS_HAS_THREE_WAY, hints
#include "detail/error.hpp"     // detail::raise, HEAPLESS_ASSERT
#include "detail/iterator.hpp"  // std::reverse_iterator, std::distance
#include "detail/ring.hpp"      // ring_math, ring_iterator, ring_span, ring_copy_gate
#include "detail/size.hpp"      // detail::smallest_size_t
#include "detail/storage.hpp"   // detail::uninit_array
#include "vec.hpp"              // iterator classification, synth-three-way (shared with Vec)

#if HEAPLESS_HAS_THREE_WAY
#include <compare>  // operator<=> result types
#endif

#if HEAPLESS_CPP20
#define HEAPLESS_DETAIL_DEQUE_CONSTEVAL() HEAPLESS_IS_CONSTANT_EVALUATED()
#else
#define HEAPLESS_DETAIL_DEQUE_CONSTEVAL() false
#endif

HEAPLESS_NAMESPACE_BEGIN
namespace detail {

// ---- The ring: storage, indices and the primitives ---------------------------
/// The two indices (front slot, length): a 32-bit char32_t when alignof(T)
/// >= 2 (T = char32_t keeps Vec's length type); byte-sized elements keep
/// Vec's narrow length type, so small byte queues stay small. char32_t is a
/// distinct type for alias analysis, so element stores cannot alias the
/// indices and compilers keep them in registers across a push; narrow
/// indices are char-like (unsigned char aliases everything) and are
/// reloaded after every element store. Full width also needs no
/// zero-extension or narrow wrap-around. Costs up to 6 bytes of sizeof over
/// two narrow indices for elements with alignof(T) == 2.
template <class T, std::size_t N>
using deque_index_t = std::conditional_t<(alignof(T) >= 2 && sizeof(smallest_size_t<N>) <= 4 &&
                                          !std::is_same_v<std::remove_cv_t<T>, char32_t>),
                                         char32_t, vec_length_t<T, N>>;

template <class T, std::size_t N>
struct deque_core {
  using index_type = deque_index_t<T, N>;
  using math = ring_math<N>;

  uninit_array<T, N> storage_;
  index_type head_;  // slot of the front element
  index_type len_;

  constexpr deque_core() noexcept : storage_(), head_(0), len_(0) {}

  constexpr T* data() noexcept { return storage_.data(); }
  constexpr const T* data() const noexcept { return storage_.data(); }
  constexpr std::size_t size() const noexcept { return len_; }
  /// The slot of logical position i (0 = front), i <= N.
  constexpr std::size_t phys(std::size_t i) const noexcept { return math::add(head_, i); }
  constexpr T& slot(std::size_t i) noexcept { return data()[phys(i)]; }
  constexpr const T& slot(std::size_t i) const noexcept { return data()[phys(i)]; }

  /// See vec_core::prepare_constant: a Deque built by a non-default
  /// constructor in constant evaluation has every slot initialised.
  constexpr void prepare_constant() noexcept {
#if HEAPLESS_CPP20
    if constexpr (N <= vec_constexpr_fill_max && is_constexpr_friendly_v<T>) {
      if (HEAPLESS_IS_CONSTANT_EVALUATED()) {
        for (std::size_t i = 0; i != N; ++i) storage_.construct(i);
      }
    }
#endif
  }

  /// Destroys the last n elements.
  constexpr void destroy_back(std::size_t n) noexcept {
    const std::size_t keep = size() - n;
    if constexpr (!std::is_trivially_destructible_v<T>) {
      for (std::size_t k = size(); k != keep; --k) storage_.destroy(phys(k - 1));
    }
    len_ = static_cast<index_type>(keep);
  }
  /// Destroys the first n elements.
  constexpr void destroy_front(std::size_t n) noexcept {
    if constexpr (!std::is_trivially_destructible_v<T>) {
      for (std::size_t k = 0; k != n; ++k) storage_.destroy(phys(k));
    }
    head_ = static_cast<index_type>(math::add(head_, n));
    len_ = static_cast<index_type>(size() - n);
  }
  constexpr void destroy_all() noexcept {
    destroy_back(size());
    head_ = 0;
  }

  template <class... Args>
  constexpr T& construct_back(Args&&... args) noexcept(std::is_nothrow_constructible_v<T, Args...>) {
    const std::size_t len0 = size();  // read before the store: T may alias the indices
    T& e = storage_.construct(phys(len0), std::forward<Args>(args)...);
    len_ = static_cast<index_type>(len0 + 1);
    return e;
  }
  template <class... Args>
  constexpr T& construct_front(Args&&... args) noexcept(std::is_nothrow_constructible_v<T, Args...>) {
    const std::size_t h = math::sub(head_, 1);
    const std::size_t len0 = size();
    if constexpr (std::is_nothrow_constructible_v<T, Args...>) {
      // Nothing can fail after head_ moves, so it moves first: the rest
      // (build the element, store len0 + 1) then matches construct_back's
      // tail, and the compiler can share one copy of it between both ends.
      head_ = static_cast<index_type>(h);
      T& e = storage_.construct(h, std::forward<Args>(args)...);
      len_ = static_cast<index_type>(len0 + 1);
      return e;
    } else {
      T& e = storage_.construct(h, std::forward<Args>(args)...);
      head_ = static_cast<index_type>(h);
      len_ = static_cast<index_type>(len0 + 1);
      return e;
    }
  }

  /// Constructs n elements at the back from *src, ++src (n <= N - size()).
  /// If a constructor throws, the elements added so far are destroyed.
  template <class It>
  HEAPLESS_CONSTEXPR20 void append_n(It src, std::size_t n) {
    if constexpr (vec_memcpy_source_v<T, It>) {
      if (!HEAPLESS_DETAIL_DEQUE_CONSTEVAL()) {
        if (n == 0) return;
        const std::size_t tail = phys(size());
        const std::size_t first = n < N - tail ? n : N - tail;
        std::memcpy(static_cast<void*>(data() + tail), src, first * sizeof(T));
        if (n != first) std::memcpy(static_cast<void*>(data()), src + first, (n - first) * sizeof(T));
        len_ = static_cast<index_type>(size() + n);
        return;
      }
    }
    rollback_back guard{this, size()};
    for (std::size_t k = 0; k != n; ++k, ++src) construct_back(*src);
    guard.core = nullptr;
  }
  /// Constructs n elements at the back, each from args... (none: value-initialised).
  template <class... Args>
  HEAPLESS_CONSTEXPR20 void append_fill(std::size_t n, const Args&... args) {
    rollback_back guard{this, size()};
    for (std::size_t k = 0; k != n; ++k) construct_back(args...);
    guard.core = nullptr;
  }
  /// Constructs n elements before the front, in order, from *src, ++src
  /// (n <= N - size()). All or nothing if a constructor throws.
  template <class It>
  HEAPLESS_CONSTEXPR20 void prepend_n(It src, std::size_t n) {
    const std::size_t h = math::sub(head_, n);
    rollback_slots guard{this, h, 0};
    for (; guard.done != n; ++guard.done, ++src) storage_.construct(math::add(h, guard.done), *src);
    guard.core = nullptr;
    head_ = static_cast<index_type>(h);
    len_ = static_cast<index_type>(size() + n);
  }
  template <class... Args>
  HEAPLESS_CONSTEXPR20 void prepend_fill(std::size_t n, const Args&... args) {
    const std::size_t h = math::sub(head_, n);
    rollback_slots guard{this, h, 0};
    for (; guard.done != n; ++guard.done) storage_.construct(math::add(h, guard.done), args...);
    guard.core = nullptr;
    head_ = static_cast<index_type>(h);
    len_ = static_cast<index_type>(size() + n);
  }

  /// Reverses the logical range [a, b).
  HEAPLESS_CONSTEXPR20 void reverse(std::size_t a, std::size_t b) {
    using std::swap;
    while (a != b && a != --b) {
      swap(slot(a), slot(b));
      ++a;
    }
  }
  /// Rotates the logical range [a, c) so that m becomes its first element.
  HEAPLESS_CONSTEXPR20 void rotate(std::size_t a, std::size_t m, std::size_t c) {
    reverse(a, m);
    reverse(m, c);
    reverse(a, c);
  }

  /// Copies (or moves) o's elements into this empty core, starting at slot 0.
  template <class Src>
  HEAPLESS_CONSTEXPR20 void take_from(Src& o) {
    head_ = 0;
    rollback_back guard{this, 0};
    for (std::size_t k = 0; k != o.size(); ++k) {
      if constexpr (std::is_const_v<Src>) construct_back(o.slot(k));
      else construct_back(std::move(o.slot(k)));
    }
    guard.core = nullptr;
  }

  // Destroys what an interrupted append added (elements past old_len).
  struct rollback_back {
    deque_core* core;
    std::size_t old_len;
    HEAPLESS_CONSTEXPR20 ~rollback_back() {
      if (core) core->destroy_back(core->size() - old_len);
    }
  };
  // Destroys the `done` elements an interrupted prepend built from slot h on.
  struct rollback_slots {
    deque_core* core;
    std::size_t h;
    std::size_t done;
    HEAPLESS_CONSTEXPR20 ~rollback_slots() {
      if (core) {
        for (std::size_t k = 0; k != done; ++k) core->storage_.destroy(math::add(h, k));
      }
    }
  };
};

// ---- Special members: trivial exactly when T is trivially copyable ------------
template <class T, std::size_t N, bool = std::is_trivially_copyable_v<T>>
struct deque_base : deque_core<T, N> {
  constexpr deque_base() noexcept {}
};
template <class T, std::size_t N>
struct deque_base<T, N, false> : deque_core<T, N> {
  constexpr deque_base() noexcept {}
  deque_base(const deque_base& o) noexcept(std::is_nothrow_copy_constructible_v<T>) : deque_core<T, N>() {
    this->take_from(static_cast<const deque_core<T, N>&>(o));
  }
  deque_base(deque_base&& o) noexcept(std::is_nothrow_move_constructible_v<T>) : deque_core<T, N>() {
    this->take_from(static_cast<deque_core<T, N>&>(o));
  }
  deque_base& operator=(const deque_base& o) noexcept(std::is_nothrow_copy_constructible_v<T>) {
    if (this != &o) {
      this->destroy_all();
      this->take_from(static_cast<const deque_core<T, N>&>(o));
    }
    return *this;
  }
  deque_base& operator=(deque_base&& o) noexcept(std::is_nothrow_move_constructible_v<T>) {
    if (this != &o) {
      this->destroy_all();
      this->take_from(static_cast<deque_core<T, N>&>(o));
    }
    return *this;
  }
  ~deque_base() { this->destroy_all(); }
};

}  // namespace detail

/// A double-ended queue of at most N elements of T, in a ring inside the object.
template <class T, std::size_t N>
class Deque : private detail::deque_base<T, N>,
              private detail::ring_copy_gate<std::is_copy_constructible_v<T>, std::is_move_constructible_v<T>> {
  static_assert(std::is_object_v<T> && !std::is_const_v<T> && !std::is_volatile_v<T>,
                "heapless::Deque<T, N>: T must be a non-cv object type");
  static_assert(std::is_destructible_v<T>, "heapless::Deque<T, N>: T must be destructible");
  static_assert(N > 0, "heapless::Deque<T, N>: N must be at least 1");

 public:
  /// Element type.
  using value_type = T;
  /// Size type.
  using size_type = std::size_t;
  /// Difference type.
  using difference_type = std::ptrdiff_t;
  /// Reference to an element.
  using reference = T&;
  /// Const reference to an element.
  using const_reference = const T&;
  /// Pointer to an element.
  using pointer = T*;
  /// Pointer to a const element.
  using const_pointer = const T*;
  /// Random-access iterator, front to back (a logical index: stays valid across make_contiguous).
  using iterator = detail::ring_iterator<Deque, T>;
  /// Const random-access iterator, front to back.
  using const_iterator = detail::ring_iterator<const Deque, const T>;
  /// Reverse iterator, back to front.
  using reverse_iterator = std::reverse_iterator<iterator>;
  /// Const reverse iterator, back to front.
  using const_reverse_iterator = std::reverse_iterator<const_iterator>;
  /// A contiguous part of the ring (as_spans, make_contiguous).
  using span_type = detail::ring_span<T>;
  /// A contiguous part of the ring, read-only (as_spans() const).
  using const_span_type = detail::ring_span<const T>;

  // ---- Construction ----------------------------------------------------------
  /// Empty. constexpr, O(1), writes no element storage.
  constexpr Deque() noexcept {}
  /// n value-initialised elements. Raises bad_alloc if n > N.
  HEAPLESS_CONSTEXPR20 explicit Deque(size_type n) {
    this->prepare_constant();
    resize(n);
  }
  /// n copies of value. Raises bad_alloc if n > N.
  HEAPLESS_CONSTEXPR20 Deque(size_type n, const T& value) {
    this->prepare_constant();
    assign(n, value);
  }
  /// Copies of [first, last). Raises bad_alloc if there are more than N.
  template <class InputIt, class = std::enable_if_t<detail::vec_is_input_iterator_v<InputIt>>>
  HEAPLESS_CONSTEXPR20 Deque(InputIt first, InputIt last) {
    this->prepare_constant();
    push_back(first, last);
  }
  /// Copies of il. Raises bad_alloc if il.size() > N.
  HEAPLESS_CONSTEXPR20 Deque(std::initializer_list<T> il) {
    this->prepare_constant();
    push_back(il.begin(), il.end());
  }
  /// Copy/move: element-wise, O(size()) (the copy starts at slot 0); trivial
  /// when T is trivially copyable. Deleted when T's are. A moved-from Deque
  /// keeps its size and holds moved-from elements.
  Deque(const Deque&) = default;
  /// Move constructor (see the copy constructor).
  Deque(Deque&&) = default;
  /// Copy assignment (see the copy constructor).
  Deque& operator=(const Deque&) = default;
  /// Move assignment (see the copy constructor).
  Deque& operator=(Deque&&) = default;
  ~Deque() = default;

  /// As assign(il).
  HEAPLESS_CONSTEXPR20 Deque& operator=(std::initializer_list<T> il) {
    assign(il);
    return *this;
  }

  /// Replaces the contents with n copies of value (not an element of *this).
  /// Raises bad_alloc, changing nothing, if n > N.
  HEAPLESS_CONSTEXPR20 void assign(size_type n, const T& value) {
    check_room(n, 0);
    clear();
    this->append_fill(n, value);
  }
  /// Replaces the contents with [first, last) (not iterators into *this).
  /// Forward iterators: raises bad_alloc, changing nothing, if there are more
  /// than N. Input iterators: on overflow *this is left empty and bad_alloc raised.
  template <class InputIt, class = std::enable_if_t<detail::vec_is_input_iterator_v<InputIt>>>
  HEAPLESS_CONSTEXPR20 void assign(InputIt first, InputIt last) {
    if constexpr (detail::vec_is_forward_iterator_v<InputIt>) {
      const size_type n = static_cast<size_type>(std::distance(first, last));
      check_room(n, 0);
      clear();
      this->append_n(first, n);
    } else {
      clear();
      push_back(first, last);
    }
  }
  /// Replaces the contents with the elements of il. Raises bad_alloc, changing nothing, if il.size() > N.
  HEAPLESS_CONSTEXPR20 void assign(std::initializer_list<T> il) { assign(il.begin(), il.end()); }

  // ---- Iterators: (deque, logical index), random access ------------------------
  /// Iterator to the front element.
  constexpr iterator begin() noexcept { return iterator(this, 0); }
  /// Const iterator to the front element.
  constexpr const_iterator begin() const noexcept { return const_iterator(this, 0); }
  /// Iterator past the back element.
  constexpr iterator end() noexcept { return iterator(this, size()); }
  /// Const iterator past the back element.
  constexpr const_iterator end() const noexcept { return const_iterator(this, size()); }
  /// Reverse iterator to the back element.
  constexpr reverse_iterator rbegin() noexcept { return reverse_iterator(end()); }
  /// Const reverse iterator to the back element.
  constexpr const_reverse_iterator rbegin() const noexcept { return const_reverse_iterator(end()); }
  /// Reverse iterator before the front element.
  constexpr reverse_iterator rend() noexcept { return reverse_iterator(begin()); }
  /// Const reverse iterator before the front element.
  constexpr const_reverse_iterator rend() const noexcept { return const_reverse_iterator(begin()); }
  /// Same as begin() const.
  constexpr const_iterator cbegin() const noexcept { return begin(); }
  /// Same as end() const.
  constexpr const_iterator cend() const noexcept { return end(); }
  /// Same as rbegin() const.
  constexpr const_reverse_iterator crbegin() const noexcept { return rbegin(); }
  /// Same as rend() const.
  constexpr const_reverse_iterator crend() const noexcept { return rend(); }

  // ---- Capacity ----------------------------------------------------------------
  /// true when size() == 0.
  [[nodiscard]] constexpr bool empty() const noexcept { return size() == 0; }
  /// True when size() == N: the next push would raise.
  [[nodiscard]] constexpr bool full() const noexcept { return size() == N; }
  /// The number of elements.
  constexpr size_type size() const noexcept { return base_::size(); }
  /// The maximum number of elements (N).
  static constexpr size_type max_size() noexcept { return N; }
  /// Same as max_size(): the capacity is fixed.
  static constexpr size_type capacity() noexcept { return N; }
  /// Shrinks to n (destroying from the back) or grows at the back with
  /// value-initialised elements. Raises bad_alloc, changing nothing, if n > N.
  HEAPLESS_CONSTEXPR20 void resize(size_type n) {
    check_room(n, 0);
    if (n <= size()) this->destroy_back(size() - n);
    else this->append_fill(n - size());
  }
  /// As resize(n), growing with copies of value.
  HEAPLESS_CONSTEXPR20 void resize(size_type n, const T& value) {
    check_room(n, 0);
    if (n <= size()) this->destroy_back(size() - n);
    else this->append_fill(n - size(), value);
  }
  /// Does nothing: the capacity is fixed.
  static constexpr void shrink_to_fit() noexcept {}

  // ---- Element access ----------------------------------------------------------
  /// The i-th element from the front. Precondition (asserted): i < size().
  constexpr reference operator[](size_type i) noexcept {
    HEAPLESS_ASSERT(i < size(), "heapless::Deque::operator[]: index out of range");
    return this->slot(i);
  }
  /// The i-th element from the front. Precondition (asserted): i < size().
  constexpr const_reference operator[](size_type i) const noexcept {
    HEAPLESS_ASSERT(i < size(), "heapless::Deque::operator[]: index out of range");
    return this->slot(i);
  }
  /// Raises out_of_range if i >= size().
  constexpr reference at(size_type i) {
    if (HEAPLESS_UNLIKELY(i >= size())) out_of_range();
    return this->slot(i);
  }
  /// The i-th element from the front. Raises out_of_range if i >= size().
  constexpr const_reference at(size_type i) const {
    if (HEAPLESS_UNLIKELY(i >= size())) out_of_range();
    return this->slot(i);
  }
  /// Precondition (asserted): !empty().
  constexpr reference front() noexcept {
    HEAPLESS_ASSERT(!empty(), "heapless::Deque::front: empty");
    return this->data()[this->head_];
  }
  /// The first element. Precondition (asserted): !empty().
  constexpr const_reference front() const noexcept {
    HEAPLESS_ASSERT(!empty(), "heapless::Deque::front: empty");
    return this->data()[this->head_];
  }
  /// Precondition (asserted): !empty().
  constexpr reference back() noexcept {
    HEAPLESS_ASSERT(!empty(), "heapless::Deque::back: empty");
    return this->slot(size() - 1);
  }
  /// The last element. Precondition (asserted): !empty().
  constexpr const_reference back() const noexcept {
    HEAPLESS_ASSERT(!empty(), "heapless::Deque::back: empty");
    return this->slot(size() - 1);
  }

  // ---- The ring --------------------------------------------------------------------
  /// The elements as two contiguous parts, front part first; the second is
  /// empty unless the elements wrap around the end of the storage. O(1).
  constexpr std::pair<span_type, span_type> as_spans() noexcept {
    const auto [a, n1, n2] = parts();
    return {span_type(this->data() + a, n1), span_type(this->data(), n2)};
  }
  /// As as_spans(), read-only.
  constexpr std::pair<const_span_type, const_span_type> as_spans() const noexcept {
    const auto [a, n1, n2] = parts();
    return {const_span_type(this->data() + a, n1), const_span_type(this->data(), n2)};
  }
  /// Moves the elements so that they are contiguous, in order, and returns
  /// them as one span. O(1) if they already are, else O(size()) moves and
  /// swaps, no extra storage. Iterators stay valid (they are logical indices).
  /// If a move of T throws, *this is left empty (basic guarantee).
  HEAPLESS_CONSTEXPR20 span_type make_contiguous() {
    const std::size_t h = this->head_;
    const std::size_t len = size();
    if (h + len <= N) return span_type(this->data() + h, len);
    if (len == N) {  // every slot is live: one rotation of the whole storage
      this->head_ = 0;
      this->rotate(0, h, N);
      return span_type(this->data(), len);
    }
    // The front part [h, N) moves down into the free slots [tail, h) to sit
    // right after the back part [0, tail) (tail < h: no self-moves); then
    // [0, len) holds back part + front part, all live, and one rotation puts
    // the front part first.
    const std::size_t tail = h + len - N;
    const std::size_t m = N - h;
    contiguous_guard guard{this, tail, h, 0};
    for (; guard.moved != m; ++guard.moved) {
      const std::size_t dst = tail + guard.moved;
      T& src = this->data()[h + guard.moved];
      if (dst < h) this->storage_.construct(dst, std::move(src));
      else this->data()[dst] = std::move(src);
    }
    guard.core = nullptr;
    for (std::size_t s = (h > tail + m ? h : tail + m); s != N; ++s) this->storage_.destroy(s);
    this->head_ = 0;
    this->rotate(0, tail, len);
    return span_type(this->data(), len);
  }

  // ---- Modifiers at the ends ------------------------------------------------------
  /// Constructs an element at the back. Raises bad_alloc if full. Strong
  /// guarantee. O(1).
  template <class... Args>
  HEAPLESS_CONSTEXPR20 reference emplace_back(Args&&... args) {
    if (HEAPLESS_UNLIKELY(full())) capacity_exceeded();
    return this->construct_back(std::forward<Args>(args)...);
  }
  /// Copies value to the back. Raises bad_alloc if full. O(1).
  HEAPLESS_CONSTEXPR20 reference push_back(const T& value) { return emplace_back(value); }
  /// Moves value to the back. Raises bad_alloc if full. O(1).
  HEAPLESS_CONSTEXPR20 reference push_back(T&& value) { return emplace_back(std::move(value)); }
  /// Constructs an element at the front. Raises bad_alloc if full. Strong
  /// guarantee. O(1).
  template <class... Args>
  HEAPLESS_CONSTEXPR20 reference emplace_front(Args&&... args) {
    if (HEAPLESS_UNLIKELY(full())) capacity_exceeded();
    return this->construct_front(std::forward<Args>(args)...);
  }
  /// Copies value to the front. Raises bad_alloc if full. O(1).
  HEAPLESS_CONSTEXPR20 reference push_front(const T& value) { return emplace_front(value); }
  /// Moves value to the front. Raises bad_alloc if full. O(1).
  HEAPLESS_CONSTEXPR20 reference push_front(T&& value) { return emplace_front(std::move(value)); }

  /// As emplace_back / emplace_front, but return nullptr when full (arguments untouched).
  template <class... Args>
  [[nodiscard]] HEAPLESS_CONSTEXPR20 pointer try_emplace_back(Args&&... args) {
    if (HEAPLESS_UNLIKELY(full())) return nullptr;
    return &this->construct_back(std::forward<Args>(args)...);
  }
  /// Copies value to the back; nullptr when full. Returns a pointer to the new element.
  [[nodiscard]] HEAPLESS_CONSTEXPR20 pointer try_push_back(const T& value) { return try_emplace_back(value); }
  /// Moves value to the back; nullptr when full (value untouched).
  [[nodiscard]] HEAPLESS_CONSTEXPR20 pointer try_push_back(T&& value) { return try_emplace_back(std::move(value)); }
  /// Constructs an element at the front; nullptr when full (args untouched).
  template <class... Args>
  [[nodiscard]] HEAPLESS_CONSTEXPR20 pointer try_emplace_front(Args&&... args) {
    if (HEAPLESS_UNLIKELY(full())) return nullptr;
    return &this->construct_front(std::forward<Args>(args)...);
  }
  /// Copies value to the front; nullptr when full.
  [[nodiscard]] HEAPLESS_CONSTEXPR20 pointer try_push_front(const T& value) { return try_emplace_front(value); }
  /// Moves value to the front; nullptr when full (value untouched).
  [[nodiscard]] HEAPLESS_CONSTEXPR20 pointer try_push_front(T&& value) {
    return try_emplace_front(std::move(value));
  }

  /// Precondition (asserted): !full().
  template <class... Args>
  HEAPLESS_CONSTEXPR20 reference unchecked_emplace_back(Args&&... args) {
    HEAPLESS_ASSERT(!full(), "heapless::Deque::unchecked_emplace_back: full");
    return this->construct_back(std::forward<Args>(args)...);
  }
  /// Copies value to the back. Precondition (asserted): !full().
  HEAPLESS_CONSTEXPR20 reference unchecked_push_back(const T& value) { return unchecked_emplace_back(value); }
  /// Moves value to the back. Precondition (asserted): !full().
  HEAPLESS_CONSTEXPR20 reference unchecked_push_back(T&& value) { return unchecked_emplace_back(std::move(value)); }
  /// Precondition (asserted): !full().
  template <class... Args>
  HEAPLESS_CONSTEXPR20 reference unchecked_emplace_front(Args&&... args) {
    HEAPLESS_ASSERT(!full(), "heapless::Deque::unchecked_emplace_front: full");
    return this->construct_front(std::forward<Args>(args)...);
  }
  /// Copies value to the front. Precondition (asserted): !full().
  HEAPLESS_CONSTEXPR20 reference unchecked_push_front(const T& value) { return unchecked_emplace_front(value); }
  /// Moves value to the front. Precondition (asserted): !full().
  HEAPLESS_CONSTEXPR20 reference unchecked_push_front(T&& value) {
    return unchecked_emplace_front(std::move(value));
  }

  /// Precondition (asserted): !empty(). O(1).
  HEAPLESS_CONSTEXPR20 void pop_front() noexcept {
    HEAPLESS_ASSERT(!empty(), "heapless::Deque::pop_front: empty");
    this->destroy_front(1);
  }
  /// Removes the first n elements. Precondition (asserted): n <= size().
  /// O(1) for trivially destructible T, else O(n).
  HEAPLESS_CONSTEXPR20 void pop_front(size_type n) noexcept {
    HEAPLESS_ASSERT(n <= size(), "heapless::Deque::pop_front: fewer than n elements");
    this->destroy_front(n);
  }
  /// Precondition (asserted): !empty(). O(1).
  HEAPLESS_CONSTEXPR20 void pop_back() noexcept {
    HEAPLESS_ASSERT(!empty(), "heapless::Deque::pop_back: empty");
    this->destroy_back(1);
  }
  /// Removes the last n elements. Precondition (asserted): n <= size().
  HEAPLESS_CONSTEXPR20 void pop_back(size_type n) noexcept {
    HEAPLESS_ASSERT(n <= size(), "heapless::Deque::pop_back: fewer than n elements");
    this->destroy_back(n);
  }
  /// Removes and returns the front element; an empty optional when empty.
  [[nodiscard]] HEAPLESS_CONSTEXPR20 std::optional<T> try_pop_front() noexcept(
      std::is_nothrow_move_constructible_v<T>) {
    if (empty()) return std::nullopt;
    std::optional<T> out(std::in_place, std::move(front()));
    this->destroy_front(1);
    return out;
  }
  /// Removes and returns the back element; an empty optional when empty.
  [[nodiscard]] HEAPLESS_CONSTEXPR20 std::optional<T> try_pop_back() noexcept(
      std::is_nothrow_move_constructible_v<T>) {
    if (empty()) return std::nullopt;
    std::optional<T> out(std::in_place, std::move(back()));
    this->destroy_back(1);
    return out;
  }

  /// Appends copies of [first, last) at the back. All or nothing: if they do
  /// not fit, raises bad_alloc and *this is unchanged (input iterators: the
  /// input is consumed). From a T* range of trivially copyable T: at most two
  /// memcpy. O(elements).
  template <class InputIt, class = std::enable_if_t<detail::vec_is_input_iterator_v<InputIt>>>
  HEAPLESS_CONSTEXPR20 void push_back(InputIt first, InputIt last) {
    if constexpr (detail::vec_is_forward_iterator_v<InputIt>) {
      const size_type n = static_cast<size_type>(std::distance(first, last));
      check_room(n, size());
      this->append_n(first, n);
    } else {
      typename base_::rollback_back guard{this, size()};
      for (; first != last; ++first) {
        if (HEAPLESS_UNLIKELY(full())) {
          this->destroy_back(size() - guard.old_len);
          capacity_exceeded();
        }
        this->construct_back(*first);
      }
      guard.core = nullptr;
    }
  }
  /// Appends the elements of il; see push_back(first, last).
  HEAPLESS_CONSTEXPR20 void push_back(std::initializer_list<T> il) { push_back(il.begin(), il.end()); }
  /// Appends copies of [first, last) until full; returns the iterator to the
  /// first element not appended (last if all fit). Never raises for capacity.
  template <class InputIt, class = std::enable_if_t<detail::vec_is_input_iterator_v<InputIt>>>
  [[nodiscard]] HEAPLESS_CONSTEXPR20 InputIt try_push_back(InputIt first, InputIt last) {
    if constexpr (std::is_pointer_v<InputIt> && detail::vec_memcpy_source_v<T, InputIt>) {
      const size_type room = N - size();
      const size_type avail = static_cast<size_type>(last - first);
      const size_type n = avail < room ? avail : room;
      this->append_n(first, n);
      return first + n;
    } else {
      for (; first != last && !full(); ++first) this->construct_back(*first);
      return first;
    }
  }

  // ---- Modifiers anywhere ---------------------------------------------------------
  /// Constructs an element before pos; the shorter side moves. Raises
  /// bad_alloc, changing nothing, if full. O(distance to the nearer end).
  /// Returns an iterator to the new element.
  template <class... Args>
  HEAPLESS_CONSTEXPR20 iterator emplace(const_iterator pos, Args&&... args) {
    const size_type i = index_of(pos);
    if (HEAPLESS_UNLIKELY(full())) capacity_exceeded();
    const size_type len = size();
    if (i == len) {
      this->construct_back(std::forward<Args>(args)...);
    } else if (i == 0) {
      this->construct_front(std::forward<Args>(args)...);
    } else {
      T tmp(std::forward<Args>(args)...);  // first: args may refer to an element
      if (i < len - i) {
        this->construct_front(std::move(this->slot(0)));  // old element k is now at k + 1
        for (size_type j = 1; j != i; ++j) this->slot(j) = std::move(this->slot(j + 1));
      } else {
        this->construct_back(std::move(this->slot(len - 1)));
        for (size_type j = len - 1; j != i; --j) this->slot(j) = std::move(this->slot(j - 1));
      }
      this->slot(i) = std::move(tmp);
    }
    return iterator(this, pos.index());
  }
  /// Inserts value before pos; see emplace.
  HEAPLESS_CONSTEXPR20 iterator insert(const_iterator pos, const T& value) { return emplace(pos, value); }
  /// Inserts value (moved) before pos; see emplace.
  HEAPLESS_CONSTEXPR20 iterator insert(const_iterator pos, T&& value) { return emplace(pos, std::move(value)); }
  /// Inserts n copies of value before pos. Raises bad_alloc, changing
  /// nothing, if they do not fit. O(n + distance to the nearer end). Returns
  /// an iterator to the first inserted element (pos if n == 0).
  HEAPLESS_CONSTEXPR20 iterator insert(const_iterator pos, size_type n, const T& value) {
    const size_type i = index_of(pos);
    check_room(n, size());
    if (n != 0) {
      const size_type len = size();
      if (i < len - i) {
        this->prepend_fill(n, value);
        this->rotate(0, n, n + i);
      } else {
        this->append_fill(n, value);
        this->rotate(i, len, len + n);
      }
    }
    return iterator(this, pos.index());
  }
  /// Inserts copies of [first, last) (not iterators into *this) before pos.
  /// If they do not fit, raises bad_alloc and *this is unchanged (input
  /// iterators: the input is consumed). O(elements + distance to the nearer end).
  template <class InputIt, class = std::enable_if_t<detail::vec_is_input_iterator_v<InputIt>>>
  HEAPLESS_CONSTEXPR20 iterator insert(const_iterator pos, InputIt first, InputIt last) {
    const size_type i = index_of(pos);
    const size_type len = size();
    if constexpr (detail::vec_is_forward_iterator_v<InputIt>) {
      const size_type n = static_cast<size_type>(std::distance(first, last));
      check_room(n, len);
      if (n != 0) {
        if (i < len - i) {
          this->prepend_n(first, n);
          this->rotate(0, n, n + i);
        } else {
          this->append_n(first, n);
          this->rotate(i, len, len + n);
        }
      }
    } else {
      push_back(first, last);
      this->rotate(i, len, size());
    }
    return iterator(this, pos.index());
  }
  /// Inserts the elements of il before pos; see insert(pos, first, last).
  HEAPLESS_CONSTEXPR20 iterator insert(const_iterator pos, std::initializer_list<T> il) {
    return insert(pos, il.begin(), il.end());
  }

  /// Removes the element at pos (precondition: dereferenceable); the shorter
  /// side moves. Returns the iterator after it. O(distance to the nearer end).
  HEAPLESS_CONSTEXPR20 iterator erase(const_iterator pos) {
    HEAPLESS_ASSERT(pos != end(), "heapless::Deque::erase: end() is not erasable");
    return erase(pos, pos + 1);
  }
  /// Removes [first, last); the shorter side moves. Returns the iterator
  /// after the removed ones. O(last - first + distance to the nearer end).
  HEAPLESS_CONSTEXPR20 iterator erase(const_iterator first, const_iterator last) {
    const size_type i = index_of(first);
    const size_type j = index_of(last);
    HEAPLESS_ASSERT(i <= j, "heapless::Deque::erase: first > last");
    const size_type n = j - i;
    if (n != 0) {
      const size_type len = size();
      if (i < len - j) {
        for (size_type k = i; k != 0; --k) this->slot(k - 1 + n) = std::move(this->slot(k - 1));
        this->destroy_front(n);
      } else {
        for (size_type k = j; k != len; ++k) this->slot(k - n) = std::move(this->slot(k));
        this->destroy_back(n);
      }
    }
    return iterator(this, first.index());
  }
  /// Destroys every element. O(size()) (O(1) for trivially destructible T).
  HEAPLESS_CONSTEXPR20 void clear() noexcept { this->destroy_all(); }

  /// Exchanges the contents element-wise: O(max(size(), other.size())).
  HEAPLESS_CONSTEXPR20 void swap(Deque& other) noexcept(std::is_nothrow_move_constructible_v<T>&&
                                                            std::is_nothrow_swappable_v<T>) {
    if (this == &other) return;
    Deque& shorter = size() <= other.size() ? *this : other;
    Deque& longer = size() <= other.size() ? other : *this;
    const size_type common = shorter.size();
    using std::swap;
    for (size_type k = 0; k != common; ++k) swap(shorter.slot(k), longer.slot(k));
    for (size_type k = common; k != longer.size(); ++k) shorter.construct_back(std::move(longer.slot(k)));
    longer.destroy_back(longer.size() - common);
  }
  friend HEAPLESS_CONSTEXPR20 void swap(Deque& a, Deque& b) noexcept(noexcept(a.swap(b))) { a.swap(b); }

  // ---- Comparisons -----------------------------------------------------------------
  friend constexpr bool operator==(const Deque& a, const Deque& b) {
    if (a.size() != b.size()) return false;
    for (size_type k = 0; k != a.size(); ++k) {
      if (!(a.slot(k) == b.slot(k))) return false;
    }
    return true;
  }
#if HEAPLESS_HAS_THREE_WAY
  /// Lexicographic, with <=> of T or, failing that, <.
  friend constexpr auto operator<=>(const Deque& a, const Deque& b)
    requires detail::vec_synth_comparable<T>
  {
    const detail::vec_synth_three_way cmp{};
    const size_type n = a.size() < b.size() ? a.size() : b.size();
    for (size_type k = 0; k != n; ++k) {
      if (auto c = cmp(a.slot(k), b.slot(k)); c != 0) return c;
    }
    return static_cast<decltype(cmp(a.slot(0), b.slot(0)))>(a.size() <=> b.size());
  }
#else
  friend constexpr bool operator!=(const Deque& a, const Deque& b) { return !(a == b); }
  /// Lexicographic, with T's <.
  friend constexpr bool operator<(const Deque& a, const Deque& b) {
    const size_type n = a.size() < b.size() ? a.size() : b.size();
    for (size_type k = 0; k != n; ++k) {
      if (a.slot(k) < b.slot(k)) return true;
      if (b.slot(k) < a.slot(k)) return false;
    }
    return a.size() < b.size();
  }
  friend constexpr bool operator>(const Deque& a, const Deque& b) { return b < a; }
  friend constexpr bool operator<=(const Deque& a, const Deque& b) { return !(b < a); }
  friend constexpr bool operator>=(const Deque& a, const Deque& b) { return !(a < b); }
#endif

 private:
  using base_ = detail::deque_core<T, N>;

  [[noreturn]] static void capacity_exceeded() {
    detail::raise(error_kind::bad_alloc, "heapless::Deque: capacity exceeded");
  }
  [[noreturn]] static void out_of_range() {
    detail::raise(error_kind::out_of_range, "heapless::Deque::at: index out of range");
  }
  /// Raises bad_alloc unless n more elements fit after `used`.
  static constexpr void check_room(size_type n, size_type used) {
    if (HEAPLESS_UNLIKELY(n > N - used)) capacity_exceeded();
  }
  constexpr size_type index_of(const_iterator pos) const noexcept {
    HEAPLESS_ASSERT(pos.owner() == this && pos.index() <= size(), "heapless::Deque: iterator not into this Deque");
    return pos.index();
  }
  struct part_sizes {
    std::size_t first_slot, first_len, second_len;
  };
  constexpr part_sizes parts() const noexcept {
    const std::size_t h = this->head_;
    const std::size_t len = size();
    if (h + len <= N) return {h, len, 0};
    return {h, N - h, h + len - N};
  }
  // Restores a valid (empty) Deque if a move throws inside make_contiguous:
  // live then are [0, tail), the moved-to [tail, tail + moved) and the
  // not-yet-moved or moved-from sources [max(h, tail + moved), N).
  struct contiguous_guard {
    Deque* core;
    std::size_t tail, h, moved;
    HEAPLESS_CONSTEXPR20 ~contiguous_guard() {
      if (!core) return;
      const std::size_t built = tail + moved;
      for (std::size_t s = 0; s != built; ++s) core->storage_.destroy(s);
      for (std::size_t s = (h > built ? h : built); s != N; ++s) core->storage_.destroy(s);
      core->head_ = 0;
      core->len_ = 0;
    }
  };
};

// ---- Erasure ------------------------------------------------------------------------
/// Removes every element for which pred is true, keeping the order of the
/// rest; returns how many. O(size()).
template <class T, std::size_t N, class Pred>
HEAPLESS_CONSTEXPR20 std::size_t erase_if(Deque<T, N>& c, Pred pred) {
  const std::size_t n = c.size();
  std::size_t kept = 0;
  for (std::size_t r = 0; r != n; ++r) {
    if (!pred(c[r])) {
      if (kept != r) c[kept] = std::move(c[r]);
      ++kept;
    }
  }
  c.pop_back(n - kept);
  return n - kept;
}

/// Removes every element equal to value; returns how many. O(size()).
template <class T, std::size_t N, class U = T>
HEAPLESS_CONSTEXPR20 std::size_t erase(Deque<T, N>& c, const U& value) {
  return erase_if(c, [&value](const T& e) { return e == value; });
}

HEAPLESS_NAMESPACE_END

#undef HEAPLESS_DETAIL_DEQUE_CONSTEVAL

#endif  // HEAPLESS_DEQUE_HPP
