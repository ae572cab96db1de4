# Sourced by tests/run-all.sh and tests/bench/run.sh: a private PostgreSQL 15 server on
# 127.0.0.1 for tests and benchmarks.
#
#   pg_prepare_workdir          make $pg_work (sockets, logs); as root, one that 'postgres'
#                               can reach, and run the server as 'postgres'
#   pg_start DATA               start a server on DATA (initdb first if DATA is empty; a DATA
#                               kept from an earlier run is reused with its databases) on a
#                               free port; creates role and database aftercare_test with a
#                               fresh password and exports AFTERCARE_TEST_PG_URL
#   pg_psql ARGS...             psql as the superuser over the server's socket
#   pg_stop                     stop it (safe to call twice)
#
# The server is tuned for speed over durability (fsync off): never for data that matters.

PG_BIN=/usr/lib/postgresql/15/bin
PG_FIRST_PORT=54329

pg_work=""     # sockets and logs of this run
pg_data=""
pg_port=""
pg_started=0
as_pg=()       # prefix for PostgreSQL commands (runuser when we are root)

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
            echo "no free port in $1..$port" >&2
            return 1
        fi
    done
    echo "$port"
}

pg_prepare_workdir() {
    if [[ "$(id -u)" -eq 0 ]]; then
        # initdb refuses to run as root: the cluster belongs to 'postgres'.
        # /tmp (not $TMPDIR, which may be under /root) so postgres can reach it.
        pg_work="$(mktemp -d /tmp/aftercare-pg.XXXXXX)"
        chown postgres: "$pg_work"
        as_pg=(runuser -u postgres --)
    else
        pg_work="$(mktemp -d "${TMPDIR:-/tmp}/aftercare-pg.XXXXXX")"
        as_pg=()
    fi
}

pg_psql() {
    "${as_pg[@]}" "$PG_BIN/psql" -X -q -h "$pg_work" -p "$pg_port" -U postgres "$@"
}

pg_start() {
    pg_data="$1"
    local log="$pg_work/postgresql.log" password attempt

    if [[ ! -x "$PG_BIN/initdb" ]]; then
        echo "$PG_BIN/initdb not found (is the 'postgresql' package installed?)" >&2
        return 1
    fi
    if [[ ! -f "$pg_data/PG_VERSION" ]]; then
        mkdir -p "$pg_data"
        if [[ "$(id -u)" -eq 0 ]]; then chown postgres: "$pg_data"; fi
        if ! "${as_pg[@]}" "$PG_BIN/initdb" -D "$pg_data" -U postgres -E UTF8 --locale=C.UTF-8 \
                --auth-local=trust --auth-host=scram-sha-256 >"$pg_work/initdb.log" 2>&1; then
            echo "initdb failed:" >&2
            cat "$pg_work/initdb.log" >&2
            return 1
        fi
        # Settings go into the configuration file rather than onto a command line; what
        # changes from run to run (port, socket directory) into an included file.
        "${as_pg[@]}" tee -a "$pg_data/postgresql.conf" >/dev/null <<CONF

# --- aftercare tests/support/throwaway-postgres.sh: speed over durability ---
listen_addresses = '127.0.0.1'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 100
include_if_exists = 'aftercare-run.conf'
CONF
    fi

    password="$(od -An -tx1 -N16 /dev/urandom | tr -d ' \n')"
    # A port may be taken between the check and the start: try a few.
    pg_port=$PG_FIRST_PORT
    for attempt in 1 2 3 4 5; do
        pg_port="$(free_port "$pg_port")"
        printf "port = %s\nunix_socket_directories = '%s'\n" "$pg_port" "$pg_work" |
            "${as_pg[@]}" tee "$pg_data/aftercare-run.conf" >/dev/null
        echo "== starting PostgreSQL on 127.0.0.1:$pg_port"
        rm -f "$log"
        if "${as_pg[@]}" "$PG_BIN/pg_ctl" -D "$pg_data" -l "$log" -w -t 120 -s start; then
            pg_started=1
            break
        fi
        if ((attempt < 5)) && grep -q 'Address already in use' "$log" 2>/dev/null; then
            pg_port=$((pg_port + 1))
            continue
        fi
        echo "PostgreSQL failed to start; its log ($log):" >&2
        cat "$log" >&2 || true
        return 1
    done

    if ! pg_psql -d postgres -v ON_ERROR_STOP=1 <<SQL
SELECT 'CREATE ROLE aftercare_test LOGIN CREATEDB'
 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'aftercare_test') \gexec
ALTER ROLE aftercare_test PASSWORD '$password';
SELECT 'CREATE DATABASE aftercare_test OWNER aftercare_test'
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'aftercare_test') \gexec
SQL
    then
        echo "could not create the aftercare_test role and database; server log:" >&2
        cat "$log" >&2 || true
        return 1
    fi

    export AFTERCARE_TEST_PG_URL="postgresql://aftercare_test:$password@127.0.0.1:$pg_port/aftercare_test"
}

pg_stop() {
    if ((pg_started)); then
        "${as_pg[@]}" "$PG_BIN/pg_ctl" -D "$pg_data" -m fast -w -t 60 -s stop || true
        pg_started=0
    fi
}
