"""A language's word lists for the readers, read once from `resources/<code>/`.

Every reader asks for words by list name ("speech", "person_prepositions"); a list a
language does not have is empty, so a language folder needs only the lists it uses.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Any

from spacy.tokens import Token

from casefile.read.language import language


@dataclass(frozen=True)
class Words:
    """The named word lists of one language file (`acts.yaml`, `factuality.yaml`, ...)."""

    data: dict[str, Any] = field(default_factory=dict)
    # each list as a set, made on first use (readers ask for a few lists very many times)
    _sets: dict[str, frozenset[str]] = field(default_factory=dict, compare=False, repr=False)

    def __call__(self, name: str) -> frozenset[str]:
        got = self._sets.get(name)
        if got is not None:
            return got
        value = self.data.get(name) or []
        if isinstance(value, dict):
            value = list(value)
        if any(isinstance(v, bool) for v in value):
            raise ValueError(f"a word list holds a YAML boolean ({name}: write on/off/yes/no in quotes)")
        got = self._sets[name] = frozenset(str(v).lower() for v in value)
        return got

    def value(self, name: str, default: Any = None) -> Any:
        return self.data.get(name, default)

    def has(self, t: Token, name: str) -> bool:
        """Whether the token's lemma or form is in the list."""
        words = self(name)
        return bool(words) and (t.lemma_.lower() in words or t.lower_ in words)

    def __hash__(self) -> int:
        return id(self)


@cache
def words(code: str, name: str) -> Words:
    """The word lists of `resources/<code>/<name>.yaml`."""
    return Words(language(code).lex(name))
