"""The documented examples run, and the type stubs match the compiled module."""

from __future__ import annotations

import doctest
import subprocess
import sys
from pathlib import Path

import pytest

import briefing
from conftest import REPO


def test_the_examples_of_docs_python_md_run(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    result = doctest.testfile(
        str(REPO / "docs" / "python.md"),
        module_relative=False,
        optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE,
    )
    assert result.attempted >= 8
    assert result.failed == 0


def test_the_module_docstring_example_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    result = doctest.testmod(briefing)
    assert result.attempted >= 2 and result.failed == 0


def test_the_installed_package_is_typed() -> None:
    package = Path(briefing.__file__).parent
    assert (package / "py.typed").is_file()
    assert (package / "_briefing.pyi").is_file()


def test_stubs_match_the_compiled_module(tmp_path: Path) -> None:
    # From elsewhere than python/, so that the installed package is the one checked.
    out = subprocess.run(
        [sys.executable, "-m", "mypy.stubtest", "briefing._briefing"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert out.returncode == 0, out.stdout + out.stderr


def test_a_typed_caller_checks_under_mypy_strict(tmp_path: Path) -> None:
    caller = tmp_path / "caller.py"
    caller.write_text(
        "import briefing\n"
        "from briefing.types import Briefing, Digest\n"
        "b: Briefing = briefing.summarize([{'text': 'A storm.'}], words=10)\n"
        "title: str | None = b['title']\n"
        "d: Digest = briefing.digest(['samples'], stories=2, since=None)\n"
        "first: int = d['stories'][0]['rank']\n"
        "n: int = briefing.split('samples')['sentences'][0]['sentence']\n"
    )
    bad = tmp_path / "bad.py"
    bad.write_text("import briefing\nbriefing.summarize('x', words='ten')\n")
    mypy = [sys.executable, "-m", "mypy", "--strict", "--python-version", "3.10"]
    ok = subprocess.run([*mypy, str(caller)], capture_output=True, text=True, cwd=tmp_path)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    package = subprocess.run([*mypy, "-p", "briefing"], capture_output=True, text=True, cwd=tmp_path)
    assert package.returncode == 0, package.stdout + package.stderr
    wrong = subprocess.run([*mypy, str(bad)], capture_output=True, text=True, cwd=tmp_path)
    assert wrong.returncode == 1 and "words" in wrong.stdout, wrong.stdout
