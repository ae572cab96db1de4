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

SMTP_FIRST_PORT=25259
SMTP_PYTHON=/usr/bin/python3   # the system python has python3-aiosmtpd

smtp_pid=""

# PostgreSQL: pg_prepare_workdir, pg_start, pg_stop, free_port, port_in_use.
# shellcheck source=support/throwaway-postgres.sh
source "$root/tests/support/throwaway-postgres.sh"

# ---------------------------------------------------------------------------

# start_smtp: aiosmtpd on 127.0.0.1, export AFTERCARE_TEST_SMTP.
start_smtp() {
    local port i
    port="$(free_port "$SMTP_FIRST_PORT")"
    echo "== starting SMTP sink on 127.0.0.1:$port"
    "$SMTP_PYTHON" -m aiosmtpd -n -l "127.0.0.1:$port" >"$pg_work/smtp.log" 2>&1 &
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
    cat "$pg_work/smtp.log" >&2 || true
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
    pg_stop
    if [[ -n "$pg_work" && -d "$pg_work" ]]; then
        rm -rf "$pg_work"
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

    pg_prepare_workdir
    pg_start "$pg_work/pgdata"
    start_smtp

    export QT_QPA_PLATFORM=offscreen
    if [[ -z "${XDG_RUNTIME_DIR:-}" ]]; then
        # Qt warns on every start without one; give it a private one.
        mkdir -m 700 "$pg_work/xdg-runtime"
        export XDG_RUNTIME_DIR="$pg_work/xdg-runtime"
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
