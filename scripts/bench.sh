#!/usr/bin/env bash
# Benchmarks: builds (Release), then runs every benchmark under tests/bench. Each prints its
# figures beside the same-run reference figures they are compared with.
#
# The peer (issue 6): the same demo company exported as NDJSON (karvan-demo export) and
# replicated by PouchDB into an in-memory pouchdb-server stack on loopback (tests/bench/pouchdb,
# needs node and npm). KARVAN_BENCH_PEER_LIMIT=N replicates only the first N documents of the
# export (the output then says SUBSET); KARVAN_BENCH_PEER=0 skips the peer.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${KARVAN_BENCH_BUILD_DIR:-$root/build-bench}
jobs=${KARVAN_JOBS:-$(nproc)}
size=${KARVAN_BENCH_SIZE:-large}
out=${KARVAN_BENCH_DIR:-$root/bench-results}

"$root/scripts/setup.sh"
export CCACHE_DIR=${CCACHE_DIR:-$HOME/.cache/karvan-ccache}

cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DKARVAN_BUILD_TESTS=ON >/dev/null
cmake --build "$build" --parallel "$jobs" --target bench_local_store karvan-demo

mkdir -p "$out"
"$build/tests/bench/bench_local_store" --size "$size" --dir "$out" --json "$out/local_store.json" \
  | tee "$out/local_store.md"

[[ ${KARVAN_BENCH_PEER:-1} == 0 ]] && exit 0
peer=$root/tests/bench/pouchdb
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "bench.sh: node and npm are needed for the PouchDB peer (KARVAN_BENCH_PEER=0 skips it)" >&2
  exit 1
fi
# npm ci when node_modules is missing or older than the lock file.
installed=$peer/node_modules/.package-lock.json
if [[ ! -f $installed || $peer/package-lock.json -nt $installed ]]; then
  (cd "$peer" && npm ci --no-audit --no-fund >&2)
fi
"$build/tools/karvan-demo" export --size "$size" --out "$out/demo-$size.ndjson"
node --max-old-space-size="${KARVAN_BENCH_NODE_HEAP_MB:-8192}" "$peer/replicate.mjs" \
  --file "$out/demo-$size.ndjson" --batch-size "${KARVAN_BENCH_PEER_BATCH_SIZES:-500}" \
  ${KARVAN_BENCH_PEER_LIMIT:+--limit "$KARVAN_BENCH_PEER_LIMIT"} --json "$out/pouchdb.json" >/dev/null
node "$peer/report.mjs" --local "$out/local_store.json" --peer "$out/pouchdb.json" \
  --json "$out/peer.json" | tee "$out/peer.md"
