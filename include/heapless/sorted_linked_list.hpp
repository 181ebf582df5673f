// SPDX-License-Identifier: BSL-1.0
// heapless/sorted_linked_list.hpp - SortedLinkedList<T, N, Compare>: at most N
// elements kept in Compare order in a singly linked list whose nodes live in
// an array inside the object (a deadline list, a sorted free list).
//
//   heapless::SortedLinkedList<int, 8> l;
//   l.push(5); l.push(1); l.push(3);          // sorted insert: {1, 3, 5}
//   int first = l.front();                    // 1, O(1)
//   l.pop();                                  // {3, 5}, O(1)
//   auto prev = l.find_before_if([](int x) { return x == 5; });
//   if (prev != l.end()) l.erase_after(prev); // {3}, O(1)
//   if (auto h = l.find_mut([](int x) { return x == 3; })) *h = 9;  // re-sorted on release
//
// Memory: N values, N links and four indices, each link and index in the
// smallest unsigned type that holds N (one byte up to N = 255), and from
// N = 32 on, eight search fingers and a counter (nine more indices):
// sizeof(SortedLinkedList<int, 16>) == 4 * 16 + 16 + 4 == 84,
// sizeof(SortedLinkedList<int, 32>) == 4 * 32 + 32 + 4 + 9 (+ 3 padding) == 176. Links are
// indices, not pointers: the list is relocatable and, when T is trivially
// copyable, trivially copyable (memcpy/DMA-able). Free slots form a list
// threaded through the same link array; slots never used yet are handed out
// from a high-water mark, so default construction is constexpr and O(1) and
// touches no storage. An empty Compare takes no space.
//
// Complexity: push/emplace O(n) (a scan for the place, from the closest of
// the last eight elements pushed that are still in the list when N >= 32:
// about n / 9 links for random keys; stable: after the elements that compare
// equal); front, pop, erase_after O(1) (O(8) with fingers); find_if,
// erase, a find_mut handle's release O(n); copies O(n).
//
// Errors (docs/sorted_linked_list.md): push/emplace on a full list raise
// error_kind::bad_alloc (std::bad_alloc with exceptions, the handler
// otherwise); try_push/try_emplace return false and change nothing; try_pop
// returns an empty optional; unchecked_* forms and the preconditions (front,
// pop on an empty list, erase_after(end())) are checked by HEAPLESS_ASSERT.
//
// Thread/ISR: no internal synchronisation; a SortedLinkedList is a plain value.
#ifndef HEAPLESS_SORTED_LINKED_LIST_HPP
#define HEAPLESS_SORTED_LINKED_LIST_HPP

#include <cstddef>           // std::size_t, std::ptrdiff_t
#include <initializer_list>  // std::initializer_list constructor
#include <optional>          // std::optional: try_pop()
#include <type_traits>       // triviality traits select the special members
#include <utility>           // std::move, std::forward

#include "detail/compare.hpp"   // detail::compare_holder, std::less
#include "detail/config.hpp"    // HEAPLESS_CONSTEXPR20, hints
#include "detail/error.hpp"     // detail::raise, HEAPLESS_ASSERT
#include "detail/iterator.hpp"  // std::forward_iterator_tag, std::iterator_traits
#include "detail/size.hpp"      // detail::smallest_size_t
#include "detail/storage.hpp"   // detail::uninit_array

HEAPLESS_NAMESPACE_BEGIN
namespace detail {

/// Number of search fingers a list of capacity N keeps (see sll_fingers).
template <std::size_t N>
inline constexpr std::size_t sll_finger_count = N >= 32 ? 8 : 0;

/// Search fingers: the slots of the last K elements pushed (none once
/// removed). Any live node ordered before a new value is a valid place to
/// start the scan for its position, so push starts at the closest finger
/// instead of the head: with K fingers spread over the list the walk is
/// about n / (K + 1) links instead of n / 2. Small lists keep none.
template <class I, std::size_t K>
struct sll_fingers {
  I fingers_[K];
  I next_finger_;
  constexpr explicit sll_fingers(I none) noexcept : fingers_(), next_finger_(0) {
    for (std::size_t k = 0; k != K; ++k) fingers_[k] = none;
  }
  constexpr void reset_fingers(I none) noexcept {
    for (std::size_t k = 0; k != K; ++k) fingers_[k] = none;
  }
};
template <class I>
struct sll_fingers<I, 0> {
  constexpr explicit sll_fingers(I) noexcept {}
  constexpr void reset_fingers(I) noexcept {}
};

/// The nodes and the list heads. Index N means "none".
/// A stored link (or head) is a slot or none (N), never above: telling the
/// optimiser so lets it prove that an iteration started at begin() never
/// meets before_begin() (N + 1), so operator++ loses its head check there.
template <std::size_t N>
constexpr std::size_t sll_link_value(std::size_t i) noexcept {
#if HEAPLESS_DETAIL_GNU
  if (i > N) __builtin_unreachable();
#endif
  return i;
}

template <class T, std::size_t N>
struct sll_fields : sll_fingers<smallest_size_t<N>, sll_finger_count<N>> {
  using index_type = smallest_size_t<N>;
  using fingers_base = sll_fingers<index_type, sll_finger_count<N>>;
  static constexpr index_type none = static_cast<index_type>(N);

