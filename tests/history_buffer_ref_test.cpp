// history_buffer_ref_test.cpp - heapless::HistoryBufferRef<T>: one
// non-template function feeds or reads HistoryBuffers of any capacity. Every
// member runs through the view against the same member on the owner (a
// differential script from every fill level, power-of-two and other N), every
// index layout, the errors, the read-only view, iterators and the
// element-type matrix with exact lifetimes. history_buffer_ref_compact_test.cpp
// runs it again with the other write form.
#include "support/iterators.hpp"
#include "support/test.hpp"

#include <algorithm>  // std::max_element, std::count
#include <cstdint>    // std::uint8_t, std::uint16_t

#include <heapless/history_buffer.hpp>
#include <heapless/vec.hpp>

using heapless::HistoryBuffer;
using heapless::HistoryBufferRef;
using heapless::test::counted;
using heapless::test::make;
using heapless::test::move_only;
using heapless::test::overaligned;
using heapless::test::throwing;
using heapless::test::trivial;
using heapless::test::value_of;

namespace {

using input_it = heapless::test::input_iterator<int>;
using forward_it = heapless::test::forward_iterator<int>;
using log_t = heapless::Vec<long, 1024>;

// ---- Plain functions over any capacity ---------------------------------------------
void feed(HistoryBufferRef<int> h, int from, int to) {
  for (int v = from; v < to; ++v) h.push(v);
}
long total(HistoryBufferRef<const int> h) {
  long s = 0;
  for (int x : h.storage()) s += x;
  return s;
}
int newest_minus_oldest(HistoryBufferRef<const int> h) { return h.empty() ? 0 : *h.recent() - *h.oldest(); }

template <class H>
bool buffer_values_are(const H& h, std::initializer_list<int> expected) {
  if (h.size() != expected.size()) return false;
  std::size_t i = 0;
  for (int e : expected) {
    if (value_of(h[i]) != e) return false;
    if (value_of(h.newest(h.size() - 1 - i)) != e) return false;
    ++i;
  }
  i = 0;
  for (const auto& x : h) {
    if (value_of(x) != value_of(h[i++])) return false;
  }
  const auto spans = h.as_spans();
  i = 0;
  for (const auto& x : spans.first) {
    if (value_of(x) != value_of(h[i++])) return false;
  }
  for (const auto& x : spans.second) {
    if (value_of(x) != value_of(h[i++])) return false;
  }
  return i == h.size() && h.storage().size() == h.size();
}

template <class X>
void log_state(log_t& log, const X& x) {
  log.push_back(static_cast<long>(x.size()));
  log.push_back(x.full());
  log.push_back(x.empty());
  for (std::size_t i = 0; i != x.size(); ++i) log.push_back(x[i]);
  long s = 0;
  for (int v : x.storage()) s = s * 7 + v;
  log.push_back(s);
  const auto spans = x.as_spans();
  log.push_back(static_cast<long>(spans.first.size()));
  if (x.full()) {
    long f = 0;
    for (int v : x.full_storage()) f += v;
    log.push_back(f);
  }
  if (!x.empty()) {
    log.push_back(*x.recent());
    log.push_back(*x.oldest());
    log.push_back(x.newest(0));
    log.push_back(x.at(x.size() - 1));
  }
  long r = 0;
  for (auto it = x.rbegin(); it != x.rend(); ++it) r = r * 3 + *it;
  log.push_back(r);
}

// Every member of HistoryBuffer's API applied to x (a HistoryBuffer or a view
// of one); returns and states go to the log.
template <class X>
void script(X&& x, log_t& log) {
  const int src[] = {100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111, 112, 113, 114};
  log.push_back(x.push(1));
  const int two = 2;
  log.push_back(x.push(two));
  log.push_back(x.emplace(3));
  log_state(log, x);
  x.extend(src, src + 4);
  log_state(log, x);
  x.extend(input_it(src + 4), input_it(src + 15));
  log_state(log, x);
  x.extend(forward_it(src), forward_it(src + 3));
  log_state(log, x);
  heapless::Vec<int, 3> v = {7, 8, 9};
  x.append(v);
  x.append({10, 11});
  log_state(log, x);
  x.push(x[0]);  // an element of the buffer itself (the oldest, once full)
  x.emplace(x.newest(x.size() - 1));
  log_state(log, x);
  x.fill(5);
  log_state(log, x);
  x.fill(x[0]);
  x.clear();
  log_state(log, x);
  x.push(4);
  log_state(log, x);
  const std::size_t n = x.capacity();
  log.push_back(static_cast<long>(n));
  log.push_back(static_cast<long>(x.max_size()));
}

template <std::size_t N>
void differential() {
  for (std::size_t pre = 0; pre != 2 * N + 1; ++pre) {  // from every fill level and wrap offset
    HistoryBuffer<int, N> owner;
    HistoryBuffer<int, N> viewed;
    for (std::size_t k = 0; k != pre; ++k) {
      owner.push(static_cast<int>(k));
      viewed.push(static_cast<int>(k));
    }
    log_t a;
    log_t b;
    script(owner, a);
    script(HistoryBufferRef<int>(viewed), b);
    CHECK(a == b);
    CHECK(owner == viewed);
  }
}

}  // namespace

