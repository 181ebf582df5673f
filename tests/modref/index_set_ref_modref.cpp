// index_set_ref_modref.cpp - IndexSetRef members that return a position
// computed from an argument return exactly that position at every
// optimisation level (tests/modref/modref.hpp: the shape of a check). The
// erase forms return the caller's own pointer (the key moved or shifted into
// the hole is found there); the lookups take a key stored in the set. The
// owner is a local of each check; the view is built from it there.
#include <heapless/index_set.hpp>

#include "modref.hpp"

namespace {

using set = heapless::IndexSet<int, 8>;
using sref = heapless::IndexSetRef<int>;

void fill(sref s) {
  for (int k = 0; k < 6; ++k) (void)s.try_insert(k);
}

[[gnu::noinline]] void erase_forms() {
  set owner;
  sref s = owner;
  fill(s);
  const int* it = s.erase(s.cbegin() + 2);
  if (it != s.begin() + 2) modref::fail("IndexSetRef::erase(pos)");
  it = s.swap_erase(s.cbegin() + 1);
  if (it != s.begin() + 1) modref::fail("IndexSetRef::swap_erase(pos)");
  it = s.shift_erase(s.cbegin() + 1);
  if (it != s.begin() + 1) modref::fail("IndexSetRef::shift_erase(pos)");
  it = s.shift_erase(s.cbegin() + 2);
  if (it != s.begin() + 2) modref::fail("IndexSetRef::shift_erase(pos) of the last key");
}

[[gnu::noinline]] void lookup_own_key() {
  set owner;
  sref s = owner;
  fill(s);
  const int* it = s.find(s.keys()[3]);
  if (it != s.begin() + 3) modref::fail("IndexSetRef::find(key in the set)");
  it = s.find(s.keys()[1]);
  if (it != s.begin() + 1) modref::fail("IndexSetRef::find(key in the set) again");
  it = s.nth(*s.index_of(s.keys()[5]));
  if (it != s.begin() + 5) modref::fail("IndexSetRef::nth(index_of(key in the set))");
  it = s.insert(s.keys()[4]).first;
  if (it != s.begin() + 4) modref::fail("IndexSetRef::insert(key in the set)");
}

}  // namespace

int main() {
  erase_forms();
  lookup_own_key();
  return modref::result("index_set_ref_modref");
}
