"""Time expressions in any language, over a spaCy `Doc`, resolved to `PartialDate`s.

Where: the words of a language's time expressions are data (resources/<code>/dates.yaml:
months in their forms, weekdays, parts of a month, seasons, prepositions, end markers,
relative and anaphoric phrases; numbers.yaml: number words), found in a document with
spaCy's PhraseMatcher (on lemmas where the language writes them so: one Russian lemma
matches every case), with numbers and dates in digits found by their form and shape
(`wordclasses.WordClasses`). The shapes they make ("day month year?", "prep month", a
weekday, a relative or anaphoric phrase, ...) are data too, the same for every language
(resources/times.yaml), matched over those word classes (`wordclasses.Shapes`). A pipeline
that tags time expressions itself (an English model's DATE entities) adds its entities
where no shape matched (`entity_labels`). No dependency parse is needed.

What: each match is read from the classes of its words by the same neutral code for every
language. What a date means depends on when the report was written (`TimeFrame`), and on
what the text told before ("the next day"); nothing the text does not support is invented:
* a weekday ("on Friday") needs a publication date to the day; "last Friday" is a week
  earlier when the report is of a Friday;
* a day or month without a year takes the nearest such day not after publication, else the
  year the text lets one infer (`year_base`, or the one year its full dates state), else it
  stays year-less ("--03-11") for consolidation to date by the act it matches;
* a relative phrase ("last month", "в прошлом месяце") counts from the publication date;
  a relative year ("last year", "прошлого года") also from the year the report was written
  in when only that is known;
* an anaphoric phrase ("the next day", "на следующий день", "two days later", "on the 26th")
  counts from the last date told, in its sentence or the two before;
* the end of a period ("until July 5", "до 25 июня") without a year is the first such day
  after the date its sentence tells before it, else the one nearest the publication date;
* "July 2, 2024 marks the second anniversary of ..." dates what it is the anniversary of.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from casefile.core.dates import PartialDate, infer_year, parse_iso, shift_days
from casefile.model import Source
from casefile.read.amounts import find_durations, numbers
from casefile.read.grammar import text_of
from casefile.read.language import Language
from casefile.read.wordclasses import (
    Extent,
    Item,
    Lattice,
    PerLanguage,
    Phrases,
    Shapes,
    WordClasses,
    key,
    match_attr,
    phrases,
)
from casefile.resources import load

FIRST_YEAR, LAST_YEAR = 1800, 2099
DASHES = ("-", "–", "—")
ANCHOR_SENTENCES = 2  # an anaphoric phrase counts from a date at most this many sentences back
DATE_LINE_WORDS = 3  # words besides its date a page's opening date line may have ("– Country –")
COMING_DAYS = 31  # a day without a year this soon after publication is coming, not last year's
# the classes a shape is looked for from, rarest first (see wordclasses.Shapes)
KEY_CLASSES = ("numeric", "month", "weekday", "year", "ordinal", "day_range", "anaphoric", "vague", "relative", "rel_year",
               "counted_unit", "season", "part")
_NUMERIC = re.compile(r"(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})\.?")
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_RANGE = re.compile(r"(\d{1,2})[-–—](\d{1,2})")
_HYPHENED = re.compile(r"([^\W\d_]+)[-–](\d{4})")


@dataclass(frozen=True)
class TimeFrame:
    """What a document's relative and year-less expressions count from."""

    published: PartialDate | None  # trusted publication date (dateline/metadata) or None
    year_base: PartialDate | None  # for year-less dates when the publication date is unknown
    doc_years: frozenset[int] = frozenset()  # years the text states inside full dates
    own_year: int | None = None  # the year the report was written in, when only that is known
    # the day weekdays count from when the publication date is known only to its month: the
    # latest full date the report writes in that month (a caption's "May 3, 2022")
    day_anchor: PartialDate | None = None


@dataclass(frozen=True)
class TimeExpr(Extent):
    value: PartialDate | None  # what it names, at the precision the text supports
    is_end: bool = False  # the end of a period ("until July 5", "до 5 декабря")
    is_duration: bool = False  # a length of time ("for two months"), value None
    # date, year, weekday, relative, anaphoric, day_of_month, entity, duration; header: the page's
    # own date line ("Published 3 May 2021"), when it appeared rather than when anything happened
    kind: str = "date"
    has_year: bool = False  # the year is written (or counted from the day of writing), not inferred
    last: PartialDate | None = None  # the last day of a range ("10-12 May")
    duration: str | None = None  # the ISO 8601 length of a duration

    def span(self, doc: Doc, label: str = "DATE") -> Span:
        return Span(doc, self.start, self.end, label=label)


# --------------------------------------------------------------------------- the language's words


