#!/usr/bin/env bash
# Builds karvan and renders every main page in English, Persian and Arabic at phone (412x915)
# and tablet (1280x800) sizes, offscreen, on a fresh small demo store.
#   scripts/screenshots.sh [OUT_DIR]      (default: screenshots/)
# Files are named <lang>-<phone|tablet>-<page>.png. Exits non-zero on any QML warning.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${KARVAN_BUILD_DIR:-$root/build}"
out="${1:-$root/screenshots}"
jobs="${KARVAN_JOBS:-$(nproc)}"

if [ ! -f "$build/build.ninja" ]; then
  cmake -S "$root" -B "$build" -G Ninja
fi
cmake --build "$build" -j"$jobs" --target karvan
mkdir -p "$out"
QT_QPA_PLATFORM=offscreen "$build/app/karvan" --screenshots "$out"
echo "screenshots: $(ls "$out"/*.png | wc -l) PNGs in $out"
