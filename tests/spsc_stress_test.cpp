// spsc_stress_test.cpp - a producer thread and a consumer thread move
// sequence-numbered items through spsc::Queue; the consumer checks that
// nothing is lost, duplicated or reordered. Capacities 1, 2, 3, 64 and 1024;
// single-item calls (every producer and consumer form, in rotation), bulk
// calls with varying batch sizes through the Producer/Consumer handles;
// elements: uint64_t, heapless::String<24> (25 bytes, every byte checked, so a
// torn or half-published element shows) and the non-trivial `tracked`, whose
// live count must return to zero. The uint64_t runs are repeated with the
// Cortex-M index logic (no cached indices), which the host otherwise only
// runs single-threaded (spsc_nopad_test).
//
// This is the file the ThreadSanitizer CI job builds.
//
// Items per run: 10 million, also under ThreadSanitizer.
// HEAPLESS_SPSC_STRESS_ITEMS in the environment overrides the count (tests/run.sh
// lowers it for the Debug sanitizer and no-exceptions stages).
//
// Cheap per item, because TSan makes every atomic operation and memory access
// costly: nothing but the queue makes the two threads share memory per item
// (the consumer reads the producer's stop flag only while it waits; `tracked`
// counts lifetimes per thread, not in one shared counter both threads would
// hammer; String<24> content is made and checked as three words).
//
// Time budget: at capacities 1-3 every item is a hand-over between the two
// threads, so a run needs both threads on a CPU at once. On a quiet 2-core
// machine the whole binary takes ~3 minutes under TSan; on an oversubscribed
// one (a shared CI box running other builds) a hand-over can take 50x longer.
// So that the binary stays inside ctest's 600 s timeout, each run stops
// producing after HEAPLESS_SPSC_STRESS_SECONDS (10 s; 20 s under TSan) or, once
// the binary has run HEAPLESS_SPSC_STRESS_TOTAL_SECONDS (20 s; 30 s under
// TSan, which keeps the CI suite inside its budget), after 1 s;
// it then says so on stdout and checks everything that was moved (never
// fewer than 5 000 items: the producer goes on until then).
#include <heapless/spsc.hpp>
#include <heapless/string.hpp>

#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <thread>

#include "support/rng.hpp"
#include "support/stress.hpp"
#include "support/test.hpp"

namespace {

using heapless::spsc::Queue;
using clock_type = std::chrono::steady_clock;

constexpr long kDefaultItems = 10000000;
// At capacity 1 on an oversubscribed machine a hand-over can take
// milliseconds (each side waits for a time slice): a run then moves a few
// thousand items in its budget. The producer never stops before this many, so
// every run checks at least 5 000 ordered hand-overs however busy the machine.
constexpr long kMinimumItems = 5000;
constexpr long kDefaultSeconds = HEAPLESS_STRESS_TSAN ? 20 : 10;
constexpr long kDefaultTotalSeconds = HEAPLESS_STRESS_TSAN ? 30 : 20;
constexpr long kLateSeconds = 1;  // per run, once the total is spent

using heapless::test::env_or;

long items_per_run() {
  static const long n = heapless::test::scaled(env_or("HEAPLESS_SPSC_STRESS_ITEMS", kDefaultItems));
  return n;
}

const clock_type::time_point binary_start = clock_type::now();

/// When a run starting now stops producing (see the file comment).
clock_type::time_point run_deadline() {
  const auto now = clock_type::now();
  const auto total_end = binary_start + std::chrono::seconds(env_or("HEAPLESS_SPSC_STRESS_TOTAL_SECONDS", kDefaultTotalSeconds));
  auto end = now + std::chrono::seconds(env_or("HEAPLESS_SPSC_STRESS_SECONDS", kDefaultSeconds));
  if (end > total_end) end = total_end;
  const auto late = now + std::chrono::seconds(kLateSeconds);
  return end > late ? end : late;
}

/// Spins on a failed attempt, yielding now and then so that an oversubscribed
/// machine still makes progress.
using backoff = heapless::test::backoff<64>;

/// One run's shared state besides the queue. Relaxed atomics only: they must
/// not add a happens-before edge that could hide a missing one in the queue.
struct run_control {
  explicit run_control(long items) : end(items) {}
  /// How many items the producer pushes; lowered once if time runs out.
  std::atomic<long> end;
  clock_type::time_point deadline = run_deadline();
  unsigned long calls = 0;  // producer only

