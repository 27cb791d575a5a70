#!/bin/bash
# run-registry-bench.sh — how the registry holds up at 1,000,000 pioneers
#
# Copyright 2026 The Xianfeng developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Builds Xianfeng (release-like), generates demo databases outside the
# source tree and prints figures with RATIOS against baselines measured in
# the same run, so that the numbers mean the same on any machine:
#
#  (a) demo generation: 1,000,000 individuals vs 100,000 (scaling per row)
#  (b) `xianfeng-cli pioneers search` vs the same query in the sqlite3 shell
#      (goal <= 1.5), and 1–2 character searches vs a plain LIKE scan
#  (c) the app's first rows and memory on 1,000,000 vs an empty database
#      (goals: within 0.5 s, < 50 MB more)
#  (d) the app scrolling through 1,000,000: frames per second
#
# Usage: tests/bench/run-registry-bench.sh [--quick]
#   --quick           100,000 vs 10,000 instead (a few seconds)
# Environment:
#   BENCH_BUILD_DIR   build directory (default: <source>/_build-bench)
#   BENCH_WORK_DIR    where the databases go (default: /tmp/xianfeng-bench)
#   BENCH_KEEP=1      keep the databases afterwards (they are reused when present)
#   BENCH_SKIP_APP=1  skip (c) and (d)
#   BENCH_RUNS=N      run the app N times for each figure of (c) and (d) and
#                     report the medians (default 3: the machine may be busy)
#   BENCH_GL=1        let GDK set up OpenGL for (c) and (d); by default it is
#                     turned off (GDK_DEBUG=gl-disable) for every run alike:
#                     the app draws with cairo here, yet GDK on X11 loads Mesa
#                     when it opens the display, some 60 ms and 60 MB that
#                     tell nothing about the registry
#
# Needs: meson ninja sqlite3; for (c)/(d) xvfb-run and dbus-run-session.

set -euo pipefail

SRC=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BUILD=${BENCH_BUILD_DIR:-$SRC/_build-bench}
WORK=${BENCH_WORK_DIR:-/tmp/xianfeng-bench}
BIG=1000000
SMALL=100000
if [[ ${1:-} == --quick ]]; then
  BIG=100000
  SMALL=10000
fi

export LC_ALL=C.UTF-8
unset LANGUAGE
export XIANFENG_DATA_DIR=$SRC/data
export GSETTINGS_BACKEND=memory
export GSETTINGS_SCHEMA_DIR=$BUILD/data

