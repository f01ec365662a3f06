"""The English reader: one spaCy parse per document, then mentions, events and quotes from it."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache

from spacy.language import Language

from casefile.model import DocAnalysis, Source
from casefile.read.en.events import extract_events
from casefile.read.language import language
from casefile.read.mentions import extract_mentions, label_persons
from casefile.read.parse import BATCH_SIZE, pipeline
from casefile.read.quotes import extract_quotes


@cache
def nlp() -> Language:
    """The English pipeline, loaded once per process (see read.parse)."""
    return pipeline("en")


class EnglishReader:
    language = "en"

    def read_many(self, sources: Iterable[Source]) -> Iterator[DocAnalysis]:
        items = list(sources)
        lang = language("en")
        for src, doc in zip(items, nlp().pipe((s.text for s in items), batch_size=BATCH_SIZE), strict=True):
            mentions = extract_mentions(doc, src, lang)
            label_persons(doc, mentions, lang)  # events and quotes see the persons the tagger missed
            events = extract_events(doc, src, mentions)
            quotes = extract_quotes(doc, src, mentions, lang)
            yield DocAnalysis(source=src.id, language="en", mentions=mentions, events=events, quotes=quotes)
