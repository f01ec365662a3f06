"""Boilerplate removal on pages written for these tests (fictional people and places)."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from casefile.ingest.clean import (
    _one_pattern,
    banner_kind,
    clean_text,
    is_prose,
    is_sentence,
    line_kind,
    strip_markdown,
)

STORY = [
    "Skip to main content",
    "Menu",
    "Blogger Held After Posting Videos About Local Officials",
    "Share on Facebook",
    "Lena Vortsova at the Tarvik district court. 3 March 2021",
    "Lena Vortsova at the Tarvik district court. 3 March 2021",
    "Pavel Ostrin / Northpress / Imagebank",
    "",
    "TARVIK, Norland (Northpress) — Police in Tarvik detained the blogger Lena Vortsova on Monday, her lawyer said.",
    "",
    "She was charged with insulting officials, an offence that carries up to two years in jail.",
    "",
    "Her lawyer, Oskar Brandt, said he would appeal, because the videos showed nothing but public records",
    "",
    "Support The Tarvik Herald!",
    "Cookies help us deliver our services. By using this site you accept our cookie policy.",
    "Our Offices",
    "12 Harbour Road",
]


def test_page_furniture_goes_and_the_story_stays() -> None:
    out = clean_text("\n".join(STORY)).split("\n")
    assert "Blogger Held After Posting Videos About Local Officials" in out
    assert any(ln.startswith("TARVIK, Norland") for ln in out)
    assert "She was charged with insulting officials, an offence that carries up to two years in jail." in out
    # the last paragraph, broken off without a full stop by the scrape, is still story
    assert any(ln.startswith("Her lawyer, Oskar Brandt") for ln in out)
    for chrome in ("Skip to main content", "Menu", "Share on Facebook", "Pavel Ostrin / Northpress / Imagebank",
                   "Support The Tarvik Herald!", "Our Offices", "12 Harbour Road"):
        assert chrome not in out
    # a caption printed with its photo credit, and again elsewhere, goes everywhere
    assert not any("district court. 3 March 2021" in ln for ln in out)


def test_short_title_printed_with_a_photo_caption_goes() -> None:
    lines = [
        "Norland Court Hearing",
        "Lena Vortsova, centre, leaves the court in Tarvik, Norland, on Friday, May 3, 2024. (AP Photo/Jon Dahl)",
        "",
        "Tarvik court orders blogger held for two months",
        "",
        "A court in Tarvik on Friday ordered the blogger Lena Vortsova held in pre-trial detention for two months.",
    ]
    out = clean_text("\n".join(lines))
    assert "Norland Court Hearing" not in out
    assert "(AP Photo/Jon Dahl)" not in out
    assert "Tarvik court orders blogger held for two months" in out
    assert "ordered the blogger Lena Vortsova held" in out


def test_russian_chrome() -> None:
    lines = [
        "Перейти к материалам",
        "Читайте также: суд в Тарвике продлил арест блогеру",
        "",
        "Суд в Тарвике арестовал блогера Елену Ворцову на два месяца, сообщил ее адвокат.",
        "Елена Ворцова. Фото: Павел Острин / Северпресс",
        "Защитник пообещал оспорить решение в вышестоящем суде.",
        "Источник: Северпресс",
        "Подписывайтесь на наш Telegram-канал, чтобы не пропустить главное",
        "Поделиться",
    ]
    out = clean_text("\n".join(lines), language="ru").split("\n")
    assert out == [
        "Суд в Тарвике арестовал блогера Елену Ворцову на два месяца, сообщил ее адвокат.",
        "Защитник пообещал оспорить решение в вышестоящем суде.",
    ]


def test_legal_terms_that_look_like_banners_stay() -> None:
    # "подписка о невыезде" (a written undertaking not to leave) is a measure of restraint, not a banner
    line = "Суд отпустил Ворцову под подписку о невыезде и запретил ей пользоваться интернетом."
    assert clean_text(line, language="ru") == line
    assert banner_kind(line, "ru") is None


def test_scraper_date_prefix_does_not_hide_a_banner() -> None:
    assert banner_kind(" date 2021-03-04 Support The Tarvik Herald!") == "footer"
    assert line_kind("Pavel Ostrin / Northpress") == "captions"
    assert line_kind("Police detained the blogger on Monday, her lawyer said.") is None


def test_markdown_is_stripped_and_take_action_goes() -> None:
    md = ("# NORLAND: RELEASE BLOGGER LENA VORTSOVA\n\n**Public statement, 4 March 2021**\n\n"
          "Norland Rights Watch calls on the authorities to release the blogger **Lena Vortsova** at once.\n\n"
          "**Take action:** share this statement and write to the prosecutor.\n")
    out = clean_text(md, markdown=True)
    assert "release the blogger Lena Vortsova at once." in out
    assert "Take action" not in out and "**" not in out


@pytest.mark.parametrize(("line", "text"), [
    ("She was fined \\$300 and **banned** from _travel_.", "She was fined $300 and banned from travel."),
    ("Read [the court's ruling](https://example.org/r) on `case 12`.", "Read the court's ruling on case 12."),
    ("![Lena Vortsova outside the court](photo.jpg)", "Lena Vortsova outside the court"),
    ("See the statement (<https://example.org/s>) today.", "See the statement today."),
    ("## 2021. The court ruled  ", "2021. The court ruled"),  # no list read into a year
    ("Her a_b snake_case handle and 5 * 3 stay.", "Her a_b snake_case handle and 5 * 3 stay."),
])
def test_markdown_reads_as_the_words_a_reader_sees(line: str, text: str) -> None:
    assert strip_markdown(line) == text


@given(st.text(max_size=200))
def test_markdown_stripping_never_fails_and_never_invents_letters(line: str) -> None:
    out = strip_markdown(line)
    letters = Counter(c for c in line if c.isalpha())
    assert all(n <= letters[c] for c, n in Counter(c for c in out if c.isalpha()).items())


def test_sentence_shapes() -> None:
    assert is_sentence("Police detained the blogger on Monday, her lawyer said.")
    assert not is_sentence("Blogger Held After Posting Videos")
    assert is_prose("Her lawyer, Oskar Brandt, said he would appeal because the videos showed nothing but public")
    assert not is_prose("Norland Court Hearing")


_line = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=80).map(
    lambda s: s.replace("\n", " ").replace("\r", " "))


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(_line, st.sampled_from(STORY)), max_size=25), st.sampled_from(["en", "ru"]))
def test_clean_text_never_invents_text(lines: list[str], language: str) -> None:
    text = "\n".join(lines)
    out = clean_text(text, language=language)
    source = set(ln.rstrip() for ln in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    squeezed = re.sub(r"\s+", "", text)
    for line in out.split("\n"):
        # a line of the text, or lines of it a hard wrap broke, joined again
        assert line == "" or line in source or re.sub(r"\s+", "", line) in squeezed
    assert not out.startswith("\n") and not out.endswith("\n")


def test_dated_photo_captions_go_but_story_about_a_photo_stays() -> None:
    assert line_kind("In this June 4, 2016, photo, Lena Vortsova gestures as she speaks in Tarvik.") == "captions"
    assert line_kind("In this case, the photo was used as evidence against her in court, her lawyer said.") is None


def test_a_group_of_patterns_matches_as_one_alternation_only_where_that_is_safe() -> None:
    pats = (re.compile(r"share( this)?"), re.compile(r"read more"))
    (one,) = _one_pattern(pats, 0)
    assert [bool(one.fullmatch(s)) for s in ("share this", "read more", "share this read more", "share")] == \
           [True, True, False, True]
    doubled = (re.compile(r"(\w+) \1"), re.compile(r"menu"))
    assert _one_pattern(doubled, 0) == doubled  # a back-reference would point at another group


def test_a_caption_printed_twice_in_a_row_goes_but_a_headline_printed_twice_stays() -> None:
    caption = "Oren Valsky speaks at a rally in Tarvik in August 2019."
    raw = (f"Tarvik Court Jails Journalist\n\nTarvik Court Jails Journalist\n\n{caption}\n{caption}\n\n"
           "TARVIK -- A court in Tarvik has sentenced the journalist Oren Valsky to two years behind bars for his "
           "reporting on the protests, his lawyer said on Monday.\n\nValsky denied the charges and said he would "
           "appeal the verdict to a higher court.\n")
    text = clean_text(raw)
    assert "August 2019" not in text
    assert text.startswith("Tarvik Court Jails Journalist") and "sentenced the journalist" in text


def test_menus_numbered_and_links_to_sister_sites_go() -> None:
    lines = ["1. Перейти к основному содержанию", "2. Перейти к меню", "4. К другим проектам Северпресс",
             "", "Суд в Тарвике не изменил приговор блогеру", "",
             "Городской суд Тарвика отклонил жалобу защиты и не стал менять приговор блогеру Елене Ворцовой.",
             "https://p.example.org/p/4xYz", "",
             "Судья сказал, что решение вступает в законную силу сразу после оглашения."]
    out = clean_text("\n".join(lines), language="ru")
    for chrome in ("Перейти к основному содержанию", "Перейти к меню", "К другим проектам", "https://p.example.org"):
        assert chrome not in out
    assert "Городской суд Тарвика отклонил жалобу защиты" in out


def test_credits_glued_to_captions_and_drawings_go() -> None:
    lines = ["Елена Ворцова в суде", "Елена Ворцова в судеФото: Павел Острин/Северпресс", "",
             "Ворцова и её адвокат в зале суда. Рисунок: Анна Белова", "",
             "Суд в Тарвике назначил блогеру Елене Ворцовой два года колонии, сообщил её адвокат журналистам.",
             "", "Адвокат сказал, что защита подаст апелляционную жалобу в течение десяти дней."]
    out = clean_text("\n".join(lines), language="ru")
    assert "Фото: Павел Острин" not in out and "Рисунок: Анна Белова" not in out
    assert "Елена Ворцова в суде\n" not in out
    assert "назначил блогеру Елене Ворцовой два года колонии" in out
    for line in ("Ваш браузер не поддерживает видео", "Your browser doesn’t support the video tag", "Поделиться:"):
        assert line_kind(line, "ru") is not None


def test_image_credits_illustrations_and_editorial_notes_go() -> None:
    lines = [
        "GET REAL-TIME STOCK QUOTES & ALERTS", "Install the App", "",
        "Tarvik blogger faces two years over posts about officials", "",
        "The blogger was detained after posting videos about local officials, her lawyer said on Monday.",
        "The blogger was detained after posting videos about local officials, her lawyer said on Monday. "
        "(Image credit: @someone/Twitter)", "",
        "Illustration by Jane Roe for THE NORTHERN LEDGER",
        "This conversation has been condensed and edited for clarity.", "",
        "Lena Vortsova was charged with insulting officials and faces up to two years behind bars, the court said.",
        "Download the full report here.", "",
        "Her lawyer said the defence would appeal against the detention order within ten days of the ruling.",
    ]
    out = clean_text("\n".join(lines))
    for chrome in ("GET REAL-TIME STOCK QUOTES", "Install the App", "Image credit", "Illustration by",
                   "edited for clarity", "full report here"):
        assert chrome not in out
    assert "Lena Vortsova was charged with insulting officials" in out
    assert "Her lawyer said the defence would appeal" in out


def test_staff_titles_counters_and_generated_image_descriptions_before_the_story_go() -> None:
    lines = ["Publisher and Managing Editor", "Jon Dahl", "Night Editor", "- 4,031", "",
             "Tarvik court jails blogger over posts about officials", "",
             "a woman in a grey coat standing in front of a building with a banner above her and people around", "",
             "A court in Tarvik on Friday jailed the blogger Lena Vortsova for two years over her posts, her lawyer said."]
    out = clean_text("\n".join(lines))
    for chrome in ("Publisher and Managing Editor", "Night Editor", "4,031", "a woman in a grey coat"):
        assert chrome not in out
    assert "Tarvik court jails blogger over posts about officials" in out


def test_a_fundraising_line_goes_but_does_not_end_the_story() -> None:
    lines = ["Tarvik court jails blogger over posts about officials", "",
             "A court in Tarvik on Friday jailed the blogger Lena Vortsova for two years over her posts, her lawyer said.",
             "", "Support our work on Patreon", "",
             "Her friends raised money for her defence on GoFundMe, and the campaign has now closed after the verdict.",
             "", "Her lawyer said the defence would appeal against the verdict within ten days of the ruling."]
    out = clean_text("\n".join(lines))
    assert "Support our work on Patreon" not in out
    assert "raised money for her defence on GoFundMe" in out  # a sentence of the story
    assert "Her lawyer said the defence would appeal" in out  # the appeal line is no footer


def test_a_scrapers_date_before_the_first_line_is_no_word_of_the_report() -> None:
    out = clean_text(" date 2023-03-03 Blogger Held in Tarvik Over Videos\n\nPolice detained a blogger on Monday, "
                     "her lawyer said.\n")
    assert out.startswith("Blogger Held in Tarvik") and "2023-03-03" not in out


WIRE = """VELBROD, May 3 (Example News) - A journalist in the republic was
sentenced on Thursday to five years in prison in a case critics
say shows a crackdown on dissent in the oil-rich former
republic.
Mira Talbot, a reporter with the opposition daily Morning Star
and a member of an opposition party, was first jailed last
August on charges of hooliganism.
"This verdict is not fair and the whole case has been
fabricated," her lawyer, Oren Valsky, told Example News.
He said the verdict would be appealed."""


def test_a_hard_wrapped_report_keeps_every_paragraph_on_one_line():
    from casefile.ingest.clean import unwrap

    text = clean_text(WIRE)
    assert "was sentenced on Thursday to five years in prison" in text
    assert "was first jailed last August on charges of hooliganism." in text
    assert '"This verdict is not fair and the whole case has been fabricated," her lawyer' in text
    assert len(text.splitlines()) == 3  # one line a paragraph: a short line ended each
    wrapped = ["Суд в Велброде приговорил журналистку Анну Лесных к шести годам",
               "колонии общего режима, сообщила ее адвокат Ирина Орлик в пятницу.",
               "Адвокат сказала, что защита обжалует приговор в вышестоящем суде,",
               "когда получит его текст.",
               "Анну Лесных задержали в мае прошлого года в ее квартире в Велброде,",
               "после обыска, который длился несколько часов."]
    out = unwrap(wrapped)
    # no sentence broken across lines (a full line ending a sentence may go on in its paragraph)
    assert len(out) < len(wrapped) and all(ln.rstrip().endswith(".") for ln in out)
    assert " ".join(out) == " ".join(wrapped)


@pytest.mark.parametrize("lines", [
    ["Home", "News", "A report whose paragraphs are long lines of their own, as scraped pages are, " * 3,
     "Another paragraph that runs on well past any fixed width a wire service would wrap at, " * 2,
     "Short line", "A third paragraph long enough to be story text and not a menu, ending so." * 2, "Contact us"],
])
def test_a_report_that_is_not_wrapped_comes_back_unchanged(lines):
    from casefile.ingest.clean import unwrap

    assert unwrap(lines) == lines


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(alphabet="abcdefgh .,-\u0436", min_size=0, max_size=90), min_size=0, max_size=30))
def test_unwrapping_loses_no_word(lines):
    from casefile.ingest.clean import unwrap

    words = Counter(w.strip("-") for ln in lines for w in ln.split())
    assert Counter(w.strip("-") for ln in unwrap(lines) for w in ln.split()) == words or any(
        ln.rstrip().endswith("-") for ln in lines)  # (a word broken at a hyphen is one word again)
