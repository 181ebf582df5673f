// SPDX-License-Identifier: BSL-1.0
// heapless/history_buffer.hpp - HistoryBuffer<T, N>: the last N values
// written, in a ring inside the object; once full, each write overwrites the
// oldest (Rust heapless's HistoryBuffer).
//
//   heapless::HistoryBuffer<float, 64> h;
//   h.push(sample);                              // never fails
//   if (const float* last = h.recent()) use(*last); // nullptr while empty
//   float sum = 0;
//   for (float x : h.storage()) sum += x;        // one contiguous loop, any order
//   if (h.full()) for (float x : h.full_storage()) sum += x; // T(&)[N]: unrolls
//   for (float x : h) log(x);                    // oldest -> newest
//
// Memory: N * sizeof(T) for the elements plus two indices (the oldest slot and
// the length), as Deque's: sizeof(HistoryBuffer<float, 64>) == 264,
// sizeof(HistoryBuffer<std::uint8_t, 14>) == 16. No heap and no pointer into
// the object: trivially copyable when T is.
//
// Slot arithmetic: a power-of-two N masks, any other N compares and subtracts
// (never a division). Until the buffer first fills, the elements sit in
// slots [0, size()) in order; afterwards the oldest is at the write position.
//
// Complexity: push/emplace O(1); extend/append O(elements kept: at most N);
// default construction O(1) and constexpr (touches no element storage).
//
// Errors: writing never fails. operator[], newest() and the iterators have
// preconditions checked by HEAPLESS_ASSERT; at() raises
// error_kind::out_of_range. A full buffer overwrites its oldest element by
// assignment (push), or by move-assigning a temporary (emplace), so T must be
// assignable; an exception from T leaves the buffer unchanged.
//
// Thread/ISR: no internal synchronisation.
#ifndef HEAPLESS_HISTORY_BUFFER_HPP
#define HEAPLESS_HISTORY_BUFFER_HPP

#include <cstddef>           // std::size_t, std::ptrdiff_t
#include <initializer_list>  // std::initializer_list constructors and append
#include <type_traits>       // traits for emplace's overwrite path
#include <utility>           // std::forward, std::move, std::pair

#include "deque.hpp"            // detail::deque_base: the ring storage and its special members
#include "detail/config.hpp"    // HEAPLESS_CONSTEXPR20, hints
#include "detail/error.hpp"     // detail::raise, HEAPLESS_ASSERT
#include "detail/iterator.hpp"  // std::reverse_iterator, std::distance, std::advance
#include "detail/ring.hpp"      // ring_iterator, ring_span, ring_copy_gate

/// Built with -Os (__OPTIMIZE_SIZE__), a trivially copyable element is
/// written with one store for both states (filling, full), which is less
/// code; elsewhere each state has its own store, which is faster. (The tests
/// set HEAPLESS_DETAIL_HISTORY_BUFFER_COMPACT to run both forms in every
/// build.)
#ifndef HEAPLESS_DETAIL_HISTORY_BUFFER_COMPACT
#if defined(__OPTIMIZE_SIZE__)
#define HEAPLESS_DETAIL_HISTORY_BUFFER_COMPACT 1
#else
#define HEAPLESS_DETAIL_HISTORY_BUFFER_COMPACT 0
#endif
#endif

HEAPLESS_NAMESPACE_BEGIN
namespace detail {
inline constexpr bool history_buffer_compact = HEAPLESS_DETAIL_HISTORY_BUFFER_COMPACT != 0;
}  // namespace detail

