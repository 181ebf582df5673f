// handler_tu.cpp - built with HEAPLESS_ERROR_HANDLER=1,
// HEAPLESS_LINEAR_MAP_NO_INDEX and HEAPLESS_CACHE_LINE=128 (run_config_mix.cmake);
// exceptions_tu.cpp uses the same containers with the default settings. Each
// file must get its own configured behaviour in either link order.
#include <heapless/linear_map.hpp>
#include <heapless/spsc.hpp>
#include <heapless/vec.hpp>

#if !HEAPLESS_ERROR_HANDLER || !defined(HEAPLESS_LINEAR_MAP_NO_INDEX) || HEAPLESS_CACHE_LINE != 128
#error "handler_tu.cpp is built with the handler, NO_INDEX and a 128-byte cache line"
#endif

int g_handler_calls = 0;

struct handler_escape {};

// The handler of this program (declared by the library in every
// configuration); it leaves the failed call by throwing its own type.
void heapless::error_handler(heapless::error_kind kind, const char*) {
  ++g_handler_calls;
  if (kind == heapless::error_kind::bad_alloc) throw handler_escape{};
}

// 0 when a Vec overflow here reaches the handler (and nothing else).
int handler_tu_overflow() {
  heapless::Vec<int, 2> v{1, 2};
  const int before = g_handler_calls;
  try {
    v.push_back(3);
  } catch (const handler_escape&) {
    return g_handler_calls == before + 1 ? 0 : 10;
  } catch (...) {
    return 11;  // the other file's error path: an exception, no handler call
  }
  return 12;
}

// 0 when this file's LinearMap and spsc::Queue behave as configured here.
int handler_tu_containers() {
  heapless::LinearMap<int, int, 64> m;  // index-free here (NO_INDEX)
  for (int i = 0; i < 64; ++i) m.insert_or_assign(i * 7, i);
  for (int i = 0; i < 64; ++i) {
    const auto it = m.find(i * 7);
    if (it == m.end() || it->second != i) return 20;
  }
  if (m.erase(21) != 1 || m.find(21) != m.end() || m.size() != 63) return 21;
  heapless::spsc::Queue<int, 4> q;
  for (int i = 0; i < 4; ++i) {
    if (!q.try_push(i)) return 22;
  }
  if (q.try_push(9) || q.try_pop().value_or(-1) != 0) return 23;
  return 0;
}
