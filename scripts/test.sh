#!/usr/bin/env bash
# Runs every test suite: the Catch2 suite natively and as wasm under Node,
# the CLI checks, the Node tests of the Embind API and the browser tests in
# headless Chromium. Installs what is missing first. Exit status is non-zero
# on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
suites=0

echo "== native build and tests (g++)"
cmake --preset native >/dev/null
cmake --build --preset native
ctest --preset native
suites=$((suites + 1))

echo "== wasm build and tests (Emscripten, Catch2 under Node)"
cmake --preset wasm >/dev/null
cmake --build --preset wasm
ctest --preset wasm
suites=$((suites + 1))

echo "== Node tests of the Embind API and the mock TaskRouter"
node --test tests/node/
suites=$((suites + 1))

echo "== browser tests (headless Chromium against the mock, servers started by the tests)"
node --test --test-concurrency=1 tests/e2e/
suites=$((suites + 1))

echo "== all test suites passed"
echo "suites: $suites passed, 0 failed"
