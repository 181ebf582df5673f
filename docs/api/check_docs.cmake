# check_docs.cmake - builds the API reference with Doxygen and fails on any
# warning that is not in docs/api/undocumented.txt (public members that were
# undocumented when the check was introduced: the list may only shrink; a new
# or changed public member must be documented). Run by the heapless_docs
# target and by ctest (heapless_api_docs).
#   cmake -DDOXYGEN=... -DDOXYFILE=... -DOUTPUT=... -DSOURCE_DIR=... -P check_docs.cmake
#   ... -DUPDATE=ON   rewrites undocumented.txt from the current warnings
cmake_minimum_required(VERSION 3.16)
file(REMOVE_RECURSE ${OUTPUT}/html)
file(MAKE_DIRECTORY ${OUTPUT})
execute_process(COMMAND ${DOXYGEN} ${DOXYFILE} RESULT_VARIABLE rc
                OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT EXISTS ${OUTPUT}/html/index.html)
  message(FATAL_ERROR "doxygen did not produce ${OUTPUT}/html/index.html (${rc}):\n${out}${err}")
endif()

# One line per warning, without the absolute path and the line number (which
# change with every edit): "include/heapless/vec.hpp: Member ... is not documented."
set(warnings "")
if(EXISTS ${OUTPUT}/warnings.log)
  file(STRINGS ${OUTPUT}/warnings.log lines)
  foreach(line IN LISTS lines)
    string(REPLACE "${SOURCE_DIR}/" "" line "${line}")
    if(line MATCHES "^([^:]+):[0-9]+: (warning|error): (.*)$")
      list(APPEND warnings "${CMAKE_MATCH_1}: ${CMAKE_MATCH_3}")
    elseif(NOT line STREQUAL "")
      list(APPEND warnings "${line}")
    endif()
  endforeach()
endif()
list(REMOVE_DUPLICATES warnings)
list(SORT warnings)

set(baseline_file ${SOURCE_DIR}/docs/api/undocumented.txt)
if(UPDATE)
  list(JOIN warnings "\n" text)
  file(WRITE ${baseline_file} "${text}\n")
  list(LENGTH warnings n)
  message(STATUS "wrote ${n} entries to ${baseline_file}")
  return()
endif()
set(baseline "")
if(EXISTS ${baseline_file})
  file(STRINGS ${baseline_file} baseline)
endif()

set(new "")
foreach(w IN LISTS warnings)
  if(NOT w IN_LIST baseline)
    list(APPEND new "${w}")
  endif()
endforeach()
set(fixed "")
foreach(b IN LISTS baseline)
  if(NOT b IN_LIST warnings)
    list(APPEND fixed "${b}")
  endif()
endforeach()
list(LENGTH warnings n_all)
list(LENGTH new n_new)
list(LENGTH fixed n_fixed)
if(n_fixed GREATER 0)
  list(JOIN fixed "\n  " text)
  message(STATUS "documented since the list was made (remove from docs/api/undocumented.txt):\n  ${text}")
endif()
if(n_new GREATER 0)
  list(JOIN new "\n  " text)
  message(FATAL_ERROR "Doxygen: ${n_new} new warning(s) (undocumented public members or "
                      "documentation errors):\n  ${text}")
endif()
message(STATUS "API reference: ${OUTPUT}/html/index.html; ${n_all} known undocumented "
               "members (docs/api/undocumented.txt), no new warnings")
