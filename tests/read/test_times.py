"""Time expressions (read/times.py) on English sentences of our own."""

from __future__ import annotations

import pytest

from casefile.core.dates import PartialDate, compatible, infer_year, parse_iso
from casefile.model import Source
from casefile.read.language import language
from casefile.read.parse import parse
from casefile.read.times import TimeExpr, TimeFrame, end_after, find_times, time_frame

SUNDAY = "2021-05-16"  # a Sunday


def times(text: str, published: str | None = None, basis: str = "dateline", code: str = "en") -> list[TimeExpr]:
    doc = parse(code, text)
    src = Source(id="S", file="t.txt", language=code, text=text, published=published,
                 published_basis=basis if published else "none")
    return [t for t in find_times(doc, language(code), time_frame(src, language(code), doc)) if not t.is_duration]


def read(text: str, published: str | None = None, basis: str = "dateline") -> PartialDate | None:
    """What the one time expression of `text` names."""
    found = times(text, published, basis)
    assert len(found) == 1, [(text[t.start_char:t.end_char], t.value) for t in found]
    return found[0].value


def by_phrase(text: str, published: str | None = None) -> dict[str, PartialDate | None]:
    return {text[t.start_char:t.end_char]: t.value for t in times(text, published)}


def test_absolute_forms():
    assert read("He was held on 17 August 2019.") == PartialDate(2019, 8, 17)
    assert read("He was held August 16, 2019.") == PartialDate(2019, 8, 16)
    assert read("He was held on 2019-08-17.") == PartialDate(2019, 8, 17)
    assert read("He was held on Aug. 2, 2024.") == PartialDate(2024, 8, 2)
    assert read("He was held in November 2018.") == PartialDate(2018, 11)
    assert read("He was held in early February 2019.") == PartialDate(2019, 2)
    assert read("He was held in 2018.") == PartialDate(2018)
    assert read("He was held on 14.03.2022.") == PartialDate(2022, 3, 14)


def test_relative_to_publication():
    assert read("He was held on Friday.", SUNDAY) == PartialDate(2021, 5, 14)
    assert read("He was held Sunday.", SUNDAY) == PartialDate(2021, 5, 16)  # the day of the report itself
    assert read("He was held last month.", SUNDAY) == PartialDate(2021, 4)
    assert read("He was held earlier this week.", SUNDAY) == PartialDate(2021, 5)
    assert read("He was held in February.", SUNDAY) == PartialDate(2021, 2)
    assert read("He was held yesterday.", SUNDAY) == PartialDate(2021, 5, 15)
    assert read("He was held earlier this year.", SUNDAY) == PartialDate(2021)
    assert read("He was held last Sunday.", SUNDAY) == PartialDate(2021, 5, 9)  # a week before the report's Sunday


def test_year_of_month_and_day_is_nearest_not_after_publication():
    assert read("He was held on 28 February.", "2021-03") == PartialDate(2021, 2, 28)
    assert read("He was held on 30 November.", "2021-03") == PartialDate(2020, 11, 30)
    assert infer_year(12, 24, PartialDate(2022, 1, 5)) == 2021


def test_unknown_publication_invents_nothing():
    assert read("He was held on Friday.") is None
    assert read("He was held last month.") is None
    assert read("He was held on March 11.") == PartialDate(None, 3, 11)  # year-less, kept at what is known
    assert PartialDate(None, 3, 11).iso() == "--03-11"
    assert PartialDate(None, 3, 11).precision == "unknown"


def test_month_precision_publication_does_not_resolve_weekdays():
    assert read("He was held last Friday.", "2021-05") is None
    assert read("He was held last month.", "2021-05") == PartialDate(2021, 4)


def test_year_from_the_document_when_unambiguous():
    found = by_phrase("In June 2020 the trial opened. He was held on 4 June.")
    assert found["4 June"] == PartialDate(2020, 6, 4)
    found = by_phrase("In May 2019 the case began; in June 2020 the trial opened. He was held on 4 June.")
    assert found["4 June"] == PartialDate(2020, 6, 4)  # the latest date written in full gives the year
    doc = parse("en", "He was held on 4 June.")
    frame = TimeFrame(published=None, year_base=None, doc_years=frozenset({2019, 2020}))
    assert [t.value for t in find_times(doc, language("en"), frame)] == [PartialDate(None, 6, 4)]


