/* startup.c - Cortex-M (v6-M, v7-M, v7E-M) start-up for programs run in QEMU
 * (heapless's target tests, firmware examples, users' programs): in qemu-system-arm with newlib + rdimon
 * semihosting. Linked with -nostartfiles and support/cortexm/cortexm.ld.
 *
 * Provides: the vector table (16 system exceptions + 32 external interrupts),
 * .data copy and .bss zeroing, FPU enable on hard-float builds, C++ static
 * constructors (__libc_init_array), argc/argv from the semihosting command line
 * (SYS_GET_CMDLINE), exit(main()) with the status reported to QEMU through
 * SYS_EXIT_EXTENDED, a fault report (exception number, stacked PC, fault status
 * registers) that exits with status 125 instead of hanging, and a stack
 * high-water mark (heapless_target_stack_used()).
 *
 * Every handler is weak: a test defines `extern "C" void SysTick_Handler(void)`
 * (or PendSV_Handler, IRQ0_Handler ...) to take an interrupt. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#ifdef __cplusplus
#error "startup.c is C: compile it with arm-none-eabi-gcc"
#endif

extern uint32_t __data_load__[], __data_start__[], __data_end__[];
extern uint32_t __bss_start__[], __bss_end__[], __stack_top__[], __stack_limit__[];
extern void __libc_init_array(void);
extern void initialise_monitor_handles(void);
extern int main(int, char **);

/* crti.o/crtn.o are not linked with -nostartfiles; __libc_init_array calls _init. */
void _init(void) {}
void _fini(void) {}
/* Normally from crtbegin.o; __cxa_atexit needs it for static destructors. */
void *__dso_handle = &__dso_handle;

/* ---- Semihosting (ARM IHI 0085): bkpt 0xab with op in r0, argument in r1 ---- */
static int semihost(int op, void *arg) {
  register int r0 __asm__("r0") = op;
  register void *r1 __asm__("r1") = arg;
  __asm__ volatile("bkpt 0xab" : "+r"(r0) : "r"(r1) : "memory");
  return r0;
}
enum { SYS_WRITE0 = 0x04, SYS_GET_CMDLINE = 0x15, SYS_EXIT_EXTENDED = 0x20 };

static void put(const char *s) { semihost(SYS_WRITE0, (void *)s); }
static void put_hex(uint32_t v) {
  char buf[11] = "0x";
  for (int i = 0; i < 8; ++i) buf[2 + i] = "0123456789abcdef"[(v >> (28 - 4 * i)) & 0xFu];
  buf[10] = 0;
  put(buf);
}
static void put_dec(uint32_t v) {
  char buf[11];
  int i = 10;
  buf[i] = 0;
  do { buf[--i] = (char)('0' + v % 10u); v /= 10u; } while (v && i > 0);
  put(buf + i);
}

/* Reports the status with SYS_EXIT_EXTENDED, which QEMU maps to its own exit
 * status. (librdimon's _exit falls back to plain SYS_EXIT, where QEMU reports 0
 * for any status, when its feature probe fails; this one never does.) */
void _exit(int status) {
  int block[2] = { 0x20026 /* ADP_Stopped_ApplicationExit */, status };
  for (;;) semihost(SYS_EXIT_EXTENDED, block);
}

/* ---- Stack high-water mark ---------------------------------------------- */
#define STACK_PAINT 0xC5AC5AC5u

static uint32_t *current_sp(void) {
  uint32_t *sp;
  __asm__ volatile("mov %0, sp" : "=r"(sp));
  return sp;
}

/* Bytes of the guaranteed stack (__min_stack) touched so far. */
uint32_t heapless_target_stack_used(void) {
  const uint32_t *p = __stack_limit__;
  while (p < __stack_top__ && *p == STACK_PAINT) ++p;
  return (uint32_t)((const char *)__stack_top__ - (const char *)p);
}
uint32_t heapless_target_stack_size(void) {
  return (uint32_t)((const char *)__stack_top__ - (const char *)__stack_limit__);
}

/* ---- Command line -------------------------------------------------------- */
static char cmdline[512];
static char *argv_buf[32];

/* QEMU joins the -semihosting-config arg=... values with spaces; double quotes
 * group words (qemu-cortexm.sh quotes arguments that contain spaces). */
static int get_args(void) {
  struct { char *buf; int len; } blk = { cmdline, (int)sizeof cmdline - 1 };
  int argc = 0;
  if (semihost(SYS_GET_CMDLINE, &blk) != 0) {
    put("startup.c: semihosting command line too long\n");
    _exit(126);
  }
  cmdline[blk.len] = 0;
  char *p = cmdline;
  while (*p && argc < (int)(sizeof argv_buf / sizeof argv_buf[0]) - 1) {
    while (*p == ' ') ++p;
    if (!*p) break;
    char *out = p;
    argv_buf[argc++] = out;
    int quoted = 0;
    while (*p && (quoted || *p != ' ')) {
      if (*p == '"') { quoted = !quoted; ++p; continue; }
      *out++ = *p++;
    }
    if (*p) ++p;
    *out = 0;
  }
  argv_buf[argc] = 0;
  return argc;
}