@dataclass
class Words:
    attr: str
    preps: set[str]
    end_phrases: Phrases[bool]
    day_suffixes: list[str]
    slash_order: str
    unless_genitive: set[tuple[str, ...]]
    ordinal_not_before: set[str]
    entity_labels: set[str]
    anniversary_words: set[str]
    ordinal_words: dict[str, int]
    header_words: set[str]
    classes: WordClasses
    shapes: Shapes
    halves: Phrases[bool]
    ago: Phrases[bool]


def _lower(items: Any) -> set[str]:
    return {str(x).lower() for x in items or []}


def _build(lang: Language, vocab: Vocab) -> Words:
    d = lang.lex("dates")
    attr = match_attr(d)
    nums = numbers(lang)
    counted = d.get("counted_days") or {}
    ordinal = d.get("day_of_month") or {}
    anniversary = d.get("anniversary") or {}
    suffixes = [str(x).lower() for x in d.get("day_suffixes") or []]
    wc = WordClasses(vocab)
    # the words of the language, by class, each with its value
    wc.words("month", attr, ((f, int(m)) for m, forms in (d.get("months") or {}).items() for f in forms or []))
    wc.words("weekday", attr, ((f, int(n)) for n, forms in (d.get("weekdays") or {}).items() for f in forms or []))
    wc.words("day_word", attr, ((f, int(n)) for n, forms in (d.get("day_words") or {}).items() for f in forms or []))
    for cls, name in (("season", "seasons"), ("part", "month_parts"), ("filler", "fillers"),
                      ("prep", "prepositions"), ("link", "range_links"), ("last", "last"),
                      ("year_word", "year_words"), ("year_det", "year_determiners"), ("ordinal_prep", None)):
        found = (ordinal.get("prepositions") if name is None else d.get(name)) or []
        wc.words(cls, attr, ((f, True) for f in found))
    relative = {str(p): (str(v[0]), int(v[1])) for p, v in (d.get("relative") or {}).items()}
    wc.words("relative", attr, relative.items())
    wc.words("rel_year", attr, ((p, v) for p, v in relative.items() if v[0] == "year"))
    wc.words("same_year", attr, ((p, True) for p in d.get("same_year") or []))
    wc.words("anaphoric", attr, ((p, int(v)) for p, v in (d.get("anaphoric") or {}).items()))
    wc.words("vague", attr, ((p, True) for p in d.get("vague_anaphoric") or []))
    units = counted.get("units") or {}
    # a unit's length in days ("day": 1; "hour": 0, the same day); a bare list: days
    wc.words("counted_unit", attr, ((str(f), int(v)) for f, v in (
        units.items() if isinstance(units, dict) else ((u, 1) for u in units))))
    wc.words("counted_after", attr, ((f, int(v)) for f, v in (counted.get("after") or {}).items()))
    wc.words("counted_before", attr, ((f, int(v)) for f, v in (counted.get("before") or {}).items()))
    wc.words("count", nums.attr, ((f, v) for f, v in nums.numerals.items() if v.is_integer() and 1 <= v <= 99))
    # numbers, dates in digits and punctuation, by their form or shape ("9," is a day with a comma
    # a tokenizer kept on it)
    days = [(str(n), n) for n in range(1, 32)] + [(f"{n:02d}", n) for n in range(1, 10)]
    wc.forms("day", "LOWER", [*days, *((f + ",", n) for f, n in days)])
    wc.forms("ordinal", "LOWER", ((f"{n}{x}", n) for n in range(1, 32) for x in suffixes))
    wc.forms("day", "LOWER", ((f"{n}{x}", n) for n in range(1, 32) for x in suffixes))
    wc.forms("count", "LOWER", ((str(n), n) for n in range(1, 100)))
    year_tails = ["", ",", *(str(x).lower() for x in d.get("year_suffixes") or [])]
    wc.forms("year", "LOWER", ((f"{y}{tail}", y) for y in range(FIRST_YEAR, LAST_YEAR + 1) for tail in year_tails))
    wc.forms("numeric", "SHAPE", ((sh, True) for sh in _numeric_shapes()))
    wc.forms("day_range", "SHAPE", ((f"{a}{x}{b}", True) for a in ("d", "dd") for b in ("d", "dd") for x in DASHES))
    wc.forms("short", "SHAPE", (("d", True), ("dd", True)))
    wc.forms("comma", "ORTH", ((",", True),))
    wc.forms("dash", "ORTH", ((x, True) for x in DASHES))
    shapes = Shapes(KEY_CLASSES)
    for kind, texts in (load("times.yaml").get("shapes") or {}).items():
        for text in texts:
            shapes.add(kind, str(text))
    # the language's one lexicon of the ends of periods (resources/<code>/end_markers.yaml),
    # shared with ingest: a marker, or a marker and a filler ("until at least")
    ends = lang.lex("end_markers")
    markers = [str(m).lower() for m in ends.get("markers") or []]
    fillers = [str(f).lower() for f in ends.get("fillers") or []]
    wc.words("prep", "LOWER", ((w, True) for m in markers for w in m.split()))
    return Words(
        attr=attr, preps=_lower(d.get("prepositions")) | {w for m in markers for w in m.split()},
        end_phrases=phrases("LOWER", ((p, True) for p in [*markers, *(f"{m} {f}" for m in markers for f in fillers)])),
        day_suffixes=suffixes, slash_order=str(d.get("slash_order") or "DMY").upper(),
        unless_genitive={tuple(str(p).lower().split()) for p in d.get("anaphoric_unless_genitive") or []},
        ordinal_not_before=_lower(ordinal.get("not_before")),
        entity_labels={str(x) for x in d.get("entity_labels") or []}, header_words=_lower(d.get("header_words")),
        anniversary_words=_lower(anniversary.get("words")),
        ordinal_words={str(k).lower(): int(v) for k, v in (anniversary.get("ordinals") or {}).items()},
        classes=wc, shapes=shapes, halves=nums.halves,
        ago=phrases(attr, ((p, True) for p in d.get("ago") or [])),
    )


