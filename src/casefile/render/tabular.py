"""Markdown case file and CSV timeline: for pasting into reports and spreadsheets."""

from __future__ import annotations

import csv
import io

from casefile.core.event_types import event_label
from casefile.model import CaseFile, Event
from casefile.render.fmt import case_language, conflict_text, num, term_text


def _sorted_events(cf: CaseFile) -> list[Event]:
    return sorted(cf.events, key=lambda v: (v.date or "9999", v.id))


def _details(v: Event, language: str) -> str:
    a = v.attributes
    parts = []
    if a.amount:
        usd = f" (~{num(a.amount.usd)} USD)" if a.amount.usd and a.amount.currency != "USD" else ""
        parts.append(f"{num(a.amount.value)} {a.amount.currency}{usd}")
    if a.duration:
        parts.append(f"term: {term_text(v, language)}")
    if a.charge:
        parts.append(f"charge: {a.charge}")
    return "; ".join(parts)


def _md(text: str) -> str:
    """Escape what Markdown would read as markup or a table cell break."""
    out = text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")
    for ch in "*_`[]<>#":
        out = out.replace(ch, "\\" + ch)
    return out


def render_markdown(cf: CaseFile) -> str:
    names = {e.id: e.name for e in cf.entities}
    subject = names.get(cf.subject or "", "unknown subject")
    lines = [f"# Case file: {_md(subject)}", ""]
    st = cf.status
    lines.append(f"**Status:** {st.value.replace('_', ' ')}" + (f" as of {st.as_of}" if st.as_of else "")
                 + (f"; conditions: {', '.join(_md(event_label(c)) for c in st.conditions)}" if st.conditions else "")
                 + (f" [{', '.join(st.sources)}]" if st.sources else ""))
    lines.append("")
    if cf.summary:
        lines += ["## Summary", ""] + [f"- {_md(s.text)} [{', '.join(s.sources)}]" for s in cf.summary] + [""]
    lines += ["## Timeline", "", "| Date | Event | Place | Details | Sources |", "|---|---|---|---|---|"]
    lang = case_language(cf)
    conflicts = _conflicts_by_event(cf, lang)
    for v in _sorted_events(cf):
        det = "; ".join([p for p in [_details(v, lang), *conflicts.get(v.id, [])] if p])
        lines.append(f"| {v.date or 'undated'} | {_md(event_label(v.type))} | {_md(names.get(v.place or '', ''))} | "
                     f"{_md(det)} | {', '.join(dict.fromkeys(e.source for e in v.evidence))} |")
    lines += ["", "## People, organisations and places", ""]
    for e in cf.entities:
        also = f" (also: {_md(', '.join(e.aliases))})" if e.aliases else ""
        roles = f" — {', '.join(e.roles)}" if e.roles else ""
        lines.append(f"- **{_md(e.name)}**, {e.type}{roles}{also}")
    if cf.quotes:
        lines += ["", "## Quotes", ""]
        for q in cf.quotes:
            lines.append(f"> {_md(q.text)} — {_md(names.get(q.speaker or '', 'unattributed'))} [{', '.join(q.sources)}]")
    lines += ["", "## Sources", ""]
    for s in cf.sources:
        lines.append(f"- {s.id}: {_md(s.title or s.file)} — {_md(s.outlet or 'outlet unknown')}, "
                     f"{s.published or 'date unknown'} ({s.file})")
    return "\n".join(lines) + "\n"


def _conflicts_by_event(cf: CaseFile, language: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for c in cf.conflicts:
        out.setdefault(c.event, []).append(conflict_text(c, language))
    return out


def render_csv(cf: CaseFile) -> str:
    """One row per event and supporting source: date, type, place, details, the source and its
    words, and what the sources disagree on (or what review settled)."""
    names = {e.id: e.name for e in cf.entities}
    outlets = {s.id: s.outlet or "" for s in cf.sources}
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(["event", "date", "date_precision", "type", "place", "amount", "currency", "duration", "duration_iso",
                "charge", "conflict", "source", "outlet", "source_date", "quote"])
    lang = case_language(cf)
    conflicts = _conflicts_by_event(cf, lang)
    for v in _sorted_events(cf):
        a = v.attributes
        for ev in v.evidence:
            w.writerow([v.id, _csv_safe(v.date or ""), v.date_precision, v.type, _csv_safe(names.get(v.place or "", "")),
                        a.amount.value if a.amount else "", _csv_safe(a.amount.currency) if a.amount else "",
                        _csv_safe(term_text(v, lang)), _csv_safe(a.duration or ""),
                        _csv_safe(a.charge or ""), _csv_safe("; ".join(conflicts.get(v.id, []))),
                        ev.source, _csv_safe(outlets.get(ev.source, "")), _csv_safe(ev.date or ""), _csv_safe(ev.quote)])
    return buf.getvalue()


def _csv_safe(text: str) -> str:
    """A cell starting with = + - @ would run as a formula in a spreadsheet."""
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text
