// SPDX-License-Identifier: BSL-1.0
// heapless/arc.hpp - Arc<T>: shared ownership of an object in a fixed pool
// (ArcPool<T, N>), with an atomic reference count; the last owner destroys
// the object and returns its slot. The heap-free counterpart of
// std::shared_ptr + std::make_shared.
//
//   static heapless::ArcPool<Packet, 8> packets;       // constant-initialised
//   heapless::Arc<Packet> p = packets.try_make_shared(rx_buffer);
//   if (!p) return;                                   // pool exhausted: empty Arc
//   logger.try_push(p);                               // copy: count 2
//   parser.try_push(std::move(p));                    // move: count untouched
//   // whichever of logger/parser drops its copy last frees the packet
//
// Tiers: try_make_shared(args...) returns an empty Arc when the pool is
// exhausted; make_shared(args...) raises error_kind::bad_alloc then
// (std::bad_alloc with exceptions, else the error handler).
//
// Counting. Copying a non-empty Arc increments the count (relaxed: a new
// owner comes from an existing one, which already keeps the object alive);
// destroying or resetting one decrements it with acq_rel: release so that
// this owner's uses of the object happen before its destruction, acquire so
// that the last owner sees every other owner's uses before destroying it. An
// owner that reads a count of 1 (acquire) is the only one and skips the
// decrement: nobody else holds a handle that could be copied meanwhile.
// Moves, get(), *, -> and comparisons never touch the count. use_count() is
// a relaxed snapshot.
//
// Policies (third template argument of ArcPool, second of Arc; the
// heapless::pool_policy types): lock_free (atomic read-modify-write on the
// count; on Cortex-M3 and up a LDREX/STREX loop), critical_section<Lock>
// (the count is read and written inside Lock), single_thread (plain), and
// automatic (default): lock_free where the target has a 32-bit
// compare-and-swap, else critical_section<interrupt_mask> on Cortex-M
// (M0/M0+). The pool's free list follows Pool's own choice for the same
// policy. Every Arc of one pool has the pool's policy (Arc<T, Policy>; the
// default makes that plain Arc<T>).
//
// Threads/ISRs: with lock_free, Arcs that share an object may be copied and
// dropped concurrently from any threads and interrupt handlers (like
// std::shared_ptr, one Arc object itself is not to be modified by two
// threads at once). A last drop from an interrupt handler runs T's
// destructor there. The pool must outlive every Arc.
//
// Costs per object: one slot of sizeof(T) + a 32-bit count, rounded up to
// alignof(T) (8 bytes for an int, sizeof(T) + 8 for 8-aligned T), plus
// Pool's per-slot overhead (a link of one or two bytes with lock_free, none
// otherwise; a debug state byte with HEAPLESS_POOL_DEBUG). A handle is two
// pointers (object, pool), like std::shared_ptr; std::make_shared puts a
// control block of two 32-bit counts and a vtable pointer (16 bytes on
// 64-bit hosts) before T and adds malloc's chunk header and rounding (8-16
// bytes with glibc). The pool's own fixed cost: one function pointer plus
// Pool's head; the pointer is stored by the first make, not the constructor,
// so a static pool is all zeros (.bss, no flash image; see arc_pool_base).
// Operations: O(1); copy and drop are one atomic add each (lock_free).
#ifndef HEAPLESS_ARC_HPP
#define HEAPLESS_ARC_HPP

#include <cstddef>      // std::size_t, std::nullptr_t
#include <cstdint>      // std::uint32_t
#include <optional>     // std::hash (declared by every header that specialises it)
#include <type_traits>  // traits
#include <utility>      // std::forward, std::exchange, std::swap

#include <heapless/detail/config.hpp>  // HEAPLESS_UNLIKELY, HEAPLESS_DETAIL_CAS32, HEAPLESS_DETAIL_IRQ_MASK
#include <heapless/detail/atomic.hpp>  // detail::atomic: the reference count
#include <heapless/detail/error.hpp>   // detail::raise, HEAPLESS_ASSERT
#include <heapless/pool.hpp>           // Pool: the slots; pool_policy::*

#if HEAPLESS_HAS_THREE_WAY
#include <compare>  // std::strong_ordering: operator<=>
#endif

HEAPLESS_NAMESPACE_BEGIN

