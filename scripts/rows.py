#!/usr/bin/env python3
"""Whole-process figures for the rows of issue 17, back to back in one run: wall time (median
of --runs) and peak RSS (the child's own, from wait4) of

  - `briefing summarize` of BBC business (510 articles) and of all of BBC (2,225) as one
    cluster, 100 words, beside the Rust `summary` crate's peer when it is built (the peer reads
    one flat folder of valid UTF-8, so all of BBC is given to it as such a copy under /tmp);
  - `briefing digest` of SaudiNewsNet's json/ folder, beside `LC_ALL=C.UTF-8 wc -w` over the
    same files;
  - `briefing summarize samples/coalition-ar` (the Arabic sample, 5 articles).

CPU time (user + system, all threads) is also given: on this shared machine it moves less
with the load than wall time. Several binaries can be given (`--bin old --bin new`): each row runs them alternately, so that
their ratio is measured under the same load. Prints a Markdown table. The data sets are read
from ../shared/data and never copied.

  python3 scripts/rows.py --bin target/release/briefing [--bin /tmp/briefing-before] \\
      [--peer /tmp/rust_summary_peer/release/rust_summary_peer] [--runs 5] [--rows bbc,snn,ar]
"""
import argparse, os, shutil, statistics, subprocess, sys, time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DATA = os.path.join(ROOT, "..", "shared", "data")
BBC = os.path.join(DATA, "bbc-fulltext")
SNN = os.path.join(DATA, "saudinewsnet", "json")
BBC_ALL = ["business", "entertainment", "politics", "sport", "tech"]


def run_once(cmd, env=None):
    """(wall seconds, peak RSS in MB, CPU seconds) of one run; output is thrown away."""
    t = time.perf_counter()
    with open(os.devnull, "w") as null:
        p = subprocess.Popen(cmd, stdout=null, stderr=subprocess.DEVNULL, env=env)
        _, status, usage = os.wait4(p.pid, 0)
    took = time.perf_counter() - t
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit("failed: %s" % " ".join(cmd))
    return took, usage.ru_maxrss / 1024.0, usage.ru_utime + usage.ru_stime


def measure(cmds, runs):
    """Runs each (name, cmd, env) alternately `runs` times; name -> (median wall s, max MB,
    median CPU s)."""
    times = {n: [] for n, _, _ in cmds}
    cpus = {n: [] for n, _, _ in cmds}
    peaks = {n: 0.0 for n, _, _ in cmds}
    for _ in range(runs):
        for name, cmd, env in cmds:
            s, mb, cpu = run_once(cmd, env)
            times[name].append(s)
            cpus[name].append(cpu)
            peaks[name] = max(peaks[name], mb)
    return {n: (statistics.median(times[n]), peaks[n], statistics.median(cpus[n])) for n in times}


def fmt_s(s):
    return "%.1f ms" % (s * 1000) if s < 0.1 else "%.2f s" % s


def flat_utf8_copy(dirs, out="/tmp/briefing-rows-bbc-flat"):
    """All `.txt` files of `dirs` in one folder (`business-001.txt`, ...), each valid UTF-8
    (a file that is not is read as Latin-1): what the `summary` crate's peer can read."""
    if os.path.isdir(out):
        shutil.rmtree(out)
    os.makedirs(out)
    for d in dirs:
        for name in sorted(os.listdir(d)):
            if not name.endswith(".txt"):
                continue
            with open(os.path.join(d, name), "rb") as f:
                raw = f.read()
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError:
                text = raw.decode("latin-1")
            with open(os.path.join(out, "%s-%s" % (os.path.basename(d), name)), "w", encoding="utf-8") as f:
                f.write(text)
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", action="append", required=True, help="a briefing binary (repeat to compare)")
    ap.add_argument("--peer", help="the Rust summary crate's peer binary (../shared/peers/rust_summary_peer)")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--ar-runs", type=int, default=30)
    ap.add_argument("--rows", default="bbc,snn,ar")
    a = ap.parse_args()
    rows = a.rows.split(",")
    table = []

    def row(label, cmds, runs):
        got = measure(cmds, runs)
        for name, _, _ in cmds:
            s, mb, cpu = got[name]
            table.append((label, name, fmt_s(s), fmt_s(cpu), "%.0f MB" % mb))
        return got

    c_env = dict(os.environ, LC_ALL="C.UTF-8")
    if "bbc" in rows:
        for label, dirs in [("BBC business (510)", ["business"]), ("all of BBC (2,225)", BBC_ALL)]:
            paths = [os.path.join(BBC, d) for d in dirs]
            cmds = [(b, [b, "summarize", "-q", "--words", "100"] + paths, None) for b in a.bin]
            if a.peer:
                # The peer reads one flat folder of valid UTF-8: all of BBC is given to it as a
                # flat copy under /tmp with the one Latin-1 file re-encoded (never the repo).
                folder = paths[0] if len(dirs) == 1 else flat_utf8_copy(paths)
                cmds.append(("summary crate", [a.peer, folder, "100", "english", "--quiet"], None))
            row(label, cmds, a.runs)
    if "snn" in rows:
        files = sorted(os.path.join(SNN, f) for f in os.listdir(SNN))
        cmds = [(b, [b, "digest", "-q", SNN], None) for b in a.bin]
        cmds.append(("wc -w", ["wc", "-w"] + files, c_env))
        row("SaudiNewsNet digest (31,030)", cmds, a.runs)
    if "ar" in rows:
        sample = os.path.join(ROOT, "samples", "coalition-ar")
        cmds = [(b, [b, "summarize", "-q", sample], None) for b in a.bin]
        row("Arabic sample (5)", cmds, a.ar_runs)
    print("| input | program | median wall time | median CPU time | peak RSS |")
    print("|---|---|---|---|---|")
    for r in table:
        print("| %s | `%s` | %s | %s | %s |" % r)


if __name__ == "__main__":
    main()
