#!/usr/bin/env bash
# Installs what the build and the tests need, only when it is missing, so it
# is cheap to run before every build. Debian packages via apt-get (as root or
# through sudo), npm packages from the committed package-lock.json.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  cmake make g++            # native build
  emscripten                # wasm build (Debian's 3.1.6; see docs/toolchain.md)
  nlohmann-json3-dev catch2 # header-only libraries
  chromium                  # headless browser for the end-to-end tests and the screenshot
  fonts-dejavu-core         # a font for the screenshot
  lcov                      # scripts/coverage.sh
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# Node.js and npm run the wasm tests, the mock server and the browser tests.
# Machines of this kind ship them outside Debian's packaging; install
# Debian's only where there are none (Node 18 or newer is needed).
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
  echo "install-deps: installing Debian packages: ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# npm ci when node_modules is missing or older than the lock file.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "install-deps: installing npm packages from package-lock.json"
  npm ci --no-audit --no-fund --loglevel=error
fi
