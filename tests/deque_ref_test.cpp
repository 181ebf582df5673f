// deque_ref_test.cpp - heapless::DequeRef<T>: one non-template function serves
// Deques of any capacity. Every member runs through the view against the same
// member on the owner (a differential script at every wrap offset, for
// power-of-two and other N), every index layout (8-, 16-, 32-bit and ring_index32
// indices, padded or not), the error tiers, the read-only view, iterators and
// std algorithms, and the element-type matrix with exact lifetimes.
#include "support/iterators.hpp"
#include "support/test.hpp"

#include <algorithm>  // std::sort, std::find, std::count
#include <cstdint>    // std::uint8_t, std::uint16_t
#include <iterator>   // std::back_inserter

#include <heapless/deque.hpp>
#include <heapless/vec.hpp>

using heapless::Deque;
using heapless::DequeRef;
using heapless::test::counted;
using heapless::test::make;
using heapless::test::move_only;
using heapless::test::values_are;
using heapless::test::overaligned;
using heapless::test::throwing;
using heapless::test::trivial;
using heapless::test::value_of;

namespace {

using input_it = heapless::test::input_iterator<int>;
using log_t = heapless::Vec<long, 512>;

// ---- Plain functions over any capacity -------------------------------------------
// Not templates: each serves every Deque<int, N>.
long drain_sum(DequeRef<int> q) {
  long s = 0;
  while (!q.empty()) {
    s += q.front();
    q.pop_front();
  }
  return s;
}
std::size_t enqueue(DequeRef<int> q, int from, int to) {
  std::size_t added = 0;
  for (int i = from; i < to; ++i) {
    if (q.try_push_back(i) == nullptr) break;
    ++added;
  }
  return added;
}
long sum(DequeRef<const int> q) {
  long s = 0;
  for (int x : q) s += x;
  return s;
}

template <class D>
void rotate_empty(D& d, std::size_t shift) {
  using T = typename D::value_type;
  for (std::size_t k = 0; k != shift; ++k) {
    d.push_back(make<T>(-1));
    d.pop_front();
  }
}

template <class X>
void log_state(log_t& log, const X& x) {
  log.push_back(static_cast<long>(x.size()));
  for (std::size_t i = 0; i != x.size(); ++i) log.push_back(value_of(x[i]));
}

// Every modifying and reading member of Deque's API, applied to x (a Deque
// or a DequeRef of one); what each returns and the contents after each step
// go to the log, so an owner and a view must produce the same log.
template <class X>
void script(X&& x, log_t& log) {
  const int src[] = {100, 101, 102, 103, 104, 105, 106, 107};
  x.push_back(1);
  x.emplace_back(2);
  const int three = 3;
  x.push_front(three);
  x.emplace_front(4);
  log.push_back(x.front());
  log.push_back(x.back());
  log.push_back(x.at(1));
  log.push_back(x.try_push_back(5) != nullptr);
  log.push_back(x.try_emplace_front(6) != nullptr);
  log_state(log, x);
  auto a = x.try_pop_front();
  log.push_back(a ? *a : -1);
  auto b = x.try_pop_back();
  log.push_back(b ? *b : -1);
  x.pop_front();
  x.pop_back();
  log_state(log, x);
  auto it = x.emplace(x.cbegin() + 1, 7);
  log.push_back(it - x.begin());
  it = x.insert(x.cbegin(), 8);
  log.push_back(it - x.begin());
  it = x.insert(x.cend(), three);
  log.push_back(it - x.begin());
  log_state(log, x);
  it = x.erase(x.cbegin() + 1);
  log.push_back(it - x.begin());
  it = x.erase(x.cbegin(), x.cbegin() + 2);
  log.push_back(it - x.begin());
  log_state(log, x);
  const std::size_t room = x.capacity() - x.size();
  it = x.insert(x.cbegin() + 1, room < 2 ? room : 2, 9);
  log.push_back(it - x.begin());
  log_state(log, x);
  x.clear();
  x.push_back(src, src + 3);
  x.push_back({20, 21});
  log_state(log, x);
  const int* rest = x.try_push_back(src, src + 8);
  log.push_back(rest - src);
  log_state(log, x);
  x.pop_front(2);
  x.pop_back(3);
  it = x.insert(x.cbegin() + 1, src, src + 2);
  log.push_back(it - x.begin());
  it = x.insert(x.cbegin() + 1, input_it(src + 4), input_it(src + 5));
  log.push_back(it - x.begin());
  it = x.insert(x.cend(), {30});
  log.push_back(it - x.begin());
  log_state(log, x);
  x.resize(2);
  x.resize(3, 40);
  x.resize(4);
  log_state(log, x);
  const auto spans = x.as_spans();
  log.push_back(static_cast<long>(spans.first.size()));
  log.push_back(static_cast<long>(spans.second.size()));
  const auto one = x.make_contiguous();
  log.push_back(static_cast<long>(one.size()));
  log.push_back(one.empty() ? -1 : one[0]);
  log_state(log, x);
  x.assign(3, 50);
  log_state(log, x);
  x.assign(src + 1, src + 4);
  log_state(log, x);
  x.assign(input_it(src), input_it(src + 2));
  log_state(log, x);
  x.assign({60, 61, 62});
  // Unqualified: DequeRef's erase / erase_if are found by argument-dependent lookup
  // (qualified calls: the element matrix below).
  log.push_back(static_cast<long>(erase(x, 61)));
  log.push_back(static_cast<long>(erase_if(x, [](int v) { return v == 60; })));
  log_state(log, x);
  x.unchecked_push_back(70);
  x.unchecked_emplace_front(71);
  x.unchecked_push_front(three);
  x.unchecked_emplace_back(72);
  log_state(log, x);
  std::sort(x.begin(), x.end());
  log_state(log, x);
  long r = 0;
  for (auto rit = x.rbegin(); rit != x.rend(); ++rit) r = r * 3 + *rit;
  log.push_back(r);
}

template <std::size_t N>
void differential() {
  for (std::size_t shift = 0; shift != N; ++shift) {
    Deque<int, N> owner;
    Deque<int, N> viewed;
    rotate_empty(owner, shift);
    rotate_empty(viewed, shift);
    log_t a;
    log_t b;
    script(owner, a);
    script(DequeRef<int>(viewed), b);
    CHECK(a == b);
    CHECK(owner == viewed);
  }
}

}  // namespace

