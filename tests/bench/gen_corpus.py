#!/usr/bin/env python3
"""Deterministic synthetic corpus for policygraph benchmarks (issue 6).

Writes N documents (.md with front matter: title, lang, date, type) in
Vietnamese and English. Text comes from a word-bigram model trained on the
bundled documents (corpus/documents) and, when present, the shared corpus
(../shared/corpus); entity names come from the gazetteer (corpus/gazetteer),
drawn in proportion to how often each name occurs in that text (plus one, so
every entity appears now and then). Passages carry dates written the ways the
indexer reads them and, now and then, a sentence linking two entities with a
trigger word ("hợp tác với", "signed ... with").

Same --seed and same sources -> byte-identical files. Document i depends only
on (seed, i) and the model, so the first 1,000 documents of N=100000 are the
N=1000 set. Only the Python 3 standard library is used.

  tests/bench/gen_corpus.py --out /tmp/pg-gen-100k --docs 100000 [--seed 1]
      [--jobs 2] [--vi-share 0.7] [--train-mb 8] [--shared ../shared/corpus]

Files go to OUT/{vi,en}/NNNN/gNNNNNNN.md, 1,000 per folder. OUT must not
exist or be empty (the script never deletes anything). Put it under /tmp,
never in the repository.
"""

import argparse
import bisect
import hashlib
import multiprocessing
import os
import random
import sys
import time

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

# ---------------------------------------------------------------- model ----

VI_LETTERS = set("ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ")


def is_vietnamese(text):
    lower = text.lower()
    return sum(1 for c in lower if c in VI_LETTERS) > len(lower) / 200


def text_files(root):
    out = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        for f in sorted(filenames):
            if f.endswith(".txt") or f.endswith(".md"):
                out.append(os.path.join(dirpath, f))
    return out


def body_lines(path):
    with open(path, encoding="utf-8", errors="replace") as fh:
        text = fh.read()
    if text.startswith("---\n"):
        end = text.find("\n---", 4)
        if end != -1:
            text = text[end + 4:]
    for line in text.splitlines():
        line = line.strip().lstrip("#").strip()
        if line:
            yield line


class Bigram:
    """Word bigram model over whitespace tokens (punctuation stays attached,
    so sentences end where a token ends with . ; ? or !)."""

    def __init__(self):
        self.next = {}  # word -> {next word: count}
        self.starts = {}

    def add_line(self, line):
        # Tokens without a letter or digit (rules like "-----") are dropped.
        words = [w for w in line.split() if any(c.isalnum() for c in w)]
        if len(words) < 3:
            return
        prev = None
        for w in words:
            if prev is None or prev[-1] in ".;?!:":
                self.starts[w] = self.starts.get(w, 0) + 1
            else:
                d = self.next.setdefault(prev, {})
                d[w] = d.get(w, 0) + 1
            prev = w

    def freeze(self):
        def cum(d):
            items = sorted(d.items())  # deterministic order
            words, acc, total = [], [], 0
            for w, c in items:
                total += c
                words.append(w)
                acc.append(total)
            return words, acc

        self.start_table = cum({w: c for w, c in self.starts.items() if w[:1].isupper()} or self.starts)
        self.tables = {w: cum(d) for w, d in self.next.items()}
        del self.next, self.starts

    @staticmethod
    def pick(rng, table):
        words, acc = table
        return words[bisect.bisect_right(acc, rng.random() * acc[-1])]

    def sentence(self, rng, max_words=32):
        w = self.pick(rng, self.start_table)
        out = [w]
        while len(out) < max_words and w[-1] not in ".;?!" and w in self.tables:
            w = self.pick(rng, self.tables[w])
            out.append(w)
        s = " ".join(out).rstrip(",;:")
        if s[-1] not in ".?!":
            s += "."
        return s


def load_gazetteer():
    entities = []  # (id, type, names_en, names_vi)
    gdir = os.path.join(REPO, "corpus", "gazetteer")
    for f in sorted(os.listdir(gdir)):
        if not f.endswith(".tsv"):
            continue
        with open(os.path.join(gdir, f), encoding="utf-8") as fh:
            for line in fh:
                if not line.strip() or line.startswith("#"):
                    continue
                cols = line.rstrip("\n").split("\t")
                if len(cols) < 5 or cols[1] == "not_entity":
                    continue
                split = lambda c: [] if c.strip() == "-" else [n.strip() for n in c.split("|") if n.strip()]
                entities.append((cols[0], cols[1], split(cols[3]), split(cols[4])))
    return entities


