"""The library API: paths in, a `CaseFile` out. The CLI, the registry and batch call this.

`consolidate_case` is the pure reduce step; the clock is the caller's (`timestamp()` at the
edges), so the same readings always give the same case file."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from casefile.assess.conflicts import find_conflicts
from casefile.assess.status import assess_status
from casefile.assess.summary import summarize
from casefile.consolidate.entities import EntityResolution, resolve_entities
from casefile.consolidate.events import merge_events
from casefile.consolidate.quotes import merge_quotes
from casefile.consolidate.years import move_guessed_years
from casefile.ingest import Problem, ingest_paths
from casefile.model import CaseFile, DocAnalysis, Entity, Source
from casefile.read import read_sources


@dataclass
class BuildResult:
    casefile: CaseFile
    problems: list[Problem] = field(default_factory=list)
    analyses: list[DocAnalysis] = field(default_factory=list)


def timestamp(when: datetime | None = None) -> str:
    """`generated_at` as the contract writes it: UTC, to the second ("2030-01-01T00:00:00Z")."""
    return (when or datetime.now(UTC)).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def consolidate_case(sources: list[Source], analyses: list[DocAnalysis], *, generated_at: str,
                     may_be_subject: Callable[[Entity], bool] | None = None) -> CaseFile:
    """The reduce step: every document's reading to one case file. Pure: the time it is
    `generated_at` comes from the caller. `may_be_subject`, where given, says which persons may
    be the case's subject (batch mode knows whose case it builds: the most named of them is
    taken, or the resolver's choice where none is), and an act the subject underwent together
    with others (co-defendants) is then the subject's too."""
    resolution = resolve_entities(analyses, sources)
    if may_be_subject is not None:
        _choose_subject(resolution, may_be_subject)
    sources, analyses = move_guessed_years(sources, analyses, resolution.of_mention)
    events = merge_events(analyses, resolution, sources)
    events, conflicts = find_conflicts(events)
    quotes = merge_quotes(analyses, resolution)
    by_id = {e.id: e for e in resolution.entities}
    subject = by_id.get(resolution.subject) if resolution.subject else None
    status = assess_status(events, sources, subject)
    summary = summarize(subject, events, status, sources)
    return CaseFile(
        generated_at=generated_at,
        subject=resolution.subject,
        status=status,
        sources=sources,
        entities=resolution.entities,
        events=events,
        conflicts=conflicts,
        quotes=quotes,
        summary=summary,
    )


def _choose_subject(resolution: EntityResolution, accept: Callable[[Entity], bool]) -> None:
    named = Counter(resolution.of_mention.values())
    fits = [e for e in resolution.entities if e.type in ("person", "group") and accept(e)]
    if not fits or resolution.subject in {e.id for e in fits}:
        return
    chosen = max(fits, key=lambda e: named[e.id])
    for e in resolution.entities:
        if e.id == resolution.subject:
            e.roles = [r for r in e.roles if r != "subject"]
        elif e.id == chosen.id:
            e.roles = ["subject", *[r for r in e.roles if r != "subject"]]
    resolution.subject = chosen.id


def build_case(paths: list[Path], progress: Callable[[Source], None] | None = None,
               on_ingested: Callable[[list[Source]], None] | None = None) -> BuildResult:
    """Ingest, read, consolidate and assess a bundle of reports."""
    ingested = ingest_paths(paths)
    if on_ingested:
        on_ingested(ingested.sources)
    analyses = read_sources(ingested.sources, progress=progress)
    cf = consolidate_case(ingested.sources, analyses, generated_at=timestamp())
    return BuildResult(casefile=cf, problems=ingested.problems, analyses=analyses)
