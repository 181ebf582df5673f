// deque_random_test.cpp - random differential test: the same random
// operations applied to heapless::Deque and to reference models, compared
// after every step (contents, order, size, both ends, as_spans).
//
// References: a std::vector<int> model for every element type (insert and
// erase of a vector are simple enough to trust), and std::deque<int> for int
// elements. std::deque is not asked to insert an empty range or zero copies in
// the middle: GCC 12's libstdc++ mishandles those for some element types
// (std::deque<std::string> loses elements), so only the vector model sees them.
#include "support/test.hpp"

#include <cstdint>  // std::uint32_t
#include <deque>    // the std counterpart
#include <vector>   // the model

#include <heapless/deque.hpp>

using heapless::Deque;
using heapless::test::allow_alloc_scope;
using heapless::test::counted;
using heapless::test::make;
using heapless::test::value_of;

namespace {

struct rng {
  std::uint32_t s;
  std::uint32_t next() noexcept {
    s ^= s << 13;
    s ^= s >> 17;
    s ^= s << 5;
    return s;
  }
  std::size_t below(std::size_t n) noexcept { return n == 0 ? 0 : next() % n; }
};

template <class D>
bool same(const D& d, const std::vector<int>& m) {
  if (d.size() != m.size()) return false;
  for (std::size_t k = 0; k != m.size(); ++k) {
    if (value_of(d[k]) != m[k]) return false;
  }
  std::size_t k = 0;
  for (const auto& x : d) {
    if (value_of(x) != m[k++]) return false;
  }
  const auto spans = d.as_spans();
  if (spans.first.size() + spans.second.size() != m.size()) return false;
  k = 0;
  for (const auto& x : spans.first) {
    if (value_of(x) != m[k++]) return false;
  }
  for (const auto& x : spans.second) {
    if (value_of(x) != m[k++]) return false;
  }
  if (!m.empty() && (value_of(d.front()) != m.front() || value_of(d.back()) != m.back())) return false;
  return true;
}

bool same_std(const std::deque<int>& s, const std::vector<int>& m) {
  if (s.size() != m.size()) return false;
  for (std::size_t k = 0; k != m.size(); ++k) {
    if (s[k] != m[k]) return false;
  }
  return true;
}

template <class T, std::size_t N>
void run(std::uint32_t seed, long steps) {
  constexpr bool with_std = std::is_same_v<T, int>;
  std::vector<int> m;
  std::deque<int> s;  // allocates when constructed: before the trap is armed
  HEAPLESS_NO_ALLOC_SCOPE;
  HEAPLESS_LIFETIME_CHECK;
  rng r{seed};
  Deque<T, N> d;
  {
    const allow_alloc_scope a;
    m.reserve(N);
  }
  int next_value = 0;
  bool ok = true;
  // The models allocate (the trap pauses for them); the Deque never does.
  const auto model = [](auto&& f) {
    const allow_alloc_scope a;
    f();
  };
  for (long step = 0; step != steps && ok; ++step) {
    const std::size_t len = m.size();
    const std::size_t room = N - len;
    const std::size_t op = r.below(16);
    switch (op) {
      case 0:
      case 1:
        if (room != 0) {
          d.push_back(make<T>(next_value));
          model([&] {
            m.push_back(next_value);
            if (with_std) s.push_back(next_value);
          });
          ++next_value;
        }
        break;
      case 2:
      case 3:
        if (room != 0) {
          d.push_front(make<T>(next_value));
          model([&] {
            m.insert(m.begin(), next_value);
            if (with_std) s.push_front(next_value);
          });
          ++next_value;
        }
        break;
      case 4:
        if (len != 0) {
          d.pop_front();
          model([&] {
            m.erase(m.begin());
            if (with_std) s.pop_front();
          });
        }
        break;
      case 5:
        if (len != 0) {
          d.pop_back();
          model([&] {
            m.pop_back();
            if (with_std) s.pop_back();
          });
        }
        break;
      case 6: {  // emplace one anywhere
        if (room == 0) break;
        const std::size_t i = r.below(len + 1);
        auto it = d.emplace(d.begin() + static_cast<std::ptrdiff_t>(i), make<T>(next_value));
        if (it != d.begin() + static_cast<std::ptrdiff_t>(i)) ok = false;
        model([&] {
          m.insert(m.begin() + static_cast<std::ptrdiff_t>(i), next_value);
          if (with_std) s.insert(s.begin() + static_cast<std::ptrdiff_t>(i), next_value);
        });
        ++next_value;
        break;
      }
      case 7: {  // n copies anywhere (n may be 0)
        const std::size_t n = r.below(room + 1);
        const std::size_t i = r.below(len + 1);
        const T v = make<T>(next_value);
        auto it = d.insert(d.begin() + static_cast<std::ptrdiff_t>(i), n, v);
        if (it != d.begin() + static_cast<std::ptrdiff_t>(i)) ok = false;
        model([&] {
          m.insert(m.begin() + static_cast<std::ptrdiff_t>(i), n, next_value);
          if (with_std && n != 0) s.insert(s.begin() + static_cast<std::ptrdiff_t>(i), n, next_value);
        });
        ++next_value;
        break;
      }
      case 8: {  // a range anywhere (may be empty): insertion order kept
        const std::size_t n = r.below(room + 1);
        const std::size_t i = r.below(len + 1);
        std::vector<int> src;
        std::vector<T> srcT;
        model([&] {
          for (std::size_t k = 0; k != n; ++k) src.push_back(next_value++);
          for (int x : src) srcT.push_back(make<T>(x));
        });
        auto it = d.insert(d.begin() + static_cast<std::ptrdiff_t>(i), srcT.begin(), srcT.end());
        if (it != d.begin() + static_cast<std::ptrdiff_t>(i)) ok = false;
        model([&] {
          m.insert(m.begin() + static_cast<std::ptrdiff_t>(i), src.begin(), src.end());
          if (with_std && n != 0) s.insert(s.begin() + static_cast<std::ptrdiff_t>(i), src.begin(), src.end());
          src = std::vector<int>();
          srcT = std::vector<T>();
        });
        break;
      }
      case 9: {  // erase one
        if (len == 0) break;
        const std::size_t i = r.below(len);
        auto it = d.erase(d.begin() + static_cast<std::ptrdiff_t>(i));
        if (it != d.begin() + static_cast<std::ptrdiff_t>(i)) ok = false;
        model([&] {
          m.erase(m.begin() + static_cast<std::ptrdiff_t>(i));
          if (with_std) s.erase(s.begin() + static_cast<std::ptrdiff_t>(i));
        });
        break;
      }
      case 10: {  // erase a range (may be empty)
        const std::size_t i = r.below(len + 1);
        const std::size_t j = i + r.below(len - i + 1);
        auto it = d.erase(d.begin() + static_cast<std::ptrdiff_t>(i), d.begin() + static_cast<std::ptrdiff_t>(j));
        if (it != d.begin() + static_cast<std::ptrdiff_t>(i)) ok = false;
        model([&] {
          m.erase(m.begin() + static_cast<std::ptrdiff_t>(i), m.begin() + static_cast<std::ptrdiff_t>(j));
          if (with_std) s.erase(s.begin() + static_cast<std::ptrdiff_t>(i), s.begin() + static_cast<std::ptrdiff_t>(j));
        });
        break;
      }
      case 11: {  // bulk push_back, pop_front(n)
        const std::size_t n = r.below(room + 1);
        std::vector<T> srcT;
        model([&] {
          for (std::size_t k = 0; k != n; ++k) {
            srcT.push_back(make<T>(next_value));
            m.push_back(next_value);
            if (with_std) s.push_back(next_value);
            ++next_value;
          }
        });
        if (n != 0) d.push_back(srcT.data(), srcT.data() + n / 2);  // pointers (memcpy for int)
        d.push_back(srcT.begin() + static_cast<std::ptrdiff_t>(n / 2), srcT.end());
        const std::size_t p = r.below(m.size() / 2 + 1);
        d.pop_front(p);
        model([&] {
          m.erase(m.begin(), m.begin() + static_cast<std::ptrdiff_t>(p));
          if (with_std) s.erase(s.begin(), s.begin() + static_cast<std::ptrdiff_t>(p));
          srcT = std::vector<T>();
        });
        break;
      }
      case 12: {  // resize
        const std::size_t n = r.below(N + 1);
        d.resize(n);
        model([&] {
          m.resize(n, value_of(T()));
          if (with_std) s.resize(n, value_of(T()));
        });
        break;
      }
      case 13: {  // make_contiguous keeps the order
        const auto span = d.make_contiguous();
        if (span.size() != len) ok = false;
        for (std::size_t k = 0; k != span.size() && ok; ++k) ok = value_of(span[k]) == m[k];
        break;
      }
      case 14: {  // erase_if
        const int mod = static_cast<int>(r.below(4)) + 2;
        const std::size_t removed = heapless::erase_if(d, [mod](const T& x) { return value_of(x) % mod == 0; });
        std::size_t model_removed = 0;
        model([&] {
          for (std::size_t k = m.size(); k != 0; --k) {
            if (m[k - 1] % mod == 0) {
              m.erase(m.begin() + static_cast<std::ptrdiff_t>(k - 1));
              if (with_std) s.erase(s.begin() + static_cast<std::ptrdiff_t>(k - 1));
              ++model_removed;
            }
          }
        });
        if (removed != model_removed) ok = false;
        break;
      }
      default: {  // copy round trip, and overflow leaves the contents alone
        Deque<T, N> copy(d);
        d = copy;
        if (d.full()) {
          const T v = make<T>(-5);
          HEAPLESS_CHECK_RAISES(bad_alloc, d.push_back(v));
        }
        break;
      }
    }
    if (!same(d, m)) ok = false;
    if (with_std && !same_std(s, m)) ok = false;
    if (!ok) {
      CAPTURE(step);
      CAPTURE(op);
    }
  }
  CHECK(ok);
  const allow_alloc_scope a;
  m = std::vector<int>();
  s = std::deque<int>();
}

}  // namespace

TEST_CASE("Deque random: int against std::deque and a model, power-of-two N", "[deque][differential]") {
  run<int, 16>(0x12345u, heapless::test::scaled(100000));
}

TEST_CASE("Deque random: int against std::deque and a model, other N", "[deque][differential]") {
  run<int, 13>(0xBEEFu, heapless::test::scaled(100000));
}

TEST_CASE("Deque random: counted (lifetimes) against a model", "[deque][differential]") {
  run<counted, 8>(0x5EEDu, heapless::test::scaled(50000));
  run<counted, 7>(0xC0FFEEu, heapless::test::scaled(50000));
}
