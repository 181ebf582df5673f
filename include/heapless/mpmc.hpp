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
// T's move constructor must not throw: a claimed slot cannot be handed back
// to other threads, so the element is built (from throwing constructors:
// before the claim) and then moved in without a chance to fail.
#ifndef HEAPLESS_MPMC_HPP
#define HEAPLESS_MPMC_HPP

#include <cstddef>      // std::size_t
#include <cstdint>      // std::uint32_t, std::uint64_t
#include <cstring>      // std::memcpy: pops of small trivially copyable elements
#include <optional>     // std::optional: try_pop()
#include <type_traits>  // traits, std::conditional_t
#include <utility>      // std::move, std::forward

#include "detail/config.hpp"   // HEAPLESS_CACHE_LINE, HEAPLESS_LIKELY, HEAPLESS_DETAIL_CAS64/CAS32/IRQ_MASK
#include "detail/atomic.hpp"   // detail::atomic: positions and slot words
#include "detail/error.hpp"    // HEAPLESS_ASSERT
#include "detail/size.hpp"     // detail::smallest_size_t, detail::int_limits: the sequence word's width
#include "detail/storage.hpp"  // detail::uninit_array
#include "pool.hpp"            // pool_policy::*: the policy types shared with Pool

HEAPLESS_NAMESPACE_BEGIN
namespace mpmc {

namespace detail {

using ::heapless::detail::atomic;
using ::heapless::detail::int_limits;
using ::heapless::detail::memory_order_acquire;
using ::heapless::detail::memory_order_relaxed;
using ::heapless::detail::memory_order_release;
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

/// Stamp arithmetic (see the top of the file) for N slots in words of type S.
template <std::size_t N, class S>
struct stamps {
  static constexpr std::size_t P = lap_size(N);
  static_assert(int_limits<S>::digits >= 64 || (std::uint64_t{1} << int_limits<S>::digits) >= 2 * P,
                "mpmc::Queue: sequence word too narrow for N");
  static constexpr S index_mask = static_cast<S>(P - 1);

  static constexpr std::size_t index(S s) noexcept { return static_cast<std::size_t>(s & index_mask); }
  static constexpr S lap(S s) noexcept { return static_cast<S>(s & static_cast<S>(~index_mask)); }
  static constexpr S next(S s) noexcept {
    if constexpr (N == P) {
      return static_cast<S>(s + 1u);  // plain counter: index N - 1 + 1 is the next lap
    } else {
      return index(s) + 1u < N ? static_cast<S>(s + 1u) : static_cast<S>(lap(s) + P);
    }
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
  static constexpr std::size_t count(S from, S to) noexcept {
    if constexpr (N == P) {  // plain counters
      const S d = static_cast<S>(to - from);
      if (d > static_cast<S>(int_limits<S>::max / 2u + 1u)) return 0;
      return d >= N ? N : d;
    }
    const S laps = static_cast<S>(lap(to) - lap(from));
    if (laps > static_cast<S>(int_limits<S>::max / 2u + 1u)) return 0;
    const std::size_t n = static_cast<std::size_t>(laps / P) * N + index(to);
    if (n <= index(from)) return 0;
    return n - index(from) >= N ? N : n - index(from);
  }
  /// Whether positions `to` (fill) and `from` (drain), read together, say
  /// full: the same slot index a lap apart.
  static constexpr bool full(S from, S to) noexcept { return index(to) == index(from) && to != from; }
};

/// Runs f() under the policy's lock (critical_section), or directly.
template <class Policy>
struct guard {
  template <class F>
  static auto run(F&& f) noexcept {
    return f();
  }
};
template <class Lock>
struct guard<pool_policy::critical_section<Lock>> {
  template <class F>
  static auto run(F&& f) noexcept {
    if constexpr (std::is_void_v<decltype(Lock::lock())>) {
      Lock::lock();
      auto r = f();
      Lock::unlock();
      return r;
    } else {
      auto saved = Lock::lock();
      auto r = f();
      Lock::unlock(saved);
      return r;
    }
  }
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

}  // namespace detail

/// True when Queue<T, N, pool_policy::lock_free> compiles on this target.
inline constexpr bool lock_free_available = HEAPLESS_DETAIL_CAS64 != 0 || HEAPLESS_DETAIL_CAS32 != 0;

/// A bounded multi-producer multi-consumer FIFO of exactly N elements; see the
/// top of this file. Neither copyable nor movable.
template <class T, std::size_t N, class Policy = pool_policy::automatic>
class Queue : private detail::queue_state_for<T, N, Policy> {
 public:
  /// The policy in effect (pool_policy::automatic resolved for this target).
  using policy_type = typename detail::resolve_policy<Policy>::type;
  /// The position / slot word type (see the top of the file).
  using sequence_type = detail::sequence_t<N, policy_type>;

