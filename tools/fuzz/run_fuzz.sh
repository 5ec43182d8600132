#!/usr/bin/env bash
# tools/fuzz/run_fuzz.sh - runs libFuzzer targets for a bounded time and prints, per target, the executions per
# second and the total runs (from libFuzzer's final "Done N runs in S second(s)" line).
#
#   tools/fuzz/run_fuzz.sh BUILD_DIR SECONDS TARGET...   runs BUILD_DIR/fuzz_<target> on BUILD_DIR/corpus/<target>
#   tools/fuzz/run_fuzz.sh --check                       exits 1 with a message if $FUZZ_CXX cannot link a target
#
# Limits: -rss_limit_mb=512, -malloc_limit_mb=256 (one allocation beyond it is a finding: no input of a few
# KiB may ask for that much), -timeout=10 per input. A crash leaves its input in BUILD_DIR/artifacts/<target>/
# and makes the script exit 1 after every target has run.
set -u

if [ "${1:-}" = --check ]; then
    cxx=${FUZZ_CXX:-clang++}
    tmp=$(mktemp -d)
    trap 'rm -rf "$tmp"' EXIT
    echo 'extern "C" int LLVMFuzzerTestOneInput(const unsigned char*, unsigned long) { return 0; }' > "$tmp/t.cpp"
    if ! command -v "$cxx" >/dev/null 2>&1; then
        echo "fuzz: SKIPPED: $cxx is not installed (Debian: apt-get install clang)"; exit 1
    fi
    if ! "$cxx" -fsanitize=fuzzer,address,undefined "$tmp/t.cpp" -o "$tmp/t" >"$tmp/log" 2>&1; then
        echo "fuzz: SKIPPED: $cxx cannot link -fsanitize=fuzzer (clang's libFuzzer runtime is missing;"
        echo "      Debian bookworm: apt-get install libclang-rt-14-dev)"
        cat "$tmp/log"; exit 1
    fi
    exit 0
fi

# A smaller ASan quarantine than the default 256 MB keeps a long run's RSS well under -rss_limit_mb (the
# quarantine alone otherwise fills half of it); UBSan aborts with a stack trace (-fno-sanitize-recover).
export ASAN_OPTIONS=${ASAN_OPTIONS:-quarantine_size_mb=64}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1}

build=$1 seconds=$2
shift 2
status=0
summary=()
for t in "$@"; do
    bin=$build/fuzz_$t corpus=$build/corpus/$t artifacts=$build/artifacts/$t
    log=$build/fuzz_$t.log
    mkdir -p "$corpus" "$artifacts"
    echo "== fuzz_$t for ${seconds}s (log: $log)"
    "$bin" -max_total_time="$seconds" -rss_limit_mb=512 -malloc_limit_mb=256 -timeout=10 \
        -print_final_stats=1 -artifact_prefix="$artifacts/" "$corpus" >"$log" 2>&1
    rc=$?
    done_line=$(grep -E '^Done [0-9]+ runs in [0-9]+ second' "$log" | tail -n 1)
    runs=$(grep -E '^stat::number_of_executed_units:' "$log" | tail -n 1 | awk '{print $2}')
    if [ -n "$done_line" ]; then
        runs=$(echo "$done_line" | awk '{print $2}')
        secs=$(echo "$done_line" | awk '{print $5}')
    else
        secs=$seconds
    fi
    runs=${runs:-0}
    rate=$(( secs > 0 ? runs / secs : runs ))
    files=$(find "$corpus" -type f | wc -l)
    slowest=$(grep -E '^stat::slowest_unit_time_sec:' "$log" | tail -n 1 | awk '{print $2}')
    peak=$(grep -E '^stat::peak_rss_mb:' "$log" | tail -n 1 | awk '{print $2}')
    if [ "$rc" -eq 0 ]; then
        line=$(printf 'fuzz_%-8s %8d exec/s %10d runs in %ds, corpus %d files, slowest input %ss, peak RSS %s MB' \
            "$t" "$rate" "$runs" "$secs" "$files" "${slowest:-?}" "${peak:-?}")
    else
        status=1
        line=$(printf 'fuzz_%-8s FAILED (exit %d) after %d runs: see %s and %s' "$t" "$rc" "$runs" "$log" "$artifacts")
        grep -E '^(==[0-9]+==ERROR|SUMMARY|.*runtime error|terminate called|.*what\(\))' "$log" | head -n 5
    fi
    echo "$line"
    summary+=("$line")
done
echo "== fuzz summary"
printf '%s\n' "${summary[@]}"
exit "$status"
