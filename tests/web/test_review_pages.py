"""The case page: terms written for readers in the case's language, a conflict picked in the
browser and then read as settled."""

from __future__ import annotations

import re
from pathlib import Path

from fastapi.testclient import TestClient

from casefile.store.schema import CaseRow, VersionRow

from ..render.test_render import _sentenced
from ..store.test_review_cli import REPORTS
from .conftest import EDITOR
from .test_app import login


def _store(reg, slug: str, cf) -> None:
    reg.new_case(slug, slug)
    with reg._session.begin() as s:
        case = s.query(CaseRow).filter_by(slug=slug).one()
        s.add(VersionRow(case_id=case.id, number=1, created_at=case.created_at, created_by="t", reason="t",
                         casefile=cf.to_dict(), unapplied=[]))


def test_the_case_page_writes_terms_in_the_case_files_language(web_app) -> None:
    reg = web_app.state.registry
    _store(reg, "en-case", _sentenced("en"))
    _store(reg, "ru-case", _sentenced("ru"))
    client = TestClient(web_app)
    login(client, EDITOR)
    en, ru = client.get("/cases/en-case").text, client.get("/cases/ru-case").text
    assert "term: 6 years and 6 months" in en and "<strong>2 months</strong>" in en
    assert "term: 6 лет и 6 месяцев" in ru and "<strong>2 месяца</strong>" in ru
    # the pick form shows the term in words and sends it as the sources' value
    assert '<option value="P2M">2 месяца</option>' in ru
    assert ">P6Y6M<" not in ru and ">P2M<" not in ru


def test_a_conflict_picked_in_the_browser_reads_as_settled(web_app, tmp_path: Path) -> None:
    reg = web_app.state.registry
    for name, text in REPORTS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    reg.new_case("picked")
    reg.add("picked", [tmp_path / "a.txt", tmp_path / "b.txt"])
    client = TestClient(web_app)
    token = login(client, EDITOR)
    page = client.get("/cases/picked").text
    assert "Sources disagree on the date" in page
    values = re.findall(r'<option value="([^"]+)">', page)
    assert values[:2] == ["2019-08-17", "2019-08-18"]
    r = client.post("/cases/picked/review", data={"csrf": token, "kind": "pick", "ref": "C1", "value": "2019-08-19"})
    assert r.status_code == 400 and "not one of the values the sources give" in r.text
    r = client.post("/cases/picked/review", data={"csrf": token, "kind": "pick", "ref": "C1", "value": values[1],
                                                   "note": "the court's record"}, follow_redirects=False)
    assert r.status_code == 303
    page = client.get("/cases/picked").text
    assert "Sources disagree" not in page and "differ" not in page
    assert "Date settled by review by erin: 2019-08-18 (the court&#39;s record)" in page


def test_merging_an_entity_with_itself_in_the_browser_is_refused(web_app, tmp_path: Path) -> None:
    reg = web_app.state.registry
    (tmp_path / "a.txt").write_text(REPORTS["a.txt"], encoding="utf-8")
    reg.new_case("self-merge")
    reg.add("self-merge", [tmp_path / "a.txt"])
    client = TestClient(web_app)
    token = login(client, EDITOR)
    r = client.post("/cases/self-merge/review", data={"csrf": token, "kind": "merge", "ref": "E1", "other": "E1"})
    assert r.status_code == 400 and "merged with itself" in r.text
    assert len(reg.versions("self-merge")) == 1
