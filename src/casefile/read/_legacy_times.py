"""TEMPORARY: the old per-language date and amount readers behind the engine's interfaces
(TimeFrame, TimeExpr, Quantity), until read/times.py and read/amounts.py replace them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache

from spacy.tokens import Doc, Span

from casefile.core.dates import PartialDate, parse_iso
from casefile.model import Amount, Source
from casefile.read.language import Language
from casefile.resources import load


@dataclass(frozen=True)
class TimeFrame:
    published: PartialDate | None
    year_base: PartialDate | None
    doc_years: frozenset[int]
    raw: object = None


@dataclass(frozen=True)
class TimeExpr:
    start: int
    end: int
    start_char: int
    end_char: int
    value: PartialDate | None
    is_end: bool = False
    is_duration: bool = False
    has_year: bool = False


@dataclass(frozen=True)
class Quantity:
    start: int
    end: int
    start_char: int
    end_char: int
    amount: Amount | None = None
    duration: str | None = None
    bound: str | None = None


def _en():  # noqa: ANN202 - the old English date module, imported late (it imports the reader)
    from casefile.read.en import dates

    return dates


def time_frame(source: Source, lang: Language) -> TimeFrame:
    if lang.code == "ru":
        from casefile.read.ru import _frame

        raw = _frame(source)
        return TimeFrame(parse_iso(raw), None, frozenset(), raw)
    pub, base = _time_frame(source)
    return TimeFrame(pub, base, frozenset(), (pub, base))


def find_times(doc: Doc, lang: Language, frame: TimeFrame, source: Source) -> list[TimeExpr]:
    if lang.code == "ru":
        from casefile.read.ru.dates import find_dates

        out = []
        for d in find_dates(doc.text, frame.raw):  # type: ignore[arg-type]
            sp = doc.char_span(d.start, d.end, alignment_mode="expand")
            if sp is None:
                continue
            out.append(TimeExpr(sp.start, sp.end, d.start, d.end, parse_iso(d.date) if d.date else None,
                                is_end=d.is_end))
        return out
    from casefile.read.en.dates import is_duration

    dates, spans = _read_dates(doc, source, frame.raw)  # type: ignore[arg-type]
    out = []
    for s in spans:
        out.append(TimeExpr(s.start, s.end, s.start_char, s.end_char, dates.get(s.start), is_end=_is_end(s),
                            is_duration=is_duration(s.text), has_year=bool(re.search(r"\b\d{4}\b", s.text))))
    return out


def find_amounts(doc: Doc, lang: Language, start: int = 0, end: int | None = None) -> list[Quantity]:
    end = len(doc) if end is None else end
    if lang.code == "ru":
        from casefile.read.ru.amounts import find_amounts as ru_find

        return [q for s in _ru_sents(doc, start, end) for q in _ru_map(doc, ru_find(doc.user_data["parsed"], s))]
    from casefile.read.en.amounts import find_amounts as en_find

    span = doc[start:end]
    out = []
    for amount, a, b in en_find(span.text):
        sp = doc.char_span(span.start_char + a, span.start_char + b, alignment_mode="expand")
        if sp is not None:
            out.append(Quantity(sp.start, sp.end, span.start_char + a, span.start_char + b, amount=amount))
    return out


def find_durations(doc: Doc, lang: Language, start: int = 0, end: int | None = None) -> list[Quantity]:
    end = len(doc) if end is None else end
    if lang.code == "ru":
        from casefile.read.ru.amounts import find_durations as ru_find

        return [q for s in _ru_sents(doc, start, end) for q in _ru_map(doc, ru_find(doc.user_data["parsed"], s))]
    from casefile.read.en.amounts import find_durations as en_find

    span = doc[start:end]
    out = []
    for iso, a, b in en_find(span.text):
        sp = doc.char_span(span.start_char + a, span.start_char + b, alignment_mode="expand")
        if sp is None:
            continue
        nxt = doc[sp.end].lower_ if sp.end < len(doc) else ""
        offset = nxt in ("after", "before", "later", "earlier", "ago")  # "two months after": a time, not a term
        out.append(Quantity(sp.start, sp.end, span.start_char + a, span.start_char + b, duration=iso,
                            bound="offset" if offset else None))
    return out


def _ru_sents(doc: Doc, start: int, end: int) -> list[int]:
    p = doc.user_data["parsed"]
    a, b = doc[start].idx, doc[end - 1].idx + len(doc[end - 1]) if end > start else doc[start].idx
    return [s.index for s in p.sents if s.start < b and a < s.end]


def _ru_map(doc: Doc, found: list) -> list[Quantity]:  # type: ignore[type-arg]
    p = doc.user_data["parsed"]
    out = []
    for f in found:
        a, b = p.toks[f.first].start, p.toks[f.stop - 1].end
        sp: Span | None = doc.char_span(a, b, alignment_mode="expand")
        if sp is not None:
            out.append(Quantity(sp.start, sp.end, a, b, amount=f.amount, duration=f.duration))
    return out


def subtract_terms(base: str, cut: str) -> str | None:
    from casefile.read.ru.amounts import subtract_terms as sub

    return sub(base, cut)


# --- the English date reading, moved here from the old English event reader

_CONNECTIVES = {"after", "before", "for", "until", "till", "following", "to"}
_END_WORDS = {"until", "till", "til", "through", "pending"}


def _read_dates(doc: Doc, source: Source, frame: tuple[PartialDate | None, PartialDate | None],
                ) -> tuple[dict[int, PartialDate], list[Span]]:
    """Every DATE entity read in document order (so that "the same day" has its anchor)."""
    published, year_base = frame
    reader = _en().DateReader(published, _en().stated_years([source.text]), year_base=year_base)
    out: dict[int, PartialDate] = {}
    header = re.match(r"\s*(?:date|published|posted|updated)\b[^\n]*?\d{4}-\d{2}-\d{2}", source.text, re.I)
    # a metadata line's date is when the report appeared, not when anything in it happened
    spans = [p for e in doc.ents if e.label_ == "DATE" and not (header and e.start_char < header.end())
             for p in _split_date(_complete_phrase(e))]
    spans = sorted(spans + _missed_phrases(doc, spans), key=lambda e: e.start)
    sent_of = {t.i: k for k, s in enumerate(_sentences(doc)) for t in s}
    anchor_sent = None
    for e in spans:
        if anchor_sent is not None and sent_of.get(e.start, 0) - anchor_sent > 1:
            reader.anchor = None  # "the next day" counts from a date in its sentence or the one before
        d = reader.read(e.text)
        if d is not None:
            out[e.start] = d
        if d is not None and reader.anchor is d:
            anchor_sent = sent_of.get(e.start, 0)
    return out, spans


def _split_date(e: Span) -> list[Span]:
    """The recogniser runs a date and a length of time together ("June 3, 2024 after 8 months"):
    read them apart, at the connective between them."""
    cut = next((t.i for t in e[1:] if t.lower_ in _CONNECTIVES), None)
    if cut is None or _anaphoric(e.text):  # "the day before", "two days after" are one date
        return [e]
    doc = e.doc
    return [Span(doc, e.start, cut, label="DATE"), Span(doc, cut, e.end, label="DATE")]


def _complete_phrase(e: Span) -> Span:
    """The recogniser cuts "The day before" to "The day": take the words that finish the phrase."""
    for more in (1, 2):
        if e.end + more <= len(e.doc) and _anaphoric(e.doc[e.start:e.end + more].text) and not _anaphoric(e.text):
            return Span(e.doc, e.start, e.end + more, label="DATE")
    return e


def _anaphoric(text: str) -> bool:
    return _anaphoric_pattern().fullmatch(text) is not None


@cache
def _anaphoric_pattern() -> re.Pattern[str]:
    # built once: the alternation is long and re's own cache of compiled patterns is small
    words = load("en/dates.yaml")
    alts = [_en().counted_days_pattern(), *(re.escape(p) for p in words["anaphoric"])]
    return re.compile(r"\s*(?:on\s+|by\s+)?(?:" + "|".join(alts) + r")\s*", re.I)


def _missed_phrases(doc: Doc, found: list[Span]) -> list[Span]:
    """Relative and anaphoric phrases the entity recogniser left out ("searched the same day")."""
    taken = {i for e in found for i in range(e.start, e.end)}
    out: list[Span] = []
    for m in _missed_pattern().finditer(doc.text):
        sp = doc.char_span(m.start(), m.end(), label="DATE")
        if sp is not None and not taken & set(range(sp.start, sp.end)):
            out.append(sp)
            taken |= set(range(sp.start, sp.end))
    return out


@cache
def _missed_pattern() -> re.Pattern[str]:
    words = load("en/dates.yaml")
    phrases = sorted([*words["anaphoric"], *words["relative"]], key=len, reverse=True)
    alts = [_en().counted_days_pattern(), *(re.escape(p) for p in phrases),
            # "on the 26th": a day of the month told before (not "the 5th anniversary", "the 21st century")
            r"(?<=\bon )the [0-3]?\d(?:st|nd|rd|th)(?![ -](?:of\b|century|anniversar|floor|round|grade|time|day))"]
    return re.compile(r"\b(?:" + "|".join(alts) + r")\b", re.I)


def _time_frame(source: Source) -> tuple[PartialDate | None, PartialDate | None]:
    """The publication date relative expressions may use, and the date year-less ones may use.

    Only a dateline or metadata says when a report was published. A date guessed from the
    content is a lower bound: resolving "on Friday" against it would invent dates. Year-less
    dates ("on 17 August") then take the year of the latest date the text writes in full, as
    reports name the current year's days without it. A publication date earlier than a date
    the text writes in full is a caption's or a reprint's, and is not used either.
    """
    stated = _en().explicit_dates(source.text)
    latest = max(stated, key=lambda d: d.latest() or date.min, default=None)
    pub = _en().published_date(source.published) if source.published_basis in ("dateline", "metadata") else None
    if pub is not None and latest is not None:
        lp, ll = pub.latest(), PartialDate(latest.year, latest.month or 1, latest.day or 1).latest()
        if lp is not None and ll is not None and ll > lp:
            pub = None
    return pub, pub or latest


def _is_end(s: Span) -> bool:
    """A date told as the end of a period: "until December 5", "till 5 April", "through May"."""
    before = s.doc[s.start - 1].lower_ if s.start > 0 else ""
    return before in _END_WORDS or s[0].lower_ in _END_WORDS


def _sentences(doc: Doc) -> list[Span]:
    """The parser's sentences, rejoined where it cut one short: a sentence that ends without
    closing punctuation and goes on in the same line was split at a word it did not know
    ("fined the blogger Denis | Ospanov 150,000 tenge on ...")."""
    out: list[Span] = []
    for sent in doc.sents:
        if out and _cut_short(out[-1], sent):
            out[-1] = doc[out[-1].start:sent.end]
        else:
            out.append(sent)
    return out


def _cut_short(prev: Span, nxt: Span) -> bool:
    last = prev[-1]
    if last.is_punct or last.is_space or last.text[-1:] in ".!?:;\"'”’)":
        return False
    gap = prev.doc.text[last.idx:nxt.start_char]
    return "\n" not in gap and not nxt[0].is_space
