// SPDX-License-Identifier: BSL-1.0
// heapless/detail/format_precompiled.hpp - precompiled format strings
// (HEAPLESS_FORMAT_PRECOMPILE, C++20), and the compiled form of a format
// string that they share with HEAPLESS_FMT.
//
// Under C++20 the consteval constructor of format_string (heapless/format.hpp)
// parses and checks the string against the argument types. With
// HEAPLESS_FORMAT_PRECOMPILE (config.hpp; default 1 on hosts) it also keeps
// the result in the format_string object: a list of ops, each some literal
// text followed by at most one field with its parsed spec (compile_format).
// vformat (format_core.hpp) then calls run_program, which writes the ops
// without parsing or validating anything. The object grows by 24 bytes per
// field, a constant copied at each call, so microcontrollers default to
// parsing at run time instead; format_string then lives in its own inline
// namespace (format.hpp), as it has another layout.
//
// The other compile-time mechanism, HEAPLESS_FMT (format_codegen.hpp),
// compiles the string with the same compile_format, in C++17 too, and
// generates code from the ops instead of keeping them.
#ifndef HEAPLESS_DETAIL_FORMAT_PRECOMPILED_HPP
#define HEAPLESS_DETAIL_FORMAT_PRECOMPILED_HPP

#include <cstddef>      // std::size_t
#include <cstdint>      // std::uint8_t, std::uint16_t, std::uint32_t, std::int32_t
#include <string_view>  // std::string_view

#include <heapless/detail/config.hpp>       // HEAPLESS_ALWAYS_INLINE
#include <heapless/detail/format_core.hpp>  // format_specs, parse_format, arg_desc, format_call, HEAPLESS_DETAIL_FORMAT_PRECOMPILED

HEAPLESS_NAMESPACE_BEGIN
namespace detail {

/// One step of a compiled format string: some literal text, then at most one field.
struct compiled_op {
  std::uint16_t text_begin = 0;  // literal text: offsets into the format string
  std::uint16_t text_len = 0;
  std::uint8_t arg = 0xFF;  // argument index; 0xFF: text only
  format_specs specs{};     // a custom type's field: spec text offset in width, length in precision
};

/// The ops of one format string (at most K); valid is false when it did not compile.
template <std::size_t K>
struct compiled_program {
  compiled_op ops[K]{};
  std::uint8_t count = 0;
  bool valid = false;
};

/// parse_format handler that records ops; gives up (valid = false) when the
/// string is too long for 16-bit offsets or has more pieces than K.
struct compile_handler {
  const char* base;
  compiled_op* ops;
  std::size_t capacity;
  std::size_t count = 0;
  bool open = false;  // the last op has text and no field yet
  bool overflow = false;

  constexpr bool next_op() noexcept {
    if (count == capacity) {
      overflow = true;
      return false;
    }
    ops[count++] = compiled_op{};
    return true;
  }
  constexpr void on_text(const char* p, std::size_t n) noexcept {
    const auto off = static_cast<std::size_t>(p - base);
    if (off + n > 0xFFFFu) {
      overflow = true;
      return;
    }
    if (open && ops[count - 1].text_begin + ops[count - 1].text_len == off) {
      ops[count - 1].text_len = static_cast<std::uint16_t>(ops[count - 1].text_len + n);
      return;
    }
    if (!next_op()) return;
    ops[count - 1].text_begin = static_cast<std::uint16_t>(off);
    ops[count - 1].text_len = static_cast<std::uint16_t>(n);
    open = true;
  }
  constexpr void on_field(std::size_t index, const format_specs& specs, std::string_view raw) noexcept {
    if (!open && !next_op()) return;
    compiled_op& op = ops[count - 1];
    op.arg = static_cast<std::uint8_t>(index);
    op.specs = specs;
    if (!raw.empty()) {
      op.specs.width = static_cast<std::uint32_t>(raw.data() - base);
      op.specs.precision = static_cast<std::int32_t>(raw.size());
      op.specs.set(format_specs::has_spec_flag);
    }
    open = false;
  }
};

/// Checks fmt against descs and, if it is valid, compiles it into prog.
template <std::size_t K>
constexpr format_errc compile_format(std::string_view fmt, const arg_desc* descs, std::size_t n,
                                     compiled_program<K>& prog) {
  compile_handler h{fmt.data(), prog.ops, K};
  const format_errc e = parse_format(fmt, descs, n, h);
  prog.valid = e == format_errc::ok && !h.overflow && n < 0xFF;
  prog.count = static_cast<std::uint8_t>(prog.valid ? h.count : 0);
  return e;
}

#if HEAPLESS_DETAIL_FORMAT_PRECOMPILED
/// Runs the ops of a precompiled format string: no parsing, no validation
/// (the consteval constructor did both).
HEAPLESS_ALWAYS_INLINE inline void run_program(format_buffer& out, const format_call& c) {
  const char* const base = c.fmt.data();
  for (std::size_t i = 0; i < c.program.count; ++i) {
    const compiled_op& op = c.program.ops[i];
    out.write(base + op.text_begin, op.text_len);
    if (op.arg != 0xFF) {
      const arg_desc& d = c.descs[op.arg];
      if (d.category != arg_category::custom) {
        d.handler(out, c.values[op.arg], op.specs, std::string_view());
      } else {
        const auto raw_len = op.specs.plain() ? 0u : static_cast<std::size_t>(op.specs.precision);
        d.handler(out, c.values[op.arg], op.specs, std::string_view(base + op.specs.width, raw_len));
      }
    }
  }
}
#endif

}  // namespace detail
HEAPLESS_NAMESPACE_END

#endif  // HEAPLESS_DETAIL_FORMAT_PRECOMPILED_HPP
