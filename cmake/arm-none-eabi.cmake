# arm-none-eabi.cmake - CMake toolchain file for bare-metal Cortex-M with the GNU
# Arm toolchain (Debian: gcc-arm-none-eabi + libnewlib-arm-none-eabi +
# libstdc++-arm-none-eabi-newlib). It selects the compiler, the CPU flags and
# the C/C++ runtime flavour, and nothing else: no start-up code, no linker
# script, no emulator. Firmware brings its own (vendor SDK start-up file and
# linker script); to run a program in qemu-system-arm the way heapless's tests
# do, link it with the helper in support/cortexm/ (docs/user_firmware.md).
#
#   cmake -S . -B build -DCMAKE_TOOLCHAIN_FILE=<heapless>/cmake/arm-none-eabi.cmake \
#         -DHEAPLESS_CORTEXM_CPU=cortex-m4f -DCMAKE_BUILD_TYPE=MinSizeRel
#
#   HEAPLESS_CORTEXM_CPU   flags
#   cortex-m0              -mcpu=cortex-m0 (ARMv6-M: no CAS, no divide), soft float
#   cortex-m0plus          -mcpu=cortex-m0plus (ARMv6-M), soft float
#   cortex-m3              -mcpu=cortex-m3 (ARMv7-M), soft float
#   cortex-m4f (default)   -mcpu=cortex-m4 -mfpu=fpv4-sp-d16 -mfloat-abi=hard
#   cortex-m7              -mcpu=cortex-m7 -mfpu=fpv5-d16 -mfloat-abi=hard
#
#   HEAPLESS_CORTEXM_EXCEPTIONS   OFF (default): C++ with -fno-exceptions -fno-rtti
#                                 and newlib-nano (--specs=nano.specs), what firmware
#                                 usually ships. ON: exceptions and RTTI on, full
#                                 newlib (newlib-nano's libstdc++ cannot unwind).
#
# Every build also gets -ffunction-sections -fdata-sections (link with
# -Wl,--gc-sections to drop unused code; the QEMU helper does).
set(CMAKE_SYSTEM_NAME Generic)
set(CMAKE_SYSTEM_PROCESSOR arm)
set(CMAKE_C_COMPILER arm-none-eabi-gcc)
set(CMAKE_CXX_COMPILER arm-none-eabi-g++)
set(CMAKE_ASM_COMPILER arm-none-eabi-gcc)
# Compiler checks cannot link a bare-metal executable without start-up code.
set(CMAKE_TRY_COMPILE_TARGET_TYPE STATIC_LIBRARY)

set(HEAPLESS_CORTEXM_CPU "cortex-m4f" CACHE STRING
    "cortex-m0 | cortex-m0plus | cortex-m3 | cortex-m4f | cortex-m7")
set_property(CACHE HEAPLESS_CORTEXM_CPU PROPERTY STRINGS
             cortex-m0 cortex-m0plus cortex-m3 cortex-m4f cortex-m7)
option(HEAPLESS_CORTEXM_EXCEPTIONS
       "C++ exceptions and RTTI with full newlib (default: -fno-exceptions -fno-rtti, newlib-nano)" OFF)
list(APPEND CMAKE_TRY_COMPILE_PLATFORM_VARIABLES HEAPLESS_CORTEXM_CPU HEAPLESS_CORTEXM_EXCEPTIONS)

if(HEAPLESS_CORTEXM_CPU STREQUAL "cortex-m0")
  set(_heapless_cpu "-mthumb -mcpu=cortex-m0 -mfloat-abi=soft")
elseif(HEAPLESS_CORTEXM_CPU STREQUAL "cortex-m0plus")
  set(_heapless_cpu "-mthumb -mcpu=cortex-m0plus -mfloat-abi=soft")
elseif(HEAPLESS_CORTEXM_CPU STREQUAL "cortex-m3")
  set(_heapless_cpu "-mthumb -mcpu=cortex-m3 -mfloat-abi=soft")
elseif(HEAPLESS_CORTEXM_CPU STREQUAL "cortex-m4f")
  set(_heapless_cpu "-mthumb -mcpu=cortex-m4 -mfpu=fpv4-sp-d16 -mfloat-abi=hard")
elseif(HEAPLESS_CORTEXM_CPU STREQUAL "cortex-m7")
  set(_heapless_cpu "-mthumb -mcpu=cortex-m7 -mfpu=fpv5-d16 -mfloat-abi=hard")
else()
  message(FATAL_ERROR "arm-none-eabi.cmake: unknown HEAPLESS_CORTEXM_CPU '${HEAPLESS_CORTEXM_CPU}'")
endif()

if(HEAPLESS_CORTEXM_EXCEPTIONS)
  set(_heapless_cxx "")
  set(_heapless_libc "")
else()
  set(_heapless_cxx "-fno-exceptions -fno-rtti")
  set(_heapless_libc "--specs=nano.specs")
endif()

set(CMAKE_C_FLAGS_INIT "${_heapless_cpu} -ffunction-sections -fdata-sections")
set(CMAKE_CXX_FLAGS_INIT "${_heapless_cpu} ${_heapless_cxx} -ffunction-sections -fdata-sections")
set(CMAKE_ASM_FLAGS_INIT "${_heapless_cpu}")
set(CMAKE_EXE_LINKER_FLAGS_INIT "${_heapless_cpu} ${_heapless_libc}")

# Never pick up host libraries or headers (e.g. -I/usr/include); host programs
# (cmake, sh) are fine.
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)
