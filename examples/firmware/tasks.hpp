// tasks.hpp - the work each firmware size program does, written with heapless
// (tasks.h is the same work in hand-written C, the limit each is compared to).
// Every task takes a seed the compiler cannot see (a volatile in main) and
// returns a checksum; the C and C++ versions return the same value, checked
// by ctest in QEMU. try_* forms where the C code checks for "full" the same
// way, so both carry the same checks.
#ifndef HEAPLESS_FIRMWARE_TASKS_HPP
#define HEAPLESS_FIRMWARE_TASKS_HPP

#include <cstdint>  // std::uint8_t, std::uint16_t, std::uint32_t

#include "tasks_common.h"

#if defined(FW_WITH_MPMC) || defined(FW_WITH_ARC) || defined(FW_WITH_OBJECT_POOL)
#include <heapless/pool.hpp>
// The policy of the mpmc, Arc and ObjectPool programs: the default (lock-free
// where the core has exclusives, M3 and up; the interrupt mask on M0), or,
// with -DFW_MASKED, the interrupt mask everywhere: what the C programs do.
#if defined(FW_MASKED)
using fw_policy = heapless::pool_policy::critical_section<heapless::pool_policy::interrupt_mask>;
#else
using fw_policy = heapless::pool_policy::automatic;
#endif
#endif

#if defined(FW_WITH_VEC) || defined(FW_WITH_ALL)
#include <heapless/vec.hpp>
// Collect up to 32 samples (the rest are dropped), remove the outliers, sum.
static inline std::uint32_t fw_vec_task(std::uint32_t seed) {
  heapless::Vec<std::uint16_t, 32> samples;
  std::uint32_t x = seed;
  for (int i = 0; i < 40; ++i) {
    x = fw_next(x);
    if (!samples.try_push_back(static_cast<std::uint16_t>(x >> 20))) break;
  }
  for (auto it = samples.begin(); it != samples.end();) {
    if (*it > 3000) it = samples.erase(it);
    else ++it;
  }
  std::uint32_t sum = 0;
  for (std::uint16_t s : samples) sum += s;
  return sum * 64u + static_cast<std::uint32_t>(samples.size());
}
#endif

#if defined(FW_WITH_STRING) || defined(FW_WITH_ALL)
#include <heapless/string.hpp>
// Build "name;name;..." from a table while it fits in 31 characters; hash it.
static inline std::uint32_t fw_string_task(std::uint32_t seed) {
  heapless::String<31> line;
  std::uint32_t x = seed;
  for (int i = 0; i < 12; ++i) {
    x = fw_next(x);
    const char* name = fw_names[x >> 29];
    if (!line.try_append(name)) break;
    if (!line.try_push_back(';')) break;
  }
  return fw_hash(line.c_str(), line.size());
}
#endif

#if defined(FW_WITH_FORMAT) || defined(FW_WITH_ALL)
#include <heapless/format.hpp>
#include <heapless/string.hpp>
// One telemetry line: a signed decimal, an unsigned decimal and a hex field.
static inline std::uint32_t fw_format_task(std::uint32_t seed) {
  const std::uint32_t x = fw_next(seed);
  const int temp = static_cast<int>(x % 1000u) - 500;
  heapless::String<47> line;
  if (!heapless::try_format_to(line, HEAPLESS_FMT("t={} id={} st={:#x}"), temp, x >> 16, x & 0xFFFu)) return 0;
  return fw_hash(line.c_str(), line.size());
}
#endif

#if defined(FW_WITH_LINEAR_MAP) || defined(FW_WITH_ALL)
#include <heapless/linear_map.hpp>
// Count events per id (16 possible ids, table of 16), then remove the rare ones.
// One search per event, as in the C code: try_insert finds the id or appends
// it with a count of 0 (an empty result: the table was full).
static inline std::uint32_t fw_linear_map_task(std::uint32_t seed) {
  heapless::LinearMap<std::uint8_t, std::uint16_t, 16> counts;
  std::uint32_t x = seed;
  for (int i = 0; i < 64; ++i) {
    x = fw_next(x);
    const auto r = counts.try_insert(static_cast<std::uint8_t>(x >> 28), std::uint16_t{0});
    if (!r) return 0;
    ++r->first->second;
  }
  for (std::uint8_t id = 0; id < 16; ++id) {
    auto it = counts.find(id);
    if (it != counts.end() && it->second < 4) counts.erase(it);
  }
  std::uint32_t sum = 0;
  for (auto kv : counts) sum = sum * 31u + kv.first * 7u + kv.second;
  return sum + static_cast<std::uint32_t>(counts.size());
}
#endif

