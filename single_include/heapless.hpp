// heapless.hpp - heapless 0.1.0, single-header edition.
//
// Fixed-capacity C++17 containers that never touch the heap. This file is
// GENERATED from include/ by `cmake -P cmake/amalgamate.cmake`: do not edit it;
// edit the headers under include/ and regenerate (ctest fails when the two
// differ). Copy this one file into your project and `#include "heapless.hpp"`.
//
// Contents (in order):
//   heapless.hpp
//   heapless/vec.hpp
//   heapless/detail/config.hpp
//   heapless/detail/error.hpp
//   heapless/detail/iterator.hpp
//   heapless/detail/size.hpp
//   heapless/detail/storage.hpp
//   heapless/pool.hpp

// heapless.hpp - the umbrella header: every heapless container.
//
// heapless: fixed-capacity C++17 containers that never touch the heap.
// Each container also has its own header (include only what you use):
#ifndef HEAPLESS_HPP
#define HEAPLESS_HPP

// ---- begin heapless/vec.hpp ----
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
// alignof(T): sizeof(Vec<std::uint8_t, 15>) == 16, sizeof(Vec<int, 64>) == 260.
// Vec<T, 0> is an empty class. No heap, no pointer into the object itself:
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
// Thread/ISR: no internal synchronisation; a Vec is a plain value.
#ifndef HEAPLESS_VEC_HPP
#define HEAPLESS_VEC_HPP

#include <cstddef>           // std::size_t, std::ptrdiff_t
#include <cstring>           // std::memcpy, std::memmove: trivially copyable fast paths
#include <initializer_list>  // std::initializer_list constructors and overloads
#include <type_traits>       // triviality traits select storage and special members
#include <utility>           // std::forward, std::move, std::swap

// ---- begin heapless/detail/config.hpp ----
// heapless/detail/config.hpp - compiler/target detection and the library's macros.
//
// Every macro the library reads or defines starts with HEAPLESS_. The ones a
// user may set before including any heapless header (or with -D):
//
//   HEAPLESS_ERROR_HANDLER   0 (default) or 1. With 1, every error (capacity,
//                            range, format, failed HEAPLESS_ASSERT) calls
//                            `void heapless::error_handler(heapless::error_kind,
//                            const char* message)`, which the user defines once
//                            in one .cpp file. See heapless/detail/error.hpp.
//   HEAPLESS_ENABLE_ASSERTS  0 or 1; default: 1 unless NDEBUG is defined.
//   HEAPLESS_ASSERT(c, msg)  the one contract macro; define it to replace the
//                            library's check entirely (it must not be empty).
//   HEAPLESS_HAS_EXCEPTIONS  0 or 1; default: detected (-fno-exceptions -> 0).
//   HEAPLESS_CACHE_LINE      bytes between producer- and consumer-owned data in
//                            concurrent containers; 0 = no padding. Default 64
//                            on hosts (128 on AArch64/Apple), 0 on Cortex-M
//                            and 32-bit RISC-V (no data cache, RAM is precious).
#ifndef HEAPLESS_DETAIL_CONFIG_HPP
#define HEAPLESS_DETAIL_CONFIG_HPP

#define HEAPLESS_VERSION_MAJOR 0
#define HEAPLESS_VERSION_MINOR 1
#define HEAPLESS_VERSION_PATCH 0
#define HEAPLESS_VERSION (HEAPLESS_VERSION_MAJOR * 10000 + HEAPLESS_VERSION_MINOR * 100 + HEAPLESS_VERSION_PATCH)

#if __cplusplus < 201703L && !(defined(_MSVC_LANG) && _MSVC_LANG >= 201703L)
#error "heapless requires C++17 or later"
#endif

// ---- Language level ------------------------------------------------------
#if __cplusplus >= 202002L || (defined(_MSVC_LANG) && _MSVC_LANG >= 202002L)
#define HEAPLESS_CPP20 1
#else
#define HEAPLESS_CPP20 0
#endif

// constexpr only from C++20 (changing a union's active member, trivial
// default initialisation in constant evaluation).
#if HEAPLESS_CPP20
#define HEAPLESS_CONSTEXPR20 constexpr
#else
#define HEAPLESS_CONSTEXPR20 inline
#endif

#if defined(__cpp_impl_three_way_comparison) && __cpp_impl_three_way_comparison >= 201907L && \
    __has_include(<compare>) && HEAPLESS_CPP20
#define HEAPLESS_HAS_THREE_WAY 1
#else
#define HEAPLESS_HAS_THREE_WAY 0
#endif

// ---- Exceptions ----------------------------------------------------------
#ifndef HEAPLESS_HAS_EXCEPTIONS
#if defined(__cpp_exceptions) || defined(__EXCEPTIONS) || defined(_CPPUNWIND)
#define HEAPLESS_HAS_EXCEPTIONS 1
#else
#define HEAPLESS_HAS_EXCEPTIONS 0
#endif
#endif

#ifndef HEAPLESS_ERROR_HANDLER
#define HEAPLESS_ERROR_HANDLER 0
#endif

// ---- Assertions ----------------------------------------------------------
#ifndef HEAPLESS_ENABLE_ASSERTS
#ifdef NDEBUG
#define HEAPLESS_ENABLE_ASSERTS 0
#else
#define HEAPLESS_ENABLE_ASSERTS 1
#endif
#endif

// ---- Compiler hints ------------------------------------------------------
#if defined(__GNUC__) || defined(__clang__)
#define HEAPLESS_LIKELY(x) __builtin_expect(!!(x), 1)
#define HEAPLESS_UNLIKELY(x) __builtin_expect(!!(x), 0)
#define HEAPLESS_NOINLINE __attribute__((noinline))
#define HEAPLESS_COLD __attribute__((cold, noinline))
#define HEAPLESS_TRAP() __builtin_trap()
#else
#define HEAPLESS_LIKELY(x) (x)
#define HEAPLESS_UNLIKELY(x) (x)
#define HEAPLESS_NOINLINE __declspec(noinline)
#define HEAPLESS_COLD __declspec(noinline)
#define HEAPLESS_TRAP() __debugbreak()
#endif

#if defined(__has_builtin)
#if __has_builtin(__builtin_is_constant_evaluated)
#define HEAPLESS_IS_CONSTANT_EVALUATED() __builtin_is_constant_evaluated()
#endif
#endif
#ifndef HEAPLESS_IS_CONSTANT_EVALUATED
#if defined(__GNUC__) && __GNUC__ >= 9
#define HEAPLESS_IS_CONSTANT_EVALUATED() __builtin_is_constant_evaluated()
#else
#define HEAPLESS_IS_CONSTANT_EVALUATED() false
#endif
#endif

