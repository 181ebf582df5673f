/* tasks.h - the firmware tasks of tasks.hpp written by hand in C: arrays, a
 * length, memmove, explicit bounds checks. The limit heapless is measured
 * against (docs/firmware.md). Same inputs, same checksums. */
#ifndef HEAPLESS_FIRMWARE_TASKS_H
#define HEAPLESS_FIRMWARE_TASKS_H

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "tasks_common.h"

#if defined(FW_WITH_VEC) || defined(FW_WITH_ALL)
static uint32_t fw_vec_task(uint32_t seed) {
  uint16_t samples[32];
  uint8_t len = 0;
  uint32_t x = seed;
  for (int i = 0; i < 40; ++i) {
    x = fw_next(x);
    if (len == 32) break;
    samples[len++] = (uint16_t)(x >> 20);
  }
  for (uint8_t i = 0; i < len;) {
    if (samples[i] > 3000) {
      memmove(&samples[i], &samples[i + 1], (size_t)(len - i - 1) * sizeof samples[0]);
      --len;
    } else {
      ++i;
    }
  }
  uint32_t sum = 0;
  for (uint8_t i = 0; i < len; ++i) sum += samples[i];
  return sum * 64u + len;
}
#endif

#if defined(FW_WITH_STRING) || defined(FW_WITH_ALL)
struct fw_str {
  char text[32];
  uint8_t len;
};
static bool fw_str_append(struct fw_str *s, const char *t) {
  const size_t n = strlen(t);
  if (n > sizeof s->text - 1 - s->len) return false;
  memcpy(s->text + s->len, t, n + 1);
  s->len = (uint8_t)(s->len + n);
  return true;
}
static uint32_t fw_string_task(uint32_t seed) {
  struct fw_str line = {{0}, 0};
  uint32_t x = seed;
  for (int i = 0; i < 12; ++i) {
    x = fw_next(x);
    if (!fw_str_append(&line, fw_names[x >> 29])) break;
    if (!fw_str_append(&line, ";")) break;
  }
  return fw_hash(line.text, line.len);
}
#endif

#if (defined(FW_WITH_FORMAT) || defined(FW_WITH_ALL)) && defined(FW_FORMAT_SNPRINTF)
#include <stdio.h>
/* What C firmware usually writes instead: newlib-nano's snprintf. */
static uint32_t fw_format_task(uint32_t seed) {
  const uint32_t x = fw_next(seed);
  const int temp = (int)(x % 1000u) - 500;
  char line[48];
  const int n = snprintf(line, sizeof line, "t=%d id=%lu st=%#lx", temp, (unsigned long)(x >> 16),
                         (unsigned long)(x & 0xFFFu));
  if (n < 0 || n >= (int)sizeof line) return 0;
  return fw_hash(line, (size_t)n);
}
#elif defined(FW_WITH_FORMAT) || defined(FW_WITH_ALL)
/* Hand-rolled formatting: the smallest code that writes these three fields. */
static char *fw_put_str(char *p, char *end, const char *s) {
  while (*s) {
    if (p == end) return 0;
    *p++ = *s++;
  }
  return p;
}
static char *fw_put_u(char *p, char *end, uint32_t v, unsigned base) {
  char tmp[10];
  int n = 0;
  do {
    tmp[n++] = "0123456789abcdef"[v % base];
    v /= base;
  } while (v);
  if (end - p < n) return 0;
  while (n) *p++ = tmp[--n];
  return p;
}
static uint32_t fw_format_task(uint32_t seed) {
  const uint32_t x = fw_next(seed);
  const int temp = (int)(x % 1000u) - 500;
  char line[48];
  char *p = line, *end = line + sizeof line - 1;
  p = fw_put_str(p, end, "t=");
  if (p && temp < 0) p = fw_put_str(p, end, "-");
  if (p) p = fw_put_u(p, end, temp < 0 ? 0u - (uint32_t)temp : (uint32_t)temp, 10);
  if (p) p = fw_put_str(p, end, " id=");
  if (p) p = fw_put_u(p, end, x >> 16, 10);
  if (p) p = fw_put_str(p, end, " st=0x");
  if (p) p = fw_put_u(p, end, x & 0xFFFu, 16);
  if (!p) return 0;
  *p = 0;
  return fw_hash(line, (size_t)(p - line));
}
#endif