#if defined(FW_WITH_SPSC) || defined(FW_WITH_ALL)
#include <heapless/spsc.hpp>
// A byte queue between a producer (an ISR in real firmware) and the main loop.
inline heapless::spsc::Queue<std::uint8_t, 16> fw_rx;
static inline std::uint32_t fw_spsc_task(std::uint32_t seed) {
  std::uint32_t x = seed, sum = 0;
  for (int round = 0; round < 8; ++round) {
    x = fw_next(x);
    const int burst = static_cast<int>(x >> 28) + 4;  // 4..19 bytes: sometimes more than fit
    for (int i = 0; i < burst; ++i) (void)fw_rx.try_push(static_cast<std::uint8_t>(x >> i));
    std::uint8_t b;
    while (fw_rx.try_pop(b)) sum = sum * 3u + b;
  }
  return sum;
}
#endif

#if defined(FW_WITH_POOL) || defined(FW_WITH_ALL)
#include <heapless/pool.hpp>

#include <new>  // placement new
// Message buffers from a pool of 8 (safe from ISRs), in flight in a small window.
struct fw_message {
  std::uint32_t id;
  std::uint8_t payload[12];
};
inline heapless::Pool<fw_message, 8> fw_messages;
static inline std::uint32_t fw_pool_task(std::uint32_t seed) {
  fw_message* window[4] = {};
  std::uint32_t x = seed, sum = 0;
  for (int i = 0; i < 32; ++i) {
    x = fw_next(x);
    fw_message*& slot = window[i & 3];
    if (slot != nullptr) {
      sum = sum * 5u + slot->id + slot->payload[slot->id % 12u];
      fw_messages.destroy(slot);
    }
    // A raw slot and default-initialisation, as the C code's block: every
    // field is written next (try_create() would value-initialise, i.e. zero
    // the message first: work the C code does not do).
    void* raw = fw_messages.try_allocate();
    if (raw == nullptr) return 0;
    slot = ::new (raw) fw_message;
    slot->id = x >> 24;
    for (std::uint32_t k = 0; k < 12; ++k) slot->payload[k] = static_cast<std::uint8_t>(x >> k);
  }
  for (fw_message* m : window) fw_messages.destroy(m);
  return sum;
}
#endif

#if defined(FW_WITH_INDEX_MAP)
#include <heapless/index_map.hpp>
// A device registry keyed by 32-bit ids (48 devices at most): register 40
// devices, count 256 events addressed by position and looked up by id, probe
// 16 unknown ids, retire the quiet devices (swap erase), then checksum the
// registry in its order.
struct fw_device {
  std::uint16_t hits;
  std::uint8_t kind;
};
static inline std::uint32_t fw_index_map_task(std::uint32_t seed) {
  heapless::IndexMap<std::uint32_t, fw_device, 48> devices;
  std::uint32_t x = seed;
  for (int i = 0; i < 40; ++i) {
    x = fw_next(x);
    if (!devices.try_insert(x | 1u, fw_device{0, static_cast<std::uint8_t>(x >> 29)})) return 0;
  }
  for (int i = 0; i < 256; ++i) {
    x = fw_next(x);
    const std::uint32_t id = devices.keys()[(x >> 16) % devices.size()];
    const auto it = devices.find(id ^ ((x & 0x7u) == 0 ? 2u : 0u));  // one in eight misses
    if (it != devices.end()) ++it->second.hits;
  }
  std::uint32_t unknown = 0;
  for (int i = 0; i < 16; ++i) {
    x = fw_next(x);
    unknown += devices.contains(x & ~1u) ? 1u : 0u;
  }
  for (std::size_t k = 0; k < devices.size();) {
    if (devices.values()[k].hits < 6) devices.erase(devices.nth(k));
    else ++k;
  }
  std::uint32_t sum = unknown;
  for (const auto& [id, dev] : devices) sum = sum * 31u + id + dev.hits * 7u + dev.kind;
  return sum + static_cast<std::uint32_t>(devices.size());
}
#endif
#if defined(FW_WITH_MPMC)
#include <heapless/mpmc.hpp>
// A byte queue that several ISRs could feed and several contexts drain
// (interrupt mask on Cortex-M0, LDREX/STREX on M3 and up).
inline heapless::mpmc::Queue<std::uint8_t, 16, fw_policy> fw_events;
static inline std::uint32_t fw_mpmc_task(std::uint32_t seed) {
  std::uint32_t x = seed, sum = 0;
  for (int round = 0; round < 8; ++round) {
    x = fw_next(x);
    const int burst = static_cast<int>(x >> 28) + 4;  // 4..19 bytes: sometimes more than fit
    for (int i = 0; i < burst; ++i) (void)fw_events.try_push(static_cast<std::uint8_t>(x >> i));
    std::uint8_t b;
    while (fw_events.try_pop(b)) sum = sum * 3u + b;
  }
  return sum;
}
#endif

