#!/usr/bin/env python3
"""Build the development sets under a temporary folder (never in the repo) and score them.

Five sets, each in a layout `briefing eval --dataset` reads (see docs/dev-sets.md):

  duc03-events  DUC 2003 task 2: 30 TDT event clusters (d3NNNNt), 4 human 100-word summaries.
  duc03-topics  DUC 2003 tasks 3/4: 30 TREC topic clusters (d1NNx), 4 human 100-word summaries.
  easc          EASC: 153 single Arabic articles, 5 human extracts each (median length budget).
  easc-topics   EASC clusters: the articles of one topic in article-number order, cut into
                clusters of about 10; reference X = assessor X's extracts of the cluster's
                articles, concatenated in article order (5 references), 250 words.
  easc-titled   easc-topics with the layout of scraped pages: each article opens with its EASC
                title ending with a full stop, then a date line (`الأربعاء، 15 يوليو 2009`, one
                article every nine days), then a blank line. A check of the cleaner: its
                figures should be those of easc-topics.
  snn-proxy     SaudiNewsNet proxy (scripts/arabic_proxy.py): stories found by `digest`,
                outlets' headlines as references, 100 words.

The DUC sets and EASC clusters are links and copies of ../shared/data: nothing licensed is
written into the repository. Build once, then score with the printed commands, or with
--score (all sets, text tables) or --json FILE (all sets, per-cluster JSON).

  python3 scripts/dev_sets.py --bin target/release/briefing            # build, print commands
  python3 scripts/dev_sets.py --bin target/release/briefing --score    # build and score
"""
import argparse, json, os, re, shutil, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "..", "shared", "data")
OUT = os.path.join("/tmp", "briefing-dev")

# name -> (layout, folder under OUT or absolute, extra eval arguments)
SETS = {
    "duc03-events": ("duc", "duc03-events", ["--words", "100"]),
    "duc03-topics": ("duc", "duc03-topics", ["--words", "100"]),
    "easc": ("multiling", None, []),
    "easc-topics": ("multiling", "easc-topics", ["--budget", "250"]),
    "easc-titled": ("multiling", "easc-titled", ["--budget", "250"]),
    "snn-proxy": ("multiling", "snn-proxy", ["--words", "100"]),
}
CLUSTER_SIZE = 10


def link_duc(out, pattern):
    """DUC layout: links to the cluster folders matching `pattern` and to their models."""
    docs = os.path.join(DATA, "duc2003", "docs.without.headlines")
    models = os.path.join(DATA, "duc2003", "detagged.duc2003.abstracts", "models")
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(os.path.join(out, "docs"))
    os.makedirs(os.path.join(out, "models"))
    n = 0
    for c in sorted(os.listdir(docs)):
        m = re.fullmatch(pattern, c)
        if not m:
            continue
        prefix = "D%s.M.100.%s." % (m.group(1), m.group(2).upper())
        refs = [f for f in sorted(os.listdir(models)) if f.startswith(prefix)]
        if not refs:
            continue
        os.symlink(os.path.abspath(os.path.join(docs, c)), os.path.join(out, "docs", c))
        for f in refs:
            os.symlink(os.path.abspath(os.path.join(models, f)), os.path.join(out, "models", f))
        n += 1
    return n


AR_DAYS = ["الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"]
AR_MONTHS = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر",
             "أكتوبر", "نوفمبر", "ديسمبر"]


def titled(out, source):
    """easc-titled: the clusters of `source` (easc-topics), each article given a title line
    with a full stop and a date line."""
    import datetime
    titles = {}
    with open(os.path.join(DATA, "easc", "Titles.txt"), encoding="utf-8", errors="replace") as fh:
        for line in fh:
            if "*" in line:
                name, title = line.rstrip("\n").split("*", 1)
                titles[name.strip().lower()] = title.strip()
    shutil.rmtree(out, ignore_errors=True)
    shutil.copytree(os.path.join(source, "models"), os.path.join(out, "models"))
    for c in sorted(os.listdir(os.path.join(source, "source"))):
        os.makedirs(os.path.join(out, "source", c))
        topic = c.rsplit("-", 1)[0].replace("_", " ")
        for f in sorted(os.listdir(os.path.join(source, "source", c))):
            num = int(f.split(".")[0])
            day = datetime.date(2009, 1, 5) + datetime.timedelta(days=9 * num)
            date = "%s، %d %s %d" % (AR_DAYS[day.weekday()], day.day, AR_MONTHS[day.month - 1], day.year)
            title = titles.get("%s (%d)" % (topic, num), topic)
            with open(os.path.join(source, "source", c, f), encoding="utf-8", errors="replace") as fh:
                body = fh.read()
            with open(os.path.join(out, "source", c, f), "w", encoding="utf-8") as fh:
                fh.write("%s.\n%s\n\n%s" % (title, date, body))
    return len(os.listdir(os.path.join(out, "source")))


