"""Conflicts: sources that disagree on one fact of one event.

Each evidence item carries what its own source says (date, amount, duration).
Per event and field the values are grouped into readings that agree, and a
conflict is flagged when two readings remain:

* dates agree when one contains the other ("2019-08" contains "2019-08-16");
  a coarse date that contains one reading only supports it;
* amounts agree within 10% in a common currency (`usd` where known), within
  25% when a source words its figure as approximate ("almost $700");
* durations agree when equal; a duration its source gives as a bound or a
  total ("up to", "more than … in all", "requested") is a different fact and
  is not compared.

Values too far apart to be two reports of one fact (dates more than ~6 weeks
apart, amounts or durations more than twice each other) more likely mean that
two events were merged; those are not flagged as a conflict but written in the
event's note for the analyst. Two exceptions: dates a year apart in one month
("2030-05" against "2031-05", a slipped year consolidation joined) are a
conflict on the year, and a sentence's unlike terms are one act's
(consolidation keeps them apart unless it knows them for one). Place and charge
are not compared: a city and its country, or two wordings of one charge, are
not a disagreement, and this stage cannot tell them apart from one that is.

The event keeps the value that most sources support (ties: the value it had).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from casefile.assess.cues import has_cue
from casefile.core.dates import parse_iso, year_slip
from casefile.core.durations import duration_days
from casefile.core.event_types import event_types
from casefile.model import Amount, Conflict, ConflictValue, Event, Evidence, Precision

# readings of one fact further apart than these are more likely two facts
_MAX_DATE_GAP_DAYS = 45
_MAX_RATIO = 2.0
# agreement tolerances for amounts: exact wording, approximate wording
_AMOUNT_TOLERANCE = 0.10
_APPROX_TOLERANCE = 0.25


@dataclass
class _Reading:
    """One value of one field, and the sources that give it."""

    value: Any
    sources: list[str] = field(default_factory=list)
    support: list[str] = field(default_factory=list)  # sources incl. coarser readings that agree


def find_conflicts(events: list[Event]) -> tuple[list[Event], list[Conflict]]:
    conflicts: list[Conflict] = []
    for ev in events:
        for fname, check in (("date", _date_conflict), ("amount", _amount_conflict),
                             ("duration", _duration_conflict)):
            readings = check(ev)
            # a disagreement needs two sources; one source wavering is not a conflict between sources
            if readings and len(readings) > 1 and len({s for r in readings for s in r.sources}) > 1:
                conflicts.append(Conflict(
                    id=f"C{len(conflicts) + 1}", event=ev.id, field=fname,
                    values=[ConflictValue(value=_show(r.value), sources=r.sources) for r in readings]))
    return events, conflicts


def _show(value: Any) -> Any:
    return value.model_dump() if isinstance(value, Amount) else value


def _note(ev: Event, text: str) -> None:
    ev.note = f"{ev.note} {text}" if ev.note and text not in ev.note else (ev.note or text)


def _sid(source: str) -> int:
    return int(re.sub(r"\D", "", source) or 0)


def _add(readings: list[_Reading], value: Any, source: str, same) -> None:
    for r in readings:
        if same(r.value, value):
            if source not in r.sources:
                r.sources.append(source)
            return
    readings.append(_Reading(value=value, sources=[source]))


def _winner(readings: list[_Reading], current: Any, same) -> _Reading:
    """The reading most sources support; on a tie the event's own value, then the earliest source."""
    def rank(r: _Reading) -> tuple[int, int, int]:
        support = len(set(r.support or r.sources))
        return (-support, 0 if current is not None and same(r.value, current) else 1, min(map(_sid, r.sources)))
    return sorted(readings, key=rank)[0]


def _ordered(readings: list[_Reading]) -> list[_Reading]:
    for r in readings:
        r.sources.sort(key=_sid)
    return sorted(readings, key=lambda r: (-len(r.sources), min(map(_sid, r.sources))))


# --------------------------------------------------------------------------- dates


def _interval(value: str) -> tuple[date, date] | None:
    """The days a (partial) ISO date covers."""
    parts = value.split("-")
    try:
        y = int(parts[0])
        if len(parts) == 1:
            return date(y, 1, 1), date(y, 12, 31)
        m = int(parts[1])
        if len(parts) == 2:
            nxt = date(y + (m == 12), m % 12 + 1, 1)
            return date(y, m, 1), nxt - timedelta(days=1)
        d = date(y, m, int(parts[2][:2]))
        return d, d
    except (ValueError, IndexError):
        return None


def _contains(coarse: str, fine: str) -> bool:
    return fine.startswith(coarse) and len(coarse) <= len(fine)


