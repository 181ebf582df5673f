// vec_test.cpp - heapless::Vec<T, N> behaviour, clause by clause of
// [inplace.vector] (P0843R14), and every error path.
// Element matrix: vec_matrix_test.cpp; layout and constexpr: vec_layout_test.cpp;
// random differential test against std::vector: vec_differential_test.cpp.
#include "support/iterators.hpp"
#include "support/test.hpp"

#include <cstdint>  // std::uint8_t

#include <heapless/vec.hpp>

using heapless::Vec;
using heapless::test::values_are;

namespace {

// Non-pointer iterators: the input-iterator and generic (non-memcpy) paths.
using input_it = heapless::test::input_iterator<int>;
using forward_it = heapless::test::forward_iterator<int>;

}  // namespace

// ---- [inplace.vector.cons] ------------------------------------------------

TEST_CASE("Vec: default construction is empty", "[vec][cons]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  Vec<int, 4> v;
  CHECK(v.empty());
  CHECK(v.size() == 0);
  CHECK_FALSE(v.full());
  CHECK(v.begin() == v.end());
  CHECK(v.capacity() == 4);
  CHECK(v.max_size() == 4);
  static_assert(Vec<int, 4>::capacity() == 4);
  static_assert(noexcept(Vec<int, 4>()));
}

TEST_CASE("Vec: count, count+value, iterator pair, initializer_list constructors", "[vec][cons]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  const Vec<int, 5> a(3);
  CHECK(values_are(a, {0, 0, 0}));
  const Vec<int, 5> b(2, 7);
  CHECK(values_are(b, {7, 7}));
  const int src[] = {1, 2, 3, 4};
  const Vec<int, 5> c(src, src + 4);
  CHECK(values_are(c, {1, 2, 3, 4}));
  const Vec<int, 5> d(forward_it(src), forward_it(src + 3));
  CHECK(values_are(d, {1, 2, 3}));
  const Vec<int, 5> e(input_it(src), input_it(src + 2));
  CHECK(values_are(e, {1, 2}));
  const Vec<int, 5> f = {5, 4, 3, 2, 1};
  CHECK(values_are(f, {5, 4, 3, 2, 1}));
  CHECK(f.full());
  const Vec<int, 5> g(0);
  CHECK(g.empty());
  const Vec<int, 5> h(src, src);
  CHECK(h.empty());
}

TEST_CASE("Vec: constructors raise bad_alloc when the count exceeds N", "[vec][cons][error]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  const int src[] = {1, 2, 3, 4};
  HEAPLESS_CHECK_RAISES(bad_alloc, Vec<int, 3>(4));
  HEAPLESS_CHECK_RAISES(bad_alloc, Vec<int, 3>(4, 1));
  HEAPLESS_CHECK_RAISES(bad_alloc, Vec<int, 3>(src, src + 4));
  HEAPLESS_CHECK_RAISES(bad_alloc, Vec<int, 3>(forward_it(src), forward_it(src + 4)));
  HEAPLESS_CHECK_RAISES(bad_alloc, Vec<int, 3>(input_it(src), input_it(src + 4)));
  HEAPLESS_CHECK_RAISES(bad_alloc, Vec<int, 3>({1, 2, 3, 4}));
}

TEST_CASE("Vec: copy and move construction and assignment", "[vec][cons]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  Vec<int, 4> a = {1, 2, 3};
  Vec<int, 4> b(a);
  CHECK(b == a);
  Vec<int, 4> c(std::move(b));
  CHECK(c == a);
  Vec<int, 4> d = {9};
  d = a;
  CHECK(d == a);
  Vec<int, 4> e;
  e = std::move(d);
  CHECK(e == a);
  e = {4, 5};
  CHECK(values_are(e, {4, 5}));
  HEAPLESS_CHECK_RAISES(bad_alloc, e = {1, 2, 3, 4, 5});
}

// ---- assign ----------------------------------------------------------------

TEST_CASE("Vec: assign in all forms", "[vec][assign]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  Vec<int, 4> v = {1, 2, 3};
  v.assign(2, 9);
  CHECK(values_are(v, {9, 9}));
  v.assign(4, 8);
  CHECK(values_are(v, {8, 8, 8, 8}));
  const int src[] = {5, 6, 7, 8, 9};
  v.assign(src, src + 3);
  CHECK(values_are(v, {5, 6, 7}));
  v.assign(forward_it(src + 1), forward_it(src + 5));
  CHECK(values_are(v, {6, 7, 8, 9}));
  v.assign(input_it(src), input_it(src + 2));
  CHECK(values_are(v, {5, 6}));
  v.assign({1});
  CHECK(values_are(v, {1}));
  v.assign(src, src);
  CHECK(v.empty());
}