template <class T, class Policy = pool_policy::automatic>
class Arc;
template <class T, std::size_t N, class Policy = pool_policy::automatic>
class ArcPool;

namespace detail {

/// The policy of an Arc's count: automatic resolved for a 32-bit counter.
template <class Policy>
struct resolve_arc_policy {
  using type = Policy;
};
template <>
struct resolve_arc_policy<pool_policy::automatic> {
#if HEAPLESS_DETAIL_CAS32
  using type = pool_policy::lock_free;
#elif HEAPLESS_DETAIL_IRQ_MASK
  using type = pool_policy::critical_section<pool_policy::interrupt_mask>;
#else
  using type = void;  // rejected by Arc's static_assert
#endif
};

struct arc_in_place_t {};

/// One pool slot: the count, then the object.
template <class T>
struct arc_node {
  template <class... Args>
  explicit arc_node(arc_in_place_t, Args&&... args) noexcept(std::is_nothrow_constructible_v<T, Args...>)
      : value(std::forward<Args>(args)...) {}
  detail::atomic<std::uint32_t> count{1};
  T value;
};

/// What an Arc needs from its pool: a way to destroy the node and return its
/// slot, without knowing N (one function pointer per pool, none per object).
/// With lock_free the Arc calls it when the last owner leaves; with the
/// locked policies (arc_count<>::drop_in_pool) at every drop, and the
/// function counts down first: one out-of-line function per pool instead of
/// a count function per Arc type and the pool's destroy.
///
/// The pointer starts null and every make stores it (on hosts only when it
/// differs) instead of the constructor: a non-zero constant anywhere in
/// the pool would put the whole static pool, slots included, in .data, whose
/// initial image takes flash and is copied at start-up; all zeros is .bss.
/// Every Arc comes from a make of its pool, so the pointer is set before any
/// Arc exists that could need it.
template <class T>
struct arc_pool_base {
  using destroy_fn = void (*)(arc_pool_base*, arc_node<T>*) noexcept;
  constexpr arc_pool_base() noexcept = default;
  void set_destroy(destroy_fn f) noexcept {
    // Relaxed: every make stores the same value. An Arc reaches the context
    // that drops it through whatever handed it over (the same thread, or a
    // synchronising queue), which orders this store before destroy()'s load.
#if HEAPLESS_CACHE_LINE == 0
    // No cache lines to keep clean (microcontrollers): one store is less
    // code than a load, a compare and a store.
    destroy_.store(f, detail::memory_order_relaxed);
#else
    // Written only when it differs: a store at every call would write the
    // pool's first line, shared with other cores, on every call.
    if (destroy_.load(detail::memory_order_relaxed) != f) destroy_.store(f, detail::memory_order_relaxed);
#endif
  }
  destroy_fn destroy() const noexcept {
    // Relaxed: see set_destroy().
    return destroy_.load(detail::memory_order_relaxed);
  }
  detail::atomic<destroy_fn> destroy_{nullptr};
};

/// Count operations for one policy.
template <class Policy>
struct arc_count {
  /// Whether a drop is the pool's function (see arc_pool_base): false, the
  /// atomic count stays inline where it is cheapest, in the caller.
  static constexpr bool drop_in_pool = false;
  static void increment(detail::atomic<std::uint32_t>& c) noexcept {
    // Relaxed: the new owner comes from an existing one, which keeps the
    // object alive; no other memory is published by a copy.
    const std::uint32_t before = c.fetch_add(1, detail::memory_order_relaxed);
    HEAPLESS_ASSERT(before != 0xFFFFFFFFu, "Arc: reference count overflow");
    (void)before;
  }
  /// True when this was the last owner.
  static bool decrement(detail::atomic<std::uint32_t>& c) noexcept {
    // A count of 1 seen by an owner means it is the only one: no other
    // handle exists to copy from, so the count cannot rise again and the
    // read-modify-write can be skipped (a unique Arc drops with a plain
    // load). Acquire: pairs with the release part of the decrements of the
    // owners that left, so their uses of the object happen before the
    // destruction.
    if (c.load(detail::memory_order_acquire) == 1) return true;
    // acq_rel: release orders this owner's uses of the object before the
    // destruction; acquire (effective for the last owner, which reads the
    // value every other owner's release wrote) orders all of them before it.
    return c.fetch_sub(1, detail::memory_order_acq_rel) == 1;
  }
};
template <class Guarded>
struct arc_count_guarded {
  /// A drop calls the pool's function, which counts down (see arc_pool_base).
  static constexpr bool drop_in_pool = true;
  static void increment(detail::atomic<std::uint32_t>& c) noexcept {
    pool_guard<Guarded>::run([&]() noexcept {
      // Relaxed: the count changes only inside this guard, which orders it.
      const std::uint32_t v = c.load(detail::memory_order_relaxed);
      HEAPLESS_ASSERT(v != 0xFFFFFFFFu, "Arc: reference count overflow");
      c.store(v + 1u, detail::memory_order_relaxed);
      return 0;
    });
  }
  static bool decrement(detail::atomic<std::uint32_t>& c) noexcept {
    return pool_guard<Guarded>::run([&]() noexcept {
      // Relaxed: inside the guard (see increment).
      // (The new value compared with 0: one value live, not two.)
      const std::uint32_t v = c.load(detail::memory_order_relaxed) - 1u;
      c.store(v, detail::memory_order_relaxed);
      return v == 0;
    });
  }
};
template <>
struct arc_count<pool_policy::single_thread> : arc_count_guarded<pool_policy::single_thread> {};
template <class Lock>
struct arc_count<pool_policy::critical_section<Lock>> : arc_count_guarded<pool_policy::critical_section<Lock>> {};

}  // namespace detail

