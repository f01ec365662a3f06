"""Whether a reported act happened: one judgement for every language, cues as data.

An act told under a negation ("was not released"), a modal ("could be jailed"), a
condition ("if convicted"), a demand, plan, fear, threat or refusal ("called for his
release", "faces up to ten years", "refused to register"), a future the language marks
as unreal (in English, an auxiliary of an act to come: "will be sentenced on Monday"), a
request's infinitive ("urged the authorities to free him"), an infinitive whose governing
verb is elided ("one asked for a review, the other — to acquit him"), or a modifier that
makes it pending or a state ("pending trial", "his ongoing detention") is not an act that
happened. What counts as each is in `resources/<code>/factuality.yaml`; the
relations are read through `grammar(code)`, so the same judgement serves every parser.
"""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Token

from casefile.read.grammar import Grammar, grammar, kids, sentences, text_of
from casefile.read.lexicon import Words, words

CHAIN_DEPTH = 6  # governing words looked at above a trigger
MODAL_DEPTH = 4  # clauses up the chain whose auxiliaries still modify the act


def governing_chain(t: Token, g: Grammar) -> tuple[list[Token], list[Token]]:
    """The words that govern `t`, nearest first, and the first conjuncts whose auxiliaries a
    subjectless conjunct shares.

    A relative clause's verb stops the chain: it tells a fact about the noun it describes,
    whatever governs that noun. A coordinated verb shares what governs its first conjunct ("threatened to detain and
    charge him"), not the first conjunct's own meaning ("the court denied his appeal, and
    he was sentenced"); a loose clause (parataxis) stops the chain."""
    chain, shared, prev = [t], [], t
    for _ in range(CHAIN_DEPTH):
        if prev.head.i == prev.i or g.is_(prev, "parataxis"):
            break
        if g.is_(prev, "relative_clause") and prev.pos_ in ("VERB", "AUX") and "Inf" not in prev.morph.get("VerbForm", []):
            # "urged them to free X, who was jailed on Monday": the clause tells of X as a fact (an
            # infinitive one tells what is to be done: "must do everything to free them")
            break
        a = prev.head
        if not (g.is_(prev, "conjunct") and prev.pos_ in ("VERB", "AUX")):
            chain.append(a)
        elif not g.children(prev, "subject", "passive_subject", "auxiliary", "passive_auxiliary"):
            shared.append(a)  # "should be informed of the charges or release him": "should" is shared
        prev = a
    return chain, shared


def negated(t: Token, g: Grammar, cues: Words) -> bool:
    return any(g.is_(c, "negation") or (cues.has(c, "negation") and g.is_(c, "adverb", "negation", "auxiliary"))
               for c in kids(t))


