// index_map_modref.cpp - IndexMap and IndexSet members that return a position
// computed from an argument return exactly that position at every
// optimisation level (tests/modref/modref.hpp: the shape of a check). The
// erase forms return the caller's own iterator (the entry moved or shifted
// into the hole is found there); the lookups take a key stored in the map.
#include <heapless/index_map.hpp>

#include "modref.hpp"

namespace {

using map = heapless::IndexMap<int, int, 8>;
using set = heapless::IndexSet<int, 8>;

void fill(map& m) {
  for (int k = 0; k < 6; ++k) m.try_emplace(k, 10 * k);
}

void fill(set& s) {
  for (int k = 0; k < 6; ++k) s.insert(k);
}

[[gnu::noinline]] void map_erase() {
  map m;
  fill(m);
  auto it = m.erase(m.cbegin() + 2);
  if (it != m.begin() + 2) modref::fail("IndexMap::erase(const_iterator)");
  it = m.erase(m.begin() + 1);
  if (it != m.begin() + 1) modref::fail("IndexMap::erase(iterator)");
  it = m.erase(m.cbegin() + 3);
  if (it != m.begin() + 3) modref::fail("IndexMap::erase(const_iterator) of the last entry");
}

[[gnu::noinline]] void map_swap_erase() {
  map m;
  fill(m);
  auto it = m.swap_erase(m.cbegin() + 1);
  if (it != m.begin() + 1) modref::fail("IndexMap::swap_erase(pos)");
  it = m.swap_erase(m.cbegin() + 3);
  if (it != m.begin() + 3) modref::fail("IndexMap::swap_erase(pos) again");
}

[[gnu::noinline]] void map_shift_erase() {
  map m;
  fill(m);
  auto it = m.shift_erase(m.cbegin() + 2);
  if (it != m.begin() + 2) modref::fail("IndexMap::shift_erase(pos)");
  it = m.shift_erase(m.cbegin() + 4);
  if (it != m.begin() + 4) modref::fail("IndexMap::shift_erase(pos) of the last entry");
}

[[gnu::noinline]] void map_lookup_own_key() {
  map m;
  fill(m);
  auto it = m.find(m.keys()[3]);
  if (it != m.begin() + 3) modref::fail("IndexMap::find(key in the map)");
  it = m.find(m.keys()[1]);
  if (it != m.begin() + 1) modref::fail("IndexMap::find(key in the map) again");
  int* v = &m.at(m.keys()[2]);
  if (v != m.values().data() + 2) modref::fail("IndexMap::at(key in the map)");
  v = &m[m.keys()[4]];
  if (v != m.values().data() + 4) modref::fail("IndexMap::operator[](key in the map)");
}

[[gnu::noinline]] void set_erase() {
  set s;
  fill(s);
  auto it = s.erase(s.begin() + 2);
  if (it != s.begin() + 2) modref::fail("IndexSet::erase(pos)");
  it = s.swap_erase(s.begin() + 1);
  if (it != s.begin() + 1) modref::fail("IndexSet::swap_erase(pos)");
  it = s.shift_erase(s.begin() + 1);
  if (it != s.begin() + 1) modref::fail("IndexSet::shift_erase(pos)");
  it = s.erase(s.begin() + 2);
  if (it != s.begin() + 2) modref::fail("IndexSet::erase(pos) of the last key");
}

}  // namespace

int main() {
  map_erase();
  map_swap_erase();
  map_shift_erase();
  map_lookup_own_key();
  set_erase();
  return modref::result("index_map_modref");
}
