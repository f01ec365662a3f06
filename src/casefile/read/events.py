"""Acts reported in a document, for every language: triggers matched by rules kept as data,
their arguments read from the dependency parse.

A trigger is a word whose lemma and part of speech a rule of
`resources/<code>/triggers.yaml` names (compiled to a spaCy `Matcher`), with the words
the rule asks for standing near it in the tree (compiled to a `DependencyMatcher`:
"found ... guilty", "placed under house arrest", "unable to leave"). The act's
arguments come from the tree, through `grammar(code)` roles: the person it happened to
(passive subject, object, possessor, the object of "of"/"against", or the subject of
the clause a noun sits in), the date, term, sum and place attached nearest to it, the
charge after "with"/"of" or in an article of the code. An act the text does not report
as done (`read.factuality`), told of people other than the case's (a number, a plural
group, a nationality), or a word in another sense (a name, a place, a state) is no act.
Every word this needs is in `resources/<code>/acts.yaml` and `factuality.yaml`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from itertools import pairwise
from typing import Any, cast

from spacy.attrs import IS_ALPHA, LEMMA
from spacy.matcher import DependencyMatcher, PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from casefile.core.dates import PartialDate, after, parse_iso
from casefile.core.durations import Duration, duration_days, parse_duration, subtract_durations
from casefile.core.event_types import VERDICT_STAGE, EventTypes, event_types
from casefile.core.names import place_key
from casefile.model import Amount, EventMention, EventType, Mention, Role, Source
from casefile.read.amounts import Quantity, find_amounts, find_durations
from casefile.read.factuality import in_label, is_state, unreal
from casefile.read.grammar import Grammar, Tree, grammar, sentences, text_of, tree
from casefile.read.language import Language
from casefile.read.lexicon import Words, words
from casefile.read.mentions import lexicon
from casefile.read.times import TimeExpr, TimeFrame, end_after
from casefile.resources import load

MAX_DATE_DISTANCE = 6  # tree steps between a trigger and a date that still belongs to it
MAX_TERM_DISTANCE = 8
NEWS_DAYS = 3  # acts told as news happened at most about this many days before the telling
# a term this short (an administrative arrest) is given within days of the detention it follows
PROMPT_TERM_DAYS = 30
OBJECT_REACH = 10  # tokens after a verb in which its object's name is looked for when the parse lost it
UNLINKED = 99  # no common ancestor: the two sit in different trees of one sentence
PRONOUN_CHAIN = 3  # pronouns followed back to the name they stand for
ANTECEDENT_SENTENCES = 4  # a pronoun stands for a person named in its sentence or the three before
NOT_PEOPLE = {"DATE", "TIME", "MONEY", "CARDINAL", "PERCENT", "QUANTITY"}
NUMBER_LABELS = {"CARDINAL", "QUANTITY", "PERCENT", "DATE", "MONEY"}


# --------------------------------------------------------------------------- rules


def _types() -> EventTypes:
    """What each event type takes (a term, a sum, a charge), from resources/event_types.yaml."""
    return event_types()


@dataclass(frozen=True)
class Near:
    """Where a rule's words are looked for around its trigger."""

    depth: int = 2
    head: bool = False
    after: int = 0
    appositions: bool = True

    @classmethod
    def of(cls, data: dict[str, Any] | None) -> Near:
        return cls(**(data or {}))


@dataclass(frozen=True)
class Rule:
    types: tuple[EventType, ...]
    lemmas: frozenset[str]
    pos: frozenset[str]
    with_: tuple[frozenset[str], ...]
    without: frozenset[str]
    above: frozenset[str]
    subject: frozenset[str]
    not_subject: frozenset[str]
    prep: frozenset[str]
    not_prep: frozenset[str]
    negative: bool
    person: str
    undated_ok: bool
    reduces: bool
    not_under: frozenset[str]
    by: str | None
    with_act: frozenset[str]
    in_sentence: tuple[frozenset[str], ...]
    not_in_sentence: frozenset[str]
    not_ongoing: bool
    person_only: bool
    lags: bool  # the day given may come some days after the act (custody held since its order)
    state: bool  # the act told as a state it left ("serving five years"): no day of its own
    with_place: frozenset[str] = frozenset()  # kinds of place one must be named below it ("country")
    named: bool = False  # an act only of a person the report names (not "his wife", "women who ...")

    @property
    def type(self) -> EventType:
        return self.types[0]


def _as_set(v: object) -> frozenset[str]:
    if v is None:
        return frozenset()
    items = v if isinstance(v, list) else [v]
    return frozenset(str(x).lower() for x in items)


_POS = {"VERB": ("VERB", "AUX", "ADJ"), "NOUN": ("NOUN", "PROPN")}


@dataclass
class ActRules:
    """One language's compiled act rules."""

    code: str
    vocab: Vocab
    rules: tuple[Rule, ...]
    near: Near
    near_without: Near
    anchors: list[PhraseMatcher]  # the words rules start from, by lemma and by form
    witnesses: DependencyMatcher
    term_verbs: dict[str, frozenset[str]]  # a custody verb or noun -> the units of a term that make it a sentence
    by_form: dict[str, tuple[int, ...]]  # a trigger's lemma or form -> the rules that name it, in order


_COMPILED: dict[str, ActRules] = {}


def compiled(code: str, vocab: Vocab) -> ActRules:
    """The rules of a language compiled for the vocabulary its documents are parsed with."""
    got = _COMPILED.get(code)
    if got is None or got.vocab is not vocab:
        got = _COMPILED[code] = _compile(code, vocab)
    return got


def _compile(code: str, vocab: Vocab) -> ActRules:
    data = load(f"{code}/triggers.yaml") or {}
    rules: list[Rule] = []
    for r in data.get("rules") or []:
        types = r.get("types") or [r["type"]]
        with_ = tuple(_as_set(w) for w in (r.get("with") or []))
        rules.append(Rule(
            types=tuple(types), lemmas=_as_set(r["lemma"]), pos=frozenset(p.upper() for p in r.get("pos") or []),
            with_=with_, without=_as_set(r.get("without")), above=_as_set(r.get("above")),
            subject=_as_set(r.get("subject")), not_subject=_as_set(r.get("not_subject")),
            prep=_as_set(r.get("prep")), not_prep=_as_set(r.get("not_prep")), negative=bool(r.get("negative")),
            person=r.get("person", "object"), undated_ok=bool(r.get("undated_ok")), reduces=bool(r.get("reduces")),
            not_under=_as_set(r.get("not_under")), by=r.get("by"), with_act=_as_set(r.get("with_act")),
            in_sentence=tuple(_as_set(w) for w in (r.get("in_sentence") or [])),
            not_in_sentence=_as_set(r.get("not_in_sentence")), person_only=bool(r.get("person_only")),
            lags=bool(r.get("lags")), state=bool(r.get("state")), not_ongoing=bool(r.get("not_ongoing")),
            with_place=_as_set(r.get("with_place")), named=bool(r.get("named")),
        ))
    near, near_without = Near.of(data.get("near")), Near.of(data.get("near_without"))
    # Two matchers serve every rule: the Matcher finds any word a rule starts from, the
    # DependencyMatcher any word a rule asks for standing in a relation to such a word (below
    # it, its head, after it); which rule a word serves is then a table lookup. One pattern
    # per rule would cost the matchers a predicate per rule at every word of every report.
    lemmas = sorted({w for r in rules for w in r.lemmas})
    wanted = sorted({w for r in rules for group in (*r.with_, r.without) for w in group})
    anchors = [PhraseMatcher(vocab, attr=attr) for attr in ("LEMMA", "LOWER")]
    for m in anchors:
        m.add("trigger", [Doc(vocab, words=[w], lemmas=[w]) for w in lemmas])
    witnesses = DependencyMatcher(vocab)
    ops = sorted(set(_ops(near)) | set(_ops(near_without)))
    for op in ops:
        patterns = []
        for t_attr in ("LEMMA", "LOWER"):
            for w_attr in ("LEMMA", "LOWER"):
                patterns.append([{"RIGHT_ID": "t", "RIGHT_ATTRS": {t_attr: {"IN": lemmas}}},
                                 {"LEFT_ID": "t", "REL_OP": op, "RIGHT_ID": "w",
                                  "RIGHT_ATTRS": {w_attr: {"IN": wanted}}}])
        if wanted:
            witnesses.add(op, patterns)
    by_form: dict[str, list[int]] = {}
    for k, rule in enumerate(rules):
        for w in rule.lemmas:
            by_form.setdefault(w, []).append(k)
    return ActRules(code, vocab, tuple(rules), near, near_without, anchors, witnesses,
                    _term_verbs(data.get("term_verbs")), {w: tuple(ks) for w, ks in by_form.items()})


def _term_verbs(data: object) -> dict[str, frozenset[str]]:
    """`term_verbs`: a list (any term makes the act a sentence) or a map to the term's units."""
    if isinstance(data, dict):
        return {str(k).lower(): frozenset(str(u).upper() for u in v or []) for k, v in data.items()}
    return {str(k).lower(): frozenset("YMWD") for k in (data if isinstance(data, list) else [])}


def _ops(near: Near) -> list[str]:
    ops = [">>"]
    if near.head:
        ops.append("<")
    if near.after:
        ops.append(".*")
    return ops


# --------------------------------------------------------------------------- a document


@dataclass
class _Doc:
    """What the act reader knows of one document while it reads it."""

    doc: Doc
    source: Source
    code: str
    g: Grammar
    acts: Words
    cues: Words
    mentions: list[Mention]
    times: list[TimeExpr]
    frame: TimeFrame
    lang: Language
    # acts told of someone the text names or points to ((quote start, type)): found by the parse
    # or guessed, a pronoun or a name
    of_someone: set[tuple[int, str]] = field(default_factory=set)
    # acts whose own time expression could not be resolved ((quote start, type)): they take no
    # other act's date
    own_time_unknown: set[tuple[int, str]] = field(default_factory=set)
    first_act_sentence: int | None = None  # where the report first tells an act (its news)
    # acts told of a group of unnamed people ((sentence, type)): "the court sentenced the
    # activists ..." (a member named next may undergo it)
    group_acts: set[tuple[int, str]] = field(default_factory=set)
    # each trigger word's types of act
    trigger_types: dict[int, frozenset[str]] = field(default_factory=dict)
    # each trigger word's step of a prosecution (event_types.yaml `stage`), where it has one
    steps: dict[int, int] = field(default_factory=dict)

    def lemma(self, t: Token) -> str:
        return t.lemma_.lower()

    def has(self, t: Token, name: str) -> bool:
        return self.acts.has(t, name)


def extract_events(doc: Doc, source: Source, mentions: list[Mention], times: list[TimeExpr],
                   frame: TimeFrame, lang: Language) -> list[EventMention]:
    code = lang.code
    d = _Doc(doc, source, code, grammar(code), words(code, "acts"), words(code, "factuality"), mentions,
             times, frame, lang)
    comp = compiled(code, doc.vocab)
    cands = _candidates(d, comp)
    table = _types()
    d.trigger_types = {i: frozenset(ty for rule in rules for ty in rule.types) for i, rules in cands.items()}
    d.steps = {i: min(st) for i, rules in cands.items()
               if (st := [x for ty in rules[0].types if (x := table[ty].stage) is not None])}
    # the page's own date line says when it appeared, not when anything in it happened
    points = [x for x in times if not x.is_duration and x.kind != "header"]
    headline = _headline(d)
    earlier: set[tuple[int, str]] = set()  # acts told in the past perfect: before the story's acts
    out: list[tuple[EventMention, int]] = []  # each act with where its trigger stands
    for si, sent in enumerate(_sentences(doc)):
        seen: set[int] = set()
        matched = [(doc[i], rule) for i in sorted(cands) if sent.start <= i < sent.end for rule in cands[i]]
        triggers = {t.i for t, _ in matched}
        for t, rule in matched:
            if t.i in seen:
                continue  # the first rule that fits a word decides its reading
            seen.add(t.i)
            for etype in rule.types:
                for em in _acts(d, t, rule, etype, si, sent, points, triggers):
                    if em.date is None and headline and t.idx < headline[0] and not _background(d, t) \
                            and (em.start, em.type) not in d.own_time_unknown:
                        em = em.model_copy(update={"date": headline[1].iso(), "date_precision": headline[1].precision})
                    out.append((em, t.idx))
                    if d.first_act_sentence is None:
                        d.first_act_sentence = sent.start
                    if _pluperfect(d, t):
                        earlier.add((em.sentence, em.type))
                if d.first_act_sentence is None and (si, etype) in d.group_acts:
                    d.first_act_sentence = sent.start  # the news told of a group its member is named after
    return _about_a_case(d, _counted_from_acts(d, _decision_dates(d, _inherit_dates(
        d, _respectively(d, _a_fine_is_no_term(_dedupe(d, out))), earlier))))


# the most words between two terms of one list ("six and five years", "10, 8 and 6 years")
LIST_GAP = 2


def _respectively(d: _Doc, events: list[EventMention]) -> list[EventMention]:
    """"X and Y were sentenced to six and five years respectively": one act for each person, with
    the term in the place of their name (acts.yaml `respectively`). An act keeps its persons
    and its term where the sentence does not say so, or names as many terms as persons."""
    cue = d.acts("respectively")
    if not cue:
        return events
    sents = _sentences(d.doc)
    at = {m.id: m.start for m in d.mentions}
    out: list[EventMention] = []
    for em in events:
        subjects = sorted((p for p, role in em.participants if role == "subject" and p in at), key=at.__getitem__)
        sent = sents[em.sentence] if 0 <= em.sentence < len(sents) else None
        if len(subjects) < 2 or not em.duration or sent is None or not any(d.has(x, "respectively") for x in sent):
            out.append(em)
            continue
        terms = _terms(d, sent)
        listed = len(terms) == len(subjects) and all(b.start - a.end <= LIST_GAP for a, b in pairwise(terms))
        if not listed:
            out.append(em)
            continue
        others = [(p, role) for p, role in em.participants if p not in subjects]
        out += [em.model_copy(update={"participants": [(p, "subject"), *others], "duration": q.duration})
                for p, q in zip(subjects, terms, strict=True)]
    return out


def _a_fine_is_no_term(events: list[EventMention]) -> list[EventMention]:
    """"sentenced to a fine", "приговорил к штрафу": the verdict's penalty is the fine; the
    verb's sentence, with no term of its own, is none (a sentence puts the person in custody)."""
    fined = {e.sentence for e in events if e.type in _types().taking("amount") and e.amount}
    return [e for e in events if not (e.type in _types().one_per_term() and not e.duration and e.sentence in fined)]


def _counted_from_acts(d: _Doc, events: list[EventMention]) -> list[EventMention]:
    """An act dated by the time gone since another act the report dates: "a year after her
    detention the court sentenced her" (acts.yaml `counted_from`: the words that say after or
    before). The other act is the one its noun names in the same sentence, dated elsewhere in
    the report for the same person."""
    marks = d.acts.value("counted_from") or {}
    signs = {str(w): 1 for w in marks.get("after") or []} | {str(w): -1 for w in marks.get("before") or []}
    durations = [x for x in d.times if x.is_duration and x.duration]
    sents = _sentences(d.doc)
    if not signs or not durations:
        return events
    out = []
    referred: set[tuple[int, str]] = set()  # (sentence, trigger) of the acts counted from
    for e in events:
        if e.sentence < len(sents) and _open_date(d, e, sents):
            found = _counted_date(d, e, sents[e.sentence], durations, signs, events)
            if found is not None:
                date, noun = found
                e = e.model_copy(update={"date": date.iso(), "date_precision": date.precision, "by_report": False})
                referred.add((e.sentence, noun))
        out.append(e)
    # "Two years after his arrest, he was released on Tuesday": the act counted from took the
    # clause's date (and term); it is that long before the dated act
    back: dict[tuple[int, str], PartialDate] = {}
    for e in out:
        own = parse_iso(e.date) if e.date else None
        if own is None or (own.year is None and own.month is None) or e.sentence >= len(sents) \
                or (e.sentence, e.trigger) in referred:
            continue
        for sign, parsed, noun in _counts(d, sents[e.sentence], durations, signs):
            ref = next((o for o in out if o is not e and o.sentence == e.sentence and o.trigger == noun
                        and o.type != e.type and o.date == e.date), None)
            earlier = _shifted(own, -sign, parsed) if ref is not None else None
            if ref is not None and earlier is not None:
                back[(ref.sentence, ref.trigger)] = earlier
    out = [e.model_copy(update={"date": back[(e.sentence, e.trigger)].iso(), "duration": None,
                                "date_precision": back[(e.sentence, e.trigger)].precision, "by_report": False})
           if (e.sentence, e.trigger) in back else e for e in out]
    # the act counted from is told as past here: not dated by the report, nor given this clause's term
    return [e if (e.sentence, e.trigger) not in referred or not _open_date(d, e, sents)
            else e.model_copy(update={"date": None, "date_precision": "unknown", "duration": None, "by_report": False})
            for e in out if (e.sentence, e.trigger) not in referred or e.type != "hearing"]


def _counts(d: _Doc, sent: Span, durations: list[TimeExpr], signs: dict[str, int]) -> Iterator[tuple[int, Duration, str]]:
    """The counts of time from an act in the sentence ("a year after her detention", "через год
    после задержания"): (sign, the length, the act noun's text) of each."""
    for x in durations:
        if not sent.start <= x.start < sent.end or x.end >= sent.end:
            continue
        sign = signs.get(d.lemma(d.doc[x.end]))
        parsed = parse_duration(x.duration)
        noun = next((t for t in d.doc[x.end + 1:min(sent.end, x.end + 4)] if t.pos_ in ("NOUN", "PROPN")), None)
        if sign is not None and parsed is not None and noun is not None:
            yield sign, parsed, noun.text


