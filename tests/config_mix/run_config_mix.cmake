# run_config_mix.cmake - translation units built with different heapless
# settings, linked into one program in both orders: each must keep its own
# configured behaviour (config.hpp's ABI namespace), and a heapless type passed
# between them must fail to link rather than be misread.
#   cmake -DCXX=<compiler> -DSOURCE_DIR=<repo> -DWORK_DIR=<dir> [-DSTD=17]
#         [-DFORCE_ONE_NAMESPACE=ON] -P run_config_mix.cmake
# FORCE_ONE_NAMESPACE=ON is the control: both files get one namespace name
# (what every build had before the ABI namespace), and the -O0 programs must
# then go wrong in both link orders, proving that the check sees a mix (at
# -O2 inlining may hide it; the ABI namespace must not depend on that).
cmake_minimum_required(VERSION 3.16)
if(NOT STD)
  set(STD 17)
endif()
file(REMOVE_RECURSE ${WORK_DIR})
file(MAKE_DIRECTORY ${WORK_DIR})
set(dir ${CMAKE_CURRENT_LIST_DIR})
if(NOT STD_FLAG)
  set(STD_FLAG -std=c++${STD})
endif()
set(common ${STD_FLAG} -fexceptions -I${SOURCE_DIR}/include -Wall -Wextra -Werror)
set(handler_settings -DHEAPLESS_ERROR_HANDLER=1 -DHEAPLESS_LINEAR_MAP_NO_INDEX -DHEAPLESS_CACHE_LINE=128)
set(forced "")
if(FORCE_ONE_NAMESPACE)
  set(forced -DHEAPLESS_ABI_NAMESPACE=cfg_forced)
endif()

function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "failed (${rc}): ${ARGN}\n${out}${err}")
  endif()
endfunction()

set(failed_orders 0)
foreach(opt -O0 -O2)
  run(${CXX} ${common} ${opt} ${forced} ${handler_settings} -c ${dir}/handler_tu.cpp -o ${WORK_DIR}/h${opt}.o)
  run(${CXX} ${common} ${opt} ${forced} -c ${dir}/exceptions_tu.cpp -o ${WORK_DIR}/e${opt}.o)
  run(${CXX} ${common} ${opt} -c ${dir}/main.cpp -o ${WORK_DIR}/main${opt}.o)
  foreach(order "h;e" "e;h")
    list(GET order 0 first)
    list(GET order 1 second)
    set(exe ${WORK_DIR}/mix_${first}${second}${opt})
    run(${CXX} ${WORK_DIR}/${first}${opt}.o ${WORK_DIR}/${second}${opt}.o ${WORK_DIR}/main${opt}.o -o ${exe})
    execute_process(COMMAND ${exe} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
    string(STRIP "${out}" out)
    message(STATUS "link order ${first}.o ${second}.o, ${opt}: results ${out} (exit ${rc})")
    if(NOT rc EQUAL 0)
      if(opt STREQUAL "-O0")
        math(EXPR failed_orders "${failed_orders} + 1")
      endif()
      if(NOT FORCE_ONE_NAMESPACE)
        message(FATAL_ERROR "mixed settings leak between files (link order ${first}.o ${second}.o, "
                            "${opt}): results ${out} (0 = as configured) ${err}")
      endif()
    endif()
  endforeach()
endforeach()
if(FORCE_ONE_NAMESPACE)
  if(NOT failed_orders EQUAL 2)
    message(FATAL_ERROR "control: with one namespace for both settings, ${failed_orders} "
                        "of the 2 -O0 programs went wrong; the check cannot see a mix")
  endif()
  message(STATUS "control: with one namespace, both -O0 link orders go wrong, as expected")
  return()
endif()

# A Vec passed between the two settings: an undefined reference, not a misread.
run(${CXX} ${common} ${handler_settings} -c ${dir}/crossing.cpp -o ${WORK_DIR}/crossing.o)
run(${CXX} ${common} -c ${dir}/crossing_def.cpp -o ${WORK_DIR}/crossing_def.o)
execute_process(COMMAND ${CXX} ${WORK_DIR}/crossing.o ${WORK_DIR}/crossing_def.o -o ${WORK_DIR}/crossing
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(rc EQUAL 0)
  message(FATAL_ERROR "a Vec passed between files with different settings linked")
endif()
if(NOT err MATCHES "cfg_h1")
  message(FATAL_ERROR "the link failed, but not on the tagged symbol:\n${err}")
endif()
message(STATUS "a Vec passed between settings fails to link, as expected")
