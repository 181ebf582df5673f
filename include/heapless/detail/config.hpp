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

#endif  // HEAPLESS_DETAIL_CONFIG_HPP
