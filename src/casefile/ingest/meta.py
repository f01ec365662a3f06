"""Source metadata from the text itself: outlet, publication date, title.

HTML pages bring their own metadata (see `html.py`); these functions read what a
plain-text report says about itself, in the shapes news pages use:

- datelines: "PLACE, April 27 (Agency) -", "PLACE. 27 April. AGENCY -", "Place, 3 May 2024 —",
  "April 27, 2024 -- ...";
- date lines: "3 May 2024, 10:05", "12.03.2021 09:05 (updated ...)", "Section | 11:35 / 12.03.2021",
  "Published: 3 May", a date on a line of its own near the top, a metadata line with an ISO
  timestamp;
- mastheads and bylines: an outlet's name or site on a line of its own, "By X for Outlet",
  "X, columnist of «Outlet»", an illustration credit "for Outlet", a desk credit "Outlet News";
- self-references: "«Outlet» explains what is known", "told Outlet", a menu or banner line
  naming the outlet, a link to its site, a copyright line.

Words of a language live in `resources/<lang>/published.yaml`, `end_markers.yaml` and
`outlets.yaml`; month and weekday names come from dateparser's locale data; known outlets
from `resources/outlets.yaml` (see `outlets.py`). Dates are `PartialDate`s, the model every
stage shares; `DateSpan` adds where the text writes one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from functools import cache, lru_cache
from urllib.parse import urlsplit

from casefile.core.dates import PartialDate, end_marker_before, parse_iso
from casefile.core.patterns import alternation
from casefile.ingest import outlets as known
from casefile.ingest.clean import SCRAPER_DATE, banner_kind, is_prose, is_sentence, line_kind, strip_markdown
from casefile.resources import language_codes, load, place_names

_MONTH_KEYS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
               "october", "november", "december")
_WEEKDAY_KEYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})(?!\d)")  # also "2021-03-03T10:00:00Z"
# a machine-written timestamp ("2021-11-14T14:05:46+0300"): a page's metadata, not prose
_ISO_STAMP = re.compile(r"\b((?:19|20)\d\d)-([01]\d)-([0-3]\d)T[0-2]\d:[0-5]\d")
_WORD = re.compile(r"\w+")
# numeric dates: day first with dots or dashes ("12.06.2021", "1.2.2021", "14-03-2021") unless
# the second part is over 12 ("11.14.2019"); with slashes the order is read from a part over 12
# ("17/02/2011" is day first, "02/17/2011" month first); the year first ("2016.12.01")
_DOTTED = re.compile(r"(?<![\d.])([0-3]?\d)\.([01]?\d)\.((?:19|20)\d\d)(?![\d.]\d)")
_YEAR_FIRST = re.compile(r"(?<![\d.\-/])((?:19|20)\d\d)[./]([01]?\d)[./]([0-3]?\d)(?![\d.]\d)")
_DASHED = re.compile(r"(?<![\d-])([0-3]?\d)-([01]?\d)-((?:19|20)\d\d)(?![\d-])")
_SLASHED = re.compile(r"(?<![\d/])([01]?\d|[0-3]?\d)/([01]?\d|[0-3]?\d)/((?:19|20)\d\d)(?![\d/])")
_CLOCK = re.compile(r"(?<![\d:])[0-2]?\d[:.][0-5]\d(?::[0-5]\d)?(?:\s*[ap]\.?\s?m\.?)?(?![\d])", re.I)
# what may trail a time of day: a zone ("GMT", "MSK", "(EST)", "UTC+3", "+03:00")
_ZONE = re.compile(r"^\s*(?:\(?[A-Z]{2,5}\)?(?:\s*[+-]\d{1,2}(?::?\d{2})?)?|[+-]\d{2}:?\d{2})(?![\w])")
# a long number after a date: a scraper's unix timestamp ("21 December 2022 at 1671632040")
_STAMP_NUMBER = re.compile(r"^\s*\d{9,11}\b")
_SEPARATORS = " \t,.;:|/·•—–-()[]"


@dataclass(frozen=True)
class DateSpan:
    """A date the text writes, where it writes it (character offsets into the text)."""

    start: int
    end: int
    date: PartialDate

    def iso(self) -> str | None:
        """The ISO date or partial date; None without a year."""
        return self.date.iso() if self.date.year is not None else None


# --- the words of each language ------------------------------------------------------


def _languages() -> tuple[str, ...]:
    """The languages whose date and outlet words ingest reads: every registered one."""
    return language_codes()


@cache
def _month_locales() -> tuple[str, ...]:
    """The locales whose month and weekday names are read: the registered languages that
    dateparser knows, and those that `languages.yaml` (`month_names_also`) adds: the languages
    of pages that carry the registered languages' text and print their date lines in their own
    (their abbreviations, which are words of the registered languages as often as not, are not read)."""
    from dateparser.data import language_order

    known = set(language_order)
    extra = [str(x) for x in load("languages.yaml").get("month_names_also") or []]
    return tuple(x for x in dict.fromkeys([*_languages(), *extra]) if x in known)


@cache
def _words(language: str) -> dict:
    try:
        return load(f"{language}/published.yaml") or {}
    except FileNotFoundError:
        return {}


def _all_words(key: str) -> list[str]:
    return list(dict.fromkeys(str(w) for lang in _languages() for w in _words(lang).get(key) or []))


@cache
def _words_pattern(key: str, template: str) -> re.Pattern[str]:
    """`template` with every language's words of `key` (longest first) put in for "{words}"."""
    return re.compile(template.replace("{words}", alternation(_all_words(key))), re.I)


def _label() -> re.Pattern[str]:
    """A date label opening a line: "Published:", "Дата:", "Last Modified -"."""
    return _words_pattern("labels", r"^(?:{words})\b\s*[-:–—]?\s*")


def _update_label() -> re.Pattern[str]:
    return _words_pattern("update_labels", r"(?<!\w)(?:{words})\b")


@cache
def _time_word() -> str:
    return alternation(_all_words("time_words"))


@cache
def _relative_years() -> tuple[tuple[re.Pattern[str], int], ...]:
    """Phrases counting years from the year of writing ("last year" -1), every language's."""
    out = []
    for lang in _languages():
        for rx, off in (_words(lang).get("relative_years") or {}).items():
            out.append((re.compile(str(rx), re.I), int(off)))
    return tuple(out)


def _since_before() -> re.Pattern[str]:
    return _words_pattern("since", r"(?<![\w-])(?:{words})\s+$")


def _today_before() -> re.Pattern[str]:
    """"today, " just before a date: the report's own day."""
    return _words_pattern("today", r"(?<![\w-])(?:{words})\s*(?:,|\(|—|–|-)?\s*$")


def _today_word() -> re.Pattern[str]:
    """"today" standing alone: the day of writing."""
    return _words_pattern("today", r"(?<![\w-])(?:{words})(?![\w-])")


def _end_before() -> re.Pattern[str]:
    return end_marker_before(_languages())


def _ahead_of_writing(text: str, start: int) -> bool:
    """Whether the date at `start` ends a span ("until 5 May", "до конца мая"), or is a day set
    for what is to come ("the next hearing is scheduled for March 4", "заседание назначено на 4
    марта"): either may lie after the writing."""
    before = text[max(0, start - 40):start]
    return bool(_end_before().search(before)) or bool(_scheduled_before().search(before))


