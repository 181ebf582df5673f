// SPDX-License-Identifier: BSL-1.0
// heapless/detail/error.hpp - the library's one error path and HEAPLESS_ASSERT.
//
// Three tiers (docs/design.md, "Error model"):
//   try_*        report failure through the return value; nothing here is used.
//   plain        a capacity or range violation calls detail::raise(kind, msg):
//                  - HEAPLESS_ERROR_HANDLER == 1: calls the user's
//                    heapless::error_handler(kind, msg); if that returns, traps.
//                  - else, exceptions on: throws what the std counterpart throws
//                    (heapless::capacity_error, derived from std::bad_alloc;
//                    std::length_error, std::out_of_range,
//                    std::invalid_argument), what() being the library's message.
//                  - else: traps (__builtin_trap: one instruction); on hosted
//                    targets other than microcontrollers it first prints the
//                    message to stderr.
//   unchecked_*  preconditions checked by HEAPLESS_ASSERT when asserts are on;
//                a failed assertion never throws: it calls the user's handler
//                (kind == error_kind::precondition) or traps (printing the
//                file, line and message first on hosted targets).
#ifndef HEAPLESS_DETAIL_ERROR_HPP
#define HEAPLESS_DETAIL_ERROR_HPP

#include <cstddef>  // std::size_t

#include <heapless/detail/config.hpp>

#if HEAPLESS_HAS_EXCEPTIONS
#include <new>  // std::bad_alloc
#if defined(__GLIBCXX__) && __has_include(<bits/functexcept.h>)
// libstdc++ throws its std exceptions through these out-of-line functions;
// <stdexcept> would pull in all of <string> (docs/design.md, "Header weight").
#include <bits/functexcept.h>
#define HEAPLESS_DETAIL_LIBSTDCXX_THROW 1
#else
#include <stdexcept>  // std::length_error, std::out_of_range, std::invalid_argument
#endif
#endif

// Hosted targets other than microcontrollers print the message of an error
// that ends the program (no handler, no exception: a trap) to stderr first.
// Microcontroller builds keep the bare trap: no stdio in the image.
#if defined(__STDC_HOSTED__) && !HEAPLESS_DETAIL_MICROCONTROLLER && __has_include(<cstdio>)
#if __STDC_HOSTED__
#define HEAPLESS_DETAIL_STDERR 1
#endif
#endif
#ifndef HEAPLESS_DETAIL_STDERR
#define HEAPLESS_DETAIL_STDERR 0
#endif
#if HEAPLESS_DETAIL_STDERR && defined(__GLIBC__) && !defined(__UCLIBC__) && defined(__GNUC__) && !defined(__clang__)
// GCC on glibc: the one declaration report() needs, as <stdio.h> spells it
// (`extern FILE* stderr;`, FILE being `struct _IO_FILE`), and GCC's fputs
// builtin, instead of all of <cstdio> parsed in every translation unit for a
// call on a path that ends the program (docs/design.md, "Header weight").
// Clang has no __builtin_fputs: it takes <cstdio>.
extern "C" {
struct _IO_FILE;
extern _IO_FILE* stderr;
}
#define HEAPLESS_DETAIL_STDERR_BUILTIN 1
#elif HEAPLESS_DETAIL_STDERR
#include <cstdio>  // std::fputs, stderr
#endif

// Outside the ABI namespace (config.hpp): one entity whatever the settings,
// because users declare, define or catch them.
namespace heapless {

/// What went wrong; passed to the user's error handler.
enum class error_kind : unsigned char {
  bad_alloc,         ///< growth past a fixed capacity where std throws std::bad_alloc (Vec, Pool)
  length_error,      ///< growth past a fixed capacity where std throws std::length_error (String, LinearMap)
  out_of_range,      ///< index or key out of range (at())
  invalid_argument,  ///< malformed input, e.g. a bad format string detected at run time
  precondition,      ///< a failed HEAPLESS_ASSERT (an unchecked_* precondition)
};

/// Defined by the user, once, when HEAPLESS_ERROR_HANDLER is 1 (as
/// `void heapless::error_handler(heapless::error_kind, const char*)` or inside
/// `namespace heapless { }`). It may log, reset the MCU, longjmp, or (with
/// exceptions on) throw. If it returns, the library traps: execution never
/// continues past a violated capacity. Declared in every configuration, so
/// that the file defining it may be built without HEAPLESS_ERROR_HANDLER.
void error_handler(error_kind kind, const char* message);

#if HEAPLESS_HAS_EXCEPTIONS
#if defined(__clang__)
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Wweak-vtables"  // header-only: no translation unit to own the vtable
#endif
/// Thrown (exceptions on, no handler) for growth past a fixed capacity where
/// std throws std::bad_alloc (Vec, VecRef, Pool): caught by
/// `catch (const std::bad_alloc&)`, and what() is the library's message, e.g.
/// "heapless::Vec: capacity 8 exceeded". The other kinds throw the std types
/// themselves (std::length_error, std::out_of_range, std::invalid_argument),
/// which carry the message already.
class capacity_error : public std::bad_alloc {
 public:
  explicit capacity_error(const char* message) noexcept : message_(message) {}
  const char* what() const noexcept override { return message_; }

