#!/usr/bin/env python3
"""Did-you-mean accuracy: every Vietnamese query with diacritics in the judged
sets (../shared/eval/queries-dev.tsv, known-items-dev.tsv, tests/eval/known-items-*.tsv,
queries-bundled.tsv; quoted queries left out) is typed without them, searched with
`policygraph search --json`, and its suggestion (or the query itself if none) is
compared with the original, case-insensitively: whole queries right, words right.

  python3 tests/eval/did_you_mean_eval.py --data DATA [--policygraph BIN] [--verbose]

DATA is an index of ../shared/corpus (`policygraph index ../shared/corpus --data DATA`).
Tone-placement variants ("hoá"/"hóa") count as wrong.
"""
import argparse
import glob
import json
import subprocess
import unicodedata


def fold(s):
    s = unicodedata.normalize("NFD", s)
    s = "".join(c for c in s if unicodedata.category(c) != "Mn")
    return s.replace("đ", "d").replace("Đ", "D")


def queries():
    files = ["../shared/eval/queries-dev.tsv", "../shared/eval/known-items-dev.tsv"]
    files += sorted(glob.glob("tests/eval/known-items-*.tsv")) + ["tests/eval/queries-bundled.tsv"]
    out = set()
    for path in files:
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.startswith("#") or not line.strip():
                    continue
                parts = line.rstrip("\n").split("\t")
                if len(parts) < 2:
                    continue
                q = unicodedata.normalize("NFC", parts[1])
                if fold(q) != q and '"' not in q:
                    out.add(q)
    return sorted(out)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", required=True)
    ap.add_argument("--policygraph", default="./build/server/policygraph")
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()
    whole = words_right = words = 0
    qs = queries()
    for original in qs:
        typed = fold(original)
        run = subprocess.run([args.policygraph, "search", "--data", args.data, "--json", typed],
                             capture_output=True, text=True, check=True)
        suggestion = json.loads(run.stdout).get("did_you_mean") or ""
        got = suggestion or typed
        whole += got.lower() == original.lower()
        g, o = got.lower().split(), original.lower().split()
        words += len(o)
        words_right += sum(a == b for a, b in zip(g, o))
        if args.verbose and got.lower() != original.lower():
            print(f"{typed}\t{suggestion}\t{original}")
    print(f"queries {len(qs)}  whole query right {whole}  words right {words_right}/{words}")


if __name__ == "__main__":
    main()
