// SPDX-License-Identifier: BSL-1.0
// heapless/object_pool.hpp - ObjectPool<T, N>: N objects built once and lent
// out again and again through an owning Object<T> handle, never destroyed or
// re-constructed in between: for large buffers whose initialisation is
// expensive (DMA descriptors, frame buffers, parsers with tables).
//
//   static heapless::ObjectPool<Frame, 4> frames;   // constant-initialised
//   heapless::Object<Frame> f = frames.try_acquire();
//   if (!f) return;                                  // all 4 lent out
//   f->fill(adc);                                    // contents are whatever the
//                                                    // last user left
//   // f goes out of scope: the frame returns to the pool as it is
//
// Construction: all N objects are value-initialised (T{}) by the pool's
// constructor and destroyed by its destructor; nothing happens to an object
// when it is acquired or returned. The constructor is constexpr when T's
// default constructor is, so a static pool of trivially constructible T is
// constant-initialised (zeros, .bss, no start-up code); other T are built
// once, before main for a static pool. T must be default-constructible.
//
// Tiers: try_acquire() gives an empty Object when every object is lent out;
// acquire() raises error_kind::bad_alloc then.
//
// Policies (third argument, heapless::pool_policy, chosen as for Pool):
// lock_free (a Treiber stack of object indices whose head packs index and
// ABA tag in one CAS word), critical_section<Lock>, single_thread, automatic.
// The free list's links live outside the objects (a free object keeps its
// contents), N links of the smallest type that holds N.
//
// Threads/ISRs: with lock_free, acquire and return from any thread or
// interrupt; with critical_section, wherever Lock excludes the others;
// single_thread, one context. An Object is one owner (move-only, two
// pointers) and must not outlive its pool.
#ifndef HEAPLESS_OBJECT_POOL_HPP
#define HEAPLESS_OBJECT_POOL_HPP

#include <cstddef>      // std::size_t, std::nullptr_t
#include <cstdint>      // std::uintptr_t
#include <type_traits>  // traits
#include <utility>      // std::exchange, std::swap

#include <heapless/detail/config.hpp>  // HEAPLESS_LIKELY
#include <heapless/detail/atomic.hpp>  // detail::atomic: the lock-free head
#include <heapless/detail/error.hpp>   // detail::raise, HEAPLESS_ASSERT
#include <heapless/detail/size.hpp>    // detail::smallest_size_t
#include <heapless/pool.hpp>           // pool_policy::*, detail::pool_head, pool_guard, pool_load/store

HEAPLESS_NAMESPACE_BEGIN

template <class T>
class Object;
template <class T, std::size_t N, class Policy = pool_policy::automatic>
class ObjectPool;

namespace detail {

/// Whether a T can be copy-list-initialised from {} (what `T objects_[N] =
/// {}` does to each object): false for an explicit default constructor.
template <class T>
void take_list_default(const T&) noexcept;
template <class T, class = void>
inline constexpr bool list_default_initialisable = false;
template <class T>
inline constexpr bool list_default_initialisable<T, decltype(take_list_default<T>({}))> = true;

/// What an Object needs from its pool: how to give the object back, without
/// knowing N (one function pointer per pool).
///
/// The pointer starts null and every acquire stores it (on hosts only when it
/// differs) instead of the constructor: a non-zero constant in the pool
/// would put the whole static pool, objects included, in .data (an initial
/// image in flash, copied at start-up) where all zeros is .bss. Every Object
/// comes from an acquire, so the pointer is set before any Object needs it.
template <class T>
struct object_pool_base {
  using return_fn = void (*)(object_pool_base*, T*) noexcept;
  constexpr object_pool_base() noexcept = default;
  void set_return(return_fn f) noexcept {
    // Relaxed: every acquire stores the same value. An Object reaches the
    // context that returns it through whatever handed it over, which orders
    // this store before return_object()'s load.
#if HEAPLESS_CACHE_LINE == 0
    // No cache lines to keep clean (microcontrollers): one store is less
    // code than a load, a compare and a store.
    return_.store(f, detail::memory_order_relaxed);
#else
    // Written only when it differs: a store at every call would write the
    // pool's first line, shared with other cores, on every call.
    if (return_.load(detail::memory_order_relaxed) != f) return_.store(f, detail::memory_order_relaxed);
#endif
  }
  return_fn return_object() const noexcept {
    // Relaxed: see set_return().
    return return_.load(detail::memory_order_relaxed);
  }
  detail::atomic<return_fn> return_{nullptr};
};

/// Free list of indices 0..N-1, links outside the objects. All zeros is the
/// full list (0, 1, ..., N - 1): a link stores the next index XOR (i + 1),
/// the top is an index, N is the end.
template <std::size_t N, class Policy>
class object_index_list {
 public:
  using link_t = smallest_size_t<N>;

