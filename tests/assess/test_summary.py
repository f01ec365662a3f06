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
    _event("V1", "detention", "2030-06-04", ["S2", "S3"]),
    _event("V2", "charge", "2030-06-06", ["S2"], charge="publishing false reports"),
    _event("V3", "house_arrest", "2030-06-05", ["S3"], duration="P3M"),
    _event("V4", "plea_deal", "2030-11-21", ["S1"]),
    _event("V5", "fine", "2030-11-21", ["S1", "S4"], amount=Amount(value=180000, currency="XYZ", usd=390)),
    _event("V6", "activity_ban", "2030-11-21", ["S1"], duration="P4Y"),
    _event("V7", "release", "2030-11-21", ["S1", "S4", "S5"], dates=["2030-11-21", "2030-11-21", "2030-11-22"]),
]
SOURCES = [Source(id=f"S{i}", file=f"{i}.txt", published=p)
           for i, p in enumerate(["2030-11-23", "2030-06-08", "2030-06", "2030-11-24", "2030-11-25"], start=1)]


def test_three_to_six_sentences_each_with_the_sources_of_what_it_states():
    status = assess_status(EVENTS, SOURCES, SUBJECT)
    lines = summarize(SUBJECT, EVENTS, status, SOURCES)
    assert len(lines) == 5
    assert all(line.sources for line in lines)
    texts = [line.text for line in lines]
    assert texts[0] == "On 4 June 2030, Mira Talven was detained."
    assert lines[0].sources == ["S2", "S3"]
    assert texts[1] == "On 5 June 2030, Mira Talven was placed under house arrest for three months."
    assert texts[2] == "On 6 June 2030, Mira Talven was charged with publishing false reports."
    # everything decided on the day of the deal, in one sentence, with every source behind it
    deal = next(line for line in lines if "plea deal" in line.text)
    assert deal.text == ("On 21 November 2030 (sources differ on the date), Mira Talven accepted a plea deal, "
                         "was fined 180,000 XYZ (about $390), was barred from continuing their activities "
                         "for four years and was released.")
    assert deal.sources == ["S1", "S4", "S5"]
    assert texts[-1] == ("As of 25 November 2030, Mira Talven was at liberty, "
                         "subject to a fine and a ban on their activities.")
    assert lines[-1].sources == status.sources


def test_the_same_summary_in_russian():
    status = assess_status(EVENTS, SOURCES, SUBJECT)
    texts = [line.text for line in summarize(SUBJECT, EVENTS, status, SOURCES, language="ru")]
    assert texts[0] == "4 июня 2030 года: Mira Talven — задержание."
    assert texts[1] == "5 июня 2030 года: Mira Talven — домашний арест на срок 3 месяца."
    assert texts[3] == ("21 ноября 2030 года (источники расходятся в дате): Mira Talven — сделка со следствием, "
                        "штраф 180 000 XYZ (около $390), запрет заниматься своей деятельностью на срок 4 года "
                        "и освобождение.")
    assert texts[-1] == ("По состоянию на 25 ноября 2030 года — Mira Talven: на свободе; "
                         "действуют ограничения: штраф и запрет на деятельность.")


def test_units_take_the_plural_form_their_number_asks_for():
    def said(duration: str, language: str) -> str:
        ev = _event("V1", "sentence", "2030-06-04", ["S1"], duration=duration)
        return summarize(SUBJECT, [ev], assess_status([], SOURCES, SUBJECT), SOURCES, language=language)[0].text
    assert said("P1Y", "en").endswith("sentenced to one year.")
    assert said("P21Y", "en").endswith("sentenced to 21 years.")
    assert said("P1Y6M", "en").endswith("sentenced to one year and six months.")
    assert said("P1Y", "ru").endswith("приговор: 1 год.")
    assert said("P3Y", "ru").endswith("приговор: 3 года.")
    assert said("P5Y", "ru").endswith("приговор: 5 лет.")
    assert said("P21Y2M", "ru").endswith("приговор: 21 год и 2 месяца.")
    assert said("P11M", "ru").endswith("приговор: 11 месяцев.")


def test_events_without_evidence_are_never_stated():
    bare = Event(id="V1", type="detention", date="2030-06-04", date_precision="day")
    status = assess_status([], SOURCES, SUBJECT)
    assert summarize(SUBJECT, [bare], status, SOURCES) == []


def test_a_suspended_sentence_is_told_as_one_and_its_release_as_no_end() -> None:
    """"Sentenced to two years suspended", the person convicted but at liberty; never "and was
    released", though the person left custody that day."""
    def sourced(ev: Event, quote: str) -> Event:
        return ev.model_copy(update={"evidence": [e.model_copy(update={"quote": quote}) for e in ev.evidence]})

    events = [_event("V1", "detention", "2030-06-04", ["S1"]),
              _event("V2", "conviction", "2030-09-10", ["S2"], charge="publishing false reports"),
              sourced(_event("V3", "sentence", "2030-09-10", ["S2"], duration="P2Y"),
                      "the court gave her a suspended sentence of two years"),
              sourced(_event("V4", "release", "2030-09-10", ["S2"]), "she was released from the courtroom")]
    sources = [Source(id="S1", file="1.txt", published="2030-06-05"), Source(id="S2", file="2.txt",
                                                                               published="2030-09-11")]
    status = assess_status(events, sources, SUBJECT)
    assert status.value == "convicted_at_liberty"
    texts = [line.text for line in summarize(SUBJECT, events, status, sources)]
    assert texts[1] == ("On 10 September 2030, Mira Talven was convicted of publishing false reports and was "
                        "sentenced to two years suspended.")
    assert not any("released" in t for t in texts), texts
    assert texts[-1] == "As of 11 September 2030, Mira Talven was convicted but at liberty."
    ru = [line.text for line in summarize(SUBJECT, events, status, sources, language="ru")]
    assert "приговор: 2 года условно" in ru[1], ru
    restricted = sourced(events[2], "приговорил к двум годам ограничения свободы")
    ru = [line.text for line in summarize(SUBJECT, [*events[:2], restricted, events[3]], status, sources, language="ru")]
    assert "приговор: 2 года (без лишения свободы)" in ru[1], ru
