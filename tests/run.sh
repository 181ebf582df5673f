#!/bin/sh
# tests/run.sh - the whole test suite, as CI runs it (.ci/run calls exactly this).
#   sh tests/run.sh                  every stage
#   sh tests/run.sh STAGE [STAGE...] only those stages
#   sh tests/run.sh matrix           every compiler-matrix cell (matrix-*)
# Stages (each is its own build directory under $HEAPLESS_BUILD_ROOT, default
# build/ci; each builds its configuration once, on all cores, and runs what it
# built; approximate times on a quiet 2-core machine; Catch2's header is
# precompiled once per stage):
#   deps             install missing Debian packages (.ci/install-deps.sh)    ~0 s
#   gcc-asan         g++ 12, C++17, -O0, AddressSanitizer + UBSan, Catch2     ~220 s
#   clang-release    clang 14, C++20, -O3, Catch2, fuzz targets, benchmark
#                    and example runs                                         ~275 s
#   gcc-noexcept     g++ 12, C++20, -O2 with asserts on, -fno-exceptions
#                    -fno-rtti, user error handler, mini harness, every test
#                    against single_include/heapless.hpp                      ~150 s
#   tsan             g++ 12, C++17, ThreadSanitizer, the *_stress_test binaries  ~95 s
#   matrix-gcc11     g++ 11, C++17, -O2                                       ~130 s
#   matrix-clang13   clang 13, C++17, -Os                                     ~120 s
#   matrix-clang15   clang 15, C++20, -O2                                     ~150 s
#   matrix-clang16   clang 16, C++2b, -Os                                     ~120 s
#   arm              Cortex-M0/M3/M4F/M7 under QEMU (tests/target/run_arm.sh),
#                    arm-none-eabi-g++ 12, -Os, C++17 and C++20               ~370 s
# Whole suite: 1557 s = 26 min, measured 2026-12-07 on a 2-core machine;
# about 2300-2400 s on a slower one (docs/benchmarks.md, "Test suite time";
# CI budget: 45 min).
#
# Compiler coverage: each compiler builds the whole suite in one configuration
# above, and tests/strict/strict_warnings.cpp (every header and container under
# the strict warnings) in C++17, C++20 and C++23/2b in its matrix cell, so each
# compiler sees every standard (clang-release and gcc-noexcept do the same);
# across the stages each family sees -O2 and -Os (g++ also -O0, clang also
# -O3; g++ 12's -Os is the arm stage's, its -O3 the strict TU's in
# gcc-noexcept), and the tests/modref programs run at -O1, -O2, -Os and -O3 once
# per compiler and instruction set (gcc-asan, clang-release, the matrix cells,
# arm's m0 and m4f). The matrix cells build with -DNDEBUG (the paths users
# ship) and leave out the *_stress_test binaries (run by gcc-asan,
# clang-release, tsan and gcc-noexcept) and the CMake consumer projects
# (compiler-neutral: gcc-asan and clang-release run them).
# Warnings are errors everywhere; a sanitizer finding is a failure.
set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD_ROOT=${HEAPLESS_BUILD_ROOT:-$ROOT/build/ci}
JOBS=${JOBS:-$(nproc 2>/dev/null || echo 2)}
# The compiler matrix: NAME:COMPILER:STANDARD:OPT (see the header comment).
MATRIX="gcc11:g++-11:17:-O2 clang13:clang++-13:17:-Os clang15:clang++-15:20:-O2 clang16:clang++-16:23:-Os"
MATRIX_STAGES=$(for c in $MATRIX; do printf 'matrix-%s ' "${c%%:*}"; done)
ALL="deps gcc-asan clang-release gcc-noexcept tsan $MATRIX_STAGES arm"
STAGES=${*:-$ALL}
STAGES=$(for s in $STAGES; do [ "$s" = matrix ] && echo "$MATRIX_STAGES" || echo "$s"; done)

passed=0
failed=0
failed_stages=""
t_start=$(date +%s)