def unreal(t: Token, code: str, *, negative: bool = False, outcome_type: bool = False,
           charge_grounds: bool = False, condition: bool = False, clause_verb: Token | None = None) -> bool:
    """The act at trigger `t` is negated, conditional, demanded, feared, threatened, refused,
    future (where the language says so) or pending.

    `negative`: the trigger's meaning is itself a negation ("unable to leave").
    `outcome_type`: an act whose refusal is still the act ("his appeal was rejected").
    `charge_grounds`: a charge noun, which stays real under a threatened term ("faces
    20 years on new charges": the charges are real, the term is not).
    `condition`: an act that binds for a term (a ban, a fine), which a future may word as
    imposed ("will not be able to leave the city for three months").
    """
    g, cues = grammar(code), words(code, "factuality")
    if not t.doc.has_annotation("DEP"):
        return _unreal_by_order(t, cues, negative)
    chain, shared = governing_chain(t, g)
    prep = g.preposition_of(t) if t.pos_ in ("NOUN", "PROPN") else None
    if prep is not None and cues.has(prep, "without"):
        return True  # "remains in detention without charges"
    if prep is not None and charge_grounds and cues.has(prep, "grounds"):
        chain = chain[:2]
    if any(c.lower_ in cues("future_forms") for c in kids(t) if g.is_(c, "auxiliary", "passive_auxiliary", "copula")):
        return True  # "будет обжалован": an auxiliary's future form
    if not negative and not condition and _to_come(t, clause_verb, chain, g, cues):
        return True  # "will be sentenced on Monday", "the verdict will be announced"
    if _subjunctive(t, g, cues):
        return True  # "moved that the activities be suspended": a motion, not a decision
    morph = cues("unreal_morph")
    if morph and _has_morph(t, morph) or any(_has_morph(c, morph) for c in kids(t)
                                            if g.is_(c, "auxiliary", "passive_auxiliary", "copula")):
        return True  # "будет арестован": a future the language tells as not yet done
    if g.is_(t, "gapped") and _has_morph(t, cues("gapped_unreal_morph")):
        # "второй — оправдать": an infinitive whose governing verb is elided (a root one may be a
        # ruling's operative words, «Признать виновной», or a parser's slip)
        return True
    if _an_alternative(t, g, cues) or (clause_verb is not None and _an_alternative(clause_verb, g, cues)):
        return True  # "I leave the country, or they take me out": a choice put to someone
    if _terms_of_a_choice(t, cues):
        return True  # "gave her an ultimatum: leave the country or ...": what was put, not done
    if not negative:
        top = chain[:3]
        if any(negated(a, g, cues) for a in top):
            v = clause_verb if clause_verb is not None else t
            if negated(t, g, cues) or negated(v, g, cues):
                return True
        irrealis = cues("irrealis")
        if outcome_type:
            irrealis = irrealis - cues("outcomes")
        speech = words(code, "quotes")("speech_verbs")
        for k, a in enumerate(chain[1:], start=1):
            if a.lemma_.lower() in speech and _told_as_fact(chain[k - 1], g, cues):
                # "Следует напомнить, что её приговорили", "insisted that he was detained
                # unlawfully": what is told so is told as a fact
                break
            if a.lemma_.lower() in irrealis or a.lower_ in irrealis:
                return True
            if cues.has(a, "provisions") and not g.children(a, "particle"):
                return True  # "a charge which carries a sentence of seven years": the law's term
            if cues.has(a, "asking_nouns") and _asked_by(chain[k - 1], g, cues):
                return True  # "an appeal for her release", "призыв к освобождению": asked for
        if any(c.lemma_.lower() in irrealis or c.lower_ in irrealis for c in kids(t)
               if g.is_(c, "auxiliary", "marker", "adverb", "copula", "discourse")):
            return True  # "может быть арестован", "якобы задержали"
        head = t.head
        if head.i != t.i and any(cues.has(c, "infinitive") and g.is_(c, "auxiliary", "marker") for c in kids(t)) \
                and any(g.is_(c, "object", "subject", "passive_subject") and (c.lemma_.lower() in irrealis
                                                                              or c.lower_ in irrealis)
                        for c in kids(head)):
            return True  # "renewed her call on the authorities to release him": asked for, not done
        if _future_infinitive(t, g, cues):
            return True  # "we were going to be freed": a future told from the past
        if _asked_infinitive(t, g, cues, irrealis):
            return True  # "... and calls on the authorities to release him", however it was parsed
        if t.pos_ in ("NOUN", "PROPN") and g.is_(t, "object") and cues.has(t.head, "purpose"):
            return True  # "to secure her release": worked for, not done
        if any(cues.has(c, "irrealis_modifiers") for c in kids(t) if g.is_(c, "adjective", "compound", "adverb")):
            return True  # "pending trial", "a possible sentence"
    # a modal of ability ("can") makes an act unreal ("you can arrest us"), but not one whose
    # meaning is its negation: "cannot leave the country" is a travel ban
    modals = cues("modals") | (frozenset() if negative else cues("ability_modals"))
    if any(g.is_(c, "auxiliary") and c.lower_ in modals for a in shared for c in kids(a)):
        return True
    for k, a in enumerate(chain[:MODAL_DEPTH]):
        if k and _told_as_fact(chain[k - 1], g, cues):
            break  # "It must be recalled that he had been sentenced": the modal is the telling's
        if any(g.is_(c, "auxiliary") and c.lower_ in modals for c in kids(a)):
            return True
        if any(g.is_(c, "marker") and cues.has(c, "conditions") for c in kids(a)):
            return True
        if a.pos_ == "VERB" and a.i != t.i:
            break
    return False