@cache
def _scheduled_before() -> re.Pattern[str]:
    return _words_pattern("scheduled", r"(?<![\w-])(?:{words})\s+(?:\w+\s+){0,1}$")


# --- month and weekday names ---------------------------------------------------------


@cache
def _month_table() -> tuple[tuple[str, int, str], ...]:
    """(name, month, regex) for the month names of the languages read, longest first.

    Cyrillic names inflect ("июля", "в июле", "сентябре"): the full names (the longest ones
    dateparser lists, nominative and genitive) give a stem they share, taken with up to three
    letters of ending; an abbreviation ("сент", "дек") is taken as written, with a dot or not.
    A stem too short to be safe ("ма-") takes the listed forms and the prepositional "-е" only.
    """
    from dateparser.languages.loader import default_loader  # loaded once, on first use

    table: dict[str, tuple[int, str]] = {}
    for lang in _month_locales():
        info = default_loader.get_locale(lang).info
        shortest = 3 if lang in _languages() else 5
        for k, key in enumerate(_MONTH_KEYS, start=1):
            names = [n.lower() for n in info.get(key, []) if len(n) >= shortest and not n.isdigit()]
            cyrillic = [n for n in names if re.search("[а-яё]", n)]
            longest = max((len(n) for n in cyrillic), default=0)
            full = [n for n in cyrillic if len(n) >= longest - 1]
            stem = _common_prefix(full) if full else ""
            for name in names:
                if not re.search("[а-яё]", name):
                    table[name] = (k, re.escape(name) + r"\.?")
                elif len(stem) >= 3 and name.startswith(stem):
                    table[name] = (k, re.escape(stem) + "[а-яё]{0,3}")
                elif len(stem) >= 3:
                    table[name] = (k, re.escape(name) + r"\.?")  # an abbreviation
                else:
                    table[name] = (k, re.escape(name))
                    table[stem + "е"] = (k, re.escape(stem + "е"))
    return tuple(sorted(((n, k, rx) for n, (k, rx) in table.items()), key=lambda t: -len(t[0])))


@cache
def _weekday_forms() -> dict[str, int]:
    """The weekday names and abbreviations of the languages read, with the forms dateparser
    lists ("пятницу"), each with its day (Monday = 0)."""
    from dateparser.languages.loader import default_loader

    out: dict[str, int] = {}
    for lang in _month_locales():
        info = default_loader.get_locale(lang).info
        for k, key in enumerate(_WEEKDAY_KEYS):
            out.update((n.lower(), k) for n in info.get(key, []) if len(n) >= 2 and not n.isdigit())
    return out


WEEKDAY_NAME = 5  # letters of a full weekday name: a shorter abbreviation ("we", "sun") is as often a word


@cache
def _weekday_names() -> dict[str, int]:
    """Full weekday names of the languages read (`_weekday_forms` without abbreviations)."""
    return {n: k for n, k in _weekday_forms().items() if len(n) >= WEEKDAY_NAME}


WEEKDAY_REACH = 14  # characters between a weekday and the day it names ("Thursday (29 January)")


def _weekday_of(text: str, f: DateSpan) -> int | None:
    """The weekday written right before a date ("on Thursday (29 January)", "в четверг, 29 января")."""
    before = text[max(0, f.start - WEEKDAY_REACH):f.start].lower()
    words = re.findall(r"[^\W\d_]+", before)
    return _weekday_names().get(words[-1]) if words else None


def weekday_year(text: str, f: DateSpan, year: int, today: date | None = None) -> int:
    """The year, from `year` on and no later than today's, in which a day written with its
    weekday falls on that weekday ("convicted on Thursday (29 January)" is of a year whose 29
    January is a Thursday); `year` where the text writes no weekday with it or none fits."""
    wd = _weekday_of(text, f)
    if wd is None or f.date.month is None or f.date.day is None:
        return year
    last = (today or date.today()).year
    for y in range(year, min(year + 7, last + 1)):
        try:
            if date(y, f.date.month, f.date.day).weekday() == wd:
                return y
        except ValueError:
            continue
    return year


@cache
def _weekday() -> str:
    """The weekday names and abbreviations of the languages read, as one regex alternation."""
    return "|".join(re.escape(n) + r"\.?" for n in sorted(_weekday_forms(), key=len, reverse=True))


def _common_prefix(words: list[str]) -> str:
    first = min(words)
    last = max(words)
    i = 0
    while i < min(len(first), len(last)) and first[i] == last[i]:
        i += 1
    return first[:i]


@cache
def _date_patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    alts = list(dict.fromkeys(rx for _, _, rx in _month_table()))
    m = "(?P<m>" + "|".join(sorted(alts, key=len, reverse=True)) + ")"
    d = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?"
    y = r"(?P<y>(?:19|20)\d\d)(?:\s*(?:года|г\.))?"
    flags = re.IGNORECASE
    # a year ends where no digit or lower-case letter goes on: a scraped page glues the next
    # element's capitalised word to it ("14 апреля 2021Новости")
    end = r"(?-i:(?![0-9_a-zа-яё]))"
    return (
        (re.compile(rf"\b{d}\s+{m}(?![\w])\.?,?\s+{y}{end}", flags), "dmy"),
        (re.compile(rf"\b{m}(?![\w])\.?\s+{d},?\s+{y}{end}", flags), "mdy"),
        (re.compile(rf"\b{m}(?![\w])\.?,?\s+{y}{end}", flags), "my"),
        (re.compile(rf"\b{d}\s+{m}(?![\w])", flags), "dm"),
        (re.compile(rf"\b{m}(?![\w])\.?\s+{d}\b(?![\d:])", flags), "md"),
    )


def _month_of(token: str) -> int | None:
    return _month_of_word(token.lower().rstrip("."))


# Keyed on words the date patterns took for month names (a few dozen forms), so it stays small;
# the table holds over a hundred regexes, too many to try for every date found.
@lru_cache(maxsize=1024)
def _month_of_word(token: str) -> int | None:
    for _name, k, rx in _month_table():
        if re.fullmatch(rx, token):
            return k
    return None


@cache
def _any_month() -> re.Pattern[str]:
    """A month name as every date pattern takes it: one scan that rules out most lines and
    texts before the five patterns run (each scans the month alternation again)."""
    alts = list(dict.fromkeys(rx for _, _, rx in _month_table()))
    return re.compile(r"\b(?:" + "|".join(sorted(alts, key=len, reverse=True)) + r")(?![\w])", re.IGNORECASE)


# --- finding dates -------------------------------------------------------------------


def find_dates(text: str) -> list[DateSpan]:
    """Every calendar date the text writes out, with the precision it gives, in order."""
    return list(_dates_of(text))


# A report's text is read for dates by several readers (date lines, the latest date, "today"),
# and a line by several shapes: remember the last few hundred.
@lru_cache(maxsize=512)
def _dates_of(text: str) -> tuple[DateSpan, ...]:
    return tuple(sorted(_iter_dates(text), key=lambda f: f.start))


def has_date(text: str) -> bool:
    """Whether the text writes out a calendar date: find_dates, stopped at the first one."""
    return next(_iter_dates(text), None) is not None


