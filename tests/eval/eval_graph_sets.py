#!/usr/bin/env python3
"""Runs `policygraph eval-graph --json` on every row of one or more sets files
(text<TAB>entities<TAB>links, '#' comments, paths from the repository root)
and prints each article's entity and link precision/recall and the micro
totals (items summed over the articles, as train-links reports them).

  python3 tests/eval/eval_graph_sets.py tests/eval/graph-train/sets-*.tsv
  python3 tests/eval/eval_graph_sets.py --aggregate-only SETS   # no per-article lines
  python3 tests/eval/eval_graph_sets.py --link-model "" SETS     # the rules alone

Run from the repository root after building (./build/server/policygraph).
"""
import argparse
import json
import subprocess
import sys


def rows(paths):
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for line in f:
                line = line.rstrip("\n")
                if not line or line.startswith("#"):
                    continue
                parts = line.split("\t")
                if len(parts) != 3:
                    sys.exit(f"{path}: expected text<TAB>entities<TAB>links, got {line!r}")
                yield parts


def ratio(a, b):
    return a / b if b else 0.0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("sets", nargs="+")
    ap.add_argument("--policygraph", default="./build/server/policygraph")
    ap.add_argument("--gazetteer", default="corpus/gazetteer")
    ap.add_argument("--link-model", default=None,
                    help="the trained link classifier (default: policygraph's own; \"\" for the rules alone)")
    ap.add_argument("--aggregate-only", action="store_true")
    args = ap.parse_args()
    totals = {k: {"right": 0, "returned": 0, "found": 0, "gold": 0} for k in ("entities", "links")}
    for text, entities, links in rows(args.sets):
        command = [args.policygraph, "eval-graph", text, "--gold-entities", entities, "--gold-links", links,
                   "--gazetteer", args.gazetteer, "--json"]
        if args.link_model is not None:
            command += ["--link-model", args.link_model]
        run = subprocess.run(command, capture_output=True, text=True)
        if run.returncode != 0:
            sys.exit(f"eval-graph failed on {text}:\n{run.stderr}")
        report = json.loads(run.stdout)
        for k in totals:
            for field in totals[k]:
                totals[k][field] += report[k][field]
        if not args.aggregate_only:
            e, l = report["entities"], report["links"]
            print(f"{text}\tentities {e['precision']:.3f} / {e['recall']:.3f}\tlinks {l['precision']:.3f} / "
                  f"{l['recall']:.3f} ({l['found']}/{l['gold']})")
    for k, t in totals.items():
        p, r = ratio(t["right"], t["returned"]), ratio(t["found"], t["gold"])
        f1 = ratio(2 * p * r, p + r)
        print(f"micro {k}: precision {p:.3f} ({t['right']}/{t['returned']})  recall {r:.3f} "
              f"({t['found']}/{t['gold']})  F1 {f1:.3f}")


if __name__ == "__main__":
    main()
