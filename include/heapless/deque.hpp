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
// the length), each 32 bits when alignof(T) >= 2 (faster, see
// detail::ring_index_t), else the smallest unsigned type that holds N, padded to alignof(T):
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
//
// DequeRef<T> (end of this header) is a capacity-erased handle to a
// Deque<T, N> of any N (one pointer and N), for non-template functions;
// DequeRef<const T> is its read-only form (docs/deque.md). Deque and
// DequeRef run the same algorithms (detail::deque_algo over detail/ring.hpp).
#ifndef HEAPLESS_DEQUE_HPP
#define HEAPLESS_DEQUE_HPP

#include <cstddef>           // std::size_t, std::ptrdiff_t
#include <initializer_list>  // std::initializer_list constructors and overloads
#include <optional>          // try_pop_front / try_pop_back results
#include <type_traits>       // traits for the views and the noexcept specifications
#include <utility>           // std::forward, std::move, std::swap, std::pair

#include <heapless/detail/config.hpp>    // HEAPLESS_CONSTEXPR20, HEAPLESS_HAS_THREE_WAY, hints
#include <heapless/detail/error.hpp>     // detail::raise, HEAPLESS_ASSERT
#include <heapless/detail/iterator.hpp>  // std::reverse_iterator, std::distance
#include <heapless/detail/ring.hpp>      // ring_core, ring_base, ring_algo, ring_ref_core, ring_iterator, ring_span
#include <heapless/detail/storage.hpp>   // detail::copy_gate
#include <heapless/vec.hpp>              // iterator classification, synth-three-way (shared with Vec)

#if HEAPLESS_HAS_THREE_WAY
#include <compare>  // operator<=> result types
#endif

HEAPLESS_NAMESPACE_BEGIN
namespace detail {

// ---- Deque's algorithms: one definition for Deque and DequeRef -----------------
// Each takes the core first (detail/ring.hpp: ring_core<T, N> or const
// ring_ref_core<T>) and logical indices; the members turn iterators into
// indices and back (the position returned is the caller's argument's).
template <class T>
struct deque_algo : ring_algo<T> {
  using base = ring_algo<T>;
  using size_type = std::size_t;
  using base::append_fill;
  using base::append_n;
  using base::check_room;
  using base::construct_back;
  using base::construct_front;
  using base::destroy_all;
  using base::destroy_back;
  using base::destroy_front;
  using base::prepend_fill;
  using base::prepend_n;
  using base::rotate;
  using base::slot;

  template <class C>
  static HEAPLESS_CONSTEXPR20 void resize(C& c, size_type n) {
    check_room(c, n, 0);
    if (n <= c.size()) destroy_back(c, c.size() - n);
    else append_fill(c, n - c.size());
  }
  template <class C>
  static HEAPLESS_CONSTEXPR20 void resize(C& c, size_type n, const T& value) {
    check_room(c, n, 0);
    if (n <= c.size()) destroy_back(c, c.size() - n);
    else append_fill(c, n - c.size(), value);
  }
  template <class C>
  static HEAPLESS_CONSTEXPR20 void assign_fill(C& c, size_type n, const T& value) {
    check_room(c, n, 0);
    // value may be one of the elements (as for Vec): it is read before any
    // element it could be is destroyed or overwritten by another value.
    if constexpr (std::is_copy_assignable_v<T>) {
      const size_type len = c.size();
      const size_type common = n < len ? n : len;
      for (size_type i = 0; i != common; ++i) slot(c, i) = value;
      if (n > len) append_fill(c, n - len, value);
      else destroy_back(c, len - n);
    } else {
      const T copy(value);
      destroy_all(c);
      append_fill(c, n, copy);
    }
  }
  template <class C, class InputIt>
  static HEAPLESS_CONSTEXPR20 void assign(C& c, InputIt first, InputIt last) {
    if constexpr (vec_is_forward_iterator_v<InputIt>) {
      const size_type n = static_cast<size_type>(std::distance(first, last));
      check_room(c, n, 0);
      destroy_all(c);
      if (n == 0) return;  // (see push_back)
      append_n(c, first, n);
    } else {
      destroy_all(c);
      push_back(c, first, last);
    }
  }

  template <bool Raise, class C, class... Args>
  static HEAPLESS_CONSTEXPR20 T* emplace_back(C& c, Args&&... args) {
    if (HEAPLESS_UNLIKELY(c.size() == c.cap())) {
      if constexpr (Raise) C::capacity_exceeded();
      else return nullptr;
    }
    return &construct_back(c, std::forward<Args>(args)...);
  }
  template <bool Raise, class C, class... Args>
  static HEAPLESS_CONSTEXPR20 T* emplace_front(C& c, Args&&... args) {
    if (HEAPLESS_UNLIKELY(c.size() == c.cap())) {
      if constexpr (Raise) C::capacity_exceeded();
      else return nullptr;
    }
    return &construct_front(c, std::forward<Args>(args)...);
  }
  template <class C>
  static HEAPLESS_CONSTEXPR20 std::optional<T> try_pop_front(C& c) noexcept(std::is_nothrow_move_constructible_v<T>) {
    if (c.size() == 0) return std::nullopt;
    std::optional<T> out(std::in_place, std::move(slot(c, 0)));
    base::destroy_first(c);
    return out;
  }
  template <class C>
  static HEAPLESS_CONSTEXPR20 std::optional<T> try_pop_back(C& c) noexcept(std::is_nothrow_move_constructible_v<T>) {
    if (c.size() == 0) return std::nullopt;
    std::optional<T> out(std::in_place, std::move(slot(c, c.size() - 1)));
    destroy_back(c, 1);
    return out;
  }

  /// All or nothing (input iterators: the input is consumed).
  template <class C, class InputIt>
  static HEAPLESS_CONSTEXPR20 void push_back(C& c, InputIt first, InputIt last) {
    if constexpr (vec_is_forward_iterator_v<InputIt>) {
      const size_type n = static_cast<size_type>(std::distance(first, last));
      check_room(c, n, c.size());
      // An empty range may be (nullptr, nullptr) (an empty initializer_list):
      // g++ 12 with -fsanitize=undefined would otherwise see a null memcpy source.
      if (n == 0) return;
      append_n(c, first, n);
    } else {
      typename base::template rollback_back<C> guard{&c, c.size()};
      for (; first != last; ++first) {
        if (HEAPLESS_UNLIKELY(c.size() == c.cap())) {
          destroy_back(c, c.size() - guard.old_len);
          C::capacity_exceeded();
        }
        construct_back(c, *first);
      }
      guard.core = nullptr;
    }
  }
  template <class C, class InputIt>
  static HEAPLESS_CONSTEXPR20 InputIt try_push_back(C& c, InputIt first, InputIt last) {
    if constexpr (std::is_pointer_v<InputIt> && vec_memcpy_source_v<T, InputIt>) {
      const size_type room = c.cap() - c.size();
      const size_type avail = static_cast<size_type>(last - first);
      const size_type n = avail < room ? avail : room;
      if (n == 0) return first;  // (see push_back)
      append_n(c, first, n);
      return first + n;
    } else {
      for (; first != last && c.size() != c.cap(); ++first) construct_back(c, *first);
      return first;
    }
  }

