"""Named mentions in a document of any language: the parser's names, repaired, typed and given cues.

The parser's names (spaCy's entities; for Russian, natasha's, loaded into the same `Doc`)
are the candidates. Small models cut some short ("Northern" of "Northern Valley Autonomous
Region"), run two into one ("адвокат Курмашевой Рим Сабиров"), swallow a role word
("Адвокат Петрова"), miss a few (an acronym in running text, a name after "the NGO", a
name in parentheses, a facility code like "IK-12" or "СИЗО-1"), and invent names in
title-case headlines. This module repairs those spans and records, for each mention, the
cue words around it (`role_hints`, `type_hints`) that let consolidation decide type and
role over all mentions of an entity.

Everything a language says is data (`resources/<code>/entities.yaml`, one schema for
every language): role and type nouns, titles, name head words, owner nouns, the verbs
whose object is a person, credit and byline patterns, facility codes, group nouns. The
grammar is read through `grammar(code)` roles and UD morphology (`token.morph`: Case,
Number, Animacy), never through one parser's labels; a check a language's parse cannot
make (English has no case) simply holds.

A person cue (a role noun right before, a title, the object of "detained"/"задержали",
"the release of", "her lawyer said" after a subject) outweighs both the model's label and
a namesake town in geonames. A cue gives a role only where it agrees with the name in case
and number ("адвокат Иван Петров" is a lawyer; "адвокат Петрова" is Petrov's lawyer).

`Mention.text` is the name as written; `Mention.norm` its lookup form: the nominative
where the parser gives normal forms (natasha's, in `doc.user_data["ent_norms"]`), corrected
by the language's hooks (`person_nominative`, `name_nominative` in language.yaml), so that
every case form of a name groups together in consolidation. `label_persons` writes the
persons found back into the parse for the readers after this one.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans
from spacy.vocab import Vocab

from casefile.core.names import is_known_place
from casefile.model import EntityType, Mention, Role, Source
from casefile.read.grammar import Grammar, grammar, sentences
from casefile.read.language import Language, language

_T = TypeVar("_T")
_NAME_WORD = re.compile(r"^[^\W\d_]+(?:[’'ʼ\-][^\W\d_]+)*[’'ʼ]?$")  # "Grigor’yeva", "Ala-Toom", "Asel’"
_APOSTROPHES = ("’", "'", "ʼ")
_SPACES = re.compile(r"\s+")
_INITIAL_POINT = re.compile(r"(?:^|[\s.])\w\.$")
_EDGE = " \t\n,;:\"“”«»()[]*_"
_BRACKETS = ("(", ")")
_OPENERS = {")": "(", "»": "«", "”": "“", "“": "„", '"': '"'}  # typographic pairs, not words
_STRAIGHT = ('"',)
_NO_MARKS = str.maketrans("", "", "«»“”„\"")
# UD gender values -> the genders the quote reader and the hooks speak of
GENDERS = {"Masc": "male", "Fem": "female"}


# ------------------------------------------------------------------ the language's data


def _words(items: Any) -> frozenset[str]:
    return frozenset(str(w).lower() for w in (items or []))


def _table(data: Any) -> dict[str, str]:
    """{value: [words]} -> {word: value}."""
    return {str(w).lower(): str(v) for v, words in (data or {}).items() for w in (words or [])}


@dataclass(frozen=True)
class Frame:
    """Head words and the prepositions that tie a word to them ("the lawyer *of* X": heads
    {lawyer}, preps {of}); a language that marks the tie by case alone lists no prepositions."""

    heads: frozenset[str]
    preps: frozenset[str]


def _frame(data: Any) -> Frame:
    """{nouns: [...], prepositions: [...]} -> a Frame."""
    data = data or {}
    return Frame(heads=_words(data.get("nouns")), preps=_words(data.get("prepositions")))


GLOSS_WORDS = 3  # words of a name's gloss in parentheses, and of the name's rest after it
FACILITY_WORDS = 4  # words before a detention place's kind noun that may be of its name


@dataclass(frozen=True)
class Lexicon:
    """One language's entities.yaml, compiled for lookups."""

    code: str
    roles: dict[str, Role]
    types: dict[str, EntityType]
    heads: dict[str, EntityType]
    name_roles: dict[str, Role]
    tails: frozenset[str]
    phrase_heads: frozenset[str]
    owner_nouns: frozenset[str]
    not_names: frozenset[str]
    leading: frozenset[str]
    titles: frozenset[str]
    connectors: frozenset[str]
    possessive_markers: frozenset[str]
    possessive_pronouns: frozenset[str]
    articles: frozenset[str]
    before_credit: tuple[re.Pattern[str], ...]
    after_credit: tuple[re.Pattern[str], ...]
    credit_inside: tuple[re.Pattern[str], ...]
    person_verbs: frozenset[str]
    person_of: Frame
    person_before: tuple[Any, ...]
    owned_by_org: Frame
    platform: Frame
    unit_heads: frozenset[str]
    distant: Frame
    dashes: frozenset[str]
    facility_codes: frozenset[str]
    facility_rx: re.Pattern[str] | None
    facility_shape: re.Pattern[str] | None
    facility_heads: frozenset[str]
    facility_named_heads: frozenset[str]
    facility_number: re.Pattern[str] | None
    facility_located: frozenset[str]
    groups: dict[str, str]
    org_parts: frozenset[str]
    part_remit: re.Pattern[str] | None
    labels: dict[str, EntityType]
    number_labels: frozenset[str]
    time_labels: frozenset[str]
    other_name_labels: frozenset[str]
    person_label: str
    compound_heads: tuple[str, ...]
    trusted: frozenset[str]
    peoples_capitalised: bool
    hooks: dict[str, Callable[..., Any]]

    def forms(self, t: Token) -> tuple[str, str]:
        return t.lower_, t.lemma_.lower()

    def type_of(self, t: Token) -> EntityType | None:
        return self.types.get(t.lower_) or self.types.get(t.lemma_.lower())

    def role_of(self, t: Token) -> Role | None:
        return self.roles.get(t.lower_) or self.roles.get(t.lemma_.lower())

    def head_of(self, t: Token) -> EntityType | None:
        return self._compound(self.heads, t)  # type: ignore[return-value]

    def name_role(self, t: Token) -> Role | None:
        """The role a word of an organisation's own name gives it ("Court", "суд", "горсуд")."""
        return self._compound(self.name_roles, t)  # type: ignore[return-value]

    def _compound(self, table: Mapping[str, str], t: Token) -> str | None:
        """A word of `table`, as written or as lemma, or a word written together with one at its end
        (`compound_heads`: "облсуд", a region's court)."""
        for form in (t.lower_, t.lemma_.lower()):
            if form in table:
                return table[form]
        for head in self.compound_heads:
            for form in (t.lower_, t.lemma_.lower()):
                if form.endswith(head) and len(form) > len(head) + 1 and t.is_alpha:
                    return table.get(head)
        return None

    def facility_head(self, t: Token, named: bool = False) -> bool:
        """A kind noun of a detention place ("colony", "колонию"); `named`: one that a name before
        it makes one place ("the X colony")."""
        table = self.facility_named_heads if named else self.facility_heads
        return t.lower_ in table or t.lemma_.lower() in table

    def person_noun(self, t: Token) -> bool:
        """A common noun that names what a person is: "blogger", "trade unionist", "адвокат"."""
        # the small English model calls some of them adjectives ("the activist Jane Doe")
        return t.pos_ in ("NOUN", "ADJ") and self.type_of(t) == "person"

    def cue_word(self, t: Token) -> bool:
        """A role or person noun: a word that says who someone is, never a name by itself."""
        return self.role_of(t) is not None or self.type_of(t) == "person"

    def is_title(self, t: Token) -> bool:
        return t.lower_ in self.titles

    def label(self, t: Token | Span) -> EntityType | None:
        lab = t.ent_type_ if isinstance(t, Token) else t.label_
        return self.labels.get(lab)


_LEXICONS: dict[str, tuple[Language, Lexicon]] = {}


def lexicon(code: str) -> Lexicon:
    """The language's entities.yaml, compiled once per loaded language (read again after
    `language.forget()`, as when a resource root is added)."""
    return lexicon_of(language(code))


def lexicon_of(lang: Language) -> Lexicon:
    held = _LEXICONS.get(lang.code)
    if held is None or held[0] is not lang:
        held = _LEXICONS[lang.code] = (lang, _compile(lang))
    return held[1]


