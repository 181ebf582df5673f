// binary_heap_test.cpp - heapless::BinaryHeap<T, N, Compare>: every member,
// the three error tiers, layout (size, triviality, empty compare), constant
// evaluation (C++20) and the element-type matrix (lifetimes exact, no
// allocation, the throwing type leaves every element alive exactly once).
#include "support/test.hpp"

#include <cstddef>      // std::size_t
#include <optional>     // try_pop's result
#include <type_traits>  // layout checks
#include <utility>      // std::move

#include <heapless/binary_heap.hpp>

#if HEAPLESS_CPP20
#include <span>
#endif

#include "support/ordered.hpp"
#include "support/ordered_workout.hpp"

using heapless::BinaryHeap;
using heapless::max_heap;
using heapless::min_heap;
using heapless::Vec;
using heapless::test::counted;
using heapless::test::drains_as;
using heapless::test::is_heap;
using heapless::test::make;
using heapless::test::mod_less;
using heapless::test::move_only;
using heapless::test::overaligned;
using heapless::test::throwing;
using heapless::test::trivial;
using heapless::test::value_of;

TEST_CASE("BinaryHeap: layout", "[binary_heap]") {
  STATIC_REQUIRE(sizeof(BinaryHeap<int, 1024>) == sizeof(Vec<int, 1024>));
  STATIC_REQUIRE(sizeof(min_heap<int, 1024>) == 4100);
  STATIC_REQUIRE(sizeof(max_heap<std::uint8_t, 15>) == 16);
  STATIC_REQUIRE(sizeof(BinaryHeap<int, 8, mod_less>) > sizeof(Vec<int, 8>));
  STATIC_REQUIRE(std::is_trivially_copyable_v<max_heap<int, 8>>);
  STATIC_REQUIRE(std::is_trivially_copyable_v<min_heap<trivial, 8>>);
  STATIC_REQUIRE(!std::is_trivially_copyable_v<max_heap<counted, 8>>);
  STATIC_REQUIRE(!std::is_copy_constructible_v<max_heap<move_only, 8>>);
  STATIC_REQUIRE(std::is_nothrow_move_constructible_v<max_heap<move_only, 8>>);
  STATIC_REQUIRE(max_heap<int, 5>::capacity() == 5);
  STATIC_REQUIRE(max_heap<int, 5>::max_size() == 5);
  static_assert(std::is_same_v<max_heap<int, 4>::container_type, Vec<int, 4>>);
}

TEST_CASE("BinaryHeap: push, top, pop in priority order", "[binary_heap]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  max_heap<int, 16> h;
  CHECK(h.empty());
  CHECK(h.size() == 0);
  for (int x : {5, 1, 9, 3, 7, 9, 0, 4}) {
    h.push(x);
    CHECK(is_heap(h));
  }
  const int two = 2;
  h.push(two);  // lvalue
  h.emplace(8);
  CHECK(h.size() == 10);
  CHECK(h.top() == 9);
  CHECK(drains_as(h, {9, 9, 8, 7, 5, 4, 3, 2, 1, 0}));

  min_heap<int, 16> m;
  for (int x : {5, 1, 9, 3}) m.push(x);
  CHECK(m.top() == 1);
  CHECK(drains_as(m, {1, 3, 5, 9}));

  // top() as push's argument (aliasing an element).
  max_heap<int, 4> a = {1, 2};
  a.push(a.top());
  CHECK(drains_as(a, {2, 2, 1}));
}