_ANY_YEAR = 2000  # a leap year, for shifting a day and month whose year is not known


def _shifted(date: PartialDate, sign: int, length: Duration) -> PartialDate | None:
    """`date` moved by `length` (back with `sign` -1); a year-less date stays year-less
    ("six months before September": March)."""
    if date.year is None:
        if date.month is None:
            return None
        moved = after(date.with_year(_ANY_YEAR), sign * length.years, sign * length.months,
                      sign * (length.weeks * 7 + length.days))
        return PartialDate(None, moved.month, moved.day) if moved is not None else None
    return after(date, sign * length.years, sign * length.months, sign * (length.weeks * 7 + length.days))


def _counted_date(d: _Doc, e: EventMention, sent: Span, durations: list[TimeExpr], signs: dict[str, int],
                  events: list[EventMention]) -> tuple[PartialDate, str] | None:
    for sign, parsed, noun in _counts(d, sent, durations, signs):
        if noun == e.trigger:
            continue  # (the act counted from is not counted from itself)
        ref = next((o for o in events if o is not e and o.sentence == e.sentence and o.type != e.type
                    and o.trigger == noun), None)
        if ref is None:
            continue
        anchors = [p for o in events if o.type == ref.type and o.date_precision in ("day", "month")
                   and _same_people(d, e, o) and (p := parse_iso(o.date)) is not None and p.year is not None]
        if not anchors:
            continue
        first = min(anchors, key=lambda p: (p.year or 0, p.month or 1, p.day or 1))  # "after his arrest": the first
        date = _shifted(first, sign, parsed)
        if date is not None:
            return date, noun
    return None


def _decision_dates(d: _Doc, events: list[EventMention]) -> list[EventMention]:
    """A court's act told without a date takes the date of the decision the next sentence
    dates: "The court rejected his appeal. It announced its decision on June 5." A decision
    noun (acts.yaml `decision_nouns`) in that sentence, with a date in its clause, names the act
    just told."""
    nouns = d.acts("decision_nouns")
    table = _types()
    courts = {s.name for s in table if s.in_session or (s.stage or 0) >= 3}
    sents = _sentences(d.doc)
    if not nouns or not any(_open_date(d, e, sents) and e.type in courts for e in events):
        return events
    by_sentence: dict[int, list[EventMention]] = {}
    for x in events:
        by_sentence.setdefault(x.sentence, []).append(x)
    out = []
    for e in events:
        if e.type in courts and e.sentence + 1 < len(sents) and _open_date(d, e, sents):
            # (not a decision an act of another kind in the next sentence is done to: "Her lawyer
            # appealed the verdict on Friday" dates the appeal)
            nxt = by_sentence.get(e.sentence + 1, [])
            acts = {x.trigger for x in nxt if x.type != e.type} - {x.trigger for x in nxt if x.type == e.type}
            # (an appeal is not dated by the decision it names by its date: "The ruling confirms
            # the city court's decision from August 6" is the verdict's day)
            found = _decision_date(d, sents[e.sentence + 1], nouns, acts,
                                   named_ok=(table[e.type].stage or 0) <= VERDICT_STAGE)
            if found is not None:
                e = e.model_copy(update={"date": found.iso(), "date_precision": found.precision, "by_report": False})
        out.append(e)
    return out


def _open_date(d: _Doc, e: EventMention, sents: list[Span]) -> bool:
    """No date, or only its report's (a lead's act), in a sentence that writes no date."""
    if e.date is None:
        return True
    sent = sents[e.sentence] if e.sentence < len(sents) else None
    return e.date == d.source.published and sent is not None and not any(
        sent.start <= x.start < sent.end for x in d.times if not x.is_duration)


def _decision_date(d: _Doc, sent: Span, nouns: frozenset[str], acts: set[str],
                   named_ok: bool = True) -> PartialDate | None:
    for tok in sent:
        if d.lemma(tok) not in nouns or tok.pos_ not in ("NOUN", "PROPN"):
            continue
        clause = tok.head if tok.head.i != tok.i else tok
        if clause.i != tok.i and clause.text in acts:
            continue
        for x in d.times:
            if x.is_duration or x.kind == "header" or x.value is None or x.value.precision not in ("day", "month") \
                    or not sent.start <= x.start < sent.end:
                continue
            if not named_ok and _names_a_decision(d, _root_of(d.doc, x)):
                continue
            if any(a.i in (clause.i, tok.i) for t in d.doc[x.start:x.end] for a in [t, *t.ancestors]):
                return x.value
    return None


def _about_a_case(d: _Doc, events: list[EventMention]) -> list[EventMention]:
    """A report tells of a case when it tells a legal or custodial act (a detention, a charge,
    a verdict ...) of someone. Otherwise its acts are of another sense or story (a product's
    release, a game's killing, a court's ruling on a policy) and none is kept."""
    if not events or not _legal_frame(d):
        return []
    legal = _types().legal()
    if any(e.type in legal and ((e.start, e.type) in d.of_someone or any(r == "subject" for _, r in e.participants))
           for e in events):
        return events
    return []


def _legal_frame(d: _Doc) -> bool:
    """The report speaks of the law or of custody: it uses at least `legal_frame_min` different
    words of `legal_frame` (court, police, prison, lawyer ...), where it is a page of at least
    `legal_frame_words` words. A page that speaks of none (a
    product "released", a phone to "charge", a show's "judges' verdict", a committee's "hearing")
    tells no act of a case, whatever its verbs."""
    need = int(d.acts.value("legal_frame_min", 0) or 0)
    if not need:
        return True
    cols = d.doc.to_array([LEMMA, IS_ALPHA])
    if int(cols[:, 1].sum()) < int(d.acts.value("legal_frame_words", 0) or 0):
        return True  # a snippet of a few sentences is judged by its acts alone
    strings = d.doc.vocab.strings
    seen = {strings[int(h)].lower() for h in set(cols[:, 0].tolist())} & d.acts("legal_frame")
    return len(seen) >= need


def _candidates(d: _Doc, comp: ActRules) -> dict[int, list[Rule]]:
    """Each trigger token's rules, in file order, with the words they ask for standing near."""
    doc = d.doc
    hits: dict[int, list[int]] = {}
    for _match_id, start, _end in [x for m in comp.anchors for x in m(doc)]:
        if start in hits:
            continue
        t = doc[start]
        ks = sorted({k for form in (t.lemma_.lower(), t.lower_) for k in comp.by_form.get(form, ())})
        ks = [k for k in ks if _pos_ok(t, comp.rules[k])]
        if ks:
            hits[start] = ks
    if not hits:
        return {}
    near_words: dict[tuple[int, str], set[str]] = {}  # (trigger, "with"/"without") -> words standing there
    parse = tree(doc)
    for ti, wi in _witness_pairs(doc, hits, comp):
        forms: set[str] | None = None
        for kind, where in (("with", comp.near), ("without", comp.near_without)):
            if _within(doc, parse, ti, wi, where):
                if forms is None:
                    w = doc[wi]
                    forms = {w.lemma_.lower(), w.lower_}
                near_words.setdefault((ti, kind), set()).update(forms)
    out: dict[int, list[Rule]] = {}
    for ti, ks in hits.items():
        t = doc[ti]
        present, absent = near_words.get((ti, "with"), set()), near_words.get((ti, "without"), set())
        for k in ks:
            rule = comp.rules[k]
            if not all(group & present for group in rule.with_):
                continue
            if rule.without & absent:
                continue
            if _fits(d, t, rule):
                out.setdefault(ti, []).append(rule)
    # rules that ask for an act of another type beside them ("detained and flown to ..."):
    # kept where a conjunct of the trigger is such an act
    for ti, rules in list(out.items()):
        keep = [r for r in rules if not r.with_act or any(
            x.i in out and any(set(o.types) & r.with_act for o in out[x.i] if not o.with_act)
            for x in [*d.g.children(doc[ti], "conjunct"), doc[ti].head] if x.i != ti
            and (d.g.is_(doc[ti], "conjunct") or d.g.is_(x, "conjunct")))]
        if keep:
            out[ti] = keep
        else:
            del out[ti]
    return out


def _witness_pairs(doc: Doc, hits: dict[int, list[int]], comp: ActRules) -> Iterator[tuple[int, int]]:
    """(trigger, word) pairs a rule's words may stand in: below the trigger, its head, the
    words after it in its sentence. Walked from the few trigger words, not matched over the
    whole text (a DependencyMatcher pass over every sentence cost a sixth of the reading
    stage); a language read without a parse has the words after the trigger only."""
    parsed = doc.has_annotation("DEP")
    reach = max(comp.near.depth, comp.near_without.depth) + 1
    after = max(comp.near.after, comp.near_without.after)
    parse = tree(doc)
    for ti in hits:
        seen: set[int] = set()
        if parsed:
            frontier = [ti]
            for _ in range(reach):
                frontier = [c for f in frontier for c in parse.children[f]]
                seen.update(frontier)
            if parse.heads[ti] != ti:
                seen.add(parse.heads[ti])
        sent_end = sentences(doc).of(ti)[1]
        end = sent_end if not parsed else min(sent_end, ti + 1 + after + 2)
        seen.update(range(ti + 1, end))
        for wi in sorted(seen):
            yield ti, wi


def _within(doc: Doc, parse: Tree, ti: int, wi: int, near: Near) -> bool:
    """Whether word `wi` stands where a rule looks for its words around trigger `ti`."""
    if wi == ti:
        return False
    heads = parse.heads
    if near.head and heads[ti] == wi and heads[ti] != ti:
        return True
    up, steps = wi, 0
    while up != ti and heads[up] != up and steps <= near.depth + 1:
        up, steps = heads[up], steps + 1
    if up == ti:
        if steps <= near.depth:
            return True
        if near.appositions and steps == near.depth + 1 and parse.deps[wi] == "appos":
            return True  # "at IK-9, a penal colony"
    if near.after and wi > ti and sentences(doc).index[wi] == sentences(doc).index[ti]:
        if parse.words_before[wi + 1] - parse.words_before[ti + 1] <= near.after:
            return True
    return False


def _pos_ok(t: Token, rule: Rule) -> bool:
    if not rule.pos:
        return True
    pos = t.pos_
    if pos == "ADJ" and ("Part" in t.morph.get("VerbForm", []) or "Past" in t.morph.get("Tense", [])):
        pos = "VERB"
    if pos == "AUX":
        pos = "VERB"
    if pos == "PROPN":
        pos = "NOUN"
    return pos in rule.pos


def _fits(d: _Doc, t: Token, rule: Rule) -> bool:
    """The rule's conditions on the trigger's governors, subject and prepositions."""
    g = d.g
    if rule.above:
        ups = _ancestors(t, 3)
        negs = {"negation"} if any(_negation(d, c) for a in [t, *ups] for c in a.children) else set()
        if not ({d.lemma(a) for a in ups} | negs) & rule.above:
            return False
    if rule.subject or rule.not_subject:
        s = _subject_of(d, _clause_verb(d, t) if t.pos_ in ("NOUN", "PROPN") else t)
        if rule.subject and (s is None or d.lemma(s) not in rule.subject):
            return False
        if rule.not_subject and s is not None and (d.lemma(s) in rule.not_subject or s.lower_ in rule.not_subject):
            return False
    if rule.prep and not any(p.lower_ in rule.prep for p, _ in g.prepositional(t)) \
            and not any(g.is_(c, "indirect_object") and c.lower_ in rule.prep for c in t.children):
        return False
    if rule.not_prep and any(p.lower_ in rule.not_prep for p, _ in g.prepositional(t)):
        return False
    # (the word it hangs on, and through a preposition the word that phrase is on: "in
    # objection to the verdict")
    over = [t.head, *([d.g.governor(t)] if d.g.preposition_of(t) is not None else [])]
    if rule.not_under and t.head.i != t.i and any(d.lemma(h) in rule.not_under or h.lower_ in rule.not_under
                                                  for h in over if h.i != t.i):
        return False  # "in charge", "leading the charge": the word in another sense
    if rule.not_ongoing and _ongoing(d, t):
        return False  # "her father is dying": not (yet) done
    if rule.with_place and not _names_a_place(d, t, rule.with_place):
        return False
    if rule.by == "authority" and not _by_an_authority(d, t):
        return False
    if rule.in_sentence or rule.not_in_sentence:
        forms = {f for x in t.sent if x.i != t.i for f in (x.lemma_.lower(), x.lower_)}
        if not all(group & forms for group in rule.in_sentence) or forms & rule.not_in_sentence:
            return False
    return True


def _names_a_place(d: _Doc, t: Token, kinds: frozenset[str]) -> bool:
    """A place of one of these kinds ("country": geonames' and CLDR's countries) named in the
    trigger's object or in a phrase on it ("left Moldova", «выехала из Молдовы»)."""
    below = [o for c in d.g.children(t, "object", "oblique") for o in [c, *d.g.children(c, "preposition_object")]]
    below += [o for _, o in d.g.prepositional(t)]
    for o in below:
        m = _mention_at(o, d.mentions)
        key = place_key(m.norm) if m is not None and m.type == "place" else None
        if key is not None and key.split(":")[0] in kinds:
            return True
    return False


def _ongoing(d: _Doc, t: Token) -> bool:
    """A verb told as going on: a progressive with its auxiliary ("is dying", "was dying"), or
    an imperfective present ("умирает")."""
    aspect = t.morph.get("Aspect", [])
    if "Prog" in aspect:
        return any(d.g.is_(c, "auxiliary") for c in t.children)
    return "Imp" in aspect and "Pres" in t.morph.get("Tense", []) and "Fin" in t.morph.get("VerbForm", [])


def _by_an_authority(d: _Doc, t: Token) -> bool:
    """The act is done by an authority, or the clause does not say by whom ("he was charged"):
    "X accused Y of lying" by someone else is an accusation, not a charge."""
    g = d.g
    if g.children(t, "passive_auxiliary", "passive_subject"):
        agents = [o for p, o in g.prepositional(t) if d.has(p, "agent_prepositions")]
    else:
        subject = _subject_of(d, t)  # also the subject a verb takes from the one it depends on
        if subject is None and g.preposition_of(t) is not None:
            subject = _subject_of(d, g.governor(t))  # "after accusing them of ...": who accused
        agents = [subject] if subject is not None else []
    if not agents:
        return True
    a = agents[0]
    if d.has(a, "authorities"):
        return True
    if d.has(a, "group_pronouns") and not g.children(a, "noun_clause", "relative_clause"):
        return True  # "they charged him"; not "those convicted dismissed the charges"
    m = _mention_at(a, d.mentions)
    return m is not None and "authority" in m.role_hints


def _negation(d: _Doc, c: Token) -> bool:
    return d.g.is_(c, "negation") or (d.cues.has(c, "negation") and d.g.is_(c, "adverb"))


# --------------------------------------------------------------------------- tree helpers


def _descendants(t: Token, depth: int) -> list[Token]:
    out, frontier = [], [t]
    for _ in range(depth):
        frontier = [c for f in frontier for c in f.children]
        out.extend(frontier)
    return out


def _ancestors(t: Token, depth: int) -> list[Token]:
    doc, heads = t.doc, tree(t.doc).heads
    out: list[Token] = []
    i = t.i
    while heads[i] != i and len(out) < depth:
        i = heads[i]
        out.append(doc[i])
    return out


_NOUN_PATH = ("preposition_object", "preposition", "object", "attribute", "compound", "passive_subject",
              "oblique", "adjective", "nominal_modifier")


def _clause_verb(d: _Doc, t: Token) -> Token:
    """The verb a noun trigger belongs to ("placed" for "placed under house arrest")."""
    g = d.g
    cur = t
    for _ in range(4):
        if cur.pos_ in ("VERB", "AUX") or cur.head.i == cur.i:
            return cur
        if g.is_(cur, "preposition_object") and g.governor(cur).pos_ in ("NOUN", "PROPN"):
            if not d.has(g.governor(cur), "frame_nouns"):
                return cur  # "reports of arbitrary detention": a noun's modifier, not the clause's act
            cur = g.governor(cur)  # "as part of an exchange": the act of the frame's clause
            continue
        if not g.is_(cur, *_NOUN_PATH):
            return cur  # "the detention of ... has raised concerns": the noun is not the verb's act
        cur = cur.head
    return cur


def _subject_of(d: _Doc, v: Token) -> Token | None:
    """The subject of a verb, inherited along conjunctions and control ("agreed to stop")."""
    g = d.g
    cur = v
    for _ in range(4):
        subj = g.children(cur, "subject", "passive_subject")
        if subj:
            # a dateline run into the sentence ("date 2023-07-31 ... X lost") gives two subjects
            s = next((c for c in subj if c.ent_type_ not in NOT_PEOPLE and not d.has(c, "not_subjects")), subj[0])
            if d.has(s, "relative_pronouns") and g.is_(cur, "relative_clause"):
                return _named(d, cur.head)  # "X, a writer who had been serving 25 years": X
            return s
        if g.is_(cur, "conjunct", "open_complement", "adverbial_clause", "noun_clause") and cur.head.i != cur.i:
            if g.is_(cur, "noun_clause") and cur.head.pos_ in ("NOUN", "PROPN", "PRON"):
                return cur.head
            cur = cur.head
        elif cur.pos_ in ("VERB", "AUX") and g.preposition_of(cur) is not None and g.governor(cur).pos_ in ("VERB", "AUX"):
            # "after being detained", "for criticising him": the clause's subject; but "barred X
            # from leaving", "accused X of lying": its object
            cur = g.governor(cur)
            obj = g.child(cur, "object")
            if obj is not None:
                return obj
        else:
            return None
    return None