TEST_CASE("HistoryBufferRef: a non-template function serves buffers of any capacity", "[history_buffer][history_buffer_ref]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  HistoryBuffer<int, 4> pow2;
  HistoryBuffer<int, 5> odd;
  HistoryBuffer<int, 64> large;
  feed(pow2, 0, 10);
  feed(odd, 0, 10);
  feed(large, 0, 10);
  CHECK(buffer_values_are(pow2, {6, 7, 8, 9}));
  CHECK(buffer_values_are(odd, {5, 6, 7, 8, 9}));
  CHECK(large.size() == 10);
  CHECK(total(pow2) == 30);
  CHECK(total(odd) == 35);
  CHECK(total(large) == 45);
  CHECK(newest_minus_oldest(pow2) == 3);
  CHECK(newest_minus_oldest(large) == 9);
  CHECK(sizeof(HistoryBufferRef<int>) == sizeof(int*) + sizeof(std::size_t));
  HistoryBufferRef<int> r = odd;
  CHECK(r.capacity() == 5);
  CHECK(r.max_size() == 5);
  CHECK(r.full());
}

TEST_CASE("HistoryBufferRef: every member matches the owner's from every fill level", "[history_buffer][history_buffer_ref]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  differential<1>();
  differential<2>();
  differential<5>();
  differential<8>();
  differential<12>();
}

TEST_CASE("HistoryBufferRef: reads and writes every index layout", "[history_buffer][history_buffer_ref]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  HistoryBuffer<std::uint8_t, 14> b14;    // 8-bit indices
  HistoryBuffer<std::uint8_t, 301> b301;  // 16-bit indices after one byte of padding
  HistoryBuffer<std::uint16_t, 3> h3;     // 32-bit indices after two bytes of padding
  HistoryBuffer<char32_t, 5> c5;          // char32_t elements: 8-bit indices
  const auto exercise = [](auto r, std::size_t n) {
    using T = typename decltype(r)::value_type;
    for (std::size_t k = 0; k != 2 * n + 3; ++k) r.push(static_cast<T>(k));
    CHECK(r.full());
    CHECK(r.size() == n);
    CHECK(*r.recent() == static_cast<T>(2 * n + 2));
    CHECK(*r.oldest() == static_cast<T>(n + 3));
  };
  exercise(HistoryBufferRef<std::uint8_t>(b14), 14);
  exercise(HistoryBufferRef<std::uint8_t>(b301), 301);
  exercise(HistoryBufferRef<std::uint16_t>(h3), 3);
  exercise(HistoryBufferRef<char32_t>(c5), 5);
  CHECK(*b14.recent() == 30);
  CHECK(*b14.oldest() == 17);
  CHECK(*b301.recent() == 604 % 256);
  CHECK(*b301.oldest() == 304 % 256);
  CHECK(buffer_values_are(h3, {6, 7, 8}));
  CHECK(c5.newest(0) == U'\14');
#if !(defined(__ARM_ARCH_PROFILE) && __ARM_ARCH_PROFILE == 'M')
  static HistoryBuffer<std::uint8_t, 70000> big;  // 32-bit indices
  HistoryBufferRef<std::uint8_t> rb = big;
  for (int k = 0; k != 70003; ++k) rb.push(static_cast<std::uint8_t>(k));
  CHECK(big.full());
  CHECK(*big.recent() == static_cast<std::uint8_t>(70002));
  CHECK(*rb.oldest() == 3);
  big.clear();
#endif
}

