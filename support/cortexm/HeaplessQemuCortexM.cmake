# HeaplessQemuCortexM.cmake - run your own Cortex-M program in qemu-system-arm,
# the way heapless's test suite runs its tests: start-up code, a linker script
# and a runner, for projects that have no board (CI, unit tests on the target
# CPU). Firmware for real hardware does not need this: it links its vendor
# start-up file and linker script instead (docs/user_firmware.md).
#
#   # with cmake/arm-none-eabi.cmake (or any arm-none-eabi toolchain file)
#   include(<heapless>/support/cortexm/HeaplessQemuCortexM.cmake)
#                                        # after find_package(heapless):
#                                        # include(${heapless_QEMU_CORTEXM_MODULE})
#   add_executable(app main.cpp)
#   target_link_libraries(app PRIVATE heapless::heapless)
#   heapless_qemu_cortexm_executable(app)   # links heapless::qemu_cortexm and
#                                           # makes `add_test(NAME t COMMAND app)`
#                                           # run the ELF in QEMU
#
# heapless::qemu_cortexm (a static library) carries:
#   startup.c      vector table (every handler weak: define SysTick_Handler ...),
#                  .data/.bss set-up, FPU enable, static constructors, argc/argv
#                  and exit status through semihosting, a fault report (exit 125)
#   atomic_shim.c  the __atomic_* functions arm-none-eabi ships no libatomic for
#   cortexm.ld     flash/RAM layout of the emulated board, guaranteed stack
#   link options   -nostartfiles --specs=rdimon.specs (semihosting: printf, exit)
#                  -Wl,--gc-sections
# The runner: qemu-cortexm.sh [-M machine] [-t seconds] app.elf [args...]; the
# exit status is the program's (timeout: 124).
#
# Board: from HEAPLESS_CORTEXM_CPU (set by cmake/arm-none-eabi.cmake):
#   cortex-m0, cortex-m0plus   microbit     256 KiB flash / 16 KiB RAM (4 KiB stack)
#   cortex-m3                  mps2-an385   4 MiB / 4 MiB
#   cortex-m4f                 mps2-an386   4 MiB / 4 MiB
#   cortex-m7                  mps2-an500   4 MiB / 4 MiB
# Without HEAPLESS_CORTEXM_CPU the runner picks the board from the ELF's build
# attributes. HEAPLESS_QEMU_MACHINE overrides the board.
include_guard(GLOBAL)
enable_language(C)

set(HEAPLESS_QEMU_CORTEXM_DIR "${CMAKE_CURRENT_LIST_DIR}" CACHE INTERNAL "")
set(HEAPLESS_QEMU_RUNNER "${CMAKE_CURRENT_LIST_DIR}/qemu-cortexm.sh" CACHE INTERNAL "")

set(_heapless_qemu_layout "")
set(_heapless_qemu_machine "${HEAPLESS_QEMU_MACHINE}")
if(HEAPLESS_CORTEXM_CPU MATCHES "^cortex-m0")
  # QEMU has no Cortex-M0+ model; the microbit's nRF51 is a Cortex-M0 (v6-M too).
  if(NOT _heapless_qemu_machine)
    set(_heapless_qemu_machine microbit)
  endif()
  set(_heapless_qemu_layout -Wl,--defsym=__flash_size=256K -Wl,--defsym=__ram_size=16K
                            -Wl,--defsym=__min_stack=4K)
elseif(NOT _heapless_qemu_machine)
  if(HEAPLESS_CORTEXM_CPU STREQUAL "cortex-m3")
    set(_heapless_qemu_machine mps2-an385)
  elseif(HEAPLESS_CORTEXM_CPU STREQUAL "cortex-m4f")
    set(_heapless_qemu_machine mps2-an386)
  elseif(HEAPLESS_CORTEXM_CPU STREQUAL "cortex-m7")
    set(_heapless_qemu_machine mps2-an500)
  endif()
endif()
if(_heapless_qemu_machine)
  set(HEAPLESS_QEMU_EMULATOR "${HEAPLESS_QEMU_RUNNER};-M;${_heapless_qemu_machine}" CACHE INTERNAL "")
else()
  set(HEAPLESS_QEMU_EMULATOR "${HEAPLESS_QEMU_RUNNER}" CACHE INTERNAL "")
endif()

if(NOT TARGET heapless_qemu_cortexm)
  add_library(heapless_qemu_cortexm STATIC
    ${CMAKE_CURRENT_LIST_DIR}/startup.c
    ${CMAKE_CURRENT_LIST_DIR}/atomic_shim.c)
  # C: the directory's options may be C++-only (-fno-rtti ...); replace them.
  set_property(TARGET heapless_qemu_cortexm PROPERTY COMPILE_OPTIONS -Os)
  # The vector table is referenced by nothing but the hardware: pull it (and
  # with it Reset_Handler and _exit) out of the archive explicitly.
  target_link_options(heapless_qemu_cortexm INTERFACE
    -nostartfiles --specs=rdimon.specs
    -T${CMAKE_CURRENT_LIST_DIR}/cortexm.ld ${_heapless_qemu_layout}
    -Wl,--gc-sections -Wl,--undefined=heapless_vector_table)
  add_library(heapless::qemu_cortexm ALIAS heapless_qemu_cortexm)
endif()

# heapless_qemu_cortexm_executable(<target>...): link each target with the
# start-up code and linker script, and make ctest run it in QEMU.
function(heapless_qemu_cortexm_executable)
  foreach(target IN LISTS ARGN)
    target_link_libraries(${target} PRIVATE heapless::qemu_cortexm)
    set_property(TARGET ${target} PROPERTY CROSSCOMPILING_EMULATOR "${HEAPLESS_QEMU_EMULATOR}")
  endforeach()
endfunction()
