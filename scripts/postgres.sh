#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests (issue 14): installs Debian's PostgreSQL when initdb or
# pg_ctl is missing, makes a cluster in a new temporary folder, starts it as a non-root user (the
# `postgres` system user when run as root, made if missing), listening on a Unix socket in that folder
# only (no TCP port), and makes a login role `platform_test` that is NOT a superuser (superusers bypass
# row-level security) but may create databases: the tests make one database each from the URL
#   PLATFORM_TEST_POSTGRES=postgres://platform_test@/postgres?host=SOCKET_DIR
#
# Sourced (scripts/test.sh does `. scripts/postgres.sh`): starts the cluster, exports PLATFORM_TEST_POSTGRES
# and sets an EXIT trap (replacing the caller's, if any) that stops the cluster and removes the folder. If
# PostgreSQL cannot be installed or started it says why on stderr and returns 1, so a `set -e` caller such
# as test.sh fails: the PostgreSQL tests are never skipped.
# Run as a command:
#   scripts/postgres.sh start       starts a cluster and leaves it running; prints `export PLATFORM_TEST_POSTGRES=…`
#                                   (so `eval "$(scripts/postgres.sh start)"` sets it) and, on stderr, how to stop it
#   scripts/postgres.sh stop DIR    stops the cluster in DIR (the folder `start` named) and removes DIR
# Environment:
#   PG_BINDIR=dir                   the PostgreSQL programs to use, nothing installed (default: the newest under
#                                   /usr/lib/postgresql, else pg_config --bindir, else wherever initdb is on PATH)
#   PLATFORM_POSTGRES_FSYNC=on      keep fsync on (default off: the cluster is thrown away, so a crash loses
#                                   nothing that matters, and the tests run faster; turn it on for benchmarks)

# Every function and variable here is named pgtest_…, as the file may be sourced into another script.
# No `set -e` reliance: each step checks its own result, so a failure always ends with a message.

pgtest_role=platform_test
pgtest_port=5432
pgtest_marker=.platform-test-postgres

pgtest_fail() { printf 'postgres.sh: %s\n' "$*" >&2; return 1; }

# pgtest_find_bindir: prints the folder that holds initdb, pg_ctl, postgres, psql and pg_isready.
pgtest_find_bindir() {
    local candidates=() dir found
    # Debian and Ubuntu: /usr/lib/postgresql/VERSION/bin, newest version first.
    while IFS= read -r dir; do candidates+=("$dir"); done < <(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -rV)
    if command -v pg_config >/dev/null 2>&1; then candidates+=("$(pg_config --bindir 2>/dev/null)"); fi
    # /usr/local/bin/initdb may be a link to the real one: follow it, so psql is taken from beside it too
    # (Debian's /usr/bin/psql is a wrapper script that picks a version of its own).
    if found=$(command -v initdb 2>/dev/null); then candidates+=("$(dirname "$(readlink -f "$found")")"); fi
    for dir in "${candidates[@]}"; do
        [[ -n $dir ]] || continue
        if [[ -x $dir/initdb && -x $dir/pg_ctl && -x $dir/postgres && -x $dir/psql && -x $dir/pg_isready ]]; then
            printf '%s\n' "$dir"
            return 0
        fi
    done
    return 1
}

# pgtest_install: Debian's PostgreSQL server and client (the distribution's supported version).
# Its post-install script may also create and start a `main` cluster on port 5432; the tests never use it.
pgtest_install() {
    command -v apt-get >/dev/null 2>&1 \
        || pgtest_fail "PostgreSQL (initdb, pg_ctl) is not installed and there is no apt-get to install it; install it, or set PG_BINDIR" \
        || return 1
    local sudo=()
    [[ $(id -u) -eq 0 ]] || sudo=(sudo)
    echo "postgres.sh: installing PostgreSQL (Debian package 'postgresql')" >&2
    "${sudo[@]}" apt-get update -qq >&2 \
        && DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq postgresql >/dev/null \
        || pgtest_fail "could not install PostgreSQL with apt-get (apt-get install postgresql)"
}

