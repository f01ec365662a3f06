"""Grouping reports into cases by the person they are about, across spellings and scripts."""

from __future__ import annotations

from casefile.batch.grouping import block_key, group_reports, latin, same_person


def _p(*forms: str) -> dict:
    return {"name": forms[0], "forms": list(forms)}


def test_transliterations_and_cyrillic_are_one_person() -> None:
    assert same_person("Aigerim Zhakupova", "Aygerim Jaqupova")
    assert same_person("Айгерим Жакупова", "Aigerim Zhakupova")
    assert same_person("Yerzhan Lebedev", "Erzhan Lebedev")
    assert latin("Айгерим Жакупова") in ("aigerim zhakupova", "aygerim zhakupova")


def test_different_people_with_similar_names_stay_apart() -> None:
    assert not same_person("Marat Sadykov", "Marat Sadyrov") or block_key("Marat Sadykov") != block_key("Marat Sadyrov")
    assert not same_person("Dina Usmanova", "Zarina Usmanova")
    assert not same_person("Ivan Petrov", "Ivan Popov")


def test_reports_group_by_person_and_a_report_about_two_people_feeds_both() -> None:
    cases = group_reports([
        ("r1", [_p("Aigerim Zhakupova", "Zhakupova")]),
        ("r2", [_p("Aygerim Jaqupova")]),
        ("r3", [_p("Айгерим Жакупова", "Жакупову")]),
        ("r4", [_p("Timur Ospanov")]),
        ("r5", [_p("Timur Ospanov"), _p("Aigerim Zhakupova")]),
        ("r6", [_p("Ospanov")]),  # a surname alone founds no case
    ])
    by_docs = {tuple(c.docs) for c in cases}
    assert ("r1", "r2", "r3", "r5") in by_docs
    assert ("r4", "r5") in by_docs
    assert len(cases) == 2
    assert all(c.id and c.id == c.id.lower() for c in cases)


def test_a_person_in_one_act_of_background_founds_no_case() -> None:
    from pathlib import Path

    from casefile.batch.stages import case_persons
    from casefile.ingest import read_source
    from casefile.read import read_sources

    text = (b"Published: 6 May 2031\n\nPolice in Tbilisi detained the blogger Ann Lee on 3 May 2031, her lawyer said. "
            b"A court remanded Lee in custody for two months the next day. Her mentor, the poet Tom Roe, "
            b"was killed in 2015.\n")
    src = read_source(Path("r.txt"), text, "S1")
    (analysis,) = read_sources([src])
    assert [p["name"] for p in case_persons(src, analysis)] == ["Ann Lee"]
