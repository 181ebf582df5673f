# expect_death.cmake - passes when PROGRAM (run with ARG) dies or exits non-zero.
#   cmake -DPROGRAM=<exe> -DARG=<arg> -P expect_death.cmake
# (ctest's WILL_FAIL does not accept a death by signal, which is what a trap is.)
execute_process(COMMAND ${PROGRAM} ${ARG} RESULT_VARIABLE rc)
if(rc EQUAL 0)
  message(FATAL_ERROR "${PROGRAM} ${ARG} exited 0; expected it to trap")
endif()
message(STATUS "${PROGRAM} ${ARG} died as expected: ${rc}")
