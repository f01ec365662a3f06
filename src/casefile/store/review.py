"""Analysts' review decisions, applied to a machine-built case file after every rebuild.

A decision names its target by identity (see identity.py). A decision whose
target cannot be found is returned as unapplied, never dropped silently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from casefile.model import Amount, CaseFile, Entity
from casefile.store.identity import find_entity, find_event, fold

KINDS = ("confirm", "reject", "correct", "pick", "merge", "split", "sensitive")
EVENT_FIELDS = ("date", "amount", "duration", "place", "charge")


@dataclass(frozen=True)
class Decision:
    kind: str
    target: dict[str, Any]
    payload: dict[str, Any] = field(default_factory=dict)
    note: str = ""
    user: str = ""
    at: datetime | None = None
    id: int | None = None


class ReviewError(ValueError):
    """A decision that cannot be made as asked (unknown kind, field or value)."""


def apply_decisions(cf: CaseFile, decisions: list[Decision]) -> tuple[CaseFile, list[dict[str, Any]]]:
    if not decisions:
        return cf, []
    cf = cf.model_copy(deep=True)
    unapplied = []
    for d in decisions:
        reason = _apply(cf, d)
        if reason:
            unapplied.append({"decision": d.id, "kind": d.kind, "target": d.target, "reason": reason})
    return cf, unapplied


def _apply(cf: CaseFile, d: Decision) -> str | None:
    if d.kind in ("confirm", "reject", "correct", "pick"):
        v = find_event(cf, d.target)
        if v is None:
            return f"no {d.target.get('type')} event of {d.target.get('date') or 'no date'} with that evidence any more"
        if d.kind == "confirm":
            v.review = "confirmed"
        elif d.kind == "reject":
            cf.events = [e for e in cf.events if e.id != v.id]
            cf.conflicts = [c for c in cf.conflicts if c.event != v.id]
        else:
            _set_field(cf, v, d.payload["field"], d.payload["value"])
            v.review = "corrected"
            for c in cf.conflicts:
                if c.event == v.id and c.field == d.payload["field"]:
                    c.resolved = {"value": d.payload["value"], "note": d.note, "by": d.user,
                                  "at": d.at.isoformat() if d.at else None}
        return None
    if d.kind == "merge":
        a, b = find_entity(cf, d.target["into"]), find_entity(cf, d.target["other"])
        if a is None or b is None:
            return "one of the two entities is gone"
        if a.id != b.id:
            _merge(cf, a, b)
        return None
    if d.kind in ("split", "sensitive"):
        e = find_entity(cf, d.target)
        if e is None:
            return "the entity is gone"
        if d.kind == "sensitive":
            e.sensitive = True
            return None
        alias = d.payload["alias"]
        if fold(alias) not in {fold(a) for a in e.aliases}:
            return f"{e.name!r} no longer has the alias {alias!r}"
        e.aliases = [a for a in e.aliases if fold(a) != fold(alias)]
        new_id = f"E{1 + max(int(x.id[1:]) for x in cf.entities if x.id[1:].isdigit())}"
        cf.entities.append(Entity(id=new_id, type=e.type, name=alias, sources=list(e.sources)))
        return None
    return f"unknown kind {d.kind!r}"


def _set_field(cf: CaseFile, v: Any, name: str, value: Any) -> None:
    if name == "date":
        v.date = value
        v.date_precision = {10: "day", 7: "month", 4: "year"}.get(len(value or ""), "unknown")
    elif name == "amount":
        v.attributes.amount = Amount(**value) if isinstance(value, dict) else parse_amount(str(value))
    elif name in ("duration", "charge"):
        setattr(v.attributes, name, value)
    elif name == "place":
        e = find_entity(cf, {"names": [fold(value)]})
        if e is None:
            raise ReviewError(f"no entity named {value!r} to be the place")
        v.place = e.id
    else:
        raise ReviewError(f"cannot set {name!r}; one of {', '.join(EVENT_FIELDS)}")


def parse_amount(text: str) -> Amount:
    """'300 USD' or 'USD 300' or '150000 KZT'."""
    m = re.fullmatch(r"\s*([A-Za-z]{3})?\s*([\d.,]+)\s*([A-Za-z]{3})?\s*", text)
    if not m or not (m.group(1) or m.group(3)):
        raise ReviewError(f"an amount is a number and a currency code, like '300 USD'; got {text!r}")
    return Amount(value=float(m.group(2).replace(",", "")), currency=(m.group(1) or m.group(3)).upper())


def _merge(cf: CaseFile, a: Entity, b: Entity) -> None:
    a.aliases = sorted({*a.aliases, b.name, *b.aliases} - {a.name})
    a.roles = list(dict.fromkeys([*a.roles, *b.roles]))
    a.sources = sorted({*a.sources, *b.sources}, key=lambda s: int(s[1:]) if s[1:].isdigit() else 0)
    a.sensitive = a.sensitive or b.sensitive
    cf.entities = [e for e in cf.entities if e.id != b.id]
    if cf.subject == b.id:
        cf.subject = a.id
    for v in cf.events:
        if v.place == b.id:
            v.place = a.id
        for p in v.participants:
            if p.entity == b.id:
                p.entity = a.id
    for q in cf.quotes:
        if q.speaker == b.id:
            q.speaker = a.id