TEST_CASE("Vec: assign raises bad_alloc; sized forms change nothing", "[vec][assign][error]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  Vec<int, 4> v = {1, 2};
  const int src[] = {5, 6, 7, 8, 9};
  HEAPLESS_CHECK_RAISES(bad_alloc, v.assign(5, 1));
  CHECK(values_are(v, {1, 2}));
  HEAPLESS_CHECK_RAISES(bad_alloc, v.assign(src, src + 5));
  CHECK(values_are(v, {1, 2}));
  HEAPLESS_CHECK_RAISES(bad_alloc, v.assign(forward_it(src), forward_it(src + 5)));
  CHECK(values_are(v, {1, 2}));
  HEAPLESS_CHECK_RAISES(bad_alloc, v.assign({1, 2, 3, 4, 5}));
  CHECK(values_are(v, {1, 2}));
  // Single-pass input: documented to leave the Vec empty.
  HEAPLESS_CHECK_RAISES(bad_alloc, v.assign(input_it(src), input_it(src + 5)));
  CHECK(v.empty());
}

// ---- Iterators ---------------------------------------------------------------

TEST_CASE("Vec: iterators are contiguous pointers; reverse iterators", "[vec][iterators]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  Vec<int, 4> v = {1, 2, 3};
  const Vec<int, 4>& cv = v;
  static_assert(std::is_same_v<Vec<int, 4>::iterator, int*>);
  static_assert(std::is_same_v<Vec<int, 4>::const_iterator, const int*>);
  CHECK(v.begin() == v.data());
  CHECK(v.end() == v.data() + 3);
  CHECK(cv.begin() == v.cbegin());
  CHECK(cv.end() == v.cend());
  int sum = 0;
  for (int x : v) sum += x;
  CHECK(sum == 6);
  int expect = 3;
  for (auto it = v.rbegin(); it != v.rend(); ++it) CHECK(*it == expect--);
  expect = 3;
  for (auto it = cv.crbegin(); it != cv.crend(); ++it) CHECK(*it == expect--);
  CHECK(cv.rbegin() == v.crbegin());
  CHECK(cv.rend() == v.crend());
  *v.rbegin() = 30;
  CHECK(v.back() == 30);
}

// ---- [inplace.vector.capacity] -----------------------------------------------

TEST_CASE("Vec: resize, reserve, shrink_to_fit", "[vec][capacity]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  Vec<int, 5> v = {1, 2};
  v.resize(4);
  CHECK(values_are(v, {1, 2, 0, 0}));
  v.resize(1);
  CHECK(values_are(v, {1}));
  v.resize(3, 7);
  CHECK(values_are(v, {1, 7, 7}));
  v.resize(3, 9);
  CHECK(values_are(v, {1, 7, 7}));
  v.resize(0, 9);
  CHECK(v.empty());
  v.reserve(0);
  v.reserve(5);
  Vec<int, 5>::reserve(3);
  v.shrink_to_fit();
  CHECK(v.capacity() == 5);
  HEAPLESS_CHECK_RAISES(bad_alloc, v.reserve(6));
  v = {1, 2};
  HEAPLESS_CHECK_RAISES(bad_alloc, v.resize(6));
  CHECK(values_are(v, {1, 2}));
  HEAPLESS_CHECK_RAISES(bad_alloc, v.resize(6, 1));
  CHECK(values_are(v, {1, 2}));
}

// ---- Element access ------------------------------------------------------------

TEST_CASE("Vec: operator[], at, front, back, data", "[vec][access]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  Vec<int, 4> v = {1, 2, 3};
  const Vec<int, 4>& cv = v;
  CHECK(v[0] == 1);
  CHECK(cv[2] == 3);
  CHECK(v.at(1) == 2);
  CHECK(cv.at(2) == 3);
  CHECK(v.front() == 1);
  CHECK(cv.front() == 1);
  CHECK(v.back() == 3);
  CHECK(cv.back() == 3);
  CHECK(*v.data() == 1);
  CHECK(cv.data() == v.data());
  v.at(0) = 10;
  v[1] = 20;
  v.back() = 30;
  CHECK(values_are(v, {10, 20, 30}));
}

