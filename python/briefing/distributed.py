"""The digest on Ray: ``python -m briefing.distributed digest PATH... --shards N``.

The same digest as ``briefing digest --format json`` (to the byte), its work spread over the
tasks of a Ray cluster (a local one when no address is given). The steps, each a function of
the compiled module (see ``docs/distributed.md``):

1. the driver lists the sources and cuts them into ``shards`` contiguous ranges of about equal
   size;
2. a *map* task per shard reads, cleans and splits its sources; the cleaned corpus stays in the
   object store of the node that made it, and only a summary travels to the driver: per article
   its hashed term counts, text key, date, outlet and title;
3. the driver *reduces* the summaries: the very grouping of the single-machine digest, over all
   articles, then the plan of the best stories;
4. an *extract* task per shard, run where its corpus lies, cuts out the planned stories'
   articles; a *brief* task per story briefs them;
5. the driver writes the digest in rank order, with every input skipped.

A task whose worker dies is run again by Ray (``max_retries``); a map task that fails every
time leaves its shard's sources in ``skipped`` (as unreadable files are), and the rest runs.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import time
from typing import Any, Dict, List, Mapping, Optional, Sequence, Tuple, cast

from . import _briefing
from .errors import BriefingError
from .types import Digest

__all__ = ["Stats", "cut", "digest", "main"]

#: One source of a listing: ``(path, name)``.
Source = Tuple[str, str]


class Stats(Dict[str, Any]):
    """What a run measured: ``seconds`` (of which ``seconds_start_and_map``, Ray's start and
    the map tasks, and ``seconds_reduce``, the grouping on the driver), the ``shards``, and the bytes that crossed between
    tasks (``summary_bytes`` map to driver, ``request_bytes`` driver to extract,
    ``part_bytes`` extract to brief, ``story_bytes`` brief to driver) or stayed where they were
    made (``corpus_bytes``)."""


def cut(sizes: Sequence[int], shards: int) -> List[Tuple[int, int]]:
    """Contiguous ranges ``(start, end)`` of a listing, at most ``shards`` of them, each about
    the same number of bytes (sizes are the sources' sizes, in listing order)."""
    if shards < 1:
        raise ValueError("shards must be at least 1")
    n = len(sizes)
    shards = min(shards, n) or 1
    total = sum(sizes)
    ranges: List[Tuple[int, int]] = []
    start = 0
    done = 0
    for k in range(1, shards):
        target = total * k / shards
        end = start
        # Take sources until the shard reaches its share, leaving one source per shard left.
        while end < n - (shards - k) and (end == start or done + sizes[end] <= target):
            done += sizes[end]
            end += 1
        ranges.append((start, end))
        start = end
    ranges.append((start, n))
    return [r for r in ranges if r[0] < r[1]] or [(0, 0)]


def _options(config: Mapping[str, Any], *names: str) -> Dict[str, Any]:
    return {k: config[k] for k in names if k in config}


_READ = ("language", "method", "fields", "threads")
_BRIEF = ("words", "sentences", "chars", *_READ)
_PLAN = ("stories", "link", "window_days", *_BRIEF)


def _fault(faults: Optional[Mapping[str, Any]], shard: int) -> None:
    """Fault injection for tests: ``kill_once`` lists shards whose first map attempt kills its
    worker (a marker file in ``dir`` remembers it), ``fail`` shards whose map always raises."""
    if not faults:
        return
    if shard in faults.get("fail", ()):
        raise RuntimeError(f"shard {shard} failed (injected)")
    if shard in faults.get("kill_once", ()):
        marker = os.path.join(faults["dir"], f"killed-{shard}")
        if not os.path.exists(marker):
            with open(marker, "w", encoding="utf-8") as f:
                f.write("killed\n")
            os._exit(1)


def _map(
    sources: List[Source], config: Dict[str, Any], shard: int, faults: Optional[Dict[str, Any]]
) -> Tuple[bytes, Tuple[bytes, int]]:
    _fault(faults, shard)
    corpus, summary = _briefing.map_shard(sources, **_options(config, *_READ))
    return corpus, (summary, len(corpus))


def _extract(corpus: bytes, request: bytes) -> Any:
    parts = _briefing.extract(corpus, request)
    return parts[0] if len(parts) == 1 else tuple(parts)


def _brief(story: bytes, config: Dict[str, Any], *parts: bytes) -> Tuple[str, int]:
    text = _briefing.brief_parts(story, list(parts), **_options(config, *_BRIEF))
    return text, sum(len(p) for p in parts)


def digest(
    paths: Sequence[str],
    *,
    shards: int = 2,
    stories: Optional[int] = None,
    words: Optional[int] = None,
    sentences: Optional[int] = None,
    chars: Optional[int] = None,
    link: Optional[float] = None,
    window_days: Optional[int] = None,
    language: Optional[str] = None,
    method: Optional[str] = None,
    fields: Sequence[str] = (),
    address: Optional[str] = None,
    num_cpus: Optional[int] = None,
    task_cpus: int = 1,
    max_retries: int = 3,
    stats: Optional[Stats] = None,
    faults: Optional[Dict[str, Any]] = None,
) -> str:
    """The digest of ``paths`` on Ray, as the JSON text ``briefing digest --format json``
    writes (``json.loads`` it for the :class:`briefing.types.Digest`).

    Ray is started here unless it already is: joining the cluster at ``address`` (``"auto"``
    or ``host:port``), else a local one with ``num_cpus`` (default: every core); it is shut
    down at the end only if it was started here. Each task uses ``task_cpus`` cores (and as
    many threads) and is retried ``max_retries`` times. ``stats``, when given, is filled with
    the run's figures (:class:`Stats`); ``faults`` is for tests. The other options are those
    of :func:`briefing.digest`.
    """
    import ray

    config: Dict[str, Any] = {
        "stories": stories,
        "words": words,
        "sentences": sentences,
        "chars": chars,
        "link": link,
        "window_days": window_days,
        "language": language,
        "method": method,
        "fields": list(fields),
        "threads": task_cpus,
    }
    clock = time.perf_counter()
    listing, listed = _briefing.list_sources([os.fspath(p) for p in paths])
    ranges = cut([size for _, _, size in listing], shards)
    parts_of = [[(str(p), n) for p, n, _ in listing[a:b]] for a, b in ranges]

    started = not ray.is_initialized()
    if started:
        if address:
            ray.init(address=address, logging_level=logging.WARNING)
        else:
            ray.init(num_cpus=num_cpus, logging_level=logging.WARNING, include_dashboard=False)
    try:
        map_task = ray.remote(
            num_cpus=task_cpus, num_returns=2, max_retries=max_retries, retry_exceptions=True
        )(_map)
        # Two refs per task (num_returns=2): its corpus, and its summary with the corpus' size.
        mapped = cast(
            List[Tuple[Any, Any]],
            [map_task.remote(sources, config, i, faults) for i, sources in enumerate(parts_of)],
        )
        summaries: List[bytes] = []
        corpus_bytes = 0
        for i, (_, head) in enumerate(mapped):
            try:
                summary, size = ray.get(head)
                corpus_bytes += size
            except Exception as e:  # the task failed every time: its sources are skipped
                reason = f"not read: the shard's task failed ({type(e).__name__})"
                summary = _briefing.failed_shard(parts_of[i], reason)
            summaries.append(summary)
        timings = {"start_and_map": time.perf_counter() - clock}
        head_bytes, plan, requests, holders = _briefing.reduce_shards(
            listed, summaries, **_options(config, *_PLAN)
        )
        timings["reduce"] = time.perf_counter() - clock - timings["start_and_map"]
        extract_task = ray.remote(
            num_cpus=task_cpus,
            num_returns=len(plan),
            max_retries=max_retries,
            retry_exceptions=True,
        )(_extract)
        needed = sorted({s for h in holders for s in h})
        extracted: Dict[int, List[Any]] = {}
        for s in needed:
            refs = cast(Any, extract_task.remote(mapped[s][0], requests[s]))
            extracted[s] = [refs] if len(plan) == 1 else list(refs)
        brief_task = ray.remote(
            num_cpus=task_cpus, max_retries=max_retries, retry_exceptions=True
        )(_brief)
        briefed = [
            brief_task.remote(story, config, *[extracted[s][i] for s in holders[i]])
            for i, story in enumerate(plan)
        ]
        results = cast(List[Tuple[str, int]], ray.get(briefed))
        out = _briefing.digest_json(head_bytes, [text for text, _ in results])
    finally:
        if started:
            ray.shutdown()
    if stats is not None:
        stats.update(
            seconds=round(time.perf_counter() - clock, 3),
            seconds_start_and_map=round(timings["start_and_map"], 3),
            seconds_reduce=round(timings["reduce"], 3),
            shards=len(ranges),
            sources=len(listing),
            corpus_bytes=corpus_bytes,
            summary_bytes=sum(len(s) for s in summaries),
            request_bytes=sum(len(requests[s]) for s in needed),
            part_bytes=sum(n for _, n in results),
            story_bytes=sum(len(t.encode("utf-8")) for t, _ in results),
        )
    return out


def main(argv: Optional[Sequence[str]] = None) -> int:
    """The command line: ``python -m briefing.distributed digest PATH... --shards N``."""
    parser = argparse.ArgumentParser(
        prog="python -m briefing.distributed",
        description="The digest of briefing, run on Ray (see docs/distributed.md).",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    p = commands.add_parser("digest", help="group a collection into stories and brief the best")
    p.add_argument("paths", nargs="+", metavar="PATH", help="files and folders to read")
    p.add_argument("--shards", type=int, default=2, help="pieces the sources are cut into")
    p.add_argument("--format", choices=["json"], default="json", help="output format")
    p.add_argument("--address", help="join the Ray cluster there (host:port, or auto)")
    p.add_argument("--num-cpus", type=int, help="cores of a local Ray (default: all)")
    p.add_argument("--task-cpus", type=int, default=1, help="cores (threads) of each task")
    p.add_argument("--max-retries", type=int, default=3, help="retries of a failed task")
    p.add_argument("--stories", type=int, help="stories to brief")
    budget = p.add_mutually_exclusive_group()
    budget.add_argument("--words", type=int, help="budget of each story, in words")
    budget.add_argument("--sentences", type=int, help="budget of each story, in sentences")
    budget.add_argument("--chars", type=int, help="budget of each story, in characters")
    p.add_argument("--link", type=float, help="how alike two stories must be to merge")
    p.add_argument("--window", type=int, dest="window_days", help="days of the time decay")
    p.add_argument("--language", help="ar, en or auto")
    p.add_argument("--method", help="the briefing method")
    p.add_argument("--field", action="append", default=[], dest="fields", help="NAME=FIELD")
    p.add_argument("-o", "--output", help="write the digest there (default: standard output)")
    p.add_argument("--stats", action="store_true", help="print the run's figures to stderr")
    args = parser.parse_args(argv)
    if args.shards < 1:
        parser.error("--shards must be at least 1")
    stats = Stats()
    try:
        out = digest(
            args.paths,
            shards=args.shards,
            stories=args.stories,
            words=args.words,
            sentences=args.sentences,
            chars=args.chars,
            link=args.link,
            window_days=args.window_days,
            language=args.language,
            method=args.method,
            fields=args.fields,
            address=args.address,
            num_cpus=args.num_cpus,
            task_cpus=args.task_cpus,
            max_retries=args.max_retries,
            stats=stats,
        )
    except BriefingError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    if args.output:
        tmp = args.output + ".tmp"
        with open(tmp, "w", encoding="utf-8") as f:
            f.write(out)
        os.replace(tmp, args.output)
    else:
        sys.stdout.write(out)
    if args.stats:
        print(json.dumps(stats), file=sys.stderr)
    return 0


if __name__ == "__main__":
    # The tasks must be functions of briefing.distributed (which every worker imports), not of
    # __main__: run the module's own main.
    from briefing.distributed import main as _main

    sys.exit(_main())
