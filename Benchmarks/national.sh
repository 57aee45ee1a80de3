#!/usr/bin/env bash
# National-scale benchmark (issue 15, item 3): every kommun in Sweden in one store and one run. For N kommun
# files (default 290) with Y years of simulated reports each (default 5), on the given binary, it measures
# the whole process's wall time and CPU time (user + sys, with bash's `time`) and peak RSS (/usr/bin/time %M):
#   (a) ingest:     `platform-cli ingest ID FILE --store S` of every kommun's file, one process a kommun, into
#                   one fresh SQLite store; against the engine's floor, `sqlite3 .import` of the same CSVs
#                   (one process a kommun: `.import --csv` into a temporary table, then
#                   `INSERT INTO reports SELECT 'ID', …` with a week's date, 2026-W46, on its Thursday as the
#                   store keeps it) into a plain table of the CSV's columns plus kommun, typed like the
#                   store's, with UNIQUE(kommun, reporter, id) and a (kommun, date) index; both
#                   with journal_mode = WAL and synchronous = NORMAL, as the platform's store.
#   (b) lägesbild:  `platform-cli lagesbild --all --period 2026-W46 --format F` for F = md, json, csv, html and
#                   md,json,csv,html, on the store of (a); against the bare SQL (`lagesbild_sql`,
#                   Benchmarks/ten-kommuner.sh): one `sqlite3` query over the plain table of (a) computing per
#                   kommun, area and indicator the numbers the CSV has, from the window's weekly sums (the
#                   level indicator's maximum): the week, the 8 before it, the same week last year; naming the kommuner
#                   (kommun IN (...)) so that SQLite searches the (kommun, date) index. The SQL's result is
#                   checked against the batch's CSV files, cell by cell, before anything is timed.
#                   Targets (issue 15): csv within 1.25× the SQL's CPU; all four formats within 2.5× its wall.
#   (c) validate:   `platform-cli validate DIR` of the N files; against the libyaml event floor, the C program
#                   Benchmarks/yaml-events.c (it reads each file named and pulls its events, nothing else),
#                   when that file is in the tree (built with cc -O2 ... -lyaml); otherwise validate alone.
#                   And `platform-cli kommuner --municipalities DIR` ("cached"): the same files into the typed
#                   configuration through the warm compiled configuration cache, as every command but validate
#                   reads them. Target (issue 15, item 1): within 1.5× the floor, by either way.
#   (d) peak RSS:   of each process above, from /usr/bin/time wrapped around it in the timed runs (for ingest
#                   and the import, the largest of the N processes); the wrapper adds about a millisecond.
#   (e) growth:     all of the above at each size of BENCH_SIZES (e.g. "10 50 290"): the first n kommun files
#                   (lysekil-001, tranemo-001, lysekil-002, …; Benchmarks/kommuner.sh), each size its own
#                   folder, store and plain table, the same simulated files.
# Every kommun gets `platform-cli simulate ID --from FROM --to 2026-11-22 --seed N` (N = its place in the list;
# FROM is Y years before; PLATFORM_NOW=2026-11-23T12:00:00Z so the dates are never after simulate's today),
# made once under the temporary folder and never committed. Each size then runs every measurement once as a
# warm-up and RUNS interleaved rounds (each round runs each once, so that the machine's load falls on all of
# them alike); the summary shows medians, the ratios as the median of the per-round ratios, and beside every
# figure the 1-minute load average over its runs. The binary's path and build (Swift runtime linked in or as
# shared libraries) are printed with the figures.
#
# At 290 kommuner × 5 years: ~2.7 million rows, a store of ~850 MB plus the plain table and a scratch copy of
# each while a round runs (~3.5 GB of temporary disk at most); (a) takes most of each round's time. Run time,
# estimated from 10 and 20 kommuner on the 2-core machine at load ~10: BENCH_SIZES="10 50 290" ~30 min with
# the default rounds, ~13 min with BENCH_INGEST_RUNS=1.
#
# Usage: Benchmarks/national.sh          (from anywhere; it works from the repository root)
# Environment:
#   BENCH_BIN=path        use this platform-cli binary instead of building one (say which build it is: the
#                         summary tells a static Swift runtime from shared libraries by the binary's ldd)
#   BENCH_SIZES="n ..."   kommun counts measured, ascending (default "290"; the issue's growth: "10 50 290")
#   BENCH_YEARS=y         years of simulated reports per kommun, up to 2026-11-22 (default 5)
#   BENCH_RUNS=n          timed rounds per size; the summary shows medians (default 5)
#   BENCH_INGEST_RUNS=n   of those rounds, how many also time (a), which takes most of a round at 290
#                         kommuner (default: all of them)
#   BENCH_INTENSITY=x     event-rate multiplier for the simulated reports (default 1, a realistic volume)
#   BENCH_KEEP=1          keep the temporary directory
# The compiled configuration cache (docs/configuration.md) is a folder of the temporary directory
# (PLATFORM_CACHE), filled by the warm-up: the timed lägesbild runs read the kommun files from it, as every
# run after the first does; `validate` never uses it.
set -euo pipefail

