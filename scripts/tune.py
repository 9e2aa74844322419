#!/usr/bin/env python3
"""Grid search of a method's parameters on whole development sets (never single clusters).

Each setting runs `briefing eval --dataset` on every cluster of DUC 2003 task 2 (100 words,
ROUGE -l 100) and of EASC (median reference length), in process, and the table is printed
sorted by the mean over the sets of ROUGE-2 recall relative to the best setting on that set,
so that neither set dominates. Licensed data is read from ../shared/data, never copied.

To judge generalization, DUC 2003 is also scored on two halves (clusters with even and odd
numbers): the setting best on one half (by ROUGE-2) is reported on the other.

  python3 scripts/tune.py --bin target/release/briefing --method combined
  python3 scripts/tune.py --bin target/release/briefing --method signature   # its weight only
  python3 scripts/tune.py --bin target/release/briefing --method submodular
  python3 scripts/tune.py --bin target/release/briefing --method concepts
"""
import argparse, itertools, json, os, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "..", "shared", "data")

GRIDS = {
    "combined": {"--weights": ["%s,%s,%s,%s" % w for w in itertools.product((0.2, 0.45), (0.0, 0.3), (0.0, 0.25, 0.5), (0.0, 0.5, 1.0))],
                 "--lambda": ["0.6", "0.7", "0.85"]},
    "signature": {"--weights": ["0.2,0.3,0.25,%s" % w for w in ("0", "0.25", "0.35", "0.5", "0.7", "1")]},
    "submodular": {"--alpha-cover": ["0.03", "0.05", "0.1"], "--diversity": ["3", "6"], "--prior": ["3", "10", "20"]},
    "concepts": {"--mu": ["0.1", "0.5", "1", "2"], "--cost-exponent": ["0.3", "0.5", "1"]},
}
SETS = {"duc2003": ["duc", os.path.join(DATA, "duc2003"), "--task", "t"],
        "easc": ["multiling", os.path.join(DATA, "easc")]}

METHOD = {"signature": "combined"}

def run(binary, method, dataset, extra):
    """(R-1, R-2) over the set, and per half of the clusters (even / odd cluster numbers)."""
    kind, path, *rest = SETS[dataset]
    cmd = [binary, "eval", "--dataset", kind, path, *rest, "--method", METHOD.get(method, method), "--format", "json", "--quiet", *extra]
    p = subprocess.run(cmd, capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit("failed: %s\n%s" % (" ".join(cmd), p.stderr[-500:]))
    system = json.loads(p.stdout)["systems"][0]
    a = system["average"]
    halves = []
    for parity in (0, 1):
        cl = [c["scores"] for i, c in enumerate(system["clusters"])
              if (int("".join(ch for ch in c["name"] if ch.isdigit()) or i)) % 2 == parity]
        halves.append(tuple(100 * sum(x[k]["recall"] for x in cl) / max(len(cl), 1) for k in ("rouge_1", "rouge_2")))
    return a["rouge_1"]["recall"] * 100, a["rouge_2"]["recall"] * 100, halves

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
        print("%-60s %s" % (rows[-1][0], "  ".join("%s %.2f/%.2f" % (s, r1, r2) + (" (even %.2f/%.2f, odd %.2f/%.2f)" % (*h[0], *h[1]) if s == "duc2003" else "")
                                                   for s, (r1, r2, h) in zip(sets, rows[-1][1]))), flush=True)
    best = [max(r[1][i][1] for r in rows) for i in range(len(sets))]
    key = lambda r: sum(r[1][i][1] / best[i] for i in range(len(sets))) / len(sets)
    print("\nsorted by mean relative ROUGE-2 (%s)" % ", ".join(sets))
    for r in sorted(rows, key=key, reverse=True)[:15]:
        print("%.4f  %-60s %s" % (key(r), r[0], "  ".join("%.2f/%.2f" % x[:2] for x in r[1])))
    if "duc2003" in sets:
        d = sets.index("duc2003")
        print("\ntwo-fold cross-validation on DUC 2003 (chosen by ROUGE-2 on one half, scored on the other)")
        for tune, test, names in ((0, 1, ("even", "odd")), (1, 0, ("odd", "even"))):
            r = max(rows, key=lambda r: r[1][d][2][tune][1])
            print("tuned on %-4s -> %-50s %s %.2f/%.2f" % (names[0], r[0], names[1], *r[1][d][2][test]))

if __name__ == "__main__":
    main()
