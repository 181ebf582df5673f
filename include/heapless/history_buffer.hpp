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
//
// HistoryBufferRef<T> (end of this header) is a capacity-erased handle to a
// HistoryBuffer<T, N> of any N (one pointer and N); HistoryBufferRef<const T>
// is its read-only form (docs/history_buffer.md). Both run the same
// algorithms (detail::history_algo over detail/ring.hpp).
#ifndef HEAPLESS_HISTORY_BUFFER_HPP
#define HEAPLESS_HISTORY_BUFFER_HPP

#include <cstddef>           // std::size_t, std::ptrdiff_t
#include <initializer_list>  // std::initializer_list constructors and append
#include <type_traits>       // traits for emplace's overwrite path
#include <utility>           // std::forward, std::move, std::pair

#include <heapless/detail/config.hpp>    // HEAPLESS_CONSTEXPR20, hints
#include <heapless/detail/error.hpp>     // detail::raise, HEAPLESS_ASSERT
#include <heapless/detail/iterator.hpp>  // std::reverse_iterator, std::distance, std::advance
#include <heapless/detail/ring.hpp>      // ring_base, ring_algo, ring_ref_core, ring_iterator, ring_span
#include <heapless/detail/storage.hpp>   // detail::copy_gate
#include <heapless/vec.hpp>              // iterator classification (shared with Vec)

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

// ---- HistoryBuffer's algorithms: one definition for HistoryBuffer and
// HistoryBufferRef (the core is ring_core<T, N> or const ring_ref_core<T>).
// The ring keeps its head at slot 0 until it is full (only writes and clear
// change it), so the elements are [0, len) while filling.
template <class T>
struct history_algo : ring_algo<T> {
  using base = ring_algo<T>;
  using size_type = std::size_t;

  /// Writes value as the newest element; when full, over the oldest.
  template <class C, class U>
  static HEAPLESS_CONSTEXPR20 T& write(C& c, U&& value) {
    // Full (the steady state): one store over the oldest and the oldest
    // index moves on; while filling, construct at the back.
    const size_type len0 = c.size();
    if constexpr (history_buffer_compact && std::is_trivially_copyable_v<T> && std::is_trivially_destructible_v<T>) {
      // One element store for both states: the slot after the newest is
      // head + len0 (the head is 0 while filling; once full it is the
      // oldest, over which a trivially destructible T is simply built). The
      // copy first: value may be the oldest element.
      const T v(std::forward<U>(value));
      const size_type h = c.head();
      T& e = c.construct_in_place(c.add(h, len0), v);
      if (len0 != c.cap()) c.set_size(len0 + 1);
      else c.set_head(c.next(h));
      return e;
    } else {
      if (len0 != c.cap()) {  // filling: the head is 0, so the back slot is len0
        T& e = c.construct_in_place(len0, std::forward<U>(value));
        c.set_size(len0 + 1);
        return e;
      }
      const size_type h = c.head();
      T& slot = c.element(h);
      slot = std::forward<U>(value);
      c.set_head(c.next(h));
      return slot;
    }
  }
  template <class C, class... Args>
  static HEAPLESS_CONSTEXPR20 T& emplace(C& c, Args&&... args) {
    if (c.size() != c.cap()) return base::construct_back(c, std::forward<Args>(args)...);
    T tmp(std::forward<Args>(args)...);  // first: args may refer to the oldest element
    return write(c, std::move(tmp));
  }
  /// Pushes each of [first, last); only the last cap() are kept.
  template <class C, class InputIt>
  static HEAPLESS_CONSTEXPR20 void extend(C& c, InputIt first, InputIt last) {
    if constexpr (vec_is_forward_iterator_v<InputIt>) {
      using diff = typename std::iterator_traits<InputIt>::difference_type;
      const diff n = std::distance(first, last);
      const diff cap = static_cast<diff>(c.cap());
      if (n > cap) std::advance(first, n - cap);
    }
    for (; first != last; ++first) write(c, *first);
  }
  template <class C>
  static HEAPLESS_CONSTEXPR20 void fill(C& c, const T& value) {
    const T copy(value);  // value may be an element
    base::destroy_all(c);
    base::append_fill(c, c.cap(), copy);
  }
  /// as_spans() for span type S: [head, len) and [0, head), since the head
  /// stays at slot 0 until the buffer is full (then len == cap).
  template <class S, class C>
  static constexpr std::pair<S, S> as_spans(C& c) noexcept {
    const size_type h = c.head();
    return {S(c.data() + h, c.size() - h), S(c.data(), h)};
  }
  /// The k-th newest element (k < size()).
  template <class C>
  static constexpr auto& newest(C& c, size_type k) noexcept {
    return base::slot(c, c.size() - 1 - k);
  }
};
}  // namespace detail

