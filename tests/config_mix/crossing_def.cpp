// crossing_def.cpp - see crossing.cpp.
#include <heapless/vec.hpp>

int sum(const heapless::Vec<int, 4>& v) {
  int s = 0;
  for (const int x : v) s += x;
  return s;
}