#if defined(FW_WITH_LINEAR_MAP) || defined(FW_WITH_ALL)
static uint32_t fw_linear_map_task(uint32_t seed) {
  uint8_t keys[16];
  uint16_t values[16];
  uint8_t len = 0;
  uint32_t x = seed;
  for (int i = 0; i < 64; ++i) {
    x = fw_next(x);
    const uint8_t id = (uint8_t)(x >> 28);
    uint8_t k = 0;
    while (k < len && keys[k] != id) ++k;
    if (k < len) {
      ++values[k];
    } else {
      if (len == 16) return 0;
      keys[len] = id;
      values[len] = 1;
      ++len;
    }
  }
  for (uint8_t id = 0; id < 16; ++id) {
    uint8_t k = 0;
    while (k < len && keys[k] != id) ++k;
    if (k < len && values[k] < 4) { /* erase: the last entry fills the hole */
      --len;
      keys[k] = keys[len];
      values[k] = values[len];
    }
  }
  uint32_t sum = 0;
  for (uint8_t k = 0; k < len; ++k) sum = sum * 31u + keys[k] * 7u + values[k];
  return sum + len;
}
#endif

#if defined(FW_WITH_SPSC) || defined(FW_WITH_ALL)
/* The classic ISR ring buffer: free-running 8-bit indices, 16 slots. */
static struct {
  uint8_t buf[16];
  volatile uint8_t head, tail;
} fw_rx;
static bool fw_rx_push(uint8_t b) {
  const uint8_t t = fw_rx.tail;
  if ((uint8_t)(t - fw_rx.head) == 16) return false;
  fw_rx.buf[t & 15u] = b;
  __atomic_thread_fence(__ATOMIC_RELEASE);
  fw_rx.tail = (uint8_t)(t + 1);
  return true;
}
static bool fw_rx_pop(uint8_t *out) {
  const uint8_t h = fw_rx.head;
  if (h == fw_rx.tail) return false;
  __atomic_thread_fence(__ATOMIC_ACQUIRE);
  *out = fw_rx.buf[h & 15u];
  __atomic_thread_fence(__ATOMIC_RELEASE);
  fw_rx.head = (uint8_t)(h + 1);
  return true;
}
static uint32_t fw_spsc_task(uint32_t seed) {
  uint32_t x = seed, sum = 0;
  for (int round = 0; round < 8; ++round) {
    x = fw_next(x);
    const int burst = (int)(x >> 28) + 4;
    for (int i = 0; i < burst; ++i) (void)fw_rx_push((uint8_t)(x >> i));
    uint8_t b;
    while (fw_rx_pop(&b)) sum = sum * 3u + b;
  }
  return sum;
}
#endif

#if defined(FW_WITH_POOL) || defined(FW_WITH_ALL)
/* A free list of 8 blocks, safe from ISRs by masking interrupts (PRIMASK). */
struct fw_message {
  uint32_t id;
  uint8_t payload[12];
};
static union fw_block {
  struct fw_message m;
  union fw_block *next;
} fw_blocks[8];
static union fw_block *fw_free;
#if defined(FW_POOL_LOCK_FREE)
/* The lock-free variant (Cortex-M3 and up), what heapless's default policy is
 * there: the list head and the bump index change with load-exclusive /
 * store-exclusive pairs (CMSIS's __LDREXW/__STREXW), so interrupts are never
 * masked. A pop needs no ABA tag: the store-exclusive fails if anything
 * stored to the head since the load-exclusive, and an exception entry or
 * return clears the monitor. */
