// mpmc_fuzz.cpp - libFuzzer differential test: every input byte is one
// operation on mpmc::Queue (single thread) and on a std::deque model; any
// disagreement traps. The same script runs on a power-of-two capacity (plain
// counters), a non-power-of-two one (stamps that skip to the next lap), N = 1,
// a critical_section queue with one-byte sequence words that wrap every few
// laps, and a non-trivial element type (std::string, so ASan sees any leak,
// double destruction or use of a dead slot). Also spsc::Queue's peek() and
// drain() against the same kind of model.
#include <heapless/mpmc.hpp>
#include <heapless/spsc.hpp>

#include <cstddef>
#include <cstdint>
#include <deque>
#include <string>

namespace {

void require(bool ok) {
  if (!ok) __builtin_trap();
}

struct no_lock {
  static void lock() noexcept {}
  static void unlock() noexcept {}
};

template <class T>
T make(std::uint32_t v) {
  if constexpr (std::is_same_v<T, std::string>) {
    return std::string(24, 'x') + std::to_string(v);  // heap-allocated: ASan tracks it
  } else {
    return static_cast<T>(v);
  }
}

template <class T, std::size_t N, class Policy>
void run(const std::uint8_t* data, std::size_t size) {
  heapless::mpmc::Queue<T, N, Policy> q;
  std::deque<T> model;
  std::uint32_t next = 0;
  for (std::size_t pos = 0; pos < size; ++pos) {
    switch (data[pos] % 6) {
      case 0: {  // try_push copy
        const T v = make<T>(next++);
        const bool ok = q.try_push(v);
        require(ok == (model.size() < N));
        if (ok) model.push_back(v);
        break;
      }
      case 1: {  // try_push move: the argument survives a failure
        T v = make<T>(next++);
        const T copy = v;
        const bool ok = q.try_push(std::move(v));
        require(ok == (model.size() < N));
        if (ok) model.push_back(copy);
        else require(v == copy);
        break;
      }
      case 2: {  // try_emplace
        const bool ok = q.try_emplace(make<T>(next));
        require(ok == (model.size() < N));
        if (ok) model.push_back(make<T>(next));
        ++next;
        break;
      }
      case 3: {  // try_pop()
        auto v = q.try_pop();
        require(static_cast<bool>(v) == !model.empty());
        if (v) {
          require(*v == model.front());
          model.pop_front();
        }
        break;
      }
      default: {  // try_pop(T&)
        T out = make<T>(0xFFFFFFFFu);
        const bool ok = q.try_pop(out);
        require(ok == !model.empty());
        if (ok) {
          require(out == model.front());
          model.pop_front();
        } else {
          require(out == make<T>(0xFFFFFFFFu));
        }
        break;
      }
    }
    require(q.size() == model.size());
    require(q.empty() == model.empty());
    require(q.full() == (model.size() == N));
  }
}  // q is destroyed holding whatever is left

template <std::size_t N>
void run_spsc(const std::uint8_t* data, std::size_t size) {
  heapless::spsc::Queue<std::string, N> q;
  std::deque<std::string> model;
  std::uint32_t next = 0;
  for (std::size_t pos = 0; pos < size; ++pos) {
    switch (data[pos] % 4) {
      case 0:
      case 1: {
        const bool ok = q.try_push(make<std::string>(next++));
        require(ok == (model.size() < N));
        if (ok) model.push_back(make<std::string>(next - 1));
        break;
      }
      case 2: {  // peek: the same elements in the same order, nothing removed
        std::size_t i = 0;
        auto view = q.peek();
        require(view.size() == model.size());
        for (const std::string& s : view) require(s == model[i++]);
        require(i == model.size());
        break;
      }
      default: {  // drain
        std::size_t i = 0;
        const std::size_t n = q.drain([&](std::string&& s) { require(s == model[i++]); });
        require(n == model.size() && i == n);
        model.clear();
        break;
      }
    }
    require(q.size() == model.size());
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace pp = heapless::pool_policy;
  run<std::uint32_t, 8, pp::lock_free>(data, size);
  run<std::uint32_t, 5, pp::lock_free>(data, size);
  run<std::uint32_t, 1, pp::lock_free>(data, size);
  run<std::uint32_t, 3, pp::critical_section<no_lock>>(data, size);  // one-byte words: wrap every 64 laps
  run<std::string, 3, pp::single_thread>(data, size);
  run<std::string, 4, pp::lock_free>(data, size);
  run_spsc<3>(data, size);
  run_spsc<4>(data, size);
  return 0;
}
