/* main_c.c - one firmware size program in hand-written C (tasks.h): the
 * counterpart of main.cpp, built with the same -DFW_WITH_* task set. Returns
 * the same digest (1..100) as the heapless program. */
#include "tasks.h"
/* (tasks first: digest.h calls them) */
#include "digest.h"

static volatile uint32_t g_seed = 0x2545F491u; /* opaque to the optimiser */

int main(void) { return (int)(fw_digest(g_seed) % 100u) + 1; }
