// SPDX-License-Identifier: BSL-1.0
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

#include "config.hpp"

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
