"""A case reported in English and in Russian is one case file: one entity per person across
scripts and transliterations, one event per act with evidence from both languages."""

from __future__ import annotations

from pathlib import Path

import pytest

from casefile.pipeline import build_case

MIXED = Path(__file__).parent / "fixtures" / "mixed"


@pytest.fixture(scope="module")
def cf():
    result = build_case([MIXED])
    assert result.problems == []
    return result.casefile


def _forms(e) -> set[str]:
    return {e.name, *e.aliases}


def test_each_person_is_one_entity_across_scripts(cf) -> None:
    people = [e for e in cf.entities if e.type == "person"]
    journalist = [e for e in people if _forms(e) & {"Aigerim Zhakupova", "Айгерим Жакупову"}]
    assert len(journalist) == 1
    assert {"Aigerim Zhakupova", "Aygerim Zhakupova", "Айгерим Жакупову"} <= _forms(journalist[0])
    assert journalist[0].id == cf.subject
    # the canonical name is a nominative, in either script
    assert journalist[0].name in {"Aigerim Zhakupova", "Aygerim Zhakupova", "Айгерим Жакупова"}
    lawyer = [e for e in people if _forms(e) & {"Timur Seitkaziev", "Тимур Сейтказиев"}]
    assert len(lawyer) == 1 and {"Timur Seitkaziev", "Тимур Сейтказиев"} <= _forms(lawyer[0])
    assert "lawyer" in lawyer[0].roles


def test_each_act_is_one_event_with_evidence_from_both_languages(cf) -> None:
    lang = {s.id: s.language for s in cf.sources}

    def one(kind: str):
        found = [v for v in cf.events if v.type == kind]
        assert len(found) == 1, [(v.type, v.date) for v in found]
        return found[0]

    detention = one("detention")
    assert detention.date == "2023-03-14"
    assert {lang[e.source] for e in detention.evidence} == {"en", "ru"}
    house_arrest = one("house_arrest")
    assert house_arrest.date == "2023-03-15" and house_arrest.attributes.duration == "P2M"
    assert {lang[e.source] for e in house_arrest.evidence} == {"en", "ru"}
    sentence = one("sentence")
    assert sentence.date == "2023-06-01" and sentence.attributes.duration == "P3Y"
    assert {lang[e.source] for e in sentence.evidence} == {"en", "ru"}
    for v in cf.events:
        for e in v.evidence:
            src = next(s for s in cf.sources if s.id == e.source)
            assert src.text[e.start:e.end] == e.quote


def test_quotes_stay_in_their_language_with_their_speaker(cf) -> None:
    lawyer = next(e.id for e in cf.entities if "Timur Seitkaziev" in _forms(e))
    texts = {q.text: q.speaker for q in cf.quotes}
    assert texts.get("This verdict punishes journalism") == lawyer
    assert texts.get("Этот приговор наказывает за журналистику") == lawyer
    assert cf.status.value == "imprisoned"
