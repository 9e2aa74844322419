"""Shared fixtures: the repository, the real ``briefing`` binary, and a small corpus."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any, Dict, List

import pytest

REPO = Path(__file__).resolve().parents[2]


def _binary() -> Path:
    """The binary to compare with: $BRIEFING_BIN (scripts/test sets it), else the newest
    build under target/."""
    given = os.environ.get("BRIEFING_BIN")
    if given:
        return Path(given)
    builds = [REPO / "target" / p / "briefing" for p in ("release", "debug")]
    found = [b for b in builds if b.is_file()]
    if not found:
        raise RuntimeError(
            "no briefing binary: run scripts/test, or cargo build, or set BRIEFING_BIN"
        )
    return max(found, key=lambda b: b.stat().st_mtime)


@pytest.fixture(scope="session")
def binary() -> Path:
    return _binary()


class Run:
    """Runs the binary from a folder and returns its parsed ``--format json`` output."""

    def __init__(self, binary: Path) -> None:
        self.binary = binary

    def __call__(self, *args: str, cwd: Path = REPO) -> Any:
        out = subprocess.run(
            [str(self.binary), *args, "--format", "json", "--quiet"],
            cwd=cwd,
            check=True,
            capture_output=True,
            text=True,
        )
        return json.loads(out.stdout)

    def fails(self, *args: str, cwd: Path = REPO) -> str:
        """Runs a command that must fail and returns its error message (after ``error: ``)."""
        out = subprocess.run(
            [str(self.binary), *args, "--quiet"], cwd=cwd, capture_output=True, text=True
        )
        assert out.returncode != 0, out.stdout
        assert out.stderr.startswith("error: "), out.stderr
        return out.stderr[len("error: ") :].rstrip("\n")


@pytest.fixture(scope="session")
def run(binary: Path) -> Run:
    return Run(binary)


STORM = [
    "Storm closes harbour bridge\n\nPORTHAVEN (AP) -- A storm closed the Halloran harbour "
    "bridge on Tuesday after high winds damaged its lift span. Ferries carried commuters "
    "across the bay instead. Engineers will inspect the span on Wednesday, officials said.",
    "Bridge shut by storm damage\n\nThe Halloran harbour bridge was closed on Tuesday after "
    "a storm damaged its lift span, officials said. Ferries carried thousands of commuters "
    "across the bay. The mayor promised repairs within a week.",
    "High winds damaged the lift span of the Halloran bridge on Tuesday and the state closed "
    "it to traffic. Commuters took ferries across the bay. Repairs could take a week, the "
    "mayor said on Tuesday evening.",
]
VOTE = [
    "Council raises hotel tax\n\nThe city council voted on Monday to raise the tax on hotel "
    "rooms by two percent. The money will pay for new parks along the river, the mayor said. "
    "Hotel owners warned that visitors would stay away.",
    "The city council approved a higher hotel room tax on Monday. Revenue from the tax will "
    "fund parks along the river front, according to the mayor. Owners of hotels said the "
    "increase would drive tourists to other cities.",
]
ARABIC = [
    "بحث وزير الخارجية مع المبعوث الدولي الأوضاع الأمنية في العراق والتقدم الذي تحرزه القوات "
    "العراقية ضد تنظيم داعش. وأكد الوزير أهمية الدعم الدولي للعراق في حربه على الإرهاب.",
    "التقى وزير الخارجية العراقي المبعوث الدولي وبحث معه الأوضاع الأمنية والتقدم الذي تحرزه "
    "القوات العراقية. ودعا الوزير دول التحالف الى مساعدة العراق في اعادة اعمار المناطق المحررة.",
]


def records() -> List[Dict[str, Any]]:
    """The corpus as article records: two English stories and an Arabic one, dated."""
    out: List[Dict[str, Any]] = []
    for i, text in enumerate(STORM):
        out.append(
            {"id": f"storm-{i}", "text": text, "source": f"outlet{i}", "published": "2024-03-05"}
        )
    for i, text in enumerate(VOTE):
        out.append({"id": f"vote-{i}", "text": text, "source": f"outlet{i}", "published": "2024-03-04"})
    for i, text in enumerate(ARABIC):
        out.append({"text": text, "source": f"ar{i}", "url": f"http://example.org/{i}"})
    return out


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    """A folder holding the corpus three ways: plain-text files, a JSONL file of records, a
    binary file (skipped) and an empty one (skipped)."""
    folder = tmp_path / "corpus"
    (folder / "wire").mkdir(parents=True)
    for i, text in enumerate(STORM):
        (folder / "wire" / f"2024-03-05-storm{i}.txt").write_text(text, encoding="utf-8")
    with open(folder / "feed.jsonl", "w", encoding="utf-8") as f:
        for r in records()[len(STORM) :]:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
        f.write("not json\n")
    (folder / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n\0\0")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    return folder
