#!/bin/sh
# install-deps.sh [host|arm|all] - installs, from Debian's archive, what the
# examples and the test suite need, and nothing that is already there.
#   host: compilers, CMake, Catch2, Google Benchmark, Boost and {fmt} headers,
#         clang's sanitizer/libFuzzer runtime
#   arm:  the Cortex-M cross toolchain with newlib, and QEMU to run its binaries
set -eu
what=${1:-all}
pkgs=""
case "$what" in
  host|all) pkgs="$pkgs cmake make g++ clang libclang-rt-14-dev catch2 libbenchmark-dev libboost-dev libfmt-dev" ;;
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
