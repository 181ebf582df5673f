# check_init_array.cmake - constant initialisation, checked on the compiled code.
#   cmake -DOBJDUMP=<objdump> -DOBJECT=<file.o> -DEXPECT=absent|present -P check_init_array.cmake
# absent: OBJECT has no .init_array / .ctors section (no dynamic initialiser)
#         and no guard variable (__guard / _ZGV) for function-local statics.
# present: the control object must have one (proves the check can see it).
execute_process(COMMAND ${OBJDUMP} -h -t ${OBJECT} RESULT_VARIABLE rc OUTPUT_VARIABLE out)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "${OBJDUMP} -h -t ${OBJECT} failed (${rc})")
endif()
set(has_init FALSE)
if(out MATCHES "\\.init_array|\\.ctors|_ZGV")
  set(has_init TRUE)
endif()
get_filename_component(name ${OBJECT} NAME)
if(EXPECT STREQUAL "absent" AND has_init)
  string(REGEX MATCHALL "[^\n]*(\\.init_array|\\.ctors|_ZGV)[^\n]*" lines "${out}")
  string(REPLACE ";" "\n" lines "${lines}")
  message(FATAL_ERROR "${name} has dynamic initialisation (a static container is not "
                      "constant-initialised):\n${lines}")
elseif(EXPECT STREQUAL "present" AND NOT has_init)
  message(FATAL_ERROR "${name}: expected an .init_array section; the check is blind")
endif()
message(STATUS "${name}: dynamic initialisation ${EXPECT}, as expected")
