#!/bin/sh
# install-deps.sh [host|arm|docs|bench|all|examples] - installs, from Debian's
# archive, what the examples, the test suite and the scripts call, and nothing
# that is already there.
#   host:  compilers (g++ 12 and 11, clang 14 and 13/15/16 for the compiler
#          matrix in tests/run.sh), CMake, make, Catch2, Google Benchmark, Boost
#          and {fmt} headers, clang 14's sanitizer/libFuzzer runtime (the fuzz
#          targets; the other clangs build no sanitized code); the packaging
#          tests: meson + ninja, pkg-config, python3 (tests/packaging/validate.py)
#   arm:   the Cortex-M cross toolchain with newlib, and QEMU to run its binaries
#   docs:  doxygen (the API reference) and chromium (its render check)
#   bench: valgrind (bench/format_callgrind.sh, bench/callgrind.sh), bc (bench/header_weight.sh)
#   all:   every group above (what tests/run.sh's deps stage installs)
set -eu
what=${1:-all}
pkgs=""
case "$what" in
  host|all) pkgs="$pkgs cmake make g++ clang libclang-rt-14-dev catch2 libbenchmark-dev libboost-dev libfmt-dev
                  meson ninja-build pkg-config python3 g++-11 clang-13 clang-15 clang-16" ;;
esac
case "$what" in
  arm|all) pkgs="$pkgs gcc-arm-none-eabi libnewlib-arm-none-eabi libstdc++-arm-none-eabi-newlib qemu-system-arm" ;;
esac
case "$what" in
  docs|all) pkgs="$pkgs doxygen chromium" ;;
esac
case "$what" in
  bench|all) pkgs="$pkgs valgrind bc" ;;
esac
case "$what" in
  examples) pkgs="cmake make g++" ;;
esac

missing=""
for p in $pkgs; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0

echo "install-deps: installing:$missing"
SUDO=""
if [ "$(id -u)" != 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "install-deps: need root or sudo to install:$missing" >&2; exit 1; }
  SUDO=sudo
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# --no-install-recommends: qemu-system-arm alone would recommend ~150 GUI/audio packages.
$SUDO apt-get install -y -qq --no-install-recommends $missing
