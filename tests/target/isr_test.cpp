// isr_test.cpp - concurrency on one core: thread mode against a real interrupt.
// SysTick fires every 20-200 timer counts (a random reload per interrupt: the
// phase keeps moving) while thread mode runs the other side, so the interrupt
// lands at arbitrary points inside the library's operations (QEMU delivers
// interrupts between translated blocks: a few instructions). ctest runs it with
// HEAPLESS_QEMU_ICOUNT=shift=0: virtual time follows the instruction count, so
// interrupts come every ~1-8 thousand instructions, reproducibly.
//   spsc::Queue  ISR produces / thread consumes, and the reverse; every value
//                arrives exactly once and in order.
//   Pool         ISR and thread both allocate and release; a slot is never
//                owned by both (each owner re-checks its stamp before release:
//                a slot handed out twice gets the other owner's stamp), nothing
//                is lost, and exhaustion is reported, not corrupted.
// Cortex-M only (tests/target/CMakeLists.txt); works with Catch2 and the mini
// harness. The ISR never uses the harness: it records errors in counters that
// thread mode checks.
#include "support/test.hpp"
#include "systick.hpp"  // SysTick_Handler, start_ticks, stop_ticks, idle

#include <heapless/pool.hpp>
#include <heapless/spsc.hpp>

#include <cstdint>  // std::uint32_t

using heapless::test::fence;
using heapless::test::idle;
using heapless::test::start_ticks;
using heapless::test::stop_ticks;

namespace {

// ---- spsc: ISR produces, thread consumes ----------------------------------------
heapless::spsc::Queue<std::uint32_t, 8> g_q;
volatile std::uint32_t g_next_to_push = 0;
volatile std::uint32_t g_push_limit = 0;
volatile std::uint32_t g_full_seen = 0;

void isr_produce() {
  // A burst of up to 3 values per interrupt; stop at the first "full".
  for (int i = 0; i < 3 && g_next_to_push < g_push_limit; ++i) {
    if (!g_q.try_push(std::uint32_t{g_next_to_push})) {
      g_full_seen = g_full_seen + 1;
      return;
    }
    g_next_to_push = g_next_to_push + 1;
  }
}

// ---- spsc: thread produces, ISR consumes ----------------------------------------
volatile std::uint32_t g_next_expected = 0;
volatile std::uint32_t g_isr_errors = 0;
volatile std::uint32_t g_empty_seen = 0;

void isr_consume() {
  std::uint32_t v;
  int got = 0;
  while (g_q.try_pop(v)) {
    if (v != g_next_expected) g_isr_errors = g_isr_errors + 1;
    g_next_expected = v + 1;
    ++got;
  }
  if (got == 0) g_empty_seen = g_empty_seen + 1;
}

// ---- Pool: both sides allocate and release ----------------------------------------
struct stamped {
  volatile std::uint32_t owner;
  volatile std::uint32_t serial;
};
constexpr std::uint32_t kIsr = 0x15Au;
constexpr std::uint32_t kThread = 0x7Au;
heapless::Pool<stamped, 5> g_pool;  // thread holds up to 4, the ISR 2: exhaustion happens
stamped* volatile g_isr_held[2] = {nullptr, nullptr};
volatile std::uint32_t g_isr_serial = 0;
volatile std::uint32_t g_isr_allocs = 0;
volatile std::uint32_t g_isr_exhausted = 0;

void isr_pool() {
  const std::uint32_t k = g_isr_serial & 1u;
  stamped* held = g_isr_held[k];
  if (held != nullptr) {
    if (held->owner != kIsr || held->serial != g_isr_serial - 2) g_isr_errors = g_isr_errors + 1;
    held->owner = 0;
    g_pool.destroy(held);
    g_isr_held[k] = nullptr;
  }
  stamped* p = g_pool.try_create();
  if (p == nullptr) {
    g_isr_exhausted = g_isr_exhausted + 1;
  } else {
    p->owner = kIsr;
    p->serial = g_isr_serial;
    g_isr_held[k] = p;
    g_isr_allocs = g_isr_allocs + 1;
  }
  g_isr_serial = g_isr_serial + 1;
}

}  // namespace

