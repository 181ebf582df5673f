// SPDX-License-Identifier: BSL-1.0
// heapless/detail/chars.hpp - the character primitives behind String and
// StringRef (heapless/string.hpp): copy, move, fill, compare and find, each a
// mem* call at run time and a plain loop in constant evaluation, and the
// substring search (find(std::string_view) and its family).
//
// The substring search (chars::search) tests the first and the last char of
// the needle at sizeof(word) candidate positions per step with a handful of
// ALU instructions (SWAR: "SIMD within a register") where the target has
// cheap unaligned loads and a count-trailing-zeros instruction, and compares
// the rest only where both match; long haystacks, and every other target,
// find the first char with memchr (vectorised in every libc). No table, no
// preprocessing of the needle, nothing on the stack.
#ifndef HEAPLESS_DETAIL_CHARS_HPP
#define HEAPLESS_DETAIL_CHARS_HPP

#include <cstddef>      // std::size_t, std::ptrdiff_t
#include <cstdint>      // std::uint64_t, std::uint32_t: the SWAR word
#include <string_view>  // std::char_traits<char>::length
#include <type_traits>  // std::conditional_t

#include <heapless/detail/config.hpp>  // HEAPLESS_IS_CONSTANT_EVALUATED, HEAPLESS_NOINLINE
#include <heapless/detail/cstring.hpp>  // detail::mem_copy, detail::mem_move, detail::mem_set, detail::mem_cmp, detail::mem_chr

// Word-at-a-time substring search needs a little-endian target with cheap
// unaligned loads and a count-trailing-zeros instruction: x86, AArch64 and
// ARMv7-M and up. Elsewhere (Cortex-M0: no unaligned LDR, ctz is a libgcc
// call; RISC-V: unaligned loads may trap to an emulator) memchr is used.
#if HEAPLESS_DETAIL_GNU && defined(__BYTE_ORDER__) && \
    defined(__ORDER_LITTLE_ENDIAN__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__ && \
    (defined(__x86_64__) || defined(__i386__) || defined(__aarch64__) || \
     (defined(__arm__) && defined(__ARM_FEATURE_UNALIGNED) && defined(__ARM_FEATURE_CLZ)))
#define HEAPLESS_DETAIL_STRING_SWAR 1
#else
#define HEAPLESS_DETAIL_STRING_SWAR 0
#endif
// g++ 11 (-O2) and 12 (-O1 to -O3) report -Warray-bounds, -Wstringop-overflow,
// -Wstringop-overread and -Wrestrict on the mem* calls of detail::chars for
// paths that the String members' length and overlap checks make unreachable
// (a tail length that would be negative, a memcpy of a source that inside_()
// has routed to memmove). The pragmas cover the one mem* statement of each
// primitive, so the user's own code keeps every warning.
#if defined(__GNUC__) && !defined(__clang__) && __GNUC__ >= 11
#define HEAPLESS_DETAIL_GCC_MEM_WARNINGS_OFF                        \
  _Pragma("GCC diagnostic push")                                   \
  _Pragma("GCC diagnostic ignored \"-Warray-bounds\"")             \
  _Pragma("GCC diagnostic ignored \"-Wstringop-overflow\"")        \
  _Pragma("GCC diagnostic ignored \"-Wstringop-overread\"")        \
  _Pragma("GCC diagnostic ignored \"-Wrestrict\"")
#define HEAPLESS_DETAIL_GCC_MEM_WARNINGS_ON _Pragma("GCC diagnostic pop")
#else
#define HEAPLESS_DETAIL_GCC_MEM_WARNINGS_OFF
#define HEAPLESS_DETAIL_GCC_MEM_WARNINGS_ON
#endif

HEAPLESS_NAMESPACE_BEGIN
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
    HEAPLESS_DETAIL_GCC_MEM_WARNINGS_OFF
    if (n != 0) HEAPLESS_DETAIL_MEMCPY(d, s, n);
    HEAPLESS_DETAIL_GCC_MEM_WARNINGS_ON
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
    HEAPLESS_DETAIL_GCC_MEM_WARNINGS_OFF
    if (n != 0) HEAPLESS_DETAIL_MEMMOVE(d, s, n);
    HEAPLESS_DETAIL_GCC_MEM_WARNINGS_ON
  }
  // Copies last byte first, one byte at a time: right when s lies before d
  // (or at it), which an append from the string's own text is. Size-optimised
  // builds use it for appends instead of linking memmove for them alone.
  static void copy_backward(char* d, const char* s, std::size_t n) noexcept {
    while (n != 0) {
      --n;
      d[n] = s[n];
#if HEAPLESS_DETAIL_GNU
      __asm__("" : "+r"(n));  // keeps it a loop, not a call to memmove
#endif
    }
  }
  // The same pointer, which the optimiser can no longer trace to its object
  // (no instruction is emitted).
  static const char* opaque(const char* p) noexcept {
#if HEAPLESS_DETAIL_GNU
    __asm__("" : "+r"(p));
#endif
    return p;
  }
  // d is the start of a buffer; s may lie in that buffer at or after d.
  static constexpr void copy_to_front(char* d, const char* s, std::size_t n) noexcept {
    if (HEAPLESS_IS_CONSTANT_EVALUATED()) {
      for (std::size_t i = 0; i < n; ++i) d[i] = s[i];
      return;
    }
    if (n != 0) detail::mem_move(d, s, n);
  }
  static constexpr void fill(char* d, std::size_t n, char c) noexcept {
    if (HEAPLESS_IS_CONSTANT_EVALUATED()) {
      for (std::size_t i = 0; i < n; ++i) d[i] = c;
      return;
    }
    if (n != 0) detail::mem_set(d, static_cast<unsigned char>(c), n);
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
    return detail::mem_cmp(a, b, n);
  }
  static constexpr int compare_any(const char* a, const char* b, std::size_t n) noexcept {
    return n == 0 ? 0 : compare(a, b, n);
  }
  static constexpr bool equal(const char* a, const char* b, std::size_t n) noexcept {
    return compare(a, b, n) == 0;
  }
  // Whether copy_8_16 and equal_16_32 work on 8-byte words: 64-bit hosts
  // with cheap unaligned loads, in builds not optimised for size.
