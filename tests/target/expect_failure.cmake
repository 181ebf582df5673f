# expect_failure.cmake - passes when PROGRAM fails the way it should: a non-zero
# exit status that is not a crash (125: CPU fault, 124: timeout) and output
# matching EXPECT. Proves that a failing check on the target fails ctest
# without letting an unrelated crash pass for the expected failure.
#   cmake -DPROGRAM=<elf> -DEMULATOR="<runner> <args>" -DARGS="<arg>" -DEXPECT=<regex> -P expect_failure.cmake
separate_arguments(emulator UNIX_COMMAND "${EMULATOR}")
execute_process(COMMAND ${emulator} ${PROGRAM} ${ARGS}
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
message("${out}${err}")
if(rc EQUAL 0)
  message(FATAL_ERROR "${PROGRAM} exited 0; expected a failing test")
elseif(rc EQUAL 124 OR rc EQUAL 125 OR NOT rc MATCHES "^[0-9]+$")
  message(FATAL_ERROR "${PROGRAM} crashed or hung (${rc}); expected a failing check")
elseif(NOT "${out}${err}" MATCHES "${EXPECT}")
  message(FATAL_ERROR "${PROGRAM} failed (${rc}) but its output does not match '${EXPECT}'")
endif()
message(STATUS "failed as expected (exit status ${rc})")
