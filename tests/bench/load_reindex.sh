#!/usr/bin/env bash
# Load during a re-index (issue 7, item 6): serves an index, runs wrk (64
# connections, 60 s) against a mix of search and graph routes while
# `policygraph index` re-indexes the same data directory in a loop, and
# reports requests/s, latency, non-2xx answers and socket errors, how many
# generations the server went through, and its RSS (VmRSS) before, during
# and after. That every answer comes from one generation is what
# tests/integration/live_reindex_test.cc proves; this measures the cost.
#
#   tests/bench/load_reindex.sh [--bin DIR] [--corpus DIR] [--duration S]
#                               [--connections N] [--timeout S] [--port P]
#                               [--out DIR] [--server-threads N]
#
#   --bin DIR          build tree holding server/policygraph (default build)
#   --corpus DIR       what is indexed and re-indexed (default corpus/documents:
#                      a run takes a few seconds, so the server changes generation
#                      many times in a minute; ../shared/corpus takes ~2 min a run)
#   --duration S       seconds of load with re-indexing (default 60)
#   --connections N    wrk connections (default 64)
#   --timeout S        wrk's per-request timeout (default 2, wrk's own)
#   --warmup S         seconds of load before, without re-indexing (default 10)
#   --out DIR          where the data directory, logs and results.tsv go
#                      (default /tmp/pg-load-reindex-DATE; never the repository)
#
# Needs wrk (apt-get install wrk) and curl.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
BIN="$REPO/build"
CORPUS="$REPO/corpus/documents"
DURATION=60
CONNS=64
TIMEOUT=2
WARMUP=10
PORT=18090
SERVER_THREADS=8
OUT="/tmp/pg-load-reindex-$(date +%Y%m%d-%H%M%S)"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --bin) BIN=$2; shift 2 ;;
    --corpus) CORPUS=$2; shift 2 ;;
    --duration) DURATION=$2; shift 2 ;;
    --connections) CONNS=$2; shift 2 ;;
    --timeout) TIMEOUT=$2; shift 2 ;;
    --warmup) WARMUP=$2; shift 2 ;;
    --port) PORT=$2; shift 2 ;;
    --out) OUT=$2; shift 2 ;;
    --server-threads) SERVER_THREADS=$2; shift 2 ;;
    -h|--help) sed -n '2,25p' "$0"; exit 0 ;;
    *) echo "load_reindex.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done

PG="$BIN/server/policygraph"
[[ -x $PG ]] || { echo "load_reindex.sh: $PG missing; build first (cmake --build $BIN)" >&2; exit 1; }
[[ -d $CORPUS ]] || { echo "load_reindex.sh: no corpus at $CORPUS (give --corpus DIR)" >&2; exit 1; }
command -v wrk >/dev/null || { echo "load_reindex.sh: wrk missing (apt-get install wrk)" >&2; exit 1; }
command -v curl >/dev/null || { echo "load_reindex.sh: curl missing (apt-get install curl)" >&2; exit 1; }
mkdir -p "$OUT"
DATA="$OUT/data"
RESULTS="$OUT/results.tsv"
: > "$RESULTS"
GAZ="$REPO/corpus/gazetteer"
GLOSS="$REPO/corpus/glossary"
BASE="http://127.0.0.1:$PORT"

say() { printf '%s\n' "$*" >&2; }
rec() { printf '%s\t%s\t%s\n' "$1" "$2" "$3" | tee -a "$RESULTS"; }
rss_mib() { awk '/^VmRSS/{printf "%.0f", $2/1024}' "/proc/$1/status"; }
generation() { curl -fs "$BASE/api/health" | python3 -c 'import json,sys; print(json.load(sys.stdin).get("generation", "?"))'; }

{
  echo "# date $(date -u +%FT%TZ)"
  echo "# commit $(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo '?')$(git -C "$REPO" diff --quiet 2>/dev/null || echo ' (working tree has uncommitted changes)')"
  echo "# nproc $(nproc), mem $(awk '/MemTotal/{printf "%.1f GiB", $2/1048576}' /proc/meminfo), cpu $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
  echo "# load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "# corpus $CORPUS; wrk -c$CONNS -d${DURATION}s --timeout ${TIMEOUT}s; server --threads $SERVER_THREADS; warm-up ${WARMUP}s"
} | tee -a "$RESULTS"

SERVER_PID="" LOOP_PID="" SAMPLER_PID=""
cleanup() {
  for pid in $SAMPLER_PID $LOOP_PID $SERVER_PID; do
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
}
trap cleanup EXIT

# -- the first index, timed (and its peak RSS, with /usr/bin/time from package time)
TIME=()
[[ -x /usr/bin/time ]] && TIME=(/usr/bin/time -v -o "$OUT/index-first.time")
start=$(date +%s.%N)
${TIME[@]+"${TIME[@]}"} "$PG" index "$CORPUS" --data "$DATA" --gazetteer "$GAZ" --glossary "$GLOSS" > "$OUT/index-first.log" 2>&1 \
  || { say "the first index failed, see $OUT/index-first.log"; exit 1; }
rec index "first run" "$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN{printf "%.1f s", e-s}'); $(tail -n 1 "$OUT/index-first.log")"
if [[ -f $OUT/index-first.time ]]; then
  rec index "first run peak RSS" "$(awk -F': ' '/Maximum resident set size/{printf "%.0f MiB", $2/1024}' "$OUT/index-first.time")"
fi

