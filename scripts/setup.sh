#!/usr/bin/env bash
# Installs the Debian packages factlint builds against, then configures and builds it.
# Safe to run again: packages already present are not reinstalled, the build is incremental.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
packages=(cmake g++ make libboost1.81-dev libboost-json1.81-dev libicu-dev libtomlplusplus-dev
          libfmt-dev libcli11-dev catch2 libmd4c-dev libgumbo-dev libbenchmark-dev)
# Node.js and npm bring Microsoft's SARIF validator for the tests; most machines have them.
command -v npm >/dev/null 2>&1 || packages+=(nodejs npm)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  echo "factlint setup: installing ${missing[*]}" >&2
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi
build=${FACTLINT_BUILD_DIR:-"$here/build"}
# The SARIF validator the tests run (a pinned npm package, installed into the build tree).
if [ ! -x "$build/tools/node_modules/.bin/sarif-multitool" ]; then
  mkdir -p "$build/tools"
  npm install --prefix "$build/tools" --no-audit --no-fund --silent \
    @microsoft/sarif-multitool@5.7.0 >&2
fi
cmake -S "$here" -B "$build" -DCMAKE_BUILD_TYPE=${CMAKE_BUILD_TYPE:-RelWithDebInfo} >&2
cmake --build "$build" -j "$(nproc)" >&2
