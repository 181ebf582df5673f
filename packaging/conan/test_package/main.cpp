// Conan test package: includes the umbrella header and uses the library.
#include <heapless.hpp>

int main() {
  heapless::Vec<int, 4> v;
  v.push_back(1);
  v.push_back(2);
  return (v.size() == 2 && v[1] == 2) ? 0 : 1;
}
