#!/usr/bin/env python3
"""4-gram shingle precision/recall/F1 of extracted texts against gold bodies.

usage: scripts/web_f1.py GOLD_DIR PRED.jsonl [-v]

PRED.jsonl can be made from `briefing split PAGE --format jsonl` (see scripts/web_bench.sh).
Tokens are lower-cased \w+ runs; shingles are counted as a multiset.   (PRED lines: {"page": NAME, "text": ...}; several lines of one
page are joined with newlines, as `briefing split --format jsonl` gives one line per sentence)
Per page P and R; the set's P and R are the means, F1 = 2PR/(P+R) of the means.
"""
import collections, json, os, re, sys

def tokens(text):
    return re.findall(r"\w+", text.lower())

def shingles(text, n=4):
    t = tokens(text)
    if len(t) < n:
        return collections.Counter([tuple(t)]) if t else collections.Counter()
    return collections.Counter(tuple(t[i:i + n]) for i in range(len(t) - n + 1))

def pr(gold, pred):
    g, p = shingles(gold), shingles(pred)
    if not p and not g:
        return 1.0, 1.0
    if not p:
        return 0.0, 0.0
    tp = sum((g & p).values())
    return tp / sum(p.values()), (tp / sum(g.values()) if g else 0.0)

def main(gold_dir, pred_path, label=""):
    preds = collections.defaultdict(list)
    for line in open(pred_path, encoding="utf-8"):
        if line.strip():
            r = json.loads(line)
            preds[r["page"]].append(r["text"])
    rows = []
    for f in sorted(os.listdir(gold_dir)):
        if not f.endswith(".meta.json"):
            continue
        meta = json.load(open(os.path.join(gold_dir, f), encoding="utf-8"))
        stem = f[: -len(".meta.json")]
        if meta.get("skip"):
            continue
        gold = open(os.path.join(gold_dir, stem + ".body.txt"), encoding="utf-8").read()
        p, r = pr(gold, "\n".join(preds.get(meta["page"], [])))
        rows.append((meta["lang"], meta["page"], p, r))
    out = {}
    for lang in ("all", "en", "ar"):
        sel = [x for x in rows if lang == "all" or x[0] == lang]
        P = sum(x[2] for x in sel) / len(sel)
        R = sum(x[3] for x in sel) / len(sel)
        out[lang] = (P, R, 2 * P * R / (P + R) if P + R else 0.0, len(sel))
    return rows, out

if __name__ == "__main__":
    rows, out = main(sys.argv[1], sys.argv[2])
    if "-v" in sys.argv:
        for lang, page, p, r in rows:
            print(f"  {page:55s} P {p:.3f} R {r:.3f}")
    for lang, (P, R, F, n) in out.items():
        print(f"{lang:4s} n={n:2d}  P {P:.3f}  R {R:.3f}  F1 {F:.3f}")
