"""One root for casefile's errors; each carries the file or case it is about."""

from __future__ import annotations


class CasefileError(Exception):
    """Root of casefile's errors."""


class IngestError(CasefileError):
    """A file could not be taken into a bundle; names the file and the problem."""

    def __init__(self, file: str, problem: str) -> None:
        super().__init__(f"{file}: {problem}")
        self.file = file
        self.problem = problem
