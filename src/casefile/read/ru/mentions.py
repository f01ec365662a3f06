"""Named mentions in a Russian document: natasha's NER spans, in the nominative.

Mention.text is the form as written ("Алексею Горинову"); Mention.norm is
natasha's normal form (the nominative, "Алексей Горинов"), so every case of a
name looks the same to consolidation. Role words that the tagger swallows into
a person span ("Адвокат Петрова") are cut off and become hints only when they
stand in the same case as the name (apposition: "адвокат Иван Петров" is the
lawyer; "адвокат Петрова" is Petrov's lawyer). Codes of detention places
("СИЗО-1") and ethnic or religious groups, which the tagger does not mark,
come from resources/ru/cues.yaml.
"""

from __future__ import annotations

import re
from functools import cache

from casefile.model import EntityType, Mention, Role, Source
from casefile.read.ru.parse import NerSpan, Parsed
from casefile.resources import load

LABELS: dict[str, EntityType] = {"PER": "person", "ORG": "organization", "LOC": "place"}


@cache
def cues() -> dict:
    return load("ru/cues.yaml")


@cache
def role_of_lemma() -> dict[str, Role]:
    return {lemma: role for role, lemmas in cues()["roles"].items() for lemma in lemmas}


def extract_mentions(p: Parsed, source: Source) -> list[Mention]:
    raw: list[tuple[int, int, EntityType, str, list[Role], list[EntityType]]] = []
    facilities = _facilities(p)
    for sp in p.spans:
        if any(a <= sp.start < b for a, b, *_ in facilities):
            continue
        item = _from_span(p, sp)
        if item:
            raw.append(item)
    raw.extend(facilities)
    raw.extend(_groups(p))
    raw.sort(key=lambda r: r[0])
    out: list[Mention] = []
    for start, end, etype, norm, roles, types in raw:
        out.append(Mention(
            id=f"{source.id}:M{len(out) + 1}", source=source.id, text=p.text[start:end], start=start, end=end,
            type=etype, norm=norm, sentence=p.sent_of(start), role_hints=roles, type_hints=types,
        ))
    return out


def _from_span(p: Parsed, sp: NerSpan) -> tuple[int, int, EntityType, str, list[Role], list[EntityType]] | None:
    etype = LABELS.get(sp.label)
    if etype is None:
        return None
    first, normal = sp.first, sp.normal
    roles: list[Role] = []
    # a role word swallowed into the span: cut it off
    while first < sp.stop - 1 and p.toks[first].lemma in role_of_lemma():
        normal = normal.split(" ", 1)[1] if " " in normal else normal
        first += 1
    if first != sp.first:
        start = p.toks[first].start
    else:
        start = sp.start
    cue = _cue_before(p, first)
    if cue is not None and etype == "person":
        roles.append(cue)
    types: list[EntityType] = []
    lemmas = {t.lemma for t in p.toks[first:sp.stop]}
    if etype == "organization" and lemmas & set(cues()["authority_orgs"]):
        roles.append("authority")
    if etype == "organization":
        types.append("organization")
    if etype == "place" and normal.isupper() and len(normal) > 4:
        normal = normal.title()  # datelines write the city in capitals ("МОСКВА")
    return start, sp.end, etype, _clean(normal), roles, types


def _cue_before(p: Parsed, first: int) -> Role | None:
    """The role of a cue word right before a name (or one word before it: "его адвокат"), if in the same case."""
    name = p.toks[first]
    for j in (first - 1, first - 2):
        if j < 0 or p.toks[j].sent != name.sent:
            return None
        t = p.toks[j]
        role = role_of_lemma().get(t.lemma)
        if role:
            same_case = t.feats.get("Case") == name.feats.get("Case") or name.feats.get("Case") is None
            return role if same_case else None
        if t.pos not in {"ADJ", "DET", "PRON"}:
            return None
    return None


def _facilities(p: Parsed) -> list[tuple[int, int, EntityType, str, list[Role], list[EntityType]]]:
    """"СИЗО-1", "ИК-2 Мордовии": a code and a number, with the place it belongs to when one follows."""
    codes = "|".join(re.escape(c) for c in cues()["facilities"])
    rx = re.compile(rf"(?<![\w-])(?:{codes})[-\u2011 ]?(?:№\s?)?\d+(?:\s+[А-ЯЁ][а-яё-]+)?")
    out = []
    for m in rx.finditer(p.text):
        text = m.group(0)
        tail = text.split()[-1] if " " in text else ""
        # keep the following word only when it is a name in the genitive ("Владимира")
        if tail and not _genitive_name(p, m.end() - len(tail)):
            text = text[: -len(tail)].rstrip()
        out.append((m.start(), m.start() + len(text), "place", text, [], ["place"]))
    return out


def _genitive_name(p: Parsed, start: int) -> bool:
    for t in p.toks:
        if t.start == start:
            return t.feats.get("Case") == "Gen" and t.pos in {"PROPN", "NOUN"}
    return False


def _groups(p: Parsed) -> list[tuple[int, int, EntityType, str, list[Role], list[EntityType]]]:
    names = cues()["groups"]
    out = []
    for t in p.toks:
        if t.lemma in names and t.feats.get("Number") == "Plur":
            out.append((t.start, t.end, "group", str(names[t.lemma]), [], ["group"]))
    return out


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip(" \t\n.,;:\"“”«»()[]")


def person_before(mentions: list[Mention], pos: int, role: Role | None = None) -> Mention | None:
    """The closest person mention ending before `pos` (with that role hint, when one is asked)."""
    best = None
    for m in mentions:
        if m.type == "person" and m.end <= pos and (role is None or role in m.role_hints):
            best = m
    return best
