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
// View: BinaryHeapRef<T, Compare> (end of this header) refers to a heap of
// any N, for plain functions that serve heaps of several sizes:
//   void run_due(heapless::BinaryHeapRef<int> timers);  // takes any max_heap<int, N>
// It runs the heap's own algorithms (detail::heap_algo) through a VecRef to
// the heap's storage; BinaryHeapRef<const T, Compare> is the read-only form.
//
// Thread/ISR: no internal synchronisation; a BinaryHeap is a plain value.
#ifndef HEAPLESS_BINARY_HEAP_HPP
#define HEAPLESS_BINARY_HEAP_HPP

#include <cstddef>           // std::size_t
#include <initializer_list>  // std::initializer_list constructor
#include <optional>          // std::optional: try_pop()
#include <type_traits>       // noexcept conditions
#include <utility>           // std::move, std::forward, std::swap

#include <heapless/detail/compare.hpp>  // detail::compare_holder, std::less, std::greater
#include <heapless/detail/config.hpp>   // HEAPLESS_CONSTEXPR20, hints
#include <heapless/detail/error.hpp>    // detail::raise, HEAPLESS_ASSERT
#include <heapless/detail/iterator.hpp>  // std::ranges::enable_borrowed_range (C++20, libstdc++)
#include <heapless/vec.hpp>             // Vec<T, N>: the storage, and into_sorted()'s result


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

/// The heap's algorithms, written once for BinaryHeap and BinaryHeapRef. V
/// is the storage: the heap's own Vec<T, N>, or a const VecRef<T> to it (a
/// view); only its data(), size(), full(), unchecked_emplace_back, pop_back
/// and clear are used, so a heap compiles to what it did when these were its
/// members, and a view runs the very same code through VecRef.
template <class T, class Compare>
struct heap_algo {
  using size_type = std::size_t;

  [[noreturn]] static void capacity_exceeded() {
    raise(error_kind::bad_alloc, "heapless::BinaryHeap: capacity exceeded");
  }

  /// push(T&&) in its two checked tiers: Raise raises when full, else false
  /// is returned (value not moved from).
  template <bool Raise, class V>
  static HEAPLESS_CONSTEXPR20 bool push(V& v, const Compare& comp, T&& value) {
    if (HEAPLESS_UNLIKELY(v.full())) {
      if constexpr (Raise) capacity_exceeded();
      else return false;
    }
    insert(v, comp, std::move(value));
    return true;
  }
  /// emplace in its two checked tiers (nothing is constructed when full).
  template <bool Raise, class V, class... Args>
  static HEAPLESS_CONSTEXPR20 bool emplace(V& v, const Compare& comp, Args&&... args) {
    if (HEAPLESS_UNLIKELY(v.full())) {
      if constexpr (Raise) capacity_exceeded();
      else return false;
    }
    T tmp(std::forward<Args>(args)...);  // args may refer to an element
    insert(v, comp, std::move(tmp));
    return true;
  }
  /// The unchecked tier. Precondition (asserted): !v.full().
  template <class V, class... Args>
  static HEAPLESS_CONSTEXPR20 void unchecked_emplace(V& v, const Compare& comp, Args&&... args) {
    HEAPLESS_ASSERT(!v.full(), "heapless::BinaryHeap::unchecked_emplace: full");
    if constexpr (sizeof...(Args) == 1 && (std::is_same_v<Args, T> && ...)) {
      insert(v, comp, std::forward<Args>(args)...);  // an rvalue T: no temporary
    } else {
      T tmp(std::forward<Args>(args)...);
      insert(v, comp, std::move(tmp));
    }
  }

