// SPDX-License-Identifier: BSL-1.0
// heapless/format.hpp - type-safe, heap-free text formatting: {fmt}/std::format
// syntax into a String<N>, a Vec<char, N> or any output iterator.
//
//   heapless::String<64> line;
//   heapless::format_to(line, "Count: {} id={:#06x} t={:.3f}", n, id, t);  // length_error if full
//   if (!heapless::try_format_to(line, " {}", name)) { /* full: line unchanged */ }
//   auto s = heapless::format<32>("{:>8}|{:<6}|", "right", true);            // String<32>
//   heapless::format_to(uart_iterator, "{}\r\n", value);                      // any output iterator
//
// Syntax (a subset of std::format): "{}" "{0}" "{{" "}}" and
//   {[index]:[[fill]align][sign][#][0][width][.precision][type]}
// fill is one code point; align < > ^; sign + - space; width/precision are
// literal numbers (no nested "{}"); types d x X o b B c (integers, char,
// bool), s (strings, bool), c (char), f F e E g G (float, double), p
// (pointers). Arguments: every integer type, bool, char, const char*,
// std::string_view and anything convertible to it (String<M>, std::string),
// float, double, pointers, nullptr, enums (their underlying value), and user
// types through a heapless::formatter<T> specialisation (detail/format_core.hpp).
// Every argument must be used (as in Rust's format!): an unused one is an error.
//
// Errors. C++20: the format string is checked at compile time against the
// argument types (wrong index, too many or too few fields, bad spec: the call
// does not compile; heapless::runtime_format(s) opts out). C++17, or a
// runtime_format string: a malformed string raises error_kind::invalid_argument
// (std::invalid_argument / the handler). Capacity, per DESIGN.md:
//   format_to(String&)          raises length_error (Vec: bad_alloc); target unchanged
//   try_format_to(target, ...)  returns false; target unchanged
//   format_to_truncating(...)   keeps what fits (cut at a UTF-8 boundary); returns true if it cut
//   format_to(iterator, ...)    unbounded, like std::format_to; format_to_n bounds it
//
// Costs: no heap, no locale, no printf. The engine is one non-template
// function (parser + dispatch); each argument type adds one small handler,
// instantiated only when used: an integer-only program links no
// floating-point code. Output is written in place into a String (no copy); an
// iterator or a Vec receives it in 64-byte chunks from the stack. Stack use is
// a few hundred bytes, plus a buffer of about a kilobyte only when a float's
// digits exceed 64 chars (a precision above ~40, or {:f} of a value above
// ~1e55); the measured figures are in docs/benchmarks.md ("Formatting").
// Floats are exact (shortest round-trip for "{}"), with the digits from
// std::to_chars on hosted systems and from heapless' own table-free conversion
// (detail/float_to_chars.hpp: no tables, a small fraction of the code
// libstdc++'s to_chars links; sizes in docs/benchmarks.md) on bare metal; HEAPLESS_FORMAT_STD_TO_CHARS (0 or 1) picks
// one (detail/format_float.hpp). Same output either way (docs/format.md).
// At most 32 arguments. Thread/ISR: reentrant, no global state; safe in an
// ISR as long as no user formatter or error handler does something that is not.
// C++20 on hosts: HEAPLESS_FORMAT_PRECOMPILE keeps the compile-time parse in
// the format string, so formatting does not parse.
// HEAPLESS_FORMAT_OPTIMIZE_SIZE (default: 1 at -Os) picks the smaller of two
// equivalent implementations (digit loop, copies). Both: detail/config.hpp.
//
// Files (detail/ unless said):
//   format.hpp              this file: the public functions, format_string,
//                           HEAPLESS_FMT, the targets (String, Vec, iterators)
//   format_core.hpp         the run-time engine: sink (format_buffer), spec
//                           parser, type-erased arguments and their handlers,
//                           formatter<T> / format_context, vformat()
//   format_precompiled.hpp  C++20 precompiled format strings
//                           (HEAPLESS_FORMAT_PRECOMPILE): the consteval parse
//                           kept as ops in format_string, run by vformat; and
//                           compile_format, the ops both mechanisms start from
//   format_codegen.hpp      HEAPLESS_FMT: a format string turned into code at
//                           the call site (C++17 too); no parser is linked
//   format_float.hpp        float and double fields; digits from
//   float_to_chars.hpp      std::to_chars or from heapless' own conversion
#ifndef HEAPLESS_FORMAT_HPP
#define HEAPLESS_FORMAT_HPP

