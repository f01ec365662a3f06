"""A short summary in which every sentence carries its sources.

The summary is written from the consolidated events and status only, never from
free text, so each sentence states facts the case file already sources: the
first time the subject was taken into custody, the charge, the latest court
outcome (everything decided that day in one sentence), how the episode ended
(release, exile, death), and the status as of the newest source. Each sentence
lists the sources of the events it states; an event without evidence is never
stated. Wording is data in `resources/en/summary.yaml`.
"""

from __future__ import annotations

import re
from functools import cache

from casefile.assess.status import date_key, in_absentia
from casefile.core.durations import parse_duration
from casefile.model import Amount, Entity, Event, Source, Status, SummarySentence
from casefile.resources import load

MAX_SENTENCES = 6
_CUSTODY_START = ("detention", "house_arrest", "disappearance", "extradition")
_OUTCOMES = ("plea_deal", "conviction", "acquittal", "sentence", "fine", "travel_ban", "activity_ban", "case_closed")
_ENDINGS = ("release", "pardon", "exile", "death", "disappearance")


@cache
def _words() -> dict:
    return load("en/summary.yaml")


def summarize(subject: Entity | None, events: list[Event], status: Status, sources: list[Source]) -> list[SummarySentence]:
    name = subject.name if subject else "The person concerned"
    known = [ev for ev in events if ev.evidence and _words()["events"].get(ev.type)]
    if subject is not None and any(p.entity == subject.id for ev in known for p in ev.participants):
        known = [ev for ev in known if not ev.participants or any(p.entity == subject.id for p in ev.participants)]
    groups = _pick(known)
    out = [_sentence(name, g) for g in groups]
    status_line = _status_sentence(name, status)
    if status_line is not None:
        out = out[:MAX_SENTENCES - 1] + [status_line]
    return out[:MAX_SENTENCES]


# --------------------------------------------------------------------------- choosing what to say


def _dated(events: list[Event]) -> list[Event]:
    return sorted((ev for ev in events if ev.date), key=lambda ev: date_key(ev.date))


def _pick(events: list[Event]) -> list[list[Event]]:
    """The key acts, grouped by day and in date order."""
    chosen: list[Event] = []
    dated = _dated(events)
    first = next((ev for ev in dated if ev.type in _CUSTODY_START), None)
    if first:
        chosen.append(first)
    charge = next((ev for ev in dated if ev.type == "charge" and ev.attributes.charge), None) or \
        next((ev for ev in dated if ev.type == "charge"), None)
    if charge:
        chosen.append(charge)
    outcomes = [ev for ev in dated if ev.type in _OUTCOMES]
    if outcomes:
        day = outcomes[-1].date
        chosen += _one_per_type([ev for ev in outcomes if ev.date == day])
    held = [ev for ev in dated if ev.type in ("house_arrest", "sentence") and ev is not first and ev not in chosen]
    if held:
        chosen.append(held[0])
    ending = [ev for ev in dated if ev.type in _ENDINGS and ev is not first]
    if ending:
        chosen.append(ending[-1])
    if len(chosen) < 3:  # too little to tell the story: add what else is dated
        chosen += [ev for ev in _one_per_type(dated) if ev not in chosen][:3 - len(chosen)]
    return _by_day(chosen)


def _one_per_type(events: list[Event]) -> list[Event]:
    seen: dict[str, Event] = {}
    for ev in events:
        if ev.type not in seen or len(ev.evidence) > len(seen[ev.type].evidence):
            seen[ev.type] = ev
    return list(seen.values())


def _by_day(events: list[Event]) -> list[list[Event]]:
    groups: dict[str, list[Event]] = {}
    for ev in sorted(events, key=lambda ev: date_key(ev.date)):
        groups.setdefault(ev.date or "", []).append(ev)
    return [sorted(g, key=lambda ev: _OUTCOMES.index(ev.type) if ev.type in _OUTCOMES else len(_OUTCOMES))
            for g in groups.values()]


