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
// without removing them), drain (each to a callback or an output iterator, one acquire and one
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
// spsc::QueueRef<T> is a capacity-erased view of a Queue<T, N> of any N (a
// plain function taking one can be the producer or the consumer); its
// split() gives ProducerRef<T> and ConsumerRef<T>. The queue, its handles and
// the views run one implementation (detail::queue_algo) with the same memory
// orders; the rules above hold for all of them together. docs/views.md.
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
#include <cstdint>      // std::uint16_t: a view's record of where head_ lies
#include <heapless/detail/iterator.hpp>  // std::forward_iterator_tag (peek) without <iterator>
#include <new>          // placement new (via detail/storage.hpp)
#include <optional>     // std::optional: try_pop()
#include <type_traits>  // element traits that pick the fast paths
#include <utility>      // std::move, std::forward, std::pair (split)

#include <heapless/detail/config.hpp>   // HEAPLESS_CACHE_LINE, HEAPLESS_LIKELY
#include <heapless/detail/cstring.hpp>  // detail::mem_copy
#include <heapless/detail/atomic.hpp>   // detail::atomic: the two shared indices
#include <heapless/detail/error.hpp>    // HEAPLESS_ASSERT
#include <heapless/detail/size.hpp>     // detail::smallest_size_t
#include <heapless/detail/storage.hpp>  // detail::uninit_array

HEAPLESS_NAMESPACE_BEGIN
namespace spsc {

template <class T, std::size_t N>
class Queue;
template <class T, std::size_t N>
class Producer;
template <class T, std::size_t N>
class Consumer;
template <class T>
class QueueRef;

namespace detail {

using ::heapless::detail::atomic;
using ::heapless::detail::memory_order;
using ::heapless::detail::memory_order_acq_rel;
using ::heapless::detail::memory_order_acquire;
using ::heapless::detail::memory_order_relaxed;
using ::heapless::detail::memory_order_release;
using ::heapless::detail::memory_order_seq_cst;
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
  // or copying it first; std::size_t itself for every N, so that a view
  // (QueueRef) knows the type without asking.
  using type = std::conditional_t<(HEAPLESS_CACHE_LINE > 0), std::size_t, smallest_size_t<2 * N - 1>>;
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

// ---- Cores: what the one implementation (queue_algo) works on -------------------
// queue_algo's functions run every operation of Queue, QueueRef and their
// handles on a core, which gives them the two shared indices (tail(),
// head(): atomics with load/store), the index arithmetic (advance, distance,
// slot, cap), the private copies (known_room, saw_head, known_items,
// saw_tail) and the slots (at, data). static_core is a Queue<T, N>'s: every
// answer that depends on N is a constant and the atomics are the queue's
// own, so a Queue compiles to the code its members had when they held the
// algorithms. dynamic_core is a view's: the same answers from what the view
// resolved when it was built (the index block, the slots, N, the wrap, the
// layout; the table queue_shape for the rest), the atomics reached through
// their type (always std::size_t on hosts). free_core is a view's for the
// host layout with N a power of two: the owner's arithmetic with N - 1 read
// at run time and no test of the layout; a view's single-element operations
// pick it, or the out-of-line general path, with one test of a flag.

/// A Queue<T, N>'s index block and slots, N known at compile time.
template <class T, std::size_t N>
struct static_core {
  using ring = ring_index<N>;
  using index_type = typename ring::type;
  using block_type = queue_indices_for<T, N>;
  using cap_type = std::integral_constant<std::size_t, N>;
  block_type* q;

