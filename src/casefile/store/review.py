"""Analysts' review decisions, applied to a machine-built case file after every rebuild.

A decision names its target by identity (see identity.py). A decision whose
target cannot be found is returned as unapplied, never dropped silently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from casefile.core.durations import parse_duration
from casefile.model import Amount, CaseFile, Entity, Event
from casefile.render.fmt import case_language, value_text
from casefile.store.identity import find_entity, find_event, fold

KINDS = ("confirm", "reject", "correct", "pick", "merge", "split", "sensitive")
EVENT_FIELDS = ("date", "amount", "duration", "place", "charge")
# decisions that change what happened (or to whom), after which status and summary are told again
_RETELLING = ("reject", "correct", "pick", "merge", "split")
MAX_CHARGE = 300


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


# --------------------------------------------------------------------------- checking a decision


def check_decision(cf: CaseFile | None, kind: str, target: dict[str, Any],
                   payload: dict[str, Any] | None) -> dict[str, Any]:
    """The payload of a new decision in the form it is stored, or a ReviewError saying what is
    wrong with it, checked against `cf` (the latest version; None before the first).

    Why check before storing: a decision is applied again after every add, so a value that
    cannot be a date or a sum would otherwise sit in every later version (and once broke
    the case page for everyone)."""
    if kind not in KINDS:
        raise ReviewError(f"unknown decision {kind!r}; one of {', '.join(KINDS)}")
    payload = dict(payload or {})
    if kind == "correct":
        name = payload.get("field")
        if name not in EVENT_FIELDS:
            raise ReviewError(f"cannot correct {name!r}; one of {', '.join(EVENT_FIELDS)}")
        payload["value"] = check_value(name, payload.get("value"))
        if name == "place" and cf is not None and find_entity(cf, {"names": [fold(payload["value"])]}) is None:
            raise ReviewError(f"no entity named {payload['value']!r} to be the place")
    elif kind == "pick" and cf is not None:
        v = find_event(cf, target)
        if v is not None:
            payload["value"] = _picked(cf, v, payload.get("field", ""), payload.get("value"))
    elif kind == "merge":
        if entity_key_of(target.get("into")) == entity_key_of(target.get("other")):
            raise ReviewError("an entity cannot be merged with itself")
        if cf is not None:
            a, b = find_entity(cf, target.get("into") or {}), find_entity(cf, target.get("other") or {})
            if a is not None and b is not None and a.id == b.id:
                raise ReviewError(f"{a.name!r} and the entity to merge into it are one entity already")
    elif kind == "split":
        alias = str(payload.get("alias") or "").strip()
        if not alias:
            raise ReviewError("a split needs the alias to split off")
        payload["alias"] = alias
    return payload


def entity_key_of(key: Any) -> tuple[str, tuple[str, ...]] | None:
    """An entity key's identity, for telling two keys of one entity apart from two entities."""
    if not isinstance(key, dict):
        return None
    return str(key.get("type")), tuple(sorted(fold(n) for n in key.get("names", [])))


def check_value(name: str, value: Any) -> Any:
    """An analyst's value for an event's field in the form the case file keeps, or a
    ReviewError saying what the field takes."""
    if name == "date":
        return check_date(value)
    if name == "amount":
        a = _amount_of(value)
        if a.value <= 0:
            raise ReviewError(f"an amount is more than zero; got {value!r}")
        return f"{_figure(a.value)} {a.currency}"
    if name == "duration":
        term = parse_duration(str(value or "").strip().upper())
        if term is None or term.in_days() <= 0:
            raise ReviewError("a duration is an ISO 8601 term in years, months, weeks or days, like P2M (two months), "
                              f"P1Y6M or P15D; got {value!r}")
        return term.iso()
    if name in ("place", "charge"):
        text = " ".join(str(value or "").split())
        if not text:
            raise ReviewError(f"the {name} needs a value")
        if len(text) > MAX_CHARGE:
            raise ReviewError(f"the {name} is at most {MAX_CHARGE} characters")
        return text
    raise ReviewError(f"cannot set {name!r}; one of {', '.join(EVENT_FIELDS)}")


