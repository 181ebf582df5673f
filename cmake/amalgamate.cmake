# amalgamate.cmake - generates single_include/heapless.hpp: every header of
# include/ in one file, for projects that vendor one header instead of a tree.
#
#   cmake -P cmake/amalgamate.cmake                   (re)writes single_include/heapless.hpp
#   cmake -DOUTPUT=<file> -P cmake/amalgamate.cmake   writes <file> instead
#   cmake -DCHECK=ON [-DOUTPUT=<tmp>] -P cmake/amalgamate.cmake
#                                                     fails when the committed file differs
#                                                     from a fresh generation (a ctest)
#
# Starts from the umbrella include/heapless.hpp and inlines, depth first and
# each exactly once, every #include of the library's own headers
# ("relative.hpp" or <heapless/...>); standard headers stay #include lines.
# Public headers the umbrella does not reach are appended (in name order, then
# any unreached detail header), so a missing umbrella line never drops a
# container. Include guards are kept.
# Output is deterministic (no dates): it is committed and diffed.
cmake_minimum_required(VERSION 3.16)

get_filename_component(root "${CMAKE_CURRENT_LIST_DIR}/.." ABSOLUTE)
set(include_dir "${root}/include")
set(committed "${root}/single_include/heapless.hpp")
if(NOT OUTPUT)
  if(CHECK)
    set(OUTPUT "${CMAKE_CURRENT_BINARY_DIR}/heapless.single.check.hpp")
  else()
    set(OUTPUT "${committed}")
  endif()
endif()

set_property(GLOBAL PROPERTY heapless_amalgamated "")

# heapless_inline(<absolute path> <out var>): the file's text with the
# library's includes replaced by the included files' text (once each).
function(heapless_inline path out_var)
  get_property(done GLOBAL PROPERTY heapless_amalgamated)
  if(path IN_LIST done)
    set(${out_var} "" PARENT_SCOPE)
    return()
  endif()
  set_property(GLOBAL APPEND PROPERTY heapless_amalgamated "${path}")
  file(RELATIVE_PATH rel "${include_dir}" "${path}")
  get_filename_component(dir "${path}" DIRECTORY)

  file(READ "${path}" rest)
  set(rest "\n${rest}")  # every directive now follows a newline
  # Each header's SPDX line: the single header carries one, at its top.
  string(REGEX REPLACE "\n// SPDX-License-Identifier:[^\n]*" "" rest "${rest}")
  set(result "")
  # An #include at the start of a line (not one quoted in a comment).
  set(include_re "\n[ \t]*#[ \t]*include[ \t]*(\"[^\"\n]+\"|<heapless[/.][^>\n]+>)[^\n]*")
  while(TRUE)
    string(REGEX MATCH "${include_re}" directive "${rest}")
    if(directive STREQUAL "")
      break()
    endif()
    set(spelled "${CMAKE_MATCH_1}")
    string(FIND "${rest}" "${directive}" at)
    string(SUBSTRING "${rest}" 0 ${at} before)
    string(APPEND result "${before}")
    string(LENGTH "${directive}" len)
    math(EXPR after "${at} + ${len}")
    string(SUBSTRING "${rest}" ${after} -1 rest)

    string(LENGTH "${spelled}" n)
    math(EXPR n "${n} - 2")
    string(SUBSTRING "${spelled}" 1 ${n} name)
    string(SUBSTRING "${spelled}" 0 1 quote)
    set(target "")
    if(quote STREQUAL "\"" AND EXISTS "${dir}/${name}")
      get_filename_component(target "${dir}/${name}" ABSOLUTE)
    elseif(EXISTS "${include_dir}/${name}")
      get_filename_component(target "${include_dir}/${name}" ABSOLUTE)
    endif()
    if(target STREQUAL "")
      message(FATAL_ERROR "amalgamate: ${rel} includes ${spelled}, which is not in include/")
    endif()
    heapless_inline("${target}" inlined)
    file(RELATIVE_PATH target_rel "${include_dir}" "${target}")
    if(inlined STREQUAL "")
      string(APPEND result "\n// #include ${spelled}: inlined above")
    else()
      string(APPEND result "\n// ---- begin ${target_rel} ----\n${inlined}\n// ---- end ${target_rel} ----")
    endif()
  endwhile()
  string(APPEND result "${rest}")
  string(SUBSTRING "${result}" 1 -1 result)  # the newline added above
  string(REGEX REPLACE "\n+$" "" result "${result}")
  set(${out_var} "${result}" PARENT_SCOPE)