def _iter_dates(text: str) -> Iterator[DateSpan]:
    """The dates, pattern by pattern (fullest shape first); a match overlapping an earlier one
    is not a date of its own. The characters taken are marked once, so each match is checked
    in time linear in its own length, not against every earlier match."""
    if not _any_month().search(text):
        return
    taken = bytearray(len(text))
    for pat, _shape in _date_patterns():
        for mt in pat.finditer(text):
            s, e = mt.span()
            if taken.find(1, s, e) != -1:
                continue
            token = mt.group("m")
            # English month names are capitalised; "may" or "march" in lower case are words.
            if not re.search("[а-яё]", token.lower()) and not token[:1].isupper():
                continue
            month = _month_of(token)
            groups = mt.groupdict()
            day = int(groups["d"]) if groups.get("d") else None
            year = int(groups["y"]) if groups.get("y") else None
            if month is None or (day is not None and not 1 <= day <= 31):
                continue
            if year is not None and day is not None:
                try:
                    date(year, month, day)
                except ValueError:
                    continue
            taken[s:e] = b"\x01" * (e - s)
            yield DateSpan(s, e, PartialDate(year, month, day))


def _valid(iso: str, today: date | None = None) -> bool:
    y, m, *d = (int(x) for x in iso.split("-"))
    try:
        return date(1990, 1, 1) <= date(y, m, d[0] if d else 1) <= (today or date.today())
    except ValueError:
        return False


def _valid_date(d: PartialDate) -> str | None:
    iso = d.iso() if d.year is not None else None
    return iso if iso and _valid(iso) else None


def head_lines(raw: str, limit: int = 15) -> list[str]:
    """The lines before the story, and its first paragraph (where datelines sit)."""
    out: list[str] = []
    for line in raw.splitlines():
        if not line.strip():
            continue
        out.append(strip_markdown(line).strip().strip("*_ "))
        if len(out) >= limit or (is_sentence(line) and not banner_kind(line)):
            break
    return out


def page_head(raw: str, limit: int = 150, chars: int = 8000) -> list[str]:
    """The lines of a page down to its story's second sentence of prose: a scraped page prints
    its menus first (often a hundred lines), then the headline, the byline and the date line,
    and a press release may print its own date under an introduction."""
    out: list[str] = []
    prose = 0
    size = 0
    for line in raw.splitlines():
        if not line.strip():
            continue
        size += len(line) + 1
        out.append(strip_markdown(line).strip().strip("*_ "))
        if is_sentence(line) and not banner_kind(line):
            prose += 1
        if prose >= 2 or len(out) >= limit or size >= chars:
            break
    return out


def top_lines(raw: str, limit: int = 25, chars: int = 4000) -> list[str]:
    """The first lines of a report, story or not (a press release's own date and title may
    follow an introduction)."""
    out: list[str] = []
    for line in raw[:chars].splitlines():
        if line.strip():
            out.append(strip_markdown(line).strip().strip("*_ "))
            if len(out) >= limit:
                break
    return out


# --- date lines ----------------------------------------------------------------------


def _rest_words(text: str) -> int:
    return len(_WORD.findall(text))


def _strip_times(text: str) -> str:
    """Text without its times of day, the word before them ("at", "в") and their zones."""
    out = []
    pos = 0
    for m in _CLOCK.finditer(text):
        before = text[pos:m.start()]
        before = re.sub(rf"(?:\b(?:{_time_word()})\s*)$", "", before, flags=re.I) if _time_word() else before
        out.append(before)
        pos = m.end()
        zone = _ZONE.match(text[pos:])
        if zone:
            pos += zone.end()
    out.append(text[pos:])
    return "".join(out)


def _trailing_ok(text: str) -> bool:
    """Whether what follows a date on its line is only a time of day, a zone or a separator."""
    rest = _strip_times(text)
    rest = _STAMP_NUMBER.sub("", re.sub(rf"^\s*(?:{_time_word()})\b", "", rest, flags=re.I) if _time_word() else rest)
    return not rest.strip(_SEPARATORS)


def _month_day(a: int, b: int, slashed: bool) -> tuple[int, int] | None:
    """(month, day) of a numeric date's first two parts: a part over 12 is the day; else, with
    dots or dashes, the day comes first ("11.14.2019" is month first, as some American pages print
    it), and with slashes the order is unknown ("03/05/17": None)."""
    if b > 12 >= a:
        return a, b
    if a > 12 >= b or not slashed:
        return b, a
    return None


def _numeric_line_date(line: str) -> str | None:
    """A page's numeric date line: "12.06.2021, 15:29", "POLITICS | 11:35 / 28.01.2023",
    "08.07.2024 19:22 (updated 08.07.2024 at 19:36)", "Created: Thu, 17/02/2011 - 10:41".
    The first date is the publication; a line with more than a few words besides its dates
    and times is not a date line."""
    found: list[tuple[int, int, int, int, int]] = []  # start, end, year, month, day
    for m in (*_DOTTED.finditer(line), *_DASHED.finditer(line)):
        md = _month_day(int(m.group(1)), int(m.group(2)), slashed=False)
        if md:
            found.append((m.start(), m.end(), int(m.group(3)), *md))
    for m in _YEAR_FIRST.finditer(line):  # "2016.12.01", "2016/12/01"
        found.append((m.start(), m.end(), int(m.group(1)), int(m.group(2)), int(m.group(3))))
    for m in _SLASHED.finditer(line):
        md = _month_day(int(m.group(1)), int(m.group(2)), slashed=True)
        if md:
            found.append((m.start(), m.end(), int(m.group(3)), *md))
    if not found:
        return None
    found.sort()
    rest = line
    for s, e, *_ in reversed(found):
        rest = rest[:s] + " " + rest[e:]
    upd = _update_label().search(rest)
    if upd:
        rest = rest[:upd.start()]
    rest = _label().sub("", _strip_times(rest).strip(_SEPARATORS))
    rest = re.sub(rf"\b(?:{_weekday()})(?!\w)", " ", rest, flags=re.I)
    if _rest_words(rest) > 4:
        return None
    _s, _e, y, mo, d = found[0]
    try:
        iso = date(y, mo, d).isoformat()
    except ValueError:
        return None
    return iso if _valid(iso) else None


@cache
def _lead_date_shape() -> re.Pattern[str]:
    """What may stand before a date that opens a date line: a time, a weekday, a label."""
    return re.compile(rf"^(?:(?:{_CLOCK.pattern})\s*[,|/·–—-]?\s*)?(?:(?:{_weekday()})\s*,?\s*)?$", re.I)


def _written_line_date(line: str) -> tuple[str | None, tuple[int, int] | None] | None:
    """A date line with the month in words: a short line that is not a sentence, whose date
    ends it (after an author's or outlet's name: "Jane Doe, Thursday, 13 May 2021"), or opens
    it before a separator or a time ("19:20, 12 May 2022, Place - Outlet", "21 Nov 2017 | Topic").
    None when the line is not one."""
    dates = [d for d in find_dates(line) if d.date.day is not None]
    opening = glued_date(line, dates)
    if opening is not None:
        # a date line the page glued to the paragraph after it ("May 22, 2023Police said ...")
        iso = _valid_date(opening.date)
        if iso:
            return iso, None
    if is_sentence(line) or banner_kind(line):
        return None
    if not dates:
        return None
    last, first = dates[-1], dates[0]
    field = re.match(r"^\s*[^:\d.!?]{2,30}:", line)
    if field and not _label().match(line.strip()):
        return None  # a field of a record ("Arrested: 4 July 2022"), not the page's date
    if last.date.year and _rest_words(line) <= 14 and _trailing_ok(line[last.end:]):
        iso = _valid_date(last.date)
        if iso:
            return iso, None
    if first.date.year and _lead_date_shape().match(line[:first.start].strip()):
        after = line[first.end:]
        glued = after[:1].isupper()  # the next element of the page glued to the year ("2021Новости")
        if glued or _trailing_ok(after) or re.match(r"^\s*(?:[,|/·]|[–—-]\s|\(|$)", _strip_times(after)):
            iso = _valid_date(first.date)
            if iso:
                return iso, None
    return None