def _compile(lang: Language) -> Lexicon:
    code = lang.code
    data = lang.lex("entities")
    fac = data.get("facilities") or {}
    codes = [str(c) for c in (fac.get("codes") or [])]
    signs = "".join(re.escape(s) for s in (fac.get("number_signs") or ["№"]))
    facility_rx = re.compile(
        rf"(?<![\w-])(?:{'|'.join(re.escape(c) for c in sorted(codes, key=len, reverse=True))})"
        rf"[-\u2011 ]?(?:[{signs}]\s?)?\d+(?![\w-])") if codes else None
    other = lang.config.get("other_entities") or {}
    labels = {str(k): v for k, v in (lang.config.get("entities") or {}).items()}
    hooks = {name: h for name in ("person_nominative", "name_nominative", "surname_nominatives", "person_gender")
             if (h := lang.hook(name)) is not None}
    return Lexicon(
        code=code,
        roles=_table(data.get("roles")),  # type: ignore[arg-type]
        types=_table(data.get("types")),  # type: ignore[arg-type]
        heads=_table(data.get("name_heads")),  # type: ignore[arg-type]
        name_roles=_table(data.get("name_roles")),  # type: ignore[arg-type]
        tails=_words(data.get("institution_tails")),
        phrase_heads=_words(data.get("institution_phrase_heads")),
        owner_nouns=_words(data.get("owner_nouns")),
        not_names=_words(data.get("not_names")),
        leading=_words(data.get("leading_words")),
        titles=_words(data.get("titles")),
        connectors=_words(data.get("name_connectors")),
        possessive_markers=frozenset(data.get("possessive_markers") or []),
        possessive_pronouns=_words(data.get("possessive_pronouns")),
        articles=_words(data.get("definite_articles")),
        before_credit=tuple(re.compile(p) for p in data.get("credit_patterns") or []),
        after_credit=tuple(re.compile(p) for p in data.get("after_credit_patterns") or []),
        credit_inside=tuple(re.compile(p) for p in data.get("credit_inside_patterns") or []),
        person_verbs=_words(data.get("person_object_verbs")),
        person_of=_frame(data.get("person_of")),
        person_before=tuple(data.get("person_before") or []),
        owned_by_org=_frame(data.get("organisation_parts")),
        platform=Frame(heads=_words(data.get("platform_heads")), preps=_words(data.get("platform_prepositions"))),
        unit_heads=_words(data.get("unit_heads")),
        distant=_frame(data.get("distant_cues")),
        dashes=frozenset(data.get("dashes") or []),
        facility_codes=frozenset(codes),
        facility_rx=facility_rx,
        facility_shape=re.compile(fac["shape"]) if fac.get("shape") else None,
        facility_heads=_words(fac.get("heads")),
        facility_named_heads=_words(fac.get("named_heads")),
        facility_number=re.compile(fac["number"]) if fac.get("number") else None,
        facility_located=_words(fac.get("located")),
        groups={str(k).lower(): str(v) for k, v in (data.get("groups") or {}).items()},
        org_parts=_words(data.get("org_parts")),
        part_remit=re.compile(data["part_remit"]) if data.get("part_remit") else None,
        labels=labels,  # type: ignore[arg-type]
        number_labels=frozenset(other.get("number") or []),
        time_labels=frozenset(other.get("time") or []),
        other_name_labels=frozenset(other.get("name") or []),
        person_label=next((k for k, v in labels.items() if v == "person"), "PERSON"),
        compound_heads=tuple(str(w).lower() for w in data.get("compound_heads") or []),
        trusted=frozenset(lang.config.get("trusted_entities") or []),
        peoples_capitalised=bool(data.get("peoples_capitalised")),
        hooks=hooks,
    )


_MATCHERS: dict[tuple[str, int], tuple[Lexicon, Vocab, Matcher]] = {}


def _person_before_matcher(lex: Lexicon, vocab: Vocab) -> Matcher | None:
    """The language's `person_before` patterns, compiled once per lexicon and vocabulary."""
    if not lex.person_before:
        return None
    key = (lex.code, id(vocab))
    held = _MATCHERS.get(key)
    if held is None or held[0] is not lex or held[1] is not vocab:
        m = Matcher(vocab)
        m.add("person_before", [list(p) for p in lex.person_before])
        held = _MATCHERS[key] = (lex, vocab, m)
    return held[2]


def norm_form(text: str, possessives: frozenset[str] = frozenset({"'s", "’s"})) -> str:
    """The lookup form of a name as written: no possessive, no surrounding punctuation, single spaces."""
    text = _SPACES.sub(" ", text).strip(_EDGE)
    if not _INITIAL_POINT.search(text):  # keep the point of "U.S." and "Jr."
        text = text.rstrip(".")
    for p in sorted(possessives, key=len, reverse=True):
        if text.endswith(p) and len(text) > len(p):
            text = text[: -len(p)]
            break
    else:
        if possessives and text.endswith(_APOSTROPHES):
            text = text[:-1]  # "Ivanovs’": the possessive of a name ending in s
    return text.strip()


def feat(t: Token, name: str) -> str | None:
    """One UD morphological feature of a token, or None where the parse gives none."""
    values = t.morph.get(name, [])
    return values[0] if values else None


# ------------------------------------------------------------------ candidates


@dataclass
class _Cand:
    """A candidate name span (token offsets) with what the parse says of it."""

    start: int
    end: int
    label: EntityType | None
    types: list[EntityType] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    normal: dict[int, str] | None = None  # token index -> the parser's normal form of that word
    owner: _Cand | None = None  # the organisation a part of it (a chamber) acts for
    fixed: str | None = None  # a lookup form given by the data (a group's name)
    trusted: bool = False  # the parser's label is one the language trusts (language.yaml `trusted_entities`)

    def sub(self, start: int, end: int, label: EntityType | None = None) -> _Cand:
        return _Cand(start, end, self.label if label is None else label, list(self.types), list(self.roles),
                     self.normal, self.owner, self.fixed, self.trusted and label in (None, self.label))


class DocPass:
    """One pass over one parsed document: the Doc, its source and text, the language's lexicon
    and grammar (what every reader's pass starts from)."""

    def __init__(self, doc: Doc, source: Source, lang: Language) -> None:
        self.doc = doc
        self.text = source.text
        self.source = source
        self.lang = lang
        self.lex = lexicon_of(lang)
        self.g: Grammar = grammar(lang.code)


