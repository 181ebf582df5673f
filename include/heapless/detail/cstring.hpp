// SPDX-License-Identifier: BSL-1.0
// heapless/detail/cstring.hpp - the six <cstring> functions the library
// calls (memcpy, memmove, memset, memcmp, memchr, strlen), as
// detail::mem_copy ... detail::str_len.
//
// On GCC and clang they are the compilers' builtins, which is what the
// <cstring> functions are compiled as anyway (same inline expansions, same
// library calls): <cstring> and <string.h> are then not parsed by every
// translation unit that includes a container (docs/design.md, "Header
// weight"). With _FORTIFY_SOURCE, and on other compilers, they call the
// <cstring> functions, so fortified builds keep glibc's checked versions.
#ifndef HEAPLESS_DETAIL_CSTRING_HPP
#define HEAPLESS_DETAIL_CSTRING_HPP

#include <cstddef>  // std::size_t

#include <heapless/detail/config.hpp>  // HEAPLESS_NAMESPACE_BEGIN, HEAPLESS_ALWAYS_INLINE

#if defined(__GNUC__) && !defined(_FORTIFY_SOURCE)
#define HEAPLESS_DETAIL_CSTRING_BUILTINS 1
#else
#define HEAPLESS_DETAIL_CSTRING_BUILTINS 0
#include <cstring>  // std::memcpy, std::memmove, std::memset, std::memcmp, std::memchr, std::strlen
#endif

// The copy and the move as macros, for the call sites whose GCC diagnostics
// are scoped by pragmas around the call (detail/chars.hpp): through an
// inline function the call, and a warning about it, would lie outside them.
#if HEAPLESS_DETAIL_CSTRING_BUILTINS
#define HEAPLESS_DETAIL_MEMCPY __builtin_memcpy
#define HEAPLESS_DETAIL_MEMMOVE __builtin_memmove
#else
#define HEAPLESS_DETAIL_MEMCPY std::memcpy
#define HEAPLESS_DETAIL_MEMMOVE std::memmove
#endif

HEAPLESS_NAMESPACE_BEGIN
namespace detail {

#if HEAPLESS_DETAIL_CSTRING_BUILTINS
HEAPLESS_ALWAYS_INLINE inline void* mem_copy(void* dst, const void* src, std::size_t n) noexcept {
  return __builtin_memcpy(dst, src, n);
}
HEAPLESS_ALWAYS_INLINE inline void* mem_move(void* dst, const void* src, std::size_t n) noexcept {
  return __builtin_memmove(dst, src, n);
}
HEAPLESS_ALWAYS_INLINE inline void* mem_set(void* dst, int c, std::size_t n) noexcept {
  return __builtin_memset(dst, c, n);
}
HEAPLESS_ALWAYS_INLINE inline int mem_cmp(const void* a, const void* b, std::size_t n) noexcept {
  return __builtin_memcmp(a, b, n);
}
HEAPLESS_ALWAYS_INLINE inline const void* mem_chr(const void* s, int c, std::size_t n) noexcept {
  return __builtin_memchr(s, c, n);
}
HEAPLESS_ALWAYS_INLINE inline std::size_t str_len(const char* s) noexcept { return __builtin_strlen(s); }
#else
inline void* mem_copy(void* dst, const void* src, std::size_t n) noexcept { return std::memcpy(dst, src, n); }
inline void* mem_move(void* dst, const void* src, std::size_t n) noexcept { return std::memmove(dst, src, n); }
inline void* mem_set(void* dst, int c, std::size_t n) noexcept { return std::memset(dst, c, n); }
inline int mem_cmp(const void* a, const void* b, std::size_t n) noexcept { return std::memcmp(a, b, n); }
inline const void* mem_chr(const void* s, int c, std::size_t n) noexcept { return std::memchr(s, c, n); }
inline std::size_t str_len(const char* s) noexcept { return std::strlen(s); }
#endif

}  // namespace detail
HEAPLESS_NAMESPACE_END

#undef HEAPLESS_DETAIL_CSTRING_BUILTINS

#endif  // HEAPLESS_DETAIL_CSTRING_HPP
