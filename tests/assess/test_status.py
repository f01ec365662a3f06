"""Status as of the newest source, from hand-built events."""

from __future__ import annotations

from casefile.assess.status import assess_status
from casefile.model import Amount, Attributes, Entity, Event, Evidence, Participant, Source

SUBJECT = Entity(id="E1", type="person", name="Mira Talven", roles=["subject"])


def _event(vid: str, etype: str, date: str, sources: list[str], quote: str = "x", who: str = "E1", **attrs) -> Event:
    return Event(id=vid, type=etype, date=date, date_precision="day" if len(date) == 10 else "month",
                 participants=[Participant(entity=who, role="subject")], attributes=Attributes(**attrs),
                 evidence=[Evidence(source=s, quote=quote, start=0, end=len(quote)) for s in sources])


def _sources(*published: str | None) -> list[Source]:
    return [Source(id=f"S{i}", file=f"{i}.txt", published=p) for i, p in enumerate(published, start=1)]


def test_released_with_the_conditions_of_the_deal():
    events = [
        _event("V1", "fine", "2030-04", ["S3"], amount=Amount(value=120, currency="USD")),
        _event("V2", "detention", "2030-06-04", ["S2"]),
        _event("V3", "house_arrest", "2030-06-05", ["S2", "S4"], duration="P3M"),
        _event("V4", "release", "2030-11-21", ["S1", "S4"]),
        _event("V5", "plea_deal", "2030-11-21", ["S1"]),
        _event("V6", "fine", "2030-11-21", ["S1", "S3"], amount=Amount(value=390, currency="USD")),
        _event("V7", "activity_ban", "2030-11-21", ["S1"], duration="P4Y"),
    ]
    st = assess_status(events, _sources("2030-11-23", "2030-06-08", "2030-11-25", "2030-11"), SUBJECT)
    assert st.value == "released"
    assert st.as_of == "2030-11-25"
    # the April fine belongs to an earlier matter; the deal's fine and ban still bind
    assert st.conditions == ["fine", "activity_ban"]
    assert st.sources == ["S1", "S3", "S4"]


def test_a_ban_that_has_run_out_no_longer_binds():
    events = [_event("V1", "detention", "2030-01-05", ["S1"]),
              _event("V2", "release", "2030-01-20", ["S1"]),
              _event("V3", "travel_ban", "2030-01-20", ["S2"], duration="P6M")]
    st = assess_status(events, _sources("2030-01-21", "2031-03-01"), SUBJECT)
    assert st.value == "released" and st.conditions == []


def test_a_custodial_sentence_means_prison_and_a_suspended_one_liberty():
    jailed = [_event("V1", "detention", "2030-09-02", ["S1"]),
              _event("V2", "sentence", "2031-02-26", ["S2"], "was given nine years in a penal colony",
                     duration="P9Y")]
    assert assess_status(jailed, _sources("2030-09-03", "2031-02-27"), SUBJECT).value == "imprisoned"
    suspended = [_event("V1", "sentence", "2031-02-26", ["S1"], "received a three-year suspended sentence",
                        duration="P3Y")]
    assert assess_status(suspended, _sources("2031-02-27"), SUBJECT).value == "convicted_at_liberty"


def test_sentenced_then_freed_and_gone_abroad_the_same_day():
    events = [_event("V1", "sentence", "2031-02-26", ["S1"], duration="P9Y"),
              _event("V2", "transfer", "2031-05-12", ["S2"]),
              _event("V3", "release", "2032-10-07", ["S3"]),
              _event("V4", "exile", "2032-10-07", ["S3"])]
    st = assess_status(events, _sources("2031-02-26", "2031-05-13", "2032-10-08"), SUBJECT)
    assert st.value == "in_exile" and st.sources == ["S3"]


def test_events_about_someone_else_do_not_change_the_subjects_status():
    events = [_event("V1", "detention", "2030-07-22", ["S1"]),
              _event("V2", "release", "2030-08-09", ["S2"], who="E9")]
    assert assess_status(events, _sources("2030-07-23", "2030-08-10"), SUBJECT).value == "detained"


def test_no_events_is_unknown_but_dated():
    st = assess_status([], _sources(None, "2030-05-01"), SUBJECT)
    assert (st.value, st.as_of, st.sources) == ("unknown", "2030-05-01", [])


def test_a_month_only_report_follows_the_days_of_that_month():
    # "released in May" and "detained on 3 May": the release came after
    events = [_event("V1", "release", "2030-05", ["S2"]), _event("V2", "detention", "2030-05-03", ["S1"])]
    assert assess_status(events, _sources("2030-05-04", "2030-06-01"), SUBJECT).value == "released"


def test_as_of_is_never_older_than_the_facts_it_rests_on():
    events = [_event("V1", "release", "2031-02-01", ["S1"])]
    assert assess_status(events, _sources("2030-12-30"), SUBJECT).as_of == "2031-02-01"


def test_an_arrest_or_a_term_in_absentia_puts_no_one_in_custody():
    from casefile.assess.summary import summarize

    arrest = _event("V1", "detention", "2031-06", ["S1"], "Суд заочно арестовал журналиста в июне")
    st = assess_status([arrest], _sources("2031-06"), SUBJECT)
    assert st.value == "unknown"
    term = _event("V2", "sentence", "2032-08-06", ["S2"], "was sentenced in absentia to eight years", duration="P8Y")
    assert assess_status([arrest, term], _sources("2031-06", "2032-08-06"), SUBJECT).value == "convicted_at_liberty"
    left = _event("V0", "exile", "2030-03", ["S1"], "left the country")
    assert assess_status([left, arrest, term], _sources("2031-06", "2032-08-06"), SUBJECT).value == "in_exile"
    # the same term handed down in court puts the person in prison
    present = _event("V2", "sentence", "2032-08-06", ["S2"], "was sentenced to eight years", duration="P8Y")
    assert assess_status([arrest, present], _sources("2031-06", "2032-08-06"), SUBJECT).value == "imprisoned"
    text = " ".join(s.text for s in summarize(SUBJECT, [arrest, term], st, _sources("2031-06", "2032-08-06")))
    assert "detained in absentia" in text and "sentenced to eight years in absentia" in text


