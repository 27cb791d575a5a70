# bench-lib.sh — sourced by run-evaluation-bench.sh and run-services-bench.sh
#
# Copyright 2026 The Xianfeng developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Expects SRC (the source tree). Sets BUILD ($BENCH_BUILD_DIR, else
# <source>/_build-bench, release) and the environment the benchmarks run
# in; bench_build builds one, bench_postgresql finds a server for it.

BUILD=${BENCH_BUILD_DIR:-$SRC/_build-bench}

export LC_ALL=C.UTF-8
unset LANGUAGE
export XIANFENG_DATA_DIR=$SRC/data

say () { printf '%s\n' "$*"; }
section () { printf '\n== %s\n' "$*"; }

# bench_build NAME: builds tests/bench/NAME; BENCH is its path.
bench_build () {
  section "Build ($BUILD)"
  [[ -f $BUILD/build.ninja ]] || meson setup "$BUILD" "$SRC" --buildtype=release >/dev/null
  ninja -C "$BUILD" "tests/bench/$1" >/dev/null
  BENCH=$BUILD/tests/bench/$1
  say "built: $BENCH"
}

# Stopped and removed at exit: the throw-away cluster, and OUT (a file for
# the benchmark's output).
CLUSTER=""
OUT=$(mktemp)
cleanup () {
  if [[ -n $CLUSTER ]]; then
    "$SRC/build-aux/pg-cluster" stop "$CLUSTER" >/dev/null 2>&1 || true
  fi
  rm -f "$OUT"
}
trap cleanup EXIT

# Unless BENCH_PG=0: $XIANFENG_TEST_POSTGRESQL, else a throw-away cluster
# from build-aux/pg-cluster when there is a server to run one.
bench_postgresql () {
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
}
