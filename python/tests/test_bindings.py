"""The bindings against the real binary: the same inputs give the same ``--format json``."""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path
from typing import Any

import pytest

import briefing
from conftest import REPO, Run, records

SAMPLES = ["samples/coalition-ar", "samples/harbor-bridge-en"]


def as_file(value: Any) -> Any:
    """A result from records as the binary gives it for the same records in articles.json:
    the path ``articles#N`` there is ``articles.json#N`` (ids are the same)."""
    if isinstance(value, dict):
        return {
            k: v.replace("articles#", "articles.json#", 1)
            if k == "path" and isinstance(v, str)
            else as_file(v)
            for k, v in value.items()
        }
    if isinstance(value, list):
        return [as_file(v) for v in value]
    return value


@pytest.mark.parametrize("sample", SAMPLES)
@pytest.mark.parametrize(
    "args, kwargs",
    [
        ([], {}),
        (["--words", "40"], {"words": 40}),
        (["--sentences", "2"], {"sentences": 2}),
        (["--chars", "300"], {"chars": 300}),
        (["--method", "lexrank"], {"method": "lexrank"}),
        (["--method", "concepts", "--words", "60"], {"method": "concepts", "words": 60}),
    ],
)
def test_summarize_samples_as_the_binary(
    run: Run, monkeypatch: pytest.MonkeyPatch, sample: str, args: list, kwargs: dict
) -> None:
    monkeypatch.chdir(REPO)
    expected = run("summarize", sample, *args)
    assert briefing.summarize(sample, **kwargs) == expected
    assert briefing.summarize([Path(sample)], threads=1, **kwargs) == expected


