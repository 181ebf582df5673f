# HeaplessSingleHeader.cmake - HEAPLESS_TEST_SINGLE_HEADER=ON compiles heapless's
# own tests, examples and benchmarks against the generated single header
# (single_include/heapless.hpp) instead of the include/ tree, with no change to
# any source: a generated include directory holds, for every header under
# include/, a forwarding header of the same name that includes the single
# header, and the heapless target's build include directory points there.
# (Included by cmake/HeaplessDev.cmake; consumers never see this.)
include_guard(GLOBAL)

option(HEAPLESS_TEST_SINGLE_HEADER
       "Build heapless's tests against single_include/heapless.hpp (the generated single header)" OFF)

if(HEAPLESS_TEST_SINGLE_HEADER)
  set(_single "${PROJECT_SOURCE_DIR}/single_include/heapless.hpp")
  if(NOT EXISTS "${_single}")
    message(FATAL_ERROR "HEAPLESS_TEST_SINGLE_HEADER: ${_single} is missing; "
                        "generate it with `cmake -P cmake/amalgamate.cmake`")
  endif()
  set(_fwd "${CMAKE_BINARY_DIR}/single-header-include")
  file(REMOVE_RECURSE "${_fwd}")
  file(GLOB_RECURSE _headers CONFIGURE_DEPENDS RELATIVE "${PROJECT_SOURCE_DIR}/include"
       "${PROJECT_SOURCE_DIR}/include/*.hpp")
  foreach(_h IN LISTS _headers)
    # The opt-in headers (cmake/amalgamate.cmake) are behind a macro there.
    set(_define "")
    if(_h MATCHES "^heapless/(array|ostream)\\.hpp$")
      string(TOUPPER "${CMAKE_MATCH_1}" _upper)
      set(_define "#define HEAPLESS_SINGLE_HEADER_${_upper} 1\n")
    endif()
    set(_target "${_single}")
    # The compact float conversion is in the single header only where it is
    # the float back end (HEAPLESS_FORMAT_STD_TO_CHARS == 0); its own tests
    # take the header itself, whose includes come back here.
    if(_h STREQUAL "heapless/detail/float_to_chars.hpp")
      set(_target "${PROJECT_SOURCE_DIR}/include/${_h}")
    endif()
    file(CONFIGURE OUTPUT "${_fwd}/${_h}" CONTENT
         "// Generated (HEAPLESS_TEST_SINGLE_HEADER): ${_h} -> the single header.\n${_define}#include \"${_target}\"\n")
  endforeach()
  set_property(TARGET heapless PROPERTY INTERFACE_INCLUDE_DIRECTORIES
    "$<BUILD_INTERFACE:${_fwd}>" "$<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>")
  message(STATUS "heapless: tests use the single header ${_single}")
endif()
