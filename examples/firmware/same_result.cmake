# same_result.cmake - runs two firmware programs (through EMULATOR) and passes
# when both exit with the same digest (1..100; 0, 124, 125 = broken run).
#   cmake -DEMULATOR="<runner> <args>" -DPROGRAMS=<a>,<b> -P same_result.cmake
separate_arguments(emulator UNIX_COMMAND "${EMULATOR}")
string(REPLACE "," ";" programs "${PROGRAMS}")
set(codes "")
foreach(p IN LISTS programs)
  execute_process(COMMAND ${emulator} ${p} RESULT_VARIABLE rc)
  if(NOT rc MATCHES "^[0-9]+$" OR rc EQUAL 0 OR rc GREATER 100)
    message(FATAL_ERROR "${p}: broken run (exit status ${rc})")
  endif()
  list(APPEND codes ${rc})
endforeach()
list(REMOVE_DUPLICATES codes)
list(LENGTH codes n)
if(NOT n EQUAL 1)
  message(FATAL_ERROR "digests differ: ${codes} (${programs})")
endif()
message(STATUS "same digest ${codes}: ${programs}")
