#!/usr/bin/env bash
# kill -9 of the CLI at random points, N times per phase (default 20), then checks what was left:
#   1. loading a dataset while its binary cache is written (`dataset stats`): afterwards the
#      statistics with the cache equal those without it (a torn cache is valid or ignored);
#   2. building a gold set and saving it into a project (`goldset --save-to`): PRAGMA
#      integrity_check is ok, every stored gold set is complete, the project still opens and takes
#      another gold set;
#   3. an evaluation run against the simulator (latency, so kills land mid-run): integrity ok, no
#      user stored twice, each restarted session asks the server only for users without an
#      answer, and a last uninterrupted session finishes with exactly the pending requests.
# Usage: scripts/crash-safety.sh [N] (CINETUNE_BINARY = the cinetune executable, default
# build/app/cinetune). Prints the figures; exit code 1 on the first failed check.
set -euo pipefail
n=${1:-20}
bin=$(realpath "${CINETUNE_BINARY:-build/app/cinetune}")
work=$(mktemp -d "${TMPDIR:-/tmp}/cinetune-crash.XXXXXX")
export XDG_CACHE_HOME=$work/cache XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data QT_QPA_PLATFORM=offscreen
unset OPENAI_API_KEY AZURE_OPENAI_API_KEY TOGETHER_API_KEY DISPLAY WAYLAND_DISPLAY
sim_pid=
cleanup() { [ -n "$sim_pid" ] && kill "$sim_pid" 2>/dev/null; [ "${CINETUNE_KEEP:-0}" = 1 ] || rm -rf "$work"; }
trap cleanup EXIT

fail() { echo "crash-safety: FAIL: $*" >&2; exit 1; }
now_ms() { date +%s%3N; }

# Runs the command in the background, sends SIGKILL after $1 ms; prints "killed" or "finished".
killed=0 finished=0
kill_after() {
    local ms=$1; shift
    "$@" >"$work/last.out" 2>"$work/last.err" &
    local pid=$! rc=0
    sleep "$(awk -v m="$ms" 'BEGIN { printf "%.3f", m / 1000 }')"
    # A shell function runs in a subshell: kill the binary it started too (by parent id).
    pkill -9 -P "$pid" 2>/dev/null || true
    kill -9 "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || rc=$?
    if [ "$rc" = 137 ]; then killed=$((killed + 1)); else finished=$((finished + 1)); fi
}

integrity() {
    local r
    r=$(sqlite3 "$1" "PRAGMA integrity_check; PRAGMA foreign_key_check;")
    [ "$r" = ok ] || fail "integrity_check of $1: $r"
}

# Milliseconds a command takes (its output discarded).
duration() {
    local t0
    t0=$(now_ms)
    "$@" >/dev/null 2>&1 || fail "$* failed"
    echo $(($(now_ms) - t0))
}

