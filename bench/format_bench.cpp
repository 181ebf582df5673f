// format_bench.cpp - one log line, formatted side by side:
//   "sensor {}: raw=0x{:04x} value={:.3f} unit={}"  (an int, a hex value,
//   a float with precision 3, a short string) into a 64-byte buffer, by
//   - snprintf into char[64]                        (what firmware does today)
//   - std::to_chars by hand                          (the limit: no parsing at all)
//   - fmt::format_to_n into char[64]                 (when {fmt} is found)
//   - heapless::format_to into String<64>, and format_to_n into char[64]
// and the same line without the float (integers and strings only).
// Values change every iteration so nothing is constant-folded.
// Reproduce (docs/format.md):
//   cmake --build <dir> --target format_bench
//   <dir>/bench/format_bench --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
//   valgrind --tool=callgrind <dir>/bench/format_bench --benchmark_filter=<name> --benchmark_min_time=0.05
#include <benchmark/benchmark.h>

#include <charconv>  // std::to_chars: the hand-written baseline
#include <cstdint>   // std::uint32_t, std::int32_t: the two-field line
#include <cstdio>    // std::snprintf
#include <cstring>   // std::memcpy

#include "heapless/format.hpp"
#include "support/alloc_trap.hpp"

#if HEAPLESS_BENCH_HAS_FMT
#include <fmt/format.h>
#endif