def test_a_year_estimated_from_the_content_dates_year_less_days_but_not_weekdays():
    found = by_phrase("He was held on 4 June and questioned on Friday.", None)
    assert found["4 June"] == PartialDate(None, 6, 4)
    text = "He was held on 4 June and questioned on Friday. Last year he was fined."
    got = {text[t.start_char:t.end_char]: t.value for t in times(text, "2021-07", basis="content")}
    assert got == {"4 June": PartialDate(2021, 6, 4), "Friday": None, "Last year": PartialDate(2020)}


def test_same_day_takes_the_previous_date():
    found = by_phrase("He was held on 3 May. The same day his flat was searched. "
                      "The previous day police had called.", SUNDAY)
    assert found["3 May"] == PartialDate(2021, 5, 3)
    assert found["The same day"] == PartialDate(2021, 5, 3)
    assert found["The previous day"] == PartialDate(2021, 5, 2)


def test_durations_are_not_dates():
    text = "He was held for two months, for a period of 15 days, for the next three months; last month he left."
    doc = parse("en", text)
    got = find_times(doc, language("en"), TimeFrame(PartialDate(2021, 5, 16), None))
    assert [(text[t.start_char:t.end_char], t.duration) for t in got if t.is_duration] == [
        ("two months", "P2M"), ("15 days", "P15D"), ("three months", "P3M")]
    assert [(text[t.start_char:t.end_char], t.value) for t in got if not t.is_duration] == [
        ("last month", PartialDate(2021, 4))]


def test_partial_dates_compare_at_their_precision():
    assert compatible(PartialDate(2021, 5), PartialDate(2021, 5, 3))
    assert not compatible(PartialDate(2021, 2), PartialDate(2021, 8))
    assert compatible(PartialDate(2021, 8, 16), PartialDate(2021, 8, 17), tolerance_days=1)
    assert not compatible(PartialDate(2021, 8, 16), PartialDate(2021, 8, 17))
    assert compatible(PartialDate(None, 3, 10), PartialDate(2021, 3, 10))
    assert parse_iso("--03-10") == PartialDate(None, 3, 10)
    assert parse_iso("2021-05") == PartialDate(2021, 5)


def test_dates_written_in_full_give_the_frame():
    text = "Seen on March 29, 2018 and again in November 2018; freed 4 May; held until December 21, 2021."
    doc = parse("en", text)
    frame = time_frame(Source(id="S", file="t", text=text), language("en"), doc)
    # the end of a term (December 2021) may lie after the writing: not a date the text was written after
    assert frame.doc_years == frozenset({2018}) and frame.year_base == PartialDate(2018, 11)
    assert frame.published is None


def test_a_publication_date_before_a_date_written_in_full_is_not_used():
    text = "The court heard the case on 3 March 2022. On Friday he was freed."
    doc = parse("en", text)
    src = Source(id="S", file="t", text=text, published="2021-05-16", published_basis="dateline")
    assert time_frame(src, language("en"), doc).published is None


@pytest.mark.parametrize(("phrase", "day"), [
    ("A day later", 4), ("Two days later", 5), ("3 days after that", 6), ("The day before", 2),
    ("Two days earlier", 1), ("The following day", 4), ("The same day", 3), ("That day", 3)])
def test_days_counted_from_the_date_before(phrase, day):
    found = by_phrase(f"He was held on 3 May. {phrase} he was charged.", SUNDAY)
    key = phrase.split(" that")[0]
    assert found[key] == PartialDate(2021, 5, day), found


def test_no_day_to_count_from():
    found = by_phrase("He was held in May 2021. Two days later he was charged.", SUNDAY)
    assert found["Two days later"] is None
    # an end is no anchor, and a date three sentences back is too far
    found = by_phrase("He was held until 3 May. The next day he was charged.", SUNDAY)
    assert found["The next day"] is None
    found = by_phrase("He was held on 3 May. He said nothing. Nobody came. He waited. The next day he was charged.",
                      SUNDAY)
    assert found["The next day"] is None


