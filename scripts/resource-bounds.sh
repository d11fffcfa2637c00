#!/usr/bin/env bash
# Resource bounds (issue 8 item 6), measured on the real binary with /usr/bin/time:
#   1. a ~2 GB Netflix-format dataset (`dataset synth`, 100 M ratings) with ONE bad line at the very
#      end: the load fails naming file:line and the field; peak memory per byte of input, next to
#      the same dataset without the bad line (reference);
#   2. a ~500 MB chat fine-tuning JSONL (the sample's training data repeated) through the validator
#      and token counter (`cinetune tokens`): completes with bounded memory; throughput; and the same
#      file with one broken line at the end: a message naming the line;
#   3. an LLM answer of 10 MB and an answer that never ends, from the simulator's `huge` and
#      `endless` faults, through `cinetune run`: bounded memory, a clear message, no hang (the
#      client drops bodies over 64 MB: net.too_large); next to a run without faults (reference).
# Not part of ctest: it needs ~5 GB of free space under TMPDIR and a few minutes. Everything it
# generates is deleted at the end (CINETUNE_KEEP=1 keeps it).
# Usage: scripts/resource-bounds.sh (CINETUNE_BINARY = the cinetune executable, default
# build/app/cinetune; use a release/RelWithDebInfo build). Prints a table; exit 1 when a bound fails.
set -euo pipefail
bin=$(realpath "${CINETUNE_BINARY:-build/app/cinetune}")
work=$(mktemp -d "${TMPDIR:-/tmp}/cinetune-bounds.XXXXXX")
export XDG_CACHE_HOME=$work/cache XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data QT_QPA_PLATFORM=offscreen
unset OPENAI_API_KEY AZURE_OPENAI_API_KEY TOGETHER_API_KEY DISPLAY WAYLAND_DISPLAY
sim_pid=
cleanup() { [ -n "$sim_pid" ] && kill "$sim_pid" 2>/dev/null; [ "${CINETUNE_KEEP:-0}" = 1 ] || rm -rf "$work"; }
trap cleanup EXIT
failures=0
fail() { echo "resource-bounds: FAIL: $*" >&2; failures=$((failures + 1)); }

rows=()
# measure NAME INPUT_BYTES TIMEOUT_S CMD...: runs CMD under /usr/bin/time and a hard timeout, adds a
# table row (peak RSS, B/byte of input, wall, exit code, the last line of stderr).
last_rc=0 last_kib=0 last_err=
measure() {
    local name=$1 bytes=$2 limit=$3; shift 3
    local rc=0
    timeout -s KILL "$limit" /usr/bin/time -f '%M %e' -o "$work/time" "$@" >"$work/out" 2>"$work/err" || rc=$?
    # /usr/bin/time reports the command's status; a KILL by timeout(1) leaves no time file line.
    local kib wall
    read -r kib wall <<<"$(tail -n 1 "$work/time" 2>/dev/null | grep -E '^[0-9]+ [0-9.]+$' || echo '0 0')"
    if [ "$rc" = 137 ]; then wall=">$limit"; fi
    last_rc=$rc last_kib=$kib
    # The first error line (a validator lists warnings too), else the last line printed.
    last_err=$( (grep -i -m 1 -E '^(error|cinetune):' "$work/err" || true) | cut -c1-150)
    [ -z "$last_err" ] && last_err=$( (grep -v '^Command exited with' "$work/err" || true) | tail -n 1 | cut -c1-150)
    [ -z "$last_err" ] && last_err=$(tail -n 1 "$work/out" | cut -c1-150)
    local per=-
    [ "$bytes" -gt 0 ] && per=$(awk -v k="$kib" -v b="$bytes" 'BEGIN { printf "%.3f", k * 1024 / b }')
    rows+=("$(printf '%s | %s MB | %s | %s s | %s | %s' "$name" $((kib / 1024)) "$per" "$wall" "$rc" "$last_err")")
    echo "  $name: rc $rc, peak $((kib / 1024)) MB, $wall s"
}
mb() { echo $(($1 / 1048576)); }

echo "== resource-bounds: binary $bin, work $work"

# ---- 1. a 2 GB dataset with one bad line at the end
echo "1. generating the Netflix-format dataset (100 M ratings)"
"$bin" dataset synth --out "$work/ds" >/dev/null
last=$(ls "$work/ds"/combined_data_*.txt | sort | tail -n 1)
ds_bytes=$(du -cb "$work/ds"/combined_data_*.txt | tail -n 1 | cut -f1)
echo "   $(mb "$ds_bytes") MB of ratings; reference load, then with a bad last line"
measure "2 GB dataset, clean (reference)" "$ds_bytes" 900 "$bin" dataset stats "$work/ds" --no-cache
[ "$last_rc" = 0 ] || fail "the clean dataset did not load: $last_err"
lines=$(wc -l <"$last")
echo "1488844,six,2005-09-06" >>"$last"
ds_bytes=$((ds_bytes + 23))
measure "2 GB dataset, bad rating on the last line" "$ds_bytes" 900 "$bin" dataset stats "$work/ds" --no-cache
[ "$last_rc" = 2 ] || fail "the bad line: exit $last_rc, expected 2"
grep -q "$(basename "$last"):$((lines + 1))" "$work/err" || fail "the message does not name $(basename "$last"):$((lines + 1)): $last_err"
grep -qi "rating" "$work/err" || fail "the message does not name the field: $last_err"
rm -rf "$work/ds"

