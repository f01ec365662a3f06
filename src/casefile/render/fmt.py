"""What every renderer writes the same way: numbers ("150,000"), a field's value ("300 USD"),
a conflict, open or settled by review. The HTML case file and the web app's templates get
these as Jinja2 filters through `register_filters`, so each is written once."""

from __future__ import annotations

from typing import Any

from casefile.model import Amount, Conflict


def num(x: float | int | None) -> str:
    """150000.0 -> "150,000", 1060.5 -> "1,060.5"; anything that is no number as it is."""
    if x is None:
        return ""
    try:
        x = float(x)
    except (TypeError, ValueError):
        return str(x)
    return f"{int(x):,}" if x.is_integer() else f"{x:,.2f}".rstrip("0").rstrip(".")


def value_text(value: Any) -> str:
    """A field's value as a reader writes it: an amount as "300 USD", the rest as it is."""
    if isinstance(value, Amount):
        value = value.model_dump()
    if isinstance(value, dict) and "value" in value and "currency" in value:
        try:
            v = float(value["value"])
        except (TypeError, ValueError):
            return f"{value['value']} {value['currency']}"
        return f"{int(v) if v.is_integer() else v} {value['currency']}"
    return "" if value is None else str(value)


def conflict_values(c: Conflict) -> str:
    return " vs ".join(f"{value_text(x.value)} ({', '.join(x.sources)})" for x in c.values)


def conflict_text(c: Conflict) -> str:
    """One line on a conflict: an open one says the sources disagree; one an analyst settled
    says what was chosen, by whom and why, and what the sources gave (never that they differ)."""
    if not c.resolved:
        return f"sources disagree on the {c.field}: {conflict_values(c)}"
    r = c.resolved
    by = f" by {r['by']}" if r.get("by") else ""
    note = f" ({r['note']})" if r.get("note") else ""
    return f"{c.field} settled by review{by}: {value_text(r.get('value'))}{note}; the sources gave {conflict_values(c)}"


def first_upper(text: str) -> str:
    """The first letter upper-case, the rest untouched (Jinja2's `capitalize` lowers the rest)."""
    return text[:1].upper() + text[1:]


def register_filters(env: Any) -> None:
    """The filters above in a Jinja2 environment (the case file's and the web app's)."""
    env.filters.update(num=num, value_text=value_text, conflict_values=conflict_values,
                       conflict_text=conflict_text, first_upper=first_upper)
