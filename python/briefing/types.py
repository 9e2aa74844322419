"""The structure of the results: the JSON schema of ``briefing ... --format json`` (see
docs/usage.md), as typed dictionaries. Fields are only ever added."""

from __future__ import annotations

from typing import List, Optional, TypedDict, Union

__all__ = [
    "Briefing",
    "BudgetUse",
    "Digest",
    "DocumentInfo",
    "Sentence",
    "SentenceRef",
    "Skipped",
    "Split",
    "SplitSentence",
    "Story",
]


class BudgetUse(TypedDict):
    """The budget asked for and how much of it was used."""

    unit: str  # "words", "chars" or "sentences"
    limit: int
    used: int


class SentenceRef(TypedDict):
    """A place a sentence (or a near-duplicate of it) stands: ``documents[].id`` and the
    0-based sentence index as :func:`briefing.split` numbers them."""

    document: str
    sentence: int


class Sentence(TypedDict):
    """A chosen sentence, as written (NFKC, whitespace collapsed)."""

    text: str
    score: float
    sources: List[SentenceRef]
    support: int


class _DocumentInfo(TypedDict):
    id: str
    path: str
    title: Optional[str]
    language: str
    sentences: int


class DocumentInfo(_DocumentInfo, total=False):
    """An article used; ``date``, ``url`` and ``source`` only when known."""

    date: str
    url: str
    source: str


class Skipped(TypedDict):
    """An input left out, and why."""

    path: str
    reason: str


class Briefing(TypedDict):
    """What :func:`briefing.summarize` returns (``briefing summarize --format json``)."""

    title: Optional[str]
    language: str
    method: str
    budget: BudgetUse
    sentences: List[Sentence]
    documents: List[DocumentInfo]
    skipped: List[Skipped]


class _Story(TypedDict):
    rank: int
    headline: Optional[str]
    score: float
    articles: int
    outlets: List[str]
    centroid: List[List[Union[str, float]]]  # [term hash (16 hex digits), weight] pairs
    briefing: Briefing


class Story(_Story, total=False):
    """A story of a digest; ``newest`` when a date is known, ``update_of`` with ``since``."""

    newest: str
    update_of: str


class Digest(TypedDict):
    """What :func:`briefing.digest` returns (``briefing digest --format json``)."""

    articles: int
    story_count: int
    stories: List[Story]
    skipped: List[Skipped]


class SplitSentence(TypedDict):
    """One cleaned sentence (a line of ``briefing split --format jsonl``)."""

    document: str
    sentence: int
    text: str


class Split(TypedDict):
    """What :func:`briefing.split` returns."""

    sentences: List[SplitSentence]
    skipped: List[Skipped]
