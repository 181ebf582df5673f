// SPDX-License-Identifier: BSL-1.0
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
// StringRef (end of this header) is a capacity-erased handle to a String<N>
// of any N, for non-template functions that build strings
// (`void log_line(heapless::StringRef out)`); docs/views.md.
//
// Costs: size() is one load and a subtraction; push_back is a compare and
// three byte stores (the char and its NUL as one 16-bit store on x86, AArch64
// and ARMv7-M and up, not -Os); append is a compare, a memmove (two 8-byte
// moves for 8 to 16 chars on 64-bit hosts) and two byte stores; ==, compare and find(char)
// are memcmp / memchr (== of 16 to 32 chars: four 8-byte words per side);
// find(substring) tests 8 candidates per step word-wide (memchr in long
// strings; detail/chars.hpp). Complexity is that of std::string. Not
// thread-safe (like std::string); the object may be shared read-only between
// threads and ISRs.
#ifndef HEAPLESS_STRING_HPP
#define HEAPLESS_STRING_HPP

#include <cstddef>           // std::size_t, std::ptrdiff_t
#include <cstdint>           // std::uintptr_t: detecting arguments that alias the buffer
#include <initializer_list>  // std::initializer_list<char> overloads
#include <string_view>       // std::string_view, std::char_traits, std::hash<std::string_view>
#include <type_traits>       // std::enable_if_t, std::is_integral_v, std::is_same_v
#include <utility>           // std::move (resize_and_overwrite's operation)

#include <heapless/detail/chars.hpp>     // detail::chars: mem* primitives, the substring search
#include <heapless/detail/config.hpp>    // HEAPLESS_IS_CONSTANT_EVALUATED, HEAPLESS_LIKELY, HEAPLESS_HAS_THREE_WAY
#include <heapless/detail/cstring.hpp>  // detail::mem_copy
#include <heapless/detail/error.hpp>     // detail::raise, HEAPLESS_ASSERT
#include <heapless/detail/iterator.hpp>  // std::reverse_iterator, iterator tags, std::distance
#include <heapless/detail/size.hpp>      // detail::smallest_size_t
#include <heapless/detail/storage.hpp>   // detail::empty_member
#include <heapless/split.hpp>            // SplitRange, split: String::split

// Whether x is a compile-time constant after inlining (false where unknown).
#if HEAPLESS_DETAIL_GNU
#define HEAPLESS_DETAIL_STRING_CONSTANT_P(x) __builtin_constant_p(x)
#else
#define HEAPLESS_DETAIL_STRING_CONSTANT_P(x) false
#endif

#if HEAPLESS_HAS_THREE_WAY
#include <compare>  // std::strong_ordering (C++20 <string_view> includes it already)
#endif

HEAPLESS_NAMESPACE_BEGIN

template <std::size_t N>
class String;
class StringRef;

namespace detail {

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
  static constexpr std::size_t cap() noexcept { return N; }
  constexpr char* buf() noexcept { return buf_; }
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
  static constexpr std::size_t cap() noexcept { return N; }
  constexpr char* buf() noexcept { return buf_; }
  constexpr std::size_t size() const noexcept { return size_; }
  constexpr std::size_t available() const noexcept { return N - size_; }
  constexpr void store_available(std::size_t a) noexcept { size_ = static_cast<smallest_size_t<N>>(N - a); }
  constexpr void set_size(std::size_t n) noexcept {
    buf_[n] = '\0';
    size_ = static_cast<smallest_size_t<N>>(n);
  }
};

// ---- Searches shared by String and StringRef -------------------------------
// Over the text [b, b + len); the results are std::string's.
struct string_find {
  static constexpr std::size_t npos = static_cast<std::size_t>(-1);
  static constexpr std::size_t clamp(std::size_t count, std::size_t max) noexcept { return count < max ? count : max; }

  static constexpr std::size_t find_char(const char* b, std::size_t len, char ch, std::size_t pos) noexcept {
    if (pos > len) return npos;  // pos == len: memchr of 0 bytes (folds away for pos == 0)
    const char* p = chars::find(b + pos, len - pos, ch);
    return p != nullptr ? static_cast<std::size_t>(p - b) : npos;
  }
  static constexpr std::size_t find(const char* b, std::size_t len, const char* s, std::size_t pos, std::size_t n) noexcept {
    if (n == 0) return pos <= len ? pos : npos;
    if (n == 1) return find_char(b, len, s[0], pos);
    if (pos >= len || n > len - pos) return npos;
    const char* const p = chars::search(b + pos, b + (len - n + 1), s, n);
    return p != nullptr ? static_cast<std::size_t>(p - b) : npos;
  }
  static constexpr std::size_t rfind(const char* b, std::size_t len, const char* s, std::size_t pos, std::size_t n) noexcept {
    if (n > len) return npos;
    std::size_t i = clamp(pos, len - n);
    for (;;) {
      if (chars::equal_any(b + i, s, n)) return i;
      if (i == 0) return npos;
      --i;
    }
  }
  static constexpr std::size_t rfind_char(const char* b, std::size_t len, char ch, std::size_t pos) noexcept {
    if (len == 0) return npos;
    for (std::size_t i = clamp(pos, len - 1) + 1; i-- > 0;)
      if (b[i] == ch) return i;
    return npos;
  }
  /// find_first_of (In) / find_first_not_of (!In).
  template <bool In>
  static constexpr std::size_t first_of(const char* b, std::size_t len, const char* s, std::size_t pos, std::size_t n) noexcept {
    if constexpr (In) {
      if (n == 1) return find_char(b, len, s[0], pos);
    }
    for (std::size_t i = pos; i < len; ++i)
      if ((chars::find_any(s, n, b[i]) != nullptr) == In) return i;
    return npos;
  }
  /// find_last_of (In) / find_last_not_of (!In).
  template <bool In>
  static constexpr std::size_t last_of(const char* b, std::size_t len, const char* s, std::size_t pos, std::size_t n) noexcept {
    if (len == 0 || (In && n == 0)) return npos;
    for (std::size_t i = clamp(pos, len - 1) + 1; i-- > 0;)
      if ((chars::find_any(s, n, b[i]) != nullptr) == In) return i;
    return npos;
  }
  static constexpr bool starts_with(const char* b, std::size_t len, std::string_view sv) noexcept {
    return sv.size() <= len && chars::equal_any(b, sv.data(), sv.size());
  }
  static constexpr bool ends_with(const char* b, std::size_t len, std::string_view sv) noexcept {
    return sv.size() <= len && chars::equal_any(b + (len - sv.size()), sv.data(), sv.size());
  }
};

