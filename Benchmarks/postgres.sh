#!/usr/bin/env bash
# PostgreSQL benchmark (issue 14, item 7): the platform's PostgreSQL store against PostgreSQL's own floors,
# measured interleaved in one run so that the machine's load falls on both alike. Every database is made
# from the admin URL beside the one it names and dropped at exit.
#   (a) ingest: `platform-cli ingest lysekil CSV --store postgres://…/NEW` (each run into a new, empty
#       database: the store's migrations run inside the timed process) against `psql \copy` of the same CSV
#       (default: Benchmarks/ingest.sh's ~1M-row Lysekil file) into a table of the 11 CSV columns as text,
#       bare and with UNIQUE (reporter, id) and (date) indexes (the "equivalent" table, as ingest.sh's sqlite3
#       floor), each into a new table. Whole processes under /usr/bin/time; medians of BENCH_COPY_RUNS rounds
#       (each round: platform, bare, indexed). Target (issue): the platform within 1.5x of the indexed \copy.
#       Beside them, in each round, the store-shaped floor: `psql \copy` of the rows the platform stored (all
#       their columns) into a table LIKE reports INCLUDING ALL in the platform's database, without the
#       row-level security and triggers that keep PostgreSQL from taking a COPY into reports itself: what the
#       stored row's shape alone costs against the 11-column table, and the best an ingest could reach.
#   (b) lägesbild: Benchmarks/lagesbild.sh's ten-kommun SQLite store is copied into a new database with
#       `platform-cli store copy --from STORE --to URL`, and lagesbild.sh's batch,
#       `platform-cli lagesbild --all --period 2026-W46 --format csv --store URL --municipalities MUNI --out DIR`,
#       must write CSV files byte-identical to the same batch on the SQLite store. The floor is lagesbild.sh's
#       bare SQL in PostgreSQL's dialect: one query computing, for every kommun × area × indicator with reports
#       in week 2026-W46, the numbers of the batch's CSV (value, previous week, the same week last year,
#       baseline), on a copy of the store's reports table in a database of its own (every column and row,
#       UNIQUE (kommun, reporter, ref) and the (kommun, date) index, as the platform's store has them;
#       ANALYZEd), checked cell by cell against the batch's CSV before it is timed. Timed in BENCH_RUNS
#       interleaved rounds with bash's `time` (wall, and CPU of the measured process: the server's CPU is
#       not counted, which is most of psql's work), beside the psql query's own \timing, the same query
#       without the kommun list, `psql -c 'SELECT 1'` (process start and connection) and the batch on the
#       SQLite store. Target (issue): the batch on PostgreSQL within 2x of the query (the median of the
#       per-round wall ratios).
#
# Usage: Benchmarks/postgres.sh [CSV]      (CSV: Lysekil's report file for (a), else it is simulated)
#   A cluster first, e.g.: eval "$(PLATFORM_POSTGRES_FSYNC=on scripts/postgres.sh start)"
#   (and scripts/postgres.sh stop DIR after)
# Environment:
#   BENCH_POSTGRES=url     admin URL whose role may CREATE DATABASE (default: $PLATFORM_TEST_POSTGRES)
#   BENCH_PARTS="copy lagesbild"   which parts to run (default both)
#   BENCH_BIN=path         use this platform-cli binary instead of building one
#   BENCH_COPY_RUNS=n      rounds of (a); the summary shows the median seconds (default 3)
#   BENCH_COPY_INTENSITY=x event-rate multiplier of the simulated (a) file (default 290: ~1M rows)
#   BENCH_RUNS=n           timed rounds of (b) (default 15)
#   BENCH_INTENSITY=x      event-rate multiplier of (b)'s simulated reports (default 1, as lagesbild.sh)
#   BENCH_KEEP=1           keep the temporary directory
# The figures depend on the cluster's settings, printed with them: scripts/postgres.sh turns fsync off
# unless PLATFORM_POSTGRES_FSYNC=on.
set -euo pipefail

