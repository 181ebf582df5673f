// pool_stress_test.cpp - Pool under real concurrency (the ThreadSanitizer CI
// job builds this file). Threads allocate and free at random, through all
// three API levels, for >= 5 million operations in total; every object gets a
// unique stamp, a side table proves that no slot is ever handed out twice and
// that nobody else wrote into an object while it was held; frees happen in
// allocation order, in reverse and at random; each round starts on a fresh
// pool so the first pass over never-used slots races too (for the locked
// policies the lazily extended part, bump index against recycled stack); at
// the end the pool is full again.
#include "support/rng.hpp"
#include "support/test.hpp"

#include <heapless/pool.hpp>

#include <atomic>   // side tables, start barrier
#include <cstdint>  // std::uint64_t, std::uintptr_t
#include <thread>   // std::thread
#include <vector>   // the threads of a round

namespace {

namespace policy = heapless::pool_policy;

struct object {
  std::uint64_t stamp;
  std::uint64_t check;  // ~stamp: a torn or foreign write shows up
  std::uint64_t pad[2];
  explicit object(std::uint64_t s) noexcept : stamp(s), check(~s), pad{s, s} {}
};
static_assert(sizeof(object) == 32);

/// Test-and-set spinlock for the critical_section policy (stands in for
/// masking interrupts on a single-core MCU).
struct spin_lock {
  static std::atomic<bool>& flag() {
    static std::atomic<bool> f{false};
    return f;
  }
  static void lock() noexcept {
    // acquire: the critical section sees everything the previous holder did.
    while (flag().exchange(true, std::memory_order_acquire)) {
      while (flag().load(std::memory_order_relaxed)) std::this_thread::yield();
    }
  }
  static void unlock() noexcept { flag().store(false, std::memory_order_release); }
};

constexpr std::size_t pool_slots = 64;
constexpr std::size_t held_max = 24;  // 4 threads x 24 > 64: exhaustion happens
constexpr unsigned thread_count = 4;

struct shared_state {
  std::atomic<std::uint64_t> owner[pool_slots];  // stamp of the slot's holder, 0 = free
  std::atomic<long> errors{0};
  std::atomic<long> operations{0};
  std::atomic<long> exhausted{0};
  std::atomic<bool> go{false};
  std::uintptr_t base = 0;  // address of slot 0
};

template <class PoolT>
struct worker {
  using Box = typename PoolT::Box;
  enum kind : unsigned char { raw_object, boxed, raw_slot };

  worker(PoolT& p, shared_state& s, unsigned thread_id, long ops, std::uint64_t seed) noexcept
      : pool(p), shared(s), id(thread_id), budget(ops), rng(seed) {}

  PoolT& pool;
  shared_state& shared;
  unsigned id;
  long budget;

  object* held[held_max] = {};
  Box boxes[held_max];
  kind kinds[held_max] = {};
  std::uint64_t stamps[held_max] = {};
  std::size_t count = 0;
  std::uint64_t serial = 0;
  heapless::test::rng rng;
  long done = 0;

  std::size_t slot_of(const object* p) const noexcept {
    return static_cast<std::size_t>(reinterpret_cast<std::uintptr_t>(p) - shared.base) / sizeof(object);
  }

  // done counts successful allocations and frees only; an attempt that
  // finds the pool exhausted is counted in shared.exhausted instead.
  void allocate() {
    const std::uint64_t stamp = (std::uint64_t{id} + 1) << 40 | ++serial;
    const auto k = static_cast<kind>(rng.below(3));
    object* p = nullptr;
    Box box;
    if (k == raw_object) {
      p = pool.try_create(stamp);
    } else if (k == boxed) {
      box = pool.try_make(stamp);
      p = box.get();
    } else if (void* slot = pool.try_allocate()) {
      p = ::new (slot) object(stamp);
    }
    if (p == nullptr) {
      shared.exhausted.fetch_add(1, std::memory_order_relaxed);
      return;
    }
    ++done;
    if (!pool.owns(p)) shared.errors.fetch_add(1, std::memory_order_relaxed);
    std::uint64_t expected = 0;
    // The slot must be free in the side table: otherwise it was handed out twice.
    if (!shared.owner[slot_of(p)].compare_exchange_strong(expected, stamp, std::memory_order_relaxed))
      shared.errors.fetch_add(1, std::memory_order_relaxed);
    held[count] = p;
    boxes[count] = std::move(box);
    kinds[count] = k;
    stamps[count] = stamp;
    ++count;
  }