# run_cmake_stage NAME CMAKE-ARGS...: configure, build, ctest; tallies ctest's counts.
run_cmake_stage() {
  name=$1; shift
  dir="$BUILD_ROOT/$name"
  log="$BUILD_ROOT/$name.ctest.log"
  echo "=== [$name] configure + build"
  # Ninja where installed (the deps stage installs it; it keeps both cores
  # busier than make) and the directory is new; an existing build directory
  # keeps the generator it was made with.
  gen=""
  [ ! -f "$dir/CMakeCache.txt" ] && command -v ninja >/dev/null 2>&1 && gen="-G Ninja"
  if ! cmake -S "$ROOT" -B "$dir" -Wno-dev $gen "$@" >"$BUILD_ROOT/$name.configure.log" 2>&1; then
    cat "$BUILD_ROOT/$name.configure.log"
    return 1
  fi
  cmake --build "$dir" -j"$JOBS" || return 1
  echo "=== [$name] ctest"
  ctest --test-dir "$dir" -j"$JOBS" --output-on-failure --timeout 600 ${CTEST_ARGS:-} 2>&1 | tee "$log"
  tally "$log"
  grep -q "100% tests passed" "$log"
}

# tally LOG: adds "N tests failed out of M" from a ctest log to the totals.
tally() {
  line=$(grep -E "tests passed, [0-9]+ tests? failed out of [0-9]+" "$1" | tail -n 1)
  [ -n "$line" ] || return 0
  f=$(echo "$line" | sed -E 's/.* ([0-9]+) tests? failed out of ([0-9]+).*/\1/')
  n=$(echo "$line" | sed -E 's/.* ([0-9]+) tests? failed out of ([0-9]+).*/\2/')
  passed=$((passed + n - f))
  failed=$((failed + f))
}

