#!/usr/bin/env bash
# The bad-input corpus (issue #8): every file in cases/ goes through
# `claimcheck check` and must give the exit code and every line of its
# cases/NAME.expected (first line "exit N", then fixed strings the output
# must contain). Also, for text inputs the report must account for every
# claim of the file ("claims: N (" with N the file's `claims {` entries),
# and no input may kill the process (an exit code over 128 is a signal).
set -u
CLI="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
CASES="$(dirname "$2")"
tmp="${TEST_TMPDIR:-$(mktemp -d)}"
passed=0
failed=0
count=0

for input in "$CASES"/*; do
  case "$input" in *.expected) continue ;; esac
  name="$(basename "$input")"
  expected="$CASES/${name%.*}.expected"
  count=$((count + 1))
  if [ ! -f "$expected" ]; then
    echo "FAIL $name: no ${name%.*}.expected beside it"; failed=$((failed + 1)); continue
  fi
  # Run from the cases folder so that messages name the file as written.
  (cd "$CASES" && "$CLI" check "$name") >"$tmp/out" 2>&1
  got=$?
  want="$(head -n1 "$expected" | sed -n 's/^exit \([0-9]*\)$/\1/p')"
  ok=1
  if [ -z "$want" ]; then
    echo "FAIL $name: first line of ${name%.*}.expected must be 'exit N'"; ok=0
  elif [ "$got" -ne "$want" ]; then
    echo "FAIL $name: exit $got, want $want"; ok=0
  fi
  while IFS= read -r line; do
    [ -z "$line" ] && continue
    if ! grep -qF -- "$line" "$tmp/out"; then
      echo "FAIL $name: missing '$line'"; ok=0
    fi
  done < <(tail -n +2 "$expected")
  case "$name" in
    *.textproto)
      n=$(grep -c '^claims {' "$input")
      if grep -q '^verdict:' "$tmp/out" && ! grep -qF "claims: $n (" "$tmp/out"; then
        echo "FAIL $name: the report does not account for its $n claims"; ok=0
      fi ;;
  esac
  if [ "$ok" -eq 1 ]; then
    passed=$((passed + 1))
  else
    echo "--- output of $name:"; cat "$tmp/out"; failed=$((failed + 1))
  fi
done

echo "$passed passed, $failed failed (of $count inputs)"
[ "$count" -ge 20 ] || { echo "FAIL: only $count inputs found in $CASES"; exit 1; }
[ "$failed" -eq 0 ]
