// vec_constexpr_test.cpp - a default-constructed Vec of a trivial type, filled
// and returned by a constexpr function, is a constant (C++20). The default
// constructor still writes nothing at run time (vec_layout_test.cpp checks the
// untouched storage); the slots are value-initialised only when the first
// element is added during constant evaluation.
#include "support/test.hpp"

#include <heapless/vec.hpp>

#include <cstdint>  // std::uint8_t

using heapless::Vec;

#if HEAPLESS_CPP20
namespace {

constexpr Vec<int, 8> pushed() {
  Vec<int, 8> v;
  v.push_back(1);
  v.push_back(2);
  v.emplace_back(3);
  return v;
}

constexpr int pushed_sum() {
  Vec<int, 8> v;
  for (int i = 1; i <= 8; ++i) v.push_back(i);
  return v.back() + v[0];
}

// Emptied and refilled: the refill starts from index 0 again.
constexpr Vec<int, 8> refilled() {
  Vec<int, 8> v;
  v.push_back(5);
  v.clear();
  v.push_back(6);
  Vec<int, 8> copy = v;  // a copy reads every slot
  return copy;
}

// Elements added by other paths than push_back, after default construction.
constexpr Vec<std::uint8_t, 5> other_paths() {
  Vec<std::uint8_t, 5> v;
  v.resize(2, std::uint8_t{7});
  v.insert(v.begin(), std::uint8_t{1});
  const std::uint8_t more[] = {9, 8};
  v.append(more, more + 2);
  v.erase(v.begin() + 1);
  return v;  // {1, 7, 9, 8}
}

struct point {
  int x;
  int y;
};

// clang 13 does not let the assignment of a trivial class object begin the
// lifetime of a union's array element in constant evaluation (clang 14 does):
// Vec of a class type is constexpr there from clang 14 on.
#if !defined(__clang__) || __clang_major__ >= 14
#define VEC_TEST_CONSTEXPR_CLASS 1
constexpr Vec<point, 3> points() {
  Vec<point, 3> v;
  v.push_back(point{1, 2});
  if (v.try_push_back(point{3, 4}) == nullptr) v.clear();
  return v;
}
#else
#define VEC_TEST_CONSTEXPR_CLASS 0
#endif

// An empty default-constructed Vec was always a constant (no slot active).
constexpr Vec<int, 8> empty() { return Vec<int, 8>(); }

constexpr Vec<int, 8> g_pushed = pushed();
constexpr Vec<std::uint8_t, 5> g_other = other_paths();

}  // namespace

static_assert(pushed().size() == 3 && pushed()[2] == 3);
static_assert(pushed_sum() == 9);
static_assert(refilled().size() == 1 && refilled()[0] == 6);
static_assert(g_pushed == Vec<int, 8>{1, 2, 3});
static_assert(g_other == Vec<std::uint8_t, 5>{1, 7, 9, 8});
#if VEC_TEST_CONSTEXPR_CLASS
static_assert(points().size() == 2 && points()[1].y == 4);
#endif
static_assert(empty().empty());

TEST_CASE("Vec: a default-constructed Vec returned from a constexpr function (C++20)",
          "[vec][constexpr]") {
  // The same functions at run time give the same results.
  const Vec<int, 8> v = pushed();
  CHECK(v == g_pushed);
  CHECK(pushed_sum() == 9);
  CHECK(refilled().size() == 1);
  CHECK(other_paths() == g_other);
#if VEC_TEST_CONSTEXPR_CLASS
  CHECK(points()[0].x == 1);
#endif
}
#else
TEST_CASE("Vec: constexpr default-constructed Vec needs C++20", "[vec][constexpr]") {
  const Vec<int, 8> v = {1, 2, 3};
  CHECK(v.size() == 3);
}
#endif
