// vec_layout_test.cpp - heapless::Vec<T, N> properties: sizeof and the
// smallest length type, special members trivial exactly when T's are,
// constant initialisation, a default constructor that touches no element
// storage, and (C++20) use in constant expressions.
#include "support/test.hpp"

#include <cstddef>  // offsetof
#include <cstdint>  // std::uint8_t, std::uintptr_t
#include <cstring>  // std::memset
#include <new>      // placement new

#include <heapless/vec.hpp>

using heapless::Vec;
using heapless::test::counted;
using heapless::test::move_only;
using heapless::test::overaligned;
using heapless::test::throwing;
using heapless::test::trivial;

// ---- sizeof: elements, then the length in the smallest type -----------------
static_assert(sizeof(Vec<std::uint8_t, 15>) == 16);
static_assert(sizeof(Vec<std::uint8_t, 8>) == 9);
static_assert(sizeof(Vec<std::uint8_t, 255>) == 256);
static_assert(sizeof(Vec<std::uint8_t, 256>) == 258);  // 2-byte length from N = 256
static_assert(sizeof(Vec<char, 1>) == 2);
static_assert(sizeof(Vec<int, 64>) == 64 * sizeof(int) + sizeof(int));  // length padded to alignof(int)
static_assert(sizeof(Vec<std::uint16_t, 70000>) == 70000 * 2 + 4);
static_assert(sizeof(Vec<overaligned, 2>) == 3 * 64);
static_assert(alignof(Vec<overaligned, 2>) == 64);
static_assert(alignof(Vec<std::uint8_t, 300>) == 2);
// N == 0: an empty class (sizeof 1, no length stored).
static_assert(std::is_empty_v<Vec<int, 0>> && sizeof(Vec<int, 0>) == 1);
static_assert(std::is_empty_v<Vec<counted, 0>>);

// ---- Special members: trivial exactly when T's are ----------------------------
namespace {

// Trivially copyable, but with a non-trivial default constructor.
struct trivially_copyable_only {
  trivially_copyable_only() noexcept : v(1) {}
  int v;
};
// Trivial copy, non-trivial (user-provided) move.
struct odd_move {
  odd_move() = default;
  odd_move(const odd_move&) = default;
  odd_move(odd_move&&) noexcept {}
  odd_move& operator=(const odd_move&) = default;
  odd_move& operator=(odd_move&&) noexcept { return *this; }
};
// Trivially copyable with a deleted copy: moves only.
struct trivial_move_only {
  trivial_move_only() = default;
  trivial_move_only(const trivial_move_only&) = delete;
  trivial_move_only(trivial_move_only&&) = default;
  trivial_move_only& operator=(const trivial_move_only&) = delete;
  trivial_move_only& operator=(trivial_move_only&&) = default;
};

template <class T>
constexpr bool mirrors_traits() {
  using V = Vec<T, 4>;
  return std::is_trivially_copyable_v<V> == std::is_trivially_copyable_v<T> &&
         std::is_trivially_destructible_v<V> == std::is_trivially_destructible_v<T> &&
         std::is_trivially_copy_constructible_v<V> == std::is_trivially_copy_constructible_v<T> &&
         std::is_trivially_move_constructible_v<V> == std::is_trivially_move_constructible_v<T> &&
         std::is_copy_constructible_v<V> == std::is_copy_constructible_v<T> &&
         std::is_move_constructible_v<V> == std::is_move_constructible_v<T> &&
         std::is_copy_assignable_v<V> == (std::is_copy_constructible_v<T> && std::is_copy_assignable_v<T>) &&
         std::is_nothrow_move_constructible_v<V> == std::is_nothrow_move_constructible_v<T> &&
         std::is_nothrow_default_constructible_v<V>;
}

}  // namespace

