// SPDX-License-Identifier: BSL-1.0
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
// Measured numbers: docs/benchmarks.md ("LinearMap").
#ifndef HEAPLESS_DETAIL_LINEAR_MAP_SCAN_HPP
#define HEAPLESS_DETAIL_LINEAR_MAP_SCAN_HPP

#include <cstddef>      // std::size_t
#include <cstdint>      // std::uint64_t (bit masks), std::intmax_t (integer queries)
#include <string_view>  // string keys and char-pointer queries are searched as std::string_view
#include <type_traits>  // dispatch on the key and query types
#include <utility>      // std::declval, std::index_sequence (unrolled block scans)

#include <heapless/detail/config.hpp>  // HEAPLESS_IS_CONSTANT_EVALUATED, HEAPLESS_ALWAYS_INLINE, HEAPLESS_DETAIL_MICROCONTROLLER
#include <heapless/detail/cstring.hpp>  // detail::mem_copy
#include <heapless/detail/size.hpp>    // smallest_size_t: the index's slot type; int_limits: is an integer query representable as a key?

// Both switches select the ABI namespace (config.hpp): set them before the
// first heapless header.
#if defined(HEAPLESS_LINEAR_MAP_NO_SIMD) != (HEAPLESS_DETAIL_ABI_S == 1) || \
    defined(HEAPLESS_LINEAR_MAP_NO_INDEX) != (HEAPLESS_DETAIL_ABI_I == 1)
#error "HEAPLESS_LINEAR_MAP_NO_SIMD/NO_INDEX must be set before the first heapless header"
#endif
// SSE2 through the compiler's vector extensions and builtins (detail::sse2
// below), not <emmintrin.h>, which would bring <stdlib.h> and every other
// SSE intrinsic into each translation unit.
#if defined(__SSE2__) && HEAPLESS_DETAIL_GNU && !defined(HEAPLESS_LINEAR_MAP_NO_SIMD)
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
#define HEAPLESS_DETAIL_LINEAR_MAP_INLINE inline HEAPLESS_ALWAYS_INLINE

