"""Event mentions in an English document, found through the dependency parse.

A trigger is a token whose lemma and part of speech match a rule of
resources/en/triggers.yaml, with the dependents or governors the rule asks for
("found ... guilty", "unable to leave"). Its arguments come from the tree: the
person it happens to (passive subject, object, possessor, or the subject of the
clause a noun sits in), the dates, durations, sums and places attached nearest to
it, the charge after "with"/"of". A trigger is dropped when the parse says the
act did not happen (negated, under "would", "if", "faced", "refused to",
"demanding") or happened to people other than the case's (numbers, plural
groups, nationalities).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache, lru_cache
from typing import cast

from spacy.tokens import Doc, Span, Token

from casefile.core.dates import PartialDate, parse_iso
from casefile.ingest.clean import SCRAPER_DATE
from casefile.model import Amount, EventMention, EventType, Mention, Role, Source
from casefile.read.en.amounts import find_amounts, find_durations
from casefile.read.en.dates import (
    DateReader,
    counted_days_pattern,
    explicit_dates,
    is_duration,
    published_date,
    stated_years,
)
from casefile.resources import load

MAX_DATE_DISTANCE = 6  # tree steps between a trigger and a date that still belongs to it
DURATION_TYPES = {"house_arrest", "travel_ban", "activity_ban", "sentence", "exile", "detention"}
INHERITING = {"fine", "travel_ban", "activity_ban", "plea_deal", "conviction", "sentence", "release"}
# acts that, told right after a dated act of these types, are its immediate sequel
FOLLOWING = {"transfer": {"detention"}}
CHARGE_TYPES = {"charge", "conviction", "sentence", "acquittal"}
NEWS_DAYS = 3  # acts told as news happened at most about this many days before the telling
_OBJECT_REACH = 6  # tokens after a verb in which its object's name is looked for when the parse lost it
_NOUN_PATH = {"pobj", "prep", "dobj", "attr", "compound", "oprd", "nsubjpass", "npadvmod", "amod"}


@dataclass(frozen=True)
class Rule:
    type: str
    lemmas: frozenset[str]
    pos: frozenset[str]
    child: frozenset[str]
    not_child: frozenset[str]
    head: frozenset[str]
    subject: frozenset[str]
    not_subject: frozenset[str]
    not_prep: frozenset[str]
    prep: frozenset[str]
    negative: bool
    person: str
    undated_ok: bool


def _as_set(v: object) -> frozenset[str]:
    if v is None:
        return frozenset()
    items = v if isinstance(v, list) else [v]
    return frozenset(str(x).lower() for x in items)


@cache
def _lexicon() -> dict:
    return load("en/triggers.yaml")


@cache
def rules() -> tuple[Rule, ...]:
    out = []
    for r in _lexicon()["rules"]:
        out.append(Rule(
            type=r["type"], lemmas=_as_set(r["lemma"]), pos=frozenset(p.upper() for p in r.get("pos", ["VERB", "NOUN"])),
            child=_as_set(r.get("child")), not_child=_as_set(r.get("not_child")), head=_as_set(r.get("head")),
            subject=_as_set(r.get("subject")), not_subject=_as_set(r.get("not_subject")), not_prep=_as_set(r.get("not_prep")), prep=_as_set(r.get("prep")),
            negative=bool(r.get("negative")), person=r.get("person", "object"), undated_ok=bool(r.get("undated_ok")),
        ))
    return tuple(out)


@cache
def _by_form() -> dict[str, frozenset[int]]:
    """Lemma -> the positions in rules() of the rules that name it."""
    index: dict[str, set[int]] = {}
    for k, r in enumerate(rules()):
        for lemma in r.lemmas:
            index.setdefault(lemma, set()).add(k)
    return {f: frozenset(ks) for f, ks in index.items()}


def _candidates(t: Token) -> tuple[Rule, ...]:
    """The rules whose lemmas the token may be, in file order (the file's order is priority)."""
    return _candidates_of(_forms(t))


# Keyed on a word's forms: bounded, as a long batch meets an open vocabulary.
@lru_cache(maxsize=8192)
def _candidates_of(forms: frozenset[str]) -> tuple[Rule, ...]:
    index = _by_form()
    found = set().union(*(index.get(f, ()) for f in forms))
    table = rules()
    return tuple(table[k] for k in sorted(found))


@cache
def _words(key: str) -> frozenset[str]:
    return _as_set(_lexicon()[key])


@cache
def _own_words() -> frozenset[str]:
    """Nouns that can stand for the case's own people: the timeline's list, and every person
    noun the entity reader knows ("the poet", "the trade unionist")."""
    return _words("own") | frozenset(w.lower() for w in load("en/entities.yaml")["types"]["person"])


# --------------------------------------------------------------------------- tree helpers


def _lemma(t: Token) -> str:
    return t.lemma_.lower()


def _forms(t: Token) -> frozenset[str]:
    return _forms_of(t.lemma_, t.lower_)


@lru_cache(maxsize=8192)  # keyed on words: bounded over a long batch
def _forms_of(lemma: str, lower: str) -> frozenset[str]:
    # the tagger lemmatises some past forms oddly ("fined" -> "fin"): accept the surface form too
    return frozenset({lemma.lower(), lower, re.sub(r"(ed|d|s)$", "", lower)})


def _descendants(t: Token, depth: int) -> list[Token]:
    out, frontier = [], [t]
    for _ in range(depth):
        frontier = [c for f in frontier for c in f.children]
        out.extend(frontier)
    return out


def _ancestors(t: Token, depth: int) -> list[Token]:
    out: list[Token] = []
    while t.head.i != t.i and len(out) < depth:
        t = t.head
        out.append(t)
    return out


def _pos_ok(t: Token, rule: Rule) -> bool:
    pos = t.pos_
    if pos == "ADJ" and t.tag_ in ("VBN", "VBD"):
        pos = "VERB"
    if pos == "AUX":
        pos = "VERB"
    if pos == "PROPN":
        pos = "NOUN"
    return pos in rule.pos


def _clause_verb(t: Token) -> Token:
    """The verb a noun trigger belongs to ("placed" for "placed under house arrest")."""
    cur = t
    for _ in range(4):
        if cur.pos_ in ("VERB", "AUX") or cur.head.i == cur.i:
            return cur
        if cur.dep_ == "pobj" and cur.head.head.pos_ in ("NOUN", "PROPN"):
            return cur  # "reports of arbitrary detention": a noun's modifier, not the clause's act
        if cur.dep_ not in _NOUN_PATH:
            return cur  # "the detention of ... has raised concerns": the noun is not the verb's act
        cur = cur.head
    return cur


def _subject_of(v: Token) -> Token | None:
    """The subject of a verb, inherited along conjunctions and control ("agreed to stop")."""
    cur = v
    for _ in range(4):
        subj = [c for c in cur.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subj:
            # a dateline run into the sentence ("date 2023-07-31 ... X lost") gives two subjects
            s = next((c for c in subj if c.ent_type_ not in _NOT_PEOPLE and c.lower_ != "date"), subj[0])
            if s.tag_ in ("WP", "WDT") and cur.dep_ == "relcl":
                return _named(cur.head)  # "X, a writer who had been serving 25 years": X
            return s
        if cur.dep_ in ("conj", "xcomp", "advcl", "acl") and cur.head.i != cur.i:
            if cur.dep_ == "acl" and cur.head.pos_ in ("NOUN", "PROPN", "PRON"):
                return cur.head
            cur = cur.head
        else:
            return None
    return None


def _is_quantity(c: Token) -> bool:
    """"150,000 tenge", "$300", "two years": a sum or a term, not the person an act happens to."""
    return (c.like_num or c.ent_type_ in ("MONEY", "DATE", "CARDINAL")
            or any(g.dep_ == "nummod" or g.like_num for g in c.children))


def _named(t: Token) -> Token:
    """The name an apposition renames ("X, a writer, ..." for "writer")."""
    while t.dep_ == "appos" and t.head.i != t.i:
        t = t.head
    return t


def _object_of(v: Token) -> Token | None:
    for dep in ("nsubjpass", "dative", "dobj"):
        for c in v.children:
            if c.dep_ == dep and not _is_quantity(c):
                if c.tag_ in ("WP", "WDT") and v.dep_ == "relcl":
                    return _named(v.head)  # "X, a poet who was arrested": X
                return c
    for c in v.children:  # "found X guilty": X is the small clause's subject
        if c.dep_ in ("ccomp", "oprd", "xcomp"):
            for g in c.children:
                if g.dep_ in ("nsubj", "nsubjpass"):
                    return g
    if v.dep_ == "acl" and v.head.pos_ in ("NOUN", "PROPN", "PRON"):
        return v.head  # "Georgians detained in ..."
    if v.dep_ == "conj":
        return _object_of(v.head)
    if v.dep_ in ("advcl", "xcomp", "pcomp", "pobj") and not any(c.dep_ == "nsubj" for c in v.children):
        # "Transferred from ..., he was placed ...", "after being detained"
        up = v.head
        while up.pos_ not in ("VERB", "AUX") and up.head.i != up.i:
            up = up.head
        return _subject_of(up)
    return None


def _by_authority(t: Token) -> bool:
    """A noun act the clause's subject, an authority, performs ("investigators introduced fresh
    charges", "the court ordered his detention"): an act of the case even when the report does
    not repeat on whom, as a bundle's reports are about its person."""
    v = _clause_verb(t)
    if v.i == t.i or t.dep_ != "dobj" or t.head.i != v.i:
        return False
    s = _subject_of(v)
    return s is not None and (_lemma(s) in _words("authorities") or s.lower_ in _words("authorities"))


def _fallback_person(t: Token, rule: Rule) -> Token | None:
    """When the parse gives the act no person (a clause without its subject, a tree broken by
    an unknown name), the nearest person before it in the sentence: a personal pronoun or a
    named person; for an act done to someone ("fined X"), a named person just after it."""
    for x in reversed(list(t.sent[: t.i - t.sent.start])):
        if x.lower_ in ("he", "she", "him", "her", "his") or x.ent_type_ == "PERSON":
            return x
    # an active clause verb: its object follows. The parser sometimes takes the verb for an
    # adjective of the role noun after it ("a court in X sentenced journalist Y": amod); an
    # adjective would follow a determiner or another adjective, not the subject's noun
    misread = t.dep_ == "amod" and t.i > t.sent.start and t.doc[t.i - 1].pos_ in ("NOUN", "PROPN")
    clause_verb = t.dep_ in ("ROOT", "conj", "ccomp") or misread or any(c.dep_ == "nsubj" for c in t.children)
    if rule.person != "subject" and t.pos_ == "VERB" and clause_verb \
            and not any(c.dep_ == "auxpass" for c in t.children):
        for x in t.doc[t.i + 1:min(t.i + 1 + _OBJECT_REACH, t.sent.end)]:
            if x.ent_type_ == "PERSON":
                return x
            if x.pos_ in ("VERB", "AUX") or x.is_punct and x.text in ",;":
                break
    root = t.sent.root
    subj = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "PROPN"]
    return subj[0] if subj and subj[0].i < t.i else None


def _person_token(t: Token, rule: Rule) -> Token | None:
    """The person (or organisation) an act happens to, from the parse."""
    if t.pos_ in ("NOUN", "PROPN"):
        for c in t.children:
            if c.dep_ == "poss":
                return c
        for c in t.children:
            if c.dep_ == "prep" and c.lower_ in ("of", "against", "on"):
                for g in c.children:
                    if g.dep_ == "pobj" and (_is_others(g) or not _is_nobody(g)) and g.ent_type_ not in _NOT_PEOPLE:
                        return g  # "the detention of a million ...", "charges against him"
        v = _clause_verb(t)
        if v.i == t.i or v.pos_ not in ("VERB", "AUX"):
            return None
        if rule.person != "subject":
            for c in v.children:
                if c.i != t.i and c.dep_ in ("nsubjpass", "dobj", "dative") and not _is_nobody(c):
                    return c  # "he was placed under house arrest", "put him under house arrest"
        if _by_authority(t):
            return None  # "investigators brought charges": the subject is who acted, not on whom
        return _subject_of(v)
    if rule.person == "subject":
        return _subject_of(t)
    return _object_of(t)


_NOT_PEOPLE = {"DATE", "TIME", "MONEY", "CARDINAL", "PERCENT", "QUANTITY"}


def _is_nobody(p: Token) -> bool:
    """Not a person nor a body of people: "it", "a law", "$300"."""
    if p.ent_type_ in _NOT_PEOPLE or p.like_num:
        return True
    if p.ent_type_ in ("PERSON", "ORG", "FAC", "GPE", "NORP"):
        return False
    if any(c.dep_ in ("appos", "compound") and c.ent_type_ == "PERSON" for c in p.children):
        return False  # "the poet, X", "poet X": a person whatever the occupation's word
    if p.pos_ == "PRON":
        return p.lower_ in ("it", "which", "what", "that", "this", "these")
    if p.pos_ == "PROPN":
        return False
    return p.lower_ not in _own_words() and _lemma(p) not in _own_words() and not _is_others(p)


def _in_multiword_name(p: Token) -> bool:
    nxt = p.doc[p.i + 1] if p.i + 1 < len(p.doc) else None
    return p.ent_iob_ == "I" or (nxt is not None and nxt.ent_iob_ == "I")


def _is_others(p: Token) -> bool:
    """People who are not the case's: a number, a plural group, a nationality, "those"."""
    if p.ent_type_ in ("NORP", "CARDINAL", "QUANTITY", "PERCENT", "DATE", "MONEY"):
        return True
    if p.lower_ in ("they", "them", "their") and _group_before(p):
        return True  # "sentenced four students ... after finding them guilty": the group's act
    if p.ent_type_ in ("PERSON", "ORG", "FAC", "GPE") and (p.tag_ != "NNPS" or _in_multiword_name(p)):
        return False  # "Doe, 41,": an age, not a count; "... Human Rights": a name
    if p.like_num or any(c.dep_ == "nummod" or c.like_num for c in p.children):
        return True
    if _lemma(p) in _words("others") or p.lower_ in _words("others"):
        return True
    return p.tag_ in ("NNS", "NNPS") and p.lower_ not in _own_words() and _lemma(p) not in _own_words()


def _group_before(p: Token) -> bool:
    """A counted or named-as-others group earlier in the sentence, which "they" then stands for."""
    for x in p.sent[: p.i - p.sent.start]:
        if x.tag_ in ("NNS", "NNPS") and x.ent_type_ not in ("PERSON", "ORG") and (
                any(c.dep_ == "nummod" for c in x.children) or _lemma(x) in _words("others")):
            return True
    return False


def _irrealis(t: Token, rule: Rule) -> bool:
    """The act is negated, conditional, demanded, feared, threatened or refused."""
    # a coordinated verb shares what governs its first conjunct ("threatened to detain and charge
    # him"), not the first conjunct's own meaning ("the court denied his appeal, and he was sentenced")
    chain, prev = [t], t
    shared: list[Token] = []  # first conjuncts whose auxiliaries a subjectless conjunct shares
    for a in _ancestors(t, 6):
        if not (prev.dep_ == "conj" and prev.pos_ in ("VERB", "AUX")):
            chain.append(a)
        elif not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in prev.children):
            shared.append(a)  # "should be informed of the charges or release him": "should" is shared
        prev = a
    if t.dep_ == "pobj" and t.head.lower_ == "without":
        return True  # "remains in detention without charges"
    if t.dep_ == "pobj" and t.head.lower_ in ("on", "over") and rule.type in CHARGE_TYPES:
        chain = chain[:2]  # "faces 20 years on new charges": the grounds are real, the term is not
    if not rule.negative:
        if any(c.dep_ == "neg" for c in chain[:3] for c in c.children if c.head in chain[:3]):
            v = _clause_verb(t)
            if any(c.dep_ == "neg" for c in t.children) or any(c.dep_ == "neg" for c in v.children):
                return True
        irrealis = _words("irrealis")
        if rule.type in ("appeal", "hearing"):
            irrealis = irrealis - _words("outcomes")
        for a in chain[1:]:
            if _lemma(a) in irrealis or a.lower_ in irrealis:
                return True
        if any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children) and t.head.i != t.i and any(
                c.dep_ in ("dobj", "nsubj", "nsubjpass") and (_lemma(c) in irrealis or c.lower_ in irrealis)
                for c in t.head.children):
            return True  # "renewed her call on the authorities to release him": asked for, not done
    if not rule.negative and any(_lemma(c) in _words("irrealis_modifiers") or c.lower_ in _words("irrealis_modifiers")
                                 for c in t.children if c.dep_ in ("amod", "compound", "advmod")):
        return True  # "pending trial", "a possible sentence"
    modals = _words("modals")
    if any(c.dep_ == "aux" and c.lower_ in modals for a in shared for c in a.children):
        return True
    for a in chain[:4]:
        if any(c.dep_ == "aux" and c.lower_ in modals for c in a.children):
            return True
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in a.children):
            return True
        if a.pos_ == "VERB" and a.i != t.i:
            break
    return False


