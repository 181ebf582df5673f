// SPDX-License-Identifier: BSL-1.0
// heapless/vec.hpp - Vec<T, N>: a vector with fixed capacity N stored inside
// the object (the C++26 std::inplace_vector API, in C++17).
//
//   heapless::Vec<int, 8> v = {1, 2, 3};
//   v.push_back(4);                      // std::bad_alloc / handler when full
//   if (!v.try_push_back(5)) { /*full*/ } // nullptr when full, nothing moved
//   v.erase(v.begin());                  // {2, 3, 4, 5}
//   for (int x : v) use(x);              // contiguous: T* iterators
//
// Memory: N * sizeof(T) for the elements plus the length, stored after them in
// the smallest unsigned type that holds N (1 byte up to N = 255), padded to
// alignof(T): sizeof(Vec<std::uint8_t, 15>) == 16, sizeof(Vec<int, 64>) == 260
// (when alignof(T) >= 4 the length is a 32-bit word in that padding: free, and
// faster). Vec<T, 0> is an empty class. No heap, no pointer into the object itself:
// a Vec of a trivially copyable T is trivially copyable (memcpy/DMA-able).
//
// Complexity: push/emplace/pop_back O(1); insert/emplace/erase O(distance to
// end + elements inserted); default construction O(1) and constexpr (touches
// no element storage; a static Vec is constant-initialised).
//
// Errors (docs/vec.md): plain forms that would grow past N raise
// error_kind::bad_alloc (std::bad_alloc with exceptions, the user handler
// otherwise), at() raises error_kind::out_of_range; try_* forms return
// nullptr / the first element not inserted and change nothing; unchecked_*
// forms and the std preconditions (operator[], front, back, pop_back on an
// empty Vec, iterators into *this) are checked by HEAPLESS_ASSERT.
//
// VecRef<T> (end of this header) is a capacity-erased handle to a Vec<T, N>
// of any N, for non-template functions that fill Vecs; VecRef<const T> is
// the read-only one. Both run Vec's own algorithms (detail::vec_algo);
// docs/views.md.
//
// Thread/ISR: no internal synchronisation; a Vec is a plain value.
#ifndef HEAPLESS_VEC_HPP
#define HEAPLESS_VEC_HPP

#include <cstddef>           // std::size_t, std::ptrdiff_t, std::byte
#include <cstdint>           // std::uint8_t...std::uint64_t: VecRef's view of the length
#include <string_view>       // declares the std::hash primary template (std::hash<Vec>)
#include <initializer_list>  // std::initializer_list constructors and overloads
#include <type_traits>       // triviality traits select storage and special members
#include <utility>           // std::forward, std::move, std::swap

#include <heapless/detail/config.hpp>    // HEAPLESS_CONSTEXPR20, HEAPLESS_HAS_THREE_WAY, hints
#include <heapless/detail/cstring.hpp>  // detail::mem_copy, detail::mem_move
#include <heapless/detail/error.hpp>     // detail::raise, HEAPLESS_ASSERT
#include <heapless/detail/iterator.hpp>  // std::reverse_iterator, iterator tags, std::distance
#include <heapless/detail/size.hpp>      // detail::smallest_size_t
#include <heapless/detail/storage.hpp>   // detail::uninit_array
#include <heapless/detail/synth_three_way.hpp>  // detail::synth_three_way: operator<=>

#if HEAPLESS_HAS_THREE_WAY
#include <compare>  // operator<=> result types
#endif

// True during constant evaluation of the C++20 constexpr members; in C++17
// those members are not constexpr, so it is plain false there.
#if HEAPLESS_CPP20
#define HEAPLESS_DETAIL_VEC_CONSTEVAL() HEAPLESS_IS_CONSTANT_EVALUATED()
#else
#define HEAPLESS_DETAIL_VEC_CONSTEVAL() false
#endif

HEAPLESS_NAMESPACE_BEGIN
namespace detail {

// ---- Iterator classification ----------------------------------------------
template <class It, class = void>
struct vec_iter_category {
  using type = void;
};
template <class It>
struct vec_iter_category<It, std::void_t<typename std::iterator_traits<It>::iterator_category>> {
  using type = typename std::iterator_traits<It>::iterator_category;
};
template <class It>
inline constexpr bool vec_is_input_iterator_v =
    std::is_convertible_v<typename vec_iter_category<It>::type, std::input_iterator_tag>;
template <class It>
inline constexpr bool vec_is_forward_iterator_v =
    std::is_convertible_v<typename vec_iter_category<It>::type, std::forward_iterator_tag>;

/// Elements may be copied from It by memcpy: It is a pointer to T and the
/// construction it stands for is trivial.
template <class T, class It>
inline constexpr bool vec_memcpy_source_v =
    std::is_pointer_v<It> && std::is_same_v<std::remove_cv_t<std::remove_pointer_t<It>>, T> &&
    std::is_trivially_copyable_v<T> && std::is_trivially_constructible_v<T, decltype(*std::declval<It>())>;

/// Elements may be relocated by memmove (insert/erase shifts).
template <class T>
inline constexpr bool vec_memmove_v = std::is_trivially_copyable_v<T>;

/// "heapless::Vec: capacity N exceeded", the message of a full Vec<T, N>.
template <std::size_t N>
inline constexpr auto vec_capacity_message =
    capacity_message<N>("heapless::Vec: capacity ", " exceeded");

// ---- Storage: elements, then the length -----------------------------------
/// Largest N whose storage is value-initialised in constant evaluation (C++20).
inline constexpr std::size_t vec_constexpr_fill_max = 16384;

/// The stored length: the smallest unsigned type that holds N, except that
/// when alignof(T) >= 4 it is widened to a 32-bit char32_t. The padding after
/// the elements has room for it then, so sizeof is unchanged
/// (sizeof(Vec<int, 64>) == 260 either way), and it pays twice: a full-width
/// length avoids the narrow store-to-load forwarding stall AMD Zen cores take
/// when a loop keeps the length in memory, and char32_t is a distinct type for
/// alias analysis, so stores of int-like elements cannot alias the length and
/// compilers keep it in a register (clang then vectorises push_back loops).
/// std::uint32_t would alias every int and unsigned element store.
template <class T, std::size_t N>
using vec_length_t =
    std::conditional_t<(alignof(T) >= 4 && sizeof(smallest_size_t<N>) <= 4 &&
                        !std::is_same_v<std::remove_cv_t<T>, char32_t>),
                       char32_t, smallest_size_t<N>>;

// The elements, then the length. Primitives only (data, size, construct one
// element, truncate); vec_algo adds the algorithms once, for Vec and VecRef
// alike.
template <class T, std::size_t N>
struct vec_storage {
  using length_type = vec_length_t<T, N>;

  uninit_array<T, N> storage_;
  length_type size_;

  constexpr vec_storage() noexcept : storage_(), size_(0) {}

