// map_ref_bench.cpp - what a map view costs against its owner: the same
// kernels run on a LinearMap / IndexMap / IndexSet directly and through
// LinearMapRef / IndexMapRef / IndexSetRef. Each kernel is out of line; instructions per operation:
//   sh bench/callgrind.sh build/bench/bench/map_ref_bench . 'map_ref_kernel' <ops per call>
// with 256 operations per call (docs/benchmarks.md, "Views").
#include <benchmark/benchmark.h>

#include <cstddef>
#include <cstdint>
#include <type_traits>

#include <heapless/index_map.hpp>
#include <heapless/index_set.hpp>
#include <heapless/linear_map.hpp>

namespace {

constexpr int kOps = 256;

// The keys of a map of n entries: scattered, as ids are.
constexpr std::uint32_t key_of(int i) noexcept { return static_cast<std::uint32_t>(i) * 7919u + 13u; }

// Hits: kOps lookups of present keys. M is the owner or its view.
// N: the owner's capacity, so that a view's kernel is one per owner (the
// instruction counts are per map, as for the owner's kernels).
template <class M, std::size_t N>
[[gnu::noinline]] long map_ref_kernel_find(M m, int n) {
  long found = 0;
  for (int i = 0; i < kOps; ++i) {
    const auto k = static_cast<typename std::decay_t<M>::key_type>(key_of(i % n));
    const auto it = m.find(k);
    benchmark::DoNotOptimize(it);
    found += it != m.end();
  }
  return found;
}

// kOps / 2 cycles of an insertion of a new key and its erasure.
template <class M, std::size_t N>
[[gnu::noinline]] long map_ref_kernel_insert_erase(M m, int n) {
  long done = 0;
  for (int i = 0; i < kOps / 2; ++i) {
    const auto k = static_cast<typename std::decay_t<M>::key_type>(key_of(n + i));
    done += m.try_emplace(k, i).second;
    done += static_cast<long>(m.erase(k));
  }
  return done;
}

// A set's kernels: kOps lookups, then kOps / 2 insertions of a new key
// (try_insert) and their erasures.
template <class S, std::size_t N>
[[gnu::noinline]] long map_ref_kernel_set(S s, int n) {
  long done = 0;
  for (int i = 0; i < kOps; ++i) done += s.contains(key_of(i % n));
  for (int i = 0; i < kOps / 2; ++i) {
    const std::uint32_t k = key_of(n + i);
    done += s.try_insert(k).has_value();
    done += static_cast<long>(s.erase(k));
  }
  return done;
}

template <class Owner, class Ref, bool ThroughView>
void run_set(benchmark::State& state, int n) {
  static Owner owner;
  owner.clear();
  for (int i = 0; i < n; ++i) owner.insert(key_of(i));
  using S = std::conditional_t<ThroughView, Ref, Owner&>;
  long sum = 0;
  for (auto _ : state) sum += map_ref_kernel_set<S, Owner::capacity()>(owner, n);
  benchmark::DoNotOptimize(sum);
}

template <class Owner, class Ref, bool ThroughView>
void run(benchmark::State& state, int n) {
  static Owner owner;
  owner.clear();
  for (int i = 0; i < n; ++i) owner.try_emplace(static_cast<typename Owner::key_type>(key_of(i)), i);
  using M = std::conditional_t<ThroughView, Ref, Owner&>;
  long sum = 0;
  for (auto _ : state) {
    sum += map_ref_kernel_find<M, Owner::capacity()>(owner, n);
    sum += map_ref_kernel_insert_erase<M, Owner::capacity()>(owner, n);
  }
  benchmark::DoNotOptimize(sum);
}

using lmap8 = heapless::LinearMap<std::uint32_t, int, 8>;
using lmap64 = heapless::LinearMap<std::uint32_t, int, 64>;
using imap64 = heapless::IndexMap<std::uint32_t, int, 64>;
using lref = heapless::LinearMapRef<std::uint32_t, int>;
using iref = heapless::IndexMapRef<std::uint32_t, int>;
using iset64 = heapless::IndexSet<std::uint32_t, 64>;
using sref = heapless::IndexSetRef<std::uint32_t>;

void linear8_owner(benchmark::State& s) { run<lmap8, lref, false>(s, 7); }
void linear8_view(benchmark::State& s) { run<lmap8, lref, true>(s, 7); }
void linear64_owner(benchmark::State& s) { run<lmap64, lref, false>(s, 48); }
void linear64_view(benchmark::State& s) { run<lmap64, lref, true>(s, 48); }
void index64_owner(benchmark::State& s) { run<imap64, iref, false>(s, 48); }
void index64_view(benchmark::State& s) { run<imap64, iref, true>(s, 48); }
void set64_owner(benchmark::State& s) { run_set<iset64, sref, false>(s, 48); }
void set64_view(benchmark::State& s) { run_set<iset64, sref, true>(s, 48); }

}  // namespace

BENCHMARK(linear8_owner);
BENCHMARK(linear8_view);
BENCHMARK(linear64_owner);
BENCHMARK(linear64_view);
BENCHMARK(index64_owner);
BENCHMARK(index64_view);
BENCHMARK(set64_owner);
BENCHMARK(set64_view);
