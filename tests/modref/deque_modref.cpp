// deque_modref.cpp - Deque members that return a position computed from an
// argument return exactly that position at every optimisation level
// (tests/modref/modref.hpp: the shape of a check). The deque starts
// wrapped (head in the middle of the ring), so every position is checked
// across the wrap as well.
#include <heapless/deque.hpp>

#include "modref.hpp"

namespace {

using deque = heapless::Deque<int, 16>;

void fill(deque& d) {
  for (int k = 0; k < 10; ++k) d.push_back(k);
  for (int k = 0; k < 8; ++k) d.pop_front();  // head at slot 8
  for (int k = 0; k < 8; ++k) d.push_back(10 + k);  // wraps
}

[[gnu::noinline]] void emplace_insert() {
  deque d;
  fill(d);
  auto it = d.emplace(d.cbegin() + 3, 42);
  if (it != d.begin() + 3) modref::fail("Deque::emplace(pos)");
  const int v = 7;
  it = d.insert(d.cbegin() + 5, v);
  if (it != d.begin() + 5) modref::fail("Deque::insert(pos, const T&)");
  it = d.insert(d.cbegin() + 1, 9);
  if (it != d.begin() + 1) modref::fail("Deque::insert(pos, T&&)");
}

[[gnu::noinline]] void insert_ranges() {
  deque d;
  fill(d);
  auto it = d.insert(d.cbegin() + 2, 2, 5);
  if (it != d.begin() + 2) modref::fail("Deque::insert(pos, n, value)");
  const int src[] = {1, 2};
  it = d.insert(d.cbegin() + 6, src, src + 2);
  if (it != d.begin() + 6) modref::fail("Deque::insert(pos, first, last)");
  it = d.insert(d.cbegin() + 4, modref::input_iter{src}, modref::input_iter{src + 1});
  if (it != d.begin() + 4) modref::fail("Deque::insert(pos, input first, last)");
  it = d.insert(d.cbegin() + 1, {3});
  if (it != d.begin() + 1) modref::fail("Deque::insert(pos, il)");
}

[[gnu::noinline]] void erase_forms() {
  deque d;
  fill(d);
  auto it = d.erase(d.cbegin() + 2);
  if (it != d.begin() + 2) modref::fail("Deque::erase(pos)");
  it = d.erase(d.cbegin() + 1, d.cbegin() + 4);
  if (it != d.begin() + 1) modref::fail("Deque::erase(first, last)");
  it = d.erase(d.cend() - 1);
  if (it != d.end()) modref::fail("Deque::erase(last element)");
  it = d.erase(d.cbegin() + 3, d.cbegin() + 3);
  if (it != d.begin() + 3) modref::fail("Deque::erase(first, first)");
}

}  // namespace

int main() {
  emplace_insert();
  insert_ranges();
  erase_forms();
  return modref::result("deque_modref");
}
