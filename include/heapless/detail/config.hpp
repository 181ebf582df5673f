// SPDX-License-Identifier: BSL-1.0
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
//                            An integer literal (it becomes part of the ABI
//                            namespace's name, below).
//   HEAPLESS_LINEAR_MAP_NO_INDEX, HEAPLESS_LINEAR_MAP_NO_SIMD
//                            defined or not (detail/linear_map_scan.hpp).
//   HEAPLESS_POOL_DEBUG      0 or 1; default HEAPLESS_ENABLE_ASSERTS (pool.hpp).
//   HEAPLESS_POOL_NO_LLSC    defined or not (pool.hpp).
//   HEAPLESS_FORMAT_PRECOMPILE, HEAPLESS_FORMAT_OPTIMIZE_SIZE,
//   HEAPLESS_FORMAT_STD_TO_CHARS  see detail/format_core.hpp, format_float.hpp.
//   HEAPLESS_SINGLE_HEADER_ARRAY, HEAPLESS_SINGLE_HEADER_OSTREAM
//                            single header only: defined before including
//                            single_include/heapless.hpp, add what the opt-in
//                            headers heapless/array.hpp and heapless/ostream.hpp
//                            give (they bring <array> and <ostream>).
//   HEAPLESS_ABI_NAMESPACE   (normally not set) the name of the inline
//                            namespace below; derived from the settings above.
//
// All of these must be set before the first heapless header, alike in every
// translation unit that shares heapless objects. Those that change behaviour
// or layout select the name of an inline namespace that holds every library
// entity (HEAPLESS_NAMESPACE_BEGIN, at the end of this file), so translation
// units built with different settings get distinct symbols instead of
// silently sharing one copy of an inline function (docs/design.md, "One
// configuration per symbol").
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
// C++20: constinit. C++17: clang's attribute, or GCC's __constinit keyword
// (GCC >= 10 accepts it in every language mode); both make the initialiser a
// constant evaluation and reject the declaration when it is not one.
#if HEAPLESS_CPP20 && defined(__cpp_constinit)
#define HEAPLESS_CONSTINIT constinit
#elif defined(__clang__)
#define HEAPLESS_CONSTINIT [[clang::require_constant_initialization]]
#elif defined(__GNUC__) && __GNUC__ >= 10
#define HEAPLESS_CONSTINIT __constinit
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

// ---- Pool's debug state (a layout choice: per-slot state bytes) ----------
#ifndef HEAPLESS_POOL_DEBUG
#define HEAPLESS_POOL_DEBUG HEAPLESS_ENABLE_ASSERTS
#endif

// ---- One configuration per symbol: the ABI namespace ----------------------
// Every library entity lives in heapless::<tag>, an inline namespace whose
// name spells the settings that change behaviour or layout, e.g.
// heapless::cfg_h0x1a1u0_i0s0_p1l0_c64. Code names heapless::Vec as before;
// two translation units built with different settings now define different
// functions and types (heapless::cfg_h1x1...::Vec<int, 8>::push_back and
// heapless::cfg_h0x1...::Vec<int, 8>::push_back), so the linker can no longer
// keep one file's inline copy for both. Where heapless types cross between
// such files (a function taking a Vec), the link fails with an undefined
// reference that names both tags.
//   h  HEAPLESS_ERROR_HANDLER        x  HEAPLESS_HAS_EXCEPTIONS
//   a  HEAPLESS_ENABLE_ASSERTS       u  a user-defined HEAPLESS_ASSERT
//   i  HEAPLESS_LINEAR_MAP_NO_INDEX  s  HEAPLESS_LINEAR_MAP_NO_SIMD
//   p  HEAPLESS_POOL_DEBUG           l  HEAPLESS_POOL_NO_LLSC
//   c  HEAPLESS_CACHE_LINE (its value)
// Kept out of the tag: what users declare or define themselves, which must be
// one entity whatever the settings (heapless::error_kind and
// heapless::error_handler; the exception types of detail/error.hpp), and the
// std::hash specialisations (they live in namespace std and name the tagged
// types). HEAPLESS_FORMAT_PRECOMPILE changes one type only and tags it
// locally (format.hpp); HEAPLESS_FORMAT_OPTIMIZE_SIZE and
// HEAPLESS_FORMAT_STD_TO_CHARS choose between implementations that give the
// same output (the tests run both), so they are not part of the name.
#if HEAPLESS_ERROR_HANDLER
#define HEAPLESS_DETAIL_ABI_H 1
#else
#define HEAPLESS_DETAIL_ABI_H 0
#endif
#if HEAPLESS_HAS_EXCEPTIONS
#define HEAPLESS_DETAIL_ABI_X 1
#else
#define HEAPLESS_DETAIL_ABI_X 0
#endif
#if HEAPLESS_ENABLE_ASSERTS
#define HEAPLESS_DETAIL_ABI_A 1
#else
#define HEAPLESS_DETAIL_ABI_A 0
#endif
#ifdef HEAPLESS_ASSERT
#define HEAPLESS_DETAIL_ABI_U 1
#else
#define HEAPLESS_DETAIL_ABI_U 0
#endif
#ifdef HEAPLESS_LINEAR_MAP_NO_INDEX
#define HEAPLESS_DETAIL_ABI_I 1
#else
#define HEAPLESS_DETAIL_ABI_I 0
#endif
#ifdef HEAPLESS_LINEAR_MAP_NO_SIMD
#define HEAPLESS_DETAIL_ABI_S 1
#else
#define HEAPLESS_DETAIL_ABI_S 0
#endif
#if HEAPLESS_POOL_DEBUG
#define HEAPLESS_DETAIL_ABI_P 1
#else
#define HEAPLESS_DETAIL_ABI_P 0
#endif
#ifdef HEAPLESS_POOL_NO_LLSC
#define HEAPLESS_DETAIL_ABI_L 1
#else
#define HEAPLESS_DETAIL_ABI_L 0
#endif

// Two levels, so that the arguments are expanded before they are pasted.
#define HEAPLESS_DETAIL_ABI_PASTE(H, X, A, U, I, S, P, L, C) cfg_h##H##x##X##a##A##u##U##_i##I##s##S##_p##P##l##L##_c##C
#define HEAPLESS_DETAIL_ABI_NAME(H, X, A, U, I, S, P, L, C) HEAPLESS_DETAIL_ABI_PASTE(H, X, A, U, I, S, P, L, C)

#ifndef HEAPLESS_ABI_NAMESPACE
#define HEAPLESS_ABI_NAMESPACE                                                              \
  HEAPLESS_DETAIL_ABI_NAME(HEAPLESS_DETAIL_ABI_H, HEAPLESS_DETAIL_ABI_X, HEAPLESS_DETAIL_ABI_A, \
                           HEAPLESS_DETAIL_ABI_U, HEAPLESS_DETAIL_ABI_I, HEAPLESS_DETAIL_ABI_S, \
                           HEAPLESS_DETAIL_ABI_P, HEAPLESS_DETAIL_ABI_L, HEAPLESS_CACHE_LINE)
#endif

// Every header opens the library's namespace with these (never with a plain
// `namespace heapless {`, which would declare entities outside the tag).
#define HEAPLESS_NAMESPACE_BEGIN \
  namespace heapless {           \
  inline namespace HEAPLESS_ABI_NAMESPACE {
#define HEAPLESS_NAMESPACE_END \
  }                            \
  }

#endif  // HEAPLESS_DETAIL_CONFIG_HPP
