// SPDX-License-Identifier: BSL-1.0
// heapless/binary_heap.hpp - BinaryHeap<T, N, Compare>: a priority queue of at
// most N elements stored inside the object (std::priority_queue's API, plus
// the fallible and by-value forms a fixed capacity needs).
//
//   heapless::max_heap<int, 16> h = {3, 1, 4};  // heapify: O(n)
//   h.push(5);                                  // std::bad_alloc / handler when full
//   if (!h.try_push(9)) { /*full*/ }            // false when full, nothing moved
//   int top = h.top();                          // 9: the largest (Compare = std::less)
//   std::optional<int> t = h.try_pop();         // 9; empty optional when empty
//   { auto m = h.top_mut(); *m = 0; }           // re-sifted when m goes out of scope
//   heapless::Vec<int, 16> s = std::move(h).into_sorted();  // {0, 1, 3, 4}
//
// Memory: exactly a Vec<T, N> (the elements in heap order, then the length in
// the smallest unsigned type that holds N); an empty Compare (std::less,
// std::greater, a lambda type without captures) takes no space:
// sizeof(BinaryHeap<int, 1024>) == sizeof(Vec<int, 1024>) == 4100. No heap, no
// pointer into the object: a heap of a trivially copyable T with a trivially
// copyable Compare is trivially copyable (memcpy/DMA-able).
//
// Complexity: push/emplace/pop/replace_top O(log n) (hole-based sifts, pop
// descends to a leaf first: the algorithms of std::push_heap / pop_heap);
// top, size O(1); construction from a range O(n); into_sorted O(n log n) in
// place; default construction O(1) and constexpr.
//
// Errors (docs/binary_heap.md): push/emplace on a full heap raise
// error_kind::bad_alloc (std::bad_alloc with exceptions, the handler
// otherwise), as do the range constructors given more than N elements;
// try_push/try_emplace return false and change nothing, try_pop returns an
// empty optional; unchecked_* forms and the std preconditions (top, pop,
// replace_top, top_mut on an empty heap) are checked by HEAPLESS_ASSERT.
// If a move of T throws while sifting, every element stays alive and is
// destroyed exactly once, but the order of the heap is unspecified (as for
// std::priority_queue); clear() it.
//
// Thread/ISR: no internal synchronisation; a BinaryHeap is a plain value.
#ifndef HEAPLESS_BINARY_HEAP_HPP
#define HEAPLESS_BINARY_HEAP_HPP

#include <cstddef>           // std::size_t
#include <initializer_list>  // std::initializer_list constructor
#include <optional>          // std::optional: try_pop()
#include <type_traits>       // noexcept conditions
#include <utility>           // std::move, std::forward, std::swap

#include "detail/compare.hpp"  // detail::compare_holder, std::less, std::greater
#include "detail/config.hpp"   // HEAPLESS_CONSTEXPR20, hints
#include "detail/error.hpp"   // detail::raise, HEAPLESS_ASSERT
#include "vec.hpp"            // Vec<T, N>: the storage, and into_sorted()'s result

HEAPLESS_NAMESPACE_BEGIN
namespace detail {

/// Built for size (-Os, -Oz): the sifts take their shortest forms (a
/// top-down sift, a one-loop push), which cost more comparisons but less
/// code; elsewhere the faster bottom-up forms. (The tests set
/// HEAPLESS_DETAIL_BINARY_HEAP_COMPACT to run both forms in every build.)
#ifndef HEAPLESS_DETAIL_BINARY_HEAP_COMPACT
#if defined(__OPTIMIZE_SIZE__)
#define HEAPLESS_DETAIL_BINARY_HEAP_COMPACT 1
#else
#define HEAPLESS_DETAIL_BINARY_HEAP_COMPACT 0
#endif
#endif
inline constexpr bool binary_heap_compact = HEAPLESS_DETAIL_BINARY_HEAP_COMPACT != 0;

/// as_span(): the elements in storage (heap) order, read-only.
template <class T>
class binary_heap_span {
 public:
  using value_type = T;
  using iterator = const T*;
  using size_type = std::size_t;
  constexpr binary_heap_span(const T* p, std::size_t n) noexcept : p_(p), n_(n) {}
  constexpr const T* begin() const noexcept { return p_; }
  constexpr const T* end() const noexcept { return p_ + n_; }
  constexpr const T* data() const noexcept { return p_; }
  constexpr std::size_t size() const noexcept { return n_; }
  constexpr bool empty() const noexcept { return n_ == 0; }
  /// Precondition (asserted): i < size().
  constexpr const T& operator[](std::size_t i) const noexcept {
    HEAPLESS_ASSERT(i < n_, "heapless::BinaryHeap::as_span: index out of range");
    return p_[i];
  }