#include <cstddef>      // std::size_t
#include <string_view>  // std::string_view: format strings
#include <type_traits>  // std::decay_t, std::is_same_v, std::enable_if_t
#include <utility>      // std::declval (recognising Vec<char, N>)

#include <heapless/detail/config.hpp>              // HEAPLESS_CPP20
#include <heapless/detail/error.hpp>               // detail::raise
#include <heapless/detail/format_codegen.hpp>      // HEAPLESS_FMT: format strings turned into code
#include <heapless/detail/format_core.hpp>         // the engine, formatter<T>, format_context
#include <heapless/detail/format_float.hpp>        // float/double handlers (instantiated only when used)
#include <heapless/detail/format_precompiled.hpp>  // C++20: the parse kept in format_string
#include <heapless/string.hpp>                     // String<N>: format<N>() returns one; format_to(String&, ...)

HEAPLESS_NAMESPACE_BEGIN

/// A format string that is checked only when formatting (at run time).
struct runtime_format_string {
  /// The format string.
  std::string_view str;
};
/// Opts a format string out of the C++20 compile-time check (e.g. a string
/// chosen at run time); errors are then raised as error_kind::invalid_argument.
constexpr runtime_format_string runtime_format(std::string_view s) noexcept { return {s}; }

namespace detail {
#if HEAPLESS_DETAIL_FORMAT_CONSTEVAL
// Not constexpr on purpose: calling one in the consteval constructor below is
// the compile error, and its name says what is wrong with the format string.
void format_string_error_unmatched_open_brace();
void format_string_error_unmatched_close_brace();
void format_string_error_invalid_argument_index();
void format_string_error_more_fields_than_arguments();
void format_string_error_mixed_automatic_and_manual_indexing();
void format_string_error_invalid_spec();
void format_string_error_width_or_precision_too_big();
void format_string_error_spec_not_valid_for_argument_type();
void format_string_error_formatter_parse_rejected_spec();
void format_string_error_argument_never_used();
void format_string_error_too_many_arguments();

constexpr void compile_time_format_error(format_errc e) {
  switch (e) {
    case format_errc::ok: break;
    case format_errc::unmatched_open_brace: format_string_error_unmatched_open_brace(); break;
    case format_errc::unmatched_close_brace: format_string_error_unmatched_close_brace(); break;
    case format_errc::invalid_arg_id: format_string_error_invalid_argument_index(); break;
    case format_errc::arg_id_out_of_range: format_string_error_more_fields_than_arguments(); break;
    case format_errc::mixed_indexing: format_string_error_mixed_automatic_and_manual_indexing(); break;
    case format_errc::invalid_spec: format_string_error_invalid_spec(); break;
    case format_errc::number_too_big: format_string_error_width_or_precision_too_big(); break;
    case format_errc::type_mismatch: format_string_error_spec_not_valid_for_argument_type(); break;
    case format_errc::custom_spec_rejected: format_string_error_formatter_parse_rejected_spec(); break;
    case format_errc::unused_argument: format_string_error_argument_never_used(); break;
    case format_errc::too_many_arguments: format_string_error_too_many_arguments(); break;
  }
}
#endif
}  // namespace detail