  /// Removes the top. Precondition (asserted): !v.empty().
  template <class V>
  static HEAPLESS_CONSTEXPR20 void pop(V& v, const Compare& comp) {
    HEAPLESS_ASSERT(!v.empty(), "heapless::BinaryHeap::pop: empty");
    T* d = v.data();
    const size_type n = v.size() - 1;
    if (n != 0) fill_hole(d, 0, n, std::move(d[n]), comp);
    v.pop_back();
  }
  template <class V>
  static HEAPLESS_CONSTEXPR20 std::optional<T> try_pop(V& v, const Compare& comp) {
    if (v.empty()) return std::nullopt;
    std::optional<T> out(std::in_place, std::move(v.data()[0]));
    pop(v, comp);
    return out;
  }
  /// Precondition (asserted): !v.empty().
  template <class V>
  static HEAPLESS_CONSTEXPR20 T replace_top(V& v, const Compare& comp, T&& value) {
    HEAPLESS_ASSERT(!v.empty(), "heapless::BinaryHeap::replace_top: empty");
    T* d = v.data();
    T old(std::move(d[0]));
    fill_hole(d, 0, v.size(), std::move(value), comp);
    return old;
  }

  /// Adds value (not an element of v) at its place. Precondition: !v.full().
  /// The new slot is constructed from the value or the parent that moves down
  /// into it (so a throwing construction changes nothing); the rest of the
  /// path up is shifted by assignment into the hole.
  template <class V>
  static HEAPLESS_CONSTEXPR20 void insert(V& v, const Compare& comp, T&& value) {
    T* d = v.data();
    const size_type n = v.size();
    if constexpr (binary_heap_compact && std::is_trivially_copyable_v<T>) {
      // Copies cost nothing extra: open the slot with a copy of value and
      // shift into the hole with one loop (less code; on hosts the two-step
      // form below runs faster).
      v.unchecked_emplace_back(value);
      size_type hole = n;
      while (hole > 0) {
        const size_type parent = (hole - 1) / 2;
        if (!comp(d[parent], value)) break;
        d[hole] = d[parent];
        hole = parent;
      }
      d[hole] = value;
      return;
    }
    if (n == 0 || !comp(d[(n - 1) / 2], value)) {
      v.unchecked_emplace_back(std::move(value));
      return;
    }
    size_type hole = (n - 1) / 2;
    v.unchecked_emplace_back(std::move(d[hole]));
    while (hole > 0) {
      const size_type parent = (hole - 1) / 2;
      if (!comp(d[parent], value)) break;
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
  static HEAPLESS_CONSTEXPR20 void fill_hole(T* d, size_type hole, size_type n, T&& value, const Compare& comp) {
    if constexpr (binary_heap_compact) {
      // Top-down: one loop, less code.
      for (size_type child = 2 * hole + 1; child < n; child = 2 * hole + 1) {
        if (child + 1 < n && comp(d[child], d[child + 1])) ++child;
        if (!comp(value, d[child])) break;
        d[hole] = std::move(d[child]);
        hole = child;
      }
      d[hole] = std::move(value);
      return;
    }
    const size_type top = hole;
    size_type child = 2 * hole + 2;
    while (child < n) {
      if (comp(d[child], d[child - 1])) --child;
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
      if (!comp(d[parent], value)) break;
      d[hole] = std::move(d[parent]);
      hole = parent;
    }
    d[hole] = std::move(value);
  }

  /// After a top handle: moves d[0] down to its place, top-down with an
  /// early exit (nothing moves when the top still has priority).
  static HEAPLESS_CONSTEXPR20 void restore_top(T* d, size_type n, const Compare& comp) {
    size_type child = 1;
    if (child >= n) return;
    if (child + 1 < n && comp(d[child], d[child + 1])) ++child;
    if (!comp(d[0], d[child])) return;
    T value(std::move(d[0]));
    size_type hole = 0;
    for (;;) {
      d[hole] = std::move(d[child]);
      hole = child;
      child = 2 * hole + 1;
      if (child >= n) break;
      if (child + 1 < n && comp(d[child], d[child + 1])) ++child;
      if (!comp(value, d[child])) break;
    }
    d[hole] = std::move(value);
  }

  /// Floyd's heap construction: O(n).
  static HEAPLESS_CONSTEXPR20 void make_heap(T* d, size_type n, const Compare& comp) {
    for (size_type i = n / 2; i-- > 0;) {
      T value(std::move(d[i]));
      fill_hole(d, i, n, std::move(value), comp);
    }
  }

  /// In-place heap sort of the heap d[0, n): ascending by comp, the top last.
  static HEAPLESS_CONSTEXPR20 void sort(T* d, size_type n, const Compare& comp) {
    for (; n > 1; --n) {
      T last(std::move(d[n - 1]));
      d[n - 1] = std::move(d[0]);
      fill_hole(d, 0, n - 1, std::move(last), comp);
    }
  }
};

/// Mutable access to a heap's top element (BinaryHeap::top_handle and
/// BinaryHeapRef::top_handle): the destructor moves the element to its
/// place again. Holder is how the handle reaches the heap: a pointer to a
/// BinaryHeap, or a copy of a BinaryHeapRef (often a temporary at the call).
template <class Heap, class Holder>
class binary_heap_top_handle {
  using T = typename Heap::value_type;

 public:
  binary_heap_top_handle(const binary_heap_top_handle&) = delete;
  binary_heap_top_handle& operator=(const binary_heap_top_handle&) = delete;
  /// Takes o's pending re-sift; o does nothing on destruction.
  HEAPLESS_CONSTEXPR20 binary_heap_top_handle(binary_heap_top_handle&& o) noexcept : h_(o.h_), live_(o.live_) {
    o.live_ = false;
  }
  binary_heap_top_handle& operator=(binary_heap_top_handle&&) = delete;
  /// Moves the top element to its place again (O(log n); nothing moves if it
  /// still has priority), unless the handle was moved from or popped.
  HEAPLESS_CONSTEXPR20 ~binary_heap_top_handle() {
    if (live_) at(h_).restore_top_();
  }
  /// The top element. Changing its priority is allowed: the destructor re-sifts it.
  constexpr T& operator*() const noexcept { return *at(h_).top_ptr_(); }
  /// Pointer to the top element (see operator*).
  constexpr T* operator->() const noexcept { return at(h_).top_ptr_(); }
  /// Removes the element (no re-sift) and returns it; the handle is spent.
  HEAPLESS_CONSTEXPR20 T pop() {
    live_ = false;
    T out(std::move(*at(h_).top_ptr_()));
    at(h_).pop();
    return out;
  }

 private:
  friend Heap;
  constexpr explicit binary_heap_top_handle(Holder h) noexcept : h_(h), live_(true) {}
  static constexpr Heap& at(Heap* p) noexcept { return *p; }
  static constexpr const Heap& at(const Heap& h) noexcept { return h; }
  Holder h_;
  bool live_;
};

}  // namespace detail

template <class T, class Compare>
class BinaryHeapRef;

/// A priority queue of at most N elements: top() is an element x for which
/// comp(x, y) is false for every other y (the largest for std::less).
template <class T, std::size_t N, class Compare = std::less<T>>
class BinaryHeap : private detail::compare_holder<Compare> {
  using compare_base_ = detail::compare_holder<Compare>;
  using algo_ = detail::heap_algo<T, Compare>;

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
    algo_::make_heap(v_.data(), v_.size(), comp_());
  }
  /// The elements of il, heapified in O(n). Raises bad_alloc if il.size() > N.
  HEAPLESS_CONSTEXPR20 BinaryHeap(std::initializer_list<T> il, const Compare& comp = Compare())
      : compare_base_(comp), v_(il) {
    algo_::make_heap(v_.data(), v_.size(), comp_());
  }
  /// Takes the elements of v (any order) and heapifies them in O(n).
  HEAPLESS_CONSTEXPR20 explicit BinaryHeap(Vec<T, N> v, const Compare& comp = Compare())
      : compare_base_(comp), v_(std::move(v)) {
    algo_::make_heap(v_.data(), v_.size(), comp_());
  }
  /// As BinaryHeap(v, comp), in std::priority_queue's argument order
  /// (the comparison, then the container).
  HEAPLESS_CONSTEXPR20 BinaryHeap(const Compare& comp, Vec<T, N> v) : BinaryHeap(std::move(v), comp) {}

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

