#!/usr/bin/env python3
"""The scale curve of issue 17: wall time and peak RSS of the release binary on synthetic
inputs of growing size, one Markdown row per case.

    python3 scripts/curve.py target/release/briefing                  # every case
    python3 scripts/curve.py target/release/briefing --only 10k 100k  # cases whose name has one
    python3 scripts/curve.py BIN --limit-gb 20 --timeout 1200 --tmp /tmp/briefing-curve

Cases: `summarize` of ONE cluster of 10,000, 100,000 and 1,000,000 sentences (English news-like
text in articles of 20-30 sentences), and `digest` of 10,000, 100,000 and 300,000 articles
(stories of 1 to 12 articles, half English and half Arabic, each article its own outlet, date
and title). The inputs are JSONL written under --tmp (never in the repository), deterministic
for a given size (seeded), and kept there between runs (delete the folder to rebuild them).

How the text is made: words are drawn with Zipf-like frequencies (weight 1/rank) from a
vocabulary of the words of samples/ (most frequent first) followed by made-up words of the
same script; sentences have 8 to 30 words and carry numbers and made-up proper names (a
pool of Zipf-weighted names). A summarize cluster has topic words of its own that every
sentence leans on; a digest story has its own topic words, names and a pool of sentences
that its articles share (each article keeps some of them, in order, with its own numbers, and
adds sentences of its own), as wire copies of one event do. No data set is read.

Each case runs once with `-q -o /dev/null`; the peak RSS is the child's own (os.wait4). A case
is stopped when its RSS passes --limit-gb (default 20) or its time --timeout (default 1200 s)
and is reported as such, so a runaway case does not take the machine down.
"""

import argparse
import json
import os
import random
import re
import resource
import subprocess
import sys
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

SYL = {
    "en": "ka lo mi ru ten vas no pel dri go sha wen bar tor el an is ver mon dal".split(),
    "ar": "كا لو مي رو تن فس نو بل دري غو شا ون بر تو ال من دا سل حم قر".split(),
}
OUTLETS = ["outlet%02d" % i for i in range(40)]


def sample_words():
    """Words of samples/ by script, most frequent first (the head of each Zipf vocabulary)."""
    counts = {"en": {}, "ar": {}}
    for lang, folder in (("en", "harbor-bridge-en"), ("ar", "coalition-ar")):
        d = os.path.join(ROOT, "samples", folder)
        for name in sorted(os.listdir(d)):
            with open(os.path.join(d, name), encoding="utf-8") as f:
                for w in re.findall(r"[^\W\d_]+", f.read().lower()):
                    if lang == "en" and not w.isascii():
                        continue
                    counts[lang][w] = counts[lang].get(w, 0) + 1
    return {k: sorted(v, key=lambda w: (-v[w], w)) for k, v in counts.items()}


class Lang:
    """One script's Zipf vocabulary and name pool."""

    def __init__(self, lang, head, rng, size=40000, names=5000):
        syl = SYL[lang]
        words = list(head)
        seen = set(words)
        while len(words) < size:
            w = "".join(rng.choice(syl) for _ in range(rng.randint(2, 4)))
            if w not in seen:
                seen.add(w)
                words.append(w)
        self.lang = lang
        self.words = words
        self.cum = self._cum(len(words))
        pool = []
        while len(pool) < names:
            w = "".join(rng.choice(syl) for _ in range(rng.randint(2, 3)))
            pool.append(w.capitalize() if lang == "en" else w)
        self.names = pool
        self.name_cum = self._cum(len(pool))
        self.said = "said" if lang == "en" else "وقال"

    @staticmethod
    def _cum(n):
        out, t = [], 0.0
        for r in range(1, n + 1):
            t += 1.0 / r
            out.append(t)
        return out

    def draw(self, rng, k):
        return rng.choices(self.words, cum_weights=self.cum, k=k)

    def name(self, rng):
        a, b = rng.choices(self.names, cum_weights=self.name_cum, k=2)
        return a + " " + b

    def sentence(self, rng, topic, lean=0.3):
        """8-30 words, a share `lean` of them from `topic`, with numbers and names mixed in."""
        n = rng.randint(8, 30)
        ws = self.draw(rng, n)
        for i in range(n):
            if topic and rng.random() < lean:
                ws[i] = rng.choice(topic)
        if rng.random() < 0.5:
            ws.insert(rng.randrange(len(ws)), str(rng.choice([rng.randint(2, 99), rng.randint(100, 99999)])))
        if rng.random() < 0.6:
            ws.insert(rng.randrange(len(ws)), self.name(rng))
        if rng.random() < 0.3:
            ws.append(self.said)
            ws.append(self.name(rng))
        s = " ".join(ws)
        if self.lang == "en":
            s = s[0].upper() + s[1:]
        return s + "."


def paragraphs(rng, sentences):
    out, i = [], 0
    while i < len(sentences):
        k = rng.randint(1, 3)
        out.append(" ".join(sentences[i:i + k]))
        i += k
    return "\n\n".join(out)