class _Reading(DocPass):
    """One document's mentions being found: the Doc, its text, the language's data and grammar."""

    def __init__(self, doc: Doc, source: Source, lang: Language) -> None:
        super().__init__(doc, source, lang)
        self.headings = _heading_ranges(self.text)
        self.sents = sentences(doc)  # each token's sentence: spaCy finds `token.sent` anew each time
        self._cues: dict[tuple[int, int], tuple[bool, list[Role]]] = {}
        self._morph: dict[int, dict[str, str]] = {}
        self._before_reach = max((len(p) for p in self.lex.person_before), default=0)

    def _pattern_before(self, start: int) -> bool:
        """Whether one of the language's `person_before` patterns ends right before token `start`
        ("the 34-year-old X"); matched on the few words before it only."""
        if not self._before_reach or start == 0:
            return False
        matcher = _person_before_matcher(self.lex, self.doc.vocab)
        window = self.doc[max(0, start - self._before_reach):start]
        return matcher is not None and any(end == len(window) for _, _, end in matcher(window))

    def feat(self, t: Token, name: str) -> str | None:
        """One UD morphological feature of a token (read once per token: spaCy builds it anew each time)."""
        feats = self._morph.get(t.i)
        if feats is None:
            feats = self._morph[t.i] = t.morph.to_dict() if t.has_morph() else {}
        return feats.get(name)

    # ---------------------------------------------------------------- the steps

    def run(self) -> list[Mention]:
        doc, lex = self.doc, self.lex
        norms: dict[tuple[int, int], str] = doc.user_data.get("ent_norms") or {}
        # a pronoun the tagger took for a name ("Он" opening a paragraph) names no one
        cands = [self._from_ent(e, norms.get((e.start_char, e.end_char))) for e in doc.ents
                 if lex.label(e) and not (len(e) == 1 and e[0].pos_ == "PRON")]
        cands = [part for c in cands for part in self._split_persons(c)]
        cands = [part for c in cands for part in self._split_lines(c)]
        cands = [c for c in (self._trim(c) for c in cands) if c is not None]
        cands = self._join_genitives(cands)
        cands = self._split_court_place(cands)
        cands = [self._extend(c) for c in cands]
        cands = self._join_quoted_names(cands)
        facilities = self._facilities()
        cands = [c for c in cands if not any(f.start <= c.start < f.end for f in facilities)]
        cands += facilities
        cands += self._extra_candidates(cands)
        cands += self._groups(cands)
        cands = _resolve_overlaps(cands)
        cands = self._join_adjacent(cands)
        cands = self._join_glossed(cands)
        cands = [c for c in cands if not self._adjectival_demonym(c) and not self._unit_of_organisation(c)]
        headings = self.headings
        if headings:
            body = {self._key(doc[c.start:c.end].text) for c in cands if not _in(headings, doc[c.start].idx)}
            cands = [p for c in cands for p in self._filter_heading(c, headings, body)]
        cands = [c for c in cands if not self._is_credit(c)]
        return self._emit(cands)

    def _from_ent(self, e: Span, normal: str | None) -> _Cand:
        return _Cand(e.start, e.end, self.lex.label(e), normal=_align(e, normal) if normal else None,
                     trusted=e.label_ in self.lex.trusted)

    def _split_persons(self, c: _Cand) -> list[_Cand]:
        """Two people the tagger ran together: "адвокат Курмашевой Рим Сабиров" is a surname in
        the genitive (whose lawyer) and a full name in the nominative (the lawyer); "с женой Игоря
        Дарьей Лосик", a given name in the genitive (whose wife) and a full name in another case."""
        toks = [t for t in self.doc[c.start:c.end] if not t.is_space]
        if c.label != "person" or len(toks) < 3 or self.feat(toks[0], "Case") != "Gen":
            return [c]
        cut = next((k for k, t in enumerate(toks) if self.feat(t, "Case") not in (None, "Gen")), None)
        if cut is None or cut == 0 or len(toks) - cut < 2:
            return [c]
        return [c.sub(c.start, toks[cut - 1].i + 1), c.sub(toks[cut].i, c.end)]

    def _split_lines(self, c: _Cand) -> list[_Cand]:
        """A name never runs over a line break ("Urdu Service\\n\\n ABC/"), a parenthesis or a dash
        set off by spaces (a wire dateline: "CITY -- The Supreme Court ..."); a person's, over a
        coordinating word ("X and Y")."""
        doc = self.doc
        parts, cur = [], c.start
        for i in range(c.start, c.end):
            dash = self._spaced_dash(i)
            # "Stanev and Valsky" tagged as one name: two people (an organisation's name
            # joins words with "and" only around a word that names its kind: "X and Y Center")
            joined = doc[i].pos_ == "CCONJ" and cur < i < c.end - 1 and (c.label == "person" or (
                c.label == "organization" and all(self._name_token(x) for x in doc[c.start:c.end] if x.i != i)
                and not any(self.lex.head_of(x) for x in doc[c.start:c.end])))
            inside = "\n" in doc[i].text or doc[i].text in _BRACKETS or dash or joined
            if inside or "\n" in doc[i].whitespace_:
                end = i if inside else i + 1
                if end > cur:
                    parts.append(c.sub(cur, end))
                cur = i + 1
        if cur < c.end:
            parts.append(c.sub(cur, c.end))
        return [self._dateline_place(p) for p in parts]

    def _dateline_place(self, c: _Cand) -> _Cand:
        """A known place opening a line before a spaced dash is a wire dateline's city ("CITY --
        The court ..."), whatever the tagger took it for."""
        doc = self.doc
        starts_line = c.start == 0 or "\n" in doc[c.start - 1].text or "\n" in doc[c.start - 1].whitespace_
        if c.label != "place" and starts_line and c.end < len(doc) and self._spaced_dash(c.end) \
                and is_known_place(doc[c.start:c.end].text):
            out = c.sub(c.start, c.end, "place")
            out.types = ["place"]
            return out
        return c

    def _spaced_dash(self, i: int) -> bool:
        t = self.doc[i]
        marks = "".join(self.lex.dashes)
        return bool(marks) and bool(t.text) and all(ch in marks for ch in t.text) and bool(t.whitespace_) \
            and i > 0 and bool(self.doc[i - 1].whitespace_)

    def _trim(self, c: _Cand) -> _Cand | None:
        """Drop determiners, titles, role words and punctuation at the edges of a span; a title or
        a role word becomes a cue ("Mr Petrov", "Lawyer Jane Doe", "Адвокат Петрова")."""
        doc, lex = self.doc, self.lex
        start, end = c.start, c.end
        if all(lex.cue_word(t) for t in doc[start:end] if not t.is_punct and not t.is_space):
            return None  # "Адвокат" at a line start, taken for a name: a role word names nobody
        types = list(c.types)
        institution = lex.head_of(doc[end - 1]) is not None and end - start > 1  # "Student Union"
        while start < end:
            t = doc[start]
            if t.lower_ in lex.leading and lex.is_title(t) and start + 1 < end:
                types.append("person")  # "Mr Petrov", "Dr. Jane Doe"
                start += 1
            elif t.lower_ in lex.leading or t.is_punct or t.is_space:
                start += 1
            elif start + 1 < end and not institution and self._cue_before_name(t, doc[start + 1]):
                # "Lawyer Jane Doe", "Ethnic Ardinians", "Адвокат Петрова": the cue is not part of the name
                types.append(lex.type_of(t))  # type: ignore[arg-type]
                start += 1
            elif start + 1 < end and not institution and lex.type_of(t) == "organization" \
                    and (t.is_lower or t.lower_ in lex.not_names):
                # "the NGO Adilet Zhol" taken for a person: the organisation noun says what it is
                types.append("organization")
                start += 1
            else:
                break
        while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space) \
                and doc[end - 1].text not in lex.possessive_markers and not self._closes_inside(start, end - 1):
            end -= 1
        # "fined Jane Doe 150,000 tenge": the tagger ran a name into the amount after it
        first = start + 1 if c.label in ("person", "group") else start + 2  # "Channel 4" names an organisation
        cut = next((k for k in range(first, end) if doc[k].like_num and all(
            self._name_token(doc[i]) for i in range(start, k))), None)
        if cut is not None:
            end = cut
        if end <= start:
            return None
        if end < len(doc) and self._unclosed(start, end):
            end += 1  # "Human Rights Center “Example" + "”": the closing mark the tagger left out
        out = c.sub(start, end)
        out.types = types
        return out

    def _closes_inside(self, start: int, k: int) -> bool:
        """Whether token k closes a quotation mark or bracket opened inside [start, k) ("ИК «Северная»")."""
        close = self.doc[k].text
        opener = _OPENERS.get(close)
        return opener is not None and any(self.doc[i].text == opener for i in range(start, k))

    def _unclosed(self, start: int, end: int) -> bool:
        """Whether token `end` closes a quotation mark opened in [start, end) and not closed there."""
        close = self.doc[end].text
        opener = _OPENERS.get(close)
        if opener is None or opener == _BRACKETS[0]:
            return False
        texts = [t.text for t in self.doc[start:end]]
        if opener == close:
            return texts.count(opener) % 2 == 1
        return texts.count(opener) > texts.count(close)

    def _cue_before_name(self, t: Token, nxt: Token) -> bool:
        return self.lex.type_of(t) in ("person", "group") and nxt.pos_ == "PROPN"

    def _split_court_place(self, cands: list[_Cand]) -> list[_Cand]:
        """An organisation's place and the person after it, tagged as one name: "Judge of the X
        District Court of Velbrod Marta Oskina" is the court of that place and the judge. Only
        where the first word is a known place and two or three name words follow it."""
        doc, lex = self.doc, self.lex
        out: list[_Cand] = []
        for c in sorted(cands, key=lambda c: c.start):
            prev = out[-1] if out else None
            words = doc[c.start + 1:c.end]
            if prev is not None and prev.end == c.start - 1 and prev.label == "organization" \
                    and doc[c.start - 1].lower_ in lex.connectors and lex.head_of(doc[prev.end - 1]) == "organization" \
                    and 2 <= len(words) <= 3 and all(self._name_token(t) for t in words) \
                    and is_known_place(doc[c.start].text):
                out[-1] = prev.sub(prev.start, c.start + 1)
                person = c.sub(c.start + 1, c.end, "person")
                person.types = [*c.types, "person"]
                out.append(person)
                continue
            out.append(c)
        return out

    def _join_genitives(self, cands: list[_Cand]) -> list[_Cand]:
        """An organisation followed by a name in the genitive is one name ("Тверской суд" +
        "Москвы", "Военная коллегия" + "Верховного суда" + "РФ"): only the head is put in the
        nominative. A part of an organisation (`org_parts`: a chamber, a presidium) keeps the
        organisation it belongs to as its owner. A bare facility code and an "organisation"
        whose head is animate (a person's title at a line start) are no names."""
        doc, lex, text = self.doc, self.lex, self.text
        out: list[_Cand] = []
        for c in sorted(cands, key=lambda c: c.start):
            prev = out[-1] if out else None
            if prev is not None:
                between = text[doc[prev.end - 1].idx + len(doc[prev.end - 1]):doc[c.start].idx]
                part = self._head(prev).lemma_.lower() in lex.org_parts
                adjacent = between.strip() == "" or (
                    prev.owner is None and part and lex.part_remit is not None
                    and lex.part_remit.fullmatch(between) is not None)
                if prev.label == "organization" and c.label in ("organization", "place") and adjacent \
                        and "\n" not in between and self.feat(doc[c.start], "Case") == "Gen":
                    joined = _Cand(prev.start, c.end, "organization", prev.types, prev.roles,
                                   None if prev.normal is None else dict(prev.normal), prev.owner, trusted=prev.trusted)
                    if joined.normal is not None:
                        joined.normal.update({i: doc[i].text for i in range(prev.end, c.end)})
                    if prev.owner is not None:  # "... Верховного суда" + "РФ": the owner grows too
                        joined.owner = prev.owner.sub(prev.owner.start, c.end)
                        if joined.owner.normal is not None:
                            joined.owner.normal = {**joined.owner.normal,
                                                   **{i: doc[i].text for i in range(prev.owner.end, c.end)}}
                    elif c.label == "organization" and part:
                        joined.owner = c
                    out[-1] = joined
                    continue
            span_text = doc[c.start:c.end].text
            if c.label == "organization" and span_text in lex.facility_codes:
                continue  # a bare "СИЗО" is a kind of place, not a name
            if c.label == "organization" and self.feat(self._head(c), "Animacy") == "Anim":
                continue  # "Районному депутату" at a line start: a person's title, not an organisation
            out.append(c)
        return out

    def _join_quoted_names(self, cands: list[_Cand]) -> list[_Cand]:
        """ "Human Rights Center “Example”", "Правозащитный центр «Пример»", "НКО «Пример»": an
        organisation's name that ends in what it is, followed by its own name in quotation marks, is
        one name, quotation marks included."""
        doc, lex = self.doc, self.lex
        out: list[_Cand] = []
        skip_to = -1
        for c in sorted(cands, key=lambda c: c.start):
            if c.start < skip_to:
                continue
            quoted = self._quoted_after(c.end)
            if quoted is not None and c.label != "person" and (
                    lex.head_of(doc[c.end - 1]) == "organization" or lex.type_of(doc[c.end - 1]) == "organization"):
                joined = c.sub(c.start, quoted, "organization")
                joined.types = [*c.types, "organization"]
                joined.normal = None
                joined.fixed = norm_form(doc[c.start:quoted].text.translate(_NO_MARKS), lex.possessive_markers)
                out = [o for o in out if o.end <= c.start]
                out.append(joined)
                skip_to = quoted
                continue
            out.append(c)
        return out

    def _quoted_after(self, end: int) -> int | None:
        """The end of a name in quotation marks right after token `end` ("“Example”"), if one is there."""
        doc = self.doc
        if end >= len(doc) or doc[end].text not in _OPENERS.values() or doc[end].text in _BRACKETS \
                or not doc[end - 1].whitespace_:
            return None
        for k in range(end + 1, min(end + 8, len(doc))):
            t = doc[k]
            if _OPENERS.get(t.text) == doc[end].text or (t.text == doc[end].text and t.text in _STRAIGHT):
                inner = doc[end + 1:k]
                ok = len(inner) > 0 and inner[0].text[:1].isupper() and all(
                    w.is_title or w.is_upper or w.is_punct or w.like_num or w.lower_ in self.lex.connectors
                    or not w.is_alpha for w in inner)
                return k + 1 if ok else None
            if "\n" in t.text or "\n" in t.whitespace_:
                return None
        return None

    def _head(self, c: _Cand) -> Token:
        """The span's syntactic head: its token whose head lies outside the span."""
        for t in self.doc[c.start:c.end]:
            if not t.is_space and (t.head.i == t.i or not c.start <= t.head.i < c.end):
                return t
        return self.doc[c.start]

    def _extend(self, c: _Cand) -> _Cand:
        """Take in the rest of a proper-noun name, and a lower-case institution noun after an unknown name."""
        doc, lex = self.doc, self.lex
        end, start = c.end, c.start
        person = c.label == "person" or self._person_cue(c.start, c.end)[0]
        while person and start > 0 and c.end - start < 4 and self._name_token(doc[start - 1]) \
                and self._untagged(doc[start - 1]) and _same_line(doc, start) and not lex.type_of(doc[start - 1]) \
                and not lex.role_of(doc[start - 1]):
            start -= 1  # "Artem" + "Temirkhanov": a first name the tagger left out
        while end < len(doc) and _same_line(doc, end):
            if self._name_token(doc[end]) and not doc[end].ent_type_ and lex.type_of(doc[end]) != "person":
                end += 1  # "Northern" + "Valley Region", but not "Country" + "President"
            elif self._glued_apostrophe(end) and end + 1 < len(doc) and self._name_token(doc[end + 1]):
                end += 1  # "Asel’ Bekova": a soft sign the tokenizer split off, not a quote
            elif person and end - c.start < 4 and self._surname_like(doc[end]):
                end += 1  # "Jane" + "Doe" that the tagger took for a preposition: a capital mid-sentence
            else:
                break
        span_text = doc[c.start:end].text
        for k in (1, 2):  # "X court", "X district court"
            j = end + k - 1
            if j < len(doc) and doc[j].lower_ in lex.tails and all(
                doc[i].is_lower and doc[i].pos_ in ("NOUN", "ADJ") for i in range(end, j + 1)
            ) and not is_known_place(span_text) and c.label not in ("person", "group"):
                out = c.sub(c.start, j + 1, "organization")
                out.types = [*c.types, "organization"]
                return out
        return c.sub(start, end)

    def _join_glossed(self, cands: list[_Cand]) -> list[_Cand]:
        """A name and the gloss and head words after it, as one organisation (`_glossed_name`)."""
        out: list[_Cand] = []
        upto = -1
        for c in sorted(cands, key=lambda c: c.start):
            if c.start < upto:
                continue  # the gloss or the head words, now inside the name
            end = self._glossed_name(c.end)
            if end > c.end:
                c = c.sub(c.start, end, "organization")
                c.types = [*c.types, "organization"]
                upto = end
            out.append(c)
        return out

    def _glossed_name(self, end: int) -> int:
        """Where a name ends that a gloss in parentheses interrupts: "Velna (Spring) Human Rights
        Centre" is one organisation's name, its own word translated, when capitalised words
        ending in a word that heads such names follow the parenthesis (whatever the tagger took
        the first word for)."""
        doc, lex = self.doc, self.lex
        if end >= len(doc) or doc[end].text != "(":
            return end
        close = next((k for k in range(end + 1, min(end + GLOSS_WORDS + 2, len(doc))) if doc[k].text == ")"), None)
        if close is None or close == end + 1 or not all(t.text[:1].isupper() for t in doc[end + 1:close]):
            return end
        k = close + 1
        while k < len(doc) and k - close <= GLOSS_WORDS and doc[k].text[:1].isupper() and doc[k].is_alpha \
                and _same_line(doc, k):
            k += 1
        return k if k > close + 1 and lex.head_of(doc[k - 1]) == "organization" else end

    # ---------------------------------------------------------------- token tests

    def _name_token(self, t: Token) -> bool:
        """A capitalised proper-noun word; apostrophes inside count ("Natal’ya" is one word)."""
        return t.pos_ == "PROPN" and t.text[:1].isupper() and bool(_NAME_WORD.match(t.text))

    def _surname_like(self, t: Token) -> bool:
        """A capitalised word right after a name, mid-sentence, whatever the tagger calls it."""
        prev = t.doc[t.i - 1]
        return t.text[:1].isupper() and bool(_NAME_WORD.match(t.text)) and not t.is_stop and not t.ent_type_ \
            and prev.whitespace_ == " " and not prev.is_punct and t.pos_ not in ("VERB", "AUX", "PRON", "DET") \
            and not self.lex.cue_word(t)

    def _glued_apostrophe(self, i: int) -> bool:
        doc = self.doc
        return doc[i].text in _APOSTROPHES and i > 0 and not doc[i - 1].whitespace_ and self._name_token(doc[i - 1])

    def _untagged(self, t: Token) -> bool:
        """No name label of ours: untagged, or a label we do not read ("Jane Doe" taken for a product)."""
        if t.ent_type_ in self.lex.number_labels:
            return not any(ch.isdigit() for ch in t.text)  # "Gul’nara" taken for a number
        return not t.ent_type_ or t.ent_type_ in self.lex.other_name_labels

    def _key(self, text: str) -> str:
        return norm_form(text, self.lex.possessive_markers).lower()

    # ---------------------------------------------------------------- names the parser missed

    def _facilities(self) -> list[_Cand]:
        """ "СИЗО-1", "ИК-2 Мордовии", "IK-12", "penal colony No. 4 in Velbrod", "the Velbrod
        colony": a detention place named by a code and a number, by a kind noun and a number, or by
        a name before a kind noun, with the town it stands in when that follows. A code of the
        language's list is a place; another word of the code's shape is one where a place noun
        stands near it."""
        doc, lex = self.doc, self.lex
        matches: list[tuple[int, int, bool]] = []
        if lex.facility_rx is not None:
            matches += [(m.start(), m.end(), True) for m in lex.facility_rx.finditer(self.text)]
        if lex.facility_shape is not None:
            matches += [(m.start(), m.end(), False) for m in lex.facility_shape.finditer(self.text)
                        if not any(a <= m.start() < b for a, b, _ in matches)]
        found = [(span, known) for a, b, known in matches
                 if (span := doc.char_span(a, b, alignment_mode="expand")) is not None]
        found += [(span, True) for span in self._facility_phrases()
                  if not any(s.start < span.end and span.start < s.end for s, _ in found)]
        out: list[_Cand] = []
        inflected = "name_nominative" in lex.hooks
        for span, known in found:
            end = self._located(span)
            types: list[EntityType] = ["place"] if known else self._code_types(span[0])
            c = _Cand(span.start, end, "place" if known else None, types)
            heads = [t for t in span if lex.facility_head(t)]
            if heads and inflected:
                c.normal = {heads[-1].i: heads[-1].lemma_}  # put in the nominative with its adjectives
            else:
                c.fixed = doc[span.start:end].text if known else None
            out.append(c)
        return out

    def _facility_phrases(self) -> list[Span]:
        """A kind noun of a detention place with its number ("pre-trial detention centre № 1",
        "исправительную колонию №4") or with a name before it ("the Velbrod penal colony"), and the
        words before it that say which kind ("penal", "women's"). Not a place of a kind in general
        ("a Velbrod prison", "the colony")."""
        doc, lex = self.doc, self.lex
        out: list[Span] = []
        if not lex.facility_heads:
            return out
        for t in doc:
            if not lex.facility_head(t):
                continue
            start = t.i
            while start > t.sent.start and t.i - start < FACILITY_WORDS and self._facility_word(doc[start - 1]):
                start -= 1
            while start < t.i and not doc[start].is_alpha:
                start += 1
            number = lex.facility_number.match(self.text, t.idx + len(t.text)) if lex.facility_number else None
            if number is not None:
                span = doc.char_span(doc[start].idx, number.end(), alignment_mode="expand")
                if span is not None:
                    out.append(span)
                continue
            if lex.facility_head(t, named=True) and self._named_facility(start, t):
                out.append(doc[start:t.i + 1])
        return out

    def _named_facility(self, start: int, head: Token) -> bool:
        """Whether the words before a detention place's kind noun name one place ("the Velbrod
        colony", "Evin prison"): a name among them; no indefinite article before ("a Velbrod
        prison" is any); the kind noun not a word inside a longer name ("Special Penitentiary
        Service", a title-case headline's "Prison Conditions") nor qualifying a noun after it."""
        doc = self.doc
        named = [w for w in doc[start:head.i] if w.pos_ == "PROPN" and w.text[:1].isupper() and w.i != w.sent.start
                 and self.lex.label(w) != "group"]
        before = doc[start - 1] if start > 0 else None
        after = doc[head.i + 1] if head.i + 1 < len(doc) else None
        if not named or (before is not None and before.pos_ == "DET" and before.lower_ not in self.lex.articles) \
                or self.g.is_(head, "compound"):
            return False  # (a kind noun qualifying another: "his Velbrod prison term")
        return after is None or not (after.is_alpha and after.text[:1].isupper())

    def _facility_word(self, t: Token) -> bool:
        """A word before a detention place's kind noun that belongs to its name: a qualifier
        ("penal", "pre-trial", "исправительную") or the name of the place ("Velbrod", whatever
        the tagger calls it), not another kind noun ("штрафной изолятор колонии")."""
        if t.is_space or "\n" in t.whitespace_:
            return False
        if not t.is_alpha:
            return t.text in ("-", "\u2011") and not t.whitespace_ and t.i > 0 and not t.doc[t.i - 1].whitespace_
        return t.pos_ in ("ADJ", "NOUN", "PROPN") and not self.lex.cue_word(t) and not self.lex.facility_head(t) \
            and t.ent_type_ not in self.lex.time_labels and t.ent_type_ not in self.lex.number_labels \
            and self.lex.label(t) != "group"

    def _located(self, span: Span) -> int:
        """Where a detention place's name ends: after the town it stands in, when that follows in
        the genitive ("ИК-2 Мордовии") or after a locating preposition ("№4 в Велброде")."""
        doc, lex = self.doc, self.lex
        end = span.end
        nxt = doc[end] if end < len(doc) else None
        if nxt is None or not span[-1].whitespace_:
            return end
        if nxt.text[:1].isupper() and nxt.pos_ in ("PROPN", "NOUN") and self.feat(nxt, "Case") == "Gen":
            return end + 1  # "ИК-2 Мордовии"
        if nxt.lower_ in lex.facility_located and span[-1].text[-1:].isdigit() and end + 1 < len(doc):
            town = doc[end + 1]
            if town.pos_ == "PROPN" and town.text[:1].isupper() and lex.label(town) in ("place", None):
                return end + 2
        return end

    def _code_types(self, t: Token) -> list[EntityType]:
        """A code like "IK-12" typed by its apposition ("IK-12, a penal colony")."""
        near = self.g.children(t, "apposition") + [t.head] + list(t.doc[t.i + 1:t.i + 8])
        return ["place"] if any(self.lex.type_of(w) == "place" for w in near) else []

    def _extra_candidates(self, cands: list[_Cand]) -> list[_Cand]:
        """Names the parser missed: after a cue noun, with a name head word, known places, names the
        report gives elsewhere, acronyms, and names in parentheses after a name."""
        doc = self.doc
        headings = self.headings
        taken = {i for c in cands for i in range(c.start, c.end)}
        names: dict[str, Counter[EntityType]] = {}
        for c in cands:
            if c.label:
                names.setdefault(self._key(doc[c.start:c.end].text), Counter())[c.label] += 1
            if c.label == "person" and c.end - c.start >= 2:  # "Erlan Bek ... Bek denied": the surname alone
                names.setdefault(self._key(doc[c.end - 1].text), Counter())["person"] += 1
        out: list[_Cand] = []
        i = 0
        while i < len(doc):
            t = doc[i]
            if not self._name_token(t) or i in taken or _in(headings, t.idx):
                i += 1
                continue
            if self._untagged(t):
                j = i
                while j < len(doc) and j not in taken and self._untagged(doc[j]) and (self._name_token(doc[j]) or (
                        self._glued_apostrophe(j) and j + 1 < len(doc) and self._name_token(doc[j + 1]))):
                    j += 1
                cand = self._cue_run(i, j, names)
                if cand:
                    out.append(cand)
                    if cand.label == "person" and cand.end - cand.start >= 2:  # its surname, further on
                        names.setdefault(self._key(doc[cand.end - 1].text), Counter())["person"] += 1
                i = j
                continue
            i += 1
        out += self._institution_phrases(taken | {i for c in out for i in range(c.start, c.end)})
        for c in [*cands, *out]:  # "Northern Valley Region (NVR)", "X (Society of Roots)"
            paren = self._parenthesis_after(c.end)
            if paren:
                out = [o for o in out if o.end <= paren[0] or o.start >= paren[1]]
                out.append(_Cand(paren[0], paren[1], None))
        return out

    def _institution_phrases(self, taken: set[int]) -> list[_Cand]:
        """An institution named by its head noun (`institution_phrase_heads`) and the adjectives on
        it, the first capitalised, that the tagger did not take for a name ("Второй западный
        окружной военный суд", "Апелляционный суд"); with the place in the genitive after it
        ("... суд Велброда")."""
        doc, heads = self.doc, self.lex.phrase_heads
        out: list[_Cand] = []
        if not heads:
            return out
        for t in doc:
            if t.i in taken or t.pos_ != "NOUN" or t.lemma_.lower() not in heads:
                continue
            k = t.i
            while k > 0 and doc[k - 1].pos_ == "ADJ" and doc[k - 1].head.i == t.i and k - 1 not in taken \
                    and _same_line(doc, k):
                k -= 1
            if k == t.i or not doc[k].text[:1].isupper():
                continue
            end = t.i + 1
            if end < len(doc) and end not in taken and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper() \
                    and self.feat(doc[end], "Case") == "Gen" and _same_line(doc, end):
                end += 1
            out.append(_Cand(k, end, "organization", ["organization"]))
        return out

    def _cue_run(self, i: int, j: int, names: dict[str, Counter[EntityType]]) -> _Cand | None:
        """A proper-noun run the parser did not tag: keep it where something says it is a name.

        After or before an organisation/place cue, ending in a name head word, a known
        place, a name the report gives elsewhere, or an acronym in running text.
        """
        doc, lex = self.doc, self.lex
        while i < j - 1 and doc[i].lower_ in lex.leading:
            i += 1  # "Mr." of "Mr. Petrov"
        titled = False
        while i < j - 1 and lex.type_of(doc[i]) == "person":
            i, titled = i + 1, True  # "Blogger Jane Doe": the title is a cue, not part of the name
        k = i
        while k < j - 1 and not titled and lex.type_of(doc[k]) in ("organization", "place") \
                and (doc[k].is_lower or doc[k].lower_ in lex.not_names):
            k += 1  # "the NGO Tamyr Jolu": the cue itself is not the name
        if k > i:
            return _Cand(k, j, lex.type_of(doc[i]), [lex.type_of(doc[i])])  # type: ignore[list-item]
        if titled or self._person_cue(i, j)[0] or "person" in self._hints(doc[i:j], None)[1]:
            # "the blogger Jane Doe", "police detained Jane Doe", "Jane Doe, a poet,": the tagger missed a person
            while j < len(doc) and j - i < 4 and _same_line(doc, j) and self._surname_like(doc[j]):
                j += 1  # "Jane" + "Doe" that the tagger took for a preposition
            return _Cand(i, j, "person", ["person"])
        k = i
        while k < j and lex.type_of(doc[k]) in ("organization", "place"):
            k += 1  # "the NGO Tamyr Jolu": the cue itself is not the name
        prev = doc[i - 1] if i > 0 else None
        cue = lex.type_of(doc[i]) if k > i else (lex.type_of(prev) if prev is not None else None)
        if k < j and cue in ("organization", "place"):
            return _Cand(k, j, cue, [cue])
        if j < len(doc) and doc[j].lower_ in lex.owner_nouns:  # "the X headquarters"
            return _Cand(i, j, "organization", ["organization"])
        after = lex.type_of(doc[j]) if j < len(doc) and doc[j].is_lower else None
        if after in ("organization", "place"):  # "the X group", "the X region"
            return _Cand(i, j, after, [after])
        head = lex.head_of(doc[j - 1])
        if head and j - i >= 2:  # "Steppe Rights Watch", "Northern Valley Autonomous Region"
            return _Cand(i, j, head, [head])
        text = doc[i:j].text
        if is_known_place(text):
            return _Cand(i, j, "place")
        if self._key(text) in names:  # named elsewhere in the report, missed here by the tagger
            return _Cand(i, j, names[self._key(text)].most_common(1)[0][0])
        if j == i + 1 and _is_acronym(doc[i]) and i > self.sents.of(i)[0]:
            return _Cand(i, j, None)
        return None

    def _parenthesis_after(self, end: int) -> tuple[int, int] | None:
        """Token range of a name-like text in parentheses right after a name."""
        doc = self.doc
        if end >= len(doc) or doc[end].text != _BRACKETS[0]:
            return None
        close = next((k for k in range(end + 1, min(end + 12, len(doc))) if doc[k].text == _BRACKETS[1]), None)
        if close is None or close == end + 1:
            return None
        inner = doc[end + 1:close]
        conn = self.lex.connectors
        if inner[0].is_title or inner[0].is_upper:
            if all(t.is_title or t.is_upper or t.lower_ in conn or t.is_punct for t in inner):
                if any(t.is_alpha and t.lower_ not in conn for t in inner) and not any(t.like_num for t in inner):
                    return end + 1, close
        return None

    def _groups(self, cands: list[_Cand]) -> list[_Cand]:
        """Peoples and faiths written as plural common nouns ("уйгуры"): the language's `groups`."""
        if not self.lex.groups:
            return []
        taken = {i for c in cands for i in range(c.start, c.end)}
        out = []
        for t in self.doc:
            name = self.lex.groups.get(t.lemma_.lower())
            if name and self.feat(t, "Number") == "Plur" and t.i not in taken:
                c = _Cand(t.i, t.i + 1, "group", ["group"])
                c.fixed = name
                out.append(c)
        return out

    def _join_adjacent(self, cands: list[_Cand]) -> list[_Cand]:
        """ "Denis" + "Ospanov": a full name the tagger cut in two is one mention.

        Two spans that touch (one space, same line) and are both only name words make
        one person when either is tagged a person (or a cue says the whole is one) and neither is a
        known place nor a demonym ("Russian" + "Jane Doe" stays apart); at most four words.
        """
        out: list[_Cand] = []
        for c in sorted(cands, key=lambda c: c.start):
            prev = out[-1] if out else None
            if prev is not None and prev.end == c.start and self._joinable(prev, c):
                normal = {**prev.normal, **c.normal} if prev.normal is not None and c.normal is not None else None
                out[-1] = _Cand(prev.start, c.end, "person", prev.types + c.types, prev.roles + c.roles, normal)
            else:
                out.append(c)
        return out

    def _joinable(self, a: _Cand, b: _Cand) -> bool:
        doc = self.doc
        if b.end - a.start > 4 or a.fixed or b.fixed:
            return False
        cue = self._person_cue(a.start, b.end)[0]
        if "person" not in (a.label, b.label) and not cue:
            return False
        if any(self.lex.type_of(t) or t.lower_ in self.lex.not_names for t in doc[a.start:b.end]):
            return False  # "NGO" + "Adilet Zhol": a common noun is no part of a person's name
        if not _same_line(doc, b.start) or doc[a.end - 1].whitespace_ != " ":
            return False
        for f in ("Case", "Gender"):
            fa, fb = self.feat(doc[a.end - 1], f), self.feat(doc[b.start], f)
            if fa and fb and fa != fb:
                return False  # "адвоката Лесных" + "Павел Сомов": the words of one name agree
        if not any(a.start <= t.head.i < a.end for t in doc[b.start:b.end]) \
                and not any(b.start <= t.head.i < b.end for t in doc[a.start:a.end]):
            return False  # "сторонника Партии" + "Ивана Сомова": the parts of one name hang on each other
        for c in (a, b):
            span = doc[c.start:c.end]
            # the name words only, whatever their tags: a broken parse calls a surname a preposition
            words = all(_NAME_WORD.match(t.text) and t.text[:1].isupper() or self._glued_apostrophe(t.i) for t in span)
            if not words or (is_known_place(span.text) and not cue):
                return False  # "Moscow" + "Jane Doe"; but "the poet Jane" + "Sokolov" is one name
            if c.label == "group" and any(t.pos_ != "PROPN" for t in span):
                return False  # an adjective ("Russian") before a name is a demonym, not a first name
        return True

    def _adjectival_demonym(self, c: _Cand) -> bool:
        """A span the tagger calls a people ("Turkic" of "Turkic group") that qualifies a noun after it.

        Kept when the noun is a people's ("the Uzbek community"), as that does refer to the group.
        """
        if c.label != "group" or c.types or c.end - c.start > 2 or c.fixed:
            return False
        if any(self.lex.label(t) != "group" for t in self.doc[c.start:c.end]) or self._person_cue(c.start, c.end)[0]:
            return False  # "Marat" (tagged a people) + "Sharipov": a person's name
        return self._qualifies_noun(self.doc[c.start:c.end])

    def _qualifies_noun(self, span: Span) -> bool:
        """Whether a short name modifies a noun after it that is not a people's noun ("Chinese money")."""
        root = span.root
        if len(span) > 2 or not self.g.is_(root, "adjective", "compound", "nominal_modifier") \
                or root.head.i < span.end or root.head.pos_ not in ("NOUN", "PROPN"):
            return False
        return self.lex.type_of(root.head) != "group"

    def _unit_of_organisation(self, c: _Cand) -> bool:
        """ "Example Radio's Uzbek Service": a desk of the organisation just named, no entity of its own."""
        doc = self.doc
        if c.start < 2 or doc[c.start - 1].text not in self.lex.possessive_markers or c.end - c.start != 2:
            return False
        return doc[c.end - 1].lower_ in self.lex.unit_heads

    # ---------------------------------------------------------------- headlines and credits

    def _filter_heading(self, c: _Cand, headings: list[tuple[int, int]], body: set[str]) -> list[_Cand]:
        """In a headline keep only the parts of a span that the body also names (longest first)."""
        doc = self.doc
        if not _in(headings, doc[c.start].idx) or c.fixed:
            return [c]
        out, i = [], c.start
        while i < c.end:
            for j in range(c.end, i, -1):
                if self._key(doc[i:j].text) in body:
                    out.append(c.sub(i, j))
                    i = j
                    break
            else:
                i += 1
        return out

    def _is_credit(self, c: _Cand) -> bool:
        """A photo credit or byline: "Jane Doe / Agency", "(Agency Photo/Jane Doe)", "By Jane Doe"."""
        span, text, lex = self.doc[c.start:c.end], self.text, self.lex
        if any(p.search(span.text) for p in lex.credit_inside):
            return True
        line_start = text.rfind("\n", 0, span.start_char) + 1
        line_end = text.find("\n", span.end_char)
        before = text[line_start:span.start_char]
        after = text[span.end_char:line_end if line_end >= 0 else len(text)]
        if any(p.search(before) for p in lex.before_credit):
            return True
        return c.label == "person" and any(p.search(after) for p in lex.after_credit)

    # ---------------------------------------------------------------- cues

    def _agree(self, cue: Token, name: Token) -> bool:
        """Whether a cue noun stands in apposition to a name: not a noun the name is a nominal modifier
        of ("депутата Заречного района": the district's deputy), and agreeing with it in case, and in
        number unless the name is one of several ("his lawyers, Jane Doe and John Roe"). A feature the
        parse does not give holds."""
        root = name
        while root.head.i != root.i and self.g.is_(root, "name_part", "compound") and root.head.pos_ == "PROPN":
            root = root.head
        if root.head.i == cue.i and self.g.is_(root, "nominal_modifier", "possessor"):
            return False
        for f in ("Case", "Number"):
            a, b = self.feat(cue, f), self.feat(name, f)
            if a is None or b is None or a == b:
                continue
            if f == "Number" and (self.g.is_(name, "conjunct") or self.g.children(name, "conjunct")) \
                    and any(t.is_punct for t in self.doc[min(cue.i, name.i) + 1:max(cue.i, name.i)]):
                continue
            return False
        return True

    def _role_before(self, first: int, root: Token) -> Role | None:
        """The role named by a cue word the name stands in apposition to: right before it ("его
        адвокат Иван Петров", "lawyer Jane Doe") or further, as the parse's head ("судья ... суда
        Москвы Анна Петрова"), agreeing with the name: "адвокат Петрова" is Petrov's lawyer."""
        doc = self.doc
        name = root
        cands = [j for j in (first - 1, first - 2) if j >= self.sents.of(first)[0]]
        if self.g.is_(name, "apposition") and name.head.i != name.i:
            cands.append(name.head.i)
        skip: set[int] = set()
        for j in cands:
            if j in skip:
                continue
            t = doc[j]
            role = self.lex.role_of(t) if self.lex.type_of(t) == "person" else None
            if role:
                return role if self._agree(t, name) else None
            if j == first - 1 and t.pos_ not in ("ADJ", "DET", "PRON") and t.text != ",":
                skip.add(first - 2)  # "the wife of Jane Roe": a word between, and the cue is not hers
        return None

    def _role_after(self, stop: int) -> Role | None:
        """The role a dash gives the name: "Иван Петров — адвокат активистки" (a cue in the nominative
        right after the dash, perhaps after an adjective or a determiner: "— бывший адвокат")."""
        doc = self.doc
        if stop >= len(doc) or doc[stop].text not in self.lex.dashes or not doc[stop - 1].whitespace_ \
                or self.sents.index[stop] != self.sents.index[stop - 1]:
            return None
        for t in doc[stop + 1:stop + 3]:
            role = self.lex.role_of(t)
            if role and self.lex.type_of(t) == "person" and self.feat(t, "Case") in (None, "Nom"):
                return role
            if t.pos_ not in ("ADJ", "DET"):
                break
        return None

    def _person_cue(self, start: int, end: int) -> tuple[bool, list[Role]]:
        key = (start, end)
        if key not in self._cues:
            self._cues[key] = self._find_person_cue(start, end)
        return self._cues[key]

    def _find_person_cue(self, start: int, end: int) -> tuple[bool, list[Role]]:
        """Whether the words around a name say it is a person, and the role they give.

        "the blogger Jane Doe" (a person noun right before, its role too), "his lawyer,
        Jane Doe" (before a comma: the type only, the comma may end a clause), "the
        34-year-old Jane Doe", "police detained Jane Doe", "Jane Doe was sentenced".
        These hold where the small model's parse is too poor for an apposition.
        """
        doc, lex, g = self.doc, self.lex, self.g
        if end < len(doc) and lex.person_noun(doc[end]) and doc[end].is_lower:
            return False, []  # "the imprisoned Kremlin critic X": the name qualifies the noun after it
        prev = doc[start - 1] if start > 0 else None
        if prev is not None and lex.person_noun(prev) and prev.is_lower and self._agree(prev, doc[start:end].root):
            role = lex.role_of(prev)  # "адвокат Петрова" (the genitive) is someone's lawyer, not Petrov
            return True, [role] if role else []
        if prev is not None and prev.text == "," and start > 2 and lex.person_noun(doc[start - 2]) \
                and doc[start - 2].is_lower and g.is_(doc[start - 3], "determiner", "possessor"):
            return True, []
        if prev is not None and lex.is_title(prev):
            return True, []  # "Mr. Petrov"
        if self._pattern_before(start):
            return True, []  # "the 34-year-old X"
        if end + 1 < len(doc) and doc[end].text in lex.possessive_markers and lex.role_of(doc[end + 1]) == "relative":
            return True, []  # "Doe's wife": only a person has one
        if self._his_or_her_after(start, end):
            return True, []
        root = doc[start:end].root
        while g.is_(root, "conjunct") and root.head.i < root.i:
            root = root.head  # "detained Jane Doe and John Roe"
        if end - start >= 2 or not is_known_place(doc[start:end].text):
            if g.is_(root, "object", "passive_subject") and root.head.lemma_.lower() in lex.person_verbs:
                return True, []
            gov = g.governor(root)
            prep = g.preposition_of(root)
            if gov.i != root.i and gov.lemma_.lower() in lex.person_of.heads and (
                    (prep is not None and prep.lower_ in lex.person_of.preps)
                    or (prep is None and g.is_(root, "nominal_modifier"))):
                return True, []  # "the release of Jane Doe", "освобождения Ивана Петрова"
            if prev is not None and prev.pos_ == "VERB" and prev.lemma_.lower() in lex.person_verbs:
                return True, []
        return False, []

    def _his_or_her_after(self, start: int, end: int) -> bool:
        """ "Jane Doe was held overnight, her lawyer said": the subject has a lawyer, hence is a person.

        Only for the subject of its clause, with no other name between it and the
        pronoun, and not for a known place or a name with an institution's head word.
        """
        doc, lex, g = self.doc, self.lex, self.g
        if not lex.possessive_pronouns:
            return False
        span = doc[start:end]
        root = span.root
        while g.is_(root, "conjunct") and root.head.i < root.i:
            root = root.head
        if not g.is_(root, "subject", "passive_subject") or is_known_place(span.text) or lex.head_of(span[-1]):
            return False
        for t in doc[end:self.sents.of(start)[1]]:
            if t.ent_type_ and t.ent_type_ not in lex.number_labels and t.ent_type_ not in lex.time_labels:
                return False  # another name: the pronoun may be its
            if t.lower_ in lex.possessive_pronouns and t.head.i > t.i and t.head.pos_ == "NOUN":
                noun = t.head
                return lex.person_noun(noun) and lex.role_of(noun) in ("lawyer", "relative")
        return False

    def _after_article(self, c: _Cand) -> bool:
        """Whether a name stands right after a definite article, in lower case mid-sentence (or cut from
        the name's own start): "told the Steppe Herald"."""
        doc, k = self.doc, c.start - 1
        return k >= 0 and doc[k].lower_ in self.lex.articles and doc[k].is_lower and doc[k].whitespace_ == " "

    def _on_platform(self, c: _Cand) -> bool:
        """ "videos on Twitter", "wrote on Telegram": the name after "on"/"via" is a platform."""
        doc, lex = self.doc, self.lex
        if c.end - c.start != 1 or c.start < 2 or doc[c.start - 1].lower_ not in lex.platform.preps:
            return False
        head = doc[c.start - 1].head
        return head.lemma_.lower() in lex.platform.heads or head.lower_ in lex.platform.heads

    def _hints(self, span: Span, label: EntityType | None) -> tuple[list[Role], list[EntityType]]:
        """Role and type votes from the words attached to a name in the parse."""
        lex, g = self.lex, self.g
        inside = set(range(span.start, span.end))
        words: list[Token] = []
        for t in span:
            words += [ch for ch in g.children(t, "compound", "adjective", "apposition") if ch.i not in inside]
        root = span.root
        roles: list[Role] = []
        types: list[EntityType] = []
        if g.is_(root, "apposition") and root.head.i not in inside:
            words.append(root.head)  # "his lawyer, X", "the group X": X is what the noun says
        elif g.is_(root, "compound", "nominal_modifier") and root.head.lower_ in lex.owner_nouns:
            types.append("organization")  # "X headquarters", "X spokesman": X is an organisation
        # other compounds ("a ministry critic", "the Oralsk court") say what the name is not
        for w in words:
            role = lex.role_of(w)
            if role and self._agree(w, root):
                roles.append(role)
            kind = lex.type_of(w)
            if kind:
                types.append(kind)
        last = span[-1] if span[-1].text not in lex.possessive_markers or len(span) < 2 else span[-2]
        if len(span) > 1 and lex.head_of(last):
            types.append(lex.head_of(last))  # type: ignore[arg-type]
        if self._owned_by_organisation(span):
            types.append("organization")  # "the head of X", "X's director", "члены X"
        if lex.peoples_capitalised and len(span) == 1 and g.is_(root, "adjective", "compound") \
                and root.head.is_lower and root.head.pos_ == "NOUN" and not span[0].is_upper \
                and not is_known_place(span.text):
            head_type = lex.type_of(root.head)
            if g.is_(root, "adjective") or root.pos_ == "ADJ":
                head_type = None  # "the Ardinian region": an adjective names a people, not the region
            if head_type in ("place", "organization", "group"):
                types.append(head_type)  # "the Zarechny region", "the Tamyr group", "the Ardinian community"
            elif head_type is None:
                types.append("group")  # "an Ardinian poet", "Turkic minorities": a people's name as an adjective
        if lex.peoples_capitalised and len(span) == 1 and root.pos_ in ("PROPN", "NOUN") \
                and self.feat(root, "Number") == "Plur":
            types.append("group")  # "Ardinians": a people, not a person
        return roles, types

    def _owned_by_organisation(self, span: Span) -> bool:
        """Whether a name belongs to a noun only an organisation has ("the head of X", "X's staff")."""
        lex, g = self.lex, self.g
        if not lex.owned_by_org.heads or is_known_place(span.text) or lex.head_of(span[-1]) == "place":
            return False
        root = span.root
        if g.is_(root, "possessor") and {root.head.lower_, root.head.lemma_.lower()} & lex.owned_by_org.heads:
            return True
        gov, prep = g.governor(root), g.preposition_of(root)
        if gov.i == root.i or not {gov.lower_, gov.lemma_.lower()} & lex.owned_by_org.heads or gov.pos_ != "NOUN":
            return False
        if prep is not None:
            return prep.lower_ in lex.owned_by_org.preps
        return not lex.owned_by_org.preps and g.is_(root, "nominal_modifier") and self.feat(root, "Case") in ("Gen", None)

    def _distant_cue(self, span: Span, cands: list[_Cand]) -> list[Role]:
        """ "a spokesman for his group, X (Y), Jane Doe, told": the cue before a name that qualifies it.

        The parse often hangs such a name on the organisation; the words between cue and name
        are one of the cue's prepositions, a determiner or possessive, at most two lower-case
        words, and other names in apposition (with one in parentheses).
        """
        lex, doc, g = self.lex, self.doc, self.g
        lo = self.sents.of(span.start)[0]
        k = span.start - 1
        if not lex.distant.heads or k <= lo or doc[k].text != ",":
            return []
        k -= 1
        ends = {c.end: c for c in cands if c.end <= span.start}
        if doc[k].text == _BRACKETS[1]:  # "X (Y), Jane Doe"
            inner = ends.get(k)
            if inner is None or inner.start < 2 or doc[inner.start - 1].text != _BRACKETS[0]:
                return []
            k = inner.start - 2
            outer = ends.get(k + 1)
            if outer is None:
                return []
            k = outer.start - 1
        elif (outer := ends.get(k + 1)) is not None:
            k = outer.start - 1
        else:
            return []  # "a spokesman for the group, Jane Doe": an apposition the parse reads
        lower = 0
        while k > lo and (doc[k].text == "," or (doc[k].is_lower and doc[k].is_alpha and doc[k].lower_ not in
                                                  lex.distant.preps and not g.is_(doc[k], "determiner", "possessor"))):
            lower += doc[k].text != ","
            if lower > 2:
                return []
            k -= 1
        if k > lo and g.is_(doc[k], "determiner", "possessor"):
            k -= 1
        if k <= lo or doc[k].lower_ not in lex.distant.preps:
            return []
        cue = doc[k - 1]
        role = lex.role_of(cue)
        return [role] if role and cue.lower_ in lex.distant.heads else []

    # ---------------------------------------------------------------- mentions

    def _emit(self, cands: list[_Cand]) -> list[Mention]:
        doc, lex, text = self.doc, self.lex, self.text
        out: list[Mention] = []
        seen: set[tuple[int, int]] = set()
        nominative_cue: set[str] = set()
        for c in sorted(cands, key=lambda c: c.start):
            span = doc[c.start:c.end]
            start, end = _slashed(text, span.start_char, span.end_char)
            titled = self._title_before(c.start)  # "Mr Petrov" as written; looked up as "Petrov"
            norm = self._norm(c, span) if (start, end) == (span.start_char, span.end_char) \
                else norm_form(text[start:end], lex.possessive_markers)
            if not norm or not any(ch.isalpha() for ch in norm) or (start, end) in seen:
                continue
            low = norm.lower()
            if low in lex.titles or f"{low}." in lex.titles:
                continue  # "spokesman Col. X": a title before a name, not a name
            if low in lex.types or low in lex.roles or low in lex.not_names or (
                    not c.fixed and all(lex.cue_word(t) for t in span if not t.is_punct and not t.is_space)):
                continue  # "NGO", "Government", "Адвокат": a common noun written with a capital, not a name
            roles, types = self._hints(span, c.label)
            types, roles = c.types + types, c.roles + roles
            person, cue_roles = self._person_cue(c.start, c.end)
            if person:
                types, roles = [*types, "person"], [*roles, *cue_roles]
            elif c.label == "person" and self._on_platform(c):
                types = [*types, "organization"]  # "videos on Twitter": a platform the tagger took for a person
            elif c.label == "person" and self._after_article(c):
                types = [*types, "organization"]  # "told the Steppe Herald": no person takes the article
            nominative = False
            if c.label == "person" or person:
                role = self._role_before(c.start, span.root) or self._role_after(c.end)
                if role:
                    roles = [*roles, role]
                    before = doc[c.start - 1] if c.start else None
                    nominative = before is not None and lex.role_of(before) is not None \
                        and before.lower_ == before.lemma_.lower()
            if not roles and c.label == "person":
                roles = self._distant_cue(span, cands)
            if c.label == "organization":
                roles += self._authority(span)
            if c.trusted and c.label is not None:
                types = [*types, c.label]  # a label the parser is trusted with is a cue of its own
            mtype = self._mention_type(c.label, types, norm)
            if mtype == "group" and self._qualifies_noun(span):
                continue  # "Chinese authorities", "a Kazakh poet": a people's adjective names no one
            if c.owner is not None:  # a chamber acts as the court it belongs to: both looked up as the court
                owner = doc[c.owner.start:c.owner.end]
                onorm = self._norm(c.owner, owner)
                if (owner.start_char, owner.end_char) not in seen:
                    seen.add((owner.start_char, owner.end_char))
                    out.append(self._mention(len(out), owner, onorm, "organization", self._authority(owner),
                                             ["organization"]))
                norm = onorm
            seen.add((start, end))
            m = self._mention(len(out), span, norm, mtype, _unique(roles), _unique(types),
                              start if titled is None else titled, end)
            if nominative:
                nominative_cue.add(m.id)
            out.append(m)
        out = _retype_surnames(out)
        return self._link(out, nominative_cue)

    def _title_before(self, start: int) -> int | None:
        """Where a title right before a name begins ("Mr", "г-жа"), or None."""
        k = start - 1
        if k >= 0 and self.lex.is_title(self.doc[k]) and self.doc[k].whitespace_ == " ":
            return self.doc[k].idx
        return None

    def _authority(self, span: Span) -> list[Role]:
        """An organisation whose own name says it is an authority ("Тверской районный суд")."""
        lex = self.lex
        return ["authority"] if any(lex.name_role(t) == "authority" for t in span) else []

    def _mention(self, k: int, span: Span, norm: str, mtype: EntityType, roles: list[Role],
                 types: list[EntityType], start: int | None = None, end: int | None = None) -> Mention:
        a = span.start_char if start is None else start
        b = span.end_char if end is None else end
        return Mention(id=f"{self.source.id}:M{k + 1}", source=self.source.id, text=self.text[a:b], start=a, end=b,
                       type=mtype, norm=norm, sentence=self.sents.index[span.start] if self.sents.index else 0,
                       role_hints=roles, type_hints=types)

    def _norm(self, c: _Cand, span: Span) -> str:
        """The lookup form: as written, or the parser's normal form (the nominative), put right by
        the language's hooks; a place written in capitals (a dateline) in title case."""
        if c.fixed:
            return c.fixed
        toks = [t for t in span if not t.is_space]
        owner = next((k for k, t in enumerate(toks[:-2]) if t.text in self.lex.possessive_markers), None)
        if owner is not None and c.label in ("organization", "place"):
            # "Westford’s Supreme Court": the court, in the place named first, is looked up as "Supreme Court"
            rest = toks[owner + 1:]
            return self._norm(c.sub(rest[0].i, rest[-1].i + 1), self.doc[rest[0].i:rest[-1].i + 1])
        normal = c.normal is not None and any(t.i in c.normal for t in toks)
        words = [(c.normal or {}).get(t.i, t.text) for t in toks]
        if normal:
            label = c.label
            hook = self.lex.hooks.get("person_nominative" if label == "person" else "name_nominative")
            if hook is not None and toks:
                words = list(hook(toks, words, span.root))
            joined = "".join(w + (" " if t.whitespace_ else "") for w, t in zip(words, toks, strict=True))
            norm = norm_form(joined, self.lex.possessive_markers)
        else:
            hook = self.lex.hooks.get("person_nominative") if c.label == "person" else None
            if hook is not None and toks and all(t.pos_ == "PROPN" for t in toks):
                words = list(hook(toks, words, span.root))
                joined = "".join(w + (" " if t.whitespace_ else "") for w, t in zip(words, toks, strict=True))
                norm = norm_form(joined, self.lex.possessive_markers)
            else:
                norm = norm_form(span.text, self.lex.possessive_markers)
        if c.label == "place" and norm.isupper() and len(norm) > 4:
            norm = norm.title()  # datelines write the city in capitals ("МОСКВА")
        if c.label != "person":
            norm = _SPACES.sub(" ", norm.translate(_NO_MARKS)).strip()  # "Center “Example”": looked up without marks
        return norm

    def _mention_type(self, label: EntityType | None, hints: list[EntityType], norm: str) -> EntityType:
        """The reader's best guess for one mention: the label, outvoted by cues or a known place.

        Consolidation decides per entity over all mentions; this guess only serves
        readers of a single document (an event's place).
        """
        votes: dict[EntityType, float] = {}
        if label:
            votes[label] = 1.0
        for t in hints:
            votes[t] = votes.get(t, 0.0) + 2.0
        if "person" not in hints and is_known_place(norm):
            votes["place"] = votes.get("place", 0.0) + 3.0  # a person cue beats a namesake town
        return max(votes, key=lambda t: votes[t]) if votes else "organization"

    def _case(self, m: Mention) -> str | None:
        """The grammatical case the tagger gave a one-word mention (None where it gives none)."""
        span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
        return self.feat(span.root, "Case") if span is not None else None

    def _link(self, mentions: list[Mention], nominative_cue: set[str]) -> list[Mention]:
        """A lone surname ("Петрову", "Doe") refers to the person the same document names in full,
        when exactly one such person is named there; the language's hook gives the nominatives a
        surname may stand for ("Соколову": Соколов or Соколова). A cue in the nominative before a
        surname that is not ("Адвокат Петрова" where the report names Иван Петров) owns the name
        in the genitive: the surname's person is not the one the cue names. A short organisation
        name is the longer one it begins ("Тверской суд" after "Тверской суд Москвы")."""
        forms = self.lex.hooks.get("surname_nominatives")
        full: dict[str, set[str]] = {}
        first_of: dict[str, str] = {}
        for m in mentions:
            if m.type == "person" and " " in m.norm:
                last = m.norm.split()[-1].lower()
                full.setdefault(last, set()).add(m.norm.lower())
                first_of.setdefault(m.norm.lower(), m.id)
        named = Counter(m.norm.lower() for m in mentions if m.type == "person" and " " in m.norm)
        for m in mentions:
            if m.type != "person" or " " in m.norm:
                continue
            # each nominative the surname may stand for, with the one person it names in full
            cands = [*(forms(m.text, self._case(m)) if forms else []), m.norm]
            found = [(cand, next(iter(names))) for cand in dict.fromkeys(cands)
                     if (names := full.get(cand.lower())) and len(names) == 1]
            if not found:
                continue
            # two people of one family ("Петрову": Петров in the dative or Петрова in the
            # accusative): the one the document names in full more often, else the reading in
            # the case the tagger gave the word
            cand, name = max(found, key=lambda f: named[f[1]])  # (max keeps the first of equals)
            m.refers_to = first_of[name]
            m.norm = cand
            if m.id in nominative_cue and m.text.lower() != cand.lower():
                m.role_hints = []
        # "the Chronicle" after "the Example Chronicle": one word that ends an organisation's name
        # the report gave before is that organisation, whatever the tagger called it
        ends: dict[str, list[Mention]] = {}
        for m in mentions:
            if m.type == "organization" and " " in m.norm:
                ends.setdefault(m.norm.split()[-1].lower(), []).append(m)
        for m in mentions:
            orgs_ending = ends.get(m.norm.lower(), []) if m.type == "person" and " " not in m.norm and not m.refers_to else []
            earlier = {o.norm.lower(): o for o in orgs_ending if o.end <= m.start}
            if len(earlier) == 1:
                org = next(iter(earlier.values()))
                m.type, m.refers_to = "organization", org.id
        orgs = {m.norm.lower(): m.id for m in reversed(mentions) if m.type == "organization"}
        for m in mentions:
            if m.type != "organization" or m.refers_to or " " not in m.norm:
                continue  # a one-word name is too short to be told for a longer one's short form
            longer = [n for n in orgs if n.startswith(m.norm.lower() + " ")]
            if len(longer) == 1:
                m.refers_to = orgs[longer[0]]
        return mentions


