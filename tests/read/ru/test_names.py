from __future__ import annotations

import pytest

from casefile.read.ru.names import person_nominative, surname_nominatives


@pytest.mark.parametrize(("words", "case", "nominative"), [
    (["Дарью", "Крыленко"], "Acc", ["Дарья", "Крыленко"]),  # an indeclinable surname stays as it is
    (["Зарину", "Абдуллаеву"], "Acc", ["Зарина", "Абдуллаева"]),
    (["Ольге", "Смирновой"], "Dat", ["Ольга", "Смирнова"]),
    (["Тимура", "Касымова"], "Gen", ["Тимур", "Касымов"]),
    (["Ивана", "Петровича", "Смолина"], "Gen", ["Иван", "Петрович", "Смолин"]),
])
def test_name_words_agree_in_gender_and_case(words, case, nominative):
    assert person_nominative(words, case) == nominative


def test_tagger_case_breaks_a_tie_between_a_woman_and_a_man():
    # Дина Соколова in the accusative or Дин Соколов in the dative: the sentence decides
    assert person_nominative(["Дину", "Соколову"], "Acc") == ["Дина", "Соколова"]
    assert person_nominative(["Дину", "Соколову"], "Dat") == ["Дин", "Соколов"]


def test_unknown_words_are_left_to_the_caller():
    assert person_nominative(["Джону", "Смиту"], "Dat")[1] in {"Смит", None}
    assert person_nominative(["Лесных"], "Gen") == [None]


def test_lone_surname_may_stand_for_either_gender():
    forms = surname_nominatives("Соколову")
    assert set(forms) == {"Соколов", "Соколова"}


def test_hyphenated_surname_keeps_its_capitals():
    assert person_nominative(["Анну", "Римская-Корсакову"], "Acc")[0] == "Анна"


def test_surname_read_as_another_word_takes_the_regular_ending():
    # pymorphy2 reads "Натриева" as an adjective ("натриевый"): the first name shows a man in
    # the genitive, and the surname ending "-ева" gives "-ев"
    assert person_nominative(["Тимура", "Натриева"], "Gen") == ["Тимур", "Натриев"]
    assert person_nominative(["Ирины", "Натриевой"], "Gen") == ["Ирина", "Натриева"]


def test_a_surname_the_lexicon_knows_in_one_gender_only_agrees_with_the_first_name():
    # an invented surname pymorphy2 knows only as a woman's nominative ("-ина"): a man's genitive here
    assert person_nominative(["Тимофея", "Кудеина"], "Gen") == ["Тимофей", "Кудеин"]
    assert person_nominative(["Анна", "Кудеина"], "Nom") == ["Анна", "Кудеина"]
    # a lone surname: the forms of the tagger's case first
    assert surname_nominatives("Кудеину", "Dat")[0] == "Кудеин"
    assert surname_nominatives("Кудеину", "Acc")[0] == "Кудеина"
