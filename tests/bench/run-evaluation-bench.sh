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
RUNS=${BENCH_RUNS:-5}
N=10000
[[ ${1:-} == --quick ]] && N=2000

# shellcheck source=bench-lib.sh
. "$SRC/tests/bench/bench-lib.sh"

bench_build bench-evaluation
bench_postgresql

# The benchmark makes (and removes) its own SQLite file and PostgreSQL schema.
"$BENCH" "$N" "$RUNS" | tee "$OUT"

section "Committee results of $N nominations: C against one SQL query (median of $RUNS)"
grep -E '^(SQLite|PostgreSQL): ' "$OUT"