  /// The index of a free object, or N when none.
  std::size_t pop() noexcept {
    return pool_guard<Policy>::run([this]() noexcept -> std::size_t {
      const std::size_t i = top_;
      if (HEAPLESS_UNLIKELY(i == N)) return N;
      top_ = static_cast<link_t>((i + 1u) ^ links_[i]);
      return i;
    });
  }
  void push(std::size_t i) noexcept {
    pool_guard<Policy>::run([&]() noexcept {
      links_[i] = static_cast<link_t>(std::size_t{top_} ^ (i + 1u));
      top_ = static_cast<link_t>(i);
      return 0;
    });
  }
  std::size_t available() const noexcept {
    return pool_guard<Policy>::run([this]() noexcept {
      std::size_t n = 0;
      for (std::size_t i = top_; i < N && n < N; ++n) i = static_cast<link_t>((i + 1u) ^ links_[i]);
      return n;
    });
  }

 private:
  link_t top_ = 0;
  link_t links_[N] = {};
};

template <std::size_t N>
class object_index_list<N, pool_policy::lock_free> {
  using head = pool_head<N>;
  using head_t = typename head::type;

 public:
  using link_t = smallest_size_t<N>;
  static_assert(head::supported,
                "ObjectPool: no compare-and-swap wide enough for the lock-free head on this target "
                "(or N too large); use pool_policy::critical_section<Lock> or single_thread");

  std::size_t pop() noexcept {
    // Acquire: pairs with the release CAS of the push that installed this
    // head: the link we read next and the last user's writes to the object
    // are visible to its new owner.
    head_t h = head_.load(detail::memory_order_acquire);
    for (;;) {
      const std::size_t i = static_cast<std::size_t>(h & head::index_mask);
      if (HEAPLESS_UNLIKELY(i == N)) return N;  // none free at that moment
      // Relaxed: may be stale if another thread pops i meanwhile; the tag
      // then makes the CAS fail. Links are written atomically too.
      const std::size_t next = (i + 1u) ^ pool_load(links_ + i);
      // The tag advances on every pop, so an ABA head no longer compares equal.
      const head_t desired = ((h & ~head::index_mask) + head::tag_one) | static_cast<head_t>(next);
      // Acquire (success and failure): as the load above, for the new h too.
      if (head_.compare_exchange_weak(h, desired, detail::memory_order_acquire, detail::memory_order_acquire)) return i;
    }
  }
  void push(std::size_t i) noexcept {
    // Relaxed: only seeds the link; the CAS validates it.
    head_t h = head_.load(detail::memory_order_relaxed);
    for (;;) {
      // Relaxed: published by the release CAS below.
      pool_store(links_ + i, static_cast<link_t>(static_cast<std::size_t>(h & head::index_mask) ^ (i + 1u)));
      const head_t desired = (h & ~head::index_mask) | static_cast<head_t>(i);
      // Release: the link and the returning owner's writes to the object
      // happen before the next pop of i. Failure relaxed: we just retry.
      if (head_.compare_exchange_weak(h, desired, detail::memory_order_release, detail::memory_order_relaxed)) return;
    }
  }
  std::size_t available() const noexcept {
    // A snapshot; bounded walk.
    std::size_t n = 0;
    for (std::size_t i = static_cast<std::size_t>(head_.load(detail::memory_order_acquire) & head::index_mask);
         i < N && n < N; ++n)
      i = (i + 1u) ^ pool_load(links_ + i);
    return n;
  }