 private:
  using st_ = detail::stamps<N, sequence_type>;
  using S = sequence_type;
  static constexpr bool lock_free_ = std::is_same_v<policy_type, pool_policy::lock_free>;
  static constexpr bool plain_ = detail::plain_ring<T, policy_type>;
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

 public:
  /// Element type.
  using value_type = T;
  /// Size type.
  using size_type = std::size_t;
  /// Reference to an element.
  using reference = T&;
  /// Const reference to an element.
  using const_reference = const T&;

  /// Empty queue. constexpr and all zeros: a static queue is constant-
  /// initialised into .bss; no element storage is touched.
  constexpr Queue() noexcept = default;
  Queue(const Queue&) = delete;
  Queue& operator=(const Queue&) = delete;
  /// Destroys the elements still queued (implicit; trivial when T's is).
  /// No other thread may use the queue then.

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
  /// The plain ring (see Costs above) always builds the element first,
  /// outside its lock, and copies it in.
  template <class... Args>
  [[nodiscard]] bool try_emplace(Args&&... args) noexcept(std::is_nothrow_constructible_v<T, Args...>) {
    if constexpr (plain_) {
      // Built before the lock, copied (trivially) inside it.
      const T tmp(std::forward<Args>(args)...);
      return detail::guard<policy_type>::run([&]() noexcept {
        // Relaxed: the positions change only under the lock we hold.
        const S e = this->enq_.load(detail::memory_order_relaxed);
        if (st_::full(this->deq_.load(detail::memory_order_relaxed), e)) return false;
        ::heapless::detail::construct_at(slot_(st_::index(e)), tmp);
        this->enq_.store(st_::next(e), detail::memory_order_relaxed);
        return true;
      });
    } else if constexpr (std::is_nothrow_constructible_v<T, Args...>) {
      S lap;
      const std::size_t i = claim_push_(lap);
      if (i == N) return false;
      ::heapless::detail::construct_at(slot_(i), std::forward<Args>(args)...);
      publish_(i, lap);
      return true;
    } else {
      T tmp(std::forward<Args>(args)...);
      return try_emplace(std::move(tmp));
    }
  }

  // ---- Consumers -----------------------------------------------------------

