"""Review decisions on a small hand-made case file: values checked per field, picks among the
sources' values, splits that move only the sources an alias is written in, no self-merge."""

from __future__ import annotations

import pytest

from casefile.model import (
    CaseFile,
    Conflict,
    ConflictValue,
    Entity,
    Event,
    Evidence,
    Participant,
    Source,
    Status,
)
from casefile.store.identity import entity_key, event_key
from casefile.store.review import (
    Decision,
    ReviewError,
    apply_decisions,
    check_decision,
    check_value,
    written_in,
)

ONE = "Police detained the blogger Ona Vell in Norbury on 17 August 2019."
TWO = "Ona Vell was detained on 20 August 2019. Her brother Teo Vell said the police gave no reason."
THREE = "The blogger Vell, detained in August 2019, was charged with fraud; Teo Vell's house was searched."


def _cf() -> CaseFile:
    sources = [Source(id=f"S{i}", file=f"r{i}.txt", text=t, sha256=f"h{i}") for i, t in enumerate((ONE, TWO, THREE), 1)]
    ona = Entity(id="E1", type="person", name="Ona Vell", aliases=["Teo Vell", "Vell"], roles=["subject"],
                 sources=["S1", "S2", "S3"])
    town = Entity(id="E2", type="place", name="Norbury", sources=["S1"])
    detention = Event(
        id="V1", type="detention", date="2019-08-17", date_precision="day",
        participants=[Participant(entity="E1", role="subject")],
        evidence=[Evidence(source="S1", quote=ONE[:43], start=0, end=43, date="2019-08-17", date_precision="day"),
                  Evidence(source="S2", quote=TWO[:39], start=0, end=39, date="2019-08-20", date_precision="day")])
    conflict = Conflict(id="C1", event="V1", field="date",
                        values=[ConflictValue(value="2019-08-17", sources=["S1"]),
                                ConflictValue(value="2019-08-20", sources=["S2"])])
    return CaseFile(generated_at="2030-01-01T00:00:00Z", subject="E1", sources=sources, entities=[ona, town],
                    events=[detention], conflicts=[conflict], status=Status(value="detained", sources=["S1"]))


# --------------------------------------------------------------------------- values per field


@pytest.mark.parametrize("value", ["spring 2024", "2024-13", "2024-02-30", "24-05-14", "2024/05/14", "", "--05-02"])
def test_a_date_that_is_no_date_is_refused_with_the_forms_a_date_takes(value: str) -> None:
    with pytest.raises(ReviewError, match="YYYY, YYYY-MM or YYYY-MM-DD"):
        check_decision(_cf(), "correct", {}, {"field": "date", "value": value})


@pytest.mark.parametrize("value", ["2024", "2024-05", "2024-02-29", " 2024-05-14 "])
def test_a_date_at_any_precision_is_accepted(value: str) -> None:
    assert check_decision(_cf(), "correct", {}, {"field": "date", "value": value})["value"] == value.strip()


def test_amounts_and_durations_are_checked_and_written_one_way() -> None:
    assert check_value("amount", "150,000 kzt") == "150000 KZT"
    assert check_value("amount", "USD 300.50") == "300.5 USD"
    assert check_value("duration", "p1y6m") == "P1Y6M"
    for field, bad in (("amount", "a lot"), ("amount", "300"), ("amount", "0 USD"), ("amount", "1,5 EUR"),
                       ("duration", "two months"), ("duration", "P0D"), ("duration", "PT5H"), ("charge", "  "),
                       ("colour", "red")):
        with pytest.raises(ReviewError):
            check_value(field, bad)


def test_a_stored_correction_whose_value_is_bad_is_listed_unapplied_not_raised() -> None:
    cf = _cf()
    d = Decision(kind="correct", target=event_key(cf.events[0], cf), payload={"field": "date", "value": "spring 2024"}, id=7)
    out, unapplied = apply_decisions(cf, [d])
    assert out.events[0].date == "2019-08-17"
    assert unapplied and unapplied[0]["decision"] == 7 and "YYYY" in unapplied[0]["reason"]


