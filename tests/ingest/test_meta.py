"""Outlet, publication date and title from what a report says about itself."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from casefile.ingest.meta import (
    content_date,
    dateline_date,
    find_dates,
    has_date,
    infer_outlet,
    infer_title,
    infer_years,
    latest_date,
    own_year,
    trim_site_name,
)


def test_datelines() -> None:
    assert dateline_date("Headline here\n\nNorthpress , Tuesday 2 Mar 2021\n\nPolice detained a man.") == ("2021-03-02", None)
    assert dateline_date("Title\nPublished - Mar 05, 2021, 05:50 PM ET\n\nText.") == ("2021-03-05", None)
    assert dateline_date("**Public statement, 20 May 2021**\n\nThe group calls for release.") == ("2021-05-20", None)
    assert dateline_date(" date 2021-03-04 Support The Tarvik Herald!\nHeadline") == ("2021-03-04", None)
    ru = "Заголовок новости о суде\nТАРВИК, 27 апреля. /Северпресс/. Суд арестовал блогера Елену Ворцову."
    assert dateline_date(ru) == (None, (4, 27))
    assert dateline_date("Суд арестовал блогера. Фото: Павел Острин. 8 июля 2022 года\n\nТекст статьи.") == ("2022-07-08", None)
    assert dateline_date("12.06.2031, 15:29 Новости\n\nВ Тарвике задержали активиста.") == (None, None)  # future
    assert dateline_date("12.06.2021, 15:29 Новости\n\nВ Тарвике задержали активиста.") == ("2021-06-12", None)
    assert dateline_date("Headline\n\nTARVIK, May 12, 2021 (Northpress) — Police detained a man.") == ("2021-05-12", None)
    assert dateline_date("Headline\n\nTARVIK, Eastland, March 3, 2021 (AP) - Police detained a man.") == ("2021-03-03", None)
    for head in ("March 3, 2021 at 10:05 a.m. EST", "Wed 3 Mar 2021 10.05 GMT", "Mar 3, 2021, 10:05 AM",
                 "3 марта 2021 г., 14:05", "2021-03-03T10:00:00Z"):
        assert dateline_date(f"Headline\n\n{head}\n\nPolice detained a man in the city.") == ("2021-03-03", None)
    assert dateline_date("Headline\n\nJanuary 5 (Northpress) - Police detained a man.") == (None, (1, 5))
    assert dateline_date("Headline\n\nPolice detained him on March 3, 2021 at 10:05 in the city.") == (None, None)
    assert dateline_date("No date here at all.\nPolice detained a man in the town of Tarvik, his lawyer said.") == (None, None)


def test_a_future_date_is_never_a_publication_date() -> None:
    year = date.today().year + 2
    assert dateline_date(f"Published: 4 March {year}\n\nText.") == (None, None)


def test_content_date_is_the_month_of_the_latest_date() -> None:
    text = "Vortsova was detained on 3 March 2021. On 17 August she was released. The trial ended in June 2020."
    assert content_date(text) == "2021-08"
    assert content_date("Nothing dated here.") is None
    # with no year named, a text that dates relative to its year of writing cannot be placed
    assert content_date("В октябре прошлого года дело возобновили, 2 мая ей предъявили обвинение.") is None
    assert latest_date("Суд 8 июля 2022 года приговорил ее.") is not None
    # a term's end may lie after the writing: "until 5 February 2024" dates nothing
    assert content_date("Суд 3 марта 2021 года арестовал его до 5 июня. Арест продлили до 5 августа 2022 года.") \
        == "2021-03"
    assert content_date("He was remanded until May 5, 2022. The court ruled on 3 March 2021.") == "2021-03"
    # a year something has gone on since gives no year to days written without one
    assert content_date("An activist since 2016, he was detained on 21 December.") is None


def test_a_report_counting_from_its_own_year_is_dated_by_its_bundle() -> None:
    ru = "В марте 2017 года ее допросили. В ноябре прошлого года дело возобновили, 14 июня ей предъявили обвинение."
    # the years the text writes out are a floor: the earliest year of the bundle from then on
    year, iso, how = own_year(ru, {2015, 2018, 2020}, today=date(2030, 1, 1))
    assert (year, iso) == (2018, "2018-06") and "2017" in how and "check it" in how
    # "in October last year" counts back from the year of writing
    en = "He was first detained in May 2016. He was charged in October last year, his lawyer said."
    assert own_year(en, {2017, 2019}, today=date(2030, 1, 1))[:2] == (2017, "2017")
    assert own_year(en, {2019}, today=date(2030, 1, 1))[:2] == (2019, "2019")  # no date of 2019 named
    assert own_year("В январе 2019 года его задержали, а в конце апреля этого года отпустили.", {2019, 2021},
                    today=date(2030, 1, 1))[:2] == (2019, "2019-04")
    # nothing without a relative phrase, a named year, a bundle year from the floor on, or in the future
    assert own_year("Police detained him on 3 May 2021.", {2021}) is None
    assert own_year("Last year police detained him on 3 May.", {2021}) is None
    assert own_year(ru, {2015, 2016}, today=date(2030, 1, 1)) is None
    assert own_year(ru, {2031}, today=date(2030, 1, 1)) is None


def test_undated_reports_counting_from_their_own_year_are_dated_by_the_bundle(tmp_path) -> None:
    from casefile.ingest import ingest_paths

    undated = ("Бывшему учителю из Тарвика Ивану Сомову 14 июня предъявили обвинение. Дело возбудили в ноябре "
               "прошлого года, а в марте 2017 года его впервые допросили, сообщили в группе поддержки.\n")
    (tmp_path / "a.txt").write_text(undated, encoding="utf-8")
    (source,) = ingest_paths([tmp_path]).sources
    assert source.published is None  # alone, nothing says which year it counts from
    (tmp_path / "b.txt").write_text("ТАРВИК, 2 марта 2019 года. Суд приговорил учителя Ивана Сомова к двум "
                                    "годам колонии, сообщили в группе поддержки.\n", encoding="utf-8")
    a, b = ingest_paths([tmp_path]).sources
    assert (a.published, a.published_basis) == ("2019-06", "content")
    assert any("2019" in w and "check it" in w for w in a.warnings)
    assert b.published == "2019-03-02"


def test_find_dates_offsets_and_precision() -> None:
    text = "On 3 March 2021 and on August 17, 2019, in June 2020 and on 5 May; 8 июля 2022 года; в апреле 2023."
    found = find_dates(text)
    assert [(f.year, f.month, f.day) for f in found] == [
        (2021, 3, 3), (2019, 8, 17), (2020, 6, None), (None, 5, 5), (2022, 7, 8), (2023, 4, None)]
    assert text[found[0].start:found[0].end] == "3 March 2021"
    # lower-case English month words are words, not months
    assert find_dates("she may 5 times march on") == []


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet="0123456789 ,.MayJunearchvgustиюляпреь", max_size=60))
def test_find_dates_spans_are_in_bounds_sorted_and_disjoint(text: str) -> None:
    found = find_dates(text)
    prev_end = 0
    for f in found:
        assert 0 <= prev_end <= f.start < f.end <= len(text)
        assert 1 <= f.month <= 12
        prev_end = f.end


def test_outlets() -> None:
    assert infer_outlet("Title\n\nNorthpress , Tuesday 2 Mar 2021\n\nPolice detained a man, his lawyer said.") == "Northpress"
    wire = "Headline\n\nTARVIK, Norland (AP) — Police in Tarvik detained the blogger Lena Vortsova on Monday."
    assert infer_outlet(wire) == "Associated Press"
    assert infer_outlet("Story text goes here, a lawyer said.\n\nBy Jane Roe for The Northern Ledger.\n") == "Northern Ledger"
    release = "(Tarvik) – The charge against Lena Vortsova is baseless, Norland Rights Watch said today."
    assert infer_outlet(release) == "Norland Rights Watch"
    assert infer_outlet(" date 2021-03-04 Support The Tarvik Herald!\nHeadline\n\nText of the story.") == "The Tarvik Herald"
    assert infer_outlet("Text of the story, his lawyer said.\n\n© 2021 Norland Rights Watch. All rights reserved.") == (
        "Norland Rights Watch")
    ru = "Заголовок\nТАРВИК, 27 апреля. /Северпресс/. Суд арестовал блогера."
    assert infer_outlet(ru, "ru") == "Северпресс"
    assert infer_outlet("Текст новости о суде.\nИсточник: Северпресс\n", "ru") == "Северпресс"
    # a place in the dateline slot is not an outlet
    assert infer_outlet("Headline\n\nMoscow, 2 Mar 2021\n\nPolice detained a man, his lawyer said.") is None


def test_titles() -> None:
    assert trim_site_name("Blogger held in Tarvik | The Northern Ledger") == "Blogger held in Tarvik"
    assert trim_site_name("Blogger held in Tarvik - Northern Ledger", "Northern Ledger") == "Blogger held in Tarvik"
    assert trim_site_name("Tarvik - the blogger who would not stop") == "Tarvik - the blogger who would not stop"
    assert infer_title("Skip to main content\n\nBlogger Held in Tarvik Over Videos\n\nPolice detained a blogger on Monday, her lawyer said.") == (
        "Blogger Held in Tarvik Over Videos")


@given(st.text(max_size=60), st.one_of(st.none(), st.text(max_size=15)))
def test_trimmed_title_is_a_prefix(title: str, site: str | None) -> None:
    assert title.strip().startswith(trim_site_name(title, site))


def test_infer_years_from_the_bundle() -> None:
    texts = {"S1": "Суд арестовал блогера до 25 июня.", "S2": "Блогера арестовали 27 апреля 2021 года.",
             "S3": "Приговор вынесли в июле 2022 года."}
    published = {"S2": "2022-07-01", "S3": "2022-08-01"}
    # another source writes the same day and month with a year
    assert infer_years(published, {"S1": (4, 27)}, texts)["S1"][0] == "2021-04-27"
    # otherwise the one year every other source dates to
    texts["S2"] = "Блогера арестовали весной."
    assert infer_years(published, {"S1": (4, 27)}, texts)["S1"][0] == "2022-04-27"
    # nothing to go on: no year
    assert infer_years({}, {"S1": (4, 27)}, {"S1": texts["S1"]}) == {}


def test_a_file_photo_date_is_not_the_publication_date() -> None:
    raw = "Headline of the story here\nFile photo: the court in Tarvik, 3 March 2019\n\nPolice detained a man, his lawyer said."
    assert dateline_date(raw) == (None, None)


def test_wire_datelines_without_a_year() -> None:
    en = "Headline\nTARVIK, April 27 (Northpress) - Police detained the blogger Lena Vortsova, her lawyer said."
    assert dateline_date(en) == (None, (4, 27))
    assert infer_outlet(en) == "Northpress"
    ru = "Заголовок\nТАРВИК, 27 апреля — Северпресс. Суд арестовал блогера Елену Ворцову, сообщил адвокат."
    assert dateline_date(ru) == (None, (4, 27))
    assert infer_outlet(ru, "ru") == "Северпресс"


def test_a_title_case_place_and_a_full_date_head_the_report() -> None:
    from casefile.ingest.meta import dateline_date

    assert dateline_date("Гродно, 3 мая 2021 года. Полиция задержала блогера.")[0] == "2021-05-03"
    assert dateline_date("Tbilisi, 3 May 2021 — Police detained a blogger on Monday.")[0] == "2021-05-03"
    # a place and a date without a year, in title case, is not taken for a dateline
    assert dateline_date("Tbilisi, 3 May — Police detained a blogger.")[0] is None


def test_has_date_answers_as_find_dates_does() -> None:
    # no 31 February, but "February 2021" is a month of a year: the later pattern still counts
    lines = ["Vellmark court hearing set for March 3, 2022", "They may appeal in march", "31 February 2021 was no day",
             "Published 12 Apr 2022", "Суд арестовал его 15 марта 2023 года", "No date here at all",
             "the May Day rally"]
    assert [has_date(s) for s in lines] == [bool(find_dates(s)) for s in lines] == [True, False, True, True, True,
                                                                                  False, False]
