#!/usr/bin/env bash
# Screenshots of `briefing digest --format html` for the docs, in headless Chromium:
# Arabic and English pages, at phone (390x1600, 2x) and desktop (1280x1400) widths.
#
#   scripts/screenshots.sh BIN OUTDIR      e.g. target/release/briefing docs/screenshots
#
# Needs: apt-get install -y chromium; optional: pngquant optipng (smaller PNGs).
# The corpora come from shared/ beside the repo; override with AR_DATA / EN_DATA.
# Only the rendered pages are photographed: no data is copied into OUTDIR.
set -euo pipefail

BIN=${1:?usage: $0 BIN OUTDIR}
OUT=${2:?usage: $0 BIN OUTDIR}
DATA=$(cd "$(dirname "$0")/../.." && pwd)/shared/data
AR_DATA=${AR_DATA:-$DATA/saudinewsnet/json}
EN_DATA=${EN_DATA:-$DATA/bbc-fulltext}

mkdir -p "$OUT"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

# The pages (the Arabic corpus takes a minute or more).
"$BIN" digest "$AR_DATA" --stories 3 -q --format html > "$TMP/ar.html"
"$BIN" digest "$EN_DATA" --stories 3 -q --format html > "$TMP/en.html"

# shot PAGE NAME W,H SCALE: the network is closed, so everything that would
# reach out (sync, updates, QUIC, first-run) is off; a fresh profile each time.
shot() {
  timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic \
    --no-first-run --disable-background-networking --disable-component-update \
    --disable-sync --user-data-dir="$(mktemp -d -p "$TMP")" --hide-scrollbars \
    --force-device-scale-factor="$4" --window-size="$3" \
    --screenshot="$OUT/$2.png" "file://$TMP/$1.html" > /dev/null 2>&1
  # Shrink if the tools are there (lossy palette, then lossless recompression).
  if command -v pngquant > /dev/null; then
    pngquant --quality=70-95 --speed 1 --strip -f -o "$OUT/$2.png" "$OUT/$2.png"
  fi
  if command -v optipng > /dev/null; then optipng -quiet -o2 "$OUT/$2.png"; fi
}

for lang in ar en; do
  shot "$lang" "digest-$lang-phone" 390,1600 2
  shot "$lang" "digest-$lang-desktop" 1280,1400 1
done
ls -l "$OUT"/digest-*.png