 private:
  const T* p_;
  std::size_t n_;
};

}  // namespace detail

/// A priority queue of at most N elements: top() is an element x for which
/// comp(x, y) is false for every other y (the largest for std::less).
template <class T, std::size_t N, class Compare = std::less<T>>
class BinaryHeap : private detail::compare_holder<Compare> {
  using compare_base_ = detail::compare_holder<Compare>;

 public:
  /// Element type.
  using value_type = T;
  /// The comparison that orders the elements by priority.
  using value_compare = Compare;
  /// The underlying storage type.
  using container_type = Vec<T, N>;
  /// Size type.
  using size_type = std::size_t;
  /// Difference type.
  using difference_type = std::ptrdiff_t;
  /// Reference to an element.
  using reference = T&;
  /// Const reference to an element.
  using const_reference = const T&;
  /// Iteration visits the elements in storage order, not priority order.
  using const_iterator = const T*;
  /// Same as const_iterator: elements cannot be modified in place.
  using iterator = const T*;
  /// Read-only view of the elements in storage order (as_span()).
  using span_type = detail::binary_heap_span<T>;

  // ---- Construction --------------------------------------------------------
  /// Empty. constexpr, O(1), writes no element storage.
  constexpr BinaryHeap() noexcept(std::is_nothrow_default_constructible_v<Compare>) {}
  /// Empty, ordered by comp. O(1).
  constexpr explicit BinaryHeap(const Compare& comp) noexcept(std::is_nothrow_copy_constructible_v<Compare>)
      : compare_base_(comp) {}
  /// The elements of [first, last), heapified in O(n). Raises bad_alloc if
  /// there are more than N.
  template <class InputIt, class = std::enable_if_t<detail::vec_is_input_iterator_v<InputIt>>>
  HEAPLESS_CONSTEXPR20 BinaryHeap(InputIt first, InputIt last, const Compare& comp = Compare())
      : compare_base_(comp), v_(first, last) {
    make_heap_();
  }
  /// The elements of il, heapified in O(n). Raises bad_alloc if il.size() > N.
  HEAPLESS_CONSTEXPR20 BinaryHeap(std::initializer_list<T> il, const Compare& comp = Compare())
      : compare_base_(comp), v_(il) {
    make_heap_();
  }
  /// Takes the elements of v (any order) and heapifies them in O(n).
  HEAPLESS_CONSTEXPR20 explicit BinaryHeap(Vec<T, N> v, const Compare& comp = Compare())
      : compare_base_(comp), v_(std::move(v)) {
    make_heap_();
  }

  /// Copy/move: those of Vec<T, N> (trivial when T's and Compare's are). A
  /// moved-from heap holds moved-from elements; clear() it before reuse.
  BinaryHeap(const BinaryHeap&) = default;
  /// Move constructor (see the copy constructor).
  BinaryHeap(BinaryHeap&&) = default;
  /// Copy assignment (see the copy constructor).
  BinaryHeap& operator=(const BinaryHeap&) = default;
  /// Move assignment (see the copy constructor).
  BinaryHeap& operator=(BinaryHeap&&) = default;
  ~BinaryHeap() = default;

  // ---- Capacity --------------------------------------------------------------
  /// true when size() == 0.
  [[nodiscard]] constexpr bool empty() const noexcept { return v_.empty(); }
  /// True when size() == N: the next push would raise.
  [[nodiscard]] constexpr bool full() const noexcept { return v_.full(); }
  /// The number of elements.
  constexpr size_type size() const noexcept { return v_.size(); }
  /// The maximum number of elements (N).
  static constexpr size_type capacity() noexcept { return N; }
  /// Same as capacity().
  static constexpr size_type max_size() noexcept { return N; }

  // ---- Element access --------------------------------------------------------
  /// The highest-priority element. Precondition (asserted): !empty(). O(1).
  constexpr const_reference top() const noexcept {
    HEAPLESS_ASSERT(!empty(), "heapless::BinaryHeap::top: empty");
    return v_.data()[0];
  }