  /// Constructs an element at logical position i; the shorter side moves.
  template <class C, class... Args>
  static HEAPLESS_CONSTEXPR20 void emplace(C& c, size_type i, Args&&... args) {
    const size_type len = c.size();
    if (HEAPLESS_UNLIKELY(len == c.cap())) C::capacity_exceeded();
    if (i == len) {
      construct_back(c, std::forward<Args>(args)...);
    } else if (i == 0) {
      construct_front(c, std::forward<Args>(args)...);
    } else {
      T tmp(std::forward<Args>(args)...);  // first: args may refer to an element
      if (i < len - i) {
        construct_front(c, std::move(slot(c, 0)));  // old element k is now at k + 1
        shift_down(c, 1, i, 1);                      // [2, i + 1) -> [1, i)
      } else {
        construct_back(c, std::move(slot(c, len - 1)));
        shift_up(c, i, len - 1, 1);  // [i, len - 1) -> [i + 1, len)
      }
      slot(c, i) = std::move(tmp);
    }
  }
  /// Whether insert_middle may shift: building and assigning an element
  /// from a Ref and moving elements cannot throw. Otherwise the middle
  /// inserts build their elements at the nearer end first (rolled back on a
  /// throw) and rotate them into place: about three times the moves, but a
  /// throwing copy then changes nothing (strong guarantee with non-throwing
  /// moves).
  template <class Ref>
  static constexpr bool shift_nothrow_v =
      std::is_nothrow_move_constructible_v<T> && std::is_nothrow_move_assignable_v<T> &&
      std::is_nothrow_constructible_v<T, Ref> && std::is_nothrow_assignable_v<T&, Ref>;

  /// The source of insert_fill's new elements: one value, read as often as
  /// needed (advancing it does nothing).
  struct repeat_source {
    const T* value;
    constexpr const T& operator*() const noexcept { return *value; }
    constexpr repeat_source& operator++() noexcept { return *this; }
  };
  static constexpr void skip(repeat_source&, size_type) noexcept {}
  template <class It>
  static HEAPLESS_CONSTEXPR20 void skip(It& it, size_type k) {
    std::advance(it, static_cast<typename std::iterator_traits<It>::difference_type>(k));
  }

  /// Inserts n elements, the values *src, ++src... in order, at logical
  /// position i (0 < i < size(), n != 0, room checked). The shorter side
  /// moves n places, as std::vector::insert moves its one side: old
  /// elements move into the new slots at that end (after the new values
  /// that land in new slots), the rest of that side is move-assigned along
  /// and the values are assigned over the vacated places; every old element
  /// of the side and every value is moved, built or assigned once. Called
  /// only when T's operations here cannot throw (shift_nothrow_v); the new
  /// slots are still built under a rollback, for a source iterator that
  /// throws: those built so far are destroyed and the old length stays.
  template <class C, class Src>
  static HEAPLESS_CONSTEXPR20 void insert_middle(C& c, size_type i, size_type n, Src src) {
    const size_type len = c.size();
    if (i < len - i) {
      // Front side: the first i elements move n places toward the front,
      // into n new slots from h on (logical position k is then k + n).
      const size_type h = c.sub(c.head(), n);
      if (n <= i) {
        typename base::template rollback_slots<C> moved{&c, h, 0};
        for (; moved.done != n; ++moved.done) c.construct(c.add(h, moved.done), std::move(slot(c, moved.done)));
        moved.core = nullptr;
        c.set_head(h);
        c.set_size(len + n);
        shift_down(c, n, i, n);  // [2n, i + n) -> [n, i)
        assign_from(c, i, n, src);
      } else {
        // The last n - i new slots take the first n - i values, the first i
        // the i moved elements; the last i values are assigned over the
        // moved elements' old places [n, n + i).
        Src rest = src;
        skip(rest, n - i);
        const size_type v = c.add(h, i);
        typename base::template rollback_slots<C> built{&c, v, 0};
        for (; built.done != n - i; ++built.done, ++src) c.construct(c.add(v, built.done), *src);
        typename base::template rollback_slots<C> moved{&c, h, 0};
        for (; moved.done != i; ++moved.done) c.construct(c.add(h, moved.done), std::move(slot(c, moved.done)));
        moved.core = nullptr;
        built.core = nullptr;
        c.set_head(h);
        c.set_size(len + n);
        assign_from(c, n, i, rest);
      }
    } else {
      // Back side: the m elements from i on move n places toward the back.
      const size_type m = len - i;
      typename base::template rollback_back<C> guard{&c, len};
      if (n <= m) {
        for (size_type k = len - n; k != len; ++k) construct_back(c, std::move(slot(c, k)));
        guard.core = nullptr;
        shift_up(c, i, len - n, n);  // [i, len - n) -> [i + n, len)
        assign_from(c, i, n, src);
      } else {
        // The values past the old end first, then the m moved elements
        // after them; the first m values are assigned over [i, len).
        Src rest = src;
        skip(rest, m);
        for (size_type k = m; k != n; ++k, ++rest) construct_back(c, *rest);
        for (size_type k = i; k != len; ++k) construct_back(c, std::move(slot(c, k)));
        guard.core = nullptr;
        assign_from(c, i, m, src);
      }
    }
  }
  /// Move-assigns the logical range [a, e) to [a + n, e + n), last first.
  template <class C>
  static HEAPLESS_CONSTEXPR20 void shift_up(C& c, size_type a, size_type e, size_type n) {
    if (a == e) return;
    size_type s = base::phys(c, e - 1);
    size_type d = c.add(s, n);
    for (size_type k = e - a; k != 0; --k) {
      c.element(d) = std::move(c.element(s));
      s = c.prev(s);
      d = c.prev(d);
    }
  }
  /// Move-assigns the logical range [a + n, e + n) to [a, e), first first.
  template <class C>
  static HEAPLESS_CONSTEXPR20 void shift_down(C& c, size_type a, size_type e, size_type n) {
    if (a == e) return;
    size_type d = base::phys(c, a);
    size_type s = c.add(d, n);
    for (size_type k = e - a; k != 0; --k) {
      c.element(d) = std::move(c.element(s));
      s = c.next(s);
      d = c.next(d);
    }
  }
  /// Assigns *src, ++src... to the k elements from logical position a on.
  template <class C, class Src>
  static HEAPLESS_CONSTEXPR20 void assign_from(C& c, size_type a, size_type k, Src src) {
    if (k == 0) return;
    size_type d = base::phys(c, a);
    for (; k != 0; --k, ++src) {
      c.element(d) = *src;
      d = c.next(d);
    }
  }

