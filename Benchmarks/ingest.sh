#!/usr/bin/env bash
# Ingest benchmark (issue: reports): `platform-cli ingest` against the engine's floor, `sqlite3 .import`.
#
# For three simulated Lysekil report files (~250k, ~500k and ~1M rows) it measures, each into a fresh store:
#   - platform-cli ingest (streamed CSV, row checks, GRDB, UNIQUE(kommun, reporter, ref) + (kommun, date) indexes)
#   - sqlite3 .import into a bare table of the 11 CSV columns as text
#   - sqlite3 .import into the same table with UNIQUE(reporter, id) and (date) indexes ("equivalent")
# Wall seconds and peak RSS come from /usr/bin/time -f "%e %M" (whole process); both sqlite3 runs use
# journal_mode = WAL and synchronous = NORMAL, as the platform's store does. Target: within 2x of
# sqlite3 .import, with memory flat as the file grows.
#
# Usage: Benchmarks/ingest.sh            (from anywhere; it works from the repository root)
# Environment:
#   BENCH_BIN=path        use this platform-cli binary instead of building one
#   BENCH_INTENSITY=x     event-rate multiplier of the ~1M-row file (default 290; the others use 1/4 and 1/2)
#   BENCH_RUNS=n          runs per measurement; the summary shows the median seconds (default 3)
#   BENCH_KEEP=1          keep the temporary directory
set -euo pipefail

