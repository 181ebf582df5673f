// SPDX-License-Identifier: BSL-1.0
// heapless/spsc.hpp - spsc::Queue<T, N>: a wait-free single-producer
// single-consumer ring buffer holding exactly N elements, for the channel
// between an interrupt handler and the main loop, or between two threads.
//
//   static heapless::spsc::Queue<std::uint8_t, 64> rx;   // constant-initialised
//   void uart_isr() { (void)rx.try_push(UART->DR); }     // producer: the ISR
//   int main() {
//     for (;;) while (auto b = rx.try_pop()) handle(*b); // consumer: thread mode
//   }
//
// Or hand each side its own handle:  auto [tx, rcv] = q.split();
//
// Costs. Every operation is O(1) and wait-free (bulk operations O(count)): a
// handful of loads and stores, one release store to publish, and an acquire
// load of the other side's index. No read-modify-write, no lock, no fence
// instruction of its own. Two layouts, chosen by HEAPLESS_CACHE_LINE:
//   L = 0 (the Cortex-M default: no data cache, RAM is precious): the two
//     indices, the smallest unsigned type that holds 2N - 1, then the slots,
//     nothing else (sizeof(Queue<uint8_t, 16>) == 18). Each side reads the
//     other's index on every operation: without a cache that costs one load,
//     and a private copy would only add code and RAM.
//   L > 0 (the default on hosts): the producer's and the consumer's state
//     each on their own L-byte line (pointer-wide indices: the width is free
//     there) and the slots from a third, so the queue is L-aligned and takes
//     2L + N * sizeof(T) rounded up to L (sizeof(Queue<uint8_t, 16>) == 192
//     with L = 64). Each side keeps a private copy of the other's index and
//     reads the shared one only when that copy says full/empty, so in steady
//     state neither side touches the other's line.
//
// Who owns what.
//   producer  writes tail_ (the next slot to fill) and, with L > 0, its
//             private full_at_ (head_ + N as last seen: the tail at which the
//             queue is full); reads head_ (with L > 0 only to refresh full_at_
//             when tail_ reaches it).
//   consumer  writes head_ (the next slot to drain) and, with L > 0, its
//             private tail_cache_; reads tail_ (with L > 0 only to refresh
//             tail_cache_ when the queue looks empty).
//   Slots in [head, tail) belong to the consumer, all others to the producer:
//   the producer constructs a slot, then publishes it with a release store of
//   tail_; the consumer acquires tail_, moves the element out, destroys it, then
//   hands the slot back with a release store of head_.
// Producer members: try_push, try_emplace, push (bulk). Consumer members:
// try_pop, front, pop, pop (bulk), peek (the queued elements as a range,
// without removing them), drain (each to a callback, one acquire and one
// release for the batch). At any time at most one thread or interrupt
// context may act as the producer and at most one as the consumer (they may be
// the same one). size(), empty(), full() are snapshots: exact when called by
// the producer or the consumer about what that side can see, possibly already
// stale when they return if the other side runs concurrently.
//
// Why it is correct. Each index is written by one side only, and only ever
// advances. The producer constructs in slot tail only after seeing head with
// tail - head < N (an acquire load of head_, so the consumer's last reads of
// that slot and its destruction happened before), and publishes it by a
// release store of tail_ after constructing; the consumer reads slot head only
// after seeing tail != head (an acquire load of tail_, so the construction
// happened before), and hands it back by a release store of head_ after
// destroying it. The private copies only lag behind the index they copy
// (full_at_ <= head_ + N, tail_cache_ <= tail_, modulo the index range), so
// the room or elements a copy shows are really there: a side re-reads the
// shared index only when its copy shows too little, and the acquire of that
// re-read covers every later slot access until the next one.
//
// split() returns a move-only Producer and Consumer handle (one pointer each)
// exposing only their side. Call it once, before the two sides start; the
// queue must outlive both handles. An empty handle (default-constructed or
// moved-from) points at a shared index block that reads full to a producer
// and empty to a consumer, so its single-element operations fail like those
// of a full or empty queue, touch no slot, and HEAPLESS_ASSERT reports the
// misuse on that failure path (the hot path carries no check of its own).
//
// Works on cores without compare-and-swap (Cortex-M0) and between an ISR and
// thread mode on one core: only atomic loads and stores of the two indices
// are used, with acquire/release on those atomics themselves, so
// ThreadSanitizer understands it.
//
// Index scheme (exactly N usable slots, no slot sacrificed): indices count
// modulo a multiple of 2N, so head == tail means empty and tail - head == N
// full. When N is a power of two they are free-running counters of the index
// type, which wraps at 2^bits, a multiple of 2N: advancing is an add, the slot
// is index & (N - 1), the size a subtraction. Otherwise they live in [0, 2N):
// advancing compares against 2N, the slot is index or index - N.
#ifndef HEAPLESS_SPSC_HPP
#define HEAPLESS_SPSC_HPP

#include <cstddef>      // std::size_t: also the index type on padded layouts
#include <cstring>      // std::memcpy: bulk copies of trivially copyable elements
#include "detail/iterator.hpp"  // std::forward_iterator_tag (peek) without <iterator>
#include <new>          // placement new (via detail/storage.hpp)
#include <optional>     // std::optional: try_pop()
#include <type_traits>  // element traits that pick the fast paths
#include <utility>      // std::move, std::forward, std::pair (split)

