#!/usr/bin/env python3
"""An Arabic multi-document check built from SaudiNewsNet: stories found by `briefing digest`
become clusters, and their articles' own headlines (written by each outlet's editors, and
taken out of the text by the cleaner) become the references.

It is a proxy, and a lead-friendly one: a headline restates its article's lead. The references
are the headlines of all the story's articles (--references all). --references first keeps the
headlines of the first 8 articles only (this script's first version); those are the articles
round-robin lead reads first (the files carry no dates, so lead-rr goes in file order), which
hands lead-rr its references' own leads. Nothing is written into the repo: the MultiLing-style
layout goes to a temporary folder (or --out), then `briefing eval --dataset multiling` scores
ours beside lead and lead-rr.

  python3 scripts/arabic_proxy.py --bin target/release/briefing --clusters 100 --words 100
"""
import argparse, json, os, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
SNN = os.path.join(HERE, "..", "..", "shared", "data", "saudinewsnet", "json")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", required=True)
    ap.add_argument("--clusters", type=int, default=100, help="the best-ranked stories kept")
    ap.add_argument("--min-articles", type=int, default=4)
    ap.add_argument("--min-outlets", type=int, default=3)
    ap.add_argument("--words", type=int, default=100)
    ap.add_argument("--references", choices=["all", "first"], default="all",
                    help="every article's headline, or those of the first 8 articles (biased to lead-rr)")
    ap.add_argument("--out", help="folder for the layout (default: a temporary one)")
    ap.add_argument("--build-only", action="store_true", help="write the layout, do not score it")
    ap.add_argument("extra", nargs="*", help="more `briefing eval` options, after --")
    a = ap.parse_args()
    out = a.out or tempfile.mkdtemp(prefix="briefing-arabic-proxy-")
    p = subprocess.run([a.bin, "digest", SNN, "--stories", "100000", "--sentences", "1", "--format", "json", "-q"],
                       capture_output=True, text=True, check=True)
    stories = json.loads(p.stdout)["stories"]
    files = {}

    def article(doc_id):
        name, index = doc_id.split("#")
        if name not in files:
            with open(os.path.join(SNN, name + ".json")) as f:
                files[name] = json.load(f)
        return files[name][int(index.split("~")[0])]

    kept = 0
    for s in stories:
        docs = s["briefing"]["documents"]
        if len(docs) < a.min_articles or len(s["outlets"]) < a.min_outlets:
            continue
        arts = [article(d["id"]) for d in docs]
        titles = [x["title"].strip() for x in arts if x["title"].strip()]
        if len(titles) < a.min_articles:
            continue
        c = "s%05d" % s["rank"]
        os.makedirs(os.path.join(out, "source", c), exist_ok=True)
        os.makedirs(os.path.join(out, "models"), exist_ok=True)
        for k, x in enumerate(arts):
            with open(os.path.join(out, "source", c, "%03d.txt" % k), "w") as f:
                f.write(x["content"])
        for k, t in enumerate(titles if a.references == "all" else titles[:8]):
            with open(os.path.join(out, "models", "%s_%d.txt" % (c, k)), "w") as f:
                f.write(t + "\n")
        kept += 1
        if kept >= a.clusters:
            break
    print("%d clusters in %s" % (kept, out), file=sys.stderr)
    if a.build_only:
        return
    subprocess.run([a.bin, "eval", "--dataset", "multiling", out, "--words", str(a.words), "--quiet", *a.extra], check=True)


if __name__ == "__main__":
    main()
