#!/usr/bin/env bash
# Two servers on one store (issue 14, item 7: API submissions per second with two servers on one PostgreSQL).
#
# Two runs, each on a fresh store of the same kind (a new PostgreSQL database, or a new SQLite file) that holds
# a year of simulated reports for Lysekil and Tranemo (as Benchmarks/serve.sh: PLATFORM_NOW=2026-11-25T09:00:00Z,
# reports 2025-11-24 .. 2026-11-22) and an API token of Lysekil, made with the CLI:
#   one server:  one release `platform-cli serve`, and two wrk processes at once, both against it;
#   two servers: two release `platform-cli serve` processes on the one store, and two wrk processes at once,
#                one against each server.
# The clients are the same in both runs (two wrk processes of BENCH_THREADS threads and BENCH_CONNECTIONS
# connections each), so the ratio two servers : one server is the servers' doing. Each wrk posts report
# submissions for BENCH_SECONDS after a 3-second warm-up: POST /api/v1/kommuner/lysekil/reports, a one-row JSON
# body with an id unique per request (wrk process, thread and counter), so every request is a new row that is
# validated, stored and committed. Every answer must be 200 (the run fails on any other). Afterwards the servers
# are stopped (SIGTERM, exit 0), their logs must not speak of a serialization failure or a deadlock, and the
# store must hold a row for every 200 answer of each wrk (and at most one more per connection: the requests in
# flight when wrk stopped). Printed: per run and wrk process requests/s, p50 and p99; the summed requests/s of
# each run and the ratio two servers : one server.
#
# Usage: Benchmarks/serve-two.sh [postgres://USER@/DB?host=SOCKET_DIR | sqlite]
#   A postgres:// (or postgresql://) URL names an existing database of a role that may CREATE DATABASE (the
#   admin database, e.g. the one `eval "$(scripts/postgres.sh start)"` exports as PLATFORM_TEST_POSTGRES): each
#   run gets a new database beside it, dropped at the end. Without an argument: $PLATFORM_TEST_POSTGRES.
#   `sqlite`: each run gets a new SQLite file (two servers on one SQLite file share its write lock).
# Environment:
#   BENCH_BIN=path        use this platform-cli binary instead of building one
#   BENCH_SECONDS=n       seconds of measurement per run (default 15; a 3-second warm-up comes first)
#   BENCH_THREADS=n       threads per wrk process (default 1)
#   BENCH_CONNECTIONS=n   connections per wrk process (default 4: 8 in all, as serve.sh)
#   BENCH_KEEP=1          keep the temporary directory (stores, server logs, wrk output); a database too
set -euo pipefail

