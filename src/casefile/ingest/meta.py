"""Source metadata from the text itself: outlet, publication date, title.

HTML pages bring their own metadata (see `html.py`); these functions read
what a plain-text report says about itself: a dateline ("MOSCOW, April 27
(Reuters) -", "AFP , Tuesday 12 Apr 2022", "Published: 15 May 2024"), a
byline or credit, a publisher's banner or footer. Month names come from
dateparser's locale data, so any language it knows is read the same way.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from functools import cache, lru_cache

from casefile.ingest.clean import SCRAPER_DATE, banner_kind, is_sentence, strip_markdown
from casefile.resources import load, place_names

_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})(?!\d)")  # also "2021-03-03T10:00:00Z"
_MONTH_KEYS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
               "october", "november", "december")
DATE_LANGUAGES = ("en", "ru")
# Phrases that date a text relative to its (unnamed) year of writing; a day and
# month without a year cannot then be pinned to the latest year the text names.
_RELATIVE_YEAR = re.compile(r"\b(this|last|next) year\b|\b(этого|этом|прошлого|прошлом|текущего|следующего) год[ауе]?\b", re.I)
_WORD = re.compile(r"\w+")
# a line that starts with a dotted day-first date and perhaps a time: "12.06.2021, 15:29"
_NUMERIC_HEAD = re.compile(r"^\s*(?P<d>[0-3]?\d)\.(?P<m>[01]?\d)\.(?P<y>(?:19|20)\d\d)\b,?\s*(?:\d{1,2}:\d{2}\b)?")


@dataclass(frozen=True)
class FoundDate:
    start: int
    end: int
    year: int | None
    month: int
    day: int | None

    def iso(self) -> str | None:
        """ISO date or partial date; None without a year."""
        if self.year is None:
            return None
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"


@cache
def _month_table() -> tuple[tuple[str, int, str], ...]:
    """(name, month, regex) for the month names of the languages read, longest first.

    Cyrillic names inflect ("июля", "в июле"): their regex is the stem the
    forms share plus a short ending; a stem too short to be safe ("ма-") takes
    the listed forms and the prepositional "-е" only.
    """
    from dateparser.languages.loader import default_loader  # loaded once, on first use

    table: dict[str, tuple[int, str]] = {}
    for lang in DATE_LANGUAGES:
        info = default_loader.get_locale(lang).info
        for k, key in enumerate(_MONTH_KEYS, start=1):
            names = [n.lower() for n in info.get(key, []) if len(n) >= 3 and not n.isdigit()]
            cyrillic = [n for n in names if re.search("[а-яё]", n)]
            full = [n for n in cyrillic if len(n) >= 4] or cyrillic
            for name in names:
                if not re.search("[а-яё]", name):
                    table[name] = (k, re.escape(name) + r"\.?")
                    continue
                stem = _common_prefix(full or [name])
                if len(stem) >= 3:
                    table[name] = (k, re.escape(stem) + "[а-яё]{0,3}")
                else:
                    table[name] = (k, re.escape(name))
                    table[stem + "е"] = (k, re.escape(stem + "е"))
    return tuple(sorted(((n, k, rx) for n, (k, rx) in table.items()), key=lambda t: -len(t[0])))


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
    return (
        (re.compile(rf"\b{d}\s+{m}(?![\w])\.?,?\s+{y}(?!\w)", flags), "dmy"),
        (re.compile(rf"\b{m}(?![\w])\.?\s+{d},?\s+{y}(?!\w)", flags), "mdy"),
        (re.compile(rf"\b{m}(?![\w])\.?,?\s+{y}(?!\w)", flags), "my"),
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


def find_dates(text: str) -> list[FoundDate]:
    """Every calendar date the text writes out, with the precision it gives, in order."""
    return sorted(_iter_dates(text), key=lambda f: f.start)


def has_date(text: str) -> bool:
    """Whether the text writes out a calendar date: find_dates, stopped at the first one."""
    return next(_iter_dates(text), None) is not None


def _iter_dates(text: str) -> Iterator[FoundDate]:
    """The dates, pattern by pattern (fullest shape first); a match overlapping an earlier one
    is not a date of its own."""
    if not _any_month().search(text):
        return
    taken: list[tuple[int, int]] = []
    for pat, _shape in _date_patterns():
        for mt in pat.finditer(text):
            s, e = mt.span()
            if any(s < b and a < e for a, b in taken):
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
            taken.append((s, e))
            yield FoundDate(s, e, year, month, day)


def _valid(iso: str, today: date | None = None) -> bool:
    y, m, *d = (int(x) for x in iso.split("-"))
    try:
        return date(1990, 1, 1) <= date(y, m, d[0] if d else 1) <= (today or date.today())
    except ValueError:
        return False


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


_LABEL = re.compile(r"^(?:published|posted|dated?|updated|опубликовано|дата публикации|дата)\b\s*[-:–—]?\s*", re.I)
# "ALMATY, Kazakhstan, ...": a region may follow the place, in words (not "MOSCOW, May 12, 2026")
_PLACE_HEAD = re.compile(r"^[A-ZА-ЯЁ][A-ZА-ЯЁ .'’\-]{2,40}(?:,\s*[^\W\d_][^\W\d_.]*(?:[ .]+[^\W\d_]+){0,3})?,\s*")
# the time of day after a date line: "March 3, 2021 at 10:05 a.m. EST", "Wed 3 Mar 2021 10.05 GMT",
# "3 марта 2021, 14:05"
_TRAILING_TIME = re.compile(r"^[,\s]*(?:at\s+|в\s+)?[0-2]?\d[:.][0-5]\d(?:\s*[ap]\.?\s?m\.?)?(?:\s*\(?[A-Z]{2,5}\)?)?"
                            r"(?:\s*[+-]\d{2}:?\d{2})?", re.I)
_AGENCY_AFTER = re.compile(r"\s*\([A-Z][\w .&-]{1,30}\)\s*[-—–]")
# "Павлодар, 15 марта 2023 года." / "Tbilisi, 3 May 2024 —": a place in title case, taken as a
# dateline only when a full date (day, month and year) follows at once
_TITLE_PLACE_HEAD = re.compile(r"^[A-ZА-ЯЁ][a-zа-яё'’\-]+(?: [A-ZА-ЯЁ][a-zа-яё'’\-]+)?,\s*")


def dateline_date(raw: str) -> tuple[str | None, tuple[int, int] | None]:
    """A publication date stated at the head of the report.

    Returns (ISO date, None), or (None, (month, day)) when the dateline gives a
    day and month but no year ("MOSCOW, April 27 (Reuters)"), or (None, None).
    """
    for line in head_lines(raw):
        m = SCRAPER_DATE.match(line) or _ISO.match(line)
        if m:
            iso = _ISO.search(line)
            if iso and _valid(iso.group(0)):
                return iso.group(0), None
        numeric = _NUMERIC_HEAD.match(line)
        if numeric and len(_WORD.findall(line[numeric.end():])) <= 3:
            # "12.06.2021, 15:29 Новости": a page's own date line, day first as dotted dates are
            d, mo, y = (int(numeric.group(k)) for k in ("d", "m", "y"))
            dotted = f"{y:04d}-{mo:02d}-{d:02d}"
            if 1 <= mo <= 12 and _valid(dotted):
                return dotted, None
        label = _LABEL.match(line)
        if label:
            dates = [d for d in find_dates(line[label.end():]) if d.year and d.day]
            if dates and _valid(dates[0].iso() or ""):
                return dates[0].iso(), None
        dates = find_dates(line)
        if not dates:
            continue
        # "AFP , Tuesday 12 Apr 2022", "Public statement, 20 May 2024": a short line ending in a date
        # (not a recognised caption: a file photo carries the date it was taken)
        last = dates[-1]
        if (last.year and last.day and not is_sentence(line) and len(_WORD.findall(line)) <= 12
                and not banner_kind(line)
                and not _TRAILING_TIME.sub("", line[last.end:]).strip(" .,;")):
            if _valid(last.iso() or ""):
                return last.iso(), None
        # a wire dateline: "PLACE, 27 April." / "PLACE, April 27 (Agency) —"
        place = _PLACE_HEAD.match(line)
        if place and dates[0].start == place.end() and dates[0].day:
            if dates[0].year:
                return (dates[0].iso(), None) if _valid(dates[0].iso() or "") else (None, None)
            return None, (dates[0].month, dates[0].day)
        # "January 5 (Reuters) -": a wire dateline without its place
        if dates[0].start == 0 and dates[0].day and _AGENCY_AFTER.match(line[dates[0].end:]):
            if dates[0].year:
                return (dates[0].iso(), None) if _valid(dates[0].iso() or "") else (None, None)
            return None, (dates[0].month, dates[0].day)
        titled = _TITLE_PLACE_HEAD.match(line)
        if titled and dates[0].start == titled.end() and dates[0].day and dates[0].year:
            return (dates[0].iso(), None) if _valid(dates[0].iso() or "") else (None, None)
    return None, None


_END_BEFORE = re.compile(r"(?:\b(?:until|till|through)|(?<![\w])до)\s+(?:\w+,?\s+)?$", re.I)
_END_DATE_SPAN = re.compile(r"(?:\b(?:until|till|through)|(?<![\w])до)\s+[^.;\n]{0,40}?\b(?:19|20)\d\d\b", re.I)


def latest_date(text: str, today: date | None = None) -> FoundDate | None:
    """The latest date the text names, with a day and month but no year taken to fall in
    the latest year the text names (unless it dates things relative to its own year)."""
    # a term's end ("until 5 February 2024", "до 5 декабря") may lie after the writing: not a date
    # the report is older than, nor the year its days without one fall in
    found = [f for f in find_dates(text) if not _END_BEFORE.search(text[max(0, f.start - 12):f.start])]
    ends = [(m.start(), m.end()) for m in _END_DATE_SPAN.finditer(text)]
    # nor is a year something has gone on since ("an activist since 2016")
    bare = [m for m in re.finditer(r"\b(?:19|20)\d\d\b", text) if not any(a <= m.start() < b for a, b in ends)
            and not re.search(r"(?:\bsince|(?<!\w)с)\s+$", text[max(0, m.start() - 8):m.start()], re.I)]
    years = [f.year for f in found if f.year] + [int(m.group(0)) for m in bare]
    anchor = max((y for y in years if y <= (today or date.today()).year), default=None)
    relative = bool(_RELATIVE_YEAR.search(text))
    best: tuple[tuple[int, int, int], FoundDate] | None = None
    for f in found:
        year = f.year
        if year is None:
            if anchor is None or relative or f.day is None:
                continue
            year = anchor
        cand = FoundDate(f.start, f.end, year, f.month, f.day)
        if not _valid(cand.iso() or "", today):
            continue
        key = (year, f.month, f.day or 1)
        if best is None or key > best[0]:
            best = (key, cand)
    return best[1] if best else None


def content_date(text: str) -> str | None:
    """The month of the latest date the text mentions: a report is not older than
    what it reports. Month precision, since the day of writing is unknown."""
    if _RELATIVE_YEAR.search(text):
        # "last year", "this year": the text counts from a year it does not name, so the
        # latest date it names is only a floor; the bundle may settle it (`own_year`)
        return None
    found = latest_date(text)
    return f"{found.year:04d}-{found.month:02d}" if found and found.year else None


# How many years back a relative phrase counts: "last year" -1, "the year before last" -2.
_YEAR_OFFSETS = ((re.compile(r"\byear before last\b|\bпозапрошл\w* год", re.I), -2),
                 (re.compile(r"\blast year\b|\b(?<!поза)прошл(?:ого|ом) год", re.I), -1),
                 (re.compile(r"\bthis year\b|\b(?:этого|этом|текущего|текущем) год", re.I), 0))


def counts_from_own_year(text: str) -> bool:
    """True when the text dates things from a year it does not name ("last year", "этого года")."""
    return any(pat.search(text) for pat, _ in _YEAR_OFFSETS)


def own_year(text: str, bundle_years: set[int], today: date | None = None) -> tuple[int, str, str] | None:
    """The year a report with no date of its own was written in, when it counts from that
    year ("in October last year", "в конце апреля этого года"), from the rest of its bundle.

    The text alone does not settle it: the years it writes out are only a floor (a report
    is not older than what it reports), and on real pages they are as often the current
    year as one long past. The bundle's other reports give the years the case was being
    reported in (their publication years and the years their texts name); the year of
    writing is taken as the earliest of those not before the floor, as for a dateline
    without a year (`infer_years`). The publication estimate is then the month of the
    latest date the text names with that year given to its days and months written without
    one. Returns (year, ISO month or year, how), or None when the text names no year with a
    month, the bundle has no year from the floor on, or the estimate is in the future.
    """
    today = today or date.today()
    if not counts_from_own_year(text):
        return None
    found = find_dates(text)
    named = [f.year for f in found if f.year and f.year <= today.year]
    if not named:
        return None
    floor = max(named)
    year = min((y for y in bundle_years if floor <= y <= today.year), default=None)
    if year is None:
        return None
    dated = [(f.year, f.month, f.day or 1) for f in found if f.year and f.year <= year]
    # "14 June" is in the year of writing; "in October last year" counts back from it
    dated += [(year, f.month, f.day) for f in found if f.year is None and f.day is not None]
    for pat, off in _YEAR_OFFSETS:
        for m in pat.finditer(text):
            before = re.findall(r"\w+", text[max(0, m.start() - 20):m.start()])
            month = _month_of(before[-1]) if before else None
            if month:
                dated.append((year + off, month, 1))
    dated = [d for d in dated if d <= (today.year, today.month, today.day)]
    latest = max((d for d in dated if d[0] == year), default=None)
    iso = f"{year:04d}-{latest[1]:02d}" if latest else f"{year:04d}"
    how = (f"no date line, and the text counts years from its own; it writes out {floor}, and {year} is "
           f"the earliest year of the bundle from then on, so it is taken as written in {year}"
           f"{' (the month of the latest date it names)' if latest else ''}: a guess, check it")
    return year, iso, how


def named_years(texts: dict[str, str]) -> dict[str, set[int]]:
    """The years each report names with a month, by source id: found once for a whole bundle."""
    return {sid: {f.year for f in find_dates(t) if f.year} for sid, t in texts.items()}


def bundle_years(published: dict[str, str | None], named: dict[str, set[int]], but: str) -> set[int]:
    """The years a bundle's reports other than `but` were published in or name with a month
    (`named` from `named_years`)."""
    years = {int(p[:4]) for o, p in published.items() if o != but and p}
    return years.union(*(ys for o, ys in named.items() if o != but))


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
    named = {sid: {f.year for f in fs if f.year} for sid, fs in dates.items()}
    for sid, (month, day) in yearless.items():
        same = {f.year for o, fs in dates.items() if o != sid for f in fs
                if f.year and f.month == month and f.day == day}
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


# --- outlets ----------------------------------------------------------------


@cache
def _outlet_rules(language: str) -> dict[str, list[re.Pattern[str]]]:
    rules: dict[str, list[re.Pattern[str]]] = {}
    for lang in dict.fromkeys([language, "en"]):
        try:
            data = load(f"{lang}/outlets.yaml")
        except FileNotFoundError:
            continue
        for key, value in data.items():
            if isinstance(value, list):
                rules.setdefault(key, []).extend(re.compile(p) for p in value)
    return rules


@cache
def _expansions() -> dict[str, str]:
    out: dict[str, str] = {}
    for lang in DATE_LANGUAGES:
        try:
            out.update(load(f"{lang}/outlets.yaml").get("expansions", {}) or {})
        except FileNotFoundError:
            continue
    return out


def _clean_outlet(name: str) -> str | None:
    name = " ".join(name.split()).strip(" .,:;-—«»\"'")
    if not name or len(name) > 60:
        return None
    if name.isupper() and len(name) > 6 and " " in name:
        name = name.title()
    return _expansions().get(name, name)


def infer_outlet(raw: str, language: str = "en") -> str | None:
    """The outlet a report names as its own: dateline, byline, press-release
    formula, publisher banner, footer."""
    rules = _outlet_rules(language)
    for line in head_lines(raw):
        for pat in rules.get("datelines", []):
            m = pat.search(line)
            if m and m.group("outlet").strip().lower() not in place_names():
                return _clean_outlet(m.group("outlet"))
    for pat in rules.get("bylines", []):
        m = pat.search(raw)
        if m:
            return _clean_outlet(m.group("outlet"))
    for pat in rules.get("press_releases", []):
        m = pat.search(raw[:1500])
        if m:
            return _clean_outlet(m.group("outlet"))
    for pat in rules.get("banners", []):
        m = pat.search(raw)
        if m:
            return _clean_outlet(m.group("outlet"))
    lines = [ln for ln in raw.strip().splitlines() if ln.strip()]
    tail = "\n".join(lines[-12:])
    for pat in rules.get("self_references", []):
        for m in pat.finditer(tail):
            cand = _clean_outlet(m.group("outlet"))
            if cand and not banner_kind(cand) and len(cand.split()) <= 6:
                return cand
    return None


# --- titles -----------------------------------------------------------------

_TITLE_SEP = re.compile(r"\s+(?:\||–|—|-|::|•|·)\s+")


def trim_site_name(title: str, site: str | None = None) -> str:
    """'Headline | Site' -> 'Headline'. A trailing part goes when it is the site's
    name, or when a bar, bullet or double colon sets off a short part (the usual
    site suffix); a dash alone does not, since headlines use dashes too."""
    title = title.strip()
    end = len(title)
    for sep in reversed(list(_TITLE_SEP.finditer(title))):
        tail = title[sep.end():end].strip().lower()
        if len(_WORD.findall(title[: sep.start()])) < 2:
            break
        named = site is not None and tail in {site.lower(), site.lower().removeprefix("www.")}
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
        if 3 <= len(s.split()) <= 25 and not _ISO.search(s):
            return s
    return None
