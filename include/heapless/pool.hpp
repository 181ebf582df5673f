// SPDX-License-Identifier: BSL-1.0
// heapless/pool.hpp - Pool<T, N>: a fixed pool of N slots of T, O(1)
// allocation and release from any thread or interrupt, owning handles.
//
//   static heapless::Pool<Message, 32> messages;   // constant-initialised, all free
//   auto m = messages.try_make(42, "hello");         // Pool<Message, 32>::Box
//   if (!m) return;                                  // exhausted: empty Box
//   m->send();                                       // Box destroys the object and
//                                                    // returns the slot on scope exit
//
// Levels: try_make()/make() give an owning Box (move-only, like unique_ptr);
// try_create()/destroy() give raw T* for C interop; try_allocate()/
// deallocate() hand out uninitialised slots.
//
// Policies (third template argument, heapless::pool_policy::*):
//   lock_free         a Treiber stack of slot indices; its head packs index and
//                     ABA tag in one CAS-able word (64 bits: 32 + 32 where the
//                     target has a 64-bit CAS; else 32 bits: 16 + 16, N < 65535;
//                     Cortex-M3 and up pop with LDREX/STREX, which needs no tag).
//                     Safe from any number of threads and from interrupts.
//   critical_section<Lock>  for cores without CAS (Cortex-M0/M0+): every list
//                     operation runs between Lock::lock() and Lock::unlock();
//                     interrupt_mask (PRIMASK) is provided on Cortex-M.
//   single_thread     no atomics and no locking at all.
//   automatic         (default) lock_free where the target can CAS the head
//                     word, else critical_section<interrupt_mask> on Cortex-M;
//                     elsewhere it asks you to pick one.
//
// Construction writes nothing but zeros, so a `static` Pool lives in .bss:
// no start-up code, no flash image. single_thread / critical_section extend
// their free list lazily (slot `fresh`, a bump index 0..N, is handed out
// once the stack of recycled slots is empty); lock_free threads its list
// through all N slots from the start, encoded so that all zeros is that list
// (a link holds the next index XOR-ed with its own index + 1).
//
// Cost (see docs/pool.md for sizeof tables):
//   single_thread / critical_section: N slots of max(sizeof(T), sizeof(link))
//     bytes; a free slot holds the link to the next one (its address when T
//     is at least a pointer and its size a multiple of a pointer's alignment,
//     else index + 1 in the smallest type that holds N), plus a top link and
//     a bump index.
//   lock_free: N slots of sizeof(T), N links outside the slots (smallest index
//     type: a stale link read by a losing pop must not race with the object a
//     winner constructs in that slot) and a 64-bit (hosts) or 32-bit
//     (Cortex-M) head.
//   Debug builds (HEAPLESS_POOL_DEBUG, default HEAPLESS_ENABLE_ASSERTS) add a
//     state byte per slot to catch double frees and foreign pointers.
// All operations O(1) except available(), which walks the free list.
//
// Threads/ISRs: with lock_free every member is safe to call concurrently
// (available() is then a snapshot that may be stale when it returns); with
// critical_section it is safe from wherever Lock excludes the others; with
// single_thread, from one context only. A Box must not outlive its pool.
#ifndef HEAPLESS_POOL_HPP
#define HEAPLESS_POOL_HPP

#include <cstddef>      // std::size_t
#include <cstdint>      // std::uint8_t, std::uint32_t, std::uint64_t, std::uintptr_t
#include <new>          // placement new, std::launder
#include <type_traits>  // traits, std::conditional_t
#include <utility>      // std::forward, std::exchange

#include <heapless/detail/config.hpp>   // HEAPLESS_ASAN, HEAPLESS_LIKELY, HEAPLESS_DETAIL_CAS64/CAS32/IRQ_MASK/CORTEX_M
#include <heapless/detail/atomic.hpp>   // detail::atomic: the lock-free head
#include <heapless/detail/error.hpp>    // detail::raise, HEAPLESS_ASSERT
#include <heapless/detail/size.hpp>     // detail::smallest_size_t
#include <heapless/detail/storage.hpp>  // detail::uninit_array: constexpr storage that writes nothing

#if HEAPLESS_ASAN && defined(__has_include)
#if __has_include(<sanitizer/asan_interface.h>)
#include <sanitizer/asan_interface.h>  // ASAN_POISON_MEMORY_REGION for free slots
#define HEAPLESS_DETAIL_POOL_POISON 1
#endif
#endif
#ifndef HEAPLESS_DETAIL_POOL_POISON
#define HEAPLESS_DETAIL_POOL_POISON 0
#endif

