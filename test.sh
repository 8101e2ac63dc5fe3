#!/usr/bin/env bash
# Install what is missing, build with tests, run every test through CTest,
# then the browser tests (tests/e2e/, headless Chromium against the binary just
# built). Exits non-zero on any failure.
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
