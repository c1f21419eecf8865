#!/usr/bin/env bash
# Specification of the worker-stats CLI: exit codes and what it prints.
# Usage: test_cli.sh PATH/TO/worker-stats FIXTURES_DIR
set -u
cli=$1
fx=$2
failures=0
passes=0

expect() {  # expect NAME STATUS PATTERN -- command...
  local name=$1 want=$2 pattern=$3
  shift 4
  local out status
  out=$("$@" 2>&1)
  status=$?
  if [ "$status" -ne "$want" ]; then
    echo "FAIL $name: exit $status, expected $want"; echo "$out" | head -20; failures=$((failures + 1)); return
  fi
  if ! grep -qE -- "$pattern" <<<"$out"; then
    echo "FAIL $name: output does not match /$pattern/"; echo "$out" | head -20; failures=$((failures + 1)); return
  fi
  passes=$((passes + 1))
}

expect "check seed exits 0 with max<min warnings" 0 \
  'warning \[duration_order\] /cumulative/activity_durations/0: .*"Offline"' -- "$cli" check "$fx/seed-example.json"
expect "check seed shows the second max<min warning" 0 \
  'warning \[duration_order\] /cumulative/activity_durations/1: .*"Busy"' -- "$cli" check "$fx/seed-example.json"
expect "check truncated exits 1 with the byte offset" 1 \
  'error \[malformed_json\] .*byte offset 1200' -- "$cli" check "$fx/truncated.json"
expect "check missing file exits 2" 2 'cannot read' -- "$cli" check "$fx/no-such-file.json"
expect "check reads standard input" 0 'valid, 0 error' -- bash -c "\"$cli\" check - < \"$fx/custom-activities.json\""
expect "check --json is machine-readable" 0 '^\[\{"file":".*seed-example.json","valid":true,"errors":\[\],"warnings":\[' \
  -- "$cli" check --json "$fx/seed-example.json"
expect "check --minutes flags a window of the wrong length" 0 'window_length_mismatch' \
  -- "$cli" check --minutes 240 "$fx/custom-activities.json"
expect "summarize prints the figures" 0 'occupancy +100.0%' -- "$cli" summarize "$fx/seed-example.json"
expect "summarize merges files" 0 'total workers +16' -- "$cli" summarize "$fx/channel-voice.json" "$fx/channel-chat.json"
expect "summarize merges the funnel" 0 'reservations created 15' -- "$cli" summarize "$fx/channel-voice.json" "$fx/channel-chat.json"
expect "summarize flags a merge of different windows" 0 'merge_window_mismatch' \
  -- "$cli" summarize "$fx/channel-voice.json" "$fx/channel-chat.json"
expect "summarize --json" 0 '"summary":\{.*"total":16' -- "$cli" summarize --json "$fx/channel-voice.json" "$fx/channel-chat.json"
expect "summarize --categories" 0 'busy +7 ' -- "$cli" summarize --categories "On Call=busy" "$fx/custom-activities.json"
expect "summarize of an invalid file exits 1 without figures" 1 'no summary' -- "$cli" summarize "$fx/truncated.json"
expect "bad --categories exits 2" 2 'must be available' -- "$cli" summarize --categories "Lunch=nap" "$fx/seed-example.json"
expect "unknown command exits 2" 2 'unknown command' -- "$cli" frobnicate
expect "no file exits 2" 2 'no input file' -- "$cli" check
expect "help exits 0" 0 'usage:' -- "$cli" --help

echo "$passes passed, $failures failed"
[ "$failures" -eq 0 ]