# ---- 2. a 500 MB chat JSONL
echo "2. generating a 500 MB chat fine-tuning JSONL"
"$bin" goldset :sample --out "$work/gold.jsonl" --preset paper60 >/dev/null
"$bin" finetune-data "$work/gold.jsonl" --dataset :sample --split train --out "$work/train.jsonl" >/dev/null
small=$(stat -c %s "$work/train.jsonl")
cp "$work/train.jsonl" "$work/big.jsonl"
while [ "$(stat -c %s "$work/big.jsonl")" -lt $((500 * 1048576)) ]; do
    cat "$work/big.jsonl" "$work/big.jsonl" >"$work/big2.jsonl" && mv "$work/big2.jsonl" "$work/big.jsonl"
    [ "$(stat -c %s "$work/big.jsonl")" -lt $((250 * 1048576)) ] || break
done
while [ "$(stat -c %s "$work/big.jsonl")" -lt $((500 * 1048576)) ]; do cat "$work/train.jsonl" >>"$work/big.jsonl"; done
big=$(stat -c %s "$work/big.jsonl")
echo "   $(mb "$big") MB, $(wc -l <"$work/big.jsonl") lines"
measure "chat JSONL $((small / 1024)) KB (reference)" "$small" 600 "$bin" tokens "$work/train.jsonl"
[ "$last_rc" = 0 ] || fail "tokens on the small file: exit $last_rc"
measure "chat JSONL $(mb "$big") MB" "$big" 1800 "$bin" tokens "$work/big.jsonl"
[ "$last_rc" = 0 ] || fail "tokens on the 500 MB file: exit $last_rc: $last_err"
big_kib=$last_kib
wall=$(tail -n 1 "$work/time" | cut -d' ' -f2)
echo "   throughput $(awk -v b="$big" -v w="$wall" 'BEGIN { printf "%.1f", b / 1048576 / w }') MB/s"
big_lines=$(wc -l <"$work/big.jsonl")
echo '{"messages": [{"role": "user", "content": "broken' >>"$work/big.jsonl"
measure "chat JSONL $(mb "$big") MB, broken last line" "$big" 1800 "$bin" tokens "$work/big.jsonl"
[ "$last_rc" != 0 ] || fail "the broken last line was not reported"
grep -q "big.jsonl:$((big_lines + 1)):" "$work/err" || fail "the message does not name line $((big_lines + 1)): $last_err"
[ "$big_kib" -lt $((2 * 1024 * 1024)) ] || fail "tokens on 500 MB took more than 2 GB"
rm -f "$work"/*.jsonl

# ---- 3. a 10 MB answer and an answer that never ends
echo "3. LLM answers of 10 MB and without end (simulator faults)"
project=$work/p.cinetune
"$bin" goldset :sample --save-to "$project" --name g --sample-users 6 --split 0/0/100 >/dev/null
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
url=http://127.0.0.1:$port/v1
start_sim() {
    rm -f "$work/sim.out"
    "$bin" simulator --port "$port" --faults "$1" >"$work/sim.out" 2>"$work/sim.log" &
    sim_pid=$!
    for _ in $(seq 100); do [ -s "$work/sim.out" ] && return; sleep 0.1; done
    fail "the simulator did not start"
    exit 1
}
stop_sim() { kill "$sim_pid" 2>/dev/null || true; wait "$sim_pid" 2>/dev/null || true; sim_pid=; }
# Each run has its own seed, so its requests miss the response cache of the runs before it.
run_args=(run --project "$project" --gold g --target gpt-4o-mini-2024-07-18 --base-url "$url" --kind simulator
    --strategy zero-shot --dataset :sample --concurrency 4 --timeout 10 --json)
start_sim ""
measure "run, normal answers (reference)" 0 300 "$bin" "${run_args[@]}" --name plain --seed 1
[ "$last_rc" = 0 ] || fail "the reference run: exit $last_rc: $last_err"
stop_sim
start_sim "huge=10@POST:/v1/chat/completions#0"
measure "run, 10 MB answers" 0 300 "$bin" "${run_args[@]}" --name huge --seed 2
[ "$last_rc" = 0 ] || fail "10 MB answers: exit $last_rc: $last_err"
len=$(sqlite3 "$project" "SELECT min(length(raw_text)) FROM eval_responses r JOIN eval_runs e ON e.id = r.run_id WHERE e.name = 'huge'")
[ "${len:-0}" -gt 9000000 ] || fail "10 MB answers: the stored answers have ${len:-0} characters"
echo "   shortest stored answer: $len characters"
stop_sim
start_sim "endless@POST:/v1/chat/completions#0"
measure "run, answers that never end" 0 300 "$bin" "${run_args[@]}" --name endless --seed 3
[ "$last_rc" = 3 ] || fail "endless answers: exit $last_rc, expected 3"
codes=$(sqlite3 "$project" "SELECT group_concat(DISTINCT r.error_code) FROM eval_responses r JOIN eval_runs e ON e.id = r.run_id WHERE e.name = 'endless'")
[ "$codes" = net.too_large ] || fail "endless answers: stored error codes '$codes'"
msg=$(sqlite3 "$project" "SELECT r.error_message FROM eval_responses r JOIN eval_runs e ON e.id = r.run_id WHERE e.name = 'endless' LIMIT 1")
echo "   stored message: $msg"
stop_sim

echo
echo "| Case | Peak RSS | RSS B/byte of input | Wall | Exit | Message (last line) |"
echo "|---|---|---|---|---|---|"
for r in "${rows[@]}"; do echo "| $r |"; done
[ "$failures" = 0 ] || { echo "resource-bounds: $failures check(s) failed" >&2; exit 1; }
echo "resource-bounds: all bounds held"
