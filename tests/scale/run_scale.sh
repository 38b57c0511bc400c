#!/usr/bin/env bash
# Bad input at scale (issue 9, docs/reliability.md "Bad input at scale"). Measurements, not
# tests: not run by ctest. Each case prints input -> exit status, time, peak RSS (GNU time -v)
# and the tool's own summary line.
#
#   tests/scale/run_scale.sh BUILD_DIR [WORK_DIR]
#
#   stream     STREAM_GB (default 10) of combined log piped into `archfit-cli ingest -`: a 100 MB
#              archfit-loggen block repeated, never stored as a whole
#   fifo       the same through a named pipe, 1 GB
#   longline   a log with a 10 MB line (no newline inside) between ordinary lines
#   components a workload with 5,000 components: validate and analyze
#   files      10,000 small log files in one ingest call
#
# Environment: STREAM_GB, CASES (subset of the names above), THREADS (ingest --threads).
set -euo pipefail

build="${1:?usage: tests/scale/run_scale.sh BUILD_DIR [WORK_DIR]}"
build="$(cd "$build" && pwd)"
work="${2:-/tmp/archfit-scale}"
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cli="$build/app/cli/archfit-cli"
loggen="$build/tests/tools/archfit-loggen"
sample="$repo/data/samples/shop.workload.json"
stream_gb="${STREAM_GB:-10}"
cases="${CASES:-stream fifo longline components files}"
threads=(); [[ -n "${THREADS:-}" ]] && threads=(--threads "$THREADS")
mkdir -p "$work"

want() { [[ " $cases " == *" $1 "* ]]; }

# measure NAME CMD...: runs CMD under GNU time; prints status, wall time, peak RSS and the last
# lines of its stderr/stdout.
measure() {
  local name="$1"; shift
  local status=0
  /usr/bin/time -v -o "$work/$name.time" "$@" >"$work/$name.out" 2>"$work/$name.err" || status=$?
  local wall rss
  wall=$(awk -F': ' '/Elapsed/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$work/$name.time")
  rss=$(awk -F': ' '/Maximum resident/ {print int($2/1024)}' "$work/$name.time")
  printf '%-12s exit %d  %8.1f s  %6s MB peak RSS\n' "$name" "$status" "$wall" "$rss"
  { grep -v '^\s*$' "$work/$name.err" | grep -v "Command exited" | head -5 | sed 's/^/    stderr: /'; } || true
  { head -4 "$work/$name.out" | sed 's/^/    stdout: /'; } || true
}

echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); build: $build"

block="$work/block.log"
if want stream || want fifo || want files; then
  if [[ ! -s "$block" ]]; then
    "$loggen" --workload "$sample" --days 7 --lines 500000 -o "$block" 2>/dev/null
  fi
  block_bytes=$(stat -c %s "$block")
  echo "block: $block_bytes bytes, $(wc -l <"$block") lines"
fi

if want stream; then
  reps=$(( (stream_gb * 1000000000 + block_bytes - 1) / block_bytes ))
  echo "stream: $reps x block = $(( reps * block_bytes / 1000000 )) MB through a pipe"
  measure stream bash -c 'for ((i = 0; i < '"$reps"'; ++i)); do cat "$0"; done | "$1" ingest --workload "$2" '"${threads[*]:-}"' -' \
    "$block" "$cli" "$sample"
fi

if want fifo; then
  fifo="$work/log.fifo"
  rm -f "$fifo"; mkfifo "$fifo"
  reps=$(( (1000000000 + block_bytes - 1) / block_bytes ))
  ( for ((i = 0; i < reps; ++i)); do cat "$block"; done >"$fifo" ) &
  measure fifo "$cli" ingest --workload "$sample" "${threads[@]}" "$fifo"
  wait
  rm -f "$fifo"
fi

if want longline; then
  ll="$work/longline.log"
  head -1000 "$block" >"$ll" 2>/dev/null || "$loggen" --workload "$sample" --lines 1000 -o "$ll" 2>/dev/null
  head -c 10000000 /dev/zero | tr '\0' 'x' >>"$ll"
  printf '\n' >>"$ll"
  tail -1000 "$block" >>"$ll"
  measure longline "$cli" ingest --workload "$sample" "${threads[@]}" "$ll"
  # A 10 MB line with no newline at all (the whole file is one line).
  head -c 10000000 /dev/zero | tr '\0' 'y' >"$work/oneline.log"
  measure oneline "$cli" ingest --workload "$sample" "${threads[@]}" "$work/oneline.log"
fi

if want components; then
  big="$work/5000.workload.json"
  python3 "$repo/tests/scale/make_portfolio.py" "$sample" 5000 "$big"
  echo "components: $(stat -c %s "$big") bytes"
  measure validate5k "$cli" validate "$big"
  measure analyze5k "$cli" analyze "$big" --json "$work/5000.analysis.json"
  [[ -s "$work/5000.analysis.json" ]] && echo "    analysis: $(stat -c %s "$work/5000.analysis.json") bytes"
fi

if want files; then
  dir="$work/many"
  if [[ ! -d "$dir" ]] || (( $(find "$dir" -name '*.log' | wc -l) != 10000 )); then
    rm -rf "$dir"; mkdir -p "$dir"
    # 10,000 files of 50 lines each, every file different (its own slice of the block).
    split -l 50 -a 4 -d --additional-suffix=.log <(head -500000 "$block") "$dir/part-"
  fi
  echo "files: $(find "$dir" -name '*.log' | wc -l) files, $(du -sm "$dir" | cut -f1) MB"
  ulimit -n
  measure files10k bash -c 'cd "$0" && exec "$1" ingest --workload "$2" '"${threads[*]:-}"' part-*.log' \
    "$dir" "$cli" "$sample"
fi
