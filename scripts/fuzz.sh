#!/usr/bin/env bash
# Fuzzes the two doors hostile bytes come in by: a kommun file (YAML loader + kommun file decoder) and a
# report file (CSV/JSON reader + row checks + privacy guard). Builds Tests/Fuzz (its own package, with
# libFuzzer from the Swift toolchain: swift build --sanitize=fuzzer) and runs each target for FUZZ_SECONDS
# (default 60), starting from the seeds in Tests/Fuzz/corpus and, for kommun files, the shipped ones.
# Fails on any crash, trap or hang (a single input over FUZZ_INPUT_TIMEOUT seconds, default 10); the input
# that did it is kept in .build/fuzz/artifacts/ — turn it into a regression test.
#
# Environment: FUZZ_SECONDS (per target; 0 skips fuzzing), FUZZ_INPUT_TIMEOUT, FUZZ_TARGETS (default both).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
SECONDS_EACH=${FUZZ_SECONDS:-60}
INPUT_TIMEOUT=${FUZZ_INPUT_TIMEOUT:-10}
TARGETS=${FUZZ_TARGETS:-FuzzKommunConfig FuzzReportFile}
WORK=$ROOT/.build/fuzz
if [[ $SECONDS_EACH == 0 ]]; then echo "fuzz: skipped (FUZZ_SECONDS=0)"; exit 0; fi

echo "fuzz: building Tests/Fuzz with libFuzzer (swift build --sanitize=fuzzer)"
swift build --package-path Tests/Fuzz --sanitize=fuzzer >&2
BIN=$(swift build --package-path Tests/Fuzz --sanitize=fuzzer --show-bin-path)

# Swift's own crash handler would print a backtrace and exit before libFuzzer saves the input; off, a trap
# reaches libFuzzer's handler ("deadly signal") and the input is written to the artifacts folder.
export SWIFT_BACKTRACE=enable=no
status=0 passed=0 failed=0
for target in $TARGETS; do
    case $target in
        FuzzKommunConfig) seeds=(Tests/Fuzz/corpus/kommun-config municipalities municipalities/examples) ;;
        FuzzReportFile) seeds=(Tests/Fuzz/corpus/report-file) ;;
        *) echo "fuzz: unknown target $target" >&2; exit 2 ;;
    esac
    # A fresh working corpus each run; the committed seeds are only read.
    rm -rf "$WORK/corpus/$target"
    mkdir -p "$WORK/corpus/$target" "$WORK/artifacts"
    echo "fuzz: $target for ${SECONDS_EACH}s"
    if ! "$BIN/$target" "$WORK/corpus/$target" "${seeds[@]}" -max_total_time="$SECONDS_EACH" -timeout="$INPUT_TIMEOUT" \
        -rss_limit_mb=2048 -max_len=65536 -artifact_prefix="$WORK/artifacts/$target-" -print_final_stats=1 \
        >"$WORK/$target.log" 2>&1; then
        tail -n 40 "$WORK/$target.log" >&2
        echo "fuzz: $target FAILED; the input is in $WORK/artifacts/" >&2
        status=1 failed=$((failed + 1))
    else
        grep -E "stat::number_of_executed_units|Done [0-9]+ runs" "$WORK/$target.log" | tail -n 1
        passed=$((passed + 1))
    fi
done
echo "fuzz: $passed passed, $failed failed"
exit $status