  detail::atomic<index_type>& tail() const noexcept { return q->tail_; }
  detail::atomic<index_type>& head() const noexcept { return q->head_; }
  static constexpr cap_type cap() noexcept { return {}; }
  static constexpr index_type advance(index_type i, std::size_t n) noexcept { return ring::advance(i, n); }
  static constexpr std::size_t distance(index_type from, index_type to) noexcept { return ring::distance(from, to); }
  static constexpr std::size_t slot(index_type i) noexcept { return ring::slot(i); }
  std::size_t known_room(index_type t) const noexcept { return q->known_room(t); }
  void saw_head(index_type h) const noexcept { q->saw_head(h); }
  std::size_t known_items(index_type h) const noexcept { return q->known_items(h); }
  void saw_tail(index_type t) const noexcept { q->saw_tail(t); }
  // The slot of index i: only for a queue's block, never an empty handle's
  // (the callers first check the indices). &array[i], not data() + i: GCC
  // then addresses a static queue's slots from the base register it already
  // holds for the indices (less code on Cortex-M0 -Os in a push + pop loop).
  T* at(index_type i) const noexcept {
    return &static_cast<queue_state<T, N, true>&>(*q).slots_.data_[ring::slot(i)];
  }
  T* data() const noexcept { return static_cast<queue_state<T, N, true>&>(*q).slots_.data(); }
  bool is_empty_handle() const noexcept { return is_empty_handle_block(*q); }
};

/// The exact type of a queue's indices, as a view records it.
enum class index_kind : unsigned char { u8, u16, u32, u64, size };

template <class I>
constexpr index_kind index_kind_of() noexcept {
  if constexpr (std::is_same_v<I, std::size_t>) {
    return index_kind::size;
  } else if constexpr (sizeof(I) == 1) {
    return index_kind::u8;
  } else if constexpr (sizeof(I) == 2) {
    return index_kind::u16;
  } else if constexpr (sizeof(I) == 4) {
    return index_kind::u32;
  } else {
    return index_kind::u64;
  }
}

/// f(I*) (a null pointer: only its type matters) for the index type of kind k.
// Always inlined, like the lambdas given to it: the memory order of an
// atomic access must reach the instruction as the constant it is.
template <class F>
HEAPLESS_ALWAYS_INLINE inline auto visit_index(index_kind k, F f) -> decltype(f(static_cast<std::size_t*>(nullptr))) {
  switch (k) {
    case index_kind::u8: return f(static_cast<std::uint8_t*>(nullptr));
    case index_kind::u16: return f(static_cast<std::uint16_t*>(nullptr));
    case index_kind::u32: return f(static_cast<std::uint32_t*>(nullptr));
    case index_kind::u64: return f(static_cast<std::uint64_t*>(nullptr));
    case index_kind::size: break;
  }
  return f(static_cast<std::size_t*>(nullptr));
}

/// Whether every queue's indices are std::size_t (the padded layouts: see
/// ring_index), so that a view needs no dispatch on their type.
inline constexpr bool size_t_indices = HEAPLESS_CACHE_LINE > 0;

/// What a view knows of a Queue<T, N> type: one constant table per type,
/// read when the view is built and on the rare paths (an empty handle).
struct queue_shape {
  std::size_t cap;        // N
  std::size_t slot_mask;  // N a power of two: N - 1; else all ones (see dynamic_core::slot)
  std::size_t wrap;       // where indices wrap: 2N, or 2^bits of the index type (0: the size_t's own wrap)
  std::size_t head_off;   // byte offset of head_ in the index block (tail_ is at 0)
  index_kind kind;        // the index type
  bool cached;            // private copies of the other side's index, each right after its side's index
  void* empty_producer;   // the empty handles' blocks of this layout
  void* empty_consumer;
};

/// The shape of Queue<T, N>: offsets of its index block's members.
template <class T, std::size_t N>
struct queue_shape_of {
  using block_type = queue_indices_for<T, N>;
  using index_type = typename ring_index<N>::type;
  static constexpr bool cached = cached_indices<T, N>::value;
  static_assert(std::is_standard_layout_v<block_type>, "spsc: the index block must be standard-layout");
  static_assert(offsetof(block_type, tail_) == 0, "spsc: tail_ opens the index block");
  // A view finds a side's private copy right after that side's index.
  static constexpr bool private_after_index() noexcept {
    if constexpr (cached) {
      return offsetof(block_type, full_at_) == sizeof(index_type) &&
             offsetof(block_type, tail_cache_) == offsetof(block_type, head_) + sizeof(index_type);
    } else {
      return true;
    }
  }
  static_assert(private_after_index(), "spsc: a private copy follows its side's index");
  static_assert(sizeof(detail::atomic<index_type>) == sizeof(index_type), "spsc: an atomic index is the index");
  static_assert(!size_t_indices || std::is_same_v<index_type, std::size_t>, "spsc: padded layouts index with size_t");
  static constexpr std::size_t wrap() noexcept {
    if constexpr (!ring_index<N>::pow2) {
      return 2 * N;
    } else if constexpr (sizeof(index_type) >= sizeof(std::size_t)) {
      return 0;  // the index wraps where size_t does
    } else {
      return std::size_t{1} << (8 * sizeof(index_type));
    }
  }
  static constexpr queue_shape shape = {N,
                                        ring_index<N>::pow2 ? N - 1 : ~std::size_t{0},
                                        wrap(),
                                        offsetof(block_type, head_),
                                        index_kind_of<index_type>(),
                                        cached,
                                        &empty_producer_block<N, cached>,
                                        &empty_consumer_block<N, cached>};
};

/// An index of a queue's index type, reached through a pointer: loads and
/// stores as the owner's own index does (atomically, with the caller's
/// memory order, for the shared ones).
HEAPLESS_ALWAYS_INLINE inline std::size_t load_index(const void* p, index_kind k, detail::memory_order o) noexcept {
  if constexpr (size_t_indices) {
    (void)k;
    return static_cast<const detail::atomic<std::size_t>*>(p)->load(o);
  } else {
    return visit_index(k, [p, o](auto* type) HEAPLESS_ALWAYS_INLINE -> std::size_t {
      using I = std::remove_pointer_t<decltype(type)>;
      return static_cast<std::size_t>(static_cast<const detail::atomic<I>*>(p)->load(o));
    });
  }
}
HEAPLESS_ALWAYS_INLINE inline void store_index(void* p, index_kind k, std::size_t v, detail::memory_order o) noexcept {
  if constexpr (size_t_indices) {
    (void)k;
    static_cast<detail::atomic<std::size_t>*>(p)->store(v, o);
  } else {
    visit_index(k, [p, v, o](auto* type) HEAPLESS_ALWAYS_INLINE {
      using I = std::remove_pointer_t<decltype(type)>;
      static_cast<detail::atomic<I>*>(p)->store(static_cast<I>(v), o);
    });
  }
}
HEAPLESS_ALWAYS_INLINE inline std::size_t read_plain_index(const void* p, index_kind k) noexcept {
  if constexpr (size_t_indices) {
    (void)k;
    return *static_cast<const std::size_t*>(p);
  } else {
    return visit_index(k, [p](auto* type) HEAPLESS_ALWAYS_INLINE -> std::size_t {
      using I = std::remove_pointer_t<decltype(type)>;
      return static_cast<std::size_t>(*static_cast<const I*>(p));
    });
  }
}
HEAPLESS_ALWAYS_INLINE inline void write_plain_index(void* p, index_kind k, std::size_t v) noexcept {
  if constexpr (size_t_indices) {
    (void)k;
    *static_cast<std::size_t*>(p) = v;
  } else {
    visit_index(k, [p, v](auto* type) HEAPLESS_ALWAYS_INLINE {
      using I = std::remove_pointer_t<decltype(type)>;
      *static_cast<I*>(p) = static_cast<I>(v);
    });
  }
}

/// An atomic index of the queue's type (a view's tail() and head()).
struct atomic_index_ref {
  void* p;
  index_kind kind;
  HEAPLESS_ALWAYS_INLINE std::size_t load(detail::memory_order o) const noexcept { return load_index(p, kind, o); }
  HEAPLESS_ALWAYS_INLINE void store(std::size_t v, detail::memory_order o) const noexcept {
    store_index(p, kind, v, o);
  }
};

/// The capacity of a view's queue, at run time (peek_range's Cap).
struct runtime_cap {
  std::size_t value;
  constexpr operator std::size_t() const noexcept { return value; }  // NOLINT: a capacity reads as a number
};

/// A view's core for the queues whose single-element operations need no
/// run-time test at all: the padded layout (size_t indices, each private
/// copy right after its side's index, head_ one line in, the slots from the
/// first line after the indices) with N a power of two (free-running
/// indices). Every answer is the owner's arithmetic, with N - 1 read at run
/// time.
template <class T>
struct free_core {
  using index_type = std::size_t;
  using cap_type = runtime_cap;
  using atomic_index = detail::atomic<std::size_t>;
  static constexpr std::size_t head_off = line_align<atomic_index>;
  static constexpr std::size_t slots_align = line_align<uninit_array<T, 1>>;
  static constexpr std::size_t slots_off = (2 * head_off + slots_align - 1) / slots_align * slots_align;
  void* q;           // the index block; tail_ opens it
  std::size_t last;  // N - 1
  const queue_shape* s;

  atomic_index& tail() const noexcept { return *static_cast<atomic_index*>(q); }
  atomic_index& head() const noexcept { return *static_cast<atomic_index*>(at_(head_off)); }
  runtime_cap cap() const noexcept { return {last + 1}; }
  static index_type advance(index_type i, std::size_t k) noexcept { return i + k; }
  static std::size_t distance(index_type from, index_type to) noexcept { return to - from; }
  std::size_t slot(index_type i) const noexcept { return i & last; }
  std::size_t known_room(index_type t) const noexcept { return distance(t, full_at_()); }
  void saw_head(index_type h) const noexcept { full_at_() = h + last + 1; }
  std::size_t known_items(index_type h) const noexcept { return distance(h, tail_cache_()); }
  void saw_tail(index_type t) const noexcept { tail_cache_() = t; }
  // Only for a queue's block (the callers first check the indices).
  T* at(index_type i) const noexcept { return data() + slot(i); }
  T* data() const noexcept { return static_cast<T*>(at_(slots_off)); }
  bool is_empty_handle() const noexcept { return q == s->empty_producer || q == s->empty_consumer; }

