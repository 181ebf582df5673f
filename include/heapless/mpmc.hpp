// SPDX-License-Identifier: BSL-1.0
// heapless/mpmc.hpp - mpmc::Queue<T, N>: a bounded multi-producer
// multi-consumer FIFO of exactly N elements, stored inline, for several
// interrupt handlers or tasks feeding one or more workers.
//
//   static heapless::mpmc::Queue<Event, 16> events;      // constant-initialised
//   void timer_isr() { (void)events.try_push(Event::tick); }
//   void uart_isr()  { (void)events.try_emplace(Event::rx, UART->DR); }
//   int main() { for (;;) while (auto e = events.try_pop()) handle(*e); }
//
// Every call returns at once: try_push/try_emplace fail (false) when the
// queue is full, try_pop fails (empty optional / false) when it is empty.
// There is no blocking call: put your own wait (a semaphore, WFI) around it.
//
// Algorithm: per-slot sequence numbers in the style of Dmitry Vyukov's bounded
// MPMC queue. Two positions, enq_ (the next position to fill) and deq_ (the
// next to drain), are claimed by compare-and-swap; each slot carries a
// sequence word saying whose turn the slot is. A producer at position p
// claims p only when slot p's word says "free for p", constructs the element,
// then publishes it with a release store of "full for p"; a consumer claims p
// only when the word says "full for p", moves the element out, destroys it and
// hands the slot to the next lap with a release store of "free for p + one
// lap". The element data is published by the slot words alone, so the
// position CASes are relaxed. FIFO: positions are claimed in order, so the
// elements of one producer leave in the order it pushed them.
//
// Positions ("stamps") for any N, exactly N usable slots. Let P be the
// smallest power of two >= max(N, 2). A stamp is lap + index, index = stamp
// & (P - 1) in [0, N), lap = stamp & ~(P - 1) a multiple of P; the stamp after
// index N - 1 is the next lap's index 0 (when N == P that is just + 1, so
// stamps are plain counters). Slot i stores its sequence minus i, i.e. a lap
// value: L = free for the lap-L position, L + 1 = full for it, and consuming
// writes L + P (free for the next lap). All zeros is therefore the empty
// queue (constant initialisation, .bss). P >= 2 keeps "full for L" (L + 1)
// apart from "free for L + P"; with N == 1 the two would coincide if P were 1.
//
// Sequence width and wrap-around. Stamps and slot words are unsigned integers
// of b bits that wrap at 2^b, a multiple of P, so index and lap arithmetic
// stay exact across the wrap; comparisons are differences taken as signed
// b-bit values.
//   lock_free: b = 64 where the target has a native 64-bit CAS (hosts), else
//     b = 32 (Cortex-M3 and up). A stale claim is impossible unless a thread
//     is suspended between loading a position and its CAS while the other
//     threads move that position by a nonzero multiple of 2^b stamps (the
//     CAS then succeeds on an equal but newer value: ABA); one stamp is at
//     most one element, and a lap of P stamps carries N >= P/2 elements, so
//     that is at least 2^(b-1) completed operations on that side during one
//     suspended operation. A misread sign (a suspension of more than 2^(b-1)
//     stamps) only makes that one call fail spuriously or retry. With b = 64
//     that cannot happen; with b = 32 it needs over 2^31 operations (minutes
//     of continuous traffic) to complete while one operation sits preempted
//     inside a few instructions. A narrower word (8 bits with N = 64 needs
//     only 64 operations in one interrupt burst) is not safe, so b is never
//     below 32 on the lock-free path, whatever N.
//   critical_section / single_thread: a position is read, checked against its
//     slot and advanced inside one critical section, so no call ever holds a
//     stale position. A producer then sees a slot word L (free), L - P + 1
//     (the previous lap's element still there) or L - P (the previous lap's
//     producer has not published yet); a consumer sees L + 1 (ready), L (not
//     yet published) or L - P + 1 (the previous lap's consumer still moving
//     out). These are distinct modulo 2^b exactly when 2^b >= 2P, so the word
//     is the smallest unsigned type holding 2P - 1 (one byte up to N = 128).
//
// Progress, honestly. No call waits for another: each try_* call finishes in
// a bounded number of its own steps plus one retry per operation of the same
// side that completes a claim meanwhile (lock-free CAS retries). But the
// queue as a whole is not lock-free in the strict sense: a producer that is
// suspended after claiming position p and before publishing it (a few
// instructions plus T's constructor) holds up everything behind p: consumers
// reaching p see "empty" and return without an element, even when later
// positions are already full, until that producer resumes; producers keep
// going until they wrap around to p's slot, then see "full". Likewise a
// suspended consumer holds its slot until it resumes. Nothing deadlocks and
// nothing is lost: the calls fail and the elements wait.
//
// Interrupts (same core). With lock_free, every member may be called from
// thread mode and from any interrupt handler, at any priorities, at the same
// time. A handler that interrupts a producer (or consumer) mid-operation
// cannot deadlock: it never waits for a slot to change; its retry loops repeat
// only when another context completed a claim in between, and while a handler
// runs only handlers preempting it can run, each finishing before it resumes,
// so it retries at most once per such preemption. It may see the interrupted
// operation's slot as empty (or full) and fail, as described above. With
// critical_section the claims run under Lock (interrupt_mask masks
// interrupts for a few instructions; construction and destruction of T run
// unmasked, except in the plain ring below, where copying the at most 8
// bytes of a trivially copyable T is part of the masked section), with the
// same guarantees. single_thread: one context only.
//
// Policies (third template argument, the same heapless::pool_policy types as
// Pool): lock_free (CAS on the positions; on Cortex-M3 and up the compiler's
// CAS is a LDREX/STREX loop), critical_section<Lock>, single_thread, and
// automatic (default): lock_free where the target has a 32- or 64-bit CAS,
// critical_section<interrupt_mask> on Cortex-M cores without one (M0/M0+),
// elsewhere a compile error asking for a choice.
//
// Costs. Uncontended push + pop: two CAS (the only locked instructions), two
// acquire loads and two release stores of slot words. Memory: N elements, N
// slot words (8 bytes each on hosts, 4 on Cortex-M3+, 1-2 with a critical
// section) and two positions. Plain ring: with critical_section or
// single_thread and a trivially copyable T of at most 8 bytes, the element
// is copied inside the critical section instead (a few more masked
// instructions), so the slot words are left out: two positions and the
// elements, like a hand-written masked ring. Layout by HEAPLESS_CACHE_LINE: L > 0 (hosts)
// puts enq_, deq_ and the slot words each on their own L-byte line, then the
// elements; L = 0 (Cortex-M) packs them.
//
// mpmc::QueueRef<T, Policy> is a capacity-erased view of a Queue<T, N,
// Policy> of any N; the queue and its views run one implementation
// (detail::queue_algo) with the same memory orders. docs/views.md.
//
// T's move constructor must not throw: a claimed slot cannot be handed back
// to other threads, so the element is built (from throwing constructors:
// before the claim) and then moved in without a chance to fail.
#ifndef HEAPLESS_MPMC_HPP
#define HEAPLESS_MPMC_HPP