# A relative BENCH_BIN is taken from where the script was started, before it moves to the repository root.
if [[ -n "${BENCH_BIN:-}" && $BENCH_BIN != /* ]]; then BENCH_BIN="$PWD/$BENCH_BIN"; fi
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$(pwd)

RUNS=${BENCH_RUNS:-5}
INGEST_RUNS=${BENCH_INGEST_RUNS:-$RUNS}
YEARS=${BENCH_YEARS:-5}
read -r -a SIZES <<< "${BENCH_SIZES:-290}"

. "$ROOT/Benchmarks/common.sh" national-bench
. "$ROOT/Benchmarks/ten-kommuner.sh"     # and with it Benchmarks/kommuner.sh

# The span: Y years up to ten-kommuner.sh's TO (the window the SQL reads ends there too).
FROM="$(( ${TO%%-*} - YEARS ))-${TO#*-}"
SIMULATE_NOW=2026-11-23T12:00:00Z

prev=0
for n in "${SIZES[@]}"; do
    [[ $n =~ ^[0-9]+$ ]] && (( n > prev )) || { log "BENCH_SIZES must be kommun counts in ascending order: ${SIZES[*]}"; exit 1; }
    prev=$n
done
MAX=$prev
[[ $YEARS =~ ^[1-9][0-9]*$ && $RUNS =~ ^[1-9][0-9]*$ && $INGEST_RUNS =~ ^[1-9][0-9]*$ ]] && (( INGEST_RUNS <= RUNS )) ||
    { log "BENCH_YEARS, BENCH_RUNS and BENCH_INGEST_RUNS must be whole numbers from 1, BENCH_INGEST_RUNS at most BENCH_RUNS"; exit 1; }

# Which build the binary is: the static Swift runtime (`--static-swift-stdlib`, what the README installs)
# needs no libswiftCore.so.
if [[ $(ldd "$BIN" 2>/dev/null || true) == *libswiftCore.so* ]]; then
    BUILD="Swift runtime as shared libraries (swift build -c release)"
else
    BUILD="Swift runtime linked in (swift build -c release --static-swift-stdlib)"
fi
BIN_ABOUT="$BIN: $BUILD; $(stat -c %s "$BIN") bytes, built $(date -u -r "$BIN" '+%Y-%m-%d %H:%M UTC'), sha256 $(sha256sum "$BIN" | cut -c1-12)"

# fail NAME: a measured command failed; its stderr is in $ERR. Writes to the script's own stderr (fd 3): the
# timed runs' stderr goes to `time`'s output file.
exec 3>&2
ERR="$WORK/commands.err"
: > "$ERR"
fail() { { log "$1 failed; the commands' stderr ends with:"; tail -20 "$ERR"; } >&3; exit 1; }

export PLATFORM_CACHE="$WORK/config-cache"
log "platform-cli: $BIN_ABOUT"
log "temporary data: $WORK"
log "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"

# --- the libyaml event floor ------------------------------------------------------------------------------
# HOOK for (c): Benchmarks/yaml-events.c (issue 15, item 1, written with Benchmarks/config.sh) is built and
# timed as `yaml-events FILE...` when it is in the tree; without it (c) times validate alone and says so.
FLOOR=""
if [[ -f Benchmarks/yaml-events.c ]]; then
    FLOOR="$WORK/yaml-events"
    # shellcheck disable=SC2046 # pkg-config's flags are words
    cc -O2 -o "$FLOOR" Benchmarks/yaml-events.c $(pkg-config --cflags --libs yaml-0.1)
else
    log "Benchmarks/yaml-events.c is not in this tree: validate is timed without the libyaml event floor"
fi

# --- MAX kommun files, Y years of reports each (the smaller sizes take the first n) ----------------------
ALL_MUNI="$WORK/municipalities"
CSVS="$WORK/reports"
mkdir -p "$CSVS"
make_kommun_files "$ALL_MUNI" "$MAX"
ALL_KOMMUNER=("${KOMMUNER[@]}")
log "simulating $MAX kommuner, $FROM .. $TO (intensity $INTENSITY)"
SIMULATE_START=$SECONDS
declare -A ROWS_OF
seed=0
for id in "${ALL_KOMMUNER[@]}"; do
    seed=$((seed + 1))
    PLATFORM_NOW=$SIMULATE_NOW "$BIN" simulate "$id" --from "$FROM" --to "$TO" --seed "$seed" --intensity "$INTENSITY" \
        --out "$CSVS/$id.csv" --municipalities "$ALL_MUNI"
    ROWS_OF[$id]=$(( $(wc -l < "$CSVS/$id.csv") - 1 ))   # the simulator writes no quoted newlines
done
log "simulated in $((SECONDS - SIMULATE_START)) s"

# --- the commands measured ------------------------------------------------------------------------------
# Each size sets MUNI, KOMMUNER, STORE and PLAIN (read by the lägesbild and the SQL), OUT, SQL, and the scratch
# stores that ingest and import write afresh in each round (removed after each, untimed).
PLAIN_SCHEMA="PRAGMA journal_mode = WAL;
CREATE TABLE reports (kommun TEXT NOT NULL, date TEXT NOT NULL, time TEXT, reporter TEXT NOT NULL,
    area TEXT NOT NULL, indicator TEXT NOT NULL, value INTEGER NOT NULL, place TEXT, lat REAL, lon REAL,
    note TEXT, id TEXT, UNIQUE (kommun, reporter, id));
CREATE INDEX reports_by_date ON reports (kommun, date);"
# A week's answer (date 2026-W46) is stored, as the platform's store does, on the week's Thursday: the Monday
# of ISO week 1 (the week of 4 January) plus 7 days a week after it, plus 3.
PLAIN_DATE="CASE WHEN date GLOB '[0-9][0-9][0-9][0-9]-W[0-9][0-9]' THEN
    date(substr(date, 1, 4) || '-01-04', '-' || ((CAST(strftime('%w', substr(date, 1, 4) || '-01-04') AS INTEGER) + 6) % 7) || ' days',
         '+' || (7 * (CAST(substr(date, 7) AS INTEGER) - 1) + 3) || ' days')
    ELSE date END"

# rss NAME CMD...: CMD under /usr/bin/time, its peak RSS (kB) appended to $WORK/NAME.rss.
rss() { local name=$1; shift; /usr/bin/time -f %M -a -o "$WORK/$name.rss" "$@"; }
run_ingest() {
    local id
    for id in "${KOMMUNER[@]}"; do
        rss ingest "$BIN" ingest "$id" "$CSVS/$id.csv" --store "$SCRATCH_STORE" --municipalities "$MUNI" >/dev/null 2>>"$ERR" || fail "ingest $id"
    done
}
run_import() {
    local id
    sqlite3 "$SCRATCH_PLAIN" "$PLAIN_SCHEMA" >/dev/null 2>>"$ERR" || fail "the plain table's schema"
    for id in "${KOMMUNER[@]}"; do
        rss import sqlite3 -cmd "PRAGMA synchronous = NORMAL" "$SCRATCH_PLAIN" ".import --csv --schema temp \"$CSVS/$id.csv\" staging" \
            "INSERT INTO reports SELECT '$id', $PLAIN_DATE, time, reporter, area, indicator, value, place, lat, lon, note, id FROM temp.staging" >/dev/null 2>>"$ERR" || fail "sqlite3 .import of $id"
    done
}
# lagesbild_all NAME FORMATS: the batch for every kommun in $MUNI.
lagesbild_all() {
    rss "$1" "$BIN" lagesbild --all --period "$PERIOD" --format "$2" --out "$OUT" --store "$STORE" \
        --municipalities "$MUNI" >/dev/null 2>>"$ERR" || fail "lagesbild --all --format $2"
}
run_md()       { lagesbild_all md md; }
run_json()     { lagesbild_all json json; }
run_csv()      { lagesbild_all csv csv; }
run_html()     { lagesbild_all html html; }
run_four()     { lagesbild_all four md,json,csv,html; }
run_sql()      { rss sql sqlite3 "$PLAIN" < "$SQL" >/dev/null 2>>"$ERR" || fail "the bare SQL"; }
run_validate() { rss validate "$BIN" validate "$MUNI" >/dev/null 2>>"$ERR" || fail "validate"; }
run_cached()   { rss cached "$BIN" kommuner --municipalities "$MUNI" >/dev/null 2>>"$ERR" || fail "kommuner"; }
run_floor()    { rss floor "$FLOOR" "$MUNI"/*.yaml >/dev/null 2>>"$ERR" || fail "the libyaml event floor"; }

NAMES=(ingest import md json csv html four sql validate cached)
[[ -z $FLOOR ]] || NAMES+=(floor)
declare -A LABEL=(
    [ingest]="(a) platform-cli ingest, one process a kommun, one store"
    [import]="(a) floor: sqlite3 .import, one process a kommun, indexed plain table"
    [md]="(b) lagesbild --all --format md"
    [json]="(b) lagesbild --all --format json"
    [csv]="(b) lagesbild --all --format csv"
    [html]="(b) lagesbild --all --format html"
    [four]="(b) lagesbild --all --format md,json,csv,html"
    [sql]="(b) bare SQL: sqlite3, one query (kommun IN list) over the plain table"
    [validate]="(c) platform-cli validate DIR"
    [cached]="(c) platform-cli kommuner, warm configuration cache"
    [floor]="(c) floor: libyaml events only (Benchmarks/yaml-events.c)"
)
# The ratios shown: NAME:FLOOR pairs, each the median of the per-round ratios.
PAIRS=(ingest:import md:sql json:sql csv:sql html:sql four:sql)
[[ -z $FLOOR ]] || PAIRS+=(validate:floor cached:floor)

# median FILE [FORMAT]: the median of the numbers in FILE (one a line), the mean of the middle two printed
# with FORMAT (default %.1f) when they are even.
median() { sort -n "$1" | awk -v f="${2:-%.1f}\n" '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf f, (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
range() { sort -n "$1" | awk 'NR == 1 { lo = $1 } { hi = $1 } END { print (lo == hi ? lo : lo "–" hi) }'; }
maxof() { sort -n "$1" | tail -1; }
mb() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }
# round_ratio A B KIND(ms|cpu) DIR: the median of the per-round ratios A / B (both measured within seconds of
# each other: steadier than the ratio of the medians when the machine's speed drifts during the run).
round_ratio() { paste "$4/$1.$3" "$4/$2.$3" | awk '{ printf "%.3f\n", $1 / $2 }' > "$4/$1-$2.$3.ratio"; median "$4/$1-$2.$3.ratio" %.3f | awk '{ printf "%.2f", $1 }'; }

declare -a REPORT=()
declare -A GROWTH
for n in "${SIZES[@]}"; do
    KOMMUNER=("${ALL_KOMMUNER[@]:0:n}")
    MUNI="$WORK/municipalities-$n"
    OUT="$WORK/out-$n"
    STORE="$WORK/store-$n.sqlite"
    PLAIN="$WORK/plain-$n.sqlite"
    SCRATCH_STORE="$WORK/scratch-store.sqlite"
    SCRATCH_PLAIN="$WORK/scratch-plain.sqlite"
    mkdir -p "$MUNI" "$OUT"
    rows=0
    for id in "${KOMMUNER[@]}"; do cp "$ALL_MUNI/$id.yaml" "$MUNI/"; rows=$((rows + ROWS_OF[$id])); done
    "$BIN" validate "$MUNI" > "$WORK/validate.out" || { cat "$WORK/validate.out" >&2; exit 1; }
    listed=$("$BIN" kommuner --municipalities "$MUNI" | tail -n +2 | wc -l)
    [[ $listed == "$n" ]] || { log "platform-cli kommuner lists $listed kommuner, not $n"; exit 1; }
    log ""
    log "== $n kommuner, $rows rows ($FROM .. $TO)"

    # Warm-up, which also makes the store and the plain table the lägesbild and the SQL read.
    for name in ingest import; do
        run_$name
    done
    sqlite3 "$SCRATCH_STORE" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
    sqlite3 "$SCRATCH_PLAIN" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
    mv "$SCRATCH_STORE" "$STORE"; rm -f "$SCRATCH_STORE"-*
    mv "$SCRATCH_PLAIN" "$PLAIN"; rm -f "$SCRATCH_PLAIN"-*
    stored=$(sqlite3 "$STORE" "SELECT count(*) FROM reports")
    [[ $stored == "$rows" ]] || { log "the store holds $stored rows of $rows simulated"; exit 1; }
    stored=$(sqlite3 "$PLAIN" "SELECT count(*) FROM reports")
    [[ $stored == "$rows" ]] || { log "the plain table holds $stored rows of $rows simulated"; exit 1; }
    store_mb=$(mb $(( $(stat -c %s "$STORE") / 1024 )))
    plain_mb=$(mb $(( $(stat -c %s "$PLAIN") / 1024 )))
    IN_LIST=$(printf "'%s'," "${KOMMUNER[@]}"); IN_LIST=${IN_LIST%,}
    SQL="$WORK/query-$n.sql"
    lagesbild_sql sqlite "kommun IN ($IN_LIST) AND " > "$SQL"
    for name in "${NAMES[@]:2}"; do run_$name; done
    # The SQL gives the CSV's numbers (check_sql_cells, Benchmarks/ten-kommuner.sh).
    sqlite3 -csv "$PLAIN" < "$SQL" > "$WORK/sql.csv"
    check_sql_cells "$WORK/sql.csv" "the SQL"
    rm -f "$WORK"/*.ms "$WORK"/*.cpu "$WORK"/*.rss "$WORK"/*.load

    # RUNS interleaved rounds; measure (Benchmarks/ten-kommuner.sh) appends wall ms and CPU ms.
    LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
    log "timing $RUNS interleaved rounds (load average $LOAD_START); wall/CPU ms"
    for run in $(seq 1 "$RUNS"); do
        line="round $run/$RUNS:"
        for name in "${NAMES[@]}"; do
            [[ ($name != ingest && $name != import) || $run -le $INGEST_RUNS ]] || continue
            load=$(cut -d' ' -f1 /proc/loadavg)
            echo "$load" >> "$WORK/$name.load"
            line+=" $name $(measure "$name") (load $load)"
            rm -f "$SCRATCH_STORE" "$SCRATCH_STORE"-* "$SCRATCH_PLAIN" "$SCRATCH_PLAIN"-*
        done
        log "$line"
    done
    LOAD_END=$(cut -d' ' -f1-3 /proc/loadavg)
    DIR="$WORK/size-$n"
    mkdir -p "$DIR"
    mv "$WORK"/*.ms "$WORK"/*.cpu "$WORK"/*.rss "$WORK"/*.load "$DIR/"

    REPORT+=("$(
        printf '\n### %d kommuner: %d report rows (%s .. %s); store %s MB, plain table %s MB; %d cells with reports in the SQL result\n\n' \
            "$n" "$rows" "$FROM" "$TO" "$store_mb" "$plain_mb" "$SQL_CELLS"
        printf '| measurement | wall ms | wall runs ranged | CPU ms (user+sys) | peak RSS MB | load avg (1 min) over its runs |\n'
        printf '|---|---:|---:|---:|---:|---:|\n'
        for name in "${NAMES[@]}"; do
            printf '| %s | %s | %s | %s | %s | %s |\n' "${LABEL[$name]}" "$(median "$DIR/$name.ms")" "$(range "$DIR/$name.ms")" \
                "$(median "$DIR/$name.cpu")" "$(mb "$(maxof "$DIR/$name.rss")")" "$(range "$DIR/$name.load")"
        done
        printf '\n| ratio (median of the per-round ratios) | wall | CPU | load avg (1 min) over its runs |\n|---|---:|---:|---:|\n'
        for pair in "${PAIRS[@]}"; do
            a=${pair%:*}; b=${pair#*:}
            printf '| %s / %s | %s | %s | %s |\n' "$a" "$b" "$(round_ratio "$a" "$b" ms "$DIR")" "$(round_ratio "$a" "$b" cpu "$DIR")" \
                "$(range <(cat "$DIR/$a.load" "$DIR/$b.load"))"
        done
        csv_cpu=$(round_ratio csv sql cpu "$DIR"); four_wall=$(round_ratio four sql ms "$DIR")
        printf "\nTargets (issue 15): csv within 1.25× the SQL's CPU: %s (%s); all four formats within 2.5× its wall: %s (%s)\n" \
            "$(awk -v r="$csv_cpu" 'BEGIN { print (r <= 1.25 ? "yes" : "no") }')" "$csv_cpu" \
            "$(awk -v r="$four_wall" 'BEGIN { print (r <= 2.5 ? "yes" : "no") }')" "$four_wall"
        if [[ -n $FLOOR ]]; then
            printf 'Target (issue 15): kommun files into the typed configuration within 1.5× the floor (wall / CPU): validate %s / %s; cached %s / %s\n' \
                "$(round_ratio validate floor ms "$DIR")" "$(round_ratio validate floor cpu "$DIR")" \
                "$(round_ratio cached floor ms "$DIR")" "$(round_ratio cached floor cpu "$DIR")"
        fi
        printf 'Load average before the rounds: %s, after: %s\n' "$LOAD_START" "$LOAD_END"
    )")
    for name in "${NAMES[@]}"; do
        GROWTH[$name,$n]="$(median "$DIR/$name.ms")/$(median "$DIR/$name.cpu"), $(mb "$(maxof "$DIR/$name.rss")") MB (load $(range "$DIR/$name.load"))"
    done
    # The next size has its own store and table; this one's are no longer read.
    [[ ${BENCH_KEEP:-0} == 1 ]] || rm -f "$STORE" "$STORE"-* "$PLAIN" "$PLAIN"-*
done

printf '\n## National scale: lägesbild %s for every kommun (whole process; medians of %s interleaved rounds; bash time)\n' "$PERIOD" "$RUNS"
printf '\nBinary: %s\n' "$BIN_ABOUT"
printf '(a) timed in %s of the %s rounds\n' "$INGEST_RUNS" "$RUNS"
printf 'Data: copies of municipalities/lysekil.yaml and tranemo.yaml, simulated reports for %s year(s) each (intensity %s)\n' "$YEARS" "$INTENSITY"
printf '%s\n' "${REPORT[@]}"
if [[ -z $FLOOR ]]; then
    printf '\n(c) has no floor: Benchmarks/yaml-events.c was not in the tree (hook: the script builds and times it when it is).\n'
fi
if (( ${#SIZES[@]} > 1 )); then
    printf '\n### Growth: wall/CPU ms, peak RSS, (1-minute load average over the runs)\n\n| measurement'
    for n in "${SIZES[@]}"; do printf ' | %s kommuner' "$n"; done
    printf ' |\n|---'
    for n in "${SIZES[@]}"; do printf '|---:'; done
    printf '|\n'
    for name in "${NAMES[@]}"; do
        printf '| %s' "${LABEL[$name]}"
        for n in "${SIZES[@]}"; do printf ' | %s' "${GROWTH[$name,$n]}"; done
        printf ' |\n'
    done
fi
printf '\nMachine: %s cores (nproc), %s, %s; %s; %s\n' "$(nproc)" \
    "$(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)" \
    "$(awk '/MemTotal/ { printf "%.1f GB RAM", $2 / 1048576 }' /proc/meminfo)" \
    "$(uname -sr)" "sqlite3 $(sqlite3 --version | cut -d' ' -f1)"
printf 'Swift: %s\n' "$(swift --version 2>/dev/null | head -1 || echo unknown)"
printf 'Date: %s; load average at the end: %s\n' "$(date -u '+%Y-%m-%d %H:%M UTC')" "$(cut -d' ' -f1-3 /proc/loadavg)"
printf 'Commit: %s%s\n' "$COMMIT" "${BENCH_BIN:+ (but BENCH_BIN=$BENCH_BIN was measured)}"
printf 'Reproduce: BENCH_SIZES="%s" BENCH_YEARS=%s BENCH_RUNS=%s BENCH_INGEST_RUNS=%s Benchmarks/national.sh\n' \
    "${SIZES[*]}" "$YEARS" "$RUNS" "$INGEST_RUNS"
