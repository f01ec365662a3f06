"""Batch runs: stream records, read them in batches, group reports into cases, consolidate
and write each case. `run_local` uses this process; `run_on_ray` hands the same stage
functions to a pool of Ray actors (reading batch by batch, then consolidating case by case)."""

from __future__ import annotations

import csv
import json
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any

from casefile.batch.grouping import Case, group_reports, latin, same_person
from casefile.batch.records import BadRecord, NotReport, Record, iter_records
from casefile.batch.stages import DocResult, is_relevant, read_records, warm_up
from casefile.model import CaseFile, DocAnalysis, Entity, Source, rebase_analysis
from casefile.pipeline import consolidate_case, timestamp
from casefile.render import render_html, render_json

BATCH = 64


@dataclass
class BatchSummary:
    read: int = 0
    not_reports: int = 0  # WARC records that hold no report (images, redirects)
    irrelevant: int = 0
    no_case: int = 0
    empty_cases: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    cases: list[dict[str, Any]] = field(default_factory=list)
    # wall-clock seconds: "reading" (filter, load the models, read; on Ray from the cluster's
    # start) and "cases" (group, consolidate, write), the two stages; within reading,
    # "workers_start" (until every reading worker has loaded its models) and
    # "reading_once_started" (from then until the last report is read, in which
    # `read_once_started` reports are read), "reading_busy" and "reading_cpu" (the time, and the
    # CPU time, workers spent reading those batches, added up over the workers); on Ray,
    # "ray_start" (connecting to or starting Ray)
    seconds: dict[str, float] = field(default_factory=dict)
    read_once_started: int = 0

    def as_dict(self) -> dict[str, Any]:
        return {"read": self.read, "not_reports": self.not_reports, "skipped_irrelevant": self.irrelevant,
                "read_but_no_case": self.no_case, "cases_without_acts": self.empty_cases,
                "failed": [{"record": r, "problem": p} for r, p in self.failed], "cases": len(self.cases),
                "seconds": {k: round(v, 2) for k, v in self.seconds.items()},
                "read_once_started": self.read_once_started}


@dataclass
class _Clock:
    """When each reading worker had loaded its models, and when it read each batch (time.time(),
    which the workers of one machine share)."""

    ready: dict[str, float] = field(default_factory=dict)
    # (worker, start): (end, reports, CPU seconds the worker spent on them)
    batches: dict[tuple[str, float], tuple[float, int, float]] = field(default_factory=dict)

    def record(self, summary: BatchSummary, started: float) -> None:
        if not self.ready:
            return
        all_ready = max(self.ready.values())
        summary.seconds["workers_start"] = all_ready - started
        after = [(t0, end, n, cpu) for (_, t0), (end, n, cpu) in self.batches.items() if t0 >= all_ready]
        if after:
            summary.seconds["reading_once_started"] = max(end for _, end, _, _ in after) - all_ready
            summary.seconds["reading_busy"] = sum(end - t0 for t0, end, _, _ in after)
            summary.seconds["reading_cpu"] = sum(cpu for _, _, _, cpu in after)
            summary.read_once_started = sum(n for _, _, n, _ in after)


Progress = Callable[[int], None]


def _chunks(items: Iterable[Record], n: int) -> Iterator[list[Record]]:
    it = iter(items)
    while chunk := list(islice(it, n)):
        yield chunk


def _relevant(inputs: list[str], summary: BatchSummary, progress: Progress | None) -> Iterator[Record]:
    for rec in iter_records(inputs):
        if isinstance(rec, BadRecord):
            summary.failed.append((rec.id, rec.problem))
            if progress:
                progress(1)
        elif isinstance(rec, NotReport):
            summary.not_reports += 1
        elif is_relevant(rec):
            yield rec
        else:
            summary.irrelevant += 1
            if progress:
                progress(1)


class _Spill:
    """Read reports go to disk as they come, so memory holds only names and ids."""

    def __init__(self, workdir: Path) -> None:
        self.path = workdir / "docs.jsonl"
        self.fh = self.path.open("w", encoding="utf-8")
        self.persons: list[tuple[str, list[dict]]] = []

    def add(self, doc: DocResult) -> None:
        self.fh.write(json.dumps(doc.__dict__, ensure_ascii=False) + "\n")
        self.persons.append((doc.record_id, doc.persons))

    def by_case(self, cases: list[Case], workdir: Path) -> dict[str, Path]:
        """Bucket the spilled reports into one file per case (a report may go to several)."""
        self.fh.close()
        of_doc: dict[str, list[str]] = {}
        for c in cases:
            for d in c.docs:
                of_doc.setdefault(d, []).append(c.id)
        paths = {c.id: workdir / f"case-{i}.jsonl" for i, c in enumerate(cases)}
        handles = {}
        try:
            with self.path.open(encoding="utf-8") as fh:
                for line in fh:
                    doc = json.loads(line)
                    for cid in of_doc.get(doc["record_id"], []):
                        if cid not in handles:
                            handles[cid] = paths[cid].open("w", encoding="utf-8")
                        handles[cid].write(line)
        finally:
            for h in handles.values():
                h.close()
        return paths


