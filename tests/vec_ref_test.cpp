// vec_ref_test.cpp - heapless::VecRef<T>: one non-template function fills
// Vecs of any capacity; every length type (uint8, uint16, char32_t, N == 0)
// is read and written through the view; errors and lifetimes are Vec's.
#include "support/test.hpp"

#include <cstdint>  // std::uint8_t

#include <heapless/vec.hpp>

using heapless::Vec;
using heapless::VecRef;
using heapless::test::counted;

namespace {

// Not a template: works for every N through the view.
std::size_t fill_squares(VecRef<int> out, int count) {
  std::size_t added = 0;
  for (int i = 1; i <= count; ++i) {
    if (out.try_push_back(i * i) == nullptr) break;
    ++added;
  }
  return added;
}

}  // namespace

TEST_CASE("VecRef: a non-template function fills Vecs of any capacity", "[vec][vec_ref]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  Vec<int, 3> small;
  Vec<int, 300> large;  // uint16 length type would be used for 1-byte T; int: char32_t
  Vec<int, 0> none;
  CHECK(fill_squares(small, 5) == 3);
  CHECK(small.size() == 3);
  CHECK(small.back() == 9);
  CHECK(fill_squares(large, 5) == 5);
  CHECK(large.size() == 5);
  CHECK(large[4] == 25);
  CHECK(fill_squares(none, 5) == 0);
  CHECK(sizeof(VecRef<int>) <= 4 * sizeof(void*));
}

TEST_CASE("VecRef: reads and writes every length type", "[vec][vec_ref]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  Vec<std::uint8_t, 10> a;       // uint8_t length
  Vec<std::uint8_t, 1000> b;     // uint16_t length
#if defined(__ARM_ARCH_PROFILE) && __ARM_ARCH_PROFILE == 'M'
  static Vec<std::uint8_t, 3> big;  // a 70 KB Vec does not fit a microcontroller's RAM
#else
  static Vec<std::uint8_t, 70000> big;  // uint32_t length (static: not on the stack)
  static_assert(std::is_same_v<heapless::detail::vec_length_t<std::uint8_t, 70000>, std::uint32_t>);
#endif
  big.clear();
  for (VecRef<std::uint8_t> r : {VecRef<std::uint8_t>(a), VecRef<std::uint8_t>(b), VecRef<std::uint8_t>(big)}) {
    CHECK(r.empty());
    r.push_back(1);
    r.emplace_back(std::uint8_t{2});
    const std::uint8_t three = 3;
    r.push_back(three);
    CHECK(r.size() == 3);
    CHECK(r[2] == 3);
    r.pop_back();
    CHECK(r.size() == 2);
  }
  CHECK(a.size() == 2);
  CHECK(b.size() == 2);
  CHECK(big.size() == 2);
  CHECK(big[1] == 2);
}

TEST_CASE("VecRef: modifiers, access and errors match Vec", "[vec][vec_ref]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  Vec<int, 4> v = {1, 2};
  VecRef<int> r = v;
  CHECK(r.capacity() == 4);
  CHECK(r.max_size() == 4);
  CHECK(r.data() == v.data());
  CHECK(r.front() == 1);
  CHECK(r.at(1) == 2);
  HEAPLESS_CHECK_RAISES(out_of_range, r.at(2));
  const int src[] = {3, 4, 5};
  r.append(src, src + 2);
  CHECK(v == Vec<int, 4>{1, 2, 3, 4});
  CHECK(r.full());
  HEAPLESS_CHECK_RAISES(bad_alloc, r.push_back(5));
  HEAPLESS_CHECK_RAISES(bad_alloc, r.emplace_back(5));
  CHECK(r.try_emplace_back(5) == nullptr);
  r.erase(r.begin() + 1);
  CHECK(v == Vec<int, 4>{1, 3, 4});
  HEAPLESS_CHECK_RAISES(bad_alloc, r.append(src, src + 2));
  CHECK(v == Vec<int, 4>{1, 3, 4});
  CHECK(r.try_append(src, src + 3) == src + 1);
  CHECK(v == Vec<int, 4>{1, 3, 4, 3});
  r.erase(r.begin(), r.begin() + 2);
  CHECK(v == Vec<int, 4>{4, 3});
  r.unchecked_push_back(9);
  CHECK(r.back() == 9);
  int sum = 0;
  for (int x : r) sum += x;
  CHECK(sum == 16);
  r.clear();
  CHECK(v.empty());
  Vec<int, 0> z;
  VecRef<int> rz = z;
  CHECK(rz.full());
  HEAPLESS_CHECK_RAISES(bad_alloc, rz.push_back(1));
}

TEST_CASE("VecRef: non-trivial elements keep exact lifetimes", "[vec][vec_ref]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  HEAPLESS_LIFETIME_CHECK;
  Vec<counted, 5> v;
  VecRef<counted> r = v;
  r.emplace_back(1);
  r.push_back(counted(2));
  const counted three(3);
  r.push_back(three);
  r.erase(r.begin());
  CHECK(v.size() == 2);
  CHECK(v[0].get() == 2);
  r.pop_back();
  r.clear();
  CHECK(v.empty());
  r.push_back(three);
}
