#!/usr/bin/env bash
# Install what is missing, build with tests, run every test through CTest,
# then the browser tests (tests/e2e/, headless Chromium against the binary just
# built), then every CTest test again built with clang under AddressSanitizer
# and UndefinedBehaviorSanitizer (build-fuzz/; POLICYGRAPH_SANITIZE_TESTS=0
# skips this outside CI), then a short run of every fuzzer in that same tree
# (tests/fuzz/, libFuzzer, POLICYGRAPH_FUZZ_SECONDS a target, default 30).
# Exits non-zero on any failure.
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

# A sanitizer report fails its test: ASan, LeakSanitizer and UBSan (built with
# -fno-sanitize-recover) end the process, and with exit status 86, so that a
# report from a `policygraph` the tests run is never taken for its own exit 1 or 2.
if [ "${POLICYGRAPH_SANITIZE_TESTS:-1}" != 0 ] || [ "${CI:-}" = true ]; then
  echo "==> building the tests with clang, ASan and UBSan (build-fuzz/)"
  configure_sanitizer_tree
  cmake --build build-fuzz -j"${POLICYGRAPH_JOBS:-2}"
  echo "==> running tests under ASan and UBSan"
  (cd build-fuzz &&
    ASAN_OPTIONS="detect_leaks=1:check_initialization_order=1:strict_init_order=1:exitcode=86${ASAN_OPTIONS:+:$ASAN_OPTIONS}" \
    UBSAN_OPTIONS="print_stacktrace=1:exitcode=86${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}" \
    ctest --output-on-failure -j"${POLICYGRAPH_JOBS:-2}" --timeout 600)
else
  echo "==> skipping the tests under ASan and UBSan (POLICYGRAPH_SANITIZE_TESTS=0)"
fi

echo "==> fuzzing each parser of outside input for ${POLICYGRAPH_FUZZ_SECONDS:-30}s (tests/fuzz/run.sh)"
tests/fuzz/run.sh "${POLICYGRAPH_FUZZ_SECONDS:-30}"