def _is_quantity(d: _Doc, c: Token) -> bool:
    """"150,000 tenge", "$300", "two years": a sum or a term, not the person an act happens to
    (a number after a name, "X, 31,", is an age; "three activists" are people)."""
    if c.pos_ == "NOUN" and _own_word(d, c):
        return False
    return c.like_num or c.ent_type_ in ("MONEY", "DATE", "CARDINAL") or any(
        (g.like_num and g.i < c.i) or g.dep_ in ("nummod", "nummod:gov") for g in c.children)


def _named(d: _Doc, t: Token) -> Token:
    """The name an apposition renames ("X, a writer, ..." for "writer")."""
    while d.g.is_(t, "apposition") and t.head.i != t.i:
        t = t.head
    return t


def _coordinated(d: _Doc, v: Token) -> bool:
    """A conjunct, or a loose clause the parser hung on the one before it though a coordinating
    word joins them ("была задержана в январе и в июне приговорена")."""
    return d.g.is_(v, "conjunct") or (d.g.is_(v, "parataxis") and bool(d.g.children(v, "coordinator")))


def _object_of(d: _Doc, v: Token) -> Token | None:
    g = d.g
    for role in ("passive_subject", "indirect_object", "object"):
        for c in g.children(v, role):
            if role == "passive_subject" and c.like_num and c.ent_type_ not in ("MONEY", "DATE"):
                return c  # "all five were released": a number of people, no one named
            if not _is_quantity(d, c):
                if d.has(c, "relative_pronouns") and g.is_(v, "relative_clause"):
                    return _named(d, v.head)  # "X, a poet who was arrested": X
                return c
    for c in g.children(v, "clausal_complement", "attribute"):  # "found X guilty": the small clause's subject
        for gc in g.children(c, "subject", "passive_subject"):
            return gc
    if g.is_(v, "noun_clause") and v.head.pos_ in ("NOUN", "PROPN", "PRON"):
        return v.head  # "Georgians detained in ..."
    if _coordinated(d, v):
        # conjuncts hang on the first of them: "they searched the flat, and he was detained and
        # convicted" takes the person of the nearest earlier one of the same voice, not the first's
        # (or, failing one, the nearest later one: the parser may hang the shared subject there)
        voice = v.morph.get("Voice", [])
        sibs = [c for c in g.children(v.head, "conjunct") if c.i != v.i]
        for sib in sorted(sibs, key=lambda c: (c.i > v.i, abs(c.i - v.i))):
            if sib.morph.get("Voice", []) == voice:
                for c in g.children(sib, "passive_subject", "indirect_object", "object"):
                    if not _is_quantity(d, c):
                        return c
        head_voice = v.head.morph.get("Voice", [])
        if voice and head_voice and voice != head_voice:
            return None  # "police searched the flat and [he] was detained": not the flat
        return _object_of(d, v.head)
    if (g.is_(v, "adverbial_clause", "open_complement", "preposition_object")) and not g.children(v, "subject"):
        # "Transferred from ..., he was placed ...", "after being detained"
        up = v.head
        while up.pos_ not in ("VERB", "AUX") and up.head.i != up.i:
            up = up.head
        if g.children(v, "passive_auxiliary") and g.is_(v, "open_complement", "clausal_complement"):
            # "ordered him to be detained": the governing verb's object undergoes it
            objects = [c for c in g.children(up, "object", "indirect_object") if not _is_quantity(d, c)]
            if objects:
                return objects[0]
        return _subject_of(d, up)
    return None


def _by_authority(d: _Doc, t: Token) -> bool:
    """A noun act the clause's subject, an authority, performs ("investigators introduced fresh
    charges", "the court ordered his detention"): an act of the case even when the report does
    not repeat on whom, as a bundle's reports are about its person."""
    v = _clause_verb(d, t)
    if v.i == t.i or not d.g.is_(t, "object") or t.head.i != v.i:
        return False
    s = _subject_of(d, v)
    return s is not None and d.has(s, "authorities")


def _fallback_person(d: _Doc, t: Token, rule: Rule) -> Token | None:
    """When the parse gives the act no person (a clause without its subject, a tree broken by
    an unknown name), the nearest person before it in the sentence: a personal pronoun or a
    named person; for an act done to someone ("fined X"), a named person just after it."""
    g = d.g
    for x in reversed(list(t.sent[: t.i - t.sent.start])):
        if d.has(x, "person_pronouns") or _is_person_ent(d, x):
            return x
    # an active clause verb: its object follows. The parser sometimes takes the verb for an
    # adjective of the role noun after it ("a court in X sentenced journalist Y")
    misread = g.is_(t, "adjective") and t.i > t.sent.start and t.doc[t.i - 1].pos_ in ("NOUN", "PROPN")
    clause_verb = g.is_(t, "root", "conjunct", "clausal_complement") or misread or bool(g.children(t, "subject"))
    # a language read without a parser (tokens only): the word order is all there is
    unparsed = not t.doc.has_annotation("DEP")
    if rule.person != "subject" and (unparsed or t.pos_ == "VERB" and clause_verb
                                     and not g.children(t, "passive_auxiliary")):
        reach = OBJECT_REACH
        for x in t.doc[t.i + 1:min(t.i + 1 + OBJECT_REACH * 2, t.sent.end)]:
            if x.i - t.i > reach:
                break
            if _is_person_ent(d, x) or (unparsed and d.has(x, "person_pronouns")):
                return x
            if x.pos_ in ("VERB", "AUX") or x.is_punct and x.text in ",;":
                break
            if x.pos_ == "NOUN" and "Acc" in x.morph.get("Case", []) and "Anim" in x.morph.get("Animacy", []):
                # the act's object by its case, after a long term phrase ("приговорил к восьми
                # годам колонии журналиста X"): its name follows it
                reach = x.i - t.i + OBJECT_REACH
    root = t.sent.root
    subj = [c for c in g.children(root, "subject", "passive_subject") if c.pos_ == "PROPN"]
    return subj[0] if subj and subj[0].i < t.i else None


def _clause_person(d: _Doc, t: Token) -> Token | None:
    """The person of the clause a noun act's phrase hangs on: its object, else its subject. A
    noun coordinated with another hangs where that one does ("sentenced X to five years and a
    three-year ban")."""
    while d.g.is_(t, "conjunct") and t.head.pos_ in ("NOUN", "PROPN") and t.head.i != t.i:
        t = t.head
    if d.g.preposition_of(t) is None:
        return None
    v = d.g.governor(t)
    while v.pos_ not in ("VERB", "AUX") and v.head.i != v.i:
        v = v.head
    for c in d.g.children(v, "object", "passive_subject", "indirect_object", "subject"):
        if c.i != t.i and not _is_nobody(d, c):
            return c
    return None


def _is_person_ent(d: _Doc, x: Token) -> bool:
    return bool(x.ent_type_) and d.lang.entity_type(x.ent_type_) == "person"


def _person_of_noun(d: _Doc, t: Token, depth: int = 1) -> Token | None:
    """Whose act a noun names: its possessor ("his arrest", "его арест"), the object of a
    person preposition ("the detention of X", "charges against him"), a person it is given to
    ("a sentence for X"), or a name in the
    genitive or dative on it ("арест Ивана Петрова", "приговор Петрову")."""
    g = d.g
    for c in g.children(t, "possessor"):
        if not d.has(c, "authorities"):  # "the judge's verdict": whose it was, not whom it befell
            return c
    for p, o in g.prepositional(t):
        if d.has(p, "person_prepositions") and (_is_others(d, o) or not _is_nobody(d, o)) \
                and o.ent_type_ not in NOT_PEOPLE and o.pos_ not in ("VERB", "AUX"):
            return o  # "the detention of a million ...", "charges against him" (not "a ban on administering")
        if d.has(p, "recipient_prepositions") and _somebody(d, o) and o.ent_type_ not in NOT_PEOPLE:
            return o  # "a sentence of six years for X", "handed a six-year sentence to X"
        if d.has(o, "relation_nouns"):  # "в отношении Ильи Петрова": with respect to whom
            for c in g.children(o, "nominal_modifier"):
                if _somebody(d, c):
                    return c
    for c in g.children(t, "nominal_modifier", "indirect_object"):
        if g.preposition_of(c) is None and set(c.morph.get("Case", [])) & {"Gen", "Dat"} and _somebody(d, c):
            return c
    if t.pos_ in ("VERB", "AUX"):  # "лишил Ивана права ...": the other object of the act's verb
        for c in g.children(t, "object", "indirect_object", "passive_subject"):
            if _somebody(d, c):
                return c
    if depth:  # "рассмотрение его жалобы", "the opening of a new case against him": the act's object's
        for c in [*g.children(t, "nominal_modifier"), *(o for _, o in g.prepositional(t))]:
            if c.pos_ in ("NOUN", "PROPN") and not _somebody(d, c):
                found = _person_of_noun(d, c, depth - 1)
                if found is not None and _somebody(d, found):  # not "a term on charges": things
                    return found
        # "upheld the ruling that sentenced X", "the decision to fine her": whom it befell
        for v in [*g.children(t, "relative_clause", "noun_clause"),
                  *(c for c in g.children(t, "nominal_modifier") if c.pos_ == "VERB")]:
            for c in g.children(v, "object", "indirect_object", "passive_subject"):
                if _somebody(d, c):
                    return c
    return None


def _against(d: _Doc, v: Token) -> Token | None:
    """Against whom an authority's act is, wherever the parse hung the phrase in its clause
    ("brought charges of insulting a judge against X")."""
    for x in v.subtree:
        p = d.g.preposition_of(x)
        if p is not None and _is_against(d, p) and _somebody(d, x):
            return x
    return None


def _is_against(d: _Doc, p: Token) -> bool:
    """"against", "против", or a preposition of several words ("в отношении") written so."""
    words = d.acts("against_prepositions")
    if d.has(p, "against_prepositions"):
        return True
    nxt = p.doc[p.i + 1] if p.i + 1 < len(p.doc) else None
    return nxt is not None and f"{p.lower_} {nxt.lower_}" in words


def _opening_bracket(d: _Doc, t: Token) -> int | None:
    """The index of the bracket opened before `t` in its sentence and not closed before it."""
    lo = sentences(d.doc).of(t.i)[0]
    k = next((k for k in range(t.i - 1, lo - 1, -1) if d.doc[k].text in "()"), None)
    return k if k is not None and d.doc[k].text == "(" else None


def _bracket_of(d: _Doc, t: Token) -> tuple[int, int] | None:
    """(the opening bracket's index, the closing one's) of the brackets around `t` in its
    sentence, if it stands in a pair."""
    opening = _opening_bracket(d, t)
    if opening is None:
        return None
    hi = sentences(d.doc).of(t.i)[1]
    closing = next((k for k in range(t.i + 1, hi) if d.doc[k].text in "()"), None)
    return (opening, closing) if closing is not None and d.doc[closing].text == ")" else None


def _bracketed_after_name(d: _Doc, t: Token) -> Token | None:
    """The person whose name an opening bracket follows, when the act is told inside that
    bracket: the note is about them."""
    k = _opening_bracket(d, t)
    if not k:  # (none, or a bracket that opens the text)
        return None
    m = _mention_at(d.doc[k - 1], d.mentions)
    return d.doc[k - 1] if m is not None and m.type == "person" else None


def _against_others(d: _Doc, v: Token) -> bool:
    """The act is against people who are not the case's ("opened cases against eight of the
    protesters", "в отношении восьми участников"): a number or a group, no one named."""
    for x in [*v.children, *(c for k in v.children for c in k.children)]:  # its own phrases, not deeper ones
        p = d.g.preposition_of(x)
        if p is None or not _is_against(d, p) or _name_of(d, x) is not None:
            continue
        counted = x.like_num or any(_count(d, c) for c in x.children)
        if counted or (_plural(x) and d.lemma(x) in _person_nouns(d.code)):
            return True
    return False


def _somebody(d: _Doc, c: Token) -> bool:
    return _is_person_ent(d, c) or "Anim" in c.morph.get("Animacy", []) or d.has(c, "person_pronouns")


def _person_token(d: _Doc, t: Token, rule: Rule) -> Token | None:
    """The person (or organisation) an act happens to, from the parse."""
    g = d.g
    if rule.person == "none":
        return None
    if t.pos_ in ("NOUN", "PROPN"):
        if rule.person == "subject":  # an act the person does: "an appeal by X" is X's
            for p, o in g.prepositional(t):
                if d.has(p, "agent_prepositions") and _somebody(d, o):
                    return o
        own = _person_of_noun(d, t)
        if own is not None:
            return own
        v = _clause_verb(d, t)
        if v.i == t.i or v.pos_ not in ("VERB", "AUX"):
            return None
        if rule.person != "subject":
            for c in g.children(v, "passive_subject", "object", "indirect_object"):
                c = g.child(c, "preposition_object") or c  # "handed a term to X": the dative's object
                if c.i != t.i and not _is_nobody(d, c):
                    return c  # "he was placed under house arrest", "put him under house arrest"
        if _by_authority(d, t):
            # "investigators brought charges against X": the subject is who acted, not on whom
            return _person_of_noun(d, v, depth=0) or _against(d, v)
        prep = g.preposition_of(t)
        if prep is not None and d.has(g.governor(t), "frame_nouns"):
            prep = None  # "flown out as part of an exchange": the clause's act itself
        if prep is not None and not d.has(prep, "state_prepositions"):
            return None  # "during the hearing, X said": the clause is not about whom the act befell
        subject = _subject_of(d, v)
        m = _mention_at(subject, d.mentions) if subject is not None else None
        if m is not None and m.type == "organization" and not set(rule.types) & _types().on_organisation():
            return None  # "Amnesty International slammed the sentence": who speaks of it, not whose it is
        return subject
    found = _subject_of(d, t) if rule.person == "subject" else _object_of(d, t)
    if found is not None and (_names_the_act(found, rule) or d.has(found, "measure_nouns")):
        # "возбудили дело", "оставил в силе приговор Петрову", "мера пресечения продлена": the
        # object is the act's own word; the person is whose it is, or against whom the act is
        return _person_of_noun(d, found) or _person_of_noun(d, t, depth=0) or _against(d, t)
    return found


def _moves_a_case(d: _Doc, t: Token, rule: Rule) -> bool:
    """The verb's object is a case ("returned the case to the city court", "вернул дело на
    новое рассмотрение"): what is sent is the file, not a person (unless the rule's own words
    name the case: "возбудили дело")."""
    g = d.g
    return any(d.has(c, "case_nouns") and not _names_the_act(c, rule) and g.preposition_of(c) is None
               for c in t.children if g.is_(c, "object", "passive_subject", "oblique"))


def _names_the_act(tok: Token, rule: Rule) -> bool:
    """A word the rule itself asks for ("дело" of "возбудить дело"): part of the act's wording."""
    forms = {tok.lemma_.lower(), tok.lower_}
    return any(forms & group for group in rule.with_)


def _is_nobody(d: _Doc, p: Token, etype: str | None = None, person_only: bool = False) -> bool:
    """Not a person nor a body of people who can undergo the act: "it", "a law", "$300", a
    country ("Wales beat Hungary"), a product ("the phone was released"); an organisation,
    for an act only a person undergoes ("the release of IL-25")."""
    if p.ent_type_ in NOT_PEOPLE or p.like_num or p.ent_type_ in _things(d.code):
        return True
    if "Anim" in p.morph.get("Animacy", []):
        return False  # the morphology says a living being ("депутата")
    m = _mention_at(p, d.mentions)
    if m is None and p.ent_type_ and _own_word(d, p):
        return False  # "Активистке Ассоциации «X»" tagged as one organisation: the person noun is a person
    kind = m.type if m is not None else (d.lang.entity_type(p.ent_type_) if p.ent_type_ else None)
    hinted = m is not None and "person" in m.type_hints
    if kind == "place" and not hinted and (etype not in _types().legal() or _is_country(m.norm if m else p.text)):
        # a country or a team undergoes no beating, a country no charge ("Wales beat Hungary",
        # "Russia was accused of ..."); a name the tagger called a town may be a person's
        return True
    if kind == "organization" and not hinted and etype is not None and etype not in _types().on_organisation() \
            and (etype not in _types().taking("charge") or person_only) \
            and (m is None or "organization" in m.type_hints or person_only):
        # an organisation where only a person undergoes the act: as the words around the name
        # say (the tagger's label alone often calls an unfamiliar person's name one)
        return True
    if kind is not None:
        return False
    if any(d.g.is_(c, "apposition", "compound", "name_part") and _is_person_ent(d, c) for c in p.children):
        return False  # "the poet, X", "poet X": a person whatever the occupation's word
    if p.pos_ == "PRON":
        return d.has(p, "nobody_pronouns")
    if p.pos_ == "PROPN":
        return False
    return not _own_word(d, p) and not _is_others(d, p)


def _is_country(name: str) -> bool:
    key = place_key(name)
    return key is not None and key.startswith("country:")


@cache
def _things(code: str) -> frozenset[str]:
    """Entity labels of things, which undergo no act (products, works, laws, events)."""
    from casefile.read.language import language

    return frozenset(language(code).config.get("things") or [])


def _own_word(d: _Doc, p: Token) -> bool:
    return d.has(p, "own") or p.lower_ in _person_nouns(d.code) or d.lemma(p) in _person_nouns(d.code)


@cache
def _person_nouns(code: str) -> frozenset[str]:
    """Every person noun the entity reader knows ("the poet", "the trade unionist")."""
    ent = words(code, "entities").value("types") or {}
    return frozenset(str(w).lower() for w in ent.get("person") or [])


