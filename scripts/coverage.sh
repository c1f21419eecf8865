#!/usr/bin/env bash
# Line coverage of the portable core (wasm/core) by the native test suites,
# measured with gcov/lcov and printed; it is a report, not a gate.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake --preset coverage >/dev/null
cmake --build --preset coverage
find build/coverage -name '*.gcda' -delete
# A zero baseline first, so a core file that no test reaches is listed at 0% instead of missing.
lcov --quiet --capture --initial --directory build/coverage --output-file build/coverage/base.info
ctest --preset coverage >/dev/null
lcov --quiet --capture --directory build/coverage --output-file build/coverage/run.info
lcov --quiet --add-tracefile build/coverage/base.info --add-tracefile build/coverage/run.info --output-file build/coverage/all.info
lcov --quiet --extract build/coverage/all.info "$PWD/wasm/core/*" --output-file build/coverage/core.info
echo "== line coverage of wasm/core by the Catch2 suite and the CLI tests"
lcov --list build/coverage/core.info
lcov --summary build/coverage/core.info 2>&1 | grep -E 'lines|functions'
if command -v genhtml >/dev/null; then
  genhtml --quiet build/coverage/core.info --output-directory build/coverage/html
  echo "HTML report: build/coverage/html/index.html"
fi
