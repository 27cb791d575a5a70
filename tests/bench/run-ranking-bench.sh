#!/bin/bash
# run-ranking-bench.sh — the pioneer index, statistics and cockpit on a million files
#
# Copyright 2026 The Xianfeng developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Builds xianfeng-cli and bench-ranking, makes (once) a SQLite database of
# 1,000,000 demo individuals and 20,000 collectives with 10,000,000
# engagement events over the 12 months before today (bench-ranking fill:
# one transaction through the sqlite3 API, indexes after), kept under the
# build directory so that the next run starts at once, then measures with
# ratios against baselines in the same run (see bench-ranking.c):
#   (a) xf_ranking_preview / xf_ranking_compute of the previous month
#       against one hand-written SQL query for the same top 20 (same top 20
#       checked; goal <= 1.5);
#   (b) xf_stats_count region × industry against a direct GROUP BY
#       (goal <= 1.3);
#   (c) xf_cockpit_gather (goal < 1 s).
# Not run by CI.
#
# Usage: tests/bench/run-ranking-bench.sh [--quick]
#   --quick   100,000 pioneers, 1,000,000 events
# Environment:
#   BENCH_BUILD_DIR    build directory (default: <source>/_build-bench, release)
#   BENCH_RUNS         timed runs (default 5)
#   BENCH_FRESH=1      make the database again
#
# Needs: meson ninja.

set -euo pipefail

SRC=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
RUNS=${BENCH_RUNS:-5}
PIONEERS=1000000
COLLECTIVES=20000
EVENTS=10000000
if [[ ${1:-} == --quick ]]; then
  PIONEERS=100000
  COLLECTIVES=2000
  EVENTS=1000000
fi

# shellcheck source=bench-lib.sh
. "$SRC/tests/bench/bench-lib.sh"
unset XIANFENG_TODAY

bench_build bench-ranking
ninja -C "$BUILD" src/cli/xianfeng-cli >/dev/null
CLI=$BUILD/src/cli/xianfeng-cli

# The events are dated back from today: a file made on another day is
# made again.
CACHE=$BUILD/bench-ranking
DB=$CACHE/ranking-$PIONEERS-$EVENTS-$(date +%Y-%m-%d).db
mkdir -p "$CACHE"
if [[ ${BENCH_FRESH:-0} == 1 || ! -f $DB ]]; then
  section "Database: $PIONEERS individuals, $COLLECTIVES collectives, $EVENTS events"
  rm -f "$CACHE"/ranking-$PIONEERS-$EVENTS-*.db "$DB.part"
  start=$EPOCHREALTIME
  "$CLI" --database "$DB.part" demo --pioneers "$PIONEERS" --collectives "$COLLECTIVES" --no-accounts | tail -1
  "$BENCH" fill "$DB.part" "$EVENTS" | tail -1
  mv "$DB.part" "$DB"
  awk -v a="$start" -v b="$EPOCHREALTIME" 'BEGIN { printf "made in %.0f s: ", b - a }'
  du -h "$DB" | cut -f1
else
  say "database: $DB (kept from an earlier run; BENCH_FRESH=1 makes it again)"
fi

"$BENCH" run "$DB" "$RUNS" | tee "$OUT"

section "Summary"
grep -E '^\((a|b|c)\)|same top' "$OUT"
