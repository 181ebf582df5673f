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
// View: SortedLinkedListRef<T, Compare, Index> (end of this header) refers to
// a list of any N whose index type is Index (std::uint8_t by default: every
// N up to 255), for plain functions that serve lists of several sizes:
//   void expire(heapless::SortedLinkedListRef<int> deadlines);  // any N <= 255
// It is a pointer to the list's nodes and N, and runs the list's own
// algorithms (detail::sll_algo); SortedLinkedListRef<const T, ...> is the
// read-only form.
//
// Thread/ISR: no internal synchronisation; a SortedLinkedList is a plain value.
#ifndef HEAPLESS_SORTED_LINKED_LIST_HPP
#define HEAPLESS_SORTED_LINKED_LIST_HPP

#include <cstddef>           // std::size_t, std::ptrdiff_t
#include <cstdint>           // std::uint8_t: SortedLinkedListRef's default index type
#include <initializer_list>  // std::initializer_list constructor
#include <optional>          // std::optional: try_pop()
#include <type_traits>       // triviality traits select the special members
#include <utility>           // std::move, std::forward

#include <heapless/detail/compare.hpp>   // detail::compare_holder, std::less
#include <heapless/detail/config.hpp>    // HEAPLESS_CONSTEXPR20, hints
#include <heapless/detail/error.hpp>     // detail::raise, HEAPLESS_ASSERT
#include <heapless/detail/iterator.hpp>  // std::forward_iterator_tag, std::iterator_traits
#include <heapless/detail/size.hpp>      // detail::smallest_size_t
#include <heapless/detail/storage.hpp>   // detail::uninit_array, construct_at, destroy_at, copy_gate
#include <heapless/detail/synth_three_way.hpp>  // detail::synth_three_way: operator<=>

HEAPLESS_NAMESPACE_BEGIN
namespace detail {

/// Lists of capacity sll_fingers_from and more keep sll_finger_max search
/// fingers (see sll_fingers); smaller lists keep none.
inline constexpr std::size_t sll_fingers_from = 32;
inline constexpr std::size_t sll_finger_max = 8;
/// Number of search fingers a list of capacity N keeps (see sll_fingers).
template <std::size_t N>
inline constexpr std::size_t sll_finger_count = N >= sll_fingers_from ? sll_finger_max : 0;

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
  constexpr I* fingers() noexcept { return fingers_; }
  constexpr I& next_finger() noexcept { return next_finger_; }
};
template <class I>
struct sll_fingers<I, 0> {
  constexpr explicit sll_fingers(I) noexcept {}
};

/// A stored link (or head) is a slot or none (N), never above: telling the
/// optimiser so lets it prove that an iteration started at begin() never
/// meets before_begin() (N + 1), so operator++ loses its head check there.
constexpr std::size_t sll_link_value(std::size_t i, std::size_t n) noexcept {
#if HEAPLESS_DETAIL_GNU
  if (i > n) __builtin_unreachable();
#endif
  return i;
}

// ---- The core interface both SortedLinkedList and its view implement -------
// Every algorithm (sll_algo) is written once, against this interface:
//   T* vals(); I* links(); I& head(); I& free_slot(); I& used(); I& count();
//   std::size_t cap();            N: "none" is N, before_begin() is N + 1;
//   std::size_t finger_count();   I* fingers(); I& next_finger() (only when
//   the static may_have_fingers is true);
//   construct(s, args...), destroy(s), new_link(s) (a slot's first use);
//   std::size_t link_value(i)     (see sll_link_value).
// The list's core (sll_fields<T, N>) holds the nodes, and answers cap() and
// finger_count() with constants, so the list compiles to what it did when
// the algorithms were its members. The view's (sll_ref_core<T, I>) computes
// the same addresses from a pointer to the nodes and N.

/// The nodes and the list heads. Index N means "none".
template <class T, std::size_t N>
struct sll_fields : sll_fingers<smallest_size_t<N>, sll_finger_count<N>> {
  using index_type = smallest_size_t<N>;
  using fingers_base = sll_fingers<index_type, sll_finger_count<N>>;
  static constexpr index_type none = static_cast<index_type>(N);
  /// Default-constructed iterators hold this index (end()).
  static constexpr std::size_t default_index = N;

  // Links, then the indices, then the values. The indices sit at a small
  // offset for small N (Cortex-M0 loads and stores bytes only within 31
  // bytes of a base register), and at an offset that depends on N, so the
  // members of lists of different N never compile to identical code (GCC's
  // identical-code folding would merge them and then warn about accesses
  // past the smaller object). sll_ref_core relies on this order.
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
  constexpr index_type& head() noexcept { return head_; }
  constexpr const index_type& head() const noexcept { return head_; }
  constexpr index_type& free_slot() noexcept { return free_; }
  constexpr index_type& used() noexcept { return used_; }
  constexpr index_type& count() noexcept { return size_; }
  static constexpr std::size_t cap() noexcept { return N; }
  static constexpr std::size_t finger_count() noexcept { return sll_finger_count<N>; }
  /// false: the finger code is not even compiled (the list has none).
  static constexpr bool may_have_fingers = sll_finger_count<N> != 0;
  static constexpr std::size_t link_value(std::size_t i) noexcept { return sll_link_value(i, N); }
  constexpr const void* id() const noexcept { return this; }
  template <class... Args>
  HEAPLESS_CONSTEXPR20 void construct(std::size_t s, Args&&... args) {
    values_.construct(s, std::forward<Args>(args)...);
  }
  HEAPLESS_CONSTEXPR20 void destroy(std::size_t s) noexcept { values_.destroy(s); }
  /// First use of a slot: in constant evaluation, begin the link's lifetime
  /// (link_sorted writes it; at run time that write is all it needs). The
  /// first slot of an empty list (s == 0, its value already built) also
  /// value-initialises every other link and value, in constant evaluation
  /// only (trivial T): a constant must be fully initialised, and the trivial
  /// copy of a list reads all N nodes.
  /// Value-initialises nodes [from, N), links and values, in constant
  /// evaluation only (C++20, trivial T; bounded as Vec's fill, 16384).
  constexpr void fill_constant(std::size_t from) noexcept {
#if HEAPLESS_CPP20
    if constexpr (is_constexpr_friendly_v<T> && N <= 16384) {
      if (HEAPLESS_IS_CONSTANT_EVALUATED()) {
        for (std::size_t i = from; i != N; ++i) {
          values_.construct(i);
          next_.construct(i, none);
        }
      }
    }
#else
    (void)from;
#endif
  }
  HEAPLESS_CONSTEXPR20 void new_link(std::size_t s) noexcept {
#if HEAPLESS_CPP20
    if (HEAPLESS_IS_CONSTANT_EVALUATED()) {
      next_.construct(s, none);
      if (s == 0) fill_constant(1);
    }
#else
    (void)s;
#endif
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
  HEAPLESS_CONSTEXPR20 void destroy_all() noexcept;
};

/// The view's core: a list's nodes reached from a pointer to them (the
/// sll_fields subobject) and N, with I (the list's index type) fixed. The
/// addresses are those of sll_fields' members: fingers (N >= 32), links,
/// the four indices, then the values at T's alignment. Members are const: a
/// view is a handle.
template <class T, class I>
struct sll_ref_core {
  using index_type = I;
  static constexpr std::size_t default_index = 0;

