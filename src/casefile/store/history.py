"""Decisions and audit rows in words, for people reading `review list` and `audit`.

A decision names its target by identity (type, date and quoted words; names), which is
exact but unreadable; here it is looked up in a version of the case file and named as the
analyst sees it there ("V5 detention (2024-05-14)", "E2 Dina Ospan"), or described from the
identity itself when that version no longer has it. Pure: the caller passes the case file.
"""

from __future__ import annotations

from typing import Any

from casefile.model import CaseFile
from casefile.render.fmt import value_text
from casefile.store.identity import find_entity, find_event, fold
from casefile.store.review import Decision

_ENTITY_KINDS = ("sensitive", "split")


def event_label(cf: CaseFile | None, key: dict[str, Any]) -> str:
    what = f"{str(key.get('type', 'event')).replace('_', ' ')} ({key.get('date') or 'undated'})"
    v = find_event(cf, key) if cf is not None else None
    return f"{v.id} {v.type.replace('_', ' ')} ({v.date or 'undated'})" if v is not None else f"{what}, not in the case now"


def entity_label(cf: CaseFile | None, key: dict[str, Any]) -> str:
    names = [str(n) for n in key.get("names", [])]
    e = find_entity(cf, key) if cf is not None else None
    if e is None:
        return f"{key.get('type', 'entity')} {names[0] if names else '?'!r}, not in the case now"
    # the spelling the key was made from: the entity's own name if it is one of them, else an alias
    spelled = next((n for n in (e.name, *e.aliases) if fold(n) in names), e.name)
    return f"{e.id} {spelled}"


def target_label(cf: CaseFile | None, kind: str, target: dict[str, Any]) -> str:
    if kind == "merge":
        return f"{entity_label(cf, target.get('other') or {})} into {entity_label(cf, target.get('into') or {})}"
    if kind in _ENTITY_KINDS:
        return entity_label(cf, target)
    return event_label(cf, target)


def payload_text(kind: str, payload: dict[str, Any]) -> str:
    if kind in ("correct", "pick") and payload.get("field"):
        verb = "picked" if kind == "pick" else "set to"
        return f"{payload['field']} {verb} {value_text(payload.get('value'), str(payload['field']))}"
    if kind == "split" and payload.get("alias"):
        return f"alias {payload['alias']!r} split off"
    return ""


def decision_line(d: Decision, cf: CaseFile | None, unapplied: bool = False) -> str:
    """'  4 2024-06-01 10:02 ana correct V5 detention (2024-05-14): date set to 2024-05-20 — “court record”'."""
    at = f"{d.at:%Y-%m-%d %H:%M}" if d.at else "?"
    what = target_label(cf, d.kind, d.target)
    change = payload_text(d.kind, d.payload)
    line = f"{d.id if d.id is not None else '?':>3} {at} {d.user} {d.kind} {what}" + (f": {change}" if change else "")
    if d.note:
        line += f" — “{d.note}”"
    return line + (" [NOT APPLIED: target gone]" if unapplied else "")


def audit_line(row: dict[str, Any], cf: CaseFile | None) -> str:
    """One audit row: when, who, what, and what it changed, in words."""
    before, after = row.get("before") or {}, row.get("after") or {}
    action = str(row.get("action", ""))
    head = f"{row['at']:%Y-%m-%d %H:%M:%S}  {row.get('user', '')}  {action}"
    if action == "new":
        return f"{head}: case {after.get('slug', '')!r} ({after.get('title', '')})"
    if action == "add":
        files = after.get("files") or []
        return f"{head}: version {after.get('version')}, {len(files)} report(s): {', '.join(map(str, files))}"
    if action == "rebuild":
        return f"{head}: version {after.get('version')}"
    if action == "export":
        return f"{head}: {after.get('format', '?')}" + (" (redacted)" if after.get("redacted") else "")
    if action.startswith("review:"):
        kind = action.split(":", 1)[1]
        target = before.get("target") if isinstance(before.get("target"), dict) else None
        line = f"{head}: version {after.get('version')}"
        if target is not None:
            line += f", {target_label(cf, kind, target)}"
        change = payload_text(kind, after.get("payload") or {})
        if change:
            line += f": {change}"
        if after.get("note"):
            line += f" — “{after['note']}”"
        return line
    return f"{head}: {_pairs(before)} -> {_pairs(after)}"


def _pairs(data: Any) -> str:
    if not data:
        return "-"
    if isinstance(data, dict):
        return ", ".join(f"{k} {_pairs(v) if isinstance(v, dict | list) else v}" for k, v in data.items())
    if isinstance(data, list):
        return ", ".join(map(str, data))
    return str(data)