  /// Mutable access to top(), from top_mut(): the handle's destructor moves
  /// the element to its place again (O(log n); nothing moves if it still has
  /// priority). Its pop() removes the element instead.
  using top_handle = detail::binary_heap_top_handle<BinaryHeap, BinaryHeap*>;
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
  HEAPLESS_CONSTEXPR20 void push(T&& value) { algo_::template push<true>(v_, comp_(), std::move(value)); }
  /// Constructs an element from args and inserts it. Raises bad_alloc if full.
  template <class... Args>
  HEAPLESS_CONSTEXPR20 void emplace(Args&&... args) {
    algo_::template emplace<true>(v_, comp_(), std::forward<Args>(args)...);
  }

  /// As push, but returns false when full (value is then not moved from).
  [[nodiscard]] HEAPLESS_CONSTEXPR20 bool try_push(const T& value) { return try_emplace(value); }
  /// As try_push(const T&), moving value.
  [[nodiscard]] HEAPLESS_CONSTEXPR20 bool try_push(T&& value) {
    return algo_::template push<false>(v_, comp_(), std::move(value));
  }
  /// As emplace, but returns false when full (nothing is constructed then).
  template <class... Args>
  [[nodiscard]] HEAPLESS_CONSTEXPR20 bool try_emplace(Args&&... args) {
    return algo_::template emplace<false>(v_, comp_(), std::forward<Args>(args)...);
  }

