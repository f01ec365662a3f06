"""No stored value breaks a page: a case file version holding values that are no dates,
terms or sums (written by an older release, or by hand) still renders in every format, on the
chart and on the case page."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from casefile.model import (
    Amount,
    Attributes,
    CaseFile,
    Conflict,
    ConflictValue,
    Entity,
    Event,
    Evidence,
    Participant,
    Quote,
    Source,
    Status,
    SummarySentence,
)
from casefile.render import FORMATS, render
from casefile.store.schema import CaseRow, VersionRow
from casefile.web.chart import timeline_svg

from .conftest import EDITOR, VIEWER
from .test_app import login


def _bad() -> CaseFile:
    ev = Evidence(source="S1", quote="held since spring", start=0, end=17, date="last spring", duration="P",
                  amount=Amount(value=5, currency="???"))
    events = [
        Event(id="V1", type="detention", date="spring 2024", date_precision="day", end_date="until the trial",
              place="E99", participants=[Participant(entity="E77")], evidence=[ev],
              attributes=Attributes(duration="about two months", charge="x")),
        Event(id="V2", type="fine", date="--05-02", attributes=Attributes(amount=Amount(value=1e18, currency="XXX")),
              evidence=[ev]),
        Event(id="V3", type="conviction", date="2024-13-45", date_precision="month", attributes=Attributes(duration="P0D"),
              evidence=[ev]),
        Event(id="V4", type="release", date="9999-12-31", evidence=[ev]),
        Event(id="V5", type="release", date="0000", evidence=[ev]),
    ]
    conflicts = [
        Conflict(id="C1", event="V1", field="amount",
                 values=[ConflictValue(value={"value": "a lot", "currency": "USD"}, sources=["S1"]),
                         ConflictValue(value=None, sources=[])]),
        Conflict(id="C2", event="V99", field="date", values=[ConflictValue(value=["odd"], sources=["S1"])],
                 resolved={"value": "someday"}),
        Conflict(id="C3", event="V2", field="duration", values=[ConflictValue(value="forever", sources=["S9"])],
                 resolved={}),
    ]
    return CaseFile(
        generated_at="not a time", subject="E1",
        status=Status(value="detained", as_of="recently", conditions=["no_such_condition"], sources=["S1"]),
        sources=[Source(id="S1", file="r.txt", text="held since spring", published="yesterday")],
        entities=[Entity(id="E1", type="person", name="Ada Quell", sources=["S1"])],
        events=events, conflicts=conflicts,
        quotes=[Quote(speaker="E77", text="no comment", sources=["S1"])],
        summary=[SummarySentence(text="Ada Quell was detained.", sources=["S1"])],
    )


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_renders_a_case_file_of_bad_values(fmt: str) -> None:
    text = render(_bad(), fmt)
    assert "Ada Quell" in text or (fmt == "csv" and text.count("\n") == 6)
    if fmt != "json":
        assert "spring 2024" in text  # shown as stored, for the analyst to correct


def test_the_chart_skips_what_is_no_date() -> None:
    svg = timeline_svg(_bad().events)
    assert svg.startswith("<svg") and svg.count("<circle") == 1  # only 9999-12-31 is a day
    assert timeline_svg([e for e in _bad().events if e.id in ("V1", "V2", "V3", "V5")]) == ""


def test_the_case_page_shows_a_stored_bad_value_instead_of_failing(web_app) -> None:
    reg = web_app.state.registry
    reg.new_case("bad-values", "Stored values")
    with reg._session.begin() as s:  # a version as an older release might have written it
        case = s.query(CaseRow).filter_by(slug="bad-values").one()
        s.add(VersionRow(case_id=case.id, number=1, created_at=case.created_at, created_by="old", reason="old",
                         casefile=_bad().to_dict(), unapplied=[]))
    for who in (EDITOR, VIEWER):
        client = TestClient(web_app)
        login(client, who)
        page = client.get("/cases/bad-values")
        assert page.status_code == 200, page.text[-2000:]
        assert "spring 2024" in page.text
        for fmt in FORMATS:
            assert client.get(f"/cases/bad-values/export/{fmt}").status_code == 200, fmt


def test_a_correction_that_is_no_date_is_refused_in_the_browser_and_the_page_stays_up(web_app) -> None:
    from .test_app import _csrf, editor_on_a_case

    reg, client, token = editor_on_a_case(web_app, "c-date")
    ev = reg.casefile("c-date").events[0].id
    r = client.post("/cases/c-date/review", data={"csrf": token, "kind": "correct", "ref": ev, "field": "date",
                                                   "value": "spring 2024"})
    assert r.status_code == 400 and "YYYY, YYYY-MM or YYYY-MM-DD" in r.text
    assert len(reg.versions("c-date")) == 1
    page = client.get("/cases/c-date")
    assert page.status_code == 200 and _csrf(page.text)
