// map_ref_modref.cpp - LinearMapRef and IndexMapRef members that return a
// position computed from an argument return exactly that position at every
// optimisation level (tests/modref/modref.hpp: the shape of a check). The
// erase forms return the caller's own iterator (the entry moved or shifted
// into the hole is found there); the lookups take a key stored in the map.
// The owner is a local of each check; the view is built from it there.
#include <heapless/index_map.hpp>
#include <heapless/linear_map.hpp>

#include "modref.hpp"

namespace {

using lmap = heapless::LinearMap<int, int, 8>;
using lmap_indexed = heapless::LinearMap<int, int, 64>;  // with a hash index on hosts
using lref = heapless::LinearMapRef<int, int>;
using imap = heapless::IndexMap<int, int, 8>;
using iref = heapless::IndexMapRef<int, int>;

template <class Ref>
void fill(Ref m) {
  for (int k = 0; k < 6; ++k) m.try_emplace(k, 10 * k);
}

template <class Owner>
[[gnu::noinline]] void linear_erase(const char* what) {
  Owner owner;
  lref m = owner;
  fill(m);
  auto it = m.erase(m.cbegin() + 2);
  if (it != m.begin() + 2) modref::fail("LinearMapRef::erase(const_iterator)", what);
  it = m.erase(m.begin() + 1);
  if (it != m.begin() + 1) modref::fail("LinearMapRef::erase(iterator)", what);
  it = m.erase(m.cbegin() + 1, m.cbegin() + 2);
  if (it != m.begin() + 1) modref::fail("LinearMapRef::erase(first, last)", what);
}

template <class Owner>
[[gnu::noinline]] void linear_erase_stable(const char* what) {
  Owner owner;
  lref m = owner;
  fill(m);
  auto it = m.erase_stable(m.cbegin() + 2);
  if (it != m.begin() + 2) modref::fail("LinearMapRef::erase_stable(pos)", what);
  it = m.erase_stable(m.cbegin() + 1, m.cbegin() + 3);
  if (it != m.begin() + 1) modref::fail("LinearMapRef::erase_stable(first, last)", what);
  it = m.erase_stable(m.cbegin() + 1, m.cbegin() + 1);
  if (it != m.begin() + 1) modref::fail("LinearMapRef::erase_stable(empty range)", what);
}

template <class Owner>
[[gnu::noinline]] void linear_lookup_own_key(const char* what) {
  Owner owner;
  lref m = owner;
  fill(m);
  auto it = m.find(m.keys()[3]);
  if (it != m.begin() + 3) modref::fail("LinearMapRef::find(key in the map)", what);
  it = m.find(m.keys()[1]);
  if (it != m.begin() + 1) modref::fail("LinearMapRef::find(key in the map) again", what);
  int* v = &m.at(m.keys()[2]);
  if (v != m.values().data() + 2) modref::fail("LinearMapRef::at(key in the map)", what);
  v = &m[m.keys()[4]];
  if (v != m.values().data() + 4) modref::fail("LinearMapRef::operator[](key in the map)", what);
}

[[gnu::noinline]] void index_erase() {
  imap owner;
  iref m = owner;
  fill(m);
  auto it = m.erase(m.cbegin() + 2);
  if (it != m.begin() + 2) modref::fail("IndexMapRef::erase(const_iterator)");
  it = m.erase(m.begin() + 1);
  if (it != m.begin() + 1) modref::fail("IndexMapRef::erase(iterator)");
  it = m.swap_erase(m.cbegin() + 1);
  if (it != m.begin() + 1) modref::fail("IndexMapRef::swap_erase(pos)");
  it = m.shift_erase(m.cbegin() + 1);
  if (it != m.begin() + 1) modref::fail("IndexMapRef::shift_erase(pos)");
  it = m.shift_erase(m.cbegin() + 1);
  if (it != m.begin() + 1) modref::fail("IndexMapRef::shift_erase(pos) of the last entry");
}

[[gnu::noinline]] void index_lookup_own_key() {
  imap owner;
  iref m = owner;
  fill(m);
  auto it = m.find(m.keys()[3]);
  if (it != m.begin() + 3) modref::fail("IndexMapRef::find(key in the map)");
  it = m.find(m.keys()[1]);
  if (it != m.begin() + 1) modref::fail("IndexMapRef::find(key in the map) again");
  int* v = &m.at(m.keys()[2]);
  if (v != m.values().data() + 2) modref::fail("IndexMapRef::at(key in the map)");
  v = &m[m.keys()[4]];
  if (v != m.values().data() + 4) modref::fail("IndexMapRef::operator[](key in the map)");
  it = m.nth(*m.index_of(m.keys()[5]));
  if (it != m.begin() + 5) modref::fail("IndexMapRef::nth(index_of(key in the map))");
}

}  // namespace

int main() {
  linear_erase<lmap>("");
  linear_erase<lmap_indexed>(" (indexed)");
  linear_erase_stable<lmap>("");
  linear_erase_stable<lmap_indexed>(" (indexed)");
  linear_lookup_own_key<lmap>("");
  linear_lookup_own_key<lmap_indexed>(" (indexed)");
  index_erase();
  index_lookup_own_key();
  return modref::result("map_ref_modref");
}
