// SPDX-License-Identifier: BSL-1.0
// heapless/detail/format_core.hpp - the formatting engine behind heapless/format.hpp.
//
// Layers, bottom up:
//   format_buffer    the one sink the engine writes to: [cur_, end_) plus an
//                    optional flush function. Fixed sinks (String, Vec, char
//                    ranges) have no flush: what does not fit is counted in
//                    dropped_ and never written. Iterator sinks flush a small
//                    stack chunk to the iterator.
//   format_specs     a parsed std-format-spec.
//   parse_format()   one constexpr parser, used by the C++20 compile-time check
//                    and by the run-time engine, so both accept the same language.
//   arg_value /      the type-erased arguments: a value union plus a per-type
//   arg_desc         descriptor {handler, category, spec checker} in a constexpr
//                    table. Each type's handler is instantiated only when a
//                    value of that type is formatted: an integer-only program
//                    never references floating-point code.
//   vformat()        the non-template engine; one copy per program. It runs
//                    a C++20 precompiled program when the format string
//                    carries one (format_precompiled.hpp, included at the
//                    end of this file), else parses.
#ifndef HEAPLESS_DETAIL_FORMAT_CORE_HPP
#define HEAPLESS_DETAIL_FORMAT_CORE_HPP

#include <charconv>     // std::to_chars for integers (no locale, no heap)
#include <cstddef>      // std::size_t, std::nullptr_t
#include <cstdint>      // std::uint32_t, std::uint64_t, std::uintptr_t
#include <string_view>  // std::string_view: format strings, string arguments
#include <type_traits>  // std::is_integral, std::enable_if_t, std::decay_t ...

#include <heapless/detail/config.hpp>  // HEAPLESS_CPP20, HEAPLESS_LIKELY, HEAPLESS_NOINLINE, HEAPLESS_IS_CONSTANT_EVALUATED
#include <heapless/detail/cstring.hpp>  // detail::mem_copy, detail::mem_set, detail::str_len
#include <heapless/detail/error.hpp>   // detail::raise: run-time format errors

#if HEAPLESS_CPP20 && (defined(__cpp_consteval) || defined(__clang__))
#define HEAPLESS_DETAIL_FORMAT_CONSTEVAL 1
#else
#define HEAPLESS_DETAIL_FORMAT_CONSTEVAL 0
#endif

// Precompiled format strings (HEAPLESS_FORMAT_PRECOMPILE, config.hpp) need
// the consteval format-string constructor that does the parse.
#if HEAPLESS_FORMAT_PRECOMPILE && HEAPLESS_DETAIL_FORMAT_CONSTEVAL
#define HEAPLESS_DETAIL_FORMAT_PRECOMPILED 1
#else
#define HEAPLESS_DETAIL_FORMAT_PRECOMPILED 0
#endif

// HEAPLESS_FORMAT_OPTIMIZE_SIZE (config.hpp; default 1 at -Os/-Oz): 1 picks
// the smaller of two equivalent implementations wherever formatting has a
// choice: one digit loop (a division per digit, no digit table) instead of
// std::to_chars' two-digits-per-division table, memcpy calls instead of
// inlined short copies and fills, a byte-wise brace scan. Output is the same
// byte for byte.

HEAPLESS_NAMESPACE_BEGIN

/// Customization point: specialise for a user type T.
///   template <> struct heapless::formatter<Point> {
///     // optional: accept a spec ("{:x}" passes "x"); without parse() only "{}" is allowed.
///     static constexpr bool parse(std::string_view spec) { return spec.empty() || spec == "x"; }
///     void format(const Point& p, heapless::format_context& ctx) const {
///       heapless::format_to(ctx, "({}, {})", p.x, p.y);
///     }
///   };
/// A specialisation takes precedence over the built-in handling of T (even for enums).
template <class T, class Enable = void>
struct formatter;

class format_context;

namespace detail {

// ---- Sink ------------------------------------------------------------------

/// memcpy for the short runs formatting produces (literal text, digits):
/// fixed-size copies the compiler inlines, overlapping for odd lengths.
/// Never touches s when n == 0 (s may then be nullptr).
inline void copy_short(char* d, const char* s, std::size_t n) noexcept {
#if HEAPLESS_FORMAT_OPTIMIZE_SIZE  // one call is smaller than the unrolled cases
  if (n != 0) detail::mem_copy(d, s, n);
#else
  if (n >= 16) {
    detail::mem_copy(d, s, n);
  } else if (n >= 8) {
    detail::mem_copy(d, s, 8);
    detail::mem_copy(d + n - 8, s + n - 8, 8);
  } else if (n >= 4) {
    detail::mem_copy(d, s, 4);
    detail::mem_copy(d + n - 4, s + n - 4, 4);
  } else if (n != 0) {
    d[0] = s[0];
    d[n / 2] = s[n / 2];
    d[n - 1] = s[n - 1];
  }
#endif
}

class format_buffer {
 public:
  using flush_fn = void (*)(format_buffer&);

  format_buffer(char* begin, char* end, flush_fn flush) noexcept
      : cur_(begin), end_(end), flush_(flush) {}
  format_buffer(const format_buffer&) = delete;
  format_buffer& operator=(const format_buffer&) = delete;