/// A shared owner of an object in an ArcPool; see the top of this file.
/// Copyable (the count goes up), movable (the count is untouched), two
/// pointers wide. An empty Arc owns nothing.
template <class T, class Policy>
class Arc {
 public:
  /// Element type.
  using element_type = T;
  /// The count policy in effect (automatic resolved for this target).
  using policy_type = typename detail::resolve_arc_policy<Policy>::type;
  static_assert(!std::is_void_v<policy_type>,
                "Arc: this target has no 32-bit compare-and-swap and no known interrupt mask: "
                "pass pool_policy::critical_section<YourLock> or pool_policy::single_thread");

  /// An empty Arc.
  constexpr Arc() noexcept = default;
  /// An empty Arc (from nullptr).
  constexpr Arc(std::nullptr_t) noexcept {}  // NOLINT: implicit like shared_ptr
  /// Shares other's object (count + 1 when non-empty).
  Arc(const Arc& other) noexcept : node_(other.node_), pool_(other.pool_) {
    if (node_ != nullptr) count::increment(node_->count);
  }
  /// Takes other's ownership; other becomes empty. The count is untouched.
  Arc(Arc&& other) noexcept : node_(std::exchange(other.node_, nullptr)), pool_(other.pool_) {}
  /// True for another policy argument that resolves to this count policy.
  template <class P>
  static constexpr bool same_count_v =
      !std::is_same_v<P, Policy> && std::is_same_v<typename detail::resolve_arc_policy<P>::type, policy_type>;
  /// Shares the object of an Arc whose policy argument differs but resolves
  /// to the same count policy (`Arc<T, pool_policy::lock_free>` and `Arc<T>`
  /// where automatic is lock_free): the same handle under another name.
  template <class P, std::enable_if_t<same_count_v<P>, int> = 0>
  Arc(const Arc<T, P>& other) noexcept : node_(other.node_), pool_(other.pool_) {  // NOLINT: implicit
    if (node_ != nullptr) count::increment(node_->count);
  }
  /// Takes the ownership of such an Arc; other becomes empty. The count is
  /// untouched.
  template <class P, std::enable_if_t<same_count_v<P>, int> = 0>
  Arc(Arc<T, P>&& other) noexcept  // NOLINT: implicit
      : node_(std::exchange(other.node_, nullptr)), pool_(other.pool_) {}
  /// Shares other's object and drops the previous one; self-assignment is safe.
  Arc& operator=(const Arc& other) noexcept {
    // Increment first: self-assignment (and an other that the dropped object
    // owns) stay safe.
    if (other.node_ != nullptr) count::increment(other.node_->count);
    replace_(other.node_, other.pool_);
    return *this;
  }
  /// Takes other's ownership and drops the previous one; other becomes empty.
  /// Self-move leaves the Arc as it was.
  Arc& operator=(Arc&& other) noexcept {
    // Take other's first, drop ours last: the dropped object may own other.
    detail::arc_node<T>* const n = std::exchange(other.node_, nullptr);
    replace_(n, other.pool_);
    return *this;
  }
  /// Drops this owner (as reset()); the Arc becomes empty.
  Arc& operator=(std::nullptr_t) noexcept {
    reset();
    return *this;
  }
  /// Drops this owner; the last one destroys the object and frees its slot.
  HEAPLESS_ALWAYS_INLINE ~Arc() { reset(); }

