"""The redactor: every spelling of a sensitive name, inside tokens, in any script, offsets kept."""

from __future__ import annotations

import json

from casefile.model import CaseFile, Entity, Source
from casefile.store.redaction import BLOCK, WITHHELD, Redactor, redact

R = Redactor.of_names(["Dilnoza Kurbanova", "Дильноза Курбанова"])


def test_a_name_is_withheld_in_every_spelling_and_keeps_the_text_length() -> None:
    for text in ("Dilnoza Kurbanova spoke.", "KURBANOVA spoke.", "kurbanova spoke.", "Kourbanova spoke.",
                 "Qurbanova spoke.", "Курбанова сказала.", "Курбановой не дали слова."):
        out = R.text(text)
        assert len(out) == len(text)
        assert "urbanov" not in out.lower() and "урбанов" not in out.lower(), out
        assert "spoke" in out or "сказала" in out or "слова" in out


def test_a_name_inside_a_compound_token_or_a_file_name_is_withheld() -> None:
    for text in ("#FreeDilnozaKurbanova", "#freekurbanova", "kurbanova_statement.txt", "KurbanovaCase-2024.pdf",
                 "#СвободуКурбановой"):
        assert "urbanov" not in R.text(text).lower() and "урбанов" not in R.text(text).lower(), R.text(text)
    assert R.text("kurbanova_statement.txt").endswith("_statement.txt")


def test_other_words_and_references_are_kept() -> None:
    text = "The court in Kurgan heard Anna Petrova on 2024-03-05; see S1 and E12."
    assert R.text(text) == text
    assert R.value({"id": "E12", "date": "2024-03-05", "name": "Kurbanova"}) == {
        "id": "E12", "date": "2024-03-05", "name": BLOCK * 9}


def test_an_html_or_json_escaped_form_is_withheld() -> None:
    r = Redactor.of_names(["Aoife O'Rourke"])
    assert "Rourke" not in r.text("Aoife O&#x27;Rourke and O&#39;Rourke")
    assert "Rourke" not in r.text(json.dumps({"n": "O'Rourke"}))


def test_redact_withholds_the_entity_and_every_text_of_the_case_file() -> None:
    text = "Dilnoza Kurbanova was detained. #FreeKurbanova"
    cf = CaseFile(
        generated_at="2024-01-01T00:00:00Z",
        sources=[Source(id="S1", file="kurbanova-interview.txt", text=text, title="Kurbanova detained")],
        entities=[Entity(id="E1", type="person", name="Dilnoza Kurbanova", aliases=["Курбанова"], sensitive=True),
                  Entity(id="E2", type="person", name="Ms Kurbanova")])
    out = redact(cf)
    dumped = json.dumps(out.to_dict(), ensure_ascii=False).lower()
    assert "kurbanov" not in dumped and "курбанов" not in dumped
    assert out.entities[0].name == WITHHELD and out.entities[1].name.startswith("Ms ")
    assert len(out.sources[0].text) == len(text) and out.sources[0].file.endswith("-interview.txt")
    assert cf.sources[0].text == text  # the original is untouched


def test_a_name_marked_in_another_case_is_withheld_too() -> None:
    cf = CaseFile(generated_at="2024-01-01T00:00:00Z",
                  sources=[Source(id="S1", file="a.txt", text="Kurbanova was seen there.")])
    assert "Kurbanova" in redact(cf).sources[0].text
    assert "Kurbanova" not in redact(cf, also=R).sources[0].text


def test_an_empty_redactor_changes_nothing() -> None:
    assert not Redactor.of_names([]) and Redactor.of_names([]).text("Kurbanova") == "Kurbanova"