  constexpr T* data() noexcept { return storage_.data(); }
  constexpr const T* data() const noexcept { return storage_.data(); }
  constexpr std::size_t size() const noexcept { return size_; }
  constexpr void set_size(std::size_t n) noexcept { size_ = static_cast<length_type>(n); }
  template <class... Args>
  constexpr T& construct(std::size_t i, Args&&... args) noexcept(std::is_nothrow_constructible_v<T, Args...>) {
#if HEAPLESS_CPP20
    // The first element of a Vec built in constant evaluation: a constant must
    // be fully initialised, so a partly filled Vec could not be the result of a
    // constant expression (nor be copied inside one). Value-initialise every
    // slot first, in constant evaluation only (C++20, constexpr-friendly T);
    // at run time, and in the default constructor, nothing is written.
    // Bounded so large Vecs stay within compilers' constexpr step limits.
    if constexpr (N <= vec_constexpr_fill_max && is_constexpr_friendly_v<T>) {
      if (HEAPLESS_IS_CONSTANT_EVALUATED() && i == 0 && size() == 0) {
        for (std::size_t j = 0; j != N; ++j) storage_.construct(j);
      }
    }
#endif
    return storage_.construct(i, std::forward<Args>(args)...);
  }
  /// Destroys the elements [n, size()) (last first) and sets the length to n.
  constexpr void truncate(std::size_t n) noexcept {
    if constexpr (!std::is_trivially_destructible_v<T>) {
      for (std::size_t i = size(); i > n; --i) storage_.destroy(i - 1);
    }
    set_size(n);
  }
};

// Non-trivially destructible T: the destructor destroys the live elements.
template <class T, std::size_t N>
struct vec_storage_dtor : vec_storage<T, N> {
  constexpr vec_storage_dtor() noexcept {}
  vec_storage_dtor(const vec_storage_dtor&) = default;
  vec_storage_dtor& operator=(const vec_storage_dtor&) = default;
  ~vec_storage_dtor() { this->truncate(0); }
};

// N == 0: no element storage and no length; an empty class.
template <class T>
struct vec_storage_empty {
  constexpr vec_storage_empty() noexcept {}
  constexpr T* data() noexcept { return nullptr; }
  constexpr const T* data() const noexcept { return nullptr; }
  static constexpr std::size_t size() noexcept { return 0; }
  constexpr void set_size(std::size_t) noexcept {}
  template <class... Args>
  T& construct(std::size_t, Args&&...) noexcept {
    HEAPLESS_TRAP();  // unreachable: every caller checks the capacity first
  }
  constexpr void truncate(std::size_t) noexcept {}
};

template <class T, std::size_t N>
using vec_storage_t =
    std::conditional_t<N == 0, vec_storage_empty<T>,
                       std::conditional_t<std::is_trivially_destructible_v<T>, vec_storage<T, N>,
                                          vec_storage_dtor<T, N>>>;

/// Restores the length (destroying what was added) unless dismissed: the
/// rollback that gives appends and resizes their all-or-nothing behaviour
/// when an element constructor throws.
template <class Core>
struct vec_rollback {
  Core* core;
  std::size_t old_len;
  HEAPLESS_CONSTEXPR20 ~vec_rollback() {
    if (core) core->truncate(old_len);
  }
};


// ---- The storage interface both Vec and VecRef implement ------------------
// Every algorithm below is written once, against this interface (a "core"):
//   T* data(); std::size_t size(); void set_size(n); std::size_t cap();
//   T& construct(i, args...)  begins element i's lifetime (i < cap());
//   void truncate(n)          destroys [n, size()) and sets the length to n;
//   [[noreturn]] static void capacity_exceeded();
//   static constexpr bool has_storage   false: data() is a constant nullptr;
//   static constexpr bool may_shift     false when no element can ever move
//                             up (capacity 1: see emplace).
// Vec's core (vec_core<T, N>) stores the elements and the length and answers
// cap() with the constant N; VecRef's (vec_ref_core<T>) points at a Vec's
// elements and length. The memcpy/memmove fast paths therefore serve both,
// and a Vec compiles to the same code as when the algorithms were its members.
template <class T, std::size_t N>
struct vec_core : vec_storage_t<T, N> {
  constexpr vec_core() noexcept {}
  static constexpr bool has_storage = N != 0;
  // N == 1: a pos short of end() needs a full Vec, which emplace rejects
  // first; g++ 12 does not see that and reports the shift as past the
  // one-element storage (-Warray-bounds).
  static constexpr bool may_shift = N > 1;
  static constexpr std::size_t cap() noexcept { return N; }
  [[noreturn]] static void capacity_exceeded() {
#if HEAPLESS_DETAIL_MICROCONTROLLER  // one string for every N: flash
    raise(error_kind::bad_alloc, "heapless::Vec: capacity exceeded");
#else
    raise(error_kind::bad_alloc, vec_capacity_message<N>.text);
#endif
  }
};

/// Rotates [first, last) so that middle becomes the first element (three
/// reversals: no extra storage, works for move-only T).
template <class T>
HEAPLESS_CONSTEXPR20 void vec_rotate(T* first, T* middle, T* last) {
  using std::swap;
  const auto reverse = [](T* a, T* b) {
    while (a != b && a != --b) swap(*a++, *b);
  };
  reverse(first, middle);
  reverse(middle, last);
  reverse(first, last);
}


// ---- Comparisons: shared by Vec and VecRef --------------------------------
template <class T>
constexpr bool vec_equal(const T* a, std::size_t na, const T* b, std::size_t nb) {
  if (na != nb) return false;
  for (std::size_t k = 0; k != na; ++k) {
    if (!(a[k] == b[k])) return false;
  }
  return true;
}
#if HEAPLESS_HAS_THREE_WAY
template <class T>
constexpr auto vec_three_way(const T* a, std::size_t na, const T* b, std::size_t nb) {
  const synth_three_way cmp{};
  const std::size_t n = na < nb ? na : nb;
  for (std::size_t k = 0; k != n; ++k) {
    // std::is_neq, not `c != 0`: the literal 0 is a null pointer constant
    // to -Wzero-as-null-pointer-constant.
    if (auto c = cmp(a[k], b[k]); std::is_neq(c)) return c;
  }
  return static_cast<decltype(cmp(a[0], b[0]))>(na <=> nb);
}
#else
template <class T>
constexpr bool vec_less(const T* a, std::size_t na, const T* b, std::size_t nb) {
  const std::size_t n = na < nb ? na : nb;
  for (std::size_t k = 0; k != n; ++k) {
    if (a[k] < b[k]) return true;
    if (b[k] < a[k]) return false;
  }
  return na < nb;
}
#endif

// ---- The algorithms: one definition for Vec and VecRef --------------------
// Each takes the core first (C is vec_core<T, N> or const vec_ref_core<T>).
// Members that return a position for the caller's argument form it with
// position() (docs/design.md, "Positions returned from arguments").
template <class T>
struct vec_algo {
  using size_type = std::size_t;

  /// Raises bad_alloc unless n more elements fit after `used`.
  template <class C>
  static constexpr void check_room(C& c, size_type n, size_type used) {
    if (HEAPLESS_UNLIKELY(n > c.cap() - used)) C::capacity_exceeded();
  }
  template <class C>
  static constexpr size_type index_of(C& c, const T* pos) noexcept {
    HEAPLESS_ASSERT(pos >= c.data() && pos <= c.data() + c.size(), "heapless::Vec: iterator not into this Vec");
    return static_cast<size_type>(pos - c.data());
  }
  /// The iterator a member returns for the caller's position pos: pos itself,
  /// never data() + index_of(pos). GCC 12's IPA modref records early that pos
  /// is not returned, then folds data() + (pos - data()) to pos and keeps the
  /// stale record, so callers fold comparisons of the result to false.
  static constexpr T* position(const T* pos) noexcept { return const_cast<T*>(pos); }

  /// Constructs n elements at the end from *src, ++src (n <= room). If a
  /// constructor throws, the elements added so far are destroyed.
  template <class C, class It>
  static HEAPLESS_CONSTEXPR20 void append_n(C& c, It src, size_type n) {
    size_type len = c.size();
    // No storage: data() is a constant nullptr; keep memcpy(nullptr, ...) out of the code.
    if constexpr (vec_memcpy_source_v<T, It> && C::has_storage) {
      if (!HEAPLESS_DETAIL_VEC_CONSTEVAL()) {
        if (n != 0) detail::mem_copy(static_cast<void*>(c.data() + len), src, n * sizeof(T));
        c.set_size(len + n);
        return;
      }
    }
    if constexpr (std::is_nothrow_constructible_v<T, decltype(*src)>) {
      for (size_type i = 0; i != n; ++i, ++src) c.construct(len + i, *src);
      c.set_size(len + n);
    } else {
      vec_rollback<C> rollback{&c, len};
      for (size_type i = 0; i != n; ++i, ++src) {
        c.construct(len, *src);
        c.set_size(++len);
      }
      rollback.core = nullptr;
    }
  }

  /// Constructs n elements at the end, each from args... (none: value-initialised).
  template <class C, class... Args>
  static HEAPLESS_CONSTEXPR20 void append_fill(C& c, size_type n, const Args&... args) {
    size_type len = c.size();
    if constexpr (std::is_nothrow_constructible_v<T, const Args&...>) {
      for (size_type i = 0; i != n; ++i) c.construct(len + i, args...);
      c.set_size(len + n);
    } else {
      vec_rollback<C> rollback{&c, len};
      for (size_type i = 0; i != n; ++i) {
        c.construct(len, args...);
        c.set_size(++len);
      }
      rollback.core = nullptr;
    }
  }

  /// Replaces the contents with n elements from *src, ++src (n <= cap()).
  template <class C, class It>
  static HEAPLESS_CONSTEXPR20 void assign_n(C& c, It src, size_type n) {
    const size_type len = c.size();
    // No storage: data() is a constant nullptr; keep memcpy(nullptr, ...) out of the code.
    if constexpr (vec_memcpy_source_v<T, It> && C::has_storage) {
      if (!HEAPLESS_DETAIL_VEC_CONSTEVAL()) {
        if (n != 0) detail::mem_copy(static_cast<void*>(c.data()), src, n * sizeof(T));
        c.set_size(n);
        return;
      }
    }
    const size_type common = n < len ? n : len;
    T* p = c.data();
    for (size_type i = 0; i != common; ++i, ++src) p[i] = *src;
    if (n > len) append_n(c, src, n - len);
    else c.truncate(n);
  }

  template <class C>
  static HEAPLESS_CONSTEXPR20 void assign_fill(C& c, size_type n, const T& value) {
    check_room(c, n, 0);
    const size_type len = c.size();
    const size_type common = n < len ? n : len;
    for (size_type i = 0; i != common; ++i) c.data()[i] = value;
    if (n > len) append_fill(c, n - len, value);
    else c.truncate(n);
  }

  template <class C, class InputIt>
  static HEAPLESS_CONSTEXPR20 void assign(C& c, InputIt first, InputIt last) {
    if constexpr (vec_is_forward_iterator_v<InputIt>) {
      const size_type n = static_cast<size_type>(std::distance(first, last));
      check_room(c, n, 0);
      assign_n(c, first, n);
    } else {
      c.truncate(0);
      append(c, first, last);
    }
  }

  /// resize(n) / resize(n, value): args... is empty or the value.
  template <class C, class... Args>
  static HEAPLESS_CONSTEXPR20 void resize(C& c, size_type n, const Args&... args) {
    check_room(c, n, 0);
    // add <= cap() always holds here (n <= cap(), n > len); stating it keeps
    // g++ 12 from inventing an unbounded memset (-Wstringop-overflow) after inlining.
    const size_type len = c.size();
    if (n <= len) c.truncate(n);
    else if (const size_type add = n - len; add <= c.cap()) append_fill(c, add, args...);
  }