// ---- Algorithms shared by String and StringRef ---------------------------
// Written once against a representation ("rep"): string_rep<N> for String,
// string_ref_rep for StringRef, both offering buf(), cap(), size(),
// available(), store_available(a) and set_size(n). For String the capacity
// is the constant N, so the code is what String's own members compiled to.
struct string_algo {
  // The append paths work on the free capacity (the stored byte for N < 256)
  // rather than the size: no decode/encode between appends.
  // Preconditions: room == r.available(), n <= room.
  // The source may lie in the string up to and including the terminating NUL
  // at end (s.append(s.c_str(), s.size() + 1)); it then overlaps the
  // destination, which starts at that NUL: memmove, or last byte first in
  // constant evaluation. (memmove rather than a test for the overlap: the
  // same code size as memcpy, and glibc's memcpy is its memmove.)
  template <class Rep>
  static constexpr void append_copy(Rep& r, const char* s, std::size_t n, std::size_t room) noexcept {
    char* const end = r.buf() + (r.cap() - room);
    if (HEAPLESS_IS_CONSTANT_EVALUATED()) {
      for (std::size_t i = n; i > 0; --i) end[i - 1] = s[i - 1];
    } else {
#if defined(__OPTIMIZE_SIZE__)
      // -Os/-Oz: a byte loop rather than memmove, which a program that only
      // appends would link for this alone (newlib-nano's is larger than the
      // whole append; docs/firmware.md).
      chars::copy_backward(end, s, n);
#else
      chars::move(end, s, n);
#endif
    }
    end[n] = '\0';
    r.store_available(room - n);
  }
  template <class Rep>
  static constexpr void append_fill(Rep& r, std::size_t n, char ch, std::size_t room) noexcept {
    char* const end = r.buf() + (r.cap() - room);
    chars::fill(end, n, ch);
    end[n] = '\0';
    r.store_available(room - n);
  }
  /// Appends [first, last) one char at a time; when the capacity runs out
  /// first, restores the size and returns false (nothing changed). The
  /// first char is stored last: the range may include the NUL at buf[size()],
  /// which must be read before it is overwritten (the chars after it are
  /// free space, in no valid range).
  template <class Rep, class It>
  static constexpr bool append_input(Rep& r, It first, It last) {
    const std::size_t cap = r.cap();
    const std::size_t old = r.size();
    char* const b = r.buf();
    std::size_t len = old;
    char head = '\0';
    for (; first != last; ++first) {
      if (HEAPLESS_UNLIKELY(len == cap)) {
        r.set_size(old);
        return false;
      }
      const char c = static_cast<char>(*first);
      if (len == old) head = c;
      else b[len] = c;
      ++len;
    }
    if (len != old) b[old] = head;
    r.set_size(len);
    return true;
  }
  /// Shrinks to n chars or appends n - size() copies of ch (n <= cap()).
  template <class Rep>
  static constexpr void resize(Rep& r, std::size_t n, char ch) noexcept {
    const std::size_t len = r.size();
    // n - len <= cap() states what n <= cap() and n > len imply, for GCC 12's
    // -Wstringop-overflow, which cannot bound size() (N minus a stored byte).
    if (n > len && n - len <= r.cap()) chars::fill(r.buf() + len, n - len, ch);
    r.set_size(n);
  }
  /// Removes [pos, pos + n) (pos + n <= size()).
  template <class Rep>
  static constexpr void erase(Rep& r, std::size_t pos, std::size_t n) noexcept {
    const std::size_t len = r.size();
    chars::move(r.buf() + pos, r.buf() + pos + n, len - pos - n);
    r.set_size(len - n);
  }
  /// Replaces [pos, pos + count) with n copies of ch (preconditions as replace).
  template <class Rep>
  static constexpr void replace_fill(Rep& r, std::size_t pos, std::size_t count, std::size_t n, char ch) noexcept {
    const std::size_t len = r.size();
    char* const p = r.buf() + pos;
    chars::move(p + n, p + count, len - pos - count);
    chars::fill(p, n, ch);
    r.set_size(len - count + n);
  }
  /// Whether [s, s + 1) lies inside r's buffer (run time only).
  template <class Rep>
  static bool inside(Rep& r, const char* s) noexcept {
    const auto b = reinterpret_cast<std::uintptr_t>(r.buf());
    const auto p = reinterpret_cast<std::uintptr_t>(s);
    return p >= b && p < b + (r.cap() + 1);
  }
  /// Replaces [pos, pos + count) with [s, s + n), at run time.
  /// Preconditions: pos <= size(), count <= size() - pos,
  /// size() - count + n <= cap(); with MayAlias = false, [s, s + n) does not
  /// overlap the buffer.
  template <bool MayAlias, class Rep>
  static void replace(Rep& r, std::size_t pos, std::size_t count, const char* s, std::size_t n) noexcept {
    char* const b = r.buf();
    char* const p = b + pos;
    const std::size_t len = r.size();
    const std::size_t tail = len - pos - count;
    if (!MayAlias || n <= count || !inside(r, s)) {
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
      // n - count). The terminating NUL moves too: the source may include it
      // (s.insert(0, s.c_str(), s.size() + 1)); it lands at the new size.
      detail::chars::move(p + n, p + count, tail + 1);
      const char* const moved_from = p + count;
      // s, with its origin hidden from the optimiser: g++ 11 otherwise checks
      // this branch against the object s came from (a literal, a temporary
      // that the caller's overlap test has already sent to the branch above)
      // and reports -Wstringop-overread at the caller, where no pragma here
      // reaches.
      const char* const src = detail::chars::opaque(s);
      if (src + n <= moved_from) {
        detail::chars::move(p, src, n);
      } else if (src >= moved_from) {
        detail::chars::move(p, src + (n - count), n);
      } else {
        const auto k = static_cast<std::size_t>(moved_from - src);  // bytes before the gap
        detail::chars::move(p, src, k);
        detail::chars::move(p + k, p + n, n - k);
      }
    }
    r.set_size(len - count + n);
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
  /// Character traits (std::char_traits<char>).
  using traits_type = std::char_traits<char>;
  /// Character type.
  using value_type = char;
  /// Size type.
  using size_type = std::size_t;
  /// Difference type.
  using difference_type = std::ptrdiff_t;
  /// Reference to a char.
  using reference = char&;
  /// Const reference to a char.
  using const_reference = const char&;
  /// Pointer to a char.
  using pointer = char*;
  /// Pointer to a const char.
  using const_pointer = const char*;
  /// Random-access iterator (a char pointer).
  using iterator = char*;
  /// Const random-access iterator (a const char pointer).
  using const_iterator = const char*;
  /// Reverse iterator.
  using reverse_iterator = std::reverse_iterator<iterator>;
  /// Const reverse iterator.
  using const_reverse_iterator = std::reverse_iterator<const_iterator>;

  /// "No position": returned by the searches when nothing is found; as a count, "to the end".
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
  /// From the chars of il. Raises length_error when il.size() > N.
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

  /// As assign(s).
  constexpr String& operator=(const char* s) { return assign(s); }
  /// As assign(sv).
  constexpr String& operator=(std::string_view sv) { return assign(sv); }
  /// Replaces the contents with the one char ch.
  constexpr String& operator=(char ch) { return assign(size_type{1}, ch); }
  /// As assign(il).
  constexpr String& operator=(std::initializer_list<char> il) { return assign(il.begin(), il.size()); }
  /// Replaces the contents with other's (a String of another capacity). Raises length_error when other.size() > N (then *this is unchanged).
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
  /// As assign(s, strlen(s)): s is NUL-terminated and non-null.
  constexpr String& assign(const char* s) { return assign(s, detail::chars::length(s)); }
  /// As assign(sv.data(), sv.size()).
  constexpr String& assign(std::string_view sv) { return assign(sv.data(), sv.size()); }
  /// Replaces the contents with sv.substr(pos, count); out_of_range when pos > sv.size().
  constexpr String& assign(std::string_view sv, size_type pos, size_type count = npos) {
    return assign(sub_(sv, pos, count));
  }
  /// Replaces the contents with count copies of ch. Raises length_error when count > N.
  constexpr String& assign(size_type count, char ch) {
    if (HEAPLESS_UNLIKELY(count > N)) detail::raise(error_kind::length_error, "heapless::String::assign: length exceeds capacity");
    detail::chars::fill(buf_(), count, ch);
    set_size_(count);
    return *this;
  }
  /// Replaces the contents with [first, last), which may point into *this. Raises length_error when longer than N (then *this is unchanged).
  template <class It, detail::if_input_iterator_t<It> = 0>
  constexpr String& assign(It first, It last) {
    String tmp(first, last);  // strong guarantee; the range may point into *this
    return *this = tmp;
  }
  /// Replaces the contents with the chars of il. Raises length_error when il.size() > N.
  constexpr String& assign(std::initializer_list<char> il) { return assign(il.begin(), il.size()); }

  /// Replaces the contents with sv when it fits; otherwise returns false and changes nothing.
  [[nodiscard]] constexpr bool try_assign(std::string_view sv) noexcept {
    if (sv.size() > N) return false;
    assign_unchecked_(sv.data(), sv.size());
    return true;
  }
  /// As try_assign(std::string_view(s, n)).
  [[nodiscard]] constexpr bool try_assign(const char* s, size_type n) noexcept {
    return try_assign(std::string_view(s, n));
  }
  /// Replaces the contents with count copies of ch when count <= N; otherwise returns false and changes nothing.
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
  /// As operator[](pos), read-only. Precondition (HEAPLESS_ASSERT): pos <= size().
  constexpr const_reference operator[](size_type pos) const noexcept {
    HEAPLESS_ASSERT(pos <= size(), "heapless::String::operator[]: index out of range");
    return buf_()[pos];
  }
  /// Raises out_of_range when pos >= size().
  constexpr reference at(size_type pos) {
    if (HEAPLESS_UNLIKELY(pos >= size())) detail::raise(error_kind::out_of_range, "heapless::String::at: index out of range");
    return buf_()[pos];
  }
  /// As at(pos), read-only. Raises out_of_range when pos >= size().
  constexpr const_reference at(size_type pos) const {
    if (HEAPLESS_UNLIKELY(pos >= size())) detail::raise(error_kind::out_of_range, "heapless::String::at: index out of range");
    return buf_()[pos];
  }
  /// Precondition (HEAPLESS_ASSERT): !empty().
  constexpr reference front() noexcept {
    HEAPLESS_ASSERT(!empty(), "heapless::String::front: empty string");
    return buf_()[0];
  }
  /// The first char, read-only. Precondition (HEAPLESS_ASSERT): !empty().
  constexpr const_reference front() const noexcept {
    HEAPLESS_ASSERT(!empty(), "heapless::String::front: empty string");
    return buf_()[0];
  }
  /// Precondition (HEAPLESS_ASSERT): !empty().
  constexpr reference back() noexcept {
    HEAPLESS_ASSERT(!empty(), "heapless::String::back: empty string");
    return buf_()[size() - 1];
  }
  /// The last char, read-only. Precondition (HEAPLESS_ASSERT): !empty().
  constexpr const_reference back() const noexcept {
    HEAPLESS_ASSERT(!empty(), "heapless::String::back: empty string");
    return buf_()[size() - 1];
  }
  /// Always NUL-terminated: data()[size()] == '\0'. Do not write that byte
  /// (or past it) through the pointer: the length lives there when not full.
  constexpr char* data() noexcept { return buf_(); }
  /// The chars, read-only; NUL-terminated.
  constexpr const char* data() const noexcept { return buf_(); }
  /// Same as data() const: the NUL-terminated contents.
  constexpr const char* c_str() const noexcept { return buf_(); }
  /// The contents as a std::string_view (implicit, as std::string's).
  constexpr operator std::string_view() const noexcept { return {buf_(), size()}; }  // NOLINT: implicit like std::string
  /// The contents as a std::string_view (same as the implicit conversion).
  constexpr std::string_view view() const noexcept { return {buf_(), size()}; }

  // ---- Iterators ----------------------------------------------------

  /// Iterator to the first char.
  constexpr iterator begin() noexcept { return buf_(); }
  /// Const iterator to the first char.
  constexpr const_iterator begin() const noexcept { return buf_(); }
  /// Same as begin() const.
  constexpr const_iterator cbegin() const noexcept { return buf_(); }
  /// Iterator past the last char.
  constexpr iterator end() noexcept { return buf_() + size(); }
  /// Const iterator past the last char.
  constexpr const_iterator end() const noexcept { return buf_() + size(); }
  /// Same as end() const.
  constexpr const_iterator cend() const noexcept { return buf_() + size(); }
  /// Reverse iterator to the last char.
  constexpr reverse_iterator rbegin() noexcept { return reverse_iterator(end()); }
  /// Const reverse iterator to the last char.
  constexpr const_reverse_iterator rbegin() const noexcept { return const_reverse_iterator(end()); }
  /// Same as rbegin() const.
  constexpr const_reverse_iterator crbegin() const noexcept { return const_reverse_iterator(end()); }
  /// Reverse iterator before the first char.
  constexpr reverse_iterator rend() noexcept { return reverse_iterator(begin()); }
  /// Const reverse iterator before the first char.
  constexpr const_reverse_iterator rend() const noexcept { return const_reverse_iterator(begin()); }
  /// Same as rend() const.
  constexpr const_reverse_iterator crend() const noexcept { return const_reverse_iterator(begin()); }

  // ---- Capacity ([string.capacity]) ----------------------------------

  /// true when size() == 0.
  [[nodiscard]] constexpr bool empty() const noexcept { return size() == 0; }
  /// true when size() == N: nothing more can be appended.
  [[nodiscard]] constexpr bool full() const noexcept { return size() == N; }
  /// The number of chars (excluding the NUL).
  constexpr size_type size() const noexcept { return rep_.size(); }
  /// Same as size().
  constexpr size_type length() const noexcept { return rep_.size(); }
  /// The maximum number of chars (N).
  static constexpr size_type capacity() noexcept { return N; }
  /// Same as capacity().
  static constexpr size_type max_size() noexcept { return N; }
  /// Chars that can still be appended: N - size().
  constexpr size_type available() const noexcept { return rep_.available(); }
  /// For std::string compatibility: raises length_error when n > N, else does nothing.
  constexpr void reserve(size_type n) const {
    if (HEAPLESS_UNLIKELY(n > N)) detail::raise(error_kind::length_error, "heapless::String::reserve: exceeds capacity");
  }
  /// Does nothing: the capacity is fixed.
  constexpr void shrink_to_fit() noexcept {}

  // ---- Modifiers ([string.modifiers]) --------------------------------

  /// Makes the string empty. O(1).
  constexpr void clear() noexcept { set_size_(0); }

  /// Raises length_error when full.
  constexpr void push_back(char ch) {
    if (HEAPLESS_UNLIKELY(!try_push_back(ch))) detail::raise(error_kind::length_error, "heapless::String::push_back: full");
  }
  /// Appends ch unless full; returns whether it did.
  [[nodiscard]] constexpr bool try_push_back(char ch) noexcept {
    if (HEAPLESS_LIKELY(push_fast_(ch))) return true;
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
    if constexpr (detail::chars::word_paths && N < 256) {
      // 8 to 16 chars of a length known only at run time, on 64-bit hosts:
      // two word copies instead of a memcpy call (a constant length is
      // inlined by memcpy), and the stored byte used as is when valid.
      const size_type a = rep_.stored_free();
      if (!HEAPLESS_IS_CONSTANT_EVALUATED() && !HEAPLESS_DETAIL_STRING_CONSTANT_P(n) && n - 8 <= 8 && n <= a && a <= N) {
        char* const end = buf_() + (N - a);
        detail::chars::copy_8_16(end, s, n);
        end[n] = '\0';
        rep_.store_available(a - n);
        return *this;
      }
    }
    const size_type room = available();
    if (HEAPLESS_UNLIKELY(n > room)) detail::raise(error_kind::length_error, "heapless::String::append: exceeds capacity");
    append_copy_(s, n, room);
    return *this;
  }
  /// As append(s, strlen(s)): s is NUL-terminated and non-null.
  constexpr String& append(const char* s) { return append(s, detail::chars::length(s)); }
  /// As append(sv.data(), sv.size()).
  constexpr String& append(std::string_view sv) { return append(sv.data(), sv.size()); }
  /// Appends sv.substr(pos, count); out_of_range when pos > sv.size().
  constexpr String& append(std::string_view sv, size_type pos, size_type count = npos) {
    return append(sub_(sv, pos, count));
  }
  /// Appends count copies of ch. Raises length_error when size() + count > N (then *this is unchanged).
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
      // The first char is stored last: a range over *this may include the
      // terminating NUL at buf_()[len], which must be read before it is
      // overwritten (the chars after it are free space, in no valid range).
      if (count != 0) {
        const char head = static_cast<char>(*first);
        char* p = buf_() + len + 1;
        for (++first; first != last; ++first) *p++ = static_cast<char>(*first);
        buf_()[len] = head;
      }
      set_size_(len + count);
      return *this;
    } else {
      if (HEAPLESS_UNLIKELY(!detail::string_algo::append_input(rep_, first, last)))
        detail::raise(error_kind::length_error, "heapless::String::append: exceeds capacity");
      return *this;
    }
  }
  /// Appends the chars of il. Raises length_error when they do not fit (then *this is unchanged).
  constexpr String& append(std::initializer_list<char> il) { return append(il.begin(), il.size()); }

  /// As push_back(ch): raises length_error when full.
  constexpr String& operator+=(char ch) {
    push_back(ch);
    return *this;
  }
  /// As append(s).
  constexpr String& operator+=(const char* s) { return append(s); }
  /// As append(sv).
  constexpr String& operator+=(std::string_view sv) { return append(sv.data(), sv.size()); }
  /// As append(il).
  constexpr String& operator+=(std::initializer_list<char> il) { return append(il.begin(), il.size()); }

  /// Appends [s, s + n) when it fits; otherwise returns false and changes nothing.
  [[nodiscard]] constexpr bool try_append(const char* s, size_type n) noexcept {
    const size_type room = available();
    if (n > room) return false;
    append_copy_(s, n, room);
    return true;
  }
  /// As try_append(sv.data(), sv.size()).
  [[nodiscard]] constexpr bool try_append(std::string_view sv) noexcept { return try_append(sv.data(), sv.size()); }
  /// Appends count copies of ch when they fit; otherwise returns false and changes nothing.
  [[nodiscard]] constexpr bool try_append(size_type count, char ch) noexcept {
    const size_type room = available();
    if (count > room) return false;
    append_fill_(count, ch, room);
    return true;
  }
  /// As try_push_back(ch).
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
  /// As unchecked_append(sv.data(), sv.size()). Precondition (HEAPLESS_ASSERT): size() + sv.size() <= N.
  constexpr String& unchecked_append(std::string_view sv) noexcept { return unchecked_append(sv.data(), sv.size()); }

  /// Inserts count copies of ch before pos. out_of_range when pos > size();
  /// length_error when the result would exceed N. O(size()).
  constexpr String& insert(size_type pos, size_type count, char ch) { return replace(pos, 0, count, ch); }
  /// Inserts [s, s + n) before pos; s may point into *this.
  constexpr String& insert(size_type pos, const char* s, size_type n) { return replace(pos, 0, s, n); }
  /// As insert(pos, s, strlen(s)): s is NUL-terminated and non-null.
  constexpr String& insert(size_type pos, const char* s) { return replace(pos, 0, s, detail::chars::length(s)); }
  /// As insert(pos, sv.data(), sv.size()).
  constexpr String& insert(size_type pos, std::string_view sv) { return replace(pos, 0, sv.data(), sv.size()); }
  /// Inserts sv.substr(subpos, subcount) before pos; out_of_range when subpos > sv.size() or pos > size().
  constexpr String& insert(size_type pos, std::string_view sv, size_type subpos, size_type subcount = npos) {
    return insert(pos, sub_(sv, subpos, subcount));
  }
  /// Inserts ch before p; returns an iterator to it. length_error when full.
  template <class P, detail::if_iterator_t<P> = 0>
  constexpr iterator insert(P p, char ch) {
    return insert(p, size_type{1}, ch);
  }
  /// Inserts count copies of ch before p; returns an iterator to the first one (p if count == 0). length_error when they do not fit.
  template <class P, detail::if_iterator_t<P> = 0>
  constexpr iterator insert(P p, size_type count, char ch) {
    replace(index_of_(p), 0, count, ch);
    return position_(p);
  }
  /// Inserts [first, last) (which may point into *this) before p; returns an iterator to the first inserted char. length_error when it does not fit.
  template <class P, class It, detail::if_iterator_t<P> = 0, detail::if_input_iterator_t<It> = 0>
  constexpr iterator insert(P p, It first, It last) {
    const size_type pos = index_of_(p);
    const String tmp(first, last);  // the range may point into *this
    replace(pos, 0, tmp.data(), tmp.size());
    return position_(p);
  }
  /// Inserts the chars of il before p; returns an iterator to the first inserted char. length_error when they do not fit.
  template <class P, detail::if_iterator_t<P> = 0>
  constexpr iterator insert(P p, std::initializer_list<char> il) {
    replace_checked_<false>(index_of_(p), 0, il.begin(), il.size());
    return position_(p);
  }

  /// Inserts sv before pos when it fits; otherwise returns false and changes
  /// nothing. pos > size() still raises out_of_range (a bug, not a full string).
  [[nodiscard]] constexpr bool try_insert(size_type pos, std::string_view sv) {
    check_pos_(pos, "heapless::String::try_insert: position out of range");
    if (sv.size() > N - size()) return false;
    replace_unchecked_(pos, 0, sv.data(), sv.size());
    return true;
  }
  /// Inserts count copies of ch before pos when they fit; otherwise returns false and changes nothing. pos > size() still raises out_of_range.
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
    detail::string_algo::erase(rep_, pos, clamp_(count, len - pos));
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
    return position_(p);
  }
  /// Removes [first, last); returns an iterator to the char that followed them. Precondition (HEAPLESS_ASSERT): a valid range in *this.
  template <class P, class Q, detail::if_iterators_t<P, Q> = 0>
  constexpr iterator erase(P first, Q last) noexcept {
    const size_type pos = index_of_(first);
    const size_type end_pos = index_of_(last);
    HEAPLESS_ASSERT(pos <= end_pos, "heapless::String::erase: invalid range");
    const size_type len = size();
    detail::chars::move(buf_() + pos, buf_() + end_pos, len - end_pos);
    set_size_(len - (end_pos - pos));
    return position_(first);
  }

  /// Replaces [pos, pos + min(count, size() - pos)) with [s, s + n); s may
  /// point into *this. out_of_range when pos > size(); length_error when the
  /// result would exceed N (then *this is unchanged). O(size()).
  constexpr String& replace(size_type pos, size_type count, const char* s, size_type n) {
    return replace_checked_<true>(pos, count, s, n);
  }
  /// As replace(pos, count, s, strlen(s)): s is NUL-terminated and non-null.
  constexpr String& replace(size_type pos, size_type count, const char* s) {
    return replace(pos, count, s, detail::chars::length(s));
  }
  /// As replace(pos, count, sv.data(), sv.size()).
  constexpr String& replace(size_type pos, size_type count, std::string_view sv) {
    return replace(pos, count, sv.data(), sv.size());
  }
  /// As replace(pos, count, sv.substr(subpos, subcount)); out_of_range when subpos > sv.size().
  constexpr String& replace(size_type pos, size_type count, std::string_view sv, size_type subpos,
                            size_type subcount = npos) {
    return replace(pos, count, sub_(sv, subpos, subcount));
  }
  /// Replaces [pos, pos + min(count, size() - pos)) with count2 copies of ch. out_of_range when pos > size(); length_error when the result would exceed N.
  constexpr String& replace(size_type pos, size_type count, size_type count2, char ch) {
    check_pos_(pos, "heapless::String::replace: position out of range");
    const size_type len = size();
    count = clamp_(count, len - pos);
    if (HEAPLESS_UNLIKELY(count2 > N - (len - count))) detail::raise(error_kind::length_error, "heapless::String::replace: exceeds capacity");
    replace_fill_unchecked_(pos, count, count2, ch);
    return *this;
  }
  /// Replaces [first, last) with sv; see replace(pos, count, s, n).
  template <class P, class Q, detail::if_iterators_t<P, Q> = 0>
  constexpr String& replace(P first, Q last, std::string_view sv) {
    return replace(index_of_(first), range_len_(first, last), sv.data(), sv.size());
  }
  /// Replaces [first, last) with [s, s + n); see replace(pos, count, s, n).
  template <class P, class Q, detail::if_iterators_t<P, Q> = 0>
  constexpr String& replace(P first, Q last, const char* s, size_type n) {
    return replace(index_of_(first), range_len_(first, last), s, n);
  }
  /// Replaces [first, last) with the NUL-terminated s; see replace(pos, count, s, n).
  template <class P, class Q, detail::if_iterators_t<P, Q> = 0>
  constexpr String& replace(P first, Q last, const char* s) {
    return replace(index_of_(first), range_len_(first, last), s, detail::chars::length(s));
  }
  /// Replaces [first, last) with count2 copies of ch. length_error when the result would exceed N.
  template <class P, class Q, detail::if_iterators_t<P, Q> = 0>
  constexpr String& replace(P first, Q last, size_type count2, char ch) {
    return replace(index_of_(first), range_len_(first, last), count2, ch);
  }
  /// Replaces [first, last) with [first2, last2), which may point into *this; see replace(pos, count, s, n).
  template <class P, class Q, class It, detail::if_iterators_t<P, Q> = 0, detail::if_input_iterator_t<It> = 0>
  constexpr String& replace(P first, Q last, It first2, It last2) {
    const String tmp(first2, last2);  // the range may point into *this
    return replace(index_of_(first), range_len_(first, last), tmp.data(), tmp.size());
  }
  /// Replaces [first, last) with the chars of il; see replace(pos, count, s, n).
  template <class P, class Q, detail::if_iterators_t<P, Q> = 0>
  constexpr String& replace(P first, Q last, std::initializer_list<char> il) {
    return replace_checked_<false>(index_of_(first), range_len_(first, last), il.begin(), il.size());
  }

  /// Copies min(count, size() - pos) chars to dest (no NUL added) and returns
  /// that number; dest may point into *this. out_of_range when pos > size().
  constexpr size_type copy(char* dest, size_type count, size_type pos = 0) const {
    check_pos_(pos, "heapless::String::copy: position out of range");
    const size_type n = clamp_(count, size() - pos);
    if (HEAPLESS_IS_CONSTANT_EVALUATED()) copy_constexpr_(dest, pos, n);
    else detail::chars::move(dest, buf_() + pos, n);
    return n;
  }

  /// Shrinks to n chars or appends n - size() copies of ch. length_error when n > N.
  constexpr void resize(size_type n, char ch) {
    if (HEAPLESS_UNLIKELY(n > N)) detail::raise(error_kind::length_error, "heapless::String::resize: exceeds capacity");
    detail::string_algo::resize(rep_, n, ch);
  }
  /// As resize(n, '\0').
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

  /// Exchanges the contents of the two strings. O(N) (copies of the whole object).
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
    return detail::string_find::find(buf_(), size(), s, pos, n);
  }
  /// As find(sv.data(), pos, sv.size()).
  constexpr size_type find(std::string_view sv, size_type pos = 0) const noexcept { return find(sv.data(), pos, sv.size()); }
  /// First occurrence of ch at or after pos, or npos.
  constexpr size_type find(char ch, size_type pos = 0) const noexcept {
    return detail::string_find::find_char(buf_(), size(), ch, pos);
  }

  /// Last occurrence of [s, s + n) starting at or before pos, or npos.
  constexpr size_type rfind(const char* s, size_type pos, size_type n) const noexcept {
    return detail::string_find::rfind(buf_(), size(), s, pos, n);
  }
  /// As rfind(sv.data(), pos, sv.size()).
  constexpr size_type rfind(std::string_view sv, size_type pos = npos) const noexcept { return rfind(sv.data(), pos, sv.size()); }
  /// Last occurrence of ch at or before pos, or npos.
  constexpr size_type rfind(char ch, size_type pos = npos) const noexcept {
    return detail::string_find::rfind_char(buf_(), size(), ch, pos);
  }

  /// First char at or after pos that is one of [s, s + n), or npos.
  constexpr size_type find_first_of(const char* s, size_type pos, size_type n) const noexcept {
    return detail::string_find::first_of<true>(buf_(), size(), s, pos, n);
  }
  /// As find_first_of(sv.data(), pos, sv.size()).
  constexpr size_type find_first_of(std::string_view sv, size_type pos = 0) const noexcept {
    return find_first_of(sv.data(), pos, sv.size());
  }
  /// Same as find(ch, pos).
  constexpr size_type find_first_of(char ch, size_type pos = 0) const noexcept { return find(ch, pos); }

  /// Last char at or before pos that is one of [s, s + n), or npos.
  constexpr size_type find_last_of(const char* s, size_type pos, size_type n) const noexcept {
    return detail::string_find::last_of<true>(buf_(), size(), s, pos, n);
  }
  /// As find_last_of(sv.data(), pos, sv.size()).
  constexpr size_type find_last_of(std::string_view sv, size_type pos = npos) const noexcept {
    return find_last_of(sv.data(), pos, sv.size());
  }
  /// Same as rfind(ch, pos).
  constexpr size_type find_last_of(char ch, size_type pos = npos) const noexcept { return rfind(ch, pos); }

  /// First char at or after pos that is not one of [s, s + n), or npos.
  constexpr size_type find_first_not_of(const char* s, size_type pos, size_type n) const noexcept {
    return detail::string_find::first_of<false>(buf_(), size(), s, pos, n);
  }
  /// As find_first_not_of(sv.data(), pos, sv.size()).
  constexpr size_type find_first_not_of(std::string_view sv, size_type pos = 0) const noexcept {
    return find_first_not_of(sv.data(), pos, sv.size());
  }
  /// First char at or after pos that is not ch, or npos.
  constexpr size_type find_first_not_of(char ch, size_type pos = 0) const noexcept {
    return find_first_not_of(&ch, pos, 1);
  }

  /// Last char at or before pos that is not one of [s, s + n), or npos.
  constexpr size_type find_last_not_of(const char* s, size_type pos, size_type n) const noexcept {
    return detail::string_find::last_of<false>(buf_(), size(), s, pos, n);
  }
  /// As find_last_not_of(sv.data(), pos, sv.size()).
  constexpr size_type find_last_not_of(std::string_view sv, size_type pos = npos) const noexcept {
    return find_last_not_of(sv.data(), pos, sv.size());
  }
  /// Last char at or before pos that is not ch, or npos.
  constexpr size_type find_last_not_of(char ch, size_type pos = npos) const noexcept {
    return find_last_not_of(&ch, pos, 1);
  }

  /// true when the string begins with sv.
  constexpr bool starts_with(std::string_view sv) const noexcept {
    return detail::string_find::starts_with(buf_(), size(), sv);
  }
  /// true when the string is not empty and begins with ch.
  constexpr bool starts_with(char ch) const noexcept { return !empty() && buf_()[0] == ch; }
  /// true when the string ends with sv.
  constexpr bool ends_with(std::string_view sv) const noexcept {
    return detail::string_find::ends_with(buf_(), size(), sv);
  }
  /// true when the string is not empty and ends with ch.
  constexpr bool ends_with(char ch) const noexcept { return !empty() && buf_()[size() - 1] == ch; }
  /// true when sv occurs in the string (find(sv) != npos).
  constexpr bool contains(std::string_view sv) const noexcept { return find(sv) != npos; }
  /// true when ch occurs in the string.
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
  /// Three-way comparison with other: <0, 0 or >0 (only the sign is specified).
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
  /// Compares substr(pos, count) with sv.substr(pos2, count2); out_of_range when pos > size() or pos2 > sv.size().
  constexpr int compare(size_type pos, size_type count, std::string_view sv, size_type pos2,
                        size_type count2 = npos) const {
    return compare(pos, count, sub_(sv, pos2, count2));
  }
  /// Compares substr(pos, count) with [s, s + n); out_of_range when pos > size().
  constexpr int compare(size_type pos, size_type count, const char* s, size_type n) const {
    return compare(pos, count, std::string_view(s, n));
  }

  // ---- Splitting into tokens (split.hpp) ------------------------------------
  /// The tokens between occurrences of sep, as std::string_views into *this,
  /// found lazily (split.hpp: n separators give n + 1 tokens, empty ones
  /// included). Changing *this invalidates them. O(size()) for a full pass.
  constexpr SplitRange<char> split(char sep) const& noexcept { return heapless::split(*this, sep); }
  /// As split(char); an empty sep never matches (one token: the whole text).
  constexpr SplitRange<std::string_view> split(std::string_view sep) const& noexcept {
    return heapless::split(*this, sep);
  }
  /// Deleted: the tokens would point into a destroyed temporary.
  void split(char) const&& = delete;
  /// Deleted: the tokens would point into a destroyed temporary.
  void split(std::string_view) const&& = delete;
  // ---- End of splitting ------------------------------------------------------

 private:
  template <std::size_t>
  friend class String;
  friend class StringRef;
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

  // Preconditions: room == available(), n <= room (detail::string_algo).
  constexpr void append_copy_(const char* s, size_type n, size_type room) noexcept {
    detail::string_algo::append_copy(rep_, s, n, room);
  }
  constexpr void append_fill_(size_type n, char ch, size_type room) noexcept {
    detail::string_algo::append_fill(rep_, n, ch, room);
  }

  // push_back's common case for 0 < N < 256, written so that in a loop of
  // pushes the compiler keeps the stored byte in a register and updates it in
  // place. left = (stored byte) - 1, wrapped to 8 bits, is the free capacity
  // after the push; it is below N exactly when the push fits (a full
  // string's 0 wraps to 255, and a byte above N, never written by a String
  // but possibly brought by memcpy or DMA, lands at or above N too).
  //  * The slot N - 1 - left is formed as (left ^ M) + (N - 1 - M), M an
  //    all-ones value >= N - 1 (so left ^ M == M - left): an xor and an
  //    address displacement, where N - 1 - left costs a copy of the base
  //    pointer and a subtraction on x86. clang gets the smallest such M;
  //    where that is 255 (N > 128) it would fold the xor back into the
  //    subtraction, and N - (stored byte) is then one instruction shorter.
  //    GCC gets 255 (it then emits a zero-extending move and an xor).
  //  * clang: the case left >= N is finished here from left alone (full when
  //    left == 255, else a byte above N, which size() decodes as 0: the push
  //    goes to the front), so the byte read before the test is dead after it
  //    and no copy of it is kept. GCC keeps the loop tighter when that case
  //    returns false to the general path.
  //  * The char and its NUL are one 16-bit store where unaligned stores are
  //    cheap (HEAPLESS_DETAIL_STRING_SWAR: little-endian), else two stores.
  // Returns false, changing nothing, when the caller must take the general
  // path. Builds optimised for size (-Os) keep the general path only: the
  // fast path would be a second inlined copy of the push at every call.