 private:
  void* at_(std::size_t off) const noexcept { return static_cast<char*>(q) + off; }
  std::size_t& full_at_() const noexcept { return *static_cast<std::size_t*>(at_(sizeof(std::size_t))); }
  std::size_t& tail_cache_() const noexcept { return *static_cast<std::size_t*>(at_(head_off + sizeof(std::size_t))); }
};

/// A view's core: what every operation needs, resolved once when the view
/// is built (the index block, the slots, N, how indices wrap, where head_
/// lies, the index type and layout), so that an operation is the owner's
/// arithmetic on a few loaded words; the table (queue_shape) for the rest.
/// On hosts the single-element operations of a queue with a free_core run
/// on that (free_flag).
template <class T>
struct dynamic_core {
  using index_type = std::size_t;
  using cap_type = runtime_cap;
  void* q;  // the index block; tail_ opens it
  T* slots;
  std::size_t last;   // N - 1
  std::size_t wrap_;  // shape's wrap: 0 when indices run free over size_t (N a power of two)
  const queue_shape* s;
  std::uint16_t head_off;  // shape's
  index_kind kind;         // shape's
  std::uint8_t flags;      // cached_flag, free_flag
  static constexpr std::uint8_t cached_flag = 1;  // shape's cached
  static constexpr std::uint8_t free_flag = 2;    // free_core serves the single-element operations
  /// Single-element operations first look for the free_core (hosts only).
  static constexpr bool has_free_core = size_t_indices;

  template <std::size_t N>
  static dynamic_core of(void* block, T* slots) noexcept {
    using shape = queue_shape_of<T, N>;
    static_assert(shape::shape.head_off <= 0xFFFFu, "spsc: head_ too far into the index block");
    constexpr bool free_layout = size_t_indices && shape::cached && shape::shape.wrap == 0;
    static_assert(!free_layout || shape::shape.head_off == free_core<T>::head_off,
                  "spsc: free_core's head_ is the padded layout's");
    // (The slots' place is the layout's; the test folds to a constant.)
    const bool free = free_layout && static_cast<void*>(slots) == static_cast<char*>(block) + free_core<T>::slots_off;
    return {block,
            slots,
            N - 1,
            shape::shape.wrap,
            &shape::shape,
            static_cast<std::uint16_t>(shape::shape.head_off),
            shape::shape.kind,
            static_cast<std::uint8_t>((shape::cached ? cached_flag : 0) | (free ? free_flag : 0))};
  }
  bool cached() const noexcept { return (flags & cached_flag) != 0; }
  bool is_free() const noexcept { return (flags & free_flag) != 0; }
  free_core<T> free() const noexcept { return {q, last, s}; }
  std::size_t n() const noexcept { return last + 1; }
  struct general_core;
  general_core general() const noexcept;
  index_kind kind_() const noexcept {
    if constexpr (size_t_indices) {
      return index_kind::size;
    } else {
      return kind;
    }
  }
  void* head_() const noexcept { return static_cast<char*>(q) + head_off; }
  atomic_index_ref tail() const noexcept { return {q, kind_()}; }
  atomic_index_ref head() const noexcept { return {head_(), kind_()}; }
  runtime_cap cap() const noexcept { return {n()}; }
  // Index arithmetic. Free-running indices (wrap_ == 0) are the owner's for
  // a power-of-two N; otherwise indices wrap at wrap_ (2N, or 2^bits of a
  // narrow index type when N is a power of two: Cortex-M).
  index_type advance(index_type i, std::size_t k) const noexcept {
    const std::size_t j = i + k;
    if (wrap_ == 0) return j;
    return j >= wrap_ ? j - wrap_ : j;
  }
  std::size_t distance(index_type from, index_type to) const noexcept {
    if (wrap_ == 0) return to - from;
    return to >= from ? to - from : to + wrap_ - from;
  }
  std::size_t slot(index_type i) const noexcept {
    if (wrap_ == 0) return i & last;
    // Below 2N, unless a narrow index of a power-of-two N runs free (only
    // without padding): its low bits then give the slot.
    std::size_t j = i;
    if constexpr (!size_t_indices) j &= s->slot_mask;
    return j > last ? j - n() : j;
  }
  // The private copies (cached layouts only), each right after its side's index.
  void* full_at_() const noexcept { return static_cast<char*>(q) + index_size_(); }
  void* tail_cache_() const noexcept { return static_cast<char*>(head_()) + index_size_(); }
  std::size_t index_size_() const noexcept {
    if constexpr (size_t_indices) {
      return sizeof(std::size_t);
    } else {
      switch (kind) {
        case index_kind::u8: return 1;
        case index_kind::u16: return 2;
        case index_kind::u32: return 4;
        case index_kind::u64: return 8;
        case index_kind::size: break;
      }
      return sizeof(std::size_t);
    }
  }
  std::size_t known_room(index_type t) const noexcept {
    return cached() ? distance(t, read_plain_index(full_at_(), kind_())) : 0;
  }
  void saw_head(index_type h) const noexcept {
    if (cached()) write_plain_index(full_at_(), kind_(), advance(h, n()));
  }
  std::size_t known_items(index_type h) const noexcept {
    return cached() ? distance(h, read_plain_index(tail_cache_(), kind_())) : 0;
  }
  void saw_tail(index_type t) const noexcept {
    if (cached()) write_plain_index(tail_cache_(), kind_(), t);
  }
  T* at(index_type i) const noexcept { return slots + slot(i); }
  T* data() const noexcept { return slots; }
  bool is_empty_handle() const noexcept { return q == s->empty_producer || q == s->empty_consumer; }
};

/// A view's core as the single-element operations see it once they know
/// that the queue has no free_core: the same core, without the dispatch.
template <class T>
struct dynamic_core<T>::general_core : dynamic_core<T> {
  static constexpr bool has_free_core = false;
};
template <class T>
typename dynamic_core<T>::general_core dynamic_core<T>::general() const noexcept {
  return {*this};
}

// ---- peek's range -------------------------------------------------------------

/// The queued elements peek() saw, front first: a forward range over the
/// ring. Cap is the capacity: a constant for a Queue, a number for a view.
template <class T, class Cap>
class peek_range {
 public:
  /// Forward iterator over the peeked elements, front first.
  class iterator : private Cap {
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
      slot_ = slot_ + 1 == cap_() ? 0 : slot_ + 1;
      ++pos_;
      return *this;
    }
    /// Advances to the next element; returns the previous position.
    iterator operator++(int) noexcept {
      iterator old = *this;
      ++*this;
      return old;
    }
    /// Same position.
    friend bool operator==(const iterator& a, const iterator& b) noexcept { return a.pos_ == b.pos_; }
    /// Different positions.
    friend bool operator!=(const iterator& a, const iterator& b) noexcept { return a.pos_ != b.pos_; }

   private:
    friend class peek_range;
    iterator(Cap cap, T* data, std::size_t slot, std::size_t pos) noexcept
        : Cap(cap), data_(data), slot_(slot), pos_(pos) {}
    std::size_t cap_() const noexcept { return static_cast<const Cap&>(*this); }
    T* data_ = nullptr;
    std::size_t slot_ = 0;  // slot of the current element
    std::size_t pos_ = 0;   // elements from the front (end: size())
  };
  /// Element type.
  using value_type = T;
  /// Size type.
  using size_type = std::size_t;

