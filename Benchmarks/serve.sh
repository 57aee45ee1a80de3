#!/usr/bin/env bash
# Server benchmark (issue 13, item 9): `platform-cli serve` under wrk on loopback, on the same machine.
#
# A store with a year of simulated reports for the shipped kommuner (as scripts/demo.sh makes, but with a
# fixed clock: PLATFORM_NOW=2026-11-25T09:00:00Z, reports 2025-11-24 .. 2026-11-22), a reader account and
# an API token of Lysekil, made with the CLI. The release server is started on it, and wrk measures, one
# after the other, each for BENCH_SECONDS after a short warm-up:
#   (a) GET /healthz: the floor of this server on this machine in this run;
#   (b) report submissions through the API: POST /api/v1/kommuner/lysekil/reports, a one-row JSON body
#       with a unique id per request (a wrk Lua script), so each request is a new row that is validated
#       against the kommun file, stored and committed. Afterwards the server is stopped (SIGTERM) and the
#       store must hold a row for every 200 answer (and at most one more per connection: the requests in
#       flight when wrk stopped);
#   (c) the lägesbild page of one kommun-week (GET /k/lysekil/lagesbild?period=2026-W47) with the session
#       cookie of a reader who logged in once with curl;
#   then /healthz and the page again with one connection: a request's own latency, without queueing behind
#   the others (the page target is for that).
# Every answer must be 200 (wrk counts the others; the run fails on any). For each it prints requests/s,
# p50 and p99 latency (wrk's latency distribution, from a Lua done() callback) and the ratios to /healthz.
# Targets (issue): submissions >= 1000/s with p99 < 25 ms; the lägesbild page p50 < 10 ms.
#
# Usage: Benchmarks/serve.sh          (from anywhere; it works from the repository root)
# Environment:
#   BENCH_BIN=path        use this platform-cli binary instead of building one
#   BENCH_SECONDS=n       seconds per measurement (default 15; a 3-second warm-up comes first)
#   BENCH_THREADS=n       wrk threads (default 2)
#   BENCH_CONNECTIONS=n   wrk connections kept open (default 8)
#   BENCH_KEEP=1          keep the temporary directory (store, server log, wrk output)
#   BENCH_KOMMUNER=n      serve n kommun files (the shipped two and n-2 copies, Benchmarks/kommuner.sh), all
#                         decoded when the server starts, none per request: the page must not grow with n
set -euo pipefail