  unsigned char* base_;
  std::size_t n_;

  std::size_t cap() const noexcept { return n_; }
  std::size_t finger_count() const noexcept { return n_ >= sll_fingers_from ? sll_finger_max : 0; }
  static constexpr bool may_have_fingers = true;
  std::size_t link_value(std::size_t i) const noexcept { return sll_link_value(i, n_); }
  const void* id() const noexcept { return base_; }
  std::size_t links_offset() const noexcept { return finger_count() != 0 ? (sll_finger_max + 1) * sizeof(I) : 0; }
  /// The object of type U at byte offset off (through void*: the offsets
  /// are the members', so the alignment is theirs).
  template <class U>
  U* at_(std::size_t off) const noexcept {
    return static_cast<U*>(static_cast<void*>(base_ + off));
  }
  I* fingers() const noexcept { return at_<I>(0); }
  I& next_finger() const noexcept { return *at_<I>(sll_finger_max * sizeof(I)); }
  I* links() const noexcept { return at_<I>(links_offset()); }
  I& index_(std::size_t k) const noexcept { return *at_<I>(links_offset() + (n_ + k) * sizeof(I)); }
  I& head() const noexcept { return index_(0); }
  I& free_slot() const noexcept { return index_(1); }
  I& used() const noexcept { return index_(2); }
  I& count() const noexcept { return index_(3); }
  T* vals() const noexcept {
    const std::size_t end = links_offset() + (n_ + 4) * sizeof(I);
    return at_<T>((end + alignof(T) - 1) / alignof(T) * alignof(T));
  }
  template <class... Args>
  void construct(std::size_t s, Args&&... args) const {
    ::heapless::detail::construct_at(vals() + s, std::forward<Args>(args)...);
  }
  void destroy(std::size_t s) const noexcept { ::heapless::detail::destroy_at(vals() + s); }
  void new_link(std::size_t) const noexcept {}
};

/// Forward iterator in sorted order over a list (Holder: a pointer to the
/// list's sll_fields) or a view (Holder: its sll_ref_core, by value, so the
/// iterator does not depend on the view object). Elements are read-only
/// through it (as in std::multiset); find_mut() gives write access.
template <class T, class Holder>
class sll_iterator {
  using core_type = std::remove_const_t<std::remove_pointer_t<Holder>>;

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

  /// A singular iterator (equal to end() of a list, as in the list's own).
  constexpr sll_iterator() noexcept : h_(), i_(core_type::default_index) {}
  /// The element. Precondition (asserted): not end() or before_begin().
  constexpr reference operator*() const noexcept {
    HEAPLESS_ASSERT(i_ < cap(), "heapless::SortedLinkedList: dereferencing end() or before_begin()");
    return core().vals()[i_];
  }
  /// Pointer to the element (see operator*).
  constexpr pointer operator->() const noexcept { return &**this; }
  /// Advances to the next element in order.
  constexpr sll_iterator& operator++() noexcept {
    const auto& c = core();
    i_ = c.link_value(i_ == c.cap() + 1 ? std::size_t{c.head()} : std::size_t{c.links()[i_]});
    return *this;
  }
  /// Advances to the next element in order; returns the previous position.
  constexpr sll_iterator operator++(int) noexcept {
    sll_iterator old = *this;
    ++*this;
    return old;
  }
  /// Same position.
  friend constexpr bool operator==(const sll_iterator& a, const sll_iterator& b) noexcept { return a.i_ == b.i_; }
  /// Different positions.
  friend constexpr bool operator!=(const sll_iterator& a, const sll_iterator& b) noexcept { return a.i_ != b.i_; }

 private:
  friend struct sll_access;
  constexpr sll_iterator(Holder h, std::size_t i) noexcept : h_(h), i_(i) {}
  constexpr const core_type& core() const noexcept {
    if constexpr (std::is_pointer_v<Holder>) return *h_;
    else return h_;
  }
  /// N, without the list for a list's iterator (a singular one has none).
  constexpr std::size_t cap() const noexcept {
    if constexpr (std::is_pointer_v<Holder>) return core_type::cap();
    else return h_.cap();
  }
  Holder h_;
  std::size_t i_;  ///< slot, N for end(), N + 1 for before_begin()
};

/// The containers' way into their iterators and handles.
struct sll_access {
  template <class It, class Holder>
  static constexpr It make(Holder h, std::size_t i) noexcept {
    return It(h, i);
  }
  template <class It>
  static constexpr std::size_t index(const It& it) noexcept {
    return it.i_;
  }
  template <class It>
  static constexpr const void* id(const It& it) noexcept {
    return it.core().id();
  }
  /// A copy of the caller's iterator moved to slot i: a position returned for
  /// an argument is built from the argument (docs/design.md, "Positions
  /// returned from arguments").
  template <class It>
  static constexpr It moved(It it, std::size_t i) noexcept {
    it.i_ = i;
    return it;
  }
};

/// The list's algorithms, written once for SortedLinkedList and its view.
/// C is the core (sll_fields<T, N> or const sll_ref_core<T, I>).
template <class T, class Compare>
struct sll_algo {
  template <class C>
  using index_t = typename std::remove_const_t<C>::index_type;

