"""The registry: incremental adds, versions and diffs, review that survives rebuilds, nothing lost."""

from __future__ import annotations

import json
import os
import shutil
import threading
from datetime import datetime
from pathlib import Path

import pytest
import sqlalchemy as sa
from typer.testing import CliRunner

from casefile.cli import app
from casefile.store import Registry
from casefile.store import registry as registry_mod
from casefile.store.identity import event_key
from casefile.store.registry import StoreError, make_engine, migrate

from ..conftest import EXAMPLE

runner = CliRunner()
WIRE, STATEMENT, PAGE = (EXAMPLE / n for n in ("01_wire.txt", "02_statement.md", "03_release.html"))


# a report whose dateline names a day and month but no year, and one that writes the year
YEARLESS = """Activist detained in Westford

WESTFORD, March 9 (Northwind) - Police in Westford detained the activist Piet Arno on Wednesday, his lawyer \
Lena Voss said. Arno was charged with organising an unsanctioned rally.
"""
DATED_TEXT = """Court remands Westford activist

Published: 14 March 2023

A court in Westford on Monday remanded the activist Piet Arno in custody for two months. Arno was detained on \
8 March 2023 after a rally, his lawyer Lena Voss said.
"""
LATER_TEXT = """Westford activist's detention extended

Published: 5 May 2023

A court in Westford on Thursday extended the pre-trial detention of the activist Piet Arno by three months, his \
lawyer Lena Voss said.
"""


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def bundle(tmp_path: Path) -> tuple[Path, Path, Path]:
    folder = tmp_path / "reports"
    folder.mkdir()
    return (_write(folder, "a_yearless.txt", YEARLESS), _write(folder, "b_dated.txt", DATED_TEXT),
            _write(folder, "c_later.txt", LATER_TEXT))


PG_URL = os.environ.get("CASEFILE_TEST_DATABASE_URL")  # e.g. postgresql://postgres@127.0.0.1:54329/casefile_test