// With precompiled format strings (HEAPLESS_FORMAT_PRECOMPILE, C++20) the
// class below holds the compiled program: another layout, so it lives in a
// nested inline namespace of its own (config.hpp, "ABI namespace"), and every
// function taking a format string gets a distinct symbol with it.
#if HEAPLESS_DETAIL_FORMAT_PRECOMPILED
inline namespace precompiled {
#endif
/// A format string for arguments of types Args. Under C++20 its constructor is
/// consteval and rejects a string that does not match Args at compile time.
template <class... Args>
class basic_format_string {
 public:
  /// From a string (a literal, a std::string_view...); under C++20 checked against Args at compile time.
  template <class S, class = std::enable_if_t<std::is_convertible_v<const S&, std::string_view>>>
#if HEAPLESS_DETAIL_FORMAT_PRECOMPILED
  consteval basic_format_string(const S& s) : str_(s) {
    detail::compile_time_format_error(
        detail::compile_format(str_, detail::arg_descs<Args...>::value, sizeof...(Args), program_));
  }
#elif HEAPLESS_DETAIL_FORMAT_CONSTEVAL
  consteval basic_format_string(const S& s) : str_(s) {
    detail::compile_time_format_error(
        detail::check_format(str_, detail::arg_descs<Args...>::value, sizeof...(Args)));
  }
#else
  constexpr basic_format_string(const S& s) : str_(s) {
  }
#endif
  /// From runtime_format(s): checked only when formatting.
  constexpr basic_format_string(runtime_format_string s) noexcept : str_(s.str) {}
  /// The format string text.
  constexpr std::string_view get() const noexcept { return str_; }
  /// The precompiled program, or a null view (parse at run time).
  constexpr detail::program_view program() const noexcept {
#if HEAPLESS_DETAIL_FORMAT_PRECOMPILED
    if (program_.valid) return {program_.ops, program_.count};
#endif
    return {};
  }

 private:
  std::string_view str_;
#if HEAPLESS_DETAIL_FORMAT_PRECOMPILED
  detail::compiled_program<sizeof...(Args) + 1> program_{};  // text + field per argument, then text
#endif
};
#if HEAPLESS_DETAIL_FORMAT_PRECOMPILED
}  // namespace precompiled
#endif

/// The format string parameter type of every function below (Args deduced from the arguments).
template <class... Args>
using format_string = basic_format_string<detail::arg_type_t<Args>...>;

/// What format_to_n returns (std::format_to_n_result).
template <class OutputIt>
struct format_to_n_result {
  OutputIt out;        ///< past the last character written
  std::size_t size;    ///< characters the full output has (may exceed n)
};