  void write(const char* s, std::size_t n) {
    if (HEAPLESS_LIKELY(n <= static_cast<std::size_t>(end_ - cur_))) {
      copy_short(cur_, s, n);
      cur_ += n;
    } else {
      write_slow(s, n);
    }
  }
  void write(std::string_view s) { write(s.data(), s.size()); }
  void put(char c) {
    if (HEAPLESS_LIKELY(cur_ != end_)) {
      *cur_++ = c;
    } else {
      write_slow(&c, 1);
    }
  }
  /// n copies of c. O(capacity) on a fixed sink however large n is.
  void fill(std::size_t n, char c) {
#if !HEAPLESS_FORMAT_OPTIMIZE_SIZE
    if (n <= 16 && room() >= 16 && scratch_tail_) {  // short padding: one fixed-size store, no call
      detail::mem_set(cur_, c, 16);     // (bytes past n are free space, overwritten later)
      cur_ += n;
      return;
    }
#endif
    // k == 0 with d == nullptr: format_to_n(nullptr, 0, ...) measuring the output.
    append_chunked(n, [c](char* d, std::size_t k) {
      if (k != 0) detail::mem_set(d, c, k);
    });
  }
  /// Records a formatting error (bad format string or value); the first one
  /// wins. The caller raises it once the target is back in a valid state.
  void fail(const char* message) noexcept {
    if (!error_) error_ = message;
  }
  const char* error() const noexcept { return error_; }
  /// A fixed sink that has started dropping characters.
  bool overflowed() const noexcept { return flush_ == nullptr && dropped_ != 0; }
  /// Counts n characters as dropped (a full fixed sink).
  void drop(std::size_t n) noexcept { dropped_ += n; }
  /// Characters that a fixed sink could not hold.
  std::size_t dropped() const noexcept { return dropped_; }
  char* cur() const noexcept { return cur_; }
  /// Contiguous room left before the next flush (or before a fixed sink is full).
  std::size_t room() const noexcept { return static_cast<std::size_t>(end_ - cur_); }
  void advance(std::size_t n) noexcept { cur_ += n; }
  /// May bytes in [cur(), cur() + room()) be scribbled on before they are
  /// written for real? True for owned free space (a String's spare capacity,
  /// a chunk buffer); false for a caller's char range (format_to_n).
  bool scratch_tail() const noexcept { return scratch_tail_; }

 protected:
  char* cur_;
  char* end_;
  flush_fn flush_;  // nullptr: fixed capacity, excess is counted in dropped_
  std::size_t dropped_ = 0;
  const char* error_ = nullptr;
  bool scratch_tail_ = true;

 private:
  HEAPLESS_NOINLINE void write_slow(const char* s, std::size_t n) {
    append_chunked(n, [&s](char* d, std::size_t k) {
      if (k != 0) detail::mem_copy(d, s, k);
      s += k;
    });
  }
  /// Appends n chars that put(dest, k) produces k at a time, flushing between
  /// chunks; a fixed sink counts what does not fit instead (O(1) past it).
  template <class Put>
  void append_chunked(std::size_t n, Put put) {
    for (;;) {
      const std::size_t k = n < room() ? n : room();
      put(cur_, k);
      cur_ += k;
      n -= k;
      if (n == 0) return;
      if (!flush_) {
        dropped_ += n;
        return;
      }
      flush_(*this);
    }
  }
};

/// A sink writing into [begin, end): fixed capacity, counts what is dropped.
class fixed_buffer : public format_buffer {
 public:
  fixed_buffer(char* begin, char* end, bool scratch_tail = true) noexcept
      : format_buffer(begin, end, nullptr), begin_(begin) {
    scratch_tail_ = scratch_tail;
  }
  std::size_t written() const noexcept { return static_cast<std::size_t>(cur_ - begin_); }

 private:
  char* begin_;
};

/// A sink that only counts (formatted_size).
class counting_buffer : public format_buffer {
 public:
  counting_buffer() noexcept : format_buffer(&dummy_, &dummy_, nullptr) {}

 private:
  char dummy_ = 0;
};

/// A sink writing through an output iterator, in chunks of a small stack buffer.
/// With a limit (format_to_n), characters past it are counted, not written.
template <class OutputIt>
class iterator_buffer : public format_buffer {
 public:
  explicit iterator_buffer(OutputIt out, std::size_t limit = static_cast<std::size_t>(-1))
      : format_buffer(buf_, buf_ + sizeof buf_, &iterator_buffer::flush_chunk),
        out_(static_cast<OutputIt&&>(out)),
        limit_(limit) {}
  /// Flushes the last chunk; returns the iterator past the last written char.
  OutputIt finish() {
    flush_chunk(*this);
    return static_cast<OutputIt&&>(out_);
  }
  /// Every character formatted, including those past the limit.
  std::size_t total() const noexcept { return total_; }

 private:
  static void flush_chunk(format_buffer& base) {
    auto& self = static_cast<iterator_buffer&>(base);
    const std::size_t n = static_cast<std::size_t>(self.cur_ - self.buf_);
    self.total_ += n;
    const std::size_t k = n < self.limit_ ? n : self.limit_;
    self.limit_ -= k;
    for (std::size_t i = 0; i < k; ++i) {
      *self.out_ = self.buf_[i];
      ++self.out_;
    }
    self.cur_ = self.buf_;
  }

  char buf_[64];
  OutputIt out_;
  std::size_t limit_;
  std::size_t total_ = 0;
};

// ---- Specs -----------------------------------------------------------------

enum class arg_category : unsigned char {
  signed_int,
  unsigned_int,
  character,
  boolean,
  string,
  pointer,
  floating,
  custom,
};

/// A parsed std-format-spec; 16 bytes (precompiled format strings store one per field).
struct format_specs {
  static constexpr unsigned char alt_flag = 1;      // '#'
  static constexpr unsigned char zero_flag = 2;     // '0'
  static constexpr unsigned char has_spec_flag = 4;  // not "{}"

  std::uint32_t width = 0;
  std::int32_t precision = -1;    // -1: none
  char fill[4] = {' ', 0, 0, 0};  // one UTF-8 code point
  char align = 0;                 // '<' '>' '^' or 0 (the type's default)
  char sign = 0;                  // '+' ' ' '-' or 0
  char type = 0;
  unsigned char flags = 0;