 private:
  const char* message_;  // a string literal: no allocation, never dangles
};
#if defined(__clang__)
#pragma clang diagnostic pop
#endif
#endif

}  // namespace heapless

HEAPLESS_NAMESPACE_BEGIN
namespace detail {

/// A message built at compile time (capacity_message).
template <std::size_t Size>
struct message_text {
  char text[Size];
};

/// "<prefix><N in decimal><suffix>" as a constant, e.g. for N = 8
/// "heapless::Vec: capacity 8 exceeded". One string per distinct N, so only
/// off microcontrollers (see Vec::capacity_exceeded).
template <std::size_t N, std::size_t P, std::size_t S>
constexpr auto capacity_message(const char (&prefix)[P], const char (&suffix)[S]) noexcept {
  constexpr std::size_t digits = [] {
    std::size_t d = 1;
    for (std::size_t n = N; n >= 10; n /= 10) ++d;
    return d;
  }();
  message_text<P - 1 + digits + S> m{};
  std::size_t at = 0;
  for (std::size_t i = 0; i + 1 < P; ++i) m.text[at++] = prefix[i];
  std::size_t n = N;
  for (std::size_t i = digits; i > 0; --i, n /= 10) m.text[at + i - 1] = static_cast<char>('0' + n % 10);
  at += digits;
  for (std::size_t i = 0; i < S; ++i) m.text[at++] = suffix[i];
  return m;
}

#if HEAPLESS_DETAIL_STDERR
/// Writes text to stderr.
inline void put_stderr(const char* text) noexcept {
#if defined(HEAPLESS_DETAIL_STDERR_BUILTIN)
  __builtin_fputs(text, stderr);
#else
  std::fputs(text, stderr);
#endif
}

/// Writes "heapless: <message>" (the prefix only when the message lacks it)
/// and a newline to stderr.
HEAPLESS_COLD inline void report(const char* message) noexcept {
  const char* prefix = "heapless";
  for (const char* m = message; *prefix != '\0' && *m == *prefix; ++m) ++prefix;
  if (*prefix != '\0') put_stderr("heapless: ");
  put_stderr(message);
  put_stderr("\n");
}
#define HEAPLESS_DETAIL_REPORT(message) ::heapless::detail::report(message)
#else
#define HEAPLESS_DETAIL_REPORT(message) static_cast<void>(message)
#endif

[[noreturn]] HEAPLESS_COLD inline void raise(error_kind kind, const char* message) {
#if HEAPLESS_ERROR_HANDLER
  ::heapless::error_handler(kind, message);
  HEAPLESS_TRAP();
#elif HEAPLESS_HAS_EXCEPTIONS
#if defined(HEAPLESS_DETAIL_LIBSTDCXX_THROW)
  switch (kind) {
    case error_kind::bad_alloc: throw capacity_error(message);
    case error_kind::length_error: std::__throw_length_error(message);
    case error_kind::out_of_range: std::__throw_out_of_range(message);
    case error_kind::invalid_argument: std::__throw_invalid_argument(message);
    case error_kind::precondition: break;
  }
#else
  switch (kind) {
    case error_kind::bad_alloc: throw capacity_error(message);
    case error_kind::length_error: throw std::length_error(message);
    case error_kind::out_of_range: throw std::out_of_range(message);
    case error_kind::invalid_argument: throw std::invalid_argument(message);
    case error_kind::precondition: break;
  }
#endif
  HEAPLESS_DETAIL_REPORT(message);
  HEAPLESS_TRAP();
#else
  (void)kind;
  HEAPLESS_DETAIL_REPORT(message);
  HEAPLESS_TRAP();
#endif
}

[[noreturn]] HEAPLESS_COLD inline void assert_failed(const char* message) {
#if HEAPLESS_ERROR_HANDLER
  ::heapless::error_handler(error_kind::precondition, message);
#else
  HEAPLESS_DETAIL_REPORT(message);
#endif
  HEAPLESS_TRAP();
}

}  // namespace detail
HEAPLESS_NAMESPACE_END

#define HEAPLESS_DETAIL_STR2(x) #x
#define HEAPLESS_DETAIL_STR(x) HEAPLESS_DETAIL_STR2(x)

// HEAPLESS_ASSERT(cond, msg): the one precondition macro. Users may define it
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