# ------------------------------------------------------------------ helpers


def _align(span: Span, normal: str) -> dict[int, str] | None:
    """The parser's normal form of a span, word by word: its words are the span's runs of tokens
    between spaces ("«Москва»" is one); in a run, the one token that is not punctuation takes the
    word, the punctuation around it stays as written."""
    chunks: list[list[Token]] = []
    for t in span:
        if t.is_space:
            continue
        if chunks and not chunks[-1][-1].whitespace_ and t.i == chunks[-1][-1].i + 1:
            chunks[-1].append(t)
        else:
            chunks.append([t])
    parts = normal.split()
    if len(parts) != len(chunks):
        return None
    out: dict[int, str] = {}
    for chunk, part in zip(chunks, parts, strict=True):
        out.update({t.i: t.text for t in chunk})
        words = [t for t in chunk if not t.is_punct]
        if len(chunk) == 1:
            out[chunk[0].i] = part
        elif len(words) == 1:
            k = chunk.index(words[0])
            pre, post = "".join(t.text for t in chunk[:k]), "".join(t.text for t in chunk[k + 1:])
            if part.startswith(pre) and part.endswith(post) and len(part) > len(pre) + len(post):
                out[words[0].i] = part[len(pre):len(part) - len(post)]
    return out


def _retype_surnames(ms: list[Mention]) -> list[Mention]:
    """A lone word that is the surname of a person the report names in full is that person.

    "Jane Doe was fined ... Doe said": the tagger often calls the lone "Doe" a people or a
    place; the report's own full name says otherwise.
    """
    surnames = {m.norm.split()[-1].lower() for m in ms if m.type == "person" and len(m.norm.split()) >= 2}
    out = []
    for m in ms:
        if m.type != "person" and " " not in m.norm and m.norm.lower() in surnames:
            m = m.model_copy(update={"type": "person", "type_hints": _unique([*m.type_hints, "person"])})
        out.append(m)
    return out