if [[ -n "${BENCH_BIN:-}" && $BENCH_BIN != /* ]]; then BENCH_BIN="$PWD/$BENCH_BIN"; fi
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$(pwd)

TARGET=${1:-${PLATFORM_TEST_POSTGRES:-}}
case $TARGET in
    sqlite) KIND=sqlite ;;
    postgres://* | postgresql://*) KIND=postgres ;;
    "") printf 'serve-two.sh: give a postgres:// URL of an admin database (or set PLATFORM_TEST_POSTGRES:\n  eval "$(scripts/postgres.sh start)"), or `sqlite`\n' >&2; exit 2 ;;
    *) printf 'serve-two.sh: %s is neither a postgres:// URL nor `sqlite`\n' "${TARGET%%:*}" >&2; exit 2 ;;
esac

export PLATFORM_NOW=2026-11-25T09:00:00Z
FROM=2025-11-24
TO=2026-11-22
SECONDS_EACH=${BENCH_SECONDS:-15}
THREADS=${BENCH_THREADS:-1}
CONNECTIONS=${BENCH_CONNECTIONS:-4}
MUNI="$ROOT/municipalities"

. "$ROOT/Benchmarks/common.sh" serve-two-bench
. "$ROOT/Benchmarks/serve-common.sh"
log "platform-cli: $BIN"
log "temporary data: $WORK"

# --- the stores ------------------------------------------------------------------------------------------
# pg_psql DB SQL: psql on the database DB of the cluster TARGET names (libpq keywords, so a password in the
# URL goes to PGPASSWORD, never to the command line).
pg_psql() {
    local conninfo password
    conninfo=$(python3 - "$TARGET" "$1" <<'EOF'
import sys
from urllib.parse import parse_qs, unquote, urlsplit
url = urlsplit(sys.argv[1])
query = {k: v[-1] for k, v in parse_qs(url.query).items()}
words = {"user": unquote(url.username or ""), "dbname": sys.argv[2] or unquote(url.path.lstrip("/")) or "postgres",
         "host": query.get("host") or url.hostname, "port": url.port, "sslmode": query.get("sslmode")}
print(" ".join(f"{k}={v}" for k, v in words.items() if v))
EOF
)
    password=$(python3 -c 'import sys; from urllib.parse import unquote, urlsplit; print(unquote(urlsplit(sys.argv[1]).password or ""))' "$TARGET")
    PGPASSWORD=$password psql "$conninfo" -v ON_ERROR_STOP=1 -qAtc "$2"
}

# The URL of database DB beside the admin database.
pg_url() {
    python3 -c 'import sys; from urllib.parse import urlsplit, urlunsplit; u = urlsplit(sys.argv[1]); print(urlunsplit((u.scheme, u.netloc, "/" + sys.argv[2], u.query, u.fragment)))' "$TARGET" "$1"
}

DATABASES=()
drop_databases() {
    local db
    for db in "${DATABASES[@]}"; do
        if [[ "${BENCH_KEEP:-0}" == 1 ]]; then log "kept database $db"; else pg_psql "" "DROP DATABASE IF EXISTS $db WITH (FORCE)" || true; fi
    done
}
SERVERS=()
finish() {
    local pid
    for pid in "${SERVERS[@]}"; do
        if kill -0 "$pid" 2>/dev/null; then kill -TERM "$pid"; wait "$pid" || true; fi
    done
    drop_databases
    cleanup
}
trap finish EXIT

# new_store NAME: sets STORE to a new, empty store (a database bench_two_PID_NAME, or WORK/NAME.sqlite).
new_store() {
    if [[ $KIND == postgres ]]; then
        local db="bench_two_$$_$1"
        pg_psql "" "CREATE DATABASE $db"
        DATABASES+=("$db")
        STORE=$(pg_url "$db")
    else
        STORE="$WORK/$1.sqlite"
    fi
}

# rows_with_prefix STORE PREFIX: Lysekil's report rows whose id starts with bench-PREFIX-.
rows_with_prefix() {
    local sql="SELECT count(*) FROM reports WHERE kommun = 'lysekil' AND ref LIKE 'bench-$2-%'"
    if [[ $KIND == postgres ]]; then
        # Row-level security: the rows of a kommun are seen only with app.kommun set to it.
        local db=${1%%\?*}; db=${db##*/}
        pg_psql "$db" "SET app.kommun = 'lysekil'; $sql"
    else
        sqlite3 -cmd ".timeout 10000" "$1" "$sql"
    fi
}

simulate_year

# fill_store: the simulated year and a token of Lysekil in STORE; sets TOKEN.
fill_store() {
    ingest_year "$STORE"
    TOKEN=$("$BIN" token add lysekil --name benchmark --store "$STORE" --municipalities "$MUNI" | tail -1)
    if [[ $KIND == sqlite ]]; then sqlite3 "$STORE" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null; fi
}