 private:
  detail::atomic<head_t> head_{0};
  link_t links_[N] = {};
};

}  // namespace detail

/// Owning handle to one object of an ObjectPool: move-only, two pointers.
/// Destroying or reset()ing it returns the object to its pool as it is.
template <class T>
class Object {
 public:
  /// Element type.
  using element_type = T;

  constexpr Object() noexcept = default;
  /// An empty handle (from nullptr).
  constexpr Object(std::nullptr_t) noexcept {}  // NOLINT: implicit like unique_ptr
  /// Takes o's object; o becomes empty.
  Object(Object&& o) noexcept : ptr_(std::exchange(o.ptr_, nullptr)), pool_(o.pool_) {}
  /// Returns the current object to its pool, then takes o's; o becomes empty.
  // Always inline, as reset(): the compiler then sees a moved-from source.
  HEAPLESS_ALWAYS_INLINE Object& operator=(Object&& o) noexcept {
    // Take o's first, return ours last (no temporary handle: one call left).
    T* const old = std::exchange(ptr_, std::exchange(o.ptr_, nullptr));
    detail::object_pool_base<T>* const old_pool = std::exchange(pool_, o.pool_);
    if (old != nullptr) old_pool->return_object()(old_pool, old);
    return *this;
  }
  /// Returns the object to its pool (as reset()); the handle becomes empty.
  Object& operator=(std::nullptr_t) noexcept {
    reset();
    return *this;
  }
  Object(const Object&) = delete;
  Object& operator=(const Object&) = delete;
  HEAPLESS_ALWAYS_INLINE ~Object() { reset(); }

  /// Returns the object to its pool (not destroyed); the handle becomes empty.
  // Always inline (so is the destructor): the emptiness test then folds away
  // where the compiler knows the handle (a moved-from temporary), and the
  // handle's address does not escape to an out-of-line copy.
  HEAPLESS_ALWAYS_INLINE void reset() noexcept {
    if (T* p = std::exchange(ptr_, nullptr)) pool_->return_object()(pool_, p);
  }
  /// The object, or nullptr when empty.
  T* get() const noexcept { return ptr_; }
  /// Precondition: non-empty (HEAPLESS_ASSERT).
  T& operator*() const noexcept {
    HEAPLESS_ASSERT(ptr_ != nullptr, "Object: dereferencing an empty handle");
    return *ptr_;
  }
  /// Precondition: non-empty (HEAPLESS_ASSERT).
  T* operator->() const noexcept {
    HEAPLESS_ASSERT(ptr_ != nullptr, "Object: dereferencing an empty handle");
    return ptr_;
  }
  /// true when the handle holds an object.
  explicit operator bool() const noexcept { return ptr_ != nullptr; }

  /// Exchanges the objects (and pools) of the two handles.
  void swap(Object& o) noexcept {
    std::swap(ptr_, o.ptr_);
    std::swap(pool_, o.pool_);
  }
  friend void swap(Object& a, Object& b) noexcept { a.swap(b); }
  friend bool operator==(const Object& a, std::nullptr_t) noexcept { return a.ptr_ == nullptr; }
  friend bool operator!=(const Object& a, std::nullptr_t) noexcept { return a.ptr_ != nullptr; }
  /// nullptr == o: as o == nullptr (std::unique_ptr's order too).
  friend bool operator==(std::nullptr_t, const Object& a) noexcept { return a.ptr_ == nullptr; }
  /// nullptr != o: as o != nullptr.
  friend bool operator!=(std::nullptr_t, const Object& a) noexcept { return a.ptr_ != nullptr; }

 private:
  template <class, std::size_t, class>
  friend class ObjectPool;
  Object(T* p, detail::object_pool_base<T>* pool) noexcept : ptr_(p), pool_(pool) {}