def _is_acronym(t: Token) -> bool:
    """ "NVAR", "ABC&D": two to six capitals, the first a letter."""
    w = t.text
    return 2 <= len(w) <= 6 and w[0].isalpha() and w[0].isupper() and all(
        ch.isupper() or ch == "&" for ch in w[1:])


def _resolve_overlaps(cands: list[_Cand]) -> list[_Cand]:
    """Where spans overlap, the longer one wins (it was extended or found whole)."""
    out: list[_Cand] = []
    for c in sorted(cands, key=lambda c: (-(c.end - c.start), c.start)):
        if all(c.end <= o.start or c.start >= o.end for o in out):
            out.append(c)
    return sorted(out, key=lambda c: c.start)


def _same_line(doc: Doc, i: int) -> bool:
    return "\n" not in doc[i - 1].whitespace_ and "\n" not in doc[i - 1].text


def _slashed(text: str, start: int, end: int) -> tuple[int, int]:
    """A name written with a slash is one name: the tokenizer may cut "ABC/XY's" into pieces."""
    while start > 1 and text[start - 1] == "/" and text[start - 2].isalpha():
        start -= 1
        while start > 0 and text[start - 1].isalpha():
            start -= 1
    while end + 1 < len(text) and text[end] == "/" and text[end + 1].isalpha():
        end += 1
        while end < len(text) and text[end].isalpha():
            end += 1
    return start, end


