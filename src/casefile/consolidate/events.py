"""Event merging across sources (first version: one event per event mention; issue 4 merges)."""

from __future__ import annotations

from casefile.consolidate.entities import EntityResolution
from casefile.model import Attributes, DocAnalysis, Event, Evidence, Participant, Source


def merge_events(analyses: list[DocAnalysis], resolution: EntityResolution, sources: list[Source]) -> list[Event]:
    events: list[Event] = []
    for a in analyses:
        for em in a.events:
            place = resolution.of_mention.get(em.place) if em.place else None
            events.append(Event(
                id=f"V{len(events) + 1}", type=em.type, date=em.date, date_precision=em.date_precision,
                end_date=em.end_date, place=place,
                participants=[Participant(entity=resolution.of_mention[m], role=r)
                              for m, r in em.participants if m in resolution.of_mention],
                attributes=Attributes(amount=em.amount, duration=em.duration, charge=em.charge),
                evidence=[Evidence(source=em.source, quote=em.quote, start=em.start, end=em.end, date=em.date,
                                   date_precision=em.date_precision, amount=em.amount, duration=em.duration,
                                   place=place, charge=em.charge)],
            ))
    return events