TEST_CASE("isr: spsc queue, interrupt produces, thread mode consumes", "[isr][spsc]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  const auto n = static_cast<std::uint32_t>(heapless::test::scaled(200000));
  g_next_to_push = 0;
  g_push_limit = n;
  g_full_seen = 0;
  REQUIRE(start_ticks(isr_produce));
  std::uint32_t expected = 0, wrong = 0, polls = 0, empty_polls = 0;
  while (expected < n && polls < 200000000u) {
    ++polls;
    std::uint32_t v;
    if (g_q.try_pop(v)) {
      if (v != expected) ++wrong;
      expected = v + 1;
      if ((expected & 63u) == 0) {  // now and then a slow consumer: the queue fills up
        idle(20000);
      }
    } else {
      ++empty_polls;
    }
  }
  stop_ticks();
  CHECK(expected == n);
  CHECK(wrong == 0);
  CHECK(g_q.empty());
  CHECK(g_full_seen > 0);   // the producer did see a full queue
  CHECK(empty_polls > 0);   // and the consumer an empty one
}

TEST_CASE("isr: spsc queue, thread mode produces, interrupt consumes", "[isr][spsc]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  const auto n = static_cast<std::uint32_t>(heapless::test::scaled(200000));
  g_next_expected = 0;
  g_isr_errors = 0;
  g_empty_seen = 0;
  REQUIRE(start_ticks(isr_consume));
  std::uint32_t pushed = 0, full = 0;
  for (std::uint32_t spins = 0; pushed < n && spins < 400000000u; ++spins) {
    if (g_q.try_push(pushed)) ++pushed;
    else ++full;
  }
  for (std::uint32_t spins = 0; g_next_expected < n && spins < 50000000u; ++spins) fence();
  stop_ticks();
  CHECK(pushed == n);
  CHECK(g_next_expected == n);
  CHECK(g_isr_errors == 0);
  CHECK(full > 0);
}

TEST_CASE("isr: pool shared by an interrupt and thread mode", "[isr][pool]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  const auto rounds = static_cast<std::uint32_t>(heapless::test::scaled(100000));
  g_isr_errors = 0;
  g_isr_serial = 0;
  g_isr_allocs = 0;
  g_isr_exhausted = 0;
  REQUIRE(start_ticks(isr_pool));
  stamped* mine[4] = {};
  std::uint32_t errors = 0, allocs = 0, exhausted = 0;
  // At least `rounds` rounds, and until the ISR has had a fair share of the pool.
  for (std::uint32_t r = 0; (r < rounds || g_isr_allocs < 1000) && r < 50 * rounds; ++r) {
    stamped*& slot = mine[r & 3u];
    if (slot != nullptr) {
      if (slot->owner != kThread || slot->serial != r - 4) ++errors;
      slot->owner = 0;
      g_pool.destroy(slot);
      slot = nullptr;
    }
    stamped* p = g_pool.try_create();
    if (p == nullptr) {
      ++exhausted;
      continue;
    }
    p->owner = kThread;
    p->serial = r;
    slot = p;
    ++allocs;
  }
  stop_ticks();
  for (stamped*& s : mine) {
    if (s != nullptr) {
      s->owner = 0;
      g_pool.destroy(s);
    }
  }
  for (stamped* s : g_isr_held) {
    if (s != nullptr) {
      s->owner = 0;
      g_pool.destroy(s);
    }
  }
  CHECK(errors == 0);
  CHECK(g_isr_errors == 0);
  CHECK(g_isr_allocs >= 1000);
  CHECK(exhausted + g_isr_exhausted > 0);  // 5 slots, up to 6 wanted: exhaustion happened
  CHECK(g_pool.available() == 5);          // nothing lost
}