  /// Precondition (asserted): !full().
  HEAPLESS_CONSTEXPR20 void unchecked_push(const T& value) { unchecked_emplace(value); }
  /// As unchecked_push(const T&), moving value.
  HEAPLESS_CONSTEXPR20 void unchecked_push(T&& value) { unchecked_emplace(std::move(value)); }
  /// As emplace without the capacity check. Precondition (asserted): !full().
  template <class... Args>
  HEAPLESS_CONSTEXPR20 void unchecked_emplace(Args&&... args) {
    algo_::unchecked_emplace(v_, comp_(), std::forward<Args>(args)...);
  }

  // ---- Removal ---------------------------------------------------------------
  /// Removes top(). Precondition (asserted): !empty(). O(log n).
  HEAPLESS_CONSTEXPR20 void pop() { algo_::pop(v_, comp_()); }
  /// Removes and returns top(); an empty optional when empty. O(log n).
  [[nodiscard]] HEAPLESS_CONSTEXPR20 std::optional<T> try_pop() { return algo_::try_pop(v_, comp_()); }
  /// Replaces top() by value and returns the old top (Python's heapreplace:
  /// one sift instead of a pop and a push). Precondition (asserted): !empty().
  HEAPLESS_CONSTEXPR20 T replace_top(T value) { return algo_::replace_top(v_, comp_(), std::move(value)); }
  /// Destroys every element. O(n) (O(1) for trivially destructible T).
  HEAPLESS_CONSTEXPR20 void clear() noexcept { v_.clear(); }

