#!/usr/bin/env bash
# Benchmarks: builds (Release), then runs every benchmark under tests/bench. Each prints its
# figures beside the same-run reference figures they are compared with.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${KARVAN_BENCH_BUILD_DIR:-$root/build-bench}
jobs=${KARVAN_JOBS:-$(nproc)}
size=${KARVAN_BENCH_SIZE:-large}
out=${KARVAN_BENCH_DIR:-$root/bench-results}

"$root/scripts/setup.sh"
export CCACHE_DIR=${CCACHE_DIR:-$HOME/.cache/karvan-ccache}

cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DKARVAN_BUILD_TESTS=ON >/dev/null
cmake --build "$build" --parallel "$jobs" --target bench_local_store

mkdir -p "$out"
"$build/tests/bench/bench_local_store" --size "$size" --dir "$out" --json "$out/local_store.json" \
  | tee "$out/local_store.md"