  /// Drops this owner (see ~Arc); the Arc becomes empty.
  HEAPLESS_ALWAYS_INLINE void reset() noexcept {
    // The emptiness test stays in the caller, where the compiler often knows
    // the answer (a moved-from Arc, a failed make); the drop itself is a
    // function of the node and the pool, so the handle's address does not
    // escape.
    if (detail::arc_node<T>* n = std::exchange(node_, nullptr)) {
      if constexpr (count::drop_in_pool) pool_->destroy()(pool_, n);
      else drop_(pool_, n);
    }
  }

  /// The object, or nullptr when empty.
  T* get() const noexcept { return node_ != nullptr ? &node_->value : nullptr; }
  /// Precondition: non-empty (HEAPLESS_ASSERT).
  T& operator*() const noexcept {
    HEAPLESS_ASSERT(node_ != nullptr, "Arc: dereferencing an empty Arc");
    return node_->value;
  }
  /// Precondition: non-empty (HEAPLESS_ASSERT).
  T* operator->() const noexcept {
    HEAPLESS_ASSERT(node_ != nullptr, "Arc: dereferencing an empty Arc");
    return &node_->value;
  }
  /// true when the Arc owns an object.
  explicit operator bool() const noexcept { return node_ != nullptr; }
  /// Owners of the object right now (0 when empty); with other threads
  /// copying and dropping, a snapshot.
  long use_count() const noexcept {
    // Relaxed: a snapshot; it orders nothing.
    return node_ != nullptr ? static_cast<long>(node_->count.load(detail::memory_order_relaxed)) : 0;
  }

  /// Exchanges the objects (and pools) of the two Arcs; counts are untouched.
  void swap(Arc& other) noexcept {
    std::swap(node_, other.node_);
    std::swap(pool_, other.pool_);
  }
  friend void swap(Arc& a, Arc& b) noexcept { a.swap(b); }

  friend bool operator==(const Arc& a, const Arc& b) noexcept { return a.node_ == b.node_; }
  friend bool operator!=(const Arc& a, const Arc& b) noexcept { return a.node_ != b.node_; }
  /// Ordered by object address (compared as integers: the objects may come
  /// from different pools).
  friend bool operator<(const Arc& a, const Arc& b) noexcept { return a.key() < b.key(); }
  friend bool operator>(const Arc& a, const Arc& b) noexcept { return b < a; }
  friend bool operator<=(const Arc& a, const Arc& b) noexcept { return !(b < a); }
  friend bool operator>=(const Arc& a, const Arc& b) noexcept { return !(a < b); }
  friend bool operator==(const Arc& a, std::nullptr_t) noexcept { return a.node_ == nullptr; }
  friend bool operator==(std::nullptr_t, const Arc& a) noexcept { return a.node_ == nullptr; }
  friend bool operator!=(const Arc& a, std::nullptr_t) noexcept { return a.node_ != nullptr; }
  friend bool operator!=(std::nullptr_t, const Arc& a) noexcept { return a.node_ != nullptr; }
#if HEAPLESS_HAS_THREE_WAY
  /// By object address, as the relational operators (std::shared_ptr's <=>);
  /// an empty Arc compares as a null address, so `a <=> nullptr` works too.
  friend std::strong_ordering operator<=>(const Arc& a, const Arc& b) noexcept { return a.key() <=> b.key(); }
#endif

 private:
  template <class, std::size_t, class>
  friend class ArcPool;
  template <class, class>
  friend class Arc;
  using count = detail::arc_count<policy_type>;