static uint32_t fw_ldrex(volatile void *p) {
  uint32_t v;
  __asm__ volatile("ldrex %0, [%1]" : "=r"(v) : "r"(p) : "memory");
  return v;
}
static uint32_t fw_strex(uint32_t v, volatile void *p) {
  uint32_t failed;
  __asm__ volatile("strex %0, %1, [%2]" : "=&r"(failed) : "r"(v), "r"(p) : "memory");
  return failed;
}
static uint32_t fw_fresh; /* blocks never handed out yet (a word: LDREX/STREX) */
static void fw_clrex(void) { __asm__ volatile("clrex" ::: "memory"); }
static struct fw_message *fw_alloc(void) {
  union fw_block *b;
  do {
    b = (union fw_block *)fw_ldrex(&fw_free);
    if (!b) break;
  } while (fw_strex((uint32_t)b->next, &fw_free));
  if (!b) {
    uint32_t f;
    do {
      f = fw_ldrex(&fw_fresh);
      if (f == 8) break;
    } while (fw_strex(f + 1, &fw_fresh));
    fw_clrex();
    if (f == 8) return 0;
    b = &fw_blocks[f];
  }
  __atomic_thread_fence(__ATOMIC_ACQUIRE);
  return &b->m;
}
static void fw_release(struct fw_message *m) {
  if (!m) return;
  union fw_block *b = (union fw_block *)m;
  __atomic_thread_fence(__ATOMIC_RELEASE);
  union fw_block *top = fw_free;
  for (;;) { /* a compare-and-swap: no store between the exclusive pair */
    b->next = top;
    union fw_block *seen = (union fw_block *)fw_ldrex(&fw_free);
    if (seen == top && !fw_strex((uint32_t)b, &fw_free)) return;
    top = seen;
  }
}
#else
static uint8_t fw_fresh; /* blocks never handed out yet: no start-up code */
static uint32_t fw_irq_save(void) {
  uint32_t primask;
  __asm__ volatile("mrs %0, primask\n\tcpsid i" : "=r"(primask)::"memory");
  return primask;
}
static void fw_irq_restore(uint32_t primask) { __asm__ volatile("msr primask, %0" ::"r"(primask) : "memory"); }
static struct fw_message *fw_alloc(void) {
  const uint32_t s = fw_irq_save();
  union fw_block *b = fw_free;
  if (b) fw_free = b->next;
  else if (fw_fresh < 8) b = &fw_blocks[fw_fresh++];
  fw_irq_restore(s);
  return b ? &b->m : 0;
}
static void fw_release(struct fw_message *m) {
  if (!m) return;
  union fw_block *b = (union fw_block *)m;
  const uint32_t s = fw_irq_save();
  b->next = fw_free;
  fw_free = b;
  fw_irq_restore(s);
}
#endif
static uint32_t fw_pool_task(uint32_t seed) {
  struct fw_message *window[4] = {0, 0, 0, 0};
  uint32_t x = seed, sum = 0;
  for (int i = 0; i < 32; ++i) {
    x = fw_next(x);
    struct fw_message **slot = &window[i & 3];
    if (*slot) {
      sum = sum * 5u + (*slot)->id + (*slot)->payload[(*slot)->id % 12u];
      fw_release(*slot);
    }
    *slot = fw_alloc();
    if (!*slot) return 0;
    (*slot)->id = x >> 24;
    for (uint32_t k = 0; k < 12; ++k) (*slot)->payload[k] = (uint8_t)(x >> k);
  }
  for (int i = 0; i < 4; ++i) fw_release(window[i]);
  return sum;
}
#endif

#if defined(FW_WITH_INDEX_MAP)
/* The device registry of tasks.hpp in C: entries in insertion order in two
 * arrays, an open-addressing index of 128 one-byte slots (entry + 1, 0 =
 * empty), Fibonacci hashing, linear probing, backward-shift deletion. */
