#!/usr/bin/env python3
"""Writes a synthetic collection N times the size of SaudiNewsNet (default 10) for the scale
figures of docs/distributed.md: every article copied N times, copy k of it moved k*23 days
later, its URL given a `?k` suffix, and every Arabic word of its title and text given the
copy's own two-letter prefix (letters no stemmer strips): copy k is the same news in a
vocabulary of its own, so the copies are N collections' worth of distinct articles and
stories (not near-copies that the digest would fold into one), with the structure of real
news. Never commit the output (SaudiNewsNet's licence is unknown).

    scripts/synthetic-10x.py ../shared/data/saudinewsnet/json /tmp/snn10x [N]"""

import datetime
import json
import os
import sys


PREFIXES = ["", "ثغ", "ظخ", "ضذ", "غث", "خظ", "ذض", "ثظ", "غخ", "ضث", "ظغ", "خذ"]


def vocabulary(text, k):
    """The text with copy k's prefix on every word that starts with an Arabic letter."""
    p = PREFIXES[k % len(PREFIXES)] * (1 + k // len(PREFIXES))
    return " ".join(p + w if w and "\u0621" <= w[0] <= "\u064a" else w for w in text.split(" "))


def main():
    src, out = sys.argv[1], sys.argv[2]
    times = int(sys.argv[3]) if len(sys.argv) > 3 else 10
    os.makedirs(out, exist_ok=True)
    for name in sorted(os.listdir(src)):
        with open(os.path.join(src, name), encoding="utf-8") as f:
            records = json.load(f)
        for k in range(times):
            shifted = []
            for r in records:
                r = dict(r)
                # The date field, found as the digest finds it (`*date*`).
                key = next((f for f in r if "date" in f.lower()), None)
                when = str(r.get(key) or "") if key else ""
                try:
                    t = datetime.datetime.strptime(when[:19], "%Y-%m-%d %H:%M:%S")
                    r[key] = (t + datetime.timedelta(days=23 * k)).strftime(
                        "%Y-%m-%d %H:%M:%S"
                    )
                except ValueError:
                    pass
                if r.get("url"):
                    r["url"] = f"{r['url']}?{k}"
                for field in ("title", "content"):
                    if k and r.get(field):
                        r[field] = vocabulary(r[field], k)
                shifted.append(r)
            day = name.split(".")[0]
            with open(os.path.join(out, f"{day}-copy{k:02d}.json"), "w", encoding="utf-8") as f:
                json.dump(shifted, f, ensure_ascii=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