def glued_date(line: str, dates: list[DateSpan] | None = None) -> DateSpan | None:
    """A full date that opens the line with the next element of the page run into it, a capital
    right after the year ("May 22, 2023Police said ..."); `dates` are the line's, when found already."""
    found = [d for d in (find_dates(line) if dates is None else dates) if d.date.day is not None]
    d = found[0] if found else None
    if d is None or not d.date.year or line[:d.start].strip() or not line[d.end:d.end + 1].isupper():
        return None
    return d


def lone_date(line: str) -> PartialDate | None:
    """The date when a line holds nothing but a date (with perhaps a weekday, a label and a
    time): "5 July 2024", "Friday, December 10, 2004", "Published 31 May"."""
    dates = find_dates(line)
    if len(dates) != 1 or dates[0].date.day is None:
        return None
    d = dates[0]
    before = _label().sub("", line[:d.start].strip(_SEPARATORS))
    before = re.sub(rf"^(?:{_weekday()})(?!\w)", "", before.strip(_SEPARATORS), flags=re.I)
    if before.strip(_SEPARATORS) or not (_trailing_ok(line[d.end:]) or _section_after(line[d.end:])):
        return None
    return d.date


def _section_after(text: str) -> bool:
    """After a date, a separator and a short section name ("October 6, 2020 • Urgent Action",
    "3 May 2021 | News"): still a date line."""
    rest = _strip_times(text)
    m = re.match(r"^\s*[|•·/]\s*(?P<label>[^|•·/\n]+)$", rest)
    return m is not None and len(_WORD.findall(m.group("label"))) <= MONTH_LABEL_WORDS \
        and not is_sentence(m.group("label"))


# "PLACE, " / "PLACE. " / "Place, Region, " opening a dateline (a region may follow the place, in words)
_PLACE_HEAD = re.compile(r"^[A-ZА-ЯЁ][A-ZА-ЯЁ .'’\-]{2,40}(?:,\s*[^\W\d_][^\W\d_.]*(?:[ .]+[^\W\d_]+){0,3})?[,.]\s*")
_TITLE_PLACE_HEAD = re.compile(r"^[A-ZА-ЯЁ][a-zа-яё'’\-]+(?: [A-ZА-ЯЁ][a-zа-яё'’\-]+)?(?:,\s*[A-ZА-ЯЁ][a-zа-яё'’\-]+)?[,.]\s*")
# what follows the date of a wire dateline: the agency ("(Agency) -", ". /AGENCY/.", ". AGENCY -"),
# or a dash alone
_AGENCY_AFTER = re.compile(r"^\s*[.,]?\s*(?:\([A-Z][\w/ .&-]{1,40}\)\s*[-—–]|/[^/\n]{2,30}/|"
                           r"[A-ZА-ЯЁ][\w.&-]*(?:\s[\w.&-]+){0,2}\s+[-—–]\s)")
_DASH_AFTER = re.compile(r"^\s*[.,]?\s*[-—–]{1,2}\s")


def _dateline(line: str, dates: list[DateSpan]) -> tuple[str | None, tuple[int, int] | None] | None:
    """A wire or press dateline at the head of a story: "PLACE, April 27 (Agency) -",
    "PLACE. 27 April. AGENCY -", "Place, 3 May 2024 —", "April 27, 2024 -- ...". None when the
    line does not open with one."""
    first = dates[0]
    if first.date.day is None:
        return None
    place = _PLACE_HEAD.match(line)
    titled = _TITLE_PLACE_HEAD.match(line)
    agency = bool(_AGENCY_AFTER.match(line[first.end:]))
    dash = bool(_DASH_AFTER.match(line[first.end:]))
    opens = (
        (place is not None and first.start == place.end())  # a place in capitals, then the date
        # a place in title case, then a full date or an agency: "Riga. 9 May. AGENCY -"
        or (titled is not None and first.start == titled.end() and (first.date.year is not None or agency))
        # the date first: "January 5 (Reuters) -", "May 16, 2006 -- ..."
        or (first.start == 0 and (agency or (dash and first.date.year is not None)))
    )
    if not opens:
        return None
    if first.date.year:
        return _valid_date(first.date), None
    month, day = first.date.month, first.date.day
    assert month is not None
    return None, (month, day)


# an agency's dateline with the parts set off by slashes and a numeric date, its year perhaps in
# two digits: "Place / 23.10.17 / Agency:", "Place / 05/31/17/Agency:"
_SLASH_DATELINE = re.compile(
    r"^[A-ZА-ЯЁ][^\W\d_][^\W\d_ .'’-]*(?:[ -][^\W\d_]+){0,2}\s*/\s*"
    r"(?P<a>\d{1,2})(?P<sep>[./])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})\s*/\s*"
    r"[^\W\d_][\w.&-]*(?:\s[\w.&-]+){0,2}\s*[:—–-]")


def _slash_dateline(line: str) -> str | None:
    """The date of an agency's slash-set dateline (`_SLASH_DATELINE`), its parts read as a date
    line's (`_month_day`); a two-digit year is of this century."""
    m = _SLASH_DATELINE.match(line)
    if m is None:
        return None
    y = int(m.group("y"))
    y += 2000 if y < 100 else 0
    md = _month_day(int(m.group("a")), int(m.group("b")), slashed=m.group("sep") == "/")
    if md is None:
        return None
    try:
        iso = date(y, *md).isoformat()
    except ValueError:
        return None
    return iso if _valid(iso) else None


# the page's own address on a line of its own (as a scraper writes it, bare or after a label):
# a date in its path ("/2024/08/30/", "/30/08/2024/", "/2024-08-30-", "/20240830/")
_OWN_URL = re.compile(r"^\s*(?:[^\W\d]+\s*:\s*)?(https?://[^\s<>\"']+)\s*$", re.I)
_URL_DATES = (
    (re.compile(r"/((?:19|20)\d\d)[/-]([01]\d)[/-]([0-3]\d)(?=[/_.-]|$)"), (1, 2, 3)),
    (re.compile(r"/([0-3]\d)[/-]([01]\d)[/-]((?:19|20)\d\d)(?=[/_.-]|$)"), (3, 2, 1)),
    (re.compile(r"/((?:19|20)\d\d)([01]\d)([0-3]\d)(?=[/_.-]|$)"), (1, 2, 3)),
)


def url_date(raw: str) -> str | None:
    """The date in the path of the page's own address, where the text starts with it (within
    its first lines, on a line of its own): news sites put the day of publication there."""
    for line in head_lines(raw, limit=6):
        m = _OWN_URL.match(line)
        if m is None:
            continue
        path = urlsplit(m.group(1)).path
        for rx, (y, mo, d) in _URL_DATES:
            found = rx.search(path)
            if found:
                iso = f"{found.group(y)}-{found.group(mo)}-{found.group(d)}"
                if _valid(iso):
                    return iso
        return None  # the page's address, with no date in it
    return None