words_of = PerLanguage(_build)


def _numeric_shapes() -> list[str]:
    out = ["dddd-dd-dd", "dddd-d-d", "dddd-dd-d", "dddd-d-dd"]
    for a, b, y, sep, tail in itertools.product(("d", "dd"), ("d", "dd"), ("dd", "dddd"), "./-", ("", ".")):
        out.append(f"{a}{sep}{b}{sep}{y}{tail}")
    return out


# --------------------------------------------------------------------------- reading a span


@dataclass(frozen=True)
class Atom:
    kind: str  # a word class (month, day, year, relative, ...) or a number read from a token
    value: Any
    i: int


def _path_atoms(doc: Doc, path: tuple[Item, ...]) -> list[Atom]:
    out = []
    for it in path:
        if it.cls == "day_range":
            m = _RANGE.fullmatch(doc[it.start].text)
            if m:
                out.append(Atom("range", (int(m.group(1)), int(m.group(2))), it.start))
        else:  # a relative phrase counted in years is one more relative phrase; a day in words a day
            kind = {"rel_year": "relative", "day_word": "day"}.get(it.cls, it.cls)
            out.append(Atom(kind, it.value, it.start))
    return out


def _span_atoms(doc: Doc, s: int, e: int, lattice: Lattice, w: Words) -> list[Atom]:
    """The classes of a span no shape matched (an entity the pipeline tagged): at each token
    the longest item, and parts of hyphened words ("mid-2020")."""
    out: list[Atom] = []
    i = s
    while i < e:
        # (an ordinal word is a day only in a shape: "the first week of May" names none)
        items = [it for it in lattice.get(i, ()) if it.end <= e and it.cls != "day_word"]
        if items:
            longest = max(it.end for it in items)
            out += _path_atoms(doc, tuple(it for it in items if it.end == longest))
            i = longest
            continue
        hy = _HYPHENED.fullmatch(doc[i].lower_)
        if hy:
            word, year = hy.group(1), int(hy.group(2))
            probe = parse_words(doc.vocab, word, w)
            if probe in ("part", "season") and FIRST_YEAR <= year <= LAST_YEAR:
                out += [Atom(probe, True, i), Atom("year", year, i)]
        i += 1
    return out


def parse_words(vocab: Vocab, word: str, w: Words) -> str | None:
    """The class of a lone word outside a document's tokens ("mid" of "mid-2020")."""
    doc = Doc(vocab, words=[word], lemmas=[word])
    found = [it.cls for it in w.classes(doc).get(0, ())]
    return found[0] if found else None