  // ---- Whole-heap operations -------------------------------------------------
  /// The elements sorted in ascending order by Compare (the top last), by an
  /// in-place heap sort: O(n log n), no extra storage. *this is left empty.
  [[nodiscard]] HEAPLESS_CONSTEXPR20 Vec<T, N> into_sorted() && {
    algo_::sort(v_.data(), v_.size(), comp_());
    Vec<T, N> out(std::move(v_));
    v_.clear();
    return out;
  }
  /// As into_sorted() &&, called on an lvalue (`h.into_sorted()`): the same
  /// in-place heap sort, and *this is left empty.
  [[nodiscard]] HEAPLESS_CONSTEXPR20 Vec<T, N> into_sorted() & { return std::move(*this).into_sorted(); }
  /// The elements in storage (heap) order; *this is left empty. O(n).
  [[nodiscard]] HEAPLESS_CONSTEXPR20 Vec<T, N> into_vec() && {
    Vec<T, N> out(std::move(v_));
    v_.clear();
    return out;
  }
  /// As into_vec() &&, called on an lvalue; *this is left empty.
  [[nodiscard]] HEAPLESS_CONSTEXPR20 Vec<T, N> into_vec() & { return std::move(*this).into_vec(); }
  /// Sorts in place (the heap sort of into_sorted()), moves the elements to
  /// out, out + 1, ... in ascending order by Compare (the top last) and leaves
  /// *this empty; returns out advanced past them. O(n log n), no extra storage.
  template <class OutputIt>
  HEAPLESS_CONSTEXPR20 OutputIt into_sorted(OutputIt out) {
    T* const d = v_.data();
    const size_type n = v_.size();
    algo_::sort(d, n, comp_());
    // The caller's own iterator, advanced (docs/design.md, "Positions
    // returned from arguments").
    for (size_type i = 0; i != n; ++i, ++out) *out = std::move(d[i]);
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
  template <class U, class C>
  friend class BinaryHeapRef;
  friend top_handle;
  constexpr const Compare& comp_() const noexcept { return this->comp(); }
  constexpr T* top_ptr_() noexcept { return v_.data(); }
  HEAPLESS_CONSTEXPR20 void restore_top_() { algo_::restore_top(v_.data(), v_.size(), comp_()); }

  Vec<T, N> v_;
};

/// The largest element on top.
template <class T, std::size_t N>
using max_heap = BinaryHeap<T, N, std::less<T>>;
/// The smallest element on top.
template <class T, std::size_t N>
using min_heap = BinaryHeap<T, N, std::greater<T>>;

// ---- Capacity erasure: BinaryHeapRef<T, Compare> ------------------------------
/// A non-owning handle to a BinaryHeap<T, N, Compare> of any capacity N, so
/// one non-template function can serve heaps of different sizes. Built on
/// demand (`BinaryHeapRef<int> r = heap;`, implicit at a call); valid while
/// the heap lives and is not moved. It holds a VecRef<T> to the heap's
/// storage, and a pointer to the heap's Compare unless Compare is empty and
/// default constructible (std::less, std::greater): then nothing more.
///
/// It has the heap's API except what concerns the capacity itself (which is
/// the heap's) and what returns a new heap-sized Vec: push/emplace in the
/// three tiers, top, top_mut, pop, try_pop, replace_top, clear, iteration and
/// as_span in storage order, and into_sorted(out), which sorts in place and
/// moves the elements out. Each member runs the algorithm the heap's member
/// runs (detail::heap_algo), with the same errors, guarantees and complexity.
///
/// BinaryHeapRef<const T, Compare> is the read-only view: it converts from a
/// const heap, a heap and a BinaryHeapRef<T, Compare>, and offers size,
/// top, iteration, as_span and value_comp (a modifying member does not
/// compile). Members are const: the handle's constness is not the heap's.
template <class T, class Compare = std::less<std::remove_const_t<T>>>
class BinaryHeapRef : private detail::compare_ref<Compare> {
  using element_type = std::remove_const_t<T>;
  using algo_ = detail::heap_algo<element_type, Compare>;
  using compare_base_ = detail::compare_ref<Compare>;
  static constexpr bool writable_ = !std::is_const_v<T>;

 public:
  /// Element type (without const).
  using value_type = element_type;
  /// The comparison that orders the elements by priority.
  using value_compare = Compare;
  /// Size type.
  using size_type = std::size_t;
  /// Difference type.
  using difference_type = std::ptrdiff_t;
  /// Reference to an element.
  using reference = T&;
  /// Const reference to an element.
  using const_reference = const element_type&;
  /// Iteration visits the elements in storage order, not priority order.
  using const_iterator = const element_type*;
  /// Same as const_iterator: elements cannot be modified in place.
  using iterator = const_iterator;
  /// Read-only view of the elements in storage order (as_span()).
  using span_type = detail::binary_heap_span<element_type>;
  /// Mutable access to top(), from top_mut(): as BinaryHeap::top_handle.
  /// The handle holds a copy of the view, so it may outlive the view it came
  /// from (not the heap).
  using top_handle = detail::binary_heap_top_handle<BinaryHeapRef, BinaryHeapRef>;

