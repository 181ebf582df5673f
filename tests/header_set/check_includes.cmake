# check_includes.cmake - <heapless.hpp> keeps the heavy standard headers out.
#   cmake -DCXX=<compiler> -DSTD=<17|20|23> -DSOURCE_DIR=<heapless root> -P check_includes.cmake
# Runs the compiler with -H (print every included file) on a file that includes
# <heapless.hpp> and fails if one of the headers below is among them: each
# costs parse time in every translation unit of a user, and the library needs
# none of them (docs/design.md, "Header weight"). The atomics use the
# compiler's builtins (detail/atomic.hpp), the SSE2 scans its vector
# extensions (detail/linear_map_scan.hpp) and integer ranges come from
# detail::int_limits, so <atomic>, the x86 intrinsics headers (with the
# <stdlib.h> they bring) and <limits> are out as well, in C++17 and C++20 alike;
# the byte copies are the compiler's builtins (detail/cstring.hpp), so
# <cstring> and <string.h> too.
cmake_minimum_required(VERSION 3.16)
foreach(var CXX STD SOURCE_DIR)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "check_includes.cmake needs -D${var}=...")
  endif()
endforeach()
set(forbidden iterator string stdexcept streambuf istream ostream sstream memory
    functional algorithm cmath vector map unordered_map system_error locale
    atomic atomic_base.h limits emmintrin.h xmmintrin.h mmintrin.h mm_malloc.h stdlib.h cstdlib
    cstring string.h)
set(src "${CMAKE_CURRENT_BINARY_DIR}/heapless_include_set.cpp")
file(WRITE "${src}" "#include <heapless.hpp>\n")
execute_process(
  COMMAND "${CXX}" -std=c++${STD} -fsyntax-only -H -I "${SOURCE_DIR}/include" "${src}"
  RESULT_VARIABLE rc ERROR_VARIABLE trace OUTPUT_QUIET)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "compiling <heapless.hpp> failed:\n${trace}")
endif()
string(REPLACE "\n" ";" lines "${trace}")
set(found "")
foreach(line IN LISTS lines)
  if(line MATCHES "^\\.+ (.*)$")
    set(path "${CMAKE_MATCH_1}")
    get_filename_component(name "${path}" NAME)
    if(name IN_LIST forbidden AND NOT path MATCHES "/heapless/")
      list(APPEND found "${path}")
    endif()
  endif()
endforeach()
if(found)
  list(REMOVE_DUPLICATES found)
  string(REPLACE ";" "\n  " found "${found}")
  message(FATAL_ERROR "<heapless.hpp> (C++${STD}) includes heavy standard headers:\n  ${found}\n"
          "Run `${CXX} -std=c++${STD} -fsyntax-only -H -Iinclude` on it to see which header pulls them in.")
endif()
message(STATUS "<heapless.hpp> (C++${STD}) includes none of: ${forbidden}")