# A relative BENCH_BIN is taken from where the script was started, before it moves to the repository root.
if [[ -n "${BENCH_BIN:-}" && $BENCH_BIN != /* ]]; then BENCH_BIN="$PWD/$BENCH_BIN"; fi
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$(pwd)

# Simulated span: 2025-01-01 .. 2026-10-31 (22 months, before today). At intensity 1 Lysekil gives
# ~4.7k rows over this span (~3.4k events per unit of intensity plus ~1.3k weekly checklist answers),
# so 290 gives ~1M.
FROM=2025-01-01
TO=2026-10-31
SEED=2026
INTENSITY=${BENCH_INTENSITY:-290}
KOMMUN=lysekil
RUNS=${BENCH_RUNS:-3}

. "$ROOT/Benchmarks/common.sh" ingest-bench

# timed OUTFILE CMD...: runs CMD under /usr/bin/time; leaves "seconds kilobytes" in OUTFILE.
timed() {
    local out=$1; shift
    /usr/bin/time -f "%e %M" -o "$out" "$@"
}

mb() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }
rate() { awk -v n="$1" -v s="$2" 'BEGIN { if (s > 0) printf "%.0f", n / s; else print "n/a" }'; }

SQL_COLUMNS="date TEXT, time TEXT, reporter TEXT, area TEXT, indicator TEXT, value TEXT, place TEXT, lat TEXT, lon TEXT, note TEXT, id TEXT"

# sqlite_import CSV DB KIND(bare|indexed) TIMEFILE
sqlite_import() {
    local csv=$1 db=$2 kind=$3 timefile=$4
    rm -f "$db" "$db-wal" "$db-shm"
    local schema="PRAGMA journal_mode=WAL; CREATE TABLE reports ($SQL_COLUMNS);"
    if [[ $kind == indexed ]]; then
        schema+=" CREATE UNIQUE INDEX reports_by_ref ON reports (reporter, id); CREATE INDEX reports_by_date ON reports (date);"
    fi
    sqlite3 "$db" "$schema" >/dev/null
    # The same connection settings as the platform's store (ReportStore: WAL, synchronous = NORMAL).
    timed "$timefile" sqlite3 -cmd "PRAGMA synchronous = NORMAL" "$db" ".import --csv --skip 1 \"$csv\" reports"
    local stored
    stored=$(sqlite3 "$db" "SELECT count(*) FROM reports")
    [[ $stored == "$ROWS" ]] || { log "sqlite3 $kind stored $stored rows of $ROWS"; exit 1; }
}

log "platform-cli: $BIN"
log "temporary data: $WORK"
log "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"

# median FILE: the median of the numbers in FILE (one a line); maxof FILE: the largest.
median() { sort -n "$1" | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.2f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
maxof() { sort -n "$1" | tail -1; }

# measure NAME: appends this run's seconds and kilobytes (from $WORK/t-NAME) to $WORK/NAME.sec and $WORK/NAME.kb
measure() {
    local sec kb
    read -r sec kb < "$WORK/t-$1"
    echo "$sec" >> "$WORK/$1.sec"
    echo "$kb" >> "$WORK/$1.kb"
    printf '%s s (%s rows/s), peak %s MB' "$sec" "$(rate "$ROWS" "$sec")" "$(mb "$kb")"
}

declare -a SUMMARY=()
for size in 250k 500k 1M; do
    case $size in
        250k) factor=0.25 ;;
        500k) factor=0.5 ;;
        1M) factor=1 ;;
    esac
    intensity=$(awk -v i="$INTENSITY" -v f="$factor" 'BEGIN { printf "%g", i * f }')
    csv="$WORK/reports-$size.csv"
    "$BIN" simulate "$KOMMUN" --from "$FROM" --to "$TO" --seed "$SEED" --intensity "$intensity" --out "$csv"
    ROWS=$(( $(wc -l < "$csv") - 1 ))   # the simulator writes no quoted newlines
    bytes=$(stat -c %s "$csv")
    printf '\n== %s: simulate %s --from %s --to %s --seed %s --intensity %s\n' "$size" "$KOMMUN" "$FROM" "$TO" "$SEED" "$intensity"
    printf '   %d rows, %d bytes (%s MB)\n' "$ROWS" "$bytes" "$(mb $((bytes / 1024)))"
    rm -f "$WORK"/*.sec "$WORK"/*.kb
    store="$WORK/platform.sqlite"
    for run in $(seq 1 "$RUNS"); do
        printf '   run %d/%d (load %s)\n' "$run" "$RUNS" "$(cut -d' ' -f1 /proc/loadavg)"
        # platform-cli ingest into a fresh store
        rm -f "$store" "$store-wal" "$store-shm"
        timed "$WORK/t-platform" "$BIN" ingest "$KOMMUN" "$csv" --store "$store" > "$WORK/ingest.out"
        stored=$(sqlite3 "$store" "SELECT count(*) FROM reports")
        [[ $stored == "$ROWS" ]] || { log "platform stored $stored rows of $ROWS: $(cat "$WORK/ingest.out")"; exit 1; }
        printf '     platform-cli ingest:            %s\n' "$(measure platform)"
        rm -f "$store" "$store-wal" "$store-shm"
        # the engine's floor
        sqlite_import "$csv" "$WORK/bare.sqlite" bare "$WORK/t-bare"
        printf '     sqlite3 .import, bare table:    %s\n' "$(measure bare)"
        rm -f "$WORK"/bare.sqlite*
        sqlite_import "$csv" "$WORK/indexed.sqlite" indexed "$WORK/t-indexed"
        printf '     sqlite3 .import, indexed table: %s\n' "$(measure indexed)"
        rm -f "$WORK"/indexed.sqlite*
    done
    printf '   platform-cli said: %s\n' "$(sed "s#$WORK/##" "$WORK/ingest.out")"
    rm -f "$csv"
    p_sec=$(median "$WORK/platform.sec"); p_kb=$(maxof "$WORK/platform.kb")
    b_sec=$(median "$WORK/bare.sec"); i_sec=$(median "$WORK/indexed.sec"); i_kb=$(maxof "$WORK/indexed.kb")
    SUMMARY+=("$(printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s |' "$ROWS" "$p_sec" "$(rate "$ROWS" "$p_sec")" \
        "$(mb "$p_kb")" "$b_sec" "$i_sec" "$(ratio "$p_sec" "$i_sec")" "$(ratio "$p_sec" "$b_sec")" "$(mb "$i_kb")")")
done

printf '\n## Summary (whole process; median wall seconds of %s run(s), largest peak RSS; /usr/bin/time)\n\n' "$RUNS"
printf '| rows | platform s | platform rows/s | platform peak MB | sqlite3 bare s | sqlite3 indexed s | platform / sqlite3 indexed | platform / sqlite3 bare | sqlite3 indexed peak MB |\n'
printf '|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n'
printf '%s\n' "${SUMMARY[@]}"
printf '\nTarget (issue): within 2x of sqlite3 .import; memory flat as the file grows.\n'
printf '\nMachine: %s cores (nproc), %s, %s; %s; %s\n' "$(nproc)" \
    "$(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)" \
    "$(awk '/MemTotal/ { printf "%.1f GB RAM", $2 / 1048576 }' /proc/meminfo)" \
    "$(uname -sr)" "sqlite3 $(sqlite3 --version | cut -d' ' -f1)"
printf 'Swift: %s\n' "$(swift --version 2>/dev/null | head -1 || echo unknown)"
printf 'Date: %s; load average at end: %s\n' "$(date -u '+%Y-%m-%d %H:%M UTC')" "$(cut -d' ' -f1-3 /proc/loadavg)"
printf 'Commit: %s%s\n' "$COMMIT" "${BENCH_BIN:+ (but BENCH_BIN=$BENCH_BIN was measured)}"
printf 'Reproduce: Benchmarks/ingest.sh\n'