def build_model(shared, train_mb):
    t0 = time.time()
    models = {"vi": Bigram(), "en": Bigram()}
    budget = {"vi": train_mb * 1024 * 1024, "en": train_mb * 1024 * 1024}
    texts = {"vi": [], "en": []}  # sample kept for counting entity names
    sources = text_files(os.path.join(REPO, "corpus", "documents"))
    if shared and os.path.isdir(shared):
        sources += text_files(shared)
    else:
        print(f"gen_corpus: no shared corpus at {shared}; bundled documents only", file=sys.stderr)
    # At most an equal share of the budget from each file, so that a budget
    # smaller than the corpus samples every law, not the first few by name.
    per_file = max(64 * 1024, 2 * train_mb * 1024 * 1024 // max(1, len(sources)))
    for path in sources:
        taken = 0
        for line in body_lines(path):
            if taken > per_file:
                break
            taken += len(line.encode("utf-8"))
            lang = "vi" if is_vietnamese(line) else "en"
            if budget[lang] <= 0:
                continue
            budget[lang] -= len(line.encode("utf-8"))
            models[lang].add_line(line)
            if len(texts[lang]) < 200000:
                texts[lang].append(line)
        if budget["vi"] <= 0 and budget["en"] <= 0:
            break
    for m in models.values():
        m.freeze()

    entities = load_gazetteer()
    weights = {"vi": [], "en": []}
    joined = {lang: "\n".join(t) for lang, t in texts.items()}
    for eid, etype, names_en, names_vi in entities:
        for lang, names in (("en", names_en), ("vi", names_vi)):
            # Plain substring counts (fast; "Mỹ" inside "thẩm mỹ" is lower
            # case and does not count, short acronyms may overcount a little).
            count = sum(joined[lang].count(n) for n in names[:3])
            weights[lang].append(count + 1)
    ent_tables = {}
    for lang in ("vi", "en"):
        acc, total = [], 0
        for w in weights[lang]:
            total += w
            acc.append(total)
        ent_tables[lang] = acc
    print(f"gen_corpus: model built in {time.time() - t0:.1f}s "
          f"(vi {len(models['vi'].tables)} words, en {len(models['en'].tables)} words, "
          f"{len(entities)} entities)", file=sys.stderr)
    return models, entities, ent_tables


# ------------------------------------------------------------- documents ----

DOC_TYPES = [("article", 30), ("news", 25), ("law", 15), ("report", 12), ("strategy", 8),
             ("agreement", 6), ("plan", 4)]
EN_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December"]
VI_LINK = ["{a} hợp tác với {b} trong lĩnh vực {t}.", "{a} và {b} đã ký kết thỏa thuận về {t}.",
           "Vào {d}, {a} và {b} tổ chức đối thoại về {t}.", "{a} trở thành thành viên của {b}.",
           "{a} đã đầu tư vào {t} ở {b}."]
EN_LINK = ["{a} cooperates with {b} on {t}.", "{a} and {b} signed an agreement on {t} on {d}.",
           "{a} joined {b} in {d}.", "{a} invested in {t} in {b}.",
           "Officials from {a} attended a workshop on {t} hosted by {b}."]
VI_TOPICS = ["an ninh mạng", "chuyển đổi số", "bảo vệ dữ liệu cá nhân", "thương mại điện tử",
             "trí tuệ nhân tạo", "hạ tầng số", "kinh tế số", "phòng chống tội phạm mạng"]
EN_TOPICS = ["cybersecurity", "digital transformation", "personal data protection", "e-commerce",
             "artificial intelligence", "digital infrastructure", "the digital economy", "cybercrime"]
VI_HEAD = ["Điều {n}. Quy định chung", "Chương {n}", "Mục {n}. Hợp tác quốc tế", "Bối cảnh",
           "Kết quả chính", "Điều {n}. Phạm vi điều chỉnh"]
EN_HEAD = ["Section {n}. Definitions", "Part {n}", "Background", "Key outcomes",
           "Article {n}. Scope", "International cooperation"]


def weighted(rng, pairs):
    total = sum(w for _, w in pairs)
    r = rng.random() * total
    for v, w in pairs:
        r -= w
        if r < 0:
            return v
    return pairs[-1][0]


def date_text(rng, lang, year):
    m, d = rng.randint(1, 12), rng.randint(1, 28)
    k = rng.randrange(5)
    if lang == "vi":
        return [f"ngày {d}/{m}/{year}", f"tháng {m}/{year}", f"ngày {d} tháng {m} năm {year}",
                f"năm {year}", f"{d}-{min(d + 2, 28)}/{m}/{year}"][k]
    return [f"{d} {EN_MONTHS[m - 1]} {year}", f"{EN_MONTHS[m - 1]} {year}", f"{year}",
            f"early {year}", f"{EN_MONTHS[m - 1]} {d}, {year}"][k]


class Generator:
    def __init__(self, seed, vi_share, model):
        self.seed, self.vi_share = seed, vi_share
        self.models, self.entities, self.ent_tables = model

    def entity_name(self, rng, lang):
        acc = self.ent_tables[lang]
        while True:
            i = bisect.bisect_right(acc, rng.random() * acc[-1])
            eid, _, names_en, names_vi = self.entities[i]
            names = names_vi if lang == "vi" else names_en
            if names:
                # The display name mostly, an alias sometimes.
                return eid, (names[0] if rng.random() < 0.75 or len(names) == 1 else rng.choice(names[1:]))

    def document(self, i):
        rng = random.Random(f"policygraph-bench:{self.seed}:{i}")
        lang = "vi" if rng.random() < self.vi_share else "en"
        model = self.models[lang]
        year = rng.randint(2000, 2025)
        month = rng.randint(1, 12)
        dtype = weighted(rng, DOC_TYPES)
        topics = VI_TOPICS if lang == "vi" else EN_TOPICS
        title = model.sentence(rng, max_words=rng.randint(6, 14)).rstrip(".")
        if rng.random() < 0.5:
            title = f"{self.entity_name(rng, lang)[1]}: {title}"
        title = title.replace('"', "'")
        date = f"{year}-{month:02d}" if rng.random() < 0.3 else f"{year}-{month:02d}-{rng.randint(1, 28):02d}"
        out = ["---", f'title: "{title}"', f"lang: {lang}", f"date: {date}", f"type: {dtype}", "---", ""]
        n_pass = rng.choice([2, 3, 3, 4, 4, 5, 6, 8, 10, 14])
        heads = VI_HEAD if lang == "vi" else EN_HEAD
        links = VI_LINK if lang == "vi" else EN_LINK
        for p in range(n_pass):
            if p > 0 and rng.random() < 0.35:
                out.append("## " + rng.choice(heads).format(n=p + 1))
                out.append("")
            sentences = []
            for _ in range(rng.randint(1, 5)):
                s = model.sentence(rng)
                r = rng.random()
                if r < 0.25:  # a date stated in the passage
                    d = date_text(rng, lang, rng.randint(max(2000, year - 3), year))
                    s = (f"{d[0].upper()}{d[1:]}, {s[0].lower()}{s[1:]}" if rng.random() < 0.5
                         else f"{s[:-1]} ({d}).")
                elif r < 0.45:  # an entity mention
                    s = f"{s[:-1]}, {'theo' if lang == 'vi' else 'according to'} {self.entity_name(rng, lang)[1]}."
                elif r < 0.55:  # a typed link between two entities
                    a, b = self.entity_name(rng, lang), self.entity_name(rng, lang)
                    if a[0] != b[0]:
                        s = rng.choice(links).format(a=a[1], b=b[1], t=rng.choice(topics),
                                                      d=date_text(rng, lang, year))
                sentences.append(s)
            out.append(" ".join(sentences))
            out.append("")
        return lang, "\n".join(out)


_GEN = None


def _init(gen):
    global _GEN
    _GEN = gen


def _write_range(args):
    out, start, stop = args
    total = 0
    h = hashlib.sha256()
    for i in range(start, stop):
        lang, text = _GEN.document(i)
        folder = os.path.join(out, lang, f"{i // 1000:04d}")
        os.makedirs(folder, exist_ok=True)
        data = text.encode("utf-8")
        with open(os.path.join(folder, f"g{i:07d}.md"), "wb") as fh:
            fh.write(data)
        total += len(data)
        h.update(data)
    return start, total, h.hexdigest()


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", required=True)
    ap.add_argument("--docs", type=int, required=True)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--vi-share", type=float, default=0.7)
    ap.add_argument("--train-mb", type=float, default=8, help="text per language the model learns from")
    ap.add_argument("--shared", default=os.path.join(os.path.dirname(REPO), "shared", "corpus"))
    a = ap.parse_args()
    if os.path.exists(a.out) and os.listdir(a.out):
        sys.exit(f"gen_corpus: {a.out} exists and is not empty; choose a new folder")
    if os.path.realpath(a.out).startswith(os.path.realpath(REPO) + os.sep):
        sys.exit("gen_corpus: write generated data outside the repository (e.g. /tmp)")
    gen = Generator(a.seed, a.vi_share, build_model(a.shared, a.train_mb))
    t0 = time.time()
    chunks = [(a.out, s, min(s + 1000, a.docs)) for s in range(0, a.docs, 1000)]
    if a.jobs > 1:
        with multiprocessing.get_context("fork").Pool(a.jobs, initializer=_init, initargs=(gen,)) as pool:
            results = pool.map(_write_range, chunks)
    else:
        _init(gen)
        results = [_write_range(c) for c in chunks]
    results.sort()
    total = sum(r[1] for r in results)
    digest = hashlib.sha256("".join(r[2] for r in results).encode()).hexdigest()[:16]
    dt = time.time() - t0
    print(f"gen_corpus: {a.docs} documents, {total / 1e6:.1f} MB in {dt:.1f}s "
          f"(seed {a.seed}, content digest {digest}) -> {a.out}")


if __name__ == "__main__":
    main()
