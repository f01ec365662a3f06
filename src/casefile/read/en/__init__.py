"""The English reader: one spaCy parse per document, then mentions, events and quotes from it."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache

from spacy.language import Language

from casefile.model import DocAnalysis, Source
from casefile.read.en.events import extract_events
from casefile.read.en.mentions import extract_mentions, label_persons
from casefile.read.en.quotes import extract_quotes
from casefile.read.parse import BATCH_SIZE, pipeline


@cache
def nlp() -> Language:
    """The English pipeline, loaded once per process (see read.parse)."""
    return pipeline("en")


class EnglishReader:
    language = "en"

    def read_many(self, sources: Iterable[Source]) -> Iterator[DocAnalysis]:
        items = list(sources)
        for src, doc in zip(items, nlp().pipe((s.text for s in items), batch_size=BATCH_SIZE), strict=True):
            mentions = extract_mentions(doc, src)
            label_persons(doc, mentions)  # events and quotes see the persons the tagger missed
            events = extract_events(doc, src, mentions)
            quotes = extract_quotes(doc, src, mentions)
            yield DocAnalysis(source=src.id, language="en", mentions=mentions, events=events, quotes=quotes)
