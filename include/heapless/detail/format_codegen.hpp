// SPDX-License-Identifier: BSL-1.0
// heapless/detail/format_codegen.hpp - HEAPLESS_FMT: format strings turned
// into code at the call site (heapless/format.hpp). The other compile-time
// mechanism, C++20's precompiled format strings, keeps the parse as data for
// the run-time engine instead (format_precompiled.hpp).
//
// HEAPLESS_FMT("t={} id={:#x}") names a type whose str() is the literal. The
// string is parsed by the same constexpr parser as every other format string
// (parse_format, through compile_format of format_precompiled.hpp), in C++17
// as well, when the call is compiled: a malformed string or a spec that does
// not suit its argument is a static_assert. The
// call then runs a fixed sequence of steps, each one literal write or one
// argument write chosen at compile time for its type and spec:
//   - "{}" and specs without width, fill, sign or precision of integers
//     ("{:x}" "{:#x}" "{:o}" "{:b}" "{:d}"): one small shared integer writer
//     for every base (its digit loop: uint_digits, format_core.hpp);
//   - "{}" of strings, chars and bools: a plain write;
//   - anything else: the type's usual handler with its spec as a constant.
// No parser, no dispatch table and no unused handler are linked: the code is
// close to hand-written puts (docs/format.md). The output is the same as the
// run-time engine's, byte for byte (tests/format_compiled_test.cpp).
//
// Two ways to run the steps:
//   - into a String<N> (format_to, try_format_to, format<N>): straight into
//     the String's buffer (direct_sink: the free capacity, one check per
//     piece); each literal piece is its own constant with an unsigned field's
//     base prefix ("0x") appended, the integer writer gets the base and flags
//     in one word; no format_buffer, no format_call, no function pointer
//     (format.hpp, format_direct);
//   - every other target (Vec, iterators, format_to_n, formatted_size,
//     truncation, a format_context): through the engine's format_buffer and
//     format_call (run_compiled), which chunk, count and truncate.
#ifndef HEAPLESS_DETAIL_FORMAT_CODEGEN_HPP
#define HEAPLESS_DETAIL_FORMAT_CODEGEN_HPP

#include <charconv>     // std::to_chars: decimal fields straight into a String (fast build)
#include <cstddef>      // std::size_t
#include <cstdint>      // std::uint32_t
#include <string_view>  // std::string_view
#include <type_traits>  // std::is_base_of_v, std::enable_if_t
#include <utility>      // std::index_sequence

#include <heapless/detail/cstring.hpp>             // detail::mem_copy, detail::str_len
#include <heapless/detail/format_core.hpp>         // format_buffer, format_call, arg_traits, handlers
#include <heapless/detail/format_precompiled.hpp>  // compile_format, compiled_program: the ops code is generated from

