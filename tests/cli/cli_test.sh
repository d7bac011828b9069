#!/usr/bin/env bash
# End-to-end tests of the claimcheck CLI: exit codes, text and JSON reports,
# the three input formats, and errors that name the file and line.
set -u
CLI="$1"
PROTO="$2"
DATA="$(dirname "$3")"
EXAMPLE="$4"
EXPECTATIONS="$5"
PROTOC="${PROTOC:-/usr/bin/protoc}"
tmp="${TEST_TMPDIR:-$(mktemp -d)}"
passed=0
failed=0

check() {  # name, expected exit code, command...
  local name="$1" want="$2"
  shift 2
  "$@" >"$tmp/out" 2>"$tmp/err"
  local got=$?
  if [ "$got" -ne "$want" ]; then
    echo "FAIL $name: exit $got, want $want"; cat "$tmp/out" "$tmp/err"
    failed=$((failed + 1)); return 1
  fi
  return 0
}

expect_in() {  # name, file, fixed string
  if grep -qF -- "$3" "$2"; then
    passed=$((passed + 1))
  else
    echo "FAIL $1: missing '$3' in:"; cat "$2"; failed=$((failed + 1))
  fi
}

# The bundled example corpus: one genuine conflict, one impossible date.
if check example 1 "$CLI" check "$EXAMPLE"; then
  expect_in example "$tmp/out" "verdict: INCONSISTENT"
  expect_in example "$tmp/out" "Zardari's official visit to Russia: within 11-13 May 2011 [s003-zardari-dates] vs within May 2012 [s004-zardari-may-2012]: disjoint"
  expect_in example "$tmp/out" "\"Asif Ali Zardari had visited Russia in May 2012\" [chars 2097-2144)"
  expect_in example "$tmp/out" "within 23 January 2109 [s002-ref7-accessed-2109]"
  expect_in example "$tmp/out" "0 unchecked, 0 invalid"
fi

# Golden text report of the example corpus: conflicts with their
# explanations, repairs, derived bounds with their support. After an intended
# change of the report, regenerate it with
#   bazel-bin/cli/claimcheck check --derive=zardari-visit-russia,obl-killing,\
#     kayani-visit-russia,pipeline-length,pipeline-cost \
#     data/example/example.textproto > tests/cli/testdata/example_report.golden
if check golden 1 "$CLI" check \
    --derive=zardari-visit-russia,obl-killing,kayani-visit-russia,pipeline-length,pipeline-cost \
    "$EXAMPLE"; then
  if diff -u "$DATA/example_report.golden" "$tmp/out" >"$tmp/diff"; then
    passed=$((passed + 1))
  else
    echo "FAIL golden: the text report differs from example_report.golden:"
    cat "$tmp/diff"; failed=$((failed + 1))
  fi
fi

if check json 1 "$CLI" check --format=json "$EXAMPLE"; then
  expect_in json "$tmp/out" '"verdict": "VERDICT_INCONSISTENT"'
  expect_in json "$tmp/out" '"is_minimal": true'
  expect_in json "$tmp/out" '"claim_id": "s003-zardari-dates"'
fi

if check consistent 0 "$CLI" check "$DATA/consistent.textproto"; then
  expect_in consistent "$tmp/out" "verdict: CONSISTENT"
fi

# Two files merged, one JSON: June 2015 vs July 2015.
if check merged_json 1 "$CLI" check "$DATA/consistent.textproto" "$DATA/summit.json"; then
  expect_in merged_json "$tmp/out" "the summit: within June 2015 [a] vs within July 2015 [b1]: disjoint"
  expect_in merged_json "$tmp/out" "source 'b' (Source B)"
fi

# Binary input, encoded by protoc from the text file.
"$PROTOC" --encode=claimcheck.v1.ClaimSet -I "$(dirname "$PROTO")" "$PROTO" \
  <"$DATA/consistent.textproto" >"$tmp/consistent.binpb"
