// index_set_ref_test.cpp - heapless::IndexSetRef<K, Hash, KeyEqual>: one
// non-template function fills and searches IndexSets of any capacity. Every
// member goes through the view (positions, lookup, every insertion form, the
// three erasures, pop_back, erase_if, subset relations, comparisons) on sets
// of every length type; the owner's hash index stays in step with what
// iteration shows; errors are IndexSet's; stateful hashes and string queries
// work; the read-only view only reads; the key matrix keeps its lifetimes.
#include "support/test.hpp"

#include <algorithm>    // std::count_if
#include <cstdint>      // std::uint16_t, std::uint32_t
#include <iterator>     // std::begin, std::end
#include <string_view>  // string queries
#include <type_traits>  // std::is_same_v
#include <utility>      // std::move

#include <heapless/index_set.hpp>
#include <heapless/string.hpp>

using heapless::IndexSet;
using heapless::IndexSetRef;
using heapless::test::counted;
using heapless::test::make;
using heapless::test::move_only;
using heapless::test::overaligned;
using heapless::test::throwing;
using heapless::test::trivial;
using heapless::test::value_of;

namespace {

// A keyed hash: state in the function object, reached through the view.
struct keyed_hash {
  std::size_t key = 0;
  std::size_t operator()(int v) const noexcept { return static_cast<std::size_t>(static_cast<unsigned>(v)) ^ key; }
};
// Every key lands on the same home slot: one probe run holds them all.
struct constant_hash {
  std::size_t operator()(int) const noexcept { return 42; }
};
// Hash of any element type of the matrix: its value.
struct value_hash {
  template <class T>
  std::size_t operator()(const T& t) const noexcept {
    return static_cast<std::size_t>(static_cast<unsigned>(value_of(t)));
  }
};

// Not templates: each serves every capacity through the view.
std::size_t note_ids(IndexSetRef<std::uint32_t> seen, std::uint32_t first, int count) {
  std::size_t added = 0;
  for (int i = 0; i < count; ++i) {
    const auto r = seen.try_insert(first + static_cast<std::uint32_t>(i));
    if (!r) break;
    if (r->second) ++added;
  }
  return added;
}
long sum_ids(IndexSetRef<const std::uint32_t> seen) {
  long s = 0;
  for (std::uint32_t k : seen) s += static_cast<long>(k);
  return s;
}

template <class Set>
bool same(const Set& s, std::initializer_list<int> want) {
  if (s.size() != want.size()) return false;
  auto w = want.begin();
  for (const auto& k : s) {
    if (value_of(k) != *w) return false;
    ++w;
  }
  return true;
}
// Every key iteration shows is found where iteration shows it.
template <class Set>
bool agrees(const Set& s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto j = s.index_of(s.keys()[i]);
    if (!j || *j != i) return false;
    if (s.find(s.keys()[i]) != s.begin() + i) return false;
  }
  return true;
}

}  // namespace

// Forces every shared member to compile for a view and for the owner.
template class heapless::IndexSetRef<int>;
template class heapless::index_set_members<heapless::IndexSetRef<int>, int, heapless::hash<int>, std::equal_to<>>;
template class heapless::IndexSetRef<heapless::String<16>>;
template class heapless::IndexSet<int, 8>;

TEST_CASE("IndexSetRef: one non-template function serves every capacity", "[index_set][index_set_ref]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  IndexSet<std::uint32_t, 4> small;
  static IndexSet<std::uint32_t, 300> large;  // two-byte length and slots
  large.clear();
  IndexSet<std::uint32_t, 17> odd;
  CHECK(note_ids(small, 0x1000, 10) == 4);
  CHECK(small.full());
  CHECK(small.contains(0x1003u));
  CHECK(note_ids(large, 0x2000, 280) == 280);
  CHECK(note_ids(large, 0x2000, 5) == 0);  // already present: nothing added
  CHECK(large.contains(0x2000u + 279));
  CHECK(agrees(large));
  CHECK(note_ids(odd, 7, 17) == 17);
  CHECK(sum_ids(small) == 4 * 0x1000 + 0 + 1 + 2 + 3);
  CHECK(sum_ids(large) == 280L * 0x2000 + 279 * 280 / 2);
  CHECK(sum_ids(odd) == 17 * 7 + 16 * 17 / 2);
  CHECK(sizeof(IndexSetRef<int>) == 2 * sizeof(void*));
  CHECK(sizeof(IndexSetRef<const int>) == 2 * sizeof(void*));
  CHECK(IndexSetRef<std::uint32_t>(small).slots() == small.slots());
  CHECK(IndexSetRef<std::uint32_t>(large).slots() == large.slots());
  CHECK(IndexSetRef<std::uint32_t>(large).capacity() == 300);
  CHECK(IndexSetRef<std::uint32_t>(odd).max_size() == 17);
  // The owner's layout and traits are unchanged by the shared base.
  static_assert(std::is_trivially_copyable_v<IndexSet<int, 8>>);
  static_assert(sizeof(IndexSet<int, 8>) == sizeof(heapless::IndexMap<int, heapless::detail::index_set_unit, 8>));
  static_assert(std::is_same_v<IndexSetRef<int>::iterator, const int*>);
  static_assert(std::is_same_v<IndexSetRef<const int>::key_type, int>);
}

