"""Where the case stands as of the newest source.

The subject's dated events are replayed in date order through a small state
machine (detention -> detained, house arrest -> house_arrest, a custodial
sentence -> imprisoned, release/acquittal/pardon/charges dropped -> released,
exile -> in_exile, ...). Events of one day are replayed custody first, then
the court's decisions, then release, since a report of "sentenced and released
on the same day" means the person walked free. The conditions still binding are
the fines and bans of the current episode (from the last time the subject was
taken into custody) that have not run out by the newest source's date and were
not lifted by a later pardon, acquittal or dropped case. The sources are those
of the events that set the status and the conditions.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from casefile.assess.cues import has_stemmed_cue
from casefile.core.durations import duration_days
from casefile.model import Entity, Event, Source, Status, StatusValue

# replay order of events reported for the same day
_SAME_DAY_ORDER = {
    "detention": 0, "house_arrest": 1, "transfer": 2, "extradition": 2, "charge": 3, "hearing": 3,
    "plea_deal": 4, "conviction": 4, "acquittal": 5, "sentence": 5, "fine": 6, "travel_ban": 6,
    "activity_ban": 6, "appeal": 6, "case_closed": 7, "pardon": 7, "release": 8, "exile": 9,
    "disappearance": 10, "death": 11,
}
CONDITIONS = ("fine", "travel_ban", "activity_ban")
_LIFTING = ("pardon", "acquittal", "case_closed")
_STATE_CHANGES = ("detention", "house_arrest", "sentence", "extradition", "release", "acquittal", "pardon",
                  "case_closed", "exile", "death", "disappearance")
_CUSTODY = ("detention", "house_arrest", "sentence", "extradition")


def _worded(ev: Event, key: str) -> bool:
    return any(has_stemmed_cue(e.quote, key) for e in ev.evidence)


def _at_liberty(ev: Event) -> bool:
    """A sentence served at liberty (suspended, restricted freedom), as its sources word it."""
    return _worded(ev, "non_custodial")


def in_absentia(ev: Event) -> bool:
    """A court's act in the person's absence, as a source words it: it puts no one in custody."""
    return ev.type in _CUSTODY + ("conviction",) and _worded(ev, "in_absentia")


def _next(state: StatusValue, ev: Event) -> StatusValue:
    """The status after one event; events that do not change custody keep the state."""
    t = ev.type
    if t == "death":
        return "deceased"
    if state == "deceased":
        return state
    if t == "disappearance":
        return "missing"
    if t == "exile":
        return "in_exile"
    if t in ("release", "acquittal", "pardon", "case_closed"):
        return "released"
    if in_absentia(ev):
        # an arrest or a term ordered in absentia: whoever is abroad stays so; a sentence is a conviction
        free = state in ("unknown", "released") and t in ("sentence", "conviction")
        return "convicted_at_liberty" if free else state
    if t == "detention" or t == "extradition":
        return "detained"
    if t == "house_arrest":
        return "house_arrest"
    if t == "sentence":
        return "convicted_at_liberty" if _at_liberty(ev) else "imprisoned"
    if t == "conviction" and state in ("unknown", "released"):
        return "convicted_at_liberty"
    if t == "transfer" and state in ("unknown", "missing"):
        return "detained"
    return state


def date_key(value: str | None) -> str:
    """A sort key that puts a partial date after the days it contains ("in March" after
    "on 10 March"): a report that gives only the month usually tells of what followed."""
    if not value:
        return ""
    return value + "-99" * (2 - value.count("-"))


def _sort_key(ev: Event) -> tuple[str, int]:
    return (date_key(ev.date), _SAME_DAY_ORDER.get(ev.type, 5))


def replay_order(events: list[Event]) -> list[Event]:
    """Date order, but acts reported one day apart are replayed as one day: sources often
    date one act a day apart (a late-night hearing), so the day's own order decides."""
    ordered = sorted(events, key=_sort_key)
    out: list[Event] = []
    run: list[Event] = []
    prev: date | None = None
    for ev in ordered:
        day = _first_day(ev.date or "") if ev.date_precision == "day" or len(ev.date or "") == 10 else None
        if run and (day is None or prev is None or (day - prev).days > 1):
            out += sorted(run, key=lambda e: (_SAME_DAY_ORDER.get(e.type, 5), date_key(e.date)))
            run = []
        run.append(ev)
        prev = day
    out += sorted(run, key=lambda e: (_SAME_DAY_ORDER.get(e.type, 5), date_key(e.date)))
    return out


