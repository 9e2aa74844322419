# Stubs of the compiled module (python/src/lib.rs). The public API is briefing/__init__.py.
from os import PathLike
from typing import List, Optional, Sequence, Tuple, Union

__all__ = [
    "summarize",
    "digest",
    "split",
    "list_sources",
    "map_shard",
    "failed_shard",
    "reduce_shards",
    "extract",
    "brief_parts",
    "digest_json",
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

# The steps of the distributed digest (python/src/distributed.rs, briefing/distributed.py).
# A source is (path, name); the bytes are the library's own wire format.
_Path = Union[str, "PathLike[str]"]

def list_sources(paths: List[str]) -> Tuple[List[Tuple[str, str, int]], bytes]: ...
def map_shard(
    sources: Sequence[Tuple[_Path, str]],
    *,
    language: Optional[str] = None,
    method: Optional[str] = None,
    fields: List[str] = ...,
    threads: Optional[int] = None,
) -> Tuple[bytes, bytes]: ...
def failed_shard(sources: Sequence[Tuple[_Path, str]], reason: str) -> bytes: ...
def reduce_shards(
    listed: bytes,
    summaries: List[bytes],
    *,
    stories: Optional[int] = None,
    words: Optional[int] = None,
    sentences: Optional[int] = None,
    chars: Optional[int] = None,
    link: Optional[float] = None,
    window_days: Optional[int] = None,
    language: Optional[str] = None,
    method: Optional[str] = None,
    fields: List[str] = ...,
    threads: Optional[int] = None,
) -> Tuple[bytes, List[bytes], List[bytes], List[List[int]]]: ...
def extract(corpus: bytes, request: bytes) -> List[bytes]: ...
def brief_parts(
    story: bytes,
    parts: List[bytes],
    *,
    words: Optional[int] = None,
    sentences: Optional[int] = None,
    chars: Optional[int] = None,
    language: Optional[str] = None,
    method: Optional[str] = None,
    fields: List[str] = ...,
    threads: Optional[int] = None,
) -> str: ...
def digest_json(head: bytes, stories: List[str]) -> str: ...