TEST_CASE("IndexSetRef: reads and writes every length type", "[index_set][index_set_ref]") {
  HEAPLESS_NO_ALLOC_SCOPE;
#if defined(__ARM_ARCH_PROFILE) && __ARM_ARCH_PROFILE == 'M'
  static IndexSet<std::uint32_t, 5> big;  // would not fit a microcontroller's RAM
#else
  static IndexSet<std::uint32_t, 70000> big;  // four-byte length and slots
  static_assert(sizeof(heapless::detail::smallest_size_t<70000>) == 4);
#endif
  static IndexSet<std::uint32_t, 400> mid;  // two-byte length and slots
  IndexSet<std::uint32_t, 10> tiny;
  big.clear();
  mid.clear();
  for (IndexSetRef<std::uint32_t> r :
       {IndexSetRef<std::uint32_t>(tiny), IndexSetRef<std::uint32_t>(mid), IndexSetRef<std::uint32_t>(big)}) {
    CHECK(r.empty());
    const std::size_t n = r.capacity() < 300 ? r.capacity() : 300;
    for (std::size_t i = 0; i < n; ++i) r.insert(static_cast<std::uint32_t>(i * 7919u));
    CHECK(r.size() == n);
    CHECK(r.back() == static_cast<std::uint32_t>((n - 1) * 7919u));
    r.pop_back();
    r.shift_erase(r.begin());
    CHECK(r.size() == n - 2);
    CHECK(agrees(r));
    r.clear();
    CHECK(r.empty());
  }
}

