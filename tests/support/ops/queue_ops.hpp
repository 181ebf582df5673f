// queue_ops.hpp - the FIFO queues' operation table, shared by the random
// differential tests (spsc_test.cpp, mpmc_test.cpp, source: rng) and the
// fuzz targets (fuzz/spsc_fuzz.cpp, fuzz/mpmc_fuzz.cpp, source: the fuzzer's
// bytes), all on one thread.
//
// The model is a std::deque<int> of the values queued, front first; values
// are unique (a counter), so a lost, repeated or reordered element shows.
// apply_fifo_op: the operations spsc::Queue and mpmc::Queue share (try_push
// by copy and by move, try_emplace, both try_pop forms); apply_spsc_op adds
// spsc's own (front and pop, bulk push and pop, the Producer/Consumer
// handles, peek, drain). compare: size, empty, full.
// Env: test_env.hpp or fuzz_env.hpp; T: an element_types.hpp type.
#ifndef HEAPLESS_TESTS_OPS_QUEUE_OPS_HPP
#define HEAPLESS_TESTS_OPS_QUEUE_OPS_HPP

#include <cstddef>  // std::size_t
#include <deque>    // the model
#include <utility>  // std::move

#include <heapless/spsc.hpp>

#include "../element_types.hpp"

namespace heapless {
namespace test {
namespace queue_ops {

struct model {
  std::deque<int> fifo;
  int next = 0;  // the next value made
};

/// Operations every queue has.
inline constexpr std::size_t fifo_op_count = 6;
/// Those and spsc::Queue's own.
inline constexpr std::size_t spsc_op_count = 16;

template <class Env, class Q>
void compare(const model& m, const Q& q) {
  const std::size_t n = m.fifo.size();
  Env::check(q.size() == n && q.empty() == (n == 0) && q.full() == (n == Q::capacity()), "size, empty, full");
}

/// m.fifo gains x (the model allocates).
template <class Env>
void model_push(model& m, int x) {
  const typename Env::model_scope a;
  m.fifo.push_back(x);
}

/// A value left the queue: it must be the model's front.
template <class Env>
void model_pop(model& m, int got, const char* what) {
  Env::check(!m.fifo.empty() && got == m.fifo.front(), what);
  if (!m.fifo.empty()) m.fifo.pop_front();
}

/// op < fifo_op_count.
template <class Env, class Q, class Source>
void apply_fifo_op(model& m, Q& q, std::size_t op, Source& src) {
  using T = typename Q::value_type;
  const bool room = m.fifo.size() < Q::capacity();
  const int x = m.next++;
  static_cast<void>(src);
  switch (op) {
    case 0: {  // try_push copy
      const T v = make<T>(x);
      const bool ok = q.try_push(v);
      Env::check(ok == room, "try_push(const T&)");
      if (ok) model_push<Env>(m, x);
      break;
    }
    case 1: {  // try_push move: the argument survives a failure
      T v = make<T>(x);
      const bool ok = q.try_push(std::move(v));
      Env::check(ok == room, "try_push(T&&)");
      if (ok) model_push<Env>(m, x);
      else Env::check(value_of(v) == x, "a failed try_push(T&&) leaves the argument alone");
      break;
    }
    case 2: {  // try_emplace
      const bool ok = q.try_emplace(make<T>(x));
      Env::check(ok == room, "try_emplace");
      if (ok) model_push<Env>(m, x);
      break;
    }
    case 3:
    case 4: {  // try_pop()
      auto v = q.try_pop();
      Env::check(static_cast<bool>(v) == !m.fifo.empty(), "try_pop() on empty");
      if (v) model_pop<Env>(m, value_of(*v), "try_pop() value");
      break;
    }
    default: {  // try_pop(T&): the target is left alone when empty
      T out = make<T>(-1);
      const int before = value_of(out);
      const bool ok = q.try_pop(out);
      Env::check(ok == !m.fifo.empty(), "try_pop(T&) on empty");
      if (ok) model_pop<Env>(m, value_of(out), "try_pop(T&) value");
      else Env::check(value_of(out) == before, "a failed try_pop(T&) leaves the target alone");
      break;
    }
  }
}

/// op < spsc_op_count.
template <class Env, class T, std::size_t N, class Source>
void apply_spsc_op(model& m, spsc::Queue<T, N>& q, std::size_t op, Source& src) {
  if (op < fifo_op_count) return apply_fifo_op<Env>(m, q, op, src);
  const std::size_t size = m.fifo.size();
  switch (op) {
    case 6: {  // front + pop
      T* f = q.front();
      Env::check((f != nullptr) == (size != 0), "front() on empty");
      if (f) {
        model_pop<Env>(m, value_of(*f), "front()");
        q.pop();
      }
      break;
    }
    case 7:
    case 8: {  // bulk push of k (pointer and count, or iterator pair)
      T in[8];
      const std::size_t k = src.below(9);
      for (std::size_t i = 0; i < k; ++i) in[i] = make<T>(m.next + static_cast<int>(i));
      const std::size_t expect = k < N - size ? k : N - size;
      const std::size_t n = op == 7 ? q.push(in, k) : q.push(in + 0, in + k);
      Env::check(n == expect, "bulk push count");
      for (std::size_t i = 0; i < n; ++i) model_push<Env>(m, m.next + static_cast<int>(i));
      m.next += static_cast<int>(k);
      break;
    }
    case 9:
    case 10: {  // bulk pop of up to k
      T out[8];
      const std::size_t k = src.below(9);
      const std::size_t n = q.pop(out, k);
      Env::check(n == (k < size ? k : size), "bulk pop count");
      for (std::size_t i = 0; i < n; ++i) model_pop<Env>(m, value_of(out[i]), "bulk pop value");
      break;
    }
    case 11: {  // through the handles
      auto [tx, rx] = q.split();
      const bool ok = tx.try_emplace(make<T>(m.next));
      Env::check(ok == (size < N), "Producer::try_emplace");
      if (ok) model_push<Env>(m, m.next);
      ++m.next;
      auto v = rx.try_pop();
      Env::check(static_cast<bool>(v) == !m.fifo.empty(), "Consumer::try_pop on empty");
      if (v) model_pop<Env>(m, value_of(*v), "Consumer::try_pop value");
      break;
    }
    case 12: {  // peek: the same elements in the same order, nothing removed
      std::size_t i = 0;
      auto view = q.peek();
      bool same = view.size() == size;
      for (const T& x : view) {
        same = same && i < size && value_of(x) == m.fifo[i];
        ++i;
      }
      Env::check(same && i == size, "peek()");
      break;
    }
    case 13:
      if (src.one_in(4)) {  // drain: all of it, front first
        std::size_t i = 0;
        bool same = true;
        const std::size_t n = q.drain([&](T&& x) {
          same = same && i < size && value_of(x) == m.fifo[i];
          ++i;
        });
        Env::check(same && n == size && i == n, "drain()");
        m.fifo.clear();
      }
      break;
    default: {  // observers, and front() against the model
      const T* f = q.front();
      Env::check(size == 0 ? f == nullptr : f != nullptr && value_of(*f) == m.fifo.front(), "front()");
      break;
    }
  }
}

}  // namespace queue_ops
}  // namespace test
}  // namespace heapless

#endif  // HEAPLESS_TESTS_OPS_QUEUE_OPS_HPP
