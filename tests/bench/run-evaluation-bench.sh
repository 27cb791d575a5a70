#!/bin/bash
# run-evaluation-bench.sh — committee results in C against one SQL query
#
# Copyright 2026 The Xianfeng developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Builds bench-evaluation and runs it: 10,000 nominations in one open
# review round, 15 reviewers, 6 criteria (about 900,000 scores and 150,000
# votes), on SQLite and on PostgreSQL. xf_evaluation_compute_results (one
# ordered read of the scores, one grouped read of the votes, the rest in
# C) is timed against one SQL query computing the same per-nomination
# weighted means and vote counts, median of 5 each, after checking that
# both agree to 1e-9. Prints the RATIO C / SQL per backend (goal: <= 1.5).
# See bench-evaluation.c.
#
# Usage: tests/bench/run-evaluation-bench.sh [--quick]   (--quick: 2,000 nominations)
# Environment:
#   BENCH_BUILD_DIR   build directory (default: <source>/_build-bench, release)
#   BENCH_RUNS        timed runs of each side (default 5)
#   BENCH_PG=0        skip PostgreSQL
#   XIANFENG_TEST_POSTGRESQL
#                     a server's URL: the PostgreSQL run goes into a fresh
#                     schema there (dropped afterwards) instead of a
#                     throw-away cluster from build-aux/pg-cluster
#
# Needs: meson ninja; for PostgreSQL a server (build-aux/dev deps).

set -euo pipefail

SRC=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BUILD=${BENCH_BUILD_DIR:-$SRC/_build-bench}
RUNS=${BENCH_RUNS:-5}
N=10000
[[ ${1:-} == --quick ]] && N=2000

export LC_ALL=C.UTF-8
unset LANGUAGE
export XIANFENG_DATA_DIR=$SRC/data

say () { printf '%s\n' "$*"; }
section () { printf '\n== %s\n' "$*"; }

section "Build ($BUILD)"
[[ -f $BUILD/build.ninja ]] || meson setup "$BUILD" "$SRC" --buildtype=release >/dev/null
ninja -C "$BUILD" tests/bench/bench-evaluation >/dev/null
BENCH=$BUILD/tests/bench/bench-evaluation
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
"$BENCH" "$N" "$RUNS" | tee "$OUT"

section "Committee results of $N nominations: C against one SQL query (median of $RUNS)"
grep -E '^(SQLite|PostgreSQL): ' "$OUT"
