from __future__ import annotations

import pytest


def by_text(analysis):
    return {m.text: m for m in analysis.mentions}


def test_inflected_names_share_the_nominative_norm(read_ru):
    a = read_ru("Суд арестовал Семена Лесных. Адвокат Лесных обжаловал решение. "
                "Позже Лесных перевели в колонию, а Семену Лесных продлили срок.")
    norms = {m.norm for m in a.mentions if m.type == "person"}
    assert "Семен Лесных" in norms or "Семён Лесных" in norms
    for m in a.mentions:
        assert a.mentions and m.text == m.text.strip()


def test_lone_surname_in_the_dative_is_put_in_the_nominative(read_ru):
    a = read_ru("Игорь Пряхин вышел из зала. Суд сократил срок 61-летнему депутату Пряхину на месяц.")
    people = [m for m in a.mentions if m.type == "person"]
    assert {m.norm for m in people} >= {"Игорь Пряхин", "Пряхин"}
    assert any(m.text == "Пряхину" and m.norm == "Пряхин" for m in people)


def test_court_with_its_city_is_one_organisation_in_the_nominative(read_ru):
    a = read_ru("Судья Тверского районного суда Москвы Анна Кречетова вынесла приговор.")
    orgs = [m for m in a.mentions if m.type == "organization"]
    assert [m.norm for m in orgs] == ["Тверской районный суд Москвы"]
    assert orgs[0].text == "Тверского районного суда Москвы"
    assert "authority" in orgs[0].role_hints


def test_offsets_are_exact(read_ru):
    text = "В Казани задержали журналиста Павла Грачевского."
    a = read_ru(text)
    for m in a.mentions:
        assert text[m.start:m.end] == m.text
    assert any(m.type == "place" and m.norm == "Казань" for m in a.mentions)


def test_role_cue_in_the_same_case_is_a_hint_and_is_cut_off(read_ru):
    a = read_ru("Об этом сообщил его адвокат Олег Сметанин. Адвокат Грачевского подал жалобу.")
    ms = by_text(a)
    assert ms["Олег Сметанин"].role_hints == ["lawyer"]
    # "адвокат Грачевского" is Grachevsky's lawyer: Grachevsky is not a lawyer
    grach = [m for m in a.mentions if m.norm == "Грачевский"]
    assert grach and grach[0].text == "Грачевского" and grach[0].role_hints == []


def test_detention_facility_and_groups(read_ru):
    a = read_ru("Его поместили в СИЗО-2 Твери. Среди задержанных были уйгуры и казахи.")
    kinds = {(m.text, m.type) for m in a.mentions}
    assert ("СИЗО-2 Твери", "place") in kinds
    assert {m.norm for m in a.mentions if m.type == "group"} == {"уйгуры", "казахи"}


def test_detention_place_named_by_kind_and_number_is_a_place_in_the_nominative(read_ru):
    a = read_ru("Её этапировали в женскую исправительную колонию №4 в Велброде. "
                "Он сидел в штрафном изоляторе колонии № 2, а потом в ИК-7 в Орске.")
    places = {(m.text, m.norm) for m in a.mentions if m.type == "place"}
    assert ("женскую исправительную колонию №4 в Велброде", "женская исправительная колония №4 в Велброде") in places
    assert ("колонии № 2", "колония № 2") in places  # the penalty cell is not part of the colony's name
    assert "ИК-7 в Орске" in {t for t, _ in places}


def test_lone_surname_refers_to_the_full_name_in_the_document(read_ru):
    a = read_ru("Суд арестовал Игоря Пряхина. Адвокат Пряхина подал жалобу.")
    full = next(m for m in a.mentions if m.norm == "Игорь Пряхин")
    lone = next(m for m in a.mentions if m.text == "Пряхина")
    assert lone.norm == "Пряхин" and lone.refers_to == full.id


def test_judge_named_after_her_court_is_an_authority(read_ru):
    a = read_ru("Судья Тверского районного суда Москвы Анна Кречетова признала его виновным.")
    judge = next(m for m in a.mentions if m.type == "person")
    assert judge.norm == "Анна Кречетова" and judge.role_hints == ["authority"]


def test_plural_cue_is_not_the_name_s_role(read_ru):
    a = read_ru("Суд отклонил жалобу адвокатов Игоря Пряхина.")
    person = next(m for m in a.mentions if m.type == "person")
    assert person.role_hints == []


def test_short_court_name_refers_to_the_full_one(read_ru):
    a = read_ru("Тверской суд Москвы арестовал Игоря Пряхина. Тверской суд удовлетворил ходатайство.")
    orgs = [m for m in a.mentions if m.type == "organization"]
    assert [m.norm for m in orgs] == ["Тверской суд Москвы", "Тверской суд"]
    assert orgs[1].refers_to == orgs[0].id


def test_unknown_adjective_in_a_court_name_is_put_in_the_nominative(read_ru):
    a = read_ru("Судья Бережковского районного суда вынесла приговор.")
    orgs = [m for m in a.mentions if m.type == "organization"]
    assert [m.norm for m in orgs] == ["Бережковский районный суд"]


@pytest.mark.parametrize(("text", "written", "norm"), [
    ("Полиция задержала Дарину Кулешову 5 марта.", "Дарину Кулешову", "Дарина Кулешова"),
    ("Суд приговорил Алию Нуртаеву к 6 годам колонии.", "Алию Нуртаеву", "Алия Нуртаева"),
    ("Адвокат рассказал о Марине Лесных.", "Марине Лесных", "Марина Лесных"),
    ("Суд приговорил Рустама Кенжеева к 8 годам колонии.", "Рустама Кенжеева", "Рустам Кенжеев"),
])
def test_inflected_person_names_are_put_in_the_nominative(read_ru, text, written, norm):
    people = {m.text: m.norm for m in read_ru(text).mentions if m.type == "person"}
    assert people.get(written) == norm