  /// Mutable access to top(): the handle's destructor moves the element to
  /// its place again (O(log n); nothing moves if it still has priority).
  class top_handle {
   public:
    top_handle(const top_handle&) = delete;
    top_handle& operator=(const top_handle&) = delete;
    /// Takes o's pending re-sift; o does nothing on destruction.
    HEAPLESS_CONSTEXPR20 top_handle(top_handle&& o) noexcept : heap_(o.heap_) { o.heap_ = nullptr; }
    top_handle& operator=(top_handle&&) = delete;
    HEAPLESS_CONSTEXPR20 ~top_handle() {
      if (heap_ != nullptr) heap_->restore_top_();
    }
    /// The top element. Changing its priority is allowed: the destructor re-sifts it.
    constexpr T& operator*() const noexcept { return heap_->v_.data()[0]; }
    /// Pointer to the top element (see operator*).
    constexpr T* operator->() const noexcept { return heap_->v_.data(); }
    /// Removes the element (no re-sift) and returns it; the handle is spent.
    HEAPLESS_CONSTEXPR20 T pop() {
      BinaryHeap* h = heap_;
      heap_ = nullptr;
      T out(std::move(h->v_.data()[0]));
      h->pop();
      return out;
    }

   private:
    friend class BinaryHeap;
    constexpr explicit top_handle(BinaryHeap* h) noexcept : heap_(h) {}
    BinaryHeap* heap_;
  };
  /// Precondition (asserted): !empty(). See top_handle.
  [[nodiscard]] HEAPLESS_CONSTEXPR20 top_handle top_mut() noexcept {
    HEAPLESS_ASSERT(!empty(), "heapless::BinaryHeap::top_mut: empty");
    return top_handle(this);
  }

  // ---- Unordered iteration -----------------------------------------------------
  /// The elements in storage order (top() first, the rest in no useful order).
  constexpr const_iterator begin() const noexcept { return v_.data(); }
  /// End of the storage-order range (see begin()).
  constexpr const_iterator end() const noexcept { return v_.data() + v_.size(); }
  /// Same as begin().
  constexpr const_iterator cbegin() const noexcept { return begin(); }
  /// Same as end().
  constexpr const_iterator cend() const noexcept { return end(); }
  /// The elements in storage order (top() first); size() of them.
  constexpr const T* data() const noexcept { return v_.data(); }
  /// The elements as a span, in storage order.
  constexpr span_type as_span() const noexcept { return span_type(v_.data(), v_.size()); }

  // ---- Insertion -------------------------------------------------------------
  /// Raises bad_alloc if full (value untouched). O(log n).
  HEAPLESS_CONSTEXPR20 void push(const T& value) { emplace(value); }
  /// As push(const T&), moving value.
  HEAPLESS_CONSTEXPR20 void push(T&& value) {
    if (HEAPLESS_UNLIKELY(full())) capacity_exceeded();
    insert_(std::move(value));
  }
  /// Constructs an element from args and inserts it. Raises bad_alloc if full.
  template <class... Args>
  HEAPLESS_CONSTEXPR20 void emplace(Args&&... args) {
    if (HEAPLESS_UNLIKELY(full())) capacity_exceeded();
    T tmp(std::forward<Args>(args)...);  // args may refer to an element
    insert_(std::move(tmp));
  }

  /// As push, but returns false when full (value is then not moved from).
  [[nodiscard]] HEAPLESS_CONSTEXPR20 bool try_push(const T& value) { return try_emplace(value); }
  /// As try_push(const T&), moving value.
  [[nodiscard]] HEAPLESS_CONSTEXPR20 bool try_push(T&& value) {
    if (HEAPLESS_UNLIKELY(full())) return false;
    insert_(std::move(value));
    return true;
  }
  /// As emplace, but returns false when full (nothing is constructed then).
  template <class... Args>
  [[nodiscard]] HEAPLESS_CONSTEXPR20 bool try_emplace(Args&&... args) {
    if (HEAPLESS_UNLIKELY(full())) return false;
    T tmp(std::forward<Args>(args)...);
    insert_(std::move(tmp));
    return true;
  }

