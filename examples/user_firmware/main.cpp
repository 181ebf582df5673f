// main.cpp - a user's firmware using heapless: a sensor log in a static Vec,
// a table of limits in a LinearMap, a formatted report line, and the library's
// errors routed to the firmware's own handler (HEAPLESS_ERROR_HANDLER=1).
// With USER_FIRMWARE_OVERFLOW defined it pushes into the full log with the
// plain push_back, to show the handler at work.
// Built by CMakeLists.txt (add_subdirectory or find_package) and by Makefile
// (single header); see docs/user_firmware.md.
#include <cstdint>

#include <heapless.hpp>

#include "platform.h"  // platform_write(), platform_exit(): board (or QEMU) specific

namespace {
// Large containers live in static storage, not on the stack: their size is
// then checked by the linker against RAM, and the stack stays small.
heapless::Vec<std::int16_t, 256> g_samples;
heapless::LinearMap<std::uint8_t, std::uint16_t, 8> g_thresholds;
}  // namespace

// Every capacity or precondition error of the library lands here. Firmware
// would log it and reset; this one prints it and stops with exit status 3.
void heapless::error_handler(heapless::error_kind kind, const char* message) {
  heapless::String<96> line;
  heapless::format_to(line, "heapless error {}: {}\n", static_cast<int>(kind), message);
  platform_write(line.c_str());
  platform_exit(3);  // never returns
}

int main() {
  for (std::int16_t i = 0; i < 300; ++i) {
    // try_push_back: a full log is expected here, not an error.
    if (!g_samples.try_push_back(static_cast<std::int16_t>(i * 3 - 100))) break;
  }
#ifdef USER_FIRMWARE_OVERFLOW
  g_samples.push_back(0);  // the log is full: error_kind::bad_alloc -> error_handler
#endif
  g_thresholds.insert_or_assign(1, 500);
  g_thresholds.insert_or_assign(7, 120);

  long sum = 0;
  for (std::int16_t s : g_samples) sum += s;
  const auto it = g_thresholds.find(7);
  const std::uint16_t* limit = it != g_thresholds.end() ? &it->second : nullptr;

  heapless::String<80> report;
  heapless::format_to(report, "samples={} sum={} limit={}\n", g_samples.size(), sum,
                      limit != nullptr ? *limit : 0);
  platform_write(report.c_str());

  const bool ok = g_samples.size() == 256 && sum == 256L * 255 * 3 / 2 - 256L * 100 &&
                  limit != nullptr && *limit == 120;
  platform_write(ok ? "user_firmware: ok\n" : "user_firmware: WRONG RESULT\n");
  return ok ? 0 : 1;
}