namespace detail {

template <class T>
struct is_string : std::false_type {};
template <std::size_t N>
struct is_string<String<N>> : std::true_type {};
// A StringRef takes String's path (resize_and_overwrite into its buffer);
// only an owned String<N> takes the compiled direct path (format_direct).
template <>
struct is_string<StringRef> : std::true_type {};
template <class T>
struct is_owned_string : std::false_type {};
template <std::size_t N>
struct is_owned_string<String<N>> : std::true_type {};

// Vec<char, N> is recognised by shape, so format.hpp need not include vec.hpp:
// value_type char, a constant capacity(), and try_append(const char*, const char*).
template <class T, class = void>
struct is_char_vec : std::false_type {};
template <class T>
struct is_char_vec<T, std::enable_if_t<std::is_same_v<typename T::value_type, char> &&
                                       std::is_same_v<decltype(std::declval<T&>().try_append(
                                                          static_cast<const char*>(nullptr),
                                                          static_cast<const char*>(nullptr))),
                                                      const char*>>> : std::true_type {};

template <class T>
constexpr bool is_fixed_target_v = is_string<T>::value || is_char_vec<T>::value;
/// try_format_to / format_to_truncating take their target as a forwarding
/// reference, so a view built in the call (StringRef(s), VecRef<char>(v))
/// is a target as its owner is; a const target is refused here, by name.
template <class Out>
constexpr bool is_writable_fixed_target_v =
    !std::is_const_v<std::remove_reference_t<Out>> && is_fixed_target_v<std::remove_cv_t<std::remove_reference_t<Out>>>;

enum class overflow_mode : unsigned char { raise, fail, truncate };

/// Result of formatting into a fixed-capacity target.
struct fixed_outcome {
  bool cut = false;                  // output did not fit
  const char* error = nullptr;       // a format error (bad string or value)
};

/// Length to keep after a cut in truncating mode: drops an incomplete trailing UTF-8 sequence.
inline std::size_t utf8_safe_length(const char* s, std::size_t n) noexcept {
  std::size_t i = n, back = 0;
  while (i > 0 && back < 4) {
    --i;
    ++back;
    const auto u = static_cast<unsigned char>(s[i]);
    if ((u & 0xC0) != 0x80) return u < 0x80 || utf8_length(s[i]) <= back ? n : i;  // lead byte
  }
  return n;
}

/// Formats into base[old, cap) and returns the length to keep: the new length
/// on success (or on a cut in truncating mode), `old` otherwise.
template <overflow_mode mode>
std::size_t format_fixed(char* base, std::size_t old, std::size_t cap, const format_call& call, fixed_outcome& out) {
  fixed_buffer b(base + old, base + cap);
  call.run(b, call);
  if (HEAPLESS_UNLIKELY(b.error() != nullptr)) {
    out.error = b.error();
    return old;
  }
  if (HEAPLESS_UNLIKELY(b.dropped() != 0)) {
    out.cut = true;
    if constexpr (mode != overflow_mode::truncate) return old;
    else return old + utf8_safe_length(base + old, b.written());
  }
  return old + b.written();
}

/// Chunked sink for Vec<char, N>: each 64-byte chunk is appended with try_append.
template <class V>
class vec_buffer : public format_buffer {
 public:
  explicit vec_buffer(V& v) noexcept
      : format_buffer(buf_, buf_ + sizeof buf_, &vec_buffer::flush_chunk), v_(v) {}
  void finish() { flush_chunk(*this); }

