"""Review through the command line on a small case whose two reports disagree on a date:
picks among the sources' values only, a pick read as settled in every output, no self-merge,
splits that take only the sources an alias is written in."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from casefile.cli import app
from casefile.store import Registry

runner = CliRunner()

REPORTS = {
    "a.txt": "Police detain blogger in Norbury\n\nNORBURY, 18 August 2019 — Police detained the blogger Ona Vell "
             "in Norbury on 17 August 2019, her lawyer Piet Arno said. She was charged with fraud.\n",
    "b.txt": "Blogger Ona Vell held\n\nNORBURY, 21 August 2019 — The blogger Ona Vell was detained on 18 August 2019 "
             "in Norbury, her lawyer Piet Arno told reporters.\n",
    "c.txt": "Colleague speaks out\n\nNORBURY, 22 August 2019 — The editor Lia Mori, a colleague of the detained "
             "blogger Ona Vell, said the charges were invented.\n",
}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A registry holding the case, read once for the module; each test works on a copy."""
    root = tmp_path_factory.mktemp("review-cli")
    for name, text in REPORTS.items():
        (root / name).write_text(text, encoding="utf-8")
    db = root / "cases.db"
    reg = Registry(str(db))
    reg.new_case("ona-vell", "Ona Vell")
    reg.add("ona-vell", [root / n for n in REPORTS])
    reg.engine.dispose()
    return db


@pytest.fixture()
def db(built: Path, tmp_path: Path) -> str:
    copy = tmp_path / "cases.db"
    shutil.copy(built, copy)
    return str(copy)


def cli(*args: str):
    return runner.invoke(app, list(args))


def _versions(db: str) -> int:
    return len(Registry(db).versions("ona-vell"))


def test_the_case_has_a_date_conflict(db: str) -> None:
    cf = Registry(db).casefile("ona-vell")
    assert [(c.id, c.field, sorted(v.value for v in c.values)) for c in cf.conflicts] == \
        [("C1", "date", ["2019-08-17", "2019-08-18"])]
    assert any("sources differ" in s.text for s in cf.summary)


def test_a_pick_of_a_value_no_source_gives_is_refused_with_a_hint_to_correct(db: str) -> None:
    r = cli("review", "pick", "ona-vell", "C1", "--value", "2019-08-20", "--db", db)
    assert r.exit_code == 1, r.output
    assert "not one of the values the sources give" in r.output
    assert "review correct ona-vell" in r.output and "--note" in r.output
    assert _versions(db) == 1


def test_after_a_pick_the_conflict_reads_as_settled_everywhere(db: str) -> None:
    r = cli("review", "pick", "ona-vell", "C1", "--value", "2019-08-17", "--note", "court record", "--db", db,
            "--user", "ana")
    assert r.exit_code == 0, r.output
    show = cli("show", "ona-vell", "--db", db).output
    assert "[settled]" in show and "date settled by review by ana: 2019-08-17 (court record)" in show
    assert "differ" not in show and "disagree" not in show
    for fmt in ("md", "html", "csv"):
        text = cli("export", "ona-vell", "--format", fmt, "--db", db).output
        assert "2019-08-17" in text and "settled by review" in text, fmt
        assert "differ" not in text and "disagree" not in text, fmt
    cf = Registry(db).casefile("ona-vell")
    assert cf.summary and "17 August 2019" in cf.summary[0].text
    r = cli("cases", "--db", db)
    assert r.exit_code == 0
    assert Registry(db).cases()[0].open_conflicts == 0


def test_merging_an_entity_with_itself_is_refused_and_makes_no_version(db: str) -> None:
    for other in ("Ona Vell", "E1", "ona vell"):
        r = cli("review", "merge", "ona-vell", "Ona Vell", other, "--db", db)
        assert r.exit_code == 1 and "itself" in r.output, r.output
    assert _versions(db) == 1
    assert [a["action"] for a in Registry(db).audit("ona-vell")] == ["new", "add"]


def test_a_split_alias_takes_only_the_sources_that_write_it(db: str) -> None:
    assert cli("review", "merge", "ona-vell", "Ona Vell", "Lia Mori", "--db", db).exit_code == 0
    merged = next(e for e in Registry(db).casefile("ona-vell").entities if e.name == "Ona Vell")
    assert "Lia Mori" in merged.aliases and merged.sources == ["S1", "S2", "S3"]
    r = cli("review", "split", "ona-vell", "Ona Vell", "--alias", "Lia Mori", "--db", db)
    assert r.exit_code == 0, r.output
    ents = {e.name: e for e in Registry(db).casefile("ona-vell").entities}
    assert ents["Lia Mori"].sources == ["S3"]  # only c.txt names her
    assert ents["Ona Vell"].sources == ["S1", "S2", "S3"]


def test_a_correction_that_is_no_date_is_refused_and_makes_no_version(db: str) -> None:
    r = cli("review", "correct", "ona-vell", "V1", "--field", "date", "--value", "spring 2024", "--db", db)
    assert r.exit_code == 1 and "YYYY, YYYY-MM or YYYY-MM-DD" in r.output, r.output
    r = cli("review", "correct", "ona-vell", "V1", "--field", "duration", "--value", "two months", "--db", db)
    assert r.exit_code == 1 and "P2M" in r.output, r.output
    assert _versions(db) == 1
    r = cli("review", "correct", "ona-vell", "V1", "--field", "date", "--value", "2019-08", "--note", "only the month",
            "--db", db)
    assert r.exit_code == 0, r.output
    v1 = Registry(db).casefile("ona-vell").events[0]
    assert (v1.date, v1.date_precision, v1.review) == ("2019-08", "month", "corrected")


def test_review_list_and_audit_read_as_sentences_with_ids(db: str) -> None:
    import re

    assert cli("review", "pick", "ona-vell", "C1", "--value", "2019-08-17", "--note", "court record", "--db", db,
               "--user", "ana").exit_code == 0
    assert cli("review", "sensitive", "ona-vell", "Piet Arno", "--note", "at risk", "--db", db, "--user", "ana").exit_code == 0
    assert cli("export", "ona-vell", "--format", "md", "--redacted", "--db", db).exit_code == 0
    listed = cli("review", "list", "ona-vell", "--db", db).output
    audit = cli("audit", "ona-vell", "--db", db).output
    for text in (listed, audit):
        assert "{" not in text and not re.search(r"[0-9a-f]{32}", text), text
    assert "ana pick V1 detention (2019-08-17): date picked 2019-08-17 — “court record”" in listed
    assert "ana sensitive E3 Piet Arno — “at risk”" in listed
    lines = audit.splitlines()
    assert len(lines) == 5
    assert lines[0].endswith("new: case 'ona-vell' (Ona Vell)")
    assert "add: version 1, 3 report(s): a.txt, b.txt, c.txt" in lines[1]
    assert "review:pick: version 2, V1 detention (2019-08-17): date picked 2019-08-17 — “court record”" in lines[2]
    assert "review:sensitive: version 3, E3 Piet Arno — “at risk”" in lines[3]
    assert lines[4].endswith("export: md (redacted)")
