"""Years a report was given by guess, checked against the order of a prosecution.

A report that writes days and months but never a year is dated from its bundle (see
`ingest.meta.yearless_dates`): the earliest year the other reports give that fits. That guess
is wrong whenever the case runs over more than one year and the report is a later chapter: a
verdict "on 6 September" then lands a year (or more) before the arrest it ends. The order of a
prosecution is a fact of the domain (the event-type table's `stage`: a person is detained or
charged before being convicted, convicted before appealing), so a guessed year that puts a
person's later-stage act before every act of an earlier stage of that person, as the rest of
the bundle dates them, is moved on by the fewest years that fit, within the years the bundle
reaches, and the report says so.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from casefile.core.dates import PartialDate, parse_iso
from casefile.core.event_types import event_types
from casefile.model import DocAnalysis, EventMention, Source

# a year written out in a text ("2021"): a report that writes one was not dated by guess alone
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


class _Act(NamedTuple):
    """An act of a person's case, as a stage of its course (`EventTypeSpec.stage`), on its day."""

    person: str
    stage: int
    date: PartialDate


def _guessed(source: Source) -> bool:
    """Dated from what it tells or from its bundle, not by a date line: its year is a guess."""
    return source.published_basis == "content" and source.published is not None


def _derived(em: EventMention) -> bool:
    """An act whose year its report does not write beside it ("in January"): the year came from
    the report's estimated date."""
    return not _YEAR.search(em.quote)


def _acts(analysis: DocAnalysis, of_mention: dict[str, str], derived_only: bool = False) -> list[_Act]:
    table = event_types()
    out = []
    for em in analysis.events:
        if derived_only and not _derived(em):
            continue
        spec = table.get(em.type)
        date = parse_iso(em.date)
        if spec is None or spec.stage is None or date is None or date.year is None:
            continue
        for mid, role in em.participants:
            person = of_mention.get(mid)
            if role == "subject" and person is not None:
                out.append(_Act(person, spec.stage, date))
    return out


def _earliest(d: PartialDate) -> tuple[int, int, int]:
    return (d.year or 0, d.month or 1, d.day or 1)


def _latest(d: PartialDate) -> tuple[int, int, int]:
    return (d.year or 0, d.month or 12, d.day or 31)


def _out_of_order(acts: list[_Act], firm: list[_Act]) -> bool:
    """Some act comes, for its person, before every firmly dated act of an earlier stage,
    while that person has firmly dated acts of an earlier stage and none of this stage or a
    later one on or before it (a verdict in an earlier case leaves the order open)."""
    for a in acts:
        # a year alone orders nothing within that year
        earlier = [f for f in firm if f.person == a.person and f.stage < a.stage and f.date.month is not None]
        if not earlier:
            continue
        before = all(_latest(a.date) < _earliest(f.date) for f in earlier)
        if before and not any(f.person == a.person and f.stage >= a.stage and _earliest(f.date) <= _latest(a.date)
                              for f in firm):
            return True
    return False


def _shift(d: str | None, years: int) -> str | None:
    p = parse_iso(d)
    if p is None or p.year is None:
        return d
    shifted = p.with_year(p.year + years)
    if shifted.day is not None:
        try:
            shifted.latest()
        except ValueError:
            return d
    return shifted.iso()


def move_guessed_years(sources: list[Source], analyses: list[DocAnalysis],
                       of_mention: dict[str, str]) -> tuple[list[Source], list[DocAnalysis]]:
    """Sources and readings with the year of each report dated by guess moved on by the fewest
    years that restore the order of a prosecution where the guess breaks it (see the module's
    docstring). `of_mention` maps mention ids to entity ids (`EntityResolution.of_mention`)."""
    guessed = {s.id for s in sources if _guessed(s)}
    if not guessed:
        return sources, analyses
    by_source = {a.source: a for a in analyses}
    firm = [act for a in analyses for act in _acts(a, of_mention, derived_only=a.source in guessed)
            if a.source not in guessed]
    # the years the bundle reaches: a report is not moved past the latest of them
    reach = max((d.year for a in analyses for em in a.events if (d := parse_iso(em.date)) and d.year), default=0)
    reach = max([reach, *(int(s.published[:4]) for s in sources if s.published and s.id not in guessed)])
    moved: dict[str, int] = {}
    for sid in sorted(guessed):
        a = by_source.get(sid)
        if a is None:
            continue
        acts = _acts(a, of_mention, derived_only=True)
        if not acts or not _out_of_order(acts, firm):
            continue
        # the fewest years that restore the order, within the years the bundle reaches
        for k in range(1, reach - min(x.date.year or reach for x in acts) + 1):
            later = [_Act(x.person, x.stage, x.date.with_year((x.date.year or 0) + k)) for x in acts]
            if max(x.date.year or 0 for x in later) > reach:
                break
            if not _out_of_order(later, firm):
                moved[sid] = k
                break
    if not moved:
        return sources, analyses
    new_analyses = []
    for a in analyses:
        if a.source in moved:
            k = moved[a.source]
            a = a.model_copy(update={"events": [_moved(em, k) if _derived(em) else em for em in a.events]})
        new_analyses.append(a)
    new_sources = []
    for s in sources:
        if s.id in moved:
            published = _shift(s.published, moved[s.id])
            if _YEAR.search(s.text):
                # it writes some years: its date is the latest of its own and its moved acts'
                told = [d for em in next(a for a in new_analyses if a.source == s.id).events
                        if _derived(em) and (d := parse_iso(em.date)) and d.year and d.month]
                latest = max(told, key=_latest, default=None)
                old = parse_iso(s.published)
                published = s.published if latest is None or old is None or _latest(latest) <= _latest(old) \
                    else f"{latest.year:04d}-{latest.month:02d}"
            s = s.model_copy(update={"published": published, "warnings": [*s.warnings, (
                f"the year guessed for this report from its bundle put an act before the arrest or charge "
                f"it follows; moved on to {published[:4] if published else '?'}: a guess, check it")]})
        new_sources.append(s)
    return new_sources, new_analyses


def _moved(em: EventMention, years: int) -> EventMention:
    return em.model_copy(update={"date": _shift(em.date, years), "end_date": _shift(em.end_date, years)})