# A relative BENCH_BIN is taken from where the script was started, before it moves to the repository root.
if [[ -n "${BENCH_BIN:-}" && $BENCH_BIN != /* ]]; then BENCH_BIN="$PWD/$BENCH_BIN"; fi
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$(pwd)

export PLATFORM_NOW=2026-11-25T09:00:00Z
FROM=2025-11-24
TO=2026-11-22
PERIOD=2026-W47
SECONDS_EACH=${BENCH_SECONDS:-15}
THREADS=${BENCH_THREADS:-2}
CONNECTIONS=${BENCH_CONNECTIONS:-8}
MUNI="$ROOT/municipalities"
READER=bench.lasare
READER_PASSWORD=Benchmark-Lysekil-2026!

. "$ROOT/Benchmarks/common.sh" serve-bench
. "$ROOT/Benchmarks/serve-common.sh"

KOMMUN_FILES=2
if [[ -n ${BENCH_KOMMUNER:-} ]]; then
    . "$ROOT/Benchmarks/kommuner.sh"
    (( BENCH_KOMMUNER >= 2 )) || { log "BENCH_KOMMUNER must be at least 2 (the shipped kommuner)"; exit 2; }
    MUNI="$WORK/municipalities"
    mkdir -p "$MUNI"
    cp "$ROOT"/municipalities/*.yaml "$MUNI/"
    (( BENCH_KOMMUNER == 2 )) || make_kommun_files "$MUNI" $((BENCH_KOMMUNER - 2))
    KOMMUN_FILES=$(find "$MUNI" -maxdepth 1 -name '*.yaml' | wc -l)
fi
STORE="$WORK/platform.sqlite"
SERVER_LOG="$WORK/server.log"
log "platform-cli: $BIN"
log "temporary data: $WORK"

# --- the store, an account and a token -------------------------------------------------------------------
simulate_year
ingest_year "$STORE"
printf '%s\n' "$READER_PASSWORD" | "$BIN" user add "$READER" --name "Benchmark Läsare" --kommun lysekil --role reader \
    --password-stdin --store "$STORE" --municipalities "$MUNI" >/dev/null
TOKEN=$("$BIN" token add lysekil --name benchmark --store "$STORE" --municipalities "$MUNI" | tail -1)
sqlite3 "$STORE" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null

# --- the server ------------------------------------------------------------------------------------------
start_server "$STORE" "$SERVER_LOG"
SERVER=$SERVER_PID
URL=$SERVER_URL
finish() {
    if kill -0 "$SERVER" 2>/dev/null; then kill -TERM "$SERVER"; wait "$SERVER" || true; fi
    cleanup
}
trap finish EXIT

# A reader's session: the login form's csrf field, then POST /login; the cookie jar holds the session.
JAR="$WORK/cookies"
csrf=$(curl -fsS -c "$JAR" -b "$JAR" "$URL/login" | python3 -c '
import re, sys
page = sys.stdin.read()
for tag in re.findall(r"<input[^>]*>", page):
    if re.search(r"name=\"csrf\"", tag):
        print(re.search(r"value=\"([^\"]*)\"", tag)[1]); break')
status=$(curl -sS -o /dev/null -w '%{http_code}' -c "$JAR" -b "$JAR" --data-urlencode "login=$READER" \
    --data-urlencode "password=$READER_PASSWORD" --data-urlencode "csrf=$csrf" "$URL/login")
[[ $status == 303 ]] || { log "logging in answered $status"; exit 1; }
# The Netscape cookie file: comments start with '#', but HttpOnly cookies with '#HttpOnly_'.
COOKIE=$(awk -F'\t' 'NF >= 7 && ($1 !~ /^#/ || $1 ~ /^#HttpOnly_/) { printf "%s%s=%s", sep, $6, $7; sep = "; " }' "$JAR")
[[ -n $COOKIE ]] || { log "no session cookie after logging in"; exit 1; }
PAGE_PATH="/k/lysekil/lagesbild?period=$PERIOD"
page_status=$(curl -sS -o "$WORK/page.html" -w '%{http_code}' -H "Cookie: $COOKIE" "$URL$PAGE_PATH")
[[ $page_status == 200 ]] && grep -q 'class="heat"' "$WORK/page.html" \
    || { log "the lägesbild page answered $page_status without a heat map"; exit 1; }

# --- wrk's Lua: one done() for all, printing what the summary needs -----------------------------------------
write_wrk_scripts "$TOKEN"

# measure NAME LUA PATH [wrk args...]: one run of BENCH_SECONDS with $T threads and $C connections; leaves "requests duration_us p50_us p99_us
# non2xx errors" in $WORK/NAME.result and fails on any answer that is not 2xx or any failed request.
measure() {
    local name=$1 lua=$2 path=$3; shift 3
    log "$name: $SECONDS_EACH s with $T threads and $C connections (load $(cut -d' ' -f1 /proc/loadavg))"
    run_wrk "$name" "$SECONDS_EACH" "$T" "$C" "$lua" "$URL$path" "$@"
    check_wrk "$name"
}
# warm NAME LUA PATH [wrk args...]: 3 seconds of the same load, not measured.
warm() {
    local name=$1 lua=$2 path=$3; shift 3
    wrk -t "$T" -c "$C" -d 3s -s "$lua" "$@" "$URL$path" > "$WORK/$name.warm" 2>&1
}

# rows_of CONDITION: the store's report rows that meet it (waiting up to 10 s for a writer, as the server may be one).
rows_of() { sqlite3 -cmd ".timeout 10000" "$STORE" "SELECT count(*) FROM reports WHERE $1"; }

# The submissions' Lua with this run's prefix: "w" for the warm-up, "r" for the measured run.
POST_WARM=$(post_script "w$$")
POST_MEASURED=$(post_script "r$$")

LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
T=$THREADS C=$CONNECTIONS
warm healthz "$WORK/get.lua" /healthz
measure healthz "$WORK/get.lua" /healthz
BEFORE=$(rows_of "kommun = 'lysekil'")
warm submit "$POST_WARM" "$SUBMIT_PATH"
WARM_STORED=$(( $(rows_of "kommun = 'lysekil'") - BEFORE ))
measure submit "$POST_MEASURED" "$SUBMIT_PATH"
read -r SUBMITTED _ < "$WORK/submit.result"
warm page "$WORK/get.lua" "$PAGE_PATH" -H "Cookie: $COOKIE"
measure page "$WORK/get.lua" "$PAGE_PATH" -H "Cookie: $COOKIE"
# One request at a time: the latency of a request itself, without waiting behind the others.
T=1 C=1
measure healthz1 "$WORK/get.lua" /healthz
measure page1 "$WORK/get.lua" "$PAGE_PATH" -H "Cookie: $COOKIE"
LOAD_END=$(cut -d' ' -f1-3 /proc/loadavg)
SERVER_KB=$(awk '/^VmHWM:/ { print $2 }' "/proc/$SERVER/status")

# Durable: stop the server, then every answered submission is a row in the store (wrk counts the requests
# whose answer arrived; every one was a 200).
stop_server "$SERVER" "$SERVER_LOG"
MEASURED_STORED=$(rows_of "kommun = 'lysekil' AND ref LIKE 'bench-r$$-%'")
# Requests still in flight when wrk stops are stored without wrk counting their answer: at most one per
# connection.
(( SUBMITTED <= MEASURED_STORED && MEASURED_STORED <= SUBMITTED + CONNECTIONS )) \
    || { log "wrk counted $SUBMITTED answered submissions, the store holds $MEASURED_STORED of them"; exit 1; }

# --- summary --------------------------------------------------------------------------------------------
declare -A RPS P50 P99
for name in healthz submit page healthz1 page1; do
    read -r n us p50 p99 _ _ < "$WORK/$name.result"
    RPS[$name]=$(rps "$n" "$us"); P50[$name]=$p50; P99[$name]=$p99
done
declare -A LABEL=(
    [healthz]="GET /healthz"
    [submit]="POST one-row JSON report (validated, stored, committed)"
    [page]="GET lägesbild page, one kommun-week ($PERIOD), logged in"
    [healthz1]="GET /healthz, 1 connection"
    [page1]="GET lägesbild page, 1 connection"
)
declare -A BASE=([healthz]=healthz [submit]=healthz [page]=healthz [healthz1]=healthz1 [page1]=healthz1)
printf '\n## Server (wrk on loopback, %s threads and %s connections unless said, %s s each)\n\n' "$THREADS" "$CONNECTIONS" "$SECONDS_EACH"
printf 'Kommun files served: %d (%s)\n' "$KOMMUN_FILES" "$MUNI"
printf 'Store: 2 kommuner, %d simulated report rows (%s .. %s); %d rows stored by the warm-up and %d by the measured submissions (checked after SIGTERM: a row for every 200)\n\n' \
    "$ROWS" "$FROM" "$TO" "$WARM_STORED" "$MEASURED_STORED"
printf '| measurement | req/s | p50 ms | p99 ms | req/s / healthz | p50 / healthz | p99 / healthz |\n|---|---:|---:|---:|---:|---:|---:|\n'
for name in healthz submit page healthz1 page1; do
    base=${BASE[$name]}
    printf '| %s | %s | %s | %s | %s | %s | %s |\n' "${LABEL[$name]}" "${RPS[$name]}" "$(ms "${P50[$name]}")" "$(ms "${P99[$name]}")" \
        "$(ratio "${RPS[$name]}" "${RPS[$base]}")" "$(ratio "${P50[$name]}" "${P50[$base]}")" "$(ratio "${P99[$name]}" "${P99[$base]}")"
done
printf '(ratios to /healthz measured with the same connections: the 1-connection rows to /healthz with 1 connection)\n'
submit_ok=$(awk -v r="${RPS[submit]}" -v p="${P99[submit]}" 'BEGIN { print (r >= 1000 && p < 25000 ? "yes" : "no") }')
page_ok=$(awk -v p="${P50[page1]}" 'BEGIN { print (p < 10000 ? "yes" : "no") }')
printf '\nTargets (issue): submissions >= 1000/s with p99 < 25 ms: %s (%s/s, p99 %s ms); lägesbild page p50 < 10 ms: %s (%s ms one at a time; %s ms with %s connections)\n' \
    "$submit_ok" "${RPS[submit]}" "$(ms "${P99[submit]}")" "$page_ok" "$(ms "${P50[page1]}")" "$(ms "${P50[page]}")" "$CONNECTIONS"
printf 'Server peak RSS: %s MB; wrk and the server share the machine'"'"'s cores\n' "$(awk -v k="$SERVER_KB" 'BEGIN { printf "%.1f", k / 1024 }')"
print_machine "sqlite3 $(sqlite3 --version | cut -d' ' -f1)"
printf 'Date: %s; load average before: %s, after: %s\n' "$(date -u '+%Y-%m-%d %H:%M UTC')" "$LOAD_START" "$LOAD_END"
printf 'Commit: %s%s\n' "$COMMIT" "${BENCH_BIN:+ (but BENCH_BIN=$BENCH_BIN was measured)}"
printf 'Reproduce: Benchmarks/serve.sh\n'