  /// Producer: called before item (or batch) i; false when the budget is
  /// spent, never before kMinimumItems. Reads the clock every 4096 calls.
  bool keep_going(long i) noexcept {
    if ((++calls & 0xFFF) != 0 || i < kMinimumItems || clock_type::now() < deadline) return true;
    end.store(i, std::memory_order_relaxed);
    return false;
  }
  /// Consumer: while waiting for item i, true once it will never come.
  bool finished_before(long i) const noexcept { return i >= end.load(std::memory_order_relaxed); }
};

// tracked: a non-trivial element that counts its lifetimes per thread (no
// shared counter that both threads would hammer, and no synchronisation
// through it); a magic word catches double destruction and use after it.
struct lifetime_tally {
  long born = 0;
  long died = 0;
  long bad = 0;  // destroyed or read when not alive
};
thread_local lifetime_tally tally;
std::atomic<long> g_live{0};
std::atomic<long> g_bad{0};
/// Adds this thread's tally to the totals (before it ends).
void flush_tally() noexcept {
  g_live.fetch_add(tally.born - tally.died, std::memory_order_relaxed);
  g_bad.fetch_add(tally.bad, std::memory_order_relaxed);
  tally = lifetime_tally{};
}

class tracked {
 public:
  explicit tracked(long v = 0) noexcept : value_(v), magic_(alive) { ++tally.born; }
  tracked(const tracked& o) noexcept : value_(o.get()), magic_(alive) { ++tally.born; }
  tracked(tracked&& o) noexcept : value_(o.get()), magic_(alive) {
    o.value_ = -1;
    ++tally.born;
  }
  tracked& operator=(const tracked& o) noexcept {
    value_ = o.get();
    return *this;
  }
  tracked& operator=(tracked&& o) noexcept {
    value_ = o.get();
    o.value_ = -1;
    return *this;
  }
  ~tracked() {
    if (read_magic() != alive) {
      ++tally.bad;
      return;
    }
    // volatile: the optimiser would drop a store to a dying object.
    *static_cast<volatile std::uint32_t*>(&magic_) = dead;
    ++tally.died;
  }
  long get() const noexcept {
    if (read_magic() != alive) ++tally.bad;
    return value_;
  }

