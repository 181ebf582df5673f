// vec_modref.cpp - Vec members that return a position computed from an
// argument return exactly that position at every optimisation level
// (tests/modref/modref.hpp: the shape of a check). Each member is checked
// with a trivially copyable element (memmove paths) and a non-trivial one
// (element-wise paths).
#include <heapless/vec.hpp>

#include <type_traits>  // std::is_same_v

#include "modref.hpp"

namespace {

/// Not trivially copyable: Vec takes its element-wise paths.
struct nontrivial {
  int v;
  nontrivial(int x) noexcept : v(x) {}  // NOLINT: implicit, like int
  nontrivial(const nontrivial& o) noexcept : v(o.v) {}
  nontrivial& operator=(const nontrivial& o) noexcept {
    v = o.v;
    return *this;
  }
  ~nontrivial() {}
};

template <class T>
using vec = heapless::Vec<T, 12>;

template <class T>
constexpr const char* element = std::is_same_v<T, int> ? " (int)" : " (non-trivial)";

template <class T>
[[gnu::noinline]] void erase_range() {
  vec<T> a{1, 2, 3, 4, 5};
  auto it = a.erase(a.begin() + 1, a.begin() + 3);
  if (it != a.begin() + 1) modref::fail("Vec::erase(first, last)", element<T>);
  it = a.erase(a.begin() + 2, a.end());
  if (it != a.begin() + 2) modref::fail("Vec::erase(first, last) at the end", element<T>);
}

template <class T>
[[gnu::noinline]] void erase_one() {
  vec<T> a{1, 2, 3, 4, 5};
  auto it = a.erase(a.begin() + 1);
  if (it != a.begin() + 1) modref::fail("Vec::erase(pos)", element<T>);
  it = a.erase(a.end() - 1);
  if (it != a.begin() + 3) modref::fail("Vec::erase(pos) of the last element", element<T>);
}

template <class T>
[[gnu::noinline]] void emplace() {
  vec<T> a{1, 2, 3, 4, 5};
  auto it = a.emplace(a.begin() + 2, 9);
  if (it != a.begin() + 2) modref::fail("Vec::emplace(pos, args)", element<T>);
  it = a.emplace(a.end(), 8);
  if (it != a.begin() + 6) modref::fail("Vec::emplace(end(), args)", element<T>);
}

template <class T>
[[gnu::noinline]] void insert_copy() {
  vec<T> a{1, 2, 3, 4, 5};
  const T x(7);
  auto it = a.insert(a.begin() + 1, x);
  if (it != a.begin() + 1) modref::fail("Vec::insert(pos, const T&)", element<T>);
  it = a.insert(a.end(), x);
  if (it != a.begin() + 6) modref::fail("Vec::insert(end(), const T&)", element<T>);
}

template <class T>
[[gnu::noinline]] void insert_move() {
  vec<T> a{1, 2, 3, 4, 5};
  auto it = a.insert(a.begin() + 3, T(7));
  if (it != a.begin() + 3) modref::fail("Vec::insert(pos, T&&)", element<T>);
  it = a.insert(a.begin(), T(6));
  if (it != a.begin()) modref::fail("Vec::insert(begin(), T&&)", element<T>);
}

template <class T>
[[gnu::noinline]] void insert_fill() {
  vec<T> a{1, 2, 3, 4, 5};
  auto it = a.insert(a.begin() + 2, 3, T(7));
  if (it != a.begin() + 2) modref::fail("Vec::insert(pos, n, value)", element<T>);
  it = a.insert(a.begin() + 1, 0, T(7));
  if (it != a.begin() + 1) modref::fail("Vec::insert(pos, 0, value)", element<T>);
}

template <class T>
[[gnu::noinline]] void insert_range() {
  vec<T> a{1, 2, 3, 4, 5};
  const T src[3] = {7, 8, 9};
  auto it = a.insert(a.begin() + 1, src, src + 3);
  if (it != a.begin() + 1) modref::fail("Vec::insert(pos, first, last)", element<T>);
  it = a.insert(a.begin() + 4, src, src);
  if (it != a.begin() + 4) modref::fail("Vec::insert(pos, first, first)", element<T>);
}

template <class T>
[[gnu::noinline]] void insert_input_range() {
  vec<T> a{1, 2, 3, 4, 5};
  const int src[3] = {7, 8, 9};
  auto it = a.insert(a.begin() + 2, modref::input_iter{src}, modref::input_iter{src + 3});
  if (it != a.begin() + 2) modref::fail("Vec::insert(pos, input first, input last)", element<T>);
  it = a.insert(a.begin(), modref::input_iter{src}, modref::input_iter{src + 1});
  if (it != a.begin()) modref::fail("Vec::insert(begin(), input first, input last)", element<T>);
}

template <class T>
[[gnu::noinline]] void insert_list() {
  vec<T> a{1, 2, 3, 4, 5};
  auto it = a.insert(a.begin() + 1, {7, 8});
  if (it != a.begin() + 1) modref::fail("Vec::insert(pos, il)", element<T>);
  it = a.insert(a.begin() + 5, {9});
  if (it != a.begin() + 5) modref::fail("Vec::insert(pos, il) again", element<T>);
}

[[gnu::noinline]] void try_append() {
  heapless::Vec<int, 6> a{1, 2};
  const int src[6] = {3, 4, 5, 6, 7, 8};
  const int* it = a.try_append(src, src + 2);
  if (it != src + 2) modref::fail("Vec::try_append(first, last) (all fit)");
  it = a.try_append(src, src + 6);
  if (it != src + 2) modref::fail("Vec::try_append(first, last) (until full)");
}

[[gnu::noinline]] void element_access() {
  vec<int> a{1, 2, 3, 4, 5};
  int* p = &a[2];
  if (p != a.begin() + 2) modref::fail("Vec::operator[]");
  p = &a.at(3);
  if (p != a.begin() + 3) modref::fail("Vec::at");
  p = &a.emplace_back(6);
  if (p != a.begin() + 5) modref::fail("Vec::emplace_back");
  p = a.try_push_back(7);
  if (p != a.begin() + 6) modref::fail("Vec::try_push_back");
}

template <class T>
[[gnu::noinline]] void swap_erase() {
  vec<T> a{1, 2, 3, 4, 5};
  auto it = a.swap_erase(a.begin() + 1);
  if (it != a.begin() + 1) modref::fail("Vec::swap_erase(pos)", element<T>);
  it = a.swap_erase(a.begin());
  if (it != a.begin()) modref::fail("Vec::swap_erase(begin())", element<T>);
  it = a.swap_erase(a.end() - 1);
  if (it != a.begin() + 2) modref::fail("Vec::swap_erase(pos) of the last element", element<T>);
}

}  // namespace

int main() {
  erase_range<int>();
  erase_range<nontrivial>();
  erase_one<int>();
  erase_one<nontrivial>();
  emplace<int>();
  emplace<nontrivial>();
  insert_copy<int>();
  insert_copy<nontrivial>();
  insert_move<int>();
  insert_move<nontrivial>();
  insert_fill<int>();
  insert_fill<nontrivial>();
  insert_range<int>();
  insert_range<nontrivial>();
  insert_input_range<int>();
  insert_input_range<nontrivial>();
  insert_list<int>();
  insert_list<nontrivial>();
  swap_erase<int>();
  swap_erase<nontrivial>();
  try_append();
  element_access();
  return modref::result("vec_modref");
}
