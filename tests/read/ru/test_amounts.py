from __future__ import annotations

import pytest

from casefile.read.ru.amounts import find_amounts, find_durations, subtract_terms
from casefile.read.ru.parse import parse


def durations(text: str) -> list[str | None]:
    p = parse(text)
    return [f.duration for s in p.sents for f in find_durations(p, s.index)]


def amounts(text: str) -> list[tuple[float, str]]:
    p = parse(text)
    return [(f.amount.value, f.amount.currency) for s in p.sents for f in find_amounts(p, s.index) if f.amount]


@pytest.mark.parametrize(("text", "iso"), [
    ("Суд приговорил Ивана Лесных к семи годам колонии.", "P7Y"),
    ("Его арестовали на 15 суток.", "P15D"),
    ("Суд арестовал его на два месяца.", "P2M"),
    ("Ему назначили шесть лет и 11 месяцев колонии.", "P6Y11M"),
    ("Суд смягчил изначальный, семилетний срок.", "P7Y"),
])
def test_terms(text, iso):
    assert durations(text) == [iso]


def test_years_and_spans_of_time_are_not_terms():
    assert durations("В 2021 году его задержали.") == []
    assert durations("Три года назад его задержали.") == []


@pytest.mark.parametrize(("text", "want"), [
    ("Суд назначил штраф в размере 100 тысяч рублей.", (100000, "RUB")),
    ("Ее оштрафовали на 252 тысячи тенге.", (252000, "KZT")),
    ("Залог составил 5 000 долларов.", (5000, "USD")),
    ("Журналистку оштрафовали на полмиллиона рублей.", (500000, "RUB")),
])
def test_amounts_with_currency(text, want):
    assert amounts(text) == [want]


@pytest.mark.parametrize(("base", "cut", "left"), [
    ("P7Y", "P1M", "P6Y11M"),
    ("P2Y6M", "P6M", "P2Y"),
    ("P15D", "P5D", "P10D"),
    ("P1Y", "P10D", None),  # a month has no fixed length: no guess
    ("P1M", "P2M", None),
])
def test_subtract_terms(base, cut, left):
    assert subtract_terms(base, cut) == left
