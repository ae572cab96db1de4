#!/usr/bin/env bash
# Aftercare's benchmark suite: one command.
#
#   tests/bench/run.sh            the whole suite: a Release build (build-bench/), the reference
#                                 practice (demo --clients 50000 --years 10 --seed 1) on SQLite
#                                 and on a private PostgreSQL 15, plus 5 000 and 200 000 clients
#                                 for the growth table; writes docs/benchmarks.{md,json}
#   tests/bench/run.sh --quick    the reference practice only, fewer runs, no growth table
#   tests/bench/run.sh --prepare  only build the practices into the cache (no measurement)
#   --no-build --build-dir DIR    use an existing build as it is instead of building build-bench/
#   tests/bench/run.sh --smoke --build-dir DIR --out-dir DIR
#                                 CI (ctest bench_smoke): a 300-client practice, one run each,
#                                 on an existing build; checks only that it runs and writes
#                                 valid JSON
#
# Practices are built once and kept in ${AFTERCARE_BENCH_CACHE:-${XDG_CACHE_HOME:-~/.cache}/aftercare-bench}
# (SQLite files, and the PostgreSQL cluster that holds their PostgreSQL twins), keyed by size,
# seed and schema version. Details: docs/benchmarks-notes.md.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"

mode=full
prepare=0
no_build=0
build_dir="$root/build-bench"
out_dir="$root/docs"
while (($#)); do
    case "$1" in
        --quick) mode=quick ;;
        --smoke) mode=smoke ;;
        --prepare) prepare=1 ;;
        --no-build) no_build=1 ;;
        --build-dir) build_dir="$2"; shift ;;
        --out-dir) out_dir="$2"; shift ;;
        -h|--help) sed -n '2,20p' "${BASH_SOURCE[0]}"; exit 0 ;;
        *) echo "run.sh: unknown option $1" >&2; exit 2 ;;
    esac
    shift
done

# shellcheck source=../support/throwaway-postgres.sh
source "$root/tests/support/throwaway-postgres.sh"

scratch=""
cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    pg_stop
    [[ -n "$pg_work" && -d "$pg_work" ]] && rm -rf "$pg_work"
    [[ -n "$scratch" && -d "$scratch" ]] && rm -rf "$scratch"
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

args=(--build-dir "$build_dir" --out-dir "$out_dir")
if [[ "$mode" == smoke ]]; then
    # A throwaway cache: the smoke practice is tiny and must not touch the real one.
    scratch="$(mktemp -d "${TMPDIR:-/tmp}/aftercare-bench-smoke.XXXXXX")"
    args+=(--smoke --cache "$scratch/cache")
    export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
    if [[ -z "${AFTERCARE_TEST_PG_URL:-}" ]]; then
        pg_prepare_workdir
        pg_start "$pg_work/pgdata"
    fi
else
    if [[ "$mode" == quick ]]; then args+=(--quick); fi
    if ((prepare)); then args+=(--prepare); fi
    if ((!no_build)); then
        echo "== Release build in $build_dir"
        cmake -S "$root" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
        cmake --build "$build_dir" --target aftercare aftercare_bench
    fi
    cache="${AFTERCARE_BENCH_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/aftercare-bench}"
    mkdir -p "$cache"
    args+=(--cache "$cache")
    # AFTERCARE_BENCH_SHARED=1: other work ran on the machine meanwhile (said in the report).
    if [[ -n "${AFTERCARE_BENCH_SHARED:-}" ]]; then args+=(--shared); fi
    # The PostgreSQL cluster lives in the cache too, unless the server's user cannot reach it
    # (root's home): then beside it in /var/tmp.
    pg_prepare_workdir
    pgdata="$cache/pgdata"
    if ((${#as_pg[@]})) && ! "${as_pg[@]}" test -x "$cache"; then
        pgdata="/var/tmp/aftercare-bench-pgdata"
    fi
    pg_start "$pgdata"
    # Qt's offscreen platform: it paints every widget into a raster backing store like a
    # desktop does, without depending on an X server that other work on the machine shares.
    export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
fi
args+=(--pg-url "${AFTERCARE_TEST_PG_URL}")

python3 "$here/bench.py" "${args[@]}"