#include <cstddef>      // std::size_t
#include <cstdint>      // std::uint32_t, std::uint64_t
#include <optional>     // std::optional: try_pop()
#include <type_traits>  // traits, std::conditional_t
#include <utility>      // std::move, std::forward

#include <heapless/detail/config.hpp>   // HEAPLESS_CACHE_LINE, HEAPLESS_LIKELY, HEAPLESS_DETAIL_CAS64/CAS32/IRQ_MASK
#include <heapless/detail/cstring.hpp>  // detail::mem_copy
#include <heapless/detail/atomic.hpp>   // detail::atomic: positions and slot words
#include <heapless/detail/error.hpp>    // HEAPLESS_ASSERT
#include <heapless/detail/size.hpp>     // detail::smallest_size_t, detail::int_limits: the sequence word's width
#include <heapless/detail/storage.hpp>  // detail::uninit_array
#include <heapless/pool.hpp>            // pool_policy::*, detail::pool_guard: the policies shared with Pool

HEAPLESS_NAMESPACE_BEGIN
namespace mpmc {

namespace detail {

using ::heapless::detail::atomic;
using ::heapless::detail::memory_order;
using ::heapless::detail::memory_order_acq_rel;
using ::heapless::detail::memory_order_acquire;
using ::heapless::detail::memory_order_relaxed;
using ::heapless::detail::memory_order_release;
using ::heapless::detail::memory_order_seq_cst;
using ::heapless::detail::int_limits;
using ::heapless::detail::smallest_size_t;
using ::heapless::detail::uninit_array;

/// P: the smallest power of two >= max(N, 2) (stamps per lap).
constexpr std::size_t lap_size(std::size_t n) noexcept {
  std::size_t p = 2;
  while (p < n) p <<= 1;
  return p;
}

/// Some policy type that does not exist: automatic on a target without CAS
/// and without interrupt_mask.
struct no_policy {};

template <class Policy>
struct resolve_policy {
  using type = Policy;
};
template <>
struct resolve_policy<pool_policy::automatic> {
#if HEAPLESS_DETAIL_CAS64 || HEAPLESS_DETAIL_CAS32
  using type = pool_policy::lock_free;
#elif HEAPLESS_DETAIL_IRQ_MASK
  using type = pool_policy::critical_section<pool_policy::interrupt_mask>;
#else
  using type = no_policy;  // rejected by Queue's static_assert
#endif
};

/// Stamp arithmetic (see the top of the file) for n slots, P = p stamps per
/// lap, in words of type S: one definition for a Queue (n and p constants,
/// through stamps<N, S>) and for a view (n and p read at run time).
template <class S>
struct stamp_math {
  static constexpr std::size_t index(S s, S p) noexcept { return static_cast<std::size_t>(s & static_cast<S>(p - 1u)); }
  static constexpr S lap(S s, S p) noexcept { return static_cast<S>(s & static_cast<S>(~static_cast<S>(p - 1u))); }
  static constexpr S next(S s, std::size_t n, S p) noexcept {
    if (n == p) return static_cast<S>(s + 1u);  // plain counter: index N - 1 + 1 is the next lap
    return index(s, p) + 1u < n ? static_cast<S>(s + 1u) : static_cast<S>(lap(s, p) + p);
  }
  /// a - b as a signed b-bit value.
  static constexpr std::make_signed_t<S> diff(S a, S b) noexcept {
    return static_cast<std::make_signed_t<S>>(static_cast<S>(a - b));
  }
  /// Elements from stamp `from` to stamp `to`, clamped to [0, N]. The lap
  /// difference is taken as unsigned and read as negative only above half
  /// the word's range: locked policies (2^b may be just 2P) see 0 or P there,
  /// and lock-free snapshots of the two positions taken at different moments
  /// may cross by a few laps (2^b >= 2^32), which then counts as 0.
  static constexpr std::size_t count(S from, S to, std::size_t n, S p) noexcept {
    if (n == p) {  // plain counters
      const S d = static_cast<S>(to - from);
      if (d > static_cast<S>(int_limits<S>::max / 2u + 1u)) return 0;
      return d >= n ? n : static_cast<std::size_t>(d);
    }
    const S laps = static_cast<S>(lap(to, p) - lap(from, p));
    if (laps > static_cast<S>(int_limits<S>::max / 2u + 1u)) return 0;
    const std::size_t k = static_cast<std::size_t>(laps / p) * n + index(to, p);
    if (k <= index(from, p)) return 0;
    return k - index(from, p) >= n ? n : k - index(from, p);
  }
  /// Whether positions `to` (fill) and `from` (drain), read together, say
  /// full: the same slot index a lap apart. With plain counters (n == p)
  /// that is a difference of n: one subtraction, as a count would be.
  static constexpr bool full(S from, S to, std::size_t n, S p) noexcept {
    if (n == p) return static_cast<S>(to - from) == p;
    return index(to, p) == index(from, p) && to != from;
  }
};

/// Stamp arithmetic for N slots in words of type S (stamp_math with constants).
template <std::size_t N, class S>
struct stamps {
  static constexpr std::size_t P = lap_size(N);
  static_assert(int_limits<S>::digits >= 64 || (std::uint64_t{1} << int_limits<S>::digits) >= 2 * P,
                "mpmc::Queue: sequence word too narrow for N");
  using m = stamp_math<S>;
  static constexpr S p = static_cast<S>(P);
  static constexpr std::size_t index(S s) noexcept { return m::index(s, p); }
  static constexpr S lap(S s) noexcept { return m::lap(s, p); }
  // Always inline at -Os, where GCC kept this step (an add) out of line;
  // elsewhere the compiler's choice (forcing it moved GCC's blocks at -O3).
#if defined(__OPTIMIZE_SIZE__)
  HEAPLESS_ALWAYS_INLINE
#endif
  static constexpr S next(S s) noexcept { return m::next(s, N, p); }
  static constexpr std::make_signed_t<S> diff(S a, S b) noexcept { return m::diff(a, b); }
  static constexpr std::size_t count(S from, S to) noexcept { return m::count(from, to, N, p); }
  static constexpr bool full(S from, S to) noexcept { return m::full(from, to, N, p); }
};

template <class X>
inline constexpr std::size_t line_align = HEAPLESS_CACHE_LINE > alignof(X) ? HEAPLESS_CACHE_LINE : alignof(X);

/// The sequence word type for N slots under Policy (see the top of the file).
template <std::size_t N, class Policy>
using sequence_t = std::conditional_t<std::is_same_v<Policy, pool_policy::lock_free>,
                                      std::conditional_t<HEAPLESS_DETAIL_CAS64 != 0, std::uint64_t, std::uint32_t>,
                                      smallest_size_t<2 * lap_size(N) - 1>>;

/// Locked policies with a small trivially copyable T copy the element inside
/// the critical section (at most 8 bytes: the masked time stays a few
/// instructions): a plain ring with no sequence words at all.
template <class T, class Policy>
inline constexpr bool plain_ring = !std::is_same_v<Policy, pool_policy::lock_free> &&
                                   std::is_trivially_copyable_v<T> && sizeof(T) <= 8;

// The data members; split from Queue so that the destructor is trivial
// exactly when T's is. Words: whether slots carry sequence words.
template <class T, std::size_t N, class S, bool Words, bool = std::is_trivially_destructible_v<T>>
struct queue_state {
  using atomic_s = detail::atomic<S>;
  alignas(line_align<atomic_s>) atomic_s enq_{0};  // next position to fill
  alignas(line_align<atomic_s>) atomic_s deq_{0};  // next position to drain
  alignas(line_align<atomic_s>) atomic_s seq_[N] = {};  // slot i: its lap value (see top)
  uninit_array<T, N> slots_;