  constexpr bool alt() const noexcept { return (flags & alt_flag) != 0; }
  constexpr bool zero() const noexcept { return (flags & zero_flag) != 0; }
  /// No spec at all: "{}".
  constexpr bool plain() const noexcept { return (flags & has_spec_flag) == 0; }
  constexpr void set(unsigned char flag) noexcept { flags = static_cast<unsigned char>(flags | flag); }
};

enum class format_errc : unsigned char {
  ok,
  unmatched_open_brace,
  unmatched_close_brace,
  invalid_arg_id,
  arg_id_out_of_range,
  mixed_indexing,
  invalid_spec,
  number_too_big,
  type_mismatch,
  custom_spec_rejected,
  unused_argument,
  too_many_arguments,
};

constexpr const char* format_error_message(format_errc e) noexcept {
  switch (e) {
    case format_errc::ok: return "ok";
    case format_errc::unmatched_open_brace: return "heapless::format: '{' without matching '}'";
    case format_errc::unmatched_close_brace: return "heapless::format: '}' must be written '}}'";
    case format_errc::invalid_arg_id: return "heapless::format: invalid argument index";
    case format_errc::arg_id_out_of_range: return "heapless::format: more fields than arguments";
    case format_errc::mixed_indexing: return "heapless::format: mixed automatic and manual indexing";
    case format_errc::invalid_spec: return "heapless::format: invalid format spec";
    case format_errc::number_too_big: return "heapless::format: width or precision too big";
    case format_errc::type_mismatch: return "heapless::format: spec not valid for the argument type";
    case format_errc::custom_spec_rejected: return "heapless::format: formatter<T>::parse rejected the spec";
    case format_errc::unused_argument: return "heapless::format: an argument is never used";
    case format_errc::too_many_arguments: return "heapless::format: at most 32 arguments";
  }
  return "heapless::format: error";
}

using spec_checker = bool (*)(std::string_view);
using arg_handler = void (*)(format_buffer&, const union arg_value&, const format_specs&, std::string_view);

struct arg_desc {
  arg_handler handler;
  arg_category category;
  spec_checker check;  // custom types only
};

constexpr bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }
constexpr bool is_align(char c) noexcept { return c == '<' || c == '>' || c == '^'; }

/// Length of the UTF-8 sequence starting with lead byte c (1 for ASCII and invalid bytes).
constexpr unsigned utf8_length(char c) noexcept {
  const auto u = static_cast<unsigned char>(c);
  return u < 0xC0 ? 1u : u < 0xE0 ? 2u : u < 0xF0 ? 3u : u < 0xF8 ? 4u : 1u;
}

/// Parses a non-negative decimal number <= INT32_MAX at [p, end).
constexpr format_errc parse_number(const char*& p, const char* end, std::uint32_t& out) noexcept {
  std::uint64_t v = 0;
  while (p != end && is_digit(*p)) {
    v = v * 10 + static_cast<std::uint64_t>(*p - '0');
    if (v > 0x7FFFFFFFu) return format_errc::number_too_big;
    ++p;
  }
  out = static_cast<std::uint32_t>(v);
  return format_errc::ok;
}

/// Parses a std-format-spec at [p, end), p just past ':'; stops at the closing '}'.
constexpr format_errc parse_specs(const char*& p, const char* end, format_specs& s) noexcept {
  if (p == end) return format_errc::unmatched_open_brace;
  if (*p == '}') return format_errc::ok;
  s.set(format_specs::has_spec_flag);
  // [[fill]align]
  const unsigned n = utf8_length(*p);
  if (static_cast<std::size_t>(end - p) > n && is_align(p[n])) {
    if (*p == '{' || *p == '}') return format_errc::invalid_spec;
    for (unsigned i = 0; i < n; ++i) s.fill[i] = p[i];
    s.align = p[n];
    p += n + 1;
  } else if (is_align(*p)) {
    s.align = *p++;
  }
  if (p != end && (*p == '+' || *p == '-' || *p == ' ')) s.sign = *p++;
  if (p != end && *p == '#') {
    s.set(format_specs::alt_flag);
    ++p;
  }
  if (p != end && *p == '0') {
    s.set(format_specs::zero_flag);
    ++p;
  }
  if (p != end && is_digit(*p)) {
    const format_errc e = parse_number(p, end, s.width);
    if (e != format_errc::ok) return e;
  }
  if (p != end && *p == '.') {
    ++p;
    if (p == end || !is_digit(*p)) return format_errc::invalid_spec;
    std::uint32_t prec = 0;
    const format_errc e = parse_number(p, end, prec);
    if (e != format_errc::ok) return e;
    s.precision = static_cast<std::int32_t>(prec);
  }
  if (p != end && *p != '}') {
    const char t = *p;
    if (!((t >= 'a' && t <= 'z') || (t >= 'A' && t <= 'Z'))) return format_errc::invalid_spec;
    s.type = t;
    ++p;
  }
  if (p == end) return format_errc::unmatched_open_brace;
  if (*p != '}') return format_errc::invalid_spec;
  return format_errc::ok;
}

constexpr bool is_int_type(char t) noexcept {
  return t == 'd' || t == 'x' || t == 'X' || t == 'o' || t == 'b' || t == 'B';
}

/// Is the parsed spec valid for an argument of category c?
constexpr format_errc validate_specs(arg_category c, const format_specs& s) noexcept {
  const bool no_numeric_flags = s.sign == 0 && !s.alt() && !s.zero();
  switch (c) {
    case arg_category::signed_int:
    case arg_category::unsigned_int:
      if (s.precision >= 0) return format_errc::type_mismatch;
      if (s.type == 'c') return no_numeric_flags ? format_errc::ok : format_errc::type_mismatch;
      return s.type == 0 || is_int_type(s.type) ? format_errc::ok : format_errc::type_mismatch;
    case arg_category::character:
    case arg_category::boolean:
      if (s.type == 0 || s.type == (c == arg_category::character ? 'c' : 's'))
        return no_numeric_flags && s.precision < 0 ? format_errc::ok : format_errc::type_mismatch;
      return is_int_type(s.type) && s.precision < 0 ? format_errc::ok : format_errc::type_mismatch;
    case arg_category::string:
      return (s.type == 0 || s.type == 's') && no_numeric_flags ? format_errc::ok
                                                                : format_errc::type_mismatch;
    case arg_category::pointer:
      return (s.type == 0 || s.type == 'p') && no_numeric_flags && s.precision < 0
                 ? format_errc::ok
                 : format_errc::type_mismatch;
    case arg_category::floating:
      switch (s.type) {
        case 0: case 'f': case 'F': case 'e': case 'E': case 'g': case 'G': return format_errc::ok;
        default: return format_errc::type_mismatch;
      }
    case arg_category::custom: return format_errc::ok;
  }
  return format_errc::type_mismatch;
}