def is_person(name: str) -> Callable[[Entity], bool]:
    """Whether an entity of a case file is the person `name` (under any of its full names)."""
    def accept(e: Entity) -> bool:
        return any(len(latin(n).split()) > 1 and same_person(n, name) for n in (e.name, *e.aliases))
    return accept


def consolidate_docs(docs: list[dict[str, Any]], person: str | None = None) -> CaseFile:
    """One case's reports (as spilled) to its case file, with `person` its subject: sources
    renumbered S1.. by date."""
    docs.sort(key=lambda d: (d["source"].get("published") or "9999", d["record_id"]))
    sources: list[Source] = []
    analyses: list[DocAnalysis] = []
    for i, d in enumerate(docs, start=1):
        old = d["source"]["id"]
        sources.append(Source.model_validate({**d["source"], "id": f"S{i}"}))
        analyses.append(DocAnalysis.model_validate(rebase_analysis(d["analysis"], old, f"S{i}")))
    return consolidate_case(sources, analyses, generated_at=timestamp(),
                            may_be_subject=is_person(person) if person else None)


def write_case(out: Path, case: Case, cf: CaseFile) -> dict[str, Any]:
    folder = out / "cases" / case.id
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "casefile.json").write_text(render_json(cf), encoding="utf-8")
    (folder / "index.html").write_text(render_html(cf), encoding="utf-8")
    subject = next((e.name for e in cf.entities if e.id == cf.subject), case.name)
    dated = sorted((v for v in cf.events if v.date), key=lambda v: v.date or "")
    last = dated[-1] if dated else None
    return {"case": case.id, "subject": subject, "status": cf.status.value, "sources": len(cf.sources),
            "last_event": f"{last.type} {last.date}" if last else None, "path": f"cases/{case.id}/casefile.json"}


