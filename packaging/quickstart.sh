#!/usr/bin/env bash
# Quick start: install build dependencies, build Aftercare (build/, RelWithDebInfo)
# and open it on a demo practice (2000 clients, 5 years), created on first run.
# Any arguments are passed on to the application, e.g. --lang de.
# Without a display, run it as:  xvfb-run -a packaging/quickstart.sh
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

# Fail fast, before a long build, when there is nowhere to show a window.
# (QT_QPA_PLATFORM=offscreen or similar set by the caller is respected.)
if [[ -z "${DISPLAY:-}" && -z "${WAYLAND_DISPLAY:-}" && -z "${QT_QPA_PLATFORM:-}" ]]; then
    echo "quickstart: no display found (neither DISPLAY nor WAYLAND_DISPLAY is set)." >&2
    echo "quickstart: to run it headless under a virtual X server, use:" >&2
    echo "    xvfb-run -a packaging/quickstart.sh" >&2
    exit 1
fi

echo "== installing build dependencies"
packaging/install-deps.sh   # only apt-get goes through sudo; the build stays ours

echo "== configuring (build/, RelWithDebInfo)"
cmake --preset default

echo "== building the app"
cmake --build --preset default --target aftercare   # the app only: tests build with tests/run-all.sh

app="$root/build/app/aftercare"
if [[ ! -x "$app" ]]; then
    echo "quickstart: the build did not produce $app" >&2
    exit 1
fi

data_dir="${XDG_DATA_HOME:-$HOME/.local/share}/Aftercare"
DB="$data_dir/demo-practice.db"

if [[ ! -e "$DB" ]]; then
    echo "== creating the demo practice in $DB (first run only)"
    (umask 077 && mkdir -p "$data_dir")   # health data: the folder is for this user only
    # Generate into a scratch file and move it into place only when complete,
    # so an interrupted run does not leave a half-filled demo behind.
    partial="$data_dir/.demo-practice.partial-$$.db"
    trap 'rm -f "$partial" "$partial-journal" "$partial-wal" "$partial-shm"' EXIT
    if ! QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}" \
            "$app" --database "$partial" demo --clients 2000 --years 5 --seed 1; then
        echo "quickstart: creating the demo practice failed (see the message above)" >&2
        exit 1
    fi
    for suffix in -journal -wal -shm ""; do   # the main file last
        if [[ -e "$partial$suffix" ]]; then mv -f "$partial$suffix" "$DB$suffix"; fi
    done
    trap - EXIT
fi

echo "== starting Aftercare on $DB"
exec "$app" --database "$DB" "$@"