# -- the paths wrk cycles through: the fixed search mix, and graph routes
PATHS="$OUT/paths.txt"
grep -v '^#' "$HERE/queries.tsv" | grep . | cut -f2 | python3 -c '
import sys, urllib.parse
for q in sys.stdin:
    print("/api/search?q=" + urllib.parse.quote(q.rstrip("\n"), safe=""))' > "$PATHS"
cat >> "$PATHS" <<'EOF'
/api/graph/neighbors?id=china
/api/graph/neighbors?id=asean&depth=2&limit=100
/api/graph/timeline?a=china&b=asean
/api/graph/path?source=australia&target=laos
/api/graph/matrix
/api/entities/china
/api/entities?prefix=vi
/api/health
EOF

# -- the server
"$PG" serve --data "$DATA" --host 127.0.0.1 --port "$PORT" --web "" --threads "$SERVER_THREADS" > "$OUT/serve.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 100); do
  curl -fs "$BASE/api/health" > /dev/null 2>&1 && break
  sleep 0.2
done
curl -fs "$BASE/api/health" > /dev/null || { say "the server did not start, see $OUT/serve.log"; exit 1; }
rec rss "after start" "$(rss_mib $SERVER_PID) MiB"

run_wrk() {  # name seconds
  PG_PATHS="$PATHS" wrk -t2 -c"$CONNS" -d"$2s" --timeout "${TIMEOUT}s" --latency -s "$HERE/wrk_queries.lua" \
    "$BASE" > "$OUT/wrk-$1.log" 2>&1 || { say "wrk failed, see $OUT/wrk-$1.log"; return 1; }
  local log="$OUT/wrk-$1.log"
  rec "$1" "requests/s" "$(awk '/Requests\/sec/{print $2}' "$log")"
  rec "$1" "requests" "$(awk '/requests in/{print $1}' "$log")"
  rec "$1" "latency p50/p95/p99, max" "$(awk '/^p50_ms/{a=$2} /^p95_ms/{b=$2} /^p99_ms/{c=$2} END{printf "%s/%s/%s ms", a, b, c}' "$log"), $(awk '/^    Latency/{print $4}' "$log")"
  rec "$1" "non-2xx" "$(awk '/^non2xx/{print $2}' "$log")"
  rec "$1" "socket errors (connect, read, write, timeout)" "$(awk '/Socket errors/{gsub(",",""); print $4", "$6", "$8", "$10; f=1} END{if(!f) print "0, 0, 0, 0"}' "$log")"
}

# -- warm-up: the same load without re-indexing, so that "before" is the
# server with its caches filled, not the server just started
if [[ $WARMUP -gt 0 ]]; then
  run_wrk warmup "$WARMUP"
fi
rec rss "before (after the warm-up)" "$(rss_mib $SERVER_PID) MiB"
GEN_BEFORE=$(generation)

# -- the run: wrk, and `policygraph index` of the same corpus in a loop
(
  n=0
  while :; do
    n=$((n + 1))
    s=$(date +%s.%N)
    if "$PG" index "$CORPUS" --data "$DATA" --gazetteer "$GAZ" --glossary "$GLOSS" > "$OUT/index-loop-$n.log" 2>&1; then
      code=0
    else
      code=$?
    fi
    printf '%s\t%s\t%s\n' "$n" "$code" "$(awk -v s="$s" -v e="$(date +%s.%N)" 'BEGIN{printf "%.2f", e-s}')" >> "$OUT/index-loop.tsv"
    [[ -e $OUT/stop-loop ]] && break
  done
) &
LOOP_PID=$!
( while :; do printf '%s\t%s\n' "$(date +%s)" "$(rss_mib $SERVER_PID)"; sleep 1; done ) > "$OUT/rss-during.tsv" &
SAMPLER_PID=$!
run_wrk load "$DURATION"
kill "$SAMPLER_PID" 2>/dev/null || true; wait "$SAMPLER_PID" 2>/dev/null || true; SAMPLER_PID=""
touch "$OUT/stop-loop"  # the run under way finishes; killing it would leave the index "pending"
wait "$LOOP_PID" || true; LOOP_PID=""
sleep 2
GEN_AFTER=$(generation)

rec rss "during (1 s samples: min / median / max)" "$(sort -n -k2 "$OUT/rss-during.tsv" | awk '{v[NR]=$2} END{printf "%s / %s / %s MiB (%d samples)", v[1], v[int((NR+1)/2)], v[NR], NR}')"
rec rss "after (the loop's last run done, 2 s later)" "$(rss_mib $SERVER_PID) MiB"
rec reindex "runs (the last one finished after the load) / failed" "$(wc -l < "$OUT/index-loop.tsv") / $(awk '$2 != 0' "$OUT/index-loop.tsv" | wc -l)"
rec reindex "run time min / median / max" "$(sort -n -k3 "$OUT/index-loop.tsv" | awk '{v[NR]=$3} END{printf "%s / %s / %s s", v[1], v[int((NR+1)/2)], v[NR]}')"
rec reindex "generation served before / after" "$GEN_BEFORE / $GEN_AFTER"
# The server logs each generation it moves to (server/serving_index.cc).
rec server "generations moved to, in serve.log" "$(grep -c 'serving generation' "$OUT/serve.log")"
rec server "of which after requests waited for the complete commit; longest wait" \
  "$(grep -c 'waited up to' "$OUT/serve.log") ; $(grep -o 'waited up to [0-9]* ms' "$OUT/serve.log" | awk '{if ($4 > m) m = $4} END{printf "%d ms", m}')"
rec server "of which not consistent (another run's graph)" "$(grep -c "another run's graph" "$OUT/serve.log")"
rec machine "load average at the end" "$(cut -d' ' -f1-3 /proc/loadavg)"
say "results: $RESULTS (logs in $OUT)"