// Per-slot state bytes that detect double free and never-allocated slots:
// HEAPLESS_POOL_DEBUG (default HEAPLESS_ENABLE_ASSERTS; set in config.hpp,
// where it selects the ABI namespace).
#if defined(HEAPLESS_POOL_NO_LLSC) != (HEAPLESS_DETAIL_ABI_L == 1)
#error "HEAPLESS_POOL_NO_LLSC must be set before the first heapless header"
#endif

// Cortex-M with Thumb-2 exclusives (M3/M4/M7/M33...): the lock-free pop is a
// load-linked/store-conditional loop instead of a CAS (see pool_lock_free_list).
#if HEAPLESS_DETAIL_CORTEX_M && HEAPLESS_DETAIL_GNU && defined(__ARM_ARCH_ISA_THUMB) && (__ARM_ARCH_ISA_THUMB == 2) && \
    defined(__ARM_FEATURE_LDREX) && ((__ARM_FEATURE_LDREX & 4) != 0) && !defined(HEAPLESS_POOL_NO_LLSC)
#define HEAPLESS_DETAIL_POOL_LLSC 1
#else
#define HEAPLESS_DETAIL_POOL_LLSC 0
#endif

HEAPLESS_NAMESPACE_BEGIN

/// Concurrency policies for Pool (third template argument).
namespace pool_policy {

/// Treiber stack with an index+tag head in one CAS-able word.
struct lock_free {};

/// No atomics, no locks: one thread (or one interrupt level) only.
struct single_thread {};

/// Every free-list operation runs inside `Lock`, a type with static members
///   S    lock() noexcept;      // enter, returning whatever unlock needs
///   void unlock(S) noexcept;   // leave (restore)
/// or `void lock()` / `void unlock()`. For single-core MCUs without CAS, mask
/// interrupts (interrupt_mask below); under an RTOS, a scheduler lock.
template <class Lock>
struct critical_section {
  /// The lock type.
  using lock_type = Lock;
};

#if HEAPLESS_DETAIL_IRQ_MASK
/// Cortex-M critical section: saves PRIMASK, masks interrupts, restores the
/// saved PRIMASK on unlock (so it nests). Needs privileged mode.
struct interrupt_mask {
  static std::uint32_t lock() noexcept {
    std::uint32_t primask;
    __asm volatile("mrs %0, primask\n\tcpsid i" : "=r"(primask) : : "memory");
    return primask;
  }
  static void unlock(std::uint32_t primask) noexcept {
    __asm volatile("msr primask, %0" : : "r"(primask) : "memory");
  }
};
#endif

/// lock_free where the target has a CAS wide enough for the head, else
/// critical_section<interrupt_mask> on Cortex-M; elsewhere a compile error.
struct automatic {};

}  // namespace pool_policy

