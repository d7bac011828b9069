#!/usr/bin/env bash
# The server binary end to end, called by claimcheck_client through
# reflection only: listing, describing, health, a check in text and JSON,
# a deadline, the claim limit, usage errors, and shutdown on SIGTERM (idle,
# and with a check in progress) exiting 0 promptly.
set -u
SERVER="$1"
CLIENT="$2"
EXAMPLE="$3"
SLOW="$4"  # prints a CheckRequest that takes minutes to check
tmp="${TEST_TMPDIR:-$(mktemp -d)}"
passed=0
failed=0
pids=()

fail() { echo "FAIL $1"; shift; for f in "$@"; do cat "$f"; done; failed=$((failed + 1)); }
pass() { passed=$((passed + 1)); }

# Starts a server on a free port with extra flags; sets pid and server.
start() {
  local out="$tmp/server.$RANDOM"
  "$SERVER" --port=0 "$@" >"$out" 2>&1 &
  pid=$!
  pids+=("$pid")
  server=""
  for _ in $(seq 100); do
    server=$(grep -o 'listening on [0-9.]*:[0-9]*' "$out" | cut -d' ' -f3)
    [ -n "$server" ] && return 0
    sleep 0.1
  done
  echo "FAIL start: no 'listening on' line in 10 s:"; cat "$out"; exit 1
}

# Sends SIGTERM and expects exit 0 within `bound` seconds.
term() {  # name, bound
  local name="$1" bound="$2" start_ns end_ns
  start_ns=$(date +%s%N)
  kill -TERM "$pid"
  for _ in $(seq $((bound * 10))); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  if kill -0 "$pid" 2>/dev/null; then
    fail "$name: still running ${bound} s after SIGTERM"; kill -KILL "$pid"; wait "$pid"
    return
  fi
  wait "$pid"; local rc=$?
  end_ns=$(date +%s%N)
  if [ "$rc" -eq 0 ]; then pass; else fail "$name: exit $rc after SIGTERM, want 0"; fi
  term_ms=$(( (end_ns - start_ns) / 1000000 ))
  echo "$name: exited $rc $term_ms ms after SIGTERM"
}

client() { "$CLIENT" --server="$server" "$@" >"$tmp/out" 2>"$tmp/err"; }

expect() {  # name, want exit code, file, fixed string (exit code of the last client)
  local name="$1" want="$2" got="$3" file="$4" text="$5"
  if [ "$got" -ne "$want" ]; then fail "$name: exit $got, want $want" "$tmp/out" "$tmp/err"; return; fi
  if grep -qF -- "$text" "$file"; then pass; else fail "$name: missing '$text' in:" "$file"; fi
}

trap 'for p in "${pids[@]}"; do kill -KILL "$p" 2>/dev/null; done' EXIT

# The example corpus as a CheckRequest in text format.
{ echo 'claims {'; cat "$EXAMPLE"; echo '}'; } >"$tmp/example.txtpb"
"$SLOW" >"$tmp/slow.txtpb"

start
client ls; rc=$?
expect ls 0 $rc "$tmp/out" "claimcheck.v1.ClaimChecker"
expect ls 0 $rc "$tmp/out" "grpc.health.v1.Health"
expect ls 0 $rc "$tmp/out" "grpc.reflection.v1alpha.ServerReflection"
client describe claimcheck.v1.ClaimChecker; rc=$?
expect describe 0 $rc "$tmp/out" "rpc CheckBatch(.claimcheck.v1.CheckBatchRequest) returns (.claimcheck.v1.CheckBatchResponse);"
client health; expect health 0 $? "$tmp/out" "SERVING"
client health claimcheck.v1.ClaimChecker; expect health_service 0 $? "$tmp/out" "SERVING"

client call claimcheck.v1.ClaimChecker.Check "$tmp/example.txtpb"; rc=$?
expect call 0 $rc "$tmp/out" "verdict: VERDICT_INCONSISTENT"
expect call 0 $rc "$tmp/out" 'claim_id: "s004-zardari-may-2012"'
echo '{"claims": {"sources": [{"id": "s", "retrieved": {"year": 2026, "month": 11, "day": 22}}],
  "events": [{"id": "e"}], "claims": [{"id": "a", "provenance": {"source": "s"},
  "date": {"subject": {"event": "e"}, "within": {"start": {"year": 2013, "month": 2, "day": 29}}}}]}}' \
  >"$tmp/invalid.json"
client --format=json call claimcheck.v1.ClaimChecker/Check "$tmp/invalid.json"; rc=$?
expect call_json 0 $rc "$tmp/out" '"verdict": "VERDICT_INVALID_INPUT"'
client call claimcheck.v1.ClaimChecker.Nothing "$tmp/example.txtpb"
expect no_method 1 $? "$tmp/err" "NOT_FOUND: no method claimcheck.v1.ClaimChecker.Nothing"

start_ns=$(date +%s%N)
client --deadline_ms=200 call claimcheck.v1.ClaimChecker.Check "$tmp/slow.txtpb"; rc=$?
took=$(( ($(date +%s%N) - start_ns) / 1000000 ))
expect deadline 1 $rc "$tmp/err" "DEADLINE_EXCEEDED"
echo "deadline: the client returned after $took ms"
# The server stopped that check: it answers the next call at once.
client --deadline_ms=10000 call claimcheck.v1.ClaimChecker.Check "$tmp/example.txtpb"
expect after_deadline 0 $? "$tmp/out" "verdict: VERDICT_INCONSISTENT"
term idle_shutdown 10

# Limits from flags.
start --max_claims=5
client call claimcheck.v1.ClaimChecker.Check "$tmp/example.txtpb"
expect max_claims 1 $? "$tmp/err" "RESOURCE_EXHAUSTED: the request has 27 claims; this server accepts at most 5 claims per call (--max_claims)"
term limits_shutdown 10

# SIGTERM with a check in progress: the grace passes, the call is
# cancelled, its check stopped, and the server exits 0.
start --shutdown_grace_ms=500
"$CLIENT" --server="$server" call claimcheck.v1.ClaimChecker.Check "$tmp/slow.txtpb" \
  >"$tmp/busy.out" 2>"$tmp/busy.err" &
busy=$!
sleep 1  # the call is in progress by now
term busy_shutdown 10
# Busy: the shutdown waited out the grace before cancelling.
if [ "$term_ms" -ge 450 ]; then pass; else fail "busy_shutdown: took $term_ms ms, no call was in progress"; fi
wait "$busy"; rc=$?
if [ "$rc" -eq 1 ]; then pass; else fail "busy_shutdown: the client exited $rc, want 1" "$tmp/busy.err"; fi
cat "$tmp/busy.err"

"$SERVER" extra >"$tmp/out" 2>"$tmp/err"
expect usage 2 $? "$tmp/err" "unexpected argument 'extra'"
"$SERVER" --port=99999 >"$tmp/out" 2>"$tmp/err"
expect bad_port 2 $? "$tmp/err" "--port must be 0..65535"
# A port already taken.
start
taken="${server##*:}"
timeout 10 "$SERVER" --port="$taken" >"$tmp/out" 2>"$tmp/err"
expect port_taken 1 $? "$tmp/err" "cannot listen on 127.0.0.1:$taken"
term taken_shutdown 10

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