def _plural(t: Token) -> bool:
    return "Plur" in t.morph.get("Number", [])


def _in_multiword_name(p: Token) -> bool:
    nxt = p.doc[p.i + 1] if p.i + 1 < len(p.doc) else None
    return p.ent_iob_ == "I" or (nxt is not None and nxt.ent_iob_ == "I")


def _is_others(d: _Doc, p: Token) -> bool:
    """People who are not the case's: a number, a plural group, a nationality, "those"."""
    etype = d.lang.entity_type(p.ent_type_) if p.ent_type_ else None
    if etype == "group" or p.ent_type_ in NUMBER_LABELS:
        return True
    if d.has(p, "group_pronouns") and _group_before(d, p) and not _named_group(d, p):
        return True  # "sentenced four students ... after finding them guilty": the group's act
    if _group_noun(d, p) and _named_group(d, p):
        return False  # "X and Y ... The activists were detained": the people named
    if etype in ("person", "organization", "place") and (not (p.pos_ == "PROPN" and _plural(p))
                                                         or _in_multiword_name(p)):
        return False  # "Doe, 41,": an age, not a count; "... Human Rights": a name
    if p.like_num or any(_count(d, c) for c in p.children):
        return True
    if d.has(p, "others"):
        return True
    if _someone_else(d, p):
        return True
    if p.pos_ == "NOUN" and _plural(p) and d.lemma(p) in _person_nouns(d.code) and any(
            d.g.is_(c, "possessor") or (c.pos_ == "PRON" and d.g.is_(c, "determiner", "nominal_modifier"))
            for c in p.children):
        return True  # "her lawyers were sentenced", "приговорили её адвокатов": people of someone's
    return p.pos_ in ("NOUN", "PROPN") and _plural(p) and not _own_word(d, p)


def _unnamed_others(d: _Doc, p: Token) -> bool:
    """People not the case's, unless a group whose names follow it ("detained the activists X
    and Y": named people)."""
    return _is_others(d, p) and not (_plural(p) and _name_of(d, p))


def _someone_else(d: _Doc, p: Token) -> bool:
    """A person noun for someone the report brings in without a name ("the first activist who
    was convicted under it"), or that refers back to one ("... The activist was freed"), after
    it has named someone: before any name, "A rights activist who faced seven years was freed"
    is how a lead brings in the person it names next."""
    if not _person_noun(d, p) or _name_of(d, p) is not None:
        return False
    if _new_referent(d, p):
        return _named_before(d, p)
    lemma = d.lemma(p)
    before = next((x for x in reversed(p.doc[:p.i]) if x.pos_ in ("NOUN", "PROPN") and d.lemma(x) == lemma
                   and not _plural(x)), None)
    return before is not None and _new_referent(d, before) and _named_after(d, before) is None \
        and _named_before(d, before)


def _person_noun(d: _Doc, t: Token) -> bool:
    """A singular noun of the language's person nouns ("activist", "журналистка")."""
    return t.pos_ == "NOUN" and not _plural(t) and d.lemma(t) in _person_nouns(d.code)


def _named_before(d: _Doc, t: Token) -> bool:
    """Whether the report names a person before token `t`."""
    return any(m.type == "person" and m.end <= t.idx for m in d.mentions)


def _count(d: _Doc, c: Token) -> bool:
    """A number on a noun ("four students"), not an age or an adjective tagged as one ("61-летнему")."""
    return c.like_num or (d.g.is_(c, "numeral") and c.pos_ == "NUM")


def _group_before(d: _Doc, p: Token) -> bool:
    """A counted or named-as-others group earlier in the sentence, which "they" then stands for."""
    for x in p.sent[: p.i - p.sent.start]:
        if x.pos_ in ("NOUN", "PROPN") and _plural(x) and not (x.ent_type_ and d.lang.entity_type(x.ent_type_) in (
                "person", "organization")) and not d.has(x, "term_units") and "Inan" not in x.morph.get("Animacy", []) \
                and (any(_count(d, c) for c in x.children) or d.lemma(x) in d.acts("others")):
            return True
    return False


# --------------------------------------------------------------------------- dates


def _steps(t: Token) -> dict[int, int]:
    """Each ancestor's distance from `t`; a step out of an apposition costs nothing, as it
    renames what it hangs on ("the journalist, X, held in ...")."""
    out, cost = {t.i: 0}, 0
    for x in [t, *_ancestors(t, 50)][:-1]:
        cost += 0 if x.dep_ == "appos" else 1
        out.setdefault(x.head.i, cost)
    return out


def _distance(a: Token, b: Token) -> int:
    cost_a, cost_b = _steps(a), _steps(b)
    for x in [a, *_ancestors(a, 50)]:
        if x.i in cost_b:
            return cost_a[x.i] + cost_b[x.i]
    return UNLINKED


def _root_of(doc: Doc, x: TimeExpr) -> Token:
    return doc[x.start:x.end].root


_CLAUSE_ROLES = ("relative_clause", "noun_clause", "clausal_complement", "adverbial_clause", "clausal_subject")


def _told_on(d: _Doc, t: Token, root: Token) -> bool:
    """The date is the telling's ("..., his lawyer said Sunday"), not the act's."""
    verb = next((a for a in [root, *_ancestors(root, 6)] if a.pos_ in ("VERB", "AUX")), None)
    return verb is not None and verb.i != t.i and d.has(verb, "speech")


def _done_after_report(d: _Doc, t: Token, date: PartialDate) -> bool:
    """The act's verb tells it as done (a past or a perfect: "police detained", "was detained",
    "возбудил") on a day after its report was published: a year-less day read as coming."""
    pub = d.frame.published
    first, latest = (date.earliest(), pub.latest()) if pub is not None else (None, None)
    if t.pos_ not in ("VERB", "AUX") or first is None or latest is None or first <= latest:
        return False
    finite = [c for c in d.g.children(t, "auxiliary", "passive_auxiliary") if "Fin" in c.morph.get("VerbForm", [])]
    return any("Past" in f.morph.get("Tense", []) for f in finite or [t]) or _perfect_aux(d, t, "Pres")


_TOLD_CLAUSES = 4  # how many clauses down a telling's complement an act may be told


def _reported_act(d: _Doc, t: Token, root: Token) -> bool:
    """The act is what a speech verb's complement tells, its verb the complement's own (not a
    noun deeper in it, nor a state reaching now, "has been held"): "said on Tuesday (that) they
    had detained her", "сообщили, что она задержана"."""
    speech = next((a for a in [root, *_ancestors(root, 6)] if a.pos_ in ("VERB", "AUX")), None)
    if speech is None or t.pos_ not in ("VERB", "AUX") or _perfect_aux(d, t, "Pres"):
        return False
    # up from the act's clause through the clauses told with it ("..., and then she was
    # detained") to the complement the telling governs
    v = t
    for _ in range(_TOLD_CLAUSES):
        if v.head.i == speech.i:
            return d.g.is_(v, "clausal_complement")
        if v.head.i == v.i or not d.g.is_(v, "conjunct", "adverbial_clause", "clausal_complement", "parataxis"):
            return False
        v = v.head
    return False


def _reachable(d: _Doc, t: Token, root: Token, told_ok: bool = False) -> bool:
    """A date belongs to the trigger unless it sits inside another clause below their meeting point
    ("charges based on remarks he made in February": February dates the remarks). A clause of
    the same time ("freed ... when they were put on a bus Thursday") dates the act it hangs on."""
    g = d.g
    up_t = {x.i for x in [t, *_ancestors(t, 50)]}
    if not told_ok and _told_on(d, t, root):
        return False
    if g.is_(root, "nominal_modifier", "compound") and g.preposition_of(root) is None \
            and root.head.i != t.i and root.head.pos_ in ("NOUN", "PROPN") and g.preposition_of(root.head) is not None \
            and not d.has(root.head, "term_units") and not any(x.start <= root.head.i < x.end for x in d.times) \
            and not _a_place(d, root.head) and not _where_it_took_place(d, root.head):
        # "из-за акции 31 января": the date names the protest, not the act; where the act took
        # place ("на заседании 22 марта", "at the protest on May 6", "в Орлике 22 марта") it dates it
        return False
    x = root
    while x.i not in up_t and x.head.i != x.i:
        if x.pos_ in ("VERB", "AUX") and (g.is_(x, *_CLAUSE_ROLES) or _gerund_clause(d, x)) and not _same_time(d, x):
            return False
        if x.pos_ in ("VERB", "AUX") and g.is_(x, "conjunct") and _own_clause(d, x):
            return False  # "detained for years and has been on hunger strike since May": the strike's date
        x = x.head
    # the trigger's own clause, told as before or after the one dated ("today marks four months
    # since he was detained", "после того как его задержали"): that date is not the act's
    meet = x.i
    y = t
    while y.i != meet and y.head.i != y.i:
        if g.is_(y, "adverbial_clause") and any(g.is_(c, "marker", "adverb") and d.has(c, "sequence_markers")
                                                for c in y.children):
            return False
        if _participle_aside(d, y) and not _within_clause(d, y, root):
            return False  # "X, sentenced to 11 years, was transferred on January 9": background
        if y.pos_ in ("VERB", "AUX") and g.is_(y, "relative_clause") and not _same_time(d, y) \
                and _on_a_verdict(d, y, meet) and not _within_clause(d, y, root):
            # "rejected on 18 October the appeal against the verdict by which he got nine years":
            # a clause on an act's word tells that earlier act ("the court, which sentenced him"
            # goes on with the story)
            return False
        y = y.head
    return True


def _on_a_verdict(d: _Doc, clause: Token, meet: int) -> bool:
    """A relative clause on a verdict's word ("the verdict under which ...", "приговор X-у, по
    которому ..."), which the parse may hang on a nearer noun: a verdict noun between the
    governing verb and the clause."""
    lo = min(t.i for t in clause.subtree)
    return any(t.pos_ in ("NOUN", "PROPN") and d.has(t, "verdicts") for t in d.doc[min(meet, lo):lo])


def _within_clause(d: _Doc, clause: Token, x: Token) -> bool:
    """Word `x` stands inside the clause as written, from its first word to the comma that
    closes it, however the parse hung it ("X, которую приговорили ... в марте 2022 года, была
    освобождена": March is the sentence's)."""
    lo = min(t.i for t in clause.subtree)
    hi = sentences(d.doc).of(clause.i)[1]
    end = next((t.i for t in d.doc[clause.i:hi] if t.text == ","), hi)
    return lo <= x.i < end


def _where_it_took_place(d: _Doc, noun: Token) -> bool:
    """A noun on the verb after a preposition of setting ("на заседании", "at the rally"): where
    the act took place."""
    prep = d.g.preposition_of(noun)
    return prep is not None and d.has(prep, "setting_prepositions") and noun.head.pos_ in ("VERB", "AUX")


def _a_place(d: _Doc, t: Token) -> bool:
    """A place's name: the reader's mention of a place, or the tagger's place label."""
    m = _mention_at(t, d.mentions)
    return (m is not None and m.type == "place") or (bool(t.ent_type_) and d.lang.entity_type(t.ent_type_) == "place")


def _gerund_clause(d: _Doc, x: Token) -> bool:
    """A verb as a preposition's object ("charged with spreading ... in March") is a clause."""
    return d.g.is_(x, "preposition_object") and x.dep_ == "pcomp"


def _own_clause(d: _Doc, x: Token) -> bool:
    """A coordinated clause with its own subject, or one whose head is a copula ("and has been on
    hunger strike since ..."), tells its own state or act; a coordinated verb without one shares
    the first's time ("charged and was transferred on March 11")."""
    return x.pos_ == "AUX" or bool(d.g.children(x, "subject", "passive_subject"))


def _same_time(d: _Doc, clause: Token) -> bool:
    # the parser hangs some "when" clauses on the nearest noun (relcl) rather than on the verb
    return d.g.is_(clause, "adverbial_clause", "relative_clause") and any(
        d.g.is_(c, "adverb", "marker") and d.has(c, "simultaneous") for c in clause.children)


def _told_recent(d: _Doc, t: Token) -> bool:
    """The act is told as news: "newly levied charges", "has been transferred"."""
    if any(d.has(x, "recent") for x in _descendants(t, 2)):
        return True
    v = _clause_verb(d, t) if t.pos_ in ("NOUN", "PROPN") else t
    if v.i == t.i and d.g.is_(t, "subject", "passive_subject"):
        v = t.head  # "the trial has begun"
    if not (v.pos_ in ("VERB", "AUX") and _perfect_aux(d, v, "Pres")):
        return False
    # "has been detained for two years", "since May": a state that goes on, not news (a term
    # given, "sentenced to six years", is news)
    starts = {x.start for x in d.times}
    return not any(d.has(x, "since") and x.i + 1 in starts for x in v.subtree)


def _perfect_aux(d: _Doc, v: Token, tense: str) -> bool:
    """Whether verb `v` has a perfect auxiliary in `tense` ("has been", "had been")."""
    return any(d.g.is_(c, "auxiliary") and d.has(c, "perfect") and tense in c.morph.get("Tense", [])
               for c in v.children)


def _perfect_state(d: _Doc, t: Token) -> bool:
    """Told in the present perfect ("has been detained", "have held"): a state reaching now."""
    return _perfect_aux(d, _clause_verb(d, t) if t.pos_ in ("NOUN", "PROPN") else t, "Pres")


def _pluperfect(d: _Doc, t: Token) -> bool:
    """"had been serving", "had been jailed": an act before the one the story tells."""
    return _perfect_aux(d, _clause_verb(d, t) if t.pos_ in ("NOUN", "PROPN") else t, "Past")


def _date_distance(d: _Doc, t: Token, root: Token, limit: int) -> int:
    """Tree steps from a trigger to a date. The parser hangs some dates on the subject ("a court
    in X on May 3 ordered ..."): a time phrase modifies the clause, so it counts from the verb.
    A date the parse left in another tree of the sentence (an unknown name broke it) is as far
    as a date may be: it is taken only when no date is attached."""
    dist = _distance(t, root)
    if dist == UNLINKED:
        return limit
    g = d.g
    if g.preposition_of(root) is not None:
        phrase_head = g.governor(root)
        if g.is_(phrase_head, "subject", "passive_subject"):
            dist = min(dist, _distance(t, phrase_head.head) + 2)
    return dist


def _nearest(d: _Doc, t: Token, spans: list[TimeExpr], limit: int = MAX_DATE_DISTANCE) -> TimeExpr | None:
    doc = d.doc
    scored = []
    for s in spans:
        root = _root_of(doc, s)
        if not _reachable(d, t, root):
            continue
        dist = _date_distance(d, t, root, limit)
        if dist <= limit:
            scored.append((dist, abs(s.start - t.i), s))
    if not scored and (sib := _voice_sibling(d, t)) is not None:
        return _nearest(d, sib, spans, limit)
    return min(scored, key=lambda x: (x[0], x[1]))[2] if scored else None


def _voice_sibling(d: _Doc, t: Token) -> Token | None:
    """The clause a coordinated verb without a subject of its own continues, where the parser
    hung both on an earlier verb: "they searched the flat, and he was detained in June and
    convicted" — "convicted" shares "detained"'s subject and time, not "searched"'s. It is the
    nearest earlier conjunct of the same voice that has a subject."""
    g = d.g
    if t.pos_ not in ("VERB", "AUX") or not g.is_(t, "conjunct") or _own_clause(d, t):
        return None
    voice = t.morph.get("Voice", [])
    earlier = [c for c in g.children(t.head, "conjunct") if c.i < t.i and c.pos_ in ("VERB", "AUX")]
    for sib in sorted(earlier, key=lambda c: -c.i):
        if sib.morph.get("Voice", []) == voice and _own_clause(d, sib):
            return sib
    return None


def _owned_by_other(d: _Doc, t: Token, s: TimeExpr, triggers: set[int]) -> bool:
    """A date reached only through another trigger above this one dates that act:
    "lost an appeal against his sentence on Monday" dates the appeal, not the sentence."""
    root = _root_of(d.doc, s)
    if _dates_a_decision(d, t, root):
        return True
    up_s = {x.i for x in [root, *_ancestors(root, 50)]}
    for a in _ancestors(t, 50):
        if a.i in up_s:
            return False  # reached the meeting point without passing another trigger
        if a.i in triggers and t.pos_ in ("NOUN", "PROPN") and d.g.preposition_of(t) is not None:
            return True
    return False


# acts done to a person that a case may be opened over (its victim's, not its accused's)
CASE_CAUSES = frozenset({"detention", "ill_treatment", "disappearance", "death", "search"})


def _case_topics(d: _Doc, t: Token) -> list[Token]:
    """The words of what a case the trigger opens is opened over ("a case into the detention of
    X", «возбудила дело по факту задержания X»): the phrases of the case-over prepositions on the
    verb or on its case noun."""
    v = _clause_verb(d, t) if t.pos_ in ("NOUN", "PROPN") else t
    nouns = [c for c in [v, *v.children] if d.has(c, "case_nouns")]
    if not nouns:
        return []
    return [x for h in [v, *nouns] for p, o in d.g.prepositional(h) if d.has(p, "case_over_prepositions")
            for x in o.subtree]


def _case_over_an_act(d: _Doc, t: Token) -> bool:
    """A case opened over an act done to someone (their detention, their torture): a case about
    what was done to them, not a charge against them."""
    return any(d.trigger_types.get(x.i, frozenset()) & CASE_CAUSES for x in _case_topics(d, t))


