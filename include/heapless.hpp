// SPDX-License-Identifier: BSL-1.0
// heapless.hpp - the umbrella header: every heapless container.
//
// heapless: fixed-capacity C++17 containers that never touch the heap.
// Each container also has its own header (include only what you use):
#ifndef HEAPLESS_HPP
#define HEAPLESS_HPP

#include <heapless/vec.hpp>
#include <heapless/pool.hpp>
#include <heapless/string.hpp>
#include <heapless/format.hpp>
#include <heapless/charconv.hpp>        // parse<T>, to_string<N>
#include <heapless/split.hpp>           // split(text, sep)
#include <heapless/linear_map.hpp>
#include <heapless/index_map.hpp>       // IndexMap, IndexSet, heapless::hash
#include <heapless/spsc.hpp>
#include <heapless/mpmc.hpp>
#include <heapless/arc.hpp>
#include <heapless/object_pool.hpp>
#include <heapless/deque.hpp>
#include <heapless/history_buffer.hpp>
// BinaryHeap and SortedLinkedList
#include <heapless/binary_heap.hpp>
#include <heapless/sorted_linked_list.hpp>

#endif  // HEAPLESS_HPP
