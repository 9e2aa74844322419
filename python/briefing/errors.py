"""The exceptions of ``briefing``: every error the library reports is a :class:`BriefingError`.

The message is the library's own (the one the command line prints after ``error:``).
"""

from __future__ import annotations

from typing import Dict, List

__all__ = [
    "BriefingError",
    "ConfigError",
    "InputError",
    "NoDocumentsError",
    "OutputError",
]


class BriefingError(Exception):
    """An error of the briefing library that stopped the call."""


class ConfigError(BriefingError, ValueError):
    """An option cannot be honoured: a zero budget, an unknown method or language, a bad
    ``fields`` entry."""


class InputError(BriefingError, OSError):
    """A path given cannot be read at all (for example, it does not exist)."""


class NoDocumentsError(BriefingError):
    """None of the articles given was usable; :attr:`skipped` says why each was left out."""

    skipped: List[Dict[str, str]]

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.skipped = []


class OutputError(BriefingError):
    """The result could not be written."""