  /// emplace_back (Raise: raises bad_alloc when full) and try_emplace_back
  /// (returns nullptr when full). The length is read once: a view decodes
  /// it on every read.
  template <bool Raise, class C, class... Args>
  static HEAPLESS_CONSTEXPR20 T* emplace_back(C& c, Args&&... args) {
    const size_type len = c.size();  // read before the store: T may alias the length
    if (HEAPLESS_UNLIKELY(len == c.cap())) {
      if constexpr (Raise) C::capacity_exceeded();
      else return nullptr;
    }
    T* const element = &c.construct(len, std::forward<Args>(args)...);
    c.set_size(len + 1);
    return element;
  }

  template <class C, class... Args>
  static HEAPLESS_CONSTEXPR20 T& unchecked_emplace_back(C& c, Args&&... args) {
    HEAPLESS_ASSERT(c.size() != c.cap(), "heapless::Vec::unchecked_emplace_back: full");
    const size_type len = c.size();  // read before the store: T may alias the length
    T& element = c.construct(len, std::forward<Args>(args)...);
    c.set_size(len + 1);
    return element;
  }

  template <class C, class InputIt>
  static HEAPLESS_CONSTEXPR20 void append(C& c, InputIt first, InputIt last) {
    if constexpr (vec_is_forward_iterator_v<InputIt>) {
      const size_type n = static_cast<size_type>(std::distance(first, last));
      check_room(c, n, c.size());
      append_n(c, first, n);
    } else {
      const size_type old_len = c.size();
      vec_rollback<C> rollback{&c, old_len};
      for (; first != last; ++first) {
        if (HEAPLESS_UNLIKELY(c.size() == c.cap())) {
          c.truncate(old_len);
          C::capacity_exceeded();
        }
        unchecked_emplace_back(c, *first);
      }
      rollback.core = nullptr;
    }
  }

  template <class C, class InputIt>
  static HEAPLESS_CONSTEXPR20 InputIt try_append(C& c, InputIt first, InputIt last) {
    if constexpr (std::is_pointer_v<InputIt> && vec_memcpy_source_v<T, InputIt>) {
      const size_type room = c.cap() - c.size();
      const size_type avail = static_cast<size_type>(last - first);
      const size_type n = avail < room ? avail : room;
      append_n(c, first, n);
      return first + n;
    } else {
      for (; first != last && c.size() != c.cap(); ++first) unchecked_emplace_back(c, *first);
      return first;
    }
  }

  /// Trivially copyable T only: shifts [i, size()) up by n and grows the
  /// length; the gap [i, i + n) holds stale copies, overwritten by the caller.
  template <class C>
  static void open_gap(C& c, size_type i, size_type n) noexcept {
    T* p = c.data();
    const size_type len = c.size();
    detail::mem_move(static_cast<void*>(p + i + n), static_cast<const void*>(p + i), (len - i) * sizeof(T));
    c.set_size(len + n);
  }

  template <class C, class... Args>
  static HEAPLESS_CONSTEXPR20 T* emplace(C& c, const T* pos, Args&&... args) {
    const size_type i = index_of(c, pos);
    if (HEAPLESS_UNLIKELY(c.size() == c.cap())) C::capacity_exceeded();
    const size_type len = c.size();
    if (i == len) {
      unchecked_emplace_back(c, std::forward<Args>(args)...);
      return position(pos);
    }
    T* p = c.data();
    T tmp(std::forward<Args>(args)...);  // first: args may refer to an element
    if constexpr (vec_memmove_v<T> && C::may_shift) {
      if (!HEAPLESS_DETAIL_VEC_CONSTEVAL()) {
        detail::mem_move(static_cast<void*>(p + i + 1), static_cast<const void*>(p + i), (len - i) * sizeof(T));
        c.construct(i, std::move(tmp));
        c.set_size(len + 1);
        return position(pos);
      }
    }
    c.construct(len, std::move(p[len - 1]));
    c.set_size(len + 1);
    for (size_type j = len - 1; j != i; --j) p[j] = std::move(p[j - 1]);
    p[i] = std::move(tmp);
    return position(pos);
  }

  template <class C>
  static HEAPLESS_CONSTEXPR20 T* insert_fill(C& c, const T* pos, size_type n, const T& value) {
    const size_type i = index_of(c, pos);
    check_room(c, n, c.size());
    if constexpr (vec_memmove_v<T>) {
      if (!HEAPLESS_DETAIL_VEC_CONSTEVAL() && n != 0) {
        const T copy(value);  // value may be an element that the shift moves
        open_gap(c, i, n);
        for (size_type k = 0; k != n; ++k) c.construct(i + k, copy);
        return position(pos);
      }
    }
    const size_type old_len = c.size();
    append_fill(c, n, value);
    vec_rotate(c.data() + i, c.data() + old_len, c.data() + c.size());
    return position(pos);
  }

  template <class C, class InputIt>
  static HEAPLESS_CONSTEXPR20 T* insert(C& c, const T* pos, InputIt first, InputIt last) {
    const size_type i = index_of(c, pos);
    const size_type old_len = c.size();
    if constexpr (vec_is_forward_iterator_v<InputIt>) {
      const size_type n = static_cast<size_type>(std::distance(first, last));
      check_room(c, n, old_len);
      if constexpr (vec_memmove_v<T> &&
                    std::is_nothrow_constructible_v<T, typename std::iterator_traits<InputIt>::reference>) {
        if (!HEAPLESS_DETAIL_VEC_CONSTEVAL()) {
          if (n == 0) return position(pos);
          open_gap(c, i, n);
          c.set_size(i);  // construct into the gap, then restore the length
          append_n(c, first, n);
          c.set_size(old_len + n);
          return position(pos);
        }
      }
      append_n(c, first, n);
    } else {
      append(c, first, last);
    }
    vec_rotate(c.data() + i, c.data() + old_len, c.data() + c.size());
    return position(pos);
  }

  template <class C>
  static HEAPLESS_CONSTEXPR20 T* erase(C& c, const T* first, const T* last) {
    const size_type i = index_of(c, first);
    const size_type j = index_of(c, last);
    HEAPLESS_ASSERT(i <= j, "heapless::Vec::erase: first > last");
    if (i == j) return position(first);
    T* p = c.data();
    const size_type len = c.size();
    if constexpr (vec_memmove_v<T>) {
      if (!HEAPLESS_DETAIL_VEC_CONSTEVAL()) {
        T* const out = position(first);
        detail::mem_move(static_cast<void*>(out), static_cast<const void*>(p + j), (len - j) * sizeof(T));
        c.set_size(len - (j - i));
        return out;
      }
    }
    // k < len, not k != len: with asserts off, g++ 11 -O2 turns the loop into
    // a memmove and, for a j > len it cannot rule out, reports its wrapped
    // size (-Wstringop-overflow). Both stop at len for every valid range.
    for (size_type k = j; k < len; ++k) p[i + (k - j)] = std::move(p[k]);
    c.truncate(len - (j - i));
    return position(first);
  }

  /// Moves the last element into pos and drops the last (order not kept).
  template <class C>
  static HEAPLESS_CONSTEXPR20 T* swap_erase(C& c, const T* pos) noexcept(std::is_nothrow_move_assignable_v<T>) {
    const size_type i = index_of(c, pos);
    const size_type len = c.size();
    HEAPLESS_ASSERT(i < len, "heapless::Vec::swap_erase: end() is not erasable");
    if (i + 1 != len) c.data()[i] = std::move(c.data()[len - 1]);
    c.truncate(len - 1);
    return position(pos);
  }

  /// Moves [first, last) in order to out, then erases it; nothing is erased
  /// when writing to out throws.
  template <class C, class OutputIt>
  static HEAPLESS_CONSTEXPR20 OutputIt drain(C& c, const T* first, const T* last, OutputIt out) {
    HEAPLESS_ASSERT(index_of(c, first) <= index_of(c, last), "heapless::Vec::drain: first > last");
    for (T* it = position(first); it != last; ++it, ++out) *out = std::move(*it);
    erase(c, first, last);
    return out;
  }

