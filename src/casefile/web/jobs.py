"""Adds from the web app run in a worker process, not in the server's: reading a report is CPU
work under Python's global lock, and in a thread of the server it stalled every other reader's
page (p95 of the case page 700 ms while a 1 MB report was read). One worker for the server,
kept alive so that it loads the language models once; the adds it runs queue up in order, as
the registry would have them one after the other anyway.

An upload becomes a job with a page of its own: the editor sees how many reports are read
while the add runs, then what changed. The worker writes its progress to a small file in the
job's folder (replaced whole, so the server never reads half of it)."""

from __future__ import annotations

import json
import multiprocessing
import os
import secrets
import shutil
import threading
import time
from collections import OrderedDict
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path

from casefile.errors import CasefileError
from casefile.model import Source
from casefile.store import Registry
from casefile.store.registry import AddResult

PROGRESS = "progress.json"
KEEP_FINISHED = 200  # finished jobs whose page can still be opened, per server

_pool: ProcessPoolExecutor | None = None
_lock = threading.Lock()
_registries: dict[str, Registry] = {}  # in the worker: one per database


def worker_add(db: str, slug: str, paths: list[Path], user: str, progress_file: Path | None = None) -> AddResult | str:
    """Run in the worker: the add's result, or the message of the error that stopped it (the
    error itself may not survive the trip between processes)."""
    registry = _registries.get(db)
    if registry is None:
        registry = _registries[db] = Registry(db)
    read = 0

    def tick(src: Source) -> None:
        nonlocal read
        read += 1
        if progress_file is not None:
            _write_progress(progress_file, {"read": read, "title": src.title or src.file})

    try:
        return registry.add(slug, paths, user, progress=tick)
    except CasefileError as exc:
        return str(exc)


def _write_progress(path: Path, data: dict[str, object]) -> None:
    part = path.with_suffix(".part")
    part.write_text(json.dumps(data), encoding="utf-8")
    os.replace(part, path)


def pool() -> ProcessPoolExecutor:
    global _pool
    with _lock:
        if _pool is None:
            # spawn, not fork: the server has threads, and a forked copy of their locks can hang
            _pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))
        return _pool


def _drop_broken(broken: ProcessPoolExecutor) -> None:
    """A worker that died (killed, out of memory) breaks its pool for good: the next job starts
    a new one."""
    global _pool
    with _lock:
        if _pool is broken:
            _pool = None


@dataclass
class Job:
    """One upload being added to a case. `problems` are those found before the add (files
    refused at the door); the add's own come with its result."""

    id: str
    slug: str
    user: str
    files: list[str]
    folder: Path
    problems: list[str] = field(default_factory=list)
    started: float = field(default_factory=time.time)
    future: Future[AddResult | str] | None = None
    result: AddResult | None = None
    finished: float | None = None

    @property
    def done(self) -> bool:
        return self.finished is not None

    def progress(self) -> tuple[int, str]:
        """Reports read so far and the title of the last one."""
        try:
            data = json.loads((self.folder / PROGRESS).read_text(encoding="utf-8"))
            return int(data["read"]), str(data["title"])
        except (OSError, ValueError, KeyError, TypeError):
            return 0, ""


class Jobs:
    """The server's jobs by id: running ones, and the last finished ones for their pages."""

    def __init__(self, db: str) -> None:
        self.db = db
        self._jobs: OrderedDict[str, Job] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, slug: str, job_id: str) -> Job | None:
        job = self._jobs.get(job_id)
        return job if job is not None and job.slug == slug else None

    def submit(self, slug: str, user: str, paths: list[Path], folder: Path, problems: list[str]) -> Job:
        """Queue an add of `paths` (inside `folder`, which the job removes when it ends)."""
        job = Job(secrets.token_urlsafe(12), slug, user, [p.name for p in paths], folder, list(problems))
        with self._lock:
            self._jobs[job.id] = job
            self._forget_old()
        executor = pool()
        try:
            job.future = executor.submit(worker_add, self.db, slug, paths, user, folder / PROGRESS)
        except (BrokenProcessPool, RuntimeError):
            _drop_broken(executor)
            executor = pool()  # the new worker's pool: the one to drop if it too breaks
            job.future = executor.submit(worker_add, self.db, slug, paths, user, folder / PROGRESS)
        job.future.add_done_callback(lambda f: self._finish(job, executor, f))
        return job

    def _finish(self, job: Job, executor: ProcessPoolExecutor, future: Future[AddResult | str]) -> None:
        try:
            done: AddResult | str = future.result()
        except BrokenProcessPool:
            _drop_broken(executor)
            done = "the reports could not be added: the worker reading them stopped (was it out of memory?)"
        except Exception as exc:  # noqa: BLE001 - whatever the worker raised is the job's problem, not the server's
            done = f"the reports could not be added: {exc}"
        if isinstance(done, str):
            job.problems.append(done)
        else:
            job.result = done
            job.problems += [f"{p.file}: {p.problem}" for p in done.problems]
        shutil.rmtree(job.folder, ignore_errors=True)
        job.finished = time.time()

    def _forget_old(self) -> None:
        finished = [k for k, j in self._jobs.items() if j.done]
        for k in finished[:max(0, len(finished) - KEEP_FINISHED)]:
            del self._jobs[k]
