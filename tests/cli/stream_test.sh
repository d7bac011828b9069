#!/usr/bin/env bash
# claimcheck stream (JSON Lines): one report per line in input order, bad
# lines reported on their own line without stopping the stream, each report
# written as soon as its line is checked, memory flat in the number of
# lines, a per-line deadline, and the README's GNU parallel example.
set -u
CLI="$1"
SLOW="$2"  # print_slow_request
tmp="${TEST_TMPDIR:-$(mktemp -d)}"
passed=0
failed=0

fail() { echo "FAIL $1"; shift; for f in "$@"; do cat "$f"; done; failed=$((failed + 1)); }
pass() { passed=$((passed + 1)); }

line_has() {  # name, file, line number, fixed string
  if sed -n "${3}p" "$2" | grep -qF -- "$4"; then pass; else
    fail "$1: line $3 lacks '$4':" "$2"; fi
}

src='"sources":[{"id":"s","retrieved":{"year":2026,"month":11,"day":22}}],"events":[{"id":"e","name":"the summit"}]'
within() { echo "{\"id\":\"$1\",\"provenance\":{\"source\":\"s\"},\"date\":{\"subject\":{\"event\":\"e\"},\"within\":{\"start\":{\"year\":$2,\"month\":$3}}}}"; }
consistent="{$src,\"claims\":[$(within a 2015 6)]}"
inconsistent="{$src,\"claims\":[$(within a 2015 6),$(within b 2015 7)]}"
invalid="{$src,\"claims\":[$(within leap 2013 14)]}"

# Five lines: consistent, inconsistent, not JSON, empty, invalid claims.
printf '%s\n' "$consistent" "$inconsistent" '{"claims": [' '' "$invalid" >"$tmp/in.jsonl"
"$CLI" stream <"$tmp/in.jsonl" >"$tmp/out" 2>"$tmp/err"; rc=$?
if [ "$rc" -eq 0 ]; then pass; else fail "order: exit $rc, want 0" "$tmp/err"; fi
if [ "$(wc -l <"$tmp/out")" -eq 5 ]; then pass; else fail "order: want 5 lines" "$tmp/out"; fi
line_has order "$tmp/out" 1 '"verdict":"VERDICT_CONSISTENT"'
line_has order "$tmp/out" 2 '"verdict":"VERDICT_INCONSISTENT"'
line_has order "$tmp/out" 2 '"claim_id":"b"'
line_has order "$tmp/out" 3 '"verdict":"VERDICT_INVALID_INPUT"'
line_has order "$tmp/out" 3 '"message":"not a ClaimSet in JSON: '
line_has order "$tmp/out" 3 '"line":3'
line_has order "$tmp/out" 4 '"message":"not a ClaimSet in JSON: empty line","line":4'
line_has order "$tmp/out" 5 '"verdict":"VERDICT_INVALID_INPUT"'
line_has order "$tmp/out" 5 '"claim_id":"leap"'
line_has order "$tmp/out" 5 '"line":5'

# A FILE argument reads the same; CRLF line ends are accepted.
sed 's/$/\r/' "$tmp/in.jsonl" >"$tmp/crlf.jsonl"
"$CLI" stream "$tmp/crlf.jsonl" >"$tmp/out_file" 2>&1
if cmp -s "$tmp/out" "$tmp/out_file"; then pass; else
  fail "file: differs from stdin" "$tmp/out_file"; fi
"$CLI" stream /nonexistent.jsonl >"$tmp/out" 2>"$tmp/err"; rc=$?
if [ "$rc" -eq 2 ] && grep -qF "/nonexistent.jsonl: cannot be read" "$tmp/err"; then pass; else
  fail "missing: exit $rc, want 2" "$tmp/err"; fi
"$CLI" stream --rounding=bogus </dev/null >"$tmp/out" 2>"$tmp/err"; rc=$?
if [ "$rc" -eq 2 ]; then pass; else fail "bad_flag: exit $rc, want 2" "$tmp/err"; fi

