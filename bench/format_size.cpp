// format_size.cpp - flash cost of formatting on Cortex-M (not built by CMake;
// docs/format.md has the table and the exact commands). One log line, four ways:
//   -DVARIANT=0  nothing formatted (the start-up/libc floor)
//   -DVARIANT=1  heapless, integers and a string:  "sensor {}: raw=0x{:04x} unit={}"
//   -DVARIANT=2  heapless, plus a float {:.3f}
//   -DVARIANT=3  newlib-nano snprintf, same integer line
//   -DVARIANT=4  newlib-nano snprintf with %.3f (linked with -u _printf_float)
// The line goes to a volatile "UART" so nothing is optimised away.
#if VARIANT == 1 || VARIANT == 2
#include "heapless/format.hpp"
#elif VARIANT == 3 || VARIANT == 4
#include <cstdio>
#endif

volatile char uart_data;
volatile int sensor_id = 7;
volatile unsigned sensor_raw = 0x1a2b;
volatile double sensor_value = 23.456789;

static void uart_write(const char* s, unsigned n) {
  for (unsigned i = 0; i < n; ++i) uart_data = s[i];
}

int main() {
  const int id = sensor_id;
  const unsigned raw = sensor_raw;
  const double value = sensor_value;
  (void)id, (void)raw, (void)value;
#if VARIANT == 1
  heapless::String<64> line;
  heapless::format_to(line, "sensor {}: raw=0x{:04x} unit={}", id, raw, "degC");
  uart_write(line.data(), static_cast<unsigned>(line.size()));
#elif VARIANT == 2
  heapless::String<64> line;
  heapless::format_to(line, "sensor {}: raw=0x{:04x} value={:.3f} unit={}", id, raw, value, "degC");
  uart_write(line.data(), static_cast<unsigned>(line.size()));
#elif VARIANT == 3
  char line[64];
  const int n = std::snprintf(line, sizeof line, "sensor %d: raw=0x%04x unit=%s", id, raw, "degC");
  uart_write(line, static_cast<unsigned>(n));
#elif VARIANT == 4
  char line[64];
  const int n = std::snprintf(line, sizeof line, "sensor %d: raw=0x%04x value=%.3f unit=%s", id, raw, value, "degC");
  uart_write(line, static_cast<unsigned>(n));
#endif
  return 0;
}