endfunction()

file(READ "${include_dir}/heapless/detail/config.hpp" config)
string(REGEX MATCH "#define HEAPLESS_VERSION_MAJOR ([0-9]+)" _ "${config}")
set(major ${CMAKE_MATCH_1})
string(REGEX MATCH "#define HEAPLESS_VERSION_MINOR ([0-9]+)" _ "${config}")
set(minor ${CMAKE_MATCH_1})
string(REGEX MATCH "#define HEAPLESS_VERSION_PATCH ([0-9]+)" _ "${config}")
set(patch ${CMAKE_MATCH_1})

# Opt-in headers (not in the umbrella because they bring heavier standard
# headers: <array>, <ostream>) are inlined too, but each behind its own macro,
# HEAPLESS_SINGLE_HEADER_<NAME>, defined before including this file; their
# sections sit outside every other guard, so a later inclusion with the macro
# defined still adds them.
set(opt_in_headers array ostream)
foreach(name IN LISTS opt_in_headers)
  set_property(GLOBAL APPEND PROPERTY heapless_amalgamated "${include_dir}/heapless/${name}.hpp")
endforeach()

heapless_inline("${include_dir}/heapless.hpp" body)
file(GLOB public_headers LIST_DIRECTORIES false "${include_dir}/heapless/*.hpp")
file(GLOB_RECURSE all_headers LIST_DIRECTORIES false "${include_dir}/heapless/*.hpp")
list(SORT public_headers)
list(SORT all_headers)
foreach(header IN LISTS public_headers all_headers)
  heapless_inline("${header}" extra)
  if(NOT extra STREQUAL "")
    file(RELATIVE_PATH extra_rel "${include_dir}" "${header}")
    string(APPEND body "\n\n// ---- begin ${extra_rel} (not in the umbrella header) ----\n"
                        "${extra}\n// ---- end ${extra_rel} ----")
  endif()
endforeach()

foreach(name IN LISTS opt_in_headers)
  set(path "${include_dir}/heapless/${name}.hpp")
  get_property(done GLOBAL PROPERTY heapless_amalgamated)
  list(REMOVE_ITEM done "${path}")
  set_property(GLOBAL PROPERTY heapless_amalgamated "${done}")
  heapless_inline("${path}" extra)
  string(TOUPPER "${name}" upper)
  string(APPEND body "\n\n// ---- begin heapless/${name}.hpp (opt-in: define HEAPLESS_SINGLE_HEADER_${upper} "
                      "before including this file) ----\n#if defined(HEAPLESS_SINGLE_HEADER_${upper})\n"
                      "${extra}\n#endif  // HEAPLESS_SINGLE_HEADER_${upper}\n// ---- end heapless/${name}.hpp ----")
endforeach()

get_property(files GLOBAL PROPERTY heapless_amalgamated)
set(listing "")
foreach(f IN LISTS files)
  file(RELATIVE_PATH f_rel "${include_dir}" "${f}")
  string(APPEND listing "//   ${f_rel}\n")
endforeach()

# The licence travels with every source copy (the Boost licence asks for it):
# LICENSE, verbatim, as a comment at the top.
file(STRINGS "${root}/LICENSE" license_lines)
set(license_comment "")
foreach(line IN LISTS license_lines)
  if(line STREQUAL "")
    string(APPEND license_comment "//\n")
  else()
    string(APPEND license_comment "// ${line}\n")
  endif()
endforeach()

set(text "// SPDX-License-Identifier: BSL-1.0
// heapless.hpp - heapless ${major}.${minor}.${patch}, single-header edition.
//
// Fixed-capacity C++17 containers that never touch the heap. This file is
// GENERATED from include/ by `cmake -P cmake/amalgamate.cmake`: do not edit it;
// edit the headers under include/ and regenerate (ctest fails when the two
// differ). Copy this one file into your project and `#include \"heapless.hpp\"`.
//
// Contents (in order):
${listing}//
${license_comment}
${body}
")
file(WRITE "${OUTPUT}" "${text}")

if(CHECK)
  execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files "${committed}" "${OUTPUT}"
                  RESULT_VARIABLE differs)
  if(differs)
    message(FATAL_ERROR "single_include/heapless.hpp is out of date (or missing): "
                        "regenerate it with `cmake -P cmake/amalgamate.cmake` and commit it")
  endif()
  message(STATUS "single_include/heapless.hpp is up to date")
else()
  message(STATUS "amalgamate: wrote ${OUTPUT}")
endif()
