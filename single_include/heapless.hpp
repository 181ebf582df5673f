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
//   heapless/string.hpp
//   heapless/format.hpp
//   heapless/detail/format_compiled.hpp
//   heapless/detail/format_core.hpp
//   heapless/detail/format_float.hpp
//   heapless/detail/float_to_chars.hpp
//   heapless/linear_map.hpp
//   heapless/detail/linear_map_scan.hpp
//   heapless/spsc.hpp

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
//   HEAPLESS_CONSTINIT       (defined here, not by users) `constinit` where the
//                            language or compiler has it; see below.
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

// HEAPLESS_CONSTINIT: forces (and checks) constant initialisation of a static
// container, e.g. `HEAPLESS_CONSTINIT static heapless::String<128> log;`.
// Needed with GCC for constructors that skip work at run time by asking
// is_constant_evaluated() (String<N> for N >= 64): GCC evaluates that as false
// in the initialiser of a plain static and emits a dynamic initialiser.
#if HEAPLESS_CPP20 && defined(__cpp_constinit)
#define HEAPLESS_CONSTINIT constinit
#elif defined(__clang__)
#define HEAPLESS_CONSTINIT [[clang::require_constant_initialization]]
#else
#define HEAPLESS_CONSTINIT
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

// ---- Microcontrollers: little RAM, no data cache to speak of ---------------
// Cortex-M, 32-bit RISC-V, AVR, MSP430. Chooses the defaults that trade
// memory for speed (HEAPLESS_CACHE_LINE below, LinearMap's small-map index).
#if (defined(__ARM_ARCH_PROFILE) && (__ARM_ARCH_PROFILE == 'M')) ||  \
    (defined(__riscv) && defined(__riscv_xlen) && (__riscv_xlen == 32)) || \
    defined(__AVR__) || defined(__MSP430__)
#define HEAPLESS_DETAIL_MICROCONTROLLER 1
#else
#define HEAPLESS_DETAIL_MICROCONTROLLER 0
#endif

// ---- Cache line used to separate producer/consumer state -----------------
#ifndef HEAPLESS_CACHE_LINE
#if HEAPLESS_DETAIL_MICROCONTROLLER
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
    for (size_type k = j; k != len; ++k) data_[i + (k - j)] = std::move(data_[k]);
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
//                     target has a 64-bit CAS; else 32 bits: 16 + 16, N < 65535;
//                     Cortex-M3 and up pop with LDREX/STREX, which needs no tag).
//                     Safe from any number of threads and from interrupts.
//   critical_section<Lock>  for cores without CAS (Cortex-M0/M0+): every list
//                     operation runs between Lock::lock() and Lock::unlock();
//                     interrupt_mask (PRIMASK) is provided on Cortex-M.
//   single_thread     no atomics and no locking at all.
//   automatic         (default) lock_free where the target can CAS the head
//                     word, else critical_section<interrupt_mask> on Cortex-M;
//                     elsewhere it asks you to pick one.
//
// Construction writes nothing but zeros, so a `static` Pool lives in .bss:
// no start-up code, no flash image. single_thread / critical_section extend
// their free list lazily (slot `fresh`, a bump index 0..N, is handed out
// once the stack of recycled slots is empty); lock_free threads its list
// through all N slots from the start, encoded so that all zeros is that list
// (a link holds the next index XOR-ed with its own index + 1).
//
// Cost (see docs/pool.md for sizeof tables):
//   single_thread / critical_section: N slots of max(sizeof(T), sizeof(link))
//     bytes; a free slot holds the link to the next one (its address when T
//     is at least a pointer and its size a multiple of a pointer's alignment,
//     else index + 1 in the smallest type that holds N), plus a top link and
//     a bump index.
//   lock_free: N slots of sizeof(T), N links outside the slots (smallest index
//     type: a stale link read by a losing pop must not race with the object a
//     winner constructs in that slot) and a 64-bit (hosts) or 32-bit
//     (Cortex-M) head.
//   Debug builds (HEAPLESS_POOL_DEBUG, default HEAPLESS_ENABLE_ASSERTS) add a
//     state byte per slot to catch double frees and foreign pointers.
// All operations O(1) except available(), which walks the free list.
//
// Threads/ISRs: with lock_free every member is safe to call concurrently
// (available() is then a snapshot that may be stale when it returns); with
// critical_section it is safe from wherever Lock excludes the others; with
// single_thread, from one context only. A Box must not outlive its pool.
#ifndef HEAPLESS_POOL_HPP
#define HEAPLESS_POOL_HPP

#include <atomic>       // std::atomic: the lock-free head
#include <cstddef>      // std::size_t
#include <cstdint>      // std::uint8_t, std::uint32_t, std::uint64_t, std::uintptr_t
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

// Cortex-M with Thumb-2 exclusives (M3/M4/M7/M33...): the lock-free pop is a
// load-linked/store-conditional loop instead of a CAS (see pool_lock_free_list).
#if defined(__ARM_ARCH_PROFILE) && (__ARM_ARCH_PROFILE == 'M') && defined(__ARM_ARCH_ISA_THUMB) && \
    (__ARM_ARCH_ISA_THUMB == 2) && defined(__ARM_FEATURE_LDREX) && ((__ARM_FEATURE_LDREX & 4) != 0) && \
    (defined(__GNUC__) || defined(__clang__)) && !defined(HEAPLESS_POOL_NO_LLSC)
#define HEAPLESS_DETAIL_POOL_LLSC 1
#else
#define HEAPLESS_DETAIL_POOL_LLSC 0
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
// Both hand out slots (nullptr: none left). Slot i is free when it is
// on the stack of recycled slots or when i >= fresh (never used yet).

/// single_thread and critical_section: the link of a free slot is stored in
/// the slot itself. When T is at least pointer-sized (and its size a multiple
/// of a pointer's alignment), the link is the next free slot's address and
/// slots are aligned for it: the hot path is then exactly a classic intrusive
/// free list, at no memory cost (the stride stays sizeof(T); the pool is
/// immovable, so the addresses stay valid). Smaller T link by index + 1 (0 = end) in the
/// smallest type that holds N, so the slot is max(sizeof(T), sizeof(index)).
template <class T, std::size_t N, class Policy>
class pool_locked_list {
 public:
  static constexpr bool pointer_links = sizeof(T) >= sizeof(void*) && sizeof(T) % alignof(void*) == 0;
  using index_t = smallest_size_t<N>;
  using link_t = std::conditional_t<pointer_links, void*, index_t>;
  using slot_t = pool_slot<(sizeof(T) > sizeof(link_t) ? sizeof(T) : sizeof(link_t)),
                           (alignof(T) > alignof(link_t) ? alignof(T) : alignof(link_t))>;
  using poison = pool_poison<sizeof(slot_t), alignof(slot_t)>;

  constexpr pool_locked_list() noexcept = default;

  /// The most recently freed slot, else a never-used one, else nullptr.
  slot_t* pop(slot_t* slots) noexcept {
    return pool_guard<Policy>::run([&]() noexcept -> slot_t* {
      slot_t* s = slot_of(slots, top_);
      if (HEAPLESS_LIKELY(s != nullptr)) {
        poison::unpoison(s);
        top_ = link_in(s);
        return s;
      }
      if (HEAPLESS_LIKELY(fresh_ < N)) return slots + fresh_++;
      return nullptr;
    });
  }

  /// Puts slot s (index i) on top of the stack.
  void push(slot_t* s, std::size_t i) noexcept {
    pool_guard<Policy>::run([&]() noexcept {
      ::new (static_cast<void*>(s->bytes)) link_t(top_);  // a free slot holds just its link
      poison::poison(s);
      if constexpr (pointer_links) {
        top_ = s;
        (void)i;
      } else {
        top_ = static_cast<link_t>(i + 1u);
      }
      return 0;
    });
  }

  std::size_t available(const slot_t* slots) const noexcept {
    return pool_guard<Policy>::run([&]() noexcept {
      std::size_t n = N - static_cast<std::size_t>(fresh_);
      for (link_t l = top_; n < N; ++n) {
        const slot_t* s = slot_of(const_cast<slot_t*>(slots), l);
        if (s == nullptr) break;
        poison::unpoison(s);
        l = link_in(s);
        poison::poison(s);
      }
      return n;
    });
  }

 private:
  static link_t link_in(const slot_t* s) noexcept {
    return *std::launder(static_cast<const link_t*>(static_cast<const void*>(s->bytes)));
  }

  static slot_t* slot_of(slot_t* slots, link_t l) noexcept {
    if constexpr (pointer_links) {
      (void)slots;
      return static_cast<slot_t*>(l);
    } else {
      // size_t arithmetic, so "- 1" folds into the address computation.
      const std::size_t top = l;
      return HEAPLESS_LIKELY(top != 0) ? slots + (top - 1u) : nullptr;
    }
  }

  link_t top_{};       // most recently freed slot (address, or index + 1); 0 = none
  index_t fresh_ = 0;  // slots [fresh_, N) have never been handed out
};

/// lock_free: Treiber stack. Links live outside the slots (see pop()).
///
/// The list is threaded through all N slots from the start, and its all-zero
/// state is that list: the head holds the top index (N = empty) and a link
/// holds the next index XOR-ed with the index of the slot after it:
/// links_[i] == 0 means "next is i + 1", and slot N - 1's next is N (the
/// end). So zero-initialisation is the whole constructor (a static pool is
/// constant-initialised into .bss) and there is no separate never-used
/// region to track: a pop is one CAS on one word. (XOR rather than a
/// difference: both operands fit the link type, so the result needs no
/// truncation.)
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
  static_assert(sizeof(T) != 0 && std::atomic<head_t>::is_always_lock_free,  // dependent: checked
                "Pool: the head word must be lock-free");                      // on instantiation

  constexpr pool_lock_free_list() noexcept = default;

  /// The free slot on top of the stack, or nullptr.
  slot_t* pop(slot_t* slots) noexcept {
#if HEAPLESS_DETAIL_POOL_LLSC
    if constexpr (ll_sc) {
      const std::size_t i = pop_llsc();
      if (HEAPLESS_UNLIKELY(i == N)) return nullptr;
      // acquire: pairs with the release CAS of the push that installed this
      // head (the slot's previous contents are visible to its new owner).
      std::atomic_thread_fence(std::memory_order_acquire);
      poison::unpoison(slots + i);
      return slots + i;
    }
#endif
    // acquire: pairs with the release CAS of the push that installed this
    // head, so the link we read next and the slot's previous contents
    // (the object destroyed before it was freed) are visible.
    head_t h = head_.load(std::memory_order_acquire);
    for (;;) {
      const std::size_t i = static_cast<std::size_t>(h & head::index_mask);
      // Empty when we looked: a moment at which the pool had no free slot,
      // so the failure is linearisable, not spurious.
      if (HEAPLESS_UNLIKELY(i == N)) return nullptr;
      // relaxed: may be stale if another thread pops i first (and even
      // pushes it again); the tag makes our CAS fail then. The link is kept
      // outside the slot, so this load never races with the new owner
      // writing its object into slot i: it is an atomic load racing only
      // with atomic stores, which TSan and the memory model accept.
      const link_t next = static_cast<link_t>((i + 1u) ^ pool_load(links_ + i));
      // The tag advances on every pop: a head that was popped and pushed
      // back between our load and CAS (ABA) no longer compares equal.
      const head_t desired = ((h & ~head::index_mask) + head::tag_one) | static_cast<head_t>(next);
      // success acquire: same reason as the load above (C++17 also wants
      // success >= failure). failure acquire: h is reloaded and we read the
      // link of the new head.
      if (head_.compare_exchange_weak(h, desired, std::memory_order_acquire, std::memory_order_acquire)) {
        poison::unpoison(slots + i);
        return slots + i;
      }
    }
  }

  /// Puts slot s (index i) on top of the stack.
  void push(slot_t* s, std::size_t i) noexcept {
    // Poison before publishing: once the CAS succeeds another thread may pop
    // the slot and unpoison it.
    poison::poison(s);
    // relaxed: the value only seeds the link; the CAS below validates it.
    head_t h = head_.load(std::memory_order_relaxed);
    for (;;) {
      // relaxed: published by the release CAS below. The old top, XOR i + 1.
      pool_store(links_ + i, static_cast<link_t>(static_cast<std::size_t>(h & head::index_mask) ^ (i + 1u)));
      // (With ll_sc the tag bits are always zero: nothing to keep.)
      const head_t desired = (ll_sc ? head_t{0} : h & ~head::index_mask) | static_cast<head_t>(i);
      // success release: the link above and everything the freeing thread
      // did to the slot (destroying the object) happen-before the next pop.
      // failure relaxed: we only retry with the reloaded value.
      if (head_.compare_exchange_weak(h, desired, std::memory_order_release, std::memory_order_relaxed)) return;
    }
  }

  std::size_t available(const slot_t*) const noexcept {
    // A snapshot: exact when no other thread is using the pool; while others
    // allocate and free it may be off by their operations (it follows links
    // that may be stale), but it is always in [0, N]: the walk is bounded.
    std::size_t n = 0;
    for (std::size_t i = static_cast<std::size_t>(head_.load(std::memory_order_acquire) & head::index_mask);
         i < N && n < N; ++n)
      i = static_cast<link_t>((i + 1u) ^ pool_load(links_ + i));
    return n;
  }

 private:
  // Cortex-M3 and up pop with LDREX/STREX and need no ABA tag: the STREX
  // stores the new head only if nothing has stored to the head since the
  // LDREX (every push and pop does), and an exception entry or return clears
  // the exclusive monitor, so a pop preempted by a handler retries. Between
  // the two only loads run (the link), which leave the monitor alone.
  // Elsewhere (hosts, and wherever exclusives cannot be used directly) the
  // pop is a CAS with the tag.
  static constexpr bool ll_sc = HEAPLESS_DETAIL_POOL_LLSC != 0 && sizeof(head_t) == 4 && sizeof(link_t) <= 2;

#if HEAPLESS_DETAIL_POOL_LLSC
  // One pop attempt loop: returns the popped index, or N when the stack was
  // empty at the LDREX (a moment with no free slot: linearisable).
  std::size_t pop_llsc() noexcept {
    static_assert(sizeof(std::atomic<head_t>) == sizeof(std::uint32_t), "the head is one 32-bit word");
    void* const h = &head_;
    std::uint32_t i, next, failed;
#define HEAPLESS_DETAIL_POOL_POP_LLSC(LOAD)                                             \
  __asm volatile("1:\n\t"                                                               \
                 "ldrex  %[i], [%[head]]\n\t"                                          \
                 "cmp    %[i], %[n]\n\t"                                               \
                 "beq    2f\n\t"                                                       \
                 LOAD "\n\t"                                                           \
                 "adds   %[failed], %[i], #1\n\t"                                      \
                 "eors   %[next], %[next], %[failed]\n\t"                              \
                 "strex  %[failed], %[next], [%[head]]\n\t"                            \
                 "cmp    %[failed], #0\n\t"                                            \
                 "bne    1b\n"                                                         \
                 "2:\n\t"                                                              \
                 "clrex" /* after a success the monitor is already clear: harmless */  \
                 : [i] "=&r"(i), [next] "=&r"(next), [failed] "=&r"(failed)            \
                 : [head] "r"(h), [links] "r"(links_), [n] "rI"(static_cast<std::uint32_t>(N)) \
                 : "cc", "memory")
    if constexpr (sizeof(link_t) == 1) {
      HEAPLESS_DETAIL_POOL_POP_LLSC("ldrb   %[next], [%[links], %[i]]");
    } else {
      HEAPLESS_DETAIL_POOL_POP_LLSC("ldrh   %[next], [%[links], %[i], lsl #1]");
    }
#undef HEAPLESS_DETAIL_POOL_POP_LLSC
    return i;
  }
#endif

  std::atomic<head_t> head_{0};  // (tag << index_bits) | top index; top == N: empty
  link_t links_[N] = {};         // links_[i]: index of the slot below i, XOR (i + 1)
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

/// True when pool_policy::lock_free compiles for N slots on this target (it
/// has a compare-and-swap as wide as the head word, and N fits its index).
template <std::size_t N>
inline constexpr bool pool_lock_free_available = detail::pool_head<N>::supported;

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
    if (HEAPLESS_UNLIKELY(p == nullptr)) return;
    check_live(p);
    detail::destroy_at(p);
    deallocate(p);
  }

  // ---- Uninitialised slots ---------------------------------------------------

  /// A free slot of sizeof(T) bytes aligned for T, or nullptr when exhausted. O(1).
  [[nodiscard]] void* try_allocate() noexcept {
    slot_t* s = list_.pop(slots());
    if (HEAPLESS_UNLIKELY(s == nullptr)) return nullptr;
    mark(static_cast<std::size_t>(s - slots()), slot_live);
    return s->bytes;
  }

  /// Returns a slot from try_allocate() (any object in it already destroyed);
  /// nullptr is ignored. Precondition: p is a live slot of this pool
  /// (foreign pointers and double frees are caught in debug builds). O(1).
  void deallocate(void* p) noexcept {
    if (HEAPLESS_UNLIKELY(p == nullptr)) return;
    const std::size_t i = index_of(p);
    mark_free(i);
    list_.push(static_cast<slot_t*>(p), i);
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
  void mark(std::size_t i, std::uint8_t s) noexcept { detail::pool_store(state_ + i, s); }
  void mark_free(std::size_t i) noexcept {
    // A slot never handed out is still slot_free (the array starts zeroed).
    const std::uint8_t before = detail::pool_exchange(state_ + i, slot_free);
    HEAPLESS_ASSERT(before == slot_live, "Pool: freeing a slot that is not live (double free, or never allocated)");
    (void)before;
  }
  void check_live(const T* p) const noexcept {
    const std::size_t i = index_of(p);
    HEAPLESS_ASSERT(detail::pool_load(state_ + i) == slot_live,
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
  // state_[i]: slot_live while slot i is handed out; zero (slot_free) from
  // the start, so a static pool stays in .bss.
  std::uint8_t state_[N] = {};
#endif
};

}  // namespace heapless

#undef HEAPLESS_DETAIL_POOL_POISON
#undef HEAPLESS_DETAIL_POOL_CAS64
#undef HEAPLESS_DETAIL_POOL_CAS32
#undef HEAPLESS_DETAIL_POOL_HAS_IRQ_MASK
#undef HEAPLESS_DETAIL_POOL_LLSC

#endif  // HEAPLESS_POOL_HPP
// ---- end heapless/pool.hpp ----
// ---- begin heapless/string.hpp ----
// heapless/string.hpp - String<N>: a fixed-capacity, always NUL-terminated
// std::string that never allocates.
//
//   heapless::String<15> s = "temp=";         // 16 bytes, lives where you put it
//   s += "21.5";                               // std::length_error past 15 chars
//   if (!s.try_append(" C")) { /* full */ }    // or check instead of throwing
//   std::puts(s.c_str());                      // always NUL-terminated
//   heapless::String t = "hello";              // deduces String<5>
//
// Layout (docs/string.md): one array `char[N + 1]` and nothing else for
// N < 256, so sizeof(String<N>) == N + 1 (String<15> is 16 bytes; std::string
// is 32, boost::static_string<15> 17). The last byte holds the free capacity
// N - size(); when the string is full that byte is 0 and doubles as the
// terminating NUL. For N >= 256 the length is stored after the array in
// detail::smallest_size_t<N> (sizeof == N + 1 + padding + 2 or 4).
// Trivially copyable (memcpy/DMA it), trivially destructible, no pointer into
// itself. Default construction is constexpr and O(1): for N < 64 it zeroes
// the N + 1 bytes (at most four 16-byte stores; a static String is then
// constant-initialised by every compiler), above that it writes data()[0]
// and the last byte only (declare statics constinit for GCC: see
// docs/string.md, "Default construction"). Every member is constexpr: usable
// in constant expressions under C++20 (and C++17 with GCC/clang >= 9).
//
// Errors (docs/design.md): growth past N through plain forms (append, +=,
// push_back, insert, replace, resize, constructors, assign) raises
// error_kind::length_error (std::length_error / the handler); a position past
// size() raises error_kind::out_of_range as in std::string. try_append,
// try_push_back, try_insert and try_assign return false and change nothing;
// append_truncating writes what fits and returns true when it had to cut.
// Nothing truncates silently.
//
// Costs: size() is one load and a subtraction; append is a compare, a memcpy
// and two byte stores; ==, compare and find(char) are memcmp / memchr;
// find(substring) tests 8 candidates per step word-wide (memchr in long
// strings). Complexity is that of std::string. Not thread-safe (like
// std::string); the object may be shared read-only between threads and ISRs.
#ifndef HEAPLESS_STRING_HPP
#define HEAPLESS_STRING_HPP

#include <cstddef>           // std::size_t, std::ptrdiff_t
#include <cstdint>           // std::uintptr_t: detecting arguments that alias the buffer
#include <cstring>           // std::memcpy, std::memmove, std::memcmp, std::memchr, std::memset
#include <initializer_list>  // std::initializer_list<char> overloads
#include <string_view>       // std::string_view, std::char_traits, std::hash<std::string_view>
#include <type_traits>       // std::enable_if_t, std::is_integral_v, std::is_same_v
#include <utility>           // std::move (resize_and_overwrite's operation)

// #include "detail/config.hpp": inlined above
// #include "detail/error.hpp": inlined above
// #include "detail/iterator.hpp": inlined above
// #include "detail/size.hpp": inlined above
// #include "detail/storage.hpp": inlined above

// Word-at-a-time substring search needs a little-endian target with cheap
// unaligned loads and a count-trailing-zeros instruction: x86, AArch64 and
// ARMv7-M and up. Elsewhere (Cortex-M0: no unaligned LDR, ctz is a libgcc
// call; RISC-V: unaligned loads may trap to an emulator) memchr is used.
#if (defined(__GNUC__) || defined(__clang__)) && defined(__BYTE_ORDER__) && \
    defined(__ORDER_LITTLE_ENDIAN__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__ && \
    (defined(__x86_64__) || defined(__i386__) || defined(__aarch64__) || \
     (defined(__arm__) && defined(__ARM_FEATURE_UNALIGNED) && defined(__ARM_FEATURE_CLZ)))
#define HEAPLESS_DETAIL_STRING_SWAR 1
#else
#define HEAPLESS_DETAIL_STRING_SWAR 0
#endif

#if HEAPLESS_HAS_THREE_WAY
#include <compare>  // std::strong_ordering (C++20 <string_view> includes it already)
#endif

namespace heapless {

template <std::size_t N>
class String;

namespace detail {

// ---- Character primitives: mem* at run time, loops in constant evaluation ----
// Each guards n == 0 so that a null pointer with a zero length (an empty
// std::string_view) never reaches a mem* function (that would be UB).
struct chars {
  static constexpr void copy(char* d, const char* s, std::size_t n) noexcept {
    if (HEAPLESS_IS_CONSTANT_EVALUATED()) {
      for (std::size_t i = 0; i < n; ++i) d[i] = s[i];
      return;
    }
    if (n != 0) std::memcpy(d, s, n);
  }
  // Overlapping ranges inside one buffer.
  static constexpr void move(char* d, const char* s, std::size_t n) noexcept {
    if (HEAPLESS_IS_CONSTANT_EVALUATED()) {
      if (d < s) {
        for (std::size_t i = 0; i < n; ++i) d[i] = s[i];
      } else {
        for (std::size_t i = n; i > 0; --i) d[i - 1] = s[i - 1];
      }
      return;
    }
    if (n != 0) std::memmove(d, s, n);
  }
  // d is the start of a buffer; s may lie in that buffer at or after d.
  static constexpr void copy_to_front(char* d, const char* s, std::size_t n) noexcept {
    if (HEAPLESS_IS_CONSTANT_EVALUATED()) {
      for (std::size_t i = 0; i < n; ++i) d[i] = s[i];
      return;
    }
    if (n != 0) std::memmove(d, s, n);
  }
  static constexpr void fill(char* d, std::size_t n, char c) noexcept {
    if (HEAPLESS_IS_CONSTANT_EVALUATED()) {
      for (std::size_t i = 0; i < n; ++i) d[i] = c;
      return;
    }
    if (n != 0) std::memset(d, static_cast<unsigned char>(c), n);
  }
  // Like std::char_traits<char>::compare: bytes compare as unsigned char.
  // compare / equal / find require valid pointers even when n == 0 (true of
  // a String's own buffer), so the hot paths carry no zero-length test; the
  // *_any forms accept the null pointer of an empty std::string_view.
  static constexpr int compare(const char* a, const char* b, std::size_t n) noexcept {
    if (HEAPLESS_IS_CONSTANT_EVALUATED()) {
      for (std::size_t i = 0; i < n; ++i) {
        const auto x = static_cast<unsigned char>(a[i]);
        const auto y = static_cast<unsigned char>(b[i]);
        if (x != y) return x < y ? -1 : 1;
      }
      return 0;
    }
    return std::memcmp(a, b, n);
  }
  static constexpr int compare_any(const char* a, const char* b, std::size_t n) noexcept {
    return n == 0 ? 0 : compare(a, b, n);
  }
  static constexpr bool equal(const char* a, const char* b, std::size_t n) noexcept {
    return compare(a, b, n) == 0;
  }
  static constexpr bool equal_any(const char* a, const char* b, std::size_t n) noexcept {
    return n == 0 || compare(a, b, n) == 0;
  }
  // First c in [s, s + n), or nullptr.
  static constexpr const char* find(const char* s, std::size_t n, char c) noexcept {
    if (HEAPLESS_IS_CONSTANT_EVALUATED()) {
      for (std::size_t i = 0; i < n; ++i)
        if (s[i] == c) return s + i;
      return nullptr;
    }
    return static_cast<const char*>(std::memchr(s, c, n));  // memchr converts c to unsigned char
  }
  static constexpr const char* find_any(const char* s, std::size_t n, char c) noexcept {
    return n == 0 ? nullptr : find(s, n, c);
  }
  // First candidate c in [p, end) with [c, c + n) == [s, s + n), or nullptr.
  // Requires n >= 2 and [p, end + n - 1) readable. Short ranges are scanned
  // a word at a time (SWAR): one step tests sizeof(word) candidates for both
  // the first and the last char of the needle with a handful of ALU
  // instructions, and only positions matching both are compared. Long
  // ranges use memchr (vectorised in every libc) to find the first char.
  static constexpr const char* search(const char* p, const char* end, const char* s, std::size_t n) noexcept {
    if (HEAPLESS_IS_CONSTANT_EVALUATED()) {
      for (; p < end; ++p)
        if (p[0] == s[0] && p[n - 1] == s[n - 1] && equal(p + 1, s + 1, n - 2)) return p;
      return nullptr;
    }
#if HEAPLESS_DETAIL_STRING_SWAR
    if (end - p > swar_limit) return search_memchr(p, end, s, n);
    const char first = s[0];
    const char last_char = s[n - 1];
    const word f = ones * static_cast<unsigned char>(first);
    const word l = ones * static_cast<unsigned char>(last_char);
    for (; end - p >= static_cast<std::ptrdiff_t>(sizeof(word)); p += sizeof(word)) {
      // A high bit in each byte where both chars match: (a | b) has a zero
      // byte exactly there (plus, rarely, false positives above a real
      // match, so every candidate is verified).
      word m = zero_bytes((load(p) ^ f) | (load(p + n - 1) ^ l));
      while (m != 0) {
        const char* c = p + lowest_byte(m);
        if (c[0] == first && c[n - 1] == last_char && equal(c + 1, s + 1, n - 2)) return c;
        m &= m - 1;
      }
    }
    for (; p < end; ++p)
      if (p[0] == first && p[n - 1] == last_char && equal(p + 1, s + 1, n - 2)) return p;
    return nullptr;
#else
    return search_memchr(p, end, s, n);
#endif
  }

  HEAPLESS_NOINLINE static const char* search_memchr(const char* p, const char* end, const char* s,
                                                     std::size_t n) noexcept {
    const char first = s[0];
    const char last_char = s[n - 1];
    while (p < end) {
      p = find(p, static_cast<std::size_t>(end - p), first);
      if (p == nullptr) return nullptr;
      if (p[n - 1] == last_char && equal(p + 1, s + 1, n - 2)) return p;
      ++p;
    }
    return nullptr;
  }

#if HEAPLESS_DETAIL_STRING_SWAR
  using word = std::conditional_t<(sizeof(void*) >= 8), std::uint64_t, std::uint32_t>;
  static constexpr word ones = static_cast<word>(~word{0} / 0xFFu);  // 0x0101...
  static constexpr word highs = static_cast<word>(ones * 0x80u);     // 0x8080...
  static constexpr std::ptrdiff_t swar_limit = 256;  // candidates; memchr wins above
  static word load(const char* p) noexcept {
    word w;
    std::memcpy(&w, p, sizeof w);
    return w;
  }
  static word zero_bytes(word v) noexcept { return static_cast<word>((v - ones) & ~v & highs); }
  static std::size_t lowest_byte(word m) noexcept {  // little-endian: lowest address first
    if constexpr (sizeof(word) == 8) return static_cast<std::size_t>(__builtin_ctzll(m)) / 8;
    else return static_cast<std::size_t>(__builtin_ctz(m)) / 8;
  }
#endif

  static constexpr std::size_t length(const char* s) noexcept { return std::char_traits<char>::length(s); }
  static constexpr int compare_sizes(std::size_t a, std::size_t b) noexcept {
    return a < b ? -1 : (a > b ? 1 : 0);
  }
  // Three-way comparison of two strings (std::string_view::compare's result sign).
  static constexpr int compare(const char* a, std::size_t na, const char* b, std::size_t nb) noexcept {
    const int r = compare(a, b, na < nb ? na : nb);
    return r != 0 ? r : compare_sizes(na, nb);
  }
  static constexpr int compare_any(const char* a, std::size_t na, const char* b, std::size_t nb) noexcept {
    const int r = compare_any(a, b, na < nb ? na : nb);
    return r != 0 ? r : compare_sizes(na, nb);
  }
};

// ---- Representation -----------------------------------------------------
struct string_uninit_tag {};

// Strings whose N + 1 bytes fit in this many are zeroed on default
// construction: as cheap as two byte stores, and constant-initialised as
// statics even where __builtin_is_constant_evaluated() defeats that (GCC).
inline constexpr std::size_t string_zero_init_bytes = 64;

// N < 256: char[N + 1]; the last byte holds N - size() (0, i.e. the NUL, when full).
// Two constructors: the value-initialising one is used in constant evaluation
// (every byte defined, so copies and reads are constant expressions; a static
// String is constant-initialised and lands in .bss), the other at run time
// (writes only the two bytes that carry meaning).
template <std::size_t N, bool Small = (N < 256)>
struct string_rep {
  union {
    empty_member empty_;
    char buf_[N + 1];
  };
  constexpr string_rep() noexcept : buf_{} { buf_[N] = static_cast<char>(static_cast<unsigned char>(N)); }
  constexpr explicit string_rep(string_uninit_tag) noexcept : empty_{} {
    buf_[0] = '\0';
    buf_[N] = static_cast<char>(static_cast<unsigned char>(N));
  }
  // The stored byte is at most N for every String the class builds. Reading it
  // through min(byte, N) keeps a corrupted byte (a String received by memcpy or
  // DMA) from turning into an out-of-bounds length, and tells the compiler that
  // size() <= N (GCC 12 otherwise warns about impossible huge mem* sizes).
  // Free for N == 255; one compare-and-select otherwise.
  constexpr std::size_t free_byte_() const noexcept {
    const std::size_t a = stored_free();
    return a <= N ? a : N;
  }
  /// The stored byte as is (above N only in bytes no String wrote).
  constexpr unsigned stored_free() const noexcept { return static_cast<unsigned char>(buf_[N]); }
  constexpr std::size_t size() const noexcept { return N - free_byte_(); }
  constexpr std::size_t available() const noexcept { return free_byte_(); }
  // Stores the length only (the caller writes the NUL at N - a first).
  constexpr void store_available(std::size_t a) noexcept { buf_[N] = static_cast<char>(static_cast<unsigned char>(a)); }
  constexpr void set_size(std::size_t n) noexcept {
    buf_[n] = '\0';
    store_available(N - n);
  }
};

// N >= 256: char[N + 1] always NUL-terminated at size(), then the length.
template <std::size_t N>
struct string_rep<N, false> {
  union {
    empty_member empty_;
    char buf_[N + 1];
  };
  smallest_size_t<N> size_;
  constexpr string_rep() noexcept : buf_{}, size_{0} {}
  constexpr explicit string_rep(string_uninit_tag) noexcept : empty_{}, size_{0} { buf_[0] = '\0'; }
  constexpr std::size_t size() const noexcept { return size_; }
  constexpr std::size_t available() const noexcept { return N - size_; }
  constexpr void store_available(std::size_t a) noexcept { size_ = static_cast<smallest_size_t<N>>(N - a); }
  constexpr void set_size(std::size_t n) noexcept {
    buf_[n] = '\0';
    size_ = static_cast<smallest_size_t<N>>(n);
  }
};

template <class It>
using if_input_iterator_t =
    std::enable_if_t<!std::is_integral_v<It> &&
                         std::is_base_of_v<std::input_iterator_tag,
                                           typename std::iterator_traits<It>::iterator_category>,
                     int>;

template <class It>
inline constexpr bool is_char_pointer_v =
    std::is_same_v<It, char*> || std::is_same_v<It, const char*>;

// Iterator-position overloads are templates restricted to char* / const char*
// so that a literal 0 picks the index overload (insert(0, 2, 'x'), erase(0),
// replace(0, 1, ...)) instead of being ambiguous with a null iterator.
template <class P>
using if_iterator_t = std::enable_if_t<is_char_pointer_v<P>, int>;
template <class P, class Q>
using if_iterators_t = std::enable_if_t<is_char_pointer_v<P> && is_char_pointer_v<Q>, int>;

}  // namespace detail

/// A string of at most N chars stored inside the object, always NUL-terminated.
/// Member names, overloads and semantics follow std::string; see the header
/// comment for layout, errors and costs.
template <std::size_t N>
class String {
  using rep_type = detail::string_rep<N>;

 public:
  using traits_type = std::char_traits<char>;
  using value_type = char;
  using size_type = std::size_t;
  using difference_type = std::ptrdiff_t;
  using reference = char&;
  using const_reference = const char&;
  using pointer = char*;
  using const_pointer = const char*;
  using iterator = char*;
  using const_iterator = const char*;
  using reverse_iterator = std::reverse_iterator<iterator>;
  using const_reverse_iterator = std::reverse_iterator<const_iterator>;

  static constexpr size_type npos = static_cast<size_type>(-1);

  // ---- Construction ([string.cons]) ------------------------------------

  /// Empty string. O(1). For N < 64 it zeroes its N + 1 bytes (at most four
  /// 16-byte stores) and is constant-initialised as a static on every
  /// compiler; for N >= 64 it writes only data()[0] and the last byte (see
  /// "Default construction" in docs/string.md for GCC's static-init caveat).
  constexpr String() noexcept : rep_(empty_rep_()) {}

  /// From a NUL-terminated string (non-null). Raises length_error when longer than N.
  constexpr String(const char* s) : String() { append(s); }  // NOLINT: implicit like std::string
  /// From [s, s + n). Raises length_error when n > N.
  constexpr String(const char* s, size_type n) : String() { append(s, n); }
  /// From a view (explicit, as std::string's). Raises length_error when longer than N.
  constexpr explicit String(std::string_view sv) : String() { append(sv.data(), sv.size()); }
  /// The substring [pos, pos + count) of sv. Raises out_of_range when pos > sv.size().
  constexpr String(std::string_view sv, size_type pos, size_type count) : String() { append(sv, pos, count); }
  /// count copies of ch. Raises length_error when count > N.
  constexpr String(size_type count, char ch) : String() { append(count, ch); }
  /// From [first, last). Raises length_error when the range is longer than N.
  template <class It, detail::if_input_iterator_t<It> = 0>
  constexpr String(It first, It last) : String() {
    append(first, last);
  }
  constexpr String(std::initializer_list<char> il) : String() { append(il.begin(), il.size()); }
  /// From a String of smaller or equal capacity: never fails.
  template <std::size_t M, std::enable_if_t<(M < N), int> = 0>
  constexpr String(const String<M>& other) noexcept : String() {  // NOLINT: implicit, cannot fail
    unchecked_append(other.data(), other.size());
  }
  /// From a String of larger capacity. Raises length_error when other.size() > N.
  template <std::size_t M, std::enable_if_t<(M > N), int> = 0>
  constexpr explicit String(const String<M>& other) : String() {
    append(other.data(), other.size());
  }
  String(std::nullptr_t) = delete;

  // Copy and move are trivial (memcpy of sizeof(*this) bytes).

  // ---- Assignment ([string.assign]) ----------------------------------

  constexpr String& operator=(const char* s) { return assign(s); }
  constexpr String& operator=(std::string_view sv) { return assign(sv); }
  constexpr String& operator=(char ch) { return assign(size_type{1}, ch); }
  constexpr String& operator=(std::initializer_list<char> il) { return assign(il.begin(), il.size()); }
  template <std::size_t M, std::enable_if_t<(M != N), int> = 0>
  constexpr String& operator=(const String<M>& other) {
    return assign(other.data(), other.size());
  }

  /// Replaces the contents with [s, s + n), which may lie inside *this.
  /// Raises length_error when n > N (then *this is unchanged).
  constexpr String& assign(const char* s, size_type n) {
    if (HEAPLESS_UNLIKELY(n > N)) detail::raise(error_kind::length_error, "heapless::String::assign: length exceeds capacity");
    assign_unchecked_(s, n);
    return *this;
  }
  constexpr String& assign(const char* s) { return assign(s, detail::chars::length(s)); }
  constexpr String& assign(std::string_view sv) { return assign(sv.data(), sv.size()); }
  /// Replaces the contents with sv.substr(pos, count); out_of_range when pos > sv.size().
  constexpr String& assign(std::string_view sv, size_type pos, size_type count = npos) {
    return assign(sub_(sv, pos, count));
  }
  constexpr String& assign(size_type count, char ch) {
    if (HEAPLESS_UNLIKELY(count > N)) detail::raise(error_kind::length_error, "heapless::String::assign: length exceeds capacity");
    detail::chars::fill(buf_(), count, ch);
    set_size_(count);
    return *this;
  }
  template <class It, detail::if_input_iterator_t<It> = 0>
  constexpr String& assign(It first, It last) {
    String tmp(first, last);  // strong guarantee; the range may point into *this
    return *this = tmp;
  }
  constexpr String& assign(std::initializer_list<char> il) { return assign(il.begin(), il.size()); }

  /// Replaces the contents with sv when it fits; otherwise returns false and changes nothing.
  [[nodiscard]] constexpr bool try_assign(std::string_view sv) noexcept {
    if (sv.size() > N) return false;
    assign_unchecked_(sv.data(), sv.size());
    return true;
  }
  [[nodiscard]] constexpr bool try_assign(const char* s, size_type n) noexcept {
    return try_assign(std::string_view(s, n));
  }
  [[nodiscard]] constexpr bool try_assign(size_type count, char ch) noexcept {
    if (count > N) return false;
    detail::chars::fill(buf_(), count, ch);
    set_size_(count);
    return true;
  }

  // ---- Element access ([string.access]) ------------------------------

  /// Precondition (HEAPLESS_ASSERT): pos <= size(); [size()] is the NUL.
  constexpr reference operator[](size_type pos) noexcept {
    HEAPLESS_ASSERT(pos <= size(), "heapless::String::operator[]: index out of range");
    return buf_()[pos];
  }
  constexpr const_reference operator[](size_type pos) const noexcept {
    HEAPLESS_ASSERT(pos <= size(), "heapless::String::operator[]: index out of range");
    return buf_()[pos];
  }
  /// Raises out_of_range when pos >= size().
  constexpr reference at(size_type pos) {
    if (HEAPLESS_UNLIKELY(pos >= size())) detail::raise(error_kind::out_of_range, "heapless::String::at: index out of range");
    return buf_()[pos];
  }
  constexpr const_reference at(size_type pos) const {
    if (HEAPLESS_UNLIKELY(pos >= size())) detail::raise(error_kind::out_of_range, "heapless::String::at: index out of range");
    return buf_()[pos];
  }
  /// Precondition (HEAPLESS_ASSERT): !empty().
  constexpr reference front() noexcept {
    HEAPLESS_ASSERT(!empty(), "heapless::String::front: empty string");
    return buf_()[0];
  }
  constexpr const_reference front() const noexcept {
    HEAPLESS_ASSERT(!empty(), "heapless::String::front: empty string");
    return buf_()[0];
  }
  /// Precondition (HEAPLESS_ASSERT): !empty().
  constexpr reference back() noexcept {
    HEAPLESS_ASSERT(!empty(), "heapless::String::back: empty string");
    return buf_()[size() - 1];
  }
  constexpr const_reference back() const noexcept {
    HEAPLESS_ASSERT(!empty(), "heapless::String::back: empty string");
    return buf_()[size() - 1];
  }
  /// Always NUL-terminated: data()[size()] == '\0'. Do not write that byte
  /// (or past it) through the pointer: the length lives there when not full.
  constexpr char* data() noexcept { return buf_(); }
  constexpr const char* data() const noexcept { return buf_(); }
  constexpr const char* c_str() const noexcept { return buf_(); }
  constexpr operator std::string_view() const noexcept { return {buf_(), size()}; }  // NOLINT: implicit like std::string
  /// The contents as a std::string_view (same as the implicit conversion).
  constexpr std::string_view view() const noexcept { return {buf_(), size()}; }

  // ---- Iterators ----------------------------------------------------

  constexpr iterator begin() noexcept { return buf_(); }
  constexpr const_iterator begin() const noexcept { return buf_(); }
  constexpr const_iterator cbegin() const noexcept { return buf_(); }
  constexpr iterator end() noexcept { return buf_() + size(); }
  constexpr const_iterator end() const noexcept { return buf_() + size(); }
  constexpr const_iterator cend() const noexcept { return buf_() + size(); }
  constexpr reverse_iterator rbegin() noexcept { return reverse_iterator(end()); }
  constexpr const_reverse_iterator rbegin() const noexcept { return const_reverse_iterator(end()); }
  constexpr const_reverse_iterator crbegin() const noexcept { return const_reverse_iterator(end()); }
  constexpr reverse_iterator rend() noexcept { return reverse_iterator(begin()); }
  constexpr const_reverse_iterator rend() const noexcept { return const_reverse_iterator(begin()); }
  constexpr const_reverse_iterator crend() const noexcept { return const_reverse_iterator(begin()); }

  // ---- Capacity ([string.capacity]) ----------------------------------

  [[nodiscard]] constexpr bool empty() const noexcept { return size() == 0; }
  [[nodiscard]] constexpr bool full() const noexcept { return size() == N; }
  constexpr size_type size() const noexcept { return rep_.size(); }
  constexpr size_type length() const noexcept { return rep_.size(); }
  static constexpr size_type capacity() noexcept { return N; }
  static constexpr size_type max_size() noexcept { return N; }
  /// Chars that can still be appended: N - size().
  constexpr size_type available() const noexcept { return rep_.available(); }
  /// For std::string compatibility: raises length_error when n > N, else does nothing.
  constexpr void reserve(size_type n) const {
    if (HEAPLESS_UNLIKELY(n > N)) detail::raise(error_kind::length_error, "heapless::String::reserve: exceeds capacity");
  }
  constexpr void shrink_to_fit() noexcept {}

  // ---- Modifiers ([string.modifiers]) --------------------------------

  constexpr void clear() noexcept { set_size_(0); }

  /// Raises length_error when full.
  constexpr void push_back(char ch) {
    const size_type room = available();
    if (HEAPLESS_UNLIKELY(room == 0)) detail::raise(error_kind::length_error, "heapless::String::push_back: full");
    append_fill_(1, ch, room);
  }
  /// Appends ch unless full; returns whether it did.
  [[nodiscard]] constexpr bool try_push_back(char ch) noexcept {
    const size_type room = available();
    if (room == 0) return false;
    append_fill_(1, ch, room);
    return true;
  }
  /// Precondition (HEAPLESS_ASSERT): !full().
  constexpr void unchecked_push_back(char ch) noexcept {
    const size_type room = available();
    HEAPLESS_ASSERT(room != 0, "heapless::String::unchecked_push_back: full");
    append_fill_(1, ch, room);
  }
  /// Precondition (HEAPLESS_ASSERT): !empty().
  constexpr void pop_back() noexcept {
    const size_type n = size();
    HEAPLESS_ASSERT(n != 0, "heapless::String::pop_back: empty string");
    // String<0> is always empty: no code that indexes its one-byte buffer at n - 1.
    if constexpr (N != 0) set_size_(n - 1);
  }

  /// Appends [s, s + n). Raises length_error when size() + n > N (then *this is unchanged).
  constexpr String& append(const char* s, size_type n) {
    const size_type room = available();
    if (HEAPLESS_UNLIKELY(n > room)) detail::raise(error_kind::length_error, "heapless::String::append: exceeds capacity");
    append_copy_(s, n, room);
    return *this;
  }
  constexpr String& append(const char* s) { return append(s, detail::chars::length(s)); }
  constexpr String& append(std::string_view sv) { return append(sv.data(), sv.size()); }
  /// Appends sv.substr(pos, count); out_of_range when pos > sv.size().
  constexpr String& append(std::string_view sv, size_type pos, size_type count = npos) {
    return append(sub_(sv, pos, count));
  }
  constexpr String& append(size_type count, char ch) {
    const size_type room = available();
    if (HEAPLESS_UNLIKELY(count > room)) detail::raise(error_kind::length_error, "heapless::String::append: exceeds capacity");
    append_fill_(count, ch, room);
    return *this;
  }
  /// Appends [first, last). Strong guarantee: on length_error *this is unchanged.
  template <class It, detail::if_input_iterator_t<It> = 0>
  constexpr String& append(It first, It last) {
    using category = typename std::iterator_traits<It>::iterator_category;
    if constexpr (detail::is_char_pointer_v<It>) {
      return append(first, static_cast<size_type>(last - first));
    } else if constexpr (std::is_base_of_v<std::forward_iterator_tag, category>) {
      const size_type len = size();
      const auto count = static_cast<size_type>(std::distance(first, last));
      if (HEAPLESS_UNLIKELY(count > N - len)) detail::raise(error_kind::length_error, "heapless::String::append: exceeds capacity");
      char* p = buf_() + len;
      for (; first != last; ++first) *p++ = static_cast<char>(*first);
      set_size_(len + count);
      return *this;
    } else {
      size_type len = size();
      const size_type old = len;
      for (; first != last; ++first) {
        if (HEAPLESS_UNLIKELY(len == N)) {
          set_size_(old);
          detail::raise(error_kind::length_error, "heapless::String::append: exceeds capacity");
        }
        buf_()[len++] = static_cast<char>(*first);
      }
      set_size_(len);
      return *this;
    }
  }
  constexpr String& append(std::initializer_list<char> il) { return append(il.begin(), il.size()); }

  constexpr String& operator+=(char ch) {
    push_back(ch);
    return *this;
  }
  constexpr String& operator+=(const char* s) { return append(s); }
  constexpr String& operator+=(std::string_view sv) { return append(sv.data(), sv.size()); }
  constexpr String& operator+=(std::initializer_list<char> il) { return append(il.begin(), il.size()); }

  /// Appends [s, s + n) when it fits; otherwise returns false and changes nothing.
  [[nodiscard]] constexpr bool try_append(const char* s, size_type n) noexcept {
    const size_type room = available();
    if (n > room) return false;
    append_copy_(s, n, room);
    return true;
  }
  [[nodiscard]] constexpr bool try_append(std::string_view sv) noexcept { return try_append(sv.data(), sv.size()); }
  [[nodiscard]] constexpr bool try_append(size_type count, char ch) noexcept {
    const size_type room = available();
    if (count > room) return false;
    append_fill_(count, ch, room);
    return true;
  }
  [[nodiscard]] constexpr bool try_append(char ch) noexcept { return try_push_back(ch); }

  /// Appends as much of sv as fits. Returns true when it had to cut (some of
  /// sv was not appended), false when all of sv was appended. Never raises.
  constexpr bool append_truncating(std::string_view sv) noexcept {
    const size_type room = available();
    const bool cut = sv.size() > room;
    append_copy_(sv.data(), cut ? room : sv.size(), room);
    return cut;
  }
  /// Appends min(count, available()) copies of ch. Returns true when it had to cut.
  constexpr bool append_truncating(size_type count, char ch) noexcept {
    const size_type room = available();
    const bool cut = count > room;
    append_fill_(cut ? room : count, ch, room);
    return cut;
  }

  /// Precondition (HEAPLESS_ASSERT): size() + n <= N.
  constexpr String& unchecked_append(const char* s, size_type n) noexcept {
    const size_type room = available();
    HEAPLESS_ASSERT(n <= room, "heapless::String::unchecked_append: exceeds capacity");
    append_copy_(s, n, room);
    return *this;
  }
  constexpr String& unchecked_append(std::string_view sv) noexcept { return unchecked_append(sv.data(), sv.size()); }

  /// Inserts count copies of ch before pos. out_of_range when pos > size();
  /// length_error when the result would exceed N. O(size()).
  constexpr String& insert(size_type pos, size_type count, char ch) { return replace(pos, 0, count, ch); }
  /// Inserts [s, s + n) before pos; s may point into *this.
  constexpr String& insert(size_type pos, const char* s, size_type n) { return replace(pos, 0, s, n); }
  constexpr String& insert(size_type pos, const char* s) { return replace(pos, 0, s, detail::chars::length(s)); }
  constexpr String& insert(size_type pos, std::string_view sv) { return replace(pos, 0, sv.data(), sv.size()); }
  constexpr String& insert(size_type pos, std::string_view sv, size_type subpos, size_type subcount = npos) {
    return insert(pos, sub_(sv, subpos, subcount));
  }
  template <class P, detail::if_iterator_t<P> = 0>
  constexpr iterator insert(P p, char ch) {
    return insert(p, size_type{1}, ch);
  }
  template <class P, detail::if_iterator_t<P> = 0>
  constexpr iterator insert(P p, size_type count, char ch) {
    const size_type pos = index_of_(p);
    replace(pos, 0, count, ch);
    return buf_() + pos;
  }
  template <class P, class It, detail::if_iterator_t<P> = 0, detail::if_input_iterator_t<It> = 0>
  constexpr iterator insert(P p, It first, It last) {
    const size_type pos = index_of_(p);
    const String tmp(first, last);  // the range may point into *this
    replace(pos, 0, tmp.data(), tmp.size());
    return buf_() + pos;
  }
  template <class P, detail::if_iterator_t<P> = 0>
  constexpr iterator insert(P p, std::initializer_list<char> il) {
    const size_type pos = index_of_(p);
    replace_checked_<false>(pos, 0, il.begin(), il.size());
    return buf_() + pos;
  }

  /// Inserts sv before pos when it fits; otherwise returns false and changes
  /// nothing. pos > size() still raises out_of_range (a bug, not a full string).
  [[nodiscard]] constexpr bool try_insert(size_type pos, std::string_view sv) {
    check_pos_(pos, "heapless::String::try_insert: position out of range");
    if (sv.size() > N - size()) return false;
    replace_unchecked_(pos, 0, sv.data(), sv.size());
    return true;
  }
  [[nodiscard]] constexpr bool try_insert(size_type pos, size_type count, char ch) {
    check_pos_(pos, "heapless::String::try_insert: position out of range");
    if (count > N - size()) return false;
    replace_fill_unchecked_(pos, 0, count, ch);
    return true;
  }

  /// Removes [pos, pos + min(count, size() - pos)). out_of_range when pos > size().
  constexpr String& erase(size_type pos = 0, size_type count = npos) {
    check_pos_(pos, "heapless::String::erase: position out of range");
    const size_type len = size();
    const size_type n = clamp_(count, len - pos);
    detail::chars::move(buf_() + pos, buf_() + pos + n, len - pos - n);
    set_size_(len - n);
    return *this;
  }
  /// Precondition (HEAPLESS_ASSERT): p is a dereferenceable iterator into *this.
  template <class P, detail::if_iterator_t<P> = 0>
  constexpr iterator erase(P p) noexcept {
    const size_type pos = index_of_(p);
    HEAPLESS_ASSERT(pos < size(), "heapless::String::erase: iterator not dereferenceable");
    const size_type len = size();
    detail::chars::move(buf_() + pos, buf_() + pos + 1, len - pos - 1);
    set_size_(len - 1);
    return buf_() + pos;
  }
  template <class P, class Q, detail::if_iterators_t<P, Q> = 0>
  constexpr iterator erase(P first, Q last) noexcept {
    const size_type pos = index_of_(first);
    const size_type end_pos = index_of_(last);
    HEAPLESS_ASSERT(pos <= end_pos, "heapless::String::erase: invalid range");
    const size_type len = size();
    detail::chars::move(buf_() + pos, buf_() + end_pos, len - end_pos);
    set_size_(len - (end_pos - pos));
    return buf_() + pos;
  }

  /// Replaces [pos, pos + min(count, size() - pos)) with [s, s + n); s may
  /// point into *this. out_of_range when pos > size(); length_error when the
  /// result would exceed N (then *this is unchanged). O(size()).
  constexpr String& replace(size_type pos, size_type count, const char* s, size_type n) {
    return replace_checked_<true>(pos, count, s, n);
  }
  constexpr String& replace(size_type pos, size_type count, const char* s) {
    return replace(pos, count, s, detail::chars::length(s));
  }
  constexpr String& replace(size_type pos, size_type count, std::string_view sv) {
    return replace(pos, count, sv.data(), sv.size());
  }
  constexpr String& replace(size_type pos, size_type count, std::string_view sv, size_type subpos,
                            size_type subcount = npos) {
    return replace(pos, count, sub_(sv, subpos, subcount));
  }
  constexpr String& replace(size_type pos, size_type count, size_type count2, char ch) {
    check_pos_(pos, "heapless::String::replace: position out of range");
    const size_type len = size();
    count = clamp_(count, len - pos);
    if (HEAPLESS_UNLIKELY(count2 > N - (len - count))) detail::raise(error_kind::length_error, "heapless::String::replace: exceeds capacity");
    replace_fill_unchecked_(pos, count, count2, ch);
    return *this;
  }
  template <class P, class Q, detail::if_iterators_t<P, Q> = 0>
  constexpr String& replace(P first, Q last, std::string_view sv) {
    return replace(index_of_(first), range_len_(first, last), sv.data(), sv.size());
  }
  template <class P, class Q, detail::if_iterators_t<P, Q> = 0>
  constexpr String& replace(P first, Q last, const char* s, size_type n) {
    return replace(index_of_(first), range_len_(first, last), s, n);
  }
  template <class P, class Q, detail::if_iterators_t<P, Q> = 0>
  constexpr String& replace(P first, Q last, const char* s) {
    return replace(index_of_(first), range_len_(first, last), s, detail::chars::length(s));
  }
  template <class P, class Q, detail::if_iterators_t<P, Q> = 0>
  constexpr String& replace(P first, Q last, size_type count2, char ch) {
    return replace(index_of_(first), range_len_(first, last), count2, ch);
  }
  template <class P, class Q, class It, detail::if_iterators_t<P, Q> = 0, detail::if_input_iterator_t<It> = 0>
  constexpr String& replace(P first, Q last, It first2, It last2) {
    const String tmp(first2, last2);  // the range may point into *this
    return replace(index_of_(first), range_len_(first, last), tmp.data(), tmp.size());
  }
  template <class P, class Q, detail::if_iterators_t<P, Q> = 0>
  constexpr String& replace(P first, Q last, std::initializer_list<char> il) {
    return replace_checked_<false>(index_of_(first), range_len_(first, last), il.begin(), il.size());
  }

  /// Copies min(count, size() - pos) chars to dest (no NUL added) and returns
  /// that number. out_of_range when pos > size().
  constexpr size_type copy(char* dest, size_type count, size_type pos = 0) const {
    check_pos_(pos, "heapless::String::copy: position out of range");
    const size_type n = clamp_(count, size() - pos);
    detail::chars::copy(dest, buf_() + pos, n);
    return n;
  }

  /// Shrinks to n chars or appends n - size() copies of ch. length_error when n > N.
  constexpr void resize(size_type n, char ch) {
    if (HEAPLESS_UNLIKELY(n > N)) detail::raise(error_kind::length_error, "heapless::String::resize: exceeds capacity");
    const size_type len = size();
    // n - len <= N states what n <= N and n > len imply, for GCC 12's
    // -Wstringop-overflow, which cannot bound size() (N minus a stored byte).
    if (n > len && n - len <= N) detail::chars::fill(buf_() + len, n - len, ch);
    set_size_(n);
  }
  constexpr void resize(size_type n) { resize(n, '\0'); }

  /// C++23 std::string::resize_and_overwrite: raises length_error when
  /// count > N; otherwise calls op(data(), count), which may write
  /// data()[0, count] (the first min(size(), count) chars hold the old
  /// contents; data()[count] may receive a NUL, e.g. from snprintf) and
  /// returns the new size r (any integer type) with 0 <= r <= count; the
  /// string then holds data()[0, r), NUL-terminated. An r outside
  /// [0, count] raises length_error (std: undefined behaviour). O(1) + op.
  template <class Operation>
  constexpr void resize_and_overwrite(size_type count, Operation op) {
    if (HEAPLESS_UNLIKELY(count > N)) detail::raise(error_kind::length_error, "heapless::String::resize_and_overwrite: exceeds capacity");
    const auto r = std::move(op)(buf_(), count);
    static_assert(std::is_integral_v<decltype(r)> && !std::is_same_v<std::remove_cv_t<decltype(r)>, bool>,
                  "resize_and_overwrite: the operation must return an integer");
    if constexpr (std::is_signed_v<decltype(r)>) {
      if (HEAPLESS_UNLIKELY(r < 0)) detail::raise(error_kind::length_error, "heapless::String::resize_and_overwrite: negative size");
    }
    if (HEAPLESS_UNLIKELY(static_cast<std::make_unsigned_t<decltype(r)>>(r) > count))
      detail::raise(error_kind::length_error, "heapless::String::resize_and_overwrite: operation returned more than count");
    set_size_(static_cast<size_type>(r));
  }

  constexpr void swap(String& other) noexcept {
    const String tmp = other;
    other = *this;
    *this = tmp;
  }

  // ---- Search ([string.find]) -----------------------------------------
  // Each takes (string_view, pos), (const char* s, pos, n) and (char, pos);
  // a const char*, std::string or String<M> converts to string_view.

  /// First occurrence of [s, s + n) at or after pos, or npos. O(size() * n)
  /// worst case; candidates must match the needle's first and last chars
  /// (found a word at a time, or by memchr in long strings) before memcmp.
  constexpr size_type find(const char* s, size_type pos, size_type n) const noexcept {
    const size_type len = size();
    if (n == 0) return pos <= len ? pos : npos;
    if (n == 1) return find(s[0], pos);
    if (pos >= len || n > len - pos) return npos;
    const char* const b = buf_();
    const char* const p = detail::chars::search(b + pos, b + (len - n + 1), s, n);
    return p != nullptr ? static_cast<size_type>(p - b) : npos;
  }
  constexpr size_type find(std::string_view sv, size_type pos = 0) const noexcept { return find(sv.data(), pos, sv.size()); }
  constexpr size_type find(char ch, size_type pos = 0) const noexcept {
    const size_type len = size();
    if (pos > len) return npos;  // pos == len: memchr of 0 bytes (folds away for pos == 0)
    const char* const b = buf_();
    const char* p = detail::chars::find(b + pos, len - pos, ch);
    return p != nullptr ? static_cast<size_type>(p - b) : npos;
  }

  /// Last occurrence of [s, s + n) starting at or before pos, or npos.
  constexpr size_type rfind(const char* s, size_type pos, size_type n) const noexcept {
    const size_type len = size();
    if (n > len) return npos;
    size_type i = clamp_(pos, len - n);
    const char* const b = buf_();
    for (;;) {
      if (detail::chars::equal_any(b + i, s, n)) return i;
      if (i == 0) return npos;
      --i;
    }
  }
  constexpr size_type rfind(std::string_view sv, size_type pos = npos) const noexcept { return rfind(sv.data(), pos, sv.size()); }
  constexpr size_type rfind(char ch, size_type pos = npos) const noexcept {
    const size_type len = size();
    if (len == 0) return npos;
    const char* const b = buf_();
    for (size_type i = clamp_(pos, len - 1) + 1; i-- > 0;)
      if (b[i] == ch) return i;
    return npos;
  }

  /// First char at or after pos that is one of [s, s + n), or npos.
  constexpr size_type find_first_of(const char* s, size_type pos, size_type n) const noexcept {
    if (n == 1) return find(s[0], pos);
    const size_type len = size();
    const char* const b = buf_();
    for (size_type i = pos; i < len; ++i)
      if (detail::chars::find_any(s, n, b[i]) != nullptr) return i;
    return npos;
  }
  constexpr size_type find_first_of(std::string_view sv, size_type pos = 0) const noexcept {
    return find_first_of(sv.data(), pos, sv.size());
  }
  constexpr size_type find_first_of(char ch, size_type pos = 0) const noexcept { return find(ch, pos); }

  /// Last char at or before pos that is one of [s, s + n), or npos.
  constexpr size_type find_last_of(const char* s, size_type pos, size_type n) const noexcept {
    const size_type len = size();
    if (len == 0 || n == 0) return npos;
    const char* const b = buf_();
    for (size_type i = clamp_(pos, len - 1) + 1; i-- > 0;)
      if (detail::chars::find_any(s, n, b[i]) != nullptr) return i;
    return npos;
  }
  constexpr size_type find_last_of(std::string_view sv, size_type pos = npos) const noexcept {
    return find_last_of(sv.data(), pos, sv.size());
  }
  constexpr size_type find_last_of(char ch, size_type pos = npos) const noexcept { return rfind(ch, pos); }

  /// First char at or after pos that is not one of [s, s + n), or npos.
  constexpr size_type find_first_not_of(const char* s, size_type pos, size_type n) const noexcept {
    const size_type len = size();
    const char* const b = buf_();
    for (size_type i = pos; i < len; ++i)
      if (detail::chars::find_any(s, n, b[i]) == nullptr) return i;
    return npos;
  }
  constexpr size_type find_first_not_of(std::string_view sv, size_type pos = 0) const noexcept {
    return find_first_not_of(sv.data(), pos, sv.size());
  }
  constexpr size_type find_first_not_of(char ch, size_type pos = 0) const noexcept {
    return find_first_not_of(&ch, pos, 1);
  }

  /// Last char at or before pos that is not one of [s, s + n), or npos.
  constexpr size_type find_last_not_of(const char* s, size_type pos, size_type n) const noexcept {
    const size_type len = size();
    if (len == 0) return npos;
    const char* const b = buf_();
    for (size_type i = clamp_(pos, len - 1) + 1; i-- > 0;)
      if (detail::chars::find_any(s, n, b[i]) == nullptr) return i;
    return npos;
  }
  constexpr size_type find_last_not_of(std::string_view sv, size_type pos = npos) const noexcept {
    return find_last_not_of(sv.data(), pos, sv.size());
  }
  constexpr size_type find_last_not_of(char ch, size_type pos = npos) const noexcept {
    return find_last_not_of(&ch, pos, 1);
  }

  constexpr bool starts_with(std::string_view sv) const noexcept {
    return sv.size() <= size() && detail::chars::equal_any(buf_(), sv.data(), sv.size());
  }
  constexpr bool starts_with(char ch) const noexcept { return !empty() && buf_()[0] == ch; }
  constexpr bool ends_with(std::string_view sv) const noexcept {
    const size_type len = size();
    return sv.size() <= len && detail::chars::equal_any(buf_() + (len - sv.size()), sv.data(), sv.size());
  }
  constexpr bool ends_with(char ch) const noexcept { return !empty() && buf_()[size() - 1] == ch; }
  constexpr bool contains(std::string_view sv) const noexcept { return find(sv) != npos; }
  constexpr bool contains(char ch) const noexcept { return find(ch) != npos; }

  // ---- Operations ([string.ops]) --------------------------------------

  /// [pos, pos + min(count, size() - pos)) as a String<N>; out_of_range when pos > size().
  constexpr String substr(size_type pos = 0, size_type count = npos) const {
    check_pos_(pos, "heapless::String::substr: position out of range");
    String r;
    r.unchecked_append(buf_() + pos, clamp_(count, size() - pos));
    return r;
  }

  /// Three-way comparison as std::string::compare: <0, 0 or >0.
  constexpr int compare(std::string_view sv) const noexcept {
    return detail::chars::compare_any(buf_(), size(), sv.data(), sv.size());
  }
  template <std::size_t M>
  constexpr int compare(const String<M>& other) const noexcept {
    if constexpr (M == N && N < 256) {
      // Same capacity: compare the free-capacity bytes instead of decoding
      // both sizes (more free space = shorter string).
      const unsigned free_a = rep_.stored_free();
      const unsigned free_b = other.rep_.stored_free();
      const unsigned most = free_a > free_b ? free_a : free_b;
      // A byte above N (never written by a String; bytes received by memcpy
      // or DMA) takes the general path, which decodes it as size() does.
      if (HEAPLESS_UNLIKELY(most > N)) return detail::chars::compare(buf_(), size(), other.data(), other.size());
      const int r = detail::chars::compare(buf_(), other.buf_(), N - most);
      return r != 0 ? r : static_cast<int>(free_b) - static_cast<int>(free_a);  // only the sign is specified
    } else {
      return detail::chars::compare(buf_(), size(), other.data(), other.size());
    }
  }
  /// Compares substr(pos, count) with sv; out_of_range when pos > size().
  constexpr int compare(size_type pos, size_type count, std::string_view sv) const {
    check_pos_(pos, "heapless::String::compare: position out of range");
    return detail::chars::compare_any(buf_() + pos, clamp_(count, size() - pos), sv.data(), sv.size());
  }
  constexpr int compare(size_type pos, size_type count, std::string_view sv, size_type pos2,
                        size_type count2 = npos) const {
    return compare(pos, count, sub_(sv, pos2, count2));
  }
  constexpr int compare(size_type pos, size_type count, const char* s, size_type n) const {
    return compare(pos, count, std::string_view(s, n));
  }

 private:
  template <std::size_t>
  friend class String;
  template <std::size_t A, std::size_t B>
  friend constexpr bool operator==(const String<A>& a, const String<B>& b) noexcept;

  // GCC (12 at least) evaluates the initialiser of a non-constexpr,
  // non-constinit static with __builtin_is_constant_evaluated() unknown and
  // falls back to dynamic initialisation, so the small case avoids it.
  static constexpr rep_type empty_rep_() noexcept {
    if constexpr (N + 1 <= detail::string_zero_init_bytes) {
      return rep_type();
    } else {
      return HEAPLESS_IS_CONSTANT_EVALUATED() ? rep_type() : rep_type(detail::string_uninit_tag{});
    }
  }

  constexpr char* buf_() noexcept { return rep_.buf_; }
  constexpr const char* buf_() const noexcept { return rep_.buf_; }
  constexpr void set_size_(size_type n) noexcept { rep_.set_size(n); }

  // The append paths work on the free capacity (the stored byte for N < 256)
  // rather than the size: no decode/encode between appends.
  // Preconditions: room == available(), n <= room.
  constexpr void append_copy_(const char* s, size_type n, size_type room) noexcept {
    char* const end = buf_() + (N - room);
    detail::chars::copy(end, s, n);
    end[n] = '\0';
    rep_.store_available(room - n);
  }
  constexpr void append_fill_(size_type n, char ch, size_type room) noexcept {
    char* const end = buf_() + (N - room);
    detail::chars::fill(end, n, ch);
    end[n] = '\0';
    rep_.store_available(room - n);
  }

  static constexpr size_type clamp_(size_type count, size_type max) noexcept { return count < max ? count : max; }

  constexpr void check_pos_(size_type pos, const char* what) const {
    if (HEAPLESS_UNLIKELY(pos > size())) detail::raise(error_kind::out_of_range, what);
  }
  static constexpr std::string_view sub_(std::string_view sv, size_type pos, size_type count) {
    if (HEAPLESS_UNLIKELY(pos > sv.size())) detail::raise(error_kind::out_of_range, "heapless::String: substring position out of range");
    return std::string_view(sv.data() + pos, clamp_(count, sv.size() - pos));
  }
  constexpr size_type index_of_(const_iterator p) const noexcept {
    HEAPLESS_ASSERT(p >= buf_() && p <= buf_() + size(), "heapless::String: iterator out of range");
    return static_cast<size_type>(p - buf_());
  }
  static constexpr size_type range_len_(const_iterator first, const_iterator last) noexcept {
    HEAPLESS_ASSERT(first <= last, "heapless::String: invalid iterator range");
    return static_cast<size_type>(last - first);
  }

  // Whether [s, s + 1) lies inside this object's buffer (run time only).
  bool inside_(const char* s) const noexcept {
    const auto b = reinterpret_cast<std::uintptr_t>(buf_());
    const auto p = reinterpret_cast<std::uintptr_t>(s);
    return p >= b && p < b + (N + 1);
  }

  // n <= N. [s, s + n) may overlap the buffer: copying to the front is safe
  // with a forward copy / memmove.
  constexpr void assign_unchecked_(const char* s, size_type n) noexcept {
    detail::chars::copy_to_front(buf_(), s, n);
    set_size_(n);
  }

  // Constant evaluation cannot compare pointers into different objects, so a
  // source that may alias *this is first copied into a local array.
  constexpr void replace_constexpr_(size_type pos, size_type count, const char* s, size_type n) noexcept {
    char tmp[N + 1]{};
    for (size_type i = 0; i < n; ++i) tmp[i] = s[i];
    const size_type len = size();
    detail::chars::move(buf_() + pos + n, buf_() + pos + count, len - pos - count);
    for (size_type i = 0; i < n; ++i) buf_()[pos + i] = tmp[i];
    set_size_(len - count + n);
  }

  // replace() with the bounds checks. MayAlias = false for sources that
  // cannot lie in *this (an initializer_list's fresh array): that skips the
  // aliasing branch, which g++ 12 at -O2 otherwise checks against the
  // caller's small array and reports as -Warray-bounds.
  template <bool MayAlias>
  constexpr String& replace_checked_(size_type pos, size_type count, const char* s, size_type n) {
    check_pos_(pos, "heapless::String::replace: position out of range");
    const size_type len = size();
    count = clamp_(count, len - pos);
    if (HEAPLESS_UNLIKELY(n > N - (len - count))) detail::raise(error_kind::length_error, "heapless::String::replace: exceeds capacity");
    replace_unchecked_<MayAlias>(pos, count, s, n);
    return *this;
  }

  // Preconditions: pos <= size(), count <= size() - pos, size() - count + n <= N;
  // with MayAlias = false, [s, s + n) does not overlap *this.
  template <bool MayAlias = true>
  constexpr void replace_unchecked_(size_type pos, size_type count, const char* s, size_type n) noexcept {
    if (HEAPLESS_IS_CONSTANT_EVALUATED()) {
      replace_constexpr_(pos, count, s, n);
      return;
    }
    char* const b = buf_();
    char* const p = b + pos;
    const size_type len = size();
    const size_type tail = len - pos - count;
    if (!MayAlias || n <= count || !inside_(s)) {
      // Shrinking (or an outside source): place the source first (memmove:
      // it may overlap the replaced range), then close the gap. The tail is
      // not written before it is moved.
      if (n <= count) {
        detail::chars::move(p, s, n);
        detail::chars::move(p + n, p + count, tail);
      } else {
        detail::chars::move(p + n, p + count, tail);
        detail::chars::copy(p, s, n);
      }
    } else {
      // Growing with a source inside the buffer: open the gap, then find
      // where the source's bytes went (those at or after p + count moved by
      // n - count).
      detail::chars::move(p + n, p + count, tail);
      const char* const moved_from = p + count;
      if (s + n <= moved_from) {
        detail::chars::move(p, s, n);
      } else if (s >= moved_from) {
        detail::chars::move(p, s + (n - count), n);
      } else {
        const auto k = static_cast<size_type>(moved_from - s);  // bytes before the gap
        detail::chars::move(p, s, k);
        detail::chars::move(p + k, p + n, n - k);
      }
    }
    set_size_(len - count + n);
  }

  constexpr void replace_fill_unchecked_(size_type pos, size_type count, size_type n, char ch) noexcept {
    const size_type len = size();
    char* const p = buf_() + pos;
    detail::chars::move(p + n, p + count, len - pos - count);
    detail::chars::fill(p, n, ch);
    set_size_(len - count + n);
  }

  rep_type rep_;
};

/// `heapless::String s = "hello";` deduces String<5> (the literal's length).
template <std::size_t M>
String(const char (&)[M]) -> String<M - 1>;

// ---- Concatenation -----------------------------------------------------

/// The capacity of the result is the sum of the operands' capacities: never fails.
template <std::size_t N, std::size_t M>
constexpr String<N + M> operator+(const String<N>& a, const String<M>& b) noexcept {
  String<N + M> r(a);
  r.unchecked_append(b.data(), b.size());
  return r;
}
/// String<N> + literal of length M - 1 -> String<N + M - 1>.
template <std::size_t N, std::size_t M>
constexpr String<N + M - 1> operator+(const String<N>& a, const char (&b)[M]) {
  String<N + M - 1> r(a);
  r.append(b);
  return r;
}
template <std::size_t N, std::size_t M>
constexpr String<N + M - 1> operator+(const char (&a)[M], const String<N>& b) {
  String<N + M - 1> r(a);
  r.unchecked_append(b.data(), b.size());
  return r;
}
template <std::size_t N>
constexpr String<N + 1> operator+(const String<N>& a, char b) noexcept {
  String<N + 1> r(a);
  r.unchecked_push_back(b);
  return r;
}
template <std::size_t N>
constexpr String<N + 1> operator+(char a, const String<N>& b) noexcept {
  String<N + 1> r;
  r.unchecked_push_back(a);
  r.unchecked_append(b.data(), b.size());
  return r;
}

// ---- Comparison ([string.cmp]) -------------------------------------------
// Against String<M>, std::string_view (and so std::string) and const char*,
// on either side. Equality compares sizes first, then memcmp.

template <std::size_t N, std::size_t M>
constexpr bool operator==(const String<N>& a, const String<M>& b) noexcept {
  if constexpr (N == M && N < 256) {
    // Same capacity: equal sizes <=> equal free-capacity bytes (bytes above N,
    // which no String writes, all read as "empty": see string_rep). One
    // decode instead of two on the path that calls memcmp.
    const unsigned free_a = a.rep_.stored_free();
    const unsigned free_b = b.rep_.stored_free();
    if (free_a != free_b) return free_a >= N && free_b >= N;
    return free_a >= N || detail::chars::equal(a.data(), b.data(), N - free_a);
  } else {
    return a.size() == b.size() && detail::chars::equal(a.data(), b.data(), a.size());
  }
}
template <std::size_t N>
constexpr bool operator==(const String<N>& a, std::string_view b) noexcept {
  return a.size() == b.size() && detail::chars::equal_any(a.data(), b.data(), a.size());
}
template <std::size_t N>
constexpr bool operator==(const String<N>& a, const char* b) noexcept {
  const std::size_t n = detail::chars::length(b);  // b is non-null, as for std::string
  return a.size() == n && detail::chars::equal(a.data(), b, n);
}

#if HEAPLESS_HAS_THREE_WAY
template <std::size_t N, std::size_t M>
constexpr std::strong_ordering operator<=>(const String<N>& a, const String<M>& b) noexcept {
  return a.compare(b) <=> 0;
}
template <std::size_t N>
constexpr std::strong_ordering operator<=>(const String<N>& a, std::string_view b) noexcept {
  return a.compare(b) <=> 0;
}
template <std::size_t N>
constexpr std::strong_ordering operator<=>(const String<N>& a, const char* b) noexcept {
  return a.compare(b) <=> 0;
}
#else
template <std::size_t N>
constexpr bool operator==(std::string_view a, const String<N>& b) noexcept { return b == a; }
template <std::size_t N>
constexpr bool operator==(const char* a, const String<N>& b) noexcept { return b == a; }

#define HEAPLESS_DETAIL_STRING_NE_AND_ORDER(op)                                                     \
  template <std::size_t N, std::size_t M>                                                           \
  constexpr bool operator op(const String<N>& a, const String<M>& b) noexcept {                     \
    return a.compare(b) op 0;                                                                       \
  }                                                                                                 \
  template <std::size_t N>                                                                          \
  constexpr bool operator op(const String<N>& a, std::string_view b) noexcept {                     \
    return a.compare(b) op 0;                                                                       \
  }                                                                                                 \
  template <std::size_t N>                                                                          \
  constexpr bool operator op(std::string_view a, const String<N>& b) noexcept {                     \
    return 0 op b.compare(a);                                                                       \
  }                                                                                                 \
  template <std::size_t N>                                                                          \
  constexpr bool operator op(const String<N>& a, const char* b) noexcept {                          \
    return a.compare(b) op 0;                                                                       \
  }                                                                                                 \
  template <std::size_t N>                                                                          \
  constexpr bool operator op(const char* a, const String<N>& b) noexcept {                          \
    return 0 op b.compare(a);                                                                       \
  }
HEAPLESS_DETAIL_STRING_NE_AND_ORDER(<)
HEAPLESS_DETAIL_STRING_NE_AND_ORDER(<=)
HEAPLESS_DETAIL_STRING_NE_AND_ORDER(>)
HEAPLESS_DETAIL_STRING_NE_AND_ORDER(>=)
#undef HEAPLESS_DETAIL_STRING_NE_AND_ORDER

template <std::size_t N, std::size_t M>
constexpr bool operator!=(const String<N>& a, const String<M>& b) noexcept { return !(a == b); }
template <std::size_t N>
constexpr bool operator!=(const String<N>& a, std::string_view b) noexcept { return !(a == b); }
template <std::size_t N>
constexpr bool operator!=(std::string_view a, const String<N>& b) noexcept { return !(b == a); }
template <std::size_t N>
constexpr bool operator!=(const String<N>& a, const char* b) noexcept { return !(a == b); }
template <std::size_t N>
constexpr bool operator!=(const char* a, const String<N>& b) noexcept { return !(b == a); }
#endif

template <std::size_t N>
constexpr void swap(String<N>& a, String<N>& b) noexcept {
  a.swap(b);
}

/// C++20 std::erase_if for strings: removes every c with pred(c); returns how many.
template <std::size_t N, class Pred>
constexpr std::size_t erase_if(String<N>& s, Pred pred) {
  char* out = s.begin();
  for (char* in = s.begin(); in != s.end(); ++in)
    if (!pred(*in)) *out++ = *in;
  const auto removed = static_cast<std::size_t>(s.end() - out);
  s.resize(static_cast<std::size_t>(out - s.begin()));
  return removed;
}
/// C++20 std::erase for strings: removes every ch; returns how many.
template <std::size_t N>
constexpr std::size_t erase(String<N>& s, char ch) noexcept {
  return erase_if(s, [ch](char c) { return c == ch; });
}

/// Prints to any std::ostream-like stream (`os << std::string_view`) without
/// this header including <ostream>.
template <class Stream, std::size_t N>
auto operator<<(Stream& os, const String<N>& s) -> decltype(os << std::string_view(s)) {
  return os << std::string_view(s);
}

}  // namespace heapless

/// Hashes exactly like std::hash<std::string_view>, so a String key and a
/// std::string_view probe land in the same bucket.
namespace std {
template <std::size_t N>
struct hash<heapless::String<N>> {
  std::size_t operator()(const heapless::String<N>& s) const noexcept {
    return std::hash<std::string_view>{}(std::string_view(s));
  }
};
}  // namespace std

#undef HEAPLESS_DETAIL_STRING_SWAR

#endif  // HEAPLESS_STRING_HPP
// ---- end heapless/string.hpp ----
// ---- begin heapless/format.hpp ----
// heapless/format.hpp - type-safe, heap-free text formatting: {fmt}/std::format
// syntax into a String<N>, a Vec<char, N> or any output iterator.
//
//   heapless::String<64> line;
//   heapless::format_to(line, "Count: {} id={:#06x} t={:.3f}", n, id, t);  // length_error if full
//   if (!heapless::try_format_to(line, " {}", name)) { /* full: line unchanged */ }
//   auto s = heapless::format<32>("{:>8}|{:<6}|", "right", true);            // String<32>
//   heapless::format_to(uart_iterator, "{}\r\n", value);                      // any output iterator
//
// Syntax (a subset of std::format): "{}" "{0}" "{{" "}}" and
//   {[index]:[[fill]align][sign][#][0][width][.precision][type]}
// fill is one code point; align < > ^; sign + - space; width/precision are
// literal numbers (no nested "{}"); types d x X o b B c (integers, char,
// bool), s (strings, bool), c (char), f F e E g G (float, double), p
// (pointers). Arguments: every integer type, bool, char, const char*,
// std::string_view and anything convertible to it (String<M>, std::string),
// float, double, pointers, nullptr, enums (their underlying value), and user
// types through a heapless::formatter<T> specialisation (detail/format_core.hpp).
// Every argument must be used (as in Rust's format!): an unused one is an error.
//
// Errors. C++20: the format string is checked at compile time against the
// argument types (wrong index, too many or too few fields, bad spec: the call
// does not compile; heapless::runtime_format(s) opts out). C++17, or a
// runtime_format string: a malformed string raises error_kind::invalid_argument
// (std::invalid_argument / the handler). Capacity, per DESIGN.md:
//   format_to(String&)          raises length_error (Vec: bad_alloc); target unchanged
//   try_format_to(target, ...)  returns false; target unchanged
//   format_to_truncating(...)   keeps what fits (cut at a UTF-8 boundary); returns true if it cut
//   format_to(iterator, ...)    unbounded, like std::format_to; format_to_n bounds it
//
// Costs: no heap, no locale, no printf. The engine is one non-template
// function (parser + dispatch); each argument type adds one small handler,
// instantiated only when used: an integer-only program links no
// floating-point code. Output is written in place into a String (no copy); an
// iterator or a Vec receives it in 64-byte chunks from the stack. Stack use is
// about 250 bytes (Cortex-M4 -Os), plus ~1.1 KB only when a float's digits
// exceed 64 chars (a precision above ~40, or {:f} of a value above ~1e55).
// Floats are exact (shortest round-trip for "{}"), with the digits from
// std::to_chars on hosted systems and from heapless' own table-free conversion
// (detail/float_to_chars.hpp: ~5 KB of Thumb code, where libstdc++'s to_chars
// costs ~135 KB) on bare metal; HEAPLESS_FORMAT_STD_TO_CHARS (0 or 1) picks
// one (detail/format_float.hpp). Same output either way (docs/format.md).
// At most 32 arguments. Thread/ISR: reentrant, no global state; safe in an
// ISR as long as no user formatter or error handler does something that is not.
// C++20 on hosts: HEAPLESS_FORMAT_PRECOMPILE (detail/format_core.hpp) keeps the
// compile-time parse in the format string, so formatting does not parse.
// HEAPLESS_FORMAT_OPTIMIZE_SIZE (default: 1 at -Os) picks the smaller of two
// equivalent implementations (digit loop, copies; detail/format_core.hpp).
#ifndef HEAPLESS_FORMAT_HPP
#define HEAPLESS_FORMAT_HPP

#include <cstddef>      // std::size_t
#include <string_view>  // std::string_view: format strings
#include <type_traits>  // std::decay_t, std::is_same_v, std::enable_if_t
#include <utility>      // std::declval (recognising Vec<char, N>)

// #include "detail/config.hpp": inlined above
// #include "detail/error.hpp": inlined above
// ---- begin heapless/detail/format_compiled.hpp ----
// heapless/detail/format_compiled.hpp - format strings compiled into code
// (HEAPLESS_FMT, heapless/format.hpp).
//
// HEAPLESS_FMT("t={} id={:#x}") names a type whose str() is the literal. The
// string is parsed by the same constexpr parser as every other format string
// (parse_format), in C++17 as well, when the call is compiled: a malformed
// string or a spec that does not suit its argument is a static_assert. The
// call then runs a fixed sequence of steps, each one literal write or one
// argument write chosen at compile time for its type and spec:
//   - "{}" and specs without width, fill, sign or precision of integers
//     ("{:x}" "{:#x}" "{:o}" "{:b}" "{:d}"): one small shared integer writer
//     for every base (its digit loop: uint_digits, format_core.hpp);
//   - "{}" of strings, chars and bools: a plain write;
//   - anything else: the type's usual handler with its spec as a constant.
// No parser, no dispatch table and no unused handler are linked: the code is
// close to hand-written puts (docs/format.md). The output is the same as the
// run-time engine's, byte for byte (tests/format_compiled_test.cpp).
//
// Two ways to run the steps:
//   - into a String<N> (format_to, try_format_to, format<N>): straight into
//     the String's buffer (direct_sink: the free capacity, one check per
//     piece); each literal piece is its own constant with an unsigned field's
//     base prefix ("0x") appended, the integer writer gets the base and flags
//     in one word; no format_buffer, no format_call, no function pointer
//     (format.hpp, format_direct);
//   - every other target (Vec, iterators, format_to_n, formatted_size,
//     truncation, a format_context): through the engine's format_buffer and
//     format_call (run_compiled), which chunk, count and truncate.
#ifndef HEAPLESS_DETAIL_FORMAT_COMPILED_HPP
#define HEAPLESS_DETAIL_FORMAT_COMPILED_HPP

#include <charconv>     // std::to_chars: decimal fields straight into a String (fast build)
#include <cstddef>      // std::size_t
#include <cstdint>      // std::uint32_t
#include <cstring>      // std::memcpy, std::strlen
#include <string_view>  // std::string_view
#include <type_traits>  // std::is_base_of_v, std::enable_if_t
#include <utility>      // std::index_sequence

// ---- begin heapless/detail/format_core.hpp ----
// heapless/detail/format_core.hpp - the formatting engine behind heapless/format.hpp.
//
// Layers, bottom up:
//   format_buffer    the one sink the engine writes to: [cur_, end_) plus an
//                    optional flush function. Fixed sinks (String, Vec, char
//                    ranges) have no flush: what does not fit is counted in
//                    dropped_ and never written. Iterator sinks flush a small
//                    stack chunk to the iterator.
//   format_specs     a parsed std-format-spec.
//   parse_format()   one constexpr parser, used by the C++20 compile-time check
//                    and by the run-time engine, so both accept the same language.
//   arg_value /      the type-erased arguments: a value union plus a per-type
//   arg_desc         descriptor {handler, category, spec checker} in a constexpr
//                    table. Each type's handler is instantiated only when a
//                    value of that type is formatted: an integer-only program
//                    never references floating-point code.
//   compiled_op      C++20: the parse kept by the consteval format-string
//                    constructor (text pieces + fields with parsed specs).
//   vformat()        the non-template engine; one copy per program.
#ifndef HEAPLESS_DETAIL_FORMAT_CORE_HPP
#define HEAPLESS_DETAIL_FORMAT_CORE_HPP

#include <charconv>     // std::to_chars for integers (no locale, no heap)
#include <cstddef>      // std::size_t, std::nullptr_t
#include <cstdint>      // std::uint32_t, std::uint64_t, std::uintptr_t
#include <cstring>      // std::memcpy, std::memset, std::strlen
#include <string_view>  // std::string_view: format strings, string arguments
#include <type_traits>  // std::is_integral, std::enable_if_t, std::decay_t ...

// #include "config.hpp": inlined above
// #include "error.hpp": inlined above

#if HEAPLESS_CPP20 && (defined(__cpp_consteval) || defined(__clang__))
#define HEAPLESS_DETAIL_FORMAT_CONSTEVAL 1
#else
#define HEAPLESS_DETAIL_FORMAT_CONSTEVAL 0
#endif

// HEAPLESS_FORMAT_PRECOMPILE (user-settable, C++20 only): 1 keeps the parse
// of each compile-time-checked format string in the format_string object
// (24 bytes per field, a constant copied at each call), so formatting
// does no parsing at run time: ~2x faster. Default: 1 on hosts, 0 on
// microcontrollers, where flash matters more than the parse.
#ifndef HEAPLESS_FORMAT_PRECOMPILE
#if (defined(__ARM_ARCH_PROFILE) && __ARM_ARCH_PROFILE == 'M') || \
    (defined(__riscv) && defined(__riscv_xlen) && __riscv_xlen == 32) || defined(__AVR__) || defined(__MSP430__)
#define HEAPLESS_FORMAT_PRECOMPILE 0
#else
#define HEAPLESS_FORMAT_PRECOMPILE 1
#endif
#endif
// HEAPLESS_FORMAT_OPTIMIZE_SIZE (user-settable, 0 or 1): 1 picks the smaller
// of two equivalent implementations wherever formatting has a choice: one
// digit loop (a division per digit, no digit table) instead of std::to_chars'
// two-digits-per-division table, memcpy calls instead of inlined short copies
// and fills, a byte-wise brace scan. Output is the same byte for byte.
// Default: 1 when the compiler optimises for size (GCC and clang define
// __OPTIMIZE_SIZE__ at -Os and -Oz), else 0.
#ifndef HEAPLESS_FORMAT_OPTIMIZE_SIZE
#if defined(__OPTIMIZE_SIZE__)
#define HEAPLESS_FORMAT_OPTIMIZE_SIZE 1
#else
#define HEAPLESS_FORMAT_OPTIMIZE_SIZE 0
#endif
#endif
#if HEAPLESS_FORMAT_PRECOMPILE && HEAPLESS_DETAIL_FORMAT_CONSTEVAL
#define HEAPLESS_DETAIL_FORMAT_COMPILED 1
#else
#define HEAPLESS_DETAIL_FORMAT_COMPILED 0
#endif

namespace heapless {

/// Customization point: specialise for a user type T.
///   template <> struct heapless::formatter<Point> {
///     // optional: accept a spec ("{:x}" passes "x"); without parse() only "{}" is allowed.
///     static constexpr bool parse(std::string_view spec) { return spec.empty() || spec == "x"; }
///     void format(const Point& p, heapless::format_context& ctx) const {
///       heapless::format_to(ctx, "({}, {})", p.x, p.y);
///     }
///   };
/// A specialisation takes precedence over the built-in handling of T (even for enums).
template <class T, class Enable = void>
struct formatter;

class format_context;

namespace detail {

// ---- Sink ------------------------------------------------------------------

/// memcpy for the short runs formatting produces (literal text, digits):
/// fixed-size copies the compiler inlines, overlapping for odd lengths.
/// Never touches s when n == 0 (s may then be nullptr).
inline void copy_short(char* d, const char* s, std::size_t n) noexcept {
#if HEAPLESS_FORMAT_OPTIMIZE_SIZE  // one call is smaller than the unrolled cases
  if (n != 0) std::memcpy(d, s, n);
#else
  if (n >= 16) {
    std::memcpy(d, s, n);
  } else if (n >= 8) {
    std::memcpy(d, s, 8);
    std::memcpy(d + n - 8, s + n - 8, 8);
  } else if (n >= 4) {
    std::memcpy(d, s, 4);
    std::memcpy(d + n - 4, s + n - 4, 4);
  } else if (n != 0) {
    d[0] = s[0];
    d[n / 2] = s[n / 2];
    d[n - 1] = s[n - 1];
  }
#endif
}

class format_buffer {
 public:
  using flush_fn = void (*)(format_buffer&);

  format_buffer(char* begin, char* end, flush_fn flush) noexcept
      : cur_(begin), end_(end), flush_(flush) {}
  format_buffer(const format_buffer&) = delete;
  format_buffer& operator=(const format_buffer&) = delete;

  void write(const char* s, std::size_t n) {
    if (HEAPLESS_LIKELY(n <= static_cast<std::size_t>(end_ - cur_))) {
      copy_short(cur_, s, n);
      cur_ += n;
    } else {
      write_slow(s, n);
    }
  }
  void write(std::string_view s) { write(s.data(), s.size()); }
  void put(char c) {
    if (HEAPLESS_LIKELY(cur_ != end_)) {
      *cur_++ = c;
    } else {
      write_slow(&c, 1);
    }
  }
  /// n copies of c. O(capacity) on a fixed sink however large n is.
  void fill(std::size_t n, char c) {
#if !HEAPLESS_FORMAT_OPTIMIZE_SIZE
    if (n <= 16 && room() >= 16 && scratch_tail_) {  // short padding: one fixed-size store, no call
      std::memset(cur_, c, 16);     // (bytes past n are free space, overwritten later)
      cur_ += n;
      return;
    }
#endif
    append_chunked(n, [c](char* d, std::size_t k) { std::memset(d, c, k); });
  }
  /// Records a formatting error (bad format string or value); the first one
  /// wins. The caller raises it once the target is back in a valid state.
  void fail(const char* message) noexcept {
    if (!error_) error_ = message;
  }
  const char* error() const noexcept { return error_; }
  /// A fixed sink that has started dropping characters.
  bool overflowed() const noexcept { return flush_ == nullptr && dropped_ != 0; }
  /// Counts n characters as dropped (a full fixed sink).
  void drop(std::size_t n) noexcept { dropped_ += n; }
  /// Characters that a fixed sink could not hold.
  std::size_t dropped() const noexcept { return dropped_; }
  char* cur() const noexcept { return cur_; }
  /// Contiguous room left before the next flush (or before a fixed sink is full).
  std::size_t room() const noexcept { return static_cast<std::size_t>(end_ - cur_); }
  void advance(std::size_t n) noexcept { cur_ += n; }
  /// May bytes in [cur(), cur() + room()) be scribbled on before they are
  /// written for real? True for owned free space (a String's spare capacity,
  /// a chunk buffer); false for a caller's char range (format_to_n).
  bool scratch_tail() const noexcept { return scratch_tail_; }

 protected:
  char* cur_;
  char* end_;
  flush_fn flush_;  // nullptr: fixed capacity, excess is counted in dropped_
  std::size_t dropped_ = 0;
  const char* error_ = nullptr;
  bool scratch_tail_ = true;

 private:
  HEAPLESS_NOINLINE void write_slow(const char* s, std::size_t n) {
    append_chunked(n, [&s](char* d, std::size_t k) {
      if (k != 0) std::memcpy(d, s, k);
      s += k;
    });
  }
  /// Appends n chars that put(dest, k) produces k at a time, flushing between
  /// chunks; a fixed sink counts what does not fit instead (O(1) past it).
  template <class Put>
  void append_chunked(std::size_t n, Put put) {
    for (;;) {
      const std::size_t k = n < room() ? n : room();
      put(cur_, k);
      cur_ += k;
      n -= k;
      if (n == 0) return;
      if (!flush_) {
        dropped_ += n;
        return;
      }
      flush_(*this);
    }
  }
};

/// A sink writing into [begin, end): fixed capacity, counts what is dropped.
class fixed_buffer : public format_buffer {
 public:
  fixed_buffer(char* begin, char* end, bool scratch_tail = true) noexcept
      : format_buffer(begin, end, nullptr), begin_(begin) {
    scratch_tail_ = scratch_tail;
  }
  std::size_t written() const noexcept { return static_cast<std::size_t>(cur_ - begin_); }

 private:
  char* begin_;
};

/// A sink that only counts (formatted_size).
class counting_buffer : public format_buffer {
 public:
  counting_buffer() noexcept : format_buffer(&dummy_, &dummy_, nullptr) {}

 private:
  char dummy_ = 0;
};

/// A sink writing through an output iterator, in chunks of a small stack buffer.
/// With a limit (format_to_n), characters past it are counted, not written.
template <class OutputIt>
class iterator_buffer : public format_buffer {
 public:
  explicit iterator_buffer(OutputIt out, std::size_t limit = static_cast<std::size_t>(-1))
      : format_buffer(buf_, buf_ + sizeof buf_, &iterator_buffer::flush_chunk),
        out_(static_cast<OutputIt&&>(out)),
        limit_(limit) {}
  /// Flushes the last chunk; returns the iterator past the last written char.
  OutputIt finish() {
    flush_chunk(*this);
    return static_cast<OutputIt&&>(out_);
  }
  /// Every character formatted, including those past the limit.
  std::size_t total() const noexcept { return total_; }

 private:
  static void flush_chunk(format_buffer& base) {
    auto& self = static_cast<iterator_buffer&>(base);
    const std::size_t n = static_cast<std::size_t>(self.cur_ - self.buf_);
    self.total_ += n;
    const std::size_t k = n < self.limit_ ? n : self.limit_;
    self.limit_ -= k;
    for (std::size_t i = 0; i < k; ++i) {
      *self.out_ = self.buf_[i];
      ++self.out_;
    }
    self.cur_ = self.buf_;
  }

  char buf_[64];
  OutputIt out_;
  std::size_t limit_;
  std::size_t total_ = 0;
};

// ---- Specs -----------------------------------------------------------------

enum class arg_category : unsigned char {
  signed_int,
  unsigned_int,
  character,
  boolean,
  string,
  pointer,
  floating,
  custom,
};

/// A parsed std-format-spec; 16 bytes (precompiled format strings store one per field).
struct format_specs {
  static constexpr unsigned char alt_flag = 1;      // '#'
  static constexpr unsigned char zero_flag = 2;     // '0'
  static constexpr unsigned char has_spec_flag = 4;  // not "{}"

  std::uint32_t width = 0;
  std::int32_t precision = -1;    // -1: none
  char fill[4] = {' ', 0, 0, 0};  // one UTF-8 code point
  char align = 0;                 // '<' '>' '^' or 0 (the type's default)
  char sign = 0;                  // '+' ' ' '-' or 0
  char type = 0;
  unsigned char flags = 0;

  constexpr bool alt() const noexcept { return (flags & alt_flag) != 0; }
  constexpr bool zero() const noexcept { return (flags & zero_flag) != 0; }
  /// No spec at all: "{}".
  constexpr bool plain() const noexcept { return (flags & has_spec_flag) == 0; }
  constexpr void set(unsigned char flag) noexcept { flags = static_cast<unsigned char>(flags | flag); }
};

enum class format_errc : unsigned char {
  ok,
  unmatched_open_brace,
  unmatched_close_brace,
  invalid_arg_id,
  arg_id_out_of_range,
  mixed_indexing,
  invalid_spec,
  number_too_big,
  type_mismatch,
  custom_spec_rejected,
  unused_argument,
  too_many_arguments,
};

constexpr const char* format_error_message(format_errc e) noexcept {
  switch (e) {
    case format_errc::ok: return "ok";
    case format_errc::unmatched_open_brace: return "heapless::format: '{' without matching '}'";
    case format_errc::unmatched_close_brace: return "heapless::format: '}' must be written '}}'";
    case format_errc::invalid_arg_id: return "heapless::format: invalid argument index";
    case format_errc::arg_id_out_of_range: return "heapless::format: more fields than arguments";
    case format_errc::mixed_indexing: return "heapless::format: mixed automatic and manual indexing";
    case format_errc::invalid_spec: return "heapless::format: invalid format spec";
    case format_errc::number_too_big: return "heapless::format: width or precision too big";
    case format_errc::type_mismatch: return "heapless::format: spec not valid for the argument type";
    case format_errc::custom_spec_rejected: return "heapless::format: formatter<T>::parse rejected the spec";
    case format_errc::unused_argument: return "heapless::format: an argument is never used";
    case format_errc::too_many_arguments: return "heapless::format: at most 32 arguments";
  }
  return "heapless::format: error";
}

using spec_checker = bool (*)(std::string_view);
using arg_handler = void (*)(format_buffer&, const union arg_value&, const format_specs&, std::string_view);

struct arg_desc {
  arg_handler handler;
  arg_category category;
  spec_checker check;  // custom types only
};

constexpr bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }
constexpr bool is_align(char c) noexcept { return c == '<' || c == '>' || c == '^'; }

/// Length of the UTF-8 sequence starting with lead byte c (1 for ASCII and invalid bytes).
constexpr unsigned utf8_length(char c) noexcept {
  const auto u = static_cast<unsigned char>(c);
  return u < 0xC0 ? 1u : u < 0xE0 ? 2u : u < 0xF0 ? 3u : u < 0xF8 ? 4u : 1u;
}

/// Parses a non-negative decimal number <= INT32_MAX at [p, end).
constexpr format_errc parse_number(const char*& p, const char* end, std::uint32_t& out) noexcept {
  std::uint64_t v = 0;
  while (p != end && is_digit(*p)) {
    v = v * 10 + static_cast<std::uint64_t>(*p - '0');
    if (v > 0x7FFFFFFFu) return format_errc::number_too_big;
    ++p;
  }
  out = static_cast<std::uint32_t>(v);
  return format_errc::ok;
}

/// Parses a std-format-spec at [p, end), p just past ':'; stops at the closing '}'.
constexpr format_errc parse_specs(const char*& p, const char* end, format_specs& s) noexcept {
  if (p == end) return format_errc::unmatched_open_brace;
  if (*p == '}') return format_errc::ok;
  s.set(format_specs::has_spec_flag);
  // [[fill]align]
  const unsigned n = utf8_length(*p);
  if (static_cast<std::size_t>(end - p) > n && is_align(p[n])) {
    if (*p == '{' || *p == '}') return format_errc::invalid_spec;
    for (unsigned i = 0; i < n; ++i) s.fill[i] = p[i];
    s.align = p[n];
    p += n + 1;
  } else if (is_align(*p)) {
    s.align = *p++;
  }
  if (p != end && (*p == '+' || *p == '-' || *p == ' ')) s.sign = *p++;
  if (p != end && *p == '#') {
    s.set(format_specs::alt_flag);
    ++p;
  }
  if (p != end && *p == '0') {
    s.set(format_specs::zero_flag);
    ++p;
  }
  if (p != end && is_digit(*p)) {
    const format_errc e = parse_number(p, end, s.width);
    if (e != format_errc::ok) return e;
  }
  if (p != end && *p == '.') {
    ++p;
    if (p == end || !is_digit(*p)) return format_errc::invalid_spec;
    std::uint32_t prec = 0;
    const format_errc e = parse_number(p, end, prec);
    if (e != format_errc::ok) return e;
    s.precision = static_cast<std::int32_t>(prec);
  }
  if (p != end && *p != '}') {
    const char t = *p;
    if (!((t >= 'a' && t <= 'z') || (t >= 'A' && t <= 'Z'))) return format_errc::invalid_spec;
    s.type = t;
    ++p;
  }
  if (p == end) return format_errc::unmatched_open_brace;
  if (*p != '}') return format_errc::invalid_spec;
  return format_errc::ok;
}

constexpr bool is_int_type(char t) noexcept {
  return t == 'd' || t == 'x' || t == 'X' || t == 'o' || t == 'b' || t == 'B';
}

/// Is the parsed spec valid for an argument of category c?
constexpr format_errc validate_specs(arg_category c, const format_specs& s) noexcept {
  const bool no_numeric_flags = s.sign == 0 && !s.alt() && !s.zero();
  switch (c) {
    case arg_category::signed_int:
    case arg_category::unsigned_int:
      if (s.precision >= 0) return format_errc::type_mismatch;
      if (s.type == 'c') return no_numeric_flags ? format_errc::ok : format_errc::type_mismatch;
      return s.type == 0 || is_int_type(s.type) ? format_errc::ok : format_errc::type_mismatch;
    case arg_category::character:
    case arg_category::boolean:
      if (s.type == 0 || s.type == (c == arg_category::character ? 'c' : 's'))
        return no_numeric_flags && s.precision < 0 ? format_errc::ok : format_errc::type_mismatch;
      return is_int_type(s.type) && s.precision < 0 ? format_errc::ok : format_errc::type_mismatch;
    case arg_category::string:
      return (s.type == 0 || s.type == 's') && no_numeric_flags ? format_errc::ok
                                                                : format_errc::type_mismatch;
    case arg_category::pointer:
      return (s.type == 0 || s.type == 'p') && no_numeric_flags && s.precision < 0
                 ? format_errc::ok
                 : format_errc::type_mismatch;
    case arg_category::floating:
      switch (s.type) {
        case 0: case 'f': case 'F': case 'e': case 'E': case 'g': case 'G': return format_errc::ok;
        default: return format_errc::type_mismatch;
      }
    case arg_category::custom: return format_errc::ok;
  }
  return format_errc::type_mismatch;
}

inline constexpr format_specs default_specs{};

/// First '{' or '}' in [p, end), or end. Word-at-a-time on little-endian
/// targets at run time (the classic has-zero-byte test: its lowest flagged
/// byte is always exact), a plain loop in constant evaluation.
constexpr const char* find_brace(const char* p, const char* end) noexcept {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__ && (defined(__GNUC__) || defined(__clang__)) && \
    !HEAPLESS_FORMAT_OPTIMIZE_SIZE
  if (!HEAPLESS_IS_CONSTANT_EVALUATED()) {
    using word = std::size_t;
    constexpr word ones = ~word{0} / 255;
    constexpr word highs = ones * 0x80;
    while (end - p >= static_cast<std::ptrdiff_t>(sizeof(word))) {
      word w = 0;
      std::memcpy(&w, p, sizeof w);
      const word open = w ^ (ones * '{');
      const word close = w ^ (ones * '}');
      const word hit = (((open - ones) & ~open) | ((close - ones) & ~close)) & highs;
      if (hit != 0) {
        if constexpr (sizeof(word) == 8) return p + (__builtin_ctzll(static_cast<unsigned long long>(hit)) >> 3);
        else return p + (__builtin_ctz(static_cast<unsigned>(hit)) >> 3);
      }
      p += sizeof(word);
    }
  }
#endif
  while (p != end && *p != '{' && *p != '}') ++p;
  return p;
}

/// The one parser. Calls h.on_text(const char*, size_t) for literal text and
/// h.on_field(index, specs, raw_spec) for each replacement field; validates
/// indices and specs against descs[0, n). Used in constant evaluation (the C++20
/// check, with a handler that does nothing) and at run time by vformat().
template <class Handler>
constexpr format_errc parse_format(std::string_view fmt, const arg_desc* descs, std::size_t n, Handler& h) {
  if (n > 32) return format_errc::too_many_arguments;
  const char* p = fmt.data();
  const char* const end = p + fmt.size();
  std::size_t next_auto = 0;
  int indexing = 0;  // 0 unknown, 1 automatic, 2 manual
  std::uint32_t used = 0;  // bit i: argument i was referenced
  while (p != end) {
    const char* q = find_brace(p, end);
    if (q != p) h.on_text(p, static_cast<std::size_t>(q - p));
    if (q == end) break;
    if (*q == '}') {
      if (q + 1 == end || q[1] != '}') return format_errc::unmatched_close_brace;
      h.on_text(q, 1);
      p = q + 2;
      continue;
    }
    ++q;  // past '{'
    if (q == end) return format_errc::unmatched_open_brace;
    if (*q == '{') {
      h.on_text(q, 1);
      p = q + 1;
      continue;
    }
#if !HEAPLESS_FORMAT_OPTIMIZE_SIZE
    if (*q == '}' && indexing != 2) {  // "{}": the common case, no spec to parse
      indexing = 1;
      const std::size_t index = next_auto++;
      if (index >= n) return format_errc::arg_id_out_of_range;
      used |= std::uint32_t{1} << index;
      if (descs[index].category == arg_category::custom && !descs[index].check(std::string_view()))
        return format_errc::custom_spec_rejected;
      h.on_field(index, default_specs, std::string_view());
      p = q + 1;
      continue;
    }
#endif
    std::size_t index = 0;
    if (is_digit(*q)) {
      if (indexing == 1) return format_errc::mixed_indexing;
      indexing = 2;
      if (*q == '0' && q + 1 != end && is_digit(q[1])) return format_errc::invalid_arg_id;
      std::uint32_t v = 0;
      if (parse_number(q, end, v) != format_errc::ok) return format_errc::arg_id_out_of_range;
      index = v;
    } else {
      if (indexing == 2) return format_errc::mixed_indexing;
      indexing = 1;
      index = next_auto++;
    }
    if (q == end) return format_errc::unmatched_open_brace;
    if (*q != ':' && *q != '}') return format_errc::invalid_arg_id;
    if (index >= n) return format_errc::arg_id_out_of_range;
    used |= std::uint32_t{1} << index;
    format_specs specs;
    std::string_view raw;
    if (*q == ':') {
      ++q;
      if (descs[index].category == arg_category::custom) {
        const char* r = q;
        while (r != end && *r != '}' && *r != '{') ++r;
        if (r == end || *r == '{') return format_errc::unmatched_open_brace;
        raw = std::string_view(q, static_cast<std::size_t>(r - q));
        q = r;
      } else {
        const format_errc e = parse_specs(q, end, specs);
        if (e != format_errc::ok) return e;
      }
    }
    if (descs[index].category == arg_category::custom) {
      if (!descs[index].check(raw)) return format_errc::custom_spec_rejected;
    } else if (!specs.plain()) {  // "{}" suits every type
      const format_errc e = validate_specs(descs[index].category, specs);
      if (e != format_errc::ok) return e;
    }
    h.on_field(index, specs, raw);
    p = q + 1;  // past '}'
  }
  const std::uint32_t all = n == 32 ? ~std::uint32_t{0} : (std::uint32_t{1} << n) - 1;
  if (used != all) return format_errc::unused_argument;
  return format_errc::ok;
}

struct check_handler {
  constexpr void on_text(const char*, std::size_t) noexcept {}
  constexpr void on_field(std::size_t, const format_specs&, std::string_view) noexcept {}
};

/// Compile-time (or run-time) validation of a format string against argument descriptors.
constexpr format_errc check_format(std::string_view fmt, const arg_desc* descs, std::size_t n) {
  check_handler h;
  return parse_format(fmt, descs, n, h);
}

// ---- Argument values -------------------------------------------------------

struct string_arg {
  const char* data;
  std::size_t size;
};
struct custom_arg {
  const void* object;
};

union arg_value {
  std::uint32_t u32;
  std::int32_t i32;
  unsigned long long u64;
  long long i64;
  bool b;
  char c;
  const char* cstr;
  string_arg str;
  const void* ptr;
  float f;
  double d;
  custom_arg custom;
};

// ---- Padding and output helpers -------------------------------------------

/// Number of code points in s (what width counts; East Asian wide characters count 1).
inline std::size_t display_width(const char* s, std::size_t n) noexcept {
  std::size_t w = 0;
  for (std::size_t i = 0; i < n; ++i) w += (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80;
  return w;
}

inline void write_fill(format_buffer& out, const format_specs& s, std::size_t n) {
  const unsigned fill_size = utf8_length(s.fill[0]);
  if (fill_size == 1) {
    out.fill(n, s.fill[0]);
  } else {
    for (std::size_t i = 0; i < n; ++i) {
      out.write(s.fill, fill_size);
      if (out.overflowed()) {  // a full fixed sink: count the rest, O(1)
        out.drop((n - i - 1) * fill_size);
        return;
      }
    }
  }
}

/// Writes body (display width w) padded to s.width; default_align is '<' or '>'.
inline void write_padded(format_buffer& out, const format_specs& s, const char* body, std::size_t n,
                         std::size_t w, char default_align) {
  if (s.width <= w) {
    out.write(body, n);
    return;
  }
  const std::size_t pad = s.width - w;
  const char align = s.align ? s.align : default_align;
  const std::size_t left = align == '>' ? pad : align == '^' ? pad / 2 : 0;
  write_fill(out, s, left);
  out.write(body, n);
  write_fill(out, s, pad - left);
}

/// Numeric output: prefix (sign, base prefix) + digits, padded; '0' pads
/// between prefix and digits unless an alignment was given.
inline void write_numeric(format_buffer& out, const format_specs& s, const char* prefix, std::size_t pn,
                          const char* digits, std::size_t dn, bool zero_allowed = true) {
  const std::size_t len = pn + dn;
  if (s.width <= len) {
    out.write(prefix, pn);
    out.write(digits, dn);
    return;
  }
  if (s.zero() && s.align == 0 && zero_allowed) {
    out.write(prefix, pn);
    out.fill(s.width - len, '0');
    out.write(digits, dn);
    return;
  }
  const std::size_t pad = s.width - len;
  const char align = s.align ? s.align : '>';
  const std::size_t left = align == '>' ? pad : align == '^' ? pad / 2 : 0;
  write_fill(out, s, left);
  out.write(prefix, pn);
  out.write(digits, dn);
  write_fill(out, s, pad - left);
}

inline void write_string(format_buffer& out, const format_specs& s, const char* data, std::size_t n) {
  if (s.plain()) {
    out.write(data, n);
    return;
  }
  if (s.precision >= 0) {  // keep at most `precision` code points
    std::size_t cps = 0, i = 0;
    const auto limit = static_cast<std::size_t>(s.precision);
    for (; i < n; ++i) {
      if ((static_cast<unsigned char>(data[i]) & 0xC0) != 0x80) {
        if (cps == limit) break;
        ++cps;
      }
    }
    n = i;
  }
  write_padded(out, s, data, n, s.width ? display_width(data, n) : 0, '<');
}

/// Digits of v in base 2^Shift, written backwards ending at end; returns the first.
template <unsigned Shift, class UInt>
char* write_pow2_digits(char* end, UInt v, bool upper) noexcept {
  const char* const digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
  constexpr UInt mask = (UInt{1} << Shift) - 1;
  do {
    *--end = digits[static_cast<unsigned>(v & mask)];
    v = static_cast<UInt>(v >> Shift);
  } while (v != 0);
  return end;
}

/// The digits of v in base 10, 16, 8 or 2, written backwards ending at end
/// (room for sizeof(UInt) * 8 chars); returns the first. Two implementations
/// with the same output (tests/format_compiled_test.cpp compares them);
/// HEAPLESS_FORMAT_OPTIMIZE_SIZE picks one (uint_digits).
/// Small: one loop for every base, a division per digit (a libgcc call on
/// cores without a divider), no digit table.
template <class UInt>
char* uint_digits_small(char* end, UInt v, unsigned base, bool upper) noexcept {
  const unsigned letters = upper ? 'A' - '9' - 1 : 'a' - '9' - 1;  // '9' + 1 -> 'A' or 'a'
  do {
    const UInt q = static_cast<UInt>(v / base);
    unsigned c = static_cast<unsigned>(v - q * base) + '0';
    if (c > '9') c += letters;
    *--end = static_cast<char>(c);
    v = q;
  } while (v != 0);
  return end;
}

/// Fast: std::to_chars for decimal (two digits per division), a shift loop
/// for powers of two.
template <class UInt>
char* uint_digits_fast(char* end, UInt v, unsigned base, bool upper) noexcept {
  if (base == 10) {
    char tmp[sizeof(UInt) * 3];
    const char* const last = std::to_chars(tmp, tmp + sizeof tmp, v).ptr;
    for (const char* q = last; q != tmp;) *--end = *--q;
    return end;
  }
  if (base == 16) return write_pow2_digits<4>(end, v, upper);
  if (base == 8) return write_pow2_digits<3>(end, v, false);
  return write_pow2_digits<1>(end, v, false);
}

template <class UInt>
char* uint_digits(char* end, UInt v, unsigned base, bool upper) noexcept {
#if HEAPLESS_FORMAT_OPTIMIZE_SIZE
  return uint_digits_small(end, v, base, upper);
#else
  return uint_digits_fast(end, v, base, upper);
#endif
}

/// Decimal digits of v into [first, last) (which holds them all); returns the end.
/// std::to_chars (two digits per division, a 200-byte table) unless built for size.
template <class UInt>
char* write_decimal(char* first, char* last, UInt v) noexcept {
#if HEAPLESS_FORMAT_OPTIMIZE_SIZE
  (void)last;
  char tmp[sizeof(UInt) * 3];
  const char* const p = uint_digits_small(tmp + sizeof tmp, v, 10u, false);
  const auto n = static_cast<std::size_t>(tmp + sizeof tmp - p);
  std::memcpy(first, p, n);
  return first + n;
#else
  return std::to_chars(first, last, v).ptr;
#endif
}

/// Integers: abs is the magnitude, negative its sign.
template <class UInt>
HEAPLESS_NOINLINE void write_integer(format_buffer& out, UInt abs, bool negative, const format_specs& s) {
  constexpr std::size_t max_digits = sizeof(UInt) * 8;  // base 2 is the longest
  if (s.plain()) {  // "{}": straight into the sink when it has room
#if !HEAPLESS_FORMAT_OPTIMIZE_SIZE
    if (out.room() > max_digits) {
      char* p = out.cur();
      if (negative) *p++ = '-';
      out.advance(static_cast<std::size_t>(write_decimal(p, p + max_digits, abs) - out.cur()));
      return;
    }
#endif
    char buf[max_digits + 1];
    char* p = buf;
    if (negative) *p++ = '-';
    out.write(buf, static_cast<std::size_t>(write_decimal(p, buf + sizeof buf, abs) - buf));
    return;
  }
  if (s.type == 'c') {
    if (negative || abs > 0xFFu) return out.fail("heapless::format: {:c} value out of range");
    const char ch = static_cast<char>(static_cast<unsigned char>(abs));
    write_padded(out, s, &ch, 1, 1, '<');
    return;
  }
  char prefix[4];
  std::size_t pn = 0;
  if (negative) {
    prefix[pn++] = '-';
  } else if (s.sign == '+' || s.sign == ' ') {
    prefix[pn++] = s.sign;
  }
  char buf[max_digits];
  char* const end = buf + sizeof buf;
  const char* first = buf;
  const char* last = end;
  switch (s.type) {
    case 'x': case 'X': first = write_pow2_digits<4>(end, abs, s.type == 'X'); break;
    case 'o': first = write_pow2_digits<3>(end, abs, false); break;
    case 'b': case 'B': first = write_pow2_digits<1>(end, abs, false); break;
    default: last = write_decimal(buf, end, abs); break;
  }
  if (s.alt() && s.type != 0 && s.type != 'd') {
    if (s.type == 'o') {
      if (abs != 0) prefix[pn++] = '0';
    } else {
      prefix[pn++] = '0';
      prefix[pn++] = s.type;
    }
  }
  write_numeric(out, s, prefix, pn, first, static_cast<std::size_t>(last - first));
}

// Handlers, one per category (plus custom and float ones elsewhere). They
// have the arg_handler signature.
inline void handle_i32(format_buffer& out, const arg_value& v, const format_specs& s, std::string_view) {
  const std::int32_t x = v.i32;
  const bool neg = x < 0;
  const std::uint32_t abs = neg ? 0u - static_cast<std::uint32_t>(x) : static_cast<std::uint32_t>(x);
  write_integer<std::uint32_t>(out, abs, neg, s);
}
inline void handle_u32(format_buffer& out, const arg_value& v, const format_specs& s, std::string_view) {
  write_integer<std::uint32_t>(out, v.u32, false, s);
}
inline void handle_i64(format_buffer& out, const arg_value& v, const format_specs& s, std::string_view) {
  const long long x = v.i64;
  const bool neg = x < 0;
  const unsigned long long abs =
      neg ? 0ull - static_cast<unsigned long long>(x) : static_cast<unsigned long long>(x);
  if (abs <= 0xFFFFFFFFu) {  // 32-bit division is much cheaper on 32-bit cores
    write_integer<std::uint32_t>(out, static_cast<std::uint32_t>(abs), neg, s);
  } else {
    write_integer<unsigned long long>(out, abs, neg, s);
  }
}
inline void handle_u64(format_buffer& out, const arg_value& v, const format_specs& s, std::string_view) {
  if (v.u64 <= 0xFFFFFFFFu) {
    write_integer<std::uint32_t>(out, static_cast<std::uint32_t>(v.u64), false, s);
  } else {
    write_integer<unsigned long long>(out, v.u64, false, s);
  }
}
inline void handle_char(format_buffer& out, const arg_value& v, const format_specs& s, std::string_view) {
  if (s.type == 0 || s.type == 'c') {
    write_string(out, s, &v.c, 1);
  } else {  // integer presentation of the code unit (as unsigned char, like C++26 std::format)
    write_integer<std::uint32_t>(out, static_cast<unsigned char>(v.c), false, s);
  }
}
inline void handle_bool(format_buffer& out, const arg_value& v, const format_specs& s, std::string_view) {
  if (s.type == 0 || s.type == 's') {
    // 16-byte rows: copy_short's wide loads stay inside the object (and GCC's -Warray-bounds agrees).
    static constexpr char names[2][16] = {"false", "true"};
    write_string(out, s, names[v.b ? 1 : 0], v.b ? 4 : 5);
  } else {
    write_integer<std::uint32_t>(out, v.b ? 1u : 0u, false, s);
  }
}
inline constexpr const char* null_cstr_message = "heapless::format: null const char* argument";
inline void handle_cstr(format_buffer& out, const arg_value& v, const format_specs& s, std::string_view) {
  if (v.cstr == nullptr) return out.fail(null_cstr_message);
  write_string(out, s, v.cstr, std::strlen(v.cstr));
}
inline void handle_string(format_buffer& out, const arg_value& v, const format_specs& s, std::string_view) {
  // An empty string_view may hold nullptr, which must not reach memcpy.
  write_string(out, s, v.str.size != 0 ? v.str.data : "", v.str.size);
}
inline void handle_pointer(format_buffer& out, const arg_value& v, const format_specs& s, std::string_view) {
  format_specs hex = s;
  hex.type = 'x';
  hex.set(format_specs::alt_flag | format_specs::has_spec_flag);
  write_integer<std::uintptr_t>(out, reinterpret_cast<std::uintptr_t>(v.ptr), false, hex);
}

}  // namespace detail

/// What a user formatter<T>::format receives: where to write, and the raw spec
/// text of the field ("x" for "{:x}"). Write with write()/put(), or format
/// nested values with heapless::format_to(ctx, "...", ...).
class format_context {
 public:
  explicit format_context(detail::format_buffer& out, std::string_view spec = {}) noexcept
      : out_(out), spec_(spec) {}
  format_context(const format_context&) = delete;
  format_context& operator=(const format_context&) = delete;

  /// Appends s (O(s.size())); past a fixed capacity the excess is dropped and
  /// reported by the format_to call that owns this context.
  void write(std::string_view s) { out_.write(s.data(), s.size()); }
  void put(char c) { out_.put(c); }
  /// The spec text after ':' in the replacement field ("" for "{}").
  std::string_view spec() const noexcept { return spec_; }
  detail::format_buffer& buffer() noexcept { return out_; }

 private:
  detail::format_buffer& out_;
  std::string_view spec_;
};

namespace detail {

// ---- Type classification ----------------------------------------------------

template <class T, class = void>
struct has_formatter : std::false_type {};
template <class T>
struct has_formatter<T, decltype(void(sizeof(formatter<T>)))> : std::true_type {};

template <class T, class = void>
struct has_parse : std::false_type {};
template <class T>
struct has_parse<T, decltype(void(formatter<T>::parse(std::string_view{})))> : std::true_type {};

template <class T>
constexpr bool check_custom_spec(std::string_view spec) {
  if constexpr (has_parse<T>::value) {
    return formatter<T>::parse(spec);
  } else {
    return spec.empty();
  }
}

template <class T>
void handle_custom(format_buffer& out, const arg_value& v, const format_specs&, std::string_view raw) {
  format_context ctx(out, raw);
  const formatter<T> f{};
  f.format(*static_cast<const T*>(v.custom.object), ctx);
}

template <class T>
constexpr bool is_char_type_v = std::is_same_v<T, char> || std::is_same_v<T, wchar_t> ||
#if defined(__cpp_char8_t)
                                std::is_same_v<T, char8_t> ||
#endif
                                std::is_same_v<T, char16_t> || std::is_same_v<T, char32_t>;

template <class T>
struct float_handler;  // defined in format_float.hpp (instantiated only for float arguments)

/// How a (decayed) argument type T is stored and formatted.
template <class T>
struct arg_traits {
  static constexpr bool is_custom = has_formatter<T>::value;
  static constexpr bool is_enum = !is_custom && std::is_enum_v<T>;
  using value_type = std::conditional_t<is_enum, std::underlying_type<T>, std::decay<T>>;
  using V = typename value_type::type;  // T, or an enum's underlying type

  static constexpr bool is_bool = std::is_same_v<V, bool>;
  static constexpr bool is_char = std::is_same_v<V, char>;
  static constexpr bool is_int = std::is_integral_v<V> && !is_bool && !is_char && !is_char_type_v<V>;
  static constexpr bool is_float = std::is_same_v<V, float> || std::is_same_v<V, double>;
  static constexpr bool is_cstr = std::is_same_v<V, const char*> || std::is_same_v<V, char*>;
  static constexpr bool is_pointer =
      !is_cstr && (std::is_pointer_v<V> || std::is_same_v<V, std::nullptr_t>) &&
      !std::is_function_v<std::remove_pointer_t<V>>;
  static constexpr bool is_string =
      !is_custom && !is_cstr && !is_pointer && std::is_convertible_v<const T&, std::string_view>;

  static constexpr bool supported =
      is_custom || is_bool || is_char || is_int || is_float || is_cstr || is_pointer || is_string;

  static constexpr arg_category category =
      is_custom    ? arg_category::custom
      : is_bool    ? arg_category::boolean
      : is_char    ? arg_category::character
      : is_int     ? (std::is_signed_v<V> ? arg_category::signed_int : arg_category::unsigned_int)
      : is_float   ? arg_category::floating
      : is_pointer ? arg_category::pointer
                   : arg_category::string;

  static constexpr bool wide = sizeof(V) > 4;

  static constexpr arg_handler handler() {
    if constexpr (is_custom) return &handle_custom<T>;
    else if constexpr (is_bool) return &handle_bool;
    else if constexpr (is_char) return &handle_char;
    else if constexpr (is_int && std::is_signed_v<V>) return wide ? &handle_i64 : &handle_i32;
    else if constexpr (is_int) return wide ? &handle_u64 : &handle_u32;
    else if constexpr (is_float) return &float_handler<V>::handle;
    else if constexpr (is_cstr) return &handle_cstr;
    else if constexpr (is_pointer) return &handle_pointer;
    else return &handle_string;
  }
  static constexpr spec_checker checker() {
    if constexpr (is_custom) return &check_custom_spec<T>;
    else return nullptr;
  }

  static arg_value make(const T& x) noexcept {
    arg_value v{};
    if constexpr (is_custom) {
      v.custom.object = &x;
    } else if constexpr (is_bool || is_char) {
      if constexpr (is_bool) v.b = static_cast<bool>(x);
      else v.c = static_cast<char>(x);
    } else if constexpr (is_int) {
      const auto u = static_cast<V>(x);
      if constexpr (std::is_signed_v<V>) {
        if constexpr (wide) v.i64 = static_cast<long long>(u);
        else v.i32 = static_cast<std::int32_t>(u);
      } else {
        if constexpr (wide) v.u64 = static_cast<unsigned long long>(u);
        else v.u32 = static_cast<std::uint32_t>(u);
      }
    } else if constexpr (std::is_same_v<V, float>) {
      v.f = x;
    } else if constexpr (std::is_same_v<V, double>) {
      v.d = x;
    } else if constexpr (is_cstr) {
      v.cstr = x;
    } else if constexpr (is_pointer) {
      if constexpr (std::is_same_v<V, std::nullptr_t>) v.ptr = nullptr;
      else v.ptr = reinterpret_cast<const void*>(x);
    } else {
      const std::string_view sv = x;
      v.str.data = sv.data();
      v.str.size = sv.size();
    }
    return v;
  }
};

template <class T>
struct arg_desc_of {
  static_assert(arg_traits<T>::supported,
                "heapless::format: no formatter for this argument type; specialise heapless::formatter<T>");
  static constexpr arg_desc value{arg_traits<T>::handler(), arg_traits<T>::category, arg_traits<T>::checker()};
};

/// The constexpr descriptor table of an argument list (one trailing entry so it is never empty).
template <class... Ts>
struct arg_descs {
  static constexpr arg_desc value[sizeof...(Ts) + 1] = {arg_desc_of<Ts>::value...,
                                                         arg_desc{nullptr, arg_category::custom, nullptr}};
};

/// The type an argument is described by: decayed, and char* read as const char*.
template <class T>
using arg_type_t = std::conditional_t<std::is_same_v<std::decay_t<T>, char*>, const char*, std::decay_t<T>>;

// ---- Engine ------------------------------------------------------------------

// ---- Precompiled format strings (C++20) ---------------------------------------
// The consteval format-string constructor has parsed the string already; it
// can keep the result: a list of ops, each some literal text followed by at
// most one field with its parsed spec. Formatting then runs the ops without
// parsing or validating anything.

struct compiled_op {
  std::uint16_t text_begin = 0;  // literal text: offsets into the format string
  std::uint16_t text_len = 0;
  std::uint8_t arg = 0xFF;  // argument index; 0xFF: text only
  format_specs specs{};     // a custom type's field: spec text offset in width, length in precision
};

/// A view of a compiled program (null ops: not compiled, parse at run time).
struct program_view {
  const compiled_op* ops = nullptr;
  std::size_t count = 0;
};

template <std::size_t K>
struct compiled_program {
  compiled_op ops[K]{};
  std::uint8_t count = 0;
  bool valid = false;
};

/// parse_format handler that records ops; gives up (valid = false) when the
/// string is too long for 16-bit offsets or has more pieces than K.
struct compile_handler {
  const char* base;
  compiled_op* ops;
  std::size_t capacity;
  std::size_t count = 0;
  bool open = false;  // the last op has text and no field yet
  bool overflow = false;

  constexpr bool next_op() noexcept {
    if (count == capacity) {
      overflow = true;
      return false;
    }
    ops[count++] = compiled_op{};
    return true;
  }
  constexpr void on_text(const char* p, std::size_t n) noexcept {
    const auto off = static_cast<std::size_t>(p - base);
    if (off + n > 0xFFFFu) {
      overflow = true;
      return;
    }
    if (open && ops[count - 1].text_begin + ops[count - 1].text_len == off) {
      ops[count - 1].text_len = static_cast<std::uint16_t>(ops[count - 1].text_len + n);
      return;
    }
    if (!next_op()) return;
    ops[count - 1].text_begin = static_cast<std::uint16_t>(off);
    ops[count - 1].text_len = static_cast<std::uint16_t>(n);
    open = true;
  }
  constexpr void on_field(std::size_t index, const format_specs& specs, std::string_view raw) noexcept {
    if (!open && !next_op()) return;
    compiled_op& op = ops[count - 1];
    op.arg = static_cast<std::uint8_t>(index);
    op.specs = specs;
    if (!raw.empty()) {
      op.specs.width = static_cast<std::uint32_t>(raw.data() - base);
      op.specs.precision = static_cast<std::int32_t>(raw.size());
      op.specs.set(format_specs::has_spec_flag);
    }
    open = false;
  }
};

/// Checks fmt against descs and, if it is valid, compiles it into prog.
template <std::size_t K>
constexpr format_errc compile_format(std::string_view fmt, const arg_desc* descs, std::size_t n,
                                     compiled_program<K>& prog) {
  compile_handler h{fmt.data(), prog.ops, K};
  const format_errc e = parse_format(fmt, descs, n, h);
  prog.valid = e == format_errc::ok && !h.overflow && n < 0xFF;
  prog.count = static_cast<std::uint8_t>(prog.valid ? h.count : 0);
  return e;
}

// ---- Engine ------------------------------------------------------------------

/// Everything one formatting call needs, type-erased. run formats it:
/// vformat (parse at run time, or run the C++20 precompiled program), or a
/// HEAPLESS_FMT string's generated code (format_compiled.hpp), which reads
/// the arguments from args instead of values.
struct format_call {
  std::string_view fmt;
  program_view program;
  const arg_value* values;
  const arg_desc* descs;
  std::size_t n;
  void (*run)(format_buffer&, const format_call&);
  const void* args;
};

struct format_handler {
  format_buffer& out;
  const arg_value* values;
  const arg_desc* descs;
  void on_text(const char* p, std::size_t n) { out.write(p, n); }
  void on_field(std::size_t i, const format_specs& s, std::string_view raw) {
    descs[i].handler(out, values[i], s, raw);
  }
};

/// Formats into out. A malformed format string (or a value a spec cannot
/// show) is recorded with out.fail(); the caller raises it with
/// raise_format_error() once its target is consistent again.
HEAPLESS_NOINLINE inline void vformat(format_buffer& out, const format_call& c) {
#if HEAPLESS_DETAIL_FORMAT_COMPILED
  if (c.program.ops != nullptr) {  // compiled (and checked) at compile time
    const char* const base = c.fmt.data();
    for (std::size_t i = 0; i < c.program.count; ++i) {
      const compiled_op& op = c.program.ops[i];
      out.write(base + op.text_begin, op.text_len);
      if (op.arg != 0xFF) {
        const arg_desc& d = c.descs[op.arg];
        if (d.category != arg_category::custom) {
          d.handler(out, c.values[op.arg], op.specs, std::string_view());
        } else {
          const auto raw_len = op.specs.plain() ? 0u : static_cast<std::size_t>(op.specs.precision);
          d.handler(out, c.values[op.arg], op.specs, std::string_view(base + op.specs.width, raw_len));
        }
      }
    }
    return;
  }
#endif
  format_handler h{out, c.values, c.descs};
  const format_errc e = parse_format(c.fmt, c.descs, c.n, h);
  if (HEAPLESS_UNLIKELY(e != format_errc::ok)) out.fail(format_error_message(e));
}

[[noreturn]] HEAPLESS_COLD inline void raise_format_error(const char* message) {
  raise(error_kind::invalid_argument, message);
}

}  // namespace detail
}  // namespace heapless

#endif  // HEAPLESS_DETAIL_FORMAT_CORE_HPP
// ---- end heapless/detail/format_core.hpp ----

namespace heapless {
namespace detail {

/// Base of the types HEAPLESS_FMT creates.
struct compiled_string_tag {};

template <class S>
constexpr bool is_compiled_string_v = std::is_base_of_v<compiled_string_tag, S>;
template <class S>
using if_compiled_string_t = std::enable_if_t<is_compiled_string_v<S>, int>;

/// Upper bound of the ops a string compiles to (each brace starts at most one).
constexpr std::size_t compiled_op_bound(std::string_view s) noexcept {
  std::size_t n = 1;
  for (const char c : s) n += (c == '{' || c == '}') ? 1 : 0;
  return n;
}

/// The compiled form of format string S for argument types Ts.
template <class S, class... Ts>
struct compiled_format {
  static constexpr std::string_view str = S::str();
  static constexpr std::size_t bound = compiled_op_bound(str);
  struct result {
    compiled_program<bound> program{};
    format_errc error = format_errc::ok;
  };
  static constexpr result compile() {
    result r{};
    r.error = compile_format(str, arg_descs<Ts...>::value, sizeof...(Ts), r.program);
    return r;
  }
  static constexpr result compiled = compile();
  static constexpr format_errc error = compiled.error;
  static_assert(error != format_errc::unmatched_open_brace, "HEAPLESS_FMT: '{' without matching '}'");
  static_assert(error != format_errc::unmatched_close_brace, "HEAPLESS_FMT: '}' must be written '}}'");
  static_assert(error != format_errc::invalid_arg_id, "HEAPLESS_FMT: invalid argument index");
  static_assert(error != format_errc::arg_id_out_of_range, "HEAPLESS_FMT: more fields than arguments");
  static_assert(error != format_errc::mixed_indexing, "HEAPLESS_FMT: mixed automatic and manual indexing");
  static_assert(error != format_errc::invalid_spec, "HEAPLESS_FMT: invalid format spec");
  static_assert(error != format_errc::number_too_big, "HEAPLESS_FMT: width or precision too big");
  static_assert(error != format_errc::type_mismatch, "HEAPLESS_FMT: spec not valid for the argument type");
  static_assert(error != format_errc::custom_spec_rejected, "HEAPLESS_FMT: formatter<T>::parse rejected the spec");
  static_assert(error != format_errc::unused_argument, "HEAPLESS_FMT: an argument is never used");
  static_assert(error != format_errc::too_many_arguments, "HEAPLESS_FMT: at most 32 arguments");
  static_assert(error != format_errc::ok || compiled.program.valid, "HEAPLESS_FMT: format string longer than 64 KiB");
  static constexpr std::size_t count = compiled.program.count;
};

/// The arguments of a compiled call, type-erased for format_call::args.
template <std::size_t N>
struct arg_refs {
  const void* p[N + 1];
};

template <std::size_t I, class T, class... Ts>
struct nth_type : nth_type<I - 1, Ts...> {};
template <class T, class... Ts>
struct nth_type<0, T, Ts...> {
  using type = T;
};

/// The writer of the simple integer specs: sign, prefix ("0x" "0X" "0b" "0B"
/// "0" or ""), digits in base 10 (shift == 0) or 2^shift; nothing else. One
/// function for every base: under -Os one digit loop serves all of them.
template <class UInt>
HEAPLESS_NOINLINE void write_int_plain(format_buffer& out, UInt abs, bool negative, unsigned shift, bool upper,
                                       const char* prefix) {
  char buf[sizeof(UInt) * 8 + 4];  // >= 16 too: format_buffer::write may copy 16 bytes at a time
  char* const end = buf + sizeof buf;
  char* p = uint_digits(end, abs, shift != 0 ? 1u << shift : 10u, upper);
  for (std::size_t n = std::strlen(prefix); n > 0; --n) *--p = prefix[n - 1];
  if (negative) *--p = '-';
  out.write(p, static_cast<std::size_t>(end - p));
}

/// An integer spec the plain writers handle: no width, fill, '+' or ' ' sign,
/// zero padding or 'c'; any base, with or without '#'.
constexpr bool is_simple_int_spec(const format_specs& s) noexcept {
  return s.width == 0 && s.precision < 0 && s.sign != '+' && s.sign != ' ' && !s.zero() &&
         (s.type == 0 || is_int_type(s.type));
}

/// log2 of the base of an integer type char ('x' 'X' 'o' 'b' 'B'), 0 for decimal.
constexpr unsigned int_type_shift(char t) noexcept {
  return t == 'x' || t == 'X' ? 4 : t == 'o' ? 3 : t == 'b' || t == 'B' ? 1 : 0;
}

/// Every field without a special writer: the run-time engine's handler for
/// its type, with the spec (and a custom type's spec text) as constants.
template <class P, std::size_t K, class T>
inline void handle_compiled_field(format_buffer& out, const T& x) {
  static constexpr format_specs specs = P::compiled.program.ops[K].specs;
  constexpr std::string_view raw =
      arg_traits<T>::is_custom && !specs.plain()
          ? P::str.substr(static_cast<std::size_t>(specs.width), static_cast<std::size_t>(specs.precision))
          : std::string_view();
  arg_traits<T>::handler()(out, arg_traits<T>::make(x), specs, raw);
}

/// Writes argument I of a compiled format with the spec of op K.
template <class P, std::size_t K, class T>
inline void write_compiled_field(format_buffer& out, const T& x) {
  constexpr compiled_op op = P::compiled.program.ops[K];
  constexpr format_specs s = op.specs;
  using tr = arg_traits<T>;
  using V = typename tr::V;
  if constexpr (tr::is_int && is_simple_int_spec(s)) {
    using U = std::conditional_t<tr::wide, unsigned long long, std::uint32_t>;
    const auto v = static_cast<V>(x);
    bool neg = false;
    U abs = static_cast<U>(v);
    if constexpr (std::is_signed_v<V>) {
      neg = v < 0;
      if (neg) abs = static_cast<U>(U{0} - abs);
    }
    constexpr unsigned shift = int_type_shift(s.type);
    constexpr const char* prefix = !s.alt() || shift == 0 ? ""
                                   : s.type == 'x'        ? "0x"
                                   : s.type == 'X'        ? "0X"
                                   : s.type == 'b'        ? "0b"
                                   : s.type == 'B'        ? "0B"
                                                          : "0";
    // '#o' writes no prefix for 0 (the zero digit is the prefix).
    const char* const pre = (s.type == 'o' && abs == 0) ? "" : prefix;
    if constexpr (tr::wide) {  // 32-bit arithmetic when the value fits (cheap on 32-bit cores)
      if (abs <= 0xFFFFFFFFu) {
        return write_int_plain<std::uint32_t>(out, static_cast<std::uint32_t>(abs), neg, shift, s.type == 'X', pre);
      }
    }
    write_int_plain<U>(out, abs, neg, shift, s.type == 'X', pre);
  } else if constexpr (tr::is_string && s.plain()) {
    const std::string_view sv = x;
    out.write(sv.size() != 0 ? sv.data() : "", sv.size());
  } else if constexpr (tr::is_char && s.plain()) {
    out.put(static_cast<char>(x));
  } else if constexpr (tr::is_bool && s.plain()) {
    if (static_cast<bool>(x)) out.write("true", 4);
    else out.write("false", 5);
  } else {
    handle_compiled_field<P, K>(out, x);
  }
}

template <class P, std::size_t K, class... Args>
inline void run_compiled_op(format_buffer& out, const void* const* args) {
  constexpr compiled_op op = P::compiled.program.ops[K];
  if constexpr (op.text_len != 0) out.write(P::str.data() + op.text_begin, op.text_len);
  if constexpr (op.arg != 0xFF) {
    using Raw = typename nth_type<op.arg, Args...>::type;  // as deduced: may be a char array
    using T = arg_type_t<Raw>;
    const Raw& raw = *static_cast<const Raw*>(args[op.arg]);
    if constexpr (std::is_array_v<Raw>) {
      const T decayed = raw;
      write_compiled_field<P, K, T>(out, decayed);
    } else {
      write_compiled_field<P, K, T>(out, raw);
    }
  }
}

template <class P, class... Args, std::size_t... K>
inline void run_compiled_ops(format_buffer& out, const void* const* args, std::index_sequence<K...>) {
  (run_compiled_op<P, K, Args...>(out, args), ...);
}

/// format_call::run of a compiled call (Args as deduced by the public
/// function): c.args is an arg_refs<sizeof...(Args)>.
template <class S, class... Args>
void run_compiled(format_buffer& out, const format_call& c) {
  using P = compiled_format<S, arg_type_t<Args>...>;
  run_compiled_ops<P, Args...>(out, static_cast<const arg_refs<sizeof...(Args)>*>(c.args)->p,
                               std::make_index_sequence<P::count>{});
}

// ---- Straight into a String<N> (format_to, try_format_to, format<N>) --------
// A compiled call whose target is a String writes into the String's own
// buffer: no format_buffer, no format_call, no function pointers. The sink
// is the free capacity [cur, end); each piece is one capacity check and a
// copy. After the first piece that does not fit, cur and end are both null
// (no room), so every later piece fails the same check and the caller tests
// cur once, at the end (format.hpp, format_direct).

struct direct_sink {
  char* cur;
  char* end;
};
/// The sink of a call with a field that takes its type's handler, which may
/// report a value error ({:c} of 300, a null const char*).
struct direct_sink_checked : direct_sink {
  const char* error = nullptr;
};

/// Appends [t, t + n) if it fits; otherwise fails the sink. Out of line:
/// one copy for every call site (and the compiler does not see which String
/// it writes to: see direct_literal).
HEAPLESS_NOINLINE inline void direct_write(direct_sink& out, const char* t, std::size_t n) noexcept {
  if (HEAPLESS_LIKELY(n <= static_cast<std::size_t>(out.end - out.cur))) {
    copy_short(out.cur, t, n);  // nothing when n == 0 (cur may be null then)
    out.cur += n;
  } else {
    out.cur = out.end = nullptr;
  }
}

/// Appends a constant piece of Len (> 0) chars: on fast builds an inlined
/// fixed-size copy.
template <std::size_t Len>
inline void direct_literal(direct_sink& out, const char* t) noexcept {
#if HEAPLESS_FORMAT_OPTIMIZE_SIZE
  direct_write(out, t, Len);
#else
  char* d = out.cur;
  if (HEAPLESS_LIKELY(Len <= static_cast<std::size_t>(out.end - d))) {
#if defined(__GNUC__) && !defined(__clang__)
    // Hides which String d points into: g++ (-O1 and up) otherwise reports
    // the copy of a literal longer than a small String's capacity as
    // -Warray-bounds, on this branch that the check above never takes.
    __asm__("" : "+r"(d));
#endif
    std::memcpy(d, t, Len);
    out.cur = d + Len;
  } else {
    out.cur = out.end = nullptr;
  }
#endif
}

// direct_uint's flags: the base (2, 8, 10, 16) in the low byte, then:
constexpr unsigned direct_prefix = 8;          // bits 8-15: last char of the base prefix ('x' 'X' 'b' 'B', '0' for octal's "0")
constexpr unsigned direct_signed = 1u << 16;   // v is two's complement: '-' and the magnitude if negative
constexpr unsigned direct_negative = 1u << 17; // v is the magnitude of a negative value
constexpr unsigned direct_upper = 1u << 18;    // upper-case hex digits

/// Sign, prefix and digits of a simple integer field (is_simple_int_spec).
/// Prefix: the field may have a base prefix the caller could not put into
/// the literal text before it (a signed value's '-' goes first; '#o' of 0
/// has none); the calls of most programs never need that code.
template <class UInt, bool Prefix>
HEAPLESS_NOINLINE void direct_uint(direct_sink& out, UInt v, unsigned flags) noexcept {
  bool negative = (flags & direct_negative) != 0;
  if ((flags & direct_signed) != 0 && (v >> (sizeof(UInt) * 8 - 1)) != 0) {
    v = static_cast<UInt>(0 - v);
    negative = true;
  }
#if !HEAPLESS_FORMAT_OPTIMIZE_SIZE
  if ((flags & 0xFFu) == 10) {  // decimal: std::to_chars straight into the String (it fails when short of room)
    char* p = out.cur;
    if (p != nullptr && (!negative || p != out.end)) {
      if (negative) *p++ = '-';
      const std::to_chars_result r = std::to_chars(p, out.end, v);
      if (HEAPLESS_LIKELY(r.ec == std::errc())) {
        out.cur = r.ptr;
        return;
      }
    }
    out.cur = out.end = nullptr;
    return;
  }
#endif
  char buf[sizeof(UInt) * 8 + 3];
  char* const end = buf + sizeof buf;
  char* p = uint_digits(end, v, flags & 0xFFu, (flags & direct_upper) != 0);
  if constexpr (Prefix) {
    const char prefix = static_cast<char>((flags >> direct_prefix) & 0xFFu);
    if (prefix != 0) {
      if (prefix != '0') *--p = prefix;
      *--p = '0';
    }
  }
  if (negative) *--p = '-';
  direct_write(out, p, static_cast<std::size_t>(end - p));
}

/// The base prefix of a simple integer field with '#' ("0x" "0X" "0b" "0B",
/// "0" for octal but not for 0), and where it goes: as a constant after the
/// literal text before the field (unsigned values, not octal: the prefix
/// does not depend on the value), or written by direct_uint.
constexpr unsigned direct_prefix_char(const format_specs& s) noexcept {
  return !s.alt() || int_type_shift(s.type) == 0 ? 0u : s.type == 'o' ? unsigned{'0'} : static_cast<unsigned>(s.type);
}
template <class T>
constexpr std::size_t direct_text_prefix(const format_specs& s) noexcept {
  using tr = arg_traits<T>;
  if constexpr (tr::is_int) {
    if (is_simple_int_spec(s) && !std::is_signed_v<typename tr::V> && s.type != 'o' &&
        direct_prefix_char(s) != 0)
      return 2;
  }
  return 0;
}

/// The literal text of op K followed by Prefix chars of its field's base
/// prefix: each piece its own constant (the format string itself is not
/// linked).
template <class P, std::size_t K, std::size_t Prefix>
struct direct_text {
  static constexpr compiled_op op = P::compiled.program.ops[K];
  static constexpr std::size_t size = op.text_len + Prefix;
  struct chars {
    char c[size != 0 ? size : 1];
  };
  static constexpr chars make() {
    chars r{};
    for (std::size_t i = 0; i < op.text_len; ++i) r.c[i] = P::str[op.text_begin + i];
    if (Prefix != 0) {
      r.c[op.text_len] = '0';
      r.c[op.text_len + 1] = op.specs.type;
    }
    return r;
  }
  static constexpr chars value = make();
};

/// Can field K (argument type T) report no value error? (Only a null
/// const char* and the fields that take their type's handler can.)
template <class P, std::size_t K, class T>
constexpr bool direct_field_simple() {
  constexpr format_specs s = P::compiled.program.ops[K].specs;
  using tr = arg_traits<T>;
  return (tr::is_int && is_simple_int_spec(s)) || ((tr::is_string || tr::is_char || tr::is_bool) && s.plain());
}
template <class P, std::size_t K, class... Args>
constexpr bool direct_op_simple() {
  constexpr compiled_op op = P::compiled.program.ops[K];
  if constexpr (op.arg == 0xFF) {
    return true;
  } else {
    return direct_field_simple<P, K, arg_type_t<typename nth_type<op.arg, Args...>::type>>();
  }
}
/// True if no field of P (arguments as deduced: Args) can report a value error.
template <class P, class... Args, std::size_t... K>
constexpr bool direct_all_simple(std::index_sequence<K...>) {
  return (direct_op_simple<P, K, Args...>() && ...);
}

template <class P, std::size_t K, class T, class Sink>
inline void direct_field(Sink& out, const T& x) {
  constexpr format_specs s = P::compiled.program.ops[K].specs;
  using tr = arg_traits<T>;
  using V = typename tr::V;
  if constexpr (tr::is_int && is_simple_int_spec(s)) {
    constexpr unsigned shift = int_type_shift(s.type);
    constexpr unsigned base = shift != 0 ? 1u << shift : 10u;
    // A prefix the literal text before the field does not hold: direct_uint writes it.
    constexpr unsigned prefix = direct_text_prefix<T>(s) != 0 ? 0u : direct_prefix_char(s);
    constexpr bool with_prefix = prefix != 0;
    constexpr unsigned flags = base | (prefix << direct_prefix) | (s.type == 'X' ? direct_upper : 0u);
    const auto v = static_cast<V>(x);
    // '#o' writes no prefix for 0 (the zero digit is the prefix).
    const unsigned f = (s.type == 'o' && with_prefix && v == 0) ? (flags & 0xFFu) : flags;
    if constexpr (tr::wide) {  // 32-bit arithmetic when the value fits (cheap on 32-bit cores)
      auto abs = static_cast<unsigned long long>(v);
      unsigned g = f;
      if constexpr (std::is_signed_v<V>) {
        if (v < 0) {
          abs = 0ull - abs;
          g |= direct_negative;
        }
      }
      if (abs <= 0xFFFFFFFFu) return direct_uint<std::uint32_t, with_prefix>(out, static_cast<std::uint32_t>(abs), g);
      direct_uint<unsigned long long, with_prefix>(out, abs, g);
    } else if constexpr (std::is_signed_v<V>) {
      direct_uint<std::uint32_t, with_prefix>(out, static_cast<std::uint32_t>(static_cast<std::int32_t>(v)),
                                              f | direct_signed);
    } else {
      direct_uint<std::uint32_t, with_prefix>(out, static_cast<std::uint32_t>(v), f);
    }
  } else if constexpr (tr::is_string && s.plain()) {
    const std::string_view sv = x;
    direct_write(out, sv.size() != 0 ? sv.data() : "", sv.size());
  } else if constexpr (tr::is_cstr && s.plain()) {
    if (x != nullptr) {
      direct_write(out, x, std::strlen(x));
    } else if (out.error == nullptr) {
      out.error = null_cstr_message;
    }
  } else if constexpr (tr::is_char && s.plain()) {
    const char c = static_cast<char>(x);
    direct_write(out, &c, 1);
  } else if constexpr (tr::is_bool && s.plain()) {
    if (static_cast<bool>(x)) direct_literal<4>(out, "true");
    else direct_literal<5>(out, "false");
  } else {
    // The type's handler, into a fixed_buffer over the free capacity (over
    // nothing once the sink has failed: the field still reports its value
    // error, which wins over "does not fit" as in the run-time engine).
    char none = 0;
    fixed_buffer b(out.cur != nullptr ? out.cur : &none, out.cur != nullptr ? out.end : &none);
    handle_compiled_field<P, K>(b, x);
    if (b.error() != nullptr && out.error == nullptr) out.error = b.error();
    if (b.dropped() != 0 || out.cur == nullptr) {
      out.cur = out.end = nullptr;
    } else {
      out.cur = b.cur();
    }
  }
}

template <std::size_t I, class T, class... Ts>
constexpr const auto& nth_arg(const T& x, const Ts&... xs) noexcept {
  if constexpr (I == 0) {
    return x;
  } else {
    return nth_arg<I - 1>(xs...);
  }
}

template <class P, std::size_t K, class Sink, class... Args>
inline void direct_op(Sink& out, const Args&... args) {
  constexpr compiled_op op = P::compiled.program.ops[K];
  if constexpr (op.arg == 0xFF) {
    if constexpr (op.text_len != 0) direct_literal<op.text_len>(out, direct_text<P, K, 0>::value.c);
  } else {
    using Raw = typename nth_type<op.arg, Args...>::type;  // as deduced: may be a char array
    using T = arg_type_t<Raw>;
    using text = direct_text<P, K, direct_text_prefix<T>(op.specs)>;
    if constexpr (text::size != 0) direct_literal<text::size>(out, text::value.c);
    const Raw& raw = nth_arg<op.arg>(args...);
    if constexpr (std::is_array_v<Raw>) {
      const T decayed = raw;
      direct_field<P, K, T>(out, decayed);
    } else {
      direct_field<P, K, T>(out, raw);
    }
  }
}

/// Runs compiled format P (arguments as deduced: Args) into out.
template <class P, class Sink, class... Args, std::size_t... K>
inline void run_direct(Sink& out, std::index_sequence<K...>, const Args&... args) {
  (direct_op<P, K>(out, args...), ...);
}

}  // namespace detail
}  // namespace heapless

#endif  // HEAPLESS_DETAIL_FORMAT_COMPILED_HPP
// ---- end heapless/detail/format_compiled.hpp ----
// #include "detail/format_core.hpp": inlined above
// ---- begin heapless/detail/format_float.hpp ----
// heapless/detail/format_float.hpp - float and double formatting for heapless/format.hpp.
//
// Kept apart from the integer engine: float_handler<F>::handle is referenced
// only from the descriptor of a float/double argument, so a program that never
// formats a floating-point value never instantiates, references or links any
// of this.
//
// The digits come from one of two back ends with the same output, byte for
// byte (exact, locale-free, no heap), chosen by HEAPLESS_FORMAT_STD_TO_CHARS:
//   1  std::to_chars(float/double): the standard library's (libstdc++: Ryu),
//      fastest for the shortest form; the default on hosted systems
//      (Linux, macOS, Windows, other Unix) whose library has it.
//   0  heapless::detail::fp::to_chars (detail/float_to_chars.hpp): exact
//      big-integer digit generation, ~2-3 KB of code and no tables; the
//      default elsewhere (bare metal, RTOS), where libstdc++'s costs
//      ~120-140 KB of flash.
// Either way a fixed precision ("{:.3f}") of a value below 2^53 whose
// fraction fits 60 bits takes fp's 64-bit path.
//
//   {}            shortest round-trip representation (to_chars(value))
//   {:.P}         general, P significant digits
//   {:f} {:e} {:g} fixed / scientific / general, precision P (default 6)
// and '#' (keep the point; for g keep trailing zeros), sign, '0' padding and
// uppercase (F E G: INF, NAN, E) are applied around the digits here.
#ifndef HEAPLESS_DETAIL_FORMAT_FLOAT_HPP
#define HEAPLESS_DETAIL_FORMAT_FLOAT_HPP

#include <charconv>  // std::to_chars(float/double, ...), std::chars_format
#include <cstdint>   // std::uint32_t, std::uint64_t
#include <type_traits>  // std::is_same_v

// ---- begin heapless/detail/float_to_chars.hpp ----
// heapless/detail/float_to_chars.hpp - a compact, exact float/double to_chars.
//
// The floating-point back end of heapless/format.hpp on targets where the
// standard library's std::to_chars(double) is too large (libstdc++ 12's costs
// ~120-140 KB of flash on Cortex-M: Ryu tables and long double paths). Output
// is byte for byte what std::to_chars produces (tests/float_to_chars_test.cpp
// and a fuzz target compare them):
//   to_chars(first, last, x)             shortest round-trip digits, fixed or
//                                        scientific, whichever is shorter (fixed
//                                        on a tie); a fixed integer shows its
//                                        exact value
//   to_chars(first, last, x, fmt, prec)  fixed / scientific / general with a
//                                        precision, rounded exactly
//                                        (round-half-even on exact ties)
// "inf", "nan", a leading '-' for negative values (also -0 and -nan).
//
// The method is the classic exact one (Steele & White / Burger & Dybvig "free
// format" for the shortest digits, long division for a given precision) on a
// small fixed-size big integer: no tables, no heap, no locale, ~2 KB of Thumb
// code. The big integers live on the stack: at most 4 of
// bigint<F>::words 32-bit words (4 x 160 bytes for double, 4 x 32 for float).
// A fixed-precision value below 2^53 with at most 60 fraction bits (most
// values a program prints with "{:.3f}") takes a 64-bit path instead.
#ifndef HEAPLESS_DETAIL_FLOAT_TO_CHARS_HPP
#define HEAPLESS_DETAIL_FLOAT_TO_CHARS_HPP

#include <charconv>     // std::to_chars_result, std::chars_format, std::errc
#include <cstddef>      // std::size_t
#include <cstdint>      // std::uint32_t, std::uint64_t
#include <cstring>      // std::memcpy, std::memmove

// #include "config.hpp": inlined above

namespace heapless {
namespace detail {
namespace fp {

// A finite |x| = f * 2^e with f an integer (hidden bit included).
struct decomposed {
  std::uint64_t f;
  int e;
  bool neg;
  bool finite;        // false: inf or nan
  bool nan;
  bool lower_closer;  // f is a power of two above the smallest normal: the
                      // gap below x is half the gap above
};

template <class F>
struct traits;
template <>
struct traits<float> {
  using bits_type = std::uint32_t;
  static constexpr int mantissa_bits = 23;
  static constexpr int exponent_bits = 8;
  static constexpr int bias = 127 + 23;
  // Big integers: < 2^(24 + 151 + 36) in every step (see bigint below).
  static constexpr std::size_t words = 8;
  static constexpr int max_shortest = 9;
  static constexpr int max_fraction_digits = 149;     // 2^-149 has 149 fraction digits
  static constexpr int max_significant_digits = 112;  // of any exact float expansion
  static constexpr std::size_t big_buffer = 1 + 39 + 1 + 149 + 8;  // format_float.hpp
};
template <>
struct traits<double> {
  using bits_type = std::uint64_t;
  static constexpr int mantissa_bits = 52;
  static constexpr int exponent_bits = 11;
  static constexpr int bias = 1023 + 52;
  // < 2^(53 + 1076 + 36) = 36.4 words in every step; two words of margin.
  static constexpr std::size_t words = 39;
  static constexpr int max_shortest = 17;
  static constexpr int max_fraction_digits = 1074;
  static constexpr int max_significant_digits = 767;
  // format_float.hpp's buffer: fixed is either <= 309 integer digits and no
  // fraction, or < 2^53 (16 digits) and <= 1074 fraction digits;
  // scientific/general: <= 767 digits + exponent.
  static constexpr std::size_t big_buffer = 1 + 16 + 1 + 1074 + 8;
};

template <class F>
inline decomposed decompose(F x) noexcept {
  using tr = traits<F>;
  typename tr::bits_type bits;
  std::memcpy(&bits, &x, sizeof bits);
  const std::uint64_t b = bits;
  const std::uint64_t mant = b & ((std::uint64_t{1} << tr::mantissa_bits) - 1);
  const int biased = static_cast<int>((b >> tr::mantissa_bits) & ((1u << tr::exponent_bits) - 1));
  decomposed d{};
  d.neg = (b >> (sizeof(F) * 8 - 1)) != 0;
  if (biased == (1 << tr::exponent_bits) - 1) {
    d.nan = mant != 0;
    return d;
  }
  d.finite = true;
  if (biased == 0) {
    d.f = mant;
    d.e = 1 - tr::bias;
  } else {
    d.f = mant | (std::uint64_t{1} << tr::mantissa_bits);
    d.e = biased - tr::bias;
    d.lower_closer = mant == 0 && biased > 1;
  }
  return d;
}

/// Number of significant bits of v (0 for 0).
inline unsigned bit_width(std::uint64_t v) noexcept {
  unsigned n = 0;
  for (; v != 0; v >>= 1) ++n;
  return n;
}

// An unsigned big integer of at most W 32-bit words, least significant first.
// Words at index >= n are unspecified.
template <std::size_t W>
struct bigint {
  std::uint32_t w[W];
  std::size_t n;

  void set(std::uint64_t v) noexcept {
    n = 0;
    while (v != 0) {
      w[n++] = static_cast<std::uint32_t>(v);
      v >>= 32;
    }
  }
  // The sizes are bounded by construction (traits<F>::words); the checks
  // below never fire, and tell the optimiser the bounds.
  void push(std::uint32_t word) noexcept {
    if (HEAPLESS_UNLIKELY(n >= W)) HEAPLESS_TRAP();
    w[n++] = word;
  }
  void mul(std::uint32_t m) noexcept {
    std::uint64_t carry = 0;
    for (std::size_t i = 0; i < n; ++i) {
      const std::uint64_t t = std::uint64_t{w[i]} * m + carry;
      w[i] = static_cast<std::uint32_t>(t);
      carry = t >> 32;
    }
    if (carry != 0) push(static_cast<std::uint32_t>(carry));
  }
  void mul_pow10(int k) noexcept {
    for (; k >= 9; k -= 9) mul(1000000000u);
    std::uint32_t m = 1;
    for (; k > 0; --k) m *= 10;
    if (m != 1) mul(m);
  }
  void shl(unsigned bits) noexcept {
    if (n == 0) return;
    const std::size_t words_ = bits / 32;
    const unsigned s = bits % 32;
    if (HEAPLESS_UNLIKELY(n + words_ >= W)) HEAPLESS_TRAP();
    if (s != 0) {
      const std::uint32_t top = w[n - 1] >> (32 - s);
      for (std::size_t i = n - 1; i > 0; --i) w[i + words_] = (w[i] << s) | (w[i - 1] >> (32 - s));
      w[words_] = w[0] << s;
      n += words_;
      if (top != 0) w[n++] = top;
    } else {
      for (std::size_t i = n; i > 0; --i) w[i - 1 + words_] = w[i - 1];
      n += words_;
    }
    for (std::size_t i = 0; i < words_; ++i) w[i] = 0;
  }
  void trim() noexcept {
    while (n != 0 && w[n - 1] == 0) --n;
  }
  // *this -= q * b; requires *this >= q * b.
  void sub_mul(const bigint& b, std::uint32_t q) noexcept {
    std::uint64_t carry = 0;  // of q * b
    std::uint32_t borrow = 0;
    for (std::size_t i = 0; i < n; ++i) {
      const std::uint64_t prod = (i < b.n ? std::uint64_t{b.w[i]} * q : 0u) + carry;
      carry = prod >> 32;
      const std::uint64_t take = (prod & 0xffffffffu) + borrow;
      borrow = std::uint64_t{w[i]} < take ? 1u : 0u;
      w[i] = static_cast<std::uint32_t>(std::uint64_t{w[i]} - take);
    }
    trim();
  }
  // *this = a + b.
  void set_sum(const bigint& a, const bigint& b) noexcept {
    const bigint& lo = a.n < b.n ? a : b;
    const bigint& hi = a.n < b.n ? b : a;
    std::uint64_t carry = 0;
    for (std::size_t i = 0; i < hi.n; ++i) {
      carry += std::uint64_t{hi.w[i]} + (i < lo.n ? lo.w[i] : 0u);
      w[i] = static_cast<std::uint32_t>(carry);
      carry >>= 32;
    }
    n = hi.n;
    if (carry != 0) push(static_cast<std::uint32_t>(carry));
  }
  unsigned bit_length() const noexcept {
    return n == 0 ? 0 : static_cast<unsigned>(32 * (n - 1)) + bit_width(w[n - 1]);
  }
};

template <std::size_t W>
inline int compare(const bigint<W>& a, const bigint<W>& b) noexcept {
  if (a.n != b.n) return a.n < b.n ? -1 : 1;
  for (std::size_t i = a.n; i > 0; --i) {
    if (a.w[i - 1] != b.w[i - 1]) return a.w[i - 1] < b.w[i - 1] ? -1 : 1;
  }
  return 0;
}

// The next decimal digit of r / s (< 10): r = r mod s. s is normalised (its top
// word in [2^27, 2^28), see normalise), so r < 10 s fits in s.n words and the
// estimate from the top words is exact or one too small.
template <std::size_t W>
inline unsigned next_digit(bigint<W>& r, const bigint<W>& s) noexcept {
  if (r.n < s.n) return 0;
  std::uint32_t q = r.w[s.n - 1] / (s.w[s.n - 1] + 1);  // s's top word < 2^28: no overflow
  if (q != 0) r.sub_mul(s, q);
  while (compare(r, s) >= 0) {
    r.sub_mul(s, 1);
    ++q;
  }
  return q;
}

// Shifts s (and the others by the same amount) so that s's top word is in
// [2^27, 2^28): then 10 * r < 2^(32 * s.n) for every r < s.
template <std::size_t W>
inline void normalise(bigint<W>& s, bigint<W>& r, bigint<W>* m) noexcept {
  const unsigned len = s.bit_length();
  const unsigned shift = (28u + 32u - len % 32u) % 32u;
  s.shl(shift);
  r.shl(shift);
  if (m != nullptr) m->shl(shift);
}

// The decimal exponent k with 10^(k-1) <= |x| < 10^k of a finite nonzero x,
// or one more or one less: floor(log10(2^(bits - 1))) + 1, the log taken as
// 1233 / 4096 (|bits| < 2^15). The callers correct it.
inline int estimate_k(const decomposed& v) noexcept {
  return ((v.e + static_cast<int>(bit_width(v.f)) - 1) * 1233 >> 12) + 1;
}

// Adds one unit in the last place to the digits d[0, n); on a carry out of the
// first digit (all were 9s, now all 0s) returns true.
inline bool round_up(char* d, std::size_t n) noexcept {
  for (std::size_t i = n; i > 0; --i) {
    if (d[i - 1] != '9') {
      ++d[i - 1];
      return false;
    }
    d[i - 1] = '0';
  }
  return true;
}

// r / s = |x| / 10^k in [0.1, 1): sets r, s and k for a finite nonzero x.
template <std::size_t W>
inline int scale(const decomposed& v, bigint<W>& r, bigint<W>& s) noexcept {
  r.set(v.f);
  s.set(1);
  if (v.e >= 0) r.shl(static_cast<unsigned>(v.e));
  else s.shl(static_cast<unsigned>(-v.e));
  int k = estimate_k(v);
  if (k >= 0) s.mul_pow10(k);
  else r.mul_pow10(-k);
  if (compare(r, s) >= 0) {  // the estimate was one too small
    s.mul(10);
    ++k;
  }
  // One too large (only possible for negative exponents) when 10 r < s. With
  // r and s both times 10 when it is not, r / s stays |x| / 10^k.
  r.mul(10);
  if (compare(r, s) < 0) --k;
  else s.mul(10);
  return k;
}

// Exact digits of a finite |x| rounded to a precision (half to even on ties):
//   fixed:  to p digits after the point (p >= 0)
//   !fixed: to p significant digits (p >= 1)
// Writes them to [d, d + cap) without leading zeros and stops early once the
// rest are all zeros: the value is 0.d1d2...dn000... * 10^k, *k_out = k.
// Returns n, or -1 if the digits do not fit. x == 0 gives n = 0.
template <class F>
inline long exact_digits(const decomposed& v, bool fixed, int p, char* d, std::size_t cap, int* k_out) noexcept {
  constexpr std::size_t W = traits<F>::words;
  *k_out = 0;
  if (v.f == 0) return 0;
  bigint<W> r, s;
  const int k = scale(v, r, s);
  *k_out = k;
  const long count = fixed ? static_cast<long>(k) + p : p;
  if (count < 0) return 0;  // |x| < 10^-(p+1): rounds to 0
  normalise(s, r, static_cast<bigint<W>*>(nullptr));
  long n = 0;
  for (; n < count && r.n != 0; ++n) {
    if (static_cast<std::size_t>(n) == cap) return -1;
    r.mul(10);
    d[n] = static_cast<char>('0' + next_digit(r, s));
  }
  if (r.n == 0) return n;  // exact
  r.shl(1);  // round on what is left: 2r against s
  const int c = compare(r, s);
  const bool odd = n != 0 && ((d[n - 1] - '0') & 1) != 0;
  if (c > 0 || (c == 0 && odd)) {
    if (n == 0 || round_up(d, static_cast<std::size_t>(n))) {  // 0.96 -> 1.0: "1", one place up
      if (cap == 0) return -1;
      d[0] = '1';
      *k_out = k + 1;
      return 1;
    }
  }
  return n;
}

// Shortest digits that read back as x (Steele & White, Burger & Dybvig), the
// closest to x among those, ties to even. x finite, nonzero. Writes at most
// traits<F>::max_shortest digits to d and returns their number; *k as above.
template <class F>
inline int shortest_digits(const decomposed& v, char* d, int* k_out) noexcept {
  constexpr std::size_t W = traits<F>::words;
  // r / s = x, (r - mlow) / s and (r + mhigh) / s are the midpoints to the
  // neighbours, all scaled by 2 (by 4 when the lower gap is smaller).
  bigint<W> r, s, mlow, sum;
  const unsigned extra = v.lower_closer ? 2u : 1u;
  r.set(v.f);
  r.shl(extra);
  s.set(1);
  s.shl(extra);
  mlow.set(1);
  if (v.e >= 0) {
    r.shl(static_cast<unsigned>(v.e));
    mlow.shl(static_cast<unsigned>(v.e));
  } else {
    s.shl(static_cast<unsigned>(-v.e));
  }
  const bool even = (v.f & 1) == 0;  // round-to-even: the midpoints read back as x
  auto reaches = [even](int c) { return even ? c >= 0 : c > 0; };  // a midpoint comparison
  // mhigh = mlow, or 2 mlow when the lower gap is the smaller one.
  auto high_sum = [&](const bigint<W>& base) {  // sum = base + mhigh
    sum.set_sum(base, mlow);
    if (v.lower_closer) sum.set_sum(sum, mlow);
  };
  auto high_ok = [&] {  // r + mhigh reaches the next power of ten
    high_sum(r);
    return reaches(compare(sum, s));
  };
  int k = estimate_k(v);
  if (k >= 0) {
    s.mul_pow10(k);
  } else {
    r.mul_pow10(-k);
    mlow.mul_pow10(-k);
  }
  // Correct k so that (r + mhigh) / s < 1 <= 10 (r + mhigh) / s (boundaries by `even`).
  while (high_ok()) {
    s.mul(10);
    ++k;
  }
  for (;;) {
    sum.mul(10);  // r + mhigh from the last high_ok (recomputed before its next use)
    if (reaches(compare(sum, s))) break;
    r.mul(10);
    mlow.mul(10);
    --k;
    high_sum(r);
  }
  normalise(s, r, &mlow);
  int n = 0;
  for (;;) {
    r.mul(10);
    mlow.mul(10);
    unsigned digit = next_digit(r, s);
    const bool low = reaches(compare(mlow, r));  // r - mlow reaches the lower midpoint
    const bool high = high_ok();
    if (!low && !high) {
      d[n++] = static_cast<char>('0' + digit);
      if (HEAPLESS_UNLIKELY(n >= traits<F>::max_shortest)) HEAPLESS_TRAP();  // never: at most 17 (9) digits
      continue;
    }
    bool up = high && !low;
    if (low && high) {  // both neighbours' midpoints are out of reach: the closer digit
      sum.set_sum(r, r);
      const int c = compare(sum, s);
      up = c > 0 || (c == 0 && (digit & 1) != 0);
    }
    if (up && digit == 9) {
      d[n++] = '9';
      if (round_up(d, static_cast<std::size_t>(n))) {
        d[0] = '1';
        ++k;
      }
      // "10" at the shortest length: drop the trailing zero.
      while (n > 1 && d[n - 1] == '0') --n;
    } else {
      d[n++] = static_cast<char>('0' + digit + (up ? 1u : 0u));
    }
    break;
  }
  *k_out = k;
  return n;
}

// ---------------------------------------------------------------------------
// Layout: the text std::to_chars produces around the digits.

struct writer {
  char* p;
  char* last;
  bool ok;
  void put(char c) noexcept {
    if (p == last) {
      ok = false;
      return;
    }
    *p++ = c;
  }
  void write(const char* s, std::size_t n) noexcept {
    if (static_cast<std::size_t>(last - p) < n) {
      ok = false;
      return;
    }
    std::memmove(p, s, n);  // may overlap: see the precision to_chars below
    p += n;
  }
  void zeros(std::size_t n) noexcept {
    if (static_cast<std::size_t>(last - p) < n) {
      ok = false;
      return;
    }
    for (std::size_t i = 0; i < n; ++i) *p++ = '0';
  }
  std::to_chars_result result() const noexcept {
    return ok ? std::to_chars_result{p, std::errc()} : std::to_chars_result{last, std::errc::value_too_large};
  }
};

// "e+05", "e-123"
inline void put_exponent(writer& w, int x) noexcept {
  w.put('e');
  w.put(x < 0 ? '-' : '+');
  const unsigned u = static_cast<unsigned>(x < 0 ? -x : x);
  if (u >= 100) w.put(static_cast<char>('0' + u / 100));
  w.put(static_cast<char>('0' + u / 10 % 10));
  w.put(static_cast<char>('0' + u % 10));
}

// Digits d[0, n) with value 0.d * 10^k in scientific form, `frac` digits after the point.
inline void put_scientific(writer& w, const char* d, std::size_t n, int k, std::size_t frac) noexcept {
  w.put(n != 0 ? d[0] : '0');
  if (frac != 0) {
    w.put('.');
    const std::size_t have = n > 1 ? n - 1 : 0;
    w.write(d + 1, have < frac ? have : frac);
    if (have < frac) w.zeros(frac - have);
  }
  put_exponent(w, n != 0 ? k - 1 : 0);
}

// Digits d[0, n) with value 0.d * 10^k in fixed form with `frac` fraction
// digits (n <= k + frac; missing digits are zeros).
inline void put_fixed(writer& w, const char* d, std::size_t n, int k, std::size_t frac) noexcept {
  if (k <= 0) {
    w.put('0');
  } else {
    const auto ik = static_cast<std::size_t>(k);
    w.write(d, n < ik ? n : ik);
    if (n < ik) w.zeros(ik - n);
  }
  if (frac == 0) return;
  w.put('.');
  std::size_t written = 0;
  if (k < 0) {
    const std::size_t lead = static_cast<std::size_t>(-k) < frac ? static_cast<std::size_t>(-k) : frac;
    w.zeros(lead);
    written = lead;
  }
  const std::size_t from = k > 0 ? static_cast<std::size_t>(k) : 0;
  if (n > from) {
    const std::size_t take = n - from < frac - written ? n - from : frac - written;
    w.write(d + from, take);
    written += take;
  }
  w.zeros(frac - written);
}

// Fixed with precision p <= 60 for |x| < 2^32 - 1 with at most 60 fraction bits:
// 64-bit arithmetic (no 64-bit division: none linked on 32-bit cores), exact.
// Returns false (writing nothing) when x is outside that range.
inline bool fixed_fast(writer& w, const decomposed& v, int p) noexcept {
  if (v.e > 0 || v.e < -60 || p > 60) return false;
  const unsigned sh = static_cast<unsigned>(-v.e);
  if ((sh == 0 ? v.f : v.f >> sh) >= 0xffffffffu) return false;  // + a carry still fits
  auto ip = static_cast<std::uint32_t>(sh == 0 ? v.f : v.f >> sh);
  std::uint64_t frac = sh == 0 ? 0 : v.f & ((std::uint64_t{1} << sh) - 1);
  char buf[11 + 60];
  char* const fd = buf + 11;  // fraction digits; the <= 10 integer digits (+ carry) go before them
  for (int i = 0; i < p; ++i) {
    frac *= 10;  // < 10 * 2^60: fits
    fd[i] = static_cast<char>('0' + (frac >> sh));
    frac &= sh == 0 ? 0 : (std::uint64_t{1} << sh) - 1;
  }
  bool carry = false;
  if (sh != 0) {
    const std::uint64_t half = std::uint64_t{1} << (sh - 1);
    const bool odd = p > 0 ? ((fd[p - 1] - '0') & 1) != 0 : (ip & 1) != 0;
    if (frac > half || (frac == half && odd)) carry = p == 0 || round_up(fd, static_cast<std::size_t>(p));
  }
  if (carry) ++ip;
  char* q = fd;
  do {
    *--q = static_cast<char>('0' + ip % 10);
    ip /= 10;
  } while (ip != 0);
  w.write(q, static_cast<std::size_t>(fd - q));
  if (p > 0) {
    w.put('.');
    w.write(fd, static_cast<std::size_t>(p));
  }
  return true;
}

// std::to_chars(first, last, x, fixed, precision) when x is in fixed_fast's
// range (sets *r, returns true); false otherwise.
template <class F>
inline bool to_chars_fixed_fast(char* first, char* last, F x, int precision, std::to_chars_result* r) noexcept {
  const decomposed v = decompose(x);
  if (!v.finite) return false;
  writer w{first, last, true};
  if (v.neg) w.put('-');
  if (!fixed_fast(w, v, precision < 0 ? 6 : precision)) return false;
  *r = w.result();
  return true;
}

template <class F>
inline std::to_chars_result to_chars(char* first, char* last, F x) noexcept {
  writer w{first, last, true};
  const decomposed v = decompose(x);
  if (v.neg) w.put('-');
  if (!v.finite) {
    w.write(v.nan ? "nan" : "inf", 3);
    return w.result();
  }
  if (v.f == 0) {
    w.put('0');
    return w.result();
  }
  char d[traits<F>::max_shortest + 1];
  int k = 0;
  const auto n = static_cast<std::size_t>(shortest_digits<F>(v, d, &k));
  // Lengths of the two forms; the shorter wins, fixed on a tie.
  const int x10 = k - 1;
  const std::size_t ax = static_cast<std::size_t>(x10 < 0 ? -x10 : x10);
  const std::size_t sci = n + (n > 1 ? 1 : 0) + 2 + (ax >= 100 ? 3 : 2);
  std::size_t fix;
  if (k <= 0) fix = n + 2 + static_cast<std::size_t>(-k);
  else if (static_cast<std::size_t>(k) >= n) fix = static_cast<std::size_t>(k);
  else fix = n + 1;
  if (sci < fix) {
    put_scientific(w, d, n, k, n - 1);
  } else if (k > 0 && static_cast<std::size_t>(k) > n) {
    // An integer wider than its shortest digits: the exact value, as std::to_chars shows it.
    int kk = 0;
    const long m = exact_digits<F>(v, true, 0, w.p, static_cast<std::size_t>(last - w.p), &kk);
    if (m < 0) return std::to_chars_result{last, std::errc::value_too_large};
    w.p += m;
    w.zeros(static_cast<std::size_t>(kk - m));
  } else {
    put_fixed(w, d, n, k, static_cast<std::size_t>(static_cast<long>(n) - k));  // here k <= n
  }
  return w.result();
}

template <class F>
inline std::to_chars_result to_chars(char* first, char* last, F x, std::chars_format fmt, int precision) noexcept {
  writer w{first, last, true};
  const decomposed v = decompose(x);
  if (v.neg) w.put('-');
  if (!v.finite) {
    w.write(v.nan ? "nan" : "inf", 3);
    return w.result();
  }
  if (!w.ok) return w.result();
  if (precision < 0) precision = 6;
  const auto prec = static_cast<std::size_t>(precision);
  const bool fixed = fmt == std::chars_format::fixed;
  if (fixed && fixed_fast(w, v, precision)) return w.result();
  const bool general = !fixed && fmt != std::chars_format::scientific;
  // The digits are computed into the output, then moved to its end and laid
  // out front to back: once the whole text is known to fit, no write reaches
  // a digit not yet read.
  const auto room = static_cast<std::size_t>(last - w.p);
  const int sig = general ? (precision == 0 ? 1 : precision) : precision + 1;
  int k = 0;
  const long n = exact_digits<F>(v, fixed, fixed ? precision : sig, w.p, room, &k);
  if (n < 0) return std::to_chars_result{last, std::errc::value_too_large};
  auto nd = static_cast<std::size_t>(n);
  if (v.f == 0) k = 1;  // 0 = 0.0 * 10^1: one integer digit, exponent 0
  std::size_t frac = prec;      // digits after the point
  bool scientific = !fixed && !general;
  if (general) {  // %g: scientific when X < -4 or X >= P; no trailing zeros
    while (nd != 0 && w.p[nd - 1] == '0') --nd;
    const int x10 = k - 1;
    scientific = x10 < -4 || x10 >= sig;
    if (scientific) frac = nd > 1 ? nd - 1 : 0;
    else frac = static_cast<long>(nd) > k ? static_cast<std::size_t>(static_cast<long>(nd) - k) : 0;
  }
  std::size_t len = (frac != 0 ? frac + 1 : 0);
  if (scientific) {
    const int x10 = k - 1;
    len += 1 + 4 + ((x10 >= 100 || x10 <= -100) ? 1 : 0);
  } else {
    len += k > 0 ? static_cast<std::size_t>(k) : 1;
  }
  if (len > room) return std::to_chars_result{last, std::errc::value_too_large};
  char* const digits = last - nd;
  std::memmove(digits, w.p, nd);
  if (scientific) put_scientific(w, digits, nd, k, frac);
  else put_fixed(w, digits, nd, k, frac);
  return w.result();
}

}  // namespace fp
}  // namespace detail
}  // namespace heapless

#endif  // HEAPLESS_DETAIL_FLOAT_TO_CHARS_HPP
// ---- end heapless/detail/float_to_chars.hpp ----
// #include "format_core.hpp": inlined above

#ifndef HEAPLESS_FORMAT_STD_TO_CHARS
#if defined(__cpp_lib_to_chars) && (defined(__linux__) || defined(__APPLE__) || defined(_WIN32) || defined(__unix__))
#define HEAPLESS_FORMAT_STD_TO_CHARS 1
#else
#define HEAPLESS_FORMAT_STD_TO_CHARS 0
#endif
#endif

namespace heapless {
namespace detail {

/// Number of fraction digits in the exact decimal expansion of a finite x.
template <class F>
inline int exact_fraction_digits(F x) noexcept {
  const fp::decomposed v = fp::decompose(x);
  if (v.f == 0) return 0;
  int e2 = v.e;
  for (std::uint64_t m = v.f; (m & 1) == 0; m >>= 1) ++e2;
  return e2 < 0 ? -e2 : 0;
}

/// The back end: shortest round trip.
template <class F>
inline std::to_chars_result float_to_chars(char* first, char* last, F x) noexcept {
#if HEAPLESS_FORMAT_STD_TO_CHARS
  return std::to_chars(first, last, x);
#else
  return fp::to_chars(first, last, x);
#endif
}
/// The back end: fixed / scientific / general with a precision.
template <class F>
inline std::to_chars_result float_to_chars(char* first, char* last, F x, std::chars_format f, int precision) noexcept {
#if HEAPLESS_FORMAT_STD_TO_CHARS
  if (f == std::chars_format::fixed) {
    std::to_chars_result r{};
    if (fp::to_chars_fixed_fast(first, last, x, precision, &r)) return r;
  }
  return std::to_chars(first, last, x, f, precision);
#else
  return fp::to_chars(first, last, x, f, precision);
#endif
}

/// The pieces of a formatted float: sign prefix, digits (mantissa), an
/// optional inserted '.', zeros to append, and the exponent suffix.
struct float_parts {
  const char* digits;
  std::size_t digits_size;
  std::size_t exponent_at;  // index in digits where "e..." starts (== digits_size if none)
  bool add_point;
  std::size_t zeros;
  bool finite;
};

inline void write_float_parts(format_buffer& out, const format_specs& s, const char* sign, std::size_t sn,
                              const float_parts& p) {
  const std::size_t len = sn + p.digits_size + (p.add_point ? 1 : 0) + p.zeros;
  std::size_t left = 0, right = 0;
  bool zero_pad = false;
  if (s.width > len) {
    const std::size_t pad = s.width - len;
    if (s.zero() && s.align == 0 && p.finite) {
      zero_pad = true;
      left = pad;
    } else {
      const char align = s.align ? s.align : '>';
      left = align == '>' ? pad : align == '^' ? pad / 2 : 0;
      right = pad - left;
    }
  }
  if (!zero_pad) write_fill(out, s, left);
  out.write(sign, sn);
  if (zero_pad) out.fill(left, '0');
  out.write(p.digits, p.exponent_at);
  if (p.add_point) out.put('.');
  out.fill(p.zeros, '0');
  out.write(p.digits + p.exponent_at, p.digits_size - p.exponent_at);
  write_fill(out, s, right);
}

/// Formats x with specs s using buf[0, cap) for the digits; false if cap is too small.
template <class F>
bool format_float_into(format_buffer& out, F x, const format_specs& s, char* buf, std::size_t cap) {
  using tr = fp::traits<F>;
  char* const end = buf + cap;
  std::to_chars_result r{};
  std::size_t zeros = 0;
  int precision = s.precision;
  const char type = s.type;
  bool general = false;
  if (type == 0 && precision < 0) {
    r = float_to_chars(buf, end, x);
  } else {
    std::chars_format f = std::chars_format::general;
    if (precision < 0) precision = 6;
    switch (type) {
      case 'f': case 'F': f = std::chars_format::fixed; break;
      case 'e': case 'E': f = std::chars_format::scientific; break;
      default: general = true; break;
    }
    int p = precision;
    if (f == std::chars_format::fixed) {
      // Digits past the exact expansion are zeros: ask to_chars for the exact
      // ones only and append the rest, so the buffer stays bounded.
      const int exact = exact_fraction_digits(x);
      if (p > exact) {
        zeros = static_cast<std::size_t>(p - exact);
        p = exact;
      }
    } else if (p > tr::max_significant_digits) {
      if (!general) zeros = static_cast<std::size_t>(p - tr::max_significant_digits);
      p = tr::max_significant_digits;
    }
    r = float_to_chars(buf, end, x, f, p);
  }
  if (r.ec != std::errc()) return false;

  const char* digits = buf;
  std::size_t n = static_cast<std::size_t>(r.ptr - buf);
  char sign[1];
  std::size_t sn = 0;
  if (n != 0 && buf[0] == '-') {
    sign[sn++] = '-';
    ++digits;
    --n;
  } else if (s.sign == '+' || s.sign == ' ') {
    sign[sn++] = s.sign;
  }
  float_parts parts{digits, n, n, false, zeros, true};
  if (n != 0 && (digits[0] == 'i' || digits[0] == 'n')) {  // inf, nan
    parts.finite = false;
    parts.zeros = 0;
  } else {
    std::size_t e = 0;
    bool has_point = false;
    while (e < n && digits[e] != 'e') has_point |= digits[e++] == '.';
    parts.exponent_at = e;
    if (zeros != 0 && !has_point) parts.add_point = true;  // fixed/scientific with precision 0 + zeros
    if (s.alt()) {
      if (!has_point) parts.add_point = true;
      if (general) {  // '#g': keep trailing zeros up to `precision` significant digits
        std::size_t sig = 0;
        bool leading = true;
        for (std::size_t i = 0; i < e; ++i) {
          if (digits[i] == '.') continue;
          if (leading && digits[i] == '0') continue;
          leading = false;
          ++sig;
        }
        if (leading) sig = 1;  // the value 0 shows one significant digit
        const std::size_t want = precision == 0 ? 1 : static_cast<std::size_t>(precision);
        if (want > sig) parts.zeros = want - sig;
      }
    }
  }
  if (type == 'F' || type == 'E' || type == 'G') {
    for (std::size_t i = 0; i < n; ++i) {
      const char c = buf[static_cast<std::size_t>(digits - buf) + i];
      if (c >= 'a' && c <= 'z') buf[static_cast<std::size_t>(digits - buf) + i] = static_cast<char>(c - ('a' - 'A'));
    }
  }
  write_float_parts(out, s, sign, sn, parts);
  return true;
}

template <class F>
HEAPLESS_NOINLINE void format_float_big(format_buffer& out, F x, const format_specs& s) {
  char big[fp::traits<F>::big_buffer];
  if (!format_float_into(out, x, s, big, sizeof big)) out.fail("heapless::format: float does not fit");
}

template <class F>
struct float_handler {
  static void handle(format_buffer& out, const arg_value& v, const format_specs& s, std::string_view) {
    F x;
    if constexpr (std::is_same_v<F, float>) x = v.f;
    else x = v.d;
    // Fast path: no width, sign, '#' or uppercase, a modest precision: the
    // digits are to_chars' output as is, written straight into the sink when
    // it owns its free space, else through a local buffer. (If they do not
    // fit, to_chars fails and the general path below runs.)
    char buf[64];  // shortest is <= 24 chars; larger precisions take the big path
    if (s.width == 0 && s.sign == 0 && !s.alt() && s.precision <= 24 &&
        (s.type == 0 || s.type == 'f' || s.type == 'e' || s.type == 'g')) {
      const bool direct = out.scratch_tail() && out.room() >= 8;
      char* const p = direct ? out.cur() : buf;
      char* const last = direct ? p + out.room() : buf + sizeof buf;
      std::to_chars_result r;
      if (s.type == 0 && s.precision < 0) {
        r = float_to_chars(p, last, x);
      } else {
        const int prec = s.precision < 0 ? 6 : s.precision;
        const std::chars_format f = s.type == 'f'   ? std::chars_format::fixed
                                    : s.type == 'e' ? std::chars_format::scientific
                                                    : std::chars_format::general;
        r = float_to_chars(p, last, x, f, prec);
      }
      if (r.ec == std::errc()) {
        if (direct) out.advance(static_cast<std::size_t>(r.ptr - p));
        else out.write(buf, static_cast<std::size_t>(r.ptr - buf));
        return;
      }
    }
    if (!format_float_into(out, x, s, buf, sizeof buf)) format_float_big(out, x, s);
  }
};

}  // namespace detail
}  // namespace heapless

#endif  // HEAPLESS_DETAIL_FORMAT_FLOAT_HPP
// ---- end heapless/detail/format_float.hpp ----
// #include "string.hpp": inlined above

namespace heapless {

/// A format string that is checked only when formatting (at run time).
struct runtime_format_string {
  std::string_view str;
};
/// Opts a format string out of the C++20 compile-time check (e.g. a string
/// chosen at run time); errors are then raised as error_kind::invalid_argument.
constexpr runtime_format_string runtime_format(std::string_view s) noexcept { return {s}; }

namespace detail {
#if HEAPLESS_DETAIL_FORMAT_CONSTEVAL
// Not constexpr on purpose: calling one in the consteval constructor below is
// the compile error, and its name says what is wrong with the format string.
void format_string_error_unmatched_open_brace();
void format_string_error_unmatched_close_brace();
void format_string_error_invalid_argument_index();
void format_string_error_more_fields_than_arguments();
void format_string_error_mixed_automatic_and_manual_indexing();
void format_string_error_invalid_spec();
void format_string_error_width_or_precision_too_big();
void format_string_error_spec_not_valid_for_argument_type();
void format_string_error_formatter_parse_rejected_spec();
void format_string_error_argument_never_used();
void format_string_error_too_many_arguments();

constexpr void compile_time_format_error(format_errc e) {
  switch (e) {
    case format_errc::ok: break;
    case format_errc::unmatched_open_brace: format_string_error_unmatched_open_brace(); break;
    case format_errc::unmatched_close_brace: format_string_error_unmatched_close_brace(); break;
    case format_errc::invalid_arg_id: format_string_error_invalid_argument_index(); break;
    case format_errc::arg_id_out_of_range: format_string_error_more_fields_than_arguments(); break;
    case format_errc::mixed_indexing: format_string_error_mixed_automatic_and_manual_indexing(); break;
    case format_errc::invalid_spec: format_string_error_invalid_spec(); break;
    case format_errc::number_too_big: format_string_error_width_or_precision_too_big(); break;
    case format_errc::type_mismatch: format_string_error_spec_not_valid_for_argument_type(); break;
    case format_errc::custom_spec_rejected: format_string_error_formatter_parse_rejected_spec(); break;
    case format_errc::unused_argument: format_string_error_argument_never_used(); break;
    case format_errc::too_many_arguments: format_string_error_too_many_arguments(); break;
  }
}
#endif
}  // namespace detail

/// A format string for arguments of types Args. Under C++20 its constructor is
/// consteval and rejects a string that does not match Args at compile time.
template <class... Args>
class basic_format_string {
 public:
  template <class S, class = std::enable_if_t<std::is_convertible_v<const S&, std::string_view>>>
#if HEAPLESS_DETAIL_FORMAT_COMPILED
  consteval basic_format_string(const S& s) : str_(s) {
    detail::compile_time_format_error(
        detail::compile_format(str_, detail::arg_descs<Args...>::value, sizeof...(Args), program_));
  }
#elif HEAPLESS_DETAIL_FORMAT_CONSTEVAL
  consteval basic_format_string(const S& s) : str_(s) {
    detail::compile_time_format_error(
        detail::check_format(str_, detail::arg_descs<Args...>::value, sizeof...(Args)));
  }
#else
  constexpr basic_format_string(const S& s) : str_(s) {
  }
#endif
  constexpr basic_format_string(runtime_format_string s) noexcept : str_(s.str) {}
  constexpr std::string_view get() const noexcept { return str_; }
  /// The precompiled program, or a null view (parse at run time).
  constexpr detail::program_view program() const noexcept {
#if HEAPLESS_DETAIL_FORMAT_COMPILED
    if (program_.valid) return {program_.ops, program_.count};
#endif
    return {};
  }

 private:
  std::string_view str_;
#if HEAPLESS_DETAIL_FORMAT_COMPILED
  detail::compiled_program<sizeof...(Args) + 1> program_{};  // text + field per argument, then text
#endif
};

/// The format string parameter type of every function below (Args deduced from the arguments).
template <class... Args>
using format_string = basic_format_string<detail::arg_type_t<Args>...>;

/// What format_to_n returns (std::format_to_n_result).
template <class OutputIt>
struct format_to_n_result {
  OutputIt out;        ///< past the last character written
  std::size_t size;    ///< characters the full output has (may exceed n)
};

namespace detail {

template <class T>
struct is_string : std::false_type {};
template <std::size_t N>
struct is_string<String<N>> : std::true_type {};

// Vec<char, N> is recognised by shape, so format.hpp need not include vec.hpp:
// value_type char, a constant capacity(), and try_append(const char*, const char*).
template <class T, class = void>
struct is_char_vec : std::false_type {};
template <class T>
struct is_char_vec<T, std::enable_if_t<std::is_same_v<typename T::value_type, char> &&
                                       std::is_same_v<decltype(std::declval<T&>().try_append(
                                                          static_cast<const char*>(nullptr),
                                                          static_cast<const char*>(nullptr))),
                                                      const char*>>> : std::true_type {};

template <class T>
constexpr bool is_fixed_target_v = is_string<T>::value || is_char_vec<T>::value;

enum class overflow_mode : unsigned char { raise, fail, truncate };

/// Result of formatting into a fixed-capacity target.
struct fixed_outcome {
  bool cut = false;                  // output did not fit
  const char* error = nullptr;       // a format error (bad string or value)
};

/// Length to keep after a cut in truncating mode: drops an incomplete trailing UTF-8 sequence.
inline std::size_t utf8_safe_length(const char* s, std::size_t n) noexcept {
  std::size_t i = n, back = 0;
  while (i > 0 && back < 4) {
    --i;
    ++back;
    const auto u = static_cast<unsigned char>(s[i]);
    if ((u & 0xC0) != 0x80) return u < 0x80 || utf8_length(s[i]) <= back ? n : i;  // lead byte
  }
  return n;
}

/// Formats into base[old, cap) and returns the length to keep: the new length
/// on success (or on a cut in truncating mode), `old` otherwise.
template <overflow_mode mode>
std::size_t format_fixed(char* base, std::size_t old, std::size_t cap, const format_call& call, fixed_outcome& out) {
  fixed_buffer b(base + old, base + cap);
  call.run(b, call);
  if (HEAPLESS_UNLIKELY(b.error() != nullptr)) {
    out.error = b.error();
    return old;
  }
  if (HEAPLESS_UNLIKELY(b.dropped() != 0)) {
    out.cut = true;
    if constexpr (mode != overflow_mode::truncate) return old;
    else return old + utf8_safe_length(base + old, b.written());
  }
  return old + b.written();
}

/// Chunked sink for Vec<char, N>: each 64-byte chunk is appended with try_append.
template <class V>
class vec_buffer : public format_buffer {
 public:
  explicit vec_buffer(V& v) noexcept
      : format_buffer(buf_, buf_ + sizeof buf_, &vec_buffer::flush_chunk), v_(v) {}
  void finish() { flush_chunk(*this); }

 private:
  static void flush_chunk(format_buffer& base) {
    auto& self = static_cast<vec_buffer&>(base);
    const char* const last = self.cur_;
    const char* stop = self.buf_;
    if (self.dropped_ == 0) stop = self.v_.try_append(static_cast<const char*>(self.buf_), last);
    self.dropped_ += static_cast<std::size_t>(last - stop);
    self.cur_ = self.buf_;
  }
  char buf_[64];
  V& v_;
};

/// The one entry point of every public function; returns true if the output
/// was cut. One instance per target type and mode: a program that only uses
/// try_format_to has no truncation code.
template <overflow_mode mode, class Out>
bool format_dispatch(Out& out, const format_call& call) {
  fixed_outcome r;
  if constexpr (is_string<Out>::value) {
    const std::size_t old = out.size();
    out.resize_and_overwrite(out.capacity(), [&](char* p, std::size_t cap) {
      return format_fixed<mode>(p, old, cap, call, r);
    });
  } else {
    // Chunks reach the Vec while formatting: roll back to the old size on a
    // failure, and if a user formatter throws (the guard's destructor).
    struct rollback {
      Out& v;
      std::size_t old;
      bool armed = true;
      ~rollback() {
        if (armed) v.resize(old);
      }
    } guard{out, out.size()};
    vec_buffer<Out> b(out);
    call.run(b, call);
    b.finish();
    r.error = b.error();
    r.cut = b.dropped() != 0;
    if (r.error == nullptr && (!r.cut || mode == overflow_mode::truncate)) {
      guard.armed = false;
      if constexpr (mode == overflow_mode::truncate) {
        if (r.cut) out.resize(guard.old + utf8_safe_length(out.data() + guard.old, out.size() - guard.old));
      }
    }
  }
  if (HEAPLESS_UNLIKELY(r.error != nullptr)) raise_format_error(r.error);
  if (mode == overflow_mode::raise && HEAPLESS_UNLIKELY(r.cut)) {
    raise(is_string<Out>::value ? error_kind::length_error : error_kind::bad_alloc,
          "heapless::format_to: output exceeds the capacity");
  }
  return r.cut;
}

/// A HEAPLESS_FMT call into a String<N> (raise or fail mode; truncation takes
/// format_dispatch): straight into the String's buffer from its old size on
/// (format_compiled.hpp, direct_sink). All or nothing: only the end writes
/// the new size; a failure restores the terminating NUL at the old size (the
/// first piece overwrote it). Returns true if the output did not fit.
template <overflow_mode mode, class S, std::size_t N, class... Args>
bool format_direct(String<N>& out, const Args&... args) {
  using P = compiled_format<S, arg_type_t<Args>...>;
  static_assert(P::error == format_errc::ok);
  using seq = std::make_index_sequence<P::count>;
  constexpr bool checked = !direct_all_simple<P, Args...>(seq{});
  constexpr bool custom = (arg_traits<arg_type_t<Args>>::is_custom || ...);
  char* const base = out.data();
  char* const first = base + out.size();
  std::conditional_t<checked, direct_sink_checked, direct_sink> sink{};
  sink.cur = first;
  sink.end = base + N;
  if constexpr (custom && HEAPLESS_HAS_EXCEPTIONS) {
    // A user formatter may throw: put the NUL back on the way out.
    struct restore {
      char* p;
      ~restore() {
        if (p != nullptr) *p = '\0';
      }
    } guard{first};
    run_direct<P>(sink, seq{}, args...);
    guard.p = nullptr;
  } else {
    run_direct<P>(sink, seq{}, args...);
  }
  if constexpr (checked) {
    if (HEAPLESS_UNLIKELY(sink.error != nullptr)) {
      *first = '\0';
      raise_format_error(sink.error);
    }
  }
  if (HEAPLESS_UNLIKELY(sink.cur == nullptr)) {
    *first = '\0';
    if constexpr (mode == overflow_mode::raise) {
      raise(error_kind::length_error, "heapless::format_to: output exceeds the capacity");
    }
    return true;
  }
  const auto n = static_cast<std::size_t>(sink.cur - base);
  out.resize_and_overwrite(N, [n](char*, std::size_t) { return n <= N ? n : N; });  // n <= N: folds the check
  return false;
}

template <class OutputIt>
OutputIt format_to_iterator(OutputIt out, const format_call& call) {
  iterator_buffer<OutputIt> b(static_cast<OutputIt&&>(out));
  call.run(b, call);
  if (HEAPLESS_UNLIKELY(b.error() != nullptr)) raise_format_error(b.error());
  return b.finish();
}

template <class Out>
auto format_to_call(Out&& out, const format_call& call) {
  using O = std::remove_cv_t<std::remove_reference_t<Out>>;
  if constexpr (is_fixed_target_v<O>) {
    (void)format_dispatch<overflow_mode::raise>(out, call);
  } else if constexpr (std::is_same_v<O, format_context>) {
    call.run(out.buffer(), call);
  } else {
    using It = std::decay_t<Out>;  // a char array decays to char*
    return format_to_iterator<It>(static_cast<Out&&>(out), call);
  }
}

template <class OutputIt>
format_to_n_result<OutputIt> format_to_n_call(OutputIt out, std::size_t n, const format_call& call) {
  if constexpr (std::is_same_v<OutputIt, char*>) {
    fixed_buffer b(out, out + n, false);  // never write past the output in the caller's range
    call.run(b, call);
    if (HEAPLESS_UNLIKELY(b.error() != nullptr)) raise_format_error(b.error());
    return {out + b.written(), b.written() + b.dropped()};
  } else {
    iterator_buffer<OutputIt> b(static_cast<OutputIt&&>(out), n);
    call.run(b, call);
    if (HEAPLESS_UNLIKELY(b.error() != nullptr)) raise_format_error(b.error());
    OutputIt last = b.finish();
    return {static_cast<OutputIt&&>(last), b.total()};
  }
}

inline std::size_t formatted_size_call(const format_call& call) {
  counting_buffer b;
  call.run(b, call);
  if (HEAPLESS_UNLIKELY(b.error() != nullptr)) raise_format_error(b.error());
  return b.dropped();
}

}  // namespace detail

// The argument pack of a format_string call: values on the stack, descriptors
// in a constexpr table.
#define HEAPLESS_DETAIL_FORMAT_ARGS                                                                       \
  const detail::arg_value values[sizeof...(Args) + 1] = {                                                 \
      detail::arg_traits<detail::arg_type_t<Args>>::make(args)...};                                       \
  const detail::format_call call {                                                                        \
    fmt.get(), fmt.program(), values, detail::arg_descs<detail::arg_type_t<Args>...>::value, sizeof...(Args), \
        &detail::vformat, nullptr                                                                         \
  }
// The argument pack of a HEAPLESS_FMT call: the string is checked here (at
// compile time); the arguments are passed by address to the generated code.
#define HEAPLESS_DETAIL_COMPILED_ARGS                                                                  \
  static_assert(detail::compiled_format<S, detail::arg_type_t<Args>...>::error == detail::format_errc::ok); \
  const detail::arg_refs<sizeof...(Args)> refs{{static_cast<const void*>(&args)..., nullptr}};         \
  const detail::format_call call {                                                                     \
    S::str(), {}, nullptr, nullptr, sizeof...(Args), &detail::run_compiled<S, Args...>, &refs          \
  }

/// HEAPLESS_FMT("...") in place of a format string, in every function below:
/// the string is parsed and checked when the call is compiled (C++17 too: a
/// bad string is a static_assert naming the error) and the call runs code
/// generated for it: no parser, no dispatch, only the writers its fields
/// need. The output is the same as with the plain string. Best for firmware:
/// a call with "{}" and "{:#x}" integer fields costs about what hand-written
/// digit loops do (docs/format.md).
#define HEAPLESS_FMT(s)                                                             \
  ([] {                                                                             \
    struct heapless_compiled_format_ : ::heapless::detail::compiled_string_tag {    \
      static constexpr ::std::string_view str() noexcept { return s; }              \
    };                                                                              \
    return heapless_compiled_format_{};                                             \
  }())

/// Appends to `out`:
///  - a String<N>: raises length_error if the result does not fit (out unchanged);
///  - a Vec<char, N>: raises bad_alloc if it does not fit (out unchanged);
///  - a format_context (inside a formatter<T>::format): writes to the enclosing output;
///  - otherwise an output iterator: writes every character, returns the iterator past them.
/// O(output length). A malformed runtime_format / C++17 string raises invalid_argument.
template <class Out, class... Args>
auto format_to(Out&& out, const format_string<Args...>& fmt, const Args&... args) {
  HEAPLESS_DETAIL_FORMAT_ARGS;
  return detail::format_to_call(static_cast<Out&&>(out), call);
}
template <class Out, class S, class... Args, detail::if_compiled_string_t<S> = 0>
auto format_to(Out&& out, S, const Args&... args) {
  if constexpr (detail::is_string<std::remove_cv_t<std::remove_reference_t<Out>>>::value) {
    (void)detail::format_direct<detail::overflow_mode::raise, S>(out, args...);
  } else {
    HEAPLESS_DETAIL_COMPILED_ARGS;
    return detail::format_to_call(static_cast<Out&&>(out), call);
  }
}

/// Appends to a String<N> or Vec<char, N> if all of the output fits; otherwise
/// returns false and leaves `out` unchanged. O(output length).
template <class Out, class... Args>
[[nodiscard]] bool try_format_to(Out& out, const format_string<Args...>& fmt, const Args&... args) {
  static_assert(detail::is_fixed_target_v<Out>, "try_format_to: the target must be a String<N> or Vec<char, N>");
  HEAPLESS_DETAIL_FORMAT_ARGS;
  return !detail::format_dispatch<detail::overflow_mode::fail>(out, call);
}
template <class Out, class S, class... Args, detail::if_compiled_string_t<S> = 0>
[[nodiscard]] bool try_format_to(Out& out, S, const Args&... args) {
  static_assert(detail::is_fixed_target_v<Out>, "try_format_to: the target must be a String<N> or Vec<char, N>");
  if constexpr (detail::is_string<Out>::value) {
    return !detail::format_direct<detail::overflow_mode::fail, S>(out, args...);
  } else {
    HEAPLESS_DETAIL_COMPILED_ARGS;
    return !detail::format_dispatch<detail::overflow_mode::fail>(out, call);
  }
}

/// Appends what fits of the output to a String<N> or Vec<char, N> (never
/// splitting a UTF-8 sequence); returns true if it had to cut. O(output length).
template <class Out, class... Args>
bool format_to_truncating(Out& out, const format_string<Args...>& fmt, const Args&... args) {
  static_assert(detail::is_fixed_target_v<Out>,
                "format_to_truncating: the target must be a String<N> or Vec<char, N>");
  HEAPLESS_DETAIL_FORMAT_ARGS;
  return detail::format_dispatch<detail::overflow_mode::truncate>(out, call);
}
template <class Out, class S, class... Args, detail::if_compiled_string_t<S> = 0>
bool format_to_truncating(Out& out, S, const Args&... args) {
  static_assert(detail::is_fixed_target_v<Out>,
                "format_to_truncating: the target must be a String<N> or Vec<char, N>");
  HEAPLESS_DETAIL_COMPILED_ARGS;
  return detail::format_dispatch<detail::overflow_mode::truncate>(out, call);
}

/// Formats into a new String<N>; raises length_error if the output exceeds N.
template <std::size_t N, class... Args>
String<N> format(const format_string<Args...>& fmt, const Args&... args) {
  String<N> s;
  HEAPLESS_DETAIL_FORMAT_ARGS;
  (void)detail::format_dispatch<detail::overflow_mode::raise>(s, call);
  return s;
}
template <std::size_t N, class S, class... Args, detail::if_compiled_string_t<S> = 0>
String<N> format(S, const Args&... args) {
  String<N> s;
  (void)detail::format_direct<detail::overflow_mode::raise, S>(s, args...);
  return s;
}

/// Writes at most n characters through `out` (std::format_to_n); size is the
/// length of the whole output.
template <class OutputIt, class... Args>
format_to_n_result<OutputIt> format_to_n(OutputIt out, std::size_t n, const format_string<Args...>& fmt,
                                         const Args&... args) {
  HEAPLESS_DETAIL_FORMAT_ARGS;
  return detail::format_to_n_call(static_cast<OutputIt&&>(out), n, call);
}
template <class OutputIt, class S, class... Args, detail::if_compiled_string_t<S> = 0>
format_to_n_result<OutputIt> format_to_n(OutputIt out, std::size_t n, S, const Args&... args) {
  HEAPLESS_DETAIL_COMPILED_ARGS;
  return detail::format_to_n_call(static_cast<OutputIt&&>(out), n, call);
}

/// The length of the output, without writing it.
template <class... Args>
std::size_t formatted_size(const format_string<Args...>& fmt, const Args&... args) {
  HEAPLESS_DETAIL_FORMAT_ARGS;
  return detail::formatted_size_call(call);
}
template <class S, class... Args, detail::if_compiled_string_t<S> = 0>
std::size_t formatted_size(S, const Args&... args) {
  HEAPLESS_DETAIL_COMPILED_ARGS;
  return detail::formatted_size_call(call);
}

}  // namespace heapless

#undef HEAPLESS_DETAIL_FORMAT_ARGS
#undef HEAPLESS_DETAIL_COMPILED_ARGS
#undef HEAPLESS_DETAIL_FORMAT_CONSTEVAL
#undef HEAPLESS_DETAIL_FORMAT_COMPILED

#endif  // HEAPLESS_FORMAT_HPP
// ---- end heapless/format.hpp ----
// ---- begin heapless/linear_map.hpp ----
// heapless/linear_map.hpp - LinearMap<K, V, N>: a map of at most N entries in
// the object itself, searched linearly. The small table firmware is full of
// (configuration, handlers by id, sensor registries), where a tree or a hash
// table costs more than it saves.
//
//   heapless::LinearMap<int, const char*, 8> names;  // no heap, ever
//   names[3] = "three";                              // std::map spelling
//   if (!names.try_insert(4, "four")) { /* full: nothing changed */ }
//   for (auto& [id, name] : names) printf("%d=%s\n", id, name);
//   names.erase(3);                                  // O(1): moves the last entry into the hole
//
// Layout: structure of arrays. Keys live in one contiguous array, values in
// another, then the length in the smallest unsigned type that holds N:
// sizeof(LinearMap<int, int, 4>) == 36. String keys with N >= 8 add one tag
// byte per entry (at least 16): sizeof(LinearMap<String<15>, int, 16>) ==
// 16*16 + 16*4 + 16 + 1 -> 340. Integer keys of 2 to 8 bytes add a hash
// index of entry numbers (a power of two of slots, >= 4N up to N = 32, >= 2N
// above) from 32 bytes of keys (int: N >= 8) except on microcontrollers, and
// over 128 bytes of keys (int: N > 32) everywhere:
// sizeof(LinearMap<int, int, 64>) == 256 + 256 + 128 + 1 -> 644, and
// LinearMap<int, int, 8> is 100 bytes on x86-64, 68 on Cortex-M. A lookup
// touches only keys (and tags or index): indexed maps hash the key, smaller
// integer maps are compared 16 bytes at a time with SSE2 on x86-64, string
// keys 16 tags at a time; a plain loop elsewhere
// (detail/linear_map_scan.hpp).
//
// Complexity: find / at / contains / count / operator[] / insert / erase(key)
// O(n) comparisons of keys (O(1) expected with an index); erase(iterator)
// O(1); erase_stable O(n); operator== O(n^2) (O(n) expected with an index).
// No operation allocates.
//
// Order: iteration is insertion order until an erase: erase moves the LAST
// entry into the hole (O(1)); erase_stable and erase_if keep the order.
//
// Elements: iteration yields a proxy `std::pair<const K&, V&>` (the C++23
// std::flat_map design): `it->first`, `it->second`, `(*it).second = v` and
// `for (auto& [k, v] : map)` work; see "Iterators" below for the details.
//
// Errors (docs/design.md): a new key into a full map through a plain form
// (insert, emplace, try_emplace, insert_or_assign, operator[]) raises
// length_error; at() on a missing key raises out_of_range; try_insert and
// try_insert_or_assign report a full map by returning an empty optional,
// change nothing and leave their arguments untouched.
//
// Threads/ISRs: no internal synchronisation; like std containers, concurrent
// const access is safe, anything else needs the caller's lock.
#ifndef HEAPLESS_LINEAR_MAP_HPP
#define HEAPLESS_LINEAR_MAP_HPP

#include <cstddef>           // std::size_t, std::ptrdiff_t
#include <initializer_list>  // LinearMap{{k, v}, ...}
#include <optional>          // try_insert's result: empty when the map is full
#include <string_view>       // string keys are searched as std::string_view
#include <type_traits>       // storage and overload selection
#include <utility>           // std::pair (value_type, reference), std::move, std::swap

// #include "detail/config.hpp": inlined above
// #include "detail/error.hpp": inlined above
// #include "detail/iterator.hpp": inlined above
// ---- begin heapless/detail/linear_map_scan.hpp ----
// heapless/detail/linear_map_scan.hpp - the key search behind LinearMap.
//
// LinearMap keeps its keys in one contiguous array, so a lookup is "index of
// the first key equal to q in keys[0, n)". The strategy is chosen at compile
// time from the key type, the query type and the capacity N:
//
//   * integer and enum keys (1, 2, 4 or 8 bytes) looked up with the key type:
//     equality is equality of the object bytes. With SSE2 (x86-64 baseline):
//       - up to 128 bytes of keys (int: N <= 32): the whole key array in
//         straight-line code, 16 bytes per compare, narrowed with packs, ONE
//         branch: no mispredicted loop exit whichever slot matches; the
//         first match counts only when it lies below size();
//       - larger maps of 1-byte keys: 128 bytes per branch (compares
//         OR-ed), the position worked out only in the chunk that matched;
//         the tail is one block that overlaps the previous one, so nothing
//         past the array is read.
//     Without SSE2 (Cortex-M, RISC-V), in constant evaluation, and for maps
//     under 16 bytes of keys: the portable loop. Define
//     HEAPLESS_LINEAR_MAP_NO_SIMD to force the portable loop everywhere.
//   * integer and enum keys of 2 to 8 bytes with more than 128 bytes of keys
//     (int: N > 32), on every target, and from 32 bytes of keys (int: N >= 8)
//     on targets other than microcontrollers: a hash index of entry numbers
//     (see "Integer keys: a hash index" below): a multiply, a shift, one
//     slot and one key compare per hit, O(1) expected. The scans above then
//     serve the smaller maps, 1-byte keys, and maps built without the index.
//   * integer keys looked up with another integer type: compared by value
//     (find(-1) on unsigned keys finds nothing, not 0xFFFFFFFF), then as above.
//   * string keys (std::string, std::string_view, heapless::String: a
//     traits_type of std::char_traits<char> and a conversion to
//     std::string_view) with N >= 8: one tag byte per entry, a hash of the
//     length and three characters; a lookup hashes the query once, compares
//     16 tags per SSE2 instruction, and compares characters only where a tag
//     matches (length first, up to 16 bytes inline). N < 8: length first.
//   * everything else: the portable loop `keys[i] == q`; a `const char*`
//     query is measured once, not once per key.
// Measured numbers: docs/linear_map.md.
#ifndef HEAPLESS_DETAIL_LINEAR_MAP_SCAN_HPP
#define HEAPLESS_DETAIL_LINEAR_MAP_SCAN_HPP

#include <cstddef>      // std::size_t
#include <cstdint>      // std::uint64_t (bit masks), std::intmax_t (integer queries)
#include <cstring>      // std::memcpy: unaligned loads of key and string bytes
#include <limits>       // std::numeric_limits: is an integer query representable as a key?
#include <string_view>  // string keys and char-pointer queries are searched as std::string_view
#include <type_traits>  // dispatch on the key and query types
#include <utility>      // std::declval, std::index_sequence (unrolled block scans)

// #include "config.hpp": inlined above
// #include "size.hpp": inlined above

#if defined(__SSE2__) && (defined(__GNUC__) || defined(__clang__)) && !defined(HEAPLESS_LINEAR_MAP_NO_SIMD)
#include <emmintrin.h>  // SSE2 intrinsics (0.07 s to parse; x86-64 baseline)
#define HEAPLESS_DETAIL_LINEAR_MAP_SSE2 1
#else
#define HEAPLESS_DETAIL_LINEAR_MAP_SSE2 0
#endif
// An extra for builds with AVX2 (-mavx2, -march=x86-64-v3; not the default
// x86-64 target): tag arrays of 32 to 64 bytes are compared 32 bytes at a
// time. The same tags, the same candidates in the same order.
#if HEAPLESS_DETAIL_LINEAR_MAP_SSE2 && defined(__AVX2__)
#include <immintrin.h>  // AVX2 intrinsics
#define HEAPLESS_DETAIL_LINEAR_MAP_AVX2 1
#else
#define HEAPLESS_DETAIL_LINEAR_MAP_AVX2 0
#endif

// The candidate check of the string search is small and runs about once per
// lookup: an out-of-line call would cost more than the check itself.
#if defined(__GNUC__) || defined(__clang__)
#define HEAPLESS_DETAIL_LINEAR_MAP_INLINE inline __attribute__((always_inline))
#else
#define HEAPLESS_DETAIL_LINEAR_MAP_INLINE inline
#endif

namespace heapless {
namespace detail {

/// Keys whose equality is equality of their object representation.
template <class K>
inline constexpr bool linear_map_bitwise_key_v =
    (std::is_integral_v<K> || std::is_enum_v<K>) &&
    (sizeof(K) == 1 || sizeof(K) == 2 || sizeof(K) == 4 || sizeof(K) == 8);

template <class A, class B, class = void>
struct linear_map_comparable : std::false_type {};
template <class A, class B>
struct linear_map_comparable<
    A, B, std::void_t<decltype(static_cast<bool>(std::declval<const A&>() == std::declval<const B&>()))>>
    : std::true_type {};

/// The plain loop: what every target without a SIMD path runs.
template <class K, class Q>
constexpr std::size_t linear_find_portable(const K* keys, std::size_t n, const Q& q) {
  for (std::size_t i = 0; i < n; ++i) {
    if (keys[i] == q) return i;
  }
  return n;
}

#if HEAPLESS_DETAIL_LINEAR_MAP_SSE2
// The whole-array and tag scans load slots past size() that may never have
// been written, and mask their bits before anything depends on them. An empty
// asm statement hides where the pointer comes from, so GCC's -Wuninitialized
// (which cannot see the masking) stays quiet; it emits no instruction.
template <class T>
inline const T* linear_map_opaque(const T* p) noexcept {
  __asm__("" : "+r"(p));
  return p;
}

template <std::size_t S>
inline __m128i linear_find_sse2_splat(const void* key) noexcept {
  if constexpr (S == 1) {
    char v;
    std::memcpy(&v, key, 1);
    return _mm_set1_epi8(v);
  } else if constexpr (S == 2) {
    short v;
    std::memcpy(&v, key, 2);
    return _mm_set1_epi16(v);
  } else if constexpr (S == 4) {
    int v;
    std::memcpy(&v, key, 4);
    return _mm_set1_epi32(v);
  } else {
    long long v;
    std::memcpy(&v, key, 8);
    return _mm_set1_epi64x(v);
  }
}

// Lane-wise equality: all-ones lanes where the key equals the needle. SSE2
// has no 64-bit compare: an 8-byte lane matches when both 32-bit halves do.
template <std::size_t S>
inline __m128i linear_find_sse2_eq(const unsigned char* p, __m128i needle) noexcept {
  const __m128i v = _mm_loadu_si128(static_cast<const __m128i*>(static_cast<const void*>(p)));
  if constexpr (S == 1) {
    return _mm_cmpeq_epi8(v, needle);
  } else if constexpr (S == 2) {
    return _mm_cmpeq_epi16(v, needle);
  } else if constexpr (S == 4) {
    return _mm_cmpeq_epi32(v, needle);
  } else {
    const __m128i halves = _mm_cmpeq_epi32(v, needle);
    return _mm_and_si128(halves, _mm_shuffle_epi32(halves, _MM_SHUFFLE(2, 3, 0, 1)));
  }
}

// One bit per byte of the 16 bytes at p, set in lanes equal to the needle.
template <std::size_t S>
inline std::uint64_t linear_find_sse2_block(const unsigned char* p, __m128i needle) noexcept {
  return static_cast<std::uint64_t>(static_cast<unsigned>(_mm_movemask_epi8(linear_find_sse2_eq<S>(p, needle))));
}

// Lane mask of one 16-byte block: bit i set when lane i equals the needle.
template <std::size_t S>
inline std::uint64_t linear_find_sse2_lanes(const unsigned char* p, __m128i needle) noexcept {
  const __m128i eq = linear_find_sse2_eq<S>(p, needle);
  unsigned m;
  if constexpr (S == 1) m = static_cast<unsigned>(_mm_movemask_epi8(eq));
  else if constexpr (S == 2) m = static_cast<unsigned>(_mm_movemask_epi8(_mm_packs_epi16(eq, eq))) & 0xFFu;
  else if constexpr (S == 4) m = static_cast<unsigned>(_mm_movemask_ps(_mm_castsi128_ps(eq)));
  else m = static_cast<unsigned>(_mm_movemask_pd(_mm_castsi128_pd(eq)));
  return m;
}

// Lane mask of 16 lanes (S == 4: four blocks, S == 2: two blocks), narrowed
// with saturating packs so one movemask covers them all.
template <std::size_t S>
inline std::uint64_t linear_find_sse2_group(const unsigned char* p, __m128i needle) noexcept {
  if constexpr (S == 4) {
    const __m128i a = _mm_packs_epi32(linear_find_sse2_eq<4>(p, needle), linear_find_sse2_eq<4>(p + 16, needle));
    const __m128i b = _mm_packs_epi32(linear_find_sse2_eq<4>(p + 32, needle), linear_find_sse2_eq<4>(p + 48, needle));
    return static_cast<unsigned>(_mm_movemask_epi8(_mm_packs_epi16(a, b)));
  } else {
    static_assert(S == 2, "16 lanes of 2 or 4 bytes");
    return static_cast<unsigned>(
        _mm_movemask_epi8(_mm_packs_epi16(linear_find_sse2_eq<2>(p, needle), linear_find_sse2_eq<2>(p + 16, needle))));
  }
}

template <std::size_t S, std::size_t... G>
inline std::uint64_t linear_find_sse2_groups(const unsigned char* p, [[maybe_unused]] __m128i needle,
                                             std::index_sequence<G...>) noexcept {
  return (std::uint64_t{0} | ... | (linear_find_sse2_group<S>(p + G * 16 * S, needle) << (G * 16)));
}

template <std::size_t S, std::size_t First, std::size_t... B>
inline std::uint64_t linear_find_sse2_blocks(const unsigned char* p, [[maybe_unused]] __m128i needle,
                                             std::index_sequence<B...>) noexcept {
  return (std::uint64_t{0} | ... |
          (linear_find_sse2_lanes<S>(p + (First + B) * 16, needle) << ((First + B) * (16 / S))));
}

// Lane mask of keys[0, Count) (at most 64 keys and 128 bytes): bit i set
// when key i equals the needle, stale slots included. Every block is compared
// in straight-line code (positions are compile-time constants); a Count that
// is not a multiple of the block ends with a block overlapping the previous
// one, so nothing past keys[Count) is read.
template <std::size_t S, std::size_t Count>
inline std::uint64_t linear_find_sse2_mask(const unsigned char* p, __m128i needle) noexcept {
  static_assert(Count * S >= 16 && Count <= 64, "one 64-bit lane mask");
  constexpr std::size_t lanes = 16 / S;
  constexpr std::size_t blocks = Count / lanes;
  constexpr std::size_t grouped = (S == 2 || S == 4) ? blocks / (16 / lanes) * (16 / lanes) : 0;
  std::uint64_t m = 0;
  if constexpr (grouped != 0) {
    m |= linear_find_sse2_groups<S>(p, needle, std::make_index_sequence<grouped * lanes / 16>{});
  }
  m |= linear_find_sse2_blocks<S, grouped>(p, needle, std::make_index_sequence<blocks - grouped>{});
  if constexpr (Count % lanes != 0) m |= linear_find_sse2_lanes<S>(p + Count * S - 16, needle) << (Count - lanes);
  return m;
}

// Index of the first set bit of a Count-bit lane mask, or n when it is not
// below n (n <= Count). The first match in [0, Count) is the first in
// [0, n) when it lies below n; otherwise [0, n) has none: matches in stale
// slots past size() never count, and the mask needs no masking.
template <std::size_t Count>
inline std::size_t linear_find_sse2_first(std::uint64_t m, std::size_t n) noexcept {
  if (HEAPLESS_UNLIKELY(m == 0)) return n;
  const std::size_t i = static_cast<std::size_t>(__builtin_ctzll(m));
  return i < n ? i : n;
}

// Whole-array scan for up to 64 keys and 128 bytes: no loop, one mask and
// ONE branch, whichever slot matches; lanes at or past n never match.
template <std::size_t S, std::size_t Count>
inline std::size_t linear_find_sse2_whole(const unsigned char* p, std::size_t n, const void* key) noexcept {
  const std::uint64_t m = linear_find_sse2_mask<S, Count>(linear_map_opaque(p), linear_find_sse2_splat<S>(key));
  return linear_find_sse2_first<Count>(m, n);
}

// Byte offset of the first matching lane in [from, to), or `to`.
// Precondition: to - from >= 16. Reads only [from, to).
template <std::size_t S>
inline std::size_t linear_find_sse2_range(const unsigned char* p, std::size_t from, std::size_t to,
                                          __m128i needle) noexcept {
  std::size_t off = from;
  while (to - off > 64) {
    const std::uint64_t m = linear_find_sse2_block<S>(p + off, needle) |
                            linear_find_sse2_block<S>(p + off + 16, needle) << 16 |
                            linear_find_sse2_block<S>(p + off + 32, needle) << 32 |
                            linear_find_sse2_block<S>(p + off + 48, needle) << 48;
    if (m != 0) return off + static_cast<std::size_t>(__builtin_ctzll(m));
    off += 64;
  }
  // The last 1..64 bytes: whole blocks, then one block ending exactly at
  // `to` (it may overlap bytes already compared; they did not match, so they
  // contribute zero bits). `base` is where bit 0 of the mask lies.
  const std::size_t base = to - off >= 16 ? off : to - 16;
  std::uint64_t m = 0;
  for (std::size_t b = base; b + 16 < to; b += 16) m |= linear_find_sse2_block<S>(p + b, needle) << (b - base);
  m |= linear_find_sse2_block<S>(p + to - 16, needle) << (to - 16 - base);
  return m != 0 ? base + static_cast<std::size_t>(__builtin_ctzll(m)) : to;
}

/// Larger maps. Precondition: n * S >= 16. Reads only [p, p + n * S).
/// 128 bytes per branch: eight compares are OR-ed together and the position
/// is worked out only in the chunk that matched.
template <std::size_t S>
inline std::size_t linear_find_sse2(const unsigned char* p, std::size_t n, const void* key) noexcept {
  const __m128i needle = linear_find_sse2_splat<S>(key);
  const std::size_t total = n * S;
  std::size_t off = 0;
  for (; total - off >= 128; off += 128) {
    const __m128i a =
        _mm_or_si128(linear_find_sse2_eq<S>(p + off, needle), linear_find_sse2_eq<S>(p + off + 16, needle));
    const __m128i b =
        _mm_or_si128(linear_find_sse2_eq<S>(p + off + 32, needle), linear_find_sse2_eq<S>(p + off + 48, needle));
    const __m128i c =
        _mm_or_si128(linear_find_sse2_eq<S>(p + off + 64, needle), linear_find_sse2_eq<S>(p + off + 80, needle));
    const __m128i d =
        _mm_or_si128(linear_find_sse2_eq<S>(p + off + 96, needle), linear_find_sse2_eq<S>(p + off + 112, needle));
    if (_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(a, b), _mm_or_si128(c, d))) != 0) {
      return linear_find_sse2_range<S>(p, off, off + 128, needle) / S;
    }
  }
  if (off == total) return n;
  return linear_find_sse2_range<S>(p, total - off >= 16 ? off : total - 16, total, needle) / S;
}
#endif  // HEAPLESS_DETAIL_LINEAR_MAP_SSE2

/// Bitwise keys with a query of the key type; Cap is the map's capacity.
/// The key comes by value: when the compiler keeps this search out of line,
/// it arrives in a register, not through memory.
template <std::size_t Cap, class K>
constexpr std::size_t linear_find_bitwise(const K* keys, std::size_t n, K q) noexcept {
#if HEAPLESS_DETAIL_LINEAR_MAP_SSE2
  constexpr std::size_t S = sizeof(K);
  constexpr std::size_t cap_bytes = Cap * S;
  if constexpr (cap_bytes >= 16) {
    if (!HEAPLESS_IS_CONSTANT_EVALUATED()) {
      const unsigned char* p = static_cast<const unsigned char*>(static_cast<const void*>(keys));
      // Up to 64 bytes in use: scan those (a map seldom full stays cheap).
      if constexpr (cap_bytes > 64) {
        if (n * S <= 64) return linear_find_sse2_whole<S, 64 / S>(p, n, &q);
      }
      if constexpr (Cap <= 64 && cap_bytes <= 128) {
        return linear_find_sse2_whole<S, Cap>(p, n, &q);
      } else {
        return linear_find_sse2<S>(p, n, &q);
      }
    }
  }
#else
  static_cast<void>(Cap);
#endif
  return linear_find_portable(keys, n, q);
}

/// True when the integer q has a value some K can hold (comparison by value,
/// free of the usual arithmetic conversions).
template <class K, class Q>
constexpr bool linear_map_representable(Q q) noexcept {
  using limits = std::numeric_limits<K>;
  if constexpr (std::is_signed_v<Q>) {
    const std::intmax_t v = q;
    if (v < 0) return std::is_signed_v<K> && v >= static_cast<std::intmax_t>(limits::min());
    return static_cast<std::uintmax_t>(v) <= static_cast<std::uintmax_t>(limits::max());
  } else {
    const std::uintmax_t v = q;
    return v <= static_cast<std::uintmax_t>(limits::max());
  }
}

template <class T>
inline constexpr bool linear_map_plain_integer_v = std::is_integral_v<T> && !std::is_same_v<T, bool>;

template <class T>
inline constexpr bool linear_map_char_pointer_v =
    std::is_same_v<std::decay_t<T>, const char*> || std::is_same_v<std::decay_t<T>, char*>;

/// Keys whose equality is char-by-char equality of a std::string_view:
/// std::string, std::string_view, heapless::String, boost::static_string...
/// (a traits_type other than std::char_traits<char>, e.g. case-insensitive
/// strings, keeps the key's own operator==).
template <class K, class = void>
struct linear_map_string_key : std::false_type {};
template <class K>
struct linear_map_string_key<K, std::enable_if_t<std::is_same_v<typename K::traits_type, std::char_traits<char>>>>
    : std::bool_constant<std::is_convertible_v<const K&, std::string_view>> {};

template <class T>
inline T linear_map_load(const char* p) noexcept {
  T v;
  std::memcpy(&v, p, sizeof(T));  // one unaligned load
  return v;
}

// 16 bytes at a and b differ (two 8-byte loads each).
inline std::uint64_t linear_map_diff16(const char* a, const char* b) noexcept {
  return (linear_map_load<std::uint64_t>(a) ^ linear_map_load<std::uint64_t>(b)) |
         (linear_map_load<std::uint64_t>(a + 8) ^ linear_map_load<std::uint64_t>(b + 8));
}

/// a[0, n) == b[0, n), inline (no call into the C library): up to 16 bytes
/// with two overlapping loads, longer strings 16 bytes at a time with a last
/// block that overlaps the previous one. Never reads outside [0, n).
HEAPLESS_DETAIL_LINEAR_MAP_INLINE bool linear_map_bytes_equal(const char* a, const char* b, std::size_t n) noexcept {
  if (n >= 8) {
    if (n > 16) {
      for (std::size_t i = 0; i + 16 < n; i += 16) {
        if (linear_map_diff16(a + i, b + i) != 0) return false;
      }
      return linear_map_diff16(a + n - 16, b + n - 16) == 0;
    }
    return ((linear_map_load<std::uint64_t>(a) ^ linear_map_load<std::uint64_t>(b)) |
            (linear_map_load<std::uint64_t>(a + n - 8) ^ linear_map_load<std::uint64_t>(b + n - 8))) == 0;
  }
  if (n >= 4) {
    return ((linear_map_load<std::uint32_t>(a) ^ linear_map_load<std::uint32_t>(b)) |
            (linear_map_load<std::uint32_t>(a + n - 4) ^ linear_map_load<std::uint32_t>(b + n - 4))) == 0;
  }
  if (n >= 2) {
    return ((linear_map_load<std::uint16_t>(a) ^ linear_map_load<std::uint16_t>(b)) |
            (linear_map_load<std::uint16_t>(a + n - 2) ^ linear_map_load<std::uint16_t>(b + n - 2))) == 0;
  }
  return n == 0 || a[0] == b[0];
}

/// String key k equals q: the length is compared first (one load for
/// heapless::String and std::string), the characters only when it matches.
template <class K>
constexpr HEAPLESS_DETAIL_LINEAR_MAP_INLINE bool linear_map_string_equal(const K& k, std::string_view q) noexcept {
  const std::string_view s = k;
  if (HEAPLESS_IS_CONSTANT_EVALUATED()) return s == q;
  return s.size() == q.size() && linear_map_bytes_equal(s.data(), q.data(), q.size());
}
/// String keys in maps too small for tags: index of the key equal to q, or n.
template <class K>
constexpr std::size_t linear_find_string(const K* keys, std::size_t n, std::string_view q) noexcept {
  for (std::size_t i = 0; i < n; ++i) {
    if (linear_map_string_equal(keys[i], q)) return i;
  }
  return n;
}

/// String-keyed maps of at least this capacity keep tags; smaller ones
/// compare lengths first. Measured (docs/linear_map.md): at N = 8 the tags make
/// misses 1.5-2x faster and hits ~1.5x slower than the length-first loop, and
/// they are what makes N = 8 lookups fastest of all peers for both.
inline constexpr std::size_t linear_map_tag_min_capacity = 8;

/// Whether LinearMap<K, V, N> keeps a tag per entry (string keys).
template <class K, std::size_t N>
inline constexpr bool linear_map_tagged_v = linear_map_string_key<K>::value && N >= linear_map_tag_min_capacity;

// ---- String keys: one-byte fingerprints --------------------------------------
// A map with string keys keeps one tag byte per entry, a hash of the key (its
// length, first and last eight bytes). A lookup hashes the query once,
// compares 16 tags per instruction (SSE2; one byte compare per entry
// elsewhere), and compares characters only where the tag matches: 1 entry in
// 256 by chance. The tag array has max(N, 16) bytes so that a 16-byte block
// never reads past it.
template <std::size_t N>
inline constexpr std::size_t linear_map_tag_count = N < 16 ? 16 : N;

#if defined(__BYTE_ORDER__) && defined(__ORDER_LITTLE_ENDIAN__)
#define HEAPLESS_DETAIL_LINEAR_MAP_LITTLE_ENDIAN (__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__)
#elif defined(_MSC_VER)
#define HEAPLESS_DETAIL_LINEAR_MAP_LITTLE_ENDIAN 1
#else
#define HEAPLESS_DETAIL_LINEAR_MAP_LITTLE_ENDIAN 0
#endif

// The W bytes at p as a little-endian number, on every host and in constant
// evaluation alike (a tag computed at compile time is used at run time).
template <class W>
constexpr W linear_map_word(const char* p) noexcept {
#if HEAPLESS_DETAIL_LINEAR_MAP_LITTLE_ENDIAN
  if (!HEAPLESS_IS_CONSTANT_EVALUATED()) return linear_map_load<W>(p);
#endif
  W v = 0;
  for (std::size_t i = 0; i < sizeof(W); ++i) v = static_cast<W>(v | W{static_cast<unsigned char>(p[i])} << (8 * i));
  return v;
}

/// The tag of a string: its length, first, middle and last characters,
/// mixed by a multiplication whose top byte depends on every input bit. No
/// branch on the length (a mispredicted one would cost more than the hash).
constexpr unsigned char linear_map_tag(std::string_view s) noexcept {
  const std::size_t n = s.size();
  std::uint64_t a = n;
  if (n != 0) {
    const char* p = s.data();
    a |= std::uint64_t{static_cast<unsigned char>(p[0])} << 8 |
         std::uint64_t{static_cast<unsigned char>(p[n / 2])} << 16 |
         std::uint64_t{static_cast<unsigned char>(p[n - 1])} << 24;
  }
  return static_cast<unsigned char>((a * 0x9E3779B97F4A7C15ull) >> 56);
}

/// The tagged search one entry at a time: constant evaluation, and targets
/// without SSE2.
template <class K>
constexpr std::size_t linear_find_tagged_loop(const K* keys, const unsigned char* tags, std::size_t n,
                                              std::string_view q, unsigned char t) noexcept {
  for (std::size_t i = 0; i < n; ++i) {
    if (tags[i] == t && linear_map_string_equal(keys[i], q)) return i;
  }
  return n;
}

#if HEAPLESS_DETAIL_LINEAR_MAP_SSE2
// Checks the candidates whose bits are set in m (bit i: entry base + i), in
// order; the first at or past n ends the search (tags past size() may be
// stale), so m needs no masking.
template <class K>
HEAPLESS_DETAIL_LINEAR_MAP_INLINE std::size_t linear_map_verify(const K* keys, std::uint64_t m, std::size_t base,
                                                                std::string_view q, std::size_t n) noexcept {
  for (; m != 0; m &= m - 1) {
    const std::size_t i = base + static_cast<std::size_t>(__builtin_ctzll(m));
    if (i >= n) break;
    if (linear_map_string_equal(keys[i], q)) return i;
  }
  return n;
}

// The tag byte t in all 16 lanes: t * 0x01010101 puts it in the four bytes
// of one dword, one dword shuffle spreads that (_mm_set1_epi8 compiles to
// three shuffles: SSE2 has no byte broadcast).
inline __m128i linear_map_tag_splat(unsigned char t) noexcept {
  return _mm_shuffle_epi32(_mm_cvtsi32_si128(static_cast<int>(t * 0x01010101u)), 0);
}

// Bits of the 16 tags starting at entry `pos`, placed relative to entry
// `base` (pos may lie before base when a block is moved back to stay inside
// the tag array: bits of entries before base are dropped).
inline std::uint64_t linear_map_tag_block(const unsigned char* tags, std::size_t pos, std::size_t base,
                                          __m128i needle) noexcept {
  const __m128i v = _mm_loadu_si128(static_cast<const __m128i*>(static_cast<const void*>(tags + pos)));
  const std::uint64_t m = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, needle)));
  return pos >= base ? m << (pos - base) : m >> (base - pos);
}
#endif

/// String keys with their tags: index of the key equal to q, or n.
/// Precondition: tags has linear_map_tag_count<Cap> readable bytes. Always
/// inline: out of line, the call and its saved registers cost 8-10
/// instructions per lookup (76 against 66 for a hit at N = 8, callgrind).
template <std::size_t Cap, class K>
constexpr HEAPLESS_DETAIL_LINEAR_MAP_INLINE std::size_t linear_find_tagged(const K* keys, const unsigned char* tags,
                                                                           std::size_t n, std::string_view q) noexcept {
  const unsigned char t = linear_map_tag(q);
  if (HEAPLESS_IS_CONSTANT_EVALUATED()) return linear_find_tagged_loop(keys, tags, n, q, t);
#if HEAPLESS_DETAIL_LINEAR_MAP_SSE2
  constexpr std::size_t tag_bytes = linear_map_tag_count<Cap>;
  const __m128i needle = linear_map_tag_splat(t);
  tags = linear_map_opaque(tags);
  if constexpr (tag_bytes <= 64) {
    // Up to 64 entries: one mask in straight-line code (a last block that
    // would pass the tag array's end is moved back to end at it); not masked
    // by n: linear_map_verify stops at n (cheaper than masking).
    std::uint64_t m = 0;
#if HEAPLESS_DETAIL_LINEAR_MAP_AVX2
    if constexpr (tag_bytes >= 32) {
      // Two 32-byte blocks, the second ending at the tag array's end (it may
      // overlap the first: equal tags give equal bits).
      const __m256i wide = _mm256_set1_epi8(static_cast<char>(t));
      const auto block32 = [&](std::size_t pos) {
        const __m256i v = _mm256_loadu_si256(static_cast<const __m256i*>(static_cast<const void*>(tags + pos)));
        return static_cast<std::uint64_t>(static_cast<unsigned>(_mm256_movemask_epi8(_mm256_cmpeq_epi8(v, wide))));
      };
      m = block32(0);
      if constexpr (tag_bytes > 32) m |= block32(tag_bytes - 32) << (tag_bytes - 32);
    } else
#endif
    {
      // Two partial masks (blocks 0, 2 and 1, 3) joined at the end: one OR
      // fewer on the chain to the first candidate than a running OR.
      std::uint64_t odd = 0;
      for (std::size_t j = 0; j < tag_bytes; j += 16) {
        const std::uint64_t b = linear_map_tag_block(tags, j + 16 <= tag_bytes ? j : tag_bytes - 16, 0, needle);
        if (j % 32 == 0) m |= b;
        else odd |= b;
      }
      m |= odd;
    }
    return linear_map_verify(keys, m, 0, q, n);
  }
  // Larger: 64 entries per step, straight-line: blocks at base, base + 16, ... (the
  // last one moved back to end at the tag array's end), masked to [base, n).
  for (std::size_t base = 0; base < n; base += 64) {
    std::uint64_t m = 0;
    for (std::size_t j = 0; j < 64 && j < tag_bytes; j += 16) {
      const std::size_t at = base + j;
      if (tag_bytes > 64 && at >= n) break;
      m |= linear_map_tag_block(tags, at + 16 <= tag_bytes ? at : tag_bytes - 16, base, needle);
    }
    if (n - base < 64) m &= (std::uint64_t{1} << (n - base)) - 1;
    const std::size_t i = linear_map_verify(keys, m, base, q, n);
    if (i != n) return i;
  }
  return n;
#else
  return linear_find_tagged_loop(keys, tags, n, q, t);
#endif
}

// ---- Integer keys: a hash index ----------------------------------------------
// Integer and enum keys of 2 to 8 bytes get a hash index beside the entries
// when the key array is over 128 bytes (int keys: N > 32; 8-byte keys:
// N > 16), on every target, and on targets other than microcontrollers
// also from 32 bytes of keys (int keys: N >= 8). linear_map_index_slots<N>
// slots, the smallest power of two >= 4N up to N = 32 and >= 2N above (so at
// most a quarter or half are in use), each holding an entry number + 1, or
// 0 when empty. A key's home slot is the top bits of its bits times an odd
// constant (Fibonacci hashing: ids 0, 1, 2..., multiples of 256 and the
// extremes all spread); collisions go to the next free slot (linear
// probing). A lookup is a multiply, a shift, a load of the slot and a key
// compare, about once per hit: O(1) expected, and never worse than the scan
// it replaces (a probe run is at most the number of entries long). The
// entries stay where they were (insertion order, contiguous keys() and
// values()); erase takes its entry out of the index by backward shifting
// (no tombstones, so runs never grow with use) and renumbers the entry moved
// into the hole.
//
// Cost: 2N to 4N slots of one byte up to N = 255, two above. Measured
// (docs/linear_map.md): with the index, int maps of 8 and 16 entries hit
// 1.5x faster than the SSE2 whole-array scan (which ties with
// std::unordered_map there) and miss about as fast; a 64-entry map hits 2x
// faster than with one tag byte per entry. On microcontrollers (Cortex-M,
// 32-bit RISC-V, AVR, MSP430) small maps keep their plain layout (keys,
// values, length: RAM is what they are short of, and a loop over 8 keys is
// cheap); a map with over 128 bytes of keys gets the index there too (a
// 64-entry hit is ~15 instructions instead of a 64-key loop). Define
// HEAPLESS_LINEAR_MAP_NO_INDEX (in every translation unit alike: it changes
// the layout) to keep every map index-free, searched by the scans above.
#if defined(HEAPLESS_LINEAR_MAP_NO_INDEX)
inline constexpr bool linear_map_index_enabled = false;
#else
inline constexpr bool linear_map_index_enabled = true;
#endif
inline constexpr bool linear_map_small_index = !HEAPLESS_DETAIL_MICROCONTROLLER;

/// Whether LinearMap<K, V, N> keeps a hash index.
template <class K, std::size_t N>
inline constexpr bool linear_map_indexed_v =
    linear_map_index_enabled && linear_map_bitwise_key_v<K> && sizeof(K) >= 2 &&
    (N * sizeof(K) > 128 || (linear_map_small_index && N * sizeof(K) >= 32));

constexpr unsigned linear_map_log2_ceil(std::size_t x) noexcept {
  unsigned b = 0;
  while ((std::size_t{1} << b) < x) ++b;
  return b;
}
/// log2 of the number of index slots of a map of capacity N: at least 4N
/// up to N = 32 (a miss then ends at its home slot three times in four), 2N
/// above.
template <std::size_t N>
inline constexpr unsigned linear_map_index_bits = linear_map_log2_ceil((N <= 32 ? 4 : 2) * N);
template <std::size_t N>
inline constexpr std::size_t linear_map_index_slots = std::size_t{1} << linear_map_index_bits<N>;
/// One slot: an entry number + 1 (0: empty).
template <std::size_t N>
using linear_map_slot_t = smallest_size_t<N>;

/// The bits of an integer or enum key as an unsigned number (32 bits for
/// keys of up to 4 bytes).
template <class K>
constexpr auto linear_map_int_bits(K k) noexcept {
  using I = typename std::conditional_t<std::is_enum_v<K>, std::underlying_type<K>, std::common_type<K>>::type;
  const auto u = static_cast<std::make_unsigned_t<I>>(static_cast<I>(k));
  if constexpr (sizeof(K) <= 4) {
    return static_cast<std::uint32_t>(u);
  } else {
    return static_cast<std::uint64_t>(u);
  }
}

/// The home slot of key k in the index of a map of capacity N.
template <std::size_t N, class K>
constexpr std::size_t linear_map_home(K k) noexcept {
  constexpr unsigned b = linear_map_index_bits<N>;
  if constexpr (sizeof(K) <= 4 && b <= 32) {
    return static_cast<std::size_t>(static_cast<std::uint32_t>(linear_map_int_bits(k) * 0x9E3779B1u) >> (32 - b));
  } else {
    return static_cast<std::size_t>((std::uint64_t{linear_map_int_bits(k)} * 0x9E3779B97F4A7C15ull) >> (64 - b));
  }
}

/// Index of the entry whose key is q, or n. An empty slot ends the probe
/// run: its entry number + 1 is 0, so "number >= n" is one unsigned compare
/// that also stops at anything not below size().
template <std::size_t N, class K, class S>
constexpr std::size_t linear_find_indexed(const K* keys, const S* index, std::size_t n, K q) noexcept {
  constexpr std::size_t mask = linear_map_index_slots<N> - 1;
  for (std::size_t h = linear_map_home<N>(q);; h = (h + 1) & mask) {
    const std::size_t e = static_cast<std::size_t>(index[h]) - 1;  // empty: SIZE_MAX
    if (e >= n) return n;
    if (keys[e] == q) return e;
  }
}

/// Records entry e (key k) in the index: its home slot or the next free one.
template <std::size_t N, class K, class S>
constexpr void linear_map_index_add(S* index, K k, std::size_t e) noexcept {
  constexpr std::size_t mask = linear_map_index_slots<N> - 1;
  std::size_t h = linear_map_home<N>(k);
  while (index[h] != 0) h = (h + 1) & mask;
  index[h] = static_cast<S>(e + 1);
}

/// The slot that holds entry e, whose key is k. Precondition: it is indexed.
template <std::size_t N, class K, class S>
constexpr std::size_t linear_map_index_slot(const S* index, K k, std::size_t e) noexcept {
  constexpr std::size_t mask = linear_map_index_slots<N> - 1;
  std::size_t h = linear_map_home<N>(k);
  while (static_cast<std::size_t>(index[h]) != e + 1) h = (h + 1) & mask;
  return h;
}

/// Takes entry e (key k) out of the index: later slots of its probe run
/// move back into the hole where their home allows (Knuth's algorithm R),
/// so every remaining key stays reachable from its home without tombstones.
template <std::size_t N, class K, class S>
constexpr void linear_map_index_remove(S* index, const K* keys, K k, std::size_t e) noexcept {
  constexpr std::size_t mask = linear_map_index_slots<N> - 1;
  std::size_t hole = linear_map_index_slot<N>(index, k, e);
  for (std::size_t j = (hole + 1) & mask; index[j] != 0; j = (j + 1) & mask) {
    const std::size_t home = linear_map_home<N>(keys[index[j] - 1]);
    // The entry at j may move back to the hole unless its home lies
    // strictly between the hole and j (cyclically).
    if (((j - home) & mask) >= ((j - hole) & mask)) {
      index[hole] = index[j];
      hole = j;
    }
  }
  index[hole] = 0;
}

/// Entry `from` (key k) is now entry `to`.
template <std::size_t N, class K, class S>
constexpr void linear_map_index_renumber(S* index, K k, std::size_t from, std::size_t to) noexcept {
  index[linear_map_index_slot<N>(index, k, from)] = static_cast<S>(to + 1);
}

/// Rebuilds the index of keys[0, n) from nothing.
template <std::size_t N, class K, class S>
constexpr void linear_map_index_rebuild(S* index, const K* keys, std::size_t n) noexcept {
  for (std::size_t i = 0; i < linear_map_index_slots<N>; ++i) index[i] = 0;
  for (std::size_t i = 0; i < n; ++i) linear_map_index_add<N>(index, keys[i], i);
}

/// A key of the key type in a map of capacity Cap: through the index when
/// the map keeps one (index: its slots), else the bitwise scan.
template <std::size_t Cap, class K, class S>
constexpr HEAPLESS_DETAIL_LINEAR_MAP_INLINE std::size_t linear_find_key(const K* keys, [[maybe_unused]] const S* index,
                                                                        std::size_t n, K q) noexcept {
  if constexpr (linear_map_indexed_v<K, Cap>) {
    return linear_find_indexed<Cap>(keys, index, n, q);
  } else {
    return linear_find_bitwise<Cap>(keys, n, q);
  }
}

/// Index of the first key in keys[0, n) equal to q, or n. Cap: capacity;
/// index: the map's hash index (a null pointer when it has none). An integer
/// query of another type is compared by value; a query that is no integer
/// (a class comparable with K, a double) keeps its own operator== in the
/// portable loop. Only a dispatch: always inline, so that what may stay out
/// of line is the search itself (taking an integer key by value).
template <std::size_t Cap, class K, class S, class Q>
constexpr HEAPLESS_DETAIL_LINEAR_MAP_INLINE std::size_t linear_find(const K* keys, const S* index, std::size_t n,
                                                                    const Q& q) {
  if constexpr (linear_map_bitwise_key_v<K> && std::is_same_v<K, Q>) {
    return linear_find_key<Cap>(keys, index, n, q);
  } else if constexpr (linear_map_bitwise_key_v<K> && linear_map_plain_integer_v<K> &&
                       linear_map_plain_integer_v<Q>) {
    if (!linear_map_representable<K>(q)) return n;
    return linear_find_key<Cap>(keys, index, n, static_cast<K>(q));
  } else if constexpr (linear_map_char_pointer_v<Q> && linear_map_comparable<K, std::string_view>::value) {
    // Measure the C string once rather than once per key.
    return linear_find_portable(keys, n, std::string_view(q));
  } else {
    return linear_find_portable(keys, n, q);
  }
}

}  // namespace detail
}  // namespace heapless

#undef HEAPLESS_DETAIL_LINEAR_MAP_LITTLE_ENDIAN
#undef HEAPLESS_DETAIL_LINEAR_MAP_SSE2
#undef HEAPLESS_DETAIL_LINEAR_MAP_AVX2
#undef HEAPLESS_DETAIL_LINEAR_MAP_INLINE

#endif  // HEAPLESS_DETAIL_LINEAR_MAP_SCAN_HPP
// ---- end heapless/detail/linear_map_scan.hpp ----
// #include "detail/size.hpp": inlined above
// #include "detail/storage.hpp": inlined above

// Thin wrappers that turn an index into an iterator: always inline, so that
// what the compiler may keep out of line is the search, which returns an
// index in a register, never a two-pointer iterator through memory.
#if defined(__GNUC__) || defined(__clang__)
#define HEAPLESS_DETAIL_LINEAR_MAP_WRAPPER constexpr __attribute__((always_inline))
#else
#define HEAPLESS_DETAIL_LINEAR_MAP_WRAPPER constexpr
#endif

namespace heapless {

template <class K, class V, std::size_t N>
class LinearMap;

namespace detail {

// ---- Iterators -------------------------------------------------------------
// The entries are not stored as pairs, so dereferencing builds a pair of
// references. operator* returns it as a *const prvalue*: `auto&` then deduces
// `const std::pair<const K&, V&>&`, which binds to the temporary, so
// `for (auto& [k, v] : map)` compiles (it does not for C++23 std::flat_map).
// Constness of the pair is shallow: `second` stays a `V&`.
template <class R>
struct linear_map_arrow {
  R ref;
  constexpr const R* operator->() const noexcept { return &ref; }
};

template <class K, class VV>
class linear_map_iterator {
 public:
  using value_type = std::pair<K, std::remove_const_t<VV>>;
  using reference = const std::pair<const K&, VV&>;
  using pointer = linear_map_arrow<reference>;
  using difference_type = std::ptrdiff_t;
  using iterator_category = std::random_access_iterator_tag;

  constexpr linear_map_iterator() noexcept = default;
  /// iterator -> const_iterator.
  template <class W, std::enable_if_t<std::is_same_v<const W, VV> && !std::is_same_v<W, VV>, int> = 0>
  constexpr linear_map_iterator(const linear_map_iterator<K, W>& o) noexcept  // NOLINT: implicit like std
      : k_(o.k_), v_(o.v_) {}

  constexpr reference operator*() const noexcept { return reference(*k_, *v_); }
  constexpr pointer operator->() const noexcept { return pointer{**this}; }
  constexpr reference operator[](difference_type n) const noexcept { return reference(k_[n], v_[n]); }

  constexpr linear_map_iterator& operator++() noexcept {
    ++k_;
    ++v_;
    return *this;
  }
  constexpr linear_map_iterator operator++(int) noexcept {
    linear_map_iterator t = *this;
    ++*this;
    return t;
  }
  constexpr linear_map_iterator& operator--() noexcept {
    --k_;
    --v_;
    return *this;
  }
  constexpr linear_map_iterator operator--(int) noexcept {
    linear_map_iterator t = *this;
    --*this;
    return t;
  }
  constexpr linear_map_iterator& operator+=(difference_type n) noexcept {
    k_ += n;
    v_ += n;
    return *this;
  }
  constexpr linear_map_iterator& operator-=(difference_type n) noexcept {
    k_ -= n;
    v_ -= n;
    return *this;
  }
  friend constexpr linear_map_iterator operator+(linear_map_iterator i, difference_type n) noexcept {
    return i += n;
  }
  friend constexpr linear_map_iterator operator+(difference_type n, linear_map_iterator i) noexcept {
    return i += n;
  }
  friend constexpr linear_map_iterator operator-(linear_map_iterator i, difference_type n) noexcept {
    return i -= n;
  }
  friend constexpr difference_type operator-(const linear_map_iterator& a, const linear_map_iterator& b) noexcept {
    return a.k_ - b.k_;
  }
  friend constexpr bool operator==(const linear_map_iterator& a, const linear_map_iterator& b) noexcept {
    return a.k_ == b.k_;
  }
  friend constexpr bool operator!=(const linear_map_iterator& a, const linear_map_iterator& b) noexcept {
    return a.k_ != b.k_;
  }
  friend constexpr bool operator<(const linear_map_iterator& a, const linear_map_iterator& b) noexcept {
    return a.k_ < b.k_;
  }
  friend constexpr bool operator>(const linear_map_iterator& a, const linear_map_iterator& b) noexcept {
    return b.k_ < a.k_;
  }
  friend constexpr bool operator<=(const linear_map_iterator& a, const linear_map_iterator& b) noexcept {
    return !(b.k_ < a.k_);
  }
  friend constexpr bool operator>=(const linear_map_iterator& a, const linear_map_iterator& b) noexcept {
    return !(a.k_ < b.k_);
  }

 private:
  template <class, class>
  friend class linear_map_iterator;
  template <class, class, std::size_t>
  friend class ::heapless::LinearMap;
  constexpr linear_map_iterator(const K* k, VV* v) noexcept : k_(k), v_(v) {}
  const K* k_ = nullptr;
  VV* v_ = nullptr;
};

/// keys() / values(): a contiguous range (pointer iterators).
template <class T>
class linear_map_span {
 public:
  using value_type = std::remove_const_t<T>;
  using iterator = T*;
  using size_type = std::size_t;
  constexpr linear_map_span(T* p, std::size_t n) noexcept : p_(p), n_(n) {}
  constexpr T* begin() const noexcept { return p_; }
  constexpr T* end() const noexcept { return p_ + n_; }
  constexpr T* data() const noexcept { return p_; }
  constexpr std::size_t size() const noexcept { return n_; }
  constexpr bool empty() const noexcept { return n_ == 0; }
  /// Precondition: i < size().
  constexpr T& operator[](std::size_t i) const noexcept {
    HEAPLESS_ASSERT(i < n_, "LinearMap: keys()/values() index out of range");
    return p_[i];
  }

 private:
  T* p_;
  std::size_t n_;
};

// ---- Storage ---------------------------------------------------------------
// What a map keeps beside its entries (detail/linear_map_scan.hpp): string
// keys one tag byte per entry; larger integer maps a hash index; an empty
// base otherwise, so other maps pay nothing.
template <class K, std::size_t N,
          int Kind = linear_map_tagged_v<K, N> ? 1 : (linear_map_indexed_v<K, N> ? 2 : 0)>
struct linear_map_aux {
  constexpr unsigned char* tag_data_() noexcept { return nullptr; }
  constexpr const unsigned char* tag_data_() const noexcept { return nullptr; }
  constexpr const unsigned char* index_data_() const noexcept { return nullptr; }
  constexpr void aux_clear_() noexcept {}
  constexpr void aux_copy_(const linear_map_aux&, std::size_t) noexcept {}
};
template <class K, std::size_t N>
struct linear_map_aux<K, N, 1> {
  uninit_array<unsigned char, linear_map_tag_count<N>> tags_;
  constexpr unsigned char* tag_data_() noexcept { return tags_.data(); }
  constexpr const unsigned char* tag_data_() const noexcept { return tags_.data(); }
  constexpr const unsigned char* index_data_() const noexcept { return nullptr; }
  constexpr void aux_clear_() noexcept {}
  constexpr void aux_copy_(const linear_map_aux& o, std::size_t n) noexcept {
    for (std::size_t i = 0; i < n; ++i) tag_data_()[i] = o.tag_data_()[i];
  }
};
template <class K, std::size_t N>
struct linear_map_aux<K, N, 2> {
  using slot_type = linear_map_slot_t<N>;
  slot_type slots_[linear_map_index_slots<N>] = {};  // all empty
  constexpr const slot_type* index_data_() const noexcept { return slots_; }
  constexpr void aux_clear_() noexcept {
    for (std::size_t i = 0; i < linear_map_index_slots<N>; ++i) slots_[i] = 0;
  }
  constexpr void aux_copy_(const linear_map_aux& o, std::size_t) noexcept {
    for (std::size_t i = 0; i < linear_map_index_slots<N>; ++i) slots_[i] = o.slots_[i];
  }
};

// Trivially copyable K and V: every special member is defaulted (trivial), so
// the map is trivially copyable and may be copied with memcpy or DMA.
template <class K, class V, std::size_t N,
          bool = std::is_trivially_copyable_v<K> && std::is_trivially_copyable_v<V>>
struct linear_map_storage : linear_map_aux<K, N> {
  uninit_array<K, N> keys_;
  uninit_array<V, N> values_;
  smallest_size_t<N> size_ = 0;

  constexpr void destroy_all_() noexcept {
    size_ = 0;
    this->aux_clear_();
  }
};

// Otherwise the special members manage element lifetimes. A moved-from map is
// left empty: its keys would no longer be unique.
template <class K, class V, std::size_t N>
struct linear_map_storage<K, V, N, false> : linear_map_aux<K, N> {
  uninit_array<K, N> keys_;
  uninit_array<V, N> values_;
  smallest_size_t<N> size_ = 0;

  constexpr linear_map_storage() noexcept = default;
  linear_map_storage(const linear_map_storage& o) : keys_(), values_() { copy_from_(o); }
  linear_map_storage(linear_map_storage&& o) noexcept(
      std::is_nothrow_move_constructible_v<K>&& std::is_nothrow_move_constructible_v<V>)
      : keys_(), values_() {
    move_from_(o);
  }
  linear_map_storage& operator=(const linear_map_storage& o) {
    if (this != &o) {
      destroy_all_();
      copy_from_(o);
    }
    return *this;
  }
  linear_map_storage& operator=(linear_map_storage&& o) noexcept(
      std::is_nothrow_move_constructible_v<K>&& std::is_nothrow_move_constructible_v<V>) {
    if (this != &o) {
      destroy_all_();
      move_from_(o);
    }
    return *this;
  }
  ~linear_map_storage() { destroy_entries_(); }

  void destroy_all_() noexcept {
    destroy_entries_();
    this->aux_clear_();
  }

 private:
  void destroy_entries_() noexcept {
    for (std::size_t i = 0; i < size_; ++i) {
      keys_.destroy(i);
      values_.destroy(i);
    }
    size_ = 0;
  }

  // If an element copy throws, the ones already made are destroyed (the
  // object under construction is never completed, so its destructor won't).
  struct rollback {
    linear_map_storage* self;
    ~rollback() {
      if (self != nullptr) self->destroy_all_();
    }
  };
  void copy_from_(const linear_map_storage& o) {
    this->aux_copy_(o, o.size_);
    rollback guard{this};
    for (std::size_t i = 0; i < o.size_; ++i) {
      keys_.construct(i, o.keys_.data()[i]);
      {
        rollback_key key_guard{this, i};
        values_.construct(i, o.values_.data()[i]);
        key_guard.self = nullptr;
      }
      ++size_;
    }
    guard.self = nullptr;
  }
  void move_from_(linear_map_storage& o) {
    this->aux_copy_(o, o.size_);
    rollback guard{this};
    for (std::size_t i = 0; i < o.size_; ++i) {
      keys_.construct(i, std::move(o.keys_.data()[i]));
      {
        rollback_key key_guard{this, i};
        values_.construct(i, std::move(o.values_.data()[i]));
        key_guard.self = nullptr;
      }
      ++size_;
    }
    guard.self = nullptr;
    o.destroy_all_();
  }
  struct rollback_key {
    linear_map_storage* self;
    std::size_t i;
    ~rollback_key() {
      if (self != nullptr) self->keys_.destroy(i);
    }
  };
};

// Copy operations exist only when K and V are copyable (std::is_copy_* stays
// truthful for a map of move-only values). Empty: costs no space.
template <bool Copyable>
struct linear_map_copy_gate {};
template <>
struct linear_map_copy_gate<false> {
  linear_map_copy_gate() = default;
  linear_map_copy_gate(const linear_map_copy_gate&) = delete;
  linear_map_copy_gate(linear_map_copy_gate&&) = default;
  linear_map_copy_gate& operator=(const linear_map_copy_gate&) = delete;
  linear_map_copy_gate& operator=(linear_map_copy_gate&&) = default;
  ~linear_map_copy_gate() = default;
};

}  // namespace detail

/// A map of at most N entries, in insertion order, searched linearly.
/// K needs `==` (with itself, and with any type used for heterogeneous
/// lookup); K and V need to be move-constructible and move-assignable.
template <class K, class V, std::size_t N>
class LinearMap
    : private detail::linear_map_storage<K, V, N>,
      private detail::linear_map_copy_gate<std::is_copy_constructible_v<K> && std::is_copy_constructible_v<V>> {
  static_assert(N > 0, "LinearMap needs a capacity of at least 1");
  static_assert(!std::is_reference_v<K> && !std::is_reference_v<V>, "LinearMap stores objects, not references");
  static_assert(!std::is_const_v<K> && !std::is_const_v<V>,
                "LinearMap<const K, ...>: keys are never mutable through the map anyway; drop the const");

  using base_ = detail::linear_map_storage<K, V, N>;

 public:
  // ---- Types ---------------------------------------------------------------
  using key_type = K;
  using mapped_type = V;
  /// What an entry is when taken out of the map (as in C++23 std::flat_map).
  using value_type = std::pair<K, V>;
  using size_type = std::size_t;
  using difference_type = std::ptrdiff_t;
  /// A proxy: `std::pair<const K&, V&>`, returned by value from `*it` (const,
  /// so that `auto&` binds to it). Assigning `.second` writes into the map.
  using reference = const std::pair<const K&, V&>;
  using const_reference = const std::pair<const K&, const V&>;
  using iterator = detail::linear_map_iterator<K, V>;
  using const_iterator = detail::linear_map_iterator<K, const V>;
  using reverse_iterator = std::reverse_iterator<iterator>;
  using const_reverse_iterator = std::reverse_iterator<const_iterator>;
  /// try_insert's result: empty when the map was full (nothing changed);
  /// otherwise what insert would return: {position, inserted}.
  using try_insert_result = std::optional<std::pair<iterator, bool>>;

  // ---- Construction ----------------------------------------------------------
  /// Empty; O(1), touches no element storage; constant-initialised when static.
  constexpr LinearMap() noexcept = default;
  /// Inserts each entry; a repeated key keeps its first value (as std::map).
  /// More than N distinct keys: raises length_error.
  constexpr LinearMap(std::initializer_list<value_type> il) : LinearMap() { insert(il.begin(), il.end()); }
  /// Inserts [first, last) as insert(first, last) does.
  template <class InputIt, class = typename std::iterator_traits<InputIt>::iterator_category>
  constexpr LinearMap(InputIt first, InputIt last) : LinearMap() {
    insert(first, last);
  }
  constexpr LinearMap& operator=(std::initializer_list<value_type> il) {
    clear();
    insert(il.begin(), il.end());
    return *this;
  }

  // ---- Capacity --------------------------------------------------------------
  constexpr size_type size() const noexcept { return this->size_; }
  static constexpr size_type capacity() noexcept { return N; }
  static constexpr size_type max_size() noexcept { return N; }
  [[nodiscard]] constexpr bool empty() const noexcept { return this->size_ == 0; }
  constexpr bool full() const noexcept { return this->size_ == N; }

  // ---- Iteration (insertion order; see erase for what it does to it) --------
  constexpr iterator begin() noexcept { return iter_(0); }
  constexpr iterator end() noexcept { return iter_(this->size_); }
  constexpr const_iterator begin() const noexcept { return citer_(0); }
  constexpr const_iterator end() const noexcept { return citer_(this->size_); }
  constexpr const_iterator cbegin() const noexcept { return citer_(0); }
  constexpr const_iterator cend() const noexcept { return citer_(this->size_); }
  constexpr reverse_iterator rbegin() noexcept { return reverse_iterator(end()); }
  constexpr reverse_iterator rend() noexcept { return reverse_iterator(begin()); }
  constexpr const_reverse_iterator rbegin() const noexcept { return const_reverse_iterator(end()); }
  constexpr const_reverse_iterator rend() const noexcept { return const_reverse_iterator(begin()); }
  constexpr const_reverse_iterator crbegin() const noexcept { return rbegin(); }
  constexpr const_reverse_iterator crend() const noexcept { return rend(); }

  /// The keys, contiguous, in iteration order (read-only: keys stay unique).
  constexpr detail::linear_map_span<const K> keys() const noexcept { return {keys_data_(), this->size_}; }
  /// The values, contiguous, in iteration order; values()[i] belongs to keys()[i].
  constexpr detail::linear_map_span<V> values() noexcept { return {values_data_(), this->size_}; }
  constexpr detail::linear_map_span<const V> values() const noexcept { return {values_data_(), this->size_}; }

  // ---- Lookup: any Q with `K == Q` (heterogeneous), else Q converts to K ------
  /// Iterator to the entry with key q, or end(). O(n).
  template <class Q = K>
  HEAPLESS_DETAIL_LINEAR_MAP_WRAPPER iterator find(const Q& q) {
    return iter_(index_of_(q));
  }
  template <class Q = K>
  HEAPLESS_DETAIL_LINEAR_MAP_WRAPPER const_iterator find(const Q& q) const {
    return citer_(index_of_(q));
  }
  template <class Q = K>
  constexpr bool contains(const Q& q) const {
    return index_of_(q) != this->size_;
  }
  template <class Q = K>
  constexpr size_type count(const Q& q) const {
    return contains(q) ? 1 : 0;
  }
  /// The value for key q; a missing key raises out_of_range.
  template <class Q = K>
  constexpr V& at(const Q& q) {
    const size_type i = index_of_(q);
    if (HEAPLESS_UNLIKELY(i == this->size_)) detail::raise(error_kind::out_of_range, "LinearMap::at: no such key");
    return values_data_()[i];
  }
  template <class Q = K>
  constexpr const V& at(const Q& q) const {
    const size_type i = index_of_(q);
    if (HEAPLESS_UNLIKELY(i == this->size_)) detail::raise(error_kind::out_of_range, "LinearMap::at: no such key");
    return values_data_()[i];
  }
  /// The value for key k, value-initialised and appended if k is new;
  /// a new key into a full map raises length_error.
  constexpr V& operator[](const K& k) { return values_data_()[try_emplace_(k).first]; }
  constexpr V& operator[](K&& k) { return values_data_()[try_emplace_(std::move(k)).first]; }

  // ---- Insertion (plain forms: a new key into a full map raises length_error) -
  /// Inserts v unless its key is present. Returns {position, inserted}.
  constexpr std::pair<iterator, bool> insert(const value_type& v) { return try_emplace(v.first, v.second); }
  constexpr std::pair<iterator, bool> insert(value_type&& v) {
    return try_emplace(std::move(v.first), std::move(v.second));
  }
  /// Any P a value_type can be made from (std::pair<const K, V>, ...).
  template <class P, std::enable_if_t<std::is_constructible_v<value_type, P&&> &&
                                          !std::is_same_v<std::decay_t<P>, value_type>,
                                      int> = 0>
  constexpr std::pair<iterator, bool> insert(P&& p) {
    return emplace(std::forward<P>(p));
  }
  /// The hint is ignored (there is no order to exploit); for std::inserter.
  constexpr iterator insert(const_iterator /*hint*/, const value_type& v) { return insert(v).first; }
  constexpr iterator insert(const_iterator /*hint*/, value_type&& v) { return insert(std::move(v)).first; }
  /// Inserts each element in turn; on overflow the ones before stay inserted
  /// and length_error is raised.
  template <class InputIt, class = typename std::iterator_traits<InputIt>::iterator_category>
  constexpr void insert(InputIt first, InputIt last) {
    for (; first != last; ++first) emplace(*first);
  }
  constexpr void insert(std::initializer_list<value_type> il) { insert(il.begin(), il.end()); }

  /// Constructs value_type(args...) and inserts it unless its key is present.
  /// emplace(key, value) with a K key builds no temporary pair.
  template <class... Args>
  constexpr std::pair<iterator, bool> emplace(Args&&... args) {
    if constexpr (is_key_value_pack_<Args...>()) {
      return emplace_kv_(std::forward<Args>(args)...);
    } else {
      value_type tmp(std::forward<Args>(args)...);
      return try_emplace(std::move(tmp.first), std::move(tmp.second));
    }
  }
  template <class... Args>
  constexpr iterator emplace_hint(const_iterator /*hint*/, Args&&... args) {
    return emplace(std::forward<Args>(args)...).first;
  }

  /// std::map::try_emplace: if k is present, does nothing (args are not moved
  /// from) and returns {position, false}; else appends (k, V(args...)).
  /// Still a plain form: a new key into a full map raises length_error. For
  /// a form that reports a full map instead, see try_insert.
  template <class... Args>
  constexpr std::pair<iterator, bool> try_emplace(const K& k, Args&&... args) {
    const auto r = try_emplace_(k, std::forward<Args>(args)...);
    return {iter_(r.first), r.second};
  }
  template <class... Args>
  constexpr std::pair<iterator, bool> try_emplace(K&& k, Args&&... args) {
    const auto r = try_emplace_(std::move(k), std::forward<Args>(args)...);
    return {iter_(r.first), r.second};
  }
  template <class... Args>
  constexpr iterator try_emplace(const_iterator /*hint*/, const K& k, Args&&... args) {
    return try_emplace(k, std::forward<Args>(args)...).first;
  }
  template <class... Args>
  constexpr iterator try_emplace(const_iterator /*hint*/, K&& k, Args&&... args) {
    return try_emplace(std::move(k), std::forward<Args>(args)...).first;
  }

  /// Assigns m to the value of k if present ({position, false}), else appends
  /// (k, m) ({position, true}); a new key into a full map raises length_error.
  template <class M>
  constexpr std::pair<iterator, bool> insert_or_assign(const K& k, M&& m) {
    return insert_or_assign_(k, std::forward<M>(m));
  }
  template <class M>
  constexpr std::pair<iterator, bool> insert_or_assign(K&& k, M&& m) {
    return insert_or_assign_(std::move(k), std::forward<M>(m));
  }

  // ---- Insertion that reports a full map (never raises) ---------------------
  /// As try_emplace(k, args...), except that a new key into a full map
  /// returns an empty optional: nothing changes, nothing is moved from.
  template <class... Args>
  [[nodiscard]] constexpr try_insert_result try_insert(const K& k, Args&&... args) {
    return try_insert_(k, std::forward<Args>(args)...);
  }
  template <class... Args>
  [[nodiscard]] constexpr try_insert_result try_insert(K&& k, Args&&... args) {
    return try_insert_(std::move(k), std::forward<Args>(args)...);
  }
  /// As insert(v), except that a new key into a full map returns an empty
  /// optional (v is not moved from).
  [[nodiscard]] constexpr try_insert_result try_insert(const value_type& v) { return try_insert_(v.first, v.second); }
  [[nodiscard]] constexpr try_insert_result try_insert(value_type&& v) {
    return try_insert_(std::move(v.first), std::move(v.second));
  }
  /// As insert_or_assign, except that a new key into a full map returns an
  /// empty optional (k and m are not moved from).
  template <class M>
  [[nodiscard]] constexpr try_insert_result try_insert_or_assign(const K& k, M&& m) {
    return try_insert_or_assign_(k, std::forward<M>(m));
  }
  template <class M>
  [[nodiscard]] constexpr try_insert_result try_insert_or_assign(K&& k, M&& m) {
    return try_insert_or_assign_(std::move(k), std::forward<M>(m));
  }

  // ---- Erasure ---------------------------------------------------------------
  /// Removes the entry at pos in O(1) by moving the LAST entry into its place
  /// (iteration order changes). Returns an iterator to the same position,
  /// which now holds the moved entry (or is end()), so an erase loop
  /// `it = m.erase(it)` visits every entry. Precondition: pos is dereferenceable.
  constexpr iterator erase(const_iterator pos) {
    const size_type i = index_(pos);
    HEAPLESS_ASSERT(i < this->size_, "LinearMap::erase: iterator not dereferenceable");
    remove_swap_(i);
    return iter_(i);
  }
  constexpr iterator erase(iterator pos) { return erase(const_iterator(pos)); }
  /// Removes [first, last), filling the hole with entries from the end:
  /// O(last - first). Returns an iterator to first's position.
  constexpr iterator erase(const_iterator first, const_iterator last) {
    const size_type f = index_(first);
    const size_type l = index_(last);
    HEAPLESS_ASSERT(f <= l && l <= this->size_, "LinearMap::erase: invalid range");
    const size_type n = this->size_;
    const size_type hole = l - f;
    const size_type tail = n - l;
    const size_type moved = hole < tail ? hole : tail;
    for (size_type e = f; indexed_ && e < l; ++e) index_remove_(e);
    index_guard_ guard{index_guarded_ ? this : nullptr};
    for (size_type j = 0; j < moved; ++j) {
      move_assign_(f + j, n - moved + j);
      index_renumber_(n - moved + j, f + j);
    }
    guard.self = nullptr;
    destroy_tail_(n - hole);
    return iter_(f);
  }
  /// Removes the entry with key q, if any (O(1) after the search; reorders as
  /// erase(pos)). Returns the number removed (0 or 1).
  template <class Q, std::enable_if_t<!std::is_convertible_v<const Q&, const_iterator>, int> = 0>
  constexpr size_type erase(const Q& q) {
    const size_type i = index_of_(q);
    if (i == this->size_) return 0;
    remove_swap_(i);
    return 1;
  }
  constexpr size_type erase(const K& k) { return erase<K>(k); }

  /// Removes the entry at pos keeping the order of the others: O(n).
  /// Returns an iterator to the entry that followed pos.
  constexpr iterator erase_stable(const_iterator pos) {
    const size_type i = index_(pos);
    HEAPLESS_ASSERT(i < this->size_, "LinearMap::erase_stable: iterator not dereferenceable");
    return erase_stable(pos, pos + 1);
  }
  /// Removes [first, last) keeping the order of the others: O(n).
  constexpr iterator erase_stable(const_iterator first, const_iterator last) {
    const size_type f = index_(first);
    const size_type l = index_(last);
    HEAPLESS_ASSERT(f <= l && l <= this->size_, "LinearMap::erase_stable: invalid range");
    if (f == l) return iter_(f);
    const size_type n = this->size_;
    for (size_type e = f; indexed_ && e < l; ++e) index_remove_(e);
    index_guard_ guard{index_guarded_ ? this : nullptr};
    for (size_type src = l, dst = f; src < n; ++src, ++dst) move_assign_(dst, src);
    destroy_tail_(n - (l - f));
    if constexpr (indexed_) {
      // Entries past the hole moved down by l - f.
      for (std::size_t s = 0; s < detail::linear_map_index_slots<N>; ++s) {
        if (this->slots_[s] > l) this->slots_[s] = static_cast<typename base_::slot_type>(this->slots_[s] - (l - f));
      }
    }
    guard.self = nullptr;
    return iter_(f);
  }
  /// Removes the entry with key q, if any, keeping the order of the others.
  template <class Q = K, std::enable_if_t<!std::is_convertible_v<const Q&, const_iterator>, int> = 0>
  constexpr size_type erase_stable(const Q& q) {
    const size_type i = index_of_(q);
    if (i == this->size_) return 0;
    erase_stable(citer_(i), citer_(i + 1));
    return 1;
  }

  /// Destroys every entry. O(n) for non-trivial K or V, else O(1) (plus
  /// emptying the index of a map that has one).
  constexpr void clear() noexcept { this->destroy_all_(); }

  /// Exchanges the contents: O(max(size(), o.size())) element swaps/moves.
  constexpr void swap(LinearMap& o) noexcept(std::is_nothrow_swappable_v<K>&& std::is_nothrow_swappable_v<V>&&
                                                  std::is_nothrow_move_constructible_v<K>&&
                                                      std::is_nothrow_move_constructible_v<V>) {
    if (this == &o) return;
    LinearMap* small = this->size_ <= o.size_ ? this : &o;
    LinearMap* large = small == this ? &o : this;
    const size_type ns = small->size_;
    const size_type nl = large->size_;
    // Entries keep their positions, so the indexes are exchanged whole (if
    // a value's swap or move throws, both are rebuilt from the entries).
    [[maybe_unused]] index_guard_ guard_small{nullptr}, guard_large{nullptr};
    if constexpr (indexed_) {
      for (std::size_t i = 0; i < detail::linear_map_index_slots<N>; ++i) {
        const auto t = this->slots_[i];
        this->slots_[i] = o.slots_[i];
        o.slots_[i] = t;
      }
      if constexpr (!noexcept(swap_entries_(small, large, ns, nl))) {
        guard_small.self = small;
        guard_large.self = large;
      }
    }
    swap_entries_(small, large, ns, nl);
    guard_small.self = nullptr;
    guard_large.self = nullptr;
  }
  friend constexpr void swap(LinearMap& a, LinearMap& b) noexcept(noexcept(a.swap(b))) { a.swap(b); }

  /// Same keys with equal values, in any order: O(n^2) key comparisons.
  friend constexpr bool operator==(const LinearMap& a, const LinearMap& b) {
    if (a.size_ != b.size_) return false;
    for (size_type i = 0; i < a.size_; ++i) {
      const size_type j = b.index_of_(a.keys_data_()[i]);
      if (j == b.size_ || !(a.values_data_()[i] == b.values_data_()[j])) return false;
    }
    return true;
  }
  friend constexpr bool operator!=(const LinearMap& a, const LinearMap& b) { return !(a == b); }

  template <class K2, class V2, std::size_t N2, class Pred>
  friend constexpr std::size_t erase_if(LinearMap<K2, V2, N2>& m, Pred pred);

 private:
  constexpr K* keys_data_() noexcept { return this->keys_.data(); }
  constexpr const K* keys_data_() const noexcept { return this->keys_.data(); }
  constexpr V* values_data_() noexcept { return this->values_.data(); }
  constexpr const V* values_data_() const noexcept { return this->values_.data(); }
  constexpr iterator iter_(size_type i) noexcept { return iterator(keys_data_() + i, values_data_() + i); }
  constexpr const_iterator citer_(size_type i) const noexcept {
    return const_iterator(keys_data_() + i, values_data_() + i);
  }
  constexpr size_type index_(const_iterator it) const noexcept {
    return static_cast<size_type>(it.k_ - keys_data_());
  }

  static constexpr bool tagged_ = detail::linear_map_tagged_v<K, N>;
  static constexpr bool indexed_ = detail::linear_map_indexed_v<K, N>;

  template <class Q>
  HEAPLESS_DETAIL_LINEAR_MAP_WRAPPER size_type index_of_(const Q& q) const {
    if constexpr (!tagged_ && detail::linear_map_string_key<K>::value &&
                  std::is_convertible_v<const Q&, std::string_view>) {
      return detail::linear_find_string(keys_data_(), this->size_, std::string_view(q));
    } else if constexpr (tagged_ && std::is_convertible_v<const Q&, std::string_view>) {
      return detail::linear_find_tagged<N>(keys_data_(), this->tag_data_(), this->size_, std::string_view(q));
    } else if constexpr (tagged_ && !detail::linear_map_comparable<K, Q>::value) {
      const K k(q);  // a query that only converts to the key type
      return detail::linear_find_tagged<N>(keys_data_(), this->tag_data_(), this->size_, std::string_view(k));
    } else if constexpr (detail::linear_map_comparable<K, Q>::value) {
      return detail::linear_find<N>(keys_data_(), this->index_data_(), this->size_, q);
    } else {
      static_assert(std::is_constructible_v<K, const Q&>,
                    "LinearMap lookup: the query type is neither comparable with nor convertible to the key type");
      const K k(q);
      return detail::linear_find<N>(keys_data_(), this->index_data_(), this->size_, k);
    }
  }

  template <class A0, class A1, class... Rest>
  static constexpr bool is_key_value_pack_impl_() noexcept {
    return sizeof...(Rest) == 0 && std::is_same_v<std::remove_cv_t<std::remove_reference_t<A0>>, K> &&
           std::is_constructible_v<V, A1&&>;
  }
  template <class... Args>
  static constexpr bool is_key_value_pack_() noexcept {
    if constexpr (sizeof...(Args) >= 2) return is_key_value_pack_impl_<Args...>();
    else return false;
  }
  template <class A0, class A1>
  constexpr std::pair<iterator, bool> emplace_kv_(A0&& k, A1&& v) {
    return try_emplace(std::forward<A0>(k), std::forward<A1>(v));
  }

  // Appends (k, V(args...)). Precondition: not full, k absent. If V's
  // constructor throws, the new key is destroyed again: nothing changes.
  // Index = false: the caller sets the index (swap).
  template <bool Index = true, class KK, class... Args>
  constexpr void append_(KK&& k, Args&&... args) {
    const size_type n = this->size_;
    HEAPLESS_ASSERT(n < N, "LinearMap: append to a full map");
#if HEAPLESS_CPP20
    if (HEAPLESS_IS_CONSTANT_EVALUATED() && n == 0) prefill_for_constant_evaluation_();
#endif
    this->keys_.construct(n, std::forward<KK>(k));
    if constexpr (std::is_nothrow_constructible_v<V, Args&&...>) {
      this->values_.construct(n, std::forward<Args>(args)...);
    } else {
      key_rollback_ guard{this, n};
      this->values_.construct(n, std::forward<Args>(args)...);
      guard.self = nullptr;
    }
    if constexpr (tagged_) this->tag_data_()[n] = detail::linear_map_tag(std::string_view(keys_data_()[n]));
    if constexpr (indexed_ && Index) detail::linear_map_index_add<N>(this->slots_, keys_data_()[n], n);
    ++this->size_;
  }
#if HEAPLESS_CPP20
  // Constant evaluation only: give every slot a value, so that copying the
  // map (a copy of the whole storage) never reads an uninitialised object,
  // which clang rejects in constant expressions. Costs nothing at run time.
  constexpr void prefill_for_constant_evaluation_() {
    if constexpr (detail::is_constexpr_friendly_v<K> && std::is_default_constructible_v<K>) {
      for (size_type i = 0; i < N; ++i) this->keys_.construct(i);
    }
    if constexpr (detail::is_constexpr_friendly_v<V> && std::is_default_constructible_v<V>) {
      for (size_type i = 0; i < N; ++i) this->values_.construct(i);
    }
    if constexpr (tagged_) {
      for (size_type i = 0; i < detail::linear_map_tag_count<N>; ++i) this->tags_.construct(i);
    }
  }
#endif
  struct key_rollback_ {
    LinearMap* self;
    size_type i;
    HEAPLESS_CONSTEXPR20 ~key_rollback_() {
      if (self != nullptr) self->keys_.destroy(i);
    }
  };

  // {index, inserted}; raises length_error for a new key into a full map.
  template <class KK, class... Args>
  constexpr std::pair<size_type, bool> try_emplace_(KK&& k, Args&&... args) {
    const size_type i = index_of_(k);
    const bool inserted = i == this->size_;
    if (inserted) {
      if (HEAPLESS_UNLIKELY(i == N)) detail::raise(error_kind::length_error, "LinearMap: full");
      append_(std::forward<KK>(k), std::forward<Args>(args)...);
    }
    return {i, inserted};
  }
  template <class KK, class M>
  constexpr std::pair<iterator, bool> insert_or_assign_(KK&& k, M&& m) {
    const size_type i = index_of_(k);
    const bool inserted = i == this->size_;
    if (!inserted) {
      values_data_()[i] = std::forward<M>(m);
    } else {
      if (HEAPLESS_UNLIKELY(i == N)) detail::raise(error_kind::length_error, "LinearMap: full");
      append_(std::forward<KK>(k), std::forward<M>(m));
    }
    return {iter_(i), inserted};
  }
  // One return of the found-or-appended position (not one per path): the
  // compiler then builds the result once, in registers.
  template <class KK, class... Args>
  constexpr try_insert_result try_insert_(KK&& k, Args&&... args) {
    const size_type i = index_of_(k);
    const bool inserted = i == this->size_;
    if (inserted) {
      if (i == N) return std::nullopt;
      append_(std::forward<KK>(k), std::forward<Args>(args)...);
    }
    return std::pair<iterator, bool>(iter_(i), inserted);
  }
  template <class KK, class M>
  constexpr try_insert_result try_insert_or_assign_(KK&& k, M&& m) {
    const size_type i = index_of_(k);
    const bool inserted = i == this->size_;
    if (!inserted) {
      values_data_()[i] = std::forward<M>(m);
    } else {
      if (i == N) return std::nullopt;
      append_(std::forward<KK>(k), std::forward<M>(m));
    }
    return std::pair<iterator, bool>(iter_(i), inserted);
  }

  static constexpr void swap_entries_(LinearMap* small, LinearMap* large, size_type ns, size_type nl) noexcept(
      std::is_nothrow_swappable_v<K>&& std::is_nothrow_swappable_v<V>&& std::is_nothrow_move_constructible_v<K>&&
          std::is_nothrow_move_constructible_v<V>) {
    for (size_type i = 0; i < ns; ++i) {
      using std::swap;
      swap(small->keys_data_()[i], large->keys_data_()[i]);
      swap(small->values_data_()[i], large->values_data_()[i]);
      if constexpr (tagged_) swap(small->tag_data_()[i], large->tag_data_()[i]);
    }
    for (size_type i = ns; i < nl; ++i) {
      small->template append_<false>(std::move(large->keys_data_()[i]), std::move(large->values_data_()[i]));
    }
    large->destroy_tail_(ns);
  }

  // Moves entry src onto entry dst (tags too; the index is the caller's).
  constexpr void move_assign_(size_type dst, size_type src) {
    keys_data_()[dst] = std::move(keys_data_()[src]);
    values_data_()[dst] = std::move(values_data_()[src]);
    if constexpr (tagged_) this->tag_data_()[dst] = this->tag_data_()[src];
  }

  // Index upkeep (no-ops for maps without an index).
  constexpr void index_remove_(size_type e) noexcept {
    if constexpr (indexed_) detail::linear_map_index_remove<N>(this->slots_, keys_data_(), keys_data_()[e], e);
  }
  // Entry `from` has been moved to `to` (its key is keys[to] now).
  constexpr void index_renumber_([[maybe_unused]] size_type from, [[maybe_unused]] size_type to) noexcept {
    if constexpr (indexed_) detail::linear_map_index_renumber<N>(this->slots_, keys_data_()[to], from, to);
  }
  constexpr void index_rebuild_() noexcept {
    if constexpr (indexed_) detail::linear_map_index_rebuild<N>(this->slots_, keys_data_(), this->size_);
  }
  // Where a value's move may throw mid-way, the entries are then valid but
  // partly moved: the guard rebuilds the index from them, so lookups agree
  // with what iteration shows. Dismissed (self = nullptr) on success.
  struct index_guard_ {
    LinearMap* self;
    HEAPLESS_CONSTEXPR20 ~index_guard_() {
      if (self != nullptr) self->index_rebuild_();
    }
  };
  static constexpr bool index_guarded_ =
      indexed_ && !(std::is_nothrow_move_assignable_v<V> && std::is_nothrow_destructible_v<V>);
  // Destroys entries [from, size()) and shrinks to `from`.
  constexpr void destroy_tail_(size_type from) noexcept {
    for (size_type i = from; i < this->size_; ++i) {
      this->keys_.destroy(i);
      this->values_.destroy(i);
    }
    this->size_ = static_cast<detail::smallest_size_t<N>>(from);
  }
  constexpr void remove_swap_(size_type i) {
    const size_type last = this->size_ - 1;
    if constexpr (indexed_) {
      index_remove_(i);
      if (i != last) {
        index_guard_ guard{index_guarded_ ? this : nullptr};
        move_assign_(i, last);
        index_renumber_(last, i);
        guard.self = nullptr;
      }
      destroy_tail_(last);
      return;
    }
    // Trivially copyable entries: copying the last one onto itself is
    // harmless, and cheaper than the branch that would avoid it.
    if (trivial_entries_ || i != last) move_assign_(i, last);
    destroy_tail_(last);
  }
  static constexpr bool trivial_entries_ = std::is_trivially_copyable_v<K> && std::is_trivially_copyable_v<V>;
};

/// Removes every entry for which pred(entry) is true, keeping the order of
/// the others; pred receives a LinearMap::reference. Returns the number
/// removed. O(n).
template <class K, class V, std::size_t N, class Pred>
constexpr std::size_t erase_if(LinearMap<K, V, N>& m, Pred pred) {
  using size_type = std::size_t;
  const size_type n = m.size();
  size_type kept = 0;
  {
    // An index is rebuilt once at the end (or if pred or a move throws).
    typename LinearMap<K, V, N>::index_guard_ guard{LinearMap<K, V, N>::indexed_ ? &m : nullptr};
    for (size_type i = 0; i < n; ++i) {
      if (pred(*m.iter_(i))) continue;
      if (kept != i) m.move_assign_(kept, i);
      ++kept;
    }
    m.destroy_tail_(kept);
    if (kept == n) guard.self = nullptr;
  }
  return n - kept;
}

}  // namespace heapless

#undef HEAPLESS_DETAIL_LINEAR_MAP_WRAPPER

#endif  // HEAPLESS_LINEAR_MAP_HPP
// ---- end heapless/linear_map.hpp ----
// ---- begin heapless/spsc.hpp ----
// heapless/spsc.hpp - spsc::Queue<T, N>: a wait-free single-producer
// single-consumer ring buffer holding exactly N elements, for the channel
// between an interrupt handler and the main loop, or between two threads.
//
//   static heapless::spsc::Queue<std::uint8_t, 64> rx;   // constant-initialised
//   void uart_isr() { (void)rx.try_push(UART->DR); }     // producer: the ISR
//   int main() {
//     for (;;) while (auto b = rx.try_pop()) handle(*b); // consumer: thread mode
//   }
//
// Or hand each side its own handle:  auto [tx, rcv] = q.split();
//
// Costs. Every operation is O(1) and wait-free (bulk operations O(count)): a
// handful of loads and stores, one release store to publish, and an acquire
// load of the other side's index. No read-modify-write, no lock, no fence
// instruction of its own. Two layouts, chosen by HEAPLESS_CACHE_LINE:
//   L = 0 (the Cortex-M default: no data cache, RAM is precious): the two
//     indices, the smallest unsigned type that holds 2N - 1, then the slots,
//     nothing else (sizeof(Queue<uint8_t, 16>) == 18). Each side reads the
//     other's index on every operation: without a cache that costs one load,
//     and a private copy would only add code and RAM.
//   L > 0 (the default on hosts): the producer's and the consumer's state
//     each on their own L-byte line (32-bit indices: the width is free there)
//     and the slots from a third, so the queue is L-aligned and takes
//     2L + N * sizeof(T) rounded up to L (sizeof(Queue<uint8_t, 16>) == 192
//     with L = 64). Each side keeps a private copy of the other's index and
//     reads the shared one only when that copy says full/empty, so in steady
//     state neither side touches the other's line.
//
// Who owns what.
//   producer  writes tail_ (the next slot to fill) and, with L > 0, its
//             private full_at_ (head_ + N as last seen: the tail at which the
//             queue is full); reads head_ (with L > 0 only to refresh full_at_
//             when tail_ reaches it).
//   consumer  writes head_ (the next slot to drain) and, with L > 0, its
//             private tail_cache_; reads tail_ (with L > 0 only to refresh
//             tail_cache_ when the queue looks empty).
//   Slots in [head, tail) belong to the consumer, all others to the producer:
//   the producer constructs a slot, then publishes it with a release store of
//   tail_; the consumer acquires tail_, moves the element out, destroys it, then
//   hands the slot back with a release store of head_.
// Producer members: try_push, try_emplace, push (bulk). Consumer members:
// try_pop, front, pop, pop (bulk). At any time at most one thread or interrupt
// context may act as the producer and at most one as the consumer (they may be
// the same one). size(), empty(), full() are snapshots: exact when called by
// the producer or the consumer about what that side can see, possibly already
// stale when they return if the other side runs concurrently.
//
// split() returns a move-only Producer and Consumer handle (one pointer each)
// exposing only their side. Call it once, before the two sides start; the
// queue must outlive both handles.
//
// Works on cores without compare-and-swap (Cortex-M0) and between an ISR and
// thread mode on one core: only atomic loads and stores of the two indices
// are used, with acquire/release on those atomics themselves, so
// ThreadSanitizer understands it.
//
// Index scheme (exactly N usable slots, no slot sacrificed): indices count
// modulo a multiple of 2N, so head == tail means empty and tail - head == N
// full. When N is a power of two they are free-running counters of the index
// type, which wraps at 2^bits, a multiple of 2N: advancing is an add, the slot
// is index & (N - 1), the size a subtraction. Otherwise they live in [0, 2N):
// advancing compares against 2N, the slot is index or index - N.
#ifndef HEAPLESS_SPSC_HPP
#define HEAPLESS_SPSC_HPP

#include <atomic>       // std::atomic: the two shared indices
#include <cstddef>      // std::size_t
#include <cstdint>      // std::uint32_t: the index type on padded layouts
#include <cstring>      // std::memcpy: bulk copies of trivially copyable elements
#include <new>          // placement new (via detail/storage.hpp)
#include <optional>     // std::optional: try_pop()
#include <type_traits>  // element traits that pick the fast paths
#include <utility>      // std::move, std::forward, std::pair (split)

// #include "detail/config.hpp": inlined above
// #include "detail/error.hpp": inlined above
// #include "detail/size.hpp": inlined above
// #include "detail/storage.hpp": inlined above

namespace heapless {
namespace spsc {

template <class T, std::size_t N>
class Queue;
template <class T, std::size_t N>
class Producer;
template <class T, std::size_t N>
class Consumer;

namespace detail {

using ::heapless::detail::smallest_size_t;
using ::heapless::detail::uninit_array;

constexpr std::size_t max_of(std::size_t a, std::size_t b) noexcept { return a > b ? a : b; }

/// Index arithmetic modulo 2N (or modulo 2^bits(I) when N is a power of two).
template <std::size_t N>
struct ring_index {
  static_assert(N > 0, "spsc::Queue needs a capacity of at least 1");
  static_assert(N <= static_cast<std::size_t>(-1) / 2, "spsc::Queue capacity too large");
  // The smallest type holding 2N - 1 (RAM matters where there is no
  // padding); with padding the width is free, and 32 bits spare x86 and ARM
  // the zero-extensions that 8- and 16-bit arithmetic needs.
  using type = std::conditional_t<(HEAPLESS_CACHE_LINE > 0 && sizeof(smallest_size_t<2 * N - 1>) < 4),
                                  std::uint32_t, smallest_size_t<2 * N - 1>>;
  static constexpr bool pow2 = (N & (N - 1)) == 0;

  /// The index n places after i (n <= N).
  static constexpr type advance(type i, std::size_t n) noexcept {
    if constexpr (pow2) {
      return static_cast<type>(i + n);  // wraps at 2^bits, a multiple of 2N
    } else {
      const std::size_t j = std::size_t{i} + n;
      return static_cast<type>(j >= 2 * N ? j - 2 * N : j);
    }
  }
  /// How many places `to` is ahead of `from` (the caller guarantees <= N).
  static constexpr std::size_t distance(type from, type to) noexcept {
    if constexpr (pow2) {
      return static_cast<type>(to - from);
    } else {
      return to >= from ? std::size_t{to} - from : std::size_t{to} + 2 * N - from;
    }
  }
  /// The slot of index i, in [0, N).
  static constexpr std::size_t slot(type i) noexcept {
    if constexpr (pow2) {
      return std::size_t{i} & (N - 1);
    } else {
      return i >= N ? std::size_t{i} - N : std::size_t{i};
    }
  }
};

/// Alignment that puts a member on its own cache line (or nothing extra when
/// HEAPLESS_CACHE_LINE is 0).
template <class X>
inline constexpr std::size_t line_align = max_of(HEAPLESS_CACHE_LINE, alignof(X));

/// Whether Queue<T, N> keeps private copies of the other side's index: yes
/// exactly when HEAPLESS_CACHE_LINE > 0 (hosts). Not a user option; the host
/// stress test specialises it for one test-only element type so that the
/// Cortex-M index logic also runs between two threads under ThreadSanitizer.
template <class T, std::size_t N>
struct cached_indices : std::bool_constant<(HEAPLESS_CACHE_LINE > 0)> {};

// The indices, and how each side learns how far it may go. Two layouts:
//   cached (HEAPLESS_CACHE_LINE > 0, hosts): producer-owned and consumer-owned
//     lines, each side with a private copy of the other side's index that it
//     refreshes only when the copy says full/empty, so in steady state neither
//     side reads the other's line.
//   uncached (HEAPLESS_CACHE_LINE == 0, Cortex-M): just the two indices; each
//     side reads the other's index on every operation. Without a data cache a
//     private copy saves nothing and costs code and RAM.
// Each provides, for the producer at tail t, has_room_(t) (a slot is free)
// and room_(t, want) (free slots; exact, or at least `want`), and for the
// consumer at head h, has_item_(h) and ready_(h, want) (queued elements).
template <std::size_t N, bool Cached>
struct queue_indices {
  using idx = ring_index<N>;
  using index_type = typename idx::type;
  using atomic_index = std::atomic<index_type>;

  // Producer-owned line.
  alignas(line_align<atomic_index>) atomic_index tail_{0};  // written by the producer only
  index_type full_at_ = static_cast<index_type>(N);        // producer-private: head_ + N as last seen
  // Consumer-owned line.
  alignas(line_align<atomic_index>) atomic_index head_{0};  // written by the consumer only
  index_type tail_cache_ = 0;                               // consumer-private copy of tail_

  bool has_room_(index_type t) noexcept {
    if (HEAPLESS_LIKELY(t != full_at_)) return true;
    refresh_full_at_();
    return t != full_at_;
  }
  std::size_t room_(index_type t, std::size_t want) noexcept {
    return ahead_(t, full_at_, want, [this] { refresh_full_at_(); });
  }
  bool has_item_(index_type h) noexcept {
    if (HEAPLESS_LIKELY(h != tail_cache_)) return true;
    refresh_tail_cache_();
    return h != tail_cache_;
  }
  std::size_t ready_(index_type h, std::size_t want) noexcept {
    return ahead_(h, tail_cache_, want, [this] { refresh_tail_cache_(); });
  }

 private:
  // How far `own` may advance up to the private copy `seen`; refreshes the
  // copy (one read of the other side's line) only when that is below `want`.
  template <class Refresh>
  static std::size_t ahead_(index_type own, const index_type& seen, std::size_t want, Refresh refresh) noexcept {
    std::size_t n = idx::distance(own, seen);
    if (n < want) {
      refresh();
      n = idx::distance(own, seen);
    }
    return n;
  }
  void refresh_full_at_() noexcept {
    // Acquire: pairs with the consumer's release of head_, so its reads and
    // destruction of the slots we are about to reuse happened before.
    full_at_ = idx::advance(head_.load(std::memory_order_acquire), N);
  }
  void refresh_tail_cache_() noexcept {
    // Acquire: pairs with the producer's release of tail_, so the elements it
    // constructed are visible before we read them.
    tail_cache_ = tail_.load(std::memory_order_acquire);
  }
};

template <std::size_t N>
struct queue_indices<N, false> {
  using idx = ring_index<N>;
  using index_type = typename idx::type;
  using atomic_index = std::atomic<index_type>;

  atomic_index tail_{0};  // written by the producer only
  atomic_index head_{0};  // written by the consumer only

  bool has_room_(index_type t) noexcept { return idx::distance(head_acquire_(), t) != N; }
  std::size_t room_(index_type t, std::size_t) noexcept { return N - idx::distance(head_acquire_(), t); }
  bool has_item_(index_type h) noexcept { return h != tail_acquire_(); }
  std::size_t ready_(index_type h, std::size_t) noexcept { return idx::distance(h, tail_acquire_()); }

 private:
  // Acquire: pairs with the consumer's release of head_, so its reads and
  // destruction of the slots we are about to reuse happened before.
  index_type head_acquire_() const noexcept { return head_.load(std::memory_order_acquire); }
  // Acquire: pairs with the producer's release of tail_, so the elements it
  // constructed are visible before we read them.
  index_type tail_acquire_() const noexcept { return tail_.load(std::memory_order_acquire); }
};

// The data members. Split from Queue so the destructor is trivial exactly
// when T's is (a static queue of bytes registers no destructor at exit).
template <class T, std::size_t N, bool = std::is_trivially_destructible_v<T>>
struct queue_state : queue_indices<N, cached_indices<T, N>::value> {
  // Slots, starting on their own line (packed after the indices when
  // HEAPLESS_CACHE_LINE is 0).
  alignas(line_align<uninit_array<T, N>>) uninit_array<T, N> slots_;

  constexpr queue_state() noexcept = default;
  queue_state(const queue_state&) = delete;
  queue_state& operator=(const queue_state&) = delete;
};

template <class T, std::size_t N>
struct queue_state<T, N, false> : queue_state<T, N, true> {
  constexpr queue_state() noexcept = default;
  /// Destroys the elements still queued. No other thread may use the queue.
  ~queue_state() {
    using ring = ring_index<N>;
    // Relaxed: the destructor runs after both sides stopped; whatever
    // synchronised their end with this thread (join, a mutex) ordered it.
    auto h = this->head_.load(std::memory_order_relaxed);
    const auto t = this->tail_.load(std::memory_order_relaxed);
    for (; h != t; h = ring::advance(h, 1)) this->slots_.destroy(ring::slot(h));
  }
};

/// True when elements are copied with memcpy from/to a T* range.
template <class T>
inline constexpr bool memcpy_ok = std::is_trivially_copyable_v<T>;

template <class P, class T>
inline constexpr bool is_pointer_to_v =
    std::is_pointer_v<P> && std::is_same_v<std::remove_cv_t<std::remove_pointer_t<P>>, T>;

/// R has data() returning a pointer to T and size(): a contiguous range of T.
template <class R, class T, class = void>
struct is_contiguous_range_of : std::false_type {};
template <class R, class T>
struct is_contiguous_range_of<
    R, T, std::void_t<decltype(std::declval<const R&>().data()), decltype(std::declval<const R&>().size())>>
    : std::bool_constant<is_pointer_to_v<decltype(std::declval<const R&>().data()), T>> {};

}  // namespace detail

/// A wait-free single-producer single-consumer FIFO of exactly N elements,
/// stored inline. Neither copyable nor movable (the two sides hold on to it).
template <class T, std::size_t N>
class Queue : private detail::queue_state<T, N> {
  using idx_ = detail::ring_index<N>;
  using index_ = typename idx_::type;
  static_assert(std::is_object_v<T> && !std::is_const_v<T> && !std::is_volatile_v<T>,
                "spsc::Queue<T, N>: T must be a non-const, non-volatile object type");
  static_assert(std::is_nothrow_destructible_v<T>, "spsc::Queue<T, N>: T's destructor must not throw");

 public:
  using value_type = T;
  using size_type = std::size_t;
  using reference = T&;
  using const_reference = const T&;
  using pointer = T*;
  using const_pointer = const T*;
  using producer_type = Producer<T, N>;
  using consumer_type = Consumer<T, N>;

  /// Empty queue. constexpr: a static queue is constant-initialised; no
  /// element storage is touched.
  constexpr Queue() noexcept = default;
  Queue(const Queue&) = delete;
  Queue& operator=(const Queue&) = delete;
  /// Destroys the elements still queued (implicit; trivial when T's is).

  // ---- Producer side ---------------------------------------------------

  /// Appends a copy of v. Returns false (and changes nothing) when full.
  [[nodiscard]] bool try_push(const T& v) noexcept(std::is_nothrow_copy_constructible_v<T>) {
    return try_emplace(v);
  }
  /// Appends v moved. Returns false when full; v is then not moved from.
  [[nodiscard]] bool try_push(T&& v) noexcept(std::is_nothrow_move_constructible_v<T>) {
    return try_emplace(std::move(v));
  }
  /// Constructs an element from args at the back. Returns false (args
  /// untouched) when full. If the constructor throws, nothing is published.
  template <class... Args>
  [[nodiscard]] bool try_emplace(Args&&... args) noexcept(std::is_nothrow_constructible_v<T, Args...>) {
    // Relaxed: tail_ is written only by this side; we read our own last store.
    const index_ t = this->tail_.load(std::memory_order_relaxed);
    if (!this->has_room_(t)) return false;  // (the cached layout hints inside)
    ::heapless::detail::construct_at(slot_(idx_::slot(t)), std::forward<Args>(args)...);
    // Release: publishes the constructed element to the consumer's acquire.
    this->tail_.store(idx_::advance(t, 1), std::memory_order_release);
    return true;
  }

  /// Appends elements from [first, last) until the queue is full; returns how
  /// many went in (the first ones of the range). One publish for the whole batch; for a T* range of trivially
  /// copyable T at most two memcpy calls. If copying an element throws, none
  /// of the batch is published and the exception propagates. O(count).
  template <class InputIt, class = decltype(*std::declval<InputIt&>(), ++std::declval<InputIt&>(),
                                            std::declval<InputIt&>() != std::declval<InputIt&>())>
  [[nodiscard]] size_type push(InputIt first, InputIt last) {
    if constexpr (detail::is_pointer_to_v<InputIt, T>) {
      return push(first, static_cast<size_type>(last - first));
    } else {
      return push_n_(first, static_cast<size_type>(-1), [&](const InputIt& it) { return it != last; });
    }
  }
  /// Appends up to count elements from data (see push(first, last)).
  [[nodiscard]] size_type push(const T* data, size_type count) {
    return push_n_(data, count, [](const T*) { return true; });
  }
  /// Appends up to r.size() elements from r.data(): any contiguous range of T
  /// (std::span, std::array, heapless::Vec, std::vector...). See push(first, last).
  template <class R, std::enable_if_t<detail::is_contiguous_range_of<R, T>::value, int> = 0>
  [[nodiscard]] size_type push(const R& r) {
    return push(static_cast<const T*>(r.data()), static_cast<size_type>(r.size()));
  }

  // ---- Consumer side ---------------------------------------------------

  /// Removes the front element and returns it; std::nullopt when empty.
  [[nodiscard]] std::optional<T> try_pop() noexcept(std::is_nothrow_move_constructible_v<T>) {
    // Relaxed: head_ is written only by this side.
    const index_ h = this->head_.load(std::memory_order_relaxed);
    T* p = front_at_(h);
    if (!p) return std::nullopt;
    std::optional<T> out(std::in_place, std::move(*p));
    drop_front_(h);
    return out;
  }
  /// Move-assigns the front element to out and removes it; false (out
  /// untouched) when empty. If the assignment throws, the element stays.
  [[nodiscard]] bool try_pop(T& out) noexcept(std::is_nothrow_move_assignable_v<T>) {
    // Relaxed: head_ is written only by this side.
    const index_ h = this->head_.load(std::memory_order_relaxed);
    T* p = front_at_(h);
    if (!p) return false;
    out = std::move(*p);
    drop_front_(h);
    return true;
  }
  /// The front element, or nullptr when empty. Consumer only; valid until the
  /// consumer pops it. Peek, then pop() to drop it.
  [[nodiscard]] T* front() noexcept {
    // Relaxed: head_ is written only by this side.
    return front_at_(this->head_.load(std::memory_order_relaxed));
  }
  /// Destroys the front element. Precondition (HEAPLESS_ASSERT): not empty,
  /// e.g. front() returned non-null. O(1).
  void pop() noexcept {
    // Relaxed: head_ is written only by this side.
    const index_ h = this->head_.load(std::memory_order_relaxed);
    HEAPLESS_ASSERT(front_at_(h) != nullptr, "spsc::Queue::pop on an empty queue");
    drop_front_(h);
  }
  /// Moves up to max elements to out, out + 1, ... (any output iterator, or a
  /// T* for memcpy when T is trivially copyable) and removes them; returns how
  /// many. One publish for the whole batch. If an assignment throws, the
  /// elements already moved out are removed and the rest stay. O(count).
  template <class OutputIt>
  [[nodiscard]] size_type pop(OutputIt out, size_type max) {
    // Relaxed: head_ is written only by this side.
    const index_ h = this->head_.load(std::memory_order_relaxed);
    size_type n = this->ready_(h, max);
    if (n > max) n = max;
    if (n == 0) return 0;
    const size_type s = idx_::slot(h);
    const size_type first_len = n < N - s ? n : N - s;
    if constexpr (detail::memcpy_ok<T> && detail::is_pointer_to_v<OutputIt, T>) {
      std::memcpy(out, this->slots_.data() + s, first_len * sizeof(T));
      if (n > first_len) std::memcpy(out + first_len, this->slots_.data(), (n - first_len) * sizeof(T));
      // Release: our reads of the slots happen before the producer reuses them.
      this->head_.store(idx_::advance(h, n), std::memory_order_release);
    } else {
      // Publishes however many were moved out, also when an assignment throws.
      struct publish_guard {
        Queue& q;
        index_ h;
        size_type done;
        ~publish_guard() {
          // Release: our reads and destruction of the slots happen before the
          // producer reuses them.
          if (done) q.head_.store(idx_::advance(h, done), std::memory_order_release);
        }
      } guard{*this, h, 0};
      for (size_type i = s; i < s + first_len; ++i, ++guard.done, ++out) take_(i, out);
      for (size_type i = 0; guard.done < n; ++i, ++guard.done, ++out) take_(i, out);
    }
    return n;
  }

  // ---- Either side -----------------------------------------------------

  /// Number of queued elements: a snapshot (see the header comment). Exact
  /// from the producer or the consumer; from a third thread, some value in
  /// [0, N] that the queue held recently.
  [[nodiscard]] size_type size() const noexcept {
    // Acquire on both: a caller may act on the answer (e.g. read front()).
    const index_ h = this->head_.load(std::memory_order_acquire);
    const index_ t = this->tail_.load(std::memory_order_acquire);
    const size_type d = idx_::distance(h, t);
    return d < N ? d : N;
  }
  /// size() == 0, a snapshot.
  [[nodiscard]] bool empty() const noexcept { return size() == 0; }
  /// size() == N, a snapshot.
  [[nodiscard]] bool full() const noexcept { return size() == N; }
  /// N.
  [[nodiscard]] static constexpr size_type capacity() noexcept { return N; }
  [[nodiscard]] static constexpr size_type max_size() noexcept { return N; }

  /// The producer and consumer handles. Call once, before the two sides run
  /// concurrently; *this must outlive both. Structured bindings:
  ///   auto [tx, rx] = queue.split();
  [[nodiscard]] std::pair<Producer<T, N>, Consumer<T, N>> split() noexcept {
    return {Producer<T, N>(*this), Consumer<T, N>(*this)};
  }

 private:
  // Slot i as &array[i], not data() + i: GCC then addresses a static
  // queue's slots from the base register it already holds for the indices
  // (on Cortex-M0 -Os, 12 bytes less code in a push + pop loop).
  T* slot_(size_type i) noexcept { return &this->slots_.data_[i]; }

  // The element at head index h, or nullptr when the queue is empty.
  T* front_at_(index_ h) noexcept {
    if (!this->has_item_(h)) return nullptr;
    return slot_(idx_::slot(h));
  }

  // Destroys the element at head index h (known to exist) and hands its slot
  // back to the producer.
  void drop_front_(index_ h) noexcept {
    ::heapless::detail::destroy_at(slot_(idx_::slot(h)));
    // Release: our reads and destruction of the slot happen before the
    // producer, after acquiring head_, constructs a new element there.
    this->head_.store(idx_::advance(h, 1), std::memory_order_release);
  }

  template <class OutputIt>
  void take_(size_type slot, OutputIt& out) {
    T& e = this->slots_.data()[slot];
    *out = std::move(e);
    this->slots_.destroy(slot);
  }

  // Constructs up to `count` elements from `it` while more(it), then publishes
  // them with one release store.
  template <class It, class More>
  size_type push_n_(It it, size_type count, More more) {
    // Relaxed: tail_ is written only by this side.
    const index_ t = this->tail_.load(std::memory_order_relaxed);
    size_type room = this->room_(t, count);
    if (room > count) room = count;
    const size_type s = idx_::slot(t);
    const size_type first_len = room < N - s ? room : N - s;
    size_type n = 0;
    if constexpr (detail::memcpy_ok<T> && detail::is_pointer_to_v<It, T>) {
      (void)more;
      std::memcpy(this->slots_.data() + s, it, first_len * sizeof(T));
      if (room > first_len) std::memcpy(this->slots_.data(), it + first_len, (room - first_len) * sizeof(T));
      n = room;
    } else {
      // Destroys the elements of an unfinished batch if a constructor throws.
      struct unpublished_guard {
        detail::uninit_array<T, N>& slots;
        size_type start;
        size_type* built;
        ~unpublished_guard() {
          if constexpr (!std::is_trivially_destructible_v<T>) {
            if (!built) return;
            for (size_type i = 0; i < *built; ++i) {
              const size_type j = start + i;
              slots.destroy(j < N ? j : j - N);
            }
          }
        }
      } guard{this->slots_, s, &n};
      for (size_type i = s; n < first_len && more(it); ++i, ++n, ++it) this->slots_.construct(i, *it);
      for (size_type i = 0; n < room && more(it); ++i, ++n, ++it) this->slots_.construct(i, *it);
      guard.built = nullptr;
    }
    // Release: publishes the whole batch to the consumer's acquire of tail_.
    if (n) this->tail_.store(idx_::advance(t, n), std::memory_order_release);
    return n;
  }
};

namespace detail {

/// What both handles share: a pointer to the queue, move-only (the source
/// becomes empty), and the snapshot observers.
template <class T, std::size_t N>
class handle {
 public:
  using value_type = T;
  using size_type = std::size_t;

  constexpr handle() noexcept = default;
  handle(handle&& o) noexcept : q_(o.q_) { o.q_ = nullptr; }
  handle& operator=(handle&& o) noexcept {
    Queue<T, N>* q = o.q_;
    o.q_ = nullptr;
    q_ = q;
    return *this;
  }
  handle(const handle&) = delete;
  handle& operator=(const handle&) = delete;

  /// Snapshots; see Queue::size.
  [[nodiscard]] size_type size() const noexcept { return queue().size(); }
  [[nodiscard]] bool empty() const noexcept { return queue().empty(); }
  [[nodiscard]] bool full() const noexcept { return queue().full(); }
  [[nodiscard]] static constexpr size_type capacity() noexcept { return N; }
  /// False for an empty (default-constructed or moved-from) handle.
  explicit operator bool() const noexcept { return q_ != nullptr; }

 protected:
  constexpr explicit handle(Queue<T, N>& q) noexcept : q_(&q) {}
  Queue<T, N>& queue() const noexcept {
    HEAPLESS_ASSERT(q_ != nullptr, "spsc handle used without a queue (default-constructed or moved-from)");
    return *q_;
  }

 private:
  Queue<T, N>* q_ = nullptr;
};

}  // namespace detail

/// The producer side of a Queue: a pointer to it, move-only so that exactly
/// one producer exists. A default-constructed or moved-from handle is empty
/// and must not be used (HEAPLESS_ASSERT). constexpr default constructor, so
/// a static handle (e.g. for an ISR) needs no start-up code.
template <class T, std::size_t N>
class Producer : public detail::handle<T, N> {
 public:
  using typename detail::handle<T, N>::size_type;
  constexpr Producer() noexcept = default;

  /// Queue::try_push.
  [[nodiscard]] bool try_push(const T& v) noexcept(std::is_nothrow_copy_constructible_v<T>) {
    return this->queue().try_push(v);
  }
  /// Queue::try_push; v is not moved from when the queue is full.
  [[nodiscard]] bool try_push(T&& v) noexcept(std::is_nothrow_move_constructible_v<T>) {
    return this->queue().try_push(std::move(v));
  }
  /// Queue::try_emplace.
  template <class... Args>
  [[nodiscard]] bool try_emplace(Args&&... args) noexcept(std::is_nothrow_constructible_v<T, Args...>) {
    return this->queue().try_emplace(std::forward<Args>(args)...);
  }
  /// Queue::push (bulk): appends from [first, last) until full; returns how many.
  template <class InputIt, class = decltype(std::declval<Queue<T, N>&>().push(std::declval<InputIt>(),
                                                                             std::declval<InputIt>()))>
  [[nodiscard]] size_type push(InputIt first, InputIt last) {
    return this->queue().push(first, last);
  }
  /// Queue::push (bulk): appends up to count elements from data.
  [[nodiscard]] size_type push(const T* data, size_type count) { return this->queue().push(data, count); }
  /// Queue::push (bulk): appends from a contiguous range of T.
  template <class R, std::enable_if_t<detail::is_contiguous_range_of<R, T>::value, int> = 0>
  [[nodiscard]] size_type push(const R& r) {
    return this->queue().push(r);
  }

 private:
  friend class Queue<T, N>;
  constexpr explicit Producer(Queue<T, N>& q) noexcept : detail::handle<T, N>(q) {}
};

/// The consumer side of a Queue; like Producer (move-only pointer wrapper).
template <class T, std::size_t N>
class Consumer : public detail::handle<T, N> {
 public:
  using typename detail::handle<T, N>::size_type;
  constexpr Consumer() noexcept = default;

  /// Queue::try_pop.
  [[nodiscard]] std::optional<T> try_pop() noexcept(std::is_nothrow_move_constructible_v<T>) {
    return this->queue().try_pop();
  }
  /// Queue::try_pop(T&).
  [[nodiscard]] bool try_pop(T& out) noexcept(std::is_nothrow_move_assignable_v<T>) {
    return this->queue().try_pop(out);
  }
  /// Queue::front: the front element or nullptr.
  [[nodiscard]] T* front() const noexcept { return this->queue().front(); }
  /// Queue::pop: precondition not empty.
  void pop() const noexcept { this->queue().pop(); }
  /// Queue::pop (bulk): moves up to max elements to out; returns how many.
  template <class OutputIt>
  [[nodiscard]] size_type pop(OutputIt out, size_type max) const {
    return this->queue().pop(out, max);
  }

 private:
  friend class Queue<T, N>;
  constexpr explicit Consumer(Queue<T, N>& q) noexcept : detail::handle<T, N>(q) {}
};

}  // namespace spsc
}  // namespace heapless

#endif  // HEAPLESS_SPSC_HPP
// ---- end heapless/spsc.hpp ----

#endif  // HEAPLESS_HPP
