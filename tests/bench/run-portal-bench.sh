#!/bin/bash
# run-portal-bench.sh — the public portal under load, on 1,000,000 pioneers
#
# Copyright 2026 The Xianfeng developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Starts xianfeng-portal (release build) on loopback on a demo database of
# 1,000,000 individuals and loads it with wrk for BENCH_SECONDS each:
#
#  (a) the baseline: a static file served by the same server
#      (/static/style.css, from memory);
#  (b) a card page, GET /p/UID, for random pioneers (each first view of a
#      card by the visitor that day stores an engagement event);
#  (c) the like endpoint, POST /p/UID/like with a valid CSRF token, for
#      random pioneers (a first like is stored, a repeat recognised).
#
# For each: requests per second and p99 latency, and their RATIOS against
# (a) measured in the same run, so that the figures mean the same on any
# machine; and the portal's resident memory (VmRSS) at rest and its peak
# under load. Rate limits are off for the run (one address sends all).
#
# Usage: tests/bench/run-portal-bench.sh [--quick]
#   --quick          100,000 pioneers and 5 s runs
# Environment:
#   BENCH_BUILD_DIR  build directory (default: <source>/_build-bench)
#   BENCH_WORK_DIR   where the databases go (default: /tmp/xianfeng-bench)
#   BENCH_SECONDS    seconds per wrk run (default 30)
#   BENCH_CONNECTIONS wrk connections (default 16), one wrk thread
#   BENCH_PORT       port (default 18080)
#
# Needs: meson ninja wrk curl sqlite3.

set -euo pipefail

SRC=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BUILD=${BENCH_BUILD_DIR:-$SRC/_build-bench}
WORK=${BENCH_WORK_DIR:-/tmp/xianfeng-bench}
PIONEERS=1000000
SECONDS_EACH=${BENCH_SECONDS:-30}
if [[ ${1:-} == --quick ]]; then
  PIONEERS=100000
  SECONDS_EACH=${BENCH_SECONDS:-5}
fi
CONNECTIONS=${BENCH_CONNECTIONS:-16}
PORT=${BENCH_PORT:-18080}
BASE=http://127.0.0.1:$PORT

export LC_ALL=C.UTF-8
unset LANGUAGE
export XIANFENG_DATA_DIR=$SRC/data
export GSETTINGS_BACKEND=memory
export GSETTINGS_SCHEMA_DIR=$BUILD/data

say () { printf '%s\n' "$*"; }
section () { printf '\n== %s\n' "$*"; }
ratio () { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }

section "Build ($BUILD)"
[[ -f $BUILD/build.ninja ]] || meson setup "$BUILD" "$SRC" --buildtype=release -Dui_tests=false >/dev/null
ninja -C "$BUILD" src/cli/xianfeng-cli src/portal/xianfeng-portal data/gschemas.compiled >/dev/null 2>&1 \
  || ninja -C "$BUILD" src/cli/xianfeng-cli src/portal/xianfeng-portal >/dev/null
CLI=$BUILD/src/cli/xianfeng-cli
PORTAL=$BUILD/src/portal/xianfeng-portal

mkdir -p "$WORK"
DB=$WORK/demo-$PIONEERS.db
if [[ ! -f $DB ]]; then
  section "Demo database: $PIONEERS individuals"
  "$CLI" --database "$DB" demo --pioneers "$PIONEERS" --collectives 0 --no-accounts >/dev/null
fi
UIDS=$WORK/uids-$PIONEERS.txt
sqlite3 "$DB" "SELECT uid FROM pioneers WHERE status = 'active' ORDER BY random() LIMIT 20000" > "$UIDS"
say "database: $DB ($(du -h "$DB" | cut -f1)), $(wc -l < "$UIDS") random uids"

RUN=$(mktemp -d)
PID=""
cleanup () {
  [[ -n $PID ]] && kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null
  rm -rf "$RUN"
}
trap cleanup EXIT

cat > "$RUN/portal.conf" <<CONF
[portal]
pages-per-minute=0
posts-per-minute=0
CONF
section "Portal"
"$PORTAL" --database "$DB" --listen "127.0.0.1:$PORT" --config "$RUN/portal.conf" \
  --secret-file "$RUN/secret" 2>"$RUN/portal.log" &
PID=$!
for _ in $(seq 100); do
  curl -sf "$BASE/healthz" >/dev/null 2>&1 && break
  sleep 0.2
