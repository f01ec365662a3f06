"""Terms as ISO 8601 durations ("P2M", "P1Y6M", "P15D", "P2W"): the one parser and writer.

Readers write a term as an ISO 8601 duration; every later stage reads it back through
`parse_duration` (or `duration_days`), never with a pattern of its own. Only the calendar
part (years, months, weeks, days) is used: a term of custody or a ban is never told in hours.
For readers, `human_duration` writes a term in words ("6 years and 6 months", "2 месяца"),
the words and plural forms being `resources/<lang>/durations.yaml`; the summary spells its
terms through the same `spell_duration` with its own words.

Why not `isodate`: it folds weeks into days (P2W becomes 14 days), and the summary says
"two weeks" where the source did; the format is small enough that one pattern here is all
there is to it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

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
    """[(6, "Y"), (11, "M")] -> "P6Y11M"; units in any order are written largest first, parts of
    one unit are added ("six months and two months" is P8M), and whole twelves of months are
    years ("18 months" is P1Y6M, as a case file's readers write it and compare it)."""
    merged: dict[str, float] = {}
    for v, u in parts:
        if v:
            merged[u] = merged.get(u, 0.0) + v
    months = merged.get("M", 0.0)
    if months >= 12 and float(months).is_integer():
        merged["Y"] = merged.get("Y", 0.0) + months // 12
        merged["M"] = months % 12
        merged = {u: v for u, v in merged.items() if v}
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


# --------------------------------------------------------------------------- for readers


@cache
def _plural_rule(language: str) -> Any:
    from babel import Locale

    return Locale.parse(language)


def _written_in(language: str) -> str:
    """The language itself where it has words for terms, else English."""
    from casefile.resources import exists

    return language if re.fullmatch(r"[a-z]{2,3}", language or "") and exists(f"{language}/durations.yaml") else "en"


def spell_duration(term: Duration, language: str, units: Mapping[str, Mapping[str, str]],
                   numbers: Sequence[str] = (), conj: str = " and ", comma: str = ", ") -> str:
    """A term in words: each unit's count (a word from `numbers` where it has one, else digits
    as the language writes them) and the unit in the plural form the count takes."""
    from babel.numbers import format_decimal

    rule = _plural_rule(language)
    parts = []
    for n, unit in term.parts():
        count: float | int = int(n) if float(n).is_integer() else n
        shown = numbers[count] if isinstance(count, int) and count < len(numbers) else format_decimal(count, locale=language)
        forms = units[unit]
        parts.append(f"{shown} {forms.get(rule.plural_form(count)) or forms['other']}")
    if len(parts) < 2:
        return "".join(parts)
    return comma.join(parts[:-1]) + conj + parts[-1]


def human_duration(value: str | None, language: str = "en") -> str:
    """An ISO 8601 term for readers: "P2M" -> "2 months", "P6Y6M" -> "6 years and 6 months",
    in Russian "2 месяца", "6 лет и 6 месяцев". A value that is no term is given back as it is
    (a stored value must never break a page); None and "" give ""."""
    term = parse_duration(value)
    if term is None:
        return value or ""
    from casefile.resources import load

    language = _written_in(language)
    words = load(f"{language}/durations.yaml")
    return spell_duration(term, language, words["units"], conj=words["and"], comma=words["comma"])