  [[noreturn]] static void capacity_exceeded() {
    raise(error_kind::bad_alloc, "heapless::SortedLinkedList: capacity exceeded");
  }

  /// The link that holds the slot after position p: the head for before_begin.
  template <class C>
  static constexpr index_t<C>& link_after(C& c, std::size_t p) noexcept {
    return p == c.cap() + 1 ? c.head() : c.links()[p];
  }
  /// Destroys the (already unlinked) element in slot i and frees the slot.
  template <class C>
  static HEAPLESS_CONSTEXPR20 void release(C& c, index_t<C> i) noexcept {
    if constexpr (std::remove_const_t<C>::may_have_fingers) {
      const std::size_t fingers = c.finger_count();
      const auto none = static_cast<index_t<C>>(c.cap());
      index_t<C>* f = c.fingers();
      for (std::size_t k = 0; k != fingers; ++k) {
        if (f[k] == i) f[k] = none;
      }
    }
    c.destroy(i);
    c.links()[i] = c.free_slot();
    c.free_slot() = i;
    c.count() = static_cast<index_t<C>>(c.count() - 1);
  }
  template <class C>
  static HEAPLESS_CONSTEXPR20 void unlink(C& c, std::size_t prev, std::size_t i) noexcept {
    link_after(c, prev) = c.links()[i];
  }
  /// Unlinks and frees slot i (linked after prev).
  template <class C>
  static HEAPLESS_CONSTEXPR20 void remove(C& c, std::size_t prev, std::size_t i) noexcept {
    unlink(c, prev, i);
    release(c, static_cast<index_t<C>>(i));
  }
  /// Destroys every element and resets to empty.
  template <class C>
  static HEAPLESS_CONSTEXPR20 void clear(C& c) noexcept {
    using I = index_t<C>;
    const auto none = static_cast<I>(c.cap());
    if constexpr (!std::is_trivially_destructible_v<T>) {
      for (std::size_t i = c.head(); i != c.cap(); i = c.links()[i]) c.destroy(i);
    }
    c.head() = none;
    c.free_slot() = none;
    c.used() = 0;
    c.count() = 0;
    if constexpr (std::remove_const_t<C>::may_have_fingers) {
      const std::size_t fingers = c.finger_count();
      for (std::size_t k = 0; k != fingers; ++k) c.fingers()[k] = none;
    }
  }
  /// Links slot s after the last node not ordered after its value.
  template <class C>
  static HEAPLESS_CONSTEXPR20 void link_sorted(C& c, const Compare& comp, index_t<C> s) {
    using I = index_t<C>;
    const auto none = static_cast<I>(c.cap());
    const T* v = c.vals();
    I* next = c.links();
    const T& x = v[s];
    I prev = none;
    I i = c.head();
    if constexpr (std::remove_const_t<C>::may_have_fingers) {
      const std::size_t fingers = c.finger_count();
      // Start after the closest finger not ordered after x (s itself may be
      // a finger when resort relinks it).
      const I* fs = c.fingers();
      for (std::size_t k = 0; k != fingers; ++k) {
        const I f = fs[k];
        if (f != none && f != s && !comp(x, v[f]) && (prev == none || comp(v[prev], v[f]))) prev = f;
      }
      if (prev != none) i = next[prev];
    }
    while (i != none && !comp(x, v[i])) {
      prev = i;
      i = next[i];
    }
    next[s] = i;
    if (prev == none) c.head() = s;
    else next[prev] = s;
  }
  /// Constructs an element from args and links it in order; returns its slot.
  /// Precondition: not full.
  template <class C, class... Args>
  static HEAPLESS_CONSTEXPR20 std::size_t insert(C& c, const Compare& comp, Args&&... args) {
    using I = index_t<C>;
    const auto none = static_cast<I>(c.cap());
    // A recycled slot, else the next never used; taken only once the value
    // is constructed (a throwing constructor changes nothing).
    const I f = c.free_slot();
    const I s = f != none ? f : c.used();
    c.construct(s, std::forward<Args>(args)...);
    if (f != none) {
      c.free_slot() = c.links()[s];
    } else {
      c.used() = static_cast<I>(s + 1);
      c.new_link(s);
    }
    c.count() = static_cast<I>(c.count() + 1);
    link_sorted(c, comp, s);
    if constexpr (std::remove_const_t<C>::may_have_fingers) {
      const std::size_t fingers = c.finger_count();
      if (fingers != 0) {
        const I nf = c.next_finger();  // read once: the store below may alias it
        c.fingers()[nf] = s;
        c.next_finger() = static_cast<I>((nf + 1) % fingers);
      }
    }
    return s;
  }
  /// Moves slot i (linked after prev) back into order after its value changed.
  template <class C>
  static HEAPLESS_CONSTEXPR20 void resort(C& c, const Compare& comp, std::size_t prev, std::size_t i) {
    const T* v = c.vals();
    const std::size_t next = c.links()[i];
    const bool after_prev = prev == c.cap() + 1 || !comp(v[i], v[prev]);
    const bool before_next = next == c.cap() || !comp(v[next], v[i]);
    if (after_prev && before_next) return;
    unlink(c, prev, i);
    link_sorted(c, comp, static_cast<index_t<C>>(i));
  }

