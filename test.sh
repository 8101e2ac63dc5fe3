#!/usr/bin/env bash
# Install what is missing, build with tests, run every test through CTest,
# then the browser tests (tests/e2e/, headless Chromium against the binary just
# built), then a short run of every fuzzer (tests/fuzz/, clang + libFuzzer,
# POLICYGRAPH_FUZZ_SECONDS a target, default 30). Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/setup.sh

install_missing_packages
install_web_tools with-browser
install_node_modules
build_policygraph Release ON

echo "==> running tests"
(cd build && ctest --output-on-failure -j"${POLICYGRAPH_JOBS:-2}" --timeout 600)

echo "==> running browser tests (screenshots in build/e2e/)"
node --test --test-concurrency=1 tests/e2e/

echo "==> fuzzing each parser of outside input for ${POLICYGRAPH_FUZZ_SECONDS:-30}s (tests/fuzz/run.sh)"
tests/fuzz/run.sh "${POLICYGRAPH_FUZZ_SECONDS:-30}"
