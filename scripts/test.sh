#!/usr/bin/env bash
# The whole test suite from a clean checkout: installs what is missing (apt-get), configures
# once with Ninja + ccache, builds everything, and runs every test with ctest in parallel.
# The last line is ctest's summary ("100% tests passed, 0 tests failed out of N").
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${KARVAN_BUILD_DIR:-$root/build}
jobs=${KARVAN_JOBS:-$(nproc)}

"$root/scripts/setup.sh"

export CCACHE_DIR=${CCACHE_DIR:-$HOME/.cache/karvan-ccache}
export QT_QPA_PLATFORM=offscreen

echo "== configure ($build)" >&2
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
echo "== build" >&2
cmake --build "$build" --parallel "$jobs"
echo "== test" >&2
cd "$build"
exec ctest --output-on-failure --parallel "$jobs" --timeout 900
