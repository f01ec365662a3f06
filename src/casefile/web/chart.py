"""The timeline chart, drawn on the server as SVG.

Why not a JavaScript charting library: the page must work offline, without
JavaScript, and under a Content-Security-Policy with no script exceptions; an
SVG made here needs none of that and is as light as a library gets. Each type's
label and colour are its row of resources/event_types.yaml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from xml.sax.saxutils import escape

from casefile.core.event_types import event_types
from casefile.model import Event

WIDTH, ROW, LEFT, TOP = 900, 22, 130, 30


@dataclass(frozen=True)
class _Point:
    day: date
    event: Event


_ISO_DAY = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def _as_date(value: object) -> date | None:
    """The first day a (partial) ISO date covers, or None for anything else: an undated or
    year-less act ("--05-02") has no place on the chart, and a stored value that is no date
    ("spring 2024") must never break the page that draws it."""
    m = _ISO_DAY.fullmatch(value.strip()) if isinstance(value, str) else None
    if m is None:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))
    except ValueError:
        return None


def timeline_svg(events: list[Event], link: str = "#") -> str:
    """An SVG with one row per event type and a dot per dated event; each dot links to the event's row."""
    pts = [_Point(d, v) for v in events if (d := _as_date(v.date))]
    if not pts:
        return ""
    types = sorted({p.event.type for p in pts}, key=lambda t: min(p.day for p in pts if p.event.type == t))
    lo, hi = min(p.day for p in pts), max(p.day for p in pts)
    span = max((hi - lo).days, 1)
    height = TOP + ROW * len(types) + 30

    def x(d: date) -> float:
        return LEFT + (WIDTH - LEFT - 20) * (d - lo).days / span

    table = event_types()
    out = [f'<svg class="chart" viewBox="0 0 {WIDTH} {height}" role="img" aria-label="Timeline of events" '
           f'xmlns="http://www.w3.org/2000/svg">']
    for i, t in enumerate(types):
        y = TOP + ROW * i
        out.append(f'<text x="{LEFT - 8}" y="{y + 4}" text-anchor="end" class="lbl">{escape(table[t].label())}</text>')
        out.append(f'<line x1="{LEFT}" x2="{WIDTH - 20}" y1="{y}" y2="{y}" class="grid"/>')
    for year in range(lo.year, hi.year + 1):
        d = date(year, 1, 1)
        if lo <= d <= hi:
            out.append(f'<line x1="{x(d):.1f}" x2="{x(d):.1f}" y1="{TOP - 14}" y2="{height - 24}" class="year"/>'
                       f'<text x="{x(d):.1f}" y="{TOP - 18}" class="lbl">{year}</text>')
    for p in pts:
        y = TOP + ROW * types.index(p.event.type)
        spec = table[p.event.type]
        title = escape(f"{spec.label()} {p.event.date}")
        out.append(f'<a href="{escape(link)}{escape(p.event.id)}"><circle cx="{x(p.day):.1f}" cy="{y}" r="6" '
                   f'fill="{spec.color}"><title>{title}</title></circle></a>')
    out.append(f'<text x="{LEFT}" y="{height - 6}" class="lbl">{lo.isoformat()}</text>')
    out.append(f'<text x="{WIDTH - 20}" y="{height - 6}" text-anchor="end" class="lbl">{hi.isoformat()}</text>')
    out.append("</svg>")
    return "".join(out)