namespace detail {

// ---- Relaxed atomic access to plain arrays ---------------------------------
// The lock-free links and the debug state bytes live in uninitialised arrays
// (constexpr O(1) construction, no start-up code) and are accessed atomically:
// a link is always stored before any thread can load it.
#if HEAPLESS_DETAIL_GNU
template <class U>
inline U pool_load(const U* p) noexcept {
  return __atomic_load_n(p, __ATOMIC_RELAXED);
}
template <class U>
inline void pool_store(U* p, U v) noexcept {
  __atomic_store_n(p, v, __ATOMIC_RELAXED);
}
template <class U>
inline U pool_exchange(U* p, U v) noexcept {
  return __atomic_exchange_n(p, v, __ATOMIC_RELAXED);
}
#else
template <class U>
inline U pool_load(const U* p) noexcept {
  return std::atomic_ref<U>(*const_cast<U*>(p)).load(std::memory_order_relaxed);
}
template <class U>
inline void pool_store(U* p, U v) noexcept {
  std::atomic_ref<U>(*p).store(v, std::memory_order_relaxed);
}
template <class U>
inline U pool_exchange(U* p, U v) noexcept {
  return std::atomic_ref<U>(*p).exchange(v, std::memory_order_relaxed);
}
#endif

// ---- The head word of the lock-free stack -----------------------------------
template <std::size_t N>
struct pool_head {
  // 64-bit CAS: 32-bit index + 32-bit tag. Else 32-bit: 16 + 16.
  static constexpr bool wide = HEAPLESS_DETAIL_CAS64 != 0;
  using type = std::conditional_t<wide, std::uint64_t, std::uint32_t>;
  static constexpr unsigned index_bits = wide ? 32u : 16u;
  static constexpr type index_mask = (type{1} << index_bits) - 1u;
  static constexpr type tag_one = type{1} << index_bits;
  // The head stores index + 1 (0 = empty), so N itself must fit.
  static constexpr bool supported =
      (HEAPLESS_DETAIL_CAS64 != 0 || HEAPLESS_DETAIL_CAS32 != 0) && N < index_mask;
};

template <class Policy, std::size_t N>
struct resolve_pool_policy {
  using type = Policy;
};
template <std::size_t N>
struct resolve_pool_policy<pool_policy::automatic, N> {
#if HEAPLESS_DETAIL_IRQ_MASK
  using type = std::conditional_t<pool_head<N>::supported, pool_policy::lock_free,
                                  pool_policy::critical_section<pool_policy::interrupt_mask>>;
#else
  using type = pool_policy::lock_free;  // checked by Pool's static_assert
#endif
};

template <class Policy>
struct is_critical_section : std::false_type {};
template <class Lock>
struct is_critical_section<pool_policy::critical_section<Lock>> : std::true_type {};

// Runs f() under Lock (critical_section) or directly (single_thread); Pool,
// ObjectPool, Arc and mpmc::Queue take their locks through it.
template <class Policy>
struct pool_guard {
  template <class F>
  static auto run(F&& f) noexcept {
    return f();
  }
};
template <class Lock>
struct pool_guard<pool_policy::critical_section<Lock>> {
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

// ---- One free slot's bytes ----------------------------------------------------
template <std::size_t Size, std::size_t Align>
struct alignas(Align) pool_slot {
  unsigned char bytes[Size];
};

// ---- ASan: free slots are poisoned -------------------------------------------
// Only when every slot covers whole 8-byte shadow granules: slots sharing a
// granule would need read-modify-write of shadow bytes, which races between
// threads and cannot express "first bytes poisoned, rest live".
template <std::size_t Stride, std::size_t Align>
struct pool_poison {
  static constexpr bool enabled = HEAPLESS_DETAIL_POOL_POISON != 0 && Stride % 8 == 0 && Align >= 8;
  static void poison(const void* p) noexcept {
#if HEAPLESS_DETAIL_POOL_POISON
    if constexpr (enabled) ASAN_POISON_MEMORY_REGION(p, Stride);
    else (void)p;
#else
    (void)p;
#endif
  }
  static void unpoison(const void* p) noexcept {
#if HEAPLESS_DETAIL_POOL_POISON
    if constexpr (enabled) ASAN_UNPOISON_MEMORY_REGION(p, Stride);
    else (void)p;
#else
    (void)p;
#endif
  }
};

// ---- Free lists -----------------------------------------------------------------
// Both hand out slots (nullptr: none left). Slot i is free when it is
// on the stack of recycled slots or when i >= fresh (never used yet).

/// single_thread and critical_section: the link of a free slot is stored in
/// the slot itself. When T is at least pointer-sized (and its size a multiple
/// of a pointer's alignment), the link is the next free slot's address and
/// slots are aligned for it: the hot path is then exactly a classic intrusive
/// free list, at no memory cost (the stride stays sizeof(T); the pool is
/// immovable, so the addresses stay valid). Smaller T link by index + 1 (0 = end) in the
/// smallest type that holds N, so the slot is max(sizeof(T), sizeof(index)).
template <class T, std::size_t N, class Policy>
class pool_locked_list {
 public:
  static constexpr bool pointer_links = sizeof(T) >= sizeof(void*) && sizeof(T) % alignof(void*) == 0;
  using index_t = smallest_size_t<N>;
  using link_t = std::conditional_t<pointer_links, void*, index_t>;
  using slot_t = pool_slot<(sizeof(T) > sizeof(link_t) ? sizeof(T) : sizeof(link_t)),
                           (alignof(T) > alignof(link_t) ? alignof(T) : alignof(link_t))>;
  using poison = pool_poison<sizeof(slot_t), alignof(slot_t)>;

  constexpr pool_locked_list() noexcept = default;