// ---- Sanitizers (used to poison free slots in pools) --------------------
#if defined(__SANITIZE_ADDRESS__)
#define HEAPLESS_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define HEAPLESS_ASAN 1
#endif
#endif
#ifndef HEAPLESS_ASAN
#define HEAPLESS_ASAN 0
#endif

// ---- Cache line used to separate producer/consumer state -----------------
#ifndef HEAPLESS_CACHE_LINE
#if defined(__ARM_ARCH_PROFILE) && (__ARM_ARCH_PROFILE == 'M')
#define HEAPLESS_CACHE_LINE 0
#elif defined(__riscv) && defined(__riscv_xlen) && (__riscv_xlen == 32)
#define HEAPLESS_CACHE_LINE 0
#elif defined(__AVR__) || defined(__MSP430__)
#define HEAPLESS_CACHE_LINE 0
#elif defined(__aarch64__) && defined(__APPLE__)
#define HEAPLESS_CACHE_LINE 128
#else
#define HEAPLESS_CACHE_LINE 64
#endif
#endif

#endif  // HEAPLESS_DETAIL_CONFIG_HPP
// ---- end heapless/detail/config.hpp ----
// ---- begin heapless/detail/error.hpp ----
// heapless/detail/error.hpp - the library's one error path and HEAPLESS_ASSERT.
//
// Three tiers (docs/design.md, "Error model"):
//   try_*        report failure through the return value; nothing here is used.
//   plain        a capacity or range violation calls detail::raise(kind, msg):
//                  - HEAPLESS_ERROR_HANDLER == 1: calls the user's
//                    heapless::error_handler(kind, msg); if that returns, traps.
//                  - else, exceptions on: throws what the std counterpart throws
//                    (std::bad_alloc, std::length_error, std::out_of_range,
//                    std::invalid_argument).
//                  - else: traps (__builtin_trap: one instruction, no stdio).
//   unchecked_*  preconditions checked by HEAPLESS_ASSERT when asserts are on;
//                a failed assertion never throws: it calls the user's handler
//                (kind == error_kind::precondition) or traps.
#ifndef HEAPLESS_DETAIL_ERROR_HPP
#define HEAPLESS_DETAIL_ERROR_HPP

// #include "config.hpp": inlined above

#if HEAPLESS_HAS_EXCEPTIONS
#include <new>  // std::bad_alloc
#if defined(__GLIBCXX__) && __has_include(<bits/functexcept.h>)
// libstdc++ throws its std exceptions through these out-of-line functions;
// <stdexcept> would pull in all of <string> (0.25 s per translation unit).
#include <bits/functexcept.h>
#define HEAPLESS_DETAIL_LIBSTDCXX_THROW 1
#else
#include <stdexcept>  // std::length_error, std::out_of_range, std::invalid_argument
#endif
#endif

namespace heapless {

/// What went wrong; passed to the user's error handler.
enum class error_kind : unsigned char {
  bad_alloc,         ///< growth past a fixed capacity where std throws std::bad_alloc (Vec, Pool)
  length_error,      ///< growth past a fixed capacity where std throws std::length_error (String, LinearMap)
  out_of_range,      ///< index or key out of range (at())
  invalid_argument,  ///< malformed input, e.g. a bad format string detected at run time
  precondition,      ///< a failed HEAPLESS_ASSERT (an unchecked_* precondition)
};

#if HEAPLESS_ERROR_HANDLER
/// Defined by the user, once, when HEAPLESS_ERROR_HANDLER is 1. It may log,
/// reset the MCU, longjmp, or (with exceptions on) throw. If it returns, the
/// library traps: execution never continues past a violated capacity.
void error_handler(error_kind kind, const char* message);
#endif

namespace detail {

[[noreturn]] HEAPLESS_COLD inline void raise(error_kind kind, const char* message) {
#if HEAPLESS_ERROR_HANDLER
  ::heapless::error_handler(kind, message);
  HEAPLESS_TRAP();
#elif HEAPLESS_HAS_EXCEPTIONS
#if defined(HEAPLESS_DETAIL_LIBSTDCXX_THROW)
  switch (kind) {
    case error_kind::bad_alloc: std::__throw_bad_alloc();
    case error_kind::length_error: std::__throw_length_error(message);
    case error_kind::out_of_range: std::__throw_out_of_range(message);
    case error_kind::invalid_argument: std::__throw_invalid_argument(message);
    case error_kind::precondition: break;
  }
#else
  switch (kind) {
    case error_kind::bad_alloc: throw std::bad_alloc();
    case error_kind::length_error: throw std::length_error(message);
    case error_kind::out_of_range: throw std::out_of_range(message);
    case error_kind::invalid_argument: throw std::invalid_argument(message);
    case error_kind::precondition: break;
  }
#endif
  HEAPLESS_TRAP();
#else
  (void)kind;
  (void)message;
  HEAPLESS_TRAP();
#endif
}

[[noreturn]] HEAPLESS_COLD inline void assert_failed(const char* message) {
#if HEAPLESS_ERROR_HANDLER
  ::heapless::error_handler(error_kind::precondition, message);
#else
  (void)message;
#endif
  HEAPLESS_TRAP();
}

}  // namespace detail
}  // namespace heapless

#define HEAPLESS_DETAIL_STR2(x) #x
#define HEAPLESS_DETAIL_STR(x) HEAPLESS_DETAIL_STR2(x)

// HEAPLESS_ASSERT(cond, msg): the one contract macro. Users may define it
// before including heapless. It is never turned into an optimisation hint
// (__builtin_unreachable / __assume): a disabled assertion evaluates nothing.
#ifndef HEAPLESS_ASSERT
#if HEAPLESS_ENABLE_ASSERTS
#define HEAPLESS_ASSERT(cond, msg)                                                       \
  (HEAPLESS_LIKELY(cond) ? static_cast<void>(0)                                          \
                         : ::heapless::detail::assert_failed(__FILE__ ":" HEAPLESS_DETAIL_STR( \
                               __LINE__) ": " msg))
#else
#define HEAPLESS_ASSERT(cond, msg) static_cast<void>(sizeof(!(cond)))
#endif
#endif