def _matches(t: Token, rule: Rule) -> bool:
    if not (_forms(t) & rule.lemmas) or not _pos_ok(t, rule):
        return False
    below = _descendants(t, 2)
    below += [c for d in below for c in d.children if c.dep_ == "appos"]  # "at IK-9, a penal colony"
    below_words = {w for d in below for w in (_lemma(d), d.lower_)}
    if rule.child and not (below_words & rule.child):
        return False
    if rule.not_child and (below_words & rule.not_child):
        return False
    if rule.head:
        ups = _ancestors(t, 3)
        negs = {"not"} if any(c.dep_ == "neg" for a in [t, *ups] for c in a.children) else set()
        if not ({_lemma(a) for a in ups} | negs) & rule.head:
            return False
    if rule.subject:
        s = _subject_of(_clause_verb(t) if t.pos_ == "NOUN" else t)
        if s is None or _lemma(s) not in rule.subject:
            return False
    if rule.not_subject:
        s = _subject_of(_clause_verb(t) if t.pos_ == "NOUN" else t)
        if s is not None and (_lemma(s) in rule.not_subject or s.lower_ in rule.not_subject):
            return False
    if rule.prep and not any(c.dep_ in ("prep", "dative") and c.lower_ in rule.prep for c in t.children):
        return False
    if rule.not_prep and any(c.dep_ == "prep" and c.lower_ in rule.not_prep for c in t.children):
        return False
    return True