inline constexpr format_specs default_specs{};

/// First '{' or '}' in [p, end), or end. Word-at-a-time on little-endian
/// targets at run time (the classic has-zero-byte test: its lowest flagged
/// byte is always exact), a plain loop in constant evaluation.
constexpr const char* find_brace(const char* p, const char* end) noexcept {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__ && HEAPLESS_DETAIL_GNU && \
    !HEAPLESS_FORMAT_OPTIMIZE_SIZE
  if (!HEAPLESS_IS_CONSTANT_EVALUATED()) {
    using word = std::size_t;
    constexpr word ones = ~word{0} / 255;
    constexpr word highs = ones * 0x80;
    while (end - p >= static_cast<std::ptrdiff_t>(sizeof(word))) {
      word w = 0;
      detail::mem_copy(&w, p, sizeof w);
      const word open = w ^ (ones * '{');
      const word close = w ^ (ones * '}');
      const word hit = (((open - ones) & ~open) | ((close - ones) & ~close)) & highs;
      if (hit != 0) {
        if constexpr (sizeof(word) == 8) return p + (__builtin_ctzll(static_cast<unsigned long long>(hit)) >> 3);
        else return p + (__builtin_ctz(static_cast<unsigned>(hit)) >> 3);
      }
      p += sizeof(word);
    }
  }
#endif
  while (p != end && *p != '{' && *p != '}') ++p;
  return p;
}

/// The one parser. Calls h.on_text(const char*, size_t) for literal text and
/// h.on_field(index, specs, raw_spec) for each replacement field; validates
/// indices and specs against descs[0, n). Used in constant evaluation (the C++20
/// check, with a handler that does nothing) and at run time by vformat().
template <class Handler>
constexpr format_errc parse_format(std::string_view fmt, const arg_desc* descs, std::size_t n, Handler& h) {
  if (n > 32) return format_errc::too_many_arguments;
  const char* p = fmt.data();
  const char* const end = p + fmt.size();
  std::size_t next_auto = 0;
  int indexing = 0;  // 0 unknown, 1 automatic, 2 manual
  std::uint32_t used = 0;  // bit i: argument i was referenced
  while (p != end) {
    const char* q = find_brace(p, end);
    if (q != p) h.on_text(p, static_cast<std::size_t>(q - p));
    if (q == end) break;
    if (*q == '}') {
      if (q + 1 == end || q[1] != '}') return format_errc::unmatched_close_brace;
      h.on_text(q, 1);
      p = q + 2;
      continue;
    }
    ++q;  // past '{'
    if (q == end) return format_errc::unmatched_open_brace;
    if (*q == '{') {
      h.on_text(q, 1);
      p = q + 1;
      continue;
    }
#if !HEAPLESS_FORMAT_OPTIMIZE_SIZE
    if (*q == '}' && indexing != 2) {  // "{}": the common case, no spec to parse
      indexing = 1;
      const std::size_t index = next_auto++;
      if (index >= n) return format_errc::arg_id_out_of_range;
      used |= std::uint32_t{1} << index;
      if (descs[index].category == arg_category::custom && !descs[index].check(std::string_view()))
        return format_errc::custom_spec_rejected;
      h.on_field(index, default_specs, std::string_view());
      p = q + 1;
      continue;
    }
#endif
    std::size_t index = 0;
    if (is_digit(*q)) {
      if (indexing == 1) return format_errc::mixed_indexing;
      indexing = 2;
      if (*q == '0' && q + 1 != end && is_digit(q[1])) return format_errc::invalid_arg_id;
      std::uint32_t v = 0;
      if (parse_number(q, end, v) != format_errc::ok) return format_errc::arg_id_out_of_range;
      index = v;
    } else {
      if (indexing == 2) return format_errc::mixed_indexing;
      indexing = 1;
      index = next_auto++;
    }
    if (q == end) return format_errc::unmatched_open_brace;
    if (*q != ':' && *q != '}') return format_errc::invalid_arg_id;
    if (index >= n) return format_errc::arg_id_out_of_range;
    used |= std::uint32_t{1} << index;
    format_specs specs;
    std::string_view raw;
    if (*q == ':') {
      ++q;
      if (descs[index].category == arg_category::custom) {
        const char* r = q;
        while (r != end && *r != '}' && *r != '{') ++r;
        if (r == end || *r == '{') return format_errc::unmatched_open_brace;
        raw = std::string_view(q, static_cast<std::size_t>(r - q));
        q = r;
      } else {
        const format_errc e = parse_specs(q, end, specs);
        if (e != format_errc::ok) return e;
      }
    }
    if (descs[index].category == arg_category::custom) {
      if (!descs[index].check(raw)) return format_errc::custom_spec_rejected;
    } else if (!specs.plain()) {  // "{}" suits every type
      const format_errc e = validate_specs(descs[index].category, specs);
      if (e != format_errc::ok) return e;
    }
    h.on_field(index, specs, raw);
    p = q + 1;  // past '}'
  }
  const std::uint32_t all = n == 32 ? ~std::uint32_t{0} : (std::uint32_t{1} << n) - 1;
  if (used != all) return format_errc::unused_argument;
  return format_errc::ok;
}

struct check_handler {
  constexpr void on_text(const char*, std::size_t) noexcept {}
  constexpr void on_field(std::size_t, const format_specs&, std::string_view) noexcept {}
};