  void release(std::size_t j) {
    ++done;
    object* p = held[j];
    const std::uint64_t stamp = stamps[j];
    // Nobody else wrote into our object while we held it.
    if (p->stamp != stamp || p->check != ~stamp || p->pad[0] != stamp || p->pad[1] != stamp)
      shared.errors.fetch_add(1, std::memory_order_relaxed);
    p->stamp = 0;  // a write the next owner must not race with (TSan checks it)
    if (shared.owner[slot_of(p)].exchange(0, std::memory_order_relaxed) != stamp)
      shared.errors.fetch_add(1, std::memory_order_relaxed);
    if (kinds[j] == raw_object) {
      pool.destroy(p);
    } else if (kinds[j] == boxed) {
      boxes[j].reset();
    } else {
      p->~object();
      pool.deallocate(p);
    }
    // Keep the arrays dense and in allocation order.
    --count;
    for (std::size_t m = j; m < count; ++m) {
      held[m] = held[m + 1];
      boxes[m] = std::move(boxes[m + 1]);
      kinds[m] = kinds[m + 1];
      stamps[m] = stamps[m + 1];
    }
  }

  void fill() {
    const std::size_t want = 1 + rng.below(held_max);
    while (count < want && done < budget) {
      const std::size_t before = count;
      allocate();
      if (count == before) break;  // exhausted: others hold the rest
    }
  }

  void run() {
    while (!shared.go.load(std::memory_order_acquire)) std::this_thread::yield();
    heapless::test::arm_trap();  // no allocation anywhere in the pool's paths
    while (done < budget) {
      switch (rng.below(4)) {
        case 0:  // free in allocation order
          fill();
          while (count > 0) release(0);
          break;
        case 1:  // free in reverse allocation order
          fill();
          while (count > 0) release(count - 1);
          break;
        case 2:  // free in random order
          fill();
          while (count > 0) release(rng.below(count));
          break;
        default:  // interleaved random allocate/free
          for (int s = 0; s < 64 && done < budget; ++s) {
            if (count < held_max && (count == 0 || rng.one_in(2))) allocate();
            else release(rng.below(count));
          }
          break;
      }
    }
    while (count > 0) release(count - 1);
    heapless::test::disarm_trap();
    shared.operations.fetch_add(done, std::memory_order_relaxed);
  }
};

template <class Policy>
long hammer(long total_ops, unsigned rounds, std::uint64_t seed) {
  using PoolT = heapless::Pool<object, pool_slots, Policy>;
  long operations = 0;
  const long violations_before = heapless::test::violation_count();
  for (unsigned round = 0; round < rounds; ++round) {
    static PoolT pools[16];  // a fresh pool per round: never-used slots race too
    REQUIRE(round < 16);
    PoolT& pool = pools[round];
    REQUIRE(pool.available() == pool_slots);
    static shared_state shared;
    for (auto& o : shared.owner) o.store(0, std::memory_order_relaxed);
    shared.errors.store(0);
    shared.operations.store(0);
    shared.exhausted.store(0);
    shared.go.store(false);
    {
      // Slot 0 is the first slot handed out by a fresh pool.
      void* first = pool.try_allocate();
      REQUIRE(first != nullptr);
      shared.base = reinterpret_cast<std::uintptr_t>(first);
      pool.deallocate(first);
    }

    std::vector<worker<PoolT>*> workers;
    std::vector<std::thread> threads;
    const long per_thread = total_ops / static_cast<long>(rounds * thread_count) + 1;
    for (unsigned t = 0; t < thread_count; ++t) {
      workers.push_back(new worker<PoolT>(pool, shared, t, per_thread,
                                          seed + 0x9E3779B97F4A7C15ull * (round * thread_count + t + 1)));
    }
    for (auto* w : workers) threads.emplace_back([w] { w->run(); });
    shared.go.store(true, std::memory_order_release);
    for (auto& th : threads) th.join();
    for (auto* w : workers) delete w;

    CHECK(shared.errors.load() == 0);
    operations += shared.operations.load();
    INFO("round " << round << " exhausted " << shared.exhausted.load());
    // The pool is full again, and every slot can be handed out exactly once.
    CHECK(pool.available() == pool_slots);
    object* all[pool_slots];
    for (auto*& p : all) {
      p = pool.try_create(std::uint64_t{1});
      REQUIRE(p != nullptr);
    }
    CHECK(pool.try_create(std::uint64_t{2}) == nullptr);
    for (std::size_t i = 0; i < pool_slots; ++i)
      for (std::size_t j = 0; j < i; ++j) CHECK(all[i] != all[j]);
    for (auto* p : all) pool.destroy(p);
    CHECK(pool.available() == pool_slots);
  }
  CHECK(heapless::test::violation_count() == violations_before);
  return operations;
}

}  // namespace

TEST_CASE("pool stress: lock_free, 4 threads, >= 5M random operations", "[pool][stress]") {
  const long target = heapless::test::scaled(5'000'000);
  const long ops = hammer<policy::lock_free>(target, 8, 0x5EEDull);
  CHECK(ops >= target);
}

TEST_CASE("pool stress: critical_section (spin lock), 4 threads", "[pool][stress]") {
  const long target = heapless::test::scaled(1'000'000);
  const long ops = hammer<policy::critical_section<spin_lock>>(target, 4, 0xC0FFEEull);
  CHECK(ops >= target);
}