done
curl -sf "$BASE/healthz" >/dev/null || { cat "$RUN/portal.log"; exit 1; }
rss () { awk '/^VmRSS/ { print $2 }' "/proc/$PID/status"; }
RSS_IDLE=$(rss)
say "listening on $BASE, pid $PID, RSS at rest $((RSS_IDLE / 1024)) MiB"

# A visitor: the cookie and the CSRF token of one card page.
FIRST=$(head -1 "$UIDS")
curl -s -c "$RUN/jar" -A "Mozilla/5.0 portal-bench" "$BASE/p/$FIRST" > "$RUN/card.html"
export BENCH_COOKIE
BENCH_COOKIE=$(awk '$6 == "xf_v" { print "xf_v=" $7 }' "$RUN/jar")
export BENCH_CSRF
BENCH_CSRF=$(grep -o 'name="csrf" value="[^"]*"' "$RUN/card.html" | head -1 | sed 's/.*value="//; s/"$//')
[[ -n $BENCH_COOKIE && -n $BENCH_CSRF ]] || { say "no visitor cookie or CSRF token on $BASE/p/$FIRST"; exit 1; }
code=$(curl -s -o /dev/null -w '%{http_code}' -A "Mozilla/5.0 portal-bench" -b "$BENCH_COOKIE" \
  --data-urlencode "csrf=$BENCH_CSRF" "$BASE/p/$FIRST/like")
[[ $code == 303 ]] || { say "a like answered $code, not 303"; exit 1; }

# wrk's "Requests/sec" and the 99% latency in ms; the peak RSS sampled meanwhile.
PEAK=0
load () {
  local name=$1; shift
  local out=$RUN/$name.txt
  PEAK_RUN=0
  wrk -t1 -c"$CONNECTIONS" -d"${SECONDS_EACH}s" --latency "$@" > "$out" &
  local wrk_pid=$!
  while kill -0 "$wrk_pid" 2>/dev/null; do
    local now; now=$(rss)
    (( now > PEAK_RUN )) && PEAK_RUN=$now
    sleep 0.5
  done
  wait "$wrk_pid"
  (( PEAK_RUN > PEAK )) && PEAK=$PEAK_RUN
  RPS=$(awk '/^Requests\/sec/ { print $2 }' "$out")
  P99=$(awk '$1 == "99%" { v = $2; if (v ~ /us$/) { sub(/us$/, "", v); v /= 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v) } else if (v ~ /s$/) { sub(/s$/, "", v); v *= 1000 } printf "%.2f", v }' "$out")
  ERRORS=$(awk '/Non-2xx or 3xx responses/ { print $NF } /Socket errors/ { print }' "$out")
  say "$name: $RPS req/s, p99 $P99 ms, peak RSS $((PEAK_RUN / 1024)) MiB${ERRORS:+ ($ERRORS)}"
}

section "Load: $SECONDS_EACH s each, $CONNECTIONS connections, one wrk thread"
load static "$BASE/static/style.css"
STATIC_RPS=$RPS; STATIC_P99=$P99
load card -s "$SRC/tests/bench/portal-card.lua" "$BASE" -- "$UIDS"
CARD_RPS=$RPS; CARD_P99=$P99
load like -s "$SRC/tests/bench/portal-card.lua" "$BASE" -- "$UIDS" like
LIKE_RPS=$RPS; LIKE_P99=$P99
LIKES=$(sqlite3 "$DB" "SELECT count(*) FROM engagement_events WHERE kind = 'card-liked' AND source = 'portal'")
VIEWS=$(sqlite3 "$DB" "SELECT count(*) FROM engagement_events WHERE kind = 'card-viewed' AND source = 'portal'")

section "Figures ($PIONEERS pioneers)"
say "static file:  $STATIC_RPS req/s, p99 $STATIC_P99 ms (baseline)"
say "card page:    $CARD_RPS req/s, p99 $CARD_P99 ms; ratio to static: throughput $(ratio "$CARD_RPS" "$STATIC_RPS"), p99 $(ratio "$CARD_P99" "$STATIC_P99")"
say "like:         $LIKE_RPS req/s, p99 $LIKE_P99 ms; ratio to static: throughput $(ratio "$LIKE_RPS" "$STATIC_RPS"), p99 $(ratio "$LIKE_P99" "$STATIC_P99")"
say "RSS: $((RSS_IDLE / 1024)) MiB at rest, $((PEAK / 1024)) MiB peak under load"
say "stored: $VIEWS card views, $LIKES likes (one per card and day for this visitor)"
