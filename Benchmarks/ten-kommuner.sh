# Sourced by the lägesbild benchmarks (Benchmarks/lagesbild.sh, Benchmarks/postgres.sh) after
# common.sh: the week they compile and the weeks its SQL reads, `make_ten_kommuner` (ten kommuner with five
# years of simulated reports in one SQLite store), `lagesbild_sql` (the bare SQL, for SQLite or PostgreSQL),
# `check_sql_cells` (a bare SQL's result against the platform's batch CSV) and `measure` (one timed run).

# Five years up to 2026-11-22 (`simulate` refuses days after today, so this needs a clock past that date).
FROM=2021-11-22
TO=2026-11-22
PERIOD=2026-W46          # Mon 2026-11-09 .. Sun 2026-11-15
INTENSITY=${BENCH_INTENSITY:-1}
# The weeks the SQL needs: baseline 2026-W38 (from 2026-09-14) .. W45, previous W45, this week W46
# (ends 2026-11-15), and the same week last year, 2025-W46 (2025-11-10 .. 2025-11-16).
BASELINE_START=2026-09-14
WEEK_END=2026-11-15
LAST_YEAR_START=2025-11-10
LAST_YEAR_END=2025-11-16

# copy_kommun (one shipped kommun file as a kommun of its own) is Benchmarks/kommuner.sh's.
. "$ROOT/Benchmarks/kommuner.sh"

# make_ten_kommuner: in $WORK, the kommun files $MUNI (lysekil-01..05, tranemo-01..05: copies of
# municipalities/lysekil.yaml and tranemo.yaml with kommun.id and name changed), and the store $STORE with
# `platform-cli simulate ID --from $FROM --to $TO --seed N` of each ingested. Sets MUNI, STORE, OUT (an empty
# folder for lägesbilder), KOMMUNER, ROWS (rows simulated and stored) and IN_LIST ('lysekil-01',… for SQL).
make_ten_kommuner() {
    MUNI="$WORK/municipalities"
    STORE="$WORK/store.sqlite"
    OUT="$WORK/out"
    mkdir -p "$MUNI" "$OUT"
    KOMMUNER=()
    local base i id
    for base in lysekil tranemo; do
        for i in 01 02 03 04 05; do
            copy_kommun "$base" "$i" "$MUNI"
            KOMMUNER+=("$base-$i")
        done
    done
    "$BIN" validate "$MUNI" > "$WORK/validate.out" || { cat "$WORK/validate.out" >&2; exit 1; }
    local listed
    listed=$("$BIN" kommuner --municipalities "$MUNI" | tail -n +2 | wc -l)
    [[ $listed == "${#KOMMUNER[@]}" ]] || { log "platform-cli kommuner lists $listed kommuner, not ${#KOMMUNER[@]}"; exit 1; }

    # 5 years of reports each, into one store.
    local seed=0 csv rows stored
    ROWS=0
    for id in "${KOMMUNER[@]}"; do
        seed=$((seed + 1))
        csv="$WORK/$id.csv"
        "$BIN" simulate "$id" --from "$FROM" --to "$TO" --seed "$seed" --intensity "$INTENSITY" --out "$csv" --municipalities "$MUNI"
        rows=$(( $(wc -l < "$csv") - 1 ))   # the simulator writes no quoted newlines
        ROWS=$((ROWS + rows))
        "$BIN" ingest "$id" "$csv" --store "$STORE" --municipalities "$MUNI" > "$WORK/ingest.out"
        log "$id: seed $seed, $rows rows: $(sed "s#$WORK/##" "$WORK/ingest.out")"
        rm -f "$csv"
    done
    stored=$(sqlite3 "$STORE" "SELECT count(*) FROM reports")
    [[ $stored == "$ROWS" ]] || { log "the store holds $stored rows of $ROWS simulated"; exit 1; }
    sqlite3 "$STORE" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
    IN_LIST=$(printf "'%s'," "${KOMMUNER[@]}"); IN_LIST=${IN_LIST%,}
}

# check_sql_cells FILE NAME: FILE holds a bare SQL's result as CSV rows (kommun, area, indicator, value,
# previous, last_year, baseline) and NAME names the SQL in messages. Every cell it returns must match the
# platform's batch CSV for $PERIOD in $OUT (compiled before; "2.0" = "2"), and every CSV cell the SQL does not
# return must be all zeros (no reports); exits 1 otherwise. Sets SQL_CELLS and CSV_CELLS.
check_sql_cells() {
    local file=$1 name=$2 id missing extra
    for id in "${KOMMUNER[@]}"; do [[ -s $OUT/$id-$PERIOD.csv ]] || { log "no $OUT/$id-$PERIOD.csv"; exit 1; }; done
    awk -F, -v OFS=, '{ print $1, $2, $3, $4 + 0, $5 + 0, $6 + 0, $7 + 0 }' "$file" | sort > "$WORK/sql.cells"
    for id in "${KOMMUNER[@]}"; do tail -n +2 "$OUT/$id-$PERIOD.csv"; done |
        awk -F, -v OFS=, '{ print $1, $3, $5, $7 + 0, $8 + 0, $9 + 0, $10 + 0 }' | sort > "$WORK/csv.cells"
    SQL_CELLS=$(wc -l < "$WORK/sql.cells")
    CSV_CELLS=$(wc -l < "$WORK/csv.cells")
    missing=$(comm -13 "$WORK/csv.cells" "$WORK/sql.cells" | wc -l)
    extra=$(comm -23 "$WORK/csv.cells" "$WORK/sql.cells" | awk -F, '!($4 == 0 && $5 == 0 && $6 == 0 && $7 == 0)' | wc -l)
    if (( missing > 0 || extra > 0 || SQL_CELLS == 0 )); then
        log "$name and the platform's CSV differ ($missing SQL cells not in the CSV, $extra non-zero CSV cells not in the SQL):"
        comm -3 "$WORK/csv.cells" "$WORK/sql.cells" | head -20 >&2
        exit 1
    fi
    log "checked: $name's $SQL_CELLS cells with reports equal the batch CSV's ($CSV_CELLS cells in all, the rest zero)"
}

