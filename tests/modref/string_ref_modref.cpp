// string_ref_modref.cpp - StringRef members that return a position computed
// from an argument return exactly that position at every optimisation level
// (tests/modref/modref.hpp: the shape of a check), for a String with a
// free-capacity byte (N < 256) and one with a two-byte length. Iterator
// arguments are passed both as iterator (char*) and const_iterator (const
// char*): each is its own instantiation.
#include <heapless/string.hpp>

#include "modref.hpp"

namespace {

template <class S>
[[gnu::noinline]] void insert_char(const char* what) {
  S owner = "abcdef";
  heapless::StringRef s = owner;
  auto it = s.insert(s.begin() + 2, 'x');
  if (it != s.begin() + 2) modref::fail("StringRef::insert(iterator, ch)", what);
  it = s.insert(s.cbegin() + 3, 'y');
  if (it != s.begin() + 3) modref::fail("StringRef::insert(const_iterator, ch)", what);
  it = s.insert(s.cend(), 'w');
  if (it != s.begin() + 8) modref::fail("StringRef::insert(cend(), ch)", what);
}

template <class S>
[[gnu::noinline]] void insert_fill(const char* what) {
  S owner = "abcdef";
  heapless::StringRef s = owner;
  auto it = s.insert(s.begin() + 2, 3, 'x');
  if (it != s.begin() + 2) modref::fail("StringRef::insert(iterator, n, ch)", what);
  it = s.insert(s.cbegin() + 4, 2, 'y');
  if (it != s.begin() + 4) modref::fail("StringRef::insert(const_iterator, n, ch)", what);
  it = s.insert(s.begin() + 1, 0, 'z');
  if (it != s.begin() + 1) modref::fail("StringRef::insert(iterator, 0, ch)", what);
}

template <class S>
[[gnu::noinline]] void insert_range(const char* what) {
  S owner = "abcdef";
  heapless::StringRef s = owner;
  const char src[] = "xyz";
  auto it = s.insert(s.begin() + 2, src, src + 3);
  if (it != s.begin() + 2) modref::fail("StringRef::insert(iterator, first, last)", what);
  it = s.insert(s.cbegin() + 1, s.rbegin(), s.rbegin() + 2);  // the String's own text, not char pointers
  if (it != s.begin() + 1) modref::fail("StringRef::insert(const_iterator, rfirst, rlast)", what);
  it = s.insert(s.begin() + 3, {'p', 'q'});
  if (it != s.begin() + 3) modref::fail("StringRef::insert(iterator, il)", what);
  it = s.insert(s.cbegin() + 4, {'r'});
  if (it != s.begin() + 4) modref::fail("StringRef::insert(const_iterator, il)", what);
}

template <class S>
[[gnu::noinline]] void erase(const char* what) {
  S owner = "abcdefghij";
  heapless::StringRef s = owner;
  auto it = s.erase(s.begin() + 2);
  if (it != s.begin() + 2) modref::fail("StringRef::erase(iterator)", what);
  it = s.erase(s.cbegin() + 3);
  if (it != s.begin() + 3) modref::fail("StringRef::erase(const_iterator)", what);
  it = s.erase(s.begin() + 1, s.begin() + 3);
  if (it != s.begin() + 1) modref::fail("StringRef::erase(first, last)", what);
  it = s.erase(s.cbegin() + 2, s.cbegin() + 2);
  if (it != s.begin() + 2) modref::fail("StringRef::erase(cfirst, clast) (empty)", what);
}

}  // namespace

int main() {
  insert_char<heapless::String<24>>("");
  insert_char<heapless::String<300>>(" (two-byte length)");
  insert_fill<heapless::String<24>>("");
  insert_fill<heapless::String<300>>(" (two-byte length)");
  insert_range<heapless::String<24>>("");
  insert_range<heapless::String<300>>(" (two-byte length)");
  erase<heapless::String<24>>("");
  erase<heapless::String<300>>(" (two-byte length)");
  return modref::result("string_ref_modref");
}
