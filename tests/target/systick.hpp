// SPDX-License-Identifier: BSL-1.0
// systick.hpp - the SysTick interrupt of the interrupt tests (isr_test,
// mpmc_isr_test): its registers, start and stop, and the handler. Each tick
// counts itself in g_ticks, sets a new random reload of 20..200 timer counts
// (effective at the next wrap, so the phase against thread mode keeps
// moving) and runs the test's work for that phase. Defines SysTick_Handler:
// include it in one file per program. Cortex-M only.
#ifndef HEAPLESS_TESTS_TARGET_SYSTICK_HPP
#define HEAPLESS_TESTS_TARGET_SYSTICK_HPP

#include <atomic>            // std::atomic_signal_fence: ordering against the handler
#include <cstdint>           // std::uint32_t
#include <initializer_list>  // the clock sources start_ticks tries

#include "support/rng.hpp"

namespace heapless::test {

inline volatile std::uint32_t& syst_csr() { return *reinterpret_cast<volatile std::uint32_t*>(0xE000E010u); }
inline volatile std::uint32_t& syst_rvr() { return *reinterpret_cast<volatile std::uint32_t*>(0xE000E014u); }
inline volatile std::uint32_t& syst_cvr() { return *reinterpret_cast<volatile std::uint32_t*>(0xE000E018u); }

/// A compiler barrier: thread mode re-reads what the handler writes.
inline void fence() { std::atomic_signal_fence(std::memory_order_seq_cst); }
/// Burns about n loop iterations (the empty asm keeps the loop).
inline void idle(std::uint32_t n) {
  for (std::uint32_t i = 0; i < n; ++i) __asm__ volatile("" ::: "memory");
}

/// What the handler runs (none: it only counts), and how many ticks came.
inline void (*volatile g_tick_work)() = nullptr;
inline volatile std::uint32_t g_ticks = 0;
inline rng g_tick_rng{0x9E3779B9u};

/// The next reload: 20..200 counts.
inline std::uint32_t next_reload() { return 20u + static_cast<std::uint32_t>(g_tick_rng.below(181)); }

/// Starts SysTick (first reload 100 counts) with `work` as its handler body;
/// false if no tick arrives (the emulated board has no clock for the chosen
/// source).
inline bool start_ticks(void (*work)()) {
  g_tick_work = work;
  g_ticks = 0;
  // CLKSOURCE = processor clock (bit 2), else the reference clock.
  for (std::uint32_t source : {0x4u, 0x0u}) {
    syst_rvr() = 100;
    syst_cvr() = 0;
    syst_csr() = source | 0x3u;  // TICKINT | ENABLE
    for (std::uint32_t spin = 0; spin < 2000000u && g_ticks == 0; ++spin) fence();
    if (g_ticks != 0) return true;
    syst_csr() = 0;
  }
  return false;
}

inline void stop_ticks() {
  syst_csr() = 0;
  g_tick_work = nullptr;
}

}  // namespace heapless::test

extern "C" void SysTick_Handler(void) {
  using namespace heapless::test;
  g_ticks = g_ticks + 1;
  syst_rvr() = next_reload();  // takes effect at the next wrap
  if (g_tick_work != nullptr) g_tick_work();
}

#endif  // HEAPLESS_TESTS_TARGET_SYSTICK_HPP