# Relative paths are taken from where the script was started, before it moves to the repository root.
if [[ -n "${BENCH_BIN:-}" && $BENCH_BIN != /* ]]; then BENCH_BIN="$PWD/$BENCH_BIN"; fi
CSV_GIVEN=${1:-}
if [[ -n $CSV_GIVEN && $CSV_GIVEN != /* ]]; then CSV_GIVEN="$PWD/$CSV_GIVEN"; fi
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$(pwd)

ADMIN_URL=${BENCH_POSTGRES:-${PLATFORM_TEST_POSTGRES:-}}
PARTS=${BENCH_PARTS:-copy lagesbild}
COPY_RUNS=${BENCH_COPY_RUNS:-3}
COPY_INTENSITY=${BENCH_COPY_INTENSITY:-290}
RUNS=${BENCH_RUNS:-15}
printf '%s\n' "$PARTS" | grep -Eq '^ *(copy|lagesbild)( +(copy|lagesbild))* *$' \
    || { echo "BENCH_PARTS must name copy, lagesbild or both, not '$PARTS'" >&2; exit 2; }
[[ -n $ADMIN_URL ]] || { echo "no PostgreSQL: set BENCH_POSTGRES or PLATFORM_TEST_POSTGRES (eval \"\$(scripts/postgres.sh start)\")" >&2; exit 2; }
[[ -z $CSV_GIVEN || -r $CSV_GIVEN ]] || { echo "cannot read $CSV_GIVEN" >&2; exit 2; }
command -v psql >/dev/null || { echo "psql is missing (apt-get install postgresql-client)" >&2; exit 1; }
# postgres://ROLE@HOST/DATABASE?QUERY: the same server and role, another database.
[[ $ADMIN_URL =~ ^(postgres(ql)?://[^/]*)/[^?]*(\?.*)?$ ]] || { echo "not a postgres:// URL: $ADMIN_URL" >&2; exit 2; }
URL_SERVER=${BASH_REMATCH[1]}
URL_QUERY=${BASH_REMATCH[3]}
# db_url NAME: the URL of the database NAME on the admin URL's server, as its role.
db_url() { printf '%s/%s%s' "$URL_SERVER" "$1" "$URL_QUERY"; }
DB="bench_floor_$$"        # the floors' tables
DB_URL=$(db_url "$DB")

. "$ROOT/Benchmarks/common.sh" postgres-bench
. "$ROOT/Benchmarks/ten-kommuner.sh"

# psql_in URL ARGS...: psql with no ~/.psqlrc, stopping at the first error, quiet.
psql_in() { local url=$1; shift; psql --no-psqlrc --quiet --set=ON_ERROR_STOP=1 --dbname="$url" "$@"; }
# value QUERY: one value from the benchmark's database.
value() { psql_in "$DB_URL" --no-align --tuples-only --command="$1"; }
# store_rows URL: the reports rows of a platform store (its row-level security lets app.kommun '*' read all).
store_rows() { psql_in "$1" --no-align --tuples-only --command="SET app.kommun = '*'; SELECT count(*) FROM reports"; }

# create_database NAME / drop_database NAME: every database made is dropped at exit.
DATABASES=()
create_database() { psql_in "$ADMIN_URL" --command="CREATE DATABASE $1"; DATABASES+=("$1"); }
drop_database() { psql_in "$ADMIN_URL" --command="SET client_min_messages = warning" --command="DROP DATABASE IF EXISTS $1" || log "could not drop the database $1"; }
drop_databases() { local name; for name in "${DATABASES[@]}"; do drop_database "$name"; done; }
trap 'drop_databases; cleanup' EXIT
create_database "$DB"

log "platform-cli: $BIN"
log "temporary data: $WORK; database $DB"
LOAD_AT_START=$(cut -d' ' -f1-3 /proc/loadavg)
log "load average at start: $LOAD_AT_START"

SERVER="$(value "SELECT version()" | cut -d' ' -f1-2); fsync $(value "SHOW fsync"), synchronous_commit $(value "SHOW synchronous_commit"), shared_buffers $(value "SHOW shared_buffers"), collation $(value "SELECT datcollate FROM pg_database WHERE datname = current_database()")"
log "server: $SERVER"

# median FILE [DECIMALS]: the median of the numbers in FILE (one a line); of an even count, the mean of the
# middle two with DECIMALS decimals (default 2).
median() { sort -n "$1" | awk -v d="${2:-2}" '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.*f\n", d, (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
minof() { sort -n "$1" | head -1; }
maxof() { sort -n "$1" | tail -1; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }
rate() { awk -v n="$1" -v s="$2" 'BEGIN { if (s > 0) printf "%.0f", n / s; else print "n/a" }'; }
mb() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }

declare -a REPORT=()

# --- (a) psql \copy ------------------------------------------------------------------------------------
if [[ " $PARTS " == *" copy "* ]]; then
    if [[ -n $CSV_GIVEN ]]; then
        csv=$CSV_GIVEN
        made="given: $CSV_GIVEN"
    else
        # Benchmarks/ingest.sh's largest file.
        csv="$WORK/reports.csv"
        "$BIN" simulate lysekil --from 2025-01-01 --to 2026-10-31 --seed 2026 --intensity "$COPY_INTENSITY" --out "$csv"
        made="simulate lysekil --from 2025-01-01 --to 2026-10-31 --seed 2026 --intensity $COPY_INTENSITY"
    fi
    COPY_ROWS=$(( $(wc -l < "$csv") - 1 ))   # one header line; the simulator writes no quoted newlines
    bytes=$(stat -c %s "$csv")
    log "(a) $made: $COPY_ROWS rows, $(mb $((bytes / 1024))) MB"
    COLUMNS_SQL="date text, time text, reporter text, area text, indicator text, value text, place text, lat text, lon text, note text, id text"
    # pg_copy KIND(bare|indexed): a new table, then the timed \copy into it, checked; appends the seconds to
    # $WORK/KIND.sec and logs them.
    pg_copy() {
        local kind=$1 run=$2 schema="SET client_min_messages = warning; DROP TABLE IF EXISTS reports; CREATE TABLE reports ($COLUMNS_SQL);" stored sec
        if [[ $kind == indexed ]]; then
            schema+=" CREATE UNIQUE INDEX reports_by_ref ON reports (reporter, id); CREATE INDEX reports_by_date ON reports (date);"
        fi
        psql_in "$DB_URL" --command="$schema"
        /usr/bin/time -f "%e" -o "$WORK/t-$kind" \
            psql --no-psqlrc --quiet --set=ON_ERROR_STOP=1 --dbname="$DB_URL" \
            --command="\\copy reports FROM '$csv' WITH (FORMAT csv, HEADER true)"
        stored=$(value "SELECT count(*) FROM reports")
        [[ $stored == "$COPY_ROWS" ]] || { log "\\copy ($kind) stored $stored rows of $COPY_ROWS"; exit 1; }
        sec=$(tail -1 "$WORK/t-$kind")
        echo "$sec" >> "$WORK/$kind.sec"
        log "(a) run $run/$COPY_RUNS (load $(cut -d' ' -f1 /proc/loadavg)): psql \\copy, $kind table: $sec s ($(rate "$COPY_ROWS" "$sec") rows/s)"
    }
    # platform_ingest RUN: `platform-cli ingest` of the same file into a new database, timed, checked; appends
    # the seconds to $WORK/platform.sec; the database is dropped after.
    platform_ingest() {
        local run=$1 name="bench_ingest_$$_$1" url stored sec
        url=$(db_url "$name")
        create_database "$name"
        /usr/bin/time -f "%e %M" -o "$WORK/t-platform" "$BIN" ingest lysekil "$csv" --store "$url" > "$WORK/ingest.out"
        stored=$(store_rows "$url")
        [[ $stored == "$COPY_ROWS" ]] || { log "platform-cli ingest stored $stored rows of $COPY_ROWS: $(cat "$WORK/ingest.out")"; exit 1; }
        read -r sec PLATFORM_KB < "$WORK/t-platform"
        echo "$sec" >> "$WORK/platform.sec"
        log "(a) run $run/$COPY_RUNS (load $(cut -d' ' -f1 /proc/loadavg)): platform-cli ingest, new database: $sec s ($(rate "$COPY_ROWS" "$sec") rows/s, peak $(mb "$PLATFORM_KB") MB)"
        store_shaped_copy "$url" "$run"
        drop_database "$name"
    }
    # store_shaped_copy URL RUN: the best any COPY of these rows into the store's shape can do: `psql \copy` of
    # the rows the platform stored (every column, exported once) into a new table LIKE reports INCLUDING ALL (its
    # columns, defaults, keys and indexes; no row-level security, triggers or foreign keys, which COPY into
    # reports itself would have to pass), in the platform's database, timed and checked; appends the seconds to
    # $WORK/store.sec.
    store_shaped_copy() {
        local url=$1 run=$2 stored sec
        if [[ ! -s $WORK/store-rows.csv ]]; then
            psql_in "$url" --command="SET app.kommun = '*'" \
                --command="\\copy (SELECT * FROM reports ORDER BY id) TO '$WORK/store-rows.csv' WITH (FORMAT csv)"
        fi
        psql_in "$url" --command="CREATE TABLE reports_floor (LIKE reports INCLUDING ALL)"
        /usr/bin/time -f "%e" -o "$WORK/t-store" \
            psql --no-psqlrc --quiet --set=ON_ERROR_STOP=1 --dbname="$url" \
            --command="\\copy reports_floor FROM '$WORK/store-rows.csv' WITH (FORMAT csv)"
        stored=$(psql_in "$url" --no-align --tuples-only --command="SELECT count(*) FROM reports_floor")
        [[ $stored == "$COPY_ROWS" ]] || { log "\\copy (store-shaped) stored $stored rows of $COPY_ROWS"; exit 1; }
        sec=$(tail -1 "$WORK/t-store")
        echo "$sec" >> "$WORK/store.sec"
        log "(a) run $run/$COPY_RUNS (load $(cut -d' ' -f1 /proc/loadavg)): psql \\copy, store-shaped table: $sec s ($(rate "$COPY_ROWS" "$sec") rows/s)"
    }
    rm -f "$WORK/bare.sec" "$WORK/indexed.sec" "$WORK/platform.sec" "$WORK/store.sec" "$WORK/store-rows.csv"
    for run in $(seq 1 "$COPY_RUNS"); do
        platform_ingest "$run"
        pg_copy bare "$run"
        pg_copy indexed "$run"
    done
    INGEST_SAID=$(sed "s#$WORK/##" "$WORK/ingest.out" | tr '\n' ' ')
    paste "$WORK/platform.sec" "$WORK/indexed.sec" | awk '{ printf "%.3f\n", ($2 > 0 ? $1 / $2 : 0) }' > "$WORK/round-ratio.ingest"
    paste "$WORK/platform.sec" "$WORK/store.sec" | awk '{ printf "%.3f\n", ($2 > 0 ? $1 / $2 : 0) }' > "$WORK/round-ratio.store"
    paste "$WORK/store.sec" "$WORK/indexed.sec" | awk '{ printf "%.3f\n", ($2 > 0 ? $1 / $2 : 0) }' > "$WORK/round-ratio.shape"
    TABLE_MB=$(value "SELECT round(pg_total_relation_size('reports') / 1048576.0, 1)")
    psql_in "$DB_URL" --command="DROP TABLE reports"
    [[ -n $CSV_GIVEN ]] || rm -f "$csv"
    p_sec=$(median "$WORK/platform.sec"); b_sec=$(median "$WORK/bare.sec"); i_sec=$(median "$WORK/indexed.sec"); s_sec=$(median "$WORK/store.sec")
    ingest_ratio=$(median "$WORK/round-ratio.ingest" | awk '{ printf "%.2f", $1 }')
    ingest_ok=$(awk -v r="$ingest_ratio" 'BEGIN { print (r <= 1.5 ? "yes" : "no") }')
    REPORT+=("" "$(printf '## (a) Ingest of a report CSV: platform-cli into a new database, psql \\copy into a new table (whole process; median wall seconds of %s interleaved rounds; /usr/bin/time)' "$COPY_RUNS")" "")
    REPORT+=("File: $made; $COPY_ROWS rows, $(mb $((bytes / 1024))) MB; platform-cli said: $INGEST_SAID")
    REPORT+=("")
    REPORT+=("| measurement | s | rows/s | runs ranged |")
    REPORT+=("|---|---:|---:|---:|")
    REPORT+=("$(printf '| platform-cli ingest lysekil, new database (migrations included) | %s | %s | %s–%s |' "$p_sec" "$(rate "$COPY_ROWS" "$p_sec")" "$(minof "$WORK/platform.sec")" "$(maxof "$WORK/platform.sec")")")
    REPORT+=("$(printf '| psql \\copy, bare table | %s | %s | %s–%s |' "$b_sec" "$(rate "$COPY_ROWS" "$b_sec")" "$(minof "$WORK/bare.sec")" "$(maxof "$WORK/bare.sec")")")
    REPORT+=("$(printf '| psql \\copy, indexed table (%s MB with indexes) | %s | %s | %s–%s |' "$TABLE_MB" "$i_sec" "$(rate "$COPY_ROWS" "$i_sec")" "$(minof "$WORK/indexed.sec")" "$(maxof "$WORK/indexed.sec")")")
    REPORT+=("$(printf '| psql \\copy of the stored rows (every column) into a table LIKE reports INCLUDING ALL, without RLS or triggers | %s | %s | %s–%s |' "$s_sec" "$(rate "$COPY_ROWS" "$s_sec")" "$(minof "$WORK/store.sec")" "$(maxof "$WORK/store.sec")")")
    REPORT+=("")
    REPORT+=("store-shaped \\copy / indexed \\copy (what the stored row's shape alone costs): $(median "$WORK/round-ratio.shape" | awk '{ printf "%.2f", $1 }') (median of the per-round ratios); platform / store-shaped \\copy: $(median "$WORK/round-ratio.store" | awk '{ printf "%.2f", $1 }')")
    REPORT+=("platform / indexed \\copy: $ingest_ratio (median of the per-round ratios; they ranged $(minof "$WORK/round-ratio.ingest" | awk '{ printf "%.2f", $1 }')–$(maxof "$WORK/round-ratio.ingest" | awk '{ printf "%.2f", $1 }')); ratio of the medians $(ratio "$p_sec" "$i_sec"); platform / bare \\copy $(ratio "$p_sec" "$b_sec"); platform peak RSS $(mb "$PLATFORM_KB") MB (last run)")
    REPORT+=("Target (issue): the platform's ingest into PostgreSQL within 1.5x of the indexed \\copy: $ingest_ok ($ingest_ratio)")
fi

# --- (b) the lägesbild's aggregation as one query --------------------------------------------------------
if [[ " $PARTS " == *" lagesbild "* ]]; then
    make_ten_kommuner
    "$BIN" lagesbild --all --period "$PERIOD" --format csv --out "$OUT" --store "$STORE" --municipalities "$MUNI" >/dev/null 2>"$WORK/batch.err" \
        || { cat "$WORK/batch.err" >&2; exit 1; }

    # The same store in PostgreSQL: `store copy` into a new database; the batch on it must write the same bytes.
    STORE_DB="bench_store_$$"
    STORE_URL=$(db_url "$STORE_DB")
    create_database "$STORE_DB"
    "$BIN" store copy --from "$STORE" --to "$STORE_URL" > "$WORK/copy.out" || { cat "$WORK/copy.out" >&2; exit 1; }
    log "(b) store copy: $(tail -1 "$WORK/copy.out")"
    copied=$(store_rows "$STORE_URL")
    [[ $copied == "$ROWS" ]] || { log "the PostgreSQL store holds $copied of the SQLite store's $ROWS rows"; exit 1; }
    psql_in "$STORE_URL" --command="SET client_min_messages = error; ANALYZE"   # (the catalog's shared tables are the superuser's)
    PG_OUT="$WORK/out-postgres"
    mkdir -p "$PG_OUT"
    "$BIN" lagesbild --all --period "$PERIOD" --format csv --out "$PG_OUT" --store "$STORE_URL" --municipalities "$MUNI" >/dev/null 2>"$WORK/batch.err" \
        || { cat "$WORK/batch.err" >&2; exit 1; }
    diff -r "$OUT" "$PG_OUT" >&2 || { log "the batch's CSV files on PostgreSQL differ from those on SQLite"; exit 1; }
    BATCH_FILES=$(find "$PG_OUT" -type f | wc -l)
    (( BATCH_FILES == ${#KOMMUNER[@]} )) || { log "the batch wrote $BATCH_FILES files, not ${#KOMMUNER[@]}"; exit 1; }
    log "(b) checked: the batch on PostgreSQL wrote $BATCH_FILES CSV files byte-identical to the batch on SQLite"
    PG_STORE_MB=$(psql_in "$STORE_URL" --no-align --tuples-only --command="SELECT round(pg_database_size(current_database()) / 1048576.0, 1)")

    # The store's reports table, every column with its type and NOT NULL, and its keys and index.
    create=$(sqlite3 "$STORE" "SELECT group_concat(name || ' ' || CASE upper(type) WHEN 'INTEGER' THEN 'bigint'
        WHEN 'REAL' THEN 'double precision' ELSE 'text' END || CASE WHEN \"notnull\" THEN ' NOT NULL' ELSE '' END
        || CASE WHEN pk THEN ' PRIMARY KEY' ELSE '' END, ', ') FROM pragma_table_info('reports')")
    columns=$(sqlite3 "$STORE" "SELECT group_concat(name, ', ') FROM pragma_table_info('reports')")
    psql_in "$DB_URL" --command="CREATE TABLE reports ($create, UNIQUE (kommun, reporter, ref)); CREATE INDEX reports_by_date ON reports (kommun, date);"
    # NULL as \N, so that an empty text stays an empty text.
    sqlite3 -csv -nullvalue '\N' "$STORE" "SELECT $columns FROM reports" > "$WORK/reports-store.csv"
    psql_in "$DB_URL" --command="\\copy reports ($columns) FROM '$WORK/reports-store.csv' WITH (FORMAT csv, NULL '\\N')"
    psql_in "$DB_URL" --command="ANALYZE reports"
    rm -f "$WORK/reports-store.csv"
    loaded=$(value "SELECT count(*) FROM reports")
    [[ $loaded == "$ROWS" ]] || { log "PostgreSQL holds $loaded of the store's $ROWS rows"; exit 1; }
    PG_TABLE_MB=$(value "SELECT round(pg_total_relation_size('reports') / 1048576.0, 1)")
    WEEK_ROWS=$(value "SELECT count(*) FROM reports WHERE date BETWEEN '$BASELINE_START' AND '$WEEK_END' OR date BETWEEN '$LAST_YEAR_START' AND '$LAST_YEAR_END'")

    # lagesbild.sh's query in PostgreSQL's SQL (Benchmarks/ten-kommuner.sh).
    SQL_SCAN="$WORK/query-scan.sql"
    SQL="$WORK/query.sql"
    lagesbild_sql postgres > "$SQL_SCAN"
    lagesbild_sql postgres "kommun IN ($IN_LIST) AND " > "$SQL"

    psql_in "$DB_URL" --csv --tuples-only --file="$SQL" > "$WORK/pg.csv"
    check_sql_cells "$WORK/pg.csv" "PostgreSQL's query"
    cmp -s "$WORK/pg.csv" <(psql_in "$DB_URL" --csv --tuples-only --file="$SQL_SCAN") || { log "the two PostgreSQL queries differ"; exit 1; }
    PLAN=$(psql_in "$DB_URL" --no-align --tuples-only --command="EXPLAIN $(cat "$SQL")" | grep -Eo 'Index Only Scan|Index Scan|Bitmap Index Scan|Seq Scan' | sort | uniq -c | awk '{ printf "%s%s %s", sep, $1, substr($0, index($0, $2)); sep = ", " }')

    # Bash's `time` around the whole psql process (wall %R, CPU %U + %S); psql's \timing gives the query's
    # own round trip, which the query's output ends with ("Time: 12.345 ms").
    ERR="$WORK/commands.err"
    run_sql()      { psql_in "$DB_URL" --csv --tuples-only --file="$SQL" >/dev/null 2>>"$ERR"; }
    run_sql_scan() { psql_in "$DB_URL" --csv --tuples-only --file="$SQL_SCAN" >/dev/null 2>>"$ERR"; }
    run_connect()  { psql_in "$DB_URL" --tuples-only --command="SELECT 1" >/dev/null 2>>"$ERR"; }
    run_batch_pg() { "$BIN" lagesbild --all --period "$PERIOD" --format csv --out "$PG_OUT" --store "$STORE_URL" --municipalities "$MUNI" >/dev/null 2>>"$ERR"; }
    run_batch_sqlite() { "$BIN" lagesbild --all --period "$PERIOD" --format csv --out "$OUT" --store "$STORE" --municipalities "$MUNI" >/dev/null 2>>"$ERR"; }
    NAMES=(batch_pg sql sql_scan connect batch_sqlite)
    declare -A LABEL=(
        [batch_pg]="platform batch on PostgreSQL: lagesbild --all (10 kommuner), --format csv"
        [batch_sqlite]="(reference) the same batch on the SQLite store"
        [sql]="bare SQL: psql, one query (kommun IN list)"
        [sql_scan]="(reference) the same SQL without the kommun list"
        [connect]="(reference) psql start and connection: SELECT 1"
    )
    # query_ms: the query's own time by psql's \timing, appended to $WORK/query.ms and printed as "query MS".
    query_ms() {
        psql --no-psqlrc --quiet --set=ON_ERROR_STOP=1 --dbname="$DB_URL" --csv --tuples-only \
            --command='\timing on' --file="$SQL" | sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p' | tail -1 >> "$WORK/query.ms"
        printf 'query %s' "$(tail -1 "$WORK/query.ms")"
    }
    for name in "${NAMES[@]}"; do "run_$name"; done   # warm-up: page cache, plans, dynamic loader
    time_rounds query_ms
    diff -r "$OUT" "$PG_OUT" >&2 || { log "the timed batches' CSV files differ"; exit 1; }
    # The batch / query ratio of each round (measured within a second of each other), and their median.
    paste "$WORK/batch_pg.ms" "$WORK/sql.ms" | awk '{ printf "%.3f\n", $1 / $2 }' > "$WORK/round-ratio.wall"
    paste "$WORK/batch_pg.cpu" "$WORK/sql.cpu" | awk '{ printf "%.3f\n", ($2 > 0 ? $1 / $2 : 0) }' > "$WORK/round-ratio.cpu"
    batch_ratio=$(median "$WORK/round-ratio.wall" | awk '{ printf "%.2f", $1 }')
    batch_cpu_ratio=$(median "$WORK/round-ratio.cpu" | awk '{ printf "%.2f", $1 }')
    batch_ok=$(awk -v r="$batch_ratio" 'BEGIN { print (r <= 2 ? "yes" : "no") }')

    REPORT+=("" "$(printf '## (b) Lägesbild %s: the platform'"'"'s 10-kommun batch on PostgreSQL and the same aggregation as one query in psql (whole process; medians of %s interleaved runs; bash time)' "$PERIOD" "$RUNS")" "")
    REPORT+=("Store: Benchmarks/lagesbild.sh's, $ROWS report rows of ${#KOMMUNER[@]} kommuner ($FROM .. $TO), copied by store copy into a database of $PG_STORE_MB MB; the batch's $BATCH_FILES CSV files byte-identical to the batch's on SQLite")
    REPORT+=("Query's table: the store's reports, $PG_TABLE_MB MB with indexes; $WEEK_ROWS rows in the weeks the SQL reads")
    REPORT+=("Cells: $CSV_CELLS in the 10 CSV files, $SQL_CELLS with reports (the query's result, checked against the CSV)")
    REPORT+=("Plan: $PLAN")
    REPORT+=("")
    REPORT+=("| measurement | wall ms | wall runs ranged | CPU ms (user+sys) |")
    REPORT+=("|---|---:|---:|---:|")
    for name in "${NAMES[@]}"; do
        REPORT+=("$(printf '| %s | %s | %s–%s | %s |' "${LABEL[$name]}" "$(median "$WORK/$name.ms" 1)" \
            "$(minof "$WORK/$name.ms")" "$(maxof "$WORK/$name.ms")" "$(median "$WORK/$name.cpu" 1)")")
    done
    REPORT+=("$(printf '| the query alone (psql \\timing: no start, no connection) | %s | %s–%s | |' "$(median "$WORK/query.ms" 3)" \
        "$(minof "$WORK/query.ms")" "$(maxof "$WORK/query.ms")")")
    REPORT+=("")
    REPORT+=("batch on PostgreSQL / bare SQL: $batch_ratio wall, $batch_cpu_ratio CPU of the measured process (median of the per-round ratios; wall ranged $(minof "$WORK/round-ratio.wall" | awk '{ printf "%.2f", $1 }')–$(maxof "$WORK/round-ratio.wall" | awk '{ printf "%.2f", $1 }')); ratios of the medians $(ratio "$(median "$WORK/batch_pg.ms" 1)" "$(median "$WORK/sql.ms" 1)") wall, $(ratio "$(median "$WORK/batch_pg.cpu" 1)" "$(median "$WORK/sql.cpu" 1)") CPU; batch on PostgreSQL / on SQLite $(ratio "$(median "$WORK/batch_pg.ms" 1)" "$(median "$WORK/batch_sqlite.ms" 1)") wall")
    REPORT+=("(CPU counts the measured process only: the PostgreSQL server's work for either is not in it.)")
    REPORT+=("Target (issue): the platform's 10-kommun batch lägesbild on PostgreSQL within 2x of the bare SQL: $batch_ok ($batch_ratio wall)")
    REPORT+=("Load average before timing: $LOAD_START, after: $LOAD_END")
fi

printf '%s\n' "${REPORT[@]}"
printf '\nServer: %s (%s)\n' "$SERVER" "$(psql --version)"
printf 'Machine: %s cores (nproc), %s, %s; %s\n' "$(nproc)" \
    "$(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)" \
    "$(awk '/MemTotal/ { printf "%.1f GB RAM", $2 / 1048576 }' /proc/meminfo)" "$(uname -sr)"
printf 'Date: %s; load average at start: %s, at end: %s\n' "$(date -u '+%Y-%m-%d %H:%M UTC')" "$LOAD_AT_START" "$(cut -d' ' -f1-3 /proc/loadavg)"
printf 'platform-cli: %s\n' "$BIN"
printf 'Commit: %s%s\n' "$COMMIT" "${BENCH_BIN:+ (but BENCH_BIN=$BENCH_BIN was measured)}"
printf 'Reproduce: eval "$(PLATFORM_POSTGRES_FSYNC=on scripts/postgres.sh start)"; Benchmarks/postgres.sh\n'
