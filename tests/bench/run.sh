#!/usr/bin/env bash
# Macro benchmarks (issue 6): indexing, index size, peak RSS, query latency
# in-process and over HTTP, graph latency, and the eval peers' index times.
#
#   tests/bench/run.sh [--bin DIR] [--corpus DIR] [--gen DIR] [--duration S]
#                      [--out DIR] [--port P] [--rounds N] [--no-eval] [--no-shared]
#                      [--no-graph-peer] [--edges N]
#
#   --bin DIR       build tree with server/policygraph and tests/bench/* (default build-bench)
#   --corpus DIR    the real corpus (default ../shared/corpus); skipped with a message if absent
#   --gen DIR       also a generated set (tests/bench/gen_corpus.py --out DIR ...)
#   --duration S    seconds per wrk run (default 10; the issue wants 60)
#   --out DIR       where indexes, logs and results.tsv go (default /tmp/pg-bench-DATE)
#   --no-eval       skip `policygraph eval` (the peers' index times)
#   --peers         also policygraph_peer_query_bench on --corpus: policygraph,
#                   Xapian default and FTS5 on the same line documents and mix
#   --no-shared     only the generated set
#   --conn-close    wrk sends "Connection: close" (a new connection per request)
#                   instead of keep-alive; see docs/PERFORMANCE.md on Nagle
#   --no-graph-peer skip policygraph_graph_bench (graph store vs SQLite CTEs)
#   --edges N       edges of its synthetic graph (default 1000000)
#   --data DIR      the shared corpus is already indexed in DIR (by `policygraph
#                   index` of the same corpus): skip indexing it, measure the rest
#
# Search is measured twice, in process and over HTTP: cold (every search
# computed: query_bench without --cache, `serve --search-cache 0`) and with
# the response cache `serve` has by default (the mix repeats, so after the
# first round every answer comes from it). wrk cycles through the whole mix.
#
# Everything written goes under --out (never the repository). Results:
# OUT/results.tsv (set, metric, value, unit) and a log per step in OUT/.
# Needs wrk (apt-get install wrk) and /usr/bin/time (package time).
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
BIN="$REPO/build-bench"
CORPUS="$REPO/../shared/corpus"
GEN=""
DURATION=10
OUT="/tmp/pg-bench-$(date +%Y%m%d-%H%M%S)"
PORT=18080
ROUNDS=20
EVAL=1
SHARED=1
WRK_HEADER=()
PEERS=0
GRAPH_PEER=1
EDGES=1000000
REUSE_DATA=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --bin) BIN=$2; shift 2 ;;
    --corpus) CORPUS=$2; shift 2 ;;
    --gen) GEN=$2; shift 2 ;;
    --duration) DURATION=$2; shift 2 ;;
    --out) OUT=$2; shift 2 ;;
    --port) PORT=$2; shift 2 ;;
    --rounds) ROUNDS=$2; shift 2 ;;
    --no-eval) EVAL=0; shift ;;
    --peers) PEERS=1; shift ;;
    --no-shared) SHARED=0; shift ;;
    --conn-close) WRK_HEADER=(-H "Connection: close"); shift ;;
    --no-graph-peer) GRAPH_PEER=0; shift ;;
    --edges) EDGES=$2; shift 2 ;;
    --data) REUSE_DATA=$2; shift 2 ;;
    -h|--help) sed -n '2,31p' "$0"; exit 0 ;;
    *) echo "run.sh: unknown option $1" >&2; exit 2 ;;
  esac
done

PG="$BIN/server/policygraph"
QB="$BIN/tests/bench/policygraph_query_bench"
for f in "$PG" "$QB"; do
  [[ -x $f ]] || { echo "run.sh: $f missing; build with -DPOLICYGRAPH_BUILD_BENCHMARKS=ON" >&2; exit 1; }
done
command -v wrk >/dev/null || { echo "run.sh: wrk missing (apt-get install wrk)" >&2; exit 1; }
[[ -x /usr/bin/time ]] || { echo "run.sh: /usr/bin/time missing (apt-get install time)" >&2; exit 1; }
mkdir -p "$OUT"
RESULTS="$OUT/results.tsv"
: > "$RESULTS"
QUERIES="$HERE/queries.tsv"
GAZ="$REPO/corpus/gazetteer"
GLOSS="$REPO/corpus/glossary"

