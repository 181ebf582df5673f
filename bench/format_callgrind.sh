#!/bin/sh
# bench/format_callgrind.sh - instructions per formatted line (valgrind
# callgrind; repeatable, unlike wall time on a shared machine).
#   sh bench/format_callgrind.sh <build-dir>      (format_bench must be built)
# For every line_* function of bench/format_bench.cpp: calls, total Ir,
# Ir per call, and the ratio to the hand-written to_chars line.
set -eu
BIN=${1:?usage: format_callgrind.sh <build-dir>}/bench/format_bench
OUT=${TMPDIR:-/tmp}/format_callgrind.$$
valgrind --tool=callgrind --callgrind-out-file="$OUT" "$BIN" --benchmark_min_time=0.1 >/dev/null 2>&1
python3 - "$OUT" <<'PY'
import re, sys
names, fn_of, calls, cost = {}, None, {}, {}
pending = None
for line in open(sys.argv[1]):
    m = re.match(r'(c?fn)=\((\d+)\)(?: (.*))?', line)
    if m:
        kind, i, name = m.groups()
        if name: names[i] = name.strip()
        if kind == 'cfn': pending = i
        continue
    m = re.match(r'calls=(\d+)', line)
    if m:
        n = int(m.group(1)); continue_call = True
        calls[pending] = calls.get(pending, 0) + n
        last_call = pending
        expect_cost = True
        continue
    if 'expect_cost' in dir() and expect_cost and re.match(r'[+-]?\d', line):
        parts = line.split()
        cost[last_call] = cost.get(last_call, 0) + int(parts[-1])
        expect_cost = False
agg = {}
for i, name in names.items():
    m = re.search(r'line_(\w+)\(', name)
    if m and calls.get(i, 0) > 0:  # clones (.isra, .constprop) add up
        k, c = agg.get(m.group(1), (0, 0))
        agg[m.group(1)] = (k + calls[i], c + cost.get(i, 0))
rows = [(n, k, c) for n, (k, c) in agg.items()]
per = {n: c / k for n, k, c in rows}
for n, k, c in sorted(rows, key=lambda r: r[0]):
    base = per.get(next((q + 'hand' for q in ('int_', 'two_') if n.startswith(q)), 'hand'))
    print(f"{n:18} calls {k:>9}  Ir/line {c / k:8.0f}  x hand {c / k / base:5.2f}")
PY
rm -f "$OUT"
