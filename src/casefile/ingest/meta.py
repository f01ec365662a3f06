"""Source metadata from the text itself: outlet, publication date, title.

HTML pages bring their own metadata (see `html.py`); these functions read
what a plain-text report says about itself.
"""

from __future__ import annotations

import re
from datetime import date

import dateparser

from casefile.ingest.clean import banner_kind, is_sentence
from casefile.resources import load

_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_DATELINE_DATE = re.compile(r"^\s*(?:date|published|posted|updated)?:?\s*(\d{4}-\d{2}-\d{2})\b", re.I)
_MONTHS_EN = ("january|february|march|april|may|june|july|august|september|october|november|december")
_FULL_DATE = re.compile(
    rf"\b(?:(\d{{1,2}})\s+({_MONTHS_EN})\s+(\d{{4}})|({_MONTHS_EN})\s+(\d{{1,2}}),?\s+(\d{{4}}))\b", re.I
)
_DAY_MONTH = re.compile(rf"\b(?:(\d{{1,2}})\s+({_MONTHS_EN})|({_MONTHS_EN})\s+(\d{{1,2}}))\b(?!,?\s+\d{{4}})", re.I)
_YEAR = re.compile(r"\b(19[9]\d|20\d\d)\b")


def _valid(d: date, today: date | None = None) -> bool:
    return date(1990, 1, 1) <= d <= (today or date.today())


def dateline_date(raw: str) -> str | None:
    """A date stated at the head of the report (its first lines)."""
    head = raw.lstrip()[:300]
    m = _DATELINE_DATE.match(head)
    if m:
        try:
            d = date.fromisoformat(m.group(1))
        except ValueError:
            return None
        return d.isoformat() if _valid(d) else None
    for line in head.splitlines()[:3]:
        m = re.match(r"^\s*(?:published|posted|date)\s*:?\s*(.{6,40})$", line, re.I)
        if m:
            d2 = dateparser.parse(m.group(1), settings={"STRICT_PARSING": True})
            if d2 and _valid(d2.date()):
                return d2.date().isoformat()
    return None


def content_date(text: str) -> str | None:
    """The month of the latest full date the text mentions: a report is not
    older than what it reports. Month precision, since the day is unknown."""
    best: date | None = None
    for m in _FULL_DATE.finditer(text):
        day, month, year = (m.group(1), m.group(2), m.group(3)) if m.group(1) else (m.group(5), m.group(4), m.group(6))
        parsed = dateparser.parse(f"{day} {month} {year}", languages=["en"])
        if parsed and _valid(parsed.date()) and (best is None or parsed.date() > best):
            best = parsed.date()
    # a day and month without a year ("on 17 August") belongs to the latest year the text names
    years = [int(y) for y in _YEAR.findall(text) if int(y) <= date.today().year]
    if years:
        year = max(years)
        for m in _DAY_MONTH.finditer(text):
            day, month = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
            parsed = dateparser.parse(f"{day} {month} {year}", languages=["en"])
            if parsed and _valid(parsed.date()) and (best is None or parsed.date() > best):
                best = parsed.date()
    if best is None:
        return None
    return f"{best.year:04d}-{best.month:02d}"


def _clean_outlet(name: str) -> str | None:
    name = name.strip(" .,:;-—«»\"'")
    if not name or len(name) > 60:
        return None
    if name.isupper() and len(name) > 6:
        name = name.title()
    expansions: dict[str, str] = load("en/outlets.yaml").get("expansions", {})
    return expansions.get(name, name)


def infer_outlet(raw: str) -> str | None:
    """The outlet a report names as its own, from dateline, byline or footer."""
    data = load("en/outlets.yaml")
    head = raw.lstrip()[:400]
    for pat in data["datelines"]:
        m = re.search(pat, head, re.M)
        if m:
            return _clean_outlet(m.group("outlet"))
    for pat in data["bylines"]:
        m = re.search(pat, raw)
        if m:
            return _clean_outlet(m.group("outlet"))
    lines = [ln for ln in raw.strip().splitlines() if ln.strip()]
    tail = "\n".join(lines[-12:])
    for pat in data["self_references"]:
        for m in re.finditer(pat, tail):
            cand = _clean_outlet(m.group("outlet"))
            if cand and not banner_kind(cand) and len(cand.split()) <= 6:
                return cand
    return None


def infer_title(raw: str) -> str | None:
    """The first headline-like line: a short line of several words before the story."""
    for line in raw.splitlines()[:15]:
        s = re.sub(r"^\s{0,3}#{1,6}\s+", "", line).strip().strip("*_ ")
        if not s or banner_kind(s):
            continue
        if is_sentence(s):
            break
        if 3 <= len(s.split()) <= 25 and not _ISO.search(s):
            return s
    return None