# --------------------------------------------------------------------------- wording


def _sentence(name: str, group: list[Event]) -> SummarySentence:
    phrases = [_phrase(ev) for ev in group]
    when = _when(group[0], differ=any(_dates_differ(ev) for ev in group))
    body = f"{name} {_join(phrases)}"
    text = f"{when}, {body}." if when else f"{body}."
    srcs: list[str] = []
    for ev in group:
        for e in ev.evidence:
            if e.source not in srcs:
                srcs.append(e.source)
    return SummarySentence(text=text[0].upper() + text[1:], sources=sorted(srcs, key=_sid))


def _phrase(ev: Event) -> str:
    template: str = _words()["events"][ev.type]
    values = {"dur": _duration(ev.attributes.duration), "amount": _amount(ev.attributes.amount),
              "charge": ev.attributes.charge}

    def fill(m: re.Match[str]) -> str:
        keys = re.findall(r"\{(\w+)\}", m.group(1))
        return m.group(1).format(**values) if all(values.get(k) for k in keys) else ""
    phrase = re.sub(r"\[([^\]]*)\]", fill, template)
    return f"{phrase} {_words()['in_absentia']}" if in_absentia(ev) else phrase


def _join(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def _when(ev: Event, differ: bool = False) -> str | None:
    if not ev.date:
        return None
    months = _words()["months"]
    parts = ev.date.split("-")
    if len(parts) == 3 and ev.date_precision in ("day", "unknown"):
        phrase = f"On {int(parts[2])} {months[int(parts[1]) - 1]} {parts[0]}"
    elif len(parts) >= 2:
        phrase = f"In {months[int(parts[1]) - 1]} {parts[0]}"
    else:
        phrase = f"In {parts[0]}"
    return phrase + (" (sources differ on the date)" if differ else "")


def _dates_differ(ev: Event) -> bool:
    dates = {e.date for e in ev.evidence if e.date}
    return any(not (a.startswith(b) or b.startswith(a)) for a in dates for b in dates)


def _duration(value: str | None) -> str | None:
    if not value:
        return None
    words = _words()
    term = parse_duration(value)
    parts = []
    for n, unit in term.parts() if term else []:
        count = words["numbers"][int(n)] if n.is_integer() and n < len(words["numbers"]) else (str(int(n)) if n.is_integer() else str(n))
        parts.append(f"{count} {words['units'][unit]}{'' if n == 1 else 's'}")
    return _join(parts) if parts else None


def _amount(a: Amount | None) -> str | None:
    if a is None:
        return None
    symbol = _words()["currency_symbols"].get(a.currency.upper())
    shown = f"{symbol}{a.value:,.0f}" if symbol else f"{a.value:,.0f} {a.currency}"
    if a.usd is not None and a.currency.upper() != "USD":
        shown += f" (about ${a.usd:,.0f})"
    return shown


def _status_sentence(name: str, status: Status) -> SummarySentence | None:
    words = _words()
    state = words["status"].get(status.value)
    if not state or not status.sources:
        return None
    text = f"{name} was {state}"
    if status.as_of:
        text = f"As of {_as_of(status.as_of)}, {text}"
    conds = [words["conditions"][c] for c in status.conditions if c in words["conditions"]]
    if conds:
        text += f", subject to {_join(conds)}"
    return SummarySentence(text=text + ".", sources=list(status.sources))


def _as_of(value: str) -> str:
    months = _words()["months"]
    parts = value.split("-")
    if len(parts) == 3:
        return f"{int(parts[2])} {months[int(parts[1]) - 1]} {parts[0]}"
    if len(parts) == 2:
        return f"{months[int(parts[1]) - 1]} {parts[0]}"
    return parts[0]


def _sid(source: str) -> int:
    return int(re.sub(r"\D", "", source) or 0)
