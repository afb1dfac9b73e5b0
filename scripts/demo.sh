#!/usr/bin/env bash
# The demo: installs what is missing, builds, writes the deterministic demo company into a
# device store on the embedded SQLite default, walks through it on the command line (search
# in six languages, a priced order with its "why this price" steps, credit and stock), then
# opens the app on that store (or, with no display, runs its self-test over every page).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${KARVAN_BUILD_DIR:-$root/build}
jobs=${KARVAN_JOBS:-$(nproc)}
size=${KARVAN_DEMO_SIZE:-small}
dir=${KARVAN_DEMO_DIR:-$root/demo-data}

"$root/scripts/setup.sh"
export CCACHE_DIR=${CCACHE_DIR:-$HOME/.cache/karvan-ccache}

cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" --parallel "$jobs" --target karvan-demo karvan

mkdir -p "$dir"
db="$dir/device-$size.sqlite"
rm -f "$db" "$db-wal" "$db-shm"
"$build/tools/karvan-demo" generate --db "sqlite:$db" --size "$size"
"$build/tools/karvan-demo" tour --db "sqlite:$db"

user=${KARVAN_DEMO_USER:-rep.tr1}
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ -z "${CI:-}" ]; then
  echo "== opening the app as $user on $db" >&2
  exec "$build/app/karvan" --db "$db" --user "$user"
fi
echo "== no display: checking every page of the app offscreen instead" >&2
echo "   (on a desktop: $build/app/karvan --db $db --user $user)" >&2
QT_QPA_PLATFORM=offscreen "$build/app/karvan" --db "$db" --user "$user" --self-test