#include "detail/config.hpp"   // HEAPLESS_CACHE_LINE, HEAPLESS_LIKELY
#include "detail/atomic.hpp"   // detail::atomic: the two shared indices
#include "detail/error.hpp"    // HEAPLESS_ASSERT
#include "detail/size.hpp"     // detail::smallest_size_t
#include "detail/storage.hpp"  // detail::uninit_array

HEAPLESS_NAMESPACE_BEGIN
namespace spsc {

template <class T, std::size_t N>
class Queue;
template <class T, std::size_t N>
class Producer;
template <class T, std::size_t N>
class Consumer;

namespace detail {

using ::heapless::detail::atomic;
using ::heapless::detail::memory_order_acquire;
using ::heapless::detail::memory_order_relaxed;
using ::heapless::detail::memory_order_release;
using ::heapless::detail::smallest_size_t;
using ::heapless::detail::uninit_array;

constexpr std::size_t max_of(std::size_t a, std::size_t b) noexcept { return a > b ? a : b; }

/// Index arithmetic modulo 2N (or modulo 2^bits(I) when N is a power of two).
template <std::size_t N>
struct ring_index {
  static_assert(N > 0, "spsc::Queue needs a capacity of at least 1");
  static_assert(N <= static_cast<std::size_t>(-1) / 2, "spsc::Queue capacity too large");
  // The smallest type holding 2N - 1 where nothing pads the indices (RAM
  // matters there). With padding the width is free, and a pointer-wide index
  // is what the compilers address a slot with and advance without widening
  // or copying it first.
  using type = std::conditional_t<(HEAPLESS_CACHE_LINE > 0 &&
                                   sizeof(smallest_size_t<2 * N - 1>) < sizeof(std::size_t)),
                                  std::size_t, smallest_size_t<2 * N - 1>>;
  static constexpr bool pow2 = (N & (N - 1)) == 0;

  /// The index n places after i (n <= N).
  static constexpr type advance(type i, std::size_t n) noexcept {
    if constexpr (pow2) {
      return static_cast<type>(i + n);  // wraps at 2^bits, a multiple of 2N
    } else {
      const std::size_t j = std::size_t{i} + n;
      return static_cast<type>(j >= 2 * N ? j - 2 * N : j);
    }
  }
  /// How many places `to` is ahead of `from` (the caller guarantees <= N).
  static constexpr std::size_t distance(type from, type to) noexcept {
    if constexpr (pow2) {
      return static_cast<type>(to - from);
    } else {
      return to >= from ? std::size_t{to} - from : std::size_t{to} + 2 * N - from;
    }
  }
  /// The slot of index i, in [0, N).
  static constexpr std::size_t slot(type i) noexcept {
    if constexpr (pow2) {
      return std::size_t{i} & (N - 1);
    } else {
      return i >= N ? std::size_t{i} - N : std::size_t{i};
    }
  }
};

/// Alignment that puts a member on its own cache line (or nothing extra when
/// HEAPLESS_CACHE_LINE is 0).
template <class X>
inline constexpr std::size_t line_align = max_of(HEAPLESS_CACHE_LINE, alignof(X));

/// Whether Queue<T, N> keeps private copies of the other side's index: yes
/// exactly when HEAPLESS_CACHE_LINE > 0 (hosts). Not a user option; the host
/// stress test specialises it for one test-only element type so that the
/// Cortex-M index logic also runs between two threads under ThreadSanitizer.
template <class T, std::size_t N>
struct cached_indices : std::bool_constant<(HEAPLESS_CACHE_LINE > 0)> {};

/// Tag: construct an index block that reads full (an empty producer handle's).
struct full_block_t {
  explicit full_block_t() = default;
};

// The indices of a queue, in one of two layouts:
//   cached (HEAPLESS_CACHE_LINE > 0, hosts): producer-owned and consumer-owned
//     lines, each side with a private copy of the other side's index that it
//     refreshes only when the copy says full/empty, so in steady state neither
//     side reads the other's line.
//   uncached (HEAPLESS_CACHE_LINE == 0, Cortex-M): just the two indices; each
//     side reads the other's index on every operation. Without a data cache a
//     private copy saves nothing and costs code and RAM.
// Queue's operations load and store tail_ and head_ themselves; what a layout
// adds is what its private copies already tell:
//   known_room(t)   free slots the producer at tail t knows of without reading
//                   head_ (0 without private copies: it always reads head_);
//   saw_head(h)     the producer read head_ == h: remember it;
//   known_items(h)  elements the consumer at head h knows of without reading
//                   tail_ (0 without private copies);
//   saw_tail(t)     the consumer read tail_ == t: remember it.
template <std::size_t N, bool Cached>
struct queue_indices {
  using ring = ring_index<N>;
  using index_type = typename ring::type;
  using atomic_index = detail::atomic<index_type>;

  constexpr queue_indices() noexcept = default;
  constexpr explicit queue_indices(full_block_t) noexcept
      : tail_(static_cast<index_type>(N)), full_at_(static_cast<index_type>(N)) {}