  constexpr queue_state() noexcept = default;
  queue_state(const queue_state&) = delete;
  queue_state& operator=(const queue_state&) = delete;
};

// The plain ring (plain_ring: T trivially copyable, so trivially destructible).
template <class T, std::size_t N, class S>
struct queue_state<T, N, S, false, true> {
  using atomic_s = detail::atomic<S>;
  atomic_s enq_{0};  // next position to fill; changed only under the lock
  atomic_s deq_{0};  // next position to drain; changed only under the lock
  uninit_array<T, N> slots_;

  constexpr queue_state() noexcept = default;
  queue_state(const queue_state&) = delete;
  queue_state& operator=(const queue_state&) = delete;
};

template <class T, std::size_t N, class S>
struct queue_state<T, N, S, true, false> : queue_state<T, N, S, true, true> {
  constexpr queue_state() noexcept = default;
  /// Destroys the elements still queued. No other thread may use the queue.
  ~queue_state() {
    using st = stamps<N, S>;
    // Relaxed: the destructor runs after every user stopped; whatever
    // synchronised their end with this thread (join, a mutex) ordered it.
    S d = this->deq_.load(detail::memory_order_relaxed);
    const S e = this->enq_.load(detail::memory_order_relaxed);
    for (; d != e; d = st::next(d)) {
      const std::size_t i = st::index(d);
      if (this->seq_[i].load(detail::memory_order_relaxed) == static_cast<S>(st::lap(d) + 1u)) this->slots_.destroy(i);
    }
  }
};

template <class T, std::size_t N, class Policy>
using queue_state_for = queue_state<T, N, sequence_t<N, typename resolve_policy<Policy>::type>,
                                    !plain_ring<T, typename resolve_policy<Policy>::type>>;

// ---- Cores: what the one implementation (queue_algo) works on -------------------
// queue_algo's functions run every operation of Queue and QueueRef on a core:
// the two positions (enq(), deq()), the slot words (seq(i)), the slots
// (slot(i)) and the stamp arithmetic (cap(), none(), index, lap, next,
// count, full). static_core is a Queue's: N and P are constants and the
// atomics are the queue's own, so a Queue compiles to the code its members
// had when they held the algorithms. dynamic_core is a view's: the same,
// with N and P read at run time from what the view resolved when it was
// built (view_parts: enq_ and the slots; deq_ and the slot words lie at
// fixed strides from enq_), S still a compile-time type (a view picks the
// core of the queue's S once per call). With lock_free a view's members
// receive a view_core, and its operations pick, with one test, the core
// whose stamps are plain counters (N == P, inline) or the general one (out
// of line).

/// A Queue<T, N, Policy>'s state, N known at compile time.
template <class T, std::size_t N, class S, bool Words>
struct static_core {
  using seq_type = S;
  using st = stamps<N, S>;
  queue_state<T, N, S, Words, true>* q;

