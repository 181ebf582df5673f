#!/bin/sh
# tests/target/run_arm.sh - the Cortex-M stage of the test suite: for each core,
# configure with cmake/arm-none-eabi.cmake, build, and run every test binary in
# QEMU through ctest (tests/run.sh's "arm" stage calls this).
#
#   sh tests/target/run_arm.sh [CONFIG...]      default: m0 m3 m4f m7
#
#   config    core        QEMU machine  harness / runtime
#   m0        cortex-m0   microbit      mini, -fno-exceptions -fno-rtti, newlib-nano, C++17
#   m3        cortex-m3   mps2-an385    Catch2 v2, exceptions, full newlib, C++17
#   m4f       cortex-m4f  mps2-an386    Catch2 v2, exceptions, full newlib, C++20
#   m4f-nano  cortex-m4f  mps2-an386    mini, -fno-exceptions -fno-rtti, newlib-nano, C++20
#   m7        cortex-m7   mps2-an500    Catch2 v2, exceptions, full newlib, C++17
# All MinSizeRel (-Os); the mini configurations keep HEAPLESS_ASSERT on, so the
# precondition tests run there. The mini configurations also build the
# examples/firmware size programs and run them, and a user's firmware project
# (tests/target/run_user_firmware.cmake). m4f-nano is on demand: m0 runs the
# no-exceptions build and m4f the Cortex-M4F core. The tests/modref position
# programs are built by m0 (Thumb-1) and m4f (Thumb-2), not again by m3 and m7
# (the same compiler and instruction set as m4f).
#
# Environment: HEAPLESS_BUILD_ROOT (default build/ci; build dirs are arm-<config>),
# JOBS (default nproc), HEAPLESS_TEST_SCALE_DIVISOR (default 10),
# HEAPLESS_ARM_CMAKE_ARGS (extra configure arguments, e.g. -DHEAPLESS_TEST_FILTER=vec).
# Each configuration prints ctest's "N tests failed out of M" line; the exit
# status is non-zero when any configuration fails to configure, build or pass.
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUILD_ROOT=${HEAPLESS_BUILD_ROOT:-$ROOT/build/ci}
JOBS=${JOBS:-$(nproc 2>/dev/null || echo 2)}
CONFIGS=${*:-m0 m3 m4f m7}

for tool in arm-none-eabi-g++ qemu-system-arm cmake ctest; do
  command -v "$tool" >/dev/null 2>&1 || {
    echo "run_arm.sh: $tool is missing (sh .ci/install-deps.sh arm)" >&2
    exit 1
  }
done

mkdir -p "$BUILD_ROOT"
failed=""
t0=$(date +%s)
for cfg in $CONFIGS; do
  case "$cfg" in
    m0) cpu=cortex-m0 noexc=ON std=17 modref=ON variants=ON ;;
    m3) cpu=cortex-m3 noexc=OFF std=17 modref=OFF variants=OFF ;;
    m4f) cpu=cortex-m4f noexc=OFF std=20 modref=ON variants=ON ;;
    m4f-nano) cpu=cortex-m4f noexc=ON std=20 modref=OFF variants=OFF ;;
    m7) cpu=cortex-m7 noexc=OFF std=17 modref=OFF variants=OFF ;;
    *) echo "run_arm.sh: unknown configuration '$cfg' (m0 m3 m4f m4f-nano m7)" >&2
       failed="$failed $cfg"; continue ;;
  esac
  # -Os without -DNDEBUG: HEAPLESS_ASSERT stays on in the mini configurations.
  # (Never set CMAKE_CXX_FLAGS here: it would replace the toolchain's CPU flags.)
  # Ninja where installed (the deps stage installs it) and the directory is
  # new; an existing build directory keeps the generator it was made with.
  gen=""
  [ ! -f "$BUILD_ROOT/arm-$cfg/CMakeCache.txt" ] && command -v ninja >/dev/null 2>&1 && gen="-G Ninja"
  asserts=""
  [ "$noexc" = ON ] && asserts="-DCMAKE_CXX_FLAGS_MINSIZEREL=-Os"
  # Second builds of a test under another setting: the nopad ones and
  # format_compiled_small_test repeat what every Cortex-M build is by default
  # (no cache-line padding; -Os selects the size-optimised writers), so no
  # configuration builds them; the other forms (*_compact: the speed forms
  # here; linear_map_noindex_test) are built by m0 and m4f, the two
  # instruction sets, and not again by m3 and m7.
  exclude='_nopad_test$|^format_compiled_small_test$'
  [ "$variants" = ON ] || exclude="$exclude|_compact_test$|_noindex_test$"
  dir="$BUILD_ROOT/arm-$cfg"
  s0=$(date +%s)
  echo "=== [arm-$cfg] configure + build ($cpu, C++$std, exceptions $( [ $noexc = ON ] && echo off || echo on ))"
  if ! cmake -S "$ROOT" -B "$dir" -Wno-dev \
        -DCMAKE_TOOLCHAIN_FILE="$ROOT/cmake/arm-none-eabi.cmake" \
        $gen -DHEAPLESS_CORTEXM_CPU=$cpu -DCMAKE_BUILD_TYPE=MinSizeRel \
        "-DHEAPLESS_TEST_EXCLUDE=$exclude" \
        -DCMAKE_CXX_STANDARD=$std -DHEAPLESS_NO_EXCEPTIONS=$noexc -DHEAPLESS_TEST_MODREF=$modref \
        -DHEAPLESS_CORTEXM_EXCEPTIONS=$( [ $noexc = ON ] && echo OFF || echo ON ) \
        $asserts \
        -DHEAPLESS_TEST_SCALE_DIVISOR="${HEAPLESS_TEST_SCALE_DIVISOR:-10}" \
        -DHEAPLESS_BUILD_BENCH=OFF -DHEAPLESS_BUILD_EXAMPLES=OFF -DHEAPLESS_INSTALL=OFF \
        ${HEAPLESS_ARM_CMAKE_ARGS:-} \
        >"$BUILD_ROOT/arm-$cfg.configure.log" 2>&1; then
    cat "$BUILD_ROOT/arm-$cfg.configure.log"
    failed="$failed $cfg"; continue
  fi
  # Keep going past a broken test binary: ctest still runs (and reports) the rest.
  keep_going=""
  grep -q "CMAKE_GENERATOR:INTERNAL=Unix Makefiles" "$dir/CMakeCache.txt" && keep_going="-- -k"
  grep -q "CMAKE_GENERATOR:INTERNAL=Ninja" "$dir/CMakeCache.txt" && keep_going="-- -k 0"
  if ! cmake --build "$dir" -j"$JOBS" $keep_going; then
    echo "=== [arm-$cfg] BUILD FAILED (see above); running the tests that were built"
    failed="$failed $cfg"
  fi
  s1=$(date +%s)
  echo "=== [arm-$cfg] ctest (in qemu-system-arm)"
  ctest --test-dir "$dir" -j"$JOBS" --output-on-failure --timeout 600 ||
    case " $failed " in *" $cfg "*) ;; *) failed="$failed $cfg" ;; esac
  echo "=== [arm-$cfg] build $((s1 - s0)) s, ctest $(( $(date +%s) - s1 )) s"
done
echo "=== arm: $(( $(date +%s) - t0 )) s; configurations failed:${failed:- none}"
[ -z "$failed" ]
