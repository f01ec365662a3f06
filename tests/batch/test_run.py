"""Batch runs end to end on a generated corpus with known cases, locally and on a local Ray."""

from __future__ import annotations

import importlib.util
import json
import sys
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from casefile.batch.records import Record
from casefile.batch.run import run_local
from casefile.batch.stages import read_records
from casefile.cli import app

BENCH = Path(__file__).resolve().parents[2] / "bench" / "synthetic.py"


def _synthetic():
    spec = importlib.util.spec_from_file_location("synthetic", BENCH)
    mod = importlib.util.module_from_spec(spec)
    sys.modules["synthetic"] = mod  # dataclasses look their module up there
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> tuple[Path, dict[str, str]]:
    syn = _synthetic()
    records, truth = syn.generate(240, share_cases=0.25, seed=21)
    path = tmp_path_factory.mktemp("corpus") / "news.jsonl"
    syn.write_jsonl(path, records)
    with path.open("a") as fh:
        fh.write("\n{broken json\n")
    return path, truth


def _assignment(out: Path) -> dict[str, set[str]]:
    """record id -> the case ids it went to."""
    got: dict[str, set[str]] = {}
    for cf_path in (out / "cases").glob("*/casefile.json"):
        cf = json.loads(cf_path.read_text())
        for s in cf["sources"]:
            got.setdefault(s["file"], set()).add(cf_path.parent.name)
    return got


def _pairwise(truth: dict[str, str], got: dict[str, set[str]]) -> tuple[float, float]:
    """Precision and recall of report-to-case assignment over pairs of case reports."""
    ids = sorted(truth)
    tp = fp = fn = 0
    for i, a in enumerate(ids):
        for b in ids[i + 1:]:
            same_true = truth[a] == truth[b]
            same_got = bool(got.get(a, set()) & got.get(b, set()))
            tp += same_true and same_got
            fp += (not same_true) and same_got
            fn += same_true and not same_got
    return tp / max(tp + fp, 1), tp / max(tp + fn, 1)


def _told(path: Path, truth: dict[str, str]) -> dict[str, str]:
    """The case reports in which the reader finds the person undergoing an act: the others
    ("police detained the poet X": an act whose person the English reader leaves unnamed)
    cannot be filed, whatever batch does."""
    records = [Record(id=d["id"], body=d["text"].encode(), kind="text", date=d["date"])
               for d in map(json.loads, path.read_text(encoding="utf-8").splitlines()[:-2]) if d["id"] in truth]
    results, _ = read_records(records)
    return {r.record_id: truth[r.record_id] for r in results if r.persons}


def test_local_batch_groups_reports_into_their_cases(corpus, tmp_path: Path) -> None:
    path, truth = corpus
    summary = run_local([str(path)], tmp_path)
    got = _assignment(tmp_path)
    told = _told(path, truth)
    assert len(told) >= 0.5 * len(truth)
    precision, recall = _pairwise(told, got)
    assert precision >= 0.95 and recall >= 0.95, (precision, recall)
    assert set(got) <= set(truth)  # no other report is in a case
    assert summary.no_case == len(truth) - len(told)  # read, but no person undergoes an act
    # other news is skipped early, before any parsing, and counted
    assert summary.irrelevant >= 0.6 * (240 - len(truth))
    assert not any(rid.startswith("news-") for rid in got)
    assert [p.split(":")[0] for _, p in summary.failed] == ["line 241", "line 242"]
    index = json.loads((tmp_path / "index.json").read_text())
    assert index["summary"]["cases"] == len(index["cases"]) == len(set(told.values()))
    secs = index["summary"]["seconds"]
    assert set(secs) == {"reading", "cases", "workers_start", "reading_once_started", "reading_busy", "reading_cpu"}
    # (each figure is rounded to the hundredth: three roundings apart by up to 0.015)
    assert min(secs.values()) > 0 and secs["workers_start"] + secs["reading_once_started"] <= secs["reading"] + 0.02
    # once the models are loaded, every relevant report is read (one worker, started before the first)
    assert index["summary"]["read_once_started"] == summary.read
    assert (tmp_path / "index.csv").read_text().startswith("case,subject,status,sources,last_event,path")


def test_batch_cli_reports_bad_records_and_exits_2(corpus, tmp_path: Path) -> None:
    path, _ = corpus
    r = CliRunner().invoke(app, ["batch", str(path), "--out", str(tmp_path), "--quiet"])
    assert r.exit_code == 2
    assert "not JSON" in r.output


def test_a_run_on_local_ray_gives_the_same_case_files(corpus, tmp_path: Path) -> None:
    pytest.importorskip("ray")
    from casefile.batch.run import run_on_ray

    path, _ = corpus
    run_local([str(path)], tmp_path / "local")
    run_on_ray([str(path)], tmp_path / "ray", "local", workers=2)

    def cases(out: Path) -> dict[str, dict]:
        res = {}
        for p in (out / "cases").glob("*/casefile.json"):
            cf = json.loads(p.read_text())
            cf.pop("generated_at")
            res[p.parent.name] = cf
        return res

    local, on_ray = cases(tmp_path / "local"), cases(tmp_path / "ray")
    secs = json.loads((tmp_path / "ray" / "index.json").read_text())["summary"]["seconds"]
    assert {"ray_start", "workers_start", "reading_once_started"} <= set(secs)
    assert local.keys() == on_ray.keys() and local
    assert local == on_ray
    assert Counter(len(c["sources"]) for c in local.values()) == Counter(len(c["sources"]) for c in on_ray.values())


def test_batch_into_the_registry_joins_existing_cases_and_passes_empty_ones(corpus, tmp_path: Path) -> None:
    from casefile.store import Registry

    path, truth = corpus
    db = str(tmp_path / "reg.db")
    Registry(db).new_case("opened-by-hand", "a case with no report yet (no subject)")
    args = ["batch", str(path), "--out", str(tmp_path / "out"), "--quiet", "--db", db]
    assert CliRunner().invoke(app, args).exit_code == 2  # the two bad lines, as before
    first = {c.slug: c for c in Registry(db).cases()}
    assert "opened-by-hand" in first and len(first) == 1 + len(set(truth.values()))
    # a second run over the same reports joins the cases already there and adds no source twice
    CliRunner().invoke(app, [*args[:3], str(tmp_path / "out2"), *args[4:]])
    second = {c.slug: c for c in Registry(db).cases()}
    assert second.keys() == first.keys()
    assert all(second[s].sources == first[s].sources for s in first)
