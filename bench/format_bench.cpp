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

void BM_hand_to_chars(benchmark::State& state) {
  char buf[64];
  std::size_t i = 0;
  for (auto _ : state) {
    const sample& s = samples[i++ & 7];
    benchmark::DoNotOptimize(by_hand(buf, s, true));
    benchmark::ClobberMemory();
  }
}
BENCHMARK(BM_hand_to_chars);

void BM_snprintf(benchmark::State& state) {
  char buf[64];
  std::size_t i = 0;
  for (auto _ : state) {
    const sample& s = samples[i++ & 7];
    benchmark::DoNotOptimize(
        std::snprintf(buf, sizeof buf, "sensor %d: raw=0x%04x value=%.3f unit=%s", s.id, s.raw, s.value, s.unit));
    benchmark::ClobberMemory();
  }
}
BENCHMARK(BM_snprintf);

#if HEAPLESS_BENCH_HAS_FMT
void BM_fmt_format_to_n(benchmark::State& state) {
  char buf[64];
  std::size_t i = 0;
  for (auto _ : state) {
    const sample& s = samples[i++ & 7];
    benchmark::DoNotOptimize(
        fmt::format_to_n(buf, sizeof buf, "sensor {}: raw=0x{:04x} value={:.3f} unit={}", s.id, s.raw, s.value, s.unit)
            .size);
    benchmark::ClobberMemory();
  }
}
BENCHMARK(BM_fmt_format_to_n);
#endif

void BM_heapless_string(benchmark::State& state) {
  heapless::String<64> out;
  std::size_t i = 0;
  heapless::test::arm_trap();
  for (auto _ : state) {
    const sample& s = samples[i++ & 7];
    out.clear();
    heapless::format_to(out, "sensor {}: raw=0x{:04x} value={:.3f} unit={}", s.id, s.raw, s.value, s.unit);
    benchmark::DoNotOptimize(out.data());
    benchmark::ClobberMemory();
  }
  heapless::test::disarm_trap();
}
BENCHMARK(BM_heapless_string);

void BM_heapless_format_to_n(benchmark::State& state) {
  char buf[64];
  std::size_t i = 0;
  for (auto _ : state) {
    const sample& s = samples[i++ & 7];
    benchmark::DoNotOptimize(
        heapless::format_to_n(buf, sizeof buf, "sensor {}: raw=0x{:04x} value={:.3f} unit={}", s.id, s.raw, s.value,
                              s.unit)
            .size);
    benchmark::ClobberMemory();
  }
}
BENCHMARK(BM_heapless_format_to_n);

// --- the same line without the float: integer formatting and parsing dominate ---
void BM_int_hand_to_chars(benchmark::State& state) {
  char buf[64];
  std::size_t i = 0;
  for (auto _ : state) {
    const sample& s = samples[i++ & 7];
    benchmark::DoNotOptimize(by_hand(buf, s, false));
    benchmark::ClobberMemory();
  }
}
BENCHMARK(BM_int_hand_to_chars);

void BM_int_snprintf(benchmark::State& state) {
  char buf[64];
  std::size_t i = 0;
  for (auto _ : state) {
    const sample& s = samples[i++ & 7];
    benchmark::DoNotOptimize(std::snprintf(buf, sizeof buf, "sensor %d: raw=0x%04x unit=%s", s.id, s.raw, s.unit));
    benchmark::ClobberMemory();
  }
}
BENCHMARK(BM_int_snprintf);

#if HEAPLESS_BENCH_HAS_FMT
void BM_int_fmt_format_to_n(benchmark::State& state) {
  char buf[64];
  std::size_t i = 0;
  for (auto _ : state) {
    const sample& s = samples[i++ & 7];
    benchmark::DoNotOptimize(
        fmt::format_to_n(buf, sizeof buf, "sensor {}: raw=0x{:04x} unit={}", s.id, s.raw, s.unit).size);
    benchmark::ClobberMemory();
  }
}
BENCHMARK(BM_int_fmt_format_to_n);
#endif

void BM_int_heapless_string(benchmark::State& state) {
  heapless::String<64> out;
  std::size_t i = 0;
  heapless::test::arm_trap();
  for (auto _ : state) {
    const sample& s = samples[i++ & 7];
    out.clear();
    heapless::format_to(out, "sensor {}: raw=0x{:04x} unit={}", s.id, s.raw, s.unit);
    benchmark::DoNotOptimize(out.data());
    benchmark::ClobberMemory();
  }
  heapless::test::disarm_trap();
}
BENCHMARK(BM_int_heapless_string);

}  // namespace
