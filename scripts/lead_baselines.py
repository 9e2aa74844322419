#!/usr/bin/env python3
"""Lead baselines with the same command-line contract as `briefing`, for scoring the eval harness.

  scripts/lead_baselines.py summarize DIR --words N --format json [--mode lead|lead-rr]

  lead     first sentences of the newest article (newest = largest YYYYMMDD[.NNNN] stamp in the
           file name, e.g. APW19981017.0151.txt; otherwise the last file in sorted order)
  lead-rr  round robin over the articles in sorted order: first sentence of each, then the
           second of each, ...

Budget: whole sentences only; stop before the total would exceed N words (whitespace tokens),
except that the first sentence is always taken. Prints {"sentences": [{"text", "doc", "index"}]}.
Standard library only; simple regex sentence splitter (English and Arabic).
"""
import argparse, json, os, re, sys

ARABIC = re.compile(r"[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]")
LATIN = re.compile(r"[A-Za-z]")

# English: after . ! ? (plus closing quotes/brackets), whitespace, then a capital or an opening quote.
EN_BOUNDARY = re.compile(r"([.!?]+(?:''|[\"\u201D\u2019')\]])*)\s+(?=[A-Z\"\u201C\u2018'`])")
ABBREV = {"mr", "mrs", "ms", "dr", "gen", "sen", "rep", "gov", "lt", "col", "sgt", "capt", "adm", "maj",
          "rev", "st", "jr", "sr", "prof", "inc", "corp", "co", "ltd", "no", "vs", "jan", "feb", "mar",
          "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mt", "ft", "messrs", "u.s",
          "u.n", "u.k", "d.c"}
# Arabic: after . ! ? ؟ followed by whitespace, or glued to the next Arabic word (".وذكر"); not in 3.5.
AR_BOUNDARY = re.compile(r"(?<=[.!?\u061F])(?<!\d\.)[\"\u201D\u00BB)]*(?:\s+|(?=[\u0621-\u064A]))")


def language(text):
    return "arabic" if len(ARABIC.findall(text)) > len(LATIN.findall(text)) else "english"


def paragraphs(text, lang):
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if lang == "arabic":  # unwrapped: every line is a paragraph
        parts = text.split("\n")
    else:  # hard-wrapped: blank lines or indented lines start a paragraph
        parts = re.split(r"\n\s*\n|\n(?=[ \t])", text)
    return [" ".join(p.split()) for p in parts if p.strip()]


def split_english(par):
    out, start = [], 0
    for m in EN_BOUNDARY.finditer(par):
        token = par[:m.start(1)].rsplit(" ", 1)[-1].lower().lstrip("(\"'`")
        if m.group(1).startswith(".") and not m.group(1).startswith("..") and (
                token in ABBREV or re.fullmatch(r"[a-z]", token) or re.fullmatch(r"([a-z]\.)+[a-z]", token)):
            continue  # Gen. Pinochet, George W. Bush, U.S. Embassy
        out.append(par[start:m.end(1)])
        start = m.end()
    out.append(par[start:])
    return [s.strip() for s in out if s.strip()]


def split_arabic(par):
    return [s.strip() for s in AR_BOUNDARY.split(par) if s and s.strip()]


def sentences(text, lang):
    split = split_arabic if lang == "arabic" else split_english
    return [s for p in paragraphs(text, lang) for s in split(p)]


def load(directory):
    names = sorted(f for f in os.listdir(directory) if f.endswith(".txt") and os.path.isfile(os.path.join(directory, f)))
    if not names:
        sys.exit("no .txt files in " + directory)
    texts = [open(os.path.join(directory, f), encoding="utf-8", errors="replace").read() for f in names]
    lang = language("".join(texts)[:200000])
    return [(n, sentences(t, lang)) for n, t in zip(names, texts)]


def newest(docs):
    def stamp(name):
        m = re.search(r"((?:19|20)\d{6})(?:\.(\d+))?", name)
        return (m.group(1), int(m.group(2) or 0)) if m else None
    stamps = [stamp(n) for n, _ in docs]
    if all(stamps):
        return max(range(len(docs)), key=lambda i: (stamps[i], docs[i][0]))
    return len(docs) - 1


def within_budget(candidates, budget):
    chosen, used = [], 0
    for doc, idx, text in candidates:
        w = len(text.split())
        if chosen and used + w > budget:
            break
        chosen.append({"text": text, "doc": doc, "index": idx})
        used += w
        if used >= budget:
            break
    return chosen


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("summarize")
    s.add_argument("dir")
    s.add_argument("--words", type=int, default=100)
    s.add_argument("--format", default="json", choices=["json", "text"])
    s.add_argument("--mode", default="lead", choices=["lead", "lead-rr"])
    a = ap.parse_args()

    docs = load(a.dir)
    if a.mode == "lead":
        name, sents = docs[newest(docs)]
        cands = [(name, i, t) for i, t in enumerate(sents)]
    else:
        depth = max(len(ss) for _, ss in docs)
        cands = [(n, i, ss[i]) for i in range(depth) for n, ss in docs if i < len(ss)]
    chosen = within_budget(cands, a.words)
    if a.format == "json":
        print(json.dumps({"sentences": chosen}, ensure_ascii=False))
    else:
        print("\n".join(c["text"] for c in chosen))


if __name__ == "__main__":
    main()
