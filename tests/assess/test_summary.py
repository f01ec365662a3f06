"""The summary: a few sentences, each built from sourced events or the status."""

from __future__ import annotations

from casefile.assess.status import assess_status
from casefile.assess.summary import summarize
from casefile.model import Amount, Attributes, Entity, Event, Evidence, Participant, Source

SUBJECT = Entity(id="E1", type="person", name="Mira Talven", roles=["subject"])


def _event(vid: str, etype: str, date: str | None, sources: list[str], dates: list[str] | None = None,
           **attrs) -> Event:
    ev_dates = dates or [date] * len(sources)
    return Event(id=vid, type=etype, date=date, date_precision="day" if date and len(date) == 10 else "month",
                 participants=[Participant(entity="E1", role="subject")], attributes=Attributes(**attrs),
                 evidence=[Evidence(source=s, quote="x", start=0, end=1, date=d) for s, d in zip(sources, ev_dates, strict=True)])


EVENTS = [
    _event("V1", "detention", "2030-03-10", ["S2", "S3"]),
    _event("V2", "charge", "2030-03-12", ["S2"], charge="inciting discord"),
    _event("V3", "house_arrest", "2030-03-11", ["S3"], duration="P2M"),
    _event("V4", "plea_deal", "2030-08-16", ["S1"]),
    _event("V5", "fine", "2030-08-16", ["S1", "S4"], amount=Amount(value=250000, currency="XYZ", usd=433)),
    _event("V6", "activity_ban", "2030-08-16", ["S1"], duration="P7Y"),
    _event("V7", "release", "2030-08-16", ["S1", "S4", "S5"], dates=["2030-08-16", "2030-08-16", "2030-08-17"]),
]
SOURCES = [Source(id=f"S{i}", file=f"{i}.txt", published=p)
           for i, p in enumerate(["2030-08-18", "2030-03-14", "2030-03", "2030-08-19", "2030-08-20"], start=1)]


def test_three_to_six_sentences_each_with_the_sources_of_what_it_states():
    status = assess_status(EVENTS, SOURCES, SUBJECT)
    lines = summarize(SUBJECT, EVENTS, status, SOURCES)
    assert len(lines) == 5
    assert all(line.sources for line in lines)
    texts = [line.text for line in lines]
    assert texts[0] == "On 10 March 2030, Mira Talven was detained."
    assert lines[0].sources == ["S2", "S3"]
    assert texts[1] == "On 11 March 2030, Mira Talven was placed under house arrest for two months."
    assert texts[2] == "On 12 March 2030, Mira Talven was charged with inciting discord."
    # everything decided on the day of the deal, in one sentence, with every source behind it
    deal = next(line for line in lines if "plea deal" in line.text)
    assert deal.text == ("On 16 August 2030 (sources differ on the date), Mira Talven accepted a plea deal, "
                         "was fined 250,000 XYZ (about $433), was barred from continuing their activities "
                         "for seven years and was released.")
    assert deal.sources == ["S1", "S4", "S5"]
    assert texts[-1] == ("As of 20 August 2030, Mira Talven was at liberty, "
                         "subject to a fine and a ban on their activities.")
    assert lines[-1].sources == status.sources


def test_events_without_evidence_are_never_stated():
    bare = Event(id="V1", type="detention", date="2030-03-10", date_precision="day")
    status = assess_status([], SOURCES, SUBJECT)
    assert summarize(SUBJECT, [bare], status, SOURCES) == []
