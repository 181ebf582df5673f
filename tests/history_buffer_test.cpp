// history_buffer_test.cpp - heapless::HistoryBuffer<T, N>: every member, the
// overwrite of the oldest, the three views (iteration, as_spans, storage),
// power-of-two and other N, layout, constexpr, the element-type matrix, and a
// random differential run against a model (the last N values written).
#include "support/iterators.hpp"
#include "support/test.hpp"

#include <cstdint>  // std::uint8_t, std::uint32_t
#include <cstring>  // std::memcpy: relocation
#include <iterator>  // std::distance, std::next, std::prev
#include <type_traits>  // std::is_same_v
#include <utility>  // std::as_const

#include <heapless/history_buffer.hpp>

#if HEAPLESS_CPP20
#include <span>
#endif

using heapless::HistoryBuffer;
using heapless::test::counted;
using heapless::test::make;
using heapless::test::move_only;
using heapless::test::overaligned;
using heapless::test::throwing;
using heapless::test::trivial;
using heapless::test::value_of;

namespace {

// values_are (element_types.hpp), and newest(), as_spans() and storage() agree.
template <class H>
bool history_is(const H& h, std::initializer_list<int> expected) {
  if (!heapless::test::values_are(h, expected)) return false;
  std::size_t i = 0;
  for (int e : expected) {
    if (value_of(h.newest(h.size() - 1 - i++)) != e) return false;
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

using input_it = heapless::test::input_iterator<int>;
using forward_it = heapless::test::forward_iterator<int>;

}  // namespace

TEST_CASE("HistoryBuffer: default construction is empty and constexpr", "[history_buffer]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  constexpr HistoryBuffer<int, 4> c;
  static_assert(c.empty() && !c.full() && c.size() == 0);
  static_assert(c.recent() == nullptr);
  HistoryBuffer<int, 4> h;
  CHECK(h.recent() == nullptr);
  CHECK(h.oldest() == nullptr);
  CHECK(h.begin() == h.end());
  CHECK(h.capacity() == 4);
  CHECK(h.max_size() == 4);
  CHECK(h.storage().empty());
  static_assert(noexcept(HistoryBuffer<int, 4>()));
}

TEST_CASE("HistoryBuffer: push overwrites the oldest once full", "[history_buffer]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  HistoryBuffer<int, 3> h;
  CHECK(h.push(1) == 1);
  const int two = 2;
  h.push(two);
  CHECK(history_is(h, {1, 2}));
  CHECK_FALSE(h.full());
  CHECK(*h.recent() == 2);
  CHECK(*h.oldest() == 1);
  h.push(3);
  CHECK(h.full());
  h.push(4);
  CHECK(history_is(h, {2, 3, 4}));
  CHECK(*h.recent() == 4);
  CHECK(*h.oldest() == 2);
  CHECK(h.newest(0) == 4);
  CHECK(h.newest(2) == 2);
  CHECK(h.at(0) == 2);
  HEAPLESS_CHECK_RAISES(out_of_range, h.at(3));
  h.emplace(5);
  h.emplace(6);
  CHECK(history_is(h, {4, 5, 6}));
  // storage(): every element, storage order (6 was written into slot 2)
  const auto raw = h.storage();
  CHECK(raw.size() == 3);
  CHECK(raw[0] + raw[1] + raw[2] == 15);
  int full_sum = 0;
  for (int x : h.full_storage()) full_sum += x;  // int (&)[3]
  CHECK(full_sum == 15);
  static_assert(sizeof(h.full_storage()) == 3 * sizeof(int));
  CHECK(&std::as_const(h).full_storage()[0] == raw.data());
  const auto spans = h.as_spans();
  CHECK(spans.first.size() == 3);  // six writes into three slots: in order again
  CHECK(spans.second.empty());
  h.push(6);
  CHECK(h.as_spans().first.size() == 2);
  // reverse iteration, newest first; the c forms are the const ones
  const auto& rh = h;
  CHECK(*rh.crbegin() == 6);
  CHECK(std::distance(rh.crbegin(), rh.crend()) == 3);
  CHECK(*std::next(rh.crbegin(), 2) == *rh.oldest());
  static_assert(std::is_same_v<decltype(h.crbegin()), HistoryBuffer<int, 3>::const_reverse_iterator>);
  const heapless::HistoryBufferRef<int> hr = h;
  CHECK(*hr.crbegin() == 6);
  CHECK(hr.crend() - hr.crbegin() == 3);
  CHECK(*std::prev(hr.crend()) == *h.oldest());
  CHECK(h.as_spans().second.size() == 1);
  h.push(4);
  h.push(5);
  h.push(6);
  const HistoryBuffer<int, 3>& ch = h;
  CHECK(*ch.recent() == 6);
  CHECK(*ch.oldest() == 4);
  CHECK(ch.newest(1) == 5);
  CHECK(ch[0] == 4);
  CHECK(ch.at(2) == 6);
  CHECK(ch.storage().size() == 3);
  CHECK(ch.as_spans().first[0] == 4);
  HEAPLESS_CHECK_RAISES(out_of_range, ch.at(5));
  h[0] = 40;
  *h.recent() = 60;
  CHECK(history_is(h, {40, 5, 60}));
  h.clear();
  CHECK(h.empty());
  CHECK(h.recent() == nullptr);
  h.push(7);
  CHECK(history_is(h, {7}));
}

template <std::size_t N>
void wraps_correctly() {
  HistoryBuffer<int, N> h;
  for (int i = 0; i != static_cast<int>(3 * N + 1); ++i) {
    h.push(i);
    const std::size_t expect_size = static_cast<std::size_t>(i) + 1 < N ? static_cast<std::size_t>(i) + 1 : N;
    CHECK(h.size() == expect_size);
    CHECK(*h.recent() == i);
    CHECK(*h.oldest() == i + 1 - static_cast<int>(expect_size));
    int sum = 0;
    for (int x : h.storage()) sum += x;
    int expect_sum = 0;
    for (int k = i + 1 - static_cast<int>(expect_size); k <= i; ++k) expect_sum += k;
    CHECK(sum == expect_sum);
    bool ordered = true;
    std::size_t k = 0;
    for (int x : h) ordered = ordered && x == i + 1 - static_cast<int>(expect_size) + static_cast<int>(k++);
    CHECK(ordered);
  }
}

TEST_CASE("HistoryBuffer: wrap-around for power-of-two and other N", "[history_buffer]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  wraps_correctly<1>();
  wraps_correctly<2>();
  wraps_correctly<5>();
  wraps_correctly<8>();
  wraps_correctly<12>();
}

TEST_CASE("HistoryBuffer: extend, append, fill and the range constructors keep the last N", "[history_buffer]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  const int src[] = {1, 2, 3, 4, 5, 6, 7};
  HistoryBuffer<int, 4> h(src, src + 7);
  CHECK(history_is(h, {4, 5, 6, 7}));
  const HistoryBuffer<int, 4> a(src, src + 2);
  CHECK(history_is(a, {1, 2}));
  const HistoryBuffer<int, 4> b(input_it(src), input_it(src + 6));
  CHECK(history_is(b, {3, 4, 5, 6}));
  const HistoryBuffer<int, 4> c = {1, 2, 3, 4, 5};
  CHECK(history_is(c, {2, 3, 4, 5}));
  h.extend(forward_it(src), forward_it(src + 2));
  CHECK(history_is(h, {6, 7, 1, 2}));
  h.extend(forward_it(src), forward_it(src + 7));
  CHECK(history_is(h, {4, 5, 6, 7}));
  h.append(a);
  CHECK(history_is(h, {6, 7, 1, 2}));
  h.append({9, 8});
  CHECK(history_is(h, {1, 2, 9, 8}));
  h.append(src);  // a built-in array: its last 4
  CHECK(history_is(h, {4, 5, 6, 7}));
  const int two[] = {1, 2};
  h.append(two);
  CHECK(history_is(h, {6, 7, 1, 2}));
  const heapless::HistoryBufferRef<int> hr = h;
  hr.append(src);
  CHECK(history_is(h, {4, 5, 6, 7}));
  hr.append(two);
  CHECK(history_is(h, {6, 7, 1, 2}));
  h.append({9, 8});
  h.extend(src, src);
  CHECK(history_is(h, {1, 2, 9, 8}));
  h.fill(0);
  CHECK(history_is(h, {0, 0, 0, 0}));
  h.push(1);
  h.fill(h[3]);  // an element of the buffer itself
  CHECK(history_is(h, {1, 1, 1, 1}));
  CHECK(h == HistoryBuffer<int, 4>({1, 1, 1, 1}));
  CHECK(h != c);
}

TEST_CASE("HistoryBuffer: random differential against a model", "[history_buffer][differential]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  HEAPLESS_LIFETIME_CHECK;
  std::uint32_t s = 0x2468u;
  const auto next = [&s] {
    s ^= s << 13;
    s ^= s >> 17;
    s ^= s << 5;
    return s;
  };
  HistoryBuffer<counted, 7> h;
  int model[64];  // every value written, in order
  int written = 0;
  int begin = 0;  // model[begin, written) is the expected content
  bool ok = true;
  const long steps = heapless::test::scaled(20000);
  for (long step = 0; step != steps && ok; ++step) {
    if (written > 48) {  // keep the model small: shift it down
      for (int k = begin; k != written; ++k) model[k - begin] = model[k];
      written -= begin;
      begin = 0;
    }
    const std::uint32_t op = next() % 8;
    if (op < 5) {
      const int v = static_cast<int>(next() % 1000);
      if (op < 3) h.push(counted(v));
      else h.emplace(v);
      model[written++] = v;
    } else if (op == 5) {
      int src[10];
      const int n = static_cast<int>(next() % 10);
      for (int k = 0; k != n; ++k) src[k] = static_cast<int>(next() % 1000);
      h.extend(src, src + n);
      for (int k = 0; k != n; ++k) model[written++] = src[k];
    } else if (op == 6 && next() % 16 == 0) {
      h.clear();
      begin = written;
    } else {
      const HistoryBuffer<counted, 7> copy(h);
      ok = ok && copy == h;
    }
    if (written - begin > 7) begin = written - 7;
    ok = ok && h.size() == static_cast<std::size_t>(written - begin);
    for (int k = begin; k != written && ok; ++k) ok = value_of(h[static_cast<std::size_t>(k - begin)]) == model[k];
    if (ok && !h.empty()) ok = value_of(*h.recent()) == model[written - 1];
  }
  CHECK(ok);
}

TEST_CASE("HistoryBuffer: layout: sizes, triviality, relocatable", "[history_buffer][layout]") {
  static_assert(sizeof(HistoryBuffer<float, 64>) == 264);
  static_assert(sizeof(HistoryBuffer<std::uint8_t, 14>) == 16);
  static_assert(std::is_trivially_copyable_v<HistoryBuffer<float, 64>>);
  static_assert(!std::is_trivially_copyable_v<HistoryBuffer<counted, 4>>);
  static_assert(!std::is_copy_constructible_v<HistoryBuffer<move_only, 4>>);
  static_assert(std::is_move_constructible_v<HistoryBuffer<move_only, 4>>);
  HEAPLESS_NO_ALLOC_SCOPE;
  HistoryBuffer<int, 3> a = {1, 2, 3, 4};
  HistoryBuffer<int, 3> b;
  std::memcpy(static_cast<void*>(&b), &a, sizeof a);
  b.push(5);
  CHECK(history_is(b, {3, 4, 5}));
  CHECK(history_is(a, {2, 3, 4}));
}

#if HEAPLESS_CPP20
namespace {
constexpr int constexpr_history() {
  HistoryBuffer<int, 3> h;
  for (int i = 1; i <= 5; ++i) h.push(i);
  int r = 0;
  for (int x : h) r = r * 10 + x;
  return r + *h.recent() * 1000;
}
// Partly filled, then copied or returned: every slot of a constant is set.
constexpr HistoryBuffer<int, 5> constexpr_partial_history() {
  HistoryBuffer<int, 5> h;
  h.push(1);
  h.emplace(2);
  HistoryBuffer<int, 5> c = h;
  return c;
}
}  // namespace
TEST_CASE("HistoryBuffer: usable in constant expressions (C++20, trivial T)", "[history_buffer][constexpr]") {
  static_assert(constexpr_history() == 5345);
  CHECK(constexpr_history() == 5345);
  constexpr HistoryBuffer<int, 5> h = constexpr_partial_history();
  static_assert(h.size() == 2 && *h.recent() == 2 && h[0] == 1);
  CHECK(*h.oldest() == 1);
}
#endif

#if defined(__cpp_lib_ranges)
TEST_CASE("HistoryBuffer: the spans are borrowed ranges (std::span from the returned span)", "[history_buffer]") {
  HistoryBuffer<int, 4> h;
  for (int i = 1; i <= 6; ++i) h.push(i);  // full, wrapped: 3 4 5 6
  static_assert(std::ranges::borrowed_range<decltype(h.storage())>);
  const std::span<int> all = h.storage();
  CHECK(all.size() == 4);
  const std::span<const int> older = std::as_const(h).as_spans().first;
  CHECK(older.size() == 2);
  CHECK(older[0] == 3);
}
#endif

HEAPLESS_CONSTINIT static HistoryBuffer<float, 8> static_history;
TEST_CASE("HistoryBuffer: static instance is constant-initialised", "[history_buffer][layout]") {
  CHECK(static_history.empty());
  static_history.push(1.0f);
  CHECK(static_history.full() == false);
  static_history.clear();
}

namespace {
template <class T>
void exercise() {
  HEAPLESS_NO_ALLOC_SCOPE;
  HEAPLESS_LIFETIME_CHECK;
  HistoryBuffer<T, 4> h;
  for (int i = 0; i != 6; ++i) h.push(make<T>(i));
  CHECK(history_is(h, {2, 3, 4, 5}));
  h.emplace(make<T>(6));
  CHECK(history_is(h, {3, 4, 5, 6}));
  HistoryBuffer<T, 4> moved(std::move(h));
  CHECK(moved.size() == 4);
  HistoryBuffer<T, 4> g;
  g.push(make<T>(9));
  g = std::move(moved);
  CHECK(history_is(g, {3, 4, 5, 6}));
  g.clear();
  g.push(make<T>(1));
  CHECK(history_is(g, {1}));
}
}  // namespace

TEST_CASE("HistoryBuffer matrix: lifetimes for every element type", "[history_buffer][matrix]") {
  heapless::test::for_each_type<trivial, counted, move_only, throwing, overaligned>(
      [](auto tag) { exercise<typename decltype(tag)::type>(); });
}

TEST_CASE("HistoryBuffer matrix: copies keep the age order", "[history_buffer][matrix]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  HEAPLESS_LIFETIME_CHECK;
  HistoryBuffer<counted, 3> h = {1, 2, 3, 4, 5};
  HistoryBuffer<counted, 3> c(h);
  CHECK(c == h);
  CHECK(history_is(c, {3, 4, 5}));
  c.push(6);
  h = c;
  CHECK(history_is(h, {4, 5, 6}));
  h.push(h[0]);  // overwriting the oldest with itself
  CHECK(history_is(h, {5, 6, 4}));
  h.emplace(h.newest(2));  // emplace from the element it replaces
  CHECK(history_is(h, {6, 4, 5}));
}

#if HEAPLESS_HAS_EXCEPTIONS
TEST_CASE("HistoryBuffer throwing: a throwing write changes nothing", "[history_buffer][exceptions]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  HEAPLESS_LIFETIME_CHECK;
  HistoryBuffer<throwing, 2> h;
  h.push(throwing(1));
  const throwing x(9);
  const auto throws = [](auto&& f) { return heapless::test::throws_test_exception(f); };
  throwing::throw_after(0);
  CHECK(throws([&] { h.push(x); }));
  CHECK(history_is(h, {1}));
  h.push(throwing(2));
  throwing::throw_after(0);
  CHECK(throws([&] { h.push(x); }));
  CHECK(history_is(h, {1, 2}));
  throwing::throw_after(0);
  CHECK(throws([&] { h.emplace(x); }));
  CHECK(history_is(h, {1, 2}));
}
#endif

#if HEAPLESS_TEST_CAN_CATCH_ASSERT
TEST_CASE("HistoryBuffer: preconditions are asserted", "[history_buffer][error][assert]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  HistoryBuffer<int, 2> h;
  h.push(1);
  HEAPLESS_CHECK_RAISES(precondition, h[1]);
  HEAPLESS_CHECK_RAISES(precondition, h.newest(1));
  HEAPLESS_CHECK_RAISES(precondition, h.full_storage());
}
#endif
