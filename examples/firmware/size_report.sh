#!/bin/sh
# examples/firmware/size_report.sh - the numbers of docs/firmware.md:
#   1. firmware sizes: every examples/firmware program next to its hand-written
#      C counterpart, on Cortex-M0 and Cortex-M4F (-Os -fno-exceptions -fno-rtti,
#      --gc-sections, newlib-nano), with each program's own symbols (nm);
#   2. sizeof of every container at small N on arm-none-eabi (run in QEMU) and
#      on this host (g++, x86-64).
#   sh examples/firmware/size_report.sh          (build dirs: build/firmware-<core>)
# Needs gcc-arm-none-eabi, libnewlib-arm-none-eabi, libstdc++-arm-none-eabi-newlib,
# qemu-system-arm, g++, cmake.
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUILD_ROOT=${HEAPLESS_BUILD_ROOT:-$ROOT/build}
JOBS=${JOBS:-2}

for cpu in cortex-m0 cortex-m4f; do
  dir="$BUILD_ROOT/firmware-$cpu"
  # HEAPLESS_TEST_FILTER=^$ builds none of the container test suites: only the
  # firmware programs (and the small target checks) are needed here.
  cmake -S "$ROOT" -B "$dir" -Wno-dev -DCMAKE_TOOLCHAIN_FILE="$ROOT/cmake/arm-none-eabi.cmake" \
    -DHEAPLESS_CORTEXM_CPU=$cpu -DCMAKE_BUILD_TYPE=MinSizeRel -DCMAKE_CXX_STANDARD=17 \
    -DHEAPLESS_NO_EXCEPTIONS=ON -DHEAPLESS_CORTEXM_EXCEPTIONS=OFF '-DHEAPLESS_TEST_FILTER=^$' \
    -DHEAPLESS_BUILD_BENCH=OFF -DHEAPLESS_BUILD_EXAMPLES=OFF -DHEAPLESS_INSTALL=OFF >/dev/null
  cmake --build "$dir" -j"$JOBS" --target fw_sizeof >/dev/null
  echo
  cmake --build "$dir" --target firmware_size_report 2>&1 | grep -v '^\[\|^gmake\|Built target\|^Scanning'
  echo "sizeof on $cpu:"
  "$ROOT/support/cortexm/qemu-cortexm.sh" "$dir/firmware/fw_sizeof"
done

echo
echo "sizeof on the host ($(uname -m), g++ -O2 -DNDEBUG):"
host_bin="$BUILD_ROOT/firmware-host-sizeof"
mkdir -p "$BUILD_ROOT"
${CXX:-g++} -std=c++17 -O2 -DNDEBUG -I"$ROOT/include" "$ROOT/examples/firmware/sizeof_table.cpp" -o "$host_bin"
"$host_bin"
