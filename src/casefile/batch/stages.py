"""The per-document stages of batch mode: relevance, ingest, reading, and the doc's case keys.

Pure functions over plain data, so that the local runner and Ray Data run the same code.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from casefile.batch.records import Record
from casefile.consolidate.entities import resolve_entities
from casefile.errors import IngestError
from casefile.ingest import Known, read_source
from casefile.model import DocAnalysis, Source
from casefile.read import read_sources
from casefile.resources import load

_TAG = re.compile(r"<(script|style)\b.*?</\1\s*>|<[^>]+>", re.S | re.I)
_SUFFIX = {"text": ".txt", "html": ".html", "markdown": ".md"}


@cache
def _relevance_patterns() -> tuple[re.Pattern[str], int]:
    stems: list[str] = []
    hits = 2
    for lang in ("en", "ru"):
        data = load(f"{lang}/relevance.yaml")
        stems += data["stems"]
        hits = int(data.get("min_hits", hits))
    alternatives = "|".join(re.escape(s) for s in sorted(set(stems), key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})", re.IGNORECASE), hits


def is_relevant(record: Record) -> bool:
    """Cheap check before any parsing: enough words of detention and prosecution."""
    text = record.body[:200_000].decode("utf-8", "replace")
    if record.kind == "html":
        text = _TAG.sub(" ", text)
    pattern, needed = _relevance_patterns()
    return len({m.group(0).lower() for m in pattern.finditer(text)}) >= needed


@dataclass
class DocResult:
    """One read report: its source, its reading, and the people whose case it reports."""

    record_id: str
    source: dict[str, Any]
    analysis: dict[str, Any]
    original: str
    persons: list[dict[str, Any]] = field(default_factory=list)  # [{"name", "forms"}]

    def to_source(self) -> Source:
        return Source.model_validate(self.source)

    def to_analysis(self) -> DocAnalysis:
        return DocAnalysis.model_validate(self.analysis)


def ingest_record(record: Record) -> Source:
    """A record to a Source, with the record's own url, date and outlet where it has them."""
    sid = "D" + hashlib.sha1(record.id.encode()).hexdigest()[:10]
    known = Known(published=record.date[:10] if record.date else None, title=record.title, outlet=record.outlet)
    src = read_source(Path("record" + _SUFFIX.get(record.kind, ".txt")), record.body, sid, known)
    return src.model_copy(update={"file": record.id, "path": record.url})


def read_records(records: list[Record]) -> tuple[list[DocResult], list[tuple[str, str]]]:
    """Ingest and read a batch (one nlp.pipe call per language). Returns results and failures."""
    sources: list[Source] = []
    originals: dict[str, str] = {}
    failed: list[tuple[str, str]] = []
    for r in records:
        try:
            src = ingest_record(r)
        except IngestError as exc:
            failed.append((r.id, exc.problem))
            continue
        sources.append(src)
        originals[src.id] = r.body.decode("utf-8", "surrogateescape")
    results = []
    for src, analysis in zip(sources, read_sources(sources), strict=True):
        results.append(DocResult(record_id=src.file, source=src.model_dump(mode="json"),
                                 analysis=analysis.model_dump(mode="json"), original=originals[src.id],
                                 persons=case_persons(src, analysis)))
    return results, failed


# Short fictional reports, one per language read, that take the stage through every loader it
# calls on first use (parser models, lexicons, language identifier, place index).
_WARM_UP = (
    ("warm-up:en", "VELLMARK, 3 March 2022 - Police detained the journalist Ana Dorsk in Vellmark on "
                   "Friday and charged her with fraud, her lawyer Tom Brenn said. She denies the charge."),
    ("warm-up:ru", "ТАРВИК, 3 марта 2022 года. Полиция задержала журналистку Анну Дорскую в Тарвике, "
                   "ей предъявлено обвинение в мошенничестве, сообщил ее адвокат Олег Бренн."),
)


def warm_up() -> None:
    """Load everything the reading stage loads lazily, so that a worker pays it once at its
    start rather than inside its first batch (and a benchmark can time the reading alone)."""
    read_records([Record(id=rid, body=text.encode(), kind="text") for rid, text in _WARM_UP])


def case_persons(source: Source, analysis: DocAnalysis) -> list[dict[str, Any]]:
    """The people whose case this report is about: its subject when an act concerns them (or no
    act names anyone), and any other person who is the subject of two or more of its acts.
    None when the report describes no act. A person named in one act of background (a death
    recalled, a colleague's arrest) founds no case of its own."""
    if not analysis.events:
        return []
    res = resolve_entities([analysis], [source])
    by_id = {e.id: e for e in res.entities}
    acts: Counter[str] = Counter()
    for ev in analysis.events:
        for eid in {res.of_mention.get(m) for m, role in ev.participants if role == "subject"}:
            if eid in by_id and by_id[eid].type == "person":
                acts[eid] += 1
    ids: list[str] = []
    if res.subject and by_id[res.subject].type == "person" and (acts[res.subject] or not acts):
        ids.append(res.subject)
    ids += [eid for eid, n in acts.most_common() if n >= 2 and eid not in ids]
    return [{"name": by_id[i].name, "forms": sorted({by_id[i].name, *by_id[i].aliases})} for i in ids]
