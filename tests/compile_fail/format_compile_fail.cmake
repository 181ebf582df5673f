# format_compile_fail.cmake - compile-time format checks: each case of the
# source must fail to compile with its diagnostic; case 0 (the control) must
# compile, so a broken command line cannot pass.
#   cmake -DCXX=<c++ compiler> -DSOURCE_DIR=<heapless root> [-DSET=fmt] -P format_compile_fail.cmake
# Default set: format_bad_strings.cpp, plain format strings under C++20 (the
# consteval check), in both C++20 paths (precompiled, check-only).
# SET=fmt: format_fmt_bad_strings.cpp, HEAPLESS_FMT strings under C++17 and
# C++20 (static_asserts). ctest runs both (tests/CMakeLists.txt).
cmake_minimum_required(VERSION 3.16)
if(SET STREQUAL "fmt")
  set(src ${SOURCE_DIR}/tests/compile_fail/format_fmt_bad_strings.cpp)
  set(variants "-std=c++17" "-std=c++20")
  set(expect
    "-"  # 0: compiles
    "HEAPLESS_FMT: more fields than arguments"
    "HEAPLESS_FMT: an argument is never used"
    "HEAPLESS_FMT: spec not valid for the argument type"
    "HEAPLESS_FMT: spec not valid for the argument type"
    "HEAPLESS_FMT: '{' without matching '}'"
    "HEAPLESS_FMT: '}' must be written '}}'"
    "HEAPLESS_FMT: invalid format spec"
    "HEAPLESS_FMT: mixed automatic and manual indexing")
else()
  set(src ${SOURCE_DIR}/tests/compile_fail/format_bad_strings.cpp)
  # Both C++20 paths: precompiled format strings (hosts) and check-only (MCUs).
  set(variants "-std=c++20|-DHEAPLESS_FORMAT_PRECOMPILE=1" "-std=c++20|-DHEAPLESS_FORMAT_PRECOMPILE=0")
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
endif()
list(LENGTH expect n)
math(EXPR last "${n} - 1")
foreach(variant IN LISTS variants)
string(REPLACE "|" ";" flags "${variant}")  # one compiler argument per item
foreach(i RANGE ${last})
  list(GET expect ${i} want)
  execute_process(
    COMMAND ${CXX} ${flags} -fsyntax-only -I${SOURCE_DIR}/include -DHEAPLESS_CASE=${i} ${src}
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
    message(STATUS "${flags} case ${i}: rejected at compile time (${want})")
  endif()
endforeach()
endforeach()