TEST_CASE("IndexSetRef: every member through the view", "[index_set][index_set_ref]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  IndexSet<int, 10> owner;
  IndexSetRef<int> s = owner;
  // insertion
  auto r = s.insert(1);
  CHECK(r.second);
  CHECK(r.first == owner.begin());
  CHECK_FALSE(s.insert(1).second);
  const int two = 2;
  CHECK(s.insert(two).second);
  CHECK(*s.insert(s.cend(), 3) == 3);
  CHECK(*s.insert(s.cend(), two) == 2);
  int four = 4;
  CHECK(*s.insert(s.cbegin(), std::move(four)) == 4);
  const int more[] = {5, 1, 6};
  s.insert(std::begin(more), std::end(more));
  s.insert({7, 2});
  CHECK(s.emplace(8).second);
  CHECK(s.emplace_hint(s.cbegin(), 8) == s.begin() + 7);
  auto t = s.try_insert(9);
  REQUIRE(t);
  CHECK(t->second);
  CHECK(t->first == owner.begin() + 8);
  t = s.try_insert(two);
  REQUIRE(t);
  CHECK_FALSE(t->second);
  CHECK(t->first == owner.begin() + 1);
  CHECK(same(owner, {1, 2, 3, 4, 5, 6, 7, 8, 9}));
  // size and function objects
  CHECK(s.size() == 9);
  CHECK_FALSE(s.empty());
  CHECK_FALSE(s.full());
  CHECK(s.hash_function()(5) == owner.hash_function()(5));
  CHECK(s.key_eq()(3, 3));
  // iteration and positions
  CHECK(s.begin() == owner.begin());
  CHECK(s.end() == owner.end());
  CHECK(s.cbegin() == owner.cbegin());
  CHECK(s.cend() == owner.cend());
  CHECK(*s.rbegin() == 9);
  CHECK(*s.crbegin() == 9);
  CHECK(s.rend() - s.rbegin() == 9);
  CHECK(s.crend() - s.crbegin() == 9);
  CHECK(s.data() == owner.data());
  CHECK(s.keys().size() == 9);
  CHECK(s.keys()[3] == 4);
  CHECK(*s.nth(2) == 3);
  CHECK(s.nth(9) == s.end());
  CHECK(*s.index_of(5) == 4);
  CHECK_FALSE(s.index_of(42).has_value());
  CHECK(s.front() == 1);
  CHECK(s.back() == 9);
  CHECK(std::count_if(s.begin(), s.end(), [](int k) { return k % 2 == 0; }) == 4);
  // lookup
  CHECK(s.find(7) == owner.begin() + 6);
  CHECK(s.find(42) == s.end());
  CHECK(s.find(static_cast<short>(7)) == owner.begin() + 6);  // another integer type, by value
  CHECK(s.contains(9));
  CHECK_FALSE(s.contains(-1));
  CHECK(s.count(9) == 1);
  CHECK(s.count(10) == 0);
  // erasure
  CHECK(s.erase(s.cbegin() + 1) == s.begin() + 1);  // 9 moves into the hole
  CHECK(same(owner, {1, 9, 3, 4, 5, 6, 7, 8}));
  CHECK(s.erase(3) == 1);
  CHECK(s.erase(3) == 0);
  CHECK(same(owner, {1, 9, 8, 4, 5, 6, 7}));
  CHECK(s.swap_erase(s.cbegin()) == s.begin());
  CHECK(same(owner, {7, 9, 8, 4, 5, 6}));
  CHECK(s.swap_erase(9) == 1);
  CHECK(s.swap_erase(9) == 0);
  CHECK(same(owner, {7, 6, 8, 4, 5}));
  CHECK(s.shift_erase(s.cbegin() + 1) == s.begin() + 1);
  CHECK(same(owner, {7, 8, 4, 5}));
  CHECK(s.shift_erase(8) == 1);
  CHECK(s.shift_erase(8) == 0);
  CHECK(same(owner, {7, 4, 5}));
  s.pop_back();
  CHECK(same(owner, {7, 4}));
  CHECK(agrees(owner));
  s.insert({1, 2, 3, 5, 6, 8});
  CHECK(erase_if(s, [](int k) { return k % 2 == 0; }) == 4);
  CHECK(same(owner, {7, 1, 3, 5}));
  CHECK(agrees(owner));
  // relations
  IndexSet<int, 4> sub = {3, 7};
  IndexSet<int, 64> super = {1, 2, 3, 5, 7};
  CHECK(IndexSetRef<int>(sub).is_subset(s));
  CHECK(IndexSetRef<int>(sub).is_subset(owner));
  CHECK(s.is_subset(super));
  CHECK(s.is_subset(IndexSetRef<int>(super)));
  CHECK_FALSE(s.is_subset(sub));
  CHECK(s.is_superset(sub));
  CHECK(s.is_superset(IndexSetRef<const int>(sub)));
  CHECK_FALSE(s.is_superset(super));
  CHECK(sub.is_subset(s));  // an owner asks about a view
  CHECK(super.is_superset(s));
  s.clear();
  CHECK(owner.empty());
  CHECK(s.begin() == s.end());
}

TEST_CASE("IndexSetRef: capacity violations go through the error model", "[index_set][index_set_ref]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  IndexSet<int, 2> owner{1, 2};
  IndexSetRef<int> s = owner;
  HEAPLESS_CHECK_RAISES(length_error, s.insert(3));
  const int three = 3;
  HEAPLESS_CHECK_RAISES(length_error, s.insert(three));
  HEAPLESS_CHECK_RAISES(length_error, s.insert(s.cend(), 3));
  HEAPLESS_CHECK_RAISES(length_error, s.emplace(3));
  HEAPLESS_CHECK_RAISES(length_error, s.insert({1, 3}));
  CHECK_FALSE(s.try_insert(3).has_value());
  CHECK(s.try_insert(2).has_value());  // present: no room needed
  CHECK(same(owner, {1, 2}));
  CHECK(agrees(owner));
  IndexSet<move_only, 1, value_hash> mo;
  IndexSetRef<move_only, value_hash> mr = mo;
  CHECK(mr.try_insert(move_only(4)));
  move_only m(5);
  CHECK_FALSE(mr.try_insert(std::move(m)));
  CHECK(m.get() == 5);  // not moved from
}

