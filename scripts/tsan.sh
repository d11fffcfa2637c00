#!/usr/bin/env bash
# ThreadSanitizer build (clang) and run of the thread-sensitive tests: dataset loader (parallel
# parsing, cache), gold-set builder, baselines, metrics bootstrap, evaluation run and scheduler
# (HTTP on its own thread in the benchmarks, simulator in-process), synthetic data. Too slow for
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
# Qt's own code is not instrumented: halt on the first report in our code, report everything.
export TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1 ${TSAN_OPTIONS:-}"
regex="^($(echo $tests | tr ' ' '|'))\$"
ctest --test-dir "$dir" -R "$regex" --output-on-failure
