#!/bin/bash
# run-pg-bench.sh — the registry on PostgreSQL at 1,000,000 pioneers
#
# Copyright 2026 The Xianfeng developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Starts a throw-away PostgreSQL cluster (build-aux/pg-cluster), and prints
# figures with RATIOS against baselines measured in the same run:
#
#  (a) copy throughput: `xianfeng-cli copy` of a 1,000,000-pioneer demo
#      database from SQLite to PostgreSQL, in rows per second, against
#      PostgreSQL's own pg_dump | psql moving the same rows between two
#      databases on the same server
#  (b) search and first page: the time the registry list takes to hand out
#      its first 50 rows (bench-pg, in-process, median of 9) against the
#      very same SQL, with the same parameters, run through psql with
#      \timing (median of 9); goal: ratio <= 1.5. The exact count, which a
#      worker runs on its own connection, is left out of both; psql idles
#      (untimed) where the app is idle, since a server woken from sleep
#      answers a first query slower than one kept busy (~1 ms here).
#
# Usage: tests/bench/run-pg-bench.sh [--quick]     (--quick: 100,000 pioneers)
# Environment: BENCH_BUILD_DIR (default <source>/_build-bench),
#              BENCH_WORK_DIR (default /tmp/xianfeng-pg-bench),
#              BENCH_KEEP=1 keeps the SQLite demo file for the next run.

set -euo pipefail

SRC=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BUILD=${BENCH_BUILD_DIR:-$SRC/_build-bench}
WORK=${BENCH_WORK_DIR:-/tmp/xianfeng-pg-bench}
N=1000000
[[ ${1:-} == --quick ]] && N=100000

export LC_ALL=C.UTF-8
unset LANGUAGE
export XIANFENG_DATA_DIR=$SRC/data

say () { printf '%s\n' "$*"; }
section () { printf '\n== %s\n' "$*"; }
now () { echo "$EPOCHREALTIME"; }
elapsed () { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", b - a }'; }
ratio () { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }

section "Build ($BUILD)"
[[ -f $BUILD/build.ninja ]] || meson setup "$BUILD" "$SRC" --buildtype=release >/dev/null
ninja -C "$BUILD" src/cli/xianfeng-cli tests/bench/bench-pg >/dev/null
CLI=$BUILD/src/cli/xianfeng-cli
BENCH=$BUILD/tests/bench/bench-pg

mkdir -p "$WORK"
CLUSTER=$("$SRC/build-aux/pg-cluster" start 2>/dev/null)
cleanup () {
  "$SRC/build-aux/pg-cluster" stop "$CLUSTER" >/dev/null 2>&1 || true
  [[ ${BENCH_KEEP:-0} == 1 ]] || rm -rf "$WORK"
}
trap cleanup EXIT
BASE_URL=$("$SRC/build-aux/pg-cluster" url "$CLUSTER")
SERVER_URL=${BASE_URL%/*}
say "cluster: $CLUSTER ($SERVER_URL)"
psql -X -q "$SERVER_URL/postgres" -c "CREATE DATABASE bench" -c "CREATE DATABASE baseline"
URL=$SERVER_URL/bench

DEMO=$WORK/demo-$N.db
if [[ ! -f $DEMO ]]; then
  section "Demo data: $N pioneers into SQLite"
  "$CLI" --database "$DEMO.part" demo --pioneers "$N" --collectives 0 >/dev/null 2>&1
  mv "$DEMO.part" "$DEMO"
fi

section "(a) copy SQLite -> PostgreSQL"
t0=$(now)
"$CLI" copy --from "$DEMO" --to "$URL" 2>"$WORK/copy.log" >"$WORK/copy.out" || { cat "$WORK/copy.log" "$WORK/copy.out"; exit 1; }
t1=$(now)
COPY_S=$(elapsed "$t0" "$t1")
ROWS=$(psql -X -At "$URL" -c "select count(*) from pioneers")
ALL_ROWS=$(psql -X -At "$URL" -c "select (select count(*) from organisations) + (select count(*) from pioneers) + (select count(*) from honours) + (select count(*) from accounts) + (select count(*) from account_grants) + (select count(*) from audit_log) + (select count(*) from database_info)")
t0=$(now)
pg_dump --no-owner "$URL" | psql -X -q -o /dev/null "$SERVER_URL/baseline" 2>/dev/null
t1=$(now)
DUMP_S=$(elapsed "$t0" "$t1")
BASE_ROWS=$(psql -X -At "$SERVER_URL/baseline" -c "select count(*) from pioneers")
[[ $BASE_ROWS == "$ROWS" ]] || { say "baseline copied $BASE_ROWS pioneers, not $ROWS"; exit 1; }
COPY_RATE=$(awk -v r="$ALL_ROWS" -v s="$COPY_S" 'BEGIN { printf "%.0f", r / s }')
DUMP_RATE=$(awk -v r="$ALL_ROWS" -v s="$DUMP_S" 'BEGIN { printf "%.0f", r / s }')
say "rows copied (all tables): $ALL_ROWS ($ROWS pioneers)"
say "xianfeng-cli copy:  ${COPY_S} s  ${COPY_RATE} rows/s   (indexes and search tables included)"
say "pg_dump | psql:     ${DUMP_S} s  ${DUMP_RATE} rows/s   (baseline, same rows and indexes)"
say "time ratio copy / pg_dump|psql: $(ratio "$COPY_S" "$DUMP_S")"

section "(b) search and first page: app vs psql (goal <= 1.5)"
psql -X -q "$URL" -c "VACUUM ANALYZE" 
"$BENCH" "$URL" "$WORK" | tee "$WORK/bench.txt"
printf '%-14s %10s %10s %7s\n' query app-ms psql-ms ratio
while read -r _ query _ runs _ app_ms _ statements _ script; do
  # psql prints one "Time:" line per statement; sum each run's, take the median.
  psql_ms=$(psql -X -q "$URL" -f "$script" 2>/dev/null \
    | awk -v k="$statements" '/^Time:/ { sum += $2; if (++i % k == 0) { print sum; sum = 0 } }' \
    | sort -g | awk '{ t[NR] = $1 } END { printf "%.3f", t[int((NR + 1) / 2)] }')
  printf '%-14s %10s %10s %7s\n' "$query" "$app_ms" "$psql_ms" "$(ratio "$app_ms" "$psql_ms")"
done <"$WORK/bench.txt"