template <class T>
class HistoryBufferRef;

/// The last N values written (older ones are overwritten), oldest first.
template <class T, std::size_t N>
class HistoryBuffer : private detail::ring_base<T, N>,
                      private detail::copy_gate<std::is_copy_constructible_v<T>,
                                                     std::is_move_constructible_v<T>> {
  static_assert(std::is_object_v<T> && !std::is_const_v<T> && !std::is_volatile_v<T>,
                "heapless::HistoryBuffer<T, N>: T must be a non-cv object type");
  static_assert(std::is_destructible_v<T>, "heapless::HistoryBuffer<T, N>: T must be destructible");
  static_assert(N > 0, "heapless::HistoryBuffer<T, N>: N must be at least 1");

  using core_type = detail::ring_core<T, N>;
  using algo = detail::history_algo<T>;

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
  using iterator = detail::ring_iterator<HistoryBuffer*, T>;
  /// Const random-access iterator, oldest -> newest.
  using const_iterator = detail::ring_iterator<const HistoryBuffer*, const T>;
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
  /// Destroys the elements; trivial when T's destructor is.
  ~HistoryBuffer() = default;

  // ---- Writing: never fails -------------------------------------------------------
  /// Writes value as the newest element; when full, the oldest is
  /// overwritten by assignment. Returns the new element. O(1).
  HEAPLESS_CONSTEXPR20 reference push(const T& value) { return algo::write(core_(), value); }
  /// As push(const T&), moving value (move-assigned over the oldest when full).
  HEAPLESS_CONSTEXPR20 reference push(T&& value) { return algo::write(core_(), std::move(value)); }
  /// Constructs the newest element from args; when full, it is built in a
  /// temporary that is move-assigned over the oldest (args may refer to the
  /// oldest; if the constructor throws, nothing changes). O(1).
  template <class... Args>
  HEAPLESS_CONSTEXPR20 reference emplace(Args&&... args) {
    return algo::emplace(core_(), std::forward<Args>(args)...);
  }
  /// Pushes each of [first, last); only the last N are kept. A forward range
  /// longer than N is not read before its last N elements. O(elements kept).
  template <class InputIt, class = std::enable_if_t<detail::vec_is_input_iterator_v<InputIt>>>
  HEAPLESS_CONSTEXPR20 void extend(InputIt first, InputIt last) {
    algo::extend(core_(), first, last);
  }
  /// extend(r.begin(), r.end()) for a range r (span, array, Vec, std::vector...).
  template <class Range>
  HEAPLESS_CONSTEXPR20 auto append(const Range& r) -> decltype(r.begin(), r.end(), void()) {
    extend(r.begin(), r.end());
  }
  /// Pushes each element of il; only the last N are kept.
  HEAPLESS_CONSTEXPR20 void append(std::initializer_list<T> il) { extend(il.begin(), il.end()); }
  /// extend(a, a + M) for a built-in array (`float block[32]; h.append(block);`).
  template <std::size_t M>
  HEAPLESS_CONSTEXPR20 void append(const T (&a)[M]) {
    extend(a, a + M);
  }
  /// Makes the buffer full with N copies of value (e.g. a filter's initial state).
  HEAPLESS_CONSTEXPR20 void fill(const T& value) {
    algo::fill(core_(), value);
  }
  /// Destroys every element. O(size()) (O(1) for trivially destructible T).
  HEAPLESS_CONSTEXPR20 void clear() noexcept { algo::destroy_all(core_()); }

  // ---- Size --------------------------------------------------------------------
  /// true when size() == 0.
  [[nodiscard]] constexpr bool empty() const noexcept { return size() == 0; }
  /// True once N values have been written: each push now overwrites the oldest.
  [[nodiscard]] constexpr bool full() const noexcept { return size() == N; }
  /// The number of elements (at most N).
  constexpr size_type size() const noexcept { return core_type::size(); }
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
  constexpr pointer oldest() noexcept { return empty() ? nullptr : this->data() + this->head(); }
  /// As oldest(), read-only.
  constexpr const_pointer oldest() const noexcept { return empty() ? nullptr : this->data() + this->head(); }
  /// The k-th newest element (newest(0) is the last written).
  /// Precondition (asserted): k < size().
  constexpr reference newest(size_type k) noexcept {
    HEAPLESS_ASSERT(k < size(), "heapless::HistoryBuffer::newest: fewer than k + 1 elements");
    return algo::newest(core_(), k);
  }
  /// As newest(k), read-only. Precondition (asserted): k < size().
  constexpr const_reference newest(size_type k) const noexcept {
    HEAPLESS_ASSERT(k < size(), "heapless::HistoryBuffer::newest: fewer than k + 1 elements");
    return algo::newest(core_(), k);
  }
  /// The i-th oldest element (operator[](0) is the oldest; as begin()[i]).
  /// Precondition (asserted): i < size().
  constexpr reference operator[](size_type i) noexcept {
    HEAPLESS_ASSERT(i < size(), "heapless::HistoryBuffer::operator[]: index out of range");
    return algo::slot(core_(), i);
  }
  /// As operator[](i), read-only. Precondition (asserted): i < size().
  constexpr const_reference operator[](size_type i) const noexcept {
    HEAPLESS_ASSERT(i < size(), "heapless::HistoryBuffer::operator[]: index out of range");
    return algo::slot(core_(), i);
  }
  /// As operator[]; raises out_of_range if i >= size().
  constexpr reference at(size_type i) {
    if (HEAPLESS_UNLIKELY(i >= size())) out_of_range();
    return algo::slot(core_(), i);
  }
  /// As at(i), read-only; raises out_of_range if i >= size().
  constexpr const_reference at(size_type i) const {
    if (HEAPLESS_UNLIKELY(i >= size())) out_of_range();
    return algo::slot(core_(), i);
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
  /// Same as rbegin() const: the newest element.
  constexpr const_reverse_iterator crbegin() const noexcept { return rbegin(); }
  /// Same as rend() const.
  constexpr const_reverse_iterator crend() const noexcept { return rend(); }

  /// The elements in order as two contiguous parts, oldest part first (the
  /// second is empty until the buffer has wrapped). O(1).
  constexpr std::pair<span_type, span_type> as_spans() noexcept {
    return algo::template as_spans<span_type>(core_());
  }
  /// As as_spans(), read-only.
  constexpr std::pair<const_span_type, const_span_type> as_spans() const noexcept {
    return algo::template as_spans<const_span_type>(core_());
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
    return algo::equal(a.core_(), b.core_());
  }
#if !HEAPLESS_HAS_THREE_WAY
  /// True unless a == b.
  friend constexpr bool operator!=(const HistoryBuffer& a, const HistoryBuffer& b) { return !(a == b); }
#endif

 private:
  template <class U>
  friend class HistoryBufferRef;

  /// The storage core every algorithm takes (detail::history_algo).
  constexpr core_type& core_() noexcept { return *this; }
  constexpr const core_type& core_() const noexcept { return *this; }
  [[noreturn]] static void out_of_range() {
    detail::raise(error_kind::out_of_range, "heapless::HistoryBuffer::at: index out of range");
  }
};

// ---- Capacity erasure: HistoryBufferRef<T> -------------------------------------------
/// A non-owning handle to a HistoryBuffer<T, N> of any capacity N (power of
/// two or not): one non-template function can feed or read buffers of every
/// size (`void log_samples(HistoryBufferRef<const float> h)`). Built on
/// demand (implicit), it is one pointer and the capacity; valid while the
/// buffer lives and is not moved. It has HistoryBuffer's whole API with the
/// same semantics and complexity: each member runs the algorithm
/// HistoryBuffer's member runs (detail::history_algo); full_storage()
/// returns a span, the capacity being known at run time only.
///
/// HistoryBufferRef<const T> is the read-only view: it converts from a const
/// HistoryBuffer<T, N>, a HistoryBuffer<T, N> and a HistoryBufferRef<T>, and
/// offers the reading members only. Members are const: constness of the
/// handle is not constness of the buffer. Iterators hold (elements,
/// capacity, index) and outlive the view object.
template <class T>
class HistoryBufferRef {
  using element_type = std::remove_const_t<T>;
  using algo = detail::history_algo<element_type>;
  using core_type = detail::ring_ref_core<T>;

 public:
  /// Element type (without const).
  using value_type = element_type;
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
  /// Read-only pointer to an element.
  using const_pointer = const T*;
  /// Random access, oldest -> newest (a logical index, as HistoryBuffer's).
  using iterator = detail::ring_iterator<detail::ring_ref_core<T>, T>;
  /// Read-only random-access iterator, oldest -> newest.
  using const_iterator = detail::ring_iterator<detail::ring_ref_core<const T>, const T>;
  /// Reverse iterator, newest -> oldest.
  using reverse_iterator = std::reverse_iterator<iterator>;
  /// Read-only reverse iterator, newest -> oldest.
  using const_reverse_iterator = std::reverse_iterator<const_iterator>;
  /// A contiguous part of the ring (as_spans, storage, full_storage).
  using span_type = detail::ring_span<T>;
  /// A contiguous part of the ring, read-only.
  using const_span_type = detail::ring_span<const T>;

  /// Refers to h (implicit, so a HistoryBuffer<T, N>& converts at a call).
  template <std::size_t N>
  HistoryBufferRef(HistoryBuffer<element_type, N>& h) noexcept  // NOLINT: implicit on purpose
      : core_(make(h)) {}
  /// Read-only view of a const HistoryBuffer (HistoryBufferRef<const T> only).
  template <std::size_t N, class U = T, std::enable_if_t<std::is_const_v<U>, int> = 0>
  HistoryBufferRef(const HistoryBuffer<element_type, N>& h) noexcept  // NOLINT: implicit on purpose
      : core_(make(h)) {}
  /// A HistoryBufferRef<T> converts to the read-only HistoryBufferRef<const T>.
  template <class U = T, std::enable_if_t<std::is_const_v<U>, int> = 0>
  HistoryBufferRef(const HistoryBufferRef<element_type>& other) noexcept  // NOLINT: implicit on purpose
      : core_(other.core_) {}

  // ---- Writing: never fails ---------------------------------------------------------
  /// As HistoryBuffer::push: writes value as the newest element (over the oldest when full). O(1).
  reference push(const element_type& value) const { return algo::write(core_, value); }
  /// As push(const T&), moving value.
  reference push(element_type&& value) const { return algo::write(core_, std::move(value)); }
  /// As HistoryBuffer::emplace. O(1).
  template <class... Args>
  reference emplace(Args&&... args) const {
    return algo::emplace(core_, std::forward<Args>(args)...);
  }
  /// As HistoryBuffer::extend: pushes each of [first, last); only the last capacity() are kept.
  template <class InputIt, class = std::enable_if_t<detail::vec_is_input_iterator_v<InputIt>>>
  void extend(InputIt first, InputIt last) const {
    algo::extend(core_, first, last);
  }
  /// extend(r.begin(), r.end()) for a range r.
  template <class Range>
  auto append(const Range& r) const -> decltype(r.begin(), r.end(), void()) {
    algo::extend(core_, r.begin(), r.end());
  }
  /// Pushes each element of il; only the last capacity() are kept.
  void append(std::initializer_list<element_type> il) const { algo::extend(core_, il.begin(), il.end()); }
  /// extend(a, a + M) for a built-in array.
  template <std::size_t M>
  void append(const element_type (&a)[M]) const {
    algo::extend(core_, a, a + M);
  }
  /// Makes the buffer full with capacity() copies of value.
  void fill(const element_type& value) const { algo::fill(core_, value); }
  /// Destroys every element.
  void clear() const noexcept { algo::destroy_all(core_); }

  // ---- Size ----------------------------------------------------------------------------
  /// true when size() == 0.
  [[nodiscard]] bool empty() const noexcept { return size() == 0; }
  /// True once capacity() values have been written.
  [[nodiscard]] bool full() const noexcept { return size() == capacity(); }
  /// The number of elements.
  size_type size() const noexcept { return core_.size(); }
  /// The buffer's N.
  size_type capacity() const noexcept { return core_.cap(); }
  /// Same as capacity().
  size_type max_size() const noexcept { return core_.cap(); }

  // ---- Reading -----------------------------------------------------------------------------
  /// The newest element, nullptr when empty. O(1).
  pointer recent() const noexcept { return empty() ? nullptr : &algo::newest(core_, 0); }
  /// The oldest element, nullptr when empty. O(1).
  pointer oldest() const noexcept { return empty() ? nullptr : core_.data() + core_.head(); }
  /// The k-th newest element (newest(0) is the last written). Precondition (asserted): k < size().
  reference newest(size_type k) const noexcept {
    HEAPLESS_ASSERT(k < size(), "heapless::HistoryBufferRef::newest: fewer than k + 1 elements");
    return algo::newest(core_, k);
  }
  /// The i-th oldest element. Precondition (asserted): i < size().
  reference operator[](size_type i) const noexcept {
    HEAPLESS_ASSERT(i < size(), "heapless::HistoryBufferRef::operator[]: index out of range");
    return algo::slot(core_, i);
  }
  /// As operator[]; raises out_of_range if i >= size().
  reference at(size_type i) const {
    if (HEAPLESS_UNLIKELY(i >= size())) {
      detail::raise(error_kind::out_of_range, "heapless::HistoryBufferRef::at: index out of range");
    }
    return algo::slot(core_, i);
  }
  /// Iterator to the oldest element.
  iterator begin() const noexcept { return iterator(core_, 0); }
  /// Iterator past the newest element.
  iterator end() const noexcept { return iterator(core_, size()); }
  /// Reverse iterator to the newest element.
  reverse_iterator rbegin() const noexcept { return reverse_iterator(end()); }
  /// Reverse iterator before the oldest element.
  reverse_iterator rend() const noexcept { return reverse_iterator(begin()); }
  /// Read-only begin().
  const_iterator cbegin() const noexcept { return begin(); }
  /// Read-only end().
  const_iterator cend() const noexcept { return end(); }
  /// Read-only rbegin(): the newest element.
  const_reverse_iterator crbegin() const noexcept { return const_reverse_iterator(cend()); }
  /// Read-only rend().
  const_reverse_iterator crend() const noexcept { return const_reverse_iterator(cbegin()); }
  /// As HistoryBuffer::as_spans: oldest part first. O(1).
  std::pair<span_type, span_type> as_spans() const noexcept { return algo::template as_spans<span_type>(core_); }
  /// Every element in storage order (for order-blind reductions). O(1).
  span_type storage() const noexcept { return span_type(core_.data(), size()); }
  /// Once full(), all capacity() elements in storage order. Precondition (asserted): full().
  span_type full_storage() const noexcept {
    HEAPLESS_ASSERT(full(), "heapless::HistoryBufferRef::full_storage: not full");
    return span_type(core_.data(), capacity());
  }

  /// Equal when both hold equal elements in the same age order.
  friend bool operator==(const HistoryBufferRef& a, const HistoryBufferRef& b) {
    return algo::equal(a.core_, b.core_);
  }
#if !HEAPLESS_HAS_THREE_WAY
  /// True unless a == b.
  friend bool operator!=(const HistoryBufferRef& a, const HistoryBufferRef& b) { return !(a == b); }
#endif

 private:
  template <class U>
  friend class HistoryBufferRef;

  template <class H>
  static core_type make(H& h) noexcept {
    constexpr std::size_t n = std::remove_const_t<H>::capacity();
    static_assert(n <= 0xFFFFFFFFu, "heapless::HistoryBufferRef: a view covers capacities below 2^32");
    static_assert(core_type::template matches<n>(), "heapless::HistoryBufferRef: index layout");
    auto& c = h.core_();
    const core_type r(c.data(), n);
    HEAPLESS_ASSERT(static_cast<const void*>(r.template indices<typename detail::ring_core<element_type, n>::index_type>()) ==
                        static_cast<const void*>(&c.head_),
                    "heapless::HistoryBufferRef: index layout");
    return r;
  }

  core_type core_;
};

HEAPLESS_NAMESPACE_END

#endif  // HEAPLESS_HISTORY_BUFFER_HPP