stage() {
  s0=$(date +%s)
  # The spsc stress test asks for 10 million items per run in the optimised
  # clang-release stage and under ThreadSanitizer (the tsan stage; 34 runs
  # within the test's own time budget, which keeps it well under ctest's
  # timeout). The Debug ASan and no-exceptions stages check the same code
  # paths with 1 million per run, which keeps the whole suite inside CI's
  # budget.
  # The mpmc, Arc, ObjectPool and spsc drain stress tests likewise run their
  # full counts (sized for TSan in the files) there, and reduced ones here.
  case "$1" in
    clang-release|tsan)
      unset HEAPLESS_SPSC_STRESS_ITEMS HEAPLESS_MPMC_STRESS_ITEMS HEAPLESS_ARC_STRESS_COPIES \
        HEAPLESS_OBJECT_POOL_STRESS_ITEMS HEAPLESS_SPSC_DRAIN_STRESS_ITEMS ;;
    *)
      export HEAPLESS_SPSC_STRESS_ITEMS=${HEAPLESS_SPSC_STRESS_ITEMS_REDUCED:-1000000}
      export HEAPLESS_MPMC_STRESS_ITEMS=${HEAPLESS_MPMC_STRESS_ITEMS_REDUCED:-300000}
      export HEAPLESS_ARC_STRESS_COPIES=${HEAPLESS_ARC_STRESS_COPIES_REDUCED:-500000}
      export HEAPLESS_OBJECT_POOL_STRESS_ITEMS=${HEAPLESS_OBJECT_POOL_STRESS_ITEMS_REDUCED:-1000000}
      export HEAPLESS_SPSC_DRAIN_STRESS_ITEMS=${HEAPLESS_SPSC_DRAIN_STRESS_ITEMS_REDUCED:-300000} ;;
  esac
  case "$1" in
    deps) sh "$ROOT/.ci/install-deps.sh" all ;;
    gcc-asan) run_cmake_stage gcc-asan -DCMAKE_CXX_COMPILER=g++ -DCMAKE_BUILD_TYPE=Debug \
        -DCMAKE_CXX_STANDARD=17 -DHEAPLESS_SANITIZE=address,undefined \
        -DHEAPLESS_BUILD_BENCH=OFF -DHEAPLESS_BUILD_FUZZ=OFF ;;
    clang-release) run_cmake_stage clang-release -DCMAKE_CXX_COMPILER=clang++ \
        -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_STANDARD=20 -DHEAPLESS_BUILD_FUZZ=ON \
        "-DHEAPLESS_STRICT_STANDARDS=17;20;23" ;;
    gcc-noexcept)
      if [ -f "$ROOT/single_include/heapless.hpp" ]; then
        # The consumer projects are the gcc-asan and clang-release stages'
        # (compiler-neutral); the position programs are gcc-asan's (same g++);
        # the second builds of a test under another setting (*_noindex,
        # *_compact, *_small, *_nopad) are gcc-asan's and clang-release's, and
        # g++ 12's -Os forms of them the arm stage's; format_compact_test stays
        # here (the single header's own copy of the compact float back end).
        CTEST_ARGS="-LE consumer"
        run_cmake_stage gcc-noexcept -DCMAKE_CXX_COMPILER=g++ -DCMAKE_BUILD_TYPE=Debug \
          -DCMAKE_CXX_FLAGS_DEBUG=-O2 -DCMAKE_CXX_STANDARD=20 "-DHEAPLESS_STRICT_STANDARDS=17;23" \
          -DHEAPLESS_STRICT_OPT_LEVELS=3 \
          -DHEAPLESS_NO_EXCEPTIONS=ON -DHEAPLESS_TEST_SINGLE_HEADER=ON -DHEAPLESS_TEST_MODREF=OFF \
          '-DHEAPLESS_TEST_EXCLUDE=_noindex_test$|_small_test$|_nopad_test$|^binary_heap_compact_test$|^history_buffer(_ref)?_compact_test$' \
          -DHEAPLESS_BUILD_BENCH=OFF -DHEAPLESS_BUILD_FUZZ=OFF
        rc=$?; CTEST_ARGS=""; [ $rc = 0 ]
      else
        echo "single_include/heapless.hpp is missing"; false
      fi ;;
    tsan) run_cmake_stage tsan -DCMAKE_CXX_COMPILER=g++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DCMAKE_CXX_STANDARD=17 -DHEAPLESS_SANITIZE=thread -DHEAPLESS_TEST_FILTER=stress \
        -DHEAPLESS_BUILD_BENCH=OFF -DHEAPLESS_BUILD_EXAMPLES=OFF -DHEAPLESS_BUILD_FUZZ=OFF ;;
    matrix-*)
      cell=""
      for c in $MATRIX; do [ "matrix-${c%%:*}" = "$1" ] && cell=$c; done
      if [ -z "$cell" ]; then echo "unknown matrix cell: $1 ($MATRIX_STAGES)"; false
      else
        cxx=$(echo "$cell" | cut -d: -f2); std=$(echo "$cell" | cut -d: -f3)
        opt=$(echo "$cell" | cut -d: -f4)
        # Release with the cell's -O, asserts off (-DNDEBUG: the paths users
        # ship); the suite in one standard, strict_warnings in all three; no
        # stress tests (the tsan, gcc-asan, clang-release and single-header
        # stages run them), no second builds of a test under another setting
        # (*_noindex, *_compact, *_small: the other stages run them) or of
        # the peers' sizeof facts, and no CMake consumer projects
        # (compiler-neutral).
        CTEST_ARGS="-LE consumer"
        run_cmake_stage "$1" -DCMAKE_CXX_COMPILER="$cxx" \
          -DCMAKE_BUILD_TYPE=Release "-DCMAKE_CXX_FLAGS_RELEASE=$opt -DNDEBUG" \
          -DCMAKE_CXX_STANDARD="$std" "-DHEAPLESS_STRICT_STANDARDS=17;20;23" \
          '-DHEAPLESS_TEST_EXCLUDE=_stress_test$|_noindex_test$|_compact_test$|_small_test$|^peer_facts_test$' \
          -DHEAPLESS_BUILD_BENCH=OFF -DHEAPLESS_BUILD_FUZZ=OFF -DHEAPLESS_BUILD_EXAMPLES=OFF
        rc=$?; CTEST_ARGS=""; [ $rc = 0 ]
      fi ;;
    arm)
      log="$BUILD_ROOT/arm.ctest.log"
      { HEAPLESS_BUILD_ROOT="$BUILD_ROOT" JOBS="$JOBS" sh "$ROOT/tests/target/run_arm.sh" 2>&1
        echo $? > "$log.rc"; } | tee "$log"
      rc=$(cat "$log.rc")
      for l in $(grep -nE "tests passed, [0-9]+ tests? failed out of" "$log" | cut -d: -f1); do
        sed -n "${l}p" "$log" > "$log.one"; tally "$log.one"
      done
      [ "${rc:-1}" = 0 ] ;;
    *) echo "unknown stage: $1 (stages: $ALL)"; false ;;
  esac
  rc=$?
  echo "=== [$1] $( [ $rc = 0 ] && echo ok || echo FAILED ) in $(( $(date +%s) - s0 )) s"
  return $rc
}

mkdir -p "$BUILD_ROOT"
for s in $STAGES; do
  if ! stage "$s"; then
    failed_stages="$failed_stages $s"
    # Without its packages nothing else can run.
    [ "$s" = deps ] && break
  fi
done

echo "=== heapless test suite: $(( $(date +%s) - t_start )) s; stages failed:${failed_stages:- none}"
if [ -n "$failed_stages" ] && [ "$failed" = 0 ]; then failed=1; fi
echo "$passed passed, $failed failed"
[ -z "$failed_stages" ]
