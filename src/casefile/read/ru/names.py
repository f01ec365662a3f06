"""Person names in the nominative, from pymorphy2's name and surname paradigms.

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
from functools import cache

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
    for w in words:
        votes.update({(g, c) for g, c, _, _ in _readings(w)})
        for g, c, score, _ in _readings(w):
            weight[(g, c)] = weight.get((g, c), 0.0) + score
    if not votes:
        return None
    hint = UD_CASE.get(case_hint or "")
    return max(sorted(votes), key=lambda gc: (votes[gc], gc[1] == hint, weight.get(gc, 0.0)))


def person_nominative(words: list[str], case_hint: str | None = None) -> list[str | None]:
    """Each word of a person's name in the nominative, or None where pymorphy2 does not
    know it as a name word (an indeclinable or foreign name: the caller keeps what it has)."""
    pick = _agreed(words, case_hint)
    out: list[str | None] = []
    for k, w in enumerate(words):
        form = None
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
    return load("ru/names.yaml")["surname_endings"]


def _by_ending(word: str, gender: str, case: str) -> str | None:
    """A surname pymorphy2 reads as something else ("Калиева": an adjective), in the gender and
    case the rest of the name showed, by the regular surname endings (resources/ru/names.yaml)."""
    table = _endings().get(gender, {}).get(case, {})
    for ending in sorted(table, key=len, reverse=True):
        if word.lower().endswith(ending) and len(word) > len(ending) + 1:
            return word[: -len(ending)] + table[ending]
    return None


def surname_nominatives(word: str) -> list[str]:
    """Every nominative a lone surname may stand for ("Соколову": "Соколов" in the dative or
    "Соколова" in the accusative), most likely first."""
    out: list[str] = []
    for _, _, _, x in _readings(word):
        if "Surn" not in x.tag:  # type: ignore[attr-defined]
            continue
        inflected = x.inflect({"Nom"})  # type: ignore[attr-defined]
        if inflected and _cased(inflected.word, word) not in out:
            out.append(_cased(inflected.word, word))
    return out


def _cased(form: str, like: str) -> str:
    """`form` written with the capitals of `like` ("Ким-Петрова" keeps both capitals)."""
    parts = form.split("-")
    ref = like.split("-")
    if len(parts) == len(ref):
        return "-".join(p.capitalize() if r[:1].isupper() else p for p, r in zip(parts, ref, strict=True))
    return form.capitalize() if like[:1].isupper() else form