  /// Removes front(). Precondition (asserted): not empty.
  template <class C>
  static HEAPLESS_CONSTEXPR20 void pop(C& c) noexcept {
    HEAPLESS_ASSERT(c.count() != 0, "heapless::SortedLinkedList::pop: empty");
    const index_t<C> i = c.head();
    c.head() = c.links()[i];
    release(c, i);
  }
  template <class C>
  static HEAPLESS_CONSTEXPR20 std::optional<T> try_pop(C& c) noexcept(std::is_nothrow_move_constructible_v<T>) {
    if (c.count() == 0) return std::nullopt;
    std::optional<T> out(std::in_place, std::move(c.vals()[c.head()]));
    pop(c);
    return out;
  }
  /// Removes the element after pos; returns pos moved to the one after it.
  template <class C, class It>
  static HEAPLESS_CONSTEXPR20 It erase_after(C& c, It pos) noexcept {
    const std::size_t p = sll_access::index(pos);
    HEAPLESS_ASSERT(sll_access::id(pos) == c.id() && p != c.cap(),
                    "heapless::SortedLinkedList::erase_after: bad position");
    index_t<C>& link = link_after(c, p);
    const index_t<C> i = link;
    HEAPLESS_ASSERT(i != c.cap(), "heapless::SortedLinkedList::erase_after: nothing after pos");
    const index_t<C> after = c.links()[i];
    link = after;
    release(c, i);
    return sll_access::moved(pos, after);
  }
  /// Removes the element at pos (searching its predecessor from the front).
  template <class C, class It>
  static HEAPLESS_CONSTEXPR20 It erase(C& c, It pos) noexcept {
    const std::size_t at = sll_access::index(pos);
    HEAPLESS_ASSERT(sll_access::id(pos) == c.id() && at < c.cap(), "heapless::SortedLinkedList::erase: bad position");
    std::size_t prev = c.cap() + 1;
    for (std::size_t j = c.head(); j != at; j = c.links()[j]) prev = j;
    return erase_after(c, sll_access::moved(pos, prev));
  }
  template <class C, class Pred>
  static HEAPLESS_CONSTEXPR20 std::size_t remove_if(C& c, Pred& pred) {
    std::size_t removed = 0;
    std::size_t prev = c.cap() + 1;
    std::size_t i = c.head();
    while (i != c.cap()) {
      const index_t<C> next = c.links()[i];
      if (pred(static_cast<const T&>(c.vals()[i]))) {
        link_after(c, prev) = next;
        release(c, static_cast<index_t<C>>(i));
        ++removed;
      } else {
        prev = i;
      }
      i = next;
    }
    return removed;
  }
  /// The slot of the first element for which pred is true, or N.
  template <class C, class Pred>
  static constexpr std::size_t find_if(const C& c, Pred& pred) {
    std::size_t i = c.head();
    while (i != c.cap() && !pred(static_cast<const T&>(c.vals()[i]))) i = c.links()[i];
    return i;
  }
  /// The position before the first element for which pred is true (N + 1 if
  /// it is the first); *found is false when there is none.
  template <class C, class Pred>
  static constexpr std::size_t find_before_if(const C& c, Pred& pred, bool* found) {
    std::size_t prev = c.cap() + 1;
    for (std::size_t i = c.head(); i != c.cap(); i = c.links()[i]) {
      if (pred(static_cast<const T&>(c.vals()[i]))) {
        *found = true;
        return prev;
      }
      prev = i;
    }
    *found = false;
    return c.cap();
  }
  /// The slot of the first element equivalent to key, or N.
  template <class C>
  static constexpr std::size_t find(const C& c, const Compare& comp, const T& key) {
    std::size_t i = c.head();
    while (i != c.cap() && comp(c.vals()[i], key)) i = c.links()[i];
    if (i != c.cap() && comp(key, c.vals()[i])) i = c.cap();
    return i;
  }
};

template <class T, std::size_t N>
HEAPLESS_CONSTEXPR20 void sll_fields<T, N>::destroy_all() noexcept {
  sll_algo<T, std::less<>>::clear(*this);
}

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

/// Write access to one element of a list or a view, from find_mut(). When
/// the handle is released, the element moves to its place in the order
/// again, unless it is still in order between its neighbours (then nothing
/// moves). Holder reaches the list: a pointer to it, or a copy of the view.
template <class List, class Holder>
class sll_find_handle {
  using T = typename List::value_type;

 public:
  sll_find_handle(const sll_find_handle&) = delete;
  sll_find_handle& operator=(const sll_find_handle&) = delete;
  /// Takes o's pending re-sort; o does nothing on destruction.
  HEAPLESS_CONSTEXPR20 sll_find_handle(sll_find_handle&& o) noexcept
      : l_(o.l_), prev_(o.prev_), i_(o.i_), live_(o.live_) {
    o.live_ = false;
  }
  sll_find_handle& operator=(sll_find_handle&&) = delete;
  /// Re-sorts the element (O(n); nothing moves if it is still in order),
  /// unless nothing was found, or the handle was moved from or popped.
  HEAPLESS_CONSTEXPR20 ~sll_find_handle() {
    if (live_) at(l_).resort_(prev_, i_);
  }
  /// True when an element was found.
  constexpr explicit operator bool() const noexcept { return live_; }
  /// Precondition (asserted): *this is true.
  constexpr T& operator*() const noexcept {
    HEAPLESS_ASSERT(live_, "heapless::SortedLinkedList::find_handle: no element");
    return *at(l_).slot_(i_);
  }
  /// Pointer to the element (see operator*).
  constexpr T* operator->() const noexcept { return &**this; }
  /// Removes the element and returns it; the handle is spent. O(1).
  /// Precondition (asserted): *this is true.
  HEAPLESS_CONSTEXPR20 T pop() {
    HEAPLESS_ASSERT(live_, "heapless::SortedLinkedList::find_handle::pop: no element");
    live_ = false;
    T out(std::move(*at(l_).slot_(i_)));
    at(l_).remove_(prev_, i_);
    return out;
  }

