#!/bin/sh
# Whole-analysis benchmark (issue 17 item 5): `archfit-cli analyze --json` of 50, 500 and 5,000
# declared components (copies of the sample's 11, from tests/scale/make_portfolio.py), break-even
# sweeps and growth sensitivity included. Prints wall time, CPU time (user + system) and peak RSS
# (GNU time -v) per size, best wall of $RUNS runs (default 3).
#   tests/bench/analyze_bench.sh BUILD_DIR [WORK_DIR]     (BUILD_DIR: a Release/RelWithDebInfo build)
# Environment: SIZES (default "50 500 5000"), RUNS.
set -eu
BUILD=${1:?usage: analyze_bench.sh BUILD_DIR [WORK_DIR]}
WORK=${2:-/tmp/archfit-analyze-bench}
SRC=$(cd "$(dirname "$0")/../.." && pwd)
CLI="$BUILD/app/cli/archfit-cli"
mkdir -p "$WORK"
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-6s %9s %9s %9s\n' size wall_s cpu_s rss_MB
for n in ${SIZES:-50 500 5000}; do
  W="$WORK/p$n.workload.json"
  [ -s "$W" ] || python3 "$SRC/tests/scale/make_portfolio.py" "$SRC/data/samples/shop.workload.json" "$n" "$W"
  best=""; bestcpu=""
  for i in $(seq "${RUNS:-3}"); do
    /usr/bin/time -v -o "$WORK/time.txt" "$CLI" analyze "$W" --json "$WORK/p$n.analysis.json" > /dev/null
    t=$(awk -F': ' '/Elapsed/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$WORK/time.txt")
    cpu=$(awk -F': ' '/User time|System time/ {s+=$2} END {print s}' "$WORK/time.txt")
    if [ -z "$best" ] || awk "BEGIN {exit !($t < $best)}"; then best=$t; bestcpu=$cpu; fi
  done
  rss=$(awk -F': ' '/Maximum resident/ {print int($2/1024)}' "$WORK/time.txt")
  printf '%-6s %9s %9s %9s\n' "$n" "$best" "$bestcpu" "$rss"
done
