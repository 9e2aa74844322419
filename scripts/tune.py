#!/usr/bin/env python3
"""Grid search of a method's parameters on whole development sets (never single clusters).

Each setting runs `briefing eval --dataset` on every cluster of DUC 2003 task 2 (100 words,
ROUGE -l 100) and of EASC (median reference length), in process, and the table is printed
sorted by the mean over the sets of ROUGE-2 recall relative to the best setting on that set,
so that neither set dominates. Licensed data is read from ../shared/data, never copied.

  python3 scripts/tune.py --bin target/release/briefing --method combined
  python3 scripts/tune.py --bin target/release/briefing --method submodular
  python3 scripts/tune.py --bin target/release/briefing --method concepts
"""
import argparse, itertools, json, os, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "..", "shared", "data")

GRIDS = {
    "combined": {"--weights": ["%s,%s,%s" % w for w in itertools.product((0.2, 0.45, 0.7), (0.0, 0.3), (0.0, 0.25, 0.5))],
                 "--lambda": ["0.5", "0.7", "0.85"]},
    "submodular": {"--alpha-cover": ["0.03", "0.05", "0.1"], "--diversity": ["3", "6"], "--prior": ["3", "10", "20"]},
    "concepts": {"--mu": ["0.1", "0.5", "1", "2"], "--cost-exponent": ["0.3", "0.5", "1"]},
}
SETS = {"duc2003": ["duc", os.path.join(DATA, "duc2003"), "--task", "t"],
        "easc": ["multiling", os.path.join(DATA, "easc")]}

def run(binary, method, dataset, extra):
    kind, path, *rest = SETS[dataset]
    cmd = [binary, "eval", "--dataset", kind, path, *rest, "--method", method, "--format", "json", "--quiet", *extra]
    p = subprocess.run(cmd, capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit("failed: %s\n%s" % (" ".join(cmd), p.stderr[-500:]))
    a = json.loads(p.stdout)["systems"][0]["average"]
    return a["rouge_1"]["recall"] * 100, a["rouge_2"]["recall"] * 100

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", required=True)
    ap.add_argument("--method", required=True, choices=sorted(GRIDS))
    ap.add_argument("--set", action="append", choices=sorted(SETS), help="default: both")
    a = ap.parse_args()
    sets = a.set or sorted(SETS)
    grid = GRIDS[a.method]
    rows = []
    for values in itertools.product(*grid.values()):
        extra = [x for pair in zip(grid.keys(), values) for x in pair]
        rows.append((" ".join(extra), [run(a.bin, a.method, s, extra) for s in sets]))
        print("%-60s %s" % (rows[-1][0], "  ".join("%s %.2f/%.2f" % (s, r1, r2) for s, (r1, r2) in zip(sets, rows[-1][1]))), flush=True)
    best = [max(r[1][i][1] for r in rows) for i in range(len(sets))]
    key = lambda r: sum(r[1][i][1] / best[i] for i in range(len(sets))) / len(sets)
    print("\nsorted by mean relative ROUGE-2 (%s)" % ", ".join(sets))
    for r in sorted(rows, key=key, reverse=True)[:15]:
        print("%.4f  %-60s %s" % (key(r), r[0], "  ".join("%.2f/%.2f" % x for x in r[1])))

if __name__ == "__main__":
    main()