 private:
  friend List;
  constexpr sll_find_handle(Holder l, std::size_t prev, std::size_t i, bool live) noexcept
      : l_(l), prev_(prev), i_(i), live_(live) {}
  static constexpr List& at(List* p) noexcept { return *p; }
  static constexpr const List& at(const List& l) noexcept { return l; }
  Holder l_;
  std::size_t prev_;
  std::size_t i_;
  bool live_;
};

}  // namespace detail

template <class T, class Compare, class Index>
class SortedLinkedListRef;

/// At most N elements of T kept sorted by Compare (the smallest first for
/// std::less) in a singly linked list of array nodes.
/// Copyable when T is copy and move constructible, movable when T is move
/// constructible (copy_gate deletes the others).
template <class T, std::size_t N, class Compare = std::less<T>>
class SortedLinkedList : private detail::sll_core<T, N>,
                         private detail::copy_gate<std::is_copy_constructible_v<T> && std::is_move_constructible_v<T>,
                                                   std::is_move_constructible_v<T>>,
                         private detail::compare_holder<Compare> {
  static_assert(std::is_object_v<T> && !std::is_const_v<T> && !std::is_volatile_v<T>,
                "heapless::SortedLinkedList<T, N>: T must be a non-cv object type");
  static_assert(N > 0, "heapless::SortedLinkedList<T, N>: N must be at least 1");
  using core_ = detail::sll_core<T, N>;
  using fields_ = detail::sll_fields<T, N>;
  using compare_base_ = detail::compare_holder<Compare>;
  using algo_ = detail::sll_algo<T, Compare>;
  using access_ = detail::sll_access;
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
  /// The type of the stored links and indices: the smallest unsigned type
  /// that holds N (a SortedLinkedListRef refers to lists of one index type).
  using index_type = typename fields_::index_type;

  /// Forward iterator in sorted order. Elements are read-only through it (as
  /// in std::multiset); find_mut() gives write access.
  using const_iterator = detail::sll_iterator<T, const fields_*>;
  /// Same as const_iterator: elements are read-only.
  using iterator = const_iterator;
  /// Write access to one element, from find_mut(). When the handle is
  /// released, the element moves to its place in the order again, unless it
  /// is still in order between its neighbours (then nothing moves). O(n).
  using find_handle = detail::sll_find_handle<SortedLinkedList, SortedLinkedList*>;

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
  constexpr const_iterator begin() const noexcept { return it_(fields_::link_value(this->head_)); }
  /// The position after the last element.
  constexpr const_iterator end() const noexcept { return it_(N); }
  /// Same as begin().
  constexpr const_iterator cbegin() const noexcept { return begin(); }
  /// Same as end().
  constexpr const_iterator cend() const noexcept { return end(); }
  /// The position before begin(), for erase_after (as std::forward_list).
  constexpr const_iterator before_begin() const noexcept { return it_(before_); }
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
    if (HEAPLESS_UNLIKELY(full())) algo_::capacity_exceeded();
    return it_(algo_::insert(core(), comp_(), std::forward<Args>(args)...));
  }
  /// As push, but returns false when full (value is then not moved from).
  [[nodiscard]] HEAPLESS_CONSTEXPR20 bool try_push(const T& value) { return try_emplace(value); }
  /// As try_push(const T&), moving value.
  [[nodiscard]] HEAPLESS_CONSTEXPR20 bool try_push(T&& value) { return try_emplace(std::move(value)); }
  /// As emplace, but returns false when full (nothing is constructed then).
  template <class... Args>
  [[nodiscard]] HEAPLESS_CONSTEXPR20 bool try_emplace(Args&&... args) {
    if (HEAPLESS_UNLIKELY(full())) return false;
    algo_::insert(core(), comp_(), std::forward<Args>(args)...);
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
    return it_(algo_::insert(core(), comp_(), std::forward<Args>(args)...));
  }

  // ---- Removal --------------------------------------------------------------------
  /// Removes front(). Precondition (asserted): !empty(). O(1).
  HEAPLESS_CONSTEXPR20 void pop() noexcept { algo_::pop(core()); }
  /// Removes and returns front(); an empty optional when empty. O(1).
  [[nodiscard]] HEAPLESS_CONSTEXPR20 std::optional<T> try_pop() noexcept(std::is_nothrow_move_constructible_v<T>) {
    return algo_::try_pop(core());
  }
  /// Removes the element after pos and returns the position after the removed
  /// one. Precondition (asserted): pos is before_begin() or an element of
  /// *this that is not the last. O(1).
  HEAPLESS_CONSTEXPR20 const_iterator erase_after(const_iterator pos) noexcept { return algo_::erase_after(core(), pos); }
  /// Removes the element at pos (must be an element of *this) and returns the
  /// position after it. O(n): the predecessor is searched from the front; use
  /// erase_after (with find_before_if) for O(1).
  HEAPLESS_CONSTEXPR20 const_iterator erase(const_iterator pos) noexcept { return algo_::erase(core(), pos); }
  /// Removes every element for which pred is true; returns how many. O(n).
  template <class Pred>
  HEAPLESS_CONSTEXPR20 size_type remove_if(Pred pred) {
    return algo_::remove_if(core(), pred);
  }
  /// Destroys every element. O(n) (O(1) for trivially destructible T).
  HEAPLESS_CONSTEXPR20 void clear() noexcept { algo_::clear(core()); }

  // ---- Search ----------------------------------------------------------------------
  /// The first element (in order) for which pred is true, or end(). O(n).
  template <class Pred>
  constexpr const_iterator find_if(Pred pred) const {
    return it_(algo_::find_if(core(), pred));
  }
  /// The position before the first element for which pred is true
  /// (before_begin() if it is the first), or end() if there is none: the
  /// argument erase_after needs. O(n).
  template <class Pred>
  constexpr const_iterator find_before_if(Pred pred) const {
    bool found = false;
    return it_(algo_::find_before_if(core(), pred, &found));
  }
  /// The first element equivalent to key, or end(). O(n), stops at the first
  /// element ordered after key.
  constexpr const_iterator find(const T& key) const { return it_(algo_::find(core(), comp_(), key)); }

  /// A handle to the first element for which pred is true (false when there
  /// is none). O(n) to find; see find_handle for the release.
  template <class Pred>
  [[nodiscard]] HEAPLESS_CONSTEXPR20 find_handle find_mut(Pred pred) {
    bool found = false;
    const std::size_t prev = algo_::find_before_if(core(), pred, &found);
    return find_handle(this, prev, found ? std::size_t{link_after_(prev)} : N, found);
  }

  /// A copy of the comparison.
  constexpr value_compare value_comp() const { return comp_(); }

  /// Exchanges the elements and the comparisons of the two lists (three
  /// moves of the whole list, as std::swap). O(size() + other.size()).
  HEAPLESS_CONSTEXPR20 void swap(SortedLinkedList& other) noexcept(
      std::is_nothrow_move_constructible_v<SortedLinkedList>&& std::is_nothrow_move_assignable_v<SortedLinkedList>) {
    if (this == &other) return;
    SortedLinkedList tmp(std::move(other));
    other = std::move(*this);
    *this = std::move(tmp);
  }
  /// a.swap(b).
  friend HEAPLESS_CONSTEXPR20 void swap(SortedLinkedList& a, SortedLinkedList& b) noexcept(noexcept(a.swap(b))) {
    a.swap(b);
  }

  // ---- Comparisons: as std::multiset's, element by element in list order --------
  /// Equal when both hold equal elements (T's ==) in the same order. O(n).
  friend constexpr bool operator==(const SortedLinkedList& a, const SortedLinkedList& b) {
    if (a.size() != b.size()) return false;
    for (const_iterator i = a.begin(), j = b.begin(); i != a.end(); ++i, ++j) {
      if (!(*i == *j)) return false;
    }
    return true;
  }