def test_yearless_day_counts_stay_yearless():
    assert by_phrase("He was held on 3 May. Two days later he was charged.")["Two days later"] == PartialDate(None, 5, 5)
    # 29 February or 1 March: the year decides
    assert by_phrase("He was held on 28 February. The next day he was charged.")["The next day"] is None
    assert by_phrase("He was held on 30 April. The next day he was charged.")["The next day"] == PartialDate(None, 5, 1)


def test_on_the_nth_is_a_day_of_the_month_told_before():
    found = by_phrase("He was held on 28 April. On the 30th he was charged, and on the 2nd freed. "
                      "He came 21st in the 5th round.", SUNDAY)
    assert found["the 30th"] == PartialDate(2021, 4, 30)
    assert found["the 2nd"] == PartialDate(2021, 5, 2)  # before the day told: the next month's
    assert "the 5th" not in found


def test_the_end_of_a_period():
    got = {f"{t.value.iso() if t.value else None}": t.is_end
           for t in times("On 3 March he was remanded until 5 May.", "2021-12-20")}
    assert got == {"2021-03-03": False, "2021-05-05": True}  # after the day its sentence tells
    got = {f"{t.value.iso() if t.value else None}": t.is_end
           for t in times("He was remanded until at least 5 January.", "2021-12-20")}
    assert got == {"2022-01-05": True}  # nearest the report: a term ends just after it
    got = {f"{t.value.iso() if t.value else None}": t.is_end
           for t in times("He was remanded until 5 December.", "2021-12-20")}
    assert got == {"2021-12-05": True}  # or just before it
    assert end_after(PartialDate(2021, 1, 5), PartialDate(2021, 12, 1)) == PartialDate(2022, 1, 5)
    assert end_after(PartialDate(2021, 1, 5), None) == PartialDate(2021, 1, 5)


def test_a_page_s_own_date_line_is_told_apart():
    text = "Published 2021-05-03 Court jails a poet\n\nThe poet was jailed on 30 April."
    assert [(text[t.start_char:t.end_char], t.kind, t.value) for t in times(text, SUNDAY)] == [
        ("2021-05-03", "header", PartialDate(2021, 5, 3)), ("30 April", "date", PartialDate(2021, 4, 30))]


def test_ranges_keep_their_last_day():
    [t] = times("The trial ran from 10 to 12 May 2021.")
    assert (t.value, t.last) == (PartialDate(2021, 5, 10), PartialDate(2021, 5, 12))


def test_a_language_added_from_data_alone_reads_its_dates_and_terms(tmp_path):
    """A language with no parser of its own (tokens and lower-case lemmas only): its words of
    time and number are data, and the same shapes and resolution read them."""
    from casefile.read.amounts import find_amounts, find_durations
    from casefile.read.language import forget
    from casefile.resources import add_root, remove_root

    folder = tmp_path / "zz"
    folder.mkdir()
    (folder / "language.yaml").write_text("name: Toy\nparser: {kind: blank, spacy_code: xx}\n")
    (folder / "dates.yaml").write_text(
        "match_on: lower\n"
        "months: {1: [januaro], 2: [februaro], 3: [marto], 4: [aprilo], 5: [majo], 6: [junio]}\n"
        "weekdays: {0: [lundo], 4: [vendredo]}\n"
        "fillers: [de]\nprepositions: [en]\nday_suffixes: [an]\n"
        "relative: {hieraux: [day, -1]}\nanaphoric: {la sekvan tagon: 1}\n"
        "counted_days: {units: [tagoj], after: {poste: 1}}\n")
    (folder / "end_markers.yaml").write_text("markers: [gxis]\n")
    (folder / "numbers.yaml").write_text("numerals: {unu: 1, du: 2, tri: 3, sep: 7}\nmultipliers: {mil: 1000}\n")
    (folder / "amounts.yaml").write_text("currencies: {EUR: [euxroj, euxrojn]}\nunits: {Y: [jaroj], M: [monatoj]}\n"
                                         "bounds: {up_to: [gxis]}\n")
    add_root(tmp_path)
    forget()
    try:
        text = ("Li estis arestita la 3an de majo 2021 kaj liberigita la sekvan tagon. Du tagoj poste oni "
                "arestis lin gxis 5an de junio. Oni kondamnis lin al sep jaroj; li pagis tri mil euxrojn. "
                "Vendredo li parolis.")
        doc = parse("zz", text)
        lang = language("zz")
        src = Source(id="S", file="t.txt", language="zz", text=text, published="2021-07-09",
                     published_basis="dateline")
        got = [(text[t.start_char:t.end_char], t.value.iso() if t.value else None, t.is_end)
               for t in find_times(doc, lang, time_frame(src, lang, doc)) if not t.is_duration]
        assert got == [("3an de majo 2021", "2021-05-03", False), ("la sekvan tagon", "2021-05-04", False),
                       ("Du tagoj poste", "2021-05-06", False), ("5an de junio", "2021-06-05", True),
                       ("Vendredo", "2021-07-09", False)]
        assert [q.duration for q in find_durations(doc, lang)] == ["P7Y"]
        [fine] = find_amounts(doc, lang)
        assert fine.amount is not None and (fine.amount.value, fine.amount.currency) == (3000, "EUR")
    finally:
        remove_root(tmp_path)
        forget()


