// SPDX-License-Identifier: BSL-1.0
// snippet_names.hpp - the names the documentation's C++ examples leave to the
// reader (the application's types, devices, data and functions), declared so
// that check_snippets.py can compile the examples. Declarations only: the
// examples are compiled, not linked. A name an example declares itself hides
// the one here (each example is compiled in a namespace of its own).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#if __has_include(<unistd.h>)
#include <unistd.h>  // read()
#else
long read(int fd, void* buffer, std::size_t bytes);
#endif

// ---- The application's types ----------------------------------------------
struct Command {
  std::uint8_t op;
  bool cancelled;
  friend bool operator<(const Command& a, const Command& b) { return a.op < b.op; }
};
struct Device { std::uint8_t bus; std::uint16_t status; };
struct Event {
  enum kind : std::uint8_t { tick, rx, log };
  Event(kind k = tick, std::uint32_t d = 0) : what(k), data(d) {}
  kind what;
  std::uint32_t data;
};
struct Frame { std::uint8_t data[64]; std::size_t size; };
struct Message {
  Message(int id, const char* text);
  void send();
};
struct Packet {
  explicit Packet(const std::uint8_t* bytes);
  std::uint8_t payload[64];
};
struct Point { int x, y; };
struct Session { std::uint32_t peer; };
using Handler = void (*)();

// ---- Hardware -----------------------------------------------------------------
struct uart_registers { volatile std::uint32_t DR; };
extern uart_registers* const UART;
extern volatile std::uint32_t* const UART_RX_REG;
[[noreturn]] void NVIC_SystemReset();
void dma_start(void* to, std::size_t bytes);
void dma_start(volatile std::uint32_t* from, void* to, std::size_t bytes);
template <class Contiguous> void send_dma(const Contiguous& part);
bool uart_ready();
void uart_send(const Frame& f);
bool uart_rx_ready();
std::uint8_t uart_read_data();
std::uint8_t read_data_register();
std::uint64_t trng();

// ---- The application's functions ------------------------------------------------
void run(const Command& c);
void handle(Event e);
void handle(std::uint8_t byte);
template <class Bytes> void handle_frame(const Bytes& frame);
void poll(std::uint32_t id, Device& d);
void fire(std::uint8_t timer_id);
void wake(std::uint8_t task);
void fault();
void blink();
void report();
Handler wrap(Handler h);
void plot(float x);
void show(float x);
void reply(const char* message);
bool set_parameter(std::string_view name, int value);
int read_temperature();
void log_fault(int kind, const char* message);
std::uint64_t siphash_2_4(std::uint64_t k0, std::uint64_t k1, const void* data, std::size_t bytes);
struct any_queue {
  template <class T> bool try_push(T&& item);
};
extern any_queue logger_queue, parser_queue;

// ---- The application's data ------------------------------------------------------
extern Command cmd, urgent;
extern Frame frame;
extern Device dev;
extern std::uint32_t now, id, status;
extern std::uint16_t raw;
extern float t, temp, sample;
extern const char* name;
extern const char* state;
extern const float* block;
extern const float* samples;
extern std::size_t n, count;
extern const int* src;
extern const int* first;
extern const int* last;
extern double readings[64];
extern std::uint8_t rx_buffer[64];
extern char uart_buffer[128];
extern std::string_view line;