 private:
  static constexpr std::uint32_t alive = 0xA11FEu;
  static constexpr std::uint32_t dead = 0xDEADu;
  std::uint32_t read_magic() const noexcept { return *static_cast<const volatile std::uint32_t*>(&magic_); }
  long value_;
  std::uint32_t magic_;
};
tracked make_tracked(long i) { return tracked(i); }
long value_tracked(const tracked& c) { return c.get(); }

/// What the consumer saw.
struct verdict {
  long received = 0;
  long out_of_order = 0;  // lost, duplicated or reordered items all show here
  long first_bad = -1;
  long expected = 0;      // how many the producer pushed
  long live = 0;          // tracked elements born minus died (must be 0)
  long bad_lifetimes = 0; // tracked elements destroyed or read when dead
};

inline void record(verdict& v, long got, long expected) noexcept {
  if (got != expected) {
    if (v.first_bad < 0) v.first_bad = expected;
    ++v.out_of_order;
  }
  ++v.received;
}

/// Runs produce() and consume() on two threads started together, with the
/// allocation trap armed (the queue must not allocate), and reports.
template <class Produce, class Consume>
void run_pair(const char* label, long items, run_control& ctl, verdict& v, Produce produce,
              Consume consume) {
  std::atomic<bool> go{false};
  std::thread producer([&] {
    while (!go.load(std::memory_order_acquire)) std::this_thread::yield();
    produce();
    flush_tally();
  });
  std::thread consumer([&] {
    while (!go.load(std::memory_order_acquire)) std::this_thread::yield();
    consume();
    flush_tally();
  });
  const auto start = clock_type::now();
  {
    HEAPLESS_NO_ALLOC_SCOPE;
    go.store(true, std::memory_order_release);
    producer.join();
    consumer.join();
  }
  const std::chrono::duration<double> took = clock_type::now() - start;
  v.expected = ctl.end.load(std::memory_order_relaxed);
  v.live = g_live.exchange(0, std::memory_order_relaxed);
  v.bad_lifetimes = g_bad.exchange(0, std::memory_order_relaxed);
  std::printf("  %-40s %9ld items %8.2f s%s\n", label, v.received, took.count(),
              v.expected < items ? "  (time budget reached: machine busy)" : "");
}

void check(const verdict& v, long items) {
  CHECK(v.received == v.expected);
  CHECK(v.out_of_order == 0);
  CHECK(v.first_bad == -1);
  CHECK(v.live == 0);
  CHECK(v.bad_lifetimes == 0);
  CHECK(v.received >= (items < kMinimumItems ? items : kMinimumItems));
}

/// Single-item calls. The producer rotates through try_push(const&),
/// try_push(&&) and try_emplace; the consumer through try_pop(),
/// try_pop(T&) and front()+pop().
template <class T, std::size_t N, class Make, class Value>
void single_items(const char* type, Make make, Value value) {
  static Queue<T, N> q;
  const long items = items_per_run();
  run_control ctl(items);
  verdict v;
  char label[64];
  std::snprintf(label, sizeof label, "single %s, capacity %zu", type, N);
  run_pair(
      label, items, ctl, v,
      [&] {
        backoff wait;
        for (long i = 0; i < items && ctl.keep_going(i); ++i) {
          switch (i % 3) {
            case 0: {
              const T x = make(i);
              while (!q.try_push(x)) wait();
              break;
            }
            case 1: {
              T x = make(i);
              while (!q.try_push(std::move(x))) wait();
              break;
            }
            default:
              while (!q.try_emplace(make(i))) wait();
              break;
          }
        }
      },
      [&] {
        backoff wait;
        T out = make(0);
        for (long i = 0; i < items; ++i) {
          switch (i % 3) {
            case 0: {
              auto x = q.try_pop();
              while (!x) {
                if (ctl.finished_before(i)) return;
                wait();
                x = q.try_pop();
              }
              record(v, value(*x), i);
              break;
            }
            case 1:
              while (!q.try_pop(out)) {
                if (ctl.finished_before(i)) return;
                wait();
              }
              record(v, value(out), i);
              break;
            default: {
              T* f = q.front();
              while (!f) {
                if (ctl.finished_before(i)) return;
                wait();
                f = q.front();
              }
              record(v, value(*f), i);
              q.pop();
              break;
            }
          }
        }
      });
  CHECK(q.empty());
  check(v, items);
}

/// Bulk calls through the handles: batches of 1..max_batch items (sizes from
/// a per-thread generator), each published with one index store.
template <class T, std::size_t N, class Make, class Value>
void bulk_items(const char* type, std::size_t max_batch, Make make, Value value) {
  static Queue<T, N> q;
  auto [tx, rx] = q.split();
  const long items = items_per_run();
  run_control ctl(items);
  verdict v;
  char label[64];
  std::snprintf(label, sizeof label, "bulk %s, capacity %zu", type, N);
  run_pair(
      label, items, ctl, v,
      [&, &tx = tx] {
        backoff wait;
        T in[128];
        heapless::test::rng rng{12345};
        long next = 0;
        while (next < items && ctl.keep_going(next)) {
          long k = 1 + static_cast<long>(rng.below(max_batch));
          const bool by_count = rng.one_in(2);
          if (k > items - next) k = items - next;
          for (long j = 0; j < k; ++j) in[j] = make(next + j);
          long done = 0;
          while (done < k) {
            const std::size_t n = by_count ? tx.push(in + done, static_cast<std::size_t>(k - done))
                                           : tx.push(in + done, in + k);
            if (n == 0) wait();
            done += static_cast<long>(n);
          }
          next += k;
        }
      },
      [&, &rx = rx] {
        backoff wait;
        T out[128];
        heapless::test::rng rng{54321};
        long next = 0;
        while (next < items) {
          const std::size_t k = 1 + rng.below(max_batch);
          const std::size_t n = rx.pop(out, k);
          if (n == 0) {
            if (ctl.finished_before(next)) return;
            wait();
          }
          for (std::size_t j = 0; j < n; ++j) record(v, value(out[j]), next + static_cast<long>(j));
          next += static_cast<long>(n);
        }
      });
  CHECK(q.empty());
  check(v, items);
}

std::uint64_t make_u64(long i) { return static_cast<std::uint64_t>(i); }
long value_u64(std::uint64_t x) { return static_cast<long>(x); }


// String<24>: 24 bytes, all of them a function of the sequence number (the
// number itself, then two scramblings of it), copied in and out as three
// words; value_text returns a negative number for any element that is not
// exactly what make_text built, so a torn or half-published one shows.
using text = heapless::String<24>;
void text_words(long i, std::uint64_t (&w)[3]) noexcept {
  const auto u = static_cast<std::uint64_t>(i);
  w[0] = u;
  w[1] = (u + 1) * 0x9E3779B97F4A7C15u;
  w[2] = ~u ^ (w[1] >> 29);
}
text make_text(long i) {
  std::uint64_t w[3];
  text_words(i, w);
  char buf[24];
  std::memcpy(buf, w, 24);
  return text(buf, 24);
}
long value_text(const text& s) {
  if (s.size() != 24) return -2;
  std::uint64_t got[3];
  std::memcpy(got, s.data(), 24);
  const long i = static_cast<long>(got[0]);
  std::uint64_t want[3];
  text_words(i, want);
  return got[1] == want[1] && got[2] == want[2] ? i : -3;
}

/// single_items at every capacity the issue names.
template <class T, class Make, class Value>
void single_items_all(const char* type, Make make, Value value) {
  single_items<T, 1>(type, make, value);
  single_items<T, 2>(type, make, value);
  single_items<T, 3>(type, make, value);
  single_items<T, 64>(type, make, value);
  single_items<T, 1024>(type, make, value);
}

/// bulk_items at every capacity, batches up to a little more than it.
template <class T, class Make, class Value>
void bulk_items_all(const char* type, Make make, Value value) {
  bulk_items<T, 1>(type, 4, make, value);
  bulk_items<T, 2>(type, 5, make, value);
  bulk_items<T, 3>(type, 7, make, value);
  bulk_items<T, 64>(type, 100, make, value);
  bulk_items<T, 1024>(type, 128, make, value);
}

// A uint64_t of its own type, for which the queue uses the index logic of the
// Cortex-M layout: no cached copies, each side reads the other's index on
// every operation (detail::cached_indices, specialised below).
struct uncached_u64 {
  std::uint64_t v;
};
uncached_u64 make_uncached(long i) { return uncached_u64{static_cast<std::uint64_t>(i)}; }
long value_uncached(const uncached_u64& x) { return static_cast<long>(x.v); }

}  // namespace