# pgtest_as_owner CMD...: runs CMD as the cluster's owner, from /, so a folder the owner may not enter
# never becomes its working directory.
pgtest_as_owner() {
    if [[ $(id -u) -eq 0 ]]; then
        (cd / && runuser -u postgres -- "$@")
    else
        (cd / && "$@")
    fi
}

# pgtest_start_cluster: sets pgtest_dir and PLATFORM_TEST_POSTGRES; the cluster is running on return 0.
pgtest_start_cluster() {
    local bindir
    if [[ -n ${PG_BINDIR:-} ]]; then
        bindir=$PG_BINDIR
        local program
        for program in initdb pg_ctl postgres psql pg_isready; do
            [[ -x $bindir/$program ]] || pgtest_fail "PG_BINDIR=$bindir has no $program" || return 1
        done
    elif ! bindir=$(pgtest_find_bindir); then
        pgtest_install || return 1
        bindir=$(pgtest_find_bindir) \
            || pgtest_fail "PostgreSQL was installed but initdb, pg_ctl, postgres, psql and pg_isready are not found together in one folder" \
            || return 1
    fi
    pgtest_bindir=$bindir

    if [[ $(id -u) -eq 0 ]]; then
        command -v runuser >/dev/null 2>&1 || pgtest_fail "running as root needs runuser (util-linux) to start PostgreSQL as the postgres user" || return 1
        if ! id -u postgres >/dev/null 2>&1; then
            echo "postgres.sh: making the system user postgres" >&2
            useradd --system --user-group --home-dir /var/lib/postgresql --no-create-home --shell /usr/sbin/nologin postgres \
                || pgtest_fail "could not make the system user postgres (useradd)" || return 1
        fi
    fi

    # A Unix socket's path is at most 107 bytes: a long TMPDIR falls back to /tmp.
    local base=${TMPDIR:-/tmp}
    (( ${#base} <= 60 )) || base=/tmp
    pgtest_dir=$(mktemp -d "$base/platform-pg.XXXXXX") || pgtest_fail "could not make a temporary folder in $base" || return 1
    : > "$pgtest_dir/$pgtest_marker"
    # Socket-only and `trust` below: whoever can enter the socket folder may connect as any role, so the
    # folders are the owner's alone (root still can).
    mkdir -m 0700 "$pgtest_dir/socket" || pgtest_fail "could not make $pgtest_dir/socket" || return 1
    if [[ $(id -u) -eq 0 ]]; then
        chown -R postgres:postgres "$pgtest_dir" || pgtest_fail "could not give $pgtest_dir to the postgres user" || return 1
    fi
    local data=$pgtest_dir/data socket=$pgtest_dir/socket log=$pgtest_dir/postgres.log

    # UTF-8 with the C locale: text compares and sorts by byte, as SQLite's does.
    if ! pgtest_as_owner "$bindir/initdb" --pgdata="$data" --username=postgres --encoding=UTF8 --locale=C \
            --auth-local=trust --auth-host=reject --no-instructions > "$pgtest_dir/initdb.log" 2>&1; then
        cat "$pgtest_dir/initdb.log" >&2
        pgtest_fail "initdb failed (its output is above)"
        return 1
    fi

    local fsync=${PLATFORM_POSTGRES_FSYNC:-off}
    [[ $fsync == on || $fsync == off ]] || pgtest_fail "PLATFORM_POSTGRES_FSYNC must be on or off, not '$fsync'" || return 1
    # fsync, synchronous_commit and full_page_writes off (unless PLATFORM_POSTGRES_FSYNC=on) only because
    # this cluster is thrown away at exit: never do this to a cluster whose data matters. max_connections
    # above the default 100: tests run in parallel, each with a database and a store's small pool.
    local options="-c listen_addresses='' -k '$socket' -p $pgtest_port -c max_connections=200"
    options+=" -c fsync=$fsync -c synchronous_commit=$fsync -c full_page_writes=$fsync"
    if ! pgtest_as_owner "$bindir/pg_ctl" start --pgdata="$data" --log="$log" --wait --timeout=60 --silent -o "$options" >&2; then
        [[ -f $log ]] && tail -n 30 "$log" >&2
        pgtest_fail "PostgreSQL did not start (pg_ctl start; the server's log is above)"
        return 1
    fi

    local tries=0
    until "$bindir/pg_isready" --quiet --host="$socket" --port=$pgtest_port --timeout=5; do
        (( ++tries < 30 )) || { tail -n 30 "$log" >&2; pgtest_fail "PostgreSQL does not accept connections on $socket after 30 s (pg_isready)"; return 1; }
        sleep 1
    done

    # The tests' role: may log in and create (and so own and drop) its own databases; nothing else.
    if ! "$bindir/psql" --no-psqlrc --quiet --set=ON_ERROR_STOP=1 --host="$socket" --port=$pgtest_port \
            --username=postgres --dbname=postgres \
            --command="CREATE ROLE $pgtest_role LOGIN CREATEDB NOSUPERUSER NOCREATEROLE NOREPLICATION NOBYPASSRLS" >&2; then
        pgtest_fail "could not create the role $pgtest_role"
        return 1
    fi

    PLATFORM_TEST_POSTGRES="postgres://$pgtest_role@/postgres?host=$socket"
    export PLATFORM_TEST_POSTGRES
}

# pgtest_stop_cluster DIR: stops the cluster in DIR (fast shutdown: sessions are ended) and removes DIR.
pgtest_stop_cluster() {
    local dir=$1 bindir
    [[ -n $dir && -f $dir/$pgtest_marker ]] || pgtest_fail "$dir is not a folder made by scripts/postgres.sh" || return 1
    if [[ -f $dir/data/postmaster.pid ]]; then
        bindir=${pgtest_bindir:-${PG_BINDIR:-$(pgtest_find_bindir)}} || pgtest_fail "cannot find pg_ctl to stop the cluster in $dir" || return 1
        pgtest_as_owner "$bindir/pg_ctl" stop --pgdata="$dir/data" --mode=fast --wait --silent >/dev/null 2>&1 \
            || pgtest_as_owner "$bindir/pg_ctl" stop --pgdata="$dir/data" --mode=immediate --wait --silent >/dev/null 2>&1 \
            || pgtest_fail "could not stop the cluster in $dir (pg_ctl stop)" || return 1
    fi
    rm -rf "$dir"
}

if [[ ${BASH_SOURCE[0]} != "$0" ]]; then
    # Sourced: start, export, and clean up when the caller exits.
    if ! pgtest_start_cluster; then
        [[ -n ${pgtest_dir:-} ]] && pgtest_stop_cluster "$pgtest_dir" 2>/dev/null
        pgtest_fail "cannot run the PostgreSQL tests without a PostgreSQL cluster; see above"
        return 1
    fi
    trap 'pgtest_stop_cluster "$pgtest_dir"' EXIT
    echo "postgres.sh: throwaway cluster ($("$pgtest_bindir/postgres" --version)) in $pgtest_dir, stopped at exit"
    echo "PLATFORM_TEST_POSTGRES=$PLATFORM_TEST_POSTGRES"
    return 0
fi

set -uo pipefail
case ${1:-} in
    start)
        [[ $# -eq 1 ]] || { echo "usage: scripts/postgres.sh start" >&2; exit 2; }
        if ! pgtest_start_cluster; then
            [[ -n ${pgtest_dir:-} ]] && pgtest_stop_cluster "$pgtest_dir" 2>/dev/null
            exit 1
        fi
        echo "postgres.sh: started $("$pgtest_bindir/postgres" --version) in $pgtest_dir; stop it with: $0 stop $pgtest_dir" >&2
        printf "export PLATFORM_TEST_POSTGRES='%s'\n" "$PLATFORM_TEST_POSTGRES"
        ;;
    stop)
        [[ $# -eq 2 ]] || { echo "usage: scripts/postgres.sh stop DIR" >&2; exit 2; }
        pgtest_stop_cluster "$2" || exit 1
        ;;
    *)
        echo "usage: scripts/postgres.sh start | scripts/postgres.sh stop DIR  (or source it: . scripts/postgres.sh)" >&2
        exit 2
        ;;
esac
