"""The Russian reader (issue 8): one natasha parse per document, then mentions, events and quotes.

natasha's models (segmenter, morphology, syntax, NER) are loaded once per process
(see parse.pipeline); dates are found once per document and shared by the events.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Doc

from casefile.model import DocAnalysis, Source
from casefile.read._legacy_times import find_times, time_frame
from casefile.read.events import extract_events
from casefile.read.language import language
from casefile.read.parse import parse_many
from casefile.read.ru.mentions import extract_mentions
from casefile.read.ru.natasha import to_doc
from casefile.read.ru.parse import parse
from casefile.read.ru.quotes import extract_quotes


def read_one(src: Source, doc: Doc | None = None) -> DocAnalysis:
    if not src.text.strip():  # natasha's taggers fail on a document with no tokens
        return DocAnalysis(source=src.id, language="ru")
    p = doc.user_data["parsed"] if doc is not None else parse(src.text)
    mentions = extract_mentions(p, src)
    if doc is None:
        doc = to_doc(p)
    lang = language("ru")
    frame = time_frame(src, lang)
    events = extract_events(doc, src, mentions, find_times(doc, lang, frame, src), frame, lang)
    quotes = extract_quotes(p, src, mentions)
    return DocAnalysis(source=src.id, language="ru", mentions=mentions, events=events, quotes=quotes)


def _frame(src: Source) -> str | None:
    """The date relative expressions count from. A date estimated from the content is the
    latest date the text names, a floor for when it was written: it gives the year to days
    and months written without one ("2 мая", "в октябре прошлого года"), but "в пятницу" or
    "в прошлом месяце" need the day of writing, and stay unresolved."""
    if src.published and src.published_basis == "content":
        return src.published[:4]
    return src.published


class RussianReader:
    language = "ru"

    def read_many(self, sources: Iterable[Source]) -> Iterator[DocAnalysis]:
        items = list(sources)
        for src, doc in zip(items, parse_many(language("ru"), (s.text for s in items)), strict=True):
            yield read_one(src, doc)
