"""Grammatical relations over a spaCy `Doc`, whatever the parser's label scheme.

Readers ask for relations by name ("the subject of this verb", "the prepositional
phrases on this word"); each language's `language.yaml` says which dependency labels
its parser uses for them (`dependencies`). Two schemes of prepositions exist and both
are understood: ClearNLP's (English spaCy models: the preposition heads its object,
`prep` -> `pobj`) and Universal Dependencies' (natasha: the preposition is a `case`
dependent of its noun, which hangs on what it modifies).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from itertools import accumulate
from typing import cast

from spacy.attrs import DEP, HEAD, IS_SPACE
from spacy.tokens import Doc, Token

from casefile.read.language import language


@dataclass(frozen=True)
class Grammar:
    code: str
    labels: dict[str, frozenset[str]]
    # the labels of each set of relations asked for, made on first use
    _asked: dict[tuple[str, ...], frozenset[str]] = field(default_factory=dict, compare=False, repr=False)

    def deps(self, *roles: str) -> frozenset[str]:
        got = self._asked.get(roles)
        if got is None:
            got = self._asked[roles] = frozenset().union(*(self.labels.get(r, frozenset()) for r in roles))
        return got

    def is_(self, t: Token, *roles: str) -> bool:
        """Whether `t` stands in one of these relations to its head."""
        return t.dep_ in self.deps(*roles)

    def children(self, t: Token, *roles: str) -> list[Token]:
        labels = self.deps(*roles)
        parse, toks = tree(t.doc), tokens(t.doc)
        return [toks[c] for c in parse.children[t.i] if parse.deps[c] in labels]

    def child(self, t: Token, *roles: str) -> Token | None:
        found = self.children(t, *roles)
        return found[0] if found else None

    def prepositional(self, t: Token) -> Iterator[tuple[Token, Token]]:
        """(preposition, its object) for each prepositional phrase attached to `t`."""
        preps, objs = self.deps("preposition"), self.deps("preposition_object")
        cases = self.deps("case_marker")
        for c in t.children:
            if c.dep_ in preps:
                for g in c.children:
                    if g.dep_ in objs:
                        yield c, g
            elif cases:
                for g in c.children:
                    if g.dep_ in cases:
                        yield g, c
                        break

    def preposition_of(self, obj: Token) -> Token | None:
        """The preposition that introduces `obj` ("of" in "the release of X"), if any."""
        if obj.dep_ in self.deps("preposition_object") and obj.head.i != obj.i:
            return obj.head
        return self.child(obj, "case_marker")

    def governor(self, obj: Token) -> Token:
        """What a prepositional object's phrase modifies ("release" in "the release of X")."""
        if obj.dep_ in self.deps("preposition_object") and obj.head.dep_ in self.deps("preposition"):
            return obj.head.head
        return obj.head


@dataclass(frozen=True)
class Sentences:
    """The parser's sentences as token bounds, with each token's sentence: `Token.sent` walks
    the sentence anew on every call, and the readers ask it for the same words again and again."""

    bounds: list[tuple[int, int]]
    index: list[int]

    def of(self, i: int) -> tuple[int, int]:
        """(start, end) of the sentence of token `i`."""
        return self.bounds[self.index[i]]


def sentences(doc: Doc) -> Sentences:
    got = doc.user_data.get("casefile_sentences")
    if not isinstance(got, Sentences):
        bounds = [(s.start, s.end) for s in doc.sents] if len(doc) else []
        index = [0] * len(doc)
        for k, (start, end) in enumerate(bounds):
            index[start:end] = [k] * (end - start)
        got = doc.user_data["casefile_sentences"] = Sentences(bounds, index)
    return got


@dataclass(frozen=True)
class Tree:
    """The parse as plain lists (each word's head, children and label; how many non-space
    words come before each): walking these costs no `Token` objects, which spaCy makes anew on
    every `doc[i]` and `.head`."""

    heads: list[int]
    children: list[list[int]]
    deps: list[str]
    words_before: list[int]


def tree(doc: Doc) -> Tree:
    got = doc.user_data.get("casefile_tree")
    if not isinstance(got, Tree):
        # read as columns: a head is stored as an offset from its word
        cols = doc.to_array([HEAD, DEP, IS_SPACE])
        offsets = cols[:, 0].astype("int64").tolist()
        heads = [i + off for i, off in enumerate(offsets)]
        strings = doc.vocab.strings
        deps = [strings[d] if d else "" for d in cols[:, 1].tolist()]
        before = [0, *accumulate(1 - sp for sp in cols[:, 2].tolist())]
        children: list[list[int]] = [[] for _ in heads]
        for i, h in enumerate(heads):
            if h != i:
                children[h].append(i)
        got = doc.user_data["casefile_tree"] = Tree(heads, children, deps, before)
    return got


def tokens(doc: Doc) -> list[Token]:
    """The document's `Token`s, made once: spaCy makes a new one on every `doc[i]`, `.head` and
    `.children`. They refer back to the document; `release` drops them once it is read."""
    got = doc.user_data.get("casefile_tokens")
    if got is None:
        got = doc.user_data["casefile_tokens"] = list(doc)
    return cast(list[Token], got)


def kids(t: Token) -> list[Token]:
    """`t.children`, in order, from the tokens made once."""
    toks = tokens(t.doc)
    return [toks[c] for c in tree(t.doc).children[t.i]]


def release(doc: Doc) -> None:
    """Drop the tokens `tokens` kept, which would hold the document in a reference cycle."""
    doc.user_data.pop("casefile_tokens", None)


def text_of(doc: Doc) -> str:
    """The document's text, built once: spaCy joins every token anew on each `doc.text`."""
    got = doc.user_data.get("casefile_text")
    if got is None:
        got = doc.user_data["casefile_text"] = doc.text
    return str(got)


@cache
def grammar(code: str) -> Grammar:
    deps = language(code).config.get("dependencies") or {}
    return Grammar(code, {role: frozenset(str(x) for x in (labels or [])) for role, labels in deps.items()})