  /// Removes every element for which pred is true; returns how many.
  template <class C, class Pred>
  static HEAPLESS_CONSTEXPR20 size_type erase_if(C& c, Pred& pred) {
    T* p = c.data();
    const size_type n = c.size();
    size_type kept = 0;
    for (size_type r = 0; r != n; ++r) {
      if (!pred(p[r])) {
        if (kept != r) p[kept] = std::move(p[r]);
        ++kept;
      }
    }
    erase(c, p + kept, p + n);
    return n - kept;
  }
};

// ---- Special members: trivial exactly when T's are ------------------------
// A chain of four thin layers; each either keeps the implicit (trivial)
// member, provides the element-wise one, or deletes it. The rules are
// std::inplace_vector's ([inplace.vector.overview]); N == 0 is always trivial.
enum class vec_smf { trivial, user, deleted };

constexpr vec_smf vec_smf_mode(bool trivial, bool possible) noexcept {
  return trivial ? vec_smf::trivial : possible ? vec_smf::user : vec_smf::deleted;
}

template <class T, std::size_t N>
struct vec_smf_traits {
  static constexpr bool zero = N == 0;
  static constexpr bool triv_dtor = std::is_trivially_destructible_v<T>;
  static constexpr vec_smf copy_ctor =
      vec_smf_mode(zero || std::is_trivially_copy_constructible_v<T>, std::is_copy_constructible_v<T>);
  static constexpr vec_smf move_ctor =
      vec_smf_mode(zero || std::is_trivially_move_constructible_v<T>, std::is_move_constructible_v<T>);
  static constexpr vec_smf copy_assign =
      vec_smf_mode(zero || (triv_dtor && std::is_trivially_copy_constructible_v<T> &&
                            std::is_trivially_copy_assignable_v<T>),
                   std::is_copy_constructible_v<T> && std::is_copy_assignable_v<T>);
  static constexpr vec_smf move_assign =
      vec_smf_mode(zero || (triv_dtor && std::is_trivially_move_constructible_v<T> &&
                            std::is_trivially_move_assignable_v<T>),
                   std::is_move_constructible_v<T> && std::is_move_assignable_v<T>);
};

// Every layer's default constructor is user-provided, so value-initialising
// a Vec (`Vec<int, 1024> v{};`) never zero-fills the element storage.

template <class T, std::size_t N, vec_smf = vec_smf_traits<T, N>::copy_ctor>
struct vec_copy_ctor : vec_core<T, N> {
  constexpr vec_copy_ctor() noexcept {}
};
template <class T, std::size_t N>
struct vec_copy_ctor<T, N, vec_smf::user> : vec_core<T, N> {
  constexpr vec_copy_ctor() noexcept {}
  vec_copy_ctor(const vec_copy_ctor& o) noexcept(std::is_nothrow_copy_constructible_v<T>)
      : vec_core<T, N>() {
    vec_algo<T>::append_n(*this, o.data(), o.size());
  }
  vec_copy_ctor(vec_copy_ctor&&) = default;
  vec_copy_ctor& operator=(const vec_copy_ctor&) = default;
  vec_copy_ctor& operator=(vec_copy_ctor&&) = default;
};
template <class T, std::size_t N>
struct vec_copy_ctor<T, N, vec_smf::deleted> : vec_core<T, N> {
  constexpr vec_copy_ctor() noexcept {}
  vec_copy_ctor(const vec_copy_ctor&) = delete;
  vec_copy_ctor(vec_copy_ctor&&) = default;
  vec_copy_ctor& operator=(const vec_copy_ctor&) = default;
  vec_copy_ctor& operator=(vec_copy_ctor&&) = default;
};

template <class T, std::size_t N, vec_smf = vec_smf_traits<T, N>::move_ctor>
struct vec_move_ctor : vec_copy_ctor<T, N> {
  constexpr vec_move_ctor() noexcept {}
};
template <class T, std::size_t N>
struct vec_move_ctor<T, N, vec_smf::user> : vec_copy_ctor<T, N> {
  constexpr vec_move_ctor() noexcept {}
  vec_move_ctor(const vec_move_ctor&) = default;
  vec_move_ctor(vec_move_ctor&& o) noexcept(std::is_nothrow_move_constructible_v<T>)
      : vec_copy_ctor<T, N>() {
    vec_algo<T>::append_n(*this, std::make_move_iterator(o.data()), o.size());
  }
  vec_move_ctor& operator=(const vec_move_ctor&) = default;
  vec_move_ctor& operator=(vec_move_ctor&&) = default;
};
template <class T, std::size_t N>
struct vec_move_ctor<T, N, vec_smf::deleted> : vec_copy_ctor<T, N> {
  constexpr vec_move_ctor() noexcept {}
  vec_move_ctor(const vec_move_ctor&) = default;
  vec_move_ctor(vec_move_ctor&&) = delete;
  vec_move_ctor& operator=(const vec_move_ctor&) = default;
  vec_move_ctor& operator=(vec_move_ctor&&) = default;
};

template <class T, std::size_t N, vec_smf = vec_smf_traits<T, N>::copy_assign>
struct vec_copy_assign : vec_move_ctor<T, N> {
  constexpr vec_copy_assign() noexcept {}
};
template <class T, std::size_t N>
struct vec_copy_assign<T, N, vec_smf::user> : vec_move_ctor<T, N> {
  constexpr vec_copy_assign() noexcept {}
  vec_copy_assign(const vec_copy_assign&) = default;
  vec_copy_assign(vec_copy_assign&&) = default;
  vec_copy_assign& operator=(const vec_copy_assign& o) noexcept(
      std::is_nothrow_copy_constructible_v<T>&& std::is_nothrow_copy_assignable_v<T>) {
    if (this != &o) vec_algo<T>::assign_n(*this, o.data(), o.size());
    return *this;
  }
  vec_copy_assign& operator=(vec_copy_assign&&) = default;
};
template <class T, std::size_t N>
struct vec_copy_assign<T, N, vec_smf::deleted> : vec_move_ctor<T, N> {
  constexpr vec_copy_assign() noexcept {}
  vec_copy_assign(const vec_copy_assign&) = default;
  vec_copy_assign(vec_copy_assign&&) = default;
  vec_copy_assign& operator=(const vec_copy_assign&) = delete;
  vec_copy_assign& operator=(vec_copy_assign&&) = default;
};

template <class T, std::size_t N, vec_smf = vec_smf_traits<T, N>::move_assign>
struct vec_move_assign : vec_copy_assign<T, N> {
  constexpr vec_move_assign() noexcept {}
};
template <class T, std::size_t N>
struct vec_move_assign<T, N, vec_smf::user> : vec_copy_assign<T, N> {
  constexpr vec_move_assign() noexcept {}
  vec_move_assign(const vec_move_assign&) = default;
  vec_move_assign(vec_move_assign&&) = default;
  vec_move_assign& operator=(const vec_move_assign&) = default;
  vec_move_assign& operator=(vec_move_assign&& o) noexcept(
      std::is_nothrow_move_constructible_v<T>&& std::is_nothrow_move_assignable_v<T>) {
    if (this != &o) vec_algo<T>::assign_n(*this, std::make_move_iterator(o.data()), o.size());
    return *this;
  }
};
template <class T, std::size_t N>
struct vec_move_assign<T, N, vec_smf::deleted> : vec_copy_assign<T, N> {
  constexpr vec_move_assign() noexcept {}
  vec_move_assign(const vec_move_assign&) = default;
  vec_move_assign(vec_move_assign&&) = default;
  vec_move_assign& operator=(const vec_move_assign&) = default;
  vec_move_assign& operator=(vec_move_assign&&) = delete;
};

}  // namespace detail

/// The uninitialised tail of a Vec (Vec::spare_capacity()): room where a DMA
/// engine or a read()-style call writes elements before the Vec takes them in
/// with unchecked_set_size / try_set_size. A pointer and a count; in C++20 a
/// named SpareCapacity converts to std::span<T> (a contiguous, sized range).
template <class T>
class SpareCapacity {
 public:
  /// count uninitialised elements from first.
  constexpr SpareCapacity(T* first, std::size_t count) noexcept : data_(first), size_(count) {}
  /// The first free slot (the Vec's data() + size()).
  constexpr T* data() const noexcept { return data_; }
  /// Elements that fit: capacity() - size() of the Vec.
  constexpr std::size_t size() const noexcept { return size_; }
  /// size() * sizeof(T).
  constexpr std::size_t size_bytes() const noexcept { return size_ * sizeof(T); }
  /// True when the Vec is full.
  [[nodiscard]] constexpr bool empty() const noexcept { return size_ == 0; }
  /// data(): the slots as a contiguous range.
  constexpr T* begin() const noexcept { return data_; }
  /// data() + size().
  constexpr T* end() const noexcept { return data_ + size_; }
  /// The same memory as size_bytes() bytes, for APIs that take raw bytes.
  std::byte* as_bytes() const noexcept { return reinterpret_cast<std::byte*>(data_); }

 private:
  T* data_;
  std::size_t size_;
};

template <class T>
class VecRef;

/// A contiguous sequence of at most N elements of T stored in the object.
template <class T, std::size_t N>
class Vec : private detail::vec_move_assign<T, N> {
  static_assert(std::is_object_v<T> && !std::is_const_v<T> && !std::is_volatile_v<T>,
                "heapless::Vec<T, N>: T must be a non-cv object type");
  static_assert(std::is_destructible_v<T>, "heapless::Vec<T, N>: T must be destructible");

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
  /// Random-access iterator (a pointer).
  using iterator = T*;
  /// Const random-access iterator (a pointer to const).
  using const_iterator = const T*;
  /// Reverse iterator.
  using reverse_iterator = std::reverse_iterator<iterator>;
  /// Const reverse iterator.
  using const_reverse_iterator = std::reverse_iterator<const_iterator>;

  // ---- [inplace.vector.cons] ---------------------------------------------
  /// Empty. constexpr, O(1), writes no element storage.
  constexpr Vec() noexcept {}
  /// n value-initialised elements. Raises bad_alloc if n > N.
  HEAPLESS_CONSTEXPR20 explicit Vec(size_type n) {
    resize(n);
  }
  /// n copies of value. Raises bad_alloc if n > N.
  HEAPLESS_CONSTEXPR20 Vec(size_type n, const T& value) {
    assign(n, value);
  }
  /// Copies of [first, last). Raises bad_alloc if there are more than N.
  template <class InputIt, class = std::enable_if_t<detail::vec_is_input_iterator_v<InputIt>>>
  HEAPLESS_CONSTEXPR20 Vec(InputIt first, InputIt last) {
    append(first, last);
  }
  /// Copies of il. Raises bad_alloc if il.size() > N.
  HEAPLESS_CONSTEXPR20 Vec(std::initializer_list<T> il) {
    append(il.begin(), il.end());
  }

