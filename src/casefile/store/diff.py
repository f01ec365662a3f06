"""What changed between two versions of a case file, as data and in words."""

from __future__ import annotations

from typing import Any

from casefile.model import CaseFile
from casefile.store.identity import EntityIndex, EventIndex, entity_key, event_key, fold


def _amount(v: Any) -> Any:
    a = v.attributes.amount
    return None if a is None else {"value": a.value, "currency": a.currency}


def diff_casefiles(old: CaseFile | None, new: CaseFile) -> dict[str, Any]:
    """New and removed events, changed dates/amounts/durations/places, status, conflicts,
    entities and aliases, sources. `old` None means everything is new."""
    old = old or CaseFile(generated_at="")
    out: dict[str, Any] = {
        "sources_added": [s.file for s in new.sources if s.sha256 not in {o.sha256 for o in old.sources}],
        "events_added": [], "events_removed": [], "events_changed": [],
        "status": None, "conflicts_new": [], "conflicts_resolved": [],
        "entities_added": [], "aliases_added": [],
    }
    matched_old: set[str] = set()
    old_index = EventIndex(old)
    new_sha = {s.id: s.sha256 or s.file for s in new.sources}
    for v in new.events:
        prev = old_index.find(event_key(v, new, new_sha))
        if prev is None or prev.id in matched_old:
            out["events_added"].append({"type": v.type, "date": v.date, "id": v.id})
            continue
        matched_old.add(prev.id)
        changes = {}
        for field, a, b in (("date", prev.date, v.date), ("amount", _amount(prev), _amount(v)),
                            ("duration", prev.attributes.duration, v.attributes.duration),
                            ("place", _place(old, prev.place), _place(new, v.place))):
            if a != b:
                changes[field] = {"from": a, "to": b}
        if changes:
            out["events_changed"].append({"type": v.type, "date": v.date, "id": v.id, "changes": changes})
    out["events_removed"] = [{"type": v.type, "date": v.date, "id": v.id} for v in old.events if v.id not in matched_old]
    if (old.status.value, old.status.as_of, old.status.conditions) != (new.status.value, new.status.as_of, new.status.conditions):
        out["status"] = {"from": old.status.model_dump(include={"value", "as_of", "conditions"}),
                         "to": new.status.model_dump(include={"value", "as_of", "conditions"})}
    out["conflicts_new"], out["conflicts_resolved"] = _conflict_changes(old, new)
    old_entities = EntityIndex(old)
    for e in new.entities:
        prev_e = old_entities.find(entity_key(e))
        if prev_e is None:
            out["entities_added"].append({"name": e.name, "type": e.type})
        else:
            known = {fold(prev_e.name), *(fold(a) for a in prev_e.aliases)}
            added = [a for a in [e.name, *e.aliases] if fold(a) not in known]
            if added:
                out["aliases_added"].append({"entity": e.name, "aliases": added})
    return out


def _place(cf: CaseFile, eid: str | None) -> str | None:
    return next((e.name for e in cf.entities if e.id == eid), None) if eid else None


def _open_conflicts(cf: CaseFile) -> dict[tuple[str, str, str], Any]:
    events = {v.id: v for v in cf.events}
    out: dict[tuple[str, str, str], Any] = {}
    for c in cf.conflicts:
        v = events.get(c.event)
        if v is None or c.resolved:
            continue
        out[(v.type, c.field, str(sorted(str(x.value) for x in c.values)))] = {
            "event": v.type, "date": v.date, "field": c.field, "values": [x.value for x in c.values]}
    return out


def _conflict_changes(old: CaseFile, new: CaseFile) -> tuple[list[Any], list[Any]]:
    a, b = _open_conflicts(old), _open_conflicts(new)
    return [b[k] for k in b if k not in a], [a[k] for k in a if k not in b]


def describe(d: dict[str, Any]) -> list[str]:
    """The diff in words, one line per change."""
    lines = [f"new source: {f}" for f in d["sources_added"]]
    lines += [f"new event: {e['type'].replace('_', ' ')} ({e['date'] or 'undated'})" for e in d["events_added"]]
    lines += [f"removed event: {e['type'].replace('_', ' ')} ({e['date'] or 'undated'})" for e in d["events_removed"]]
    for e in d["events_changed"]:
        for field, ch in e["changes"].items():
            lines.append(f"{e['type'].replace('_', ' ')}: {field} changed from {ch['from']} to {ch['to']}")
    if d["status"]:
        lines.append(f"status changed from {d['status']['from']['value']} to {d['status']['to']['value']}")
    lines += [f"new conflict: {c['event']} {c['field']}: {' vs '.join(map(str, c['values']))}" for c in d["conflicts_new"]]
    lines += [f"conflict resolved: {c['event']} {c['field']}" for c in d["conflicts_resolved"]]
    lines += [f"new {e['type']}: {e['name']}" for e in d["entities_added"]]
    lines += [f"{a['entity']} also written: {', '.join(a['aliases'])}" for a in d["aliases_added"]]
    return lines or ["no changes"]
