// sorted_linked_list_fuzz.cpp - libFuzzer differential test: every input
// byte is one operation on SortedLinkedList and on a std::multiset model of
// (key, tag) pairs ordered by key (insertion at the upper bound of equal
// keys, as push does); after every step the whole sequence must be equal;
// any disagreement traps. Two lists run the same script: trivially copyable
// elements, and elements holding a heap-allocated std::string (ASan sees any
// leak, double destruction or use of a freed slot).
#include <heapless/sorted_linked_list.hpp>

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <set>
#include <string>

namespace {

void require(bool ok) {
  if (!ok) __builtin_trap();
}

struct small {
  int key;
  int tag;
  friend bool operator<(const small& a, const small& b) noexcept { return a.key < b.key; }
};
struct big {
  int key;
  std::string tag;
  friend bool operator<(const big& a, const big& b) noexcept { return a.key < b.key; }
};

template <class T>
T make(int key, int tag) {
  if constexpr (std::is_same_v<T, big>) return T{key, std::string(24, 't') + std::to_string(tag)};
  else return T{key, tag};
}

template <class T, std::size_t N>
void run(const std::uint8_t* data, std::size_t size) {
  heapless::SortedLinkedList<T, N> l;
  std::multiset<T> model;
  int tag = 0;
  for (std::size_t pos = 0; pos < size; ++pos) {
    const std::uint8_t byte = data[pos];
    const int key = byte >> 3;
    switch (byte & 7) {
      case 0:
      case 1: {
        T v = make<T>(key, tag++);
        if (l.try_push(v)) model.insert(v);
        else require(model.size() == N);
        break;
      }
      case 2:
        if (!l.empty()) {
          l.pop();
          model.erase(model.begin());
        }
        break;
      case 3: {
        const auto prev = l.find_before_if([&](const T& x) { return x.key >= key; });
        if (prev != l.end()) {
          l.erase_after(prev);
          model.erase(model.lower_bound(make<T>(key, 0)));
        } else {
          require(model.lower_bound(make<T>(key, 0)) == model.end());
        }
        break;
      }
      case 4: {
        const auto it = l.find(make<T>(key, 0));
        const auto m = model.find(make<T>(key, 0));
        require((it == l.end()) == (m == model.end()));
        if (it != l.end()) {
          require(it->tag == m->tag);
          l.erase(it);
          model.erase(m);
        }
        break;
      }
      case 5: {
        // Change the first element's key: moved as erase + insert would
        // unless it is still in order before its successor.
        auto h = l.find_mut([](const T&) { return true; });
        if (h) {
          const int new_key = (key * 7) % 32;
          T changed = *model.begin();
          changed.key = new_key;
          const auto after = std::next(model.begin());
          model.erase(model.begin());
          if (after == model.end() || !(*after < changed)) model.insert(after, changed);
          else model.insert(changed);
          h->key = new_key;
        }
        break;
      }
      case 6: {
        heapless::SortedLinkedList<T, N> copy = l;
        l = std::move(copy);
        break;
      }
      default:
        if (byte == 0xFF) {
          l.clear();
          model.clear();
        } else {
          const std::size_t n = l.remove_if([&](const T& x) { return x.key == key; });
          require(n == model.erase(make<T>(key, 0)));
        }
        break;
    }
    require(l.size() == model.size());
    auto m = model.begin();
    for (const T& x : l) {
      require(m != model.end() && m->key == x.key && m->tag == x.tag);
      ++m;
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  run<small, 12>(data, size);
  run<small, 40>(data, size);  // with search fingers
  run<big, 5>(data, size);
  return 0;
}
