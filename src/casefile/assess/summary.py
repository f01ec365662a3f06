"""A short summary in which every sentence carries its sources.

The summary is written from the consolidated events and status only, never from
free text, so each sentence states facts the case file already sources: the
first time the subject was taken into custody, the charge, the latest court
outcome (everything decided that day in one sentence), how the episode ended
(release, exile, death), and the status as of the newest source. Which types
play which part is the `summary` of each row of resources/event_types.yaml. Each
sentence lists the sources of the events it states; an event without evidence
is never stated. Wording is data: each type's words in the table, the frames,
dates, numbers and statuses in `resources/<lang>/summary.yaml`.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from casefile.assess.status import at_liberty, date_key, in_absentia, replay_order, status_moves, suspended
from casefile.core.durations import parse_duration, spell_duration
from casefile.core.event_types import event_types
from casefile.model import Amount, Entity, Event, Source, Status, SummarySentence
from casefile.resources import load

MAX_SENTENCES = 6


@cache
def _words(language: str) -> dict[str, Any]:
    return load(f"{language}/summary.yaml")


def summarize(subject: Entity | None, events: list[Event], status: Status, sources: list[Source],
              language: str = "en", settled: frozenset[str] = frozenset()) -> list[SummarySentence]:
    """At most six sourced sentences in `language` (one with a `resources/<lang>/summary.yaml`).
    `settled`: the events whose date an analyst settled, no longer said to be disputed."""
    w = _Wording(language, settled)
    name = subject.name if subject else w.words["nobody"]
    table = event_types()
    known = [ev for ev in events if ev.evidence and table[ev.type].phrase(language)]
    if subject is not None and any(p.entity == subject.id for ev in known for p in ev.participants):
        known = [ev for ev in known if not ev.participants or any(p.entity == subject.id for p in ev.participants)]
    groups = _pick(known, status_moves(events, subject))
    out = [w.sentence(name, g) for g in groups]
    status_line = w.status_sentence(name, status)
    if status_line is not None:
        out = out[:MAX_SENTENCES - 1] + [status_line]
    return out[:MAX_SENTENCES]


# --------------------------------------------------------------------------- choosing what to say


def _dated(events: list[Event]) -> list[Event]:
    return sorted((ev for ev in events if ev.date), key=lambda ev: date_key(ev.date))


def _pick(events: list[Event], moves: set[str] | None = None) -> list[list[Event]]:
    """The key acts, grouped by day and in date order. `moves`: the events that changed the
    subject's status (`status.status_moves`); an act that would end the episode but did not
    (a release after a sentence served at liberty) is not told as its end."""
    table = event_types()
    chosen: list[Event] = []
    dated = _dated(events)
    first = next((ev for ev in dated if "opens" in table[ev.type].summary), None)
    if first:
        chosen.append(first)
    accusations = [ev for ev in dated if "accusation" in table[ev.type].summary]
    charge = next((ev for ev in accusations if ev.attributes.charge), None) or next(iter(accusations), None)
    if charge:
        chosen.append(charge)
    outcomes = [ev for ev in dated if "outcome" in table[ev.type].summary]
    if outcomes:
        day = outcomes[-1].date
        chosen += _one_per_type([ev for ev in outcomes if ev.date == day])
    held = [ev for ev in dated if "held" in table[ev.type].summary and ev is not first and ev not in chosen]
    if held:
        chosen.append(held[0])
    ending = [ev for ev in dated if "ends" in table[ev.type].summary and ev is not first
              and (moves is None or ev.id in moves)]
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
    """The acts of each day; a day's court outcomes first, in the order they were decided
    (the table's day order, then its row order), then the rest as they came."""
    table = event_types()

    def decided(ev: Event) -> tuple[int, int, int]:
        spec = table[ev.type]
        return (0, spec.day_order, spec.position) if "outcome" in spec.summary else (1, 0, 0)

    groups: dict[str, list[Event]] = {}
    for ev in replay_order(events):  # date order, with what a day's pardon ended before it
        groups.setdefault(ev.date or "", []).append(ev)
    return [sorted(g, key=decided) for g in groups.values()]


# --------------------------------------------------------------------------- wording


class _Wording:
    """One language's words for the summary."""

    def __init__(self, language: str, settled: frozenset[str] = frozenset()) -> None:
        self.language = language
        self.settled = settled
        self.words = _words(language)
        self.frames: dict[str, str] = self.words["frames"]

    def sentence(self, name: str, group: list[Event]) -> SummarySentence:
        acts = self.join([self.phrase(ev) for ev in group])
        when = self.when(group[0], differ=any(ev.id not in self.settled and _dates_differ(ev) for ev in group))
        text = self.frames["dated"].format(when=when, name=name, acts=acts) if when else \
            self.frames["undated"].format(name=name, acts=acts)
        srcs: list[str] = []
        for ev in group:
            for e in ev.evidence:
                if e.source not in srcs:
                    srcs.append(e.source)
        return SummarySentence(text=self.capital(text), sources=sorted(srcs, key=_sid))

    def capital(self, text: str) -> str:
        return text[0].upper() + text[1:] if self.words.get("capitalize") else text

    def phrase(self, ev: Event) -> str:
        template = event_types()[ev.type].phrase(self.language) or ""
        values = {"dur": self.duration(ev.attributes.duration), "amount": self.amount(ev.attributes.amount),
                  "charge": ev.attributes.charge}

        def fill(m: re.Match[str]) -> str:
            keys = re.findall(r"\{(\w+)\}", m.group(1))
            return m.group(1).format(**values) if all(values.get(k) for k in keys) else ""
        phrase = re.sub(r"\[([^\]]*)\]", fill, template)
        if at_liberty(ev):  # "sentenced to two years suspended", never as if imprisoned
            phrase = f"{phrase} {self.words['at_liberty']['suspended' if suspended(ev) else 'other']}"
        return f"{phrase} {self.words['in_absentia']}" if in_absentia(ev) else phrase

    def join(self, parts: list[str]) -> str:
        if len(parts) == 1:
            return parts[0]
        return self.frames["comma"].join(parts[:-1]) + self.frames["and"] + parts[-1]

    def month(self, number: int, key: str) -> str:
        return (self.words.get(key) or self.words["months"])[number - 1]

    def when(self, ev: Event, differ: bool = False) -> str | None:
        if not ev.date:
            return None
        parts = ev.date.split("-")
        if len(parts) == 3 and ev.date_precision in ("day", "unknown"):
            phrase = self.frames["on_day"].format(day=int(parts[2]), month=self.month(int(parts[1]), "months"),
                                                  year=parts[0])
        elif len(parts) >= 2:
            phrase = self.frames["in_month"].format(month=self.month(int(parts[1]), "months_alone"), year=parts[0])
        else:
            phrase = self.frames["in_year"].format(year=parts[0])
        return self.frames["dates_differ"].format(when=phrase) if differ else phrase

    def duration(self, value: str | None) -> str | None:
        term = parse_duration(value)
        if term is None or not term.parts():
            return None
        return spell_duration(term, self.language, self.words["units"], self.words.get("numbers") or [],
                              self.frames["and"], self.frames["comma"])

    def figure(self, value: float) -> str:
        return f"{value:,.0f}".replace(",", self.words["thousands_separator"])

    def amount(self, a: Amount | None) -> str | None:
        if a is None:
            return None
        symbol = self.words["currency_symbols"].get(a.currency.upper())
        shown = self.frames["amount_symbol"].format(symbol=symbol, value=self.figure(a.value)) if symbol else \
            self.frames["amount_code"].format(value=self.figure(a.value), currency=a.currency)
        if a.usd is not None and a.currency.upper() != "USD":
            shown = self.frames["amount_converted"].format(amount=shown, usd=self.figure(a.usd))
        return shown

    def status_sentence(self, name: str, status: Status) -> SummarySentence | None:
        state = self.words["status"].get(status.value)
        if not state or not status.sources:
            return None
        text = self.frames["status"].format(name=name, state=state)
        if status.as_of:
            text = self.frames["status_as_of"].format(date=self.as_of(status.as_of), text=text)
        table = event_types()
        conds = [c for c in (table[t].condition_phrase(self.language) for t in status.conditions if t in table) if c]
        if conds:
            text = self.frames["status_conditions"].format(text=text, conditions=self.join(conds))
        return SummarySentence(text=text + ".", sources=list(status.sources))

    def as_of(self, value: str) -> str:
        parts = value.split("-")
        if len(parts) == 3:
            return self.frames["day_month_year"].format(day=int(parts[2]), month=self.month(int(parts[1]), "months"),
                                                        year=parts[0])
        if len(parts) == 2:
            return self.frames["month_year"].format(month=self.month(int(parts[1]), "months_nominative"),
                                                    year=parts[0])
        return parts[0]


def _dates_differ(ev: Event) -> bool:
    dates = {e.date for e in ev.evidence if e.date}
    return any(not (a.startswith(b) or b.startswith(a)) for a in dates for b in dates)


def _sid(source: str) -> int:
    return int(re.sub(r"\D", "", source) or 0)