  /// Iterator to the front element.
  iterator begin() const noexcept { return iterator(cap_, data_, start_, 0); }
  /// Iterator past the last peeked element.
  iterator end() const noexcept {
    const size_type j = start_ + n_;
    return iterator(cap_, data_, j >= cap_ ? j - cap_ : j, n_);
  }
  /// The number of peeked elements.
  size_type size() const noexcept { return n_; }
  /// true when size() == 0.
  bool empty() const noexcept { return n_ == 0; }

  /// The elements [start, start + n) of the ring at data (slot indices modulo cap).
  peek_range(Cap cap, T* data, size_type start, size_type n) noexcept
      : cap_(cap), data_(data), start_(start), n_(n) {}

 private:
  Cap cap_;
  T* data_;
  size_type start_;
  size_type n_;
};

// ---- The algorithms, once --------------------------------------------------------

/// Whether a core is a view's whose queue may have a free_core (then the
/// single-element operations run on that when the view says so).
template <class C, class = void>
inline constexpr bool has_free_core = false;
template <class C>
inline constexpr bool has_free_core<C, std::enable_if_t<C::has_free_core>> = true;


/// Every operation of Queue, QueueRef and their handles, on a core C
/// (static_core or dynamic_core). Single-element operations may run on an
/// empty handle's block (it reads full to a producer and empty to a
/// consumer): a slot is reached only after the indices showed room or an
/// element.
template <class T>
struct queue_algo {
  using size_type = std::size_t;

  // The failure path of a single-element operation (full or empty): reports
  // an empty handle's block as the misuse it is (HEAPLESS_ASSERT), then fails.
  template <class C>
  static bool refuse(const C& c) noexcept {
    HEAPLESS_ASSERT(!c.is_empty_handle(), "spsc handle used without a queue (default-constructed or moved-from)");
    (void)c;
    return false;
  }

  // ---- Producer side ---------------------------------------------------
  // The push: try_push, try_emplace and the producer handles'.
  template <class C, class... Args>
  static bool emplace(const C& c, Args&&... args) noexcept(std::is_nothrow_constructible_v<T, Args...>) {
    if constexpr (has_free_core<C>) {
      if (HEAPLESS_LIKELY(c.is_free())) return emplace(c.free(), std::forward<Args>(args)...);
      return emplace_general<pass_t<Args>...>(c.general(), std::forward<Args>(args)...);
    }
    using index_type = typename C::index_type;
    // Relaxed: tail_ is written only by this side; we read our own last store.
    const index_type t = c.tail().load(detail::memory_order_relaxed);
    const index_type next = c.advance(t, 1);
    // Unlikely (with a private copy the refresh is the rare case): compilers
    // then put it out of line, and a caller's loop of pushes runs the slot
    // path straight through from its top instead of being entered in the
    // middle. Without a private copy the test is a constant and the hint moot.
    if (HEAPLESS_UNLIKELY(c.known_room(t) == 0)) {  // full as far as the private copy knows; always so without one
      // Acquire: pairs with the consumer's release store of head_, so its
      // reads and destruction of the slot we are about to reuse happened before.
      const index_type h = c.head().load(detail::memory_order_acquire);
      if (c.distance(h, t) == c.cap()) return refuse(c);
      c.saw_head(h);
    }
    ::heapless::detail::construct_at(c.at(t), std::forward<Args>(args)...);
    // Release: pairs with the consumer's acquire load of tail_: the element is
    // constructed before the consumer can see the new tail.
    c.tail().store(next, detail::memory_order_release);
    return true;
  }

  // A view's single-element operations on a queue without a free_core: out
  // of line, so that the free path, inlined, stays small. Small trivially
  // copyable arguments and results travel by value, so that the caller's
  // variables need no address (and no place in memory) for the rare call.
  template <class A, class D = std::remove_cv_t<std::remove_reference_t<A>>>
  using pass_t = std::conditional_t<std::is_trivially_copyable_v<D> && sizeof(D) <= 2 * sizeof(void*) &&
                                        (!std::is_lvalue_reference_v<A> || std::is_const_v<std::remove_reference_t<A>>),
                                    D, A&&>;
  template <class... P, class C>
  HEAPLESS_NOINLINE static bool emplace_general(const C& c, P... args) noexcept(
      std::is_nothrow_constructible_v<T, P&&...>) {
    return emplace(c, std::forward<P>(args)...);
  }
  template <class C>
  HEAPLESS_NOINLINE static std::optional<T> pop_optional_general(const C& c) noexcept(
      std::is_nothrow_move_constructible_v<T>) {
    return pop_optional(c);
  }
  template <class C>
  HEAPLESS_NOINLINE static bool pop_into_general(const C& c, T& out) noexcept(std::is_nothrow_move_assignable_v<T>) {
    return pop_into(c, out);
  }
  template <class C>
  HEAPLESS_NOINLINE static T* front_of_general(const C& c) noexcept {
    return front_of(c);
  }
  template <class C>
  HEAPLESS_NOINLINE static void pop_in_general(const C& c) noexcept {
    pop_in(c);
  }
  static constexpr bool small_trivial = std::is_trivially_copyable_v<T> && sizeof(T) <= 2 * sizeof(void*);

  // Constructs up to `count` elements from `it` while more(it), then publishes
  // them with one release store.
  template <class C, class It, class More>
  static size_type push_n(const C& c, It it, size_type count, More more) {
    using index_type = typename C::index_type;
    const size_type cap = c.cap();
    // Relaxed: tail_ is written only by this side.
    const index_type t = c.tail().load(detail::memory_order_relaxed);
    size_type room = c.known_room(t);
    if (room == 0 || room < count) {  // (always without private copies)
      // Acquire: pairs with the consumer's release store of head_, so its
      // reads and destruction of the slots we are about to reuse happened before.
      const index_type h = c.head().load(detail::memory_order_acquire);
      c.saw_head(h);
      room = cap - c.distance(h, t);
    }
    if (room > count) room = count;
    const size_type s = c.slot(t);
    const size_type first_len = room < cap - s ? room : cap - s;
    T* const data = c.data();
    size_type n = 0;
    if constexpr (memcpy_ok<T> && is_pointer_to_v<It, T>) {
      (void)more;
      // An empty range may be a null pointer (an empty std::vector's or
      // Vec<T, 0>'s data()): memcpy must not see it, even with a zero size.
      if (room == 0) return 0;
      ::heapless::detail::mem_copy(data + s, it, first_len * sizeof(T));
      if (room > first_len) ::heapless::detail::mem_copy(data, it + first_len, (room - first_len) * sizeof(T));
      n = room;
    } else {
      // Destroys the elements of an unfinished batch if a constructor throws.
      struct unpublished_guard {
        T* data;
        size_type cap;
        size_type start;
        size_type* built;
        ~unpublished_guard() {
          if constexpr (!std::is_trivially_destructible_v<T>) {
            if (!built) return;
            for (size_type i = 0; i < *built; ++i) {
              const size_type j = start + i;
              ::heapless::detail::destroy_at(data + (j < cap ? j : j - cap));
            }
          }
        }
      } guard{data, cap, s, &n};
      for (size_type i = s; n < first_len && more(it); ++i, ++n, ++it) ::heapless::detail::construct_at(data + i, *it);
      for (size_type i = 0; n < room && more(it); ++i, ++n, ++it) ::heapless::detail::construct_at(data + i, *it);
      guard.built = nullptr;
    }
    // Release: publishes the whole batch to the consumer's acquire of tail_.
    if (n) c.tail().store(c.advance(t, n), detail::memory_order_release);
    return n;
  }
  template <class C, class InputIt>
  static size_type push(const C& c, InputIt first, InputIt last) {
    if constexpr (is_pointer_to_v<InputIt, T>) {
      return push_n(c, static_cast<const T*>(first), static_cast<size_type>(last - first),
                    [](const T*) { return true; });
    } else {
      return push_n(c, first, static_cast<size_type>(-1), [&](const InputIt& it) { return it != last; });
    }
  }