def test_lone_surname_takes_the_gender_of_the_full_name(read_ru):
    a = read_ru("Полиция задержала Дарину Кулешову 5 марта. Кулешову доставили в отдел полиции.")
    people = [m for m in a.mentions if m.type == "person"]
    lone = [m for m in people if m.text == "Кулешову" and " " not in m.norm]
    assert lone and lone[0].norm == "Кулешова"
    assert lone[0].refers_to == next(m.id for m in people if m.norm == "Дарина Кулешова")


def test_a_courts_chamber_is_looked_up_as_the_court(read_ru):
    a = read_ru("Судебная палата Краевого суда Северной области отклонила жалобу Ивана Смолина.")
    orgs = [m for m in a.mentions if m.type == "organization"]
    texts = {m.text: m.norm for m in orgs}
    assert texts.get("Краевого суда Северной области") == "Краевой суд Северной области"
    outer = [m for m in orgs if m.text.startswith("Судебная палата")]
    assert outer and outer[0].norm == "Краевой суд Северной области"


def test_cue_in_the_nominative_before_a_genitive_surname_names_someone_else(read_ru):
    # the headline runs into the next line, and the tagger reads the surname as a nominative
    a = read_ru("Суд арестовал журналиста Павла Грачевского по делу о фейках\n"
                "Адвокат Грачевского собирается обжаловать решение суда")
    lone = [m for m in a.mentions if m.type == "person" and m.text == "Грачевского" and m.start > 40]
    assert lone and lone[0].norm == "Грачевский" and "lawyer" not in lone[0].role_hints


def test_a_role_word_alone_is_no_name(read_ru):
    a = read_ru("Суд арестовал журналиста Павла Грачевского по делу о фейках\n"
                "Адвокат Грачевского собирается обжаловать решение суда")
    assert "Адвокат" not in {m.text for m in a.mentions}


def test_last_of_coordinated_regions_is_one_region(read_ru):
    a = read_ru("Жители Тверской и Псковской областей вышли на акцию.")
    norms = {m.text: m.norm for m in a.mentions if m.type == "place"}
    assert norms.get("Псковской областей") == "Псковская область"


def test_a_chamber_with_its_remit_is_looked_up_as_the_court(read_ru):
    a = read_ru("Судебная коллегия по уголовным делам Краевого суда Северной области оставила приговор в силе.")
    outer = [m for m in a.mentions if m.text.startswith("Судебная коллегия по уголовным делам")]
    assert outer and outer[0].norm == "Краевой суд Северной области"


def test_a_role_given_after_a_dash_is_a_hint(read_ru):
    a = read_ru("Павел Сомов — адвокат осужденной журналистки Ирины Лесных — заявил об обжаловании приговора.")
    assert by_text(a)["Павел Сомов"].role_hints == ["lawyer"]
    assert by_text(a)["Ирины Лесных"].role_hints == []


def test_two_people_the_tagger_ran_together_are_split(read_ru):
    a = read_ru("Адвокат Лесных Павел Сомов заявил, что защита обжалует решение суда.")
    names = [(m.text, m.role_hints) for m in a.mentions if m.type == "person"]
    assert names == [("Лесных", []), ("Павел Сомов", ["lawyer"])]


def test_a_name_already_in_the_nominative_stays_as_written(read_ru):
    a = read_ru("Адвокат Рим Сабиров заявил о жалобе.")
    assert [m.norm for m in a.mentions if m.type == "person"] == ["Рим Сабиров"]


def test_a_wire_datelines_city_is_a_place(read_ru):
    a = read_ru("Суд приговорил критика\n\nБЕРЛИН — Верховный суд приговорил критика Анну Лесных к шести годам.")
    names = by_text(a)
    assert names["БЕРЛИН"].type == "place"
    assert not any("—" in m.text for m in a.mentions)


@pytest.mark.parametrize("text, name", [
    ("Режиссерка Анна Лесных задержана 14 мая.", "Анна Лесных"),
    ("Главред Иван Лесных задержан 14 мая.", "Иван Лесных"),
])
def test_a_role_word_before_a_name_is_not_part_of_it(read_ru, text, name):
    names = by_text(read_ru(text))
    assert name in names and not any(k != name and name in k for k in names)


@pytest.mark.parametrize(("text", "court"), [
    ("Второй западный окружной военный суд приговорил Ивана Лесных к шести годам.",
     "Второй западный окружной военный суд"),
    ("Иван Лесных был осуждён в июле.\nАпелляционный суд в декабре смягчил приговор.", "Апелляционный суд"),
])
def test_a_court_named_by_its_adjectives_is_an_organisation_the_tagger_missed(read_ru, text, court):
    assert court in {m.text for m in read_ru(text).mentions if m.type == "organization"}


def test_a_lower_case_court_word_names_no_organisation(read_ru):
    a = read_ru("Иван Лесных был осуждён. Потом суд смягчил приговор.")
    assert [m.text for m in a.mentions if m.type == "organization"] == []


def test_a_genitive_given_name_run_into_another_persons_name_is_two_people(read_ru):
    a = read_ru("Мы поговорили с женой Ивана Анной Лесных о его здоровье.")
    assert [(m.text, m.norm) for m in a.mentions if m.type == "person"] == [
        ("Ивана", "Иван"), ("Анной Лесных", "Анна Лесных")]
