// vec_differential_test.cpp - a long deterministic random sequence of mixed
// operations applied to heapless::Vec and to std::vector (the model), compared
// after every step. Where the Vec would grow past N, the model predicts the
// error: the Vec must raise bad_alloc and be unchanged.
#include "support/iterators.hpp"
#include "support/test.hpp"

#include <cstdint>  // std::uint64_t
#include <vector>   // the reference model

#include <heapless/vec.hpp>

namespace {

using heapless::test::allow_alloc_scope;
using heapless::test::value_of;

class rng {
 public:
  explicit rng(std::uint64_t seed) : s_(seed) {}
  std::uint64_t next() {  // splitmix64
    std::uint64_t z = (s_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  std::size_t below(std::size_t n) { return n == 0 ? 0 : static_cast<std::size_t>(next() % n); }
  int value() { return static_cast<int>(next() % 1000); }

 private:
  std::uint64_t s_;
};

// A forward iterator over ints that is not a pointer: exercises the generic paths.
using fwd = heapless::test::forward_iterator<int>;

template <class V>
bool same(const V& v, const std::vector<int>& m) {
  if (v.size() != m.size()) return false;
  if (v.empty() != m.empty()) return false;
  if (v.full() != (m.size() == V::capacity())) return false;
  for (std::size_t i = 0; i != m.size(); ++i) {
    if (value_of(v[i]) != m[i]) return false;
  }
  if (!m.empty() && (value_of(v.front()) != m.front() || value_of(v.back()) != m.back())) return false;
  if (static_cast<std::size_t>(v.end() - v.begin()) != m.size()) return false;
  if (static_cast<std::size_t>(v.rend() - v.rbegin()) != m.size()) return false;
  return true;
}

template <class T, std::size_t N>
void run_differential(std::uint64_t seed, long steps) {
  using V = heapless::Vec<T, N>;
  HEAPLESS_NO_ALLOC_SCOPE;
  HEAPLESS_LIFETIME_CHECK;
  rng r(seed);
  static V v;  // static: keeps the stack small on 16 KB targets
  static V other;
  v.clear();
  other.clear();
  std::vector<int> m;
  std::vector<int> m_other;
  {
    const allow_alloc_scope allow;
    m.reserve(64);
    m_other.reserve(64);
  }
  int src[N + 4];
  long failures = 0;
  for (long step = 0; step < steps && failures == 0; ++step) {
    const std::size_t size = m.size();
    const bool has_room = size < N;
    const std::size_t op = r.below(22);
    const int x = r.value();
    const std::size_t pos = r.below(size + 1);
    const std::size_t len = r.below(6);
    for (std::size_t i = 0; i != len; ++i) src[i] = r.value();
    // Declared here, not in a checked expression: the no-exceptions build
    // leaves a raising call by longjmp, which skips destructors.
    const T tx(x);
    switch (op) {
      case 0:
        if (has_room) {
          v.push_back(T(x));
          const allow_alloc_scope a;
          m.push_back(x);
        } else {
          HEAPLESS_CHECK_RAISES(bad_alloc, v.push_back(tx));
        }
        break;
      case 1: {
        T* p = v.try_push_back(T(x));
        if (has_room) {
          failures += (p == nullptr || value_of(*p) != x);
          const allow_alloc_scope a;
          m.push_back(x);
        } else {
          failures += (p != nullptr);
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
          auto it = v.insert(v.begin() + pos, T(x));
          failures += (it != v.begin() + pos);
          const allow_alloc_scope a;
          m.insert(m.begin() + static_cast<std::ptrdiff_t>(pos), x);
        } else {
          HEAPLESS_CHECK_RAISES(bad_alloc, v.insert(v.begin() + pos, tx));
        }
        break;
      case 4:
        if (len <= N - size) {
          v.insert(v.begin() + pos, len, T(x));
          const allow_alloc_scope a;
          m.insert(m.begin() + static_cast<std::ptrdiff_t>(pos), len, x);
        } else {
          HEAPLESS_CHECK_RAISES(bad_alloc, v.insert(v.begin() + pos, len, tx));
        }
        break;
      case 5:
        if (len <= N - size) {
          if (x % 2) v.insert(v.begin() + pos, src, src + len);
          else v.insert(v.begin() + pos, fwd(src), fwd(src + len));
          const allow_alloc_scope a;
          m.insert(m.begin() + static_cast<std::ptrdiff_t>(pos), src, src + len);
        } else {
          HEAPLESS_CHECK_RAISES(bad_alloc, v.insert(v.begin() + pos, src, src + len));
        }
        break;
      case 6:
        if (pos < size) {
          auto it = v.erase(v.begin() + pos);
          failures += (it != v.begin() + pos);
          m.erase(m.begin() + static_cast<std::ptrdiff_t>(pos));
        }
        break;
      case 7: {
        const std::size_t last = pos + r.below(size - pos + 1);
        v.erase(v.begin() + pos, v.begin() + last);
        m.erase(m.begin() + static_cast<std::ptrdiff_t>(pos), m.begin() + static_cast<std::ptrdiff_t>(last));
        break;
      }
      case 8: {
        const std::size_t n = r.below(N + 3);
        if (n <= N) {
          v.resize(n);
          const allow_alloc_scope a;
          m.resize(n);
        } else {
          HEAPLESS_CHECK_RAISES(bad_alloc, v.resize(n));
        }
        break;
      }
      case 9: {
        const std::size_t n = r.below(N + 3);
        if (n <= N) {
          v.resize(n, T(x));
          const allow_alloc_scope a;
          m.resize(n, x);
        } else {
          HEAPLESS_CHECK_RAISES(bad_alloc, v.resize(n, tx));
        }
        break;
      }
      case 10: {
        const std::size_t n = r.below(N + 2);
        if (n <= N) {
          v.assign(n, T(x));
          const allow_alloc_scope a;
          m.assign(n, x);
        } else {
          HEAPLESS_CHECK_RAISES(bad_alloc, v.assign(n, tx));
        }
        break;
      }
      case 11:
        if (len <= N) {
          if (x % 3 == 0) v.assign(src, src + len);
          else v.assign(fwd(src), fwd(src + len));
          const allow_alloc_scope a;
          m.assign(src, src + len);
        } else {
          HEAPLESS_CHECK_RAISES(bad_alloc, v.assign(fwd(src), fwd(src + len)));
        }
        break;
      case 12:
        if (len <= N - size) {
          if (x % 2) v.append(src, src + len);
          else v.append(fwd(src), fwd(src + len));
          const allow_alloc_scope a;
          m.insert(m.end(), src, src + len);
        } else {
          HEAPLESS_CHECK_RAISES(bad_alloc, v.append(src, src + len));
        }
        break;
      case 13: {
        const std::size_t fit = len < N - size ? len : N - size;
        const int* rest = v.try_append(src, src + len);
        failures += (rest != src + fit);
        const allow_alloc_scope a;
        m.insert(m.end(), src, src + fit);
        break;
      }
      case 14:
        if (x % 8 == 0) {
          v.clear();
          m.clear();
        }
        break;
      case 15:
        if (x % 2) {
          v.swap(other);
        } else {
          swap(v, other);
        }
        m.swap(m_other);
        break;
      case 16:
        if (x % 2) {
          other = v;
          const allow_alloc_scope a;
          m_other = m;
        } else {
          v = other;
          const allow_alloc_scope a;
          m = m_other;
        }
        break;
      case 17: {
        const int victim = size != 0 ? m[r.below(size)] : x;
        const std::size_t removed = heapless::erase(v, T(victim));
        std::size_t model_removed = 0;
        for (std::size_t i = 0; i != m.size();) {
          if (m[i] == victim) {
            m.erase(m.begin() + static_cast<std::ptrdiff_t>(i));
            ++model_removed;
          } else {
            ++i;
          }
        }
        failures += (removed != model_removed);
        break;
      }
      case 18: {
        const int mod = 2 + x % 5;
        const std::size_t removed = heapless::erase_if(v, [mod](const T& e) { return value_of(e) % mod == 0; });
        std::size_t model_removed = 0;
        for (std::size_t i = 0; i != m.size();) {
          if (m[i] % mod == 0) {
            m.erase(m.begin() + static_cast<std::ptrdiff_t>(i));
            ++model_removed;
          } else {
            ++i;
          }
        }
        failures += (removed != model_removed);
        break;
      }
      case 19:
        if (has_room) {
          v.emplace(v.begin() + pos, x);
          const allow_alloc_scope a;
          m.insert(m.begin() + static_cast<std::ptrdiff_t>(pos), x);
        } else {
          HEAPLESS_CHECK_RAISES(bad_alloc, v.emplace(v.begin() + pos, x));
        }
        break;
      case 20: {
        const std::size_t i = r.below(size + 2);
        if (i < size) failures += (value_of(v.at(i)) != m[i]);
        else HEAPLESS_CHECK_RAISES(out_of_range, v.at(i));
        break;
      }
      default:
        failures += ((v == other) != (m == m_other));
        failures += ((v != other) != (m != m_other));
        failures += ((v < other) != (m < m_other));
        failures += ((v <= other) != (m <= m_other));
        failures += ((v > other) != (m > m_other));
        failures += ((v >= other) != (m >= m_other));
        break;
    }
    if (!same(v, m) || !same(other, m_other)) ++failures;
    if (failures != 0) {
      INFO("step " << step << " op " << op);
      CHECK(failures == 0);
    }
  }
  CHECK(failures == 0);
  v.clear();
  other.clear();
  const allow_alloc_scope a;
  m = std::vector<int>();
  m_other = std::vector<int>();
}

}  // namespace

TEST_CASE("Vec differential: int against std::vector", "[vec][differential]") {
  run_differential<int, 24>(1, heapless::test::scaled(200000));
  run_differential<int, 1>(2, heapless::test::scaled(20000));
}

TEST_CASE("Vec differential: counted (non-trivial) against std::vector", "[vec][differential]") {
  run_differential<heapless::test::counted, 16>(3, heapless::test::scaled(100000));
}

TEST_CASE("Vec differential: uint8 length type at N = 255", "[vec][differential]") {
  run_differential<int, 255>(4, heapless::test::scaled(20000));
}