/// Compile-time (or run-time) validation of a format string against argument descriptors.
constexpr format_errc check_format(std::string_view fmt, const arg_desc* descs, std::size_t n) {
  check_handler h;
  return parse_format(fmt, descs, n, h);
}

// ---- Argument values -------------------------------------------------------

struct string_arg {
  const char* data;
  std::size_t size;
};
struct custom_arg {
  const void* object;
};

union arg_value {
  std::uint32_t u32;
  std::int32_t i32;
  unsigned long long u64;
  long long i64;
  bool b;
  char c;
  const char* cstr;
  string_arg str;
  const void* ptr;
  float f;
  double d;
  custom_arg custom;
};

// ---- Padding and output helpers -------------------------------------------

/// Number of code points in s (what width counts; East Asian wide characters count 1).
inline std::size_t display_width(const char* s, std::size_t n) noexcept {
  std::size_t w = 0;
  for (std::size_t i = 0; i < n; ++i) w += (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80;
  return w;
}

inline void write_fill(format_buffer& out, const format_specs& s, std::size_t n) {
  const unsigned fill_size = utf8_length(s.fill[0]);
  if (fill_size == 1) {
    out.fill(n, s.fill[0]);
  } else {
    for (std::size_t i = 0; i < n; ++i) {
      out.write(s.fill, fill_size);
      if (out.overflowed()) {  // a full fixed sink: count the rest, O(1)
        out.drop((n - i - 1) * fill_size);
        return;
      }
    }
  }
}

/// Writes body (display width w) padded to s.width; default_align is '<' or '>'.
inline void write_padded(format_buffer& out, const format_specs& s, const char* body, std::size_t n,
                         std::size_t w, char default_align) {
  if (s.width <= w) {
    out.write(body, n);
    return;
  }
  const std::size_t pad = s.width - w;
  const char align = s.align ? s.align : default_align;
  const std::size_t left = align == '>' ? pad : align == '^' ? pad / 2 : 0;
  write_fill(out, s, left);
  out.write(body, n);
  write_fill(out, s, pad - left);
}

/// Numeric output: prefix (sign, base prefix) + digits, padded; '0' pads
/// between prefix and digits unless an alignment was given.
inline void write_numeric(format_buffer& out, const format_specs& s, const char* prefix, std::size_t pn,
                          const char* digits, std::size_t dn, bool zero_allowed = true) {
  const std::size_t len = pn + dn;
  if (s.width <= len) {
    out.write(prefix, pn);
    out.write(digits, dn);
    return;
  }
  if (s.zero() && s.align == 0 && zero_allowed) {
    out.write(prefix, pn);
    out.fill(s.width - len, '0');
    out.write(digits, dn);
    return;
  }
  const std::size_t pad = s.width - len;
  const char align = s.align ? s.align : '>';
  const std::size_t left = align == '>' ? pad : align == '^' ? pad / 2 : 0;
  write_fill(out, s, left);
  out.write(prefix, pn);
  out.write(digits, dn);
  write_fill(out, s, pad - left);
}

inline void write_string(format_buffer& out, const format_specs& s, const char* data, std::size_t n) {
  if (s.plain()) {
    out.write(data, n);
    return;
  }
  if (s.precision >= 0) {  // keep at most `precision` code points
    std::size_t cps = 0, i = 0;
    const auto limit = static_cast<std::size_t>(s.precision);
    for (; i < n; ++i) {
      if ((static_cast<unsigned char>(data[i]) & 0xC0) != 0x80) {
        if (cps == limit) break;
        ++cps;
      }
    }
    n = i;
  }
  write_padded(out, s, data, n, s.width ? display_width(data, n) : 0, '<');
}

/// Digits of v in base 2^Shift, written backwards ending at end; returns the first.
template <unsigned Shift, class UInt>
char* write_pow2_digits(char* end, UInt v, bool upper) noexcept {
  const char* const digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
  constexpr UInt mask = (UInt{1} << Shift) - 1;
  do {
    *--end = digits[static_cast<unsigned>(v & mask)];
    v = static_cast<UInt>(v >> Shift);
  } while (v != 0);
  return end;
}

/// The digits of v in base 10, 16, 8 or 2, written backwards ending at end
/// (room for sizeof(UInt) * 8 chars); returns the first. Two implementations
/// with the same output (tests/format_compiled_test.cpp compares them);
/// HEAPLESS_FORMAT_OPTIMIZE_SIZE picks one (uint_digits).
/// Small: one loop for every base, a division per digit (a libgcc call on
/// cores without a divider), no digit table.
template <class UInt>
char* uint_digits_small(char* end, UInt v, unsigned base, bool upper) noexcept {
  const unsigned letters = upper ? 'A' - '9' - 1 : 'a' - '9' - 1;  // '9' + 1 -> 'A' or 'a'
  do {
    const UInt q = static_cast<UInt>(v / base);
    unsigned c = static_cast<unsigned>(v - q * base) + '0';
    if (c > '9') c += letters;
    *--end = static_cast<char>(c);
    v = q;
  } while (v != 0);
  return end;
}

/// Fast: std::to_chars for decimal (two digits per division), a shift loop
/// for powers of two.
template <class UInt>
char* uint_digits_fast(char* end, UInt v, unsigned base, bool upper) noexcept {
  if (base == 10) {
    char tmp[sizeof(UInt) * 3];
    const char* const last = std::to_chars(tmp, tmp + sizeof tmp, v).ptr;
    for (const char* q = last; q != tmp;) *--end = *--q;
    return end;
  }
  if (base == 16) return write_pow2_digits<4>(end, v, upper);
  if (base == 8) return write_pow2_digits<3>(end, v, false);
  return write_pow2_digits<1>(end, v, false);
}

template <class UInt>
char* uint_digits(char* end, UInt v, unsigned base, bool upper) noexcept {
#if HEAPLESS_FORMAT_OPTIMIZE_SIZE
  return uint_digits_small(end, v, base, upper);
#else
  return uint_digits_fast(end, v, base, upper);
#endif
}

#if !HEAPLESS_FORMAT_OPTIMIZE_SIZE
/// "00" "01" ... "99": two decimal digits per division.
inline constexpr char decimal_pairs[201] =
    "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
    "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
    "8081828384858687888990919293949596979899";

/// Decimal digits of a 32-bit value at first (room for 10); returns the end.
/// What std::to_chars does (count, then two digits per division from a
/// table), inline: no call, no range check (the caller has the room), and
/// the count is a tree of compares rather than a loop.
inline char* write_decimal_u32(char* first, std::uint32_t v) noexcept {
  const std::size_t n = v < 10000u ? (v < 100u ? (v < 10u ? 1 : 2) : (v < 1000u ? 3 : 4))
                        : v < 100000000u
                            ? (v < 1000000u ? (v < 100000u ? 5 : 6) : (v < 10000000u ? 7 : 8))
                            : (v < 1000000000u ? 9 : 10);
  char* p = first + n;
  while (v >= 100u) {
    const std::uint32_t q = v / 100u;
    const std::uint32_t r = v - q * 100u;
    v = q;
    p -= 2;
    detail::mem_copy(p, decimal_pairs + 2 * r, 2);
  }
  if (v >= 10u) {
    detail::mem_copy(p - 2, decimal_pairs + 2 * v, 2);
  } else {
    p[-1] = static_cast<char>('0' + v);
  }
  return first + n;
}
#endif

/// Decimal digits of v into [first, last) (which holds them all); returns the end.
/// std::to_chars (two digits per division, a 200-byte table; the same inline
/// for 32-bit values) unless built for size.
template <class UInt>
char* write_decimal(char* first, char* last, UInt v) noexcept {
#if HEAPLESS_FORMAT_OPTIMIZE_SIZE
  (void)last;
  char tmp[sizeof(UInt) * 3];
  const char* const p = uint_digits_small(tmp + sizeof tmp, v, 10u, false);
  const auto n = static_cast<std::size_t>(tmp + sizeof tmp - p);
  detail::mem_copy(first, p, n);
  return first + n;
#else
  if constexpr (sizeof(UInt) <= 4) {
    (void)last;
    return write_decimal_u32(first, static_cast<std::uint32_t>(v));
  } else {
    return std::to_chars(first, last, v).ptr;
  }
#endif
}

/// Integers: abs is the magnitude, negative its sign.
template <class UInt>
HEAPLESS_NOINLINE void write_integer(format_buffer& out, UInt abs, bool negative, const format_specs& s) {
  constexpr std::size_t max_digits = sizeof(UInt) * 8;  // base 2 is the longest
  if (s.plain()) {  // "{}": straight into the sink when it has room
#if !HEAPLESS_FORMAT_OPTIMIZE_SIZE
    // Decimal needs at most floor(bits * log10(2)) + 1 digits, and the sign:
    // a String sized for its line (11 chars for an int) still takes this path.
    constexpr std::size_t max_decimal = sizeof(UInt) * 8 * 30103 / 100000 + 1;
    if (out.room() > max_decimal) {
      char* p = out.cur();
      if (negative) *p++ = '-';
      out.advance(static_cast<std::size_t>(write_decimal(p, p + max_decimal, abs) - out.cur()));
      return;
    }
#endif
    char buf[max_digits + 1];
    char* p = buf;
    if (negative) *p++ = '-';
    out.write(buf, static_cast<std::size_t>(write_decimal(p, buf + sizeof buf, abs) - buf));
    return;
  }
  if (s.type == 'c') {
    if (negative || abs > 0xFFu) return out.fail("heapless::format: {:c} value out of range");
    const char ch = static_cast<char>(static_cast<unsigned char>(abs));
    write_padded(out, s, &ch, 1, 1, '<');
    return;
  }
  char prefix[4];
  std::size_t pn = 0;
  if (negative) {
    prefix[pn++] = '-';
  } else if (s.sign == '+' || s.sign == ' ') {
    prefix[pn++] = s.sign;
  }
  char buf[max_digits];
  char* const end = buf + sizeof buf;
  const char* first = buf;
  const char* last = end;
  switch (s.type) {
    case 'x': case 'X': first = write_pow2_digits<4>(end, abs, s.type == 'X'); break;
    case 'o': first = write_pow2_digits<3>(end, abs, false); break;
    case 'b': case 'B': first = write_pow2_digits<1>(end, abs, false); break;
    default: last = write_decimal(buf, end, abs); break;
  }
  if (s.alt() && s.type != 0 && s.type != 'd') {
    if (s.type == 'o') {
      if (abs != 0) prefix[pn++] = '0';
    } else {
      prefix[pn++] = '0';
      prefix[pn++] = s.type;
    }
  }
  write_numeric(out, s, prefix, pn, first, static_cast<std::size_t>(last - first));
}

// Handlers, one per category (plus custom and float ones elsewhere). They
// have the arg_handler signature.
inline void handle_i32(format_buffer& out, const arg_value& v, const format_specs& s, std::string_view) {
  const std::int32_t x = v.i32;
  const bool neg = x < 0;
  const std::uint32_t abs = neg ? 0u - static_cast<std::uint32_t>(x) : static_cast<std::uint32_t>(x);
  write_integer<std::uint32_t>(out, abs, neg, s);
}
inline void handle_u32(format_buffer& out, const arg_value& v, const format_specs& s, std::string_view) {
  write_integer<std::uint32_t>(out, v.u32, false, s);
}
inline void handle_i64(format_buffer& out, const arg_value& v, const format_specs& s, std::string_view) {
  const long long x = v.i64;
  const bool neg = x < 0;
  const unsigned long long abs =
      neg ? 0ull - static_cast<unsigned long long>(x) : static_cast<unsigned long long>(x);
  if (abs <= 0xFFFFFFFFu) {  // 32-bit division is much cheaper on 32-bit cores
    write_integer<std::uint32_t>(out, static_cast<std::uint32_t>(abs), neg, s);
  } else {
    write_integer<unsigned long long>(out, abs, neg, s);
  }
}
inline void handle_u64(format_buffer& out, const arg_value& v, const format_specs& s, std::string_view) {
  if (v.u64 <= 0xFFFFFFFFu) {
    write_integer<std::uint32_t>(out, static_cast<std::uint32_t>(v.u64), false, s);
  } else {
    write_integer<unsigned long long>(out, v.u64, false, s);
  }
}
inline void handle_char(format_buffer& out, const arg_value& v, const format_specs& s, std::string_view) {
  if (s.type == 0 || s.type == 'c') {
    write_string(out, s, &v.c, 1);
  } else {  // integer presentation of the code unit (as unsigned char, like C++26 std::format)
    write_integer<std::uint32_t>(out, static_cast<unsigned char>(v.c), false, s);
  }
}
inline void handle_bool(format_buffer& out, const arg_value& v, const format_specs& s, std::string_view) {
  if (s.type == 0 || s.type == 's') {
    // 16-byte rows: copy_short's wide loads stay inside the object (and GCC's -Warray-bounds agrees).
    static constexpr char names[2][16] = {"false", "true"};
    write_string(out, s, names[v.b ? 1 : 0], v.b ? 4 : 5);
  } else {
    write_integer<std::uint32_t>(out, v.b ? 1u : 0u, false, s);
  }
}
inline constexpr const char* null_cstr_message = "heapless::format: null const char* argument";
inline void handle_cstr(format_buffer& out, const arg_value& v, const format_specs& s, std::string_view) {
  if (v.cstr == nullptr) return out.fail(null_cstr_message);
  write_string(out, s, v.cstr, detail::str_len(v.cstr));
}
inline void handle_string(format_buffer& out, const arg_value& v, const format_specs& s, std::string_view) {
  // An empty string_view may hold nullptr, which must not reach memcpy.
  write_string(out, s, v.str.size != 0 ? v.str.data : "", v.str.size);
}
inline void handle_pointer(format_buffer& out, const arg_value& v, const format_specs& s, std::string_view) {
  format_specs hex = s;
  hex.type = 'x';
  hex.set(format_specs::alt_flag | format_specs::has_spec_flag);
  write_integer<std::uintptr_t>(out, reinterpret_cast<std::uintptr_t>(v.ptr), false, hex);
}

}  // namespace detail