def dateline_date(raw: str) -> tuple[str | None, tuple[int, int] | None]:
    """A publication date stated at the head of the report.

    Returns (ISO date, None), or (None, (month, day)) when the dateline gives a
    day and month but no year ("MOSCOW, April 27 (Reuters)"), or (None, None).
    """
    yearless: tuple[int, int] | None = None
    head = page_head(raw)
    for line in head:
        stamp = _ISO_STAMP.search(line)  # a page's metadata line, printed before or after the title
        if stamp and _valid(stamp.group(0)[:10]):
            return stamp.group(0)[:10], None
    for line in head:
        m = SCRAPER_DATE.match(line) or _ISO.match(line)
        if m:
            iso = _ISO.search(line)
            if iso and _valid(iso.group(0)):
                return iso.group(0), None
        numeric = _numeric_line_date(line) or _slash_dateline(line)
        if numeric:
            return numeric, None
        label = _label().match(line)
        if label:
            found = [d for d in find_dates(line[label.end():]) if d.date.day]
            if found and found[0].date.year and _valid_date(found[0].date):
                return _valid_date(found[0].date), None
            if found and found[0].date.year is None and yearless is None and found[0].date.month:
                yearless = (found[0].date.month, found[0].date.day or 1)
        dates = find_dates(line)
        if not dates:
            continue
        written = _written_line_date(line)
        if written:
            return written
        wire = _dateline(line, dates)
        if wire is not None:
            if wire[0] or wire[1]:
                return wire
            return None, None  # a dateline with a date out of range: nothing else is the date
    # a date on a line of its own (a statement's date under its title)
    for line in head:
        d = lone_date(line)
        if d is not None and d.year and _valid_date(d):
            return _valid_date(d), None
    # a month on a line of its own, or after a short label ("Country - December 2022"): a
    # periodic update's or a digest's date, to the month
    for line in head[:3]:
        d = _lone_month(line)
        if d is not None and _valid_date(d):
            return _valid_date(d), None
    return None, yearless


MONTH_LABEL_WORDS = 4  # words a label before a month line may have


def _lone_month(line: str) -> PartialDate | None:
    dates = find_dates(line)
    if len(dates) != 1 or dates[0].date.day is not None or dates[0].date.month is None or dates[0].date.year is None:
        return None
    d = dates[0]
    before = line[:d.start].rstrip()
    if before and (before[-1] not in _SEPARATORS.strip() or len(_WORD.findall(before)) > MONTH_LABEL_WORDS):
        return None
    return d.date if _trailing_ok(line[d.end:]) and not is_sentence(line) else None


# --- dates from the content ----------------------------------------------------------


def _counts_years(text: str) -> bool:
    return any(pat.search(text) for pat, _ in _relative_years())


LEAD_CHARS = 400  # the opening of a report, where its news is told


def latest_date(text: str, today: date | None = None, floor: int | None = None) -> DateSpan | None:
    """The latest date the text names, with a day and month but no year taken to fall in
    the latest year the text names, or `floor` when later (unless it dates things relative to
    its own year); a day its lead writes without a year is after the background it recalls."""
    # a term's end ("until 5 February 2024", "до 5 декабря") may lie after the writing: not a date
    # the report is older than, nor the year its days without one fall in
    every = find_dates(text)
    found = [f for f in every if not _ahead_of_writing(text, f.start)]
    ended = [f for f in every if f.date.year and _ahead_of_writing(text, f.start)]
    # nor is a year something has gone on since ("an activist since 2016")
    since = _since_before()
    bare = [m for m in re.finditer(r"\b(?:19|20)\d\d\b", text)
            if not any(f.start <= m.start() < f.end for f in ended)
            and not since.search(text[max(0, m.start() - 8):m.start()])]
    years = [f.date.year for f in found if f.date.year] + [int(m.group(0)) for m in bare]
    anchor = max((y for y in years if y <= (today or date.today()).year), default=None)
    # a text whose only year is of a day ahead of its writing, a term's end or a day set for what
    # is to come ("продлена до 3 августа 2024 года ... Ее арестовали 29 марта"): its days and
    # months are of that year when on or before that day, else the year before
    end = min((f.date for f in ended if f.date.month), key=lambda d: (d.year, d.month, d.day or 1), default=None)
    relative = _counts_years(text)
    if anchor is not None and floor is not None and floor > anchor:
        anchor = floor
    # the news its lead tells comes after the background the report recalls: a day the lead
    # writes without a year ("On May 21, the court extended ...") that falls before the latest
    # day the rest of the text dates ("detained on November 27, 2023 ... On December 19") is the
    # next year's
    rest = [(f.date.year or anchor, f.date.month or 1, f.date.day or 1) for f in found
            if f.start >= LEAD_CHARS and (f.date.year or (anchor and f.date.day))]
    background = max((k for k in rest if k[0] is not None), default=None)
    best: tuple[tuple[int, int, int], DateSpan] | None = None
    for f in found:
        year = f.date.year
        if year is None and anchor is None and end is not None and end.year and not relative and f.date.day:
            year = end.year - ((f.date.month or 1, f.date.day) > (end.month or 12, end.day or 31))
        elif year is None:
            if anchor is None or relative or f.date.day is None:
                continue
            year = anchor
            if f.start < LEAD_CHARS and background is not None and background[0] == anchor \
                    and (f.date.month or 1, f.date.day) < background[1:] and anchor < (today or date.today()).year:
                year = anchor + 1
            year = weekday_year(text, f, year, today)
        cand = DateSpan(f.start, f.end, f.date.with_year(year))
        if not _valid(cand.iso() or "", today):
            continue
        key = (year, f.date.month or 1, f.date.day or 1)
        if best is None or key > best[0]:
            best = (key, cand)
    return best[1] if best else None


LEAD_PARAGRAPHS = 3  # paragraphs at the top of a text where its news is told
LEAD_OPENING = 3  # characters a paragraph's opening date may stand after its start (a quote, a dash)


def lead_day(text: str) -> PartialDate | None:
    """The day a paragraph at the top opens with, when that paragraph also says "today": "30 мая
    в суде рассмотрели жалобу ... Сегодня суд ..." tells that day's news, written on it."""
    paragraphs = [p for p in re.split(r"\n\s*\n|\n", text) if p.strip()][:LEAD_PARAGRAPHS]
    for para in paragraphs:
        para = para.strip()
        first = next(iter(find_dates(para)), None)
        if first is None or first.start > LEAD_OPENING or first.date.day is None:
            continue
        if _today_word().search(para[first.end:]):
            return first.date
    return None


def today_date(text: str, today: date | None = None) -> PartialDate | None:
    """The day the text calls today: "today, May 3, 2024", "сегодня, 25 декабря" (perhaps
    without a year)."""
    pat = _today_before()
    for f in find_dates(text):
        if f.date.day is not None and pat.search(text[max(0, f.start - 20):f.start]):
            if f.date.year is None or _valid_date(f.date):
                return f.date
    return None


@cache
def _anniversaries() -> tuple[tuple[re.Pattern[str], dict[str, int]], ...]:
    out: list[tuple[re.Pattern[str], dict[str, int]]] = []
    for lang in _languages():
        words = _words(lang)
        numbers = {str(k).lower(): int(v) for k, v in (words.get("number_words") or {}).items()}
        out.extend((re.compile(str(rx), re.I), numbers) for rx in words.get("anniversaries") or [])
    return tuple(out)