  /// Inserts n copies of value at logical position i; see insert_middle.
  template <class C>
  static HEAPLESS_CONSTEXPR20 void insert_fill(C& c, size_type i, size_type n, const T& value) {
    check_room(c, n, c.size());
    if (n == 0) return;
    const size_type len = c.size();
    // At either end value is read before any element changes; in the
    // middle it may be an element that moves or is overwritten: a copy.
    if (i == len) {
      append_fill(c, n, value);
    } else if (i == 0) {
      prepend_fill(c, n, value);
    } else if constexpr (shift_nothrow_v<const T&>) {
      const T copy(value);
      insert_middle(c, i, n, repeat_source{&copy});
    } else {
      // A copy may throw: the copies are built at the nearer end first
      // (rolled back on a throw) and then rotated into place, so with
      // non-throwing moves a throwing copy leaves the deque unchanged.
      if (i < len - i) {
        prepend_fill(c, n, value);
        rotate(c, 0, n, n + i);
      } else {
        append_fill(c, n, value);
        rotate(c, i, len, len + n);
      }
    }
  }
  template <class C, class InputIt>
  static HEAPLESS_CONSTEXPR20 void insert(C& c, size_type i, InputIt first, InputIt last) {
    const size_type len = c.size();
    if constexpr (vec_is_forward_iterator_v<InputIt>) {
      const size_type n = static_cast<size_type>(std::distance(first, last));
      check_room(c, n, len);
      if (n == 0) return;  // (see push_back)
      if (i == len) {
        append_n(c, first, n);
      } else if (i == 0) {
        prepend_n(c, first, n);
      } else if constexpr (shift_nothrow_v<typename std::iterator_traits<InputIt>::reference>) {
        insert_middle(c, i, n, first);
      } else {
        // As in insert_fill: built at the nearer end, then rotated.
        if (i < len - i) {
          prepend_n(c, first, n);
          rotate(c, 0, n, n + i);
        } else {
          append_n(c, first, n);
          rotate(c, i, len, len + n);
        }
      }
    } else {
      push_back(c, first, last);
      rotate(c, i, len, c.size());
    }
  }
  /// Removes the logical range [i, j); the shorter side moves.
  template <class C>
  static HEAPLESS_CONSTEXPR20 void erase(C& c, size_type i, size_type j) {
    const size_type n = j - i;
    if (n != 0) {
      const size_type len = c.size();
      if (i < len - j) {
        shift_up(c, 0, i, n);  // [0, i) -> [n, j)
        destroy_front(c, n);
      } else {
        shift_down(c, i, len - n, n);  // [j, len) -> [i, len - n)
        destroy_back(c, n);
      }
    }
  }

  // Restores a valid (empty) ring if a move throws inside make_contiguous:
  // live then are [0, tail), the moved-to [tail, tail + moved) and the
  // not-yet-moved or moved-from sources [max(h, tail + moved), cap).
  template <class C>
  struct contiguous_guard {
    C* core;
    size_type tail, h, moved;
    HEAPLESS_CONSTEXPR20 ~contiguous_guard() {
      if (!core) return;
      const size_type built = tail + moved;
      for (size_type s = 0; s != built; ++s) core->destroy(s);
      for (size_type s = (h > built ? h : built); s != core->cap(); ++s) core->destroy(s);
      core->set_head(0);
      core->set_size(0);
    }
  };
  /// Makes the elements contiguous and in order; returns where they start.
  template <class C>
  static HEAPLESS_CONSTEXPR20 T* make_contiguous(C& c) {
    const size_type h = c.head();
    const size_type len = c.size();
    const size_type cap = c.cap();
    if (h + len <= cap) return c.data() + h;
    if (len == cap) {  // every slot is live: one rotation of the whole storage
      c.set_head(0);
      rotate(c, 0, h, cap);
      return c.data();
    }
    // The front part [h, cap) moves down into the free slots [tail, h) to
    // sit right after the back part [0, tail) (tail < h: no self-moves);
    // then [0, len) holds back part + front part, all live, and one rotation
    // puts the front part first.
    const size_type tail = h + len - cap;
    const size_type m = cap - h;
    contiguous_guard<C> guard{&c, tail, h, 0};
    for (; guard.moved != m; ++guard.moved) {
      const size_type dst = tail + guard.moved;
      T& src = c.data()[h + guard.moved];
      if (dst < h) c.construct(dst, std::move(src));
      else c.data()[dst] = std::move(src);
    }
    guard.core = nullptr;
    for (size_type s = (h > tail + m ? h : tail + m); s != cap; ++s) c.destroy(s);
    c.set_head(0);
    rotate(c, 0, tail, len);
    return c.data();
  }

  /// Exchanges the contents element-wise (a and b distinct). Raises
  /// bad_alloc, changing nothing, if either's elements do not fit the other
  /// (views of different capacities).
  template <class A, class B>
  static HEAPLESS_CONSTEXPR20 void swap(A& a, B& b) {
    if (HEAPLESS_UNLIKELY(a.size() > b.cap() || b.size() > a.cap())) A::capacity_exceeded();
    swap_fitting(a, b);
  }
  /// As swap, when each's elements are known to fit the other (equal capacities).
  template <class A, class B>
  static HEAPLESS_CONSTEXPR20 void swap_fitting(A& a, B& b) {
    if (a.size() <= b.size()) swap_shorter(a, b);
    else swap_shorter(b, a);
  }
  template <class S, class L>
  static HEAPLESS_CONSTEXPR20 void swap_shorter(S& shorter, L& longer) {
    const size_type common = shorter.size();
    using std::swap;
    for (size_type k = 0; k != common; ++k) swap(slot(shorter, k), slot(longer, k));
    for (size_type k = common; k != longer.size(); ++k) construct_back(shorter, std::move(slot(longer, k)));
    destroy_back(longer, longer.size() - common);
  }

  template <class C, class Pred>
  static HEAPLESS_CONSTEXPR20 size_type erase_if(C& c, Pred& pred) {
    const size_type n = c.size();
    size_type kept = 0;
    for (size_type r = 0; r != n; ++r) {
      if (!pred(slot(c, r))) {
        if (kept != r) slot(c, kept) = std::move(slot(c, r));
        ++kept;
      }
    }
    destroy_back(c, n - kept);
    return n - kept;
  }
};

}  // namespace detail

template <class T>
class DequeRef;

