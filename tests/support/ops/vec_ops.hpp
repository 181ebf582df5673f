// vec_ops.hpp - Vec's operation table, shared by the random differential test
// (vec_differential_test.cpp, source: rng) and the fuzz target
// (fuzz/vec_fuzz.cpp, source: the fuzzer's bytes).
//
// The subject is two Vecs (the second for swap, copy and comparison), the
// model two std::vector<int>. apply_op runs operation `op` (< op_count) on
// both, drawing its arguments from the source; where the Vec would grow past
// N the model predicts the error: the checked tier must raise bad_alloc (and
// leave the Vec unchanged, which compare then sees), the try_ tier must
// refuse. compare checks everything observable after every step.
// Env: test_env.hpp or fuzz_env.hpp. T: any element type of
// element_types.hpp (built from and compared by an int).
#ifndef HEAPLESS_TESTS_OPS_VEC_OPS_HPP
#define HEAPLESS_TESTS_OPS_VEC_OPS_HPP

#include <cstddef>  // std::size_t, std::ptrdiff_t
#include <vector>   // the model

#include <heapless/vec.hpp>

#include "../element_types.hpp"
#include "../iterators.hpp"

namespace heapless {
namespace test {
namespace vec_ops {

template <class T, std::size_t N>
struct subject {
  Vec<T, N> v;
  Vec<T, N> other;
};

struct model {
  std::vector<int> v;
  std::vector<int> other;
};

inline constexpr std::size_t op_count = 22;

template <class Env, class V>
void compare_one(const V& v, const std::vector<int>& m) {
  bool same = v.size() == m.size() && v.empty() == m.empty() && v.full() == (m.size() == V::capacity());
  for (std::size_t i = 0; same && i != m.size(); ++i) same = value_of(v[i]) == m[i];
  if (same && !m.empty()) same = value_of(v.front()) == m.front() && value_of(v.back()) == m.back();
  same = same && static_cast<std::size_t>(v.end() - v.begin()) == m.size() &&
         static_cast<std::size_t>(v.rend() - v.rbegin()) == m.size();
  Env::check(same, "Vec contents");
}

template <class Env, class T, std::size_t N>
void compare(const model& m, const subject<T, N>& s) {
  compare_one<Env>(s.v, m.v);
  compare_one<Env>(s.other, m.other);
}

/// Removes every element of m for which pred holds; returns how many.
template <class Pred>
std::size_t model_erase_if(std::vector<int>& m, Pred pred) {
  std::size_t removed = 0;
  for (std::size_t i = 0; i != m.size();) {
    if (pred(m[i])) {
      m.erase(m.begin() + static_cast<std::ptrdiff_t>(i));
      ++removed;
    } else {
      ++i;
    }
  }
  return removed;
}

template <class Env, class T, std::size_t N, class Source>
void apply_op(model& mm, subject<T, N>& s, std::size_t op, Source& src) {
  using scope = typename Env::model_scope;
  using fwd = forward_iterator<int>;  // not a pointer: the generic paths
  constexpr error_kind full = error_kind::bad_alloc;
  Vec<T, N>& v = s.v;
  std::vector<int>& m = mm.v;
  const std::size_t size = m.size();
  const bool has_room = size < N;
  const auto value = [&] { return static_cast<int>(src.below(1000)); };
  const int x = value();
  const std::size_t pos = src.below(size + 1);
  const auto at = [&](std::size_t i) { return m.begin() + static_cast<std::ptrdiff_t>(i); };
  int range[8];
  const std::size_t len = src.below(6);
  for (std::size_t i = 0; i != len; ++i) range[i] = value();
  const int* const first = range;
  const int* const last = range + len;
  // Made here, not inside a raising call: the handler build leaves that call
  // by longjmp, which skips destructors.
  const T tx = make<T>(x);
  switch (op) {
    case 0:
      if (has_room) {
        v.push_back(make<T>(x));
        const scope a;
        m.push_back(x);
      } else {
        Env::template raises<full>([&] { v.push_back(tx); }, "push_back when full");
      }
      break;
    case 1: {
      T* p = v.try_push_back(make<T>(x));
      Env::check(has_room ? p != nullptr && value_of(*p) == x : p == nullptr, "try_push_back");
      if (has_room) {
        const scope a;
        m.push_back(x);
      }
      break;
    }
    case 2:
      if (size != 0) {
        v.pop_back();
        m.pop_back();
      }
      break;
    case 3:
      if (has_room) {
        auto it = v.insert(v.begin() + pos, make<T>(x));
        Env::check(it == v.begin() + pos, "insert(pos, value) result");
        const scope a;
        m.insert(at(pos), x);
      } else {
        Env::template raises<full>([&] { v.insert(v.begin() + pos, tx); }, "insert(pos, value) when full");
      }
      break;
    case 4:
      if (len <= N - size) {
        v.insert(v.begin() + pos, len, make<T>(x));
        const scope a;
        m.insert(at(pos), len, x);
      } else {
        Env::template raises<full>([&] { v.insert(v.begin() + pos, len, tx); }, "insert(pos, n, value) past N");
      }
      break;
    case 5:
      if (len <= N - size) {
        if (x % 2) v.insert(v.begin() + pos, first, last);
        else v.insert(v.begin() + pos, fwd(first), fwd(last));
        const scope a;
        m.insert(at(pos), first, last);
      } else {
        Env::template raises<full>([&] { v.insert(v.begin() + pos, first, last); }, "insert(pos, first, last) past N");
      }
      break;
    case 6:
      if (pos < size) {
        auto it = v.erase(v.begin() + pos);
        Env::check(it == v.begin() + pos, "erase(pos) result");
        m.erase(at(pos));
      }
      break;
    case 7: {
      const std::size_t end = pos + src.below(size - pos + 1);
      auto it = v.erase(v.begin() + pos, v.begin() + end);
      Env::check(it == v.begin() + pos, "erase(first, last) result");
      m.erase(at(pos), at(end));
      break;
    }
    case 8:
    case 9: {
      const std::size_t n = src.below(N + 3);
      if (n <= N) {
        if (op == 8) v.resize(n);
        else v.resize(n, make<T>(x));
        const scope a;
        m.resize(n, op == 8 ? value_of(T()) : x);
      } else if (op == 8) {
        Env::template raises<full>([&] { v.resize(n); }, "resize(n) past N");
      } else {
        Env::template raises<full>([&] { v.resize(n, tx); }, "resize(n, value) past N");
      }
      break;
    }
    case 10: {
      const std::size_t n = src.below(N + 2);
      if (n <= N) {
        v.assign(n, make<T>(x));
        const scope a;
        m.assign(n, x);
      } else {
        Env::template raises<full>([&] { v.assign(n, tx); }, "assign(n, value) past N");
      }
      break;
    }
    case 11:
      if (len <= N) {
        if (x % 3 == 0) v.assign(first, last);
        else v.assign(fwd(first), fwd(last));
        const scope a;
        m.assign(first, last);
      } else {
        Env::template raises<full>([&] { v.assign(fwd(first), fwd(last)); }, "assign(first, last) past N");
      }
      break;
    case 12:
      if (len <= N - size) {
        if (x % 2) v.append(first, last);
        else v.append(fwd(first), fwd(last));
        const scope a;
        m.insert(m.end(), first, last);
      } else {
        Env::template raises<full>([&] { v.append(first, last); }, "append past N");
      }
      break;
    case 13: {
      const std::size_t fit = len < N - size ? len : N - size;
      Env::check(v.try_append(first, last) == first + fit, "try_append result");
      const scope a;
      m.insert(m.end(), first, first + fit);
      break;
    }
    case 14:
      if (x % 8 == 0) {
        v.clear();
        m.clear();
      }
      break;
    case 15:
      if (x % 2) v.swap(s.other);
      else swap(v, s.other);
      m.swap(mm.other);
      break;
    case 16:
      if (x % 2) {
        s.other = v;
        const scope a;
        mm.other = m;
      } else {
        v = s.other;
        const scope a;
        m = mm.other;
      }
      break;
    case 17: {
      const int victim = size != 0 ? m[src.below(size)] : x;
      const std::size_t removed = heapless::erase(v, make<T>(victim));
      Env::check(removed == model_erase_if(m, [victim](int e) { return e == victim; }), "erase(v, value) count");
      break;
    }
    case 18: {
      const int mod = 2 + x % 5;
      const std::size_t removed = heapless::erase_if(v, [mod](const T& e) { return value_of(e) % mod == 0; });
      Env::check(removed == model_erase_if(m, [mod](int e) { return e % mod == 0; }), "erase_if count");
      break;
    }
    case 19:
      if (has_room) {
        auto it = v.emplace(v.begin() + pos, x);
        Env::check(it == v.begin() + pos, "emplace result");
        const scope a;
        m.insert(at(pos), x);
      } else {
        Env::template raises<full>([&] { v.emplace(v.begin() + pos, x); }, "emplace when full");
      }
      break;
    case 20: {
      const std::size_t i = src.below(size + 2);
      if (i < size) Env::check(value_of(v.at(i)) == m[i], "at(i)");
      else Env::template raises<error_kind::out_of_range>([&] { (void)v.at(i); }, "at(i) past the end");
      break;
    }
    default: {
      const Vec<T, N>& o = s.other;
      const std::vector<int>& mo = mm.other;
      Env::check((v == o) == (m == mo) && (v != o) == (m != mo), "== and !=");
      Env::check((v < o) == (m < mo) && (v <= o) == (m <= mo), "< and <=");
      Env::check((v > o) == (m > mo) && (v >= o) == (m >= mo), "> and >=");
      break;
    }
  }
}

}  // namespace vec_ops
}  // namespace test
}  // namespace heapless

#endif  // HEAPLESS_TESTS_OPS_VEC_OPS_HPP