template <std::size_t N>
struct heapless::spsc::detail::cached_indices<uncached_u64, N> : std::false_type {};

TEST_CASE("spsc stress: single items of uint64_t through capacities 1 2 3 64 1024", "[spsc][stress][single]") {
  single_items_all<std::uint64_t>("uint64_t", make_u64, value_u64);
}

TEST_CASE("spsc stress: single items of a non-trivial type and the live count returns to zero",
          "[spsc][stress][single][nontrivial]") {
  single_items_all<tracked>("tracked", make_tracked, value_tracked);
}

TEST_CASE("spsc stress: bulk push and pop through capacities 1 2 3 64 1024", "[spsc][stress][bulk]") {
  bulk_items_all<std::uint64_t>("uint64_t", make_u64, value_u64);
}

TEST_CASE("spsc stress: bulk push and pop of a non-trivial type", "[spsc][stress][bulk][nontrivial]") {
  bulk_items<tracked, 3>("tracked", 7, make_tracked, value_tracked);
  bulk_items<tracked, 64>("tracked", 100, make_tracked, value_tracked);
}

TEST_CASE("spsc stress: String<24> elements single and bulk", "[spsc][stress][single][bulk][string]") {
  single_items_all<text>("String<24>", make_text, value_text);
  bulk_items<text, 3>("String<24>", 7, make_text, value_text);
  bulk_items<text, 64>("String<24>", 100, make_text, value_text);
}

TEST_CASE("spsc stress: the Cortex-M index logic (no cached indices), single and bulk",
          "[spsc][stress][single][bulk][uncached]") {
#if HEAPLESS_CACHE_LINE > 0
  // The specialisation took: no private copies, so the indices share a line.
  STATIC_REQUIRE(sizeof(Queue<uncached_u64, 64>) < sizeof(Queue<std::uint64_t, 64>));
#endif
  single_items_all<uncached_u64>("uint64_t uncached", make_uncached, value_uncached);
  bulk_items_all<uncached_u64>("uint64_t uncached", make_uncached, value_uncached);
}