  // ---- Consumer side ---------------------------------------------------
  // Hands the front element to take; with Remove, then destroys it and gives
  // its slot back (if take throws, the element stays). False, take not
  // called, when empty.
  template <bool Remove, class C, class Take>
  static bool front_in(const C& c, Take take) noexcept(noexcept(take(std::declval<T&>()))) {
    using index_type = typename C::index_type;
    // Relaxed: head_ is written only by this side; we read our own last store.
    const index_type h = c.head().load(detail::memory_order_relaxed);
    [[maybe_unused]] const index_type next = c.advance(h, 1);
    // Unlikely: as in the push above.
    if (HEAPLESS_UNLIKELY(c.known_items(h) == 0)) {  // empty as far as the private copy knows; always so without one
      // Acquire: pairs with the producer's release store of tail_, so the
      // element it constructed is visible before we read it.
      const index_type t = c.tail().load(detail::memory_order_acquire);
      if (t == h) return refuse(c);
      c.saw_tail(t);
    }
    T* const p = c.at(h);
    take(*p);
    if constexpr (Remove) {
      ::heapless::detail::destroy_at(p);
      // Release: pairs with the producer's acquire load of head_: our reads
      // and destruction of the slot happen before it constructs there again.
      c.head().store(next, detail::memory_order_release);
    }
    return true;
  }
  template <class C>
  static bool pop_into(const C& c, T& out) noexcept(std::is_nothrow_move_assignable_v<T>) {
    if constexpr (has_free_core<C>) {
      if (HEAPLESS_LIKELY(c.is_free())) return pop_into(c.free(), out);
      if constexpr (small_trivial) {
        const std::optional<T> e = pop_optional_general(c.general());
        if (e) out = *e;
        return e.has_value();
      } else {
        return pop_into_general(c.general(), out);
      }
    }
    return front_in<true>(c, [&out](T& e) { out = std::move(e); });
  }
  template <class C>
  static std::optional<T> pop_optional(const C& c) noexcept(std::is_nothrow_move_constructible_v<T>) {
    if constexpr (has_free_core<C>) {
      if (HEAPLESS_LIKELY(c.is_free())) return pop_optional(c.free());
      return pop_optional_general(c.general());
    }
    std::optional<T> out;
    (void)front_in<true>(c, [&out](T& e) { out.emplace(std::move(e)); });
    return out;
  }
  template <class C>
  static T* front_of(const C& c) noexcept {
    if constexpr (has_free_core<C>) {
      if (HEAPLESS_LIKELY(c.is_free())) return front_of(c.free());
      return front_of_general(c.general());
    }
    T* p = nullptr;
    (void)front_in<false>(c, [&p](T& e) noexcept { p = &e; });
    return p;
  }
  template <class C>
  static void pop_in(const C& c) noexcept {
    if constexpr (has_free_core<C>) {
      if (HEAPLESS_LIKELY(c.is_free())) return pop_in(c.free());
      return pop_in_general(c.general());
    }
    HEAPLESS_ASSERT(front_of(c) != nullptr, "spsc::Queue::pop on an empty queue");
    // Relaxed: head_ is written only by this side.
    const typename C::index_type h = c.head().load(detail::memory_order_relaxed);
    ::heapless::detail::destroy_at(c.at(h));
    // Release: as in front_in, our reads and destruction of the slot happen
    // before the producer, after acquiring head_, constructs there again.
    c.head().store(c.advance(h, 1), detail::memory_order_release);
  }

  // How many elements the consumer at head h may take, exact or at least
  // `want`: the private copy of tail_ when it shows that many, else tail_.
  template <class C>
  static size_type ready(const C& c, typename C::index_type h, size_type want) noexcept {
    size_type n = c.known_items(h);
    if (n == 0 || n < want) {  // (always without private copies)
      // Acquire: pairs with the producer's release store of tail_, so the
      // elements it constructed are visible before we read them.
      const typename C::index_type t = c.tail().load(detail::memory_order_acquire);
      c.saw_tail(t);
      n = c.distance(h, t);
    }
    return n;
  }

  template <class C, class OutputIt>
  static size_type pop(const C& c, OutputIt out, size_type max) {
    using index_type = typename C::index_type;
    const size_type cap = c.cap();
    // Relaxed: head_ is written only by this side.
    const index_type h = c.head().load(detail::memory_order_relaxed);
    size_type n = ready(c, h, max);  // (acquire load of tail_ when the private copy shows fewer)
    if (n > max) n = max;
    if (n == 0) return 0;
    const size_type s = c.slot(h);
    const size_type first_len = n < cap - s ? n : cap - s;
    T* const data = c.data();
    if constexpr (memcpy_ok<T> && is_pointer_to_v<OutputIt, T>) {
      ::heapless::detail::mem_copy(out, data + s, first_len * sizeof(T));
      if (n > first_len) ::heapless::detail::mem_copy(out + first_len, data, (n - first_len) * sizeof(T));
      // Release: our reads of the slots happen before the producer reuses them.
      c.head().store(c.advance(h, n), detail::memory_order_release);
    } else {
      // Publishes however many were moved out, also when an assignment throws.
      struct publish_guard {
        const C& c;
        index_type h;
        size_type done;
        ~publish_guard() {
          // Release: our reads and destruction of the slots happen before the
          // producer reuses them.
          if (done) c.head().store(c.advance(h, done), detail::memory_order_release);
        }
      } guard{c, h, 0};
      for (size_type i = s; i < s + first_len; ++i, ++guard.done, ++out) take(data, i, out);
      for (size_type i = 0; guard.done < n; ++i, ++guard.done, ++out) take(data, i, out);
    }
    return n;
  }
  template <class OutputIt>
  static void take(T* data, size_type slot, OutputIt& out) {
    T& e = data[slot];
    *out = std::move(e);
    ::heapless::detail::destroy_at(&e);
  }