#if HEAPLESS_DETAIL_STRING_SWAR && !defined(__OPTIMIZE_SIZE__)
  static constexpr bool word_paths = sizeof(void*) == 8;
#else
  static constexpr bool word_paths = false;
#endif
  // Copies 8 <= n <= 16 chars (run time only, when word_paths): two
  // overlapping 8-byte words, both loaded before either is stored, so the
  // ranges may overlap (as memmove).
  static void copy_8_16(char* d, const char* s, std::size_t n) noexcept {
#if HEAPLESS_DETAIL_STRING_SWAR
    if constexpr (sizeof(word) == 8) {
      const word head = load(s);
      const word tail = load(s + n - 8);
      detail::mem_copy(d, &head, 8);
      detail::mem_copy(d + n - 8, &tail, 8);
      return;
    }
#endif
    detail::mem_move(d, s, n);
  }
  // equal() for 16 <= n <= 32 (run time only, when word_paths): four overlapping 8-byte loads
  // per side, XORed and ORed, then one test; no call.
  static bool equal_16_32(const char* a, const char* b, std::size_t n) noexcept {
#if HEAPLESS_DETAIL_STRING_SWAR
    if constexpr (sizeof(word) == 8) {
      const word d = (load(a) ^ load(b)) | (load(a + 8) ^ load(b + 8)) | (load(a + n - 16) ^ load(b + n - 16)) |
                     (load(a + n - 8) ^ load(b + n - 8));
      return d == 0;
    }
#endif
    return equal(a, b, n);
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
    return static_cast<const char*>(detail::mem_chr(s, c, n));  // memchr converts c to unsigned char
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
  // No casts below: word is at least as wide as unsigned int, so none of
  // these expressions is promoted (a cast would be a -Wuseless-cast).
  static constexpr word ones = ~word{0} / 0xFFu;  // 0x0101...
  static constexpr word highs = ones * 0x80u;     // 0x8080...
  static constexpr std::ptrdiff_t swar_limit = 256;  // candidates; memchr wins above
  static word load(const char* p) noexcept {
    word w;
    detail::mem_copy(&w, p, sizeof w);
    return w;
  }
  static word zero_bytes(word v) noexcept { return (v - ones) & ~v & highs; }
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

}  // namespace detail
HEAPLESS_NAMESPACE_END

#endif  // HEAPLESS_DETAIL_CHARS_HPP