# --- one run -----------------------------------------------------------------------------------------------
# run NAME SERVERS: a fresh store, SERVERS servers on it, two wrk processes at once (wrk i against server
# i mod SERVERS): a warm-up, then the measurement; then the servers are stopped and the rows checked.
# Leaves WORK/NAME-1.result and WORK/NAME-2.result.
run() {
    local name=$1 count=$2 i pids=() urls=() logs=() waits=()
    new_store "$name"
    fill_store
    write_wrk_scripts "$TOKEN"
    for ((i = 1; i <= count; i++)); do
        logs+=("$WORK/$name-server-$i.log")
        start_server "$STORE" "${logs[-1]}"
        pids+=("$SERVER_PID"); urls+=("$SERVER_URL"); SERVERS+=("$SERVER_PID")
    done
    log "$name: $count server(s), 2 wrk processes of $THREADS thread(s) and $CONNECTIONS connections, $SECONDS_EACH s (load $(cut -d' ' -f1 /proc/loadavg))"
    for phase in warm measured; do
        local seconds=$SECONDS_EACH
        [[ $phase == warm ]] && seconds=3
        waits=()
        for i in 1 2; do
            run_wrk "$name-$phase-$i" "$seconds" "$THREADS" "$CONNECTIONS" "$(post_script "$name-$phase-$i")" \
                "${urls[$(( (i - 1) % count ))]}$SUBMIT_PATH" &
            waits+=($!)
        done
        wait "${waits[@]}"
        for i in 1 2; do check_wrk "$name-$phase-$i"; done
    done
    for ((i = 0; i < count; i++)); do stop_server "${pids[$i]}" "${logs[$i]}"; done
    if grep -iEl 'serializ|40001|40P01|deadlock' "${logs[@]}" >&2; then
        log "$name: a server's log speaks of a serialization failure or a deadlock"; exit 1
    fi
    # Durable: every answered submission is a row, plus at most one per connection (in flight when wrk stopped).
    local submitted stored
    for i in 1 2; do
        read -r submitted _ < "$WORK/$name-measured-$i.result"
        stored=$(rows_with_prefix "$STORE" "$name-measured-$i")
        (( submitted <= stored && stored <= submitted + CONNECTIONS )) \
            || { log "$name: wrk $i counted $submitted answered submissions, the store holds $stored of them"; exit 1; }
        printf '%s\n' "$stored" > "$WORK/$name-stored-$i"
    done
    cp "$WORK/$name-measured-1.result" "$WORK/$name-1.result"
    cp "$WORK/$name-measured-2.result" "$WORK/$name-2.result"
}

LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
run one 1
run two 2
LOAD_END=$(cut -d' ' -f1-3 /proc/loadavg)

# --- summary -----------------------------------------------------------------------------------------------
declare -A TOTAL
printf '\n## Two servers on one store (%s; wrk on loopback, 2 processes of %s thread(s) and %s connections, %s s)\n\n' \
    "$([[ $KIND == postgres ]] && echo PostgreSQL || echo SQLite)" "$THREADS" "$CONNECTIONS" "$SECONDS_EACH"
printf 'Each store: 2 kommuner, %d simulated report rows (%s .. %s) before the load; every answer 200, a row for every 200 (checked after SIGTERM)\n\n' \
    "$ROWS" "$FROM" "$TO"
printf '| run | wrk | against | req/s | p50 ms | p99 ms | rows stored |\n|---|---|---|---:|---:|---:|---:|\n'
for name in one two; do
    TOTAL[$name]=0
    for i in 1 2; do
        read -r n us p50 p99 _ _ < "$WORK/$name-$i.result"
        r=$(rps "$n" "$us")
        TOTAL[$name]=$(( TOTAL[$name] + r ))
        against="server A"; [[ $name == two && $i == 2 ]] && against="server B"
        printf '| %s server%s | %d | %s | %s | %s | %s | %s |\n' "$([[ $name == one ]] && echo 1 || echo 2)" \
            "$([[ $name == one ]] && echo '' || echo s)" "$i" "$against" "$r" "$(ms "$p50")" "$(ms "$p99")" "$(cat "$WORK/$name-stored-$i")"
    done
done
printf '\nSubmissions per second, both wrk processes summed: one server %s, two servers %s; two servers : one server = %s\n' \
    "${TOTAL[one]}" "${TOTAL[two]}" "$(ratio "${TOTAL[two]}" "${TOTAL[one]}")"
printf '%s share the machine'"'"'s cores\n' "$([[ $KIND == postgres ]] && echo 'The servers, the wrk processes and PostgreSQL' || echo 'The servers and the wrk processes')"
if [[ $KIND == postgres ]]; then
    print_machine "PostgreSQL $(pg_psql "" "SHOW server_version" | cut -d' ' -f1)"
else
    print_machine "sqlite3 $(sqlite3 --version | cut -d' ' -f1)"
fi
printf 'Date: %s; load average before: %s, after: %s\n' "$(date -u '+%Y-%m-%d %H:%M UTC')" "$LOAD_START" "$LOAD_END"
printf 'Commit: %s%s\n' "$COMMIT" "${BENCH_BIN:+ (but BENCH_BIN=$BENCH_BIN was measured)}"
printf 'Reproduce: Benchmarks/serve-two.sh %s\n' "$([[ $KIND == postgres ]] && echo 'postgres://USER@/DB?host=SOCKET_DIR' || echo sqlite)"