  detail::atomic<S>& enq() const noexcept { return q->enq_; }
  detail::atomic<S>& deq() const noexcept { return q->deq_; }
  detail::atomic<S>& seq(std::size_t i) const noexcept { return q->seq_[i]; }
  T* slot(std::size_t i) const noexcept { return &q->slots_.data_[i]; }
  static constexpr std::size_t cap() noexcept { return N; }
  /// What a claim returns for no slot: N.
  static constexpr std::size_t none() noexcept { return N; }
  static constexpr S lap_size() noexcept { return st::p; }
  static constexpr std::size_t index(S s) noexcept { return st::index(s); }
  static constexpr S lap(S s) noexcept { return st::lap(s); }
#if defined(__OPTIMIZE_SIZE__)
  HEAPLESS_ALWAYS_INLINE  // (as stamps::next)
#endif
  static constexpr S next(S s) noexcept { return st::next(s); }
  static constexpr std::size_t count(S from, S to) noexcept { return st::count(from, to); }
  static constexpr bool full(S from, S to) noexcept { return st::full(from, to); }
};

/// The exact type of a queue's positions and slot words, as a view records it.
enum class seq_kind : unsigned char { u8, u16, u32, u64 };

template <class S>
constexpr seq_kind seq_kind_of() noexcept {
  if constexpr (sizeof(S) == 1) {
    return seq_kind::u8;
  } else if constexpr (sizeof(S) == 2) {
    return seq_kind::u16;
  } else if constexpr (sizeof(S) == 4) {
    return seq_kind::u32;
  } else {
    return seq_kind::u64;
  }
}

/// Bytes from enq_ to deq_, and from deq_ to the slot words, in a queue's
/// state (queue_state) whose words are S: the same for every N, so that a
/// view finds them from enq_ alone. Each member is aligned to
/// line_align<atomic<S>> when the slots carry words, packed otherwise.
template <class S, bool Words>
inline constexpr std::size_t position_stride =
    Words ? (sizeof(detail::atomic<S>) + line_align<detail::atomic<S>> - 1) / line_align<detail::atomic<S>> *
                line_align<detail::atomic<S>>
          : sizeof(detail::atomic<S>);

/// A view's core: a queue's positions, slot words and slots, and its N and
/// P, all from what the view resolved when it was built; S fixed. Pow2: N
/// == P (a power of two, N >= 2), so that stamps are plain counters, as in
/// the queue's own code for such N.
template <class T, class S, bool Words, bool Pow2>
struct dynamic_core {
  using seq_type = S;
  using m = stamp_math<S>;
  char* enq_;
  T* slots_;
  std::size_t n_;
  S p_;

  dynamic_core(void* enq, T* slots, std::size_t n, std::size_t p) noexcept
      : enq_(static_cast<char*>(enq)), slots_(slots), n_(n), p_(static_cast<S>(Pow2 ? n : p)) {}
  detail::atomic<S>& enq() const noexcept { return *static_cast<detail::atomic<S>*>(static_cast<void*>(enq_)); }
  detail::atomic<S>& deq() const noexcept {
    return *static_cast<detail::atomic<S>*>(static_cast<void*>(enq_ + position_stride<S, Words>));
  }
  detail::atomic<S>& seq(std::size_t i) const noexcept {
    return static_cast<detail::atomic<S>*>(static_cast<void*>(enq_ + 2 * position_stride<S, Words>))[i];
  }
  T* slot(std::size_t i) const noexcept { return slots_ + i; }
  std::size_t cap() const noexcept { return n_; }
  // What a claim returns for no slot: a value no index takes (an index is
  // below P <= 2^30, and index() says so by its 32-bit width), so that the
  // compiler drops the test where size_t is wider.
  static constexpr std::size_t none() noexcept { return ~std::size_t{0}; }
  S lap_size() const noexcept { return p_; }
  std::size_t index(S s) const noexcept {
    return static_cast<std::uint32_t>(s) & static_cast<std::uint32_t>(p_ - 1u);
  }
  // s minus its index: the index at hand in the caller, no second mask.
  S lap(S s) const noexcept { return static_cast<S>(s - static_cast<S>(index(s))); }
  S next(S s) const noexcept {
    if constexpr (Pow2) {
      return static_cast<S>(s + 1u);
    } else {
      return m::next(s, n_, p_);
    }
  }
  std::size_t count(S from, S to) const noexcept { return m::count(from, to, n_, p_); }
  bool full(S from, S to) const noexcept { return m::full(from, to, n_, p_); }
};

/// What a view resolves when it is built (QueueRef's data).
template <class T>
struct view_parts {
  void* enq;         // the queue's enq_; deq_ and the slot words follow at fixed strides
  std::size_t n;     // N (between the two pointers: GCC would load those as one vector)
  T* slots;          // the queue's slots
  std::uint32_t pm;  // N == P: N - 1 (odd: N >= 2); else P, stamps per lap (even; N <= 2^30)
  seq_kind kind;     // the sequence type
};

/// A lock-free view's core as its members receive it: the queue's parts
/// and N and P as the view holds them. The operations pick, with one test,
/// the core whose stamps are plain counters (N == P) inline, or the general
/// core out of line (queue_algo::try_emplace...).
template <class T, class S, bool Words>
struct view_core {
  static constexpr bool dispatches = true;
  const view_parts<T>* v;  // read only as far as the path taken needs

  bool pow2() const noexcept { return (v->pm & 1u) != 0; }
  dynamic_core<T, S, Words, true> pow2_core() const noexcept { return {v->enq, v->slots, std::size_t{v->pm} + 1u, 0}; }
  dynamic_core<T, S, Words, false> general() const noexcept { return {v->enq, v->slots, v->n, v->pm}; }
};

/// Whether C is a view_core (its operations first pick the core to run on).
template <class C, class = void>
inline constexpr bool dispatches = false;
template <class C>
inline constexpr bool dispatches<C, std::enable_if_t<C::dispatches>> = true;

// ---- The algorithms, once --------------------------------------------------------

/// Every operation of Queue and QueueRef under the resolved Policy, on a
/// core C (static_core or dynamic_core).
template <class T, class Policy>
struct queue_algo {
  static constexpr bool lock_free = std::is_same_v<Policy, pool_policy::lock_free>;
  static constexpr bool plain = plain_ring<T, Policy>;

