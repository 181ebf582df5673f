// catch_pch.hpp - the test framework's header, compiled once per configuration
// into a precompiled header that every Catch2 test reuses (tests/CMakeLists.txt,
// HEAPLESS_TEST_PCH): the same choice of header as test.hpp.
#if __has_include(<catch2/catch_test_macros.hpp>)
#include <catch2/catch_test_macros.hpp>
#else
#include <catch2/catch.hpp>
#endif
