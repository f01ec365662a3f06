"""Whose case a report feeds, judged from its reading: every person it tells undergoing an
act when the report is about them (co-defendants, all the people one exchange freed), not a
person named in background, not a product the tagger took for a person."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from casefile.batch.records import Record
from casefile.batch.run import run_local
from casefile.batch.stages import read_records

EXCHANGE = """Трое политзаключенных освобождены в результате обмена

ТАРВИК, 2 августа 2024 года. Власти освободили Льва Маршева, Олега Тамова и Нину Сорокину в результате обмена заключенными, сообщили их родственники.
Суд приговорил Льва Маршева к 25 годам колонии за госизмену в 2023 году. Олега Тамова осудили на восемь лет за посты. Нину Сорокину арестовали в 2022 году после акции протеста.
Лев Маршев, Олег Тамов и Нина Сорокина вылетели из страны в четверг вечером.
"""

CO_DEFENDANTS = """Режиссера и драматурга приговорили к шести годам

ВЕЛЬМАРК, 12 марта 2024 года. Суд приговорил режиссера Анну Дорскую и драматурга Веру Каллас к шести годам колонии за спектакль, сообщили их адвокаты.
Анну Дорскую и Веру Каллас задержали в мае прошлого года. Дорская и Каллас не признали вину.
Адвокат Олег Бренн сообщил, что Анна Дорская обжалует приговор.
"""

BACKGROUND_RU = """Блогера арестовали в Вельмарке

ВЕЛЬМАРК, 3 мая 2024 года. Суд арестовал блогера Петра Лунина на два месяца, сообщил его адвокат. Полиция задержала Петра Лунина в пятницу и предъявила ему обвинение в оскорблении чиновников.
Петр Лунин не признает вину. Он критиковал мэра в своих видео.
Адвокат напомнил, что в 2015 году суд приговорил поэта Карла Воссова к пяти годам колонии, а в 2019 году Воссов умер в заключении.
"""

BACKGROUND_EN = """Blogger remanded in Vellmark

A court in Vellmark remanded Pia Lund, a blogger, in custody for two months on Saturday, her lawyer said. Police detained Pia Lund on Friday in her flat.
Pia Lund denies the charge. Pia Lund had criticised the mayor in her videos.
Her lawyer said the case recalled that of Karl Voss, a poet, who was jailed in 2015.
"""

PRODUCT = """Review: the Orvane Lumo is a fine phone

Orvane released the Orvane Lumo on Friday. Critics charged the Orvane Lumo with a weak battery.
Orvane said the Orvane Lumo would be sold in Vellmark. The Orvane Lumo costs 300 euros, and Orvane expects
to sell a million. Orvane Lumo owners praised the screen.
"""


def _persons(*texts: str) -> list[list[str]]:
    results, failed = read_records([Record(id=f"r{i}", body=t.encode(), kind="text", date="2024-08-02")
                                    for i, t in enumerate(texts)])
    assert not failed
    # (a single word the tagger took for a name, "Блогера" in a headline, founds no case: left out here)
    return [[p["name"] for p in r.persons if " " in p["name"]] for r in results]


def test_an_exchange_that_frees_three_people_feeds_each_ones_case() -> None:
    (names,) = _persons(EXCHANGE)
    assert sorted(names) == ["Лев Маршев", "Нина Сорокина", "Олег Тамов"]


def test_co_defendants_each_get_the_report() -> None:
    (names,) = _persons(CO_DEFENDANTS)
    assert len(names) == 2 and names[0] == "Анна Дорская" and names[1].endswith("Каллас")


def test_a_person_named_in_background_feeds_no_case() -> None:
    # the poet's conviction and death are acts the reader finds, told in passing
    assert _persons(BACKGROUND_RU, BACKGROUND_EN) == [["Пётр Лунин"], ["Pia Lund"]]


def test_a_product_the_tagger_takes_for_a_person_feeds_no_case() -> None:
    assert _persons(PRODUCT) == [[]]


@pytest.fixture(scope="module")
def stream(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("stream") / "news.jsonl"
    later = """Лев Маршев дал первое интервью после освобождения

ВЕЛЬМАРК, 9 августа 2024 года. Льва Маршева задержали в 2022 году и приговорили к 25 годам колонии, напомнил его адвокат. Лев Маршев рассказал, что в колонии его держали в одиночной камере.
"""
    with path.open("w", encoding="utf-8") as fh:
        for i, text in enumerate([EXCHANGE, CO_DEFENDANTS, BACKGROUND_RU, BACKGROUND_EN, PRODUCT, later]):
            fh.write(json.dumps({"id": f"r{i}", "text": text, "date": "2024-08-09"}, ensure_ascii=False) + "\n")
    return path


def test_a_run_files_each_report_under_every_person_it_reports_an_act_against(stream: Path, tmp_path: Path) -> None:
    summary = run_local([str(stream)], tmp_path)
    subjects: dict[str, tuple[str, list[str]]] = {}
    for p in (tmp_path / "cases").glob("*/casefile.json"):
        cf = json.loads(p.read_text(encoding="utf-8"))
        subject = next(e for e in cf["entities"] if e["id"] == cf["subject"])
        assert subject["type"] == "person"
        subjects[subject["name"]] = (p.parent.name, sorted(s["file"] for s in cf["sources"]))
    assert sorted(subjects) == ["Pia Lund", "Анна Дорская", "Вера Каллас", "Лев Маршев", "Нина Сорокина",
                                "Олег Тамов", "Пётр Лунин"]
    # each case file has its own person as subject, and a report about several feeds each of them
    assert subjects["Лев Маршев"][1] == ["r0", "r5"]
    assert subjects["Нина Сорокина"][1] == subjects["Олег Тамов"][1] == ["r0"]
    assert subjects["Анна Дорская"][1] == ["r1"]
    assert sum(1 for s in subjects.values() if s[1] == ["r1"]) == 2
    # the product review is read but feeds no case; nor does the poet named in background
    assert summary.read == 6 and summary.no_case == 1
    assert not any("Воссов" in s or "Voss" in s for s in subjects)
