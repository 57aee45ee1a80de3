#!/usr/bin/env bash
# Checks the cluster that scripts/postgres.sh started (scripts/test.sh runs this right after sourcing it),
# through $PLATFORM_TEST_POSTGRES, with psql: the URL names a socket folder and psql connects through it;
# the role is neither a superuser nor exempt from row-level security; the server listens on no TCP port;
# and the role can create a database, use it and drop it.
set -euo pipefail

fail() { echo "test-postgres-cluster: FAILED: $*" >&2; exit 1; }
ok() { echo "test-postgres-cluster: ok: $*"; }

url=${PLATFORM_TEST_POSTGRES:-}
[[ -n $url ]] || fail "PLATFORM_TEST_POSTGRES is not set; run scripts/test.sh, or: eval \"\$(scripts/postgres.sh start)\""
command -v psql >/dev/null 2>&1 || fail "psql is not on PATH (Debian package postgresql-client)"
# sql [URL] QUERY: one query's rows, unaligned, no headers; stops at the first error.
sql() {
    local target=$url
    [[ $# -eq 2 ]] && { target=$1; shift; }
    psql --no-psqlrc --no-align --tuples-only --quiet --set=ON_ERROR_STOP=1 --dbname="$target" --command="$1"
}

# The URL: postgres://ROLE@/DATABASE?host=SOCKET_DIR, the folder holding the server's socket.
[[ $url =~ ^postgres://([a-z_][a-z0-9_]*)@/([a-z_][a-z0-9_]*)\?host=(/[^\&]+)$ ]] \
    || fail "PLATFORM_TEST_POSTGRES is not postgres://ROLE@/DATABASE?host=/SOCKET/DIR: $url"
role=${BASH_REMATCH[1]} socket_dir=${BASH_REMATCH[3]}
lock="$socket_dir/.s.PGSQL.5432.lock"
[[ -S $socket_dir/.s.PGSQL.5432 && -f $lock ]] || fail "no PostgreSQL socket in $socket_dir"
[[ $(sql "SELECT current_user || ' ' || coalesce(inet_server_addr()::text, 'socket')") == "$role socket" ]] \
    || fail "psql did not connect as $role through the Unix socket"
ok "psql connects as $role through the socket in $socket_dir"

[[ $(sql "SELECT rolsuper::text || ' ' || rolbypassrls::text || ' ' || rolcreatedb::text FROM pg_roles WHERE rolname = current_user") == "false false true" ]] \
    || fail "$role must be a plain role with CREATEDB: not a superuser, not BYPASSRLS"
ok "$role is not a superuser, does not bypass row-level security, may create databases"

# tcp_sockets PID: the TCP sockets (listening or not) that the process PID holds, as /proc/net/tcp* lines.
tcp_sockets() {
    local inodes
    inodes=$(find "/proc/$1/fd" -lname 'socket:*' -printf '%l\n' 2>/dev/null | tr -dc '0-9\n')
    [[ -n $inodes ]] || return 0
    awk 'NR == FNR { want[$1]; next } FNR > 1 && ($10 in want)' <(printf '%s\n' "$inodes") /proc/net/tcp /proc/net/tcp6
}
# First prove the check sees a TCP listener when there is one.
python3 -c 'import socket, time; s = socket.socket(); s.bind(("127.0.0.1", 0)); s.listen(); time.sleep(30)' &
listener=$!
for _ in $(seq 50); do
    seen=$(tcp_sockets "$listener" | wc -l)
    (( seen == 0 )) || break
    sleep 0.1
done
kill "$listener" 2>/dev/null; wait "$listener" 2>/dev/null || true
(( seen == 1 )) || fail "the TCP check does not see a test listener's socket (saw $seen)"
postmaster=$(head -n 1 "$lock")
[[ -d /proc/$postmaster ]] || fail "the server's process ($postmaster, from $lock) is not running"
[[ -z $(tcp_sockets "$postmaster") && -z $(sql "SHOW listen_addresses") ]] \
    || fail "the server (pid $postmaster) listens on TCP: $(sql "SHOW listen_addresses")"
ok "the server (pid $postmaster) has no TCP socket and listen_addresses is empty"

db="t_cluster_check_$$"
sql "CREATE DATABASE $db" >/dev/null
trap 'sql "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1 || true' EXIT
db_url="postgres://$role@/$db?host=$socket_dir"
[[ $(sql "$db_url" "CREATE TABLE t (n integer); INSERT INTO t VALUES (1), (2); SELECT sum(n) FROM t") == 3 ]] \
    || fail "could not use the new database $db"
[[ $(sql "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = '$db'") == "$role" ]] || fail "$db is not owned by $role"
sql "DROP DATABASE $db" >/dev/null
[[ -z $(sql "SELECT 1 FROM pg_database WHERE datname = '$db'") ]] || fail "DROP DATABASE $db did not drop it"
trap - EXIT
ok "$role created, used and dropped the database $db"
