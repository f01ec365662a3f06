"""The Russian reader (issue 8): one natasha parse per document, then mentions, events and quotes.

natasha's models (segmenter, morphology, syntax, NER) are loaded once per process
(see parse.pipeline); dates are found once per document and shared by the events.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Doc

from casefile.model import DocAnalysis, Source
from casefile.read.language import language
from casefile.read.mentions import extract_mentions, label_persons
from casefile.read.parse import parse_many
from casefile.read.quotes import extract_quotes
from casefile.read.ru.dates import find_dates
from casefile.read.ru.events import extract_events


def read_one(src: Source, doc: Doc | None = None) -> DocAnalysis:
    if not src.text.strip():  # natasha's taggers fail on a document with no tokens
        return DocAnalysis(source=src.id, language="ru")
    lang = language("ru")
    if doc is None:
        doc = next(parse_many(lang, [src.text]))
    p = doc.user_data["parsed"]
    mentions = extract_mentions(doc, src, lang)
    label_persons(doc, mentions, lang)
    events = extract_events(p, src, mentions, find_dates(src.text, _frame(src)))
    quotes = extract_quotes(doc, src, mentions, lang)
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
