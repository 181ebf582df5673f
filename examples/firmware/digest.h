/* digest.h - the one function main.cpp (heapless) and main_c.c (C) share: runs
 * the task set chosen with -DFW_WITH_* (tasks.hpp or tasks.h, included first)
 * and combines the checksums. Valid C and C++. */
#ifndef HEAPLESS_FIRMWARE_DIGEST_H
#define HEAPLESS_FIRMWARE_DIGEST_H

static inline uint32_t fw_digest(uint32_t seed) {
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
#if defined(FW_WITH_INDEX_MAP)
  r = r * 33u + fw_index_map_task(seed);
#endif
#if defined(FW_WITH_MPMC)
  r = r * 33u + fw_mpmc_task(seed);
#endif
#if defined(FW_WITH_ARC)
  r = r * 33u + fw_arc_task(seed);
#endif
#if defined(FW_WITH_OBJECT_POOL)
  r = r * 33u + fw_object_pool_task(seed);
#endif
#if defined(FW_WITH_DEQUE)
  r = r * 33u + fw_deque_task(seed);
#endif
#if defined(FW_WITH_HISTORY_BUFFER)
  r = r * 33u + fw_history_buffer_task(seed);
#endif
#if defined(FW_WITH_BINARY_HEAP)
  r = r * 33u + fw_binary_heap_task(seed);
#endif
#if defined(FW_WITH_SORTED_LINKED_LIST)
  r = r * 33u + fw_sorted_linked_list_task(seed);
#endif
  return r;
}

#endif /* HEAPLESS_FIRMWARE_DIGEST_H */
