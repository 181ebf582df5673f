// index_map_constexpr_test.cpp - IndexMap and IndexSet in constant
// expressions. C++17: default construction is constant (a static map is
// constant-initialised). C++20: every operation, for trivial keys and values.
#include "support/test.hpp"

#include <heapless/index_map.hpp>

using heapless::IndexMap;
using heapless::IndexSet;

namespace {

#if HEAPLESS_CPP20
constinit IndexMap<int, int, 16> g_table;
#else
IndexMap<int, int, 16> g_table;
#endif

}  // namespace

TEST_CASE("IndexMap constexpr: default construction is a constant expression", "[index_map][constexpr]") {
  static constexpr IndexMap<int, int, 8> m;
  STATIC_REQUIRE(m.empty());
  STATIC_REQUIRE(m.capacity() == 8);
  STATIC_REQUIRE(m.begin() == m.end());
  static constexpr IndexSet<int, 8> s;
  STATIC_REQUIRE(s.empty());
  g_table[3] = 4;
  CHECK(g_table.at(3) == 4);
  g_table.clear();
}

#if HEAPLESS_CPP20
namespace {

constexpr IndexMap<int, int, 64> make_ids() {
  IndexMap<int, int, 64> m;
  for (int i = 0; i < 64; ++i) m[i * 256 - 5000] = i;
  m.erase(-5000);                 // swap erase
  m.shift_erase(10 * 256 - 5000);  // order kept
  return m;
}

constexpr int copies_and_sets() {
  IndexMap<int, int, 5> m{{1, 1}, {2, 2}};
  auto c = m;
  c[3] = 3;
  m.swap(c);
  IndexSet<int, 5> a{1, 2, 3};
  IndexSet<int, 5> b{3, 4};
  IndexSet<int, 8> u;
  heapless::set_union(a, b, u);
  const auto t = a;
  return m.at(3) + (t.contains(2) ? 10 : 0) + (c != m ? 100 : 0) + static_cast<int>(u.size()) * 1000 +
         static_cast<int>(erase_if(m, [](auto& e) { return e.first == 1; }));
}

}  // namespace

TEST_CASE("IndexMap constexpr: every operation in constant evaluation (C++20)", "[index_map][constexpr]") {
  static constexpr auto ids = make_ids();
  STATIC_REQUIRE(ids.size() == 62);
  STATIC_REQUIRE(ids.at(63 * 256 - 5000) == 63);
  STATIC_REQUIRE(!ids.contains(-5000));
  STATIC_REQUIRE(*ids.index_of(11 * 256 - 5000) == 10);  // 63 took 0's place; 11 moved down
  STATIC_REQUIRE(copies_and_sets() == 4114);
  HEAPLESS_NO_ALLOC_SCOPE;
  const IndexMap<int, int, 64>* volatile p = &ids;  // searched at run time
  for (int i = 0; i < 64; ++i) {
    const auto it = p->find(i * 256 - 5000);
    CHECK((it == p->end()) == (i == 0 || i == 10));
    if (it != p->end()) CHECK(it->second == i);
  }
}
#endif
