// crossing.cpp - a heapless type passed between files built with different
// settings: must not link (the two files name different types).
#include <heapless/vec.hpp>

int sum(const heapless::Vec<int, 4>& v);  // defined in crossing_def.cpp

int main() {
  const heapless::Vec<int, 4> v{1, 2, 3};
  return sum(v) == 6 ? 0 : 1;
}
