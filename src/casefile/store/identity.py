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


def event_key(v: Event, cf: CaseFile, sha: dict[str, str] | None = None) -> dict[str, Any]:
    """`sha` (source id -> content hash) may be passed in when keying many events of one file."""
    sha = sha if sha is not None else {s.id: s.sha256 or s.file for s in cf.sources}
    return {
        "type": v.type,
        "date": v.date,
        "evidence": sorted([sha.get(ev.source, ev.source), ev.quote] for ev in v.evidence),
    }


class EntityIndex:
    """The entities of one case file by each of their folded names."""

    def __init__(self, cf: CaseFile) -> None:
        self.order = {e.id: i for i, e in enumerate(cf.entities)}
        self.by_name: dict[str, list[Entity]] = {}
        for e in cf.entities:
            for n in {fold(e.name), *(fold(a) for a in e.aliases)}:
                self.by_name.setdefault(n, []).append(e)

    def find(self, key: dict[str, Any]) -> Entity | None:
        """The entity sharing most names with the key (ties: the first in the file)."""
        counts: dict[str, int] = {}
        found: dict[str, Entity] = {}
        for n in set(key.get("names", [])):
            for e in self.by_name.get(n, ()):
                counts[e.id] = counts.get(e.id, 0) + 1
                found[e.id] = e
        if not counts:
            return None
        best = max(counts, key=lambda i: (counts[i], -self.order[i]))
        return found[best]


def find_entity(cf: CaseFile, key: dict[str, Any]) -> Entity | None:
    return EntityIndex(cf).find(key)


class EventIndex:
    """The events of one case file by type, with their evidence by source hash, so that finding
    many events (a diff of two versions) costs one pass over each file, not one per lookup."""

    def __init__(self, cf: CaseFile) -> None:
        sha = {s.id: s.sha256 or s.file for s in cf.sources}
        self.by_type: dict[str, list[tuple[Event, dict[str, list[str]]]]] = {}
        self.by_day: dict[tuple[str, str], list[Event]] = {}
        for v in cf.events:
            quotes: dict[str, list[str]] = {}
            for ev in v.evidence:
                quotes.setdefault(sha.get(ev.source, ev.source), []).append(ev.quote)
            self.by_type.setdefault(v.type, []).append((v, quotes))
            if v.date:
                self.by_day.setdefault((v.type, v.date), []).append(v)

    def find(self, key: dict[str, Any]) -> Event | None:
        """The event of the key's type with the most evidence in common (same source, overlapping
        words); failing that, the only event of that type on that date."""
        wanted = [(src, quote) for src, quote in key.get("evidence", [])]
        best, best_n = None, 0
        for v, quotes in self.by_type.get(key.get("type", ""), []):
            n = sum(1 for s, q in wanted for q2 in quotes.get(s, ()) if q in q2 or q2 in q)
            if n > best_n:
                best, best_n = v, n
        if best is not None:
            return best
        same_day = self.by_day.get((key.get("type", ""), key.get("date") or ""), [])
        return same_day[0] if len(same_day) == 1 else None


def find_event(cf: CaseFile, key: dict[str, Any]) -> Event | None:
    return EventIndex(cf).find(key)
