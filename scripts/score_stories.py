#!/usr/bin/env python3
"""Scores `briefing digest` stories against a labelled pile, the way the held-out check does.

  briefing digest PILE --stories 100000 --words 10 --format json > out.json
  python3 scripts/score_stories.py PILE out.json

Every article of a story is read from `stories[].briefing.documents[]` (by `path`); an article
of the pile in no story counts as a story of its own. The gold cluster of an article is the
sub-folder of PILE holding it. Prints B-cubed precision / recall / F1 over articles, NMI
(arithmetic-mean normalisation) and the number of stories. `briefing eval --stories PILE`
computes the same figures in process; this script is the independent cross-check.
"""
import json, math, os, sys
from collections import Counter


def main():
    pile, digest = os.path.abspath(sys.argv[1]), sys.argv[2]
    gold = {}
    for root, dirs, files in os.walk(pile):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for f in files:
            if not f.startswith("."):
                p = os.path.join(root, f)
                gold[p] = os.path.relpath(p, pile).split(os.sep)[0]
    with open(digest) as f:
        d = json.load(f)
    pred = {}
    for i, st in enumerate(d["stories"]):
        for doc in st["briefing"]["documents"]:
            pred[os.path.abspath(doc["path"])] = i
    n = len(gold)
    k = len(d["stories"])
    for p in gold:
        if p not in pred:
            pred[p] = k
            k += 1
    g_size = Counter(gold.values())
    p_size = Counter(pred[p] for p in gold)
    both = Counter((gold[p], pred[p]) for p in gold)
    prec = sum(both[(gold[p], pred[p])] / p_size[pred[p]] for p in gold) / n
    rec = sum(both[(gold[p], pred[p])] / g_size[gold[p]] for p in gold) / n
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    h = lambda c: -sum(v / n * math.log(v / n) for v in c.values())
    mi = sum(v / n * math.log(v * n / (g_size[g] * p_size[s])) for (g, s), v in both.items())
    hg, hp = h(g_size), h(p_size)
    nmi = 1.0 if hg + hp == 0 else 2 * mi / (hg + hp)
    print("B-cubed P %.4f R %.4f F1 %.4f  NMI %.4f  stories %d  (articles %d, clusters %d)"
          % (prec, rec, f1, nmi, len(p_size), n, len(g_size)))


if __name__ == "__main__":
    main()