  /// The most recently freed slot, else a never-used one, else nullptr.
  slot_t* pop(slot_t* slots) noexcept {
    return pool_guard<Policy>::run([&]() noexcept -> slot_t* {
      slot_t* s = slot_of(slots, top_);
      if (HEAPLESS_LIKELY(s != nullptr)) {
        poison::unpoison(s);
        top_ = link_in(s);
        return s;
      }
      if (HEAPLESS_LIKELY(fresh_ < N)) return slots + fresh_++;
      return nullptr;
    });
  }

  /// Puts slot s (index i) on top of the stack.
  void push(slot_t* s, std::size_t i) noexcept {
    pool_guard<Policy>::run([&]() noexcept {
      ::new (static_cast<void*>(s->bytes)) link_t(top_);  // a free slot holds just its link
      poison::poison(s);
      if constexpr (pointer_links) {
        top_ = s;
        (void)i;
      } else {
        top_ = static_cast<link_t>(i + 1u);
      }
      return 0;
    });
  }

  std::size_t available(const slot_t* slots) const noexcept {
    return pool_guard<Policy>::run([&]() noexcept {
      std::size_t n = N - static_cast<std::size_t>(fresh_);
      for (link_t l = top_; n < N; ++n) {
        const slot_t* s = slot_of(const_cast<slot_t*>(slots), l);
        if (s == nullptr) break;
        poison::unpoison(s);
        l = link_in(s);
        poison::poison(s);
      }
      return n;
    });
  }

 private:
  static link_t link_in(const slot_t* s) noexcept {
    return *std::launder(static_cast<const link_t*>(static_cast<const void*>(s->bytes)));
  }

  static slot_t* slot_of(slot_t* slots, link_t l) noexcept {
    if constexpr (pointer_links) {
      (void)slots;
      return static_cast<slot_t*>(l);
    } else {
      // size_t arithmetic, so "- 1" folds into the address computation.
      const std::size_t top = l;
      return HEAPLESS_LIKELY(top != 0) ? slots + (top - 1u) : nullptr;
    }
  }

  link_t top_{};       // most recently freed slot (address, or index + 1); 0 = none
  index_t fresh_ = 0;  // slots [fresh_, N) have never been handed out
};

/// lock_free: Treiber stack. Links live outside the slots (see pop()).
///
/// The list is threaded through all N slots from the start, and its all-zero
/// state is that list: the head holds the top index (N = empty) and a link
/// holds the next index XOR-ed with the index of the slot after it:
/// links_[i] == 0 means "next is i + 1", and slot N - 1's next is N (the
/// end). So zero-initialisation is the whole constructor (a static pool is
/// constant-initialised into .bss) and there is no separate never-used
/// region to track: a pop is one CAS on one word. (XOR rather than a
/// difference: both operands fit the link type, so the result needs no
/// truncation.)
template <class T, std::size_t N>
class pool_lock_free_list {
  using head = pool_head<N>;
  using head_t = typename head::type;

 public:
  using link_t = smallest_size_t<N>;
  using slot_t = pool_slot<sizeof(T), alignof(T)>;
  using poison = pool_poison<sizeof(slot_t), alignof(slot_t)>;

  static_assert(head::supported,
                "Pool: this target has no compare-and-swap wide enough for the lock-free head "
                "(or N is too large for it); use pool_policy::critical_section<Lock> or single_thread");
  static_assert(sizeof(T) != 0 && detail::atomic<head_t>::is_always_lock_free,  // dependent: checked
                "Pool: the head word must be lock-free");                      // on instantiation

  constexpr pool_lock_free_list() noexcept = default;

