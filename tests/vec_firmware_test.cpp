// vec_firmware_test.cpp - Vec members for firmware: swap_erase, drain,
// receiving into spare capacity (spare_capacity, unchecked_set_size,
// try_set_size), array conversions (array.hpp) and std::hash<Vec>.
#include "support/test.hpp"

#include <array>    // std::array: from_array / to_array
#include <cstddef>  // std::byte, std::size_t
#include <cstdint>  // std::uint8_t, std::uint16_t
#include <cstring>  // std::memcpy: a simulated DMA transfer
#include <iterator>  // std::back_inserter

#include <heapless/array.hpp>
#include <heapless/vec.hpp>

using heapless::Vec;
using heapless::test::counted;
using heapless::test::move_only;
using heapless::test::values_are;

namespace {

/// A read()-style driver call: writes up to `room` bytes at `dst`, returns
/// how many.
std::size_t fake_read(void* dst, std::size_t room) {
  static const char msg[] = "AT+OK\r\n";
  const std::size_t n = room < sizeof msg - 1 ? room : sizeof msg - 1;
  std::memcpy(dst, msg, n);
  return n;
}

struct not_hashable {
  int v;
};

}  // namespace

// ---- swap_erase ----------------------------------------------------------------

TEST_CASE("Vec::swap_erase moves the last element into the hole", "[vec][firmware]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  Vec<int, 8> v = {1, 2, 3, 4, 5};
  auto it = v.swap_erase(v.begin() + 1);
  CHECK(it == v.begin() + 1);
  CHECK(values_are(v, {1, 5, 3, 4}));
  it = v.swap_erase(v.end() - 1);  // the last one: nothing moves
  CHECK(it == v.end());
  CHECK(values_are(v, {1, 5, 3}));
  it = v.swap_erase(v.begin());
  CHECK(*it == 3);
  CHECK(values_are(v, {3, 5}));
  v.swap_erase(v.begin());
  v.swap_erase(v.begin());
  CHECK(v.empty());
}

TEST_CASE("Vec::swap_erase keeps lifetimes balanced", "[vec][firmware][lifetime]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  HEAPLESS_LIFETIME_CHECK;
  {
    Vec<counted, 4> v = {10, 20, 30};
    v.swap_erase(v.begin());
    CHECK(values_are(v, {30, 20}));
    Vec<move_only, 4> m;
    m.emplace_back(1);
    m.emplace_back(2);
    m.emplace_back(3);
    m.swap_erase(m.begin() + 1);
    CHECK(m.size() == 2);
    CHECK(m[1].get() == 3);
  }
}

#if HEAPLESS_TEST_CAN_CATCH_ASSERT
TEST_CASE("Vec firmware preconditions are asserted", "[vec][firmware][assert]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  Vec<int, 4> v = {1, 2};
  int sink[4] = {};
  HEAPLESS_CHECK_RAISES(precondition, v.swap_erase(v.end()));
  HEAPLESS_CHECK_RAISES(precondition, v.drain(v.end(), v.begin(), sink));
  HEAPLESS_CHECK_RAISES(precondition, v.unchecked_set_size(5));
  CHECK(values_are(v, {1, 2}));
}
#endif

// ---- drain ---------------------------------------------------------------------

TEST_CASE("Vec::drain moves a range out in order, then erases it", "[vec][firmware]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  Vec<int, 8> v = {1, 2, 3, 4, 5, 6};
  int out[8] = {};
  int* end = v.drain(v.begin() + 1, v.begin() + 4, out);
  CHECK(end == out + 3);
  CHECK(out[0] == 2);
  CHECK(out[1] == 3);
  CHECK(out[2] == 4);
  CHECK(values_are(v, {1, 5, 6}));
  Vec<int, 8> w;
  v.drain(v.begin(), v.end(), std::back_inserter(w));
  CHECK(v.empty());
  CHECK(values_are(w, {1, 5, 6}));
  CHECK(w.drain(w.begin(), w.begin(), out) == out);  // empty range
  CHECK(w.size() == 3);
}

TEST_CASE("Vec::drain of move-only and counted elements", "[vec][firmware][lifetime]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  HEAPLESS_LIFETIME_CHECK;
  {
    Vec<move_only, 4> m;
    m.emplace_back(1);
    m.emplace_back(2);
    m.emplace_back(3);
    Vec<move_only, 4> dst;
    m.drain(m.begin(), m.begin() + 2, std::back_inserter(dst));
    CHECK(m.size() == 1);
    CHECK(m[0].get() == 3);
    CHECK(dst.size() == 2);
    CHECK(dst[1].get() == 2);
    Vec<counted, 4> c = {1, 2, 3, 4};
    Vec<counted, 4> cd;
    c.drain(c.begin() + 2, c.end(), std::back_inserter(cd));
    CHECK(values_are(c, {1, 2}));
    CHECK(values_are(cd, {3, 4}));
  }
}

// ---- Spare capacity ------------------------------------------------------------