#define FW_DEV_CAP 48u
#define FW_DEV_SLOTS 128u
struct fw_device {
  uint16_t hits;
  uint8_t kind;
};
struct fw_registry {
  uint32_t ids[FW_DEV_CAP];
  struct fw_device devs[FW_DEV_CAP];
  uint8_t slots[FW_DEV_SLOTS];
  uint8_t n;
};
static unsigned fw_dev_home(uint32_t id) { return (uint32_t)((id ^ (id >> 16)) * 0x9E3779B1u) >> 25; }
static int fw_dev_find(const struct fw_registry *r, uint32_t id) {
  for (unsigned h = fw_dev_home(id);; h = (h + 1u) & (FW_DEV_SLOTS - 1u)) {
    const unsigned s = r->slots[h];
    if (s == 0) return -1;
    if (r->ids[s - 1u] == id) return (int)(s - 1u);
  }
}
static unsigned fw_dev_slot(const struct fw_registry *r, uint32_t id, unsigned e) {
  unsigned h = fw_dev_home(id);
  while (r->slots[h] != e + 1u) h = (h + 1u) & (FW_DEV_SLOTS - 1u);
  return h;
}
/* 0: full; 1: added (or present). */
static int fw_dev_add(struct fw_registry *r, uint32_t id, uint8_t kind) {
  if (fw_dev_find(r, id) >= 0) return 1;
  if (r->n == FW_DEV_CAP) return 0;
  const unsigned e = r->n++;
  r->ids[e] = id;
  r->devs[e].hits = 0;
  r->devs[e].kind = kind;
  unsigned h = fw_dev_home(id);
  while (r->slots[h] != 0) h = (h + 1u) & (FW_DEV_SLOTS - 1u);
  r->slots[h] = (uint8_t)(e + 1u);
  return 1;
}
static void fw_dev_remove(struct fw_registry *r, unsigned e) {
  unsigned hole = fw_dev_slot(r, r->ids[e], e);
  for (unsigned j = (hole + 1u) & (FW_DEV_SLOTS - 1u); r->slots[j] != 0; j = (j + 1u) & (FW_DEV_SLOTS - 1u)) {
    const unsigned home = fw_dev_home(r->ids[r->slots[j] - 1u]);
    if (((j - home) & (FW_DEV_SLOTS - 1u)) >= ((j - hole) & (FW_DEV_SLOTS - 1u))) {
      r->slots[hole] = r->slots[j];
      hole = j;
    }
  }
  r->slots[hole] = 0;
  const unsigned last = --r->n;
  if (e != last) {
    r->ids[e] = r->ids[last];
    r->devs[e] = r->devs[last];
    r->slots[fw_dev_slot(r, r->ids[e], last)] = (uint8_t)(e + 1u);
  }
}
static uint32_t fw_index_map_task(uint32_t seed) {
  struct fw_registry r;
  r.n = 0;
  for (unsigned i = 0; i < FW_DEV_SLOTS; ++i) r.slots[i] = 0;
  uint32_t x = seed;
  for (int i = 0; i < 40; ++i) {
    x = fw_next(x);
    if (!fw_dev_add(&r, x | 1u, (uint8_t)(x >> 29))) return 0;
  }
  for (int i = 0; i < 256; ++i) {
    x = fw_next(x);
    const uint32_t id = r.ids[(x >> 16) % r.n];
    const int e = fw_dev_find(&r, id ^ ((x & 0x7u) == 0 ? 2u : 0u));
    if (e >= 0) ++r.devs[e].hits;
  }
  uint32_t unknown = 0;
  for (int i = 0; i < 16; ++i) {
    x = fw_next(x);
    unknown += fw_dev_find(&r, x & ~1u) >= 0 ? 1u : 0u;
  }
  for (unsigned k = 0; k < r.n;) {
    if (r.devs[k].hits < 6) fw_dev_remove(&r, k);
    else ++k;
  }
  uint32_t sum = unknown;
  for (unsigned k = 0; k < r.n; ++k) sum = sum * 31u + r.ids[k] + r.devs[k].hits * 7u + r.devs[k].kind;
  return sum + r.n;
}
#endif
#if defined(FW_WITH_MPMC) || defined(FW_WITH_ARC)
/* Critical sections by masking interrupts (PRIMASK). */
static uint32_t fw_mask(void) {
  uint32_t primask;
  __asm__ volatile("mrs %0, primask\n\tcpsid i" : "=r"(primask)::"memory");
  return primask;
}
static void fw_unmask(uint32_t primask) { __asm__ volatile("msr primask, %0" ::"r"(primask) : "memory"); }
#endif

#if defined(FW_WITH_MPMC)
/* A ring of 16 bytes that any context may push to and pop from: every
 * operation with interrupts masked. */
static struct {
  uint8_t buf[16];
  uint8_t head, count;
} fw_events;
static bool fw_events_push(uint8_t b) {
  const uint32_t s = fw_mask();
  const bool ok = fw_events.count < 16;
  if (ok) {
    fw_events.buf[(fw_events.head + fw_events.count) & 15u] = b;
    ++fw_events.count;
  }
  fw_unmask(s);
  return ok;
}
static bool fw_events_pop(uint8_t *out) {
  const uint32_t s = fw_mask();
  const bool ok = fw_events.count > 0;
  if (ok) {
    *out = fw_events.buf[fw_events.head];
    fw_events.head = (uint8_t)((fw_events.head + 1u) & 15u);
    --fw_events.count;
  }
  fw_unmask(s);
  return ok;
}
static uint32_t fw_mpmc_task(uint32_t seed) {
  uint32_t x = seed, sum = 0;
  for (int round = 0; round < 8; ++round) {
    x = fw_next(x);
    const int burst = (int)(x >> 28) + 4;
    for (int i = 0; i < burst; ++i) (void)fw_events_push((uint8_t)(x >> i));
    uint8_t b;
    while (fw_events_pop(&b)) sum = sum * 3u + b;
  }
  return sum;
}
#endif