  /// Precondition (asserted): !full().
  HEAPLESS_CONSTEXPR20 void unchecked_push(const T& value) { unchecked_emplace(value); }
  /// As unchecked_push(const T&), moving value.
  HEAPLESS_CONSTEXPR20 void unchecked_push(T&& value) {
    HEAPLESS_ASSERT(!full(), "heapless::BinaryHeap::unchecked_push: full");
    insert_(std::move(value));
  }
  /// As emplace without the capacity check. Precondition (asserted): !full().
  template <class... Args>
  HEAPLESS_CONSTEXPR20 void unchecked_emplace(Args&&... args) {
    HEAPLESS_ASSERT(!full(), "heapless::BinaryHeap::unchecked_emplace: full");
    T tmp(std::forward<Args>(args)...);
    insert_(std::move(tmp));
  }

  // ---- Removal ---------------------------------------------------------------
  /// Removes top(). Precondition (asserted): !empty(). O(log n).
  HEAPLESS_CONSTEXPR20 void pop() {
    HEAPLESS_ASSERT(!empty(), "heapless::BinaryHeap::pop: empty");
    T* d = v_.data();
    const size_type n = size() - 1;
    if (n != 0) fill_hole_(d, 0, n, std::move(d[n]));
    v_.pop_back();
  }
  /// Removes and returns top(); an empty optional when empty. O(log n).
  [[nodiscard]] HEAPLESS_CONSTEXPR20 std::optional<T> try_pop() {
    if (empty()) return std::nullopt;
    std::optional<T> out(std::in_place, std::move(v_.data()[0]));
    pop();
    return out;
  }
  /// Replaces top() by value and returns the old top (Python's heapreplace:
  /// one sift instead of a pop and a push). Precondition (asserted): !empty().
  HEAPLESS_CONSTEXPR20 T replace_top(T value) {
    HEAPLESS_ASSERT(!empty(), "heapless::BinaryHeap::replace_top: empty");
    T* d = v_.data();
    T old(std::move(d[0]));
    fill_hole_(d, 0, size(), std::move(value));
    return old;
  }
  /// Destroys every element. O(n) (O(1) for trivially destructible T).
  HEAPLESS_CONSTEXPR20 void clear() noexcept { v_.clear(); }

  // ---- Whole-heap operations -------------------------------------------------
  /// The elements sorted in ascending order by Compare (the top last), by an
  /// in-place heap sort: O(n log n), no extra storage. *this is left empty.
  [[nodiscard]] HEAPLESS_CONSTEXPR20 Vec<T, N> into_sorted() && {
    T* d = v_.data();
    for (size_type n = size(); n > 1; --n) {
      T last(std::move(d[n - 1]));
      d[n - 1] = std::move(d[0]);
      fill_hole_(d, 0, n - 1, std::move(last));
    }
    Vec<T, N> out(std::move(v_));
    v_.clear();
    return out;
  }
  /// The elements in storage (heap) order; *this is left empty. O(n).
  [[nodiscard]] HEAPLESS_CONSTEXPR20 Vec<T, N> into_vec() && {
    Vec<T, N> out(std::move(v_));
    v_.clear();
    return out;
  }

  /// A copy of the comparison.
  constexpr value_compare value_comp() const { return comp_(); }

  /// Exchanges the elements and the comparisons of the two heaps.
  HEAPLESS_CONSTEXPR20 void swap(BinaryHeap& other) noexcept(noexcept(std::declval<Vec<T, N>&>().swap(
      std::declval<Vec<T, N>&>())) && std::is_nothrow_swappable_v<Compare>) {
    using std::swap;
    v_.swap(other.v_);
    swap(this->comp_ref(), other.comp_ref());
  }
  friend HEAPLESS_CONSTEXPR20 void swap(BinaryHeap& a, BinaryHeap& b) noexcept(noexcept(a.swap(b))) {
    a.swap(b);
  }

 private:
  [[noreturn]] static void capacity_exceeded() {
    detail::raise(error_kind::bad_alloc, "heapless::BinaryHeap: capacity exceeded");
  }
  constexpr const Compare& comp_() const noexcept { return this->comp(); }