  Arc(detail::arc_node<T>* n, detail::arc_pool_base<T>* p) noexcept : node_(n), pool_(p) {}
  // One owner of n leaves: the last one destroys the object and frees its slot.
  // (Arguments in the order of the destroy call: no register moves.)
  static void drop_(detail::arc_pool_base<T>* p, detail::arc_node<T>* n) noexcept {
    if (count::decrement(n->count)) p->destroy()(p, n);
  }
  // Installs (n, p), whose ownership the caller hands over, then drops the
  // previous object (through reset(), the one copy of the drop).
  void replace_(detail::arc_node<T>* n, detail::arc_pool_base<T>* p) noexcept {
    Arc old(std::exchange(node_, n), std::exchange(pool_, p));
  }
  std::uintptr_t key() const noexcept { return reinterpret_cast<std::uintptr_t>(get()); }

  detail::arc_node<T>* node_ = nullptr;
  detail::arc_pool_base<T>* pool_ = nullptr;
};

/// N slots for objects shared through Arc<T, Policy>; see the top of this file.
/// Immovable; must outlive its Arcs. All free at construction (constant-
/// initialised, .bss).
template <class T, std::size_t N, class Policy>
class ArcPool : private detail::arc_pool_base<T> {
  static_assert(std::is_nothrow_destructible_v<T>, "ArcPool: T's destructor must not throw");
  using node_ = detail::arc_node<T>;
  using pool_t_ = Pool<node_, N, Policy>;

 public:
  /// Element type.
  using value_type = T;
  /// Size type.
  using size_type = std::size_t;
  /// The handle type make_shared returns.
  using arc_type = Arc<T, Policy>;
  /// The free-list policy in effect (automatic resolved for this target and
  /// N), as Pool::policy_type; the count's is arc_type::policy_type.
  using policy_type = typename pool_t_::policy_type;

  /// All N slots free; writes only zeros (a static pool is constant-initialised
  /// into .bss).
  constexpr ArcPool() noexcept = default;
  ArcPool(const ArcPool&) = delete;
  ArcPool& operator=(const ArcPool&) = delete;
  /// Objects still shared are not destroyed: drop every Arc first.
  ~ArcPool() = default;

  /// A new object built from args, owned by the returned Arc (count 1); an
  /// empty Arc when the pool is exhausted (args untouched then). If T's
  /// constructor throws, the slot is returned and the exception propagates.
  /// O(1).
  template <class... Args>
  [[nodiscard]] arc_type try_make_shared(Args&&... args) noexcept(std::is_nothrow_constructible_v<T, Args...>) {
    this->set_destroy(&ArcPool::destroy_node_);
    return arc_type(pool_.try_create(detail::arc_in_place_t{}, std::forward<Args>(args)...), this);
  }
  /// As try_make_shared, but exhaustion raises error_kind::bad_alloc
  /// ("ArcPool: exhausted").
  template <class... Args>
  [[nodiscard]] arc_type make_shared(Args&&... args) {
    this->set_destroy(&ArcPool::destroy_node_);
    node_* const n = pool_.try_create(detail::arc_in_place_t{}, std::forward<Args>(args)...);
    if (HEAPLESS_UNLIKELY(n == nullptr)) detail::raise(error_kind::bad_alloc, "ArcPool: exhausted");
    return arc_type(n, this);
  }

  /// The number of objects the pool can hold (N).
  static constexpr size_type capacity() noexcept { return N; }
  /// Free slots right now (a snapshot with concurrent users).
  size_type available() const noexcept { return pool_.available(); }

 private:
  // The pool's function (arc_pool_base): destroys n and frees its slot; with
  // a locked policy called at every drop, so it counts down first.
  static void destroy_node_(detail::arc_pool_base<T>* base, node_* n) noexcept {
    if constexpr (arc_type::count::drop_in_pool) {
      if (!arc_type::count::decrement(n->count)) return;
    }
    static_cast<ArcPool*>(base)->pool_.destroy(n);
  }

  pool_t_ pool_;
};

HEAPLESS_NAMESPACE_END

namespace std {
/// Hashes the object's address, like std::hash<std::shared_ptr<T>>.
template <class T, class Policy>
struct hash<::heapless::Arc<T, Policy>> {
  /// The hash of a.get().
  std::size_t operator()(const ::heapless::Arc<T, Policy>& a) const noexcept { return std::hash<T*>()(a.get()); }
};
}  // namespace std

#endif  // HEAPLESS_ARC_HPP