# --------------------------------------------------------------------------- arguments


def _steps(t: Token) -> dict[int, int]:
    """Each ancestor's distance from `t`; a step out of an apposition costs nothing, as it
    renames what it hangs on ("the journalist, X, held in ...")."""
    out, cost = {t.i: 0}, 0
    for x in [t, *_ancestors(t, 50)][:-1]:
        cost += 0 if x.dep_ == "appos" else 1
        out.setdefault(x.head.i, cost)
    return out


def _distance(a: Token, b: Token) -> int:
    up_a = [a, *_ancestors(a, 50)]
    cost_a, cost_b = _steps(a), _steps(b)
    for x in up_a:
        if x.i in cost_b:
            return cost_a[x.i] + cost_b[x.i]
    return _UNLINKED


_UNLINKED = 99  # no common ancestor: the two sit in different trees of one sentence


_CLAUSE_DEPS = {"relcl", "acl", "ccomp", "advcl", "csubj", "pcomp"}  # pcomp: "charged with spreading ... in March"


def _told_on(t: Token, s: Span) -> bool:
    """The date is the telling's ("..., his lawyer said Sunday"), not the act's."""
    verb = next((a for a in [s.root, *_ancestors(s.root, 6)] if a.pos_ in ("VERB", "AUX")), None)
    return verb is not None and verb.i != t.i and _lemma(verb) in _words("speech")


