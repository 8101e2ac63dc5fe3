#!/usr/bin/env python3
"""The queries policygraph_query_topk checks a ranking change on
(docs/PERFORMANCE.md 5e): every judged query, the bench's fixed mix, and each
query with diacritics typed without them. Writes one query a line, each once,
in the order met, to stdout.

  python3 tests/bench/topk_queries.py [--shared ../shared] > /tmp/topk-queries.txt
  ./build/tests/bench/policygraph_query_topk --data DIR < /tmp/topk-queries.txt > before.txt

The judged files are read where they are: ../shared/eval (skipped, with a
message on stderr, where that folder is absent) and tests/eval. Their
queries are not copied into the project.
"""
import argparse
import pathlib
import sys
import unicodedata

ROOT = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests" / "eval"))
from fold_judgments import fold  # noqa: E402  (the folding the judged sets use)


def queries_of(path):
    """The second column of a tab-separated file (id or class, query, …)."""
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            fields = line.rstrip("\n").split("\t")
            if len(fields) >= 2 and fields[1].strip():
                yield unicodedata.normalize("NFC", fields[1].strip())


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"), help="the shared folder (default ../shared)")
    args = ap.parse_args()
    files = []
    shared_eval = pathlib.Path(args.shared) / "eval"
    if shared_eval.is_dir():
        files += [shared_eval / "queries-dev.tsv", shared_eval / "qrels-known-dev.tsv"]
    else:
        print(f"{shared_eval} not found: its judged queries are left out", file=sys.stderr)
    files += sorted((ROOT / "tests" / "eval").glob("qrels-known-*.tsv"))
    files.append(ROOT / "tests" / "bench" / "queries.tsv")
    seen, out = set(), []
    for path in files:
        if not path.is_file():
            print(f"{path} not found: skipped", file=sys.stderr)
            continue
        for q in queries_of(path):
            for form in (q, fold(q)):
                if form not in seen:
                    seen.add(form)
                    out.append(form)
    sys.stdout.write("".join(q + "\n" for q in out))
    print(f"{len(out)} queries from {len(files)} files", file=sys.stderr)


if __name__ == "__main__":
    main()