def easc_topics(out):
    """EASC articles grouped by topic into clusters of about CLUSTER_SIZE (see the docstring)."""
    easc = os.path.join(DATA, "easc")
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(os.path.join(out, "source"))
    os.makedirs(os.path.join(out, "models"))
    topics = {}
    for f in os.listdir(os.path.join(easc, "Articles")):
        m = re.fullmatch(r"(.+) \((\d+)\)\.txt", f, re.I)
        if m:
            topics.setdefault(m.group(1).lower(), []).append((int(m.group(2)), f))
    summaries = os.listdir(os.path.join(easc, "Summaries"))
    n = 0
    for topic in sorted(topics):
        arts = sorted(topics[topic])
        k = max(1, round(len(arts) / CLUSTER_SIZE))
        for part in range(k):
            chunk = arts[part * len(arts) // k:(part + 1) * len(arts) // k]
            name = "%s-%d" % (re.sub(r"\W+", "_", topic), part + 1)
            os.makedirs(os.path.join(out, "source", name))
            refs = {}
            for num, f in chunk:
                shutil.copy(os.path.join(easc, "Articles", f), os.path.join(out, "source", name, "%03d.txt" % num))
                stem = os.path.splitext(f)[0].lower()
                for s in sorted(summaries):
                    m = re.fullmatch(r"(.+)_([A-Z])\.txt", s, re.I)
                    if m and m.group(1).lower() == stem:
                        with open(os.path.join(easc, "Summaries", s), encoding="utf-8", errors="replace") as fh:
                            refs.setdefault(m.group(2).upper(), []).append(fh.read().strip())
            for letter, texts in sorted(refs.items()):
                with open(os.path.join(out, "models", "%s_%s.txt" % (name, letter)), "w", encoding="utf-8") as fh:
                    fh.write("\n".join(texts) + "\n")
            n += 1
    return n


def snn_proxy(binary, out):
    shutil.rmtree(out, ignore_errors=True)
    subprocess.run([sys.executable, os.path.join(HERE, "arabic_proxy.py"), "--bin", binary, "--out", out,
                    "--build-only"], check=True)
    return len(os.listdir(os.path.join(out, "source")))


def path_of(name):
    folder = SETS[name][1]
    return os.path.join(DATA, "easc") if folder is None else os.path.join(OUT, folder)


def command(binary, name, extra=()):
    layout, _, args = SETS[name]
    return [binary, "eval", "--dataset", layout, path_of(name), *args, "--quiet", *extra]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", required=True)
    ap.add_argument("--set", action="append", choices=sorted(SETS), help="default: all")
    ap.add_argument("--no-build", action="store_true", help="score what is already built")
    ap.add_argument("--score", action="store_true", help="score every set (text tables)")
    ap.add_argument("--json", help="score every set into this JSON file ({set: eval JSON})")
    ap.add_argument("extra", nargs="*", help="more `briefing eval` options, after --")
    a = ap.parse_args()
    sets = a.set or list(SETS)
    if not a.no_build:
        for s in sets:
            out = path_of(s)
            if s.startswith("duc03"):
                n = link_duc(out, r"d(3\d{4})(t)" if s == "duc03-events" else r"d(1\d\d)([a-j])")
            elif s == "easc-topics":
                n = easc_topics(out)
            elif s == "easc-titled":
                if not os.path.isdir(path_of("easc-topics")):
                    easc_topics(path_of("easc-topics"))
                n = titled(out, path_of("easc-topics"))
            elif s == "snn-proxy":
                n = snn_proxy(a.bin, out)
            else:
                continue
            print("%-13s %3d clusters in %s" % (s, n, out), file=sys.stderr)
    results = {}
    for s in sets:
        cmd = command(a.bin, s, a.extra)
        if a.json:
            p = subprocess.run(cmd + ["--format", "json"], capture_output=True, text=True, check=True)
            results[s] = json.loads(p.stdout)
        elif a.score:
            print("== %s" % s, flush=True)
            subprocess.run(cmd, check=True)
        else:
            print(" ".join(cmd))
    if a.json:
        with open(a.json, "w") as fh:
            json.dump(results, fh)


if __name__ == "__main__":
    main()
