// spsc_stress_test.cpp - a producer thread and a consumer thread move
// sequence-numbered items through spsc::Queue; the consumer checks that
// nothing is lost, duplicated or reordered. Capacities 1, 2, 3, 64 and 1024;
// single-item calls (every producer and consumer form, in rotation), bulk
// calls with varying batch sizes through the Producer/Consumer handles;
// elements: uint64_t, heapless::String<24> (25 bytes, every byte checked, so a
// torn or half-published element shows) and the non-trivial `counted`, whose
// live count must return to zero.
//
// This is the file the ThreadSanitizer CI job builds.
//
// Items per run: 10 million in every build but ThreadSanitizer, where
// instrumented atomics make each hand-over ~20x slower: there 1 million (still
// thousands of trips round the ring at every capacity).
// HEAPLESS_SPSC_STRESS_ITEMS in the environment overrides the count.
//
// Time budget: at capacities 1-3 every item is a hand-over between the two
// threads, so a run needs both threads on a CPU at once. On a quiet machine a
// 10-million-item run takes seconds; on an oversubscribed one (a shared CI box
// running other builds) it can take many minutes. So that the binary stays
// well inside ctest's timeout, each run stops producing after 15 s
// (HEAPLESS_SPSC_STRESS_SECONDS), says so on stdout, and checks everything
// that was moved (at least 100 000 items, or the test fails).
#include <heapless/spsc.hpp>
#include <heapless/string.hpp>

#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <thread>

#include "support/test.hpp"

#if defined(__SANITIZE_THREAD__)
#define HEAPLESS_STRESS_TSAN 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define HEAPLESS_STRESS_TSAN 1
#endif
#endif
#ifndef HEAPLESS_STRESS_TSAN
#define HEAPLESS_STRESS_TSAN 0
#endif

namespace {

using heapless::spsc::Queue;
using heapless::test::counted;
using clock_type = std::chrono::steady_clock;

#if HEAPLESS_STRESS_TSAN
constexpr long kDefaultItems = 1000000;
#else
constexpr long kDefaultItems = 10000000;
#endif
constexpr long kMinimumItems = 100000;
constexpr long kDefaultSeconds = 15;

long env_or(const char* name, long fallback) {
  const char* e = std::getenv(name);
  const long v = e ? std::strtol(e, nullptr, 10) : 0;
  return v > 0 ? v : fallback;
}

long items_per_run() {
  static const long n = heapless::test::scaled(env_or("HEAPLESS_SPSC_STRESS_ITEMS", kDefaultItems));
  return n;
}

/// Spins on a failed attempt, yielding now and then so that an oversubscribed
/// machine still makes progress.
class backoff {
 public:
  void operator()() noexcept {
    if (++spins_ % 64 == 0) {
      std::this_thread::yield();
    } else {
#if defined(__x86_64__) || defined(__i386__)
      __builtin_ia32_pause();
#endif
    }
  }

 private:
  unsigned spins_ = 0;
};

/// One run's shared state besides the queue. Relaxed atomics only: they must
/// not add a happens-before edge that could hide a missing one in the queue.
struct run_control {
  explicit run_control(long items) : end(items) {}
  /// How many items the producer pushes; lowered once if time runs out.
  std::atomic<long> end;
  clock_type::time_point deadline =
      clock_type::now() + std::chrono::seconds(env_or("HEAPLESS_SPSC_STRESS_SECONDS", kDefaultSeconds));
  unsigned long calls = 0;  // producer only

  /// Producer: called before item (or batch) i; false when the budget is
  /// spent. Reads the clock every 4096 calls.
  bool keep_going(long i) noexcept {
    if ((++calls & 0xFFF) != 0 || clock_type::now() < deadline) return true;
    end.store(i, std::memory_order_relaxed);
    return false;
  }
  /// Consumer: while waiting for item i, true once it will never come.
  bool finished_before(long i) const noexcept { return i >= end.load(std::memory_order_relaxed); }
};

/// What the consumer saw.
struct verdict {
  long received = 0;
  long out_of_order = 0;  // lost, duplicated or reordered items all show here
  long first_bad = -1;
  long expected = 0;      // how many the producer pushed
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
  });
  std::thread consumer([&] {
    while (!go.load(std::memory_order_acquire)) std::this_thread::yield();
    consume();
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
  std::printf("  %-32s %9ld items %8.2f s%s\n", label, v.received, took.count(),
              v.expected < items ? "  (time budget reached: machine busy)" : "");
}

void check(const verdict& v, long items) {
  CHECK(v.received == v.expected);
  CHECK(v.out_of_order == 0);
  CHECK(v.first_bad == -1);
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
        for (long i = 0; !ctl.finished_before(i); ++i) {
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
        std::uint32_t rng = 12345;
        long next = 0;
        while (next < items && ctl.keep_going(next)) {
          rng = rng * 1664525u + 1013904223u;
          long k = 1 + static_cast<long>((rng >> 8) % max_batch);
          if (k > items - next) k = items - next;
          for (long j = 0; j < k; ++j) in[j] = make(next + j);
          long done = 0;
          while (done < k) {
            const std::size_t n = (rng & 0x100) ? tx.push(in + done, in + k)
                                                : tx.push(in + done, static_cast<std::size_t>(k - done));
            if (n == 0) wait();
            done += static_cast<long>(n);
          }
          next += k;
        }
      },
      [&, &rx = rx] {
        backoff wait;
        T out[128];
        std::uint32_t rng = 54321;
        long next = 0;
        while (!ctl.finished_before(next)) {
          rng = rng * 1664525u + 1013904223u;
          const std::size_t k = 1 + (rng >> 8) % max_batch;
          const std::size_t n = rx.pop(out, k);
          if (n == 0) wait();
          for (std::size_t j = 0; j < n; ++j) record(v, value(out[j]), next + static_cast<long>(j));
          next += static_cast<long>(n);
        }
      });
  CHECK(q.empty());
  check(v, items);
}

