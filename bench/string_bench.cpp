// string_bench.cpp - heapless::String<N> side by side with a hand-written
// char[] + mem* baseline (the practical limit), std::string and
// boost::static_strings::static_string, on the five operations of the issue:
//
//   build  : a 64-char string from 14 short literals with +=
//   build_opaque: the same, starting from a string the optimiser cannot see
//   eq     : == of two equal 32-char strings
//   compare: compare() of two 32-char strings differing at the last char
//   findc  : find(char) hitting at index 59 of a 64-char string
//   finds  : find("needle") hitting at index 53 of a 64-char string
//
// Each operation is one noinline kernel per implementation (kernel_<op>_<impl>)
// called from the timing loop, so the same kernels can be measured with
// callgrind (instruction counts, repeatable on a shared machine): see
// docs/string.md for the commands and the ratio tables.
#include <benchmark/benchmark.h>

#include <heapless/string.hpp>

#include <cstddef>  // std::size_t
#include <cstring>  // std::memcpy, std::memcmp, std::memchr
#include <string>   // std::string: the std peer

#if HEAPLESS_BENCH_HAS_BOOST
#include <boost/static_string/static_string.hpp>
#endif

#define STRING_BENCH_NOINLINE __attribute__((noinline))

namespace {

// ---- The hand-written baseline: char[N + 1] plus a length, mem* calls ----------
// What a careful C programmer writes: bounds-checked appends that keep the
// NUL terminator, memcmp / memchr for the queries.
template <std::size_t N>
struct raw_string {
  char buf[N + 1];
  std::size_t len;

