"""The eval corpus exactly as `policygraph eval` reads it (server/eval_corpus.cc).

Every .txt/.md file under the corpus directory (recursive, relative paths with '/'
separators, sorted bytewise) is split on '\n'; each line is trimmed of ASCII
whitespace (space, \\t, \\r, \\n, \\v, \\f); every non-empty line is one document
`FILE#N`, N the 0-based index among that file's non-empty lines.
"""
import os

_SPACE = " \t\r\n\v\f"


def files(root, only=""):
    out = []
    for dirpath, dirnames, filenames in os.walk(root):
        for name in filenames:
            if not (name.endswith(".txt") or name.endswith(".md")):
                continue
            full = os.path.join(dirpath, name)
            if not os.path.isfile(full):
                continue
            rel = os.path.relpath(full, root).replace(os.sep, "/")
            if only and not (rel == only or rel.startswith(only + "/")):
                continue
            out.append(rel)
    out.sort(key=lambda p: p.encode("utf-8"))
    return out


def documents(root, only=""):
    """Yields (id, file, line) in corpus order."""
    for rel in files(root, only):
        with open(os.path.join(root, rel), "rb") as f:
            content = f.read().decode("utf-8")  # the eval rejects non-UTF-8 files too
        n = 0
        for raw in content.split("\n"):
            line = raw.strip(_SPACE)
            if not line:
                continue
            yield "%s#%d" % (rel, n), rel, line
            n += 1


def tsv_rows(path):
    """Yields (line number, fields) for each row of a judgments or known-items
    file, skipping blank lines and '#' comments."""
    with open(path, encoding="utf-8") as f:
        for number, raw in enumerate(f, 1):
            line = raw.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            yield number, line.split("\t")