TEST_CASE("DequeRef: a non-template function serves Deques of any capacity", "[deque][deque_ref]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  Deque<int, 3> small;
  Deque<int, 8> pow2;
  Deque<int, 100> large;
  CHECK(enqueue(small, 1, 6) == 3);
  CHECK(enqueue(pow2, 1, 6) == 5);
  CHECK(enqueue(large, 1, 6) == 5);
  CHECK(sum(small) == 6);
  CHECK(sum(pow2) == 15);
  CHECK(drain_sum(large) == 15);
  CHECK(large.empty());
  CHECK(small.size() == 3);
  // One pointer and the capacity.
  CHECK(sizeof(DequeRef<int>) == sizeof(int*) + sizeof(std::size_t));
  CHECK(sizeof(DequeRef<const std::uint8_t>) == sizeof(void*) + sizeof(std::size_t));
  DequeRef<int> r = pow2;
  CHECK(r.capacity() == 8);
  CHECK(r.max_size() == 8);
  CHECK(DequeRef<int>(large).capacity() == 100);
}

TEST_CASE("DequeRef: every member matches the owner's at every wrap offset", "[deque][deque_ref]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  differential<8>();   // masking
  differential<16>();  // masking
  differential<9>();   // compare-and-subtract
  differential<12>();
}