if check binary 0 "$CLI" check "$tmp/consistent.binpb"; then
  expect_in binary "$tmp/out" "verdict: CONSISTENT"
fi

# Invalid input: every issue, each with file and line.
if check invalid 2 "$CLI" check "$DATA/invalid.textproto"; then
  expect_in invalid "$tmp/out" "verdict: INVALID_INPUT"
  expect_in invalid "$tmp/out" "invalid.textproto:4: error: leap: date.within: 29 February 2013 does not exist"
  expect_in invalid "$tmp/out" "invalid.textproto:9: error: dangling: provenance.source: unknown source 'nowhere'"
fi

if check syntax 2 "$CLI" check "$DATA/syntax_error.textproto"; then
  expect_in syntax "$tmp/err" "syntax_error.textproto:5:"
  expect_in syntax "$tmp/err" "yeer"
fi

if check usage 2 "$CLI"; then expect_in usage "$tmp/err" "usage:"; fi
if check no_files 2 "$CLI" check; then expect_in no_files "$tmp/err" "at least one FILE"; fi
if check bad_ext 2 "$CLI" check "$DATA/../cli_test.sh"; then
  expect_in bad_ext "$tmp/err" "unknown extension"
fi
if check missing 2 "$CLI" check /nonexistent.textproto; then
  expect_in missing "$tmp/err" "/nonexistent.textproto: cannot be read"
fi
if check bad_format 2 "$CLI" check --format=xml "$EXAMPLE"; then
  expect_in bad_format "$tmp/err" "unknown --format"
fi

# A resource limit gives UNKNOWN (exit 3) and names the limit.
if check unknown 3 "$CLI" check --rlimit=1 "$EXAMPLE"; then
  expect_in unknown "$tmp/out" "verdict: UNKNOWN"
  expect_in unknown "$tmp/out" "limit hit: LIMIT_RLIMIT"
fi

# Regression mode: the seed corpus against its expectations ...
if check regression 0 "$CLI" test "$EXPECTATIONS"; then
  expect_in regression "$tmp/out" "221 claims, "
  expect_in regression "$tmp/out" " conflicts, verdict VERDICT_INCONSISTENT"
  expect_in regression "$tmp/out" "all expectations hold"
fi
# ... and a doctored copy: one expected conflict dropped, one claim in
# conflict expected consistent, one derived bound wrong. Each difference must
# be named.
seeds="$(cd "$(dirname "$EXPECTATIONS")" && pwd)"
sed -e "s|^files: \"|files: \"$seeds/|" "$EXPECTATIONS" |
  awk 'BEGIN{skip=0} /^conflicts \{/ && !done {skip=1} skip && /^\}/ {skip=0; done=1; next} !skip' \
  >"$tmp/doctored.textproto"
echo 'consistent: "s002-no-deal-since-2105"' >>"$tmp/doctored.textproto"
# ... and a derived bound the claims do not imply (the rounding interval of
# "680-mile" taken as exact).
echo 'derived { subject_id: "ns-pipeline-length" lower: "1094.3539" upper: "1094.3539" }' \
  >>"$tmp/doctored.textproto"
if check regression_diff 1 "$CLI" test "$tmp/doctored.textproto"; then
  expect_in regression_diff "$tmp/out" "+ conflict {ref-fact-liaquat-lifespan, s002-seato-cento-decision-1954}: "
  expect_in regression_diff "$tmp/out" "- claim s002-no-deal-since-2105 CONSISTENT"
  expect_in regression_diff "$tmp/out" "+ claim s002-no-deal-since-2105 CLAIM_STATUS_IN_CONFLICT"
  expect_in regression_diff "$tmp/out" "- derived ns-pipeline-length [1094.3539, 1094.3539]"
  expect_in regression_diff "$tmp/out" "+ derived ns-pipeline-length [1086.3072, 1102.40064]"
  expect_in regression_diff "$tmp/out" "5 differences"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