static_assert(mirrors_traits<int>());
static_assert(mirrors_traits<char>());
static_assert(mirrors_traits<trivial>());
static_assert(mirrors_traits<counted>());
static_assert(mirrors_traits<move_only>());
static_assert(mirrors_traits<throwing>());
static_assert(mirrors_traits<overaligned>());
static_assert(mirrors_traits<trivially_copyable_only>());
static_assert(mirrors_traits<odd_move>());
static_assert(mirrors_traits<trivial_move_only>());
static_assert(mirrors_traits<int*>());
static_assert(std::is_trivially_copyable_v<Vec<int, 8>>);
static_assert(std::is_trivially_copy_assignable_v<Vec<int, 8>>);
static_assert(std::is_trivially_move_assignable_v<Vec<int, 8>>);
static_assert(std::is_trivially_copyable_v<Vec<trivially_copyable_only, 8>>);
static_assert(!std::is_trivially_default_constructible_v<Vec<int, 8>>);  // it sets the length
static_assert(!std::is_copy_constructible_v<Vec<move_only, 4>>);
static_assert(!std::is_copy_assignable_v<Vec<move_only, 4>>);
static_assert(std::is_nothrow_move_assignable_v<Vec<move_only, 4>>);
static_assert(!std::is_nothrow_copy_constructible_v<Vec<throwing, 4>>);
static_assert(!std::is_copy_constructible_v<Vec<trivial_move_only, 4>>);
static_assert(std::is_trivially_move_constructible_v<Vec<trivial_move_only, 4>>);
// N == 0 is trivially copyable whatever T is (std::inplace_vector's rule).
static_assert(std::is_trivially_copyable_v<Vec<counted, 0>>);
static_assert(std::is_trivially_copyable_v<Vec<move_only, 0>>);
static_assert(std::is_nothrow_swappable_v<Vec<int, 4>>);
static_assert(std::is_nothrow_swappable_v<Vec<move_only, 4>>);

// ---- Constant initialisation ------------------------------------------------------
// A Vec with static storage is constant-initialised: its default constructor
// never runs at start-up. Proof that works in C++17: `touch()` is a dynamic
// initialiser that runs BEFORE the definitions of g_ints / g_counted in this
// translation unit and pushes into them. If their initialisation were dynamic,
// it would run afterwards and reset them to empty.
namespace {
extern Vec<int, 4> g_ints;
extern Vec<counted, 4> g_counted;
int touch() {
  g_ints.push_back(42);
  g_counted.emplace_back(7);
  return 1;
}
const int g_touched = touch();  // dynamic initialisation (touch is not constexpr)
Vec<int, 4> g_ints;
Vec<counted, 4> g_counted;
#if HEAPLESS_CPP20
constinit Vec<int, 16> g_constinit;
constinit Vec<counted, 2> g_constinit_counted;
#endif
}  // namespace

TEST_CASE("Vec: a static Vec is constant-initialised (no start-up constructor)", "[vec][layout]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  CHECK(g_touched == 1);
  REQUIRE(g_ints.size() == 1);
  CHECK(g_ints[0] == 42);
  REQUIRE(g_counted.size() == 1);
  CHECK(g_counted[0].get() == 7);
#if HEAPLESS_CPP20
  CHECK(g_constinit.empty());
  CHECK(g_constinit_counted.empty());
#endif
}

// ---- Default construction touches no element storage ---------------------------------
namespace {
template <class V>
bool construct_leaves_storage_alone(bool value_init) {
  alignas(V) static unsigned char buf[sizeof(V)];
  std::memset(buf, 0xAA, sizeof buf);
  // GCC treats the bytes under a new object as dead (-flifetime-dse) and may drop
  // the memset; the barrier makes the pattern really reach memory first.
  asm volatile("" : : "r"(buf) : "memory");
  V* v = value_init ? ::new (static_cast<void*>(buf)) V() : ::new (static_cast<void*>(buf)) V;
  // Whatever the constructor stored is in memory after this barrier, and the
  // reads below cannot be answered from what the compiler knows. Only the bytes
  // right after construction are checked: once elements are added, the bytes
  // past them hold no object and the compiler may write them (GCC merges and
  // widens stores there), so their value says nothing about the library.
  asm volatile("" : : "r"(buf) : "memory");
  const std::size_t storage = V::capacity() * sizeof(typename V::value_type);
  bool untouched = true;
  const volatile unsigned char* bytes = buf;
  for (std::size_t i = 0; i < storage; ++i) untouched = untouched && bytes[i] == 0xAA;
  v->push_back(1);
  v->push_back(2);
  const bool ok = untouched && v->size() == 2 && (*v)[0] == 1 && (*v)[1] == 2;
  v->~V();
  return ok;
}
}  // namespace

TEST_CASE("Vec: default and value initialisation do not write element storage", "[vec][layout]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  CHECK(construct_leaves_storage_alone<Vec<int, 32>>(false));
  CHECK(construct_leaves_storage_alone<Vec<int, 32>>(true));
  CHECK(construct_leaves_storage_alone<Vec<std::uint8_t, 200>>(true));
}