std::uint64_t make_u64(long i) { return static_cast<std::uint64_t>(i); }
long value_u64(std::uint64_t x) { return static_cast<long>(x); }

// counted carries an int: the sequence number modulo 2^31 is enough to spot
// any loss, duplication or reordering.
counted make_counted(long i) { return counted(static_cast<int>(i & 0x7FFFFFFF)); }
long value_counted(const counted& c) { return static_cast<long>(c.get()); }

// String<24>: twelve decimal digits of the sequence number, then twelve
// letters that depend on it; value_text returns a negative number for any
// element that is not exactly what make_text built.
using text = heapless::String<24>;
text make_text(long i) {
  char buf[24];
  long v = i;
  for (int d = 11; d >= 0; --d) {
    buf[d] = static_cast<char>('0' + v % 10);
    v /= 10;
  }
  for (int d = 12; d < 24; ++d) buf[d] = static_cast<char>('a' + (i + d) % 26);
  return text(buf, 24);
}
long value_text(const text& s) {
  if (s.size() != 24) return -2;
  long v = 0;
  for (std::size_t d = 0; d < 12; ++d) v = v * 10 + (s[d] - '0');
  for (std::size_t d = 12; d < 24; ++d) {
    if (s[d] != static_cast<char>('a' + (v + static_cast<long>(d)) % 26)) return -3;
  }
  return v;
}

}  // namespace

TEST_CASE("spsc stress: single items of uint64_t through capacities 1 2 3 64 1024", "[spsc][stress][single]") {
  single_items<std::uint64_t, 1>("uint64_t", make_u64, value_u64);
  single_items<std::uint64_t, 2>("uint64_t", make_u64, value_u64);
  single_items<std::uint64_t, 3>("uint64_t", make_u64, value_u64);
  single_items<std::uint64_t, 64>("uint64_t", make_u64, value_u64);
  single_items<std::uint64_t, 1024>("uint64_t", make_u64, value_u64);
}

TEST_CASE("spsc stress: single items of a non-trivial type and the live count returns to zero",
          "[spsc][stress][single][nontrivial]") {
  HEAPLESS_LIFETIME_CHECK;
  single_items<counted, 1>("counted", make_counted, value_counted);
  single_items<counted, 2>("counted", make_counted, value_counted);
  single_items<counted, 3>("counted", make_counted, value_counted);
  single_items<counted, 64>("counted", make_counted, value_counted);
  single_items<counted, 1024>("counted", make_counted, value_counted);
}

TEST_CASE("spsc stress: bulk push and pop through capacities 1 2 3 64 1024", "[spsc][stress][bulk]") {
  bulk_items<std::uint64_t, 1>("uint64_t", 4, make_u64, value_u64);
  bulk_items<std::uint64_t, 2>("uint64_t", 5, make_u64, value_u64);
  bulk_items<std::uint64_t, 3>("uint64_t", 7, make_u64, value_u64);
  bulk_items<std::uint64_t, 64>("uint64_t", 100, make_u64, value_u64);
  bulk_items<std::uint64_t, 1024>("uint64_t", 128, make_u64, value_u64);
}

TEST_CASE("spsc stress: bulk push and pop of a non-trivial type", "[spsc][stress][bulk][nontrivial]") {
  HEAPLESS_LIFETIME_CHECK;
  bulk_items<counted, 3>("counted", 7, make_counted, value_counted);
  bulk_items<counted, 64>("counted", 100, make_counted, value_counted);
}

TEST_CASE("spsc stress: String<24> elements single and bulk", "[spsc][stress][single][bulk][string]") {
  single_items<text, 1>("String<24>", make_text, value_text);
  single_items<text, 2>("String<24>", make_text, value_text);
  single_items<text, 3>("String<24>", make_text, value_text);
  single_items<text, 64>("String<24>", make_text, value_text);
  single_items<text, 1024>("String<24>", make_text, value_text);
  bulk_items<text, 3>("String<24>", 7, make_text, value_text);
  bulk_items<text, 64>("String<24>", 100, make_text, value_text);
}
