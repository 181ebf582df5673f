// linear_map_bench.cpp - LinearMap lookups side by side with what a user
// would pick instead, in one binary:
//
//   array_scan     std::array<std::pair<K, V>, N> + a length, plain loop: the
//                  hand-written baseline (array of structures)
//   std_map        std::map<K, V>
//   unordered_map  std::unordered_map<K, V>
//   flat_map       boost::container::flat_map<K, V> (when Boost is found)
//   LinearMap      heapless::LinearMap<K, V, N>
//   soa_loop       LinearMap's keys searched with the portable loop (what a
//                  target without SIMD runs): shows what the SSE2 scan adds
//
// Keys: `int`, and short strings (1..15 characters; heapless::String<15> for
// LinearMap and std::string for the others, each looked up with its own key
// type). N = 8, 16, 64 entries (the map is full). Each iteration looks up
// kQueries keys drawn at random, either all present (hit) or all absent
// (miss). Compare times within one key/N/hit group: see docs/linear_map.md.
//
//   ./linear_map_bench --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
#include <benchmark/benchmark.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include <heapless/linear_map.hpp>

#include "support/alloc_trap.hpp"

#if __has_include(<heapless/string.hpp>)
#include <heapless/string.hpp>
#define HEAPLESS_BENCH_HAS_STRING 1
#else
#define HEAPLESS_BENCH_HAS_STRING 0
#endif

#if HEAPLESS_BENCH_HAS_BOOST
#include <boost/container/flat_map.hpp>
#endif

namespace {

constexpr std::size_t kQueries = 256;

// Deterministic generator (xorshift64*), so every run sees the same keys.
struct rng {
  std::uint64_t s;
  std::uint64_t next() {
    s ^= s >> 12;
    s ^= s << 25;
    s ^= s >> 27;
    return s * 0x2545F4914F6CDD1Dull;
  }
  std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }
};

// ---- Key sets ----------------------------------------------------------------
// `keys` are in the map; `queries` are kQueries keys to look up: drawn from
// `keys` (hit) or distinct from all of them (miss).
struct int_keys {
  static constexpr const char* name = "int";
  using std_key = int;
  using heapless_key = int;
  static int make(rng& r) { return static_cast<int>(r.next() >> 33); }
  static int to_heapless(int k) { return k; }
};

#if HEAPLESS_BENCH_HAS_STRING
struct string_keys {
  static constexpr const char* name = "string";
  using std_key = std::string;
  using heapless_key = heapless::String<15>;
  static std::string make(rng& r) {
    static constexpr char alphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789_.";
    std::string s(1 + r.below(15), ' ');
    for (char& c : s) c = alphabet[r.below(sizeof(alphabet) - 1)];
    return s;
  }
  static heapless_key to_heapless(const std::string& k) { return heapless_key(std::string_view(k)); }
};
#endif

template <class Keys>
struct workload {
  std::vector<typename Keys::std_key> keys;
  std::vector<typename Keys::std_key> queries;
};

template <class Keys>
workload<Keys> make_workload(std::size_t n, bool hit) {
  rng r{0x9E3779B97F4A7C15ull ^ (n * 7919u) ^ (hit ? 1u : 0u)};
  workload<Keys> w;
  auto absent = [&](const typename Keys::std_key& k) {
    for (const auto& e : w.keys)
      if (e == k) return false;
    return true;
  };
  while (w.keys.size() < n) {
    auto k = Keys::make(r);
    if (absent(k)) w.keys.push_back(k);
  }
  while (w.queries.size() < kQueries) {
    if (hit) {
      w.queries.push_back(w.keys[r.below(n)]);
    } else {
      auto k = Keys::make(r);
      if (absent(k)) w.queries.push_back(k);
    }
  }
  return w;
}

// ---- Peers -------------------------------------------------------------------
// Each peer: built from a workload; find(q) returns a pointer to the value
// or nullptr.
template <class K, std::size_t N>
struct array_scan {
  static constexpr const char* name = "array_scan";
  std::array<std::pair<K, int>, N> a{};
  std::size_t n = 0;
  template <class Keys>
  explicit array_scan(const workload<Keys>& w) {
    int v = 0;
    for (const auto& k : w.keys) a[n++] = {k, v++};
  }
  const int* find(const K& q) const {
    for (std::size_t i = 0; i < n; ++i)
      if (a[i].first == q) return &a[i].second;
    return nullptr;
  }
};

template <class K, std::size_t N>
struct std_map {
  static constexpr const char* name = "std_map";
  std::map<K, int> m;
  template <class Keys>
  explicit std_map(const workload<Keys>& w) {
    int v = 0;
    for (const auto& k : w.keys) m.emplace(k, v++);
  }
  const int* find(const K& q) const {
    auto it = m.find(q);
    return it == m.end() ? nullptr : &it->second;
  }
};

template <class K, std::size_t N>
struct unordered_map {
  static constexpr const char* name = "unordered_map";
  std::unordered_map<K, int> m;
  template <class Keys>
  explicit unordered_map(const workload<Keys>& w) {
    int v = 0;
    for (const auto& k : w.keys) m.emplace(k, v++);
  }
  const int* find(const K& q) const {
    auto it = m.find(q);
    return it == m.end() ? nullptr : &it->second;
  }
};

