"""The per-document stages of batch mode: relevance, ingest, reading, and the doc's case keys.

Pure functions over plain data, so that the local runner and Ray Data run the same code.
"""

from __future__ import annotations

import gc
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
from casefile.resources import load, per_language, place_names

_TAG = re.compile(r"<(script|style)\b.*?</\1\s*>|<[^>]+>", re.S | re.I)
_SUFFIX = {"text": ".txt", "html": ".html", "markdown": ".md"}


@cache
def _relevance_patterns() -> tuple[re.Pattern[str], int]:
    stems: list[str] = []
    hits = 2
    for data in per_language("relevance.yaml").values():
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
    update: dict[str, Any] = {"file": record.id, "path": record.url}
    if record.captured and not record.date and src.published_basis in ("none", "content"):
        # the report names no date of its own: the day it was captured is the closest known
        day = record.captured[:10]
        update.update(published=day, published_basis="metadata", warnings=[
            *src.warnings, f"dated {day}, the day the archive captured it: the report gives no date of its own"])
    return src.model_copy(update=update)


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
        except Exception as exc:  # a record no one foresaw must not stop a run over a whole crawl
            failed.append((r.id, _crash("ingest", exc)))
            continue
        sources.append(src)
        originals[src.id] = r.body.decode("utf-8", "surrogateescape")
    try:
        pairs = list(zip(sources, read_sources(sources), strict=True))
    except Exception:  # the batch is read again report by report, to find the one that fails
        pairs = []
        for src in sources:
            try:
                pairs.append((src, read_sources([src])[0]))
            except Exception as exc:
                failed.append((src.file, _crash("reader", exc)))
    results = []
    for src, analysis in pairs:
        try:
            persons = case_persons(src, analysis)
        except Exception as exc:
            failed.append((src.file, _crash("case check", exc)))
            continue
        results.append(DocResult(record_id=src.file, source=src.model_dump(mode="json"),
                                 analysis=analysis.model_dump(mode="json"), original=originals[src.id],
                                 persons=persons))
    return results, failed


def _crash(stage: str, exc: Exception) -> str:
    return f"the {stage} failed on it ({type(exc).__name__}: {str(exc)[:100]}); please report it"


# Short fictional reports, one per language read, that take the stage through every loader it
# calls on first use (parser models, lexicons, language identifier, place index).
_WARM_UP = (
    ("warm-up:en", "VELLMARK, 3 March 2022 - Police detained Ana Dorsk, a journalist, in Vellmark on "
                   "Friday and charged her with fraud, her lawyer Tom Brenn said. She denies the charge."),
    ("warm-up:ru", "ТАРВИК, 3 марта 2022 года. Полиция задержала журналистку Анну Дорскую в Тарвике, "
                   "ей предъявлено обвинение в мошенничестве, сообщил ее адвокат Олег Бренн."),
)


# the cyclic collector's thresholds in a reading worker (Python's default: 700, 10, 10)
COLLECTOR_THRESHOLDS = (50_000, 50, 100)


def warm_up() -> None:
    """Load everything the reading stage loads lazily, so that a worker pays it once at its
    start rather than inside its first batch (and a benchmark can time the reading alone).
    The worker's numerical libraries get one thread: the Russian models multiply small
    matrices, for which threads that wait on each other cost far more than they give (five
    times slower on a busy two-core machine), and a node's cores go to its workers instead."""
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=1)
    place_names()  # the place index ingest consults for datelines, loaded on first use otherwise
    read_records([Record(id=rid, body=text.encode(), kind="text") for rid, text in _WARM_UP])
    # What is loaded now (models, lexicons, tables) lives as long as the worker: the cyclic
    # collector need not walk it again, and the readers' many short-lived objects are collected
    # in fewer, larger rounds (the reading stage about 2% faster, bench/batch_bench.py).
    gc.freeze()
    gc.set_threshold(*COLLECTOR_THRESHOLDS)


@cache
def _rules() -> dict[str, Any]:
    return load("batch.yaml")


def case_persons(source: Source, analysis: DocAnalysis) -> list[dict[str, Any]]:
    """The people whose case this report reports, judged from its reading alone: a person (or
    group) the reader found undergoing an act (the subject of one of its event mentions), when
    the report is about them. That is its main person (named most, its headline counting as
    two namings and its lead, the first `lead_sentences` sentences, as one); one named in its
    headline or lead at least `central_share` times as often as the main person; and anyone
    who undergoes an act together with one of these (co-defendants sentenced in one sentence,
    the people one exchange freed). A person named in background (a death recalled,
    a well-known prisoner named in passing) feeds no case, nor does a "person" whose name
    begins with the name of one of the report's organisations ("Acme Phone" beside "Acme": a
    product the tagger took for a person). Each comes with `founding`: whether one of its acts
    here is one that founds a case (resources/batch.yaml). Empty when no person undergoes an act."""
    if not analysis.events:
        return []
    rules = _rules()
    res = resolve_entities([analysis], [source])
    by_id = {e.id: e for e in res.entities}
    orgs = {e.name.casefold() for e in res.entities if e.type == "organization"}
    persons = {eid for eid, e in by_id.items() if e.type in ("person", "group") and not any(
        " ".join(e.name.split()[:k]).casefold() in orgs for k in range(1, len(e.name.split())))}
    undergo = [{eid for m, role in ev.participants if role == "subject"
                and (eid := res.of_mention.get(m)) in persons} for ev in analysis.events]
    acts = {eid: [i for i, who in enumerate(undergo) if eid in who] for eid in set().union(*undergo)}
    if not acts:
        return []
    named: Counter[str] = Counter()
    first: dict[str, int] = {}
    lead: set[str] = set()
    for m in analysis.mentions:
        if (eid := res.of_mention.get(m.id)) is not None:
            named[eid] += 1
            first.setdefault(eid, m.start)
            if m.sentence < rules["lead_sentences"]:
                lead.add(eid)
    title = (source.title or "").casefold()
    headline = {eid for eid in persons if any(len(f) > 3 and f.casefold() in title
                                              for f in (by_id[eid].name, *by_id[eid].aliases))}
    # the report's main person: named most, a headline counting as two namings and the lead as one
    main = min(persons, key=lambda eid: (-(named[eid] + 2 * (eid in headline) + (eid in lead)),
                                         first.get(eid, 0)))

    def central(eid: str) -> bool:
        return eid == main or ((eid in lead or eid in headline)
                               and named[eid] >= rules["central_share"] * named[main])

    chosen = {eid for eid in acts if central(eid)}
    grown = True
    while grown:  # who undergoes an act with a chosen person, and who with them, and so on
        grown = False
        for who in undergo:
            if len(who) > 1 and who & chosen and not who <= chosen:
                chosen |= who
                grown = True
    founding = set(rules["founding_acts"])
    order = sorted(chosen, key=lambda eid: (-len(acts[eid]), -named[eid], eid))
    return [{"name": by_id[eid].name, "forms": sorted({by_id[eid].name, *by_id[eid].aliases}),
             "founding": any(analysis.events[i].type in founding for i in acts[eid])} for eid in order]
