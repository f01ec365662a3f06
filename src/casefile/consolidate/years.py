"""Years a report was given by guess, checked against the order of a prosecution.

A report that writes days and months but never a year is dated from its bundle (see
`ingest.meta.yearless_dates`): the earliest year the other reports give that fits. That guess
is wrong whenever the case runs over more than one year and the report is a later chapter: a
verdict "on 6 September" then lands a year (or more) before the arrest it ends. The order of a
prosecution is a fact of the domain (the event-type table's `stage`: a person is detained or
charged before being convicted, convicted before appealing), so a guessed year that puts a
person's later-stage act before every act of an earlier stage of that person, as the rest of
the bundle dates them (or as the report itself dates them), was written later: each of its days
and months is put in the latest year not after the earliest day of writing that restores the
order, within the years the bundle reaches, and the report says so.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from casefile.core.dates import PartialDate, parse_iso
from casefile.core.event_types import VERDICT_STAGE, event_types
from casefile.model import DocAnalysis, EventMention, Source

# a year written out in a text ("2021"): a report that writes one was not dated by guess alone
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


class _Act(NamedTuple):
    """An act of a person's case, as a stage of its course (`EventTypeSpec.stage`), on its day;
    or an act that may end a term (`EventTypeSpec.ends_term`: a release), which has no stage."""

    person: str
    stage: int
    date: PartialDate
    ends: bool = False


def _guessed(source: Source) -> bool:
    """Dated from what it tells or from its bundle, not by a date line: its year is a guess."""
    return source.published_basis == "content" and source.published is not None


def _derived(em: EventMention) -> bool:
    """An act whose year its report does not write beside it ("in January"): the year came from
    the report's estimated date."""
    return not _YEAR.search(em.quote)


def _acts(analysis: DocAnalysis, of_mention: dict[str, str], derived_only: bool = False) -> list[_Act]:
    table = event_types()
    out: list[_Act] = []
    for em in analysis.events:
        if derived_only and not _derived(em):
            continue
        spec = table.get(em.type)
        date = parse_iso(em.date)
        if spec is None or (spec.stage is None and not spec.ends_term) or date is None or date.year is None:
            continue
        people = [p for mid, role in em.participants if role == "subject" and (p := of_mention.get(mid))]
        # (an act told with no one named, "the court passed the verdict on 12 January", is taken as
        # of whoever the report's other acts are: `ANYONE`)
        out.extend(_Act(person, spec.stage or 0, date, spec.ends_term) for person in people or [ANYONE])
    return out


ANYONE = ""  # the person of an act its report names no one for


def _same(a: str, b: str) -> bool:
    return a == b or ANYONE in (a, b)


def _earliest(d: PartialDate) -> tuple[int, int, int]:
    return (d.year or 0, d.month or 1, d.day or 1)


def _latest(d: PartialDate) -> tuple[int, int, int]:
    return (d.year or 0, d.month or 12, d.day or 31)


def _out_of_order(acts: list[_Act], firm: list[_Act], own: list[_Act] | None = None,
                  told: list[_Act] | None = None, settled: list[_Act] | None = None) -> bool:
    """Some act comes, for its person, before every firmly dated act of an earlier stage (or
    every earlier-stage act its own report tells, `own`), while that person has such acts and no
    firmly dated act of this stage or a later one on or before it (a verdict in an earlier case
    leaves the order open). An act that ends a term is out of order before the verdicts its
    report tells (`told`, with years written or not: "sentenced in 2023"), as the bundle dates
    them (firmly, or by the guesses of other reports that stand: `settled`), or where it tells
    none, before every act of that person the bundle firmly dates; unless the bundle firmly
    dates such an act on or before it (a release before the trial)."""
    for a in acts:
        # a year alone orders nothing within that year
        if a.ends:
            earlier = [f for f in [*firm, *(settled or []), *(own or [])] if _same(f.person, a.person) and not f.ends
                       and f.date.month is not None and _verdict_told(f, a.person, told or [])]
            # (and never before all that the bundle firmly dates of the person: the arrest)
            earlier = earlier or [f for f in firm if f.person == a.person and a.person != ANYONE and not f.ends
                                  and f.date.month is not None]
        else:
            earlier = [f for f in [*firm, *(own or [])] if _same(f.person, a.person) and not f.ends
                       and f.stage < a.stage and f.date.month is not None]
        if not earlier:
            continue
        before = all(_latest(a.date) < _earliest(f.date) for f in earlier)
        # (a year alone is on or before the act only when all of it is)
        if before and not any(_same(f.person, a.person) and f.ends == a.ends and f.stage >= a.stage
                              and (_earliest(f.date) if f.date.month else _latest(f.date)) <= _latest(a.date)
                              for f in firm):
            return True
    return False


