// pool_ops.hpp - Pool's operation table, shared by the random differential
// test in pool_test.cpp (source: rng) and the fuzz target (fuzz/pool_fuzz.cpp,
// source: the fuzzer's bytes), on one thread.
//
// The model is the list of live objects in allocation order, each with the
// value it was made with and the level it came from (try_create, a Box from
// try_make, or a raw slot from try_allocate with placement new). Allocation
// must succeed exactly while the model has fewer than N, never return a live
// slot, and stay within the pool; freeing takes the oldest, the newest or a
// random object, through the level it came from. compare: available() and
// every live object still holding its own value (no slot shared or reused).
// Env: test_env.hpp or fuzz_env.hpp; T: counted (element_types.hpp) or
// another type made from and compared by an int.
#ifndef HEAPLESS_TESTS_OPS_POOL_OPS_HPP
#define HEAPLESS_TESTS_OPS_POOL_OPS_HPP

#include <cstddef>  // std::size_t, std::ptrdiff_t
#include <cstring>  // std::memset
#include <new>      // placement new into a raw slot
#include <utility>  // std::move
#include <vector>   // the model

#include <heapless/pool.hpp>

#include "../element_types.hpp"

namespace heapless {
namespace test {
namespace pool_ops {

enum class level : unsigned char { object, box, raw };

template <class PoolT>
struct model {
  using T = typename PoolT::value_type;
  struct entry {
    T* p;
    int value;
    level how;
  };
  std::vector<entry> live;                 // allocation order
  std::vector<typename PoolT::Box> boxes;  // boxes[k] owns live[k] when its level is box
  int next = 0;
};

inline constexpr std::size_t op_count = 8;

template <class Env, class PoolT>
void compare(const model<PoolT>& m, const PoolT& pool) {
  Env::check(pool.available() == PoolT::capacity() - m.live.size(), "available()");
  bool intact = true;
  for (const auto& e : m.live) intact = intact && value_of(*e.p) == e.value;
  Env::check(intact, "every live object keeps its value");
}

/// Gives the object of m.live[k] back through the level it came from.
template <class Env, class PoolT>
void release(model<PoolT>& m, PoolT& pool, std::size_t k) {
  using T = typename PoolT::value_type;
  const auto e = m.live[k];
  if (e.how == level::object) {
    pool.destroy(e.p);
  } else if (e.how == level::box) {
    m.boxes[k].reset();
  } else {
    e.p->~T();
    pool.deallocate(e.p);
  }
  const typename Env::model_scope a;
  m.live.erase(m.live.begin() + static_cast<std::ptrdiff_t>(k));
  m.boxes.erase(m.boxes.begin() + static_cast<std::ptrdiff_t>(k));
}

/// Gives everything back; the pool must be whole again.
template <class Env, class PoolT>
void release_all(model<PoolT>& m, PoolT& pool) {
  while (!m.live.empty()) release<Env>(m, pool, m.live.size() - 1);
  Env::check(pool.available() == PoolT::capacity(), "the pool is whole again");
}

template <class Env, class PoolT, class Source>
void apply_op(model<PoolT>& m, PoolT& pool, std::size_t op, Source& src) {
  using T = typename PoolT::value_type;
  using Box = typename PoolT::Box;
  constexpr std::size_t n = PoolT::capacity();
  // Allocation is likelier while the pool is less than half used.
  const bool allocate = op < (m.live.size() < n / 2 ? 5u : 3u);
  if (allocate) {
    const auto how = static_cast<level>(src.below(3));
    const int v = ++m.next;
    T* p = nullptr;
    Box box;
    if (how == level::object) {
      p = pool.try_create(make<T>(v));
    } else if (how == level::box) {
      box = pool.try_make(make<T>(v));
      p = box.get();
    } else if (void* slot = pool.try_allocate()) {
      std::memset(slot, 0x5A, sizeof(T));  // the whole slot is writable
      p = ::new (slot) T(make<T>(v));
    }
    if (m.live.size() == n) {
      Env::check(p == nullptr, "allocation from an exhausted pool");
      return;
    }
    Env::check(p != nullptr && pool.owns(p), "allocation with room");
    if (p == nullptr) return;
    bool fresh = true;
    for (const auto& e : m.live) fresh = fresh && e.p != p;
    Env::check(fresh, "a live slot handed out again");
    const typename Env::model_scope a;
    m.live.push_back({p, v, how});
    m.boxes.push_back(std::move(box));
  } else if (!m.live.empty()) {
    const std::size_t size = m.live.size();
    const std::size_t mode = src.below(3);  // the oldest, the newest, or any
    release<Env>(m, pool, mode == 0 ? 0 : mode == 1 ? size - 1 : src.below(size));
  }
}

}  // namespace pool_ops
}  // namespace test
}  // namespace heapless

#endif  // HEAPLESS_TESTS_OPS_POOL_OPS_HPP
