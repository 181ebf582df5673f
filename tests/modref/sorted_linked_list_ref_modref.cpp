// sorted_linked_list_ref_modref.cpp - SortedLinkedListRef members that return a
// position computed from an argument (erase_after, erase) return exactly the
// expected position at every optimisation level (tests/modref/modref.hpp:
// the shape of a check), for a list without search fingers and one with
// them, and with a two-byte index. The expected position is found by
// walking from begin().
#include <cstdint>  // std::uint16_t

#include <heapless/sorted_linked_list.hpp>

#include "modref.hpp"

namespace {

template <class Ref>
typename Ref::const_iterator nth(const Ref& l, int k) {
  auto it = l.begin();
  while (k-- > 0) ++it;
  return it;
}

template <class Ref>
void fill(const Ref& l) {
  for (int k : {5, 1, 4, 2, 6, 3}) l.push(k);  // 1 2 3 4 5 6
}

template <class List, class Ref>
[[gnu::noinline]] void erase_after_forms(const char* name) {
  List list;
  const Ref l = list;
  fill(l);
  auto it = l.erase_after(nth(l, 1));  // removes 3
  if (it != nth(l, 2)) modref::fail(name, "::erase_after(pos)");
  if (it != nth(Ref(list), 2)) modref::fail(name, "::erase_after(pos) (against another view)");
  it = l.erase_after(l.before_begin());  // removes 1
  if (it != l.begin()) modref::fail(name, "::erase_after(before_begin())");
  if (&*it != &*list.begin()) modref::fail(name, "::erase_after(before_begin()) (against the list)");
  it = l.erase_after(nth(l, 2));  // removes the last (6)
  if (it != l.end()) modref::fail(name, "::erase_after(pos) of the last element");
}

template <class List, class Ref>
[[gnu::noinline]] void erase_forms(const char* name) {
  List list;
  const Ref l = list;
  fill(l);
  auto it = l.erase(nth(l, 2));  // removes 3
  if (it != nth(l, 2)) modref::fail(name, "::erase(pos)");
  it = l.erase(l.begin());
  if (it != l.begin()) modref::fail(name, "::erase(begin())");
  it = l.erase(nth(l, 3));  // the last
  if (it != l.end()) modref::fail(name, "::erase(pos) of the last element");
}

using small = heapless::SortedLinkedList<int, 8>;
using fingered = heapless::SortedLinkedList<int, 40>;
using wide = heapless::SortedLinkedList<int, 300>;
using small_ref = heapless::SortedLinkedListRef<int>;
using wide_ref = heapless::SortedLinkedListRef<int, std::less<int>, std::uint16_t>;

}  // namespace

int main() {
  erase_after_forms<small, small_ref>("SortedLinkedListRef (N = 8)");
  erase_forms<small, small_ref>("SortedLinkedListRef (N = 8)");
  erase_after_forms<fingered, small_ref>("SortedLinkedListRef (N = 40)");
  erase_forms<fingered, small_ref>("SortedLinkedListRef (N = 40)");
  erase_after_forms<wide, wide_ref>("SortedLinkedListRef (N = 300)");
  erase_forms<wide, wide_ref>("SortedLinkedListRef (N = 300)");
  return modref::result("sorted_linked_list_ref_modref");
}
