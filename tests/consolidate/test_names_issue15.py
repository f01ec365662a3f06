"""Entities a reader names in several ways (issue 15): an acronym with the words after it, initials, a
familiar given name, a title, an organisation's own name after what it is, an organisation the
tagger took for a person. Sentences written for these tests, in both languages."""

from __future__ import annotations

from casefile.consolidate.entities import resolve_entities
from casefile.model import Entity, Source
from casefile.read import read_sources


def _entities(language: str, *texts: str) -> list[Entity]:
    sources = [Source(id=f"S{k + 1}", file=f"t{k}.txt", language=language, text=t, published="2023-05-19")
               for k, t in enumerate(texts)]
    return resolve_entities(read_sources(sources), sources).entities


def _owner(entities: list[Entity], form: str) -> Entity:
    return next(e for e in entities if form == e.name or form in e.aliases)


def test_names_written_with_initials_join_the_one_full_name_they_fit():
    for language, texts, full, initialled, other in (
        ("en", ("Police detained the blogger Timur Ospan in Taraz.",
                "His sister Dana Ospan spoke. Ospan T. denies the charges. K. Ospan did not comment."),
         "Timur Ospan", "Ospan T.", "K. Ospan"),
        ("ru", ("Сотрудники полиции задержали блогера Тимура Оспанова в Таразе.",
                "Сестра блогера Дана Оспанова рассказала об обыске. Оспанов Т. отрицает вину. "
                "К. Оспанов не комментирует."),
         "Тимур Оспанов", "Оспанов Т", "К. Оспанов"),
    ):
        es = _entities(language, *texts)
        assert _owner(es, initialled).name == full, language
        assert _owner(es, other).name != full, language  # K. is not Timur


def test_a_familiar_given_name_is_the_same_person():
    es = _entities("ru", "Режиссера Женю Сомову задержали в Москве. Евгения Сомова отрицает вину.")
    assert _owner(es, "Евгения Сомова") is _owner(es, "Женю Сомову")
    es = _entities("en", "Police detained the artist Sasha Vetrova in Westford.", "Aleksandra Vetrova was sentenced.")
    assert _owner(es, "Aleksandra Vetrova") is _owner(es, "Sasha Vetrova")
    # a given name that is no familiar form of the other stays apart
    es = _entities("ru", "Режиссера Женю Сомову задержали в Москве. Марию Сомову допросили.")
    assert _owner(es, "Марию Сомову") is not _owner(es, "Женю Сомову")


def test_an_acronym_with_the_words_after_it_joins_the_name_it_abbreviates():
    es = _entities("ru", "ВС РФ оставил приговор в силе. Верховный суд РФ отклонил жалобу Ивана Сомова.")
    assert _owner(es, "ВС РФ") is _owner(es, "Верховный суд РФ")
    es = _entities("en", "Officers of the National Security Committee (KNB) detained the blogger Timur Ospan. "
                         "The KNB said he was held for two days.")
    assert _owner(es, "KNB").name == "National Security Committee"


def test_a_title_stays_in_the_name_as_written_and_the_person_is_found_without_it():
    es = _entities("en", "Police detained the poet Dana Westerly on Monday. Ms Westerly denies the charges.")
    assert "Ms Westerly" in _owner(es, "Dana Westerly").aliases
    es = _entities("ru", "Полиция задержала поэтессу Дану Сомову. Г-жа Сомова отрицает вину.")
    assert "Г-жа Сомова" in _owner(es, "Дана Сомова").aliases


def test_an_organisations_own_name_after_what_it_is_is_that_organisation():
    es = _entities("en", "The Human Rights Center “Spring Dawn” said the Spring Dawn staff were searched.")
    centre = _owner(es, "Spring Dawn")
    assert centre.type == "organization" and "Human Rights Center “Spring Dawn”" in {centre.name, *centre.aliases}


def test_an_organisation_the_tagger_took_for_a_person_is_retyped_from_what_only_an_organisation_has():
    for text in ("Jane Roe, head of Adilet Zhol, said the verdict was unjust.",
                 "Adilet Zhol's director Jane Roe said the verdict was unjust.",
                 "Members of Adilet Zhol staged a protest in Taraz.",
                 "The head of the NGO Adilet Zhol said it would appeal."):
        assert _owner(_entities("en", text), "Adilet Zhol").type == "organization", text
    es = _entities("ru", "Директор НКО «Адилет Жол» Айгуль Сапарова обжалует решение.")
    assert _owner(es, "Адилет Жол").type == "organization"
    assert _owner(es, "Айгуль Сапарова").type == "person"


def test_a_possessor_before_an_organisations_name_is_not_part_of_its_name():
    es = _entities("en", "Westford’s Supreme Court upheld the verdict. The Supreme Court ruled in May.")
    court = _owner(es, "Supreme Court")
    assert "Westford’s Supreme Court" in court.aliases


def test_a_name_with_and_without_its_article_or_in_another_case_is_one():
    es = _entities("en", "Dana Westerly told the Steppe Herald that she would appeal.",
                   "Steppe Herald reported that Dana Westerly had appealed.")
    paper = _owner(es, "Steppe Herald")
    assert paper.sources == ["S1", "S2"] and paper.type == "organization"  # no person takes "the"
    es = _entities("ru", "Об этом сообщила «Северная газета».", "По данным «Северной газеты», приговор обжалован.")
    paper = _owner(es, "Северная газета")
    assert paper.sources == ["S1", "S2"] and paper.type == "organization"