  /// Refers to h (implicit, so a BinaryHeap<T, N, Compare>& converts at a call).
  template <std::size_t N>
  BinaryHeapRef(BinaryHeap<element_type, N, Compare>& h) noexcept  // NOLINT: implicit on purpose
      : compare_base_(h.comp_()), vec_(h.v_) {}
  /// Read-only view of a const heap (BinaryHeapRef<const T, Compare> only).
  template <std::size_t N, class U = T, std::enable_if_t<std::is_const_v<U>, int> = 0>
  BinaryHeapRef(const BinaryHeap<element_type, N, Compare>& h) noexcept  // NOLINT: implicit on purpose
      : compare_base_(h.comp_()), vec_(h.v_) {}
  /// A BinaryHeapRef<T, Compare> converts to the read-only view.
  template <class U = T, std::enable_if_t<std::is_const_v<U>, int> = 0>
  BinaryHeapRef(const BinaryHeapRef<element_type, Compare>& other) noexcept  // NOLINT: implicit on purpose
      : compare_base_(other), vec_(other.vec_) {}

  // ---- Capacity --------------------------------------------------------------
  /// true when size() == 0.
  [[nodiscard]] bool empty() const noexcept { return vec_.empty(); }
  /// True when size() == capacity(): the next push would raise.
  [[nodiscard]] bool full() const noexcept { return vec_.full(); }
  /// The number of elements.
  size_type size() const noexcept { return vec_.size(); }
  /// The heap's N.
  size_type capacity() const noexcept { return vec_.capacity(); }
  /// Same as capacity().
  size_type max_size() const noexcept { return vec_.capacity(); }

  // ---- Element access --------------------------------------------------------
  /// The highest-priority element. Precondition (asserted): !empty(). O(1).
  const_reference top() const noexcept {
    HEAPLESS_ASSERT(!empty(), "heapless::BinaryHeapRef::top: empty");
    return vec_.data()[0];
  }
  /// Precondition (asserted): !empty(). See top_handle.
  [[nodiscard]] top_handle top_mut() const noexcept {
    static_assert(writable_, "heapless::BinaryHeapRef<const T> is a read-only view");
    HEAPLESS_ASSERT(!empty(), "heapless::BinaryHeapRef::top_mut: empty");
    return top_handle(*this);
  }

  // ---- Unordered iteration -----------------------------------------------------
  /// The elements in storage order (top() first, the rest in no useful order).
  const_iterator begin() const noexcept { return vec_.data(); }
  /// End of the storage-order range (see begin()).
  const_iterator end() const noexcept { return vec_.data() + vec_.size(); }
  /// Same as begin().
  const_iterator cbegin() const noexcept { return begin(); }
  /// Same as end().
  const_iterator cend() const noexcept { return end(); }
  /// The elements in storage order (top() first); size() of them.
  const element_type* data() const noexcept { return vec_.data(); }
  /// The elements as a span, in storage order.
  span_type as_span() const noexcept { return span_type(vec_.data(), vec_.size()); }

