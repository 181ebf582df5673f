#!/bin/sh
# install-deps.sh [host|arm|all] - installs, from Debian's archive, what the
# examples and the test suite need, and nothing that is already there.
#   host: compilers (g++ 12 and 11, clang 14 and 13/15/16 for the compiler
#         matrix in tests/run.sh), CMake, Catch2, Google Benchmark, Boost and
#         {fmt} headers, clang 14's sanitizer/libFuzzer runtime (the fuzz
#         targets; the other clangs build no sanitized code), and what the
#         bench/ scripts call (valgrind, python3, bc)
#   arm:  the Cortex-M cross toolchain with newlib, and QEMU to run its binaries
set -eu
what=${1:-all}
pkgs=""
case "$what" in
  host|all) pkgs="$pkgs cmake make g++ clang libclang-rt-14-dev catch2 libbenchmark-dev libboost-dev libfmt-dev
                  g++-11 clang-13 clang-15 clang-16 valgrind python3 bc" ;;
esac
case "$what" in
  arm|all) pkgs="$pkgs gcc-arm-none-eabi libnewlib-arm-none-eabi libstdc++-arm-none-eabi-newlib qemu-system-arm" ;;
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
