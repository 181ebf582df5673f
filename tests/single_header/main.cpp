// main.cpp - a project that vendors only single_include/heapless.hpp (copied
// next to this file by run_single_header.cmake): every container, one include.
// (Each part is guarded by the container's include guard only so that this
// test passes while containers are still being added to the library.)
#include "heapless.hpp"

#include <cstdint>  // std::uint8_t

namespace {
int g_failures = 0;
void expect(bool ok) { g_failures += ok ? 0 : 1; }

#ifdef HEAPLESS_SPSC_HPP
heapless::spsc::Queue<std::uint8_t, 16> g_rx;  // constant-initialised: no start-up code
#endif
#ifdef HEAPLESS_POOL_HPP
struct reading {
  int sensor;
  int value;
};
heapless::Pool<reading, 4> g_readings;
#endif
}  // namespace

int main() {
  heapless::Vec<int, 8> v = {3, 1, 2};
  v.push_back(4);
  expect(v.size() == 4 && v.back() == 4);

#ifdef HEAPLESS_LINEAR_MAP_HPP
  heapless::LinearMap<int, int, 4> last;
  for (int x : v) last[x % 2] = x;
  expect(last[1] == 1 && last[0] == 4);
#endif
#ifdef HEAPLESS_SPSC_HPP
  for (std::uint8_t b = 1; b <= 3; ++b) expect(g_rx.try_push(b));
  int rx_sum = 0;
  while (auto b = g_rx.try_pop()) rx_sum += *b;
  expect(rx_sum == 6);
#endif
#ifdef HEAPLESS_POOL_HPP
  auto r = g_readings.try_make(reading{7, 21});
  expect(r && r->value == 21);
#endif
#ifdef HEAPLESS_STRING_HPP
  heapless::String<32> s = "n=";
  s += "4";
  expect(s == "n=4");
#endif
#ifdef HEAPLESS_FORMAT_HPP
  heapless::String<48> line;
  heapless::format_to(line, "n={} first={:#x}", v.size(), v[0]);
  expect(line == "n=4 first=0x3");
#endif
  return g_failures;
}
