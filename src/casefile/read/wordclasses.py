"""Word lists of a language's data files, found in a spaCy `Doc`.

A data file says in which form its words are written (`match_on: lower`, the word in
lower case, or `match_on: lemma`, as the language's parser lemmatises it: one Russian
lemma matches every case of a word). A phrase is its words separated by spaces.

`WordClasses` compiles a language's word lists once into spaCy `PhraseMatcher`s (one per
attribute the data is written in) and tables of exact token forms and shapes (numbers,
signs, dates in digits); over a document it gives, at each token, the classes of the words
and phrases that start there (a lattice). The shapes of expressions are then matched over
that lattice (`Shapes`): a sequence of classes, some optional, like "day month year?".
`Phrases` looks a phrase's value up at a token (for the words next to a number).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar, cast

from spacy.attrs import LEMMA, LOWER
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

from casefile.read.language import Language

V = TypeVar("V")
T = TypeVar("T")

ATTRS = {"lower": "LOWER", "lemma": "LEMMA"}


def match_attr(table: dict[str, Any]) -> str:
    """The token attribute a data file's words are written in ("LOWER" or "LEMMA")."""
    return ATTRS.get(str(table.get("match_on") or "lower").lower(), "LOWER")


def key(tok: Token, attr: str) -> str:
    """A token as a data file of that attribute writes it."""
    if attr == "LEMMA":
        return (tok.lemma_ or tok.text).lower()
    return tok.lower_


def keys(doc: Doc, attr: str) -> list[str]:
    """Every token's `key`, read once per document as a column: `doc[i]` makes a new `Token`
    on every call, and phrase lookups ask for the same words again and again."""
    name = f"casefile_keys_{attr}"
    got = doc.user_data.get(name)
    if got is None:
        strings = doc.vocab.strings
        lower = [strings[int(h)] for h in doc.to_array([LOWER]).reshape(-1).tolist()]
        if attr == "LEMMA":
            lemmas = [strings[int(h)] for h in doc.to_array([LEMMA]).reshape(-1).tolist()]
            got = [lem.lower() if lem else low for lem, low in zip(lemmas, lower, strict=True)]
        else:
            got = lower
        doc.user_data[name] = got
    return cast(list[str], got)


def words(phrase: object) -> tuple[str, ...]:
    return tuple(str(phrase).lower().split())


@dataclass
class Phrases(Generic[V]):
    """Phrases (tuples of words) with a value each, looked up at a token."""

    attr: str
    table: dict[tuple[str, ...], V] = field(default_factory=dict)

    def add(self, phrase: object, value: V) -> None:
        w = words(phrase)
        if w:
            self.add_phrase(w, value)

    longest: int = 0

    def add_phrase(self, w: tuple[str, ...], value: V) -> None:
        self.table.setdefault(w, value)
        self.longest = max(self.longest, len(w))

    def at(self, doc: Doc, i: int, end: int | None = None) -> tuple[V, int] | None:
        """The longest phrase starting at token i (and ending by `end`): its value and its end."""
        stop = len(doc) if end is None else min(end, len(doc))
        column = keys(doc, self.attr)
        for n in range(min(self.longest, stop - i), 0, -1):
            w = tuple(column[i:i + n])
            if w in self.table:
                return self.table[w], i + n
        return None

    def ending_at(self, doc: Doc, j: int, start: int = 0) -> tuple[V, int] | None:
        """The longest phrase ending just before token j (and starting from `start`): its value and start."""
        column = keys(doc, self.attr)
        for n in range(min(self.longest, j - start), 0, -1):
            w = tuple(column[j - n:j])
            if w in self.table:
                return self.table[w], j - n
        return None

    def __contains__(self, w: object) -> bool:
        return w in self.table

    def get(self, w: tuple[str, ...]) -> V | None:
        return self.table.get(w)


def phrases(attr: str, items: Iterable[tuple[object, V]]) -> Phrases[V]:
    out: Phrases[V] = Phrases(attr)
    for phrase, value in items:
        out.add(phrase, value)
    return out


class PerLanguage(Generic[T]):
    """What is compiled from a language's data once: rebuilt when the language's settings are
    read anew (a resource root added) or its documents come with another vocabulary."""

    def __init__(self, build: Callable[[Language, Vocab], T]) -> None:
        self.build = build
        self.built: dict[str, tuple[Language, Vocab, T]] = {}

    def __call__(self, lang: Language, vocab: Vocab) -> T:
        got = self.built.get(lang.code)
        if got is None or got[0] is not lang or got[1] is not vocab:
            got = (lang, vocab, self.build(lang, vocab))
            self.built[lang.code] = got
        return got[2]


@dataclass(frozen=True)
class Extent:
    """Where something read lies: token offsets in the Doc [start, end), character offsets in
    the text [start_char, end_char)."""

    start: int
    end: int
    start_char: int
    end_char: int


@dataclass(frozen=True)
class Item:
    """A word or phrase of a class found at tokens [start, end), with its value in the data."""

    cls: str
    value: Any
    start: int
    end: int


Lattice = dict[int, list[Item]]  # the items that start at a token, by its index


