"""What every renderer writes the same way: numbers ("150,000"), a field's value ("300 USD",
"2 months"), a conflict, open or settled by review, and the language a case file is written
for. The HTML case file and the web app's templates get these as Jinja2 filters through
`register_filters`, so each is written once."""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from casefile.assess.status import at_liberty, suspended
from casefile.core.durations import human_duration
from casefile.model import Amount, CaseFile, Conflict, Event
from casefile.resources import exists, load


def num(x: float | int | None) -> str:
    """150000.0 -> "150,000", 1060.5 -> "1,060.5"; anything that is no number as it is."""
    if x is None:
        return ""
    try:
        x = float(x)
    except (TypeError, ValueError):
        return str(x)
    return f"{int(x):,}" if x.is_integer() else f"{x:,.2f}".rstrip("0").rstrip(".")


def case_language(cf: CaseFile | None) -> str:
    """The language most of the case's sources are written in, among those casefile writes
    terms in (`resources/<lang>/durations.yaml`); English when there is none."""
    counts = Counter(s.language for s in (cf.sources if cf else [])
                     if re.fullmatch(r"[a-z]{2,3}", s.language or "") and exists(f"{s.language}/durations.yaml"))
    return counts.most_common(1)[0][0] if counts else "en"


def value_text(value: Any, field: str = "", language: str = "en") -> str:
    """A field's value as a reader writes it: an amount as "300 USD", a term as "2 months"
    (in `language`), the rest as it is."""
    if field == "duration" and isinstance(value, str):
        return human_duration(value, language)
    if isinstance(value, Amount):
        value = value.model_dump()
    if isinstance(value, dict) and "value" in value and "currency" in value:
        try:
            v = float(value["value"])
        except (TypeError, ValueError):
            return f"{value['value']} {value['currency']}"
        return f"{int(v) if v.is_integer() else v} {value['currency']}"
    return "" if value is None else str(value)


def conflict_values(c: Conflict, language: str = "en") -> str:
    return " vs ".join(f"{value_text(x.value, c.field, language)} ({', '.join(x.sources)})" for x in c.values)


def conflict_text(c: Conflict, language: str = "en") -> str:
    """One line on a conflict: an open one says the sources disagree; one an analyst settled
    says what was chosen, by whom and why, and what the sources gave (never that they differ)."""
    if not c.resolved:
        return f"sources disagree on the {c.field}: {conflict_values(c, language)}"
    r = c.resolved
    by = f" by {r['by']}" if r.get("by") else ""
    note = f" ({r['note']})" if r.get("note") else ""
    chosen = value_text(r.get("value"), c.field, language)
    return f"{c.field} settled by review{by}: {chosen}{note}; the sources gave {conflict_values(c, language)}"


def first_upper(text: str) -> str:
    """The first letter upper-case, the rest untouched (Jinja2's `capitalize` lowers the rest)."""
    return text[:1].upper() + text[1:]


def term_text(v: Event, language: str = "en") -> str:
    """An act's term as a reader writes it, with how a sentence served at liberty is served
    ("2 years suspended", "2 года условно"), as the summary words it."""
    if not v.attributes.duration:
        return ""
    text = human_duration(v.attributes.duration, language)
    if at_liberty(v):
        lang = language if exists(f"{language}/summary.yaml") else "en"
        words = (load(f"{lang}/summary.yaml") or {}).get("at_liberty") or {}
        text = f"{text} {words.get('suspended' if suspended(v) else 'other', '')}".rstrip()
    return text


def register_filters(env: Any) -> None:
    """The filters above in a Jinja2 environment (the case file's and the web app's)."""
    env.filters.update(num=num, value_text=value_text, conflict_values=conflict_values, conflict_text=conflict_text,
                       first_upper=first_upper, duration=human_duration, case_language=case_language,
                       term=term_text)
