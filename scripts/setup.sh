#!/usr/bin/env bash
# Installs every Debian package Karvan needs to build, test and run. Idempotent: when all
# packages are present it only checks and exits (a few seconds, no network).
set -euo pipefail

packages=(
  # toolchain
  build-essential cmake ninja-build ccache pkg-config git clang-format
  # clang with libFuzzer + sanitizers for the protocol fuzzer (tests/fuzz), zlib for bounded inflate
  clang-14 libclang-rt-14-dev zlib1g-dev
  # Qt 6.4: core, SQL drivers, network, HTTP server, QML/Quick, charts, tests, translations
  qt6-base-dev qt6-base-dev-tools libqt6sql6-sqlite libqt6sql6-psql
  qt6-httpserver-dev qt6-websockets-dev
  qt6-declarative-dev qt6-declarative-dev-tools qt6-charts-dev
  qml6-module-qtquick qml6-module-qtquick-controls qml6-module-qtquick-layouts
  qml6-module-qtquick-window qml6-module-qtquick-templates qml6-module-qtqml-workerscript
  qml6-module-qtquick-dialogs qml6-module-qtcharts qml6-module-qttest qml6-module-qtqml
  qt6-multimedia-dev qml6-module-qtmultimedia
  qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
  libgl-dev libvulkan-dev
  # storage and security
  libsqlite3-dev sqlite3 libssl-dev postgresql postgresql-client
  # fonts that render Latin (incl. Vietnamese and Turkish), Arabic, Persian and Hebrew
  fonts-noto-core
  # process tools used by the test harness
  procps psmisc
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#packages[@]} packages present" >&2
  exit 0
fi

echo "setup: installing ${#missing[@]} package(s): ${missing[*]}" >&2
sudo_cmd=()
[ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -q
"${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
