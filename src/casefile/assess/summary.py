"""A short summary in which every sentence carries its sources (issue 5 fills this in)."""

from __future__ import annotations

from casefile.model import Entity, Event, Source, Status, SummarySentence


def summarize(subject: Entity | None, events: list[Event], status: Status, sources: list[Source]) -> list[SummarySentence]:
    return []
