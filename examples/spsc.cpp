// spsc.cpp - a UART-style receive path: an "interrupt handler" (here a
// second thread) pushes bytes into a static spsc::Queue; the main loop drains
// them in batches and assembles lines. On a microcontroller the producer
// would be the real UART ISR and the queue exactly the same code.
#include <heapless/spsc.hpp>

#include <cstdint>
#include <cstdio>
#include <thread>

namespace {

// Constant-initialised: no start-up code, usable from the first interrupt.
// Holds exactly 32 bytes; with HEAPLESS_CACHE_LINE = 0 (the Cortex-M default)
// it costs 32 + 4 bytes of RAM.
heapless::spsc::Queue<std::uint8_t, 32> g_rx;

// Bytes the "UART" receives.
constexpr char kWire[] =
    "GET temperature\n"
    "SET led=on\n"
    "GET uptime\n";

}  // namespace

int main() {
  // Each side gets its own handle: the ISR can only push, main can only pop.
  auto [isr_side, main_side] = g_rx.split();

  // The "interrupt": one byte per event. A real ISR cannot wait, so when the
  // queue is full it counts an overrun and drops the byte; this demo retries
  // so that the output is deterministic.
  unsigned long overruns = 0;
  std::thread uart_isr([&overruns, tx = std::move(isr_side)]() mutable {
    for (const char c : kWire) {
      if (c == '\0') break;
      while (!tx.try_push(static_cast<std::uint8_t>(c))) {
        ++overruns;
        std::this_thread::yield();
      }
    }
  });

  // The main loop: take whatever has arrived, up to 8 bytes per call (one
  // index update per batch), and split it into lines.
  char line[64];
  std::size_t len = 0;
  int lines = 0;
  std::uint8_t chunk[8];
  while (lines < 3) {
    const std::size_t n = main_side.pop(chunk, sizeof chunk);
    if (n == 0) {
      std::this_thread::yield();  // on an MCU: __WFI() until the next interrupt
      continue;
    }
    for (std::size_t i = 0; i < n; ++i) {
      if (chunk[i] == '\n') {
        line[len] = '\0';
        std::printf("command %d: %s\n", ++lines, line);
        len = 0;
      } else if (len + 1 < sizeof line) {
        line[len++] = static_cast<char>(chunk[i]);
      }
    }
  }
  uart_isr.join();

  std::printf("queue capacity %zu, now holding %zu; producer retried %lu times on a full queue\n",
              g_rx.capacity(), g_rx.size(), overruns);
  std::printf("sizeof(spsc::Queue<uint8_t, 32>) = %zu bytes here (HEAPLESS_CACHE_LINE = %d)\n",
              sizeof(g_rx), HEAPLESS_CACHE_LINE);
  return 0;
}
