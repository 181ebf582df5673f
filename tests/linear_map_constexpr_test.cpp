// linear_map_constexpr_test.cpp - LinearMap in constant expressions.
// C++17: default construction is constant (a static map is constant-
// initialised). C++20: every operation, for trivial keys and values.
#include "support/test.hpp"

#include <string_view>

#include <heapless/linear_map.hpp>

using heapless::LinearMap;

namespace {

// Constant-initialised: no start-up code, no static-init-order problem
// (C++20 checks it with constinit).
#if HEAPLESS_CPP20
constinit LinearMap<int, int, 16> g_table;
#else
LinearMap<int, int, 16> g_table;
#endif

}  // namespace

TEST_CASE("LinearMap constexpr: default construction is a constant expression", "[linear_map][constexpr]") {
  static constexpr LinearMap<int, int, 8> m;
  STATIC_REQUIRE(m.empty());
  STATIC_REQUIRE(m.size() == 0);
  STATIC_REQUIRE(m.capacity() == 8);
  STATIC_REQUIRE(!m.full());
  STATIC_REQUIRE(m.begin() == m.end());
  CHECK(g_table.empty());
}

// Larger integer maps keep a hash index. A map built at compile time is
// searched at run time: a home slot computed in constant evaluation must
// equal the run-time one.
TEST_CASE("LinearMap constexpr: index home slots are the same at compile time and run time",
          "[linear_map][constexpr]") {
  using heapless::detail::linear_map_home;
  constexpr long long keys[] = {0, 1, -1, 256, 65536, 0x7FFFFFFF, -0x7FFFFFFF - 1, 0x123456789ABCDEF0};
  constexpr std::size_t ints[] = {
      linear_map_home<64>(static_cast<int>(keys[0])), linear_map_home<64>(static_cast<int>(keys[1])),
      linear_map_home<64>(static_cast<int>(keys[2])), linear_map_home<64>(static_cast<int>(keys[3])),
      linear_map_home<64>(static_cast<int>(keys[4])), linear_map_home<64>(static_cast<int>(keys[5])),
      linear_map_home<64>(static_cast<int>(keys[6]))};
  constexpr std::size_t wide = linear_map_home<40>(keys[7]);
  HEAPLESS_NO_ALLOC_SCOPE;
  for (std::size_t i = 0; i < sizeof(ints) / sizeof(ints[0]); ++i) {
    const long long* volatile k = &keys[i];  // forces run-time evaluation
    CHECK(linear_map_home<64>(static_cast<int>(*k)) == ints[i]);
    CHECK(ints[i] < heapless::detail::linear_map_index_slots<64>);
  }
  const long long* volatile k = &keys[7];
  CHECK(linear_map_home<40>(*k) == wide);
}

TEST_CASE("LinearMap constexpr: string tags are the same at compile time and run time", "[linear_map][constexpr]") {
  constexpr std::string_view words[] = {"", "a", "ab", "abc", "abcd", "uart0.bau", "uart0.baud", "a-sixteen-chars!",
                                        "a-seventeen-chars"};
  constexpr unsigned char compile_time[] = {
      heapless::detail::linear_map_tag(words[0]), heapless::detail::linear_map_tag(words[1]),
      heapless::detail::linear_map_tag(words[2]), heapless::detail::linear_map_tag(words[3]),
      heapless::detail::linear_map_tag(words[4]), heapless::detail::linear_map_tag(words[5]),
      heapless::detail::linear_map_tag(words[6]), heapless::detail::linear_map_tag(words[7]),
      heapless::detail::linear_map_tag(words[8])};
  HEAPLESS_NO_ALLOC_SCOPE;
  for (std::size_t i = 0; i < sizeof(words) / sizeof(words[0]); ++i) {
    const std::string_view* volatile w = &words[i];  // forces run-time evaluation
    CHECK(heapless::detail::linear_map_tag(*w) == compile_time[i]);
  }
}