  // Producer-owned line.
  alignas(line_align<atomic_index>) atomic_index tail_{0};  // written by the producer only
  index_type full_at_ = static_cast<index_type>(N);        // producer-private: head_ + N as last seen
  // Consumer-owned line.
  alignas(line_align<atomic_index>) atomic_index head_{0};  // written by the consumer only
  index_type tail_cache_ = 0;                               // consumer-private copy of tail_

  std::size_t known_room(index_type t) const noexcept { return ring::distance(t, full_at_); }
  void saw_head(index_type h) noexcept { full_at_ = ring::advance(h, N); }
  std::size_t known_items(index_type h) const noexcept { return ring::distance(h, tail_cache_); }
  void saw_tail(index_type t) noexcept { tail_cache_ = t; }
};

template <std::size_t N>
struct queue_indices<N, false> {
  using ring = ring_index<N>;
  using index_type = typename ring::type;
  using atomic_index = detail::atomic<index_type>;

  constexpr queue_indices() noexcept = default;
  constexpr explicit queue_indices(full_block_t) noexcept : tail_(static_cast<index_type>(N)) {}

  atomic_index tail_{0};  // written by the producer only
  atomic_index head_{0};  // written by the consumer only

  static constexpr std::size_t known_room(index_type) noexcept { return 0; }
  static constexpr void saw_head(index_type) noexcept {}
  static constexpr std::size_t known_items(index_type) noexcept { return 0; }
  static constexpr void saw_tail(index_type) noexcept {}
};

template <class T, std::size_t N>
using queue_indices_for = queue_indices<N, cached_indices<T, N>::value>;

/// The index blocks of empty handles: one reads full (tail_ == head_ + N),
/// for producers, one reads empty, for consumers, whatever side re-reads what.
/// No slots lie behind them and nothing writes them: an operation reaches a
/// slot, and updates a private copy, only after the indices showed room or
/// an element.
template <std::size_t N, bool Cached>
inline queue_indices<N, Cached> empty_producer_block{full_block_t{}};
template <std::size_t N, bool Cached>
inline queue_indices<N, Cached> empty_consumer_block{};

template <std::size_t N, bool Cached>
constexpr bool is_empty_handle_block(const queue_indices<N, Cached>& q) noexcept {
  return &q == &empty_producer_block<N, Cached> || &q == &empty_consumer_block<N, Cached>;
}

// The data members. Split from Queue so the destructor is trivial exactly
// when T's is (a static queue of bytes registers no destructor at exit).
template <class T, std::size_t N, bool = std::is_trivially_destructible_v<T>>
struct queue_state : queue_indices_for<T, N> {
  // Slots, starting on their own line (packed after the indices when
  // HEAPLESS_CACHE_LINE is 0).
  alignas(line_align<uninit_array<T, N>>) uninit_array<T, N> slots_;

  constexpr queue_state() noexcept = default;
  queue_state(const queue_state&) = delete;
  queue_state& operator=(const queue_state&) = delete;
};

template <class T, std::size_t N>
struct queue_state<T, N, false> : queue_state<T, N, true> {
  constexpr queue_state() noexcept = default;
  /// Destroys the elements still queued. No other thread may use the queue.
  ~queue_state() {
    // Relaxed: the destructor runs after both sides stopped; whatever
    // synchronised their end with this thread (join, a mutex) ordered it.
    auto h = this->head_.load(detail::memory_order_relaxed);
    const auto t = this->tail_.load(detail::memory_order_relaxed);
    for (; h != t; h = ring_index<N>::advance(h, 1)) this->slots_.destroy(ring_index<N>::slot(h));
  }
};

/// True when elements are copied with memcpy from/to a T* range.
template <class T>
inline constexpr bool memcpy_ok = std::is_trivially_copyable_v<T>;

template <class P, class T>
inline constexpr bool is_pointer_to_v =
    std::is_pointer_v<P> && std::is_same_v<std::remove_cv_t<std::remove_pointer_t<P>>, T>;

/// R has data() returning a pointer to T and size(): a contiguous range of T.
template <class R, class T, class = void>
struct is_contiguous_range_of : std::false_type {};
template <class R, class T>
struct is_contiguous_range_of<
    R, T, std::void_t<decltype(std::declval<const R&>().data()), decltype(std::declval<const R&>().size())>>
    : std::bool_constant<is_pointer_to_v<decltype(std::declval<const R&>().data()), T>> {};

template <class T, std::size_t N, bool IsProducer>
class handle;

}  // namespace detail

/// A wait-free single-producer single-consumer FIFO of exactly N elements,
/// stored inline. Neither copyable nor movable (the two sides hold on to it).
template <class T, std::size_t N>
class Queue : private detail::queue_state<T, N> {
  using ring = detail::ring_index<N>;                  // index arithmetic
  using index_type = typename ring::type;              // what tail_ and head_ hold
  using indices = detail::queue_indices_for<T, N>;     // the index block
  static_assert(std::is_object_v<T> && !std::is_const_v<T> && !std::is_volatile_v<T>,
                "spsc::Queue<T, N>: T must be a non-const, non-volatile object type");
  static_assert(std::is_nothrow_destructible_v<T>, "spsc::Queue<T, N>: T's destructor must not throw");
  friend class Producer<T, N>;
  friend class Consumer<T, N>;
  template <class, std::size_t, bool>
  friend class detail::handle;