  // ---- Producers -----------------------------------------------------------
  template <class C, class... Args>
  static bool try_emplace(const C& c, Args&&... args) noexcept(std::is_nothrow_constructible_v<T, Args...>) {
    if constexpr (dispatches<C>) {
      if (HEAPLESS_LIKELY(c.pow2())) return try_emplace(c.pow2_core(), std::forward<Args>(args)...);
      return try_emplace_general<pass_t<Args>...>(c.general(), std::forward<Args>(args)...);
    } else {
      return try_emplace_on(c, std::forward<Args>(args)...);
    }
  }
  template <class C, class... Args>
  static bool try_emplace_on(const C& c, Args&&... args) noexcept(std::is_nothrow_constructible_v<T, Args...>) {
    using S = typename C::seq_type;
    if constexpr (plain) {
      // Built before the lock, copied (trivially) inside it.
      const T tmp(std::forward<Args>(args)...);
      return ::heapless::detail::pool_guard<Policy>::run([&]() noexcept {
        // Relaxed: the positions change only under the lock we hold.
        const S e = c.enq().load(detail::memory_order_relaxed);
        if (c.full(c.deq().load(detail::memory_order_relaxed), e)) return false;
        ::heapless::detail::construct_at(c.slot(c.index(e)), tmp);
        c.enq().store(c.next(e), detail::memory_order_relaxed);
        return true;
      });
    } else if constexpr (std::is_nothrow_constructible_v<T, Args...>) {
      S lap;
      const std::size_t i = claim_push(c, lap);
      if (i == c.none()) return false;
      ::heapless::detail::construct_at(c.slot(i), std::forward<Args>(args)...);
      publish(c, i, lap);
      return true;
    } else {
      T tmp(std::forward<Args>(args)...);
      return try_emplace_on(c, std::move(tmp));
    }
  }

  // ---- Consumers -----------------------------------------------------------
  template <class C>
  static std::optional<T> try_pop(const C& c) noexcept {
    if constexpr (dispatches<C>) {
      if (HEAPLESS_LIKELY(c.pow2())) return try_pop(c.pow2_core());
      return try_pop_general(c.general());
    } else {
      return try_pop_on(c);
    }
  }
  template <class C>
  static std::optional<T> try_pop_on(const C& c) noexcept {
    using S = typename C::seq_type;
    if constexpr (plain) {
      std::optional<T> out;
      ::heapless::detail::pool_guard<Policy>::run([&]() noexcept {
        // Relaxed: the positions change only under the lock we hold.
        const S d = c.deq().load(detail::memory_order_relaxed);
        if (d == c.enq().load(detail::memory_order_relaxed)) return 0;
        out.emplace(*c.slot(c.index(d)));  // a trivial copy
        c.deq().store(c.next(d), detail::memory_order_relaxed);
        return 0;
      });
      return out;
    } else {
      S lap;
      const std::size_t i = claim_pop(c, lap);
      if (i == c.none()) return std::nullopt;
      const release_on_exit<C> release{c, i, lap};
      // Built in the caller's object (a prvalue), then the slot is released.
      return std::optional<T>(std::in_place, std::move(*c.slot(i)));
    }
  }
  template <class C>
  static bool try_pop(const C& c, T& out) noexcept(std::is_nothrow_move_assignable_v<T>) {
    if constexpr (dispatches<C>) {
      if (HEAPLESS_LIKELY(c.pow2())) return try_pop(c.pow2_core(), out);
      if constexpr (small_trivial) {
        const std::optional<T> e = try_pop_general(c.general());
        if (e) out = *e;
        return e.has_value();
      } else {
        return try_pop_general(c.general(), out);
      }
    } else {
      return try_pop_on(c, out);
    }
  }
  template <class C>
  static bool try_pop_on(const C& c, T& out) noexcept(std::is_nothrow_move_assignable_v<T>) {
    using S = typename C::seq_type;
    if constexpr (plain) {
      return ::heapless::detail::pool_guard<Policy>::run([&]() noexcept {
        // Relaxed: the positions change only under the lock we hold.
        const S d = c.deq().load(detail::memory_order_relaxed);
        if (d == c.enq().load(detail::memory_order_relaxed)) return false;
        ::heapless::detail::mem_copy(static_cast<void*>(&out), c.slot(c.index(d)), sizeof(T));  // T is trivially copyable
        c.deq().store(c.next(d), detail::memory_order_relaxed);
        return true;
      });
    } else {
      S lap;
      const std::size_t i = claim_pop(c, lap);
      if (i == c.none()) return false;
      const release_on_exit<C> release{c, i, lap};
      out = std::move(*c.slot(i));
      return true;
    }
  }

  // A view's operations on a queue whose N is not a power of two: out of
  // line, so that the inlined path of the other queues stays small. Small
  // trivially copyable arguments and results travel by value, so that the
  // caller's variables need no address (and no place in memory) for them.
  static constexpr bool small_trivial = std::is_trivially_copyable_v<T> && sizeof(T) <= 2 * sizeof(void*);
  template <class A, class D = std::remove_cv_t<std::remove_reference_t<A>>>
  using pass_t = std::conditional_t<std::is_trivially_copyable_v<D> && sizeof(D) <= 2 * sizeof(void*) &&
                                        (!std::is_lvalue_reference_v<A> || std::is_const_v<std::remove_reference_t<A>>),
                                    D, A&&>;
  template <class... P, class C>
  HEAPLESS_NOINLINE static bool try_emplace_general(const C& c, P... args) noexcept(
      std::is_nothrow_constructible_v<T, P&&...>) {
    return try_emplace_on(c, std::forward<P>(args)...);
  }
  template <class C>
  HEAPLESS_NOINLINE static std::optional<T> try_pop_general(const C& c) noexcept {
    return try_pop_on(c);
  }
  template <class C>
  HEAPLESS_NOINLINE static bool try_pop_general(const C& c, T& out) noexcept(std::is_nothrow_move_assignable_v<T>) {
    return try_pop_on(c, out);
  }

