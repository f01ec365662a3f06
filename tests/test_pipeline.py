"""The reduce step is pure: its clock is the caller's, and stored readings re-key cleanly."""

from __future__ import annotations

import pytest

from casefile.model import DocAnalysis, EventMention, Mention, QuoteMention, Source, rebase_analysis
from casefile.pipeline import consolidate_case, timestamp

TEXT = "Police detained the poet Ilse Varnhold on 3 March 2031. \"I will keep writing,\" Varnhold said."


def _reading(sid: str) -> DocAnalysis:
    start = TEXT.index("Ilse")
    person = Mention(id=f"{sid}:M1", source=sid, text="Ilse Varnhold", start=start, end=start + 13,
                     type="person", norm="Ilse Varnhold")
    later = TEXT.index("Varnhold said")
    again = Mention(id=f"{sid}:M2", source=sid, text="Varnhold", start=later, end=later + 8, type="person",
                    norm="Varnhold", sentence=1, refers_to=f"{sid}:M1")
    detained = EventMention(source=sid, type="detention", trigger="detained", quote=TEXT[:55], start=0, end=55,
                            date="2031-03-03", date_precision="day", participants=[(f"{sid}:M1", "subject")])
    q0 = TEXT.index("I will")
    quote = QuoteMention(source=sid, text="I will keep writing,", start=q0, end=q0 + 20, speaker=f"{sid}:M2")
    return DocAnalysis(source=sid, language="en", mentions=[person, again], events=[detained], quotes=[quote])


def _source(sid: str) -> Source:
    return Source(id=sid, file=f"{sid}.txt", text=TEXT, published="2031-03-04", published_basis="dateline")


def test_the_clock_is_the_callers() -> None:
    sources, analyses = [_source("S1")], [_reading("S1")]
    a = consolidate_case(sources, analyses, generated_at="2031-03-05T08:00:00Z")
    b = consolidate_case(sources, analyses, generated_at="2031-03-05T08:00:00Z")
    assert a.generated_at == "2031-03-05T08:00:00Z"
    assert a.to_dict() == b.to_dict()
    assert [(e.type, e.date) for e in a.events] == [("detention", "2031-03-03")]
    with pytest.raises(TypeError):
        consolidate_case(sources, analyses)  # type: ignore[call-arg]


def test_timestamp_is_utc_to_the_second() -> None:
    from datetime import UTC, datetime, timedelta, timezone

    east = datetime(2031, 3, 5, 11, 30, 15, 999, tzinfo=timezone(timedelta(hours=3)))
    assert timestamp(east) == "2031-03-05T08:30:15Z"
    assert timestamp().endswith("Z") and len(timestamp()) == 20
    assert timestamp(datetime(2031, 1, 1, tzinfo=UTC)) == "2031-01-01T00:00:00Z"


def test_a_reading_re_keyed_and_back_is_the_same() -> None:
    data = _reading("S3").model_dump(mode="json")
    neutral = rebase_analysis(data, "S3", "S0")
    moved = DocAnalysis.model_validate(neutral)
    assert moved.source == "S0"
    assert [m.id for m in moved.mentions] == ["S0:M1", "S0:M2"]
    assert moved.mentions[1].refers_to == "S0:M1"
    assert moved.events[0].participants == [("S0:M1", "subject")]
    assert moved.quotes[0].speaker == "S0:M2"
    # a source id that only begins like the old one is another source
    assert rebase_analysis({"source": "S30"}, "S3", "S0") == {"source": "S30"}
    assert rebase_analysis(neutral, "S0", "S3") == data
