#!/usr/bin/env python3
"""Inter-annotator agreement on the graph-blind10/11 entities and links.

Scores one reader's annotation against another's with the extractor's own counting
rules, so that the figures are directly comparable with the extractor's
precision/recall against the same gold:

- an entity of the gold is found when the other reader has an entity of the same
  type that holds one of its surface forms (NFC, case-sensitive; --casefold also
  compares surfaces case-insensitively);
- a link of the gold is found when the other reader has a link of the same class
  whose two ends are entities matching the gold link's two ends (by the entity rule;
  either direction for cooperation, the same direction otherwise) and whose
  paragraphs share at least one paragraph with the gold link's;
- precision = the other reader's items matching some gold item / the other reader's
  items; recall = gold items matched / gold items; F1 their harmonic mean.

Both directions are printed (first reader as gold, then second reader as gold); the
match relation is symmetric, so the second table is the first with precision and
recall swapped, printed anyway so that each can be read on its own.

    python3 tests/eval/agreement/agreement.py            # tables, markdown
    python3 tests/eval/agreement/agreement.py --casefold # case-insensitive surfaces
    python3 tests/eval/agreement/agreement.py --diff     # every unmatched item
    python3 tests/eval/agreement/agreement.py --overlap  # how alike the two files are
"""
import argparse
import os
import sys
import unicodedata
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
EVAL = os.path.dirname(HERE)
ARTICLES = ["blind10-vi", "blind10-en", "blind11-vi", "blind11-en"]
CLASSES = ["cooperation", "membership", "enactment", "participation", "investment", "basis"]


def first_reader_dir(article):
    # The first reader's gold sits next to the article it annotates.
    return os.path.join(EVAL, "graph-" + article.split("-")[0])


def second_reader_dir(article):
    return os.path.join(HERE, "second-reader")


