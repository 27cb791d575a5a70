#!/bin/bash
# run-services-bench.sh — claims under contention, and suggestions against one SQL query
#
# Copyright 2026 The Xianfeng developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Builds bench-services and runs it on SQLite and on PostgreSQL:
# 1,000,000 pioneers with one offer each, 100,000 requests (80% open, 20%
# done and rated), then 1,000,000 claim attempts through
# xf_services_claim by several desks at once (attempts/s, wins/s, and the
# check that no request has two winners), then xf_services_suggest for one
# open request of each catalogue item against the same ranking as ONE SQL
# query (same top 10 checked; ratio C / SQL, goal <= 1.5). Not run by CI.
# See bench-services.c.
#
# Usage: tests/bench/run-services-bench.sh [--quick]
#   --quick   100,000 pioneers, 10,000 requests, 100,000 attempts
# Environment:
#   BENCH_BUILD_DIR    build directory (default: <source>/_build-bench, release)
#   BENCH_RUNS         timed runs of the suggestions (default 5)
#   BENCH_THREADS      desks claiming at once (default 4)
#   BENCH_PG=0         skip PostgreSQL
#   BENCH_SQLITE=0     skip SQLite
#   BENCH_PG_ATTEMPTS  claim attempts on PostgreSQL (default: as on SQLite)
#   XIANFENG_TEST_POSTGRESQL
#                      a server's URL: the PostgreSQL run goes into a fresh
#                      schema there (dropped afterwards) instead of a
#                      throw-away cluster from build-aux/pg-cluster
#
# Needs: meson ninja; for PostgreSQL a server (build-aux/dev deps).

set -euo pipefail

SRC=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BUILD=${BENCH_BUILD_DIR:-$SRC/_build-bench}
RUNS=${BENCH_RUNS:-5}
THREADS=${BENCH_THREADS:-4}
PIONEERS=1000000
REQUESTS=100000
ATTEMPTS=1000000
if [[ ${1:-} == --quick ]]; then
  PIONEERS=100000
  REQUESTS=10000
  ATTEMPTS=100000
fi

export LC_ALL=C.UTF-8
unset LANGUAGE XIANFENG_TODAY
export XIANFENG_DATA_DIR=$SRC/data

say () { printf '%s\n' "$*"; }
section () { printf '\n== %s\n' "$*"; }

section "Build ($BUILD)"
[[ -f $BUILD/build.ninja ]] || meson setup "$BUILD" "$SRC" --buildtype=release >/dev/null
ninja -C "$BUILD" tests/bench/bench-services >/dev/null
BENCH=$BUILD/tests/bench/bench-services
say "built: $BENCH"

CLUSTER=""
cleanup () {
  if [[ -n $CLUSTER ]]; then
    "$SRC/build-aux/pg-cluster" stop "$CLUSTER" >/dev/null 2>&1 || true
  fi
}
trap cleanup EXIT

if [[ ${BENCH_PG:-1} == 0 ]]; then
  unset XIANFENG_TEST_POSTGRESQL
elif [[ -z ${XIANFENG_TEST_POSTGRESQL:-} ]]; then
  if CLUSTER=$("$SRC/build-aux/pg-cluster" start 2>/dev/null); then
    XIANFENG_TEST_POSTGRESQL=$("$SRC/build-aux/pg-cluster" url "$CLUSTER")
    export XIANFENG_TEST_POSTGRESQL
    say "cluster: $CLUSTER"
  else
    CLUSTER=""
    say "PostgreSQL: no server (set XIANFENG_TEST_POSTGRESQL or install one for build-aux/pg-cluster)"
  fi
fi

# The benchmark makes (and removes) its own SQLite file and PostgreSQL schema.
OUT=$(mktemp)
trap 'cleanup; rm -f "$OUT"' EXIT
"$BENCH" "$PIONEERS" "$REQUESTS" "$ATTEMPTS" "$THREADS" "$RUNS" | tee "$OUT"

section "Claims and suggestions on $PIONEERS pioneers ($(nproc) cores)"
grep -E '^(SQLite|PostgreSQL): ' "$OUT"
