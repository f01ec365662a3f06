"""English time expressions to `PartialDate`s, resolved against the publication date.

dateparser reads the absolute forms ("17 August 2019", "August 16, 2019",
"2019-08-17", "Aug. 2"). What it gets wrong for news we do here, with the word
lists in resources/en/dates.yaml: weekdays ("on Friday" in a report dated that
Friday is the same day, dateparser goes back a week), "earlier this week",
"the same day", and year-less dates, whose year is the nearest plausible one not
after publication (dateparser would take the current year). Nothing is resolved
against a publication date that is missing or too coarse for the expression.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import cache, lru_cache

from dateparser.date import DateDataParser

from casefile.core.dates import PartialDate, complete, parse_iso, shift_days
from casefile.resources import load

_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_DURATION = re.compile(r"^(?:for\s+|to\s+)?(?:a\s+period\s+of\s+|the\s+(?:next|past|last)\s+)?"
                       r"(?:[\w.]+[\s-]+(?:and\s+a\s+half\s+)?)?(?:day|week|month|year)s?\b", re.I)
_FIXED_BASE = datetime(2000, 1, 1)


@cache
def _words() -> dict:
    return load("en/dates.yaml")


@cache
def _parser() -> DateDataParser:
    # A fixed base: we take only the parts the text states and fill the rest ourselves.
    return DateDataParser(languages=["en"], settings={"RELATIVE_BASE": _FIXED_BASE, "PREFER_DAY_OF_MONTH": "first"})


@cache
def _month_names() -> dict[str, int]:
    w = _words()
    names = {name: i for i, name in enumerate(w["months"], start=1)}
    names.update({name: i for i, name in enumerate(w["month_abbrev"], start=1)})
    names["sept"] = 9
    return names


_ORD = r"(\d{1,2})(?:st|nd|rd|th)?"


@lru_cache(maxsize=1 << 14)
def _month_date(core: str) -> tuple[int, int, int | None] | None:
    """(year, month, day or None) of an expression with a month name. The common shapes
    ("march 5 2023", "5 march 2023", "march 2023", "march 5") are read here directly:
    dateparser took a third of the reading time on wire copy. Anything else goes to it."""
    names = _month_names()
    toks = [t.rstrip(".") for t in core.split()]
    month = next((names[t] for t in toks if t in names), None)
    if month is not None:
        rest = " ".join(t for t in toks if t not in names)
        m = re.fullmatch(rf"{_ORD}(?: (\d{{4}}))?|(\d{{4}})|", rest)
        order_ok = len(toks) <= 3 and (
            toks.index(next(t for t in toks if t in names)) in (0, 1))
        if m and order_ok:
            day = int(m.group(1)) if m.group(1) else None
            year = int(m.group(2) or m.group(3)) if (m.group(2) or m.group(3)) else _FIXED_BASE.year
            try:
                date(year, month, day or 1)
            except ValueError:
                return None
            return year, month, day
    data = _parser().get_date_data(core)
    if data is None or data.date_obj is None:
        return None
    d = data.date_obj
    return d.year, d.month, d.day if data.period == "day" else None


def _clean(text: str) -> str:
    text = re.sub(r"[“”\"()\[\],]", " ", text.lower())
    return re.sub(r"\s+", " ", text).strip()


def _strip_qualifiers(text: str) -> str:
    quals = set(_words()["qualifiers"])
    toks = [t for t in re.split(r"[\s-]+", text) if t and t not in quals]
    return " ".join(toks)


def is_duration(text: str) -> bool:
    """"two months", "for a period of 15 days": a length of time, not a point in it."""
    t = _clean(text)
    if any(w in t.split() for w in ("ago", "later", "earlier", "before", "after")):
        return False
    return bool(_DURATION.match(t)) and not re.search(r"\b(this|last|next|previous|same|that)\s+(day|week|month|year)", t)


@dataclass
class DateReader:
    """Reads the time expressions of one document."""

    published: PartialDate | None  # trusted publication date: relative expressions need it
    doc_years: set[int] = field(default_factory=set)
    anchor: PartialDate | None = None  # the last date read, for "the same day"
    year_base: PartialDate | None = None  # for year-less dates when the publication is unknown

    def read(self, text: str) -> PartialDate | None:
        """The date an expression names, at the precision the text supports; None if none."""
        t = _clean(text)
        if not t or is_duration(t):
            return None
        found = self._read(t)
        if found is not None and (found.year is not None or found.day is not None):
            self.anchor = found
        return found

    def _read(self, t: str) -> PartialDate | None:
        words = _words()
        bare = re.sub(r"^(on|in|at|by|since|from|during)\s+", "", t)
        for phrase, offset in words["anaphoric"].items():
            if bare == phrase or bare.endswith(" " + phrase):
                return self._from_anchor(offset)
        counted = counted_days(bare)
        if counted is not None:
            return self._from_anchor(counted)
        ordinal = re.fullmatch(r"the\s+([0-3]?\d)(?:st|nd|rd|th)", bare)
        if ordinal:
            return self._day_of_anchor_month(int(ordinal.group(1)))
        for phrase, (unit, offset) in words["relative"].items():
            if bare == phrase or bare.endswith(" " + phrase):
                return self._relative(unit, offset)
        if re.fullmatch(r"\d+[./-][\d./-]+", bare):
            return self._numeric(bare)
        core = _strip_qualifiers(bare)
        if not core:
            return None
        weekday = next((i for i, w in enumerate(words["weekdays"]) if w in core.split()), None)
        has_month = any(w.rstrip(".") in words["months"] or w.rstrip(".") in words["month_abbrev"]
                        for w in core.split())
        year = _YEAR.search(core)
        if weekday is not None and not has_month and not year:
            return self._weekday(weekday)
        if not has_month:
            return PartialDate(int(year.group(1))) if year and re.fullmatch(r"[a-z\s]*\d{4}", core) else None
        return self._absolute(core, explicit_year=year is not None)

    def _absolute(self, core: str, explicit_year: bool) -> PartialDate | None:
        core = re.sub(r"\b(" + "|".join(_words()["weekdays"]) + r")\b", " ", core).strip()
        found = _month_date(core)
        if found is None:
            return None
        y, m, d = found
        part = PartialDate(y if explicit_year else None, m, d)
        if self.published is None and self.year_base is not None and self.year_base.year is not None:
            # a lower bound, not a publication date: the latest year the text writes
            return part if part.year is not None or part.month is None else part.with_year(self.year_base.year)
        return complete(part, self.published, self.doc_years)

    def _numeric(self, core: str) -> PartialDate | None:
        if not re.fullmatch(r"[\d./-]+", core):
            return None
        data = _parser().get_date_data(core)
        if data is None or data.date_obj is None or not _YEAR.search(core):
            return None
        d = data.date_obj
        return PartialDate(d.year, d.month, d.day)

    def _weekday(self, weekday: int) -> PartialDate | None:
        pub = self.published
        if pub is None or pub.precision != "day":
            return None
        p = pub.latest()
        assert p is not None
        d = p - timedelta(days=(p.weekday() - weekday) % 7)
        return PartialDate(d.year, d.month, d.day)

    def _relative(self, unit: str, offset: int) -> PartialDate | None:
        pub = self.published
        if pub is None or pub.year is None:
            return None
        if unit == "year":
            return PartialDate(pub.year + offset)
        if pub.month is None:
            return None
        if unit == "month":
            month = pub.month + offset
            year = pub.year + (month - 1) // 12
            return PartialDate(year, (month - 1) % 12 + 1)
        if pub.day is None:
            return None
        p = date(pub.year, pub.month, pub.day)
        if unit == "day":
            d = p + timedelta(days=offset)
            return PartialDate(d.year, d.month, d.day)
        # a week: say its month when the whole (past part of the) week lies in one month
        start = p - timedelta(days=p.weekday()) + timedelta(weeks=offset)
        end = p if offset == 0 else start + timedelta(days=6)
        if (start.year, start.month) == (end.year, end.month):
            return PartialDate(start.year, start.month)
        return PartialDate(start.year) if start.year == end.year else None

    def _day_of_anchor_month(self, day: int) -> PartialDate | None:
        """"On October 18 she was detained. On the 26th she was charged": a day of the month
        last told, or of the next month when the day is before the one told."""
        a = self.anchor
        if a is None or a.month is None or not 1 <= day <= 31:
            return None
        year, month = a.year, a.month
        if a.day is not None and day < a.day:
            year, month = (year + 1 if year is not None else None, 1) if month == 12 else (year, month + 1)
        try:
            date(year or 2000, month, day)  # a leap year stands in for an unknown one
        except ValueError:
            return None
        return PartialDate(year, month, day)

    def _from_anchor(self, offset: int) -> PartialDate | None:
        a = self.anchor
        if a is None or offset == 0:
            return a
        # "March 10 ... the next day": a year-less day stays year-less for consolidation to complete
        return shift_days(a, offset)


def counted_days_pattern() -> str:
    """"two days later", "3 days earlier": a count of days and the direction, as a regex."""
    w = _words()
    counts = "|".join([*w["day_counts"], r"\d{1,2}"])
    return rf"(?:{counts})\s+days?\s+(?:{'|'.join(w['counted_days'])})"


def counted_days(text: str) -> int | None:
    """The signed day count of "two days later" ("a week later" is not read: no day to count by)."""
    m = re.search(rf"(?:^|\s){counted_days_pattern()}$", text, re.I)
    if not m:
        return None
    n, _, way = m.group(0).split()[-3:]
    w = _words()
    count = int(n) if n.isdigit() else int(w["day_counts"][n.lower()])
    return count * int(w["counted_days"][way.lower()])


def published_date(text: str | None) -> PartialDate | None:
    return parse_iso(text)


_FULL = re.compile(r"\b(?:[A-Z][a-z]+\.? \d{1,2},? \d{4}|\d{1,2} [A-Z][a-z]+,? \d{4}|[A-Z][a-z]+,? \d{4})\b")


def explicit_dates(text: str) -> list[PartialDate]:
    """The dates a text writes with their year ("10 March 2019", "March 29, 2018", "November 2018"),
    not the ends of terms ("until December 21, 2021"), which may lie after the writing."""
    reader = DateReader(None)
    out = []
    for m in _FULL.finditer(text):
        if _END_BEFORE.search(text[max(0, m.start() - 16):m.start()]):
            continue
        d = reader.read(m.group(0))
        if d is not None and d.year is not None and d.month is not None:
            out.append(d)
    return out


_END_BEFORE = re.compile(r"\b(?:until|till|through|pending)\s+(?:at\s+least\s+)?$", re.I)


def stated_years(texts: list[str]) -> set[int]:
    """Years the document states inside full dates ("10 March 2019", "March 2019"); not bare years,
    which are as often background ("active since 2017") as the year of the events."""
    pat = _stated_year_pattern()
    return {int(m.group(1)) for t in texts for m in pat.finditer(t)
            if not _END_BEFORE.search(t[max(0, m.start() - 16):m.start()])}  # not "until December 21, 2021"


@cache
def _stated_year_pattern() -> re.Pattern[str]:
    words = _words()
    names = "|".join(words["months"] + words["month_abbrev"])
    return re.compile(r"\b(?:" + names + r")\.?\s+(?:\d{1,2},?\s+)?(1[89]\d\d|20\d\d)\b", re.I)
