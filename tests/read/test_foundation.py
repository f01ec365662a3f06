"""The reading stage's shared ground: languages as folders, one Doc model, grammar by role."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from casefile.read.grammar import grammar, sentences
from casefile.read.language import code_for, forget, language, languages
from casefile.read.parse import parse
from casefile.resources import add_root, remove_root


def test_languages_are_the_resource_folders_with_a_language_file() -> None:
    assert {"en", "ru"} <= set(languages())
    assert code_for("ru") == "ru"
    assert code_for("tlh") == "en"  # no folder: read as the default language
    assert code_for(None) == "en"


def test_a_language_can_be_added_from_a_folder(tmp_path: Path) -> None:
    (tmp_path / "zz").mkdir()
    (tmp_path / "zz" / "language.yaml").write_text("name: Test\nparser: {kind: blank, spacy_code: xx}\n")
    add_root(tmp_path)
    forget()
    try:
        assert "zz" in languages()
        assert language("zz").parser["kind"] == "blank"
    finally:
        remove_root(tmp_path)
        forget()
    assert "zz" not in languages()


def test_a_russian_doc_keeps_the_text_and_its_offsets() -> None:
    text = "  Суд в Твери арестовал блогера Олега Сомова.\n\nЕго адвокат  заявил, что обжалует решение. "
    doc = parse("ru", text)
    assert doc.text == text
    assert [t.text for t in doc if not t.is_space][:3] == ["Суд", "в", "Твери"]
    assert len(list(doc.sents)) == 2
    arrest = next(t for t in doc if t.lemma_ == "арестовать")
    assert {c.lemma_ for c in arrest.children} >= {"суд", "блогер"}
    assert str(arrest.morph.get("Tense")) == "['Past']"
    names = {(e.text, e.label_) for e in doc.ents}
    assert ("Олега Сомова", "PER") in names
    # natasha's normal form of the name is kept for the mention reader (which corrects it)
    assert doc.user_data["ent_norms"][(text.index("Олега"), text.index("Олега") + len("Олега Сомова"))].startswith("Олег ")


@settings(max_examples=25, deadline=None)
@given(st.lists(st.sampled_from(["Суд", "арестовал", "активиста", "Ивана", "Петрова", ".", ",", "\n", "\n\n", " ",
                                 "  ", "в", "Москве", "12", "марта", "«", "»", "—", "2021", "года", "!"]),
                min_size=0, max_size=40))
def test_any_russian_text_becomes_a_doc_over_the_same_text(words: list[str]) -> None:
    text = " ".join(words)
    doc = parse("ru", text)
    assert doc.text == text
    for sent in doc.sents:
        assert sum(1 for t in sent if t.dep_ == "ROOT") == 1 or all(t.is_space for t in sent)


@pytest.mark.parametrize(("code", "text", "verb", "prep", "obj"), [
    ("en", "Police detained the blogger in a village near the border.", "detained", "in", "village"),
    ("ru", "Полиция задержала блогера в деревне у границы.", "задержала", "в", "деревне"),
])
def test_prepositional_phrases_whatever_the_label_scheme(code: str, text: str, verb: str, prep: str, obj: str) -> None:
    doc = parse(code, text)
    g = grammar(code)
    v = next(t for t in doc if t.text == verb)
    assert (prep, obj) in [(p.text, o.text) for p, o in g.prepositional(v)]
    o = next(t for t in doc if t.text == obj)
    assert g.preposition_of(o) is not None and g.preposition_of(o).text == prep  # type: ignore[union-attr]
    assert g.governor(o).text == verb
    assert [c.text for c in g.children(v, "object")] == [("blogger" if code == "en" else "блогера")]


@pytest.mark.parametrize("code, text", [
    ("en", "Police detained Mira Talbot on Monday.\nCourt jails blogger\nShe was fined. Her lawyer appealed."),
    ("ru", "Полиция задержала Анну Лесных в понедельник. Суд оштрафовал её. Адвокат подал жалобу."),
])
def test_each_words_sentence_is_the_parsers(code: str, text: str) -> None:
    doc = parse(code, text)
    got = sentences(doc)
    assert got.bounds == [(s.start, s.end) for s in doc.sents] and len(got.bounds) >= 3
    assert all(got.of(t.i) == (t.sent.start, t.sent.end) for t in doc)