def anniversary(text: str) -> tuple[PartialDate, int] | None:
    """(the date, years) when the text writes a day and month next to "exactly a year ago",
    "ровно пять лет назад" ...: it was written that many years after the date, on the day."""
    for pat, numbers in _anniversaries():
        for m in pat.finditer(text):
            word = (m.groupdict().get("n") or "").lower()
            years = int(word) if word.isdigit() else numbers.get(word, 1 if not word else 0)
            if not years:
                continue
            near = [f for f in find_dates(text[max(0, m.start() - 40):m.end() + 40]) if f.date.day is not None]
            for f in near:
                start = max(0, m.start() - 40) + f.start
                end = start + (f.end - f.start)
                gap = text[m.end():start] if start >= m.end() else text[end:m.start()]
                # next to it: a dash, a comma, at most one short word ("on")
                if len(gap) <= 8 and len(_WORD.findall(gap)) <= 1:
                    return f.date, years
    return None


def content_date(text: str) -> str | None:
    """The month of the latest date the text mentions: a report is not older than
    what it reports. Month precision, since the day of writing is unknown, unless the
    text writes it next to "today"."""
    if _counts_years(text):
        # "last year", "this year": the text counts from a year it does not name, so the
        # latest date it names is only a floor; the bundle may settle it (`own_year`)
        return None
    stated = today_date(text)
    if stated is not None and stated.year is not None:
        return stated.iso()
    marked = anniversary(text)
    if marked is not None and marked[0].year is not None:
        iso = marked[0].with_year(marked[0].year + marked[1]).iso()
        if iso and _valid(iso):
            return iso
    found = latest_date(text)
    return f"{found.date.year:04d}-{found.date.month:02d}" if found and found.date.year else None


def counts_from_own_year(text: str) -> bool:
    """True when the text dates things from a year it does not name ("last year", "этого года")."""
    return _counts_years(text)


def own_year(text: str, bundle_years: set[int], today: date | None = None,
             tied: set[int] | None = None) -> tuple[int, str, str] | None:
    """The year a report with no date of its own was written in, when it counts from that
    year ("in October last year", "в начале мая этого года"), from the rest of its bundle.

    The text alone does not settle it: the years it writes out are only a floor (a report
    is not older than what it reports), and on real pages they are as often the current
    year as one long past. The bundle's other reports give the years the case was being
    reported in (their publication years and the years their texts name); the year of
    writing is taken as the earliest of those not before the floor, as for a dateline
    without a year (`infer_years`). The publication estimate is then the month of the
    latest date the text names with that year given to its days and months written without
    one. A text that writes no year at all takes its floor from `tied` instead: the years the
    bundle's other reports give to the days and months it writes ("sentenced on 31 January",
    which another report dates with its year). Returns (year, ISO month or year, how), or None
    when there is no floor, the bundle has no year from the floor on, or the estimate is in the
    future.
    """
    today = today or date.today()
    if not counts_from_own_year(text):
        return None
    found = find_dates(text)
    named = [f.date.year for f in found if f.date.year and f.date.year <= today.year]
    if not named and not tied:
        return None
    floor = max(named or tied or [])
    year = min((y for y in bundle_years if floor <= y <= today.year), default=None)
    if year is None:
        return None
    dated = [(f.date.year, f.date.month or 1, f.date.day or 1) for f in found if f.date.year and f.date.year <= year]
    # "14 June" is in the year of writing; "in October last year" counts back from it
    dated += [(year, f.date.month or 1, f.date.day or 1) for f in found
              if f.date.year is None and f.date.day is not None]
    for pat, off in _relative_years():
        for m in pat.finditer(text):
            before = re.findall(r"\w+", text[max(0, m.start() - 20):m.start()])
            month = _month_of(before[-1]) if before else None
            if month:
                dated.append((year + off, month, 1))
    dated = [d for d in dated if d <= (today.year, today.month, today.day)]
    latest = max((d for d in dated if d[0] == year), default=None)
    iso = f"{year:04d}-{latest[1]:02d}" if latest else f"{year:04d}"
    basis = f"it writes out {floor}" if named else f"another report gives one of its days the year {floor}"
    how = (f"no date line, and the text counts years from its own; {basis}, and {year} is "
           f"the earliest year of the bundle from then on, so it is taken as written in {year}"
           f"{' (the month of the latest date it names)' if latest else ''}: a guess, check it")
    return year, iso, how


def named_years(texts: dict[str, str]) -> dict[str, set[int]]:
    """The years each report names with a month, by source id: found once for a whole bundle."""
    return {sid: {f.date.year for f in find_dates(t) if f.date.year} for sid, t in texts.items()}


# a year named this many years before the earliest year a report of the bundle was published
# in is history told as background ("after the referendum of 16 March 2014"), not a year of
# the case's news
BACKGROUND_YEARS = 3


def bundle_years(published: dict[str, str | None], named: dict[str, set[int]], but: str) -> set[int]:
    """The years a bundle's reports other than `but` were published in or name with a month
    (`named` from `named_years`), but years named long before the first publication."""
    years = {int(p[:4]) for o, p in published.items() if o != but and p}
    told: set[int] = set().union(*(ys for o, ys in named.items() if o != but))
    if years:
        told = {y for y in told if y >= min(years) - BACKGROUND_YEARS}
    return years | told


# a day written without a year in a dated report is in the report's year unless it falls more
# than this many days after the report's date (then it is in the year before): a report may
# announce a hearing days ahead, but a day a month ahead of it is last year's
_AHEAD_DAYS = 21


def _year_of_day(published: str | None, month: int, day: int) -> int | None:
    """The year a dated report means by a day and month written without a year."""
    if not published or len(published) < 7:
        return None
    year, pub_month = int(published[:4]), int(published[5:7])
    pub_day = int(published[8:10]) if len(published) >= 10 else 28  # a month alone: its end
    try:
        ahead = (date(year, month, day) - date(year, pub_month, pub_day)).days
    except ValueError:
        return None
    return year if ahead <= _AHEAD_DAYS else year - 1


def _same_day_years(dates: dict[str, list[DateSpan]], but: str, month: int, day: int,
                    published: dict[str, str | None] | None = None, news_day: bool = True) -> set[int]:
    """The years the bundle's other reports give to this day and month: written out, or, in a
    report with a date of its own (`published`), the year that date gives it. Another report's
    own date line ties only the report's news day (`news_day`, the latest day it names): that
    a report appeared on 2 March says nothing of a protest another recalls on 2 March."""
    published = published or {}
    years = set()
    for o, fs in dates.items():
        if o == but:
            continue
        own = parse_iso(published.get(o))
        for f in fs:
            if not news_day and own is not None and f.date == own:
                continue
            if f.date.month == month and f.date.day == day:
                year = f.date.year or _year_of_day(published.get(o), month, day)
                if year:
                    years.add(year)
    return years


def tied_years(dates: dict[str, list[DateSpan]], sid: str, published: dict[str, str | None] | None = None) -> set[int]:
    """The years the bundle's other reports tie report `sid`'s year-less days to: for each day
    and month it writes without a year, the year the others give it, where they give one.
    `dates` holds every report's `find_dates`, by source id; `published` the dates of the
    reports that have one of their own (a date line or metadata)."""
    tied: set[int] = set()
    days = [(f.date.month, f.date.day) for f in dates.get(sid, [])
            if f.date.year is None and f.date.month is not None and f.date.day is not None]
    latest = max(days, default=None)
    for f in dates.get(sid, []):
        if f.date.year is None and f.date.month is not None and f.date.day is not None:
            same = _same_day_years(dates, sid, f.date.month, f.date.day, published,
                                   news_day=(f.date.month, f.date.day) == latest)
            if len(same) == 1:
                tied |= same
    return tied


