# check_headers.cmake - every header opens the library through
# HEAPLESS_NAMESPACE_BEGIN (the ABI namespace of detail/config.hpp). A plain
# `namespace heapless {` would put its entities outside the tag, where files
# built with different settings share them again. The one allowed exception is
# the block of detail/error.hpp that declares what users define or catch.
#   cmake -DSOURCE_DIR=<repo> -P check_headers.cmake
cmake_minimum_required(VERSION 3.16)
file(GLOB_RECURSE headers ${SOURCE_DIR}/include/*.hpp)
set(bad "")
foreach(h IN LISTS headers)
  file(STRINGS ${h} lines REGEX "^[ \t]*namespace[ \t]+heapless[ \t]*(::[ \t]*[a-z_]+[ \t]*)?{")
  list(LENGTH lines n)
  get_filename_component(name ${h} NAME)
  if(name STREQUAL "error.hpp")
    if(n GREATER 1)
      list(APPEND bad "${h}: ${n} plain heapless namespaces (one allowed)")
    endif()
  elseif(n GREATER 0 AND NOT name STREQUAL "config.hpp")  # config.hpp: the macro itself
    list(APPEND bad "${h}: ${lines}")
  endif()
endforeach()
if(bad)
  string(REPLACE ";" "\n  " bad "${bad}")
  message(FATAL_ERROR "headers open `namespace heapless {` instead of HEAPLESS_NAMESPACE_BEGIN "
                      "(docs/design.md, One configuration per symbol):\n  ${bad}")
endif()
list(LENGTH headers count)
message(STATUS "${count} headers checked: none opens a plain namespace heapless")
