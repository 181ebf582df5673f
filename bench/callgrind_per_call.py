#!/usr/bin/env python3
"""Instructions per call of the functions whose name matches a regex, from a
callgrind output file: the inclusive cost of every call to the function
divided by the number of calls (the benchmarks call each kernel a varying
number of times, so totals are not comparable).

  valgrind --tool=callgrind --callgrind-out-file=dq.out build/bench/bench/deque_bench --benchmark_min_time=0.01
  python3 bench/callgrind_per_call.py dq.out kernel
"""
import collections
import re
import sys


def main() -> None:
    path, pattern = sys.argv[1], re.compile(sys.argv[2])
    names = {}
    calls = collections.Counter()
    cost = collections.Counter()
    callee = None
    pending = None

    def ident(token: str) -> str:
        m = re.match(r"\((\d+)\)(?: (.*))?", token)
        if m is None:  # uncompressed names
            names[token] = token
            return token
        if m.group(2):
            names[m.group(1)] = m.group(2)
        return m.group(1)

    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("cfn="):
                callee = ident(line[4:])
            elif line.startswith("fn="):
                ident(line[3:])
            elif line.startswith("calls="):
                pending = int(line[6:].split()[0])
            elif pending is not None and line and (line[0].isdigit() or line[0] in "+-*"):
                fields = line.split()
                calls[callee] += pending
                cost[callee] += int(fields[1]) if len(fields) > 1 else 0
                pending = None
    rows = []
    for key, n in calls.items():
        name = names.get(key, key)
        if pattern.search(name):
            rows.append((name.replace("(anonymous namespace)::", ""), cost[key] / n, n))
    for name, per_call, n in sorted(rows):
        print(f"{per_call:10.1f}  calls={n:8d}  {name}")


if __name__ == "__main__":
    main()
