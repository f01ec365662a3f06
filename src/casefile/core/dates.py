"""The date model every stage shares, from ingest to render.

A report rarely gives full dates: "on Friday", "in February", "March 11". What a
date means depends on when the report was published, and the publication date
itself may be partial ("2019-08") or unknown. `PartialDate` keeps exactly what is
known, and the helpers here resolve relative and year-less expressions against a
publication date without ever inventing a part the text does not support.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from casefile.model import Precision
from casefile.resources import load


@dataclass(frozen=True)
class PartialDate:
    """A date known to some precision. A year-less "March 11" has year None."""

    year: int | None
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> Precision:
        if self.year is None:
            return "unknown"
        if self.month is None:
            return "year"
        return "day" if self.day is not None else "month"

    def iso(self) -> str | None:
        """ISO form at the known precision; year-less dates use ISO 8601's "--MM-DD" / "--MM"."""
        if self.year is None:
            if self.month is None:
                return None
            return f"--{self.month:02d}-{self.day:02d}" if self.day else f"--{self.month:02d}"
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def latest(self) -> date | None:
        """The last calendar day the date can stand for (None without a year)."""
        if self.year is None:
            return None
        month = self.month or 12
        day = self.day or calendar.monthrange(self.year, month)[1]
        return date(self.year, month, day)

    def earliest(self) -> date | None:
        """The first calendar day the date can stand for (None without a year)."""
        if self.year is None:
            return None
        return date(self.year, self.month or 1, self.day or 1)

    def with_year(self, year: int) -> PartialDate:
        return PartialDate(year, self.month, self.day)


_ISO = re.compile(r"^(?:(\d{4})|--(\d{2}))(?:-(\d{2}))?(?:-(\d{2}))?")


def parse_iso(text: str | None) -> PartialDate | None:
    """"2019-08-17", "2019-08", "2019", "--08-17", "--08" back to a `PartialDate`."""
    if not text:
        return None
    m = _ISO.match(text.strip())
    if not m:
        return None
    if m.group(1):
        year = int(m.group(1))
        month = int(m.group(3)) if m.group(3) else None
        day = int(m.group(4)) if m.group(4) and month else None
        return PartialDate(year, month, day)
    month = int(m.group(2))
    day = int(m.group(3)) if m.group(3) else None
    return PartialDate(None, month, day)


def infer_year(month: int, day: int | None, published: PartialDate | None) -> int | None:
    """The year of a year-less month(-day): the nearest one not after publication.

    Needs a publication date of at least year precision. When the publication is
    known only to the year, the same year is the only justified guess.
    """
    if published is None or published.year is None:
        return None
    latest = published.latest()
    assert latest is not None
    year = published.year
    last_day = day or 1  # the first of the month: a month named in a report is not after it
    try:
        candidate = date(year, month, min(last_day, calendar.monthrange(year, month)[1]))
    except ValueError:
        return None
    return year if candidate <= latest else year - 1


def complete(d: PartialDate, published: PartialDate | None, doc_years: set[int] | None = None) -> PartialDate:
    """Fill a missing year from the publication date, else from the one year the document states."""
    if d.year is not None or d.month is None:
        return d
    year = infer_year(d.month, d.day, published)
    if year is None and doc_years and len(doc_years) == 1:
        year = next(iter(doc_years))
    return d.with_year(year) if year is not None else d


def shift_days(d: PartialDate, days: int) -> PartialDate | None:
    """The day `days` after (before, if negative) a day-precise date. A year-less day ("--03-01")
    shifts only when the result is the same in any year (not across the end of February or of
    the year); None when it is not, or when `d` has no day."""
    if d.month is None or d.day is None:
        return None
    if d.year is not None:
        r = date(d.year, d.month, d.day) + timedelta(days=days)
        return PartialDate(r.year, r.month, r.day)
    shifted = set()
    for year in (2000, 2001):  # a leap year and a common one
        try:
            r = date(year, d.month, d.day) + timedelta(days=days)
        except ValueError:
            continue
        shifted.add((r.month, r.day) if r.year == year else None)
    if len(shifted) != 1 or None in shifted:
        return None
    month, day = shifted.pop()  # type: ignore[misc]
    return PartialDate(None, month, day)