  /// Removes the front element and returns it; std::nullopt when empty (or
  /// when the front position's producer has not finished: see the top).
  /// Any thread or interrupt. O(1) plus CAS retries under contention.
  [[nodiscard]] std::optional<T> try_pop() noexcept {
    if constexpr (plain_) {
      std::optional<T> out;
      detail::guard<policy_type>::run([&]() noexcept {
        // Relaxed: the positions change only under the lock we hold.
        const S d = this->deq_.load(detail::memory_order_relaxed);
        if (d == this->enq_.load(detail::memory_order_relaxed)) return 0;
        out.emplace(*slot_(st_::index(d)));  // a trivial copy
        this->deq_.store(st_::next(d), detail::memory_order_relaxed);
        return 0;
      });
      return out;
    } else {
      S lap;
      const std::size_t i = claim_pop_(lap);
      if (i == N) return std::nullopt;
      const release_on_exit_ release{*this, i, lap};
      // Built in the caller's object (a prvalue), then the slot is released.
      return std::optional<T>(std::in_place, std::move(*slot_(i)));
    }
  }
  /// Move-assigns the front element to out and removes it; false (out
  /// untouched) when empty. If the assignment throws, the element is
  /// destroyed and its slot released anyway (a claimed position cannot be
  /// handed back), and the exception propagates.
  [[nodiscard]] bool try_pop(T& out) noexcept(std::is_nothrow_move_assignable_v<T>) {
    if constexpr (plain_) {
      return detail::guard<policy_type>::run([&]() noexcept {
        // Relaxed: the positions change only under the lock we hold.
        const S d = this->deq_.load(detail::memory_order_relaxed);
        if (d == this->enq_.load(detail::memory_order_relaxed)) return false;
        std::memcpy(static_cast<void*>(&out), slot_(st_::index(d)), sizeof(T));  // T is trivially copyable
        this->deq_.store(st_::next(d), detail::memory_order_relaxed);
        return true;
      });
    } else {
      S lap;
      const std::size_t i = claim_pop_(lap);
      if (i == N) return false;
      const release_on_exit_ release{*this, i, lap};
      out = std::move(*slot_(i));
      return true;
    }
  }

  // ---- Observers -----------------------------------------------------------

  /// Claimed positions not yet drained: a snapshot in [0, N] that may be
  /// stale when it returns while others push or pop; exact when no other
  /// call runs. Counts elements whose producer has not finished.
  [[nodiscard]] size_type size() const noexcept {
    if constexpr (lock_free_) {
      // Acquire on both: the second load stays after the first; a caller may
      // act on the answer. The two may still come from different moments:
      // count() clamps.
      const S d = this->deq_.load(detail::memory_order_acquire);
      const S e = this->enq_.load(detail::memory_order_acquire);
      return st_::count(d, e);
    } else {
      return detail::guard<policy_type>::run([this]() noexcept {
        // Relaxed: the positions change only under the lock we hold.
        return st_::count(this->deq_.load(detail::memory_order_relaxed), this->enq_.load(detail::memory_order_relaxed));
      });
    }
  }
  /// size() == 0, a snapshot.
  [[nodiscard]] bool empty() const noexcept { return size() == 0; }
  /// size() == N, a snapshot.
  [[nodiscard]] bool full() const noexcept { return size() == N; }
  /// The number of elements the queue can hold (N).
  [[nodiscard]] static constexpr size_type capacity() noexcept { return N; }
  /// Same as capacity().
  [[nodiscard]] static constexpr size_type max_size() noexcept { return N; }

 private:
  T* slot_(std::size_t i) noexcept { return &this->slots_.data_[i]; }

  // Destroys the element of a claimed slot and releases the slot when the
  // pop that claimed it ends, also when moving the element out throws.
  struct release_on_exit_ {
    Queue& q;
    std::size_t i;
    S lap;
    ~release_on_exit_() { q.release_(i, lap); }
  };

  // Claims the next position to fill: its slot index (lap in `lap`), or N
  // when the queue is full.
  std::size_t claim_push_(S& lap) noexcept {
    if constexpr (plain_) {  // (never called: the plain ring has no slot words)
      lap = 0;
      return N;
    } else if constexpr (lock_free_) {
      // Relaxed: only a guess; the CAS below validates it.
      S pos = this->enq_.load(detail::memory_order_relaxed);
      for (;;) {
        const std::size_t i = st_::index(pos);
        lap = st_::lap(pos);
        // Acquire: pairs with the release in release_() by the consumer that
        // emptied this slot, so its reads and destruction of the old element
        // happen before we construct the new one.
        const S s = this->seq_[i].load(detail::memory_order_acquire);
        const auto d = st_::diff(s, lap);
        if (d == 0) {
          // Relaxed (success and failure): the CAS only claims the position;
          // element data travels through the slot words.
          if (this->enq_.compare_exchange_weak(pos, st_::next(pos), detail::memory_order_relaxed,
                                               detail::memory_order_relaxed))
            return i;
        } else if (d < 0) {
          return N;  // the slot still holds (or awaits) the previous lap's element: full
        } else {
          // Relaxed: our position was stale; take a fresh guess.
          pos = this->enq_.load(detail::memory_order_relaxed);
        }
      }
    } else {
      return detail::guard<policy_type>::run([&]() noexcept -> std::size_t {
        // Relaxed: enq_ changes only under this lock.
        const S pos = this->enq_.load(detail::memory_order_relaxed);
        const std::size_t i = st_::index(pos);
        lap = st_::lap(pos);
        // Acquire: as above (the emptying consumer released outside the lock).
        if (this->seq_[i].load(detail::memory_order_acquire) != lap) return N;
        this->enq_.store(st_::next(pos), detail::memory_order_relaxed);
        return i;
      });
    }
  }

