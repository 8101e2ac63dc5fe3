#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (build-fuzz/) and runs each one.
#
#   tests/fuzz/run.sh [SECONDS_PER_TARGET]     default 30; the issue's long run is 600
#
# Seeds come from tests/fuzz/seeds/<target>/ (small, committed) plus, where
# ../shared exists, lines of the shared corpus and the messy statutes. Every
# input in tests/fuzz/regressions/<target>/ is replayed first: a crash once
# found stays a test. A new crash is written to build-fuzz/crashes/<target>/
# and fails the run; copy it into regressions/ once fixed.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds="${1:-30}"
jobs="${POLICYGRAPH_JOBS:-2}"
targets=(analyzer_fuzz query_parser_fuzz document_fuzz key_codec_fuzz http_params_fuzz)

command -v clang++ >/dev/null || { echo "error: clang++ is needed for the fuzzers (apt-get install clang)" >&2; exit 1; }
source scripts/setup.sh
configure_sanitizer_tree   # shared with test.sh's sanitized tests; only the fuzzers are built here
cmake --build build-fuzz -j"$jobs" --target "${targets[@]}"

shared="$(cd .. && pwd)/shared"
for t in "${targets[@]}"; do
  corpus="build-fuzz/corpus/$t"
  crashes="build-fuzz/crashes/$t"
  mkdir -p "$corpus" "$crashes"
  [ -d "tests/fuzz/seeds/$t" ] && cp -n tests/fuzz/seeds/$t/* "$corpus/" 2>/dev/null || true
  # Text-shaped targets also start from real documents: a few hundred lines.
  if [ -d "$shared/corpus" ] && [ "$t" != key_codec_fuzz ]; then
    # (sed reads all its input: head would close the pipe early and, under
    # pipefail, fail the script.)
    find "$shared/corpus" "$shared/messy" -name '*.txt' 2>/dev/null | sort | sed -n '1,40p' | while read -r f; do
      head -c 4000 "$f" > "$corpus/shared-$(basename "$f")"
    done
  fi
  if [ -d "tests/fuzz/regressions/$t" ] && [ -n "$(ls -A "tests/fuzz/regressions/$t")" ]; then
    echo "==> $t: replaying regressions"
    "build-fuzz/tests/fuzz/$t" tests/fuzz/regressions/$t/*
  fi
  echo "==> $t: fuzzing for ${seconds}s"
  log="build-fuzz/$t.log"
  if ! "build-fuzz/tests/fuzz/$t" -max_total_time="$seconds" -max_len=8192 -timeout=10 -rss_limit_mb=2048 \
      -artifact_prefix="$crashes/" -print_final_stats=1 "$corpus" >"$log" 2>&1; then
    tail -n 40 "$log"
    echo "error: $t found a crash; the input is in $crashes/" >&2
    exit 1
  fi
  grep -E '^stat::(number_of_executed_units|new_units_added|peak_rss_mb)' "$log" | sed "s/^/    /"
done
echo "==> fuzzing: no crash in ${#targets[@]} targets × ${seconds}s"
