"""Renderers: HTML escapes untrusted text, Markdown and CSV keep their structure, numbers read well."""

from __future__ import annotations

import csv
import io
import re

from casefile.model import (
    Amount,
    Attributes,
    CaseFile,
    Conflict,
    ConflictValue,
    Entity,
    Event,
    Evidence,
    Source,
)
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


def _cells(row: str) -> list[str]:
    """A Markdown table row's cells: split at the pipes that are not escaped."""
    return [c.strip() for c in re.split(r"(?<!\\)\|", row)[1:-1]]


def test_markdown_escapes_markup_and_table_cells() -> None:
    cf = _cf()
    cf.entities.append(Entity(id="E2", type="place", name="Port | *Vell*", sources=["S1"]))
    cf.events[0] = cf.events[0].model_copy(update={"place": "E2"})
    cf.events[0].attributes.charge = "insulting a judge | [link](x) _twice_"
    md = render(cf, "md")
    # the title is shown with every markup character escaped, nothing left to format
    assert "- S1: \\<script\\>alert(1)\\</script\\> \\| \\*bold\\* =cmd() —" in md
    assert "*bold*" not in md.replace("\\*", "")
    # the pipes in a place and a charge stay inside their cells: the row keeps its five columns
    [row] = [line for line in md.splitlines() if line.startswith("| 2030-01-01")]
    cells = _cells(row)
    assert len(cells) == 5
    assert cells[:2] == ["2030-01-01", "fine"] and cells[2] == "Port \\| \\*Vell\\*"
    assert "150,000 KZT (~330.5 USD)" in cells[3] and "\\[link\\](x) \\_twice\\_" in cells[3]
    # a line break in a cell would end the row
    cf.events[0].attributes.charge = "first line\nsecond line"
    [row] = [line for line in render(cf, "md").splitlines() if line.startswith("| 2030-01-01")]
    assert "first line second line" in row


def test_csv_has_a_row_per_evidence_and_no_formula_cells() -> None:
    rows = list(csv.reader(io.StringIO(render(_cf(), "csv"))))
    assert rows[0][:4] == ["event", "date", "date_precision", "type"]
    assert rows[1][0] == "V1" and rows[1][-1] == "'=cmd() fined"


def test_a_sources_warnings_are_shown_for_checking() -> None:
    cf = _cf()
    cf.sources[0] = cf.sources[0].model_copy(update={"published": "2030-01", "published_basis": "content",
                                                      "warnings": ["a date from the bundle: a guess, check it"]})
    assert "Check: a date from the bundle: a guess, check it" in render(cf, "html")


def _sentenced(language: str, term: str = "P6Y6M") -> CaseFile:
    text = "Суд приговорил его." if language == "ru" else "The court sentenced him."
    return CaseFile(
        generated_at="2030-01-01T00:00:00Z", subject="E1",
        sources=[Source(id=f"S{i}", file=f"r{i}.txt", text=text, language=language) for i in (1, 2)],
        entities=[Entity(id="E1", type="person", name="Ida Sorn", sources=["S1", "S2"])],
        events=[Event(id="V1", type="sentence", date="2030-01-01", date_precision="day",
                      attributes=Attributes(duration=term),
                      evidence=[Evidence(source="S1", quote=text, start=0, end=len(text), duration=term),
                                Evidence(source="S2", quote=text, start=0, end=len(text), duration="P2M")])],
        conflicts=[Conflict(id="C1", event="V1", field="duration",
                            values=[ConflictValue(value=term, sources=["S1"]), ConflictValue(value="P2M", sources=["S2"])])],
    )


def test_terms_are_written_for_readers_in_the_case_files_language_and_the_json_keeps_iso() -> None:
    for language, long, short in (("en", "6 years and 6 months", "2 months"), ("ru", "6 лет и 6 месяцев", "2 месяца")):
        cf = _sentenced(language)
        for fmt in ("html", "md"):
            text = render(cf, fmt)
            assert long in text and short in text, (language, fmt)
            assert "P6Y6M" not in text and "P2M" not in text, (language, fmt)
        rows = list(csv.DictReader(io.StringIO(render(cf, "csv"))))
        assert rows[0]["duration"] == long and rows[0]["duration_iso"] == "P6Y6M"
        assert short in rows[0]["conflict"] and "P2M" not in rows[0]["conflict"]
        assert '"duration": "P6Y6M"' in render(cf, "json")


def test_a_term_served_at_liberty_says_so_beside_it() -> None:
    for language, text, said in (("en", "The court gave him a suspended sentence of two years.", "2 years suspended"),
                                 ("ru", "Суд приговорил его к двум годам условно.", "2 года условно")):
        cf = CaseFile(
            generated_at="2030-01-01T00:00:00Z", subject="E1",
            sources=[Source(id="S1", file="r1.txt", text=text, language=language)],
            entities=[Entity(id="E1", type="person", name="Ida Sorn", sources=["S1"])],
            events=[Event(id="V1", type="sentence", date="2030-01-01", date_precision="day",
                          attributes=Attributes(duration="P2Y"),
                          evidence=[Evidence(source="S1", quote=text, start=0, end=len(text), duration="P2Y")])])
        for fmt in ("html", "md", "csv"):
            assert said in render(cf, fmt), (language, fmt)