  /// Copy/move: element-wise, O(size()); trivial (a copy of the whole
  /// object) when T's are. A moved-from Vec keeps its size and holds
  /// moved-from elements (as std::inplace_vector). Deleted when T's are.
  Vec(const Vec&) = default;
  /// Move constructor (see the copy constructor).
  Vec(Vec&&) = default;
  /// Copy assignment (see the copy constructor).
  Vec& operator=(const Vec&) = default;
  /// Move assignment (see the copy constructor).
  Vec& operator=(Vec&&) = default;
  /// Destroys the elements; trivial when T's destructor is.
  ~Vec() = default;

  /// As assign(il): raises bad_alloc, changing nothing, if il.size() > N.
  HEAPLESS_CONSTEXPR20 Vec& operator=(std::initializer_list<T> il) {
    assign(il);
    return *this;
  }

  /// Replaces the contents with n copies of value (not a reference into
  /// *this). Raises bad_alloc, changing nothing, if n > N.
  HEAPLESS_CONSTEXPR20 void assign(size_type n, const T& value) {
    detail::vec_algo<T>::assign_fill(core_(), n, value);
  }
  /// Replaces the contents with [first, last) (not iterators into *this).
  /// Forward iterators: raises bad_alloc, changing nothing, if the range has
  /// more than N elements. Single-pass input iterators: the elements are read
  /// into *this; on overflow it is left empty and bad_alloc is raised.
  template <class InputIt, class = std::enable_if_t<detail::vec_is_input_iterator_v<InputIt>>>
  HEAPLESS_CONSTEXPR20 void assign(InputIt first, InputIt last) {
    detail::vec_algo<T>::assign(core_(), first, last);
  }
  /// Replaces the contents with the elements of il. Raises bad_alloc, changing nothing, if il.size() > N.
  HEAPLESS_CONSTEXPR20 void assign(std::initializer_list<T> il) { assign(il.begin(), il.end()); }

  // ---- Iterators -----------------------------------------------------------
  /// Iterator to the first element.
  constexpr iterator begin() noexcept { return data(); }
  /// Const iterator to the first element.
  constexpr const_iterator begin() const noexcept { return data(); }
  /// Iterator past the last element.
  constexpr iterator end() noexcept { return data() + size(); }
  /// Const iterator past the last element.
  constexpr const_iterator end() const noexcept { return data() + size(); }
  /// Reverse iterator to the last element.
  constexpr reverse_iterator rbegin() noexcept { return reverse_iterator(end()); }
  /// Const reverse iterator to the last element.
  constexpr const_reverse_iterator rbegin() const noexcept { return const_reverse_iterator(end()); }
  /// Reverse iterator before the first element.
  constexpr reverse_iterator rend() noexcept { return reverse_iterator(begin()); }
  /// Const reverse iterator before the first element.
  constexpr const_reverse_iterator rend() const noexcept { return const_reverse_iterator(begin()); }
  /// Same as begin() const.
  constexpr const_iterator cbegin() const noexcept { return begin(); }
  /// Same as end() const.
  constexpr const_iterator cend() const noexcept { return end(); }
  /// Same as rbegin() const.
  constexpr const_reverse_iterator crbegin() const noexcept { return rbegin(); }
  /// Same as rend() const.
  constexpr const_reverse_iterator crend() const noexcept { return rend(); }

  // ---- [inplace.vector.capacity] -------------------------------------------
  /// true when size() == 0.
  [[nodiscard]] constexpr bool empty() const noexcept { return size() == 0; }
  /// True when size() == N: the next push_back would raise.
  [[nodiscard]] constexpr bool full() const noexcept { return size() == N; }
  /// The number of elements.
  constexpr size_type size() const noexcept { return base_::size(); }
  /// The maximum number of elements (N).
  static constexpr size_type max_size() noexcept { return N; }
  /// Same as max_size(): the capacity is fixed.
  static constexpr size_type capacity() noexcept { return N; }
  /// Shrinks to n (destroying the tail) or grows with value-initialised
  /// elements. Raises bad_alloc, changing nothing, if n > N; if an element
  /// constructor throws, nothing changes either.
  HEAPLESS_CONSTEXPR20 void resize(size_type n) {
    detail::vec_algo<T>::resize(core_(), n);
  }
  /// As resize(n), growing with copies of value.
  HEAPLESS_CONSTEXPR20 void resize(size_type n, const T& value) {
    detail::vec_algo<T>::resize(core_(), n, value);
  }
  /// Capacity is fixed: raises bad_alloc if n > N, else does nothing.
  static HEAPLESS_CONSTEXPR20 void reserve(size_type n) {
    if (HEAPLESS_UNLIKELY(n > N)) capacity_exceeded();
  }
  /// Does nothing: the capacity is fixed.
  static constexpr void shrink_to_fit() noexcept {}

  // ---- Element access ------------------------------------------------------
  /// Precondition (asserted): i < size().
  constexpr reference operator[](size_type i) noexcept {
    HEAPLESS_ASSERT(i < size(), "heapless::Vec::operator[]: index out of range");
    return data()[i];
  }
  /// As operator[](i), read-only. Precondition (asserted): i < size().
  constexpr const_reference operator[](size_type i) const noexcept {
    HEAPLESS_ASSERT(i < size(), "heapless::Vec::operator[]: index out of range");
    return data()[i];
  }
  /// Raises out_of_range if i >= size().
  constexpr reference at(size_type i) {
    if (HEAPLESS_UNLIKELY(i >= size())) out_of_range();
    return data()[i];
  }
  /// As at(i), read-only. Raises out_of_range if i >= size().
  constexpr const_reference at(size_type i) const {
    if (HEAPLESS_UNLIKELY(i >= size())) out_of_range();
    return data()[i];
  }
  /// Precondition (asserted): !empty().
  constexpr reference front() noexcept {
    HEAPLESS_ASSERT(!empty(), "heapless::Vec::front: empty");
    return data()[0];
  }
  /// The first element, read-only. Precondition (asserted): !empty().
  constexpr const_reference front() const noexcept {
    HEAPLESS_ASSERT(!empty(), "heapless::Vec::front: empty");
    return data()[0];
  }
  /// Precondition (asserted): !empty().
  constexpr reference back() noexcept {
    HEAPLESS_ASSERT(!empty(), "heapless::Vec::back: empty");
    return data()[size() - 1];
  }
  /// The last element, read-only. Precondition (asserted): !empty().
  constexpr const_reference back() const noexcept {
    HEAPLESS_ASSERT(!empty(), "heapless::Vec::back: empty");
    return data()[size() - 1];
  }
  /// Pointer to the first element (nullptr when N == 0).
  constexpr T* data() noexcept { return base_::data(); }
  /// As data(), read-only.
  constexpr const T* data() const noexcept { return base_::data(); }

  // ---- [inplace.vector.modifiers]: at the end -------------------------------
  /// Constructs an element at the end. Raises bad_alloc if full. Strong
  /// guarantee: if T's constructor throws, nothing changes. O(1).
  template <class... Args>
  HEAPLESS_CONSTEXPR20 reference emplace_back(Args&&... args) {
    return *detail::vec_algo<T>::template emplace_back<true>(core_(), std::forward<Args>(args)...);
  }
  /// Copies value to the end. Raises bad_alloc if full. O(1).
  HEAPLESS_CONSTEXPR20 reference push_back(const T& value) { return emplace_back(value); }
  /// Moves value to the end. Raises bad_alloc if full. O(1).
  HEAPLESS_CONSTEXPR20 reference push_back(T&& value) { return emplace_back(std::move(value)); }

  /// As emplace_back, but returns nullptr when full (arguments untouched).
  template <class... Args>
  [[nodiscard]] HEAPLESS_CONSTEXPR20 pointer try_emplace_back(Args&&... args) {
    return detail::vec_algo<T>::template emplace_back<false>(core_(), std::forward<Args>(args)...);
  }
  /// Copies value to the end; returns a pointer to it, or nullptr when full.
  [[nodiscard]] HEAPLESS_CONSTEXPR20 pointer try_push_back(const T& value) { return try_emplace_back(value); }
  /// Returns nullptr when full; value is then not moved from.
  [[nodiscard]] HEAPLESS_CONSTEXPR20 pointer try_push_back(T&& value) {
    return try_emplace_back(std::move(value));
  }

  /// Precondition (asserted): !full().
  template <class... Args>
  HEAPLESS_CONSTEXPR20 reference unchecked_emplace_back(Args&&... args) {
    return detail::vec_algo<T>::unchecked_emplace_back(core_(), std::forward<Args>(args)...);
  }
  /// Copies value to the end. Precondition (asserted): !full().
  HEAPLESS_CONSTEXPR20 reference unchecked_push_back(const T& value) { return unchecked_emplace_back(value); }
  /// Moves value to the end. Precondition (asserted): !full().
  HEAPLESS_CONSTEXPR20 reference unchecked_push_back(T&& value) {
    return unchecked_emplace_back(std::move(value));
  }

  /// Precondition (asserted): !empty().
  HEAPLESS_CONSTEXPR20 void pop_back() noexcept {
    HEAPLESS_ASSERT(!empty(), "heapless::Vec::pop_back: empty");
    this->truncate(size() - 1);
  }