 public:
  /// Element type.
  using value_type = T;
  /// Size type.
  using size_type = std::size_t;
  /// Reference to an element.
  using reference = T&;
  /// Const reference to an element.
  using const_reference = const T&;
  /// Pointer to an element.
  using pointer = T*;
  /// Pointer to a const element.
  using const_pointer = const T*;
  /// The producer handle type (split()).
  using producer_type = Producer<T, N>;
  /// The consumer handle type (split()).
  using consumer_type = Consumer<T, N>;

  /// The queued elements seen by peek(): a forward range, front first.
  class peek_view {
   public:
    /// Forward iterator over the peeked elements, front first.
    class iterator {
     public:
      /// Iterator category.
      using iterator_category = std::forward_iterator_tag;
      /// Element type.
      using value_type = T;
      /// Difference type.
      using difference_type = std::ptrdiff_t;
      /// Pointer to an element.
      using pointer = T*;
      /// Reference to an element.
      using reference = T&;
      iterator() noexcept = default;
      /// The element.
      T& operator*() const noexcept { return data_[slot_]; }
      /// Pointer to the element.
      T* operator->() const noexcept { return data_ + slot_; }
      /// Advances to the next element.
      iterator& operator++() noexcept {
        slot_ = slot_ + 1 == N ? 0 : slot_ + 1;
        ++pos_;
        return *this;
      }
      /// Advances to the next element; returns the previous position.
      iterator operator++(int) noexcept {
        iterator old = *this;
        ++*this;
        return old;
      }
      friend bool operator==(const iterator& a, const iterator& b) noexcept { return a.pos_ == b.pos_; }
      friend bool operator!=(const iterator& a, const iterator& b) noexcept { return a.pos_ != b.pos_; }

     private:
      friend class peek_view;
      iterator(T* data, size_type slot, size_type pos) noexcept : data_(data), slot_(slot), pos_(pos) {}
      T* data_ = nullptr;
      size_type slot_ = 0;  // slot of the current element
      size_type pos_ = 0;   // elements from the front (end: size())
    };
    /// Element type.
    using value_type = T;
    /// Size type.
    using size_type = std::size_t;

    /// Iterator to the front element.
    iterator begin() const noexcept { return iterator(data_, start_, 0); }
    /// Iterator past the last peeked element.
    iterator end() const noexcept {
      const size_type j = start_ + n_;
      return iterator(data_, j >= N ? j - N : j, n_);
    }
    /// The number of peeked elements.
    size_type size() const noexcept { return n_; }
    /// true when size() == 0.
    bool empty() const noexcept { return n_ == 0; }

   private:
    friend class Queue;
    peek_view(T* data, size_type start, size_type n) noexcept : data_(data), start_(start), n_(n) {}
    T* data_;
    size_type start_;
    size_type n_;
  };

  /// Empty queue. constexpr: a static queue is constant-initialised; no
  /// element storage is touched.
  constexpr Queue() noexcept = default;
  Queue(const Queue&) = delete;
  Queue& operator=(const Queue&) = delete;
  /// Destroys the elements still queued; trivial when T's destructor is.
  ~Queue() = default;

  // ---- Producer side ---------------------------------------------------

  /// Appends a copy of v. Returns false (and changes nothing) when full.
  [[nodiscard]] bool try_push(const T& v) noexcept(std::is_nothrow_copy_constructible_v<T>) {
    return emplace_in_(*this, v);
  }
  /// Appends v moved. Returns false when full; v is then not moved from.
  [[nodiscard]] bool try_push(T&& v) noexcept(std::is_nothrow_move_constructible_v<T>) {
    return emplace_in_(*this, std::move(v));
  }
  /// Constructs an element from args at the back. Returns false (args
  /// untouched) when full. If the constructor throws, nothing is published.
  template <class... Args>
  [[nodiscard]] bool try_emplace(Args&&... args) noexcept(std::is_nothrow_constructible_v<T, Args...>) {
    return emplace_in_(*this, std::forward<Args>(args)...);
  }

 private:
  // The push: try_push, try_emplace and Producer's. q is this queue's index
  // block or, for an empty Producer, empty_producer_block, which reads full:
  // a slot is reached only after the indices showed room.
  template <class... Args>
  static bool emplace_in_(indices& q, Args&&... args) noexcept(std::is_nothrow_constructible_v<T, Args...>) {
    // Relaxed: tail_ is written only by this side; we read our own last store.
    const index_type t = q.tail_.load(detail::memory_order_relaxed);
    const index_type next = ring::advance(t, 1);
    if (q.known_room(t) == 0) {  // full as far as the private copy knows; always so without one
      // Acquire: pairs with the consumer's release store of head_, so its
      // reads and destruction of the slot we are about to reuse happened before.
      const index_type h = q.head_.load(detail::memory_order_acquire);
      if (ring::distance(h, t) == N) return refuse_(q);
      q.saw_head(h);
    }
    ::heapless::detail::construct_at(slot_in_(q, t), std::forward<Args>(args)...);
    // Release: pairs with the consumer's acquire load of tail_: the element is
    // constructed before the consumer can see the new tail.
    q.tail_.store(next, detail::memory_order_release);
    return true;
  }

