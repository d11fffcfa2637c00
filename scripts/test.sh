#!/usr/bin/env bash
# Installs dependencies, builds CineTune and runs every test:
#   1. GCC release build, warnings as errors: all unit, GUI (offscreen) and integration tests;
#   2. Clang build with AddressSanitizer + UndefinedBehaviorSanitizer: the same tests again,
#      plus a short libFuzzer run of every fuzz target (CINETUNE_FUZZ_SECONDS each, default 15).
# Set CINETUNE_QUICK=1 to skip step 2.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps-debian.sh
jobs=$(nproc)

# Stoplight Prism (npm) validates the OpenAI client's requests against OpenAI's spec.
prism_dir="${XDG_CACHE_HOME:-$HOME/.cache}/cinetune-prism-5.14.2"
if [ ! -x "$prism_dir/node_modules/.bin/prism" ]; then
    command -v npm >/dev/null || { echo "test.sh: npm is needed for the Prism conformance test" >&2; exit 1; }
    npm install --prefix "$prism_dir" --no-audit --no-fund --loglevel=error @stoplight/prism-cli@5.14.2
fi
export CINETUNE_PRISM="$prism_dir/node_modules/.bin/prism"

# The providers' official Node SDKs (tests/sdk, the versions pinned in its package.json) as clients
# of the simulator.
sdk_pins=$(node -p "Object.entries(require('./tests/sdk/package.json').dependencies).map(([k, v]) => k + '@' + v).join(' ')")
sdk_dir="${XDG_CACHE_HOME:-$HOME/.cache}/cinetune-sdk-$(echo "$sdk_pins" | tr ' @/' '-_-')"
if [ ! -f "$sdk_dir/.complete" ]; then
    # shellcheck disable=SC2086 # one word per package
    npm install --prefix "$sdk_dir" --no-audit --no-fund --loglevel=error $sdk_pins
    touch "$sdk_dir/.complete"
fi
export CINETUNE_SDK_NODE_MODULES="$sdk_dir/node_modules"

echo "== GCC build and tests"
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCINETUNE_WERROR=ON
cmake --build build -j"$jobs"
ctest --test-dir build --output-on-failure

if [ "${CINETUNE_QUICK:-0}" = 1 ]; then
    exit 0
fi

echo "== Clang ASan+UBSan build, tests and fuzzing"
CC=clang CXX=clang++ cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCINETUNE_WERROR=ON \
    -DCINETUNE_SANITIZE=ON -DCINETUNE_FUZZ=ON -DCINETUNE_FUZZ_SECONDS="${CINETUNE_FUZZ_SECONDS:-15}"
cmake --build build-asan -j"$jobs"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
LSAN_OPTIONS=suppressions="$PWD/tests/lsan.supp":print_suppressions=0 \
UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest --test-dir build-asan --output-on-failure
