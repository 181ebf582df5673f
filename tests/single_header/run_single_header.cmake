# run_single_header.cmake - the single header works on its own: copies ONLY
# single_include/heapless.hpp and main.cpp into an empty directory, then
#   - builds it with the host compiler (C++17, warnings as errors) and runs it;
#   - builds it with arm-none-eabi-g++ (Cortex-M4F, -fno-exceptions -fno-rtti,
#     newlib-nano), when that compiler is installed; ctest reports SKIP when not.
#   cmake -DHEAPLESS_SOURCE_DIR=... -DWORK_DIR=... [-DCXX=g++] -P run_single_header.cmake
cmake_minimum_required(VERSION 3.16)
file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")
file(COPY "${HEAPLESS_SOURCE_DIR}/single_include/heapless.hpp"
          "${CMAKE_CURRENT_LIST_DIR}/main.cpp" DESTINATION "${WORK_DIR}")
if(NOT CXX)
  set(CXX c++)
endif()

function(run)
  execute_process(COMMAND ${ARGN} WORKING_DIRECTORY "${WORK_DIR}" RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "failed (${rc}): ${ARGN}")
  endif()
endfunction()

set(warnings -Wall -Wextra -Wpedantic -Wconversion -Wsign-conversion -Wshadow -Werror)
run(${CXX} -std=c++17 ${warnings} -O2 main.cpp -o host_example)
run("${WORK_DIR}/host_example")
message(STATUS "single header: ${CXX} build runs")

find_program(ARM_CXX arm-none-eabi-g++)
if(NOT ARM_CXX)
  message("SKIP: arm-none-eabi-g++ is not installed")  # SKIP_REGULAR_EXPRESSION
  return()
endif()
run(${ARM_CXX} -std=c++17 ${warnings} -Wno-psabi -Os -mthumb -mcpu=cortex-m4 -mfpu=fpv4-sp-d16
    -mfloat-abi=hard -fno-exceptions -fno-rtti -ffunction-sections -fdata-sections
    --specs=nano.specs --specs=nosys.specs -Wl,--gc-sections main.cpp -o arm_example.elf)
message(STATUS "single header: arm-none-eabi-g++ build links")
