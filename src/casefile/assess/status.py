"""Where the case stands as of the newest source.

The subject's dated events are replayed in date order through a small state
machine whose moves are the `status` of each row of resources/event_types.yaml
(detention -> detained, house arrest -> house_arrest, a custodial sentence ->
imprisoned, release/acquittal/pardon/charges dropped -> released, exile ->
in_exile, ...). Events of one day are replayed in the table's `day_order`:
custody first, then the court's decisions, then release, since a report of
"sentenced and released on the same day" means the person walked free. The
conditions still binding are the acts marked `condition` (fines and bans) of the
current episode (from the last act marked `custody`) that have not run out by
the newest source's date and were not lifted by a later act marked `lifts`
(pardon, acquittal, dropped case). The sources are those of the events that set
the status and the conditions.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import cast

from casefile.assess.cues import has_stemmed_cue
from casefile.core.durations import duration_days
from casefile.core.event_types import StatusEffect, event_types
from casefile.model import Entity, Event, Source, Status, StatusValue


def _worded(ev: Event, key: str) -> bool:
    return any(has_stemmed_cue(e.quote, key) for e in ev.evidence)


def _at_liberty(ev: Event) -> bool:
    """A sentence served at liberty (suspended, restricted freedom), as its sources word it."""
    return _worded(ev, "non_custodial")


def at_liberty(ev: Event) -> bool:
    """The act is one its type serves at liberty when so worded (the table's `at_liberty`: a
    sentence), and a source words it so ("a suspended sentence", "условный срок",
    "ограничение свободы"): a conviction at liberty, no custody."""
    effect = event_types()[ev.type].status
    return effect is not None and effect.at_liberty is not None and _at_liberty(ev)


def suspended(ev: Event) -> bool:
    """A term served at liberty that a source words as suspended (a subset of `at_liberty`)."""
    return at_liberty(ev) and _worded(ev, "suspended")


def in_absentia(ev: Event) -> bool:
    """A court's act in the person's absence, as a source words it: it puts no one in custody."""
    spec = event_types()[ev.type]
    return spec.status is not None and spec.status.absentia is not None and _worded(ev, "in_absentia")


def _next(state: StatusValue, ev: Event) -> StatusValue:
    """The status after one event, as its row of the table says; a final status stays."""
    table = event_types()
    effect: StatusEffect | None = table[ev.type].status
    if effect is None or state in table.final_states:
        return state
    if effect.absentia is not None and in_absentia(ev):
        return cast(StatusValue, effect.absentia.after(state))
    return cast(StatusValue, effect.after(state, at_liberty=bool(effect.at_liberty) and _at_liberty(ev)))


def date_key(value: str | None) -> str:
    """A sort key that puts a partial date after the days it contains ("in March" after
    "on 10 March"): a report that gives only the month usually tells of what followed."""
    if not value:
        return ""
    return value + "-99" * (2 - value.count("-"))


def _day_order(ev: Event) -> int:
    return event_types()[ev.type].day_order


def _sort_key(ev: Event) -> tuple[str, int]:
    return (date_key(ev.date), _day_order(ev))


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
            out += sorted(run, key=lambda e: (_day_order(e), date_key(e.date)))
            run = []
        run.append(ev)
        prev = day
    out += sorted(run, key=lambda e: (_day_order(e), date_key(e.date)))
    return _custody_before_its_lifting(out)


def _custody_before_its_lifting(ordered: list[Event]) -> list[Event]:
    """A custody act or a step of the prosecution known to its month only ("convicted and
    sentenced earlier this month") and an act that lifts custody on a day of that month (a
    pardon, a case closed): those came first, since the lifting ends them (the month's usual
    place after its days would undo the pardon)."""
    types = event_types()
    out = list(ordered)
    for ev in ordered:
        spec = types[ev.type]
        if not ((spec.custody or spec.stage is not None) and ev.date and len(ev.date) == 7):
            continue
        at = next(k for k, x in enumerate(out) if x is ev)
        lifting = next((k for k, x in enumerate(out[:at]) if types[x.type].lifts and x.date and len(x.date) == 10
                        and x.date[:7] == ev.date), None)
        if lifting is not None:
            out.insert(lifting, out.pop(at))
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
    table = event_types()
    changes = [ev.date for ev in mine if (effect := table[ev.type].status) is not None and effect.unconditional]
    as_of = max([d for d in [newest_date(sources), *changes] if d], key=lambda d: (d[:10], len(d)), default=None)
    mine = replay_order(mine)
    state: StatusValue = "unknown"
    deciding: Event | None = None  # the last event that changed the status
    for ev, after in replay(mine):
        if after != state:
            deciding = ev
        state = after
    # reports of the same act as separate events (merged or not) all stand behind it
    behind = [ev for ev in mine if deciding and ev.type == deciding.type and ev.date == deciding.date]
    conditions = binding_conditions(mine, as_of)
    behind += [ev for _, ev in conditions]
    return Status(value=state, as_of=as_of, conditions=_unique([t for t, _ in conditions]), sources=_sources(behind))


def replay(events: list[Event]) -> list[tuple[Event, StatusValue]]:
    """The status after each of `events` (in `replay_order`), from "unknown"."""
    state: StatusValue = "unknown"
    out = []
    for ev in events:
        state = _next(state, ev)
        out.append((ev, state))
    return out


def status_moves(events: list[Event], subject: Entity | None) -> set[str]:
    """The ids of the subject's dated events that changed where the subject stands when
    replayed: a release after a sentence served at liberty does not (the summary does not
    tell it as how the episode ended)."""
    mine = replay_order([ev for ev in subject_events(events, subject) if ev.date])
    out: set[str] = set()
    state: StatusValue = "unknown"
    for ev, after in replay(mine):
        if after != state:
            out.add(ev.id)
        state = after
    return out


def binding_conditions(events: list[Event], as_of: str | None) -> list[tuple[str, Event]]:
    """Fines and bans (acts marked `condition`) of the current episode, not run out by `as_of`,
    not lifted since."""
    table = event_types()
    last_custody = max((ev.date or "" for ev in events if table[ev.type].custody and not at_liberty(ev)), default="")
    out: list[tuple[str, Event]] = []
    for ev in events:
        if not table[ev.type].condition or (ev.date or "") < last_custody[:len(ev.date or "")]:
            continue
        if _over(ev, as_of):
            continue
        if any(table[later.type].lifts and (later.date or "") > (ev.date or "") for later in events):
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
