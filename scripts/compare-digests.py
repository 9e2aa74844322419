#!/usr/bin/env python3
"""Compares two digests (`--format json`): for each story of the first (the single-machine
digest), the story of the second sharing most of its articles, and the share.

    scripts/compare-digests.py single.json distributed.json

Prints one line per story and the promise's figure: the stories of the first with a story of
the second sharing at least 80% of their articles (the distributed digest's promise is at least
9 of 10). Exits 1 when that figure is below 9 of 10 (scaled to the number of stories)."""

import json
import sys


def articles(digest):
    return [{d["id"] for d in s["briefing"]["documents"]} for s in digest["stories"]]


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        first = json.load(f)
    with open(sys.argv[2], encoding="utf-8") as f:
        second = json.load(f)
    a, b = articles(first), articles(second)
    kept = 0
    for i, story in enumerate(a):
        best = max((len(story & other) / len(story), j) for j, other in enumerate(b)) if b else (0, -1)
        kept += best[0] >= 0.8
        print(f"story {i + 1}: {len(story)} articles, best match story {best[1] + 1} "
              f"sharing {100 * best[0]:.1f}%")
    identical = json.dumps(first, sort_keys=True) == json.dumps(second, sort_keys=True)
    print(f"{kept} of {len(a)} stories matched at >= 80%; digests identical: {identical}")
    return 0 if kept * 10 >= 9 * len(a) else 1


if __name__ == "__main__":
    sys.exit(main())