def _date_conflict(ev: Event) -> list[_Reading] | None:
    given = [(e.date, e.source) for e in ev.evidence if e.date and _interval(e.date)]
    if not given:
        return None
    # the finest readings that no other reading refines; coarser ones support what they contain
    values = sorted({v for v, _ in given}, key=len, reverse=True)
    leaves = [v for v in values if not any(o != v and _contains(v, o) for o in values)]
    readings = [_Reading(value=v) for v in leaves]
    for v, src in given:
        holders = [r for r in readings if _contains(v, r.value)]
        for r in holders:
            if v == r.value and src not in r.sources:
                r.sources.append(src)
            if src not in r.support:
                r.support.append(src)
    if len(readings) == 1:
        _set_date(ev, readings[0].value, ev.evidence)
        return None
    best = _winner(readings, ev.date, lambda a, b: a == b)
    _set_date(ev, best.value, ev.evidence)
    if _slipped_year(leaves):
        # the sources disagree on the year only: shown to the precision both give
        shared = min(len(v) for v in leaves)
        for r in readings:
            r.value = r.value[:shared]
    elif _date_spread(leaves) > _MAX_DATE_GAP_DAYS and not _one_term(ev):
        _note(ev, f"Sources give dates far apart ({', '.join(sorted(leaves))}); possibly more than one event.")
        return None
    return _ordered(readings)


def _one_term(ev: Event) -> bool:
    """An act given once per term (event_types.yaml `one_per_term`), every dated reading of it
    with the same term: one act whatever the dates, so far-apart dates are a disagreement."""
    if ev.type not in event_types().one_per_term():
        return False
    terms = {e.duration for e in ev.evidence if e.date}
    return len(terms) == 1 and None not in terms


def _slipped_year(values: list[str]) -> bool:
    """Two dates a year apart in the same month (and day): one act, one source's year slipped
    (consolidation joins such acts only where others agree on the one date)."""
    dates = [parse_iso(v) for v in values]
    return len(dates) == 2 and None not in dates and year_slip(*dates)  # type: ignore[arg-type]


def _set_date(ev: Event, value: str, evidence: list[Evidence]) -> None:
    ev.date = value
    precision = next((e.date_precision for e in evidence if e.date == value and e.date_precision != "unknown"), None)
    by_length: dict[int, Precision] = {10: "day", 7: "month", 4: "year"}
    ev.date_precision = precision or by_length.get(len(value), "unknown")


def _date_spread(values: list[str]) -> int:
    """The widest gap, in days, between any two readings' periods."""
    spans = [iv for v in values if (iv := _interval(v))]
    worst = 0
    for a0, a1 in spans:
        for b0, b1 in spans:
            worst = max(worst, (b0 - a1).days, (a0 - b1).days)
    return worst


# --------------------------------------------------------------------------- amounts


def _common(a: Amount) -> tuple[str, float]:
    return ("USD", a.usd) if a.usd is not None else (a.currency.upper(), a.value)


def _amount_conflict(ev: Event) -> list[_Reading] | None:
    items = [(e.amount, e.source, has_cue(e.quote, "approximate")) for e in ev.evidence if e.amount]
    if not items:
        return None
    approx = {id(a) for a, _, ap in items if ap}

    def same(a: Amount, b: Amount) -> bool:
        (ca, va), (cb, vb) = _common(a), _common(b)
        if ca != cb:
            return True  # not comparable: no reason to call it a disagreement
        tol = _APPROX_TOLERANCE if id(a) in approx or id(b) in approx else _AMOUNT_TOLERANCE
        return abs(va - vb) <= tol * max(abs(va), abs(vb), 1e-9)

    readings: list[_Reading] = []
    for amount, src, _ in sorted(items, key=lambda t: t[2]):  # exact wordings first name the readings
        _add(readings, amount, src, same)
    best = _winner(readings, ev.attributes.amount, same)
    if ev.attributes.amount is None or not same(ev.attributes.amount, best.value):
        ev.attributes.amount = best.value
    if len(readings) < 2:
        return None
    vals = [_common(r.value)[1] for r in readings]
    if max(vals) > _MAX_RATIO * max(min(vals), 1e-9):
        _note(ev, "Sources give amounts far apart; possibly more than one fact.")
        return None
    return _ordered(readings)


# --------------------------------------------------------------------------- durations


def _duration_conflict(ev: Event) -> list[_Reading] | None:
    items = [(e.duration, e.source) for e in ev.evidence
             if e.duration and duration_days(e.duration) and not has_cue(e.quote, "duration_qualifiers")]
    if not items:
        return None
    readings: list[_Reading] = []
    for dur, src in items:
        _add(readings, dur, src, lambda a, b: duration_days(a) == duration_days(b))
    best = _winner(readings, ev.attributes.duration, lambda a, b: duration_days(a) == duration_days(b))
    ev.attributes.duration = best.value
    if len(readings) < 2:
        return None
    days = [duration_days(r.value) or 0.0 for r in readings]
    # a term given once (`one_per_term`, a sentence) is one act whatever its sources say of it:
    # consolidation keeps unlike terms apart unless it knows them for one act
    if max(days) > _MAX_RATIO * min(days) and ev.type not in event_types().one_per_term():
        _note(ev, "Sources give durations far apart (perhaps an initial term and its extension).")
        return None
    return _ordered(readings)