def _to_come(t: Token, clause_verb: Token | None, chain: list[Token], g: Grammar, cues: Words) -> bool:
    """The act (or, for a noun, its clause's verb) has an auxiliary of an act to come
    (`to_come_auxiliaries`), and no verb of a decision governs it ("ruled that he will be held":
    the order is made)."""
    future = cues("to_come_auxiliaries")
    v = clause_verb if clause_verb is not None and t.pos_ in ("NOUN", "PROPN") else t
    if not future or not any(c.lower_ in future for c in kids(v) if g.is_(c, "auxiliary")):
        return False
    return not any(cues.has(a, "ordering_verbs") for a in chain[1:MODAL_DEPTH])


def _told_as_fact(clause: Token, g: Grammar, cues: Words) -> bool:
    """A finite clause with a subject or a "that" of its own under the verb that tells it ("...
    that he had been sentenced", "что её приговорили"): what it says is told as a fact,
    whatever modal the telling has (not "чтобы его освободили", a condition's marker)."""
    if clause.pos_ not in ("VERB", "AUX") or not g.is_(clause, "clausal_complement") \
            or g.is_(clause, "open_complement") or "Inf" in clause.morph.get("VerbForm", []):
        return False
    markers = g.children(clause, "marker")
    if any(cues.has(m, "conditions") for m in markers):
        return False
    return bool(markers or g.children(clause, "subject", "passive_subject"))


def _an_alternative(t: Token, g: Grammar, cues: Words) -> bool:
    """One of the clauses a word of exclusive choice joins (`alternatives`: "either ... or",
    "либо ... либо"): an ultimatum or an option, not what happened."""
    words = cues("alternatives")
    if not words:
        return False
    own = any(cues.has(c, "alternatives") for c in g.children(t, "coordinator"))
    # the other choice coordinated with it, or (where the parse hung it on the clause above:
    # "ультиматум — я уезжаю ..., либо меня вывезут") told after it beside it
    later = [x for x in g.children(t.head, "conjunct") if x.i > t.i] if t.head.i != t.i else []
    return own or any(cues.has(c, "alternatives") for x in [*g.children(t, "conjunct"), *later]
                      for c in g.children(x, "coordinator"))


CHOICE_MARKS = frozenset({":", "—", "–", "-"})


def _terms_of_a_choice(t: Token, cues: Words) -> bool:
    """An act told after a word of an ultimatum or a choice that a colon or a dash opens, in
    the same sentence ("gave her an ultimatum: she leaves the country or ...", «поставили
    ультиматум — я уезжаю ...»): one of the terms put, by word order, however it was parsed;
    not an act told in the past ("she made her choice - she left the country")."""
    nouns = cues("choice_nouns")
    if not nouns or ("Past" in t.morph.get("Tense", []) and "Fin" in t.morph.get("VerbForm", [])):
        return False  # "She made her choice - she left the country": told as done
    start = sentences(t.doc).of(t.i)[0]
    return any(x.text in CHOICE_MARKS and x.i > start and cues.has(t.doc[x.i - 1], "choice_nouns")
               for x in t.doc[start:t.i])


def _future_infinitive(t: Token, g: Grammar, cues: Words) -> bool:
    """An infinitive right after a word that makes it a future seen from the past or about to
    come (`future_before_infinitive`: "were going to be freed", "was about to be released")."""
    before = cues("future_before_infinitive")
    marker = next((c for c in kids(t) if cues.has(c, "infinitive") and g.is_(c, "auxiliary", "marker")), None)
    return bool(before) and marker is not None and marker.i > 0 and t.doc[marker.i - 1].lower_ in before


ASK_WINDOW = 6  # words before an infinitive's marker where the word asking for it may stand


def _asked_by(x: Token, g: Grammar, cues: Words) -> bool:
    """`x` is, or hangs on, a preposition of asking ("for" of "an appeal for her release")."""
    p = x if x.pos_ == "ADP" else g.preposition_of(x)
    return p is not None and cues.has(p, "asking_prepositions")


def _asked_infinitive(t: Token, g: Grammar, cues: Words, irrealis: frozenset[str]) -> bool:
    """An act in the infinitive a few words after a word of demand, hope or refusal in the same
    clause ("calls on the authorities to release him"), wherever the parse hung the infinitive:
    no finite verb or clause stop stands between them."""
    marker = next((c for c in kids(t) if cues.has(c, "infinitive") and g.is_(c, "auxiliary", "marker")), None)
    if marker is None:
        return False
    for x in reversed(t.doc[max(sentences(t.doc).of(t.i)[0], marker.i - ASK_WINDOW):marker.i]):
        if x.lemma_.lower() in irrealis or x.lower_ in irrealis:
            return True
        if x.pos_ in ("VERB", "AUX") and "Fin" in x.morph.get("VerbForm", []) or x.is_punct and x.text in ".;:!?":
            return False
    return False


