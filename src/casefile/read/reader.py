"""The one reader: a spaCy Doc in, a `DocAnalysis` out, for every language.

Languages differ only in their data (`resources/<code>/`) and the hooks their
`language.yaml` names (Russian: natasha's parse, names put in the nominative); the
steps here are the same for all: names (`read.mentions`), time expressions
(`read.times`), acts (`read.events`, with `read.factuality`), quotes (`read.quotes`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Doc

from casefile.model import DocAnalysis, Source
from casefile.read.events import extract_events
from casefile.read.grammar import release
from casefile.read.language import Language, language
from casefile.read.mentions import extract_mentions, label_persons
from casefile.read.parse import parse_many
from casefile.read.quotes import extract_quotes
from casefile.read.times import find_times, time_frame


def read_doc(doc: Doc, source: Source, lang: Language) -> DocAnalysis:
    """Everything one parsed document says: names, acts, quotes."""
    if not source.text.strip():
        return DocAnalysis(source=source.id, language=lang.code)
    mentions = extract_mentions(doc, source, lang)
    label_persons(doc, mentions, lang)  # the acts and quotes see the persons the tagger missed
    frame = time_frame(source, lang, doc)
    events = extract_events(doc, source, mentions, find_times(doc, lang, frame), frame, lang)
    quotes = extract_quotes(doc, source, mentions, lang)
    release(doc)
    return DocAnalysis(source=source.id, language=lang.code, mentions=mentions, events=events, quotes=quotes)


class Reader:
    """The reader of one registered language (see read.language)."""

    def __init__(self, code: str) -> None:
        self.language = code

    def read_many(self, sources: Iterable[Source]) -> Iterator[DocAnalysis]:
        lang = language(self.language)
        items = list(sources)
        for src, doc in zip(items, parse_many(lang, (s.text for s in items)), strict=True):
            yield read_doc(doc, src, lang)


def read_one(source: Source) -> DocAnalysis:
    """One source, read with the reader of its language."""
    lang = language(source.language)
    return next(Reader(lang.code).read_many([source]))
