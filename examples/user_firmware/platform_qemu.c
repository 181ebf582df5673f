/* platform_qemu.c - board services through newlib (rdimon semihosting): what
 * heapless's QEMU helper (heapless::qemu_cortexm) links. */
#include <stdio.h>
#include <stdlib.h>

#include "platform.h"

void platform_write(const char* text) { fputs(text, stdout); }
void platform_exit(int status) {
  fflush(stdout);
  exit(status);
}