def check_date(value: Any) -> str:
    """A date at the precision it is known: YYYY, YYYY-MM or YYYY-MM-DD, a real one."""
    text = str(value or "").strip()
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", text)
    try:
        if m is None:
            raise ValueError
        date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))
    except ValueError:
        raise ReviewError(f"a date is YYYY, YYYY-MM or YYYY-MM-DD, a real one (2024, 2024-05, 2024-05-14); "
                          f"got {text!r}") from None
    return text


def parse_amount(text: str) -> Amount:
    """'300 USD', 'USD 300', '150,000 KZT' or '1 500.50 EUR'."""
    m = re.fullmatch(r"\s*([A-Za-z]{3})?\s*(\d{1,3}(?:[ ,]\d{3})+|\d+)(\.\d+)?\s*([A-Za-z]{3})?\s*", text)
    if not m or not (m.group(1) or m.group(4)) or (m.group(1) and m.group(4)):
        raise ReviewError(f"an amount is a number and a currency code, like '300 USD' or '150,000 KZT'; got {text!r}")
    number = float(re.sub(r"[ ,]", "", m.group(2)) + (m.group(3) or ""))
    return Amount(value=number, currency=(m.group(1) or m.group(4)).upper())


def _figure(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else str(x)


def _same(name: str, a: Any, b: Any) -> bool:
    """Whether two values of a field are one value (an amount or a term in any of its spellings)."""
    try:
        if name == "amount":
            x, y = _amount_of(a), _amount_of(b)
            return x.currency.upper() == y.currency.upper() and abs(x.value - y.value) < 1e-9
        if name == "duration":
            dx, dy = parse_duration(str(a).strip().upper()), parse_duration(str(b).strip().upper())
            return dx is not None and dy is not None and dx.parts() == dy.parts()
    except (ReviewError, ValueError, TypeError):
        return False
    return str(a).strip() == str(b).strip()


def _amount_of(x: Any) -> Amount:
    if isinstance(x, Amount):
        return x
    return Amount(**x) if isinstance(x, dict) else parse_amount(str(x))


def _picked(cf: CaseFile, v: Event, name: str, value: Any) -> Any:
    """The value of the event's conflict on `name` that the analyst picked (as the conflict
    holds it), or a ReviewError: a pick chooses among what the sources say; anything else is
    a correction, which carries a note saying where the value comes from."""
    conflict = next((c for c in cf.conflicts if c.event == v.id and c.field == name), None)
    if conflict is not None:
        offered = [x.value for x in conflict.values]
        what = "; ".join(f"{value_text(x.value)} ({', '.join(x.sources)})" for x in conflict.values)
    else:  # no conflict any more (a later add): still a value some source gives
        offered = [x for ev in v.evidence if (x := getattr(ev, name, None)) is not None]
        what = ", ".join(dict.fromkeys(value_text(x) for x in offered)) or "none"
    # a term may be given as `show` writes it ("2 months", "2 месяца") or in ISO form
    written = {"en", case_language(cf)}
    chosen = next((x for x in offered if _same(name, value, x)
                   or (name == "duration" and any(str(value).strip() == value_text(x, name, lang) for lang in written))),
                  None)
    if chosen is None:
        raise ReviewError(f"{value_text(value)!r} is not one of the values the sources give for the {name} "
                          f"({what}); to record a value no source gives, correct the {name} instead, "
                          f"with a note saying where it comes from")
    return chosen


# --------------------------------------------------------------------------- applying decisions


def apply_decisions(cf: CaseFile, decisions: list[Decision]) -> tuple[CaseFile, list[dict[str, Any]]]:
    """The case file with the decisions applied in order, and those that could not be (their
    target gone, or a value that no longer fits), each with the reason. When a decision
    changed what happened, the status and the summary are told again from the events."""
    if not decisions:
        return cf, []
    cf = cf.model_copy(deep=True)
    unapplied = []
    settled: set[str] = set()
    retold = False
    for d in decisions:
        try:
            reason = _apply(cf, d, settled)
        except ReviewError as exc:
            reason = str(exc)
        if reason:
            unapplied.append({"decision": d.id, "kind": d.kind, "target": d.target, "reason": reason})
        elif d.kind in _RETELLING:
            retold = True
    if retold:
        _retell(cf, settled)
    return cf, unapplied


def _retell(cf: CaseFile, settled: set[str]) -> None:
    """Status and summary from the reviewed events: a rejected act no longer counts, a picked
    date is the act's date, and a date an analyst settled is no longer said to be disputed."""
    from casefile.assess.status import assess_status
    from casefile.assess.summary import summarize

    subject = next((e for e in cf.entities if e.id == cf.subject), None)
    cf.status = assess_status(cf.events, cf.sources, subject)
    cf.summary = summarize(subject, cf.events, cf.status, cf.sources, settled=frozenset(settled))


def _apply(cf: CaseFile, d: Decision, settled: set[str]) -> str | None:
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
            name = d.payload["field"]
            value = _picked(cf, v, name, d.payload["value"]) if d.kind == "pick" else check_value(name, d.payload["value"])
            _set_field(cf, v, name, value)
            v.review = "corrected"
            if name == "date":
                settled.add(v.id)
            for c in cf.conflicts:
                if c.event == v.id and c.field == name:
                    c.resolved = {"value": value, "note": d.note, "by": d.user,
                                  "at": d.at.isoformat() if d.at else None}
        return None
    if d.kind == "merge":
        a, b = find_entity(cf, d.target["into"]), find_entity(cf, d.target["other"])
        if a is None or b is None:
            return "one of the two entities is gone"
        if a.id != b.id:  # one already (the reader now joins them itself): nothing left to do
            _merge(cf, a, b)
        return None
    if d.kind in ("split", "sensitive"):
        e = find_entity(cf, d.target)
        if e is None:
            return "the entity is gone"
        if d.kind == "sensitive":
            e.sensitive = True
            return None
        return _split(cf, e, d.payload["alias"])
    return f"unknown kind {d.kind!r}"


def _split(cf: CaseFile, e: Entity, alias: str) -> str | None:
    """The alias becomes an entity of its own, with the sources in which it is written; the
    entity keeps the sources in which one of its other names is, or the alias is not."""
    if fold(alias) not in {fold(a) for a in e.aliases}:
        return f"{e.name!r} has no alias {alias!r}" + (f" (its aliases: {', '.join(e.aliases)})" if e.aliases else "")
    texts = {s.id: s.text for s in cf.sources}
    moved = [sid for sid in e.sources if written_in(texts.get(sid, ""), alias)]
    if not moved:
        return f"{alias!r} is written in none of the sources of {e.name!r}, so no source can go with it"
    e.aliases = [a for a in e.aliases if fold(a) != fold(alias)]
    kept = [e.name, *e.aliases]
    e.sources = [sid for sid in e.sources
                 if sid not in moved or any(written_in(texts.get(sid, ""), n) for n in kept)]
    new_id = f"E{1 + max((int(x.id[1:]) for x in cf.entities if x.id[1:].isdigit()), default=0)}"
    cf.entities.append(Entity(id=new_id, type=e.type, name=alias, sources=moved))
    return None


def written_in(text: str, name: str) -> bool:
    """Whether `name` is written in `text`, in any case and in an inflected form: a word of four
    letters or more may change its last letter and add up to three ("Дина Мусина" is written in
    "Дину Мусину", "Petrov" in "Petrova"); a shorter word is written as it is, or with 's."""
    words = re.findall(r"\w+", name)
    if not words:
        return False
    parts = [re.escape(w[:-1]) + r"\w{0,3}" if len(w) >= 4 else re.escape(w) + r"(?:['’]s)?" for w in words]
    pattern = r"(?<!\w)" + r"\W{1,3}".join(parts) + r"(?!\w)"
    return re.search(pattern, text, re.IGNORECASE) is not None


def _set_field(cf: CaseFile, v: Any, name: str, value: Any) -> None:
    if name == "date":
        v.date = check_date(value)
        v.date_precision = {10: "day", 7: "month", 4: "year"}[len(v.date)]
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
