/* atomic_shim.c - the libatomic entry points arm-none-eabi lacks, for
 * single-core Cortex-M: GCC lowers std::atomic operations it cannot inline to
 * calls to __atomic_<op>_<N>, and Debian's arm-none-eabi toolchain ships no
 * libatomic, so such a program fails to link.
 *   ARMv6-M (Cortex-M0/M0+): no LDREX/STREX at all, so every read-modify-write
 *     (fetch_add, exchange, compare_exchange) on 1-, 2- and 4-byte atomics is a
 *     call. Plain loads and stores are inline (ldr/str + dmb), which is all
 *     heapless::spsc::Queue uses.
 *   Every Cortex-M: 8-byte atomics (no LDREXD/STREXD on M-profile).
 * Atomicity comes from masking interrupts (PRIMASK), which is correct on one
 * core, for thread mode against interrupt handlers. It is emulator support, not
 * part of the library: firmware that needs these supplies its own (an RTOS
 * critical section, or this same technique).
 * Must be compiled as C: as C++ the definitions clash with the builtins. */
#ifdef __cplusplus
#error "atomic_shim.c must be compiled as C (arm-none-eabi-gcc)"
#endif
#include <stdbool.h>
#include <stdint.h>

static inline uint32_t irq_save(void) {
  uint32_t primask;
  __asm__ volatile("mrs %0, primask\n\tcpsid i" : "=r"(primask)::"memory");
  return primask;
}
static inline void irq_restore(uint32_t primask) {
  __asm__ volatile("msr primask, %0" ::"r"(primask) : "memory");
}

#define SHIM_RMW(N, T, NAME, NEW, RET)                       \
  T __atomic_##NAME##_##N(volatile void *p, T v, int mo) {   \
    (void)mo;                                                \
    volatile T *ptr = (volatile T *)p;                       \
    const uint32_t s = irq_save();                           \
    const T old = *ptr;                                      \
    const T nv = (T)(NEW);                                   \
    *ptr = nv;                                               \
    irq_restore(s);                                          \
    (void)old;                                               \
    (void)nv;                                                \
    return RET;                                              \
  }

#define SHIM_ALL_RMW(N, T)                                                             \
  SHIM_RMW(N, T, exchange, v, old)                                                     \
  SHIM_RMW(N, T, fetch_add, old + v, old)                                              \
  SHIM_RMW(N, T, fetch_sub, old - v, old)                                              \
  SHIM_RMW(N, T, fetch_and, old & v, old)                                              \
  SHIM_RMW(N, T, fetch_or, old | v, old)                                               \
  SHIM_RMW(N, T, fetch_xor, old ^ v, old)                                              \
  SHIM_RMW(N, T, fetch_nand, ~(old & v), old)                                          \
  SHIM_RMW(N, T, add_fetch, old + v, nv)                                               \
  SHIM_RMW(N, T, sub_fetch, old - v, nv)                                               \
  SHIM_RMW(N, T, and_fetch, old & v, nv)                                               \
  SHIM_RMW(N, T, or_fetch, old | v, nv)                                                \
  SHIM_RMW(N, T, xor_fetch, old ^ v, nv)                                               \
  SHIM_RMW(N, T, nand_fetch, ~(old & v), nv)                                           \
  bool __atomic_compare_exchange_##N(volatile void *p, void *expected, T desired,      \
                                     bool weak, int smo, int fmo) {                    \
    (void)weak;                                                                        \
    (void)smo;                                                                         \
    (void)fmo;                                                                         \
    volatile T *ptr = (volatile T *)p;                                                 \
    const uint32_t s = irq_save();                                                     \
    const T cur = *ptr;                                                                \
    const bool ok = cur == *(T *)expected;                                             \
    if (ok) *ptr = desired;                                                            \
    else *(T *)expected = cur;                                                         \
    irq_restore(s);                                                                    \
    return ok;                                                                         \
  }

#if defined(__ARM_ARCH_6M__)
SHIM_ALL_RMW(1, unsigned char)
SHIM_ALL_RMW(2, unsigned short)
SHIM_ALL_RMW(4, unsigned int)  /* not uint32_t: that is unsigned long here */
#endif

/* 8 bytes: loads and stores are calls too (a 64-bit access is two bus accesses). */
SHIM_ALL_RMW(8, unsigned long long)
unsigned long long __atomic_load_8(const volatile void *p, int mo) {
  (void)mo;
  const uint32_t s = irq_save();
  const unsigned long long v = *(const volatile unsigned long long *)p;
  irq_restore(s);
  return v;
}
void __atomic_store_8(volatile void *p, unsigned long long v, int mo) {
  (void)mo;
  const uint32_t s = irq_save();
  *(volatile unsigned long long *)p = v;
  irq_restore(s);
}