say() { printf '%s\n' "$*" >&2; }
rec() { printf '%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" | tee -a "$RESULTS"; }

{
  echo "# date $(date -u +%FT%TZ)"
  echo "# commit $(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo '?')$(git -C "$REPO" diff --quiet 2>/dev/null || echo ' (working tree has uncommitted changes)')"
  echo "# nproc $(nproc), mem $(awk '/MemTotal/{printf "%.1f GiB", $2/1048576}' /proc/meminfo), cpu $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
  echo "# load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "# bin $PG, duration ${DURATION}s, rounds $ROUNDS, wrk ${WRK_HEADER[*]:-keep-alive}"
} | tee -a "$RESULTS"

SERVER_PID=""
stop_server() {
  if [[ -n $SERVER_PID ]]; then
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
    SERVER_PID=""
  fi
}
trap stop_server EXIT

rss_kb() { awk '/VmRSS/{print $2}' "/proc/$1/status"; }

# One wrk run: name, connections, duration, path-file.
run_wrk() {
  local set=$1 name=$2 conns=$3 dur=$4 paths=$5 log
  log="$OUT/$set-wrk-$name-c$conns.log"
  local threads=$(( conns < 2 ? 1 : 2 ))
  PG_PATHS="$paths" wrk -t"$threads" -c"$conns" -d"${dur}s" ${WRK_HEADER[@]+"${WRK_HEADER[@]}"} --latency -s "$HERE/wrk_queries.lua" \
    "http://127.0.0.1:$PORT" > "$log" 2>&1 || { say "wrk failed, see $log"; return; }
  local rps errs socket p50 p95 p99
  rps=$(awk '/Requests\/sec/{print $2}' "$log")
  socket=$(awk '/Socket errors/{gsub(",","");print $4+$6+$8+$10; f=1} END{if(!f)print 0}' "$log")
  errs=$(awk '/^non2xx/{print $2}' "$log")
  p50=$(awk '/^p50_ms/{print $2}' "$log"); p95=$(awk '/^p95_ms/{print $2}' "$log"); p99=$(awk '/^p99_ms/{print $2}' "$log")
  rec "$set" "http $name c$conns req/s" "$rps" "req/s"
  rec "$set" "http $name c$conns p50/p95/p99" "$p50/$p95/$p99" "ms"
  rec "$set" "http $name c$conns errors" "non2xx $errs, socket $socket" ""
}

# Starts `policygraph serve` on DATA with extra arguments; waits until it answers.
start_server() {
  local set=$1 data=$2; shift 2
  "$PG" serve --data "$data" --host 127.0.0.1 --port "$PORT" "$@" >> "$OUT/$set-serve.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 100); do
    curl -fs "http://127.0.0.1:$PORT/api/health" > /dev/null 2>&1 && break
    sleep 0.2
  done
  curl -fs "http://127.0.0.1:$PORT/api/health" > "$OUT/$set-health.json" || { say "server did not start, see $OUT/$set-serve.log"; stop_server; return 1; }
}

bench_set() {
  local set=$1 src=$2 reuse=${3:-}
  local data="$OUT/data-$set"
  say "== $set: $src"
  local bytes docs
  bytes=$(find "$src" -type f \( -name '*.txt' -o -name '*.md' \) -printf '%s\n' | awk '{s+=$1} END{print s+0}')
  docs=$(find "$src" -type f \( -name '*.txt' -o -name '*.md' \) | wc -l)
  rec "$set" "input" "$docs docs, $bytes bytes" ""

  if [[ -n $reuse ]]; then
    data=$reuse
    rec "$set" "index" "reused $reuse (not indexed in this run)" ""
  else
  # -- indexing
  /usr/bin/time -v -o "$OUT/$set-index.time" "$PG" index "$src" --data "$data" \
    --gazetteer "$GAZ" --glossary "$GLOSS" > "$OUT/$set-index.log" 2>&1 \
    || { say "index failed, see $OUT/$set-index.log"; return 1; }
  local wall rss secs
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/{print $2}' "$OUT/$set-index.time")
  secs=$(echo "$wall" | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
  rss=$(awk -F': ' '/Maximum resident set size/{print $2}' "$OUT/$set-index.time")
  rec "$set" "index time" "$secs" "s"
  rec "$set" "index MB/s" "$(awk -v b="$bytes" -v s="$secs" 'BEGIN{printf "%.2f", b/1e6/s}')" "MB/s (10^6 B)"
  rec "$set" "index docs/s" "$(awk -v d="$docs" -v s="$secs" 'BEGIN{printf "%.1f", d/s}')" "docs/s"
  rec "$set" "index peak RSS" "$(awk -v k="$rss" 'BEGIN{printf "%.0f", k/1024}')" "MiB"
  rec "$set" "index summary" "$(tail -n 3 "$OUT/$set-index.log" | tr '\n' ' ')" ""
  rec "$set" "size search/" "$(du -sb "$data/search" | cut -f1)" "bytes"
  rec "$set" "size graph/" "$(du -sb "$data/graph" | cut -f1)" "bytes"
  fi

  # -- in-process queries: cold, then with the response cache
  local mode
  for mode in cold cached; do
    local flag=()
    [[ $mode == cached ]] && flag=(--cache)
    "$QB" --data "$data" --queries "$QUERIES" --rounds "$ROUNDS" ${flag[@]+"${flag[@]}"} > "$OUT/$set-query-inproc-$mode.tsv" \
      2> "$OUT/$set-query-inproc-$mode.err" || say "query bench reported errors, see $OUT/$set-query-inproc-$mode.err"
    while IFS=$'\t' read -r cls n mean p50 p95 p99 max; do
      [[ $cls == class || $cls == \#* ]] && continue
      rec "$set" "inproc $mode $cls p50/p95/p99 (n=$n)" "$p50/$p95/$p99" "ms"
    done < "$OUT/$set-query-inproc-$mode.tsv"
  done

  # -- HTTP
  local paths="$OUT/$set-search-paths.txt"
  grep -v '^#' "$QUERIES" | grep . | cut -f2 | python3 -c '
import sys, urllib.parse
for q in sys.stdin:
    print("/api/search?q=" + urllib.parse.quote(q.rstrip("\n"), safe=""))' > "$paths"
  : > "$OUT/$set-serve.log"
  # Cold: no response cache, every search computed.
  start_server "$set" "$data" --search-cache 0 || return 1
  for c in 1 16 64; do
    run_wrk "$set" search-cold "$c" "$DURATION" "$paths"
  done
  stop_server
  # As served by default, with the response cache (emptied by the restart).
  start_server "$set" "$data" || return 1
  rec "$set" "server RSS after start" "$(( $(rss_kb $SERVER_PID) / 1024 ))" "MiB"
  for c in 1 16 64; do
    run_wrk "$set" search-cached "$c" "$DURATION" "$paths"
  done
  rec "$set" "server RSS after search load" "$(( $(rss_kb $SERVER_PID) / 1024 ))" "MiB"

  # -- graph over HTTP, one connection (latency, not throughput)
  local gdur=$(( DURATION < 5 ? DURATION : 5 ))
  for d in 1 2 3; do
    echo "/api/graph/neighbors?id=china&depth=$d&limit=500" > "$OUT/$set-g-n$d.txt"
    run_wrk "$set" "neighbors-china-depth$d" 1 "$gdur" "$OUT/$set-g-n$d.txt"
  done
  echo "/api/graph/path?source=australia&target=laos&max_hops=4" > "$OUT/$set-g-path.txt"
  run_wrk "$set" "path-australia-laos" 1 "$gdur" "$OUT/$set-g-path.txt"
  echo "/api/graph/matrix" > "$OUT/$set-g-matrix.txt"
  run_wrk "$set" "matrix-default" 1 "$gdur" "$OUT/$set-g-matrix.txt"
  rec "$set" "graph sizes" "$(python3 -c 'import json,sys; h=json.load(open(sys.argv[1])); print({k:v for k,v in h.items() if k!="status"})' "$OUT/$set-health.json")" ""
  rec "$set" "server RSS at end" "$(( $(rss_kb $SERVER_PID) / 1024 ))" "MiB"
  stop_server
}

if [[ $SHARED == 1 ]]; then
  if [[ -d $CORPUS ]]; then
    bench_set shared "$CORPUS" "$REUSE_DATA"
  else
    say "run.sh: shared corpus not found at $CORPUS; skipping it (give --corpus DIR)"
    rec shared "skipped" "no corpus at $CORPUS" ""
  fi
fi
if [[ -n $GEN ]]; then
  bench_set "gen-$(basename "$GEN")" "$GEN"
fi

# -- peers: `policygraph eval` indexes the shared corpus line by line with
# policygraph, Xapian's defaults and SQLite FTS5, and prints "index s".
if [[ $EVAL == 1 && $SHARED == 1 && -d $CORPUS && -f $CORPUS/../eval/qrels-known-dev.tsv ]]; then
  say "== eval peers"
  /usr/bin/time -v -o "$OUT/eval.time" "$PG" eval --corpus "$CORPUS" --queries "$CORPUS/../eval/qrels-known-dev.tsv" \
    > "$OUT/eval.log" 2>&1 || say "eval failed, see $OUT/eval.log"
  rec eval "output" "see $OUT/eval.log" ""
  cat "$OUT/eval.log" >&2
fi
# -- peers on the fixed mix (in-process, same line documents).
if [[ $PEERS == 1 && -d $CORPUS ]]; then
  say "== peers on the query mix"
  "$BIN/tests/bench/policygraph_peer_query_bench" --corpus "$CORPUS" --queries "$QUERIES" \
    --rounds "$ROUNDS" --work "$OUT/peers" > "$OUT/peers.tsv" 2> "$OUT/peers.err" \
    || say "peer bench failed, see $OUT/peers.err"
  while IFS=$'\t' read -r sys cls n p50 p95 p99 idx mbs rej; do
    [[ $cls == all ]] || continue
    rec peers "$sys index s, MB/s" "$idx, $mbs" ""
    rec peers "$sys inproc all p50/p95/p99 (n=$n, rejected $rej)" "$p50/$p95/$p99" "ms"
  done < "$OUT/peers.tsv"
  grep '^# ' "$OUT/peers.tsv" | tee -a "$RESULTS"
fi
# -- graph: the GraphStore against the same edges in SQLite with recursive
# CTEs, on a seeded synthetic graph. Its two stores (up to a GB at 1M edges)
# are written under OUT and removed once measured. Exit status 3 means a
# result disagreed with the reference; the figures are still recorded, with
# the mismatch counts.
if [[ $GRAPH_PEER == 1 ]]; then
  GB="$BIN/tests/bench/policygraph_graph_bench"
  if [[ -x $GB ]]; then
    say "== graph vs SQLite recursive CTEs, $EDGES edges"
    gset="graph-$EDGES"
    rm -rf "$OUT/$gset-stores"
    /usr/bin/time -v -o "$OUT/$gset.time" "$GB" --edges "$EDGES" --work "$OUT/$gset-stores" --tsv "$OUT/$gset.tsv" \
      > "$OUT/$gset.log" 2> "$OUT/$gset.err" || say "graph bench failed or found mismatches, see $OUT/$gset.err and $OUT/$gset.log"
    rm -rf "$OUT/$gset-stores"
    if [[ -f $OUT/$gset.tsv ]]; then
      while IFS=$'\t' read -r fig val unit; do rec "$gset" "$fig" "$val" "$unit"; done < "$OUT/$gset.tsv"
      rec "$gset" "bench peak RSS" "$(awk -F': ' '/Maximum resident set size/{printf "%.0f", $2/1024}' "$OUT/$gset.time")" "MiB"
    fi
    cat "$OUT/$gset.log" >&2
  else
    say "run.sh: $GB missing; skipping the graph peer (build with -DPOLICYGRAPH_BUILD_BENCHMARKS=ON)"
    rec graph "skipped" "no $GB" ""
  fi
fi
say "results: $RESULTS"