TEST_CASE("Vec: at raises out_of_range", "[vec][access][error]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  Vec<int, 4> v = {1, 2, 3};
  const Vec<int, 4>& cv = v;
  HEAPLESS_CHECK_RAISES(out_of_range, v.at(3));
  HEAPLESS_CHECK_RAISES(out_of_range, cv.at(4));
  HEAPLESS_CHECK_RAISES(out_of_range, v.at(static_cast<std::size_t>(-1)));
  Vec<int, 4> e;
  HEAPLESS_CHECK_RAISES(out_of_range, e.at(0));
}

#if HEAPLESS_TEST_CAN_CATCH_ASSERT
TEST_CASE("Vec: preconditions are asserted", "[vec][error][assert]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  Vec<int, 2> v = {1, 2};
  Vec<int, 2> e;
  Vec<int, 2> other = {1};
  HEAPLESS_CHECK_RAISES(precondition, v.unchecked_push_back(3));
  HEAPLESS_CHECK_RAISES(precondition, v.unchecked_emplace_back(3));
  HEAPLESS_CHECK_RAISES(precondition, v[2]);
  HEAPLESS_CHECK_RAISES(precondition, e.front());
  HEAPLESS_CHECK_RAISES(precondition, e.back());
  HEAPLESS_CHECK_RAISES(precondition, e.pop_back());
  HEAPLESS_CHECK_RAISES(precondition, v.erase(v.end()));
  HEAPLESS_CHECK_RAISES(precondition, v.erase(v.begin() + 1, v.begin()));
  HEAPLESS_CHECK_RAISES(precondition, e.insert(other.begin(), 1));
  CHECK(values_are(v, {1, 2}));
}
#endif

// ---- Modifiers at the end --------------------------------------------------------

TEST_CASE("Vec: push_back, emplace_back, pop_back", "[vec][modifiers]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  Vec<int, 3> v;
  int& r = v.push_back(1);
  CHECK(&r == &v[0]);
  const int two = 2;
  CHECK(v.push_back(two) == 2);
  CHECK(&v.emplace_back(3) == v.data() + 2);
  CHECK(v.full());
  HEAPLESS_CHECK_RAISES(bad_alloc, v.push_back(4));
  HEAPLESS_CHECK_RAISES(bad_alloc, v.push_back(two));
  HEAPLESS_CHECK_RAISES(bad_alloc, v.emplace_back(4));
  CHECK(values_are(v, {1, 2, 3}));
  v.pop_back();
  CHECK(values_are(v, {1, 2}));
  v.pop_back();
  v.pop_back();
  CHECK(v.empty());
}

TEST_CASE("Vec: try_push_back / try_emplace_back return nullptr when full", "[vec][modifiers]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  Vec<int, 2> v;
  int* p = v.try_push_back(1);
  REQUIRE(p != nullptr);
  CHECK(p == v.data());
  const int two = 2;
  CHECK(v.try_push_back(two) == v.data() + 1);
  CHECK(v.try_push_back(3) == nullptr);
  CHECK(v.try_push_back(two) == nullptr);
  CHECK(v.try_emplace_back(4) == nullptr);
  CHECK(values_are(v, {1, 2}));
  v.pop_back();
  CHECK(v.try_emplace_back(5) == v.data() + 1);
  CHECK(values_are(v, {1, 5}));
}

TEST_CASE("Vec: try_push_back does not move from a rejected rvalue", "[vec][modifiers]") {
  using heapless::test::move_only;
  HEAPLESS_NO_ALLOC_SCOPE;
  Vec<move_only, 1> v;
  move_only a(1);
  CHECK(v.try_push_back(std::move(a)) != nullptr);
  CHECK(a.get() == -1);  // accepted: moved from
  move_only b(2);
  CHECK(v.try_push_back(std::move(b)) == nullptr);
  CHECK(b.get() == 2);  // rejected: untouched
  CHECK(v.try_emplace_back(std::move(b)) == nullptr);
  CHECK(b.get() == 2);
}

TEST_CASE("Vec: unchecked_push_back / unchecked_emplace_back", "[vec][modifiers]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  Vec<int, 3> v;
  const int one = 1;
  CHECK(v.unchecked_push_back(one) == 1);
  CHECK(v.unchecked_push_back(2) == 2);
  CHECK(&v.unchecked_emplace_back(3) == v.data() + 2);
  CHECK(values_are(v, {1, 2, 3}));
}

