// deque_ops.hpp - Deque's operation table, shared by the random differential
// test (deque_random_test.cpp, source: rng) and the fuzz target
// (fuzz/deque_fuzz.cpp, source: the fuzzer's bytes).
//
// The model is a std::vector<int> for every element type (insert and erase
// of a vector are simple enough to trust) and, for int elements, std::deque
// too. std::deque is not asked to insert an empty range or zero copies in the
// middle: GCC 12's libstdc++ mishandles those for some element types
// (std::deque<std::string> loses elements), so only the vector sees them.
// Values are unique (a counter), so a misplaced element shows.
// compare checks contents, order, size, both ends, iterators and as_spans.
// Env: test_env.hpp or fuzz_env.hpp; T: an element_types.hpp type.
#ifndef HEAPLESS_TESTS_OPS_DEQUE_OPS_HPP
#define HEAPLESS_TESTS_OPS_DEQUE_OPS_HPP

#include <cstddef>      // std::size_t, std::ptrdiff_t
#include <deque>        // the std counterpart
#include <type_traits>  // std::is_same_v
#include <vector>       // the model

#include <heapless/deque.hpp>

#include "../element_types.hpp"

namespace heapless {
namespace test {
namespace deque_ops {

struct model {
  std::vector<int> v;
  std::deque<int> s;  // int elements only
  int next = 0;       // the next value made
};

inline constexpr std::size_t op_count = 20;

template <class Env, class T, std::size_t N>
void compare(const model& m, const Deque<T, N>& d) {
  const std::vector<int>& v = m.v;
  bool same = d.size() == v.size() && d.empty() == v.empty() && d.full() == (v.size() == N);
  for (std::size_t k = 0; same && k != v.size(); ++k) same = value_of(d[k]) == v[k];
  std::size_t k = 0;
  for (auto it = d.begin(); same && it != d.end(); ++it) same = value_of(*it) == v[k++];
  const auto spans = d.as_spans();
  same = same && spans.first.size() + spans.second.size() == v.size();
  k = 0;
  for (std::size_t i = 0; same && i != spans.first.size(); ++i) same = value_of(spans.first[i]) == v[k++];
  for (std::size_t i = 0; same && i != spans.second.size(); ++i) same = value_of(spans.second[i]) == v[k++];
  if (same && !v.empty()) same = value_of(d.front()) == v.front() && value_of(d.back()) == v.back();
  Env::check(same, "Deque contents");
  if (std::is_same_v<T, int>) {
    bool same_std = m.s.size() == v.size();
    for (std::size_t i = 0; same_std && i != v.size(); ++i) same_std = m.s[i] == v[i];
    Env::check(same_std, "std::deque model (the vector model disagrees with it)");
  }
}

template <class Env, class T, std::size_t N, class Source>
void apply_op(model& mm, Deque<T, N>& d, std::size_t op, Source& src) {
  using scope = typename Env::model_scope;
  constexpr bool with_std = std::is_same_v<T, int>;
  std::vector<int>& m = mm.v;
  std::deque<int>& s = mm.s;
  const std::size_t len = m.size();
  const std::size_t room = N - len;
  const auto d_at = [&](std::size_t i) { return d.begin() + static_cast<std::ptrdiff_t>(i); };
  const auto m_at = [&](std::size_t i) { return m.begin() + static_cast<std::ptrdiff_t>(i); };
  const auto s_at = [&](std::size_t i) { return s.begin() + static_cast<std::ptrdiff_t>(i); };
  const auto model_push_back = [&](int x) {
    const scope a;
    m.push_back(x);
    if (with_std) s.push_back(x);
  };
  const auto model_push_front = [&](int x) {
    const scope a;
    m.insert(m.begin(), x);
    if (with_std) s.push_front(x);
  };
  const auto model_pop_front = [&](std::size_t n) {
    m.erase(m.begin(), m_at(n));
    if (with_std) s.erase(s.begin(), s_at(n));
  };
  switch (op) {
    case 0:
    case 1:
    case 2:
    case 3:
      if (room == 0) break;
      if (op < 2) {
        d.push_back(make<T>(mm.next));
        model_push_back(mm.next++);
      } else {
        d.push_front(make<T>(mm.next));
        model_push_front(mm.next++);
      }
      break;
    case 4: {
      T* p = d.try_push_back(make<T>(mm.next));
      Env::check((p != nullptr) == (room != 0) && (!p || value_of(*p) == mm.next), "try_push_back");
      if (p) model_push_back(mm.next);
      ++mm.next;
      break;
    }
    case 5: {
      T* p = d.try_push_front(make<T>(mm.next));
      Env::check((p != nullptr) == (room != 0) && (!p || value_of(*p) == mm.next), "try_push_front");
      if (p) model_push_front(mm.next);
      ++mm.next;
      break;
    }
    case 6:
      if (len != 0) {
        d.pop_front();
        model_pop_front(1);
      }
      break;
    case 7:
      if (len != 0) {
        d.pop_back();
        m.pop_back();
        if (with_std) s.pop_back();
      }
      break;
    case 8:
    case 9: {
      const auto got = op == 8 ? d.try_pop_front() : d.try_pop_back();
      Env::check(got.has_value() == (len != 0), "try_pop_front/back on empty");
      if (got) {
        Env::check(value_of(*got) == (op == 8 ? m.front() : m.back()), "try_pop_front/back value");
        if (op == 8) {
          model_pop_front(1);
        } else {
          m.pop_back();
          if (with_std) s.pop_back();
        }
      }
      break;
    }
    case 10: {  // emplace one anywhere
      if (room == 0) break;
      const std::size_t i = src.below(len + 1);
      Env::check(d.emplace(d_at(i), make<T>(mm.next)) == d_at(i), "emplace result");
      const scope a;
      m.insert(m_at(i), mm.next);
      if (with_std) s.insert(s_at(i), mm.next);
      ++mm.next;
      break;
    }
    case 11: {  // n copies anywhere (n may be 0)
      const std::size_t n = src.below(room + 1);
      const std::size_t i = src.below(len + 1);
      const T x = make<T>(mm.next);
      Env::check(d.insert(d_at(i), n, x) == d_at(i), "insert(pos, n, value) result");
      const scope a;
      m.insert(m_at(i), n, mm.next);
      if (with_std && n != 0) s.insert(s_at(i), n, mm.next);
      ++mm.next;
      break;
    }
    case 12: {  // a range anywhere (may be empty): insertion order kept
      const std::size_t n = src.below(room + 1);
      const std::size_t i = src.below(len + 1);
      std::vector<int> values;
      std::vector<T> elements;
      {
        const scope a;
        for (std::size_t k = 0; k != n; ++k) values.push_back(mm.next++);
        for (int x : values) elements.push_back(make<T>(x));
      }
      Env::check(d.insert(d_at(i), elements.begin(), elements.end()) == d_at(i), "insert(pos, first, last) result");
      const scope a;
      m.insert(m_at(i), values.begin(), values.end());
      if (with_std && n != 0) s.insert(s_at(i), values.begin(), values.end());
      values = std::vector<int>();
      elements = std::vector<T>();
      break;
    }
    case 13: {  // erase one
      if (len == 0) break;
      const std::size_t i = src.below(len);
      Env::check(d.erase(d_at(i)) == d_at(i), "erase(pos) result");
      m.erase(m_at(i));
      if (with_std) s.erase(s_at(i));
      break;
    }
    case 14: {  // erase a range (may be empty)
      const std::size_t i = src.below(len + 1);
      const std::size_t j = i + src.below(len - i + 1);
      Env::check(d.erase(d_at(i), d_at(j)) == d_at(i), "erase(first, last) result");
      m.erase(m_at(i), m_at(j));
      if (with_std) s.erase(s_at(i), s_at(j));
      break;
    }
    case 15: {  // bulk push_back (pointers: memcpy for int; iterators), pop_front(n)
      const std::size_t n = src.below(room + 1);
      std::vector<T> elements;
      {
        const scope a;
        for (std::size_t k = 0; k != n; ++k) elements.push_back(make<T>(mm.next + static_cast<int>(k)));
      }
      if (n != 0) d.push_back(elements.data(), elements.data() + n / 2);
      d.push_back(elements.begin() + static_cast<std::ptrdiff_t>(n / 2), elements.end());
      for (std::size_t k = 0; k != n; ++k) model_push_back(mm.next++);
      const std::size_t p = src.below(m.size() / 2 + 1);
      d.pop_front(p);
      model_pop_front(p);
      const scope a;
      elements = std::vector<T>();
      break;
    }
    case 16: {  // resize
      const std::size_t n = src.below(N + 1);
      d.resize(n);
      const scope a;
      m.resize(n, value_of(T()));
      if (with_std) s.resize(n, value_of(T()));
      break;
    }
    case 17: {  // make_contiguous keeps the order
      const auto span = d.make_contiguous();
      bool same = span.size() == len;
      for (std::size_t k = 0; same && k != span.size(); ++k) same = value_of(span[k]) == m[k];
      Env::check(same, "make_contiguous");
      break;
    }
    case 18: {  // erase_if
      const int mod = static_cast<int>(src.below(5)) + 2;
      const std::size_t removed = heapless::erase_if(d, [mod](const T& x) { return value_of(x) % mod == 0; });
      std::size_t model_removed = 0;
      for (std::size_t k = m.size(); k != 0; --k) {
        if (m[k - 1] % mod == 0) {
          m.erase(m_at(k - 1));
          if (with_std) s.erase(s_at(k - 1));
          ++model_removed;
        }
      }
      Env::check(removed == model_removed, "erase_if count");
      break;
    }
    default: {  // copy round trip, and overflow leaves the contents alone
      Deque<T, N> copy(d);
      Env::check(copy == d, "copy == original");
      d = copy;
      if (d.full()) {
        const T x = make<T>(-5);
        Env::template raises<error_kind::bad_alloc>([&] { d.push_back(x); }, "push_back when full");
      }
      break;
    }
  }
}

}  // namespace deque_ops
}  // namespace test
}  // namespace heapless

#endif  // HEAPLESS_TESTS_OPS_DEQUE_OPS_HPP