def infer_years(published: dict[str, str | None], yearless: dict[str, tuple[int, int]],
                texts: dict[str, str]) -> dict[str, tuple[str, str]]:
    """Years for datelines that give only a day and month, from the rest of the bundle.

    `published` and `texts` are by source id; `yearless` holds (month, day) for the
    sources to date. Returns {source id: (ISO date, how the year was found)} for
    the ones the bundle settles. A year is taken when another source writes the
    same day and month with a year; else when the dated sources and the dates in
    the other texts all fall in one year; else the earliest year of the bundle
    that is not before any year the report itself names (a report with a bare
    dateline is most often the first news of a case, and the warning says so).
    """
    out: dict[str, tuple[str, str]] = {}
    dates = {sid: find_dates(t) for sid, t in texts.items()}  # each text read once for the bundle
    named = {sid: {f.date.year for f in fs if f.date.year} for sid, fs in dates.items()}
    for sid, (month, day) in yearless.items():
        same = _same_day_years(dates, sid, month, day)
        years = bundle_years(published, named, but=sid)
        floor = max(named[sid], default=0)
        years = {y for y in years if y >= floor}
        if len(same) == 1:
            year, how = same.pop(), "another source gives the same day and month with this year"
        elif len(years) == 1:
            year, how = next(iter(years)), "every other source of the bundle dates to this year"
        elif years:
            year, how = min(years), "the earliest year of the bundle (a guess: check it)"
        else:
            continue
        try:
            iso = date(year, month, day).isoformat()
        except ValueError:
            continue
        if _valid(iso):
            out[sid] = (iso, how)
    return out


def yearless_dates(published: dict[str, str | None], undated: set[str], texts: dict[str, str],
                   today: date | None = None) -> dict[str, tuple[str, str]]:
    """Publication estimates for reports that write days and months but never a year
    ("detained on 12 June", "суд 30 мая"), from the rest of the bundle.

    The year of writing is taken as the earliest year of the bundle (the others' publication
    years and the years their texts name) that is not before the years the bundle gives to the
    report's own days and months (another source writing "12 June 2023" puts the report's
    "12 June" in 2023). The estimate is the month of the latest date it names in that year,
    terms' ends aside; the day, when the text writes it next to "today". Returns {source id:
    (ISO month or date, how)} for the `undated` ids the bundle settles.
    """
    today = today or date.today()
    dates = {sid: find_dates(t) for sid, t in texts.items()}
    named = {sid: {f.date.year for f in fs if f.date.year} for sid, fs in dates.items()}
    out: dict[str, tuple[str, str]] = {}
    for sid in undated:
        text = texts[sid]
        own = [f for f in dates.get(sid, []) if f.date.year is None and f.date.day is not None]
        if not own or named.get(sid) or _counts_years(text):
            continue
        told = [f for f in own if not _ahead_of_writing(text, f.start)]
        if not told:
            continue
        tied = tied_years(dates, sid, published)
        floor = max(tied, default=0)
        years = {y for y in bundle_years(published, named, but=sid) if floor <= y <= today.year}
        if not years:
            continue
        year = min(years)
        # a day written with its weekday says the year ("on Thursday (29 January)")
        year = max([year, *(weekday_year(text, f, year, today) for f in told)])
        latest = max(((f.date.month or 1, f.date.day or 1) for f in told), default=None)
        if latest is None or (year, *latest) > (today.year, today.month, today.day):
            continue
        stated = today_date(text)
        marked = anniversary(text)
        if stated is not None and stated.year is None and (stated.month, stated.day) == latest:
            iso = stated.with_year(year).iso()
            what = "the day it calls today"
        elif marked is not None and marked[0].year is None:
            iso = marked[0].with_year(year + marked[1]).iso()
            what = f"{marked[1]} year(s) to the day after the date it marks"
            if not iso or not _valid(iso, today):
                continue
        else:
            iso = f"{year:04d}-{latest[0]:02d}"
            what = "the month of the latest date it names"
        tie = (f"another source writes one of its days with {floor}" if tied else
               "it is the earliest year of the bundle")
        how = (f"no date line, and the text names days and months but no year; {year}: {tie}; "
               f"{what}: a guess, check it")
        if iso:
            out[sid] = (iso, how)
    return out


# --- outlets -------------------------------------------------------------------------


@dataclass(frozen=True)
class _Rules:
    groups: dict[str, tuple[re.Pattern[str], ...]]


@cache
def _outlet_rules(language: str) -> _Rules:
    rules: dict[str, list[re.Pattern[str]]] = {}
    for lang in dict.fromkeys([language, *_languages()]):
        try:
            data = load(f"{lang}/outlets.yaml")
        except FileNotFoundError:
            continue
        for key, value in data.items():
            if isinstance(value, list):
                rules.setdefault(key, []).extend(re.compile(p) for p in value)
    return _Rules({k: tuple(v) for k, v in rules.items()})


@cache
def _expansions() -> dict[str, str]:
    out: dict[str, str] = {}
    for lang in _languages():
        try:
            out.update(load(f"{lang}/outlets.yaml").get("expansions", {}) or {})
        except FileNotFoundError:
            continue
    return out


def _clean_outlet(name: str | None, language: str = "en") -> str | None:
    """An outlet's name as a case file gives it: a known outlet by the name the table gives it
    in the report's language; another as written, without surrounding punctuation."""
    if not name:
        return None
    name = _unquote(" ".join(name.split()).strip(" .,:;-—"))
    for pat in _outlet_rules(language).groups.get("legal_suffixes", ()):
        name = pat.sub("", name).strip(" .,")
    if not name or len(name) > 60:
        return None
    found = known.lookup(name)
    if found is not None:
        return found.display(language)
    if name.isupper() and len(name) > 6 and " " in name:
        name = name.title()
    return _expansions().get(name, name)


_PAIRS = {"«": "»", '"': '"', "“": "”", "„": "“", "'": "'"}


def _unquote(name: str) -> str:
    """A name without the quotes around it ("«Example»" -> "Example"); quotes inside it stay
    ("Agency «Example»")."""
    while len(name) >= 2 and name[0] in _PAIRS and name[-1] == _PAIRS[name[0]]:
        name = name[1:-1].strip()
    if name[:1] in _PAIRS and _PAIRS[name[0]] not in name[1:]:
        name = name[1:]
    if name[-1:] in _PAIRS.values() and not any(o in name[:-1] for o, c in _PAIRS.items() if c == name[-1]):
        name = name[:-1]
    return name.strip()


def _is_place(name: str) -> bool:
    return name.strip().lower() in place_names()


def _acceptable(name: str, rules: _Rules) -> bool:
    """Whether a name a shape caught may be an outlet's: not a place, page furniture, or a name
    the outlet files rule out (a company owning the outlet, a rights notice)."""
    bare = _unquote(" ".join(name.split()).strip(" .,:;-—"))
    for pat in rules.groups.get("legal_suffixes", ()):
        bare = pat.sub("", bare).strip(" .,")
    if not bare or _is_place(bare) or banner_kind(bare):
        return False
    return known.lookup(bare) is not None or not any(p.fullmatch(bare) for p in rules.groups.get("not_outlets", ()))