TEST_CASE("Vec: push_back of an element of the same Vec", "[vec][modifiers]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  Vec<int, 4> v = {1, 2};
  v.push_back(v[0]);
  v.push_back(v.back());
  CHECK(values_are(v, {1, 2, 1, 1}));
}

TEST_CASE("Vec: append is all-or-nothing", "[vec][modifiers][append]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  const int src[] = {1, 2, 3, 4, 5, 6};
  Vec<int, 5> v = {0};
  v.append(src, src + 2);
  CHECK(values_are(v, {0, 1, 2}));
  v.append(src, src);
  CHECK(values_are(v, {0, 1, 2}));
  HEAPLESS_CHECK_RAISES(bad_alloc, v.append(src, src + 3));
  CHECK(values_are(v, {0, 1, 2}));
  HEAPLESS_CHECK_RAISES(bad_alloc, v.append(forward_it(src), forward_it(src + 3)));
  CHECK(values_are(v, {0, 1, 2}));
  HEAPLESS_CHECK_RAISES(bad_alloc, v.append(input_it(src), input_it(src + 3)));
  CHECK(values_are(v, {0, 1, 2}));  // input iterators: appended elements removed again
  HEAPLESS_CHECK_RAISES(bad_alloc, v.append({7, 8, 9}));
  CHECK(values_are(v, {0, 1, 2}));
  v.append(input_it(src + 3), input_it(src + 4));
  v.append({9});
  CHECK(values_are(v, {0, 1, 2, 4, 9}));
  CHECK(v.full());
  v.append(src, src);  // nothing to add to a full Vec: fine
  CHECK(v.size() == 5);
}

TEST_CASE("Vec: try_append returns the first element not inserted", "[vec][modifiers][append]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  const int src[] = {1, 2, 3, 4, 5, 6};
  Vec<int, 4> v = {0};
  CHECK(v.try_append(src, src + 2) == src + 2);
  CHECK(values_are(v, {0, 1, 2}));
  CHECK(v.try_append(src + 2, src + 6) == src + 3);
  CHECK(values_are(v, {0, 1, 2, 3}));
  CHECK(v.try_append(src, src + 1) == src);
  v = {0};
  CHECK(v.try_append(forward_it(src), forward_it(src + 6)) == forward_it(src + 3));
  CHECK(values_are(v, {0, 1, 2, 3}));
  v = {0, 1};
  input_it rest = v.try_append(input_it(src + 4), input_it(src + 6));
  CHECK(rest == input_it(src + 6));
  CHECK(values_are(v, {0, 1, 5, 6}));
  Vec<int, 4> e;
  CHECK(e.try_append(src, src) == src);
  CHECK(e.empty());
}

// ---- Modifiers anywhere ---------------------------------------------------------

TEST_CASE("Vec: emplace and single-element insert", "[vec][modifiers][insert]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  Vec<int, 6> v = {1, 3};
  auto it = v.insert(v.begin() + 1, 2);
  CHECK(it == v.begin() + 1);
  CHECK(values_are(v, {1, 2, 3}));
  const int zero = 0;
  it = v.insert(v.begin(), zero);
  CHECK(it == v.begin());
  it = v.emplace(v.end(), 4);
  CHECK(it == v.end() - 1);
  CHECK(values_are(v, {0, 1, 2, 3, 4}));
  v.insert(v.begin(), v.back());  // the argument is an element the shift moves
  CHECK(values_are(v, {4, 0, 1, 2, 3, 4}));
  HEAPLESS_CHECK_RAISES(bad_alloc, v.insert(v.begin(), 9));
  HEAPLESS_CHECK_RAISES(bad_alloc, v.insert(v.end(), zero));
  HEAPLESS_CHECK_RAISES(bad_alloc, v.emplace(v.begin() + 2, 9));
  CHECK(values_are(v, {4, 0, 1, 2, 3, 4}));
}