  template <class C>
  static peek_range<T, typename C::cap_type> peek(const C& c) noexcept {
    // Relaxed: head_ is written only by this side.
    const typename C::index_type h = c.head().load(detail::memory_order_relaxed);
    // Acquire load of tail_ in ready, unless the private copy shows all N.
    const size_type n = ready(c, h, c.cap());
    return peek_range<T, typename C::cap_type>(c.cap(), c.data(), c.slot(h), n);
  }

  template <class C, class F>
  static size_type drain(const C& c, F&& f) {
    using index_type = typename C::index_type;
    const size_type cap = c.cap();
    // Relaxed: head_ is written only by this side.
    const index_type h = c.head().load(detail::memory_order_relaxed);
    // Acquire load of tail_ in ready, unless the private copy shows all N.
    const size_type n = ready(c, h, cap);
    if (n == 0) return 0;
    struct publish_guard {
      const C& c;
      index_type h;
      size_type done;
      ~publish_guard() {
        // Release: pairs with the producer's acquire load of head_: our reads
        // and destruction of the slots happen before it reuses them.
        c.head().store(c.advance(h, done), detail::memory_order_release);
      }
    } guard{c, h, 0};
    T* const data = c.data();
    for (size_type s = c.slot(h); guard.done < n; s = s + 1 == cap ? 0 : s + 1) {
      // The element is destroyed and counted as removed whether f returns
      // or throws (it was handed over as an rvalue).
      struct step_guard {
        T* e;
        size_type& done;
        ~step_guard() {
          ::heapless::detail::destroy_at(e);
          ++done;
        }
      } step{data + s, guard.done};
      f(std::move(data[s]));
    }
    return n;
  }
  /// drain(out) for an output iterator: every element queued now, as pop(out, max)
  /// with max = the capacity (one acquire load, one release store).
  template <class C, class OutputIt>
  static size_type drain_to(const C& c, OutputIt out) {
    return pop(c, out, c.cap());
  }

  // ---- Either side -----------------------------------------------------
  template <class C>
  static size_type size(const C& c) noexcept {
    using index_type = typename C::index_type;
    // Acquire on both: a caller may act on the answer (e.g. read front()).
    const index_type h = c.head().load(detail::memory_order_acquire);
    const index_type t = c.tail().load(detail::memory_order_acquire);
    const size_type d = c.distance(h, t);
    const size_type cap = c.cap();
    return d < cap ? d : cap;
  }
};

// ---- The members, once -----------------------------------------------------------
// D (Queue, QueueRef, or a handle) gives core(): the core its operations run
// on; the bulk operations and observers of a handle use checked_core(),
// which asserts that the handle is not empty (its single-element operations
// need no check: see the header comment).

/// size(), empty(), full(): a snapshot (see the header comment).
template <class D, class T>
class queue_observers {
 public:
  /// Size type.
  using size_type = std::size_t;
  /// Number of queued elements: a snapshot (see the header comment). Exact
  /// from the producer or the consumer; from a third thread, some value in
  /// [0, capacity()] that the queue held recently. On a handle:
  /// precondition (HEAPLESS_ASSERT) the handle is not empty.
  [[nodiscard]] size_type size() const noexcept { return queue_algo<T>::size(d_().checked_core()); }
  /// size() == 0, a snapshot.
  [[nodiscard]] bool empty() const noexcept { return size() == 0; }
  /// size() == capacity(), a snapshot.
  [[nodiscard]] bool full() const noexcept {
    const auto c = d_().checked_core();
    return queue_algo<T>::size(c) == c.cap();
  }

 private:
  const D& d_() const noexcept { return static_cast<const D&>(*this); }
};

/// The producer's members (Queue, QueueRef, and their producer handles).
template <class D, class T>
class producer_members {
  using algo_ = queue_algo<T>;

 public:
  /// Appends a copy of v. Returns false (and changes nothing) when full.
  [[nodiscard]] bool try_push(const T& v) noexcept(std::is_nothrow_copy_constructible_v<T>) {
    return algo_::emplace(d_().core(), v);
  }
  /// Appends v moved. Returns false when full; v is then not moved from.
  [[nodiscard]] bool try_push(T&& v) noexcept(std::is_nothrow_move_constructible_v<T>) {
    return algo_::emplace(d_().core(), std::move(v));
  }
  /// Constructs an element from args at the back. Returns false (args
  /// untouched) when full. If the constructor throws, nothing is published.
  template <class... Args>
  [[nodiscard]] bool try_emplace(Args&&... args) noexcept(std::is_nothrow_constructible_v<T, Args...>) {
    return algo_::emplace(d_().core(), std::forward<Args>(args)...);
  }
  /// Appends elements from [first, last) until the queue is full; returns how
  /// many went in (the first ones of the range). One publish for the whole
  /// batch; for a T* range of trivially copyable T at most two memcpy calls.
  /// If copying an element throws, none of the batch is published and the
  /// exception propagates. O(count).
  template <class InputIt, class = decltype(*std::declval<InputIt&>(), ++std::declval<InputIt&>(),
                                            std::declval<InputIt&>() != std::declval<InputIt&>())>
  [[nodiscard]] std::size_t push(InputIt first, InputIt last) {
    return algo_::push(d_().checked_core(), first, last);
  }
  /// Appends up to count elements from data (see push(first, last)).
  [[nodiscard]] std::size_t push(const T* data, std::size_t count) {
    return algo_::push_n(d_().checked_core(), data, count, [](const T*) { return true; });
  }
  /// Appends up to r.size() elements from r.data(): any contiguous range of T
  /// (std::span, std::array, heapless::Vec, std::vector...). See push(first, last).
  template <class R, std::enable_if_t<is_contiguous_range_of<R, T>::value, int> = 0>
  [[nodiscard]] std::size_t push(const R& r) {
    return push(static_cast<const T*>(r.data()), static_cast<std::size_t>(r.size()));
  }

 private:
  D& d_() noexcept { return static_cast<D&>(*this); }
};

/// The consumer's members (Queue, QueueRef, and their consumer handles).
/// Non-const, like the producer's: they change the queue, whether it is
/// reached directly or through a handle or view.
template <class D, class T, class Cap>
class consumer_members {
  using algo_ = queue_algo<T>;

 public:
  /// The queued elements seen by peek(): a forward range, front first.
  using peek_view = peek_range<T, Cap>;

