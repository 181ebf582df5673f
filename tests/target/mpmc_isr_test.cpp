// mpmc_isr_test.cpp - mpmc::Queue on one core between thread mode and two
// interrupts of different priorities: SysTick (higher) and PendSV (lower,
// pended by SysTick every other tick). SysTick fires every 20-200 timer
// counts (a new random reload each time), so interrupts land at arbitrary
// points inside the queue's operations; ctest runs it with
// HEAPLESS_QEMU_ICOUNT=shift=0 (reproducible virtual time).
//   1. SysTick produces; thread mode and PendSV consume. Consumers are
//      preempted by the producer mid-pop, and thread mode by PendSV.
//   2. Thread mode produces; PendSV and SysTick consume: a producer
//      interrupted mid-push by consumers, which must fail ("empty") rather
//      than wait for it, and a consumer (PendSV) interrupted by another
//      (SysTick).
// Every value must arrive exactly once (a bitmap), each consumer must see
// the values in increasing order, and nothing may be left. The policy is the
// automatic one: critical_section<interrupt_mask> on Cortex-M0, lock_free
// (LDREX/STREX) on M3 and up.
#include "support/test.hpp"
#include "systick.hpp"  // SysTick_Handler, start_ticks, stop_ticks, g_ticks, fence, idle

#include <heapless/mpmc.hpp>

#include <cstdint>  // std::uint32_t

using heapless::test::fence;
using heapless::test::g_ticks;
using heapless::test::idle;

namespace {

volatile std::uint32_t& scb_icsr() { return *reinterpret_cast<volatile std::uint32_t*>(0xE000ED04u); }
volatile std::uint32_t& scb_shpr3() { return *reinterpret_cast<volatile std::uint32_t*>(0xE000ED20u); }

void (*volatile g_pendsv_work)() = nullptr;

/// SysTick runs `tick`, PendSV `pendsv`.
bool start_ticks(void (*tick)(), void (*pendsv)()) {
  // SysTick priority 0x40, PendSV 0xC0 (lower): SysTick preempts PendSV.
  scb_shpr3() = (0x40u << 24) | (0xC0u << 16);
  g_pendsv_work = pendsv;
  return heapless::test::start_ticks(tick);
}

void stop_ticks() {
  heapless::test::stop_ticks();
  g_pendsv_work = nullptr;
}

heapless::mpmc::Queue<std::uint32_t, 8> g_q;

constexpr std::uint32_t kMaxItems = 20000;
std::uint8_t g_seen[kMaxItems / 8];
volatile std::uint32_t g_n = 0;
volatile std::uint32_t g_duplicates = 0;
volatile std::uint32_t g_received = 0;

// What one consumer context saw.
struct consumer_state {
  volatile std::uint32_t last = 0xFFFFFFFFu;  // none yet
  volatile std::uint32_t out_of_order = 0;
  volatile std::uint32_t got = 0;
  volatile std::uint32_t empty = 0;
};
consumer_state g_main, g_pendsv, g_systick;

// Records v for consumer c. Each context runs to completion before the
// context it preempted resumes, so these read-modify-writes of shared
// counters are safe only when masked: take the mask around them.
void record(consumer_state& c, std::uint32_t v) {
  const std::uint32_t primask = heapless::pool_policy::interrupt_mask::lock();
  if (v >= g_n || (g_seen[v / 8] & (1u << (v % 8))) != 0) {
    g_duplicates = g_duplicates + 1;
  } else {
    g_seen[v / 8] = static_cast<std::uint8_t>(g_seen[v / 8] | (1u << (v % 8)));
  }
  g_received = g_received + 1;
  heapless::pool_policy::interrupt_mask::unlock(primask);
  if (c.last != 0xFFFFFFFFu && v <= c.last) c.out_of_order = c.out_of_order + 1;
  c.last = v;
  c.got = c.got + 1;
}

bool consume_one(consumer_state& c) {
  std::uint32_t v;
  if (!g_q.try_pop(v)) {
    c.empty = c.empty + 1;
    return false;
  }
  record(c, v);
  return true;
}

void reset_all(std::uint32_t n) {
  for (auto& b : g_seen) b = 0;
  g_n = n;
  g_duplicates = 0;
  g_received = 0;
  for (consumer_state* c : {&g_main, &g_pendsv, &g_systick}) {
    c->last = 0xFFFFFFFFu;
    c->out_of_order = 0;
    c->got = 0;
    c->empty = 0;
  }
}

bool all_seen(std::uint32_t n) {
  for (std::uint32_t v = 0; v < n; ++v)
    if ((g_seen[v / 8] & (1u << (v % 8))) == 0) return false;
  return true;
}

// ---- Phase 1: SysTick produces --------------------------------------------------
volatile std::uint32_t g_next = 0;
volatile std::uint32_t g_full = 0;

void tick_produce() {
  for (int i = 0; i < 3 && g_next < g_n; ++i) {
    if (!g_q.try_push(std::uint32_t{g_next})) {
      g_full = g_full + 1;
      break;
    }
    g_next = g_next + 1;
  }
  if ((g_ticks & 1u) == 0) scb_icsr() = 1u << 28;  // PENDSVSET
}

void pendsv_consume_two() {
  (void)consume_one(g_pendsv);
  (void)consume_one(g_pendsv);
}

// ---- Phase 2: thread mode produces --------------------------------------------------
void tick_consume() {
  (void)consume_one(g_systick);
  if ((g_ticks & 1u) == 0) scb_icsr() = 1u << 28;
}

void pendsv_consume_all() {
  while (consume_one(g_pendsv)) {
  }
}

}  // namespace

