// sorted_linked_list_random_test.cpp - SortedLinkedList against std::multiset
// over long deterministic random sequences. Elements carry a key and a unique
// tag and compare by key only; std::multiset inserts at the upper bound of
// equal keys, as push does, so the whole sequence of (key, tag) must match
// after every step. Operations (support/ops/sorted_linked_list_ops.hpp,
// shared with fuzz/sorted_linked_list_fuzz.cpp): push, push and try_push when
// full, pop, try_pop, erase_after(find_before_if), erase(find_if),
// erase(find), remove_if, find_mut (changing the key, or popping), copy,
// move, clear.
#include "support/ops/sorted_linked_list_ops.hpp"
#include "support/ops/test_env.hpp"
#include "support/test.hpp"

#include <cstdint>  // std::uint64_t

#include <heapless/sorted_linked_list.hpp>

namespace {

namespace ops = heapless::test::ops;
namespace list_ops = heapless::test::sorted_linked_list_ops;
using heapless::test::allow_alloc_scope;
using heapless::test::keyed;
using ops::test_env;

template <class Tag, std::size_t N>
void run(std::uint64_t seed, long steps, int key_range) {
  list_ops::model m;
  m.key_range = key_range;
  {
    HEAPLESS_NO_ALLOC_SCOPE;
    HEAPLESS_LIFETIME_CHECK;
    static heapless::SortedLinkedList<keyed<Tag>, N> l;  // static: keeps the stack small on 16 KB targets
    l.clear();
    ops::run_steps(seed, steps, [&](heapless::test::rng& r) {
      list_ops::apply_op<test_env>(m, l, r.below(list_ops::op_count), r);
      list_ops::compare<test_env>(m, l);
    });
    l.clear();
  }
  const allow_alloc_scope allow;
  m = list_ops::model();
}

}  // namespace

TEST_CASE("SortedLinkedList random differential: many equal keys", "[sorted_linked_list][random]") {
  run<int, 32>(1, heapless::test::scaled(50000), 12);
}

TEST_CASE("SortedLinkedList random differential: wide keys, often full", "[sorted_linked_list][random]") {
  run<int, 20>(2, heapless::test::scaled(50000), 1000);
  run<int, 3>(3, heapless::test::scaled(20000), 5);
}

TEST_CASE("SortedLinkedList random differential: counted tags (lifetimes)", "[sorted_linked_list][random]") {
  run<heapless::test::counted, 12>(4, heapless::test::scaled(20000), 8);
}
