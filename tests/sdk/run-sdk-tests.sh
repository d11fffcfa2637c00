#!/usr/bin/env bash
# Runs the providers' official Node SDKs against `cinetune simulator` (the CTest test "sdk_clients"):
# starts "$CINETUNE_BINARY simulator --port 0", reads the URL it prints, runs openai.test.mjs
# and together.test.mjs with node, stops the simulator. Fails (never skips) when node or the SDK
# packages pinned in package.json are missing. CINETUNE_SDK_NODE_MODULES = a node_modules folder
# holding them (scripts/test.sh installs one under ~/.cache and exports it).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)

fail() { echo "run-sdk-tests: $*" >&2; exit 1; }
[ -n "${CINETUNE_BINARY:-}" ] && [ -x "$CINETUNE_BINARY" ] || fail "CINETUNE_BINARY (the cinetune executable) is not set or not executable"
command -v node >/dev/null || fail "node is not installed"
modules=${CINETUNE_SDK_NODE_MODULES:-}
if [ -z "$modules" ] || [ ! -d "$modules" ]; then
    pins=$(node -p "Object.entries(require('$here/package.json').dependencies).map(([k, v]) => k + '@' + v).join(' ')")
    fail "CINETUNE_SDK_NODE_MODULES is not set or not a folder; run scripts/test.sh, or: npm install --prefix DIR $pins and set CINETUNE_SDK_NODE_MODULES=DIR/node_modules"
fi
# The installed versions must be the pinned ones.
node -e "
const pins = require('$here/package.json').dependencies;
for (const [name, version] of Object.entries(pins)) {
  let got;
  try { got = require('$modules/' + name + '/package.json').version; } catch { got = 'missing'; }
  if (got !== version) { console.error('run-sdk-tests: ' + name + ' ' + got + ' in $modules, package.json pins ' + version); process.exit(1); }
  console.log(name + ' ' + got);
}" || exit 1
echo "node $(node --version)"

work=$(mktemp -d)
sim=
cleanup() {
    if [ -n "$sim" ]; then
        kill -TERM "$sim" 2>/dev/null || true
        wait "$sim" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT
# ES modules ignore NODE_PATH: the scripts run from a folder whose node_modules is the installed one.
ln -s "$modules" "$work/node_modules"
cp "$here"/*.mjs "$here/package.json" "$work/"

start=$(date +%s%N)
# The faults: one 429 each for openai.test.mjs's retry and RateLimitError checks.
"$CINETUNE_BINARY" simulator --port 0 --job-seconds 2 --batch-seconds 1 --quiet \
    --faults "429=0@GET:/v1/models#1,429=0@GET:/v1/batches#1" >"$work/url" 2>"$work/simulator.log" &
sim=$!
for _ in $(seq 100); do
    [ -s "$work/url" ] && break
    kill -0 "$sim" 2>/dev/null || { cat "$work/simulator.log" >&2; sim=; fail "the simulator exited"; }
    sleep 0.05
done
url=$(head -n 1 "$work/url")
[ -n "$url" ] || fail "the simulator printed no URL within 5 s"
echo "simulator at $url"

status=0
for script in openai together; do
    echo "== $script.test.mjs"
    CINETUNE_SIMULATOR_URL=$url node "$work/$script.test.mjs" || status=1
done
echo "SDK tests took $(( ($(date +%s%N) - start) / 1000000 )) ms"
exit $status