 private:
  static void flush_chunk(format_buffer& base) {
    auto& self = static_cast<vec_buffer&>(base);
    const char* const last = self.cur_;
    const char* stop = self.buf_;
    if (self.dropped_ == 0) stop = self.v_.try_append(static_cast<const char*>(self.buf_), last);
    self.dropped_ += static_cast<std::size_t>(last - stop);
    self.cur_ = self.buf_;
  }
  char buf_[64];
  V& v_;
};

/// The one entry point of every public function; returns true if the output
/// was cut. One instance per target type and mode: a program that only uses
/// try_format_to has no truncation code.
template <overflow_mode mode, class Out>
bool format_dispatch(Out& out, const format_call& call) {
  fixed_outcome r;
  if constexpr (is_string<Out>::value) {
    const std::size_t old = out.size();
    out.resize_and_overwrite(out.capacity(), [&](char* p, std::size_t cap) {
      return format_fixed<mode>(p, old, cap, call, r);
    });
  } else {
    // Chunks reach the Vec while formatting: roll back to the old size on a
    // failure, and if a user formatter throws (the guard's destructor).
    struct rollback {
      Out& v;
      std::size_t old;
      bool armed = true;
      ~rollback() {
        if (armed) v.resize(old);
      }
    } guard{out, out.size()};
    vec_buffer<Out> b(out);
    call.run(b, call);
    b.finish();
    r.error = b.error();
    r.cut = b.dropped() != 0;
    if (r.error == nullptr && (!r.cut || mode == overflow_mode::truncate)) {
      guard.armed = false;
      if constexpr (mode == overflow_mode::truncate) {
        if (r.cut) out.resize(guard.old + utf8_safe_length(out.data() + guard.old, out.size() - guard.old));
      }
    }
  }
  if (HEAPLESS_UNLIKELY(r.error != nullptr)) raise_format_error(r.error);
  if (mode == overflow_mode::raise && HEAPLESS_UNLIKELY(r.cut)) {
    raise(is_string<Out>::value ? error_kind::length_error : error_kind::bad_alloc,
          "heapless::format_to: output exceeds the capacity");
  }
  return r.cut;
}

/// A HEAPLESS_FMT call into a String<N> (raise or fail mode; truncation takes
/// format_dispatch): straight into the String's buffer from its old size on
/// (format_codegen.hpp, direct_sink). All or nothing: only the end writes
/// the new size; a failure restores the terminating NUL at the old size (the
/// first piece overwrote it). Returns true if the output did not fit.
template <overflow_mode mode, class S, std::size_t N, class... Args>
bool format_direct(String<N>& out, const Args&... args) {
  using P = compiled_format<S, arg_type_t<Args>...>;
  static_assert(P::error == format_errc::ok);
  using seq = std::make_index_sequence<P::count>;
  constexpr bool checked = !direct_all_simple<P, Args...>(seq{});
  constexpr bool custom = (arg_traits<arg_type_t<Args>>::is_custom || ...);
  char* const base = out.data();
  char* const first = base + out.size();
  std::conditional_t<checked, direct_sink_checked, direct_sink> sink{};
  sink.cur = first;
  sink.end = base + N;
  if constexpr (custom && HEAPLESS_HAS_EXCEPTIONS) {
    // A user formatter may throw: put the NUL back on the way out.
    struct restore {
      char* p;
      ~restore() {
        if (p != nullptr) *p = '\0';
      }
    } guard{first};
    run_direct<P>(sink, seq{}, args...);
    guard.p = nullptr;
  } else {
    run_direct<P>(sink, seq{}, args...);
  }
  if constexpr (checked) {
    if (HEAPLESS_UNLIKELY(sink.error != nullptr)) {
      *first = '\0';
      raise_format_error(sink.error);
    }
  }
  if (HEAPLESS_UNLIKELY(sink.cur == nullptr)) {
    *first = '\0';
    if constexpr (mode == overflow_mode::raise) {
      raise(error_kind::length_error, "heapless::format_to: output exceeds the capacity");
    }
    return true;
  }
  const auto n = static_cast<std::size_t>(sink.cur - base);
  out.resize_and_overwrite(N, [n](char*, std::size_t) { return n <= N ? n : N; });  // n <= N: folds the check
  return false;
}

template <class OutputIt>
OutputIt format_to_iterator(OutputIt out, const format_call& call) {
  iterator_buffer<OutputIt> b(static_cast<OutputIt&&>(out));
  call.run(b, call);
  if (HEAPLESS_UNLIKELY(b.error() != nullptr)) raise_format_error(b.error());
  return b.finish();
}

template <class Out>
auto format_to_call(Out&& out, const format_call& call) {
  using O = std::remove_cv_t<std::remove_reference_t<Out>>;
  if constexpr (is_fixed_target_v<O>) {
    (void)format_dispatch<overflow_mode::raise>(out, call);
  } else if constexpr (std::is_same_v<O, format_context>) {
    call.run(out.buffer(), call);
  } else {
    using It = std::decay_t<Out>;  // a char array decays to char*
    return format_to_iterator<It>(static_cast<Out&&>(out), call);
  }
}

template <class OutputIt>
format_to_n_result<OutputIt> format_to_n_call(OutputIt out, std::size_t n, const format_call& call) {
  if constexpr (std::is_same_v<OutputIt, char*>) {
    fixed_buffer b(out, out + n, false);  // never write past the output in the caller's range
    call.run(b, call);
    if (HEAPLESS_UNLIKELY(b.error() != nullptr)) raise_format_error(b.error());
    return {out + b.written(), b.written() + b.dropped()};
  } else {
    iterator_buffer<OutputIt> b(static_cast<OutputIt&&>(out), n);
    call.run(b, call);
    if (HEAPLESS_UNLIKELY(b.error() != nullptr)) raise_format_error(b.error());
    OutputIt last = b.finish();
    return {static_cast<OutputIt&&>(last), b.total()};
  }
}

inline std::size_t formatted_size_call(const format_call& call) {
  counting_buffer b;
  call.run(b, call);
  if (HEAPLESS_UNLIKELY(b.error() != nullptr)) raise_format_error(b.error());
  return b.dropped();
}

}  // namespace detail

