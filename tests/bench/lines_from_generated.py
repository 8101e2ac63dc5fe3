#!/usr/bin/env python3
"""Line documents from a generated set, for the peers at N passages (issue 6).

The query-p99 target compares policygraph with raw Xapian and SQLite FTS5 "at
245k and at 1M passages". The peers (policygraph_peer_query_bench) read a
corpus one document per non-empty line, as the shared corpus is written; the
generated set (gen_corpus.py) is one document per file with a front matter.
This writes the generated documents' body lines, front matter dropped, into
files of up to 1,000 documents each (OUT/vi/0000.txt, OUT/en/0000.txt, ...),
taking Vietnamese and English documents alternately in path order, until
--lines non-empty lines are written. Deterministic: the same set and
--lines give the same files.

  python3 tests/bench/lines_from_generated.py --gen /tmp/pg-gen-1m --out /tmp/pg-lines-1m --lines 1000000
"""
import argparse
import os
import sys


def documents(root, lang):
    """Paths of the generated documents of one language, in sorted order."""
    base = os.path.join(root, lang)
    for d in sorted(os.listdir(base)):
        sub = os.path.join(base, d)
        for f in sorted(os.listdir(sub)):
            if f.endswith(".md"):
                yield os.path.join(sub, f)


def body_lines(path):
    """Non-empty lines after the front matter (between the first two '---')."""
    with open(path, encoding="utf-8") as fh:
        lines = fh.read().split("\n")
    start = 0
    if lines and lines[0].strip() == "---":
        for i in range(1, len(lines)):
            if lines[i].strip() == "---":
                start = i + 1
                break
    return [l.strip() for l in lines[start:] if l.strip()]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gen", required=True, help="a gen_corpus.py output directory (with vi/ and en/)")
    ap.add_argument("--out", required=True, help="new directory for the line files")
    ap.add_argument("--lines", type=int, default=1_000_000, help="non-empty lines to write")
    args = ap.parse_args()
    if os.path.exists(args.out):
        sys.exit(f"error: {args.out} exists; give a new directory")
    if args.lines <= 0:
        sys.exit("error: --lines must be positive")
    for lang in ("vi", "en"):
        if not os.path.isdir(os.path.join(args.gen, lang)):
            sys.exit(f"error: {args.gen}/{lang} is not a directory (not a gen_corpus.py output?)")

    sources = {lang: documents(args.gen, lang) for lang in ("vi", "en")}
    out_files = {}
    docs_in_file = {"vi": 0, "en": 0}
    file_no = {"vi": 0, "en": 0}
    written = 0
    docs = 0
    exhausted = set()
    while written < args.lines and len(exhausted) < 2:
        for lang in ("vi", "en"):
            if written >= args.lines or lang in exhausted:
                continue
            path = next(sources[lang], None)
            if path is None:
                exhausted.add(lang)
                continue
            if lang not in out_files or docs_in_file[lang] == 1000:
                if lang in out_files:
                    out_files[lang].close()
                    file_no[lang] += 1
                os.makedirs(os.path.join(args.out, lang), exist_ok=True)
                out_files[lang] = open(os.path.join(args.out, lang, f"{file_no[lang]:04d}.txt"), "w", encoding="utf-8")
                docs_in_file[lang] = 0
            lines = body_lines(path)[: args.lines - written]
            out_files[lang].write("\n".join(lines) + "\n")
            docs_in_file[lang] += 1
            written += len(lines)
            docs += 1
    for fh in out_files.values():
        fh.close()
    print(f"lines_from_generated: {written} lines from {docs} documents -> {args.out}")
    if written < args.lines:
        print(f"warning: the set holds only {written} body lines", file=sys.stderr)


if __name__ == "__main__":
    main()
