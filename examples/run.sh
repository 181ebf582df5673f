#!/bin/sh
# examples/run.sh - builds every program in examples/ and runs each one.
# Installs cmake, make and g++ from Debian's archive first if they are missing.
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${HEAPLESS_BUILD_ROOT:-$ROOT/build}/examples
sh "$ROOT/.ci/install-deps.sh" examples
cmake -S "$ROOT" -B "$BUILD" -DCMAKE_BUILD_TYPE=Release -DHEAPLESS_BUILD_TESTS=OFF \
      -DHEAPLESS_BUILD_BENCH=OFF -DHEAPLESS_BUILD_EXAMPLES=ON >/dev/null
cmake --build "$BUILD" -j"$(nproc 2>/dev/null || echo 2)"
for src in "$ROOT"/examples/*.cpp; do
  name=$(basename "$src" .cpp)
  echo
  echo "=== examples/$name.cpp"
  "$BUILD/examples/$name"
done