/// What a user formatter<T>::format receives: where to write, and the raw spec
/// text of the field ("x" for "{:x}"). Write with write()/put(), or format
/// nested values with heapless::format_to(ctx, "...", ...).
class format_context {
 public:
  /// Writes to out; spec is the field's spec text.
  explicit format_context(detail::format_buffer& out, std::string_view spec = {}) noexcept
      : out_(out), spec_(spec) {}
  format_context(const format_context&) = delete;
  format_context& operator=(const format_context&) = delete;

  /// Appends s (O(s.size())); past a fixed capacity the excess is dropped and
  /// reported by the format_to call that owns this context.
  void write(std::string_view s) { out_.write(s.data(), s.size()); }
  /// Appends c; past a fixed capacity it is dropped (as write()).
  void put(char c) { out_.put(c); }
  /// The spec text after ':' in the replacement field ("" for "{}").
  std::string_view spec() const noexcept { return spec_; }
  /// The underlying output buffer.
  detail::format_buffer& buffer() noexcept { return out_; }

 private:
  detail::format_buffer& out_;
  std::string_view spec_;
};

namespace detail {

// ---- Type classification ----------------------------------------------------

template <class T, class = void>
struct has_formatter : std::false_type {};
template <class T>
struct has_formatter<T, decltype(void(sizeof(formatter<T>)))> : std::true_type {};

template <class T, class = void>
struct has_parse : std::false_type {};
template <class T>
struct has_parse<T, decltype(void(formatter<T>::parse(std::string_view{})))> : std::true_type {};

template <class T>
constexpr bool check_custom_spec(std::string_view spec) {
  if constexpr (has_parse<T>::value) {
    return formatter<T>::parse(spec);
  } else {
    return spec.empty();
  }
}

template <class T>
void handle_custom(format_buffer& out, const arg_value& v, const format_specs&, std::string_view raw) {
  format_context ctx(out, raw);
  const formatter<T> f{};
  f.format(*static_cast<const T*>(v.custom.object), ctx);
}

template <class T>
constexpr bool is_char_type_v = std::is_same_v<T, char> || std::is_same_v<T, wchar_t> ||
#if defined(__cpp_char8_t)
                                std::is_same_v<T, char8_t> ||
#endif
                                std::is_same_v<T, char16_t> || std::is_same_v<T, char32_t>;

template <class T>
struct float_handler;  // defined in format_float.hpp (instantiated only for float arguments)

/// How a (decayed) argument type T is stored and formatted.
template <class T>
struct arg_traits {
  static constexpr bool is_custom = has_formatter<T>::value;
  static constexpr bool is_enum = !is_custom && std::is_enum_v<T>;
  using value_type = std::conditional_t<is_enum, std::underlying_type<T>, std::decay<T>>;
  using V = typename value_type::type;  // T, or an enum's underlying type

