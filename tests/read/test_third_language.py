"""A third language added from a resources folder alone: no code, no model. Its words of acts,
time and names are data, read by the same engine as English and Russian (issue 16)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from casefile.model import Source
from casefile.read import read_sources
from casefile.read.language import forget
from casefile.read.parse import pipeline
from casefile.resources import add_root, remove_root

# A toy language with an Esperanto look: a blank spaCy tokenizer, names from patterns.
FILES = {
    "language.yaml": "name: Toy\nparser: {kind: blank, spacy_code: xx}\n"
                     "entities: {PERSON: person, ORG: organization, LOC: place}\n",
    "entities.yaml": "patterns:\n  - {label: PERSON, pattern: Mara Vell}\n  - {label: LOC, pattern: Tarvo}\n"
                     "types: {person: [aktivulino, ĵurnalisto]}\n",
    "triggers.yaml": "near: {depth: 2, head: false, after: 5}\n"
                     "rules:\n"
                     "  - {type: detention, lemma: [arestis, arestita]}\n"
                     "  - {type: release, lemma: [liberigis, liberigita]}\n"
                     "  - {type: sentence, lemma: [kondamnis], with: [jaroj]}\n",
    "factuality.yaml": "negation: [ne]\nirrealis: [povus, postulis]\n",
    "acts.yaml": "person_pronouns: [ŝi, li, ŝin, lin]\n",
    "dates.yaml": "match_on: lower\n"
                  "months: {1: [januaro], 3: [marto], 5: [majo], 6: [junio]}\n"
                  "fillers: [de, la]\nprepositions: [en]\nday_suffixes: [an]\n",
    "numbers.yaml": "numerals: {unu: 1, du: 2, tri: 3, kvin: 5}\n",
    "amounts.yaml": "units: {Y: [jaroj], M: [monatoj]}\n",
}


@pytest.fixture()
def toy(tmp_path: Path) -> Iterator[str]:
    folder = tmp_path / "zt"
    folder.mkdir()
    for name, text in FILES.items():
        (folder / name).write_text(text, encoding="utf-8")
    add_root(tmp_path)
    forget()
    try:
        yield "zt"
    finally:
        remove_root(tmp_path)
        forget()
        pipeline.cache_clear()


def read(code: str, text: str) -> list[tuple[str, str | None, list[str]]]:
    src = Source(id="S1", file="t.txt", language=code, text=text, published="2021-06-10", published_basis="dateline")
    a = read_sources([src])[0]
    names = {m.id: m.text for m in a.mentions}
    return [(e.type, e.date, [names[p] for p, _ in e.participants]) for e in a.events]


def test_a_language_from_a_folder_alone_reads_acts_dates_and_names(toy: str) -> None:
    got = read(toy, "La polico arestis Mara Vell la 3an de majo 2021 en Tarvo. "
                    "La tribunalo kondamnis ŝin al kvin jaroj la 7an de junio.")
    assert ("detention", "2021-05-03") in [(t, d) for t, d, _ in got]
    assert ("sentence", "2021-06-07") in [(t, d) for t, d, _ in got]


def test_its_negations_and_demands_are_data_too(toy: str) -> None:
    assert read(toy, "La polico ne arestis Mara Vell la 3an de majo 2021.") == []
    assert read(toy, "Amikoj postulis liberigita Mara Vell.") == []