#endif  // HEAPLESS_DETAIL_ERROR_HPP
// ---- end heapless/detail/error.hpp ----
// ---- begin heapless/detail/iterator.hpp ----
// heapless/detail/iterator.hpp - std::reverse_iterator and the iterator tags
// without the cost of <iterator>.
//
// libstdc++'s <iterator> also pulls in the stream iterators (<iosfwd>,
// <streambuf>...): 0.36 s of parsing per translation unit on the reference
// machine. The parts a container needs live in two internal headers that every
// libstdc++ since GCC 4 ships; elsewhere (libc++, MSVC STL) <iterator> is used.
#ifndef HEAPLESS_DETAIL_ITERATOR_HPP
#define HEAPLESS_DETAIL_ITERATOR_HPP

#include <cstddef>  // std::ptrdiff_t (and, on libstdc++, the __GLIBCXX__ macro)

#if defined(__GLIBCXX__) && __has_include(<bits/stl_iterator.h>) && \
    __has_include(<bits/stl_iterator_base_funcs.h>)
#include <bits/stl_iterator_base_types.h>  // iterator tags, std::iterator_traits
#include <bits/stl_iterator_base_funcs.h>  // std::distance, std::advance
#include <bits/stl_iterator.h>             // std::reverse_iterator, std::make_move_iterator
#else
#include <iterator>
#endif

#endif  // HEAPLESS_DETAIL_ITERATOR_HPP
// ---- end heapless/detail/iterator.hpp ----
// ---- begin heapless/detail/size.hpp ----
// heapless/detail/size.hpp - the smallest unsigned type that holds N.
#ifndef HEAPLESS_DETAIL_SIZE_HPP
#define HEAPLESS_DETAIL_SIZE_HPP

#include <cstddef>      // std::size_t
#include <cstdint>      // std::uint8_t ... std::uint64_t
#include <type_traits>  // std::conditional_t

namespace heapless {
namespace detail {

/// Smallest unsigned integer type able to represent every value in [0, N].
/// Used for stored lengths and indices; public size_type stays std::size_t.
template <std::size_t N>
using smallest_size_t = std::conditional_t<
    (N <= 0xFFu), std::uint8_t,
    std::conditional_t<(N <= 0xFFFFu), std::uint16_t,
                       std::conditional_t<(N <= 0xFFFFFFFFu), std::uint32_t, std::uint64_t>>>;

}  // namespace detail
}  // namespace heapless

#endif  // HEAPLESS_DETAIL_SIZE_HPP
// ---- end heapless/detail/size.hpp ----
// ---- begin heapless/detail/storage.hpp ----
// heapless/detail/storage.hpp - uninitialised, in-object storage for N objects.
//
// One layout for every element type: an anonymous union whose first member is
// an empty struct. The constructor activates the empty member, so
//   * default construction is constexpr and writes nothing (a local container
//     does not zero its storage; a static one is constant-initialised);
//   * under C++20 the array member can be activated element by element in
//     constant evaluation (trivial T), so containers of trivial types are usable
//     in constant expressions;
//   * copying the storage is trivial exactly when T is trivially copyable, and
//     destroying it is trivial exactly when T is trivially destructible.
// Element lifetimes are managed by the owning container; this type never
// constructs or destroys elements by itself.
#ifndef HEAPLESS_DETAIL_STORAGE_HPP
#define HEAPLESS_DETAIL_STORAGE_HPP

#include <cstddef>      // std::size_t
#include <new>          // placement new
#include <type_traits>  // traits for the storage choice
#include <utility>      // std::forward

// #include "config.hpp": inlined above

namespace heapless {
namespace detail {

struct empty_member {};

/// True when elements may be created by assignment in constant evaluation.
template <class T>
inline constexpr bool is_constexpr_friendly_v =
    std::is_trivially_default_constructible_v<T> && std::is_trivially_copy_assignable_v<T> &&
    std::is_trivially_destructible_v<T>;

/// Begins the lifetime of *p (placement new; never constant-evaluated).
template <class T, class... Args>
inline T* construct_at(T* p, Args&&... args) noexcept(std::is_nothrow_constructible_v<T, Args...>) {
  return ::new (static_cast<void*>(p)) T(std::forward<Args>(args)...);
}

template <class T>
constexpr void destroy_at(T* p) noexcept {
  if constexpr (!std::is_trivially_destructible_v<T>) p->~T();
  else (void)p;
}

// The members shared by both specialisations. construct(i, ...) begins the
// lifetime of element i: in constant evaluation (constexpr-friendly T only)
// by assigning through the union member, which is what C++20 requires to
// change a union's active member; at run time by placement new.
#define HEAPLESS_DETAIL_UNINIT_ARRAY_MEMBERS                                                   \
  union {                                                                                      \
    empty_member empty_;                                                                       \
    T data_[N];                                                                                \
  };                                                                                           \
  constexpr uninit_array() noexcept : empty_{} {}                                              \
  constexpr T* data() noexcept { return data_; }                                               \
  constexpr const T* data() const noexcept { return data_; }                                   \
  template <class... Args>                                                                     \
  constexpr T& construct(std::size_t i, Args&&... args) noexcept(                              \
      std::is_nothrow_constructible_v<T, Args...>) {                                           \
    if constexpr (is_constexpr_friendly_v<T> && std::is_constructible_v<T, Args...>) {         \
      if (HEAPLESS_IS_CONSTANT_EVALUATED()) {                                                  \
        data_[i] = T(std::forward<Args>(args)...);                                             \
        return data_[i];                                                                       \
      }                                                                                        \
    }                                                                                          \
    return *::new (static_cast<void*>(data_ + i)) T(std::forward<Args>(args)...);             \
  }                                                                                            \
  constexpr void destroy(std::size_t i) noexcept { ::heapless::detail::destroy_at(data_ + i); }

template <class T, std::size_t N, bool = std::is_trivially_destructible_v<T>>
struct uninit_array {
  HEAPLESS_DETAIL_UNINIT_ARRAY_MEMBERS
};

// Non-trivially destructible T: the union needs a user-provided destructor;
// the owner destroys live elements before this runs.
template <class T, std::size_t N>
struct uninit_array<T, N, false> {
  HEAPLESS_DETAIL_UNINIT_ARRAY_MEMBERS
  uninit_array(const uninit_array&) = delete;
  uninit_array& operator=(const uninit_array&) = delete;
  ~uninit_array() {}
};

#undef HEAPLESS_DETAIL_UNINIT_ARRAY_MEMBERS

template <class T, bool B>
struct uninit_array<T, 0, B> {
  constexpr T* data() noexcept { return nullptr; }
  constexpr const T* data() const noexcept { return nullptr; }
};

}  // namespace detail
}  // namespace heapless