TEST_CASE("DequeRef: reads and writes every index layout", "[deque][deque_ref]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  // 8-bit indices right after 14 bytes; 16-bit indices after 301 bytes
  // (padded by one); 32-bit indices (ring_index32) after 3 uint16_t (padded
  // by two) and after 5 doubles; char32_t elements keep narrow indices (8-bit
  // after 20 bytes).
  Deque<std::uint8_t, 14> b14;
  Deque<std::uint8_t, 301> b301;
  Deque<std::uint16_t, 3> h3;
  Deque<double, 5> d5;
  Deque<char32_t, 5> c5;
  static_assert(std::is_same_v<heapless::detail::ring_index_t<std::uint8_t, 301>, std::uint16_t>);
  static_assert(std::is_same_v<heapless::detail::ring_index_t<char32_t, 5>, std::uint8_t>);
  static_assert(std::is_same_v<heapless::detail::ring_index_t<std::uint16_t, 3>, heapless::detail::ring_index32>);
  const auto exercise = [](auto r, std::size_t n) {
    using T = typename decltype(r)::value_type;
    for (std::size_t k = 0; k != n + 2; ++k) {  // walks the head round the ring
      r.push_back(T(1));
      r.pop_front();
    }
    for (std::size_t k = 0; k != n; ++k) {
      if (k % 2 == 0) r.push_back(static_cast<T>(k));
      else r.push_front(static_cast<T>(k));
    }
    CHECK(r.full());
    CHECK(r.size() == n);
    CHECK(r.try_push_front(T(0)) == nullptr);
  };
  exercise(DequeRef<std::uint8_t>(b14), 14);
  exercise(DequeRef<std::uint8_t>(b301), 301);
  exercise(DequeRef<std::uint16_t>(h3), 3);
  exercise(DequeRef<double>(d5), 5);
  exercise(DequeRef<char32_t>(c5), 5);
  // The owners see what the views did.
  CHECK(b14.size() == 14);
  CHECK(b14.front() == 13);
  CHECK(b14.back() == 12);
  CHECK(b301.size() == 301);
  CHECK(b301.front() == 43);  // 299 % 256
  CHECK(b301.back() == 44);   // 300 % 256
  CHECK(h3.front() == 1);
  CHECK(h3.back() == 2);
  CHECK(d5.front() == 3.0);
  CHECK(c5.back() == U'\4');
  b14.pop_front(14);
  CHECK(DequeRef<std::uint8_t>(b14).empty());
#if !(defined(__ARM_ARCH_PROFILE) && __ARM_ARCH_PROFILE == 'M')
  // 32-bit indices (static: 70 KB do not belong on the stack).
  static Deque<std::uint8_t, 70000> big;
  static_assert(std::is_same_v<heapless::detail::ring_index_t<std::uint8_t, 70000>, std::uint32_t>);
  DequeRef<std::uint8_t> rb = big;
  rb.push_back(7);
  rb.push_front(8);
  CHECK(big.size() == 2);
  CHECK(big.front() == 8);
  CHECK(rb.back() == 7);
  big.clear();
#endif
}

TEST_CASE("DequeRef: errors are Deque's, in every tier", "[deque][deque_ref][error]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  Deque<int, 3> d = {1, 2, 3};
  DequeRef<int> r = d;
  const int src[] = {4, 5};
  HEAPLESS_CHECK_RAISES(bad_alloc, r.push_back(4));
  HEAPLESS_CHECK_RAISES(bad_alloc, r.push_front(4));
  HEAPLESS_CHECK_RAISES(bad_alloc, r.emplace_back(4));
  HEAPLESS_CHECK_RAISES(bad_alloc, r.emplace_front(4));
  HEAPLESS_CHECK_RAISES(bad_alloc, r.insert(r.cbegin() + 1, 4));
  HEAPLESS_CHECK_RAISES(bad_alloc, r.insert(r.cbegin() + 1, 2, 4));
  HEAPLESS_CHECK_RAISES(bad_alloc, r.insert(r.cbegin() + 1, src, src + 2));
  HEAPLESS_CHECK_RAISES(bad_alloc, r.push_back(src, src + 2));
  HEAPLESS_CHECK_RAISES(bad_alloc, r.resize(4));
  HEAPLESS_CHECK_RAISES(bad_alloc, r.assign(4, 0));
  HEAPLESS_CHECK_RAISES(bad_alloc, r.assign({1, 2, 3, 4}));
  HEAPLESS_CHECK_RAISES(out_of_range, r.at(3));
  CHECK(values_are(d, {1, 2, 3}));  // all or nothing
  CHECK(r.try_push_back(4) == nullptr);
  CHECK(r.try_emplace_front(4) == nullptr);
  CHECK(r.try_push_back(src, src + 2) == src);
  // swap across capacities: raises when the elements do not fit.
  Deque<int, 2> e = {9};
  DequeRef<int> s = e;
  HEAPLESS_CHECK_RAISES(bad_alloc, r.swap(s));
  CHECK(values_are(d, {1, 2, 3}));
  r.pop_back();
  r.swap(s);
  CHECK(values_are(d, {9}));
  CHECK(values_are(e, {1, 2}));
  r.clear();
  CHECK(!r.try_pop_front().has_value());
  CHECK(!r.try_pop_back().has_value());
}

