"""Withholding the names of people marked sensitive, from everything a reader without access
sees: case files, exports, the case list, "what changed", file names, page titles, search.

One function does it, `Redactor.text`, and every output goes through it: case files field by
field (`redact`), and the web app's responses to readers as a whole (`web/redaction.py`), so a
name cannot slip out through a place nobody thought of. A name is found

- as written, in any letter case, also inside a longer token ("#FreeIvanPetrov",
  "petrov_interview.txt") when it is four letters or more;
- in any romanisation or script, word by word, by its transliteration skeleton
  (`core.names.skeleton`): "Petrov", "Petrow" and "Петров" are one name; a Cyrillic word is also
  found with a case ending after it ("Петрова", "Петрову"), and a capitalised word one letter
  away from a long name's skeleton is taken for another spelling of it;
- as the words of a compound token split at its capitals ("FreeIvanPetrov").

Every character found is replaced by a block, so a text keeps its length and every offset into
it stays valid. The redactor errs on the side of withholding: another word with the same
skeleton as a sensitive name is withheld too.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from rapidfuzz.distance import Levenshtein

from casefile.core.names import romanize, skeleton
from casefile.model import CaseFile, Entity

WITHHELD = "[name withheld]"
BLOCK = "█"
# the shortest word of a name found on its own; shorter ones are too often other words
MIN_PART = 3
# the shortest form found inside a longer token ("#FreeName")
MIN_INSIDE = 4
# a capitalised word this long, one letter away from a sensitive name's skeleton, is taken for
# another spelling of it ("Orlyk", "Orlık" for "Orlik")
MIN_CLOSE = 5
# the longest case ending a Cyrillic word may carry after a name's skeleton
MAX_ENDING = 3
_LETTERS = re.compile(r"[^\W\d_]+")
_CYRILLIC = re.compile(r"[\u0400-\u04FF]")
# strings of a case file that are references, not text: ids, hashes, dates, schema names
_REFERENCE = re.compile(r"[A-Z]{1,3}\d+|[0-9a-f]{64}|\d{4}(?:-\d\d){0,2}(?:[T ][\d:.+Z-]*)?|casefile/\d+|P[\dYMWDTHS.]+")


@dataclass(frozen=True)
class Redactor:
    """The sensitive names of one case or of a whole registry, ready to withhold."""

    forms: frozenset[str] = frozenset()
    skeletons: frozenset[str] = frozenset()
    _pattern: re.Pattern[str] | None = field(default=None, compare=False, repr=False)
    _seen: dict[str, bool] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def of(cls, entities: Iterable[Entity]) -> Redactor:
        """A redactor for the entities marked sensitive among `entities` (all their spellings)."""
        names = [n for e in entities if e.sensitive for n in (e.name, *e.aliases) if n and n != WITHHELD]
        return cls.of_names(names)

    @classmethod
    def of_names(cls, names: Iterable[str]) -> Redactor:
        forms: set[str] = set()
        for name in names:
            words = [w for w in _LETTERS.findall(name) if len(w) >= MIN_PART]
            for f in {name.strip(), *words}:
                if len(f) >= MIN_PART:
                    forms |= {f, romanize(f)}
        # the same forms as a page or a JSON text writes them
        forms |= {g for f in list(forms) for g in (html.escape(f), html.escape(f, quote=False), json.dumps(f)[1:-1])}
        skeletons = {k for f in forms for w in _LETTERS.findall(f) if len(k := skeleton(w)) >= MIN_PART}
        if not forms:
            return cls()
        inside = sorted((f for f in forms if len(f) >= MIN_INSIDE), key=len, reverse=True)
        whole = sorted((f for f in forms if len(f) < MIN_INSIDE), key=len, reverse=True)
        parts = [f"(?:{'|'.join(map(re.escape, inside))})"] if inside else []
        if whole:
            parts.append(rf"(?<!\w)(?:{'|'.join(map(re.escape, whole))})(?!\w)")
        pattern = re.compile("|".join(parts), re.IGNORECASE)
        return cls(frozenset(forms), frozenset(skeletons), pattern)

    @cached_property
    def _stems(self) -> frozenset[str]:
        """The skeletons with a final vowel dropped, which a case ending replaces
        ("Петрова" -> "Петровой")."""
        return frozenset(k[:-1] if len(k) > MIN_CLOSE and k[-1] in "aeiou" else k for k in self.skeletons)

    def __bool__(self) -> bool:
        return bool(self.forms)

    def __or__(self, other: Redactor) -> Redactor:
        if not other:
            return self
        if not self:
            return other
        # rebuilt from the forms: the union's pattern must hold both lists
        return Redactor.of_names(self.forms | other.forms)

    def text(self, s: str) -> str:
        """`s` with every sensitive name blocked out, character for character."""
        if not self or not s:
            return s
        spans: list[tuple[int, int]] = []
        if self._pattern is not None:
            spans += [m.span() for m in self._pattern.finditer(s)]
        for m in _LETTERS.finditer(s):
            word = m.group(0)
            if self._names(word):
                spans.append(m.span())
                continue
            at = m.start()
            for part in _camel_parts(word):
                if part != word and self._names(part):
                    spans.append((at, at + len(part)))
                at += len(part)
        if not spans:
            return s
        chars = list(s)
        for a, b in spans:
            for i in range(a, b):
                if not chars[i].isspace():
                    chars[i] = BLOCK
        return "".join(chars)

    def _names(self, word: str) -> bool:
        """A word that is a word of a sensitive name, in any spelling (cached per word)."""
        hit = self._seen.get(word)
        if hit is None:
            k = skeleton(word) if len(word) >= MIN_PART else ""
            hit = bool(k) and (k in self.skeletons or (
                _CYRILLIC.search(word) is not None
                and any(k.startswith(n) and len(k) - len(n) <= MAX_ENDING for n in self._stems)) or (
                word[0].isupper() and len(k) >= MIN_CLOSE
                and any(len(n) >= MIN_CLOSE and Levenshtein.distance(k, n, score_cutoff=1) <= 1
                        for n in self.skeletons)))
            if len(self._seen) < 200_000:
                self._seen[word] = hit
        return hit

    def value(self, v: Any) -> Any:
        """Any JSON-like value with every string redacted but references (ids, hashes, dates)."""
        if isinstance(v, str):
            return v if _REFERENCE.fullmatch(v) else self.text(v)
        if isinstance(v, dict):
            return {k: self.value(x) for k, x in v.items()}
        if isinstance(v, list | tuple):
            return [self.value(x) for x in v]
        return v


def _camel_parts(word: str) -> list[str]:
    """A compound token's words, which start at its capitals ("FreeIvanPetrov"), in any script."""
    cuts = [i for i in range(1, len(word)) if word[i].isupper() and word[i - 1].islower()]
    return [word[a:b] for a, b in zip([0, *cuts], [*cuts, len(word)], strict=True)]


def redact(cf: CaseFile, also: Redactor | None = None) -> CaseFile:
    """A copy of the case file for readers without access: sensitive entities are named
    `WITHHELD`, and every text of it (source texts, titles, file names, quotes, notes, the
    summary, other entities' names) goes through the redactor of its sensitive names, joined
    with `also` (the names marked sensitive elsewhere in the registry)."""
    redactor = Redactor.of(cf.entities) | (also or Redactor())
    if not redactor:
        return cf.model_copy(deep=True)
    sensitive = {e.id for e in cf.entities if e.sensitive}
    data = redactor.value(cf.to_dict())
    for e in data["entities"]:
        if e["id"] in sensitive:
            e["name"], e["aliases"] = WITHHELD, []
    return CaseFile.model_validate(data)