TEST_CASE("BinaryHeap: the three error tiers", "[binary_heap]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  max_heap<int, 3> h;
  CHECK(h.try_push(1));
  CHECK(h.try_emplace(3));
  h.unchecked_push(2);
  CHECK(h.full());
  CHECK_FALSE(h.try_push(4));
  const int five = 5;
  CHECK_FALSE(h.try_push(five));
  CHECK_FALSE(h.try_emplace(6));
  HEAPLESS_CHECK_RAISES(bad_alloc, h.push(7));
  HEAPLESS_CHECK_RAISES(bad_alloc, h.push(five));
  HEAPLESS_CHECK_RAISES(bad_alloc, h.emplace(7));
  CHECK(drains_as(h, {3, 2, 1}));
  h.unchecked_push(five);
  h.unchecked_emplace(6);
  CHECK(drains_as(h, {6, 5}));

  const int src[] = {1, 2, 3, 4};
  HEAPLESS_CHECK_RAISES(bad_alloc, max_heap<int, 3>(src, src + 4));
  HEAPLESS_CHECK_RAISES(bad_alloc, max_heap<int, 3>({1, 2, 3, 4}));

  // A failed try_push of an rvalue does not move from it.
  max_heap<move_only, 1> mo;
  CHECK(mo.try_push(move_only(1)));
  move_only keep(7);
  CHECK_FALSE(mo.try_push(std::move(keep)));
  CHECK(keep.get() == 7);
}

TEST_CASE("BinaryHeap: construction from a range heapifies", "[binary_heap]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  const int src[] = {4, 8, 1, 9, 2, 7, 3, 6, 5, 0};
  max_heap<int, 10> a(src, src + 10);
  CHECK(a.full());
  CHECK(is_heap(a));
  CHECK(drains_as(a, {9, 8, 7, 6, 5, 4, 3, 2, 1, 0}));
  min_heap<int, 10> b = {4, 8, 1};
  CHECK(drains_as(b, {1, 4, 8}));
  BinaryHeap<int, 8> c(Vec<int, 8>{3, 1, 2});
  CHECK(drains_as(c, {3, 2, 1}));
  BinaryHeap<int, 8, mod_less> c2(mod_less{4}, Vec<int, 8>{3, 5, 6});  // std::priority_queue's order
  CHECK(c2.value_comp().mod == 4);
  CHECK(is_heap(c2));
  CHECK(drains_as(c2, {3, 6, 5}));
  min_heap<int, 8> c3(std::greater<int>(), Vec<int, 8>{7, 2, 5});
  CHECK(drains_as(c3, {2, 5, 7}));
  BinaryHeap<int, 8, mod_less> d({13, 21, 9, 45}, mod_less{10});
  CHECK(drains_as(d, {9, 45, 13, 21}));
  BinaryHeap<int, 8, mod_less> e(mod_less{3});
  for (int x : {4, 5, 3}) e.push(x);
  CHECK(e.value_comp().mod == 3);
  CHECK(drains_as(e, {5, 4, 3}));
  max_heap<int, 4> empty_range(src, src);
  CHECK(empty_range.empty());
}

TEST_CASE("BinaryHeap: try_pop, replace_top", "[binary_heap]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  max_heap<int, 8> h = {5, 2, 8};
  std::optional<int> t = h.try_pop();
  REQUIRE(t.has_value());
  CHECK(*t == 8);
  CHECK(h.replace_top(1) == 5);
  CHECK(h.top() == 2);
  CHECK(h.replace_top(9) == 2);
  CHECK(drains_as(h, {9, 1}));
  CHECK_FALSE(h.try_pop().has_value());
  h.push(4);
  CHECK(h.replace_top(3) == 4);  // one element
  CHECK(drains_as(h, {3}));
}

TEST_CASE("BinaryHeap: top_mut re-sifts when released", "[binary_heap]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  max_heap<int, 16> h = {10, 20, 30, 40, 50, 60};
  {
    auto m = h.top_mut();
    CHECK(*m == 60);
    *m = 5;  // goes down
  }
  CHECK(is_heap(h));
  CHECK(h.top() == 50);
  {
    auto m = h.top_mut();
    *m = 55;  // stays
    auto moved = std::move(m);
    CHECK(*moved == 55);
  }
  CHECK(h.top() == 55);
  {
    auto m = h.top_mut();
    CHECK(m.pop() == 55);
  }
  CHECK(is_heap(h));
  CHECK(drains_as(h, {40, 30, 20, 10, 5}));
  struct pair {
    int key;
    int other;
    bool operator<(const pair& o) const noexcept { return key < o.key; }
  };
  max_heap<pair, 4> p = {{1, 0}, {2, 0}};
  {
    auto m = p.top_mut();
    m->key = 0;
    m->other = 7;
  }
  CHECK(p.top().key == 1);
  p.pop();
  CHECK(p.top().other == 7);
  max_heap<int, 2> one = {3};
  { *one.top_mut() = 4; }
  CHECK(one.top() == 4);
}

