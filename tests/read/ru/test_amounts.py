"""Terms and sums of money (read/amounts.py) on Russian sentences of our own."""

from __future__ import annotations

import pytest

from casefile.core.durations import subtract_durations
from casefile.read.amounts import find_amounts, find_durations
from casefile.read.language import language
from casefile.read.parse import parse


def found(text: str):
    return find_durations(parse("ru", text), language("ru"))


def durations(text: str) -> list[str | None]:
    """The terms given (not a bound, not time gone by)."""
    return [q.duration for q in found(text) if q.bound is None]


def amounts(text: str) -> list[tuple[float, str]]:
    return [(q.amount.value, q.amount.currency) for q in find_amounts(parse("ru", text), language("ru")) if q.amount]


@pytest.mark.parametrize(("text", "iso"), [
    ("Суд приговорил Ивана Лесных к семи годам колонии.", "P7Y"),
    ("Его арестовали на 15 суток.", "P15D"),
    ("Суд арестовал его на два месяца.", "P2M"),
    ("Ему назначили шесть лет и 11 месяцев колонии.", "P6Y11M"),
    ("Суд смягчил изначальный, семилетний срок.", "P7Y"),
    ("Суд приговорил его к восьми с половиной годам колонии.", "P8Y6M"),
    ("Суд приговорил его к восьми годам и шести месяцам колонии.", "P8Y6M"),
    ("Его приговорили к полутора годам колонии-поселения.", "P1Y6M"),
    ("Ему дали год с половиной условно.", "P1Y6M"),
    ("Ему назначили 7-летний срок.", "P7Y"),
    ("Суд арестовал его на две недели.", "P14D"),
    ("Ему дали двадцать пять лет.", "P25Y"),
    ("Её приговорили к 18 месяцам колонии.", "P1Y6M"),
    # a difference between two lengths is no term
    ("Её приговорили к 16 годам, на два года меньше, чем просило обвинение.", "P16Y"),
])
def test_terms(text, iso):
    assert durations(text) == [iso]


def test_years_and_spans_of_time_are_not_terms():
    assert found("В 2021 году его задержали.") == []
    assert durations("Три года назад его задержали.") == []
    assert [q.bound for q in found("Три года назад его задержали. Через два года его отпустили.")] == ["elapsed"] * 2
    # "в течение трех лет" is a length of time, as "for three years": the term of a ban
    assert durations("Ему запретили в течение трех лет заниматься журналистикой.") == ["P3Y"]


def test_a_bound_is_kept_apart_from_a_term_given():
    [q] = found("Ему грозит до пяти лет лишения свободы.")
    assert (q.duration, q.bound) == ("P5Y", "up_to")
    [q] = found("Он провел под арестом более трех месяцев.")
    assert (q.duration, q.bound) == ("P3M", "at_least")


@pytest.mark.parametrize(("text", "want"), [
    ("Суд назначил штраф в размере 100 тысяч рублей.", (100000, "RUB")),
    ("Ее оштрафовали на 252 тысячи тенге.", (252000, "KZT")),
    ("Залог составил 5 000 долларов.", (5000, "USD")),
    ("Журналистку оштрафовали на полмиллиона рублей.", (500000, "RUB")),
    ("Штраф составил 2,5 млн руб.", (2500000, "RUB")),
    ("Штраф составил 300 тыс. тенге.", (300000, "KZT")),
    ("Штраф составил двести тысяч рублей.", (200000, "RUB")),
])
def test_amounts_with_currency(text, want):
    assert amounts(text) == [want]


def test_a_sum_and_its_value_in_dollars_are_one_but_two_sums_are_two():
    [q] = find_amounts(parse("ru", "Штраф составил 300 тысяч тенге (около 700 долларов)."), language("ru"))
    assert q.amount is not None and (q.amount.value, q.amount.currency, q.amount.usd) == (300000, "KZT", 700)
    assert amounts("Штрафы составили 252 тысячи тенге, 5 000 долларов.") == [(252000, "KZT"), (5000, "USD")]


@pytest.mark.parametrize(("base", "cut", "left"), [
    ("P7Y", "P1M", "P6Y11M"),
    ("P2Y6M", "P6M", "P2Y"),
    ("P15D", "P5D", "P10D"),
    ("P1Y", "P10D", None),  # a month has no fixed length: no guess
    ("P1M", "P2M", None),
])
def test_subtract_terms(base, cut, left):
    assert subtract_durations(base, cut) == left


def test_a_bare_unit_after_a_word_of_elapsed_time_counts_one():
    assert [(q.duration, q.bound) for q in found("Через год его отпустили. Спустя месяц его снова задержали.")] == [
        ("P1Y", "elapsed"), ("P1M", "elapsed")]
    assert found("В этом году его задержали.") == []


def test_time_held_so_far_is_elapsed() -> None:
    from casefile.read.amounts import find_durations
    from casefile.read.language import language
    from casefile.read.parse import parse

    doc = parse("ru", "Анна Лесных находится за решеткой уже два года.")
    assert [q.bound for q in find_durations(doc, language("ru"), 0, len(doc))] == ["elapsed"]


@pytest.mark.parametrize(("text", "isos"), [
    ("Их приговорили к шести и пяти годам колонии.", ["P6Y", "P5Y"]),
    ("Его приговорили к двум годам и шести месяцам.", ["P2Y6M"]),
    ("Его приговорили к полутора годам.", ["P1Y6M"]),
])
def test_counts_listed_before_a_unit_are_terms_of_that_unit(text, isos):
    assert durations(text) == isos