#if HEAPLESS_HAS_THREE_WAY
  /// Lexicographic in list order, with <=> of T or, failing that, <. O(n).
  friend constexpr auto operator<=>(const SortedLinkedList& a, const SortedLinkedList& b)
    requires detail::synth_comparable<T>
  {
    const detail::synth_three_way cmp{};
    const_iterator i = a.begin();
    const_iterator j = b.begin();
    for (; i != a.end() && j != b.end(); ++i, ++j) {
      if (auto r = cmp(*i, *j); std::is_neq(r)) return r;
    }
    return static_cast<decltype(cmp(std::declval<const T&>(), std::declval<const T&>()))>(a.size() <=> b.size());
  }
#else
  /// True unless a == b.
  friend constexpr bool operator!=(const SortedLinkedList& a, const SortedLinkedList& b) { return !(a == b); }
  /// Lexicographic in list order, with T's <. O(n).
  friend constexpr bool operator<(const SortedLinkedList& a, const SortedLinkedList& b) {
    const_iterator i = a.begin();
    const_iterator j = b.begin();
    for (; i != a.end() && j != b.end(); ++i, ++j) {
      if (*i < *j) return true;
      if (*j < *i) return false;
    }
    return a.size() < b.size();
  }
  /// b < a.
  friend constexpr bool operator>(const SortedLinkedList& a, const SortedLinkedList& b) { return b < a; }
  /// !(b < a).
  friend constexpr bool operator<=(const SortedLinkedList& a, const SortedLinkedList& b) { return !(b < a); }
  /// !(a < b).
  friend constexpr bool operator>=(const SortedLinkedList& a, const SortedLinkedList& b) { return !(a < b); }
#endif

 private:
  template <class U, class C, class I>
  friend class SortedLinkedListRef;
  friend find_handle;
  constexpr fields_& core() noexcept { return *this; }
  constexpr const fields_& core() const noexcept { return *this; }
  constexpr const Compare& comp_() const noexcept { return this->comp(); }
  constexpr const_iterator it_(std::size_t i) const noexcept {
    return access_::make<const_iterator>(static_cast<const fields_*>(this), i);
  }
  constexpr index_type link_after_(std::size_t p) const noexcept {
    return p == before_ ? this->head_ : this->links()[p];
  }
  constexpr T* slot_(std::size_t i) noexcept { return this->vals() + i; }
  HEAPLESS_CONSTEXPR20 void resort_(std::size_t prev, std::size_t i) { algo_::resort(core(), comp_(), prev, i); }
  HEAPLESS_CONSTEXPR20 void remove_(std::size_t prev, std::size_t i) noexcept { algo_::remove(core(), prev, i); }

  /// Called first by the non-default constructors. A constant must be fully
  /// initialised, so during constant evaluation only (C++20, trivial T),
  /// every slot and link is value-initialised; at run time nothing is written.
  constexpr void prepare_constant_() noexcept { this->fill_constant(0); }
};

/// The index type of a SortedLinkedList<T, N>: the smallest unsigned type that
/// holds N (std::uint8_t up to N = 255, std::uint16_t up to 65535, ...). A
/// SortedLinkedListRef<T, Compare, Index> refers to the lists whose index type
/// is Index.
template <std::size_t N>
using sorted_linked_list_index_t = detail::smallest_size_t<N>;