#if HEAPLESS_TEST_CAN_CATCH_ASSERT
TEST_CASE("DequeRef: preconditions are asserted", "[deque][deque_ref][error][assert]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  Deque<int, 2> d = {1, 2};
  Deque<int, 2> e;
  Deque<int, 2> other = {1};
  DequeRef<int> r = d;
  DequeRef<int> re = e;
  DequeRef<int> ro = other;
  HEAPLESS_CHECK_RAISES(precondition, r.unchecked_push_back(3));
  HEAPLESS_CHECK_RAISES(precondition, r.unchecked_push_front(3));
  HEAPLESS_CHECK_RAISES(precondition, r[2]);
  HEAPLESS_CHECK_RAISES(precondition, re.front());
  HEAPLESS_CHECK_RAISES(precondition, re.back());
  HEAPLESS_CHECK_RAISES(precondition, re.pop_front());
  HEAPLESS_CHECK_RAISES(precondition, re.pop_back());
  HEAPLESS_CHECK_RAISES(precondition, r.pop_front(3));
  HEAPLESS_CHECK_RAISES(precondition, r.pop_back(3));
  HEAPLESS_CHECK_RAISES(precondition, r.erase(ro.begin()));
  HEAPLESS_CHECK_RAISES(precondition, r.erase(r.end()));
  HEAPLESS_CHECK_RAISES(precondition, *r.end());
}
#endif

TEST_CASE("DequeRef<const T>: the read-only view", "[deque][deque_ref][const]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  Deque<int, 5> d;
  rotate_empty(d, 3);
  for (int i = 1; i <= 4; ++i) d.push_back(i);  // wraps: slots 3 4 | 0 1
  const Deque<int, 5>& cd = d;
  DequeRef<const int> a = cd;
  DequeRef<int> m = d;
  DequeRef<const int> b = m;
  DequeRef<const int> c = d;
  static_assert(std::is_same_v<DequeRef<const int>::reference, const int&>);
  static_assert(std::is_same_v<decltype(*a.begin()), const int&>);
  static_assert(!std::is_assignable_v<decltype(a[0]), int>);
  static_assert(!std::is_convertible_v<DequeRef<const int>, DequeRef<int>>);
  static_assert(!std::is_constructible_v<DequeRef<int>, const Deque<int, 5>&>);
  CHECK(values_are(a, {1, 2, 3, 4}));
  CHECK(a.size() == 4);
  CHECK(a.capacity() == 5);
  CHECK(!a.empty());
  CHECK(!a.full());
  CHECK(a.front() == 1);
  CHECK(a.back() == 4);
  CHECK(a.at(2) == 3);
  HEAPLESS_CHECK_RAISES(out_of_range, a.at(4));
  const auto [s1, s2] = a.as_spans();
  CHECK(s1.size() == 2);
  CHECK(s2.size() == 2);
  CHECK(s1[0] == 1);
  CHECK(s2[1] == 4);
  CHECK(a == b);
  CHECK(b == c);
  CHECK(std::count(a.cbegin(), a.cend(), 3) == 1);
  CHECK(*a.crbegin() == 4);
  CHECK(*(a.crend() - 1) == 1);
  CHECK(sum(a) == 10);
  Deque<int, 7> longer = {1, 2, 3, 4, 5};
  CHECK(a < DequeRef<const int>(longer));
  CHECK(DequeRef<const int>(longer) > a);
  CHECK(a != DequeRef<const int>(longer));
  CHECK(a <= b);
  CHECK(a >= b);
}