def test_a_weekday_counts_from_a_full_date_the_report_writes_in_its_month():
    """A report dated only to its month that writes a full date (a caption's) in that month:
    its weekdays count from that day."""
    text = "On Tuesday a court jailed the activist. Protesters outside the court in Tarvik, May 3, 2022."
    found = by_phrase(text, "2022-05")
    assert found["Tuesday"] == PartialDate(2022, 5, 3)
    # a full date in another month lends nothing
    assert by_phrase("On Tuesday a court jailed him. He was first held on April 3, 2022.", "2022-05")["Tuesday"] is None


def test_more_shapes_of_dates():
    found = by_phrase("In mid-March he was held; from March to May 2021 he waited; the trial ran on May 10-12, 2021. "
                      "Posted 14-03-2021, updated 03/14/2021.", "2021-06-01")
    assert found["mid-March"] == PartialDate(2021, 3)
    assert found["14-03-2021"] == found["03/14/2021"] == PartialDate(2021, 3, 14)
    [months] = [t for t in times("He waited from March to May 2021.", "2021-06-01")]
    assert (months.value, months.last) == (PartialDate(2021, 3), PartialDate(2021, 5))
    [days] = [t for t in times("The trial ran on May 10-12, 2021.")]
    assert (days.value, days.last) == (PartialDate(2021, 5, 10), PartialDate(2021, 5, 12))


def test_an_anniversary_dates_what_it_is_the_anniversary_of():
    found = by_phrase("July 2, 2024 marks the second anniversary of his detention.")
    assert found["July 2, 2024"] == PartialDate(2022, 7, 2)
    found = by_phrase("On 3 May, the anniversary of his arrest, his wife spoke.", "2024-05-10")
    assert found["3 May"] == PartialDate(None, 5, 3)  # the same day of an unknown year


def test_a_relative_phrase_that_is_a_length_of_time_is_not_a_date():
    got = times("Over the last year and a half he was questioned twice.", SUNDAY)
    assert got == []


def test_a_length_of_time_ago_counts_back_from_the_writing():
    found = by_phrase("Two years ago he was detained; three months ago he was charged; a week ago he was moved.",
                      "2023-06-28")
    assert found == {"Two years ago": PartialDate(2021), "three months ago": PartialDate(2023, 3),
                     "a week ago": PartialDate(2023, 6, 21)}
    assert by_phrase("Two years ago he was detained.") == {"Two years ago": None}
    # a day without a year right after it is of that year, and says it closer
    assert by_phrase("A year ago, on 28 June, he was detained.", "2023-07-10") == {"28 June": PartialDate(2022, 6, 28)}


def test_a_month_of_a_year_and_the_year_told_before():
    found = by_phrase("He was released on bail in September of 2010. He left in March 2011, and in November that "
                      "year he was tried.")
    assert found["September of 2010"] == PartialDate(2010, 9)
    assert found["November that year"] == PartialDate(2011, 11)


def test_a_day_soon_after_the_report_is_coming_not_last_year_s():
    found = by_phrase("The judge set a further hearing on July 27; the tweet was posted on June 3.", "2022-07-01")
    assert found == {"July 27": PartialDate(2022, 7, 27), "June 3": PartialDate(2022, 6, 3)}
    assert by_phrase("He was freed on 30 November.", "2021-03-16")["30 November"] == PartialDate(2020, 11, 30)
