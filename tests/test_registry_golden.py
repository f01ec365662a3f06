"""The registry against a one-shot build on the shared corpus: `casefile export` after adding a
case's reports (one by one, or in two batches) scores within a point of `casefile build` on the
same reports, and no add tells an act as moved to another date and as new on its old date.
Skipped where ../shared is absent.

Each report is read once per frame (the date it counts from) for the whole module: build and
registry share the readings, as the registry's own store would share them between cases."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from casefile import pipeline
from casefile.model import DocAnalysis, Source, rebase_analysis
from casefile.read import read_sources
from casefile.render import render_json
from casefile.store import Registry
from casefile.store import registry as registry_mod
from casefile.store.registry import frame_of

from .conftest import CORPUS
from .test_golden import _scorer

CASES = sorted(p.name for p in CORPUS.glob("*") if (p / "gold.json").exists()) if CORPUS.is_dir() else []
_READ: dict[tuple[str | None, str], dict[str, Any]] = {}


def _read_once(sources: list[Source], **kw: Any) -> list[DocAnalysis]:
    todo = [s for s in sources if (s.sha256, frame_of(s)) not in _READ]
    for s, a in zip(todo, read_sources(todo, **kw), strict=True):
        _READ[(s.sha256, frame_of(s))] = rebase_analysis(a.model_dump(mode="json"), s.id, "S0")
    return [DocAnalysis.model_validate(rebase_analysis(_READ[(s.sha256, frame_of(s))], "S0", s.id)) for s in sources]


@pytest.fixture
def shared_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "read_sources", _read_once)
    monkeypatch.setattr(registry_mod, "read_sources", _read_once)


def _score(cf: dict[str, Any], case: Path) -> float:
    gold = json.loads((case / "gold.json").read_text())
    return float(_scorer().Scorer(cf, gold).run()[1])


def _undated(cf: dict[str, Any]) -> int:
    return sum(1 for v in cf["events"] if not v["date"])


@pytest.mark.parametrize("name", CASES or ["(no corpus)"])
def test_adding_a_case_report_by_report_scores_as_its_build(corpus: Path, name: str, tmp_path: Path,
                                                            shared_reading: None) -> None:
    case = corpus / name
    docs = sorted(p for p in (case / "docs").iterdir() if p.is_file())
    built = json.loads(render_json(pipeline.build_case([case / "docs"]).casefile))
    reg = Registry(str(tmp_path / "cases.db"))
    reg.new_case("one-by-one")
    for doc in docs:
        diff = reg.add("one-by-one", [doc]).diff
        # an act keeps its identity: never "X: date changed from D" beside "new event: X (D)"
        moved = {(v["type"], v["changes"]["date"]["from"]) for v in diff["events_changed"] if "date" in v["changes"]}
        assert not moved & {(v["type"], v["date"]) for v in diff["events_added"]}, f"{name} {doc.name}: {diff}"
    reg.new_case("two-batches")
    half = len(docs) // 2
    reg.add("two-batches", docs[:half])
    reg.add("two-batches", docs[half:])
    target = _score(built, case)
    for slug in ("one-by-one", "two-batches"):
        added = json.loads(reg.export(slug, "json"))
        assert [s["file"] for s in added["sources"]] == [s["file"] for s in built["sources"]]
        assert [s["published"] for s in added["sources"]] == [s["published"] for s in built["sources"]], slug
        score = _score(added, case)
        assert abs(score - target) <= 1.0, f"{name} {slug}: registry {score}, build {target}"
        assert _undated(added) <= _undated(built), f"{name} {slug}: acts build dates are undated"