def record(n, title, text, outlet, day):
    return json.dumps({
        "id": "curve-%07d" % n, "title": title, "text": text, "source": outlet,
        "url": "https://%s.example/%d" % (outlet, n),
        "published": "2026-%02d-%02dT%02d:00:00Z" % (1 + day // 28 % 12, 1 + day % 28, n % 24),
    }, ensure_ascii=False)


def write_cluster(path, sentences, langs):
    """One English cluster of `sentences` sentences in articles of 20-30."""
    rng = random.Random(17_000 + sentences)
    en = langs["en"]
    topic = [en.name(rng) for _ in range(20)] + \
        [en.words[rng.randrange(500, 20000)] for _ in range(200)]
    with open(path + ".part", "w", encoding="utf-8") as f:
        done = n = 0
        while done < sentences:
            k = min(rng.randint(20, 30), sentences - done)
            body = [en.sentence(rng, topic) for _ in range(k)]
            title = " ".join(en.sentence(rng, topic, 0.5).split()[:9]).rstrip(".")
            f.write(record(n, title, paragraphs(rng, body), rng.choice(OUTLETS), rng.randint(0, 3)) + "\n")
            done += k
            n += 1
    os.replace(path + ".part", path)


def write_digest(path, articles, langs):
    """`articles` articles in stories of 1-12, half English, half Arabic, over a year."""
    rng = random.Random(29_000 + articles)
    with open(path + ".part", "w", encoding="utf-8") as f:
        n = story = 0
        while n < articles:
            lang = langs["en" if rng.random() < 0.5 else "ar"]
            topic = [lang.name(rng) for _ in range(6)] + \
                [lang.words[rng.randrange(300, len(lang.words))] for _ in range(30)]
            pool = [lang.sentence(rng, topic, 0.35) for _ in range(rng.randint(15, 30))]
            title = " ".join(pool[0].split()[:9]).rstrip(".")
            day = (story * 365) // max(1, articles // 6)
            size = min(1 + rng.randrange(12), articles - n)
            for _ in range(size):
                keep = rng.uniform(0.4, 0.9)
                body = [s for s in pool if rng.random() < keep] or pool[:1]
                # Each copy its own numbers; a few sentences of its own.
                body = [re.sub(r"\b\d+\b", lambda m: str(rng.randint(2, 9999)), s)
                        if rng.random() < 0.3 else s for s in body]
                for _ in range(rng.randint(2, 5)):
                    body.insert(rng.randrange(len(body) + 1), lang.sentence(rng, topic, 0.2))
                t = title if rng.random() < 0.6 else " ".join(lang.sentence(rng, topic, 0.5).split()[:9]).rstrip(".")
                f.write(record(n, t, paragraphs(rng, body), rng.choice(OUTLETS), day + rng.randint(0, 2)) + "\n")
                n += 1
            story += 1
    os.replace(path + ".part", path)


def run(argv, limit_bytes, timeout):
    start = time.monotonic()
    child = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    stopped = []
    done = threading.Event()
    err = []

    def watch():
        # Reads /proc only: polling the child here would reap it before wait4 below.
        status = "/proc/%d/status" % child.pid
        while not done.is_set():
            try:
                with open(status) as f:
                    for line in f:
                        if line.startswith("VmRSS:") and int(line.split()[1]) * 1024 > limit_bytes:
                            stopped.append("over %.0f GB, stopped" % (limit_bytes / (1 << 30)))
                            child.kill()
            except OSError:
                return
            if time.monotonic() - start > timeout:
                stopped.append("over %.0f s, stopped" % timeout)
                child.kill()
                return
            time.sleep(0.1)

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    reader = threading.Thread(target=lambda: err.append(child.stderr.read()), daemon=True)
    reader.start()
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.monotonic() - start
    done.set()
    watcher.join()
    reader.join()
    cpu = usage.ru_utime + usage.ru_stime
    rss = usage.ru_maxrss * 1024  # KiB on Linux
    outcome = stopped[0] if stopped else "exit %d" % os.waitstatus_to_exitcode(status)
    if not stopped and os.waitstatus_to_exitcode(status) != 0:
        sys.stderr.write(err[0].decode(errors="replace")[-2000:] if err else "")
    return wall, cpu, rss, outcome


CASES = [
    ("summarize 10k sentences", "summarize", 10_000),
    ("summarize 100k sentences", "summarize", 100_000),
    ("summarize 1M sentences", "summarize", 1_000_000),
    ("digest 10k articles", "digest", 10_000),
    ("digest 100k articles", "digest", 100_000),
    ("digest 300k articles", "digest", 300_000),
]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("binary")
    ap.add_argument("--only", nargs="*", help="run the cases whose name contains one of these")
    ap.add_argument("--limit-gb", type=float, default=20.0)
    ap.add_argument("--timeout", type=float, default=1200.0)
    ap.add_argument("--tmp", default="/tmp/briefing-curve")
    args = ap.parse_args()
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    os.makedirs(args.tmp, exist_ok=True)
    rng = random.Random(17)
    head = sample_words()
    langs = {k: Lang(k, head[k], rng) for k in ("en", "ar")}
    print("| case | input | wall | CPU | peak RSS | outcome |")
    print("|---|---|---|---|---|---|")
    for name, cmd, size in CASES:
        if args.only and not any(o in name for o in args.only):
            continue
        path = os.path.join(args.tmp, "%s-%d.jsonl" % (cmd, size))
        if not os.path.exists(path):
            t = time.monotonic()
            (write_cluster if cmd == "summarize" else write_digest)(path, size, langs)
            print("wrote %s in %.0f s" % (path, time.monotonic() - t), file=sys.stderr, flush=True)
        mb = os.path.getsize(path) / 1e6
        argv = [args.binary, cmd, path, "-q", "-o", os.devnull]
        if cmd == "summarize":
            argv += ["--words", "100"]
        wall, cpu, rss, outcome = run(argv, int(args.limit_gb * (1 << 30)), args.timeout)
        print("| %s | %.0f MB | %.2f s | %.2f s | %s MB | %s |"
              % (name, mb, wall, cpu, format(round(rss / 1e6), ","), outcome), flush=True)


if __name__ == "__main__":
    sys.exit(main())