say () { printf '%s\n' "$*"; }
section () { printf '\n== %s\n' "$*"; }
now () { echo "$EPOCHREALTIME"; }
# Seconds between two $EPOCHREALTIME stamps, to the millisecond.
elapsed () { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", b - a }'; }
ratio () { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }

# Best wall time of N runs of a command (output discarded), in seconds.
best_of () {
  local n=$1; shift
  local best=""
  for _ in $(seq "$n"); do
    local t0 t1 t
    t0=$(now)
    "$@" >/dev/null
    t1=$(now)
    t=$(elapsed "$t0" "$t1")
    if [[ -z $best ]] || awk -v a="$t" -v b="$best" 'BEGIN { exit !(a < b) }'; then
      best=$t
    fi
  done
  echo "$best"
}

for tool in meson ninja sqlite3; do
  command -v "$tool" >/dev/null || { say "run-registry-bench: $tool is missing"; exit 1; }
done

section "Build ($BUILD)"
if [[ ! -f $BUILD/build.ninja ]]; then
  meson setup "$BUILD" "$SRC" --buildtype=release >/dev/null
fi
ninja -C "$BUILD" >/dev/null
CLI=$BUILD/src/cli/xianfeng-cli
BENCH=$BUILD/tests/bench/bench-registry
APP=$BUILD/src/ui/xianfeng
say "built: $CLI"

mkdir -p "$WORK"
EMPTY=$WORK/empty.db
SMALL_DB=$WORK/demo-$SMALL.db
BIG_DB=$WORK/demo-$BIG.db

cleanup () {
  if [[ ${BENCH_KEEP:-0} != 1 ]]; then
    rm -f "$EMPTY"* "$SMALL_DB"* "$BIG_DB"* "$WORK/time.txt"
    rmdir "$WORK" 2>/dev/null || true
  fi
}
trap cleanup EXIT

# Generates N individuals into a fresh file; prints "WALL CPU" in seconds.
# CPU time (user + system) is steadier than wall time on a busy machine.
generate () {
  local n=$1 db=$2 t0 t1 cpu
  rm -f "$db" "$db-wal" "$db-shm"
  "$CLI" --database "$db" init >/dev/null
  t0=$(now)
  if [[ -x /usr/bin/time ]]; then
    /usr/bin/time -f '%U %S' -o "$WORK/time.txt" \
      "$CLI" --database "$db" demo --pioneers "$n" --collectives 0 --no-accounts >/dev/null 2>&1
    cpu=$(awk '{ printf "%.1f", $1 + $2 }' "$WORK/time.txt")
  else
    "$CLI" --database "$db" demo --pioneers "$n" --collectives 0 --no-accounts >/dev/null 2>&1
    cpu="n/a"
  fi
  t1=$(now)
  echo "$(elapsed "$t0" "$t1") $cpu"
}
per_row () { awk -v t="$1" -v n="$2" 'BEGIN { printf "%.1f", t * 1e6 / n }'; }

section "(a) Demo generation"
read -r t_small cpu_small < <(generate "$SMALL" "$SMALL_DB")
say "$SMALL individuals: ${t_small} s wall, ${cpu_small} s CPU ($(per_row "$t_small" "$SMALL") µs per row)"
if [[ -f $BIG_DB && ${BENCH_KEEP:-0} == 1 ]] &&
   [[ $(sqlite3 "$BIG_DB" "SELECT count(*) FROM pioneers") == "$BIG" ]]; then
  say "$BIG individuals: reusing $BIG_DB (BENCH_KEEP=1); delete it to time generation"
else
  read -r t_big cpu_big < <(generate "$BIG" "$BIG_DB")
  say "$BIG individuals: ${t_big} s wall, ${cpu_big} s CPU ($(per_row "$t_big" "$BIG") µs per row)"
  say "ratio $BIG/$SMALL: wall $(ratio "$t_big" "$t_small"), CPU $(ratio "$cpu_big" "$cpu_small")" \
      "(10.00 = linear; goal: 1,000,000 in under 180 s)"
fi
say "database size: $(du -mL "$BIG_DB" | cut -f1) MB"

section "(b) Search: xianfeng-cli vs the sqlite3 shell on $BIG_DB"
# Queries drawn from the data itself, so they always match something.
name3=$(sqlite3 "$BIG_DB" "SELECT name FROM pioneers WHERE length (name) = 3 GROUP BY name ORDER BY count(*) DESC, name LIMIT 1")
given2=$(sqlite3 "$BIG_DB" "SELECT substr (name, 2) FROM pioneers WHERE length (name) = 3 GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1")
surname=$(sqlite3 "$BIG_DB" "SELECT substr (name, 1, 1) FROM pioneers GROUP BY 1 ORDER BY count(*) DESC LIMIT 1")
employer="人民医院"
latin="PLC"

columns="p.uid, p.kind, p.name, p.tier, p.region_code"
fts_sql () {  # the FTS5 query the registry runs for 3+ characters, driven by the index
  local q=${1//\"/\"\"}
  q=${q//\'/\'\'}
  echo "SELECT $columns FROM pioneers_fts CROSS JOIN pioneers p
        WHERE pioneers_fts MATCH '\"$q\"' AND p.id = pioneers_fts.rowid AND p.status = 'active'
        ORDER BY p.name, p.id;"
}
like_sql () {  # a plain scan, the baseline for 1–2 characters
  echo "SELECT $columns FROM pioneers p WHERE p.status = 'active' AND p.name LIKE '%$1%'
        ORDER BY p.name, p.id;"
}

printf '%-22s %8s %8s %8s %7s\n' "query" "rows" "cli s" "sqlite s" "ratio"
for q in "$name3" "$employer" "$latin"; do
  rows=$("$CLI" --database "$BIG_DB" pioneers search "$q" | wc -l)
  t_cli=$(best_of 3 "$CLI" --database "$BIG_DB" pioneers search "$q")
  t_sql=$(best_of 3 sqlite3 "$BIG_DB" "$(fts_sql "$q")")
  printf '%-22s %8s %8s %8s %7s\n' "$q (fts)" "$rows" "$t_cli" "$t_sql" "$(ratio "$t_cli" "$t_sql")"
done
say "goal: ratio <= 1.5"
for q in "$surname" "$given2"; do
  rows=$("$CLI" --database "$BIG_DB" pioneers search "$q" | wc -l)
  t_cli=$(best_of 3 "$CLI" --database "$BIG_DB" pioneers search "$q")
  t_sql=$(best_of 3 sqlite3 "$BIG_DB" "$(like_sql "$q")")
  printf '%-22s %8s %8s %8s %7s\n' "$q (short vs LIKE)" "$rows" "$t_cli" "$t_sql" "$(ratio "$t_cli" "$t_sql")"
done
if [[ -x $BENCH ]]; then
  say ""
  say "in process (no start-up), XfRegistryList:"
  "$BENCH" "$BIG_DB" "$name3" "$employer" "$latin" "$surname" "$given2" | sed 's/^/  /'
fi

section "(c) App: first rows and memory, $BIG vs empty"
run_app () {  # prints the app's benchmark lines for a database
  local db=$1; shift
  local gl=GDK_DEBUG=gl-disable
  [[ ${BENCH_GL:-0} == 1 ]] && gl=BENCH_GL=1
  env "$@" "$gl" XIANFENG_DATABASE="$db" GSK_RENDERER=cairo GTK_A11Y=none \
    timeout 300 xvfb-run -a -s '-screen 0 1280x800x24' dbus-run-session -- "$APP" 2>/dev/null |
    grep -E '^(first-rows-ms|scroll-fps|scroll-frame-ms):' || true
}
field () { sed -n "s/.*$1: *\([0-9.]*\).*/\1/p" | head -1; }
RUNS=${BENCH_RUNS:-3}
field_list () { sed -n "s/.*$1: *\([0-9.]*\).*/\1/p" | paste -sd ' ' -; }
run_app_n () { for _ in $(seq "$RUNS"); do run_app "$@"; done; }
# The median of a field over the lines of several runs (the lower middle one).
median () {
  sed -n "s/.*$1 *\([0-9.]*\).*/\1/p" | sort -n |
    awk '{ v[NR] = $1 } END { if (NR > 0) print v[int((NR + 1) / 2)] }'
}

if [[ ${BENCH_SKIP_APP:-0} == 1 ]]; then
  say "skipped (BENCH_SKIP_APP=1)"
elif [[ ! -x $APP ]] || ! command -v xvfb-run >/dev/null || ! command -v dbus-run-session >/dev/null; then
  say "skipped: needs $APP, xvfb-run and dbus-run-session"
else
  rm -f "$EMPTY"*
  "$CLI" --database "$EMPTY" init >/dev/null
  out_empty=$(run_app_n "$EMPTY" XIANFENG_REPORT_FIRST_ROWS=1)
  out_big=$(run_app_n "$BIG_DB" XIANFENG_REPORT_FIRST_ROWS=1)
  if [[ -z $out_empty || -z $out_big ]]; then
    say "the app printed no 'first-rows-ms:' line (XIANFENG_REPORT_FIRST_ROWS not supported yet?)"
  else
    ms_e=$(median first-rows-ms: <<<"$out_empty"); kb_e=$(median rss-kb: <<<"$out_empty")
    ms_b=$(median first-rows-ms: <<<"$out_big"); kb_b=$(median rss-kb: <<<"$out_big")
    say "medians of $RUNS runs"
    say "empty:  first rows ${ms_e} ms, RSS $((kb_e / 1024)) MB" \
        "(runs: $(field_list first-rows-ms <<<"$out_empty") ms)"
    say "$BIG: first rows ${ms_b} ms, RSS $((kb_b / 1024)) MB" \
        "(runs: $(field_list first-rows-ms <<<"$out_big") ms)"
    say "difference: +$((ms_b - ms_e)) ms (goal <= 500), +$(((kb_b - kb_e) / 1024)) MB (goal < 50);" \
        "ratio first rows $(ratio "$ms_b" "$ms_e")"
  fi

  section "(d) App: scrolling through $BIG"
  out_scroll=$(run_app_n "$BIG_DB" XIANFENG_BENCH_SCROLL=1)
  fps=$(median scroll-fps: <<<"$out_scroll")
  if [[ -z $fps ]]; then
    say "the app printed no 'scroll-fps:' line (XIANFENG_BENCH_SCROLL not supported yet?)"
  else
    out_scroll_small=$(run_app_n "$SMALL_DB" XIANFENG_BENCH_SCROLL=1)
    fps_small=$(median scroll-fps: <<<"$out_scroll_small")
    say "medians of $RUNS runs"
    say "scroll-fps: $fps on $BIG, ${fps_small:-?} on $SMALL (ratio $(ratio "$fps" "${fps_small:-0}"); goal ~60 fps)" \
        "(runs on $BIG: $(field_list scroll-fps <<<"$out_scroll"))"
    say "work per frame on $BIG, ms: median $(median 'scroll-frame-ms: median' <<<"$out_scroll")," \
        "p90 $(median ' p90' <<<"$out_scroll") (goal < 16.7)"
  fi
fi
