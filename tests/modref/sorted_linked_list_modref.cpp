// sorted_linked_list_modref.cpp - SortedLinkedList members that return a
// position computed from an argument (erase_after, erase) return exactly the
// expected position at every optimisation level (tests/modref/modref.hpp:
// the shape of a check). Iterators are (list, slot index) pairs; the
// expected position is found by walking from begin().
#include <heapless/sorted_linked_list.hpp>

#include "modref.hpp"

namespace {

using list = heapless::SortedLinkedList<int, 8>;

void fill(list& l) {
  for (int k : {5, 1, 4, 2, 6, 3}) l.push(k);  // 1 2 3 4 5 6
}

list::const_iterator nth(const list& l, int k) {
  auto it = l.begin();
  while (k-- > 0) ++it;
  return it;
}

[[gnu::noinline]] void erase_after_forms() {
  list l;
  fill(l);
  auto it = l.erase_after(nth(l, 1));  // removes 3
  if (it != nth(l, 2)) modref::fail("SortedLinkedList::erase_after(pos)");
  it = l.erase_after(l.before_begin());  // removes 1
  if (it != l.begin()) modref::fail("SortedLinkedList::erase_after(before_begin())");
  it = l.erase_after(nth(l, 2));  // removes the last (6)
  if (it != l.end()) modref::fail("SortedLinkedList::erase_after(pos) of the last element");
}

[[gnu::noinline]] void erase_forms() {
  list l;
  fill(l);
  auto it = l.erase(nth(l, 2));  // removes 3
  if (it != nth(l, 2)) modref::fail("SortedLinkedList::erase(pos)");
  it = l.erase(l.begin());
  if (it != l.begin()) modref::fail("SortedLinkedList::erase(begin())");
}

}  // namespace

int main() {
  erase_after_forms();
  erase_forms();
  return modref::result("sorted_linked_list_modref");
}
