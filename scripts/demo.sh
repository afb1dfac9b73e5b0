#!/usr/bin/env bash
# The demo: installs what is missing, builds, walks through a device store of the demo company
# on the command line (search in six languages, a priced order with its "why this price" steps,
# credit and stock), then starts karvan-hq with the demo company on SQLite and opens the app
# signed in as a demo rep, synced from HQ. With no display (or CI set) the app signs in, syncs,
# prints what it received and checks every page offscreen instead of opening a window.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${KARVAN_BUILD_DIR:-$root/build}
jobs=${KARVAN_JOBS:-$(nproc)}
size=${KARVAN_DEMO_SIZE:-small}
dir=${KARVAN_DEMO_DIR:-$root/demo-data}
user=${KARVAN_DEMO_USER:-rep.tr1}
port=${KARVAN_HQ_PORT:-0} # 0: any free port

"$root/scripts/setup.sh"
export CCACHE_DIR=${CCACHE_DIR:-$HOME/.cache/karvan-ccache}

cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" --parallel "$jobs" --target karvan-demo karvan karvan-hq

mkdir -p "$dir"

# 1. The command-line tour over a device store of the demo company.
tour_db="$dir/device-$size.sqlite"
rm -f "$tour_db" "$tour_db-wal" "$tour_db-shm"
"$build/tools/karvan-demo" generate --db "sqlite:$tour_db" --size "$size"
"$build/tools/karvan-demo" tour --db "sqlite:$tour_db"

# 2. HQ with the demo company (kept between runs: loading it takes a while).
hq="$build/server/karvan-hq"
hq_db="$dir/hq-$size.sqlite"
if [ -s "$hq_db" ]; then
  echo "== HQ: reusing $hq_db" >&2
  "$hq" init --db "sqlite:$hq_db" >/dev/null # brings the schema up to date, loads nothing
else
  echo "== HQ: loading the $size demo company into $hq_db" >&2
  if ! "$hq" init --db "sqlite:$hq_db" --demo "$size"; then
    rm -f "$hq_db" "$hq_db-wal" "$hq_db-shm"
    echo "demo.sh: karvan-hq init --demo $size failed" >&2
    exit 1
  fi
fi

hq_log="$dir/hq.log"
hq_pid=
stop_hq() {
  if [ -n "$hq_pid" ] && kill -0 "$hq_pid" 2>/dev/null; then
    kill "$hq_pid" 2>/dev/null || true
    wait "$hq_pid" 2>/dev/null || true
  fi
}
trap stop_hq EXIT
trap 'exit 130' INT TERM
"$hq" serve --db "sqlite:$hq_db" --listen "127.0.0.1:$port" >"$hq_log" 2>&1 &
hq_pid=$!
url=
for _ in $(seq 1 150); do
  url=$(sed -n 's/^listening on //p' "$hq_log" | head -n 1)
  [ -n "$url" ] && break
  if ! kill -0 "$hq_pid" 2>/dev/null; then
    echo "demo.sh: karvan-hq serve stopped:" >&2
    cat "$hq_log" >&2
    exit 1
  fi
  sleep 0.2
done
if [ -z "$url" ]; then
  echo "demo.sh: karvan-hq serve did not start in 30 s (log: $hq_log)" >&2
  exit 1
fi
echo "== HQ: serving $hq_db on $url (log: $hq_log)" >&2

# 3. The app, signed in as a demo rep (every demo login's password is "demo"), on a fresh
# device store that the first sync fills from HQ.
device_db="$dir/device-$user.sqlite"
rm -f "$device_db" "$device_db-wal" "$device_db-shm"
export KARVAN_PASSWORD=${KARVAN_PASSWORD:-demo}
app=("$build/app/karvan" --db "$device_db" --server "$url" --login "$user")
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ -z "${CI:-}" ]; then
  echo "== opening the app signed in as $user (HQ stops when you close it)" >&2
  "${app[@]}"
  exit $?
fi
echo "== no display: signing in as $user, syncing, then checking every page offscreen" >&2
QT_QPA_PLATFORM=offscreen "${app[@]}" --self-test
