"""Named mentions in an English document: spaCy's entities, cleaned, completed and given cues.

spaCy's small model finds most names but cuts some short ("Northern" of "Northern
Valley Autonomous Region", "Zarechny" of "Zarechny district court"),
misses a few (an acronym in running text, a name after "the NGO", a name in
parentheses after another name) and invents names in title-case headlines
("Farmers Rally Behind Poet"). This module repairs those spans and records, for
each mention, the cue words around it (`role_hints`, `type_hints`) that let
consolidation decide type and role over all mentions of an entity.

On plain wire sentences the small model often misses or mistypes the very person
a report is about ("ordered the blogger Jane Doe held", "fined the poet Jane Doe
150,000 tenge"): the name goes untagged, is cut in two, runs into the amount, or
is called a place. Person cues read from the surface and the parse (a role noun
right before, a title, the object of "detained", "the release of", "her lawyer
said" after a subject) make such names persons, and a person cue outweighs both
the model's label and a namesake town in geonames. `label_persons` writes the
persons found back into the parse for the event and quote readers.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from typing import TypeVar

from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from casefile.core.names import is_known_place
from casefile.model import EntityType, Mention, Role, Source
from casefile.resources import load

_T = TypeVar("_T")
LABELS: dict[str, EntityType] = {
    "PERSON": "person", "ORG": "organization", "GPE": "place", "LOC": "place", "FAC": "place", "NORP": "group",
}
_POSSESSIVE = re.compile(r"[’']s?$")
_EDGE = " \t\n*_\"“”‘’'«»()[]{}/,;:|#-–—"
_ACRONYM = re.compile(r"^[A-Z][A-Z&]{1,5}$")
_CODE = re.compile(r"^[A-ZА-ЯЁ]{1,4}-\d{1,3}[A-Za-z]?$")  # a facility code: "IK-12"
_CREDIT_INSIDE = re.compile(r"(?i)\b(?:photo|image)s?\s*[/:]|\w\s+/\s+\w")  # "(AP Photo/X)", "X / Agency"
# dependencies by which a cue word attaches to a name (or the name to the cue)
_CUE_CHILD_DEPS = {"compound", "amod", "appos", "nmod"}


@dataclass(frozen=True)
class Cues:
    roles: dict[str, Role]
    types: dict[str, EntityType]
    heads: dict[str, EntityType]
    tails: frozenset[str]
    owner_nouns: frozenset[str]
    not_names: frozenset[str]
    leading: frozenset[str]
    connectors: frozenset[str]
    before_credit: tuple[re.Pattern[str], ...]
    after_credit: tuple[re.Pattern[str], ...]
    person_verbs: frozenset[str]
    person_of_nouns: frozenset[str]
    platform_heads: frozenset[str]
    unit_heads: frozenset[str]

    def person_noun(self, t: Token) -> bool:
        """A common noun that names what a person is: "blogger", "trade unionist", "lawyer"."""
        # the small model calls some of them adjectives ("the activist Jane Doe")
        return t.pos_ in ("NOUN", "ADJ") and (
            self.types.get(t.lower_) == "person" or self.types.get(t.lemma_.lower()) == "person")


@cache
def cues() -> Cues:
    data = load("en/entities.yaml")
    roles = {w: role for role, words in data["roles"].items() for w in words}
    types = {w: t for t, words in data["types"].items() for w in words}
    heads = {w: t for t, words in data["name_heads"].items() for w in words}
    return Cues(
        roles=roles, types=types, heads=heads, tails=frozenset(data["institution_tails"]),
        owner_nouns=frozenset(data["owner_nouns"]),
        not_names=frozenset(data["not_names"]),
        leading=frozenset(data["leading_words"]), connectors=frozenset(data["name_connectors"]),
        before_credit=tuple(re.compile(p) for p in data["credit_patterns"]),
        after_credit=tuple(re.compile(p) for p in data["after_credit_patterns"]),
        person_verbs=frozenset(data["person_object_verbs"]), person_of_nouns=frozenset(data["person_of_nouns"]),
        platform_heads=frozenset(data["platform_heads"]),
        unit_heads=frozenset(data["unit_heads"]),
    )


_SPACES = re.compile(r"\s+")
_INITIAL_POINT = re.compile(r"(?:^|[\s.])\w\.$")


def norm_form(text: str) -> str:
    """The lookup form of a name: no possessive, no surrounding punctuation, single spaces."""
    text = _SPACES.sub(" ", text).strip(" \t\n,;:\"“”«»()[]*_")
    if not _INITIAL_POINT.search(text):  # keep the point of "U.S." and "Jr."
        text = text.rstrip(".")
    return _POSSESSIVE.sub("", text).strip()


@dataclass
class _Cand:
    """A candidate name span (token offsets) with what the parse says of it."""

    start: int
    end: int
    label: EntityType | None
    types: list[EntityType] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)


def extract_mentions(doc: Doc, source: Source) -> list[Mention]:
    text = source.text
    headings = _heading_ranges(text)
    cands = [_Cand(e.start, e.end, LABELS[e.label_]) for e in doc.ents if e.label_ in LABELS]
    cands = [c for raw in cands for c in _split_lines(doc, raw)]
    cands = [c for c in (_trim(doc, c) for c in cands) if c is not None]
    cands = [_extend(doc, c) for c in cands]
    cands += _extra_candidates(doc, cands, headings)
    cands = _resolve_overlaps(cands)
    cands = _join_adjacent(doc, cands)
    cands = [c for c in cands if not _adjectival_demonym(doc, c) and not _unit_of_organisation(doc, c)]
    body = {_key(doc[c.start:c.end].text) for c in cands if not _in(headings, doc[c.start].idx)}
    cands = [p for c in cands for p in _filter_heading(doc, c, headings, body)]
    cands = [c for c in cands if not _is_credit(doc, c, text)]
    sent_index = {s.start: i for i, s in enumerate(doc.sents)}
    out: list[Mention] = []
    seen: set[tuple[int, int]] = set()
    cs = cues()
    for c in sorted(cands, key=lambda c: c.start):
        span = doc[c.start:c.end]
        start, end = _slashed(text, span.start_char, span.end_char)
        norm = norm_form(text[start:end])
        if not norm or not any(ch.isalpha() for ch in norm) or (start, end) in seen:
            continue
        if norm.lower() in cs.types or norm.lower() in cs.roles or norm.lower() in cs.not_names:
            continue  # "NGO", "Government": a common noun written with a capital, not a name
        roles, types = _hints(span)
        types, roles = c.types + types, c.roles + roles
        person, cue_roles = _person_cue(doc, c.start, c.end)
        if person:
            types, roles = [*types, "person"], [*roles, *cue_roles]
        elif c.label == "person" and _on_platform(doc, c):
            types = [*types, "organization"]  # "videos on Twitter": a platform the tagger took for a person
        if not roles and c.label == "person":
            roles = _distant_cue(span, cands)
        mtype = _mention_type(c.label, types, norm)
        if mtype == "group" and _qualifies_noun(span):
            continue  # "Chinese authorities", "a Kazakh poet": a people's adjective names no one
        seen.add((start, end))
        out.append(Mention(
            id=f"{source.id}:M{len(out) + 1}", source=source.id, text=text[start:end],
            start=start, end=end, type=mtype,
            norm=norm, sentence=sent_index.get(span.sent.start, 0),
            role_hints=_unique(roles), type_hints=_unique(types),
        ))
    return _surnames_of_persons(out)


def label_persons(doc: Doc, mentions: list[Mention]) -> None:
    """Write the persons found here back into the parse's entity layer, for the readers after this one.

    The event and quote readers look for people through `ent_type_`; a person the
    tagger missed ("the poet Jane Doe" left untagged, or tagged a place) would
    otherwise be no one to them. Other labels are kept where they do not overlap.
    """
    spans = [sp for m in mentions if m.type == "person"
             for sp in [doc.char_span(m.start, m.end, label="PERSON", alignment_mode="expand")] if sp is not None]
    if not spans:
        return
    kept = [e for e in doc.ents if not any(e.start < s.end and s.start < e.end for s in spans)]
    doc.ents = filter_spans([*spans, *kept])


def _surnames_of_persons(ms: list[Mention]) -> list[Mention]:
    """A lone word that is the surname of a person the report names in full is that person.

    "Jane Doe was fined ... Doe said": the tagger often calls the lone "Doe" a
    people or a place; the report's own full name says otherwise.
    """
    surnames = {_key(m.norm.split()[-1]) for m in ms if m.type == "person" and len(m.norm.split()) >= 2}
    out = []
    for m in ms:
        if m.type != "person" and " " not in m.norm and _key(m.norm) in surnames:
            m = m.model_copy(update={"type": "person", "type_hints": _unique([*m.type_hints, "person"])})
        out.append(m)
    return out


def _mention_type(label: EntityType | None, hints: list[EntityType], norm: str) -> EntityType:
    """The reader's best guess for one mention: the label, outvoted by cues or a known place.

    Consolidation decides per entity over all mentions; this guess only serves
    readers of a single document (an event's place).
    """
    votes: dict[EntityType, float] = {}
    if label:
        votes[label] = 1.0
    for t in hints:
        votes[t] = votes.get(t, 0.0) + 2.0
    if is_known_place(norm) and "person" not in hints:
        votes["place"] = votes.get("place", 0.0) + 3.0  # a person cue beats a namesake town
    return max(votes, key=lambda t: votes[t]) if votes else "organization"


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


# ------------------------------------------------------------------ span repair


def _split_lines(doc: Doc, c: _Cand) -> list[_Cand]:
    """A name never runs over a line break ("Urdu Service\\n\\n ABC/") or a parenthesis."""
    parts, cur = [], c.start
    for i in range(c.start, c.end):
        inside = "\n" in doc[i].text or doc[i].text in ("(", ")")
        if inside or "\n" in doc[i].whitespace_:
            end = i if inside else i + 1
            if end > cur:
                parts.append(_Cand(cur, end, c.label))
            cur = i + 1
    if cur < c.end:
        parts.append(_Cand(cur, c.end, c.label))
    return parts


def _trim(doc: Doc, c: _Cand) -> _Cand | None:
    """Drop determiners, titles and punctuation at the edges of a span; a title word becomes a cue."""
    start, end = c.start, c.end
    cs = cues()
    types, roles = list(c.types), list(c.roles)
    institution = cs.heads.get(doc[end - 1].lower_) is not None and end - start > 1  # "Student Union"
    while start < end:
        t = doc[start]
        word = t.lower_
        if word in cs.leading and cs.types.get(word.rstrip(".")) == "person" and start + 1 < end:
            types.append("person")  # "Mr Petrov", "Dr. Jane Doe"
            start += 1
        elif word in cs.leading or t.is_punct or t.is_space:
            start += 1
        elif cs.types.get(word) in ("person", "group") and start + 1 < end and doc[start + 1].pos_ == "PROPN" \
                and not institution:
            # "Lawyer Jane Doe", "Ethnic Karakalpaks": the cue is not part of the name
            types.append(cs.types[word])
            if word in cs.roles:
                roles.append(cs.roles[word])
            start += 1
        else:
            break
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space) and doc[end - 1].text not in ("'s", "’s"):
        end -= 1
    # "fined Jane Doe 150,000 tenge": the tagger ran a name into the amount after it
    first = start + 1 if c.label in ("person", "group") else start + 2  # "Channel 4" names an organisation
    cut = next((k for k in range(first, end) if doc[k].like_num and all(
        _name_token(doc[i]) for i in range(start, k))), None)
    if cut is not None:
        end = cut
    return _Cand(start, end, c.label, types, roles) if end > start else None


def _extend(doc: Doc, c: _Cand) -> _Cand:
    """Take in the rest of a proper-noun name, and a lower-case institution noun after an unknown name."""
    end, start = c.end, c.start
    cs = cues()
    person = c.label == "person" or _person_cue(doc, c.start, c.end)[0]
    while person and start > 0 and c.end - start < 4 and _name_token(doc[start - 1]) and _untagged(doc[start - 1]) \
            and _same_line(doc, start) and not cs.types.get(doc[start - 1].lower_):
        start -= 1  # "Artem" + "Temirkhanov": a first name the tagger left out
    while end < len(doc) and _same_line(doc, end):
        if _name_token(doc[end]) and not doc[end].ent_type_ and cs.types.get(doc[end].lower_) != "person":
            end += 1  # "Northern" + "Valley Region", but not "Country" + "President"
        elif _glued_apostrophe(doc, end) and end + 1 < len(doc) and _name_token(doc[end + 1]):
            end += 1  # "Asel’ Bekova": a soft sign the tokenizer split off, not a quote
        elif person and end - c.start < 4 and _surname_like(doc[end]):
            end += 1  # "Jane" + "Doe" that the tagger took for a preposition: a capital mid-sentence
        else:
            break
    tails = cues().tails
    span_text = doc[c.start:end].text
    for k in (1, 2):  # "X court", "X district court"
        j = end + k - 1
        if j < len(doc) and doc[j].lower_ in tails and all(
            doc[i].is_lower and doc[i].pos_ in ("NOUN", "ADJ") for i in range(end, j + 1)
        ) and not is_known_place(span_text) and c.label not in ("person", "group"):
            return _Cand(c.start, j + 1, "organization", [*c.types, "organization"], c.roles)
    return _Cand(start, end, c.label, c.types, c.roles)


_NAME_WORD = re.compile(r"^[^\W\d_]+(?:[’'ʼ\-][^\W\d_]+)*[’'ʼ]?$")  # "Grigor’yeva", "Kara-Murza", "Asel’"


def _name_token(t: Token) -> bool:
    """A capitalised proper-noun word; apostrophes inside count ("Natal’ya" is one word)."""
    return t.pos_ == "PROPN" and t.text[:1].isupper() and bool(_NAME_WORD.match(t.text))


def _surname_like(t: Token) -> bool:
    """A capitalised word right after a name, mid-sentence, whatever the tagger calls it."""
    prev = t.doc[t.i - 1]
    return t.text[:1].isupper() and bool(_NAME_WORD.match(t.text)) and not t.is_stop and not t.ent_type_ \
        and prev.whitespace_ == " " and not prev.is_punct and t.pos_ not in ("VERB", "AUX", "PRON", "DET")


def _glued_apostrophe(doc: Doc, i: int) -> bool:
    return doc[i].text in ("’", "'", "ʼ") and i > 0 and not doc[i - 1].whitespace_ and _name_token(doc[i - 1])


def _same_line(doc: Doc, i: int) -> bool:
    return "\n" not in doc[i - 1].whitespace_ and "\n" not in doc[i - 1].text


def _extra_candidates(doc: Doc, cands: list[_Cand], headings: list[tuple[int, int]]) -> list[_Cand]:
    """Names spaCy missed: in parentheses after a name, after a cue noun, acronyms, facility codes."""
    taken = {i for c in cands for i in range(c.start, c.end)}
    names: dict[str, Counter[EntityType]] = {}
    for c in cands:
        if c.label:
            names.setdefault(_key(doc[c.start:c.end].text), Counter())[c.label] += 1
        if c.label == "person" and c.end - c.start >= 2:  # "Erlan Bek ... Bek denied": the surname alone
            names.setdefault(_key(doc[c.end - 1].text), Counter())["person"] += 1
    out: list[_Cand] = []
    i = 0
    while i < len(doc):
        t = doc[i]
        if i in taken or _in(headings, t.idx):
            i += 1
            continue
        if _CODE.match(t.text):
            out.append(_Cand(i, i + 1, None, _code_types(t)))
            i += 1
            continue
        if _name_token(t) and _untagged(t):
            j = i
            while j < len(doc) and j not in taken and _untagged(doc[j]) and (_name_token(doc[j]) or (
                    _glued_apostrophe(doc, j) and j + 1 < len(doc) and _name_token(doc[j + 1]))):
                j += 1
            cand = _cue_run(doc, i, j, names)
            if cand:
                out.append(cand)
                if cand.label == "person" and cand.end - cand.start >= 2:  # its surname, further on
                    names.setdefault(_key(doc[cand.end - 1].text), Counter())["person"] += 1
            i = j
            continue
        i += 1
    for c in [*cands, *out]:  # "Northern Valley Region (NVR)", "X (Society of Roots)"
        paren = _parenthesis_after(doc, c.end)
        if paren:
            out = [o for o in out if o.end <= paren[0] or o.start >= paren[1]]
            out.append(_Cand(paren[0], paren[1], None))
    return out


def _untagged(t: Token) -> bool:
    """No name label of ours: untagged, or a label we do not read ("Jane Doe" taken for a product)."""
    if t.ent_type_ in _NUMBER_LABELS:
        return not any(ch.isdigit() for ch in t.text)  # "Gul’nara" taken for a number
    return not t.ent_type_ or t.ent_type_ in _OTHER_NAME_LABELS


_OTHER_NAME_LABELS = {"PRODUCT", "WORK_OF_ART", "EVENT", "LAW", "LANGUAGE"}
_NUMBER_LABELS = {"CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"}


def _cue_run(doc: Doc, i: int, j: int, names: dict[str, Counter[EntityType]]) -> _Cand | None:
    """A proper-noun run spaCy did not tag: keep it where something says it is a name.

    After or before an organisation/place cue, ending in a name head word, a known
    place, a name the report gives elsewhere, or an acronym in running text.
    """
    types = cues().types
    while i < j - 1 and doc[i].lower_ in cues().leading:
        i += 1  # "Mr." of "Mr. Petrov"
    titled = False
    while i < j - 1 and types.get(doc[i].lower_) == "person":
        i, titled = i + 1, True  # "Blogger Jane Doe": the title is a cue, not part of the name
    if titled or _person_cue(doc, i, j)[0] or "person" in _hints(doc[i:j])[1]:
        # "the blogger Jane Doe", "police detained Jane Doe", "Jane Doe, a poet,": the tagger missed a person
        while j < len(doc) and j - i < 4 and _same_line(doc, j) and _surname_like(doc[j]):
            j += 1  # "Jane" + "Doe" that the tagger took for a preposition
        return _Cand(i, j, "person", ["person"])
    k = i
    while k < j and types.get(doc[k].lower_) in ("organization", "place"):
        k += 1  # "the NGO Tamyr Jolu": the cue itself is not the name
    prev = doc[i - 1] if i > 0 else None
    cue = types.get(doc[i].lower_) if k > i else (types.get(prev.lower_) if prev is not None else None)
    if k < j and cue in ("organization", "place"):
        return _Cand(k, j, cue, [cue])
    if j < len(doc) and doc[j].lower_ in cues().owner_nouns:  # "the X headquarters"
        return _Cand(i, j, "organization", ["organization"])
    after = types.get(doc[j].lower_) if j < len(doc) and doc[j].is_lower else None
    if after in ("organization", "place"):  # "the X group", "the X region"
        return _Cand(i, j, after, [after])
    head = cues().heads.get(doc[j - 1].lower_)
    if head and j - i >= 2:  # "Steppe Rights Watch", "Northern Valley Autonomous Region"
        return _Cand(i, j, head, [head])
    text = doc[i:j].text
    if is_known_place(text):
        return _Cand(i, j, "place")
    if _key(text) in names:  # named elsewhere in the report, missed here by the tagger
        return _Cand(i, j, names[_key(text)].most_common(1)[0][0])
    if j == i + 1 and _ACRONYM.match(doc[i].text) and i > doc[i].sent.start:
        return _Cand(i, j, None)
    return None


def _code_types(t: Token) -> list[EntityType]:
    """A code like "IK-12" typed by its apposition ("IK-12, a penal colony")."""
    types = cues().types
    near = [c for c in t.children if c.dep_ == "appos"] + [t.head] + list(t.doc[t.i + 1:t.i + 8])
    for w in near:
        if types.get(w.lower_) == "place" or types.get(w.lemma_.lower()) == "place":
            return ["place"]
    return []


def _parenthesis_after(doc: Doc, end: int) -> tuple[int, int] | None:
    """Token range of a name-like text in parentheses right after a name."""
    if end >= len(doc) or doc[end].text != "(":
        return None
    close = next((k for k in range(end + 1, min(end + 12, len(doc))) if doc[k].text == ")"), None)
    if close is None or close == end + 1:
        return None
    inner = doc[end + 1:close]
    conn = cues().connectors
    if inner[0].is_title or inner[0].is_upper:
        if all(t.is_title or t.is_upper or t.lower_ in conn or t.is_punct for t in inner):
            if any(t.is_alpha and t.lower_ not in conn for t in inner) and not any(t.like_num for t in inner):
                return end + 1, close
    return None


def _resolve_overlaps(cands: list[_Cand]) -> list[_Cand]:
    """Where spans overlap, the longer one wins (it was extended or found whole)."""
    out: list[_Cand] = []
    for c in sorted(cands, key=lambda c: (-(c.end - c.start), c.start)):
        if all(c.end <= o.start or c.start >= o.end for o in out):
            out.append(c)
    return sorted(out, key=lambda c: c.start)


def _join_adjacent(doc: Doc, cands: list[_Cand]) -> list[_Cand]:
    """ "Denis" + "Ospanov": a full name the tagger cut in two is one mention.

    Two spans that touch (one space, same line) and are both only name words make
    one person when either is tagged a person (or a cue says the whole is one) and neither is a known place nor a
    demonym ("Russian" + "Jane Doe" stays apart); at most four words, as names go.
    """
    out: list[_Cand] = []
    for c in sorted(cands, key=lambda c: c.start):
        prev = out[-1] if out else None
        if prev is not None and prev.end == c.start and _joinable(doc, prev, c):
            out[-1] = _Cand(prev.start, c.end, "person", prev.types + c.types, prev.roles + c.roles)
        else:
            out.append(c)
    return out


def _joinable(doc: Doc, a: _Cand, b: _Cand) -> bool:
    if b.end - a.start > 4:
        return False
    if "person" not in (a.label, b.label) and not _person_cue(doc, a.start, b.end)[0]:
        return False
    if not _same_line(doc, b.start) or doc[a.end - 1].whitespace_ != " ":
        return False
    for c in (a, b):
        span = doc[c.start:c.end]
        # the name words only, whatever their tags: a broken parse calls a surname a preposition
        words = all(_NAME_WORD.match(t.text) and t.text[:1].isupper() or _glued_apostrophe(doc, t.i) for t in span)
        if not words or (is_known_place(span.text) and not _person_cue(doc, a.start, b.end)[0]):
            return False  # "Moscow" + "Jane Doe"; but "the poet Jane" + "Sokolov" is one name
        if c.label == "group" and any(t.tag_ != "NNP" for t in span):
            return False  # an adjective ("Russian") before a name is a demonym, not a first name
    return True


def _adjectival_demonym(doc: Doc, c: _Cand) -> bool:
    """A span the tagger calls a people ("Turkic" of "Turkic group") that qualifies a noun after it.

    Kept when the noun is a people's ("the Uzbek community"), as that does refer to the group.
    """
    if c.label != "group" or c.types or c.end - c.start > 2:
        return False
    if any(t.ent_type_ != "NORP" for t in doc[c.start:c.end]) or _person_cue(doc, c.start, c.end)[0]:
        return False  # "Marat" (tagged a people) + "Sharipov": a person's name
    return _qualifies_noun(doc[c.start:c.end])


def _qualifies_noun(span: Span) -> bool:
    """Whether a short name modifies a noun after it that is not a people's noun ("Chinese money")."""
    root = span.root
    if len(span) > 2 or root.dep_ not in ("amod", "compound", "nmod") or root.head.i < span.end \
            or root.head.pos_ not in ("NOUN", "PROPN"):
        return False
    head = root.head
    return cues().types.get(head.lower_) != "group" and cues().types.get(head.lemma_.lower()) != "group"


def _unit_of_organisation(doc: Doc, c: _Cand) -> bool:
    """ "Example Radio's Uzbek Service": a desk of the organisation just named, no entity of its own."""
    if c.start < 2 or doc[c.start - 1].text not in ("'s", "’s") or c.end - c.start != 2:
        return False
    return doc[c.end - 1].lower_ in cues().unit_heads


def _person_cue(doc: Doc, start: int, end: int) -> tuple[bool, list[Role]]:
    """Whether the words around a name say it is a person, and the role they give.

    "the blogger Jane Doe" (a person noun right before, its role too), "his lawyer,
    Jane Doe" (before a comma: the type only, the comma may end a clause), "the
    34-year-old Jane Doe", "police detained Jane Doe", "Jane Doe was sentenced".
    These hold where the small model's parse is too poor for an apposition.
    """
    cs = cues()
    if end < len(doc) and cs.person_noun(doc[end]) and doc[end].is_lower:
        return False, []  # "the imprisoned Kremlin critic X": the name qualifies the noun after it
    prev = doc[start - 1] if start > 0 else None
    if prev is not None and cs.person_noun(prev) and prev.is_lower:
        role = cs.roles.get(prev.lower_) or cs.roles.get(prev.lemma_.lower())
        return True, [role] if role else []
    if prev is not None and prev.text == "," and start > 1 and cs.person_noun(doc[start - 2]) \
            and doc[start - 2].is_lower and start > 2 and doc[start - 3].dep_ in ("det", "poss"):
        return True, []
    if prev is not None and prev.lower_ in cs.leading and cs.types.get(prev.lower_.rstrip(".")) == "person":
        return True, []  # "Mr. Petrov"
    if prev is not None and prev.lower_ == "old" and start >= 4 and doc[start - 3].lower_ == "year":
        return True, []
    if end + 1 < len(doc) and doc[end].text in ("'s", "’s") and cs.roles.get(doc[end + 1].lemma_.lower()) == "relative":
        return True, []  # "Doe's wife": only a person has one
    if _his_or_her_after(doc, start, end):
        return True, []
    root = doc[start:end].root
    while root.dep_ == "conj" and root.head.i < root.i:
        root = root.head  # "detained Jane Doe and John Roe"
    if end - start >= 2 or not is_known_place(doc[start:end].text):
        if root.dep_ in ("dobj", "nsubjpass") and root.head.lemma_.lower() in cs.person_verbs:
            return True, []
        if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lemma_.lower() in cs.person_of_nouns:
            return True, []  # "the release of Jane Doe"
        if prev is not None and prev.pos_ == "VERB" and prev.lemma_.lower() in cs.person_verbs:
            return True, []
    return False, []


def _his_or_her_after(doc: Doc, start: int, end: int) -> bool:
    """ "Jane Doe was held overnight, her lawyer said": the subject has a lawyer, hence is a person.

    Only for the subject of its clause, with no other name between it and the
    pronoun, and not for a known place or a name with an institution's head word.
    """
    span = doc[start:end]
    root = span.root
    while root.dep_ == "conj" and root.head.i < root.i:
        root = root.head
    if root.dep_ not in ("nsubj", "nsubjpass") or is_known_place(span.text) or cues().heads.get(span[-1].lower_):
        return False
    for t in doc[end:span.sent.end]:
        if t.ent_type_ and t.ent_type_ not in _NUMBER_LABELS and t.ent_type_ not in ("DATE", "TIME"):
            return False  # another name: the pronoun may be its
        if t.lower_ in ("his", "her") and t.dep_ == "poss":
            noun = t.head
            return cues().person_noun(noun) and cues().roles.get(noun.lower_) in ("lawyer", "relative")
    return False


def _on_platform(doc: Doc, c: _Cand) -> bool:
    """ "videos on Twitter", "wrote on Telegram": the name after "on"/"via" is a platform."""
    if c.end - c.start != 1 or c.start < 2 or doc[c.start - 1].lower_ not in ("on", "via"):
        return False
    head = doc[c.start - 1].head
    return head.lemma_.lower() in cues().platform_heads or head.lower_ in cues().platform_heads


# ------------------------------------------------------------------ headlines and credits


def _heading_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges of title-case or capitalised lines, where spaCy's names are unreliable.

    A headline has no sentence break inside and most of its longer words capitalised.
    """
    out = []
    for m in re.finditer(r"[^\n]+", text):
        line = m.group().strip()
        if re.search(r"[.!?][\"”’)]?\s+\S", line) or line.endswith("."):
            continue
        words = re.findall(r"[^\W\d_][\w’'\-]*", line)
        long = [w for w in words[1:] if len(w) > 3]
        if len(long) >= 2 and sum(w[0].isupper() for w in long) >= 0.75 * len(long):
            out.append((m.start(), m.end()))
    return out


def _in(ranges: list[tuple[int, int]], pos: int) -> bool:
    return any(a <= pos < b for a, b in ranges)


def _key(text: str) -> str:
    return norm_form(text).lower()


def _filter_heading(doc: Doc, c: _Cand, headings: list[tuple[int, int]], body: set[str]) -> list[_Cand]:
    """In a headline keep only the parts of a span that the body also names (longest first)."""
    if not _in(headings, doc[c.start].idx):
        return [c]
    out, i = [], c.start
    while i < c.end:
        for j in range(c.end, i, -1):
            if _key(doc[i:j].text) in body:
                out.append(_Cand(i, j, c.label, c.types, c.roles))
                i = j
                break
        else:
            i += 1
    return out


def _is_credit(doc: Doc, c: _Cand, text: str) -> bool:
    """A photo credit or byline: "Jane Doe / Agency", "(Agency Photo/Jane Doe)", "By Jane Doe"."""
    span = doc[c.start:c.end]
    if _CREDIT_INSIDE.search(span.text):
        return True
    line_start = text.rfind("\n", 0, span.start_char) + 1
    line_end = text.find("\n", span.end_char)
    before = text[line_start:span.start_char]
    after = text[span.end_char:line_end if line_end >= 0 else len(text)]
    if any(p.search(before) for p in cues().before_credit):
        return True
    return c.label == "person" and any(p.search(after) for p in cues().after_credit)


# ------------------------------------------------------------------ cues


def _hints(span: Span) -> tuple[list[Role], list[EntityType]]:
    """Role and type votes from the words attached to a name in the parse."""
    c = cues()
    inside = set(range(span.start, span.end))
    words: list[Token] = []
    for t in span:
        words += [ch for ch in t.children if ch.i not in inside and ch.dep_ in _CUE_CHILD_DEPS]
    root = span.root
    roles: list[Role] = []
    types: list[EntityType] = []
    if root.dep_ == "appos" and root.head.i not in inside:
        words.append(root.head)  # "his lawyer, X", "the group X": X is what the noun says
    elif root.dep_ in ("compound", "nmod") and root.head.lower_ in c.owner_nouns:
        types.append("organization")  # "X headquarters", "X spokesman": X is an organisation
    # other compounds ("a ministry critic", "the Oralsk court") say what the name is not
    for w in words:
        for form in (w.lower_, w.lemma_.lower()):
            if form in c.roles:
                roles.append(c.roles[form])
            if form in c.types:
                types.append(c.types[form])
    last = span[-1].lower_ if span[-1].text not in ("'s", "’s") or len(span) < 2 else span[-2].lower_
    if len(span) > 1 and last in c.heads:
        types.append(c.heads[last])
    if len(span) == 1 and root.dep_ in ("amod", "compound") and root.head.is_lower and root.head.pos_ == "NOUN" \
            and not span[0].is_upper and not is_known_place(span.text):
        head_type = c.types.get(root.head.lower_) or c.types.get(root.head.lemma_.lower())
        if root.dep_ == "amod" or root.pos_ == "ADJ":
            head_type = None  # "the Karakalpak region": an adjective names a people, not the region
        if head_type in ("place", "organization", "group"):
            types.append(head_type)  # "the Zarechny region", "the Tamyr group", "the Karakalpak community"
        elif head_type is None:
            types.append("group")  # "a Karakalpak poet", "Turkic minorities": a people's name as an adjective
    if len(span) == 1 and span[0].tag_ == "NNPS" or (len(span) == 1 and root.tag_ == "NNS" and root.pos_ == "NOUN"):
        types.append("group")  # "Karakalpaks": a people, not a person
    return roles, types


def _distant_cue(span: Span, cands: list[_Cand]) -> list[Role]:
    """ "a spokesman for his group, X (Y), Jane Doe, told": the cue before a name that qualifies it.

    The parse often hangs such a name on the organisation; the words between cue
    and name are only "for/of/at", a determiner and other names in apposition.
    """
    sent = span.sent
    before = span.doc[sent.start:span.start]
    pieces, i = [], before.start
    for c in sorted(cands, key=lambda c: c.start):
        if before.start <= c.start and c.end <= span.start:
            pieces.append(span.doc[i:c.start].text_with_ws)
            pieces.append("N ")
            i = c.end
    pieces.append(span.doc[i:span.start].text_with_ws)
    head = "".join(pieces)
    m = _DISTANT.search(head)
    return [cues().roles[m.group("cue").lower()]] if m else []


_DISTANT = re.compile(
    r"\b(?P<cue>spokesman|spokeswoman|spokesperson|lawyer|attorney|representative)\s+(?:for|of|at)\s+"
    r"(?:(?:the|his|her|its|their|a|an)\s+)?(?:[a-z]+[\s,]+){0,2}?(?:N\s*(?:\(\s*N\s*\)\s*)?)?,\s*$")


def _unique(items: list[_T]) -> list[_T]:
    return list(dict.fromkeys(items))