  /// Removes the front element and returns it; std::nullopt when empty.
  [[nodiscard]] std::optional<T> try_pop() noexcept(std::is_nothrow_move_constructible_v<T>) {
    return algo_::pop_optional(d_().core());
  }
  /// Move-assigns the front element to out and removes it; false (out
  /// untouched) when empty. If the assignment throws, the element stays.
  [[nodiscard]] bool try_pop(T& out) noexcept(std::is_nothrow_move_assignable_v<T>) {
    return algo_::pop_into(d_().core(), out);
  }
  /// The front element, or nullptr when empty. Consumer only; valid until the
  /// consumer pops it. Peek, then pop() to drop it.
  [[nodiscard]] T* front() noexcept { return algo_::front_of(d_().core()); }
  /// Destroys the front element. Precondition (HEAPLESS_ASSERT): not empty,
  /// e.g. front() returned non-null. O(1).
  void pop() noexcept { algo_::pop_in(d_().core()); }
  /// Moves up to max elements to out, out + 1, ... (any output iterator, or a
  /// T* for memcpy when T is trivially copyable) and removes them; returns how
  /// many. One publish for the whole batch. If an assignment throws, the
  /// elements already moved out are removed and the rest stay. O(count).
  template <class OutputIt>
  [[nodiscard]] std::size_t pop(OutputIt out, std::size_t max) {
    return algo_::pop(d_().checked_core(), out, max);
  }
  /// The elements queued now, front first, without removing them: a range
  /// for `for (auto& x : q.peek())`. Consumer only. One acquire load of the
  /// producer's index; elements the producer adds later are not in the view.
  /// The view and its iterators stay valid until the consumer pops. O(1).
  [[nodiscard]] peek_view peek() noexcept { return algo_::peek(d_().checked_core()); }
  /// Calls f(T&&) on each element queued now, front first, destroys it and
  /// returns how many: one acquire load of the producer's index and one
  /// release store of ours for the whole batch. If f throws, the elements
  /// already handed to f (including the one it threw on) are removed, the
  /// rest stay, and the exception propagates. Consumer only. O(count).
  ///
  /// An output iterator instead of a callable (`drain(std::back_inserter(v))`,
  /// or a T* for memcpy when T is trivially copyable): each element queued now
  /// is move-assigned to *out++ and destroyed, in one acquire-release pair as
  /// pop(out, capacity()). If an assignment throws, the elements already moved
  /// out are removed, the rest (the one it threw on included) stay.
  ///
  /// A callable that takes only an lvalue (`[](auto& x)`, `[](T& x)`, as in
  /// `for (auto& x : q.peek())`) gets each element as an lvalue instead.
  template <class F>
  std::size_t drain(F&& f) {
    if constexpr (std::is_invocable_v<F&, T&&>) {
      return algo_::drain(d_().checked_core(), std::forward<F>(f));
    } else if constexpr (std::is_invocable_v<F&, T&>) {
      return algo_::drain(d_().checked_core(), [&f](T&& e) { f(e); });
    } else {
      return algo_::drain_to(d_().checked_core(), static_cast<std::decay_t<F>>(f));
    }
  }

 private:
  D& d_() noexcept { return static_cast<D&>(*this); }
  const D& d_() const noexcept { return static_cast<const D&>(*this); }
};

template <class T, std::size_t N, bool IsProducer>
class handle;
template <class T, bool IsProducer>
class ref_handle;

}  // namespace detail

/// A wait-free single-producer single-consumer FIFO of exactly N elements,
/// stored inline. Neither copyable nor movable (the two sides hold on to it).
/// Its members are shared with QueueRef (detail::producer_members,
/// detail::consumer_members, detail::queue_observers).
template <class T, std::size_t N>
class Queue : private detail::queue_state<T, N>,
              public detail::producer_members<Queue<T, N>, T>,
              public detail::consumer_members<Queue<T, N>, T, std::integral_constant<std::size_t, N>>,
              public detail::queue_observers<Queue<T, N>, T> {
  using core_type = detail::static_core<T, N>;
  static_assert(std::is_object_v<T> && !std::is_const_v<T> && !std::is_volatile_v<T>,
                "spsc::Queue<T, N>: T must be a non-const, non-volatile object type");
  static_assert(std::is_nothrow_destructible_v<T>, "spsc::Queue<T, N>: T's destructor must not throw");
  friend class Producer<T, N>;
  friend class Consumer<T, N>;
  template <class, std::size_t, bool>
  friend class detail::handle;
  template <class, class>
  friend class detail::producer_members;
  template <class, class, class>
  friend class detail::consumer_members;
  template <class, class>
  friend class detail::queue_observers;
  template <class>
  friend class QueueRef;

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

  /// Empty queue. constexpr: a static queue is constant-initialised; no
  /// element storage is touched.
  constexpr Queue() noexcept = default;
  Queue(const Queue&) = delete;
  Queue& operator=(const Queue&) = delete;
  /// Destroys the elements still queued; trivial when T's destructor is.
  ~Queue() = default;

  // The producer's members (try_push, try_emplace, push), the consumer's
  // (try_pop, front, pop, peek, drain) and size, empty, full come from the
  // bases shared with QueueRef.

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
  core_type core() const noexcept {
    return core_type{const_cast<detail::queue_indices_for<T, N>*>(
        static_cast<const detail::queue_indices_for<T, N>*>(this))};
  }
  core_type checked_core() const noexcept { return core(); }
};

namespace detail {

/// What both handles share: a pointer to the queue's index block, move-only
/// (the source becomes empty), and the snapshot observers. An empty handle
/// points at the shared block of its side (empty_producer_block or
/// empty_consumer_block), never at nothing, so the single-element operations
/// need no check of their own (see the header comment).
template <class T, std::size_t N, bool IsProducer>
class handle : public queue_observers<handle<T, N, IsProducer>, T> {
  using indices = queue_indices_for<T, N>;
  static constexpr indices* empty_block() noexcept {
    if constexpr (IsProducer) {
      return &empty_producer_block<N, cached_indices<T, N>::value>;
    } else {
      return &empty_consumer_block<N, cached_indices<T, N>::value>;
    }
  }
  template <class, class>
  friend class queue_observers;
  template <class, class>
  friend class producer_members;
  template <class, class, class>
  friend class consumer_members;

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
  static_core<T, N> core() const noexcept {
#if defined(__GNUC__) || defined(__clang__)
    __asm__("" : "+m"(q_));
#endif
    return static_core<T, N>{q_};
  }
  /// The queue's core. Precondition (HEAPLESS_ASSERT): the handle is not empty.
  static_core<T, N> checked_core() const noexcept {
    HEAPLESS_ASSERT(q_ != empty_block(), "spsc handle used without a queue (default-constructed or moved-from)");
    return static_core<T, N>{q_};
  }

 private:
  mutable indices* q_ = empty_block();  // mutable: core() tells the optimiser it may have changed
};

}  // namespace detail

/// The producer side of a Queue: a pointer to it, move-only so that exactly
/// one producer exists. A default-constructed or moved-from handle is empty:
/// it reads as a full queue, and using it is a HEAPLESS_ASSERT failure.
/// constexpr default constructor, so a static handle (e.g. for an ISR) needs
/// no start-up code. Members: Queue's try_push, try_emplace, push (bulk);
/// size, empty, full, capacity.
template <class T, std::size_t N>
class Producer : public detail::handle<T, N, true>, public detail::producer_members<Producer<T, N>, T> {
  template <class, class>
  friend class detail::producer_members;

 public:
  using typename detail::handle<T, N, true>::size_type;
  /// An empty handle; assign one from Queue::split().
  constexpr Producer() noexcept = default;

 private:
  friend class Queue<T, N>;
  constexpr explicit Producer(Queue<T, N>& q) noexcept : detail::handle<T, N, true>(q) {}
};

