/* platform_vendor.c - board services without newlib's I/O: semihosting calls
 * made directly (a debugger or QEMU answers them). A real board writes to its
 * UART here and resets in platform_exit. */
#include <stdint.h>

#include "../platform.h"

static int semihost(int op, const void* arg) {
  register int r0 __asm__("r0") = op;
  register const void* r1 __asm__("r1") = arg;
  __asm__ volatile("bkpt 0xab" : "+r"(r0) : "r"(r1) : "memory");
  return r0;
}

void platform_write(const char* text) { semihost(0x04 /* SYS_WRITE0 */, text); }

void platform_exit(int status) {
  const uint32_t block[2] = {0x20026u /* ADP_Stopped_ApplicationExit */, (uint32_t)status};
  for (;;) semihost(0x20 /* SYS_EXIT_EXTENDED */, block);
}