  raw_string() noexcept : len(0) { buf[0] = '\0'; }
  explicit raw_string(const char* s) noexcept : len(std::strlen(s)) {
    if (len > N) __builtin_trap();
    std::memcpy(buf, s, len + 1);
  }
  void append(const char* s, std::size_t n) noexcept {
    if (n > N - len) __builtin_trap();
    std::memcpy(buf + len, s, n);
    len += n;
    buf[len] = '\0';
  }
  template <std::size_t M>
  void append(const char (&lit)[M]) noexcept {
    append(lit, M - 1);
  }
};

template <std::size_t N>
bool raw_equal(const raw_string<N>& a, const raw_string<N>& b) noexcept {
  return a.len == b.len && std::memcmp(a.buf, b.buf, a.len) == 0;
}
template <std::size_t N>
int raw_compare(const raw_string<N>& a, const raw_string<N>& b) noexcept {
  const std::size_t n = a.len < b.len ? a.len : b.len;
  const int r = std::memcmp(a.buf, b.buf, n);
  if (r != 0) return r;
  return a.len < b.len ? -1 : (a.len > b.len ? 1 : 0);
}
template <std::size_t N>
std::size_t raw_find(const raw_string<N>& s, char c) noexcept {
  const void* p = std::memchr(s.buf, c, s.len);
  return p ? static_cast<std::size_t>(static_cast<const char*>(p) - s.buf) : static_cast<std::size_t>(-1);
}
// The fastest portable scheme measured for short haystacks (docs/string.md):
// memchr for the first char, the last char as a filter, memcmp for the middle.
// (A plain memchr + memcmp loop costs 545 instructions here, this one 340,
// glibc's memmem 314 but not faster in time; std::string_view::find 566.)
template <std::size_t N>
std::size_t raw_find(const raw_string<N>& s, const char* needle, std::size_t n) noexcept {
  if (n < 2) __builtin_trap();  // the benchmark's needle has 6 chars
  if (n > s.len) return static_cast<std::size_t>(-1);
  const char* p = s.buf;
  const char* const last = s.buf + (s.len - n + 1);
  while (p < last) {
    p = static_cast<const char*>(std::memchr(p, needle[0], static_cast<std::size_t>(last - p)));
    if (!p) break;
    if (p[n - 1] == needle[n - 1] && std::memcmp(p + 1, needle + 1, n - 2) == 0)
      return static_cast<std::size_t>(p - s.buf);
    ++p;
  }
  return static_cast<std::size_t>(-1);
}

// ---- Inputs ----------------------------------------------------------------
constexpr const char k_eq[] = "0123456789abcdef0123456789ABCDEF";     // 32 chars
constexpr const char k_cmp_a[] = "0123456789abcdef0123456789ABCDEF";  // differs at [31]
constexpr const char k_cmp_b[] = "0123456789abcdef0123456789ABCDEG";
// 64 chars; 'X' first at 59; "needle" first at 53 with false starts on 'n' before.
constexpr const char k_hay[] = "the quick brown fox jumps on a sunny lane, nine nets;needleX....";
static_assert(sizeof(k_hay) == 65);
constexpr char k_char = 'X';
constexpr const char k_needle[] = "needle";

// ---- build: 14 literals, 64 chars ---------------------------------------------
#define STRING_BENCH_LITERALS(APPEND) \
  APPEND("GET ");                     \
  APPEND("/api/");                    \
  APPEND("v2/");                      \
  APPEND("sensors/");                 \
  APPEND("42");                       \
  APPEND("/temperature");             \
  APPEND("?");                        \
  APPEND("unit=");                    \
  APPEND("celsius");                  \
  APPEND("&");                        \
  APPEND("avg=");                     \
  APPEND("60s");                      \
  APPEND(" ");                        \
  APPEND("HTTP/1.1")

// Opaque = true: the string starts behind DoNotOptimize, so the optimiser
// cannot fold the capacity checks and length updates of the 14 appends.
template <bool Opaque>
STRING_BENCH_NOINLINE std::size_t kernel_build_raw() {
  raw_string<64> s;
  if constexpr (Opaque) benchmark::DoNotOptimize(s);
#define STRING_BENCH_APPEND(lit) s.append(lit)
  STRING_BENCH_LITERALS(STRING_BENCH_APPEND);
#undef STRING_BENCH_APPEND
  benchmark::DoNotOptimize(s);
  return s.len;
}
template <bool Opaque>
STRING_BENCH_NOINLINE std::size_t kernel_build_std() {
  std::string s;
  if constexpr (Opaque) benchmark::DoNotOptimize(s);
#define STRING_BENCH_APPEND(lit) s += lit
  STRING_BENCH_LITERALS(STRING_BENCH_APPEND);
  benchmark::DoNotOptimize(s.data());
  return s.size();
}
#if HEAPLESS_BENCH_HAS_BOOST
template <bool Opaque>
STRING_BENCH_NOINLINE std::size_t kernel_build_boost() {
  boost::static_strings::static_string<64> s;
  if constexpr (Opaque) benchmark::DoNotOptimize(s);
  STRING_BENCH_LITERALS(STRING_BENCH_APPEND);
  benchmark::DoNotOptimize(s);
  return s.size();
}
#endif
template <bool Opaque>
STRING_BENCH_NOINLINE std::size_t kernel_build_heapless() {
  heapless::String<64> s;
  if constexpr (Opaque) benchmark::DoNotOptimize(s);
  STRING_BENCH_LITERALS(STRING_BENCH_APPEND);
#undef STRING_BENCH_APPEND
  benchmark::DoNotOptimize(s);
  return s.size();
}

// ---- eq / compare / find kernels ------------------------------------------------
template <class S>
STRING_BENCH_NOINLINE bool kernel_eq(const S& a, const S& b) {
  return a == b;
}
template <std::size_t N>
STRING_BENCH_NOINLINE bool kernel_eq(const raw_string<N>& a, const raw_string<N>& b) {
  return raw_equal(a, b);
}
template <class S>
STRING_BENCH_NOINLINE int kernel_compare(const S& a, const S& b) {
  return a.compare(b);
}
template <std::size_t N>
STRING_BENCH_NOINLINE int kernel_compare(const raw_string<N>& a, const raw_string<N>& b) {
  return raw_compare(a, b);
}
template <class S>
STRING_BENCH_NOINLINE std::size_t kernel_findc(const S& s, char c) {
  return s.find(c);
}
template <std::size_t N>
STRING_BENCH_NOINLINE std::size_t kernel_findc(const raw_string<N>& s, char c) {
  return raw_find(s, c);
}
template <class S>
STRING_BENCH_NOINLINE std::size_t kernel_finds(const S& s) {
  return s.find(k_needle);
}
template <std::size_t N>
STRING_BENCH_NOINLINE std::size_t kernel_finds(const raw_string<N>& s) {
  return raw_find(s, k_needle, sizeof k_needle - 1);
}

// ---- Timing loops ------------------------------------------------------------------
template <std::size_t (*Kernel)()>
void bm_build(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(Kernel());
}

template <class S>
void bm_eq(benchmark::State& state) {
  alignas(64) S a(k_eq);  // same alignment for every implementation: mem*
  alignas(64) S b(k_eq);  // cost depends on it
  for (auto _ : state) {
    benchmark::DoNotOptimize(a);
    benchmark::DoNotOptimize(b);
    benchmark::DoNotOptimize(kernel_eq(a, b));
  }
  if (!kernel_eq(a, b)) state.SkipWithError("eq: wrong result");
}

template <class S>
void bm_compare(benchmark::State& state) {
  alignas(64) S a(k_cmp_a);
  alignas(64) S b(k_cmp_b);
  for (auto _ : state) {
    benchmark::DoNotOptimize(a);
    benchmark::DoNotOptimize(b);
    benchmark::DoNotOptimize(kernel_compare(a, b));
  }
  if (kernel_compare(a, b) >= 0) state.SkipWithError("compare: wrong result");
}

template <class S>
void bm_findc(benchmark::State& state) {
  alignas(64) S s(k_hay);
  char c = k_char;
  for (auto _ : state) {
    benchmark::DoNotOptimize(s);
    benchmark::DoNotOptimize(c);
    benchmark::DoNotOptimize(kernel_findc(s, c));
  }
  if (kernel_findc(s, c) != 59) state.SkipWithError("find(char): wrong result");
}

template <class S>
void bm_finds(benchmark::State& state) {
  alignas(64) S s(k_hay);
  for (auto _ : state) {
    benchmark::DoNotOptimize(s);
    benchmark::DoNotOptimize(kernel_finds(s));
  }
  if (kernel_finds(s) != 53) state.SkipWithError("find(substring): wrong result");
}

using raw32 = raw_string<32>;
using raw64 = raw_string<64>;
using hl32 = heapless::String<32>;
using hl64 = heapless::String<64>;
#if HEAPLESS_BENCH_HAS_BOOST
using boost32 = boost::static_strings::static_string<32>;
using boost64 = boost::static_strings::static_string<64>;
#endif

// push_back of 200 opaque chars, into the String and through a StringRef
// (one function for every capacity): docs/views.md compares the two, for the
// free-capacity-byte encoding (String<200>) and a two-byte length (String<1000>).
inline char opaque_char(char c) {
  asm volatile("" : "+r"(c));
  return c;
}
template <class S>
STRING_BENCH_NOINLINE void kernel_push_owner(S& s) {
  for (int i = 0; i < 200; ++i) s.push_back(opaque_char('a'));
  asm volatile("" ::: "memory");
}
STRING_BENCH_NOINLINE void kernel_push_view(heapless::StringRef s) {
  for (int i = 0; i < 200; ++i) s.push_back(opaque_char('a'));
  asm volatile("" ::: "memory");
}
template <std::size_t N, bool View>
void bm_push(benchmark::State& state) {
  static heapless::String<N> s;
  for (auto _ : state) {
    s.clear();
    if constexpr (View) kernel_push_view(s);
    else kernel_push_owner(s);
    benchmark::DoNotOptimize(s.data());
  }
}

}  // namespace

