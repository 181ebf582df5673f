// deque_ref_modref.cpp - DequeRef members that return a position computed
// from an argument return exactly that position at every optimisation level
// (tests/modref/modref.hpp: the shape of a check). The viewed deques start
// wrapped (head in the middle of the ring), one with a power-of-two capacity
// (masking owner) and one without, so every position is checked across the
// wrap through the view's compare-and-subtract as well.
#include <heapless/deque.hpp>

#include "modref.hpp"

namespace {

using view = heapless::DequeRef<int>;

template <class D>
void fill(D& d) {
  for (int k = 0; k < 10; ++k) d.push_back(k);
  for (int k = 0; k < 8; ++k) d.pop_front();  // head at slot 8
  for (int k = 0; k < 8; ++k) d.push_back(10 + k);  // wraps
}

template <class D>
[[gnu::noinline]] void emplace_insert() {
  D owner;
  fill(owner);
  const view d = owner;
  auto it = d.emplace(d.cbegin() + 3, 42);
  if (it != d.begin() + 3) modref::fail("DequeRef::emplace(pos)");
  const int v = 7;
  it = d.insert(d.cbegin() + 5, v);
  if (it != d.begin() + 5) modref::fail("DequeRef::insert(pos, const T&)");
  it = d.insert(d.cbegin() + 1, 9);
  if (it != d.begin() + 1) modref::fail("DequeRef::insert(pos, T&&)");
}

template <class D>
[[gnu::noinline]] void insert_ranges() {
  D owner;
  fill(owner);
  const view d = owner;
  auto it = d.insert(d.cbegin() + 2, 2, 5);
  if (it != d.begin() + 2) modref::fail("DequeRef::insert(pos, n, value)");
  const int src[] = {1, 2};
  it = d.insert(d.cbegin() + 6, src, src + 2);
  if (it != d.begin() + 6) modref::fail("DequeRef::insert(pos, first, last)");
  it = d.insert(d.cbegin() + 4, modref::input_iter{src}, modref::input_iter{src + 1});
  if (it != d.begin() + 4) modref::fail("DequeRef::insert(pos, input first, last)");
  it = d.insert(d.cbegin() + 1, {3});
  if (it != d.begin() + 1) modref::fail("DequeRef::insert(pos, il)");
}

template <class D>
[[gnu::noinline]] void erase_forms() {
  D owner;
  fill(owner);
  const view d = owner;
  auto it = d.erase(d.cbegin() + 2);
  if (it != d.begin() + 2) modref::fail("DequeRef::erase(pos)");
  it = d.erase(d.cbegin() + 1, d.cbegin() + 4);
  if (it != d.begin() + 1) modref::fail("DequeRef::erase(first, last)");
  it = d.erase(d.cend() - 1);
  if (it != d.end()) modref::fail("DequeRef::erase(last element)");
  it = d.erase(d.cbegin() + 3, d.cbegin() + 3);
  if (it != d.begin() + 3) modref::fail("DequeRef::erase(first, first)");
}

template <class D>
void run() {
  emplace_insert<D>();
  insert_ranges<D>();
  erase_forms<D>();
}

}  // namespace

int main() {
  run<heapless::Deque<int, 32>>();  // masking owner
  run<heapless::Deque<int, 30>>();
  return modref::result("deque_ref_modref");
}
