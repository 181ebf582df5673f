// vec_fuzz.cpp - libFuzzer differential target: the input bytes drive a
// sequence of operations on heapless::Vec<int, 16>, heapless::Vec<Box, 8>
// (non-trivial) and std::vector models; any divergence traps.
//   build: clang++ -std=c++17 -fsanitize=fuzzer,address,undefined -Iinclude tests/fuzz/vec_fuzz.cpp
//   run:   ./vec_fuzz -runs=100000 -seed=1
#include <cstddef>  // std::size_t
#include <cstdint>  // std::uint8_t
#include <new>      // std::bad_alloc
#include <vector>   // the reference model

#include <heapless/vec.hpp>

namespace {

#define VEC_FUZZ_REQUIRE(cond) \
  do {                         \
    if (!(cond)) __builtin_trap(); \
  } while (0)

// Non-trivial element that checks its own lifetime (a live marker).
struct Box {
  Box() : Box(0) {}
  Box(int v) : value(v), alive(0x5A5A) { ++live(); }  // NOLINT: implicit on purpose
  Box(const Box& o) : value(o.get()), alive(0x5A5A) { ++live(); }
  Box(Box&& o) noexcept : value(o.get()), alive(0x5A5A) {
    o.value = -1;
    ++live();
  }
  Box& operator=(const Box& o) {
    VEC_FUZZ_REQUIRE(alive == 0x5A5A);
    value = o.get();
    return *this;
  }
  Box& operator=(Box&& o) noexcept {
    VEC_FUZZ_REQUIRE(alive == 0x5A5A);
    value = o.get();
    o.value = -1;
    return *this;
  }
  ~Box() {
    VEC_FUZZ_REQUIRE(alive == 0x5A5A);
    alive = 0;
    --live();
  }
  int get() const {
    VEC_FUZZ_REQUIRE(alive == 0x5A5A);
    return value;
  }
  friend bool operator==(const Box& a, const Box& b) { return a.get() == b.get(); }
  friend bool operator<(const Box& a, const Box& b) { return a.get() < b.get(); }
  static long& live() {
    static long n = 0;
    return n;
  }
  int value;
  int alive;
};

int value_of(int x) { return x; }
int value_of(const Box& b) { return b.get(); }

struct reader {
  const std::uint8_t* p;
  std::size_t n;
  bool more() const { return n != 0; }
  std::uint8_t byte() {
    if (n == 0) return 0;
    --n;
    return *p++;
  }
};

template <class V>
void check_same(const V& v, const std::vector<int>& m) {
  VEC_FUZZ_REQUIRE(v.size() == m.size());
  for (std::size_t i = 0; i != m.size(); ++i) VEC_FUZZ_REQUIRE(value_of(v[i]) == m[i]);
}

// Calls f, which must raise bad_alloc (exceptions are on in fuzz builds).
template <class F>
void expect_bad_alloc(F&& f) {
#if HEAPLESS_HAS_EXCEPTIONS
  bool raised = false;
  try {
    f();
  } catch (const std::bad_alloc&) {
    raised = true;
  }
  VEC_FUZZ_REQUIRE(raised);
#else
  (void)f;
#endif
}

template <class T, std::size_t N>
void run(reader& in) {
  heapless::Vec<T, N> v;
  heapless::Vec<T, N> other;
  std::vector<int> m;
  std::vector<int> mo;
  int src[8];
  while (in.more()) {
    const std::uint8_t op = in.byte();
    const int x = in.byte();
    const std::size_t size = m.size();
    const std::size_t pos = size == 0 ? 0 : in.byte() % (size + 1);
    const std::size_t len = in.byte() % 8;
    for (std::size_t i = 0; i != len; ++i) src[i] = x + static_cast<int>(i);
    const auto at = [&](std::size_t i) { return m.begin() + static_cast<std::ptrdiff_t>(i); };
    switch (op % 16) {
      case 0:
        if (size < N) {
          v.push_back(T(x));
          m.push_back(x);
        } else {
          expect_bad_alloc([&] { v.push_back(T(x)); });
          VEC_FUZZ_REQUIRE(v.try_push_back(T(x)) == nullptr);
        }
        break;
      case 1:
        if (size != 0) {
          v.pop_back();
          m.pop_back();
        }
        break;
      case 2:
        if (size < N) {
          v.insert(v.begin() + pos, T(x));
          m.insert(at(pos), x);
        } else {
          expect_bad_alloc([&] { v.insert(v.begin() + pos, T(x)); });
        }
        break;
      case 3:
        if (len <= N - size) {
          v.insert(v.begin() + pos, src, src + len);
          m.insert(at(pos), src, src + len);
        } else {
          expect_bad_alloc([&] { v.insert(v.begin() + pos, src, src + len); });
        }
        break;
      case 4:
        if (len <= N - size) {
          v.insert(v.begin() + pos, len, T(x));
          m.insert(at(pos), len, x);
        } else {
          expect_bad_alloc([&] { v.insert(v.begin() + pos, len, T(x)); });
        }
        break;
      case 5:
        if (pos < size) {
          v.erase(v.begin() + pos);
          m.erase(at(pos));
        }
        break;
      case 6: {
        const std::size_t last = pos + (size - pos == 0 ? 0 : len % (size - pos + 1));
        v.erase(v.begin() + pos, v.begin() + last);
        m.erase(at(pos), at(last));
        break;
      }
      case 7: {
        const std::size_t n = static_cast<std::size_t>(x) % (N + 2);
        if (n <= N) {
          v.resize(n, T(x));
          m.resize(n, x);
        } else {
          expect_bad_alloc([&] { v.resize(n); });
        }
        break;
      }
      case 8:
        if (len <= N - size) {
          v.append(src, src + len);
          m.insert(m.end(), src, src + len);
        } else {
          expect_bad_alloc([&] { v.append(src, src + len); });
        }
        break;
      case 9: {
        const std::size_t fit = len < N - size ? len : N - size;
        VEC_FUZZ_REQUIRE(v.try_append(src, src + len) == src + fit);
        m.insert(m.end(), src, src + fit);
        break;
      }
      case 10:
        if (len <= N) {
          v.assign(src, src + len);
          m.assign(src, src + len);
        }
        break;
      case 11:
        v.swap(other);
        m.swap(mo);
        break;
      case 12:
        if (x % 2) {
          other = v;
          mo = m;
        } else {
          v = other;
          m = mo;
        }
        break;
      case 13: {
        const std::size_t removed = heapless::erase_if(v, [x](const T& e) { return value_of(e) % 3 == x % 3; });
        std::size_t model_removed = 0;
        for (std::size_t i = 0; i != m.size();) {
          if (m[i] % 3 == x % 3) {
            m.erase(at(i));
            ++model_removed;
          } else {
            ++i;
          }
        }
        VEC_FUZZ_REQUIRE(removed == model_removed);
        break;
      }
      case 14:
        VEC_FUZZ_REQUIRE((v == other) == (m == mo));
        VEC_FUZZ_REQUIRE((v < other) == (m < mo));
        break;
      default:
        if (size < N) {
          v.emplace(v.begin() + pos, x);
          m.insert(at(pos), x);
        }
        break;
    }
    check_same(v, m);
    check_same(other, mo);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  reader in{data + 1, size - 1};
  if (data[0] % 2) run<int, 16>(in);
  else run<Box, 8>(in);
  VEC_FUZZ_REQUIRE(Box::live() == 0);
  return 0;
}