BENCHMARK(bm_build<kernel_build_raw<false>>)->Name("build/raw");
BENCHMARK(bm_build<kernel_build_std<false>>)->Name("build/std::string");
#if HEAPLESS_BENCH_HAS_BOOST
BENCHMARK(bm_build<kernel_build_boost<false>>)->Name("build/boost::static_string");
#endif
BENCHMARK(bm_build<kernel_build_heapless<false>>)->Name("build/heapless::String");

BENCHMARK(bm_build<kernel_build_raw<true>>)->Name("build_opaque/raw");
BENCHMARK(bm_build<kernel_build_std<true>>)->Name("build_opaque/std::string");
#if HEAPLESS_BENCH_HAS_BOOST
BENCHMARK(bm_build<kernel_build_boost<true>>)->Name("build_opaque/boost::static_string");
#endif
BENCHMARK(bm_build<kernel_build_heapless<true>>)->Name("build_opaque/heapless::String");

BENCHMARK(bm_eq<raw32>)->Name("eq/raw");
BENCHMARK(bm_eq<std::string>)->Name("eq/std::string");
#if HEAPLESS_BENCH_HAS_BOOST
BENCHMARK(bm_eq<boost32>)->Name("eq/boost::static_string");
#endif
BENCHMARK(bm_eq<hl32>)->Name("eq/heapless::String");