 public:
  /// Appends elements from [first, last) until the queue is full; returns how
  /// many went in (the first ones of the range). One publish for the whole
  /// batch; for a T* range of trivially copyable T at most two memcpy calls.
  /// If copying an element throws, none of the batch is published and the
  /// exception propagates. O(count).
  template <class InputIt, class = decltype(*std::declval<InputIt&>(), ++std::declval<InputIt&>(),
                                            std::declval<InputIt&>() != std::declval<InputIt&>())>
  [[nodiscard]] size_type push(InputIt first, InputIt last) {
    if constexpr (detail::is_pointer_to_v<InputIt, T>) {
      return push(first, static_cast<size_type>(last - first));
    } else {
      return push_n_(first, static_cast<size_type>(-1), [&](const InputIt& it) { return it != last; });
    }
  }
  /// Appends up to count elements from data (see push(first, last)).
  [[nodiscard]] size_type push(const T* data, size_type count) {
    return push_n_(data, count, [](const T*) { return true; });
  }
  /// Appends up to r.size() elements from r.data(): any contiguous range of T
  /// (std::span, std::array, heapless::Vec, std::vector...). See push(first, last).
  template <class R, std::enable_if_t<detail::is_contiguous_range_of<R, T>::value, int> = 0>
  [[nodiscard]] size_type push(const R& r) {
    return push(static_cast<const T*>(r.data()), static_cast<size_type>(r.size()));
  }

  // ---- Consumer side ---------------------------------------------------

  /// Removes the front element and returns it; std::nullopt when empty.
  [[nodiscard]] std::optional<T> try_pop() noexcept(std::is_nothrow_move_constructible_v<T>) {
    return pop_optional_(*this);
  }
  /// Move-assigns the front element to out and removes it; false (out
  /// untouched) when empty. If the assignment throws, the element stays.
  [[nodiscard]] bool try_pop(T& out) noexcept(std::is_nothrow_move_assignable_v<T>) {
    return pop_into_(*this, out);
  }
  /// The front element, or nullptr when empty. Consumer only; valid until the
  /// consumer pops it. Peek, then pop() to drop it.
  [[nodiscard]] T* front() noexcept { return front_of_(*this); }
  /// Destroys the front element. Precondition (HEAPLESS_ASSERT): not empty,
  /// e.g. front() returned non-null. O(1).
  void pop() noexcept { pop_in_(*this); }

 private:
  // The pop: try_pop, front and Consumer's. q is this queue's index block
  // or, for an empty Consumer, empty_consumer_block, which reads empty: a
  // slot is reached only after the indices showed an element. Hands the front
  // element to take; with Remove, then destroys it and gives its slot back
  // (if take throws, the element stays). False, take not called, when empty.
  template <bool Remove, class Take>
  static bool front_in_(indices& q, Take take) noexcept(noexcept(take(std::declval<T&>()))) {
    // Relaxed: head_ is written only by this side; we read our own last store.
    const index_type h = q.head_.load(detail::memory_order_relaxed);
    [[maybe_unused]] const index_type next = ring::advance(h, 1);
    if (q.known_items(h) == 0) {  // empty as far as the private copy knows; always so without one
      // Acquire: pairs with the producer's release store of tail_, so the
      // element it constructed is visible before we read it.
      const index_type t = q.tail_.load(detail::memory_order_acquire);
      if (t == h) return refuse_(q);
      q.saw_tail(t);
    }
    T* const p = slot_in_(q, h);
    take(*p);
    if constexpr (Remove) {
      ::heapless::detail::destroy_at(p);
      // Release: pairs with the producer's acquire load of head_: our reads
      // and destruction of the slot happen before it constructs there again.
      q.head_.store(next, detail::memory_order_release);
    }
    return true;
  }
  static bool pop_into_(indices& q, T& out) noexcept(std::is_nothrow_move_assignable_v<T>) {
    return front_in_<true>(q, [&out](T& e) { out = std::move(e); });
  }
  static std::optional<T> pop_optional_(indices& q) noexcept(std::is_nothrow_move_constructible_v<T>) {
    std::optional<T> out;
    (void)front_in_<true>(q, [&out](T& e) { out.emplace(std::move(e)); });
    return out;
  }
  static T* front_of_(indices& q) noexcept {
    T* p = nullptr;
    (void)front_in_<false>(q, [&p](T& e) noexcept { p = &e; });
    return p;
  }
  static void pop_in_(indices& q) noexcept {
    HEAPLESS_ASSERT(front_of_(q) != nullptr, "spsc::Queue::pop on an empty queue");
    // Relaxed: head_ is written only by this side.
    const index_type h = q.head_.load(detail::memory_order_relaxed);
    ::heapless::detail::destroy_at(slot_in_(q, h));
    // Release: as in front_in_, our reads and destruction of the slot happen
    // before the producer, after acquiring head_, constructs there again.
    q.head_.store(ring::advance(h, 1), detail::memory_order_release);
  }