  // Claims the next position to drain: its slot index (lap in `lap`), or N
  // when the front is empty or not yet published.
  std::size_t claim_pop_(S& lap) noexcept {
    if constexpr (plain_) {  // (never called: the plain ring has no slot words)
      lap = 0;
      return N;
    } else if constexpr (lock_free_) {
      // Relaxed: only a guess; the CAS below validates it.
      S pos = this->deq_.load(detail::memory_order_relaxed);
      for (;;) {
        const std::size_t i = st_::index(pos);
        lap = st_::lap(pos);
        // Acquire: pairs with the release in publish_(), so the element the
        // producer constructed is visible before we read it.
        const S s = this->seq_[i].load(detail::memory_order_acquire);
        const auto d = st_::diff(s, static_cast<S>(lap + 1u));
        if (d == 0) {
          // Relaxed: the CAS only claims the position (see claim_push_).
          if (this->deq_.compare_exchange_weak(pos, st_::next(pos), detail::memory_order_relaxed,
                                               detail::memory_order_relaxed))
            return i;
        } else if (d < 0) {
          return N;  // not yet filled for this lap: empty (or its producer is mid-push)
        } else {
          // Relaxed: our position was stale; take a fresh guess.
          pos = this->deq_.load(detail::memory_order_relaxed);
        }
      }
    } else {
      return detail::guard<policy_type>::run([&]() noexcept -> std::size_t {
        // Relaxed: deq_ changes only under this lock.
        const S pos = this->deq_.load(detail::memory_order_relaxed);
        const std::size_t i = st_::index(pos);
        lap = st_::lap(pos);
        // Acquire: pairs with the release in publish_() (outside the lock).
        if (this->seq_[i].load(detail::memory_order_acquire) != static_cast<S>(lap + 1u)) return N;
        this->deq_.store(st_::next(pos), detail::memory_order_relaxed);
        return i;
      });
    }
  }

  // Marks slot i full for lap `lap`.
  void publish_(std::size_t i, S lap) noexcept {
    if constexpr (!plain_) store_release_(this->seq_[i], static_cast<S>(lap + 1u));
    else (void)i, (void)lap;
  }

  // Destroys the element in slot i and marks the slot free for the next lap.
  void release_(std::size_t i, S lap) noexcept {
    this->slots_.destroy(i);
    if constexpr (!plain_) store_release_(this->seq_[i], static_cast<S>(lap + st_::P));
    else (void)lap;
  }

  // Release: a slot word store pairs with the acquire load of the next side
  // to claim the slot (claim_pop_ after publish_: the constructed element is
  // visible before it is moved out; claim_push_ after release_: the old
  // element's reads and destruction happen before the slot is reused).
  // (A static function of the word alone: GCC 12 folds identical member
  // functions of different Queue types and then misreports array bounds.)
  static void store_release_(detail::atomic<S>& word, S value) noexcept {
    word.store(value, detail::memory_order_release);
  }
};

}  // namespace mpmc
HEAPLESS_NAMESPACE_END

#endif  // HEAPLESS_MPMC_HPP
