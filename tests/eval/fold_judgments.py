#!/usr/bin/env python3
"""Judged queries typed without diacritics: from a judgments file (qid, query,
judgements; the format `policygraph eval` reads), writes two files with the
same judgments, one per query that has diacritics: the query folded (NFD,
marks dropped, đ -> d) and the query as written. Searching both shows whether
an analyst who types without diacritics finds what one who types them does.

  python3 tests/eval/fold_judgments.py JUDGMENTS --folded OUT1 --written OUT2
  ./build/server/policygraph eval --corpus ../shared/corpus --queries OUT1 [--policygraph-data DIR]
  ./build/server/policygraph eval --corpus ../shared/corpus --queries OUT2 [--policygraph-data DIR]

Queries without diacritics (English, or already folded) are left out of both:
they would be the same in each. Comment lines are copied. A judgement written
"#N:grade" (the file of the item before it, even on an earlier line) is
written out in full, "FILE#N:grade", since that earlier line may be left out.
"""
import argparse
import sys
import unicodedata


def fold(s):
    s = unicodedata.normalize("NFD", s)
    s = "".join(c for c in s if unicodedata.category(c) != "Mn")
    return s.replace("đ", "d").replace("Đ", "D")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("judgments")
    ap.add_argument("--folded", required=True, help="where to write the folded queries' judgments")
    ap.add_argument("--written", required=True, help="where to write the same queries as written")
    args = ap.parse_args()
    folded, written = [], []
    kept = 0
    last_file = ""
    with open(args.judgments, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            if line.startswith("#") or not line.strip():
                folded.append(line)
                written.append(line)
                continue
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 3:
                sys.exit(f"{args.judgments}:{number}: expected qid, query and judgements, tab-separated")
            items = []
            for item in parts[2].split():
                if item.startswith("#"):
                    if not last_file:
                        sys.exit(f"{args.judgments}:{number}: '{item}' names no file and none came before")
                    item = last_file + item
                else:
                    last_file = item.split("#", 1)[0]
                items.append(item)
            query = unicodedata.normalize("NFC", parts[1])
            if fold(query) == query:
                continue
            kept += 1
            judgements = " ".join(items)
            written.append("\t".join([parts[0], parts[1], judgements]) + "\n")
            folded.append("\t".join([parts[0], fold(query), judgements]) + "\n")
    for path, lines in ((args.folded, folded), (args.written, written)):
        with open(path, "w", encoding="utf-8") as out:
            out.writelines(lines)
    print(f"{kept} queries with diacritics: folded in {args.folded}, as written in {args.written}")


if __name__ == "__main__":
    main()
