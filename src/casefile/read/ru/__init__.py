"""The Russian reader (issue 8). Until it lands, Russian sources get the English reader's
treatment only for what is language-neutral: they are ingested and shown, with no mentions."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from casefile.model import DocAnalysis, Source


class RussianReader:
    language = "ru"

    def read_many(self, sources: Iterable[Source]) -> Iterator[DocAnalysis]:
        for src in sources:
            yield DocAnalysis(source=src.id, language="ru")
