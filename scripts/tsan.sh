#!/usr/bin/env bash
# ThreadSanitizer build (clang) and run of the thread-sensitive tests: dataset loader (parallel
# parsing, cache), gold-set builder, baselines, metrics bootstrap, evaluation run and scheduler
# (HTTP on its own thread in the benchmarks, simulator in-process), synthetic data; then the
# TSan-built `cinetune` binary itself: parallel load and cache write, gold-set build into a
# project, the simulator, and an evaluation run (scheduler, DB writer) through faults and a resume.
# (Tests that start processes with QProcess cannot run under TSan: LLVM 14's runtime fails a
# CHECK in its clone() interceptor.) Too slow for
# every CI run (a whole second clang build); run it before releases and after threading changes.
# Usage: scripts/tsan.sh [BUILD_DIR] (default build-tsan). JOBS = parallel compile jobs (default 1).
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-build-tsan}
tests="tst_datasetloader tst_datasetcache tst_goldset tst_baselines tst_metrics tst_synth tst_evalrun tst_finetuneflow"
CC=clang CXX=clang++ cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCINETUNE_SANITIZE=thread \
    ${CMAKE_CXX_COMPILER_LAUNCHER:+-DCMAKE_CXX_COMPILER_LAUNCHER=$CMAKE_CXX_COMPILER_LAUNCHER} >/dev/null
# shellcheck disable=SC2086
nice ninja -C "$dir" -j"${JOBS:-1}" cinetune $tests
# Debian's Qt (and glib, SQLite) are not instrumented. ignore_noninstrumented_modules=1 makes the
# interceptors they call (malloc, free, pthread_cond_*) record no memory accesses, while their
# locks still count; without it every QWaitCondition destroyed at exit and every QThreadPool task
# is reported. No suppression file: every report in our code fails its test (exit code 66).
export TSAN_OPTIONS="ignore_noninstrumented_modules=1 halt_on_error=0 second_deadlock_stack=1 ${TSAN_OPTIONS:-}"
regex="^($(echo $tests | tr ' ' '|'))\$"
status=0
ctest --test-dir "$dir" -R "$regex" --output-on-failure || status=1

echo "== TSan: the cinetune binary"
bin=$(realpath "$dir/app/cinetune")
work=$(mktemp -d "${TMPDIR:-/tmp}/cinetune-tsan.XXXXXX")
sim_pid=
trap '[ -n "$sim_pid" ] && kill "$sim_pid" 2>/dev/null; rm -rf "$work"' EXIT
step() { # step NAME COMMAND...: runs it, logs to $work/NAME.log, reports TSan warnings
    local rc=0
    "${@:2}" >"$work/$1.log" 2>&1 || rc=$?
    local races
    races=$(grep -c 'WARNING: ThreadSanitizer' "$work/$1.log" || true)
    echo "$1: exit $rc, ThreadSanitizer reports: $races"
    if [ "$races" != 0 ]; then sed -n '/WARNING: ThreadSanitizer/,/SUMMARY/p' "$work/$1.log"; status=1; fi
    return 0
}
step synth "$bin" dataset synth --out "$work/ds" --users 3000 --seed 5
step load-and-cache "$bin" dataset stats "$work/ds" --json
step load-from-cache "$bin" dataset stats "$work/ds" --json
step goldset "$bin" goldset "$work/ds" --save-to "$work/p.cinetune" --name g --sample-users 40 --split 0/0/100
"$bin" simulator --port 0 --latency-ms 20 --faults '429=1#3,500#3,reset#2,stall=3000#1,malformed#2' >"$work/sim.out" 2>"$work/sim.log" &
sim_pid=$!
for _ in $(seq 200); do [ -s "$work/sim.out" ] && break; sleep 0.1; done
url=$(grep -o 'http://127.0.0.1:[0-9]*/v1' "$work/sim.out" | head -1)
[ -n "$url" ] || { echo "tsan.sh: the simulator did not start"; cat "$work/sim.log"; exit 1; }
run() { "$bin" run --project "$work/p.cinetune" --gold g --target gpt-4o-mini-2024-07-18 --base-url "$url" \
    --kind simulator --strategy zero-shot --dataset "$work/ds" --concurrency 8 --name r --json "$@"; }
step run-with-faults run
step run-retry-failed run --retry-failed
kill "$sim_pid"; wait "$sim_pid" 2>/dev/null || true; sim_pid=
races=$(grep -c 'WARNING: ThreadSanitizer' "$work/sim.log" || true)
echo "simulator: ThreadSanitizer reports: $races"
[ "$races" = 0 ] || { sed -n '/WARNING: ThreadSanitizer/,/SUMMARY/p' "$work/sim.log"; status=1; }
grep -h '"ok"\|"failed"' "$work/run-retry-failed.log" | head -4 || true
exit "$status"
