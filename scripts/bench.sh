#!/usr/bin/env bash
# Benchmarks (issue 6), one command: builds (Release), loads the HQ demo company, runs every
# benchmark under tests/bench and writes bench-results/summary.md + summary.json (one table:
# every figure beside its same-run reference, the ratio and the target). docs/benchmarks.md
# says what each figure measures and how.
#
#   scripts/bench.sh
#
# Environment:
#   KARVAN_BENCH_SIZE=small|medium|large   the demo set (default large)
#   KARVAN_BENCH_DIR=DIR                   where results go (default bench-results/)
#   KARVAN_BENCH_REUSE_HQ=1                keep DIR/hq-SIZE.sqlite from an earlier run (no load)
#   KARVAN_BENCH_PEER=0                    skip the PouchDB peer (needs node and npm)
#   KARVAN_BENCH_PEER_BATCH_SIZES=100,500  PouchDB batch sizes (default 500, its faster one here)
#   KARVAN_BENCH_ROUNDS=N                  incremental sync rounds (default 20, after 2 warm-up)
#   KARVAN_BENCH_CONCURRENCY=0             skip bench_concurrency
#   KARVAN_BENCH_CONCURRENCY_ARGS="..."    arguments for bench_concurrency (default "--max-devices 4000":
#                                          100, 1,000, then doubling while clean, up to 4,000)
#   KARVAN_BENCH_STARTUP_RUNS=N            app cold starts measured (default 10, and the floor as often)
#   KARVAN_BENCH_ONLY="local startup sync peer concurrency"   run only these steps (build and load always)
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${KARVAN_BENCH_BUILD_DIR:-$root/build-bench}
jobs=${KARVAN_JOBS:-$(nproc)}
size=${KARVAN_BENCH_SIZE:-large}
out=${KARVAN_BENCH_DIR:-$root/bench-results}
only=${KARVAN_BENCH_ONLY:-local startup sync peer concurrency}
step() { [[ " $only " == *" $1 "* ]]; }
say() { echo "bench.sh: $*" >&2; }
started=$SECONDS
timed() { # name command...: runs it, records its wall time in $out/times.txt
  local t0=$SECONDS rc=0
  "${@:2}" || rc=$?
  echo "$1 $((SECONDS - t0))" >>"$out/times.txt"
  say "$1 took $((SECONDS - t0)) s$( ((rc)) && echo ", FAILED (exit $rc)")"
  return $rc
}

case $size in small | medium | large) ;; *)
  say "KARVAN_BENCH_SIZE must be small, medium or large, not '$size'"
  exit 2
  ;;
esac

"$root/scripts/setup.sh"
export CCACHE_DIR=${CCACHE_DIR:-$HOME/.cache/karvan-ccache}

# 1. Build (Release).
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DKARVAN_BUILD_TESTS=ON >/dev/null
targets=(karvan-hq karvan-cli bench_local_store bench_sync karvan bench_qml_floor bench_cold_start)
have_concurrency=0
# The list first: grep -q closing the pipe early made ninja die of SIGPIPE under pipefail.
build_targets=$(cmake --build "$build" --target help)
if grep -q '^bench_concurrency:' <<<"$build_targets"; then
  targets+=(bench_concurrency)
  have_concurrency=1
fi
cmake --build "$build" --parallel "$jobs" --target "${targets[@]}"

mkdir -p "$out"
: >"$out/times.txt"
rm -f "$out"/{local_store,cold_start,sync,pouchdb,concurrency,summary}.{json,md} "$out/hq_load.json"

# 2. The HQ demo company (timed): karvan-hq init --demo SIZE.
hq_db=$out/hq-$size.sqlite
if [[ ${KARVAN_BENCH_REUSE_HQ:-0} == 1 && -f $hq_db ]]; then
  say "reusing $hq_db (KARVAN_BENCH_REUSE_HQ=1): the HQ load is not measured"
else
  rm -f "$hq_db" "$hq_db-wal" "$hq_db-shm"
  say "loading the $size demo company into HQ..."
  t0=$EPOCHREALTIME
  "$build/server/karvan-hq" init --db "sqlite:$hq_db" --demo "$size" >"$out/hq_load.log"
  load_s=$(awk -v a="$t0" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }')
  printf '{"size": "%s", "seconds": %s}\n' "$size" "$load_s" >"$out/hq_load.json"
  echo "hq_load $load_s" >>"$out/times.txt"
  say "hq_load took $load_s s"
fi