def _later_step(d: _Doc, t: Token, etype: str, sent: Span) -> Token | None:
    """The clause verb of an act coordinated after an act of an earlier step of the prosecution
    ("arrested ... and sentenced to 16 years"), unless its term is one a court gives within days
    of the arrest ("detained ... and sentenced to 15 days")."""
    v = _clause_verb(d, t) if t.pos_ in ("NOUN", "PROPN") else t
    if not d.g.is_(v, "conjunct") or v.head.i not in d.steps:
        return None
    step = _types()[etype].stage
    if step is None or step <= d.steps[v.head.i]:
        return None
    term = _duration(d, t, sent)
    return None if term and (duration_days(term) or 0) <= PROMPT_TERM_DAYS else v


def _earlier_steps_time(d: _Doc, t: Token, etype: str, s: TimeExpr, sent: Span) -> bool:
    """A time in the words of the act this one is coordinated after, when this one is a later step
    of the prosecution or is told as later: "arrested in March 2023 and sentenced to 16 years",
    "задержали в марте и приговорили к ...", "arrested on May 3 and later sentenced" (the verdict
    is not of March; nor, told as later, when the time stands before both). Otherwise a time
    before both ("In 2021 she was arrested and sentenced") is both's (see `_time_before_steps`),
    and so is a time of the arrest a short term follows ("detained in late April and sentenced to
    15 days": a court gives such a term within days)."""
    v = _clause_verb(d, t) if t.pos_ in ("NOUN", "PROPN") else t
    if not d.g.is_(v, "conjunct") or not s.start < v.i or v.head.i not in d.steps:
        return False
    if any(d.has(c, "later_markers") for c in v.children):
        # told as later than the first act, wherever the time stands before it ("In February
        # the court gave her six years; later the term was cut to five")
        return s.start < v.left_edge.i
    return v.head.i < s.start and _later_step(d, t, etype, sent) is not None


def _time_before_steps(d: _Doc, t: Token, etype: str, s: TimeExpr, sent: Span) -> bool:
    """A time told before an earlier step and a later one coordinated after it ("In 2021 she was
    arrested and sentenced to two years", «В 2021 году её задержали и приговорили ...»): both's
    as far as this sentence goes, but a summary's, the arrest's first; the verdict it means is the
    one that followed that arrest, wherever the case dates it (consolidate/events.py)."""
    v = _later_step(d, t, etype, sent)
    return v is not None and s.start < v.head.i


def _names_a_decision(d: _Doc, root: Token) -> bool:
    """A date on a decision noun by a dating preposition ("the decision from August 6", "приговор
    от 8 июля"): it names which decision, told as past."""
    noun, p = d.g.governor(root), d.g.preposition_of(root)
    return noun.i != root.i and d.has(noun, "decision_nouns") and p is not None and d.has(p, "dated_prepositions")


def _dates_a_decision(d: _Doc, t: Token, root: Token) -> bool:
    """A date that dates a decision noun other than the trigger ("the verdict of July 8", "the
    July 8 verdict", "приговор от 8 июля"): the decision's day, not the day of an act done to it."""
    noun = d.g.governor(root)
    if noun.i == t.i or noun.i == root.i or not d.has(noun, "decision_nouns"):
        return False
    p = d.g.preposition_of(root)
    return p is None or d.has(p, "dated_prepositions")


def _news_month(told: PartialDate) -> PartialDate | None:
    """The month of an act told as news on `told`. News tells the last few days' acts: early in
    a month they may be the previous month's, so then no month is given."""
    if told.month is None or (told.day is not None and told.day <= NEWS_DAYS):
        return None
    return PartialDate(told.year, told.month)


def _headline(d: _Doc) -> tuple[int, PartialDate] | None:
    """Where the headline ends and the month it dates its acts to. A headline tells the news of
    its report ("Critic Charged With Treason"): an act it names without a date happened shortly
    before publication, most likely in the same month (the day it does not say)."""
    source, pub = d.source, d.frame.published
    title = (source.title or "").strip()
    head = source.text.lstrip()
    for rx in _metadata_lines():
        m = rx.match(head)
        if m:
            head = head[m.end():].lstrip()
    if not title or pub is None or not head.startswith(title):
        return None
    month = _news_month(pub)
    return (source.text.index(title) + len(title), month) if month else None


@cache
def _metadata_lines() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, re.I) for p in (load("layout.yaml") or {}).get("metadata_lines") or [])


# --------------------------------------------------------------------------- arguments


def _scope(d: _Doc, t: Token) -> list[Token]:
    """Tokens whose sums and terms belong to the act: the trigger's subtree, or its clause's for a noun."""
    base = _clause_verb(d, t) if t.pos_ in ("NOUN", "PROPN") else t
    return list(base.subtree)


def _amount(d: _Doc, t: Token, sent: Span) -> Amount | None:
    toks = _scope(d, t)
    lo, hi = min(x.i for x in toks), max(x.i for x in toks) + 1
    found = find_amounts(d.doc, d.lang, lo, hi)
    if not found and not d.g.children(t, "object"):
        # the parse lost the verb's object (a broken tree): the sum after it in its sentence
        found = [q for q in find_amounts(d.doc, d.lang, sent.start, sent.end) if q.start_char > t.idx]
    if not found:
        return None
    return min(found, key=lambda q: abs(q.start_char - t.idx)).amount


def _terms(d: _Doc, sent: Span, cut_terms: bool = False) -> list[Quantity]:
    """Terms given in the sentence: not bounds ("up to ten years"), not time gone by ("after
    two years"), not what a law provides or a threat holds out ("faces seven years"): those hang
    under an irrealis word. Of a term cut on appeal, "to" gives the new term ("с шести лет до
    четырех"), so there an upper bound's words are the term's (`cut_terms`)."""
    out = []
    for q in find_durations(d.doc, d.lang, sent.start, sent.end):
        if not q.duration or (q.bound and not (cut_terms and q.bound == "up_to")):
            continue
        root = d.doc[q.start:q.end].root
        if any(d.cues.has(a, "irrealis") for a in _ancestors(root, 4)):
            continue
        out.append(q)
    return out


def _duration(d: _Doc, t: Token, sent: Span) -> str | None:
    """The term of the act: the one nearest it in the tree, else the closest in a few words
    ("провел 15 суток под арестом")."""
    terms = [q for q in _terms(d, sent) if not _length_of_other(d, q, t) and not _an_age(d, q)
             and not _of_a_coordinated_act(d, q, t)]
    if not terms:
        return None
    # "eight years in prison and five years of probation": the added term is not the sentence's
    main = [q for q in terms if not _added_term(d, q)]
    terms = main or terms
    inside = _bracket_of(d, t)
    if inside is not None:  # "X (detained in May) was sentenced to two years": the bracket's act has no term
        terms = [q for q in terms if inside[0] < q.start and q.end <= inside[1]]
        if not terms:
            return None
    scored = []
    for q in terms:
        root = d.doc[q.start:q.end].root
        if not _reachable(d, t, root):
            continue
        dist = _date_distance(d, t, root, MAX_TERM_DISTANCE)
        if dist <= MAX_TERM_DISTANCE:
            scored.append((dist, abs(q.start - t.i), q))
    if scored:
        return min(scored, key=lambda x: (x[0], x[1]))[2].duration
    close = [q for q in terms if -TERM_BEFORE <= q.start - t.i <= TERM_AFTER]
    return min(close, key=lambda q: abs(q.start - t.i)).duration if close else None


def _added_term(d: _Doc, q: Quantity) -> bool:
    """A term of a kind that comes on top of the sentence (`added_term_kinds`: "five years of
    probation", "два года ограничения свободы"), named in the next two words."""
    return any(d.has(x, "added_term_kinds") for x in d.doc[q.end:min(q.end + 2, len(d.doc))])


def _names_a_thing(d: _Doc, s: TimeExpr) -> bool:
    """A time written as a modifier of a noun, with no preposition of its own ("the May protests",
    "майских протестов"): it names the thing, and says nothing of when any act was."""
    root = _root_of(d.doc, s)
    return d.g.is_(root, "compound", "adjective", "nominal_modifier") and d.g.preposition_of(root) is None \
        and root.head.i != root.i and root.head.pos_ in ("NOUN", "PROPN") \
        and not d.has(root.head, "term_units") and not d.has(root.head, "day_parts")


def _of_a_coordinated_act(d: _Doc, q: Quantity, t: Token) -> bool:
    """A term on another verb coordinated with the act's ("detained in January and sentenced to
    two years in June"): that verb's term."""
    own = t if t.pos_ in ("VERB", "AUX") else _clause_verb(d, t)
    root = d.doc[q.start:q.end].root
    v = next((a for a in [root, *root.ancestors] if a.pos_ in ("VERB", "AUX")), None)
    if v is None or v.i == own.i:
        return False
    return (v.head.i == own.i and _coordinated(d, v)) or (own.head.i == v.i and _coordinated(d, own))


def _an_age(d: _Doc, q: Quantity) -> bool:
    """A number of years set off by commas right after a person's name is their age ("X, 31
    года, ..."), not a term."""
    doc = d.doc
    if q.start < 2 or not doc[q.start - 1].is_punct or (q.end < len(doc) and not doc[q.end].is_punct):
        return False
    prev = doc[q.start - 2]
    return any(m.type == "person" and m.start <= prev.idx < m.end for m in d.mentions)


def _length_of_other(d: _Doc, q: Quantity, t: Token) -> bool:
    """A length that modifies another noun ("after a two-day trial", "a ten-day hunger
    strike"): the length of that, not the act's term (unlike "a six-year sentence")."""
    root = d.doc[q.start:q.end].root
    head = root.head
    return d.g.is_(root, "compound", "adjective") and head.i != t.i and head.pos_ in ("NOUN", "PROPN") \
        and not d.has(head, "term_nouns")


TERM_BEFORE, TERM_AFTER = 6, 8  # words around a trigger in which a term not linked to it is still its own


def _charge(d: _Doc, t: Token, q_start: int, q_end: int, tree: bool = True) -> str | None:
    """What the act is for: an article of the code named in its sentence ("ч. 1 ст. 205.2 УК"),
    the topic of a case ("дело о ..."), or the phrase after "charged with X", "guilty of X",
    "jailed for 12 years for X"."""
    text = text_of(d.doc)[q_start:q_end]
    for rx in _articles(d.code):
        m = rx.search(text)
        if m:
            return m.group(0).strip()
    topic = _case_topic(d, q_start, q_end)
    if topic or not tree:
        return topic
    g = d.g
    heads = [t] + [c for c in t.children if d.has(c, "charge_heads")]
    preps = [(p, o) for h in heads for p, o in g.prepositional(h)]
    # "jailed for 12 years for X" (not "two years of restricted freedom": the kind of term)
    preps += [(p, o) for x in _descendants(t, 3) if x.ent_type_ == "DATE" or x.like_num or d.has(x, "term_units")
              for p, o in g.prepositional(x) if not d.has(p, "kind_prepositions")]
    for p, o in preps:
        if not d.has(p, "charge_prepositions"):
            continue
        if o.ent_type_ in ("PERSON", "ORG", "GPE", "DATE", "FAC", "CARDINAL") or d.has(o, "term_units") or o.like_num \
                or d.has(o, "relative_pronouns") or _own_word(d, o):
            continue  # (nor "on which he pleaded guilty": what "which" stands for is told before)
        if o.ent_type_ and d.lang.entity_type(o.ent_type_) in ("person", "organization", "place"):
            continue
        if d.has(o, "charge_nouns"):  # "on charges of extremism": what the charges are
            o = next((x for q, x in g.prepositional(o) if d.has(q, "kind_prepositions")), o)
        toks = _until_break(d, list(o.subtree))
        text = _tidy(t.doc[toks[0].i:toks[-1].i + 1].text)
        if 2 < len(text) < 120:
            return text
    if t.pos_ == "NOUN" and g.preposition_of(t) is not None:
        # "informed of the new charge, of involvement in ...": the parser hangs the apposed "of"
        # phrase on the verb, just after the trigger's phrase
        end = max(x.i for x in t.subtree)
        for p, o in g.prepositional(g.governor(t)):
            if d.has(p, "kind_prepositions") and end < p.i <= end + 2:
                toks = _until_break(d, list(o.subtree))
                text = _tidy(t.doc[toks[0].i:toks[-1].i + 1].text)
                if 2 < len(text) < 120:
                    return text
    # "a murder charge", "a treason sentence": the offence the act's noun is named by (not "a
    # prison sentence", "a six-year sentence": its kind or its length)
    comps = [c for c in g.children(t, "compound") if c.pos_ == "NOUN" and not d.has(c, "term_units")
             and not d.has(c, "term_nouns") and not d.has(c, "penalty_kinds")]
    if t.pos_ == "NOUN" and comps:
        return " ".join(c.text for c in comps)
    return None


@cache
def _articles(code: str) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(rx, re.I) for rx in words(code, "acts").value("articles") or [])


def _case_topic(d: _Doc, start: int, end: int) -> str | None:
    """"дело о распространении фейков": what a case is about is its charge."""
    nouns = d.acts("case_nouns")
    if not nouns:
        return None
    for t in d.doc.char_span(start, end, alignment_mode="expand") or []:
        if d.lemma(t) not in nouns:
            continue
        for c in d.g.children(t, "nominal_modifier"):
            p = d.g.preposition_of(c)
            if p is None or not d.has(p, "case_topic_prepositions"):
                continue
            sub = [x for x in c.subtree if start <= x.idx and x.idx + len(x.text) <= end]
            if not sub:
                continue
            a, b = sub[0].idx, sub[-1].idx + len(sub[-1].text)
            # the charge as a label: its words without the marks that quote them
            return re.sub(r"\s+", " ", text_of(d.doc)[a:b].replace("«", "").replace("»", "")).strip(" \"")
    return None


def _tidy(text: str) -> str:
    """A charge's words without the quote marks around them, nor a mark the cut left unpaired
    ('failing to register as a “foreign agent')."""
    text = re.sub(r"\s+", " ", text.strip(" “”\"'‘’«»"))
    for left, right in ("“”", "«»", "‘’"):
        if text.count(left) != text.count(right):
            text = text.replace(left, "").replace(right, "")
    return text


def _until_break(d: _Doc, toks: list[Token]) -> list[Token]:
    """A charge's words up to the first clause break ("... hatred” and placed under ..."), not
    at words coordinated inside it ("inciting ethnic and religious hatred")."""
    out: list[Token] = []
    for x in toks:
        # (a gerund is a charge's own word: "organizing and financing mass riots")
        clause = any(v.pos_ in ("VERB", "AUX") and not _gerund(v) for v in (x, x.head))
        if d.g.is_(x, "coordinator", "conjunct") and out and clause or x.text in (";", "(") \
                or (x.is_punct and x.text == "," and out):
            break
        out.append(x)
    while len(out) > 1 and (d.g.is_(out[-1], "coordinator") or out[-1].is_punct and out[-1].text not in ")”»\"'"):
        out.pop()  # "... illegal construction and | the court arrested him": not its last word
    return out or toks[:1]


def _gerund(v: Token) -> bool:
    """A verb form that names an activity, not a clause's act ("organizing", "financing")."""
    form, aspect = v.morph.get("VerbForm", []), v.morph.get("Aspect", [])
    return "Ger" in form or ("Part" in form and "Prog" in aspect)


def _a_lawyer(d: _Doc, tok: Token) -> bool:
    """A lawyer: a name the report gives that role, or the role's own noun ("her lawyer")."""
    m = _mention_at(tok, d.mentions)
    if m is not None and "lawyer" in m.role_hints:
        return True
    return lexicon(d.code).role_of(tok) == "lawyer"


def _client_of(d: _Doc, t: Token, lawyer: Token) -> Token | None:
    """Whose act a lawyer does: the person the lawyer is named as belonging to ("Mira Talbot's
    lawyer X", "her lawyer", "lawyers for Mira Talbot"), else the person on the act's object
    ("обжаловал приговор Анне Лесных")."""
    phrase = [x for x in lawyer.subtree if x.i != lawyer.i]
    for x in phrase:
        if d.g.is_(x, "possessor") and (_somebody(d, x) or x.pos_ == "PRON" or _own_word(d, x)) \
                and not _a_lawyer(d, x):  # ("the journalist's lawyers": the journalist's)
            return x
    for p, o in d.g.prepositional(lawyer):
        if d.has(p, "client_prepositions") and _somebody(d, o) and not _a_lawyer(d, o):
            return o  # "lawyers for Mira Talbot"
    obj = _object_of(d, t)
    return _person_of_noun(d, obj) if obj is not None else None


def _mention_at(tok: Token, mentions: list[Mention]) -> Mention | None:
    for m in mentions:
        if m.start <= tok.idx < m.end:
            return m
    return None


def _place(d: _Doc, t: Token, rule_type: str) -> str | None:
    """Where the act happened (where to, for a transfer): a place named in a prepositional
    phrase on the trigger itself or on its clause's verb, not anywhere in the clause."""
    names = "destination_prepositions" if rule_type == "transfer" else "place_prepositions"
    best: tuple[int, Mention] | None = None
    for owner in {t.i: t, _clause_verb(d, t).i: _clause_verb(d, t)}.values():
        for p, o in d.g.prepositional(owner):
            if not d.has(p, names):
                continue
            m = _mention_at(o, d.mentions)
            if m is None or m.type != "place":
                continue
            dist = _distance(t, o)
            if best is None or dist < best[0]:
                best = (dist, m)
    return best[1].id if best else None


def _quote(sent: Span, t: Token) -> tuple[str, int, int]:
    """The sentence, cut to the paragraph of the trigger: the parser sometimes runs a headline
    or a dateline into the first sentence."""
    text = text_of(sent.doc)[sent.start_char:sent.end_char]
    rel = t.idx - sent.start_char
    lo = max((m.end() for m in re.finditer(r"\n\s*\n", text) if m.end() <= rel), default=0)
    hi = min((m.start() for m in re.finditer(r"\n\s*\n", text) if m.start() >= rel), default=len(text))
    part = text[lo:hi]
    lead = len(part) - len(part.lstrip())
    body = part.strip()
    start = sent.start_char + lo + lead
    return body, start, start + len(body)


