#!/usr/bin/env python3
"""Builds the labelled development piles for story grouping (issue 13) from ../shared/data.

A pile is a folder with one sub-folder per gold cluster (its name is the label); each article
is a plain-text file. `briefing eval --stories PILE` mixes a pile's clusters, groups them as
`briefing digest` does and scores the stories against the sub-folders. The piles are written
OUTSIDE the repository (the texts are licensed: never commit them):

  python3 scripts/story_piles.py /tmp/story-piles        # writes every pile below
  target/release/briefing eval --stories /tmp/story-piles/duc

Piles:
  duc     DUC 2003, all 60 clusters mixed (30 TDT event clusters d3NNNNt, 30 TREC topic
          clusters d1NNx; 624 articles). SGML becomes plain text; a file is named by its
          DOCNO (APW20240305.0151.txt) so that the digest reads its date. No headlines.
  tdt     the 30 TDT event clusters only (298 articles).
  trec    the 30 TREC topic clusters only (326 articles; topics spanning months or years).
  easc    EASC's 153 Arabic articles in their 10 topics (names differing only in case are one
          topic: "Art and Music" and "art and music").
  mixed   easc + duc: Arabic and English together (777 articles, 70 clusters).
"""
import html, os, re, shutil, sys

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "..", "shared", "data")
DUC = os.path.join(DATA, "duc2003", "docs.without.headlines")
EASC = os.path.join(DATA, "easc", "Articles")


def duc_articles(cluster_dir):
    """(DOCNO, plain text) of every article of a DUC cluster folder."""
    out = []
    for name in sorted(os.listdir(cluster_dir)):
        with open(os.path.join(cluster_dir, name), encoding="latin-1") as f:
            sgml = f.read()
        docno = re.search(r"<(DOCNO)>\s*(\S+)\s*</\1>", sgml)
        body = re.search(r"<TEXT>(.*?)</TEXT>", sgml, re.S)
        if not docno or not body:
            continue
        parts = re.split(r"</?P>", body.group(1))
        paragraphs = []
        for p in parts:
            p = re.sub(r"<[^>]+>", " ", p)
            p = " ".join(html.unescape(p).split())
            if p:
                paragraphs.append(p)
        out.append((docno.group(2), "\n\n".join(paragraphs) + "\n"))
    return out


def easc_topics():
    """{topic: [(file name, text)]}, topics folded to lower case."""
    topics = {}
    for name in sorted(os.listdir(EASC)):
        m = re.match(r"(.+?) \((\d+)\)\.txt$", name, re.I)
        if not m:
            continue
        topic = m.group(1).strip().lower().replace(" ", "-")
        with open(os.path.join(EASC, name), encoding="utf-8-sig") as f:
            text = f.read()
        topics.setdefault(topic, []).append(("%s-%s.txt" % (topic, m.group(2)), text))
    return topics


def write_cluster(pile, label, articles):
    d = os.path.join(pile, label)
    os.makedirs(d, exist_ok=True)
    for name, text in articles:
        with open(os.path.join(d, name), "w", encoding="utf-8") as f:
            f.write(text)


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    root = os.path.abspath(sys.argv[1])
    repo = os.path.abspath(os.path.join(HERE, ".."))
    if root == repo or root.startswith(repo + os.sep):
        sys.exit("refusing to write licensed text inside the repository: choose a folder under /tmp")
    if not os.path.isdir(DUC) or not os.path.isdir(EASC):
        sys.exit("no data at %s" % DATA)
    duc = {}
    for c in sorted(os.listdir(DUC)):
        duc[c] = [(docno + ".txt", text) for docno, text in duc_articles(os.path.join(DUC, c))]
    easc = easc_topics()
    piles = {
        "duc": duc,
        "tdt": {c: a for c, a in duc.items() if c.startswith("d3")},
        "trec": {c: a for c, a in duc.items() if c.startswith("d1")},
        "easc": easc,
        "mixed": {**easc, **duc},
    }
    for name, clusters in piles.items():
        pile = os.path.join(root, name)
        shutil.rmtree(pile, ignore_errors=True)
        for label, articles in clusters.items():
            write_cluster(pile, label, articles)
        n = sum(len(a) for a in clusters.values())
        print("%-6s %3d clusters %4d articles  %s" % (name, len(clusters), n, pile))


if __name__ == "__main__":
    main()