/// A double-ended queue of at most N elements of T, in a ring inside the object.
template <class T, std::size_t N>
class Deque : private detail::ring_base<T, N>,
              private detail::copy_gate<std::is_copy_constructible_v<T>, std::is_move_constructible_v<T>> {
  static_assert(std::is_object_v<T> && !std::is_const_v<T> && !std::is_volatile_v<T>,
                "heapless::Deque<T, N>: T must be a non-cv object type");
  static_assert(std::is_destructible_v<T>, "heapless::Deque<T, N>: T must be destructible");
  static_assert(N > 0, "heapless::Deque<T, N>: N must be at least 1");

  using core_type = detail::ring_core<T, N>;
  using algo = detail::deque_algo<T>;

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
  using iterator = detail::ring_iterator<Deque*, T>;
  /// Const random-access iterator, front to back.
  using const_iterator = detail::ring_iterator<const Deque*, const T>;
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
  /// Destroys the elements; trivial when T's destructor is.
  ~Deque() = default;

  /// As assign(il).
  HEAPLESS_CONSTEXPR20 Deque& operator=(std::initializer_list<T> il) {
    assign(il);
    return *this;
  }

  /// Replaces the contents with n copies of value (not an element of *this).
  /// Raises bad_alloc, changing nothing, if n > N.
  HEAPLESS_CONSTEXPR20 void assign(size_type n, const T& value) { algo::assign_fill(core_(), n, value); }
  /// Replaces the contents with [first, last) (not iterators into *this).
  /// Forward iterators: raises bad_alloc, changing nothing, if there are more
  /// than N. Input iterators: on overflow *this is left empty and bad_alloc raised.
  template <class InputIt, class = std::enable_if_t<detail::vec_is_input_iterator_v<InputIt>>>
  HEAPLESS_CONSTEXPR20 void assign(InputIt first, InputIt last) {
    algo::assign(core_(), first, last);
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
  constexpr size_type size() const noexcept { return core_type::size(); }
  /// The maximum number of elements (N).
  static constexpr size_type max_size() noexcept { return N; }
  /// Same as max_size(): the capacity is fixed.
  static constexpr size_type capacity() noexcept { return N; }
  /// Shrinks to n (destroying from the back) or grows at the back with
  /// value-initialised elements. Raises bad_alloc, changing nothing, if n > N.
  HEAPLESS_CONSTEXPR20 void resize(size_type n) { algo::resize(core_(), n); }
  /// As resize(n), growing with copies of value.
  HEAPLESS_CONSTEXPR20 void resize(size_type n, const T& value) { algo::resize(core_(), n, value); }
  /// Does nothing: the capacity is fixed.
  static constexpr void shrink_to_fit() noexcept {}

  // ---- Element access ----------------------------------------------------------
  /// The i-th element from the front. Precondition (asserted): i < size().
  constexpr reference operator[](size_type i) noexcept {
    HEAPLESS_ASSERT(i < size(), "heapless::Deque::operator[]: index out of range");
    return algo::slot(core_(), i);
  }
  /// The i-th element from the front. Precondition (asserted): i < size().
  constexpr const_reference operator[](size_type i) const noexcept {
    HEAPLESS_ASSERT(i < size(), "heapless::Deque::operator[]: index out of range");
    return algo::slot(core_(), i);
  }
  /// Raises out_of_range if i >= size().
  constexpr reference at(size_type i) {
    if (HEAPLESS_UNLIKELY(i >= size())) out_of_range();
    return algo::slot(core_(), i);
  }
  /// The i-th element from the front. Raises out_of_range if i >= size().
  constexpr const_reference at(size_type i) const {
    if (HEAPLESS_UNLIKELY(i >= size())) out_of_range();
    return algo::slot(core_(), i);
  }
  /// Precondition (asserted): !empty().
  constexpr reference front() noexcept {
    HEAPLESS_ASSERT(!empty(), "heapless::Deque::front: empty");
    return this->element(this->head());
  }
  /// The first element. Precondition (asserted): !empty().
  constexpr const_reference front() const noexcept {
    HEAPLESS_ASSERT(!empty(), "heapless::Deque::front: empty");
    return this->element(this->head());
  }
  /// Precondition (asserted): !empty().
  constexpr reference back() noexcept {
    HEAPLESS_ASSERT(!empty(), "heapless::Deque::back: empty");
    return algo::slot(core_(), size() - 1);
  }
  /// The last element. Precondition (asserted): !empty().
  constexpr const_reference back() const noexcept {
    HEAPLESS_ASSERT(!empty(), "heapless::Deque::back: empty");
    return algo::slot(core_(), size() - 1);
  }

  // ---- The ring --------------------------------------------------------------------
  /// The elements as two contiguous parts, front part first; the second is
  /// empty unless the elements wrap around the end of the storage. O(1).
  constexpr std::pair<span_type, span_type> as_spans() noexcept { return algo::template as_spans<span_type>(core_()); }
  /// As as_spans(), read-only.
  constexpr std::pair<const_span_type, const_span_type> as_spans() const noexcept {
    return algo::template as_spans<const_span_type>(core_());
  }
  /// Moves the elements so that they are contiguous, in order, and returns
  /// them as one span. O(1) if they already are, else O(size()) moves and
  /// swaps, no extra storage. Iterators stay valid (they are logical indices).
  /// If a move of T throws, *this is left empty (basic guarantee).
  HEAPLESS_CONSTEXPR20 span_type make_contiguous() {
    T* const first = algo::make_contiguous(core_());
    return span_type(first, size());
  }

  // ---- Modifiers at the ends ------------------------------------------------------
  /// Constructs an element at the back. Raises bad_alloc if full. Strong
  /// guarantee. O(1).
  template <class... Args>
  HEAPLESS_CONSTEXPR20 reference emplace_back(Args&&... args) {
    return *algo::template emplace_back<true>(core_(), std::forward<Args>(args)...);
  }
  /// Copies value to the back. Raises bad_alloc if full. O(1).
  HEAPLESS_CONSTEXPR20 reference push_back(const T& value) { return emplace_back(value); }
  /// Moves value to the back. Raises bad_alloc if full. O(1).
  HEAPLESS_CONSTEXPR20 reference push_back(T&& value) { return emplace_back(std::move(value)); }
  /// Constructs an element at the front. Raises bad_alloc if full. Strong
  /// guarantee. O(1).
  template <class... Args>
  HEAPLESS_CONSTEXPR20 reference emplace_front(Args&&... args) {
    return *algo::template emplace_front<true>(core_(), std::forward<Args>(args)...);
  }
  /// Copies value to the front. Raises bad_alloc if full. O(1).
  HEAPLESS_CONSTEXPR20 reference push_front(const T& value) { return emplace_front(value); }
  /// Moves value to the front. Raises bad_alloc if full. O(1).
  HEAPLESS_CONSTEXPR20 reference push_front(T&& value) { return emplace_front(std::move(value)); }

  /// As emplace_back / emplace_front, but return nullptr when full (arguments untouched).
  template <class... Args>
  [[nodiscard]] HEAPLESS_CONSTEXPR20 pointer try_emplace_back(Args&&... args) {
    return algo::template emplace_back<false>(core_(), std::forward<Args>(args)...);
  }
  /// Copies value to the back; nullptr when full. Returns a pointer to the new element.
  [[nodiscard]] HEAPLESS_CONSTEXPR20 pointer try_push_back(const T& value) { return try_emplace_back(value); }
  /// Moves value to the back; nullptr when full (value untouched).
  [[nodiscard]] HEAPLESS_CONSTEXPR20 pointer try_push_back(T&& value) { return try_emplace_back(std::move(value)); }
  /// Constructs an element at the front; nullptr when full (args untouched).
  template <class... Args>
  [[nodiscard]] HEAPLESS_CONSTEXPR20 pointer try_emplace_front(Args&&... args) {
    return algo::template emplace_front<false>(core_(), std::forward<Args>(args)...);
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
    return algo::construct_back(core_(), std::forward<Args>(args)...);
  }
  /// Copies value to the back. Precondition (asserted): !full().
  HEAPLESS_CONSTEXPR20 reference unchecked_push_back(const T& value) { return unchecked_emplace_back(value); }
  /// Moves value to the back. Precondition (asserted): !full().
  HEAPLESS_CONSTEXPR20 reference unchecked_push_back(T&& value) { return unchecked_emplace_back(std::move(value)); }
  /// Precondition (asserted): !full().
  template <class... Args>
  HEAPLESS_CONSTEXPR20 reference unchecked_emplace_front(Args&&... args) {
    HEAPLESS_ASSERT(!full(), "heapless::Deque::unchecked_emplace_front: full");
    return algo::construct_front(core_(), std::forward<Args>(args)...);
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
    algo::destroy_first(core_());
  }
  /// Removes the first n elements. Precondition (asserted): n <= size().
  /// O(1) for trivially destructible T, else O(n).
  HEAPLESS_CONSTEXPR20 void pop_front(size_type n) noexcept {
    HEAPLESS_ASSERT(n <= size(), "heapless::Deque::pop_front: fewer than n elements");
    algo::destroy_front(core_(), n);
  }
  /// Precondition (asserted): !empty(). O(1).
  HEAPLESS_CONSTEXPR20 void pop_back() noexcept {
    HEAPLESS_ASSERT(!empty(), "heapless::Deque::pop_back: empty");
    algo::destroy_back(core_(), 1);
  }
  /// Removes the last n elements. Precondition (asserted): n <= size().
  HEAPLESS_CONSTEXPR20 void pop_back(size_type n) noexcept {
    HEAPLESS_ASSERT(n <= size(), "heapless::Deque::pop_back: fewer than n elements");
    algo::destroy_back(core_(), n);
  }
  /// Removes and returns the front element; an empty optional when empty.
  [[nodiscard]] HEAPLESS_CONSTEXPR20 std::optional<T> try_pop_front() noexcept(
      std::is_nothrow_move_constructible_v<T>) {
    return algo::try_pop_front(core_());
  }
  /// Removes and returns the back element; an empty optional when empty.
  [[nodiscard]] HEAPLESS_CONSTEXPR20 std::optional<T> try_pop_back() noexcept(
      std::is_nothrow_move_constructible_v<T>) {
    return algo::try_pop_back(core_());
  }

  /// Appends copies of [first, last) at the back. All or nothing: if they do
  /// not fit, raises bad_alloc and *this is unchanged (input iterators: the
  /// input is consumed). From a T* range of trivially copyable T: at most two
  /// memcpy. O(elements).
  template <class InputIt, class = std::enable_if_t<detail::vec_is_input_iterator_v<InputIt>>>
  HEAPLESS_CONSTEXPR20 void push_back(InputIt first, InputIt last) {
    algo::push_back(core_(), first, last);
  }
  /// Appends the elements of il; see push_back(first, last).
  HEAPLESS_CONSTEXPR20 void push_back(std::initializer_list<T> il) { push_back(il.begin(), il.end()); }
  /// Appends copies of [first, last) until full; returns the iterator to the
  /// first element not appended (last if all fit). Never raises for capacity.
  template <class InputIt, class = std::enable_if_t<detail::vec_is_input_iterator_v<InputIt>>>
  [[nodiscard]] HEAPLESS_CONSTEXPR20 InputIt try_push_back(InputIt first, InputIt last) {
    return algo::try_push_back(core_(), first, last);
  }

  // ---- Modifiers anywhere ---------------------------------------------------------
  /// Constructs an element before pos; the shorter side moves. Raises
  /// bad_alloc, changing nothing, if full. O(distance to the nearer end).
  /// Returns an iterator to the new element.
  template <class... Args>
  HEAPLESS_CONSTEXPR20 iterator emplace(const_iterator pos, Args&&... args) {
    algo::emplace(core_(), index_of(pos), std::forward<Args>(args)...);
    return position_(pos);
  }
  /// Inserts value before pos; see emplace.
  HEAPLESS_CONSTEXPR20 iterator insert(const_iterator pos, const T& value) { return emplace(pos, value); }
  /// Inserts value (moved) before pos; see emplace.
  HEAPLESS_CONSTEXPR20 iterator insert(const_iterator pos, T&& value) { return emplace(pos, std::move(value)); }
  /// Inserts n copies of value (which may be an element) before pos; the
  /// shorter side moves n places, each of its elements once (when copying
  /// and moving T cannot throw; otherwise the copies are built at the
  /// nearer end and rotated into place). Raises bad_alloc, changing nothing,
  /// if they do not fit; a throwing copy changes nothing when T's moves do
  /// not throw; a throwing move leaves a valid deque (basic guarantee).
  /// O(n + distance to the nearer end).
  /// Returns an iterator to the first inserted element (pos if n == 0).
  HEAPLESS_CONSTEXPR20 iterator insert(const_iterator pos, size_type n, const T& value) {
    algo::insert_fill(core_(), index_of(pos), n, value);
    return position_(pos);
  }
  /// Inserts copies of [first, last) (not iterators into *this) before pos;
  /// the shorter side moves, as for insert(pos, n, value) (input iterators:
  /// appended, then rotated into place). If they do not fit, raises
  /// bad_alloc and *this is unchanged (input iterators: the input is
  /// consumed); exceptions from T as for insert(pos, n, value).
  /// O(elements + distance to the nearer end).
  template <class InputIt, class = std::enable_if_t<detail::vec_is_input_iterator_v<InputIt>>>
  HEAPLESS_CONSTEXPR20 iterator insert(const_iterator pos, InputIt first, InputIt last) {
    algo::insert(core_(), index_of(pos), first, last);
    return position_(pos);
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
    algo::erase(core_(), i, j);
    return position_(first);
  }
  /// Destroys every element. O(size()) (O(1) for trivially destructible T).
  HEAPLESS_CONSTEXPR20 void clear() noexcept { algo::destroy_all(core_()); }

  /// Exchanges the contents element-wise: O(max(size(), other.size())).
  HEAPLESS_CONSTEXPR20 void swap(Deque& other) noexcept(std::is_nothrow_move_constructible_v<T>&&
                                                            std::is_nothrow_swappable_v<T>) {
    if (this != &other) algo::swap_fitting(core_(), other.core_());
  }
  /// Exchanges the contents of a and b (a.swap(b)).
  friend HEAPLESS_CONSTEXPR20 void swap(Deque& a, Deque& b) noexcept(noexcept(a.swap(b))) { a.swap(b); }

  // ---- Comparisons -----------------------------------------------------------------
  /// Equal when both hold equal elements in the same order.
  friend constexpr bool operator==(const Deque& a, const Deque& b) { return algo::equal(a.core_(), b.core_()); }
#if HEAPLESS_HAS_THREE_WAY
  /// Lexicographic, with <=> of T or, failing that, <.
  friend constexpr auto operator<=>(const Deque& a, const Deque& b)
    requires detail::synth_comparable<T>
  {
    return algo::three_way(a.core_(), b.core_());
  }
#else
  /// True unless a == b.
  friend constexpr bool operator!=(const Deque& a, const Deque& b) { return !(a == b); }
  /// Lexicographic, with T's <.
  friend constexpr bool operator<(const Deque& a, const Deque& b) { return algo::less(a.core_(), b.core_()); }
  /// b < a.
  friend constexpr bool operator>(const Deque& a, const Deque& b) { return b < a; }
  /// !(b < a).
  friend constexpr bool operator<=(const Deque& a, const Deque& b) { return !(b < a); }
  /// !(a < b).
  friend constexpr bool operator>=(const Deque& a, const Deque& b) { return !(a < b); }
#endif

 private:
  template <class U>
  friend class DequeRef;
  template <class U, std::size_t M, class Pred>
  friend HEAPLESS_CONSTEXPR20 std::size_t erase_if(Deque<U, M>& c, Pred pred);

  /// The storage core every algorithm takes (detail::deque_algo).
  constexpr core_type& core_() noexcept { return *this; }
  constexpr const core_type& core_() const noexcept { return *this; }
  [[noreturn]] static void out_of_range() {
    detail::raise(error_kind::out_of_range, "heapless::Deque::at: index out of range");
  }
  constexpr size_type index_of(const_iterator pos) const noexcept {
    HEAPLESS_ASSERT(pos.owner() == this && pos.index() <= size(), "heapless::Deque: iterator not into this Deque");
    return pos.index();
  }
  /// The iterator a member returns for the caller's position pos: pos's own
  /// logical index (docs/design.md, "Positions returned from arguments").
  constexpr iterator position_(const_iterator pos) noexcept { return iterator(this, pos.index()); }
};

// ---- Erasure ------------------------------------------------------------------------
/// Removes every element for which pred is true, keeping the order of the
/// rest; returns how many. O(size()).
template <class T, std::size_t N, class Pred>
HEAPLESS_CONSTEXPR20 std::size_t erase_if(Deque<T, N>& c, Pred pred) {
  return detail::deque_algo<T>::erase_if(c.core_(), pred);
}

/// Removes every element equal to value; returns how many. O(size()).
template <class T, std::size_t N, class U = T>
HEAPLESS_CONSTEXPR20 std::size_t erase(Deque<T, N>& c, const U& value) {
  return erase_if(c, [&value](const T& e) { return e == value; });
}

// ---- Capacity erasure: DequeRef<T> ---------------------------------------------------
/// A non-owning handle to a Deque<T, N> of any capacity N (power of two or
/// not): one non-template function can serve deques of every size (a
/// protocol layer that drains "any deque of frames"). Built on demand
/// (`DequeRef<int> r = d;`, implicit), it is one pointer and the capacity
/// (two words); valid while the Deque lives and is not moved. It has Deque's
/// whole API except what concerns the capacity itself, with Deque's
/// semantics, errors and complexity: each member runs the very algorithm
/// Deque's member runs (detail::deque_algo), the memcpy paths included. The
/// view finds the Deque's indices from the capacity and wraps by
/// compare-and-subtract (right for every N, masking ones too), so a push
/// costs a few instructions more than the owner's.
///
/// DequeRef<const T> is the read-only view: it converts from a const
/// Deque<T, N>, a Deque<T, N> and a DequeRef<T>, and offers iteration,
/// element access, as_spans and comparisons (a modifying member does not
/// compile). Members are const: constness of the handle is not constness of
/// the Deque (as std::span). Iterators hold (elements, capacity, index), so
/// they stay valid after the DequeRef object itself is gone.
template <class T>
class DequeRef {
  using element_type = std::remove_const_t<T>;
  using algo = detail::deque_algo<element_type>;
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
  /// Random-access iterator, front to back (a logical index, as Deque's).
  using iterator = detail::ring_iterator<detail::ring_ref_core<T>, T>;
  /// Read-only random-access iterator, front to back.
  using const_iterator = detail::ring_iterator<detail::ring_ref_core<const T>, const T>;
  /// Reverse iterator, back to front.
  using reverse_iterator = std::reverse_iterator<iterator>;
  /// Read-only reverse iterator, back to front.
  using const_reverse_iterator = std::reverse_iterator<const_iterator>;
  /// A contiguous part of the ring (as_spans, make_contiguous).
  using span_type = detail::ring_span<T>;
  /// A contiguous part of the ring, read-only.
  using const_span_type = detail::ring_span<const T>;

  /// Refers to d (implicit, so a Deque<T, N>& converts at a call).
  template <std::size_t N>
  DequeRef(Deque<element_type, N>& d) noexcept  // NOLINT: implicit on purpose
      : core_(make(d)) {}
  /// Read-only view of a const Deque (DequeRef<const T> only).
  template <std::size_t N, class U = T, std::enable_if_t<std::is_const_v<U>, int> = 0>
  DequeRef(const Deque<element_type, N>& d) noexcept  // NOLINT: implicit on purpose
      : core_(make(d)) {}
  /// A DequeRef<T> converts to the read-only DequeRef<const T>.
  template <class U = T, std::enable_if_t<std::is_const_v<U>, int> = 0>
  DequeRef(const DequeRef<element_type>& other) noexcept  // NOLINT: implicit on purpose
      : core_(other.core_) {}

  // ---- Iterators ------------------------------------------------------------------
  /// Iterator to the front element.
  iterator begin() const noexcept { return iterator(core_, 0); }
  /// Iterator past the back element.
  iterator end() const noexcept { return iterator(core_, size()); }
  /// Reverse iterator to the back element.
  reverse_iterator rbegin() const noexcept { return reverse_iterator(end()); }
  /// Reverse iterator before the front element.
  reverse_iterator rend() const noexcept { return reverse_iterator(begin()); }
  /// Read-only begin().
  const_iterator cbegin() const noexcept { return begin(); }
  /// Read-only end().
  const_iterator cend() const noexcept { return end(); }
  /// Read-only rbegin().
  const_reverse_iterator crbegin() const noexcept { return const_reverse_iterator(cend()); }
  /// Read-only rend().
  const_reverse_iterator crend() const noexcept { return const_reverse_iterator(cbegin()); }

  // ---- Capacity --------------------------------------------------------------------
  /// The number of elements.
  size_type size() const noexcept { return core_.size(); }
  /// The Deque's N.
  size_type capacity() const noexcept { return core_.cap(); }
  /// Same as capacity(): the Deque's N.
  size_type max_size() const noexcept { return core_.cap(); }
  /// true when size() == 0.
  [[nodiscard]] bool empty() const noexcept { return size() == 0; }
  /// True when size() == capacity(): the next push would raise.
  [[nodiscard]] bool full() const noexcept { return size() == capacity(); }
  /// As Deque::resize: raises bad_alloc, changing nothing, if n > capacity().
  void resize(size_type n) const { algo::resize(core_, n); }
  /// As resize(n), growing with copies of value.
  void resize(size_type n, const element_type& value) const { algo::resize(core_, n, value); }

  // ---- Element access ----------------------------------------------------------------
  /// The i-th element from the front. Precondition (asserted): i < size().
  reference operator[](size_type i) const noexcept {
    HEAPLESS_ASSERT(i < size(), "heapless::DequeRef::operator[]: index out of range");
    return algo::slot(core_, i);
  }
  /// The i-th element from the front. Raises out_of_range if i >= size().
  reference at(size_type i) const {
    if (HEAPLESS_UNLIKELY(i >= size())) {
      detail::raise(error_kind::out_of_range, "heapless::DequeRef::at: index out of range");
    }
    return algo::slot(core_, i);
  }
  /// The first element. Precondition (asserted): !empty().
  reference front() const noexcept {
    HEAPLESS_ASSERT(!empty(), "heapless::DequeRef::front: empty");
    return core_.element(core_.head());
  }
  /// The last element. Precondition (asserted): !empty().
  reference back() const noexcept {
    HEAPLESS_ASSERT(!empty(), "heapless::DequeRef::back: empty");
    return algo::slot(core_, size() - 1);
  }

  // ---- The ring ----------------------------------------------------------------------
  /// As Deque::as_spans: the two contiguous parts, front part first. O(1).
  std::pair<span_type, span_type> as_spans() const noexcept { return algo::template as_spans<span_type>(core_); }
  /// As Deque::make_contiguous: rotates the elements in place so that they
  /// are contiguous and in order; returns them as one span.
  span_type make_contiguous() const {
    T* const first = algo::make_contiguous(core_);
    return span_type(first, size());
  }

  // ---- Assignment ----------------------------------------------------------------------
  /// As Deque::assign(n, value): raises bad_alloc, changing nothing, if n > capacity().
  void assign(size_type n, const element_type& value) const { algo::assign_fill(core_, n, value); }
  /// As Deque::assign(first, last) (not iterators into the Deque).
  template <class InputIt, class = std::enable_if_t<detail::vec_is_input_iterator_v<InputIt>>>
  void assign(InputIt first, InputIt last) const {
    algo::assign(core_, first, last);
  }
  /// As Deque::assign(il).
  void assign(std::initializer_list<element_type> il) const { algo::assign(core_, il.begin(), il.end()); }

  // ---- Modifiers at the ends --------------------------------------------------------------
  /// As Deque::emplace_back: raises bad_alloc if full; strong guarantee. O(1).
  template <class... Args>
  reference emplace_back(Args&&... args) const {
    return *algo::template emplace_back<true>(core_, std::forward<Args>(args)...);
  }
  /// Copies value to the back. Raises bad_alloc if full.
  reference push_back(const element_type& value) const { return emplace_back(value); }
  /// Moves value to the back. Raises bad_alloc if full.
  reference push_back(element_type&& value) const { return emplace_back(std::move(value)); }
  /// As Deque::emplace_front: raises bad_alloc if full; strong guarantee. O(1).
  template <class... Args>
  reference emplace_front(Args&&... args) const {
    return *algo::template emplace_front<true>(core_, std::forward<Args>(args)...);
  }
  /// Copies value to the front. Raises bad_alloc if full.
  reference push_front(const element_type& value) const { return emplace_front(value); }
  /// Moves value to the front. Raises bad_alloc if full.
  reference push_front(element_type&& value) const { return emplace_front(std::move(value)); }
  /// Constructs an element at the back; nullptr when full (arguments untouched).
  template <class... Args>
  [[nodiscard]] pointer try_emplace_back(Args&&... args) const {
    return algo::template emplace_back<false>(core_, std::forward<Args>(args)...);
  }
  /// Copies value to the back; nullptr when full.
  [[nodiscard]] pointer try_push_back(const element_type& value) const { return try_emplace_back(value); }
  /// Moves value to the back; nullptr when full (value untouched).
  [[nodiscard]] pointer try_push_back(element_type&& value) const { return try_emplace_back(std::move(value)); }
  /// Constructs an element at the front; nullptr when full (arguments untouched).
  template <class... Args>
  [[nodiscard]] pointer try_emplace_front(Args&&... args) const {
    return algo::template emplace_front<false>(core_, std::forward<Args>(args)...);
  }
  /// Copies value to the front; nullptr when full.
  [[nodiscard]] pointer try_push_front(const element_type& value) const { return try_emplace_front(value); }
  /// Moves value to the front; nullptr when full (value untouched).
  [[nodiscard]] pointer try_push_front(element_type&& value) const { return try_emplace_front(std::move(value)); }
  /// Constructs an element at the back. Precondition (asserted): !full().
  template <class... Args>
  reference unchecked_emplace_back(Args&&... args) const {
    HEAPLESS_ASSERT(!full(), "heapless::DequeRef::unchecked_emplace_back: full");
    return algo::construct_back(core_, std::forward<Args>(args)...);
  }
  /// Copies value to the back. Precondition (asserted): !full().
  reference unchecked_push_back(const element_type& value) const { return unchecked_emplace_back(value); }
  /// Moves value to the back. Precondition (asserted): !full().
  reference unchecked_push_back(element_type&& value) const { return unchecked_emplace_back(std::move(value)); }
  /// Constructs an element at the front. Precondition (asserted): !full().
  template <class... Args>
  reference unchecked_emplace_front(Args&&... args) const {
    HEAPLESS_ASSERT(!full(), "heapless::DequeRef::unchecked_emplace_front: full");
    return algo::construct_front(core_, std::forward<Args>(args)...);
  }
  /// Copies value to the front. Precondition (asserted): !full().
  reference unchecked_push_front(const element_type& value) const { return unchecked_emplace_front(value); }
  /// Moves value to the front. Precondition (asserted): !full().
  reference unchecked_push_front(element_type&& value) const { return unchecked_emplace_front(std::move(value)); }

  /// Removes the front element. Precondition (asserted): !empty(). O(1).
  void pop_front() const noexcept {
    HEAPLESS_ASSERT(!empty(), "heapless::DequeRef::pop_front: empty");
    algo::destroy_first(core_);
  }
  /// Removes the first n elements. Precondition (asserted): n <= size().
  void pop_front(size_type n) const noexcept {
    HEAPLESS_ASSERT(n <= size(), "heapless::DequeRef::pop_front: fewer than n elements");
    algo::destroy_front(core_, n);
  }
  /// Removes the back element. Precondition (asserted): !empty(). O(1).
  void pop_back() const noexcept {
    HEAPLESS_ASSERT(!empty(), "heapless::DequeRef::pop_back: empty");
    algo::destroy_back(core_, 1);
  }
  /// Removes the last n elements. Precondition (asserted): n <= size().
  void pop_back(size_type n) const noexcept {
    HEAPLESS_ASSERT(n <= size(), "heapless::DequeRef::pop_back: fewer than n elements");
    algo::destroy_back(core_, n);
  }
  /// Removes and returns the front element; an empty optional when empty.
  [[nodiscard]] std::optional<element_type> try_pop_front() const
      noexcept(std::is_nothrow_move_constructible_v<element_type>) {
    return algo::try_pop_front(core_);
  }
  /// Removes and returns the back element; an empty optional when empty.
  [[nodiscard]] std::optional<element_type> try_pop_back() const
      noexcept(std::is_nothrow_move_constructible_v<element_type>) {
    return algo::try_pop_back(core_);
  }
  /// As Deque::push_back(first, last): all or nothing, bad_alloc when they do not fit.
  template <class InputIt, class = std::enable_if_t<detail::vec_is_input_iterator_v<InputIt>>>
  void push_back(InputIt first, InputIt last) const {
    algo::push_back(core_, first, last);
  }
  /// Appends the elements of il; see push_back(first, last).
  void push_back(std::initializer_list<element_type> il) const { algo::push_back(core_, il.begin(), il.end()); }
  /// As Deque::try_push_back(first, last): appends until full; returns the first not appended.
  template <class InputIt, class = std::enable_if_t<detail::vec_is_input_iterator_v<InputIt>>>
  [[nodiscard]] InputIt try_push_back(InputIt first, InputIt last) const {
    return algo::try_push_back(core_, first, last);
  }

  // ---- Modifiers anywhere -------------------------------------------------------------------
  /// As Deque::emplace: raises bad_alloc, changing nothing, if full; returns pos.
  template <class... Args>
  iterator emplace(const_iterator pos, Args&&... args) const {
    algo::emplace(core_, index_of(pos), std::forward<Args>(args)...);
    return position_(pos);
  }
  /// Inserts value before pos; see emplace.
  iterator insert(const_iterator pos, const element_type& value) const { return emplace(pos, value); }
  /// Inserts value (moved) before pos; see emplace.
  iterator insert(const_iterator pos, element_type&& value) const { return emplace(pos, std::move(value)); }
  /// As Deque::insert(pos, n, value).
  iterator insert(const_iterator pos, size_type n, const element_type& value) const {
    algo::insert_fill(core_, index_of(pos), n, value);
    return position_(pos);
  }
  /// As Deque::insert(pos, first, last) (not iterators into the Deque).
  template <class InputIt, class = std::enable_if_t<detail::vec_is_input_iterator_v<InputIt>>>
  iterator insert(const_iterator pos, InputIt first, InputIt last) const {
    algo::insert(core_, index_of(pos), first, last);
    return position_(pos);
  }
  /// As Deque::insert(pos, il).
  iterator insert(const_iterator pos, std::initializer_list<element_type> il) const {
    return insert(pos, il.begin(), il.end());
  }
  /// Removes the element at pos (precondition: dereferenceable); returns the iterator after it.
  iterator erase(const_iterator pos) const {
    HEAPLESS_ASSERT(pos != cend(), "heapless::DequeRef::erase: end() is not erasable");
    return erase(pos, pos + 1);
  }
  /// Removes [first, last); returns the iterator after the removed ones.
  iterator erase(const_iterator first, const_iterator last) const {
    const size_type i = index_of(first);
    const size_type j = index_of(last);
    HEAPLESS_ASSERT(i <= j, "heapless::DequeRef::erase: first > last");
    algo::erase(core_, i, j);
    return position_(first);
  }
  /// Destroys every element.
  void clear() const noexcept { algo::destroy_all(core_); }
  /// Exchanges the contents with other's element-wise. Raises bad_alloc,
  /// changing nothing, if either's elements do not fit the other's capacity.
  void swap(const DequeRef& other) const {
    if (core_.data_ != other.core_.data_) algo::swap(core_, other.core_);
  }

  // ---- Comparisons (also against a Deque, which converts) -----------------------------------
  /// Equal when both hold equal elements in the same order.
  friend bool operator==(const DequeRef& a, const DequeRef& b) { return algo::equal(a.core_, b.core_); }
#if HEAPLESS_HAS_THREE_WAY
  /// Lexicographic, with <=> of T or, failing that, <.
  friend auto operator<=>(const DequeRef& a, const DequeRef& b)
    requires detail::synth_comparable<element_type>
  {
    return algo::three_way(a.core_, b.core_);
  }
#else
  /// True unless a == b.
  friend bool operator!=(const DequeRef& a, const DequeRef& b) { return !(a == b); }
  /// Lexicographic, with T's <.
  friend bool operator<(const DequeRef& a, const DequeRef& b) { return algo::less(a.core_, b.core_); }
  /// b < a.
  friend bool operator>(const DequeRef& a, const DequeRef& b) { return b < a; }
  /// !(b < a).
  friend bool operator<=(const DequeRef& a, const DequeRef& b) { return !(b < a); }
  /// !(a < b).
  friend bool operator>=(const DequeRef& a, const DequeRef& b) { return !(a < b); }
#endif


 private:
  template <class U>
  friend class DequeRef;
  template <class U, class Pred>
  friend std::size_t erase_if(const DequeRef<U>& c, Pred pred);

  template <class D>
  static core_type make(D& d) noexcept {
    constexpr std::size_t n = std::remove_const_t<D>::capacity();
    static_assert(n <= 0xFFFFFFFFu, "heapless::DequeRef: a view covers capacities below 2^32");
    static_assert(core_type::template matches<n>(), "heapless::DequeRef: index layout");
    auto& c = d.core_();
    const core_type r(c.data(), n);
    HEAPLESS_ASSERT(static_cast<const void*>(r.template indices<typename detail::ring_core<element_type, n>::index_type>()) ==
                        static_cast<const void*>(&c.head_),
                    "heapless::DequeRef: index layout");
    return r;
  }
  size_type index_of(const const_iterator& pos) const noexcept {
    HEAPLESS_ASSERT(pos.owner().data_ == core_.data_ && pos.index() <= size(),
                    "heapless::DequeRef: iterator not into this Deque");
    return pos.index();
  }
  /// The iterator a member returns for the caller's position pos: pos's own
  /// logical index (docs/design.md, "Positions returned from arguments").
  iterator position_(const const_iterator& pos) const noexcept { return iterator(core_, pos.index()); }

  core_type core_;
};

// Namespace-scope templates (not hidden friends), so that the qualified
// heapless::erase_if(view, pred) finds them as it finds Deque's.
/// As erase_if(Deque&, pred), through the view: removes every element for
/// which pred is true, keeping the order of the rest; returns how many. O(size()).
template <class T, class Pred>
std::size_t erase_if(const DequeRef<T>& c, Pred pred) {
  return detail::deque_algo<std::remove_const_t<T>>::erase_if(c.core_, pred);
}
/// As erase(Deque&, value), through the view: removes every element equal to
/// value; returns how many. O(size()).
template <class T, class U = std::remove_const_t<T>>
std::size_t erase(const DequeRef<T>& c, const U& value) {
  return erase_if(c, [&value](const std::remove_const_t<T>& e) { return e == value; });
}

HEAPLESS_NAMESPACE_END

#endif  // HEAPLESS_DEQUE_HPP
