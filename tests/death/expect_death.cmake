# expect_death.cmake - passes when PROGRAM (run with ARG) dies or exits non-zero
# (and, with EXPECT_STDERR, its standard error matches that regex).
#   cmake -DPROGRAM=<exe> -DARG=<arg> [-DEMULATOR="<runner> <args>"]
#         [-DEXPECT_STDERR=<regex>] -P expect_death.cmake
# (ctest's WILL_FAIL does not accept a death by signal, which is what a trap is.)
# EMULATOR: cross builds run PROGRAM through CMAKE_CROSSCOMPILING_EMULATOR
# (QEMU; a trap there is a fault that the target's start-up code turns into exit 125).
separate_arguments(emulator UNIX_COMMAND "${EMULATOR}")
execute_process(COMMAND ${emulator} ${PROGRAM} ${ARG} RESULT_VARIABLE rc ERROR_VARIABLE err)
if(rc EQUAL 0)
  message(FATAL_ERROR "${PROGRAM} ${ARG} exited 0; expected it to trap")
endif()
if(DEFINED EXPECT_STDERR AND NOT err MATCHES "${EXPECT_STDERR}")
  message(FATAL_ERROR "${PROGRAM} ${ARG} died (${rc}) but its stderr does not match "
                      "'${EXPECT_STDERR}':\n${err}")
endif()
if(err)
  message(STATUS "stderr: ${err}")
endif()
message(STATUS "${PROGRAM} ${ARG} died as expected: ${rc}")
