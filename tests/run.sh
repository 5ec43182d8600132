#!/usr/bin/env bash
# Runs the doctest binary given as $1 (with any further arguments), then restates doctest's totals as one
# plain line, "tests: N passed, N failed, N skipped", and exits with the binary's status.
set -u
log=$(mktemp)
trap 'rm -f "$log"' EXIT
"$@" 2>&1 | tee "$log"
rc=${PIPESTATUS[0]}
line=$(grep -E '^\[doctest\] test cases:' "$log" | tail -n 1)
if [ -n "$line" ]; then
    read -r passed failed skipped < <(echo "$line" | sed -E 's/.*\| *([0-9]+) passed *\| *([0-9]+) failed *\| *([0-9]+) skipped.*/\1 \2 \3/')
    echo "tests: $passed passed, $failed failed, $skipped skipped"
fi
exit "$rc"
