# run_user_firmware.cmake - builds examples/user_firmware from a clean directory
# the way docs/user_firmware.md tells a user to, and runs it in QEMU.
#   cmake -DMODE=add_subdirectory|find_package|make -DHEAPLESS_SOURCE_DIR=...
#         -DWORK_DIR=... -DCPU=cortex-m4f|cortex-m0 -P run_user_firmware.cmake
cmake_minimum_required(VERSION 3.16)
file(REMOVE_RECURSE ${WORK_DIR})
file(MAKE_DIRECTORY ${WORK_DIR})
set(src ${HEAPLESS_SOURCE_DIR}/examples/user_firmware)
set(toolchain ${HEAPLESS_SOURCE_DIR}/cmake/arm-none-eabi.cmake)

function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "failed (${rc}): ${ARGN}")
  endif()
endfunction()

if(MODE STREQUAL "make")
  if(CPU STREQUAL "cortex-m0")
    set(make_args "CPU=-mthumb -mcpu=cortex-m0 -mfloat-abi=soft" MACHINE=microbit)
  else()
    set(make_args "")
  endif()
  run(make -s -C ${src} O=${WORK_DIR} ${make_args} run)
  return()
endif()

set(args -DCMAKE_TOOLCHAIN_FILE=${toolchain} -DHEAPLESS_CORTEXM_CPU=${CPU}
         -DCMAKE_BUILD_TYPE=MinSizeRel)
if(MODE STREQUAL "find_package")
  # heapless installed into a prefix as a user would, then found from there
  # (the toolchain file comes from the installed package too).
  run(${CMAKE_COMMAND} -S ${HEAPLESS_SOURCE_DIR} -B ${WORK_DIR}/heapless-build
      -DHEAPLESS_BUILD_TESTS=OFF -DHEAPLESS_BUILD_BENCH=OFF -DHEAPLESS_BUILD_EXAMPLES=OFF)
  run(${CMAKE_COMMAND} --install ${WORK_DIR}/heapless-build --prefix ${WORK_DIR}/prefix)
  set(args -DCMAKE_TOOLCHAIN_FILE=${WORK_DIR}/prefix/share/cmake/heapless/arm-none-eabi.cmake
           -DHEAPLESS_CORTEXM_CPU=${CPU} -DCMAKE_BUILD_TYPE=MinSizeRel
           -DUSER_FIRMWARE_FIND_PACKAGE=ON -DCMAKE_PREFIX_PATH=${WORK_DIR}/prefix)
elseif(NOT MODE STREQUAL "add_subdirectory")
  message(FATAL_ERROR "MODE must be add_subdirectory, find_package or make")
endif()
run(${CMAKE_COMMAND} -S ${src} -B ${WORK_DIR}/build ${args})
run(${CMAKE_COMMAND} --build ${WORK_DIR}/build)
run(${CMAKE_CTEST_COMMAND} --test-dir ${WORK_DIR}/build --output-on-failure)
# A program linked with the project's own start-up must not be empty (the
# symptom of a toolchain file that forces another start-up's linker script).
execute_process(COMMAND arm-none-eabi-size ${WORK_DIR}/build/user_firmware_vendor
                OUTPUT_VARIABLE size_out RESULT_VARIABLE rc)
string(REGEX MATCH "\n[ \t]*([0-9]+)" _ "${size_out}")
if(NOT rc EQUAL 0 OR CMAKE_MATCH_1 LESS 1000)
  message(FATAL_ERROR "user_firmware_vendor looks empty:\n${size_out}")
endif()
message(STATUS "user_firmware_vendor:\n${size_out}")