#if defined(FW_WITH_ARC)
/* Reference-counted packets in a static array of 8; counts and the free list
 * change with interrupts masked. */
struct fw_packet {
  uint32_t id;
  uint8_t payload[12];
};
static struct fw_arc {
  struct fw_arc *next; /* free list */
  uint32_t count;
  struct fw_packet p;
} fw_arcs[8];
static struct fw_arc *fw_arc_free;
static uint8_t fw_arc_fresh; /* never handed out yet: no start-up code */
static struct fw_arc *fw_arc_make(void) {
  const uint32_t s = fw_mask();
  struct fw_arc *a = fw_arc_free;
  if (a) fw_arc_free = a->next;
  else if (fw_arc_fresh < 8) a = &fw_arcs[fw_arc_fresh++];
  fw_unmask(s);
  if (a) {
    a->count = 1;
    memset(&a->p, 0, sizeof a->p);
  }
  return a;
}
static struct fw_arc *fw_arc_retain(struct fw_arc *a) {
  const uint32_t s = fw_mask();
  ++a->count;
  fw_unmask(s);
  return a;
}
static void fw_arc_release(struct fw_arc *a) {
  if (!a) return;
  const uint32_t s = fw_mask();
  if (--a->count == 0) {
    a->next = fw_arc_free;
    fw_arc_free = a;
  }
  fw_unmask(s);
}
static uint32_t fw_arc_available(void) {
  const uint32_t s = fw_mask();
  uint32_t n = 8u - fw_arc_fresh;
  for (const struct fw_arc *a = fw_arc_free; a; a = a->next) ++n;
  fw_unmask(s);
  return n;
}
static uint32_t fw_arc_task(uint32_t seed) {
  struct fw_arc *parser[3] = {0, 0, 0}, *logger[5] = {0, 0, 0, 0, 0};
  uint32_t x = seed, sum = 0;
  for (int round = 0; round < 16; ++round) {
    x = fw_next(x);
    struct fw_arc *p = fw_arc_make();
    if (!p) return 0;
    p->p.id = x;
    for (int i = 0; i < 12; ++i) p->p.payload[i] = (uint8_t)(x >> i);
    fw_arc_release(logger[round % 5]);
    logger[round % 5] = fw_arc_retain(p);
    fw_arc_release(parser[round % 3]);
    parser[round % 3] = p;
    sum = sum * 31u + fw_arc_available();
    const struct fw_arc *q = parser[(round + 1) % 3];
    if (q) sum += q->p.payload[x & 11u] + q->count;
  }
  for (int i = 0; i < 3; ++i) fw_arc_release(parser[i]);
  for (int i = 0; i < 5; ++i) fw_arc_release(logger[i]);
  return sum;
}
#endif

#if defined(FW_WITH_OBJECT_POOL)
/* Four frame buffers lent out again and again, never cleared in between: a
 * free list of indices in a static array, changed with interrupts masked
 * (PRIMASK). */
struct fw_frame {
  uint8_t len;
  uint8_t data[31];
};
static struct fw_frame fw_frames[4];
static uint8_t fw_frame_next[4]; /* free list links: index + 1, 0 = end */
static uint8_t fw_frame_top;     /* the last frame returned, index + 1; 0: none */
static uint8_t fw_frame_fresh;   /* frames never lent out yet (all zeros: no start-up code) */
static uint32_t fw_frame_mask(void) {
  uint32_t primask;
  __asm__ volatile("mrs %0, primask\n\tcpsid i" : "=r"(primask)::"memory");
  return primask;
}
static void fw_frame_unmask(uint32_t primask) { __asm__ volatile("msr primask, %0" ::"r"(primask) : "memory"); }
static struct fw_frame *fw_frame_acquire(void) {
  const uint32_t s = fw_frame_mask();
  struct fw_frame *f = 0;
  if (fw_frame_top != 0) {
    f = &fw_frames[fw_frame_top - 1];
    fw_frame_top = fw_frame_next[fw_frame_top - 1];
  } else if (fw_frame_fresh < 4) {
    f = &fw_frames[fw_frame_fresh++];
  }
  fw_frame_unmask(s);
  return f;
}
static void fw_frame_release(struct fw_frame *f) {
  if (!f) return;
  const uint8_t i = (uint8_t)(f - fw_frames);
  const uint32_t s = fw_frame_mask();
  fw_frame_next[i] = fw_frame_top;
  fw_frame_top = (uint8_t)(i + 1u);
  fw_frame_unmask(s);
}
static uint32_t fw_frame_available(void) {
  const uint32_t s = fw_frame_mask();
  uint32_t n = 4u - fw_frame_fresh;
  for (uint8_t t = fw_frame_top; t != 0; t = fw_frame_next[t - 1]) ++n;
  fw_frame_unmask(s);
  return n;
}
static uint32_t fw_object_pool_task(uint32_t seed) {
  struct fw_frame *held[3] = {0, 0, 0};
  uint32_t x = seed, sum = 0;
  for (int round = 0; round < 16; ++round) {
    x = fw_next(x);
    struct fw_frame **h = &held[(x >> 8) % 3u];
    fw_frame_release(*h);
    *h = fw_frame_acquire();
    if (!*h) return 0;
    struct fw_frame *f = *h;
    sum = sum * 31u + f->len + f->data[x & 15u];
    const unsigned n = (x >> 27) + 1u;
    for (unsigned i = 0; i < n && f->len < 31u; ++i) f->data[f->len++] = (uint8_t)(x >> i);
    if (f->len == 31u) f->len = 0;
    sum += fw_frame_available();
  }
  for (int i = 0; i < 3; ++i) fw_frame_release(held[i]);
  return sum;
}
#endif

