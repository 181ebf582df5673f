// binary_heap.cpp - a timer scheduler: deadlines in a min-heap, the earliest
// fires first. BinaryHeap keeps up to N entries in the object itself; push
// and pop are O(log N), top is O(1).
#include <heapless/binary_heap.hpp>

#include <cstdio>

namespace {

struct timer {
  unsigned deadline;
  unsigned id;
  // Ordered by deadline; the min-heap puts the smallest on top.
  friend bool operator>(const timer& a, const timer& b) { return a.deadline > b.deadline; }
};

}  // namespace

int main() {
  heapless::min_heap<timer, 16> timers;
  timers.push(timer{250, 1});
  timers.push(timer{100, 2});
  timers.push(timer{175, 3});
  timers.push(timer{100, 4});

  unsigned now = 0;
  unsigned fired = 0;
  while (auto t = timers.try_pop()) {
    now = t->deadline;
    std::printf("t=%u timer %u fires\n", now, t->id);
    ++fired;
    if (t->id == 3) timers.push(timer{now + 50, 5});  // a periodic timer re-arms
  }
  return fired == 5 && now == 250 ? 0 : 1;
}
