"""Quotes across sources: the same words in several sources are one quote with all its sources.

The speaker is the entity of the speaker's mention where the reader found one
(following a pronoun mention to what it refers to); otherwise the words that
named the speaker are matched against entity names and aliases: the whole name,
then the name without leading role words ("lawyer Jane Roe"), then the surname
alone when exactly one person bears it, then a role word ("his lawyer") when
exactly one entity holds that role.

Two quotes are one when their words are equal, or when one source quotes a part
of what another quotes in full ("B. C." inside "A. B. C."); the longest wording
is the quote's text, and each source keeps its own exact words as evidence.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field

from casefile.consolidate.entities import EntityResolution
from casefile.model import ROLES, DocAnalysis, Entity, Evidence, Mention, Quote, QuoteMention
from casefile.resources import load

# a shorter quote is taken as part of a longer one only if it has at least this many words
_MIN_SHARED_WORDS = 5
_POSSESSIVE = re.compile(r"['’]s?$")


def _words(text: str) -> list[str]:
    text = unicodedata.normalize("NFKC", text).replace("’", "'").lower()
    return re.findall(r"\w+(?:'\w+)?", text)


def _name_key(text: str) -> str:
    return " ".join(_POSSESSIVE.sub("", w) for w in _words(text))


@dataclass
class _Merged:
    words: list[str]
    quote: Quote
    first: tuple[int, int]  # (source order, offset) of its first occurrence
    evidence: list[Evidence] = field(default_factory=list)


def merge_quotes(analyses: list[DocAnalysis], resolution: EntityResolution) -> list[Quote]:
    speakers = SpeakerIndex(resolution, [m for a in analyses for m in a.mentions])
    merged: list[_Merged] = []
    for order, a in enumerate(analyses):
        for q in sorted(a.quotes, key=lambda q: q.start):
            _add(merged, q, speakers.entity_of(q), (order, q.start), speakers.compatible, speakers.fuller)
    merged.sort(key=lambda m: m.first)
    return [m.quote for m in merged]


def _add(merged: list[_Merged], q: QuoteMention, speaker: str | None, first: tuple[int, int],
         compatible: Callable[[str, str], bool], fuller: Callable[[str, str], bool]) -> None:
    words = _words(q.text)
    ev = Evidence(source=q.source, quote=q.text, start=q.start, end=q.end)
    for m in merged:
        if not _same_quote(m, words, speaker, compatible):
            continue
        if q.source not in m.quote.sources:
            m.quote.sources = [*m.quote.sources, q.source]
            m.quote.evidence = [*m.quote.evidence, ev]
        if speaker and (m.quote.speaker is None or fuller(speaker, m.quote.speaker)):
            m.quote.speaker = speaker
        if len(words) > len(m.words):
            m.words, m.quote.text = words, q.text
        return
    merged.append(_Merged(words=words, quote=Quote(speaker=speaker, text=q.text, sources=[q.source],
                                                    evidence=[ev]), first=first))


def _same_quote(m: _Merged, words: list[str], speaker: str | None, compatible: Callable[[str, str], bool]) -> bool:
    if speaker and m.quote.speaker and not compatible(speaker, m.quote.speaker):
        return False
    if words == m.words:
        return True
    short, long_ = (words, m.words) if len(words) <= len(m.words) else (m.words, words)
    return len(short) >= _MIN_SHARED_WORDS and _contains(long_, short)


def _contains(long_: list[str], short: list[str]) -> bool:
    n = len(short)
    return any(long_[i:i + n] == short for i in range(len(long_) - n + 1))


class SpeakerIndex:
    """From a quote's speaker mention or speaker words to an entity id."""

    def __init__(self, resolution: EntityResolution, mentions: list[Mention]):
        self.resolution = resolution
        self.mentions = {m.id: m for m in mentions}
        self.by_name: dict[str, set[str]] = {}
        self.by_surname: dict[str, set[str]] = {}
        self.by_role: dict[str, set[str]] = {}
        self.entities: dict[str, Entity] = {e.id: e for e in resolution.entities}
        for e in resolution.entities:
            for name in {e.name, *e.aliases}:
                key = _name_key(name)
                if not key:
                    continue
                self.by_name.setdefault(key, set()).add(e.id)
                if e.type == "person":
                    self.by_surname.setdefault(key.split()[-1], set()).add(e.id)
            for role in e.roles:
                self.by_role.setdefault(role, set()).add(e.id)
        self.prefixes = {w.rstrip(".") for w in load("en/quotes.yaml")["speaker_prefixes"]}

    def compatible(self, a: str, b: str) -> bool:
        """Two speakers that may be one person: the same entity, or two person entities with one
        surname (entity resolution left "Jane Roe" and "Roe" apart)."""
        if a == b:
            return True
        ea, eb = self.entities.get(a), self.entities.get(b)
        if ea is None or eb is None or ea.type != "person" or eb.type != "person":
            return False
        last = {_name_key(n).split()[-1] for n in (ea.name, eb.name) if _name_key(n)}
        return len(last) == 1

    def fuller(self, a: str, b: str) -> bool:
        """Whether entity `a` has a fuller name than `b` (the better one to name a shared speaker)."""
        ea, eb = self.entities.get(a), self.entities.get(b)
        return bool(ea and eb and len(_name_key(ea.name).split()) > len(_name_key(eb.name).split()))

    def entity_of(self, q: QuoteMention) -> str | None:
        eid = self._of_mention(q.speaker) if q.speaker else None
        if eid is None and q.speaker_text:
            eid = self.of_text(q.speaker_text)
        return eid

    def _of_mention(self, mid: str) -> str | None:
        seen: set[str] = set()
        while mid and mid not in seen:
            seen.add(mid)
            if mid in self.resolution.of_mention:
                return self.resolution.of_mention[mid]
            m = self.mentions.get(mid)
            if m is None:
                return None
            if m.refers_to is None:
                return self.of_text(m.text)
            mid = m.refers_to
        return None

    def of_text(self, text: str) -> str | None:
        words = _name_key(text).split()
        # the whole phrase, then without its leading words ("his lawyer Jane Roe" -> "Jane Roe")
        for i in range(len(words)):
            hit = _unique(self.by_name.get(" ".join(words[i:]), set()))
            if hit:
                return hit
        name_words = [w for w in words if w not in self.prefixes]
        if name_words:
            hit = _unique(self.by_surname.get(name_words[-1], set()))
            if hit:
                return hit
        for w in reversed(words):
            if w in ROLES and w != "other":
                return _unique(self.by_role.get(w, set()))
        return None


def _unique(ids: set[str]) -> str | None:
    return next(iter(ids)) if len(ids) == 1 else None