# lagesbild_sql sqlite|postgres [FILTER]: the bare SQL, one query computing for every kommun × area × indicator
# with reports in $PERIOD the numbers the batch's CSV has (value, previous week, the same week last year,
# baseline = mean of the 8 weeks before), in SQLite's or PostgreSQL's dialect. FILTER (e.g. "kommun IN (…) AND ")
# goes before the date condition of both reads. Weeks are 7-day buckets from the baseline's first Monday:
# 0..7 are 2026-W38..W45 (7 is the previous week), 8 is this week; -1 is the same week last year. Counts are
# summed per week, the level indicator otrygg-plats takes the week's highest answer (as
# LagesbildCommandTests.csvMatchesAnIndependentSQLAggregation).
lagesbild_sql() {
    local bucket sum_open sum_close filter=${2:-}
    case $1 in
        # SQLite's TOTAL() is 0.0 for no rows; a julianday difference is in days.
        sqlite) bucket="CAST((julianday(date) - julianday('$BASELINE_START')) / 7 AS INTEGER)"; sum_open="TOTAL("; sum_close=")" ;;
        postgres) bucket="(date::date - DATE '$BASELINE_START') / 7"; sum_open="COALESCE(SUM("; sum_close="), 0)" ;;
        *) log "lagesbild_sql: unknown dialect $1"; exit 1 ;;
    esac
    cat <<EOF
WITH weekly AS (
  SELECT kommun, area, indicator,
         $bucket AS bucket,
         CASE WHEN indicator = 'otrygg-plats' THEN MAX(value) ELSE SUM(value) END AS v
  FROM reports WHERE ${filter}date BETWEEN '$BASELINE_START' AND '$WEEK_END'
  GROUP BY kommun, area, indicator, bucket
  UNION ALL
  SELECT kommun, area, indicator, -1,
         CASE WHEN indicator = 'otrygg-plats' THEN MAX(value) ELSE SUM(value) END
  FROM reports WHERE ${filter}date BETWEEN '$LAST_YEAR_START' AND '$LAST_YEAR_END'
  GROUP BY kommun, area, indicator)
SELECT kommun, area, indicator,
       ${sum_open}CASE WHEN bucket = 8 THEN v END${sum_close} AS value,
       ${sum_open}CASE WHEN bucket = 7 THEN v END${sum_close} AS previous,
       ${sum_open}CASE WHEN bucket = -1 THEN v END${sum_close} AS last_year,
       ROUND(${sum_open}CASE WHEN bucket BETWEEN 0 AND 7 THEN v END${sum_close} / 8.0, 2) AS baseline
FROM weekly GROUP BY kommun, area, indicator ORDER BY kommun, area, indicator;
EOF
}

# measure NAME: one run of the function run_NAME under bash's `time`: wall (%R) and the child's CPU, user + sys
# (%U %S), in ms; CPU time hardly depends on what else the machine runs, wall time does. Appends wall ms to
# $WORK/NAME.ms and CPU ms to $WORK/NAME.cpu; prints "wall/cpu".
measure() {
    local real user sys TIMEFORMAT='%3R %3U %3S'
    { time "run_$1"; } 2> "$WORK/time.out"
    read -r real user sys < "$WORK/time.out"
    awk -v r="$real" 'BEGIN { printf "%.1f\n", r * 1000 }' >> "$WORK/$1.ms"
    awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.1f\n", (u + s) * 1000 }' >> "$WORK/$1.cpu"
    printf '%s/%s' "$(tail -1 "$WORK/$1.ms")" "$(tail -1 "$WORK/$1.cpu")"
}

# time_rounds [AFTER]: $RUNS interleaved rounds of `measure NAME` for each of ${NAMES[@]} (their earlier figures
# in $WORK removed), a log line a round with the load average; AFTER, when given, is a command run after each
# round, whose output ends that round's line. Sets LOAD_START and LOAD_END.
time_rounds() {
    local after=${1:-} run name line
    LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
    log "timing $RUNS interleaved rounds (load average $LOAD_START); wall/CPU ms"
    rm -f "$WORK"/*.ms "$WORK"/*.cpu
    for run in $(seq 1 "$RUNS"); do
        line="round $run/$RUNS (load $(cut -d' ' -f1 /proc/loadavg)):"
        for name in "${NAMES[@]}"; do line+=" $name $(measure "$name")"; done
        [[ -z $after ]] || line+=" $("$after")"
        log "$line"
    done
    LOAD_END=$(cut -d' ' -f1-3 /proc/loadavg)
}
