# arduino_sketch.cmake - compiles every examples/arduino/*/*.ino the way an
# Arduino ARM core's build does: the sketch becomes a .cpp that starts with
# #include <Arduino.h>, the library's src/ directory is on the include path,
# and arm-none-eabi-g++ runs with the cores' usual flags (-Os, -std=gnu++17,
# -fno-exceptions -fno-rtti -fno-threadsafe-statics, function/data sections),
# for a Cortex-M0+ and a Cortex-M4F. A stand-in Arduino.h declares the core
# API the sketches use (Serial, analogRead, delay, A0...). Compile only: no
# core is linked.
#   cmake -DHEAPLESS_SOURCE_DIR=... -DWORK_DIR=... -P arduino_sketch.cmake
cmake_minimum_required(VERSION 3.16)
find_program(ARM_CXX arm-none-eabi-g++)
if(NOT ARM_CXX)
  message("SKIP: arm-none-eabi-g++ is not installed")
  return()
endif()
file(REMOVE_RECURSE ${WORK_DIR})
file(WRITE ${WORK_DIR}/core/Arduino.h [=[
// Stand-in for an Arduino core's Arduino.h: the declarations the sketches use.
#pragma once
#include <stdint.h>
#include <stddef.h>
enum : uint8_t { A0 = 14, A1 = 15, A2 = 16, A3 = 17 };
int analogRead(uint8_t pin);
void delay(unsigned long ms);
unsigned long millis();
struct HardwareSerial {
  void begin(unsigned long baud);
  size_t print(const char* s);
  size_t println(const char* s);
  size_t println(long v);
};
extern HardwareSerial Serial;
void setup();
void loop();
]=])
set(flags -c -Os -std=gnu++17 -fno-exceptions -fno-rtti -fno-threadsafe-statics
          -ffunction-sections -fdata-sections -nostdlib -Wall -Wextra -Werror
          -I${WORK_DIR}/core -I${HEAPLESS_SOURCE_DIR}/src)
set(cpus "-mcpu=cortex-m0plus -mthumb"
         "-mcpu=cortex-m4 -mthumb -mfloat-abi=hard -mfpu=fpv4-sp-d16")
file(GLOB sketches ${HEAPLESS_SOURCE_DIR}/examples/arduino/*/*.ino)
if(NOT sketches)
  message(FATAL_ERROR "no sketches in examples/arduino/")
endif()
foreach(ino IN LISTS sketches)
  get_filename_component(name ${ino} NAME_WE)
  file(READ ${ino} body)
  file(WRITE ${WORK_DIR}/${name}.ino.cpp "#include <Arduino.h>\n#line 1 \"${ino}\"\n${body}")
  set(i 0)
  foreach(cpu IN LISTS cpus)
    set(cpu_text "${cpu}")
    separate_arguments(cpu UNIX_COMMAND "${cpu_text}")
    execute_process(COMMAND ${ARM_CXX} ${cpu} ${flags} ${WORK_DIR}/${name}.ino.cpp
                            -o ${WORK_DIR}/${name}.${i}.o RESULT_VARIABLE rc)
    if(NOT rc EQUAL 0)
      message(FATAL_ERROR "${name}.ino does not compile with ${cpu_text}")
    endif()
    message(STATUS "${name}.ino compiles (${cpu_text})")
    math(EXPR i "${i} + 1")
  endforeach()
endforeach()