echo "== crash-safety: $n kills per phase, binary $bin, work $work"
"$bin" dataset synth --out "$work/ds" --users 30000 --seed 7 >/dev/null
stats() { "$bin" dataset stats "$work/ds" --json "$@" | python3 -c '
import json, sys
o = json.load(sys.stdin)
# Timings and where the data came from differ between loads; everything else must be equal.
print(json.dumps({k: v for k, v in o.items() if "second" not in k and "cache" not in k}, sort_keys=True))'; }
reference=$(stats --no-cache)

# ---- 1. dataset load with cache write
rm -rf "$XDG_CACHE_HOME"
cold=$(duration "$bin" dataset stats "$work/ds" --json)
echo "phase 1: cold load with cache write takes ${cold} ms"
killed=0 finished=0
for ((i = 1; i <= n; i++)); do
    rm -rf "$XDG_CACHE_HOME"
    kill_after $((RANDOM % (cold + cold / 5 + 1))) "$bin" dataset stats "$work/ds" --json
    [ "$(stats)" = "$reference" ] || fail "phase 1 round $i: statistics after the kill differ"
    [ "$(stats)" = "$reference" ] || fail "phase 1 round $i: statistics from the cache differ"
done
echo "phase 1: $killed killed mid-load, $finished finished first; every later load equal to the reference"
p1_killed=$killed

# ---- 2. gold set built and saved into a project
project=$work/p.cinetune
"$bin" goldset "$work/ds" --save-to "$project" --name eval --sample-users 40 --split 0/0/100 >/dev/null
gold_ms=$(duration "$bin" goldset "$work/ds" --save-to "$project" --name timing --sample-users 300)
echo "phase 2: gold set build + save takes ${gold_ms} ms"
killed=0 finished=0
for ((i = 1; i <= n; i++)); do
    # Half the kills anywhere, half in the last fifth where the project is written.
    if ((i % 2)); then ms=$((RANDOM % (gold_ms + 1))); else ms=$((gold_ms * 4 / 5 + RANDOM % (gold_ms / 3 + 1))); fi
    kill_after "$ms" "$bin" goldset "$work/ds" --save-to "$project" --name "g$i" --sample-users 300
    integrity "$project"
    bad=$(sqlite3 "$project" "SELECT name FROM gold_sets WHERE users != length(jsonl) - length(replace(jsonl, char(10), ''));")
    [ -z "$bad" ] || fail "phase 2 round $i: incomplete gold set(s): $bad"
done
"$bin" goldset "$work/ds" --save-to "$project" --name final --sample-users 50 >/dev/null || fail "phase 2: the project no longer takes a gold set"
echo "phase 2: $killed killed, $finished finished first; $(sqlite3 "$project" 'SELECT count(*) FROM gold_sets') complete gold sets, integrity ok"
p2_killed=$killed

# ---- 3. evaluation run against the simulator
# A fresh simulator (same port) per session, so its log holds exactly that session's requests.
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
url=http://127.0.0.1:$port/v1
session=0
start_sim() {
    session=$((session + 1))
    rm -f "$work/sim.out"
    "$bin" simulator --port "$port" --latency-ms 150 >"$work/sim.out" 2>"$work/sim$session.log" &
    sim_pid=$!
    for _ in $(seq 100); do [ -s "$work/sim.out" ] && return; sleep 0.1; done
    fail "the simulator did not start"
}
stop_sim() { sleep 0.5; kill "$sim_pid" 2>/dev/null || true; wait "$sim_pid" 2>/dev/null || true; sim_pid=; }
chat_requests() { grep -c 'POST /v1/chat/completions' "$work/sim$session.log" || true; }
users=$(sqlite3 "$project" "SELECT test_users FROM gold_sets WHERE name = 'eval'")
ok_rows() { sqlite3 "$project" "SELECT count(*) FROM eval_responses r JOIN eval_runs e ON e.id = r.run_id WHERE e.name = '$1' AND r.state = 'ok'"; }
# Each run has its own seed, so its requests miss the response cache of the runs before it.
run_cmd() { "$bin" run --project "$project" --gold eval --target gpt-4o-mini-2024-07-18 --base-url "$url" --kind simulator \
    --strategy zero-shot --dataset "$work/ds" --concurrency 4 --name "$1" --seed "$2" --json; }
start_sim
run_ms=$(duration run_cmd timing 999)
stop_sim
echo "phase 3: a run of $users users takes ${run_ms} ms"
killed=0 finished=0 runno=1
for ((i = 1; i <= n; i++)); do
    name="r$runno"
    pending=$((users - $(ok_rows "$name")))
    start_sim
    kill_after $((RANDOM % (run_ms + 1))) run_cmd "$name" "$runno"
    stop_sim
    sent=$(chat_requests)
    integrity "$project"
    dups=$(sqlite3 "$project" "SELECT count(*) FROM (SELECT run_id, user FROM eval_responses GROUP BY run_id, user HAVING count(*) > 1)")
    [ "$dups" = 0 ] || fail "phase 3 round $i: users stored twice"
    # Every request of this session was for a user without an answer at its start.
    [ "${CINETUNE_VERBOSE:-0}" = 1 ] && echo "  round $i: $name, $pending pending, $sent requests"
    ((sent <= pending)) || fail "phase 3 round $i: $sent requests for $pending pending users"
    [ "$(ok_rows "$name")" -lt "$users" ] || runno=$((runno + 1))
done
name="r$runno"
pending=$((users - $(ok_rows "$name")))
start_sim
run_cmd "$name" "$runno" >/dev/null 2>&1 || fail "phase 3: the last session did not finish"
stop_sim
sent=$(chat_requests)
[ "$sent" = "$pending" ] || fail "phase 3: the last session sent $sent requests for $pending pending users"
[ "$(ok_rows "$name")" = "$users" ] || fail "phase 3: not every user has an answer"
integrity "$project"
echo "phase 3: $killed killed mid-run, $finished finished first; the last session sent exactly its $pending pending requests"
p3_killed=$killed
echo "crash-safety: OK ($p1_killed + $p2_killed + $p3_killed kills survived)"