TEST_CASE("Vec: insert n copies, ranges and initializer lists", "[vec][modifiers][insert]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  const int src[] = {7, 8, 9};
  Vec<int, 10> v = {1, 2};
  auto it = v.insert(v.begin() + 1, 2, 5);
  CHECK(it == v.begin() + 1);
  CHECK(values_are(v, {1, 5, 5, 2}));
  it = v.insert(v.begin(), v[3]);
  CHECK(values_are(v, {2, 1, 5, 5, 2}));
  it = v.insert(v.end(), 0, 5);
  CHECK(it == v.end());
  it = v.insert(v.begin() + 2, src, src + 3);
  CHECK(it == v.begin() + 2);
  CHECK(values_are(v, {2, 1, 7, 8, 9, 5, 5, 2}));
  v = {1, 2, 3};
  it = v.insert(v.begin() + 1, forward_it(src), forward_it(src + 2));
  CHECK(it == v.begin() + 1);
  CHECK(values_are(v, {1, 7, 8, 2, 3}));
  it = v.insert(v.begin() + 4, input_it(src + 1), input_it(src + 3));
  CHECK(it == v.begin() + 4);
  CHECK(values_are(v, {1, 7, 8, 2, 8, 9, 3}));
  it = v.insert(v.begin(), {0, 0});
  CHECK(values_are(v, {0, 0, 1, 7, 8, 2, 8, 9, 3}));
  it = v.insert(v.begin() + 3, src, src);
  CHECK(it == v.begin() + 3);
  v = {1, 2};
  it = v.insert(v.begin(), 3, v[1]);  // value is an element the shift moves
  CHECK(values_are(v, {2, 2, 2, 1, 2}));
}

TEST_CASE("Vec: range insert raises bad_alloc and changes nothing", "[vec][modifiers][insert][error]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  const int src[] = {7, 8, 9};
  Vec<int, 4> v = {1, 2};
  HEAPLESS_CHECK_RAISES(bad_alloc, v.insert(v.begin(), 3, 0));
  CHECK(values_are(v, {1, 2}));
  HEAPLESS_CHECK_RAISES(bad_alloc, v.insert(v.begin() + 1, src, src + 3));
  CHECK(values_are(v, {1, 2}));
  HEAPLESS_CHECK_RAISES(bad_alloc, v.insert(v.begin() + 1, forward_it(src), forward_it(src + 3)));
  CHECK(values_are(v, {1, 2}));
  HEAPLESS_CHECK_RAISES(bad_alloc, v.insert(v.begin() + 1, input_it(src), input_it(src + 3)));
  CHECK(values_are(v, {1, 2}));
  HEAPLESS_CHECK_RAISES(bad_alloc, v.insert(v.begin(), {1, 2, 3}));
  CHECK(values_are(v, {1, 2}));
}

TEST_CASE("Vec: erase single elements and ranges; clear", "[vec][modifiers][erase]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  Vec<int, 6> v = {0, 1, 2, 3, 4, 5};
  auto it = v.erase(v.begin());
  CHECK(it == v.begin());
  CHECK(values_are(v, {1, 2, 3, 4, 5}));
  it = v.erase(v.end() - 1);
  CHECK(it == v.end());
  it = v.erase(v.begin() + 1, v.begin() + 3);
  CHECK(it == v.begin() + 1);
  CHECK(values_are(v, {1, 4}));
  it = v.erase(v.begin(), v.begin());
  CHECK(it == v.begin());
  CHECK(values_are(v, {1, 4}));
  it = v.erase(v.cbegin(), v.cend());
  CHECK(it == v.end());
  CHECK(v.empty());
  v = {1, 2};
  v.clear();
  CHECK(v.empty());
}

TEST_CASE("Vec: swap member and free, with unequal sizes", "[vec][modifiers][swap]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  Vec<int, 5> a = {1, 2, 3, 4};
  Vec<int, 5> b = {9};
  a.swap(b);
  CHECK(values_are(a, {9}));
  CHECK(values_are(b, {1, 2, 3, 4}));
  swap(a, b);
  CHECK(values_are(a, {1, 2, 3, 4}));
  CHECK(values_are(b, {9}));
  a.swap(a);
  CHECK(values_are(a, {1, 2, 3, 4}));
  Vec<int, 5> e;
  e.swap(b);
  CHECK(values_are(e, {9}));
  CHECK(b.empty());
}

// ---- Comparisons -------------------------------------------------------------

