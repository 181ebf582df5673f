// exceptions_tu.cpp - the default settings (exceptions, the hash index, the
// default cache line); see handler_tu.cpp.
#include <heapless/linear_map.hpp>
#include <heapless/spsc.hpp>
#include <heapless/vec.hpp>

#include <new>  // std::bad_alloc

#if HEAPLESS_ERROR_HANDLER || defined(HEAPLESS_LINEAR_MAP_NO_INDEX)
#error "exceptions_tu.cpp is built with the default settings"
#endif

extern int g_handler_calls;

// 0 when a Vec overflow here throws std::bad_alloc without calling the handler.
int exceptions_tu_overflow() {
  heapless::Vec<int, 2> v{1, 2};
  const int before = g_handler_calls;
  try {
    v.push_back(3);
  } catch (const std::bad_alloc&) {
    return g_handler_calls == before ? 0 : 30;  // the handler ran first
  } catch (...) {
    return 31;  // the other file's error path: the handler threw its own type
  }
  return 32;
}

int exceptions_tu_containers() {
  heapless::LinearMap<int, int, 64> m;  // with the hash index here
  for (int i = 0; i < 64; ++i) m.insert_or_assign(i * 7, i);
  for (int i = 0; i < 64; ++i) {
    const auto it = m.find(i * 7);
    if (it == m.end() || it->second != i) return 40;
  }
  if (m.erase(21) != 1 || m.find(21) != m.end() || m.size() != 63) return 41;
  heapless::spsc::Queue<int, 4> q;
  for (int i = 0; i < 4; ++i) {
    if (!q.try_push(i)) return 42;
  }
  if (q.try_push(9) || q.try_pop().value_or(-1) != 0) return 43;
  return 0;
}