  // ---- Observers -----------------------------------------------------------
  template <class C>
  static std::size_t size(const C& c) noexcept {
    if constexpr (dispatches<C>) {
      return c.pow2() ? size_on(c.pow2_core()) : size_on(c.general());
    } else {
      return size_on(c);
    }
  }
  template <class C>
  static std::size_t size_on(const C& c) noexcept {
    using S = typename C::seq_type;
    if constexpr (lock_free) {
      // Acquire on both: the second load stays after the first; a caller may
      // act on the answer. The two may still come from different moments:
      // count() clamps.
      const S d = c.deq().load(detail::memory_order_acquire);
      const S e = c.enq().load(detail::memory_order_acquire);
      return c.count(d, e);
    } else {
      return ::heapless::detail::pool_guard<Policy>::run([&c]() noexcept {
        // Relaxed: the positions change only under the lock we hold.
        return c.count(c.deq().load(detail::memory_order_relaxed), c.enq().load(detail::memory_order_relaxed));
      });
    }
  }

  // Destroys the element of a claimed slot and releases the slot when the
  // pop that claimed it ends, also when moving the element out throws.
  template <class C>
  struct release_on_exit {
    const C& c;
    std::size_t i;
    typename C::seq_type lap;
    ~release_on_exit() { release(c, i, lap); }
  };

  // Claims the next position to fill: its slot index (lap in `lap`), or
  // c.none() when the queue is full.
  template <class C>
  static std::size_t claim_push(const C& c, typename C::seq_type& lap) noexcept {
    using S = typename C::seq_type;
    if constexpr (plain) {  // (never called: the plain ring has no slot words)
      lap = 0;
      return c.none();
    } else if constexpr (lock_free) {
      // Relaxed: only a guess; the CAS below validates it.
      S pos = c.enq().load(detail::memory_order_relaxed);
      for (;;) {
        const std::size_t i = c.index(pos);
        lap = c.lap(pos);
        // Acquire: pairs with the release in release() by the consumer that
        // emptied this slot, so its reads and destruction of the old element
        // happen before we construct the new one.
        const S s = c.seq(i).load(detail::memory_order_acquire);
        const auto d = stamp_math<S>::diff(s, lap);
        if (d == 0) {
          // Relaxed (success and failure): the CAS only claims the position;
          // element data travels through the slot words.
          if (c.enq().compare_exchange_weak(pos, c.next(pos), detail::memory_order_relaxed, detail::memory_order_relaxed))
            return i;
        } else if (d < 0) {
          return c.none();  // the slot still holds (or awaits) the previous lap's element: full
        } else {
          // Relaxed: our position was stale; take a fresh guess.
          pos = c.enq().load(detail::memory_order_relaxed);
        }
      }
    } else {
      return ::heapless::detail::pool_guard<Policy>::run([&]() noexcept -> std::size_t {
        // Relaxed: enq_ changes only under this lock.
        const S pos = c.enq().load(detail::memory_order_relaxed);
        const std::size_t i = c.index(pos);
        lap = c.lap(pos);
        // Acquire: as above (the emptying consumer released outside the lock).
        if (c.seq(i).load(detail::memory_order_acquire) != lap) return c.none();
        c.enq().store(c.next(pos), detail::memory_order_relaxed);
        return i;
      });
    }
  }

  // Claims the next position to drain: its slot index (lap in `lap`), or
  // c.none() when the front is empty or not yet published.
  template <class C>
  static std::size_t claim_pop(const C& c, typename C::seq_type& lap) noexcept {
    using S = typename C::seq_type;
    if constexpr (plain) {  // (never called: the plain ring has no slot words)
      lap = 0;
      return c.none();
    } else if constexpr (lock_free) {
      // Relaxed: only a guess; the CAS below validates it.
      S pos = c.deq().load(detail::memory_order_relaxed);
      for (;;) {
        const std::size_t i = c.index(pos);
        lap = c.lap(pos);
        // Acquire: pairs with the release in publish(), so the element the
        // producer constructed is visible before we read it.
        const S s = c.seq(i).load(detail::memory_order_acquire);
        const auto d = stamp_math<S>::diff(s, static_cast<S>(lap + 1u));
        if (d == 0) {
          // Relaxed: the CAS only claims the position (see claim_push).
          if (c.deq().compare_exchange_weak(pos, c.next(pos), detail::memory_order_relaxed, detail::memory_order_relaxed))
            return i;
        } else if (d < 0) {
          return c.none();  // not yet filled for this lap: empty (or its producer is mid-push)
        } else {
          // Relaxed: our position was stale; take a fresh guess.
          pos = c.deq().load(detail::memory_order_relaxed);
        }
      }
    } else {
      return ::heapless::detail::pool_guard<Policy>::run([&]() noexcept -> std::size_t {
        // Relaxed: deq_ changes only under this lock.
        const S pos = c.deq().load(detail::memory_order_relaxed);
        const std::size_t i = c.index(pos);
        lap = c.lap(pos);
        // Acquire: pairs with the release in publish() (outside the lock).
        if (c.seq(i).load(detail::memory_order_acquire) != static_cast<S>(lap + 1u)) return c.none();
        c.deq().store(c.next(pos), detail::memory_order_relaxed);
        return i;
      });
    }
  }

  // Marks slot i full for lap `lap`.
  template <class C>
  static void publish(const C& c, std::size_t i, typename C::seq_type lap) noexcept {
    using S = typename C::seq_type;
    if constexpr (!plain) store_release(c.seq(i), static_cast<S>(lap + 1u));
    else (void)c, (void)i, (void)lap;
  }

  // Destroys the element in slot i and marks the slot free for the next lap.
  template <class C>
  static void release(const C& c, std::size_t i, typename C::seq_type lap) noexcept {
    using S = typename C::seq_type;
    ::heapless::detail::destroy_at(c.slot(i));
    if constexpr (!plain) store_release(c.seq(i), static_cast<S>(lap + c.lap_size()));
    else (void)lap;
  }

