// SPDX-License-Identifier: BSL-1.0
// heapless/ostream.hpp - operator<< for Vec<char, N> (and, through
// string.hpp, String<N>) on std::ostream and any std::basic_ostream<char, Traits>.
//
//   #include <heapless/ostream.hpp>
//   heapless::String<16> s = "hello";
//   std::cout << s << '\n';   // as a std::string_view: width and fill apply
//
// Opt-in: heapless.hpp does not include this header, so <ostream> never
// enters a program that does not ask for it (firmware without iostreams).
// String<N> needs no header of its own: string.hpp prints it on any stream
// that prints a std::string_view, without including <ostream>; this header
// includes string.hpp so that one include covers both.
// A Vec<char, N> prints as its characters (it is not NUL-terminated; every
// element is written, '\0' included).
#ifndef HEAPLESS_OSTREAM_HPP
#define HEAPLESS_OSTREAM_HPP

#include <cstddef>      // std::size_t
#include <ostream>      // std::basic_ostream
#include <string_view>  // std::basic_string_view: the stream's own string output

#include <heapless/detail/config.hpp>  // HEAPLESS_NAMESPACE_BEGIN
#include <heapless/string.hpp>         // String and its operator<<
#include <heapless/vec.hpp>            // Vec

HEAPLESS_NAMESPACE_BEGIN

/// Writes the characters of v as a std::string_view would be written
/// (honours width, fill and adjustment).
template <class Traits, std::size_t N>
std::basic_ostream<char, Traits>& operator<<(std::basic_ostream<char, Traits>& os, const Vec<char, N>& v) {
  return os << std::basic_string_view<char, Traits>(v.data(), v.size());
}

HEAPLESS_NAMESPACE_END

#endif  // HEAPLESS_OSTREAM_HPP