def _heading_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges of title-case or capitalised lines, where the models' names are unreliable.

    A headline has no sentence break inside and most of its longer words capitalised.
    """
    out = []
    for m in re.finditer(r"[^\n]+", text):
        line = m.group().strip()
        if re.search(r"[.!?][\"”’»)]?\s+\S", line) or line.endswith("."):
            continue
        words = re.findall(r"[^\W\d_][\w’'\-]*", line)
        long = [w for w in words[1:] if len(w) > 3]
        if len(long) >= 2 and sum(w[0].isupper() for w in long) >= 0.75 * len(long):
            out.append((m.start(), m.end()))
    return out


def _in(ranges: list[tuple[int, int]], pos: int) -> bool:
    return any(a <= pos < b for a, b in ranges)


def _unique(items: list[_T]) -> list[_T]:
    return list(dict.fromkeys(items))


# ------------------------------------------------------------------ the interface


def extract_mentions(doc: Doc, source: Source, lang: Language | None = None) -> list[Mention]:
    """Every named mention of a document, in text order, with exact offsets into `source.text`."""
    lang = lang or language(source.language)
    if not source.text.strip():
        return []
    return _Reading(doc, source, lang).run()


def label_persons(doc: Doc, mentions: list[Mention], lang: Language | None = None) -> None:
    """Write the persons found here back into the parse's entity layer, for the readers after this one.

    The event and quote readers look for people through `ent_type_`; a person the
    tagger missed ("the poet Jane Doe" left untagged, or tagged a place) would
    otherwise be no one to them. Other labels are kept where they do not overlap.
    """
    label = lexicon_of(lang or language(doc.lang_)).person_label
    spans = [sp for m in mentions if m.type == "person"
             for sp in [doc.char_span(m.start, m.end, label=label, alignment_mode="expand")] if sp is not None]
    if not spans:
        return
    kept = [e for e in doc.ents if not any(e.start < s.end and s.start < e.end for s in spans)]
    doc.ents = filter_spans([*spans, *kept])


def person_before(mentions: list[Mention], pos: int, role: Role | None = None, gender: str | None = None,
                  lang: Language | None = None) -> Mention | None:
    """The closest person mention ending before `pos` (with that role hint, when one is asked; of
    that gender, "male" or "female", where the mention's gender can be told)."""
    best = None
    for m in mentions:
        if m.type == "person" and m.end <= pos and (role is None or role in m.role_hints):
            if gender is None or name_gender(m.norm, lang) in (None, gender):
                best = m
    return best


def name_gender(norm: str, lang: Language | None) -> str | None:
    """A person's gender from the name alone, where the language's hook can tell it."""
    if lang is None:
        return None
    hook = lexicon_of(lang).hooks.get("person_gender")
    return hook(norm) if hook is not None else None  # type: ignore[no-any-return]
