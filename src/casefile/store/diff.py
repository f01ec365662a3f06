"""What changed between two versions of a case file, as data and in words."""

from __future__ import annotations

from typing import Any

from casefile.model import CaseFile
from casefile.render.fmt import value_text
from casefile.store.identity import fold, match_entities, match_events


def _amount(v: Any) -> Any:
    a = v.attributes.amount
    return None if a is None else {"value": a.value, "currency": a.currency}


def diff_casefiles(old: CaseFile | None, new: CaseFile) -> dict[str, Any]:
    """New and removed events, changed dates/amounts/durations/places, status, conflicts,
    entities and aliases, sources. `old` None means everything is new.

    Events and entities are paired across the two versions by what they are, not by their
    generated ids (`identity.match_events`, `identity.match_entities`): an act whose evidence
    grew is the same act, an entity is known by every name it was written with."""
    old = old or CaseFile(generated_at="")
    out: dict[str, Any] = {
        "sources_added": [s.file for s in new.sources if s.sha256 not in {o.sha256 for o in old.sources}],
        "events_added": [], "events_removed": [], "events_changed": [],
        "status": None, "conflicts_new": [], "conflicts_resolved": [],
        "entities_added": [], "entities_split": [], "entities_retyped": [], "entities_renamed": [],
        "aliases_added": [],
    }
    pairs = match_events(old, new)
    old_events = {v.id: v for v in old.events}
    for v in new.events:
        prev = old_events.get(pairs.get(v.id, ""))
        if prev is None:
            out["events_added"].append({"type": v.type, "date": v.date, "id": v.id})
            continue
        changes = {}
        for field, a, b in (("date", prev.date, v.date), ("amount", _amount(prev), _amount(v)),
                            ("duration", prev.attributes.duration, v.attributes.duration),
                            ("place", _place(old, prev.place), _place(new, v.place))):
            if a != b:
                changes[field] = {"from": a, "to": b}
        if changes:
            out["events_changed"].append({"type": v.type, "date": v.date, "id": v.id, "changes": changes})
    kept = set(pairs.values())
    out["events_removed"] = [{"type": v.type, "date": v.date, "id": v.id} for v in old.events if v.id not in kept]
    # where the subject stands: a newer report alone moves the as-of date, which is no change
    if (old.status.value, old.status.conditions) != (new.status.value, new.status.conditions):
        out["status"] = {"from": old.status.model_dump(include={"value", "as_of", "conditions"}),
                         "to": new.status.model_dump(include={"value", "as_of", "conditions"})}
    out["conflicts_new"], out["conflicts_resolved"] = _conflict_changes(old, new)
    same, split = match_entities(old, new)
    old_entities = {e.id: e for e in old.entities}
    for e in new.entities:
        prev_e = old_entities.get(same.get(e.id, ""))
        if prev_e is None:
            if e.id in split:
                out["entities_split"].append({"name": e.name, "type": e.type, "from": old_entities[split[e.id]].name})
            else:
                out["entities_added"].append({"name": e.name, "type": e.type})
            continue
        known = {fold(prev_e.name), *(fold(a) for a in prev_e.aliases)}
        added = [a for a in [e.name, *e.aliases] if fold(a) not in known]
        if added:
            out["aliases_added"].append({"entity": prev_e.name, "aliases": added})
        if fold(e.name) != fold(prev_e.name) and fold(e.name) in known:
            out["entities_renamed"].append({"from": prev_e.name, "to": e.name})
        if e.type != prev_e.type:
            out["entities_retyped"].append({"name": e.name, "from": prev_e.type, "to": e.type})
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
            lines.append(f"{e['type'].replace('_', ' ')}: {field} changed from {_value(ch['from'], field)} "
                         f"to {_value(ch['to'], field)}")
    if d["status"]:
        was, now = d["status"]["from"], d["status"]["to"]
        if was["value"] != now["value"]:
            lines.append(f"status changed from {was['value']} to {now['value']}")
        if was["conditions"] != now["conditions"]:
            lines.append(f"conditions binding: {_listed(now['conditions'])} (were: {_listed(was['conditions'])})")
    lines += [f"new conflict: {c['event']} {c['field']}: {' vs '.join(_value(v, c['field']) for v in c['values'])}"
              for c in d["conflicts_new"]]
    lines += [f"conflict resolved: {c['event']} {c['field']}" for c in d["conflicts_resolved"]]
    lines += [f"new {e['type']}: {e['name']}" for e in d["entities_added"]]
    lines += [f"{e['name']} ({e['type']}) told apart from {e['from']}" for e in d.get("entities_split", [])]
    lines += [f"{a['entity']} also written: {', '.join(a['aliases'])}" for a in d["aliases_added"]]
    lines += [f"{r['from']} now named {r['to']}" for r in d.get("entities_renamed", [])]
    lines += [f"{r['name']}: type changed from {r['from']} to {r['to']}" for r in d.get("entities_retyped", [])]
    return lines or ["no changes"]


def _value(value: Any, field: str) -> str:
    """A changed value as a reader writes it ("2 months", "300 USD"); none where there was none."""
    return value_text(value, field) if value not in (None, "") else "none"


def _listed(items: list[str]) -> str:
    return ", ".join(i.replace("_", " ") for i in items) or "none"