BENCHMARK(bm_compare<raw32>)->Name("compare/raw");
BENCHMARK(bm_compare<std::string>)->Name("compare/std::string");
#if HEAPLESS_BENCH_HAS_BOOST
BENCHMARK(bm_compare<boost32>)->Name("compare/boost::static_string");
#endif
BENCHMARK(bm_compare<hl32>)->Name("compare/heapless::String");

BENCHMARK(bm_findc<raw64>)->Name("findc/raw");
BENCHMARK(bm_findc<std::string>)->Name("findc/std::string");
#if HEAPLESS_BENCH_HAS_BOOST
BENCHMARK(bm_findc<boost64>)->Name("findc/boost::static_string");
#endif
BENCHMARK(bm_findc<hl64>)->Name("findc/heapless::String");

BENCHMARK(bm_finds<raw64>)->Name("finds/raw");
BENCHMARK(bm_finds<std::string>)->Name("finds/std::string");
#if HEAPLESS_BENCH_HAS_BOOST
BENCHMARK(bm_finds<boost64>)->Name("finds/boost::static_string");
#endif
BENCHMARK(bm_finds<hl64>)->Name("finds/heapless::String");

// ---- One char at a time, chunked append, == at capacity 64 -----------------------
// push64: a 64-char line assembled one char at a time from an input buffer (a
// UART receive loop), into a String<64> cleared first. chunks: the same line
// as 4 appends of 16 chars whose length the optimiser cannot see. The raw
// baseline keeps its NUL terminator like String does.
struct raw_line {
  char buf[65];
  std::size_t len;
};
STRING_BENCH_NOINLINE void kernel_push64_raw(raw_line& s, const char* src) {
  s.len = 0;
  s.buf[0] = '\0';
  for (int i = 0; i < 64; ++i) {
    if (s.len == 64) __builtin_trap();
    s.buf[s.len++] = src[i];
    s.buf[s.len] = '\0';
  }
}
STRING_BENCH_NOINLINE void kernel_push64_heapless(heapless::String<64>& s, const char* src) {
  s.clear();
  for (int i = 0; i < 64; ++i) s.push_back(src[i]);
}
STRING_BENCH_NOINLINE void kernel_chunks_raw(raw_line& s, const char* src, std::size_t n) {
  s.len = 0;
  s.buf[0] = '\0';
  for (int i = 0; i < 4; ++i) {
    if (n > 64 - s.len) __builtin_trap();
    std::memcpy(s.buf + s.len, src + n * static_cast<std::size_t>(i), n);
    s.len += n;
    s.buf[s.len] = '\0';
  }
}
STRING_BENCH_NOINLINE void kernel_chunks_heapless(heapless::String<64>& s, const char* src, std::size_t n) {
  s.clear();
  for (int i = 0; i < 4; ++i) s.append(src + n * static_cast<std::size_t>(i), n);
}
template <class S, void (*Kernel)(S&, const char*)>
void bm_push64(benchmark::State& state) {
  alignas(64) S s{};
  for (auto _ : state) {
    benchmark::DoNotOptimize(s);
    Kernel(s, k_hay);
    benchmark::DoNotOptimize(s);
  }
}
template <class S, void (*Kernel)(S&, const char*, std::size_t)>
void bm_chunks(benchmark::State& state) {
  alignas(64) S s{};
  std::size_t n = 16;
  for (auto _ : state) {
    benchmark::DoNotOptimize(s);
    benchmark::DoNotOptimize(n);
    Kernel(s, k_hay, n);
    benchmark::DoNotOptimize(s);
  }
}
BENCHMARK(bm_push64<raw_line, kernel_push64_raw>)->Name("push64/raw");
BENCHMARK(bm_push64<heapless::String<64>, kernel_push64_heapless>)->Name("push64/heapless::String");
BENCHMARK(bm_chunks<raw_line, kernel_chunks_raw>)->Name("chunks4x16/raw");
BENCHMARK(bm_chunks<heapless::String<64>, kernel_chunks_heapless>)->Name("chunks4x16/heapless::String");
BENCHMARK(bm_eq<raw64>)->Name("eq64/raw");
BENCHMARK(bm_eq<hl64>)->Name("eq64/heapless::String");
BENCHMARK(bm_push<200, false>)->Name("push200/heapless::String<200>");
BENCHMARK(bm_push<200, true>)->Name("push200/heapless::StringRef<200>");
BENCHMARK(bm_push<1000, false>)->Name("push200/heapless::String<1000>");
BENCHMARK(bm_push<1000, true>)->Name("push200/heapless::StringRef<1000>");
