// SPDX-License-Identifier: BSL-1.0
// heapless/detail/iterator.hpp - std::reverse_iterator and the iterator tags
// without the cost of <iterator>.
//
// libstdc++'s <iterator> also pulls in the stream iterators (<iosfwd>,
// <streambuf>...), a large part of a small translation unit's parsing time
// (docs/benchmarks.md, "Header weight"). The parts a container needs live in two internal headers that every
// libstdc++ since GCC 4 ships; elsewhere (libc++, MSVC STL) <iterator> is used.
#ifndef HEAPLESS_DETAIL_ITERATOR_HPP
#define HEAPLESS_DETAIL_ITERATOR_HPP

#include <cstddef>  // std::ptrdiff_t (and, on libstdc++, the __GLIBCXX__ macro)

#if defined(__GLIBCXX__) && __has_include(<bits/stl_iterator.h>) && \
    __has_include(<bits/stl_iterator_base_funcs.h>)
#include <bits/stl_iterator_base_types.h>  // iterator tags, std::iterator_traits
#include <bits/stl_iterator_base_funcs.h>  // std::distance, std::advance
#include <bits/stl_iterator.h>             // std::reverse_iterator, std::make_move_iterator
#if __cplusplus >= 202002L && __has_include(<bits/ranges_base.h>)
#include <initializer_list>    // (bits/ranges_base.h names std::initializer_list)
#include <bits/ranges_base.h>  // std::ranges::enable_borrowed_range (for the spans of rings and heaps)
#endif
#else
#include <iterator>
#endif

#endif  // HEAPLESS_DETAIL_ITERATOR_HPP
