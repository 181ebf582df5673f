# arm-none-eabi.cmake - CMake toolchain file: bare-metal Cortex-M with Debian's
# gcc-arm-none-eabi + newlib, test programs run by ctest under qemu-system-arm.
#
#   cmake -S . -B build/arm-m4f -DCMAKE_TOOLCHAIN_FILE=cmake/arm-none-eabi.cmake \
#         -DHEAPLESS_CORTEXM_CPU=cortex-m4f -DCMAKE_BUILD_TYPE=MinSizeRel
#
#   HEAPLESS_CORTEXM_CPU   QEMU machine       memory (flash / RAM)
#   cortex-m0              microbit (nRF51)   256 KiB / 16 KiB   ARMv6-M: no CAS, no divide
#   cortex-m3              mps2-an385         4 MiB / 4 MiB      ARMv7-M
#   cortex-m4f             mps2-an386         4 MiB / 4 MiB      ARMv7E-M + FPv4-SP, hard float
#   cortex-m7              mps2-an500         4 MiB / 4 MiB      ARMv7E-M + FPv5-D16, hard float
#
# Executables get the linker script tests/target/cortexm.ld, rdimon (semihosting:
# printf, exit status) and --gc-sections here; the startup code
# (tests/target/startup.c, plus atomic_v6m.c on v6-M) is a library that
# tests/target/target.cmake links into every heapless development target.
# Full newlib by default (C++ exceptions need it); -fno-exceptions builds add
# --specs=nano.specs (libstdc++ in newlib-nano cannot unwind: a throw aborts).
set(CMAKE_SYSTEM_NAME Generic)
set(CMAKE_SYSTEM_PROCESSOR arm)
set(CMAKE_C_COMPILER arm-none-eabi-gcc)
set(CMAKE_CXX_COMPILER arm-none-eabi-g++)
set(CMAKE_ASM_COMPILER arm-none-eabi-gcc)
# Compiler checks cannot link a bare-metal executable without startup code.
set(CMAKE_TRY_COMPILE_TARGET_TYPE STATIC_LIBRARY)

set(HEAPLESS_CORTEXM_CPU "cortex-m4f" CACHE STRING "cortex-m0 | cortex-m3 | cortex-m4f | cortex-m7")
set_property(CACHE HEAPLESS_CORTEXM_CPU PROPERTY STRINGS cortex-m0 cortex-m3 cortex-m4f cortex-m7)
list(APPEND CMAKE_TRY_COMPILE_PLATFORM_VARIABLES HEAPLESS_CORTEXM_CPU)

get_filename_component(_heapless_root "${CMAKE_CURRENT_LIST_DIR}/.." ABSOLUTE)
set(_layout "")   # cortexm.ld defaults: 4 MiB code @0x0, 4 MiB RAM @0x20000000 (QEMU mps2-*)
if(HEAPLESS_CORTEXM_CPU STREQUAL "cortex-m0")
  # QEMU 7.2 has no Cortex-M0+ model; the microbit's nRF51 is a Cortex-M0 (v6-M too).
  set(_cpu "-mthumb -mcpu=cortex-m0 -mfloat-abi=soft")
  set(HEAPLESS_QEMU_MACHINE microbit)
  set(_layout "-Wl,--defsym=__flash_size=256K -Wl,--defsym=__ram_size=16K -Wl,--defsym=__min_stack=4K")
elseif(HEAPLESS_CORTEXM_CPU STREQUAL "cortex-m3")
  set(_cpu "-mthumb -mcpu=cortex-m3 -mfloat-abi=soft")
  set(HEAPLESS_QEMU_MACHINE mps2-an385)
elseif(HEAPLESS_CORTEXM_CPU STREQUAL "cortex-m4f")
  set(_cpu "-mthumb -mcpu=cortex-m4 -mfpu=fpv4-sp-d16 -mfloat-abi=hard")
  set(HEAPLESS_QEMU_MACHINE mps2-an386)
elseif(HEAPLESS_CORTEXM_CPU STREQUAL "cortex-m7")
  set(_cpu "-mthumb -mcpu=cortex-m7 -mfpu=fpv5-d16 -mfloat-abi=hard")
  set(HEAPLESS_QEMU_MACHINE mps2-an500)
else()
  message(FATAL_ERROR "arm-none-eabi.cmake: unknown HEAPLESS_CORTEXM_CPU '${HEAPLESS_CORTEXM_CPU}'")
endif()

set(CMAKE_C_FLAGS_INIT "${_cpu} -ffunction-sections -fdata-sections")
set(CMAKE_CXX_FLAGS_INIT "${_cpu} -ffunction-sections -fdata-sections")
set(CMAKE_ASM_FLAGS_INIT "${_cpu}")
set(CMAKE_EXE_LINKER_FLAGS_INIT
    "${_cpu} --specs=rdimon.specs -nostartfiles -T${_heapless_root}/tests/target/cortexm.ld ${_layout} -Wl,--gc-sections")
# ctest prefixes every test command with this: the ELF runs in QEMU and the
# program's exit status becomes the test's.
set(CMAKE_CROSSCOMPILING_EMULATOR "${_heapless_root}/cmake/qemu-cortexm.sh;-M;${HEAPLESS_QEMU_MACHINE}")

# Never pick up host libraries or headers (e.g. -I/usr/include for Catch2);
# host programs (cmake, sh) are fine.
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)
