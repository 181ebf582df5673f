// heapless/detail/format_compiled.hpp - format strings compiled into code
// (HEAPLESS_FMT, heapless/format.hpp).
//
// HEAPLESS_FMT("t={} id={:#x}") names a type whose str() is the literal. The
// string is parsed by the same constexpr parser as every other format string
// (parse_format), in C++17 as well, when the call is compiled: a malformed
// string or a spec that does not suit its argument is a static_assert. The
// call then runs a fixed sequence of steps, each one literal write or one
// argument write chosen at compile time for its type and spec:
//   - "{}" and specs without width, fill, sign or precision of integers
//     ("{:x}" "{:#x}" "{:o}" "{:b}" "{:d}"): one small shared function for
//     decimal and one for powers of two;
//   - "{}" of strings, chars and bools: a plain write;
//   - anything else: the type's usual handler with its spec as a constant.
// No parser, no dispatch table and no unused handler are linked: the code is
// close to hand-written puts (docs/format.md). The output is the same as the
// run-time engine's, byte for byte (tests/format_compiled_test.cpp).
#ifndef HEAPLESS_DETAIL_FORMAT_COMPILED_HPP
#define HEAPLESS_DETAIL_FORMAT_COMPILED_HPP

#include <cstddef>      // std::size_t
#include <cstdint>      // std::uint32_t
#include <cstring>      // std::strlen
#include <string_view>  // std::string_view
#include <type_traits>  // std::is_base_of_v, std::enable_if_t
#include <utility>      // std::index_sequence

#include "format_core.hpp"  // parse_format, compiled_op, format_buffer, arg_traits, handlers

namespace heapless {
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
  char* p = end;
#if defined(__OPTIMIZE_SIZE__)
  const char* const digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
  const unsigned base = shift != 0 ? 1u << shift : 10u;
  do {
    const UInt q = static_cast<UInt>(shift != 0 ? abs >> shift : abs / 10);
    *--p = digits[static_cast<unsigned>(abs - q * base)];
    abs = q;
  } while (abs != 0);
#else
  if (shift == 0) {
    char tmp[sizeof(UInt) * 3];
    const char* const last = write_decimal(tmp, tmp + sizeof tmp, abs);
    for (const char* q = last; q != tmp;) *--p = *--q;
  } else if (shift == 4) {
    p = write_pow2_digits<4>(end, abs, upper);
  } else if (shift == 3) {
    p = write_pow2_digits<3>(end, abs, false);
  } else {
    p = write_pow2_digits<1>(end, abs, false);
  }
#endif
  for (std::size_t n = std::strlen(prefix); n > 0; --n) *--p = prefix[n - 1];
  if (negative) *--p = '-';
  out.write(p, static_cast<std::size_t>(end - p));
}

/// Writes argument I of a compiled format with the spec of op K.
template <class P, std::size_t K, class T>
inline void write_compiled_field(format_buffer& out, const T& x) {
  constexpr compiled_op op = P::compiled.program.ops[K];
  constexpr format_specs s = op.specs;
  using tr = arg_traits<T>;
  using V = typename tr::V;
  constexpr bool simple = s.width == 0 && s.precision < 0 && s.sign != '+' && s.sign != ' ' && !s.zero();
  if constexpr (tr::is_int && simple && (s.type == 0 || is_int_type(s.type))) {
    using U = std::conditional_t<tr::wide, unsigned long long, std::uint32_t>;
    const auto v = static_cast<V>(x);
    bool neg = false;
    U abs = static_cast<U>(v);
    if constexpr (std::is_signed_v<V>) {
      neg = v < 0;
      if (neg) abs = static_cast<U>(U{0} - abs);
    }
    constexpr unsigned shift = s.type == 'x' || s.type == 'X' ? 4 : s.type == 'o' ? 3 : s.type == 'b' || s.type == 'B' ? 1 : 0;
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
    // Every other case: the run-time engine's handler for this type, with the
    // spec (and a custom type's spec text) as constants.
    static constexpr format_specs specs = s;
    constexpr std::string_view raw =
        tr::is_custom && !s.plain()
            ? P::str.substr(static_cast<std::size_t>(s.width), static_cast<std::size_t>(s.precision))
            : std::string_view();
    tr::handler()(out, tr::make(x), specs, raw);
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

}  // namespace detail
}  // namespace heapless

#endif  // HEAPLESS_DETAIL_FORMAT_COMPILED_HPP
