# format_compile_fail.cmake - C++20 compile-time format checks: each case of
# format_bad_strings.cpp must fail to compile with its diagnostic; case 0
# (the control) must compile, so a broken command line cannot pass.
#   cmake -DCXX=<c++ compiler> -DSOURCE_DIR=<heapless root> -P format_compile_fail.cmake
# Wire it into ctest (tests/CMakeLists.txt, C++20 builds only):
#   if(CMAKE_CXX_STANDARD GREATER_EQUAL 20 AND NOT CMAKE_CROSSCOMPILING)
#     add_test(NAME format_compile_fail
#       COMMAND ${CMAKE_COMMAND} -DCXX=${CMAKE_CXX_COMPILER} -DSOURCE_DIR=${PROJECT_SOURCE_DIR}
#               -P ${CMAKE_CURRENT_SOURCE_DIR}/compile_fail/format_compile_fail.cmake)
#   endif()
cmake_minimum_required(VERSION 3.16)
set(src ${SOURCE_DIR}/tests/compile_fail/format_bad_strings.cpp)
set(expect
  "-"  # 0: compiles
  "format_string_error_more_fields_than_arguments"
  "format_string_error_argument_never_used"
  "format_string_error_spec_not_valid_for_argument_type"
  "format_string_error_spec_not_valid_for_argument_type"
  "format_string_error_unmatched_open_brace"
  "format_string_error_more_fields_than_arguments"
  "format_string_error_invalid_spec"
  "no formatter for this argument type")
list(LENGTH expect n)
math(EXPR last "${n} - 1")
# Both C++20 paths: precompiled format strings (hosts) and check-only (MCUs).
foreach(pre 1 0)
foreach(i RANGE ${last})
  list(GET expect ${i} want)
  execute_process(
    COMMAND ${CXX} -std=c++20 -fsyntax-only -I${SOURCE_DIR}/include -DHEAPLESS_CASE=${i}
            -DHEAPLESS_FORMAT_PRECOMPILE=${pre} ${src}
    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(i EQUAL 0)
    if(NOT rc EQUAL 0)
      message(FATAL_ERROR "control case does not compile:\n${err}")
    endif()
  elseif(rc EQUAL 0)
    message(FATAL_ERROR "case ${i} compiled; expected a compile error (${want})")
  elseif(NOT err MATCHES "${want}")
    message(FATAL_ERROR "case ${i} failed without the expected diagnostic '${want}':\n${err}")
  else()
    message(STATUS "precompile=${pre} case ${i}: rejected at compile time (${want})")
  endif()
endforeach()
endforeach()