TEST_CASE("DequeRef: iterators, std algorithms and back_inserter", "[deque][deque_ref][iterators]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  Deque<int, 6> d;
  rotate_empty(d, 4);
  DequeRef<int> r = d;
  auto out = std::back_inserter(r);
  for (int v : {5, 3, 6, 1, 4, 2}) *out++ = v;
  CHECK(d.full());
  std::sort(r.begin(), r.end());
  CHECK(values_are(d, {1, 2, 3, 4, 5, 6}));
  CHECK(std::lower_bound(r.begin(), r.end(), 4) - r.begin() == 3);
  CHECK(std::find(r.cbegin(), r.cend(), 5) == r.cbegin() + 4);
  // Iterators hold (elements, capacity, index): they outlive the view object.
  DequeRef<int>::iterator it;
  {
    DequeRef<int> tmp = d;
    it = tmp.begin() + 2;
  }
  CHECK(*it == 3);
  *it = 30;
  CHECK(d[2] == 30);
  DequeRef<int>::const_iterator cit = it;  // iterator -> const_iterator
  CHECK(cit == it);
  CHECK(cit[1] == 4);
  CHECK(it - r.begin() == 2);
  CHECK(r.rbegin()[0] == 6);
  CHECK((r.rend() - 1)[0] == 1);
  // Iterators are logical positions: make_contiguous keeps them meaningful.
  const auto span = r.make_contiguous();
  CHECK(span.size() == 6);
  CHECK(span[2] == 30);
  CHECK(*it == 30);
  CHECK(r.as_spans().second.empty());
}

TEST_CASE("DequeRef: comparisons between views and against owners", "[deque][deque_ref]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  Deque<int, 4> a = {1, 2, 3};
  Deque<int, 9> b = {1, 2, 3};
  Deque<int, 9> c = {1, 2, 4};
  CHECK((DequeRef<int>(a) == DequeRef<int>(b)));
  CHECK((DequeRef<int>(a) == b));  // the owner converts
  CHECK((DequeRef<int>(a) != c));
  CHECK((DequeRef<int>(a) < c));
  CHECK((DequeRef<int>(c) > b));
  CHECK((DequeRef<int>(a) <= b));
  CHECK((DequeRef<int>(c) >= a));
}

namespace {
template <class T>
void exercise_matrix() {
  HEAPLESS_NO_ALLOC_SCOPE;
  HEAPLESS_LIFETIME_CHECK;
  {
    Deque<T, 8> d;
    rotate_empty(d, 5);
    DequeRef<T> r = d;
    for (int i = 0; i < 5; ++i) r.push_back(make<T>(i));
    CHECK(values_are(d, {0, 1, 2, 3, 4}));
    T* p = r.try_emplace_front(make<T>(-1));
    REQUIRE(p != nullptr);
    CHECK(value_of(*p) == -1);
    r.unchecked_emplace_back(make<T>(5));
    r.pop_front();
    r.pop_back();
    auto o = r.try_pop_front();
    REQUIRE(o.has_value());
    CHECK(value_of(*o) == 0);
    r.emplace(r.cbegin() + 2, make<T>(9));
    CHECK(values_are(r, {1, 2, 9, 3, 4}));
    r.erase(r.cbegin() + 1, r.cbegin() + 3);
    CHECK(values_are(r, {1, 3, 4}));
    for (int i = 5; i < 10; ++i) r.push_back(make<T>(i));
    CHECK(r.full());
    r.make_contiguous();
    CHECK(values_are(d, {1, 3, 4, 5, 6, 7, 8, 9}));
    r.pop_front(3);
    r.emplace_back(make<T>(10));
    r.make_contiguous();
    CHECK(values_are(r, {5, 6, 7, 8, 9, 10}));
    Deque<T, 3> other;
    other.push_back(make<T>(20));
    DequeRef<T> ro = other;
    r.pop_back(4);
    r.swap(ro);
    CHECK(values_are(d, {20}));
    CHECK(values_are(other, {5, 6}));
    r.resize(4);
    CHECK(r.size() == 4);
    CHECK(erase_if(r, [](const T& x) { return value_of(x) == 20; }) == 1);
    CHECK(r.size() == 3);
    // Qualified, as for a Deque: heapless::erase_if / heapless::erase take the view too.
    r.push_back(make<T>(30));
    r.push_back(make<T>(31));
    CHECK(heapless::erase_if(r, [](const T& x) { return value_of(x) == 30; }) == 1);
    CHECK(r.size() == 4);
    CHECK(heapless::erase_if(r, [](const T& x) { return value_of(x) == 31; }) == 1);
    CHECK(r.size() == 3);
    r.clear();
    CHECK(d.empty());
  }
  if constexpr (std::is_copy_constructible_v<T>) {
    Deque<T, 6> d;
    rotate_empty(d, 4);
    DequeRef<T> r = d;
    const T x = make<T>(7);
    r.push_back(make<T>(1));
    r.push_back(x);
    r.push_front(x);
    r.insert(r.cbegin() + 1, 2, x);
    CHECK(values_are(d, {7, 7, 7, 1, 7}));
    r.assign(2, x);
    r.resize(4, x);
    CHECK(values_are(d, {7, 7, 7, 7}));
    const T src[] = {make<T>(3), make<T>(4)};
    r.insert(r.cbegin() + 2, src, src + 2);
    CHECK(values_are(d, {7, 7, 3, 4, 7, 7}));
  }
}
}  // namespace