#endif  // HEAPLESS_DETAIL_STORAGE_HPP
// ---- end heapless/detail/storage.hpp ----

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
// Primitives only (pointer, length, construct/destroy one element, truncate);
// vec_core adds the algorithms once for every storage kind.
template <class T, std::size_t N>
struct vec_storage {
  using length_type = smallest_size_t<N>;

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

  /// Constructs n elements at the end from *src, ++src (n <= room). If a
  /// constructor throws, the elements added so far are destroyed.
  template <class It>
  HEAPLESS_CONSTEXPR20 void append_n(It src, std::size_t n) {
    std::size_t len = this->len();
    if constexpr (vec_memcpy_source_v<T, It>) {
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
    if constexpr (vec_memcpy_source_v<T, It>) {
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
  HEAPLESS_CONSTEXPR20 explicit Vec(size_type n) { resize(n); }
  /// n copies of value. Raises bad_alloc if n > N.
  HEAPLESS_CONSTEXPR20 Vec(size_type n, const T& value) { assign(n, value); }
  /// Copies of [first, last). Raises bad_alloc if there are more than N.
  template <class InputIt, class = std::enable_if_t<detail::vec_is_input_iterator_v<InputIt>>>
  HEAPLESS_CONSTEXPR20 Vec(InputIt first, InputIt last) {
    append(first, last);
  }
  /// Copies of il. Raises bad_alloc if il.size() > N.
  HEAPLESS_CONSTEXPR20 Vec(std::initializer_list<T> il) { append(il.begin(), il.end()); }

  Vec(const Vec&) = default;
  Vec(Vec&&) = default;
  Vec& operator=(const Vec&) = default;
  Vec& operator=(Vec&&) = default;
  ~Vec() = default;

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
    if (n <= size()) this->truncate(n);
    else this->append_fill(n - size());
  }
  /// As resize(n), growing with copies of value.
  HEAPLESS_CONSTEXPR20 void resize(size_type n, const T& value) {
    check_room(n, 0);
    if (n <= size()) this->truncate(n);
    else this->append_fill(n - size(), value);
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
    if constexpr (detail::vec_memmove_v<T>) {
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
      if (auto c = cmp(a.data()[k], b.data()[k]); c != 0) return c;
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
// ---- end heapless/vec.hpp ----
// ---- begin heapless/pool.hpp ----
// heapless/pool.hpp - Pool<T, N>: a fixed pool of N slots of T, O(1)
// allocation and release from any thread or interrupt, owning handles.
//
//   static heapless::Pool<Message, 32> messages;   // constant-initialised, all free
//   auto m = messages.try_make(42, "hello");         // Pool<Message, 32>::Box
//   if (!m) return;                                  // exhausted: empty Box
//   m->send();                                       // Box destroys the object and
//                                                    // returns the slot on scope exit
//
// Levels: try_make()/make() give an owning Box (move-only, like unique_ptr);
// try_create()/destroy() give raw T* for C interop; try_allocate()/
// deallocate() hand out uninitialised slots.
//
// Policies (third template argument, heapless::pool_policy::*):
//   lock_free         a Treiber stack of slot indices; its head packs index and
//                     ABA tag in one CAS-able word (64 bits: 32 + 32 where the
//                     target has a 64-bit CAS; else 32 bits: 16 + 16, N < 65535).
//                     Safe from any number of threads and from interrupts.
//   critical_section<Lock>  for cores without CAS (Cortex-M0/M0+): every list
//                     operation runs between Lock::lock() and Lock::unlock();
//                     interrupt_mask (PRIMASK) is provided on Cortex-M.
//   single_thread     no atomics and no locking at all.
//   automatic         (default) lock_free where the target can CAS the head
//                     word, else critical_section<interrupt_mask> on Cortex-M;
//                     elsewhere it asks you to pick one.
//
// Construction writes nothing but zeros: a never-used slot needs no link
// because the free list is extended lazily: the pool hands out slot
// `fresh` (a bump index, 0..N) once the stack of recycled slots is empty. A
// `static` Pool therefore lives in .bss: no start-up code, no flash image.
//
// Cost: N slots of max(sizeof(T), sizeof(index)) bytes (T's alignment) plus
// two index words for single_thread / critical_section; lock_free keeps its
// links outside the slots (N * sizeof(smallest index), so that a stale link
// read by a losing pop never touches an object a winner handed out) plus an
// 8-byte head and a 4-byte bump index. Debug builds (HEAPLESS_POOL_DEBUG,
// default = HEAPLESS_ENABLE_ASSERTS) add one state byte per slot to detect
// double free; see docs/pool.md for sizeof tables. All operations O(1) except
// available(), which walks the free stack (O(free slots)).
//
// Threads/ISRs: with lock_free every member is safe to call concurrently
// (available() is then a snapshot that may be stale when it returns); with
// critical_section it is safe from wherever Lock excludes the others; with
// single_thread, from one context only. A Box must not outlive its pool.
#ifndef HEAPLESS_POOL_HPP
#define HEAPLESS_POOL_HPP

#include <atomic>       // std::atomic: the lock-free head and bump index
#include <cstddef>      // std::size_t
#include <cstdint>      // std::uint8_t, std::uint32_t, std::uint64_t, std::uintptr_t
#include <cstring>      // std::memcpy: links stored inside free slots
#include <new>          // placement new, std::launder
#include <type_traits>  // traits, std::conditional_t
#include <utility>      // std::forward, std::exchange

// #include "detail/config.hpp": inlined above
// #include "detail/error.hpp": inlined above
// #include "detail/size.hpp": inlined above
// #include "detail/storage.hpp": inlined above

#if HEAPLESS_ASAN && defined(__has_include)
#if __has_include(<sanitizer/asan_interface.h>)
#include <sanitizer/asan_interface.h>  // ASAN_POISON_MEMORY_REGION for free slots
#define HEAPLESS_DETAIL_POOL_POISON 1
#endif
#endif
#ifndef HEAPLESS_DETAIL_POOL_POISON
#define HEAPLESS_DETAIL_POOL_POISON 0
#endif

// Per-slot state bytes that detect double free and never-allocated slots.
#ifndef HEAPLESS_POOL_DEBUG
#define HEAPLESS_POOL_DEBUG HEAPLESS_ENABLE_ASSERTS
#endif

// Which compare-and-swap widths the target has natively (not via libatomic).
#if defined(__GCC_HAVE_SYNC_COMPARE_AND_SWAP_8) || defined(_M_X64) || defined(_M_ARM64)
#define HEAPLESS_DETAIL_POOL_CAS64 1
#else
#define HEAPLESS_DETAIL_POOL_CAS64 0
#endif
#if defined(__GCC_HAVE_SYNC_COMPARE_AND_SWAP_4) || defined(_M_X64) || defined(_M_ARM64) || defined(_M_IX86)
#define HEAPLESS_DETAIL_POOL_CAS32 1
#else
#define HEAPLESS_DETAIL_POOL_CAS32 0
#endif

namespace heapless {

/// Concurrency policies for Pool (third template argument).
namespace pool_policy {

/// Treiber stack with an index+tag head in one CAS-able word.
struct lock_free {};

/// No atomics, no locks: one thread (or one interrupt level) only.
struct single_thread {};

/// Every free-list operation runs inside `Lock`, a type with static members
///   S    lock() noexcept;      // enter, returning whatever unlock needs
///   void unlock(S) noexcept;   // leave (restore)
/// or `void lock()` / `void unlock()`. For single-core MCUs without CAS, mask
/// interrupts (interrupt_mask below); under an RTOS, a scheduler lock.
template <class Lock>
struct critical_section {
  using lock_type = Lock;
};

#if defined(__ARM_ARCH_PROFILE) && (__ARM_ARCH_PROFILE == 'M') && (defined(__GNUC__) || defined(__clang__))
/// Cortex-M critical section: saves PRIMASK, masks interrupts, restores the
/// saved PRIMASK on unlock (so it nests). Needs privileged mode.
struct interrupt_mask {
  static std::uint32_t lock() noexcept {
    std::uint32_t primask;
    __asm volatile("mrs %0, primask\n\tcpsid i" : "=r"(primask) : : "memory");
    return primask;
  }
  static void unlock(std::uint32_t primask) noexcept {
    __asm volatile("msr primask, %0" : : "r"(primask) : "memory");
  }
};
#define HEAPLESS_DETAIL_POOL_HAS_IRQ_MASK 1
#else
#define HEAPLESS_DETAIL_POOL_HAS_IRQ_MASK 0
#endif

/// lock_free where the target has a CAS wide enough for the head, else
/// critical_section<interrupt_mask> on Cortex-M; elsewhere a compile error.
struct automatic {};

}  // namespace pool_policy

namespace detail {

// ---- Relaxed atomic access to plain arrays ---------------------------------
// The lock-free links and the debug state bytes live in uninitialised arrays
// (constexpr O(1) construction, no start-up code) and are accessed atomically:
// a link is always stored before any thread can load it.
template <class U>
inline U pool_load(const U* p) noexcept {
#if defined(__GNUC__) || defined(__clang__)
  return __atomic_load_n(p, __ATOMIC_RELAXED);
#else
  return std::atomic_ref<U>(*const_cast<U*>(p)).load(std::memory_order_relaxed);
#endif
}
template <class U>
inline void pool_store(U* p, U v) noexcept {
#if defined(__GNUC__) || defined(__clang__)
  __atomic_store_n(p, v, __ATOMIC_RELAXED);
#else
  std::atomic_ref<U>(*p).store(v, std::memory_order_relaxed);
#endif
}
template <class U>
inline U pool_exchange(U* p, U v) noexcept {
#if defined(__GNUC__) || defined(__clang__)
  return __atomic_exchange_n(p, v, __ATOMIC_RELAXED);
#else
  return std::atomic_ref<U>(*p).exchange(v, std::memory_order_relaxed);
#endif
}

// ---- The head word of the lock-free stack -----------------------------------
template <std::size_t N>
struct pool_head {
  // 64-bit CAS: 32-bit index + 32-bit tag. Else 32-bit: 16 + 16.
  static constexpr bool wide = HEAPLESS_DETAIL_POOL_CAS64 != 0;
  using type = std::conditional_t<wide, std::uint64_t, std::uint32_t>;
  static constexpr unsigned index_bits = wide ? 32u : 16u;
  static constexpr type index_mask = (type{1} << index_bits) - 1u;
  static constexpr type tag_one = type{1} << index_bits;
  // The head stores index + 1 (0 = empty), so N itself must fit.
  static constexpr bool supported =
      (HEAPLESS_DETAIL_POOL_CAS64 != 0 || HEAPLESS_DETAIL_POOL_CAS32 != 0) && N < index_mask;
};

template <class Policy, std::size_t N>
struct resolve_pool_policy {
  using type = Policy;
};
template <std::size_t N>
struct resolve_pool_policy<pool_policy::automatic, N> {
#if HEAPLESS_DETAIL_POOL_HAS_IRQ_MASK
  using type = std::conditional_t<pool_head<N>::supported, pool_policy::lock_free,
                                  pool_policy::critical_section<pool_policy::interrupt_mask>>;
#else
  using type = pool_policy::lock_free;  // checked by Pool's static_assert
#endif
};

template <class Policy>
struct is_critical_section : std::false_type {};
template <class Lock>
struct is_critical_section<pool_policy::critical_section<Lock>> : std::true_type {};

// Runs f() under Lock (critical_section) or directly (single_thread).
template <class Policy>
struct pool_guard {
  template <class F>
  static auto run(F&& f) noexcept {
    return f();
  }
};
template <class Lock>
struct pool_guard<pool_policy::critical_section<Lock>> {
  template <class F>
  static auto run(F&& f) noexcept {
    if constexpr (std::is_void_v<decltype(Lock::lock())>) {
      Lock::lock();
      auto r = f();
      Lock::unlock();
      return r;
    } else {
      auto saved = Lock::lock();
      auto r = f();
      Lock::unlock(saved);
      return r;
    }
  }
};

// ---- One free slot's bytes ----------------------------------------------------
template <std::size_t Size, std::size_t Align>
struct alignas(Align) pool_slot {
  unsigned char bytes[Size];
};

// ---- ASan: free slots are poisoned -------------------------------------------
// Only when every slot covers whole 8-byte shadow granules: slots sharing a
// granule would need read-modify-write of shadow bytes, which races between
// threads and cannot express "first bytes poisoned, rest live".
template <std::size_t Stride, std::size_t Align>
struct pool_poison {
  static constexpr bool enabled = HEAPLESS_DETAIL_POOL_POISON != 0 && Stride % 8 == 0 && Align >= 8;
  static void poison(const void* p) noexcept {
#if HEAPLESS_DETAIL_POOL_POISON
    if constexpr (enabled) ASAN_POISON_MEMORY_REGION(p, Stride);
    else (void)p;
#else
    (void)p;
#endif
  }
  static void unpoison(const void* p) noexcept {
#if HEAPLESS_DETAIL_POOL_POISON
    if constexpr (enabled) ASAN_UNPOISON_MEMORY_REGION(p, Stride);
    else (void)p;
#else
    (void)p;
#endif
  }
};

// ---- Free lists -----------------------------------------------------------------
// Both hand out slot indices; `N` means "none left". Slot i is free when it is
// on the stack of recycled slots or when i >= fresh (never used yet).

/// single_thread and critical_section: the link of a free slot is stored in
/// the slot itself (index + 1, 0 = end); all state is two plain indices.
template <class T, std::size_t N, class Policy>
class pool_locked_list {
 public:
  using link_t = smallest_size_t<N>;
  using slot_t = pool_slot<(sizeof(T) > sizeof(link_t) ? sizeof(T) : sizeof(link_t)),
                           (alignof(T) > alignof(link_t) ? alignof(T) : alignof(link_t))>;
  using poison = pool_poison<sizeof(slot_t), alignof(slot_t)>;

  constexpr pool_locked_list() noexcept = default;

  std::size_t pop(slot_t* slots) noexcept {
    return pool_guard<Policy>::run([&]() noexcept -> std::size_t {
      const link_t top = top_;
      if (HEAPLESS_LIKELY(top != 0)) {
        const std::size_t i = static_cast<std::size_t>(top - 1u);
        poison::unpoison(slots + i);
        std::memcpy(&top_, slots[i].bytes, sizeof(link_t));
        return i;
      }
      if (HEAPLESS_LIKELY(fresh_ < N)) return static_cast<std::size_t>(fresh_++);
      return N;
    });
  }

  void push(slot_t* slots, std::size_t i) noexcept {
    pool_guard<Policy>::run([&]() noexcept {
      std::memcpy(slots[i].bytes, &top_, sizeof(link_t));
      poison::poison(slots + i);
      top_ = static_cast<link_t>(i + 1u);
      return 0;
    });
  }

  std::size_t fresh() const noexcept {
    return pool_guard<Policy>::run([&]() noexcept { return static_cast<std::size_t>(fresh_); });
  }

  std::size_t available(const slot_t* slots) const noexcept {
    return pool_guard<Policy>::run([&]() noexcept {
      std::size_t n = N - static_cast<std::size_t>(fresh_);
      for (link_t l = top_; l != 0 && n < N; ++n) {
        const slot_t* s = slots + (l - 1u);
        poison::unpoison(s);
        std::memcpy(&l, s->bytes, sizeof(link_t));
        poison::poison(s);
      }
      return n;
    });
  }

 private:
  link_t top_ = 0;    // index + 1 of the most recently freed slot, 0 = none
  link_t fresh_ = 0;  // slots [fresh_, N) have never been handed out
};

/// lock_free: Treiber stack. Links live outside the slots (see pop()).
template <class T, std::size_t N>
class pool_lock_free_list {
  using head = pool_head<N>;
  using head_t = typename head::type;

 public:
  using link_t = smallest_size_t<N>;
  using slot_t = pool_slot<sizeof(T), alignof(T)>;
  using poison = pool_poison<sizeof(slot_t), alignof(slot_t)>;

  static_assert(head::supported,
                "Pool: this target has no compare-and-swap wide enough for the lock-free head "
                "(or N is too large for it); use pool_policy::critical_section<Lock> or single_thread");
  static_assert(std::atomic<head_t>::is_always_lock_free, "Pool: the head word must be lock-free");
  static_assert(std::atomic<std::uint32_t>::is_always_lock_free, "Pool: the bump index must be lock-free");

  constexpr pool_lock_free_list() noexcept : links_() {}

  std::size_t pop(slot_t* slots) noexcept {
    bool fresh_exhausted = false;
    for (;;) {
      // acquire: pairs with the release CAS of the push that installed this
      // head, so the link we read next and the slot's previous contents
      // (the object destroyed before it was freed) are visible.
      head_t h = head_.load(std::memory_order_acquire);
      while ((h & head::index_mask) != 0) {
        const std::size_t i = static_cast<std::size_t>((h & head::index_mask) - 1u);
        // relaxed: may be stale if another thread pops i first (and even
        // pushes it again); the tag makes our CAS fail then. The link is kept
        // outside the slot, so this load never races with the new owner
        // writing its object into slot i: it is an atomic load racing only
        // with atomic stores, which TSan and the memory model accept.
        const link_t next = pool_load(links_.data() + i);
        // The tag advances on every pop: a head that was popped and pushed
        // back between our load and CAS (ABA) no longer compares equal.
        const head_t desired = ((h & ~head::index_mask) + head::tag_one) | static_cast<head_t>(next);
        // success acquire: same reason as the load above (C++17 also wants
        // success >= failure). failure acquire: h is reloaded and we read the
        // link of the new head.
        if (head_.compare_exchange_weak(h, desired, std::memory_order_acquire,
                                        std::memory_order_acquire)) {
          poison::unpoison(slots + i);
          return i;
        }
      }
      // The stack was empty when we looked.
      if (fresh_exhausted) return N;  // ...after fresh_ had reached N: pool empty right then
      // relaxed: a never-used slot carries no data to synchronise with.
      std::uint32_t f = fresh_.load(std::memory_order_relaxed);
      while (f < N) {
        if (fresh_.compare_exchange_weak(f, f + 1u, std::memory_order_relaxed, std::memory_order_relaxed))
          return static_cast<std::size_t>(f);
      }
      // fresh_ == N forever from now on; a slot may have been pushed since we
      // saw the stack empty, so look once more before reporting exhaustion.
      fresh_exhausted = true;
    }
  }

  void push(slot_t* slots, std::size_t i) noexcept {
    // Poison before publishing: once the CAS succeeds another thread may pop
    // the slot and unpoison it.
    poison::poison(slots + i);
    // relaxed: the value only seeds the link; the CAS below validates it.
    head_t h = head_.load(std::memory_order_relaxed);
    for (;;) {
      // relaxed: published by the release CAS below.
      pool_store(links_.data() + i, static_cast<link_t>(h & head::index_mask));
      const head_t desired = (h & ~head::index_mask) | static_cast<head_t>(i + 1u);
      // success release: the link above and everything the freeing thread
      // did to the slot (destroying the object) happen-before the next pop.
      // failure relaxed: we only retry with the reloaded value.
      if (head_.compare_exchange_weak(h, desired, std::memory_order_release, std::memory_order_relaxed))
        return;
    }
  }

  std::size_t fresh() const noexcept { return fresh_.load(std::memory_order_relaxed); }

  std::size_t available(const slot_t*) const noexcept {
    // A snapshot: exact when no other thread is using the pool; otherwise a
    // value that was plausible at some point during the call. Bounded walk.
    std::size_t n = N - static_cast<std::size_t>(fresh_.load(std::memory_order_relaxed));
    for (head_t l = head_.load(std::memory_order_acquire) & head::index_mask; l != 0 && n < N; ++n)
      l = pool_load(links_.data() + (l - 1u));
    return n;
  }

 private:
  std::atomic<head_t> head_{0};         // (tag << index_bits) | (top index + 1), 0 = empty
  std::atomic<std::uint32_t> fresh_{0};  // slots [fresh_, N) have never been handed out
  uninit_array<link_t, N> links_;        // links_[i]: index + 1 of the slot below i
};

template <class T, std::size_t N, class Policy>
struct pool_list_for {
  using type = pool_locked_list<T, N, Policy>;
};
template <class T, std::size_t N>
struct pool_list_for<T, N, pool_policy::lock_free> {
  using type = pool_lock_free_list<T, N>;
};

}  // namespace detail

/// A pool of N slots of T; see the top of this file.
template <class T, std::size_t N, class Policy = pool_policy::automatic>
class Pool {
  static_assert(N > 0, "Pool: N must be at least 1");
  static_assert(std::is_object_v<T> && !std::is_array_v<T> && !std::is_const_v<T>,
                "Pool: T must be a non-const, non-array object type");
  static_assert(std::is_nothrow_destructible_v<T>, "Pool: T's destructor must not throw");

 public:
  /// The policy in effect (pool_policy::automatic resolved for this target).
  using policy_type = typename detail::resolve_pool_policy<Policy, N>::type;
  static_assert(std::is_same_v<policy_type, pool_policy::lock_free> ||
                    std::is_same_v<policy_type, pool_policy::single_thread> ||
                    detail::is_critical_section<policy_type>::value,
                "Pool: Policy must be one of heapless::pool_policy::*");

 private:
  using list_t = typename detail::pool_list_for<T, N, policy_type>::type;
  using slot_t = typename list_t::slot_t;

 public:
  using value_type = T;
  using size_type = std::size_t;

  /// Owning handle to one object in a Pool: move-only, like std::unique_ptr.
  /// Destroying (or reset()ing) a non-empty Box destroys the object and
  /// returns its slot. Two pointers wide. Must not outlive its pool.
  class Box {
   public:
    using element_type = T;
    using pool_type = Pool;

    /// An empty Box.
    constexpr Box() noexcept = default;
    constexpr Box(std::nullptr_t) noexcept {}  // NOLINT: implicit like unique_ptr
    Box(Box&& other) noexcept : ptr_(std::exchange(other.ptr_, nullptr)), pool_(other.pool_) {}
    Box& operator=(Box&& other) noexcept {
      if (this != &other) {
        reset();
        ptr_ = std::exchange(other.ptr_, nullptr);
        pool_ = other.pool_;
      }
      return *this;
    }
    Box& operator=(std::nullptr_t) noexcept {
      reset();
      return *this;
    }
    Box(const Box&) = delete;
    Box& operator=(const Box&) = delete;
    ~Box() { reset(); }

    /// Precondition: non-empty (checked by HEAPLESS_ASSERT).
    T& operator*() const noexcept {
      HEAPLESS_ASSERT(ptr_ != nullptr, "Pool::Box: dereferencing an empty Box");
      return *ptr_;
    }
    /// Precondition: non-empty (checked by HEAPLESS_ASSERT).
    T* operator->() const noexcept {
      HEAPLESS_ASSERT(ptr_ != nullptr, "Pool::Box: dereferencing an empty Box");
      return ptr_;
    }
    /// The object, or nullptr when empty.
    T* get() const noexcept { return ptr_; }
    explicit operator bool() const noexcept { return ptr_ != nullptr; }
    /// The pool the object came from (nullptr if the Box never held one).
    Pool* pool() const noexcept { return pool_; }

    /// Destroys the object and returns its slot; the Box becomes empty.
    void reset() noexcept {
      if (T* p = std::exchange(ptr_, nullptr)) pool_->destroy(p);
    }
    /// Gives up ownership: the caller must later call pool()->destroy(p).
    [[nodiscard]] T* release() noexcept { return std::exchange(ptr_, nullptr); }

    void swap(Box& other) noexcept {
      std::swap(ptr_, other.ptr_);
      std::swap(pool_, other.pool_);
    }
    friend void swap(Box& a, Box& b) noexcept { a.swap(b); }
    friend bool operator==(const Box& b, std::nullptr_t) noexcept { return b.ptr_ == nullptr; }
    friend bool operator!=(const Box& b, std::nullptr_t) noexcept { return b.ptr_ != nullptr; }

   private:
    friend class Pool;
    Box(T* p, Pool* owner) noexcept : ptr_(p), pool_(owner) {}
    T* ptr_ = nullptr;
    Pool* pool_ = nullptr;
  };

  /// All N slots free. Writes only zeros: a static Pool is constant-initialised
  /// into .bss. O(1).
  constexpr Pool() noexcept = default;
  /// Live objects are not destroyed (the pool does not know them): destroy or
  /// reset every Box/pointer first. Trivial destructor.
  ~Pool() = default;
  Pool(const Pool&) = delete;  // handles point into the pool
  Pool& operator=(const Pool&) = delete;

  // ---- Owning handles ----------------------------------------------------

  /// Constructs a T from args in a free slot. Empty Box when the pool is
  /// exhausted (args are not touched then). If T's constructor throws, the
  /// slot is returned and the exception propagates. O(1).
  template <class... Args>
  [[nodiscard]] Box try_make(Args&&... args) noexcept(std::is_nothrow_constructible_v<T, Args...>) {
    return Box(try_create(std::forward<Args>(args)...), this);
  }

  /// As try_make, but exhaustion goes through the error path
  /// (error_kind::bad_alloc: std::bad_alloc with exceptions, else the handler).
  template <class... Args>
  [[nodiscard]] Box make(Args&&... args) {
    return Box(create(std::forward<Args>(args)...), this);
  }

  // ---- Raw objects -----------------------------------------------------------

  /// Constructs a T in a free slot; nullptr when exhausted. Release it with
  /// destroy(). If T's constructor throws, the slot is returned. O(1).
  template <class... Args>
  [[nodiscard]] T* try_create(Args&&... args) noexcept(std::is_nothrow_constructible_v<T, Args...>) {
    void* slot = try_allocate();
    if (HEAPLESS_UNLIKELY(slot == nullptr)) return nullptr;
    return construct_in(slot, std::forward<Args>(args)...);
  }

  /// As try_create, but exhaustion raises error_kind::bad_alloc.
  template <class... Args>
  [[nodiscard]] T* create(Args&&... args) {
    void* slot = try_allocate();
    if (HEAPLESS_UNLIKELY(slot == nullptr)) detail::raise(error_kind::bad_alloc, "Pool: exhausted");
    return construct_in(slot, std::forward<Args>(args)...);
  }

  /// Destroys *p and returns its slot; nullptr is ignored. Precondition: p
  /// came from this pool and is live (checked in debug builds). O(1).
  void destroy(T* p) noexcept {
    if (p == nullptr) return;
    check_live(p);
    detail::destroy_at(p);
    deallocate(p);
  }

  // ---- Uninitialised slots ---------------------------------------------------

  /// A free slot of sizeof(T) bytes aligned for T, or nullptr when exhausted. O(1).
  [[nodiscard]] void* try_allocate() noexcept {
    const std::size_t i = list_.pop(slots());
    if (HEAPLESS_UNLIKELY(i >= N)) return nullptr;
    mark(i, slot_live);
    return slots()[i].bytes;
  }

  /// Returns a slot from try_allocate() (any object in it already destroyed);
  /// nullptr is ignored. Precondition: p is a live slot of this pool
  /// (foreign pointers and double frees are caught in debug builds). O(1).
  void deallocate(void* p) noexcept {
    if (p == nullptr) return;
    const std::size_t i = index_of(p);
    mark_free(i);
    list_.push(slots(), i);
  }

  // ---- Observers -------------------------------------------------------------

  static constexpr size_type capacity() noexcept { return N; }

  /// Free slots right now. With lock_free and concurrent users, a snapshot
  /// that may already be stale. O(number of recycled free slots).
  size_type available() const noexcept { return list_.available(slots()); }

  /// True when p points at a slot of this pool (live or not). O(1).
  bool owns(const T* p) const noexcept { return slot_offset(p) < N * sizeof(slot_t) &&
                                                slot_offset(p) % sizeof(slot_t) == 0; }

 private:
  static constexpr std::uint8_t slot_free = 0;
  static constexpr std::uint8_t slot_live = 1;

  slot_t* slots() noexcept { return storage_.data(); }
  const slot_t* slots() const noexcept { return storage_.data(); }

  std::size_t slot_offset(const void* p) const noexcept {
    // Compared as integers: relational operators on unrelated pointers are
    // unspecified. Below the pool wraps to a huge offset.
    return static_cast<std::size_t>(reinterpret_cast<std::uintptr_t>(p) -
                                    reinterpret_cast<std::uintptr_t>(slots()));
  }

  std::size_t index_of(const void* p) const noexcept {
    const std::size_t off = slot_offset(p);
    HEAPLESS_ASSERT(off < N * sizeof(slot_t) && off % sizeof(slot_t) == 0,
                    "Pool: freeing a pointer that is not a slot of this pool");
    return off / sizeof(slot_t);
  }

  template <class... Args>
  T* construct_in(void* slot, Args&&... args) noexcept(std::is_nothrow_constructible_v<T, Args...>) {
    if constexpr (std::is_nothrow_constructible_v<T, Args...>) {
      return ::new (slot) T(std::forward<Args>(args)...);
    } else {
      // Returns the slot if the constructor throws (no try/catch needed, so
      // this also compiles with -fno-exceptions).
      struct guard {
        Pool* pool;
        void* slot;
        ~guard() {
          if (slot != nullptr) pool->deallocate(slot);
        }
      } g{this, slot};
      T* p = ::new (slot) T(std::forward<Args>(args)...);
      g.slot = nullptr;
      return p;
    }
  }

#if HEAPLESS_POOL_DEBUG
  void mark(std::size_t i, std::uint8_t s) noexcept { detail::pool_store(&state_.data()[i], s); }
  void mark_free(std::size_t i) noexcept {
    HEAPLESS_ASSERT(i < list_.fresh(), "Pool: freeing a slot that was never allocated");
    const std::uint8_t before = detail::pool_exchange(&state_.data()[i], slot_free);
    HEAPLESS_ASSERT(before == slot_live, "Pool: double free");
    (void)before;
  }
  void check_live(const T* p) const noexcept {
    const std::size_t i = index_of(p);
    HEAPLESS_ASSERT(i < list_.fresh() && detail::pool_load(&state_.data()[i]) == slot_live,
                    "Pool: destroying an object that is not live (double free?)");
    (void)i;
  }
#else
  void mark(std::size_t, std::uint8_t) noexcept {}
  void mark_free(std::size_t) noexcept {}
  void check_live(const T*) const noexcept {}
#endif

  detail::uninit_array<slot_t, N> storage_;
  list_t list_;
#if HEAPLESS_POOL_DEBUG
  // state_[i] is meaningful once slot i has been handed out (i < fresh).
  detail::uninit_array<std::uint8_t, N> state_;
#endif
};

}  // namespace heapless

#undef HEAPLESS_DETAIL_POOL_POISON
#undef HEAPLESS_DETAIL_POOL_CAS64
#undef HEAPLESS_DETAIL_POOL_CAS32
#undef HEAPLESS_DETAIL_POOL_HAS_IRQ_MASK

#endif  // HEAPLESS_POOL_HPP
// ---- end heapless/pool.hpp ----

#endif  // HEAPLESS_HPP