def _wipe(url: str) -> None:
    """An empty PostgreSQL database for each test (the same server serves them all)."""
    engine = make_engine(url)
    with engine.begin() as conn:
        conn.exec_driver_sql("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
    engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def reg(request, tmp_path: Path) -> Registry:
    if request.param == "postgresql":
        if not PG_URL:
            pytest.skip("set CASEFILE_TEST_DATABASE_URL to run the registry tests on PostgreSQL too")
        _wipe(PG_URL)
        r = Registry(PG_URL)
    else:
        r = Registry(str(tmp_path / "cases.db"))
    r.new_case("yesenov", "A blogger in Karaganda", user="ana")
    return r


def test_adding_reports_one_by_one_makes_a_version_each_with_its_diff(reg: Registry) -> None:
    first = reg.add("yesenov", [WIRE], user="ana")
    assert first.version == 1 and first.added == ["01_wire.txt"]
    assert first.diff["sources_added"] == ["01_wire.txt"]
    assert any(e["name"].endswith("Kassymova") for e in first.diff["entities_added"])
    second = reg.add("yesenov", [STATEMENT], user="ana")
    assert second.version == 2
    assert second.diff["sources_added"] == ["02_statement.md"]
    # what the first report already named is not new again
    assert not any(e["name"] == "Dina Kassymova" for e in second.diff["entities_added"])
    third = reg.add("yesenov", [PAGE], user="ben")
    assert third.diff["sources_added"] == ["03_release.html"]
    assert [v["number"] for v in reg.versions("yesenov")] == [1, 2, 3]
    # the diff between any two versions is available afterwards too
    assert reg.diff("yesenov", 1, 3)["sources_added"] == ["02_statement.md", "03_release.html"]
    cf = reg.casefile("yesenov")
    assert [s.id for s in cf.sources] == ["S1", "S2", "S3"]


def test_what_changed_tells_no_status_change_when_only_the_as_of_date_moved(reg: Registry) -> None:
    reg.add("yesenov", [WIRE])
    second = reg.add("yesenov", [STATEMENT])
    assert reg.casefile("yesenov", 1).status.value == reg.casefile("yesenov", 2).status.value
    assert second.diff["status"] is None
    assert not any(line.startswith("status") for line in second.changes), second.changes


def test_a_known_report_is_not_read_or_added_again(reg: Registry, tmp_path: Path, monkeypatch) -> None:
    reg.add("yesenov", [WIRE])
    copy = tmp_path / "same-story-renamed.txt"
    shutil.copy(WIRE, copy)
    calls = []
    real = registry_mod.read_sources
    monkeypatch.setattr(registry_mod, "read_sources", lambda srcs, **kw: calls.append(srcs) or real(srcs, **kw))
    result = reg.add("yesenov", [copy, WIRE])
    assert result.version is None and sorted(result.already_known) == ["01_wire.txt", "same-story-renamed.txt"]
    assert calls == []
    # a new report: only that one is read
    reg.add("yesenov", [WIRE, STATEMENT])
    assert [[s.file for s in c] for c in calls] == [["02_statement.md"]]


def test_an_add_dates_reports_from_the_whole_case_as_build_does(reg: Registry, bundle, monkeypatch) -> None:
    """A dateline without a year takes its year from a report added later: the registry runs the
    bundle steps on every add, reads again only the report whose date they changed, and ends
    with the case file `build` gives on the same reports."""
    from casefile.pipeline import build_case

    yearless, dated, later = bundle
    calls: list[list[str]] = []
    real = registry_mod.read_sources
    monkeypatch.setattr(registry_mod, "read_sources", lambda srcs, **kw: calls.append([s.file for s in srcs])
                        or real(srcs, **kw))
    reg.add("yesenov", [yearless])
    alone = reg.casefile("yesenov")
    assert alone.sources[0].published is None
    assert [v.date for v in alone.events if v.type == "detention"] == [None]
    reg.add("yesenov", [dated])
    # the report dated by the new one is read again in its new frame; nothing else is
    assert calls == [["a_yearless.txt"], ["a_yearless.txt", "b_dated.txt"]]
    cf = reg.casefile("yesenov")
    assert (cf.sources[0].published, cf.sources[0].published_basis) == ("2023-03-09", "dateline")
    assert "without a year" in cf.sources[0].warnings[0]
    assert "2023-03-08" in [v.date for v in cf.events if v.type == "detention"]
    reg.add("yesenov", [later])
    assert calls[2:] == [["c_later.txt"]]
    built = build_case([yearless.parent]).casefile
    mine = reg.casefile("yesenov")
    assert [s.model_dump(exclude={"path"}) for s in mine.sources] == \
        [s.model_dump(exclude={"path"}) for s in built.sources]
    assert [v.model_dump() for v in mine.events] == [v.model_dump() for v in built.events]
    assert mine.status == built.status and mine.summary == built.summary


def test_a_reading_is_stored_per_frame_and_shared_across_cases(reg: Registry, bundle, monkeypatch) -> None:
    """The same report dated differently in two cases is read once per date, and each case
    keeps the reading of its own date."""
    yearless, dated, _ = bundle
    reg.add("yesenov", [yearless, dated])
    reg.new_case("alone")
    monkeypatch.setattr(registry_mod, "read_sources", lambda *a, **k: pytest.fail("read again"))
    reg.new_case("again")
    reg.add("again", [yearless, dated])  # the same frames: every reading comes from the store
    monkeypatch.undo()
    reg.add("alone", [yearless])
    assert reg.casefile("alone").sources[0].published is None
    assert [v.date for v in reg.casefile("alone").events if v.type == "detention"] == [None]
    assert "2023-03-08" in [v.date for v in reg.casefile("yesenov").events if v.type == "detention"]


def test_the_same_report_in_a_second_case_reuses_its_stored_reading(reg: Registry, monkeypatch) -> None:
    reg.add("yesenov", [WIRE])
    reg.new_case("other")
    monkeypatch.setattr(registry_mod, "read_sources", lambda *a, **k: pytest.fail("read again"))
    result = reg.add("other", [WIRE])
    assert result.version == 1
    assert reg.casefile("other").sources[0].text == reg.casefile("yesenov").sources[0].text


def test_a_failure_half_way_through_an_add_leaves_the_case_as_it_was(reg: Registry, monkeypatch) -> None:
    reg.add("yesenov", [WIRE])
    before = reg.casefile("yesenov").to_dict()

    def crash(*args, **kwargs):
        raise RuntimeError("power cut")

    monkeypatch.setattr(registry_mod, "consolidate_case", crash)
    with pytest.raises(RuntimeError):
        reg.add("yesenov", [STATEMENT, PAGE])
    monkeypatch.undo()
    assert reg.casefile("yesenov").to_dict() == before
    assert [v["number"] for v in reg.versions("yesenov")] == [1]
    # and the next add works as if nothing had happened
    assert reg.add("yesenov", [STATEMENT]).version == 2
    assert [s.file for s in reg.casefile("yesenov").sources] == ["01_wire.txt", "02_statement.md"]


def test_a_bad_file_is_reported_and_the_rest_added(reg: Registry, tmp_path: Path) -> None:
    bad = tmp_path / "broken.txt"
    bad.write_bytes(b"\x00\x01\x02" * 100)
    result = reg.add("yesenov", [WIRE, bad])
    assert result.added == ["01_wire.txt"]
    assert [p.file for p in result.problems] == ["broken.txt"] and "binary" in result.problems[0].problem


def test_concurrent_adds_to_one_case_are_serialised(reg: Registry) -> None:
    errors: list[BaseException] = []

    def add(path: Path) -> None:
        try:
            Registry(reg.url).add("yesenov", [path])
        except BaseException as exc:  # noqa: BLE001 - collected and asserted below
            errors.append(exc)

    threads = [threading.Thread(target=add, args=(p,)) for p in (WIRE, STATEMENT)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    cf = reg.casefile("yesenov")
    assert sorted(s.file for s in cf.sources) == ["01_wire.txt", "02_statement.md"]
    assert sorted(s.id for s in cf.sources) == ["S1", "S2"]
    assert [v["number"] for v in reg.versions("yesenov")] == [1, 2]


def test_an_entity_decision_survives_later_adds_and_is_audited(reg: Registry) -> None:
    reg.add("yesenov", [WIRE])
    cf = reg.casefile("yesenov")
    lawyer = next(e for e in cf.entities if "Kassymova" in e.name)
    from casefile.store.identity import entity_key

    reg.decide("yesenov", "sensitive", entity_key(lawyer), note="protect the lawyer", user="ana")
    reg.add("yesenov", [STATEMENT, PAGE], user="ben")
    cf = reg.casefile("yesenov")
    assert any(e.sensitive and "Kassymova" in e.name for e in cf.entities)
    redacted = reg.export("yesenov", "json", user="viewer", redacted=True)
    assert "Kassymova" not in redacted
    assert "Kassymova" in reg.export("yesenov", "json", user="ana")
    actions = [a["action"] for a in reg.audit("yesenov")]
    assert actions == ["new", "add", "review:sensitive", "add", "export", "export"]
    assert reg.audit("yesenov")[2]["after"]["note"] == "protect the lawyer"


def test_an_event_decision_survives_an_add_that_renumbers_events(reg: Registry) -> None:
    reg.add("yesenov", [WIRE])
    cf = reg.casefile("yesenov")
    if not cf.events:
        pytest.skip("no events read from the example report")
    target = cf.events[-1]
    reg.decide("yesenov", "confirm", event_key(target, cf), note="checked with the lawyer", user="ana")
    reg.add("yesenov", [STATEMENT, PAGE])
    after = reg.casefile("yesenov")
    confirmed = [v for v in after.events if v.review == "confirmed"]
    assert len(confirmed) == 1 and confirmed[0].type == target.type
    assert reg.unapplied("yesenov") == []


def test_a_decision_whose_target_is_gone_is_reported_not_dropped(reg: Registry) -> None:
    reg.add("yesenov", [WIRE])
    ghost = {"type": "person", "names": ["nobody at all"]}
    with pytest.raises(ValueError, match="gone"):
        reg.decide("yesenov", "sensitive", ghost)
    # a decision recorded earlier whose target later disappears is listed as unapplied
    cf = reg.casefile("yesenov")
    e = cf.entities[0]
    from casefile.store.identity import entity_key

    key = entity_key(e)
    reg.decide("yesenov", "sensitive", key)
    with reg._session.begin() as s:  # the target's names change under the decision
        from casefile.store.schema import DecisionRow

        s.execute(sa.update(DecisionRow).values(target={"type": e.type, "names": ["renamed beyond recognition"]}))
    reg.rebuild("yesenov")
    assert [u["kind"] for u in reg.unapplied("yesenov")] == ["sensitive"]


def test_migrations_from_an_empty_database_and_from_the_previous_schema(tmp_path: Path) -> None:
    fresh = Registry(str(tmp_path / "fresh.db"))
    assert fresh.schema_revision() == "0004"
    # a database made by the first release (schema 0001) with a case in it
    old_db = str(tmp_path / "old.db")
    engine = make_engine(old_db)
    migrate(engine, "0001")
    now = datetime(2024, 1, 1)
    with engine.begin() as conn:
        conn.execute(sa.text("INSERT INTO cases (slug, title, created_at, updated_at) VALUES ('old', 'Old case', :t, :t)"),
                     {"t": now})
    engine.dispose()
    reg = Registry(old_db)
    assert reg.schema_revision() == "0004"
    assert [c.slug for c in reg.cases()] == ["old"]
    assert reg.add("old", [WIRE]).version == 1
    assert reg.audit("old")[-1]["action"] == "add"


def test_a_report_stored_by_schema_0003_is_dated_with_its_bundle_after_the_upgrade(tmp_path: Path) -> None:
    """A source row and a reading stored before 0004 (no ingest notes, readings keyed without a
    frame): the upgrade keeps the source, ingests its original again for what the bundle steps
    need, and reads it again in the frame its case gives it."""
    from casefile.ingest import read_source
    from casefile.read import READER_VERSION

    old_db = str(tmp_path / "old.db")
    engine = make_engine(old_db)
    migrate(engine, "0003")
    data = YEARLESS.encode()
    src = read_source(Path("yearless.txt"), data, "S1")
    assert src.published is None  # alone, it has no year
    now = datetime(2024, 1, 1)
    with engine.begin() as conn:
        conn.execute(sa.text("INSERT INTO cases (slug, title, created_at, updated_at, revision, restricted) "
                             "VALUES ('old', 'Old case', :t, :t, 0, false)"), {"t": now})
        conn.execute(sa.text("INSERT INTO sources (case_id, position, sha256, file, original, text, meta, added_at, "
                             "added_by) VALUES (1, 1, :sha, 'yearless.txt', :data, :text, :meta, :t, 'ana')"),
                     {"sha": src.sha256, "data": data, "text": src.text, "t": now,
                      "meta": json.dumps(src.model_dump(mode="json", exclude={"text"}))})
        conn.execute(sa.text("INSERT INTO readings (sha256, reader_version, analysis) VALUES (:sha, :v, :a)"),
                     {"sha": src.sha256, "v": READER_VERSION, "a": json.dumps({"source": "S0", "language": "en"})})
    engine.dispose()
    reg = Registry(old_db)
    assert reg.schema_revision() == "0004"
    reg.add("old", [_write(tmp_path, "dated.txt", DATED_TEXT)])
    cf = reg.casefile("old")
    old = next(s for s in cf.sources if s.file == "yearless.txt")
    assert old.published == "2023-03-09" and old.published_basis == "dateline"
    assert any(v.date == "2023-03-08" for v in cf.events if v.type == "detention")


def test_unknown_case_is_a_clear_error(reg: Registry) -> None:
    with pytest.raises(StoreError, match="no case 'nope'"):
        reg.add("nope", [WIRE])


# --------------------------------------------------------------------------- through the CLI


def _cli(*args: str) -> object:
    return runner.invoke(app, list(args))


def test_every_registry_command_through_the_cli(tmp_path: Path) -> None:
    db = str(tmp_path / "cli.db")
    r = _cli("new", "case-a", "--title", "Case A", "--db", db, "--user", "ana")
    assert r.exit_code == 0 and "created case case-a" in r.output
    r = _cli("add", "case-a", str(WIRE), "--db", db, "--user", "ana")
    assert r.exit_code == 0 and "version 1" in r.output and "new source: 01_wire.txt" in r.output
    r = _cli("add", "case-a", str(EXAMPLE), "--db", db, "--json")
    assert r.exit_code == 0
    data = json.loads(r.output)
    assert data["version"] == 2 and data["already_known"] == ["01_wire.txt"]
    r = _cli("cases", "--db", db)
    assert r.exit_code == 0 and "case-a" in r.output
    r = _cli("show", "case-a", "--db", db)
    assert r.exit_code == 0 and "status:" in r.output
    r = _cli("diff", "case-a", "--db", db, "--from", "1", "--to", "2")
    assert r.exit_code == 0 and "new source: 02_statement.md" in r.output
    r = _cli("versions", "case-a", "--db", db)
    assert r.exit_code == 0 and "added 01_wire.txt" in r.output
    for fmt, marker in (("json", '"schema": "casefile/1"'), ("html", "<!doctype html>"), ("md", "# Case file"),
                        ("csv", "event,date,date_precision")):
        r = _cli("export", "case-a", "--format", fmt, "--db", db)
        assert r.exit_code == 0 and marker in r.output, fmt
    cf = Registry(db).casefile("case-a")
    name = next(e.name for e in cf.entities if e.type == "person")
    r = _cli("review", "sensitive", "case-a", name, "--note", "at risk", "--db", db, "--user", "ana")
    assert r.exit_code == 0 and "recorded; version 3" in r.output
    r = _cli("export", "case-a", "--format", "json", "--redacted", "--db", db)
    assert r.exit_code == 0 and "[name withheld]" in r.output
    r = _cli("review", "list", "case-a", "--db", db)
    assert r.exit_code == 0 and "sensitive" in r.output and "at risk" in r.output
    r = _cli("audit", "case-a", "--db", db)
    assert r.exit_code == 0 and "review:sensitive" in r.output and "export" in r.output
    r = _cli("export", "case-a", "--format", "pdf", "--db", db)
    assert r.exit_code == 1 and "unknown format" in r.output
    r = _cli("show", "missing", "--db", db)
    assert r.exit_code == 1 and "no case 'missing'" in r.output