TEST_CASE("DequeRef matrix: lifetimes and moves for every element type", "[deque][deque_ref][matrix]") {
  heapless::test::for_each_type<trivial, counted, move_only, throwing, overaligned>(
      [](auto tag) { exercise_matrix<typename decltype(tag)::type>(); });
  HEAPLESS_NO_ALLOC_SCOPE;
  Deque<overaligned, 4> d;
  rotate_empty(d, 3);
  DequeRef<overaligned> r = d;
  for (int i = 0; i < 4; ++i) r.push_back(overaligned(i));
  for (const overaligned& o : r) CHECK(reinterpret_cast<std::uintptr_t>(&o) % 64 == 0);
  CHECK(heapless::test::counters().errors.load() == 0);
}

#if HEAPLESS_HAS_EXCEPTIONS
TEST_CASE("DequeRef throwing: the strong guarantee holds through the view", "[deque][deque_ref][exceptions]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  HEAPLESS_LIFETIME_CHECK;
  const auto throws = [](auto&& f) { return heapless::test::throws_test_exception(f); };
  Deque<throwing, 8> d;
  rotate_empty(d, 6);
  DequeRef<throwing> r = d;
  for (int i = 1; i < 4; ++i) r.push_back(throwing(i));
  const throwing x(9);
  throwing::throw_after(0);
  CHECK(throws([&] { r.push_back(x); }));
  throwing::throw_after(0);
  CHECK(throws([&] { r.push_front(x); }));
  const throwing src[] = {throwing(5), throwing(6), throwing(7)};
  for (long k = 0; k < 3; ++k) {
    throwing::throw_after(k);
    CHECK(throws([&] { r.push_back(src, src + 3); }));
    throwing::throw_after(k);
    CHECK(throws([&] { r.insert(r.cbegin() + 1, src, src + 3); }));
    throwing::throw_after(k);
    CHECK(throws([&] { r.insert(r.cbegin() + 2, 3, x); }));
    CHECK(values_are(d, {1, 2, 3}));
  }
}
#endif

TEST_CASE("DequeRef: heapless::erase and heapless::erase_if, qualified as for a Deque", "[deque_ref]") {
  heapless::Deque<int, 6> d = {1, 2, 2, 3, 2};
  const DequeRef<int> r = d;
  CHECK(heapless::erase(r, 2) == 3);
  CHECK(values_are(d, {1, 3}));
  CHECK(heapless::erase_if(r, [](int x) { return x > 2; }) == 1);
  CHECK(values_are(d, {1}));
  CHECK(heapless::erase(r, 7) == 0);
  CHECK(erase(r, 1) == 1);  // unqualified: the same function
  CHECK(d.empty());
}
