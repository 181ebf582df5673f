// index_map_bench.cpp - IndexMap side by side with what a user would pick
// instead, in one binary:
//
//   unordered_map  std::unordered_map<K, V> (reserve(N) first)
//   LinearMap      heapless::LinearMap<K, V, N>
//   IndexMap       heapless::IndexMap<K, V, N>
//   pair_array     a plain array of std::pair<K, V> + count: the baseline for
//                  iteration
//
// Lookups: keys `int` (random 31-bit values) and 12-character strings
// (heapless::String<15> for the heapless maps, std::string otherwise, each
// looked up with its own key type); capacity N = 64, 256, 1024 filled to 50 %
// and 90 %; each iteration looks up kQueries keys, all present (hit) or all
// absent (miss). Churn: insert until full, erase half, refill (int keys,
// N = 1024). Iteration: sum of all values of a full map (N = 1024).
//
//   ./index_map_bench --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
//
// Instruction counts: each lookup benchmark also runs kCountedPasses passes
// over its queries once through counted_lookups<...> (see docs/index_map.md).
#include <benchmark/benchmark.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <type_traits>
#include <unordered_map>
#include <utility>
#include <vector>

#include <heapless/index_map.hpp>
#include <heapless/linear_map.hpp>
#include <heapless/string.hpp>

#include "support/alloc_trap.hpp"