def _reachable(t: Token, s: Span, told_ok: bool = False) -> bool:
    """A date belongs to the trigger unless it sits inside another clause below their meeting point
    ("charges based on remarks he made in February": February dates the remarks). A clause of
    the same time ("freed ... when they were put on a bus Thursday") dates the act it hangs on."""
    up_t = {x.i for x in [t, *_ancestors(t, 50)]}
    if not told_ok and _told_on(t, s):
        return False
    x = s.root
    while x.i not in up_t and x.head.i != x.i:
        if x.pos_ in ("VERB", "AUX") and x.dep_ in _CLAUSE_DEPS and not _same_time(x):
            return False
        if x.pos_ in ("VERB", "AUX") and x.dep_ == "conj" and _own_clause(x):
            return False  # "detained for years and has been on hunger strike since May": the strike's date
        x = x.head
    return True


def _in_organisation(t: Token, mentions: list[Mention]) -> bool:
    """Part of an organisation's name, as tagged or as a capitalised tail the tagger cut off
    ("the Working Group | on Arbitrary Detention")."""
    def org(x: Token) -> bool:
        return x.ent_type_ == "ORG" or any(m.type == "organization" and m.start <= x.idx < m.end for m in mentions)

    if org(t):
        return True
    return t.is_title and t.i > t.sent.start and t.head.dep_ == "prep" and t.head.lower_ in ("on", "of", "for", "against") \
        and org(t.head.head)