  /// Appends copies of [first, last) (append_range). All or nothing: if the
  /// elements do not fit, raises bad_alloc and *this is unchanged; with
  /// single-pass input iterators the elements read so far are then removed
  /// again (the input is consumed). If T's constructor throws, *this is
  /// unchanged. From a T* range of trivially copyable T: one memcpy.
  template <class InputIt, class = std::enable_if_t<detail::vec_is_input_iterator_v<InputIt>>>
  HEAPLESS_CONSTEXPR20 void append(InputIt first, InputIt last) {
    detail::vec_algo<T>::append(core_(), first, last);
  }
  /// Appends the elements of il; see append(first, last).
  HEAPLESS_CONSTEXPR20 void append(std::initializer_list<T> il) { append(il.begin(), il.end()); }

  /// Appends copies of [first, last) until full; returns the iterator to the
  /// first element not inserted (last if all fit). Never raises for capacity.
  /// If T's constructor throws, the elements appended before stay.
  template <class InputIt, class = std::enable_if_t<detail::vec_is_input_iterator_v<InputIt>>>
  [[nodiscard]] HEAPLESS_CONSTEXPR20 InputIt try_append(InputIt first, InputIt last) {
    return detail::vec_algo<T>::try_append(core_(), first, last);
  }

  // ---- [inplace.vector.modifiers]: anywhere ---------------------------------
  /// Constructs an element before pos. Raises bad_alloc, changing nothing, if
  /// full. O(end - pos). If a move of T throws while shifting, the elements
  /// before pos are unchanged (std::inplace_vector's guarantee).
  template <class... Args>
  HEAPLESS_CONSTEXPR20 iterator emplace(const_iterator pos, Args&&... args) {
    return detail::vec_algo<T>::emplace(core_(), pos, std::forward<Args>(args)...);
  }
  /// Inserts value before pos; see emplace.
  HEAPLESS_CONSTEXPR20 iterator insert(const_iterator pos, const T& value) { return emplace(pos, value); }
  /// Inserts value (moved) before pos; see emplace.
  HEAPLESS_CONSTEXPR20 iterator insert(const_iterator pos, T&& value) { return emplace(pos, std::move(value)); }
  /// Inserts n copies of value before pos. Raises bad_alloc, changing
  /// nothing, if they do not fit. O(n + end - pos).
  HEAPLESS_CONSTEXPR20 iterator insert(const_iterator pos, size_type n, const T& value) {
    return detail::vec_algo<T>::insert_fill(core_(), pos, n, value);
  }
  /// Inserts copies of [first, last) (not iterators into *this) before pos.
  /// If they do not fit, raises bad_alloc and *this is unchanged (input
  /// iterators: the input is consumed). O(elements + end - pos).
  template <class InputIt, class = std::enable_if_t<detail::vec_is_input_iterator_v<InputIt>>>
  HEAPLESS_CONSTEXPR20 iterator insert(const_iterator pos, InputIt first, InputIt last) {
    return detail::vec_algo<T>::insert(core_(), pos, first, last);
  }
  /// Inserts the elements of il before pos; see insert(pos, first, last).
  HEAPLESS_CONSTEXPR20 iterator insert(const_iterator pos, std::initializer_list<T> il) {
    return insert(pos, il.begin(), il.end());
  }

  /// Removes the element at pos (precondition: pos is dereferenceable).
  /// Returns the iterator after it. O(end - pos).
  HEAPLESS_CONSTEXPR20 iterator erase(const_iterator pos) {
    HEAPLESS_ASSERT(pos != end(), "heapless::Vec::erase: end() is not erasable");
    return erase(pos, pos + 1);
  }
  /// Removes [first, last). O(end - first).
  HEAPLESS_CONSTEXPR20 iterator erase(const_iterator first, const_iterator last) {
    return detail::vec_algo<T>::erase(core_(), first, last);
  }
  /// Destroys every element. O(size()) (O(1) for trivially destructible T).
  HEAPLESS_CONSTEXPR20 void clear() noexcept { this->truncate(0); }

  /// Exchanges the contents (element-wise: O(max(size(), other.size()))).
  HEAPLESS_CONSTEXPR20 void swap(Vec& other) noexcept(std::is_nothrow_move_constructible_v<T>&&
                                                          std::is_nothrow_swappable_v<T>) {
    if (this == &other) return;
    Vec& shorter = size() <= other.size() ? *this : other;
    Vec& longer = size() <= other.size() ? other : *this;
    const size_type common = shorter.size();
    using std::swap;
    for (size_type k = 0; k != common; ++k) swap(shorter.data()[k], longer.data()[k]);
    detail::vec_algo<T>::append_n(shorter.core_(), std::make_move_iterator(longer.data() + common), longer.size() - common);
    longer.truncate(common);
  }
  friend HEAPLESS_CONSTEXPR20 void swap(Vec& a, Vec& b) noexcept(noexcept(a.swap(b))) { a.swap(b); }

  // ---- Comparisons ----------------------------------------------------------
  friend constexpr bool operator==(const Vec& a, const Vec& b) {
    return detail::vec_equal(a.data(), a.size(), b.data(), b.size());
  }
#if HEAPLESS_HAS_THREE_WAY
  /// Lexicographic, with <=> of T or, failing that, <.
  friend constexpr auto operator<=>(const Vec& a, const Vec& b)
    requires detail::synth_comparable<T>
  {
    return detail::vec_three_way(a.data(), a.size(), b.data(), b.size());
  }
#else
  friend constexpr bool operator!=(const Vec& a, const Vec& b) { return !(a == b); }
  /// Lexicographic, with T's <.
  friend constexpr bool operator<(const Vec& a, const Vec& b) {
    return detail::vec_less(a.data(), a.size(), b.data(), b.size());
  }
  friend constexpr bool operator>(const Vec& a, const Vec& b) { return b < a; }
  friend constexpr bool operator<=(const Vec& a, const Vec& b) { return !(b < a); }
  friend constexpr bool operator>=(const Vec& a, const Vec& b) { return !(a < b); }
#endif

  // ---- Firmware members: O(1) removal, draining, receiving into spare capacity
  /// Removes the element at pos by moving the last element into its place
  /// (order is not kept). Returns pos, which now holds the former last
  /// element (or end() if pos was the last). Precondition (asserted): pos is
  /// dereferenceable. O(1).
  HEAPLESS_CONSTEXPR20 iterator swap_erase(const_iterator pos) noexcept(std::is_nothrow_move_assignable_v<T>) {
    return detail::vec_algo<T>::swap_erase(core_(), pos);
  }

  /// Moves the elements [first, last) in order to out, then erases them (the
  /// tail shifts down, as erase). Returns out after the last element written.
  /// If writing to out throws, nothing is erased (the range may hold
  /// moved-from elements). Precondition (asserted): [first, last) is a range
  /// of *this. O(end - first).
  template <class OutputIt>
  HEAPLESS_CONSTEXPR20 OutputIt drain(const_iterator first, const_iterator last, OutputIt out) {
    return detail::vec_algo<T>::drain(core_(), first, last, out);
  }

  /// The uninitialised tail [size(), N) for a DMA engine or a read()-style
  /// call to write into; unchecked_set_size/try_set_size then take the
  /// written elements in. Only for trivially copyable T (which C++20 makes
  /// implicit-lifetime types: bytes written there are elements). The span
  /// is invalidated by any change of size().
  template <class U = T, class = std::enable_if_t<std::is_trivially_copyable_v<U>>>
  constexpr SpareCapacity<T> spare_capacity() noexcept {
    return SpareCapacity<T>(data() + size(), N - size());
  }
  /// Sets the length to n: elements [size(), n) become part of the Vec
  /// (they must have been written, e.g. through spare_capacity()), elements
  /// [n, size()) are dropped. Precondition (asserted): n <= N. O(1).
  template <class U = T, class = std::enable_if_t<std::is_trivially_copyable_v<U>>>
  constexpr void unchecked_set_size(size_type n) noexcept {
    HEAPLESS_ASSERT(n <= N, "heapless::Vec::unchecked_set_size: n > capacity()");
    this->set_size(n);
  }
  /// As unchecked_set_size, but returns false and changes nothing if n > N.
  template <class U = T, class = std::enable_if_t<std::is_trivially_copyable_v<U>>>
  [[nodiscard]] constexpr bool try_set_size(size_type n) noexcept {
    if (HEAPLESS_UNLIKELY(n > N)) return false;
    this->set_size(n);
    return true;
  }
  // ---- End of firmware members ----------------------------------------------

 private:
  using base_ = detail::vec_move_assign<T, N>;
  template <class U>
  friend class VecRef;
  template <class U, std::size_t M, class Pred>
  friend HEAPLESS_CONSTEXPR20 std::size_t erase_if(Vec<U, M>& c, Pred pred);
  /// The storage core every algorithm takes (detail::vec_algo).
  constexpr base_& core_() noexcept { return *this; }
  [[noreturn]] static void capacity_exceeded() { base_::capacity_exceeded(); }
  [[noreturn]] static void out_of_range() {
    detail::raise(error_kind::out_of_range, "heapless::Vec::at: index out of range");
  }
};



// ---- Capacity erasure: VecRef<T> ---------------------------------------------
namespace detail {
/// Which type a Vec stores its length in (VecRef reads and writes it through
/// that exact type).
enum class vec_length_kind : unsigned char { none, u8, u16, u32, u64, c32 };
template <class L>
inline constexpr vec_length_kind vec_length_kind_of =
    std::is_same_v<L, char32_t>        ? vec_length_kind::c32
    : std::is_same_v<L, std::uint8_t>  ? vec_length_kind::u8
    : std::is_same_v<L, std::uint16_t> ? vec_length_kind::u16
    : std::is_same_v<L, std::uint32_t> ? vec_length_kind::u32
                                       : vec_length_kind::u64;

/// VecRef's core (the interface in "The storage interface" above): another
/// Vec's elements and length. Its members are const because a VecRef is a
/// handle: copying it does not copy the Vec, and a const VecRef still changes
/// the Vec it refers to. T may be const (a read-only view), and then only the
/// reading members can be instantiated.
template <class T>
struct vec_ref_core {
  using length_pointer = std::conditional_t<std::is_const_v<T>, const void*, void*>;
  static constexpr bool has_storage = true;
  static constexpr bool may_shift = true;