  /// The free slot on top of the stack, or nullptr.
  slot_t* pop(slot_t* slots) noexcept {
#if HEAPLESS_DETAIL_POOL_LLSC
    if constexpr (ll_sc) {
      const std::size_t i = pop_llsc();
      if (HEAPLESS_UNLIKELY(i == N)) return nullptr;
      // acquire: pairs with the release CAS of the push that installed this
      // head (the slot's previous contents are visible to its new owner).
      detail::atomic_thread_fence(detail::memory_order_acquire);
      poison::unpoison(slots + i);
      return slots + i;
    }
#endif
    // acquire: pairs with the release CAS of the push that installed this
    // head, so the link we read next and the slot's previous contents
    // (the object destroyed before it was freed) are visible.
    head_t h = head_.load(detail::memory_order_acquire);
    for (;;) {
      const std::size_t i = static_cast<std::size_t>(h & head::index_mask);
      // Empty when we looked: a moment at which the pool had no free slot,
      // so the failure is linearisable, not spurious.
      if (HEAPLESS_UNLIKELY(i == N)) return nullptr;
      // relaxed: may be stale if another thread pops i first (and even
      // pushes it again); the tag makes our CAS fail then. The link is kept
      // outside the slot, so this load never races with the new owner
      // writing its object into slot i: it is an atomic load racing only
      // with atomic stores, which TSan and the memory model accept.
      const link_t next = static_cast<link_t>((i + 1u) ^ pool_load(links_ + i));
      // The tag advances on every pop: a head that was popped and pushed
      // back between our load and CAS (ABA) no longer compares equal.
      const head_t desired = ((h & ~head::index_mask) + head::tag_one) | static_cast<head_t>(next);
      // success acquire: same reason as the load above (C++17 also wants
      // success >= failure). failure acquire: h is reloaded and we read the
      // link of the new head.
      if (head_.compare_exchange_weak(h, desired, detail::memory_order_acquire, detail::memory_order_acquire)) {
        poison::unpoison(slots + i);
        return slots + i;
      }
    }
  }

  /// Puts slot s (index i) on top of the stack.
  void push(slot_t* s, std::size_t i) noexcept {
    // Poison before publishing: once the CAS succeeds another thread may pop
    // the slot and unpoison it.
    poison::poison(s);
    // relaxed: the value only seeds the link; the CAS below validates it.
    head_t h = head_.load(detail::memory_order_relaxed);
    for (;;) {
      // relaxed: published by the release CAS below. The old top, XOR i + 1.
      pool_store(links_ + i, static_cast<link_t>(static_cast<std::size_t>(h & head::index_mask) ^ (i + 1u)));
      // (With ll_sc the tag bits are always zero: nothing to keep.)
      const head_t desired = (ll_sc ? head_t{0} : h & ~head::index_mask) | static_cast<head_t>(i);
      // success release: the link above and everything the freeing thread
      // did to the slot (destroying the object) happen-before the next pop.
      // failure relaxed: we only retry with the reloaded value.
      if (head_.compare_exchange_weak(h, desired, detail::memory_order_release, detail::memory_order_relaxed)) return;
    }
  }

  std::size_t available(const slot_t*) const noexcept {
    // A snapshot: exact when no other thread is using the pool; while others
    // allocate and free it may be off by their operations (it follows links
    // that may be stale), but it is always in [0, N]: the walk is bounded.
    std::size_t n = 0;
    for (std::size_t i = static_cast<std::size_t>(head_.load(detail::memory_order_acquire) & head::index_mask);
         i < N && n < N; ++n)
      i = static_cast<link_t>((i + 1u) ^ pool_load(links_ + i));
    return n;
  }

 private:
  // Cortex-M3 and up pop with LDREX/STREX and need no ABA tag: the STREX
  // stores the new head only if nothing has stored to the head since the
  // LDREX (every push and pop does), and an exception entry or return clears
  // the exclusive monitor, so a pop preempted by a handler retries. Between
  // the two only loads run (the link), which leave the monitor alone.
  // Elsewhere (hosts, and wherever exclusives cannot be used directly) the
  // pop is a CAS with the tag.
  static constexpr bool ll_sc = HEAPLESS_DETAIL_POOL_LLSC != 0 && sizeof(head_t) == 4 && sizeof(link_t) <= 2;

#if HEAPLESS_DETAIL_POOL_LLSC
  // One pop attempt loop: returns the popped index, or N when the stack was
  // empty at the LDREX (a moment with no free slot: linearisable).
  std::size_t pop_llsc() noexcept {
    static_assert(sizeof(detail::atomic<head_t>) == sizeof(std::uint32_t), "the head is one 32-bit word");
    void* const h = &head_;
    std::uint32_t i, next, failed;
#define HEAPLESS_DETAIL_POOL_POP_LLSC(LOAD)                                             \
  __asm volatile("1:\n\t"                                                               \
                 "ldrex  %[i], [%[head]]\n\t"                                          \
                 "cmp    %[i], %[n]\n\t"                                               \
                 "beq    2f\n\t"                                                       \
                 LOAD "\n\t"                                                           \
                 "adds   %[failed], %[i], #1\n\t"                                      \
                 "eors   %[next], %[next], %[failed]\n\t"                              \
                 "strex  %[failed], %[next], [%[head]]\n\t"                            \
                 "cmp    %[failed], #0\n\t"                                            \
                 "bne    1b\n"                                                         \
                 "2:\n\t"                                                              \
                 "clrex" /* after a success the monitor is already clear: harmless */  \
                 : [i] "=&r"(i), [next] "=&r"(next), [failed] "=&r"(failed)            \
                 : [head] "r"(h), [links] "r"(links_), [n] "rI"(static_cast<std::uint32_t>(N)) \
                 : "cc", "memory")
    if constexpr (sizeof(link_t) == 1) {
      HEAPLESS_DETAIL_POOL_POP_LLSC("ldrb   %[next], [%[links], %[i]]");
    } else {
      HEAPLESS_DETAIL_POOL_POP_LLSC("ldrh   %[next], [%[links], %[i], lsl #1]");
    }
#undef HEAPLESS_DETAIL_POOL_POP_LLSC
    return i;
  }
#endif

