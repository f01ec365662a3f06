"""The one reader and writer of ISO 8601 terms."""

import pytest

from casefile.core.durations import (
    Duration,
    duration_days,
    format_duration,
    parse_duration,
    subtract_durations,
)


def test_duration_days():
    assert duration_days("P2M") == pytest.approx(60.88)
    assert duration_days("P1Y6M") == pytest.approx(547.89)
    assert duration_days("P15D") == 15
    assert duration_days("P2W") == 14
    assert duration_days("P1.5Y") == pytest.approx(547.875)
    assert duration_days("soon") is None
    assert duration_days("P") is None
    assert duration_days(None) is None


def test_parse_keeps_the_units_as_written():
    assert parse_duration("P1Y6M") == Duration(years=1, months=6)
    assert parse_duration("P2W").parts() == [(2.0, "W")]  # type: ignore[union-attr]
    assert parse_duration("P3DT4H") == Duration(days=3)  # the time part is no term
    assert parse_duration("P6M1Y") is None  # units out of order are not ISO 8601
    assert parse_duration("1Y") is None


def test_format_and_round_trip():
    assert format_duration([(11, "M"), (6, "Y")]) == "P6Y11M"
    assert format_duration([(7.5, "Y")]) == "P7.5Y"
    # whole twelves of months are years, as a case file's readers write them
    assert format_duration([(18, "M")]) == "P1Y6M"
    assert format_duration([(24, "M")]) == "P2Y"
    assert format_duration([(1, "Y"), (14, "M")]) == "P2Y2M"
    assert format_duration([(11, "M")]) == "P11M"
    for iso in ("P2M", "P1Y6M", "P15D", "P2W", "P1Y2M3W4D"):
        assert parse_duration(iso).iso() == iso  # type: ignore[union-attr]


def test_subtract():
    assert subtract_durations("P7Y", "P1M") == "P6Y11M"
    assert subtract_durations("P1Y6M", "P6M") == "P1Y"
    assert subtract_durations("P30D", "P2W") == "P16D"
    assert subtract_durations("P2Y", "P10D") is None  # a month has no fixed length
    assert subtract_durations("P1M", "P2M") is None
    assert subtract_durations("P1M", "P1M") is None
    assert subtract_durations("later", "P1M") is None


def test_a_date_plus_a_length_of_time_keeps_the_precision_the_count_supports():
    from casefile.core.dates import PartialDate, after

    assert after(PartialDate(2020, 9, 7), years=1) == PartialDate(2021, 9)
    assert after(PartialDate(2020, 11, 30), months=3) == PartialDate(2021, 2)
    assert after(PartialDate(2020, 12, 25), days=14) == PartialDate(2021, 1, 8)
    assert after(PartialDate(2020, 3, 1), days=-1) == PartialDate(2020, 2, 29)
    assert after(PartialDate(2020, 3), days=3) is None  # a month has no day to count from
    assert after(PartialDate(None, 3, 1), years=1) is None
    assert after(PartialDate(2020, 3, 1), months=1.5) is None


# --------------------------------------------------------------------------- written for readers


@pytest.mark.parametrize(("value", "language", "text"), [
    ("P2M", "en", "2 months"),
    ("P1Y", "en", "1 year"),
    ("P6Y6M", "en", "6 years and 6 months"),
    ("P1Y2M3D", "en", "1 year, 2 months and 3 days"),
    ("P1.5Y", "en", "1.5 years"),
    ("P2W", "en", "2 weeks"),
    ("P2M", "ru", "2 месяца"),
    ("P6Y", "ru", "6 лет"),
    ("P1Y", "ru", "1 год"),
    ("P21Y", "ru", "21 год"),
    ("P11Y", "ru", "11 лет"),
    ("P24M", "ru", "24 месяца"),
    ("P6Y6M", "ru", "6 лет и 6 месяцев"),
    ("P1W", "ru", "1 неделя"),
    ("P15D", "ru", "15 дней"),
    ("P1.5Y", "ru", "1,5 года"),
    ("P2M", "xx", "2 months"),  # a language without words of its own: English
])
def test_a_term_is_written_for_readers_in_the_case_files_language(value: str, language: str, text: str) -> None:
    from casefile.core.durations import human_duration

    assert human_duration(value, language) == text


def test_what_is_no_term_is_written_as_it_is() -> None:
    from casefile.core.durations import human_duration

    assert human_duration("about two months") == "about two months"
    assert human_duration(None) == "" and human_duration("") == ""
