"""The Russian reader: one natasha parse per document (loaded into a spaCy Doc, see
read/ru/natasha.py), then mentions, events and quotes.

natasha's models (segmenter, morphology, syntax, NER) are loaded once per process.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Doc

from casefile.model import DocAnalysis, Source
from casefile.read.events import extract_events
from casefile.read.language import language
from casefile.read.parse import parse as parse_doc
from casefile.read.parse import parse_many
from casefile.read.ru.mentions import extract_mentions
from casefile.read.ru.quotes import extract_quotes
from casefile.read.times import find_times, time_frame


def read_one(src: Source, doc: Doc | None = None) -> DocAnalysis:
    if not src.text.strip():  # natasha's taggers fail on a document with no tokens
        return DocAnalysis(source=src.id, language="ru")
    doc = doc if doc is not None else parse_doc("ru", src.text)
    p = doc.user_data["parsed"]
    lang = language("ru")
    mentions = extract_mentions(p, src)
    frame = time_frame(src, lang, doc)
    events = extract_events(doc, src, mentions, find_times(doc, lang, frame), frame, lang)
    quotes = extract_quotes(p, src, mentions)
    return DocAnalysis(source=src.id, language="ru", mentions=mentions, events=events, quotes=quotes)


class RussianReader:
    language = "ru"

    def read_many(self, sources: Iterable[Source]) -> Iterator[DocAnalysis]:
        items = list(sources)
        for src, doc in zip(items, parse_many(language("ru"), (s.text for s in items)), strict=True):
            yield read_one(src, doc)