def rows(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.strip() and not line.startswith("#"):
                yield line.split("\t")


def load(directory, article, casefold):
    """Returns (entities, links): entities key -> (type, set of surfaces);
    links as a list of (a, class, b, frozenset of paragraphs)."""
    norm = lambda s: unicodedata.normalize("NFC", s.strip())
    fold = (lambda s: norm(s).casefold()) if casefold else norm
    entities = {}
    for key, etype, surfaces in rows(os.path.join(directory, article + "-entities.tsv")):
        entities[key] = (etype, {fold(s) for s in surfaces.split("|") if s.strip()})
    links = []
    for a, cls, b, paras in rows(os.path.join(directory, article + "-links.tsv")):
        links.append((a, cls, b, frozenset(int(p) for p in paras.split())))
    return entities, links


def entity_matches(ents_x, ents_y):
    """key in x -> set of keys in y of the same type sharing a surface form."""
    out = {}
    for kx, (tx, sx) in ents_x.items():
        out[kx] = {ky for ky, (ty, sy) in ents_y.items() if ty == tx and sx & sy}
    return out


def link_matches(link_x, link_y, ent_map):
    """Whether link_y (in reader y's keys) matches link_x (reader x's keys);
    ent_map maps x's entity keys to the set of y's keys matching them."""
    ax, cx, bx, px = link_x
    ay, cy, by, py = link_y
    if cx != cy or not (px & py):
        return False
    ma, mb = ent_map.get(ax, set()), ent_map.get(bx, set())
    if ay in ma and by in mb:
        return True
    return cx == "cooperation" and ay in mb and by in ma


class Tally:
    def __init__(self):
        self.gold = self.found = self.other = self.correct = 0

    def add(self, gold, found, other, correct):
        self.gold += gold
        self.found += found
        self.other += other
        self.correct += correct

    def prf(self):
        p = self.correct / self.other if self.other else float("nan")
        r = self.found / self.gold if self.gold else float("nan")
        f = 2 * p * r / (p + r) if self.other and self.gold and (p + r) else float("nan")
        return p, r, f


def score(gold_dir, other_dir, casefold):
    """Tallies per article (entities, links, links per class) and the unmatched items."""
    per_article = {}
    unmatched = {}
    for art in ARTICLES:
        g_ents, g_links = load(gold_dir(art), art, casefold)
        o_ents, o_links = load(other_dir(art), art, casefold)
        g2o = entity_matches(g_ents, o_ents)
        o2g = entity_matches(o_ents, g_ents)
        ent = Tally()
        ent_found = [k for k in g_ents if g2o[k]]
        ent_correct = [k for k in o_ents if o2g[k]]
        ent.add(len(g_ents), len(ent_found), len(o_ents), len(ent_correct))
        links = Tally()
        by_class = defaultdict(Tally)
        miss_links, extra_links = [], []
        for gl in g_links:
            hit = any(link_matches(gl, ol, g2o) for ol in o_links)
            links.add(1, int(hit), 0, 0)
            by_class[gl[1]].add(1, int(hit), 0, 0)
            if not hit:
                miss_links.append(gl)
        for ol in o_links:
            hit = any(link_matches(gl, ol, g2o) for gl in g_links)
            links.add(0, 0, 1, int(hit))
            by_class[ol[1]].add(0, 0, 1, int(hit))
            if not hit:
                extra_links.append(ol)
        per_article[art] = (ent, links, by_class)
        unmatched[art] = {
            "entities missed": [(k,) + (g_ents[k][0], sorted(g_ents[k][1])) for k in g_ents if not g2o[k]],
            "entities extra": [(k,) + (o_ents[k][0], sorted(o_ents[k][1])) for k in o_ents if not o2g[k]],
            "links missed": miss_links,
            "links extra": extra_links,
        }
    return per_article, unmatched


def fmt(x):
    return "–" if x != x else f"{x:.3f}"


def print_tables(title, per_article):
    print(f"### {title}\n")
    print("| article | entities gold / other | entity P | entity R | entity F1 | links gold / other | link P | link R | link F1 |")
    print("|---|---|---|---|---|---|---|---|---|")
    total_e, total_l = Tally(), Tally()
    total_c = defaultdict(Tally)
    for art in ARTICLES:
        e, l, c = per_article[art]
        for t, s in ((total_e, e), (total_l, l)):
            t.add(s.gold, s.found, s.other, s.correct)
        for cls, s in c.items():
            total_c[cls].add(s.gold, s.found, s.other, s.correct)
        print(f"| {art} | {e.gold} / {e.other} | " + " | ".join(map(fmt, e.prf()))
              + f" | {l.gold} / {l.other} | " + " | ".join(map(fmt, l.prf())) + " |")
    e, l = total_e, total_l
    print(f"| **micro, all four** | {e.gold} / {e.other} | " + " | ".join(map(fmt, e.prf()))
          + f" | {l.gold} / {l.other} | " + " | ".join(map(fmt, l.prf())) + " |")
    print("\nLinks per class, summed over the four articles:\n")
    print("| class | gold | other | matched gold | matched other | P | R | F1 |")
    print("|---|---|---|---|---|---|---|---|")
    for cls in CLASSES:
        s = total_c[cls]
        print(f"| {cls} | {s.gold} | {s.other} | {s.found} | {s.correct} | " + " | ".join(map(fmt, s.prf())) + " |")
    print()


def print_diff(title, unmatched):
    print(f"### Unmatched items, {title}\n")
    for art in ARTICLES:
        for kind, items in unmatched[art].items():
            for item in items:
                if kind.startswith("entities"):
                    key, etype, surfaces = item
                    print(f"{art}\t{kind}\t{key}\t{etype}\t{' | '.join(surfaces)}")
                else:
                    a, cls, b, paras = item
                    print(f"{art}\t{kind}\t{a}\t{cls}\t{b}\t{' '.join(map(str, sorted(paras)))}")
    print()


def print_overlap():
    # The counting rules forgive some differences (a merged entity matching two split
    # ones, extra surface forms); these figures show what the scores do not.
    print("| article | same keys / first / second | entities of one reader matching several of the other | matched entities whose surface sets differ |")
    print("|---|---|---|---|")
    for art in ARTICLES:
        g, _ = load(first_reader_dir(art), art, False)
        o, _ = load(second_reader_dir(art), art, False)
        g2o, o2g = entity_matches(g, o), entity_matches(o, g)
        many = [f"first {k} → {', '.join(sorted(v))}" for k, v in g2o.items() if len(v) > 1]
        many += [f"second {k} → {', '.join(sorted(v))}" for k, v in o2g.items() if len(v) > 1]
        differ = [k for k, v in g2o.items() if len(v) == 1 and g[k][1] != o[next(iter(v))][1]]
        print(f"| {art} | {len(set(g) & set(o))} / {len(g)} / {len(o)} | {'; '.join(many) or '–'} | {', '.join(differ) or '–'} |")
    print()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--casefold", action="store_true", help="compare surface forms case-insensitively")
    ap.add_argument("--diff", action="store_true", help="list unmatched items instead of tables")
    ap.add_argument("--overlap", action="store_true", help="compare the two readers' keys and surfaces")
    args = ap.parse_args()
    if args.overlap:
        print_overlap()
        return 0
    variant = "case-insensitive surfaces" if args.casefold else "NFC, case-sensitive surfaces"
    for title, gold, other in (
        ("second reader scored against the first (first = gold)", first_reader_dir, second_reader_dir),
        ("first reader scored against the second (second = gold)", second_reader_dir, first_reader_dir),
    ):
        per_article, unmatched = score(gold, other, args.casefold)
        if args.diff:
            print_diff(f"{title}; {variant}", unmatched)
        else:
            print_tables(f"{title}; {variant}", per_article)
    return 0


if __name__ == "__main__":
    sys.exit(main())
