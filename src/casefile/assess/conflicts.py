"""Conflicts: sources that disagree on one fact of one event (issue 5 fills this in)."""

from __future__ import annotations

from casefile.model import Conflict, Event


def find_conflicts(events: list[Event]) -> tuple[list[Event], list[Conflict]]:
    return events, []
