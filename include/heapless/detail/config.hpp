// SPDX-License-Identifier: BSL-1.0
// heapless/detail/config.hpp - the library's configuration, in one place:
// every macro a user may set, compiler and target detection (written once,
// here), and the macros derived from them. Every header includes it first.
//
// ---- User configuration ---------------------------------------------------
// Set before the first heapless header (or with -D), alike in every
// translation unit that shares heapless objects. Each has its default here,
// in the same form: "#ifndef HEAPLESS_X / #define HEAPLESS_X <default>", so a
// definition the user provides is the one used. The three switches marked
// "defined or not" are tested with #ifdef (any value, even empty, sets them).
// The last column says what a setting changes; "tag" names its letter in the
// ABI namespace (below), which gives translation units built with different
// settings distinct symbols instead of one silently shared inline copy.
//
// Macro                        Default                      Effect                                  Layout / ABI
// ---------------------------- ---------------------------- --------------------------------------- ----------------
// HEAPLESS_HAS_EXCEPTIONS      detected: 0 with             1: errors throw (std types' subclasses, behaviour, tag x
//                              -fno-exceptions, else 1      detail/error.hpp); 0: handler or trap
// HEAPLESS_ERROR_HANDLER       0                            1: every error (capacity, range,        behaviour, tag h
//                                                           format, failed assert) calls the user's
//                                                           void heapless::error_handler(
//                                                           heapless::error_kind, const char*)
// HEAPLESS_ENABLE_ASSERTS      1; 0 when NDEBUG is defined  HEAPLESS_ASSERT checks its condition    behaviour, tag a
//                                                           (unchecked_* preconditions, Pool's
//                                                           debug checks)
// HEAPLESS_ASSERT(cond, msg)   the library's check          the precondition check; a definition    behaviour, tag u
//                              (detail/error.hpp)           replaces it entirely (never empty)      (defined or not)
// HEAPLESS_CACHE_LINE          64 on hosts (128 on Apple    bytes between producer- and consumer-   layout, tag c
//                              AArch64); 0 on               owned data of spsc/mpmc queues; 0 = no  (the value)
//                              microcontrollers             padding. An integer literal.
// HEAPLESS_POOL_DEBUG          HEAPLESS_ENABLE_ASSERTS      1: a state byte per Pool slot detects   layout, tag p
//                                                           double free and never-allocated slots
// HEAPLESS_POOL_NO_LLSC        defined or not (not)         Pool on Cortex-M with exclusives uses   behaviour, tag l
//                                                           compare-and-swap, not LDREX/STREX
// HEAPLESS_LINEAR_MAP_NO_INDEX defined or not (not)         LinearMap never builds its hash index   layout, tag i
//                                                           of integer keys
// HEAPLESS_LINEAR_MAP_NO_SIMD  defined or not (not)         LinearMap searches with portable loops  behaviour, tag s
//                                                           only (no SSE2/AVX2)
// HEAPLESS_FORMAT_PRECOMPILE   1 on hosts, 0 on             C++20: format_string keeps its          layout of
//                              microcontrollers             compile-time parse, formatting does not format_string:
//                                                           parse (detail/format_precompiled.hpp)   own inline
//                                                                                                   namespace
// HEAPLESS_FORMAT_OPTIMIZE_SIZE                             formatting picks the smaller of two     none: same
//                              1 at -Os/-Oz, else 0         equivalent implementations              output
// HEAPLESS_FORMAT_STD_TO_CHARS 1 on hosted systems (Linux,  float digits from std::to_chars (1) or  none: same
//                              macOS, Windows, Unix) whose  from detail/float_to_chars.hpp (0)      output
//                              library has float to_chars;
//                              else 0
// HEAPLESS_ABI_NAMESPACE       derived from the tags        the inline namespace's name             it is the name
// HEAPLESS_SINGLE_HEADER_ARRAY defined or not (not)         single_include/heapless.hpp only: adds  none
// HEAPLESS_SINGLE_HEADER_OSTREAM                            heapless/array.hpp, heapless/ostream.hpp
//                                                           (they bring <array>, <ostream>)
//
// Defined here for the headers, not set by users: HEAPLESS_CPP20,
// HEAPLESS_CONSTEXPR20, HEAPLESS_CONSTINIT (constinit where the compiler has
// it; see below), HEAPLESS_HAS_THREE_WAY, HEAPLESS_LIKELY / UNLIKELY,
// HEAPLESS_NOINLINE, HEAPLESS_ALWAYS_INLINE, HEAPLESS_COLD, HEAPLESS_TRAP,
// HEAPLESS_IS_CONSTANT_EVALUATED, HEAPLESS_ASAN, and the HEAPLESS_DETAIL_*
// target facts (GNU extensions, Cortex-M, microcontroller, native
// compare-and-swap widths, interrupt masking). The tests alone set
// HEAPLESS_DETAIL_BINARY_HEAP_COMPACT and HEAPLESS_DETAIL_HISTORY_BUFFER_COMPACT
// (binary_heap.hpp, history_buffer.hpp) to run both code forms in one build.
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

// ---- Compiler and target detection -----------------------------------------
// GCC or clang: __attribute__, __builtin_*, GNU inline asm, __atomic_*.
#if defined(__GNUC__) || defined(__clang__)
#define HEAPLESS_DETAIL_GNU 1
#else
#define HEAPLESS_DETAIL_GNU 0
#endif

// Cortex-M (any M profile core).
#if defined(__ARM_ARCH_PROFILE) && (__ARM_ARCH_PROFILE == 'M')
#define HEAPLESS_DETAIL_CORTEX_M 1
#else
#define HEAPLESS_DETAIL_CORTEX_M 0
#endif

