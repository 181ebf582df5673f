# HeaplessDev.cmake - settings for heapless's own tests, benchmarks and
# examples (never applied to consumers of the library).
#
#   HEAPLESS_SANITIZE        e.g. "address,undefined" or "thread"; findings are
#                            fatal (-fno-sanitize-recover=all)
#   HEAPLESS_NO_EXCEPTIONS   build everything with -fno-exceptions -fno-rtti; tests
#                            also with the user error handler (HEAPLESS_ERROR_HANDLER=1)
#                            and the mini test harness
#   HEAPLESS_WERROR          warnings are errors (default ON)
#   HEAPLESS_TEST_FILTER     regex: build only test files whose name matches
#   HEAPLESS_BUILD_FUZZ      libFuzzer targets (clang only), run by ctest with
#                            a fixed seed and a bounded number of runs
#   HEAPLESS_FUZZ_RUNS       runs per fuzz target under ctest
include_guard(GLOBAL)

set(HEAPLESS_SANITIZE "" CACHE STRING "Sanitizers for tests: address,undefined | thread | empty")
# Cross builds follow the toolchain's runtime (cmake/arm-none-eabi.cmake:
# HEAPLESS_CORTEXM_EXCEPTIONS, default OFF) unless told otherwise.
if(CMAKE_CROSSCOMPILING AND DEFINED HEAPLESS_CORTEXM_EXCEPTIONS AND NOT HEAPLESS_CORTEXM_EXCEPTIONS)
  set(_heapless_noexc_default ON)
else()
  set(_heapless_noexc_default OFF)
endif()
option(HEAPLESS_NO_EXCEPTIONS "Build tests with -fno-exceptions -fno-rtti" ${_heapless_noexc_default})
option(HEAPLESS_WERROR "Treat warnings as errors in heapless's own targets" ON)
set(HEAPLESS_TEST_FILTER "" CACHE STRING "Regex: only build test files matching it")
if(CMAKE_CXX_COMPILER_ID STREQUAL "Clang" AND NOT CMAKE_CROSSCOMPILING)
  set(_heapless_fuzz_default ON)
else()
  set(_heapless_fuzz_default OFF)
endif()
option(HEAPLESS_BUILD_FUZZ "Build libFuzzer targets (clang)" ${_heapless_fuzz_default})
set(HEAPLESS_FUZZ_RUNS 50000 CACHE STRING "libFuzzer -runs for each fuzz target under ctest")

add_library(heapless_dev_flags INTERFACE)
target_compile_options(heapless_dev_flags INTERFACE
  -Wall -Wextra -Wpedantic -Wconversion -Wsign-conversion -Wshadow
  -Wnon-virtual-dtor -Wold-style-cast -Wcast-align -Wdouble-promotion)
if(HEAPLESS_WERROR)
  target_compile_options(heapless_dev_flags INTERFACE -Werror)
endif()
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
  # GCC 7.1 ABI-change notes on ARM are informational, not defects.
  target_compile_options(heapless_dev_flags INTERFACE -Wno-psabi)
endif()

if(HEAPLESS_SANITIZE)
  add_compile_options(-fsanitize=${HEAPLESS_SANITIZE} -fno-sanitize-recover=all
                      -fno-omit-frame-pointer -g)
  add_link_options(-fsanitize=${HEAPLESS_SANITIZE})
  if(CMAKE_CXX_COMPILER_ID STREQUAL "Clang" AND HEAPLESS_BUILD_TESTS)
    # clang links its sanitizer runtimes statically and they define operator
    # new/delete, which clashes with the allocation trap's replacements; its
    # shared runtimes (-shared-libsan) crash at start-up with TSan on Debian 12.
    # g++'s runtimes are shared and let the trap's definitions win: use g++.
    message(FATAL_ERROR "HEAPLESS_SANITIZE with tests needs g++ (see cmake/HeaplessDev.cmake)")
  endif()
endif()
if(HEAPLESS_NO_EXCEPTIONS)
  add_compile_options(-fno-exceptions -fno-rtti)
  # The tests observe errors through heapless::error_handler (error_capture.cpp):
  # HEAPLESS_ERROR_HANDLER=1 is set on heapless_test_support (tests/CMakeLists.txt),
  # so examples and firmware programs keep the default error path (trap).
endif()

# ---- HEAPLESS_TEST_SINGLE_HEADER: tests against single_include/heapless.hpp
include(${CMAKE_CURRENT_LIST_DIR}/HeaplessSingleHeader.cmake)

# ---- Cross-compiling (cmake/arm-none-eabi.cmake): start-up code, newlib
# flavour and Catch2 for the target; see tests/target/target.cmake.
if(CMAKE_CROSSCOMPILING)
  include(${PROJECT_SOURCE_DIR}/tests/target/target.cmake)
endif()
