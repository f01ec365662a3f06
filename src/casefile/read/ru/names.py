"""Russian names in the nominative, from pymorphy2's paradigms: the language's name hooks.

These are the hooks `resources/ru/language.yaml` names under `hooks:` for what data cannot
express: `person_norm` and `name_norm` put a name the reader found in the nominative,
`surname_nominatives` gives the nominatives a lone surname may stand for, `person_gender`
tells a person's gender from the name. A language without them keeps names as written.

natasha normalises a name with the gender its tagger guessed, and the tagger often
guesses masculine for a woman named in an oblique case ("Дину Мусину" stays as
written). pymorphy2 (under natasha's MorphVocab) tags first names (Name),
surnames (Surn) and patronymics (Patr) with gender and case, so the words of one
name can be made to agree: the (gender, case) reading that most of the name's
words share wins, and the syntax tagger's case only breaks a tie ("Дину Мусину" is
a woman in the accusative or a man in the dative: the sentence decides).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from functools import cache
from typing import Any

from spacy.tokens import Token

from casefile.read.grammar import grammar
from casefile.read.ru.parse import pipeline
from casefile.resources import load

NAME_TAGS = ("Name", "Surn", "Patr")
# natasha's (UD) case names -> pymorphy2's
UD_CASE = {"Nom": "nomn", "Gen": "gent", "Dat": "datv", "Acc": "accs", "Ins": "ablt", "Loc": "loct"}


@cache
def _readings(word: str) -> tuple[tuple[str, str, float, object], ...]:
    """(gender, case, pymorphy2's score, parse) of every singular name reading of `word`; a
    name of common gender ("Саша", tagged ms-f) reads as both."""
    out: list[tuple[str, str, float, object]] = []
    for x in pipeline().morph_vocab.parse(word):
        tag = x.tag
        if not any(t in tag for t in NAME_TAGS) or tag.number != "sing":
            continue
        genders = ("masc", "femn") if "ms-f" in tag else (tag.gender,) if tag.gender in {"masc", "femn"} else ()
        out.extend((g, tag.case, float(x.score), x) for g in genders)
    # a declinable reading before an indeclinable one of the same form ("Алию": Алия, not "Алию")
    return tuple(sorted(out, key=lambda r: ("Fixd" in r[3].tag, -r[2])))  # type: ignore[attr-defined]


def _agreed(words: list[str], case_hint: str | None) -> tuple[str, str] | None:
    """The (gender, case) most words of the name can stand in; ties go to the tagger's case,
    then to the readings pymorphy2 finds likelier ("Марине": Марина rather than Марин)."""
    votes: Counter[tuple[str, str]] = Counter()
    weight: dict[tuple[str, str], float] = {}
    for k, w in enumerate(words):
        readings = {(g, c): score for g, c, score, _ in reversed(_readings(w))}
        if k > 0:  # a surname pymorphy2 knows in one gender only ("Иванцина"): its regular endings
            for gc in _ending_readings(w):
                readings.setdefault(gc, ENDING_SCORE)
        votes.update(readings.keys())
        for gc, score in readings.items():
            weight[gc] = weight.get(gc, 0.0) + score
    if not votes:
        return None
    hint = UD_CASE.get(case_hint or "")
    return max(sorted(votes), key=lambda gc: (votes[gc], gc[1] == hint, weight.get(gc, 0.0)))


def person_nominative(words: list[str], case_hint: str | None = None) -> list[str | None]:
    """Each word of a person's name in the nominative, or None where pymorphy2 does not
    know it as a name word (an indeclinable or foreign name: the caller keeps what it has)."""
    pick = _agreed(words, case_hint)
    out: list[str | None] = []
    indeclinable = tuple(str(e) for e in load("ru/entities.yaml").get("indeclinable_surname_endings") or [])
    for k, w in enumerate(words):
        form = None
        if k > 0 and indeclinable and w.lower().endswith(indeclinable):
            out.append(w)  # "Ивана Седых": a surname of this ending is the same in every case
            continue
        if pick:
            for g, c, _, x in _readings(w):
                if (g, c) == pick:
                    inflected = x.inflect({"Nom"})  # type: ignore[attr-defined]
                    form = _cased(inflected.word, w) if inflected else None
                    break
            if form is None and k > 0:  # the surname, read by pymorphy2 as something else
                form = _by_ending(w, *pick)
        out.append(form)
    return out


@cache
def _endings() -> dict:
    return load("ru/entities.yaml")["surname_endings"]


ENDING_SCORE = 0.3  # the weight of a reading found by a surname's ending, not in pymorphy2's lexicon


@cache
def _ending_readings(word: str) -> frozenset[tuple[str, str]]:
    """The (gender, case) readings a surname's regular ending allows ("-ина": a man's in the
    genitive or accusative, a woman's in the nominative), from `surname_endings`."""
    low = word.lower()
    out: set[tuple[str, str]] = set()
    for gender, cases in _endings().items():
        for case, table in cases.items():
            for ending, nominative in table.items():
                if len(low) > len(ending) + 1 and low.endswith(ending):
                    out.add((gender, case))
                if len(low) > len(nominative) + 1 and low.endswith(nominative):
                    out.add((gender, "nomn"))
    return frozenset(out)


def _by_ending(word: str, gender: str, case: str) -> str | None:
    """A surname pymorphy2 reads as something else ("Калиева": an adjective), in the gender and
    case the rest of the name showed, by the regular surname endings (resources/ru/entities.yaml, `surname_endings`)."""
    table = _endings().get(gender, {}).get(case, {})
    for ending in sorted(table, key=len, reverse=True):
        if word.lower().endswith(ending) and len(word) > len(ending) + 1:
            return word[: -len(ending)] + table[ending]
    return None


def surname_nominatives(word: str, case: str | None = None) -> list[str]:
    """Every nominative a lone surname may stand for ("Соколову": "Соколов" in the dative or
    "Соколова" in the accusative), most likely first: those in the tagger's `case` (a UD
    case name) before the others."""
    found: list[tuple[str, str]] = []  # (nominative, pymorphy2's case)
    for _, c, _, x in _readings(word):
        if "Surn" not in x.tag:  # type: ignore[attr-defined]
            continue
        inflected = x.inflect({"Nom"})  # type: ignore[attr-defined]
        if inflected:
            found.append((_cased(inflected.word, word), c))
    for gender, c in sorted(_ending_readings(word)):  # the regular endings pymorphy2 may not know
        form = word if c == "nomn" else _by_ending(word, gender, c)
        if form:
            found.append((form, c))
    wanted = UD_CASE.get(case or "")
    ordered = sorted(found, key=lambda f: f[1] != wanted) if wanted else found
    return list(dict.fromkeys(form for form, _ in ordered))


def _cased(form: str, like: str) -> str:
    """`form` written with the capitals of `like` ("Ким-Петрова" keeps both capitals)."""
    parts = form.split("-")
    ref = like.split("-")
    if len(parts) == len(ref):
        return "-".join(p.capitalize() if r[:1].isupper() else p for p, r in zip(parts, ref, strict=True))
    return form.capitalize() if like[:1].isupper() else form


def _feat(t: Token, name: str) -> str | None:
    values = t.morph.get(name, [])
    return values[0] if values else None


def person_norm(toks: Sequence[Token], words: list[str], root: Token) -> list[str]:
    """A person's name in the nominative, word by word (hook `person_nominative`).

    natasha inflects a name with the gender its tagger guessed, often wrongly for a woman
    ("Дину Мусину" stays as written): the words are agreed by pymorphy2's name paradigms
    instead; a word it does not know as a name keeps natasha's form (`words`)."""
    if len(words) != len(toks):
        words = [t.text for t in toks]
    cases = Counter(c for t in toks if (c := _feat(t, "Case")))
    hint = cases.most_common(1)[0][0] if cases else None
    if grammar("ru").is_(root, "subject", "passive_subject") and "Nom" in cases:
        hint = "Nom"  # the subject of its clause: the tagger's other case for a word of it is the slip
    fixed = person_nominative([t.text for t in toks], hint)
    if hint == "Nom" and None in fixed and len(toks) > 1:
        return list(words)  # no reading agrees for all the words of a name already in the nominative
    return [f or w for f, w in zip(fixed, words, strict=True)]


def name_norm(toks: Sequence[Token], words: list[str], head: Token) -> list[str]:
    """An organisation's or a place's name in the nominative (hook `name_nominative`).

    natasha leaves an adjective it does not know inflected ("Бережковского районный суд"):
    pymorphy2 predicts its paradigm, so it is agreed with the head in the nominative; the last
    of coordinated names sharing one plural head is one place ("Донецкой и Луганской
    областей": "Луганская область")."""
    words = list(words)
    if len(words) != len(toks):
        return words
    last = toks[-1]
    if last.pos_ == "NOUN" and _feat(last, "Number") == "Plur":
        # the parse may hang the adjective on a coordinated one outside the span: the noun is the head
        return _one_of_many(toks, last, words)
    if _feat(head, "Number") == "Plur":
        return words
    gender = {"Masc": "Masc", "Fem": "Fem", "Neut": "Neut"}.get(_feat(head, "Gender") or "", "Masc")
    for k, t in enumerate(toks):
        # the tagger's own reading of an unknown word is what failed: ask pymorphy2's
        if t.i >= head.i or words[k] != t.text or not (t.pos_ == "ADJ" or t.dep_ == "amod"):
            continue
        adj = [x for x in pipeline().morph_vocab.parse(t.text) if "ADJF" in x.tag]
        if not adj or "nomn" in adj[0].tag:
            continue
        form = adj[0].inflect({"Nom", gender, "Sing"})
        if form:
            words[k] = form.word.capitalize() if t.text[:1].isupper() else form.word
    return words


def _one_of_many(toks: Sequence[Token], head: Token, words: list[str]) -> list[str]:
    if not all(t.pos_ == "ADJ" for t in toks if t.i != head.i) or len(toks) < 2:
        return words
    noun = [x for x in pipeline().morph_vocab.parse(head.text) if "NOUN" in x.tag and "plur" in x.tag]
    sing: Any = noun[0].inflect({"Nom", "Sing"}) if noun else None
    if sing is None:
        return words
    gender = {"masc": "Masc", "femn": "Fem", "neut": "Neut"}.get(str(sing.tag.gender), "Masc")
    out = []
    for t in toks:
        if t.i == head.i:
            out.append(sing.word.capitalize() if t.text[:1].isupper() else sing.word)
            continue
        adj = [x for x in pipeline().morph_vocab.parse(t.text) if "ADJF" in x.tag]
        form = adj[0].inflect({"Nom", gender, "Sing"}) if adj else None
        out.append((form.word.capitalize() if t.text[:1].isupper() else form.word) if form else t.text)
    return out


@cache
def person_gender(norm: str) -> str | None:
    """"male"/"female" from a name in the nominative (hook `person_gender`): pymorphy2 knows first
    names ("Никита" is masculine) and the gendered surname endings ("Соколова"); None when it
    cannot tell ("Лесных")."""
    votes = set()
    for word in norm.split()[:2]:
        genders = {("female" if "femn" in x.tag else "male") for x in pipeline().morph_vocab.parse(word)
                   if ("Name" in x.tag or "Surn" in x.tag) and "nomn" in x.tag and ("femn" in x.tag or "masc" in x.tag)}
        if len(genders) == 1:
            votes |= genders
    return votes.pop() if len(votes) == 1 else None
