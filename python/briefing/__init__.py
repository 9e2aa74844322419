"""Extractive briefings and digests of news articles, in Arabic and English.

The Python face of the ``briefing`` Rust library: the same pipeline as the command line, in the
same process, with the GIL released while it works. Each function returns what
``briefing ... --format json`` prints, as Python objects (see :mod:`briefing.types`)::

    >>> import briefing
    >>> result = briefing.summarize("samples/harbor-bridge-en", words=40)
    >>> result["title"]
    'Storm forces closure of Porthaven harbor bridge'

Articles are paths (files, folders, ``.json`` and ``.jsonl`` files, as the command line reads
them) or dictionaries (``{"id", "title", "text", "source", "url", "published"}``, only
``text`` required), or a list mixing both. Errors are :class:`BriefingError` exceptions with the
library's messages (:mod:`briefing.errors`).
"""

from __future__ import annotations

import contextlib
import datetime
import json
import os
import tempfile
from typing import Any, Iterable, List, Mapping, Optional, Sequence, Tuple, Union, cast

from . import _briefing
from .errors import BriefingError, ConfigError, InputError, NoDocumentsError, OutputError
from .types import Briefing, Digest, Split

__all__ = [
    "Article",
    "Articles",
    "BriefingError",
    "ConfigError",
    "InputError",
    "METHODS",
    "NoDocumentsError",
    "OutputError",
    "STORIES",
    "STORY_WORDS",
    "WORDS",
    "digest",
    "split",
    "summarize",
]

__version__: str = _briefing.VERSION

#: The default budget of a briefing, in words (``briefing summarize``).
WORDS: int = _briefing.WORDS
#: The default budget of each story of a digest, in words.
STORY_WORDS: int = _briefing.STORY_WORDS
#: The default number of stories a digest briefs.
STORIES: int = _briefing.STORIES
#: The names of the methods ``method=`` takes (the first is the default).
METHODS: Tuple[str, ...] = tuple(_briefing.METHODS)

#: One article: a path (a file, a folder, a ``.json`` or ``.jsonl`` file) or a record.
Article = Union[str, "os.PathLike[str]", Mapping[str, Any]]
#: One article, or several.
Articles = Union[Article, Iterable[Article]]


def _jsonable(value: object) -> object:
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, Mapping):
        return dict(value)
    raise TypeError(
        f"an article field holds a {type(value).__name__}, which is not JSON "
        "(give text, numbers or dates)"
    )


def _inputs(articles: Articles) -> Tuple[List[str], Optional[str]]:
    """The paths among the articles, and the records as one JSON array (or ``None``)."""
    if isinstance(articles, (str, os.PathLike, Mapping)):
        articles = [articles]
    elif isinstance(articles, (bytes, bytearray)):
        raise TypeError("articles are paths or dictionaries, not bytes")
    paths: List[str] = []
    records: List[Mapping[str, Any]] = []
    for i, article in enumerate(articles):
        if isinstance(article, Mapping):
            records.append(dict(article))
        elif isinstance(article, (str, os.PathLike)):
            path = os.fspath(article)
            if not isinstance(path, str):
                raise TypeError(f"article {i}: a path must be text, not bytes")
            paths.append(path)
        else:
            raise TypeError(
                f"article {i}: expected a path or a dictionary, got {type(article).__name__}"
            )
    text = json.dumps(records, ensure_ascii=False, default=_jsonable) if records else None
    return paths, text


def summarize(
    articles: Articles,
    *,
    words: Optional[int] = None,
    sentences: Optional[int] = None,
    chars: Optional[int] = None,
    language: Optional[str] = None,
    method: Optional[str] = None,
    fields: Sequence[str] = (),
    threads: Optional[int] = None,
) -> Briefing:
    """One briefing of a cluster of related articles: ``briefing summarize --format json``.

    The budget is ``words`` (default :data:`WORDS`), or ``sentences``, or ``chars`` (one at
    most). ``language`` is ``"ar"``, ``"en"`` or ``None``/``"auto"`` (detected per article);
    ``method`` one of :data:`METHODS`; ``fields`` maps record fields as ``--field`` does
    (``"text=body"``); ``threads`` defaults to every core, and never changes the result.
    Records (dictionaries) come after the paths, with ``articles#N`` as their path (and id
    when they have none). Raises :class:`NoDocumentsError` when no article is usable.
    """
    paths, records = _inputs(articles)
    out = _briefing.summarize(
        paths,
        records,
        words=words,
        sentences=sentences,
        chars=chars,
        language=language,
        method=method,
        fields=list(fields),
        threads=threads,
    )
    return cast(Briefing, json.loads(out))


def digest(
    articles: Articles,
    *,
    stories: Optional[int] = None,
    since: Union[None, str, "os.PathLike[str]", Mapping[str, Any]] = None,
    words: Optional[int] = None,
    sentences: Optional[int] = None,
    chars: Optional[int] = None,
    link: Optional[float] = None,
    window_days: Optional[int] = None,
    language: Optional[str] = None,
    method: Optional[str] = None,
    fields: Sequence[str] = (),
    threads: Optional[int] = None,
) -> Digest:
    """A digest of a large, mixed collection: ``briefing digest --format json``.

    The best ``stories`` (default :data:`STORIES`) are briefed in ``words`` each (default
    :data:`STORY_WORDS`; or ``sentences`` or ``chars``). ``since`` is an earlier digest, a path
    to its ``--format json`` output or the dictionary this function returned: what it sent is
    not sent again. ``link`` and ``window_days`` are ``--link`` and ``--window``; the other
    options are those of :func:`summarize`.
    """
    paths, records = _inputs(articles)
    with contextlib.ExitStack() as stack:
        if since is None or isinstance(since, (str, os.PathLike)):
            earlier = None if since is None else os.fspath(since)
        elif isinstance(since, Mapping):
            # The library reads an earlier digest from a file, as the command line does.
            tmp = stack.enter_context(tempfile.TemporaryDirectory(prefix="briefing-since-"))
            earlier = os.path.join(tmp, "since.json")
            with open(earlier, "w", encoding="utf-8") as f:
                json.dump(since, f, ensure_ascii=False)
        else:
            raise TypeError(f"since: expected a path or a digest, got {type(since).__name__}")
        out = _briefing.digest(
            paths,
            records,
            stories=stories,
            words=words,
            sentences=sentences,
            chars=chars,
            since=earlier,
            link=link,
            window_days=window_days,
            language=language,
            method=method,
            fields=list(fields),
            threads=threads,
        )
    return cast(Digest, json.loads(out))


def split(
    articles: Articles,
    *,
    language: Optional[str] = None,
    fields: Sequence[str] = (),
    threads: Optional[int] = None,
) -> Split:
    """Every article read, cleaned and split into sentences: ``sentences`` holds the lines of
    ``briefing split --format jsonl`` (``document``, ``sentence``, ``text``), ``skipped`` the
    inputs left out. The first step of every briefing, for a caller that shards the work."""
    paths, records = _inputs(articles)
    lines, skipped = _briefing.split(
        paths, records, language=language, fields=list(fields), threads=threads
    )
    return cast(
        Split,
        {
            "sentences": [json.loads(line) for line in lines.splitlines()],
            "skipped": json.loads(skipped),
        },
    )
