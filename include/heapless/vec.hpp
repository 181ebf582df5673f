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
// of any N, for non-template functions that fill Vecs.
//
// Thread/ISR: no internal synchronisation; a Vec is a plain value.
#ifndef HEAPLESS_VEC_HPP
#define HEAPLESS_VEC_HPP

#include <cstddef>           // std::size_t, std::ptrdiff_t
#include <cstdint>           // std::uint8_t...std::uint64_t: VecRef's view of the length
#include <cstring>           // std::memcpy, std::memmove: trivially copyable fast paths
#include <initializer_list>  // std::initializer_list constructors and overloads
#include <type_traits>       // triviality traits select storage and special members
#include <utility>           // std::forward, std::move, std::swap

#include "detail/config.hpp"    // HEAPLESS_CONSTEXPR20, HEAPLESS_HAS_THREE_WAY, hints
#include "detail/error.hpp"     // detail::raise, HEAPLESS_ASSERT
#include "detail/iterator.hpp"  // std::reverse_iterator, iterator tags, std::distance
#include "detail/size.hpp"      // detail::smallest_size_t
#include "detail/storage.hpp"   // detail::uninit_array

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

namespace heapless {
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

// ---- Storage: elements, then the length -----------------------------------
/// Largest N whose storage is value-initialised in constant evaluation (C++20).
inline constexpr std::size_t vec_constexpr_fill_max = 16384;

// Primitives only (pointer, length, construct/destroy one element, truncate);
// vec_core adds the algorithms once for every storage kind.
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

template <class T, std::size_t N>
struct vec_storage {
  using length_type = vec_length_t<T, N>;

  uninit_array<T, N> storage_;
  length_type size_;

  constexpr vec_storage() noexcept : storage_(), size_(0) {}