def test_digest_samples_as_the_binary(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    expected = run("digest", *SAMPLES)
    got = briefing.digest(SAMPLES)
    assert got == expected
    assert got["articles"] == 9 and len(got["stories"]) >= 2
    expected = run("digest", *SAMPLES, "--stories", "1", "--words", "30")
    assert briefing.digest(SAMPLES, stories=1, words=30) == expected


def test_summarize_and_digest_a_corpus_built_here(run: Run, corpus: Path) -> None:
    expected = run("digest", str(corpus), "--stories", "3")
    got = briefing.digest(str(corpus), stories=3)
    assert got == expected
    assert got["articles"] == 7
    skipped = [s["path"] for s in got["skipped"]]
    assert skipped == [str(corpus / p) for p in ("empty.txt", "feed.jsonl:5", "logo.png")]
    # The storm reports are one story, the first.
    storm = got["stories"][0]
    assert storm["articles"] == 3 and "bridge" in json.dumps(storm).lower()

    expected = run("summarize", str(corpus / "wire"), "--words", "50")
    got = briefing.summarize(corpus / "wire", words=50)
    assert got == expected
    assert got["budget"] == {"unit": "words", "limit": 50, "used": got["budget"]["used"]}
    assert any(s["support"] >= 2 for s in got["sentences"])


def test_records_are_read_as_a_json_file_of_them(run: Run, tmp_path: Path) -> None:
    recs = records()
    (tmp_path / "articles.json").write_text(json.dumps(recs, ensure_ascii=False), "utf-8")
    expected = run("digest", "articles.json", cwd=tmp_path)
    got = briefing.digest(recs)
    assert as_file(got) == expected
    assert got["stories"][0]["briefing"]["documents"][0]["path"].startswith("articles#")

    storm = recs[:3]
    (tmp_path / "articles.json").write_text(json.dumps(storm), "utf-8")
    expected = run("summarize", "articles.json", "--words", "30", cwd=tmp_path)
    got = briefing.summarize(storm, words=30)
    assert as_file(got) == expected
    assert [d["id"] for d in got["documents"]] == ["storm-0", "storm-1", "storm-2"]
    assert got["documents"][0]["source"] == "outlet0"
    # One record alone, and a record without an id (named by its place).
    one = briefing.summarize({"text": recs[0]["text"]}, words=20)
    assert one["documents"][0]["id"] == "articles#0"


def test_records_after_paths_with_unique_names(tmp_path: Path) -> None:
    (tmp_path / "storm-0.txt").write_text(records()[1]["text"], "utf-8")
    got = briefing.summarize([tmp_path / "storm-0.txt", records()[0]], words=30)
    ids = [d["id"] for d in got["documents"]]
    assert ids == ["storm-0", "storm-0~2"]
    assert got["documents"][1]["path"] == "articles#0"


def test_record_fields_dates_and_mappings(tmp_path: Path) -> None:
    import datetime
    from types import MappingProxyType

    recs = [
        MappingProxyType({"story": r["text"], "day": datetime.date(2024, 3, 5), "id": i})
        for i, r in enumerate(records()[:3])
    ]
    got = briefing.summarize(recs, fields=["text=story", "date=day"], words=30)
    assert [d["id"] for d in got["documents"]] == ["0", "1", "2"]
    assert {d["date"] for d in got["documents"]} == {"2024-03-05"}
    with pytest.raises(briefing.NoDocumentsError) as e:
        briefing.summarize(recs, words=30)  # no field named text
    assert all("no text" in s["reason"] for s in e.value.skipped)


def test_digest_since_a_path_or_the_returned_dict(run: Run, tmp_path: Path) -> None:
    recs = records()
    (tmp_path / "articles.json").write_text(json.dumps(recs), "utf-8")
    first = run("digest", "articles.json", "--stories", "1", cwd=tmp_path)
    (tmp_path / "first.json").write_text(json.dumps(first), "utf-8")
    expected = run("digest", "articles.json", "--since", "first.json", cwd=tmp_path)
    by_path = briefing.digest(recs, since=tmp_path / "first.json")
    by_dict = briefing.digest(recs, since=briefing.digest(recs, stories=1))
    assert as_file(by_path) == as_file(by_dict) == expected
    assert by_path["stories"] != as_file(briefing.digest(recs))["stories"]


def test_split_as_the_binary(binary: Path, corpus: Path) -> None:
    import subprocess

    out = subprocess.run(
        [str(binary), "split", str(corpus), "--format", "jsonl", "--quiet"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    expected = [json.loads(line) for line in out.splitlines()]
    got = briefing.split(corpus)
    assert got["sentences"] == expected
    assert {s["document"] for s in expected} >= {"wire/2024-03-05-storm0", "vote-0"}
    assert len(got["skipped"]) == 3  # the bad JSONL line, the binary file, the empty file


def test_the_same_result_for_any_thread_count_and_order(corpus: Path) -> None:
    paths = [corpus / "wire", corpus / "feed.jsonl"]
    one = briefing.digest(paths, threads=1)
    assert briefing.digest(list(reversed(paths)), threads=2) == one


def test_defaults_come_from_the_library() -> None:
    assert briefing.WORDS == 100 and briefing.STORY_WORDS == 60 and briefing.STORIES == 10
    assert briefing.METHODS[0] == "combined" and "lexrank" in briefing.METHODS
    got = briefing.summarize(records()[:3])
    assert got["budget"]["limit"] == briefing.WORDS
    assert briefing.__version__


def test_errors_are_exceptions_with_the_librarys_messages(run: Run, tmp_path: Path) -> None:
    missing = tmp_path / "nowhere"
    with pytest.raises(briefing.InputError) as e:
        briefing.summarize(missing)
    assert str(e.value) == run.fails("summarize", str(missing))
    assert isinstance(e.value, OSError) and isinstance(e.value, briefing.BriefingError)

    with pytest.raises(briefing.ConfigError, match="expected one of combined") as c:
        briefing.summarize(records(), method="best")
    assert isinstance(c.value, ValueError)
    with pytest.raises(briefing.ConfigError, match="budget"):
        briefing.summarize(records(), words=0)
    with pytest.raises(briefing.ConfigError, match="at most one budget"):
        briefing.summarize(records(), words=10, sentences=2)
    with pytest.raises(briefing.ConfigError, match="threads"):
        briefing.summarize(records(), threads=0)
    with pytest.raises(briefing.ConfigError):
        briefing.summarize(records(), language="fr")
    with pytest.raises(briefing.ConfigError, match="link"):
        briefing.digest(records(), link=0.0)
    with pytest.raises(briefing.ConfigError):
        briefing.summarize(records(), fields=["words=x"])

    (tmp_path / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n\0\0")
    with pytest.raises(briefing.NoDocumentsError) as n:
        briefing.digest([tmp_path / "logo.png", {"title": "no text"}])
    # The same record in a file listed after the picture, as records come after paths.
    (tmp_path / "records.json").write_text('[{"title": "no text"}]', "utf-8")
    message = run.fails("digest", str(tmp_path / "logo.png"), str(tmp_path / "records.json"))
    assert str(n.value) == message.replace(str(tmp_path / "records.json#"), "articles#")
    assert "binary" in str(n.value)
    assert [s["path"] for s in n.value.skipped] == [str(tmp_path / "logo.png"), "articles#0"]
    with pytest.raises(briefing.NoDocumentsError):
        briefing.summarize([])
    with pytest.raises(briefing.BriefingError):
        briefing.digest(records(), since=tmp_path / "no-such-digest.json")

    with pytest.raises(TypeError, match="article 1: expected a path or a dictionary, got int"):
        briefing.summarize([records()[0], 42])  # type: ignore[list-item]
    with pytest.raises(TypeError, match="not JSON"):
        briefing.summarize([{"text": "A storm.", "tags": {1, 2}}])
    with pytest.raises(TypeError):
        briefing.summarize(b"samples")  # type: ignore[arg-type]
    with pytest.raises(OverflowError):
        briefing.summarize(records(), words=-1)  # a count is never negative


def test_one_bad_input_among_many_is_a_skipped_entry(corpus: Path) -> None:
    got = briefing.summarize([corpus / "wire", corpus / "logo.png", {"title": "x"}])
    assert [s["path"] for s in got["skipped"]] == [str(corpus / "logo.png"), "articles#0"]
    assert len(got["documents"]) == 3


def test_the_gil_is_released_while_the_library_works() -> None:
    # Enough articles that a digest takes a while; a Python thread must run meanwhile.
    base = records()
    many = [
        {"id": f"{i}", "text": f"{r['text']} Report number {i} from desk {i % 17}."}
        for i in range(1500)
        for r in [base[i % len(base)]]
    ]
    inside = threading.Event()
    done = threading.Event()
    results: list = []

    def work() -> None:
        for _ in range(3):
            inside.set()
            results.append(briefing.digest(many, threads=1))
            inside.clear()
        done.set()

    worker = threading.Thread(target=work)
    worker.start()
    ticks = 0
    while not done.is_set():
        time.sleep(0.001)
        if inside.is_set():
            ticks += 1
    worker.join()
    assert [r["articles"] for r in results] == [len(many)] * 3
    # With the GIL held during a call, this thread could only tick between calls (a few
    # times at each of the 3 boundaries); released, it ticks every millisecond of the work.
    assert ticks >= 60, f"{ticks} ticks while the library worked"
