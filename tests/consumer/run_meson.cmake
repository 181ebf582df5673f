# run_meson.cmake - builds and tests tests/consumer/meson with Meson, heapless
# coming from:
#   MODE=subproject   subprojects/heapless/ (a symbolic link to this tree)
#   MODE=wrap         subprojects/heapless.wrap ([wrap-file] + [provide]) and
#                     the archive in subprojects/packagecache/ (no network)
#   MODE=pkg_config   `cmake --install` into a prefix, found through heapless.pc
#   cmake -DMODE=... -DHEAPLESS_SOURCE_DIR=... -DWORK_DIR=... [-DCXX=...] -P run_meson.cmake
cmake_minimum_required(VERSION 3.16)
find_program(MESON meson)
find_program(NINJA NAMES ninja ninja-build)
if(NOT MESON OR NOT NINJA)
  message("SKIP: meson or ninja is not installed (Debian: meson)")
  return()
endif()
file(REMOVE_RECURSE ${WORK_DIR})
file(MAKE_DIRECTORY ${WORK_DIR}/project/subprojects)
file(COPY ${CMAKE_CURRENT_LIST_DIR}/meson/meson.build ${CMAKE_CURRENT_LIST_DIR}/meson/main.cpp
     DESTINATION ${WORK_DIR}/project)
set(sub ${WORK_DIR}/project/subprojects)

function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "failed (${rc}): ${ARGN}")
  endif()
endfunction()

if(CXX)
  set(ENV{CXX} ${CXX})
endif()
set(setup_args "")
if(MODE STREQUAL "subproject")
  file(CREATE_LINK ${HEAPLESS_SOURCE_DIR} ${sub}/heapless SYMBOLIC)
elseif(MODE STREQUAL "wrap")
  # The release archive a wrap database would serve: meson.build, include/, LICENSE.
  set(stage ${WORK_DIR}/stage/heapless-0.1.0)
  file(MAKE_DIRECTORY ${stage})
  file(COPY ${HEAPLESS_SOURCE_DIR}/meson.build ${HEAPLESS_SOURCE_DIR}/LICENSE
            ${HEAPLESS_SOURCE_DIR}/include DESTINATION ${stage})
  file(MAKE_DIRECTORY ${sub}/packagecache)
  set(archive ${sub}/packagecache/heapless-0.1.0.tar.gz)
  execute_process(COMMAND ${CMAKE_COMMAND} -E tar czf ${archive} heapless-0.1.0
                  WORKING_DIRECTORY ${WORK_DIR}/stage)
  file(SHA256 ${archive} hash)
  file(WRITE ${sub}/heapless.wrap "[wrap-file]
directory = heapless-0.1.0
source_url = https://example.invalid/heapless-0.1.0.tar.gz
source_filename = heapless-0.1.0.tar.gz
source_hash = ${hash}

[provide]
heapless = heapless_dep
")
  list(APPEND setup_args --wrap-mode=nodownload)
elseif(MODE STREQUAL "pkg_config")
  run(${CMAKE_COMMAND} -S ${HEAPLESS_SOURCE_DIR} -B ${WORK_DIR}/heapless-build
      -DHEAPLESS_BUILD_TESTS=OFF -DHEAPLESS_BUILD_BENCH=OFF -DHEAPLESS_BUILD_EXAMPLES=OFF)
  run(${CMAKE_COMMAND} --install ${WORK_DIR}/heapless-build --prefix ${WORK_DIR}/prefix)
  set(ENV{PKG_CONFIG_PATH} ${WORK_DIR}/prefix/share/pkgconfig)
  list(APPEND setup_args --wrap-mode=nofallback)
else()
  message(FATAL_ERROR "MODE must be subproject, wrap or pkg_config")
endif()
run(${MESON} setup ${setup_args} ${WORK_DIR}/build ${WORK_DIR}/project)
run(${MESON} test -C ${WORK_DIR}/build --print-errorlogs)
