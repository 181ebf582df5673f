// linear_map_modref.cpp - LinearMap members that return a position computed
// from an argument return exactly that position at every optimisation level
// (tests/modref/modref.hpp: the shape of a check). Iterators are pairs of
// pointers passed by value; the checks cover both erase overloads (iterator
// and const_iterator) and the lookups that take a key stored in the map.
#include <heapless/linear_map.hpp>

#include "modref.hpp"

namespace {

using map = heapless::LinearMap<int, int, 8>;

void fill(map& m) {
  for (int k = 0; k < 6; ++k) m.try_emplace(k, 10 * k);
}

[[gnu::noinline]] void erase_one() {
  map m;
  fill(m);
  auto it = m.erase(m.cbegin() + 2);
  if (it != m.begin() + 2) modref::fail("LinearMap::erase(const_iterator)");
  it = m.erase(m.begin() + 1);
  if (it != m.begin() + 1) modref::fail("LinearMap::erase(iterator)");
  it = m.erase(m.cbegin() + 3);
  if (it != m.begin() + 3) modref::fail("LinearMap::erase(const_iterator) of the last entry");
  it = m.erase(m.begin());
  if (it != m.begin()) modref::fail("LinearMap::erase(iterator) again");
}

[[gnu::noinline]] void erase_range() {
  map m;
  fill(m);
  auto it = m.erase(m.cbegin() + 1, m.cbegin() + 3);
  if (it != m.begin() + 1) modref::fail("LinearMap::erase(first, last)");
  it = m.erase(m.cbegin() + 2, m.cend());
  if (it != m.begin() + 2) modref::fail("LinearMap::erase(first, last) to the end");
}

[[gnu::noinline]] void erase_stable_one() {
  map m;
  fill(m);
  auto it = m.erase_stable(m.cbegin() + 2);
  if (it != m.begin() + 2) modref::fail("LinearMap::erase_stable(pos)");
  it = m.erase_stable(m.cbegin() + 4);
  if (it != m.begin() + 4) modref::fail("LinearMap::erase_stable(pos) of the last entry");
}

[[gnu::noinline]] void erase_stable_range() {
  map m;
  fill(m);
  auto it = m.erase_stable(m.cbegin() + 1, m.cbegin() + 3);
  if (it != m.begin() + 1) modref::fail("LinearMap::erase_stable(first, last)");
  it = m.erase_stable(m.cbegin() + 2, m.cbegin() + 2);
  if (it != m.begin() + 2) modref::fail("LinearMap::erase_stable(first, first)");
}

// Lookups given a key that lives in the map (a reference into the container).
[[gnu::noinline]] void lookup_own_key() {
  map m;
  fill(m);
  auto it = m.find(m.keys()[3]);
  if (it != m.begin() + 3) modref::fail("LinearMap::find(key in the map)");
  it = m.find(m.keys()[1]);
  if (it != m.begin() + 1) modref::fail("LinearMap::find(key in the map) again");
  int* v = &m.at(m.keys()[2]);
  if (v != m.values().begin() + 2) modref::fail("LinearMap::at(key in the map)");
  v = &m[m.keys()[4]];
  if (v != m.values().begin() + 4) modref::fail("LinearMap::operator[](key in the map)");
  auto r = m.try_emplace(m.keys()[5], 0);
  if (r.first != m.begin() + 5) modref::fail("LinearMap::try_emplace(key in the map)");
  it = m.insert(m.cbegin() + 1, {m.keys()[0], 0});
  if (it != m.begin()) modref::fail("LinearMap::insert(hint, value)");
}

}  // namespace

int main() {
  erase_one();
  erase_range();
  erase_stable_one();
  erase_stable_range();
  lookup_own_key();
  return modref::result("linear_map_modref");
}
