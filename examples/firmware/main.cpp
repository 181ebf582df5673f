// main.cpp - one firmware size program (heapless). CMake builds it once per
// task set: -DFW_WITH_VEC, _STRING, _FORMAT, _LINEAR_MAP, _SPSC, _POOL or _ALL.
// main_c.c is the hand-written C counterpart. The exit status (1..100) is a
// digest of the checksums: ctest checks it equals the C program's.
#include "tasks.hpp"

namespace {
volatile std::uint32_t g_seed = 0x2545F491u;  // opaque to the optimiser
}

int main() {
  const std::uint32_t seed = g_seed;
  std::uint32_t r = 0;
#if defined(FW_WITH_VEC) || defined(FW_WITH_ALL)
  r = r * 33u + fw_vec_task(seed);
#endif
#if defined(FW_WITH_STRING) || defined(FW_WITH_ALL)
  r = r * 33u + fw_string_task(seed);
#endif
#if defined(FW_WITH_FORMAT) || defined(FW_WITH_ALL)
  r = r * 33u + fw_format_task(seed);
#endif
#if defined(FW_WITH_LINEAR_MAP) || defined(FW_WITH_ALL)
  r = r * 33u + fw_linear_map_task(seed);
#endif
#if defined(FW_WITH_SPSC) || defined(FW_WITH_ALL)
  r = r * 33u + fw_spsc_task(seed);
#endif
#if defined(FW_WITH_POOL) || defined(FW_WITH_ALL)
  r = r * 33u + fw_pool_task(seed);
#endif
  return static_cast<int>(r % 100u) + 1;
}