#if defined(FW_WITH_ARC)
#include <heapless/arc.hpp>
// Received packets shared by a parser (last 3) and a logger (last 5); the
// last of the two to let go frees the packet.
struct fw_packet {
  std::uint32_t id;
  std::uint8_t payload[12];
};
inline heapless::ArcPool<fw_packet, 8, fw_policy> fw_packets;
static inline std::uint32_t fw_arc_task(std::uint32_t seed) {
  heapless::Arc<fw_packet, fw_policy> parser[3], logger[5];
  std::uint32_t x = seed, sum = 0;
  for (int round = 0; round < 16; ++round) {
    x = fw_next(x);
    heapless::Arc<fw_packet, fw_policy> p = fw_packets.try_make_shared();
    if (!p) return 0;
    p->id = x;
    for (int i = 0; i < 12; ++i) p->payload[i] = static_cast<std::uint8_t>(x >> i);
    logger[round % 5] = p;             // a second owner
    parser[round % 3] = std::move(p);  // handed over
    sum = sum * 31u + static_cast<std::uint32_t>(fw_packets.available());
    const heapless::Arc<fw_packet, fw_policy>& q = parser[(round + 1) % 3];
    if (q) sum += q->payload[x & 11u] + static_cast<std::uint32_t>(q.use_count());
  }
  return sum;  // the handles' destructors return every packet
}
#endif

#if defined(FW_WITH_OBJECT_POOL)
#include <heapless/object_pool.hpp>
// Four frame buffers lent out again and again and never cleared in between:
// each round returns the frame one of three holders had, takes a frame (whose
// contents are what its last user left) and appends a burst of samples to it.
struct fw_frame {
  std::uint8_t len;
  std::uint8_t data[31];
};
inline heapless::ObjectPool<fw_frame, 4, fw_policy> fw_frames;
static inline std::uint32_t fw_object_pool_task(std::uint32_t seed) {
  heapless::Object<fw_frame> held[3];
  std::uint32_t x = seed, sum = 0;
  for (int round = 0; round < 16; ++round) {
    x = fw_next(x);
    heapless::Object<fw_frame>& h = held[(x >> 8) % 3u];
    h.reset();  // back to the pool as it is
    h = fw_frames.try_acquire();
    if (!h) return 0;
    sum = sum * 31u + h->len + h->data[x & 15u];  // what the last user left
    const unsigned n = (x >> 27) + 1u;             // 1..32 samples, at most 31 fit
    for (unsigned i = 0; i < n && h->len < 31u; ++i) h->data[h->len++] = static_cast<std::uint8_t>(x >> i);
    if (h->len == 31u) h->len = 0;  // full: start over
    sum += static_cast<std::uint32_t>(fw_frames.available());
  }
  return sum;  // the holders' destructors return every frame
}
#endif

#if defined(FW_WITH_DEQUE)
#include <heapless/deque.hpp>
// A command queue: commands arrive in bursts (urgent ones jump to the front),
// the main loop runs up to three per round, a cancel drops the newest.
struct fw_command {
  std::uint8_t op;
  std::uint8_t arg;
  std::uint16_t value;
};
static inline std::uint32_t fw_deque_task(std::uint32_t seed) {
  heapless::Deque<fw_command, 8> q;
  std::uint32_t x = seed, sum = 0;
  for (int round = 0; round < 16; ++round) {
    x = fw_next(x);
    const int n = static_cast<int>(x >> 29) + 1;  // 1..8 commands arrive
    for (int i = 0; i < n; ++i) {
      const fw_command c{static_cast<std::uint8_t>((x >> i) & 7u), static_cast<std::uint8_t>(i),
                         static_cast<std::uint16_t>(x >> 16)};
      if (c.op == 0) {
        if (!q.try_push_front(c)) break;
      } else if (!q.try_push_back(c)) {
        break;
      }
    }
    for (int k = 0; k < 3 && !q.empty(); ++k) {
      const fw_command c = q.front();
      q.pop_front();
      sum = sum * 7u + c.op * 31u + c.arg + c.value;
    }
    if ((x & 0x100u) != 0 && !q.empty()) q.pop_back();
  }
  while (!q.empty()) {
    sum = sum * 3u + q.front().value;
    q.pop_front();
  }
  return sum;
}
#endif

