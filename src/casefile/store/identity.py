"""Identities that outlive a rebuild: an entity by its names, an event by type, date and evidence.

Generated ids (E3, V7) change when a new report renumbers things; review
decisions and diffs are keyed by these identities instead.
"""

from __future__ import annotations

import re
from typing import Any

from casefile.model import CaseFile, Entity, Event


def fold(name: str) -> str:
    return re.sub(r"\s+", " ", name).strip().lower()


def entity_key(e: Entity) -> dict[str, Any]:
    return {"type": e.type, "names": sorted({fold(e.name), *(fold(a) for a in e.aliases)})}


def event_key(v: Event, cf: CaseFile) -> dict[str, Any]:
    sha = {s.id: s.sha256 or s.file for s in cf.sources}
    return {
        "type": v.type,
        "date": v.date,
        "evidence": sorted([sha.get(ev.source, ev.source), ev.quote] for ev in v.evidence),
    }


def find_entity(cf: CaseFile, key: dict[str, Any]) -> Entity | None:
    """The entity sharing most names with the key (ties: the one whose name is the key's first)."""
    names = set(key.get("names", []))
    best, best_n = None, 0
    for e in cf.entities:
        n = len(names & {fold(e.name), *(fold(a) for a in e.aliases)})
        if n > best_n:
            best, best_n = e, n
    return best


def find_event(cf: CaseFile, key: dict[str, Any]) -> Event | None:
    """The event of the key's type with the most evidence in common (same source, overlapping
    words); failing that, the only event of that type on that date."""
    wanted = [(src, quote) for src, quote in key.get("evidence", [])]
    best, best_n = None, 0
    for v in cf.events:
        if v.type != key.get("type"):
            continue
        mine = event_key(v, cf)["evidence"]
        n = sum(1 for s, q in wanted for s2, q2 in mine if s == s2 and (q in q2 or q2 in q))
        if n > best_n:
            best, best_n = v, n
    if best is not None:
        return best
    same_day = [v for v in cf.events if v.type == key.get("type") and v.date == key.get("date") and v.date]
    return same_day[0] if len(same_day) == 1 else None