TEST_CASE("HistoryBufferRef<const T>: the read-only view", "[history_buffer][history_buffer_ref][const]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  HistoryBuffer<int, 5> h;
  for (int i = 1; i <= 7; ++i) h.push(i);  // 3 4 5 6 7, wrapped
  const HistoryBuffer<int, 5>& ch = h;
  HistoryBufferRef<const int> a = ch;
  HistoryBufferRef<int> m = h;
  HistoryBufferRef<const int> b = m;
  static_assert(std::is_same_v<decltype(a[0]), const int&>);
  static_assert(std::is_same_v<decltype(*a.begin()), const int&>);
  static_assert(!std::is_constructible_v<HistoryBufferRef<int>, const HistoryBuffer<int, 5>&>);
  CHECK(buffer_values_are(a, {3, 4, 5, 6, 7}));
  CHECK(a.full());
  CHECK(!a.empty());
  CHECK(*a.recent() == 7);
  CHECK(*a.oldest() == 3);
  CHECK(a.newest(1) == 6);
  CHECK(a.at(0) == 3);
  HEAPLESS_CHECK_RAISES(out_of_range, a.at(5));
  CHECK(a.full_storage().size() == 5);
  CHECK(*std::max_element(a.full_storage().begin(), a.full_storage().end()) == 7);
  CHECK(a.as_spans().first.size() == 3);
  CHECK(a.as_spans().second.size() == 2);
  CHECK(std::count(a.cbegin(), a.cend(), 4) == 1);
  CHECK(a == b);
  HistoryBuffer<int, 9> other = {3, 4, 5, 6, 7};
  CHECK((a == HistoryBufferRef<const int>(other)));
  other.push(8);
  CHECK((a != HistoryBufferRef<const int>(other)));
  // Iterators outlive the view object.
  HistoryBufferRef<const int>::iterator it;
  {
    HistoryBufferRef<const int> tmp = h;
    it = tmp.begin() + 1;
  }
  CHECK(*it == 4);
  CHECK(it[2] == 6);
}

TEST_CASE("HistoryBufferRef: errors and preconditions", "[history_buffer][history_buffer_ref][error]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  HistoryBuffer<int, 3> h;
  HistoryBufferRef<int> r = h;
  CHECK(r.recent() == nullptr);
  CHECK(r.oldest() == nullptr);
  CHECK(r.begin() == r.end());
  HEAPLESS_CHECK_RAISES(out_of_range, r.at(0));
  r.push(1);
  HEAPLESS_CHECK_RAISES(out_of_range, r.at(1));
#if HEAPLESS_TEST_CAN_CATCH_ASSERT
  HEAPLESS_CHECK_RAISES(precondition, r[1]);
  HEAPLESS_CHECK_RAISES(precondition, r.newest(1));
  HEAPLESS_CHECK_RAISES(precondition, r.full_storage());
  HEAPLESS_CHECK_RAISES(precondition, *r.end());
#endif
}

namespace {
template <class T>
void exercise_matrix() {
  HEAPLESS_NO_ALLOC_SCOPE;
  HEAPLESS_LIFETIME_CHECK;
  HistoryBuffer<T, 4> h;
  HistoryBufferRef<T> r = h;
  for (int i = 0; i != 6; ++i) r.push(make<T>(i));
  CHECK(buffer_values_are(h, {2, 3, 4, 5}));
  r.emplace(make<T>(6));
  CHECK(buffer_values_are(r, {3, 4, 5, 6}));
  HistoryBuffer<T, 4> moved(std::move(h));
  CHECK(moved.size() == 4);
  r.clear();
  CHECK(h.empty());
  r.push(make<T>(1));
  r.emplace(make<T>(2));
  CHECK(buffer_values_are(h, {1, 2}));
  if constexpr (std::is_copy_constructible_v<T>) {
    r.fill(make<T>(8));
    CHECK(buffer_values_are(h, {8, 8, 8, 8}));
    const T src[] = {make<T>(1), make<T>(2), make<T>(3), make<T>(4), make<T>(5)};
    r.extend(src, src + 5);
    CHECK(buffer_values_are(h, {2, 3, 4, 5}));
    r.push(h[0]);  // overwrites the oldest with itself
    CHECK(buffer_values_are(h, {3, 4, 5, 2}));
  }
}
}  // namespace

TEST_CASE("HistoryBufferRef matrix: lifetimes for every element type", "[history_buffer][history_buffer_ref][matrix]") {
  heapless::test::for_each_type<trivial, counted, move_only, throwing, overaligned>(
      [](auto tag) { exercise_matrix<typename decltype(tag)::type>(); });
}

#if HEAPLESS_HAS_EXCEPTIONS
TEST_CASE("HistoryBufferRef throwing: a throwing write changes nothing", "[history_buffer][history_buffer_ref][exceptions]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  HEAPLESS_LIFETIME_CHECK;
  HistoryBuffer<throwing, 2> h;
  HistoryBufferRef<throwing> r = h;
  r.push(throwing(1));
  const throwing x(9);
  const auto throws = [](auto&& f) { return heapless::test::throws_test_exception(f); };
  throwing::throw_after(0);
  CHECK(throws([&] { r.push(x); }));
  CHECK(buffer_values_are(h, {1}));
  r.push(throwing(2));
  throwing::throw_after(0);
  CHECK(throws([&] { r.push(x); }));
  CHECK(buffer_values_are(h, {1, 2}));
  throwing::throw_after(0);
  CHECK(throws([&] { r.emplace(x); }));
  CHECK(buffer_values_are(h, {1, 2}));
}
#endif
