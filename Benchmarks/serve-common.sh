# Sourced by the server benchmarks (serve.sh, serve-two.sh) after common.sh: wrk, starting and stopping
# `platform-cli serve`, the simulated year of reports, wrk's Lua scripts for submissions and one measurement's result. Uses BIN, MUNI,
# WORK and log from common.sh and the caller.

if ! command -v wrk >/dev/null; then
    log "installing wrk (Debian package 'wrk')"
    apt-get install -y -qq wrk >/dev/null 2>&1 || { apt-get update -qq >/dev/null; apt-get install -y -qq wrk >/dev/null; }
fi
command -v curl >/dev/null || { log "curl is missing (apt-get install curl)"; exit 1; }

# simulate_year: a year of simulated reports (FROM .. TO) for Lysekil and Tranemo in WORK/KOMMUN.csv; sets ROWS
# to their number.
simulate_year() {
    local kommun seed=0
    ROWS=0
    for kommun in lysekil tranemo; do
        seed=$((seed + 1))
        "$BIN" simulate "$kommun" --from "$FROM" --to "$TO" --seed "$seed" --out "$WORK/$kommun.csv" --municipalities "$MUNI"
        ROWS=$((ROWS + $(wc -l < "$WORK/$kommun.csv") - 1))
    done
}

# ingest_year STORE: ingests the simulated year into STORE (which it creates when missing).
ingest_year() {
    local kommun
    for kommun in lysekil tranemo; do
        "$BIN" ingest "$kommun" "$WORK/$kommun.csv" --store "$1" --municipalities "$MUNI" > "$WORK/ingest.out"
        log "$kommun: $(sed "s#$WORK/##" "$WORK/ingest.out")"
    done
}

# start_server STORE LOG: `platform-cli serve` on STORE on a free loopback port, its stderr in LOG; sets
# SERVER_PID and SERVER_URL once it answers /healthz (exits with its log otherwise).
start_server() {
    local store=$1 server_log=$2 port
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    SERVER_URL="http://127.0.0.1:$port"
    "$BIN" serve --store "$store" --municipalities "$MUNI" --host 127.0.0.1 --port "$port" 2> "$server_log" > /dev/null &
    SERVER_PID=$!
    for _ in $(seq 1 150); do
        curl -fsS "$SERVER_URL/healthz" >/dev/null 2>&1 && return 0
        kill -0 "$SERVER_PID" 2>/dev/null || { log "the server exited:"; cat "$server_log" >&2; exit 1; }
        sleep 0.2
    done
    log "the server does not answer /healthz"; cat "$server_log" >&2; exit 1
}

# stop_server PID LOG: SIGTERM, and the server must exit 0.
stop_server() {
    local pid=$1 server_log=$2 code
    kill -TERM "$pid"
    wait "$pid" && code=0 || code=$?
    [[ $code == 0 ]] || { log "the server exited $code on SIGTERM"; tail -20 "$server_log" >&2; exit 1; }
}

# write_wrk_scripts TOKEN: in WORK, done.lua (one done() printing "RESULT requests duration_us p50_us p99_us
# non2xx errors"), get.lua (just that) and post.lua (one new one-row JSON report of Lysekil per request, with
# the token; it needs a `run` variable, see post_script).
write_wrk_scripts() {
    local token=$1
    cat > "$WORK/done.lua" <<'EOF'
function done(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT %d %d %d %d %d %d\n", summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(99), summary.errors.status, errors))
end
EOF
    cat "$WORK/done.lua" > "$WORK/get.lua"
    {
        echo "local token = \"$token\""
        cat <<'EOF'
-- One new report per request: a per-thread prefix and a counter make every id unique.
local next_thread = 0
function setup(thread)
  next_thread = next_thread + 1
  thread:set("tid", next_thread)
end
local counter = 0
local headers = {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token}
function request()
  counter = counter + 1
  local body = string.format('[{"date":"2026-11-24","time":"21:15","reporter":"polismyndigheten","area":"norra-hamnen","indicator":"klotter","value":1,"place":"vid färjeläget","id":"bench-%s-%d-%d"}]', run, tid, counter)
  return wrk.format("POST", "/api/v1/kommuner/lysekil/reports", headers, body)
end
EOF
        cat "$WORK/done.lua"
    } > "$WORK/post.lua"
}

# post_script RUN: prints the path of post.lua with the id prefix RUN (the ids are bench-RUN-THREAD-N).
post_script() {
    { echo "local run = \"$1\""; cat "$WORK/post.lua"; } > "$WORK/post-$1.lua"
    printf '%s\n' "$WORK/post-$1.lua"
}

SUBMIT_PATH=/api/v1/kommuner/lysekil/reports

# run_wrk NAME SECONDS THREADS CONNECTIONS LUA URL [wrk args...]: one wrk run; its output in WORK/NAME.wrk and
# "requests duration_us p50_us p99_us non2xx errors" in WORK/NAME.result.
run_wrk() {
    local name=$1 seconds=$2 threads=$3 connections=$4 lua=$5 url=$6; shift 6
    wrk -t "$threads" -c "$connections" -d "${seconds}s" --latency -s "$lua" "$@" "$url" > "$WORK/$name.wrk" 2>&1 || true
    grep '^RESULT ' "$WORK/$name.wrk" | tail -1 | cut -d' ' -f2- > "$WORK/$name.result" || true
}

# check_wrk NAME: fails unless WORK/NAME.result is there with every answer 2xx and no failed request.
check_wrk() {
    local name=$1 non2xx errors
    [[ -s $WORK/$name.result ]] || { log "wrk printed no result for $name:"; cat "$WORK/$name.wrk" >&2; exit 1; }
    read -r _ _ _ _ non2xx errors < "$WORK/$name.result"
    if (( non2xx > 0 || errors > 0 )); then
        log "$name: $non2xx answers were not 2xx and $errors requests failed:"; cat "$WORK/$name.wrk" >&2; exit 1
    fi
}

ms() { awk -v us="$1" 'BEGIN { printf "%.2f", us / 1000 }'; }
rps() { awk -v n="$1" -v us="$2" 'BEGIN { printf "%.0f", n / (us / 1e6) }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }

# print_machine EXTRA: the machine, the tools and the Swift version (EXTRA: more tools, e.g. the database).
print_machine() {
    printf '\nMachine: %s cores (nproc), %s, %s; %s; %s; %s\n' "$(nproc)" \
        "$(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)" \
        "$(awk '/MemTotal/ { printf "%.1f GB RAM", $2 / 1048576 }' /proc/meminfo)" \
        "$(uname -sr)" "$1" "$(wrk --version 2>&1 | head -1 | cut -d' ' -f1-2)"
    printf 'Swift: %s\n' "$(swift --version 2>/dev/null | head -1 || echo unknown)"
}