failed=()
# 3. Device operations over the demo set (bench_local_store).
if step local; then
  timed local_store bash -c '"$0" --size "$1" --dir "$2/local" --json "$2/local_store.json" >"$2/local_store.md"' \
    "$build/tests/bench/bench_local_store" "$size" "$out" || failed+=(bench_local_store)
fi

# 3b. App cold start to first frame on the store bench_local_store filled (karvan
#     --measure-startup, offscreen), beside a minimal QML window's first frame (the floor).
if step startup; then
  if [[ -f $out/local/device.sqlite ]]; then
    timed cold_start bash -c '"$0" --db "$1/local/device.sqlite" --runs "$2" --json "$1/cold_start.json" \
        >"$1/cold_start.md"' "$build/tests/bench/bench_cold_start" "$out" \
      "${KARVAN_BENCH_STARTUP_RUNS:-10}" || failed+=(bench_cold_start)
  else
    say "no device store from bench_local_store (step local): the cold start cannot run"
    failed+=(bench_cold_start)
  fi
fi

# 4. Sync: initial (vs raw SQLite, same rows), the peer's NDJSON, incremental rounds.
ndjson=$out/scope-$size.ndjson
if step sync; then
  timed sync bash -c '"$0" --hq-db "sqlite:$1" --work-dir "$2/sync" --json "$2/sync.json" \
      --ndjson "$3" --rounds "$4" >"$2/sync.md"' \
    "$build/tests/bench/bench_sync" "$hq_db" "$out" "$ndjson" "${KARVAN_BENCH_ROUNDS:-20}" ||
    failed+=(bench_sync)
  rm -rf "$out/sync/hq.sqlite"* # a copy of the HQ database, served during the run
fi

# 5. The peer: PouchDB replicating exactly the records the device received (bench_sync's NDJSON).
peer=$root/tests/bench/pouchdb
if step peer && [[ ${KARVAN_BENCH_PEER:-1} != 0 ]]; then
  if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    say "installing node and npm (Debian's nodejs, npm) for the PouchDB peer"
    sudo_cmd=()
    [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
    DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends \
      nodejs npm >&2 || true
  fi
  if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    say "node and npm are needed for the PouchDB peer (KARVAN_BENCH_PEER=0 skips it)"
    failed+=(pouchdb)
  elif [[ ! -s $ndjson ]]; then
    say "no NDJSON from bench_sync: the peer cannot run"
    failed+=(pouchdb)
  else
    # npm ci when node_modules is missing or older than the lock file.
    installed=$peer/node_modules/.package-lock.json
    if [[ ! -f $installed || $peer/package-lock.json -nt $installed ]]; then
      (cd "$peer" && npm ci --no-audit --no-fund >&2)
    fi
    timed pouchdb node --max-old-space-size="${KARVAN_BENCH_NODE_HEAP_MB:-8192}" "$peer/replicate.mjs" \
      --file "$ndjson" --batch-size "${KARVAN_BENCH_PEER_BATCH_SIZES:-500}" \
      ${KARVAN_BENCH_PEER_LIMIT:+--limit "$KARVAN_BENCH_PEER_LIMIT"} --json "$out/pouchdb.json" \
      >/dev/null || failed+=(pouchdb)
  fi
fi

# ---------------------------------------------------------------------------------------------
# 6. Concurrency: N devices syncing at once (bench_concurrency, written by another engineer;
#    runs when its binary exists). Keep its figures in concurrency.json / concurrency.md.
if step concurrency && [[ ${KARVAN_BENCH_CONCURRENCY:-1} != 0 ]]; then
  if [[ $have_concurrency == 1 && -x $build/tests/bench/bench_concurrency ]]; then
    timed concurrency bash -c '"$0" --hq-db "$1" --json "$2/concurrency.json" $3 >"$2/concurrency.md"' \
      "$build/tests/bench/bench_concurrency" "$hq_db" "$out" "${KARVAN_BENCH_CONCURRENCY_ARGS---max-devices 4000}" ||
      failed+=(bench_concurrency)
  else
    say "bench_concurrency is not built: its rows say 'not run'"
  fi
fi
# ---------------------------------------------------------------------------------------------

# 7. The summary: one table, every figure beside its reference and target.
node "$peer/report.mjs" --size "$size" --hq-load "$out/hq_load.json" --local "$out/local_store.json" \
  --cold-start "$out/cold_start.json" \
  --sync "$out/sync.json" --peer "$out/pouchdb.json" --concurrency "$out/concurrency.json" \
  --md "$out/summary.md" --json "$out/summary.json"
say "total $((SECONDS - started)) s; step times in $out/times.txt"
if ((${#failed[@]})); then
  say "FAILED: ${failed[*]} (see the messages above)"
  exit 1
fi