# --------------------------------------------------------------------------- picks


def test_a_pick_takes_one_of_the_conflicts_values_only() -> None:
    cf = _cf()
    target = event_key(cf.events[0], cf)
    with pytest.raises(ReviewError, match="not one of the values the sources give.*correct the date"):
        check_decision(cf, "pick", target, {"field": "date", "value": "2019-08-19"})
    assert check_decision(cf, "pick", target, {"field": "date", "value": "2019-08-20"})["value"] == "2019-08-20"


def test_a_picked_conflict_reads_as_settled_in_the_summary() -> None:
    cf = _cf()
    from casefile.assess.summary import summarize

    cf.summary = summarize(cf.entities[0], cf.events, cf.status, cf.sources)
    assert any("sources differ" in s.text for s in cf.summary)  # before the pick
    d = Decision(kind="pick", target=event_key(cf.events[0], cf), payload={"field": "date", "value": "2019-08-20"},
                 note="court record", user="ana")
    out, unapplied = apply_decisions(cf, [d])
    assert unapplied == []
    assert out.events[0].date == "2019-08-20" and out.conflicts[0].resolved["value"] == "2019-08-20"
    assert out.summary and not any("differ" in s.text for s in out.summary)
    assert any("20 August 2019" in s.text for s in out.summary)


# --------------------------------------------------------------------------- merge and split


def test_merging_an_entity_with_itself_is_refused() -> None:
    cf = _cf()
    key = entity_key(cf.entities[0])
    with pytest.raises(ReviewError, match="itself"):
        check_decision(cf, "merge", {"into": key, "other": dict(key)}, None)
    # two keys that find one entity (its name, and one of its aliases alone)
    with pytest.raises(ReviewError, match="one entity already"):
        check_decision(cf, "merge", {"into": key, "other": {"type": "person", "names": ["vell"]}}, None)


def test_a_split_alias_takes_only_the_sources_it_is_written_in() -> None:
    cf = _cf()
    d = Decision(kind="split", target=entity_key(cf.entities[0]), payload={"alias": "Teo Vell"})
    out, unapplied = apply_decisions(cf, [d])
    assert unapplied == []
    teo = next(e for e in out.entities if e.name == "Teo Vell")
    assert teo.sources == ["S2", "S3"]  # S1 never names him
    ona = next(e for e in out.entities if e.name == "Ona Vell")
    assert ona.sources == ["S1", "S2", "S3"] and "Teo Vell" not in ona.aliases  # S3 still says "Vell"


def test_a_split_alias_written_in_no_source_is_refused() -> None:
    cf = _cf()
    cf.entities[0].aliases.append("Onna Vel")
    d = Decision(kind="split", target=entity_key(cf.entities[0]), payload={"alias": "Onna Vel"})
    _, unapplied = apply_decisions(cf, [d])
    assert unapplied and "written in none of the sources" in unapplied[0]["reason"]


def test_a_name_is_found_in_its_inflected_forms_only() -> None:
    assert written_in("Суд арестовал Дину Мусину в пятницу.", "Дина Мусина")
    assert written_in("Ms Roe's lawyer", "Roe")
    assert not written_in("Roeland spoke", "Roe")
    assert not written_in("Smithsonian staff", "Smith")


def test_a_term_is_picked_as_show_writes_it_or_in_iso_form() -> None:
    cf = _cf()
    v = cf.events[0]
    v.evidence[0].duration, v.evidence[1].duration = "P2M", "P3M"
    cf.conflicts.append(Conflict(id="C2", event="V1", field="duration",
                                 values=[ConflictValue(value="P2M", sources=["S1"]),
                                         ConflictValue(value="P3M", sources=["S2"])]))
    target = event_key(v, cf)
    assert check_decision(cf, "pick", target, {"field": "duration", "value": "3 months"})["value"] == "P3M"
    assert check_decision(cf, "pick", target, {"field": "duration", "value": "p2m"})["value"] == "P2M"
    with pytest.raises(ReviewError, match="not one of the values"):
        check_decision(cf, "pick", target, {"field": "duration", "value": "4 months"})
