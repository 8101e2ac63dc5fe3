#!/usr/bin/env python3
"""Prints the eval ids and text of the corpus lines matching a regular expression.

  show_lines.py CORPUS_DIR REGEX [--fold] [--only SUBPATH] [--width N]

--fold matches case- and diacritic-insensitively (both the line and the pattern are
folded: NFD, combining marks dropped, đ -> d, lower case). A helper for judging:
it only lists candidates, the grades are a reader's judgment.
"""
import argparse
import signal
import re
import sys
import unicodedata

sys.path.insert(0, __import__("os").path.dirname(__file__))
import evalcorpus  # noqa: E402


def fold(s):
    s = unicodedata.normalize("NFD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return s.replace("đ", "d").replace("Đ", "D").lower()


def main():
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # quiet under | head
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus")
    ap.add_argument("regex")
    ap.add_argument("--fold", action="store_true")
    ap.add_argument("--only", default="")
    ap.add_argument("--width", type=int, default=300)
    a = ap.parse_args()
    pat = re.compile(fold(a.regex) if a.fold else a.regex, 0 if a.fold else re.I)
    for doc_id, _, line in evalcorpus.documents(a.corpus, a.only):
        if pat.search(fold(line) if a.fold else line):
            print("%s\t%s" % (doc_id, line[: a.width]))


if __name__ == "__main__":
    main()
