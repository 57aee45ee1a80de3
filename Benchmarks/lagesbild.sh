#!/usr/bin/env bash
# Lägesbild benchmark (issue: lägesbild): compiling lägesbilder from a store with 5 years of weekly data
# for 10 kommuner, against the same aggregation done by the `sqlite3` CLI in one SQL query.
#
# Ten kommuner are made in a temporary municipalities folder by copying municipalities/lysekil.yaml and
# tranemo.yaml with kommun.id (and name) changed: lysekil-01..05, tranemo-01..05. Each gets
# `platform-cli simulate ID --from 2021-11-22 --to 2026-11-22 --seed N` (5 years of reports and weekly
# checklist answers), ingested into one store. Then, interleaved round by round so that the machine's load
# falls on all of them alike, it measures the whole process's wall time and CPU time (user + sys, which
# depends far less on what else the machine runs) with bash's `time`, and peak RSS with /usr/bin/time:
#   - one kommun-week:           platform-cli lagesbild lysekil-01 --period 2026-W46 --format csv
#   - one kommun-week, 3 formats: the same with --format md,json,csv
#   - the batch:                 platform-cli lagesbild --all --period 2026-W46 --format csv (10 kommuner)
#   - the bare SQL:              sqlite3 STORE < query.sql, one query computing for every kommun × area ×
#                                indicator with reports the numbers the CSV has (value, previous week,
#                                the same week last year, baseline = mean of the 8 weeks before; counts
#                                summed, the level indicator otrygg-plats the week's highest answer). It
#                                names the 10 kommuner (kommun IN (...)), as the batch knows them from the
#                                folder, so SQLite searches the (kommun, date) index; the target uses it.
#   - for reference: the same query without the kommun list (SQLite then scans the whole index), and
#                                the process start floor, `platform-cli --help`.
# The SQL's result is checked against the batch's CSV files, cell by cell, before anything is timed.
# Targets (issue): one kommun-week under 100 ms whole process (median wall); the batch within 2x of the
# bare SQL (the median of the per-round batch / SQL wall ratios).
#
# Usage: Benchmarks/lagesbild.sh         (from anywhere; it works from the repository root)
# Environment:
#   BENCH_BIN=path        use this platform-cli binary instead of building one
#   BENCH_RUNS=n          timed rounds (each runs every command once); the summary shows medians (default 15)
#   BENCH_INTENSITY=x     event-rate multiplier for the simulated reports (default 1, a realistic volume)
#   BENCH_KEEP=1          keep the temporary directory
set -euo pipefail