// Microcontrollers: little RAM, no data cache to speak of. Cortex-M, 32-bit
// RISC-V, AVR, MSP430. Chooses the defaults that trade memory for speed
// (HEAPLESS_CACHE_LINE, HEAPLESS_FORMAT_PRECOMPILE, LinearMap's small-map
// index) and keeps stdio out of the error path.
#if HEAPLESS_DETAIL_CORTEX_M || (defined(__riscv) && defined(__riscv_xlen) && (__riscv_xlen == 32)) || \
    defined(__AVR__) || defined(__MSP430__)
#define HEAPLESS_DETAIL_MICROCONTROLLER 1
#else
#define HEAPLESS_DETAIL_MICROCONTROLLER 0
#endif

// Compare-and-swap widths the target has natively (not via libatomic):
// Pool's head word, mpmc's sequence numbers, Arc's counts.
#if defined(__GCC_HAVE_SYNC_COMPARE_AND_SWAP_8) || defined(_M_X64) || defined(_M_ARM64)
#define HEAPLESS_DETAIL_CAS64 1
#else
#define HEAPLESS_DETAIL_CAS64 0
#endif
#if defined(__GCC_HAVE_SYNC_COMPARE_AND_SWAP_4) || defined(_M_X64) || defined(_M_ARM64) || defined(_M_IX86)
#define HEAPLESS_DETAIL_CAS32 1
#else
#define HEAPLESS_DETAIL_CAS32 0
#endif

// pool_policy::interrupt_mask exists (PRIMASK through GNU inline asm).
#if HEAPLESS_DETAIL_CORTEX_M && HEAPLESS_DETAIL_GNU
#define HEAPLESS_DETAIL_IRQ_MASK 1
#else
#define HEAPLESS_DETAIL_IRQ_MASK 0
#endif

// ---- Compiler hints ------------------------------------------------------
#if HEAPLESS_DETAIL_GNU
#define HEAPLESS_LIKELY(x) __builtin_expect(!!(x), 1)
#define HEAPLESS_UNLIKELY(x) __builtin_expect(!!(x), 0)
#define HEAPLESS_NOINLINE __attribute__((noinline))
#define HEAPLESS_ALWAYS_INLINE __attribute__((always_inline))
#define HEAPLESS_COLD __attribute__((cold, noinline))
#define HEAPLESS_TRAP() __builtin_trap()
#else
#define HEAPLESS_LIKELY(x) (x)
#define HEAPLESS_UNLIKELY(x) (x)
#define HEAPLESS_NOINLINE __declspec(noinline)
#define HEAPLESS_ALWAYS_INLINE
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

// ---- User configuration: the defaults (table at the top) --------------------
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

#ifndef HEAPLESS_ENABLE_ASSERTS
#ifdef NDEBUG
#define HEAPLESS_ENABLE_ASSERTS 0
#else
#define HEAPLESS_ENABLE_ASSERTS 1
#endif
#endif

// HEAPLESS_ASSERT: its default is in detail/error.hpp (it calls the error path).

#ifndef HEAPLESS_CACHE_LINE
#if HEAPLESS_DETAIL_MICROCONTROLLER
#define HEAPLESS_CACHE_LINE 0
#elif defined(__aarch64__) && defined(__APPLE__)
#define HEAPLESS_CACHE_LINE 128
#else
#define HEAPLESS_CACHE_LINE 64
#endif
#endif

// A layout choice: per-slot state bytes.
#ifndef HEAPLESS_POOL_DEBUG
#define HEAPLESS_POOL_DEBUG HEAPLESS_ENABLE_ASSERTS
#endif

// HEAPLESS_POOL_NO_LLSC, HEAPLESS_LINEAR_MAP_NO_INDEX, HEAPLESS_LINEAR_MAP_NO_SIMD:
// defined or not; no default. pool.hpp and detail/linear_map_scan.hpp check
// that they were set before the first heapless header (the ABI tag below
// was taken from them).

// Keeping the parse costs flash (24 bytes per field, a constant per call
// site); microcontrollers parse at run time instead.
#ifndef HEAPLESS_FORMAT_PRECOMPILE
#if HEAPLESS_DETAIL_MICROCONTROLLER
#define HEAPLESS_FORMAT_PRECOMPILE 0
#else
#define HEAPLESS_FORMAT_PRECOMPILE 1
#endif
#endif

// GCC and clang define __OPTIMIZE_SIZE__ at -Os and -Oz.
#ifndef HEAPLESS_FORMAT_OPTIMIZE_SIZE
#if defined(__OPTIMIZE_SIZE__)
#define HEAPLESS_FORMAT_OPTIMIZE_SIZE 1
#else
#define HEAPLESS_FORMAT_OPTIMIZE_SIZE 0
#endif
#endif

// Whether the standard library's std::to_chars takes float and double is
// said by <charconv> (__cpp_lib_to_chars), which this file does not include:
// on hosted systems the default names HEAPLESS_DETAIL_STD_FLOAT_TO_CHARS,
// which detail/format_float.hpp (the one reader) defines after <charconv>.
// On bare metal libstdc++'s costs ~120-140 KB of flash.
#ifndef HEAPLESS_FORMAT_STD_TO_CHARS
#if defined(__linux__) || defined(__APPLE__) || defined(_WIN32) || defined(__unix__)
#define HEAPLESS_FORMAT_STD_TO_CHARS HEAPLESS_DETAIL_STD_FLOAT_TO_CHARS
#else
#define HEAPLESS_FORMAT_STD_TO_CHARS 0
#endif
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