TEST_CASE("IndexSetRef: stateful hash, colliding keys, string queries", "[index_set][index_set_ref]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  IndexSet<int, 16, keyed_hash> keyed(keyed_hash{0x5a5a});
  IndexSetRef<int, keyed_hash> k = keyed;
  for (int i = 0; i < 16; ++i) k.insert(i * 3);
  CHECK(k.hash_function().key == 0x5a5a);
  CHECK(k.contains(45));
  CHECK(agrees(keyed));

  IndexSet<int, 12, constant_hash> same_home;
  IndexSetRef<int, constant_hash> c = same_home;
  for (int i = 0; i < 12; ++i) c.insert(i);
  CHECK(c.swap_erase(0) == 1);
  CHECK(c.shift_erase(5) == 1);
  for (int i = 1; i < 12; ++i) CHECK(c.contains(i) == (i != 5));
  CHECK(agrees(same_home));

  IndexSet<heapless::String<16>, 8> names;
  IndexSetRef<heapless::String<16>> n = names;
  n.insert(heapless::String<16>("gpio"));
  n.emplace("uart");
  CHECK(n.contains("uart"));
  CHECK(n.contains(std::string_view("gpio")));
  CHECK_FALSE(n.contains("i2c"));
  CHECK(*n.index_of("uart") == 1);
  CHECK(n.find(std::string_view("uart")) == names.begin() + 1);
  CHECK(n.erase("gpio") == 1);
  CHECK(n.front() == "uart");
  IndexSetRef<const heapless::String<16>> cn = names;
  CHECK(cn.count("uart") == 1);
}

TEST_CASE("IndexSetRef: the read-only view and comparisons", "[index_set][index_set_ref]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  IndexSet<std::uint32_t, 4> a{1, 2};
  IndexSet<std::uint32_t, 64> b{2, 1};
  const IndexSet<std::uint32_t, 4>& ca = a;
  IndexSetRef<const std::uint32_t> ra = ca;
  IndexSetRef<std::uint32_t> rb = b;
  IndexSetRef<const std::uint32_t> crb = rb;
  static_assert(std::is_same_v<decltype(ra.begin()), const std::uint32_t*>);
  static_assert(std::is_same_v<decltype(ra.front()), const std::uint32_t&>);
  CHECK(ra.front() == 1);
  CHECK(*crb.index_of(1u) == 1);
  CHECK(ra.contains(2u));
  CHECK(ra.capacity() == 4);
  CHECK(crb.capacity() == 64);
  CHECK(ra == crb);  // capacities differ
  CHECK(IndexSetRef<std::uint32_t>(a) == rb);
  CHECK((IndexSetRef<std::uint32_t>(a) == b));  // an IndexSet converts
  CHECK(ra.is_subset(crb));
  rb.insert(3);
  CHECK(ra != crb);
  CHECK(crb.size() == 3);
  CHECK(sum_ids(b) == 6);
  const IndexSetRef<std::uint32_t> const_view = rb;  // a const view reads
  CHECK(const_view.contains(3u));
  CHECK(*const_view.nth(2) == 3);
}

TEST_CASE("IndexSetRef: aliasing - views of one set, keys taken from the set", "[index_set][index_set_ref]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  IndexSet<int, 16> owner;
  IndexSetRef<int> one = owner, two = owner;
  for (int i = 0; i < 10; ++i) one.insert(i);
  CHECK(two.size() == 10);
  CHECK(two.swap_erase(3) == 1);
  CHECK_FALSE(one.contains(3));
  CHECK_FALSE(one.insert(one.keys()[0]).second);
  CHECK_FALSE(one.try_insert(owner.keys()[4])->second);
  one.shift_erase(one.nth(1));
  CHECK(agrees(owner));
  two.pop_back();
  CHECK(agrees(owner));
}

TEST_CASE("IndexSetRef: the key matrix through the view", "[index_set][index_set_ref][matrix]") {
  auto run = [](auto key_tag) {
    using K = typename decltype(key_tag)::type;
    HEAPLESS_LIFETIME_CHECK;
    HEAPLESS_NO_ALLOC_SCOPE;
    IndexSet<K, 6, value_hash> owner;
    IndexSetRef<K, value_hash> s = owner;
    for (int i = 0; i < 5; ++i) s.insert(make<K>(i));
    CHECK(same(s, {0, 1, 2, 3, 4}));
    CHECK(s.contains(make<K>(2)));
    CHECK(s.erase(make<K>(1)) == 1);
    CHECK(same(s, {0, 4, 2, 3}));
    CHECK(s.shift_erase(make<K>(0)) == 1);
    CHECK(same(s, {4, 2, 3}));
    s.pop_back();
    s.emplace(make<K>(5));
    CHECK(same(owner, {4, 2, 5}));
    CHECK(erase_if(s, [](const K& k) { return value_of(k) == 4; }) == 1);
    CHECK(same(s, {2, 5}));
    CHECK(agrees(owner));
    s.clear();
    for (int i = 0; i < 6; ++i) s.insert(make<K>(i));
    CHECK(s.full());
    CHECK_FALSE(s.try_insert(make<K>(9)).has_value());
    for (const K& k : s) CHECK(reinterpret_cast<std::uintptr_t>(&k) % alignof(K) == 0);
  };
  heapless::test::for_each_type<trivial, counted, move_only, throwing, overaligned>(run);
}