  /// Adds value (not an element of *this) at its place. Precondition: !full().
  /// The new slot is constructed from the value or the parent that moves down
  /// into it (so a throwing construction changes nothing); the rest of the
  /// path up is shifted by assignment into the hole.
  HEAPLESS_CONSTEXPR20 void insert_(T&& value) {
    T* d = v_.data();
    const size_type n = size();
    if constexpr (detail::binary_heap_compact && std::is_trivially_copyable_v<T>) {
      // Copies cost nothing extra: open the slot with a copy of value and
      // shift into the hole with one loop (less code; on hosts the two-step
      // form below runs faster).
      v_.unchecked_emplace_back(value);
      size_type hole = n;
      while (hole > 0) {
        const size_type parent = (hole - 1) / 2;
        if (!comp_()(d[parent], value)) break;
        d[hole] = d[parent];
        hole = parent;
      }
      d[hole] = value;
      return;
    }
    if (n == 0 || !comp_()(d[(n - 1) / 2], value)) {
      v_.unchecked_emplace_back(std::move(value));
      return;
    }
    size_type hole = (n - 1) / 2;
    v_.unchecked_emplace_back(std::move(d[hole]));
    while (hole > 0) {
      const size_type parent = (hole - 1) / 2;
      if (!comp_()(d[parent], value)) break;
      d[hole] = std::move(d[parent]);
      hole = parent;
    }
    d[hole] = std::move(value);
  }

  /// Fills the hole at `hole` of the heap d[0, n) with value (not in d[0, n)).
  /// Bottom-up: the hole first descends along the higher-priority children
  /// to a leaf (one comparison per level), then value rises from there; a
  /// replacement taken from the bottom usually belongs near the bottom, so
  /// this does about half the comparisons of a top-down sift.
  HEAPLESS_CONSTEXPR20 void fill_hole_(T* d, size_type hole, size_type n, T&& value) {
    if constexpr (detail::binary_heap_compact) {
      // Top-down: one loop, less code.
      for (size_type child = 2 * hole + 1; child < n; child = 2 * hole + 1) {
        if (child + 1 < n && comp_()(d[child], d[child + 1])) ++child;
        if (!comp_()(value, d[child])) break;
        d[hole] = std::move(d[child]);
        hole = child;
      }
      d[hole] = std::move(value);
      return;
    }
    const size_type top = hole;
    size_type child = 2 * hole + 2;
    while (child < n) {
      if (comp_()(d[child], d[child - 1])) --child;
      d[hole] = std::move(d[child]);
      hole = child;
      child = 2 * hole + 2;
    }
    if (child == n) {  // a last node with one child
      d[hole] = std::move(d[child - 1]);
      hole = child - 1;
    }
    while (hole > top) {
      const size_type parent = (hole - 1) / 2;
      if (!comp_()(d[parent], value)) break;
      d[hole] = std::move(d[parent]);
      hole = parent;
    }
    d[hole] = std::move(value);
  }

  /// After top_mut(): moves d[0] down to its place, top-down with an early
  /// exit (nothing moves when the top still has priority).
  HEAPLESS_CONSTEXPR20 void restore_top_() {
    T* d = v_.data();
    const size_type n = size();
    size_type child = 1;
    if (child >= n) return;
    if (child + 1 < n && comp_()(d[child], d[child + 1])) ++child;
    if (!comp_()(d[0], d[child])) return;
    T value(std::move(d[0]));
    size_type hole = 0;
    for (;;) {
      d[hole] = std::move(d[child]);
      hole = child;
      child = 2 * hole + 1;
      if (child >= n) break;
      if (child + 1 < n && comp_()(d[child], d[child + 1])) ++child;
      if (!comp_()(value, d[child])) break;
    }
    d[hole] = std::move(value);
  }

  /// Floyd's heap construction: O(n).
  HEAPLESS_CONSTEXPR20 void make_heap_() {
    T* d = v_.data();
    const size_type n = size();
    for (size_type i = n / 2; i-- > 0;) {
      T value(std::move(d[i]));
      fill_hole_(d, i, n, std::move(value));
    }
  }

  Vec<T, N> v_;
};

/// The largest element on top.
template <class T, std::size_t N>
using max_heap = BinaryHeap<T, N, std::less<T>>;
/// The smallest element on top.
template <class T, std::size_t N>
using min_heap = BinaryHeap<T, N, std::greater<T>>;

HEAPLESS_NAMESPACE_END

#endif  // HEAPLESS_BINARY_HEAP_HPP
