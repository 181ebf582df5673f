#!/bin/sh
# qemu-cortexm.sh - runs a bare-metal Cortex-M ELF in qemu-system-arm with
# semihosting; the exit status is the program's (startup.c reports it with
# SYS_EXIT_EXTENDED). The runner of HeaplessQemuCortexM.cmake (ctest's emulator).
#
#   qemu-cortexm.sh [-M machine] [-t seconds] program.elf [args...]
#
# Machine: -M, else $HEAPLESS_QEMU_MACHINE, else chosen from the ELF's build
# attributes: v6-M -> microbit (Cortex-M0), v7E-M with FPv5 -> mps2-an500 (M7),
# other v7E-M -> mps2-an386 (M4), anything else -> mps2-an385 (M3).
# Timeout: -t, else $HEAPLESS_QEMU_TIMEOUT, else 600 s; exit 124 when hit
# (a hung target fails its test instead of hanging ctest).
# Status 125 = CPU fault or unexpected exception (startup.c prints which).
# $HEAPLESS_QEMU_ICOUNT (e.g. shift=0) runs with -icount: virtual time follows
# the instruction count, so timer interrupts (SysTick) come every few thousand
# instructions and deterministically, instead of at the host's ~1 ms timer
# granularity (tests/target/isr_test.cpp sets it).
# main() gets the arguments through SYS_GET_CMDLINE: arguments that are empty or
# contain spaces are wrapped in "..." (startup.c strips the quotes), and commas
# are doubled for QEMU's option parser.
set -eu
machine=${HEAPLESS_QEMU_MACHINE:-}
tmo=${HEAPLESS_QEMU_TIMEOUT:-600}
while [ $# -gt 0 ]; do
  case "$1" in
    -M) machine=$2; shift 2 ;;
    -t) tmo=$2; shift 2 ;;
    --) shift; break ;;
    *) break ;;
  esac
done
[ $# -ge 1 ] || { echo "usage: $0 [-M machine] [-t secs] prog.elf [args...]" >&2; exit 2; }
elf=$1; shift
[ -f "$elf" ] || { echo "$0: no such program: $elf" >&2; exit 2; }
if [ -z "$machine" ]; then
  attrs=$(arm-none-eabi-readelf -A "$elf" 2>/dev/null || true)
  case "$attrs" in
    *"Tag_CPU_arch: v6"*) machine=microbit ;;
    *"Tag_CPU_arch: v7E-M"*"FPv5"*) machine=mps2-an500 ;;
    *"Tag_CPU_arch: v7E-M"*) machine=mps2-an386 ;;
    *) machine=mps2-an385 ;;
  esac
fi
esc() { printf '%s' "$1" | sed 's/,/,,/g'; }
cfg="enable=on,target=native,arg=$(esc "$(basename "$elf")")"
for a in "$@"; do
  case "$a" in
    "" | *" "*) cfg="$cfg,arg=\"$(esc "$a")\"" ;;
    *) cfg="$cfg,arg=$(esc "$a")" ;;
  esac
done
icount=""
[ -n "${HEAPLESS_QEMU_ICOUNT:-}" ] && icount="-icount $HEAPLESS_QEMU_ICOUNT"
# shellcheck disable=SC2086  # $icount is two words or none
exec timeout --kill-after=5 "$tmo" qemu-system-arm -M "$machine" -nographic $icount \
  -monitor none -serial none -semihosting-config "$cfg" -kernel "$elf"