  detail::atomic<head_t> head_{0};  // (tag << index_bits) | top index; top == N: empty
  link_t links_[N] = {};         // links_[i]: index of the slot below i, XOR (i + 1)
};

template <class T, std::size_t N, class Policy>
struct pool_list_for {
  using type = pool_locked_list<T, N, Policy>;
};
template <class T, std::size_t N>
struct pool_list_for<T, N, pool_policy::lock_free> {
  using type = pool_lock_free_list<T, N>;
};

}  // namespace detail

/// True when pool_policy::lock_free compiles for N slots on this target (it
/// has a compare-and-swap as wide as the head word, and N fits its index).
template <std::size_t N>
inline constexpr bool pool_lock_free_available = detail::pool_head<N>::supported;

/// A pool of N slots of T; see the top of this file.
template <class T, std::size_t N, class Policy = pool_policy::automatic>
class Pool {
  static_assert(N > 0, "Pool: N must be at least 1");
  static_assert(std::is_object_v<T> && !std::is_array_v<T> && !std::is_const_v<T>,
                "Pool: T must be a non-const, non-array object type");
  static_assert(std::is_nothrow_destructible_v<T>, "Pool: T's destructor must not throw");

 public:
  /// The policy in effect (pool_policy::automatic resolved for this target).
  using policy_type = typename detail::resolve_pool_policy<Policy, N>::type;
  static_assert(std::is_same_v<policy_type, pool_policy::lock_free> ||
                    std::is_same_v<policy_type, pool_policy::single_thread> ||
                    detail::is_critical_section<policy_type>::value,
                "Pool: Policy must be one of heapless::pool_policy::*");

 private:
  using list_t = typename detail::pool_list_for<T, N, policy_type>::type;
  using slot_t = typename list_t::slot_t;

 public:
  /// Element type.
  using value_type = T;
  /// Size type.
  using size_type = std::size_t;

  /// Owning handle to one object in a Pool: move-only, like std::unique_ptr.
  /// Destroying (or reset()ing) a non-empty Box destroys the object and
  /// returns its slot. Two pointers wide. Must not outlive its pool.
  class Box {
   public:
    /// Element type.
    using element_type = T;
    /// The Pool this Box belongs to.
    using pool_type = Pool;

    /// An empty Box.
    constexpr Box() noexcept = default;
    /// An empty Box (from nullptr).
    constexpr Box(std::nullptr_t) noexcept {}  // NOLINT: implicit like unique_ptr
    /// Takes other's object; other becomes empty.
    Box(Box&& other) noexcept : ptr_(std::exchange(other.ptr_, nullptr)), pool_(other.pool_) {}
    /// Destroys the current object (if any), then takes other's; other becomes empty. Self-assignment does nothing.
    Box& operator=(Box&& other) noexcept {
      if (this != &other) {
        reset();
        ptr_ = std::exchange(other.ptr_, nullptr);
        pool_ = other.pool_;
      }
      return *this;
    }
    /// Destroys the object (as reset()); the Box becomes empty.
    Box& operator=(std::nullptr_t) noexcept {
      reset();
      return *this;
    }
    Box(const Box&) = delete;
    Box& operator=(const Box&) = delete;
    ~Box() { reset(); }