def _own_clause(x: Token) -> bool:
    """A coordinated clause with its own subject, or one whose head is a copula ("and has been on
    hunger strike since ..."), tells its own state or act; a coordinated verb without one shares
    the first's time ("charged and was transferred on March 11")."""
    return x.pos_ == "AUX" or any(c.dep_ in ("nsubj", "nsubjpass") for c in x.children)


def _same_time(clause: Token) -> bool:
    # the parser hangs some "when" clauses on the nearest noun (relcl) rather than on the verb
    return clause.dep_ in ("advcl", "relcl") and any(c.dep_ in ("advmod", "mark") and c.lower_ in _words("simultaneous")
                                          for c in clause.children)


def _told_recent(t: Token) -> bool:
    """The act is told as news: "newly levied charges", "has been transferred"."""
    if any(_lemma(d) in _words("recent") or d.lower_ in _words("recent") for d in _descendants(t, 2)):
        return True
    return t.pos_ == "VERB" and any(c.dep_ == "aux" and _lemma(c) == "have" and c.tag_ in ("VBZ", "VBP")
                                    for c in t.children)


def _date_distance(t: Token, s: Span, limit: int) -> int:
    """Tree steps from a trigger to a date. The parser hangs some dates on the subject ("a court
    in X on May 3 ordered ..."): a time phrase modifies the clause, so it counts from the verb.
    A date the parse left in another tree of the sentence (an unknown name broke it) is as far
    as a date may be: it is taken only when no date is attached."""
    d = _distance(t, s.root)
    if d == _UNLINKED:
        return limit
    prep = s.root.head
    if s.root.dep_ == "pobj" and prep.dep_ == "prep" and prep.head.dep_ in ("nsubj", "nsubjpass"):
        verb = prep.head.head
        d = min(d, _distance(t, verb) + 2)
    return d


def _nearest(t: Token, spans: list[Span], limit: int = MAX_DATE_DISTANCE) -> Span | None:
    scored = [(_date_distance(t, s, limit), abs(s.start - t.i), s) for s in spans if _reachable(t, s)]
    scored = [x for x in scored if x[0] <= limit]
    return min(scored, key=lambda x: (x[0], x[1]))[2] if scored else None


def _span_text(doc: Doc, toks: list[Token]) -> tuple[str, int]:
    lo, hi = min(x.i for x in toks), max(x.i for x in toks)
    sp = doc[lo:hi + 1]
    return sp.text, sp.start_char


def _scope(t: Token) -> list[Token]:
    """Tokens whose sums and terms belong to the act: the trigger's subtree, or its clause's for a noun."""
    base = _clause_verb(t) if t.pos_ in ("NOUN", "PROPN") else t
    return list(base.subtree)


def _amount(doc: Doc, t: Token, sent: Span) -> Amount | None:
    text, off = _span_text(doc, _scope(t))
    found = find_amounts(text)
    if not found and not any(x.dep_ == "dobj" for x in t.children):
        # the parse lost the verb's object (a broken tree): the sum after it in its sentence
        text, off = sent.text, sent.start_char
        found = [f for f in find_amounts(text) if off + f[1] > t.idx]
    if not found:
        return None
    return min(found, key=lambda a: abs(off + a[1] - t.idx))[0]


def _duration(doc: Doc, t: Token, date_spans: list[Span]) -> str | None:
    sent = t.sent
    spans = [s for s in date_spans if sent.start <= s.start < sent.end and is_duration(s.text)]
    s = _nearest(t, spans, limit=8)
    if s is None:
        return None
    # the words just before say whether it is a term ("for two months") or elapsed ("after more than")
    left = doc[max(s.start - 3, sent.start):s.end]
    found = [f for f in find_durations(left.text) if f[2] >= len(left.text) - len(s.text) - 1]
    return found[-1][0] if found else None