/// The consumer side of a Queue; like Producer (move-only pointer wrapper).
/// An empty handle reads as an empty queue. Members: Queue's try_pop, front,
/// pop, pop (bulk), peek, drain; size, empty, full, capacity.
template <class T, std::size_t N>
class Consumer : public detail::handle<T, N, false>,
                 public detail::consumer_members<Consumer<T, N>, T, std::integral_constant<std::size_t, N>> {
  template <class, class, class>
  friend class detail::consumer_members;

 public:
  using typename detail::handle<T, N, false>::size_type;
  /// An empty handle; assign one from Queue::split().
  constexpr Consumer() noexcept = default;

 private:
  friend class Queue<T, N>;
  constexpr explicit Consumer(Queue<T, N>& q) noexcept : detail::handle<T, N, false>(q) {}
};

// ---- Capacity erasure: QueueRef<T>, ProducerRef<T>, ConsumerRef<T> ----------------

template <class T>
class ProducerRef;
template <class T>
class ConsumerRef;

namespace detail {

/// The view handles' common part: ProducerRef and ConsumerRef, as the
/// owner's handles (move-only; an empty one points at its side's empty
/// block of the queue's layout and fails like a full or empty queue).
template <class T, bool IsProducer>
class ref_handle : public queue_observers<ref_handle<T, IsProducer>, T> {
  template <class, class>
  friend class queue_observers;
  template <class, class>
  friend class producer_members;
  template <class, class, class>
  friend class consumer_members;

 public:
  /// Element type.
  using value_type = T;
  /// Size type.
  using size_type = std::size_t;

  ref_handle(ref_handle&& o) noexcept : c_(o.c_) { o.c_ = o.empty_(); }
  ref_handle& operator=(ref_handle&& o) noexcept {
    const dynamic_core<T> c = o.c_;
    o.c_ = o.empty_();
    c_ = c;
    return *this;
  }
  ref_handle(const ref_handle&) = delete;
  ref_handle& operator=(const ref_handle&) = delete;

  /// The queue's N.
  [[nodiscard]] size_type capacity() const noexcept { return c_.n(); }
  /// False for a moved-from handle.
  explicit operator bool() const noexcept { return !c_.is_empty_handle(); }

 protected:
  explicit ref_handle(const dynamic_core<T>& c) noexcept : c_(c) {}
  const dynamic_core<T>& core() const noexcept { return c_; }
  const dynamic_core<T>& checked_core() const noexcept {
    HEAPLESS_ASSERT(!c_.is_empty_handle(), "spsc handle used without a queue (default-constructed or moved-from)");
    return c_;
  }

 private:
  dynamic_core<T> empty_() const noexcept {
    dynamic_core<T> e = c_;  // the same N and arithmetic, on the empty handle's block
    e.q = IsProducer ? c_.s->empty_producer : c_.s->empty_consumer;
    e.slots = nullptr;
    return e;
  }
  dynamic_core<T> c_;
};

}  // namespace detail

/// A non-owning handle to a spsc::Queue<T, N> of any capacity N: one
/// non-template function can produce into, or consume from, queues of
/// different sizes. Built on demand (implicit at a call): what every
/// operation needs, resolved once there (pointers to the queue's indices and
/// slots, N - 1, where indices wrap, a pointer to a table of constants for
/// that queue type, and a word for the index type and layout: 48 bytes on
/// 64-bit hosts, 24 on Cortex-M); copyable, valid while the queue lives. It
/// has the queue's whole API: try_push, try_emplace, push (bulk), try_pop,
/// front, pop, pop (bulk), peek, drain, size, empty, full, capacity, split.
/// Each member runs the same algorithm as the queue's
/// (detail::queue_algo), with the same memory orders, on the queue's own
/// indices and slots, with N and the index arithmetic read at run time. The
/// single-producer single-consumer rule is
/// the queue's: at any time at most one context produces and one consumes,
/// through the queue, its handles or any of its views.
template <class T>
class QueueRef : public detail::producer_members<QueueRef<T>, T>,
                 public detail::consumer_members<QueueRef<T>, T, detail::runtime_cap>,
                 public detail::queue_observers<QueueRef<T>, T> {
  template <class, class>
  friend class detail::producer_members;
  template <class, class, class>
  friend class detail::consumer_members;
  template <class, class>
  friend class detail::queue_observers;

 public:
  /// Element type.
  using value_type = T;
  /// Size type.
  using size_type = std::size_t;
  /// The producer handle type (split()).
  using producer_type = ProducerRef<T>;
  /// The consumer handle type (split()).
  using consumer_type = ConsumerRef<T>;

  /// Refers to q (implicit, so a Queue<T, N>& converts at a call).
  template <std::size_t N>
  QueueRef(Queue<T, N>& q) noexcept  // NOLINT: implicit on purpose
      : c_(detail::dynamic_core<T>::template of<N>(static_cast<detail::queue_indices_for<T, N>*>(&q),
                                                    q.slots_.data())) {}

  /// The queue's N.
  [[nodiscard]] size_type capacity() const noexcept { return c_.n(); }
  /// Same as capacity().
  [[nodiscard]] size_type max_size() const noexcept { return c_.n(); }

  /// The producer and consumer handles of the queue, capacity-erased (see
  /// Queue::split: call once, before the two sides run concurrently).
  [[nodiscard]] std::pair<ProducerRef<T>, ConsumerRef<T>> split() const noexcept {
    return {ProducerRef<T>(c_), ConsumerRef<T>(c_)};
  }

 private:
  const detail::dynamic_core<T>& core() const noexcept { return c_; }
  const detail::dynamic_core<T>& checked_core() const noexcept { return c_; }
  detail::dynamic_core<T> c_;
};

/// The producer side of a queue reached through a QueueRef: as Producer,
/// for any capacity. Move-only; a moved-from handle is empty (it reads as a
/// full queue, and using it is a HEAPLESS_ASSERT failure).
template <class T>
class ProducerRef : public detail::ref_handle<T, true>, public detail::producer_members<ProducerRef<T>, T> {
  template <class, class>
  friend class detail::producer_members;
  friend class QueueRef<T>;
  explicit ProducerRef(const detail::dynamic_core<T>& c) noexcept : detail::ref_handle<T, true>(c) {}

 public:
  using typename detail::ref_handle<T, true>::size_type;
};

/// The consumer side of a queue reached through a QueueRef: as Consumer,
/// for any capacity. Move-only; a moved-from handle is empty (it reads as an
/// empty queue).
template <class T>
class ConsumerRef : public detail::ref_handle<T, false>,
                    public detail::consumer_members<ConsumerRef<T>, T, detail::runtime_cap> {
  template <class, class, class>
  friend class detail::consumer_members;
  friend class QueueRef<T>;
  explicit ConsumerRef(const detail::dynamic_core<T>& c) noexcept : detail::ref_handle<T, false>(c) {}

 public:
  using typename detail::ref_handle<T, false>::size_type;
};

}  // namespace spsc
HEAPLESS_NAMESPACE_END

#endif  // HEAPLESS_SPSC_HPP