def _first(rules: _Rules, group: str, text: str, *, known_only: bool = False,
           quoted_or_known: bool = False) -> str | None:
    for pat in rules.groups.get(group, ()):
        for m in pat.finditer(text):
            cand = m.group("outlet").strip()
            if not _acceptable(cand, rules):
                continue
            if known_only and known.lookup(cand) is None:
                continue
            if quoted_or_known and not (cand[:1] in "«\"“" or known.lookup(cand) is not None):
                continue
            return cand
    return None


def _masthead(lines: list[str], rules: _Rules) -> str | None:
    """An outlet's name or site printed as a line of its own at the top ("example.media",
    "«Example»"), or a desk's credit next to the date line ("Example News", "Example Staff")."""
    domains = [known.bare_domain(ln) for ln in lines]
    dated: list[int | None] = []  # the date line's index, found when first asked (most pages never ask)
    for i, line in enumerate(lines):
        if is_prose(line):
            continue
        o = known.lookup(line) if len(line) <= 60 else None
        if o is None and len(line) <= 90:
            # one outlet's names set side by side ("EXN - Example News Network")
            parts = {known.lookup(p) for p in _TITLE_SEP.split(line)}
            o = parts.pop() if len(parts) == 1 else None
        if o is not None:
            return o.name
        # a site's name alone near the top; several are a list of links, not a masthead
        domain = domains[i]
        if domain and i < 6 and sum(1 for d in domains if d) == 1:
            return domain
        desk = next((m for pat in rules.groups.get("desk_credits", ()) if (m := pat.fullmatch(line))), None)
        if desk is None or banner_kind(line):
            continue
        if not dated:
            dated.append(next((k for k, ln in enumerate(lines) if _numeric_line_date(ln) or _written_line_date(ln)),
                              None))
        if dated[0] is not None and abs(i - dated[0]) == 1:
            keep = desk.groupdict().get("keep")
            return desk.group("outlet") + (f" {keep}" if keep else "")
    return None


def _title_site(lines: list[str]) -> str | None:
    """A known outlet as the last part of a page title at the top: "Headline - Example News"."""
    for line in lines[:3]:
        parts = _TITLE_SEP.split(line)
        if len(parts) >= 2:
            o = known.lookup(parts[-1])
            if o is not None:
                return o.name
    return None


def _chrome_outlet(lines: list[str], language: str) -> str | None:
    """A known outlet named in page chrome (a menu, a banner, an appeal): the publisher's own
    furniture. Captions and credits name photo agencies and are not taken."""
    for line in lines:
        kind = line_kind(line, language)
        if kind is None or kind == "captions" or len(_WORD.findall(line)) > 12:
            continue
        for o in known.in_line(line):
            return o.name
    return None


_URL = re.compile(r"https?://[^\s<>\"')]+|\bwww\.[\w.-]+\.[a-z]{2,}", re.I)


def _link_outlet(lines: list[str]) -> str | None:
    """A known outlet's site linked from a line that is not story prose (a share link, a
    metadata line): the page's own."""
    for line in lines:
        if is_prose(line) and not _ISO_STAMP.search(line):
            continue
        for m in _URL.finditer(line):
            o = known.by_domain(m.group(0))
            if o is not None:
                return o.name
    return None


def _told_outlet(raw: str, rules: _Rules) -> str | None:
    """The news outlet a source speaks to ("told Example News", "рассказал «Примеру»"): the
    outlet's own interview, unless the text also cites that outlet as another's report
    ("according to", "пишет"), or speaks to more than one."""
    named: list[known.Outlet] = []
    for pat in rules.groups.get("told", ()):
        for m in pat.finditer(raw):
            o = known.lookup(m.group("outlet"))
            if o is not None and o.is_news and o not in named:
                named.append(o)
    if len(named) != 1:
        return None
    o = named[0]
    for pat in rules.groups.get("cited", ()):
        for m in pat.finditer(raw):
            if known.lookup(m.group("outlet")) == o:
                return None
    return o.name


def infer_outlet(raw: str, language: str = "en") -> str | None:
    """The outlet a report names as its own, from the strongest sign to the weakest: a
    dateline, a byline or credit, a masthead, the page title, a source line, a press-release
    formula, a self-reference in the lead, an appeal or menu line, a footer, a link to the
    outlet's site, a source speaking to the outlet."""
    rules = _outlet_rules(language)
    head = head_lines(raw)
    top = top_lines(raw)
    lines = [ln for ln in raw.strip().splitlines() if ln.strip()]
    tail = lines[-12:]
    found = (
        next((c for ln in head if (c := _first(rules, "datelines", ln))), None)
        or _first(rules, "bylines", raw)
        or _first(rules, "known_bylines", raw, known_only=True)
        or _masthead(top, rules)
        or _title_site(top)
        or _first(rules, "credits", "\n".join(top))
        or _first(rules, "press_releases", raw[:1500])
        or _first(rules, "self_references_lead", raw[:2500], quoted_or_known=True)
        or _first(rules, "banners", raw)
        or _chrome_outlet(top + tail, language)
    )
    if not found:
        for pat in rules.groups.get("self_references", ()):
            for m in pat.finditer("\n".join(tail)):
                cand = m.group("outlet")
                if cand and _acceptable(cand, rules) and len(cand.split()) <= 6:
                    found = cand
                    break
            if found:
                break
    found = found or _link_outlet(top + tail) or _told_outlet(raw, rules)
    return _clean_outlet(found, language)


# --- titles --------------------------------------------------------------------------

_TITLE_SEP = re.compile(r"\s+(?:\||–|—|-|::|•|·)\s+")


def trim_site_name(title: str, site: str | None = None) -> str:
    """'Headline | Site' -> 'Headline'. A trailing part goes when it is the site's
    name or a known outlet's, or when a bar, bullet or double colon sets off a short part
    (the usual site suffix); a dash alone does not, since headlines use dashes too."""
    title = title.strip()
    end = len(title)
    for sep in reversed(list(_TITLE_SEP.finditer(title))):
        tail = title[sep.end():end].strip().lower()
        if len(_WORD.findall(title[: sep.start()])) < 2:
            break
        named = (site is not None and tail in {site.lower(), site.lower().removeprefix("www.")}) or (
            known.lookup(tail) is not None)
        if not (named or (sep.group().strip() in {"|", "::", "•", "·"} and len(_WORD.findall(tail)) <= 5)):
            break
        end = sep.start()
    return title[:end]


_DATELINE_ONLY = re.compile(r"^[A-Z][\w/&.\- ]{1,40}(,\s+[A-Z][\w.\- ]+)+$")


def infer_title(text: str, language: str = "en") -> str | None:
    """The first headline-like line: a short line of several words before the story."""
    for line in text.splitlines()[:15]:
        s = SCRAPER_DATE.sub("", re.sub(r"^\s{0,3}#{1,6}\s+", "", line)).strip().strip("*_ ")
        if not s or banner_kind(s, language) or _DATELINE_ONLY.match(s) or has_date(s):
            continue
        if is_sentence(s):
            break
        if 3 <= len(s.split()) <= 25 and not _ISO.search(s) and not s.endswith(":"):
            return s  # (a line ending in a colon is a form's label: "Beats covered:")
    return None