  T* ptr_ = nullptr;
  detail::object_pool_base<T>* pool_ = nullptr;
};

/// N objects of T built once and lent out through Object<T>; see the top of
/// this file. Immovable; must outlive its Objects.
template <class T, std::size_t N, class Policy>
class ObjectPool : private detail::object_pool_base<T> {
  static_assert(N > 0, "ObjectPool: N must be at least 1");
  static_assert(std::is_object_v<T> && !std::is_array_v<T> && !std::is_const_v<T>,
                "ObjectPool: T must be a non-const, non-array object type");
  static_assert(std::is_default_constructible_v<T>, "ObjectPool: T must be default-constructible");

 public:
  /// The policy in effect (pool_policy::automatic resolved as for Pool).
  using policy_type = typename detail::resolve_pool_policy<Policy, N>::type;
  static_assert(std::is_same_v<policy_type, pool_policy::lock_free> ||
                    std::is_same_v<policy_type, pool_policy::single_thread> ||
                    detail::is_critical_section<policy_type>::value,
                "ObjectPool: Policy must be one of heapless::pool_policy::*");
  /// Element type.
  using value_type = T;
  /// Size type.
  using size_type = std::size_t;

  /// Value-initialises the N objects (see the top of the file); all free.
  template <class U = T, std::enable_if_t<detail::list_default_initialisable<U>, int> = 0>
  constexpr ObjectPool() noexcept(std::is_nothrow_default_constructible_v<T>) {}
  /// The same for a T whose default constructor is explicit, which `= {}`
  /// refuses: value-initialised through the member initialiser instead (not
  /// for every T: GCC 12 does not constant-evaluate that form for class
  /// types, which would take the static pool of trivial T out of .bss).
  template <class U = T, std::enable_if_t<!detail::list_default_initialisable<U>, int> = 0>
  constexpr ObjectPool() noexcept(std::is_nothrow_default_constructible_v<T>) : objects_() {}
  ObjectPool(const ObjectPool&) = delete;
  ObjectPool& operator=(const ObjectPool&) = delete;
  /// Destroys the N objects. Every Object must have been returned.
  ~ObjectPool() = default;

  /// A free object, or an empty Object when all are lent out. O(1).
  [[nodiscard]] Object<T> try_acquire() noexcept {
    this->set_return(&ObjectPool::return_object_);
    const std::size_t i = list_.pop();
    // One handle for both outcomes (an empty one with the pool set: the pool
    // is used only with an object).
    return Object<T>(HEAPLESS_LIKELY(i != N) ? &objects_[i] : nullptr, this);
  }
  /// As try_acquire, but none free raises error_kind::bad_alloc.
  [[nodiscard]] Object<T> acquire() {
    this->set_return(&ObjectPool::return_object_);
    const std::size_t i = list_.pop();
    if (HEAPLESS_UNLIKELY(i == N)) detail::raise(error_kind::bad_alloc, "ObjectPool: exhausted");
    return Object<T>(&objects_[i], this);
  }

  /// The number of objects in the pool (N).
  static constexpr size_type capacity() noexcept { return N; }
  /// Objects not lent out right now (a snapshot with concurrent users). O(free).
  size_type available() const noexcept { return list_.available(); }

 private:
  static void return_object_(detail::object_pool_base<T>* base, T* p) noexcept {
    ObjectPool* self = static_cast<ObjectPool*>(base);
    // Compared as integers: the pointer must be one of ours.
    const std::uintptr_t off = reinterpret_cast<std::uintptr_t>(p) - reinterpret_cast<std::uintptr_t>(self->objects_);
    HEAPLESS_ASSERT(off < N * sizeof(T) && off % sizeof(T) == 0, "ObjectPool: returning a foreign object");
    self->list_.push(off / sizeof(T));
  }

  T objects_[N] = {};
  detail::object_index_list<N, policy_type> list_;
};

HEAPLESS_NAMESPACE_END

#endif  // HEAPLESS_OBJECT_POOL_HPP