def _in_organisation(d: _Doc, t: Token) -> bool:
    """Part of an organisation's name, as tagged or as a capitalised tail the tagger cut off
    ("the Working Group | on Arbitrary Detention")."""
    def org(x: Token) -> bool:
        return (bool(x.ent_type_) and d.lang.entity_type(x.ent_type_) == "organization") or any(
            m.type == "organization" and m.start <= x.idx < m.end for m in d.mentions)

    if org(t):
        return True
    p = d.g.preposition_of(t)
    return t.is_title and t.i > t.sent.start and p is not None and d.has(p, "name_prepositions") \
        and org(d.g.governor(t))


# --------------------------------------------------------------------------- one act


def _acts(d: _Doc, t: Token, rule: Rule, etype: EventType, si: int, sent: Span,
          points: list[TimeExpr], triggers: set[int]) -> list[EventMention]:
    """The act a trigger reports, the hearing a court's act was decided in, and for a term cut
    on appeal the term before the cut too."""
    em = _event(d, t, rule, etype, si, sent, points, triggers)
    if em is None:
        return []
    if rule.state:
        # "released after serving five years": the term, told by the state it put the person in,
        # not a sentence passed on the day the sentence is dated (nor on its neighbour's day)
        d.own_time_unknown.add((em.start, etype))
        return [em.model_copy(update={"date": None, "date_precision": "unknown", "by_report": False})]
    if etype in _types().in_session_with_term() and _extended(d, t):
        # "a court extended her detention until July 1": that day's session; the custody goes
        # on from whenever it began (undated, it joins the act the case has)
        return [em.model_copy(update={"type": "hearing", "duration": None, "end_date": None, "charge": None}),
                em.model_copy(update={"date": None, "date_precision": "unknown", "by_report": False,
                                      "duration": None})]
    verdict = _types()[etype].stage == VERDICT_STAGE
    if (verdict or etype in _types().in_session_with_term()) and _reviewed(d, t):
        # "upheld her pre-trial detention", "жалоба на арест", "Court Upholds Prison Sentence":
        # the order or verdict reviewed, not a new one (undated, it joins the act the case has;
        # a verdict keeps the term upheld, a custody order's term is no new one)
        d.own_time_unknown.add((em.start, etype))
        return [em.model_copy(update={"date": None, "date_precision": "unknown", "by_report": False,
                                      "duration": em.duration if verdict else None, "end_date": None})]
    hearing = _hearing_of(d, t, em)
    if rule.lags or (hearing and etype in _types().in_session_with_term() and etype not in _types().in_session()):
        em = em.model_copy(update={"ordered": True})
    if not rule.reduces:
        return [em, *hearing, *_term_of_verdict(d, t, rule, em, sent)]
    before, after, end, told = _reduction(d, t, sent)
    if not told:
        # "сократили срок рассмотрения жалоб": no term, no sentence, no appeal; but a penalty cut
        # ("reduced her sentence", «сократили наказание») is the appeal decided, its new term untold
        penalty = any(d.has(c, "reduced_penalties") for c in d.g.children(t, "object", "passive_subject"))
        return [em, *hearing] if penalty and etype not in _types().taking("duration") else []
    if etype not in _types().taking("duration"):
        return [em, *hearing]  # the appeal that cut it
    em = em.model_copy(update={"duration": after})
    if after and end > em.end:  # the quote shows the cut it was computed from
        em = em.model_copy(update={"end": end, "quote": text_of(d.doc)[em.start:end]})
    out = [em, *hearing]
    if before:  # the term that was cut is a sentence the report tells too
        out.append(em.model_copy(update={"duration": before}))
    return out


def _term_of_verdict(d: _Doc, t: Token, rule: Rule, em: EventMention, sent: Span) -> list[EventMention]:
    """A verdict told with its term ("осужден на 15 суток", "convicted to five years") tells the
    sentence too, where the rule does not already give one."""
    if em.type != "conviction" or "sentence" in rule.types or t.pos_ not in ("VERB", "AUX"):
        return []
    duration = _duration(d, t, sent)
    own = {x.i for x in t.subtree}  # the term told with this verb, not the clause's it hangs on
    if not duration or not any(x.is_duration and x.duration == duration and x.start in own for x in d.times):
        return []
    return [em.model_copy(update={"type": "sentence", "duration": duration})]


def _extended(d: _Doc, t: Token) -> bool:
    """Custody prolonged: the trigger is a verb of extending ("продлил срок содержания под
    стражей"), or a custody noun it governs, directly or through a term ("extended her
    detention", "продлил срок ареста")."""
    x = t
    for _ in range(3):
        # (or one that qualifies it: "the prolonged terms of her detention")
        if d.has(x, "extension_verbs") or any(d.has(c, "extension_verbs") for c in d.g.children(x, "adjective")):
            return True
        if x.pos_ not in ("NOUN", "PROPN", "ADJ") or x.head.i == x.i:
            return False
        x = d.g.governor(x)
    return False


def _reviewed(d: _Doc, t: Token) -> bool:
    """A custody or verdict noun that a word of review governs, directly or through a preposition
    ("upheld her detention", "an appeal against her arrest", "жалоба на арест"), or stands before
    it in a title-case headline the parser reads as one name ("Court Upholds Prison Sentence"):
    the order or verdict reviewed."""
    if t.pos_ in ("NOUN", "PROPN") and any(d.has(c, "review_words") for c in d.g.children(t, "compound")):
        return True
    x = t
    for _ in range(2):
        if x.pos_ not in ("NOUN", "PROPN", "ADJ") or x.head.i == x.i:
            return False
        x = d.g.governor(x)
        if d.has(x, "review_words"):
            return True
    return False


def _hearing_of(d: _Doc, t: Token, em: EventMention) -> list[EventMention]:
    """A court decides a verdict, a term or a custody order in a session: the report of the act
    tells of that day's hearing too, with the same words as evidence."""
    by_court = em.type in _types().in_session() or _by_a_court(d, t) or (
        em.duration is not None and em.type in _types().in_session_with_term())
    if em.type == "hearing" or em.date_precision != "day" or not by_court:
        return []  # (a session on a day the report does not give tells nothing the act does not)
    return [em.model_copy(update={"type": "hearing", "duration": None, "amount": None, "charge": None,
                                  "end_date": None})]


def _by_a_court(d: _Doc, t: Token) -> bool:
    """The act's doer is a court or a judge ("a court remanded him", "by the district court")."""
    g = d.g
    if g.children(t, "passive_auxiliary", "passive_subject"):
        agents = [o for p, o in g.prepositional(t) if d.has(p, "agent_prepositions")]
    else:
        v = _clause_verb(d, t) if t.pos_ in ("NOUN", "PROPN") else t
        agents = [a for a in [_subject_of(d, v)] if a is not None and not _subject_of_next_clause(d, a, v)]
    for a in agents:
        m = _mention_at(a, d.mentions)
        if d.has(a, "courts") or (m is not None and any(w in d.acts("courts") for w in m.norm.lower().split())):
            return True
    return False


def _reduction(d: _Doc, t: Token, sent: Span) -> tuple[str | None, str | None, int, bool]:
    """(term before, term after, end of the text they come from, whether any term is told) of a
    cut term: "cut from seven years to six" gives both; "cut his seven-year term by a month"
    gives P7Y and P6Y11M. A verbless fragment right after on the same line belongs to it
    ("Суд сократил ему 7 лет срока. На один месяц")."""
    terms = _terms(d, sent, cut_terms=True)
    end = _quote(sent, t)[2]
    doc = d.doc
    nxt = next((x for x in doc.sents if x.start == sent.end), None)
    if nxt is not None and "\n" not in text_of(doc)[sent.end_char:nxt.start_char] \
            and not any(x.pos_ in ("VERB", "AUX") for x in nxt) and nxt[0].lemma_.lower() in (
                d.acts("reduction_by") | d.acts("reduction_to")):
        line_end = text_of(doc).find("\n", nxt.start_char)
        line_end = nxt.end_char if line_end < 0 else min(line_end, nxt.end_char)
        more = [q for q in _terms(d, nxt, cut_terms=True) if q.end_char <= line_end]
        if more:
            terms += more
            end = line_end
    base = after = cut = None
    for q in terms:
        prev = next((x for x in reversed(doc[:q.start]) if not x.is_space), None)
        word = prev.lemma_.lower() if prev is not None else ""
        if word in d.acts("reduction_by"):
            cut = cut or q.duration
        elif word in d.acts("reduction_to"):
            after = after or q.duration
        else:
            base = base or q.duration
    if after is None and base and cut:
        after = subtract_durations(base, cut)
    return base, after, end, bool(terms)


def _acts_elsewhere(d: _Doc, m: Mention, t: Token) -> bool:
    """The organisation does another clause's act, not this one: the subject of another verb
    ("detained on the 12th, charged the next day, and on the 14th the district court remanded
    him": the court does not charge), or outside a relative clause that tells the act ("the
    court returned the case of X, who had been convicted ...")."""
    span = d.doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return False
    mine = t if t.pos_ in ("VERB", "AUX") else _clause_verb(d, t)
    if mine.pos_ not in ("VERB", "AUX"):
        return False
    if _subject_of_next_clause(d, span.root, mine):
        return True
    theirs = next((a for a in _ancestors(span.root, 8) if a.pos_ in ("VERB", "AUX")), None)
    if theirs is None or theirs.i == mine.i:
        return False
    g = d.g
    if g.is_(span.root, "subject") and span.root.head.i == theirs.i:
        return True
    up = [mine, *_ancestors(mine, 8)]
    return any(g.is_(x, "relative_clause") for x in up if x.pos_ in ("VERB", "AUX")) \
        and theirs.i in {x.i for x in up} and not g.is_(theirs, "relative_clause")


def _subject_of_next_clause(d: _Doc, x: Token, mine: Token) -> bool:
    """Word `x` stands between another verb's conjunction and that verb, which has no subject
    the parse gave it (", а 14 августа суд отправил его под арест": the parse made "суд" the
    earlier verb's subject): the subject of that clause."""
    g = d.g
    lo, hi = sentences(d.doc).of(x.i)
    for v in d.doc[x.i + 1:hi]:
        if v.i == mine.i or v.pos_ not in ("VERB", "AUX") or g.children(v, "subject"):
            continue
        if any(lo <= c.i < x.i for c in g.children(v, "coordinator", "marker")):
            return True
    return False


def _tells_it(d: _Doc, m: Mention) -> bool:
    """The organisation is who reports the act ("..., the regional prosecutor's office said"):
    the subject of a verb of speech, not a party to the act."""
    span = d.doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return False
    head = span.root
    for _ in range(4):  # "управление Следственного комитета", "the office of the committee": the phrase's head
        if d.g.is_(head, "subject") or head.head.i == head.i or head.head.pos_ not in ("NOUN", "PROPN", "ADP"):
            break
        head = head.head
    speech = words(d.code, "quotes")("speech_verbs")
    return d.g.is_(head, "subject") and head.head.lemma_.lower() in speech


def _among(d: _Doc, t: Token) -> Token | None:
    """The person named as one of a group an act befell ("Among those released was X", "В числе
    освобожденных — X"): the subject of the clause the group phrase stands in."""
    ups = [t.head, t.head.head] if t.head.i != t.i else []
    if not any(d.has(u, "among") or any(d.has(c, "among") and d.g.is_(c, "case_marker") for c in u.children)
               for u in ups):
        return None
    for a in [t, *t.ancestors]:
        subj = [c for c in d.g.children(a, "subject", "passive_subject") if c.i != t.i and not c.is_ancestor(t)]
        if subj:
            return subj[0]
    return None


def _since_then(d: _Doc, sent: Span) -> bool:
    """A state told from a time the sentence points back to ("since then", "с тех пор")."""
    words = d.acts("since_then")
    return any(f"{a.lower_} {b.lower_}" in words for a, b in zip(sent, sent[1:], strict=False))


def _previous_sentence_date(d: _Doc, sent: Span, points: list[TimeExpr]) -> PartialDate | None:
    """The one date the sentence before this one writes (none when it writes two)."""
    before = next((s for s in reversed(_sentences(d.doc)) if s.end <= sent.start), None)
    if before is None:
        return None
    values = {x.value.iso(): x.value for x in points
              if before.start <= x.start < before.end and x.value is not None and not x.is_end}
    return next(iter(values.values())) if len(values) == 1 else None


def _held_state(d: _Doc, t: Token) -> bool:
    """A custody noun under a verb of remaining ("remains in detention", "остаётся под стражей"):
    the state the person is in, not the act that put them there (which a date would give:
    "has remained in custody since May 3")."""
    verb = d.g.governor(t)
    for _ in range(2):
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    return verb.pos_ in ("VERB", "AUX") and d.has(verb, "state_verbs")


FACT_LABEL_WORDS = 4  # the label of a fact sheet's line ("Date of arrest:")
FACT_VALUE_WORDS = 12  # its value ("July 4, 2022", "16 years in a penal colony")


def _fact_line(d: _Doc, t: Token) -> bool:
    """The trigger is in the label of a fact sheet's line ("Arrested: July 4, 2022", "Дата
    задержания: 4 июля 2022"): a profile page of one person states the act of its subject."""
    text = text_of(d.doc)
    start = text.rfind("\n", 0, t.idx) + 1
    end = text.find("\n", t.idx)
    line = text[start:end if end >= 0 else len(text)]
    colon = line.find(":")
    return 0 < colon and t.idx - start < colon and len(line[:colon].split()) <= FACT_LABEL_WORDS \
        and 0 < len(line[colon + 1:].split()) <= FACT_VALUE_WORDS


def _members_named(d: _Doc, group: Token, sent: Span) -> Token | None:
    """The first named person of a group the act befell, named after a word of inclusion or a
    dash ("freed 40 prisoners, including X and Y", "помиловал 40 заключенных, в том числе X и Y",
    "арестовали защитников сквера – X, Y и Z"): the act is theirs (their conjuncts join them)."""
    dashes = words(d.code, "entities")("dashes")
    cue = next((x for x in d.doc[group.i + 1:sent.end] if d.has(x, "including") or (
        x.text in dashes and x.whitespace_ and d.doc[x.i - 1].whitespace_)), None)
    if cue is None:
        return None
    for x in d.doc[cue.i + 1:sent.end]:
        m = _mention_at(x, d.mentions)
        if m is not None and m.type == "person":
            while d.g.is_(x, "conjunct") and x.head.i != x.i and _mention_at(x.head, d.mentions) is not None:
                x = x.head  # the first of coordinated names, whose conjuncts are the others
            return x
        if x.pos_ in ("VERB", "AUX") and x.i != cue.i or x.is_punct and x.text in ".;":
            return None
    return None


def _term_start(d: _Doc, prep: Token) -> bool:
    """An act noun that tells when an imposed term runs from ("banned for four years after his
    release", "на четыре года после освобождения"): a term with its preposition just before
    the act's preposition of sequence. The act is to come, not reported."""
    if not d.has(prep, "term_start_prepositions") or prep.i == 0:
        return False
    unit = prep.doc[prep.i - 1]
    term_prep = d.g.preposition_of(unit)
    return unit.lemma_.lower() in d.acts("term_units") and term_prep is not None and d.has(term_prep, "term_prepositions")


def _grounds_of_verdict(d: _Doc, t: Token, prep: Token, sent: Span, triggers: set[int]) -> bool:
    """A charge noun that tells what a verdict was for: under the verdict's word ("convicted on
    multiple charges"), or after a verdict's word in its sentence with a preposition of
    grounds, wherever the parse hung the phrase ("condemns the sentencing of X to six years
    on charges of ...")."""
    gov = d.g.governor(t)
    if gov.i in triggers and d.has(gov, "verdicts"):
        return True
    return d.has(prep, "grounds") and any(d.has(x, "verdicts") for x in t.doc[sent.start:t.i])


TRACE: list[tuple[str, int, str]] | None = None  # (trigger, char offset, why) of acts dropped, when set


def _drop(t: Token, where: str) -> EventMention | None:
    if TRACE is not None:
        TRACE.append((t.text, t.idx, where))
    return None


