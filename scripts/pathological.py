#!/usr/bin/env python3
"""Time and peak memory of the binary on the pathological inputs of issue 15.

Generates each input under a temporary folder, runs the binary once per case and prints wall
time, peak RSS (from the child's own rusage) and exit status, one Markdown row per case:

    python3 scripts/pathological.py target/release/briefing [--only NAME ...] [--limit-gb G]

A case is stopped when its RSS passes --limit-gb (default 4) and reported as such, so one
runaway case does not take the machine down. The inputs are synthetic (no data set is read).
"""

import argparse
import os
import random
import resource
import subprocess
import sys
import tempfile
import threading
import time

SENTENCE = ("The minister said on Tuesday that the bridge would reopen to traffic within a "
            "week after repairs. ")
WORDS = ("bridge harbour ferry council mayor repairs storm traffic minister week river city "
         "engineers budget contract inspection commuters report officials police").split()


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def words(rng, n):
    return " ".join(rng.choice(WORDS) for _ in range(n))


def cases(root):
    """(name, builder): the builder writes the input and returns the arguments after the binary."""
    rng = random.Random(15)

    def copies(n):
        d = os.path.join(root, f"copies{n}")
        write(os.path.join(d, "a.txt"), SENTENCE * n)
        return d

    def small_files(n):
        d = os.path.join(root, f"files{n}")
        for i in range(n):
            write(os.path.join(d, f"{i:06}.txt"), words(rng, 29) + ".\n")
        return d

    def unpunctuated(size):
        d = os.path.join(root, f"line{size}")
        text = []
        total = 0
        while total < size:
            w = rng.choice(WORDS)
            text.append(w)
            total += len(w) + 1
        write(os.path.join(d, "a.txt"), " ".join(text))
        return d

    def near_copies(n):
        d = os.path.join(root, f"near{n}")
        base = [f"Sentence {k} of the wire story about the harbour bridge and its repairs."
                for k in range(12)]
        for i in range(n):
            body = list(base)
            body[i % 12] = body[i % 12].replace("repairs", f"repairs ({i})")
            write(os.path.join(d, f"{i:04}.txt"), "Bridge closes\n\n" + " ".join(body) + "\n")
        return d

    return [
        ("one sentence x 2,000", lambda: ["summarize", copies(2000), "--words", "100"]),
        ("one sentence x 20,000", lambda: ["summarize", copies(20000), "--words", "100"]),
        ("one sentence x 80,000 (8 MB)", lambda: ["summarize", copies(80000), "--words", "100"]),
        ("20,000 files of 30 words", lambda: ["summarize", small_files(20000), "--words", "100"]),
        ("50,000 files of 30 words", lambda: ["summarize", small_files(50000), "--words", "100"]),
        ("1 MB line, no punctuation", lambda: ["summarize", unpunctuated(1 << 20), "--words", "100"]),
        ("8 MB line, no punctuation", lambda: ["summarize", unpunctuated(8 << 20), "--words", "100"]),
        ("200 near-copies, digest", lambda: ["digest", near_copies(200), "--stories", "5"]),
    ]


def run(binary, argv, limit_bytes):
    start = time.monotonic()
    child = subprocess.Popen([binary, *argv, "--format", "json", "-o", os.devnull],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    killed = []
    done = threading.Event()

    def watch():
        # Reads /proc only: polling the child here would reap it before wait4 below.
        status = f"/proc/{child.pid}/status"
        while not done.is_set():
            try:
                with open(status) as f:
                    for line in f:
                        if line.startswith("VmRSS:") and int(line.split()[1]) * 1024 > limit_bytes:
                            killed.append(True)
                            child.kill()
            except OSError:
                return
            time.sleep(0.1)

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    _, status, usage = os.wait4(child.pid, 0)
    done.set()
    watcher.join()
    wall = time.monotonic() - start
    rss = usage.ru_maxrss * 1024  # KiB on Linux
    outcome = "over the limit, stopped" if killed else f"exit {os.waitstatus_to_exitcode(status)}"
    return wall, rss, outcome


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("binary")
    ap.add_argument("--only", nargs="*", help="run the cases whose name contains one of these")
    ap.add_argument("--limit-gb", type=float, default=4.0)
    args = ap.parse_args()
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    with tempfile.TemporaryDirectory(prefix="pathological-") as root:
        print("| input | wall | peak RSS | outcome |")
        print("|---|---|---|---|")
        for name, build in cases(root):
            if args.only and not any(o in name for o in args.only):
                continue
            argv = build()
            wall, rss, outcome = run(args.binary, argv, int(args.limit_gb * (1 << 30)))
            print(f"| {name} | {wall:.2f} s | {rss / 1e6:,.0f} MB | {outcome} |", flush=True)


if __name__ == "__main__":
    sys.exit(main())