  // Links, then the indices, then the values. The indices sit at a small
  // offset for small N (Cortex-M0 loads and stores bytes only within 31
  // bytes of a base register), and at an offset that depends on N, so the
  // members of lists of different N never compile to identical code (GCC's
  // identical-code folding would merge them and then warn about accesses
  // past the smaller object).
  uninit_array<index_type, N> next_;
  index_type head_;  ///< first node in order, or none
  index_type free_;  ///< first recycled slot, or none
  index_type used_;  ///< slots [used_, N) have never been used
  index_type size_;
  uninit_array<T, N> values_;

  constexpr sll_fields() noexcept
      : fingers_base(none), next_(), head_(none), free_(none), used_(0), size_(0), values_() {}

  constexpr T* vals() noexcept { return values_.data(); }
  constexpr const T* vals() const noexcept { return values_.data(); }
  constexpr index_type* links() noexcept { return next_.data(); }
  constexpr const index_type* links() const noexcept { return next_.data(); }

  /// Destroys every element and resets to empty.
  HEAPLESS_CONSTEXPR20 void destroy_all() noexcept {
    if constexpr (!std::is_trivially_destructible_v<T>) {
      for (std::size_t i = head_; i != N; i = links()[i]) values_.destroy(i);
    }
    head_ = none;
    free_ = none;
    used_ = 0;
    size_ = 0;
    this->reset_fingers(none);
  }

  /// Precondition: empty. Constructs o's elements in order in slots 0, 1, ...
  /// (copies or moves); if a constructor throws, *this is left valid.
  template <bool Move, class Src>
  HEAPLESS_CONSTEXPR20 void take_from(Src& o) {
    index_type prev = none;
    for (std::size_t i = o.head_; i != N; i = o.links()[i]) {
      const index_type s = used_;
      if constexpr (Move) values_.construct(s, std::move(o.vals()[i]));
      else values_.construct(s, o.vals()[i]);
      next_.construct(s, none);
      if (prev == none) head_ = s;
      else links()[prev] = s;
      prev = s;
      ++used_;
      ++size_;
    }
  }
};

/// Special members: all trivial when T is trivially copyable.
template <class T, std::size_t N, bool = std::is_trivially_copyable_v<T>>
struct sll_core : sll_fields<T, N> {
  constexpr sll_core() noexcept {}
};
template <class T, std::size_t N>
struct sll_core<T, N, false> : sll_fields<T, N> {
  constexpr sll_core() noexcept {}
  sll_core(const sll_core& o) : sll_fields<T, N>() {
    guard g{this};
    this->template take_from<false>(o);
    g.p = nullptr;
  }
  sll_core(sll_core&& o) noexcept(std::is_nothrow_move_constructible_v<T>) : sll_fields<T, N>() {
    guard g{this};
    this->template take_from<true>(o);
    g.p = nullptr;
  }
  sll_core& operator=(const sll_core& o) {
    if (this != &o) {
      this->destroy_all();
      this->template take_from<false>(o);
    }
    return *this;
  }
  sll_core& operator=(sll_core&& o) noexcept(std::is_nothrow_move_constructible_v<T>) {
    if (this != &o) {
      this->destroy_all();
      this->template take_from<true>(o);
    }
    return *this;
  }
  ~sll_core() { this->destroy_all(); }