def _sources(events: list[Event]) -> list[str]:
    out: list[str] = []
    for ev in events:
        for e in ev.evidence:
            if e.source not in out:
                out.append(e.source)
    return sorted(out, key=lambda s: int(re.sub(r"\D", "", s) or 0))


def newest_date(sources: list[Source]) -> str | None:
    dates = [s.published for s in sources if s.published and not s.duplicate_of]
    return max(dates, key=lambda d: (d[:10], len(d))) if dates else None


def subject_events(events: list[Event], subject: Entity | None) -> list[Event]:
    """The events about the subject: those naming it, plus those naming no one (the reader could
    not tell whom they concern) unless they name someone else."""
    if subject is None or not any(p.entity == subject.id for ev in events for p in ev.participants):
        return list(events)
    return [ev for ev in events if not ev.participants or any(p.entity == subject.id for p in ev.participants)]


def assess_status(events: list[Event], sources: list[Source], subject: Entity | None) -> Status:
    mine = [ev for ev in subject_events(events, subject) if ev.date]
    # the newest source's date; a later change of custody shows that some source is newer than its
    # date says (a court date merely scheduled does not)
    changes = [ev.date for ev in mine if ev.type in _STATE_CHANGES]
    as_of = max([d for d in [newest_date(sources), *changes] if d], key=lambda d: (d[:10], len(d)), default=None)
    mine = replay_order(mine)
    state: StatusValue = "unknown"
    deciding: Event | None = None  # the last event that changed the status
    for ev in mine:
        after = _next(state, ev)
        if after != state:
            deciding = ev
        state = after
    # reports of the same act as separate events (merged or not) all stand behind it
    behind = [ev for ev in mine if deciding and ev.type == deciding.type and ev.date == deciding.date]
    conditions = binding_conditions(mine, as_of)
    behind += [ev for _, ev in conditions]
    return Status(value=state, as_of=as_of, conditions=_unique([t for t, _ in conditions]), sources=_sources(behind))


def binding_conditions(events: list[Event], as_of: str | None) -> list[tuple[str, Event]]:
    """Fines and bans of the current episode, not run out by `as_of`, not lifted since."""
    last_custody = max((ev.date or "" for ev in events if ev.type in _CUSTODY), default="")
    out: list[tuple[str, Event]] = []
    for ev in events:
        if ev.type not in CONDITIONS or (ev.date or "") < last_custody[:len(ev.date or "")]:
            continue
        if _over(ev, as_of):
            continue
        if any(later.type in _LIFTING and (later.date or "") > (ev.date or "") for later in events):
            continue
        out.append((ev.type, ev))
    return out


def _over(ev: Event, as_of: str | None) -> bool:
    if as_of is None:
        return False
    end = ev.end_date
    if end is None and ev.attributes.duration and ev.date:
        start = _first_day(ev.date)
        days = duration_days(ev.attributes.duration)
        if start and days:
            end = (start + timedelta(days=days)).isoformat()
    return end is not None and end[:len(as_of)] < as_of[:len(end)]


def _first_day(value: str) -> date | None:
    parts = (value.split("-") + ["01", "01"])[:3]
    try:
        return date(int(parts[0]), int(parts[1]), int(parts[2][:2]))
    except ValueError:
        return None


def _unique(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))