def _charge(t: Token) -> str | None:
    """What the act is for: "charged with X", "guilty of X", "jailed for 12 years for X"."""
    heads = [t] + [c for c in t.children if _lemma(c) in ("guilty", "guilt")]
    preps = [c for h in heads for c in h.children if c.dep_ == "prep"]
    # "jailed for 12 years for X" (not "two years of restricted freedom": the kind of term)
    preps += [c for d in _descendants(t, 3) if d.ent_type_ == "DATE" or d.like_num or _lemma(d) in _UNITS
              for c in d.children if c.dep_ == "prep" and c.lower_ != "of"]
    for c in preps:
        if c.lower_ not in ("with", "of", "over", "for", "on"):
            continue
        objs = [g for g in c.children if g.dep_ in ("pobj", "pcomp")
                and g.ent_type_ not in ("PERSON", "ORG", "GPE", "DATE", "FAC", "CARDINAL")
                and _lemma(g) not in _UNITS and not g.like_num]
        if objs:
            toks = _until_break(list(objs[0].subtree))
            text = _tidy(t.doc[toks[0].i:toks[-1].i + 1].text)
            if 2 < len(text) < 120:
                return text
    if t.pos_ == "NOUN" and t.dep_ == "pobj":
        # "informed of the new charge, of involvement in ...": the parser hangs the apposed "of"
        # phrase on the verb, just after the trigger's phrase
        end = max(x.i for x in t.subtree)
        for c in t.head.head.children:
            if c.dep_ == "prep" and c.lower_ == "of" and end < c.i <= end + 2:
                objs = [g for g in c.children if g.dep_ in ("pobj", "pcomp")]
                if objs:
                    toks = _until_break(list(objs[0].subtree))
                    text = _tidy(t.doc[toks[0].i:toks[-1].i + 1].text)
                    if 2 < len(text) < 120:
                        return text
    comps = [c for c in t.children if c.dep_ == "compound" and c.pos_ == "NOUN"]
    if t.pos_ == "NOUN" and comps:
        return " ".join(c.text for c in comps)
    return None


_UNITS = {"day", "week", "month", "year", "period", "term"}


def _tidy(text: str) -> str:
    """A charge's words without the quote marks around them, nor a mark the cut left unpaired
    ('failing to register as a “foreign agent')."""
    text = re.sub(r"\s+", " ", text.strip(" “”\"'‘’«»"))
    for left, right in ("“”", "«»", "‘’"):
        if text.count(left) != text.count(right):
            text = text.replace(left, "").replace(right, "")
    return text


def _until_break(toks: list[Token]) -> list[Token]:
    """A charge's words up to the first clause break ("... hatred” and placed under ...")."""
    out: list[Token] = []
    for x in toks:
        if x.dep_ in ("cc", "conj") and out or x.text in (";", "(") or (x.is_punct and x.text == "," and out):
            break
        out.append(x)
    return out or toks[:1]


def _mention_at(tok: Token, mentions: list[Mention]) -> Mention | None:
    for m in mentions:
        if m.start <= tok.idx < m.end:
            return m
    return None


def _place(t: Token, mentions: list[Mention], rule_type: str) -> str | None:
    """Where the act happened (where to, for a transfer): a place named in a prepositional
    phrase on the trigger itself or on its clause's verb, not anywhere in the clause."""
    preps = ("to", "into") if rule_type == "transfer" else ("in", "at", "to", "into")
    owners = {t.i, _clause_verb(t).i}
    best: tuple[int, Mention] | None = None
    for prep in [c for o in (t, _clause_verb(t)) for c in o.children if c.dep_ == "prep"]:
        if prep.head.i not in owners or prep.lower_ not in preps:
            continue
        for tok in prep.children:
            if tok.dep_ != "pobj":
                continue
            m = _mention_at(tok, mentions)
            if m is None or m.type != "place":
                continue
            d = _distance(t, tok)
            if best is None or d < best[0]:
                best = (d, m)
    return best[1].id if best else None


def _quote(sent: Span, t: Token) -> tuple[str, int, int]:
    """The sentence, cut to the paragraph of the trigger: the parser sometimes runs a headline
    or a dateline into the first sentence."""
    text = sent.text
    rel = t.idx - sent.start_char
    lo = max((m.end() for m in re.finditer(r"\n\s*\n", text) if m.end() <= rel), default=0)
    hi = min((m.start() for m in re.finditer(r"\n\s*\n", text) if m.start() >= rel), default=len(text))
    part = text[lo:hi]
    lead = len(part) - len(part.lstrip())
    body = part.strip()
    start = sent.start_char + lo + lead
    return body, start, start + len(body)


# --------------------------------------------------------------------------- main


def _read_dates(doc: Doc, source: Source, frame: tuple[PartialDate | None, PartialDate | None],
                ) -> tuple[dict[int, PartialDate], list[Span]]:
    """Every DATE entity read in document order (so that "the same day" has its anchor)."""
    published, year_base = frame
    reader = DateReader(published, stated_years([source.text]), year_base=year_base)
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
    alts = [counted_days_pattern(), *(re.escape(p) for p in words["anaphoric"])]
    return re.compile(r"\s*(?:on\s+|by\s+)?(?:" + "|".join(alts) + r")\s*", re.I)