  // ---- Insertion ---------------------------------------------------------------
  /// Raises bad_alloc if full (value untouched). O(log n).
  void push(const element_type& value) const { emplace(value); }
  /// As push(const T&), moving value.
  void push(element_type&& value) const {
    static_assert(writable_, "heapless::BinaryHeapRef<const T> is a read-only view");
    algo_::template push<true>(vec_, this->comp(), std::move(value));
  }
  /// Constructs an element from args and inserts it. Raises bad_alloc if full.
  template <class... Args>
  void emplace(Args&&... args) const {
    static_assert(writable_, "heapless::BinaryHeapRef<const T> is a read-only view");
    algo_::template emplace<true>(vec_, this->comp(), std::forward<Args>(args)...);
  }
  /// As push, but returns false when full (value is then not moved from).
  [[nodiscard]] bool try_push(const element_type& value) const { return try_emplace(value); }
  /// As try_push(const T&), moving value.
  [[nodiscard]] bool try_push(element_type&& value) const {
    static_assert(writable_, "heapless::BinaryHeapRef<const T> is a read-only view");
    return algo_::template push<false>(vec_, this->comp(), std::move(value));
  }
  /// As emplace, but returns false when full (nothing is constructed then).
  template <class... Args>
  [[nodiscard]] bool try_emplace(Args&&... args) const {
    static_assert(writable_, "heapless::BinaryHeapRef<const T> is a read-only view");
    return algo_::template emplace<false>(vec_, this->comp(), std::forward<Args>(args)...);
  }
  /// Precondition (asserted): !full().
  void unchecked_push(const element_type& value) const { unchecked_emplace(value); }
  /// As unchecked_push(const T&), moving value.
  void unchecked_push(element_type&& value) const { unchecked_emplace(std::move(value)); }
  /// As emplace without the capacity check. Precondition (asserted): !full().
  template <class... Args>
  void unchecked_emplace(Args&&... args) const {
    static_assert(writable_, "heapless::BinaryHeapRef<const T> is a read-only view");
    algo_::unchecked_emplace(vec_, this->comp(), std::forward<Args>(args)...);
  }

  // ---- Removal -----------------------------------------------------------------
  /// Removes top(). Precondition (asserted): !empty(). O(log n).
  void pop() const {
    static_assert(writable_, "heapless::BinaryHeapRef<const T> is a read-only view");
    algo_::pop(vec_, this->comp());
  }
  /// Removes and returns top(); an empty optional when empty. O(log n).
  [[nodiscard]] std::optional<element_type> try_pop() const {
    static_assert(writable_, "heapless::BinaryHeapRef<const T> is a read-only view");
    return algo_::try_pop(vec_, this->comp());
  }
  /// Replaces top() by value and returns the old top (one sift).
  /// Precondition (asserted): !empty().
  element_type replace_top(element_type value) const {
    static_assert(writable_, "heapless::BinaryHeapRef<const T> is a read-only view");
    return algo_::replace_top(vec_, this->comp(), std::move(value));
  }
  /// Destroys every element. O(n) (O(1) for trivially destructible T).
  void clear() const noexcept {
    static_assert(writable_, "heapless::BinaryHeapRef<const T> is a read-only view");
    vec_.clear();
  }

  // ---- Whole-heap operations -----------------------------------------------------
  /// Sorts the elements in place, ascending by Compare (the top last; the
  /// heap sort of BinaryHeap::into_sorted), moves them to out in that order
  /// and leaves the heap empty. Returns out advanced. O(n log n).
  template <class OutputIt>
  OutputIt into_sorted(OutputIt out) const {
    static_assert(writable_, "heapless::BinaryHeapRef<const T> is a read-only view");
    element_type* d = vec_.data();
    const size_type n = vec_.size();
    algo_::sort(d, n, this->comp());
    for (size_type i = 0; i != n; ++i, ++out) *out = std::move(d[i]);
    vec_.clear();
    return out;
  }

  /// A copy of the comparison.
  value_compare value_comp() const { return this->comp(); }

 private:
  template <class U, class C>
  friend class BinaryHeapRef;
  friend top_handle;
  element_type* top_ptr_() const noexcept { return vec_.data(); }
  void restore_top_() const { algo_::restore_top(vec_.data(), vec_.size(), this->comp()); }

  VecRef<T> vec_;
};

HEAPLESS_NAMESPACE_END

#if defined(__cpp_lib_ranges)
/// as_span()'s result refers to elements it does not own (as std::span): a
/// borrowed range, which the ranges algorithms accept by value.
template <class T>
inline constexpr bool std::ranges::enable_borrowed_range<heapless::detail::binary_heap_span<T>> = true;
#endif

#endif  // HEAPLESS_BINARY_HEAP_HPP