def test_non_custodial_cues_match_inflected_words_and_other_wordings():
    limited = _event("V1", "sentence", "2031-02-26", ["S1"], "sentenced to one year of “freedom limitation”",
                     duration="P1Y")
    assert assess_status([limited], _sources("2031-02-27"), SUBJECT).value == "convicted_at_liberty"
    restricted = _event("V1", "sentence", "2031-02-26", ["S1"], "приговорил к двум годам ограничения свободы",
                        duration="P2Y")
    assert assess_status([restricted], _sources("2031-02-27"), SUBJECT).value == "convicted_at_liberty"


def test_a_suspended_or_non_custodial_term_is_a_conviction_at_liberty_after_its_release_too():
    """Released from custody on the day of a suspended sentence: convicted at liberty, not
    released; the same with restricted freedom, in either language."""
    for quote in ("was released after a court gave her a suspended sentence of three years",
                  "was given three years of probation and walked free",
                  "приговорил к трем годам условно",
                  "получила условный срок — три года",
                  "приговорил к трем годам ограничения свободы"):
        events = [_event("V1", "detention", "2031-01-10", ["S1"]),
                  _event("V2", "conviction", "2031-06-02", ["S2"], "found guilty"),
                  _event("V3", "sentence", "2031-06-02", ["S2"], quote, duration="P3Y"),
                  _event("V4", "release", "2031-06-02", ["S2"], "walked free from the courtroom")]
        st = assess_status(events, _sources("2031-01-11", "2031-06-03"), SUBJECT)
        assert st.value == "convicted_at_liberty", quote
    # a custodial term served, then a release: released
    served = [_event("V1", "sentence", "2031-06-02", ["S1"], "was sentenced to three years", duration="P3Y"),
              _event("V2", "release", "2034-06-02", ["S2"], "was released")]
    assert assess_status(served, _sources("2031-06-03", "2034-06-03"), SUBJECT).value == "released"


def test_a_term_served_at_liberty_lets_the_conditions_before_it_bind():
    """A suspended sentence takes no one into custody: a ban ordered before it still binds."""
    events = [_event("V1", "detention", "2031-01-10", ["S1"]),
              _event("V2", "travel_ban", "2031-02-01", ["S1"], "barred from leaving the city", duration="P5Y"),
              _event("V3", "sentence", "2031-06-02", ["S2"], "a suspended sentence of two years", duration="P2Y")]
    assert assess_status(events, _sources("2031-02-02", "2031-06-03"), SUBJECT).conditions == ["travel_ban"]


def test_a_penal_colony_or_parole_is_no_term_served_at_liberty():
    """"исправительная колония" is a prison, "условно-досрочное освобождение" parole from one;
    "suspended from his post" no suspended term; correctional labour is a term at liberty."""
    for quote in ("приговорил к шести годам лишения свободы с отбыванием в исправительной колонии",
                  "приговорил к шести годам колонии; через три года он сможет выйти условно-досрочно",
                  "was sentenced to six years and suspended from his post"):
        term = _event("V1", "sentence", "2031-06-02", ["S1"], quote, duration="P6Y")
        assert assess_status([term], _sources("2031-06-03"), SUBJECT).value == "imprisoned", quote
    labour = _event("V1", "sentence", "2031-06-02", ["S1"], "приговорил к году исправительных работ", duration="P1Y")
    assert assess_status([labour], _sources("2031-06-03"), SUBJECT).value == "convicted_at_liberty"
    uk = _event("V1", "sentence", "2031-06-02", ["S1"], "two years in prison, suspended for three years",
                duration="P2Y")
    assert assess_status([uk], _sources("2031-06-03"), SUBJECT).value == "convicted_at_liberty"


def test_a_pardon_on_a_day_ends_the_verdict_known_only_to_its_month():
    # "sentenced to eight years earlier this month" (May), "pardoned on 22 May"
    events = [
        _event("V1", "detention", "2031-05", ["S2"]),
        _event("V2", "conviction", "2033-05", ["S1", "S2"]),
        _event("V3", "sentence", "2033-05", ["S1", "S2"], duration="P8Y"),
        _event("V4", "pardon", "2033-05-22", ["S1"]),
    ]
    st = assess_status(events, _sources("2033-05-22", "2033-05-22"), SUBJECT)
    assert st.value == "released"
    # a custody act of another month after the pardon still counts
    events.append(_event("V5", "detention", "2033-07", ["S2"]))
    assert assess_status(events, _sources("2033-07-22", "2033-07-22"), SUBJECT).value == "detained"


def test_a_transfer_after_a_release_is_custody_again():
    events = [_event("V1", "sentence", "2030-02-26", ["S1"], duration="P2Y"),
              _event("V2", "release", "2032-02-20", ["S2"]),
              _event("V3", "transfer", "2035-03-10", ["S3"])]
    st = assess_status(events, _sources("2030-02-27", "2032-02-21", "2035-03-12"), SUBJECT)
    assert st.value == "detained" and st.sources == ["S3"]
