"""The event-type table: what it holds, how it is checked, and that a new type is one row."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from pydantic import ValidationError

from casefile.assess.summary import summarize
from casefile.core.event_types import event_types, load_event_types, use_event_types
from casefile.model import STATUS_VALUES, DocAnalysis, Event, EventMention, Mention, Source
from casefile.pipeline import consolidate_case
from casefile.render import render
from casefile.resources import load
from casefile.web.chart import timeline_svg

SPEC = Path(__file__).resolve().parents[3] / "shared" / "spec" / "casefile-json.md"
PACKAGED = Path(__file__).resolve().parents[2] / "src" / "casefile" / "resources" / "event_types.yaml"


def test_the_table_holds_the_contracts_types_in_its_order() -> None:
    if not SPEC.exists():
        pytest.skip("no shared spec here")
    section = SPEC.read_text(encoding="utf-8").split("## EVENT TYPES", 1)[1].split("##", 1)[0]
    assert list(event_types().names) == re.findall(r"`([a-z_]+)`", section)


def test_every_row_is_complete() -> None:
    table = event_types()
    for spec in table:
        for language in ("en", "ru"):
            assert spec.label(language), (spec.name, language)
            assert spec.words[language].summary or spec.name == "other"
        effect = spec.status
        named = [effect.to, effect.at_liberty, *(effect.from_ or ())] if effect else []
        if effect and effect.absentia:
            named += [effect.absentia.to, *(effect.absentia.from_ or ())]
        assert {s for s in named if s} <= set(STATUS_VALUES), spec.name
        if spec.condition:
            assert spec.condition_phrase("en") and spec.condition_phrase("ru"), spec.name
    assert table.final_states == {"deceased"}


def test_the_readers_api() -> None:
    table = event_types()
    assert {"sentence", "house_arrest", "detention"} <= table.taking("duration")
    assert table.taking("duration") == table.taking("end_date")
    assert "fine" in table.taking("amount") and "hearing" not in table.taking("amount")
    assert {"charge", "conviction"} <= table.taking("charge")
    assert table.taking("place") == set(table.names)
    assert "fine" in table.inheriting_date() and "detention" not in table.inheriting_date()
    assert table.sequels() == {"transfer": {"detention"}}
    assert table.on_organisation() == {"search", "registration_denied"}
    with pytest.raises(ValueError, match="unknown argument"):
        table.taking("colour")


def _table_with(tmp_path: Path, rows: str, base: str | None = None) -> Path:
    path = tmp_path / "event_types.yaml"
    path.write_text((base or PACKAGED.read_text(encoding="utf-8")).rstrip() + "\n" + rows, encoding="utf-8")
    return path


def test_a_malformed_row_is_named_with_its_file(tmp_path: Path) -> None:
    bad = _table_with(tmp_path, "  curfew:\n    words:\n      en: {label: curfew, summary: 'was put under curfew[ for {dur}]'}\n")
    with pytest.raises(ValueError, match=r"event_types.yaml: event type 'curfew'.*\{dur\}"):
        load_event_types(bad)
    bad = _table_with(tmp_path, "  curfew:\n    follows: [nightfall]\n    words:\n      en: {label: curfew}\n")
    with pytest.raises(ValueError, match="follows unknown types"):
        load_event_types(bad)
    bad = _table_with(tmp_path, "  curfew:\n    colour: red\n    words:\n      en: {label: curfew}\n")
    with pytest.raises(ValueError, match="'curfew'"):
        load_event_types(bad)


CONFINEMENT = """
  psychiatric_confinement:
    status: {to: detained}
    custody: true
    day_order: 1
    arguments: [duration, end_date, place]
    summary: [opens, held]
    color: "#0a7e8c"
    words:
      en: {label: psychiatric confinement, summary: "was confined to a psychiatric ward[ for {dur}]"}
      ru: {label: принудительное лечение, summary: "принудительное лечение[ на срок {dur}]"}
"""
TEXT = "Doctors confined the blogger Tovin Arrasek to a psychiatric ward for two months on 9 May 2031."


def _reading() -> tuple[list[Source], list[DocAnalysis]]:
    start = TEXT.index("Tovin")
    person = Mention(id="S1:M1", source="S1", text="Tovin Arrasek", start=start, end=start + 13, type="person",
                     norm="Tovin Arrasek")
    act = EventMention(source="S1", type="psychiatric_confinement", trigger="confined", quote=TEXT,
                       start=0, end=len(TEXT), date="2031-05-09", date_precision="day", duration="P2M",
                       participants=[("S1:M1", "subject")])
    source = Source(id="S1", file="ward.txt", text=TEXT, published="2031-05-10", published_basis="dateline")
    return [source], [DocAnalysis(source="S1", language="en", mentions=[person], events=[act])]


def test_a_new_event_type_is_one_row_of_the_table(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="unknown event type"):
        _reading()
    with use_event_types(_table_with(tmp_path, CONFINEMENT)):
        cf = consolidate_case(*_reading(), generated_at="2031-05-11T00:00:00Z")
        [event] = cf.events
        assert event.type == "psychiatric_confinement" and event.attributes.duration == "P2M"
        # status: the row's effect (custody) as of the newest source
        assert (cf.status.value, cf.status.as_of, cf.status.sources) == ("detained", "2031-05-10", ["S1"])
        # summary: the row's words, in both languages
        assert cf.summary[0].text == "On 9 May 2031, Tovin Arrasek was confined to a psychiatric ward for two months."
        subject = next(e for e in cf.entities if e.id == cf.subject)
        ru = summarize(subject, cf.events, cf.status, cf.sources, language="ru")
        assert ru[0].text == "9 мая 2031 года: Tovin Arrasek — принудительное лечение на срок 2 месяца."
        # chart: its label and colour
        svg = timeline_svg(cf.events)
        assert ">psychiatric confinement</text>" in svg and 'fill="#0a7e8c"' in svg
        # every export
        assert json.loads(render(cf, "json"))["events"][0]["type"] == "psychiatric_confinement"
        assert "<td>psychiatric confinement</td>" in render(cf, "html")
        assert "| 2031-05-09 | psychiatric confinement |" in render(cf, "md")
        rows = list(csv.DictReader(io.StringIO(render(cf, "csv"))))
        assert [r["type"] for r in rows] == ["psychiatric_confinement"]
    with pytest.raises(ValidationError):
        Event(id="V1", type="psychiatric_confinement")


def test_the_status_machine_is_the_tables(tmp_path: Path) -> None:
    # without `final`, a report of release after a death would be believed: the table decides
    base = PACKAGED.read_text(encoding="utf-8").replace("{to: deceased, final: true}", "{to: deceased}")
    from casefile.assess.status import assess_status
    from casefile.model import Evidence

    def ev(vid: str, etype: str, date: str) -> Event:
        return Event(id=vid, type=etype, date=date, date_precision="day",
                     evidence=[Evidence(source="S1", quote="x", start=0, end=1)])
    sources = [Source(id="S1", file="a.txt", published="2031-02-01")]
    with use_event_types(event_types()):
        events = [ev("V1", "death", "2031-01-10"), ev("V2", "release", "2031-01-20")]
        assert assess_status(events, sources, None).value == "deceased"
    with use_event_types(load_event_types(_table_with(tmp_path, "", base))):
        assert assess_status(events, sources, None).value == "released"


def test_summary_wording_files_have_the_same_keys() -> None:
    en, ru = load("en/summary.yaml"), load("ru/summary.yaml")
    assert set(en["frames"]) == set(ru["frames"])
    assert set(en["status"]) == set(ru["status"]) == set(STATUS_VALUES)
