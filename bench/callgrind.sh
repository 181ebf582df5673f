#!/bin/sh
# bench/callgrind.sh - instructions per call of a benchmark binary's noinline
# kernels (valgrind callgrind; repeatable, unlike wall time on a shared machine).
#   sh bench/callgrind.sh <binary> <benchmark filter> <kernel regex> [ops per call]
# Runs the binary once under callgrind with --benchmark_filter and prints, for
# every function whose (demangled) name matches the regex: calls, inclusive
# Ir per call and Ir per operation (Ir per call / ops per call).
set -eu
BIN=${1:?usage: callgrind.sh <binary> <filter> <kernel regex> [ops per call]}
FILTER=${2:?}
RE=${3:?}
OPS=${4:-1}
OUT=${TMPDIR:-/tmp}/bench_callgrind.$$
valgrind --tool=callgrind --callgrind-out-file="$OUT" "$BIN" --benchmark_filter="$FILTER" \
  --benchmark_min_time=0.05 >/dev/null 2>&1
python3 - "$OUT" "$RE" "$OPS" <<'PY'
import re, sys
names, calls, cost = {}, {}, {}
pending = last = None
expect = False
for line in open(sys.argv[1]):
    m = re.match(r'(c?fn)=\((\d+)\)(?: (.*))?', line)
    if m:
        kind, i, name = m.groups()
        if name: names[i] = name.strip()
        if kind == 'cfn': pending = i
        continue
    m = re.match(r'calls=(\d+)', line)
    if m:
        calls[pending] = calls.get(pending, 0) + int(m.group(1))
        last, expect = pending, True
        continue
    if expect and re.match(r'[+-]?\d', line):
        cost[last] = cost.get(last, 0) + int(line.split()[-1])
        expect = False
rx, ops = re.compile(sys.argv[2]), float(sys.argv[3])
for i, name in sorted(names.items(), key=lambda kv: kv[1]):
    if rx.search(name) and calls.get(i, 0) > 0:
        per = cost.get(i, 0) / calls[i]
        print(f"{name[:90]:90} calls {calls[i]:>8}  Ir/call {per:9.1f}  Ir/op {per / ops:7.2f}")
PY
rm -f "$OUT"
