// static_init.cpp - a static container of every kind, default-constructed at
// namespace scope and as function-local statics. Constant initialisation means
// the compiler emits no dynamic initialiser: this translation unit must have no
// .init_array section (check_init_array.cmake inspects the object file) and no
// guard variable for the function-local ones. The program itself uses every
// object, so nothing is discarded before the check. A second set is declared
// HEAPLESS_CONSTINIT, which must compile (the compiler proves constant
// initialisation) in C++17 and C++20 alike, including the Strings whose
// constructors ask is_constant_evaluated() (N >= 64). Built on the host and on
// Cortex-M, in both standards (tests/CMakeLists.txt, target/CMakeLists.txt).
#include <heapless/linear_map.hpp>
#include <heapless/pool.hpp>
#include <heapless/spsc.hpp>
#include <heapless/string.hpp>
#include <heapless/vec.hpp>
#include <heapless/deque.hpp>
#include <heapless/history_buffer.hpp>

#include <cstdint>  // std::uint8_t, std::uint16_t
#include <cstdlib>  // std::abort

#if HEAPLESS_ERROR_HANDLER  // the -fno-exceptions configurations
void heapless::error_handler(heapless::error_kind, const char*) { std::abort(); }
#endif

namespace {
struct point {
  int x, y;
};
}  // namespace

heapless::Vec<int, 16> g_vec;
heapless::Vec<point, 4> g_points;
heapless::String<31> g_string;
heapless::LinearMap<std::uint16_t, int, 8> g_map;
heapless::spsc::Queue<std::uint8_t, 32> g_queue;
heapless::Pool<point, 8> g_pool;

// Deque and HistoryBuffer, plain and constinit, and a function-local static.
heapless::Deque<int, 8> g_deque;
heapless::Deque<std::uint8_t, 300> g_byte_deque;
heapless::HistoryBuffer<std::uint16_t, 16> g_history;
HEAPLESS_CONSTINIT heapless::Deque<point, 5> c_deque;
HEAPLESS_CONSTINIT heapless::HistoryBuffer<float, 64> c_history;
static heapless::HistoryBuffer<int, 4>& local_history() {
  static heapless::HistoryBuffer<int, 4> h;  // constant-initialised: no guard variable
  return h;
}

// Declared HEAPLESS_CONSTINIT: a compile error unless constant-initialised.
HEAPLESS_CONSTINIT heapless::Vec<int, 16> c_vec;
HEAPLESS_CONSTINIT heapless::String<64> c_string64;
HEAPLESS_CONSTINIT heapless::String<300> c_string300;
HEAPLESS_CONSTINIT heapless::LinearMap<std::uint16_t, int, 8> c_map;
HEAPLESS_CONSTINIT heapless::LinearMap<int, int, 40> c_indexed_map;  // with the hash index
HEAPLESS_CONSTINIT heapless::spsc::Queue<std::uint8_t, 32> c_queue;
HEAPLESS_CONSTINIT heapless::Pool<point, 8> c_pool;

static heapless::Vec<int, 8>& local_vec() {
  static heapless::Vec<int, 8> v;  // constant-initialised: no guard variable
  return v;
}

int main() {
  int failures = 0;
  g_vec.push_back(1);
  g_points.push_back(point{2, 3});
  local_vec().push_back(4);
  failures += g_vec.size() == 1 && g_points[0].y == 3 && local_vec()[0] == 4 ? 0 : 1;
  c_vec.push_back(5);
  failures += c_vec.back() == 5 ? 0 : 1;
  g_deque.push_front(6);
  g_byte_deque.push_back(7);
  g_history.push(8);
  c_deque.push_back(point{9, 10});
  c_history.push(11.0f);
  local_history().push(12);
  failures += g_deque.front() == 6 && g_byte_deque.back() == 7 && *g_history.recent() == 8 ? 0 : 1;
  failures += c_deque.front().y == 10 && c_history.size() == 1 && local_history().newest(0) == 12 ? 0 : 1;
  g_string += "abc";
  failures += g_string.size() == 3 ? 0 : 1;
  c_string64 += "de";
  c_string300 += "fgh";
  failures += c_string64.size() == 2 && c_string300.size() == 3 ? 0 : 1;
  g_map[7] = 70;
  failures += g_map.size() == 1 ? 0 : 1;
  c_map[8] = 80;
  c_indexed_map[9] = 90;
  failures += c_map.size() == 1 && c_indexed_map.find(9) != c_indexed_map.end() ? 0 : 1;
  failures += g_queue.try_push(std::uint8_t{9}) ? 0 : 1;
  failures += g_queue.try_pop().value_or(0) == 9 ? 0 : 1;
  failures += c_queue.try_push(std::uint8_t{10}) && c_queue.try_pop().value_or(0) == 10 ? 0 : 1;
  auto p = g_pool.try_make(point{5, 6});
  failures += p && p->x == 5 ? 0 : 1;
  auto q = c_pool.try_make(point{7, 8});
  failures += q && q->y == 8 ? 0 : 1;
  return failures;
}
