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

# shellcheck source=bench-lib.sh
. "$SRC/tests/bench/bench-lib.sh"
unset XIANFENG_TODAY

bench_build bench-services
bench_postgresql

# The benchmark makes (and removes) its own SQLite file and PostgreSQL schema.
"$BENCH" "$PIONEERS" "$REQUESTS" "$ATTEMPTS" "$THREADS" "$RUNS" | tee "$OUT"

section "Claims and suggestions on $PIONEERS pioneers ($(nproc) cores)"
grep -E '^(SQLite|PostgreSQL): ' "$OUT"
