#!/usr/bin/env python3
"""Checks a judgments file against a corpus and prints every judged line, for review.

  check_judgments.py CORPUS_DIR JUDGMENTS.tsv [--quiet]

Parses the format `policygraph eval --queries` reads (qid<TAB>query<TAB>FILE#N:grade ...,
"#N" alone repeats the last FILE, also across lines; '#' lines are comments) and fails
on: a malformed line, a repeated qid, a document judged twice for one query, an id
that is not a line of the corpus (ids computed as evalcorpus.py does), or a query with
no grade-2 document. Prints each query with its judged lines and text unless --quiet.
"""
import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import evalcorpus  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus")
    ap.add_argument("judgments")
    ap.add_argument("--quiet", action="store_true")
    a = ap.parse_args()
    text = {doc_id: line for doc_id, _, line in evalcorpus.documents(a.corpus)}
    errors, qids, last_file, total = [], set(), None, 0
    for number, fields in evalcorpus.tsv_rows(a.judgments):
        if len(fields) != 3:
            errors.append("%d: expected 3 tab-separated fields" % number)
            continue
        qid, query, items = fields
        if qid in qids:
            errors.append("%d: repeated qid %s" % (number, qid))
        qids.add(qid)
        seen, judged = set(), []
        for item in items.split():
            doc, _, grade = item.rpartition(":")
            if doc.startswith("#"):
                if last_file is None:
                    errors.append("%d: %s has no FILE to repeat" % (number, item))
                    continue
                doc = last_file + doc
            last_file = doc.split("#")[0]
            if not grade.isdigit():
                errors.append("%d: bad grade in %s" % (number, item))
                continue
            if doc in seen:
                errors.append("%d: %s judged twice" % (number, doc))
            seen.add(doc)
            if doc not in text:
                errors.append("%d: %s is not a line of the corpus" % (number, doc))
            judged.append((int(grade), doc))
        total += len(judged)
        if not any(g == 2 for g, _ in judged):
            errors.append("%d: %s has no grade-2 document" % (number, qid))
        if not a.quiet:
            print("%s\t%s\t(%d judged)" % (qid, query, len(judged)))
            for g, doc in judged:
                print("   %d %s\t%s" % (g, doc, text.get(doc, "?")[:150]))
    print("%d queries, %d judgments, %d errors" % (len(qids), total, len(errors)), file=sys.stderr)
    for e in errors:
        print("error: " + e, file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