#if defined(FW_WITH_DEQUE)
struct fw_command {
  uint8_t op;
  uint8_t arg;
  uint16_t value;
};
struct fw_cmdq {
  struct fw_command buf[8];
  uint8_t head, len;
};
static uint32_t fw_deque_task(uint32_t seed) {
  struct fw_cmdq q;
  q.head = 0;
  q.len = 0;
  uint32_t x = seed, sum = 0;
  for (int round = 0; round < 16; ++round) {
    x = fw_next(x);
    const int n = (int)(x >> 29) + 1;
    for (int i = 0; i < n; ++i) {
      struct fw_command c;
      c.op = (uint8_t)((x >> i) & 7u);
      c.arg = (uint8_t)i;
      c.value = (uint16_t)(x >> 16);
      if (q.len == 8) break;
      if (c.op == 0) {
        q.head = (uint8_t)((q.head - 1u) & 7u);
        q.buf[q.head] = c;
      } else {
        q.buf[(q.head + q.len) & 7u] = c;
      }
      ++q.len;
    }
    for (int k = 0; k < 3 && q.len != 0; ++k) {
      const struct fw_command c = q.buf[q.head];
      q.head = (uint8_t)((q.head + 1u) & 7u);
      --q.len;
      sum = sum * 7u + c.op * 31u + c.arg + c.value;
    }
    if ((x & 0x100u) != 0 && q.len != 0) --q.len;
  }
  while (q.len != 0) {
    sum = sum * 3u + q.buf[q.head].value;
    q.head = (uint8_t)((q.head + 1u) & 7u);
    --q.len;
  }
  return sum;
}
#endif

#if defined(FW_WITH_HISTORY_BUFFER)
struct fw_window {
  uint16_t buf[16];
  uint8_t next, len;
};
/* The window is the filter's state: it outlives each call (a static, in .bss). */
static uint32_t fw_history_buffer_task(uint32_t seed) {
  static struct fw_window h;
  uint32_t x = seed, out = 0;
  for (int i = 0; i < 40; ++i) {
    x = fw_next(x);
    h.buf[h.next] = (uint16_t)(x >> 20);
    h.next = (uint8_t)((h.next + 1u) & 15u);
    if (h.len < 16) ++h.len;
    uint32_t sum = 0;
    for (uint8_t k = 0; k < h.len; ++k) sum += h.buf[k];
    out = out * 5u + sum / h.len;
  }
  return out + h.buf[(h.next - 1u) & 15u];
}
#endif

