#!/usr/bin/env python3
"""Whole-process time as the input grows: `briefing digest` and `briefing summarize` beside the
peers of ../shared/peers, on the same synthetic collections.

The collections are the ones `cargo bench --bench pipeline` writes to target/synthetic/<N>.jsonl
(deterministic, built from samples/). For each size, the JSONL is also written out as a folder
of .txt files for the peers, which read folders. Each command runs under a timeout (default
120 s); once a peer times out it is not tried at larger sizes. Prints a Markdown table of
medians (briefing: median of --runs runs; peers: one run).

  cargo bench --bench pipeline            # writes target/synthetic/*.jsonl
  ../shared/peers/setup.sh                # once: the peers' virtualenv
  python3 scripts/scale.py --bin target/release/briefing --sizes 10,100,1000,10000
"""
import argparse, json, os, shutil, statistics, subprocess, sys, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
PEERS_DIR = os.path.join(ROOT, "..", "shared", "peers")
PY = os.path.join(os.environ.get("PEERS_VENV", os.path.expanduser("~/.cache/briefing-peers")), "bin", "python")
PEERS = {
    "sumy LexRank": [PY, os.path.join(PEERS_DIR, "sumy_runner.py"), "--method", "lexrank"],
    "sumy LSA": [PY, os.path.join(PEERS_DIR, "sumy_runner.py"), "--method", "lsa"],
    "lexrank (PyPI)": [PY, os.path.join(PEERS_DIR, "lexrank_runner.py")],
    "summa": [PY, os.path.join(PEERS_DIR, "summa_runner.py")],
}
RUST = os.environ.get("RUST_SUMMARY_BIN", os.path.join(tempfile.gettempdir(), "rust_summary_peer", "release", "rust_summary_peer"))
if os.path.exists(RUST):
    PEERS["Rust summary crate"] = [RUST]


def timed(cmd, timeout):
    t = time.perf_counter()
    try:
        p = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None
    return time.perf_counter() - t if p.returncode == 0 else float("nan")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", required=True)
    ap.add_argument("--sizes", default="10,100,1000,10000")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--timeout", type=float, default=120)
    ap.add_argument("--no-peers", action="store_true")
    a = ap.parse_args()
    sizes = [int(s) for s in a.sizes.split(",")]
    rows = {}
    dead = set()
    for n in sizes:
        jsonl = os.path.join(ROOT, "target", "synthetic", "%d.jsonl" % n)
        if not os.path.exists(jsonl):
            sys.exit("missing %s: run `cargo bench --bench pipeline` first" % jsonl)
        folder = tempfile.mkdtemp(prefix="briefing-scale-%d-" % n)
        with open(jsonl) as f:
            for i, line in enumerate(f):
                d = json.loads(line)
                with open(os.path.join(folder, "%06d.txt" % i), "w") as out:
                    out.write((d.get("title") or "") + "\n\n" + d["text"])
        for name, cmd in [("briefing digest", [a.bin, "digest", jsonl, "-q"]),
                          ("briefing summarize", [a.bin, "summarize", jsonl, "-q"])]:
            ts = [timed(cmd, a.timeout) for _ in range(a.runs)]
            rows.setdefault(name, {})[n] = None if None in ts else statistics.median(ts)
        if not a.no_peers:
            for name, cmd in PEERS.items():
                if name in dead:
                    rows.setdefault(name, {})[n] = None
                    continue
                t = timed(cmd + [folder, "100"], a.timeout)
                rows.setdefault(name, {})[n] = t
                if t is None:
                    dead.add(name)
        shutil.rmtree(folder)
        print("done %d" % n, file=sys.stderr, flush=True)
    print("| program | " + " | ".join("%d articles" % n for n in sizes) + " |")
    print("|---|" + "---|" * len(sizes))
    for name, by in rows.items():
        cells = []
        for n in sizes:
            t = by.get(n)
            cells.append("> %d s" % a.timeout if t is None else ("failed" if t != t else "%.2f s" % t))
        print("| %s | %s |" % (name, " | ".join(cells)))


if __name__ == "__main__":
    main()