  T* data_;
  length_pointer length_;
  std::size_t capacity_;
  vec_length_kind kind_;

  T* data() const noexcept { return data_; }
  std::size_t cap() const noexcept { return capacity_; }
  std::size_t size() const noexcept {
    switch (kind_) {
      case vec_length_kind::u8: return *static_cast<const std::uint8_t*>(length_);
      case vec_length_kind::u16: return *static_cast<const std::uint16_t*>(length_);
      case vec_length_kind::u32: return *static_cast<const std::uint32_t*>(length_);
      case vec_length_kind::u64: return static_cast<std::size_t>(*static_cast<const std::uint64_t*>(length_));
      case vec_length_kind::c32: return *static_cast<const char32_t*>(length_);
      case vec_length_kind::none: break;
    }
    return 0;
  }
  void set_size(std::size_t n) const noexcept {
    static_assert(!std::is_const_v<T>, "heapless::VecRef<const T> is a read-only view");
    switch (kind_) {
      case vec_length_kind::u8: *static_cast<std::uint8_t*>(length_) = static_cast<std::uint8_t>(n); break;
      case vec_length_kind::u16: *static_cast<std::uint16_t*>(length_) = static_cast<std::uint16_t>(n); break;
      case vec_length_kind::u32: *static_cast<std::uint32_t*>(length_) = static_cast<std::uint32_t>(n); break;
      case vec_length_kind::u64: *static_cast<std::uint64_t*>(length_) = n; break;
      case vec_length_kind::c32: *static_cast<char32_t*>(length_) = static_cast<char32_t>(n); break;
      case vec_length_kind::none: break;
    }
  }
  template <class... Args>
  T& construct(std::size_t i, Args&&... args) const noexcept(std::is_nothrow_constructible_v<T, Args...>) {
    return *::heapless::detail::construct_at(data_ + i, std::forward<Args>(args)...);
  }
  void truncate(std::size_t n) const noexcept {
    if constexpr (!std::is_trivially_destructible_v<T>) {
      for (std::size_t i = size(); i > n; --i) ::heapless::detail::destroy_at(data_ + (i - 1));
    }
    set_size(n);
  }
  [[noreturn]] static void capacity_exceeded() {
    raise(error_kind::bad_alloc, "heapless::VecRef: capacity exceeded");
  }
};
}  // namespace detail

/// A non-owning handle to a Vec<T, N> of any capacity N: one non-template
/// function can fill Vecs of different sizes (like std::span, but it can
/// grow the Vec). Built on demand (`VecRef<int> r = v;`), 32 bytes on 64-bit
/// targets, no per-Vec cost; valid while the Vec lives and is not moved. It
/// has Vec's whole API except what concerns the capacity itself (which is
/// the Vec's), with Vec's semantics, errors and complexity: each member runs
/// the very algorithm Vec's member runs (detail::vec_algo), including the
/// memcpy/memmove paths. Each length access dispatches on the Vec's length
/// type (one switch), so prefer Vec itself in the hottest loops.
///
/// VecRef<const T> is the read-only view: it converts from a const Vec<T, N>,
/// a Vec<T, N> and a VecRef<T>, and offers iteration, element access and
/// comparisons only (a modifying member does not compile).
///
/// Members are const: constness of the handle is not constness of the Vec
/// (as std::span). A VecRef<char> is a format_to target like a Vec<char, N>;
/// std::back_inserter and the std algorithms take it like a container.
template <class T>
class VecRef {
  using element_type = std::remove_const_t<T>;
  using algo = detail::vec_algo<element_type>;

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
  /// Random-access iterator (a pointer).
  using iterator = T*;
  /// Const random-access iterator (a pointer to const).
  using const_iterator = const T*;
  /// Iterates the Vec backwards.
  using reverse_iterator = std::reverse_iterator<iterator>;
  /// Iterates the Vec backwards, read-only.
  using const_reverse_iterator = std::reverse_iterator<const_iterator>;

  /// Refers to v (implicit, so a Vec<T, N>& converts at a call).
  template <std::size_t N>
  VecRef(Vec<element_type, N>& v) noexcept  // NOLINT: implicit on purpose
      : core_{v.data(), length_of(v), N, kind_of<N>()} {}
  /// Read-only view of a const Vec (VecRef<const T> only).
  template <std::size_t N, class U = T, std::enable_if_t<std::is_const_v<U>, int> = 0>
  VecRef(const Vec<element_type, N>& v) noexcept  // NOLINT: implicit on purpose
      : core_{v.data(), length_of(v), N, kind_of<N>()} {}
  /// A VecRef<T> converts to the read-only VecRef<const T>.
  template <class U = T, std::enable_if_t<std::is_const_v<U>, int> = 0>
  VecRef(const VecRef<element_type>& other) noexcept  // NOLINT: implicit on purpose
      : core_{other.core_.data_, other.core_.length_, other.core_.capacity_, other.core_.kind_} {}

  // ---- Iterators ------------------------------------------------------------
  /// Iterator to the first element.
  iterator begin() const noexcept { return core_.data(); }
  /// Iterator past the last element.
  iterator end() const noexcept { return core_.data() + size(); }
  /// The last element, for reverse iteration.
  reverse_iterator rbegin() const noexcept { return reverse_iterator(end()); }
  /// Before the first element, for reverse iteration.
  reverse_iterator rend() const noexcept { return reverse_iterator(begin()); }
  /// Read-only begin().
  const_iterator cbegin() const noexcept { return begin(); }
  /// Read-only end().
  const_iterator cend() const noexcept { return end(); }
  /// Read-only rbegin().
  const_reverse_iterator crbegin() const noexcept { return const_reverse_iterator(end()); }
  /// Read-only rend().
  const_reverse_iterator crend() const noexcept { return const_reverse_iterator(begin()); }

  // ---- Capacity ---------------------------------------------------------------
  /// The number of elements.
  size_type size() const noexcept { return core_.size(); }
  /// The Vec's N.
  size_type capacity() const noexcept { return core_.cap(); }
  /// Same as capacity(): the Vec's N.
  size_type max_size() const noexcept { return core_.cap(); }
  /// true when size() == 0.
  [[nodiscard]] bool empty() const noexcept { return size() == 0; }
  /// True when size() == capacity(): the next push_back would raise.
  [[nodiscard]] bool full() const noexcept { return size() == capacity(); }
  /// As Vec::reserve: raises bad_alloc if n > capacity(), else does nothing.
  void reserve(size_type n) const {
    if (HEAPLESS_UNLIKELY(n > capacity())) core_type::capacity_exceeded();
  }
  /// As Vec::resize: raises bad_alloc, changing nothing, if n > capacity().
  void resize(size_type n) const { algo::resize(core_, n); }
  /// As resize(n), growing with copies of value.
  void resize(size_type n, const element_type& value) const { algo::resize(core_, n, value); }

  // ---- Element access ---------------------------------------------------------
  /// Precondition (asserted): i < size().
  reference operator[](size_type i) const noexcept {
    HEAPLESS_ASSERT(i < size(), "heapless::VecRef::operator[]: index out of range");
    return core_.data()[i];
  }
  /// Raises out_of_range if i >= size().
  reference at(size_type i) const {
    if (HEAPLESS_UNLIKELY(i >= size())) detail::raise(error_kind::out_of_range, "heapless::VecRef::at: index out of range");
    return core_.data()[i];
  }
  /// Precondition (asserted): !empty().
  reference front() const noexcept { return (*this)[0]; }
  /// Precondition (asserted): !empty().
  reference back() const noexcept { return (*this)[size() - 1]; }
  /// The Vec's data() (nullptr when N == 0).
  pointer data() const noexcept { return core_.data(); }

  // ---- Assignment ---------------------------------------------------------------
  /// As Vec::assign: raises bad_alloc, changing nothing, if n > capacity().
  void assign(size_type n, const element_type& value) const { algo::assign_fill(core_, n, value); }
  /// As Vec::assign(first, last) (not iterators into the Vec).
  template <class InputIt, class = std::enable_if_t<detail::vec_is_input_iterator_v<InputIt>>>
  void assign(InputIt first, InputIt last) const {
    algo::assign(core_, first, last);
  }
  /// As Vec::assign(il).
  void assign(std::initializer_list<element_type> il) const { algo::assign(core_, il.begin(), il.end()); }

