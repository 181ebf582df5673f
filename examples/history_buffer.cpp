// history_buffer.cpp - a sensor filter: the last 8 samples in a
// HistoryBuffer (a ring that overwrites the oldest once full), their moving
// average, and the newest reading.
#include <heapless/history_buffer.hpp>

#include <cstdio>

int main() {
  heapless::HistoryBuffer<float, 8> window;
  const float samples[] = {20.0f, 20.5f, 21.0f, 35.0f, 21.5f, 21.0f, 20.5f, 21.0f, 21.5f, 22.0f, 22.5f};
  for (const float s : samples) {
    window.push(s);
    float sum = 0.0f;
    for (const float v : window) sum += v;  // oldest to newest
    const float average = sum / static_cast<float>(window.size());
    std::printf("sample %5.1f  average of last %zu: %6.2f\n", static_cast<double>(s), window.size(),
                static_cast<double>(average));
  }
  const float* newest = window.recent();
  return window.full() && newest != nullptr && *newest == 22.5f ? 0 : 1;
}
