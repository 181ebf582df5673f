// history_buffer_fuzz.cpp - libFuzzer differential target: the input bytes
// are values written to heapless::HistoryBuffer<int, 8> (masking) and
// heapless::HistoryBuffer<int, 5> (compare-and-subtract), one at a time,
// extended in runs, or cleared; after each step both must hold the last N
// values written, in order, in every view (operator[], newest, iterators,
// as_spans, storage as a multiset); any divergence traps.
//   build: clang++ -std=c++17 -fsanitize=fuzzer,address,undefined -Iinclude tests/fuzz/history_buffer_fuzz.cpp
//   run:   ./history_buffer_fuzz -runs=100000 -seed=1
#include <cstddef>  // std::size_t
#include <cstdint>  // std::uint8_t
#include <vector>   // the model: every value written

#include <heapless/history_buffer.hpp>

namespace {

#define HB_FUZZ_REQUIRE(cond)      \
  do {                             \
    if (!(cond)) __builtin_trap(); \
  } while (0)

template <std::size_t N>
void check(const heapless::HistoryBuffer<int, N>& h, const std::vector<int>& all, std::size_t from) {
  const std::size_t n = all.size() - from < N ? all.size() - from : N;
  const std::size_t first = all.size() - n;
  HB_FUZZ_REQUIRE(h.size() == n);
  HB_FUZZ_REQUIRE(h.full() == (n == N));
  for (std::size_t k = 0; k != n; ++k) {
    HB_FUZZ_REQUIRE(h[k] == all[first + k]);
    HB_FUZZ_REQUIRE(h.newest(k) == all[all.size() - 1 - k]);
  }
  std::size_t k = first;
  for (int x : h) HB_FUZZ_REQUIRE(x == all[k++]);
  const auto spans = h.as_spans();
  k = first;
  for (int x : spans.first) HB_FUZZ_REQUIRE(x == all[k++]);
  for (int x : spans.second) HB_FUZZ_REQUIRE(x == all[k++]);
  HB_FUZZ_REQUIRE(k == all.size());
  long sum = 0;
  long expect = 0;
  for (int x : h.storage()) sum += x;
  for (std::size_t j = first; j != all.size(); ++j) expect += all[j];
  HB_FUZZ_REQUIRE(sum == expect);
  if (n == 0) HB_FUZZ_REQUIRE(h.recent() == nullptr);
  else HB_FUZZ_REQUIRE(*h.recent() == all.back() && *h.oldest() == all[first]);
}

template <std::size_t N>
void drive(const std::uint8_t* data, std::size_t size) {
  heapless::HistoryBuffer<int, N> h;
  std::vector<int> all;
  std::size_t from = 0;  // values written before the last clear() do not count
  for (std::size_t p = 0; p < size; ++p) {
    const std::uint8_t b = data[p];
    if (b == 0xFF) {
      h.clear();
      from = all.size();
    } else if (b >= 0xF0 && p + 1 < size) {
      const std::size_t n = (b & 15u) + 1;  // a run of the next n bytes
      const std::size_t end = p + 1 + n < size ? p + 1 + n : size;
      std::vector<int> run(data + p + 1, data + end);
      h.extend(run.begin(), run.end());
      all.insert(all.end(), run.begin(), run.end());
      p = end - 1;
    } else if (b & 1u) {
      h.emplace(b);
      all.push_back(b);
    } else {
      h.push(b);
      all.push_back(b);
    }
    check(h, all, from);
    const heapless::HistoryBuffer<int, N> copy(h);
    HB_FUZZ_REQUIRE(copy == h);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  drive<8>(data, size);
  drive<5>(data, size);
  return 0;
}
