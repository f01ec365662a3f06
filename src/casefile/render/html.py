"""The readable HTML case file: status and summary on top, timeline with conflicts beside
its events, entities, quotes by speaker, and the sources with their cleaned text.
Source text is untrusted: Jinja2 autoescapes everything, and the page has no script."""

from __future__ import annotations

from collections import defaultdict

from jinja2 import Environment, PackageLoader, select_autoescape

from casefile.core.event_types import event_label
from casefile.model import CaseFile
from casefile.render.fmt import case_language, register_filters

_env = Environment(
    loader=PackageLoader("casefile", "render/templates"),
    autoescape=select_autoescape(default=True, default_for_string=True),
    trim_blocks=True,
    lstrip_blocks=True,
)
register_filters(_env)
_env.filters["event_label"] = event_label


def render_html(cf: CaseFile) -> str:
    entities = {e.id: e for e in cf.entities}
    sources = {s.id: s for s in cf.sources}
    conflicts_by_event = defaultdict(list)
    for c in cf.conflicts:
        conflicts_by_event[c.event].append(c)
    open_conflicts = [c for c in cf.conflicts if not c.resolved]
    settled = [c for c in cf.conflicts if c.resolved]
    quotes_by_speaker = defaultdict(list)
    for q in cf.quotes:
        quotes_by_speaker[q.speaker].append(q)
    subject = entities.get(cf.subject) if cf.subject else None
    events = sorted(cf.events, key=lambda v: (v.date or "9999", v.id))
    return _env.get_template("casefile.html.j2").render(
        cf=cf, subject=subject, entities=entities, sources=sources, events=events,
        conflicts_by_event=conflicts_by_event, quotes_by_speaker=quotes_by_speaker,
        open_conflicts=open_conflicts, settled=settled, lang=case_language(cf),
    )
