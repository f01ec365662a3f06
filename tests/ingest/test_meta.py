"""Outlet, publication date and title from what a report says about itself."""

from __future__ import annotations

from datetime import date

import pytest
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
    url_date,
)


def test_datelines() -> None:
    assert dateline_date("Headline here\n\nNorthpress , Tuesday 2 Mar 2021\n\nPolice detained a man.") == ("2021-03-02", None)
    assert dateline_date("Title\nPublished - Mar 05, 2021, 05:50 PM ET\n\nText.") == ("2021-03-05", None)
    assert dateline_date("**Public statement, 20 May 2021**\n\nThe group calls for release.") == ("2021-05-20", None)
    assert dateline_date(" date 2021-03-04 Support The Tarvik Herald!\nHeadline") == ("2021-03-04", None)
    ru = "Заголовок новости о суде\nТАРВИК, 27 апреля. /Северпресс/. Суд арестовал блогера Елену Ворцову."
    assert dateline_date(ru) == (None, (4, 27))
    assert dateline_date("Суд арестовал блогера. Фото: Павел Острин. 9 июня 2021 года\n\nТекст статьи.") == ("2021-06-09", None)
    assert dateline_date("12.06.2031, 15:29 Новости\n\nВ Тарвике задержали активиста.") == (None, None)  # future
    assert dateline_date("12.06.2021, 15:29 Новости\n\nВ Тарвике задержали активиста.") == ("2021-06-12", None)
    assert dateline_date("Headline\n\nTARVIK, May 12, 2021 (Northpress) — Police detained a man.") == ("2021-05-12", None)
    assert dateline_date("Headline\n\nTARVIK, Eastland, March 3, 2021 (AP) - Police detained a man.") == ("2021-03-03", None)
    for head in ("March 3, 2021 at 10:05 a.m. EST", "Wed 3 Mar 2021 10.05 GMT", "Mar 3, 2021, 10:05 AM",
                 "3 марта 2021 г., 14:05", "2021-03-03T10:00:00Z"):
        assert dateline_date(f"Headline\n\n{head}\n\nPolice detained a man in the city.") == ("2021-03-03", None)
    assert dateline_date("Headline\n\nJanuary 5 (Northpress) - Police detained a man.") == (None, (1, 5))
    assert dateline_date("Headline\n\nPolice held him on March 3, 2021 at 10:05 in the city.") == (None, None)
    assert dateline_date("No date here at all.\nPolice detained a man in the town of Tarvik, his lawyer said.") == (None, None)


def test_a_future_date_is_never_a_publication_date() -> None:
    year = date.today().year + 2
    assert dateline_date(f"Published: 4 March {year}\n\nText.") == (None, None)


def test_content_date_is_the_month_of_the_latest_date() -> None:
    text = "Vortsova was detained on 3 March 2021. On 17 August she was released. The trial ended in June 2020."
    assert content_date(text) == "2021-08"
    assert content_date("Nothing dated here.") is None
    # with no year named, a text that dates relative to its year of writing cannot be placed
    assert content_date("В сентябре прошлого года дело возобновили, 2 мая ей предъявили обвинение.") is None
    assert latest_date("Суд 9 июня 2021 года приговорил ее.") is not None
    # a term's end may lie after the writing: "until 5 February 2024" dates nothing
    assert content_date("Суд 3 марта 2021 года арестовал его до 5 июня. Арест продлили до 5 августа 2022 года.") \
        == "2021-03"
    assert content_date("He was remanded until May 5, 2022. The court ruled on 3 March 2021.") == "2021-03"
    # a year something has gone on since gives no year to days written without one
    assert content_date("An activist since 2016, he was arrested on 21 December.") is None


def test_a_report_counting_from_its_own_year_is_dated_by_its_bundle() -> None:
    ru = "В марте 2017 года ее допросили. В декабре прошлого года дело возобновили, 14 июня ей предъявили обвинение."
    # the years the text writes out are a floor: the earliest year of the bundle from then on
    year, iso, how = own_year(ru, {2015, 2018, 2020}, today=date(2030, 1, 1))
    assert (year, iso) == (2018, "2018-06") and "2017" in how and "check it" in how
    # "in October last year" counts back from the year of writing
    en = "He was first detained in May 2016. He was charged in October last year, his lawyer said."
    assert own_year(en, {2017, 2019}, today=date(2030, 1, 1))[:2] == (2017, "2017")
    assert own_year(en, {2019}, today=date(2030, 1, 1))[:2] == (2019, "2019")  # no date of 2019 named
    assert own_year("В январе 2019 года его задержали, а в начале мая этого года отпустили.", {2019, 2021},
                    today=date(2030, 1, 1))[:2] == (2019, "2019-05")
    # nothing without a relative phrase, a named year, a bundle year from the floor on, or in the future
    assert own_year("Police detained him on 3 May 2021.", {2021}) is None
    assert own_year("Last year police detained him on 3 May.", {2021}) is None
    assert own_year(ru, {2015, 2016}, today=date(2030, 1, 1)) is None
    assert own_year(ru, {2031}, today=date(2030, 1, 1)) is None


