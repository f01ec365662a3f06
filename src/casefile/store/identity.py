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
        words), of those the one on the key's date first; failing that, the only event of that
        type on that date."""
        wanted = [(src, quote) for src, quote in key.get("evidence", [])]
        best, best_n = None, (0, False)
        for v, quotes in self.by_type.get(key.get("type", ""), []):
            n = (sum(1 for s, q in wanted for q2 in quotes.get(s, ()) if q in q2 or q2 in q),
                 v.date == key.get("date"))
            if n[0] and n > best_n:
                best, best_n = v, n
        if best is not None:
            return best
        same_day = self.by_day.get((key.get("type", ""), key.get("date") or ""), [])
        return same_day[0] if len(same_day) == 1 else None


def find_event(cf: CaseFile, key: dict[str, Any]) -> Event | None:
    return EventIndex(cf).find(key)


# --------------------------------------------------------------------------- two versions


def _dates_fit(a: str | None, b: str | None) -> bool:
    """One date contains the other ("2019-03" and "2019-03-10")."""
    return bool(a and b and (a.startswith(b) or b.startswith(a)))


def match_events(old: CaseFile, new: CaseFile) -> dict[str, str]:
    """The events of `new` that are acts of `old`, one to one: {new event id: old event id}.

    An act keeps its identity while its evidence grows: events are paired first by the evidence
    they share (the same words of the same report, by content hash and offsets). Where an act's
    evidence went to several acts, it continues as the one on its date (else on a date that
    contains it or that it contains), else as the one with most of its evidence, so that the
    other is told as new rather than the act as moved and itself as new again. Then, among the
    events left, by type and date: the same day, then the only one of its type on a day or month
    that contains the other's."""
    old_sha = {s.id: s.sha256 or s.file for s in old.sources}
    new_sha = {s.id: s.sha256 or s.file for s in new.sources}
    spans: dict[tuple[str, str], list[tuple[int, int, Event]]] = {}  # (type, source hash) -> old evidence
    for o in old.events:
        for ev in o.evidence:
            spans.setdefault((o.type, old_sha.get(ev.source, ev.source)), []).append((ev.start, ev.end, o))
    order = {v.id: i for i, v in enumerate(old.events)}
    pairs = []
    for i, v in enumerate(new.events):
        shared: dict[str, int] = {}  # old event id -> how many of v's evidence items overlap its own
        olds: dict[str, Event] = {}
        for ev in v.evidence:
            hit = {o.id: o for start, end, o in spans.get((v.type, new_sha.get(ev.source, ev.source)), ())
                   if start < ev.end and ev.start < end}
            for oid, o in hit.items():
                shared[oid] = shared.get(oid, 0) + 1
                olds[oid] = o
        for oid, n in shared.items():
            o = olds[oid]
            pairs.append(((o.date == v.date, _dates_fit(o.date, v.date), n, -abs(order[oid] - i)), v.id, oid))
    out: dict[str, str] = {}
    taken: set[str] = set()
    for _, nid, oid in sorted(pairs, key=lambda p: p[0], reverse=True):
        if nid not in out and oid not in taken:
            out[nid] = oid
            taken.add(oid)
    for v in new.events:  # no evidence shared: the same type on the same day
        if v.id not in out and v.date:
            same = next((o for o in old.events if o.id not in taken and o.type == v.type and o.date == v.date), None)
            if same is not None:
                out[v.id] = same.id
                taken.add(same.id)
    left_new = [v for v in new.events if v.id not in out]
    left_old = [o for o in old.events if o.id not in taken]
    for v in left_new:  # the only one of its type on a day or month containing the other's
        cands = [o for o in left_old if o.type == v.type and _dates_fit(o.date, v.date)]
        if len(cands) == 1 and cands[0].id not in taken and [
                w for w in left_new if w.type == v.type and _dates_fit(cands[0].date, w.date)] == [v]:
            out[v.id] = cands[0].id
            taken.add(cands[0].id)
    return out


def _names(e: Entity) -> set[str]:
    return {fold(e.name), *(fold(a) for a in e.aliases)}


def match_entities(old: CaseFile, new: CaseFile) -> tuple[dict[str, str], dict[str, str]]:
    """The entities of `new` that are entities of `old`, one to one, by the names (canonical
    name and every alias) they share, the pairs sharing most first, then those of one canonical
    name, then those of one type;
    and the entities of `new` told apart from one of `old` that another entity of `new` now
    continues (a name that was "also written" for it). Returns ({new id: old id}, {new id: old
    id the entity was split from})."""
    by_name: dict[str, list[Entity]] = {}
    for o in old.entities:
        for n in _names(o):
            by_name.setdefault(n, []).append(o)
    pairs = []
    for e in new.entities:
        shared: dict[str, int] = {}
        olds: dict[str, Entity] = {}
        for n in _names(e):
            for o in by_name.get(n, ()):
                shared[o.id] = shared.get(o.id, 0) + 1
                olds[o.id] = o
        for oid, k in shared.items():
            o = olds[oid]
            pairs.append(((k, fold(o.name) == fold(e.name), o.type == e.type), e.id, oid))
    matched: dict[str, str] = {}
    taken: set[str] = set()
    split: dict[str, str] = {}
    for _, nid, oid in sorted(pairs, key=lambda p: p[0], reverse=True):
        if nid not in matched and oid not in taken:
            matched[nid] = oid
            taken.add(oid)
    for _, nid, oid in sorted(pairs, key=lambda p: p[0], reverse=True):
        if nid not in matched and nid not in split:
            split[nid] = oid
    return matched, split
