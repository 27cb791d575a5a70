#!/bin/bash
# run-import-bench.sh — importing a million individuals from CSV, against sqlite3 .import
#
# Copyright 2026 The Xianfeng developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Builds xianfeng-cli and bench-import (release), generates once (kept
# under the build directory) a CSV of 1,000,000 individuals as the
# organisations' lists have them (bench-import.c: valid identity numbers,
# names, genders, birth dates in several formats, mobiles, employers,
# industries, Huzhou regions as labels or codes, education; about 1% bad
# rows), then measures in the same run:
#   (a) the sheet reader alone over the file (XfSheetReader);
#   (b) the baseline: `sqlite3 DB ".import --csv FILE t"` into a bare table;
#   (c) `xianfeng-cli import FILE` into a fresh database, validation on;
#       ratio (c)/(b), goal <= 3;
#   (d) `xianfeng-cli backup` and `restore` of the database (c) made.
# Times are wall clock ("s") and CPU, user + system ("cpu"): on a shared
# machine the CPU ratio is the steadier one. Not run by CI.
#
# Usage: tests/bench/run-import-bench.sh [--quick]
#   --quick   100,000 rows
# Environment:
#   BENCH_BUILD_DIR    build directory (default: <source>/_build-bench, release)
#   BENCH_ROWS         rows (default 1,000,000; --quick 100,000)
#   BENCH_FRESH=1      generate the file again
#   BENCH_PERF=1       record the import under `perf record` (perf.data in the work folder)
#   BENCH_KEEP=1       keep the work folder (databases, report)
#
# Needs: meson ninja sqlite3 (and perf for BENCH_PERF).

set -euo pipefail

SRC=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
ROWS=${BENCH_ROWS:-1000000}
if [[ ${1:-} == --quick ]]; then
  ROWS=${BENCH_ROWS:-100000}
fi

# shellcheck source=bench-lib.sh
. "$SRC/tests/bench/bench-lib.sh"

command -v sqlite3 >/dev/null || { say "sqlite3 is needed for the baseline"; exit 2; }

bench_build bench-import
ninja -C "$BUILD" src/cli/xianfeng-cli >/dev/null
CLI=$BUILD/src/cli/xianfeng-cli

WORK=$(mktemp -d "${TMPDIR:-/tmp}/xf-import-bench.XXXXXX")
finish () {
  cleanup
  if [[ ${BENCH_KEEP:-0} == 1 ]]; then
    say "kept: $WORK"
  else
    rm -rf "$WORK"
  fi
}
trap finish EXIT

CACHE=$BUILD/bench-import
CSV=$CACHE/individuals-$ROWS.csv
mkdir -p "$CACHE"
if [[ ${BENCH_FRESH:-0} == 1 || ! -f $CSV ]]; then
  section "File: $ROWS individuals"
  "$BENCH" generate "$CSV.part" "$ROWS"
  mv "$CSV.part" "$CSV"
else
  say "file: $CSV (kept from an earlier run; BENCH_FRESH=1 makes it again)"
fi
say "size: $(du -h "$CSV" | cut -f1), $(wc -l <"$CSV") lines"

# measure NAME COMMAND…: runs it once; sets REAL and CPU (seconds) and
# prints them. The command's output goes to $WORK/NAME.out.
measure () {
  local name=$1 status=0
  shift
  local TIMEFORMAT='%R %U %S'
  { time "$@" >"$WORK/$name.out" 2>"$WORK/$name.err" || status=$?; } 2>"$WORK/$name.time"
  read -r REAL user sys <"$WORK/$name.time"
  CPU=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
  STATUS=$status
  printf '%-28s %8.2f s %8.2f cpu  (exit %d)\n' "$name" "$REAL" "$CPU" "$status"
}

section "(a) Sheet reader"
measure sheet-reader "$BENCH" read "$CSV"
cat "$WORK/sheet-reader.out"

section "(b) Baseline: sqlite3 .import into a bare table"
measure sqlite3-import sqlite3 "$WORK/bare.db" ".import --csv $CSV t"
BASE_REAL=$REAL BASE_CPU=$CPU
say "rows in t: $(sqlite3 "$WORK/bare.db" 'SELECT count(*) FROM t')"

section "(c) xianfeng-cli import, validation on"
"$CLI" --database "$WORK/xianfeng.db" init >/dev/null
if [[ ${BENCH_PERF:-0} == 1 ]]; then
  measure xianfeng-import perf record -g -o "$WORK/perf.data" "$CLI" --database "$WORK/xianfeng.db" import "$CSV"
  say "perf: perf report -i $WORK/perf.data (BENCH_KEEP=1 keeps it)"
else
  measure xianfeng-import "$CLI" --database "$WORK/xianfeng.db" import "$CSV"
fi
IMPORT_REAL=$REAL IMPORT_CPU=$CPU IMPORT_STATUS=$STATUS
say "report: $(grep -c '^Line ' "$WORK/xianfeng-import.out" || true) rows listed; $(tail -1 "$WORK/xianfeng-import.out")"
[[ -s $WORK/xianfeng-import.err ]] && head -3 "$WORK/xianfeng-import.err"
say "pioneers stored: $(sqlite3 "$WORK/xianfeng.db" 'SELECT count(*) FROM pioneers')"
say "database: $(du -h "$WORK/xianfeng.db" | cut -f1)"

section "(d) Backup and restore of that database"
measure backup "$CLI" --database "$WORK/xianfeng.db" backup "$WORK/backup.db"
BACKUP_REAL=$REAL BACKUP_STATUS=$STATUS
[[ $BACKUP_STATUS == 0 ]] || head -3 "$WORK/backup.err"
RESTORE_REAL=""
if [[ $BACKUP_STATUS == 0 ]]; then
  measure restore "$CLI" --database "$WORK/restored.db" restore "$WORK/backup.db"
  RESTORE_REAL=$REAL
  [[ $STATUS == 0 ]] || head -3 "$WORK/restore.err"
  say "pioneers restored: $(sqlite3 "$WORK/restored.db" 'SELECT count(*) FROM pioneers' 2>/dev/null || echo '?')"
fi

section "Summary"
say "rows: $ROWS"
awk -v ir="$IMPORT_REAL" -v br="$BASE_REAL" -v ic="$IMPORT_CPU" -v bc="$BASE_CPU" -v st="$IMPORT_STATUS" 'BEGIN {
  printf "sqlite3 .import:      %.2f s (%.2f cpu)\n", br, bc
  printf "xianfeng-cli import:  %.2f s (%.2f cpu), exit %d\n", ir, ic, st
  printf "(c)/(b) ratio:        %.2f wall, %.2f cpu (goal <= 3)\n", ir / br, ic / bc
}'
[[ -n $BACKUP_REAL ]] && say "backup:  $BACKUP_REAL s"
[[ -n $RESTORE_REAL ]] && say "restore: $RESTORE_REAL s"
exit 0
