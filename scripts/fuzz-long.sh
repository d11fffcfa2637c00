#!/usr/bin/env bash
# Runs every libFuzzer target (or the ones named) for MINUTES minutes each, one after the other
# with `nice` (they are single-threaded), and prints executions and crashes per target.
# Usage: scripts/fuzz-long.sh MINUTES [BUILD_DIR [TARGET...]]
#   BUILD_DIR: a build configured with CC=clang CXX=clang++ -DCINETUNE_FUZZ=ON (default build-asan);
#   the targets are built there first (JOBS parallel compile jobs, default 1).
# Each input may take FUZZ_TIMEOUT seconds (default 60: niced fuzzers on a busy machine are
# starved, and a shorter limit reports the starvation as a hang).
# New inputs found go to BUILD_DIR/tests/fuzz/corpus-NAME; crash inputs to BUILD_DIR/fuzz-crashes.
set -euo pipefail
cd "$(dirname "$0")/.."
minutes=${1:?usage: fuzz-long.sh MINUTES [BUILD_DIR [TARGET...]]}
dir=${2:-build-asan}
shift $(($# >= 2 ? 2 : 1))
if [ $# -gt 0 ]; then targets=("$@"); else
    mapfile -t targets < <(ctest --test-dir "$dir" -N -L fuzz | sed -n 's/^ *Test *#[0-9]*: \(fuzz_[a-z0-9_]*\)$/\1/p')
fi
[ ${#targets[@]} -gt 0 ] || { echo "fuzz-long.sh: no fuzz targets in $dir (configure with -DCINETUNE_FUZZ=ON)" >&2; exit 1; }
nice ninja -C "$dir" -j"${JOBS:-1}" "${targets[@]}"
mkdir -p "$dir/fuzz-crashes"
export ASAN_OPTIONS=detect_leaks=0 CINETUNE_SOURCE_DIR=$PWD
status=0
printf '%-28s %12s %8s %8s\n' target executions exec/s crashes
for t in "${targets[@]}"; do
    name=${t#fuzz_}
    max_len=4096; [ "$name" = project_file ] && max_len=131072
    mkdir -p "$dir/tests/fuzz/corpus-$name"
    log="$dir/fuzz-crashes/$t.log"
    rc=0
    nice "$dir/tests/fuzz/$t" -max_total_time=$((minutes * 60)) -max_len=$max_len -timeout="${FUZZ_TIMEOUT:-60}" -print_final_stats=1 \
        -artifact_prefix="$dir/fuzz-crashes/$t-" "$dir/tests/fuzz/corpus-$name" "tests/fuzz/corpus/$name" >"$log" 2>&1 || rc=$?
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n1)
    speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n1)
    # crash-, leak-, timeout- and oom- inputs are failures; slow-unit- ones are only reported.
    crashes=$(find "$dir/fuzz-crashes" \( -name "$t-crash-*" -o -name "$t-leak-*" -o -name "$t-timeout-*" -o -name "$t-oom-*" \) | wc -l)
    printf '%-28s %12s %8s %8s\n' "$t" "${runs:-?}" "${speed:-?}" "$crashes"
    [ "$rc" = 0 ] && [ "$crashes" = 0 ] || status=1
done
exit $status