 public:
  /// Moves up to max elements to out, out + 1, ... (any output iterator, or a
  /// T* for memcpy when T is trivially copyable) and removes them; returns how
  /// many. One publish for the whole batch. If an assignment throws, the
  /// elements already moved out are removed and the rest stay. O(count).
  template <class OutputIt>
  [[nodiscard]] size_type pop(OutputIt out, size_type max) {
    // Relaxed: head_ is written only by this side.
    const index_type h = this->head_.load(detail::memory_order_relaxed);
    size_type n = ready_(h, max);  // (acquire load of tail_ when the private copy shows fewer)
    if (n > max) n = max;
    if (n == 0) return 0;
    const size_type s = ring::slot(h);
    const size_type first_len = n < N - s ? n : N - s;
    if constexpr (detail::memcpy_ok<T> && detail::is_pointer_to_v<OutputIt, T>) {
      std::memcpy(out, this->slots_.data() + s, first_len * sizeof(T));
      if (n > first_len) std::memcpy(out + first_len, this->slots_.data(), (n - first_len) * sizeof(T));
      // Release: our reads of the slots happen before the producer reuses them.
      this->head_.store(ring::advance(h, n), detail::memory_order_release);
    } else {
      // Publishes however many were moved out, also when an assignment throws.
      struct publish_guard {
        Queue& q;
        index_type h;
        size_type done;
        ~publish_guard() {
          // Release: our reads and destruction of the slots happen before the
          // producer reuses them.
          if (done) q.head_.store(ring::advance(h, done), detail::memory_order_release);
        }
      } guard{*this, h, 0};
      for (size_type i = s; i < s + first_len; ++i, ++guard.done, ++out) take_(i, out);
      for (size_type i = 0; guard.done < n; ++i, ++guard.done, ++out) take_(i, out);
    }
    return n;
  }

  /// The elements queued now, front first, without removing them: a range
  /// for `for (auto& x : q.peek())`. Consumer only. One acquire load of the
  /// producer's index; elements the producer adds later are not in the view.
  /// The view and its iterators stay valid until the consumer pops. O(1).
  [[nodiscard]] peek_view peek() noexcept {
    // Relaxed: head_ is written only by this side.
    const index_type h = this->head_.load(detail::memory_order_relaxed);
    // Acquire load of tail_ in ready_, unless the private copy shows all N.
    const size_type n = ready_(h, N);
    return peek_view(this->slots_.data(), ring::slot(h), n);
  }

  /// Calls f(T&&) on each element queued now, front first, destroys it and
  /// returns how many: one acquire load of the producer's index and one
  /// release store of ours for the whole batch. If f throws, the elements
  /// already handed to f (including the one it threw on) are removed, the
  /// rest stay, and the exception propagates. Consumer only. O(count).
  template <class F>
  size_type drain(F&& f) {
    // Relaxed: head_ is written only by this side.
    const index_type h = this->head_.load(detail::memory_order_relaxed);
    // Acquire load of tail_ in ready_, unless the private copy shows all N.
    const size_type n = ready_(h, N);
    if (n == 0) return 0;
    struct publish_guard {
      Queue& q;
      index_type h;
      size_type done;
      ~publish_guard() {
        // Release: pairs with the producer's acquire load of head_: our reads
        // and destruction of the slots happen before it reuses them.
        q.head_.store(ring::advance(h, done), detail::memory_order_release);
      }
    } guard{*this, h, 0};
    for (size_type s = ring::slot(h); guard.done < n; s = s + 1 == N ? 0 : s + 1) {
      // The element is destroyed and counted as removed whether f returns
      // or throws (it was handed over as an rvalue).
      struct step_guard {
        detail::uninit_array<T, N>& slots;
        size_type s;
        size_type& done;
        ~step_guard() {
          slots.destroy(s);
          ++done;
        }
      } step{this->slots_, s, guard.done};
      f(std::move(this->slots_.data()[s]));
    }
    return n;
  }

  // ---- Either side -----------------------------------------------------

  /// Number of queued elements: a snapshot (see the header comment). Exact
  /// from the producer or the consumer; from a third thread, some value in
  /// [0, N] that the queue held recently.
  [[nodiscard]] size_type size() const noexcept {
    // Acquire on both: a caller may act on the answer (e.g. read front()).
    const index_type h = this->head_.load(detail::memory_order_acquire);
    const index_type t = this->tail_.load(detail::memory_order_acquire);
    const size_type d = ring::distance(h, t);
    return d < N ? d : N;
  }
  /// size() == 0, a snapshot.
  [[nodiscard]] bool empty() const noexcept { return size() == 0; }
  /// size() == N, a snapshot.
  [[nodiscard]] bool full() const noexcept { return size() == N; }
  /// N.
  [[nodiscard]] static constexpr size_type capacity() noexcept { return N; }
  /// Same as capacity().
  [[nodiscard]] static constexpr size_type max_size() noexcept { return N; }

  /// The producer and consumer handles. Call once, before the two sides run
  /// concurrently; *this must outlive both. Structured bindings:
  ///   auto [tx, rx] = queue.split();
  [[nodiscard]] std::pair<Producer<T, N>, Consumer<T, N>> split() noexcept {
    return {Producer<T, N>(*this), Consumer<T, N>(*this)};
  }

 private:
  // The slot of index i in the queue whose index block is q: only for a
  // queue's block, never an empty handle's (the callers first check the
  // indices). &array[i], not data() + i: GCC then addresses a static queue's
  // slots from the base register it already holds for the indices (less code
  // on Cortex-M0 -Os in a push + pop loop).
  static T* slot_in_(indices& q, index_type i) noexcept {
    return &static_cast<detail::queue_state<T, N, true>&>(q).slots_.data_[ring::slot(i)];
  }

