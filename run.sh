#!/usr/bin/env bash
# Quick start: install what is missing, build, index the bundled corpus and
# serve the web UI and API.
#
#   ./run.sh                      serves on http://127.0.0.1:8080
#   POLICYGRAPH_PORT=9000 ./run.sh
#
# Settings (environment): POLICYGRAPH_HOST (127.0.0.1), POLICYGRAPH_PORT
# (8080), POLICYGRAPH_DATA (data), POLICYGRAPH_CORPUS (corpus/documents),
# POLICYGRAPH_GAZETTEER (corpus/gazetteer), POLICYGRAPH_GLOSSARY (corpus/glossary),
# POLICYGRAPH_LINK_MODEL (corpus/models/links.model; "" for the link rules alone).
set -euo pipefail
cd "$(dirname "$0")"
source scripts/setup.sh

host="${POLICYGRAPH_HOST:-127.0.0.1}"
port="${POLICYGRAPH_PORT:-8080}"
data="${POLICYGRAPH_DATA:-data}"
corpus="${POLICYGRAPH_CORPUS:-corpus/documents}"
gazetteer="${POLICYGRAPH_GAZETTEER:-corpus/gazetteer}"
glossary="${POLICYGRAPH_GLOSSARY:-corpus/glossary}"
link_model="${POLICYGRAPH_LINK_MODEL-corpus/models/links.model}"
bin=build/server/policygraph

install_missing_packages
install_web_tools
install_node_modules
build_policygraph Release OFF

# Re-index only when the corpus, the gazetteer, the glossary, the link model
# or the binary changed since the last successful run.
stamp_file="$data/.index-stamp"
stamp=$( { find "$corpus" "$gazetteer" "$glossary" $link_model -type f -print0 | sort -z | xargs -0 sha256sum; sha256sum "$bin"; echo "model=$link_model"; } | sha256sum | cut -d' ' -f1)
if [ -f "$stamp_file" ] && [ "$(cat "$stamp_file")" = "$stamp" ] && [ -d "$data/search" ] && [ -d "$data/graph" ]; then
  echo "==> index in $data is up to date"
else
  # Build the new index beside the old one and swap it in only when
  # complete, so a failed run leaves the previous index in place and files
  # removed from the corpus do not linger in the index.
  echo "==> indexing $corpus into $data"
  rm -rf "$data.new"
  "$bin" index "$corpus" --data "$data.new" --gazetteer "$gazetteer" --glossary "$glossary" --link-model "$link_model"
  echo "$stamp" > "$data.new/.index-stamp"
  rm -rf "$data.old"
  if [ -e "$data" ]; then mv "$data" "$data.old"; fi
  mv "$data.new" "$data"
  rm -rf "$data.old"
  echo "==> the new index (written into $data.new above) is now $data"
fi

echo "==> serving on http://$host:$port/ (Ctrl-C to stop)"
exec "$bin" serve --data "$data" --host "$host" --port "$port"
