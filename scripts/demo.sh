#!/usr/bin/env bash
# The main job: builds the widget, starts the mock TaskRouter and a static
# server on loopback, and prints the demo page's URL. No credentials needed.
#
#   scripts/demo.sh                       serve until Ctrl-C
#   scripts/demo.sh --screenshot FILE.png render the page in headless Chromium, save it, exit
#
# Ports: DEMO_PORT (default 8080) for the page, MOCK_PORT (default 8787) for the mock.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
cmake --preset wasm >/dev/null
cmake --build --preset wasm --target site
exec node scripts/demo.mjs "$@"
