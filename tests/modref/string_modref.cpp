// string_modref.cpp - String members that return a position computed from an
// argument return exactly that position at every optimisation level
// (tests/modref/modref.hpp: the shape of a check). Iterator arguments are
// passed both as iterator (char*) and const_iterator (const char*): each is
// its own instantiation.
#include <heapless/string.hpp>

#include "modref.hpp"

namespace {

using string = heapless::String<24>;

[[gnu::noinline]] void insert_char() {
  string s = "abcdef";
  auto it = s.insert(s.begin() + 2, 'x');
  if (it != s.begin() + 2) modref::fail("String::insert(iterator, ch)");
  it = s.insert(s.cbegin() + 3, 'y');
  if (it != s.begin() + 3) modref::fail("String::insert(const_iterator, ch)");
  it = s.insert(s.begin() + 1, 'z');
  if (it != s.begin() + 1) modref::fail("String::insert(iterator, ch) again");
  it = s.insert(s.cend(), 'w');
  if (it != s.begin() + 9) modref::fail("String::insert(cend(), ch)");
}

[[gnu::noinline]] void insert_fill() {
  string s = "abcdef";
  auto it = s.insert(s.begin() + 2, 3, 'x');
  if (it != s.begin() + 2) modref::fail("String::insert(iterator, n, ch)");
  it = s.insert(s.cbegin() + 4, 2, 'y');
  if (it != s.begin() + 4) modref::fail("String::insert(const_iterator, n, ch)");
  it = s.insert(s.begin() + 1, 0, 'z');
  if (it != s.begin() + 1) modref::fail("String::insert(iterator, 0, ch)");
  it = s.insert(s.cbegin(), 0, 'z');
  if (it != s.begin()) modref::fail("String::insert(const_iterator, 0, ch) again");
}

[[gnu::noinline]] void insert_range() {
  string s = "abcdef";
  const char src[] = "xyz";
  auto it = s.insert(s.begin() + 2, src, src + 3);
  if (it != s.begin() + 2) modref::fail("String::insert(iterator, first, last)");
  it = s.insert(s.cbegin() + 1, src, src + 2);
  if (it != s.begin() + 1) modref::fail("String::insert(const_iterator, first, last)");
  it = s.insert(s.begin() + 4, src, src);
  if (it != s.begin() + 4) modref::fail("String::insert(iterator, first, first)");
  it = s.insert(s.cend(), src, src + 1);
  if (it != s.begin() + 11) modref::fail("String::insert(cend(), first, last)");
}

[[gnu::noinline]] void insert_input_range() {
  string s = "abcdef";
  const char src[] = "xyz";
  auto it = s.insert(s.begin() + 2, modref::input_char_iter{src}, modref::input_char_iter{src + 3});
  if (it != s.begin() + 2) modref::fail("String::insert(iterator, input first, input last)");
  it = s.insert(s.begin() + 1, modref::input_char_iter{src}, modref::input_char_iter{src + 1});
  if (it != s.begin() + 1) modref::fail("String::insert(iterator, input first, input last) again");
}

[[gnu::noinline]] void insert_list() {
  string s = "abcdef";
  auto it = s.insert(s.begin() + 2, {'x', 'y'});
  if (it != s.begin() + 2) modref::fail("String::insert(iterator, il)");
  it = s.insert(s.cbegin() + 5, {'z'});
  if (it != s.begin() + 5) modref::fail("String::insert(const_iterator, il)");
  it = s.insert(s.begin() + 1, {'w'});
  if (it != s.begin() + 1) modref::fail("String::insert(iterator, il) again");
  it = s.insert(s.cbegin(), {'v'});
  if (it != s.begin()) modref::fail("String::insert(const_iterator, il) again");
}

[[gnu::noinline]] void erase_one() {
  string s = "abcdef";
  auto it = s.erase(s.begin() + 2);
  if (it != s.begin() + 2) modref::fail("String::erase(iterator)");
  it = s.erase(s.cbegin() + 1);
  if (it != s.begin() + 1) modref::fail("String::erase(const_iterator)");
  it = s.erase(s.end() - 1);
  if (it != s.begin() + 3) modref::fail("String::erase(iterator) of the last char");
  it = s.erase(s.cbegin());
  if (it != s.begin()) modref::fail("String::erase(const_iterator) again");
}

[[gnu::noinline]] void erase_range() {
  string s = "abcdefgh";
  auto it = s.erase(s.begin() + 1, s.begin() + 3);
  if (it != s.begin() + 1) modref::fail("String::erase(iterator, iterator)");
  it = s.erase(s.cbegin() + 2, s.cbegin() + 3);
  if (it != s.begin() + 2) modref::fail("String::erase(const_iterator, const_iterator)");
  it = s.erase(s.begin() + 3, s.end());
  if (it != s.begin() + 3) modref::fail("String::erase(iterator, iterator) to the end");
  it = s.erase(s.cbegin(), s.cbegin());
  if (it != s.begin()) modref::fail("String::erase(const_iterator, const_iterator) (empty)");
}

[[gnu::noinline]] void element_access() {
  string s = "abcdef";
  char* p = &s[2];
  if (p != s.begin() + 2) modref::fail("String::operator[]");
  p = &s.at(3);
  if (p != s.begin() + 3) modref::fail("String::at");
  p = &s[4];
  if (p != s.begin() + 4) modref::fail("String::operator[] again");
  p = &s.at(1);
  if (p != s.begin() + 1) modref::fail("String::at again");
}

}  // namespace

int main() {
  insert_char();
  insert_fill();
  insert_range();
  insert_input_range();
  insert_list();
  erase_one();
  erase_range();
  element_access();
  return modref::result("string_modref");
}
