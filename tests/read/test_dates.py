from casefile.core.dates import PartialDate, compatible, infer_year, parse_iso
from casefile.read.en.dates import DateReader, explicit_dates, is_duration

SUNDAY = PartialDate(2021, 5, 16)  # a Sunday


def test_absolute_forms():
    r = DateReader(None)
    assert r.read("on 17 August 2019") == PartialDate(2019, 8, 17)
    assert r.read("August 16, 2019") == PartialDate(2019, 8, 16)
    assert r.read("2019-08-17") == PartialDate(2019, 8, 17)
    assert r.read("Aug. 2, 2024") == PartialDate(2024, 8, 2)
    assert r.read("in November 2018") == PartialDate(2018, 11)
    assert r.read("early February 2019") == PartialDate(2019, 2)
    assert r.read("in 2018") == PartialDate(2018)


def test_relative_to_publication():
    r = DateReader(SUNDAY)
    assert r.read("on Friday") == PartialDate(2021, 5, 14)
    assert r.read("Sunday") == PartialDate(2021, 5, 16)  # the day of the report itself
    assert r.read("last month") == PartialDate(2021, 4)
    assert r.read("earlier this week") == PartialDate(2021, 5)
    assert r.read("in February") == PartialDate(2021, 2)
    assert r.read("yesterday") == PartialDate(2021, 5, 15)
    assert r.read("earlier this year") == PartialDate(2021)


def test_year_of_month_and_day_is_nearest_not_after_publication():
    r = DateReader(PartialDate(2021, 3))
    assert r.read("28 February") == PartialDate(2021, 2, 28)
    assert r.read("on 30 November") == PartialDate(2020, 11, 30)
    assert infer_year(12, 24, PartialDate(2022, 1, 5)) == 2021


def test_unknown_publication_invents_nothing():
    r = DateReader(None)
    assert r.read("on Friday") is None
    assert r.read("last month") is None
    assert r.read("March 11") == PartialDate(None, 3, 11)  # year-less, kept at what is known
    assert PartialDate(None, 3, 11).iso() == "--03-11"
    assert PartialDate(None, 3, 11).precision == "unknown"


def test_month_precision_publication_does_not_resolve_weekdays():
    r = DateReader(PartialDate(2021, 5))
    assert r.read("last Friday") is None
    assert r.read("last month") == PartialDate(2021, 4)


def test_year_from_the_document_when_unambiguous():
    r = DateReader(None, doc_years={2020})
    assert r.read("on 4 June") == PartialDate(2020, 6, 4)
    assert DateReader(None, doc_years={2019, 2020}).read("on 4 June") == PartialDate(None, 6, 4)


def test_same_day_takes_the_previous_date():
    r = DateReader(SUNDAY)
    r.read("on 3 May")
    assert r.read("the same day") == PartialDate(2021, 5, 3)
    assert r.read("the previous day") == PartialDate(2021, 5, 2)


def test_durations_are_not_dates():
    assert is_duration("two months")
    assert is_duration("for a period of 15 days")
    assert is_duration("the next three months")
    assert not is_duration("last month")
    assert DateReader(SUNDAY).read("three months") is None


def test_partial_dates_compare_at_their_precision():
    assert compatible(PartialDate(2021, 5), PartialDate(2021, 5, 3))
    assert not compatible(PartialDate(2021, 2), PartialDate(2021, 8))
    assert compatible(PartialDate(2021, 8, 16), PartialDate(2021, 8, 17), tolerance_days=1)
    assert not compatible(PartialDate(2021, 8, 16), PartialDate(2021, 8, 17))
    assert compatible(PartialDate(None, 3, 10), PartialDate(2021, 3, 10))
    assert parse_iso("--03-10") == PartialDate(None, 3, 10)
    assert parse_iso("2021-05") == PartialDate(2021, 5)


def test_explicit_dates_found_in_text():
    found = explicit_dates("Seen on March 29, 2018 and again in November 2018; freed 4 May.")
    assert PartialDate(2018, 3, 29) in found and PartialDate(2018, 11) in found
    assert len(found) == 2


def test_days_counted_from_the_date_before():
    r = DateReader(SUNDAY)
    for phrase, day in [("a day later", 4), ("two days later", 5), ("3 days after", 6), ("the day before", 2),
                        ("two days earlier", 1), ("the following day", 4), ("the same day", 3)]:
        r.read("on 3 May")
        assert r.read(phrase) == PartialDate(2021, 5, day), phrase
    r.read("in May 2021")
    assert r.read("two days later") is None  # no day to count from


def test_yearless_day_counts_stay_yearless():
    r = DateReader(None)
    r.read("on 3 May")
    assert r.read("two days later") == PartialDate(None, 5, 5)
    r.read("on 28 February")
    assert r.read("the next day") is None  # 29 February or 1 March: the year decides
    r.read("on 30 April")
    assert r.read("the next day") == PartialDate(None, 5, 1)
