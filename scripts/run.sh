#!/usr/bin/env bash
# Installs dependencies, builds CineTune and opens it on the embedded sample dataset
# (MovieLens ml-latest-small). Extra arguments are passed to the app.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps-debian.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build build --target cinetune
if [ $# -eq 0 ]; then set -- :sample; fi
exec build/app/cinetune "$@"
