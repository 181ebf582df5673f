// deque_fuzz.cpp - libFuzzer differential target: the input bytes drive a
// sequence of operations on heapless::Deque<int, 16> (masking),
// heapless::Deque<Cell, 7> (compare-and-subtract, non-trivial, self-checking)
// and std::vector models; any divergence traps.
//   build: clang++ -std=c++17 -fsanitize=fuzzer,address,undefined -Iinclude tests/fuzz/deque_fuzz.cpp
//   run:   ./deque_fuzz -runs=100000 -seed=1
#include <cstddef>  // std::size_t
#include <cstdint>  // std::uint8_t
#include <vector>   // the reference model

#include <heapless/deque.hpp>

namespace {

#define DEQUE_FUZZ_REQUIRE(cond)   \
  do {                             \
    if (!(cond)) __builtin_trap(); \
  } while (0)

// Non-trivial element that checks its own lifetime (a live marker).
struct Cell {
  Cell() : Cell(0) {}
  Cell(int v) : value(v), alive(0x5A5A) { ++live(); }  // NOLINT: implicit on purpose
  Cell(const Cell& o) : value(o.get()), alive(0x5A5A) { ++live(); }
  Cell(Cell&& o) noexcept : value(o.get()), alive(0x5A5A) {
    o.value = -1;
    ++live();
  }
  Cell& operator=(const Cell& o) {
    DEQUE_FUZZ_REQUIRE(alive == 0x5A5A);
    value = o.get();
    return *this;
  }
  Cell& operator=(Cell&& o) noexcept {
    DEQUE_FUZZ_REQUIRE(alive == 0x5A5A);
    value = o.get();
    o.value = -1;
    return *this;
  }
  ~Cell() {
    DEQUE_FUZZ_REQUIRE(alive == 0x5A5A);
    alive = 0;
    --live();
  }
  int get() const {
    DEQUE_FUZZ_REQUIRE(alive == 0x5A5A);
    return value;
  }
  static long& live() {
    static long n = 0;
    return n;
  }
  friend bool operator==(const Cell& a, const Cell& b) { return a.get() == b.get(); }
  int value;
  int alive;
};

int value_of(int v) { return v; }
int value_of(const Cell& c) { return c.get(); }

template <class D>
void check(const D& d, const std::vector<int>& m) {
  DEQUE_FUZZ_REQUIRE(d.size() == m.size());
  std::size_t k = 0;
  for (const auto& x : d) DEQUE_FUZZ_REQUIRE(value_of(x) == m[k++]);
  const auto spans = d.as_spans();
  DEQUE_FUZZ_REQUIRE(spans.first.size() + spans.second.size() == m.size());
  k = 0;
  for (const auto& x : spans.first) DEQUE_FUZZ_REQUIRE(value_of(x) == m[k++]);
  for (const auto& x : spans.second) DEQUE_FUZZ_REQUIRE(value_of(x) == m[k++]);
}

template <class T, std::size_t N>
void drive(const std::uint8_t* data, std::size_t size) {
  heapless::Deque<T, N> d;
  std::vector<int> m;
  int next = 0;
  for (std::size_t p = 0; p + 1 < size; p += 2) {
    const unsigned op = data[p] % 12;
    const unsigned arg = data[p + 1];
    const std::size_t len = m.size();
    const std::size_t room = N - len;
    switch (op) {
      case 0:
        if (d.try_push_back(T(next)) != nullptr) m.push_back(next);
        DEQUE_FUZZ_REQUIRE(len < N || m.size() == len);
        ++next;
        break;
      case 1:
        if (d.try_push_front(T(next)) != nullptr) m.insert(m.begin(), next);
        ++next;
        break;
      case 2:
        if (auto v = d.try_pop_front()) {
          DEQUE_FUZZ_REQUIRE(value_of(*v) == m.front());
          m.erase(m.begin());
        } else {
          DEQUE_FUZZ_REQUIRE(len == 0);
        }
        break;
      case 3:
        if (auto v = d.try_pop_back()) {
          DEQUE_FUZZ_REQUIRE(value_of(*v) == m.back());
          m.pop_back();
        } else {
          DEQUE_FUZZ_REQUIRE(len == 0);
        }
        break;
      case 4: {
        if (room == 0) break;
        const std::size_t i = arg % (len + 1);
        auto it = d.emplace(d.begin() + static_cast<std::ptrdiff_t>(i), next);
        DEQUE_FUZZ_REQUIRE(it == d.begin() + static_cast<std::ptrdiff_t>(i));
        m.insert(m.begin() + static_cast<std::ptrdiff_t>(i), next++);
        break;
      }
      case 5: {
        const std::size_t n = (arg >> 4) % (room + 1);
        const std::size_t i = (arg & 15u) % (len + 1);
        auto it = d.insert(d.begin() + static_cast<std::ptrdiff_t>(i), n, T(next));
        DEQUE_FUZZ_REQUIRE(it == d.begin() + static_cast<std::ptrdiff_t>(i));
        m.insert(m.begin() + static_cast<std::ptrdiff_t>(i), n, next++);
        break;
      }
      case 6: {
        const std::size_t n = (arg >> 4) % (room + 1);
        const std::size_t i = (arg & 15u) % (len + 1);
        std::vector<T> src;
        std::vector<int> srci;
        for (std::size_t k = 0; k != n; ++k) {
          src.push_back(T(next));
          srci.push_back(next++);
        }
        auto it = d.insert(d.begin() + static_cast<std::ptrdiff_t>(i), src.begin(), src.end());
        DEQUE_FUZZ_REQUIRE(it == d.begin() + static_cast<std::ptrdiff_t>(i));
        m.insert(m.begin() + static_cast<std::ptrdiff_t>(i), srci.begin(), srci.end());
        break;
      }
      case 7: {
        if (len == 0) break;
        const std::size_t i = arg % len;
        const std::size_t j = i + (arg >> 3) % (len - i + 1);
        auto it = d.erase(d.begin() + static_cast<std::ptrdiff_t>(i), d.begin() + static_cast<std::ptrdiff_t>(j));
        DEQUE_FUZZ_REQUIRE(it == d.begin() + static_cast<std::ptrdiff_t>(i));
        m.erase(m.begin() + static_cast<std::ptrdiff_t>(i), m.begin() + static_cast<std::ptrdiff_t>(j));
        break;
      }
      case 8: {
        const auto span = d.make_contiguous();
        DEQUE_FUZZ_REQUIRE(span.size() == len);
        break;
      }
      case 9: {
        std::vector<T> src;
        const std::size_t n = arg % (room + 1);
        for (std::size_t k = 0; k != n; ++k) {
          src.push_back(T(next));
          m.push_back(next++);
        }
        if (n != 0) d.push_back(src.data(), src.data() + n);
        const std::size_t drop = (arg >> 5) % (m.size() + 1);
        d.pop_front(drop);
        m.erase(m.begin(), m.begin() + static_cast<std::ptrdiff_t>(drop));
        break;
      }
      case 10: {
        const std::size_t n = arg % (N + 1);
        d.resize(n);
        m.resize(n, 0);
        break;
      }
      default: {
        const int mod = static_cast<int>(arg % 5) + 2;
        const std::size_t removed = heapless::erase_if(d, [mod](const T& x) { return value_of(x) % mod == 0; });
        std::size_t model_removed = 0;
        for (std::size_t k = m.size(); k != 0; --k) {
          if (m[k - 1] % mod == 0) {
            m.erase(m.begin() + static_cast<std::ptrdiff_t>(k - 1));
            ++model_removed;
          }
        }
        DEQUE_FUZZ_REQUIRE(removed == model_removed);
        heapless::Deque<T, N> copy(d);
        DEQUE_FUZZ_REQUIRE(copy == d);
        break;
      }
    }
    check(d, m);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  drive<int, 16>(data, size);
  drive<Cell, 7>(data, size);
  DEQUE_FUZZ_REQUIRE(Cell::live() == 0);
  return 0;
}
