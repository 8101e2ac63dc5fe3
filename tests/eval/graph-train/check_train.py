#!/usr/bin/env python3
"""Self-check for the graph-train annotated pairs (adapted from graph-blind11/check_blind11.py; python3, standard library only).

Usage: python3 check_train.py ID [ID ...] [--dev DEV_ARTICLE] [--also FILE_OR_DIR ...]
Each ID names a folder next to this script holding ID-{vi,en}.txt, -entities.tsv and -links.tsv.

Checks, for each language (vi, en):
  - the .txt numbers paragraphs as `awk 'NF' FILE | nl -v0` does, with no two non-empty lines adjacent;
  - all files are UTF-8, NFC, LF line endings; TSV rows have 3 (entities) or 4 (links) tab-separated columns;
  - entity keys are unique lowercase slugs, types are the six allowed, every surface occurs verbatim in the
    article, and no surface is given to two keys;
  - link ends are defined keys, classes are the six allowed, paragraph numbers are in range and ascending,
    there are no duplicate links (cooperation compared without regard to direction), and both ends are named
    by one of their surfaces in every cited paragraph;
  - no 7-word sequence of the article occurs in the dev article (and in any --also file or directory).
Exits 1 and lists every problem if anything fails.
"""
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_DEV = os.path.join(HERE, "..", "..", "..", "..", "shared", "corpus", "vi", "asean-cyberspace-governance-2022.txt")
TYPES = {"country", "regional_org", "organization", "framework", "event", "person"}
CLASSES = {"cooperation", "enactment", "participation", "investment", "basis", "membership"}
SHINGLE = 7

errors = []


def err(msg):
    errors.append(msg)


def read_text(path, strict=True):
    """The file's text; with strict, also report encoding, normalisation and line-ending problems."""
    raw = open(path, "rb").read()
    if not strict:
        return unicodedata.normalize("NFC", raw.decode("utf-8", errors="replace"))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        err(f"{path}: not UTF-8")
        return ""
    if "\r" in text:
        err(f"{path}: CR line endings")
    if unicodedata.normalize("NFC", text) != text:
        err(f"{path}: not NFC")
    if text and not text.endswith("\n"):
        err(f"{path}: no final newline")
    return text


def paragraphs(path):
    """Non-empty lines, numbered from 0, as awk 'NF' | nl -v0 numbers them."""
    lines = read_text(path).split("\n")
    paras = []
    prev_nonempty = False
    for i, line in enumerate(lines):
        nonempty = bool(line.split())
        if nonempty:
            if prev_nonempty:
                err(f"{path}:{i + 1}: non-empty line directly follows another (paragraphs must be blank-separated)")
            paras.append(line)
        prev_nonempty = nonempty
    return paras


def rows(path, ncols):
    out = []
    for n, line in enumerate(read_text(path).split("\n"), 1):
        if not line or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) != ncols or any(c != c.strip() or not c for c in cols):
            err(f"{path}:{n}: expected {ncols} non-empty tab-separated columns without stray spaces")
            continue
        out.append((n, cols))
    return out


def words(text):
    return re.findall(r"\w+", text.lower())


def shingles(text):
    w = words(text)
    return {tuple(w[i:i + SHINGLE]) for i in range(len(w) - SHINGLE + 1)}


def check_language(ident, lang, references):
    base = os.path.join(HERE, ident, f"{ident}-{lang}")
    txt = base + ".txt"
    ent = base + "-entities.tsv"
    lnk = base + "-links.tsv"
    paras = paragraphs(txt)
    article = "\n".join(paras)

    surfaces = {}
    owner = {}
    for n, (key, typ, surf) in rows(ent, 3):
        if key in surfaces:
            err(f"{ent}:{n}: duplicate key {key}")
        if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", key):
            err(f"{ent}:{n}: key {key!r} is not a lowercase slug")
        if typ not in TYPES:
            err(f"{ent}:{n}: unknown type {typ}")
        forms = [s.strip() for s in surf.split(" | ")]
        for s in forms:
            if not s:
                err(f"{ent}:{n}: empty surface")
            elif s not in article:
                err(f"{ent}:{n}: surface {s!r} of {key} not found in {os.path.basename(txt)}")
            if s in owner and owner[s] != key:
                err(f"{ent}:{n}: surface {s!r} given to both {owner[s]} and {key}")
            owner[s] = key
        surfaces[key] = forms

    seen = set()
    for n, (a, cls, b, ps) in rows(lnk, 4):
        for k in (a, b):
            if k not in surfaces:
                err(f"{lnk}:{n}: undefined key {k}")
        if cls not in CLASSES:
            err(f"{lnk}:{n}: unknown class {cls}")
        if a == b:
            err(f"{lnk}:{n}: self-link {a}")
        ident = (cls, frozenset((a, b))) if cls == "cooperation" else (cls, a, b)
        if ident in seen:
            err(f"{lnk}:{n}: duplicate link {a} {cls} {b}")
        seen.add(ident)
        try:
            nums = [int(x) for x in ps.split()]
        except ValueError:
            err(f"{lnk}:{n}: paragraph list {ps!r} is not numbers")
            continue
        if not nums or nums != sorted(set(nums)):
            err(f"{lnk}:{n}: paragraph list {ps!r} empty, unsorted or repeated")
        for p in nums:
            if not 0 <= p < len(paras):
                err(f"{lnk}:{n}: paragraph {p} out of range 0..{len(paras) - 1}")
                continue
            for k in (a, b):
                if k in surfaces and not any(s in paras[p] for s in surfaces[k]):
                    err(f"{lnk}:{n}: {k} is not named in paragraph {p}")

    mine = shingles(article)
    for ref in references:
        common = mine & shingles(read_text(ref, strict=False))
        for c in sorted(common):
            err(f"{os.path.basename(txt)}: 7-word sequence shared with {ref}: {' '.join(c)}")
    return len(paras), len(surfaces), len(seen)


def main(argv):
    dev = DEFAULT_DEV
    also = []
    args = list(argv)
    if "--also" in args:
        i = args.index("--also")
        also = args[i + 1:]
        args = args[:i]
    if "--dev" in args:
        i = args.index("--dev")
        dev = args[i + 1]
        del args[i:i + 2]
    ids = args
    refs = [dev]
    for a in also:
        if os.path.isdir(a):
            refs += sorted(os.path.join(a, f) for f in os.listdir(a) if f.endswith(".txt"))
        else:
            refs.append(a)
    for ident in ids:
        for lang in ("vi", "en"):
            np, ne, nl = check_language(ident, lang, refs)
            print(f"{ident}-{lang}: {np} paragraphs, {ne} entities, {nl} links")
    print(f"7-word check against {len(refs)} reference file(s)")
    for e in errors:
        print("ERROR:", e)
    print("OK" if not errors else f"{len(errors)} error(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
