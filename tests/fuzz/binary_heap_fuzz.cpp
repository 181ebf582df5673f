// binary_heap_fuzz.cpp - libFuzzer differential test: every input byte is one
// operation on BinaryHeap and on a std::multiset model (the top must be the
// model's largest, the sizes equal, the heap property hold after every
// step); any disagreement traps. Two heaps run the same script: int, and
// std::string (long enough to live on the heap, so ASan sees any leak,
// double destruction or use of a dead slot).
#include <heapless/binary_heap.hpp>

#include <cstddef>
#include <cstdint>
#include <set>
#include <string>

namespace {

void require(bool ok) {
  if (!ok) __builtin_trap();
}

template <class T>
T make(std::uint32_t v) {
  if constexpr (std::is_same_v<T, std::string>) {
    std::string s = std::to_string(v % 100);
    return std::string(24 - s.size(), '0') + s;  // same order as v % 100
  } else {
    return static_cast<T>(v % 100);
  }
}

template <class T, std::size_t N>
void run(const std::uint8_t* data, std::size_t size) {
  heapless::BinaryHeap<T, N> h;
  std::multiset<T> model;
  for (std::size_t pos = 0; pos < size; ++pos) {
    const std::uint8_t byte = data[pos];
    const T value = make<T>(byte >> 3);
    switch (byte & 7) {
      case 0:
      case 1:
        if (h.try_push(value)) model.insert(value);
        else require(model.size() == N);
        break;
      case 2:
        if (!h.empty()) {
          require(h.top() == *model.rbegin());
          h.pop();
          model.erase(std::prev(model.end()));
        }
        break;
      case 3: {
        auto t = h.try_pop();
        require(t.has_value() == !model.empty());
        if (t) {
          require(*t == *model.rbegin());
          model.erase(std::prev(model.end()));
        }
        break;
      }
      case 4:
        if (!h.empty()) {
          const T old = h.replace_top(value);
          require(old == *model.rbegin());
          model.erase(std::prev(model.end()));
          model.insert(value);
        }
        break;
      case 5:
        if (!h.empty()) {
          model.erase(std::prev(model.end()));
          model.insert(value);
          *h.top_mut() = value;
        }
        break;
      case 6: {
        heapless::BinaryHeap<T, N> copy(h.begin(), h.end());
        const heapless::Vec<T, N> sorted = std::move(copy).into_sorted();
        require(sorted.size() == model.size());
        std::size_t i = 0;
        for (const T& x : model) require(sorted[i++] == x);
        break;
      }
      default:
        if (byte == 0xFF) {
          h.clear();
          model.clear();
        }
        break;
    }
    require(h.size() == model.size());
    const T* d = h.data();
    for (std::size_t i = 1; i < h.size(); ++i) require(!(d[(i - 1) / 2] < d[i]));
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  run<int, 16>(data, size);
  run<std::string, 7>(data, size);
  return 0;
}
