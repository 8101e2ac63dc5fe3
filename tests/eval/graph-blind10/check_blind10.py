#!/usr/bin/env python3
"""Self-check for the graph-blind10 gold files (run from anywhere: python3 check_blind10.py [DEV_ARTICLE]).

Checks what a typo in hand-written gold would break: every surface occurs verbatim (NFC) in its article,
every link names defined keys and a known class, paragraph numbers are in range (numbering as
`awk 'NF' FILE | nl -v0`), both ends of each link are named in each cited paragraph, no duplicate keys,
surfaces or links (cooperation compared without direction), files are NFC/LF/tab-separated, and, given the
dev article, that no 7-word sequence of an article occurs in it. Exits 1 on any error.
"""
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
TYPES = {"country", "regional_org", "organization", "framework", "event", "person"}
CLASSES = {"cooperation", "enactment", "participation", "investment", "basis", "membership"}
errors = []


def err(msg):
    errors.append(msg)


def read(path):
    raw = open(path, "rb").read()
    text = raw.decode("utf-8")
    if "\r" in text:
        err(f"{path}: CR line endings")
    if unicodedata.normalize("NFC", text) != text:
        err(f"{path}: not NFC")
    return text


def rows(path, ncols):
    out = []
    for n, line in enumerate(read(path).split("\n"), 1):
        if not line or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) != ncols:
            err(f"{path}:{n}: {len(cols)} columns, want {ncols}")
            continue
        out.append((n, cols))
    return out


def words(text):
    return re.findall(r"\w+", text.lower())


def check(lang, dev_words):
    base = os.path.join(HERE, f"blind10-{lang}")
    text = read(base + ".txt")
    lines = text.split("\n")
    for a, b in zip(lines, lines[1:]):
        if a.strip() and b.strip():
            err(f"{lang}: adjacent non-empty lines, paragraphs would merge: {b[:40]!r}")
    paras = [l for l in lines if l.strip()]

    surfaces = {}
    seen_surface = {}
    for n, (key, typ, surf) in rows(base + "-entities.tsv", 3):
        if key in surfaces:
            err(f"{lang} entities:{n}: duplicate key {key}")
        if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", key):
            err(f"{lang} entities:{n}: key {key} is not a lowercase slug")
        if typ not in TYPES:
            err(f"{lang} entities:{n}: unknown type {typ}")
        forms = [s.strip() for s in surf.split(" | ")]
        for s in forms:
            if s != s.strip() or not s:
                err(f"{lang} entities:{n}: empty or padded surface in {key}")
            if s not in text:
                err(f"{lang} entities:{n}: surface {s!r} of {key} not in the article")
            if s in seen_surface:
                err(f"{lang} entities:{n}: surface {s!r} given to both {seen_surface[s]} and {key}")
            seen_surface[s] = key
        surfaces[key] = forms

    links = set()
    for n, (a, cls, b, ps) in rows(base + "-links.tsv", 4):
        for k in (a, b):
            if k not in surfaces:
                err(f"{lang} links:{n}: undefined key {k}")
        if cls not in CLASSES:
            err(f"{lang} links:{n}: unknown class {cls}")
        if a == b:
            err(f"{lang} links:{n}: self link {a}")
        ident = (cls, frozenset((a, b))) if cls == "cooperation" else (cls, a, b)
        if ident in links:
            err(f"{lang} links:{n}: duplicate link {a} {cls} {b}")
        links.add(ident)
        nums = ps.split()
        if not nums or len(set(nums)) != len(nums):
            err(f"{lang} links:{n}: empty or repeated paragraph list")
        for p in nums:
            if not p.isdigit() or int(p) >= len(paras):
                err(f"{lang} links:{n}: paragraph {p} out of range 0..{len(paras) - 1}")
                continue
            para = paras[int(p)]
            for k in (a, b):
                if k in surfaces and not any(s in para for s in surfaces[k]):
                    err(f"{lang} links:{n}: {k} not named in paragraph {p}")

    if dev_words is not None:
        w = words(text)
        for i in range(len(w) - 6):
            if tuple(w[i:i + 7]) in dev_words:
                err(f"{lang}: 7-word sequence shared with the dev article: {' '.join(w[i:i + 7])}")
    print(f"{lang}: {len(paras)} paragraphs, {len(surfaces)} entities, {len(links)} links")


def main():
    dev_words = None
    if len(sys.argv) > 1:
        w = words(read(sys.argv[1]))
        dev_words = {tuple(w[i:i + 7]) for i in range(len(w) - 6)}
    for lang in ("vi", "en"):
        check(lang, dev_words)
    for e in errors:
        print("ERROR", e)
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