 private:
  // Destroys what a throwing copy constructed (the destructor does not run
  // for an object whose constructor throws).
  struct guard {
    sll_core* p;
    ~guard() {
      if (p) p->destroy_all();
    }
  };
};

/// Deletes the copy (move) operations when T has none.
template <bool Copy, bool Move>
struct sll_gate {};
template <>
struct sll_gate<false, true> {
  sll_gate() = default;
  sll_gate(const sll_gate&) = delete;
  sll_gate(sll_gate&&) = default;
  sll_gate& operator=(const sll_gate&) = delete;
  sll_gate& operator=(sll_gate&&) = default;
};
template <bool Copy>
struct sll_gate<Copy, false> {
  sll_gate() = default;
  sll_gate(const sll_gate&) = delete;
  sll_gate(sll_gate&&) = delete;
  sll_gate& operator=(const sll_gate&) = delete;
  sll_gate& operator=(sll_gate&&) = delete;
};

}  // namespace detail

/// At most N elements of T kept sorted by Compare (the smallest first for
/// std::less) in a singly linked list of array nodes.
template <class T, std::size_t N, class Compare = std::less<T>>
class SortedLinkedList : private detail::sll_core<T, N>,
                         private detail::sll_gate<std::is_copy_constructible_v<T>, std::is_move_constructible_v<T>>,
                         private detail::compare_holder<Compare> {
  static_assert(std::is_object_v<T> && !std::is_const_v<T> && !std::is_volatile_v<T>,
                "heapless::SortedLinkedList<T, N>: T must be a non-cv object type");
  static_assert(N > 0, "heapless::SortedLinkedList<T, N>: N must be at least 1");
  using core_ = detail::sll_core<T, N>;
  using compare_base_ = detail::compare_holder<Compare>;
  using index_type = typename core_::index_type;
  static constexpr index_type none_ = core_::none;
  static constexpr std::size_t finger_count_ = detail::sll_finger_count<N>;
  /// The position before the first node (before_begin()); iterators only.
  static constexpr std::size_t before_ = N + 1;

 public:
  /// Element type.
  using value_type = T;
  /// The comparison that orders the elements.
  using value_compare = Compare;
  /// Size type.
  using size_type = std::size_t;
  /// Difference type.
  using difference_type = std::ptrdiff_t;
  /// Const reference: elements are read-only (see find_mut()).
  using reference = const T&;
  /// Const reference to an element.
  using const_reference = const T&;

  /// Forward iterator in sorted order. Elements are read-only through it (as
  /// in std::multiset); find_mut() gives write access.
  class const_iterator {
   public:
    /// Iterator category.
    using iterator_category = std::forward_iterator_tag;
    /// Element type.
    using value_type = T;
    /// Difference type.
    using difference_type = std::ptrdiff_t;
    /// Pointer to a const element.
    using pointer = const T*;
    /// Const reference to an element.
    using reference = const T&;

    constexpr const_iterator() noexcept : l_(nullptr), i_(N) {}
    /// The element. Precondition (asserted): not end() or before_begin().
    constexpr reference operator*() const noexcept {
      HEAPLESS_ASSERT(i_ < N, "heapless::SortedLinkedList: dereferencing end() or before_begin()");
      return l_->vals()[i_];
    }
    /// Pointer to the element (see operator*).
    constexpr pointer operator->() const noexcept { return &**this; }
    /// Advances to the next element in order.
    constexpr const_iterator& operator++() noexcept {
      i_ = detail::sll_link_value<N>(i_ == before_ ? std::size_t{l_->head_} : std::size_t{l_->links()[i_]});
      return *this;
    }
    /// Advances to the next element in order; returns the previous position.
    constexpr const_iterator operator++(int) noexcept {
      const_iterator old = *this;
      ++*this;
      return old;
    }
    friend constexpr bool operator==(const const_iterator& a, const const_iterator& b) noexcept {
      return a.i_ == b.i_;
    }
    friend constexpr bool operator!=(const const_iterator& a, const const_iterator& b) noexcept {
      return a.i_ != b.i_;
    }

   private:
    friend class SortedLinkedList;
    constexpr const_iterator(const core_* l, std::size_t i) noexcept : l_(l), i_(i) {}
    const core_* l_;
    std::size_t i_;  ///< slot, N for end(), N + 1 for before_begin()
  };
  /// Same as const_iterator: elements are read-only.
  using iterator = const_iterator;

  // ---- Construction ----------------------------------------------------------
  /// Empty. constexpr, O(1), writes no node storage.
  constexpr SortedLinkedList() noexcept(std::is_nothrow_default_constructible_v<Compare>) {}
  /// Empty, ordered by comp. O(1).
  constexpr explicit SortedLinkedList(const Compare& comp) noexcept(
      std::is_nothrow_copy_constructible_v<Compare>)
      : compare_base_(comp) {}
  /// The elements of [first, last), pushed in turn (O(n^2) at worst).
  /// Raises bad_alloc if there are more than N.
  template <class InputIt, class = typename std::iterator_traits<InputIt>::iterator_category>
  HEAPLESS_CONSTEXPR20 SortedLinkedList(InputIt first, InputIt last, const Compare& comp = Compare())
      : compare_base_(comp) {
    prepare_constant_();
    for (; first != last; ++first) emplace(*first);
  }
  /// The elements of il, pushed in turn. Raises bad_alloc if il.size() > N.
  HEAPLESS_CONSTEXPR20 SortedLinkedList(std::initializer_list<T> il, const Compare& comp = Compare())
      : SortedLinkedList(il.begin(), il.end(), comp) {}
  /// Copy/move: element-wise in order, O(n) (the copy is compacted into slots
  /// 0..n-1); trivial (a copy of the whole object) when T is trivially
  /// copyable; deleted when T's are. A moved-from list keeps its moved-from
  /// elements.
  SortedLinkedList(const SortedLinkedList&) = default;
  /// Move constructor (see the copy constructor).
  SortedLinkedList(SortedLinkedList&&) = default;
  /// Copy assignment (see the copy constructor).
  SortedLinkedList& operator=(const SortedLinkedList&) = default;
  /// Move assignment (see the copy constructor).
  SortedLinkedList& operator=(SortedLinkedList&&) = default;
  ~SortedLinkedList() = default;

  // ---- Capacity ----------------------------------------------------------------
  /// true when size() == 0.
  [[nodiscard]] constexpr bool empty() const noexcept { return this->size_ == 0; }
  /// True when size() == N: the next push would raise.
  [[nodiscard]] constexpr bool full() const noexcept { return this->size_ == N; }
  /// The number of elements.
  constexpr size_type size() const noexcept { return this->size_; }
  /// The maximum number of elements (N).
  static constexpr size_type capacity() noexcept { return N; }
  /// Same as capacity().
  static constexpr size_type max_size() noexcept { return N; }

  // ---- Iterators -----------------------------------------------------------------
  /// Iterator to the first element in order.
  constexpr const_iterator begin() const noexcept {
    return const_iterator(this, detail::sll_link_value<N>(this->head_));
  }
  /// The position after the last element.
  constexpr const_iterator end() const noexcept { return const_iterator(this, N); }
  /// Same as begin().
  constexpr const_iterator cbegin() const noexcept { return begin(); }
  /// Same as end().
  constexpr const_iterator cend() const noexcept { return end(); }
  /// The position before begin(), for erase_after (as std::forward_list).
  constexpr const_iterator before_begin() const noexcept { return const_iterator(this, before_); }
  /// Same as before_begin().
  constexpr const_iterator cbefore_begin() const noexcept { return before_begin(); }

  // ---- Element access --------------------------------------------------------------
  /// The first element in order. Precondition (asserted): !empty(). O(1).
  constexpr const_reference front() const noexcept {
    HEAPLESS_ASSERT(!empty(), "heapless::SortedLinkedList::front: empty");
    return this->vals()[this->head_];
  }

  // ---- Insertion ------------------------------------------------------------------
  /// Inserts value after the elements not ordered after it (stable: equal
  /// elements keep insertion order) and returns its position. Raises
  /// bad_alloc if full (value untouched). O(n).
  HEAPLESS_CONSTEXPR20 const_iterator push(const T& value) { return emplace(value); }
  /// As push(const T&), moving value.
  HEAPLESS_CONSTEXPR20 const_iterator push(T&& value) { return emplace(std::move(value)); }
  /// As push, constructing the element from args. Raises bad_alloc if full.
  template <class... Args>
  HEAPLESS_CONSTEXPR20 const_iterator emplace(Args&&... args) {
    if (HEAPLESS_UNLIKELY(full())) capacity_exceeded();
    return insert_(std::forward<Args>(args)...);
  }
  /// As push, but returns false when full (value is then not moved from).
  [[nodiscard]] HEAPLESS_CONSTEXPR20 bool try_push(const T& value) { return try_emplace(value); }
  /// As try_push(const T&), moving value.
  [[nodiscard]] HEAPLESS_CONSTEXPR20 bool try_push(T&& value) { return try_emplace(std::move(value)); }
  /// As emplace, but returns false when full (nothing is constructed then).
  template <class... Args>
  [[nodiscard]] HEAPLESS_CONSTEXPR20 bool try_emplace(Args&&... args) {
    if (HEAPLESS_UNLIKELY(full())) return false;
    insert_(std::forward<Args>(args)...);
    return true;
  }
  /// Precondition (asserted): !full().
  HEAPLESS_CONSTEXPR20 const_iterator unchecked_push(const T& value) { return unchecked_emplace(value); }
  /// As unchecked_push(const T&), moving value.
  HEAPLESS_CONSTEXPR20 const_iterator unchecked_push(T&& value) { return unchecked_emplace(std::move(value)); }
  /// As emplace without the capacity check. Precondition (asserted): !full().
  template <class... Args>
  HEAPLESS_CONSTEXPR20 const_iterator unchecked_emplace(Args&&... args) {
    HEAPLESS_ASSERT(!full(), "heapless::SortedLinkedList::unchecked_emplace: full");
    return insert_(std::forward<Args>(args)...);
  }

  // ---- Removal --------------------------------------------------------------------
  /// Removes front(). Precondition (asserted): !empty(). O(1).
  HEAPLESS_CONSTEXPR20 void pop() noexcept {
    HEAPLESS_ASSERT(!empty(), "heapless::SortedLinkedList::pop: empty");
    const index_type i = this->head_;
    this->head_ = this->links()[i];
    release_(i);
  }
  /// Removes and returns front(); an empty optional when empty. O(1).
  [[nodiscard]] HEAPLESS_CONSTEXPR20 std::optional<T> try_pop() noexcept(std::is_nothrow_move_constructible_v<T>) {
    if (empty()) return std::nullopt;
    std::optional<T> out(std::in_place, std::move(this->vals()[this->head_]));
    pop();
    return out;
  }
  /// Removes the element after pos and returns the position after the removed
  /// one. Precondition (asserted): pos is before_begin() or an element of
  /// *this that is not the last. O(1).
  HEAPLESS_CONSTEXPR20 const_iterator erase_after(const_iterator pos) noexcept {
    HEAPLESS_ASSERT(pos.l_ == this && pos.i_ != N, "heapless::SortedLinkedList::erase_after: bad position");
    index_type& link = link_after_(pos.i_);
    const index_type i = link;
    HEAPLESS_ASSERT(i != none_, "heapless::SortedLinkedList::erase_after: nothing after pos");
    const index_type after = this->links()[i];
    link = after;
    release_(i);
    const_iterator out = pos;  // built from the argument, not from this
    out.i_ = after;
    return out;
  }
  /// Removes the element at pos (must be an element of *this) and returns the
  /// position after it. O(n): the predecessor is searched from the front; use
  /// erase_after (with find_before_if) for O(1).
  HEAPLESS_CONSTEXPR20 const_iterator erase(const_iterator pos) noexcept {
    HEAPLESS_ASSERT(pos.l_ == this && pos.i_ < N, "heapless::SortedLinkedList::erase: bad position");
    const_iterator prev = pos;  // built from the argument, not from this
    prev.i_ = before_;
    for (std::size_t j = this->head_; j != pos.i_; j = this->links()[j]) prev.i_ = j;
    return erase_after(prev);
  }
  /// Removes every element for which pred is true; returns how many. O(n).
  template <class Pred>
  HEAPLESS_CONSTEXPR20 size_type remove_if(Pred pred) {
    size_type removed = 0;
    std::size_t prev = before_;
    std::size_t i = this->head_;
    while (i != N) {
      const index_type next = this->links()[i];
      if (pred(static_cast<const T&>(this->vals()[i]))) {
        link_after_(prev) = next;
        release_(static_cast<index_type>(i));
        ++removed;
      } else {
        prev = i;
      }
      i = next;
    }
    return removed;
  }
  /// Destroys every element. O(n) (O(1) for trivially destructible T).
  HEAPLESS_CONSTEXPR20 void clear() noexcept { this->destroy_all(); }

  // ---- Search ----------------------------------------------------------------------
  /// The first element (in order) for which pred is true, or end(). O(n).
  template <class Pred>
  constexpr const_iterator find_if(Pred pred) const {
    std::size_t i = this->head_;
    while (i != N && !pred(static_cast<const T&>(this->vals()[i]))) i = this->links()[i];
    return const_iterator(this, i);
  }
  /// The position before the first element for which pred is true
  /// (before_begin() if it is the first), or end() if there is none: the
  /// argument erase_after needs. O(n).
  template <class Pred>
  constexpr const_iterator find_before_if(Pred pred) const {
    std::size_t prev = before_;
    for (std::size_t i = this->head_; i != N; i = this->links()[i]) {
      if (pred(static_cast<const T&>(this->vals()[i]))) return const_iterator(this, prev);
      prev = i;
    }
    return end();
  }
  /// The first element equivalent to key, or end(). O(n), stops at the first
  /// element ordered after key.
  constexpr const_iterator find(const T& key) const {
    std::size_t i = this->head_;
    while (i != N && comp_()(this->vals()[i], key)) i = this->links()[i];
    if (i != N && comp_()(key, this->vals()[i])) i = N;
    return const_iterator(this, i);
  }

  /// Write access to one element, from find_mut(). When the handle is
  /// released, the element moves to its place in the order again, unless it
  /// is still in order between its neighbours (then nothing moves). O(n).
  class find_handle {
   public:
    find_handle(const find_handle&) = delete;
    find_handle& operator=(const find_handle&) = delete;
    /// Takes o's pending re-sort; o does nothing on destruction.
    HEAPLESS_CONSTEXPR20 find_handle(find_handle&& o) noexcept : l_(o.l_), prev_(o.prev_), i_(o.i_) {
      o.l_ = nullptr;
    }
    find_handle& operator=(find_handle&&) = delete;
    HEAPLESS_CONSTEXPR20 ~find_handle() {
      if (l_ != nullptr) l_->resort_(prev_, i_);
    }
    /// True when an element was found.
    constexpr explicit operator bool() const noexcept { return l_ != nullptr; }
    /// Precondition (asserted): *this is true.
    constexpr T& operator*() const noexcept {
      HEAPLESS_ASSERT(l_ != nullptr, "heapless::SortedLinkedList::find_handle: no element");
      return l_->vals()[i_];
    }
    /// Pointer to the element (see operator*).
    constexpr T* operator->() const noexcept { return &**this; }
    /// Removes the element and returns it; the handle is spent. O(1).
    /// Precondition (asserted): *this is true.
    HEAPLESS_CONSTEXPR20 T pop() {
      HEAPLESS_ASSERT(l_ != nullptr, "heapless::SortedLinkedList::find_handle::pop: no element");
      SortedLinkedList* l = l_;
      l_ = nullptr;
      T out(std::move(l->vals()[i_]));
      l->unlink_(prev_, i_);
      l->release_(static_cast<index_type>(i_));
      return out;
    }

   private:
    friend class SortedLinkedList;
    constexpr find_handle(SortedLinkedList* l, std::size_t prev, std::size_t i) noexcept
        : l_(l), prev_(prev), i_(i) {}
    SortedLinkedList* l_;  ///< nullptr: nothing found, or spent
    std::size_t prev_;
    std::size_t i_;
  };
  /// A handle to the first element for which pred is true (false when there
  /// is none). O(n) to find; see find_handle for the release.
  template <class Pred>
  [[nodiscard]] HEAPLESS_CONSTEXPR20 find_handle find_mut(Pred pred) {
    std::size_t prev = before_;
    for (std::size_t i = this->head_; i != N; i = this->links()[i]) {
      if (pred(static_cast<const T&>(this->vals()[i]))) return find_handle(this, prev, i);
      prev = i;
    }
    return find_handle(nullptr, before_, N);
  }

  /// A copy of the comparison.
  constexpr value_compare value_comp() const { return comp_(); }

 private:
  [[noreturn]] static void capacity_exceeded() {
    detail::raise(error_kind::bad_alloc, "heapless::SortedLinkedList: capacity exceeded");
  }
  constexpr const Compare& comp_() const noexcept { return this->comp(); }

  /// Called first by the non-default constructors. A constant must be fully
  /// initialised, so during constant evaluation only (C++20, trivial T),
  /// every slot and link is value-initialised; at run time nothing is written.
  constexpr void prepare_constant_() noexcept {
#if HEAPLESS_CPP20
    if constexpr (detail::is_constexpr_friendly_v<T> && N <= 16384) {
      if (HEAPLESS_IS_CONSTANT_EVALUATED()) {
        for (std::size_t i = 0; i != N; ++i) {
          this->values_.construct(i);
          this->next_.construct(i, none_);
        }
      }
    }
#endif
  }

  /// Destroys the (already unlinked) element in slot i and frees the slot.
  HEAPLESS_CONSTEXPR20 void release_(index_type i) noexcept {
    if constexpr (finger_count_ != 0) {
      for (std::size_t k = 0; k != finger_count_; ++k) {
        if (this->fingers_[k] == i) this->fingers_[k] = none_;
      }
    }
    this->values_.destroy(i);
    this->links()[i] = this->free_;
    this->free_ = i;
    this->size_ = static_cast<index_type>(this->size_ - 1);
  }
  HEAPLESS_CONSTEXPR20 void unlink_(std::size_t prev, std::size_t i) noexcept {
    link_after_(prev) = this->links()[i];
  }
  /// The link that holds the slot after position p: the head for before_begin.
  constexpr index_type& link_after_(std::size_t p) noexcept {
    return p == before_ ? this->head_ : this->links()[p];
  }
  /// Links slot s after the last node not ordered after its value.
  HEAPLESS_CONSTEXPR20 void link_sorted_(index_type s) {
    const T* v = this->vals();
    index_type* next = this->links();
    const T& x = v[s];
    index_type prev = none_;
    index_type i = this->head_;
    if constexpr (finger_count_ != 0) {
      // Start after the closest finger not ordered after x (s itself may be
      // a finger when resort_ relinks it).
      for (std::size_t k = 0; k != finger_count_; ++k) {
        const index_type f = this->fingers_[k];
        if (f != none_ && f != s && !comp_()(x, v[f]) && (prev == none_ || comp_()(v[prev], v[f]))) prev = f;
      }
      if (prev != none_) i = next[prev];
    }
    while (i != none_ && !comp_()(x, v[i])) {
      prev = i;
      i = next[i];
    }
    next[s] = i;
    if (prev == none_) this->head_ = s;
    else next[prev] = s;
  }
  template <class... Args>
  HEAPLESS_CONSTEXPR20 const_iterator insert_(Args&&... args) {
    // A recycled slot, else the next never used; taken only once the value
    // is constructed (a throwing constructor changes nothing).
    const index_type f = this->free_;
    const index_type s = f != none_ ? f : this->used_;
    this->values_.construct(s, std::forward<Args>(args)...);
    if (f != none_) {
      this->free_ = this->links()[s];
    } else {
      this->used_ = static_cast<index_type>(s + 1);
      // First use of a slot in constant evaluation: begin the link's lifetime
      // (link_sorted_ writes it; at run time that write is all it needs).
#if HEAPLESS_CPP20
      if (HEAPLESS_IS_CONSTANT_EVALUATED()) this->next_.construct(s, none_);
#endif
    }
    this->size_ = static_cast<index_type>(this->size_ + 1);
    link_sorted_(s);
    if constexpr (finger_count_ != 0) {
      this->fingers_[this->next_finger_] = s;
      this->next_finger_ = static_cast<index_type>((this->next_finger_ + 1) % finger_count_);
    }
    return const_iterator(this, s);
  }
  /// Moves slot i (linked after prev) back into order after its value changed.
  HEAPLESS_CONSTEXPR20 void resort_(std::size_t prev, std::size_t i) {
    const T* v = this->vals();
    const index_type next = this->links()[i];
    const bool after_prev = prev == before_ || !comp_()(v[i], v[prev]);
    const bool before_next = next == none_ || !comp_()(v[next], v[i]);
    if (after_prev && before_next) return;
    unlink_(prev, i);
    link_sorted_(static_cast<index_type>(i));
  }
};

HEAPLESS_NAMESPACE_END

#endif  // HEAPLESS_SORTED_LINKED_LIST_HPP
