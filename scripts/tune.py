#!/usr/bin/env python3
"""Grid search of the combined method's weights and the MMR lambda on whole dev sets.

Every setting is scored on every cluster of a set with the reference ROUGE-1.5.5 through
../shared/eval/rouge_eval.py (never on single clusters), and the table is printed sorted by
ROUGE-2 recall. Licensed data is read from ../shared/data and never written into the repo.

  python3 scripts/tune.py --bin target/release/briefing --set duc2003 --set easc
  python3 scripts/tune.py --bin target/release/briefing --set duc2003 \
      --weights 0.45,0.30,0.25 --weights 1,0,0 --lambda 0.5 --lambda 0.7
"""
import argparse, itertools, os, re, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
EVAL = os.path.join(HERE, "..", "..", "shared", "eval", "rouge_eval.py")

def score(binary, dataset, extra):
    p = subprocess.run([sys.executable, EVAL, "--bin", binary, "--set", dataset, "--extra", extra],
                       capture_output=True, text=True)
    got = dict(re.findall(r"ROUGE-(\S+) recall ([\d.]+)", p.stdout))
    fails = re.search(r"failures=(\d+)", p.stdout)
    if not got:
        sys.exit("rouge_eval failed: " + p.stderr[-500:])
    return float(got.get("1", "nan")), float(got.get("2", "nan")), int(fails.group(1)) if fails else -1

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", required=True)
    ap.add_argument("--set", action="append", required=True, choices=["duc2003", "easc"])
    ap.add_argument("--weights", action="append", help="C,L,P (repeatable); default: a grid")
    ap.add_argument("--lambda", dest="lambdas", action="append", type=float, help="MMR lambda (repeatable)")
    a = ap.parse_args()
    weights = a.weights or [",".join(map(str, w)) for w in itertools.product((0.2, 0.45, 0.7), (0.0, 0.3), (0.0, 0.25, 0.5))]
    lambdas = a.lambdas or [0.7]
    rows = []
    for w, lam in itertools.product(weights, lambdas):
        extra = "--method combined --weights %s --lambda %s" % (w, lam)
        cells = []
        for s in a.set:
            r1, r2, f = score(a.bin, s, extra)
            cells += [r1, r2]
            print("%-22s lambda=%.2f %-8s R-1 %.2f R-2 %.2f failures %d" % (w, lam, s, r1, r2, f), flush=True)
        rows.append((w, lam, cells))
    print("\nweights (C,L,P)        lambda  " + "  ".join("%s R-1  R-2" % s for s in a.set))
    key = lambda r: sum(r[2][1::2]) / len(a.set)
    for w, lam, cells in sorted(rows, key=key, reverse=True):
        print("%-22s %.2f    " % (w, lam) + "  ".join("%6.2f %5.2f" % (cells[i], cells[i + 1]) for i in range(0, len(cells), 2)))

if __name__ == "__main__":
    main()