  // The failure path of a single-element operation (full or empty): reports
  // an empty handle's block as the misuse it is (HEAPLESS_ASSERT), then fails.
  static bool refuse_([[maybe_unused]] const indices& q) noexcept {
    HEAPLESS_ASSERT(!detail::is_empty_handle_block(q),
                    "spsc handle used without a queue (default-constructed or moved-from)");
    return false;
  }

  // How many elements the consumer at head h may take, exact or at least
  // `want`: the private copy of tail_ when it shows that many, else tail_.
  size_type ready_(index_type h, size_type want) noexcept {
    size_type n = this->known_items(h);
    if (n == 0 || n < want) {  // (always without private copies)
      // Acquire: pairs with the producer's release store of tail_, so the
      // elements it constructed are visible before we read them.
      const index_type t = this->tail_.load(detail::memory_order_acquire);
      this->saw_tail(t);
      n = ring::distance(h, t);
    }
    return n;
  }

  template <class OutputIt>
  void take_(size_type slot, OutputIt& out) {
    T& e = this->slots_.data()[slot];
    *out = std::move(e);
    this->slots_.destroy(slot);
  }

  // Constructs up to `count` elements from `it` while more(it), then publishes
  // them with one release store.
  template <class It, class More>
  size_type push_n_(It it, size_type count, More more) {
    // Relaxed: tail_ is written only by this side.
    const index_type t = this->tail_.load(detail::memory_order_relaxed);
    size_type room = this->known_room(t);
    if (room == 0 || room < count) {  // (always without private copies)
      // Acquire: pairs with the consumer's release store of head_, so its
      // reads and destruction of the slots we are about to reuse happened before.
      const index_type h = this->head_.load(detail::memory_order_acquire);
      this->saw_head(h);
      room = N - ring::distance(h, t);
    }
    if (room > count) room = count;
    const size_type s = ring::slot(t);
    const size_type first_len = room < N - s ? room : N - s;
    size_type n = 0;
    if constexpr (detail::memcpy_ok<T> && detail::is_pointer_to_v<It, T>) {
      (void)more;
      // An empty range may be a null pointer (an empty std::vector's or
      // Vec<T, 0>'s data()): memcpy must not see it, even with a zero size.
      if (room == 0) return 0;
      std::memcpy(this->slots_.data() + s, it, first_len * sizeof(T));
      if (room > first_len) std::memcpy(this->slots_.data(), it + first_len, (room - first_len) * sizeof(T));
      n = room;
    } else {
      // Destroys the elements of an unfinished batch if a constructor throws.
      struct unpublished_guard {
        detail::uninit_array<T, N>& slots;
        size_type start;
        size_type* built;
        ~unpublished_guard() {
          if constexpr (!std::is_trivially_destructible_v<T>) {
            if (!built) return;
            for (size_type i = 0; i < *built; ++i) {
              const size_type j = start + i;
              slots.destroy(j < N ? j : j - N);
            }
          }
        }
      } guard{this->slots_, s, &n};
      for (size_type i = s; n < first_len && more(it); ++i, ++n, ++it) this->slots_.construct(i, *it);
      for (size_type i = 0; n < room && more(it); ++i, ++n, ++it) this->slots_.construct(i, *it);
      guard.built = nullptr;
    }
    // Release: publishes the whole batch to the consumer's acquire of tail_.
    if (n) this->tail_.store(ring::advance(t, n), detail::memory_order_release);
    return n;
  }
};

namespace detail {

/// What both handles share: a pointer to the queue's index block, move-only
/// (the source becomes empty), and the snapshot observers. An empty handle
/// points at the shared block of its side (empty_producer_block or
/// empty_consumer_block), never at nothing, so the single-element operations
/// need no check of their own (see the header comment).
template <class T, std::size_t N, bool IsProducer>
class handle {
  using indices = queue_indices_for<T, N>;
  static constexpr indices* empty_block() noexcept {
    if constexpr (IsProducer) {
      return &empty_producer_block<N, cached_indices<T, N>::value>;
    } else {
      return &empty_consumer_block<N, cached_indices<T, N>::value>;
    }
  }

 public:
  /// Element type.
  using value_type = T;
  /// Size type.
  using size_type = std::size_t;

  constexpr handle() noexcept = default;
  handle(handle&& o) noexcept : q_(o.q_) { o.q_ = empty_block(); }
  handle& operator=(handle&& o) noexcept {
    indices* q = o.q_;
    o.q_ = empty_block();
    q_ = q;
    return *this;
  }
  handle(const handle&) = delete;
  handle& operator=(const handle&) = delete;

  /// Queue::size, a snapshot. Precondition (HEAPLESS_ASSERT): the handle is not empty.
  [[nodiscard]] size_type size() const noexcept { return queue().size(); }
  /// Queue::empty, a snapshot. Precondition: the handle is not empty.
  [[nodiscard]] bool empty() const noexcept { return queue().empty(); }
  /// Queue::full, a snapshot. Precondition: the handle is not empty.
  [[nodiscard]] bool full() const noexcept { return queue().full(); }
  /// N.
  [[nodiscard]] static constexpr size_type capacity() noexcept { return N; }
  /// False for an empty (default-constructed or moved-from) handle.
  explicit operator bool() const noexcept { return q_ != empty_block(); }

