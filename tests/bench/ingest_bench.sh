#!/bin/sh
# End-to-end ingest benchmark (issue #4): generates the 2,000,000-line combined log with
# archfit-loggen, warms the page cache, then times archfit-cli ingest, wc -l, an awk per-minute
# count and GoAccess (when installed) on the same file, printing MB/s, ratios and peak RSS.
#   tests/bench/ingest_bench.sh BUILD_DIR [WORK_DIR]     (BUILD_DIR: a Release/RelWithDebInfo build)
set -eu
BUILD=${1:?usage: ingest_bench.sh BUILD_DIR [WORK_DIR]}
WORK=${2:-/tmp/archfit-ingest-bench}
SRC=$(cd "$(dirname "$0")/../.." && pwd)
W="$SRC/data/samples/shop.workload.json"
CLI="$BUILD/app/cli/archfit-cli"
LOG="$WORK/bench-2M.log"
mkdir -p "$WORK"
if [ ! -s "$LOG" ]; then
  "$BUILD/tests/tools/archfit-loggen" --workload "$W" --lines 2000000 -o "$LOG" 2> "$WORK/loggen.txt"
fi
SIZE=$(stat -c %s "$LOG")
cat "$LOG" > /dev/null; cat "$LOG" > /dev/null   # warm cache

# run NAME CMD...: best wall time of $RUNS runs (default 3), peak RSS of the last (GNU time -v).
run() {
  name=$1; shift
  best=""
  for i in $(seq "${RUNS:-3}"); do
    /usr/bin/time -v -o "$WORK/time.txt" "$@" > "$WORK/out-$name.txt" 2>&1 || true
    t=$(awk -F': ' '/Elapsed/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$WORK/time.txt")
    best=$(echo "$best $t" | awk '{m=$NF; for(i=1;i<NF;i++) if($i<m) m=$i; print m}')
  done
  rss=$(awk -F': ' '/Maximum resident/ {print $2}' "$WORK/time.txt")
  # CPU seconds (user + system) of the last run: on a shared machine the wall time depends on the
  # other load, the CPU time much less; CPU MB/s = what one core would do.
  cpu=$(awk -F': ' '/User time|System time/ {s += $2} END {printf "%.2f", s}' "$WORK/time.txt")
  mbs=$(awk -v s="$SIZE" -v t="$best" 'BEGIN {printf "%.0f", (t > 0 ? s / 1e6 / t : 0)}')
  cpumbs=$(awk -v s="$SIZE" -v t="$cpu" 'BEGIN {printf "%.0f", (t > 0 ? s / 1e6 / t : 0)}')
  printf '%-10s %8.2f s %8s MB/s %8s MB RSS %8s s CPU %8s MB/CPU-s\n' "$name" "$best" "$mbs" "$((rss / 1024))" "$cpu" "$cpumbs"
  eval "T_$name=$best"
}

echo "log: $LOG, $(wc -l < "$LOG") lines, $((SIZE / 1000000)) MB; $(nproc) cores; load: $(cut -d' ' -f1-3 /proc/loadavg)"
run archfit "$CLI" ingest --workload "$W" --json "$WORK/ingest.json" "$LOG"
run wc wc -l "$LOG"
run awk awk '{ m = substr($4, 2, 17); c[m]++ } END { for (k in c) n++; print n }' "$LOG"
if command -v goaccess > /dev/null; then
  RUNS=1 run goaccess goaccess --log-format=COMBINED -o "$WORK/goaccess.json" "$LOG"
fi
awk -v a="$T_archfit" -v w="$T_wc" -v k="$T_awk" -v g="${T_goaccess:-0}" 'BEGIN {
  printf "archfit vs awk: %.1fx faster; vs wc -l: %.1fx slower", k / a, a / w
  if (g > 0) printf "; vs GoAccess: %.0fx faster", g / a
  printf "\n" }'
python3 -c "import json,sys; d=json.load(open('$WORK/ingest.json')); print('parsed', d['lines_parsed'], 'of', d['lines_total'], {k:v for k,v in d['requests_by_component'].items() if v})"
grep -E '^  [a-z]' "$WORK/loggen.txt" | awk '{printf "%s=%s ", $1, $2} END {print "(loggen)"}'
