#!/usr/bin/env bash
# Install what is missing, build with tests, and run every test through
# CTest. Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/setup.sh

install_missing_packages
build_policygraph Release ON

echo "==> running tests"
cd build
ctest --output-on-failure -j"${POLICYGRAPH_JOBS:-2}" --timeout 600
