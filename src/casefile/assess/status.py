"""Where the case stands as of the newest source (issue 5 fills this in)."""

from __future__ import annotations

from casefile.model import Entity, Event, Source, Status


def assess_status(events: list[Event], sources: list[Source], subject: Entity | None) -> Status:
    return Status()
