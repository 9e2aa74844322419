# Stubs of the compiled module (python/src/lib.rs). The public API is briefing/__init__.py.
from typing import List, Optional, Tuple

__all__ = [
    "summarize",
    "digest",
    "split",
    "WORDS",
    "STORY_WORDS",
    "STORIES",
    "LINK",
    "WINDOW_DAYS",
    "METHODS",
    "VERSION",
]

WORDS: int
STORY_WORDS: int
STORIES: int
LINK: float
WINDOW_DAYS: int
METHODS: List[str]
VERSION: str

def summarize(
    paths: List[str],
    records: Optional[str] = None,
    *,
    words: Optional[int] = None,
    sentences: Optional[int] = None,
    chars: Optional[int] = None,
    language: Optional[str] = None,
    method: Optional[str] = None,
    fields: List[str] = ...,
    threads: Optional[int] = None,
) -> str: ...
def digest(
    paths: List[str],
    records: Optional[str] = None,
    *,
    stories: Optional[int] = None,
    words: Optional[int] = None,
    sentences: Optional[int] = None,
    chars: Optional[int] = None,
    since: Optional[str] = None,
    link: Optional[float] = None,
    window_days: Optional[int] = None,
    language: Optional[str] = None,
    method: Optional[str] = None,
    fields: List[str] = ...,
    threads: Optional[int] = None,
) -> str: ...
def split(
    paths: List[str],
    records: Optional[str] = None,
    *,
    language: Optional[str] = None,
    fields: List[str] = ...,
    threads: Optional[int] = None,
) -> Tuple[str, str]: ...
