"""Renderers: HTML escapes untrusted text, Markdown and CSV keep their structure, numbers read well."""

from __future__ import annotations

import csv
import io

from casefile.model import Amount, Attributes, CaseFile, Entity, Event, Evidence, Source
from casefile.render import render
from casefile.render.fmt import num

HOSTILE = "<script>alert(1)</script> | *bold* =cmd()"


def _cf() -> CaseFile:
    return CaseFile(
        generated_at="2030-01-01T00:00:00Z", subject="E1",
        sources=[Source(id="S1", file="a<b>.txt", text=f"He was fined. {HOSTILE}", title=HOSTILE)],
        entities=[Entity(id="E1", type="person", name="Ann <i>Lee</i>", sources=["S1"])],
        events=[Event(id="V1", type="fine", date="2030-01-01", date_precision="day",
                      attributes=Attributes(amount=Amount(value=150000, currency="KZT", usd=330.5)),
                      evidence=[Evidence(source="S1", quote="=cmd() fined", start=0, end=12)])],
    )


def test_numbers_read_well() -> None:
    assert num(150000.0) == "150,000" and num(1060.5) == "1,060.5" and num(None) == ""


def test_html_escapes_every_untrusted_field() -> None:
    html = render(_cf(), "html")
    assert "<script>alert" not in html and "<i>Lee</i>" not in html and "a<b>.txt" not in html
    assert "&lt;script&gt;" in html and "150,000 KZT" in html


def test_markdown_escapes_markup_and_table_cells() -> None:
    md = render(_cf(), "md")
    assert "\\*bold\\*" not in md or "\\|" in md
    assert "| 2030-01-01 | fine |" in md and "150,000 KZT (~330.5 USD)" in md


def test_csv_has_a_row_per_evidence_and_no_formula_cells() -> None:
    rows = list(csv.reader(io.StringIO(render(_cf(), "csv"))))
    assert rows[0][:4] == ["event", "date", "date_precision", "type"]
    assert rows[1][0] == "V1" and rows[1][-1] == "'=cmd() fined"


def test_a_sources_warnings_are_shown_for_checking() -> None:
    cf = _cf()
    cf.sources[0] = cf.sources[0].model_copy(update={"published": "2030-01", "published_basis": "content",
                                                      "warnings": ["a date from the bundle: a guess, check it"]})
    assert "Check: a date from the bundle: a guess, check it" in render(cf, "html")
