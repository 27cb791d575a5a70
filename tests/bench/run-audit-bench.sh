#!/bin/bash
# run-audit-bench.sh — verifying an audit trail of 1,000,000 entries
#
# Copyright 2026 The Xianfeng developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Fills a SQLite database with N entries (bench-audit fill: one transaction,
# xf_audit_append in a loop), then times `audit verify` in-process
# (bench-audit verify, median of BENCH_RUNS) and prints it with entries per
# second, against baselines measured on the same file in the same run:
#
#  (a) read: the same rows in the same order through the sqlite3 shell,
#      `SELECT * FROM audit_log ORDER BY seq` written to /dev/null. Verifying
#      must read every row in seq order, so this is its floor on this disk
#      and CPU; the ratio verify/read says what the checking adds.
#  (b) read + hash: the same output piped through sha256sum, i.e. every
#      byte read and hashed once with SHA-256 (one stream rather than one
#      hash per row, so a little cheaper than any per-row chain). Verifying
#      cannot do less work than this; a ratio near 1 means it wastes little.
#
# Goal: verify 1,000,000 entries in under 10 s.
#
# With --postgresql it also starts a throw-away cluster (build-aux/pg-cluster),
# copies the file there with `xianfeng-cli copy`, and times the verification
# on PostgreSQL against (c) psql's `COPY (SELECT * FROM audit_log ORDER BY
# seq) TO STDOUT` to /dev/null, the server's own fastest way to hand out
# the same rows.
#
# Usage: tests/bench/run-audit-bench.sh [--quick] [--postgresql]
#   --quick        100,000 entries instead
# Environment: BENCH_BUILD_DIR (default <source>/_build-bench),
#              BENCH_WORK_DIR (default /tmp/xianfeng-audit-bench),
#              BENCH_RUNS (default 3), BENCH_KEEP=1 keeps the filled file
#              for the next run (it is reused when it has N entries).
# Needs: meson ninja sqlite3 sha256sum; psql for --postgresql.

set -euo pipefail

SRC=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BUILD=${BENCH_BUILD_DIR:-$SRC/_build-bench}
WORK=${BENCH_WORK_DIR:-/tmp/xianfeng-audit-bench}
RUNS=${BENCH_RUNS:-3}
N=1000000
PG=0
for arg in "$@"; do
  case $arg in
    --quick) N=100000 ;;
    --postgresql) PG=1 ;;
    *) echo "Usage: $0 [--quick] [--postgresql]" >&2; exit 2 ;;
  esac
done

export LC_ALL=C.UTF-8
unset LANGUAGE
export XIANFENG_DATA_DIR=$SRC/data
# Verifications record the chain's head here, not in the user's own state.
export XDG_STATE_HOME=$WORK/state

say () { printf '%s\n' "$*"; }
section () { printf '\n== %s\n' "$*"; }
now () { echo "$EPOCHREALTIME"; }
elapsed () { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", b - a }'; }
ratio () { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }
median () { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
# The number after "seconds:" in bench-audit's line.
seconds_of () { sed -n 's/.* seconds: \([0-9.]*\) .*/\1/p'; }

section "Build ($BUILD)"
[[ -f $BUILD/build.ninja ]] || meson setup "$BUILD" "$SRC" --buildtype=release >/dev/null
ninja -C "$BUILD" tests/bench/bench-audit src/cli/xianfeng-cli >/dev/null
BENCH=$BUILD/tests/bench/bench-audit
CLI=$BUILD/src/cli/xianfeng-cli

mkdir -p "$WORK"
DB=$WORK/audit-$N.db
CLUSTER=
cleanup () {
  [[ -n $CLUSTER ]] && "$SRC/build-aux/pg-cluster" stop "$CLUSTER" >/dev/null 2>&1 || true
  if [[ ${BENCH_KEEP:-0} == 1 ]]; then rm -rf "$WORK/state"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

section "Fill: $N entries (SQLite)"
if [[ -f $DB ]] && [[ $(sqlite3 "$DB" "SELECT count(*) FROM audit_log" 2>/dev/null || echo 0) == "$N" ]]; then
  say "reusing $DB"
else
  rm -f "$DB" "$DB-wal" "$DB-shm"
  "$BENCH" fill "$DB" "$N"
fi
say "file: $(du -h "$DB" | cut -f1)"

# Verifies @1 RUNS times; prints each run's line and leaves the median in $VERIFY.
verify_runs () {
  local times=()
  for ((i = 0; i < RUNS; i++)); do
    rm -rf "$XDG_STATE_HOME"
    local line
    line=$("$BENCH" verify "$1")
    say "  $line"
    times+=("$(seconds_of <<<"$line")")
  done
  VERIFY=$(printf '%s\n' "${times[@]}" | median)
}

# Times a shell command @1 RUNS times; leaves the median seconds in $BASE.
baseline_runs () {
  local times=()
  for ((i = 0; i < RUNS; i++)); do
    local start end
    start=$(now)
    bash -c "$1"
    end=$(now)
    times+=("$(elapsed "$start" "$end")")
  done
  BASE=$(printf '%s\n' "${times[@]}" | median)
}

section "Verify (SQLite), median of $RUNS"
verify_runs "$DB"
SQLITE_VERIFY=$VERIFY
baseline_runs "sqlite3 '$DB' 'SELECT * FROM audit_log ORDER BY seq' >/dev/null"
READ=$BASE
baseline_runs "sqlite3 '$DB' 'SELECT * FROM audit_log ORDER BY seq' | sha256sum >/dev/null"
READ_HASH=$BASE

section "Results (SQLite, $N entries)"
say "verify:                $SQLITE_VERIFY s  ($(awk -v n="$N" -v s="$SQLITE_VERIFY" 'BEGIN { printf "%.0f", n / s }') entries/s; goal < 10 s for 1,000,000)"
say "(a) read (sqlite3):    $READ s   verify/read:        $(ratio "$SQLITE_VERIFY" "$READ")"
say "(b) read + sha256sum:  $READ_HASH s   verify/read+hash:   $(ratio "$SQLITE_VERIFY" "$READ_HASH")"

if [[ $PG == 1 ]]; then
  section "PostgreSQL"
  CLUSTER=$("$SRC/build-aux/pg-cluster" start 2>/dev/null)
  URL=$("$SRC/build-aux/pg-cluster" url "$CLUSTER")
  say "cluster: $CLUSTER"
  "$CLI" copy --from "$DB" --to "$URL" >/dev/null 2>&1
  say "copied $N entries with xianfeng-cli copy"
  verify_runs "$URL"
  PG_VERIFY=$VERIFY
  baseline_runs "psql -X -q '$URL' -c 'COPY (SELECT * FROM audit_log ORDER BY seq) TO STDOUT' >/dev/null"
  PG_READ=$BASE

  section "Results (PostgreSQL, $N entries)"
  say "verify:                $PG_VERIFY s  ($(awk -v n="$N" -v s="$PG_VERIFY" 'BEGIN { printf "%.0f", n / s }') entries/s)"
  say "(c) read (psql COPY):  $PG_READ s   verify/read:        $(ratio "$PG_VERIFY" "$PG_READ")"
fi