def write_index(out: Path, summary: BatchSummary) -> None:
    (out / "index.json").write_text(json.dumps({"summary": summary.as_dict(), "cases": summary.cases},
                                               ensure_ascii=False, indent=2), encoding="utf-8")
    with (out / "index.csv").open("w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=["case", "subject", "status", "sources", "last_event", "path"])
        w.writeheader()
        w.writerows(summary.cases)


# reads the relevant records, a batch of results and failures at a time
Reader = Callable[[Iterator[Record]], Iterator[tuple[list[DocResult], list[tuple[str, str]]]]]
OnCase = Callable[[Case, CaseFile, list[dict]], None]


def run_local(inputs: list[str], out: Path, progress: Progress | None = None,
              on_case: OnCase | None = None) -> BatchSummary:
    clock = _Clock()

    def read(records: Iterator[Record]) -> Iterator[tuple[list[DocResult], list[tuple[str, str]]]]:
        warm_up()
        clock.ready["local"] = time.time()
        for chunk in _chunks(records, BATCH):
            t0, cpu = time.time(), time.process_time()
            done = read_records(chunk)
            clock.batches[("local", t0)] = (time.time(), len(chunk), time.process_time() - cpu)
            yield done

    return _run(inputs, out, progress, on_case, read, map, clock)


def _run(inputs: list[str], out: Path, progress: Progress | None, on_case: OnCase | None,
         read: Reader, mapper: Callable[..., Iterable], clock: _Clock,
         seconds: dict[str, float] | None = None) -> BatchSummary:
    """The run either way: stream the relevant records through `read`, spill what is read,
    then group, consolidate with `mapper`, and write; each stage timed."""
    summary = BatchSummary(seconds=dict(seconds or {}))
    out.mkdir(parents=True, exist_ok=True)
    start, started = time.perf_counter(), time.time()
    with tempfile.TemporaryDirectory(prefix="casefile-batch-") as tmp:
        spill = _Spill(Path(tmp))
        for results, failed in read(_relevant(inputs, summary, progress)):
            _collect(results, failed, spill, summary, progress)
        summary.seconds["reading"] = time.perf_counter() - start
        clock.record(summary, started)
        _finish(spill, Path(tmp), out, summary, on_case, mapper=mapper)
    return summary


def _collect(results: list[DocResult], failed: list[tuple[str, str]], spill: _Spill, summary: BatchSummary,
             progress: Progress | None) -> None:
    summary.failed += failed
    for r in results:
        summary.read += 1
        if r.persons:
            spill.add(r)
        else:
            summary.no_case += 1
    if progress:
        progress(len(results) + len(failed))


def _case_job(item: tuple[Case, Path]) -> tuple[Case, dict[str, Any], list[dict]]:
    case, path = item
    with path.open(encoding="utf-8") as fh:
        docs = [json.loads(line) for line in fh]
    return case, consolidate_docs(docs, case.name).to_dict(), docs


def _finish(spill: _Spill, tmp: Path, out: Path, summary: BatchSummary,
            on_case: OnCase | None, mapper: Callable[..., Iterable]) -> None:
    start = time.perf_counter()
    cases = group_reports(spill.persons)
    # reports whose people found no case (their acts here and elsewhere found none)
    summary.no_case += len({doc for doc, _ in spill.persons} - {d for c in cases for d in c.docs})
    paths = spill.by_case(cases, tmp)
    for case, cf_dict, docs in mapper(_case_job, [(c, paths[c.id]) for c in cases]):
        cf = CaseFile.model_validate(cf_dict)
        if not cf.events:  # once the reports are read together, no act concerns the person
            summary.empty_cases += 1
            continue
        summary.cases.append(write_case(out, case, cf))
        if on_case:
            on_case(case, cf, docs)
    summary.seconds["cases"] = time.perf_counter() - start
    write_index(out, summary)


def run_on_ray(inputs: list[str], out: Path, address: str, workers: int = 2, progress: Progress | None = None,
               on_case: OnCase | None = None) -> BatchSummary:
    """The same stages on a Ray cluster: a pool of `workers` actors (one CPU each) that load the
    models once, at their start, while this process streams and filters the records; batches
    of records go to whichever actor is free (two in flight per actor, so memory stays bounded
    by the batches in flight), and the same warm actors then consolidate the cases. The records
    and each case's readings travel to the actors and the case files come back, so the nodes
    need no shared disk."""
    import ray

    clock = _Clock()
    start = time.perf_counter()
    if not ray.is_initialized():
        local = address in ("local", "auto-local")
        ray.init(address=None if local else address, num_cpus=workers if local else None,
                 include_dashboard=False, ignore_reinit_error=True, log_to_driver=False)
    ray_start = time.perf_counter() - start
    actor = ray.remote(num_cpus=1, max_restarts=2, max_task_retries=2)(_Worker)
    pool: list[Any] = [actor.remote() for _ in range(workers)]  # loading their models from now on

    def read(records: Iterator[Record]) -> Iterator[tuple[list[DocResult], list[tuple[str, str]]]]:
        jobs = ((k, [r.to_dict() for r in chunk]) for k, chunk in enumerate(_chunks(records, BATCH)))
        for result in _through(pool, "read", jobs):
            clock.ready[result["worker"]] = result["ready"]
            clock.batches[(result["worker"], result["t0"])] = (result["t1"], result["n"], result["cpu"])
            yield [DocResult(**d) for d in result["docs"]], [tuple(f) for f in result["failed"]]

    def ray_map(fn: Callable, items: list[tuple[Case, Path]]) -> Iterator:
        jobs = ((k, (c.__dict__, p.read_text(encoding="utf-8"))) for k, (c, p) in enumerate(items))
        for k, casefile in _through(pool, "consolidate", jobs, keyed=True):
            case, path = items[k]
            with path.open(encoding="utf-8") as fh:  # the readings stay here: only the case file came back
                docs = [json.loads(line) for line in fh]
            yield case, casefile, docs

    try:
        return _run(inputs, out, progress, on_case, read, ray_map, clock, {"ray_start": ray_start})
    finally:
        for a in pool:
            ray.kill(a)


def _through(pool: list, method: str, jobs: Iterator[tuple[int, Any]], keyed: bool = False) -> Iterator[Any]:
    """Each job's argument to `method` of whichever actor of the pool is free, two jobs in
    flight per actor; the results as they come (with the job's key when `keyed`)."""
    import ray

    free = [a for a in pool for _ in range(2)]
    pending: dict[Any, tuple[Any, int]] = {}  # ref: (actor, key)

    def finished() -> Iterator[Any]:
        done, _ = ray.wait(list(pending), num_returns=1)
        for ref in done:
            a, key = pending.pop(ref)
            free.append(a)
            value = ray.get(ref)
            yield (key, value) if keyed else value

    for key, arg in jobs:
        while not free:
            yield from finished()
        a = free.pop(0)
        args = arg if isinstance(arg, tuple) else (arg,)
        pending[getattr(a, method).remote(*args)] = (a, key)
    while pending:
        yield from finished()


class _Worker:
    """A Ray actor: the models load once, when it starts; then it reads batches and
    consolidates cases."""

    def __init__(self) -> None:
        import os
        import socket

        warm_up()
        self.ready = time.time()
        self.name = f"{socket.gethostname()}:{os.getpid()}"

    def read(self, records: list[dict[str, Any]]) -> dict[str, Any]:
        t0, cpu = time.time(), time.process_time()
        results, failed = read_records([Record.from_dict(r) for r in records])
        return {"docs": [r.__dict__ for r in results], "failed": failed, "worker": self.name,
                "ready": self.ready, "t0": t0, "t1": time.time(), "n": len(records),
                "cpu": time.process_time() - cpu}

    def consolidate(self, case: dict[str, Any], docs: str) -> dict[str, Any]:
        readings = [json.loads(line) for line in docs.splitlines() if line.strip()]
        return consolidate_docs(readings, case["name"]).to_dict()
