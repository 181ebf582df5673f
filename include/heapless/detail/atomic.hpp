// SPDX-License-Identifier: BSL-1.0
// heapless/detail/atomic.hpp - the atomic words of the queues, pools and Arc
// without the cost of <atomic>.
//
// GCC and clang (HEAPLESS_DETAIL_GNU): detail::atomic<T> holds one integer or
// pointer and calls the compiler's __atomic builtins, which are what
// std::atomic's members call too: the same instructions (or the same
// libatomic calls), the same layout (aligned to at least sizeof(T), as
// std::atomic is), constant initialisation from a value, no copies, and
// ThreadSanitizer sees every access as atomic. The members are always
// inlined, as libstdc++'s are, so -Os builds inline them alike. The orders
// are the __ATOMIC_* constants under std::memory_order's names. Other
// compilers get std::atomic itself.
#ifndef HEAPLESS_DETAIL_ATOMIC_HPP
#define HEAPLESS_DETAIL_ATOMIC_HPP

#include <heapless/detail/config.hpp>  // HEAPLESS_DETAIL_GNU, HEAPLESS_NAMESPACE_BEGIN

#if !HEAPLESS_DETAIL_GNU
#include <atomic>
#endif

HEAPLESS_NAMESPACE_BEGIN
namespace detail {

#if HEAPLESS_DETAIL_GNU

enum memory_order : int {
  memory_order_relaxed = __ATOMIC_RELAXED,
  memory_order_acquire = __ATOMIC_ACQUIRE,
  memory_order_release = __ATOMIC_RELEASE,
  memory_order_acq_rel = __ATOMIC_ACQ_REL,
  memory_order_seq_cst = __ATOMIC_SEQ_CST
};

/// An integer or pointer accessed only atomically (the members std::atomic
/// has that the library uses).
template <class T>
class atomic {
 public:
  static constexpr bool is_always_lock_free = __atomic_always_lock_free(sizeof(T), nullptr);

  atomic() noexcept = default;
  constexpr atomic(T v) noexcept : v_(v) {}  // NOLINT: implicit like std::atomic's
  atomic(const atomic&) = delete;
  atomic& operator=(const atomic&) = delete;

  HEAPLESS_ALWAYS_INLINE T load(memory_order m) const noexcept { return __atomic_load_n(&v_, m); }
  HEAPLESS_ALWAYS_INLINE void store(T v, memory_order m) noexcept { __atomic_store_n(&v_, v, m); }
  HEAPLESS_ALWAYS_INLINE T exchange(T v, memory_order m) noexcept { return __atomic_exchange_n(&v_, v, m); }
  HEAPLESS_ALWAYS_INLINE T fetch_add(T v, memory_order m) noexcept { return __atomic_fetch_add(&v_, v, m); }
  HEAPLESS_ALWAYS_INLINE T fetch_sub(T v, memory_order m) noexcept { return __atomic_fetch_sub(&v_, v, m); }
  /// On failure, expected receives the value found.
  HEAPLESS_ALWAYS_INLINE bool compare_exchange_weak(T& expected, T desired, memory_order success,
                                                    memory_order failure) noexcept {
    return __atomic_compare_exchange_n(&v_, &expected, desired, true, success, failure);
  }

 private:
  // As std::atomic's: at least as aligned as the word is wide (a 64-bit
  // count on a 32-bit target is still one naturally aligned word).
#if HEAPLESS_CPP20
  alignas(sizeof(T) > alignof(T) ? sizeof(T) : alignof(T)) T v_{};  // as C++20's: value-initialised
#else
  alignas(sizeof(T) > alignof(T) ? sizeof(T) : alignof(T)) T v_;
#endif
};

HEAPLESS_ALWAYS_INLINE inline void atomic_thread_fence(memory_order m) noexcept { __atomic_thread_fence(m); }

#else

using std::atomic;
using std::atomic_thread_fence;
using std::memory_order;
using std::memory_order_acq_rel;
using std::memory_order_acquire;
using std::memory_order_relaxed;
using std::memory_order_release;
using std::memory_order_seq_cst;

#endif

}  // namespace detail
HEAPLESS_NAMESPACE_END

#endif  // HEAPLESS_DETAIL_ATOMIC_HPP