def _numeric(text: str, slash_order: str) -> PartialDate | None:
    """"14.03.2022", "5/3/2021", "2019-08-17" (a date in digits, always with its year)."""
    t = re.sub(r"\s+", "", text)
    m = _ISO.fullmatch(t)
    if m:
        return _valid(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = _NUMERIC.fullmatch(t)
    if not m:
        return None
    a, b, y = int(m.group(1)), int(m.group(3)), int(m.group(4))
    if len(m.group(4)) == 2:
        y += 2000
    # dots are day first; slashes and hyphens as the language writes them, unless a part is no month
    mdy = m.group(2) != "." and slash_order == "MDY"
    day, month = (b, a) if (mdy and a <= 12) or a > 31 else (a, b)
    if month > 12 and day <= 12:
        day, month = month, day
    return _valid(y, month, day)


def _valid(year: int | None, month: int, day: int | None) -> PartialDate | None:
    if not 1 <= month <= 12:
        return None
    if day is not None:
        try:
            date(year or 2000, month, day)  # a leap year stands in for an unknown one
        except ValueError:
            return None
    return PartialDate(year, month, day)


# --------------------------------------------------------------------------- candidates


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    kind: str
    atoms: tuple[Atom, ...]
    numeric: PartialDate | None  # a date written in digits
    header: bool  # in the page's own date line


def _candidates(doc: Doc, lang: Language) -> list[Candidate]:
    cache_key = f"casefile.times.{lang.code}"
    got = doc.user_data.get(cache_key)
    if got is not None:
        return got  # type: ignore[no-any-return]
    w = words_of(lang, doc.vocab)
    lattice = w.classes(doc)
    order = {k: n for n, k in enumerate(w.shapes.kinds)}
    found = [(path[0].start, path[-1].end, kind, path) for kind, path in w.shapes(lattice)]
    # the match with the most words of its own (a preposition before it is context), then the
    # longest, then the one of the kind listed first in times.yaml
    found.sort(key=lambda x: (-(x[1] - _content_start(doc, x[0], x[1], x[2], w, x[3])), -(x[1] - x[0]),
                              order.get(x[2], 99), x[0]))
    taken = [False] * (len(doc) + 1)
    chosen: list[tuple[int, int, str, tuple[Item, ...] | None]] = []
    for s, e, kind, match in found:
        if any(taken[s:e]):
            continue
        if kind == "day_of_month" and e < len(doc) and key(doc[e], w.attr) in w.ordinal_not_before:
            continue  # "on the 21st century"
        for k in range(s, e):
            taken[k] = True
        chosen.append((s, e, kind, match))
    if w.entity_labels and doc.has_annotation("ENT_IOB"):
        for ent in doc.ents:
            if ent.label_ in w.entity_labels and not any(taken[ent.start:ent.end]):
                chosen.append((ent.start, ent.end, "entity", None))
    header_end = _header_end(doc, chosen, w)
    out: list[Candidate] = []
    for s, e, kind, path in sorted(chosen, key=lambda x: x[0]):
        atoms = _path_atoms(doc, path) if path is not None else _span_atoms(doc, s, e, lattice, w)
        numeric = _numeric(doc[s:e].text, w.slash_order) if kind in ("date", "entity") else None
        out.append(Candidate(_content_start(doc, s, e, kind, w, path), _content_end(doc, s, e), kind, tuple(atoms),
                             numeric, doc[s].idx < header_end))
    doc.user_data[cache_key] = out
    return out


def _content_end(doc: Doc, s: int, e: int) -> int:
    """Where a match ends without a comma after it ("3 апреля," of "3 апреля, а ...")."""
    while e > s + 1 and doc[e - 1].is_punct:
        e -= 1
    return e


def _content_start(doc: Doc, s: int, e: int, kind: str, w: Words, path: tuple[Item, ...] | None) -> int:
    """Where a match starts without the preposition before it ("in May", "until at least July 5",
    "до 25 июня": context)."""
    if kind in ("relative", "anaphoric"):
        return s
    if path is not None:
        lead = [it for it in path if it.cls in ("prep", "ordinal_prep", "comma", "year_det")]
        firsts = [it for it in path if it not in lead]
        return min(it.start for it in firsts) if firsts else s
    while s < e - 1 and (doc[s].is_punct or key(doc[s], w.attr) in w.preps):
        s += 1
    return s


def _header_end(doc: Doc, chosen: list[tuple[int, int, str, Any]], w: Words) -> int:
    """Where the page's own date ends, when the text opens with it ("Published 2021-05-03 ..."),
    or 0."""
    first = next((t for t in doc if not t.is_space), None)
    if first is None:
        return 0
    nl = text_of(doc).find("\n", first.idx)
    line_end = len(text_of(doc)) if nl < 0 else nl
    if key(first, w.attr) not in w.header_words and first.lower_ not in w.header_words:
        # a first line that is a date and a few words, no clause ("April 17, 2025 – Country –")
        opens = next((e for s, e, kind, _ in chosen if s == first.i and kind == "date"), None)
        if opens is None:
            return 0
        line: list[Token] = []
        for t in doc[first.i:]:
            if t.idx >= line_end or len(line) - (opens - first.i) > DATE_LINE_WORDS:
                break
            if not t.is_punct and not t.is_space:
                line.append(t)
        ends = text_of(doc)[first.idx:line_end].rstrip()[-1:]
        if len(line) - (opens - first.i) > DATE_LINE_WORDS or ends in (".", "!", "?") or any(
                t.pos_ in ("VERB", "AUX") for t in line):
            return 0  # (a sentence that opens with its date is no date line)
        return doc[opens - 1].idx + len(doc[opens - 1].text)
    for s, e, kind, _ in sorted(chosen, key=lambda x: x[0]):
        if doc[s].idx >= line_end:
            break
        if kind in ("date", "entity"):
            return doc[e - 1].idx + len(doc[e - 1].text)
    return 0


def _stated(c: Candidate) -> PartialDate | None:
    """A month the text writes with its year ("10 March 2019", "March 2019", "14.03.2022"), as
    read alone."""
    if c.numeric is not None:
        return c.numeric
    months = [a.value for a in c.atoms if a.kind == "month"]
    years = [a.value for a in c.atoms if a.kind == "year"]
    if not months or not years:
        return None
    days = [a.value for a in c.atoms if a.kind in ("day", "ordinal")]
    return _valid(years[0], months[0], days[0] if days else None)


# --------------------------------------------------------------------------- the frame


def time_frame(source: Source, lang: Language, doc: Doc | None = None) -> TimeFrame:
    """What the document's expressions count from.

    Only a dateline or metadata says when a report was published; a publication date earlier
    than a date the text writes in full is a caption's or a reprint's, and is not used. A date
    estimated from the content (`published_basis` "content") is a floor, not the day of
    writing: it gives year-less dates their year, not weekdays. Without it, year-less dates take
    the year of the latest date the text writes in full (reports name the current year's days
    without it). A publication date known only to its month lends weekdays the latest full
    date the text writes in that month (a caption's date is the day of what the report tells)."""
    if doc is None:
        from casefile.read.parse import parse

        doc = parse(lang.code, source.text)
    w = words_of(lang, doc.vocab)
    cands = _candidates(doc, lang)
    stated = [d for c in cands if not c.header and not _is_end(doc, c, w) and (d := _stated(c)) is not None]
    latest = max(stated, key=_first_day, default=None)
    # a date given with no basis (by a caller, not by ingest) is taken as given; a date found in
    # the content to the day is the day of writing ("today, 25 December", "exactly a year ago, on
    # 12 June"), where one to the month is the latest the text names, a floor
    pub = parse_iso(source.published)
    if source.published_basis == "content" and (pub is None or pub.precision != "day"):
        pub = None
    if pub is not None and pub.year is not None and latest is not None and _first_day(latest) > (pub.latest() or date.min):
        pub = None
    # the page's own date line ("Published 3 May 2021") gives the year of the rest
    own_line = [d for c in cands if c.header and (d := c.numeric or _stated(c)) is not None]
    latest = max([*stated, *own_line], key=_first_day, default=None)
    content = parse_iso(source.published) if source.published_basis == "content" else None
    if content is not None and content.year is None:
        content = None
    # a content estimate is the latest date the report names: its days fall on or before it
    year_base = pub or (PartialDate(content.year, content.month) if content else None) or latest
    own = pub.year if pub is not None else content.year if content is not None else None
    anchor = None
    if pub is not None and pub.precision == "month":
        anchor = max((d for d in stated if d.day and (d.year, d.month) == (pub.year, pub.month)),
                     key=_first_day, default=None)
    return TimeFrame(published=pub, year_base=year_base, doc_years=frozenset(d.year for d in stated if d.year),
                     own_year=own, day_anchor=anchor)


def _first_day(d: PartialDate) -> date:
    return date(d.year or 1, d.month or 1, d.day or 1)


def _is_end(doc: Doc, c: Candidate, w: Words) -> bool:
    """"until July 5", "до 25 июня", "до понедельника, 23 октября" (a weekday before the date)."""
    j = c.start
    while j > 0 and doc[j - 1].is_space:
        j -= 1
    return w.end_phrases.ending_at(doc, j, max(0, j - 4)) is not None


# --------------------------------------------------------------------------- resolving


@dataclass
class _Reader:
    doc: Doc
    w: Words
    frame: TimeFrame
    sent_of: list[int]  # each token's sentence
    anchor: tuple[PartialDate, int] | None = None  # the last date told, and its sentence

    def sentence(self, i: int) -> int:
        return self.sent_of[i] if i < len(self.sent_of) else 0

    def read(self, c: Candidate, is_end: bool) -> tuple[PartialDate | None, bool, PartialDate | None]:
        """(value, whether its year is stated, last day of a range)."""
        atoms = c.atoms
        kinds = {a.kind for a in atoms}
        if c.numeric is not None:
            return c.numeric, True, None
        if "month" in kinds:
            return self._date(c, atoms, is_end)
        if c.kind == "day_of_month" or (kinds == {"ordinal"} and c.kind == "entity"):
            day = next(a.value for a in atoms if a.kind == "ordinal")
            return self._day_of_anchor_month(day, c.start), False, None
        if c.kind == "anaphoric":
            return self._anaphoric(c, atoms), False, None
        years = [a.value for a in atoms if a.kind == "year"]
        if years:
            return PartialDate(years[0]), True, None
        if "same_year" in kinds:  # "later that year", "в конце того же года"
            told = self._told_before(c.start)
            return (PartialDate(told.year) if told is not None and told.year is not None else None), False, None
        rel = next((a.value for a in atoms if a.kind == "relative"), None)
        if rel is not None:
            unit, offset = rel
            if kinds & {"part", "season"} and unit != "year":
                return None, False, None
            return self._relative(unit, offset), True, None
        weekday = next((a.value for a in atoms if a.kind == "weekday"), None)
        if weekday is not None and c.kind in ("weekday", "entity"):
            return self._weekday(weekday, "last" in kinds), True, None
        if "anaphoric" in kinds:
            return self._anaphoric(c, atoms), False, None
        return None, False, None

    # -- calendar dates

    def _date(self, c: Candidate, atoms: tuple[Atom, ...],
              is_end: bool) -> tuple[PartialDate | None, bool, PartialDate | None]:
        months = [a.value for a in atoms if a.kind == "month"]
        month = months[0]
        days = [a.value for a in atoms if a.kind in ("day", "ordinal")]
        for a in atoms:
            if a.kind == "range":
                days = list(a.value)
        day = days[0] if days else None
        last_day = days[-1] if len(days) > 1 else None
        years = [a.value for a in atoms if a.kind == "year"]
        if any(a.kind == "same_year" for a in atoms):  # "in November that year": the year told before
            told = self._told_before(c.start)
            if told is None or told.year is None:
                return None, False, None
            years = [told.year]
        rel = next((a.value for a in atoms if a.kind == "relative" and a.value[0] == "year"), None)
        stated = bool(years) or rel is not None
        own = self._own_year()
        if years:
            year: int | None = years[0]
        elif rel is not None and own is not None:
            year = own + rel[1]
        elif rel is not None and rel[1] != 0:
            return None, False, None  # counted from a year the report does not give
        elif rel is not None:  # "в конце апреля этого года": the report's own year, as a date without one
            year, stated = self._year_of(month, day, is_end, c.start), False
        else:
            year = self._year_of(month, day, is_end, c.start)
        value = _valid(year, month, day)
        if value is None:
            return None, False, None
        last = _valid(year, month, last_day) if last_day and last_day > (day or 0) else None
        if len(months) > 1 and day is None and months[-1] > month:  # "from March to May 2021"
            last = _valid(year, months[-1], None)
        return value, stated, last

    def _own_year(self) -> int | None:
        f = self.frame
        return f.published.year if f.published is not None and f.published.year else f.own_year

    def _year_of(self, month: int, day: int | None, is_end: bool, at: int) -> int | None:
        f = self.frame
        if is_end:
            return self._end_year(month, day, at)
        if f.published is not None and f.published.year is not None:
            return self._past_or_coming(month, day, f.published)
        if f.year_base is not None and f.year_base.year is not None:
            if f.published is None and f.year_base.month is not None and f.year_base.day is None \
                    and f.own_year is not None:
                # an estimate from the content, to its month: the latest date the report names,
                # so a day after it in that year is the year before's
                return infer_year(month, day, f.year_base) or f.year_base.year
            return f.year_base.year  # a floor, not a publication date: the latest year the text writes
        return next(iter(f.doc_years)) if len(f.doc_years) == 1 else None

    @staticmethod
    def _past_or_coming(month: int, day: int | None, pub: PartialDate) -> int | None:
        """A day or month without a year: the nearest such one not after publication, unless a
        day comes within a few weeks after it (a hearing set "for July 27" in a report of July 1)."""
        year = infer_year(month, day, pub)
        latest = pub.latest()
        if year is None or latest is None or year == pub.year or pub.month is None or day is None:
            return year
        coming = _valid(pub.year, month, day)
        if coming is not None and 0 < (_first_day(coming) - latest).days <= COMING_DAYS:
            return pub.year
        return year

    def _end_year(self, month: int, day: int | None, at: int) -> int | None:
        """The year of a period's end: the first such day after the date its sentence tells
        before it ("detained on 3 March and remanded until 5 May"), else the one nearest the
        publication date (a term's end may be just before the report or just after it)."""
        f = self.frame
        told = self._sentence_anchor(at)
        if told is not None and told.year is not None:
            first = _first_day(told)
            year = told.year
            if (month, day or 31) < (first.month, first.day if told.day else 1):
                year += 1
            return year
        pub = f.published
        if pub is not None and pub.year is not None:
            p = _first_day(pub) if pub.day else date(pub.year, pub.month or 7, 15)
            options = [y for y in (pub.year - 1, pub.year, pub.year + 1) if _valid(y, month, day) is not None]
            return min(options, key=lambda y: abs((date(y, month, day or 15) - p).days), default=None)
        if f.year_base is not None and f.year_base.year is not None:
            return f.year_base.year
        return next(iter(f.doc_years)) if len(f.doc_years) == 1 else None

    def _sentence_anchor(self, at: int) -> PartialDate | None:
        if self.anchor is None:
            return None
        value, sent = self.anchor
        return value if sent == self.sentence(at) and value.year is not None else None

    # -- counted from the day of writing

    def _relative(self, unit: str, offset: int) -> PartialDate | None:
        pub = self.frame.published
        if unit == "year":
            year = self._own_year()
            return PartialDate(year + offset) if year is not None else None
        if pub is None or pub.year is None or pub.month is None:
            return None
        if unit == "month":
            month = pub.month + offset
            return PartialDate(pub.year + (month - 1) // 12, (month - 1) % 12 + 1)
        if pub.day is None:
            return None
        p = date(pub.year, pub.month, pub.day)
        if unit == "day":
            d = p + timedelta(days=offset)
            return PartialDate(d.year, d.month, d.day)
        # a week: its month when the whole (past part of the) week lies in one month
        start = p - timedelta(days=p.weekday()) + timedelta(weeks=offset)
        end = p if offset == 0 else start + timedelta(days=6)
        if (start.year, start.month) == (end.year, end.month):
            return PartialDate(start.year, start.month)
        return PartialDate(start.year) if start.year == end.year else None

    def back(self, duration: str) -> PartialDate | None:
        """The date a length of time before the day of writing, at the precision of its smallest
        unit ("two years ago": a year; "three months ago": a month; "a week ago": a day)."""
        parts = {u: float(v) for v, u in re.findall(r"(\d+(?:\.\d+)?)([YMWD])", duration)}
        if any(not v.is_integer() for v in parts.values()):
            return None
        years, months, days = int(parts.get("Y", 0)), int(parts.get("M", 0)), int(parts.get("D", 0))
        pub = self.frame.published
        if not months and not days:
            own = self._own_year()
            return PartialDate(own - years) if own is not None else None
        if pub is None or pub.year is None or pub.month is None:
            return None
        if not days:
            total = pub.year * 12 + pub.month - 1 - years * 12 - months
            return PartialDate(total // 12, total % 12 + 1)
        if pub.day is None or years or months:
            return None
        d = date(pub.year, pub.month, pub.day) - timedelta(days=days)
        return PartialDate(d.year, d.month, d.day)

    def _weekday(self, weekday: int, last: bool) -> PartialDate | None:
        pub = self.frame.published
        if pub is None or pub.precision != "day":
            pub = self.frame.day_anchor
        if pub is None or pub.precision != "day":
            return None
        p = pub.latest()
        assert p is not None
        back = (p.weekday() - weekday) % 7 or (7 if last else 0)
        d = p - timedelta(days=back)
        return PartialDate(d.year, d.month, d.day)

    # -- counted from the date told before

    def _told_before(self, at: int) -> PartialDate | None:
        if self.anchor is None:
            return None
        value, sent = self.anchor
        return value if self.sentence(at) - sent <= ANCHOR_SENTENCES else None

    def _anaphoric(self, c: Candidate, atoms: tuple[Atom, ...]) -> PartialDate | None:
        if any(a.kind == "vague" for a in atoms):
            return None  # "days later", "вскоре": after the time told before, by how much is not said
        offset = next((a.value for a in atoms if a.kind == "anaphoric"), None)
        if offset is None:
            count = next((a.value for a in atoms if a.kind == "count"), None)
            way = next((a.value for a in atoms if a.kind in ("counted_after", "counted_before")), None)
            unit = next((a.value for a in atoms if a.kind == "counted_unit"), 1)
            if count is None or way is None or not float(count).is_integer():
                return None
            offset = int(count) * way * int(unit)
        elif self._unless_genitive(c):
            return None
        a = self._told_before(c.start)
        if a is None or offset == 0:
            return a
        # "March 10 ... the next day": a year-less day stays year-less for consolidation to complete
        return shift_days(a, offset)

    def _unless_genitive(self, c: Candidate) -> bool:
        """"накануне суда": the day before an event named after it, not before a date told."""
        phrase = tuple(key(self.doc[k], self.w.attr) for k in range(c.start, c.end))
        if phrase not in self.w.unless_genitive:
            return False
        # the next word of content, past a possessive ("накануне его дня рождения")
        nxt = next((t for t in self.doc[c.end:c.end + 4] if not t.is_space and t.pos_ not in ("DET", "PRON")), None)
        return nxt is not None and nxt.pos_ in ("NOUN", "PROPN", "ADJ", "NUM") and "Gen" in nxt.morph.get("Case", [])

    def _day_of_anchor_month(self, day: int, at: int) -> PartialDate | None:
        """"On October 18 she was detained. On the 26th she was charged": a day of the month
        last told, or of the next month when the day is before the one told."""
        a = self._told_before(at)
        if a is None or a.month is None or not 1 <= day <= 31:
            return None
        year, month = a.year, a.month
        if a.day is not None and day < a.day:
            year, month = (year + 1 if year is not None else None, 1) if month == 12 else (year, month + 1)
        return _valid(year, month, day)


def find_times(doc: Doc, lang: Language, frame: TimeFrame) -> list[TimeExpr]:
    """Every time expression of the document in order, resolved against `frame`."""
    w = words_of(lang, doc.vocab)
    starts = doc.to_array("SENT_START").tolist() if doc.has_annotation("SENT_START") else []
    reader = _Reader(doc, w, frame, list(itertools.accumulate(1 if x == 1 else 0 for x in starts)))
    out: list[TimeExpr] = []
    for c in _candidates(doc, lang):
        if c.header:  # the page's own date line: when it appeared, not when anything happened
            end_tok = doc[c.end - 1]
            value = c.numeric or _stated(c)
            out.append(TimeExpr(c.start, c.end, doc[c.start].idx, end_tok.idx + len(end_tok.text.rstrip(",")),
                                value, kind="header", has_year=value is not None))
            continue
        is_end = _is_end(doc, c, w)
        value, stated, last = reader.read(c, is_end)
        if c.kind == "entity" and value is None:
            continue
        if c.kind == "relative" and w.halves.at(doc, c.end) is not None:
            continue  # "the last year and a half": a length of time
        years = _anniversary(doc, c.end, w)
        if value is not None and years is not None:
            # "July 2, 2024 marks the second anniversary of his detention": the date of what it is
            # the anniversary of (its day and month, in an unknown year when the count is not told)
            value = value.with_year(value.year - years) if years and value.year else PartialDate(
                None, value.month, value.day) if value.month else None
            stated = False
        # (a year on a noun, "the 1999 Penal Code", "her 2020 arrest", names that thing's year: not
        # the story's time a later "the next day" counts from)
        if value is not None and not is_end and (value.year is not None or value.day is not None) \
                and not any(a.kind == "year_det" for a in c.atoms):
            reader.anchor = (value, reader.sentence(c.start))
        end_tok = doc[c.end - 1]
        # (a tokenizer may keep a comma on a number: "2022," is not part of the date)
        end_char = end_tok.idx + len(end_tok.text.rstrip(",") or end_tok.text)
        out.append(TimeExpr(c.start, c.end, doc[c.start].idx, end_char, value,
                            is_end=is_end, kind=c.kind, has_year=stated, last=last))
    taken = {k for t in out for k in range(t.start, t.end)}
    for q in find_durations(doc, lang):
        if not q.duration or taken & set(range(q.start, q.end)):
            continue
        ago = w.ago.at(doc, q.end) if q.bound == "elapsed" else None
        if ago is not None:  # "two years ago", "неделю назад": counted back from the day of writing
            end_tok = doc[ago[1] - 1]
            out.append(TimeExpr(q.start, ago[1], q.start_char, end_tok.idx + len(end_tok.text),
                                reader.back(q.duration), kind="relative", has_year=True))
            continue
        out.append(TimeExpr(q.start, q.end, q.start_char, q.end_char, None, is_duration=True, kind="duration",
                            duration=q.duration))
    return _apposed_years(doc, sorted(out, key=lambda t: t.start), w)


def _apposed_years(doc: Doc, found: list[TimeExpr], w: Words) -> list[TimeExpr]:
    """A date written right after one counted back from the writing says the same, closer: "a
    year ago, on 28 June", "год назад — 28 июня". It takes that year when it has none, and
    stands for both."""
    out = list(found)
    dropped: set[int] = set()
    for k in range(1, len(out)):
        r, d = out[k - 1], out[k]
        if r.kind != "relative" or d.kind != "date" or d.value is None or d.value.month is None:
            continue
        between = doc[r.end:d.start]
        if len(between) > 3 or not all(t.is_punct or t.is_space or key(t, w.attr) in w.preps for t in between):
            continue
        dropped.add(k - 1)
        if r.value is not None and r.value.year is not None and not d.has_year:
            value = _valid(r.value.year, d.value.month, d.value.day)
            if value is not None and (r.value.month is None or r.value.month == value.month):
                out[k] = replace(d, value=value, has_year=True)
    return [t for k, t in enumerate(out) if k not in dropped]


def _anniversary(doc: Doc, end: int, w: Words) -> int | None:
    """The years counted in an anniversary written just after a date ("... marks the second
    anniversary of ..."): 0 when not counted ("the anniversary of"), None when there is none."""
    stop = min(len(doc), end + 5)
    for k in range(end, stop):
        t = doc[k]
        if k > end and t.is_sent_start:
            return None
        if key(t, w.attr) in w.anniversary_words or t.lower_ in w.anniversary_words:
            if k > end:
                before = doc[k - 1]
                n = w.ordinal_words.get(key(before, w.attr), w.ordinal_words.get(before.lower_))
                if n is None:
                    m = re.fullmatch(r"(\d{1,2})\D*", before.lower_)
                    n = int(m.group(1)) if m and before.lower_ != m.group(1) else None
                return n or 0
            return 0
    return None


def end_after(end: PartialDate, start: PartialDate | None) -> PartialDate:
    """A term's end written without a year is the first such day after the act ("until July 5"),
    not the last one before the report, as past dates are read."""
    if end.year is None or start is None or start.year is None:
        return end
    first, last = end.latest(), start.latest()
    if first is not None and last is not None and first < last:
        return end.with_year(end.year + 1)
    return end