#if defined(__OPTIMIZE_SIZE__)
  static constexpr bool push_fast_enabled_ = false;
#else
  static constexpr bool push_fast_enabled_ = N != 0 && N < 256;
#endif
  static constexpr size_type push_mask_() noexcept {
#if defined(__clang__)
    size_type m = 0;
    while (m < N - 1) m = m * 2 + 1;
    return m;
#else
    return 0xFF;
#endif
  }
  constexpr bool push_fast_(char ch) noexcept {
    if constexpr (push_fast_enabled_) {
      const unsigned char left = static_cast<unsigned char>(rep_.stored_free() - 1u);
      if (HEAPLESS_UNLIKELY(left >= N)) {
#if defined(__clang__)
        if (left == 0xFF) return false;  // full
        append_fill_(1, ch, N);
        return true;
#else
        return false;
#endif
      }
      constexpr size_type mask = push_mask_();
#if defined(__clang__)
      constexpr bool by_xor = mask != 0xFF;  // else clang does better from the byte read first
#else
      constexpr bool by_xor = true;
#endif
      char* const end = by_xor ? buf_() + ((static_cast<size_type>(left) ^ mask) + (N - 1 - mask))
                               : buf_() + (N - rep_.stored_free());
#if HEAPLESS_DETAIL_STRING_SWAR
      if (!HEAPLESS_IS_CONSTANT_EVALUATED()) {
        const unsigned short pair = static_cast<unsigned char>(ch);  // ch, then the NUL (little-endian)
        detail::mem_copy(end, &pair, 2);
      } else
#endif
      {
        end[0] = ch;
        end[1] = '\0';
      }
      rep_.store_available(left);
      return true;
    } else {
      static_cast<void>(ch);
      return false;
    }
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
  /// The iterator a member returns for the caller's position p: p itself,
  /// never buf_() + index_of_(p). GCC 12's IPA modref records early that p is
  /// not returned, then folds buf_() + (p - buf_()) to p and keeps the stale
  /// record, so callers fold comparisons of the result to false
  /// (docs/design.md, "Positions returned from arguments").
  static constexpr iterator position_(const_iterator p) noexcept { return const_cast<iterator>(p); }
  static constexpr size_type range_len_(const_iterator first, const_iterator last) noexcept {
    HEAPLESS_ASSERT(first <= last, "heapless::String: invalid iterator range");
    return static_cast<size_type>(last - first);
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

  // copy() in constant evaluation, where dest may alias *this and no pointer
  // comparison tells: through a local array.
  constexpr void copy_constexpr_(char* dest, size_type pos, size_type n) const noexcept {
    char tmp[N + 1]{};
    for (size_type i = 0; i < n; ++i) tmp[i] = buf_()[pos + i];
    for (size_type i = 0; i < n; ++i) dest[i] = tmp[i];
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
    detail::string_algo::replace<MayAlias>(rep_, pos, count, s, n);
  }

  constexpr void replace_fill_unchecked_(size_type pos, size_type count, size_type n, char ch) noexcept {
    detail::string_algo::replace_fill(rep_, pos, count, n, ch);
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
    if constexpr (detail::chars::word_paths && N >= 16) {
      // 16 to 32 chars inline; a byte of N or above makes n - 16 wrap past 16.
      const std::size_t n = N - free_a;
      if (!HEAPLESS_IS_CONSTANT_EVALUATED() && n - 16 <= 16)
        return detail::chars::equal_16_32(a.data(), b.data(), n);
    }
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

// Generates operator op (one of < <= > >=) for String against String,
// std::string_view and const char*, both ways round; == and != are written
// out above and below.
#define HEAPLESS_DETAIL_STRING_ORDERING_OPERATORS(op)                                               \
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
HEAPLESS_DETAIL_STRING_ORDERING_OPERATORS(<)
HEAPLESS_DETAIL_STRING_ORDERING_OPERATORS(<=)
HEAPLESS_DETAIL_STRING_ORDERING_OPERATORS(>)
HEAPLESS_DETAIL_STRING_ORDERING_OPERATORS(>=)
#undef HEAPLESS_DETAIL_STRING_ORDERING_OPERATORS

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

// ---- Capacity erasure: StringRef -----------------------------------------
namespace detail {
/// StringRef's representation (the interface of string_algo): another
/// String's buffer, capacity and length, in whichever encoding that String
/// uses. width == 0: N < 256, the free-capacity byte at buf[cap]; 2, 4 or 8:
/// N >= 256, a length of that many bytes at `length` (after the buffer).
struct string_ref_rep {
  char* buf_;
  void* length_;
  std::size_t cap_;
  unsigned char width_;

  std::size_t cap() const noexcept { return cap_; }
  char* buf() const noexcept { return buf_; }
  std::size_t available() const noexcept {
    if (HEAPLESS_LIKELY(width_ == 0)) {
      // As string_rep: a corrupted byte above N reads as "empty".
      const std::size_t a = static_cast<unsigned char>(buf_[cap_]);
      return a <= cap_ ? a : cap_;
    }
    return cap_ - stored_size_();
  }
  std::size_t size() const noexcept { return cap_ - available(); }
  void store_available(std::size_t a) const noexcept {
    if (HEAPLESS_LIKELY(width_ == 0)) buf_[cap_] = static_cast<char>(static_cast<unsigned char>(a));
    else store_size_(cap_ - a);
  }
  void set_size(std::size_t n) const noexcept {
    buf_[n] = '\0';
    store_available(cap_ - n);
  }

 private:
  std::size_t stored_size_() const noexcept {
    switch (width_) {
      case 2: return *static_cast<const std::uint16_t*>(length_);
      case 4: return *static_cast<const std::uint32_t*>(length_);
      default: return static_cast<std::size_t>(*static_cast<const std::uint64_t*>(length_));
    }
  }
  void store_size_(std::size_t n) const noexcept {
    switch (width_) {
      case 2: *static_cast<std::uint16_t*>(length_) = static_cast<std::uint16_t>(n); break;
      case 4: *static_cast<std::uint32_t*>(length_) = static_cast<std::uint32_t>(n); break;
      default: *static_cast<std::uint64_t*>(length_) = n; break;
    }
  }
};
}  // namespace detail

/// A non-owning handle to a String<N> of any capacity N: one non-template
/// function can build strings of every size (`void log_line(StringRef out)
/// { format_to(out, ...); }`). Built on demand from a String<N>& (implicit),
/// it is a pointer to the buffer, the capacity, and where and how the String
/// keeps its length (the free-capacity byte for N < 256, a 2-, 4- or 8-byte
/// length above); valid while the String lives and is not moved. The
/// modifying members run the same code as String's (detail::string_algo),
/// with String's errors (length_error past the capacity, out_of_range for a
/// position past size()); the text stays NUL-terminated.
///
/// A `const StringRef` is read-only (its modifying members are non-const);
/// for read-only callers std::string_view is the view of choice, and a
/// StringRef converts to one.
class StringRef {
 public:
  using traits_type = std::char_traits<char>;  ///< as String's
  using value_type = char;                     ///< as String's
  using size_type = std::size_t;               ///< as String's
  using difference_type = std::ptrdiff_t;      ///< as String's
  using reference = char&;                     ///< as String's
  using const_reference = const char&;         ///< as String's
  using pointer = char*;                       ///< as String's
  using const_pointer = const char*;           ///< as String's
  using iterator = char*;                      ///< into the String's buffer
  using const_iterator = const char*;          ///< into the String's buffer
  /// Returned by the searches when nothing is found.
  static constexpr size_type npos = static_cast<size_type>(-1);

  /// Refers to s (implicit, so a String<N>& converts at a call).
  template <std::size_t N>
  StringRef(String<N>& s) noexcept  // NOLINT: implicit on purpose
      : rep_{s.rep_.buf_, length_of(s), N, width_of<N>()} {}

  // ---- Access -------------------------------------------------------------
  /// The String's size().
  size_type size() const noexcept { return rep_.size(); }
  /// Same as size().
  size_type length() const noexcept { return rep_.size(); }
  /// The String's N.
  size_type capacity() const noexcept { return rep_.cap(); }
  /// The String's N.
  size_type max_size() const noexcept { return rep_.cap(); }
  /// capacity() - size(): chars that still fit.
  size_type available() const noexcept { return rep_.available(); }
  /// True when size() == 0.
  [[nodiscard]] bool empty() const noexcept { return rep_.available() == rep_.cap(); }
  /// True when size() == capacity().
  [[nodiscard]] bool full() const noexcept { return rep_.available() == 0; }
  /// The String's characters, NUL-terminated.
  char* data() noexcept { return rep_.buf(); }
  /// The String's characters, NUL-terminated.
  const char* data() const noexcept { return rep_.buf(); }
  /// NUL-terminated contents.
  const char* c_str() const noexcept { return rep_.buf(); }
  /// The contents as a view.
  operator std::string_view() const noexcept { return std::string_view(rep_.buf(), size()); }  // NOLINT
  /// The contents as a view.
  std::string_view view() const noexcept { return std::string_view(rep_.buf(), size()); }
  /// First char.
  iterator begin() noexcept { return rep_.buf(); }
  /// Past the last char.
  iterator end() noexcept { return rep_.buf() + size(); }
  /// First char.
  const_iterator begin() const noexcept { return rep_.buf(); }
  /// Past the last char.
  const_iterator end() const noexcept { return rep_.buf() + size(); }
  /// First char, read-only.
  const_iterator cbegin() const noexcept { return begin(); }
  /// Past the last char, read-only.
  const_iterator cend() const noexcept { return end(); }
  /// Precondition (HEAPLESS_ASSERT): i <= size() (i == size(): the NUL).
  reference operator[](size_type i) noexcept {
    HEAPLESS_ASSERT(i <= size(), "heapless::StringRef::operator[]: index out of range");
    return rep_.buf()[i];
  }
  /// Precondition (HEAPLESS_ASSERT): i <= size() (i == size(): the NUL).
  const_reference operator[](size_type i) const noexcept {
    HEAPLESS_ASSERT(i <= size(), "heapless::StringRef::operator[]: index out of range");
    return rep_.buf()[i];
  }
  /// Raises out_of_range when i >= size().
  reference at(size_type i) {
    if (HEAPLESS_UNLIKELY(i >= size())) detail::raise(error_kind::out_of_range, "heapless::StringRef::at: index out of range");
    return rep_.buf()[i];
  }
  /// Raises out_of_range when i >= size().
  const_reference at(size_type i) const {
    if (HEAPLESS_UNLIKELY(i >= size())) detail::raise(error_kind::out_of_range, "heapless::StringRef::at: index out of range");
    return rep_.buf()[i];
  }
  /// Precondition (HEAPLESS_ASSERT): !empty().
  reference front() noexcept { return (*this)[0]; }
  /// Precondition (HEAPLESS_ASSERT): !empty().
  reference back() noexcept { return (*this)[size() - 1]; }

  // ---- Modifiers (as String's) ----------------------------------------------
  /// Raises length_error when full.
  void push_back(char ch) {
    const size_type room = rep_.available();
    if (HEAPLESS_UNLIKELY(room == 0)) detail::raise(error_kind::length_error, "heapless::StringRef::push_back: full");
    detail::string_algo::append_fill(rep_, 1, ch, room);
  }
  /// Appends ch unless full; returns whether it did.
  [[nodiscard]] bool try_push_back(char ch) noexcept {
    const size_type room = rep_.available();
    if (room == 0) return false;
    detail::string_algo::append_fill(rep_, 1, ch, room);
    return true;
  }
  /// Precondition (HEAPLESS_ASSERT): !full().
  void unchecked_push_back(char ch) noexcept {
    const size_type room = rep_.available();
    HEAPLESS_ASSERT(room != 0, "heapless::StringRef::unchecked_push_back: full");
    detail::string_algo::append_fill(rep_, 1, ch, room);
  }
  /// Precondition (HEAPLESS_ASSERT): !empty().
  void pop_back() noexcept {
    const size_type n = size();
    HEAPLESS_ASSERT(n != 0, "heapless::StringRef::pop_back: empty string");
    if (n != 0) rep_.set_size(n - 1);
  }
  /// Empties the String.
  void clear() noexcept { rep_.set_size(0); }

  /// Appends [s, s + n) (which may lie in the String). Raises length_error
  /// when it does not fit (then nothing changes).
  StringRef& append(const char* s, size_type n) {
    const size_type room = rep_.available();
    if (HEAPLESS_UNLIKELY(n > room)) detail::raise(error_kind::length_error, "heapless::StringRef::append: exceeds capacity");
    detail::string_algo::append_copy(rep_, s, n, room);
    return *this;
  }
  /// Appends sv; see append(s, n).
  StringRef& append(std::string_view sv) { return append(sv.data(), sv.size()); }
  /// Appends a NUL-terminated string (non-null); see append(s, n).
  StringRef& append(const char* s) { return append(std::string_view(s)); }
  /// Appends count copies of ch; raises length_error when they do not fit.
  StringRef& append(size_type count, char ch) {
    const size_type room = rep_.available();
    if (HEAPLESS_UNLIKELY(count > room)) detail::raise(error_kind::length_error, "heapless::StringRef::append: exceeds capacity");
    detail::string_algo::append_fill(rep_, count, ch, room);
    return *this;
  }
  /// push_back(ch).
  StringRef& operator+=(char ch) {
    push_back(ch);
    return *this;
  }
  /// append(sv).
  StringRef& operator+=(std::string_view sv) { return append(sv); }
  /// append(s).
  StringRef& operator+=(const char* s) { return append(s); }
  /// Appends sv when it fits; otherwise returns false and changes nothing.
  [[nodiscard]] bool try_append(std::string_view sv) noexcept {
    const size_type room = rep_.available();
    if (sv.size() > room) return false;
    detail::string_algo::append_copy(rep_, sv.data(), sv.size(), room);
    return true;
  }
  /// Appends count copies of ch when they fit; otherwise returns false.
  [[nodiscard]] bool try_append(size_type count, char ch) noexcept {
    const size_type room = rep_.available();
    if (count > room) return false;
    detail::string_algo::append_fill(rep_, count, ch, room);
    return true;
  }
  /// Appends as much of sv as fits; returns true when it had to cut.
  bool append_truncating(std::string_view sv) noexcept {
    const size_type room = rep_.available();
    const bool cut = sv.size() > room;
    detail::string_algo::append_copy(rep_, sv.data(), cut ? room : sv.size(), room);
    return cut;
  }
  /// Precondition (HEAPLESS_ASSERT): it fits.
  StringRef& unchecked_append(std::string_view sv) noexcept {
    const size_type room = rep_.available();
    HEAPLESS_ASSERT(sv.size() <= room, "heapless::StringRef::unchecked_append: exceeds capacity");
    detail::string_algo::append_copy(rep_, sv.data(), sv.size(), room);
    return *this;
  }
  /// Replaces the contents with sv (which may lie in the String). Raises
  /// length_error when it does not fit (then nothing changes).
  StringRef& assign(std::string_view sv) {
    if (HEAPLESS_UNLIKELY(sv.size() > capacity())) detail::raise(error_kind::length_error, "heapless::StringRef::assign: length exceeds capacity");
    detail::chars::copy_to_front(rep_.buf(), sv.data(), sv.size());
    rep_.set_size(sv.size());
    return *this;
  }
  /// assign(sv).
  StringRef& operator=(std::string_view sv) { return assign(sv); }
  /// Replaces the contents with sv when it fits; otherwise returns false.
  [[nodiscard]] bool try_assign(std::string_view sv) noexcept {
    if (sv.size() > capacity()) return false;
    detail::chars::copy_to_front(rep_.buf(), sv.data(), sv.size());
    rep_.set_size(sv.size());
    return true;
  }
  /// Shrinks to n chars or appends copies of ch. Raises length_error when n > capacity().
  void resize(size_type n, char ch = '\0') {
    if (HEAPLESS_UNLIKELY(n > capacity())) detail::raise(error_kind::length_error, "heapless::StringRef::resize: exceeds capacity");
    detail::string_algo::resize(rep_, n, ch);
  }
  /// As String::resize_and_overwrite (C++23 std::string's): op(data(), count)
  /// writes and returns the new size r <= count. Raises length_error when
  /// count > capacity() or r is outside [0, count].
  template <class Operation>
  void resize_and_overwrite(size_type count, Operation op) {
    if (HEAPLESS_UNLIKELY(count > capacity())) detail::raise(error_kind::length_error, "heapless::StringRef::resize_and_overwrite: exceeds capacity");
    const auto r = std::move(op)(rep_.buf(), count);
    static_assert(std::is_integral_v<decltype(r)> && !std::is_same_v<std::remove_cv_t<decltype(r)>, bool>,
                  "resize_and_overwrite: the operation must return an integer");
    if constexpr (std::is_signed_v<decltype(r)>) {
      if (HEAPLESS_UNLIKELY(r < 0)) detail::raise(error_kind::length_error, "heapless::StringRef::resize_and_overwrite: negative size");
    }
    if (HEAPLESS_UNLIKELY(static_cast<std::make_unsigned_t<decltype(r)>>(r) > count))
      detail::raise(error_kind::length_error, "heapless::StringRef::resize_and_overwrite: operation returned more than count");
    rep_.set_size(static_cast<size_type>(r));
  }
  /// Removes [pos, pos + min(count, size() - pos)). out_of_range when pos > size().
  StringRef& erase(size_type pos = 0, size_type count = npos) {
    detail::string_algo::erase(rep_, pos, checked_count_(pos, count));
    return *this;
  }

  /// Replaces [pos, pos + min(count, size() - pos)) with sv, which may lie in
  /// the String. out_of_range when pos > size(); length_error when the
  /// result would exceed capacity() (then nothing changes).
  StringRef& replace(size_type pos, size_type count, std::string_view sv) {
    count = checked_count_(pos, count);
    if (HEAPLESS_UNLIKELY(sv.size() > capacity() - (size() - count))) too_long_();
    detail::string_algo::replace<true>(rep_, pos, count, sv.data(), sv.size());
    return *this;
  }
  /// Replaces [pos, pos + min(count, size() - pos)) with count2 copies of ch.
  StringRef& replace(size_type pos, size_type count, size_type count2, char ch) {
    count = checked_count_(pos, count);
    if (HEAPLESS_UNLIKELY(count2 > capacity() - (size() - count))) too_long_();
    detail::string_algo::replace_fill(rep_, pos, count, count2, ch);
    return *this;
  }
  /// Inserts sv (which may lie in the String) before pos; see replace.
  StringRef& insert(size_type pos, std::string_view sv) { return replace(pos, 0, sv); }
  /// Inserts count copies of ch before pos; see replace.
  StringRef& insert(size_type pos, size_type count, char ch) { return replace(pos, 0, count, ch); }
  /// Inserts sv before pos when it fits; otherwise returns false and changes
  /// nothing. out_of_range when pos > size().
  [[nodiscard]] bool try_insert(size_type pos, std::string_view sv) {
    (void)checked_count_(pos, 0);
    if (sv.size() > available()) return false;
    detail::string_algo::replace<true>(rep_, pos, 0, sv.data(), sv.size());
    return true;
  }

  // ---- Search (String's code: detail::string_find) and comparison -----------
  /// First occurrence of sv at or after pos, or npos.
  size_type find(std::string_view sv, size_type pos = 0) const noexcept {
    return detail::string_find::find(rep_.buf(), size(), sv.data(), pos, sv.size());
  }
  /// First ch at or after pos, or npos.
  size_type find(char ch, size_type pos = 0) const noexcept {
    return detail::string_find::find_char(rep_.buf(), size(), ch, pos);
  }
  /// Last occurrence of sv starting at or before pos, or npos.
  size_type rfind(std::string_view sv, size_type pos = npos) const noexcept {
    return detail::string_find::rfind(rep_.buf(), size(), sv.data(), pos, sv.size());
  }
  /// Last ch at or before pos, or npos.
  size_type rfind(char ch, size_type pos = npos) const noexcept {
    return detail::string_find::rfind_char(rep_.buf(), size(), ch, pos);
  }
  /// First char at or after pos that is in sv, or npos.
  size_type find_first_of(std::string_view sv, size_type pos = 0) const noexcept {
    return detail::string_find::first_of<true>(rep_.buf(), size(), sv.data(), pos, sv.size());
  }
  /// Last char at or before pos that is in sv, or npos.
  size_type find_last_of(std::string_view sv, size_type pos = npos) const noexcept {
    return detail::string_find::last_of<true>(rep_.buf(), size(), sv.data(), pos, sv.size());
  }
  /// First char at or after pos that is not in sv, or npos.
  size_type find_first_not_of(std::string_view sv, size_type pos = 0) const noexcept {
    return detail::string_find::first_of<false>(rep_.buf(), size(), sv.data(), pos, sv.size());
  }
  /// Last char at or before pos that is not in sv, or npos.
  size_type find_last_not_of(std::string_view sv, size_type pos = npos) const noexcept {
    return detail::string_find::last_of<false>(rep_.buf(), size(), sv.data(), pos, sv.size());
  }
  /// Whether the contents start with sv.
  bool starts_with(std::string_view sv) const noexcept { return detail::string_find::starts_with(rep_.buf(), size(), sv); }
  /// Whether the contents end with sv.
  bool ends_with(std::string_view sv) const noexcept { return detail::string_find::ends_with(rep_.buf(), size(), sv); }
  /// Whether sv occurs in the contents.
  bool contains(std::string_view sv) const noexcept { return find(sv) != npos; }
  /// Whether ch occurs in the contents.
  bool contains(char ch) const noexcept { return find(ch) != npos; }
  /// Three-way comparison with sv (std::string_view::compare's sign).
  int compare(std::string_view sv) const noexcept { return view().compare(sv); }
  /// Equal contents.
  friend bool operator==(const StringRef& a, std::string_view b) noexcept { return a.view() == b; }
  /// Different contents.
  friend bool operator!=(const StringRef& a, std::string_view b) noexcept { return a.view() != b; }

  // ---- The rest of String's API (the same semantics; String<M> arguments
  // convert to std::string_view) ------------------------------------------------
  /// Reverse iterator.
  using reverse_iterator = std::reverse_iterator<iterator>;
  /// Const reverse iterator.
  using const_reverse_iterator = std::reverse_iterator<const_iterator>;
  /// Reverse iterator to the last char.
  reverse_iterator rbegin() noexcept { return reverse_iterator(end()); }
  /// Reverse iterator before the first char.
  reverse_iterator rend() noexcept { return reverse_iterator(begin()); }
  /// Const reverse iterator to the last char.
  const_reverse_iterator rbegin() const noexcept { return const_reverse_iterator(end()); }
  /// Const reverse iterator before the first char.
  const_reverse_iterator rend() const noexcept { return const_reverse_iterator(begin()); }
  /// Same as rbegin() const.
  const_reverse_iterator crbegin() const noexcept { return rbegin(); }
  /// Same as rend() const.
  const_reverse_iterator crend() const noexcept { return rend(); }
  /// The first char, read-only. Precondition (HEAPLESS_ASSERT): !empty().
  const_reference front() const noexcept { return (*this)[0]; }
  /// The last char, read-only. Precondition (HEAPLESS_ASSERT): !empty().
  const_reference back() const noexcept { return (*this)[size() - 1]; }
  /// Raises length_error when n > capacity(), else does nothing.
  void reserve(size_type n) const {
    if (HEAPLESS_UNLIKELY(n > capacity())) too_long_();
  }
  /// Does nothing: the capacity is the String's.
  void shrink_to_fit() noexcept {}

  /// Replaces the contents with other's (a String of any capacity), not the
  /// view's target: assigning a String<M> copies its text. length_error when
  /// other.size() > capacity() (then nothing changes).
  template <std::size_t M>
  StringRef& operator=(const String<M>& other) {
    return assign(other.view());
  }
  /// Replaces the contents with the one char ch.
  StringRef& operator=(char ch) { return assign(size_type{1}, ch); }
  /// As assign(il).
  StringRef& operator=(std::initializer_list<char> il) { return assign(std::string_view(il.begin(), il.size())); }
  /// As assign(std::string_view(s, n)).
  StringRef& assign(const char* s, size_type n) { return assign(std::string_view(s, n)); }
  /// Replaces the contents with sv.substr(pos, count); out_of_range when pos > sv.size().
  StringRef& assign(std::string_view sv, size_type pos, size_type count = npos) { return assign(sub_(sv, pos, count)); }
  /// Replaces the contents with count copies of ch; length_error when count > capacity().
  StringRef& assign(size_type count, char ch) {
    if (HEAPLESS_UNLIKELY(count > capacity())) too_long_();
    detail::chars::fill(rep_.buf(), count, ch);
    rep_.set_size(count);
    return *this;
  }
  /// Replaces the contents with [first, last). length_error when it does
  /// not fit (then nothing changes). A range of char pointers may point
  /// anywhere into the String; a range of other iterators over the String's
  /// own text needs available() >= its length (it is first copied behind
  /// the text, where String copies it into a temporary String).
  template <class It, detail::if_input_iterator_t<It> = 0>
  StringRef& assign(It first, It last) {
    if constexpr (detail::is_char_pointer_v<It>) {
      return assign(std::string_view(first, static_cast<size_type>(last - first)));
    } else {
      const size_type old = size();
      append(first, last);  // behind the text: the range may be the text itself
      const size_type n = size() - old;
      detail::chars::move(rep_.buf(), rep_.buf() + old, n);
      rep_.set_size(n);
      return *this;
    }
  }
  /// Replaces the contents with the chars of il.
  StringRef& assign(std::initializer_list<char> il) { return assign(std::string_view(il.begin(), il.size())); }
  /// As try_assign(std::string_view(s, n)).
  [[nodiscard]] bool try_assign(const char* s, size_type n) noexcept { return try_assign(std::string_view(s, n)); }
  /// Replaces the contents with count copies of ch when count <= capacity(); otherwise returns false.
  [[nodiscard]] bool try_assign(size_type count, char ch) noexcept {
    if (count > capacity()) return false;
    detail::chars::fill(rep_.buf(), count, ch);
    rep_.set_size(count);
    return true;
  }

  /// Appends sv.substr(pos, count); out_of_range when pos > sv.size().
  StringRef& append(std::string_view sv, size_type pos, size_type count = npos) { return append(sub_(sv, pos, count)); }
  /// Appends [first, last) (which may point into the String, its NUL
  /// included). Strong guarantee: on length_error nothing changes.
  template <class It, detail::if_input_iterator_t<It> = 0>
  StringRef& append(It first, It last) {
    if constexpr (detail::is_char_pointer_v<It>) {
      return append(first, static_cast<size_type>(last - first));
    } else {
      if (HEAPLESS_UNLIKELY(!detail::string_algo::append_input(rep_, first, last))) too_long_();
      return *this;
    }
  }
  /// Appends the chars of il; length_error when they do not fit.
  StringRef& append(std::initializer_list<char> il) { return append(il.begin(), il.size()); }
  /// As append(il).
  StringRef& operator+=(std::initializer_list<char> il) { return append(il.begin(), il.size()); }
  /// Appends [s, s + n) when it fits; otherwise returns false and changes nothing.
  [[nodiscard]] bool try_append(const char* s, size_type n) noexcept { return try_append(std::string_view(s, n)); }
  /// As try_push_back(ch).
  [[nodiscard]] bool try_append(char ch) noexcept { return try_push_back(ch); }
  /// Appends min(count, available()) copies of ch; returns true when it had to cut.
  bool append_truncating(size_type count, char ch) noexcept {
    const size_type room = rep_.available();
    const bool cut = count > room;
    detail::string_algo::append_fill(rep_, cut ? room : count, ch, room);
    return cut;
  }
  /// Precondition (HEAPLESS_ASSERT): size() + n <= capacity().
  StringRef& unchecked_append(const char* s, size_type n) noexcept { return unchecked_append(std::string_view(s, n)); }

  /// Inserts [s, s + n) (which may lie in the String) before pos; see replace.
  StringRef& insert(size_type pos, const char* s, size_type n) { return replace(pos, 0, std::string_view(s, n)); }
  /// Inserts the NUL-terminated s before pos; see replace.
  StringRef& insert(size_type pos, const char* s) { return replace(pos, 0, std::string_view(s)); }
  /// Inserts sv.substr(subpos, subcount) before pos; out_of_range when subpos > sv.size() or pos > size().
  StringRef& insert(size_type pos, std::string_view sv, size_type subpos, size_type subcount = npos) {
    return replace(pos, 0, sub_(sv, subpos, subcount));
  }
  /// Inserts ch before p; returns an iterator to it. length_error when full.
  template <class P, detail::if_iterator_t<P> = 0>
  iterator insert(P p, char ch) {
    replace(index_of_(p), 0, 1, ch);
    return position_(p);
  }
  /// Inserts count copies of ch before p; returns an iterator to the first one (p if count == 0).
  template <class P, detail::if_iterator_t<P> = 0>
  iterator insert(P p, size_type count, char ch) {
    replace(index_of_(p), 0, count, ch);
    return position_(p);
  }
  /// Inserts [first, last) (which may point into the String) before p;
  /// returns an iterator to the first inserted char. length_error when it
  /// does not fit (then nothing changes). O(size() + the range's length).
  template <class P, class It, detail::if_iterator_t<P> = 0, detail::if_input_iterator_t<It> = 0>
  iterator insert(P p, It first, It last) {
    const size_type pos = index_of_(p);
    if constexpr (detail::is_char_pointer_v<It>) {
      replace(pos, 0, std::string_view(first, static_cast<size_type>(last - first)));
    } else {
      const size_type old = size();
      append(first, last);  // behind the text: the range may be the text itself
      rotate_(pos, old, size());
    }
    return position_(p);
  }
  /// Inserts the chars of il before p; returns an iterator to the first inserted char.
  template <class P, detail::if_iterator_t<P> = 0>
  iterator insert(P p, std::initializer_list<char> il) {
    replace(index_of_(p), 0, std::string_view(il.begin(), il.size()));
    return position_(p);
  }
  /// Inserts count copies of ch before pos when they fit; otherwise returns
  /// false and changes nothing. out_of_range when pos > size().
  [[nodiscard]] bool try_insert(size_type pos, size_type count, char ch) {
    (void)checked_count_(pos, 0);
    if (count > available()) return false;
    detail::string_algo::replace_fill(rep_, pos, 0, count, ch);
    return true;
  }

  /// Removes the char at p; returns the iterator after it (p). Precondition
  /// (HEAPLESS_ASSERT): p is a dereferenceable iterator into the String.
  template <class P, detail::if_iterator_t<P> = 0>
  iterator erase(P p) noexcept {
    const size_type pos = index_of_(p);
    HEAPLESS_ASSERT(pos < size(), "heapless::StringRef::erase: iterator not dereferenceable");
    detail::string_algo::erase(rep_, pos, 1);
    return position_(p);
  }
  /// Removes [first, last); returns an iterator to the char that followed
  /// them (first). Precondition (HEAPLESS_ASSERT): a valid range in the String.
  template <class P, class Q, detail::if_iterators_t<P, Q> = 0>
  iterator erase(P first, Q last) noexcept {
    const size_type pos = index_of_(first);
    const size_type end_pos = index_of_(last);
    HEAPLESS_ASSERT(pos <= end_pos, "heapless::StringRef::erase: invalid range");
    detail::string_algo::erase(rep_, pos, end_pos - pos);
    return position_(first);
  }

  /// As replace(pos, count, std::string_view(s, n)).
  StringRef& replace(size_type pos, size_type count, const char* s, size_type n) {
    return replace(pos, count, std::string_view(s, n));
  }
  /// As replace(pos, count, sv.substr(subpos, subcount)); out_of_range when subpos > sv.size().
  StringRef& replace(size_type pos, size_type count, std::string_view sv, size_type subpos, size_type subcount = npos) {
    return replace(pos, count, sub_(sv, subpos, subcount));
  }
  /// Replaces [first, last) with sv; see replace(pos, count, sv).
  template <class P, class Q, detail::if_iterators_t<P, Q> = 0>
  StringRef& replace(P first, Q last, std::string_view sv) {
    return replace(index_of_(first), range_len_(first, last), sv);
  }
  /// Replaces [first, last) with [s, s + n); see replace(pos, count, sv).
  template <class P, class Q, detail::if_iterators_t<P, Q> = 0>
  StringRef& replace(P first, Q last, const char* s, size_type n) {
    return replace(index_of_(first), range_len_(first, last), std::string_view(s, n));
  }
  /// Replaces [first, last) with the NUL-terminated s.
  template <class P, class Q, detail::if_iterators_t<P, Q> = 0>
  StringRef& replace(P first, Q last, const char* s) {
    return replace(index_of_(first), range_len_(first, last), std::string_view(s));
  }
  /// Replaces [first, last) with count2 copies of ch.
  template <class P, class Q, detail::if_iterators_t<P, Q> = 0>
  StringRef& replace(P first, Q last, size_type count2, char ch) {
    return replace(index_of_(first), range_len_(first, last), count2, ch);
  }
  /// Replaces [first, last) with [first2, last2). length_error when the
  /// result would exceed capacity() (then nothing changes). A range of char
  /// pointers may point anywhere into the String; a range of other iterators
  /// over the String's own text needs available() >= its length (it is
  /// first copied behind the text).
  template <class P, class Q, class It, detail::if_iterators_t<P, Q> = 0, detail::if_input_iterator_t<It> = 0>
  StringRef& replace(P first, Q last, It first2, It last2) {
    const size_type pos = index_of_(first);
    const size_type count = range_len_(first, last);
    if constexpr (detail::is_char_pointer_v<It>) {
      return replace(pos, count, std::string_view(first2, static_cast<size_type>(last2 - first2)));
    } else {
      if constexpr (std::is_base_of_v<std::forward_iterator_tag, typename std::iterator_traits<It>::iterator_category>) {
        const auto n = static_cast<size_type>(std::distance(first2, last2));
        if (HEAPLESS_UNLIKELY(n > capacity() - (size() - count))) too_long_();
        if (n > available()) {
          // Needs the replaced chars' room: the range is not the String's text.
          detail::string_algo::erase(rep_, pos, count);
          const size_type old = size();
          append(first2, last2);
          rotate_(pos, old, size());
          return *this;
        }
      }
      const size_type old = size();
      append(first2, last2);  // behind the text: the range may be the text itself
      rotate_(pos + count, old, size());
      detail::string_algo::erase(rep_, pos, count);
      return *this;
    }
  }
  /// Replaces [first, last) with the chars of il.
  template <class P, class Q, detail::if_iterators_t<P, Q> = 0>
  StringRef& replace(P first, Q last, std::initializer_list<char> il) {
    return replace(index_of_(first), range_len_(first, last), std::string_view(il.begin(), il.size()));
  }

  /// Copies min(count, size() - pos) chars to dest (no NUL added) and returns
  /// that number; dest may point into the String. out_of_range when pos > size().
  size_type copy(char* dest, size_type count, size_type pos = 0) const {
    const size_type n = checked_count_(pos, count);
    detail::chars::move(dest, rep_.buf() + pos, n);
    return n;
  }

  /// First occurrence of [s, s + n) at or after pos, or npos.
  size_type find(const char* s, size_type pos, size_type n) const noexcept { return find(std::string_view(s, n), pos); }
  /// Last occurrence of [s, s + n) starting at or before pos, or npos.
  size_type rfind(const char* s, size_type pos, size_type n) const noexcept { return rfind(std::string_view(s, n), pos); }
  /// First char at or after pos that is one of [s, s + n), or npos.
  size_type find_first_of(const char* s, size_type pos, size_type n) const noexcept {
    return find_first_of(std::string_view(s, n), pos);
  }
  /// Same as find(ch, pos).
  size_type find_first_of(char ch, size_type pos = 0) const noexcept { return find(ch, pos); }
  /// Last char at or before pos that is one of [s, s + n), or npos.
  size_type find_last_of(const char* s, size_type pos, size_type n) const noexcept {
    return find_last_of(std::string_view(s, n), pos);
  }
  /// Same as rfind(ch, pos).
  size_type find_last_of(char ch, size_type pos = npos) const noexcept { return rfind(ch, pos); }
  /// First char at or after pos that is not one of [s, s + n), or npos.
  size_type find_first_not_of(const char* s, size_type pos, size_type n) const noexcept {
    return find_first_not_of(std::string_view(s, n), pos);
  }
  /// First char at or after pos that is not ch, or npos.
  size_type find_first_not_of(char ch, size_type pos = 0) const noexcept {
    return find_first_not_of(std::string_view(&ch, 1), pos);
  }
  /// Last char at or before pos that is not one of [s, s + n), or npos.
  size_type find_last_not_of(const char* s, size_type pos, size_type n) const noexcept {
    return find_last_not_of(std::string_view(s, n), pos);
  }
  /// Last char at or before pos that is not ch, or npos.
  size_type find_last_not_of(char ch, size_type pos = npos) const noexcept {
    return find_last_not_of(std::string_view(&ch, 1), pos);
  }
  /// true when the string is not empty and begins with ch.
  bool starts_with(char ch) const noexcept { return !empty() && rep_.buf()[0] == ch; }
  /// true when the string is not empty and ends with ch.
  bool ends_with(char ch) const noexcept { return !empty() && rep_.buf()[size() - 1] == ch; }

  /// Compares substr(pos, count) with sv; out_of_range when pos > size().
  int compare(size_type pos, size_type count, std::string_view sv) const {
    const size_type n = checked_count_(pos, count);
    return detail::chars::compare_any(rep_.buf() + pos, n, sv.data(), sv.size());
  }
  /// Compares substr(pos, count) with sv.substr(pos2, count2); out_of_range when pos > size() or pos2 > sv.size().
  int compare(size_type pos, size_type count, std::string_view sv, size_type pos2, size_type count2 = npos) const {
    return compare(pos, count, sub_(sv, pos2, count2));
  }
  /// Compares substr(pos, count) with [s, s + n); out_of_range when pos > size().
  int compare(size_type pos, size_type count, const char* s, size_type n) const {
    return compare(pos, count, std::string_view(s, n));
  }
  /// Equal contents (a String of any capacity).
  template <std::size_t M>
  friend bool operator==(const StringRef& a, const String<M>& b) noexcept {
    return a.view() == b.view();
  }
#if HEAPLESS_HAS_THREE_WAY
  /// Lexicographic order of the contents (C strings convert).
  friend std::strong_ordering operator<=>(const StringRef& a, std::string_view b) noexcept { return a.compare(b) <=> 0; }
  /// Lexicographic order of the contents (a String of any capacity).
  template <std::size_t M>
  friend std::strong_ordering operator<=>(const StringRef& a, const String<M>& b) noexcept {
    return a.compare(b.view()) <=> 0;
  }
#else
  /// Equal contents (a String of any capacity on the left).
  template <std::size_t M>
  friend bool operator==(const String<M>& a, const StringRef& b) noexcept {
    return b.view() == a.view();
  }
  /// Different contents (a String of any capacity).
  template <std::size_t M>
  friend bool operator!=(const StringRef& a, const String<M>& b) noexcept {
    return !(a == b);
  }
  /// Different contents (a String of any capacity on the left).
  template <std::size_t M>
  friend bool operator!=(const String<M>& a, const StringRef& b) noexcept {
    return !(b == a);
  }
#define HEAPLESS_DETAIL_STRING_REF_ORDER(op)                                          \
  friend bool operator op(const StringRef& a, std::string_view b) noexcept {          \
    return a.compare(b) op 0;                                                         \
  }                                                                                   \
  template <std::size_t M>                                                            \
  friend bool operator op(const StringRef& a, const String<M>& b) noexcept {          \
    return a.compare(b.view()) op 0;                                                  \
  }                                                                                   \
  template <std::size_t M>                                                            \
  friend bool operator op(const String<M>& a, const StringRef& b) noexcept {          \
    return 0 op b.compare(a.view());                                                  \
  }
  HEAPLESS_DETAIL_STRING_REF_ORDER(<)
  HEAPLESS_DETAIL_STRING_REF_ORDER(<=)
  HEAPLESS_DETAIL_STRING_REF_ORDER(>)
  HEAPLESS_DETAIL_STRING_REF_ORDER(>=)
#undef HEAPLESS_DETAIL_STRING_REF_ORDER
#endif

  /// The tokens between occurrences of sep, as std::string_views into the
  /// String (split.hpp); changing the String invalidates them.
  SplitRange<char> split(char sep) const noexcept { return heapless::split(view(), sep); }
  /// As split(char); an empty sep never matches (one token: the whole text).
  SplitRange<std::string_view> split(std::string_view sep) const noexcept { return heapless::split(view(), sep); }

  /// Removes every c with pred(c); returns how many (C++20 std::erase_if).
  template <class Pred>
  friend std::size_t erase_if(StringRef s, Pred pred) {
    char* out = s.begin();
    for (char* in = s.begin(); in != s.end(); ++in)
      if (!pred(*in)) *out++ = *in;
    const auto removed = static_cast<std::size_t>(s.end() - out);
    s.rep_.set_size(static_cast<std::size_t>(out - s.begin()));
    return removed;
  }
  /// Removes every ch; returns how many (C++20 std::erase).
  friend std::size_t erase(StringRef s, char ch) noexcept {
    return erase_if(s, [ch](char c) { return c == ch; });
  }

 private:
  /// min(count, size() - pos); raises out_of_range when pos > size().
  size_type checked_count_(size_type pos, size_type count) const {
    const size_type len = size();
    if (HEAPLESS_UNLIKELY(pos > len)) detail::raise(error_kind::out_of_range, "heapless::StringRef: position out of range");
    return count < len - pos ? count : len - pos;
  }
  [[noreturn]] static void too_long_() {
    detail::raise(error_kind::length_error, "heapless::StringRef: exceeds capacity");
  }
  static std::string_view sub_(std::string_view sv, size_type pos, size_type count) {
    if (HEAPLESS_UNLIKELY(pos > sv.size())) detail::raise(error_kind::out_of_range, "heapless::StringRef: substring position out of range");
    return std::string_view(sv.data() + pos, count < sv.size() - pos ? count : sv.size() - pos);
  }
  size_type index_of_(const_iterator p) const noexcept {
    HEAPLESS_ASSERT(p >= rep_.buf() && p <= rep_.buf() + size(), "heapless::StringRef: iterator out of range");
    return static_cast<size_type>(p - rep_.buf());
  }
  /// The iterator a member returns for the caller's position p: p itself,
  /// never buf() + index_of_(p) (docs/design.md, "Positions returned from
  /// arguments"; as String's position_).
  static iterator position_(const_iterator p) noexcept { return const_cast<iterator>(p); }
  static size_type range_len_(const_iterator first, const_iterator last) noexcept {
    HEAPLESS_ASSERT(first <= last, "heapless::StringRef: invalid iterator range");
    return static_cast<size_type>(last - first);
  }
  /// Rotates [b, e) so that the chars [m, e) come first (three reversals).
  void rotate_(size_type b, size_type m, size_type e) noexcept {
    char* const p = rep_.buf();
    const auto reverse = [](char* x, char* y) {
      while (x != y && x != --y) {
        const char t = *x;
        *x++ = *y;
        *y = t;
      }
    };
    reverse(p + b, p + m);
    reverse(p + m, p + e);
    reverse(p + b, p + e);
  }
  template <std::size_t N>
  static void* length_of(String<N>& s) noexcept {
    if constexpr (N < 256) {
      (void)s;
      return nullptr;
    } else {
      return &s.rep_.size_;
    }
  }
  template <std::size_t N>
  static constexpr unsigned char width_of() noexcept {
    if constexpr (N < 256) return 0;
    else return static_cast<unsigned char>(sizeof(detail::smallest_size_t<N>));
  }

  detail::string_ref_rep rep_;
};


HEAPLESS_NAMESPACE_END

/// Hashes exactly like std::hash<std::string_view>, so a String key and a
/// std::string_view probe land in the same bucket.
namespace std {
/// Hashes exactly like std::hash<std::string_view>.
template <std::size_t N>
struct hash<heapless::String<N>> {
  /// The hash of std::string_view(s).
  std::size_t operator()(const heapless::String<N>& s) const noexcept {
    return std::hash<std::string_view>{}(std::string_view(s));
  }
};
}  // namespace std

#undef HEAPLESS_DETAIL_STRING_SWAR
#undef HEAPLESS_DETAIL_STRING_CONSTANT_P

#endif  // HEAPLESS_STRING_HPP
