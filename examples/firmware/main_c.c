/* main_c.c - one firmware size program in hand-written C (tasks.h): the
 * counterpart of main.cpp, built with the same -DFW_WITH_* task set. Returns
 * the same digest (1..100) as the heapless program. */
#include "tasks.h"

static volatile uint32_t g_seed = 0x2545F491u; /* opaque to the optimiser */

int main(void) {
  const uint32_t seed = g_seed;
  uint32_t r = 0;
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
  return (int)(r % 100u) + 1;
}
