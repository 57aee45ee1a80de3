# Sourced by the lägesbild benchmarks (Benchmarks/lagesbild.sh, Benchmarks/postgres-floor.sh) after
# common.sh: the week they compile and the weeks its SQL reads, `make_ten_kommuner` (ten kommuner with five
# years of simulated reports in one SQLite store) and `check_sql_cells` (a bare SQL's result against the
# platform's batch CSV).

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

# make_ten_kommuner: in $WORK, the kommun files $MUNI (lysekil-01..05, tranemo-01..05: copies of
# municipalities/lysekil.yaml and tranemo.yaml with kommun.id and name changed), and the store $STORE with
# `platform-cli simulate ID --from $FROM --to $TO --seed N` of each ingested. Sets MUNI, STORE, OUT (an empty
# folder for lägesbilder), KOMMUNER, ROWS (rows simulated and stored) and IN_LIST ('lysekil-01',… for SQL).
make_ten_kommuner() {
    MUNI="$WORK/municipalities"
    STORE="$WORK/store.sqlite"
    OUT="$WORK/out"
    mkdir -p "$MUNI" "$OUT"
    # Only the `  id:` and `  name:` lines of the top-level `kommun:` mapping change.
    KOMMUNER=()
    local base i id
    for base in lysekil tranemo; do
        for i in 01 02 03 04 05; do
            id="$base-$i"
            sed -e "/^kommun:/,/^[^ #]/ s/^  id: $base\$/  id: $id/" \
                -e "/^kommun:/,/^[^ #]/ s/^  name: \(.*\)\$/  name: \1 $i/" \
                "municipalities/$base.yaml" > "$MUNI/$id.yaml"
            grep -q "^  id: $id\$" "$MUNI/$id.yaml" || { log "could not set kommun.id in $MUNI/$id.yaml"; exit 1; }
            KOMMUNER+=("$id")
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