_CONNECTIVES = {"after", "before", "for", "until", "till", "following", "to"}


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
    alts = [counted_days_pattern(), *(re.escape(p) for p in phrases),
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
    stated = explicit_dates(source.text)
    latest = max(stated, key=lambda d: d.latest() or date.min, default=None)
    pub = published_date(source.published) if source.published_basis in ("dateline", "metadata") else None
    if pub is not None and latest is not None:
        lp, ll = pub.latest(), PartialDate(latest.year, latest.month or 1, latest.day or 1).latest()
        if lp is not None and ll is not None and ll > lp:
            pub = None
    return pub, pub or latest


def _pluperfect(t: Token) -> bool:
    """"had been serving", "had been jailed": an act before the one the story tells."""
    v = _clause_verb(t) if t.pos_ in ("NOUN", "PROPN") else t
    return any(c.dep_ == "aux" and c.lower_ == "had" for c in v.children)


def _inherit_dates(events: list[EventMention], text: str,
                   earlier: set[tuple[int, str]] | None = None) -> list[EventMention]:
    """An undated outcome takes the date of the dated act told just before it in the same paragraph:
    "released on 17 August ... He will pay a fine of $300" are the terms of that release. So does
    a move told in the very next sentence after a detention ("detained on May 3 ... He was taken
    to a police station"), unless the sentence says it came later."""
    out: list[EventMention] = []
    later = _as_set(load("en/dates.yaml")["later"])
    for e in events:
        prev: list[EventMention] = []
        if (e.sentence, e.type) in (earlier or set()):
            pass  # told as before the story's acts: not their terms
        elif e.date is None and e.type in INHERITING:
            prev = [p for p in out if p.date and p.type in INHERITING and 0 <= e.sentence - p.sentence <= 2
                    and parse_iso(p.date) and p.date_precision != "unknown"]
        elif e.date is None and e.type in FOLLOWING and not later & set(re.findall(r"\w+", e.quote.lower())):
            prev = [p for p in out if p.date and p.type in FOLLOWING[e.type] and 0 <= e.sentence - p.sentence <= 1
                    and parse_iso(p.date) and p.date_precision == "day"]
        if prev:
            e = e.model_copy(update={"date": prev[-1].date, "date_precision": prev[-1].date_precision})
        out.append(e)
    return out


def extract_events(doc: Doc, source: Source, mentions: list[Mention]) -> list[EventMention]:
    frame = _time_frame(source)  # scans the whole text: once per document
    dates, date_spans = _read_dates(doc, source, frame)
    point_spans = [s for s in date_spans if s.start in dates]
    headline = _headline(source, frame[0])
    earlier: set[tuple[int, str]] = set()  # acts told in the past perfect: before the story's acts
    out: list[EventMention] = []
    for si, sent in enumerate(_sentences(doc)):
        seen: set[int] = set()
        matched = [(t, rule) for t in sent for rule in _candidates(t) if _matches(t, rule)]
        triggers = {t.i for t, _ in matched}
        for t, rule in matched:
            if t.i in seen:
                continue  # the first rule that fits a word decides its reading
            seen.add(t.i)
            em = _event(doc, t, rule, si, sent, source, mentions, dates, point_spans, date_spans, triggers)
            if em is not None and em.date is None and headline and t.idx < headline[0]:
                em = em.model_copy(update={"date": headline[1].iso(), "date_precision": headline[1].precision})
            if em is not None:
                out.append(em)
                if _pluperfect(t):
                    earlier.add((em.sentence, em.type))
    return _inherit_dates(_dedupe(out), source.text, earlier)


def _headline(source: Source, pub: PartialDate | None) -> tuple[int, PartialDate] | None:
    """Where the headline ends and the month it dates its acts to. A headline tells the news of
    its report ("Critic Charged With Treason"): an act it names without a date happened shortly
    before publication, most likely in the same month (the day it does not say)."""
    title = (source.title or "").strip()
    head = source.text.lstrip()
    scraped = SCRAPER_DATE.match(head)  # " date 2023-09-19 Headline": a scraper's date before it
    if scraped:
        head = head[scraped.end():].lstrip()
    if not title or pub is None or not head.startswith(title):
        return None
    month = _news_month(pub)
    return (source.text.index(title) + len(title), month) if month else None


def _news_month(told: PartialDate) -> PartialDate | None:
    """The month of an act told as news on `told`. News tells the last few days' acts: early in
    a month they may be the previous month's, so then no month is given."""
    if told.month is None or (told.day is not None and told.day <= NEWS_DAYS):
        return None
    return PartialDate(told.year, told.month)


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


def _after(end: PartialDate, start: PartialDate | None) -> PartialDate:
    """A term's end written without a year is the first such day after the act ("until July 5"),
    not the last one before the report, as past dates are read."""
    if end.year is None or start is None or start.year is None:
        return end
    first, last = end.latest(), start.latest()
    if first is not None and last is not None and first < last:
        return end.with_year(end.year + 1)
    return end


def _is_end(s: Span) -> bool:
    """A date told as the end of a period: "until December 5", "till 5 April", "through May"."""
    before = s.doc[s.start - 1].lower_ if s.start > 0 else ""
    return before in _END_WORDS or s[0].lower_ in _END_WORDS


_END_WORDS = {"until", "till", "til", "through", "pending"}
_VERDICT_LEMMAS = {"convict", "sentence", "acquit", "jail", "imprison", "find"}


def _owned_by_other(t: Token, s: Span, triggers: set[int]) -> bool:
    """A date reached only through another trigger above this one dates that act:
    "lost an appeal against his sentence on Monday" dates the appeal, not the sentence."""
    up_s = {x.i for x in [s.root, *_ancestors(s.root, 50)]}
    for a in _ancestors(t, 50):
        if a.i in up_s:
            return False  # reached the meeting point without passing another trigger
        if a.i in triggers and t.pos_ in ("NOUN", "PROPN") and t.dep_ == "pobj":
            return True
    return False


def _event(doc: Doc, t: Token, rule: Rule, si: int, sent: Span, source: Source, mentions: list[Mention],
           dates: dict[int, PartialDate], point_spans: list[Span], date_spans: list[Span],
           triggers: set[int]) -> EventMention | None:
    if _irrealis(t, rule):
        return None
    if t.pos_ in ("NOUN", "PROPN") and t.dep_ == "pobj" and t.head.lower_ == "from":
        return None  # "released from house arrest": where an act started, not an act
    if t.pos_ in ("NOUN", "PROPN") and t.dep_ == "compound":
        return None  # "a detention center": a place, not an act
    if t.ent_type_ in ("ORG", "FAC", "LAW", "WORK_OF_ART", "EVENT") or _in_organisation(t, mentions):
        return None  # "the Working Group on Arbitrary Detention": a name, not an act
    if t.pos_ == "NOUN" and any(c.dep_ == "amod" and c.lower_ in _words("state_modifiers") for c in t.children):
        return None  # "his ongoing detention": a state, not an act
    if t.pos_ == "NOUN" and rule.type == "charge" and t.dep_ == "pobj" and t.head.head.i in triggers \
            and _lemma(t.head.head) in _VERDICT_LEMMAS:
        return None  # "convicted on multiple charges": what the verdict was for, not a new charge
    person = _person_token(t, rule)
    guessed = person is None
    if person is None and not rule.undated_ok:
        person = _fallback_person(t, rule)
    if person is not None and _is_others(person):
        return None
    if person is not None and _is_nobody(person) and not rule.undated_ok:
        return None  # "a law that imposes a sentence": no one's act
    if person is None and not rule.undated_ok and rule.type not in ("search", "registration_denied") \
            and not _by_authority(t):
        return None
    quote, q_start, q_end = _quote(sent, t)
    sent_dates = [s for s in point_spans if sent.start <= s.start < sent.end
                  and q_start <= s.start_char and s.end_char <= q_end]
    # "remanded in custody until December 5": when a term ends, not when the act happened
    ends = [s for s in sent_dates if _is_end(s)]
    sent_dates = [s for s in sent_dates if not _is_end(s)]
    own_dates = [s for s in sent_dates if not _owned_by_other(t, s, triggers)]
    dspan = _nearest(t, own_dates)
    d = dates.get(dspan.start) if dspan is not None else None
    if d is None and _told_recent(t):
        # an act told as news on a dated telling ("newly levied charges, TASS reported Thursday")
        # happened by then, most likely in the same month: its month, not the telling's day
        told = [s for s in own_dates if _told_on(t, s) and _reachable(t, s, told_ok=True)]
        got = dates.get(told[0].start) if told else None
        d = _news_month(got) if got is not None else None
    participants: list[tuple[str, Role]] = []
    if person is not None and not guessed:  # a guessed person only vouches for relevance
        m = _mention_at(person, mentions)
        if m is not None:
            participants.append((m.id, "subject"))
    etype = rule.type
    duration = _duration(doc, t, date_spans) if etype in DURATION_TYPES else None
    if etype == "detention" and duration and t.pos_ == "VERB" and _lemma(t) in ("jail", "imprison"):
        etype = "sentence"  # "jailed for 25 years" is the term a court gave
    end_span = _nearest(t, [s for s in ends if not _owned_by_other(t, s, triggers)]) \
        if etype in DURATION_TYPES else None
    end_date = dates.get(end_span.start) if end_span is not None else None
    if end_date is not None and end_span is not None and not re.search(r"\b\d{4}\b", end_span.text):
        trusted = published_date(source.published) if source.published_basis in ("dateline", "metadata") else None
        end_date = _after(end_date, d or trusted)
    return EventMention(
        source=source.id, type=cast(EventType, etype), trigger=t.text, quote=quote, start=q_start, end=q_end,
        sentence=si,
        date=d.iso() if d else None, date_precision=d.precision if d else "unknown",
        end_date=end_date.iso() if end_date else None,
        place=_place(t, mentions, rule.type), participants=participants,
        amount=_amount(doc, t, sent) if rule.type == "fine" else None,
        duration=duration, charge=_charge(t) if etype in CHARGE_TYPES else None,
    )


def _dedupe(events: list[EventMention]) -> list[EventMention]:
    """One mention per act and sentence: "detained ... after his arrest" is one detention."""
    out: dict[tuple[int, str], EventMention] = {}
    for e in events:
        key = (e.sentence, e.type)
        prev = out.get(key)
        if prev is None:
            out[key] = e
            continue
        if prev.date and e.date and prev.date != e.date:
            out[(e.sentence, e.type + "@" + e.date)] = e
            continue
        out[key] = prev.model_copy(update={
            "date": prev.date or e.date, "date_precision": prev.date_precision if prev.date else e.date_precision,
            "amount": prev.amount or e.amount, "duration": prev.duration or e.duration,
            "charge": prev.charge or e.charge, "place": prev.place or e.place,
            "participants": prev.participants or e.participants,
        })
    return sorted(out.values(), key=lambda e: (e.start, e.type))