 protected:
  constexpr explicit handle(indices& q) noexcept : q_(&q) {}
  /// The index block: the queue's, or the empty handle's. The empty asm (no
  /// instruction) hides which block it is from the optimiser: knowing it is
  /// the shared one, g++ would follow the path into a slot behind it, which
  /// the indices never take, and warn about array bounds.
  indices& block() const noexcept {
#if defined(__GNUC__) || defined(__clang__)
    __asm__("" : "+m"(q_));
#endif
    return *q_;
  }
  /// The queue. Precondition (HEAPLESS_ASSERT): the handle is not empty.
  Queue<T, N>& queue() const noexcept {
    HEAPLESS_ASSERT(q_ != empty_block(), "spsc handle used without a queue (default-constructed or moved-from)");
    return static_cast<Queue<T, N>&>(static_cast<queue_state<T, N>&>(*q_));
  }

 private:
  mutable indices* q_ = empty_block();  // mutable: block() tells the optimiser it may have changed
};

}  // namespace detail

/// The producer side of a Queue: a pointer to it, move-only so that exactly
/// one producer exists. A default-constructed or moved-from handle is empty:
/// it reads as a full queue, and using it is a HEAPLESS_ASSERT failure.
/// constexpr default constructor, so a static handle (e.g. for an ISR) needs
/// no start-up code.
template <class T, std::size_t N>
class Producer : public detail::handle<T, N, true> {
 public:
  using typename detail::handle<T, N, true>::size_type;
  /// An empty handle; assign one from Queue::split().
  constexpr Producer() noexcept = default;

  /// Queue::try_push.
  [[nodiscard]] bool try_push(const T& v) noexcept(std::is_nothrow_copy_constructible_v<T>) {
    return Queue<T, N>::emplace_in_(this->block(), v);
  }
  /// Queue::try_push; v is not moved from when the queue is full.
  [[nodiscard]] bool try_push(T&& v) noexcept(std::is_nothrow_move_constructible_v<T>) {
    return Queue<T, N>::emplace_in_(this->block(), std::move(v));
  }
  /// Queue::try_emplace.
  template <class... Args>
  [[nodiscard]] bool try_emplace(Args&&... args) noexcept(std::is_nothrow_constructible_v<T, Args...>) {
    return Queue<T, N>::emplace_in_(this->block(), std::forward<Args>(args)...);
  }
  /// Queue::push (bulk): appends from [first, last) until full; returns how many.
  template <class InputIt, class = decltype(std::declval<Queue<T, N>&>().push(std::declval<InputIt>(),
                                                                             std::declval<InputIt>()))>
  [[nodiscard]] size_type push(InputIt first, InputIt last) {
    return this->queue().push(first, last);
  }
  /// Queue::push (bulk): appends up to count elements from data.
  [[nodiscard]] size_type push(const T* data, size_type count) { return this->queue().push(data, count); }
  /// Queue::push (bulk): appends from a contiguous range of T.
  template <class R, std::enable_if_t<detail::is_contiguous_range_of<R, T>::value, int> = 0>
  [[nodiscard]] size_type push(const R& r) {
    return this->queue().push(r);
  }

 private:
  friend class Queue<T, N>;
  constexpr explicit Producer(Queue<T, N>& q) noexcept : detail::handle<T, N, true>(q) {}
};

/// The consumer side of a Queue; like Producer (move-only pointer wrapper).
/// An empty handle reads as an empty queue.
template <class T, std::size_t N>
class Consumer : public detail::handle<T, N, false> {
 public:
  using typename detail::handle<T, N, false>::size_type;
  /// An empty handle; assign one from Queue::split().
  constexpr Consumer() noexcept = default;

  /// Queue::try_pop.
  [[nodiscard]] std::optional<T> try_pop() noexcept(std::is_nothrow_move_constructible_v<T>) {
    return Queue<T, N>::pop_optional_(this->block());
  }
  /// Queue::try_pop(T&).
  [[nodiscard]] bool try_pop(T& out) noexcept(std::is_nothrow_move_assignable_v<T>) {
    return Queue<T, N>::pop_into_(this->block(), out);
  }
  /// Queue::front: the front element or nullptr.
  [[nodiscard]] T* front() const noexcept { return Queue<T, N>::front_of_(this->block()); }
  /// Queue::pop: precondition not empty.
  void pop() const noexcept { Queue<T, N>::pop_in_(this->block()); }
  /// Queue::pop (bulk): moves up to max elements to out; returns how many.
  template <class OutputIt>
  [[nodiscard]] size_type pop(OutputIt out, size_type max) const {
    return this->queue().pop(out, max);
  }
  /// Queue::peek: the queued elements, without removing them.
  [[nodiscard]] typename Queue<T, N>::peek_view peek() const noexcept { return this->queue().peek(); }
  /// Queue::drain: f(T&&) on each queued element; returns how many.
  template <class F>
  size_type drain(F&& f) const {
    return this->queue().drain(std::forward<F>(f));
  }

 private:
  friend class Queue<T, N>;
  constexpr explicit Consumer(Queue<T, N>& q) noexcept : detail::handle<T, N, false>(q) {}
};

}  // namespace spsc
HEAPLESS_NAMESPACE_END

#endif  // HEAPLESS_SPSC_HPP