  static constexpr bool is_bool = std::is_same_v<V, bool>;
  static constexpr bool is_char = std::is_same_v<V, char>;
  static constexpr bool is_int = std::is_integral_v<V> && !is_bool && !is_char && !is_char_type_v<V>;
  static constexpr bool is_float = std::is_same_v<V, float> || std::is_same_v<V, double>;
  static constexpr bool is_cstr = std::is_same_v<V, const char*> || std::is_same_v<V, char*>;
  static constexpr bool is_pointer =
      !is_cstr && (std::is_pointer_v<V> || std::is_same_v<V, std::nullptr_t>) &&
      !std::is_function_v<std::remove_pointer_t<V>>;
  static constexpr bool is_string =
      !is_custom && !is_cstr && !is_pointer && std::is_convertible_v<const T&, std::string_view>;

  static constexpr bool supported =
      is_custom || is_bool || is_char || is_int || is_float || is_cstr || is_pointer || is_string;

  static constexpr arg_category category =
      is_custom    ? arg_category::custom
      : is_bool    ? arg_category::boolean
      : is_char    ? arg_category::character
      : is_int     ? (std::is_signed_v<V> ? arg_category::signed_int : arg_category::unsigned_int)
      : is_float   ? arg_category::floating
      : is_pointer ? arg_category::pointer
                   : arg_category::string;