namespace {

struct sample {
  int id;
  unsigned raw;
  double value;
  const char* unit;
};

constexpr sample samples[8] = {
    {7, 0x1a2bu, 23.456789, "degC"}, {-12, 0xbeefu, -0.5, "V"},       {123456, 0x7u, 1013.25, "hPa"},
    {0, 0xffffu, 3.14159265, "rad"}, {42, 0x100u, 99.9995, "%"},      {-7, 0xabcu, 0.001, "A"},
    {99999, 0x0u, 12.5, "m/s"},      {3, 0x55aau, 65535.123, "rpm"},
};

// --- hand-written: literals memcpy'd, numbers by std::to_chars ---------------
template <std::size_t N>
char* put(char* p, const char (&lit)[N]) {
  std::memcpy(p, lit, N - 1);
  return p + N - 1;
}

std::size_t by_hand(char* buf, const sample& s, bool with_float) {
  char* const end = buf + 64;
  char* p = put(buf, "sensor ");
  p = std::to_chars(p, end, s.id).ptr;
  p = put(p, ": raw=0x");
  char hex[8];
  const char* hex_end = std::to_chars(hex, hex + sizeof hex, s.raw, 16).ptr;
  const auto hex_len = static_cast<std::size_t>(hex_end - hex);
  for (std::size_t i = hex_len; i < 4; ++i) *p++ = '0';
  std::memcpy(p, hex, hex_len);
  p += hex_len;
  if (with_float) {
    p = put(p, " value=");
    p = std::to_chars(p, end, s.value, std::chars_format::fixed, 3).ptr;
  }
  p = put(p, " unit=");
  const std::size_t unit_len = std::strlen(s.unit);
  std::memcpy(p, s.unit, unit_len);
  p += unit_len;
  return static_cast<std::size_t>(p - buf);
}

// Each variant formats one line in a noinline function line_<name>(sample,
// buffer) -> length, so callgrind reports instructions per call exactly
// (bench/format_callgrind.sh); the BM_ loops around them are identical.
#define HEAPLESS_BENCH_NOINLINE __attribute__((noinline))

HEAPLESS_BENCH_NOINLINE std::size_t line_hand(const sample& s, char* buf) { return by_hand(buf, s, true); }
HEAPLESS_BENCH_NOINLINE std::size_t line_snprintf(const sample& s, char* buf) {
  return static_cast<std::size_t>(
      std::snprintf(buf, 64, "sensor %d: raw=0x%04x value=%.3f unit=%s", s.id, s.raw, s.value, s.unit));
}
#if HEAPLESS_BENCH_HAS_FMT
HEAPLESS_BENCH_NOINLINE std::size_t line_fmt(const sample& s, char* buf) {
  return fmt::format_to_n(buf, 64, "sensor {}: raw=0x{:04x} value={:.3f} unit={}", s.id, s.raw, s.value, s.unit).size;
}
#endif
HEAPLESS_BENCH_NOINLINE std::size_t line_heapless(const sample& s, heapless::String<64>& out) {
  out.clear();
  heapless::format_to(out, "sensor {}: raw=0x{:04x} value={:.3f} unit={}", s.id, s.raw, s.value, s.unit);
  return out.size();
}
HEAPLESS_BENCH_NOINLINE std::size_t line_heapless_n(const sample& s, char* buf) {
  return heapless::format_to_n(buf, 64, "sensor {}: raw=0x{:04x} value={:.3f} unit={}", s.id, s.raw, s.value, s.unit)
      .size;
}
// HEAPLESS_FMT: the format string compiled into code at the call site.
HEAPLESS_BENCH_NOINLINE std::size_t line_heapless_fmt(const sample& s, heapless::String<64>& out) {
  out.clear();
  heapless::format_to(out, HEAPLESS_FMT("sensor {}: raw=0x{:04x} value={:.3f} unit={}"), s.id, s.raw, s.value,
                      s.unit);
  return out.size();
}
// The same line without the float: integer formatting and parsing dominate.
HEAPLESS_BENCH_NOINLINE std::size_t line_int_hand(const sample& s, char* buf) { return by_hand(buf, s, false); }
HEAPLESS_BENCH_NOINLINE std::size_t line_int_snprintf(const sample& s, char* buf) {
  return static_cast<std::size_t>(std::snprintf(buf, 64, "sensor %d: raw=0x%04x unit=%s", s.id, s.raw, s.unit));
}
#if HEAPLESS_BENCH_HAS_FMT
HEAPLESS_BENCH_NOINLINE std::size_t line_int_fmt(const sample& s, char* buf) {
  return fmt::format_to_n(buf, 64, "sensor {}: raw=0x{:04x} unit={}", s.id, s.raw, s.unit).size;
}
#endif
HEAPLESS_BENCH_NOINLINE std::size_t line_int_heapless(const sample& s, heapless::String<64>& out) {
  out.clear();
  heapless::format_to(out, "sensor {}: raw=0x{:04x} unit={}", s.id, s.raw, s.unit);
  return out.size();
}
HEAPLESS_BENCH_NOINLINE std::size_t line_int_heapless_fmt(const sample& s, heapless::String<64>& out) {
  out.clear();
  heapless::format_to(out, HEAPLESS_FMT("sensor {}: raw=0x{:04x} unit={}"), s.id, s.raw, s.unit);
  return out.size();
}
// A two-field line into a String<32>: "t=<u32> v=<i32>" (the id and raw
// fields of the sample as the values), hand-written with to_chars beside it.
HEAPLESS_BENCH_NOINLINE std::size_t line_two_hand(const sample& s, char* buf) {
  char* const end = buf + 32;
  char* p = put(buf, "t=");
  p = std::to_chars(p, end, s.raw).ptr;
  p = put(p, " v=");
  p = std::to_chars(p, end, s.id).ptr;
  *p = '\0';
  return static_cast<std::size_t>(p - buf);
}
HEAPLESS_BENCH_NOINLINE std::size_t line_two_heapless(const sample& s, heapless::String<32>& out) {
  out.clear();
  heapless::format_to(out, "t={} v={}", static_cast<std::uint32_t>(s.raw), static_cast<std::int32_t>(s.id));
  return out.size();
}
HEAPLESS_BENCH_NOINLINE std::size_t line_two_heapless_fmt(const sample& s, heapless::String<32>& out) {
  out.clear();
  heapless::format_to(out, HEAPLESS_FMT("t={} v={}"), static_cast<std::uint32_t>(s.raw),
                      static_cast<std::int32_t>(s.id));
  return out.size();
}

template <class Buffer>
void run(benchmark::State& state, std::size_t (*line)(const sample&, Buffer&), bool trap) {
  Buffer buf{};
  std::size_t i = 0;
  if (trap) heapless::test::arm_trap();  // heapless must not allocate
  for (auto _ : state) {
    benchmark::DoNotOptimize(line(samples[i++ & 7], buf));
    benchmark::ClobberMemory();
  }
  if (trap) heapless::test::disarm_trap();
}
using chars64 = char[64];

void BM_hand_to_chars(benchmark::State& st) { run<chars64>(st, [](const sample& s, chars64& b) { return line_hand(s, b); }, false); }
void BM_snprintf(benchmark::State& st) { run<chars64>(st, [](const sample& s, chars64& b) { return line_snprintf(s, b); }, false); }
#if HEAPLESS_BENCH_HAS_FMT
void BM_fmt_format_to_n(benchmark::State& st) { run<chars64>(st, [](const sample& s, chars64& b) { return line_fmt(s, b); }, false); }
#endif
void BM_heapless_string(benchmark::State& st) {
  run<heapless::String<64>>(st, [](const sample& s, heapless::String<64>& b) { return line_heapless(s, b); }, true);
}
void BM_heapless_fmt_string(benchmark::State& st) {
  run<heapless::String<64>>(st, [](const sample& s, heapless::String<64>& b) { return line_heapless_fmt(s, b); }, true);
}
void BM_heapless_format_to_n(benchmark::State& st) {
  run<chars64>(st, [](const sample& s, chars64& b) { return line_heapless_n(s, b); }, true);
}
void BM_int_hand_to_chars(benchmark::State& st) { run<chars64>(st, [](const sample& s, chars64& b) { return line_int_hand(s, b); }, false); }
void BM_int_snprintf(benchmark::State& st) { run<chars64>(st, [](const sample& s, chars64& b) { return line_int_snprintf(s, b); }, false); }
#if HEAPLESS_BENCH_HAS_FMT
void BM_int_fmt_format_to_n(benchmark::State& st) { run<chars64>(st, [](const sample& s, chars64& b) { return line_int_fmt(s, b); }, false); }
#endif
void BM_int_heapless_string(benchmark::State& st) {
  run<heapless::String<64>>(st, [](const sample& s, heapless::String<64>& b) { return line_int_heapless(s, b); }, true);
}
void BM_int_heapless_fmt_string(benchmark::State& st) {
  run<heapless::String<64>>(st, [](const sample& s, heapless::String<64>& b) { return line_int_heapless_fmt(s, b); },
                            true);
}
void BM_two_hand_to_chars(benchmark::State& st) { run<chars64>(st, [](const sample& s, chars64& b) { return line_two_hand(s, b); }, false); }
void BM_two_heapless_string(benchmark::State& st) {
  run<heapless::String<32>>(st, [](const sample& s, heapless::String<32>& b) { return line_two_heapless(s, b); }, true);
}
void BM_two_heapless_fmt_string(benchmark::State& st) {
  run<heapless::String<32>>(st, [](const sample& s, heapless::String<32>& b) { return line_two_heapless_fmt(s, b); },
                            true);
}

BENCHMARK(BM_hand_to_chars);
BENCHMARK(BM_snprintf);
#if HEAPLESS_BENCH_HAS_FMT
BENCHMARK(BM_fmt_format_to_n);
#endif
BENCHMARK(BM_heapless_string);
BENCHMARK(BM_heapless_fmt_string);
BENCHMARK(BM_heapless_format_to_n);
BENCHMARK(BM_int_hand_to_chars);
BENCHMARK(BM_int_snprintf);
#if HEAPLESS_BENCH_HAS_FMT
BENCHMARK(BM_int_fmt_format_to_n);
#endif
BENCHMARK(BM_int_heapless_string);
BENCHMARK(BM_int_heapless_fmt_string);
BENCHMARK(BM_two_hand_to_chars);
BENCHMARK(BM_two_heapless_string);
BENCHMARK(BM_two_heapless_fmt_string);

}  // namespace