HEAPLESS_NAMESPACE_BEGIN
namespace detail {

#if HEAPLESS_DETAIL_LINEAR_MAP_SSE2
// ---- The SSE2 operations the scans use ----------------------------------------
// Each is what the <emmintrin.h> intrinsic of the same name (in the comment)
// does, through the same vector types and builtins in GCC and clang, so each
// compiles to the same instruction.
namespace sse2 {

using i128 = long long __attribute__((__vector_size__(16), __may_alias__));                  // __m128i
using i128_u = long long __attribute__((__vector_size__(16), __may_alias__, __aligned__(1)));  // unaligned
using v16qi = char __attribute__((__vector_size__(16)));
using v8hi = short __attribute__((__vector_size__(16)));
using v4si = int __attribute__((__vector_size__(16)));
using v2du = unsigned long long __attribute__((__vector_size__(16)));
using v4sf = float __attribute__((__vector_size__(16)));
using v2df = double __attribute__((__vector_size__(16)));

#define HEAPLESS_DETAIL_SSE2_OP inline HEAPLESS_ALWAYS_INLINE

// _mm_loadu_si128. clang keeps a typedef's 16-byte vector alignment in a
// dereference: there the load goes through a packed struct, as its own does.
#if defined(__clang__)
struct i128_unaligned {
  i128_u v;
} __attribute__((__packed__, __may_alias__));
HEAPLESS_DETAIL_SSE2_OP i128 loadu(const unsigned char* p) noexcept {
  return static_cast<const i128_unaligned*>(static_cast<const void*>(p))->v;
}
#else
HEAPLESS_DETAIL_SSE2_OP i128 loadu(const unsigned char* p) noexcept {
  return *static_cast<const i128_u*>(static_cast<const void*>(p));
}
#endif
// _mm_set1_epi8/16/32, _mm_set1_epi64x, _mm_cvtsi32_si128
HEAPLESS_DETAIL_SSE2_OP i128 set1_8(char a) noexcept {
  return reinterpret_cast<i128>(v16qi{a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a});
}
HEAPLESS_DETAIL_SSE2_OP i128 set1_16(short a) noexcept {
  return reinterpret_cast<i128>(v8hi{a, a, a, a, a, a, a, a});
}
HEAPLESS_DETAIL_SSE2_OP i128 set1_32(int a) noexcept { return reinterpret_cast<i128>(v4si{a, a, a, a}); }
HEAPLESS_DETAIL_SSE2_OP i128 set1_64(long long a) noexcept { return i128{a, a}; }
HEAPLESS_DETAIL_SSE2_OP i128 from_32(int a) noexcept { return reinterpret_cast<i128>(v4si{a, 0, 0, 0}); }
// _mm_cmpeq_epi8/16/32
HEAPLESS_DETAIL_SSE2_OP i128 cmpeq_8(i128 a, i128 b) noexcept {
  return reinterpret_cast<i128>(reinterpret_cast<v16qi>(a) == reinterpret_cast<v16qi>(b));
}
HEAPLESS_DETAIL_SSE2_OP i128 cmpeq_16(i128 a, i128 b) noexcept {
  return reinterpret_cast<i128>(reinterpret_cast<v8hi>(a) == reinterpret_cast<v8hi>(b));
}
HEAPLESS_DETAIL_SSE2_OP i128 cmpeq_32(i128 a, i128 b) noexcept {
  return reinterpret_cast<i128>(reinterpret_cast<v4si>(a) == reinterpret_cast<v4si>(b));
}
// _mm_and_si128, _mm_or_si128
HEAPLESS_DETAIL_SSE2_OP i128 and_(i128 a, i128 b) noexcept {
  return reinterpret_cast<i128>(reinterpret_cast<v2du>(a) & reinterpret_cast<v2du>(b));
}
HEAPLESS_DETAIL_SSE2_OP i128 or_(i128 a, i128 b) noexcept {
  return reinterpret_cast<i128>(reinterpret_cast<v2du>(a) | reinterpret_cast<v2du>(b));
}
// _mm_shuffle_epi32 (the order is an immediate: a template argument)
template <int Order>
HEAPLESS_DETAIL_SSE2_OP i128 shuffle_32(i128 a) noexcept {
  return reinterpret_cast<i128>(__builtin_ia32_pshufd(reinterpret_cast<v4si>(a), Order));
}
// _mm_packs_epi16, _mm_packs_epi32
HEAPLESS_DETAIL_SSE2_OP i128 packs_16(i128 a, i128 b) noexcept {
  return reinterpret_cast<i128>(__builtin_ia32_packsswb128(reinterpret_cast<v8hi>(a), reinterpret_cast<v8hi>(b)));
}
HEAPLESS_DETAIL_SSE2_OP i128 packs_32(i128 a, i128 b) noexcept {
  return reinterpret_cast<i128>(__builtin_ia32_packssdw128(reinterpret_cast<v4si>(a), reinterpret_cast<v4si>(b)));
}
// _mm_movemask_epi8, _mm_movemask_ps(_mm_castsi128_ps), _mm_movemask_pd(_mm_castsi128_pd)
HEAPLESS_DETAIL_SSE2_OP int movemask_8(i128 a) noexcept { return __builtin_ia32_pmovmskb128(reinterpret_cast<v16qi>(a)); }
HEAPLESS_DETAIL_SSE2_OP int movemask_32(i128 a) noexcept { return __builtin_ia32_movmskps(reinterpret_cast<v4sf>(a)); }
HEAPLESS_DETAIL_SSE2_OP int movemask_64(i128 a) noexcept { return __builtin_ia32_movmskpd(reinterpret_cast<v2df>(a)); }

#undef HEAPLESS_DETAIL_SSE2_OP

}  // namespace sse2
#endif

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
inline sse2::i128 linear_find_sse2_splat(const void* key) noexcept {
  if constexpr (S == 1) {
    char v;
    detail::mem_copy(&v, key, 1);
    return sse2::set1_8(v);
  } else if constexpr (S == 2) {
    short v;
    detail::mem_copy(&v, key, 2);
    return sse2::set1_16(v);
  } else if constexpr (S == 4) {
    int v;
    detail::mem_copy(&v, key, 4);
    return sse2::set1_32(v);
  } else {
    long long v;
    detail::mem_copy(&v, key, 8);
    return sse2::set1_64(v);
  }
}

// Lane-wise equality: all-ones lanes where the key equals the needle. SSE2
// has no 64-bit compare: an 8-byte lane matches when both 32-bit halves do.
template <std::size_t S>
inline sse2::i128 linear_find_sse2_eq(const unsigned char* p, sse2::i128 needle) noexcept {
  const sse2::i128 v = sse2::loadu(p);
  if constexpr (S == 1) {
    return sse2::cmpeq_8(v, needle);
  } else if constexpr (S == 2) {
    return sse2::cmpeq_16(v, needle);
  } else if constexpr (S == 4) {
    return sse2::cmpeq_32(v, needle);
  } else {
    const sse2::i128 halves = sse2::cmpeq_32(v, needle);
    return sse2::and_(halves, sse2::shuffle_32<0xB1>(halves));
  }
}

// One bit per byte of the 16 bytes at p, set in lanes equal to the needle.
template <std::size_t S>
inline std::uint64_t linear_find_sse2_block(const unsigned char* p, sse2::i128 needle) noexcept {
  return static_cast<std::uint64_t>(static_cast<unsigned>(sse2::movemask_8(linear_find_sse2_eq<S>(p, needle))));
}

// Lane mask of one 16-byte block: bit i set when lane i equals the needle.
template <std::size_t S>
inline std::uint64_t linear_find_sse2_lanes(const unsigned char* p, sse2::i128 needle) noexcept {
  const sse2::i128 eq = linear_find_sse2_eq<S>(p, needle);
  unsigned m;
  if constexpr (S == 1) m = static_cast<unsigned>(sse2::movemask_8(eq));
  else if constexpr (S == 2) m = static_cast<unsigned>(sse2::movemask_8(sse2::packs_16(eq, eq))) & 0xFFu;
  else if constexpr (S == 4) m = static_cast<unsigned>(sse2::movemask_32(eq));
  else m = static_cast<unsigned>(sse2::movemask_64(eq));
  return m;
}

// Lane mask of 16 lanes (S == 4: four blocks, S == 2: two blocks), narrowed
// with saturating packs so one movemask covers them all.
template <std::size_t S>
inline std::uint64_t linear_find_sse2_group(const unsigned char* p, sse2::i128 needle) noexcept {
  if constexpr (S == 4) {
    const sse2::i128 a = sse2::packs_32(linear_find_sse2_eq<4>(p, needle), linear_find_sse2_eq<4>(p + 16, needle));
    const sse2::i128 b = sse2::packs_32(linear_find_sse2_eq<4>(p + 32, needle), linear_find_sse2_eq<4>(p + 48, needle));
    return static_cast<unsigned>(sse2::movemask_8(sse2::packs_16(a, b)));
  } else {
    static_assert(S == 2, "16 lanes of 2 or 4 bytes");
    return static_cast<unsigned>(
        sse2::movemask_8(sse2::packs_16(linear_find_sse2_eq<2>(p, needle), linear_find_sse2_eq<2>(p + 16, needle))));
  }
}

template <std::size_t S, std::size_t... G>
inline std::uint64_t linear_find_sse2_groups(const unsigned char* p, [[maybe_unused]] sse2::i128 needle,
                                             std::index_sequence<G...>) noexcept {
  return (std::uint64_t{0} | ... | (linear_find_sse2_group<S>(p + G * 16 * S, needle) << (G * 16)));
}

template <std::size_t S, std::size_t First, std::size_t... B>
inline std::uint64_t linear_find_sse2_blocks(const unsigned char* p, [[maybe_unused]] sse2::i128 needle,
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
inline std::uint64_t linear_find_sse2_mask(const unsigned char* p, sse2::i128 needle) noexcept {
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
                                          sse2::i128 needle) noexcept {
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
  const sse2::i128 needle = linear_find_sse2_splat<S>(key);
  const std::size_t total = n * S;
  std::size_t off = 0;
  for (; total - off >= 128; off += 128) {
    const sse2::i128 a =
        sse2::or_(linear_find_sse2_eq<S>(p + off, needle), linear_find_sse2_eq<S>(p + off + 16, needle));
    const sse2::i128 b =
        sse2::or_(linear_find_sse2_eq<S>(p + off + 32, needle), linear_find_sse2_eq<S>(p + off + 48, needle));
    const sse2::i128 c =
        sse2::or_(linear_find_sse2_eq<S>(p + off + 64, needle), linear_find_sse2_eq<S>(p + off + 80, needle));
    const sse2::i128 d =
        sse2::or_(linear_find_sse2_eq<S>(p + off + 96, needle), linear_find_sse2_eq<S>(p + off + 112, needle));
    if (sse2::movemask_8(sse2::or_(sse2::or_(a, b), sse2::or_(c, d))) != 0) {
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
  using limits = int_limits<K>;
  if constexpr (std::is_signed_v<Q>) {
    const std::intmax_t v = q;
    if (v < 0) return std::is_signed_v<K> && v >= static_cast<std::intmax_t>(limits::min);
    return static_cast<std::uintmax_t>(v) <= static_cast<std::uintmax_t>(limits::max);
  } else {
    const std::uintmax_t v = q;
    return v <= static_cast<std::uintmax_t>(limits::max);
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
  detail::mem_copy(&v, p, sizeof(T));  // one unaligned load
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
/// compare lengths first. From N = 8 the tags make misses much faster than the
/// length-first loop at some cost to hits, and they are what makes N = 8
/// lookups fastest of all peers for both (docs/benchmarks.md, "LinearMap").
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
inline sse2::i128 linear_map_tag_splat(unsigned char t) noexcept {
  return sse2::shuffle_32<0>(sse2::from_32(static_cast<int>(t * 0x01010101u)));
}

// Bits of the 16 tags starting at entry `pos`, placed relative to entry
// `base` (pos may lie before base when a block is moved back to stay inside
// the tag array: bits of entries before base are dropped).
inline std::uint64_t linear_map_tag_block(const unsigned char* tags, std::size_t pos, std::size_t base,
                                          sse2::i128 needle) noexcept {
  const sse2::i128 v = sse2::loadu(tags + pos);
  const std::uint64_t m = static_cast<unsigned>(sse2::movemask_8(sse2::cmpeq_8(v, needle)));
  return pos >= base ? m << (pos - base) : m >> (base - pos);
}
#endif

/// String keys with their tags: index of the key equal to q, or n.
/// Precondition: tags has linear_map_tag_count<Cap> readable bytes. Always
/// inline: out of line, the call and its saved registers add to every
/// lookup (docs/benchmarks.md, "LinearMap").
template <std::size_t Cap, class K>
constexpr HEAPLESS_DETAIL_LINEAR_MAP_INLINE std::size_t linear_find_tagged(const K* keys, const unsigned char* tags,
                                                                           std::size_t n, std::string_view q) noexcept {
  const unsigned char t = linear_map_tag(q);
  if (HEAPLESS_IS_CONSTANT_EVALUATED()) return linear_find_tagged_loop(keys, tags, n, q, t);
#if HEAPLESS_DETAIL_LINEAR_MAP_SSE2
  constexpr std::size_t tag_bytes = linear_map_tag_count<Cap>;
  const sse2::i128 needle = linear_map_tag_splat(t);
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
// Cost: 2N to 4N slots of one byte up to N = 255, two above. With the index,
// int maps of 8 and 16 entries hit faster than with the SSE2 whole-array scan
// (which ties with std::unordered_map there) and miss about as fast
// (docs/benchmarks.md, "LinearMap"). On microcontrollers (Cortex-M,
// 32-bit RISC-V, AVR, MSP430) small maps keep their plain layout (keys,
// length, values: RAM is what they are short of, and a loop over 8 keys is
// cheap); a map with over 128 bytes of keys gets the index there too (a
// hit is a hash, a slot load and one key compare instead of a loop over
// every key). Define
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
HEAPLESS_NAMESPACE_END

#undef HEAPLESS_DETAIL_LINEAR_MAP_LITTLE_ENDIAN
#undef HEAPLESS_DETAIL_LINEAR_MAP_SSE2
#undef HEAPLESS_DETAIL_LINEAR_MAP_AVX2
#undef HEAPLESS_DETAIL_LINEAR_MAP_INLINE

#endif  // HEAPLESS_DETAIL_LINEAR_MAP_SCAN_HPP
