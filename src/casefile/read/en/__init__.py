"""The English reader: one spaCy parse per document, then mentions, events and quotes from it."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache

from spacy.language import Language

from casefile.model import DocAnalysis, Source
from casefile.read.en.mentions import extract_mentions, label_persons
from casefile.read.en.quotes import extract_quotes
from casefile.read.events import extract_events
from casefile.read.language import language
from casefile.read.parse import BATCH_SIZE, pipeline
from casefile.read.times import find_times, time_frame


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
            lang = language("en")
            frame = time_frame(src, lang, doc)
            times = find_times(doc, lang, frame)
            events = extract_events(doc, src, mentions, times, frame, lang)
            quotes = extract_quotes(doc, src, mentions)
            yield DocAnalysis(source=src.id, language="en", mentions=mentions, events=events, quotes=quotes)