# A relative BENCH_BIN is taken from where the script was started, before it moves to the repository root.
if [[ -n "${BENCH_BIN:-}" && $BENCH_BIN != /* ]]; then BENCH_BIN="$PWD/$BENCH_BIN"; fi
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$(pwd)

ONE=lysekil-01           # the kommun of the single kommun-week
RUNS=${BENCH_RUNS:-15}

. "$ROOT/Benchmarks/common.sh" lagesbild-bench
. "$ROOT/Benchmarks/ten-kommuner.sh"

log "platform-cli: $BIN"
log "temporary data: $WORK"
log "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"

# --- 10 kommuner, 5 years of reports each, into one store -----------------------------------------------
make_ten_kommuner
STORE_BYTES=$(( $(stat -c %s "$STORE") + $( [[ -f $STORE-wal ]] && stat -c %s "$STORE-wal" || echo 0) ))
WEEK_ROWS=$(sqlite3 "$STORE" "SELECT count(*) FROM reports WHERE date BETWEEN '$BASELINE_START' AND '$WEEK_END' OR date BETWEEN '$LAST_YEAR_START' AND '$LAST_YEAR_END'")

# --- the bare SQL (Benchmarks/ten-kommuner.sh) -----------------------------------------------------------
SQL_SCAN="$WORK/query-scan.sql"
SQL="$WORK/query.sql"
lagesbild_sql sqlite > "$SQL_SCAN"
lagesbild_sql sqlite "kommun IN ($IN_LIST) AND " > "$SQL"

# --- the commands measured ------------------------------------------------------------------------------
# Their own stderr (the batch's progress lines) goes to a log, so that only `time` writes to the group's.
ERR="$WORK/commands.err"
run_one_csv()   { "$BIN" lagesbild "$ONE" --period "$PERIOD" --format csv --out "$OUT" --store "$STORE" --municipalities "$MUNI" >/dev/null 2>>"$ERR"; }
run_one_three() { "$BIN" lagesbild "$ONE" --period "$PERIOD" --format md,json,csv --out "$OUT" --store "$STORE" --municipalities "$MUNI" >/dev/null 2>>"$ERR"; }
run_batch()     { "$BIN" lagesbild --all --period "$PERIOD" --format csv --out "$OUT" --store "$STORE" --municipalities "$MUNI" >/dev/null 2>>"$ERR"; }
run_sql()       { sqlite3 "$STORE" < "$SQL" >/dev/null 2>>"$ERR"; }
run_sql_scan()  { sqlite3 "$STORE" < "$SQL_SCAN" >/dev/null 2>>"$ERR"; }
run_start()     { "$BIN" --help >/dev/null 2>>"$ERR"; }
NAMES=(one_csv one_three batch sql sql_scan start)
declare -A LABEL=(
    [one_csv]="one kommun-week, --format csv"
    [one_three]="one kommun-week, --format md,json,csv"
    [batch]="batch: --all (10 kommuner), --format csv"
    [sql]="bare SQL: sqlite3, one query (kommun IN list, index search)"
    [sql_scan]="(reference) the same SQL without the kommun list (index scan)"
    [start]="(reference) process start floor: platform-cli --help"
)

# --- the SQL gives the CSV's numbers --------------------------------------------------------------------
run_batch
sqlite3 -csv "$STORE" < "$SQL" > "$WORK/sql.csv"
check_sql_cells "$WORK/sql.csv" "the SQL"
cmp -s "$WORK/sql.csv" <(sqlite3 -csv "$STORE" < "$SQL_SCAN") || { log "the two SQL queries differ"; exit 1; }

# --- timing -----------------------------------------------------------------------------------------------
# measure (Benchmarks/ten-kommuner.sh): bash's `time` around the whole process, wall and CPU.
median() { sort -n "$1" | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.1f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
minof() { sort -n "$1" | head -1; }
maxof() { sort -n "$1" | tail -1; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }
mb() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }

# One warm-up run of each (page cache, dynamic loader), then RUNS interleaved rounds.
for name in "${NAMES[@]}"; do "run_$name"; done
time_rounds

# Peak RSS, one more run of each under /usr/bin/time (not timed: its own start-up would count).
declare -A KB
for name in "${NAMES[@]}"; do
    case $name in
        one_csv)   /usr/bin/time -f "%M" -o "$WORK/rss" "$BIN" lagesbild "$ONE" --period "$PERIOD" --format csv --out "$OUT" --store "$STORE" --municipalities "$MUNI" >/dev/null ;;
        one_three) /usr/bin/time -f "%M" -o "$WORK/rss" "$BIN" lagesbild "$ONE" --period "$PERIOD" --format md,json,csv --out "$OUT" --store "$STORE" --municipalities "$MUNI" >/dev/null ;;
        batch)     /usr/bin/time -f "%M" -o "$WORK/rss" "$BIN" lagesbild --all --period "$PERIOD" --format csv --out "$OUT" --store "$STORE" --municipalities "$MUNI" >/dev/null 2>>"$ERR" ;;
        sql)       /usr/bin/time -f "%M" -o "$WORK/rss" sqlite3 "$STORE" < "$SQL" >/dev/null ;;
        sql_scan)  /usr/bin/time -f "%M" -o "$WORK/rss" sqlite3 "$STORE" < "$SQL_SCAN" >/dev/null ;;
        start)     /usr/bin/time -f "%M" -o "$WORK/rss" "$BIN" --help >/dev/null ;;
    esac
    KB[$name]=$(tail -1 "$WORK/rss")
done

declare -A WALL CPU
for name in "${NAMES[@]}"; do WALL[$name]=$(median "$WORK/$name.ms"); CPU[$name]=$(median "$WORK/$name.cpu"); done
# The batch / SQL ratio of each round (both measured within a second of each other), and their median:
# steadier than the ratio of the medians when the machine's speed drifts during the run.
paste "$WORK/batch.ms" "$WORK/sql.ms" | awk '{ printf "%.3f\n", $1 / $2 }' > "$WORK/round-ratio.wall"
paste "$WORK/batch.cpu" "$WORK/sql.cpu" | awk '{ printf "%.3f\n", $1 / $2 }' > "$WORK/round-ratio.cpu"
batch_ratio=$(median "$WORK/round-ratio.wall" | awk '{ printf "%.2f", $1 }')
batch_cpu_ratio=$(median "$WORK/round-ratio.cpu" | awk '{ printf "%.2f", $1 }')
one_ok=$(awk -v m="${WALL[one_csv]}" 'BEGIN { print (m < 100 ? "yes" : "no") }')
batch_ok=$(awk -v r="$batch_ratio" 'BEGIN { print (r <= 2 ? "yes" : "no") }')

printf '\n## Lägesbild %s (whole process; medians of %s interleaved runs; bash time)\n\n' "$PERIOD" "$RUNS"
printf 'Store: %d kommuner, %d report rows (%s .. %s), %s MB; %d rows in the weeks the SQL reads\n' \
    "${#KOMMUNER[@]}" "$ROWS" "$FROM" "$TO" "$(mb $((STORE_BYTES / 1024)))" "$WEEK_ROWS"
printf 'Cells: %d in the 10 CSV files, %d with reports (the SQL result, checked against the CSV)\n\n' "$CSV_CELLS" "$SQL_CELLS"
printf '| measurement | wall ms | wall runs ranged | CPU ms (user+sys) | peak RSS MB |\n|---|---:|---:|---:|---:|\n'
for name in "${NAMES[@]}"; do
    printf '| %s | %s | %s–%s | %s | %s |\n' "${LABEL[$name]}" "${WALL[$name]}" "$(minof "$WORK/$name.ms")" \
        "$(maxof "$WORK/$name.ms")" "${CPU[$name]}" "$(mb "${KB[$name]}")"
done
printf '\nbatch / bare SQL: %s wall, %s CPU (median of the per-round ratios, %s rounds; they ranged %s–%s wall);\n' \
    "$batch_ratio" "$batch_cpu_ratio" "$RUNS" "$(minof "$WORK/round-ratio.wall" | awk '{ printf "%.2f", $1 }')" \
    "$(maxof "$WORK/round-ratio.wall" | awk '{ printf "%.2f", $1 }')"
printf 'ratios of the medians: batch / bare SQL %s wall, %s CPU; batch / SQL without the kommun list %s wall; batch / one kommun-week %s wall\n' \
    "$(ratio "${WALL[batch]}" "${WALL[sql]}")" "$(ratio "${CPU[batch]}" "${CPU[sql]}")" \
    "$(ratio "${WALL[batch]}" "${WALL[sql_scan]}")" "$(ratio "${WALL[batch]}" "${WALL[one_csv]}")"
printf 'Targets (issue): one kommun-week under 100 ms: %s (median %s ms wall); batch within 2x of the bare SQL: %s (%s wall)\n' \
    "$one_ok" "${WALL[one_csv]}" "$batch_ok" "$batch_ratio"
printf '\nMachine: %s cores (nproc), %s, %s; %s; %s\n' "$(nproc)" \
    "$(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)" \
    "$(awk '/MemTotal/ { printf "%.1f GB RAM", $2 / 1048576 }' /proc/meminfo)" \
    "$(uname -sr)" "sqlite3 $(sqlite3 --version | cut -d' ' -f1)"
printf 'Swift: %s\n' "$(swift --version 2>/dev/null | head -1 || echo unknown)"
printf 'Date: %s; load average before timing: %s, after: %s\n' "$(date -u '+%Y-%m-%d %H:%M UTC')" "$LOAD_START" "$LOAD_END"
printf 'Commit: %s%s\n' "$COMMIT" "${BENCH_BIN:+ (but BENCH_BIN=$BENCH_BIN was measured)}"
printf 'Reproduce: Benchmarks/lagesbild.sh\n'