void Reset_Handler(void) {
#if defined(__ARM_FP)
  /* CPACR: full access to CP10/CP11 before any floating-point instruction. */
  *(volatile uint32_t *)0xE000ED88u |= (0xFu << 20);
  __asm__ volatile("dsb\n\tisb" ::: "memory");
#endif
  memcpy(__data_start__, __data_load__, (size_t)((char *)__data_end__ - (char *)__data_start__));
  memset(__bss_start__, 0, (size_t)((char *)__bss_end__ - (char *)__bss_start__));
  /* Paint the guaranteed stack below this frame (the high-water mark's reference). */
  for (uint32_t *p = __stack_limit__, *sp = current_sp() - 16; p < sp; ++p) *p = STACK_PAINT;
  initialise_monitor_handles();
  __libc_init_array();
  const int argc = get_args();
  exit(main(argc, argv_buf));
}

/* ---- Exceptions ----------------------------------------------------------- */
/* Any exception nobody handles: print what and where, exit 125. The stacked
 * frame is r0-r3, r12, lr, pc, xpsr on the stack that was active (EXC_RETURN bit 2). */
__attribute__((used)) static void fault_report(const uint32_t *frame, uint32_t exc_return) {
  uint32_t ipsr;
  __asm__ volatile("mrs %0, ipsr" : "=r"(ipsr));
  put("\n*** Cortex-M exception ");
  put_dec(ipsr & 0x1FFu);
  put(ipsr == 3 ? " (HardFault)" : "");
  put(": stacked pc ");
  put_hex(frame[6]);
  put(", lr ");
  put_hex(frame[5]);
  put(", EXC_RETURN ");
  put_hex(exc_return);
#if defined(__ARM_ARCH_7M__) || defined(__ARM_ARCH_7EM__)
  put(", CFSR ");
  put_hex(*(volatile uint32_t *)0xE000ED28u);
  put(", HFSR ");
  put_hex(*(volatile uint32_t *)0xE000ED2Cu);
#endif
  put(" -> exit(125)\n");
  _exit(125);
}

__attribute__((naked)) void Default_Handler(void) {
  __asm__ volatile(
      "mov r1, lr\n\t"
      "movs r0, #4\n\t"
      "tst r0, r1\n\t"
      "bne 1f\n\t"
      "mrs r0, msp\n\t"
      "b 2f\n"
      "1:\n\t"
      "mrs r0, psp\n"
      "2:\n\t"
      "ldr r2, =fault_report\n\t"
      "bx r2\n\t"
      ".ltorg");
}

#define WEAK_HANDLER(name) void name(void) __attribute__((weak, alias("Default_Handler")))
WEAK_HANDLER(NMI_Handler);
WEAK_HANDLER(HardFault_Handler);
WEAK_HANDLER(MemManage_Handler);
WEAK_HANDLER(BusFault_Handler);
WEAK_HANDLER(UsageFault_Handler);
WEAK_HANDLER(SVC_Handler);
WEAK_HANDLER(DebugMon_Handler);
WEAK_HANDLER(PendSV_Handler);
WEAK_HANDLER(SysTick_Handler);
WEAK_HANDLER(IRQ0_Handler);
WEAK_HANDLER(IRQ1_Handler);
WEAK_HANDLER(IRQ2_Handler);
WEAK_HANDLER(IRQ3_Handler);

typedef void (*handler_t)(void);
__attribute__((section(".isr_vector"), used))
const handler_t heapless_vector_table[16 + 32] = {
  (handler_t)__stack_top__, Reset_Handler,
  NMI_Handler, HardFault_Handler, MemManage_Handler, BusFault_Handler, UsageFault_Handler,
  0, 0, 0, 0,
  SVC_Handler, DebugMon_Handler, 0, PendSV_Handler, SysTick_Handler,
  /* External interrupts 0-31 (NVIC): 0-3 may be taken over by tests, the rest report. */
  IRQ0_Handler, IRQ1_Handler, IRQ2_Handler, IRQ3_Handler,
  Default_Handler, Default_Handler, Default_Handler, Default_Handler,
  Default_Handler, Default_Handler, Default_Handler, Default_Handler,
  Default_Handler, Default_Handler, Default_Handler, Default_Handler,
  Default_Handler, Default_Handler, Default_Handler, Default_Handler,
  Default_Handler, Default_Handler, Default_Handler, Default_Handler,
  Default_Handler, Default_Handler, Default_Handler, Default_Handler,
  Default_Handler, Default_Handler, Default_Handler, Default_Handler,
};