WORDS_BEFORE = 3  # without a parse, the words this close before a trigger are what modifies it


def _unreal_by_order(t: Token, cues: Words, negative: bool) -> bool:
    """A language read without a parser (tokens only): a negation, a modal, a condition or a
    word of demand or threat just before the trigger in its sentence makes it unreal."""
    before = t.doc[max(sentences(t.doc).of(t.i)[0], t.i - WORDS_BEFORE):t.i]
    names = ["irrealis", "modals", "conditions", "purpose"] + ([] if negative else ["negation"])
    return any(cues.has(x, name) for x in before for name in names)


def _subjunctive(t: Token, g: Grammar, cues: Words) -> bool:
    """A clause whose auxiliary is the bare form the language uses for what is asked or moved
    ("demanded that he be released"), with no modal or infinitive marker beside it."""
    bare = cues("subjunctive_auxiliaries")
    if not bare:
        return False
    auxes = g.children(t, "auxiliary", "passive_auxiliary")
    return any(a.lower_ in bare and "Inf" in a.morph.get("VerbForm", []) for a in auxes) and not any(
        a.lower_ in cues("modals") or cues.has(a, "infinitive") or a.lower_ in cues("future_auxiliaries") for a in auxes)


def is_state(t: Token, code: str) -> bool:
    """An act told as a state, not as an act: a noun with a state's modifier ("his ongoing
    detention"), a participle in a relation that describes a noun ("the convicted arms dealer"),
    or a word form the language uses for states (a Russian full participle:
    "осужденный", unlike the short "был осужден")."""
    g, cues = grammar(code), words(code, "factuality")
    if t.pos_ in ("NOUN", "PROPN") and any(cues.has(c, "state_modifiers") for c in kids(t)
                                           if g.is_(c, "adjective")):
        return True
    relations = cues.value("state_relations") or []
    if relations and g.is_(t, *relations) and t.head.pos_ in ("NOUN", "PROPN") \
            and "Part" in t.morph.get("VerbForm", []) and not g.children(t, "subject", "passive_subject") \
            and t.doc[slice(*sentences(t.doc).of(t.i))].root.pos_ in ("VERB", "AUX"):
        # "the convicted arms dealer X": a participle describing a noun tells its state (not in a
        # clause the parse misread, where it has a subject of its own or the sentence no verb
        # but it: "authorities transferred journalist X", "A court sentenced journalist X")
        return True
    state = cues("state_morph")
    if state and _has_morph(t, state) and not _has_morph(t, cues("state_unless_morph")):
        return True
    endings = _endings(code)
    # (a noun only when its lemma is a participle too: "осужденном", not "запретом", "арестом")
    return endings is not None and t.pos_ in ("ADJ", "PROPN", "NOUN") and bool(endings.search(t.lower_)) \
        and (t.pos_ != "NOUN" or bool(endings.search(t.lemma_.lower())))


@cache
def _endings(code: str) -> re.Pattern[str] | None:
    rx = words(code, "factuality").value("state_endings")
    return re.compile(rx) if rx else None


def in_label(t: Token, code: str) -> bool:
    """The trigger is inside a short quoted phrase, the words of a label or a charge
    ("по статье о «призывах к экстремизму»"), not an act."""
    cues = words(code, "factuality")
    pairs = cues.value("label_quotes") or []
    if not pairs:
        return False
    text = text_of(t.doc)
    line_start = text.rfind("\n", 0, t.idx) + 1
    before = text[line_start:t.idx]
    for left, right in pairs:
        opened = before.rfind(left)
        if opened < 0 or before.rfind(right) > opened:
            continue
        close = text.find(right, t.idx + len(t.text))
        if close >= 0 and len(text[line_start + opened:close].split()) <= int(cues.value("label_max_words", 4)):
            return True
    return False


def _has_morph(t: Token, features: frozenset[str]) -> bool:
    """Whether the token has one of the features ("tense=fut"), or all of a combination joined
    by "+" ("aspect=perf+tense=pres")."""
    if not features:
        return False
    have = {f.lower() for f in str(t.morph).split("|") if f}
    return any(all(part in have for part in f.split("+")) for f in features)