#if HEAPLESS_BENCH_HAS_BOOST
template <class K, std::size_t N>
struct flat_map {
  static constexpr const char* name = "flat_map";
  boost::container::flat_map<K, int> m;
  template <class Keys>
  explicit flat_map(const workload<Keys>& w) {
    int v = 0;
    for (const auto& k : w.keys) m.emplace(k, v++);
  }
  const int* find(const K& q) const {
    auto it = m.find(q);
    return it == m.end() ? nullptr : &it->second;
  }
};
#endif

template <class K, std::size_t N>
struct linear_map {
  static constexpr const char* name = "LinearMap";
  heapless::LinearMap<K, int, N> m;
  template <class Keys>
  explicit linear_map(const workload<Keys>& w) {
    int v = 0;
    for (const auto& k : w.keys) m.emplace(Keys::to_heapless(k), v++);
  }
  const int* find(const K& q) const {
    auto it = m.find(q);
    return it == m.end() ? nullptr : &it->second;
  }
};

// LinearMap's storage, searched with the portable loop the non-SIMD targets run.
template <class K, std::size_t N>
struct soa_loop : linear_map<K, N> {
  static constexpr const char* name = "soa_loop";
  using linear_map<K, N>::linear_map;
  const int* find(const K& q) const {
    const auto keys = this->m.keys();
    const std::size_t i = heapless::detail::linear_find_portable(keys.data(), keys.size(), q);
    return i == keys.size() ? nullptr : &this->m.values()[i];
  }
};

// ---- The measurement -------------------------------------------------------------
template <class Peer, class K>
long run_queries(const Peer& peer, const std::vector<K>& queries) {
  long found = 0;
  for (const K& q : queries) {
    const int* v = peer.find(q);
    benchmark::DoNotOptimize(v);
    found += v != nullptr;
  }
  return found;
}

// Instruction counts: each benchmark also runs exactly kCountedPasses passes
// once per process through this out-of-line function, so that
//   valgrind --tool=callgrind ./linear_map_bench --benchmark_min_time=0.001
// gives, per peer, key kind, N and hit/miss, a repeatable count:
//   Ir per lookup = inclusive Ir of counted_lookups<...> / (kCountedPasses * kQueries).
constexpr int kCountedPasses = 40;
template <class Peer, class K, bool Hit>
__attribute__((noinline)) long counted_lookups(const Peer& peer, const std::vector<K>& queries) {
  long found = 0;
  for (int i = 0; i < kCountedPasses; ++i) found += run_queries(peer, queries);
  return found;
}

template <class Keys, template <class, std::size_t> class Peer, std::size_t N, bool Heapless>
void lookup(benchmark::State& state, bool hit) {
  using K = std::conditional_t<Heapless, typename Keys::heapless_key, typename Keys::std_key>;
  const workload<Keys> w = make_workload<Keys>(N, hit);
  const Peer<K, N> peer(w);
  std::vector<K> queries;
  for (const auto& q : w.queries) {
    if constexpr (Heapless) queries.push_back(Keys::to_heapless(q));
    else queries.push_back(q);
  }
  // LinearMap must not allocate while it is being timed: the trap proves it.
  const long violations_before = heapless::test::violation_count();
  if (Heapless) heapless::test::arm_trap();
  static bool counted[2] = {false, false};
  if (!counted[hit]) {
    counted[hit] = true;
    benchmark::DoNotOptimize(hit ? counted_lookups<Peer<K, N>, K, true>(peer, queries)
                                 : counted_lookups<Peer<K, N>, K, false>(peer, queries));
  }
  long found = 0;
  for (auto _ : state) found += run_queries(peer, queries);
  if (Heapless) heapless::test::disarm_trap();
  if (heapless::test::violation_count() != violations_before) state.SkipWithError("allocated while timed");
  const long total = static_cast<long>(state.iterations()) * static_cast<long>(kQueries);
  const long expected = hit ? total : 0;
  if (found != expected) state.SkipWithError("wrong lookup results");
  state.SetItemsProcessed(total);
}

template <class Keys, template <class, std::size_t> class Peer, std::size_t N, bool Heapless>
void add(bool hit) {
  const std::string name = std::string(Keys::name) + (hit ? "/hit" : "/miss") + "/N=" + std::to_string(N) + "/" +
                           Peer<typename Keys::std_key, N>::name;
  benchmark::RegisterBenchmark(name.c_str(), [hit](benchmark::State& s) { lookup<Keys, Peer, N, Heapless>(s, hit); });
}

template <class Keys, std::size_t N>
void add_group() {
  for (bool hit : {true, false}) {
    add<Keys, array_scan, N, false>(hit);
    add<Keys, std_map, N, false>(hit);
    add<Keys, unordered_map, N, false>(hit);
#if HEAPLESS_BENCH_HAS_BOOST
    add<Keys, flat_map, N, false>(hit);
#endif
    add<Keys, linear_map, N, true>(hit);
    add<Keys, soa_loop, N, true>(hit);
  }
}

template <class Keys>
void add_key_kind() {
  add_group<Keys, 8>();
  add_group<Keys, 16>();
  add_group<Keys, 64>();
}

const int registered = [] {
  add_key_kind<int_keys>();
#if HEAPLESS_BENCH_HAS_STRING
  add_key_kind<string_keys>();
#endif
  return 0;
}();

}  // namespace
