// heapless/detail/linear_map_scan.hpp - the key search behind LinearMap.
//
// LinearMap keeps its keys in one contiguous array, so a lookup is "index of
// the first key equal to q in keys[0, n)". Three strategies, chosen at compile
// time by the key and query types:
//
//   * bitwise keys (integers, enums of 1, 2, 4 or 8 bytes) looked up with a
//     query of the same type: equality is equality of the object bytes. On
//     x86-64 (SSE2 is baseline there) 16 bytes are compared per instruction and
//     up to 64 bytes per branch; the tail is covered by one more block that
//     overlaps the previous one, so nothing past keys[n - 1] is ever read.
//     Maps smaller than one 16-byte block, constant evaluation, and targets
//     without SSE2 (Cortex-M, RISC-V) use the portable loop.
//   * bitwise keys looked up with another integer type: the query is converted
//     when it is representable as a key (otherwise nothing can match) and the
//     search above runs. Comparison is by mathematical value, so
//     find(-1) on unsigned keys finds nothing instead of 0xFFFFFFFF.
//   * everything else: the portable loop `keys[i] == q` (string keys: the
//     query is turned into a std::string_view once, so a `const char*` is
//     measured once instead of once per key).
//
// measured (docs/linear_map.md): the SSE2 scan is 0.3-0.6x the time of the
// portable loop for int keys at N = 8..64; the portable loop is what an MCU
// without SIMD runs, and there it is as good as a hand-written one.
#ifndef HEAPLESS_DETAIL_LINEAR_MAP_SCAN_HPP
#define HEAPLESS_DETAIL_LINEAR_MAP_SCAN_HPP

#include <cstddef>      // std::size_t
#include <cstdint>      // std::uint64_t (bit masks), std::intmax_t (integer queries)
#include <cstring>      // std::memcpy: a key's bytes into a lane
#include <limits>       // std::numeric_limits: is an integer query representable as a key?
#include <string_view>  // char-pointer queries are measured once, as a std::string_view
#include <type_traits>  // dispatch on the key and query types
#include <utility>      // std::declval

#include "config.hpp"  // HEAPLESS_IS_CONSTANT_EVALUATED

#if defined(__SSE2__) && (defined(__GNUC__) || defined(__clang__)) && !defined(HEAPLESS_LINEAR_MAP_NO_SIMD)
#include <emmintrin.h>  // SSE2 intrinsics (0.07 s to parse; x86-64 baseline)
#define HEAPLESS_DETAIL_LINEAR_MAP_SSE2 1
#else
#define HEAPLESS_DETAIL_LINEAR_MAP_SSE2 0
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

// Whole-capacity scan for small maps (16 <= N * S <= 64 bytes, e.g. up to 16
// ints): every block of the key array is compared (its position is a
// compile-time constant, so the code is straight-line), bytes at or past
// n * S are masked off, and one branch decides. Blocks may cover slots that
// hold no key yet: they lie inside the key array (never past it: a capacity
// that is not a multiple of 16 ends with a block overlapping the previous
// one) and their bits are masked before anything depends on them.
template <std::size_t S, std::size_t Cap>
inline std::size_t linear_find_sse2_small(const unsigned char* p, std::size_t n, const void* key) noexcept {
  static_assert(Cap >= 16 && Cap <= 64, "one chunk");
  const __m128i needle = linear_find_sse2_splat<S>(key);
  std::uint64_t m = linear_find_sse2_block<S>(p, needle);
  if constexpr (Cap >= 32) m |= linear_find_sse2_block<S>(p + 16, needle) << 16;
  if constexpr (Cap >= 48) m |= linear_find_sse2_block<S>(p + 32, needle) << 32;
  if constexpr (Cap == 64) m |= linear_find_sse2_block<S>(p + 48, needle) << 48;
  if constexpr (Cap % 16 != 0) m |= linear_find_sse2_block<S>(p + Cap - 16, needle) << (Cap - 16);
  const std::size_t total = n * S;
  const std::uint64_t valid = total >= 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << total) - 1;
  m &= valid;
  return m != 0 ? static_cast<std::size_t>(__builtin_ctzll(m)) / S : n;
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
template <std::size_t Cap, class K>
constexpr std::size_t linear_find_bitwise(const K* keys, std::size_t n, const K& q) noexcept {
#if HEAPLESS_DETAIL_LINEAR_MAP_SSE2
  if (!HEAPLESS_IS_CONSTANT_EVALUATED()) {
    const unsigned char* p = static_cast<const unsigned char*>(static_cast<const void*>(keys));
    constexpr std::size_t cap_bytes = Cap * sizeof(K);
    if constexpr (cap_bytes >= 16 && cap_bytes <= 64) {
      return linear_find_sse2_small<sizeof(K), cap_bytes>(p, n, &q);
    } else if constexpr (cap_bytes > 64) {
      if (n * sizeof(K) >= 16) return linear_find_sse2<sizeof(K)>(p, n, &q);
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

/// a[0, n) == b[0, n). Up to 16 bytes inline with two overlapping loads
/// (never outside [0, n)), no call into the C library.
inline bool linear_map_bytes_equal(const char* a, const char* b, std::size_t n) noexcept {
  if (n >= 8) {
    if (n > 16) return std::memcmp(a, b, n) == 0;
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

/// String keys: the length is compared first (one load for heapless::String
/// and std::string), the characters only when it matches.
template <class K>
constexpr std::size_t linear_find_string(const K* keys, std::size_t n, std::string_view q) noexcept {
  const std::size_t qn = q.size();
  if (HEAPLESS_IS_CONSTANT_EVALUATED()) {
    for (std::size_t i = 0; i < n; ++i) {
      if (std::string_view(keys[i]) == q) return i;
    }
    return n;
  }
  const char* const qd = q.data();
  for (std::size_t i = 0; i < n; ++i) {
    const std::string_view k = keys[i];
    if (k.size() == qn && linear_map_bytes_equal(k.data(), qd, qn)) return i;
  }
  return n;
}

/// Index of the first key in keys[0, n) equal to q, or n. Cap: capacity.
template <std::size_t Cap, class K, class Q>
constexpr std::size_t linear_find(const K* keys, std::size_t n, const Q& q) {
  if constexpr (linear_map_bitwise_key_v<K> && std::is_same_v<K, Q>) {
    return linear_find_bitwise<Cap>(keys, n, q);
  } else if constexpr (linear_map_bitwise_key_v<K> && linear_map_plain_integer_v<K> &&
                       linear_map_plain_integer_v<Q>) {
    if (!linear_map_representable<K>(q)) return n;
    const K k = static_cast<K>(q);
    return linear_find_bitwise<Cap>(keys, n, k);
  } else if constexpr (linear_map_string_key<K>::value && std::is_convertible_v<const Q&, std::string_view>) {
    return linear_find_string(keys, n, std::string_view(q));
  } else if constexpr (linear_map_char_pointer_v<Q> && linear_map_comparable<K, std::string_view>::value) {
    // Measure the C string once rather than once per key.
    return linear_find_portable(keys, n, std::string_view(q));
  } else {
    return linear_find_portable(keys, n, q);
  }
}

}  // namespace detail
}  // namespace heapless

#endif  // HEAPLESS_DETAIL_LINEAR_MAP_SCAN_HPP
