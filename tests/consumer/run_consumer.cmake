# run_consumer.cmake - builds and runs tests/consumer/project as a separate CMake
# project that gets heapless through add_subdirectory or through find_package
# after `cmake --install` into a fresh prefix.
#   cmake -DMODE=add_subdirectory|find_package -DHEAPLESS_SOURCE_DIR=... \
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

if(MODE STREQUAL "find_package")
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
  message(FATAL_ERROR "MODE must be add_subdirectory or find_package")
endif()
run(${CMAKE_COMMAND} --build ${WORK_DIR}/build)
run(${WORK_DIR}/build/consumer)
