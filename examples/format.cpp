// examples/format.cpp - heap-free text formatting with heapless::format_to.
//
// A sensor task builds log lines and a fixed-width display row without
// snprintf and without the heap: the text goes into a String<N> that lives
// on the stack (or in a static, or inside a message), with {fmt}/std::format
// syntax. In C++20 a wrong format string does not compile.
#include <cstdio>  // std::puts: only to show the results

#include "heapless/format.hpp"

namespace {

enum class sensor_state { idle, measuring, fault };

struct reading {
  int id;
  unsigned raw;
  double celsius;
  sensor_state state;
};

}  // namespace

// A user type: teach heapless how to print it once, use it everywhere.
template <>
struct heapless::formatter<reading> {
  void format(const reading& r, heapless::format_context& ctx) const {
    heapless::format_to(ctx, "#{} {:.1f}C", r.id, r.celsius);
  }
};

int main() {
  const reading r{7, 0x1a2b, 23.456789, sensor_state::measuring};

  // 1. Append to a String<N>: the common case. Raises length_error if full.
  heapless::String<80> line;
  heapless::format_to(line, "sensor {}: raw=0x{:04x} value={:.3f} state={}", r.id, r.raw, r.celsius, r.state);
  std::puts(line.c_str());

  // 2. Alignment, fill, sign, bases: a fixed-width display row.
  const auto row = heapless::format<32>("|{:<8}|{:>+8.2f}|{:*^9}|", "temp", r.celsius, "ok");
  std::puts(row.c_str());
  std::puts(heapless::format<40>("{0:d} = {0:#x} = {0:#o} = {0:#b}", 42).c_str());

  // 3. When the text might not fit, choose what happens.
  heapless::String<16> small;
  if (!heapless::try_format_to(small, "a long line: {}", r)) {  // all or nothing
    std::puts("try_format_to: did not fit, string unchanged");
  }
  const bool cut = heapless::format_to_truncating(small, "a long line: {}", r);  // keep what fits
  std::printf("format_to_truncating: \"%s\" (cut: %s)\n", small.c_str(), cut ? "yes" : "no");

  // 4. User types, via heapless::formatter<T>.
  std::puts(heapless::format<48>("latest reading: {}", r).c_str());

  // 5. Any output iterator, e.g. straight into a UART buffer; format_to_n bounds it.
  char uart[32];
  const auto result = heapless::format_to_n(uart, sizeof uart - 1, "id={} t={:.2f}", r.id, r.celsius);
  *result.out = '\0';
  std::printf("%s (%zu chars)\n", uart, result.size);

  // 6. A format string chosen at run time is checked when it is used.
  const char* user_pattern = "{:>6}|";
  heapless::String<16> custom;
  heapless::format_to(custom, heapless::runtime_format(user_pattern), 99);
  std::puts(custom.c_str());

  // 7. HEAPLESS_FMT: the string is checked when this line compiles (C++17 too)
  //    and compiled into code: no parser at run time. Same output.
  heapless::String<48> fast;
  heapless::format_to(fast, HEAPLESS_FMT("t={} id={} st={:#x}"), -5, r.id, r.raw);
  std::puts(fast.c_str());
  return 0;
}
