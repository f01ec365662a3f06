"""Dates written in Russian, resolved against the source's publication date.

Hand-written patterns rather than `dateparser.search`: the search mode does not
return character offsets or the precision an expression supports ("в конце
июля" is a month, not the 1st), and it takes bare numbers for days. The words
themselves (months, weekdays, "прошлого года") are data in resources/ru/dates.yaml.
A date the text does not fix (a day without a year, and no publication year) keeps
only what it says, year-less ("--05-02", precision "unknown"), for consolidation to
date by the act it matches in a dated source; a date counted from an unknown year
("в октябре прошлого года") is left undated: nothing is invented.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from casefile.model import Precision
from casefile.resources import load


@dataclass(frozen=True)
class DateExpr:
    start: int
    end: int
    date: str | None
    precision: Precision
    is_end: bool = False  # "до 25 июня": the end of a period, not when something happened


@dataclass(frozen=True)
class Published:
    year: int | None
    month: int | None
    day: int | None

    @classmethod
    def of(cls, value: str | None) -> Published:
        parts = [int(p) for p in re.findall(r"\d+", value or "")][:3]
        parts += [None] * (3 - len(parts))  # type: ignore[list-item]
        return cls(*parts)

    def as_date(self) -> dt.date | None:
        if self.year and self.month and self.day:
            try:
                return dt.date(self.year, self.month, self.day)
            except ValueError:
                return None
        return None


@cache
def _lex() -> dict:
    return load("ru/dates.yaml")


@cache
def _patterns() -> list[tuple[str, re.Pattern[str]]]:
    lex = _lex()
    month = "|".join(f"(?P<m{n}>{rx})" for n, rx in lex["months"].items())
    weekday = "|".join(f"(?P<w{n}>{rx})" for n, rx in lex["weekdays"].items())
    yw = "|".join(re.escape(w) for w in lex["year_words"])
    dw = "|".join(re.escape(w) for w in lex["day_words"])
    year = r"(?P<year>\d{4})(?:\s*(?:года|году|год|г\.))?"
    b, e = r"(?<![\w\d])", r"(?![\w])"
    parts = _lex()["month_parts"]
    seasons = _lex()["seasons"]
    return [
        ("numeric", re.compile(rf"{b}(?P<d>\d{{1,2}})\.(?P<mn>\d{{1,2}})\.(?P<year>\d{{4}}|\d{{2}}){e}")),
        # "с 10 по 12 апреля", "10-12 апреля": the period starts on the first day
        ("day_month", re.compile(rf"{b}(?P<d>\d{{1,2}})\s*(?:-|–|—|по)\s*\d{{1,2}}\s+(?:{month}){e}"
                                 rf"(?:\s+{year})?(?:\s+(?P<yw>{yw}))?", re.I)),
        ("day_month", re.compile(rf"{b}(?P<d>\d{{1,2}})(?:-?го)?\s+(?:{month}){e}(?:\s+{year})?(?:\s+(?P<yw>{yw}))?",
                                 re.I)),
        ("month", re.compile(rf"{b}(?:в|во|с)\s+(?:(?P<part>{parts})\s+)?(?:{month}){e}"
                             rf"(?:\s+{year})?(?:\s+(?P<yw>{yw}))?", re.I)),
        ("year", re.compile(rf"{b}(?:(?:в|с)\s+(?:(?:{parts})\s+)?|(?:{seasons})\s+)(?P<year>(?:19|20)\d\d)"
                            rf"(?:\s*(?:году|года|г\.))?(?![\d-])", re.I)),
        # "в конце прошлого года", "весной этого года": the year, counted from the publication
        ("year_word", re.compile(rf"{b}(?:(?:в\s+)?(?:{parts})|{seasons})\s+(?P<yw>{yw}){e}", re.I)),
        ("weekday", re.compile(rf"{b}(?:в|во)\s+(?:прошл\w+\s+)?(?:{weekday}){e}", re.I)),
        ("day_word", re.compile(rf"{b}(?P<dw>{dw}){e}", re.I)),
        ("rel_period", re.compile(rf"{b}в\s+(?P<which>прошлом|этом|текущем)\s+(?P<unit>месяце|году){e}", re.I)),
    ]


def find_dates(text: str, published: str | None) -> list[DateExpr]:
    """Every date expression in `text`, in order, resolved where the text and `published` allow."""
    pub = Published.of(published)
    found: list[DateExpr] = []
    taken: list[tuple[int, int]] = []
    for kind, rx in _patterns():
        for m in rx.finditer(text):
            if any(m.start() < b and a < m.end() for a, b in taken):
                continue
            is_end = _is_end(text, m.start())
            date, prec = _resolve(kind, m, pub, is_end)
            taken.append((m.start(), m.end()))
            found.append(DateExpr(m.start(), m.end(), date, prec, is_end))
    found.sort(key=lambda d: d.start)
    return _anchored(text, found, taken)


@cache
def _anchored_patterns() -> list[tuple[re.Pattern[str], int | None]]:
    """Phrases that count days from the date told before them; None: the count is in group "n"."""
    lex = _lex()
    b, e = r"(?<![\w\d])", r"(?![\w])"
    counts = "|".join(re.escape(w) for w in sorted(lex["day_counts"], key=len, reverse=True))
    unit = r"(?:дн(?:я|ей)|суток)"
    out: list[tuple[re.Pattern[str], int | None]] = [
        (re.compile(rf"{b}(?:{lex['days_after']})\s+(?P<n>{counts}|\d{{1,2}})\s+{unit}{e}", re.I), None),
        (re.compile(rf"{b}(?P<n>{counts}|\d{{1,2}})\s+{unit}\s+(?:{lex['days_after_post']}){e}", re.I), None),
    ]
    out += [(re.compile(rf"{b}{rx}{e}", re.I), int(off)) for rx, off in lex["anchored_days"].items()]
    return out


def _anchored(text: str, found: list[DateExpr], taken: list[tuple[int, int]]) -> list[DateExpr]:
    """"на следующий день", "через два дня", "накануне", "в тот же день": days counted from the
    nearest day-precise date told before, in the same sentence or the one before it (further
    back a report has moved on). A year-less anchor gives a year-less day."""
    out = list(found)
    for rx, offset in _anchored_patterns():
        for m in rx.finditer(text):
            if any(m.start() < b and a < m.end() for a, b in taken):
                continue
            n = offset if offset is not None else _count(m.group("n"))
            if n is None or (offset == -1 and _before_event(text, m.end())):
                continue
            anchor = _anchor(text, found, m.start())
            if anchor is None:
                continue
            taken.append((m.start(), m.end()))
            date = _shift(anchor, n)
            if date is not None:
                out.append(DateExpr(m.start(), m.end(), date, "unknown" if date.startswith("--") else "day"))
    return sorted(out, key=lambda d: d.start)


def _count(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    n = _lex()["day_counts"].get(word.lower())
    return int(n) if n is not None else None


_SENT_END = re.compile(r"[.!?…]+[»\"]?\s+(?=[«\"]?[А-ЯЁA-Z0-9])|\n")


def _anchor(text: str, found: list[DateExpr], at: int) -> str | None:
    before = [d for d in found if d.end <= at and d.date and not d.is_end]
    if not before:
        return None
    last = before[-1]
    if last.precision != "day" and not _is_yearless_day(last.date or ""):
        return None  # "в мае ... на следующий день": no day to count from
    if len(_SENT_END.findall(text, last.end, at)) > 1:
        return None
    return last.date


def _before_event(text: str, end: int) -> bool:
    """"накануне суда": the day before an event named after it, not before a date told earlier."""
    m = re.match(r"\s+([а-яё]+)", text[end:end + 40])
    if not m:
        return False
    return any({"NOUN", "ADJF", "NUMR"} & p.tag.grammemes and "gent" in p.tag.grammemes
               for p in _morph().parse(m.group(1))[:1])


@cache
def _morph():  # noqa: ANN202 - pymorphy2 (natasha's own dictionary) has no type hints
    import pymorphy2

    return pymorphy2.MorphAnalyzer()


def _shift(iso: str, days: int) -> str | None:
    if not iso.startswith("--"):
        return (dt.date.fromisoformat(iso) + dt.timedelta(days=days)).isoformat()
    # year-less: the shifted day, when it is the same in any year (a leap year and a common one)
    shifted = set()
    for year in (2000, 2001):
        try:
            d = dt.date.fromisoformat(f"{year}{iso[1:]}") + dt.timedelta(days=days)
        except ValueError:
            continue
        shifted.add((d.month, d.day) if d.year == year else None)
    if len(shifted) != 1 or None in shifted:
        return None
    month, day = shifted.pop()  # type: ignore[misc]
    return f"--{month:02d}-{day:02d}"


def _is_yearless_day(iso: str) -> bool:
    return re.fullmatch(r"--\d\d-\d\d", iso) is not None


def _is_end(text: str, start: int) -> bool:
    """"до 5 декабря", and "до понедельника, 23 октября" (a weekday before the date)."""
    words = text[max(0, start - 30):start].replace(",", " ").split()
    if words and words[-1].lower() in _lex()["end_markers"]:
        return True
    stems = tuple(w[:-1] if w[-1] in "уе" else w for w in _lex()["weekdays"].values())  # "до пятницы"
    return len(words) >= 2 and words[-2].lower() in _lex()["end_markers"] and words[-1].lower().startswith(stems)


def _group_num(m: re.Match[str], prefix: str) -> int | None:
    for name, val in m.groupdict().items():
        if val and name.startswith(prefix) and name[len(prefix):].isdigit():
            return int(name[len(prefix):])
    return None


def _year(m: re.Match[str], pub: Published, month: int | None, forward: bool = False) -> int | None:
    gd = m.groupdict()
    if gd.get("year"):
        y = int(gd["year"])
        return y + 2000 if y < 100 else y
    if pub.year is None:
        return None
    if gd.get("yw"):
        return pub.year + int(_lex()["year_words"][gd["yw"].lower()])
    # a month after the publication month is last year's ("в декабре" read in March),
    # unless it ends a period that runs on ("арестовали до 25 июня" read in April)
    if month and pub.month and month > pub.month and not forward:
        return pub.year - 1
    return pub.year


def _resolve(kind: str, m: re.Match[str], pub: Published, is_end: bool = False) -> tuple[str | None, Precision]:
    gd = m.groupdict()
    if kind == "numeric":
        y = _year(m, pub, None)
        return _ymd(y, int(gd["mn"]), int(gd["d"]))
    if kind == "day_month":
        month = _group_num(m, "m")
        y = _year(m, pub, month, is_end)
        if y is None and month and _same_year(m):
            return _yearless(month, int(gd["d"]))
        return _ymd(y, month, int(gd["d"]))
    if kind == "month":
        month = _group_num(m, "m")
        y = _year(m, pub, month, is_end)
        if y is None and month and _same_year(m):
            return f"--{month:02d}", "unknown"
        return (f"{y:04d}-{month:02d}", "month") if y and month else (None, "unknown")
    if kind == "year":
        return gd["year"], "year"
    if kind == "year_word":
        if pub.year is None:
            return None, "unknown"
        return f"{pub.year + int(_lex()['year_words'][gd['yw'].lower()]):04d}", "year"
    if kind == "weekday":
        base = pub.as_date()
        wd = _group_num(m, "w")
        if base is None or wd is None:
            return None, "unknown"
        back = (base.weekday() - wd) % 7
        if back == 0 and "прошл" in m.group(0).lower():
            back = 7  # "в прошлую пятницу" read on a Friday: a week before
        return (base - dt.timedelta(days=back)).isoformat(), "day"
    if kind == "day_word":
        base = pub.as_date()
        if base is None:
            return None, "unknown"
        return (base + dt.timedelta(days=int(_lex()["day_words"][gd["dw"].lower()]))).isoformat(), "day"
    if kind == "rel_period":
        if pub.year is None:
            return None, "unknown"
        last = gd["which"].lower() == "прошлом"
        if gd["unit"].lower() == "году":
            return f"{pub.year - last:04d}", "year"
        if pub.month is None:
            return None, "unknown"
        y, mo = (pub.year, pub.month - 1) if last else (pub.year, pub.month)
        if mo == 0:
            y, mo = y - 1, 12
        return f"{y:04d}-{mo:02d}", "month"
    return None, "unknown"


def _same_year(m: re.Match[str]) -> bool:
    """With no year known, a date keeps its month and day only when the text puts it in the
    report's own year ("2 мая", "в конце апреля этого года"), not in another ("прошлого года")."""
    yw = m.groupdict().get("yw")
    return not yw or int(_lex()["year_words"][yw.lower()]) == 0


def _yearless(month: int, day: int) -> tuple[str | None, Precision]:
    """ISO 8601's year-less "--MM-DD": consolidation may date it by the act it matches in a
    dated source (consolidate/events._complete_years); precision stays "unknown" until then."""
    try:
        dt.date(2000, month, day)  # a leap year: "29 февраля" is a valid year-less day
    except ValueError:
        return None, "unknown"
    return f"--{month:02d}-{day:02d}", "unknown"


def _ymd(y: int | None, mo: int | None, d: int | None) -> tuple[str | None, Precision]:
    if y is None or mo is None or d is None:
        return None, "unknown"
    try:
        return dt.date(y, mo, d).isoformat(), "day"
    except ValueError:
        return None, "unknown"