  // ---- Modifiers at the end -----------------------------------------------------
  /// As Vec::emplace_back: raises bad_alloc if full; strong guarantee.
  template <class... Args>
  reference emplace_back(Args&&... args) const {
    return *algo::template emplace_back<true>(core_, std::forward<Args>(args)...);
  }
  /// As Vec::push_back.
  reference push_back(const element_type& value) const { return emplace_back(value); }
  /// As Vec::push_back.
  reference push_back(element_type&& value) const { return emplace_back(std::move(value)); }
  /// nullptr when full (arguments untouched).
  template <class... Args>
  [[nodiscard]] pointer try_emplace_back(Args&&... args) const {
    return algo::template emplace_back<false>(core_, std::forward<Args>(args)...);
  }
  /// nullptr when full.
  [[nodiscard]] pointer try_push_back(const element_type& value) const { return try_emplace_back(value); }
  /// nullptr when full; value is then not moved from.
  [[nodiscard]] pointer try_push_back(element_type&& value) const { return try_emplace_back(std::move(value)); }
  /// Precondition (asserted): !full().
  template <class... Args>
  reference unchecked_emplace_back(Args&&... args) const {
    return algo::unchecked_emplace_back(core_, std::forward<Args>(args)...);
  }
  /// Precondition (asserted): !full().
  reference unchecked_push_back(const element_type& value) const { return unchecked_emplace_back(value); }
  /// Precondition (asserted): !full().
  reference unchecked_push_back(element_type&& value) const { return unchecked_emplace_back(std::move(value)); }
  /// Precondition (asserted): !empty().
  void pop_back() const noexcept {
    HEAPLESS_ASSERT(!empty(), "heapless::VecRef::pop_back: empty");
    core_.truncate(size() - 1);
  }
  /// Destroys every element.
  void clear() const noexcept { core_.truncate(0); }

  /// As Vec::append: all or nothing (raises bad_alloc if the elements do not
  /// fit; forward iterators are measured first, input ones rolled back).
  template <class InputIt, class = std::enable_if_t<detail::vec_is_input_iterator_v<InputIt>>>
  void append(InputIt first, InputIt last) const {
    algo::append(core_, first, last);
  }
  /// As Vec::append(il).
  void append(std::initializer_list<element_type> il) const { algo::append(core_, il.begin(), il.end()); }
  /// As Vec::try_append: appends until full; returns the first not inserted.
  template <class InputIt, class = std::enable_if_t<detail::vec_is_input_iterator_v<InputIt>>>
  [[nodiscard]] InputIt try_append(InputIt first, InputIt last) const {
    return algo::try_append(core_, first, last);
  }

  // ---- Modifiers anywhere -------------------------------------------------------
  /// As Vec::emplace: raises bad_alloc, changing nothing, if full.
  template <class... Args>
  iterator emplace(const_iterator pos, Args&&... args) const {
    return algo::emplace(core_, pos, std::forward<Args>(args)...);
  }
  /// As Vec::insert(pos, value).
  iterator insert(const_iterator pos, const element_type& value) const { return emplace(pos, value); }
  /// As Vec::insert(pos, value).
  iterator insert(const_iterator pos, element_type&& value) const { return emplace(pos, std::move(value)); }
  /// As Vec::insert(pos, n, value).
  iterator insert(const_iterator pos, size_type n, const element_type& value) const {
    return algo::insert_fill(core_, pos, n, value);
  }
  /// As Vec::insert(pos, first, last) (not iterators into the Vec).
  template <class InputIt, class = std::enable_if_t<detail::vec_is_input_iterator_v<InputIt>>>
  iterator insert(const_iterator pos, InputIt first, InputIt last) const {
    return algo::insert(core_, pos, first, last);
  }
  /// As Vec::insert(pos, il).
  iterator insert(const_iterator pos, std::initializer_list<element_type> il) const {
    return algo::insert(core_, pos, il.begin(), il.end());
  }
  /// Removes the element at pos (precondition: dereferenceable).
  iterator erase(const_iterator pos) const {
    HEAPLESS_ASSERT(pos != end(), "heapless::VecRef::erase: end() is not erasable");
    return algo::erase(core_, pos, pos + 1);
  }
  /// Removes [first, last); returns the iterator after the removed ones.
  iterator erase(const_iterator first, const_iterator last) const { return algo::erase(core_, first, last); }
  /// As Vec::swap_erase(pos): the last element moves into pos; O(1).
  iterator swap_erase(const_iterator pos) const noexcept(std::is_nothrow_move_assignable_v<element_type>) {
    return algo::swap_erase(core_, pos);
  }
  /// As Vec::drain(first, last, out): moves [first, last) to out, then erases it.
  template <class OutputIt>
  OutputIt drain(const_iterator first, const_iterator last, OutputIt out) const {
    return algo::drain(core_, first, last, out);
  }

  // ---- Comparisons (also against a Vec, which converts) ---------------------------
  friend bool operator==(const VecRef& a, const VecRef& b) {
    return detail::vec_equal<element_type>(a.data(), a.size(), b.data(), b.size());
  }
#if HEAPLESS_HAS_THREE_WAY
  /// Lexicographic, with <=> of T or, failing that, <.
  friend auto operator<=>(const VecRef& a, const VecRef& b)
    requires detail::synth_comparable<element_type>
  {
    return detail::vec_three_way<element_type>(a.data(), a.size(), b.data(), b.size());
  }
#else
  friend bool operator!=(const VecRef& a, const VecRef& b) { return !(a == b); }
  /// Lexicographic, with T's <.
  friend bool operator<(const VecRef& a, const VecRef& b) {
    return detail::vec_less<element_type>(a.data(), a.size(), b.data(), b.size());
  }
  friend bool operator>(const VecRef& a, const VecRef& b) { return b < a; }
  friend bool operator<=(const VecRef& a, const VecRef& b) { return !(b < a); }
  friend bool operator>=(const VecRef& a, const VecRef& b) { return !(a < b); }
#endif

  /// As erase_if(Vec&, pred).
  template <class Pred>
  friend std::size_t erase_if(const VecRef& c, Pred pred) {
    return algo::erase_if(c.core_, pred);
  }
  /// As erase(Vec&, value).
  template <class U = element_type>
  friend std::size_t erase(const VecRef& c, const U& value) {
    auto pred = [&value](const element_type& e) { return e == value; };
    return algo::erase_if(c.core_, pred);
  }

 private:
  template <class U>
  friend class VecRef;
  using core_type = detail::vec_ref_core<T>;
  using length_pointer = typename core_type::length_pointer;

  template <class V>
  static length_pointer length_of(V& v) noexcept {
    if constexpr (V::capacity() == 0) {
      (void)v;
      return nullptr;
    } else {
      return &v.size_;
    }
  }
  template <std::size_t N>
  static constexpr detail::vec_length_kind kind_of() noexcept {
    if constexpr (N == 0) return detail::vec_length_kind::none;
    else return detail::vec_length_kind_of<detail::vec_length_t<element_type, N>>;
  }

  core_type core_;
};

// ---- [inplace.vector.erasure] ---------------------------------------------
/// Removes every element for which pred is true; returns how many. O(size()).
template <class T, std::size_t N, class Pred>
HEAPLESS_CONSTEXPR20 std::size_t erase_if(Vec<T, N>& c, Pred pred) {
  return detail::vec_algo<T>::erase_if(c.core_(), pred);
}

/// Removes every element equal to value; returns how many. O(size()).
template <class T, std::size_t N, class U = T>
HEAPLESS_CONSTEXPR20 std::size_t erase(Vec<T, N>& c, const U& value) {
  return erase_if(c, [&value](const T& e) { return e == value; });
}

// ---- Hashing ------------------------------------------------------------------
namespace detail {
/// std::hash<T> is enabled (a disabled specialisation is not default constructible).
template <class T, class = void>
inline constexpr bool vec_hashable_v = false;
template <class T>
inline constexpr bool vec_hashable_v<
    T, std::void_t<decltype(static_cast<std::size_t>(std::declval<const std::hash<T>&>()(std::declval<const T&>())))>> =
    std::is_default_constructible_v<std::hash<T>>;

/// Folds one element hash into the running value: a rotation keeps the order
/// significant ({1, 2} and {2, 1} differ), the odd multiplier spreads the bits.
constexpr std::size_t vec_hash_mix(std::size_t h, std::size_t e) noexcept {
  constexpr unsigned bits = sizeof(std::size_t) * 8;
  constexpr std::size_t odd =
      static_cast<std::size_t>(sizeof(std::size_t) >= 8 ? 0x9E3779B97F4A7C15ULL : 0x9E3779B9ULL);
  return ((h << 5) | (h >> (bits - 5))) ^ (e * odd);
}

template <class T, std::size_t N, bool = vec_hashable_v<T>>
struct vec_hash {
  /// Deterministic: the same elements in the same order give the same value
  /// in every program (as far as std::hash<T> is); the size is mixed in.
  std::size_t operator()(const Vec<T, N>& v) const noexcept(noexcept(std::hash<T>{}(std::declval<const T&>()))) {
    const std::hash<T> element{};
    std::size_t h = v.size();
    for (const T& x : v) h = vec_hash_mix(h, static_cast<std::size_t>(element(x)));
    return h;
  }
};
/// T is not hashable: disabled, as the standard's disabled specialisations.
template <class T, std::size_t N>
struct vec_hash<T, N, false> {
  vec_hash() = delete;
  vec_hash(const vec_hash&) = delete;
  vec_hash& operator=(const vec_hash&) = delete;
};
}  // namespace detail

HEAPLESS_NAMESPACE_END

#undef HEAPLESS_DETAIL_VEC_CONSTEVAL

/// std::hash<Vec<T, N>> exists when std::hash<T> does (element hashes combined
/// in order; equal Vecs hash equal).
namespace std {
template <class T, std::size_t N>
struct hash<heapless::Vec<T, N>> : heapless::detail::vec_hash<T, N> {};
}  // namespace std

#endif  // HEAPLESS_VEC_HPP