def test_undated_reports_counting_from_their_own_year_are_dated_by_the_bundle(tmp_path) -> None:
    from casefile.ingest import ingest_paths

    undated = ("Бывшему учителю из Тарвика Ивану Сомову 14 июня предъявили обвинение. Дело возбудили в декабре "
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
    text = "On 3 March 2021 and on August 17, 2019, in June 2020 and on 5 May; 9 июня 2021 года; в апреле 2023."
    found = find_dates(text)
    assert [(f.date.year, f.date.month, f.date.day) for f in found] == [
        (2021, 3, 3), (2019, 8, 17), (2020, 6, None), (None, 5, 5), (2021, 6, 9), (2023, 4, None)]
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
        assert f.date.month is not None and 1 <= f.date.month <= 12
        prev_end = f.end


def test_outlets() -> None:
    assert infer_outlet("Title\n\nNorthpress , Tuesday 2 Mar 2021\n\nPolice detained a man, his lawyer said.") == "Northpress"
    wire = "Headline\n\nTARVIK, Norland (AP) — Police in Tarvik detained the blogger Lena Vortsova on Monday."
    assert infer_outlet(wire) == "Associated Press"
    assert infer_outlet("Story text goes here, a lawyer said.\n\nBy Jane Roe for The Northern Ledger.\n") == "Northern Ledger"
    release = "(Tarvik) – The charge against Lena Vortsova is baseless, Norland Rights Monitor said today."
    assert infer_outlet(release) == "Norland Rights Monitor"
    assert infer_outlet(" date 2021-03-04 Support The Tarvik Herald!\nHeadline\n\nText of the story.") == "The Tarvik Herald"
    assert infer_outlet("Text of the story, his lawyer said.\n\n© 2021 Norland Rights Watch. All rights reserved.") == (
        "Norland Rights Watch")
    ru = "Заголовок\nТАРВИК, 27 апреля. /Северпресс/. Суд арестовал блогера."
    assert infer_outlet(ru, "ru") == "Северпресс"
    assert infer_outlet("Текст новости о суде.\nИсточник: Северпресс\n", "ru") == "Северпресс"
    # a place in the dateline slot is not an outlet
    assert infer_outlet("Headline\n\nMoscow, 2 Mar 2021\n\nPolice detained a man, his lawyer said.") is None


def test_a_statement_opening_with_its_dateline_names_its_author() -> None:
    text = "Headline\n\nTarvik, March 2, 2021—The Norland Rights Monitor condemns the arrest of Lena Vortsova."
    assert infer_outlet(text) == "Norland Rights Monitor"
    # a news story's dateline followed by the story's own subject names no author
    assert infer_outlet("Headline\n\nTarvik, March 2, 2021 - Police detained Lena Vortsova, her lawyer said.") is None


def test_the_date_in_the_path_of_the_pages_own_address() -> None:
    assert url_date("https://news.example/en/2024/08/30/court-jails-blogger\n\nText.") == "2024-08-30"
    assert url_date("URL: https://example.ru/politics/30/08/2024/66d1a5\n\nТекст.") == "2024-08-30"
    assert url_date("https://example.org/story-20230105.html\n\nText.") is None  # no path segment of its own
    assert url_date("https://example.org/20230105/story\n\nText.") == "2023-01-05"
    # an address inside the story's prose is not the page's own
    assert url_date("Headline\n\nSee https://example.org/2020/01/02/older for more.") is None
    assert url_date("https://example.org/2099/01/02/future\n\nText.") is None


def test_titles() -> None:
    assert trim_site_name("Blogger held in Tarvik | The Northern Ledger") == "Blogger held in Tarvik"
    assert trim_site_name("Blogger held in Tarvik - Northern Ledger", "Northern Ledger") == "Blogger held in Tarvik"
    assert trim_site_name("Tarvik - the blogger who would not stop") == "Tarvik - the blogger who would not stop"
    assert infer_title("Skip to content\n\nBlogger Held in Tarvik Over Videos\n\nPolice detained a blogger on Monday, her lawyer said.") == (
        "Blogger Held in Tarvik Over Videos")
    profile = "Lena Vortsova\n\nAreas of work:\nHome or abroad:\n\nThe Blogger Who Filmed the Port\n\nPolice detained her."
    assert infer_title(profile) == "The Blogger Who Filmed the Port"  # a form's labels are no title


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


# --- date lines, datelines and mastheads of other shapes (sentences written for these tests) ---


def test_wire_datelines_with_full_stops_and_an_agency_after_the_date() -> None:
    en = "Headline\n\nRIGA. May 9 (Northpress) - Police detained the blogger Lena Vortsova, her lawyer said."
    assert dateline_date(en) == (None, (5, 9))
    assert infer_outlet(en) == "Northpress"
    ru = "Заголовок\nТарвик. 5 марта. Северпресс – Суд арестовал блогера Елену Ворцову, сообщил её адвокат."
    assert dateline_date(ru) == (None, (3, 5))
    assert infer_outlet(ru, "ru") == "Северпресс"
    caps = "Заголовок\nТарвик. 19 августа. SEVERPRESS.RU - Верховный суд отклонил жалобу защиты блогера."
    assert dateline_date(caps) == (None, (8, 19))
    assert infer_outlet(caps, "ru") == "SEVERPRESS.RU"
    # a known agency's site name gives the agency, by the name it has in the report's language
    assert infer_outlet(caps.replace("SEVERPRESS.RU", "INTERFAX.RU"), "ru") == "Интерфакс"
    assert dateline_date("Headline\n\nMay 16, 2019 -- Police in Tarvik detained the blogger.")[0] == "2019-05-16"
    # a day and month, then a dash alone, at the head of a line: no dateline without an agency or a year
    assert dateline_date("Tarvik, 3 May — Police detained a blogger.")[0] is None


def test_date_lines_of_many_shapes() -> None:
    story = "\n\nPolice in Tarvik detained the blogger Lena Vortsova on Monday, her lawyer said."
    for line, iso in (("Дата: 09:05, 14-03-2021.", "2021-03-14"), ("3 Feb 2019 08:10", "2019-02-03"),
                      ("12 марта, 2021", "2021-03-12"), ("08.07.2021 19:22 (обновлено 08.07.2021 в 19:36)", "2021-07-08"),
                      ("РАЗДЕЛ | 11:35 / 28.01.2021", "2021-01-28"), ("9- 11.12.2020, 13:10", "2020-12-11"),
                      ("21 декабря 2020 в 1608550000", "2020-12-21"), ("Apr 17, 2022 / 12:45 PM IST", "2022-04-17"),
                      ("19:20, 12 декабря 2022, Тарвик - tarvik.news , Иван ПЕТРОВ", "2022-12-12"),
                      ("Jon Dahl ,Thursday, November 13, 2014", "2014-11-13"), ("Created: Thu, 17/02/2011 - 10:41", "2011-02-17"),
                      ("21 Nov 2017 | Norland, Statements", "2017-11-21"), ("7 сентября 2020, 10:29", "2020-09-07"),
                      ("October 6, 2020 • Urgent Action", "2020-10-06"), ("5 марта 2021 · Новости", "2021-03-05"),
                      ("время публикации: 24 марта 2022 г., 10:38 | последнее обновление: 24 марта 2022 г., 10:40",
                       "2022-03-24")):
        assert dateline_date("Blogger held in Tarvik over videos\n" + line + story) == (iso, None), line


def test_a_page_metadata_line_with_a_timestamp_dates_the_page() -> None:
    raw = ("“Why is she still held?”: Five questions about the blogger’s case, answered.\n\n"
           "2021 2021-11-14T14:05:46+0300 2021-11-14T14:11:34+0300 en https://example.org/img.jpg Tarvik Rights Centre\n"
           "Police detained the blogger Lena Vortsova in July, her lawyer said on Monday.")
    assert dateline_date(raw) == ("2021-11-14", None)


def test_a_statement_dated_on_a_line_of_its_own_under_an_introduction() -> None:
    raw = ("NRG has issued a statement about the continued detention of the blogger Lena Vortsova in Tarvik.\n\n"
           "You can read it below.\n\nNRG Condemns the Continued Detention of Lena Vortsova\n\n5 July 2024\n\n"
           "On 2 July 2024 the blogger marked two years in detention, her lawyer said.")
    assert dateline_date(raw) == ("2024-07-05", None)
    assert infer_outlet(raw) == "NRG"


def test_a_field_of_a_record_is_not_the_page_date() -> None:
    raw = "Lena Vortsova\n\nNorland\nOccupation: Blogger\nArrested: July 4, 2022\nSentence: Two years\n\nShe was detained."
    assert dateline_date(raw) == (None, None)


def test_russian_month_names_are_found_in_every_case() -> None:
    text = "12 августа, 7 сентября 2020 года, 5 октября, 21 декабря 2021 г., в сентябре, в декабре 2019 года, 3 мар 2020"
    assert [(f.date.year, f.date.month, f.date.day) for f in find_dates(text)] == [
        (None, 8, 12), (2020, 9, 7), (None, 10, 5), (2021, 12, 21), (2019, 12, None), (2020, 3, 3)]


def test_a_span_of_time_is_not_a_year_counted_from_the_writing() -> None:
    text = "Over the last year and a half she has been kept in a cell. On November 16, 2023 the court sentenced her."
    assert content_date(text) == "2023-11"
    assert content_date("В прошлом году его задержали 3 мая 2023 года.") is None  # "в прошлом году" still counts


def test_the_end_of_a_term_with_words_between_does_not_date_the_report() -> None:
    assert content_date("On May 30, 2021 the court kept him in custody until at least 1 August 2021.") == "2021-05"
    assert content_date("Суд 30 мая 2021 года оставил его под стражей до конца июля 2021 года.") == "2021-05"


def test_the_day_a_report_calls_today_dates_it() -> None:
    assert content_date("Имя блогера внесли в список разыскиваемых сегодня, 25 декабря 2024 года.") == "2024-12-25"
    assert content_date("Police said today, 3 May 2021, that the blogger had been released.") == "2021-05-03"


def test_a_lead_that_opens_with_a_day_and_calls_it_today_dates_the_report_to_that_day(tmp_path) -> None:
    from casefile.core.dates import PartialDate
    from casefile.ingest import ingest_paths
    from casefile.ingest.meta import lead_day

    assert lead_day("30 мая суд рассмотрел жалобу блогера. Еще 10 апреля возбудили дело. Сегодня суд "
                    "рассматривал апелляцию.") == PartialDate(None, 5, 30)
    assert lead_day("On May 30 a court heard the blogger's appeal. She was detained on May 4.") is None
    (tmp_path / "a.txt").write_text("On May 30, 2023 a court in Tarvik heard the appeal of the blogger Mira "
                                    "Talbot, detained on May 4, 2023. Today the court rejected it.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("30 мая 2023 года в суде Тарвика рассмотрели жалобу блогера Анны Лесных, "
                                    "задержанной 4 мая 2023 года. Сегодня суд отклонил жалобу.\n", encoding="utf-8")
    (tmp_path / "c.txt").write_text("On May 30, 2023 a court in Tarvik heard the appeal of the blogger Mira "
                                    "Talbot, detained on May 4, 2023. The court rejected it.\n", encoding="utf-8")
    a, b, c = ingest_paths([tmp_path]).sources
    assert (a.published, b.published, c.published) == ("2023-05-30", "2023-05-30", "2023-05")


def test_a_report_that_never_writes_a_year_is_dated_by_its_bundle() -> None:
    from casefile.ingest.meta import yearless_dates

    texts = {"S1": "30 мая суд рассмотрел жалобу блогера. Ещё 4 мая её задержали, 5 мая арестовали до 4 июля.",
             "S2": "Блогера Елену Ворцову задержали 4 мая 2023 года в Тарвике.",
             "S3": "Её приговорили к двум годам колонии 8 июля 2024 года."}
    published = {"S2": "2023-05-20", "S3": "2024-07-08"}
    found = yearless_dates(published, {"S1"}, texts)
    # another source writes "4 мая" with 2023; the term's end "до 4 июля" is not the latest date told
    assert found["S1"][0] == "2023-05" and "2023" in found["S1"][1] and "check it" in found["S1"][1]
    # the day it calls today gives the day
    texts["S1"] = "Имя блогера внесли в список разыскиваемых сегодня, 25 декабря. Обмен прошёл 1 августа."
    texts["S2"] = "Обмен заключёнными прошёл 1 августа 2024 года."
    assert yearless_dates({"S2": "2024-08-02"}, {"S1"}, texts)["S1"][0] == "2024-12-25"
    # no other year in the bundle, or no day and month of its own: nothing
    assert yearless_dates({}, {"S1"}, {"S1": texts["S1"]}) == {}
    assert yearless_dates(published, {"S1"}, {**texts, "S1": "Суд арестовал блогера до 4 июля."}) == {}


def test_another_report_s_date_line_ties_only_the_news_day() -> None:
    from casefile.ingest.meta import yearless_dates

    # S1 recalls a protest on 2 March and tells the charge of 13 August; S2 appeared on 2 March
    # 2020 (its date line): that does not put S1 in 2020
    texts = {"S1": "2 марта активист вышел на пикет. 13 августа ему предъявили обвинение.",
             "S2": "2 марта 2020, 12:02\nКассационный суд вернул дело активиста.",
             "S3": "Активиста задержали в сентябре 2019 года."}
    published = {"S2": "2020-03-02", "S3": "2019-09-20"}
    assert yearless_dates(published, {"S1"}, texts)["S1"][0] == "2019-08"
    # the day it tells last is the news day: a report of that date tells the same news
    texts["S1"] = "12 февраля активист вышел на пикет. 2 марта кассационный суд вернул его дело."
    texts["S2"] = "2 марта 2020, 12:02\nКассационный суд вернул дело активиста."
    assert yearless_dates(published, {"S1"}, texts)["S1"][0] == "2020-03"


def test_an_undated_report_gets_its_year_from_the_bundle_with_a_warning(tmp_path) -> None:
    from casefile.ingest import ingest_paths

    (tmp_path / "a.txt").write_text("12 июля против блогера возбудили уголовное дело. Её задержали утром "
                                    "3 июня у своего дома, сообщил её адвокат журналистам.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("ТАРВИК, 9 декабря 2022 года. Суд приговорил блогера Елену Ворцову к двум "
                                    "годам колонии, сообщил её адвокат.\n", encoding="utf-8")
    a, b = ingest_paths([tmp_path]).sources
    assert (a.published, a.published_basis) == ("2022-07", "content")
    assert any("no year" in w and "check it" in w for w in a.warnings)
    assert b.published == "2022-12-09" and not b.warnings


# --- outlets ---------------------------------------------------------------------------------


def test_an_outlet_printed_as_a_masthead() -> None:
    raw = "8 сентября, 2024\n\nTarvik.news\n\nИнформационный портал Тарвика\n\nЯ хотел остаться дома\n\nТекст интервью."
    assert infer_outlet(raw, "ru") == "Tarvik.news"
    assert dateline_date(raw)[0] == "2024-09-08"
    # a known outlet's name on a line of its own, even one that is a common word in quotes
    raw = "Блогер всё ещё в больнице\n3 марта 2021 в 1614762000\n«Зеркало»\nБлогера пока не выписали."
    assert infer_outlet(raw, "ru") == "Зеркало"
    # a desk's credit next to the date line
    raw = "Blogger faces two years over posts\n\nNorthpress News\nApr 17, 2022 / 12:45 PM IST\n\nThe blogger was held."
    assert infer_outlet(raw) == "Northpress News"
    raw = "Blogger faces two years over posts\n\nApr 17, 2022 / 12:45 PM IST\nNorthpress Staff\n\nThe blogger was held."
    assert infer_outlet(raw) == "Northpress"


def test_bylines_and_credits_that_name_the_outlet() -> None:
    ru = ("Суд приговорил блогера к двум годам колонии\n\nСуд в Тарвике приговорил блогера Елену Ворцову к двум "
          "годам колонии, передает корреспондент агентства «Северпресс» из зала суда.")
    assert "«Северпресс»" in (infer_outlet(ru, "ru") or "")
    assert infer_outlet("Репортаж\n\nАнна Белова, корреспондент «Медиазоны»\n\nСуд начался утром.", "ru") == "Медиазона"
    assert infer_outlet("Иллюстрация: Анна Белова / Северпресс\nСуд в Тарвике начался утром.", "ru") == "Северпресс"
    en = "A long road out\nBy JANE ROE\nIllustration by Jon Dahl for NORTHPRESS\nThe guards took her from her cell."
    assert infer_outlet(en) == "NORTHPRESS"
    assert infer_outlet("Headline\n\nBy the Baltic Desk of Northpress\n\nRIGA -- A court jailed a blogger.") == "Northpress"
    en = "A court jailed the blogger, said Northpress's Jon Dahl, reporting from Tarvik, on Monday."
    assert infer_outlet(en) == "Northpress"


def test_an_outlet_introducing_its_own_explainer() -> None:
    ru = ("Блогера задержали 4 мая. Настоящее Время разбирается, почему следствие так торопится.")
    assert infer_outlet(ru, "ru") == "Настоящее Время"
    assert infer_outlet("Медиазона объясняет, почему суд отказал защите.", "ru") == "Медиазона"
    assert infer_outlet("Пять лет назад её задержали. «Северпресс» вспоминает, как шло следствие.", "ru") == (
        "Северпресс")
    # citing another outlet's explainer is not naming one's own; an unquoted unknown name is no outlet
    assert infer_outlet("Как рассказывает «Северпресс», суд продлил арест.", "ru") is None
    assert infer_outlet("Адвокат рассказывает, что суд продлил арест.", "ru") is None
    assert infer_outlet("Mediazona explains what is known about the case of the jailed blogger.") == "Mediazona"


def test_an_outlet_a_source_speaks_to() -> None:
    assert infer_outlet("The blogger's lawyer told the Kloop news site that the court had refused bail.") == "Kloop"
    assert infer_outlet("Об этом «Клоопу» сообщили в пресс-службе суда.", "ru") == "Клооп"
    # not when the text also cites that outlet as another's report, nor an unknown or non-news name
    cited = "According to Kloop, the court refused bail. The lawyer told Kloop the defence would appeal."
    assert infer_outlet(cited) is None
    assert infer_outlet("The lawyer told Jon Dahl that the defence would appeal.") is None


def test_an_outlet_named_in_the_page_furniture_title_or_links() -> None:
    ru = "1. Перейти к основному содержанию\n2. К другим проектам Deutsche Welle\n\nСуд не изменил приговор блогеру\n\nТекст."
    assert infer_outlet(ru, "ru") == "DW"
    assert infer_outlet("Поддержать команду Зеркала\nСуд не изменил приговор блогеру.\nТекст.", "ru") == "Зеркало"
    assert infer_outlet("Lena Vortsova - Front Line Defenders\n\nIncident date: July 2, 2022\n\nSource: Northpress\n") == (
        "Front Line Defenders")
    assert infer_outlet("Суд не изменил приговор\nhttps://p.dw.com/p/4xYz\nСуд отклонил жалобу защиты.", "ru") == "DW"
    # a photo agency in a caption's credit is not the page's outlet
    assert infer_outlet("Headline\nCredit: AP Photo/Jon Dahl\n\nA court in Tarvik jailed the blogger, her lawyer said.") is None
    assert infer_outlet("Story text, his lawyer said.\n\nCopyright 2021 Northern Ledger\n") == "Northern Ledger"


def test_the_outlet_table() -> None:
    from casefile.ingest import outlets

    assert outlets.lookup("Медиазоны").name == "Mediazona"  # type: ignore[union-attr]
    assert outlets.lookup("Азаттыку").name == "RFE/RL"  # type: ignore[union-attr]
    assert outlets.lookup("the Associated Press").name == "Associated Press"  # type: ignore[union-attr]
    assert outlets.lookup("Northpress") is None
    assert outlets.by_domain("https://rus.azattyq.org/a/123.html").name == "RFE/RL"  # type: ignore[union-attr]
    assert outlets.by_domain("news.example.org") is None
    assert outlets.bare_domain("Tarvik.news") == "Tarvik.news" and outlets.bare_domain("Tarvik news") is None
    # a name that is a common word counts in a line only quoted, capitalised inside it, or alone
    assert [o.name for o in outlets.in_line("Поддержать команду Зеркала")] == ["Zerkalo"]
    assert outlets.in_line("зеркало заднего вида") == [] and outlets.in_line("Проект закона") == []
    assert outlets.lookup("Interfax").display("ru") == "Интерфакс"  # type: ignore[union-attr]


def test_a_scraped_page_prints_its_date_line_after_a_long_menu() -> None:
    menu = "\n".join(f"Section {i}" for i in range(60))
    raw = (f"{menu}\nBlogger held in Tarvik over videos\nBy Jon Dahl\nNovember 18, 2019 11:03 PM\n\n"
           "Police in Tarvik detained the blogger Lena Vortsova on Monday, her lawyer said. She denies the charge.")
    assert dateline_date(raw) == ("2019-11-18", None)
    for line, iso in (("11.14.2019 09:00 AM", "2019-11-14"), ("by Example Office / 2016.12.01", "2016-12-01"),
                      ("5:45 AM PST 11/19/2019", "2019-11-19"), ("2019-11-19T12:48:14Z", "2019-11-19")):
        assert dateline_date(f"{menu}\nHeadline of the story\n{line}\n\nPolice detained the blogger on Monday, "
                             "her lawyer said.")[0] == iso, line
    # the story's own sentences are not searched for a date line past its second sentence
    story = " ".join(["Police detained the blogger on Monday, her lawyer said."] * 3)
    assert dateline_date(f"Headline\n\n{story}\n{story}\n\n3 May 2021") == (None, None)


def test_month_names_of_neighbouring_languages_in_date_lines() -> None:
    # a Ukrainian or Belarusian site prints its date line in its own language over Russian text
    assert dateline_date("Адвокат посетила блогера в колонии\n\n2 лютого 2019, 09:20\n1077\n\nТекст.")[0] == "2019-02-02"
    assert dateline_date("Заголовок\n14 сакавіка 2021\nТекст новости.")[0] == "2021-03-14"
    assert find_dates("на 5 лист бумаги") == []  # an abbreviation that is a Russian word is not a month


def test_names_in_press_formulas_and_reporting_credits() -> None:
    release = "Istanbul, January 10, 2022 – The authorities should drop the charges, the Committee to Protect Journalists said today."
    assert infer_outlet(release) == "Committee to Protect Journalists"
    en = "The court ruled on Monday against the blogger.\nNorthpress's Jon Dahl, reporting from Tarvik, said few came."
    assert infer_outlet(en) == "Northpress"
    # a company's legal form goes; the group that owns an outlet is not the outlet
    assert infer_outlet("Story text, his lawyer said.\n\nCopyright © 2024 RFE/RL, Inc.") == "RFE/RL"
    assert infer_outlet("Story text, his lawyer said.\n\n© 2019 Northwind Media Holdings, LLC. All Rights Reserved") is None
    assert infer_outlet("Story text, his lawyer said.\n\nCopyright Policy | Terms of Use") is None
    # a reporter who contributed reporting is not an outlet
    assert infer_outlet("Story text, his lawyer said.\n\nJon Dahl contributed reporting.") is None


def test_an_anniversary_dates_the_report_to_the_day() -> None:
    from casefile.ingest.meta import anniversary, yearless_dates

    assert content_date("Five years ago today, on 7 September 2018, police detained the blogger.") == "2023-09-07"
    assert anniversary("Exactly a year ago — on June 12 — police detained the blogger.")[1] == 1  # type: ignore[index]
    assert anniversary("A year ago, on June 12, police detained the blogger.") is None  # not to the day
    texts = {"S1": "Ровно год назад — 12 июня, накануне праздника, — блогера задержали у дома.",
             "S2": "Суд приговорил блогера к двум годам колонии в декабре 2021 года."}
    assert yearless_dates({"S2": "2021-12-20"}, {"S1"}, texts)["S1"][0] == "2022-06-12"


def test_a_dated_report_gives_its_year_to_the_days_it_writes_without_one() -> None:
    """Another report writing the same day without a year, but with a date line of its own, ties an
    undated report's day to that report's year; a day well after that report's date is last year's."""
    from casefile.ingest.meta import tied_years

    texts = {"A": "The verdict was read on March 9, his lawyer said last year's trial was unfair.",
             "B": "The court will announce the verdict on March 9, the press service said.",
             "C": "Суд назначил слушание на 20 мая."}
    dates = {sid: find_dates(t) for sid, t in texts.items()}
    assert tied_years(dates, "A") == set()  # no report writes the year
    assert tied_years(dates, "A", {"B": "2022-03-04"}) == {2022}  # announced five days ahead
    assert tied_years(dates, "A", {"B": "2022-02-01"}) == {2021}  # over a month ahead: last year's
    assert tied_years(dates, "A", {"B": "2022-05"}) == {2022}  # a month alone counts to its end
    assert tied_years({"A": find_dates("Его арестовали 20 мая."), "C": dates["C"]}, "A", {"C": "2020-06-01"}) == {2020}


def test_a_month_on_a_line_of_its_own_or_after_a_short_label_dates_a_digest_to_the_month() -> None:
    assert dateline_date("Velbrod - December 2022\nActivists sentenced in closed trials\nThe court ruled.")[0] == "2022-12"
    assert dateline_date("March 2021\nMonthly update\nThe court ruled.")[0] == "2021-03"
    assert dateline_date("Велброд — март 2021\nОбзор за месяц\nСуд вынес приговор.")[0] == "2021-03"
    # a headline naming a month is no date line, nor is a sentence
    assert dateline_date("Protests of December 2022 in Velbrod\nThe court ruled.")[0] is None
    assert dateline_date("The court ruled in December 2022 that the blogger stays in jail.\nMore text.")[0] is None


def test_a_date_line_glued_to_the_next_element_of_the_page_is_read() -> None:
    assert dateline_date("11:52 14 апреля 2021Новости\n\nВ Велброде задержали редакторов\n\nТекст.")[0] == "2021-04-14"
    assert dateline_date("09:10 May 3, 2021News\n\nEditors detained in Velbrod\n\nText.")[0] == "2021-05-03"
    # a year followed by lower-case letters is no year
    assert [f.date.year for f in find_dates("May 3, 2021x")] == [None]


def test_a_day_the_lead_writes_without_a_year_is_after_the_background_it_recalls() -> None:
    text = ("On May 21, the district court extended the pretrial detention of the journalist Mira Talbot. "
            "Her lawyer said an appeal will be filed. " * 3 +
            "Mira Talbot was detained on November 27, 2023 and charged with fraud. On December 19, she was "
            "charged again. In 2018, the Supreme Court overturned an earlier verdict.")
    assert content_date(text) == "2024-05"
    # a day the lead writes that falls after the background is in the background's year
    text = text.replace("On May 21", "On December 21")
    assert content_date(text) == "2023-12"


def test_a_guessed_year_is_redone_when_another_report_writes_its_days_with_a_later_one(tmp_path) -> None:
    from casefile.ingest import ingest_paths

    (tmp_path / "a.txt").write_text("The blogger Mira Talbot was detained on November 27 and charged. On December 19 "
                                    "she was charged again. In 2018 a court had acquitted her.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Published 21 March 2024\n\nMira Talbot, detained on November 27, 2023, remains "
                                    "in custody.", encoding="utf-8")
    sources = {s.file: s for s in ingest_paths([tmp_path]).sources}
    assert sources["a.txt"].published == "2023-12" and "check it" in sources["a.txt"].warnings[-1]
    # a day the report writes with its own year elsewhere is not tied by another report's year
    (tmp_path / "a.txt").write_text("Incident date: November 27, 2022\n\nOn November 27 the blogger Mira Talbot was "
                                    "detained.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Published 21 March 2024\n\nNovember 27, 2023 marked a year since Mira Talbot "
                                    "was detained.", encoding="utf-8")
    sources = {s.file: s for s in ingest_paths([tmp_path]).sources}
    assert sources["a.txt"].published == "2022-11"


def test_a_date_line_glued_to_the_paragraph_after_it_dates_the_page_and_is_cut_off() -> None:
    from casefile.ingest.clean import clean_text

    raw = "Blogger pardoned\nMay 22, 2023Mira Talbot, the blogger arrested two years ago, was pardoned on Monday."
    assert dateline_date(raw) == ("2023-05-22", None)
    lines = clean_text(raw).split("\n")
    assert lines[-2:] == ["May 22, 2023", "Mira Talbot, the blogger arrested two years ago, was pardoned on Monday."]
    # a date at the head of a sentence with a space after it is no date line
    assert dateline_date("Blogger pardoned\nMay 22, 2023 was the day Mira Talbot was pardoned by the president.") \
        == (None, None)
    raw = "Блогера помиловали\n22 мая 2023Анну Лесных помиловали в понедельник, сообщили её близкие."
    assert dateline_date(raw) == ("2023-05-22", None)


@pytest.mark.parametrize(("text", "language", "outlet"), [
    ("Headline of the story\n\nBy Associated Press, October 11, 2024\n\nA court announced its verdict on Friday.",
     "en", "Associated Press"),
    ("CPJ - Committee to Protect Journalists\n\n10/17/2024 | Press release\n\nA court sentenced two reporters.",
     "en", "Committee to Protect Journalists"),
    ("CPJ | Комитет защиты журналистов\n\n17.10.2024\n\nСуд приговорил двух журналистов.",
     "ru", "Committee to Protect Journalists"),
])
def test_a_known_outlet_s_byline_with_its_date_or_its_names_side_by_side(text, language, outlet) -> None:
    assert infer_outlet(text, language) == outlet


@pytest.mark.parametrize(("text", "language", "outlet"), [
    ("Текст новости о суде.\nЗнакомые активистки сообщили сайту «Медиазона», что ее перевели.\nЕще текст.", "ru",
     "Медиазона"),
    ("Story text about the court.\nHer friends told the Mediazona news site that she was moved.\nMore text.", "en",
     "Mediazona"),
    ("Текст новости о суде.\nОб этом Медиазона рассказала мать активистки.\nЕще текст.", "ru", "Медиазона"),
    ("Текст новости о суде.\nОб этом Иван Лесных рассказал журналистам.\nЕще текст.", "ru", None),
])
def test_a_source_speaking_to_a_known_outlet_s_site_names_the_outlet(text, language, outlet) -> None:
    assert infer_outlet(text, language) == outlet


@pytest.mark.parametrize(("text", "month"), [
    ("Mira Talbot was convicted on Thursday (29 January) of hooliganism. She was arrested in August, during "
     "a crackdown since summer 2014.", "2015-01"),
    ("Ивана Лесных осудили в четверг, 29 января. Его задержали летом 2014 года.", "2015-01"),
    ("Mira Talbot was convicted on 29 January of hooliganism, in a crackdown since summer 2014.", "2014-01"),
])
def test_a_day_written_with_its_weekday_says_its_year(text, month):
    from casefile.ingest.meta import content_date

    assert content_date(text) == month


def test_a_bundle_year_moves_on_to_the_one_a_weekday_fits():
    from casefile.ingest.meta import yearless_dates

    texts = {"S1": "Published 3 May 2023. Police detained Anna Lesnykh on 2 May 2023.",
             "S2": "Mira Talbot was sentenced on Friday, 30 August, after her arrest on 2 May."}
    got = yearless_dates({"S1": "2023-05-03", "S2": None}, {"S2"}, texts, today=date(2026, 1, 1))
    assert got["S2"][0] == "2024-08"  # 30 August was a Friday in 2024, not in 2023


@pytest.mark.parametrize(("line", "iso", "outlet"), [
    ("Velbrod / 23.10.17 / Examplepress: The appeal court rejected the complaint of Mira Talbot.", "2017-10-23",
     "Examplepress"),
    ("Velbrod / 05/31/17/Examplepress: The district court chose a preventive measure.", "2017-05-31", "Examplepress"),
    ("Велброд / 12.03.21 / Примерпресс: суд арестовал Ивана Лесных.", "2021-03-12", "Примерпресс"),
    ("Velbrod / 03/05/17 / Examplepress: either order, no date.", None, "Examplepress"),
])
def test_an_agency_dateline_set_off_by_slashes(line, iso, outlet):
    assert dateline_date("Headline of the report\n\n" + line)[0] == iso
    assert infer_outlet("Headline of the report\n\n" + line) == outlet


@pytest.mark.parametrize(("text", "language", "outlet"), [
    ('Court keeps Mira Talbot in custody\n\nOn May 3 the court refused to release Mira Talbot, her lawyer told '
     'the "Example Daily" correspondent.', "en", "Example Daily"),
    ("Суд оставил Ивана Лесных под стражей\n\n3 мая суд отказался освободить Ивана Лесных, рассказал "
     "корреспонденту «Кавказского узла» его адвокат.", "ru", "Кавказский узел"),
])
def test_a_source_speaking_to_the_outlet_s_own_correspondent_names_it(text, language, outlet):
    assert infer_outlet(text, language) == outlet


def test_a_known_russian_name_is_found_with_its_fleeting_vowel_dropped():
    from casefile.ingest import outlets as known

    assert known.lookup("Кавказского узла") is known.lookup("Кавказский узел") is not None


@pytest.mark.parametrize(("text", "outlet"), [
    ("Суд над Иваном Лесных\n\nНакануне приговора «Медиазона» кратко рассказывает о деле Ивана Лесных.", "Медиазона"),
    ("Суд над Иваном Лесных\n\nНастоящее Время рассказывает о деле Ивана Лесных, которого судят в Велброде.",
     "Настоящее Время"),
    ("Суд над Иваном Лесных\n\nСайт «Спектра» доступен в России через VPN.\n\nСуд арестовал Ивана Лесных.", "Спектр"),
    ("Суд над Иваном Лесных\n\nКак рассказывает о деле Ивана Лесных «Медиазона», суд отказал.", None),
])
def test_a_russian_outlet_introducing_its_own_account_names_itself(text, outlet):
    assert infer_outlet(text, "ru") == outlet


@pytest.mark.parametrize(("text", "month"), [
    ("On February 10, 2025, the court heard the case of Mira Talbot. The next hearing is scheduled for March 4.",
     "2025-02"),
    ("10 февраля 2025 года суд рассмотрел дело Анны Лесных. Следующее заседание назначено на 4 марта.", "2025-02"),
    # a day told as come is not set for later
    ("10 февраля 2025 года суд рассмотрел дело. 4 марта суд вынес приговор.", "2025-03"),
])
def test_a_day_set_for_what_is_to_come_does_not_date_the_report(text, month):
    assert content_date(text) == month


@pytest.mark.parametrize(("text", "month"), [
    # the only year written is a term's end: a day before it is of that year, one after of the year before
    ("Суд продлил арест Анны Лесных до 3 августа 2024 года. Её арестовали 29 марта.", "2024-03"),
    ("Суд продлил арест Анны Лесных до 3 февраля 2024 года. Её арестовали 29 октября.", "2023-10"),
    ("A court extended Mira Talbot's detention until August 3, 2024. She was arrested on March 29.", "2024-03"),
])
def test_a_term_s_end_gives_its_year_to_the_days_of_a_text_with_no_other(text, month):
    assert content_date(text) == month


def test_a_year_named_long_before_the_bundle_was_published_is_history_not_a_year_of_the_case() -> None:
    from casefile.ingest.meta import yearless_dates

    texts = {"S1": "Блогера Анну Лесных задержали 10 марта на перевале. 12 марта она была дома.",
             "S2": "После референдума 16 марта 2005 года Анна Лесных уехала. В марте 2021 года её задержали.",
             "S3": "Mira Talbot was sentenced to six years."}
    found = yearless_dates({"S3": "2022-02-10"}, {"S1"}, texts)
    assert found["S1"][0] == "2021-03"
