"""Read: one `Source` at a time to a `DocAnalysis` (mentions, events, quotes).

A reader per language sits behind the `Reader` protocol; `reader_for` picks
one by the source's language, once. Nothing here knows of other documents.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from functools import cache
from typing import Protocol

from casefile.model import DocAnalysis, Source
from casefile.read.language import code_for


class Reader(Protocol):
    language: str

    def read_many(self, sources: Iterable[Source]) -> Iterator[DocAnalysis]:
        """Read sources in order, one DocAnalysis each (batched where the parser allows)."""
        ...


@cache
def reader_for(code: str) -> Reader:
    """The reader of a registered language (see read.language): one for every language, over
    the language's data and hooks."""
    from casefile.read.reader import Reader as OneReader

    return OneReader(code)


def read_sources(sources: list[Source], progress: Callable[[Source], None] | None = None) -> list[DocAnalysis]:
    """Read every source with the reader for its language; results in input order."""
    by_lang: dict[str, list[Source]] = {}
    for s in sources:
        by_lang.setdefault(code_for(s.language), []).append(s)
    results: dict[str, DocAnalysis] = {}
    for lang, group in by_lang.items():
        for src, analysis in zip(group, reader_for(lang).read_many(group), strict=True):
            results[src.id] = analysis
            if progress:
                progress(src)
    return [results[s.id] for s in sources]


# Stored readings are keyed by content hash and this version: bump it whenever a reader's
# output changes, so that the registry reads stored sources again.
READER_VERSION = "casefile-0.1.0/readers-7"