namespace {

constexpr std::size_t kQueries = 256;

struct rng {
  std::uint64_t s;
  std::uint64_t next() {
    s ^= s >> 12;
    s ^= s << 25;
    s ^= s >> 27;
    return s * 0x2545F4914F6CDD1Dull;
  }
};

struct int_keys {
  static constexpr const char* name = "int";
  using std_key = int;
  using heapless_key = int;
  static int make(rng& r) { return static_cast<int>(r.next() >> 33); }
  static int to_heapless(int k) { return k; }
};
struct string_keys {
  static constexpr const char* name = "string12";
  using std_key = std::string;
  using heapless_key = heapless::String<15>;
  static std::string make(rng& r) {
    static constexpr char alphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789_.";
    std::string s(12, ' ');
    for (char& c : s) c = alphabet[r.next() % (sizeof(alphabet) - 1)];
    return s;
  }
  static heapless::String<15> to_heapless(const std::string& k) { return heapless::String<15>(std::string_view(k)); }
};

template <class Keys>
struct workload {
  std::vector<typename Keys::std_key> keys;     // in the map
  std::vector<typename Keys::std_key> queries;  // kQueries to look up
};

template <class Keys>
workload<Keys> make_workload(std::size_t n, bool hit) {
  rng r{0x1234567 + n};
  workload<Keys> w;
  std::unordered_map<typename Keys::std_key, int> seen;
  while (w.keys.size() < n) {
    auto k = Keys::make(r);
    if (seen.emplace(k, 0).second) w.keys.push_back(k);
  }
  while (w.queries.size() < kQueries) {
    if (hit) {
      w.queries.push_back(w.keys[r.next() % n]);
    } else {
      auto k = Keys::make(r);
      if (seen.count(k) == 0) w.queries.push_back(k);
    }
  }
  return w;
}

template <class K, std::size_t N>
struct std_unordered {
  static constexpr const char* name = "unordered_map";
  std::unordered_map<K, int> m;
  template <class W>
  explicit std_unordered(const W& w) {
    m.reserve(N);
    for (std::size_t i = 0; i < w.keys.size(); ++i) m.emplace(w.keys[i], static_cast<int>(i));
  }
  bool has(const K& k) const { return m.find(k) != m.end(); }
};
template <class K, std::size_t N>
struct linear {
  static constexpr const char* name = "LinearMap";
  heapless::LinearMap<K, int, N> m;
  template <class W>
  explicit linear(const W& w) {
    for (std::size_t i = 0; i < w.keys.size(); ++i) {
      if constexpr (std::is_same_v<K, int>) m.try_emplace(w.keys[i], static_cast<int>(i));
      else m.try_emplace(K(std::string_view(w.keys[i])), static_cast<int>(i));
    }
  }
  bool has(const K& k) const { return m.find(k) != m.end(); }
};
template <class K, std::size_t N>
struct indexed {
  static constexpr const char* name = "IndexMap";
  heapless::IndexMap<K, int, N> m;
  template <class W>
  explicit indexed(const W& w) {
    for (std::size_t i = 0; i < w.keys.size(); ++i) {
      if constexpr (std::is_same_v<K, int>) m.try_emplace(w.keys[i], static_cast<int>(i));
      else m.try_emplace(K(std::string_view(w.keys[i])), static_cast<int>(i));
    }
  }
  bool has(const K& k) const { return m.find(k) != m.end(); }
};

template <class Peer, class K>
long run_queries(const Peer& peer, const std::vector<K>& queries) {
  long found = 0;
  for (const K& q : queries) found += peer.has(q) ? 1 : 0;
  return found;
}

//   Ir per lookup = inclusive Ir of counted_lookups<...> / (kCountedPasses * kQueries).
constexpr int kCountedPasses = 40;
template <class Peer, class K, bool Hit, std::size_t Fill>
__attribute__((noinline)) long counted_lookups(const Peer& peer, const std::vector<K>& queries) {
  long found = 0;
  for (int i = 0; i < kCountedPasses; ++i) found += run_queries(peer, queries);
  return found;
}

template <class Keys, template <class, std::size_t> class Peer, std::size_t N, bool Heapless, std::size_t Fill>
void lookup(benchmark::State& state, bool hit) {
  using K = std::conditional_t<Heapless, typename Keys::heapless_key, typename Keys::std_key>;
  const workload<Keys> w = make_workload<Keys>(N * Fill / 100, hit);
  static const Peer<K, N>* peer_p = nullptr;  // static storage: large maps stay off the stack
  static typename std::aligned_storage<sizeof(Peer<K, N>), alignof(Peer<K, N>)>::type buf;
  peer_p = new (&buf) Peer<K, N>(w);
  const Peer<K, N>& peer = *peer_p;
  std::vector<K> queries;
  for (const auto& q : w.queries) {
    if constexpr (Heapless) queries.push_back(Keys::to_heapless(q));
    else queries.push_back(q);
  }
  const long violations_before = heapless::test::violation_count();
  if (Heapless) heapless::test::arm_trap();
  static bool counted[2] = {false, false};
  if (!counted[hit]) {
    counted[hit] = true;
    benchmark::DoNotOptimize(hit ? counted_lookups<Peer<K, N>, K, true, Fill>(peer, queries)
                                 : counted_lookups<Peer<K, N>, K, false, Fill>(peer, queries));
  }
  long found = 0;
  for (auto _ : state) found += run_queries(peer, queries);
  if (Heapless) heapless::test::disarm_trap();
  if (heapless::test::violation_count() != violations_before) state.SkipWithError("allocated while timed");
  const long total = static_cast<long>(state.iterations()) * static_cast<long>(kQueries);
  if (found != (hit ? total : 0)) state.SkipWithError("wrong lookup results");
  state.SetItemsProcessed(total);
  peer_p->~Peer<K, N>();
}

template <class Keys, template <class, std::size_t> class Peer, std::size_t N, bool Heapless, std::size_t Fill>
void add(bool hit) {
  const std::string name = std::string(Keys::name) + (hit ? "/hit" : "/miss") + "/N=" + std::to_string(N) +
                           "/fill=" + std::to_string(Fill) + "/" + Peer<typename Keys::std_key, N>::name;
  benchmark::RegisterBenchmark(name.c_str(),
                               [hit](benchmark::State& s) { lookup<Keys, Peer, N, Heapless, Fill>(s, hit); });
}

template <class Keys, std::size_t N, std::size_t Fill>
void add_group() {
  for (bool hit : {true, false}) {
    add<Keys, std_unordered, N, false, Fill>(hit);
    add<Keys, linear, N, true, Fill>(hit);
    add<Keys, indexed, N, true, Fill>(hit);
  }
}

// ---- Churn: insert until full, erase half, refill ------------------------------
constexpr std::size_t kChurnN = 1024;

std::vector<int> churn_keys() {
  rng r{99};
  std::vector<int> k;
  std::unordered_map<int, int> seen;
  while (k.size() < 2 * kChurnN) {
    const int v = static_cast<int>(r.next() >> 33);
    if (seen.emplace(v, 0).second) k.push_back(v);
  }
  return k;
}

void churn_index_map(benchmark::State& state) {
  const std::vector<int> keys = churn_keys();
  static heapless::IndexMap<int, int, kChurnN> m;
  heapless::test::arm_trap();
  const long violations_before = heapless::test::violation_count();
  for (auto _ : state) {
    m.clear();
    for (std::size_t i = 0; i < kChurnN; ++i) m.try_emplace(keys[i], static_cast<int>(i));
    for (std::size_t i = 0; i < kChurnN; i += 2) m.erase(keys[i]);
    for (std::size_t i = kChurnN; i < kChurnN + kChurnN / 2; ++i) m.try_emplace(keys[i], static_cast<int>(i));
    benchmark::DoNotOptimize(m.size());
  }
  heapless::test::disarm_trap();
  if (heapless::test::violation_count() != violations_before) state.SkipWithError("allocated while timed");
  if (!m.full()) state.SkipWithError("wrong size");
}
void churn_unordered_map(benchmark::State& state) {
  const std::vector<int> keys = churn_keys();
  for (auto _ : state) {
    std::unordered_map<int, int> m;
    m.reserve(kChurnN);
    for (std::size_t i = 0; i < kChurnN; ++i) m.try_emplace(keys[i], static_cast<int>(i));
    for (std::size_t i = 0; i < kChurnN; i += 2) m.erase(keys[i]);
    for (std::size_t i = kChurnN; i < kChurnN + kChurnN / 2; ++i) m.try_emplace(keys[i], static_cast<int>(i));
    benchmark::DoNotOptimize(m.size());
  }
}

// ---- Iteration ------------------------------------------------------------------
void iterate_index_map(benchmark::State& state) {
  static heapless::IndexMap<int, int, kChurnN> m;
  const std::vector<int> keys = churn_keys();
  m.clear();
  for (std::size_t i = 0; i < kChurnN; ++i) m.try_emplace(keys[i], static_cast<int>(i));
  for (auto _ : state) {
    long sum = 0;
    for (const auto& [k, v] : m) sum += k ^ v;
    benchmark::DoNotOptimize(sum);
  }
}
void iterate_pair_array(benchmark::State& state) {
  static std::pair<int, int> a[kChurnN];
  static std::size_t n = 0;
  const std::vector<int> keys = churn_keys();
  for (n = 0; n < kChurnN; ++n) a[n] = {keys[n], static_cast<int>(n)};
  for (auto _ : state) {
    long sum = 0;
    for (std::size_t i = 0; i < n; ++i) sum += a[i].first ^ a[i].second;
    benchmark::DoNotOptimize(sum);
  }
}
void iterate_unordered_map(benchmark::State& state) {
  std::unordered_map<int, int> m;
  const std::vector<int> keys = churn_keys();
  m.reserve(kChurnN);
  for (std::size_t i = 0; i < kChurnN; ++i) m.emplace(keys[i], static_cast<int>(i));
  for (auto _ : state) {
    long sum = 0;
    for (const auto& [k, v] : m) sum += k ^ v;
    benchmark::DoNotOptimize(sum);
  }
}

// ---- Sizes ----------------------------------------------------------------------
void sizes(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(state.iterations());
  using im = heapless::IndexMap<std::uint32_t, std::uint32_t, 64>;
  state.counters["IndexMap<u32,u32,64>"] = static_cast<double>(sizeof(im));
  state.counters["index_bytes_per_entry"] = static_cast<double>(sizeof(im) - 64 * 8) / 64.0;
  // std::unordered_map with 64 nodes (libstdc++): the object, the bucket
  // array after reserve(64) (one pointer per bucket), and 64 nodes of
  // {next, pair} (malloc adds 8 bytes of header per chunk, rounded to 16).
  std::unordered_map<std::uint32_t, std::uint32_t> u;
  u.reserve(64);
  const double node = static_cast<double>(((sizeof(void*) + 8 + 8) + 15) / 16 * 16);
  state.counters["unordered_map_64_bytes"] =
      static_cast<double>(sizeof(u)) + static_cast<double>(u.bucket_count() * sizeof(void*)) + 64 * node;
}

const bool registered = [] {
  add_group<int_keys, 64, 50>();
  add_group<int_keys, 64, 90>();
  add_group<int_keys, 256, 50>();
  add_group<int_keys, 256, 90>();
  add_group<int_keys, 1024, 50>();
  add_group<int_keys, 1024, 90>();
  add_group<string_keys, 64, 50>();
  add_group<string_keys, 64, 90>();
  add_group<string_keys, 256, 50>();
  add_group<string_keys, 256, 90>();
  add_group<string_keys, 1024, 50>();
  add_group<string_keys, 1024, 90>();
  benchmark::RegisterBenchmark("churn/N=1024/unordered_map", churn_unordered_map);
  benchmark::RegisterBenchmark("churn/N=1024/IndexMap", churn_index_map);
  benchmark::RegisterBenchmark("iterate/N=1024/pair_array", iterate_pair_array);
  benchmark::RegisterBenchmark("iterate/N=1024/IndexMap", iterate_index_map);
  benchmark::RegisterBenchmark("iterate/N=1024/unordered_map", iterate_unordered_map);
  benchmark::RegisterBenchmark("sizes", sizes)->Iterations(1);
  return true;
}();

}  // namespace