  static constexpr bool wide = sizeof(V) > 4;

  static constexpr arg_handler handler() {
    if constexpr (is_custom) return &handle_custom<T>;
    else if constexpr (is_bool) return &handle_bool;
    else if constexpr (is_char) return &handle_char;
    else if constexpr (is_int && std::is_signed_v<V>) return wide ? &handle_i64 : &handle_i32;
    else if constexpr (is_int) return wide ? &handle_u64 : &handle_u32;
    else if constexpr (is_float) return &float_handler<V>::handle;
    else if constexpr (is_cstr) return &handle_cstr;
    else if constexpr (is_pointer) return &handle_pointer;
    else return &handle_string;
  }
  static constexpr spec_checker checker() {
    if constexpr (is_custom) return &check_custom_spec<T>;
    else return nullptr;
  }

  static arg_value make(const T& x) noexcept {
    arg_value v{};
    if constexpr (is_custom) {
      v.custom.object = &x;
    } else if constexpr (is_bool || is_char) {
      if constexpr (is_bool) v.b = static_cast<bool>(x);
      else v.c = static_cast<char>(x);
    } else if constexpr (is_int) {
      const auto u = static_cast<V>(x);
      if constexpr (std::is_signed_v<V>) {
        if constexpr (wide) v.i64 = static_cast<long long>(u);
        else v.i32 = static_cast<std::int32_t>(u);
      } else {
        if constexpr (wide) v.u64 = static_cast<unsigned long long>(u);
        else v.u32 = static_cast<std::uint32_t>(u);
      }
    } else if constexpr (std::is_same_v<V, float>) {
      v.f = x;
    } else if constexpr (std::is_same_v<V, double>) {
      v.d = x;
    } else if constexpr (is_cstr) {
      v.cstr = x;
    } else if constexpr (is_pointer) {
      if constexpr (std::is_same_v<V, std::nullptr_t>) v.ptr = nullptr;
      else v.ptr = reinterpret_cast<const void*>(x);
    } else {
      const std::string_view sv = x;
      v.str.data = sv.data();
      v.str.size = sv.size();
    }
    return v;
  }
};

template <class T>
struct arg_desc_of {
  static_assert(arg_traits<T>::supported,
                "heapless::format: no formatter for this argument type; specialise heapless::formatter<T>");
  static constexpr arg_desc value{arg_traits<T>::handler(), arg_traits<T>::category, arg_traits<T>::checker()};
};

/// The constexpr descriptor table of an argument list (one trailing entry so it is never empty).
template <class... Ts>
struct arg_descs {
  static constexpr arg_desc value[sizeof...(Ts) + 1] = {arg_desc_of<Ts>::value...,
                                                         arg_desc{nullptr, arg_category::custom, nullptr}};
};

/// The type an argument is described by: decayed, and char* read as const char*.
template <class T>
using arg_type_t = std::conditional_t<std::is_same_v<std::decay_t<T>, char*>, const char*, std::decay_t<T>>;

// ---- Engine ------------------------------------------------------------------

struct compiled_op;  // format_precompiled.hpp

/// A view of a precompiled program (null ops: not precompiled, parse at run time).
struct program_view {
  const compiled_op* ops = nullptr;
  std::size_t count = 0;
};

/// Everything one formatting call needs, type-erased. run formats it:
/// vformat (parse at run time, or run the C++20 precompiled program), or a
/// HEAPLESS_FMT string's generated code (format_codegen.hpp), which reads
/// the arguments from args instead of values.
struct format_call {
  std::string_view fmt;
  program_view program;
  const arg_value* values;
  const arg_desc* descs;
  std::size_t n;
  void (*run)(format_buffer&, const format_call&);
  const void* args;
};

struct format_handler {
  format_buffer& out;
  const arg_value* values;
  const arg_desc* descs;
  void on_text(const char* p, std::size_t n) { out.write(p, n); }
  void on_field(std::size_t i, const format_specs& s, std::string_view raw) {
    descs[i].handler(out, values[i], s, raw);
  }
};

#if HEAPLESS_DETAIL_FORMAT_PRECOMPILED
/// Runs c.program (format_precompiled.hpp).
HEAPLESS_ALWAYS_INLINE inline void run_program(format_buffer& out, const format_call& c);
#endif

/// Formats into out. A malformed format string (or a value a spec cannot
/// show) is recorded with out.fail(); the caller raises it with
/// raise_format_error() once its target is consistent again.
HEAPLESS_NOINLINE inline void vformat(format_buffer& out, const format_call& c) {
#if HEAPLESS_DETAIL_FORMAT_PRECOMPILED
  if (c.program.ops != nullptr) {  // compiled (and checked) at compile time
    run_program(out, c);
    return;
  }
#endif
  format_handler h{out, c.values, c.descs};
  const format_errc e = parse_format(c.fmt, c.descs, c.n, h);
  if (HEAPLESS_UNLIKELY(e != format_errc::ok)) out.fail(format_error_message(e));
}

[[noreturn]] HEAPLESS_COLD inline void raise_format_error(const char* message) {
  raise(error_kind::invalid_argument, message);
}

}  // namespace detail
HEAPLESS_NAMESPACE_END

// After the engine it serves: it needs the parser and the argument table above.
#include <heapless/detail/format_precompiled.hpp>  // compiled_op, compile_format; run_program, which vformat calls

#endif  // HEAPLESS_DETAIL_FORMAT_CORE_HPP
