// exception_for.hpp - the std exception the library throws for each
// error_kind when exceptions are on and no handler is installed
// (detail/error.hpp): what the tests and the fuzz targets catch.
#ifndef HEAPLESS_TESTS_EXCEPTION_FOR_HPP
#define HEAPLESS_TESTS_EXCEPTION_FOR_HPP

#include <new>        // std::bad_alloc
#include <stdexcept>  // std::length_error, std::out_of_range, std::invalid_argument

#include <heapless/detail/error.hpp>  // heapless::error_kind

namespace heapless {
namespace test {

template <error_kind K> struct exception_for;
template <> struct exception_for<error_kind::bad_alloc> { using type = std::bad_alloc; };
template <> struct exception_for<error_kind::length_error> { using type = std::length_error; };
template <> struct exception_for<error_kind::out_of_range> { using type = std::out_of_range; };
template <> struct exception_for<error_kind::invalid_argument> { using type = std::invalid_argument; };

}  // namespace test
}  // namespace heapless

#endif  // HEAPLESS_TESTS_EXCEPTION_FOR_HPP