/// The last N values written (older ones are overwritten), oldest first.
template <class T, std::size_t N>
class HistoryBuffer : private detail::deque_base<T, N>,
                      private detail::ring_copy_gate<std::is_copy_constructible_v<T>,
                                                     std::is_move_constructible_v<T>> {
  static_assert(std::is_object_v<T> && !std::is_const_v<T> && !std::is_volatile_v<T>,
                "heapless::HistoryBuffer<T, N>: T must be a non-cv object type");
  static_assert(std::is_destructible_v<T>, "heapless::HistoryBuffer<T, N>: T must be destructible");
  static_assert(N > 0, "heapless::HistoryBuffer<T, N>: N must be at least 1");

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
  /// Random access, oldest -> newest; (buffer, logical index) pairs.
  using iterator = detail::ring_iterator<HistoryBuffer, T>;
  /// Const random-access iterator, oldest -> newest.
  using const_iterator = detail::ring_iterator<const HistoryBuffer, const T>;
  /// Reverse iterator, newest -> oldest.
  using reverse_iterator = std::reverse_iterator<iterator>;
  /// Const reverse iterator, newest -> oldest.
  using const_reverse_iterator = std::reverse_iterator<const_iterator>;
  /// A contiguous part of the ring (as_spans, storage).
  using span_type = detail::ring_span<T>;
  /// A contiguous part of the ring, read-only.
  using const_span_type = detail::ring_span<const T>;

  // ---- Construction ----------------------------------------------------------
  /// Empty. constexpr, O(1), writes no element storage.
  constexpr HistoryBuffer() noexcept {}
  /// The last N of [first, last) (all of them if there are at most N).
  template <class InputIt, class = std::enable_if_t<detail::vec_is_input_iterator_v<InputIt>>>
  HEAPLESS_CONSTEXPR20 HistoryBuffer(InputIt first, InputIt last) {
    this->prepare_constant();
    extend(first, last);
  }
  /// The last N of il.
  HEAPLESS_CONSTEXPR20 HistoryBuffer(std::initializer_list<T> il) {
    this->prepare_constant();
    extend(il.begin(), il.end());
  }
  /// Copy/move: element-wise, O(size()); trivial when T is trivially copyable.
  HistoryBuffer(const HistoryBuffer&) = default;
  /// Move constructor (see the copy constructor).
  HistoryBuffer(HistoryBuffer&&) = default;
  /// Copy assignment (see the copy constructor).
  HistoryBuffer& operator=(const HistoryBuffer&) = default;
  /// Move assignment (see the copy constructor).
  HistoryBuffer& operator=(HistoryBuffer&&) = default;
  ~HistoryBuffer() = default;

  // ---- Writing: never fails -------------------------------------------------------
  /// Writes value as the newest element; when full, the oldest is
  /// overwritten by assignment. Returns the new element. O(1).
  HEAPLESS_CONSTEXPR20 reference push(const T& value) { return write(value); }
  /// As push(const T&), moving value (move-assigned over the oldest when full).
  HEAPLESS_CONSTEXPR20 reference push(T&& value) { return write(std::move(value)); }
  /// Constructs the newest element from args; when full, it is built in a
  /// temporary that is move-assigned over the oldest (args may refer to the
  /// oldest; if the constructor throws, nothing changes). O(1).
  template <class... Args>
  HEAPLESS_CONSTEXPR20 reference emplace(Args&&... args) {
    if (this->size() != N) return this->construct_back(std::forward<Args>(args)...);
    T tmp(std::forward<Args>(args)...);  // first: args may refer to the oldest element
    return write(std::move(tmp));
  }
  /// Pushes each of [first, last); only the last N are kept. A forward range
  /// longer than N is not read before its last N elements. O(elements kept).
  template <class InputIt, class = std::enable_if_t<detail::vec_is_input_iterator_v<InputIt>>>
  HEAPLESS_CONSTEXPR20 void extend(InputIt first, InputIt last) {
    if constexpr (detail::vec_is_forward_iterator_v<InputIt>) {
      const auto n = std::distance(first, last);
      if (n > static_cast<difference_type>(N)) std::advance(first, n - static_cast<difference_type>(N));
    }
    for (; first != last; ++first) write(*first);
  }
  /// extend(r.begin(), r.end()) for a range r (span, array, Vec, std::vector...).
  template <class Range>
  HEAPLESS_CONSTEXPR20 auto append(const Range& r) -> decltype(r.begin(), r.end(), void()) {
    extend(r.begin(), r.end());
  }
  /// Pushes each element of il; only the last N are kept.
  HEAPLESS_CONSTEXPR20 void append(std::initializer_list<T> il) { extend(il.begin(), il.end()); }
  /// Makes the buffer full with N copies of value (e.g. a filter's initial state).
  HEAPLESS_CONSTEXPR20 void fill(const T& value) {
    const T copy(value);  // value may be an element
    clear();
    this->append_fill(N, copy);
  }
  /// Destroys every element. O(size()) (O(1) for trivially destructible T).
  HEAPLESS_CONSTEXPR20 void clear() noexcept { this->destroy_all(); }

  // ---- Size --------------------------------------------------------------------
  /// true when size() == 0.
  [[nodiscard]] constexpr bool empty() const noexcept { return size() == 0; }
  /// True once N values have been written: each push now overwrites the oldest.
  [[nodiscard]] constexpr bool full() const noexcept { return size() == N; }
  /// The number of elements (at most N).
  constexpr size_type size() const noexcept { return base_::size(); }
  /// The maximum number of elements (N).
  static constexpr size_type capacity() noexcept { return N; }
  /// Same as capacity().
  static constexpr size_type max_size() noexcept { return N; }

  // ---- Reading -----------------------------------------------------------------
  /// The newest element, nullptr when empty. O(1).
  constexpr pointer recent() noexcept { return empty() ? nullptr : &newest(0); }
  /// As recent(), read-only.
  constexpr const_pointer recent() const noexcept { return empty() ? nullptr : &newest(0); }
  /// The oldest element, nullptr when empty. O(1).
  constexpr pointer oldest() noexcept { return empty() ? nullptr : this->data() + this->head_; }
  /// As oldest(), read-only.
  constexpr const_pointer oldest() const noexcept { return empty() ? nullptr : this->data() + this->head_; }
  /// The k-th newest element (newest(0) is the last written).
  /// Precondition (asserted): k < size().
  constexpr reference newest(size_type k) noexcept {
    HEAPLESS_ASSERT(k < size(), "heapless::HistoryBuffer::newest: fewer than k + 1 elements");
    return this->slot(size() - 1 - k);
  }
  /// As newest(k), read-only. Precondition (asserted): k < size().
  constexpr const_reference newest(size_type k) const noexcept {
    HEAPLESS_ASSERT(k < size(), "heapless::HistoryBuffer::newest: fewer than k + 1 elements");
    return this->slot(size() - 1 - k);
  }
  /// The i-th oldest element (operator[](0) is the oldest; as begin()[i]).
  /// Precondition (asserted): i < size().
  constexpr reference operator[](size_type i) noexcept {
    HEAPLESS_ASSERT(i < size(), "heapless::HistoryBuffer::operator[]: index out of range");
    return this->slot(i);
  }
  /// As operator[](i), read-only. Precondition (asserted): i < size().
  constexpr const_reference operator[](size_type i) const noexcept {
    HEAPLESS_ASSERT(i < size(), "heapless::HistoryBuffer::operator[]: index out of range");
    return this->slot(i);
  }
  /// As operator[]; raises out_of_range if i >= size().
  constexpr reference at(size_type i) {
    if (HEAPLESS_UNLIKELY(i >= size())) out_of_range();
    return this->slot(i);
  }
  /// As at(i), read-only; raises out_of_range if i >= size().
  constexpr const_reference at(size_type i) const {
    if (HEAPLESS_UNLIKELY(i >= size())) out_of_range();
    return this->slot(i);
  }

  /// Iterator to the oldest element.
  constexpr iterator begin() noexcept { return iterator(this, 0); }
  /// Const iterator to the oldest element.
  constexpr const_iterator begin() const noexcept { return const_iterator(this, 0); }
  /// Iterator past the newest element.
  constexpr iterator end() noexcept { return iterator(this, size()); }
  /// Const iterator past the newest element.
  constexpr const_iterator end() const noexcept { return const_iterator(this, size()); }
  /// Reverse iterator to the newest element.
  constexpr reverse_iterator rbegin() noexcept { return reverse_iterator(end()); }
  /// Const reverse iterator to the newest element.
  constexpr const_reverse_iterator rbegin() const noexcept { return const_reverse_iterator(end()); }
  /// Reverse iterator before the oldest element.
  constexpr reverse_iterator rend() noexcept { return reverse_iterator(begin()); }
  /// Const reverse iterator before the oldest element.
  constexpr const_reverse_iterator rend() const noexcept { return const_reverse_iterator(begin()); }
  /// Same as begin() const.
  constexpr const_iterator cbegin() const noexcept { return begin(); }
  /// Same as end() const.
  constexpr const_iterator cend() const noexcept { return end(); }

  /// The elements in order as two contiguous parts, oldest part first (the
  /// second is empty until the buffer has wrapped). O(1).
  constexpr std::pair<span_type, span_type> as_spans() noexcept {
    const std::size_t h = this->head_;
    return {span_type(this->data() + h, size() - h), span_type(this->data(), h)};
  }
  /// As as_spans(), read-only.
  constexpr std::pair<const_span_type, const_span_type> as_spans() const noexcept {
    const std::size_t h = this->head_;
    return {const_span_type(this->data() + h, size() - h), const_span_type(this->data(), h)};
  }
  /// Every element, in storage order rather than age order: for reductions
  /// that do not care (sum, min, max). One contiguous span. O(1).
  constexpr span_type storage() noexcept { return span_type(this->data(), size()); }
  /// As storage(), read-only.
  constexpr const_span_type storage() const noexcept { return const_span_type(this->data(), size()); }
  /// Once full(), all N elements as an array, in storage order: a loop over
  /// it has a trip count known at compile time, so a filter's reduction
  /// unrolls like one over a plain T[N]. Precondition (asserted): full().
  constexpr T (&full_storage() noexcept)[N] {
    HEAPLESS_ASSERT(full(), "heapless::HistoryBuffer::full_storage: not full");
    return this->storage_.data_;
  }
  /// As full_storage(), read-only. Precondition (asserted): full().
  constexpr const T (&full_storage() const noexcept)[N] {
    HEAPLESS_ASSERT(full(), "heapless::HistoryBuffer::full_storage: not full");
    return this->storage_.data_;
  }

  /// Equal when both hold equal elements in the same age order.
  friend constexpr bool operator==(const HistoryBuffer& a, const HistoryBuffer& b) {
    if (a.size() != b.size()) return false;
    for (size_type k = 0; k != a.size(); ++k) {
      if (!(a.slot(k) == b.slot(k))) return false;
    }
    return true;
  }
#if !HEAPLESS_HAS_THREE_WAY
  friend constexpr bool operator!=(const HistoryBuffer& a, const HistoryBuffer& b) { return !(a == b); }
#endif

 private:
  using base_ = detail::deque_core<T, N>;

  // The ring keeps head_ == 0 until it is full (only writes and clear change
  // it), so storage() is [0, size()) and as_spans() is [head_, size()) + [0, head_).
  template <class U>
  HEAPLESS_CONSTEXPR20 reference write(U&& value) {
    // Full (the steady state): one store over the oldest and the oldest
    // index moves on; while filling, construct at the back.
    const std::size_t len0 = this->size();
    if constexpr (detail::history_buffer_compact && std::is_trivially_copyable_v<T> &&
                  std::is_trivially_destructible_v<T>) {
      // One element store for both states: the slot after the newest is
      // head_ + len0 (head_ is 0 while filling; once full it is the oldest,
      // over which a trivially destructible T is simply built). The copy
      // first: value may be the oldest element.
      const T v(std::forward<U>(value));
      const std::size_t h = this->head_;
      T& e = this->storage_.construct(base_::math::add(h, len0), v);
      if (len0 != N) this->len_ = static_cast<typename base_::index_type>(len0 + 1);
      else this->head_ = static_cast<typename base_::index_type>(base_::math::add(h, 1));
      return e;
    } else {
      if (len0 != N) {  // filling: head_ is 0, so the back slot is len0
        T& e = this->storage_.construct(len0, std::forward<U>(value));
        this->len_ = static_cast<typename base_::index_type>(len0 + 1);
        return e;
      }
      const std::size_t h = this->head_;
      T& slot = this->data()[h];
      slot = std::forward<U>(value);
      this->head_ = static_cast<typename base_::index_type>(base_::math::add(h, 1));
      return slot;
    }
  }
  [[noreturn]] static void out_of_range() {
    detail::raise(error_kind::out_of_range, "heapless::HistoryBuffer::at: index out of range");
  }
};

HEAPLESS_NAMESPACE_END

#endif  // HEAPLESS_HISTORY_BUFFER_HPP
