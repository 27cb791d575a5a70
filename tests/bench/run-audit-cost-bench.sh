#!/bin/bash
# run-audit-cost-bench.sh — what the audit trail costs a bulk edit
#
# Copyright 2026 The Xianfeng developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Fills a database with 100,000 demo pioneers and edits all of them (read
# the file, change its tags, save it through the registry, 1,000 files per
# transaction), once with the audit trail (one entry per file) and once
# without it, and prints both times and their RATIO (goal: <= 1.3), on
# SQLite and on PostgreSQL. Each side runs BENCH_ROUNDS times, alternating
# (off, on, on, off…), and its best pass counts. See bench-audit-cost.c.
#
# Usage: tests/bench/run-audit-cost-bench.sh [--quick]   (--quick: 10,000 pioneers)
# Environment:
#   BENCH_BUILD_DIR   build directory (default: <source>/_build-bench, release)
#   BENCH_WORK_DIR    where the SQLite file goes (default: /tmp/xianfeng-audit-cost-bench)
#   BENCH_ROUNDS      passes of each side (default 2)
#   BENCH_PG=0        skip PostgreSQL
#   XIANFENG_TEST_POSTGRESQL
#                     a server's URL: the PostgreSQL run goes into a fresh
#                     schema there (dropped afterwards) instead of a
#                     throw-away cluster from build-aux/pg-cluster
#
# Needs: meson ninja; for PostgreSQL psql and a server (build-aux/dev deps).

set -euo pipefail

SRC=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BUILD=${BENCH_BUILD_DIR:-$SRC/_build-bench}
WORK=${BENCH_WORK_DIR:-/tmp/xianfeng-audit-cost-bench}
ROUNDS=${BENCH_ROUNDS:-2}
N=100000
[[ ${1:-} == --quick ]] && N=10000

export LC_ALL=C.UTF-8
unset LANGUAGE
export XIANFENG_DATA_DIR=$SRC/data

say () { printf '%s\n' "$*"; }
section () { printf '\n== %s\n' "$*"; }
field () { sed -n "s/.*$1: *\([0-9.]*\).*/\1/p" | head -1; }

section "Build ($BUILD)"
[[ -f $BUILD/build.ninja ]] || meson setup "$BUILD" "$SRC" --buildtype=release >/dev/null
ninja -C "$BUILD" tests/bench/bench-audit-cost >/dev/null
BENCH=$BUILD/tests/bench/bench-audit-cost
say "built: $BENCH"

mkdir -p "$WORK"
CLUSTER=""
SCHEMA=""
cleanup () {
  if [[ -n $SCHEMA ]]; then
    psql -X -q "$XIANFENG_TEST_POSTGRESQL" -c "DROP SCHEMA $SCHEMA CASCADE" >/dev/null 2>&1 || true
  fi
  if [[ -n $CLUSTER ]]; then
    "$SRC/build-aux/pg-cluster" stop "$CLUSTER" >/dev/null 2>&1 || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

declare -a SUMMARY=()
# Runs the benchmark on an empty database and keeps its summary line.
run () {
  local label=$1 location=$2 out
  section "$label: $N pioneers, $ROUNDS round(s)"
  "$BENCH" "$location" "$N" "$ROUNDS" | tee "$WORK/$label.out"
  out=$(cat "$WORK/$label.out")
  SUMMARY+=("$(printf '%-11s %9s %9s %7s %11s %7s' "$label" \
    "$(field without-s <<<"$out")" "$(field with-s <<<"$out")" "$(field ' ratio' <<<"$out")" \
    "$(field cpu-ratio <<<"$out")" "$(field saves-ratio <<<"$out")")")
}

run SQLite "$WORK/audit-cost.db"

if [[ ${BENCH_PG:-1} == 0 ]]; then
  say ""
  say "PostgreSQL: skipped (BENCH_PG=0)"
elif [[ -n ${XIANFENG_TEST_POSTGRESQL:-} ]]; then
  SCHEMA=xf_audit_cost_$$
  psql -X -q "$XIANFENG_TEST_POSTGRESQL" -c "CREATE SCHEMA $SCHEMA" >/dev/null
  sep='?'
  [[ $XIANFENG_TEST_POSTGRESQL == *\?* ]] && sep='&'
  run PostgreSQL "$XIANFENG_TEST_POSTGRESQL${sep}options=-csearch_path%3D$SCHEMA%2Cpublic"
elif CLUSTER=$("$SRC/build-aux/pg-cluster" start 2>/dev/null); then
  run PostgreSQL "$("$SRC/build-aux/pg-cluster" url "$CLUSTER")"
else
  CLUSTER=""
  say ""
  say "PostgreSQL: skipped (no server: set XIANFENG_TEST_POSTGRESQL or install one for build-aux/pg-cluster)"
fi

section "Bulk edit of $N files: with the audit trail against without it (best of $ROUNDS)"
printf '%-11s %9s %9s %7s %11s %7s\n' "backend" "without s" "with s" "ratio" "cpu ratio" "saves"
for line in "${SUMMARY[@]}"; do
  say "$line"
done
say "goal: ratio <= 1.3 (\"cpu ratio\": this process's CPU time only; \"saves\": the saves without the reads)"