class WordClasses:
    """Where the words of a language's classes occur in a document."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab
        self._matchers: dict[str, PhraseMatcher] = {}
        self._keys: dict[tuple[str, Any], str] = {}
        self._values: dict[int, tuple[str, Any]] = {}
        self._forms: dict[str, dict[int, list[tuple[str, Any]]]] = {}

    def words(self, cls: str, attr: str, items: Iterable[tuple[object, Any]]) -> None:
        """Words and phrases (written in `attr`: "LOWER" or "LEMMA"), each with a value."""
        matcher = self._matchers.get(attr)
        if matcher is None:
            matcher = self._matchers[attr] = PhraseMatcher(self.vocab, attr=attr)
        by_key: dict[str, list[Doc]] = {}
        for phrase, value in items:
            w = list(words(phrase))
            if not w:
                continue
            name = self._keys.get((cls, value))
            if name is None:
                name = self._keys[(cls, value)] = f"{cls}#{len(self._keys)}"
                self._values[self.vocab.strings.add(name)] = (cls, value)
            by_key.setdefault(name, []).append(Doc(self.vocab, words=w, lemmas=w) if attr == "LEMMA"
                                               else Doc(self.vocab, words=w))
        for name, docs in by_key.items():
            matcher.add(name, docs)

    def forms(self, cls: str, attr: str, items: Iterable[tuple[str, Any]]) -> None:
        """Exact token forms ("LOWER": "2021", "26th") or shapes ("SHAPE": "dd.dd.dddd"), each with a value."""
        table = self._forms.setdefault(attr, {})
        for form, value in items:
            table.setdefault(self.vocab.strings.add(form), []).append((cls, value))

    def __call__(self, doc: Doc) -> Lattice:
        """The items that start at each token (that starts any)."""
        at: Lattice = {}
        if not len(doc):
            return at
        for matcher in self._matchers.values():
            for key, s, e in matcher(doc):
                cls, value = self._values[key]
                at.setdefault(s, []).append(Item(cls, value, s, e))
        if self._forms:
            attrs: list[int | str] = list(self._forms)
            tables = [self._forms[str(a)] for a in attrs]
            cols = cast(list[list[int]], doc.to_array(attrs).reshape(len(doc), len(attrs)).T.tolist())
            for table, col in zip(tables, cols, strict=True):
                for i in [i for i, h in enumerate(col) if h in table]:
                    at.setdefault(i, []).extend(Item(cls, value, i, i + 1) for cls, value in table[col[i]])
        return at


@dataclass(frozen=True)
class Shape:
    kind: str
    slots: tuple[tuple[str, bool], ...]  # (class, optional)
    key: int  # the slot a match is looked for from: a required one of the rarest class


class Shapes:
    """Sequences of word classes ("day filler? month year?") matched over a lattice of items.

    Each shape is looked for only where an item of its key class is (a month, a year, a
    weekday: `keys`, rarest first), and read backwards and forwards from it."""

    def __init__(self, keys: Sequence[str] = ()) -> None:
        self.keys = list(keys)
        self.by_key: dict[str, list[Shape]] = {}
        self.kinds: list[str] = []

    def add(self, kind: str, text: str) -> None:
        slots = tuple((x.rstrip("?"), x.endswith("?")) for x in text.split())
        required = [k for k, (_, optional) in enumerate(slots) if not optional]
        if not required:
            raise ValueError(f"the shape {text!r} has no slot it must fill")
        rank = {c: n for n, c in enumerate(self.keys)}
        key = min(required, key=lambda k: (rank.get(slots[k][0], len(rank)), k))
        self.by_key.setdefault(slots[key][0], []).append(Shape(kind, slots, key))
        if kind not in self.kinds:
            self.kinds.append(kind)

    def __call__(self, lattice: Lattice) -> list[tuple[str, tuple[Item, ...]]]:
        """Every match: its kind and the items it is made of."""
        out: list[tuple[str, tuple[Item, ...]]] = []
        ending: Lattice | None = None
        for items in lattice.values():
            for it in items:
                for shape in self.by_key.get(it.cls, ()):
                    after = _forward(lattice, it.end, shape.slots[shape.key + 1:])
                    if not after:
                        continue
                    if ending is None:
                        ending = {}
                        for at in lattice.values():
                            for x in at:
                                ending.setdefault(x.end, []).append(x)
                    for before in _backward(ending, it.start, shape.slots[:shape.key]):
                        out += [(shape.kind, before + (it,) + a) for a in after]
        return out


def _forward(lattice: Lattice, start: int, slots: tuple[tuple[str, bool], ...]) -> list[tuple[Item, ...]]:
    states: list[tuple[int, tuple[Item, ...]]] = [(start, ())]
    for cls, optional in slots:
        nxt = [(it.end, path + (it,)) for pos, path in states for it in lattice.get(pos, ()) if it.cls == cls]
        states = nxt + states if optional else nxt
        if not states:
            return []
    return [path for _, path in states]


def _backward(ending: Lattice, end: int, slots: tuple[tuple[str, bool], ...]) -> list[tuple[Item, ...]]:
    states: list[tuple[int, tuple[Item, ...]]] = [(end, ())]
    for cls, optional in reversed(slots):
        nxt = [(it.start, (it,) + path) for pos, path in states for it in ending.get(pos, ()) if it.cls == cls]
        states = nxt + states if optional else nxt
        if not states:
            return []
    return [path for _, path in states]
