// vec_matrix_test.cpp - heapless::Vec<T, N> over the element-type matrix
// (trivial, counted, move_only, throwing, overaligned): every operation keeps
// each element's lifetime exact (HEAPLESS_LIFETIME_CHECK) and allocates
// nothing; the throwing type checks the exception guarantees.
#include "support/test.hpp"

#include <cstdint>  // std::uintptr_t

#include <heapless/vec.hpp>

using heapless::Vec;
using heapless::test::counted;
using heapless::test::make;
using heapless::test::move_only;
using heapless::test::overaligned;
using heapless::test::throwing;
using heapless::test::trivial;
using heapless::test::value_of;
using heapless::test::values_are;

namespace {

template <class V>
void fill(V& v, int from, int to) {
  using T = typename V::value_type;
  for (int i = from; i < to; ++i) v.push_back(make<T>(i));
}

// Every element type: operations that need no copy.
template <class T>
void exercise_moves() {
  HEAPLESS_NO_ALLOC_SCOPE;
  HEAPLESS_LIFETIME_CHECK;
  using V = Vec<T, 8>;
  V v;
  fill(v, 1, 4);  // {1,2,3}
  v.emplace_back(make<T>(4));
  CHECK(values_are(v, {1, 2, 3, 4}));
  v.emplace(v.begin(), make<T>(0));
  v.insert(v.begin() + 2, make<T>(9));
  CHECK(values_are(v, {0, 1, 9, 2, 3, 4}));
  v.erase(v.begin() + 2);
  v.erase(v.begin(), v.begin() + 1);
  CHECK(values_are(v, {1, 2, 3, 4}));
  T* slot = v.try_emplace_back(make<T>(5));
  REQUIRE(slot != nullptr);
  CHECK(value_of(*slot) == 5);
  v.unchecked_emplace_back(make<T>(6));
  v.pop_back();
  CHECK(values_are(v, {1, 2, 3, 4, 5}));

  V moved(std::move(v));
  CHECK(values_are(moved, {1, 2, 3, 4, 5}));
  CHECK(v.size() == 5);  // moved-from elements stay (std::inplace_vector semantics)
  V target;
  fill(target, 7, 9);
  target = std::move(moved);
  CHECK(values_are(target, {1, 2, 3, 4, 5}));
  V shorter;
  fill(shorter, 1, 2);
  target = std::move(shorter);
  CHECK(values_are(target, {1}));

  V other;
  fill(other, 10, 16);
  target.swap(other);
  CHECK(values_are(target, {10, 11, 12, 13, 14, 15}));
  CHECK(values_are(other, {1}));
  swap(target, other);
  CHECK(values_are(target, {1}));

  target.resize(4);
  CHECK(target.size() == 4);
  CHECK(value_of(target[0]) == 1);
  target.resize(1);
  CHECK(values_are(target, {1}));

  V range;
  fill(range, 20, 23);
  target.append(std::make_move_iterator(range.begin()), std::make_move_iterator(range.end()));
  CHECK(values_are(target, {1, 20, 21, 22}));
  V more;
  fill(more, 30, 32);
  target.insert(target.begin() + 1, std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
  CHECK(values_are(target, {1, 30, 31, 20, 21, 22}));
  CHECK(heapless::erase_if(target, [](const T& x) { return value_of(x) >= 30; }) == 2);
  CHECK(values_are(target, {1, 20, 21, 22}));
  target.clear();
  CHECK(target.empty());
  fill(target, 0, 8);
  CHECK(target.full());
  CHECK(target.try_emplace_back(make<T>(9)) == nullptr);
}

// Copyable element types: copies, fills and ranges.
template <class T>
void exercise_copies() {
  HEAPLESS_NO_ALLOC_SCOPE;
  HEAPLESS_LIFETIME_CHECK;
  using V = Vec<T, 8>;
  const T one = make<T>(1);
  V v(3, one);
  CHECK(values_are(v, {1, 1, 1}));
  V copy(v);
  CHECK(copy == v);
  copy.push_back(make<T>(2));
  V assigned;
  fill(assigned, 5, 10);
  assigned = copy;  // shrink
  CHECK(values_are(assigned, {1, 1, 1, 2}));
  V small;
  small = assigned;  // grow
  CHECK(small == assigned);
  const V& alias = small;
  small = alias;  // self-assignment
  CHECK(values_are(small, {1, 1, 1, 2}));
  small.assign(2, make<T>(7));
  CHECK(values_are(small, {7, 7}));
  small.assign(copy.begin(), copy.end());
  CHECK(small == copy);
  small.resize(6, make<T>(3));
  CHECK(values_are(small, {1, 1, 1, 2, 3, 3}));
  small.insert(small.begin() + 1, 2, make<T>(8));
  CHECK(values_are(small, {1, 8, 8, 1, 1, 2, 3, 3}));
  small.erase(small.begin() + 1, small.begin() + 5);
  CHECK(values_are(small, {1, 2, 3, 3}));
  small.insert(small.end() - 1, copy.begin(), copy.begin() + 2);
  CHECK(values_are(small, {1, 2, 3, 1, 1, 3}));
  small.push_back(small[2]);  // an element of the same Vec
  small.insert(small.begin(), small.back());
  CHECK(values_are(small, {3, 1, 2, 3, 1, 1, 3, 3}));
  CHECK(heapless::erase(small, make<T>(3)) == 4);
  CHECK(values_are(small, {1, 2, 1, 1}));
  CHECK(small.try_append(copy.begin(), copy.end()) == copy.end());
  CHECK(values_are(small, {1, 2, 1, 1, 1, 1, 1, 2}));
  V list = {make<T>(4), make<T>(5)};
  CHECK(values_are(list, {4, 5}));
  const bool list_less = list < small;
  CHECK_FALSE(list_less);  // 4 > 1
  CHECK(list != small);
}

}  // namespace

TEST_CASE("Vec matrix: move-only operations keep lifetimes exact", "[vec][matrix]") {
  heapless::test::for_each_type<trivial, counted, move_only, throwing, overaligned>([](auto tag) {
    exercise_moves<typename decltype(tag)::type>();
  });
}

TEST_CASE("Vec matrix: copying operations keep lifetimes exact", "[vec][matrix]") {
  heapless::test::for_each_type<trivial, counted, throwing, overaligned>([](auto tag) {
    exercise_copies<typename decltype(tag)::type>();
  });
}

TEST_CASE("Vec matrix: destruction destroys exactly the live elements", "[vec][matrix]") {
  const long before = heapless::test::counters().live.load();
  {
    HEAPLESS_NO_ALLOC_SCOPE;
    Vec<counted, 6> v = {1, 2, 3};
    v.pop_back();
    CHECK(heapless::test::counters().live.load() == before + 2);
  }
  CHECK(heapless::test::counters().live.load() == before);
}

TEST_CASE("Vec matrix: over-aligned data() is 64-byte aligned", "[vec][matrix]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  HEAPLESS_LIFETIME_CHECK;
  Vec<overaligned, 4> v(4);
  CHECK(reinterpret_cast<std::uintptr_t>(v.data()) % 64 == 0);
  for (const overaligned& o : v) CHECK(reinterpret_cast<std::uintptr_t>(&o) % 64 == 0);
  Vec<overaligned, 4> w(v);
  CHECK(reinterpret_cast<std::uintptr_t>(w.data()) % 64 == 0);
}

// ---- Exception guarantees (throwing: copy/move throws on the k+1-th operation) ----
#if HEAPLESS_HAS_EXCEPTIONS
namespace {
using heapless::test::test_exception;
using heapless::test::throws_test_exception;
}  // namespace

TEST_CASE("Vec throwing: push_back / emplace_back give the strong guarantee", "[vec][matrix][exceptions]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  HEAPLESS_LIFETIME_CHECK;
  Vec<throwing, 4> v;
  fill(v, 1, 3);
  const throwing x(9);
  throwing::throw_after(0);
  CHECK(throws_test_exception([&] { v.push_back(x); }));
  CHECK(values_are(v, {1, 2}));
  throwing::throw_after(0);
  CHECK(throws_test_exception([&] { v.emplace_back(x); }));
  CHECK(values_are(v, {1, 2}));
  throwing y(8);
  throwing::throw_after(0);
  CHECK(throws_test_exception([&] { v.push_back(std::move(y)); }));
  CHECK(values_are(v, {1, 2}));
  throwing::throw_after(0);
  CHECK(throws_test_exception([&] { (void)v.try_push_back(x); }));
  CHECK(values_are(v, {1, 2}));
  v.push_back(x);
  CHECK(values_are(v, {1, 2, 9}));
}

TEST_CASE("Vec throwing: append, resize and sized assign-from-empty roll back", "[vec][matrix][exceptions]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  HEAPLESS_LIFETIME_CHECK;
  Vec<throwing, 8> v;
  fill(v, 1, 3);
  Vec<throwing, 8> src;
  fill(src, 5, 9);
  for (long k = 0; k < 4; ++k) {
    throwing::throw_after(k);
    CHECK(throws_test_exception([&] { v.append(src.begin(), src.end()); }));
    CHECK(values_are(v, {1, 2}));
    throwing::throw_after(k);
    CHECK(throws_test_exception([&] { v.resize(6, src[0]); }));
    CHECK(values_are(v, {1, 2}));
    throwing::throw_after(k);
    CHECK(throws_test_exception([&] { v.insert(v.begin() + 1, src.begin(), src.end()); }));
    CHECK(values_are(v, {1, 2}));  // the new elements are appended first, then rotated
    throwing::throw_after(k);
    CHECK(throws_test_exception([&] { v.insert(v.begin(), 4, src[0]); }));
    CHECK(values_are(v, {1, 2}));
  }
}

TEST_CASE("Vec throwing: a throwing copy constructor leaks nothing", "[vec][matrix][exceptions]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  HEAPLESS_LIFETIME_CHECK;
  Vec<throwing, 8> src;
  fill(src, 1, 6);
  for (long k = 0; k < 5; ++k) {
    throwing::throw_after(k);
    CHECK(throws_test_exception([&] { Vec<throwing, 8> copy(src); }));
    throwing::throw_after(k);
    CHECK(throws_test_exception([&] { Vec<throwing, 8> copy(src.begin(), src.end()); }));
    Vec<throwing, 8> from(src);
    throwing::throw_after(k);
    CHECK(throws_test_exception([&] { Vec<throwing, 8> moved(std::move(from)); }));
    CHECK(from.size() == 5);
  }
  CHECK(values_are(src, {1, 2, 3, 4, 5}));
}

TEST_CASE("Vec throwing: assignment and insert give the basic guarantee", "[vec][matrix][exceptions]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  HEAPLESS_LIFETIME_CHECK;
  Vec<throwing, 8> src;
  fill(src, 1, 7);
  for (long k = 0; k < 6; ++k) {
    Vec<throwing, 8> dst;
    fill(dst, 10, 13);
    throwing::throw_after(k);
    CHECK(throws_test_exception([&] { dst = src; }));
    CHECK(dst.size() <= 6);  // valid, no leak; contents unspecified
    Vec<throwing, 8> ins;
    fill(ins, 20, 25);
    throwing::throw_after(k % 5);  // 5 copies/moves: the temporary, 1 construct, 3 assignments
    CHECK(throws_test_exception([&] { ins.insert(ins.begin() + 2, src[0]); }));
    // std::inplace_vector: the elements before the insertion point are unchanged.
    REQUIRE(ins.size() >= 2);
    CHECK(value_of(ins[0]) == 20);
    CHECK(value_of(ins[1]) == 21);
    Vec<throwing, 8> era;
    fill(era, 30, 35);
    throwing::throw_after(k % 3);
    CHECK(throws_test_exception([&] { era.erase(era.begin()); }));
    CHECK(era.size() == 5);
  }
}
#endif
