/* startup.c - stands in for a vendor SDK's start-up file (e.g. STM32Cube's
 * startup_stm32xxxx.s + system_stm32xxxx.c): vector table, .data/.bss
 * set-up, FPU enable, static constructors, then main(). Linked with
 * vendor/board.ld and -nostartfiles; nothing from heapless's QEMU helper. */
#include <stdint.h>

#include "../platform.h"

extern uint32_t _sidata[], _sdata[], _edata[], _sbss[], _ebss[], _estack[];
extern void (*__init_array_start[])(void);
extern void (*__init_array_end[])(void);
int main(void);

void Reset_Handler(void) {
#if defined(__ARM_FP)
  /* CP10/CP11 full access before any floating-point instruction. */
  *(volatile uint32_t*)0xE000ED88u |= 0xFu << 20;
  __asm__ volatile("dsb\n\tisb" ::: "memory");
#endif
  for (uint32_t *src = _sidata, *dst = _sdata; dst < _edata;) *dst++ = *src++;
  for (uint32_t* dst = _sbss; dst < _ebss;) *dst++ = 0;
  for (void (**f)(void) = __init_array_start; f < __init_array_end; ++f) (*f)();
  platform_exit(main());
}

static void Default_Handler(void) { platform_exit(125); }

/* Initial stack pointer, then the 15 system exception handlers. */
struct vector_table {
  uint32_t* initial_sp;
  void (*handlers[15])(void);
};
__attribute__((section(".isr_vector"), used))
const struct vector_table vendor_vectors = {
  _estack,
  {Reset_Handler, Default_Handler, Default_Handler, Default_Handler, Default_Handler,
   Default_Handler, 0, 0, 0, 0, Default_Handler, Default_Handler, 0, Default_Handler,
   Default_Handler},
};
