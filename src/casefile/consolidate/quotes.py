"""Quotes across sources: the same words in several sources are one quote with all its sources."""

from __future__ import annotations

import re

from casefile.consolidate.entities import EntityResolution
from casefile.model import DocAnalysis, Evidence, Quote


def _key(text: str) -> str:
    return re.sub(r"\W+", " ", text.lower()).strip()


def merge_quotes(analyses: list[DocAnalysis], resolution: EntityResolution) -> list[Quote]:
    merged: dict[str, Quote] = {}
    for a in analyses:
        for q in a.quotes:
            speaker = resolution.of_mention.get(q.speaker) if q.speaker else None
            ev = Evidence(source=q.source, quote=q.text, start=q.start, end=q.end)
            key = _key(q.text)
            if key in merged:
                prev = merged[key]
                if q.source not in prev.sources:
                    prev.sources = [*prev.sources, q.source]
                    prev.evidence = [*prev.evidence, ev]
                if prev.speaker is None and speaker:
                    prev.speaker = speaker
            else:
                merged[key] = Quote(speaker=speaker, text=q.text, sources=[q.source], evidence=[ev])
    return list(merged.values())
