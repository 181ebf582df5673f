// SPDX-License-Identifier: BSL-1.0
// heapless/index_set.hpp - IndexSet<K, N, Hash, KeyEqual>: a hash set of at
// most N keys in the object itself, iterated in insertion order, with set
// algebra that keeps order. It is an IndexMap without values and lives in
// heapless/index_map.hpp; this header is the name to include for the set.
//
//   heapless::IndexSet<std::uint32_t, 32> seen;   // no heap, ever
//   if (!seen.try_insert(id)) { /* full: nothing changed */ }
//   heapless::set_union(a, b, out);               // a's order, then b's new keys
#ifndef HEAPLESS_INDEX_SET_HPP
#define HEAPLESS_INDEX_SET_HPP

#include "index_map.hpp"  // IndexSet, set_union, set_intersection, set_difference

#endif  // HEAPLESS_INDEX_SET_HPP
