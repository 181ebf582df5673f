// vec_ref_modref.cpp - VecRef members that return a position computed from an
// argument return exactly that position at every optimisation level
// (tests/modref/modref.hpp: the shape of a check).
#include <heapless/vec.hpp>

#include "modref.hpp"

namespace {

[[gnu::noinline]] void erase_range() {
  heapless::Vec<int, 12> v{1, 2, 3, 4, 5};
  const heapless::VecRef<int> a = v;
  auto it = a.erase(a.begin() + 1, a.begin() + 3);
  if (it != a.begin() + 1) modref::fail("VecRef::erase(first, last)");
  if (it != v.begin() + 1) modref::fail("VecRef::erase(first, last)", " (against the Vec)");
  it = a.erase(a.begin() + 2, a.end());
  if (it != a.begin() + 2) modref::fail("VecRef::erase(first, last) at the end");
}

[[gnu::noinline]] void erase_one() {
  heapless::Vec<int, 12> v{1, 2, 3, 4, 5};
  const heapless::VecRef<int> a = v;
  auto it = a.erase(a.begin() + 1);
  if (it != a.begin() + 1) modref::fail("VecRef::erase(pos)");
  if (it != v.begin() + 1) modref::fail("VecRef::erase(pos)", " (against the Vec)");
  it = a.erase(a.end() - 1);
  if (it != a.begin() + 3) modref::fail("VecRef::erase(pos) of the last element");
}

[[gnu::noinline]] void swap_erase() {
  heapless::Vec<int, 12> v{1, 2, 3, 4, 5};
  const heapless::VecRef<int> a = v;
  auto it = a.swap_erase(a.begin() + 1);
  if (it != a.begin() + 1) modref::fail("VecRef::swap_erase(pos)");
  it = a.swap_erase(a.end() - 1);
  if (it != a.end()) modref::fail("VecRef::swap_erase(pos) of the last element");
}

[[gnu::noinline]] void try_append() {
  heapless::Vec<int, 6> v{1, 2};
  const heapless::VecRef<int> a = v;
  const int src[6] = {3, 4, 5, 6, 7, 8};
  const int* it = a.try_append(src, src + 2);
  if (it != src + 2) modref::fail("VecRef::try_append(first, last) (all fit)");
  it = a.try_append(src, src + 6);
  if (it != src + 2) modref::fail("VecRef::try_append(first, last) (until full)");
}

[[gnu::noinline]] void element_access() {
  heapless::Vec<int, 12> v{1, 2, 3, 4, 5};
  const heapless::VecRef<int> a = v;
  int* p = &a[2];
  if (p != v.begin() + 2) modref::fail("VecRef::operator[]");
  p = &a.at(3);
  if (p != v.begin() + 3) modref::fail("VecRef::at");
  p = &a.emplace_back(6);
  if (p != v.begin() + 5) modref::fail("VecRef::emplace_back");
  p = a.try_push_back(7);
  if (p != v.begin() + 6) modref::fail("VecRef::try_push_back");
}


[[gnu::noinline]] void insert_forms() {
  heapless::Vec<int, 16> v{1, 2, 3, 4, 5};
  const heapless::VecRef<int> a = v;
  const int src[2] = {8, 9};
  auto it = a.insert(a.begin() + 1, 7);
  if (it != a.begin() + 1) modref::fail("VecRef::insert(pos, value)");
  it = a.insert(a.begin() + 2, 2, 6);
  if (it != a.begin() + 2) modref::fail("VecRef::insert(pos, n, value)");
  it = a.insert(a.begin() + 3, src, src + 2);
  if (it != a.begin() + 3) modref::fail("VecRef::insert(pos, first, last)");
  it = a.insert(a.begin() + 1, {4});
  if (it != a.begin() + 1) modref::fail("VecRef::insert(pos, il)");
  it = a.emplace(a.begin() + 2, 3);
  if (it != a.begin() + 2) modref::fail("VecRef::emplace(pos, args)");
  it = a.emplace(a.begin() + 4, 5);
  if (it != v.begin() + 4) modref::fail("VecRef::emplace(pos, args)", " (against the Vec)");
}

}  // namespace

int main() {
  erase_range();
  erase_one();
  swap_erase();
  try_append();
  element_access();
  insert_forms();
  return modref::result("vec_ref_modref");
}