def _event(d: _Doc, t: Token, rule: Rule, etype: EventType, si: int, sent: Span,
           points: list[TimeExpr], triggers: set[int]) -> EventMention | None:
    g = d.g
    code = d.code
    noun = t.pos_ in ("NOUN", "PROPN")
    if unreal(t, code, negative=rule.negative, outcome_type=etype in _outcome_types(code),
              charge_grounds=noun and etype in _types().taking("charge"), condition=etype in _types().conditions(),
              clause_verb=_clause_verb(d, t)):
        return _drop(t, "unreal(t, code, negative=rule.negative, outcome_type=etyp")
    prep = g.preposition_of(t) if noun else None
    if prep is not None and d.has(prep, "source_prepositions"):
        return _drop(t, "prep is not None and d.has(prep, 'source_prepositions'):")  # "released from house arrest": where an act started, not an act
    if noun and prep is not None and _term_start(d, prep):
        return _drop(t, "the start of a term")  # "banned for four years after his release": when a term runs from
    if not noun and _moves_a_case(d, t, rule):
        return _drop(t, "the case moved, not a person")  # "вернул дело в городской суд"
    if noun and g.is_(t, "compound"):
        return _drop(t, "noun and g.is_(t, 'compound'):")  # "a detention center": a place, not an act
    if t.ent_type_ in ("ORG", "FAC", "LAW", "WORK_OF_ART", "EVENT") or _in_organisation(d, t):
        return _drop(t, "t.ent_type_ in ('ORG', 'FAC', 'LAW', 'WORK_OF_ART', 'EVEN")  # "the Working Group on Arbitrary Detention": a name, not an act
    if etype == "charge" and _case_over_an_act(d, t):
        return _drop(t, "a case over an act done to the person: not one against them")
    among = _among(d, t)
    if among is None and is_state(t, code) and not _background_term(d, t):
        return _drop(t, "is_state(t, code):")  # "his ongoing detention": a state, not an act
    if in_label(t, code):
        return _drop(t, "in_label(t, code):")  # the words of a label or a charge in quotation marks
    if noun and etype == "charge" and prep is not None and _grounds_of_verdict(d, t, prep, sent, triggers):
        return _drop(t, "charge noun: the grounds of a verdict")  # "convicted on multiple charges": what the verdict was for, not a new charge
    person = among if among is not None else _person_token(d, t, rule)
    # a number of people ("freed 40 prisoners, including X and Y"): the members named after it
    if person is None:
        # the group the act's object is, or (where the parse hung it lower) a plural noun below the verb
        group = next((c for c in [*g.children(t, "object", "passive_subject"), *_descendants(t, 2)]
                      if _plural(c) and c.pos_ == "NOUN"), None) if t.pos_ in ("VERB", "AUX") else None
    else:
        group = person if _plural(person) else None
    if group is not None and _name_of(d, group) is None:
        if d.lemma(group) in _person_nouns(d.code):
            d.group_acts.add((si, etype))  # an act of unnamed people, which a member named next may share
        # "three activists and his associates, X, Y and Z": the names on a coordinated group noun
        named = next((c for c in _conjuncts(d, group) if _name_of(d, c) is not None), None)
        person = _members_named(d, group, sent) or named or person
    # "возбудили дело", "смягчили срок": the act's own legal words make it one without a person
    worded = bool(rule.with_) and person is None
    if person is None and _against_others(d, t if not noun else _clause_verb(d, t)):
        return _drop(t, "against people who are not the case's")
    bracket = _bracketed_after_name(d, t)
    if bracket is not None and (person is None or person.i < bracket.i + 1):
        # "X (left the country after a search in February)": a note in brackets on a name is that
        # person's, whoever the parse gave the verb outside it
        person = bracket
    if person is not None and rule.person == "subject" and _a_lawyer(d, person):
        # "her lawyer appealed the verdict": the act a lawyer does for a client is the client's
        person = _client_of(d, t, person) or person
    guessed = person is None
    if person is None and worded and noun:
        # a noun act in its own words on another's clause is theirs ("sentenced four students to
        # two years and a three-year ban on ...")
        theirs = _clause_person(d, t)
        if theirs is not None and _unnamed_others(d, theirs):
            return _drop(t, "a worded noun act on the clause of people who are not the case's")
    if person is None and not rule.undated_ok and not worded and rule.person != "none":
        # a verb's person the parse lost; a noun's only in a phrase on its clause ("незадолго до
        # освобождения её перевели": the clause's person), not anyone named before it
        person = _fallback_person(d, t, rule) if not noun else _clause_person(d, t)
    if person is not None and _unnamed_others(d, person):
        return _drop(t, "person is not None and _is_others(d, person):")
    if person is not None and _is_nobody(d, person, etype, rule.person_only) and not rule.undated_ok:
        return _drop(t, "person is not None and _is_nobody(d, person) and not rule")  # "a law that imposes a sentence": no one's act
    if person is None and not rule.undated_ok and etype not in _types().on_organisation() \
            and not _by_authority(d, t) and not worded and not _fact_line(d, t):
        return _drop(t, "person is None and not rule.undated_ok and etype not in (")
    quote, q_start, q_end = _quote(sent, t)
    if person is not None and _someone(d, person) or (person is None and (worded or _by_authority(d, t)) and any(
            q_start <= m.start < q_end and m.type == "person" for m in d.mentions)):
        # told of someone the report names; or in the law's own words, in a sentence naming someone
        d.of_someone.add((q_start, etype))
    written = [s for s in points if sent.start <= s.start < sent.end and q_start <= s.start_char and s.end_char <= q_end]
    held = t.head if t.pos_ == "ADJ" and t.head.pos_ in ("NOUN", "PROPN") else t  # "под домашним арестом"
    # (an end it gives, "remains in custody until May 5", is the term's: kept, as the act's end)
    if held.pos_ in ("NOUN", "PROPN") and not [s for s in written if s.value is not None] and _held_state(d, held):
        return _drop(t, "a state told with no date")  # "he remains in detention": no act, no start
    # "remanded in custody until December 5": when a term ends, not when the act happened
    ends = [s for s in written if s.value is not None and s.is_end]
    own = [s for s in written if not s.is_end and not _owned_by_other(d, t, s, triggers)]
    earlier = [s for s in own if _earlier_steps_time(d, t, etype, s, sent)]
    if earlier and len(earlier) == len(own):
        # a later step's or a later act's time is not its neighbour's either
        d.own_time_unknown.add((q_start, etype))
    own = [s for s in own if s not in earlier]
    own_dates = [s for s in own if s.value is not None]
    # the act's own time expression dates it even where it cannot be resolved ("last week" in a
    # report whose own date is a guess): then it has no date, not a neighbouring clause's
    dspan = _nearest(d, t, own)
    date = dspan.value if dspan is not None else None
    if date is not None and date.year is not None and dspan is not None and not dspan.has_year \
            and _done_after_report(d, t, date):
        # a day without a year read as coming ("on April 10" in a report of March 15, as a
        # hearing set for it would be), on a verb told as done: last year's
        date = date.with_year(date.year - 1)
    # "In 2021 she was arrested and sentenced": the summary's time, the arrest's first
    summary = date is not None and dspan is not None and _time_before_steps(d, t, etype, dspan, sent)
    if dspan is not None and date is None:
        d.own_time_unknown.add((q_start, etype))
    elif dspan is None and _participle_aside(d, t):
        # an act in a participle set off on a name ("X, sentenced to two years, was freed on
        # October 20") is background: neither it nor the term told with it takes another act's day
        d.own_time_unknown.update((q_start, name) for name in _types().names)
    if date is None and dspan is None:
        # an act told on a dated telling: "newly levied charges, TASS reported Thursday" (told
        # as news in the perfect) happened by then, most likely in the same month: its month;
        # "police said on Tuesday they had detained her", "8 марта сообщили, что она задержана"
        # (a plain past or a participle in the telling's own clause) is that day's telling of it
        told = [s for s in own_dates if _told_on(d, t, _root_of(d.doc, s)) and _reachable(
            d, t, _root_of(d.doc, s), told_ok=True)]
        got = told[0].value if told else None
        if got is not None and _told_recent(d, t):
            date = _news_month(got)
        elif got is not None and got.day is not None and _reported_act(d, t, _root_of(d.doc, told[0])):
            date = got
    if date is None and not written and (among is not None or (si - 1, etype) in d.group_acts):
        # "A prisoner exchange took place on 1 August. Among those freed was X": the group's act;
        # so is the same act of one named in the next sentence ("On March 3 the court sentenced
        # the activists to long terms. X got 10 years")
        date = _previous_sentence_date(d, sent, points)
    since_then = date is None and not written and _since_then(d, sent)
    if since_then:
        # "Police detained them on May 3. Since then they have been held ...": the story's time
        date = _previous_sentence_date(d, sent, points)
    if date is None and not written:
        # "... приговорили к 2,5 годам. Об этом сегодня, 27 февраля, сообщили в суде": the day the
        # next sentence tells this one's news
        date = _told_next(d, sent, points)
    by_report = False
    if date is None and not since_then and not [s for s in written if not s.is_end and not _names_a_thing(d, s)
                                                and not _dates_a_decision(d, t, _root_of(d.doc, s))]:
        # the sentence gives no time, but in a name of something else ("over the May protests")
        date = _lead_date(d, t, sent)
        by_report = date is not None
    participants: list[tuple[str, Role]] = []
    if person is not None and not guessed:  # a guessed person only vouches for relevance
        for m in _names_of(d, person):
            participants.append((m.id, "subject"))
    if rule.named and not participants:
        return _drop(t, "an act only of someone named, told of someone unnamed")
    for m in d.mentions:  # the authorities the sentence names act in it ("суд ... арестовал")
        if q_start <= m.start < q_end and m.type == "organization" and "authority" in m.role_hints \
                and all(m.id != x for x, _ in participants) and not _tells_it(d, m) and place_key(m.norm) is None \
                and not _acts_elsewhere(d, m, t):
            participants.append((m.id, "authority"))
    duration = _duration(d, t, sent) if etype in _types().taking("duration") else None
    if duration and etype == "detention" and _perfect_state(d, t):
        duration = None  # "has been detained for seven years": the time held so far, not a term
    units = compiled(code, t.doc.vocab).term_verbs.get(d.lemma(t), frozenset())
    if etype == "detention" and duration and t.pos_ in ("VERB", "NOUN") and any(u in duration for u in units) \
            and not any(d.has(x, "pretrial") for x in sent):
        # "jailed for 25 years", "арестовал на 15 суток", "назначил пять суток ареста": the term a court gave
        etype = "sentence"
    end_span = _nearest(d, t, [s for s in ends if not _owned_by_other(d, t, s, triggers)]) \
        if etype in _types().taking("duration") else None
    end_date = end_span.value if end_span is not None else None
    if end_date is not None and end_span is not None and not end_span.has_year:
        end_date = end_after(end_date, date or d.frame.published)
    return EventMention(
        source=d.source.id, type=cast(EventType, etype), trigger=t.text, quote=quote, start=q_start, end=q_end,
        sentence=si,
        date=date.iso() if date else None, date_precision=date.precision if date else "unknown",
        end_date=end_date.iso() if end_date else None,
        place=_place(d, t, etype), participants=participants,
        amount=_amount(d, t, sent) if etype in _types().taking("amount") else None,
        duration=duration, charge=_charge(d, t, q_start, q_end, tree=etype in _types().taking("charge")),
        by_report=by_report, summary_time=summary,
    )


def _told_next(d: _Doc, sent: Span, points: list[TimeExpr]) -> PartialDate | None:
    """The day the sentence after this one tells it on, when that sentence is a telling of it:
    a verb of speech at its root, a word pointing back to what was told (`telling_anaphors`:
    "Об этом сообщили сегодня, 27 февраля", "The court announced this on Tuesday") and one day
    it names."""
    doc, bounds = d.doc, sentences(d.doc)
    k = bounds.index[sent.start] + 1
    if k >= len(bounds.bounds):
        return None
    start, end = bounds.bounds[k]
    root = doc[start:end].root
    if d.lemma(root) not in words(d.code, "quotes")("speech_verbs"):
        return None
    if not any(d.has(x, "telling_anaphors") and root in x.ancestors for x in doc[start:end]):
        return None
    days = [p.value for p in points if start <= p.start < end and not p.is_end and p.value is not None
            and p.value.day is not None and p.value.year is not None]
    return days[0] if len(days) == 1 else None


def _lead_date(d: _Doc, t: Token, sent: Span) -> PartialDate | None:
    """An act with no date of its own, in the first sentences of a report that the language's
    news copy dates by its dateline ("lead_sentences"), happened when the report was published,
    unless the sentence looks back ("Ранее ...") or tells a present state; an update of a live
    report led by its time ("17:09 ...") happened that day."""
    src = d.source
    own = parse_iso(src.published) if src.published_basis != "content" else None
    if own is None or own.year is None:
        return None
    text = text_of(d.doc)
    line = text[text.rfind("\n", 0, t.idx) + 1:t.idx]
    live = _live_update()
    if live is not None and live.match(line) and own.day is not None:
        return own
    lead = int(d.acts.value("lead_sentences", 0) or 0)
    if not lead or _run(d.doc, sent) >= lead:
        return None
    if d.acts.value("lead_news_only") and not _told_recent(d, t) and not _plain_lead(d, t, sent):
        return None
    if _background(d, t):
        return None
    back = d.acts("past_markers")
    morph = {f.lower() for f in d.acts.value("looks_back_morph") or []}
    if any(f.lower() in morph for f in str(t.morph).split("|")) or any(d.lemma(x) in back for x in sent):
        return None
    return own if own.day is not None else (PartialDate(own.year, own.month) if own.month else None)


def _background(d: _Doc, t: Token) -> bool:
    """The act is told in a clause on a name, as background to the news: "X, которого осудили
    на 4 года", "X, who was jailed", "X, освободившегося в рамках обмена", "X, freed in a swap"
    (a participle set off by a comma: a headline's "Critic Charged With Treason" is its news)."""
    v = _clause_verb(d, t) if t.pos_ in ("NOUN", "PROPN") else t
    if t.pos_ in ("NOUN", "PROPN") and any(x.i == t.i for x in _case_topics(d, v)):
        return True  # what a case was opened over ("a case into the detention of X"): its news is the case
    return any(d.g.is_(x, "relative_clause") or _participle_aside(d, x)
               for x in [v, *_ancestors(v, 3)] if x.pos_ in ("VERB", "AUX"))


def _participle_aside(d: _Doc, t: Token) -> bool:
    """The trigger is a participle set off by commas on a name ("X, sentenced to two years,")."""
    return t.pos_ in ("VERB", "AUX", "ADJ") and d.g.is_(t, "noun_clause") and "Part" in t.morph.get("VerbForm", []) \
        and _set_off(d.doc, t)


def _background_term(d: _Doc, t: Token) -> bool:
    """A participle set off by commas on a name, with a term of its own ("X, приговорённую к 11
    годам, этапировали ..."): the sentence told as background, an act with no day of its own,
    not a state."""
    if not _participle_aside(d, t):
        return False
    own = {x.i for x in t.subtree}
    return any(x.is_duration and x.start in own for x in d.times)


def _set_off(doc: Doc, x: Token) -> bool:
    """`x`'s phrase opens with a comma (its own, or the word before it)."""
    first = x.left_edge
    return first.text == "," or (first.i > 0 and doc[first.i - 1].text == ",")


def _plain_lead(d: _Doc, t: Token, sent: Span) -> bool:
    """A plain past in the main clause of the report's first sentences (`lead_plain_sentences`:
    the headline and the lead proper) tells the news, "Police detained the activist at his home,
    his lawyer said", when no act was told before it: after the news, a plain past recalls what
    led to it ("... lost an appeal on Monday. X was jailed for 25 years for treason"). Background
    in the lead sits in a clause of its own ("X, who was jailed ...")."""
    if _run(d.doc, sent) >= int(d.acts.value("lead_plain_sentences", 0) or 0):
        return False
    if d.first_act_sentence is not None and d.first_act_sentence != sent.start:
        return False  # the news is the first act told; a plain past after it is background
    if any(x.is_end for x in d.times if sent.start <= x.start < sent.end):
        return False  # "extended his detention until May 5": a term's new end, not a new act
    v = _clause_verb(d, t) if t.pos_ in ("NOUN", "PROPN") else t
    finite = [c for c in d.g.children(v, "auxiliary", "passive_auxiliary") if "Fin" in c.morph.get("VerbForm", [])]
    if v.pos_ not in ("VERB", "AUX") or not all("Past" in f.morph.get("Tense", []) for f in finite or [v]) \
            or not finite and "Fin" not in v.morph.get("VerbForm", []):
        return False  # "was detained", "detained"; not "has been detained", "will be tried"
    top = v.head if d.g.is_(v, "conjunct") else v
    if d.g.is_(top, "clausal_complement") and not d.g.is_(top, "open_complement"):
        top = top.head  # "Police detained him at home, his lawyer said"
    return top.head.i == top.i or d.g.is_(top, "parataxis")


def _run(doc: Doc, sent: Span) -> int:
    """The sentence's place in the text, as the parser's segmenter counted sentences (a heading
    cut off the next line belongs to that line's sentence)."""
    runs = doc.user_data.get("sentence_runs")
    if runs:
        return int(runs.get(sent.start_char, runs.get(sent[0].idx, 0)))
    return sentences(doc).index[sent.start]


@cache
def _live_update() -> re.Pattern[str] | None:
    rx = (load("layout.yaml") or {}).get("live_update")
    return re.compile(rx) if rx else None


def _someone(d: _Doc, person: Token) -> bool:
    """Someone the report names: a person's or a group's name (tagged, or a proper noun the
    tagger missed), or a pronoun for one named before it."""
    names = _names_of(d, person)
    if names:
        return any(m.type in ("person", "group", "organization") for m in names)
    return person.pos_ == "PROPN" and not person.ent_type_


def _names_of(d: _Doc, person: Token) -> list[Mention]:
    """The people an act happened to: the person found and those coordinated with them
    ("detained X and Y"), or those a plural pronoun stands for ("их задержали" after "X и Y")."""
    if d.has(person, "group_pronouns"):
        return _named_group(d, person)
    group = _named_group(d, person) if _group_noun(d, person) else []
    if group:
        return group
    out: list[Mention] = []
    for tok in [person, *_conjuncts(d, person)]:
        m = _name_of(d, tok)
        if m is not None and all(m.id != x.id for x in out):
            out.append(m)
    if len(out) == 1 and not _conjuncts(d, person):
        # a role noun with its names in apposition ("the politicians X, Y and Z"): the names'
        # own conjuncts are the others
        span = d.doc.char_span(out[0].start, out[0].end, alignment_mode="expand")
        for tok in _conjuncts(d, span.root) if span is not None and span.root.i != person.i else []:
            m = _name_of(d, tok)
            if m is not None and m.type in (out[0].type, "person") and all(m.id != x.id for x in out):
                out.append(m)
    return out