#if defined(FW_WITH_BINARY_HEAP)
/* The timer heap: an array in heap order, the earliest at [0]. */
typedef struct {
  uint32_t due;
  uint32_t period;
} fw_timer_t;
static inline bool fw_timer_before(const fw_timer_t *a, const fw_timer_t *b) {
  return a->due != b->due ? a->due < b->due : a->period < b->period;
}
static void fw_timer_sift_down(fw_timer_t *t, uint32_t n, fw_timer_t v) {
  uint32_t i = 0;
  for (;;) {
    uint32_t c = 2 * i + 1;
    if (c >= n) break;
    if (c + 1 < n && fw_timer_before(&t[c + 1], &t[c])) ++c;
    if (!fw_timer_before(&t[c], &v)) break;
    t[i] = t[c];
    i = c;
  }
  t[i] = v;
}
static uint32_t fw_binary_heap_task(uint32_t seed) {
  fw_timer_t t[16];
  uint32_t n = 0;
  uint32_t x = seed;
  for (int i = 0; i < 20; ++i) {
    x = fw_next(x);
    if (n == 16) break;
    fw_timer_t v = {x >> 22, 16u + ((x >> 8) & 63u)};
    uint32_t j = n++;
    while (j > 0) {
      uint32_t p = (j - 1) / 2;
      if (!fw_timer_before(&v, &t[p])) break;
      t[j] = t[p];
      j = p;
    }
    t[j] = v;
  }
  uint32_t sum = 0;
  for (int tick = 0; tick < 64 && n != 0; ++tick) {
    const fw_timer_t top = t[0];
    sum = sum * 31u + top.due;
    if (top.period & 1u) {
      --n;
      if (n != 0) fw_timer_sift_down(t, n, t[n]);
    } else {
      fw_timer_t v = {top.due + top.period, top.period};
      fw_timer_sift_down(t, n, v);
    }
  }
  return sum + n;
}
#endif

#if defined(FW_WITH_SORTED_LINKED_LIST)
/* The deadline list as a C module would write it: a struct with the nodes in
 * an array linked by byte indices, a free list through the same links, 16 =
 * none, and small functions over a pointer to it. */
typedef struct {
  uint32_t due;
  uint8_t id;
} fw_deadline_t;
#define FW_DL_NONE 16u
typedef struct {
  fw_deadline_t v[16];
  uint8_t next[16];
  uint8_t head, free_slot, used, size;
} fw_dlist_t;
static inline void fw_dl_init(fw_dlist_t *l) {
  l->head = l->free_slot = FW_DL_NONE;
  l->used = l->size = 0;
}
static inline bool fw_dl_push(fw_dlist_t *l, fw_deadline_t d) {
  if (l->size == 16) return false;
  uint8_t s;
  if (l->free_slot != FW_DL_NONE) {
    s = l->free_slot;
    l->free_slot = l->next[s];
  } else {
    s = l->used++;
  }
  l->v[s] = d;
  uint8_t prev = FW_DL_NONE, j = l->head;
  while (j != FW_DL_NONE && !(d.due < l->v[j].due)) {
    prev = j;
    j = l->next[j];
  }
  l->next[s] = j;
  if (prev == FW_DL_NONE) l->head = s;
  else l->next[prev] = s;
  ++l->size;
  return true;
}
/* Unlinks node j (after prev, or the head) and frees its slot. */
static inline void fw_dl_remove(fw_dlist_t *l, uint8_t prev, uint8_t j) {
  if (prev == FW_DL_NONE) l->head = l->next[j];
  else l->next[prev] = l->next[j];
  l->next[j] = l->free_slot;
  l->free_slot = j;
  --l->size;
}
static uint32_t fw_sorted_linked_list_task(uint32_t seed) {
  fw_dlist_t list;
  fw_dl_init(&list);
  uint32_t x = seed;
  uint32_t sum = 0;
  for (int i = 0; i < 48; ++i) {
    x = fw_next(x);
    const uint8_t id = (uint8_t)(x >> 28);
    switch ((x >> 8) & 3u) {
      case 0:
      case 1: {
        fw_deadline_t d = {x >> 22, id};
        if (!fw_dl_push(&list, d)) sum += 1;
        break;
      }
      case 2: {
        uint8_t prev = FW_DL_NONE, j = list.head;
        while (j != FW_DL_NONE && list.v[j].id != id) {
          prev = j;
          j = list.next[j];
        }
        if (j != FW_DL_NONE) fw_dl_remove(&list, prev, j);
        break;
      }
      default:
        if (list.head != FW_DL_NONE) {
          sum = sum * 31u + list.v[list.head].due + list.v[list.head].id;
          fw_dl_remove(&list, FW_DL_NONE, list.head);
        }
        break;
    }
  }
  for (uint8_t j = list.head; j != FW_DL_NONE; j = list.next[j]) sum = sum * 7u + list.v[j].id;
  return sum;
}
#endif

#endif /* HEAPLESS_FIRMWARE_TASKS_H */