  // Release: a slot word store pairs with the acquire load of the next side
  // to claim the slot (claim_pop after publish: the constructed element is
  // visible before it is moved out; claim_push after release: the old
  // element's reads and destruction happen before the slot is reused).
  // (A static function of the word alone: GCC 12 folds identical member
  // functions of different Queue types and then misreports array bounds.)
  template <class S>
  static void store_release(detail::atomic<S>& word, S value) noexcept {
    word.store(value, detail::memory_order_release);
  }
};

// ---- The members, once -------------------------------------------------------
/// The members of Queue and QueueRef (a base of both). D::with_core_(f)
/// calls f with the core the operation runs on.
template <class D, class T, class Policy>
class queue_members {
  using algo_ = queue_algo<T, Policy>;

 public:
  /// Size type.
  using size_type = std::size_t;

  // ---- Producers -----------------------------------------------------------
  /// Appends a copy of v. Returns false (and changes nothing) when full.
  /// Any thread or interrupt. O(1) plus CAS retries under contention.
  [[nodiscard]] bool try_push(const T& v) noexcept(std::is_nothrow_copy_constructible_v<T>) {
    return try_emplace(v);
  }
  /// Appends v moved. Returns false when full; v is then not moved from.
  [[nodiscard]] bool try_push(T&& v) noexcept { return try_emplace(std::move(v)); }
  /// Constructs an element from args at the back. Returns false when full.
  /// When that constructor cannot throw, the element is built in its slot and
  /// args are untouched on failure. Otherwise it is built first, outside the
  /// queue (an exception then propagates with nothing claimed), and moved in:
  /// on failure that temporary is destroyed (rvalue args may be moved from).
  /// The plain ring (see Costs at the top of the header) always builds the
  /// element first, outside its lock, and copies it in.
  template <class... Args>
  [[nodiscard]] bool try_emplace(Args&&... args) noexcept(std::is_nothrow_constructible_v<T, Args...>) {
    return d_().with_core_([&](const auto& c) { return algo_::try_emplace(c, std::forward<Args>(args)...); });
  }

  // ---- Consumers -----------------------------------------------------------
  /// Removes the front element and returns it; std::nullopt when empty (or
  /// when the front position's producer has not finished: see the top of
  /// the header). Any thread or interrupt. O(1) plus CAS retries under
  /// contention.
  [[nodiscard]] std::optional<T> try_pop() noexcept {
    return d_().with_core_([](const auto& c) { return algo_::try_pop(c); });
  }
  /// Move-assigns the front element to out and removes it; false (out
  /// untouched) when empty. If the assignment throws, the element is
  /// destroyed and its slot released anyway (a claimed position cannot be
  /// handed back), and the exception propagates.
  [[nodiscard]] bool try_pop(T& out) noexcept(std::is_nothrow_move_assignable_v<T>) {
    return d_().with_core_([&out](const auto& c) { return algo_::try_pop(c, out); });
  }

  // ---- Observers -----------------------------------------------------------
  /// Claimed positions not yet drained: a snapshot in [0, N] that may be
  /// stale when it returns while others push or pop; exact when no other
  /// call runs. Counts elements whose producer has not finished.
  [[nodiscard]] size_type size() const noexcept {
    return d_().with_core_([](const auto& c) { return algo_::size(c); });
  }
  /// size() == 0, a snapshot.
  [[nodiscard]] bool empty() const noexcept { return size() == 0; }
  /// size() == capacity(), a snapshot.
  [[nodiscard]] bool full() const noexcept { return size() == d_().capacity(); }

