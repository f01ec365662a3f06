"""Time expressions (read/times.py) on Russian sentences of our own."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from casefile.model import Precision, Source
from casefile.read.language import language
from casefile.read.parse import parse
from casefile.read.times import find_times, time_frame


@dataclass(frozen=True)
class Found:
    start: int
    end: int
    date: str | None
    precision: Precision
    is_end: bool


def find_dates(text: str, published: str | None) -> list[Found]:
    """The points in time and ends of periods `text` names (an anaphoric phrase with no date
    told before it to count from names none)."""
    doc = parse("ru", text)
    src = Source(id="S", file="t.txt", language="ru", text=text, published=published,
                 published_basis="dateline" if published else "none")
    lang = language("ru")
    return [Found(t.start_char, t.end_char, t.value.iso() if t.value else None,
                  t.value.precision if t.value else "unknown", t.is_end)
            for t in find_times(doc, lang, time_frame(src, lang, doc))
            if not t.is_duration and (t.value is not None or t.kind != "anaphoric")]


def one(text: str, published: str | None = "2023-05-19"):
    found = find_dates(text, published)
    assert len(found) == 1, found
    d = found[0]
    assert text[d.start:d.end].strip()
    return d.date, d.precision


@pytest.mark.parametrize(("text", "date", "prec"), [
    ("Его задержали 14 марта.", "2023-03-14", "day"),
    ("Его задержали 14.03.2022.", "2022-03-14", "day"),
    ("Опубликовано 9 июня 2022, 14:05", "2022-06-09", "day"),
    ("Его задержали в пятницу.", "2023-05-19", "day"),  # published on a Friday
    ("Его задержали в среду.", "2023-05-17", "day"),
    ("Обыск прошел в прошлом месяце.", "2023-04", "month"),
    ("Суд прошел в конце июля.", "2022-07", "month"),  # July after May: last year's
    ("Дело возбудили в октябре прошлого года.", "2022-10", "month"),
    ("Разговор был в январе 2021 года.", "2021-01", "month"),
    ("Его задержали вчера.", "2023-05-18", "day"),
])
def test_russian_dates_resolve_against_publication(text, date, prec):
    assert one(text) == (date, prec)


def test_nothing_is_invented_without_a_publication_year():
    # the day and month are kept, year-less (ISO "--MM-DD"): consolidation may date them by a dated source
    assert one("Его задержали 14 марта.", None) == ("--03-14", "unknown")
    assert one("Его перевели в конце апреля этого года.", None) == ("--04", "unknown")
    assert one("Дело возбудили в октябре прошлого года.", None) == (None, "unknown")
    assert one("Его задержали в пятницу.", "2023-05") == (None, "unknown")
    assert one("Разговор был в январе 2021 года.", None) == ("2021-01", "month")


def test_until_marks_an_end_date_that_runs_forward():
    found = find_dates("Суд арестовал его до 25 июня.", "2023-04-27")
    assert [(d.date, d.is_end) for d in found] == [("2023-06-25", True)]


def test_next_day_follows_the_date_before_it():
    found = find_dates("Его задержали 3 апреля, а на следующий день суд отправил его в СИЗО.", "2023-04-10")
    assert [d.date for d in found] == ["2023-04-03", "2023-04-04"]


@pytest.mark.parametrize(("text", "date", "prec"), [
    ("Его задержали 7-го марта.", "2023-03-07", "day"),
    ("Суд шел с 10 по 12 апреля.", "2023-04-10", "day"),
    ("Суд шел 10–12 апреля.", "2023-04-10", "day"),
    ("Его задержали в прошлую пятницу.", "2023-05-12", "day"),  # published on a Friday
    ("Его задержали в прошлый вторник.", "2023-05-16", "day"),
    ("Дело возбудили в середине 2021 года.", "2021", "year"),
    ("Дело возбудили весной 2021 года.", "2021", "year"),
    ("Дело возбудили в конце прошлого года.", "2022", "year"),
    ("Дело возбудили осенью этого года.", "2023", "year"),
])
def test_more_russian_date_forms(text, date, prec):
    assert one(text) == (date, prec)


def test_relative_year_without_publication_stays_undated():
    assert one("Дело возбудили в конце прошлого года.", published=None) == (None, "unknown")


def test_the_next_day_after_a_yearless_day_stays_yearless():
    found = find_dates("Его задержали 14 марта, а на следующий день арестовали.", None)
    assert [d.date for d in found] == ["--03-14", "--03-15"]
    # the day after 28 February depends on the year: left undated
    found = find_dates("Его задержали 28 февраля, а на следующий день арестовали.", None)
    assert [d.date for d in found] == ["--02-28"]


@pytest.mark.parametrize(("text", "phrase", "iso"), [
    ("Его задержали 3 апреля, а на другой день суд арестовал его.", "на другой день", "2023-04-04"),
    ("Его задержали 3 апреля. Через два дня суд арестовал его.", "Через два дня", "2023-04-05"),
    ("Его задержали 3 апреля. Три дня спустя суд арестовал его.", "Три дня спустя", "2023-04-06"),
    ("Его задержали 3 апреля. Спустя неделю суд арестовал его.", "Спустя неделю", "2023-04-10"),
    ("Суд арестовал его 5 апреля. Накануне его задержали.", "Накануне", "2023-04-04"),
    ("Его задержали 3 апреля, в тот же день прошел обыск.", "в тот же день", "2023-04-03"),
])
def test_days_counted_from_the_date_before(text, phrase, iso):
    found = {text[d.start:d.end]: d for d in find_dates(text, "2023-04-20")}
    assert found[phrase].date == iso and found[phrase].precision == "day"


@pytest.mark.parametrize(("text", "dates"), [
    ("Его задержали 3 апреля. Через два месяца суд арестовал его.", ["2023-04-03"]),  # not days
    ("Его задержали 3 апреля. Накануне суда он встретился с адвокатом.", ["2023-04-03"]),  # before an event
    ("Его задержали в апреле, а на следующий день арестовали.", ["2023-04"]),  # no day to count from
    ("Его арестовали до 3 апреля, а на следующий день освободили.", ["2023-04-03"]),  # an end is no anchor
    ("Его задержали 3 апреля. Он молчал. Адвокат не пришел. На следующий день его отпустили.",
     ["2023-04-03"]),  # too far back
    ("Его задержали 3 апреля, а через день отпустили.", ["2023-04-03"]),  # "через день": also "every other day"
])
def test_no_day_without_a_day_to_count_from(text, dates):
    assert [d.date for d in find_dates(text, "2023-04-20")] == dates


def test_yearless_anchor_gives_a_yearless_day_after_two_days():
    found = find_dates("Его задержали 30 апреля. Через два дня суд арестовал его.", None)
    assert [d.date for d in found] == ["--04-30", "--05-02"]


def test_an_end_after_a_weekday_is_an_end():
    assert [(d.date, d.is_end) for d in find_dates("Суд продлил до понедельника, 23 октября, срок задержания.",
                                                   "2023-10-20")] == [("2023-10-23", True)]


def test_a_weekday_counts_from_a_full_date_the_report_writes_in_its_month():
    found = {text[d.start:d.end]: d.date for text in ["Во вторник суд арестовал активиста. Фото: у здания суда, "
                                                      "3 мая 2022 года."] for d in find_dates(text, "2022-05")}
    assert found["вторник"] == "2022-05-03"


@pytest.mark.parametrize(("text", "date", "prec"), [
    ("Суд объявил перерыв. Дата: 09:05, 14-03-2021.", "2021-03-14", "day"),
    ("Это случилось в 2021-м году.", "2021", "year"),
    ("Он ждал суда с марта по май 2021 года.", "2021-03", "month"),
    ("Его задержали в середине марта.", "2023-03", "month"),
    ("Его задержали 12 марта, 2021.", "2021-03-12", "day"),
])
def test_still_more_russian_date_forms(text, date, prec):
    assert one(text) == (date, prec)


def test_an_anniversary_dates_what_it_is_the_anniversary_of():
    assert one("2 июля 2024 года — вторая годовщина задержания журналиста.") == ("2022-07-02", "day")


def test_a_length_of_time_ago_counts_back_from_the_writing():
    text = "Ровно год назад — 28 июня, накануне своего дня рождения — политика задержали. Неделю назад его перевели."
    found = {text[d.start:d.end]: d.date for d in find_dates(text, "2023-07-05")}
    # "накануне его дня рождения" is the eve of the birthday, not of the date told before
    assert found == {"28 июня": "2022-06-28", "Неделю назад": "2023-06-28"}  # the day says the year ago


def test_the_year_told_before():
    text = "Он уехал из страны в марте 2022 года, в ноябре того же года его объявили в розыск."
    assert [d.date for d in find_dates(text, "2024-08-06")] == ["2022-03", "2022-11"]


def test_the_page_s_own_date_line_is_told_apart():
    text = "Опубликовано 28 января 2021, 21:20\n\nАктивиста арестовали на 7 суток за призывы к акции 23 января."
    doc = parse("ru", text)
    lang = language("ru")
    found = find_times(doc, lang, time_frame(Source(id="S", file="t", language="ru", text=text), lang, doc))
    assert [(t.kind, t.value.iso() if t.value else None) for t in found if not t.is_duration] == [
        ("header", "2021-01-28"), ("date", "2021-01-23")]
