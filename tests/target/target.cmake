# tests/target/target.cmake - cross-compiling support for heapless's own
# targets (included by cmake/HeaplessDev.cmake when CMAKE_CROSSCOMPILING, with
# the toolchain file cmake/arm-none-eabi.cmake).
#
# Adds to heapless_dev_flags (so every test, example and firmware program gets it):
#   - heapless_target_rt = heapless::qemu_cortexm (support/cortexm/: start-up
#     code, linker script, atomics shim, semihosting), the same helper users
#     link to run their own programs in QEMU;
#   - HEAPLESS_TEST_SCALE_DIVISOR: long random sequences in tests are divided
#     by it (QEMU runs ~10-50x slower than the host).
# Every test command runs in QEMU (CMAKE_CROSSCOMPILING_EMULATOR).
# The toolchain file picks the runtime: HEAPLESS_CORTEXM_EXCEPTIONS=OFF gives
# -fno-exceptions -fno-rtti and newlib-nano (the mini harness,
# HEAPLESS_NO_EXCEPTIONS=ON); ON gives exceptions and full newlib (Catch2).
# Provides Catch2::Catch2WithMain for exception builds: Debian's Catch2 v2
# single header copied into a private include directory (never -I/usr/include
# for the cross compiler: those are the host's libc headers) and its main()
# compiled once per build directory.
include_guard(GLOBAL)
enable_language(C)

if((HEAPLESS_NO_EXCEPTIONS AND HEAPLESS_CORTEXM_EXCEPTIONS) OR
   (NOT HEAPLESS_NO_EXCEPTIONS AND NOT HEAPLESS_CORTEXM_EXCEPTIONS))
  message(FATAL_ERROR "Cortex-M test builds: HEAPLESS_NO_EXCEPTIONS=ON (mini harness) goes with "
                      "the toolchain's default HEAPLESS_CORTEXM_EXCEPTIONS=OFF (newlib-nano); "
                      "HEAPLESS_NO_EXCEPTIONS=OFF (Catch2) needs -DHEAPLESS_CORTEXM_EXCEPTIONS=ON "
                      "(full newlib). tests/target/run_arm.sh sets both.")
endif()

set(HEAPLESS_TEST_SCALE_DIVISOR 10 CACHE STRING
    "Divisor for long random test sequences on the emulated target (heapless::test::scaled)")

include(${PROJECT_SOURCE_DIR}/support/cortexm/HeaplessQemuCortexM.cmake)
add_library(heapless_target_rt ALIAS heapless_qemu_cortexm)
# Tests: -Werror on the start-up code too.
set_property(TARGET heapless_qemu_cortexm APPEND PROPERTY COMPILE_OPTIONS -Wall -Wextra -Werror)
# main() too: the mini harness keeps it in a static library (mini_main.cpp).
target_link_options(heapless_dev_flags INTERFACE -Wl,--undefined=main)
# ctest prefixes every test command with this: the ELF runs in QEMU and the
# program's exit status becomes the test's.
set(CMAKE_CROSSCOMPILING_EMULATOR "${HEAPLESS_QEMU_EMULATOR}")
# The atomics shim is searched after the program's objects (it is an archive).
target_link_libraries(heapless_dev_flags INTERFACE heapless_target_rt)
target_compile_definitions(heapless_dev_flags INTERFACE
  HEAPLESS_TEST_SCALE_DIVISOR=${HEAPLESS_TEST_SCALE_DIVISOR})
# Test sources that cannot run on this core, each with the reason (tests/CMakeLists.txt
# skips names matching HEAPLESS_TARGET_SKIP_TESTS; docs/firmware.md lists them).
set(HEAPLESS_TARGET_SKIP_TESTS "")
if(HEAPLESS_CORTEXM_CPU STREQUAL "cortex-m0")
  # linear_map_test keeps ~16.7 KB of static maps (.data + .bss: string_paths_agree<N>
  # for N up to 130 keys of text); the microbit has 16 KiB of RAM in all, 4 KiB of
  # it reserved for the stack. The link fails ("RAM overflow"), so it is not built.
  # linear_map_random_test and linear_map_constexpr_test do run on M0.
  # linear_map_noindex_test is the same source (without the hash index).
  list(APPEND HEAPLESS_TARGET_SKIP_TESTS "^linear_map_test$" "^linear_map_noindex_test$")
endif()
string(REPLACE ";" "|" HEAPLESS_TARGET_SKIP_TESTS "${HEAPLESS_TARGET_SKIP_TESTS}")

# The allocation trap (tests/support/alloc_trap.cpp) sees every malloc through
# newlib's reentrant allocator entry points, the way it interposes malloc on glibc.
# (--undefined: alloc_trap.o sits in a static library; pull it in even when the
# test itself references nothing in it.)
set(HEAPLESS_TARGET_WRAP_MALLOC
  -Wl,--wrap=_malloc_r -Wl,--wrap=_calloc_r -Wl,--wrap=_realloc_r -Wl,--wrap=_memalign_r
  -Wl,--undefined=__wrap__malloc_r)

if(NOT HEAPLESS_NO_EXCEPTIONS AND HEAPLESS_BUILD_TESTS AND NOT TARGET Catch2::Catch2WithMain)
  find_file(HEAPLESS_CATCH2_HEADER catch2/catch.hpp
    PATHS /usr/include /usr/local/include NO_DEFAULT_PATH NO_CMAKE_FIND_ROOT_PATH)
  if(NOT HEAPLESS_CATCH2_HEADER)
    message(FATAL_ERROR "Catch2 v2's single header (Debian package catch2) is needed for the "
                        "Cortex-M Catch2 build; or configure with -DHEAPLESS_NO_EXCEPTIONS=ON")
  endif()
  set(_inc ${CMAKE_BINARY_DIR}/target-include)
  configure_file(${HEAPLESS_CATCH2_HEADER} ${_inc}/catch2/catch.hpp COPYONLY)
  add_library(heapless_target_catch2_main STATIC ${CMAKE_CURRENT_LIST_DIR}/catch_main.cpp)
  target_include_directories(heapless_target_catch2_main SYSTEM PUBLIC ${_inc})
  target_compile_definitions(heapless_target_catch2_main PUBLIC CATCH_CONFIG_NO_POSIX_SIGNALS)
  target_compile_options(heapless_target_catch2_main PRIVATE -Wno-psabi)
  target_link_libraries(heapless_target_catch2_main PUBLIC heapless_target_rt)
  add_library(Catch2::Catch2WithMain ALIAS heapless_target_catch2_main)
endif()