TEST_CASE("BinaryHeap: unordered iteration and as_span", "[binary_heap]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  max_heap<int, 8> h = {3, 1, 4, 1, 5};
  int sum = 0;
  std::size_t count = 0;
  for (int x : h) {
    sum += x;
    ++count;
  }
  CHECK(sum == 14);
  CHECK(count == 5);
  CHECK(*h.begin() == 5);
  CHECK(h.cend() - h.cbegin() == 5);
  const auto s = h.as_span();
  CHECK(s.size() == 5);
  CHECK_FALSE(s.empty());
  CHECK(s.data() == h.data());
  CHECK(s[0] == 5);
  CHECK(s.begin() == h.begin());
  CHECK(s.end() == h.end());
  max_heap<int, 8> e;
  CHECK(e.begin() == e.end());
  CHECK(e.as_span().empty());
#if defined(__cpp_lib_ranges)
  // A borrowed range, as std::span: the span returned by value converts.
  static_assert(std::ranges::borrowed_range<decltype(h.as_span())>);
  const std::span<const int> ss = h.as_span();
  CHECK(ss.size() == 5);
  CHECK(ss[0] == 5);
#endif
}

TEST_CASE("BinaryHeap: into_sorted, into_vec, clear, swap", "[binary_heap]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  max_heap<int, 16> h = {9, 3, 7, 1, 8, 2, 2, 6};
  Vec<int, 16> s = std::move(h).into_sorted();
  CHECK(s == Vec<int, 16>{1, 2, 2, 3, 6, 7, 8, 9});
  CHECK(h.empty());
  min_heap<int, 16> m = {9, 3, 7};
  CHECK((std::move(m).into_sorted() == Vec<int, 16>{9, 7, 3}));
  max_heap<int, 4> one = {1};
  CHECK((std::move(one).into_sorted() == Vec<int, 4>{1}));
  max_heap<int, 4> none;
  CHECK(std::move(none).into_sorted().empty());
  max_heap<int, 4> v = {1, 2, 3};
  Vec<int, 4> raw = std::move(v).into_vec();
  CHECK(raw.size() == 3);
  CHECK(raw[0] == 3);
  CHECK(v.empty());

  // on an lvalue: the same in-place sort, and the heap is left empty
  max_heap<int, 8> l = {5, 1, 4};
  const Vec<int, 8> ls = l.into_sorted();
  CHECK(ls == Vec<int, 8>{1, 4, 5});
  CHECK(l.empty());
  l.push(2);
  CHECK(l.top() == 2);
  l.push(3);
  const Vec<int, 8> lv = l.into_vec();
  CHECK(lv.size() == 2);
  CHECK(lv[0] == 3);
  CHECK(l.empty());
  // into an output iterator: ascending, returns out advanced, leaves it empty
  min_heap<int, 8> o = {6, 2, 9, 4};
  int out[8] = {};
  int* end = o.into_sorted(out);
  CHECK(end == out + 4);
  CHECK(out[0] == 9);
  CHECK(out[3] == 2);
  CHECK(o.empty());
  CHECK(o.into_sorted(out) == out);  // empty: nothing written

  max_heap<int, 4> a = {1, 2};
  max_heap<int, 4> b = {7};
  a.swap(b);
  CHECK(a.top() == 7);
  CHECK(b.top() == 2);
  swap(a, b);
  CHECK(a.top() == 2);
  BinaryHeap<int, 4, mod_less> x(mod_less{3});
  BinaryHeap<int, 4, mod_less> y(mod_less{5});
  x.swap(y);
  CHECK(x.value_comp().mod == 5);
  a.clear();
  CHECK(a.empty());
  a.push(1);
  CHECK(a.top() == 1);

  max_heap<int, 4> copy = b;
  CHECK(copy.top() == 7);
  copy = a;
  CHECK(copy.top() == 1);
}

