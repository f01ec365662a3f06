"""Adds from the web app run in a worker process, not in the server's: reading a report is CPU
work under Python's global lock, and in a thread of the server it stalled every other reader's
page (p95 of the case page 700 ms while a 1 MB report was read). One worker for the server,
kept alive so that it loads the language models once; the adds it runs queue up in order, as
the registry would have them one after the other anyway."""

from __future__ import annotations

import multiprocessing
import threading
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from casefile.errors import CasefileError
from casefile.store import Registry
from casefile.store.registry import AddResult

_pool: ProcessPoolExecutor | None = None
_lock = threading.Lock()
_registries: dict[str, Registry] = {}  # in the worker: one per database


def worker_add(db: str, slug: str, paths: list[Path], user: str) -> AddResult | str:
    """Run in the worker: the add's result, or the message of the error that stopped it (the
    error itself may not survive the trip between processes)."""
    registry = _registries.get(db)
    if registry is None:
        registry = _registries[db] = Registry(db)
    try:
        return registry.add(slug, paths, user)
    except CasefileError as exc:
        return str(exc)


def pool() -> ProcessPoolExecutor:
    global _pool
    with _lock:
        if _pool is None:
            # spawn, not fork: the server has threads, and a forked copy of their locks can hang
            _pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))
        return _pool