 private:
  const D& d_() const noexcept { return static_cast<const D&>(*this); }
};

}  // namespace detail

/// True when Queue<T, N, pool_policy::lock_free> compiles on this target.
inline constexpr bool lock_free_available = HEAPLESS_DETAIL_CAS64 != 0 || HEAPLESS_DETAIL_CAS32 != 0;

template <class T, class Policy = pool_policy::automatic>
class QueueRef;

/// A bounded multi-producer multi-consumer FIFO of exactly N elements; see the
/// top of this file. Neither copyable nor movable. Its members try_push,
/// try_emplace, try_pop, size, empty and full are shared with QueueRef
/// (detail::queue_members).
template <class T, std::size_t N, class Policy = pool_policy::automatic>
class Queue : private detail::queue_state_for<T, N, Policy>,
              public detail::queue_members<Queue<T, N, Policy>, T, typename detail::resolve_policy<Policy>::type> {
 public:
  /// The policy in effect (pool_policy::automatic resolved for this target).
  using policy_type = typename detail::resolve_policy<Policy>::type;
  /// The position / slot word type (see the top of the file).
  using sequence_type = detail::sequence_t<N, policy_type>;

 private:
  using S = sequence_type;
  static constexpr bool lock_free_ = std::is_same_v<policy_type, pool_policy::lock_free>;
  static constexpr bool plain_ = detail::plain_ring<T, policy_type>;
  using state_ = detail::queue_state<T, N, S, !plain_, true>;
  using core_type = detail::static_core<T, N, S, !plain_>;
  static_assert(N > 0, "mpmc::Queue needs a capacity of at least 1");
  static_assert(N <= (std::size_t{1} << 30), "mpmc::Queue capacity too large");
  static_assert(std::is_object_v<T> && !std::is_const_v<T> && !std::is_volatile_v<T>,
                "mpmc::Queue<T, N>: T must be a non-const, non-volatile object type");
  static_assert(std::is_nothrow_destructible_v<T>, "mpmc::Queue<T, N>: T's destructor must not throw");
  static_assert(std::is_nothrow_move_constructible_v<T>,
                "mpmc::Queue<T, N>: T's move constructor must not throw (a claimed slot cannot be given back)");
  static_assert(!std::is_same_v<policy_type, detail::no_policy>,
                "mpmc::Queue: this target has no compare-and-swap and no known interrupt mask: "
                "pass pool_policy::critical_section<YourLock> or pool_policy::single_thread");
  static_assert(lock_free_ || std::is_same_v<policy_type, pool_policy::single_thread> ||
                    ::heapless::detail::is_critical_section<policy_type>::value,
                "mpmc::Queue: Policy must be one of heapless::pool_policy::*");
  static_assert(!lock_free_ || lock_free_available, "mpmc::Queue: pool_policy::lock_free needs a CAS on this target");
  template <class, class, class>
  friend class detail::queue_members;
  template <class, class>
  friend class QueueRef;

 public:
  /// Element type.
  using value_type = T;
  using typename detail::queue_members<Queue, T, policy_type>::size_type;
  /// Reference to an element.
  using reference = T&;
  /// Const reference to an element.
  using const_reference = const T&;

  /// Empty queue. constexpr and all zeros: a static queue is constant-
  /// initialised into .bss; no element storage is touched.
  constexpr Queue() noexcept = default;
  Queue(const Queue&) = delete;
  Queue& operator=(const Queue&) = delete;
  // ~Queue() destroys the elements still queued (implicit; trivial when T's
  // is); no other thread may use the queue then. try_push, try_emplace,
  // try_pop, size, empty and full come from the base shared with QueueRef.

  /// The number of elements the queue can hold (N).
  [[nodiscard]] static constexpr size_type capacity() noexcept { return N; }
  /// Same as capacity().
  [[nodiscard]] static constexpr size_type max_size() noexcept { return N; }

 private:
  state_* state_ptr_() const noexcept { return const_cast<state_*>(static_cast<const state_*>(this)); }
  template <class F>
  decltype(auto) with_core_(F&& f) const noexcept(noexcept(f(std::declval<const core_type&>()))) {
    return f(core_type{state_ptr_()});
  }
};

/// A non-owning handle to an mpmc::Queue<T, N, Policy> of any capacity N:
/// one non-template function can push into, or pop from, queues of
/// different sizes, from any number of threads and interrupt handlers (the
/// queue's rules). Built on demand (implicit at a call): what every
/// operation needs, resolved once there (pointers to the queue's positions
/// and slots, N, and a word for the stamps per lap and the sequence type:
/// 32 bytes on 64-bit hosts, 20 on Cortex-M); copyable, valid while the
/// queue lives. It has the queue's whole API: try_push, try_emplace,
/// try_pop (both forms), size, empty, full, capacity, max_size. Each member
/// runs the algorithm the queue's member runs (detail::queue_algo), with
/// the same memory orders and the same policy (Policy is resolved as the
/// queue's: a QueueRef<T, P> accepts every Queue<T, N, P>), on the queue's
/// own positions, slot words and slots, with N and the stamps per lap read
/// at run time.
template <class T, class Policy>
class QueueRef
    : public detail::queue_members<QueueRef<T, Policy>, T, typename detail::resolve_policy<Policy>::type> {
  template <class, class, class>
  friend class detail::queue_members;

 public:
  /// The policy in effect (pool_policy::automatic resolved for this target).
  using policy_type = typename detail::resolve_policy<Policy>::type;
  /// Element type.
  using value_type = T;
  using typename detail::queue_members<QueueRef, T, policy_type>::size_type;

  /// Refers to q (implicit, so a Queue<T, N, Policy>& converts at a call).
  template <std::size_t N>
  QueueRef(Queue<T, N, Policy>& q) noexcept  // NOLINT: implicit on purpose
      : v_{&q.state_ptr_()->enq_, N, q.state_ptr_()->slots_.data(),
           static_cast<std::uint32_t>(N == detail::lap_size(N) ? N - 1 : detail::lap_size(N)),
           detail::seq_kind_of<typename Queue<T, N, Policy>::sequence_type>()} {
    using S = typename Queue<T, N, Policy>::sequence_type;
    constexpr bool words = !Queue<T, N, Policy>::plain_;
    constexpr std::size_t stride = detail::position_stride<S, words>;
    // Where the core finds deq_ and the slot words (position_stride).
    HEAPLESS_ASSERT(static_cast<void*>(&q.state_ptr_()->deq_) == static_cast<char*>(v_.enq) + stride,
                    "mpmc::QueueRef: deq_ not where the view looks for it");
    if constexpr (words) {
      HEAPLESS_ASSERT(static_cast<void*>(q.state_ptr_()->seq_) == static_cast<char*>(v_.enq) + 2 * stride,
                      "mpmc::QueueRef: the slot words not where the view looks for them");
    }
  }

  /// The queue's N.
  [[nodiscard]] size_type capacity() const noexcept { return v_.n; }
  /// Same as capacity().
  [[nodiscard]] size_type max_size() const noexcept { return v_.n; }

 private:
  static constexpr bool lock_free_ = std::is_same_v<policy_type, pool_policy::lock_free>;
  static constexpr bool words_ = !detail::plain_ring<T, policy_type>;
  template <class S, class F>
  decltype(auto) run_(F& f) const {
    // P is pm rounded up to even (pm is N - 1 when N == P).
    return f(detail::dynamic_core<T, S, words_, false>(v_.enq, v_.slots, v_.n, std::size_t{v_.pm} + (v_.pm & 1u)));
  }
  // The core the members run on: under lock_free the view_core (a power-of-
  // two N runs with stamps as plain counters, inline; other N out of line);
  // under the locked policies, which spend their time in the lock, the
  // general core of one of four sequence types (picked once per call).
  template <class F>
  decltype(auto) with_core_(F&& f) const {
    if constexpr (lock_free_) {
      return f(detail::view_core<T, detail::sequence_t<1, policy_type>, words_>{&v_});
    } else {
      switch (v_.kind) {
        case detail::seq_kind::u8: return run_<std::uint8_t>(f);
        case detail::seq_kind::u16: return run_<std::uint16_t>(f);
        case detail::seq_kind::u32: return run_<std::uint32_t>(f);
        case detail::seq_kind::u64: break;
      }
      return run_<std::uint64_t>(f);
    }
  }

  detail::view_parts<T> v_;
};

}  // namespace mpmc
HEAPLESS_NAMESPACE_END

#endif  // HEAPLESS_MPMC_HPP