TEST_CASE("BinaryHeap: custom comparisons", "[binary_heap]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  const auto by_abs = [](int a, int b) { return (a < 0 ? -a : a) < (b < 0 ? -b : b); };
  BinaryHeap<int, 8, decltype(by_abs)> h(by_abs);
  static_assert(sizeof(h) == sizeof(Vec<int, 8>));
  for (int x : {-3, 1, -9, 4}) h.push(x);
  CHECK(drains_as(h, {-9, 4, -3, 1}));
}

#if HEAPLESS_CPP20
namespace {
constexpr int constant_heap() {
  max_heap<int, 8> h = {4, 1, 7};
  h.push(3);
  h.emplace(9);
  (void)h.try_push(2);
  h.replace_top(0);
  { *h.top_mut() = 8; }
  int s = 0;
  while (!h.empty()) {
    s = s * 10 + h.top();
    h.pop();
  }
  min_heap<int, 4> m = {3, 1, 2};
  const Vec<int, 4> v = std::move(m).into_sorted();
  return s * 1000 + v[0] * 100 + v[1] * 10 + v[2];
}
constexpr max_heap<int, 4> constant_object() {
  max_heap<int, 4> h = {2};  // the list constructor initialises every slot in constant evaluation
  h.push(5);
  return h;
}
}  // namespace
TEST_CASE("BinaryHeap: constant evaluation (C++20)", "[binary_heap]") {
  STATIC_REQUIRE(constant_heap() == 843210321);
  constexpr max_heap<int, 4> h = constant_object();
  STATIC_REQUIRE(h.top() == 5);
  static constinit max_heap<int, 16> st;
  CHECK(st.empty());
}
#endif

// ---- Element-type matrix ---------------------------------------------------
namespace {
template <class T>
void exercise() {
  HEAPLESS_NO_ALLOC_SCOPE;
  HEAPLESS_LIFETIME_CHECK;
  using H = max_heap<T, 8>;
  H h;
  heapless::test::heap_workout<T>(h);
  H moved(std::move(h));
  h.clear();
  CHECK(drains_as(moved, {5, 4, 3, 2, 1, 0}));
  for (int x : {2, 9, 4}) moved.push(make<T>(x));
  const Vec<T, 8> s = std::move(moved).into_sorted();
  REQUIRE(s.size() == 3);
  CHECK(value_of(s[0]) == 2);
  CHECK(value_of(s[2]) == 9);
  H other;
  other.push(make<T>(1));
  H target;
  target = std::move(other);
  CHECK(value_of(target.top()) == 1);
  if constexpr (std::is_copy_constructible_v<T>) {
    H copy(target);
    CHECK(value_of(copy.top()) == 1);
    copy.push(make<T>(3));
    target = copy;
    CHECK(target.size() == 2);
    CHECK(value_of(target.top()) == 3);
  }
}
}  // namespace

TEST_CASE("BinaryHeap: element-type matrix", "[binary_heap][matrix]") {
  exercise<trivial>();
  exercise<counted>();
  exercise<move_only>();
  exercise<throwing>();
  exercise<overaligned>();
}

#if HEAPLESS_HAS_EXCEPTIONS && !HEAPLESS_ERROR_HANDLER
TEST_CASE("BinaryHeap: a throwing move leaves every element alive once", "[binary_heap][matrix]") {
  for (long k = 0; k < 12; ++k) {
    HEAPLESS_LIFETIME_CHECK;
    max_heap<throwing, 16> h;
    for (int x = 0; x < 10; ++x) h.push(throwing(x));
    const std::size_t before = h.size();
    throwing::throw_after(k);
    const bool threw = heapless::test::throws_test_exception([&] {
      h.push(throwing(20));
      h.pop();
      h.replace_top(throwing(-1));
    });
    CHECK(h.size() >= before - 1);
    CHECK(h.size() <= before + 1);
    if (!threw) CHECK(is_heap(h));
  }
}
#endif
