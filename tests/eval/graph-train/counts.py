#!/usr/bin/env python3
"""Print a pair's counts per entity type and per link class, as the README tables give them (standard library only).

Usage: python3 counts.py ID
"""
import collections
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
TYPES = ["country", "regional_org", "framework", "organization", "event", "person"]
CLASSES = ["cooperation", "membership", "enactment", "participation", "investment", "basis"]


def column(path, idx):
    counts = collections.Counter()
    for line in open(path, encoding="utf-8"):
        if line.strip() and not line.startswith("#"):
            counts[line.rstrip("\n").split("\t")[idx]] += 1
    return counts


ident = sys.argv[1]
for lang in ("vi", "en"):
    base = os.path.join(HERE, ident, f"{ident}-{lang}")
    t = column(base + "-entities.tsv", 1)
    c = column(base + "-links.tsv", 1)
    print(f"| {lang} | " + " | ".join(str(t[k]) for k in TYPES) + f" | {sum(t.values())} |")
    print(f"| {lang} | " + " | ".join(str(c[k]) for k in CLASSES) + f" | {sum(c.values())} |")
