"""What changed between two versions: acts keep their identity while their evidence grows,
entities are known by every name they were written with, and only real changes are told."""

from __future__ import annotations

from casefile.model import Attributes, CaseFile, Entity, Event, Evidence, Source, Status
from casefile.store.diff import describe, diff_casefiles
from casefile.store.identity import match_events

SOURCES = [Source(id=f"S{i}", file=f"{i}.txt", sha256=str(i) * 64) for i in range(1, 6)]


def _ev(id_: str, type_: str, date: str | None, *spans: tuple[str, int, int], **attrs: str) -> Event:
    return Event(id=id_, type=type_, date=date, attributes=Attributes(**attrs),
                 evidence=[Evidence(source=s, quote="words", start=a, end=b) for s, a, b in spans])


def _cf(events: list[Event] = (), entities: list[Entity] = (), status: Status | None = None,
        sources: int = 5) -> CaseFile:
    return CaseFile(generated_at="", sources=SOURCES[:sources], events=list(events), entities=list(entities),
                    status=status or Status())


def test_an_act_keeps_its_identity_when_part_of_its_evidence_moves_to_another_act() -> None:
    """A new report's February verdict took one report's sentence from the August one: the
    August verdict is the same act (most of its evidence), the February one is new."""
    old = _cf([_ev("V1", "detention", "2019-03-10", ("S1", 0, 30)),
               _ev("V2", "conviction", "2019-08-17", ("S1", 100, 180), ("S2", 40, 90), ("S3", 0, 60))], sources=3)
    new = _cf([_ev("V1", "detention", "2019-03-10", ("S1", 0, 30), ("S4", 0, 20)),
               _ev("V2", "conviction", "2019-02", ("S2", 40, 90), ("S4", 200, 260)),
               _ev("V3", "conviction", "2019-08-17", ("S1", 100, 180), ("S3", 0, 60))], sources=4)
    assert match_events(old, new) == {"V1": "V1", "V3": "V2"}
    lines = describe(diff_casefiles(old, new))
    assert "new event: conviction (2019-02)" in lines
    assert not any("conviction (2019-08-17)" in line or "date changed" in line for line in lines), lines


def test_an_act_split_by_a_new_report_continues_as_the_part_on_its_date() -> None:
    """Most of an act's evidence is dated a year later once a new report arrives: the act on its
    own date is still the act, the other one is new; no "date changed" and "new event" of one act."""
    old = _cf([_ev("V2", "detention", "2023-05-04", ("S1", 0, 300), ("S1", 800, 900), ("S2", 500, 600))], sources=2)
    new = _cf([_ev("V1", "detention", "2023-05-04", ("S1", 0, 300)),
               _ev("V5", "detention", "2024-05-04", ("S1", 800, 900), ("S2", 500, 600))], sources=3)
    assert match_events(old, new) == {"V1": "V2"}
    assert describe(diff_casefiles(old, new)) == ["new source: 3.txt", "new event: detention (2024-05-04)"]


def test_an_act_matched_by_its_evidence_tells_the_changes_of_its_own_values() -> None:
    old = _cf([_ev("V1", "charge", None, ("S1", 0, 40)), _ev("V2", "sentence", "2020-05-02", ("S1", 50, 90))])
    new = _cf([_ev("V4", "sentence", "2020-05-02", ("S1", 50, 90), ("S2", 0, 30), duration="P5Y"),
               _ev("V7", "charge", "2019-03-11", ("S2", 40, 80), ("S1", 0, 40))])
    lines = describe(diff_casefiles(old, new))
    assert lines == ["sentence: duration changed from none to 5 years", "charge: date changed from none to 2019-03-11"]


def test_acts_without_shared_evidence_are_paired_by_type_and_day() -> None:
    old = _cf([_ev("V1", "hearing", "2021-04-01", ("S1", 0, 10))])
    new = _cf([_ev("V1", "hearing", "2021-04-01", ("S2", 0, 10)), _ev("V2", "hearing", "2021-04", ("S3", 0, 10))])
    assert match_events(old, new) == {"V1": "V1"}
    assert describe(diff_casefiles(old, new)) == ["new event: hearing (2021-04)"]


def test_a_newer_report_moving_only_the_as_of_date_changes_no_status() -> None:
    old = _cf(status=Status(value="detained", as_of="2024-05-15"))
    new = _cf(status=Status(value="detained", as_of="2024-05-20"))
    assert diff_casefiles(old, new)["status"] is None
    assert describe(diff_casefiles(old, new)) == ["no changes"]
    bound = _cf(status=Status(value="detained", as_of="2024-05-20", conditions=["fine"]))
    assert describe(diff_casefiles(old, bound)) == ["conditions binding: fine (were: none)"]


def test_a_name_written_for_an_entity_before_is_no_new_entity_when_told_apart() -> None:
    """A court once taken for another spelling of its town is told apart from it: not new."""
    old = _cf(entities=[Entity(id="E1", type="organization", name="Westford", aliases=["Westford city court"])])
    new = _cf(entities=[Entity(id="E1", type="place", name="Westford"),
                        Entity(id="E2", type="organization", name="Westford city court")])
    lines = describe(diff_casefiles(old, new))
    assert not any(line.startswith("new ") for line in lines), lines
    assert "Westford city court (organization) told apart from Westford" in lines
    assert "Westford: type changed from organization to place" in lines


def test_an_entity_renamed_after_a_new_spelling_is_named_as_it_was() -> None:
    old = _cf(entities=[Entity(id="E3", type="place", name="U.K.")])
    new = _cf(entities=[Entity(id="E9", type="place", name="United Kingdom", aliases=["U.K."])])
    assert describe(diff_casefiles(old, new)) == ["U.K. also written: United Kingdom"]
    # and an entity known by an alias in an earlier version is not new across versions
    assert describe(diff_casefiles(new, _cf(entities=[Entity(id="E1", type="place", name="U.K.",
                                                             aliases=["Britain"])]))) == \
        ["United Kingdom also written: Britain", "United Kingdom now named U.K."]