// The argument pack of a format_string call: values on the stack, descriptors
// in a constexpr table.
#define HEAPLESS_DETAIL_FORMAT_ARGS                                                                       \
  const detail::arg_value values[sizeof...(Args) + 1] = {                                                 \
      detail::arg_traits<detail::arg_type_t<Args>>::make(args)...};                                       \
  const detail::format_call call {                                                                        \
    fmt.get(), fmt.program(), values, detail::arg_descs<detail::arg_type_t<Args>...>::value, sizeof...(Args), \
        &detail::vformat, nullptr                                                                         \
  }
// The argument pack of a HEAPLESS_FMT call: the string is checked here (at
// compile time); the arguments are passed by address to the generated code.
#define HEAPLESS_DETAIL_COMPILED_ARGS                                                                  \
  static_assert(detail::compiled_format<S, detail::arg_type_t<Args>...>::error == detail::format_errc::ok); \
  const detail::arg_refs<sizeof...(Args)> refs{{static_cast<const void*>(&args)..., nullptr}};         \
  const detail::format_call call {                                                                     \
    S::str(), {}, nullptr, nullptr, sizeof...(Args), &detail::run_compiled<S, Args...>, &refs          \
  }

/// HEAPLESS_FMT("...") in place of a format string, in every function below:
/// the string is parsed and checked when the call is compiled (C++17 too: a
/// bad string is a static_assert naming the error) and the call runs code
/// generated for it: no parser, no dispatch, only the writers its fields
/// need. The output is the same as with the plain string. Best for firmware:
/// a call with "{}" and "{:#x}" integer fields costs about what hand-written
/// digit loops do (docs/format.md).
#define HEAPLESS_FMT(s)                                                             \
  ([] {                                                                             \
    struct heapless_compiled_format_ : ::heapless::detail::compiled_string_tag {    \
      static constexpr ::std::string_view str() noexcept { return s; }              \
    };                                                                              \
    return heapless_compiled_format_{};                                             \
  }())

/// Appends to `out`:
///  - a String<N>: raises length_error if the result does not fit (out unchanged);
///  - a Vec<char, N>: raises bad_alloc if it does not fit (out unchanged);
///  - a format_context (inside a formatter<T>::format): writes to the enclosing output;
///  - otherwise an output iterator: writes every character, returns the iterator past them.
/// O(output length). A malformed runtime_format / C++17 string raises invalid_argument.
template <class Out, class... Args>
auto format_to(Out&& out, const format_string<Args...>& fmt, const Args&... args) {
  HEAPLESS_DETAIL_FORMAT_ARGS;
  return detail::format_to_call(static_cast<Out&&>(out), call);
}
template <class Out, class S, class... Args, detail::if_compiled_string_t<S> = 0>
auto format_to(Out&& out, S, const Args&... args) {
  if constexpr (detail::is_owned_string<std::remove_cv_t<std::remove_reference_t<Out>>>::value) {
    (void)detail::format_direct<detail::overflow_mode::raise, S>(out, args...);
  } else {
    HEAPLESS_DETAIL_COMPILED_ARGS;
    return detail::format_to_call(static_cast<Out&&>(out), call);
  }
}

/// Appends to a String<N> or Vec<char, N> if all of the output fits; otherwise
/// returns false and leaves `out` unchanged. O(output length).
template <class Out, class... Args>
[[nodiscard]] bool try_format_to(Out&& out, const format_string<Args...>& fmt, const Args&... args) {
  static_assert(detail::is_writable_fixed_target_v<Out>,
                "try_format_to: the target must be a String<N>, Vec<char, N> or a view of one");
  HEAPLESS_DETAIL_FORMAT_ARGS;
  return !detail::format_dispatch<detail::overflow_mode::fail>(out, call);
}
template <class Out, class S, class... Args, detail::if_compiled_string_t<S> = 0>
[[nodiscard]] bool try_format_to(Out&& out, S, const Args&... args) {
  static_assert(detail::is_writable_fixed_target_v<Out>,
                "try_format_to: the target must be a String<N>, Vec<char, N> or a view of one");
  if constexpr (detail::is_owned_string<std::remove_cv_t<std::remove_reference_t<Out>>>::value) {
    return !detail::format_direct<detail::overflow_mode::fail, S>(out, args...);
  } else {
    HEAPLESS_DETAIL_COMPILED_ARGS;
    return !detail::format_dispatch<detail::overflow_mode::fail>(out, call);
  }
}