TEST_CASE("Vec: == != < <= > >= (and <=> under C++20)", "[vec][compare]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  const Vec<int, 4> a = {1, 2, 3};
  const Vec<int, 4> b = {1, 2, 3};
  const Vec<int, 4> c = {1, 2, 4};
  const Vec<int, 4> d = {1, 2};
  const Vec<int, 4> e;
  CHECK(a == b);
  CHECK_FALSE(a != b);
  CHECK(a != c);
  CHECK(a < c);
  CHECK(a <= c);
  CHECK(c > a);
  CHECK(c >= a);
  CHECK(a <= b);
  CHECK(a >= b);
  CHECK(d < a);  // prefix is smaller
  CHECK(e < d);
  CHECK_FALSE(a < d);
  CHECK(a != d);
#if HEAPLESS_HAS_THREE_WAY
  const bool eq = (a <=> b) == 0;
  const bool lt = (a <=> c) < 0;
  const bool gt = (c <=> d) > 0;
  CHECK(eq);
  CHECK(lt);
  CHECK(gt);
  static_assert(std::is_same_v<decltype(a <=> b), std::strong_ordering>);
  // T with only < : synthesised weak ordering.
  using heapless::test::trivial;
  const Vec<trivial, 2> t1 = {trivial{1}};
  const Vec<trivial, 2> t2 = {trivial{2}};
  const bool tlt = (t1 <=> t2) < 0;
  CHECK(tlt);
  CHECK(t1 < t2);
  static_assert(std::is_same_v<decltype(t1 <=> t2), std::weak_ordering>);
#endif
}

// ---- [inplace.vector.erasure] --------------------------------------------------

TEST_CASE("Vec: free erase and erase_if return the number removed", "[vec][erasure]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  Vec<int, 8> v = {1, 2, 1, 3, 1, 4};
  CHECK(heapless::erase(v, 1) == 3);
  CHECK(values_are(v, {2, 3, 4}));
  CHECK(heapless::erase(v, 7) == 0);
  CHECK(heapless::erase_if(v, [](int x) { return x % 2 == 0; }) == 2);
  CHECK(values_are(v, {3}));
  CHECK(erase_if(v, [](int) { return true; }) == 1);  // found by ADL
  CHECK(v.empty());
}

// ---- N == 0 -------------------------------------------------------------------

TEST_CASE("Vec<T, 0>: empty class, every operation compiles and behaves", "[vec][zero]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  static_assert(std::is_empty_v<Vec<int, 0>>);
  static_assert(std::is_trivially_copyable_v<Vec<heapless::test::counted, 0>>);
  static_assert(std::is_empty_v<Vec<heapless::test::overaligned, 0>>);
  Vec<int, 0> v;
  CHECK(v.empty());
  CHECK(v.full());
  CHECK(v.size() == 0);
  CHECK(v.capacity() == 0);
  CHECK(v.begin() == v.end());
  CHECK(v.rbegin() == v.rend());
  CHECK(v.try_push_back(1) == nullptr);
  CHECK(v.try_emplace_back(1) == nullptr);
  const int src[] = {1};
  CHECK(v.try_append(src, src + 1) == src);
  HEAPLESS_CHECK_RAISES(bad_alloc, v.push_back(1));
  HEAPLESS_CHECK_RAISES(bad_alloc, v.emplace_back(1));
  HEAPLESS_CHECK_RAISES(bad_alloc, v.insert(v.begin(), 1));
  HEAPLESS_CHECK_RAISES(bad_alloc, v.append(src, src + 1));
  HEAPLESS_CHECK_RAISES(bad_alloc, v.resize(1));
  HEAPLESS_CHECK_RAISES(bad_alloc, v.reserve(1));
  HEAPLESS_CHECK_RAISES(out_of_range, v.at(0));
  HEAPLESS_CHECK_RAISES(bad_alloc, Vec<int, 0>(1));
  v.append(src, src);
  v.resize(0);
  v.clear();
  v.assign(src, src);
  v.insert(v.begin(), src, src);
  v.erase(v.begin(), v.end());
  Vec<int, 0> w(v);
  w = v;
  w.swap(v);
  CHECK(v == w);
  CHECK_FALSE(v < w);
  CHECK(heapless::erase(v, 1) == 0);
  Vec<heapless::test::move_only, 0> m;
  CHECK(m.try_push_back(heapless::test::move_only(1)) == nullptr);
}

// ---- Explicit instantiation: every member compiles --------------------------------

template class heapless::Vec<int, 8>;
template class heapless::Vec<heapless::test::counted, 8>;
template class heapless::Vec<std::uint8_t, 300>;
template class heapless::Vec<int, 0>;

TEST_CASE("Vec: explicitly instantiated specialisations work", "[vec][instantiation]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  HEAPLESS_LIFETIME_CHECK;
  Vec<heapless::test::counted, 8> v = {1, 2, 3};
  v.insert(v.begin(), 0);
  v.erase(v.begin() + 1);
  CHECK(values_are(v, {0, 2, 3}));
  Vec<std::uint8_t, 300> big(300, std::uint8_t{7});
  CHECK(big.full());
  CHECK(big[299] == 7);
}