TEST_CASE("Vec: the length is stored after the elements", "[vec][layout]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  Vec<std::uint8_t, 15> v;
  v.push_back(1);
  v.push_back(2);
  v.push_back(3);
  unsigned char bytes[sizeof v];
  std::memcpy(bytes, static_cast<const void*>(&v), sizeof v);
  CHECK(bytes[15] == 3);
  CHECK(static_cast<const void*>(v.data()) == static_cast<const void*>(&v));
}

TEST_CASE("Vec: a trivially copyable Vec survives memcpy", "[vec][layout]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  Vec<int, 8> a = {1, 2, 3};
  Vec<int, 8> b;
  std::memcpy(static_cast<void*>(&b), static_cast<const void*>(&a), sizeof a);
  CHECK(b == a);
  CHECK(b.size() == 3);
}

TEST_CASE("Vec: over-aligned elements are aligned", "[vec][layout]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  HEAPLESS_LIFETIME_CHECK;
  Vec<overaligned, 3> v;
  v.emplace_back(1);
  v.emplace_back(2);
  CHECK(reinterpret_cast<std::uintptr_t>(v.data()) % 64 == 0);
  CHECK(reinterpret_cast<std::uintptr_t>(&v[1]) % 64 == 0);
}

// ---- C++20: usable in constant expressions for trivial T --------------------------------
#if HEAPLESS_CPP20
namespace {

constexpr int constexpr_workout() {
  Vec<int, 8> v = {5, 1, 4};
  v.push_back(2);
  v.emplace_back(3);
  if (v.try_push_back(9) == nullptr) return -1;
  v.insert(v.begin(), 0);          // {0,5,1,4,2,3,9}
  v.erase(v.begin() + 1);          // {0,1,4,2,3,9}
  v.erase(v.end() - 2, v.end());   // {0,1,4,2}
  v.insert(v.begin() + 2, 2, 7);   // {0,1,7,7,4,2}
  const int more[] = {8, 6};
  v.insert(v.end(), more, more + 2);  // {0,1,7,7,4,2,8,6}
  if (!v.full()) return -2;
  if (v.try_push_back(1) != nullptr) return -3;
  v.pop_back();                    // {0,1,7,7,4,2,8}
  Vec<int, 8> w = v;               // trivial copy in constant evaluation
  w.resize(3);                     // {0,1,7}
  w.resize(5, 1);                  // {0,1,7,1,1}
  if (!(w < v) || w == v) return -4;
  heapless::erase(w, 1);           // {0,7}
  heapless::erase_if(v, [](int x) { return x == 7; });  // {0,1,4,2,8}
  w.swap(v);
  w.append(more, more + 1);        // {0,1,4,2,8,8}
  if ((w <=> v) >= 0) return -5;
  int sum = 0;
  for (int x : w) sum += x;
  for (auto it = v.rbegin(); it != v.rend(); ++it) sum += *it * 100;
  v.assign({3, 3});
  sum += v.at(1) * 10000;
  v.clear();
  return sum + static_cast<int>(v.size());
}

// A partly filled Vec can be a constant: its first element value-initialised
// every slot during constant evaluation (see docs/vec.md).
constexpr Vec<trivial, 4> make_trivials() {
  Vec<trivial, 4> v(0);
  v.push_back(trivial{1});
  v.push_back(trivial{2});
  v.insert(v.begin(), trivial{0});
  return v;
}

constexpr Vec<int, 0> empty_constant{};
constexpr Vec<int, 4> small_constant = {1, 2, 3};

}  // namespace

static_assert(constexpr_workout() == 23 + 700 + 30000);
static_assert(make_trivials().size() == 3);
static_assert(make_trivials()[0].value == 0 && make_trivials().back().value == 2);
static_assert(small_constant.size() == 3 && small_constant[2] == 3 && small_constant.at(0) == 1);
static_assert(empty_constant.empty() && empty_constant.full());
static_assert(small_constant == Vec<int, 4>{1, 2, 3});
static_assert(Vec<int, 4>{1, 2} < small_constant);

TEST_CASE("Vec: constexpr results match run-time results (C++20)", "[vec][layout][constexpr]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  CHECK(constexpr_workout() == 30723);
  CHECK(make_trivials().size() == 3);
}
#endif