  constexpr T* ptr() noexcept { return storage_.data(); }
  constexpr const T* ptr() const noexcept { return storage_.data(); }
  constexpr std::size_t len() const noexcept { return size_; }
  constexpr void set_len(std::size_t n) noexcept { size_ = static_cast<length_type>(n); }
  template <class... Args>
  constexpr T& construct(std::size_t i, Args&&... args) noexcept(std::is_nothrow_constructible_v<T, Args...>) {
    return storage_.construct(i, std::forward<Args>(args)...);
  }
  /// Destroys the elements [n, len()) (last first) and sets the length to n.
  constexpr void truncate(std::size_t n) noexcept {
    if constexpr (!std::is_trivially_destructible_v<T>) {
      for (std::size_t i = len(); i > n; --i) storage_.destroy(i - 1);
    }
    set_len(n);
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
  constexpr T* ptr() noexcept { return nullptr; }
  constexpr const T* ptr() const noexcept { return nullptr; }
  static constexpr std::size_t len() noexcept { return 0; }
  constexpr void set_len(std::size_t) noexcept {}
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

// ---- Algorithms shared by the special members and Vec ---------------------
template <class T, std::size_t N>
struct vec_core : vec_storage_t<T, N> {
  constexpr vec_core() noexcept {}

  /// Called first by Vec's non-default constructors. A constant must be fully
  /// initialised, so a partly filled Vec could not be the result of a
  /// constant expression (nor be copied inside one). Only during constant
  /// evaluation (C++20, constexpr-friendly T), value-initialise every slot; at
  /// run time it writes nothing. The default constructor does not do this:
  /// GCC 12 then gives up constant initialisation of non-constinit statics.
  /// Bounded so large Vecs stay within compilers' constexpr step limits.
  constexpr void prepare_constant() noexcept {
#if HEAPLESS_CPP20
    if constexpr (N != 0 && N <= vec_constexpr_fill_max && is_constexpr_friendly_v<T>) {
      if (HEAPLESS_IS_CONSTANT_EVALUATED()) {
        for (std::size_t i = 0; i != N; ++i) this->construct(i);
      }
    }
#endif
  }

  /// Constructs n elements at the end from *src, ++src (n <= room). If a
  /// constructor throws, the elements added so far are destroyed.
  template <class It>
  HEAPLESS_CONSTEXPR20 void append_n(It src, std::size_t n) {
    std::size_t len = this->len();
    // N == 0: ptr() is a constant nullptr; keep memcpy(nullptr, ...) out of the code.
    if constexpr (vec_memcpy_source_v<T, It> && N != 0) {
      if (!HEAPLESS_DETAIL_VEC_CONSTEVAL()) {
        if (n != 0) std::memcpy(static_cast<void*>(this->ptr() + len), src, n * sizeof(T));
        this->set_len(len + n);
        return;
      }
    }
    if constexpr (std::is_nothrow_constructible_v<T, decltype(*src)>) {
      for (std::size_t i = 0; i != n; ++i, ++src) this->construct(len + i, *src);
      this->set_len(len + n);
    } else {
      vec_rollback<vec_core> rollback{this, len};
      for (std::size_t i = 0; i != n; ++i, ++src) {
        this->construct(len, *src);
        this->set_len(++len);
      }
      rollback.core = nullptr;
    }
  }

  /// Constructs n elements at the end, each from args... (none: value-initialised).
  template <class... Args>
  HEAPLESS_CONSTEXPR20 void append_fill(std::size_t n, const Args&... args) {
    std::size_t len = this->len();
    if constexpr (std::is_nothrow_constructible_v<T, const Args&...>) {
      for (std::size_t i = 0; i != n; ++i) this->construct(len + i, args...);
      this->set_len(len + n);
    } else {
      vec_rollback<vec_core> rollback{this, len};
      for (std::size_t i = 0; i != n; ++i) {
        this->construct(len, args...);
        this->set_len(++len);
      }
      rollback.core = nullptr;
    }
  }

  /// Replaces the contents with n elements from *src, ++src (n <= N).
  template <class It>
  HEAPLESS_CONSTEXPR20 void assign_n(It src, std::size_t n) {
    const std::size_t len = this->len();
    // N == 0: ptr() is a constant nullptr; keep memcpy(nullptr, ...) out of the code.
    if constexpr (vec_memcpy_source_v<T, It> && N != 0) {
      if (!HEAPLESS_DETAIL_VEC_CONSTEVAL()) {
        if (n != 0) std::memcpy(static_cast<void*>(this->ptr()), src, n * sizeof(T));
        this->set_len(n);
        return;
      }
    }
    const std::size_t common = n < len ? n : len;
    T* p = this->ptr();
    for (std::size_t i = 0; i != common; ++i, ++src) p[i] = *src;
    if (n > len) this->append_n(src, n - len);
    else this->truncate(n);
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
    this->append_n(o.ptr(), o.len());
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
    this->append_n(std::make_move_iterator(o.ptr()), o.len());
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
    if (this != &o) this->assign_n(o.ptr(), o.len());
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
    if (this != &o) this->assign_n(std::make_move_iterator(o.ptr()), o.len());
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

#if HEAPLESS_HAS_THREE_WAY
/// The standard's synth-three-way: <=> when T has it, else built from <.
struct vec_synth_three_way {
  template <class T>
  constexpr auto operator()(const T& a, const T& b) const {
    if constexpr (requires { a <=> b; }) {
      return a <=> b;
    } else {
      return a < b ? std::weak_ordering::less : b < a ? std::weak_ordering::greater : std::weak_ordering::equivalent;
    }
  }
};
template <class T>
concept vec_synth_comparable = requires(const T& a) { static_cast<bool>(a < a); } ||
                               requires(const T& a) { a <=> a; };
#endif

}  // namespace detail

template <class T>
class VecRef;

/// A contiguous sequence of at most N elements of T stored in the object.
template <class T, std::size_t N>
class Vec : private detail::vec_move_assign<T, N> {
  static_assert(std::is_object_v<T> && !std::is_const_v<T> && !std::is_volatile_v<T>,
                "heapless::Vec<T, N>: T must be a non-cv object type");
  static_assert(std::is_destructible_v<T>, "heapless::Vec<T, N>: T must be destructible");

 public:
  using value_type = T;
  using size_type = std::size_t;
  using difference_type = std::ptrdiff_t;
  using reference = T&;
  using const_reference = const T&;
  using pointer = T*;
  using const_pointer = const T*;
  using iterator = T*;
  using const_iterator = const T*;
  using reverse_iterator = std::reverse_iterator<iterator>;
  using const_reverse_iterator = std::reverse_iterator<const_iterator>;

  // ---- [inplace.vector.cons] ---------------------------------------------
  /// Empty. constexpr, O(1), writes no element storage.
  constexpr Vec() noexcept {}
  /// n value-initialised elements. Raises bad_alloc if n > N.
  HEAPLESS_CONSTEXPR20 explicit Vec(size_type n) {
    this->prepare_constant();
    resize(n);
  }
  /// n copies of value. Raises bad_alloc if n > N.
  HEAPLESS_CONSTEXPR20 Vec(size_type n, const T& value) {
    this->prepare_constant();
    assign(n, value);
  }
  /// Copies of [first, last). Raises bad_alloc if there are more than N.
  template <class InputIt, class = std::enable_if_t<detail::vec_is_input_iterator_v<InputIt>>>
  HEAPLESS_CONSTEXPR20 Vec(InputIt first, InputIt last) {
    this->prepare_constant();
    append(first, last);
  }
  /// Copies of il. Raises bad_alloc if il.size() > N.
  HEAPLESS_CONSTEXPR20 Vec(std::initializer_list<T> il) {
    this->prepare_constant();
    append(il.begin(), il.end());
  }

  /// Copy/move: element-wise, O(size()); trivial (a copy of the whole
  /// object) when T's are. A moved-from Vec keeps its size and holds
  /// moved-from elements (as std::inplace_vector). Deleted when T's are.
  Vec(const Vec&) = default;
  Vec(Vec&&) = default;
  Vec& operator=(const Vec&) = default;
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
    check_room(n, 0);
    const size_type len = size();
    const size_type common = n < len ? n : len;
    for (size_type i = 0; i != common; ++i) data()[i] = value;
    if (n > len) this->append_fill(n - len, value);
    else this->truncate(n);
  }
  /// Replaces the contents with [first, last) (not iterators into *this).
  /// Forward iterators: raises bad_alloc, changing nothing, if the range has
  /// more than N elements. Single-pass input iterators: the elements are read
  /// into *this; on overflow it is left empty and bad_alloc is raised.
  template <class InputIt, class = std::enable_if_t<detail::vec_is_input_iterator_v<InputIt>>>
  HEAPLESS_CONSTEXPR20 void assign(InputIt first, InputIt last) {
    if constexpr (detail::vec_is_forward_iterator_v<InputIt>) {
      const size_type n = static_cast<size_type>(std::distance(first, last));
      check_room(n, 0);
      this->assign_n(first, n);
    } else {
      clear();
      append(first, last);
    }
  }
  HEAPLESS_CONSTEXPR20 void assign(std::initializer_list<T> il) { assign(il.begin(), il.end()); }

  // ---- Iterators -----------------------------------------------------------
  constexpr iterator begin() noexcept { return data(); }
  constexpr const_iterator begin() const noexcept { return data(); }
  constexpr iterator end() noexcept { return data() + size(); }
  constexpr const_iterator end() const noexcept { return data() + size(); }
  constexpr reverse_iterator rbegin() noexcept { return reverse_iterator(end()); }
  constexpr const_reverse_iterator rbegin() const noexcept { return const_reverse_iterator(end()); }
  constexpr reverse_iterator rend() noexcept { return reverse_iterator(begin()); }
  constexpr const_reverse_iterator rend() const noexcept { return const_reverse_iterator(begin()); }
  constexpr const_iterator cbegin() const noexcept { return begin(); }
  constexpr const_iterator cend() const noexcept { return end(); }
  constexpr const_reverse_iterator crbegin() const noexcept { return rbegin(); }
  constexpr const_reverse_iterator crend() const noexcept { return rend(); }

  // ---- [inplace.vector.capacity] -------------------------------------------
  [[nodiscard]] constexpr bool empty() const noexcept { return size() == 0; }
  /// True when size() == N: the next push_back would raise.
  [[nodiscard]] constexpr bool full() const noexcept { return size() == N; }
  constexpr size_type size() const noexcept { return this->len(); }
  static constexpr size_type max_size() noexcept { return N; }
  static constexpr size_type capacity() noexcept { return N; }
  /// Shrinks to n (destroying the tail) or grows with value-initialised
  /// elements. Raises bad_alloc, changing nothing, if n > N; if an element
  /// constructor throws, nothing changes either.
  HEAPLESS_CONSTEXPR20 void resize(size_type n) {
    check_room(n, 0);
    // add <= N always holds here (n <= N, n > size()); stating it keeps g++ 12
    // from inventing an unbounded memset (-Wstringop-overflow) after inlining.
    const size_type len = size();
    if (n <= len) this->truncate(n);
    else if (const size_type add = n - len; add <= N) this->append_fill(add);
  }
  /// As resize(n), growing with copies of value.
  HEAPLESS_CONSTEXPR20 void resize(size_type n, const T& value) {
    check_room(n, 0);
    const size_type len = size();
    if (n <= len) this->truncate(n);
    else if (const size_type add = n - len; add <= N) this->append_fill(add, value);
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
  constexpr const_reference operator[](size_type i) const noexcept {
    HEAPLESS_ASSERT(i < size(), "heapless::Vec::operator[]: index out of range");
    return data()[i];
  }
  /// Raises out_of_range if i >= size().
  constexpr reference at(size_type i) {
    if (HEAPLESS_UNLIKELY(i >= size())) out_of_range();
    return data()[i];
  }
  constexpr const_reference at(size_type i) const {
    if (HEAPLESS_UNLIKELY(i >= size())) out_of_range();
    return data()[i];
  }
  /// Precondition (asserted): !empty().
  constexpr reference front() noexcept {
    HEAPLESS_ASSERT(!empty(), "heapless::Vec::front: empty");
    return data()[0];
  }
  constexpr const_reference front() const noexcept {
    HEAPLESS_ASSERT(!empty(), "heapless::Vec::front: empty");
    return data()[0];
  }
  /// Precondition (asserted): !empty().
  constexpr reference back() noexcept {
    HEAPLESS_ASSERT(!empty(), "heapless::Vec::back: empty");
    return data()[size() - 1];
  }
  constexpr const_reference back() const noexcept {
    HEAPLESS_ASSERT(!empty(), "heapless::Vec::back: empty");
    return data()[size() - 1];
  }
  /// Pointer to the first element (nullptr when N == 0).
  constexpr T* data() noexcept { return this->ptr(); }
  constexpr const T* data() const noexcept { return this->ptr(); }

  // ---- [inplace.vector.modifiers]: at the end -------------------------------
  /// Constructs an element at the end. Raises bad_alloc if full. Strong
  /// guarantee: if T's constructor throws, nothing changes. O(1).
  template <class... Args>
  HEAPLESS_CONSTEXPR20 reference emplace_back(Args&&... args) {
    if (HEAPLESS_UNLIKELY(full())) capacity_exceeded();
    return unchecked_emplace_back(std::forward<Args>(args)...);
  }
  HEAPLESS_CONSTEXPR20 reference push_back(const T& value) { return emplace_back(value); }
  HEAPLESS_CONSTEXPR20 reference push_back(T&& value) { return emplace_back(std::move(value)); }

  /// As emplace_back, but returns nullptr when full (arguments untouched).
  template <class... Args>
  [[nodiscard]] HEAPLESS_CONSTEXPR20 pointer try_emplace_back(Args&&... args) {
    if (HEAPLESS_UNLIKELY(full())) return nullptr;
    return &unchecked_emplace_back(std::forward<Args>(args)...);
  }
  [[nodiscard]] HEAPLESS_CONSTEXPR20 pointer try_push_back(const T& value) { return try_emplace_back(value); }
  /// Returns nullptr when full; value is then not moved from.
  [[nodiscard]] HEAPLESS_CONSTEXPR20 pointer try_push_back(T&& value) {
    return try_emplace_back(std::move(value));
  }

  /// Precondition (asserted): !full().
  template <class... Args>
  HEAPLESS_CONSTEXPR20 reference unchecked_emplace_back(Args&&... args) {
    HEAPLESS_ASSERT(!full(), "heapless::Vec::unchecked_emplace_back: full");
    const size_type len = size();  // read before the store: T may alias the length
    T& element = this->construct(len, std::forward<Args>(args)...);
    this->set_len(len + 1);
    return element;
  }
  HEAPLESS_CONSTEXPR20 reference unchecked_push_back(const T& value) { return unchecked_emplace_back(value); }
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
    if constexpr (detail::vec_is_forward_iterator_v<InputIt>) {
      const size_type n = static_cast<size_type>(std::distance(first, last));
      check_room(n, size());
      this->append_n(first, n);
    } else {
      const size_type old_len = size();
      detail::vec_rollback<base_> rollback{this, old_len};
      for (; first != last; ++first) {
        if (HEAPLESS_UNLIKELY(full())) {
          this->truncate(old_len);
          capacity_exceeded();
        }
        unchecked_emplace_back(*first);
      }
      rollback.core = nullptr;
    }
  }
  HEAPLESS_CONSTEXPR20 void append(std::initializer_list<T> il) { append(il.begin(), il.end()); }

  /// Appends copies of [first, last) until full; returns the iterator to the
  /// first element not inserted (last if all fit). Never raises for capacity.
  /// If T's constructor throws, the elements appended before stay.
  template <class InputIt, class = std::enable_if_t<detail::vec_is_input_iterator_v<InputIt>>>
  [[nodiscard]] HEAPLESS_CONSTEXPR20 InputIt try_append(InputIt first, InputIt last) {
    if constexpr (std::is_pointer_v<InputIt> && detail::vec_memcpy_source_v<T, InputIt>) {
      const size_type room = N - size();
      const size_type avail = static_cast<size_type>(last - first);
      const size_type n = avail < room ? avail : room;
      this->append_n(first, n);
      return first + n;
    } else {
      for (; first != last && !full(); ++first) unchecked_emplace_back(*first);
      return first;
    }
  }

  // ---- [inplace.vector.modifiers]: anywhere ---------------------------------
  /// Constructs an element before pos. Raises bad_alloc, changing nothing, if
  /// full. O(end - pos). If a move of T throws while shifting, the elements
  /// before pos are unchanged (std::inplace_vector's guarantee).
  template <class... Args>
  HEAPLESS_CONSTEXPR20 iterator emplace(const_iterator pos, Args&&... args) {
    const size_type i = index_of(pos);
    if (HEAPLESS_UNLIKELY(full())) capacity_exceeded();
    const size_type len = size();
    if (i == len) return &unchecked_emplace_back(std::forward<Args>(args)...);
    T* p = data();
    T tmp(std::forward<Args>(args)...);  // first: args may refer to an element
    // N > 1: with N == 1 a valid pos short of end() needs len >= 1, i.e. a full
    // Vec, which raised above; g++ 12 does not see that and reports the shift
    // as past the one-element storage (-Warray-bounds).
    if constexpr (detail::vec_memmove_v<T> && N > 1) {
      if (!HEAPLESS_DETAIL_VEC_CONSTEVAL()) {
        std::memmove(static_cast<void*>(p + i + 1), static_cast<const void*>(p + i), (len - i) * sizeof(T));
        this->construct(i, std::move(tmp));
        this->set_len(len + 1);
        return p + i;
      }
    }
    this->construct(len, std::move(p[len - 1]));
    this->set_len(len + 1);
    for (size_type j = len - 1; j != i; --j) p[j] = std::move(p[j - 1]);
    p[i] = std::move(tmp);
    return p + i;
  }
  /// Inserts value before pos; see emplace.
  HEAPLESS_CONSTEXPR20 iterator insert(const_iterator pos, const T& value) { return emplace(pos, value); }
  HEAPLESS_CONSTEXPR20 iterator insert(const_iterator pos, T&& value) { return emplace(pos, std::move(value)); }
  /// Inserts n copies of value before pos. Raises bad_alloc, changing
  /// nothing, if they do not fit. O(n + end - pos).
  HEAPLESS_CONSTEXPR20 iterator insert(const_iterator pos, size_type n, const T& value) {
    const size_type i = index_of(pos);
    check_room(n, size());
    if constexpr (detail::vec_memmove_v<T>) {
      if (!HEAPLESS_DETAIL_VEC_CONSTEVAL() && n != 0) {
        const T copy(value);  // value may be an element that the shift moves
        open_gap(i, n);
        for (size_type k = 0; k != n; ++k) this->construct(i + k, copy);
        return data() + i;
      }
    }
    const size_type old_len = size();
    this->append_fill(n, value);
    detail::vec_rotate(data() + i, data() + old_len, data() + size());
    return data() + i;
  }
  /// Inserts copies of [first, last) (not iterators into *this) before pos.
  /// If they do not fit, raises bad_alloc and *this is unchanged (input
  /// iterators: the input is consumed). O(elements + end - pos).
  template <class InputIt, class = std::enable_if_t<detail::vec_is_input_iterator_v<InputIt>>>
  HEAPLESS_CONSTEXPR20 iterator insert(const_iterator pos, InputIt first, InputIt last) {
    const size_type i = index_of(pos);
    const size_type old_len = size();
    if constexpr (detail::vec_is_forward_iterator_v<InputIt>) {
      const size_type n = static_cast<size_type>(std::distance(first, last));
      check_room(n, old_len);
      if constexpr (detail::vec_memmove_v<T> &&
                    std::is_nothrow_constructible_v<T, typename std::iterator_traits<InputIt>::reference>) {
        if (!HEAPLESS_DETAIL_VEC_CONSTEVAL()) {
          if (n == 0) return data() + i;
          open_gap(i, n);
          this->set_len(i);  // construct into the gap, then restore the length
          this->append_n(first, n);
          this->set_len(old_len + n);
          return data() + i;
        }
      }
      this->append_n(first, n);
    } else {
      append(first, last);
    }
    detail::vec_rotate(data() + i, data() + old_len, data() + size());
    return data() + i;
  }
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
    const size_type i = index_of(first);
    const size_type j = index_of(last);
    HEAPLESS_ASSERT(i <= j, "heapless::Vec::erase: first > last");
    if (i == j) return data() + i;
    T* p = data();
    const size_type len = size();
    if constexpr (detail::vec_memmove_v<T>) {
      if (!HEAPLESS_DETAIL_VEC_CONSTEVAL()) {
        std::memmove(static_cast<void*>(p + i), static_cast<const void*>(p + j), (len - j) * sizeof(T));
        this->set_len(len - (j - i));
        return p + i;
      }
    }
    for (size_type k = j; k != len; ++k) p[i + (k - j)] = std::move(p[k]);
    this->truncate(len - (j - i));
    return p + i;
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
    shorter.append_n(std::make_move_iterator(longer.data() + common), longer.size() - common);
    longer.truncate(common);
  }
  friend HEAPLESS_CONSTEXPR20 void swap(Vec& a, Vec& b) noexcept(noexcept(a.swap(b))) { a.swap(b); }

  // ---- Comparisons ----------------------------------------------------------
  friend constexpr bool operator==(const Vec& a, const Vec& b) {
    if (a.size() != b.size()) return false;
    for (size_type k = 0; k != a.size(); ++k) {
      if (!(a.data()[k] == b.data()[k])) return false;
    }
    return true;
  }
#if HEAPLESS_HAS_THREE_WAY
  /// Lexicographic, with <=> of T or, failing that, <.
  friend constexpr auto operator<=>(const Vec& a, const Vec& b)
    requires detail::vec_synth_comparable<T>
  {
    const detail::vec_synth_three_way cmp{};
    const size_type n = a.size() < b.size() ? a.size() : b.size();
    for (size_type k = 0; k != n; ++k) {
      // std::is_neq, not `c != 0`: the literal 0 is a null pointer constant
      // to -Wzero-as-null-pointer-constant.
      if (auto c = cmp(a.data()[k], b.data()[k]); std::is_neq(c)) return c;
    }
    return static_cast<decltype(cmp(a.data()[0], b.data()[0]))>(a.size() <=> b.size());
  }
#else
  friend constexpr bool operator!=(const Vec& a, const Vec& b) { return !(a == b); }
  /// Lexicographic, with T's <.
  friend constexpr bool operator<(const Vec& a, const Vec& b) {
    const size_type n = a.size() < b.size() ? a.size() : b.size();
    for (size_type k = 0; k != n; ++k) {
      if (a.data()[k] < b.data()[k]) return true;
      if (b.data()[k] < a.data()[k]) return false;
    }
    return a.size() < b.size();
  }
  friend constexpr bool operator>(const Vec& a, const Vec& b) { return b < a; }
  friend constexpr bool operator<=(const Vec& a, const Vec& b) { return !(b < a); }
  friend constexpr bool operator>=(const Vec& a, const Vec& b) { return !(a < b); }
#endif

 private:
  using base_ = detail::vec_move_assign<T, N>;
  template <class U>
  friend class VecRef;
  [[noreturn]] static void capacity_exceeded() {
    detail::raise(error_kind::bad_alloc, "heapless::Vec: capacity exceeded");
  }
  [[noreturn]] static void out_of_range() {
    detail::raise(error_kind::out_of_range, "heapless::Vec::at: index out of range");
  }
  /// Raises bad_alloc unless n more elements fit after `used`.
  static constexpr void check_room(size_type n, size_type used) {
    if (HEAPLESS_UNLIKELY(n > N - used)) capacity_exceeded();
  }
  constexpr size_type index_of(const_iterator pos) const noexcept {
    HEAPLESS_ASSERT(pos >= begin() && pos <= end(), "heapless::Vec: iterator not into this Vec");
    return static_cast<size_type>(pos - begin());
  }
  /// Trivially copyable T only: shifts [i, size()) up by n and grows the
  /// length; the gap [i, i + n) holds stale copies, overwritten by the caller.
  void open_gap(size_type i, size_type n) noexcept {
    T* p = data();
    const size_type len = size();
    std::memmove(static_cast<void*>(p + i + n), static_cast<const void*>(p + i), (len - i) * sizeof(T));
    this->set_len(len + n);
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
}  // namespace detail

/// A non-owning handle to a Vec<T, N> of any capacity N: one non-template
/// function can fill Vecs of different sizes (like std::span, but it can
/// grow the Vec). Built on demand (`VecRef<int> r = v;`), 32 bytes, no
/// per-Vec cost; valid while the Vec lives and is not moved. The operations
/// and errors are Vec's; each length access dispatches on the Vec's length
/// type (one switch), so prefer Vec itself in hot loops.
template <class T>
class VecRef {
 public:
  using value_type = T;
  using size_type = std::size_t;
  using difference_type = std::ptrdiff_t;
  using reference = T&;
  using const_reference = const T&;
  using pointer = T*;
  using iterator = T*;
  using const_iterator = const T*;

  /// Refers to v (implicit, so a Vec<T, N>& converts at a call).
  template <std::size_t N>
  VecRef(Vec<T, N>& v) noexcept  // NOLINT: implicit on purpose
      : data_(v.data()), length_(length_of(v)), capacity_(N), kind_(kind_of<N>()) {}

  T* data() const noexcept { return data_; }
  size_type size() const noexcept {
    switch (kind_) {
      case detail::vec_length_kind::u8: return *static_cast<const std::uint8_t*>(length_);
      case detail::vec_length_kind::u16: return *static_cast<const std::uint16_t*>(length_);
      case detail::vec_length_kind::u32: return *static_cast<const std::uint32_t*>(length_);
      case detail::vec_length_kind::u64: return static_cast<size_type>(*static_cast<const std::uint64_t*>(length_));
      case detail::vec_length_kind::c32: return *static_cast<const char32_t*>(length_);
      case detail::vec_length_kind::none: break;
    }
    return 0;
  }
  size_type capacity() const noexcept { return capacity_; }
  size_type max_size() const noexcept { return capacity_; }
  [[nodiscard]] bool empty() const noexcept { return size() == 0; }
  [[nodiscard]] bool full() const noexcept { return size() == capacity_; }
  iterator begin() const noexcept { return data_; }
  iterator end() const noexcept { return data_ + size(); }

  /// Precondition (asserted): i < size().
  reference operator[](size_type i) const noexcept {
    HEAPLESS_ASSERT(i < size(), "heapless::VecRef::operator[]: index out of range");
    return data_[i];
  }
  /// Raises out_of_range if i >= size().
  reference at(size_type i) const {
    if (HEAPLESS_UNLIKELY(i >= size())) detail::raise(error_kind::out_of_range, "heapless::VecRef::at: index out of range");
    return data_[i];
  }
  reference front() const noexcept { return (*this)[0]; }
  reference back() const noexcept { return (*this)[size() - 1]; }

  /// As Vec::emplace_back: raises bad_alloc if full; strong guarantee.
  template <class... Args>
  reference emplace_back(Args&&... args) const {
    if (HEAPLESS_UNLIKELY(full())) capacity_exceeded();
    return unchecked_emplace_back(std::forward<Args>(args)...);
  }
  reference push_back(const T& value) const { return emplace_back(value); }
  reference push_back(T&& value) const { return emplace_back(std::move(value)); }
  /// nullptr when full (arguments untouched).
  template <class... Args>
  [[nodiscard]] pointer try_emplace_back(Args&&... args) const {
    if (HEAPLESS_UNLIKELY(full())) return nullptr;
    return &unchecked_emplace_back(std::forward<Args>(args)...);
  }
  [[nodiscard]] pointer try_push_back(const T& value) const { return try_emplace_back(value); }
  [[nodiscard]] pointer try_push_back(T&& value) const { return try_emplace_back(std::move(value)); }
  /// Precondition (asserted): !full().
  template <class... Args>
  reference unchecked_emplace_back(Args&&... args) const {
    const size_type len = size();
    HEAPLESS_ASSERT(len < capacity_, "heapless::VecRef::unchecked_emplace_back: full");
    T& element = *detail::construct_at(data_ + len, std::forward<Args>(args)...);
    set_size(len + 1);
    return element;
  }
  reference unchecked_push_back(const T& value) const { return unchecked_emplace_back(value); }
  reference unchecked_push_back(T&& value) const { return unchecked_emplace_back(std::move(value)); }
  /// Precondition (asserted): !empty().
  void pop_back() const noexcept {
    HEAPLESS_ASSERT(!empty(), "heapless::VecRef::pop_back: empty");
    truncate(size() - 1);
  }
  void clear() const noexcept { truncate(0); }

  /// As Vec::append: all or nothing (raises bad_alloc if the elements do not
  /// fit; forward iterators are measured first, input ones rolled back).
  template <class InputIt, class = std::enable_if_t<detail::vec_is_input_iterator_v<InputIt>>>
  void append(InputIt first, InputIt last) const {
    const size_type old_len = size();
    if constexpr (detail::vec_is_forward_iterator_v<InputIt>) {
      if (HEAPLESS_UNLIKELY(static_cast<size_type>(std::distance(first, last)) > capacity_ - old_len)) {
        capacity_exceeded();
      }
    }
    rollback guard{this, old_len};
    for (; first != last; ++first) {
      if (HEAPLESS_UNLIKELY(full())) {
        truncate(old_len);
        capacity_exceeded();
      }
      unchecked_emplace_back(*first);
    }
    guard.ref = nullptr;
  }
  /// As Vec::try_append: appends until full; returns the first not inserted.
  template <class InputIt, class = std::enable_if_t<detail::vec_is_input_iterator_v<InputIt>>>
  [[nodiscard]] InputIt try_append(InputIt first, InputIt last) const {
    for (; first != last && !full(); ++first) unchecked_emplace_back(*first);
    return first;
  }

  /// Removes [first, last); returns the iterator after the removed ones.
  iterator erase(const_iterator first, const_iterator last) const {
    const size_type len = size();
    const size_type i = static_cast<size_type>(first - data_);
    const size_type j = static_cast<size_type>(last - data_);
    HEAPLESS_ASSERT(i <= j && j <= len, "heapless::VecRef::erase: bad range");
    // k < len, not k != len: with asserts off, g++ 11 -O2 turns the loop into a
    // memmove and, for a j > len it cannot rule out, reports its wrapped size
    // (-Wstringop-overflow). Both stop at len for every valid range.
    for (size_type k = j; k < len; ++k) data_[i + (k - j)] = std::move(data_[k]);
    truncate(len - (j - i));
    return data_ + i;
  }
  /// Removes the element at pos (precondition: dereferenceable).
  iterator erase(const_iterator pos) const { return erase(pos, pos + 1); }

 private:
  struct rollback {
    const VecRef* ref;
    size_type old_len;
    ~rollback() {
      if (ref) ref->truncate(old_len);
    }
  };
  template <std::size_t N>
  static void* length_of(Vec<T, N>& v) noexcept {
    if constexpr (N == 0) {
      (void)v;
      return nullptr;
    } else {
      return &v.size_;
    }
  }
  template <std::size_t N>
  static constexpr detail::vec_length_kind kind_of() noexcept {
    if constexpr (N == 0) return detail::vec_length_kind::none;
    else return detail::vec_length_kind_of<detail::vec_length_t<T, N>>;
  }
  void set_size(size_type n) const noexcept {
    switch (kind_) {
      case detail::vec_length_kind::u8: *static_cast<std::uint8_t*>(length_) = static_cast<std::uint8_t>(n); break;
      case detail::vec_length_kind::u16: *static_cast<std::uint16_t*>(length_) = static_cast<std::uint16_t>(n); break;
      case detail::vec_length_kind::u32: *static_cast<std::uint32_t*>(length_) = static_cast<std::uint32_t>(n); break;
      case detail::vec_length_kind::u64: *static_cast<std::uint64_t*>(length_) = n; break;
      case detail::vec_length_kind::c32: *static_cast<char32_t*>(length_) = static_cast<char32_t>(n); break;
      case detail::vec_length_kind::none: break;
    }
  }
  void truncate(size_type n) const noexcept {
    if constexpr (!std::is_trivially_destructible_v<T>) {
      for (size_type i = size(); i > n; --i) detail::destroy_at(data_ + (i - 1));
    }
    set_size(n);
  }
  [[noreturn]] static void capacity_exceeded() {
    detail::raise(error_kind::bad_alloc, "heapless::VecRef: capacity exceeded");
  }

  T* data_;
  void* length_;
  size_type capacity_;
  detail::vec_length_kind kind_;
};

// ---- [inplace.vector.erasure] ---------------------------------------------
/// Removes every element for which pred is true; returns how many. O(size()).
template <class T, std::size_t N, class Pred>
HEAPLESS_CONSTEXPR20 std::size_t erase_if(Vec<T, N>& c, Pred pred) {
  T* p = c.data();
  const std::size_t n = c.size();
  std::size_t kept = 0;
  for (std::size_t r = 0; r != n; ++r) {
    if (!pred(p[r])) {
      if (kept != r) p[kept] = std::move(p[r]);
      ++kept;
    }
  }
  c.erase(c.begin() + kept, c.end());
  return n - kept;
}

/// Removes every element equal to value; returns how many. O(size()).
template <class T, std::size_t N, class U = T>
HEAPLESS_CONSTEXPR20 std::size_t erase(Vec<T, N>& c, const U& value) {
  return erase_if(c, [&value](const T& e) { return e == value; });
}

}  // namespace heapless

#undef HEAPLESS_DETAIL_VEC_CONSTEVAL

#endif  // HEAPLESS_VEC_HPP