#if defined(FW_WITH_HISTORY_BUFFER)
#include <heapless/history_buffer.hpp>
// A moving average over the last 16 samples of a sensor. The window is the
// filter's state: it outlives each call, as in firmware (a static, in .bss).
static inline std::uint32_t fw_history_buffer_task(std::uint32_t seed) {
  static heapless::HistoryBuffer<std::uint16_t, 16> window;
  std::uint32_t x = seed, out = 0;
  for (int i = 0; i < 40; ++i) {
    x = fw_next(x);
    window.push(static_cast<std::uint16_t>(x >> 20));
    std::uint32_t sum = 0;
    for (std::uint16_t s : window.storage()) sum += s;
    out = out * 5u + sum / static_cast<std::uint32_t>(window.size());
  }
  return out + window.newest(0);  // the last sample (40 were written)
}
#endif

#if defined(FW_WITH_BINARY_HEAP)
#include <heapless/binary_heap.hpp>
// A timer heap: up to 16 timers (the rest are dropped); 64 ticks each fire
// the earliest, which is rescheduled (even period) or removed (odd period).
struct fw_timer {
  std::uint32_t due;
  std::uint32_t period;
};
// Lower priority: due later (ties: the longer period), so the earliest is on top.
struct fw_timer_later {
  bool operator()(const fw_timer& a, const fw_timer& b) const noexcept {
    return a.due != b.due ? a.due > b.due : a.period > b.period;
  }
};
static inline std::uint32_t fw_binary_heap_task(std::uint32_t seed) {
  heapless::BinaryHeap<fw_timer, 16, fw_timer_later> timers;
  std::uint32_t x = seed;
  for (int i = 0; i < 20; ++i) {
    x = fw_next(x);
    if (!timers.try_push(fw_timer{x >> 22, 16u + ((x >> 8) & 63u)})) break;
  }
  std::uint32_t sum = 0;
  for (int tick = 0; tick < 64 && !timers.empty(); ++tick) {
    const fw_timer t = timers.top();
    sum = sum * 31u + t.due;
    if (t.period & 1u) timers.pop();
    else timers.replace_top(fw_timer{t.due + t.period, t.period});
  }
  return sum + static_cast<std::uint32_t>(timers.size());
}
#endif

#if defined(FW_WITH_SORTED_LINKED_LIST)
#include <heapless/sorted_linked_list.hpp>
// A deadline list of up to 16 entries: 48 events add a deadline (dropped when
// full), cancel the first entry with an id, or expire the earliest.
struct fw_deadline {
  std::uint32_t due;
  std::uint8_t id;
};
struct fw_deadline_earlier {
  bool operator()(const fw_deadline& a, const fw_deadline& b) const noexcept { return a.due < b.due; }
};
static inline std::uint32_t fw_sorted_linked_list_task(std::uint32_t seed) {
  heapless::SortedLinkedList<fw_deadline, 16, fw_deadline_earlier> list;
  std::uint32_t x = seed;
  std::uint32_t sum = 0;
  for (int i = 0; i < 48; ++i) {
    x = fw_next(x);
    const std::uint8_t id = static_cast<std::uint8_t>(x >> 28);
    switch ((x >> 8) & 3u) {
      case 0:
      case 1:
        if (!list.try_push(fw_deadline{x >> 22, id})) sum += 1;
        break;
      case 2: {
        const auto prev = list.find_before_if([id](const fw_deadline& d) { return d.id == id; });
        if (prev != list.end()) list.erase_after(prev);
        break;
      }
      default:
        if (!list.empty()) {
          sum = sum * 31u + list.front().due + list.front().id;
          list.pop();
        }
        break;
    }
  }
  for (const fw_deadline& d : list) sum = sum * 7u + d.id;
  return sum;
}
#endif

#endif  // HEAPLESS_FIRMWARE_TASKS_HPP
