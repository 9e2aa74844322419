#!/usr/bin/env bash
# Scores `briefing split PAGE --format jsonl` on the saved pages of tests/fixtures/web against
# their hand-marked bodies (4-gram shingle F1, scripts/web_f1.py), and times extraction.
# usage: scripts/web_bench.sh [BINARY]   (default target/release/briefing)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-target/release/briefing}
pages=tests/fixtures/web/pages
pred=$(mktemp)
trap 'rm -f "$pred"' EXIT
for f in "$pages"/*.htm* "$pages"/*.txt; do
  name=$(basename "$f")
  "$bin" split "$f" --format jsonl 2>/dev/null | python3 -c '
import json, sys
for line in sys.stdin:
    print(json.dumps({"page": sys.argv[1], "text": json.loads(line)["text"]}, ensure_ascii=False))' "$name" >> "$pred" || true
done
python3 scripts/web_f1.py tests/fixtures/web/gold "$pred" "${VERBOSE:+-v}"
