"""The distributed digest (briefing.distributed) on a local Ray with 2 CPUs, against the
binary's ``briefing digest --format json``."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any, Dict, Iterator, List, Set

import pytest

ray = pytest.importorskip("ray")

from briefing import distributed  # noqa: E402

from conftest import ARABIC, STORM, VOTE  # noqa: E402

QUAKE = [
    "An earthquake of magnitude 6.1 struck the mountain province of Varel on Sunday night, "
    "cutting roads to three villages. Rescue teams reached the villages by helicopter.",
    "Rescue teams flew by helicopter to three villages of Varel province after Sunday's "
    "earthquake cut the mountain roads. The magnitude 6.1 quake damaged hundreds of homes.",
]


@pytest.fixture(scope="module")
def local_ray(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    # Ray's workers put the driver's folder first on their path: not python/, whose briefing/
    # has no compiled module (the installed package is the one to test).
    here = os.getcwd()
    os.chdir(tmp_path_factory.mktemp("ray"))
    ray.init(num_cpus=2, include_dashboard=False)
    try:
        yield ray.get_runtime_context().gcs_address
    finally:
        ray.shutdown()
        os.chdir(here)


@pytest.fixture()
def collection(tmp_path: Path) -> Path:
    """Four stories over eight sources: plain files in two folders (one name in both), a JSONL
    file of dated records with outlets, a file that is not text and an empty one."""
    folder = tmp_path / "news"
    for sub in ("wire", "web", "more"):
        (folder / sub).mkdir(parents=True)
    for i, text in enumerate(STORM):
        (folder / "wire" / f"2024-03-05-storm{i}.txt").write_text(text, encoding="utf-8")
    for i, text in enumerate(QUAKE):
        (folder / "web" / f"2024-03-03-quake{i}.txt").write_text(text, encoding="utf-8")
    (folder / "more" / "2024-03-05-storm0.txt").write_text(STORM[1], encoding="utf-8")
    with open(folder / "feed.jsonl", "w", encoding="utf-8") as f:
        for i, text in enumerate(VOTE):
            r = {"id": "vote", "text": text, "source": f"outlet{i}", "published": "2024-03-04"}
            f.write(json.dumps(r) + "\n")
        for i, text in enumerate(ARABIC):
            r = {"text": text, "source": f"ar{i}", "url": f"http://example.org/{i}"}
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
        f.write("not json\n")
    (folder / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n\0\0")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    return folder


def binary_digest(binary: Path, *args: str) -> str:
    out = subprocess.run(
        [str(binary), "digest", *args, "--format", "json", "--quiet"],
        check=True,
        capture_output=True,
        text=True,
    )
    return out.stdout


def article_sets(digest: Dict[str, Any]) -> List[Set[str]]:
    return [{d["id"] for d in s["briefing"]["documents"]} for s in digest["stories"]]


def test_cut_makes_contiguous_ranges_of_about_equal_size() -> None:
    assert distributed.cut([10, 10, 10, 10], 2) == [(0, 2), (2, 4)]
    assert distributed.cut([100, 1, 1, 1], 2) == [(0, 1), (1, 4)]
    assert distributed.cut([5, 5], 8) == [(0, 1), (1, 2)]
    assert distributed.cut([], 3) == [(0, 0)]
    ranges = distributed.cut([3, 1, 4, 1, 5, 9, 2, 6], 3)
    assert [a for a, _ in ranges] == [0] + [b for _, b in ranges[:-1]] and ranges[-1][1] == 8


@pytest.mark.parametrize("shards", [1, 3, 8])
def test_the_distributed_digest_is_the_binarys(
    local_ray: str, binary: Path, collection: Path, shards: int
) -> None:
    expected = binary_digest(binary, str(collection), "--stories", "4", "--words", "40")
    stats = distributed.Stats()
    out = distributed.digest([str(collection)], shards=shards, stories=4, words=40, stats=stats)
    assert out == expected
    d = json.loads(out)
    sets = article_sets(d)
    assert {"wire/2024-03-05-storm0", "more/2024-03-05-storm0"} <= sets[0]
    assert len(sets[0]) == 4
    assert {"web/2024-03-03-quake0", "web/2024-03-03-quake1"} in sets
    assert {s["path"] for s in d["skipped"]} >= {
        str(collection / "logo.png"),
        str(collection / "empty.txt"),
    }
    assert stats["shards"] == min(shards, stats["sources"]) and stats["summary_bytes"] > 0
    assert stats["corpus_bytes"] > 0 and stats["part_bytes"] > 0 and stats["story_bytes"] > 0
    assert stats["request_bytes"] > 0


def test_a_killed_worker_changes_nothing(local_ray: str, binary: Path, collection: Path, tmp_path: Path) -> None:
    expected = binary_digest(binary, str(collection))
    faults = {"dir": str(tmp_path), "kill_once": [0, 1]}
    out = distributed.digest([str(collection)], shards=3, faults=faults)
    assert (tmp_path / "killed-0").is_file() and (tmp_path / "killed-1").is_file()
    assert out == expected


def test_a_failed_shard_is_skipped_and_the_rest_runs(local_ray: str, binary: Path, collection: Path) -> None:
    whole = json.loads(binary_digest(binary, str(collection)))
    out = json.loads(
        distributed.digest([str(collection)], shards=3, max_retries=1, faults={"fail": [2]})
    )
    failed = [s for s in out["skipped"] if "task failed" in s["reason"]]
    assert failed and all(s["path"].startswith(str(collection / "w")) for s in failed)
    lost = {p["path"] for p in failed}
    # The articles of the failed shard are gone; every other story is as it was.
    kept = [
        {d for d in s if not any(str(collection / d) + ".txt" == p for p in lost)}
        for s in article_sets(whole)
    ]
    key = sorted
    assert sorted(map(key, article_sets(out))) == sorted(key(s) for s in kept if s)
    assert out["articles"] == whole["articles"] - len(failed)


def test_the_command_line_joins_a_cluster(local_ray: str, binary: Path, collection: Path) -> None:
    expected = binary_digest(binary, str(collection), "--stories", "2")
    env = dict(os.environ)
    out = subprocess.run(
        [
            sys.executable, "-m", "briefing.distributed", "digest", str(collection),
            "--shards", "2", "--format", "json", "--address", local_ray, "--stories", "2",
        ],
        capture_output=True,
        text=True,
        env=env,
        cwd=collection,
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout == expected


def test_bad_options_are_the_librarys_errors(local_ray: str, collection: Path) -> None:
    import briefing

    with pytest.raises(briefing.ConfigError, match="link"):
        distributed.digest([str(collection)], link=2.0)
    with pytest.raises(briefing.NoDocumentsError):
        distributed.digest([str(collection / "empty.txt")])