def day_distance(a: PartialDate, b: PartialDate) -> int | None:
    """Days between two day-precision dates (None unless both are full dates)."""
    if a.precision != "day" or b.precision != "day":
        return None
    da, db = a.latest(), b.latest()
    assert da is not None and db is not None
    return abs((da - db).days)


def compatible(a: PartialDate, b: PartialDate, tolerance_days: int = 0) -> bool:
    """True when the two may name the same day: equal where both are known.

    Year-less dates compare on month (and day); `tolerance_days` lets two full
    dates differ a little (sources disagreeing by a day on one act).
    """
    dist = day_distance(a, b)
    if dist is not None:
        return dist <= tolerance_days
    if a.year is not None and b.year is not None and a.year != b.year:
        return False
    if a.month is not None and b.month is not None and a.month != b.month:
        return False
    if a.day is not None and b.day is not None and a.day != b.day:
        if a.year is None or b.year is None:
            return abs(a.day - b.day) <= tolerance_days
        return False
    if (a.month is None) != (b.month is None) and (a.year is None or b.year is None):
        return False  # "--03" against "2019": nothing in common to compare
    return True


def year_slip(a: PartialDate, b: PartialDate) -> bool:
    """The same month (and day, where both give one) in adjacent years: "May 2031" against
    "9 May 2030", the slip of a year a writer makes far more often than of a month."""
    if a.year is None or b.year is None or a.month is None or b.month is None:
        return False
    return abs(a.year - b.year) == 1 and a.month == b.month and (a.day is None or b.day is None or a.day == b.day)


def in_whole_units(value: float, unit: str) -> list[tuple[int, str]]:
    """A term with a half ("seven and a half years", "полтора года") in whole units:
    7.5 Y -> [(7, "Y"), (6, "M")]; 1.5 M -> [(1, "M"), (15, "D")]."""
    smaller = {"Y": ("M", 12), "M": ("D", 30), "W": ("D", 7)}.get(unit)
    whole = int(value)
    if float(value).is_integer() or smaller is None:
        return [(whole, unit)]
    rest = round((value - whole) * smaller[1])
    return [(whole, unit), (rest, smaller[0])] if whole else [(rest, smaller[0])]


@cache
def end_marker_before(languages: tuple[str, ...]) -> re.Pattern[str]:
    """A pattern that matches at the end of the text just before a date when the date ends a
    span of time ("until at least 1 July", "до конца мая 2024 года"), from the end-marker
    lexicons `resources/<lang>/end_markers.yaml` of the languages given.

    Use: `end_marker_before(("en", "ru")).search(text[max(0, start - 40):start])`.
    """
    markers: set[str] = set()
    fillers: set[str] = set()
    for lang in languages:
        try:
            data = load(f"{lang}/end_markers.yaml") or {}
        except FileNotFoundError:
            continue
        markers.update(str(m) for m in data.get("markers") or [])
        fillers.update(str(f) for f in data.get("fillers") or [])
    if not markers:
        return re.compile(r"(?!)")

    def alts(words: set[str]) -> str:
        return "|".join(r"\s+".join(map(re.escape, w.split())) for w in sorted(words, key=len, reverse=True))

    filler = rf"(?:(?:{alts(fillers)})\s+)?" if fillers else ""
    return re.compile(rf"(?<![\w-])(?:{alts(markers)})\s+{filler}(?:\w+,\s+)?$", re.IGNORECASE)


def after(d: PartialDate, years: float = 0, months: float = 0, days: float = 0) -> PartialDate | None:
    """The date a length of time after (before, if negative) `d`, at the precision the two
    support: whole years or months from a day land on a month ("a year after 7 September 2020"
    is September 2021: such counts are round), days on a day. None without a year and month, or
    for fractions of a month."""
    if d.year is None or d.month is None or years % 1 or months % 1:
        return None
    total = d.year * 12 + (d.month - 1) + int(years) * 12 + int(months)
    year, month = divmod(total, 12)
    if not days:
        return PartialDate(year, month + 1)
    if d.day is None:
        return None
    try:
        r = date(year, month + 1, min(d.day, calendar.monthrange(year, month + 1)[1])) + timedelta(days=days)
    except (ValueError, OverflowError):
        return None
    return PartialDate(r.year, r.month, r.day)
