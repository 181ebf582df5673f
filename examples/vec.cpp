// vec.cpp - heapless::Vec<T, N>: a vector whose N elements live inside the
// object. This program keeps the last readings of a sensor, filters them and
// reports, the way firmware would: no heap, a fixed memory budget, and an
// explicit decision at every place where the buffer can be full.
#include <cstdint>
#include <cstdio>

#include <heapless/vec.hpp>

namespace {

struct Reading {
  std::uint32_t time_ms;
  std::int16_t celsius_x10;  // 23.5 C is 235
};

// Room for 8 readings. sizeof is 8 * sizeof(Reading) + the length (one
// 32-bit word here): the whole buffer can be a global, a member, or copied
// with memcpy (it is trivially copyable because Reading is).
using ReadingLog = heapless::Vec<Reading, 8>;
static_assert(sizeof(ReadingLog) == 8 * sizeof(Reading) + 4);
static_assert(std::is_trivially_copyable_v<ReadingLog>);

// A global log is constant-initialised: no constructor runs at start-up.
ReadingLog g_log;

void print(const char* title, const ReadingLog& log) {
  std::printf("%s (%zu of %zu):", title, log.size(), log.capacity());
  for (const Reading& r : log) std::printf(" %d.%d", r.celsius_x10 / 10, r.celsius_x10 % 10);
  std::printf("\n");
}

}  // namespace

int main() {
  // 1. Fill the log. try_push_back never fails loudly: it returns nullptr
  //    when the Vec is full, so the caller decides what to drop.
  const std::int16_t samples[] = {215, 218, 990, 221, 224, 223, -400, 226, 229, 231};
  std::uint32_t now = 0;
  int dropped = 0;
  for (std::int16_t s : samples) {
    now += 100;
    if (g_log.try_push_back(Reading{now, s}) == nullptr) ++dropped;
  }
  print("logged", g_log);
  std::printf("dropped %d readings because the log was full\n", dropped);

  // 2. Remove implausible values with the free erase_if (returns the count).
  const std::size_t removed =
      heapless::erase_if(g_log, [](const Reading& r) { return r.celsius_x10 < -300 || r.celsius_x10 > 800; });
  std::printf("removed %zu implausible readings\n", removed);
  print("filtered", g_log);

  // 3. Insert a calibration reading at the front; erase the oldest two.
  g_log.insert(g_log.begin(), Reading{0, 200});
  g_log.erase(g_log.begin() + 1, g_log.begin() + 3);
  print("edited", g_log);

  // 4. Plain push_back when there is room; check full() (or use
  //    try_push_back) first when there may not be. A push_back into a full
  //    Vec throws std::bad_alloc (or calls your handler with -fno-exceptions).
  while (!g_log.full()) g_log.push_back(Reading{now += 100, 230});
  print("topped up", g_log);

  // 5. Copies are plain values: a snapshot to send while logging continues.
  const ReadingLog snapshot = g_log;
  g_log.clear();
  long sum = 0;
  for (const Reading& r : snapshot) sum += r.celsius_x10;
  std::printf("snapshot average: %ld.%ld C over %zu readings; live log now empty: %s\n",
              sum / static_cast<long>(snapshot.size()) / 10, sum / static_cast<long>(snapshot.size()) % 10,
              snapshot.size(), g_log.empty() ? "yes" : "no");

  // 6. Any element type works; a Vec of non-trivial types destroys them.
  heapless::Vec<heapless::Vec<char, 16>, 4> words;
  for (const char* w : {"no", "heap", "needed"}) {
    heapless::Vec<char, 16>& word = words.emplace_back();
    for (const char* c = w; *c != '\0'; ++c) word.push_back(*c);
  }
  std::printf("words:");
  for (const auto& w : words) std::printf(" %.*s", static_cast<int>(w.size()), w.data());
  std::printf("\n");
  return 0;
}