// ---- Capacity erasure: SortedLinkedListRef<T, Compare, Index> -------------------
/// A non-owning handle to a SortedLinkedList<T, N, Compare> of any capacity N
/// whose index type is Index (std::uint8_t, the default: every N up to 255;
/// sorted_linked_list_index_t<N> names it for larger lists), so one
/// non-template function can serve lists of different sizes. Built on
/// demand (`SortedLinkedListRef<Timer> r = list;`, implicit at a call); valid
/// while the list lives and is not moved. It holds a pointer to the list's
/// nodes and N, and a pointer to the list's Compare unless Compare is empty
/// and default constructible (std::less, std::greater).
///
/// Why the index type is a parameter: every step of every walk reads a link,
/// and the link's width is fixed at compile time, so a view's walks are the
/// list's own code (the same detail::sll_algo), not a dispatch on the width
/// at each link. A list of another index type does not convert, so
/// overloads for two index types pick the right one.
///
/// It has the list's API except what concerns the capacity itself: push and
/// emplace in the three tiers, front, pop, try_pop, erase_after, erase,
/// remove_if, clear, find_if, find_before_if, find, find_mut, and iteration
/// (before_begin too), with the list's errors, guarantees and complexity.
/// Its iterators hold a copy of the view's two words, so they stay valid
/// after the view object is gone (while the list lives).
///
/// SortedLinkedListRef<const T, Compare, Index> is the read-only view: it
/// converts from a const list, a list and a SortedLinkedListRef<T, Compare,
/// Index>, and offers size, front, iteration and the finds that return
/// iterators (a modifying member does not compile). Members are const: the
/// handle's constness is not the list's.
template <class T, class Compare = std::less<std::remove_const_t<T>>, class Index = std::uint8_t>
class SortedLinkedListRef : private detail::compare_ref<Compare> {
  using element_type = std::remove_const_t<T>;
  using core_type = detail::sll_ref_core<element_type, Index>;
  using compare_base_ = detail::compare_ref<Compare>;
  using algo_ = detail::sll_algo<element_type, Compare>;
  using access_ = detail::sll_access;
  static constexpr bool writable_ = !std::is_const_v<T>;
  static_assert(std::is_unsigned_v<Index>, "heapless::SortedLinkedListRef: Index is a list's index type");

 public:
  /// Element type (without const).
  using value_type = element_type;
  /// The comparison that orders the elements.
  using value_compare = Compare;
  /// Size type.
  using size_type = std::size_t;
  /// Difference type.
  using difference_type = std::ptrdiff_t;
  /// Const reference: elements are read-only (see find_mut()).
  using reference = const element_type&;
  /// Const reference to an element.
  using const_reference = const element_type&;
  /// The index type of the lists this view refers to.
  using index_type = Index;
  /// Forward iterator in sorted order (read-only elements, as the list's).
  using const_iterator = detail::sll_iterator<element_type, core_type>;
  /// Same as const_iterator: elements are read-only.
  using iterator = const_iterator;
  /// Write access to one element, from find_mut(): as
  /// SortedLinkedList::find_handle. It holds a copy of the view, so it may
  /// outlive the view it came from (not the list).
  using find_handle = detail::sll_find_handle<SortedLinkedListRef, SortedLinkedListRef>;

  /// Refers to l (implicit, so a SortedLinkedList<T, N, Compare>& converts at
  /// a call). Only for the N whose index type is Index: a list of another
  /// index type does not convert (so overloads on the index type work).
  template <std::size_t N, std::enable_if_t<std::is_same_v<Index, sorted_linked_list_index_t<N>>, int> = 0>
  SortedLinkedListRef(SortedLinkedList<element_type, N, Compare>& l) noexcept  // NOLINT: implicit on purpose
      : compare_base_(l.comp_()), core_(bind(l)) {}
  /// Read-only view of a const list (SortedLinkedListRef<const T, ...> only).
  template <std::size_t N, class U = T,
            std::enable_if_t<std::is_const_v<U> && std::is_same_v<Index, sorted_linked_list_index_t<N>>, int> = 0>
  SortedLinkedListRef(const SortedLinkedList<element_type, N, Compare>& l) noexcept  // NOLINT: implicit on purpose
      : compare_base_(l.comp_()), core_(bind(l)) {}
  /// A SortedLinkedListRef<T, Compare, Index> converts to the read-only view.
  template <class U = T, std::enable_if_t<std::is_const_v<U>, int> = 0>
  SortedLinkedListRef(const SortedLinkedListRef<element_type, Compare, Index>& other) noexcept  // NOLINT
      : compare_base_(other), core_(other.core_) {}

  // ---- Capacity ----------------------------------------------------------------
  /// true when size() == 0.
  [[nodiscard]] bool empty() const noexcept { return core_.count() == 0; }
  /// True when size() == capacity(): the next push would raise.
  [[nodiscard]] bool full() const noexcept { return core_.count() == core_.cap(); }
  /// The number of elements.
  size_type size() const noexcept { return core_.count(); }
  /// The list's N.
  size_type capacity() const noexcept { return core_.cap(); }
  /// Same as capacity().
  size_type max_size() const noexcept { return core_.cap(); }

  // ---- Iterators -----------------------------------------------------------------
  /// Iterator to the first element in order.
  const_iterator begin() const noexcept { return it_(core_.link_value(core_.head())); }
  /// The position after the last element.
  const_iterator end() const noexcept { return it_(core_.cap()); }
  /// Same as begin().
  const_iterator cbegin() const noexcept { return begin(); }
  /// Same as end().
  const_iterator cend() const noexcept { return end(); }
  /// The position before begin(), for erase_after.
  const_iterator before_begin() const noexcept { return it_(core_.cap() + 1); }
  /// Same as before_begin().
  const_iterator cbefore_begin() const noexcept { return before_begin(); }

  // ---- Element access --------------------------------------------------------------
  /// The first element in order. Precondition (asserted): !empty(). O(1).
  const_reference front() const noexcept {
    HEAPLESS_ASSERT(!empty(), "heapless::SortedLinkedListRef::front: empty");
    return core_.vals()[core_.head()];
  }