def _conjuncts(d: _Doc, t: Token) -> list[Token]:
    """The nouns coordinated with `t`: in its case where the language marks case (a genitive the
    parse hung as a conjunct, "журналист проекта X и телеканала Y", is whose, not a second one)."""
    case = set(t.morph.get("Case", []))

    def other_case(c: Token) -> bool:
        theirs = set(c.morph.get("Case", []))
        return bool(case and theirs) and c.pos_ == "NOUN" and not case & theirs

    out, frontier = [], [t]
    while frontier:
        nxt = [c for f in frontier for c in d.g.children(f, "conjunct") if not other_case(c)]
        out.extend(nxt)
        frontier = nxt
    return out


def _group_noun(d: _Doc, t: Token) -> bool:
    """A plural person noun made definite ("the activists", "the three journalists", "эти
    журналисты"), which refers back to people named before it."""
    return t.pos_ == "NOUN" and _plural(t) and _own_word(d, t) \
        and any(d.has(c, "definite") for c in d.g.children(t, "determiner"))


def _named_group(d: _Doc, pron: Token) -> list[Mention]:
    """The persons a plural pronoun stands for: the coordinated names last told before it, in
    its sentence or the one before ("X и Y ... их задержали"); those a definite plural noun
    stands for, told anywhere before it ("X and Y ... The activists were detained")."""
    doc = d.doc
    scope = [doc[a:b] for a, b in sentences(doc).bounds if a <= pron.i]
    if _group_noun(d, pron):
        described = _described(d, pron)
        if described:
            return described
    else:
        scope = scope[-2:]
    for sent in reversed(scope):
        heads = [t for t in sent if t.i < pron.i and _conjuncts(d, t) and (
            _name_of(d, t) is not None and _name_of(d, t).type == "person")]  # type: ignore[union-attr]
        if heads:
            head = heads[-1]
            group = [m for tok in [head, *_conjuncts(d, head)] for m in [_name_of(d, tok)]
                     if m is not None and m.type == "person"]
            if len(group) > 1:
                return list({m.id: m for m in group}.values())
    return []


def _described(d: _Doc, noun: Token) -> list[Mention]:
    """The persons named before a definite plural noun with that noun ("X, a rights activist,
    ... two other activists, Y and Z, ... The activists were detained": X, Y and Z)."""
    lemma = d.lemma(noun)
    out: dict[str, Mention] = {}
    for x in noun.doc[:noun.i]:
        if x.pos_ != "NOUN" or d.lemma(x) != lemma:
            continue
        named = x.head if d.g.is_(x, "apposition") else x  # "X, a rights activist,"
        out.update((m.id, m) for m in _names_of(d, named) if m.type == "person")
    return list(out.values())


def _name_of(d: _Doc, person: Token) -> Mention | None:
    """The mention a person token is, or names: the name itself, a pronoun's antecedent, or the
    name a role noun is followed by ("депутата Алексея Орлика", "the blogger Jane Doe")."""
    m = _mention_at(person, d.mentions)
    if m is not None:
        return m
    if d.has(person, "person_pronouns"):
        return _antecedent(d, person)
    below = []
    for c in d.g.children(person, "apposition", "name_part", "nominal_modifier", "compound"):
        # whose relative: not the person, but the name set off after it may be ("жену Ивана
        # Лесных, Анну Лесных", parsed as a conjunct of the husband's name)
        below += d.g.children(c, "conjunct") if _whose(d, person, c) else [c]
    attached = [m for c in below for m in [_mention_at(c, d.mentions)] if m is not None]
    # "журналистку ИА «X» Софию Y": the name the parse hung on the organisation the noun works for
    # ("a reporter of the X Herald, Mira Talbot")
    owners = [] if _plural(person) else [*below, *(o for _, o in d.g.prepositional(person))]
    attached += [m for c in owners for gc in d.g.children(c, "apposition", "name_part")
                 for m in [_mention_at(gc, d.mentions)] if m is not None and m.type == "person"]
    # "активиста Ассоциации ... Ивана Петрова": the person; else the group or organisation
    # whose people they are ("the Viasna activists", "журналистам издания X"), which stands for
    # them in the case of one of its people
    for kinds in (("person",), ("group", "organization")):
        for m in attached:
            if m.type in kinds:
                return m
    m = _named_after(d, person) or _described_before(d, person) or _introduced_in_lead(d, person)
    if m is None and d.has(person, "generic_person_nouns") and not _plural(person) \
            and not any("Ind" in c.morph.get("Definite", []) for c in person.children):  # "a man": someone new
        # "the woman", "девушку": the last person named before, of its gender, as a pronoun
        m = _antecedent(d, person, noun=True)
    return m


def _whose(d: _Doc, noun: Token, name: Token) -> bool:
    """A name on a person noun that names whose relative it is, not who, however the parse hung
    it: in the genitive while the noun is not ("адвокат Анны Лесных" as subject; a woman's name,
    whose genitive is not its accusative as a man's is), or of the other sex than a kin noun
    ("жену Ивана": Иван is not the wife)."""
    case = noun.morph.get("Case", [])
    if case and "Gen" not in case and name.morph.get("Case", []) == ["Gen"] and name.morph.get("Gender", []) == ["Fem"]:
        return True
    sex, other = noun.morph.get("Gender", []), name.morph.get("Gender", [])
    return d.has(noun, "kin_nouns") and bool(sex) and bool(other) and not set(sex) & set(other)


def _named_after(d: _Doc, person: Token) -> Mention | None:
    """"the journalist Mira Talbot", however the parse hung the name."""
    if person.i + 1 < len(person.doc) and _own_word(d, person) and not _whose(d, person, person.doc[person.i + 1]):
        m = _mention_at(person.doc[person.i + 1], d.mentions)
        if m is not None and m.type == "person" and m.start == person.doc[person.i + 1].idx:
            return m
    return None


def _described_before(d: _Doc, person: Token) -> Mention | None:
    """A person noun alone ("the activist", "активиста") for the person the report introduced
    with it before ("the activist Mira Talbot"): the last so introduced."""
    if not _person_noun(d, person) or _new_referent(d, person):
        return None
    lemma = d.lemma(person)
    for x in reversed(person.doc[:person.i]):
        if x.pos_ in ("NOUN", "PROPN") and d.lemma(x) == lemma and not _plural(x):  # (a capital: PROPN)
            m = _named_after(d, x)
            if m is not None:
                return m
            if _new_referent(d, x):
                # "A court has sentenced a blogger ... The court also banned X": a lead brings in
                # the person it names next; after a name, "the first activist who ..." is another
                if not _named_before(d, x):
                    return _first_named_after(d, x)
                return None
    return None


def _introduced_in_lead(d: _Doc, person: Token) -> Mention | None:
    """"A court has sentenced a blogger and journalist ...", then "... banned X": the
    report's first sentences bring in, before any name, the person they name next (a person noun
    told in the lead before any name is that introduction)."""
    if not _person_noun(d, person) \
            or sentences(d.doc).index[person.i] >= int(d.acts.value("lead_sentences", 0) or 0) \
            or _named_before(d, person) or d.has(person, "generic_person_nouns"):
        return None  # ("a man", "a woman": anyone)
    m = _first_named_after(d, person)
    # (not someone named in another role: "detained a blogger ... His lawyer X said")
    return m if m is not None and not set(m.role_hints) - {"subject", "other", "organization"} else None


def _first_named_after(d: _Doc, x: Token) -> Mention | None:
    """The first person named after token `x`, in its sentence or the next."""
    bounds = sentences(d.doc).bounds
    k = sentences(d.doc).index[x.i]
    end = d.doc[bounds[min(k + 1, len(bounds) - 1)][1] - 1].idx + 1
    return next((m for m in sorted(d.mentions, key=lambda m: m.start)
                 if m.type == "person" and x.idx < m.start < end), None)


def _new_referent(d: _Doc, x: Token) -> bool:
    """A person noun that brings in someone not named: with a relative clause, an ordinal or an
    indefinite article ("the first activist who ...", "an activist")."""
    g = d.g
    heads = [x, x.head] if g.is_(x, "conjunct") else [x]  # "a blogger and journalist": the article is the first's
    return any(bool(g.children(h, "relative_clause")) or any(
        "Ord" in c.morph.get("NumType", []) or "Ind" in c.morph.get("Definite", []) for c in h.children)
        for h in heads)


def _antecedent(d: _Doc, pron: Token, depth: int = 0, noun: bool = False) -> Mention | None:
    """The person a personal pronoun stands for: the last person named before it, of its
    grammatical gender where both can be told ("его задержали"); or, when a pronoun of the same
    gender stands between that name and this one as a verb's argument, whom that pronoun stands
    for ("... a friend of the late X. A court jailed him. He was freed": not X)."""
    if not noun and not d.has(pron, "person_pronouns"):
        return None
    gender = set(pron.morph.get("Gender", []))
    ahead = None if noun else _named_after_it(d, pron, gender)
    if ahead is not None:
        return ahead
    starts = [a for a, _ in sentences(d.doc).bounds if a <= pron.i]
    since = d.doc[starts[-ANTECEDENT_SENTENCES]].idx if len(starts) >= ANTECEDENT_SENTENCES else 0
    best = None
    best_sent = None  # the sentence `best` stands in (its first token)
    subject_of_best_sentence = None  # a subject named in the same sentence as `best`, before it
    for m in d.mentions:
        if m.type != "person" or m.end > pron.idx or m.start < since:
            continue
        span = d.doc.char_span(m.start, m.end, alignment_mode="expand")
        if _agrees(span, gender):
            sent_start = sentences(d.doc).of(span[0].i)[0] if span is not None else None
            if sent_start is None or sent_start != best_sent:
                subject_of_best_sentence = None
            best, best_sent = m, sent_start
            if span is not None and _subject_or_beside_one(d, span.root):
                subject_of_best_sentence = m
    if subject_of_best_sentence is not None:
        # "X was a friend of the late Y. ... him": the sentence's subject, not a name inside its phrases
        best = subject_of_best_sentence
    if depth < PRONOUN_CHAIN:
        after = best.end if best is not None else since
        for x in reversed(d.doc[:pron.i]):
            if x.idx < after:
                break
            xg = set(x.morph.get("Gender", []))
            if d.has(x, "person_pronouns") and d.g.is_(x, "subject", "passive_subject", "object", "indirect_object") \
                    and (not gender or not xg or gender & xg):
                return _antecedent(d, x, depth + 1) or best
    return best


def _named_after_it(d: _Doc, pron: Token, gender: set[str]) -> Mention | None:
    """A pronoun in a phrase set before its clause stands for that clause's subject, named after
    it ("Following her detention on 17 September, the defender X was charged": X; "После его
    задержания X ..."), of its gender where both can be told."""
    g = d.g
    root = pron
    while root.head.i != root.i and not (root.pos_ in ("VERB", "AUX") and g.children(root, "subject", "passive_subject")):
        root = root.head
    if root.pos_ not in ("VERB", "AUX") or root.i < pron.i:
        return None
    subjects = [c for c in g.children(root, "subject", "passive_subject") if c.i > pron.i]
    if not subjects or any(pron.i in {x.i for x in c.subtree} for c in subjects):
        return None  # (a pronoun inside the subject is not before it)
    m = _mention_at(subjects[0], d.mentions)
    if m is None:
        m = next((x for c in g.children(subjects[0], "apposition", "name_part")
                  for x in [_mention_at(c, d.mentions)] if x is not None), None) or _named_after(d, subjects[0])
    if m is None or m.type != "person":
        return None
    return m if _agrees(d.doc.char_span(m.start, m.end, alignment_mode="expand"), gender) else None


def _agrees(name: Span | None, gender: set[str]) -> bool:
    """A name of a pronoun's grammatical gender, where both can be told."""
    own = set(name[0].morph.get("Gender", [])) if name is not None else set()
    return not gender or not own or bool(gender & own)


def _subject_or_beside_one(d: _Doc, x: Token) -> bool:
    """A clause's subject, or a name set beside one ("stated that his client, the activist X,
    is being abused": X, by apposition to "client", to the role noun before it; a conjunct
    without "and" is such an apposition the parser misread)."""
    for _ in range(3):
        if d.g.is_(x, "subject", "passive_subject"):
            return True
        beside = d.g.is_(x, "apposition", "name_part") or _named_after(d, x.head) is not None or (
            d.g.is_(x, "conjunct") and not d.g.children(x, "coordinator"))  # (an apposition parsed as one)
        if x.head.i == x.i or not beside:
            return False
        x = x.head
    return False


@cache
def _outcome_types(code: str) -> frozenset[str]:
    return words(code, "factuality")("outcome_types")


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
    if last.is_punct or last.is_space or last.text[-1:] in ".!?:;\"'”’)»":
        return False
    gap = text_of(prev.doc)[last.idx:nxt.start_char]
    return "\n" not in gap and not nxt[0].is_space


def _own_part(d: _Doc, e: EventMention, at: int) -> EventMention:
    """An act quoted from the clause that tells it: the sentence from the last clause break
    before its trigger."""
    head = text_of(d.doc)[e.start:at]
    cut = max(head.rfind(c) for c in ",;:—")
    if cut < 0:
        return e
    start = e.start + cut + 1
    start += len(text_of(d.doc)[start:at]) - len(text_of(d.doc)[start:at].lstrip())
    return e.model_copy(update={"start": start, "quote": text_of(d.doc)[start:e.end]})


def _inherit_dates(d: _Doc, events: list[EventMention], earlier: set[tuple[int, str]]) -> list[EventMention]:
    """An undated outcome takes the date of the dated act told just before it in the same paragraph:
    "released on 17 August ... He will pay a fine of $300" are the terms of that release. So does
    a move told in the very next sentence after a detention ("detained on May 3 ... He was taken
    to a police station"), unless the sentence says it came later."""
    out: list[EventMention] = []
    later = d.acts("later")
    inheriting = _types().inheriting_date()
    for e in events:
        prev: list[EventMention] = []
        if (e.sentence, e.type) in earlier or (e.start, e.type) in d.own_time_unknown:
            pass  # told as before the story's acts: not their terms; or told with a time of its own
        elif e.date is None and e.type in inheriting:
            # its own sentence's dated act, told before or after it ("sentenced ... after a court
            # convicted him"), else the last one in the two sentences before
            prev = [p for p in events if p.sentence == e.sentence and p is not e]
            # (from another sentence only a day or a month: "in 2021 he was jailed ... His release
            # marks a shift" tells no release in 2021)
            prev += [p for p in out if 0 < e.sentence - p.sentence <= 2 and p.date_precision in ("day", "month")]
            prev = [p for p in prev if p.date and p.type in inheriting and parse_iso(p.date)
                    and p.date_precision != "unknown" and _same_people(d, e, p)]
        elif e.date is None and e.type in _types().sequels() and not later & set(re.findall(r"\w+", e.quote.lower())):
            prev = [p for p in out if p.date and p.type in _types().sequels()[e.type] and 0 <= e.sentence - p.sentence <= 1
                    and parse_iso(p.date) and p.date_precision == "day" and _same_people(d, e, p)]
        if prev:
            e = e.model_copy(update={"date": prev[-1].date, "date_precision": prev[-1].date_precision,
                                     "by_report": prev[-1].by_report})
        out.append(e)
    return out


def _same_people(d: _Doc, a: EventMention, b: EventMention) -> bool:
    """An act of a named person inherits a date only from an act told of the same person, or
    of no one named but to the day ("an activist was freed on Friday ... he struck a deal"), not
    from a background act of someone else told just before it ("another activist was released
    in 2017")."""
    names = {m.id: m.norm.split()[-1].lower() for m in d.mentions if m.norm}
    pa = {names.get(m, m) for m, r in a.participants if r == "subject"}
    pb = {names.get(m, m) for m, r in b.participants if r == "subject"}
    return not pa or bool(pa & pb) or (not pb and b.date_precision == "day")


def _participants_of(first: EventMention, other: EventMention) -> list[tuple[str, Role]]:
    """Who one act told twice in a sentence befell: the first telling's, unless it names no one
    who underwent it ("the court cut the sentence, reducing X's term": the court acts, X
    undergoes); then the other's, with the first's authorities."""
    if any(role == "subject" for _, role in first.participants) or not other.participants:
        return first.participants
    return [*other.participants, *(p for p in first.participants if p not in other.participants)]


def _dedupe(d: _Doc, events: list[tuple[EventMention, int]]) -> list[EventMention]:
    """One mention per act and sentence: "detained ... after his arrest" is one detention; a
    second act of the type with a date of its own ("задержали 3 мая, а на следующий день
    арестовали") is another, quoted from its own clause."""
    out: dict[tuple[int, str], EventMention] = {}
    for e, at in events:
        key = (e.sentence, e.type)
        prev = out.get(key)
        if prev is None:
            out[key] = e
            continue
        if prev.date and e.date and prev.date != e.date:
            out[(e.sentence, e.type + "@" + e.date)] = _own_part(d, e, at)
            continue
        if prev.duration and e.duration and prev.duration != e.duration:
            out[(e.sentence, e.type + "~" + e.duration)] = e  # two terms: two acts (a term and its cut)
            continue
        out[key] = prev.model_copy(update={
            "date": prev.date or e.date, "date_precision": prev.date_precision if prev.date else e.date_precision,
            "amount": prev.amount or e.amount, "duration": prev.duration or e.duration,
            "charge": prev.charge or e.charge, "place": prev.place or e.place,
            "participants": _participants_of(prev, e),
        })
    return sorted(out.values(), key=lambda e: (e.start, e.type))