# Streaming: the report of the first line arrives while the input is still
# open (a reader that waited for the end would block here).
mkfifo "$tmp/fifo_in"
"$CLI" stream <"$tmp/fifo_in" >"$tmp/fifo_out" 2>&1 &
streamer=$!
exec 7>"$tmp/fifo_in"
echo "$inconsistent" >&7
for _ in $(seq 100); do [ -s "$tmp/fifo_out" ] && break; sleep 0.1; done
if grep -qF '"verdict":"VERDICT_INCONSISTENT"' "$tmp/fifo_out"; then pass; else
  fail "streaming: no report within 10 s of the first line" "$tmp/fifo_out"; fi
echo "$consistent" >&7
exec 7>&-
wait "$streamer"
if [ "$(wc -l <"$tmp/fifo_out")" -eq 2 ]; then pass; else fail "streaming: want 2 lines" "$tmp/fifo_out"; fi

# Memory: ten times the lines (each with a 50 kB quote) must not take
# ten times the memory. Measured: 30 and 300 lines both peak near 40 MB.
quote=$(head -c 50000 /dev/zero | tr '\0' 'x')
big="{$src,\"claims\":[{\"id\":\"a\",\"provenance\":{\"source\":\"s\",\"quote\":\"$quote\"},\"date\":{\"subject\":{\"event\":\"e\"},\"within\":{\"start\":{\"year\":2015}}}}]}"
for n in 30 300; do
  for _ in $(seq $n); do echo "$big"; done >"$tmp/big$n.jsonl"
  /usr/bin/time -f %M -o "$tmp/rss$n" "$CLI" stream "$tmp/big$n.jsonl" >"$tmp/big$n.out"
  if [ "$(wc -l <"$tmp/big$n.out")" -eq "$n" ]; then pass; else fail "memory: want $n lines"; fi
done
rss30=$(tail -1 "$tmp/rss30"); rss300=$(tail -1 "$tmp/rss300")
echo "memory: peak RSS $rss30 kB for 30 lines, $rss300 kB for 300 lines (15 MB of input)"
if [ "$rss300" -lt $((rss30 + 8000)) ]; then pass; else
  fail "memory: $rss300 kB for 300 lines vs $rss30 kB for 30"; fi

# A per-line deadline stops a slow line and the stream goes on.
{ "$SLOW" --jsonl; echo "$inconsistent"; } >"$tmp/slow.jsonl"
start_ns=$(date +%s%N)
"$CLI" stream --deadline_ms=300 "$tmp/slow.jsonl" >"$tmp/out" 2>"$tmp/err"; rc=$?
took=$(( ($(date +%s%N) - start_ns) / 1000000 ))
echo "deadline: two lines in $took ms"
if [ "$rc" -eq 0 ]; then pass; else fail "deadline: exit $rc" "$tmp/err"; fi
line_has deadline "$tmp/out" 1 '"verdict":"VERDICT_UNKNOWN","limit":"LIMIT_TIMEOUT","limit_detail":"deadline passed"'
line_has deadline "$tmp/out" 2 '"verdict":"VERDICT_INCONSISTENT"'
if [ "$took" -lt 20000 ]; then pass; else fail "deadline: took $took ms"; fi

# The README's GNU parallel example: chunks of lines to parallel streams,
# reports kept in input order.
if command -v parallel >/dev/null; then
  for i in $(seq 40); do
    if [ $((i % 2)) -eq 0 ]; then echo "$inconsistent"; else echo "$consistent"; fi
  done >"$tmp/sets.jsonl"
  HOME="$tmp" parallel --pipe -N 10 -k -j 2 "$CLI" stream --deadline_ms=60000 <"$tmp/sets.jsonl" >"$tmp/reports.jsonl"
  rc=$?
  if [ "$rc" -eq 0 ] && [ "$(wc -l <"$tmp/reports.jsonl")" -eq 40 ]; then pass; else
    fail "parallel: exit $rc" "$tmp/reports.jsonl"; fi
  if [ "$(grep -n INCONSISTENT "$tmp/reports.jsonl" | cut -d: -f1 | tr '\n' ' ')" = \
       "$(seq 2 2 40 | tr '\n' ' ')" ]; then pass; else
    fail "parallel: reports out of order" "$tmp/reports.jsonl"; fi
else
  fail "parallel: GNU parallel is not installed (.ci/install-deps installs it)"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
