"""Grouping reports into cases by the person they are about, across spellings and scripts."""

from __future__ import annotations

from casefile.batch.grouping import block_key, group_reports, latin, same_person


def _p(*forms: str, founding: bool = True) -> dict:
    return {"name": forms[0], "forms": list(forms), "founding": founding}


def test_transliterations_and_cyrillic_are_one_person() -> None:
    assert same_person("Aigerim Zhakupova", "Aygerim Jaqupova")
    assert same_person("Айгерим Жакупова", "Aigerim Zhakupova")
    assert same_person("Yerzhan Lebedev", "Erzhan Lebedev")
    assert latin("Айгерим Жакупова") in ("aigerim zhakupova", "aygerim zhakupova")


def test_a_short_form_of_a_given_name_is_the_same_person() -> None:
    assert same_person("Саша Жакупова", "Aleksandra Zhakupova")  # Sasha for Aleksandra
    assert same_person("Zhenya Lebedeva", "Евгения Лебедева")
    assert same_person("Саша Лебедев", "Шура Лебедев")  # two short forms of one name
    assert not same_person("Саша Лебедева", "Евгения Лебедева")
    # a word the reader left before the given name (a role) or after it (a patronymic)
    assert same_person("Режиссер Евгения Лебедева", "Евгения Лебедева")
    assert same_person("Evgeniya Pavlovna Lebedeva", "Yevgeniya Lebedeva")


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
        ("r6", [_p("Ospanov")]),  # a surname alone joins the one case of that surname
    ])
    by_docs = {tuple(c.docs) for c in cases}
    assert ("r1", "r2", "r3", "r5") in by_docs
    assert ("r4", "r5", "r6") in by_docs
    assert len(cases) == 2
    assert all(c.id and c.id == c.id.lower() for c in cases)


def test_a_surname_shared_by_two_people_joins_neither() -> None:
    cases = group_reports([
        ("r1", [_p("Timur Ospanov")]),
        ("r2", [_p("Dina Ospanov")]),
        ("r3", [_p("Ospanov")]),
        ("r4", [_p("Ospanov")]),  # and a surname alone founds no case of its own
    ])
    assert sorted(c.docs for c in cases) == [["r1"], ["r2"]]


def test_a_case_needs_an_act_that_founds_one() -> None:
    # a release or a death told of someone no report tells detained or prosecuted founds no
    # case; it feeds the case where another report founds it
    cases = group_reports([
        ("r1", [_p("Lena Varga", founding=False)]),
        ("r2", [_p("Oskar Tamm", founding=False)]),
        ("r3", [_p("Oskar Tamm", founding=True)]),
    ])
    assert [(c.name, c.docs) for c in cases] == [("Oskar Tamm", ["r2", "r3"])]