#if HEAPLESS_CPP20
namespace {

enum class id : unsigned char { a, b, c, d };

constexpr LinearMap<int, int, 8> make_squares(int n) {
  LinearMap<int, int, 8> m;
  for (int i = 0; i < n; ++i) m[i] = i * i;
  return m;
}

constexpr int lookups() {
  const auto m = make_squares(6);
  return m.at(5) + (m.contains(6) ? 1000 : 0) + static_cast<int>(m.count(2)) + (m.find(7) == m.end() ? 10 : 0);
}

constexpr bool insertion_forms() {
  LinearMap<id, int, 4> m;
  bool ok = m.insert({id::a, 1}).second;
  ok = ok && m.emplace(id::b, 2).second;
  ok = ok && m.try_emplace(id::c, 3).second;
  ok = ok && !m.try_emplace(id::c, 9).second;
  ok = ok && m.insert_or_assign(id::c, 4).second == false;
  ok = ok && m.try_insert(id::d, 5).has_value();
  ok = ok && !m.try_insert(id::d, 6).value().second;
  ok = ok && m.full();
  ok = ok && m.at(id::c) == 4;
  ok = ok && !m.try_insert_or_assign(static_cast<id>(9), 0).has_value();
  return ok;
}

constexpr bool erasure_and_order() {
  LinearMap<int, int, 8> m = {{1, 1}, {2, 2}, {3, 3}, {4, 4}, {5, 5}};
  m.erase(2);               // 5 moves into slot 1: 1 5 3 4
  m.erase_stable(3);        // 1 5 4
  m.erase(m.begin());       // 4 5
  const int expect[] = {4, 5};
  int i = 0;
  for (auto& [k, v] : m) {
    if (k != expect[i] || v != expect[i]) return false;
    v *= 10;
    ++i;
  }
  erase_if(m, [](const auto& e) { return e.first == 4; });
  return m.size() == 1 && m.at(5) == 50;
}

constexpr bool copy_swap_equality() {
  LinearMap<int, int, 4> a = {{1, 10}, {2, 20}};
  LinearMap<int, int, 4> b = a;  // copies the whole storage
  b[3] = 30;
  a.swap(b);
  LinearMap<int, int, 4> c = {{3, 30}, {2, 20}, {1, 10}};
  return a.size() == 3 && b.size() == 2 && a == c && a != b;
}

constexpr int keys_and_values() {
  auto m = make_squares(4);
  int s = 0;
  for (int k : m.keys()) s += k;
  for (int& v : m.values()) v += 1;
  for (int v : m.values()) s += v;
  return s;  // (0+1+2+3) + (1+2+5+10)
}

}  // namespace

// Integer maps of more than 128 bytes of keys keep a hash index: a map built
// at compile time (index included) is searched at run time.
constexpr LinearMap<int, int, 64> make_ids() {
  LinearMap<int, int, 64> m;
  for (int i = 0; i < 64; ++i) m[i * 256 - 5000] = i;
  m.erase(-5000);        // the last entry moves to slot 0
  m.erase_stable(256 * 10 - 5000);
  return m;
}

TEST_CASE("LinearMap constexpr: every operation in a constant expression (C++20)", "[linear_map][constexpr]") {
  STATIC_REQUIRE(lookups() == 25 + 1 + 10);
  STATIC_REQUIRE(insertion_forms());
  STATIC_REQUIRE(erasure_and_order());
  STATIC_REQUIRE(copy_swap_equality());
  STATIC_REQUIRE(keys_and_values() == 6 + 18);
  constexpr auto table = make_squares(8);
  STATIC_REQUIRE(table.full());
  STATIC_REQUIRE(table.at(7) == 49);
  CHECK(table.at(3) == 9);  // and usable at run time
  static constexpr auto ids = make_ids();
  STATIC_REQUIRE(ids.size() == 62 && ids.at(63 * 256 - 5000) == 63 && !ids.contains(-5000));
  HEAPLESS_NO_ALLOC_SCOPE;
  const LinearMap<int, int, 64>* volatile p = &ids;  // searched at run time
  for (int i = 0; i < 64; ++i) {
    const auto it = p->find(i * 256 - 5000);
    CHECK((it == p->end()) == (i == 0 || i == 10));
    if (it != p->end()) CHECK(it->second == i);
  }
}
#endif
