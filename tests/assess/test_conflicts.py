"""Conflicts between sources on one event, from hand-built events."""

from __future__ import annotations

from casefile.assess.conflicts import find_conflicts
from casefile.model import Amount, Attributes, Event, Evidence


def _ev(source: str, quote: str = "x", **facts) -> Evidence:
    return Evidence(source=source, quote=quote, start=0, end=len(quote), **facts)


def _day(source: str, value: str) -> Evidence:
    return _ev(source, date=value, date_precision="day" if len(value) == 10 else "month")


def test_release_dates_two_against_one_conflict_and_majority_wins():
    ev = Event(id="V1", type="release", date="2031-06-15", date_precision="day",
               evidence=[_day("S1", "2031-06-14"), _day("S2", "2031-06-15"), _day("S3", "2031-06-14")])
    events, conflicts = find_conflicts([ev])
    assert len(conflicts) == 1
    c = conflicts[0]
    assert (c.id, c.event, c.field) == ("C1", "V1", "date")
    assert [(v.value, v.sources) for v in c.values] == [("2031-06-14", ["S1", "S3"]), ("2031-06-15", ["S2"])]
    assert events[0].date == "2031-06-14" and events[0].date_precision == "day"


def test_coarse_date_containing_the_fine_one_is_no_conflict():
    ev = Event(id="V1", type="detention", evidence=[_day("S1", "2031-06-14"), _day("S2", "2031-06")])
    events, conflicts = find_conflicts([ev])
    assert conflicts == []
    assert events[0].date == "2031-06-14"


def test_month_outside_the_day_is_a_conflict():
    ev = Event(id="V1", type="charge", evidence=[_day("S1", "2031-06-03"), _day("S2", "2031-05")])
    _, conflicts = find_conflicts([ev])
    assert [sorted(v.value for v in c.values) for c in conflicts] == [["2031-05", "2031-06-03"]]


def test_dates_a_year_apart_are_two_events_not_a_conflict():
    ev = Event(id="V1", type="conviction", evidence=[_day("S1", "2031-09-03"), _day("S2", "2032-09-08")])
    events, conflicts = find_conflicts([ev])
    assert conflicts == []
    assert "more than one event" in (events[0].note or "")


def test_one_source_giving_two_dates_is_not_a_conflict_between_sources():
    ev = Event(id="V1", type="hearing", evidence=[_day("S1", "2031-09-03"), _day("S1", "2031-09-04")])
    assert find_conflicts([ev])[1] == []


def test_rounded_and_approximate_amounts_agree():
    ev = Event(id="V1", type="fine", attributes=Attributes(amount=Amount(value=250000, currency="XYZ", usd=433)),
               evidence=[_ev("S1", "fined 250,000 (about $433)", amount=Amount(value=250000, currency="XYZ", usd=433)),
                         _ev("S2", "a fine of $440", amount=Amount(value=440, currency="USD", usd=440)),
                         _ev("S3", "fined almost $450", amount=Amount(value=450, currency="USD", usd=450))])
    assert find_conflicts([ev])[1] == []


def test_amounts_that_really_differ_conflict_in_a_common_currency():
    ev = Event(id="V1", type="fine",
               evidence=[_ev("S1", "fined $500", amount=Amount(value=500, currency="USD", usd=500)),
                         _ev("S2", "fined $800", amount=Amount(value=800, currency="USD", usd=800)),
                         _ev("S3", "a fine of $800", amount=Amount(value=800, currency="USD", usd=800))])
    events, conflicts = find_conflicts([ev])
    assert len(conflicts) == 1 and conflicts[0].field == "amount"
    assert [(v.value["value"], v.sources) for v in conflicts[0].values] == [(800, ["S2", "S3"]), (500, ["S1"])]
    assert events[0].attributes.amount is not None and events[0].attributes.amount.value == 800


def test_amounts_far_apart_are_two_facts_not_a_conflict():
    ev = Event(id="V1", type="fine",
               evidence=[_ev("S1", "fined $150", amount=Amount(value=150, currency="USD", usd=150)),
                         _ev("S2", "fined $440", amount=Amount(value=440, currency="USD", usd=440))])
    assert find_conflicts([ev])[1] == []


def test_a_bound_or_a_total_is_not_compared_with_the_term():
    ev = Event(id="V1", type="house_arrest",
               evidence=[_ev("S1", "placed under house arrest for two months", duration="P2M"),
                         _ev("S2", "spent more than five months under house arrest in all", duration="P5M")])
    events, conflicts = find_conflicts([ev])
    assert conflicts == []
    assert events[0].attributes.duration == "P2M"


def test_close_terms_that_differ_conflict():
    ev = Event(id="V1", type="sentence",
               evidence=[_ev("S1", "sentenced to seven years", duration="P7Y"),
                         _ev("S2", "sentenced to eight years", duration="P8Y")])
    _, conflicts = find_conflicts([ev])
    assert [c.field for c in conflicts] == ["duration"]


def test_conflicts_stay_within_one_event():
    a = Event(id="V1", type="release", evidence=[_day("S1", "2031-06-14")])
    b = Event(id="V2", type="release", evidence=[_day("S2", "2031-06-15")])
    assert find_conflicts([a, b])[1] == []




def test_terms_far_apart_are_a_conflict_on_a_sentence_and_a_note_on_a_custody():
    # a sentence is given once: consolidation holds unlike terms in one only when it knows them for one act
    ev = Event(id="V1", type="sentence",
               evidence=[_ev("S1", "sentenced to nine years", duration="P9Y"),
                         _ev("S2", "sentenced to two years", duration="P2Y")])
    _, conflicts = find_conflicts([ev])
    assert [(c.field, sorted(v.value for v in c.values)) for c in conflicts] == [("duration", ["P2Y", "P9Y"])]
    # a custody's term and its extension, told as one
    ev = Event(id="V1", type="house_arrest",
               evidence=[_ev("S1", "under house arrest for two months", duration="P2M"),
                         _ev("S2", "under house arrest for six months", duration="P6M")])
    events, conflicts = find_conflicts([ev])
    assert conflicts == [] and "far apart" in (events[0].note or "")


def test_dates_a_year_apart_in_one_month_are_a_conflict_on_the_year_shown_to_the_shared_precision():
    ev = Event(id="V1", type="charge", evidence=[_day("S1", "2031-04-14"), _day("S2", "2031-04-14"),
                                                 _day("S3", "2032-04")])
    events, conflicts = find_conflicts([ev])
    assert [(v.value, v.sources) for c in conflicts for v in c.values] == [("2031-04", ["S1", "S2"]), ("2032-04", ["S3"])]
    assert events[0].date == "2031-04-14" and not events[0].note
    # two years off: far apart, two acts more likely than one
    ev = Event(id="V1", type="charge", evidence=[_day("S1", "2031-04-14"), _day("S3", "2033-04")])
    events, conflicts = find_conflicts([ev])
    assert conflicts == [] and "far apart" in (events[0].note or "")
