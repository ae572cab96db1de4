#!/usr/bin/env bash
# Build Aftercare with warnings as errors (build-ci/) and run the whole test
# suite against a throwaway PostgreSQL 15 server and a loopback SMTP sink.
# CI runs exactly this (.ci/run). Exit status is ctest's.
#
#   AFTERCARE_TEST_PG_URL  postgresql://aftercare_test:PASSWORD@127.0.0.1:PORT/aftercare_test
#                          (role has LOGIN CREATEDB; tests create/drop their own databases)
#   AFTERCARE_TEST_SMTP    127.0.0.1:PORT (aiosmtpd, accepts and prints every message)
#   QT_QPA_PLATFORM        offscreen
#
# Everything started here is stopped and the temporary directory removed on
# exit, also on failure or Ctrl-C.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

PG_BIN=/usr/lib/postgresql/15/bin
PG_FIRST_PORT=54329
SMTP_FIRST_PORT=25259
SMTP_PYTHON=/usr/bin/python3   # the system python has python3-aiosmtpd

work=""        # temporary directory: PostgreSQL data, sockets, logs
pg_started=0
smtp_pid=""
as_pg=()       # prefix for PostgreSQL commands (runuser when we are root)

# ---------------------------------------------------------------------------

# port_in_use PORT: true when something accepts connections on 127.0.0.1:PORT
port_in_use() {
    (: <>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# free_port FIRST: print the first port from FIRST upward that nobody listens on
free_port() {
    local port=$1
    while port_in_use "$port"; do
        port=$((port + 1))
        if ((port > $1 + 200)); then
            echo "run-all: no free port in $1..$port" >&2
            return 1
        fi
    done
    echo "$port"
}

make_workdir() {
    if [[ "$(id -u)" -eq 0 ]]; then
        # initdb refuses to run as root: the cluster belongs to 'postgres'.
        # /tmp (not $TMPDIR, which may be under /root) so postgres can reach it.
        work="$(mktemp -d /tmp/aftercare-test.XXXXXX)"
        chown postgres: "$work"
        as_pg=(runuser -u postgres --)
    else
        work="$(mktemp -d "${TMPDIR:-/tmp}/aftercare-test.XXXXXX")"
        as_pg=()
    fi
}

# start_postgres: initdb + start a private server on 127.0.0.1, create the
# aftercare_test role and database, export AFTERCARE_TEST_PG_URL.
start_postgres() {
    local data="$work/pgdata" log="$work/postgresql.log"
    local password port attempt

    if [[ ! -x "$PG_BIN/initdb" ]]; then
        echo "run-all: $PG_BIN/initdb not found (is the 'postgresql' package installed?)" >&2
        return 1
    fi

    password="$(od -An -tx1 -N16 /dev/urandom | tr -d ' \n')"

    if ! "${as_pg[@]}" "$PG_BIN/initdb" -D "$data" -U postgres -E UTF8 --locale=C.UTF-8 \
            --auth-local=trust --auth-host=scram-sha-256 >"$work/initdb.log" 2>&1; then
        echo "run-all: initdb failed:" >&2
        cat "$work/initdb.log" >&2
        return 1
    fi

    # Settings go into the configuration file rather than onto a command line.
    cat >>"$data/postgresql.conf" <<CONF

# --- aftercare tests/run-all.sh: throwaway server, speed over durability ---
listen_addresses = '127.0.0.1'
unix_socket_directories = '$work'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 100
CONF

    # A port may be taken between the check and the start: try a few.
    port=$PG_FIRST_PORT
    for attempt in 1 2 3 4 5; do
        port="$(free_port "$port")"
        echo "port = $port" >>"$data/postgresql.conf"   # the last one wins
        echo "== starting PostgreSQL on 127.0.0.1:$port"
        rm -f "$log"
        if "${as_pg[@]}" "$PG_BIN/pg_ctl" -D "$data" -l "$log" -w -t 60 -s start; then
            pg_started=1
            break
        fi
        if ((attempt < 5)) && grep -q 'Address already in use' "$log" 2>/dev/null; then
            port=$((port + 1))
            continue
        fi
        echo "run-all: PostgreSQL failed to start; its log ($log):" >&2
        cat "$log" >&2 || true
        return 1
    done

    if ! "${as_pg[@]}" "$PG_BIN/psql" -X -q -h "$work" -p "$port" -U postgres -d postgres \
            -v ON_ERROR_STOP=1 <<SQL
CREATE ROLE aftercare_test LOGIN CREATEDB PASSWORD '$password';
CREATE DATABASE aftercare_test OWNER aftercare_test;
SQL
    then
        echo "run-all: could not create the aftercare_test role and database; server log:" >&2
        cat "$log" >&2 || true
        return 1
    fi

    export AFTERCARE_TEST_PG_URL="postgresql://aftercare_test:$password@127.0.0.1:$port/aftercare_test"
}

stop_postgres() {
    if ((pg_started)); then
        "${as_pg[@]}" "$PG_BIN/pg_ctl" -D "$work/pgdata" -m fast -w -t 60 -s stop || true
        pg_started=0
    fi
}

# start_smtp: aiosmtpd on 127.0.0.1, export AFTERCARE_TEST_SMTP.
start_smtp() {
    local port i
    port="$(free_port "$SMTP_FIRST_PORT")"
    echo "== starting SMTP sink on 127.0.0.1:$port"
    "$SMTP_PYTHON" -m aiosmtpd -n -l "127.0.0.1:$port" >"$work/smtp.log" 2>&1 &
    smtp_pid=$!
    for ((i = 0; i < 100; i++)); do
        if port_in_use "$port"; then
            export AFTERCARE_TEST_SMTP="127.0.0.1:$port"
            return 0
        fi
        if ! kill -0 "$smtp_pid" 2>/dev/null; then
            break
        fi
        sleep 0.1
    done
    echo "run-all: the SMTP sink did not start; its output:" >&2
    cat "$work/smtp.log" >&2 || true
    return 1
}

stop_smtp() {
    if [[ -n "$smtp_pid" ]]; then
        kill "$smtp_pid" 2>/dev/null || true
        wait "$smtp_pid" 2>/dev/null || true
        smtp_pid=""
    fi
}

cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    stop_smtp
    stop_postgres
    if [[ -n "$work" && -d "$work" ]]; then
        rm -rf "$work"
    fi
    exit "$rc"
}

# ---------------------------------------------------------------------------

main() {
    cd "$root"
    trap cleanup EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM

    echo "== installing build dependencies"
    packaging/install-deps.sh

    echo "== building (build-ci/, warnings are errors)"
    cmake --preset ci
    cmake --build --preset ci

    make_workdir
    start_postgres
    start_smtp

    export QT_QPA_PLATFORM=offscreen
    if [[ -z "${XDG_RUNTIME_DIR:-}" ]]; then
        # Qt warns on every start without one; give it a private one.
        mkdir -m 700 "$work/xdg-runtime"
        export XDG_RUNTIME_DIR="$work/xdg-runtime"
    fi

    echo "== running tests"
    local rc=0
    ctest --preset ci --output-on-failure -j2 || rc=$?
    if ((rc == 0)); then
        echo "== all tests passed"
    else
        echo "== tests FAILED (ctest exit code $rc)"
    fi
    exit "$rc"
}

# Only run when executed; sourcing gives access to the functions (for debugging).
if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
    main "$@"
fi