extern "C" void PendSV_Handler(void) {
  if (g_pendsv_work != nullptr) g_pendsv_work();
}

TEST_CASE("mpmc isr: SysTick produces, thread mode and PendSV consume", "[isr][mpmc]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  const auto n = static_cast<std::uint32_t>(heapless::test::scaled(200000) < kMaxItems ? heapless::test::scaled(200000)
                                                                                       : kMaxItems);
  reset_all(n);
  g_next = 0;
  g_full = 0;
  REQUIRE(start_ticks(tick_produce, pendsv_consume_two));
  for (std::uint32_t polls = 0; g_received < n && polls < 200000000u; ++polls) {
    if (consume_one(g_main) && (g_main.got & 31u) == 0) idle(5000);  // a slow spell: the queue fills
    fence();
  }
  stop_ticks();
  CHECK(g_received == n);
  CHECK(g_duplicates == 0);
  CHECK(all_seen(n));
  CHECK(g_main.out_of_order == 0);
  CHECK(g_pendsv.out_of_order == 0);
  CHECK(g_main.got > 0);
  CHECK(g_pendsv.got > 0);
  CHECK(g_full > 0);
  CHECK(g_q.empty());
}

TEST_CASE("mpmc isr: thread mode produces, PendSV and SysTick consume", "[isr][mpmc]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  const auto n = static_cast<std::uint32_t>(heapless::test::scaled(200000) < kMaxItems ? heapless::test::scaled(200000)
                                                                                       : kMaxItems);
  reset_all(n);
  REQUIRE(start_ticks(tick_consume, pendsv_consume_all));
  std::uint32_t pushed = 0, full = 0;
  for (std::uint32_t spins = 0; pushed < n && spins < 400000000u; ++spins) {
    if (g_q.try_push(pushed)) ++pushed;
    else ++full;
  }
  for (std::uint32_t spins = 0; g_received < n && spins < 50000000u; ++spins) fence();
  stop_ticks();
  CHECK(pushed == n);
  CHECK(g_received == n);
  CHECK(g_duplicates == 0);
  CHECK(all_seen(n));
  CHECK(g_pendsv.out_of_order == 0);
  CHECK(g_systick.out_of_order == 0);
  CHECK(g_pendsv.got > 0);
  CHECK(g_systick.got > 0);
  CHECK(full > 0);
  CHECK(g_q.empty());
}
