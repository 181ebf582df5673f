// spsc_fuzz.cpp - libFuzzer differential test: every input byte is one
// operation on spsc::Queue and on a std::deque model; any disagreement traps.
// Three queues run the same script: a power-of-two capacity (free-running
// indices), a non-power-of-two one (indices in [0, 2N)), and a non-trivial
// element type (std::string, so ASan sees any leak, double destruction or
// use of a dead slot).
#include <heapless/spsc.hpp>

#include <cstddef>
#include <cstdint>
#include <deque>
#include <string>

namespace {

void require(bool ok) {
  if (!ok) __builtin_trap();
}

template <class T>
T make(std::uint32_t v) {
  if constexpr (std::is_same_v<T, std::string>) {
    // Long enough to live on the heap: ASan then tracks every element.
    return std::string(24, 'x') + std::to_string(v);
  } else {
    return static_cast<T>(v);
  }
}

template <class T, std::size_t N>
void run(const std::uint8_t* data, std::size_t size) {
  heapless::spsc::Queue<T, N> q;
  std::deque<T> model;
  std::uint32_t next = 0;
  T buf[16];
  for (std::size_t pos = 0; pos < size; ++pos) {
    const std::uint8_t byte = data[pos];
    const std::size_t arg = byte >> 4;  // 0..15: batch size for bulk operations
    switch (byte & 0xF) {
      case 0:
      case 1: {  // try_push copy
        const T v = make<T>(next++);
        const bool ok = q.try_push(v);
        require(ok == (model.size() < N));
        if (ok) model.push_back(v);
        break;
      }
      case 2: {  // try_push move: the argument survives a failure
        T v = make<T>(next++);
        const T copy = v;
        const bool ok = q.try_push(std::move(v));
        require(ok == (model.size() < N));
        if (ok) model.push_back(copy);
        else require(v == copy);
        break;
      }
      case 3: {  // try_emplace
        const bool ok = q.try_emplace(make<T>(next));
        require(ok == (model.size() < N));
        if (ok) model.push_back(make<T>(next));
        ++next;
        break;
      }
      case 4:
      case 5: {  // try_pop()
        auto v = q.try_pop();
        require(v.has_value() == !model.empty());
        if (v) {
          require(*v == model.front());
          model.pop_front();
        }
        break;
      }
      case 6: {  // try_pop(T&)
        T out = make<T>(0xFFFFFFFFu);
        const bool ok = q.try_pop(out);
        require(ok == !model.empty());
        if (ok) {
          require(out == model.front());
          model.pop_front();
        }
        break;
      }
      case 7: {  // front + pop
        T* f = q.front();
        require((f != nullptr) == !model.empty());
        if (f) {
          require(*f == model.front());
          q.pop();
          model.pop_front();
        }
        break;
      }
      case 8:
      case 9: {  // bulk push (pointer + count, or iterator pair)
        for (std::size_t i = 0; i < arg; ++i) buf[i] = make<T>(next + static_cast<std::uint32_t>(i));
        const std::size_t room = N - model.size();
        const std::size_t n = (byte & 1) ? q.push(buf, buf + arg) : q.push(buf, arg);
        require(n == (arg < room ? arg : room));
        for (std::size_t i = 0; i < n; ++i) model.push_back(buf[i]);
        next += static_cast<std::uint32_t>(arg);
        break;
      }
      case 10:
      case 11: {  // bulk pop
        const std::size_t n = q.pop(buf, arg);
        require(n == (arg < model.size() ? arg : model.size()));
        for (std::size_t i = 0; i < n; ++i) {
          require(buf[i] == model.front());
          model.pop_front();
        }
        break;
      }
      case 12: {  // through the handles
        auto [tx, rx] = q.split();
        const bool ok = tx.try_emplace(make<T>(next));
        require(ok == (model.size() < N));
        if (ok) model.push_back(make<T>(next));
        ++next;
        auto v = rx.try_pop();
        require(v.has_value() == !model.empty());
        if (v) {
          require(*v == model.front());
          model.pop_front();
        }
        break;
      }
      default:  // observers
        require(q.size() == model.size());
        require(q.empty() == model.empty());
        require(q.full() == (model.size() == N));
        break;
    }
    require(q.size() == model.size());
    if (!model.empty()) require(q.front() != nullptr && *q.front() == model.front());
  }
  // The queue's destructor destroys what is left (ASan checks the strings).
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  run<std::uint16_t, 8>(data, size);
  run<std::uint32_t, 5>(data, size);
  run<std::string, 3>(data, size);
  run<std::uint8_t, 1>(data, size);
  return 0;
}
