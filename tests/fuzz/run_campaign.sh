#!/usr/bin/env bash
# The long fuzz campaign of issue 9 (docs/reliability.md "Runs"): each named target for RUNS
# executions (default 10,000,000), one after the other, at nice 19, with a corpus that persists
# in WORK_DIR/<target>/corpus (an interrupted run keeps what it found; its count starts again).
# Prints and appends to WORK_DIR/campaign.log the executions each target reached (libFuzzer's
# final stats); crashing inputs land in WORK_DIR/<target>/crashes.
#
#   tests/fuzz/run_campaign.sh FUZZ_BUILD_DIR WORK_DIR target[:max_len] ...
#   e.g. tests/fuzz/run_campaign.sh build-fuzz /var/tmp/fuzz csv_aggregate:8192 workload_reader:32768
#
# FUZZ_BUILD_DIR: a clang build with -DARCHFIT_FUZZ=ON (ASan + UBSan). Run two campaigns with
# different targets to use two cores. Environment: RUNS, SEED (default 7), TIMEOUT (s, default 60).
set -uo pipefail
build="${1:?usage: run_campaign.sh FUZZ_BUILD_DIR WORK_DIR target[:max_len] ...}"
work="${2:?usage: run_campaign.sh FUZZ_BUILD_DIR WORK_DIR target[:max_len] ...}"
shift 2
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
mkdir -p "$work"
for spec in "$@"; do
  target="${spec%%:*}"
  len=8192; [[ "$spec" == *:* ]] && len="${spec##*:}"
  exe="$build/tests/fuzz/fuzz_$target"
  if [[ ! -x "$exe" ]]; then echo "no $exe" >&2; exit 2; fi
  mkdir -p "$work/$target/corpus" "$work/$target/crashes"
  cp -rn "$repo/tests/fuzz/corpus/$target/." "$work/$target/corpus/"
  echo "$(date +%T) start $target max_len=$len" | tee -a "$work/campaign.log"
  nice -n 19 "$exe" -seed="${SEED:-7}" -runs="${RUNS:-10000000}" -max_len="$len" -timeout="${TIMEOUT:-60}" \
    -rss_limit_mb=3072 -print_final_stats=1 -artifact_prefix="$work/$target/crashes/" \
    "$work/$target/corpus" > "$work/$target/log.txt" 2>&1
  status=$?
  echo "$(date +%T) end $target status $status $(grep -E 'stat::number_of_executed_units' "$work/$target/log.txt")" \
    | tee -a "$work/campaign.log"
done