    /// Precondition: non-empty (checked by HEAPLESS_ASSERT).
    T& operator*() const noexcept {
      HEAPLESS_ASSERT(ptr_ != nullptr, "Pool::Box: dereferencing an empty Box");
      return *ptr_;
    }
    /// Precondition: non-empty (checked by HEAPLESS_ASSERT).
    T* operator->() const noexcept {
      HEAPLESS_ASSERT(ptr_ != nullptr, "Pool::Box: dereferencing an empty Box");
      return ptr_;
    }
    /// The object, or nullptr when empty.
    T* get() const noexcept { return ptr_; }
    /// true when the Box holds an object.
    explicit operator bool() const noexcept { return ptr_ != nullptr; }
    /// The pool the object came from; nullptr if the Box never held one (a
    /// default-constructed Box, or the empty Box try_make returns from an
    /// exhausted pool). It stays set after reset() and release(), so a
    /// released object can go back with pool()->destroy(p).
    Pool* pool() const noexcept { return pool_; }

    /// Destroys the object and returns its slot; the Box becomes empty.
    void reset() noexcept {
      if (T* p = std::exchange(ptr_, nullptr)) pool_->destroy(p);
    }
    /// Gives up ownership: the caller must later call pool()->destroy(p).
    [[nodiscard]] T* release() noexcept { return std::exchange(ptr_, nullptr); }

    /// Exchanges the objects (and pools) of the two Boxes.
    void swap(Box& other) noexcept {
      std::swap(ptr_, other.ptr_);
      std::swap(pool_, other.pool_);
    }
    friend void swap(Box& a, Box& b) noexcept { a.swap(b); }
    friend bool operator==(const Box& b, std::nullptr_t) noexcept { return b.ptr_ == nullptr; }
    friend bool operator!=(const Box& b, std::nullptr_t) noexcept { return b.ptr_ != nullptr; }

   private:
    friend class Pool;
    // An empty Box (an exhausted pool) names no pool: see pool().
    Box(T* p, Pool* owner) noexcept : ptr_(p), pool_(p != nullptr ? owner : nullptr) {}
    T* ptr_ = nullptr;
    Pool* pool_ = nullptr;
  };

  /// All N slots free. Writes only zeros: a static Pool is constant-initialised
  /// into .bss. O(1).
  constexpr Pool() noexcept = default;
  /// Live objects are not destroyed (the pool does not know them): destroy or
  /// reset every Box/pointer first. Trivial destructor.
  ~Pool() = default;
  Pool(const Pool&) = delete;  // handles point into the pool
  Pool& operator=(const Pool&) = delete;

  // ---- Owning handles ----------------------------------------------------

  /// Constructs a T from args in a free slot. Empty Box when the pool is
  /// exhausted (args are not touched then). If T's constructor throws, the
  /// slot is returned and the exception propagates. O(1).
  template <class... Args>
  [[nodiscard]] Box try_make(Args&&... args) noexcept(std::is_nothrow_constructible_v<T, Args...>) {
    return Box(try_create(std::forward<Args>(args)...), this);
  }

  /// As try_make, but exhaustion goes through the error path
  /// (error_kind::bad_alloc: std::bad_alloc with exceptions, else the handler).
  template <class... Args>
  [[nodiscard]] Box make(Args&&... args) {
    return Box(create(std::forward<Args>(args)...), this);
  }

  // ---- Raw objects -----------------------------------------------------------

  /// Constructs a T in a free slot; nullptr when exhausted. Release it with
  /// destroy(). If T's constructor throws, the slot is returned. O(1).
  template <class... Args>
  [[nodiscard]] T* try_create(Args&&... args) noexcept(std::is_nothrow_constructible_v<T, Args...>) {
    void* slot = try_allocate();
    if (HEAPLESS_UNLIKELY(slot == nullptr)) return nullptr;
    return construct_in(slot, std::forward<Args>(args)...);
  }

  /// As try_create, but exhaustion raises error_kind::bad_alloc.
  template <class... Args>
  [[nodiscard]] T* create(Args&&... args) {
    void* slot = try_allocate();
    if (HEAPLESS_UNLIKELY(slot == nullptr)) detail::raise(error_kind::bad_alloc, "Pool: exhausted");
    return construct_in(slot, std::forward<Args>(args)...);
  }

  /// Destroys *p and returns its slot; nullptr is ignored. Precondition: p
  /// came from this pool and is live (checked in debug builds). O(1).
  void destroy(T* p) noexcept {
    if (HEAPLESS_UNLIKELY(p == nullptr)) return;
    check_live(p);
    detail::destroy_at(p);
    deallocate(p);
  }

  // ---- Uninitialised slots ---------------------------------------------------

