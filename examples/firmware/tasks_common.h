/* tasks_common.h - shared by the C++ (tasks.hpp) and C (tasks.h) firmware
 * tasks: the input generator, a hash, a name table. Not library code. */
#ifndef HEAPLESS_FIRMWARE_TASKS_COMMON_H
#define HEAPLESS_FIRMWARE_TASKS_COMMON_H
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
#define FW_CAST(T, e) static_cast<T>(e)
#else
#define FW_CAST(T, e) ((T)(e))
#endif

/* Linear congruential step (Numerical Recipes constants). */
static inline uint32_t fw_next(uint32_t x) { return x * 1664525u + 1013904223u; }

/* FNV-1a over n bytes. */
static inline uint32_t fw_hash(const char *s, size_t n) {
  uint32_t h = 2166136261u;
  for (size_t i = 0; i < n; ++i) h = (h ^ FW_CAST(uint8_t, s[i])) * 16777619u;
  return h;
}

static const char *const fw_names[8] = {"temp", "rh", "co2", "lux", "pm25", "volt", "amp", "fan"};

#endif /* HEAPLESS_FIRMWARE_TASKS_COMMON_H */
