"""Names and quotes read from a language's data alone: the mention and quote readers hold no word
of any language, so a language added as a resources folder (a blank spaCy tokenizer, its names as
EntityRuler patterns, its cue words and speech verbs) is read by the same code."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from casefile.model import Source
from casefile.read.language import forget, language
from casefile.read.mentions import extract_mentions, label_persons
from casefile.read.parse import parse, pipeline
from casefile.read.quotes import extract_quotes
from casefile.resources import add_root, remove_root

LANGUAGE = "name: Toy\nparser: {kind: blank, spacy_code: xx}\nentities: {PERSON: person, ORG: organization}\n"
ENTITIES = """
patterns:
  - {label: PERSON, pattern: Mara Vell}
  - {label: PERSON, pattern: Olo Brin}
  - {label: ORG, pattern: Kortumo Sudvala}
roles: {lawyer: [advokato], authority: [jugisto]}
types: {person: [advokato, jugisto, ĵurnalisto], organization: [kortumo]}
name_heads: {organization: [sudvala]}
name_roles: {authority: [kortumo]}
titles: [sro]
leading_words: [la, sro]
facilities: {codes: [KT], shape: null}
"""
QUOTES = """
marks: {"«": ["»"]}
speech_verbs: [diris, deklaris]
lead_in_fillers: [":", ","]
introducing_marks: [":"]
dashes: ["—"]
attribution_phrases: [laŭ]
min_words_unattributed: 4
min_words_attributed: 2
min_words_introduced: 2
pronouns: {li: male, ŝi: female}
"""


@pytest.fixture()
def toy(tmp_path: Path) -> Iterator[str]:
    root = tmp_path / "res"
    (root / "zq").mkdir(parents=True)
    (root / "zq" / "language.yaml").write_text(LANGUAGE, encoding="utf-8")
    (root / "zq" / "entities.yaml").write_text(ENTITIES, encoding="utf-8")
    (root / "zq" / "quotes.yaml").write_text(QUOTES, encoding="utf-8")
    add_root(root)
    forget()
    try:
        yield "zq"
    finally:
        remove_root(root)
        forget()
        pipeline.cache_clear()


def _read(code: str, text: str):  # type: ignore[no-untyped-def]
    src = Source(id="S1", file="t.txt", language=code, text=text)
    doc = parse(code, text)
    lang = language(code)
    ms = extract_mentions(doc, src, lang)
    label_persons(doc, ms, lang)
    return ms, extract_quotes(doc, src, ms, lang)


def test_names_roles_and_codes_come_from_the_language_data(toy: str) -> None:
    text = "La advokato Mara Vell vizitis Olo Brin en KT-4. Kortumo Sudvala juĝis lin."
    ms, _ = _read(toy, text)
    by_text = {m.text: m for m in ms}
    assert by_text["Mara Vell"].role_hints == ["lawyer"] and by_text["Mara Vell"].type == "person"
    assert by_text["Olo Brin"].role_hints == []
    assert by_text["KT-4"].type == "place"
    assert by_text["Kortumo Sudvala"].type == "organization" and "authority" in by_text["Kortumo Sudvala"].role_hints
    for m in ms:
        assert text[m.start:m.end] == m.text


def test_a_quote_and_its_speaker_come_from_the_language_data(toy: str) -> None:
    text = "Mara Vell deklaris: «Ni apelacios la verdikton hodiaŭ.»\nLaŭ Olo Brin, «la proceso estis maljusta».\n"
    ms, qs = _read(toy, text)
    names = {m.id: m.text for m in ms}
    assert [(q.text, names.get(q.speaker or "")) for q in qs] == [
        ("Ni apelacios la verdikton hodiaŭ.", "Mara Vell"), ("la proceso estis maljusta", "Olo Brin")]


def test_a_language_without_name_hooks_keeps_names_as_written(toy: str) -> None:
    ms, _ = _read(toy, "Sro Olo Brin venis.")
    # the title stays in the text as written; the name is looked up without it
    assert [(m.text, m.norm, m.type) for m in ms] == [("Sro Olo Brin", "Olo Brin", "person")]
