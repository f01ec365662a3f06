"""Terms as ISO 8601 durations ("P2M", "P1Y6M", "P15D", "P2W"): the one parser and writer.

Readers write a term as an ISO 8601 duration; every later stage reads it back through
`parse_duration` (or `duration_days`), never with a pattern of its own. Only the calendar
part (years, months, weeks, days) is used: a term of custody or a ban is never told in hours.

Why not `isodate`: it folds weeks into days (P2W becomes 14 days), and the summary says
"two weeks" where the source did; the format is small enough that one pattern here is all
there is to it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

UNITS = ("Y", "M", "W", "D")
# the average length of each unit in days, for comparing and ending terms
DAYS_PER_UNIT = {"Y": 365.25, "M": 30.44, "W": 7.0, "D": 1.0}
_NUM = r"(\d+(?:\.\d+)?)"
_ISO = re.compile(rf"P(?:{_NUM}Y)?(?:{_NUM}M)?(?:{_NUM}W)?(?:{_NUM}D)?(?:T[\d.HMS]*)?")


@dataclass(frozen=True)
class Duration:
    """A term in calendar units, as written: P1Y6M is one year and six months, not 18 months."""

    years: float = 0.0
    months: float = 0.0
    weeks: float = 0.0
    days: float = 0.0

    def parts(self) -> list[tuple[float, str]]:
        """The units given, largest first: P1Y6M -> [(1.0, "Y"), (6.0, "M")]."""
        values = (self.years, self.months, self.weeks, self.days)
        return [(v, u) for v, u in zip(values, UNITS, strict=True) if v]

    def in_days(self) -> float:
        return sum(v * DAYS_PER_UNIT[u] for v, u in self.parts())

    def iso(self) -> str:
        return format_duration(self.parts())


def parse_duration(value: str | None) -> Duration | None:
    """An ISO 8601 duration's calendar part, or None when `value` is not one (or is empty: "P")."""
    m = _ISO.fullmatch((value or "").strip())
    if not m or not any(m.groups()):
        return None
    y, mo, w, d = (float(g) if g else 0.0 for g in m.groups())
    return Duration(years=y, months=mo, weeks=w, days=d)


def duration_days(value: str | None) -> float | None:
    """An ISO 8601 duration ("P2M", "P1Y6M", "P15D") in days, or None."""
    parsed = parse_duration(value)
    return parsed.in_days() if parsed else None


def format_duration(parts: list[tuple[float, str]]) -> str:
    """[(6, "Y"), (11, "M")] -> "P6Y11M"; units in any order are written largest first, and
    parts of one unit are added ("six months and two months" is P8M)."""
    merged: dict[str, float] = {}
    for v, u in parts:
        if v:
            merged[u] = merged.get(u, 0.0) + v
    return "P" + "".join(f"{_number(merged[u])}{u}" for u in UNITS if u in merged)


def subtract_durations(base: str, cut: str) -> str | None:
    """base - cut ("P7Y" - "P1M" = "P6Y11M"), counting years and months as months; None when
    a cut in days meets a term in months (a month has no fixed length), when either is not a
    duration, or when nothing positive is left."""
    b, c = parse_duration(base), parse_duration(cut)
    if b is None or c is None:
        return None
    months = b.years * 12 + b.months - c.years * 12 - c.months
    days = b.weeks * 7 + b.days - c.weeks * 7 - c.days
    if days < 0 or months < 0 or ((c.days or c.weeks) and (b.years or b.months)) or months + days <= 0:
        return None
    return format_duration([(months // 12, "Y"), (months % 12, "M"), (days, "D")])


def _number(v: float) -> str:
    return str(int(v)) if float(v).is_integer() else str(v)
