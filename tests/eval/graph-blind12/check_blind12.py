#!/usr/bin/env python3
"""Self-check for the graph-blind12 evaluation set (python3, standard library only).

Usage: python3 check_blind12.py [DEV_ARTICLE] [--also PATH ...]

Checks that the gold files are well formed and consistent with the articles they
describe, and that no 7-word sequence of either article is shared with the dev
article (or any --also file, or the .txt files under an --also directory), so that
the set stays independent of text the extractor may have been tuned on.
Exits 1 and lists every problem found; exits 0 when the set is clean.
"""
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_DEV = "/work/shared/corpus/vi/asean-cyberspace-governance-2022.txt"
LANGS = ("vi", "en")
TYPES = {"country", "regional_org", "organization", "framework", "event", "person"}
CLASSES = {"cooperation", "enactment", "participation", "investment", "basis", "membership"}
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
NGRAM = 7

errors = []


def err(msg):
    errors.append(msg)


def read_text(path):
    """Read a file as UTF-8, checking NFC, LF endings and a final newline."""
    raw = open(path, "rb").read()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        err(f"{path}: not UTF-8 ({e})")
        return ""
    if "\r" in text:
        err(f"{path}: CR line endings")
    if text and not text.endswith("\n"):
        err(f"{path}: no final newline")
    if unicodedata.normalize("NFC", text) != text:
        err(f"{path}: not NFC")
    return text


def paragraphs(text, path):
    """Non-empty lines, numbered as `awk 'NF' FILE | nl -v0` numbers them."""
    lines = text.split("\n")
    for i in range(1, len(lines)):
        if lines[i].strip() and lines[i - 1].strip():
            err(f"{path}: lines {i} and {i + 1} are adjacent non-empty lines (paragraphs must be blank-separated)")
    return [l for l in lines if l.strip()]


def rows(path, ncols):
    out = []
    for n, line in enumerate(read_text(path).split("\n"), 1):
        if not line or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) != ncols:
            err(f"{path}:{n}: {len(cols)} tab-separated columns, expected {ncols}")
            continue
        out.append((n, cols))
    return out


def words(text):
    return re.findall(r"\w+", text.lower())


def ngrams(text):
    w = words(text)
    return {tuple(w[i:i + NGRAM]) for i in range(len(w) - NGRAM + 1)}


def check_language(lang, foreign):
    txt = os.path.join(HERE, f"blind12-{lang}.txt")
    ent_path = os.path.join(HERE, f"blind12-{lang}-entities.tsv")
    link_path = os.path.join(HERE, f"blind12-{lang}-links.tsv")
    text = read_text(txt)
    paras = paragraphs(text, txt)

    surfaces = {}  # key -> list of surfaces
    owner = {}     # surface -> key
    for n, (key, typ, forms) in rows(ent_path, 3):
        where = f"{ent_path}:{n}"
        if not SLUG.match(key):
            err(f"{where}: key {key!r} is not a lowercase slug")
        if key in surfaces:
            err(f"{where}: duplicate key {key}")
        if typ not in TYPES:
            err(f"{where}: unknown type {typ!r}")
        forms_list = [f.strip() for f in forms.split(" | ")]
        for f in forms_list:
            if not f:
                err(f"{where}: empty surface")
            elif f not in text:
                err(f"{where}: surface {f!r} not found in {os.path.basename(txt)}")
            if f in owner and owner[f] != key:
                err(f"{where}: surface {f!r} given to both {owner[f]} and {key}")
            owner[f] = key
        surfaces[key] = forms_list

    seen = set()
    for n, (a, cls, b, paras_field) in rows(link_path, 4):
        where = f"{link_path}:{n}"
        for k in (a, b):
            if k not in surfaces:
                err(f"{where}: key {k!r} is not an entity key")
        if cls not in CLASSES:
            err(f"{where}: unknown class {cls!r}")
        if a == b:
            err(f"{where}: self-link {a}")
        ident = (cls, frozenset((a, b))) if cls == "cooperation" else (cls, a, b)
        if ident in seen:
            err(f"{where}: duplicate link {a} {cls} {b}")
        seen.add(ident)
        try:
            nums = [int(x) for x in paras_field.split()]
        except ValueError:
            err(f"{where}: paragraph field {paras_field!r} is not a list of numbers")
            continue
        if not nums:
            err(f"{where}: no paragraph given")
        if nums != sorted(set(nums)):
            err(f"{where}: paragraph numbers not sorted or repeated: {paras_field}")
        for p in nums:
            if not 0 <= p < len(paras):
                err(f"{where}: paragraph {p} out of range 0..{len(paras) - 1}")
                continue
            for k in (a, b):
                if k in surfaces and not any(s in paras[p] for s in surfaces[k]):
                    err(f"{where}: {k} is not named by any of its surfaces in paragraph {p}")

    own = ngrams(text)
    for name, other in foreign:
        shared = own & other
        for g in sorted(shared):
            err(f"{os.path.basename(txt)}: 7-word sequence shared with {name}: {' '.join(g)}")
    return len(paras), len(surfaces), len(seen)


def foreign_texts(dev, also):
    out = [(dev, ngrams(open(dev, encoding="utf-8").read()))]
    for path in also:
        files = []
        if os.path.isdir(path):
            for root, _, names in os.walk(path):
                files += [os.path.join(root, f) for f in sorted(names) if f.endswith(".txt")]
        else:
            files.append(path)
        for f in files:
            with open(f, encoding="utf-8", errors="replace") as fh:
                out.append((f, ngrams(fh.read())))
    return out


def main(argv):
    args = argv[1:]
    also = []
    while "--also" in args:
        i = args.index("--also")
        also.append(args[i + 1])
        del args[i:i + 2]
    dev = args[0] if args else DEFAULT_DEV
    foreign = foreign_texts(dev, also)
    for lang in LANGS:
        n_par, n_ent, n_link = check_language(lang, foreign)
        print(f"{lang}: {n_par} paragraphs, {n_ent} entities, {n_link} links")
    for e in errors:
        print("ERROR:", e)
    print("OK" if not errors else f"{len(errors)} problem(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