  /// A free slot of sizeof(T) bytes aligned for T, or nullptr when exhausted. O(1).
  [[nodiscard]] void* try_allocate() noexcept {
    slot_t* s = list_.pop(slots());
    if (HEAPLESS_UNLIKELY(s == nullptr)) return nullptr;
    mark(static_cast<std::size_t>(s - slots()), slot_live);
    return s->bytes;
  }

  /// Returns a slot from try_allocate() (any object in it already destroyed);
  /// nullptr is ignored. Precondition: p is a live slot of this pool
  /// (foreign pointers and double frees are caught in debug builds). O(1).
  void deallocate(void* p) noexcept {
    if (HEAPLESS_UNLIKELY(p == nullptr)) return;
    const std::size_t i = index_of(p);
    mark_free(i);
    list_.push(static_cast<slot_t*>(p), i);
  }

  // ---- Observers -------------------------------------------------------------

  /// The number of slots (N).
  static constexpr size_type capacity() noexcept { return N; }

  /// Free slots right now. With lock_free and concurrent users, a snapshot
  /// that may already be stale. O(number of recycled free slots).
  size_type available() const noexcept { return list_.available(slots()); }

  /// True when p points at a slot of this pool (live or not). O(1).
  bool owns(const T* p) const noexcept { return slot_offset(p) < N * sizeof(slot_t) &&
                                                slot_offset(p) % sizeof(slot_t) == 0; }

 private:
  static constexpr std::uint8_t slot_free = 0;
  static constexpr std::uint8_t slot_live = 1;

  slot_t* slots() noexcept { return storage_.data(); }
  const slot_t* slots() const noexcept { return storage_.data(); }

  std::size_t slot_offset(const void* p) const noexcept {
    // Compared as integers: relational operators on unrelated pointers are
    // unspecified. Below the pool wraps to a huge offset. Returned without a
    // cast: uintptr_t is size_t on the supported targets (-Wuseless-cast).
    return reinterpret_cast<std::uintptr_t>(p) - reinterpret_cast<std::uintptr_t>(slots());
  }

  std::size_t index_of(const void* p) const noexcept {
    const std::size_t off = slot_offset(p);
    HEAPLESS_ASSERT(off < N * sizeof(slot_t) && off % sizeof(slot_t) == 0,
                    "Pool: freeing a pointer that is not a slot of this pool");
    return off / sizeof(slot_t);
  }

  template <class... Args>
  T* construct_in(void* slot, Args&&... args) noexcept(std::is_nothrow_constructible_v<T, Args...>) {
    if constexpr (std::is_nothrow_constructible_v<T, Args...>) {
      return ::new (slot) T(std::forward<Args>(args)...);
    } else {
      // Returns the slot if the constructor throws (no try/catch needed, so
      // this also compiles with -fno-exceptions).
      struct guard {
        Pool* pool;
        void* slot;
        ~guard() {
          if (slot != nullptr) pool->deallocate(slot);
        }
      } g{this, slot};
      T* p = ::new (slot) T(std::forward<Args>(args)...);
      g.slot = nullptr;
      return p;
    }
  }

#if HEAPLESS_POOL_DEBUG
  void mark(std::size_t i, std::uint8_t s) noexcept { detail::pool_store(state_ + i, s); }
  void mark_free(std::size_t i) noexcept {
    // A slot never handed out is still slot_free (the array starts zeroed).
    const std::uint8_t before = detail::pool_exchange(state_ + i, slot_free);
    HEAPLESS_ASSERT(before == slot_live, "Pool: freeing a slot that is not live (double free, or never allocated)");
    (void)before;
  }
  void check_live(const T* p) const noexcept {
    const std::size_t i = index_of(p);
    HEAPLESS_ASSERT(detail::pool_load(state_ + i) == slot_live,
                    "Pool: destroying an object that is not live (double free?)");
    (void)i;
  }
#else
  void mark(std::size_t, std::uint8_t) noexcept {}
  void mark_free(std::size_t) noexcept {}
  void check_live(const T*) const noexcept {}
#endif

  detail::uninit_array<slot_t, N> storage_;
  list_t list_;
#if HEAPLESS_POOL_DEBUG
  // state_[i]: slot_live while slot i is handed out; zero (slot_free) from
  // the start, so a static pool stays in .bss.
  std::uint8_t state_[N] = {};
#endif
};

HEAPLESS_NAMESPACE_END

#undef HEAPLESS_DETAIL_POOL_POISON
#undef HEAPLESS_DETAIL_POOL_LLSC

#endif  // HEAPLESS_POOL_HPP