TEST_CASE("Vec receives bytes straight into its spare capacity", "[vec][firmware]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  Vec<std::byte, 16> rx;
  rx.push_back(std::byte{0x55});
  auto spare = rx.spare_capacity();
  CHECK(spare.size() == 15);
  CHECK(spare.size_bytes() == 15);
  CHECK(spare.data() == rx.data() + 1);
  CHECK(!spare.empty());
  const std::size_t got = fake_read(spare.as_bytes(), spare.size_bytes());
  CHECK(rx.try_set_size(rx.size() + got));
  CHECK(rx.size() == 8);
  CHECK(rx[1] == std::byte{'A'});
  CHECK(rx[7] == std::byte{'\n'});
  CHECK(!rx.try_set_size(17));  // refused, nothing changes
  CHECK(rx.size() == 8);
  rx.unchecked_set_size(2);     // shrinking drops the tail
  CHECK(rx.size() == 2);
  rx.unchecked_set_size(16);
  CHECK(rx.full());
  CHECK(rx.spare_capacity().empty());
}

TEST_CASE("Vec spare capacity of wider trivially copyable elements", "[vec][firmware]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  Vec<std::uint16_t, 8> samples = {1, 2};
  std::size_t k = 0;
  for (std::uint16_t& slot : samples.spare_capacity()) slot = static_cast<std::uint16_t>(100 + k++);
  CHECK(k == 6);
  CHECK(samples.try_set_size(5));
  CHECK(values_are(samples, {1, 2, 100, 101, 102}));
  CHECK(samples.spare_capacity().size_bytes() == 3 * sizeof(std::uint16_t));
  Vec<int, 0> none;
  CHECK(none.spare_capacity().empty());
  CHECK(none.try_set_size(0));
  CHECK(!none.try_set_size(1));
}

template <class V, class = void>
struct has_spare_capacity : std::false_type {};
template <class V>
struct has_spare_capacity<V, std::void_t<decltype(std::declval<V&>().spare_capacity())>> : std::true_type {};
template <class V, class = void>
struct has_try_set_size : std::false_type {};
template <class V>
struct has_try_set_size<V, std::void_t<decltype(std::declval<V&>().try_set_size(0))>> : std::true_type {};
static_assert(has_spare_capacity<Vec<std::byte, 4>>::value);
static_assert(!has_spare_capacity<Vec<counted, 4>>::value, "non-trivial T: no uninitialised access");
static_assert(has_try_set_size<Vec<int, 4>>::value);
static_assert(!has_try_set_size<Vec<counted, 4>>::value);

// ---- Arrays --------------------------------------------------------------------

TEST_CASE("from_array and to_array", "[vec][firmware][array]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  const int raw[] = {1, 2, 3};
  auto a = heapless::from_array(raw);
  static_assert(std::is_same_v<decltype(a), Vec<int, 3>>);
  CHECK(values_are(a, {1, 2, 3}));
  auto b = heapless::from_array<8>(raw);
  static_assert(std::is_same_v<decltype(b), Vec<int, 8>>);
  CHECK(values_are(b, {1, 2, 3}));
  const std::array<int, 2> sa = {4, 5};
  auto c = heapless::from_array(sa);
  static_assert(std::is_same_v<decltype(c), Vec<int, 2>>);
  CHECK(values_are(c, {4, 5}));
  auto d = heapless::from_array<4>(std::array<int, 2>{6, 7});
  CHECK(values_are(d, {6, 7}));

  std::array<int, 8> e = heapless::to_array(b);
  CHECK(e[0] == 1);
  CHECK(e[2] == 3);
  CHECK(e[3] == 0);  // value-initialised tail
  std::array<int, 5> f = heapless::to_array<5>(c);
  CHECK(f[1] == 5);
  CHECK(f[4] == 0);
}

TEST_CASE("from_array and to_array move their elements", "[vec][firmware][array][lifetime]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  HEAPLESS_LIFETIME_CHECK;
  {
    move_only raw[2] = {move_only(1), move_only(2)};
    auto v = heapless::from_array(std::move(raw));
    CHECK(v[1].get() == 2);
    CHECK(raw[1].get() == -1);  // moved from
    std::array<move_only, 3> out = heapless::to_array<3>(std::move(v));
    CHECK(out[0].get() == 1);
    CHECK(out[2].get() == 0);
    Vec<counted, 3> cv = {7, 8};
    std::array<counted, 3> ca = heapless::to_array(cv);
    CHECK(ca[1] == counted(8));
    auto back = heapless::from_array<4>(ca);
    CHECK(values_are(back, {7, 8, 0}));
  }
}

// ---- Hashing -------------------------------------------------------------------

TEST_CASE("std::hash<Vec> is deterministic and order-sensitive", "[vec][firmware][hash]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  const std::hash<Vec<int, 4>> h{};
  const Vec<int, 4> a = {1, 2, 3};
  const Vec<int, 4> b = {1, 2, 3};
  const Vec<int, 4> c = {3, 2, 1};
  const Vec<int, 4> e;
  CHECK(h(a) == h(b));
  CHECK(h(a) != h(c));
  CHECK(h(e) != h(Vec<int, 4>{0}));
  Vec<Vec<int, 4>, 2> nested = {a, c};
  CHECK(std::hash<Vec<Vec<int, 4>, 2>>{}(nested) == std::hash<Vec<Vec<int, 4>, 2>>{}(nested));
  static_assert(std::is_default_constructible_v<std::hash<Vec<int, 4>>>);
  static_assert(!std::is_default_constructible_v<std::hash<Vec<not_hashable, 4>>>,
                "std::hash<Vec<T, N>> is disabled when std::hash<T> is");
}