HEAPLESS_NAMESPACE_BEGIN
namespace detail {

/// Base of the types HEAPLESS_FMT creates.
struct compiled_string_tag {};

template <class S>
constexpr bool is_compiled_string_v = std::is_base_of_v<compiled_string_tag, S>;
template <class S>
using if_compiled_string_t = std::enable_if_t<is_compiled_string_v<S>, int>;

/// Upper bound of the ops a string compiles to (each brace starts at most one).
constexpr std::size_t compiled_op_bound(std::string_view s) noexcept {
  std::size_t n = 1;
  for (const char c : s) n += (c == '{' || c == '}') ? 1 : 0;
  return n;
}

/// The compiled form of format string S for argument types Ts.
template <class S, class... Ts>
struct compiled_format {
  static constexpr std::string_view str = S::str();
  static constexpr std::size_t bound = compiled_op_bound(str);
  struct result {
    compiled_program<bound> program{};
    format_errc error = format_errc::ok;
  };
  static constexpr result compile() {
    result r{};
    r.error = compile_format(str, arg_descs<Ts...>::value, sizeof...(Ts), r.program);
    return r;
  }
  static constexpr result compiled = compile();
  static constexpr format_errc error = compiled.error;
  static_assert(error != format_errc::unmatched_open_brace, "HEAPLESS_FMT: '{' without matching '}'");
  static_assert(error != format_errc::unmatched_close_brace, "HEAPLESS_FMT: '}' must be written '}}'");
  static_assert(error != format_errc::invalid_arg_id, "HEAPLESS_FMT: invalid argument index");
  static_assert(error != format_errc::arg_id_out_of_range, "HEAPLESS_FMT: more fields than arguments");
  static_assert(error != format_errc::mixed_indexing, "HEAPLESS_FMT: mixed automatic and manual indexing");
  static_assert(error != format_errc::invalid_spec, "HEAPLESS_FMT: invalid format spec");
  static_assert(error != format_errc::number_too_big, "HEAPLESS_FMT: width or precision too big");
  static_assert(error != format_errc::type_mismatch, "HEAPLESS_FMT: spec not valid for the argument type");
  static_assert(error != format_errc::custom_spec_rejected, "HEAPLESS_FMT: formatter<T>::parse rejected the spec");
  static_assert(error != format_errc::unused_argument, "HEAPLESS_FMT: an argument is never used");
  static_assert(error != format_errc::too_many_arguments, "HEAPLESS_FMT: at most 32 arguments");
  static_assert(error != format_errc::ok || compiled.program.valid, "HEAPLESS_FMT: format string longer than 64 KiB");
  static constexpr std::size_t count = compiled.program.count;
};

/// The arguments of a compiled call, type-erased for format_call::args.
template <std::size_t N>
struct arg_refs {
  const void* p[N + 1];
};

template <std::size_t I, class T, class... Ts>
struct nth_type : nth_type<I - 1, Ts...> {};
template <class T, class... Ts>
struct nth_type<0, T, Ts...> {
  using type = T;
};

/// The writer of the simple integer specs: sign, prefix ("0x" "0X" "0b" "0B"
/// "0" or ""), digits in base 10 (shift == 0) or 2^shift; nothing else. One
/// function for every base: under -Os one digit loop serves all of them.
template <class UInt>
HEAPLESS_NOINLINE void write_int_plain(format_buffer& out, UInt abs, bool negative, unsigned shift, bool upper,
                                       const char* prefix) {
  char buf[sizeof(UInt) * 8 + 4];  // >= 16 too: format_buffer::write may copy 16 bytes at a time
  char* const end = buf + sizeof buf;
  char* p = uint_digits(end, abs, shift != 0 ? 1u << shift : 10u, upper);
  for (std::size_t n = detail::str_len(prefix); n > 0; --n) *--p = prefix[n - 1];
  if (negative) *--p = '-';
  out.write(p, static_cast<std::size_t>(end - p));
}

/// An integer spec the plain writers handle: no width, fill, '+' or ' ' sign,
/// zero padding or 'c'; any base, with or without '#'.
constexpr bool is_simple_int_spec(const format_specs& s) noexcept {
  return s.width == 0 && s.precision < 0 && s.sign != '+' && s.sign != ' ' && !s.zero() &&
         (s.type == 0 || is_int_type(s.type));
}

/// log2 of the base of an integer type char ('x' 'X' 'o' 'b' 'B'), 0 for decimal.
constexpr unsigned int_type_shift(char t) noexcept {
  return t == 'x' || t == 'X' ? 4 : t == 'o' ? 3 : t == 'b' || t == 'B' ? 1 : 0;
}

/// Every field without a special writer: the run-time engine's handler for
/// its type, with the spec (and a custom type's spec text) as constants.
template <class P, std::size_t K, class T>
inline void handle_compiled_field(format_buffer& out, const T& x) {
  static constexpr format_specs specs = P::compiled.program.ops[K].specs;
  constexpr std::string_view raw =
      arg_traits<T>::is_custom && !specs.plain()
          ? P::str.substr(static_cast<std::size_t>(specs.width), static_cast<std::size_t>(specs.precision))
          : std::string_view();
  arg_traits<T>::handler()(out, arg_traits<T>::make(x), specs, raw);
}

/// Writes argument I of a compiled format with the spec of op K.
template <class P, std::size_t K, class T>
inline void write_compiled_field(format_buffer& out, const T& x) {
  constexpr compiled_op op = P::compiled.program.ops[K];
  constexpr format_specs s = op.specs;
  using tr = arg_traits<T>;
  using V = typename tr::V;
  if constexpr (tr::is_int && is_simple_int_spec(s)) {
    using U = std::conditional_t<tr::wide, unsigned long long, std::uint32_t>;
    const auto v = static_cast<V>(x);
    bool neg = false;
    U abs = static_cast<U>(v);
    if constexpr (std::is_signed_v<V>) {
      neg = v < 0;
      if (neg) abs = static_cast<U>(U{0} - abs);
    }
    constexpr unsigned shift = int_type_shift(s.type);
    constexpr const char* prefix = !s.alt() || shift == 0 ? ""
                                   : s.type == 'x'        ? "0x"
                                   : s.type == 'X'        ? "0X"
                                   : s.type == 'b'        ? "0b"
                                   : s.type == 'B'        ? "0B"
                                                          : "0";
    // '#o' writes no prefix for 0 (the zero digit is the prefix).
    const char* const pre = (s.type == 'o' && abs == 0) ? "" : prefix;
    if constexpr (tr::wide) {  // 32-bit arithmetic when the value fits (cheap on 32-bit cores)
      if (abs <= 0xFFFFFFFFu) {
        return write_int_plain<std::uint32_t>(out, static_cast<std::uint32_t>(abs), neg, shift, s.type == 'X', pre);
      }
    }
    write_int_plain<U>(out, abs, neg, shift, s.type == 'X', pre);
  } else if constexpr (tr::is_string && s.plain()) {
    const std::string_view sv = x;
    out.write(sv.size() != 0 ? sv.data() : "", sv.size());
  } else if constexpr (tr::is_char && s.plain()) {
    out.put(static_cast<char>(x));
  } else if constexpr (tr::is_bool && s.plain()) {
    if (static_cast<bool>(x)) out.write("true", 4);
    else out.write("false", 5);
  } else {
    handle_compiled_field<P, K>(out, x);
  }
}

template <class P, std::size_t K, class... Args>
inline void run_compiled_op(format_buffer& out, const void* const* args) {
  constexpr compiled_op op = P::compiled.program.ops[K];
  if constexpr (op.text_len != 0) out.write(P::str.data() + op.text_begin, op.text_len);
  if constexpr (op.arg != 0xFF) {
    using Raw = typename nth_type<op.arg, Args...>::type;  // as deduced: may be a char array
    using T = arg_type_t<Raw>;
    const Raw& raw = *static_cast<const Raw*>(args[op.arg]);
    if constexpr (std::is_array_v<Raw>) {
      const T decayed = raw;
      write_compiled_field<P, K, T>(out, decayed);
    } else {
      write_compiled_field<P, K, T>(out, raw);
    }
  }
}

template <class P, class... Args, std::size_t... K>
inline void run_compiled_ops(format_buffer& out, const void* const* args, std::index_sequence<K...>) {
  (run_compiled_op<P, K, Args...>(out, args), ...);
}

/// format_call::run of a compiled call (Args as deduced by the public
/// function): c.args is an arg_refs<sizeof...(Args)>.
template <class S, class... Args>
void run_compiled(format_buffer& out, const format_call& c) {
  using P = compiled_format<S, arg_type_t<Args>...>;
  run_compiled_ops<P, Args...>(out, static_cast<const arg_refs<sizeof...(Args)>*>(c.args)->p,
                               std::make_index_sequence<P::count>{});
}

// ---- Straight into a String<N> (format_to, try_format_to, format<N>) --------
// A compiled call whose target is a String writes into the String's own
// buffer: no format_buffer, no format_call, no function pointers. The sink
// is the free capacity [cur, end); each piece is one capacity check and a
// copy. After the first piece that does not fit, cur and end are both null
// (no room), so every later piece fails the same check and the caller tests
// cur once, at the end (format.hpp, format_direct).

struct direct_sink {
  char* cur;
  char* end;
};
/// The sink of a call with a field that takes its type's handler, which may
/// report a value error ({:c} of 300, a null const char*).
struct direct_sink_checked : direct_sink {
  const char* error = nullptr;
};

/// Appends [t, t + n) if it fits; otherwise fails the sink. Out of line:
/// one copy for every call site (and the compiler does not see which String
/// it writes to: see direct_literal).
HEAPLESS_NOINLINE inline void direct_write(direct_sink& out, const char* t, std::size_t n) noexcept {
  if (HEAPLESS_LIKELY(n <= static_cast<std::size_t>(out.end - out.cur))) {
    copy_short(out.cur, t, n);  // nothing when n == 0 (cur may be null then)
    out.cur += n;
  } else {
    out.cur = out.end = nullptr;
  }
}

/// Appends a constant piece of Len (> 0) chars: on fast builds an inlined
/// fixed-size copy.
template <std::size_t Len>
inline void direct_literal(direct_sink& out, const char* t) noexcept {
#if HEAPLESS_FORMAT_OPTIMIZE_SIZE
  direct_write(out, t, Len);
#else
  char* d = out.cur;
  if (HEAPLESS_LIKELY(Len <= static_cast<std::size_t>(out.end - d))) {
#if defined(__GNUC__) && !defined(__clang__)
    // Hides which String d points into: g++ (-O1 and up) otherwise reports
    // the copy of a literal longer than a small String's capacity as
    // -Warray-bounds, on this branch that the check above never takes.
    __asm__("" : "+r"(d));
#endif
    detail::mem_copy(d, t, Len);
    out.cur = d + Len;
  } else {
    out.cur = out.end = nullptr;
  }
#endif
}

// direct_uint's flags: the base (2, 8, 10, 16) in the low byte, then:
constexpr unsigned direct_prefix = 8;          // bits 8-15: last char of the base prefix ('x' 'X' 'b' 'B', '0' for octal's "0")
constexpr unsigned direct_signed = 1u << 16;   // v is two's complement: '-' and the magnitude if negative
constexpr unsigned direct_negative = 1u << 17; // v is the magnitude of a negative value
constexpr unsigned direct_upper = 1u << 18;    // upper-case hex digits

/// Sign, prefix and digits of a simple integer field (is_simple_int_spec).
/// Prefix: the field may have a base prefix the caller could not put into
/// the literal text before it (a signed value's '-' goes first; '#o' of 0
/// has none); the calls of most programs never need that code.
template <class UInt, bool Prefix>
HEAPLESS_NOINLINE void direct_uint(direct_sink& out, UInt v, unsigned flags) noexcept {
  bool negative = (flags & direct_negative) != 0;
  if ((flags & direct_signed) != 0 && (v >> (sizeof(UInt) * 8 - 1)) != 0) {
    v = static_cast<UInt>(0 - v);
    negative = true;
  }
#if !HEAPLESS_FORMAT_OPTIMIZE_SIZE
  if ((flags & 0xFFu) == 10) {  // decimal: std::to_chars straight into the String (it fails when short of room)
    char* p = out.cur;
    if (p != nullptr && (!negative || p != out.end)) {
      if (negative) *p++ = '-';
      const std::to_chars_result r = std::to_chars(p, out.end, v);
      if (HEAPLESS_LIKELY(r.ec == std::errc())) {
        out.cur = r.ptr;
        return;
      }
    }
    out.cur = out.end = nullptr;
    return;
  }
#endif
  char buf[sizeof(UInt) * 8 + 3];
  char* const end = buf + sizeof buf;
  char* p = uint_digits(end, v, flags & 0xFFu, (flags & direct_upper) != 0);
  if constexpr (Prefix) {
    const char prefix = static_cast<char>((flags >> direct_prefix) & 0xFFu);
    if (prefix != 0) {
      if (prefix != '0') *--p = prefix;
      *--p = '0';
    }
  }
  if (negative) *--p = '-';
  direct_write(out, p, static_cast<std::size_t>(end - p));
}

/// The base prefix of a simple integer field with '#' ("0x" "0X" "0b" "0B",
/// "0" for octal but not for 0), and where it goes: as a constant after the
/// literal text before the field (unsigned values, not octal: the prefix
/// does not depend on the value), or written by direct_uint.
constexpr unsigned direct_prefix_char(const format_specs& s) noexcept {
  return !s.alt() || int_type_shift(s.type) == 0 ? 0u : s.type == 'o' ? unsigned{'0'} : static_cast<unsigned>(s.type);
}
template <class T>
constexpr std::size_t direct_text_prefix(const format_specs& s) noexcept {
  using tr = arg_traits<T>;
  if constexpr (tr::is_int) {
    if (is_simple_int_spec(s) && !std::is_signed_v<typename tr::V> && s.type != 'o' &&
        direct_prefix_char(s) != 0)
      return 2;
  }
  return 0;
}

/// The literal text of op K followed by Prefix chars of its field's base
/// prefix: each piece its own constant (the format string itself is not
/// linked).
template <class P, std::size_t K, std::size_t Prefix>
struct direct_text {
  static constexpr compiled_op op = P::compiled.program.ops[K];
  static constexpr std::size_t size = op.text_len + Prefix;
  struct chars {
    char c[size != 0 ? size : 1];
  };
  static constexpr chars make() {
    chars r{};
    for (std::size_t i = 0; i < op.text_len; ++i) r.c[i] = P::str[op.text_begin + i];
    if constexpr (Prefix != 0) {  // constexpr: else clang checks the indices
      r.c[op.text_len] = '0';     // against the 1-char array (-Warray-bounds)
      r.c[op.text_len + 1] = op.specs.type;
    }
    return r;
  }
  static constexpr chars value = make();
};

/// Can field K (argument type T) report no value error? (Only a null
/// const char* and the fields that take their type's handler can.)
template <class P, std::size_t K, class T>
constexpr bool direct_field_simple() {
  constexpr format_specs s = P::compiled.program.ops[K].specs;
  using tr = arg_traits<T>;
  return (tr::is_int && is_simple_int_spec(s)) || ((tr::is_string || tr::is_char || tr::is_bool) && s.plain());
}
template <class P, std::size_t K, class... Args>
constexpr bool direct_op_simple() {
  constexpr compiled_op op = P::compiled.program.ops[K];
  if constexpr (op.arg == 0xFF) {
    return true;
  } else {
    return direct_field_simple<P, K, arg_type_t<typename nth_type<op.arg, Args...>::type>>();
  }
}
/// True if no field of P (arguments as deduced: Args) can report a value error.
template <class P, class... Args, std::size_t... K>
constexpr bool direct_all_simple(std::index_sequence<K...>) {
  return (direct_op_simple<P, K, Args...>() && ...);
}

template <class P, std::size_t K, class T, class Sink>
inline void direct_field(Sink& out, const T& x) {
  constexpr format_specs s = P::compiled.program.ops[K].specs;
  using tr = arg_traits<T>;
  using V = typename tr::V;
  if constexpr (tr::is_int && is_simple_int_spec(s)) {
    constexpr unsigned shift = int_type_shift(s.type);
    constexpr unsigned base = shift != 0 ? 1u << shift : 10u;
    // A prefix the literal text before the field does not hold: direct_uint writes it.
    constexpr unsigned prefix = direct_text_prefix<T>(s) != 0 ? 0u : direct_prefix_char(s);
    constexpr bool with_prefix = prefix != 0;
    constexpr unsigned flags = base | (prefix << direct_prefix) | (s.type == 'X' ? direct_upper : 0u);
    const auto v = static_cast<V>(x);
    // '#o' writes no prefix for 0 (the zero digit is the prefix).
    const unsigned f = (s.type == 'o' && with_prefix && v == 0) ? (flags & 0xFFu) : flags;
    if constexpr (tr::wide) {  // 32-bit arithmetic when the value fits (cheap on 32-bit cores)
      auto abs = static_cast<unsigned long long>(v);
      unsigned g = f;
      if constexpr (std::is_signed_v<V>) {
        if (v < 0) {
          abs = 0ull - abs;
          g |= direct_negative;
        }
      }
      if (abs <= 0xFFFFFFFFu) return direct_uint<std::uint32_t, with_prefix>(out, static_cast<std::uint32_t>(abs), g);
      direct_uint<unsigned long long, with_prefix>(out, abs, g);
    } else if constexpr (std::is_signed_v<V>) {
      direct_uint<std::uint32_t, with_prefix>(out, static_cast<std::uint32_t>(static_cast<std::int32_t>(v)),
                                              f | direct_signed);
    } else {
      direct_uint<std::uint32_t, with_prefix>(out, static_cast<std::uint32_t>(v), f);
    }
  } else if constexpr (tr::is_string && s.plain()) {
    const std::string_view sv = x;
    direct_write(out, sv.size() != 0 ? sv.data() : "", sv.size());
  } else if constexpr (tr::is_cstr && s.plain()) {
    if (x != nullptr) {
      direct_write(out, x, detail::str_len(x));
    } else if (out.error == nullptr) {
      out.error = null_cstr_message;
    }
  } else if constexpr (tr::is_char && s.plain()) {
    const char c = static_cast<char>(x);
    direct_write(out, &c, 1);
  } else if constexpr (tr::is_bool && s.plain()) {
    if (static_cast<bool>(x)) direct_literal<4>(out, "true");
    else direct_literal<5>(out, "false");
  } else {
    // The type's handler, into a fixed_buffer over the free capacity (over
    // nothing once the sink has failed: the field still reports its value
    // error, which wins over "does not fit" as in the run-time engine).
    char none = 0;
    fixed_buffer b(out.cur != nullptr ? out.cur : &none, out.cur != nullptr ? out.end : &none);
    handle_compiled_field<P, K>(b, x);
    if (b.error() != nullptr && out.error == nullptr) out.error = b.error();
    if (b.dropped() != 0 || out.cur == nullptr) {
      out.cur = out.end = nullptr;
    } else {
      out.cur = b.cur();
    }
  }
}

template <std::size_t I, class T, class... Ts>
constexpr const auto& nth_arg(const T& x, const Ts&... xs) noexcept {
  if constexpr (I == 0) {
    return x;
  } else {
    return nth_arg<I - 1>(xs...);
  }
}

template <class P, std::size_t K, class Sink, class... Args>
inline void direct_op(Sink& out, const Args&... args) {
  constexpr compiled_op op = P::compiled.program.ops[K];
  if constexpr (op.arg == 0xFF) {
    if constexpr (op.text_len != 0) direct_literal<op.text_len>(out, direct_text<P, K, 0>::value.c);
  } else {
    using Raw = typename nth_type<op.arg, Args...>::type;  // as deduced: may be a char array
    using T = arg_type_t<Raw>;
    using text = direct_text<P, K, direct_text_prefix<T>(op.specs)>;
    if constexpr (text::size != 0) direct_literal<text::size>(out, text::value.c);
    const Raw& raw = nth_arg<op.arg>(args...);
    if constexpr (std::is_array_v<Raw>) {
      const T decayed = raw;
      direct_field<P, K, T>(out, decayed);
    } else {
      direct_field<P, K, T>(out, raw);
    }
  }
}

/// Runs compiled format P (arguments as deduced: Args) into out.
template <class P, class Sink, class... Args, std::size_t... K>
inline void run_direct(Sink& out, std::index_sequence<K...>, const Args&... args) {
  (direct_op<P, K>(out, args...), ...);
}

}  // namespace detail
HEAPLESS_NAMESPACE_END

#endif  // HEAPLESS_DETAIL_FORMAT_CODEGEN_HPP