def _verdict_told(f: _Act, person: str, told: list[_Act]) -> bool:
    """`f` is a verdict (or a later step) that the report tells of `person`, as far as the report
    dates it (its year, and its month where it writes one)."""
    return f.stage >= VERDICT_STAGE and any(
        _same(t.person, person) and not t.ends and t.stage == f.stage and t.date.year == f.date.year
        and t.date.month in (None, f.date.month) for t in told)


def _by(d: PartialDate, until: tuple[int, int, int]) -> PartialDate:
    """A day or month whose year was guessed, in the latest year that puts it on or before `until`."""
    year = until[0] - ((d.month or 1, d.day or 1) > until[1:])
    return d.with_year(year)


def _moved_on(acts: list[_Act], firm: list[_Act], reach: int, told: list[_Act],
              settled: list[_Act]) -> tuple[int, int, int] | None:
    """The earliest day of writing, after the one guessed, from which the report's days and months
    (each in the latest year not after it) keep the order of a prosecution, against the bundle's
    firmly dated acts and among the report's own ("sentenced on 12 January" in a report that
    recalls the arrest "on 29 May" was written the next January); None when no such day lies
    within the years the bundle reaches. `told`: the report's acts whose year it writes;
    `settled`: the acts of other guessed reports whose guesses stand."""
    now = max(_earliest(x.date) for x in acts)
    first = min(x.date.year or reach for x in acts)
    days = sorted({(y, x.date.month or 1, x.date.day or 1) for x in acts for y in range(first, reach + 1)})
    for until in (u for u in days if u > now):
        later = [x._replace(date=_by(x.date, until)) for x in acts]
        if not _out_of_order(later, firm, later, [*later, *told], settled):
            return until
    return None


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
    # each guessed report's acts dated by the guess, and those whose year it writes
    reports = {sid: (acts, [x for x in _acts(a, of_mention) if x not in acts]) for sid in sorted(guessed)
               if (a := by_source.get(sid)) and (acts := _acts(a, of_mention, derived_only=True))}
    # (the steps of a prosecution out of order; a release is held against the verdicts below)
    broken = {sid for sid, (acts, written) in reports.items()
              if _out_of_order([x for x in acts if not x.ends], firm, acts, [*acts, *written])}
    moved: dict[str, tuple[int, int, int]] = {}
    for sid, (acts, written) in reports.items():
        # a release is also held against the verdicts of the other guessed reports, as far as
        # their guesses stand
        settled = [x for other, (xs, ws) in reports.items() if other not in broken and other != sid for x in [*xs, *ws]]
        ends = [x for x in acts if x.ends]
        if sid not in broken and not (ends and _out_of_order(ends, firm, acts, [*acts, *written], settled)):
            continue
        # (a release after a verdict of the bundle's latest year came in the next year at least)
        until = _moved_on(acts, firm, reach if sid in broken else reach + 1, written, settled)
        if until is not None:
            moved[sid] = until
    if not moved:
        return sources, analyses
    new_analyses = []
    for a in analyses:
        if a.source in moved:
            until = moved[a.source]
            a = a.model_copy(update={"events": [_moved(em, until) if _derived(em) else em for em in a.events]})
        new_analyses.append(a)
    new_sources = []
    for s in sources:
        if s.id in moved:
            # its date: the month of its latest moved act, or its own moved on with them (when it
            # writes no year of its own) if that is later
            told = [d for em in next(a for a in new_analyses if a.source == s.id).events
                    if _derived(em) and (d := parse_iso(em.date)) and d.year and d.month]
            own = parse_iso(s.published)
            if own is not None and own.year and not _YEAR.search(s.text):
                own = _by(own, moved[s.id])
            dates = [*told, *([own] if own is not None and own.year else [])]
            latest = max(dates, key=_latest, default=None)
            published = s.published if latest is None else (
                latest.iso() if latest is own else f"{latest.year:04d}-{latest.month:02d}")
            s = s.model_copy(update={"published": published, "warnings": [*s.warnings, (
                f"the year guessed for this report from its bundle put an act before the arrest or charge "
                f"it follows; moved on to {published[:4] if published else '?'}: a guess, check it")]})
        new_sources.append(s)
    return new_sources, new_analyses


def _moved(em: EventMention, until: tuple[int, int, int]) -> EventMention:
    """An act whose year came from the guess, put in the latest year not after `until`; the end of
    its term as far on as its start."""
    start, end = parse_iso(em.date), parse_iso(em.end_date)
    if start is None or start.year is None:
        return em
    new = _by(start, until)
    years = (new.year or 0) - start.year
    return em.model_copy(update={"date": new.iso(), "end_date": _shift(em.end_date, years) if end else em.end_date})
