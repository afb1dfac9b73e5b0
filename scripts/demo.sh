#!/usr/bin/env bash
# The demo: installs what is missing, builds, writes the deterministic demo company into a
# device store on the embedded SQLite default, and walks through it: search in six
# languages, a priced order with its "why this price" steps, a credit decision and stock.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${KARVAN_BUILD_DIR:-$root/build}
jobs=${KARVAN_JOBS:-$(nproc)}
size=${KARVAN_DEMO_SIZE:-small}
dir=${KARVAN_DEMO_DIR:-$root/demo-data}

"$root/scripts/setup.sh"
export CCACHE_DIR=${CCACHE_DIR:-$HOME/.cache/karvan-ccache}

cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" --parallel "$jobs" --target karvan-demo

mkdir -p "$dir"
db="$dir/device-$size.sqlite"
rm -f "$db" "$db-wal" "$db-shm"
"$build/tools/karvan-demo" generate --db "sqlite:$db" --size "$size"
"$build/tools/karvan-demo" tour --db "sqlite:$db"