  // ---- Insertion ------------------------------------------------------------------
  /// As SortedLinkedList::push: a sorted, stable insert; returns the new
  /// element's position. Raises bad_alloc if full (value untouched). O(n).
  const_iterator push(const element_type& value) const { return emplace(value); }
  /// As push(const T&), moving value.
  const_iterator push(element_type&& value) const { return emplace(std::move(value)); }
  /// As push, constructing the element from args. Raises bad_alloc if full.
  template <class... Args>
  const_iterator emplace(Args&&... args) const {
    static_assert(writable_, "heapless::SortedLinkedListRef<const T> is a read-only view");
    if (HEAPLESS_UNLIKELY(full())) algo_::capacity_exceeded();
    return it_(algo_::insert(core_, this->comp(), std::forward<Args>(args)...));
  }
  /// As push, but returns false when full (value is then not moved from).
  [[nodiscard]] bool try_push(const element_type& value) const { return try_emplace(value); }
  /// As try_push(const T&), moving value.
  [[nodiscard]] bool try_push(element_type&& value) const { return try_emplace(std::move(value)); }
  /// As emplace, but returns false when full (nothing is constructed then).
  template <class... Args>
  [[nodiscard]] bool try_emplace(Args&&... args) const {
    static_assert(writable_, "heapless::SortedLinkedListRef<const T> is a read-only view");
    if (HEAPLESS_UNLIKELY(full())) return false;
    algo_::insert(core_, this->comp(), std::forward<Args>(args)...);
    return true;
  }
  /// Precondition (asserted): !full().
  const_iterator unchecked_push(const element_type& value) const { return unchecked_emplace(value); }
  /// As unchecked_push(const T&), moving value.
  const_iterator unchecked_push(element_type&& value) const { return unchecked_emplace(std::move(value)); }
  /// As emplace without the capacity check. Precondition (asserted): !full().
  template <class... Args>
  const_iterator unchecked_emplace(Args&&... args) const {
    static_assert(writable_, "heapless::SortedLinkedListRef<const T> is a read-only view");
    HEAPLESS_ASSERT(!full(), "heapless::SortedLinkedListRef::unchecked_emplace: full");
    return it_(algo_::insert(core_, this->comp(), std::forward<Args>(args)...));
  }

  // ---- Removal --------------------------------------------------------------------
  /// Removes front(). Precondition (asserted): !empty(). O(1).
  void pop() const noexcept {
    static_assert(writable_, "heapless::SortedLinkedListRef<const T> is a read-only view");
    algo_::pop(core_);
  }
  /// Removes and returns front(); an empty optional when empty. O(1).
  [[nodiscard]] std::optional<element_type> try_pop() const
      noexcept(std::is_nothrow_move_constructible_v<element_type>) {
    static_assert(writable_, "heapless::SortedLinkedListRef<const T> is a read-only view");
    return algo_::try_pop(core_);
  }
  /// Removes the element after pos and returns the position after the removed
  /// one (pos itself, moved). Precondition (asserted): pos is before_begin()
  /// or an element of the list that is not the last. O(1).
  const_iterator erase_after(const_iterator pos) const noexcept {
    static_assert(writable_, "heapless::SortedLinkedListRef<const T> is a read-only view");
    return algo_::erase_after(core_, pos);
  }
  /// Removes the element at pos (must be an element of the list) and returns
  /// the position after it. O(n): the predecessor is searched from the front.
  const_iterator erase(const_iterator pos) const noexcept {
    static_assert(writable_, "heapless::SortedLinkedListRef<const T> is a read-only view");
    return algo_::erase(core_, pos);
  }
  /// Removes every element for which pred is true; returns how many. O(n).
  template <class Pred>
  size_type remove_if(Pred pred) const {
    static_assert(writable_, "heapless::SortedLinkedListRef<const T> is a read-only view");
    return algo_::remove_if(core_, pred);
  }
  /// Destroys every element. O(n) (O(1) for trivially destructible T).
  void clear() const noexcept {
    static_assert(writable_, "heapless::SortedLinkedListRef<const T> is a read-only view");
    algo_::clear(core_);
  }

  // ---- Search ----------------------------------------------------------------------
  /// The first element (in order) for which pred is true, or end(). O(n).
  template <class Pred>
  const_iterator find_if(Pred pred) const {
    return it_(algo_::find_if(core_, pred));
  }
  /// The position before the first element for which pred is true
  /// (before_begin() if it is the first), or end() if there is none. O(n).
  template <class Pred>
  const_iterator find_before_if(Pred pred) const {
    bool found = false;
    return it_(algo_::find_before_if(core_, pred, &found));
  }
  /// The first element equivalent to key, or end(). O(n).
  const_iterator find(const element_type& key) const { return it_(algo_::find(core_, this->comp(), key)); }
  /// A handle to the first element for which pred is true (false when there
  /// is none). O(n) to find; see find_handle for the release.
  template <class Pred>
  [[nodiscard]] find_handle find_mut(Pred pred) const {
    static_assert(writable_, "heapless::SortedLinkedListRef<const T> is a read-only view");
    bool found = false;
    const std::size_t prev = algo_::find_before_if(core_, pred, &found);
    const std::size_t i = found ? std::size_t{algo_::link_after(core_, prev)} : core_.cap();
    return find_handle(*this, prev, i, found);
  }

  /// A copy of the comparison.
  value_compare value_comp() const { return this->comp(); }

 private:
  template <class U, class C, class I>
  friend class SortedLinkedListRef;
  friend find_handle;

  /// The core for l: its nodes and N. The addresses the view computes are
  /// checked against l's own members (HEAPLESS_ASSERT).
  template <std::size_t N>
  static core_type bind(const SortedLinkedList<element_type, N, Compare>& l) noexcept {
    using fields = detail::sll_fields<element_type, N>;
    const fields& f = l.core();
    const core_type c{static_cast<unsigned char*>(const_cast<void*>(static_cast<const void*>(&f))), N};
    HEAPLESS_ASSERT(c.links() == f.links() && &c.head() == &f.head_ && &c.count() == &f.size_ && c.vals() == f.vals(),
                    "heapless::SortedLinkedListRef: unexpected list layout");
    return c;
  }
  const_iterator it_(std::size_t i) const noexcept { return access_::make<const_iterator>(core_, i); }
  element_type* slot_(std::size_t i) const noexcept { return core_.vals() + i; }
  void resort_(std::size_t prev, std::size_t i) const { algo_::resort(core_, this->comp(), prev, i); }
  void remove_(std::size_t prev, std::size_t i) const noexcept { algo_::remove(core_, prev, i); }

  core_type core_;
};

HEAPLESS_NAMESPACE_END

#endif  // HEAPLESS_SORTED_LINKED_LIST_HPP
