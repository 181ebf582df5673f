#!/bin/sh
# header_weight.sh [compiler] [std] - parse time of <heapless.hpp> next to the
# std headers a user would otherwise include, alternating runs so that machine
# noise hits both alike. Prints medians in seconds and the ratio.
#   sh bench/header_weight.sh g++ c++17
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
CXX=${1:-g++}
STD=${2:-c++17}
RUNS=${RUNS:-11}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
printf '#include <heapless.hpp>\n' > "$tmp/heapless.cpp"
printf '#include <vector>\n#include <string>\n#include <map>\n#include <unordered_map>\n' > "$tmp/std.cpp"
time_one() {  # prints elapsed seconds of one -fsyntax-only run
  s=$(date +%s.%N)
  "$CXX" -std="$STD" -fsyntax-only -I"$ROOT/include" "$1"
  e=$(date +%s.%N)
  echo "$e - $s" | bc -l
}
: > "$tmp/h.txt"; : > "$tmp/s.txt"
i=0
while [ $i -lt "$RUNS" ]; do
  time_one "$tmp/heapless.cpp" >> "$tmp/h.txt"
  time_one "$tmp/std.cpp" >> "$tmp/s.txt"
  i=$((i + 1))
done
median() { sort -n "$1" | awk '{a[NR]=$1} END {printf "%.3f", a[int((NR+1)/2)]}'; }
h=$(median "$tmp/h.txt")
s=$(median "$tmp/s.txt")
echo "$CXX -std=$STD -fsyntax-only, median of $RUNS alternating runs:"
echo "  <heapless.hpp>                               ${h} s"
echo "  <vector> <string> <map> <unordered_map>      ${s} s"
echo "  ratio heapless / std                         $(echo "$h / $s" | bc -l | cut -c1-4)"
