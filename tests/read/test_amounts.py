"""Sums of money and terms (read/amounts.py) on English sentences of our own."""

from __future__ import annotations

import pytest

from casefile.read.amounts import Quantity, find_amounts, find_durations, parse_digits
from casefile.read.language import language
from casefile.read.parse import parse


def sums(text: str) -> list[Quantity]:
    return find_amounts(parse("en", text), language("en"))


def terms(text: str) -> list[Quantity]:
    return find_durations(parse("en", text), language("en"))


def duration_of(text: str) -> str | None:
    """The first term given in `text` (not a bound, not time gone by)."""
    found = [q.duration for q in terms(text) if q.bound is None]
    return found[0] if found else None


def test_amount_with_its_dollar_conversion():
    text = "The court fined her 150,000 tenges ($390) on Monday."
    [q] = sums(text)
    assert q.amount is not None and (q.amount.value, q.amount.currency, q.amount.usd) == (150000, "KZT", 390)
    assert text[q.start_char:q.end_char] == "150,000 tenges ($390)"


def test_dollar_amounts_carry_usd():
    [a] = sums("a fine of the equivalent of $512 was imposed")
    assert a.amount is not None and (a.amount.value, a.amount.currency, a.amount.usd) == (512, "USD", 512)
    [b] = sums("they fined him almost $800")
    assert b.amount is not None and b.amount.value == 800 and b.amount.usd == 800 and b.bound == "almost"
    [c] = sums(r"He must pay a fine of \$250.")  # markdown-escaped dollar
    assert c.amount is not None and c.amount.value == 250 and c.amount.currency == "USD"


def test_other_currencies():
    [a] = sums("ordered to pay 30,000 roubles")
    assert a.amount is not None and (a.amount.value, a.amount.currency, a.amount.usd) == (30000, "RUB", None)
    [b] = sums("a 1.5 million rouble fine")
    assert b.amount is not None and b.amount.value == 1_500_000
    [c] = sums("a fine of €2,000")
    assert c.amount is not None and (c.amount.value, c.amount.currency) == (2000, "EUR")
    [d] = sums("a fine of $1.5 million")
    assert d.amount is not None and (d.amount.value, d.amount.currency) == (1_500_000, "USD")
    [e] = sums("bail of two hundred thousand roubles")
    assert e.amount is not None and e.amount.value == 200_000


def test_two_sums_are_two():
    found = sums("He was fined 5,000 roubles, and $70 for costs.")
    assert [(q.amount.value, q.amount.currency, q.amount.usd) for q in found if q.amount] == [
        (5000, "RUB", None), (70, "USD", 70)]


@pytest.mark.parametrize(("text", "value"), [
    ("150,000", 150000), ("1.5", 1.5), ("2,5", 2.5), ("1,500.50", 1500.5), ("1.500,50", 1500.5), ("5000", 5000)])
def test_numbers_in_digits_whatever_their_grouping(text, value):
    assert parse_digits(text) == value


def test_durations_in_iso_8601():
    assert duration_of("for a period of two months") == "P2M"
    assert duration_of("for the next three months") == "P3M"
    assert duration_of("sentenced to seven years") == "P7Y"
    assert duration_of("a sentence of 15 days") == "P15D"
    assert duration_of("twenty-five years") == "P25Y"
    assert duration_of("a seven-year term") == "P7Y"
    assert duration_of("jailed for a year") == "P1Y"
    assert duration_of("held for two weeks") == "P14D"


def test_elapsed_time_is_not_a_term():
    [q] = terms("after more than five months of detention")
    assert (q.duration, q.bound) == ("P5M", "elapsed")
    assert [q.bound for q in terms("two years ago, a 30-year-old man, five years later")] == ["elapsed"] * 3


def test_a_bound_is_not_a_term_given():
    [q] = terms("He faces up to 15 years in prison.")
    assert (q.duration, q.bound) == ("P15Y", "up_to")
    assert duration_of("He faces up to 15 years in prison.") is None


def test_terms_with_a_half_in_whole_units():
    assert duration_of("sentenced to seven and a half years in prison") == "P7Y6M"
    assert duration_of("a term of 7.5 years") == "P7Y6M"
    assert duration_of("held for one and a half months") == "P1M15D"
    assert duration_of("sentenced to a year and a half") == "P1Y6M"


def test_a_term_in_two_units_is_one():
    assert duration_of("sentenced to 8 years and 6 months in a penal colony") == "P8Y6M"
    assert duration_of("sentenced to eight years, six months") == "P8Y6M"
    assert [q.duration for q in terms("two years and two years")] == ["P2Y", "P2Y"]  # the same unit: two terms


def test_a_half_written_with_hyphens_and_sums_in_other_currencies():
    assert duration_of("the court upheld a three-and-a-half year sentence") == "P3Y6M"
    [q] = sums("He was fined EGP 50,000 on Monday.")
    assert q.amount is not None and (q.amount.value, q.amount.currency) == (50000, "EGP")
    [r] = sums("ordered to pay 9 million riels (U.S. $2,250) in compensation")
    assert r.amount is not None and (r.amount.value, r.amount.currency, r.amount.usd) == (9_000_000, "KHR", 2250)


@pytest.mark.parametrize(("text", "isos"), [
    ("They were sentenced to six and five years in prison.", ["P6Y", "P5Y"]),
    ("They got 10, 8 and 6 years.", ["P10Y", "P8Y", "P6Y"]),
    ("He was sentenced to 8 years and 6 months.", ["P8Y6M"]),
    ("He was sentenced to one and a half years.", ["P1Y6M"]),
    ("He was sentenced to 18 months in prison.", ["P1Y6M"]),
    # a difference between two lengths is no term
    ("He got 16 years, two years less than prosecutors were asking.", ["P16Y"]),
    ("The protests of 2021 and two years of trials.", ["P2Y"]),
])
def test_counts_listed_before_a_unit_are_terms_of_that_unit(text, isos):
    assert [q.duration for q in terms(text) if q.bound is None] == isos
