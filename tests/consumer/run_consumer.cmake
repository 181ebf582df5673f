# run_consumer.cmake - builds and runs tests/consumer/project as a separate CMake
# project that gets heapless through add_subdirectory or through find_package
# after `cmake --install` into a fresh prefix; MODE=export: add_subdirectory in a
# project that installs and exports its own target linking heapless;
# MODE=pkg_config: `pkg-config --cflags heapless` after `cmake --install`, and a
# program compiled with those flags alone.
#   cmake -DMODE=add_subdirectory|find_package|export|pkg_config -DHEAPLESS_SOURCE_DIR=... \
#         -DWORK_DIR=... [-DCXX=...] -P run_consumer.cmake
cmake_minimum_required(VERSION 3.16)
file(REMOVE_RECURSE ${WORK_DIR})
file(MAKE_DIRECTORY ${WORK_DIR})
set(consumer_src ${CMAKE_CURRENT_LIST_DIR}/project)

function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "failed (${rc}): ${ARGN}")
  endif()
endfunction()

set(compiler_args "")
if(CXX)
  set(compiler_args -DCMAKE_CXX_COMPILER=${CXX})
endif()

function(install_heapless)
  run(${CMAKE_COMMAND} -S ${HEAPLESS_SOURCE_DIR} -B ${WORK_DIR}/heapless-build
      -DHEAPLESS_BUILD_TESTS=OFF -DHEAPLESS_BUILD_BENCH=OFF -DHEAPLESS_BUILD_EXAMPLES=OFF
      ${compiler_args})
  run(${CMAKE_COMMAND} --install ${WORK_DIR}/heapless-build --prefix ${WORK_DIR}/prefix)
  foreach(f include/heapless.hpp share/doc/heapless/LICENSE share/pkgconfig/heapless.pc
            share/cmake/heapless/heaplessConfig.cmake)
    if(NOT EXISTS ${WORK_DIR}/prefix/${f})
      message(FATAL_ERROR "cmake --install did not install ${f}")
    endif()
  endforeach()
endfunction()

if(MODE STREQUAL "pkg_config")
  install_heapless()
  set(ENV{PKG_CONFIG_PATH} ${WORK_DIR}/prefix/share/pkgconfig)
  execute_process(COMMAND pkg-config --cflags heapless RESULT_VARIABLE rc
                  OUTPUT_VARIABLE cflags OUTPUT_STRIP_TRAILING_WHITESPACE)
  if(NOT rc EQUAL 0 OR NOT cflags MATCHES "^-I")
    message(FATAL_ERROR "pkg-config --cflags heapless failed (${rc}): '${cflags}'")
  endif()
  execute_process(COMMAND pkg-config --modversion heapless OUTPUT_VARIABLE version
                  OUTPUT_STRIP_TRAILING_WHITESPACE)
  message(STATUS "pkg-config: heapless ${version}: ${cflags}")
  separate_arguments(cflags UNIX_COMMAND "${cflags}")
  if(NOT CXX)
    set(CXX c++)
  endif()
  run(${CXX} -std=c++17 -Wall -Wextra -Werror ${cflags} ${consumer_src}/main.cpp
      -o ${WORK_DIR}/consumer)
  run(${WORK_DIR}/consumer)
  return()
elseif(MODE STREQUAL "export")
  run(${CMAKE_COMMAND} -S ${consumer_src} -B ${WORK_DIR}/build -DHEAPLESS_VIA=add_subdirectory
      -DHEAPLESS_SOURCE_DIR=${HEAPLESS_SOURCE_DIR} -DCONSUMER_EXPORT=ON ${compiler_args})
  run(${CMAKE_COMMAND} --build ${WORK_DIR}/build)
  run(${CMAKE_COMMAND} --install ${WORK_DIR}/build --prefix ${WORK_DIR}/prefix)
  if(NOT EXISTS ${WORK_DIR}/prefix/share/cmake/consumer/consumerTargets.cmake OR
     NOT EXISTS ${WORK_DIR}/prefix/include/heapless.hpp)
    message(FATAL_ERROR "the consumer's install is incomplete")
  endif()
elseif(MODE STREQUAL "find_package")
  run(${CMAKE_COMMAND} -S ${HEAPLESS_SOURCE_DIR} -B ${WORK_DIR}/heapless-build
      -DHEAPLESS_BUILD_TESTS=OFF -DHEAPLESS_BUILD_BENCH=OFF -DHEAPLESS_BUILD_EXAMPLES=OFF
      -DHEAPLESS_INSTALL=ON ${compiler_args})
  run(${CMAKE_COMMAND} --install ${WORK_DIR}/heapless-build --prefix ${WORK_DIR}/prefix)
  run(${CMAKE_COMMAND} -S ${consumer_src} -B ${WORK_DIR}/build -DHEAPLESS_VIA=find_package
      -DCMAKE_PREFIX_PATH=${WORK_DIR}/prefix ${compiler_args})
elseif(MODE STREQUAL "add_subdirectory")
  run(${CMAKE_COMMAND} -S ${consumer_src} -B ${WORK_DIR}/build -DHEAPLESS_VIA=add_subdirectory
      -DHEAPLESS_SOURCE_DIR=${HEAPLESS_SOURCE_DIR} ${compiler_args})
else()
  message(FATAL_ERROR "MODE must be add_subdirectory, find_package, export or pkg_config")
endif()
run(${CMAKE_COMMAND} --build ${WORK_DIR}/build)
run(${WORK_DIR}/build/consumer)