/// Appends what fits of the output to a String<N> or Vec<char, N> (never
/// splitting a UTF-8 sequence); returns true if it had to cut. O(output length).
template <class Out, class... Args>
bool format_to_truncating(Out&& out, const format_string<Args...>& fmt, const Args&... args) {
  static_assert(detail::is_writable_fixed_target_v<Out>,
                "format_to_truncating: the target must be a String<N>, Vec<char, N> or a view of one");
  HEAPLESS_DETAIL_FORMAT_ARGS;
  return detail::format_dispatch<detail::overflow_mode::truncate>(out, call);
}
template <class Out, class S, class... Args, detail::if_compiled_string_t<S> = 0>
bool format_to_truncating(Out&& out, S, const Args&... args) {
  static_assert(detail::is_writable_fixed_target_v<Out>,
                "format_to_truncating: the target must be a String<N>, Vec<char, N> or a view of one");
  HEAPLESS_DETAIL_COMPILED_ARGS;
  return detail::format_dispatch<detail::overflow_mode::truncate>(out, call);
}

/// Formats into a new String<N>; raises length_error if the output exceeds N.
template <std::size_t N, class... Args>
String<N> format(const format_string<Args...>& fmt, const Args&... args) {
  String<N> s;
  HEAPLESS_DETAIL_FORMAT_ARGS;
  (void)detail::format_dispatch<detail::overflow_mode::raise>(s, call);
  return s;
}
template <std::size_t N, class S, class... Args, detail::if_compiled_string_t<S> = 0>
String<N> format(S, const Args&... args) {
  String<N> s;
  (void)detail::format_direct<detail::overflow_mode::raise, S>(s, args...);
  return s;
}

/// Writes at most n characters through `out` (std::format_to_n); size is the
/// length of the whole output.
template <class OutputIt, class... Args>
format_to_n_result<OutputIt> format_to_n(OutputIt out, std::size_t n, const format_string<Args...>& fmt,
                                         const Args&... args) {
  HEAPLESS_DETAIL_FORMAT_ARGS;
  return detail::format_to_n_call(static_cast<OutputIt&&>(out), n, call);
}
template <class OutputIt, class S, class... Args, detail::if_compiled_string_t<S> = 0>
format_to_n_result<OutputIt> format_to_n(OutputIt out, std::size_t n, S, const Args&... args) {
  HEAPLESS_DETAIL_COMPILED_ARGS;
  return detail::format_to_n_call(static_cast<OutputIt&&>(out), n, call);
}

/// The length of the output, without writing it.
template <class... Args>
std::size_t formatted_size(const format_string<Args...>& fmt, const Args&... args) {
  HEAPLESS_DETAIL_FORMAT_ARGS;
  return detail::formatted_size_call(call);
}
template <class S, class... Args, detail::if_compiled_string_t<S> = 0>
std::size_t formatted_size(S, const Args&... args) {
  HEAPLESS_DETAIL_COMPILED_ARGS;
  return detail::formatted_size_call(call);
}

HEAPLESS_NAMESPACE_END

#undef HEAPLESS_DETAIL_FORMAT_ARGS
#undef HEAPLESS_DETAIL_COMPILED_ARGS
#undef HEAPLESS_DETAIL_FORMAT_CONSTEVAL
#undef HEAPLESS_DETAIL_FORMAT_PRECOMPILED

#endif  // HEAPLESS_FORMAT_HPP
